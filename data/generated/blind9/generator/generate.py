"""Write the seven blind9 synthetic patients as FHIR R4 JSON.

patients 1-5: one Bundle each   -> patients/blind9_<n>_<patientid>.json
patients 6-7: Bulk Data export  -> patients/bulk/<ResourceType>.ndjson
generator summary (not FHIR)     -> generator/meta.json

Usage: python3 generator/generate.py   (stdlib only, seed 909)
"""
import json
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lib import Chart  # noqa: E402
import p1_clozapine, p2_cystic_fibrosis, p3_melanoma, p4_mech_valve, p5_hemophilia, p6_pad, p7_bariatric  # noqa: E402

SEED = 909
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "patients")
MODULES = [p1_clozapine, p2_cystic_fibrosis, p3_melanoma, p4_mech_valve, p5_hemophilia, p6_pad, p7_bariatric]
BASE = "https://example.org/fhir"


def main():
    rng = random.Random(SEED)
    os.makedirs(os.path.join(OUT, "bulk"), exist_ok=True)
    # clear previous outputs we own
    for f in os.listdir(OUT):
        if f.startswith("blind9_") and f.endswith(".json"):
            os.remove(os.path.join(OUT, f))
    for f in os.listdir(os.path.join(OUT, "bulk")):
        if f.endswith(".ndjson"):
            os.remove(os.path.join(OUT, "bulk", f))
    meta = {"seed": SEED, "patients": []}
    bulk = {}
    for n, mod in enumerate(MODULES, start=1):
        ch = Chart(rng, tz=mod.TZ)
        mod.build(ch)
        pid = ch.pid
        counts = Counter(r["resourceType"] for r in ch.res)
        entry = {"n": n, "module": mod.__name__, "patient_id": pid, "bundle_type": mod.BUNDLE_TYPE,
                 "resources": len(ch.res), "by_type": dict(sorted(counts.items()))}
        if mod.BUNDLE_TYPE == "bulk":
            for r in ch.res:
                bulk.setdefault(r["resourceType"], []).append(r)
            entry["file"] = "patients/bulk/<ResourceType>.ndjson"
        else:
            bundle = {"resourceType": "Bundle", "id": ch.nid(), "meta": {"lastUpdated": "2025-03-03T12:00:00Z"},
                      "type": mod.BUNDLE_TYPE, "timestamp": "2025-03-03T12:00:00Z", "entry": []}
            for r in ch.res:
                e = {"fullUrl": "%s/%s/%s" % (BASE, r["resourceType"], r["id"]), "resource": r}
                if mod.BUNDLE_TYPE == "transaction":
                    e["request"] = {"method": "PUT", "url": "%s/%s" % (r["resourceType"], r["id"])}
                bundle["entry"].append(e)
            fn = "blind9_%d_%s.json" % (n, pid)
            with open(os.path.join(OUT, fn), "w") as fh:
                json.dump(bundle, fh, indent=1)
                fh.write("\n")
            entry["file"] = "patients/" + fn
        meta["patients"].append(entry)
    for rt in sorted(bulk):
        with open(os.path.join(OUT, "bulk", rt + ".ndjson"), "w") as fh:
            for r in bulk[rt]:
                fh.write(json.dumps(r, separators=(",", ":")) + "\n")
    with open(os.path.join(HERE, "meta.json"), "w") as fh:
        json.dump(meta, fh, indent=1)
        fh.write("\n")
    for p in meta["patients"]:
        print(p["n"], p["patient_id"], p["bundle_type"], p["resources"], p["file"])


if __name__ == "__main__":
    main()

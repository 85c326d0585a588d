"""Read-only loader for the raw blind6 FHIR files (bundles + bulk NDJSON). stdlib only.

Shared by make_questions.py and verify.py; it knows nothing about any system under test.
"""
import base64
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PAT_DIR = os.path.join(HERE, "patients")
# bulk patients are told apart by birth date (the generator's design constants)
BULK_BIRTH = {"1979-11-22": 3, "1939-02-19": 4}


def _subject_ref(r):
    for key in ("subject", "patient"):
        v = r.get(key)
        if isinstance(v, dict) and "reference" in v:
            return v["reference"]
    return None


def load():
    """Return {n: {"pid", "where", "res": [resources], "fmt": "bundle"|"bulk"}}."""
    charts = {}
    for path in sorted(glob.glob(os.path.join(PAT_DIR, "blind6_*.json"))):
        n = int(os.path.basename(path).split("_")[1])
        b = json.load(open(path))
        res = [e["resource"] for e in b["entry"]]
        pt = [r for r in res if r["resourceType"] == "Patient"][0]
        charts[n] = {"pid": pt["id"], "where": os.path.relpath(path, HERE), "res": res, "fmt": "bundle"}
    bulk = os.path.join(PAT_DIR, "bulk")
    rows = []
    for path in sorted(glob.glob(os.path.join(bulk, "*.ndjson"))):
        for line in open(path):
            if line.strip():
                rows.append(json.loads(line))
    pid2n = {}
    for r in rows:
        if r["resourceType"] == "Patient":
            n = BULK_BIRTH[r["birthDate"]]
            pid2n[r["id"]] = n
            charts[n] = {"pid": r["id"], "where": "patients/bulk/", "res": [], "fmt": "bulk"}
    for r in rows:
        if r["resourceType"] == "Patient":
            charts[pid2n[r["id"]]]["res"].append(r)
        else:
            ref = _subject_ref(r)
            charts[pid2n[ref.split("/", 1)[1]]]["res"].append(r)
    return charts


def owner_ref(chart):
    return f"urn:uuid:{chart['pid']}" if chart["fmt"] == "bundle" else f"Patient/{chart['pid']}"


def belongs(r, chart):
    if r["resourceType"] == "Patient":
        return r["id"] == chart["pid"]
    return _subject_ref(r) == owner_ref(chart)


def note_text(r):
    out = []
    for c in r.get("content", []):
        data = c.get("attachment", {}).get("data")
        if data:
            out.append(base64.b64decode(data).decode("utf-8"))
    return "\n".join(out)


def searchable(r):
    """Resource JSON with base64 payloads replaced by their decoded text."""
    if r["resourceType"] == "DocumentReference":
        r2 = json.loads(json.dumps(r))
        for c in r2.get("content", []):
            c.get("attachment", {}).pop("data", None)
        return json.dumps(r2, ensure_ascii=False) + "\n" + note_text(r)
    return json.dumps(r, ensure_ascii=False)


def rdate(r):
    """The clinically meaningful date/time of a resource (ISO string) or ''."""
    for k in ("effectiveDateTime", "authoredOn", "onsetDateTime", "occurrenceDateTime", "timingDateTime", "date",
              "recordedDate", "startDate", "deceasedDateTime"):
        if k in r and isinstance(r[k], str):
            return r[k]
    for k in ("performedPeriod", "period"):
        if k in r:
            return r[k]["start"]
    return ""

#!/usr/bin/env python3
"""Generate the SEALED blind8 held-out set: 7 invented patients (raw FHIR R4) + questions.

stdlib only; deterministic (random.Random(808) in lib.R).  Run:  python3 generator/generate.py
Outputs (relative to the blind8 folder):
  patients/blind8_N_<Patient.id>.json   5 patients as FHIR Bundles (transaction / collection)
  patients/bulk/<ResourceType>.ndjson  2 patients as a Bulk Data export
  questions.jsonl                       the questions
  generator/abstain_terms.json          per abstain question, the terms naming the absent concept
  generator/meta.json                   per-patient summary used by SOURCE.md
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(HERE)

from lib import R, BASE, rid, strip_private, uid  # noqa: E402
import importlib  # noqa: E402

BUILDERS = ["p1_sickle", "p2_ms", "p3_prostate", "p4_epilepsy", "p5_dementia", "p6_pe", "p7_crohn"]


class Questions:
    def __init__(self):
        self.items = []

    def a(self, chart, kind, text, gold, facts, match="all", miss=False):
        ids = []
        for g in gold:
            i = rid(g)
            if i not in ids:
                ids.append(i)
        assert facts, text
        self.items.append({"patient_id": chart.pid, "question": text, "kind": kind, "now": chart.now,
                           "expect": "answer", "gold_ids": ids, "gold_match": match,
                           "answer_facts": [str(f) for f in facts], "_miss": miss, "_terms": None})

    def x(self, chart, kind, text, terms, miss=False):
        self.items.append({"patient_id": chart.pid, "question": text, "kind": kind, "now": chart.now,
                           "expect": "abstain", "gold_ids": [], "gold_match": "any",
                           "answer_facts": [], "_miss": miss, "_terms": [t.lower() for t in terms]})


def write_bundle(chart, path):
    entries = []
    for r in chart.res:
        r = strip_private(r)
        e = {"fullUrl": f"{BASE}{r['resourceType']}/{r['id']}", "resource": r}
        if chart.kind == "transaction":
            e["request"] = {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}
        entries.append(e)
    b = {"resourceType": "Bundle", "id": uid(), "meta": {"lastUpdated": chart.now + "T00:00:00Z"},
         "type": chart.kind, "entry": entries}
    if chart.kind == "collection":
        b["timestamp"] = chart.now + "T00:00:00Z"
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(b, fh, indent=1, ensure_ascii=False)
        fh.write("\n")


def collect_systems(obj, out):
    if isinstance(obj, dict):
        if isinstance(obj.get("system"), str) and obj["system"].startswith(("http", "urn")):
            out[obj["system"]] = out.get(obj["system"], 0) + 1
        for v in obj.values():
            collect_systems(v, out)
    elif isinstance(obj, list):
        for v in obj:
            collect_systems(v, out)


SYSTEM_NAMES = {
    "http://snomed.info/sct": "SNOMED CT",
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "http://loinc.org": "LOINC",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "http://hl7.org/fhir/sid/cvx": "CVX (vaccines)",
    "http://unitsofmeasure.org": "UCUM units",
    "https://example.org/fhir/CodeSystem/local-observation": "local observation codes (no standard LOINC used)",
    "https://example.org/fhir/mrn": "local MRN identifier system",
    "urn:ietf:bcp:47": "BCP-47 language tags",
}


def write_source(charts, items, meta, misspelled):
    n_abs = sum(1 for q in items if q["expect"] == "abstain")
    n_ans = len(items) - n_abs
    total_res = sum(len(c.res) for c in charts)
    kinds = {}
    for q in items:
        k = kinds.setdefault(q["kind"], [0, 0])
        k[0 if q["expect"] == "answer" else 1] += 1
    per_pat = {}
    for q in items:
        k = per_pat.setdefault(q["patient_id"], [0, 0])
        k[0 if q["expect"] == "answer" else 1] += 1
    types = {}
    systems = {}
    for c in charts:
        for r in c.res:
            types[r["resourceType"]] = types.get(r["resourceType"], 0) + 1
            collect_systems(strip_private(r), systems)
    L = []
    L.append("SEALED blind held-out question set")
    L.append("")
    L.append("# blind8 - sealed blind held-out set for the clinical chart question-answering system")
    L.append("")
    L.append("Written under the rules in `/work/shared/eval/BLIND_SETS.md`: invented from raw FHIR and clinical habit only, "
             "without reading the system's code, lexicon, tune sets or any earlier question set. Gold evidence and facts "
             "are computed from the raw JSON by stdlib code that shares nothing with the project. Score it **once**, before "
             "any change made because of it, and report that first score.")
    L.append("")
    L.append("## Size")
    L.append("")
    L.append(f"- Questions: **{len(items)}** ({n_ans} answer, {n_abs} abstain = {100.0 * n_abs / len(items):.1f}%)")
    L.append(f"- Questions with a misspelled concept: {len(misspelled)} ({100.0 * len(misspelled) / len(items):.1f}%)")
    L.append(f"- Patients: 7 ({sum(1 for c in charts if c.kind != 'bulk')} as FHIR Bundles, "
             f"{sum(1 for c in charts if c.kind == 'bulk')} together as a Bulk Data NDJSON export)")
    L.append(f"- FHIR R4 resources: **{total_res}**")
    L.append("")
    L.append("## Counts per kind")
    L.append("")
    L.append("| kind | answer | abstain | total |")
    L.append("|---|---:|---:|---:|")
    for k in sorted(kinds):
        a, b = kinds[k]
        L.append(f"| {k} | {a} | {b} | {a + b} |")
    L.append(f"| **all** | **{n_ans}** | **{n_abs}** | **{len(items)}** |")
    L.append("")
    L.append("## Patients")
    L.append("")
    L.append("| n | Patient.id | file | now | answer | abstain | resources | event dates | history |")
    L.append("|---|---|---|---|---:|---:|---:|---|---|")
    for m in meta:
        a, b = per_pat[m["patient_id"]]
        L.append(f"| {m['n']} | `{m['patient_id']}` | `{m['file']}` | {m['now']} | {a} | {b} | {m['resources']} | "
                 f"{m['first_event']} .. {m['last_event']} | {m['history']} |")
    L.append("")
    L.append("Bundle types: " + ", ".join(f"patient {m['n']} = {m['kind']}" for m in meta if m["kind"] != "bulk") +
             ". Patients " + " and ".join(str(m["n"]) for m in meta if m["kind"] == "bulk") +
             " are mixed together in `patients/bulk/<ResourceType>.ndjson` (one resource per line). Every resource has a "
             "uuid4 id drawn from the seeded RNG; fullUrl is `https://example.org/fhir/<ResourceType>/<id>`; references "
             "are `<ResourceType>/<id>`. `now` is the date each question is asked (after the chart's last event; "
             "relative time words such as 'this fall' or 'the last 2 yrs' are relative to it). Early event dates come "
             "from historical onsets (childhood allergies, newborn diagnoses).")
    L.append("")
    L.append("## Resource types")
    L.append("")
    L.append("| resourceType | count |")
    L.append("|---|---:|")
    for t in sorted(types, key=lambda t: (-types[t], t)):
        L.append(f"| {t} | {types[t]} |")
    L.append("")
    L.append("Clinical notes are DocumentReferences with a base64 `text/plain` attachment (LOINC 11506-3 progress note, "
             "18842-5 discharge summary, 34117-2 H&P, 11488-4 consult note, 28570-0 procedure note); several facts "
             "(reasons a drug was stopped in words, social situation, preferences, code status, referrals) are "
             "recorded only in note text.")
    L.append("")
    L.append("## Code systems used")
    L.append("")
    L.append("| system | name | codings |")
    L.append("|---|---|---:|")
    for sy in sorted(systems, key=lambda x: (-systems[x], x)):
        L.append(f"| `{sy}` | {SYSTEM_NAMES.get(sy, 'HL7 terminology')} | {systems[sy]} |")
    L.append("")
    L.append("Codes were assigned from the author's knowledge of the terminologies and were not validated against a "
             "terminology server; a few RxNorm/SNOMED/CVX codes may not be the exact official concept. Display strings and "
             "`text` carry the meaning the questions rely on.")
    L.append("")
    L.append("## Question file format")
    L.append("")
    L.append("`questions.jsonl`, one object per line: `id` (b8-001..), `patient_id`, `question` (clinician-typed, with "
             "shorthand, lay terms, brand names, time in words, misspellings), `kind`, `now`, `expect` (answer|abstain), "
             "`gold_ids` (\"ResourceType/id\" evidence; for a trend every point in the window, for a count every counted "
             "resource, for 'what is she on' every active order), `gold_match` (all|any), `answer_facts` (short strings a "
             "correct answer must contain, values exactly as recorded, dates ISO; empty for abstain). "
             "`generator/abstain_terms.json` lists, per abstain question, the lowercase terms/codes naming the absent "
             "concept. `generator/meta.json` holds per-patient metadata and the ids of the misspelled questions.")
    L.append("")
    L.append("## Provenance and license")
    L.append("")
    L.append("All patients, names, addresses (555 phone numbers), clinicians, organizations, events and notes are "
             "synthetic: invented by `generator/generate.py` (hand-written clinical histories, deterministic "
             "`random.Random(808)` for ids). No real patient data and no external dataset were used. "
             "Released under **CC0 1.0** (public domain dedication).")
    L.append("")
    L.append("## Regenerate and verify")
    L.append("")
    L.append("```")
    L.append("cd /work/blind8")
    L.append("python3 generator/generate.py   # rewrites patients/, questions.jsonl, generator/abstain_terms.json, meta.json, SOURCE.md")
    L.append("python3 verify.py               # exits non-zero on any failure")
    L.append("```")
    L.append("")
    L.append("Python 3 standard library only; output is byte-for-byte reproducible. `verify.py` checks that every gold id "
             "exists and belongs to the question's patient; every answer fact occurs (case-insensitive) in the gold "
             "resources' JSON or decoded note text; `*_count` kinds have the count as the only fact and it equals "
             "len(gold_ids); every abstain term is absent (whole-token match, JSON plus decoded notes) from that patient "
             "but at least one of its terms is present in another patient of this set; references resolve within the "
             "patient; `now` is after the patient's last event.")
    L.append("")
    with open(os.path.join(ROOT, "SOURCE.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(L))


def main():
    Q = Questions()
    builders = [importlib.import_module(b) for b in BUILDERS]
    charts = [b.build(Q) for b in builders]

    pdir = os.path.join(ROOT, "patients")
    bdir = os.path.join(pdir, "bulk")
    os.makedirs(bdir, exist_ok=True)
    for fn in os.listdir(pdir):
        if fn.startswith("blind8_") and fn.endswith(".json"):
            os.remove(os.path.join(pdir, fn))
    for fn in os.listdir(bdir):
        os.remove(os.path.join(bdir, fn))

    meta = []
    bulk = {}
    for c in charts:
        if c.kind == "bulk":
            for r in c.res:
                bulk.setdefault(r["resourceType"], []).append(strip_private(r))
            fname = "patients/bulk/*.ndjson"
        else:
            fname = f"patients/blind8_{c.n}_{c.pid}.json"
            write_bundle(c, os.path.join(ROOT, fname))
        dates = []
        for r in c.res:
            s = json.dumps(strip_private(r))
            import re
            for m in re.finditer(r'"(?:effectiveDateTime|performedDateTime|start|end|authoredOn|occurrenceDateTime|'
                                 r'onsetDateTime|abatementDateTime|date|recordedDate)": "(\d{4}-\d\d-\d\d)', s):
                dates.append(m.group(1))
        types = {}
        for r in c.res:
            types[r["resourceType"]] = types.get(r["resourceType"], 0) + 1
        meta.append({"n": c.n, "patient_id": c.pid, "file": fname, "now": c.now, "kind": c.kind,
                     "resources": len(c.res), "first_event": min(dates), "last_event": max(dates),
                     "history": c.history, "types": types,
                     "name": " ".join(c.patient["name"][0]["given"]) + " " + c.patient["name"][0]["family"],
                     "birthDate": c.patient["birthDate"], "gender": c.patient["gender"]})
    if bulk:
        for rt in sorted(bulk):
            with open(os.path.join(bdir, f"{rt}.ndjson"), "w", encoding="utf-8") as fh:
                for r in bulk[rt]:
                    fh.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")

    # interleave the questions deterministically so patients are mixed
    items = list(Q.items)
    R.shuffle(items)
    abstain_terms = {}
    misspelled = []
    with open(os.path.join(ROOT, "questions.jsonl"), "w", encoding="utf-8") as fh:
        for i, q in enumerate(items, 1):
            qid = f"b8-{i:03d}"
            out = {"id": qid}
            for k in ("patient_id", "question", "kind", "now", "expect", "gold_ids", "gold_match", "answer_facts"):
                out[k] = q[k]
            if q["_terms"] is not None:
                abstain_terms[qid] = q["_terms"]
            if q["_miss"]:
                misspelled.append(qid)
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "abstain_terms.json"), "w", encoding="utf-8") as fh:
        json.dump(abstain_terms, fh, indent=1, sort_keys=True)
        fh.write("\n")
    with open(os.path.join(HERE, "meta.json"), "w", encoding="utf-8") as fh:
        json.dump({"patients": meta, "misspelled": misspelled}, fh, indent=1)
        fh.write("\n")
    write_source(charts, [dict(q) for q in items], meta, misspelled)
    print(f"patients={len(charts)} resources={sum(len(c.res) for c in charts)} questions={len(items)} "
          f"abstain={len(abstain_terms)} misspelled={len(misspelled)}")
    for m in meta:
        print(f"  {m['n']} {m['patient_id']} {m['kind']:<11} res={m['resources']} {m['first_event']}..{m['last_event']} now={m['now']}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Verify blind6: re-read the raw FHIR files and check questions.jsonl against them. stdlib only.

Checks
 - schema: fields, unique ids b6-NNN, kinds, expect/gold/facts consistency, ISO dates in facts
 - every gold id exists, has the stated type, and belongs to the question's patient
 - every answer fact occurs (case-insensitive) in the gold resources (decoded note text included)
 - every abstain concept is absent from the patient's whole chart (all resources + decoded notes)
 - `now` is after the patient's last record
 - raw format: bundles are transaction Bundles with urn:uuid references; bulk NDJSON uses Type/id
"""
import json
import os
import re
import sys

from chartlib import HERE, load, belongs, searchable

FIELDS = ["id", "patient_id", "question", "kind", "now", "expect", "gold_ids", "gold_match", "answer_facts"]
SKIP_KEYS = {"expirationDate", "manufactureDate", "dueDate", "carrierHRF"}
CORE_BULK = {"Patient", "Encounter", "Condition", "Observation", "MedicationRequest", "Immunization", "Procedure",
             "AllergyIntolerance", "DocumentReference", "DiagnosticReport", "FamilyMemberHistory", "CarePlan", "Goal"}
DATE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def last_record(res):
    best = ""

    def walk(x, key=None):
        nonlocal best
        if isinstance(x, dict):
            for k, v in x.items():
                if k not in SKIP_KEYS:
                    walk(v, k)
        elif isinstance(x, list):
            for v in x:
                walk(v, key)
        elif isinstance(x, str) and key not in ("data",):
            m = DATE_RE.match(x)
            if m and m.group(1) > best:
                best = m.group(1)
    for r in res:
        walk(r)
    return best


def term_present(term, text):
    """Concepts of 5+ characters match as substrings (so 'statin' catches 'atorvastatin');
    shorter ones (hiv, inr, tsh, iud, pap ...) match as whole tokens ('hiv' must not match 'hives')."""
    t = term.lower()
    if len(t) >= 5:
        return t in text
    return re.search(r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])", text) is not None


def refs(x, out):
    if isinstance(x, dict):
        for k, v in x.items():
            if k == "reference" and isinstance(v, str):
                out.append(v)
            else:
                refs(v, out)
    elif isinstance(x, list):
        for v in x:
            refs(v, out)
    return out


def main():
    errors = []
    charts = load()
    by_pid = {c["pid"]: (n, c) for n, c in charts.items()}
    index = {}
    for n, c in charts.items():
        for r in c["res"]:
            key = f"{r['resourceType']}/{r['id']}"
            if key in index:
                errors.append(f"duplicate resource id {key}")
            index[key] = (n, r)

    # raw-format checks
    for n, c in charts.items():
        ids = {r["id"] for r in c["res"]}
        for r in c["res"]:
            if not re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", r["id"]):
                errors.append(f"p{n}: id not uuid4: {r['id']}")
            if r["resourceType"] != "Patient" and not belongs(r, c):
                errors.append(f"p{n}: {r['resourceType']}/{r['id']} subject is not the patient")
            for ref in refs(r, []):
                if c["fmt"] == "bundle":
                    if not ref.startswith("urn:uuid:") or ref[9:] not in ids:
                        errors.append(f"p{n}: bad bundle reference {ref}")
                else:
                    t, _, i = ref.partition("/")
                    if f"{t}/{i}" not in index or index[f"{t}/{i}"][0] != n:
                        errors.append(f"p{n}: bad bulk reference {ref}")
    for path in sorted(os.listdir(os.path.join(HERE, "patients"))):
        if path.endswith(".json"):
            b = json.load(open(os.path.join(HERE, "patients", path)))
            if b.get("resourceType") != "Bundle" or b.get("type") != "transaction":
                errors.append(f"{path}: not a transaction Bundle")
            for e in b["entry"]:
                r = e["resource"]
                if e["fullUrl"] != f"urn:uuid:{r['id']}" or e["request"] != {"method": "POST", "url": r["resourceType"]}:
                    errors.append(f"{path}: bad entry for {r['resourceType']}/{r['id']}")
    bulk = os.path.join(HERE, "patients", "bulk")
    for fn in sorted(os.listdir(bulk)):
        rtype = fn[:-len(".ndjson")]
        pids = set()
        for line in open(os.path.join(bulk, fn)):
            r = json.loads(line)
            if r["resourceType"] != rtype:
                errors.append(f"bulk/{fn}: contains {r['resourceType']}")
            if rtype == "Patient":
                pids.add(r["id"])
            else:
                for k in ("subject", "patient"):
                    if k in r:
                        pids.add(r[k]["reference"])
        if len(pids) != 2 and rtype in CORE_BULK:
            errors.append(f"bulk/{fn}: holds {len(pids)} patients, expected both")
        elif len(pids) not in (1, 2):
            errors.append(f"bulk/{fn}: holds {len(pids)} patients")

    # whole-chart text per patient, for abstain checks
    chart_text = {n: "\n".join(searchable(r) for r in c["res"]).lower() for n, c in charts.items()}
    last = {n: last_record(c["res"]) for n, c in charts.items()}

    terms = json.load(open(os.path.join(HERE, "abstain_concepts.json")))
    qs = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl")) if l.strip()]
    seen = set()
    kinds = {}
    for i, q in enumerate(qs, 1):
        qid = q.get("id")
        tag = f"{qid}"
        if list(q.keys()) != FIELDS:
            errors.append(f"{tag}: fields {list(q.keys())}")
            continue
        if qid != f"b6-{i:03d}" or qid in seen:
            errors.append(f"{tag}: bad/duplicate id")
        seen.add(qid)
        if q["patient_id"] not in by_pid:
            errors.append(f"{tag}: unknown patient_id")
            continue
        n, chart = by_pid[q["patient_id"]]
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", q["now"]) or q["now"] <= last[n]:
            errors.append(f"{tag}: now {q['now']} not after last record {last[n]}")
        if q["gold_match"] not in ("all", "any"):
            errors.append(f"{tag}: gold_match")
        if q["expect"] == "answer":
            if not q["gold_ids"] or not q["answer_facts"]:
                errors.append(f"{tag}: answer without gold/facts")
            gold_text = []
            for gid in q["gold_ids"]:
                if gid not in index:
                    errors.append(f"{tag}: gold id missing {gid}")
                    continue
                gn, r = index[gid]
                if gn != n or not belongs(r, chart):
                    errors.append(f"{tag}: gold id {gid} belongs to another patient")
                gold_text.append(searchable(r))
            blob = "\n".join(gold_text).lower()
            for f in q["answer_facts"]:
                if f.lower() not in blob:
                    errors.append(f"{tag}: fact {f!r} not in gold resources")
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", f) is None and re.search(r"\d{4}-\d{2}-\d{2}", f):
                    errors.append(f"{tag}: fact with embedded date not ISO-only {f!r}")
            if qid in terms:
                errors.append(f"{tag}: answer question has abstain concepts")
        elif q["expect"] == "abstain":
            if q["gold_ids"] or q["answer_facts"]:
                errors.append(f"{tag}: abstain with gold/facts")
            if not terms.get(qid):
                errors.append(f"{tag}: abstain without concepts")
            for t in terms.get(qid, []):
                if term_present(t, chart_text[n]):
                    errors.append(f"{tag}: abstain concept {t!r} present in patient {n}'s chart")
        else:
            errors.append(f"{tag}: expect {q['expect']}")
    extra = set(terms) - seen
    if extra:
        errors.append(f"abstain_concepts.json has unknown ids {sorted(extra)}")

    na = sum(q["expect"] == "answer" for q in qs)
    print(f"{len(qs)} questions: {na} answer, {len(qs) - na} abstain; {len(charts)} patients")
    for n in sorted(charts):
        c = charts[n]
        qn = [q for q in qs if q["patient_id"] == c["pid"]]
        print(f"  patient {n} {c['pid']} {c['fmt']:6s} {len(c['res'])} resources, last record {last[n]}, "
              f"{sum(q['expect'] == 'answer' for q in qn)} answer / {sum(q['expect'] == 'abstain' for q in qn)} abstain")
    print("kinds:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))))
    if errors:
        print(f"VERIFY FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("VERIFY PASSED")


if __name__ == "__main__":
    main()

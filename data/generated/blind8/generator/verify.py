#!/usr/bin/env python3
"""Verify the SEALED blind8 question set against its raw FHIR (stdlib only).

Checks
  * patient files: Bundles (transaction/collection) and Bulk NDJSON parse; every resource has an id; fullUrl is
    https://example.org/fhir/<Type>/<id>; transaction entries carry request PUT <Type>/<id>; every reference
    "<Type>/<id>" resolves to a resource of the same patient; every resource belongs to exactly one patient.
  * questions.jsonl: required keys and values; ids b8-001.. unique; `now` is after the patient's last event.
  * answer questions: every gold id exists in that patient's resources and belongs to that patient; every
    answer fact occurs (case-insensitive) in the gold resources' JSON or their decoded base64 note text.
    For *_count kinds the only fact is the count and it equals len(gold_ids).
  * abstain questions: empty gold/facts; none of its terms (generator/abstain_terms.json) occurs as a whole
    token anywhere in that patient's resources (JSON + decoded notes, base64 payload excluded), and at least one
    of its terms occurs in another patient of this set (cross-patient trap).
Prints a summary; exits 1 on any failure.
"""
import base64
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.abspath(__file__))
BASE = "https://example.org/fhir/"
KEYS = ["id", "patient_id", "question", "kind", "now", "expect", "gold_ids", "gold_match", "answer_facts"]
EVENT_KEYS = ("effectiveDateTime", "performedDateTime", "start", "end", "authoredOn", "occurrenceDateTime",
              "onsetDateTime", "abatementDateTime", "date", "recordedDate", "recorded", "issued", "recordedOn",
              "created", "creation", "statusDate", "startDate")

errors = []


def fail(msg):
    errors.append(msg)


def owner(r):
    if r["resourceType"] == "Patient":
        return r["id"]
    for k in ("subject", "patient"):
        v = r.get(k)
        if isinstance(v, dict) and str(v.get("reference", "")).startswith("Patient/"):
            return v["reference"].split("/", 1)[1]
    return None


def refs(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "reference" and isinstance(v, str):
                yield v
            else:
                yield from refs(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from refs(v)


def notes_of(r):
    out = []
    if r["resourceType"] == "DocumentReference":
        for c in r.get("content", []):
            a = c.get("attachment", {})
            if "data" in a:
                out.append(base64.b64decode(a["data"]).decode("utf-8"))
    return out


def without_payload(r):
    s = json.loads(json.dumps(r))
    if s["resourceType"] == "DocumentReference":
        for c in s.get("content", []):
            c.get("attachment", {}).pop("data", None)
    return s


def text_of(r):
    return (json.dumps(without_payload(r), ensure_ascii=False) + "\n" + "\n".join(notes_of(r))).lower()


def load():
    resources = []  # (resource, source)
    files = sorted(glob.glob(os.path.join(ROOT, "patients", "blind8_*.json")))
    for fn in files:
        with open(fn, encoding="utf-8") as fh:
            b = json.load(fh)
        rel = os.path.relpath(fn, ROOT)
        if b.get("resourceType") != "Bundle" or b.get("type") not in ("transaction", "collection"):
            fail(f"{rel}: not a transaction/collection Bundle")
            continue
        for e in b.get("entry", []):
            r = e.get("resource", {})
            if not r.get("id"):
                fail(f"{rel}: resource without id")
                continue
            want = f"{BASE}{r['resourceType']}/{r['id']}"
            if e.get("fullUrl") != want:
                fail(f"{rel}: fullUrl {e.get('fullUrl')} != {want}")
            if b["type"] == "transaction":
                req = e.get("request", {})
                if req.get("method") != "PUT" or req.get("url") != f"{r['resourceType']}/{r['id']}":
                    fail(f"{rel}: bad request for {r['resourceType']}/{r['id']}")
            resources.append((r, rel))
        pats = [e["resource"]["id"] for e in b.get("entry", []) if e["resource"]["resourceType"] == "Patient"]
        if len(pats) != 1 or pats[0] not in os.path.basename(fn):
            fail(f"{rel}: file name / Patient mismatch {pats}")
    for fn in sorted(glob.glob(os.path.join(ROOT, "patients", "bulk", "*.ndjson"))):
        rel = os.path.relpath(fn, ROOT)
        rt = os.path.basename(fn)[:-len(".ndjson")]
        with open(fn, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                if r.get("resourceType") != rt:
                    fail(f"{rel}:{ln}: resourceType {r.get('resourceType')} in {rt}.ndjson")
                if not r.get("id"):
                    fail(f"{rel}:{ln}: resource without id")
                    continue
                resources.append((r, rel))
    return resources, files


def main():
    resources, files = load()
    by_id = {}
    by_patient = defaultdict(list)
    src_of_patient = {}
    for r, src in resources:
        key = f"{r['resourceType']}/{r['id']}"
        if key in by_id:
            fail(f"duplicate resource {key}")
        by_id[key] = r
        o = owner(r)
        if not o:
            fail(f"{key}: no patient reference")
            continue
        by_patient[o].append(r)
        if r["resourceType"] == "Patient":
            src_of_patient[o] = src
    patients = sorted(src_of_patient)
    for p in list(by_patient):
        if p not in src_of_patient:
            fail(f"resources reference unknown Patient/{p}")
    # references resolve within the same patient
    for key, r in by_id.items():
        o = owner(r)
        for ref in refs(r):
            if not re.fullmatch(r"[A-Z][A-Za-z]+/[0-9a-f-]{36}", ref):
                fail(f"{key}: reference not ResourceType/id: {ref}")
            elif ref not in by_id:
                fail(f"{key}: dangling reference {ref}")
            elif owner(by_id[ref]) != o:
                fail(f"{key}: reference {ref} belongs to another patient")

    texts = {p: [text_of(r) for r in by_patient[p]] for p in patients}
    blob = {p: "\n".join(texts[p]) for p in patients}
    last_event = {}
    for p in patients:
        ds = []
        for r in by_patient[p]:
            s = json.dumps(r)
            for m in re.finditer(r'"(%s)": "(\d{4}-\d\d-\d\d)' % "|".join(EVENT_KEYS), s):
                ds.append(m.group(2))
        last_event[p] = max(ds)

    with open(os.path.join(ROOT, "generator", "abstain_terms.json"), encoding="utf-8") as fh:
        abstain_terms = json.load(fh)
    qs = []
    with open(os.path.join(ROOT, "questions.jsonl"), encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if line.strip():
                qs.append(json.loads(line))
    seen = set()
    kinds = defaultdict(Counter)
    per_patient = defaultdict(Counter)
    trap_hits = Counter()
    for i, q in enumerate(qs, 1):
        qid = q.get("id")
        if list(q.keys()) != KEYS:
            fail(f"{qid}: keys {list(q.keys())}")
        if qid != f"b8-{i:03d}" or qid in seen:
            fail(f"{qid}: bad or duplicate id (expected b8-{i:03d})")
        seen.add(qid)
        p = q.get("patient_id")
        if p not in patients:
            fail(f"{qid}: unknown patient {p}")
            continue
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", q.get("now", "")) or not q["now"] > last_event[p]:
            fail(f"{qid}: now {q.get('now')} not after last event {last_event[p]}")
        if q.get("expect") not in ("answer", "abstain"):
            fail(f"{qid}: expect {q.get('expect')}")
        if q.get("gold_match") not in ("all", "any"):
            fail(f"{qid}: gold_match {q.get('gold_match')}")
        if not q.get("question", "").strip():
            fail(f"{qid}: empty question")
        kinds[q["kind"]][q["expect"]] += 1
        per_patient[p][q["expect"]] += 1
        if q["expect"] == "answer":
            gold = q.get("gold_ids") or []
            facts = q.get("answer_facts") or []
            if not gold or not facts:
                fail(f"{qid}: answer question without gold or facts")
                continue
            if len(set(gold)) != len(gold):
                fail(f"{qid}: duplicate gold ids")
            gtext = []
            for g in gold:
                r = by_id.get(g)
                if r is None:
                    fail(f"{qid}: gold {g} does not exist")
                    continue
                if owner(r) != p:
                    fail(f"{qid}: gold {g} belongs to another patient")
                    continue
                gtext.append(json.dumps(r, ensure_ascii=False).lower())
                gtext.extend(n.lower() for n in notes_of(r))
            if q["kind"].endswith("_count"):
                if facts != [str(len(gold))]:
                    fail(f"{qid}: count facts {facts} != [{len(gold)}]")
            else:
                joined = "\n".join(gtext)
                for f in facts:
                    if not re.fullmatch(r"[^\n]{1,60}", f):
                        fail(f"{qid}: fact not short: {f!r}")
                    if f.lower() not in joined:
                        fail(f"{qid}: fact {f!r} not found in gold resources")
                    if re.search(r"\d{4}-\d{1,2}-\d{1,2}", f) and not re.fullmatch(r".*\d{4}-\d\d-\d\d.*", f):
                        fail(f"{qid}: date fact not ISO: {f!r}")
        else:
            if q.get("gold_ids") or q.get("answer_facts"):
                fail(f"{qid}: abstain question with gold or facts")
            terms = abstain_terms.get(qid)
            if not terms:
                fail(f"{qid}: no abstain terms")
                continue
            found_elsewhere = []
            for t in terms:
                pat = re.compile(r"(?<![a-z0-9])" + re.escape(t.lower()) + r"(?![a-z0-9])")
                if pat.search(blob[p]):
                    fail(f"{qid}: abstain term {t!r} present in patient {p}")
                for o in patients:
                    if o != p and pat.search(blob[o]):
                        found_elsewhere.append((t, o))
            if not found_elsewhere:
                fail(f"{qid}: none of {terms} appears in another patient (no cross-patient trap)")
            trap_hits[qid] = len({o for _, o in found_elsewhere})
    for qid in abstain_terms:
        if qid not in seen or next(q for q in qs if q["id"] == qid)["expect"] != "abstain":
            fail(f"abstain_terms.json: {qid} is not an abstain question")

    # ---------- summary ----------
    n_ans = sum(1 for q in qs if q["expect"] == "answer")
    n_abs = len(qs) - n_ans
    print("blind8 verify")
    print(f"  patients: {len(patients)} ({len(files)} bundles + bulk NDJSON)   resources: {len(by_id)}")
    print(f"  questions: {len(qs)}  answer: {n_ans}  abstain: {n_abs} ({100.0 * n_abs / max(1, len(qs)):.1f}%)")
    print("  per patient (answer/abstain, resources, last event):")
    for p in patients:
        print(f"    {p}  {per_patient[p]['answer']:>3}/{per_patient[p]['abstain']:<3} res={len(by_patient[p]):>3}"
              f"  last={last_event[p]}  {src_of_patient[p]}")
    print("  kinds (answer/abstain):")
    for k in sorted(kinds):
        print(f"    {k:<18} {kinds[k]['answer']:>3} / {kinds[k]['abstain']}")
    if trap_hits:
        print(f"  abstain traps: {len(trap_hits)} questions, each term-set found in 1..{max(trap_hits.values())} other patients")
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors[:200]:
            print("  - " + e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()

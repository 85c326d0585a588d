#!/usr/bin/env python3
"""verify.py - stdlib checks for the blind7 held-out set.

Independent of the generator (reads only the written files):
  * questions.jsonl: exact field set, unique ids, valid enums, patient exists
  * patient files: bundles and bulk NDJSON parse, UUID ids, every reference resolves inside its own patient
  * answer questions: every gold id exists in its own patient's resources; every answer fact appears
    (case-insensitive) in the gold resources' content (JSON without ids/references/code-system URLs, notes
    decoded from base64); gold_match "all" = facts in the union, "any" = facts in each gold resource alone;
    *_count kinds: the single fact equals the number of gold resources
  * abstain questions: no gold, no facts, and none of the concept terms in generator/abstain_terms.json occurs in
    that patient's content
  * "now" is after every event date in the patient's chart
"""
import base64
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
FIELDS = {"id", "patient_id", "question", "kind", "now", "expect", "gold_ids", "gold_match", "answer_facts"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DROP_KEYS = {"id", "reference", "system", "fullUrl", "url", "meta"}
EVENT_KEYS = {"effectiveDateTime", "occurrenceDateTime", "performedDateTime", "authoredOn", "onsetDateTime",
              "abatementDateTime", "recordedDate", "issued", "date", "recordedOn", "created", "start", "end",
              "creation", "startDate"}
errors = []


def err(msg):
    errors.append(msg)


def strip(x):
    """Content a reader sees: no ids, references or code-system URLs; attachments decoded."""
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            if k in DROP_KEYS:
                continue
            if k == "data" and isinstance(v, str):
                out["text"] = base64.b64decode(v).decode("utf-8")
                continue
            out[k] = strip(v)
        return out
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def content(r):
    s = strip(r)
    parts = []

    def walk(v):
        if isinstance(v, dict):
            for k, w in v.items():
                walk(w)
        elif isinstance(v, list):
            for w in v:
                walk(w)
        else:
            parts.append(str(v) if not isinstance(v, bool) else ("true" if v else "false"))
    walk(s)
    return "\n".join(parts).lower()


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


def event_dates(x, out):
    if isinstance(x, dict):
        for k, v in x.items():
            if k in EVENT_KEYS and isinstance(v, str) and DATE.match(v[:10]):
                out.append(v[:10])
            elif k not in ("target", "referenceRange"):
                event_dates(v, out)
    elif isinstance(x, list):
        for v in x:
            event_dates(v, out)
    return out


def owner(r):
    if r["resourceType"] == "Patient":
        return r["id"]
    for k in ("subject", "patient"):
        if isinstance(r.get(k), dict) and r[k].get("reference", "").startswith("Patient/"):
            return r[k]["reference"].split("/", 1)[1]
    return None


# ---------------- load patients ----------------
patients = {}  # pid -> {"where": str, "res": {"Type/id": resource}}
for fn in sorted(glob.glob(os.path.join(ROOT, "patients", "blind7_*.json"))):
    with open(fn) as f:
        b = json.load(f)
    if b.get("resourceType") != "Bundle" or b.get("type") not in ("transaction", "collection"):
        err("%s: not a transaction/collection Bundle" % fn)
        continue
    res = {}
    for e in b["entry"]:
        r = e["resource"]
        key = "%s/%s" % (r["resourceType"], r["id"])
        if e.get("fullUrl") != "https://example.org/fhir/" + key:
            err("%s: fullUrl mismatch %s" % (fn, key))
        if b["type"] == "transaction" and e.get("request", {}).get("url") != key:
            err("%s: request.url mismatch %s" % (fn, key))
        if key in res:
            err("%s: duplicate %s" % (fn, key))
        res[key] = r
    pats = [r for r in res.values() if r["resourceType"] == "Patient"]
    if len(pats) != 1:
        err("%s: expected one Patient" % fn)
        continue
    pid = pats[0]["id"]
    if not os.path.basename(fn).endswith("_%s.json" % pid):
        err("%s: file name does not carry Patient.id" % fn)
    patients[pid] = {"where": os.path.relpath(fn, ROOT), "res": res}
bulk = {}
for fn in sorted(glob.glob(os.path.join(ROOT, "patients", "bulk", "*.ndjson"))):
    rt = os.path.basename(fn)[:-len(".ndjson")]
    with open(fn) as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                err("%s:%d empty line" % (fn, ln))
                continue
            r = json.loads(line)
            if r.get("resourceType") != rt:
                err("%s:%d resourceType %s in %s file" % (fn, ln, r.get("resourceType"), rt))
            pid = owner(r)
            if pid is None:
                err("%s:%d resource without patient reference" % (fn, ln))
                continue
            d = bulk.setdefault(pid, {})
            key = "%s/%s" % (r["resourceType"], r["id"])
            if key in d:
                err("duplicate %s in bulk" % key)
            d[key] = r
for pid, res in bulk.items():
    if "Patient/%s" % pid not in res:
        err("bulk resources reference missing Patient/%s" % pid)
    patients[pid] = {"where": "patients/bulk/*.ndjson", "res": res}

all_ids = set()
for pid, p in patients.items():
    for key, r in p["res"].items():
        if not UUID.match(r["id"]):
            err("%s: id not a UUID" % key)
        if key in all_ids:
            err("%s appears in more than one patient" % key)
        all_ids.add(key)
        if r["resourceType"] != "Patient" and owner(r) != pid:
            err("%s: subject/patient is not Patient/%s" % (key, pid))
        for ref in refs(r, []):
            if ref not in p["res"]:
                err("%s: unresolved reference %s" % (key, ref))
    p["content"] = {k: content(r) for k, r in p["res"].items()}
    p["all"] = "\n".join(p["content"].values())
    p["last"] = max(d for r in p["res"].values() for d in event_dates(r, []))

# ---------------- questions ----------------
with open(os.path.join(ROOT, "generator", "abstain_terms.json")) as f:
    terms = json.load(f)
qs = []
with open(os.path.join(ROOT, "questions.jsonl")) as f:
    for ln, line in enumerate(f, 1):
        q = json.loads(line)
        if set(q) != FIELDS:
            err("line %d: fields %s" % (ln, sorted(set(q) ^ FIELDS)))
            continue
        qs.append(q)
seen = set()
kinds = {}
per_patient = {}
cross = 0
derived = 0
for q in qs:
    qid = q["id"]
    if qid in seen:
        err("%s: duplicate id" % qid)
    seen.add(qid)
    if not re.match(r"^b7-\d{3}$", qid):
        err("%s: bad id" % qid)
    if q["expect"] not in ("answer", "abstain") or q["gold_match"] not in ("all", "any"):
        err("%s: bad expect/gold_match" % qid)
    if not isinstance(q["kind"], str) or not q["kind"] or not DATE.match(q["now"]) or not q["question"].strip():
        err("%s: bad kind/now/question" % qid)
    p = patients.get(q["patient_id"])
    if p is None:
        err("%s: unknown patient %s" % (qid, q["patient_id"]))
        continue
    if not q["now"] > p["last"]:
        err("%s: now %s not after last record %s" % (qid, q["now"], p["last"]))
    k = kinds.setdefault(q["kind"], [0, 0])
    pp = per_patient.setdefault(q["patient_id"], [0, 0])
    if q["expect"] == "answer":
        k[0] += 1
        pp[0] += 1
        if not q["gold_ids"] or not q["answer_facts"]:
            err("%s: answer question without gold or facts" % qid)
            continue
        if len(set(q["gold_ids"])) != len(q["gold_ids"]):
            err("%s: duplicate gold ids" % qid)
        missing = [g for g in q["gold_ids"] if g not in p["res"]]
        if missing:
            err("%s: gold not in own patient: %s" % (qid, missing))
            continue
        if q["kind"].endswith("_count"):
            if q["answer_facts"] != [str(len(q["gold_ids"]))]:
                err("%s: count fact %s != %d gold resources" % (qid, q["answer_facts"], len(q["gold_ids"])))
            derived += 1
            continue
        texts = [p["content"][g] for g in q["gold_ids"]]
        for fact in q["answer_facts"]:
            fl = fact.lower()
            if q["gold_match"] == "all":
                if not any(fl in t for t in texts):
                    err("%s: fact %r not in gold resources" % (qid, fact))
            else:
                for g, t in zip(q["gold_ids"], texts):
                    if fl not in t:
                        err("%s: fact %r not in gold %s (gold_match any)" % (qid, fact, g))
    else:
        k[1] += 1
        pp[1] += 1
        if q["gold_ids"] or q["answer_facts"]:
            err("%s: abstain question with gold or facts" % qid)
        ts = terms.get(qid)
        if not ts:
            err("%s: no absent-concept terms recorded" % qid)
            continue
        elsewhere = False
        for t in ts:
            pat = re.compile(r"(?<![a-z0-9])" + re.escape(t.lower()))
            if pat.search(p["all"]):
                err("%s: abstain concept %r occurs in patient %s" % (qid, t, q["patient_id"]))
            for opid, op in patients.items():
                if opid != q["patient_id"] and pat.search(op["all"]):
                    elsewhere = True
        cross += elsewhere
for qid in terms:
    if qid not in seen:
        err("abstain terms for unknown question %s" % qid)

# ---------------- report ----------------
n_ans = sum(v[0] for v in kinds.values())
n_abs = sum(v[1] for v in kinds.values())
print("patients: %d, resources: %d" % (len(patients), sum(len(p["res"]) for p in patients.values())))
for pid, p in patients.items():
    a, b = per_patient.get(pid, [0, 0])
    print("  %s  %-45s resources=%3d last=%s answer=%d abstain=%d" % (pid, p["where"], len(p["res"]), p["last"], a, b))
print("questions: %d (answer %d, abstain %d)" % (len(qs), n_ans, n_abs))
print("abstain questions whose concept another blind7 patient has (cross-patient traps): %d/%d" % (cross, n_abs))
print("count questions checked against number of gold resources: %d" % derived)
print("per kind (answer/abstain):")
for k in sorted(kinds):
    print("  %-18s %3d / %d" % (k, kinds[k][0], kinds[k][1]))
if errors:
    print("FAIL: %d problem(s)" % len(errors))
    for e in errors[:60]:
        print("  - " + e)
    sys.exit(1)
print("OK: all checks passed")

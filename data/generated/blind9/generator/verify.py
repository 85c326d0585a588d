"""Verify the blind9 set (stdlib only). Exit status 0 = pass.

Recomputes every gold id and fact from the raw FHIR files (patients/) through spec.py and checks:
  - questions.jsonl has the exact key set, unique sequential ids, allowed values, matches the recomputation;
  - every gold id exists and belongs to the question's patient; every answer fact occurs (case-insensitive) in the gold
    resources' JSON or decoded text ('all': in their union; 'any': in each gold resource);
  - every abstain concept is absent from the patient's whole chart, decoded notes/reports included;
  - about 20% abstain and about 10% misspellings (misspelled word present in the question, intended spelling absent);
  - 'now' is after the patient's last charted date; patient files are well-formed FHIR Bundles / NDJSON with
    fullUrl https://example.org/fhir/<Type>/<id>, references <Type>/<id> that resolve inside the same patient.
"""
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, ROOT)

from chart import Charts, full_text, owner, all_dates  # noqa: E402
from qbuild import compute, public  # noqa: E402

KEYS = ["id", "patient_id", "question", "kind", "now", "expect", "gold_ids", "gold_match", "answer_facts"]
KINDS = {"med_class", "med_active", "med_ever", "med_why", "med_stopped_why", "med_dose", "med_brand", "med_count",
         "lab_latest", "lab_trend", "lab_extreme", "lab_first", "lab_at_time", "lab_normal", "condition", "condition_onset",
         "condition_group", "device", "procedure", "procedure_count", "encounter_count", "encounter_detail", "imm_last",
         "imm_series", "imm_not_done", "imm_count", "allergy", "family_hx", "careplan_goal", "social_history",
         "imaging_path", "pathology", "note_only", "two_in_one", "demographics"}

errors = []


def err(msg):
    errors.append(msg)


def concept_regex(word):
    w = word.lower()
    if w.endswith("*"):
        return re.compile(r"(?<![a-z0-9])" + re.escape(w[:-1]))
    return re.compile(r"(?<![a-z0-9])" + re.escape(w) + r"(s|es)?(?![a-z0-9])")


def check_files(cs):
    base = "https://example.org/fhir/"
    types = {}
    for f in sorted(glob.glob(os.path.join(ROOT, "patients", "*"))):
        name = os.path.basename(f)
        if os.path.isdir(f):
            if name != "bulk":
                err("unexpected folder in patients/: %s" % name)
            continue
        if not re.match(r"^blind9_[1-5]_[0-9a-f-]{36}\.json$", name):
            err("unexpected file in patients/: %s" % name)
            continue
        b = json.load(open(f))
        if b.get("resourceType") != "Bundle" or b.get("type") not in ("transaction", "collection"):
            err("%s is not a transaction/collection Bundle" % name)
        types[name] = b.get("type")
        pids = set()
        for e in b["entry"]:
            r = e["resource"]
            if e.get("fullUrl") != "%s%s/%s" % (base, r["resourceType"], r["id"]):
                err("%s: bad fullUrl %s" % (name, e.get("fullUrl")))
            if b["type"] == "transaction":
                rq = e.get("request", {})
                if rq.get("url") != "%s/%s" % (r["resourceType"], r["id"]) or rq.get("method") not in ("PUT", "POST"):
                    err("%s: bad request for %s" % (name, r["id"]))
            pids.add(owner(r))
        if len(pids) != 1 or name.split("_", 2)[2][:-5] not in pids:
            err("%s: resources of more than one patient or wrong file name" % name)
    for f in sorted(glob.glob(os.path.join(ROOT, "patients", "bulk", "*"))):
        name = os.path.basename(f)
        if not name.endswith(".ndjson"):
            err("unexpected file in patients/bulk: %s" % name)
            continue
        rt = name[:-7]
        for i, line in enumerate(open(f)):
            r = json.loads(line)
            if r["resourceType"] != rt:
                err("%s line %d holds a %s" % (name, i + 1, r["resourceType"]))
    if sorted(Counter(types.values()).keys()) != ["collection", "transaction"]:
        err("bundle types should mix transaction and collection: %s" % types)
    # references
    pat = re.compile(r'"reference": "([^"]+)"')
    for r in cs.res:
        for m in pat.findall(json.dumps(r)):
            if not re.match(r"^[A-Z][A-Za-z]+/[0-9a-f-]{36}$", m):
                err("reference not in <Type>/<id> form: %s" % m)
            elif m not in cs.index:
                err("unresolved reference %s" % m)
            elif owner(cs.index[m]) != owner(r):
                err("reference %s crosses patients" % m)
    keys = Counter("%s/%s" % (r["resourceType"], r["id"]) for r in cs.res)
    dup = [k for k, n in keys.items() if n > 1]
    if dup:
        err("duplicate resource ids: %s" % dup[:5])
    if len(cs.patients) != 7:
        err("expected 7 patients, found %d" % len(cs.patients))
    for pid, rs in cs.by_pat.items():
        if not 180 <= len(rs) <= 330:
            err("patient %s has %d resources (expected about 200-300)" % (pid, len(rs)))


def main():
    cs, items = compute()
    check_files(cs)
    lines = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl")) if l.strip()]
    absent_file = json.load(open(os.path.join(ROOT, "abstain_concepts.json")))
    typo_file = json.load(open(os.path.join(ROOT, "misspellings.json")))

    # 1. structure and agreement with the recomputation
    if len(lines) != len(items):
        err("questions.jsonl has %d lines, recomputation %d" % (len(lines), len(items)))
    ids = [l.get("id") for l in lines]
    if len(set(ids)) != len(ids):
        err("duplicate question ids")
    if ids != ["b9-%03d" % i for i in range(1, len(ids) + 1)]:
        err("ids are not b9-001.. in order")
    texts = Counter(l.get("question") for l in lines)
    if any(n > 1 for n in texts.values()):
        err("duplicate question texts: %s" % [t for t, n in texts.items() if n > 1])
    recomputed = {it["id"]: it for it in items}
    for l in lines:
        if list(l.keys()) != KEYS:
            err("%s: keys %s" % (l.get("id"), list(l.keys())))
            continue
        it = recomputed.get(l["id"])
        if it is None or public(it) != l:
            err("%s: differs from recomputation from raw JSON" % l["id"])
        if l["kind"] not in KINDS:
            err("%s: unknown kind %s" % (l["id"], l["kind"]))
        if l["expect"] not in ("answer", "abstain") or l["gold_match"] not in ("all", "any"):
            err("%s: bad expect/gold_match" % l["id"])
        if not re.match(r"^\d{4}-\d\d-\d\d$", l["now"]):
            err("%s: now not ISO date" % l["id"])

    # 2. gold ids, facts, abstain concepts
    chart_text = {pid: "\n".join(full_text(r) for r in rs).lower() for pid, rs in cs.by_pat.items()}
    last_date = {pid: max(d for r in rs for d in all_dates(r)) for pid, rs in cs.by_pat.items()}
    now_by_pat = defaultdict(set)
    cross = 0
    for l in lines:
        pid = l["patient_id"]
        if pid not in cs.patients:
            err("%s: unknown patient %s" % (l["id"], pid))
            continue
        now_by_pat[pid].add(l["now"])
        if l["now"] <= last_date[pid]:
            err("%s: now %s is not after the chart's last date %s" % (l["id"], l["now"], last_date[pid]))
        if l["expect"] == "answer":
            if not l["gold_ids"] or not l["answer_facts"]:
                err("%s: answer question without gold ids or facts" % l["id"])
            if len(set(l["gold_ids"])) != len(l["gold_ids"]):
                err("%s: repeated gold id" % l["id"])
            golds = []
            for g in l["gold_ids"]:
                r = cs.index.get(g)
                if r is None:
                    err("%s: gold id %s does not exist" % (l["id"], g))
                elif owner(r) != pid:
                    err("%s: gold id %s belongs to another patient" % (l["id"], g))
                else:
                    golds.append(full_text(r).lower())
            if l["id"] in absent_file:
                err("%s: answer question listed in abstain_concepts.json" % l["id"])
            for f in l["answer_facts"]:
                fl = f.lower()
                if l["gold_match"] == "all":
                    if not any(fl in t for t in golds):
                        err("%s: fact %r not in gold resources" % (l["id"], f))
                else:
                    if not all(fl in t for t in golds):
                        err("%s: fact %r not in every gold resource (match any)" % (l["id"], f))
        else:
            if l["gold_ids"] or l["answer_facts"]:
                err("%s: abstain question with gold ids or facts" % l["id"])
            words = absent_file.get(l["id"])
            if not words:
                err("%s: abstain question without concepts in abstain_concepts.json" % l["id"])
                continue
            for w in words:
                if concept_regex(w).search(chart_text[pid]):
                    err("%s: abstain concept %r occurs in the patient's chart" % (l["id"], w))
            others = [p for p in cs.by_pat if p != pid and any(concept_regex(w).search(chart_text[p]) for w in words)]
            cross += bool(others)
    for pid, nows in now_by_pat.items():
        if len(nows) != 1:
            err("patient %s has several 'now' dates %s" % (pid, nows))
    for k in absent_file:
        if k not in {l["id"] for l in lines if l["expect"] == "abstain"}:
            err("abstain_concepts.json lists %s, which is not an abstain question" % k)

    # 3. proportions
    n = len(lines)
    n_abs = sum(l["expect"] == "abstain" for l in lines)
    n_typo = 0
    byid = {l["id"]: l for l in lines}
    for k, t in typo_file.items():
        ql = byid[k]["question"].lower()
        intended_present = re.search(r"(?<![a-z])" + re.escape(t["intended"].lower()) + r"(?![a-z])", ql)
        if t["typed"].lower() not in ql or intended_present or t["typed"].lower() == t["intended"].lower():
            err("%s: misspelling record does not match the question" % k)
        else:
            n_typo += 1
    if not 0.17 <= n_abs / n <= 0.23:
        err("abstain share %.3f not about 20%%" % (n_abs / n))
    if not 0.08 <= n_typo / n <= 0.12:
        err("misspelling share %.3f not about 10%%" % (n_typo / n))
    runs = max(len(m.group(0)) for m in re.finditer(r"(.)\1*", "".join(chr(65 + sorted(cs.patients).index(l["patient_id"])) for l in lines)))

    # report
    print("questions: %d  answer: %d  abstain: %d (%.1f%%)  misspellings: %d (%.1f%%)" % (n, n - n_abs, n_abs, 100 * n_abs / n, n_typo, 100 * n_typo / n))
    print("abstain questions whose concept is held by another blind9 patient (cross-patient traps): %d" % cross)
    print("longest run of consecutive questions on one patient: %d" % runs)
    per = Counter((l["patient_id"], l["expect"]) for l in lines)
    for pid in sorted(cs.patients, key=lambda p: cs.patients[p]["name"][0]["family"]):
        print("  %s %-13s resources %3d  answer %2d abstain %2d  now %s (last event %s)" % (
            pid, cs.patients[pid]["name"][0]["family"], len(cs.by_pat[pid]), per[(pid, "answer")], per[(pid, "abstain")],
            next(iter(now_by_pat[pid])), last_date[pid]))
    if errors:
        print("FAIL: %d problem(s)" % len(errors))
        for e in errors[:200]:
            print("  -", e)
        sys.exit(1)
    print("PASS")


if __name__ == "__main__":
    main()

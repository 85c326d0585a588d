#!/usr/bin/env python3
"""Write data/eval/blind2_questions.jsonl for the blind2 set from the raw FHIR bundles (stdlib only).

Every gold id and answer fact is computed here from the bundle JSON; nothing is taken from
the generator's internals or from the ChartRAG code. Each question carries its own resolver;
resolvers assert what they rely on (exactly one value in a stated month, a concept really
absent from a chart, present in another chart for leakage traps), so a regenerated chart that
no longer fits a question fails loudly instead of writing a wrong gold.

    python3 scripts/blind2_questions.py --patients data/generated/blind2 --out data/eval/blind2_questions.jsonl
"""
import argparse
import base64
import datetime as dt
import glob
import json
import os
import random
import re
from collections import Counter

NOW = "2025-11-12"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------------------
# chart access
class Chart:
    def __init__(self, path):
        with open(path, encoding="utf-8") as fh:
            b = json.load(fh)
        self.res = [e["resource"] for e in b["entry"]]
        self.patient = next(r for r in self.res if r["resourceType"] == "Patient")
        self.pid = self.patient["id"]
        for r in self.res:
            if r["resourceType"] == "DocumentReference":
                r["_text"] = base64.b64decode(r["content"][0]["attachment"]["data"]).decode("utf-8")

    def of(self, rtype):
        return [r for r in self.res if r["resourceType"] == rtype]

    def searchable(self, types=None):
        out = []
        for r in self.res:
            if types and r["resourceType"] not in types:
                continue
            if r["resourceType"] == "DocumentReference":
                out.append(r["_text"])
                out.append(r["type"]["text"])
            elif r["resourceType"] != "Patient":
                out.append(json.dumps({k: v for k, v in r.items() if k not in ("subject", "patient", "encounter", "id")}))
        return "\n".join(out).lower()


def rid(r):
    return f"{r['resourceType']}/{r['id']}"


def when(r):
    t = r["resourceType"]
    if t == "MedicationRequest":
        return r["authoredOn"]
    if t == "Condition":
        return r["onsetDateTime"]
    if t == "Procedure":
        return r.get("performedDateTime") or r["performedPeriod"]["start"]
    if t == "Immunization":
        return r["occurrenceDateTime"]
    if t == "Observation":
        return r["effectiveDateTime"]
    if t == "Encounter":
        return r["period"]["start"]
    if t == "DocumentReference":
        return r["date"]
    if t == "AllergyIntolerance":
        return r["recordedDate"]
    if t == "Patient":
        return r.get("deceasedDateTime", "")
    return ""


def day(r):
    return when(r)[:10]


def text(r):
    t = r["resourceType"]
    if t == "MedicationRequest":
        return r["medicationCodeableConcept"]["text"]
    if t == "Immunization":
        return r["vaccineCode"]["text"]
    if t == "Device":
        return r["type"]["text"] + " " + r["deviceName"][0]["name"]
    if t == "Encounter":
        return " ".join(x["text"] for x in r.get("reasonCode", []))
    if t == "DocumentReference":
        return r["_text"]
    return r["code"]["text"]


def by_time(lst):
    return sorted(lst, key=when)


def meds(c, pat, status=None):
    out = [r for r in c.of("MedicationRequest") if re.search(pat, text(r), re.I)]
    if status:
        out = [r for r in out if r["status"] in status]
    return by_time(out)


def conds(c, pat):
    return by_time([r for r in c.of("Condition") if re.search(pat, text(r), re.I)])


def procs(c, pat):
    return by_time([r for r in c.of("Procedure") if re.search(pat, text(r), re.I)])


def obs(c, loinc):
    return by_time([r for r in c.of("Observation") if r["code"]["coding"][0]["code"] == loinc])


def vacc(c, codes):
    return by_time([r for r in c.of("Immunization") if r["vaccineCode"]["coding"][0]["code"] in codes])


def encs(c, cls=None, reason=None):
    out = c.of("Encounter")
    if cls:
        out = [r for r in out if r["class"]["code"] == cls]
    if reason:
        out = [r for r in out if re.search(reason, text(r), re.I)]
    return by_time(out)


def devices(c, pat=""):
    return [r for r in c.of("Device") if re.search(pat, text(r), re.I)]


def allergies(c, pat):
    return [r for r in c.of("AllergyIntolerance") if re.search(pat, text(r), re.I)]


def notes(c, pat):
    return by_time([r for r in c.of("DocumentReference") if re.search(pat, r["_text"], re.I)])


def in_window(lst, start, end):
    return [r for r in lst if start <= day(r) <= end]


def one(lst, what=""):
    assert len(lst) == 1, f"expected exactly one {what}, got {len(lst)}: {[day(r) for r in lst]}"
    return lst[0]


def nearest(lst, target):
    t = dt.date.fromisoformat(target)

    def dist(r):
        return abs((dt.date.fromisoformat(day(r)) - t).days)

    ranked = sorted(lst, key=dist)
    assert len(ranked) == 1 or dist(ranked[0]) < dist(ranked[1]), "tie"
    return ranked[0]


def val(o):
    v = o["valueQuantity"]["value"]
    if isinstance(v, float):
        return f"{v:.1f}"
    return str(v)


def generic(r):
    """first word of a drug display, lower-cased (the ingredient a correct answer names)."""
    name = text(r)
    base = re.sub(r"^24 HR ", "", name).split()[0]
    return base.lower()


def ans(res, match, facts):
    assert res, "empty gold"
    return [rid(r) for r in res], match, [str(f) for f in facts]


# ---------------------------------------------------------------------------
QUESTIONS = []


def Q(pn, question, kind, resolve=None, absent=None, types=None, other=True):
    QUESTIONS.append(dict(pn=pn, question=question, kind=kind, resolve=resolve, absent=absent, types=types, other=other))


def last_visit(c):
    return max(c.of("Encounter"), key=when)


FLU = {"140", "150", "135", "197"}
COVID = {"207", "208", "213"}

# ---- patient 1 (76F) ------------------------------------------------------
Q(1, "is she on a blood thinner", "drug_class",
  lambda c: ans(meds(c, r"rivaroxaban|xarelto|warfarin|apixaban", {"active"}), "any", ["rivaroxaban"]))
Q(1, "was pt ever on coumadin", "brand_name", lambda c: ans(meds(c, "warfarin"), "any", ["warfarin"]))
Q(1, "any hx of irregular heartbeat", "lay_term", lambda c: ans(conds(c, "atrial fibrillation"), "any", ["atrial fibrillation"]))
Q(1, "last pt/inr", "abbreviation", lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(obs(c, "6301-6")[-1]))
Q(1, "highest inr while she was on warfarin", "worst_value",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(max(obs(c, "6301-6"), key=lambda r: r["valueQuantity"]["value"])))
Q(1, "first inr on file", "first_value", lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(obs(c, "6301-6")[0]))
Q(1, "has her egfr dropped over the yrs", "trend_words",
  lambda c: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))(obs(c, "98979-8")))
Q(1, "tsh circa mar 2018 when levo was bumped", "value_near_date",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(one(in_window(obs(c, "3016-3"), "2018-03-01", "2018-03-31"),
                                                              "TSH in 3/2018")))
Q(1, "why is she on metropolol", "med_reason",
  lambda c: (lambda m: ans([m], "any", [m["reasonCode"][0]["text"].lower()]))(one(meds(c, "metoprolol", {"active"}))))
Q(1, "why was lisinopril dc'd", "stopped_meds",
  lambda c: ans(meds(c, "lisinopril", {"stopped"}) + notes(c, r"ACE-i cough"), "any", ["cough"]))
Q(1, "current meds pls", "current_meds",
  lambda c: (lambda xs: ans(xs, "all", [generic(r) for r in xs]))(meds(c, ".", {"active"})))
Q(1, "when was her last flu shot", "last_vaccine", lambda c: (lambda i: ans([i], "any", [day(i)]))(vacc(c, FLU)[-1]))
Q(1, "last mammo", "last_procedure", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "mammograph")[-1]))
Q(1, "any implants or hardware", "device",
  lambda c: ans(devices(c) + procs(c, "knee replacement"), "any", ["knee"]))
Q(1, "when was her knee replacment", "typo", lambda c: (lambda p: ans([p], "any", [day(p)]))(one(procs(c, "knee replacement"))))
Q(1, "how was she admitted in june 2017", "admit_source",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2017-06-01", "2017-06-30"))], "any", ["emergency"]))
Q(1, "was the 2019 knee admission elective or thru the ED", "admit_source",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2019-01-01", "2019-12-31"))], "any", ["referral"]))
Q(1, "what was her last visit for", "visit_reason", lambda c: ans([last_visit(c)], "any", ["kidney disease"]))
Q(1, "how many utis has she had", "count",
  lambda c: (lambda xs: ans(xs, "all", [str(len(xs))]))(conds(c, "urinary tract infect")))
Q(1, "last k and na", "two_part",
  lambda c: (lambda k, n: ans([k, n], "all", [val(k), val(n)]))(obs(c, "2823-3")[-1], obs(c, "2951-2")[-1]))
Q(1, "was her last hgb normal", "normal_check", lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(obs(c, "718-7")[-1]))
Q(1, "pcn allergy?", "allergy", lambda c: ans(allergies(c, "penicillin"), "any", ["penicillin"]))
Q(1, "what did nephro say about the xarelto dose", "note_fact", lambda c: ans(notes(c, "NEPHROLOGY"), "any", ["15"]))
Q(1, "what dose of levothyroxin is she on now", "typo",
  lambda c: ans(meds(c, "levothyroxine", {"active"}), "any", ["0.088"]))
Q(1, "which abx did she get for the uti last spring", "season_time",
  lambda c: (lambda m: ans([m], "any", [generic(m)]))(one(in_window(meds(c, ".", {"completed"}), "2025-03-01", "2025-05-31"))))
Q(1, "bp at her last visit", "vitals",
  lambda c: (lambda o: ans([o], "any", [str(o["component"][0]["valueQuantity"]["value"]),
                                        str(o["component"][1]["valueQuantity"]["value"]), day(o)]))(
      obs(c, "85354-9")[-1]))
Q(1, "is she on insulin", "absent_other_pt", absent=r"insulin|glargine")
Q(1, "any gout hx", "absent_other_pt", absent=r"gout|allopurinol|colchicine|urate")
Q(1, "last a1c", "absent_other_pt", absent=r"a1c|4548-4")
Q(1, "when was her pacemaker put in", "absent_other_pt", absent=r"pacemaker|pacer")
Q(1, "any hx of siezures", "absent", absent=r"seizure|siezure|epilep|levetiracetam", other=False)

# ---- patient 2 (67M) ------------------------------------------------------
Q(2, "is he on an sglt2", "drug_class",
  lambda c: ans(meds(c, "empagliflozin|dapagliflozin|canagliflozin", {"active"}), "any", ["empagliflozin"]))
Q(2, "still on plavix?", "brand_name", lambda c: ans(meds(c, "clopidogrel"), "any", ["clopidogrel"]))
Q(2, "any hx of heart attack", "lay_term", lambda c: ans(conds(c, "myocardial infarction"), "any", ["myocardial infarction"]))
Q(2, "has his a1c come down since insulin was started", "trend_words",
  lambda c: (lambda start: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))(
      [o for o in obs(c, "4548-4") if day(o) >= start]))(
      day(one(meds(c, "insulin glargine")))))
Q(2, "worst a1c", "worst_value",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(max(obs(c, "4548-4"), key=lambda r: r["valueQuantity"]["value"])))
Q(2, "ldl around the time of his MI", "value_near_date",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(
      nearest(obs(c, "18262-6"), day(one(conds(c, "myocardial infarction"))))))
Q(2, "pt s/p PCI which vessel and when", "abbreviation",
  lambda c: (lambda p: ans([p], "any", [day(p), "LAD"]))(one(procs(c, "percutaneous coronary"))))
Q(2, "what devices does he have", "device", lambda c: ans(devices(c), "all", ["CPAP", "stent", "glucose"]))
Q(2, "does he use a dexcom", "brand_name", lambda c: ans(devices(c, "dexcom"), "any", ["Dexcom"]))
Q(2, "how did he get to us for the feb 2022 admission", "admit_source",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2022-02-01", "2022-02-28"))], "any", ["transfer"]))
Q(2, "last diabetic eye exam", "last_procedure", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "retina")[-1]))
Q(2, "last pneumonia shot", "last_vaccine", lambda c: (lambda i: ans([i], "any", [day(i)]))(vacc(c, {"33", "133", "216"})[-1]))
Q(2, "why was glipzide stopped", "stopped_meds",
  lambda c: ans(meds(c, "glipizide", {"stopped"}) + notes(c, "stopping glipizide"), "any", ["hypoglycemia"]))
Q(2, "any ace inhibitor allergy", "drug_class", lambda c: ans(allergies(c, "lisinopril"), "any", ["lisinopril", "angioedema"]))
Q(2, "what is he currently taking for diabetes", "current_meds",
  lambda c: (lambda xs: ans(xs, "all", [generic(r) for r in xs]))(
      [m for m in meds(c, ".", {"active"}) if m.get("reasonCode") and m["reasonCode"][0]["text"] == "Diabetes mellitus type 2"]))
Q(2, "how many times has he needed colchicine", "count",
  lambda c: (lambda xs: ans(xs, "all", [str(len(xs))]))(meds(c, "colchicine")))
Q(2, "what dose of gabapentn", "typo", lambda c: ans(meds(c, "gabapentin", {"active"}), "any", ["300"]))
Q(2, "is his prostrate antigen going up", "typo",
  lambda c: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))(obs(c, "2857-1")))
Q(2, "why is he on allopurinol", "med_reason", lambda c: ans(meds(c, "allopurinol", {"active"}), "any", ["gout"]))
Q(2, "when was the cath and what was the ef after", "two_part",
  lambda c: (lambda p, o: ans([p, o], "all", [day(p), val(o)]))(one(procs(c, "catheterization")), one(obs(c, "10230-1"))))
Q(2, "reason for his last ed visit", "visit_reason", lambda c: ans([encs(c, "EMER")[-1]], "any", ["gout"]))
Q(2, "what set off the gout flare in aug 2023", "note_fact",
  lambda c: ans([one(in_window(notes(c, "gout"), "2023-08-01", "2023-08-31"))], "any", ["seafood"]))
Q(2, "flu shot this yr?", "this_year",
  lambda c: (lambda i: ans([i], "any", [day(i)]))(one(in_window(vacc(c, FLU), "2025-01-01", NOW))))
Q(2, "last tsh", "absent_other_pt", absent=r"thyrotropin|\btsh\b|3016-3")
Q(2, "was he ever on eliquis", "absent_other_pt", absent=r"apixaban|eliquis")
Q(2, "does he wear hearing aids", "absent_other_pt", absent=r"hearing")
Q(2, "any kidney stones", "absent_other_pt", absent=r"kidney stone|nephrolith|renal colic|ureteral")
Q(2, "hep a vaccine?", "absent", absent=r"hep(atitis)? a\b", other=False)
Q(2, "when was his knee replaced", "absent_other_pt", absent=r"knee")

# ---- patient 3 (deceased M) ------------------------------------------------
Q(3, "when did he die", "death",
  lambda c: ans([c.patient, *notes(c, "DEATH SUMMARY")], "any", [c.patient["deceasedDateTime"][:10]]))
Q(3, "cause of death", "death",
  lambda c: ans([o for o in c.of("Observation") if o["code"]["coding"][0]["code"] == "69453-9"] + notes(c, "Cause of death"),
                "any", ["pneumonia", "respiratory failure"]))
Q(3, "how did the final admission start", "admit_source",
  lambda c: ans([encs(c, "IMP")[-1]], "any", ["emergency"]))
Q(3, "pacer make and model", "device", lambda c: ans(devices(c, "pacemaker"), "any", ["Cadence"]))
Q(3, "last pacer check", "last_procedure", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "interrogation")[-1]))
Q(3, "was he on a beta blocker", "drug_class", lambda c: ans(meds(c, "carvedilol|metoprolol|bisoprolol"), "any", ["carvedilol"]))
Q(3, "when did he start entresto", "brand_name", lambda c: (lambda m: ans([m], "any", [day(m)]))(one(meds(c, "entresto"))))
Q(3, "why was spirnolactone stopped", "stopped_meds",
  lambda c: ans(meds(c, "spironolactone", {"stopped"}) + notes(c, "stop spironolactone"), "any", ["hyperkalemia"]))
Q(3, "highest potassium", "worst_value",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(max(obs(c, "2823-3"), key=lambda r: r["valueQuantity"]["value"])))
Q(3, "did his ef improve", "trend_words", lambda c: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))(obs(c, "10230-1")))
Q(3, "bnp in the fall of 2019", "value_near_date",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(one(in_window(obs(c, "33762-6"), "2019-09-01", "2019-11-30"))))
Q(3, "what dose of water pill was he on", "lay_term", lambda c: ans(meds(c, "furosemide 40"), "any", ["furosemide", "40"]))
Q(3, "when was chb dx", "abbreviation", lambda c: (lambda x: ans([x], "any", [day(x)]))(one(conds(c, "atrioventricular block"))))
Q(3, "first nt probnp", "first_value", lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(obs(c, "33762-6")[0]))
Q(3, "how many times was he hospitalized", "count", lambda c: (lambda xs: ans(xs, "all", [str(len(xs))]))(encs(c, "IMP")))
Q(3, "why was he admitted jan 2019", "visit_reason",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2019-01-01", "2019-01-31"))], "any", ["pneumonia"]))
Q(3, "was the 2019 pneumonia admit thru the ED", "admit_source",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2019-01-01", "2019-12-31"))], "any", ["referral"]))
Q(3, "did he get the pnuemovax", "typo", lambda c: (lambda i: ans([i], "any", [day(i)]))(one(vacc(c, {"33"}))))
Q(3, "any med intolerances", "allergy", lambda c: ans(c.of("AllergyIntolerance"), "all", ["codeine"]))
Q(3, "last flu vaccine before he passed", "last_vaccine", lambda c: (lambda i: ans([i], "any", [day(i)]))(vacc(c, FLU)[-1]))
Q(3, "sodium and creatinine on arrival for the final admission", "two_part",
  lambda c: (lambda d0: (lambda n, k: ans([n, k], "all", [val(n), val(k)]))(
      one([o for o in obs(c, "2951-2") if day(o) == d0]), one([o for o in obs(c, "2160-0") if day(o) == d0])))(
      day(encs(c, "EMER")[-1])))
Q(3, "did he have hearing aids", "device", lambda c: ans(devices(c, "hearing"), "any", ["hearing aid"]))
Q(3, "code status at the end", "note_fact", lambda c: ans(notes(c, "DNR/DNI"), "any", ["DNR"]))
Q(3, "o2 sat when he hit the ED in feb 2024", "vitals",
  lambda c: (lambda o: ans([o], "any", [val(o)]))(one(in_window(obs(c, "59408-5"), "2024-02-01", "2024-02-29"))))
Q(3, "a1c?", "absent_other_pt", absent=r"a1c|4548-4")
Q(3, "was he ever on metformin", "absent_other_pt", absent=r"metformin")
Q(3, "last colonoscopy", "absent_other_pt", absent=r"colonoscop")
Q(3, "any knee replacment", "absent_other_pt", absent=r"knee")
Q(3, "what was his last psa", "absent_other_pt", absent=r"prostate specific|\bpsa\b|2857-1")
Q(3, "was he ever on insulin", "absent_other_pt", absent=r"insulin|glargine")

# ---- patient 4 (46F) ------------------------------------------------------
Q(4, "is she on an ssri", "drug_class",
  lambda c: ans(meds(c, "escitalopram|sertraline|fluoxetine|citalopram|paroxetine", {"active"}), "any", ["escitalopram"]))
Q(4, "still on advair", "brand_name", lambda c: ans(meds(c, "advair", {"active"}), "any", ["fluticasone"]))
Q(4, "why did she come off zoloft", "stopped_meds",
  lambda c: ans(meds(c, "sertraline", {"stopped"}) + notes(c, "cross-taper sertraline"), "any", ["weight gain"]))
Q(4, "why was singulair stopped", "brand_name", lambda c: ans(meds(c, "montelukast", {"stopped"}), "any", ["nightmares"]))
Q(4, "has she had a lump removed", "lay_term", lambda c: (lambda p: ans([p], "any", [day(p)]))(one(procs(c, "lumpectomy"))))
Q(4, "when was the ca dx", "abbreviation", lambda c: (lambda x: ans([x], "any", [day(x)]))(one(conds(c, "malignant"))))
Q(4, "last mammogram", "last_procedure", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "mammograph")[-1]))
Q(4, "last pap", "lay_term", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "smear")[-1]))
Q(4, "hgb in feb 2021", "value_near_date",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(one(in_window(obs(c, "718-7"), "2021-02-01", "2021-02-28"))))
Q(4, "did her ferritin come back up", "trend_words",
  lambda c: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))(obs(c, "2276-4")))
Q(4, "jan 2023 admission did she come thru the ed", "admit_source",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2023-01-01", "2023-01-31"))], "any", ["emergency"]))
Q(4, "what abx for the leg infection and why was it switched", "two_part",
  lambda c: ans(meds(c, "cephalexin") + meds(c, "doxycycline") + notes(c, "Possible MRSA"), "all",
                ["cephalexin", "doxycycline", "MRSA"]))
Q(4, "why is she on tamoxifen", "med_reason", lambda c: ans(meds(c, "tamoxifen", {"active"}), "any", ["breast"]))
Q(4, "active med list", "current_meds", lambda c: (lambda xs: ans(xs, "all", [generic(r) for r in xs]))(meds(c, ".", {"active"})))
Q(4, "any food allergies", "allergy",
  lambda c: ans([a for a in c.of("AllergyIntolerance") if "food" in a["category"]], "any", ["shellfish"]))
Q(4, "when was her last tdap", "last_vaccine", lambda c: (lambda i: ans([i], "any", [day(i)]))(vacc(c, {"115"})[-1]))
Q(4, "how many asthma attacks landed her in the ER", "count",
  lambda c: (lambda xs: ans(xs, "all", [str(len(xs))]))(encs(c, "EMER", "asthma")))
Q(4, "did she get radation", "typo", lambda c: (lambda p: ans([p], "any", [day(p)]))(one(procs(c, "radiotherapy"))))
Q(4, "last spirometery", "typo", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "spirometry")[-1]))
Q(4, "flu shot this season?", "last_vaccine",
  lambda c: (lambda i: ans([i], "any", [day(i)]))(one(in_window(vacc(c, FLU), "2025-08-01", NOW))))
Q(4, "oncotype score?", "note_fact", lambda c: ans(notes(c, "Oncotype"), "any", ["14"]))
Q(4, "is she on a statin", "absent_other_pt", absent=r"statin")
Q(4, "does she use cpap", "absent_other_pt", absent=r"cpap|positive airway")
Q(4, "last inr", "absent_other_pt", absent=r"\binr\b|6301-6|warfarin")
Q(4, "any afib hx", "absent_other_pt", absent=r"atrial fib|\bafib\b")
Q(4, "last lithium level", "absent", absent=r"lithium", other=False)
Q(4, "last colonoscopy", "absent_other_pt", absent=r"colonoscop")

# ---- patient 5 (59M) ------------------------------------------------------
Q(5, "is he on a ppi", "drug_class",
  lambda c: ans(meds(c, "pantoprazole|omeprazole|esomeprazole|lansoprazole", {"active"}), "any", ["pantoprazole"]))
Q(5, "was he ever on opioids", "drug_class",
  lambda c: ans(meds(c, "tramadol|oxycodone|hydrocodone|morphine"), "all", ["tramadol", "oxycodone"]))
Q(5, "when did he come off ultram", "brand_name",
  lambda c: (lambda m: ans([m], "any", [m["dispenseRequest"]["validityPeriod"]["end"]]))(one(meds(c, "tramadol"))))
Q(5, "psa trend before surgery", "trend_words",
  lambda c: (lambda cut: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))([o for o in obs(c, "2857-1") if day(o) < cut]))(
      day(one(procs(c, "prostatectomy")))))
Q(5, "psa closest to jan 2021", "value_near_date",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(one(in_window(obs(c, "2857-1"), "2021-01-01", "2021-01-31"))))
Q(5, "last colonoscopy", "last_procedure", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "^colonoscopy")[-1]))
Q(5, "did he ever pass a stone", "lay_term",
  lambda c: (lambda x: ans([x, *encs(c, "EMER", "kidney stone")], "any", [day(x)]))(one(conds(c, "kidney stone"))))
Q(5, "contrast allergy?", "allergy", lambda c: ans(allergies(c, "contrast"), "any", ["contrast"]))
Q(5, "how was he admitted for the prostatectomy", "admit_source",
  lambda c: ans([one(encs(c, "IMP", "prostate"))], "any", ["outpatient"]))
Q(5, "july 2024 admit came in how", "admit_source",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2024-07-01", "2024-07-31"))], "any", ["emergency"]))
Q(5, "s/p RP when", "abbreviation", lambda c: (lambda p: ans([p], "any", [day(p)]))(one(procs(c, "radical prostatectomy"))))
Q(5, "current meds", "current_meds", lambda c: (lambda xs: ans(xs, "all", [generic(r) for r in xs]))(meds(c, ".", {"active"})))
Q(5, "why did he stop meloxicam", "stopped_meds", lambda c: ans(meds(c, "meloxicam", {"stopped"}), "any", ["reflux"]))
Q(5, "last flu shot", "last_vaccine", lambda c: (lambda i: ans([i], "any", [day(i)]))(vacc(c, FLU)[-1]))
Q(5, "hep b vaccinated?", "vaccine_series",
  lambda c: (lambda xs: ans(xs, "all", [day(i) for i in xs]))(vacc(c, {"43", "189", "08"})))
Q(5, "what was the last visit for", "visit_reason", lambda c: ans([last_visit(c)], "any", ["prostate"]))
Q(5, "what dose of amlodapine", "typo", lambda c: ans(meds(c, "amlodipine", {"active"}), "any", ["10"]))
Q(5, "when was his diverticulitus", "typo", lambda c: (lambda x: ans([x], "any", [day(x)]))(one(conds(c, "diverticulitis"))))
Q(5, "wbc and crp when he came in w/ diverticulitis", "two_part",
  lambda c: (lambda d0: (lambda w, r: ans([w, r], "all", [val(w), val(r)]))(
      one([o for o in obs(c, "6690-2") if day(o) == d0]), one([o for o in obs(c, "1988-5") if day(o) == d0])))(
      day(one(conds(c, "diverticulitis")))))
Q(5, "why is he on duloxetine", "med_reason", lambda c: ans(meds(c, "duloxetine", {"active"}), "any", ["back pain"]))
Q(5, "what was the er visit in summer 2019 for", "season_time",
  lambda c: ans([one(in_window(encs(c, "EMER"), "2019-06-01", "2019-08-31"))], "any", ["kidney stone"]))
Q(5, "how high was his bp in the ER w/ the kidney stone", "vitals",
  lambda c: (lambda d0: (lambda o: ans([o], "any", [str(o["component"][0]["valueQuantity"]["value"]),
                                                    str(o["component"][1]["valueQuantity"]["value"])]))(
      one([o for o in obs(c, "85354-9") if day(o) == d0])))(day(one(conds(c, "kidney stone")))))
Q(5, "does he have a pacemaker", "absent_other_pt", absent=r"pacemaker|pacer")
Q(5, "is he on a blood thinner", "absent_other_pt",
  absent=r"warfarin|apixaban|rivaroxaban|eliquis|xarelto|heparin|enoxaparin|clopidogrel|aspirin|dabigatran")
Q(5, "asthma hx?", "absent_other_pt", absent=r"asthma")
Q(5, "pcn allergy?", "absent_other_pt", absent=r"penicillin|amoxicillin")
Q(5, "hx of hep c", "absent", absent=r"hepatitis c|hep c|hcv", other=False)
Q(5, "last dexa", "absent_other_pt", absent=r"bone density|dexa|absorptiometry")

# ---- patient 6 (63F) ------------------------------------------------------
Q(6, "is she on a biologic", "drug_class",
  lambda c: ans(meds(c, "etanercept|adalimumab|humira|enbrel", {"active"}), "any", ["etanercept"]))
Q(6, "why did she stop humira", "brand_name",
  lambda c: ans(meds(c, "humira", {"stopped"}) + notes(c, "Hold Humira"), "any", ["zoster"]))
Q(6, "any hx of shingles", "lay_term", lambda c: (lambda x: ans([x], "any", [day(x)]))(one(conds(c, "herpes zoster"))))
Q(6, "how long was she on eliquis", "brand_name",
  lambda c: (lambda m: ans([m], "any", [day(m), m["dispenseRequest"]["validityPeriod"]["end"]]))(one(meds(c, "eliquis"))))
Q(6, "blood clot hx", "lay_term", lambda c: (lambda x: ans([x], "any", [day(x)]))(one(conds(c, "venous thrombosis"))))
Q(6, "current RA meds", "abbreviation",
  lambda c: (lambda xs: ans(xs, "all", [generic(r) for r in xs]))(
      [m for m in meds(c, ".", {"active"}) if m.get("reasonCode") and m["reasonCode"][0]["text"] == "Rheumatoid arthritis"]))
Q(6, "highest alt on mtx", "worst_value",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(max(obs(c, "1742-6"), key=lambda r: r["valueQuantity"]["value"])))
Q(6, "esr trend last 2 yrs", "trend_words",
  lambda c: (lambda xs: ans(xs, "all", [val(xs[0]), val(xs[-1])]))(in_window(obs(c, "4537-7"), "2023-11-12", NOW)))
Q(6, "crp around the sept 2019 flare", "value_near_date",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(one(in_window(obs(c, "1988-5"), "2019-09-01", "2019-09-30"))))
Q(6, "last dexa", "last_procedure", lambda c: (lambda p: ans([p], "any", [day(p)]))(procs(c, "bone density")[-1]))
Q(6, "any implanted hardware", "device", lambda c: ans(devices(c) + procs(c, "replacement of hip"), "any", ["hip"]))
Q(6, "how did the jan 2021 admission start and where did she go after", "two_part",
  lambda c: ans([one(in_window(encs(c, "IMP"), "2021-01-01", "2021-01-31"))], "any", ["emergency", "rehab"]))
Q(6, "last covid shot", "last_vaccine", lambda c: (lambda i: ans([i], "any", [day(i)]))(vacc(c, COVID)[-1]))
Q(6, "first a1c", "first_value", lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(obs(c, "4548-4")[0]))
Q(6, "is her a1c this yr normal", "normal_check",
  lambda c: (lambda o: ans([o], "any", [val(o), day(o)]))(one(in_window(obs(c, "4548-4"), "2025-01-01", NOW))))
Q(6, "why was hydroxychloraquine stopped", "typo", lambda c: ans(meds(c, "hydroxychloroquine", {"stopped"}), "any", ["nausea"]))
Q(6, "why is she on alendronate", "med_reason", lambda c: ans(meds(c, "alendronate", {"active"}), "any", ["osteoporosis"]))
Q(6, "current meds", "current_meds", lambda c: (lambda xs: ans(xs, "all", [generic(r) for r in xs]))(meds(c, ".", {"active"})))
Q(6, "what dose of methotrexte", "typo", lambda c: ans(meds(c, "methotrexate", {"active"}), "any", ["15"]))
Q(6, "any hx of osteoperosis", "typo", lambda c: (lambda x: ans([x], "any", [day(x)]))(one(conds(c, "osteoporosis"))))
Q(6, "sulfa allergy?", "allergy", lambda c: ans(allergies(c, "sulfasalazine"), "any", ["sulfasalazine"]))
Q(6, "why was her alt high in 2017", "note_fact",
  lambda c: ans([one(in_window(notes(c, "ALT"), "2017-01-01", "2017-12-31"))], "any", ["alcohol"]))
Q(6, "last psa", "absent_other_pt", absent=r"prostate specific|\bpsa\b|2857-1")
Q(6, "is she on insuline", "absent_other_pt", absent=r"insulin|glargine")
Q(6, "hx of breast ca", "absent_other_pt", absent=r"breast", types={"Condition", "MedicationRequest"})
Q(6, "last cardiac cath", "absent_other_pt", absent=r"cathet")
Q(6, "any hx of MI", "absent_other_pt", absent=r"myocardial infarction|nstemi|\bstemi\b")
Q(6, "was she ever on lithium", "absent", absent=r"lithium", other=False)

# questions whose concept is deliberately misspelled (counted in the README)
MISSPELLED = {"metropolol", "replacment", "levothyroxin", "siezures", "glipzide", "gabapentn", "prostrate", "spirnolactone",
              "pnuemovax", "radation", "spirometery", "amlodapine", "diverticulitus", "hydroxychloraquine", "methotrexte",
              "osteoperosis", "insuline"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", default=os.path.join(REPO, "data", "generated", "blind2"),
                    help="folder of blind2_<n>_<uuid>.json bundles (default: data/generated/blind2)")
    ap.add_argument("--out", default=os.path.join(REPO, "data", "eval", "blind2_questions.jsonl"),
                    help="questions file to write (default: data/eval/blind2_questions.jsonl)")
    a = ap.parse_args()
    charts = {}
    for path in sorted(glob.glob(os.path.join(a.patients, "blind2_*_*.json"))):
        n = int(os.path.basename(path).split("_")[1])
        charts[n] = Chart(path)
    rows = []
    seq = Counter()
    for q in QUESTIONS:
        c = charts[q["pn"]]
        seq[q["pn"]] += 1
        qid = f"b2-p{q['pn']}-{seq[q['pn']]:02d}"
        if q["absent"]:
            pat = re.compile(q["absent"], re.I)
            assert not pat.search(c.searchable(q["types"])), f"{qid}: '{q['absent']}' found in patient {q['pn']}"
            others = [n for n, o in charts.items() if n != q["pn"] and pat.search(o.searchable(q["types"]))]
            if q["other"]:
                assert others, f"{qid}: leakage trap but no other patient holds '{q['absent']}'"
            else:
                assert not others, f"{qid}: marked absent everywhere but patients {others} hold it"
            gold, match, facts = [], "any", []
            expect = "abstain"
        else:
            try:
                gold, match, facts = q["resolve"](c)
            except AssertionError as e:
                raise SystemExit(f"{qid} {q['question']!r}: {e}") from e
            expect = "answer"
            blob = json.dumps([r for r in c.res if rid(r) in gold]).lower() + "\n".join(
                r["_text"].lower() for r in c.res if r["resourceType"] == "DocumentReference" and rid(r) in gold)
            for f in facts:  # every fact must be readable in the gold evidence itself
                assert f.lower() in blob, f"{qid}: fact {f!r} not in gold resources"
        rows.append({"id": qid, "patient_id": c.pid, "question": q["question"], "kind": q["kind"], "now": NOW,
                     "expect": expect, "gold_ids": gold, "gold_match": match, "answer_facts": facts})
    # shuffle (seeded) so neither position nor id hints at patient, kind or expected abstention
    random.Random(20251112).shuffle(rows)
    for i, r in enumerate(rows, 1):
        r["id"] = f"b2-{i:03d}"
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = Counter(r["kind"] for r in rows)
    print(len(rows), "questions;", sum(r["expect"] == "abstain" for r in rows), "abstain;",
          sum(any(w in r["question"] for w in MISSPELLED) for r in rows), "misspelled")
    for k, v in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:18s} {v}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""make_questions.py -- build the sealed blind4 question set from RAW FHIR JSON (stdlib only).

Reads the 6 bundled Synthea bundles (part A) and the invented bundles in ./patients (part B,
made by gen_patients.py) and writes questions.jsonl.  Every resolver computes its gold evidence
ids and answer facts from the raw resources and asserts what it relies on (exactly one match,
a value in a stated month, a concept truly absent from the chart, present in another patient's
chart for cross-patient traps ...), so a wrong gold fails loudly instead of being written.

    python3 make_questions.py [--synthea DIR] [--generated DIR] [--out questions.jsonl]
"""
import argparse
import base64
import datetime
import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


# ------------------------------------------------------------------------------------------
# chart loading
# ------------------------------------------------------------------------------------------
class Chart:
    def __init__(self, path, alias, now):
        self.path, self.alias, self.now = path, alias, now
        b = json.load(open(path, encoding="utf-8"))
        self.res = [e["resource"] for e in b["entry"]]
        self.byid = {}
        for r in self.res:
            self.byid[r["id"]] = r
        pts = [r for r in self.res if r["resourceType"] == "Patient"]
        assert len(pts) == 1, path
        self.patient = pts[0]
        self.pid = self.patient["id"]
        texts = []
        for r in self.res:
            texts.append(json.dumps(r).lower())
            for t in attachments(r):
                texts.append(t.lower())
        self.blob = "\n".join(texts)

    def of(self, rtype):
        return [r for r in self.res if r["resourceType"] == rtype]


def attachments(r):
    out = []

    def walk(x):
        if isinstance(x, dict):
            if "data" in x and x.get("contentType", "").startswith("text/plain"):
                out.append(base64.b64decode(x["data"]).decode("utf-8", "replace"))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(r)
    return out


def codings(c):
    if not c:
        return []
    return c.get("coding", [])


def cc_text(c):
    if not c:
        return ""
    parts = [x.get("display", "") for x in codings(c)] + [c.get("text", "")]
    return " | ".join(p for p in parts if p)


def codes(c):
    return {x.get("code") for x in codings(c)}


def concept(P, r):
    t = r["resourceType"]
    if t in ("MedicationRequest", "MedicationAdministration"):
        if "medicationCodeableConcept" in r:
            return cc_text(r["medicationCodeableConcept"])
        ref = r["medicationReference"]["reference"].split(":")[-1].split("/")[-1]
        return cc_text(P.byid[ref]["code"])
    if t in ("Condition", "Observation", "Procedure", "AllergyIntolerance"):
        return cc_text(r.get("code"))
    if t == "Immunization":
        return cc_text(r["vaccineCode"])
    if t == "Device":
        return cc_text(r.get("type")) + " | " + " | ".join(n["name"] for n in r.get("deviceName", []))
    if t == "Encounter":
        return " | ".join([cc_text(x) for x in r.get("type", [])] + [cc_text(x) for x in r.get("reasonCode", [])])
    if t == "FamilyMemberHistory":
        return cc_text(r["relationship"]) + " | " + " | ".join(cc_text(c["code"]) for c in r.get("condition", []))
    if t == "DocumentReference":
        return "\n".join(attachments(r))
    if t == "CarePlan":
        return " | ".join([r.get("title", "")] + [cc_text(c) for c in r.get("category", [])] +
                          [cc_text(a["detail"].get("code")) for a in r.get("activity", []) if "detail" in a])
    if t == "Goal":
        return r["description"].get("text", "")
    return ""


def date(r):
    for k in ("effectiveDateTime", "authoredOn", "occurrenceDateTime", "performedDateTime", "onsetDateTime",
              "recordedDate", "date"):
        if k in r:
            return r[k][:10]
    for k in ("performedPeriod", "period", "effectivePeriod"):
        if k in r:
            return r[k]["start"][:10]
    if r["resourceType"] == "Patient":
        return r["birthDate"]
    if r["resourceType"] == "Device":
        return r.get("manufactureDate", "")[:10]
    return ""


def gid(r):
    return "%s/%s" % (r["resourceType"], r["id"])


def num(v):
    """A recorded number exactly as the JSON holds it."""
    if isinstance(v, bool):
        raise AssertionError("bool")
    if isinstance(v, int):
        return str(v)
    return repr(v)


def val(o):
    return num(o["valueQuantity"]["value"])


def fval(o):
    return float(o["valueQuantity"]["value"])


def comp(o, loinc):
    cs = [c for c in o["component"] if loinc in codes(c["code"])]
    assert len(cs) == 1
    return num(cs[0]["valueQuantity"]["value"])


# ------------------------------------------------------------------------------------------
# selectors (every one returns resources sorted by date, then id)
# ------------------------------------------------------------------------------------------
def srt(lst):
    return sorted(lst, key=lambda r: (date(r), r["id"]))


def find(P, rtype, pat=None, code=None, status=None):
    out = []
    for r in P.of(rtype):
        if pat and not re.search(pat, concept(P, r), re.I):
            continue
        if code is not None:
            cset = codes(r.get("code") or r.get("vaccineCode") or r.get("medicationCodeableConcept") or r.get("type"))
            if isinstance(code, str):
                code = [code]
            if not cset & set(code):
                continue
        if status is not None:
            st = r.get("status") or ""
            if "clinicalStatus" in r:
                st = codings(r["clinicalStatus"])[0]["code"]
            if st not in ([status] if isinstance(status, str) else status):
                continue
        out.append(r)
    return srt(out)


def meds(P, pat, status=None):
    return find(P, "MedicationRequest", pat, status=status)


def obs(P, loinc):
    return [o for o in find(P, "Observation", code=loinc) if "valueQuantity" in o]


def between(lst, start, end):
    """start <= date <= end (ISO strings, inclusive)."""
    return [r for r in lst if start <= date(r) <= end]


def in_month(lst, ym):
    return [r for r in lst if date(r)[:7] == ym]


def one(lst, what=""):
    assert len(lst) == 1, "expected exactly one %s, got %d: %s" % (what, len(lst), [gid(r) for r in lst])
    return lst[0]


def nonempty(lst, what=""):
    assert lst, "expected some %s" % what
    return lst


def closest(lst, day, max_days=45):
    d0 = datetime.date.fromisoformat(day)
    ds = sorted(((abs((datetime.date.fromisoformat(date(r)) - d0).days), r) for r in lst),
                key=lambda x: (x[0], x[1]["id"]))
    assert ds, "nothing to be closest"
    assert len(ds) == 1 or ds[0][0] < ds[1][0], "tie for closest to %s" % day
    assert ds[0][0] <= max_days, "closest is %d days away" % ds[0][0]
    return ds[0][1]


def extreme(lst, hi=True):
    k = max if hi else min
    best = k(fval(o) for o in lst)
    hits = [o for o in lst if fval(o) == best]
    assert len(hits) == 1, "tie for extreme"
    return hits[0]


def active_now(P, lst):
    return [r for r in lst if r.get("status") == "active"]


CHARTS = {}


def absent(P, *pats):
    """The concept does not occur anywhere in this chart (resources and decoded notes)."""
    for p in pats:
        m = re.search(p, P.blob, re.I)
        assert not m, "%s: /%s/ unexpectedly present: ...%s..." % (P.alias, p, P.blob[max(0, m.start() - 60):m.end() + 60])


def elsewhere(P, rtype, pat):
    """The concept is recorded (as a coded resource) in at least one OTHER patient's chart."""
    hits = [a for a, C in CHARTS.items() if a != P.alias and find(C, rtype, pat)]
    assert hits, "%s: /%s/ not found in any other chart" % (P.alias, pat)
    return hits


# ------------------------------------------------------------------------------------------
# answers
# ------------------------------------------------------------------------------------------
class R:
    def __init__(self, gold, match="any", facts=()):
        gold = list(gold)
        assert gold, "no gold"
        assert match in ("any", "all")
        ids = [gid(g) for g in gold]
        assert len(ids) == len(set(ids)), "duplicate gold"
        self.gold, self.match, self.facts = ids, match, [str(f) for f in facts]
        self.res = gold


class ABSTAIN:
    pass


def ans(gold, facts=(), match=None):
    gold = gold if isinstance(gold, (list, tuple)) else [gold]
    return R(gold, match or ("all" if len(gold) > 1 else "any"), facts)


def anyof(gold, facts=()):
    return R(gold, "any", facts)


def allof(gold, facts=()):
    return R(gold, "all", facts)


QUESTIONS = []


def Q(alias, kind, text, fn, part):
    QUESTIONS.append((part, alias, kind, text, fn))


def A(alias, kind, text):
    def deco(fn):
        Q(alias, kind, text, fn, "A")
        return fn
    return deco


def B(alias, kind, text):
    def deco(fn):
        Q(alias, kind, text, fn, "B")
        return fn
    return deco


# ==========================================================================================
# PART A -- the six bundled Synthea patients
# ==========================================================================================
ANTICOAG = r"warfarin|heparin|enoxaparin|apixaban|rivaroxaban|dabigatran|edoxaban|clopidogrel|aspirin|ticagrelor|prasugrel|eliquis|xarelto|lovenox|coumadin|plavix"
STATIN = r"statin\b|simvastatin|atorvastatin|rosuvastatin|pravastatin|lovastatin|lipitor|crestor|zocor"
INSULIN = r"insulin|lantus|novolog|humalog|humulin|glargine|lispro|aspart|detemir|degludec"
BETA = r"metoprolol|carvedilol|atenolol|propranolol|bisoprolol|labetalol|nadolol|nebivolol|toprol|coreg"
INHALER = r"inhal|albuterol|tiotropium|budesonide|fluticasone|formoterol|salmeterol|ipratropium|spiriva|symbicort|proair|ventolin|advair|actuat"


# ---------------- Allen (male, b. 1940) ----------------
@A("allen", "med_class_active", "is he on a blood thinner")
def _(P):
    act = active_now(P, meds(P, ANTICOAG))
    return allof([one(act, "active anticoagulant")], ["Warfarin"])


@A("allen", "med_for_condition", "whats he taking for the afib pls")
def _(P):
    nonempty(find(P, "Condition", r"atrial fibrillation"))
    g = [one(active_now(P, meds(P, p))) for p in (r"verapamil", r"digoxin", r"warfarin")]
    return allof(g, ["Verapamil", "Digoxin", "Warfarin"])


@A("allen", "abbrev_ambiguous", "any hx of prostate ca")
def _(P):
    g = find(P, "Condition", r"prostate")
    assert len(g) == 2 and {date(x) for x in g} == {"2004-11-03"}
    return anyof(g, ["2004-11-03"])


@A("allen", "med_class_active", "what chemo is he getting right now")
def _(P):
    return allof([one(active_now(P, meds(P, r"docetaxel")))], ["docetaxel"])


@A("allen", "count", "how many times has he been cardioverted")
def _(P):
    g = find(P, "Procedure", r"cardioversion")
    return allof(g, [str(len(g))])


@A("allen", "condition_lay", "memory problems? when was that dx")
def _(P):
    c = one(find(P, "Condition", r"alzheimer"))
    return anyof([c], [date(c)])


@A("allen", "med_indication", "whats the galantamine for")
def _(P):
    m = one(active_now(P, meds(P, r"galantamine")))
    c = one(find(P, "Condition", r"alzheimer"))
    assert m["reasonReference"][0]["reference"].endswith(c["id"])
    return allof([m, c], ["Alzheimer"])


@A("allen", "condition_lay", "has he ever broken a bone")
def _(P):
    c = one(find(P, "Condition", r"fracture"))
    return anyof([c], ["ankle", date(c)])


@A("allen", "lab_normal", "is his latest a1c normal")
def _(P):
    o = obs(P, "4548-4")[-1]
    assert 5.7 <= fval(o) < 6.5
    return anyof([o], [val(o), date(o)])


@A("allen", "lab_trend", "has his potasium gone up since 2019")
def _(P):
    g = between(obs(P, "6298-4"), "2019-01-01", P.now)
    assert len(g) >= 2 and fval(g[-1]) > fval(g[0])
    return allof(g, [val(g[0]), val(g[-1])])


@A("allen", "immunization", "did he get his covid shots")
def _(P):
    g = find(P, "Immunization", r"COVID")
    assert len(g) == 2
    return allof(g, [date(x) for x in g])


@A("allen", "encounter_reason", "why was he admitted in sept 2012")
def _(P):
    e = one(in_month(find(P, "Encounter"), "2012-09"))
    assert e["class"]["code"] == "IMP"
    return anyof([e], ["migraine"])


@A("allen", "absent_other_pt", "is he on a statin")
def _(P):
    absent(P, STATIN)
    elsewhere(P, "MedicationRequest", STATIN)
    return ABSTAIN


@A("allen", "absent_other_pt", "when was his last colonoscopy and what did it show")
def _(P):
    absent(P, r"colonoscop")
    elsewhere(P, "Procedure", r"colonoscopy")
    return ABSTAIN


@A("allen", "absent_concept", "any hx of stroke or tia")
def _(P):
    absent(P, r"stroke", r"cerebrovascular", r"cerebral infarct", r"transient ischemic", r"\btia\b", r"\bcva\b")
    return ABSTAIN


@A("allen", "med_still", "still taking the lisinoprill?")
def _(P):
    m = one(active_now(P, meds(P, r"lisinopril")))
    return anyof([m], [date(m)])


# ---------------- Beatris (girl, b. 2015) ----------------
@A("beatris", "condition_group", "any heart problems")
def _(P):
    c = one(find(P, "Condition", r"aortic valve stenosis"))
    return anyof([c], [date(c)])


@A("beatris", "two_part", "hx of AS? how many echos has she had")
def _(P):
    c = one(find(P, "Condition", r"aortic valve stenosis"))
    e = find(P, "Procedure", r"^Transthoracic echocardiography")
    assert len(e) == 4
    return allof([c] + e, [str(len(e))])


@A("beatris", "allergy", "what is she allergic to")
def _(P):
    g = find(P, "AllergyIntolerance")
    assert len(g) == 9
    return allof(g, ["Latex", "Bee venom", "Mold", "dust mite", "Animal dander", "Grass pollen",
                     "Tree pollen", "Aspirin"])


@A("beatris", "med_brand", "does she carry an epipen")
def _(P):
    m = one(active_now(P, meds(P, r"epinephrine.*auto-injector")))
    return anyof([m], ["Epinephrine"])


@A("beatris", "med_class_active", "which antihistamine is she on")
def _(P):
    m = one(active_now(P, meds(P, r"fexofenadine|loratadine|cetirizine|diphenhydramine|chlorphenir")))
    return allof([m], ["Fexofenadine"])


@A("beatris", "med_for_condition", "what abx did she get for strep throat")
def _(P):
    g = meds(P, r"penicillin")
    assert len(g) == 2 and all(date(x) in {date(c) for c in find(P, "Condition", r"streptococcal")} for x in g)
    return allof(g, ["Penicillin V"])


@A("beatris", "two_part", "ear infection ever - what was she treated w/")
def _(P):
    c = one(find(P, "Condition", r"otitis"))
    m = one([x for x in meds(P, r"amoxicillin") if date(x) == date(c)])
    return allof([c, m], [date(c), "Amoxicillin"])


@A("beatris", "immunization", "when did she get mmr")
def _(P):
    g = find(P, "Immunization", r"^MMR")
    assert len(g) == 2
    return allof(g, [date(x) for x in g])


@A("beatris", "time_words", "did she get a flu shot last spring")
def _(P):
    y = int(P.now[:4]) if P.now[5:7] > "05" else int(P.now[:4]) - 1
    i = one(between(find(P, "Immunization", r"influenza"), "%d-03-01" % y, "%d-05-31" % y))
    return anyof([i], [date(i)])


@A("beatris", "absent_other_pt", "any hx of astma")
def _(P):
    absent(P, r"asthma")
    elsewhere(P, "Condition", r"asthma")
    return ABSTAIN


@A("beatris", "absent_other_pt", "is she on an inhaled steroid")
def _(P):
    absent(P, r"budesonide|fluticasone|beclomethasone|mometasone|ciclesonide|symbicort|flovent|pulmicort|qvar")
    elsewhere(P, "MedicationRequest", r"budesonide")
    return ABSTAIN


@A("beatris", "condition_lay", "eczema?")
def _(P):
    c = one(find(P, "Condition", r"atopic dermatitis"))
    return anyof([c], [date(c)])


@A("beatris", "time_words", "temp when she came in w sore throat in october")
def _(P):
    o = one(in_month(obs(P, "8310-5"), P.now[:4] + "-10"))
    return anyof([o], [val(o)])


@A("beatris", "absent_other_pt", "has she ever had a siezure")
def _(P):
    absent(P, r"seizure", r"epilep", r"convuls")
    elsewhere(P, "Condition", r"epilep")
    return ABSTAIN


# ---------------- Edythe (female, b. 1974) ----------------
@A("edythe", "abbrev_ambiguous", "does she have an ICD")
def _(P):
    d = one(find(P, "Device", r"defibrillator"))
    p = one(find(P, "Procedure", r"defibrillator"))
    return anyof([d, p], ["defibrillator"])


@A("edythe", "encounter_reason", "why was she in the ER in june 2018")
def _(P):
    e = one([x for x in in_month(find(P, "Encounter"), "2018-06") if x["class"]["code"] == "EMER"])
    return anyof([e], ["Cardiac Arrest"])


@A("edythe", "med_class_active", "what birth control is she on")
def _(P):
    act = active_now(P, meds(P, r"jolivette|estradiol|norelgestromin|levonorgestrel|medroxyprogesterone|liletta|norethindrone"))
    return allof([one(act)], ["Jolivette"])


@A("edythe", "med_class_ever", "has she ever had an iud")
def _(P):
    g = meds(P, r"intrauterine") + find(P, "Procedure", r"intrauterine")
    assert len(g) == 3
    return anyof(g, ["Liletta"])


@A("edythe", "med_for_condition", "uti abx 2019")
def _(P):
    g = between(meds(P, r"nitrofurantoin"), "2019-01-01", "2019-12-31")
    assert len(g) == 2
    return allof(g, ["Nitrofurantoin", "2019-04-25"])


@A("edythe", "two_part", "is she diabetic, whats the last a1c")
def _(P):
    c = one(find(P, "Condition", r"diabet|prediabet"))
    assert "Prediabetes" in concept(P, c)
    o = obs(P, "4548-4")[-1]
    return allof([c, o], ["Prediabetes", val(o)])


@A("edythe", "med_for_condition", "what did they give her for the wrist")
def _(P):
    c = one(find(P, "Condition", r"sprain of wrist"))
    m = one([x for x in meds(P, r".") if date(x) == date(c)])
    return anyof([m], ["Naproxen"])


@A("edythe", "time_words", "ldl circa summer 2020")
def _(P):
    o = one(between(obs(P, "18262-6"), "2020-06-01", "2020-08-31"))
    return anyof([o], [val(o)])


@A("edythe", "immunization", "tetnus shot - when was the last one")
def _(P):
    i = find(P, "Immunization", r"\bTd\b|tetanus|Tdap")[-1]
    return anyof([i], [date(i)])


@A("edythe", "absent_other_pt", "is she on a beta blocker")
def _(P):
    absent(P, BETA)
    elsewhere(P, "MedicationRequest", BETA)
    return ABSTAIN


@A("edythe", "absent_other_pt", "hx of a fib?")
def _(P):
    absent(P, r"atrial fibrillation", r"\bafib\b", r"a-fib")
    elsewhere(P, "Condition", r"atrial fibrillation")
    return ABSTAIN


@A("edythe", "lab_trend", "has her anxiety score (gad7) gone up")
def _(P):
    g = obs(P, "70274-6")
    assert len(g) == 3 and fval(g[-1]) > fval(g[0])
    return allof(g, [val(g[0]), val(g[-1])])


@A("edythe", "condition_onset", "when did she have bronchitus")
def _(P):
    c = one(find(P, "Condition", r"bronchitis"))
    return anyof([c], [date(c)])


@A("edythe", "note_fact", "what does the note from the wrist sprain visit say the plan was")
def _(P):
    n = one([d for d in P.of("DocumentReference") if "presenting with sprain of wrist" in concept(P, d)])
    assert "physical therapy" in concept(P, n)
    return anyof([n], ["naproxen", "physical therapy"])


@A("edythe", "lab_absent", "last mammogram result")
def _(P):
    absent(P, r"mammogra", r"breast imaging", r"bi-rads")
    return ABSTAIN


# ---------------- Maye (female, b. 1969, died 2005) ----------------
@A("maye", "death", "is pt deceased? date of death")
def _(P):
    d = P.patient["deceasedDateTime"][:10]
    return anyof([P.patient], [d])


@A("maye", "encounter_reason", "what brought her in at the end of oct 2005")
def _(P):
    e = one(between(find(P, "Encounter"), "2005-10-20", "2005-10-31"))
    return anyof([e], ["Sepsis"])


@A("maye", "med_for_condition", "what abx did she get for the sepsis")
def _(P):
    g = meds(P, r"piperacillin|vancomycin")
    assert len(g) == 2
    return allof(g, ["piperacillin", "vancomycin"])


@A("maye", "med_class_ever", "was she on pressors")
def _(P):
    g = meds(P, r"norepinephrine") + find(P, "MedicationAdministration", r"norepinephrine")
    assert len(g) == 2
    return anyof(g, ["norepinephrine"])


@A("maye", "lab_trend", "lactate trend")
def _(P):
    g = obs(P, "59032-3")
    assert len(g) == 2
    return allof(g, [val(g[0]), val(g[1])])


@A("maye", "med_class_active", "what bp meds was she taking")
def _(P):
    g = active_now(P, meds(P, r"lisinopril|amlodipine|hydrochlorothiazide|losartan|metoprolol"))
    assert len(g) == 2
    return allof(g, ["lisinopril", "amLODIPine"])


@A("maye", "device", "did she have an aicd")
def _(P):
    d = one(find(P, "Device", r"defibrillator"))
    return anyof([d], ["defibrillator"])


@A("maye", "procedure", "blood transfusion ever?")
def _(P):
    p = one(find(P, "Procedure", r"transfusion"))
    return anyof([p], [date(p)])


@A("maye", "time_words", "o2 sat when she came in septic")
def _(P):
    o = one(between(obs(P, "2713-6"), "2005-10-31", "2005-10-31"))
    return anyof([o], [val(o)])


@A("maye", "med_class_ever", "what contraception has she used")
def _(P):
    g = meds(P, r"norinyl|medroxyprogesterone|levonorgestrel")
    assert len(g) == 4
    return allof(g, ["Norinyl", "medroxyprogesterone", "Levonorgestrel"])


@A("maye", "absent_concept", "any thyroid problems")
def _(P):
    absent(P, r"thyro", r"\btsh\b", r"hashimoto", r"graves", r"goiter", r"levothyroxine")
    return ABSTAIN


@A("maye", "absent_other_pt", "was she ever on insulin")
def _(P):
    absent(P, INSULIN)
    elsewhere(P, "MedicationRequest", r"insulin")
    return ABSTAIN


@A("maye", "condition_onset", "hypertention since when")
def _(P):
    c = one(find(P, "Condition", r"hypertension"))
    return anyof([c], [date(c)])


@A("maye", "count", "how many ER visits did she have")
def _(P):
    g = [e for e in find(P, "Encounter") if e["class"]["code"] == "EMER"]
    return allof(g, [str(len(g))])


@A("maye", "absent_other_pt", "any hx of cancer")
def _(P):
    absent(P, r"cancer", r"carcinoma", r"neoplasm", r"malignan", r"tumou?r", r"oncolog", r"chemotherap", r"lymphoma",
           r"leukemia")
    elsewhere(P, "Condition", r"carcinoma|neoplasm")
    return ABSTAIN


# ---------------- Milton (male, b. 1997) ----------------
@A("milton", "condition_onset", "when did he have covid")
def _(P):
    c = one(find(P, "Condition", code="840539006"))
    return anyof([c], [date(c)])


@A("milton", "encounter_reason", "how long was he in hospital with covid")
def _(P):
    e = one([x for x in find(P, "Encounter") if x["class"]["code"] == "IMP"])
    return anyof([e], [e["period"]["start"][:10], e["period"]["end"][:10]])


@A("milton", "abbrev_ambiguous", "any hx of PE")
def _(P):
    c = one(find(P, "Condition", r"pulmonary embolism"))
    return anyof([c], [date(c)])


@A("milton", "med_brand", "was he given lovenox")
def _(P):
    g = meds(P, r"enoxaparin")
    assert len(g) == 2
    return anyof(g + find(P, "MedicationAdministration", r"enoxaparin"), ["Enoxaparin"])


@A("milton", "lab_first_worst", "worst o2 sat during the covid admission")
def _(P):
    e = one([x for x in find(P, "Encounter") if x["class"]["code"] == "IMP"])
    g = between(obs(P, ["2708-6", "59408-5"]), e["period"]["start"][:10], e["period"]["end"][:10])
    o = extreme(g, hi=False)
    return anyof([o], [val(o)])


@A("milton", "med_indication", "why is he on amlodopine")
def _(P):
    m = one(active_now(P, meds(P, r"amlodipine")))
    c = one(find(P, "Condition", r"hypertension"))
    assert m["reasonReference"][0]["reference"].endswith(c["id"])
    return allof([m, c], ["Hypertension"])


@A("milton", "immunization", "hep b series done?")
def _(P):
    g = find(P, "Immunization", r"Hep B")
    assert len(g) == 3
    return allof(g, [date(x) for x in g])


@A("milton", "condition_lay", "drug use hx")
def _(P):
    c = one(find(P, "Condition", r"misuses drugs"))
    return anyof([c], [date(c)])


@A("milton", "vitals_bp", "bp at the sept 2021 physical")
def _(P):
    o = one(in_month(find(P, "Observation", code="85354-9"), "2021-09"))
    return anyof([o], [comp(o, "8480-6"), comp(o, "8462-4")])


@A("milton", "absent_concept", "any hx of asthma or copd")
def _(P):
    absent(P, r"asthma", r"chronic obstructive", r"\bcopd\b", r"emphysema")
    return ABSTAIN


@A("milton", "absent_other_pt", "is he on an inhaler")
def _(P):
    absent(P, INHALER)
    elsewhere(P, "MedicationRequest", r"inhal")
    return ABSTAIN


@A("milton", "procedure", "did he have a chest xray")
def _(P):
    p = one(find(P, "Procedure", r"chest x-ray"))
    return anyof([p], [date(p)])


@A("milton", "lab_normal", "was his troponen ever elevated")
def _(P):
    g = obs(P, "89579-7")
    mx = extreme(g)
    assert fval(mx) < 14  # below the usual hs-TnI upper limits
    return allof(g, [val(mx)])


@A("milton", "abbrev_ambiguous", "pt/inr on admission")
def _(P):
    e = one([x for x in find(P, "Encounter") if x["class"]["code"] == "IMP"])
    d0 = e["period"]["start"][:10]
    pt = one([o for o in obs(P, "5902-2") if date(o) == d0])
    inr = one([o for o in obs(P, "6301-6") if date(o) == d0])
    return allof([pt, inr], [val(pt), val(inr)])


@A("milton", "absent_other_pt", "cholesterol med? statin")
def _(P):
    absent(P, STATIN)
    elsewhere(P, "MedicationRequest", STATIN)
    return ABSTAIN


@A("milton", "time_words", "r/o covid in nov 2020 - was the pcr positive")
def _(P):
    o = one(in_month(find(P, "Observation", code="94531-1"), "2020-11"))
    assert cc_text(o["valueCodeableConcept"]).startswith("Detected")
    return anyof([o], ["Detected"])


# ---------------- Napoleon (male, b. 1941) ----------------
@A("napoleon", "med_class_active", "cholesterol meds?")
def _(P):
    return allof([one(active_now(P, meds(P, STATIN + r"|ezetimibe|fenofibrate")))], ["Simvastatin"])


@A("napoleon", "time_words", "what bp meds was he on in 2019")
def _(P):
    g = between(meds(P, r"hydrochlorothiazide|lisinopril|amlodipine|losartan|metoprolol"), "2019-01-01", "2019-12-31")
    assert len(g) == 2
    return allof(g, ["Hydrochlorothiazide", "lisinopril"])


@A("napoleon", "med_class_active", "is he on a water pill")
def _(P):
    return allof([one(active_now(P, meds(P, r"hydrochlorothiazide|furosemide|chlorthalidone|spironolactone|torsemide|bumetanide")))],
                 ["Hydrochlorothiazide"])


@A("napoleon", "lab_trend", "ldl trend since 2018")
def _(P):
    g = between(obs(P, "18262-6"), "2018-01-01", P.now)
    assert 3 <= len(g) <= 6
    return allof(g, [val(g[0]), val(g[-1])])


@A("napoleon", "lab_normal", "latest creatnine normal?")
def _(P):
    o = obs(P, "38483-4")[-1]
    assert fval(o) > 1.3
    return anyof([o], [val(o), date(o)])


@A("napoleon", "med_for_condition", "what pain meds did he get for the burn")
def _(P):
    c = one(find(P, "Condition", r"burn"))
    g = [m for m in meds(P, r"hydrocodone|naproxen|oxycodone|ibuprofen|acetaminophen") if date(m) == date(c)]
    assert len(g) == 2
    return allof(g, ["HYDROcodone", "Naproxen"])


@A("napoleon", "med_class_ever", "was he ever prescribed an opioid")
def _(P):
    g = meds(P, r"hydrocodone|oxycodone|morphine|tramadol|codeine|fentanyl|hydromorphone")
    return anyof([one(g)], ["HYDROcodone", date(g[0])])


@A("napoleon", "social_history", "smoker?")
def _(P):
    g = find(P, "Observation", code="72166-2")
    assert all("Former smoker" in cc_text(o["valueCodeableConcept"]) for o in g)
    return anyof(g, ["Former smoker"])


@A("napoleon", "lab_first_worst", "worst fall risk score")
def _(P):
    o = extreme(obs(P, "59460-6"))
    return anyof([o], [val(o), date(o)])


@A("napoleon", "time_words", "what vaccines did he get this spring")
def _(P):
    g = between(find(P, "Immunization"), P.now[:4] + "-03-01", P.now[:4] + "-05-31")
    assert len(g) == 2
    return allof(g, [date(x) for x in g])


@A("napoleon", "time_words", "sinus infection this yr?")
def _(P):
    c = one(between(find(P, "Condition", r"sinusitis"), P.now[:4] + "-01-01", P.now))
    return anyof([c], [date(c)])


@A("napoleon", "absent_other_pt", "whats his latest hba1c")
def _(P):
    absent(P, r'"4548-4"', r"\ba1c\b", r"glycated", r"glycosylated")
    elsewhere(P, "Observation", r"A1c")
    return ABSTAIN


@A("napoleon", "absent_other_pt", "any hx of afib")
def _(P):
    absent(P, r"atrial fibrillation", r"\bafib\b")
    elsewhere(P, "Condition", r"atrial fibrillation")
    return ABSTAIN


@A("napoleon", "absent_concept", "did he get the pneumonia vaccine")
def _(P):
    absent(P, r"pneumococcal", r"pneumovax", r"prevnar", r"\bppsv", r"\bpcv")
    return ABSTAIN


@A("napoleon", "condition_onset", "hyperlipidimia dx date")
def _(P):
    c = one(find(P, "Condition", r"hyperlipidemia"))
    return anyof([c], [date(c)])


# ==========================================================================================
# PART B -- the five invented patients (g1..g5)
# ==========================================================================================
# ---------------- g1: T2DM / CKD / AF man ----------------
@B("g1", "med_class_active", "is he anticoagulated")
def _(P):
    return allof([one(active_now(P, meds(P, ANTICOAG)))], ["apixaban"])


@B("g1", "med_stopped_reason", "why was warfarin stopped")
def _(P):
    m = one(meds(P, r"warfarin", status="stopped"))
    assert "Labile INR" in m["statusReason"]["text"]
    return anyof([m], ["labile", m["dispenseRequest"]["validityPeriod"]["end"]])


@B("g1", "med_class_active", "what diabetes meds is he on now")
def _(P):
    g = active_now(P, meds(P, r"metformin|empagliflozin|semaglutide|insulin|glipizide|sitagliptin"))
    assert len(g) == 4
    return allof(g, ["metformin", "empagliflozin", "semaglutide", "insulin glargine"])


@B("g1", "med_class_active", "glp1 agonist?")
def _(P):
    m = one(active_now(P, meds(P, r"semaglutide|liraglutide|dulaglutide|tirzepatide|exenatide")))
    return allof([m], ["semaglutide", date(m)])


@B("g1", "time_words", "a1c values this yr")
def _(P):
    g = between(obs(P, "4548-4"), P.now[:4] + "-01-01", P.now)
    assert len(g) == 2
    return allof(g, [val(x) for x in g])


@B("g1", "lab_first_worst", "when was his a1c first above 8")
def _(P):
    o = [x for x in obs(P, "4548-4") if fval(x) > 8][0]
    return anyof([o], [date(o), val(o)])


@B("g1", "admission_source", "how did the july 2021 hospital stay start")
def _(P):
    e = one([x for x in in_month(find(P, "Encounter"), "2021-07") if x["class"]["code"] == "IMP"])
    assert codes(e["hospitalization"]["admitSource"]) == {"emd"}
    return anyof([e], ["emergency"])


@B("g1", "time_words", "inr around halloween 2021")
def _(P):
    o = closest(obs(P, "6301-6"), "2021-10-31", 10)
    return anyof([o], [val(o), date(o)])


@B("g1", "device", "does he wear a cgm")
def _(P):
    d = one(find(P, "Device", r"glucose monitor"))
    return anyof([d], ["Libre"])


@B("g1", "family_history", "fam hx heart disease")
def _(P):
    f = one(find(P, "FamilyMemberHistory", r"myocardial"))
    return anyof([f], ["father"])


@B("g1", "two_part", "colonoscopy when and what did it show")
def _(P):
    p = one(find(P, "Procedure", r"colonoscopy"))
    n = one([d for d in P.of("DocumentReference") if "tubular adenoma" in concept(P, d)])
    return allof([p, n], [date(p), "adenoma"])


@B("g1", "med_stopped_reason", "why did he come off lisinoprill")
def _(P):
    m = one(meds(P, r"lisinopril", status="stopped"))
    a = one(find(P, "AllergyIntolerance", r"lisinopril"))
    assert "cough" in m["statusReason"]["text"]
    return anyof([m, a], ["cough"])


@B("g1", "allergy", "any drug allergies or intolerances")
def _(P):
    g = [a for a in find(P, "AllergyIntolerance") if a["category"] == ["medication"]]
    assert len(g) == 2
    return allof(g, ["sulfamethoxazole", "lisinopril"])


@B("g1", "note_fact", "smoking hx - pack years?")
def _(P):
    n = one([d for d in P.of("DocumentReference") if "pack-years" in concept(P, d)])
    assert "about 20 pack-years" in concept(P, n) and "quit in 1998" in concept(P, n)
    return anyof([n], ["20", "1998"])


@B("g1", "absent_other_pt", "is he on aspirin")
def _(P):
    absent(P, r"aspirin", r"acetylsalicylic")
    elsewhere(P, "MedicationRequest", r"aspirin")
    return ABSTAIN


@B("g1", "absent_concept", "any hx of heart attack")
def _(P):
    assert not find(P, "Condition", r"myocardial infarction|STEMI|coronary")
    assert find(P, "FamilyMemberHistory", r"myocardial infarction")  # the trap: father's MI
    return ABSTAIN


@B("g1", "absent_other_pt", "what thyroid med is he on")
def _(P):
    absent(P, r"levothyroxine", r"synthroid", r"liothyronine", r"methimazole", r"thyroid")
    elsewhere(P, "MedicationRequest", r"levothyroxine")
    return ABSTAIN


@B("g1", "lab_absent", "latest tsh")
def _(P):
    absent(P, r'"3016-3"', r"thyrotropin", r"\btsh\b")
    elsewhere(P, "Observation", r"Thyrotropin")
    return ABSTAIN


@B("g1", "vitals_bp", "bp at his last visit")
def _(P):
    o = find(P, "Observation", code="85354-9")[-1]
    last = max(date(e) for e in find(P, "Encounter"))
    assert date(o) == last
    return anyof([o], [comp(o, "8480-6"), comp(o, "8462-4"), date(o)])


@B("g1", "med_class_active", "ace or arb?")
def _(P):
    g = active_now(P, meds(P, r"pril\b|sartan|entresto"))
    return allof([one(g)], ["losartan"])


# ---------------- g2: COPD / HF woman, deceased ----------------
@B("g2", "death", "when did she die and what of")
def _(P):
    o = one(find(P, "Observation", code="69453-9"))
    return allof([P.patient, o], [P.patient["deceasedDateTime"][:10], "heart failure"])


@B("g2", "med_class_ever", "what inhalers was she on")
def _(P):
    g = meds(P, r"inhaler")
    assert len(g) == 3
    return allof(g, ["tiotropium", "budesonide", "albuterol"])


@B("g2", "med_stopped_reason", "why was spironolacton stopped")
def _(P):
    m = one(meds(P, r"spironolactone"))
    assert "Hyperkalemia (potassium 5.9" in m["statusReason"]["text"]
    return anyof([m], ["hyperkalemia", "5.9"])


@B("g2", "time_words", "potassium closest to mid july 2023")
def _(P):
    o = closest(obs(P, "2823-3"), "2023-07-15", 20)
    return anyof([o], [val(o), date(o)])


@B("g2", "lab_first_worst", "lowest sodium")
def _(P):
    o = extreme(obs(P, "2951-2"), hi=False)
    return anyof([o], [val(o), date(o)])


@B("g2", "lab_trend", "bnp trend 2019 to 2023")
def _(P):
    g = between(obs(P, "30934-4"), "2019-01-01", "2023-12-31")
    assert len(g) == 6
    return allof(g, [val(g[0]), val(g[-1])])


@B("g2", "device", "did she have a pacer")
def _(P):
    d = one(find(P, "Device", r"pacemaker"))
    p = one(find(P, "Procedure", r"pacemaker"))
    return anyof([d, p], [date(p)])


@B("g2", "admission_source", "how did the aug 2019 admission come about")
def _(P):
    e = one([x for x in in_month(find(P, "Encounter"), "2019-08") if x["class"]["code"] == "IMP"])
    assert codes(e["hospitalization"]["admitSource"]) == {"hosp-trans"}
    return anyof([e], ["transfer"])


@B("g2", "admission_source", "where did she go after the pnuemonia admission")
def _(P):
    c = one(find(P, "Condition", r"pneumonia"))
    e = one([x for x in find(P, "Encounter") if x["class"]["code"] == "IMP" and date(x) == date(c)])
    assert codes(e["hospitalization"]["dischargeDisposition"]) == {"snf"}
    return anyof([e], ["skilled nursing"])


@B("g2", "count", "how many times was she hospitalized")
def _(P):
    g = [x for x in find(P, "Encounter") if x["class"]["code"] == "IMP"]
    assert len(g) == 4
    return allof(g, ["4"])


@B("g2", "med_brand", "was she on synthroid")
def _(P):
    m = one(meds(P, r"synthroid"))
    return anyof([m], ["levothyroxine"])


@B("g2", "device", "home o2?")
def _(P):
    d = one(find(P, "Device", r"oxygen"))
    return anyof([d] + find(P, "Procedure", r"oxygen"), ["oxygen"])


@B("g2", "note_fact", "code status at the end")
def _(P):
    n = one([d for d in P.of("DocumentReference") if "DNR/DNI" in concept(P, d)])
    return anyof([n] + find(P, "CarePlan", r"resuscitation"), ["DNR"])


@B("g2", "absent_other_pt", "was she on a doac")
def _(P):
    absent(P, r"apixaban|rivaroxaban|dabigatran|edoxaban|eliquis|xarelto|pradaxa|savaysa")
    elsewhere(P, "MedicationRequest", r"apixaban|rivaroxaban")
    return ABSTAIN


@B("g2", "absent_concept", "was she ever on dialysis")
def _(P):
    absent(P, r"dialysis", r"hemodialysis", r"end stage renal", r"esrd")
    return ABSTAIN


@B("g2", "family_history", "mom's medical hx")
def _(P):
    f = one(find(P, "FamilyMemberHistory", r"^mother"))
    return anyof([f], ["breast"])


@B("g2", "lab_absent", "last a1c before she passed")
def _(P):
    absent(P, r'"4548-4"', r"\ba1c\b", r"glycated")
    elsewhere(P, "Observation", r"A1c")
    return ABSTAIN


@B("g2", "condition_group", "any lung problems")
def _(P):
    g = find(P, "Condition", r"pulmonary|pneumonia|asthma|bronch|emphysema")
    assert len(g) == 4
    return allof(g, ["obstructive pulmonary", "pneumonia"])


@B("g2", "med_class_ever", "steroid bursts - how many")
def _(P):
    g = meds(P, r"prednisone|methylprednisolone|dexamethasone|hydrocortisone")
    assert len(g) == 2
    return allof(g, ["2"] + [date(x) for x in g])


# ---------------- g3: young woman, T1DM ----------------
@B("g3", "device", "insulin pump? which one")
def _(P):
    d = one(find(P, "Device", r"insulin pump"))
    return anyof([d] + find(P, "Procedure", r"insulin pump"), ["t:slim"])


@B("g3", "med_class_active", "what insulin is she on")
def _(P):
    return allof([one(active_now(P, meds(P, INSULIN)))], ["insulin aspart"])


@B("g3", "two_part", "dka ever? what caused it")
def _(P):
    c = one(find(P, "Condition", r"ketoacidosis"))
    n = one([d for d in P.of("DocumentReference") if "infusion-site failure" in concept(P, d)])
    return allof([c, n], [date(c), "infusion"])


@B("g3", "med_class_ever", "antidepressant hx")
def _(P):
    g = meds(P, r"sertraline|escitalopram|fluoxetine|citalopram|bupropion|venlafaxine|duloxetine")
    assert len(g) == 2
    return allof(g, ["sertraline", "escitalopram"])


@B("g3", "med_stopped_reason", "why was she taken off zoloft")
def _(P):
    m = one(meds(P, r"zoloft"))
    return anyof([m] + [d for d in P.of("DocumentReference") if "libido" in concept(P, d)], ["sexual"])


@B("g3", "lab_trend", "phq9 since the postpartum visit - better?")
def _(P):
    g = between(obs(P, "44261-6"), "2023-06-20", P.now)
    assert len(g) == 3 and fval(g[-1]) < fval(g[0])
    return allof(g, [val(g[0]), val(g[-1])])


@B("g3", "time_words", "tsh after the baby was born")
def _(P):
    p = one(find(P, "Procedure", r"delivery"))
    o = between(obs(P, "3016-3"), date(p), P.now)[0]
    return anyof([o], [val(o), date(o)])


@B("g3", "med_still", "what dose of levothyroxin is she on now")
def _(P):
    return anyof([one(active_now(P, meds(P, r"levothyroxine")))], ["75"])


@B("g3", "lab_trend", "celiac antibody trend")
def _(P):
    g = obs(P, "31017-7")
    assert len(g) == 3 and fval(g[-1]) < fval(g[0])
    return allof(g, [val(g[0]), val(g[-1])])


@B("g3", "device", "when was the iud put in")
def _(P):
    d = one(find(P, "Device", r"intrauterine"))
    p = one(find(P, "Procedure", r"intrauterine"))
    return anyof([d, p], [date(p)])


@B("g3", "immunization", "tdap in pregnancy?")
def _(P):
    c = one(find(P, "Condition", r"^Pregnant state"))
    i = one(between(find(P, "Immunization", r"Tdap"), date(c), c["abatementDateTime"][:10]))
    return anyof([i], [date(i)])


@B("g3", "time_words", "a1c last spring")
def _(P):
    y = int(P.now[:4])
    o = one(between(obs(P, "4548-4"), "%d-03-01" % y, "%d-05-31" % y))
    return anyof([o], [val(o)])


@B("g3", "count", "how many telehealth visits has she had")
def _(P):
    g = [e for e in find(P, "Encounter") if e["class"]["code"] == "VR"]
    return allof(g, [str(len(g))])


@B("g3", "encounter_reason", "why did she see ob in jan 2023")
def _(P):
    e = one(in_month(find(P, "Encounter"), "2023-01"))
    return anyof([e], ["urinary tract infection"])


@B("g3", "absent_other_pt", "is she on metformin")
def _(P):
    absent(P, r"metformin", r"glucophage")
    elsewhere(P, "MedicationRequest", r"metformin")
    return ABSTAIN


@B("g3", "absent_other_pt", "any seizures")
def _(P):
    absent(P, r"seizure", r"epilep", r"convuls")
    elsewhere(P, "Condition", r"epilep")
    return ABSTAIN


@B("g3", "absent_other_pt", "cpap settings")
def _(P):
    absent(P, r"\bcpap\b", r"positive airway pressure", r"sleep apnea")
    elsewhere(P, "Device", r"positive airway pressure")
    return ABSTAIN


@B("g3", "lab_absent", "inr?")
def _(P):
    absent(P, r'"6301-6"', r"\binr\b", r"prothrombin")
    elsewhere(P, "Observation", r"INR")
    return ABSTAIN


# ---------------- g4: CAD / PE man ----------------
@B("g4", "device", "s/p stent? when and which vessel")
def _(P):
    d = one(find(P, "Device", r"stent"))
    p = one(find(P, "Procedure", r"percutaneous coronary"))
    assert "anterior descending" in json.dumps(p["bodySite"])
    return anyof([d, p], [date(p), "LAD"])


@B("g4", "admission_source", "how did the oct 2019 stay begin")
def _(P):
    e = one([x for x in in_month(find(P, "Encounter"), "2019-10") if x["class"]["code"] == "IMP"])
    assert codes(e["hospitalization"]["admitSource"]) == {"hosp-trans"}
    return anyof([e], ["transfer"])


@B("g4", "med_still", "still on plavix?")
def _(P):
    m = one(meds(P, r"plavix"))
    assert m["status"] == "completed"
    return anyof([m], [m["dispenseRequest"]["validityPeriod"]["end"]])


@B("g4", "med_class_active", "what antiplatelets is he on")
def _(P):
    return allof([one(active_now(P, meds(P, r"aspirin|clopidogrel|ticagrelor|prasugrel")))], ["aspirin"])


@B("g4", "careplan_goal", "is his ldl at goal")
def _(P):
    g = one(find(P, "Goal", r"LDL"))
    o = obs(P, "13457-7")[-1]
    assert fval(o) < 55
    return allof([o, g], [val(o), "55"])


@B("g4", "med_brand", "ever on xarelto? for how long")
def _(P):
    m = one(meds(P, r"xarelto"))
    return anyof([m], [date(m), m["dispenseRequest"]["validityPeriod"]["end"]])


@B("g4", "condition_lay", "blood clot hx")
def _(P):
    g = find(P, "Condition", r"embolism|thrombosis")
    assert len(g) == 2
    return allof(g, [date(g[0])])


@B("g4", "note_fact", "was the PE provoked")
def _(P):
    n = one([d for d in P.of("DocumentReference") if "Provoked VTE" in concept(P, d)])
    return anyof([n], ["provoked"])


@B("g4", "med_class_active", "is he on any opioids now")
def _(P):
    g = active_now(P, meds(P, r"oxycodone|tramadol|hydrocodone|morphine|codeine|fentanyl|buprenorphine|methadone"))
    return allof([one(g)], ["tramadol"])


@B("g4", "med_stopped_reason", "why was he switched off prilosec")
def _(P):
    m = one(meds(P, r"prilosec"))
    assert "clopidogrel" in m["statusReason"]["text"]
    return anyof([m], ["clopidogrel"])


@B("g4", "immunization", "hep b vaccinated?")
def _(P):
    g = find(P, "Immunization", r"Hep B")
    assert len(g) == 3
    return allof(g, [date(x) for x in g])


@B("g4", "count", "how many cardiac rehab sessions did he go to")
def _(P):
    g = find(P, "Encounter", r"cardiac rehabilitation")
    return allof(g, [str(len(g))])


@B("g4", "allergy", "shellfish allergy?")
def _(P):
    return anyof([one(find(P, "AllergyIntolerance", r"shellfish"))], ["shellfish"])


@B("g4", "time_words", "any ER visits since the MI admission")
def _(P):
    adm = one([x for x in in_month(find(P, "Encounter"), "2019-10") if x["class"]["code"] == "IMP"])
    g = [e for e in find(P, "Encounter") if e["class"]["code"] == "EMER" and date(e) > adm["period"]["end"][:10]]
    return allof([one(g)], [date(g[0])])


@B("g4", "absent_other_pt", "is he on insulin")
def _(P):
    absent(P, INSULIN)
    elsewhere(P, "MedicationRequest", r"insulin")
    return ABSTAIN


@B("g4", "absent_other_pt", "any hx of a fib")
def _(P):
    absent(P, r"atrial fibrillation", r"\bafib\b")
    elsewhere(P, "Condition", r"atrial fibrillation")
    return ABSTAIN


@B("g4", "absent_other_pt", "when was his last colonscopy")
def _(P):
    absent(P, r"colonoscop")
    assert find(P, "FamilyMemberHistory", r"colon")  # mother's colon cancer is the trap
    elsewhere(P, "Procedure", r"colonoscopy")
    return ABSTAIN


@B("g4", "lab_absent", "ferritin level")
def _(P):
    absent(P, r'"2276-4"', r"ferritin")
    elsewhere(P, "Observation", r"Ferritin")
    return ABSTAIN


@B("g4", "med_class_active", "ppi?")
def _(P):
    return allof([one(active_now(P, meds(P, r"omeprazole|pantoprazole|esomeprazole|lansoprazole|rabeprazole")))],
                 ["pantoprazole"])


# ---------------- g5: epilepsy / RA woman ----------------
@B("g5", "med_class_active", "what siezure meds is she on")
def _(P):
    g = active_now(P, meds(P, r"levetiracetam|lacosamide|lamotrigine|phenytoin|valpro|carbamazepine|topiramate"))
    assert len(g) == 2
    return allof(g, ["levetiracetam", "lacosamide"])


@B("g5", "med_stopped_reason", "why not lamictal")
def _(P):
    m = one(meds(P, r"lamictal"))
    a = one(find(P, "AllergyIntolerance", r"lamotrigine"))
    return anyof([m, a], ["rash"])


@B("g5", "note_fact", "when was her last seizure")
def _(P):
    g = [d for d in P.of("DocumentReference") if "Last seizure 2021-10-09" in concept(P, d)
         or "Seizure-free since 2021-10-09" in concept(P, d)]
    assert len(g) == 2
    return anyof(g + find(P, "Condition", code="G40.201"), ["2021-10-09"])


@B("g5", "med_for_condition", "what is she taking for RA")
def _(P):
    g = active_now(P, meds(P, r"methotrexate|adalimumab|hydroxychloroquine|prednisone|sulfasalazine|leflunomide"))
    assert len(g) == 2
    return allof(g, ["methotrexate", "adalimumab"])


@B("g5", "med_still", "is she still on plaquenil")
def _(P):
    m = one(meds(P, r"plaquenil"))
    assert m["status"] == "stopped"
    return anyof([m], [m["dispenseRequest"]["validityPeriod"]["end"]])


@B("g5", "lab_first_worst", "alt ever high on methotrexat")
def _(P):
    o = extreme(obs(P, "1742-6"))
    assert fval(o) > 35
    return anyof([o], [val(o), date(o)])


@B("g5", "lab_trend", "esr since starting humira")
def _(P):
    m = one(meds(P, r"humira"))
    g = [o for o in obs(P, "4537-7") if date(o) > date(m)]
    assert len(g) == 8 and fval(g[-1]) < fval(g[0])
    return allof(g, [val(g[0]), val(g[-1])])


@B("g5", "two_part", "knee replacement when, and where did she go after")
def _(P):
    p = one(find(P, "Procedure", r"knee replacement"))
    e = one([x for x in find(P, "Encounter") if x["class"]["code"] == "IMP" and date(x) == date(p)])
    assert codes(e["hospitalization"]["dischargeDisposition"]) == {"rehab"}
    return allof([p, e], [date(p), "rehab"])


@B("g5", "admission_source", "was the knee surgery admit a referral")
def _(P):
    p = one(find(P, "Procedure", r"knee replacement"))
    e = one([x for x in find(P, "Encounter") if x["class"]["code"] == "IMP" and date(x) == date(p)])
    assert codes(e["hospitalization"]["admitSource"]) == {"gp"}
    return anyof([e], ["referral"])


@B("g5", "immunization", "shingrix done")
def _(P):
    g = find(P, "Immunization", r"zoster")
    assert len(g) == 2
    return allof(g, [date(x) for x in g])


@B("g5", "lab_normal", "vit d normal now?")
def _(P):
    o = obs(P, "1989-3")[-1]
    assert fval(o) >= 30
    return anyof([o], [val(o)])


@B("g5", "family_history", "family history")
def _(P):
    g = find(P, "FamilyMemberHistory")
    assert len(g) == 3
    return allof(g, ["rheumatoid", "epilepsy", "diabetes"])


@B("g5", "med_indication", "what is she taking for anxiety")
def _(P):
    c = one(find(P, "Condition", r"anxiety"))
    m = one([x for x in meds(P, r".") if x.get("reasonReference", [{}])[0].get("reference", "").endswith(c["id"])])
    return allof([m], ["duloxetine"])


@B("g5", "lab_absent", "cholesterol levels")
def _(P):
    absent(P, r"cholesterol", r'"13457-7"', r'"2093-3"', r"\bldl\b", r"lipid")
    elsewhere(P, "Observation", r"Cholesterol")
    return ABSTAIN


@B("g5", "absent_other_pt", "any insulin")
def _(P):
    absent(P, INSULIN)
    elsewhere(P, "MedicationRequest", r"insulin")
    return ABSTAIN


@B("g5", "absent_other_pt", "any hx of pe or dvt")
def _(P):
    absent(P, r"pulmonary embol", r"deep vein", r"venous thrombo", r"\bdvt\b")
    elsewhere(P, "Condition", r"pulmonary embolism")
    return ABSTAIN


@B("g5", "note_fact", "is she allowed to drive")
def _(P):
    n = one([d for d in P.of("DocumentReference") if "Driving again since May 2022" in concept(P, d)])
    return anyof([n], ["May 2022"])


# ------------------------------------------------------------------------------------------
SYNTHEA = [  # alias, file prefix, now (after the chart's last record; Maye died 2005-11-09)
    ("allen", "Allen322_Ferry570", "2021-07-01"),
    ("beatris", "Beatris270_Bogan287", "2023-11-15"),
    ("edythe", "Edythe31_Morar593", "2021-06-01"),
    ("maye", "Maye976_Dickinson688", "2006-01-10"),
    ("milton", "Milton509_Ortiz186", "2021-10-15"),
    ("napoleon", "Napoleon578_Fay398", "2021-09-20"),
]
GEN_NOW = "2025-12-01"


def last_record(P):
    ds = [date(r) for r in P.res if r["resourceType"] not in ("Patient", "Device", "Claim",
                                                             "ExplanationOfBenefit", "Provenance")]
    for r in P.res:  # abatement / period ends count too
        for k in ("abatementDateTime",):
            if k in r:
                ds.append(r[k][:10])
        if "period" in r and "end" in r["period"]:
            ds.append(r["period"]["end"][:10])
    return max(d for d in ds if d)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--synthea", default="/work/shared/data/synthea")
    ap.add_argument("--generated", default=os.path.join(HERE, "patients"))
    ap.add_argument("--out", default=os.path.join(HERE, "questions.jsonl"))
    a = ap.parse_args()

    for alias, prefix, now in SYNTHEA:
        files = glob.glob(os.path.join(a.synthea, prefix + "_*.json"))
        assert len(files) == 1, prefix
        f = files[0]
        CHARTS[alias] = Chart(f, alias, now)
    gen = sorted(glob.glob(os.path.join(a.generated, "blind4_*_*.json")),
                 key=lambda p: int(os.path.basename(p).split("_")[1]))
    assert len(gen) == 5, gen
    for i, f in enumerate(gen, 1):
        CHARTS["g%d" % i] = Chart(f, "g%d" % i, GEN_NOW)
    for P in CHARTS.values():
        lr = last_record(P)
        assert lr < P.now, "%s: now %s is not after last record %s" % (P.alias, P.now, lr)

    out, seen = [], set()
    for n, (part, alias, kind, text, fn) in enumerate(QUESTIONS, 1):
        P = CHARTS[alias]
        assert text not in seen, text
        seen.add(text)
        try:
            r = fn(P)
        except AssertionError as e:
            raise SystemExit("FAILED %s [%s] %r: %s" % (alias, kind, text, e))
        row = {"id": "b4-%03d" % n, "patient_id": P.pid, "question": text, "kind": kind, "now": P.now}
        if r is ABSTAIN:
            row.update(expect="abstain", gold_ids=[], gold_match="any", answer_facts=[])
        else:
            for g in r.res:
                assert g is P.patient or g in P.res
                assert date(g) <= P.now, (text, gid(g))
            row.update(expect="answer", gold_ids=r.gold, gold_match=r.match, answer_facts=r.facts)
            assert r.facts, text
        out.append(row)
    with open(a.out, "w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("wrote %d questions to %s" % (len(out), a.out))


if __name__ == "__main__":
    main()

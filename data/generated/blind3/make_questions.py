#!/usr/bin/env python3
"""Build the blind3 question set from the RAW FHIR files (bundles + bulk NDJSON).

    python3 make_questions.py --patients patients --out questions.jsonl

Reads only the JSON on disk (never the generator).  Every question has a resolver that
looks the evidence up in the raw resources and asserts what the question relies on
(exactly one value in the month named, a class that really is absent from this chart and
present in another one for a cross-patient trap, ...), so a wrong gold fails loudly.
Stdlib only, deterministic output.
"""
import argparse
import base64
import datetime
import glob
import json
import os
import random

NOW = "2025-12-01"

# ---------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------
SKIP_KEYS = {"id", "reference", "data", "fullUrl", "system", "serialNumber", "lotNumber", "url"}


def _strings(x, out):
    if isinstance(x, dict):
        for k, v in x.items():
            if k in SKIP_KEYS:
                continue
            _strings(v, out)
    elif isinstance(x, list):
        for v in x:
            _strings(v, out)
    elif isinstance(x, str):
        out.append(x)
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        out.append(json.dumps(x))


def note_text(r):
    out = []
    for c in r.get("content", []):
        a = c.get("attachment", {})
        if "data" in a:
            out.append(base64.b64decode(a["data"]).decode("utf-8"))
    return "\n".join(out)


def rid(r):
    return "%s/%s" % (r["resourceType"], r["id"])


def day(r):
    for k in ("effectiveDateTime", "authoredOn", "occurrenceDateTime", "performedDateTime", "onsetDateTime", "date", "deceasedDateTime"):
        if k in r:
            return r[k][:10]
    for k in ("period", "performedPeriod"):
        if k in r:
            return r[k]["start"][:10]
    raise AssertionError("no date on %s" % rid(r))


def d(s):
    return datetime.date.fromisoformat(s[:10])


def num(v):
    return json.dumps(v)


def val(r):
    return num(r["valueQuantity"]["value"])


def disp(cc_):
    return (cc_.get("text") or cc_["coding"][0].get("display", "")).lower()


class Chart:
    def __init__(self, pid):
        self.pid = pid
        self.res = []
        self.patient = None

    def add(self, r):
        self.res.append(r)
        if r["resourceType"] == "Patient":
            self.patient = r

    def finish(self):
        parts = []
        for r in self.res:
            s = []
            _strings(r, s)
            parts.append(" ".join(s))
            if r["resourceType"] == "DocumentReference":
                parts.append(note_text(r))
        self.text = "\n".join(parts).lower()

    @property
    def mrn(self):
        return self.patient["identifier"][0]["value"]

    def of(self, t):
        return [r for r in self.res if r["resourceType"] == t]

    # medications ------------------------------------------------------
    def meds(self, *terms, status=None):
        out = []
        for r in self.of("MedicationRequest"):
            m = disp(r["medicationCodeableConcept"])
            if any(t.lower() in m for t in terms) and (status is None or r["status"] in status):
                out.append(r)
        return sorted(out, key=lambda r: r["authoredOn"])

    def active(self, *terms):
        return self.meds(*terms, status=("active",))

    # observations -----------------------------------------------------
    def obs(self, loinc):
        out = [r for r in self.of("Observation") if any(c["code"] == loinc for c in r["code"]["coding"])]
        return sorted(out, key=lambda r: r["effectiveDateTime"])

    def comp(self, r, loinc):
        for c in r["component"]:
            if c["code"]["coding"][0]["code"] == loinc:
                return num(c["valueQuantity"]["value"])
        raise AssertionError(loinc)

    # others -----------------------------------------------------------
    def conds(self, *terms):
        out = []
        for r in self.of("Condition"):
            c = r["code"]["coding"][0]
            hay = (c["code"] + " " + c["display"]).lower()
            if any(t.lower() in hay for t in terms):
                out.append(r)
        return sorted(out, key=lambda r: r["onsetDateTime"])

    def imms(self, *cvx):
        out = [r for r in self.of("Immunization") if r["vaccineCode"]["coding"][0]["code"] in cvx]
        return sorted(out, key=lambda r: r["occurrenceDateTime"])

    def encs(self, cls=None):
        out = [r for r in self.of("Encounter") if cls is None or r["class"]["code"] == cls]
        return sorted(out, key=lambda r: r["period"]["start"])

    def procs(self, *terms):
        out = [r for r in self.of("Procedure") if any(t.lower() in disp(r["code"]) for t in terms)]
        return sorted(out, key=day)

    def devices(self, *terms):
        return [r for r in self.of("Device") if any(t.lower() in (disp(r["type"]) + " " + r["deviceName"][0]["name"].lower()) for t in terms)]

    def fmh(self, rel=None, term=None):
        out = []
        for r in self.of("FamilyMemberHistory"):
            if rel and r["relationship"]["coding"][0]["code"] != rel:
                continue
            if term and not any(term.lower() in disp(c["code"]) for c in r["condition"]):
                continue
            out.append(r)
        return out

    def notes(self, *terms):
        return [r for r in self.of("DocumentReference") if all(t.lower() in note_text(r).lower() for t in terms)]

    def goals(self, term):
        return [r for r in self.of("Goal") if term.lower() in r["description"]["text"].lower()]

    def careplans(self, term):
        return [r for r in self.of("CarePlan") if term.lower() in r["title"].lower()]

    def allergies(self, term=None, category=None):
        out = []
        for r in self.of("AllergyIntolerance"):
            if term and term.lower() not in disp(r["code"]):
                continue
            if category and category not in r.get("category", []):
                continue
            out.append(r)
        return out

    def has_any(self, terms):
        return [t for t in terms if t.lower() in self.text]


def load(folder):
    charts = {}
    raw = []
    for fn in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(fn, encoding="utf-8") as f:
            b = json.load(f)
        assert b["resourceType"] == "Bundle" and b["type"] == "transaction", fn
        for e in b["entry"]:
            assert e["fullUrl"] == "urn:uuid:" + e["resource"]["id"]
            raw.append(e["resource"])
    for fn in sorted(glob.glob(os.path.join(folder, "bulk", "*.ndjson"))):
        t = os.path.basename(fn)[:-len(".ndjson")]
        with open(fn, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    assert r["resourceType"] == t, fn
                    raw.append(r)
    by_id = {}
    for r in raw:
        if r["resourceType"] == "Patient":
            by_id[r["id"]] = Chart(r["id"])
    for r in raw:
        if r["resourceType"] == "Patient":
            by_id[r["id"]].add(r)
            continue
        ref = (r.get("subject") or r.get("patient"))["reference"]
        assert ref.startswith("Patient/"), ref
        by_id[ref[8:]].add(r)
    for c in by_id.values():
        c.finish()
        charts[c.mrn] = c
    return charts


# ---------------------------------------------------------------------------
# answer builders + assertions
# ---------------------------------------------------------------------------
def one(lst, what=""):
    assert len(lst) == 1, "expected exactly one %s, got %d" % (what, len(lst))
    return lst[0]


def n_of(lst, n, what=""):
    assert len(lst) == n, "expected %d %s, got %d" % (n, what, len(lst))
    return lst


def ans(rs, facts, match="any"):
    if not isinstance(rs, (list, tuple)):
        rs = [rs]
    assert rs, "no gold evidence"
    ids = []
    for r in rs:
        if rid(r) not in ids:
            ids.append(rid(r))
    return {"expect": "answer", "gold_ids": ids, "gold_match": match, "answer_facts": list(facts)}


def supported(rs, facts):
    """every fact must be visible in at least one gold resource (values exactly as recorded)"""
    hay = []
    for r in rs:
        s = []
        _strings(r, s)
        hay.append(" ".join(s).lower())
        if r["resourceType"] == "DocumentReference":
            hay.append(note_text(r).lower())
        if "component" in r:
            v = {c["code"]["coding"][0]["code"]: num(c["valueQuantity"]["value"]) for c in r["component"]}
            hay.append("%s/%s" % (v.get("8480-6"), v.get("8462-4")))
    hay = "\n".join(hay)
    for f in facts:
        assert f.lower() in hay, "fact %r not found in gold evidence" % f


def in_month(rs, ym):
    return [r for r in rs if day(r).startswith(ym)]


def in_range(rs, a, b):
    return [r for r in rs if a <= day(r) <= b]


def closest(rs, target, window_days):
    t = d(target)
    ranked = sorted(rs, key=lambda r: abs((d(day(r)) - t).days))
    assert ranked, "nothing to choose from"
    best = abs((d(day(ranked[0])) - t).days)
    assert best <= window_days, "closest is %d days away" % best
    if len(ranked) > 1:
        assert abs((d(day(ranked[1])) - t).days) > best, "tie for closest"
    return ranked[0]


def abstain_other(C, ALL, terms):
    hit = C.has_any(terms)
    assert not hit, "%s present in this chart: %s" % (C.mrn, hit)
    others = [o.mrn for o in ALL.values() if o is not C and o.has_any(terms)]
    assert others, "cross-patient trap but no other chart has %s" % terms
    return {"expect": "abstain", "gold_ids": [], "gold_match": "any", "answer_facts": []}


def abstain_none(C, ALL, terms):
    for o in ALL.values():
        hit = o.has_any(terms)
        assert not hit, "%s present in chart %s: %s" % (terms, o.mrn, hit)
    return {"expect": "abstain", "gold_ids": [], "gold_match": "any", "answer_facts": []}


# drug classes (clinical knowledge, independent of the chart)
ANTICOAG = ["warfarin", "coumadin", "jantoven", "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran", "pradaxa",
            "edoxaban", "savaysa", "heparin", "enoxaparin", "lovenox", "dalteparin", "fragmin", "fondaparinux", "arixtra"]
ANTIPLATELET = ["aspirin", "clopidogrel", "plavix", "prasugrel", "ticagrelor", "brilinta", "dipyridamole"]
GLP1 = ["semaglutide", "ozempic", "wegovy", "rybelsus", "liraglutide", "victoza", "saxenda", "dulaglutide", "trulicity",
        "exenatide", "byetta", "bydureon", "tirzepatide", "mounjaro", "zepbound", "lixisenatide"]
SGLT2 = ["empagliflozin", "dapagliflozin", "canagliflozin", "ertugliflozin", "sotagliflozin", "jardiance", "farxiga", "invokana", "steglatro"]
INSULIN = ["insulin"]
STATIN = ["atorvastatin", "rosuvastatin", "simvastatin", "pravastatin", "lovastatin", "pitavastatin", "fluvastatin", "lipitor", "crestor", "zocor"]
PPI = ["omeprazole", "esomeprazole", "pantoprazole", "lansoprazole", "rabeprazole", "dexlansoprazole", "prilosec", "nexium", "protonix"]
OPIOID = ["morphine", "oxycodone", "hydrocodone", "hydromorphone", "fentanyl", "codeine", "tramadol", "tapentadol", "methadone",
          "buprenorphine", "oxymorphone", "meperidine"]
DIURETIC = ["furosemide", "bumetanide", "torsemide", "hydrochlorothiazide", "chlorthalidone", "spironolactone", "eplerenone",
            "metolazone", "triamterene", "amiloride", "indapamide"]
BETA_BLOCKER = ["metoprolol", "carvedilol", "bisoprolol", "atenolol", "propranolol", "nebivolol", "labetalol", "nadolol"]
INHALED = ["inhal", "actuat", "diskus", "handihaler"]
AED = ["phenytoin", "levetiracetam", "lamotrigine", "valproate", "divalproex", "carbamazepine", "oxcarbazepine", "lacosamide",
       "topiramate", "zonisamide", "brivaracetam", "clobazam", "phenobarbital"]
ANTIPSYCH = ["risperidone", "aripiprazole", "olanzapine", "quetiapine", "haloperidol", "ziprasidone", "lurasidone", "paliperidone",
             "clozapine", "cariprazine", "brexpiprazole"]
STEROID = ["prednisone", "prednisolone", "methylprednisolone", "dexamethasone", "hydrocortisone"]
ANTIBIOTIC = ["amoxicillin", "clavulanate", "azithromycin", "cephalexin", "cefazolin", "ceftriaxone", "cefpodoxime", "cefdinir",
              "nitrofurantoin", "levofloxacin", "ciprofloxacin", "doxycycline", "sulfamethoxazole", "clindamycin", "penicillin"]
CHEMO = ["carboplatin", "cisplatin", "pemetrexed", "docetaxel", "paclitaxel", "gemcitabine", "etoposide"]
AFIB = ["atrial fibrillation", "i48", "afib"]
HF = ["heart failure", "i50", "congestive"]
SEIZURE = ["seizure", "epilep", "convuls", "g40"]
KIDNEY_STONE = ["calculus", "kidney stone", "lithotripsy", "nephrolith", "ureterolith"]
PE_TERMS = ["pulmonary embolism", "i26."]
HCV = ["hepatitis c", "hcv", "b18.2", "sofosbuvir"]
OSA = ["sleep apnea", "g47.33", "cpap"]


def flu_cvx():
    return ("88", "135", "140", "141", "150", "153", "155", "158", "161", "166", "168", "171", "185", "186", "197", "205", "320")


# ---------------------------------------------------------------------------
# the questions
# ---------------------------------------------------------------------------
Q = []


def q(mrn, text, kind, fn):
    Q.append((mrn, text, kind, fn))


def build(ALL):
    P1, P2, P3, P4, P5, P6, P7 = "B3-100417", "B3-100588", "B3-100731", "B3-100862", "B3-100954", "B3-101026", "B3-101193"

    # ===================== P1: Dolores Vantreese ==========================
    def r(C):
        g = n_of(C.active(*GLP1), 1, "active GLP-1")
        return ans(g, ["semaglutide"], "all")
    q(P1, "is she on a glp1", "drug_class", r)

    def r(C):
        g = one(C.active("semaglutide"))
        assert "ozempic" not in disp(g["medicationCodeableConcept"])
        return ans(g, ["semaglutide", "1 mg"])
    q(P1, "ozempic dose", "brand_name", r)

    def r(C):
        g = n_of(C.active(*SGLT2), 1, "active SGLT2i")
        return ans(g, ["empagliflozin"], "all")
    q(P1, "sglt2i?", "drug_class", r)

    def r(C):
        g = n_of(C.active(*INSULIN), 1, "active insulin")
        return ans(g, ["glargine"], "all")
    q(P1, "pt on insulin?", "drug_class", r)

    def r(C):
        ms = C.meds("metformin")
        assert all(m["status"] == "stopped" for m in ms) and not C.active("metformin")
        last = max(ms, key=lambda m: m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"])
        end = last["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]
        assert end == "2023-05-30" and "egfr 41" in last["statusReason"]["text"].lower()
        return ans(last, [end, "41"])
    q(P1, "when was metformin stopped and why", "stopped_meds", r)

    def r(C):
        g = one(C.active("hydrochlorothiazide"))
        return ans(g, ["25"])
    q(P1, "hydrochlorthiazide dose", "typo", r)

    def r(C):
        c = one(C.conds("E11.9"))
        return ans(c, [day(c)])
    q(P1, "DM2 dx when", "abbreviation", r)

    def r(C):
        c = one(C.conds("N18."))
        assert "3a" in disp(c["code"])
        return ans(c, ["3a"])
    q(P1, "what stage CKD", "abbreviation", r)

    def r(C):
        o = closest(C.obs("4548-4"), "2021-03-15", 31)
        one(in_month(C.obs("4548-4"), "2021-03"))
        return ans(o, [val(o), day(o)])
    q(P1, "a1c around march 2021", "value_near_date", r)

    def r(C):
        obs = C.obs("4548-4")
        top = max(obs, key=lambda o: o["valueQuantity"]["value"])
        assert sum(1 for o in obs if o["valueQuantity"]["value"] == top["valueQuantity"]["value"]) == 1
        return ans(top, [val(top), day(top)])
    q(P1, "worst hba1c she's had", "worst_value", r)

    def r(C):
        obs = n_of(C.obs("2160-0"), 8, "creatinine values")
        assert obs[-1]["valueQuantity"]["value"] > obs[0]["valueQuantity"]["value"]
        return ans(obs, [val(obs[0]), val(obs[-1])], "all")
    q(P1, "has her creatinine gone up over the years", "trend_words", r)

    def r(C):
        obs = C.obs("2345-7")
        low = min(obs, key=lambda o: o["valueQuantity"]["value"])
        return ans(low, [val(low), day(low)])
    q(P1, "lowest blood sugar on record", "lay_term", r)

    def r(C):
        e = one(in_month(C.encs("EMER"), "2022-08"))
        c = one(C.conds("E11.649"))
        return ans([e, c] + C.notes("glipizide discontinued"), ["hypoglycemia"])
    q(P1, "why did she go to the ER in aug 2022", "visit_reason", r)

    def r(C):
        dv = one(C.devices("pacemaker"))
        p = one(C.procs("implantation of cardiac pacemaker"))
        return ans([dv, p], [day(p)])
    q(P1, "does she have a pacemaker? placed when", "device", r)

    def r(C):
        a = one(C.allergies(category="food"))
        return ans(a, ["shellfish"])
    q(P1, "any food allergies", "allergy", r)

    def r(C):
        m = one(C.active("empagliflozin"))
        rs = [disp(x) for x in m["reasonCode"]]
        assert any("diabetes" in x for x in rs) and any("kidney" in x for x in rs)
        return ans(m, ["diabetes", "chronic kidney disease"])
    q(P1, "why is she on jardiance", "med_reason", r)

    def r(C):
        g = one(C.goals("a1c"))
        return ans([g] + C.careplans("diabetes"), ["7.0"])
    q(P1, "what is her a1c goal", "care_plan", r)

    def r(C):
        n = one(C.notes("lives with her daughter"))
        return ans(n, ["daughter"])
    q(P1, "who does pt live with", "note_fact", r)

    def r(C):
        m = one(C.active("glargine"))
        assert "18 units" in m["dosageInstruction"][0]["text"]
        return ans(m, [day(m), "18 units"])
    q(P1, "when was lantus started and at what dose", "two_part", r)

    def r(C):
        g = n_of(C.active(*ANTIPLATELET), 1, "active antiplatelet")
        return ans(g, ["aspirin"], "all")
    q(P1, "any antiplatlet", "drug_class", r)

    def r(C):
        bps = [o for o in C.obs("85354-9") if day(o).startswith("2025")]
        assert len(bps) >= 2
        facts = []
        for o in bps:
            facts.append("%s/%s" % (C.comp(o, "8480-6"), C.comp(o, "8462-4")))
        return ans(bps, facts, "all")
    q(P1, "bp readings this yr", "time_words", r)

    def r(C):
        cs = C.conds("I49", "I50", "I48", "I25", "I21", "I42", "Z95")
        n_of(cs, 2, "cardiac problem-list entries")
        return ans(cs, ["sick sinus"])
    q(P1, "any heart problems", "lay_term", r)

    q(P1, "was PE r/o'd", "absent_other_pt", lambda C: abstain_other(C, ALL, PE_TERMS + ["computed tomography angiography"]))
    q(P1, "any hx of afib", "absent_other_pt", lambda C: abstain_other(C, ALL, AFIB))
    q(P1, "was she ever on warfarin", "absent_other_pt", lambda C: abstain_other(C, ALL, ["warfarin", "coumadin", "jantoven"]))
    q(P1, "dexa scan results", "absent", lambda C: abstain_none(C, ALL, ["dexa scan", "dxa", "bone density", "dual-energy", "osteopor", "densitometry"]))
    q(P1, "hep c screening done?", "absent_other_pt", lambda C: abstain_other(C, ALL, HCV))
    q(P1, "sitagliptan dose", "absent", lambda C: abstain_none(C, ALL, ["sitagliptin", "januvia", "janumet", "gliptin"]))

    # ===================== P2: Harold Brenneman ===========================
    def r(C):
        g = n_of(C.active(*(ANTICOAG + ANTIPLATELET)), 1, "active blood thinner")
        return ans(g, ["apixaban"], "all")
    q(P2, "is he on a blood thinner", "drug_class", r)

    def r(C):
        g = one(C.active("apixaban"))
        assert "eliquis" not in disp(g["medicationCodeableConcept"])
        return ans(g, ["apixaban", "5 mg"])
    q(P2, "eliquis dose", "brand_name", r)

    def r(C):
        m = one(C.meds("warfarin"))
        end = m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]
        assert m["status"] == "stopped" and "labile" in m["statusReason"]["text"].lower()
        return ans(m, [end, "labile"])
    q(P2, "when was coumadin stopped and why", "stopped_meds", r)

    def r(C):
        dv = one(C.devices("defibrillator"))
        p = one(C.procs("defibrillator"))
        return ans([dv, p], [day(p)])
    q(P2, "does he have an ICD", "abbreviation", r)

    def r(C):
        c = one([c for c in C.conds("I50.") if c["clinicalStatus"]["coding"][0]["code"] == "active"])
        return ans(c, ["systolic"])
    q(P2, "what kind of CHF", "abbreviation", r)

    def r(C):
        c = one(C.conds("I48"))
        return ans(c, [day(c)])
    q(P2, "afib dx date", "abbreviation", r)

    def r(C):
        m = one(C.active("dapagliflozin"))
        rs = [disp(x) for x in m["reasonCode"]]
        assert rs and all("heart failure" in x for x in rs) and not C.conds("E11", "E10", "diabetes")
        return ans(m, ["heart failure"])
    q(P2, "why is he on farxiga", "med_reason", r)

    def r(C):
        c = one(C.conds("E03", "E06", "thyro"))
        return ans(c, ["hypothyroidism", day(c)])
    q(P2, "thyroid problem? since when", "lay_term", r)

    def r(C):
        o = C.obs("10230-1")[0]
        return ans(o, [val(o), day(o)])
    q(P2, "first ejection fraction on file", "first_value", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2024-01"))
        a = e["hospitalization"]["admitSource"]["coding"][0]["code"]
        assert a == "hosp-trans"
        return ans([e] + C.notes("transferred from"), ["transferred"])
    q(P2, "jan 2024 admission did he come in through the ER or was he transferred", "admit_source", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2024-01"))
        assert e["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "snf"
        return ans([e] + C.notes("skilled nursing"), ["skilled nursing"])
    q(P2, "where did he go after the jan 24 hospital stay", "discharge_dispo", r)

    def r(C):
        es = C.encs("IMP")
        return ans(es, [str(len(es))], "all")
    q(P2, "how many times has he been admitted", "count", r)

    def r(C):
        ms = n_of([m for m in C.active(*DIURETIC)], 2, "active diuretics")
        return ans(ms, ["furosemide", "spironolactone"], "all")
    q(P2, "what water pills is he taking", "lay_term", r)

    def r(C):
        ms = n_of(C.active(*BETA_BLOCKER), 1, "active beta blocker")
        return ans(ms, ["metoprolol"], "all")
    q(P2, "on a beta blocker?", "drug_class", r)

    def r(C):
        m = one(C.active("levothyroxine"))
        assert "synthroid" not in disp(m["medicationCodeableConcept"])
        return ans(m, ["levothyroxine", day(m)])
    q(P2, "is he on synthroid - since when", "brand_name", r)

    def r(C):
        i = C.imms("115", "113", "09", "139", "138")[-1]
        assert i["vaccineCode"]["coding"][0]["code"] == "113"
        return ans(i, [day(i)])
    q(P2, "last tetanus booster", "last_vaccine", r)

    def r(C):
        ii = [i for i in C.imms(*flu_cvx()) if day(i) >= "2020-01-01"]
        return ans(ii, [str(len(ii))], "all")
    q(P2, "how many flu shots since 2020", "count", r)

    def r(C):
        m = one(C.active("sacubitril"))
        return ans(m, ["sacubitril", day(m)])
    q(P2, "is he on entresto and since when", "two_part", r)

    def r(C):
        m = one(C.meds("enoxaparin"))
        assert m["status"] == "completed"
        return ans(m, ["enoxaparin", day(m)])
    q(P2, "was he ever bridged w lovenox", "ever_on", r)

    def r(C):
        obs = [o for o in C.obs("29463-7") if day(o) > "2024-01-15"]
        n_of(obs, 3, "weights after discharge")
        return ans(obs, [val(o) for o in obs], "all")
    q(P2, "weights since the CHF admission in jan 2024", "time_words", r)

    def r(C):
        m = one(C.meds("spironolactone"))
        return ans(m, ["25"])
    q(P2, "spironolacton dose", "typo", r)

    def r(C):
        f = one(C.fmh(term="cerebrovascular"))
        return ans(f, ["father"])
    q(P2, "fhx of stroke", "family_hx", r)

    q(P2, "hx MS", "absent_other_pt", lambda C: abstain_other(C, ALL, ["multiple sclerosis", "mitral stenosis", "g35", "i05.0", "morphine"]))
    q(P2, "any glp1", "absent_other_pt", lambda C: abstain_other(C, ALL, GLP1))
    q(P2, "digoxin level", "absent", lambda C: abstain_none(C, ALL, ["digoxin", "lanoxin"]))
    q(P2, "last a1c", "absent_other_pt", lambda C: abstain_other(C, ALL, ["a1c", "4548-4"]))
    q(P2, "PFTs ever done", "absent_other_pt", lambda C: abstain_other(C, ALL, ["fev1", "spirometry", "pulmonary function"]))
    q(P2, "was he on ozempik", "absent_other_pt", lambda C: abstain_other(C, ALL, GLP1[:2]))

    # ===================== P3: Keziah Marlow ==============================
    def r(C):
        c = one(C.conds("G35"))
        return ans(c, [day(c)])
    q(P3, "MS dx date", "abbreviation", r)

    def r(C):
        ps = C.procs("ocrelizumab")
        assert not C.meds("ocrevus")
        return ans(ps[-1], [day(ps[-1])])
    q(P3, "last ocrevus infusion", "brand_name", r)

    def r(C):
        m = one(C.meds("glatiramer"))
        assert "enhancing" in m["statusReason"]["text"].lower()
        return ans(m, ["enhancing", m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]])
    q(P3, "why did she come off copaxone", "stopped_meds", r)

    def r(C):
        ms = n_of(C.active(*INHALED), 2, "active inhalers")
        return ans(ms, ["budesonide", "albuterol"], "all")
    q(P3, "what inhalers is she on", "drug_class", r)

    def r(C):
        m = one(C.meds("salmeterol"))
        assert m["status"] == "stopped"
        end = m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]
        return ans(m, [end])
    q(P3, "still on advair", "still_taking", r)

    def r(C):
        m = one(C.meds("ocrelizumab"))
        return ans(m, [day(m)])
    q(P3, "ocrelizumap start date", "typo", r)

    def r(C):
        a = one(C.allergies("peanut"))
        return ans(a, ["peanut", "anaphylaxis"])
    q(P3, "nut allergy? what reaction", "allergy", r)

    def r(C):
        f = one(C.fmh(term="rheumatoid"))
        return ans(f, ["mother"])
    q(P3, "fam hx RA", "abbreviation", r)

    def r(C):
        o = one([o for o in C.obs("62292-8") if day(o).startswith("2020")])
        return ans(o, [val(o), day(o)])
    q(P3, "vit d level circa 2020", "value_near_date", r)

    def r(C):
        obs = n_of(C.obs("2465-3"), 3, "IgG values")
        assert obs[0]["valueQuantity"]["value"] > obs[1]["valueQuantity"]["value"] > obs[2]["valueQuantity"]["value"]
        return ans(obs, [val(obs[0]), val(obs[-1])], "all")
    q(P3, "igg trending down on ocrevus?", "trend_words", r)

    def r(C):
        o = C.obs("731-0")[-1]
        assert o["interpretation"][0]["coding"][0]["code"] == "L"
        return ans(o, [val(o)])
    q(P3, "lymphocite count normal", "normal_check", r)

    def r(C):
        dv = one(C.devices("intrauterine"))
        p = one(C.procs("intrauterine"))
        return ans([dv, p], [day(p)])
    q(P3, "IUD placed when", "device", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2017-09"))
        assert e["hospitalization"]["admitSource"]["coding"][0]["code"] == "outp"
        return ans(e, ["outpatient"])
    q(P3, "sept 2017 admission - came thru ER or direct from clinic", "admit_source", r)

    def r(C):
        n = one(C.notes("EDSS"))
        return ans(n, ["2.0"])
    q(P3, "what's her EDSS", "note_fact", r)

    def r(C):
        m = one(C.meds("topiramate"))
        assert "topamax" not in disp(m["medicationCodeableConcept"]) and "word-finding" in m["statusReason"]["text"].lower()
        return ans(m, ["word-finding"])
    q(P3, "why was topamax stopped", "brand_name", r)

    def r(C):
        p = C.procs("magnetic resonance imaging of brain")[-1]
        assert day(p).startswith("2025-04")
        return ans(p, [day(p), "stable"])
    q(P3, "brain mri last spring what did it show", "time_words", r)

    def r(C):
        ii = one(C.imms("33", "133", "215", "216", "100", "109"))
        return ans(ii, [day(ii)])
    q(P3, "did she get the pneumonia shot", "lay_term", r)

    def r(C):
        m = one(C.active("baclofen"))
        return ans(m, ["spasticity"])
    q(P3, "why is she on baclofin", "med_reason", r)

    def r(C):
        s = one(C.obs("5196-1"))
        c = one(C.obs("16933-4"))
        ii = n_of(C.imms("189", "43", "08", "44"), 2, "hep B doses")
        return ans([s, c] + ii, ["negative", day(ii[0])], "all")
    q(P3, "hep b status before ocrevus and was she vaccinated", "two_part", r)

    def r(C):
        ps = C.procs("ocrelizumab")
        return ans(ps, [str(len(ps))], "all")
    q(P3, "how many ocrelizumab infusions so far", "count", r)

    def r(C):
        ms = C.active("")
        n_of(ms, 7, "active orders")
        facts = ["ocrelizumab", "albuterol", "budesonide", "sertraline", "sumatriptan", "baclofen", "cholecalciferol"]
        return ans(ms, facts, "all")
    q(P3, "pls list current meds", "current_meds", r)

    q(P3, "is she on a blood thinner", "absent_other_pt", lambda C: abstain_other(C, ALL, ANTICOAG + ANTIPLATELET))
    q(P3, "on insulin?", "absent_other_pt", lambda C: abstain_other(C, ALL, INSULIN))
    q(P3, "jcv antibody index", "absent", lambda C: abstain_none(C, ALL, ["jc virus", "jcv", "john cunningham"]))
    q(P3, "any seizures", "absent_other_pt", lambda C: abstain_other(C, ALL, SEIZURE))
    q(P3, "last pap smear", "absent", lambda C: abstain_none(C, ALL, ["pap smear", "pap test", "cervical cytology", "papanicolaou"]))

    # ===================== P4: Luis Ferreira-Dunn =========================
    def r(C):
        c = one(C.conds("I26"))
        return ans(c, [day(c)])
    q(P4, "PE dx when", "abbreviation", r)

    def r(C):
        ms = C.meds("rivaroxaban")
        assert ms and not C.active(*ANTICOAG)
        last = max(ms, key=lambda m: m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"])
        return ans(ms, [last["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]])
    q(P4, "is he still on xarelto", "still_taking", r)

    def r(C):
        ms = n_of(C.active(*PPI), 1, "active PPI")
        return ans(ms, ["omeprazole"], "all")
    q(P4, "what ppi is he on", "drug_class", r)

    def r(C):
        m = one(C.meds("pantoprazole"))
        end = m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]
        return ans(m, ["pantoprazole", end])
    q(P4, "was he on protonix before? til when", "brand_name", r)

    def r(C):
        ms = n_of(C.meds(*OPIOID), 2, "opioid orders")
        return ans(ms, ["hydrocodone", "oxycodone"], "all")
    q(P4, "any opioids ever prescribed", "drug_class", r)

    def r(C):
        a = one(C.allergies("codeine"))
        return ans(a, ["nausea"])
    q(P4, "codeine allergy - what reaction", "allergy", r)

    def r(C):
        c = one(C.conds("N20"))
        return ans([c] + in_month(C.encs("EMER"), "2021-05"), [day(c)])
    q(P4, "when did he have the kidney stone", "lay_term", r)

    def r(C):
        p = one(C.procs("lithotripsy"))
        return ans(p, [day(p)])
    q(P4, "lithotripsy date", "last_procedure", r)

    def r(C):
        dv = one(C.devices("positive airway"))
        return ans(dv, ["8-14"])
    q(P4, "cpap settings", "device", r)

    def r(C):
        p = one(C.procs("knee replacement"))
        assert "right" in disp(p["bodySite"][0])
        return ans([p] + C.conds("Z96.651"), ["right", day(p)])
    q(P4, "s/p TKA which side and when", "abbreviation", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2023-03"))
        assert e["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "rehab"
        return ans(e, ["rehab"])
    q(P4, "where did he go after the knee surgery", "discharge_dispo", r)

    def r(C):
        obs = n_of(C.obs("3084-1"), 6, "urate values")
        assert obs[-1]["valueQuantity"]["value"] < obs[0]["valueQuantity"]["value"]
        return ans(obs, [val(obs[0]), val(obs[-1])], "all")
    q(P4, "uric acid trend since starting allopurinol", "trend_words", r)

    def r(C):
        m = one(C.active("allopurinol"))
        return ans(m, ["300"])
    q(P4, "allopurinal dose", "typo", r)

    def r(C):
        ms = [m for m in C.meds("rivaroxaban") if any("I26" in x["coding"][0]["code"] for x in m.get("reasonCode", []))]
        n_of(ms, 2, "rivaroxaban orders for PE")
        end = ms[-1]["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]
        return ans(ms, [day(ms[0]), end])
    q(P4, "how long was he on rivaroxiban for the PE", "typo", r)

    def r(C):
        f = one(C.fmh(term="malignant"))
        return ans(f, ["breast", "mother"])
    q(P4, "fam hx CA", "abbreviation", r)

    def r(C):
        o = closest(C.obs("85354-9"), "2020-01-15", 31)
        one(in_month(C.obs("85354-9"), "2020-01"))
        return ans(o, ["%s/%s" % (C.comp(o, "8480-6"), C.comp(o, "8462-4"))])
    q(P4, "bp closest to jan 2020", "value_near_date", r)

    def r(C):
        ii = n_of(C.imms("187", "121"), 1, "zoster doses")
        return ans(ii, [day(ii[0])])
    q(P4, "shingrix series done?", "vaccine_series", r)

    def r(C):
        e = one(in_month(C.encs("VR"), "2024-11"))
        return ans([e] + C.conds("J01"), ["sinusitis"])
    q(P4, "reason for the video visit nov 2024", "visit_reason", r)

    def r(C):
        ms = [m for m in C.meds(*ANTIBIOTIC) if day(m) >= "2023-12-01"]
        n_of(ms, 1, "antibiotics in last 2 years")
        return ans(ms, ["amoxicillin"], "all")
    q(P4, "abx courses in the last 2 yrs", "drug_class", r)

    def r(C):
        p = C.procs("colonoscopy")[-1]
        return ans(p, [day(p)])
    q(P4, "last colonscopy", "typo", r)

    def r(C):
        p = one(C.procs("duplex ultrasound of vein"))
        return ans([p] + C.conds("I82"), [day(p), "femoral"])
    q(P4, "r/o dvt - dopler done?", "last_procedure", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2023-03"))
        assert e["hospitalization"]["admitSource"]["coding"][0]["code"] == "mp"
        return ans(e, ["referral"])
    q(P4, "knee replacement admission - referred in or came thru the ER", "admit_source", r)

    q(P4, "thyroid issues?", "absent_other_pt", lambda C: abstain_other(C, ALL, ["thyroid", "levothyroxine", "e03.", "e06."]))
    q(P4, "on insulin", "absent_other_pt", lambda C: abstain_other(C, ALL, INSULIN))
    q(P4, "CHF?", "absent_other_pt", lambda C: abstain_other(C, ALL, HF))
    q(P4, "last psa", "absent", lambda C: abstain_none(C, ALL, ["psa", "prostate specific", "2857-1"]))
    q(P4, "any seizures hx", "absent_other_pt", lambda C: abstain_other(C, ALL, SEIZURE))

    # ===================== P5: Walter Pembrook (deceased) =================
    def r(C):
        dd = C.patient["deceasedDateTime"][:10]
        cod = one(C.obs("69453-9"))
        return ans([C.patient, cod] + C.notes("pronounced"), [dd])
    q(P5, "date of death", "death", r)

    def r(C):
        cod = one(C.obs("69453-9"))
        assert "lung" in disp(cod["valueCodeableConcept"])
        return ans(cod, ["lung"])
    q(P5, "what did he die of", "death", r)

    def r(C):
        ms = C.meds("morphine sulfate")
        ms = [m for m in ms if "ms contin" in disp(m["medicationCodeableConcept"])]
        last = ms[-1]
        assert "30 mg" in disp(last["medicationCodeableConcept"])
        return ans(last, ["30 mg"])
    q(P5, "MS contin dose before he died", "abbreviation", r)

    def r(C):
        ns = C.notes("stage IIIB")
        return ans(ns + C.procs("positron"), ["IIIB"])
    q(P5, "CA stage at dx", "abbreviation", r)

    def r(C):
        obs = [o for o in C.obs("17861-6") if day(o).startswith("2024-09")]
        top = max(obs, key=lambda o: o["valueQuantity"]["value"])
        return ans(top, [val(top)])
    q(P5, "peak ca level during the sept 2024 admission", "abbreviation", r)

    def r(C):
        ms = n_of(C.meds("pembrolizumab", "nivolumab", "atezolizumab", "durvalumab", "ipilimumab"), 1, "immunotherapy")
        return ans(ms, ["pembrolizumab"], "all")
    q(P5, "what immunotherapy did he get", "drug_class", r)

    def r(C):
        m = one(C.meds("keytruda"))
        assert "progression" in m["statusReason"]["text"].lower()
        return ans(m, ["progression"])
    q(P5, "why was keytruda stopped", "stopped_meds", r)

    def r(C):
        ms = n_of(C.meds(*CHEMO), 3, "chemo agents")
        return ans(ms, ["carboplatin", "pemetrexed", "docetaxel"], "all")
    q(P5, "chemo agents he received", "drug_class", r)

    def r(C):
        m = one(C.meds("pembrolizumab"))
        return ans(m, [day(m)])
    q(P5, "pembrolizimab start date", "typo", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2024-11"))
        assert e["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "hosp"
        return ans([e] + C.notes("home hospice"), ["hospice"])
    q(P5, "where was he discharged to nov 2024", "discharge_dispo", r)

    def r(C):
        es = [e for e in C.encs("IMP") if day(e).startswith("2024")]
        return ans(es, [str(len(es))], "all")
    q(P5, "how many hospital admissions in 2024", "count", r)

    def r(C):
        obs = [o for o in C.obs("29463-7") if day(o) >= "2023-02-10"]
        return ans([obs[0], obs[-1]], [val(obs[0]), val(obs[-1])], "all")
    q(P5, "how much weight did he lose after the cancer dx", "trend_words", r)

    def r(C):
        i = C.imms("115", "113", "09", "139", "138")[-1]
        return ans(i, [day(i)])
    q(P5, "last tetanus shot", "last_vaccine", r)

    def r(C):
        py = one(C.obs("8664-5"))
        st = one(C.obs("72166-2"))
        return ans([py, st], [val(py), "ex-smoker"], "all")
    q(P5, "smoker? how many pack yrs", "two_part", r)

    def r(C):
        dv = one(C.devices("venous access"))
        p = one(C.procs("central venous"))
        return ans([dv, p], [day(p)])
    q(P5, "did he have a port placed", "device", r)

    def r(C):
        p = one(C.procs("radiotherapy"))
        return ans(p, ["T10", "L2"])
    q(P5, "where did he get radiation", "last_procedure", r)

    def r(C):
        ns = C.notes("DNR")
        assert ns
        return ans(ns + C.careplans("hospice"), ["DNR"])
    q(P5, "code status at the end", "note_fact", r)

    def r(C):
        a = one(C.of("AllergyIntolerance"))
        assert "no known" in disp(a["code"])
        return ans(a, ["no known"])
    q(P5, "any drug allergies", "allergy", r)

    def r(C):
        o = closest(C.obs("17861-6"), "2024-10-15", 10)
        one(in_month(C.obs("17861-6"), "2024-10"))
        return ans(o, [val(o), day(o)])
    q(P5, "calcium around mid oct 2024", "value_near_date", r)

    def r(C):
        m = one(C.meds("zoledronic"))
        assert "zometa" in disp(m["medicationCodeableConcept"])
        return ans(m, ["hypercalcemia"])
    q(P5, "why was he given zometa", "med_reason", r)

    def r(C):
        m = one(C.meds("tiotropium"))
        return ans(m, ["once daily"])
    q(P5, "tiotropeum dose", "typo", r)

    def r(C):
        obs = C.obs("718-7")
        low = min(obs, key=lambda o: o["valueQuantity"]["value"])
        return ans(low, [val(low), day(low)])
    q(P5, "lowest hgb", "worst_value", r)

    q(P5, "CKD stage", "absent_other_pt", lambda C: abstain_other(C, ALL, ["chronic kidney disease", "n18."]))
    q(P5, "was he ever on a blood thinner", "absent_other_pt", lambda C: abstain_other(C, ALL, ANTICOAG))
    q(P5, "brain mri results", "absent_other_pt", lambda C: abstain_other(C, ALL, ["magnetic resonance", "mri"]))
    q(P5, "autopsy done?", "absent", lambda C: abstain_none(C, ALL, ["autopsy", "post-mortem", "postmortem", "necropsy"]))
    q(P5, "hx kidney stones", "absent_other_pt", lambda C: abstain_other(C, ALL, KIDNEY_STONE))

    # ===================== P6: Amara Lindqvist (bulk) =====================
    def r(C):
        c = one(C.conds("E10.9"))
        return ans(c, [day(c)])
    q(P6, "when was T1D diagnosed", "abbreviation", r)

    def r(C):
        o = one(C.obs("2744-1"))
        return ans([o] + C.notes("pH 7.08"), [val(o)])
    q(P6, "how bad was the DKA at dx - pH?", "abbreviation", r)

    def r(C):
        e = one(in_month(C.encs("IMP"), "2019-04"))
        assert e["hospitalization"]["admitSource"]["coding"][0]["code"] == "hosp-trans"
        return ans([e] + C.notes("transferred from"), ["transferred"])
    q(P6, "was she transferred in for the dka admission", "admit_source", r)

    def r(C):
        dv = one(C.devices("insulin pump"))
        return ans(dv, ["Omnipod"])
    q(P6, "what insulin pump", "device", r)

    def r(C):
        dvs = [x for x in C.devices("glucose") if x["status"] == "active"]
        dv = one(dvs, "active CGM")
        return ans(dv, ["G7"])
    q(P6, "which cgm is she using now", "device", r)

    def r(C):
        ms = n_of(C.active(*INSULIN), 1, "active insulin")
        return ans(ms, ["lispro"], "all")
    q(P6, "what insulin is she on", "drug_class", r)

    def r(C):
        m = one(C.meds("glargine"))
        end = m["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]
        assert "pump" in m["statusReason"]["text"].lower()
        return ans(m, ["pump", end])
    q(P6, "why was lantus stopped", "stopped_meds", r)

    def r(C):
        m = one(C.active("levothyroxine"))
        old = [x for x in C.meds("levothyroxine") if x["status"] == "stopped"]
        assert "increased" in one(old)["statusReason"]["text"].lower()
        return ans([m] + old, [day(m)])
    q(P6, "when was her levothyroxin dose increased", "typo", r)

    def r(C):
        obs = [o for o in C.obs("3016-3") if day(o) > "2024-01-22"]
        n_of(obs, 2, "TSH after dose change")
        return ans(obs, [val(o) for o in obs], "all")
    q(P6, "tsh since the dose change in jan 2024", "time_words", r)

    def r(C):
        obs = n_of(C.obs("31017-7"), 5, "tTG values")
        last = obs[-1]
        assert last["interpretation"][0]["coding"][0]["code"] == "N"
        return ans(obs, [val(obs[0]), val(last)], "all")
    q(P6, "have her celiac labs normalized", "lay_term", r)

    def r(C):
        o = C.obs("4548-4")[0]
        c = one(C.conds("E10.9"))
        assert day(o) == day(c)
        return ans(o, [val(o)])
    q(P6, "a1c at diagnosis", "first_value", r)

    def r(C):
        o = C.obs("4548-4")[-1]
        return ans(o, [val(o), day(o)])
    q(P6, "most recent a1c", "latest_value", r)

    def r(C):
        o = one(in_range(C.obs("4548-4"), "2023-06-01", "2023-08-31"))
        return ans(o, [val(o), day(o)])
    q(P6, "a1c summer 2023", "value_near_date", r)

    def r(C):
        a = one(C.allergies(category="medication"))
        return ans(a, ["amoxicillin"])
    q(P6, "antibiotic allergies", "allergy", r)

    def r(C):
        m = one(C.meds("cefdinir"))
        assert "omnicef" not in disp(m["medicationCodeableConcept"])
        return ans(m, ["cefdinir", day(m)])
    q(P6, "has she had omnicef before", "brand_name", r)

    def r(C):
        ii = n_of(C.imms("165", "62", "118"), 2, "HPV doses")
        return ans(ii, [day(i) for i in ii], "all")
    q(P6, "hpv doses given", "vaccine_series", r)

    def r(C):
        ii = [i for i in C.imms(*flu_cvx()) if day(i) >= "2021-01-01"]
        return ans(ii, [str(len(ii))], "all")
    q(P6, "how many flu shots since 2021", "count", r)

    def r(C):
        e = one(in_month(C.encs("EMER"), "2023-07"))
        return ans([e] + C.conds("E10.649"), ["hypoglycemia"])
    q(P6, "why was she in the ED july 2023", "visit_reason", r)

    def r(C):
        n = one(C.notes("baqsimi", "soccer"))
        return ans(n, ["mother"])
    q(P6, "who gave the baqsimi at the soccer game", "note_fact", r)

    def r(C):
        ms = n_of(C.active("methylphenidate", "amphetamine", "atomoxetine", "guanfacine", "dexmethylphenidate"), 1, "active ADHD med")
        return ans(ms, ["methylphenidate", "27"], "all")
    q(P6, "adhd meds and dose", "abbreviation", r)

    def r(C):
        g = one(C.goals("time in range"))
        return ans(g, ["70%"])
    q(P6, "time in range goal", "care_plan", r)

    def r(C):
        ms = n_of(C.meds(*STEROID), 1, "steroid orders")
        return ans(ms, ["hydrocortisone"], "all")
    q(P6, "any steroids", "drug_class", r)

    def r(C):
        f = one(C.fmh(term="type 1"))
        return ans(f, ["aunt"])
    q(P6, "anyone in family w/ type 1", "family_hx", r)

    def r(C):
        i = C.imms("115")[-1]
        return ans(i, [day(i)])
    q(P6, "last tdap", "last_vaccine", r)

    q(P6, "hx of RA?", "absent_other_pt", lambda C: abstain_other(C, ALL, ["rheumatoid", "m06."]))
    q(P6, "on a statin", "absent_other_pt", lambda C: abstain_other(C, ALL, STATIN))
    q(P6, "any glp1", "absent_other_pt", lambda C: abstain_other(C, ALL, GLP1))
    q(P6, "growth hormone?", "absent", lambda C: abstain_none(C, ALL, ["somatropin", "growth hormone", "genotropin", "norditropin"]))
    q(P6, "hx of seizures", "absent_other_pt", lambda C: abstain_other(C, ALL, SEIZURE))
    q(P6, "celiac HLA-DQ2 testing result", "absent", lambda C: abstain_none(C, ALL, ["hla-dq", "dq2", "dq8"]))

    # ===================== P7: Desmond Achterberg (bulk) ==================
    def r(C):
        ms = n_of(C.active(*ANTIPSYCH), 1, "active antipsychotic")
        return ans(ms, ["aripiprazole"], "all")
    q(P7, "is he on an antipsycotic", "drug_class", r)

    def r(C):
        ms = n_of(C.active(*AED), 1, "active AED")
        return ans(ms, ["levetiracetam"], "all")
    q(P7, "what antiepileptic is he on", "drug_class", r)

    def r(C):
        ms = n_of(C.meds(*AED), 3, "AED orders")
        return ans(ms, ["phenytoin", "levetiracetam"], "all")
    q(P7, "all maintenance seizure meds he's ever been on", "ever_on", r)

    def r(C):
        m = one(C.meds("phenytoin"))
        assert "dilantin" in disp(m["medicationCodeableConcept"]) and "gingival" in m["statusReason"]["text"].lower()
        return ans(m, ["gingival"])
    q(P7, "why was dilantin stopped", "stopped_meds", r)

    def r(C):
        m = one(C.active("levetiracetam"))
        return ans(m, ["750"])
    q(P7, "leviteracetam dose", "typo", r)

    def r(C):
        m = one(C.active("buprenorphine"))
        return ans(m, ["buprenorphine"])
    q(P7, "OUD on MAT?", "abbreviation", r)

    def r(C):
        m = one(C.meds("sofosbuvir"))
        o = [x for x in C.obs("11011-4") if "valueCodeableConcept" in x]
        o = one(o)
        assert "not detected" in disp(o["valueCodeableConcept"])
        return ans([m, o], ["sofosbuvir", day(o)], "all")
    q(P7, "was his hep c treated and is he cured", "two_part", r)

    def r(C):
        obs = C.obs("14334-7")
        top = max(obs, key=lambda o: o["valueQuantity"]["value"])
        assert sum(1 for o in obs if o["valueQuantity"]["value"] == top["valueQuantity"]["value"]) == 1
        return ans(top, [val(top), day(top)])
    q(P7, "highest lithium level", "worst_value", r)

    def r(C):
        o = C.obs("14334-7")[-1]
        return ans(o, [val(o), day(o)])
    q(P7, "last li level", "latest_value", r)

    def r(C):
        o = C.obs("2842-3")[-1]
        assert o["interpretation"][0]["coding"][0]["code"] == "N"
        return ans(o, [val(o)])
    q(P7, "is his prolactin normal now", "normal_check", r)

    def r(C):
        m = one(C.meds("risperidone"))
        assert "risperdal" not in disp(m["medicationCodeableConcept"])
        return ans(m, ["prolactin"])
    q(P7, "why did he come off risperdal", "brand_name", r)

    def r(C):
        e = one(in_range(C.encs("IMP"), "2018-01-01", "2018-12-31"))
        assert e["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "aadvice"
        return ans([e] + C.notes("against medical advice"), ["against"])
    q(P7, "did he leave AMA from the 2018 psych admission", "discharge_dispo", r)

    def r(C):
        e = one(in_month(C.encs("EMER"), "2023-07"))
        return ans([e] + C.conds("R56"), ["seizure"])
    q(P7, "reason for ER visit july 4 2023", "visit_reason", r)

    def r(C):
        ms = n_of([m for m in C.meds(*ANTIBIOTIC) if day(m).startswith("2022-01")], 3, "pneumonia antibiotics")
        return ans(ms, ["ceftriaxone", "azithromycin", "cefpodoxime"], "all")
    q(P7, "abx for the pneumonia", "drug_class", r)

    def r(C):
        ms = n_of(C.meds(*ANTICOAG), 1, "anticoagulant orders")
        assert not C.active(*ANTICOAG)
        return ans(ms, ["heparin"], "all")
    q(P7, "was he ever on a blood thinner", "ever_on", r)

    def r(C):
        a = one(C.allergies("carbamazepine"))
        return ans(a, ["stevens-johnson"])
    q(P7, "tegretol allergy?", "brand_name", r)

    def r(C):
        f = one(C.fmh(term="bipolar"))
        return ans(f, ["mother", "bipolar"])
    q(P7, "fam psych hx", "family_hx", r)

    def r(C):
        es = C.encs("VR")
        return ans(es, [str(len(es))], "all")
    q(P7, "how many psych video visits", "count", r)

    def r(C):
        n = one(C.notes("bicycle"))
        return ans(n, ["bicycle"])
    q(P7, "where does he work", "note_fact", r)

    def r(C):
        cp = one(C.careplans("seizure"))
        assert "seizure-free 6 months" in json.dumps(cp)
        return ans(cp, ["6 months"])
    q(P7, "driving restrictions per the seizure plan", "care_plan", r)

    def r(C):
        i = C.imms(*flu_cvx())[-1]
        return ans(i, [day(i)])
    q(P7, "last flu shot", "last_vaccine", r)

    def r(C):
        ms = C.active("")
        n_of(ms, 5, "active orders")
        return ans(ms, ["levetiracetam", "lithium", "aripiprazole", "buprenorphine", "naloxone"], "all")
    q(P7, "current meds pls", "current_meds", r)

    def r(C):
        c = one(C.conds("B18", "K70", "K74", "K76", "hepat", "cirrhosis"))
        return ans(c, ["hepatitis C"])
    q(P7, "any liver problems", "lay_term", r)

    def r(C):
        assert not C.of("Device")
        others = [o for o in ALL.values() if o is not C and o.of("Device")]
        assert others
        return {"expect": "abstain", "gold_ids": [], "gold_match": "any", "answer_facts": []}
    q(P7, "any implanted devices", "absent_other_pt", r)

    q(P7, "on insulin", "absent_other_pt", lambda C: abstain_other(C, ALL, INSULIN))
    q(P7, "clozapin anc monitoring", "absent", lambda C: abstain_none(C, ALL, ["clozapine", "clozaril", "absolute neutrophil"]))
    q(P7, "hx of PE", "absent_other_pt", lambda C: abstain_other(C, ALL, PE_TERMS))
    q(P7, "lamictal level", "absent", lambda C: abstain_none(C, ALL, ["lamotrigine", "lamictal"]))


def round_fact(f):
    """numbers are kept to one decimal for matching (as in the dev set); text and dates unchanged"""
    import decimal
    import re
    if re.fullmatch(r"-?\d+\.\d{2,}", f):
        return str(decimal.Decimal(f).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP))
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--patients", default="patients")
    ap.add_argument("--out", default="questions.jsonl")
    a = ap.parse_args()
    ALL = load(a.patients)
    assert len(ALL) == 7, len(ALL)
    build(ALL)
    lines = []
    seen = set()
    order = list(Q)
    random.Random(303).shuffle(order)  # interleave patients and kinds; fixed seed, so ids are stable
    for i, (mrn, text, kind, fn) in enumerate(order, 1):
        C = ALL[mrn]
        try:
            res = fn(C)
        except AssertionError as e:
            raise SystemExit("question %d (%s / %r) failed: %s" % (i, mrn, text, e))
        if res["expect"] == "answer":
            gold = [r for r in C.res if rid(r) in res["gold_ids"]]
            assert len(gold) == len(res["gold_ids"]), "gold id not in this patient's chart"
            try:
                supported(gold, res["answer_facts"])
            except AssertionError as e:
                raise SystemExit("question %d (%r): %s" % (i, text, e))
            assert res["answer_facts"], text
        key = (mrn, text.lower())
        assert key not in seen, "duplicate question %r" % (key,)
        seen.add(key)
        res["answer_facts"] = [round_fact(f) for f in res["answer_facts"]]
        lines.append({"id": "b3-%03d" % i, "patient_id": C.pid, "question": text, "kind": kind, "now": NOW,
                      "expect": res["expect"], "gold_ids": res["gold_ids"], "gold_match": res["gold_match"],
                      "answer_facts": res["answer_facts"]})
    with open(a.out, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(json.dumps(l, ensure_ascii=False) + "\n")
    print("wrote %d questions to %s" % (len(lines), a.out))


if __name__ == "__main__":
    main()

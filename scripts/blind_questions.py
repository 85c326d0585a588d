#!/usr/bin/env python3
"""Blind held-out question set over the invented patients of scripts/blind_patients.py (stdlib only).

Questions are written the way clinicians type them (classes, brands, lay terms, ambiguous
abbreviations, shorthand, misspellings, time in words, meaning beyond lookup).  Gold evidence ids and
answer facts are computed here from the raw bundle JSON only: values exactly as recorded, dates ISO.
Questions the chart cannot answer (expect "abstain") are checked for absence: none of their
forbidden terms may occur anywhere in that patient's bundle (including the decoded note text).

Usage: python scripts/blind_questions.py --bundles data/generated/blind1 --out data/eval/blind1_questions.jsonl
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import glob
import json
import os
import re

NOW = "2025-11-15"
SALTS = {"hydrochloride", "sodium", "potassium", "succinate", "tromethamine", "propionate"}


# --- reading the raw JSON -----------------------------------------------------------------------
def rid(r: dict) -> str:
    return f"{r['resourceType']}/{r['id']}"


def when(r: dict) -> str:
    for k in ("effectiveDateTime", "occurrenceDateTime", "performedDateTime", "authoredOn", "onsetDateTime",
              "deceasedDateTime", "recordedDate", "date"):
        if k in r:
            return r[k][:10]
    for k in ("performedPeriod", "period"):
        if k in r:
            return r[k]["start"][:10]
    raise KeyError(r["resourceType"])


def text_of(cc: dict) -> str:
    return cc.get("text") or cc["coding"][0]["display"]


def bare(display: str) -> str:
    return re.sub(r"\s*\((disorder|finding|procedure|event|situation|physical object|substance)\)$", "", display)


def num(v) -> str:
    return str(v)


class Chart:
    def __init__(self, path: str):
        with open(path, encoding="utf-8") as fh:
            b = json.load(fh)
        self.res = [e["resource"] for e in b["entry"]]
        self.patient = self.res[0]
        assert self.patient["resourceType"] == "Patient"
        self.pid = self.patient["id"]
        blob = [json.dumps(b, ensure_ascii=False)]
        for r in self.of("DocumentReference"):
            for c in r["content"]:
                blob.append(base64.b64decode(c["attachment"]["data"]).decode("utf-8"))
        # resource ids are random hex: leave them out of the absence check
        self.blob = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "", "\n".join(blob).lower())

    def of(self, typ: str) -> list[dict]:
        return [r for r in self.res if r["resourceType"] == typ]

    # medications
    def meds(self, *words: str, status: str | None = None) -> list[dict]:
        out = []
        for r in self.of("MedicationRequest"):
            d = text_of(r["medicationCodeableConcept"]).lower()
            if (not words or any(w in d for w in words)) and (status is None or r["status"] == status):
                out.append(r)
        return sorted(out, key=when)

    @staticmethod
    def drug(r: dict) -> str:
        toks = []
        for t in text_of(r["medicationCodeableConcept"]).split():
            if any(ch.isdigit() for ch in t):
                break
            toks.append(t)
        toks = [t for t in toks if t.lower() not in SALTS]
        return " ".join(toks)

    def conds(self, *words: str) -> list[dict]:
        return sorted([r for r in self.of("Condition") if any(w in text_of(r["code"]).lower() for w in words)], key=when)

    def obs(self, loinc: str) -> list[dict]:
        return sorted([r for r in self.of("Observation") if r["code"]["coding"][0]["code"] == loinc], key=when)

    def imms(self, *cvx: str) -> list[dict]:
        return sorted([r for r in self.of("Immunization") if r["vaccineCode"]["coding"][0]["code"] in cvx], key=when)

    def procs(self, *words: str) -> list[dict]:
        return sorted([r for r in self.of("Procedure") if any(w in text_of(r["code"]).lower() for w in words)], key=when)

    def devs(self, *words: str) -> list[dict]:
        return [r for r in self.of("Device") if any(w in text_of(r["type"]).lower() for w in words)]

    def encs(self, cls: str | None = None) -> list[dict]:
        return sorted([r for r in self.of("Encounter") if cls is None or r["class"]["code"] == cls], key=when)

    def allergies(self, *words: str) -> list[dict]:
        return [r for r in self.of("AllergyIntolerance") if any(w in text_of(r["code"]).lower() for w in words)]


def val(r: dict) -> str:
    return num(r["valueQuantity"]["value"])


def closest(rs: list[dict], target: str, max_days: int = 75) -> dict:
    t = dt.date.fromisoformat(target)
    ds = sorted(rs, key=lambda r: abs((dt.date.fromisoformat(when(r)) - t).days))
    best = abs((dt.date.fromisoformat(when(ds[0])) - t).days)
    assert best <= max_days, (target, best)
    if len(ds) > 1:
        second = abs((dt.date.fromisoformat(when(ds[1])) - t).days)
        assert second - best >= 20, ("ambiguous closest", target, best, second)
    return ds[0]


def extreme(rs: list[dict], hi: bool) -> dict:
    vals = [r["valueQuantity"]["value"] for r in rs]
    v = max(vals) if hi else min(vals)
    hits = [r for r in rs if r["valueQuantity"]["value"] == v]
    assert len(hits) == 1, ("tied extreme", v)
    return hits[0]


def last(rs: list[dict]) -> dict:
    rs = sorted(rs, key=when)
    assert rs, "empty"
    if len(rs) > 1:
        assert when(rs[-1]) != when(rs[-2]) or rs[-1] is rs[-2], ("tied last", when(rs[-1]))
    return rs[-1]


def interp(r: dict) -> str:
    return r["interpretation"][0]["coding"][0]["display"]


def since(rs: list[dict], day: str, until: str | None = None) -> list[dict]:
    return [r for r in rs if when(r) >= day and (until is None or when(r) <= until)]


def ans(gold: list[dict], facts: list[str], match: str = "any") -> dict:
    assert gold, "no gold"
    return {"gold": gold, "facts": facts, "match": match}


def absent(*terms: str) -> dict:
    return {"absent": [t.lower() for t in terms]}


def meds_facts(rs: list[dict]) -> list[str]:
    return [Chart.drug(r) for r in rs]


LOINC = {"a1c": "4548-4", "glu": "2345-7", "ldl": "13457-7", "cr": "2160-0", "egfr": "33914-3", "k": "2823-3",
         "na": "2951-2", "inr": "6301-6", "hgb": "718-7", "tsh": "3016-3", "ca": "17861-6", "bnp": "33762-6",
         "ferritin": "2276-4", "vitd": "62292-8", "uacr": "14959-1", "urate": "3084-1", "lvef": "10230-1",
         "tscore": "38267-5", "phq9": "44261-6", "morse": "59460-6", "wt": "29463-7", "bp": "85354-9"}

STATIN = ("statin",)
ANTICOAG = ("warfarin", "apixaban", "eliquis", "rivaroxaban", "xarelto", "dabigatran", "heparin", "enoxaparin",
            "clopidogrel", "aspirin")
ABX = ("amoxicillin", "azithromycin", "ceftriaxone", "nitrofurantoin", "cephalexin", "doxycycline",
       "ciprofloxacin", "levofloxacin", "penicillin")
NO_DEATH = ("deceased", "death", "died", "69453-9")
NO_CANCER = ("cancer", "malignan", "neoplasm", "carcinoma", "tumor", "oncolog", "lumpectomy", "chemotherapy")
NO_BPMEDS = ("lisinopril", "losartan", "amlodipine", "metoprolol", "hydrochlorothiazide", "carvedilol", "entresto",
             "valsartan", "spironolactone", "furosemide", "diltiazem")


def bp_facts(r: dict) -> list[str]:
    return [num(c["valueQuantity"]["value"]) for c in r["component"]]


def bp_obs(c: Chart) -> list[dict]:
    return c.obs(LOINC["bp"])


# --- questions per archetype ----------------------------------------------------------------------
# each: (question, kind, function(chart) -> ans(...) or absent(...))

def q_af(c: Chart):
    def ob(k):
        return c.obs(LOINC[k])

    adm = c.encs("IMP")[0]
    return [
        ("is she on a statin", "drug_class",
         lambda: ans(c.meds(*STATIN, status="active"), meds_facts(c.meds(*STATIN, status="active")))),
        ("any blood thinners", "drug_class",
         lambda: ans(c.meds(*ANTICOAG, status="active"), meds_facts(c.meds(*ANTICOAG, status="active")))),
        ("bp meds?", "drug_class", lambda: ans(c.meds("lisinopril", status="active"), ["lisinopril"], "all")),
        ("was she ever on coumadin", "brand_name", lambda: ans(c.meds("warfarin"), ["warfarin"])),
        ("why is she on metoprolol", "why_med",
         lambda: ans(c.meds("metoprolol"), [bare(text_of(c.meds("metoprolol")[0]["reasonCode"][0]))])),
        ("why did they stop her simvastatin", "stopped_meds",
         lambda: ans(c.meds("simvastatin"), [c.meds("simvastatin")[0]["statusReason"]["text"]])),
        ("kidney function last checked when", "lay_term",
         lambda: ans([last(ob("egfr")), last(ob("cr"))], [when(last(ob("egfr")))])),
        ("has her egfr gone down over the yrs", "trend_words",
         lambda: ans(ob("egfr"), [val(ob("egfr")[0]), val(ob("egfr")[-1])], "all")),
        ("inr around summer 2020", "value_near_date",
         lambda: ans([closest(ob("inr"), "2020-07-15")],
                     [val(closest(ob("inr"), "2020-07-15")), when(closest(ob("inr"), "2020-07-15"))])),
        ("highest ldl on record", "worst_value",
         lambda: ans([extreme(ob("ldl"), True)], [val(extreme(ob("ldl"), True)), when(extreme(ob("ldl"), True))])),
        ("last tetanus shot", "last_vaccine",
         lambda: ans([last(c.imms("113", "115", "09"))], [when(last(c.imms("113", "115", "09")))])),
        ("when was her last colonscopy", "typo",
         lambda: ans([last(c.procs("colonoscopy"))], [when(last(c.procs("colonoscopy")))])),
        ("does she have a pacer", "device", lambda: ans(c.devs("pacemaker"), ["pacemaker"])),
        ("when was the pacemaker put in", "last_procedure", lambda: ans(c.procs("pacemaker"), [when(c.procs("pacemaker")[0])])),
        ("why was she admitted feb 2024", "visit_reason", lambda: ans([adm], [bare(text_of(adm["reasonCode"][0])), when(adm)])),
        ("did that feb 24 admission come thru the ER", "admit_source", lambda: ans([adm], ["emergency"])),
        ("reason for last visit", "visit_reason",
         lambda: ans([last(c.encs())], [bare(text_of(last(c.encs())["reasonCode"][0])), when(last(c.encs()))])),
        ("fall risk score after her fall this summer", "value_near_date",
         lambda: ans([closest(ob("morse"), "2025-07-20")],
                     [val(closest(ob("morse"), "2025-07-20")), when(closest(ob("morse"), "2025-07-20"))])),
        ("when was afib first dx", "first_value",
         lambda: ans(c.conds("atrial fibrillation"), [when(c.conds("atrial fibrillation")[0])])),
        ("pottasium this yr", "typo",
         lambda: ans(since(ob("k"), "2025-01-01"), [val(r) for r in since(ob("k"), "2025-01-01")], "all")),
        ("all active meds pls", "current_meds", lambda: ans(c.meds(status="active"), meds_facts(c.meds(status="active")), "all")),
        ("last bp and weight", "two_part",
         lambda: ans([last(bp_obs(c)), last(ob("wt"))], [*bp_facts(last(bp_obs(c))), val(last(ob("wt")))], "all")),
        ("pcn allergy?", "abbreviation", lambda: ans(c.allergies("penicillin"), ["penicillin"])),
        # not in this chart
        ("Ca level last", "absent", lambda: absent("calcium", "17861-6", *NO_CANCER)),
        ("is she on insulin", "absent", lambda: absent("insulin")),
        ("does she use a cpap", "absent", lambda: absent("cpap", "positive airway")),
        ("last a1c", "absent", lambda: absent("a1c", "4548-4", "glycated")),
        ("hx copd", "absent",
         lambda: absent("copd", "obstructive lung", "obstructive airway", "obstructive pulmonary", "emphysema")),
    ]


def q_dm(c: Chart):
    def ob(k):
        return c.obs(LOINC[k])

    glar = c.meds("insulin glargine")[0]
    adm = c.encs("IMP")[0]
    dmmeds = c.meds("metformin", "jardiance", "insulin", "glipizide", status="active")
    return [
        ("is he on any diabetes meds", "drug_class", lambda: ans(dmmeds, meds_facts(dmmeds), "all")),
        ("why was the glipzide stopped", "typo",
         lambda: ans(c.meds("glipizide"), [c.meds("glipizide")[0]["statusReason"]["text"]])),
        ("last blood sugar", "lay_term", lambda: ans([last(ob("glu"))], [val(last(ob("glu"))), when(last(ob("glu")))])),
        ("a1c circa may 2019", "value_near_date",
         lambda: ans([closest(ob("a1c"), "2019-05-15")],
                     [val(closest(ob("a1c"), "2019-05-15")), when(closest(ob("a1c"), "2019-05-15"))])),
        ("worst a1c", "worst_value",
         lambda: ans([extreme(ob("a1c"), True)], [val(extreme(ob("a1c"), True)), when(extreme(ob("a1c"), True))])),
        ("first a1c on file", "first_value", lambda: ans([ob("a1c")[0]], [val(ob("a1c")[0]), when(ob("a1c")[0])])),
        ("has his a1c come down since starting insulin", "trend_words",
         lambda: ans(since(ob("a1c"), when(glar)), [val(since(ob("a1c"), when(glar))[0]), val(since(ob("a1c"), when(glar))[-1])],
                     "all")),
        ("empagliflozin?", "brand_name", lambda: ans(c.meds("jardiance"), ["Jardiance"])),
        ("abx in the last yr", "drug_class",
         lambda: ans(since(c.meds(*ABX), "2024-11-15"), meds_facts(since(c.meds(*ABX), "2024-11-15")))),
        ("does he use cpap at night", "device", lambda: ans(c.devs("positive airway"), ["positive airway pressure"])),
        ("knee replacement when and did he come in on a referral", "two_part",
         lambda: ans([c.procs("knee replacement")[0], adm], [when(c.procs("knee replacement")[0]), "referral"], "all")),
        ("what's he taking for his pressure", "drug_class",
         lambda: ans(c.meds("losartan", status="active"), ["losartan"], "all")),
        ("uric acid trend since 2020", "trend_words",
         lambda: ans(since(ob("urate"), "2020-01-01"), [val(ob("urate")[0]), val(ob("urate")[-1])], "all")),
        ("how many flu shots since 2020", "count",
         lambda: ans(since(c.imms("150", "135", "140", "141"), "2020-01-01"),
                     [str(len(since(c.imms("150", "135", "140", "141"), "2020-01-01")))], "all")),
        ("hep b series complete?", "last_vaccine", lambda: ans(c.imms("43", "08"), [when(r) for r in c.imms("43", "08")], "all")),
        ("urine microalbumin normal?", "normal_check",
         lambda: ans([last(ob("uacr"))], [val(last(ob("uacr"))), when(last(ob("uacr"))), interp(last(ob("uacr")))])),
        ("any drug allergies", "allergy", lambda: ans(c.of("AllergyIntolerance"), ["No known drug allergy"])),
        ("is he still on metfromin", "typo", lambda: ans(c.meds("metformin", status="active"), ["metformin"])),
        ("why gabapentin", "why_med",
         lambda: ans(c.meds("gabapentin"), [bare(text_of(c.meds("gabapentin")[0]["reasonCode"][0]))])),
        ("current med list", "current_meds", lambda: ans(c.meds(status="active"), meds_facts(c.meds(status="active")), "all")),
        ("bp closest to last spring", "value_near_date",
         lambda: ans([closest(bp_obs(c), "2025-04-15")],
                     [*bp_facts(closest(bp_obs(c), "2025-04-15")), when(closest(bp_obs(c), "2025-04-15"))])),
        # not in this chart
        ("any afib", "absent", lambda: absent("atrial fibrillation", "afib", "a-fib")),
        ("last psa", "absent", lambda: absent("psa", "prostate")),
        ("when did he die", "absent", lambda: absent(*NO_DEATH)),
        ("hx of stroke", "absent", lambda: absent("stroke", "cerebrovascular", "cerebral infarct", "tia ")),
        ("tsh last", "absent", lambda: absent("tsh", "thyro", "3016-3")),
    ]


def q_hf(c: Chart):
    def ob(k):
        return c.obs(LOINC[k])

    cod = c.obs("69453-9")[0]
    death = c.patient["deceasedDateTime"][:10]
    adms = c.encs("IMP")
    deathnote = [r for r in c.of("DocumentReference") if r["type"]["coding"][0]["code"] == "67855-1"]
    return [
        ("when did he die", "death", lambda: ans([c.patient], [death])),
        ("cause of death", "death", lambda: ans([cod, *deathnote], [bare(text_of(cod["valueCodeableConcept"]))])),
        ("does he have an ICD", "abbreviation", lambda: ans(c.devs("defibrillator"), ["defibrillator"])),
        ("when was the icd placed", "last_procedure", lambda: ans(c.procs("defibrillator"), [when(c.procs("defibrillator")[0])])),
        ("was he on a water pill", "lay_term",
         lambda: ans(c.meds("furosemide", "spironolactone"), meds_facts(c.meds("furosemide", "spironolactone")), "all")),
        ("was he on entreso", "typo", lambda: ans(c.meds("entresto"), ["Entresto"])),
        ("was he on ms contin", "abbreviation", lambda: ans(c.meds("morphine"), ["morphine"])),
        ("heart problems", "lay_term",
         lambda: ans(c.conds("heart failure", "coronary", "myocardial infarction"),
                     [bare(text_of(r["code"])) for r in c.conds("heart failure", "coronary", "myocardial infarction")], "all")),
        ("last ef", "abbreviation", lambda: ans([last(ob("lvef"))], [val(last(ob("lvef"))), when(last(ob("lvef")))])),
        ("has his bnp gone up", "trend_words", lambda: ans(ob("bnp"), [val(ob("bnp")[0]), val(ob("bnp")[-1])], "all")),
        ("worst potassium", "worst_value",
         lambda: ans([extreme(ob("k"), True)], [val(extreme(ob("k"), True)), when(extreme(ob("k"), True))])),
        ("last echocardiogam", "typo",
         lambda: ans([last(c.procs("echocardiography"))], [when(last(c.procs("echocardiography")))])),
        ("how did the last admission start", "admit_source", lambda: ans([adms[-1]], ["transfer"])),
        ("why was he admitted in jan 2022", "visit_reason",
         lambda: ans([adms[1]], [bare(text_of(adms[1]["reasonCode"][0])), when(adms[1])])),
        ("how many times was he hospitalized", "count", lambda: ans(adms, [str(len(adms))], "all")),
        ("abx during the last admission", "drug_class",
         lambda: ans([r for r in c.meds(*ABX) if when(r) >= when(adms[-1])], ["ceftriaxone"])),
        ("when was plavix stopped", "brand_name",
         lambda: ans(c.meds("clopidogrel"),
                     ["clopidogrel", c.meds("clopidogrel")[0]["dispenseRequest"]["validityPeriod"]["end"]])),
        ("any stents", "device", lambda: ans(c.devs("stent"), ["stent"])),
        ("last flu shot", "last_vaccine", lambda: ans([last(c.imms("150", "135"))], [when(last(c.imms("150", "135")))])),
        ("hx of lung ca", "abbreviation",
         lambda: ans(c.conds("lung cancer"),
                     [bare(text_of(c.conds("lung cancer")[0]["code"])), when(c.conds("lung cancer")[0])])),
        ("smoker?", "lay_term", lambda: ans(c.obs("72166-2"), [bare(text_of(c.obs("72166-2")[0]["valueCodeableConcept"]))])),
        ("copd inhalers", "drug_class",
         lambda: ans(c.meds("albuterol", "spiriva"), meds_facts(c.meds("albuterol", "spiriva")), "all")),
        ("how many chemo sessions", "count", lambda: ans(c.procs("chemotherapy"), [str(len(c.procs("chemotherapy")))], "all")),
        # not in this chart
        ("was he on insulin", "absent", lambda: absent("insulin")),
        ("any dvt hx", "absent", lambda: absent("dvt", "deep vein", "venous thrombosis", "embolism")),
        ("hx of afib", "absent", lambda: absent("atrial fibrillation", "afib", "a-fib")),
        ("last a1c", "absent", lambda: absent("a1c", "4548-4", "glycated")),
        ("any kidney stones", "absent", lambda: absent("kidney stone", "nephrolith", "ureteral", "renal calcul")),
    ]


def q_asthma(c: Chart):
    def ob(k):
        return c.obs(LOINC[k])

    eds = c.encs("EMER")
    adm = c.encs("IMP")[0]
    pred = c.meds("prednisone")
    return [
        ("is she on an ssri", "drug_class",
         lambda: ans(c.meds("sertraline", "fluoxetine", "citalopram", "paroxetine", status="active"), ["sertraline"])),
        ("zoloft dose", "brand_name", lambda: ans(c.meds("sertraline"), ["sertraline", "50"])),
        ("was she ever on prozac", "brand_name", lambda: ans(c.meds("fluoxetine"), ["fluoxetine"])),
        ("why was fluoxetine stopped", "stopped_meds",
         lambda: ans(c.meds("fluoxetine"), [c.meds("fluoxetine")[0]["statusReason"]["text"]])),
        ("has her phq9 improved", "trend_words", lambda: ans(ob("phq9"), [val(ob("phq9")[0]), val(ob("phq9")[-1])], "all")),
        ("rescue inhaler?", "lay_term", lambda: ans(c.meds("albuterol", status="active"), ["albuterol"])),
        ("does she have an epipen", "brand_name", lambda: ans(c.meds("epipen"), ["EpiPen"])),
        ("what happened w the bee sting", "visit_reason",
         lambda: ans([eds[0]], [bare(text_of(eds[0]["reasonCode"][0])), when(eds[0])])),
        ("lowest hemoglobn", "typo",
         lambda: ans([extreme(ob("hgb"), False)], [val(extreme(ob("hgb"), False)), when(extreme(ob("hgb"), False))])),
        ("iud placed when", "last_procedure", lambda: ans(c.procs("intrauterine"), [when(c.procs("intrauterine")[0])])),
        ("any contraceptive device", "device", lambda: ans(c.devs("intrauterine"), ["Intrauterine"])),
        ("pneumonia admission how did she come in", "admit_source", lambda: ans([adm], ["emergency"])),
        ("pnemonia when", "typo", lambda: ans(c.conds("pneumonia"), [when(c.conds("pneumonia")[0])])),
        ("abx for the pneumonia", "drug_class",
         lambda: ans(c.meds("ceftriaxone", "azithromycin"), meds_facts(c.meds("ceftriaxone", "azithromycin")), "all")),
        ("how many er visits", "count", lambda: ans(eds, [str(len(eds))], "all")),
        ("reason for last er visit", "visit_reason",
         lambda: ans([eds[-1]], [bare(text_of(eds[-1]["reasonCode"][0])), when(eds[-1])])),
        ("steroids this yr", "drug_class", lambda: ans(since(pred, "2025-01-01"), ["prednisone"])),
        ("sulfa allergy?", "allergy", lambda: ans(c.allergies("sulfonamide"), ["Sulfonamide"])),
        ("tsh normal", "normal_check",
         lambda: ans([last(ob("tsh"))], [val(last(ob("tsh"))), when(last(ob("tsh"))), interp(last(ob("tsh")))])),
        ("zofran ever", "brand_name", lambda: ans(c.meds("ondansetron"), ["ondansetron"])),
        ("what does she take for migraines", "why_med",
         lambda: ans([r for r in c.meds(status="active") if "Migraine" in json.dumps(r.get("reasonCode"))],
                     ["sumatriptan", "ibuprofen"], "all")),
        ("last phq9 and is she still on sertaline", "two_part",
         lambda: ans([last(ob("phq9")), c.meds("sertraline")[0]], [val(last(ob("phq9"))), "sertraline"], "all")),
        # not in this chart
        ("is she on a statin", "absent", lambda: absent("statin")),
        ("any blood thinners", "absent", lambda: absent(*ANTICOAG)),
        ("hx of diabetis", "absent", lambda: absent("diabet")),
        ("last mammogram", "absent", lambda: absent("mammo")),
        ("bp meds", "absent", lambda: absent(*NO_BPMEDS)),
        ("a1c trend", "absent", lambda: absent("a1c", "4548-4", "glycated")),
    ]


def q_t1(c: Chart):
    def ob(k):
        return c.obs(LOINC[k])

    apix = c.meds("apixaban")
    adms = c.encs("IMP")
    stone = next(e for e in c.encs("EMER") if "Kidney stone" in json.dumps(e["reasonCode"]))
    stone_meds = [r for r in c.of("MedicationRequest") if r.get("encounter", {}).get("reference") == f"urn:uuid:{stone['id']}"]
    mri = c.procs("magnetic resonance")
    return [
        ("is he on insulin", "drug_class", lambda: ans(c.meds("humalog", "insulin", status="active"), ["Humalog"])),
        ("insulin pump?", "device", lambda: ans(c.devs("insulin pump"), ["Insulin pump"])),
        ("hx MS", "abbreviation",
         lambda: ans(c.conds("multiple sclerosis"), ["Multiple sclerosis", when(c.conds("multiple sclerosis")[0])])),
        ("what's he on for his MS", "abbreviation", lambda: ans(c.meds("dimethyl fumarate"), ["dimethyl fumarate"])),
        ("hx of PE", "abbreviation",
         lambda: ans(c.conds("pulmonary embolism"), ["Pulmonary embolism", when(c.conds("pulmonary embolism")[0])])),
        ("is he still on the apixiban", "typo", lambda: ans(apix, ["apixaban", apix[0]["status"]])),
        ("how long was he anticoagulated for the PE", "stopped_meds",
         lambda: ans(apix, [when(apix[0]), apix[0]["dispenseRequest"]["validityPeriod"]["end"]])),
        ("is he on levothyroxin", "typo", lambda: ans(c.meds("synthroid"), ["Synthroid"])),
        ("has his tsh been creeping up", "trend_words", lambda: ans(ob("tsh"), [val(ob("tsh")[0]), val(ob("tsh")[-1])], "all")),
        ("last tsh normal?", "normal_check",
         lambda: ans([last(ob("tsh"))], [val(last(ob("tsh"))), when(last(ob("tsh"))), interp(last(ob("tsh")))])),
        ("Ca last", "abbreviation", lambda: ans([last(ob("ca"))], [val(last(ob("ca"))), when(last(ob("ca")))])),
        ("vit d trend", "trend_words", lambda: ans(ob("vitd"), [val(r) for r in ob("vitd")], "all")),
        ("a1c early 2020", "value_near_date",
         lambda: ans([closest(ob("a1c"), "2020-02-15")],
                     [val(closest(ob("a1c"), "2020-02-15")), when(closest(ob("a1c"), "2020-02-15"))])),
        ("kidney stone er visit what did they give him", "encounter_meds",
         lambda: ans(stone_meds, meds_facts(stone_meds), "all")),
        ("last mri brain", "last_procedure", lambda: ans([last(mri)], [when(last(mri))])),
        ("pe admission came thru ed?", "admit_source", lambda: ans([adms[1]], ["emergency"])),
        ("2016 admission referral or er", "admit_source", lambda: ans([adms[0]], ["referral"])),
        ("latex allergy", "allergy", lambda: ans(c.allergies("latex"), ["latex"])),
        ("is he on a cgm", "device", lambda: ans(c.devs("glucose monitoring"), ["Continuous glucose monitoring"])),
        ("active meds", "current_meds", lambda: ans(c.meds(status="active"), meds_facts(c.meds(status="active")), "all")),
        ("flomax after the stone", "brand_name", lambda: ans(c.meds("tamsulosin"), ["tamsulosin"])),
        ("last a1c and still on the pump", "two_part",
         lambda: ans([last(ob("a1c")), *c.devs("insulin pump")], [val(last(ob("a1c"))), when(last(ob("a1c"))), "Insulin pump"],
                     "all")),
        # not in this chart
        ("is he on a statin", "absent", lambda: absent("statin")),
        ("any cancer", "absent", lambda: absent(*NO_CANCER)),
        ("does he have an icd", "absent", lambda: absent("defibrillator", "cardioverter")),
        ("last colonoscopy", "absent", lambda: absent("colonoscopy")),
        ("hx of dvt", "absent", lambda: absent("dvt", "deep vein", "venous thrombosis")),
        ("ldl last", "absent", lambda: absent("ldl", "cholesterol", "13457-7")),
    ]


def q_onc(c: Chart):
    def ob(k):
        return c.obs(LOINC[k])

    adms = c.encs("IMP")
    hipadm = adms[0]
    synadm = adms[1]
    na_syn = [r for r in ob("na") if when(r) >= when(synadm)]
    zoster = c.imms("187", "121")
    osteo_now = [r for r in c.meds(status="active") if "Osteoporosis" in json.dumps(r.get("reasonCode"))]
    return [
        ("hx breast ca", "abbreviation",
         lambda: ans(c.conds("breast"), [bare(text_of(c.conds("breast")[0]["code"])), when(c.conds("breast")[0])])),
        ("is she on a ca supplement", "abbreviation", lambda: ans(c.meds("calcium"), ["calcium carbonate"])),
        ("Ca level last", "abbreviation", lambda: ans([last(ob("ca"))], [val(last(ob("ca"))), when(last(ob("ca")))])),
        ("is she still on fosamax", "still_taking",
         lambda: ans(c.meds("alendronate"), ["alendronate", c.meds("alendronate")[0]["status"]])),
        ("osteoporosis meds now", "drug_class", lambda: ans(osteo_now, meds_facts(osteo_now), "all")),
        ("how long was she on letrozole", "ever_med",
         lambda: ans(c.meds("letrozole"),
                     [when(c.meds("letrozole")[0]), c.meds("letrozole")[0]["dispenseRequest"]["validityPeriod"]["end"]])),
        ("last mamogram", "typo", lambda: ans([last(c.procs("mammography"))], [when(last(c.procs("mammography")))])),
        ("bone density getting worse?", "trend_words",
         lambda: ans(ob("tscore"), [val(ob("tscore")[0]), val(ob("tscore")[-1])], "all")),
        ("how did she come in for the hip fracture", "admit_source", lambda: ans([hipadm], ["transfer"])),
        ("hip replacement when", "last_procedure",
         lambda: ans(c.procs("replacement of hip"), [when(c.procs("replacement of hip")[0])])),
        ("what devices does she have", "device", lambda: ans(c.of("Device"), ["hip", "Hearing aid"], "all")),
        ("hgb since the hip fracture admission", "trend_words",
         lambda: ans(since(ob("hgb"), when(hipadm)), [val(extreme(since(ob("hgb"), when(hipadm)), False)), val(last(ob("hgb")))],
                     "all")),
        ("why was she admitted this march", "visit_reason",
         lambda: ans([synadm], [bare(text_of(synadm["reasonCode"][0])), when(synadm)])),
        ("last cataract surgery", "last_procedure", lambda: ans([last(c.procs("cataract"))], [when(last(c.procs("cataract")))])),
        ("how many covid shots", "count", lambda: ans(c.imms("208", "207"), [str(len(c.imms("208", "207")))], "all")),
        ("last shingels shot", "typo", lambda: ans([last(zoster)], [when(last(zoster))])),
        ("tetanus booster last", "last_vaccine",
         lambda: ans([last(c.imms("113", "115", "09"))], [when(last(c.imms("113", "115", "09")))])),
        ("is she on a ppi", "drug_class", lambda: ans(c.meds("omeprazole", "pantoprazole", status="active"), ["omeprazole"])),
        ("codeine ok?", "allergy", lambda: ans(c.allergies("codeine"), ["codeine"])),
        ("current meds", "current_meds", lambda: ans(c.meds(status="active"), meds_facts(c.meds(status="active")), "all")),
        ("osteoperosis dx when", "typo", lambda: ans(c.conds("osteoporosis"), [when(c.conds("osteoporosis")[0])])),
        ("na at the syncope admission", "value_near_date", lambda: ans(na_syn[:1], [val(na_syn[0]), when(na_syn[0])])),
        ("last dexa and t score", "two_part",
         lambda: ans([last(c.procs("bone density")), last(ob("tscore"))],
                     [when(last(c.procs("bone density"))), val(last(ob("tscore")))], "all")),
        # not in this chart
        ("any afib", "absent", lambda: absent("atrial fibrillation", "afib", "a-fib")),
        ("hx of RA", "absent", lambda: absent("rheumatoid")),
        ("last a1c", "absent", lambda: absent("a1c", "4548-4", "glycated")),
        ("does she have a pacemaker", "absent", lambda: absent("pacemaker", "pacer")),
        ("is she on metformin", "absent", lambda: absent("metformin")),
        ("copd?", "absent",
         lambda: absent("copd", "obstructive lung", "obstructive airway", "obstructive pulmonary", "emphysema")),
    ]


ARCH = [q_af, q_dm, q_hf, q_asthma, q_t1, q_onc]
TAGS = ["af", "dm", "hf", "as", "t1", "onc"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundles", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.bundles, "blind1_*_*.json")),
                   key=lambda p: int(os.path.basename(p).split("_")[1]))
    rows = []
    for path in files:
        n = int(os.path.basename(path).split("_")[1])
        if n > len(ARCH):
            continue
        c = Chart(path)
        for k, (q, kind, fn) in enumerate(ARCH[n - 1](c), 1):
            spec = fn()
            row = {"id": f"blind1-{TAGS[n - 1]}-{k:02d}", "patient_id": c.pid, "question": q, "kind": kind, "now": NOW}
            if "absent" in spec:
                hits = [t for t in spec["absent"] if t in c.blob]
                assert not hits, (q, hits)
                row.update(expect="abstain", gold_ids=[], gold_match="any", answer_facts=[])
            else:
                gold = spec["gold"]
                for r in gold:
                    assert r in c.res
                    if r["resourceType"] == "MedicationRequest" and kind == "current_meds":
                        assert r["status"] == "active"
                ids = list(dict.fromkeys(rid(r) for r in gold))
                facts = list(dict.fromkeys(str(f) for f in spec["facts"]))
                assert all(facts), (q, facts)
                row.update(expect="answer", gold_ids=ids, gold_match=spec["match"], answer_facts=facts)
            rows.append(row)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(len(rows), "questions;", sum(r["expect"] == "abstain" for r in rows), "abstain;", dict(sorted(kinds.items())))


if __name__ == "__main__":
    main()

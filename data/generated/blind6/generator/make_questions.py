#!/usr/bin/env python3
"""Build questions.jsonl for blind6 from the raw FHIR files (stdlib only).

Gold evidence ids and expected facts are computed by querying the generated raw JSON
(codes, dates, statuses), never typed in by hand. Question text is clinician shorthand
written independently of the chart's display names.
Also writes abstain_concepts.json: for each abstain question, the concept strings that
must be absent from that patient's whole chart (checked by verify.py).
"""
import json
import os
import random
from datetime import date

from chartlib import HERE, load, rdate, note_text

NOW = {1: "2025-05-20", 2: "2025-06-15", 3: "2025-04-30", 4: "2025-02-01", 5: "2025-03-31", 6: "2025-07-10"}

ANTICOAG = ["warfarin", "apixaban", "rivaroxaban", "dabigatran", "edoxaban", "enoxaparin", "heparin", "fondaparinux"]
ANTIPLT = ["aspirin", "clopidogrel", "prasugrel", "ticagrelor"]
DIURETIC = ["furosemide", "spironolactone", "hydrochlorothiazide", "torsemide", "bumetanide", "chlorthalidone", "metolazone", "eplerenone"]
ABX = ["cephalexin", "amoxicillin", "ceftriaxone", "azithromycin", "doxycycline", "ciprofloxacin", "nitrofurantoin", "cefazolin",
       "sulfamethoxazole", "penicillin", "piperacillin", "cefotaxime", "levofloxacin", "clindamycin", "vancomycin", "metronidazole"]
ART = ["bictegravir", "dolutegravir", "efavirenz", "emtricitabine", "tenofovir", "raltegravir", "darunavir", "rilpivirine"]
ANTIDEP = ["sertraline", "escitalopram", "citalopram", "fluoxetine", "paroxetine", "duloxetine", "venlafaxine", "bupropion", "mirtazapine"]
PDMED = ["carbidopa", "levodopa", "pramipexole", "ropinirole", "rasagiline", "selegiline", "amantadine", "entacapone"]
IMMSUP = ["mycophenolate", "belimumab", "azathioprine", "tacrolimus", "cyclophosphamide", "methotrexate", "voclosporin", "rituximab", "prednisone"]
BETAB = ["metoprolol", "carvedilol", "propranolol", "nadolol", "atenolol", "bisoprolol", "labetalol"]
SGLT2 = ["dapagliflozin", "empagliflozin", "canagliflozin", "ertugliflozin"]
ACEI = ["lisinopril", "enalapril", "ramipril", "captopril", "benazepril", "quinapril"]
FLU = {"135", "197", "150", "140", "141", "158", "185", "171"}
COVID = {"207", "208", "212", "229", "300"}
HEPB = {"43", "189", "08", "44", "45"}
HEPA = {"52", "83"}
PNEUMO = {"33", "133", "216"}


def d10(r):
    return rdate(r)[:10]


def fmt(v):
    return json.dumps(v)


class PX:
    """Query helper over one patient's resources."""

    def __init__(self, n, chart):
        self.n, self.chart, self.res = n, chart, chart["res"]

    def t(self, rtype):
        return [r for r in self.res if r["resourceType"] == rtype]

    def patient(self):
        return self.t("Patient")[0]

    # medications
    def meds(self, names, status=None, start=None, end=None):
        out = []
        for r in self.t("MedicationRequest"):
            disp = r["medicationCodeableConcept"]["text"].lower()
            if not any(nm in disp for nm in names):
                continue
            if status and r["status"] not in status:
                continue
            if start and d10(r) < start:
                continue
            if end and d10(r) > end:
                continue
            out.append(r)
        return sorted(out, key=rdate)

    # observations by LOINC
    def obs(self, code, start=None, end=None, strict_after=None):
        out = []
        for r in self.t("Observation"):
            if r["code"]["coding"][0]["code"] != code:
                continue
            d = d10(r)
            if start and d < start:
                continue
            if end and d > end:
                continue
            if strict_after and d <= strict_after:
                continue
            out.append(r)
        return sorted(out, key=rdate)

    def conds(self, *names):
        return sorted([r for r in self.t("Condition") if any(nm.lower() in r["code"]["text"].lower() for nm in names)], key=rdate)

    def procs(self, *names):
        return sorted([r for r in self.t("Procedure") if any(nm.lower() in r["code"]["text"].lower() for nm in names)], key=rdate)

    def imms(self, codes, status="completed"):
        return sorted([r for r in self.t("Immunization") if r["vaccineCode"]["coding"][0]["code"] in codes
                       and (status is None or r["status"] == status)], key=rdate)

    def encs(self, cls, start=None, reason=None):
        out = []
        for r in self.t("Encounter"):
            if r["class"]["code"] != cls:
                continue
            if start and not d10(r).startswith(start):
                continue
            if reason and not any(reason.lower() in rc["text"].lower() for rc in r.get("reasonCode", [])):
                continue
            out.append(r)
        return sorted(out, key=rdate)

    def notes(self, contains, kind=None):
        out = []
        for r in self.t("DocumentReference"):
            if contains.lower() in note_text(r).lower() and (kind is None or r["type"]["coding"][0]["code"] == kind):
                out.append(r)
        return sorted(out, key=rdate)

    def reports(self, name, date=None):
        return sorted([r for r in self.t("DiagnosticReport") if name.lower() in r["code"]["text"].lower()
                       and (date is None or d10(r).startswith(date))], key=rdate)

    def devices(self, name):
        devs = [r for r in self.t("Device") if name.lower() in r["type"]["text"].lower()]
        ids = {d["id"] for d in devs}
        dus = [r for r in self.t("DeviceUseStatement") if r["device"]["reference"].split("/")[-1].split(":")[-1] in ids]
        return devs + dus

    def allergies(self, *names):
        return [r for r in self.t("AllergyIntolerance") if not names or any(nm.lower() in r["code"]["text"].lower() for nm in names)]

    def family(self, rel):
        return [r for r in self.t("FamilyMemberHistory") if r["relationship"]["coding"][0]["code"] == rel]

    def goals(self, addresses_text):
        return [r for r in self.t("Goal") if any(addresses_text.lower() in a.get("display", "").lower() for a in r.get("addresses", []))]

    def careplans(self, title):
        return [r for r in self.t("CarePlan") if title.lower() in r["title"].lower()]


def val(o):
    return fmt(o["valueQuantity"]["value"])


def bpv(o):
    return [fmt(c["valueQuantity"]["value"]) for c in o["component"]]


def first_word(r):
    return r["medicationCodeableConcept"]["text"].split()[0].rstrip(",")


QS = []


def ans(n, text, kind, gold, facts, match="all"):
    assert gold, (n, text)
    assert facts, (n, text)
    QS.append({"n": n, "question": text, "kind": kind, "expect": "answer", "gold": gold, "match": match,
               "facts": [str(f) for f in facts]})


def abst(n, text, kind, terms):
    QS.append({"n": n, "question": text, "kind": kind, "expect": "abstain", "gold": [], "match": "all", "facts": [],
               "terms": terms})


def uniq(seq):
    out = []
    for s in seq:
        if s not in out:
            out.append(s)
    return out


def build(C):
    # ------------------------------------------------------------------ patient 1
    p = PX(1, C[1])
    g = p.meds(ANTICOAG, status=("active",))
    ans(1, "is he anticoagulated rn, on what", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(ANTIPLT, status=("active",))
    ans(1, "which antiplatelet is pt on", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(["warfarin"])
    ans(1, "why was he taken off coumadin", "med_stopped_why", g, ["Labile INR"])
    w = p.meds(["warfarin"])[0]
    g = p.obs("6301-6", start=d10(w), end=w["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"])
    ans(1, "inr values while on warfrin pls", "lab_trend", g, uniq(val(o) for o in g))
    g = p.meds(["spironolactone"])
    ans(1, "reason aldactine was dc'd", "med_stopped_why", g, ["Hyperkalemia"])
    adm = p.encs("IMP", start="2022-01")[0]
    g = p.obs("2160-0", start=d10(adm))
    ans(1, "creat trend since the jan 2022 admission", "lab_trend", g, [val(o) for o in g])
    g = p.obs("2823-3")[-1:]
    ans(1, "latest k", "lab_latest", g, [val(g[0]), d10(g[0])])
    ks = p.obs("2823-3")
    top = max(ks, key=lambda o: o["valueQuantity"]["value"])
    ans(1, "worst potassium hes had and when", "lab_abnormal", [top], [val(top), d10(top)])
    g = p.obs("33762-6", start="2024-02-01", end="2024-02-29")
    ans(1, "bnp circa feb 2024", "lab_at_time", g, [val(g[0])])
    g = p.obs("10230-1")
    ans(1, "ef on each echo", "lab_trend", g, [val(o) for o in g])
    g = p.devices("defibrillator")
    ans(1, "does he have an icd or pacer, when was it put in", "device", g, ["defibrillator", "2020-09-16"], match="any")
    g = p.devices("stent") + p.procs("Percutaneous coronary intervention")
    ans(1, "any cardiac stents? when", "device", g, ["stent", d10(p.procs("Percutaneous coronary")[0])], match="any")
    g = p.encs("IMP", start="2024-02")
    ans(1, "where did he go after the feb 2024 hospitalization", "discharge_dispo", g, ["Skilled nursing facility"])
    g = p.encs("IMP")
    ans(1, "how many times has he been admitted", "encounter_count", g, [d10(e) for e in g])
    g = p.imms(FLU)[-1:]
    ans(1, "when was his last flu shot", "immunization_last", g, [d10(g[0])])
    g = p.imms({"187"})
    ans(1, "did he finish the shingrex series", "immunization_series", g, [d10(r) for r in g])
    g = p.allergies("Shellfish")
    ans(1, "what happens w shellfish", "allergy_reaction", g, ["Anaphylaxis"])
    g = p.conds("Atrial fibrillation")
    ans(1, "when was afib first dx'd", "condition_onset", g, [d10(g[0])])
    g = p.procs("cardioversion")
    ans(1, "when was he cardioverted and did it work", "two_part", g, [d10(g[0]), "sinus rhythm"])
    g = p.notes("DNR")
    ans(1, "code status?", "note_fact", g, ["DNR"], match="any")
    g = p.meds(["levothyroxine"]) + p.conds("Hypothyroidism")
    ans(1, "why is he on synthroid", "med_why", g, ["Hypothyroidism"], match="any")
    g = p.reports("XR Chest", date="2024-02")
    ans(1, "cxr from the feb 2024 admit what did it show", "imaging_result", g, ["Cardiomegaly", "pleural effusions"])
    g = p.meds(["amiodarone"])
    ans(1, "still on amiodarne? if not why stopped", "two_part", g, ["Hypothyroidism", g[0]["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]])
    g = p.obs("85354-9")[-1:]
    ans(1, "bp at last visit", "bp", g, bpv(g[0]))
    three_yrs = str(int(NOW[1][:4]) - 3) + NOW[1][4:]
    g = p.meds(ABX, start=three_yrs)
    ans(1, "any abx in the last 3 yrs", "med_in_window", g, [first_word(r) for r in g])
    g = p.meds(ACEI)
    ans(1, "was he ever on an ace inhibitor", "med_ever", g, [first_word(r) for r in g], match="any")
    g = [r for r in p.t("Condition") if r["code"]["coding"][0]["code"] in ("703272007", "49436004", "53741008", "401303003")]
    ans(1, "list his cardiac dx", "condition_group", g, ["Heart failure", "Atrial fibrillation", "Coronary arteriosclerosis", "myocardial infarction"])
    g = p.obs("29463-7")[-1:]
    ans(1, "last weight", "vital_latest", g, [val(g[0]), d10(g[0])])
    abst(1, "is he on insulin", "med_active_class", ["insulin"])
    abst(1, "hx of copd or asthma?", "condition_has", ["copd", "chronic obstructive", "asthma"])
    abst(1, "does he use cpap at night", "device", ["cpap", "continuous positive airway", "sleep apnea"])
    abst(1, "date of last colonoscopy", "procedure_date", ["colonoscopy"])
    abst(1, "when did he get his last hep b shot", "immunization_last", ["hep b", "hepatitis b"])
    abst(1, "any seizures? is he on keppra", "two_part", ["seizure", "levetiracetam"])

    # ------------------------------------------------------------------ patient 2
    p = PX(2, C[2])
    g = p.allergies()
    ans(2, "allergies?", "allergy", g, ["No known allergy"])
    g = p.conds("pre-eclampsia")
    ans(2, "hx of pre-e? when", "condition_has", g, [d10(r) for r in g])
    asa = p.meds(["aspirin"])
    g = asa + p.conds("pre-eclampsia")[:1]
    ans(2, "why was she on baby aspirin in the 2nd pregnancy", "med_why", g, ["pre-eclampsia"], match="any")
    g = p.meds(ANTIDEP, status=("active",))
    ans(2, "what antidepressant is she on and what dose", "med_active_class", g, [first_word(g[0]), "100"])
    start = d10(p.meds(["sertraline"])[0])
    g = p.obs("44261-6", start=start)
    ans(2, "phq9 scores since starting zoloft", "lab_trend", g, [val(o) for o in g])
    g = p.meds(["ferrous"])
    ans(2, "why did she stop the iron pills", "med_stopped_why", g, ["Constipation"])
    g = p.obs("718-7", start="2024-01-01")
    ans(2, "hgb since jan 2024", "lab_trend", g, [val(o) for o in g])
    dl = d10(p.procs("Cesarean")[-1])
    lo = min(p.obs("718-7", start=dl), key=lambda o: o["valueQuantity"]["value"])
    ans(2, "lowest hemoglobin after the 2024 delivery", "lab_abnormal", [lo], [val(lo), d10(lo)])
    g = p.conds("Gestational diabetes")
    ans(2, "when was she dx'd w gestational diabetis", "condition_onset", g, [d10(g[0])])
    g = p.meds(["insulin"])
    ans(2, "did she need insulin for the gdm", "med_ever", g, ["insulin", d10(g[0])])
    g = p.obs("20436-2")
    ans(2, "postpartum gtt normal?", "lab_normal", g, [val(g[0])])
    g = p.procs("Cesarean")
    ans(2, "dates of her c sections", "procedure_date", g, [d10(r) for r in g])
    g = p.devices("Intrauterine") + p.procs("intrauterine")
    ans(2, "does she have an iud, when placed", "device", g, [d10(p.procs("intrauterine")[0])], match="any")
    g = p.encs("IMP", start="2020-03")
    ans(2, "how did she come in for the first delivery", "admission_source", g, ["emergency department"])
    g = p.encs("IMP", start="2024-03-20") + p.conds("pre-eclampsia")[-1:]
    ans(2, "why was she readmitted after the baby came", "encounter_reason", g, ["pre-eclampsia"], match="any")
    bps = p.obs("85354-9", start=dl)
    top = max(bps, key=lambda o: o["component"][0]["valueQuantity"]["value"])
    ans(2, "highest bp postpartum 2024", "bp", [top], bpv(top) + [d10(top)])
    g = p.meds(["nifedipine"])
    ans(2, "is she still on procardia", "med_stopped_why", g, ["nifedipine", g[0]["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]])
    g = p.imms({"115"})
    ans(2, "tdap w each pregnancy?", "immunization_series", g, [d10(r) for r in g])
    g = p.notes("dental hygienist")
    ans(2, "what does she do for work", "note_fact", g, ["dental hygienist"], match="any")
    g = p.notes("3210 g")
    ans(2, "birth weight of the 2024 baby", "note_fact", g, ["3210 g"])
    g = p.family("MTH")
    ans(2, "fam hx diabetes", "family_history", g, ["mother", "Diabetes"])
    g = p.goals("Gestational diabetes")
    ans(2, "what were her sugar targets in pregnancy", "careplan_goal", g, ["95", "140"])
    g = [r for r in p.meds(["inhal"], status=("active",))]
    ans(2, "what inhalors does she use", "med_active_class", g, [first_word(r) if not first_word(r)[0].isdigit() else r["medicationCodeableConcept"]["text"].split()[2] for r in g])
    g = p.obs("777-3", start="2020-03-28", end="2020-03-28")
    ans(2, "platelets when she had pre-e the first time", "lab_at_time", g, [val(g[0])])
    g = p.meds(["nitrofurantoin"])
    ans(2, "what abx did she get for the uti in pregnancy, how long", "two_part", g, ["nitrofurantoin", "5 days"])
    bday = "2024-04-03"
    bps = p.obs("85354-9", start="2024-01-01", end="2024-12-31")
    near = min(bps, key=lambda o: abs((date.fromisoformat(d10(o)) - date.fromisoformat(bday)).days))
    ans(2, "bp closest to her bday last yr", "vital_at_time", [near], bpv(near) + [d10(near)])
    abst(2, "hiv status?", "lab_latest", ["hiv", "human immunodeficiency"])
    abst(2, "is she on synthroid", "med_active_class", ["levothyroxine"])
    abst(2, "was she on lovenox after the c section", "med_ever", ["enoxaparin", "heparin"])
    abst(2, "any hx of dvt or pe", "condition_has", ["thrombosis", "embolism", "dvt"])
    abst(2, "when was her last pap", "procedure_date", ["pap", "cervical cytology"])
    abst(2, "hep c ab result", "lab_latest", ["hepatitis c"])
    abst(2, "did she get the shingles vaccine", "immunization_series", ["zoster", "shingles"])

    # ------------------------------------------------------------------ patient 3
    p = PX(3, C[3])
    g = p.meds(ART, status=("active",))
    ans(3, "current art regimen", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(["efavirenz"])
    ans(3, "why was he switched off atripla", "med_stopped_why", g, ["Vivid dreams"])
    g = p.obs("24467-3")[-1:]
    ans(3, "latest cd4", "lab_latest", g, [val(g[0]), d10(g[0])])
    g = p.obs("24467-3")[:1]
    ans(3, "cd4 at dx", "lab_first", g, [val(g[0]), d10(g[0])])
    three_yrs = str(int(NOW[3][:4]) - 3) + NOW[3][4:]
    g = p.obs("20447-9", start=three_yrs)
    blip = [o for o in g if "comparator" not in o["valueQuantity"]]
    ans(3, "viral loads over the last 3 yrs", "lab_trend", g, [val(o) for o in blip] + [d10(o) for o in g])
    g = p.imms(HEPB)
    ans(3, "which hep b vaccine doses has he had", "immunization_series", g, [d10(r) for r in g])
    g = p.imms(FLU, status="not-done")
    ans(3, "did he get a flu shot in fall 2019", "immunization_not_done", g, ["Declined"])
    tx = d10(p.meds(["penicillin"])[0])
    g = p.obs("31147-2", strict_after=tx)
    ans(3, "rpr titers since syphilis tx", "lab_trend", g, [o["valueString"] for o in g])
    g = p.meds(["penicillin"])
    ans(3, "what was the syphilis treated with", "med_ever", g, ["penicillin G benzathine"])
    g = p.meds(["sulfamethoxazole"])
    ans(3, "why was bactrim stopped", "med_stopped_why", g, ["CD4"])
    g = p.meds(ANTIDEP, status=("active",))
    ans(3, "is he on an antidepressant", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(["escitalopram"])
    ans(3, "why'd he come off lexipro", "med_stopped_why", g, ["Sexual dysfunction"])
    g = p.encs("IMP", start="2021-12") + p.conds("Pneumonia")
    ans(3, "why was he admitted dec 2021", "encounter_reason", g, ["Pneumonia"], match="any")
    g = p.reports("XR Chest", date="2021-12")
    ans(3, "cxr findings w the pneumonia", "imaging_result", g, ["Right lower lobe consolidation"])
    g = p.procs("Colonoscopy") + p.reports("Surgical pathology")
    ans(3, "colonscopy results", "procedure_result", g, ["tubular adenoma"], match="any")
    g = p.family("FTH")
    ans(3, "fhx of colon ca", "family_history", g, ["father", "colon"])
    g = p.meds(["semaglutide"], status=("active",))
    ans(3, "is he on ozempik", "med_active", g, ["semaglutide"])
    g = p.obs("29463-7", start=d10(p.meds(["semaglutide"])[0]))
    ans(3, "weight since starting semaglutide", "vital_trend", g, [val(o) for o in g])
    g = p.obs("72166-2")[-1:]
    ans(3, "does he still smoke", "social_history", g, ["Ex-smoker"])
    g = p.allergies()
    ans(3, "allergies?", "allergy", g, ["Peanut", "efavirenz"])
    g = p.notes("HLA-B*5701")
    ans(3, "hla b5701 status", "note_fact", g, ["HLA-B*5701 negative"])
    g = p.reports("Anal cytology")
    ans(3, "anal pap result", "procedure_result", g, ["LSIL"])
    g = p.imms(PNEUMO)
    ans(3, "pneumonia vaccines hes had", "immunization_series", g, [d10(r) for r in g])
    g = p.obs("18262-6", start=NOW[3][:4] + "-03-01", end=NOW[3][:4] + "-05-31")
    ans(3, "ldl this spring, at goal?", "lab_at_time", g, [val(g[0])])
    g = [p.patient()]
    ans(3, "pt dob / age", "demographics", g, [p.patient()["birthDate"]])
    abst(3, "does he use a cpap", "device", ["cpap", "continuous positive airway", "sleep apnea"])
    abst(3, "is he on a blood thinner", "med_active_class", ANTICOAG + ANTIPLT)
    abst(3, "does he have a pacemaker or icd", "device", ["pacemaker", "defibrillator", "cardioverter"])
    abst(3, "last tb test / quantiferon result", "lab_latest", ["tuberculosis", "quantiferon", "interferon gamma"])
    abst(3, "latest inr", "lab_latest", ["inr"])
    abst(3, "any echo done? ef?", "imaging_result", ["echocardiograph", "ejection fraction"])
    abst(3, "is he on methadone or suboxen", "med_active_class", ["methadone", "buprenorphine"])

    # ------------------------------------------------------------------ patient 4
    p = PX(4, C[4])
    g = [p.patient()] + p.obs("69453-9")
    ans(4, "when did she die and what was the cause", "death", g, [p.patient()["deceasedDateTime"][:10], "Aspiration pneumonia"])
    g = p.meds(PDMED, status=("active",))
    ans(4, "what was she taking for her parkinsons", "med_active_class", g, uniq(first_word(r) for r in g))
    g = p.meds(["pramipexole"])
    ans(4, "why was mirapex stopped", "med_stopped_why", g, ["Visual hallucinations"])
    g = p.meds(["alendron"])
    ans(4, "why did she come off fosamax", "med_stopped_why", g, ["Dysphagia"])
    g = p.meds(["denosumab"])
    ans(4, "was she on prolia, since when", "med_active", g, ["denosumab", d10(g[0])])
    g = p.obs("38267-6")
    ans(4, "dexa t scores", "lab_trend", g, [val(o) for o in g])
    g = [r for r in p.conds("Parkinson") if r["code"]["coding"][0]["code"] == "49049000"]
    ans(4, "when was she dx w parkinsons", "condition_onset", g, [d10(g[0])])
    g = p.procs("replacement of hip")
    ans(4, "hip surgery date and which side", "two_part", g, [d10(g[0]), "Left"])
    g = p.encs("IMP", start="2022-01")
    ans(4, "where did she go after the hip fx admission", "discharge_dispo", g, ["Skilled nursing facility"])
    g = p.encs("IMP", start="2024-12")
    ans(4, "where was she admitted from in dec 2024", "admission_source", g, ["nursing home"])
    surg = d10(p.procs("replacement of hip")[0])
    post = p.obs("718-7", start=surg, end="2022-03-31")
    lo = min(post, key=lambda o: o["valueQuantity"]["value"])
    ans(4, "lowest hgb post op", "lab_abnormal", [lo], [val(lo), d10(lo)])
    g = p.meds(["tramadol"])
    ans(4, "why was tramadol dcd", "med_stopped_why", g, ["Confusion"])
    g = p.devices("Hearing aid")
    ans(4, "does she wear hearing aids", "device", g, ["Hearing aid"], match="any")
    g = p.imms({"187"})
    ans(4, "did she get both shingrix doses", "immunization_series", g, [d10(r) for r in g])
    last_fall = str(int(NOW[4][:4]) - 1)
    g = [r for r in p.imms(FLU) if d10(r) >= last_fall + "-09-01" and d10(r) <= last_fall + "-11-30"]
    ans(4, "did she get her flu shot last fall", "immunization_last", g, [d10(g[0])])
    g = p.notes("health care proxy")
    ans(4, "who was her hcp", "note_fact", g, ["Ruth"], match="any")
    g = p.notes("comfort measures only", kind="11506-3")
    ans(4, "code status at the end", "note_fact", g, ["DNR/DNI", "comfort measures only"])
    g = p.obs("1989-3")
    ans(4, "vitamn d levels", "lab_trend", g, [val(o) for o in g])
    g = p.encs("EMER", reason="Falls")
    ans(4, "how many er visits for falls", "encounter_count", g, [d10(e) for e in g])
    g = p.reports("CT Head", date="2023-06")
    ans(4, "ct head after the june 2023 fall", "imaging_result", g, ["No acute intracranial hemorrhage"])
    g = p.allergies()
    ans(4, "allergies", "allergy", g, ["Codeine", "Latex"])
    g = p.meds(["midodrine"]) + p.conds("Orthostatic hypotension")
    ans(4, "why midodrin", "med_why", g, ["Orthostatic hypotension"], match="any")
    g = p.meds(["fludrocortisone"])
    ans(4, "florinef why stopped", "med_stopped_why", g, ["Ankle edema"])
    g = p.careplans("Fall prevention")
    ans(4, "fall prevention plan?", "careplan_goal", g, ["walker"])
    g = p.meds(["morphine"])
    ans(4, "was she given ms at the end", "med_ever", g, ["morphine"])
    g = [r for r in p.t("Procedure") if d10(r).startswith("2022")]
    ans(4, "what procedures did she have in 2022", "procedure_in_window", g, ["replacement of hip", "Transfusion"] + [d10(r) for r in g])
    abst(4, "was she ever on warfarin or eliquis", "med_ever", ["warfarin", "apixaban"])
    abst(4, "was she diabetic, last a1c", "two_part", ["diabetes", "a1c", "hemoglobin a1c"])
    abst(4, "did she get the rsv vaccine", "immunization_last", ["rsv", "respiratory syncytial"])
    abst(4, "any hx of afib", "condition_has", ["atrial fibrillation", "afib"])
    abst(4, "did she ever have a dbs placed", "device", ["deep brain", "stimulator"])
    abst(4, "last ldl", "lab_latest", ["ldl", "cholesterol"])
    abst(4, "was she on an ssri for mood", "med_ever", ["sertraline", "escitalopram", "citalopram", "fluoxetine", "paroxetine", "fluvoxamine"])

    # ------------------------------------------------------------------ patient 5
    p = PX(5, C[5])
    g = p.meds(IMMSUP, status=("active",))
    ans(5, "what immunosupressants is she on", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(["hydroxychloroquine"], status=("active",))
    ans(5, "still on plaquenel?", "med_active", g, ["hydroxychloroquine"])
    g = p.meds(["prednisone"], status=("stopped",))
    ans(5, "when did she come off prednisone", "med_stopped", g, [g[-1]["dosageInstruction"][0]["timing"]["repeat"]["boundsPeriod"]["end"]])
    g = p.meds(["methylprednisolone"])
    ans(5, "did she get pulse steroids", "med_ever", g, ["methylprednisolone", d10(g[0])])
    bx = d10(p.procs("Biopsy of kidney")[0])
    g = p.obs("2890-2", strict_after=bx)
    ans(5, "upcr since the biopsy", "lab_trend", g, [val(o) for o in g])
    g = p.obs("5130-0")[-1:]
    ans(5, "latest dsdna", "lab_latest", g, [val(g[0]), d10(g[0])])
    top = max(p.obs("5130-0"), key=lambda o: o["valueQuantity"]["value"])
    ans(5, "highest ds dna and when", "lab_abnormal", [top], [val(top), d10(top)])
    g = p.reports("Surgical pathology") + p.procs("Biopsy of kidney")
    ans(5, "kidney bx result", "procedure_result", g, ["class IV"], match="any")
    g = p.conds("Systemic lupus erythematosus (disorder)")
    ans(5, "when was the sle dx made", "condition_onset", g, [d10(g[0])])
    g = p.encs("IMP", start="2022-10") + p.conds("Seizure disorder")
    ans(5, "why was she admitted oct 2022", "encounter_reason", g, ["Seizure"], match="any")
    g = p.meds(["levetiracetam"]) + p.conds("Seizure disorder")
    ans(5, "why is she on kepra", "med_why", g, ["Seizure disorder"], match="any")
    g = p.reports("MR Brain")
    ans(5, "mri brain findings", "imaging_result", g, ["white matter hyperintensities"])
    g = p.notes("driving")
    ans(5, "can she drive", "note_fact", g, ["6 months"])
    g = p.allergies("Sulfonamide")
    ans(5, "what is her sulfa reaction", "allergy_reaction", g, ["rash"])
    g = p.imms({"121"}, status="not-done")
    ans(5, "why no zostavax", "immunization_not_done", g, ["contraindicated"])
    g = p.imms(COVID)
    ans(5, "covid vaccine dates", "immunization_series", g, [d10(r) for r in g])
    g = p.meds(["losartan"]) + p.conds("glomerulonephritis")
    ans(5, "why losartan, her bp is fine", "med_why", g, ["glomerulonephritis"], match="any")
    g = p.meds(["etonogestrel"], status=("active",))
    ans(5, "what birth control is she using", "med_active_class", g, ["etonogestrel"])
    g = p.obs("718-7", start=d10(p.encs("IMP", start="2021-06")[0]), end=d10(p.encs("IMP", start="2021-06")[0]))
    ans(5, "hgb around the lupus nephritis admission", "lab_at_time", g, [val(g[0])])
    g = p.family("MTH")
    ans(5, "any fhx of ra", "family_history", g, ["Rheumatoid arthritis", "mother"])
    g = p.goals("glomerulonephritis")
    g = [r for r in g if "protein" in r["description"]["text"]]
    ans(5, "renal response goal met?", "careplan_goal", g, ["0.5", "achieved"])
    g = p.procs("Ophthalmic")[-1:]
    ans(5, "last plaquenil eye exam", "procedure_result", g, [d10(g[0]), "No evidence of hydroxychloroquine retinopathy"])
    g = p.meds(["famotidine"])
    ans(5, "why was pepcid stopped", "med_stopped_why", g, ["Prednisone discontinued"])
    adm = d10(p.encs("IMP", start="2021-06")[0])
    g = p.obs("6690-2", start=adm, end=adm) + p.obs("777-3", start=adm, end=adm)
    ans(5, "wbc and plt at the nephritis admit", "two_part", g, [val(o) for o in g])
    abst(5, "is she on methotrexat", "med_active", ["methotrexate"])
    abst(5, "any hx of blood clots or aps, on coumadin?", "two_part", ["antiphospholipid", "warfarin", "thrombosis", "embolism"])
    abst(5, "when was her iud placed", "device", ["intrauterine", "iud"])
    abst(5, "hx of crohns or uc", "condition_has", ["crohn", "ulcerative colitis"])
    abst(5, "was she ever on rituximab", "med_ever", ["rituximab"])
    abst(5, "latest tsh", "lab_latest", ["thyrotropin", "tsh"])

    # ------------------------------------------------------------------ patient 6
    p = PX(6, C[6])
    g = p.meds(["buprenorphine"], status=("active",))
    ans(6, "is he still on suboxone", "med_active", g, ["buprenorphine"])
    g = p.meds(["methadone"])
    ans(6, "why was methadone stopped", "med_stopped_why", g, ["QTc prolongation"])
    g = p.obs("8636-3")
    ans(6, "qtc on methadon", "lab_at_time", g, [val(g[0])])
    g = p.meds(BETAB, status=("active",))
    ans(6, "beta blocker for his varices?", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(["propranolol"])
    ans(6, "propranolol why dc'd", "med_stopped_why", g, ["Symptomatic hypotension"])
    g = p.meds(DIURETIC, status=("active",))
    ans(6, "which diuretics", "med_active_class", g, [first_word(r) for r in g])
    g = p.meds(["lactulose", "rifaximin"], status=("active",))
    ans(6, "he on lactulose and xifaxin", "two_part", g, [first_word(r) for r in g])
    two_yrs = str(int(NOW[6][:4]) - 2) + NOW[6][4:]
    g = p.obs("1975-2", start=two_yrs)
    ans(6, "bili trend over the last 2 yrs", "lab_trend", g, [val(o) for o in g])
    g = p.obs("6301-6")[-1:]
    ans(6, "latest inr", "lab_latest", g, [val(g[0]), d10(g[0])])
    lo = min(p.obs("2951-2"), key=lambda o: o["valueQuantity"]["value"])
    ans(6, "lowest sodium", "lab_abnormal", [lo], [val(lo), d10(lo)])
    g = p.obs("1834-1")
    ans(6, "afp trend", "lab_trend", g, [val(o) for o in g])
    g = p.procs("paracentesis")
    ans(6, "how many paracenteses has he had", "procedure_count", g, [d10(r) for r in g])
    g = p.procs("band ligation")
    ans(6, "how many times were his varicies banded", "procedure_count", g, [d10(r) for r in g])
    g = (p.procs("Esophagogastroduodenoscopy") + p.procs("band ligation"))
    g = sorted(g, key=rdate)[-1:]
    ans(6, "last egd result", "procedure_result", g, [d10(g[0]), "no banding required"])
    g = p.reports("MR Abdomen")
    ans(6, "liver mri result", "imaging_result", g, ["LI-RADS 3"])
    g = p.encs("IMP", start="2023-02") + p.notes("Harbor House", kind="18842-5")
    ans(6, "where did he go after the feb 2023 admission", "discharge_dispo", g, ["Rehabilitation", "Harbor House"], match="any")
    g = [e for e in p.encs("IMP") if e["hospitalization"]["dischargeDisposition"]["coding"][0]["code"] == "aadvice"]
    ans(6, "did he ever leave ama", "discharge_dispo", g, ["Left against advice", g[0]["period"]["end"][:10]])
    g = p.encs("IMP", start="2023-02")
    ans(6, "how did he come in for the sbp admission", "admission_source", g, ["Transferred from other hospital"])
    g = p.notes("2023-02-05")
    ans(6, "sobriety date / last drink", "note_fact", g, ["2023-02-05"], match="any")
    g = p.devices("positive airway")
    ans(6, "does he use cpap", "device", g, ["continuous positive airway pressure"], match="any")
    g = p.meds(["metformin"])
    ans(6, "metformin why stopped", "med_stopped_why", g, ["Decompensated cirrhosis"])
    g = p.meds(["insulin"], status=("active",))
    ans(6, "whats his insulin dose", "med_active", g, ["glargine", "18 units"])
    g = p.allergies("Haloperidol")
    ans(6, "haldol reaction", "allergy_reaction", g, ["Dystonia"])
    g = p.meds(["sofosbuvir"]) + [o for o in p.obs("11011-4") if o.get("valueString") == "Not detected"]
    ans(6, "hep c treated? svr?", "two_part", g, ["sofosbuvir", "Not detected"])
    g = [r for r in p.meds(["naloxone"], status=("active",)) if "nasal" in r["medicationCodeableConcept"]["text"].lower()]
    ans(6, "does he have narcan", "med_active", g, ["naloxone"])
    g = p.obs("4548-4", start=NOW[6][:4] + "-01-01")
    ans(6, "a1c this yr", "lab_at_time", g, [val(g[0])])
    g = [r for r in p.t("Condition") if r["code"]["coding"][0]["code"] in ("28670008", "17709002", "389026000", "13920009", "271342007")]
    ans(6, "what liver complications has he had", "condition_group", g, ["varices", "Ascites", "Hepatic encephalopathy", "peritonitis"])
    abst(6, "has he had the shingles shot", "immunization_series", ["zoster", "shingles"])
    abst(6, "hx gout? on allopurinol", "two_part", ["gout", "allopurinol"])
    abst(6, "last colonoscopy", "procedure_date", ["colonoscopy"])
    abst(6, "is he on a statin", "med_active_class", ["statin"])
    abst(6, "any tips procedure", "procedure_date", ["transjugular", "portosystemic"])
    abst(6, "hiv viral load?", "lab_latest", ["hiv", "human immunodeficiency"])


def main():
    C = load()
    build(C)
    rng = random.Random(606)
    rng.shuffle(QS)
    out, terms = [], {}
    for i, q in enumerate(QS, 1):
        qid = f"b6-{i:03d}"
        n = q["n"]
        out.append({
            "id": qid,
            "patient_id": C[n]["pid"],
            "question": q["question"],
            "kind": q["kind"],
            "now": NOW[n],
            "expect": q["expect"],
            "gold_ids": [f"{r['resourceType']}/{r['id']}" for r in q["gold"]],
            "gold_match": q["match"],
            "answer_facts": q["facts"],
        })
        if q["expect"] == "abstain":
            terms[qid] = q["terms"]
    with open(os.path.join(HERE, "questions.jsonl"), "w") as f:
        for o in out:
            f.write(json.dumps(o) + "\n")
    with open(os.path.join(HERE, "abstain_concepts.json"), "w") as f:
        json.dump(terms, f, indent=1)
    na = sum(o["expect"] == "answer" for o in out)
    print(f"wrote questions.jsonl: {len(out)} questions, {na} answer, {len(out) - na} abstain")


if __name__ == "__main__":
    main()

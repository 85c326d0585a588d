"""blind9 question definitions.

Each question names its patient (by family name), the text a clinician would type, a kind, and - for answerable
questions - a selector that finds the evidence resources in the raw FHIR (via chart.py) plus the facts a correct answer
must contain (computed from those resources where they are values/dates). Abstain questions list concept words that
must be absent from the whole chart. build_questions.py turns this into questions.jsonl; verify.py recomputes it.
"""
from chart import qval, when, latest, earliest

PATIENTS = {  # key -> (family name, 'now' date the questions are asked)
    "p1": ("Okafor-Reyes", "2024-11-04"),
    "p2": ("Halvorsen", "2025-01-13"),
    "p3": ("Whitcombe", "2025-03-03"),
    "p4": ("Batres", "2025-01-06"),
    "p5": ("Ferreira", "2024-12-02"),
    "p6": ("Battle", "2024-12-09"),
    "p7": ("Kowalczyk", "2025-01-06"),
}

Q = []


def q(p, text, kind, gold=None, facts=None, match="all", typo=None, absent=None):
    Q.append({"p": p, "question": text, "kind": kind, "gold": gold, "facts": facts or [], "match": match,
              "typo": typo, "absent": absent, "expect": "abstain" if absent else "answer"})


# ---------------------------------------------------------------- helpers
def M(c, *t, st=None):
    return c.find("MedicationRequest", *t, status_in=st)


def O(c, *t):
    return c.find("Observation", *t)


def val(r):
    return qval(r)


def D(r):
    return when(r)


def vmin(rs):
    return min(rs, key=lambda r: r["valueQuantity"]["value"])


def vmax(rs):
    return max(rs, key=lambda r: r["valueQuantity"]["value"])


def on(rs, day):
    out = [r for r in rs if when(r) == day]
    assert len(out) == 1, (day, len(out))
    return out[0]


def closest(rs, day):
    import datetime as dt
    t = dt.date.fromisoformat(day)
    return min(rs, key=lambda r: abs((dt.date.fromisoformat(when(r)) - t).days))


def enc(c, *t, cls=None):
    return [r for r in c.find("Encounter", *t) if cls is None or r["class"]["code"] == cls]


def vq(r):
    """[value, date] facts for a single quantitative observation."""
    return [val(r), D(r)]


# ================================================================ P1 clozapine
q("p1", "pt still on clozarill? what dose now", "med_dose",
  lambda c: M(c, "clozapine", st=["active"]), lambda g: ["clozapine", val_dose(g[0])], typo=("clozarill", "clozaril"))
q("p1", "most recent anc pls", "lab_latest",
  lambda c: [latest(O(c, "absolute neutrophil"))], lambda g: vq(g[0]))
q("p1", "lowest ANC hes had on clozapine and when", "lab_extreme",
  lambda c: [vmin(O(c, "absolute neutrophil"))], lambda g: vq(g[0]))
q("p1", "baseline anc before they started clozapine?", "lab_first",
  lambda c: [earliest(O(c, "absolute neutrophil"))], lambda g: vq(g[0]))
q("p1", "why was the haldol dec stopped", "note_only",
  lambda c: c.notes_with("haloperidol decanoate was discontinued"), ["akathisia"])
q("p1", "what other antipsychotics has he tried before clozapine", "med_ever",
  lambda c: M(c, "risperidone") + M(c, "olanzapine") + M(c, "haloperidol"), ["risperidone", "olanzapine", "haloperidol"])
q("p1", "is he on an ssri", "med_class",
  lambda c: M(c, "escitalopram", st=["active"]), lambda g: ["escitalopram", val_dose(g[0])])
q("p1", "why is he on glycopyrolate", "med_why",
  lambda c: M(c, "glycopyrrolate") + c.find("Condition", "sialorrhea"), ["glycopyrrolate", "sialorrhea"], typo=("glycopyrolate", "glycopyrrolate"))
q("p1", "a1c trend since the dm dx - highest and where is it now", "lab_trend",
  lambda c: [r for r in O(c, "hemoglobin a1c") if D(r) >= "2021-03-15"],
  lambda g: [val(vmax(g)), val(latest(g))])
q("p1", "clozapine level - highest one and was it after he quit smoking", "lab_extreme",
  lambda c: [vmax(O(c, "clozapine"))] + c.find("Condition", "nicotine"), lambda g: [val(g[0]), D(g[0]), "2022-04-02"])
q("p1", "cloz level circa jan 2020", "lab_at_time",
  lambda c: [closest(O(c, "clozapine"), "2020-01-15")], lambda g: vq(g[0]))
q("p1", "does he still smoke", "social_history",
  lambda c: [latest(O(c, "tobacco smoking status"))], lambda g: ["Ex-smoker", D(g[0])])
q("p1", "how many psych admissions has he had", "encounter_count",
  lambda c: enc(c, "psychiatric admission", cls="IMP"), lambda g: [D(r) for r in g])
q("p1", "why was he admitted feb 2023 and for how long", "encounter_detail",
  lambda c: [r for r in enc(c, cls="IMP") if D(r).startswith("2023-02")], ["fecal impaction", "2023-02-11", "2023-02-15"])
q("p1", "was he taking his senokot before he got impacted", "note_only",
  lambda c: c.notes_with("stopped taking his senokot-s"), ["stopped taking his Senokot-S"])
q("p1", "ct abd from the ed visit in feb 23 what did it show", "imaging_path",
  lambda c: c.reports_with("transition point", code_terms=["ct abdomen"]), ["7.8 cm", "no transition point"])
q("p1", "how many ekgs on file", "procedure_count",
  lambda c: c.find("Procedure", "electrocardiogram"), lambda g: [D(r) for r in g])
q("p1", "when was his last flu shot", "imm_last",
  lambda c: [latest([r for r in c.find("Immunization", "influenza") if r["status"] == "completed"])], lambda g: [D(g[0])])
q("p1", "allergies?", "allergy",
  lambda c: c.of("AllergyIntolerance"), ["sulfamethoxazole", "peanut"])
q("p1", "any fam hx of psychosis or schizophrenia", "family_hx",
  lambda c: c.find("FamilyMemberHistory", "schizophrenia"), ["maternal uncle", "schizophrenia"])
q("p1", "anything new he complained about at the sept psych visit", "note_only",
  lambda c: c.notes_with("nocturnal enuresis"), ["enuresis"])
q("p1", "metabolic stuff on his problem list? sugar lipids weight", "condition_group",
  lambda c: c.find("Condition", "type 2 diabetes") + c.find("Condition", "hyperlipidemia") + c.find("Condition", "obesity"),
  ["diabetes", "hyperlipidemia", "obesity"])
q("p1", "is he on a statin and whats the last ldl", "two_in_one",
  lambda c: M(c, "atorvastatin", st=["active"]) + [latest(O(c, "ldl"))], lambda g: ["atorvastatin", val(g[1])])
q("p1", "how many times has the clozapine dose been changed", "med_count",
  lambda c: M(c, "clozapine"), ["300", "400", "350"])
q("p1", "is pt on trikafa", "med_active", absent=["trikafta", "elexacaftor", "tezacaftor", "ivacaftor"],
  typo=("trikafa", "trikafta"))
q("p1", "does pt have a port", "device", absent=["port", "port-a-cath", "powerport", "venous access port", "implanted port"])
q("p1", "whats his inr running", "lab_latest", absent=["inr", "6301-6", "international normalized ratio", "prothrombin"])
q("p1", "has he had the shingles vaccine", "imm_series", absent=["zoster", "shingrix", "shingles"])
q("p1", "any colonoscopy on file", "procedure", absent=["colonoscopy"])
q("p1", "ever been on coumadin", "med_ever", absent=["warfarin", "coumadin", "jantoven"])


def val_dose(mr):
    import json
    return json.dumps(mr["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]["value"])


# ================================================================ P2 cystic fibrosis
q("p2", "is she on a cftr modulator right now", "med_class",
  lambda c: M(c, "elexacaftor", st=["active"]), ["elexacaftor", "Trikafta"])
q("p2", "why was orkambie stopped", "med_stopped_why",
  lambda c: M(c, "lumacaftor") + c.notes_with("chest tightness for 30-60 minutes"), ["chest tightness"], match="any",
  typo=("orkambie", "orkambi"))
q("p2", "why did they stop the TOBI", "note_only",
  lambda c: c.notes_with("stop inhaled tobramycin"), ["tinnitus"])
q("p2", "reason azithromicin was dc'd?", "note_only",
  lambda c: c.notes_with("azithromycin is stopped today"), ["Mycobacterium avium complex", "macrolide"],
  typo=("azithromicin", "azithromycin"))
q("p2", "fev1 since starting trikafta - better or worse", "lab_trend",
  lambda c: [on(O(c, "fev1"), "2020-01-15"), latest(O(c, "fev1"))], lambda g: [val(g[0]), val(g[1]), D(g[1])])
q("p2", "worst fev1 on record", "lab_extreme",
  lambda c: [vmin(O(c, "fev1"))], lambda g: vq(g[0]))
q("p2", "last a1c", "lab_latest",
  lambda c: [latest(O(c, "hemoglobin a1c"))], lambda g: vq(g[0]))
q("p2", "alt in april 2020", "lab_at_time",
  lambda c: [r for r in O(c, "alt") if D(r).startswith("2020-04")], lambda g: vq(g[0]))
q("p2", "path from the sinus surgery", "pathology",
  lambda c: c.reports_with("nasal polyps", code_terms=["pathology"]), ["nasal polyps", "eosinophils"])
q("p2", "what did the 2018 chest ct show", "imaging_path",
  lambda c: [r for r in c.reports_with(code_terms=["ct chest"]) if D(r).startswith("2018")], ["bronchiectasis", "mucus"])
q("p2", "does she have a port? when was it put in", "device",
  lambda c: c.find("Device", "venous access") + c.find("Procedure", "venous access port"), ["port", "2019-02-20"])
q("p2", "how many times has she been admitted w cf exacerbation", "encounter_count",
  lambda c: [r for r in enc(c, "exacerbation", cls="IMP")], lambda g: [D(r) for r in g])
q("p2", "what caused the DIOS episode", "note_only",
  lambda c: c.notes_with("run out of creon"), ["run out of Creon"])
q("p2", "abx allergies?", "allergy",
  lambda c: c.of("AllergyIntolerance"), ["piperacillin", "vancomycin"])
q("p2", "why is she on insulin, she isnt type 1 is she", "med_why",
  lambda c: M(c, "insulin glargine") + c.find("Condition", "cystic fibrosis related diabetes"),
  ["insulin glargine", "cystic fibrosis related diabetes"])
q("p2", "what grew on the last sputum cx", "lab_latest",
  lambda c: [latest(O(c, "sputum culture"))], lambda g: ["Staphylococcus aureus", D(g[0])])
q("p2", "hpv vaccine series complete?", "imm_series",
  lambda c: c.find("Immunization", "hpv"), lambda g: [D(r) for r in g])
q("p2", "how many covid vaccines has she had", "imm_count",
  lambda c: c.find("Immunization", "covid"), lambda g: [D(g[0]), D(g[-1])])
q("p2", "anyone else in the family w cf", "family_hx",
  lambda c: [r for r in c.of("FamilyMemberHistory") if "brother" in str(r["relationship"])], ["brother", "cystic fibrosis"])
q("p2", "what does she do for work", "note_only",
  lambda c: c.notes_with("veterinary technician"), ["veterinary technician"])
q("p2", "hx abpa? still active?", "condition",
  lambda c: c.find("Condition", "aspergillosis"), ["resolved", "2018-07-30"])
q("p2", "has she ever been on itraconozole", "med_ever",
  lambda c: M(c, "itraconazole"), lambda g: ["itraconazole", D(g[0])], typo=("itraconozole", "itraconazole"))
q("p2", "first a1c at cfrd dx", "lab_first",
  lambda c: [earliest(O(c, "hemoglobin a1c"))], lambda g: vq(g[0]))
q("p2", "still doing pulmozime and the hypertonic saline?", "two_in_one",
  lambda c: M(c, "dornase", st=["active"]) + M(c, "sodium chloride", st=["active"]), ["dornase alfa", "sodium chloride"],
  typo=("pulmozime", "pulmozyme"))
q("p2", "is she on clozapine", "med_active", absent=["clozapine", "clozaril"])
q("p2", "s/p knee replacement?", "procedure", absent=["arthroplasty", "knee replacement", "knee prosthesis", "tka"])
q("p2", "on apixaban?", "med_active", absent=["apixaban", "eliquis"])
q("p2", "any hx of melanoma", "condition", absent=["melanoma"])
q("p2", "hep c status - was she ever treated", "condition", absent=["hepatitis c", "hcv", "sofosbuvir", "epclusa"])
q("p2", "cpap settings?", "device", absent=["cpap", "positive airway pressure"])

# ================================================================ P3 melanoma
q("p3", "is he still getting opdivo", "med_active",
  lambda c: M(c, "nivolumab", st=["active"]), lambda g: ["nivolumab", val_dose(g[0])])
q("p3", "why was yervoy stopped", "med_stopped_why",
  lambda c: M(c, "ipilimumab"), ["ipilimumab", "colitis"])
q("p3", "how many pembro infusions did he get", "encounter_count",
  lambda c: enc(c, "infusion center visit - pembrolizumab"), lambda g: [D(g[0]), D(g[-1])])
q("p3", "why is he on hydrocortizone", "med_why",
  lambda c: M(c, "hydrocortisone") + c.find("Condition", "hypophysitis"), ["hydrocortisone", "adrenal insufficiency"],
  typo=("hydrocortizone", "hydrocortisone"))
q("p3", "what sx did he have before the adrenal insufficiency was found", "note_only",
  lambda c: c.notes_with("craving salty foods"), ["craving salty foods"])
q("p3", "tsh after pembro went low then high? numbers", "lab_trend",
  lambda c: [vmin(O(c, "tsh")), vmax(O(c, "tsh"))], lambda g: [val(g[0]), val(g[1])])
q("p3", "tsh this yr?", "lab_latest",
  lambda c: [r for r in O(c, "tsh") if D(r).startswith("2025")], lambda g: vq(g[0]))
q("p3", "highest ldh", "lab_extreme",
  lambda c: [vmax(O(c, "ldh"))], lambda g: vq(g[0]))
q("p3", "breslow depth on the original bx", "pathology",
  lambda c: c.reports_with("breslow thickness 3.2"), ["3.2 mm"])
q("p3", "sentinel node result", "pathology",
  lambda c: c.reports_with("sentinel lymph nodes"), ["1 of 2"])
q("p3", "last ct - any active disease", "imaging_path",
  lambda c: [latest(c.reports_with(code_terms=["ct chest"]))], ["no evidence of active disease"])
q("p3", "how did the liver met change on the june 2023 scan", "imaging_path",
  lambda c: [r for r in c.reports_with("hepatic", code_terms=["ct chest"]) if D(r).startswith("2023-06")], ["1.1 cm", "2.4 cm"])
q("p3", "how many stools a day was he having when he came in w the colitis", "note_only",
  lambda c: c.notes_with("9 watery stools"), ["9 watery stools"])
q("p3", "did he get remicade", "med_brand",
  lambda c: M(c, "infliximab"), lambda g: ["infliximab", D(g[0])])
q("p3", "was he ever anticoagulated - for what, still on it?", "med_class",
  lambda c: M(c, "apixaban") + c.find("Condition", "deep vein"), ["apixaban", "completed", "deep vein thrombosis"])
q("p3", "what stent does he have and where", "device",
  lambda c: c.find("Device", "stent") + c.find("DeviceUseStatement"), ["xience", "left anterior descending"])
q("p3", "contrast allergy? premedicate?", "allergy",
  lambda c: c.find("AllergyIntolerance", "contrast"), ["iodinated contrast", "prednisone"])
q("p3", "pneumonia vaccine - was it ever given, i see a deferral", "imm_not_done",
  lambda c: c.find("Immunization", "pcv20"), ["deferred", "2023-08-07"])
q("p3", "fam hx skin cancer", "family_hx",
  lambda c: c.find("FamilyMemberHistory", "melanoma"), ["father", "melanoma", "68"])
q("p3", "what immune related adverse events has he had from the checkpoint inhibitors", "condition_group",
  lambda c: c.find("Condition", "thyroiditis") + c.find("Condition", "hypothyroidism") + c.find("Condition", "colitis")
  + c.find("Condition", "hypophysitis"), ["thyroiditis", "hypothyroidism", "colitis", "hypophysitis"])
q("p3", "how long is the nivolumb supposed to continue", "careplan_goal",
  lambda c: c.find("CarePlan", "nivolumab maintenance"), ["2 years"], typo=("nivolumb", "nivolumab"))
q("p3", "what did he do for work, sun exposure hx", "note_only",
  lambda c: c.notes_with("roofer"), ["roofer"])
q("p3", "any joint complaints lately", "note_only",
  lambda c: c.notes_with("arthralgia"), ["arthralgia"])
q("p3", "any pembrolizomab side effects on the thyroid? did he need meds", "two_in_one",
  lambda c: c.find("Condition", "hypothyroidism") + M(c, "levothyroxine", st=["active"]), ["hypothyroidism", "levothyroxine"],
  typo=("pembrolizomab", "pembrolizumab"))
q("p3", "any hemlibra", "med_active", absent=["hemlibra", "emicizumab"])
q("p3", "does he have a port for the infusions", "device", absent=["port", "port-a-cath", "powerport", "implanted port", "venous access"])
q("p3", "whats his anc", "lab_latest", absent=["anc", "neutrophil"])
q("p3", "brca testing done?", "lab_latest", absent=["brca"])
q("p3", "has he ever been on warfarin", "med_ever", absent=["warfarin", "coumadin"])
q("p3", "any amputation hx", "procedure", absent=["amputation", "amputee"])

# ================================================================ P4 mechanical mitral valve
q("p4", "current coumadine dose", "med_dose",
  lambda c: M(c, "warfarin", st=["active"]), ["warfarin", "7.5 mg on Monday"], typo=("coumadine", "coumadin"))
q("p4", "most recent inr", "lab_latest",
  lambda c: [latest(O(c, "inr"))], lambda g: vq(g[0]))
q("p4", "highest inr and what caused it", "lab_extreme",
  lambda c: [vmax(O(c, "inr"))] + c.notes_with("fluconazole inhibits"), lambda g: [val(g[0]), D(g[0]), "fluconazole"])
q("p4", "inr goal?", "careplan_goal",
  lambda c: c.find("Goal", "inr") + c.find("CarePlan", "anticoagulation") + c.find("Condition", "anticoagulant"), ["2.5", "3.5"],
  match="any")
q("p4", "what valve does she have, size", "device",
  lambda c: c.find("Device", "heart valve"), ["St. Jude", "27 mm", "mitral"])
q("p4", "when was the mvr", "procedure",
  lambda c: c.find("Procedure", "mitral valve replacement"), lambda g: [D(g[0])])
q("p4", "organism in the endocarditis?", "condition",
  lambda c: c.find("Condition", "endocarditis"), ["enterococcus faecalis"])
q("p4", "why amp + ceftriaxone and not gent", "med_why",
  lambda c: c.notes_with("double beta-lactam") + c.reports_with("gentamicin resistant"), ["gentamicin resistant"], match="any")
q("p4", "tee findings", "imaging_path",
  lambda c: c.find("DiagnosticReport", "transesophageal"), ["8 mm", "no paravalvular abscess"])
q("p4", "how was she feeling in the weeks before the fever in 2022", "note_only",
  lambda c: c.notes_with("night sweats"), ["night sweats"])
q("p4", "can she take an ace inhibitor", "allergy",
  lambda c: c.find("AllergyIntolerance", "lisinopril"), ["angioedema", "lisinopril"])
q("p4", "what is she on for bp", "med_class",
  lambda c: M(c, "losartan", st=["active"]) + M(c, "metoprolol", st=["active"]), ["losartan", "metoprolol"])
q("p4", "hgb in 2015 vs after the hysterectomy", "lab_trend",
  lambda c: [on(O(c, "hemoglobin [mass"), "2015-01-12"), on(O(c, "hemoglobin [mass"), "2016-09-12")], lambda g: [val(g[0]), val(g[1])])
q("p4", "when was the MS first dx'd", "condition_onset",
  lambda c: c.find("Condition", "rheumatic mitral stenosis"), lambda g: [D(g[0])])
q("p4", "was her flu shot delayed in fall 2020", "imm_not_done",
  lambda c: [r for r in c.find("Immunization", "influenza") if D(r).startswith("2020")], ["out of stock", "2020-11-02"])
q("p4", "moms cardiac history", "family_hx",
  lambda c: c.find("FamilyMemberHistory", "rheumatic"), ["rheumatic heart disease", "61"])
q("p4", "where did she go after the endocarditis stay", "encounter_detail",
  lambda c: enc(c, "endocarditis", cls="IMP"), ["home infusion"])
q("p4", "has she ever needed vit k", "med_ever",
  lambda c: M(c, "phytonadione"), lambda g: ["phytonadione", D(g[0])])
q("p4", "how many times has she been bridged w lovenox", "med_count",
  lambda c: M(c, "enoxaparin"), lambda g: [D(r) for r in g])
q("p4", "preferred language", "demographics",
  lambda c: c.of("Patient"), ["Spanish"])
q("p4", "lowest inr around her colonoscopy nov 2019", "lab_at_time",
  lambda c: [vmin([r for r in O(c, "inr") if D(r).startswith("2019-11")])], lambda g: vq(g[0]))
q("p4", "inr values last fall", "lab_at_time",
  lambda c: [r for r in O(c, "inr") if "2024-09-01" <= D(r) <= "2024-11-30"], lambda g: [val(r) for r in g])
q("p4", "is she on eliquis", "med_active",
  lambda c: M(c, "warfarin", st=["active"]) + c.notes_with("contraindicated with a"), ["warfarin", "contraindicated"])
q("p4", "why was fluconazol a problem for her", "note_only",
  lambda c: c.notes_with("fluconazole inhibits"), ["fluconazole inhibits warfarin metabolism"], typo=("fluconazol", "fluconazole"))
q("p4", "ever had a knee replacement", "procedure", absent=["arthroplasty", "knee replacement", "knee prosthesis", "tka"])
q("p4", "does she have a port", "device", absent=["port", "port-a-cath", "powerport", "implanted port"])
q("p4", "any hx of dvt", "condition", absent=["deep vein thrombosis", "dvt", "deep venous thrombosis"])
q("p4", "is she on ozempic", "med_active", absent=["semaglutide", "ozempic", "wegovy"])
q("p4", "b12 level?", "lab_latest", absent=["b12", "cobalamin"])
q("p4", "is she still taking cilostozol", "med_active", absent=["cilostazol", "pletal"], typo=("cilostozol", "cilostazol"))

# ================================================================ P5 hemophilia A
q("p5", "is he on emicizimab, dose?", "med_dose",
  lambda c: M(c, "emicizumab", st=["active"]), lambda g: ["emicizumab", val_dose(g[0])], typo=("emicizimab", "emicizumab"))
q("p5", "still on advate?", "med_active",
  lambda c: M(c, "antihemophilic", st=["active"]), ["advate", "breakthrough"])
q("p5", "what made him want to switch to hemlibra", "note_only",
  lambda c: c.notes_with("harder to access"), ["harder to access"])
q("p5", "why was the interferon stopped in 09", "med_stopped_why",
  lambda c: M(c, "peginterferon") + c.notes_with("null response"), ["null response"], match="any")
q("p5", "hep c cured? what was he treated with", "two_in_one",
  lambda c: M(c, "sofosbuvir") + c.find("Condition", "hepatitis c"), ["sofosbuvir", "2017-10-16"])
q("p5", "fibroscan numbers over time", "lab_trend",
  lambda c: O(c, "liver stiffness"), lambda g: [val(r) for r in g])
q("p5", "aptt before and after emicizumab", "lab_trend",
  lambda c: [on(O(c, "aptt"), "2020-09-01"), on(O(c, "aptt"), "2020-11-02")], lambda g: [val(g[0]), val(g[1])])
q("p5", "any inhibitor on the last check", "lab_latest",
  lambda c: [latest(O(c, "factor viii inhibitor"))], lambda g: ["0.6", D(g[0])])
q("p5", "when was his knee replaced and which side", "procedure",
  lambda c: c.find("Procedure", "total knee"), lambda g: [D(g[0]), "right"])
q("p5", "what knee implant", "device",
  lambda c: c.find("Device", "knee"), ["triathlon"])
q("p5", "where did he go after the tka", "encounter_detail",
  lambda c: enc(c, "knee arthroplasty", cls="IMP"), ["rehabilitation"])
q("p5", "did he get dvt prophylaxis after the knee surgery", "note_only",
  lambda c: c.notes_with("sequential compression devices"), ["sequential compression devices"])
q("p5", "how did he hurt his ankle in july 22", "note_only",
  lambda c: c.notes_with("stepping"), ["curb"])
q("p5", "ED visits - how many and what for", "encounter_count",
  lambda c: enc(c, cls="EMER"), lambda g: [D(r) for r in g])
q("p5", "radiosynovectomy - which joint and when", "procedure",
  lambda c: c.find("Procedure", "radiosynovectomy"), lambda g: ["left ankle", D(g[0])])
q("p5", "pcn allergy - ok w cephalosporns?", "allergy",
  lambda c: c.find("AllergyIntolerance", "penicillin"), ["penicillin", "cefazolin"], typo=("cephalosporns", "cephalosporins"))
q("p5", "is he on an nsaid", "med_class",
  lambda c: M(c, "celecoxib", st=["active"]), ["celecoxib"])
q("p5", "who in the family has hemophilia or carries it", "family_hx",
  lambda c: [r for r in c.of("FamilyMemberHistory") if "hemophilia" in str(r).lower()], ["maternal grandfather", "mother", "daughter"])
q("p5", "did he get the 2023 covid booster", "imm_not_done",
  lambda c: c.find("Immunization", "2023-2024"), ["declined"])
q("p5", "lowest hgb ever", "lab_extreme",
  lambda c: [vmin(O(c, "hemoglobin [mass"))], lambda g: vq(g[0]))
q("p5", "bleed goal in the care plan", "careplan_goal",
  lambda c: c.find("Goal", "bleeds"), ["zero treated bleeds", "achieved"])
q("p5", "any bleeding at all this yr", "note_only",
  lambda c: c.notes_with("nosebleed"), ["nosebleed"])
q("p5", "tranexemic acid dose for the dental extraction", "med_dose",
  lambda c: M(c, "tranexamic"), ["tranexamic acid", "1300"], typo=("tranexemic", "tranexamic"))
q("p5", "dob", "demographics",
  lambda c: c.of("Patient"), ["1979-03-05"])
q("p5", "is he on warfarin", "med_active", absent=["warfarin", "coumadin"])
q("p5", "any hx of dvt or pe", "condition", absent=["deep vein thrombosis", "dvt", "pulmonary embolism", "deep venous thrombosis"])
q("p5", "last colonoscopy?", "procedure", absent=["colonoscopy"])
q("p5", "sweat chloride result", "lab_latest", absent=["sweat chloride", "sweat test"])
q("p5", "does he have a port for factor", "device", absent=["port", "port-a-cath", "powerport", "implanted port", "venous access"])
q("p5", "cpap compliance?", "device", absent=["cpap", "positive airway pressure"])

# ================================================================ P6 PAD / BKA
q("p6", "is he on xeralto, what dose", "med_dose",
  lambda c: M(c, "rivaroxaban", st=["active"]), lambda g: ["rivaroxaban", val_dose(g[0])], typo=("xeralto", "xarelto"))
q("p6", "why did the plavix get stopped", "med_stopped_why",
  lambda c: M(c, "clopidogrel"), ["clopidogrel", "dual pathway"])
q("p6", "why did he stop pletal", "note_only",
  lambda c: c.notes_with("stopped the cilostazol"), ["headaches"])
q("p6", "why was invokana stopped", "med_stopped_why",
  lambda c: M(c, "canagliflozin") + c.notes_with("canagliflozin held"), ["canagliflozin", "amputation"])
q("p6", "when was the amputation and what level", "procedure",
  lambda c: c.find("Procedure", "amputation"), lambda g: ["below-knee", D(g[0])])
q("p6", "how many stents has he had placed", "procedure_count",
  lambda c: c.find("Procedure", "stent"), lambda g: [D(r) for r in g])
q("p6", "what stent is in the left sfa", "device",
  lambda c: c.find("Device", "zilver"), ["zilver ptx"])
q("p6", "left abi trend leading up to the amputation", "lab_trend",
  lambda c: O(c, "ankle-brachial index, left"), lambda g: [val(g[0]), val(g[-1])])
q("p6", "right abi from last spring", "lab_at_time",
  lambda c: [latest(O(c, "ankle-brachial index, right"))], lambda g: vq(g[0]))
q("p6", "worst a1c", "lab_extreme",
  lambda c: [vmax(O(c, "hemoglobin a1c"))], lambda g: vq(g[0]))
q("p6", "is his ldl at goal", "lab_normal",
  lambda c: [latest(O(c, "ldl"))] + c.find("Goal", "ldl"), lambda g: [val(g[0]), "55"])
q("p6", "bka path - any osteo?", "pathology",
  lambda c: c.reports_with("amputated below the knee"), ["negative for osteomyelitis"])
q("p6", "has the aaa grown", "imaging_path",
  lambda c: c.reports_with("aneurysm"), ["3.4 cm", "3.6 cm", "3.9 cm"])
q("p6", "smoking status and pack yrs", "social_history",
  lambda c: [latest(O(c, "tobacco smoking status"))] + O(c, "pack-years"), ["Ex-smoker", "50"])
q("p6", "how did he fall in june 23", "note_only",
  lambda c: c.notes_with("without putting on his prosthesis"), ["without putting on his prosthesis"])
q("p6", "since the amputation admission has he been back to the ED", "encounter_count",
  lambda c: [r for r in enc(c, cls="EMER") if D(r) > "2022-01-26"], lambda g: [D(g[0]), "fall"])
q("p6", "flu shot 2021 - why was it deferred", "imm_not_done",
  lambda c: [r for r in c.find("Immunization", "influenza") if r["status"] == "not-done"], ["acutely ill"])
q("p6", "rsv vaccine?", "imm_last",
  lambda c: c.find("Immunization", "rsv"), lambda g: [D(g[0])])
q("p6", "bee sting allergy - how bad", "allergy",
  lambda c: c.find("AllergyIntolerance", "bee"), ["anaphylaxis", "severe"])
q("p6", "fhx of amputation or pad", "family_hx",
  lambda c: c.find("FamilyMemberHistory", "amputation"), ["father", "amputation"])
q("p6", "what's he taking for the fantom pain", "med_class",
  lambda c: M(c, "gabapentin", st=["active"]), lambda g: ["gabapentin", val_dose(g[0])], typo=("fantom", "phantom"))
q("p6", "walking goal with the prosthesis - did he meet it", "careplan_goal",
  lambda c: c.find("Goal", "prosthesis"), ["300 feet", "achieved"])
q("p6", "a1c closest to may 2023", "lab_at_time",
  lambda c: [closest(O(c, "hemoglobin a1c"), "2023-05-15")], lambda g: vq(g[0]))
q("p6", "was he ever on a sulfonylurea", "med_ever",
  lambda c: M(c, "glipizide"), ["glipizide", "hypoglycemia"])
q("p6", "is he on semaglutid", "med_active", absent=["semaglutide", "ozempic", "wegovy"], typo=("semaglutid", "semaglutide"))
q("p6", "any hx of gastric bypass", "procedure", absent=["gastric bypass", "roux", "bariatric"])
q("p6", "inr today?", "lab_latest", absent=["inr", "6301-6", "international normalized ratio", "prothrombin"])
q("p6", "hep c screen result", "lab_latest", absent=["hepatitis c", "hcv"])
q("p6", "ef on his last echo", "imaging_path", absent=["ejection fraction", "echocardiogra", "lvef"])
q("p6", "is he on hydrocortisone", "med_active", absent=["hydrocortisone", "cortef"])

# ================================================================ P7 bariatric
q("p7", "when was her gastric bypass", "procedure",
  lambda c: c.find("Procedure", "gastric bypass"), lambda g: ["roux-en-y", D(g[0])])
q("p7", "is she on wegovy? dose", "med_dose",
  lambda c: M(c, "semaglutide", st=["active"]), lambda g: ["semaglutide", val_dose(g[0])])
q("p7", "b12 shots or oral", "med_active",
  lambda c: M(c, "cyanocobalamin", st=["active"]), ["cyanocobalamin", "intramuscular"])
q("p7", "why did she stop the ursodial", "note_only",
  lambda c: c.notes_with("stopped the ursodiol"), ["nauseated"], typo=("ursodial", "ursodiol"))
q("p7", "what caused the marginal ulcer", "note_only",
  lambda c: c.notes_with("ibuprofen 800"), ["ibuprofen 800"])
q("p7", "lowest hgb", "lab_extreme",
  lambda c: [vmin(O(c, "hemoglobin [mass"))], lambda g: vq(g[0]))
q("p7", "ferritin trend - lowest and latest", "lab_trend",
  lambda c: O(c, "ferritin"), lambda g: [val(vmin(g)), val(latest(g)), D(latest(g))])
q("p7", "last b12 level", "lab_latest",
  lambda c: [latest(O(c, "b12"))], lambda g: vq(g[0]))
q("p7", "vit d around spring 2021", "lab_at_time",
  lambda c: [r for r in O(c, "vitamin d") if D(r).startswith("2021")], lambda g: vq(g[0]))
q("p7", "is the pth normal now", "lab_normal",
  lambda c: [latest(O(c, "pth"))], lambda g: vq(g[0]))
q("p7", "how many iron infusions has she had", "procedure_count",
  lambda c: c.find("Procedure", "ferric carboxymaltose"), lambda g: [D(r) for r in g])
q("p7", "why was she taken off the iron pills", "med_stopped_why",
  lambda c: M(c, "ferrous sulfate"), ["ferrous sulfate", "constipation"])
q("p7", "what is she using for contraception", "device",
  lambda c: [r for r in c.find("Device", "nexplanon") if r["status"] == "active"]
  + [r for r in c.of("DeviceUseStatement") if r["status"] == "active"], ["nexplanon", "2021-09-20"])
q("p7", "gallbladder path", "pathology",
  lambda c: c.reports_with("cholecystitis", code_terms=["pathology"]), ["chronic cholecystitis"])
q("p7", "egd findings aug 2019", "imaging_path",
  lambda c: [r for r in c.find("DiagnosticReport", "endoscopy") if D(r).startswith("2019-08")], ["1.5 cm", "hemoclips"])
q("p7", "can she take ibuprofen", "allergy",
  lambda c: c.find("AllergyIntolerance", "nonsteroidal"), ["nonsteroidal anti-inflammatory"])
q("p7", "any pica", "note_only",
  lambda c: c.notes_with("chewing ice"), ["chewing ice"])
q("p7", "weight at nadir vs now", "lab_trend",
  lambda c: [vmin(O(c, "body weight")), latest(O(c, "body weight"))], lambda g: [val(g[0]), val(g[1])])
q("p7", "bmi at her first bariatric visit", "lab_first",
  lambda c: [earliest(O(c, "body mass index"))], lambda g: vq(g[0]))
q("p7", "flu vax in 2022?", "imm_not_done",
  lambda c: [r for r in c.find("Immunization", "influenza") if D(r).startswith("2022")], ["declined"])
q("p7", "fhx of sleep apnea", "family_hx",
  lambda c: c.find("FamilyMemberHistory", "sleep apnea"), ["father", "sleep apnea"])
q("p7", "is the osa still active", "condition",
  lambda c: c.find("Condition", "obstructive sleep apnea"), ["resolved", "2019-05-20"])
q("p7", "what antidepresant and what dose", "med_class",
  lambda c: M(c, "venlafaxine", st=["active"]), lambda g: ["venlafaxine", val_dose(g[0])], typo=("antidepresant", "antidepressant"))
q("p7", "what nutritional deficiencies does she have", "condition_group",
  lambda c: c.find("Condition", "vitamin d deficiency", pred=lambda r: "hyperparathyroidism" not in r["code"]["text"].lower())
  + c.find("Condition", "iron deficiency") + c.find("Condition", "b12 deficiency"),
  ["vitamin d deficiency", "iron deficiency", "b12 deficiency"])
q("p7", "is she on insulin", "med_active", absent=["insulin"])
q("p7", "any hx of endocarditis", "condition", absent=["endocarditis"])
q("p7", "anc?", "lab_latest", absent=["anc", "neutrophil"])
q("p7", "is she on synthroid", "med_active", absent=["levothyroxine", "synthroid"])
q("p7", "hiv test result", "lab_latest", absent=["hiv"])
q("p7", "does she have a cardiac stent", "device", absent=["stent"])

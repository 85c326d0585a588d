#!/usr/bin/env python3
"""Generate the six invented blind6 patients as FHIR R4 (Synthea-shaped).

stdlib only; random seed 606. Patients 1, 2, 5, 6 -> transaction Bundles in patients/;
patients 3 and 4 -> FHIR Bulk Data NDJSON (one file per resource type) in patients/bulk/.
Every person, place, organisation and clinical history here is invented.
"""
import json
import os
import random
import shutil

from fhirkit import Chart, SNOMED, LOINC

RNG = random.Random(606)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "patients")

CVX_FLU_HD = ("135", "Influenza, high dose seasonal")
CVX_FLU_HD4 = ("197", "influenza, high-dose, quadrivalent")
CVX_FLU4 = ("150", "Influenza, injectable, quadrivalent, preservative free")
CVX_PPSV23 = ("33", "pneumococcal polysaccharide vaccine, 23 valent")
CVX_PCV13 = ("133", "Pneumococcal conjugate PCV 13")
CVX_PCV20 = ("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate, adjuvant, PF")
CVX_RZV = ("187", "zoster vaccine recombinant")
CVX_ZVL = ("121", "zoster vaccine, live")
CVX_TDAP = ("115", "Tdap")
CVX_TD = ("113", "Td (adult) preservative free")
CVX_MODERNA = ("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose")
CVX_PFIZER = ("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose")
CVX_JANSSEN = ("212", "SARS-COV-2 (COVID-19) vaccine, vector non-replicating, recombinant spike protein-Ad26, preservative free, 0.5 mL")
CVX_PFIZER_BIV = ("300", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, spike protein, LNP, preservative free, 30 mcg/0.3mL dose")
CVX_MODERNA_BIV = ("229", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, spike protein, LNP, preservative free, 50 mcg/0.5mL dose")
CVX_HEPB_ADULT = ("43", "Hep B, adult")
CVX_HEPB_CPG = ("189", "Hep B, adjuvanted with CpG")
CVX_HEPB_PED = ("08", "Hep B, adolescent or pediatric")
CVX_HEPA = ("52", "Hep A, adult")
CVX_HPV4 = ("62", "HPV, quadrivalent")
CVX_HPV9 = ("165", "HPV9")
CVX_MEN = ("136", "Meningococcal MCV4O")
CVX_MMR = ("03", "MMR")

FOLLOWUP = ("390906007", "Follow-up encounter (procedure)")
CHECKUP = ("185349003", "Encounter for check up (procedure)")
SYMPTOM = ("185345009", "Encounter for symptom (procedure)")
PROBLEM = ("185347001", "Encounter for problem (procedure)")
ER_ADMIT = ("50849002", "Emergency room admission (procedure)")
EMERG_HOSP = ("183452005", "Emergency hospital admission (procedure)")
HOSP_ADMIT = ("32485007", "Hospital admission (procedure)")
TELE = ("448337001", "Telemedicine consultation with patient (procedure)")
HOMEVISIT = ("439708006", "Home visit (procedure)")
OUTPT_PROC = ("371883000", "Outpatient procedure (procedure)")


# ----------------------------------------------------------------------------------------------
# Patient 1: 78 y man, ischaemic HFrEF, atrial fibrillation, CKD 3b, CRT-D, coronary stent
# ----------------------------------------------------------------------------------------------
def build_p1():
    c = Chart(RNG, 1, "bundle", "Quarry Hill Cardiology and Primary Care", "Dr. Imogen Sattler")
    c.patient("Elmer", "Drazic", "male", "1946-08-14", "41 Quarry Hill Rd", "Fairhaven", "MA", "02719",
              ("M", "Married"), prefix="Mr.")
    c.visit("2008-03-10", PROBLEM)
    htn = c.cond("59621000", "Essential hypertension (disorder)", "2008-03-10", icd=("I10", "Essential (primary) hypertension"))
    c.allergy("764146007", "Penicillin (substance)", "2008-03-10", crit="low",
              reactions=[("126485001", "Urticaria (disorder)", "mild")], desc="Hives as a young adult")
    c.allergy("300913006", "Shellfish (substance)", "2008-03-10", cat="food", crit="high",
              reactions=[("39579001", "Anaphylaxis (disorder)", "severe")], desc="Throat swelling after shrimp; carries epinephrine")
    c.vitals("2008-03-10", bp=(162, 96), wt=91.4, hr=78)
    c.visit("2010-06-01", PROBLEM)
    hld = c.cond("55822004", "Hyperlipidemia (disorder)", "2010-06-01", icd=("E78.5", "Hyperlipidemia, unspecified"))
    c.visit("2012-05-14", FOLLOWUP)
    lis = c.med("314076", "lisinopril 10 MG Oral Tablet", "2012-05-14", "Take 1 tablet (10 mg) by mouth once daily",
                status="stopped", end="2019-03-01", reason=htn,
                sr=("altchoice", "Switched to sacubitril-valsartan for heart failure (36-hour washout)"))
    c.imm(*CVX_PPSV23, "2012-10-01")
    c.imm(*CVX_TDAP, "2015-05-11")
    c.family("FTH", "father", "male", [("22298006", "Myocardial infarction (disorder)", 58, True)], "2012-05-14", deceased_age=58)
    c.family("MTH", "mother", "female", [("230690007", "Cerebrovascular accident (disorder)", 74, False)], "2012-05-14")
    c.family("BRO", "brother", "male", [("44054006", "Diabetes mellitus type 2 (disorder)", 60, False)], "2012-05-14")

    # 2016 STEMI
    c.enc("EMER", "2016-11-03 06:40", "2016-11-03 08:05", etype=ER_ADMIT, reason=("401303003", "Acute ST segment elevation myocardial infarction (disorder)"))
    adm1 = c.enc("IMP", "2016-11-03 08:05", "2016-11-07", etype=EMERG_HOSP,
                 reason=("401303003", "Acute ST segment elevation myocardial infarction (disorder)"), admit="emd", dispo="home")
    stemi = c.cond("401303003", "Acute ST segment elevation myocardial infarction (disorder)", "2016-11-03", abate="2016-12-03",
                   icd=("I21.02", "ST elevation (STEMI) myocardial infarction involving left anterior descending coronary artery"), enc=adm1)
    cad = c.cond("53741008", "Coronary arteriosclerosis (disorder)", "2016-11-03",
                 icd=("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris"), enc=adm1)
    c.lab("trop", "2016-11-03", 4820, enc=adm1)
    c.vitals("2016-11-03", bp=(148, 92), hr=96, spo2=94, enc=adm1)
    c.smoking("2016-11-03", "former", enc=adm1)
    c.proc("415070008", "Percutaneous coronary intervention (procedure)", "2016-11-03", reason=stemi,
           site=("68787002", "Structure of left anterior descending branch of left coronary artery (body structure)"),
           outcome="TIMI 3 flow restored in proximal LAD", note="Drug-eluting stent 3.0 x 18 mm deployed in proximal LAD; no complications.",
           enc=adm1, minutes=70)
    c.proc("36969009", "Placement of stent in coronary artery (procedure)", "2016-11-03", reason=cad,
           site=("68787002", "Structure of left anterior descending branch of left coronary artery (body structure)"),
           outcome="Stent well apposed", enc=adm1, minutes=20)
    c.device("705643001", "Coronary artery stent (physical object)", "2016-11-03", "Corvane Medical", "DES-3018",
             site=("68787002", "Structure of left anterior descending branch of left coronary artery (body structure)"), reason=cad)
    c.lab("ldl", "2016-11-04", 142, enc=adm1)
    c.lab("lvef", "2016-11-04", 40, enc=adm1)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", "2016-11-04", reason=stemi, enc=adm1, minutes=40)
    c.report(LOINC, "34552-0", "Cardiac 2D echo panel", "2016-11-04",
             "Anterior and apical hypokinesis; left ventricular ejection fraction 40%. No thrombus.", cat=("CUS", "Cardiac Ultrasound"), enc=adm1)
    asa = c.med("243670", "aspirin 81 MG Oral Tablet", "2016-11-07", "Take 1 tablet (81 mg) by mouth once daily",
                status="stopped", end="2018-09-25", reason=cad,
                sr=("altchoice", "Stopped when warfarin started: bleeding risk of triple therapy"), enc=adm1)
    c.med("309362", "clopidogrel 75 MG Oral Tablet", "2016-11-07", "Take 1 tablet (75 mg) by mouth once daily", reason=cad, enc=adm1)
    c.med("259255", "atorvastatin 80 MG Oral Tablet", "2016-11-07", "Take 1 tablet (80 mg) by mouth at bedtime", reason=[cad, hld], enc=adm1)
    c.med("866436", "24 HR metoprolol succinate 50 MG Extended Release Oral Tablet", "2016-11-07",
          "Take 1 tablet (50 mg) by mouth once daily", reason=cad, enc=adm1)
    c.med("198039", "nitroglycerin 0.4 MG Sublingual Tablet", "2016-11-07",
          "Place 1 tablet under the tongue every 5 minutes as needed for chest pain, up to 3 doses", reason=cad, prn=True, enc=adm1)
    c.note("discharge", "2016-11-07", """
DISCHARGE SUMMARY
Admitted 2016-11-03 with anterior STEMI. Emergent PCI with drug-eluting stent to proximal LAD.
Echo: EF 40% with anterior hypokinesis.
Discharge medications: aspirin, clopidogrel, atorvastatin 80 mg, metoprolol succinate, sublingual nitroglycerin.
Social: retired machinist, lives with wife Lorraine. Former smoker, quit 1990 (25 pack-years). 1-2 beers per week.
Cardiac rehabilitation referral placed.
""", enc=adm1)
    c.imm(*CVX_FLU_HD, "2016-10-05")

    # GERD, HFrEF
    c.visit("2017-01-16", PROBLEM)
    gerd = c.cond("235595009", "Gastroesophageal reflux disease (disorder)", "2017-01-16",
                  icd=("K21.9", "Gastro-esophageal reflux disease without esophagitis"))
    c.med("314200", "pantoprazole 40 MG Delayed Release Oral Tablet", "2017-01-16",
          "Take 1 tablet (40 mg) by mouth once daily before breakfast", reason=gerd)
    c.visit("2017-02-14", SYMPTOM)
    hf = c.cond("703272007", "Heart failure with reduced ejection fraction (disorder)", "2017-02-14",
                icd=("I50.22", "Chronic systolic (congestive) heart failure"))
    c.vitals("2017-02-14", bp=(138, 84), wt=94.8, hr=88, spo2=95)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", "2017-02-15", reason=hf, minutes=40)
    c.lab("lvef", "2017-02-15", 25)
    c.report(LOINC, "34552-0", "Cardiac 2D echo panel", "2017-02-15",
             "Dilated left ventricle with severe global hypokinesis; ejection fraction 25%. Moderate functional mitral regurgitation.",
             cat=("CUS", "Cardiac Ultrasound"))
    c.med("313988", "furosemide 40 MG Oral Tablet", "2017-02-16", "Take 1 tablet (40 mg) by mouth twice daily", reason=hf)
    g1 = c.goal("Limit sodium intake to less than 2 grams per day", "2017-02-16", addresses=hf)
    g2 = c.goal("Weigh daily and report a gain of more than 2 lb in a day or 5 lb in a week", "2017-02-16", addresses=hf)
    c.careplan("Heart failure self-management", ("735984001", "Heart failure self management plan (record artifact)"), "2017-02-16",
               [("437421000124105", "Sodium restricted diet (regime/therapy)"), "Daily morning weights recorded in log",
                "Fluid restriction 2 liters per day", "Cardiac rehabilitation exercise program"], addresses=[hf], goals=[g1, g2])
    c.visit("2017-03-01", FOLLOWUP)
    c.lab("ldl", "2017-03-01", 88)
    c.imm(*CVX_PCV13, "2017-03-01")
    c.visit("2017-06-01", FOLLOWUP)
    spiro = c.med("313096", "spironolactone 25 MG Oral Tablet", "2017-06-01", "Take 1 tablet (25 mg) by mouth once daily",
                  status="stopped", end="2022-08-30", reason=hf, sr=("labint", "Hyperkalemia (potassium 6.1)"))
    c.vitals("2017-06-01", bp=(124, 76), wt=92.1, hr=70)
    c.imm(*CVX_FLU_HD, "2017-10-02")

    # 2018 AF, warfarin era
    c.visit("2018-09-22", SYMPTOM)
    af = c.cond("49436004", "Atrial fibrillation (disorder)", "2018-09-22", icd=("I48.91", "Unspecified atrial fibrillation"))
    c.vitals("2018-09-22", bp=(132, 86), wt=92.6, hr=124)
    c.visit("2018-09-25", FOLLOWUP)
    warf = c.med("855332", "warfarin sodium 5 MG Oral Tablet", "2018-09-25",
                 "Take as directed per anticoagulation clinic; target INR 2-3", status="stopped", end="2021-02-10", reason=af,
                 sr=("altchoice", "Labile INR (time in therapeutic range 38%); changed to apixaban"))
    c.imm(*CVX_FLU_HD, "2018-10-08")
    c.visit("2018-10-09", FOLLOWUP)
    c.lab("inr_warf", "2018-10-09", 1.6)
    c.visit("2019-01-15", FOLLOWUP)
    amio = c.med("833528", "amiodarone hydrochloride 200 MG Oral Tablet", "2019-01-15",
                 "Take 1 tablet (200 mg) by mouth once daily", status="stopped", end="2021-10-12", reason=af,
                 sr=("sintol", "Hypothyroidism attributed to amiodarone"))
    c.proc("180325003", "Electrical cardioversion (procedure)", "2019-01-20", reason=af,
           outcome="Restored sinus rhythm after a single 200 J synchronized shock",
           note="TEE not required; anticoagulated >3 weeks with therapeutic INR.", minutes=30)
    c.visit("2019-03-04", FOLLOWUP)
    c.lab("inr_warf", "2019-03-05", 2.4)
    c.med("1656354", "sacubitril 49 MG / valsartan 51 MG Oral Tablet", "2019-03-04",
          "Take 1 tablet by mouth twice daily", reason=hf)
    c.imm(*CVX_RZV, "2019-03-11", series="Zoster recombinant 2-dose", dose=1)
    c.imm(*CVX_RZV, "2019-06-10", series="Zoster recombinant 2-dose", dose=2)
    c.lab("creat", "2019-06-10", 1.4)
    c.lab("egfr", "2019-06-10", 50)
    c.lab("ldl", "2019-06-10", 74)
    c.vitals("2019-06-10", bp=(118, 72), wt=90.8, hr=72)
    c.visit("2019-07-08", FOLLOWUP)
    c.lab("inr_warf", "2019-07-08", 3.8)
    c.visit("2019-07-15", SYMPTOM)
    gout = c.cond("90560007", "Gout (disorder)", "2019-07-15", icd=("M10.9", "Gout, unspecified"))
    c.lab("urate", "2019-07-15", 9.4)
    c.med("197541", "colchicine 0.6 MG Oral Tablet", "2019-07-15", "Take 1 tablet (0.6 mg) by mouth twice daily for 14 days",
          status="completed", end="2019-07-29", reason=gout)
    c.visit("2019-08-01", FOLLOWUP)
    c.med("197319", "allopurinol 100 MG Oral Tablet", "2019-08-01", "Take 1 tablet (100 mg) by mouth once daily", reason=gout)
    c.imm(*CVX_FLU_HD, "2019-10-14")
    c.visit("2019-12-02", FOLLOWUP)
    c.lab("inr_warf", "2019-12-02", 1.6)
    c.visit("2020-01-13", FOLLOWUP)
    c.lab("urate", "2020-01-13", 6.8)

    # 2020 CKD, CRT-D
    c.visit("2020-04-06", PROBLEM)
    ckd = c.cond("700379002", "Chronic kidney disease stage 3B (disorder)", "2020-04-06",
                 icd=("N18.32", "Chronic kidney disease, stage 3b"))
    c.lab("creat", "2020-04-06", 1.7)
    c.lab("egfr", "2020-04-06", 39)
    c.vitals("2020-04-06", bp=(126, 74), wt=89.9, hr=68)
    c.visit("2020-04-20", ("183856001", "Referral to nephrology service (procedure)"))
    c.report(LOINC, "24558-9", "US Kidney", "2020-04-20",
             "Bilateral echogenic kidneys with mild cortical thinning (right 9.8 cm, left 10.1 cm). No hydronephrosis. No stones.")
    c.visit("2020-05-11", FOLLOWUP)
    c.lab("inr_warf", "2020-05-11", 4.2)
    c.visit("2020-08-20", FOLLOWUP)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", "2020-08-20", reason=hf, minutes=40)
    c.lab("lvef", "2020-08-20", 30)
    c.report(LOINC, "34552-0", "Cardiac 2D echo panel", "2020-08-20",
             "Ejection fraction 30% despite guideline-directed therapy; QRS 156 ms left bundle branch block on ECG. Candidate for CRT-D.",
             cat=("CUS", "Cardiac Ultrasound"))
    c.enc("AMB", "2020-09-16 07:30", "2020-09-16 13:00", etype=OUTPT_PROC, reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"))
    c.proc("447365002", "Insertion of biventricular implantable cardioverter defibrillator (procedure)", "2020-09-16", reason=hf,
           site=("80891009", "Heart structure (body structure)"), outcome="Biventricular pacing 98%; thresholds acceptable",
           note="Left subclavian approach; CRT-D with LV lead in posterolateral branch. No pneumothorax.", minutes=150)
    c.device("72506001", "Implantable defibrillator, device (physical object)", "2020-09-16", "Corvane Medical", "CRT-D Allegro X4",
             site=("80891009", "Heart structure (body structure)"), reason=hf)
    c.visit("2020-10-12", CHECKUP)
    c.imm(*CVX_FLU_HD4, "2020-10-12")
    c.lab("inr_warf", "2020-10-19", 1.8)
    c.imm(*CVX_MODERNA, "2021-01-20", series="COVID-19 primary", dose=1)
    c.visit("2021-01-25", FOLLOWUP)
    c.lab("inr_warf", "2021-01-25", 3.4)
    c.imm(*CVX_MODERNA, "2021-02-17", series="COVID-19 primary", dose=2)
    c.visit("2021-02-08", FOLLOWUP)
    c.lab("creat", "2021-02-08", 1.8)
    c.lab("egfr", "2021-02-08", 36)
    c.lab("k", "2021-02-08", 4.8)
    c.enc("VR", "2021-02-10", etype=TELE, reason=("49436004", "Atrial fibrillation (disorder)"))
    c.med("1364445", "apixaban 5 MG Oral Tablet", "2021-02-10", "Take 1 tablet (5 mg) by mouth twice daily", reason=af)
    c.note("progress", "2021-02-10", """
TELEHEALTH PROGRESS NOTE - anticoagulation
INR has been labile on warfarin (values 1.6 to 4.2; time in therapeutic range 38%).
Plan: stop warfarin today; start apixaban 5 mg twice daily when INR < 2. Continue clopidogrel for the LAD stent; no aspirin.
Patient prefers fewer blood draws.
""")
    c.visit("2021-03-15", ("410430002", "Device interrogation (procedure)"))
    c.visit("2021-06-01", FOLLOWUP)
    c.lab("tsh", "2021-06-01", 3.1)
    c.visit("2021-10-12", FOLLOWUP)
    c.lab("tsh", "2021-10-12", 14.6)
    c.lab("ft4", "2021-10-12", 0.6)
    hypo = c.cond("40930008", "Hypothyroidism (disorder)", "2021-10-12",
                  icd=("E03.2", "Hypothyroidism due to medicaments and other exogenous substances"))
    c.note("progress", "2021-10-12", """
PROGRESS NOTE - cardiology
TSH 14.6 with low free T4 after 33 months of amiodarone. Amiodarone discontinued today because of amiodarone-induced hypothyroidism.
Rhythm strategy changed to rate control; CRT-D pacing percentage satisfactory.
Start levothyroxine 50 mcg daily; recheck TSH in 3 months.
""")
    c.visit("2021-10-14", FOLLOWUP)
    c.med("966247", "levothyroxine sodium 0.05 MG Oral Tablet", "2021-10-14",
          "Take 1 tablet (50 mcg) by mouth every morning on an empty stomach", reason=hypo)
    c.imm(*CVX_FLU_HD4, "2021-10-20")
    c.imm(*CVX_MODERNA, "2021-10-20", series="COVID-19 booster", dose=3)

    # 2022 HF admission
    c.enc("EMER", "2022-01-11 19:20", "2022-01-11 23:10", etype=ER_ADMIT, reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"))
    adm2 = c.enc("IMP", "2022-01-11 23:10", "2022-01-17", etype=EMERG_HOSP,
                 reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), admit="emd", dispo="home")
    c.lab("creat", "2022-01-11", 2.3, enc=adm2)
    c.lab("egfr", "2022-01-11", 27, enc=adm2)
    c.lab("k", "2022-01-11", 5.2, enc=adm2)
    c.lab("ntprobnp", "2022-01-11", 8450, enc=adm2)
    c.lab("hgb", "2022-01-11", 11.8, enc=adm2)
    c.vitals("2022-01-11", bp=(152, 94), wt=90.4, hr=104, spo2=89, enc=adm2)
    c.report(LOINC, "36643-5", "XR Chest 2 Views", "2022-01-11",
             "Pulmonary edema with small bilateral pleural effusions. CRT-D leads in expected position.", enc=adm2)
    c.med("727316", "furosemide 10 MG/ML Injectable Solution", "2022-01-11", "40 mg IV twice daily",
          status="completed", end="2022-01-16", reason=hf, enc=adm2, cat="inpatient")
    c.vitals("2022-01-17", wt=84.2, bp=(112, 70), enc=adm2)
    c.note("discharge", "2022-01-17", """
DISCHARGE SUMMARY
Admitted 2022-01-11 via the ED with acute on chronic systolic heart failure (NT-proBNP 8450, SpO2 89% on room air).
Diuresed with IV furosemide, net negative 6.1 L. Admission weight 90.4 kg, discharge weight 84.2 kg (new dry weight).
Code status: DNR/DNI, confirmed with patient and wife.
Discharged home with home health nursing for daily weights and medication teaching.
Social history: lives with wife in a single-story house; still drives; former smoker.
""", enc=adm2)
    for d, w in (("2022-01-20", 84.6), ("2022-01-27", 84.9), ("2022-02-03", 84.4)):
        c.enc("HH", d, etype=HOMEVISIT, reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"))
        c.vitals(d, bp=(116, 70), wt=w, hr=70)
    c.lab("tsh", "2022-01-20", 6.2)
    c.visit("2022-03-01", FOLLOWUP)
    c.lab("ntprobnp", "2022-03-01", 3120)
    c.visit("2022-07-10", FOLLOWUP)
    c.lab("tsh", "2022-07-10", 3.4)

    # 2022-08 hyperkalaemia
    ed3 = c.enc("EMER", "2022-08-30 10:15", "2022-08-30 18:40", etype=ER_ADMIT, reason=("14140009", "Hyperkalemia (disorder)"))
    hyperk = c.cond("14140009", "Hyperkalemia (disorder)", "2022-08-30", abate="2022-09-20", icd=("E87.5", "Hyperkalemia"), enc=ed3)
    c.lab("k", "2022-08-30", 6.1, enc=ed3)
    c.lab("creat", "2022-08-30", 1.98, enc=ed3)
    c.lab("egfr", "2022-08-30", 32, enc=ed3)
    c.med("2169296", "sodium zirconium cyclosilicate 10000 MG Powder for Oral Suspension", "2022-08-30",
          "10 g by mouth three times daily for 48 hours", status="completed", end="2022-09-01", reason=hyperk, enc=ed3)
    c.visit("2022-09-20", FOLLOWUP)
    c.lab("k", "2022-09-20", 4.6)
    c.note("progress", "2022-09-20", """
PROGRESS NOTE - heart failure clinic
Seen after ED visit 2022-08-30 for potassium 6.1 (peaked T waves absent). Spironolactone discontinued permanently because of hyperkalemia;
do not rechallenge with a mineralocorticoid antagonist. Potassium today 4.6. Low-potassium diet teaching given.
Plan to add an SGLT2 inhibitor at next visit.
""")
    c.visit("2022-10-03", FOLLOWUP)
    c.med("1488564", "dapagliflozin 10 MG Oral Tablet", "2022-10-03", "Take 1 tablet (10 mg) by mouth once daily", reason=hf)
    c.imm(*CVX_FLU_HD4, "2022-10-17")

    # 2023 cellulitis + annual
    ed4 = c.enc("EMER", "2023-01-09 15:30", "2023-01-09 19:00", etype=ER_ADMIT, reason=("128045006", "Cellulitis (disorder)"))
    cell = c.cond("128045006", "Cellulitis (disorder)", "2023-01-09", abate="2023-01-25",
                  icd=("L03.116", "Cellulitis of left lower limb"), enc=ed4)
    c.med("309114", "cephalexin 500 MG Oral Capsule", "2023-01-09", "Take 1 capsule (500 mg) by mouth four times daily for 7 days",
          status="completed", end="2023-01-16", reason=cell, enc=ed4)
    c.visit("2023-06-12", CHECKUP)
    c.lab("creat", "2023-06-12", 1.9)
    c.lab("egfr", "2023-06-12", 34)
    c.lab("k", "2023-06-12", 4.9)
    c.lab("ldl", "2023-06-12", 61)
    c.lab("a1c", "2023-06-12", 5.8)
    c.lab("urate", "2023-06-12", 5.9)
    c.survey("phq9", "2023-06-12", 6)
    c.smoking("2023-06-12", "former")
    c.vitals("2023-06-12", bp=(122, 72), wt=85.3, hr=68, spo2=96)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", "2023-06-12", reason=hf, minutes=40)
    c.lab("lvef", "2023-06-12", 35)
    c.report(LOINC, "34552-0", "Cardiac 2D echo panel", "2023-06-12",
             "Ejection fraction improved to 35% with biventricular pacing. Mild mitral regurgitation.", cat=("CUS", "Cardiac Ultrasound"))
    c.visit("2023-09-18", ("410430002", "Device interrogation (procedure)"))
    c.imm(*CVX_FLU_HD4, "2023-10-09")

    # 2024 admission -> SNF
    c.enc("EMER", "2024-02-02 02:10", "2024-02-02 06:30", etype=ER_ADMIT, reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"))
    adm3 = c.enc("IMP", "2024-02-02 06:30", "2024-02-06", etype=EMERG_HOSP,
                 reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), admit="emd", dispo="snf")
    aki = c.cond("14669001", "Acute renal failure syndrome (disorder)", "2024-02-02", abate="2024-02-20",
                 icd=("N17.9", "Acute kidney failure, unspecified"), enc=adm3)
    c.lab("creat", "2024-02-02", 2.6, enc=adm3)
    c.lab("egfr", "2024-02-02", 23, enc=adm3)
    c.lab("k", "2024-02-02", 5.4, enc=adm3)
    c.lab("ntprobnp", "2024-02-02", 11200, enc=adm3)
    c.lab("hgb", "2024-02-02", 10.9, enc=adm3)
    c.vitals("2024-02-02", bp=(146, 88), wt=89.7, hr=98, spo2=90, enc=adm3)
    c.report(LOINC, "36643-5", "XR Chest 2 Views", "2024-02-02",
             "Cardiomegaly with bilateral pleural effusions and pulmonary vascular congestion.", enc=adm3)
    c.note("hp", "2024-02-02", """
HISTORY AND PHYSICAL
77M with ischemic cardiomyopathy (EF 35%), CRT-D, permanent AF on apixaban, CKD 3b, admitted with 5 days of orthopnea and 5 kg weight gain.
NYHA class III-IV on arrival. Chest x-ray impression: cardiomegaly, bilateral effusions, vascular congestion.
Goals of care: wishes to avoid intubation and CPR; remains DNR/DNI.
Plan: IV diuresis, hold sacubitril-valsartan for AKI, daily BMP.
""", enc=adm3)
    c.note("discharge", "2024-02-06", """
DISCHARGE SUMMARY
Acute on chronic HFrEF with acute kidney injury (creatinine 2.6 from baseline 1.9). Sacubitril-valsartan held 2 days then resumed at same dose.
Discharged to Seabrook Skilled Nursing and Rehabilitation for strengthening; expected stay 2-3 weeks.
Discharge weight 85.1 kg.
""", enc=adm3)
    c.visit("2024-08-20", FOLLOWUP)
    c.lab("creat", "2024-08-20", 2.1)
    c.lab("egfr", "2024-08-20", 30)
    c.lab("tsh", "2024-08-20", 2.1)
    c.vitals("2024-08-20", bp=(118, 68), wt=84.8, hr=70)
    c.imm(*CVX_FLU_HD4, "2024-10-14")
    c.enc("VR", "2024-11-05", etype=TELE, reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"))
    c.vitals("2024-11-05", wt=84.5)
    c.visit("2025-04-28", FOLLOWUP)
    c.lab("creat", "2025-04-28", 1.96)
    c.lab("egfr", "2025-04-28", 31)
    c.lab("k", "2025-04-28", 4.7)
    c.lab("ntprobnp", "2025-04-28", 2870)
    c.lab("hgb", "2025-04-28", 11.4)
    c.lab("ldl", "2025-04-28", 58)
    c.vitals("2025-04-28", bp=(114, 66), wt=83.9, hr=66, spo2=96)
    c.note("progress", "2025-04-28", """
PROGRESS NOTE - heart failure clinic
Feels well; NYHA class II. Walks 20 minutes daily with wife. Still drives short distances in daylight.
Weight 83.9 kg, near dry weight. Continue current regimen. Device check in 6 months.
""")
    return c


# ----------------------------------------------------------------------------------------------
# Patient 2: 33 y woman, two pregnancies: severe pre-eclampsia (2020), GDM on insulin (2023-24),
# postpartum pre-eclampsia, postpartum depression, asthma, IUD. No known allergies.
# ----------------------------------------------------------------------------------------------
def build_p2():
    c = Chart(RNG, 2, "bundle", "Linden Valley Women's Health", "Dr. Tomasz Vell")
    c.patient("Marisol", "Quenneville", "female", "1992-04-03", "9 Orchard Lane Apt 3", "Westbrook", "ME", "04092",
              ("M", "Married"), race=("2106-3", "White"), eth=("2135-2", "Hispanic or Latino"), prefix="Mrs.")
    c.imm(*CVX_HPV4, "2005-06-13", series="HPV 3-dose", dose=1)
    c.imm(*CVX_HPV4, "2005-08-15", series="HPV 3-dose", dose=2)
    c.imm(*CVX_HPV4, "2005-12-12", series="HPV 3-dose", dose=3)
    c.visit("2008-04-21", SYMPTOM)
    asthma = c.cond("195967001", "Asthma (disorder)", "2008-04-21", icd=("J45.20", "Mild intermittent asthma, uncomplicated"))
    c.allergy("716186003", "No known allergy (situation)", "2008-04-21", atype=None, cat=None, crit=None)
    c.visit("2019-06-03", FOLLOWUP)
    c.med("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "2019-06-03",
          "Inhale 2 puffs every 4-6 hours as needed for wheeze or shortness of breath", reason=asthma, prn=True)
    c.family("MTH", "mother", "female", [("44054006", "Diabetes mellitus type 2 (disorder)", 46, False)], "2019-06-03")
    c.family("FTH", "father", "male", [("59621000", "Essential hypertension (disorder)", 50, False)], "2019-06-03")
    c.family("MAUNT", "maternal aunt", "female", [("254837009", "Malignant neoplasm of breast (disorder)", 52, False)], "2019-06-03")

    # pregnancy 1
    c.visit("2019-08-05", ("424441002", "Prenatal initial visit (regime/therapy)"))
    preg1 = c.cond("72892002", "Normal pregnancy (finding)", "2019-08-05", abate="2020-03-29", cat="problem-list-item")
    c.smoking("2019-08-05", "never")
    c.vitals("2019-08-05", bp=(112, 70), wt=63.2, ht=165.1)
    c.med("310410", "folic acid 1 MG Oral Tablet", "2019-08-05", "Take 1 tablet by mouth daily (prenatal supplement)",
          status="completed", end="2020-06-01", reason=preg1)
    for d, s, di, w in (("2019-10-07", 110, 68, 65.0), ("2019-12-02", 114, 72, 67.9), ("2020-01-20", 118, 74, 70.1),
                        ("2020-02-24", 126, 80, 72.4), ("2020-03-16", 132, 84, 74.0)):
        c.visit(d, ("424619006", "Prenatal visit (regime/therapy)"))
        c.vitals(d, bp=(s, di), wt=w)
    c.imm(*CVX_FLU4, "2019-10-07")
    c.imm(*CVX_TDAP, "2020-01-20")
    adm1 = c.enc("IMP", "2020-03-28 21:40", "2020-04-02", etype=("183460006", "Obstetric emergency hospital admission (procedure)"),
                 reason=("46764007", "Severe pre-eclampsia (disorder)"), admit="emd", dispo="home")
    pe1 = c.cond("46764007", "Severe pre-eclampsia (disorder)", "2020-03-28", abate="2020-05-10",
                 icd=("O14.13", "Severe pre-eclampsia, third trimester"), enc=adm1)
    c.vitals("2020-03-28", bp=(168, 110), hr=92, enc=adm1)
    c.lab("plt", "2020-03-28", 98, enc=adm1)
    c.lab("alt", "2020-03-28", 88, enc=adm1)
    c.lab("ast", "2020-03-28", 102, enc=adm1)
    c.lab("upcr", "2020-03-28", 1.8, enc=adm1)
    c.lab("creat", "2020-03-28", 0.9, enc=adm1)
    c.lab("hgb", "2020-03-28", 11.6, enc=adm1)
    c.med("1795480", "magnesium sulfate 40 MG/ML Injectable Solution", "2020-03-28",
          "4 g IV loading dose then 2 g/hour for seizure prophylaxis", status="completed", end="2020-03-30", reason=pe1,
          enc=adm1, cat="inpatient")
    c.med("896771", "labetalol hydrochloride 200 MG Oral Tablet", "2020-03-28", "Take 1 tablet (200 mg) by mouth twice daily",
          status="stopped", end="2020-05-12", reason=pe1, sr=("altchoice", "Blood pressure normalized postpartum"), enc=adm1)
    c.proc("11466000", "Cesarean section (procedure)", "2020-03-29", reason=pe1, enc=adm1, minutes=55,
           outcome="Liveborn male infant", note="Primary low transverse cesarean at 35w5d for severe pre-eclampsia with non-reassuring fetal heart tracing.")
    c.note("discharge", "2020-04-02", """
DISCHARGE SUMMARY - obstetrics
G1 admitted 2020-03-28 at 35w4d with headache and BP 168/110; severe pre-eclampsia with platelets 98 and elevated transaminases.
Magnesium for seizure prophylaxis. Primary low transverse cesarean 2020-03-29; liveborn male, 2480 g, to NICU for 4 days (prematurity).
Discharged on labetalol 200 mg twice daily. Advised low-dose aspirin from 12 weeks in any future pregnancy.
""", enc=adm1)
    c.visit("2020-05-12", ("169762003", "Postnatal visit (regime/therapy)"))
    c.vitals("2020-05-12", bp=(118, 74), wt=66.0)
    c.imm(*CVX_FLU4, "2020-10-13")
    c.imm(*CVX_PFIZER, "2021-04-15", series="COVID-19 primary", dose=1)
    c.imm(*CVX_PFIZER, "2021-05-06", series="COVID-19 primary", dose=2)
    c.imm(*CVX_FLU4, "2021-10-11")
    c.visit("2021-11-08", ("394701000", "Asthma follow-up (regime/therapy)"))
    c.med("1797855", "120 ACTUAT budesonide 0.18 MG/ACTUAT Dry Powder Inhaler", "2021-11-08",
          "Inhale 1 puff twice daily; rinse mouth after use", reason=asthma)
    c.imm(*CVX_PFIZER, "2021-12-01", series="COVID-19 booster", dose=3)
    c.imm(*CVX_FLU4, "2022-10-17")

    # pregnancy 2
    c.visit("2023-08-01", ("424441002", "Prenatal initial visit (regime/therapy)"))
    preg2 = c.cond("72892002", "Normal pregnancy (finding)", "2023-08-01", abate="2024-03-12", cat="problem-list-item")
    c.smoking("2023-08-01", "never")
    c.vitals("2023-08-01", bp=(114, 72), wt=66.8)
    c.lab("hgb", "2023-08-01", 12.4)
    c.lab("a1c", "2023-08-01", 5.6)
    c.lab("tsh", "2023-08-01", 1.8)
    c.med("310410", "folic acid 1 MG Oral Tablet", "2023-08-01", "Take 1 tablet by mouth daily (prenatal supplement)", reason=preg2)
    c.note("hp", "2023-08-01", """
HISTORY AND PHYSICAL - initial prenatal visit
33yo G2P0101 at 6w0d by LMP 2023-06-20, EDD 2024-03-26.
OB history: 2020 preterm cesarean at 35 weeks for severe pre-eclampsia (son, now healthy).
Rubella non-immune on prenatal panel: plan MMR postpartum.
Social: works as a dental hygienist; married; no alcohol, tobacco or drugs.
Plan: low-dose aspirin from 12 weeks until 36 weeks because of prior pre-eclampsia; early glucose screening.
""")
    c.visit("2023-09-12", ("424619006", "Prenatal visit (regime/therapy)"))
    c.vitals("2023-09-12", bp=(110, 70), wt=67.5)
    c.med("243670", "aspirin 81 MG Oral Tablet", "2023-09-12", "Take 1 tablet (81 mg) by mouth nightly from 12 weeks until 36 weeks",
          status="completed", end="2024-02-27", reason=pe1)
    c.imm(*CVX_FLU4, "2023-10-02")
    c.visit("2023-10-30", SYMPTOM)
    uti = c.cond("68566005", "Urinary tract infectious disease (disorder)", "2023-10-30", abate="2023-11-10",
                 icd=("O23.42", "Unspecified infection of urinary tract in pregnancy, second trimester"))
    c.med("1648755", "nitrofurantoin, macrocrystals 25 MG / nitrofurantoin, monohydrate 75 MG Oral Capsule", "2023-10-30",
          "Take 1 capsule (100 mg) by mouth twice daily for 5 days", status="completed", end="2023-11-04", reason=uti)
    c.visit("2023-11-07", ("424619006", "Prenatal visit (regime/therapy)"))
    c.proc("268445003", "Ultrasound scan - obstetric (procedure)", "2023-11-07", reason=preg2, minutes=40)
    c.report(LOINC, "11525-3", "US Pelvis Fetus for pregnancy", "2023-11-07",
             "Single live intrauterine pregnancy at 20w0d. Normal fetal anatomy survey. Posterior placenta, no previa.")
    c.vitals("2023-11-07", bp=(112, 68), wt=70.2)
    c.visit("2023-12-05", ("424619006", "Prenatal visit (regime/therapy)"))
    c.lab("gct", "2023-12-05", 168)
    c.vitals("2023-12-05", bp=(116, 72), wt=72.0)
    c.visit("2023-12-14", ("424619006", "Prenatal visit (regime/therapy)"))
    c.lab("fglu", "2023-12-14", 98)
    c.visit("2023-12-18", PROBLEM)
    gdm = c.cond("11687002", "Gestational diabetes mellitus (disorder)", "2023-12-18", abate="2024-03-12",
                 icd=("O24.414", "Gestational diabetes mellitus in pregnancy, insulin controlled"))
    gg1 = c.goal("Fasting glucose below 95 mg/dL", "2023-12-18", achieved="achieved", addresses=gdm)
    gg2 = c.goal("1-hour postprandial glucose below 140 mg/dL", "2023-12-18", achieved="achieved", addresses=gdm)
    c.careplan("Gestational diabetes care plan", ("698360004", "Diabetes self management plan (record artifact)"), "2023-12-18",
               ["Medical nutrition therapy with registered dietitian", "Fingerstick glucose fasting and 1 hour after meals",
                "Weekly glucose log review"], end="2024-03-12", addresses=[gdm], goals=[gg1, gg2])
    c.imm(*CVX_TDAP, "2024-01-10")
    c.visit("2024-01-15", ("424619006", "Prenatal visit (regime/therapy)"))
    c.vitals("2024-01-15", bp=(118, 74), wt=73.8)
    c.lab("hgb", "2024-01-15", 10.1)
    c.lab("ferritin", "2024-01-15", 8)
    c.lab("a1c", "2024-01-15", 5.9)
    ida = c.cond("87522002", "Iron deficiency anemia (disorder)", "2024-01-15", icd=("O99.013", "Anemia complicating pregnancy, third trimester"))
    c.med("311028", "insulin isophane, human 100 UNT/ML Injectable Suspension", "2024-01-15",
          "Inject 10 units subcutaneously at bedtime; titrate by 2 units every 3 days to fasting glucose below 95",
          status="completed", end="2024-03-12", reason=gdm)
    c.med("310325", "ferrous sulfate 325 MG Oral Tablet", "2024-01-15", "Take 1 tablet (325 mg) by mouth once daily",
          status="stopped", end="2024-06-10", reason=ida, sr=("sintol", "Constipation; changed to IV iron"))
    c.visit("2024-02-20", ("424619006", "Prenatal visit (regime/therapy)"))
    c.proc("268445003", "Ultrasound scan - obstetric (procedure)", "2024-02-20", reason=gdm, minutes=30)
    c.report(LOINC, "11525-3", "US Pelvis Fetus for pregnancy", "2024-02-20",
             "Growth scan 34w6d: estimated fetal weight 2590 g (78th percentile). Normal amniotic fluid. Cephalic.")
    c.vitals("2024-02-20", bp=(124, 78), wt=75.9)
    adm2 = c.enc("IMP", "2024-03-12 06:00", "2024-03-15", etype=HOSP_ADMIT,
                 reason=("11466000", "Cesarean section (procedure)"), admit="mp", dispo="home")
    c.med("1665060", "cefazolin 2000 MG Injection", "2024-03-12", "2 g IV once within 60 minutes before incision",
          status="completed", end="2024-03-12", enc=adm2, cat="inpatient", rcode=("11466000", "Cesarean section (procedure)"))
    c.proc("11466000", "Cesarean section (procedure)", "2024-03-12", reason=preg2, enc=adm2, minutes=50,
           outcome="Liveborn female infant", note="Scheduled repeat low transverse cesarean at 38w0d; EBL 900 mL.")
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", "2024-03-12",
          "Take 1 tablet (5 mg) by mouth every 4 hours as needed for severe pain", status="completed", end="2024-03-19",
          prn=True, enc=adm2, rcode=("213299007", "Postoperative pain (finding)"))
    c.med("197806", "ibuprofen 600 MG Oral Tablet", "2024-03-12", "Take 1 tablet (600 mg) by mouth every 6 hours for 14 days",
          status="completed", end="2024-03-26", enc=adm2)
    c.lab("hgb", "2024-03-13", 8.9, enc=adm2)
    c.imm(*CVX_MMR, "2024-03-14", enc=adm2)
    c.vitals("2024-03-14", bp=(134, 86), enc=adm2)
    c.note("discharge", "2024-03-15", """
DISCHARGE SUMMARY - obstetrics
Scheduled repeat low transverse cesarean 2024-03-12 at 38w0d. Liveborn female, 3210 g, Apgars 8 and 9.
Gestational diabetes: insulin stopped at delivery; 75 g glucose tolerance test due at 6-12 weeks postpartum.
Postoperative hemoglobin 8.9. MMR given 2024-03-14 (rubella non-immune). Breastfeeding well.
Contraception: tubal ligation declined; plans levonorgestrel IUD at 6 weeks.
""", enc=adm2)
    c.enc("HH", "2024-03-17", etype=HOMEVISIT, reason=("169762003", "Postnatal visit (regime/therapy)"))
    c.vitals("2024-03-17", bp=(148, 94), wt=70.4)
    c.enc("EMER", "2024-03-20 16:05", "2024-03-20 20:30", etype=ER_ADMIT, reason=("25064002", "Headache (finding)"))
    c.vitals("2024-03-20", bp=(162, 104), hr=88)
    adm3 = c.enc("IMP", "2024-03-20 20:30", "2024-03-22", etype=EMERG_HOSP,
                 reason=("46764007", "Severe pre-eclampsia (disorder)"), admit="emd", dispo="home")
    pe2 = c.cond("46764007", "Severe pre-eclampsia (disorder)", "2024-03-20", abate="2024-04-30",
                 icd=("O14.15", "Severe pre-eclampsia, complicating the puerperium"), enc=adm3)
    c.lab("plt", "2024-03-20", 142, enc=adm3)
    c.lab("upcr", "2024-03-20", 0.6, enc=adm3)
    c.lab("hgb", "2024-03-20", 9.6, enc=adm3)
    c.lab("alt", "2024-03-20", 31, enc=adm3)
    c.lab("creat", "2024-03-20", 0.7, enc=adm3)
    c.med("1795480", "magnesium sulfate 40 MG/ML Injectable Solution", "2024-03-20",
          "4 g IV loading dose then 2 g/hour for 24 hours", status="completed", end="2024-03-21", reason=pe2, enc=adm3, cat="inpatient")
    c.vitals("2024-03-21", bp=(138, 88), enc=adm3)
    c.med("672916", "24 HR nifedipine 30 MG Extended Release Oral Tablet", "2024-03-21", "Take 1 tablet (30 mg) by mouth once daily",
          status="stopped", end="2024-05-02", reason=pe2, sr=("altchoice", "Blood pressure normalized; no longer needed"), enc=adm3)
    c.lab("plt", "2024-03-22", 165, enc=adm3)
    c.note("discharge", "2024-03-22", """
DISCHARGE SUMMARY
Readmitted on postpartum day 8 with severe headache and BP 162/104: postpartum pre-eclampsia with severe features.
Magnesium for 24 hours. Started nifedipine ER 30 mg daily. Given home BP cuff; call if BP over 150/100.
Breastfeeding continued (nifedipine compatible).
""", enc=adm3)
    c.visit("2024-04-02", FOLLOWUP)
    c.vitals("2024-04-02", bp=(132, 84))
    c.visit("2024-04-24", ("169762003", "Postnatal visit (regime/therapy)"))
    ppd = c.cond("58703003", "Postpartum depression (disorder)", "2024-04-24", icd=("F53.0", "Postpartum depression"))
    c.survey("phq9", "2024-04-24", 16)
    c.survey("gad7", "2024-04-24", 12)
    c.vitals("2024-04-24", bp=(124, 80), wt=68.9)
    c.med("312940", "sertraline 50 MG Oral Tablet", "2024-04-24", "Take 1 tablet (50 mg) by mouth once daily",
          status="stopped", end="2024-07-15", reason=ppd, sr=("altchoice", "Dose increased to 100 mg"))
    c.note("progress", "2024-04-24", """
PROGRESS NOTE - postpartum visit
Tearful, poor sleep beyond infant care, EPDS-equivalent symptoms; PHQ-9 16. No suicidal ideation, no thoughts of harming baby.
Partner supportive; mother-in-law helping 3 days a week. Plans to return to work as a dental hygienist in June.
Start sertraline 50 mg daily (compatible with breastfeeding). Referral to perinatal psychotherapy.
""")
    c.visit("2024-05-02", FOLLOWUP)
    c.vitals("2024-05-02", bp=(118, 76))
    c.visit("2024-05-06", ("169762003", "Postnatal visit (regime/therapy)"))
    c.vitals("2024-05-06", bp=(116, 74), wt=68.1)
    c.lab("ogtt2h", "2024-05-06", 128)
    c.lab("a1c", "2024-05-06", 5.4)
    c.lab("hgb", "2024-05-06", 10.6)
    c.proc("65200003", "Insertion of intrauterine contraceptive device (procedure)", "2024-05-06",
           rcode=("13197004", "Contraception (finding)"), outcome="Uncomplicated placement; strings visible", minutes=20)
    c.device("268460000", "Intrauterine contraceptive device (physical object)", "2024-05-06", "Helix Women's Health",
             "LNG-IUS 52 mg", site=("35039007", "Uterine structure (body structure)"), years=8)
    c.enc("VR", "2024-06-05", etype=TELE, reason=("58703003", "Postpartum depression (disorder)"))
    c.survey("phq9", "2024-06-05", 11)
    c.visit("2024-06-10", FOLLOWUP)
    c.note("progress", "2024-06-10", """
PROGRESS NOTE
Oral ferrous sulfate stopped: persistent constipation despite stool softener. Hemoglobin recovering slowly.
Arranged IV iron sucrose 200 mg x 3 doses at infusion center.
""")
    c.visit("2024-06-20", ("698314001", "Consultation for treatment (procedure)"))
    c.med("1658168", "iron sucrose 20 MG/ML Injectable Solution", "2024-06-20", "200 mg IV once weekly for 3 doses",
          status="completed", end="2024-07-08", reason=ida, cat="outpatient")
    c.visit("2024-07-15", FOLLOWUP)
    c.survey("phq9", "2024-07-15", 12)
    c.med("312941", "sertraline 100 MG Oral Tablet", "2024-07-15", "Take 1 tablet (100 mg) by mouth once daily", reason=ppd)
    c.visit("2024-08-12", FOLLOWUP)
    c.lab("hgb", "2024-08-12", 12.2)
    c.lab("ferritin", "2024-08-12", 64)
    c.enc("VR", "2024-10-14", etype=TELE, reason=("58703003", "Postpartum depression (disorder)"))
    c.survey("phq9", "2024-10-14", 6)
    c.imm(*CVX_FLU4, "2024-10-21")
    c.visit("2025-05-20", CHECKUP)
    c.lab("hgb", "2025-05-20", 12.9)
    c.survey("phq9", "2025-05-20", 4)
    c.survey("gad7", "2025-05-20", 5)
    c.vitals("2025-05-20", bp=(114, 72), wt=65.7, hr=72)
    c.smoking("2025-05-20", "never")
    return c


# ----------------------------------------------------------------------------------------------
# Patient 3 (bulk): 45 y man, HIV on ART since 2014, latent syphilis treated, CAP admission 2021,
# hepatitis B vaccine non-responder then revaccinated, depression, neuropathy, obesity on GLP-1.
# ----------------------------------------------------------------------------------------------
def build_p3():
    c = Chart(RNG, 3, "bulk", "Eastgate Infectious Disease and Primary Care", "Dr. Folasade Renwick")
    c.patient("Desmond", "Achterberg", "male", "1979-11-22", "220 Millrace St", "Port Alder", "OR", "97404",
              ("M", "Married"), race=("2054-5", "Black or African American"))
    c.visit("2014-05-12", PROBLEM)
    hiv = c.cond("86406008", "Human immunodeficiency virus infection (disorder)", "2014-05-12",
                 icd=("B20", "Human immunodeficiency virus [HIV] disease"))
    c.lab("cd4", "2014-05-12", 180)
    c.lab("vl", "2014-05-12", 148000, interp="H")
    c.lab_coded("5196-1", "Hepatitis B virus surface Ag [Presence] in Serum by Immunoassay", "2014-05-12",
                "260385009", "Negative (qualifier value)", rr_text="Negative")
    c.lab("antihbs", "2014-05-12", 2)
    c.lab_coded("16128-1", "Hepatitis C virus Ab [Presence] in Serum", "2014-05-12", "260385009", "Negative (qualifier value)",
                rr_text="Negative")
    c.lab_text("31147-2", "Reagin Ab [Titer] in Serum by RPR", "2014-05-12", "Nonreactive", rr_text="Nonreactive")
    c.lab("creat", "2014-05-12", 0.98)
    c.lab("alt", "2014-05-12", 42)
    c.smoking("2014-05-12", "daily")
    c.vitals("2014-05-12", bp=(128, 82), wt=88.2, ht=177.8, hr=76)
    c.allergy("256349002", "Peanut (substance)", "2014-05-12", cat="food", crit="high",
              reactions=[("39579001", "Anaphylaxis (disorder)", "severe")], desc="Anaphylaxis in childhood; carries epinephrine auto-injector")
    c.family("MTH", "mother", "female", [("44054006", "Diabetes mellitus type 2 (disorder)", 55, False)], "2014-05-12")
    c.family("FTH", "father", "male", [("363406005", "Malignant neoplasm of colon (disorder)", 62, True)], "2014-05-12", deceased_age=66)
    c.family("BRO", "brother", "male", [("59621000", "Essential hypertension (disorder)", 41, False)], "2014-05-12")
    c.visit("2014-06-02", FOLLOWUP)
    atr = c.med("643066", "efavirenz 600 MG / emtricitabine 200 MG / tenofovir disoproxil fumarate 300 MG Oral Tablet", "2014-06-02",
                "Take 1 tablet by mouth once daily at bedtime on an empty stomach", status="stopped", end="2017-03-06", reason=hiv,
                sr=("sintol", "Vivid dreams and insomnia"))
    c.med("198335", "sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet", "2014-06-02",
          "Take 1 tablet by mouth once daily for Pneumocystis prophylaxis", status="stopped", end="2015-04-20", reason=hiv,
          sr=("altchoice", "CD4 count above 200 cells/uL for more than 3 months; prophylaxis no longer indicated"))
    hg1 = c.goal("HIV-1 RNA below 20 copies/mL", "2014-06-02", achieved="achieved", addresses=hiv)
    hg2 = c.goal("Take antiretroviral therapy every day (adherence above 95%)", "2014-06-02", addresses=hiv)
    c.careplan("HIV care plan", ("736376001", "Infectious disease care plan (record artifact)"), "2014-06-02",
               ["Viral load and CD4 count every 3-6 months", "Adherence counseling", "Vaccinations per HIV schedule",
                "Annual syphilis and STI screening"], addresses=[hiv], goals=[hg1, hg2])
    c.visit("2014-07-07", FOLLOWUP)
    c.imm(*CVX_HEPB_ADULT, "2014-07-07", series="Hepatitis B 3-dose", dose=1)
    c.imm(*CVX_HEPA, "2014-07-07", series="Hepatitis A 2-dose", dose=1)
    c.imm(*CVX_PCV13, "2014-07-07")
    c.imm(*CVX_MEN, "2014-07-07", series="MenACWY 2-dose primary", dose=1)
    c.imm(*CVX_HPV9, "2014-07-07", series="HPV 3-dose", dose=1)
    c.imm(*CVX_HEPB_ADULT, "2014-08-11", series="Hepatitis B 3-dose", dose=2)
    c.visit("2014-09-08", FOLLOWUP)
    c.imm(*CVX_PPSV23, "2014-09-08")
    c.imm(*CVX_MEN, "2014-09-08", series="MenACWY 2-dose primary", dose=2)
    c.imm(*CVX_HPV9, "2014-09-08", series="HPV 3-dose", dose=2)
    c.lab("vl", "2014-09-08", 1200, interp="H")
    c.imm(*CVX_FLU4, "2014-10-14")
    c.visit("2014-11-10", FOLLOWUP)
    c.lab("cd4", "2014-11-10", 260)
    c.lab("vl", "2014-11-10", 20, comparator="<")
    c.visit("2015-01-12", FOLLOWUP)
    c.imm(*CVX_HEPB_ADULT, "2015-01-12", series="Hepatitis B 3-dose", dose=3)
    c.imm(*CVX_HEPA, "2015-01-12", series="Hepatitis A 2-dose", dose=2)
    c.imm(*CVX_HPV9, "2015-01-12", series="HPV 3-dose", dose=3)
    c.visit("2015-03-02", FOLLOWUP)
    c.lab("antihbs", "2015-03-02", 6)
    c.visit("2015-04-20", FOLLOWUP)
    c.lab("cd4", "2015-04-20", 310)
    c.imm(*CVX_HEPB_CPG, "2015-06-01", series="Hepatitis B revaccination 2-dose", dose=1)
    c.imm(*CVX_HEPB_CPG, "2015-07-06", series="Hepatitis B revaccination 2-dose", dose=2)
    c.visit("2015-09-14", FOLLOWUP)
    c.lab("antihbs", "2015-09-14", 84)
    c.imm(*CVX_FLU4, "2015-10-19")
    c.visit("2016-05-16", FOLLOWUP)
    c.lab("cd4", "2016-05-16", 420)
    c.lab("vl", "2016-05-16", 20, comparator="<")
    c.visit("2016-08-15", PROBLEM)
    syph = c.cond("76272004", "Syphilis (disorder)", "2016-08-15", abate="2018-08-20",
                  icd=("A53.0", "Latent syphilis, unspecified as early or late"))
    c.lab_text("31147-2", "Reagin Ab [Titer] in Serum by RPR", "2016-08-15", "1:32", interp="A", rr_text="Nonreactive")
    c.med("731570", "penicillin G benzathine 600000 UNT/ML Injectable Suspension", "2016-08-15",
          "2.4 million units IM once weekly for 3 weeks", status="completed", end="2016-08-29", reason=syph, cat="outpatient")
    c.imm(*CVX_TDAP, "2016-08-15")
    c.imm(*CVX_FLU4, "2016-10-17")
    c.visit("2017-02-20", FOLLOWUP)
    c.lab_text("31147-2", "Reagin Ab [Titer] in Serum by RPR", "2017-02-20", "1:8", interp="A", rr_text="Nonreactive")
    c.visit("2017-03-06", FOLLOWUP)
    c.lab("vl", "2017-03-06", 64, interp="H")
    c.lab("creat", "2017-03-06", 1.31)
    dtg = c.med("1433873", "dolutegravir 50 MG Oral Tablet", "2017-03-06", "Take 1 tablet (50 mg) by mouth once daily",
                status="stopped", end="2018-09-10", reason=hiv,
                sr=("altchoice", "Simplified to single-tablet regimen; creatinine rising on tenofovir disoproxil"))
    c.med("476556", "emtricitabine 200 MG / tenofovir disoproxil fumarate 300 MG Oral Tablet", "2017-03-06",
          "Take 1 tablet by mouth once daily", status="stopped", end="2018-09-10", reason=hiv,
          sr=("altchoice", "Simplified to single-tablet regimen; creatinine rising on tenofovir disoproxil"))
    c.note("progress", "2017-03-06", """
PROGRESS NOTE - HIV clinic
On efavirenz/emtricitabine/tenofovir DF since 2014. Reports vivid dreams, nightmares and insomnia most nights; wants to change.
Viral load 64 (low-level blip), CD4 stable. HLA-B*5701 negative (tested 2014).
Switch to dolutegravir plus emtricitabine/tenofovir DF today.
Social: works as a sous chef; lives with his husband, who is HIV-negative and takes PrEP. Smokes about 1 pack per day.
""")
    c.visit("2017-05-15", SYMPTOM)
    dep = c.cond("35489007", "Depressive disorder (disorder)", "2017-05-15", icd=("F32.A", "Depression, unspecified"))
    c.survey("phq9", "2017-05-15", 15)
    c.smoking("2017-05-15", "daily")
    c.med("351249", "escitalopram 10 MG Oral Tablet", "2017-05-15", "Take 1 tablet (10 mg) by mouth once daily",
          status="stopped", end="2020-02-03", reason=dep, sr=("sintol", "Sexual dysfunction"))
    c.visit("2017-08-21", FOLLOWUP)
    c.lab_text("31147-2", "Reagin Ab [Titer] in Serum by RPR", "2017-08-21", "1:2", interp="A", rr_text="Nonreactive")
    c.imm(*CVX_FLU4, "2017-10-16")
    c.visit("2018-08-20", FOLLOWUP)
    c.lab_text("31147-2", "Reagin Ab [Titer] in Serum by RPR", "2018-08-20", "Nonreactive", interp="N", rr_text="Nonreactive")
    c.visit("2018-09-10", FOLLOWUP)
    c.lab("cd4", "2018-09-10", 560)
    c.lab("vl", "2018-09-10", 20, comparator="<")
    c.lab("creat", "2018-09-10", 1.38)
    c.med("1999668", "bictegravir 50 MG / emtricitabine 200 MG / tenofovir alafenamide 25 MG Oral Tablet", "2018-09-10",
          "Take 1 tablet by mouth once daily", reason=hiv)
    c.imm(*CVX_FLU4, "2018-10-15")
    c.visit("2019-03-18", CHECKUP)
    c.lab("ldl", "2019-03-18", 178)
    c.lab("chol", "2019-03-18", 256)
    c.lab("a1c", "2019-03-18", 5.9)
    c.smoking("2019-03-18", "daily")
    c.vitals("2019-03-18", bp=(134, 86), wt=97.6, hr=80)
    hld = c.cond("55822004", "Hyperlipidemia (disorder)", "2019-03-18", icd=("E78.5", "Hyperlipidemia, unspecified"))
    c.med("859749", "rosuvastatin calcium 10 MG Oral Tablet", "2019-03-18", "Take 1 tablet (10 mg) by mouth once daily", reason=hld)
    c.visit("2019-09-16", FOLLOWUP)
    c.lab("ldl", "2019-09-16", 104)
    c.lab("creat", "2019-09-16", 1.12)
    c.imm(*CVX_MEN, "2019-09-16", series="MenACWY booster", dose=3)
    c.visit("2019-10-15", CHECKUP)
    c.imm(*CVX_FLU4, "2019-10-15", status="not-done", reason=("PATOBJ", "patient objection", "Declined influenza vaccine this season"))
    c.visit("2019-10-21", SYMPTOM)
    neuro = c.cond("302226006", "Peripheral nerve disease (disorder)", "2019-10-21", icd=("G62.9", "Polyneuropathy, unspecified"))
    c.med("310431", "gabapentin 300 MG Oral Capsule", "2019-10-21", "Take 1 capsule (300 mg) by mouth three times daily",
          status="stopped", end="2020-02-03", reason=neuro, sr=("sintol", "Daytime sedation"))
    c.visit("2020-02-03", FOLLOWUP)
    c.survey("phq9", "2020-02-03", 12)
    c.med("596930", "duloxetine 60 MG Delayed Release Oral Capsule", "2020-02-03", "Take 1 capsule (60 mg) by mouth once daily",
          reason=[dep, neuro])
    c.note("progress", "2020-02-03", """
PROGRESS NOTE - primary care
Escitalopram stopped because of sexual dysfunction (delayed ejaculation, low libido). Gabapentin stopped because of daytime sedation at work.
Start duloxetine 60 mg daily to treat both depression and painful distal neuropathy of the feet.
""")
    c.enc("VR", "2020-04-15", etype=TELE, reason=("35489007", "Depressive disorder (disorder)"))
    c.survey("phq9", "2020-04-15", 7)
    c.visit("2020-09-14", FOLLOWUP)
    c.lab("cd4", "2020-09-14", 610)
    c.lab("vl", "2020-09-14", 20, comparator="<")
    c.enc("VR", "2020-09-21", etype=TELE, reason=("86406008", "Human immunodeficiency virus infection (disorder)"))
    c.imm(*CVX_FLU4, "2020-10-19")
    c.visit("2021-03-10", CHECKUP)
    c.lab("a1c", "2021-03-10", 6.2)
    c.cond("714628002", "Prediabetes (finding)", "2021-03-10", icd=("R73.03", "Prediabetes"))
    c.imm(*CVX_MODERNA, "2021-03-10", series="COVID-19 primary", dose=1)
    c.imm(*CVX_MODERNA, "2021-04-07", series="COVID-19 primary", dose=2)
    c.imm(*CVX_FLU4, "2021-10-18")
    c.imm(*CVX_MODERNA, "2021-11-15", series="COVID-19 booster", dose=3)

    # CAP admission
    c.enc("EMER", "2021-12-04 09:30", "2021-12-04 14:00", etype=ER_ADMIT, reason=("233604007", "Pneumonia (disorder)"))
    adm = c.enc("IMP", "2021-12-04 14:00", "2021-12-07", etype=EMERG_HOSP, reason=("233604007", "Pneumonia (disorder)"),
                admit="emd", dispo="home")
    pna = c.cond("233604007", "Pneumonia (disorder)", "2021-12-04", abate="2021-12-20", icd=("J18.9", "Pneumonia, unspecified organism"), enc=adm)
    c.vitals("2021-12-04", bp=(118, 70), hr=112, temp=39.2, spo2=91, rr=24, enc=adm)
    c.lab("wbc", "2021-12-04", 15.2, enc=adm)
    c.lab("alt", "2021-12-04", 58, enc=adm)
    c.lab("creat", "2021-12-04", 1.2, enc=adm)
    c.smoking("2021-12-04", "daily", enc=adm)
    c.report(LOINC, "36643-5", "XR Chest 2 Views", "2021-12-04",
             "Right lower lobe consolidation consistent with pneumonia. No pleural effusion.", enc=adm)
    c.med("1665021", "ceftriaxone 1000 MG Injection", "2021-12-04", "1 g IV once daily", status="completed", end="2021-12-07",
          reason=pna, enc=adm, cat="inpatient")
    c.med("248656", "azithromycin 500 MG Oral Tablet", "2021-12-04", "500 mg by mouth once daily for 3 days",
          status="completed", end="2021-12-06", reason=pna, enc=adm, cat="inpatient")
    c.med("617296", "amoxicillin 875 MG / clavulanate 125 MG Oral Tablet", "2021-12-07",
          "Take 1 tablet by mouth twice daily for 5 days", status="completed", end="2021-12-11", reason=pna, enc=adm)
    c.med("198029", "24 HR nicotine 0.875 MG/HR Transdermal System", "2021-12-07", "Apply 1 patch (21 mg/24 h) daily for 12 weeks",
          status="completed", end="2022-03-01", enc=adm, rcode=("266918002", "Tobacco smoking consumption (observable entity)"))
    c.note("discharge", "2021-12-07", """
DISCHARGE SUMMARY
Community-acquired right lower lobe pneumonia; CD4 640 range, viral load suppressed on bictegravir/emtricitabine/TAF.
Treated with ceftriaxone and azithromycin, discharged on amoxicillin-clavulanate to complete 5 days.
Code status: full code.
Smoking: 20 pack-years; decided to quit during this admission; nicotine patch 21 mg started.
""", enc=adm)
    sg = c.goal("Quit smoking", "2021-12-07", achieved="achieved")
    c.careplan("Smoking cessation", ("735985000", "Smoking cessation therapy (regime/therapy)"), "2021-12-07",
               ["Nicotine replacement patch 12 weeks", "Quitline referral"], end="2022-03-01", goals=[sg])
    c.visit("2022-02-07", FOLLOWUP)
    c.smoking("2022-02-07", "former")
    c.report(LOINC, "36643-5", "XR Chest 2 Views", "2022-02-07", "Interval resolution of right lower lobe consolidation. Lungs clear.")
    c.visit("2022-10-17", FOLLOWUP)
    c.lab("cd4", "2022-10-17", 640)
    c.lab("vl", "2022-10-17", 20, comparator="<")
    c.lab("ldl", "2022-10-17", 88)
    c.lab("creat", "2022-10-17", 1.08)
    c.imm(*CVX_FLU4, "2022-10-17")
    c.imm(*CVX_RZV, "2023-02-13", series="Zoster recombinant 2-dose", dose=1)
    c.visit("2023-03-20", ("410410006", "Screening surveillance (regime/therapy)"))
    c.report(SNOMED, "168406009", "Anal cytology report", "2023-03-20",
             "Low-grade squamous intraepithelial lesion (LSIL). Refer for high-resolution anoscopy.", cat=("CP", "Cytopathology"))
    c.imm(*CVX_RZV, "2023-04-17", series="Zoster recombinant 2-dose", dose=2)
    c.visit("2023-06-12", CHECKUP)
    c.vitals("2023-06-12", bp=(132, 84), wt=104.5, bmi=33.1, hr=78)
    c.lab("a1c", "2023-06-12", 6.3)
    c.smoking("2023-06-12", "former")
    ob = c.cond("162864005", "Body mass index 30+ - obesity (finding)", "2023-06-12", icd=("E66.9", "Obesity, unspecified"))
    c.med("1991306", "semaglutide 0.68 MG/ML Pen Injector", "2023-06-12",
          "Inject 0.25 mg subcutaneously once weekly for 4 weeks, then 0.5 mg once weekly", reason=ob)
    wg = c.goal("Lose 10% of body weight (target 94 kg)", "2023-06-12", achieved="achieved", addresses=ob)
    c.careplan("Weight management", ("734163000", "Care plan (record artifact)"), "2023-06-12",
               ["Weekly GLP-1 receptor agonist", "Dietitian visits monthly", "150 minutes of walking per week"], addresses=[ob], goals=[wg])
    c.visit("2023-10-16", FOLLOWUP)
    c.lab("cd4", "2023-10-16", 655)
    c.lab("vl", "2023-10-16", 45, interp="H")
    c.vitals("2023-10-16", wt=100.9)
    c.imm(*CVX_FLU4, "2023-10-16")
    c.visit("2024-01-15", FOLLOWUP)
    c.lab("vl", "2024-01-15", 20, comparator="<")
    c.vitals("2024-01-15", bp=(126, 80), wt=98.2)
    c.visit("2024-05-13", FOLLOWUP)
    c.imm(*CVX_PCV20, "2024-05-13")
    c.lab("a1c", "2024-05-13", 5.7)
    c.vitals("2024-05-13", wt=94.1)
    c.imm(*CVX_FLU4, "2024-10-14")
    c.vitals("2024-10-14", wt=91.6)
    c.proc("73761001", "Colonoscopy (procedure)", "2024-11-12", rcode=("312824007", "Family history of cancer of colon (situation)"),
           outcome="Two sessile polyps (4 mm and 6 mm) in the sigmoid colon removed by cold snare",
           note="Good bowel prep; cecum reached. Repeat colonoscopy in 5 years.", minutes=35)
    c.report(LOINC, "11529-5", "Surgical pathology study", "2024-11-15",
             "Sigmoid polyps x2: tubular adenoma, no high-grade dysplasia.", cat=("SP", "Surgical Pathology"))
    c.visit("2025-03-18", FOLLOWUP)
    c.lab("cd4", "2025-03-18", 702)
    c.lab("vl", "2025-03-18", 20, comparator="<")
    c.lab("creat", "2025-03-18", 1.05)
    c.lab("ldl", "2025-03-18", 79)
    c.lab("a1c", "2025-03-18", 5.6)
    c.lab("alt", "2025-03-18", 24)
    c.smoking("2025-03-18", "former")
    c.vitals("2025-03-18", bp=(122, 76), wt=89.3, hr=70)
    c.allergy("195085", "efavirenz", "2017-03-06", system="http://www.nlm.nih.gov/research/umls/rxnorm", atype="intolerance",
              crit="low", reactions=[("193462001", "Insomnia (disorder)", "moderate")], desc="Vivid dreams and insomnia")
    c.note("progress", "2025-03-18", """
PROGRESS NOTE - HIV clinic
Doing well on bictegravir/emtricitabine/tenofovir alafenamide, no missed doses. Viral load undetectable, CD4 702.
Down 15 kg on weekly semaglutide; tolerating well. Remains smoke-free since December 2021.
Lives with his husband; works full time as a sous chef. High-resolution anoscopy still pending scheduling.
""")
    return c


# ----------------------------------------------------------------------------------------------
# Patient 4 (bulk): 85 y woman, Parkinson's disease 2015, osteoporosis, falls, left hip fracture 2022,
# PD dementia, orthostatic hypotension; died 2024-12-09 of aspiration pneumonia.
# ----------------------------------------------------------------------------------------------
def build_p4():
    c = Chart(RNG, 4, "bulk", "Birchwood Geriatrics and Neurology", "Dr. Anselm Okoro")
    c.patient("Agnes", "Morrow-Pike", "female", "1939-02-19", "17 Tanner Row", "Kestrel Falls", "VT", "05602",
              ("W", "Widowed"), prefix="Mrs.")
    c.imm(*CVX_PPSV23, "2005-03-14")
    c.imm(*CVX_TD, "2013-05-06")
    c.allergy("387494007", "Codeine (substance)", "2013-05-06", crit="low",
              reactions=[("422587007", "Nausea (finding)", "moderate")], desc="Nausea and vomiting")
    c.allergy("111088007", "Latex (substance)", "2013-05-06", cat="environment", crit="low",
              reactions=[("40275004", "Contact dermatitis (disorder)", "mild")])
    c.family("MTH", "mother", "female", [("64859006", "Osteoporosis (disorder)", 70, False),
                                         (None, "Hip fracture at age 78", 78, False)], "2013-05-06", deceased_age=81)
    c.family("SIS", "sister", "female", [("254837009", "Malignant neoplasm of breast (disorder)", 66, False)], "2013-05-06")
    c.family("FTH", "father", "male", [("230690007", "Cerebrovascular accident (disorder)", 72, True)], "2013-05-06", deceased_age=72)
    c.visit("2015-06-22", ("183519002", "Referral to neurology service (procedure)"))
    pd = c.cond("49049000", "Parkinson's disease (disorder)", "2015-06-22", icd=("G20", "Parkinson's disease"))
    c.smoking("2015-06-22", "never")
    c.vitals("2015-06-22", bp=(138, 78), wt=61.0, ht=160.0)
    c.visit("2015-07-06", FOLLOWUP)
    c.med("197444", "carbidopa 25 MG / levodopa 100 MG Oral Tablet", "2015-07-06", "Take 1 tablet by mouth three times daily",
          status="stopped", end="2019-04-15", reason=pd, sr=("altchoice", "Dose increased for end-of-dose wearing-off"))
    c.imm(*CVX_FLU_HD, "2015-10-12")
    c.imm(*CVX_PCV13, "2016-02-15")
    c.visit("2016-03-14", FOLLOWUP)
    c.med("859046", "pramipexole dihydrochloride 0.25 MG Oral Tablet", "2016-03-14", "Take 1 tablet (0.25 mg) by mouth three times daily",
          status="stopped", end="2020-08-10", reason=pd, sr=("sintol", "Visual hallucinations"))
    c.imm(*CVX_FLU_HD, "2016-10-10")
    c.visit("2017-01-16", FOLLOWUP)
    c.med("603239", "rasagiline 1 MG Oral Tablet", "2017-01-16", "Take 1 tablet (1 mg) by mouth once daily", reason=pd)
    c.visit("2017-09-11", CHECKUP)
    c.proc("312681000", "Bone density scan (procedure)", "2017-09-11", rcode=("161898004", "Falls (finding)"), minutes=20)
    c.lab("tscore", "2017-09-11", -2.8)
    c.report(LOINC, "38269-7", "DXA Bone density study", "2017-09-11",
             "Left femoral neck T-score -2.8; lumbar spine T-score -2.4. Osteoporosis.")
    osteo = c.cond("64859006", "Osteoporosis (disorder)", "2017-09-11", icd=("M81.0", "Age-related osteoporosis without current pathological fracture"))
    c.lab("vitd", "2017-09-11", 18)
    c.visit("2017-09-18", FOLLOWUP)
    c.med("904419", "alendronic acid 70 MG Oral Tablet", "2017-09-18",
          "Take 1 tablet (70 mg) by mouth once weekly with a full glass of water; remain upright 30 minutes",
          status="stopped", end="2020-10-05", reason=osteo, sr=("sintol", "Dysphagia; unable to remain upright 30 minutes after dose"))
    c.med("308895", "calcium carbonate 1500 MG / cholecalciferol 400 UNT Oral Tablet", "2017-09-18",
          "Take 1 tablet by mouth twice daily with meals", reason=osteo)
    c.med("636671", "cholecalciferol 2000 UNT Oral Capsule", "2017-09-18", "Take 1 capsule by mouth once daily", reason=osteo)
    c.imm(*CVX_FLU_HD, "2017-10-09")
    c.visit("2018-03-12", FOLLOWUP)
    c.lab("vitd", "2018-03-12", 32)
    c.visit("2018-05-10", ("185389009", "Follow-up visit (procedure)"))
    hl = c.cond("15188001", "Hearing loss (disorder)", "2018-05-10", icd=("H90.3", "Sensorineural hearing loss, bilateral"))
    c.device("6012004", "Hearing aid, device (physical object)", "2018-05-10", "Aurisound", "AS-RIC 312",
             site=("34338003", "Both ears (body structure)"), reason=hl, years=6)
    c.imm(*CVX_FLU_HD, "2018-10-15")
    c.imm(*CVX_RZV, "2018-11-05", series="Zoster recombinant 2-dose", dose=1)
    c.visit("2018-11-19", SYMPTOM)
    oh = c.cond("28651003", "Orthostatic hypotension (disorder)", "2018-11-19", icd=("I95.1", "Orthostatic hypotension"))
    c.vitals("2018-11-19", bp=(102, 60), wt=59.2, hr=84)
    c.med("197671", "fludrocortisone acetate 0.1 MG Oral Tablet", "2018-11-19", "Take 1 tablet (0.1 mg) by mouth once daily",
          status="stopped", end="2019-04-15", reason=oh, sr=("sintol", "Ankle edema and hypokalemia"))
    c.imm(*CVX_RZV, "2019-02-11", series="Zoster recombinant 2-dose", dose=2)
    c.visit("2019-04-15", FOLLOWUP)
    c.lab("k", "2019-04-15", 3.2)
    c.lab("tsh", "2019-04-15", 2.4)
    c.vitals("2019-04-15", bp=(98, 58), wt=58.4, hr=80)
    c.med("198177", "midodrine hydrochloride 5 MG Oral Tablet", "2019-04-15",
          "Take 1 tablet (5 mg) by mouth three times daily while upright; not within 4 hours of bedtime", reason=oh)
    c.med("197444", "carbidopa 25 MG / levodopa 100 MG Oral Tablet", "2019-04-15",
          "Take 1.5 tablets by mouth four times daily", reason=pd)
    c.visit("2019-09-16", SYMPTOM)
    const = c.cond("14760008", "Constipation (finding)", "2019-09-16", icd=("K59.00", "Constipation, unspecified"))
    c.med("876193", "polyethylene glycol 3350 17000 MG Powder for Oral Solution", "2019-09-16",
          "Mix 17 g in 8 oz of water and drink once daily", reason=const)
    c.imm(*CVX_FLU_HD, "2019-10-14")
    c.visit("2020-02-10", SYMPTOM)
    falls = c.cond("161898004", "Falls (finding)", "2020-02-10", icd=("R29.6", "Repeated falls"))
    fg1 = c.goal("No falls with injury", "2020-02-10", achieved="not", addresses=falls)
    fg2 = c.goal("Walk safely indoors with a four-wheeled walker", "2020-02-10", addresses=falls)
    c.careplan("Fall prevention", ("734163000", "Care plan (record artifact)"), "2020-02-10",
               ["Physical therapy for gait and balance training", "Four-wheeled walker for all ambulation",
                "Home safety evaluation: grab bars, remove rugs, night lights", "Rise slowly from bed (orthostatic precautions)"],
               addresses=[falls, pd], goals=[fg1, fg2])
    c.enc("VR", "2020-05-11", etype=TELE, reason=("49049000", "Parkinson's disease (disorder)"))
    c.visit("2020-08-10", SYMPTOM)
    hall = c.cond("7011001", "Hallucinations (finding)", "2020-08-10", icd=("R44.1", "Visual hallucinations"))
    c.med("312743", "quetiapine 25 MG Oral Tablet", "2020-08-10", "Take 1 tablet (25 mg) by mouth at bedtime", reason=hall)
    c.visit("2020-09-28", ("185389009", "Follow-up visit (procedure)"))
    dys = c.cond("40739000", "Dysphagia (disorder)", "2020-09-28", icd=("R13.12", "Dysphagia, oropharyngeal phase"))
    c.proc("399237003", "Videofluoroscopic swallow study (procedure)", "2020-09-28", reason=dys,
           outcome="Mild oropharyngeal dysphagia; penetration with thin liquids", minutes=30)
    c.report(SNOMED, "399237003", "Videofluoroscopic swallow study (procedure)", "2020-09-28",
             "Mild oropharyngeal dysphagia with delayed swallow initiation and laryngeal penetration of thin liquids. "
             "Recommend nectar-thick liquids, chin-tuck, upright for meals.")
    c.visit("2020-10-05", FOLLOWUP)
    c.lab("vitd", "2020-10-05", 36)
    c.lab("ca", "2020-10-05", 9.4)
    c.vitals("2020-10-05", bp=(112, 66), wt=56.1)
    c.med("993458", "denosumab 60 MG/ML Prefilled Syringe", "2020-10-05", "Inject 60 mg subcutaneously every 6 months",
          reason=osteo, cat="outpatient")
    c.note("progress", "2020-10-05", """
PROGRESS NOTE - geriatrics
Alendronate stopped: swallow study shows oropharyngeal dysphagia and she cannot stay upright for 30 minutes after the dose.
Switch to denosumab 60 mg every 6 months; calcium 9.4 and vitamin D 36 today. Dental exam up to date.
""")
    c.imm(*CVX_FLU_HD4, "2020-10-12")
    c.imm(*CVX_PFIZER, "2021-01-25", series="COVID-19 primary", dose=1)
    c.imm(*CVX_PFIZER, "2021-02-15", series="COVID-19 primary", dose=2)
    c.visit("2021-05-17", ("183519002", "Referral to neurology service (procedure)"))
    dem = c.cond("429458009", "Dementia due to Parkinson's disease (disorder)", "2021-05-17",
                 icd=("F02.80", "Dementia in other diseases classified elsewhere, unspecified severity, without behavioral disturbance"))
    c.survey("moca", "2021-05-17", 19)
    c.lab("b12", "2021-05-17", 310)
    c.vitals("2021-05-17", bp=(108, 64), wt=54.8)
    c.med("725105", "24 HR rivastigmine 0.192 MG/HR Transdermal System", "2021-05-17", "Apply 1 patch (4.6 mg/24 h) daily; rotate sites",
          reason=dem)
    c.visit("2021-09-20", CHECKUP)
    c.proc("312681000", "Bone density scan (procedure)", "2021-09-20", reason=osteo, minutes=20)
    c.lab("tscore", "2021-09-20", -3.1)
    c.report(LOINC, "38269-7", "DXA Bone density study", "2021-09-20",
             "Left femoral neck T-score -3.1 (previously -2.8 in 2017). Lumbar spine T-score -2.6. Worsening osteoporosis.")
    c.imm(*CVX_FLU_HD4, "2021-10-05")
    c.imm(*CVX_PFIZER, "2021-10-05", series="COVID-19 booster", dose=3)

    # hip fracture
    ed1 = c.enc("EMER", "2022-01-08 07:50", "2022-01-08 12:30", etype=ER_ADMIT, reason=("161898004", "Falls (finding)"))
    adm1 = c.enc("IMP", "2022-01-08 12:30", "2022-01-14", etype=EMERG_HOSP,
                 reason=("5913000", "Fracture of neck of femur (disorder)"), admit="emd", dispo="snf")
    hipfx = c.cond("5913000", "Fracture of neck of femur (disorder)", "2022-01-08", abate="2022-06-01",
                   icd=("S72.002A", "Fracture of unspecified part of neck of left femur, initial encounter for closed fracture"), enc=adm1)
    c.lab("hgb", "2022-01-08", 11.9, enc=adm1)
    c.vitals("2022-01-08", bp=(142, 80), wt=53.2, hr=92, enc=adm1)
    c.proc("52734007", "Total replacement of hip (procedure)", "2022-01-09", reason=hipfx,
           site=("287679003", "Left hip region structure (body structure)"), outcome="Cemented left total hip arthroplasty, stable",
           note="Posterior approach; cemented femoral stem. Weight-bearing as tolerated.", enc=adm1, minutes=110)
    c.device("304120007", "Total hip replacement prosthesis (physical object)", "2022-01-09", "Stridewell Orthopedics", "THA-C28",
             site=("287679003", "Left hip region structure (body structure)"), reason=hipfx, years=25)
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", "2022-01-09", "Take 1 tablet (5 mg) by mouth every 6 hours as needed for pain",
          status="completed", end="2022-01-20", reason=hipfx, prn=True, enc=adm1)
    c.med("313782", "acetaminophen 325 MG Oral Tablet", "2022-01-09", "Take 2 tablets (650 mg) by mouth every 6 hours", reason=hipfx, enc=adm1)
    c.lab("hgb", "2022-01-10", 8.4, enc=adm1)
    c.proc("116863004", "Transfusion of red blood cells (procedure)", "2022-01-10", reason=hipfx, enc=adm1, minutes=150,
           outcome="1 unit packed red cells; no reaction")
    delir = c.cond("2776000", "Delirium (disorder)", "2022-01-10", abate="2022-01-20", icd=("F05", "Delirium due to known physiological condition"), enc=adm1)
    c.med("854235", "0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe", "2022-01-10",
          "Inject 40 mg subcutaneously once daily for 28 days (VTE prophylaxis after hip surgery)", status="completed", end="2022-02-07",
          reason=hipfx, enc=adm1)
    c.lab("hgb", "2022-01-12", 9.1, enc=adm1)
    c.med("835603", "tramadol hydrochloride 50 MG Oral Tablet", "2022-01-14", "Take 1 tablet (50 mg) by mouth every 6 hours as needed for pain",
          status="stopped", end="2022-01-18", reason=hipfx, prn=True, sr=("sintol", "Confusion"), enc=adm1)
    c.note("discharge", "2022-01-14", """
DISCHARGE SUMMARY
82F with Parkinson's disease fell at home 2022-01-08: displaced left femoral neck fracture. Left total hip arthroplasty 2022-01-09.
Postoperative anemia (hemoglobin nadir 8.4) transfused 1 unit. Postoperative delirium, improving with non-drug measures.
Enoxaparin 40 mg daily for 28 days. Weight-bearing as tolerated with walker.
Code status: DNR, confirmed with patient and daughter Ruth.
Discharged to Maple Court skilled nursing facility for rehabilitation.
""", enc=adm1)
    for d in ("2022-03-01", "2022-03-08", "2022-03-15"):
        c.enc("HH", d, etype=HOMEVISIT, reason=("5913000", "Fracture of neck of femur (disorder)"))
    c.visit("2022-03-28", ("439740005", "Postoperative follow-up visit (procedure)"))
    c.lab("hgb", "2022-03-28", 10.8)
    c.imm(*CVX_FLU_HD4, "2022-10-10")
    c.imm(*CVX_PFIZER_BIV, "2022-10-10", series="COVID-19 bivalent booster", dose=4)
    c.visit("2023-04-17", FOLLOWUP)
    c.lab("vitd", "2023-04-17", 41)
    c.survey("moca", "2023-04-17", 16)
    c.vitals("2023-04-17", bp=(104, 62), wt=51.3)
    ed2 = c.enc("EMER", "2023-06-14 18:20", "2023-06-14 23:40", etype=ER_ADMIT, reason=("161898004", "Falls (finding)"))
    lac = c.cond("283416004", "Laceration of scalp (disorder)", "2023-06-14", abate="2023-06-28",
                 icd=("S01.01XA", "Laceration without foreign body of scalp, initial encounter"), enc=ed2)
    c.proc("303653007", "Computed tomography of head (procedure)", "2023-06-14", reason=lac, enc=ed2, minutes=15)
    c.report(LOINC, "30799-1", "CT Head WO contrast", "2023-06-14",
             "No acute intracranial hemorrhage or fracture. Chronic small vessel ischemic changes and generalized atrophy.", enc=ed2)
    c.proc("288086009", "Suture open wound (procedure)", "2023-06-14", reason=lac, enc=ed2, minutes=25,
           site=("41695006", "Scalp structure (body structure)"), outcome="4 cm occipital laceration closed with 6 staples")
    c.imm(*CVX_TDAP, "2023-06-14", enc=ed2)
    c.visit("2023-08-21", FOLLOWUP)
    c.note("progress", "2023-08-21", """
PROGRESS NOTE - geriatrics
Moved to Birchwood Commons nursing home in August 2023 after second injurious fall; needs help with bathing and dressing.
Uses a four-wheeled walker with standby assist. Daughter Ruth Pike is her health care proxy.
Hallucinations controlled on quetiapine. Goals: comfort, stay out of hospital where possible.
""")
    c.imm(*CVX_FLU_HD4, "2023-10-09")
    c.imm(*CVX_FLU_HD4, "2024-10-14")

    # terminal admission
    adm2 = c.enc("IMP", "2024-12-02 10:15", "2024-12-09 03:40", etype=EMERG_HOSP,
                 reason=("422588002", "Aspiration pneumonia (disorder)"), admit="nursing", dispo="exp")
    asp = c.cond("422588002", "Aspiration pneumonia (disorder)", "2024-12-02", icd=("J69.0", "Pneumonitis due to inhalation of food and vomit"), enc=adm2)
    c.vitals("2024-12-02", bp=(96, 54), wt=48.6, hr=108, temp=38.6, spo2=88, rr=26, enc=adm2)
    c.lab("wbc", "2024-12-02", 16.8, enc=adm2)
    c.lab("na", "2024-12-02", 131, enc=adm2)
    c.lab("ca", "2024-12-02", 8.4, enc=adm2)
    c.lab("alb", "2024-12-02", 2.9, enc=adm2)
    c.lab("hgb", "2024-12-02", 11.1, enc=adm2)
    c.lab("creat", "2024-12-02", 1.12, enc=adm2)
    c.report(LOINC, "36643-5", "XR Chest 2 Views", "2024-12-02",
             "Right middle and lower lobe opacities consistent with aspiration pneumonia.", enc=adm2)
    c.med("1659149", "piperacillin 3000 MG / tazobactam 375 MG Injection", "2024-12-02", "3.375 g IV every 8 hours",
          status="stopped", end="2024-12-05", reason=asp, sr=("altchoice", "Transitioned to comfort measures only"), enc=adm2, cat="inpatient")
    c.lab("na", "2024-12-05", 134, enc=adm2)
    c.med("1732136", "morphine sulfate 2 MG/ML Injectable Solution", "2024-12-05",
          "2 mg IV every 2 hours as needed for dyspnea or pain", status="completed", end="2024-12-09", prn=True,
          enc=adm2, cat="inpatient", rcode=("267036007", "Dyspnea (finding)"))
    cg = c.goal("Relief of breathlessness and pain; die peacefully with family present", "2024-12-05", addresses=asp)
    c.careplan("Comfort care", ("734163000", "Care plan (record artifact)"), "2024-12-05",
               ["Stop antibiotics and laboratory draws", "Morphine as needed for dyspnea", "Chaplain and family visits"],
               addresses=[asp], goals=[cg])
    c.note("progress", "2024-12-05", """
PROGRESS NOTE - family meeting
Met with daughter Ruth (health care proxy) and son. Poor response to antibiotics; recurrent aspiration from advanced Parkinson's dysphagia.
Code status: DNR/DNI. Decision: transition to comfort measures only. Piperacillin-tazobactam stopped. Morphine as needed for dyspnea.
""", enc=adm2)
    c.note("discharge", "2024-12-09", """
DEATH SUMMARY
Admitted 2024-12-02 from nursing home with aspiration pneumonia. Comfort measures only from 2024-12-05.
Pronounced dead at 03:40 on 2024-12-09 with family at bedside. Cause of death: aspiration pneumonia; contributing: Parkinson's disease.
""", enc=adm2)
    c.death("2024-12-09 03:40", "422588002", "Aspiration pneumonia (disorder)", icd=("J69.0", "Pneumonitis due to inhalation of food and vomit"))
    return c


# ----------------------------------------------------------------------------------------------
# Patient 5: 27 y woman, SLE 2019, class IV lupus nephritis 2021, neuropsychiatric lupus seizure 2022,
# Raynaud's, sulfa allergy, on hydroxychloroquine + mycophenolate + belimumab.
# ----------------------------------------------------------------------------------------------
def build_p5():
    c = Chart(RNG, 5, "bundle", "Saltmarsh Rheumatology and Nephrology", "Dr. Keziah Marchetti")
    c.patient("Noor", "Halvorsen", "female", "1997-07-09", "55 Estuary Way", "Cape Tidewell", "NC", "28512",
              ("S", "Never Married"), race=("2028-9", "Asian"))
    c.imm(*CVX_HEPB_PED, "1997-07-10", series="Hepatitis B 3-dose", dose=1)
    c.imm(*CVX_HEPB_PED, "1997-08-12", series="Hepatitis B 3-dose", dose=2)
    c.imm(*CVX_HEPB_PED, "1998-01-14", series="Hepatitis B 3-dose", dose=3)
    c.imm(*CVX_MMR, "1998-07-13", series="MMR 2-dose", dose=1)
    c.imm(*CVX_MMR, "2001-08-06", series="MMR 2-dose", dose=2)
    c.imm(*CVX_HPV4, "2009-08-17", series="HPV 3-dose", dose=1)
    c.imm(*CVX_HPV4, "2009-10-19", series="HPV 3-dose", dose=2)
    c.imm(*CVX_HPV4, "2010-02-15", series="HPV 3-dose", dose=3)
    c.imm(*CVX_TDAP, "2018-08-06")
    c.allergy("387406002", "Sulfonamide (substance)", "2016-05-02", crit="high",
              reactions=[("271807003", "Eruption of skin (disorder)", "severe")], onset="2016-05-02",
              desc="Diffuse morbilliform rash with facial swelling after trimethoprim-sulfamethoxazole")
    c.visit("2019-02-11", ("183521007", "Referral to rheumatology service (procedure)"))
    sle = c.cond("55464009", "Systemic lupus erythematosus (disorder)", "2019-02-11",
                 icd=("M32.10", "Systemic lupus erythematosus, organ or system involvement unspecified"))
    c.lab_coded("8061-4", "Nuclear Ab [Presence] in Serum", "2019-02-11", "10828004", "Positive (qualifier value)", interp="A", rr_text="Negative")
    c.lab_text("5048-4", "Nuclear Ab [Titer] in Serum by Immunofluorescence", "2019-02-11", "1:640", interp="A", rr_text="<1:80")
    c.lab("dsdna", "2019-02-11", 180)
    c.lab("c3", "2019-02-11", 68)
    c.lab("c4", "2019-02-11", 8)
    c.lab("esr", "2019-02-11", 62)
    c.lab("hgb", "2019-02-11", 11.2)
    c.lab("wbc", "2019-02-11", 3.8)
    c.lab("upcr", "2019-02-11", 0.15)
    c.lab("creat", "2019-02-11", 0.7)
    c.smoking("2019-02-11", "never")
    c.vitals("2019-02-11", bp=(118, 74), wt=56.2, ht=162.6, hr=84)
    c.family("MTH", "mother", "female", [("69896004", "Rheumatoid arthritis (disorder)", 41, False)], "2019-02-11")
    c.family("MGRMTH", "maternal grandmother", "female", [("40930008", "Hypothyroidism (disorder)", 50, False)], "2019-02-11")
    c.family("FTH", "father", "male", [("59621000", "Essential hypertension (disorder)", 48, False)], "2019-02-11")
    c.visit("2019-02-18", FOLLOWUP)
    c.med("979092", "hydroxychloroquine sulfate 200 MG Oral Tablet", "2019-02-18", "Take 1 tablet (200 mg) by mouth twice daily", reason=sle)
    c.med("312615", "prednisone 20 MG Oral Tablet", "2019-02-18", "20 mg daily, taper by 5 mg every 3 weeks to off",
          status="completed", end="2019-05-20", reason=sle)
    c.imm(*CVX_FLU4, "2019-10-14")
    c.visit("2020-03-09", ("185389009", "Follow-up visit (procedure)"))
    c.proc("36228007", "Ophthalmic examination and evaluation (procedure)", "2020-03-09", rcode=("55464009", "Systemic lupus erythematosus (disorder)"),
           outcome="Baseline exam normal; no retinopathy", minutes=40)
    c.enc("VR", "2020-04-13", etype=TELE, reason=("55464009", "Systemic lupus erythematosus (disorder)"))
    c.imm(*CVX_FLU4, "2020-10-12")
    c.visit("2020-11-16", SYMPTOM)
    ray = c.cond("266261006", "Raynaud's phenomenon (disorder)", "2020-11-16", icd=("I73.00", "Raynaud's syndrome without gangrene"))
    c.med("672916", "24 HR nifedipine 30 MG Extended Release Oral Tablet", "2020-11-16", "Take 1 tablet (30 mg) by mouth once daily",
          reason=ray)
    c.imm(*CVX_MODERNA, "2021-04-12", series="COVID-19 primary", dose=1)
    c.imm(*CVX_MODERNA, "2021-05-10", series="COVID-19 primary", dose=2)
    c.imm(*CVX_PCV20, "2021-05-20")

    # lupus nephritis admission
    c.visit("2021-06-02", FOLLOWUP)
    adm1 = c.enc("IMP", "2021-06-02 14:30", "2021-06-08", etype=HOSP_ADMIT,
                 reason=("55464009", "Systemic lupus erythematosus (disorder)"), admit="mp", dispo="home")
    c.vitals("2021-06-02", bp=(148, 94), wt=60.8, hr=92, enc=adm1)
    c.lab("upcr", "2021-06-02", 3.8, enc=adm1)
    c.lab("creat", "2021-06-02", 1.4, enc=adm1)
    c.lab("hgb", "2021-06-02", 9.4, enc=adm1)
    c.lab("wbc", "2021-06-02", 3.1, enc=adm1)
    c.lab("plt", "2021-06-02", 132, enc=adm1)
    c.lab("c3", "2021-06-02", 42, enc=adm1)
    c.lab("c4", "2021-06-02", 6, enc=adm1)
    c.lab("dsdna", "2021-06-02", 420, enc=adm1)
    c.lab("esr", "2021-06-02", 78, enc=adm1)
    c.lab_coded("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", "2021-06-02", "260385009",
                "Negative (qualifier value)", rr_text="Negative", enc=adm1)
    c.report(LOINC, "24558-9", "US Kidney", "2021-06-02",
             "Normal-sized kidneys (right 11.2 cm, left 11.0 cm) with increased cortical echogenicity. No hydronephrosis.", enc=adm1)
    c.proc("46651001", "Biopsy of kidney (procedure)", "2021-06-03", reason=sle, enc=adm1, minutes=45,
           site=("18639004", "Left kidney structure (body structure)"), outcome="Two cores obtained; no post-biopsy bleeding")
    ln = c.cond("68815009", "Systemic lupus erythematosus glomerulonephritis syndrome (disorder)", "2021-06-03",
                icd=("M32.14", "Glomerular disease in systemic lupus erythematosus"), enc=adm1)
    c.med("1743704", "methylprednisolone sodium succinate 500 MG Injection", "2021-06-03", "500 mg IV once daily for 3 days",
          status="completed", end="2021-06-05", reason=ln, enc=adm1, cat="inpatient")
    c.med("310273", "famotidine 20 MG Oral Tablet", "2021-06-03", "Take 1 tablet (20 mg) by mouth twice daily while on prednisone",
          status="stopped", end="2022-03-14", enc=adm1, sr=("altchoice", "Prednisone discontinued; stomach protection no longer needed"),
          rcode=("1149222004", "Gastrointestinal prophylaxis (procedure)"))
    c.med("312615", "prednisone 20 MG Oral Tablet", "2021-06-06", "Take 3 tablets (60 mg) by mouth daily, then taper per lupus clinic schedule",
          status="stopped", end="2022-03-14", reason=ln, enc=adm1, sr=("altchoice", "Tapered off"))
    c.report(LOINC, "11529-5", "Surgical pathology study", "2021-06-07",
             "Kidney, left, needle biopsy: diffuse proliferative lupus nephritis, ISN/RPS class IV-G (A), "
             "activity index 9/24, chronicity index 1/12. Full-house immunofluorescence.", cat=("SP", "Surgical Pathology"), enc=adm1)
    c.med("311627", "mycophenolate mofetil 500 MG Oral Tablet", "2021-06-07", "Take 2 tablets (1000 mg) by mouth twice daily",
          reason=ln, enc=adm1)
    c.med("314050", "atovaquone 150 MG/ML Oral Suspension", "2021-06-07", "Take 10 mL (1500 mg) by mouth once daily with food",
          status="completed", end="2022-03-14", enc=adm1, rcode=("736396001", "Pneumocystis prophylaxis (procedure)"))
    c.med("979485", "losartan potassium 25 MG Oral Tablet", "2021-06-08", "Take 1 tablet (25 mg) by mouth once daily", reason=ln, enc=adm1)
    rg1 = c.goal("Complete renal response: urine protein/creatinine ratio below 0.5 mg/mg", "2021-06-08", achieved="achieved", addresses=ln)
    rg2 = c.goal("Prednisone tapered to off", "2021-06-08", achieved="achieved", addresses=ln)
    c.careplan("Lupus nephritis care plan", ("734163000", "Care plan (record artifact)"), "2021-06-08",
               ["Urine protein/creatinine ratio and complements every 3 months", "Sun protection and broad-spectrum sunscreen",
                "Effective contraception while on mycophenolate", "Annual hydroxychloroquine eye screening"],
               addresses=[ln, sle], goals=[rg1, rg2])
    c.note("discharge", "2021-06-08", """
DISCHARGE SUMMARY - nephrology/rheumatology
Direct admission from lupus clinic 2021-06-02 with edema, proteinuria (UPCR 3.8) and creatinine 1.4.
Kidney biopsy 2021-06-03: class IV-G (A) lupus nephritis. Methylprednisolone pulse x3 then prednisone 60 mg taper.
Mycophenolate 1000 mg twice daily started. Losartan for proteinuria. Atovaquone for PJP prophylaxis (sulfa allergy).
Code status: full code.
Social: graduate student in marine biology; lives with two roommates; never smoker; alcohol rarely.
Contraception counseling: mycophenolate is teratogenic; implant placement arranged.
""", enc=adm1)
    c.visit("2021-06-21", ("698314001", "Consultation for treatment (procedure)"))
    c.proc("169553002", "Insertion of subcutaneous contraceptive (procedure)", "2021-06-21", rcode=("13197004", "Contraception (finding)"),
           site=("368209003", "Right upper arm structure (body structure)"), outcome="Implant palpable, no complications", minutes=15)
    c.med("389221", "etonogestrel 68 MG Drug Implant", "2021-06-21", "Subdermal implant, left in place for up to 3 years",
          status="stopped", end="2024-06-17", sr=("altchoice", "Replaced with new implant at 3 years"), rcode=("13197004", "Contraception (finding)"))
    c.visit("2021-09-13", FOLLOWUP)
    c.lab("upcr", "2021-09-13", 1.6)
    c.lab("creat", "2021-09-13", 1.1)
    c.lab("hgb", "2021-09-13", 10.8)
    c.lab("c3", "2021-09-13", 61)
    c.lab("dsdna", "2021-09-13", 260)
    c.med("1597582", "belimumab 200 MG/ML Auto-Injector", "2021-09-13", "Inject 200 mg subcutaneously once weekly", reason=ln)
    c.imm(*CVX_ZVL, "2021-09-13", status="not-done",
          reason=("MEDPREC", "medical precaution", "Live vaccine contraindicated - immunosuppressed on mycophenolate"))
    c.imm(*CVX_MODERNA, "2021-09-20", series="COVID-19 additional primary dose (immunocompromised)", dose=3)
    c.imm(*CVX_FLU4, "2021-10-11")
    c.visit("2021-12-13", FOLLOWUP)
    c.lab("upcr", "2021-12-13", 0.9)
    c.lab("creat", "2021-12-13", 0.9)
    c.lab("c3", "2021-12-13", 78)
    c.lab("c4", "2021-12-13", 12)
    c.lab("dsdna", "2021-12-13", 140)
    c.visit("2022-03-14", FOLLOWUP)
    c.lab("upcr", "2022-03-14", 0.52)
    c.survey("phq9", "2022-03-14", 9)
    c.note("progress", "2022-03-14", """
PROGRESS NOTE - lupus clinic
Prednisone now tapered off completely as of today. Famotidine stopped (no longer on steroids). Atovaquone prophylaxis completed.
UPCR 0.52, improving. Continue mycophenolate, belimumab weekly, hydroxychloroquine, losartan.
Mood low with thesis stress; PHQ-9 9; counseling referral.
""")
    c.visit("2022-03-21", ("185389009", "Follow-up visit (procedure)"))
    c.proc("36228007", "Ophthalmic examination and evaluation (procedure)", "2022-03-21", rcode=("55464009", "Systemic lupus erythematosus (disorder)"),
           outcome="Normal OCT and visual fields; no hydroxychloroquine retinopathy", minutes=40)
    c.imm(*CVX_FLU4, "2022-10-10")
    c.imm(*CVX_MODERNA_BIV, "2022-10-17", series="COVID-19 bivalent booster", dose=4)

    # seizure admission
    c.enc("EMER", "2022-10-20 22:10", "2022-10-21 01:30", etype=ER_ADMIT, reason=("91175000", "Seizure (finding)"))
    adm2 = c.enc("IMP", "2022-10-21 01:30", "2022-10-24", etype=EMERG_HOSP, reason=("91175000", "Seizure (finding)"),
                 admit="emd", dispo="home")
    c.lab("c3", "2022-10-20", 71)
    c.lab("dsdna", "2022-10-20", 210)
    c.lab("upcr", "2022-10-20", 0.4)
    c.lab("creat", "2022-10-20", 0.8)
    c.lab("hgb", "2022-10-20", 11.5)
    sz = c.cond("128613002", "Seizure disorder (disorder)", "2022-10-21", icd=("G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus"), enc=adm2)
    c.report(LOINC, "24590-2", "MR Brain WO and W contrast IV", "2022-10-21",
             "Few scattered nonspecific T2/FLAIR white matter hyperintensities, likely related to lupus. No acute infarct, hemorrhage or mass.", enc=adm2)
    c.med("311289", "levetiracetam 500 MG Oral Tablet", "2022-10-21", "Take 1 tablet (500 mg) by mouth twice daily", reason=sz, enc=adm2)
    c.proc("54550000", "Electroencephalogram (procedure)", "2022-10-22", reason=sz, enc=adm2, minutes=60,
           outcome="Mild diffuse slowing; no epileptiform discharges")
    c.note("discharge", "2022-10-24", """
DISCHARGE SUMMARY - neurology
Generalized tonic-clonic seizure at home 2022-10-20, witnessed by roommate; first seizure. Attributed to neuropsychiatric lupus.
MRI: scattered nonspecific white matter hyperintensities. EEG: mild diffuse slowing. Started levetiracetam 500 mg twice daily.
No driving for 6 months per state law (until 2023-04-20). Full code.
""", enc=adm2)
    c.imm(*CVX_RZV, "2023-01-16", series="Zoster recombinant 2-dose", dose=1)
    c.imm(*CVX_RZV, "2023-03-20", series="Zoster recombinant 2-dose", dose=2)
    ed3 = c.enc("EMER", "2023-05-08 11:00", "2023-05-08 17:20", etype=ER_ADMIT, reason=("36689008", "Acute pyelonephritis (disorder)"))
    pyelo = c.cond("36689008", "Acute pyelonephritis (disorder)", "2023-05-08", abate="2023-05-22",
                   icd=("N10", "Acute pyelonephritis"), enc=ed3)
    c.vitals("2023-05-08", bp=(112, 70), hr=108, temp=38.9, enc=ed3)
    c.lab("wbc", "2023-05-08", 13.9, enc=ed3)
    c.lab("creat", "2023-05-08", 1.2, enc=ed3)
    c.lab("hgb", "2023-05-08", 10.9, enc=ed3)
    c.med("197511", "ciprofloxacin 500 MG Oral Tablet", "2023-05-08", "Take 1 tablet (500 mg) by mouth twice daily for 7 days",
          status="completed", end="2023-05-15", reason=pyelo, enc=ed3)
    c.visit("2023-06-12", FOLLOWUP)
    c.lab("upcr", "2023-06-12", 0.3)
    c.imm(*CVX_FLU4, "2023-10-16")
    c.enc("VR", "2024-01-22", etype=TELE, reason=("55464009", "Systemic lupus erythematosus (disorder)"))
    c.visit("2024-03-18", ("185389009", "Follow-up visit (procedure)"))
    c.proc("36228007", "Ophthalmic examination and evaluation (procedure)", "2024-03-18", rcode=("55464009", "Systemic lupus erythematosus (disorder)"),
           outcome="No evidence of hydroxychloroquine retinopathy on OCT and visual fields", minutes=40)
    c.visit("2024-06-17", ("698314001", "Consultation for treatment (procedure)"))
    c.proc("169553002", "Insertion of subcutaneous contraceptive (procedure)", "2024-06-17", rcode=("13197004", "Contraception (finding)"),
           site=("368209003", "Right upper arm structure (body structure)"), outcome="Old implant removed and new implant placed", minutes=20)
    c.med("389221", "etonogestrel 68 MG Drug Implant", "2024-06-17", "Subdermal implant, left in place for up to 3 years",
          rcode=("13197004", "Contraception (finding)"))
    c.visit("2024-09-16", FOLLOWUP)
    c.lab("upcr", "2024-09-16", 0.21)
    c.lab("c3", "2024-09-16", 96)
    c.lab("dsdna", "2024-09-16", 48)
    c.lab("hgb", "2024-09-16", 12.1)
    c.imm(*CVX_FLU4, "2024-10-07")
    c.visit("2025-03-17", FOLLOWUP)
    c.lab("upcr", "2025-03-17", 0.18)
    c.lab("c3", "2025-03-17", 101)
    c.lab("c4", "2025-03-17", 19)
    c.lab("dsdna", "2025-03-17", 35)
    c.lab("esr", "2025-03-17", 18)
    c.lab("hgb", "2025-03-17", 12.4)
    c.lab("wbc", "2025-03-17", 4.6)
    c.lab("plt", "2025-03-17", 214)
    c.lab("creat", "2025-03-17", 0.8)
    c.survey("phq9", "2025-03-17", 3)
    c.survey("gad7", "2025-03-17", 4)
    c.vitals("2025-03-17", bp=(112, 70), wt=57.4, hr=76)
    c.note("progress", "2025-03-17", """
PROGRESS NOTE - lupus clinic
Sustained complete renal response (UPCR 0.18). Complements normal, anti-dsDNA 35. Seizure-free since 2022 on levetiracetam.
Hopes to conceive in 2026: will need to switch mycophenolate to a pregnancy-compatible agent at least 3 months before trying; pre-conception visit planned.
Continue hydroxychloroquine through any pregnancy. Eye screening up to date (2024-03-18).
""")
    return c


# ----------------------------------------------------------------------------------------------
# Patient 6: 58 y man, alcohol use disorder, alcoholic cirrhosis with varices/ascites/HE/SBP,
# opioid use disorder on buprenorphine-naloxone, treated hepatitis C, T2DM on insulin, COPD, OSA on CPAP.
# ----------------------------------------------------------------------------------------------
def build_p6():
    c = Chart(RNG, 6, "bundle", "Riverbend Hepatology and Recovery Clinic", "Dr. Oriel Makepeace")
    c.patient("Dale", "Pemberton", "male", "1966-10-30", "3 Ferry Landing Rd Apt 12", "Lowmoor", "PA", "15930",
              ("D", "Divorced"), prefix="Mr.")
    c.visit("2012-04-16", PROBLEM)
    aud = c.cond("7200002", "Alcoholism (disorder)", "2012-04-16", icd=("F10.20", "Alcohol dependence, uncomplicated"))
    c.family("FTH", "father", "male", [("7200002", "Alcoholism (disorder)", 30, False),
                                       ("93870000", "Malignant neoplasm of liver (disorder)", 61, True)], "2012-04-16", deceased_age=61)
    c.family("MTH", "mother", "female", [("13645005", "Chronic obstructive lung disease (disorder)", 65, False)], "2012-04-16")
    c.family("BRO", "brother", "male", [(None, "Accidental opioid overdose", 34, True)], "2012-04-16", deceased_age=34)
    c.visit("2015-02-09", ("698314001", "Consultation for treatment (procedure)"))
    oud = c.cond("75544000", "Opioid dependence (disorder)", "2015-02-09", icd=("F11.20", "Opioid dependence, uncomplicated"))
    c.smoking("2015-02-09", "daily")
    c.med("864978", "methadone hydrochloride 10 MG Oral Tablet", "2015-02-09", "80 mg by mouth once daily, observed dosing at opioid treatment program",
          status="stopped", end="2018-04-10", reason=oud, sr=("sintol", "QTc prolongation (512 ms); switched to buprenorphine-naloxone"))
    c.imm(*CVX_FLU4, "2015-10-19")
    c.visit("2015-11-16", PROBLEM)
    hcv = c.cond("128302006", "Chronic hepatitis C (disorder)", "2015-11-16", abate="2016-12-05", icd=("B18.2", "Chronic viral hepatitis C"))
    c.lab("hcvrna", "2015-11-16", 2450000)
    c.imm(*CVX_HEPA, "2015-12-14", series="Hepatitis A 2-dose", dose=1)
    c.imm(*CVX_HEPB_ADULT, "2015-12-14", series="Hepatitis B 3-dose", dose=1)
    c.imm(*CVX_HEPB_ADULT, "2016-01-18", series="Hepatitis B 3-dose", dose=2)
    c.visit("2016-06-06", FOLLOWUP)
    c.med("1803345", "sofosbuvir 400 MG / velpatasvir 100 MG Oral Tablet", "2016-06-06", "Take 1 tablet by mouth once daily for 12 weeks",
          status="completed", end="2016-08-29", reason=hcv)
    c.visit("2016-06-13", FOLLOWUP)
    c.imm(*CVX_HEPA, "2016-06-13", series="Hepatitis A 2-dose", dose=2)
    c.imm(*CVX_HEPB_ADULT, "2016-06-13", series="Hepatitis B 3-dose", dose=3)
    c.imm(*CVX_PPSV23, "2016-06-13")
    c.imm(*CVX_FLU4, "2016-10-17")
    c.visit("2016-12-05", FOLLOWUP)
    c.lab_text("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection",
               "2016-12-05", "Not detected", rr_text="Not detected")
    c.visit("2017-03-13", PROBLEM)
    dm = c.cond("44054006", "Diabetes mellitus type 2 (disorder)", "2017-03-13", icd=("E11.9", "Type 2 diabetes mellitus without complications"))
    c.lab("a1c", "2017-03-13", 8.1)
    c.med("861007", "metformin hydrochloride 500 MG Oral Tablet", "2017-03-13", "Take 1 tablet (500 mg) by mouth twice daily with meals",
          status="stopped", end="2021-03-02", reason=dm, sr=("sintol", "Decompensated cirrhosis; risk of lactic acidosis"))
    c.imm(*CVX_FLU4, "2017-10-16")
    c.visit("2018-04-02", FOLLOWUP)
    c.lab("qtc", "2018-04-02", 512)
    c.visit("2018-04-10", FOLLOWUP)
    c.med("1010600", "buprenorphine 8 MG / naloxone 2 MG Sublingual Film", "2018-04-10",
          "Dissolve 1 film under the tongue twice daily", reason=oud)
    c.med("1725065", "naloxone hydrochloride 4 MG/ACTUAT Nasal Spray", "2018-04-10",
          "Spray once into one nostril for suspected opioid overdose; may repeat in 2-3 minutes", reason=oud, prn=True)
    c.note("progress", "2018-04-10", """
PROGRESS NOTE - addiction medicine
On methadone 80 mg since 2015 with good retention. ECG 2018-04-02 QTc 512 ms. Methadone stopped because of QTc prolongation.
Inducted onto buprenorphine-naloxone 8/2 mg twice daily after appropriate withdrawal (COWS 14). Naloxone rescue spray prescribed.
PDMP reviewed: no other controlled prescriptions.
""")
    c.imm(*CVX_TDAP, "2019-01-14")
    c.visit("2019-05-20", PROBLEM)
    cirr = c.cond("420054005", "Alcoholic cirrhosis (disorder)", "2019-05-20", icd=("K70.30", "Alcoholic cirrhosis of liver without ascites"))
    c.report(LOINC, "24531-6", "US Abdomen", "2019-05-20",
             "Nodular liver contour with coarsened echotexture consistent with cirrhosis. Splenomegaly 15 cm. No ascites. No focal liver lesion.")
    for k, v in (("bili", 1.4), ("inr", 1.3), ("alb", 3.4), ("na", 136), ("creat", 0.9), ("plt", 112), ("afp", 4.2), ("a1c", 7.4)):
        c.lab(k, "2019-05-20", v)
    c.survey("auditc", "2019-05-20", 11)
    c.smoking("2019-05-20", "daily")
    c.vitals("2019-05-20", bp=(136, 84), wt=92.3, ht=180.3, hr=82)
    c.proc("76009000", "Esophagogastroduodenoscopy (procedure)", "2019-06-18", reason=cirr, minutes=25,
           outcome="Medium (grade 2) esophageal varices without red signs; no banding", success=False)
    var = c.cond("28670008", "Esophageal varices (disorder)", "2019-06-18",
                 icd=("I85.10", "Secondary esophageal varices without bleeding"))
    c.visit("2019-06-20", FOLLOWUP)
    c.med("856448", "propranolol hydrochloride 20 MG Oral Tablet", "2019-06-20", "Take 1 tablet (20 mg) by mouth twice daily",
          status="stopped", end="2021-04-12", reason=var, sr=("sintol", "Symptomatic hypotension"))
    c.imm(*CVX_FLU4, "2019-10-21")
    c.visit("2020-01-13", SYMPTOM)
    copd = c.cond("13645005", "Chronic obstructive lung disease (disorder)", "2020-01-13",
                  icd=("J44.9", "Chronic obstructive pulmonary disease, unspecified"))
    c.lab("fev1fvc", "2020-01-13", 62)
    c.med("485032", "tiotropium 0.018 MG Inhalation Powder", "2020-01-13", "Inhale contents of 1 capsule once daily", reason=copd)
    c.med("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "2020-01-13",
          "Inhale 2 puffs every 4-6 hours as needed for shortness of breath", reason=copd, prn=True)
    c.enc("VR", "2020-05-11", etype=TELE, reason=("75544000", "Opioid dependence (disorder)"))
    c.imm(*CVX_FLU4, "2020-10-19")
    c.enc("VR", "2020-11-09", etype=TELE, reason=("75544000", "Opioid dependence (disorder)"))

    # variceal bleed
    c.enc("EMER", "2021-03-01 03:20", "2021-03-01 06:00", etype=ER_ADMIT, reason=("17709002", "Bleeding esophageal varices (disorder)"))
    adm1 = c.enc("IMP", "2021-03-01 06:00", "2021-03-08", etype=EMERG_HOSP,
                 reason=("17709002", "Bleeding esophageal varices (disorder)"), admit="emd", dispo="home")
    bleed = c.cond("17709002", "Bleeding esophageal varices (disorder)", "2021-03-01", abate="2021-03-08",
                   icd=("I85.11", "Secondary esophageal varices with bleeding"), enc=adm1)
    c.vitals("2021-03-01", bp=(88, 52), hr=124, enc=adm1)
    c.lab("hgb", "2021-03-01", 6.8, interp="LL", enc=adm1)
    c.lab("etoh", "2021-03-01", 212, enc=adm1)
    for k, v in (("bili", 3.8), ("inr", 1.8), ("alb", 2.6), ("na", 131), ("creat", 1.3), ("plt", 68)):
        c.lab(k, "2021-03-01", v, enc=adm1)
    c.proc("116863004", "Transfusion of red blood cells (procedure)", "2021-03-01", reason=bleed, enc=adm1, minutes=180,
           outcome="2 units packed red cells")
    c.med("1668264", "octreotide 0.1 MG/ML Injectable Solution", "2021-03-01", "50 mcg IV bolus then 50 mcg/hour infusion for 72 hours",
          status="completed", end="2021-03-04", reason=bleed, enc=adm1, cat="inpatient")
    c.med("1665021", "ceftriaxone 1000 MG Injection", "2021-03-01", "1 g IV once daily for 7 days (variceal bleed prophylaxis)",
          status="completed", end="2021-03-07", reason=bleed, enc=adm1, cat="inpatient")
    c.med("314200", "pantoprazole 40 MG Delayed Release Oral Tablet", "2021-03-01", "Take 1 tablet (40 mg) by mouth daily for 6 weeks after banding",
          status="completed", end="2021-04-12", reason=bleed, enc=adm1)
    c.proc("235186003", "Endoscopic band ligation of esophageal varices (procedure)", "2021-03-02", reason=bleed, enc=adm1, minutes=40,
           outcome="4 bands placed on large esophageal varices with stigmata of recent bleeding")
    c.med("905369", "chlordiazepoxide hydrochloride 25 MG Oral Capsule", "2021-03-02",
          "Symptom-triggered per CIWA-Ar protocol, taper over 4 days", status="completed", end="2021-03-06", reason=aud, enc=adm1)
    c.allergy("386837002", "Haloperidol (substance)", "2021-03-03", crit="high", onset="2021-03-03",
              reactions=[("15802004", "Dystonia (disorder)", "severe")], desc="Acute dystonic reaction (neck and jaw) after IV haloperidol")
    c.allergy("293637006", "Allergy to contrast media (finding)", "2021-03-03", crit="low",
              reactions=[("126485001", "Urticaria (disorder)", "mild")], desc="Hives after CT contrast in 2014")
    c.proc("61515000", "Abdominal paracentesis (procedure)", "2021-03-03", reason=cirr, enc=adm1, minutes=30,
           outcome="Diagnostic paracentesis: SAAG 1.9, PMN 80/uL; no peritonitis")
    asc = c.cond("389026000", "Ascites (disorder)", "2021-03-03", icd=("K70.31", "Alcoholic cirrhosis of liver with ascites"), enc=adm1)
    c.lab("hgb", "2021-03-03", 8.2, enc=adm1)
    c.med("313219", "spironolactone 100 MG Oral Tablet", "2021-03-08", "Take 1 tablet (100 mg) by mouth once daily", reason=asc, enc=adm1)
    c.med("313988", "furosemide 40 MG Oral Tablet", "2021-03-08", "Take 1 tablet (40 mg) by mouth once daily", reason=asc, enc=adm1)
    c.med("274783", "insulin glargine 100 UNT/ML Injectable Solution", "2021-03-08", "Inject 18 units subcutaneously at bedtime",
          reason=dm, enc=adm1)
    c.med("316812", "thiamine hydrochloride 100 MG Oral Tablet", "2021-03-08", "Take 1 tablet by mouth once daily", reason=aud, enc=adm1)
    c.med("310410", "folic acid 1 MG Oral Tablet", "2021-03-08", "Take 1 tablet by mouth once daily", reason=aud, enc=adm1)
    c.note("discharge", "2021-03-08", """
DISCHARGE SUMMARY - GI/hepatology
Admitted 2021-03-01 with hematemesis and hemoglobin 6.8 from bleeding esophageal varices; 2 units PRBC, octreotide, ceftriaxone.
EGD 2021-03-02: 4 bands placed. New ascites; diagnostic paracentesis without SBP. Alcohol withdrawal treated with chlordiazepoxide;
acute dystonia after one dose of haloperidol - added to allergy list. Metformin stopped (decompensated cirrhosis); insulin glargine started.
Last drink 2021-02-28 (blood alcohol 212 on arrival). Code status: full code.
Social: lives alone in an apartment; long-haul truck driver, currently on medical leave. Smokes 1 pack per day.
Continues buprenorphine-naloxone unchanged. Repeat banding in 4 weeks.
""", enc=adm1)
    c.proc("235186003", "Endoscopic band ligation of esophageal varices (procedure)", "2021-03-30", reason=var, minutes=35,
           outcome="3 bands placed")
    c.visit("2021-04-12", FOLLOWUP)
    c.survey("auditc", "2021-04-12", 12)
    c.vitals("2021-04-12", bp=(96, 58), wt=86.1, hr=70)
    c.med("200031", "carvedilol 6.25 MG Oral Tablet", "2021-04-12", "Take 1 tablet (6.25 mg) by mouth twice daily", reason=var)
    c.med("197446", "baclofen 10 MG Oral Tablet", "2021-04-12", "Take 1 tablet (10 mg) by mouth three times daily for alcohol cravings",
          status="stopped", end="2022-01-10", reason=aud, sr=("sintol", "Drowsiness; concern for worsening encephalopathy"))
    c.proc("235186003", "Endoscopic band ligation of esophageal varices (procedure)", "2021-05-04", reason=var, minutes=30,
           outcome="2 bands placed")
    c.enc("VR", "2021-05-10", etype=TELE, reason=("75544000", "Opioid dependence (disorder)"))
    c.proc("61515000", "Abdominal paracentesis (procedure)", "2021-06-14", reason=asc, minutes=60,
           outcome="Large-volume paracentesis: 5.5 L removed; albumin 40 g IV given")
    c.lab("hgb", "2021-06-14", 10.4)
    c.proc("76009000", "Esophagogastroduodenoscopy (procedure)", "2021-07-06", reason=var, minutes=20,
           outcome="Varices eradicated; no banding required", success=False)
    c.proc("61515000", "Abdominal paracentesis (procedure)", "2021-09-20", reason=asc, minutes=60,
           outcome="Large-volume paracentesis: 6.1 L removed; albumin 50 g IV given")
    c.lab("afp", "2021-09-20", 5.1)
    c.imm(*CVX_FLU4, "2021-10-18")

    # hepatic encephalopathy, left AMA
    c.enc("EMER", "2021-11-15 21:45", "2021-11-16 01:00", etype=ER_ADMIT, reason=("13920009", "Hepatic encephalopathy (disorder)"))
    adm2 = c.enc("IMP", "2021-11-16 01:00", "2021-11-19", etype=EMERG_HOSP, reason=("13920009", "Hepatic encephalopathy (disorder)"),
                 admit="emd", dispo="aadvice")
    he = c.cond("13920009", "Hepatic encephalopathy (disorder)", "2021-11-15", icd=("K76.82", "Hepatic encephalopathy"))
    for k, v in (("nh3", 118), ("na", 128), ("bili", 4.6), ("inr", 2.1), ("alb", 2.4), ("creat", 1.5), ("plt", 59)):
        c.lab(k, "2021-11-15", v)
    c.med("848946", "lactulose 667 MG/ML Oral Solution", "2021-11-16", "Take 30 mL by mouth three times daily; titrate to 2-3 soft stools per day",
          reason=he, enc=adm2)
    c.note("discharge", "2021-11-19", """
DISCHARGE SUMMARY
Admitted with grade 2 hepatic encephalopathy (ammonia 118) precipitated by lactulose non-adherence and constipation.
Mental status improved on lactulose. Patient left against medical advice on 2021-11-19 before planned rifaximin teaching;
capacity documented. Follow-up in hepatology clinic within 2 weeks.
""", enc=adm2)
    c.visit("2021-12-01", FOLLOWUP)
    c.med("1191", "rifaximin 550 MG Oral Tablet", "2021-12-01", "Take 1 tablet (550 mg) by mouth twice daily", reason=he)
    c.imm(*CVX_JANSSEN, "2021-04-20", series="COVID-19 primary", dose=1)
    c.imm(*CVX_MODERNA, "2021-12-13", series="COVID-19 booster", dose=2)
    c.proc("61515000", "Abdominal paracentesis (procedure)", "2022-01-18", reason=asc, minutes=70,
           outcome="Large-volume paracentesis: 7.2 L removed; albumin 60 g IV given")
    c.lab("nh3", "2022-01-18", 48)
    c.visit("2022-06-13", FOLLOWUP)
    for k, v in (("bili", 2.9), ("inr", 1.6), ("alb", 2.9), ("na", 133), ("creat", 1.1), ("plt", 74), ("a1c", 7.8)):
        c.lab(k, "2022-06-13", v)
    c.proc("76009000", "Esophagogastroduodenoscopy (procedure)", "2022-07-11", reason=var, minutes=20,
           outcome="Small (grade 1) esophageal varices; no banding required", success=False)
    c.visit("2022-08-10", ("185389009", "Follow-up visit (procedure)"))
    c.proc("60554003", "Polysomnography (procedure)", "2022-08-10", rcode=("73430006", "Sleep apnea (disorder)"), minutes=480)
    c.report(SNOMED, "60554003", "Polysomnography (procedure)", "2022-08-10",
             "AHI 34 events/hour; severe obstructive sleep apnea; nadir SpO2 78%. CPAP titration recommended.")
    c.visit("2022-08-22", FOLLOWUP)
    osa = c.cond("78275009", "Obstructive sleep apnea syndrome (disorder)", "2022-08-22", icd=("G47.33", "Obstructive sleep apnea (adult) (pediatric)"))
    c.visit("2022-09-12", ("410410006", "Screening surveillance (regime/therapy)"))
    c.report(LOINC, "24531-6", "US Abdomen", "2022-09-12", "Cirrhotic liver. No focal hepatic lesion. Small-volume ascites.")
    c.visit("2022-09-15", FOLLOWUP)
    c.device("702172008", "Home continuous positive airway pressure unit (physical object)", "2022-09-15", "Somnair", "AutoSet S12",
             reason=osa, years=7)
    cg = c.goal("Use CPAP at least 4 hours per night on 70% of nights", "2022-09-15", addresses=osa)
    c.imm(*CVX_FLU4, "2022-10-17")

    # SBP transfer
    adm3 = c.enc("IMP", "2023-02-08 16:40", "2023-02-14", etype=HOSP_ADMIT,
                 reason=("271342007", "Spontaneous bacterial peritonitis (disorder)"), admit="hosp-trans", dispo="rehab")
    sbp = c.cond("271342007", "Spontaneous bacterial peritonitis (disorder)", "2023-02-08", abate="2023-02-20",
                 icd=("K65.2", "Spontaneous bacterial peritonitis"), enc=adm3)
    aki = c.cond("14669001", "Acute renal failure syndrome (disorder)", "2023-02-08", abate="2023-02-28",
                 icd=("N17.9", "Acute kidney failure, unspecified"), enc=adm3)
    for k, v in (("creat", 1.8), ("bili", 3.4), ("inr", 1.9), ("alb", 2.5), ("na", 129), ("plt", 61), ("hgb", 9.6), ("wbc", 12.4)):
        c.lab(k, "2023-02-08", v, enc=adm3)
    c.proc("61515000", "Abdominal paracentesis (procedure)", "2023-02-08", reason=sbp, enc=adm3, minutes=30,
           outcome="Diagnostic paracentesis: ascitic fluid PMN 620/uL, culture Escherichia coli")
    c.med("1665000", "cefotaxime 2000 MG Injection", "2023-02-08", "2 g IV every 8 hours for 5 days",
          status="completed", end="2023-02-13", reason=sbp, enc=adm3, cat="inpatient")
    c.med("1945096", "albumin human, USP 250 MG/ML Injectable Solution", "2023-02-08", "1.5 g/kg IV on day 1 and 1 g/kg IV on day 3",
          status="completed", end="2023-02-10", reason=aki, enc=adm3, cat="inpatient")
    c.med("198335", "sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet", "2023-02-13",
          "Take 1 tablet by mouth once daily (SBP prophylaxis)", reason=sbp, enc=adm3)
    c.med("403955", "acamprosate calcium 333 MG Delayed Release Oral Tablet", "2023-02-14", "Take 2 tablets (666 mg) by mouth three times daily",
          reason=aud, enc=adm3)
    c.note("discharge", "2023-02-14", """
DISCHARGE SUMMARY
Transferred from Lowmoor Community Hospital 2023-02-08 with fever, abdominal pain and AKI (creatinine 1.8).
Spontaneous bacterial peritonitis (PMN 620, E. coli), treated with cefotaxime and IV albumin; creatinine back to 1.2 at discharge.
Diuretics held during AKI, resumed on discharge. Lifelong trimethoprim-sulfamethoxazole prophylaxis.
Alcohol: last alcohol use 2023-02-05 per patient. Started acamprosate. MELD-Na 24 on admission.
Discharged to Harbor House residential addiction treatment program (28-day stay).
""", enc=adm3)
    ag = c.goal("Maintain complete abstinence from alcohol", "2023-02-14", addresses=aud)
    lg = c.goal("2-3 soft bowel movements per day on lactulose", "2023-02-14", addresses=he)
    c.careplan("Cirrhosis and recovery care plan", ("734163000", "Care plan (record artifact)"), "2023-02-14",
               [("437421000124105", "Sodium restricted diet (regime/therapy)"), "Sodium under 2 g per day",
                "Liver ultrasound and AFP every 6 months", "Weekly recovery group and addiction medicine visits",
                "Lactulose titration to 2-3 bowel movements daily"], addresses=[cirr, aud, he], goals=[ag, lg, cg])
    c.visit("2023-09-11", FOLLOWUP)
    for k, v in (("bili", 2.1), ("inr", 1.5), ("alb", 3.2), ("na", 134), ("creat", 1.1), ("plt", 80), ("afp", 6.3), ("a1c", 7.2)):
        c.lab(k, "2023-09-11", v)
    c.survey("auditc", "2023-09-11", 0)
    c.survey("phq9", "2023-09-11", 8)
    c.survey("gad7", "2023-09-11", 9)
    c.smoking("2023-09-11", "daily")
    c.vitals("2023-09-11", bp=(112, 68), wt=84.0, hr=66)
    c.report(LOINC, "24531-6", "US Abdomen", "2023-09-11", "Cirrhotic liver without focal lesion. Trace ascites.")
    c.note("progress", "2023-09-11", """
PROGRESS NOTE - hepatology
Sober since 2023-02-05; completed Harbor House program; attends weekly recovery group. PEth negative today.
Referred for liver transplant evaluation at the regional transplant center; transplant team requires continued abstinence and smoking cessation.
Continues buprenorphine-naloxone with stable dosing. Still smoking 1 pack per day - counseled.
""")
    c.imm(*CVX_PCV20, "2023-10-16")
    c.imm(*CVX_FLU4, "2023-10-16")
    ed5 = c.enc("EMER", "2023-11-20 08:30", "2023-11-20 14:15", etype=ER_ADMIT,
                reason=("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)"))
    aecopd = c.cond("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)", "2023-11-20", abate="2023-12-05",
                    icd=("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"), enc=ed5)
    c.vitals("2023-11-20", bp=(128, 78), hr=104, spo2=89, rr=24, enc=ed5)
    c.med("312615", "prednisone 20 MG Oral Tablet", "2023-11-20", "Take 2 tablets (40 mg) by mouth daily for 5 days",
          status="completed", end="2023-11-25", reason=aecopd, enc=ed5)
    c.med("1649988", "doxycycline hyclate 100 MG Oral Tablet", "2023-11-20", "Take 1 tablet (100 mg) by mouth twice daily for 5 days",
          status="completed", end="2023-11-25", reason=aecopd, enc=ed5)
    c.proc("61515000", "Abdominal paracentesis (procedure)", "2024-04-22", reason=asc, minutes=50,
           outcome="Large-volume paracentesis: 4.1 L removed; albumin 30 g IV given")
    c.visit("2024-06-10", FOLLOWUP)
    c.lab("a1c", "2024-06-10", 7.4)
    c.proc("76009000", "Esophagogastroduodenoscopy (procedure)", "2024-07-15", reason=var, minutes=20,
           outcome="Small (grade 1) esophageal varices, no high-risk stigmata; no banding required", success=False)
    c.visit("2024-09-16", FOLLOWUP)
    for k, v in (("bili", 1.9), ("inr", 1.4), ("alb", 3.2), ("na", 135), ("creat", 0.98), ("plt", 84)):
        c.lab(k, "2024-09-16", v)
    c.report(LOINC, "24531-6", "US Abdomen", "2024-09-16", "Cirrhotic liver without focal lesion. No ascites.")
    c.imm(*CVX_FLU4, "2024-10-21")
    c.visit("2025-03-10", ("410410006", "Screening surveillance (regime/therapy)"))
    c.lab("afp", "2025-03-10", 11.8)
    c.report(LOINC, "24531-6", "US Abdomen", "2025-03-10",
             "New 1.2 cm hypoechoic lesion in hepatic segment 6. Recommend multiphase contrast MRI.")
    c.visit("2025-04-02", FOLLOWUP)
    c.report(LOINC, "24556-3", "MR Abdomen WO and W contrast IV", "2025-04-02",
             "1.3 cm arterially enhancing observation in segment 6 without washout or capsule: LI-RADS 3 (intermediate probability of HCC). "
             "Repeat multiphase MRI in 3 months.")
    c.note("progress", "2025-04-02", """
PROGRESS NOTE - hepatology
MRI: 1.3 cm LI-RADS 3 observation in segment 6; AFP 11.8 (up from 6.3). Plan repeat MRI in 3 months and discuss at liver tumor board.
Remains abstinent from alcohol. Code status: full code. Transplant evaluation ongoing.
""")
    c.visit("2025-06-16", FOLLOWUP)
    for k, v in (("bili", 2.2), ("inr", 1.5), ("alb", 3.1), ("na", 134), ("creat", 1.03), ("plt", 79), ("a1c", 7.1), ("hgb", 11.8)):
        c.lab(k, "2025-06-16", v)
    c.survey("auditc", "2025-06-16", 0)
    c.smoking("2025-06-16", "daily")
    c.vitals("2025-06-16", bp=(108, 66), wt=83.2, hr=64, spo2=94)
    return c


# ----------------------------------------------------------------------------------------------
def write_bundle(c):
    pid = c.pt["id"]
    entries = [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r,
                "request": {"method": "POST", "url": r["resourceType"]}} for r in c.res]
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": entries}
    path = os.path.join(OUT, f"blind6_{c.n}_{pid}.json")
    with open(path, "w") as f:
        json.dump(bundle, f, indent=1)
    return path


def write_bulk(charts):
    bulk = os.path.join(OUT, "bulk")
    os.makedirs(bulk, exist_ok=True)
    by_type = {}
    for c in charts:
        for r in c.res:
            by_type.setdefault(r["resourceType"], []).append(r)
    for rtype, rows in sorted(by_type.items()):
        RNG.shuffle(rows)  # both patients mixed within each file
        with open(os.path.join(bulk, f"{rtype}.ndjson"), "w") as f:
            for r in rows:
                f.write(json.dumps(r, separators=(",", ":")) + "\n")
    return sorted(by_type)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    charts = [build_p1(), build_p2(), build_p3(), build_p4(), build_p5(), build_p6()]
    for c in charts:
        if c.mode == "bundle":
            print("wrote", os.path.relpath(write_bundle(c), HERE), len(c.res), "resources")
    types = write_bulk([c for c in charts if c.mode == "bulk"])
    print("wrote patients/bulk/ :", ", ".join(t + ".ndjson" for t in types))
    for c in charts:
        print(f"patient {c.n}: {c.pt['id']} {c.mode} {len(c.res)} resources")


if __name__ == "__main__":
    main()

"""Patient 6: middle-aged man with recurrent VTE (PE + DVTs), anticoagulant switches, temporary IVC filter, hypothyroidism."""
from lib import *  # noqa


def build(Q):
    c = Chart(6, "-05:00", "male", "Primary care visit", "Bayshore Internal Medicine")
    c.now = "2025-03-10"
    c.kind = "bulk"
    c.history = ("56-year-old man with Hashimoto hypothyroidism (levothyroxine titrated) and travel-provoked bilateral PE "
                 "2019 with factor V Leiden: warfarin (labile INR) to rivaroxaban, bleeding duodenal ulcer 2021 with new DVT "
                 "and a temporary IVC filter (failed then successful retrieval), now indefinite apixaban; OSA on CPAP.")
    c.make_patient(["Rafael", "Augusto"], "Oliveira Mendes", "1968-12-02", "male", "7410 Cypress Bend Dr", "Tampa", "FL",
                   "33615", "813-555-0178", mrn="BIM-660317", lang=("pt-BR", "Portuguese (Brazil)"))

    ed1 = c.enc("EMER", "2019-11-03", type_text="Emergency department visit", reason="Nosebleed for 2 hours on warfarin",
                dispo="home", hm="21:10", hm_end="23:55")
    ed2 = c.enc("EMER", "2023-07-19", type_text="Emergency department visit", reason="Left-sided chest pain",
                dispo="home", hm="16:40", hm_end="22:30")
    adm1 = c.enc("IMP", "2019-06-23", "2019-06-27", type_text="Hospital admission",
                 reason="Acute bilateral pulmonary embolism", admit="emd", dispo="home", hm="11:20")
    adm2 = c.enc("IMP", "2021-09-02", "2021-09-08", type_text="Hospital admission",
                 reason="Upper GI bleed (melena) on rivaroxaban", admit="emd", dispo="home", hm="07:35")
    inr_d = ["2019-07-01", "2019-07-08", "2019-07-15", "2019-07-29", "2019-08-12", "2019-08-26", "2019-09-16",
             "2019-10-07", "2019-10-28", "2019-11-18", "2019-12-09", "2020-01-06", "2020-01-14"]
    for d in inr_d:
        c.enc("AMB", d, type_text="Anticoagulation clinic visit", reason="Warfarin monitoring", hm="08:00")
    pcp = ["2012-05-08", "2012-08-14", "2013-05-14", "2014-05-13", "2014-06-10", "2015-05-12", "2016-03-15", "2016-06-14",
           "2018-05-15", "2019-12-10", "2020-06-16", "2021-10-12", "2021-11-16", "2021-12-07", "2022-11-15", "2023-02-14",
           "2023-08-15", "2024-08-13", "2025-02-11"]
    for d in pcp:
        c.enc_on(d)
    ir1 = c.enc("AMB", "2022-01-20", type_text="Interventional radiology procedure visit", reason="IVC filter retrieval",
                hm="07:00", hm_end="12:00")
    ir2 = c.enc("AMB", "2022-04-12", type_text="Interventional radiology procedure visit (tertiary center)",
                reason="Complex IVC filter retrieval", hm="07:00", hm_end="14:00")
    gi = c.enc("AMB", "2022-06-15", type_text="Endoscopy center visit", reason="Colonoscopy", hm="07:30", hm_end="11:00")
    sleep = c.enc("AMB", "2020-02-10", type_text="Sleep laboratory", reason="Snoring and daytime sleepiness", hm="21:00",
                  hm_end="06:00")

    # ---- conditions
    hypo = c.cond("Hypothyroidism due to Hashimoto thyroiditis", icd=("E06.3", "Autoimmune thyroiditis"),
                  sct=("40930008", "Hypothyroidism"), onset="2012-05-08")
    hld = c.cond("Hyperlipidemia", icd=("E78.5", "Hyperlipidemia, unspecified"), sct=("55822004", "Hyperlipidemia"),
                 onset="2014-05-13")
    c.cond("Obesity", icd=("E66.9", "Obesity, unspecified"), sct=("414916001", "Obesity"), onset="2014-05-13")
    gerd = c.cond("Gastroesophageal reflux disease", icd=("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
                  sct=("235595009", "Gastroesophageal reflux disease"), onset="2015-05-12")
    pe = c.cond("Acute bilateral pulmonary embolism with right heart strain",
                icd=("I26.99", "Other pulmonary embolism without acute cor pulmonale"), sct=("59282003", "Pulmonary embolism"),
                onset="2019-06-23", abate="2019-12-10", clin="resolved", enc=adm1,
                note="Provoked by long-haul air travel; factor V Leiden heterozygous.")
    dvt1 = c.cond("Acute deep vein thrombosis of right popliteal vein",
                  icd=("I82.431", "Acute embolism and thrombosis of right popliteal vein"),
                  sct=("128053003", "Deep venous thrombosis"), onset="2019-06-23", abate="2019-12-10", clin="resolved", enc=adm1)
    c.cond("Essential hypertension", icd=("I10", "Essential (primary) hypertension"), onset="2019-06-23",
           ver="entered-in-error", note="Entered in error - blood pressure elevated only with pain in the ED.")
    hit = c.cond("Heparin-induced thrombocytopenia", icd=("D75.82", "Heparin induced thrombocytopenia (HIT)"),
                 onset="2019-06-26", clin="inactive", ver="refuted", enc=adm1,
                 note="Platelets 218 to 164 on heparin; PF4/heparin antibody negative 2019-06-26.")
    epi = c.cond("Epistaxis with supratherapeutic INR", icd=("R04.0", "Epistaxis"), onset="2019-11-03", abate="2019-11-03",
                 clin="resolved", cat="encounter-diagnosis", enc=ed1)
    fvl = c.cond("Factor V Leiden mutation, heterozygous", icd=("D68.51", "Activated protein C resistance"),
                 onset="2019-12-10")
    osa = c.cond("Obstructive sleep apnea", icd=("G47.33", "Obstructive sleep apnea (adult) (pediatric)"),
                 sct=("78275009", "Obstructive sleep apnea syndrome"), onset="2020-02-10")
    du = c.cond("Duodenal ulcer with hemorrhage", icd=("K26.4", "Chronic or unspecified duodenal ulcer with hemorrhage"),
                onset="2021-09-02", abate="2021-11-16", clin="resolved", enc=adm2)
    hp = c.cond("Helicobacter pylori infection", icd=("B96.81", "Helicobacter pylori [H. pylori] as the cause of diseases classified elsewhere"),
                onset="2021-09-03", abate="2021-11-16", clin="resolved", enc=adm2)
    dvt2 = c.cond("Acute deep vein thrombosis of left femoral vein", icd=("I82.412", "Acute embolism and thrombosis of left femoral vein"),
                  sct=("128053003", "Deep venous thrombosis"), onset="2021-09-03", abate="2022-03-15", clin="resolved", enc=adm2)
    ida = c.cond("Iron deficiency anemia secondary to blood loss", icd=("D50.0", "Iron deficiency anemia secondary to blood loss (chronic)"),
                 sct=("87522002", "Iron deficiency anemia"), onset="2021-09-08", abate="2022-04-12", clin="resolved")
    ta = c.cond("Tubular adenomas of colon (removed)", icd=("D12.6", "Benign neoplasm of colon, unspecified"),
                onset="2022-06-15", abate="2022-06-15", clin="resolved", enc=gi)
    c.cond("Chest wall pain", icd=("R07.89", "Other chest pain"), onset="2023-07-19", abate="2023-07-19", clin="resolved",
           cat="encounter-diagnosis", enc=ed2, note="CT pulmonary angiogram negative; musculoskeletal.")

    # ---- medications
    lt1 = c.med(("966222", "levothyroxine sodium 0.075 MG Oral Tablet"), "levothyroxine 75 mcg tablet", "2012-05-08",
                "Take 1 tablet by mouth every morning on an empty stomach", status="stopped", end="2016-03-15",
                reason_ref=[hypo], status_reason="Dose increased (TSH 6.4)")
    rosu = c.med(("859747", "rosuvastatin calcium 10 MG Oral Tablet"), "Crestor 10 mg tablet", "2014-06-10",
                 "Take 1 tablet by mouth daily", reason_ref=[hld], dose=(10, "mg"))
    ome = c.med(("402014", "omeprazole 20 MG Delayed Release Oral Capsule"), "omeprazole 20 mg capsule", "2015-05-12",
                "Take 1 capsule by mouth daily before breakfast", status="stopped", end="2021-09-03", reason_ref=[gerd],
                status_reason="Changed to pantoprazole twice daily after bleeding ulcer")
    lt2 = c.med(("966247", "levothyroxine sodium 0.1 MG Oral Tablet"), "levothyroxine 100 mcg tablet", "2016-03-15",
                "Take 1 tablet by mouth every morning on an empty stomach", status="stopped", end="2022-11-15",
                reason_ref=[hypo], status_reason="Dose increased (TSH 7.2)")
    hep = c.med(("1361615", "heparin sodium 100 UNT/ML Injectable Solution"), "heparin infusion per weight-based nomogram",
                "2019-06-23", "80 units/kg IV bolus then 18 units/kg/h, titrate to anti-Xa", status="completed",
                end="2019-06-25", reason_ref=[pe], category="inpatient", enc=adm1)
    enox = c.med(("854248", "enoxaparin sodium 120 MG/0.8 ML Prefilled Syringe"), "enoxaparin 110 mg syringe", "2019-06-25",
                 "Inject 110 mg (1 mg/kg) subcutaneously every 12 hours until INR above 2 for 24 hours",
                 status="completed", end="2019-07-01", reason_ref=[pe])
    warf = c.med(("855332", "warfarin sodium 5 MG Oral Tablet"), "Coumadin 5 mg tablet", "2019-06-25",
                 "Take as directed by anticoagulation clinic; goal INR 2-3", status="stopped", end="2020-01-14",
                 reason_ref=[pe], status_reason="Labile INR (time in therapeutic range 42%)")
    riva = c.med(("1232086", "rivaroxaban 20 MG Oral Tablet"), "Xarelto 20 mg tablet", "2020-01-14",
                 "Take 1 tablet by mouth daily with the evening meal", status="stopped", end="2021-09-02", reason_ref=[pe],
                 status_reason="Gastrointestinal hemorrhage (bleeding duodenal ulcer)")
    panto = c.med(("314200", "pantoprazole 40 MG Delayed Release Oral Tablet"), "pantoprazole 40 mg DR tablet", "2021-09-03",
                  "Take 1 tablet by mouth twice daily before meals",
                  reason="Duodenal ulcer with hemorrhage; GI protection on apixaban", reason_ref=[du], dose=(40, "mg"))
    fe = c.med(("310325", "ferrous sulfate 325 MG Oral Tablet"), "ferrous sulfate 325 mg tablet", "2021-09-08",
               "Take 1 tablet by mouth daily", status="completed", end="2021-12-07", reason_ref=[ida])
    pyl = c.med(("797554", "bismuth subcitrate potassium 140 MG / metronidazole 125 MG / tetracycline 125 MG Oral Capsule"),
                "Pylera capsules", "2021-09-10", "Take 3 capsules by mouth four times daily with omeprazole for 14 days",
                status="completed", end="2021-09-24", reason_ref=[hp])
    apix = c.med(("1364445", "apixaban 5 MG Oral Tablet"), "Eliquis 5 mg tablet", "2021-10-01",
                 "Take 1 tablet (5 mg) by mouth twice daily (after 10 mg twice daily for 7 days)",
                 reason_ref=[dvt2, pe], dose=(5, "mg"))
    lt3 = c.med(("966224", "levothyroxine sodium 0.112 MG Oral Tablet"), "Synthroid 112 mcg tablet", "2022-11-15",
                "Take 1 tablet by mouth every morning on an empty stomach", reason_ref=[hypo], dose=(112, "ug"))
    active = [rosu, panto, apix, lt3]
    anticoag = [hep, enox, warf, riva, apix]

    # ---- observations
    for d, v, hm in [("2012-05-08", 11.8, "08:15"), ("2012-08-14", 5.2, "08:15"), ("2013-05-14", 3.1, "08:15"),
                     ("2014-05-13", 2.7, "08:15"), ("2015-05-12", 3.9, "08:15"), ("2016-03-15", 6.4, "08:15"),
                     ("2016-06-14", 2.9, "08:15"), ("2018-05-15", 2.2, "08:15"), ("2019-06-24", 3.4, "05:30"),
                     ("2020-06-16", 2.8, "08:15"), ("2021-09-03", 4.1, "05:30"), ("2022-11-15", 7.2, "08:15"),
                     ("2023-02-14", 3.3, "08:15"), ("2023-08-15", 2.1, "08:15"), ("2024-08-13", 1.8, "08:15"),
                     ("2025-02-11", 2.4, "08:15")]:
        c.lab("tsh", d, v, hm=hm)
    for d, v in [("2012-05-08", 0.7), ("2016-03-15", 0.9), ("2022-11-15", 0.86)]:
        c.lab("ft4", d, v)
    c.qual((LNC, "8099-4", "Thyroperoxidase Ab [Units/volume] in Serum or Plasma"), "2012-05-08", "412 IU/mL (positive)",
           interp="H")
    inr_all = [("2019-06-23", 1.1, "12:00"), ("2019-06-27", 1.6, "05:30"), ("2019-07-01", 2.3, "08:10"),
               ("2019-07-08", 3.4, "08:10"), ("2019-07-15", 2.6, "08:10"), ("2019-07-29", 1.8, "08:10"),
               ("2019-08-12", 2.9, "08:10"), ("2019-08-26", 3.8, "08:10"), ("2019-09-16", 1.7, "08:10"),
               ("2019-10-07", 2.4, "08:10"), ("2019-10-28", 2.1, "08:10"), ("2019-11-03", 4.6, "21:30"),
               ("2019-11-18", 2.8, "08:10"), ("2019-12-09", 1.9, "08:10"), ("2020-01-06", 2.2, "08:10")]
    for d, v, hm in inr_all:
        c.lab("inr", d, v, hm=hm)
    c.lab("ddimer", "2019-06-23", 3.8, hm="12:00")
    c.lab("tropi", "2019-06-23", 0.06, hm="12:00")
    c.lab("spo2", "2019-06-23", 89, hm="11:30")
    for d, v, hm in [("2019-06-23", 218, "12:00"), ("2019-06-26", 164, "05:30"), ("2019-07-01", 241, "08:10"),
                     ("2021-09-02", 302, "08:00")]:
        c.lab("plt", d, v, hm=hm)
    pf4 = c.qual((LOC, "PF4-HEP-AB", "PF4/heparin antibody (HIT ELISA)"), "2019-06-26", "Negative (OD 0.21)", interp="N",
                 hm="05:30")
    fvl_o = c.qual((LOC, "F5-R506Q", "Factor V Leiden (F5 c.1601G>A, p.Arg506Gln) genotyping"), "2019-12-10",
                   "Heterozygous for factor V Leiden", interp="A")
    c.qual((LOC, "F2-G20210A", "Prothrombin G20210A genotyping"), "2019-12-10", "Not detected", interp="N")
    for d, v, hm in [("2019-06-23", 15.1, "12:00"), ("2020-01-06", 14.8, "08:10"), ("2021-09-02", 6.8, "08:00"),
                     ("2021-09-03", 8.2, "05:30"), ("2021-09-08", 9.1, "05:30"), ("2021-10-12", 10.4, "08:15"),
                     ("2021-12-07", 12.9, "08:15"), ("2022-04-12", 14.1, "07:30"), ("2023-02-14", 14.6, "08:15"),
                     ("2024-08-13", 14.9, "08:15")]:
        c.lab("hgb", d, v, hm=hm)
    for d, v, hm in [("2021-09-08", 14, "05:30"), ("2021-12-07", 48, "08:15"), ("2022-04-12", 96, "07:30")]:
        c.lab("ferritin", d, v, hm=hm)
    for d, v, hm in [("2019-06-23", 0.9, "12:00"), ("2021-09-02", 1.4, "08:00"), ("2021-10-12", 1.1, "08:15"),
                     ("2023-02-14", 0.94, "08:15"), ("2025-02-11", 1.02, "08:15")]:
        c.lab("creat", d, v, hm=hm)
    for d, v in [("2014-05-13", 168), ("2016-06-14", 102), ("2019-12-10", 84), ("2022-11-15", 78), ("2024-08-13", 71)]:
        c.lab("ldl", d, v)
    c.qual((LNC, "17780-8", "Helicobacter pylori Ag [Presence] in Stool by Immunoassay"), "2021-11-16", "Negative",
           interp="N", value_cc=(SCT, "260385009", "Negative"))
    c.lab("tropi", "2023-07-19", 0.01, hm="17:00")
    bpd = pcp[3:]
    bps = [(132, 84), (134, 86), (130, 82), (128, 82), (126, 80), (124, 78), (130, 82), (128, 80), (126, 78), (122, 76),
           (128, 80), (124, 78), (126, 80), (122, 78), (124, 76), (126, 78)]
    for d, (s, di) in zip(bpd, bps):
        c.bp(d, s, di)
    for d, v in [("2014-05-13", 106.5), ("2016-06-14", 109.2), ("2019-12-10", 112.4), ("2020-06-16", 110.8),
                 ("2021-10-12", 104.3), ("2022-11-15", 109.5), ("2023-08-15", 107.1), ("2024-08-13", 108.3),
                 ("2025-02-11", 107.6)]:
        c.lab("weight", d, v)
    smk = c.smoking("2024-08-13", "8517006", "Ex-smoker", note="Quit June 2019 after the pulmonary embolism.")
    c.social_qty("8664-5", "Cigarette pack-years", "2024-08-13", 15, "{pack-years}")
    c.social_qty("75626-2", "Total score [AUDIT-C]", "2024-08-13", 4, "{score}")

    # ---- reports
    c.report((LNC, "24842-7", "US Thyroid"), "2012-05-22", "RAD",
             "Diffusely heterogeneous, mildly enlarged thyroid consistent with thyroiditis. No nodules.", text="Thyroid ultrasound",
             enc=c.enc("AMB", "2012-05-22", type_text="Outpatient imaging", reason="Hypothyroidism"))
    ctpa1 = c.report((LNC, "24627-2", "CT Chest"), "2019-06-23", "RAD",
                     "Bilateral segmental and subsegmental pulmonary emboli involving the right lower lobe and left lower lobe "
                     "arteries. RV/LV ratio 1.1 suggesting right heart strain. No infarct.",
                     text="CT angiogram chest (PE protocol)", enc=adm1, hm="12:40")
    dup1 = c.report((LNC, "30901-3", "US Lower extremity veins"), "2019-06-23", "VUS",
                    "Occlusive acute thrombus in the right popliteal vein. Left leg veins patent.",
                    text="Venous duplex both legs", enc=adm1, hm="15:00")
    c.report((LNC, "34552-0", "2D echocardiogram panel"), "2019-06-24", "CUS",
             "Mildly dilated right ventricle with reduced function (TAPSE 15 mm). LVEF 60%. No thrombus in transit.",
             text="Transthoracic echocardiogram", enc=adm1)
    c.report((LNC, "34552-0", "2D echocardiogram panel"), "2019-12-10", "CUS",
             "Normal right ventricular size and function (TAPSE 22 mm). LVEF 60%. Estimated PASP 28 mmHg.",
             text="Transthoracic echocardiogram")
    psg = c.report((LNC, "28633-6", "Polysomnography study"), "2020-02-10", "OTH",
                   "Severe obstructive sleep apnea, AHI 34 events/hour, oxygen nadir 81%. CPAP titration optimal at 11 cm H2O.",
                   text="Overnight polysomnography with CPAP titration", enc=sleep)
    egd = c.report((LNC, "18751-8", "Endoscopy study"), "2021-09-03", "OTH",
                   "EGD: 12 mm duodenal bulb ulcer with visible vessel (Forrest IIa); treated with epinephrine injection and "
                   "two hemoclips. Gastric biopsies taken.", text="Upper endoscopy (EGD)", enc=adm2)
    hp_path = c.report((LNC, "11526-1", "Pathology study"), "2021-09-03", "SP",
                       "Gastric antrum biopsies: chronic active gastritis with Helicobacter pylori organisms (immunostain positive).",
                       text="Surgical pathology - gastric biopsies", enc=adm2, hm="16:00")
    dup2 = c.report((LNC, "30901-3", "US Lower extremity veins"), "2021-09-03", "VUS",
                    "Acute non-occlusive thrombus in the left common femoral and femoral veins. Right leg: chronic scarring of "
                    "popliteal vein, no acute thrombus.", text="Venous duplex both legs", enc=adm2, hm="14:00")
    veno = c.report((LNC, "36148-5", "IR Venogram IVC"), "2021-09-05", "RAD",
                    "Inferior vena cavagram: normal caliber IVC without thrombus; renal veins at L1. Retrievable filter "
                    "deployed infrarenally with apex at L2.", text="IVC venogram and filter placement", enc=adm2)
    ctab = c.report((LNC, "36813-4", "CT Abdomen and Pelvis W contrast IV"), "2022-01-05", "RAD",
                    "IVC filter tilted 15 degrees to the right with the apex embedded in the caval wall; two struts extend "
                    "3 mm beyond the caval wall. No caval thrombus.", text="CT abdomen/pelvis with contrast",
                    enc=c.enc("AMB", "2022-01-05", type_text="Outpatient imaging", reason="IVC filter retrieval planning"))
    col_path = c.report((LNC, "11526-1", "Pathology study"), "2022-06-15", "SP",
                        "Colon polyps (ascending 6 mm, sigmoid 8 mm), polypectomy: tubular adenoma x2, no high-grade dysplasia.",
                        text="Surgical pathology - colon polyps", enc=gi, hm="15:00")
    ctpa2 = c.report((LNC, "24627-2", "CT Chest"), "2023-07-19", "RAD",
                     "No pulmonary embolism. No acute cardiopulmonary findings.", text="CT angiogram chest (PE protocol)",
                     enc=ed2, hm="18:30")

    # ---- procedures & devices
    c.proc((SCT, "428648006", "Automated titration of continuous positive airway pressure"), "2020-02-10", enc=sleep,
           reports=[psg], text="Polysomnography with CPAP titration", hm="21:30")
    cpap, cpap_dus = c.device((SCT, "702172008", "Home continuous positive airway pressure unit"), "ResMed AirSense 10 CPAP",
                              manufacturer="ResMed", model="AirSense 10 AutoSet", start="2020-03-05", reason_ref=[osa],
                              note="Pressure 11 cm H2O, full-face mask.")
    c.proc((SCT, "180208003", "Red blood cell transfusion"), "2021-09-02", enc=adm2, reason_ref=[du],
           note="2 units packed red cells for Hb 6.8.", hm="10:00")
    egd_p = c.proc((SCT, "1919006", "Endoscopic control of gastric or duodenal bleeding"), "2021-09-03", enc=adm2, reports=[egd],
                   reason_ref=[du], text="EGD with epinephrine injection and hemoclip placement", hm="09:15")
    ivcf, ivcf_dus = c.device((SCT, "469864002", "Vena cava filter, retrievable"), "Denali retrievable IVC filter",
                              manufacturer="Bard Peripheral Vascular", model="Denali", lot="GFVT2105",
                              status="inactive", start="2021-09-05", end="2022-04-12", reason_ref=[dvt2],
                              reason="Acute left femoral DVT with anticoagulation contraindicated by GI bleeding",
                              note="Placed 2021-09-05; retrieval failed 2022-01-20; removed 2022-04-12.")
    f_in = c.proc((SCT, "25267002", "Insertion of inferior vena caval filter"), "2021-09-05", enc=adm2, devices=[ivcf],
                  reports=[veno], reason_ref=[dvt2], body_site=("64131007", "Inferior vena cava structure"), hm="13:00",
                  performer="Interventional radiology")
    f_r1 = c.proc((SCT, "703029003", "Removal of inferior vena cava filter"), "2022-01-20", enc=ir1, devices=[ivcf],
                  outcome="unsuccessful", outcome_text="Unsuccessful - filter tilted with hook embedded in caval wall",
                  body_site=("64131007", "Inferior vena cava structure"), hm="08:30", performer="Interventional radiology")
    f_r2 = c.proc((SCT, "703029003", "Removal of inferior vena cava filter"), "2022-04-12", enc=ir2, devices=[ivcf],
                  outcome="successful", outcome_text="Successful - removed intact with endobronchial forceps technique",
                  body_site=("64131007", "Inferior vena cava structure"), hm="09:00",
                  performer="Interventional radiology, tertiary referral center")
    colo = c.proc((SCT, "446745002", "Colonoscopy and biopsy of colon"), "2022-06-15", enc=gi, reports=[col_path],
                  reason="Screening with family history of colon cancer; after GI bleed", hm="08:15",
                  note="Two polyps removed by cold snare. Apixaban held 2 days before.")

    # ---- immunizations
    for d in ["2018-10-16", "2019-10-15", "2020-10-13", "2021-10-12", "2023-10-17", "2024-10-15"]:
        c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), d, dose=1, series=("Seasonal influenza", 1))
    flu_nd = c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), "2022-10-18", status="not-done",
                   reason="OSTOCK", reason_text="Vaccine out of stock at clinic; patient to get it at pharmacy")
    c.imm(("115", "Tdap"), "2018-05-15", dose=1)
    shx = [c.imm(("187", "zoster vaccine recombinant"), d, dose=i + 1, series=("Shingrix", 2), manufacturer="GSK")
           for i, d in enumerate(["2020-08-11", "2020-11-10"])]
    for i, d in enumerate(["2021-03-30", "2021-04-27", "2021-11-16"]):
        c.imm(("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose"), d, dose=i + 1, series=("COVID-19 Moderna", None),
              manufacturer="Moderna")
    c.imm(("312", "COVID-19, mRNA, LNP-S, PF, 50 mcg/0.5 mL dose (2023-2024)"), "2023-10-17", dose=1,
          series=("COVID-19 2023-2024", 1), manufacturer="Moderna")

    # ---- allergies, family, goals, plans
    c.allergy((SCT, "418097003", "Iodinated contrast media"), "Iodinated contrast", "medication", "low",
              [("126485001", "Urticaria", "mild", "Hives after CT contrast in 2015")], onset="2015-08-20",
              recorded="2015-08-20", note="Premedicate with prednisone and diphenhydramine before contrast.")
    al_h = c.allergy((RXN, "5224", "heparin"), "Heparin (suspected HIT)", "medication", "high",
                     [("165566004", "Thrombocytopenia", "moderate", "Platelet fall 218 to 164 on heparin")],
                     onset="2019-06-26", ver="refuted", clin="inactive",
                     note="PF4/heparin antibody negative 2019-06-26; HIT excluded. Heparin may be used.")
    c.allergy((SCT, "227493005", "Tree nut"), "Tree nuts (cashew)", "food", "low",
              [("267038008", "Edema of lip", "moderate", "Lip swelling and mouth itching")], onset="2001-01-01",
              recorded="2012-05-08")
    fm_m = c.fmh(("MTH", "mother"), "female", [("128053003", "Deep venous thrombosis", 60, "On warfarin lifelong")],
                 "2019-06-23")
    c.fmh(("FTH", "father"), "male", [("363406005", "Malignant neoplasm of colon", 72, "Died at 75")], "2019-06-23",
          deceased=True)
    fm_b = c.fmh(("BRO", "brother"), "male", [("307116009", "Factor V Leiden mutation", 45, "Heterozygous; no clots")],
                 "2019-12-10")
    g_inr = c.goal("INR 2.0-3.0 on warfarin", "2019-06-25", "not-achieved", lifecycle="cancelled",
                   target={"measure": cc(LNC, "6301-6", "INR in Platelet poor plasma by Coagulation assay"),
                           "detailRange": {"low": {"value": 2.0}, "high": {"value": 3.0}}},
                   addresses=[pe], status_date="2020-01-14", note="Cancelled when switched to rivaroxaban; TTR 42%.")
    g_tsh = c.goal("TSH 0.5-4.0 mIU/L on levothyroxine", "2012-05-08", "achieved",
                   target={"measure": cc(LNC, "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma"),
                           "detailRange": {"low": {"value": 0.5, "unit": "mIU/L"}, "high": {"value": 4.0, "unit": "mIU/L"}}},
                   addresses=[hypo], status_date="2025-02-11")
    g_wt = c.goal("Weight 100 kg or less", "2021-10-12", "in-progress",
                  target={"measure": cc(LNC, "29463-7", "Body weight"),
                          "detailQuantity": {"value": 100, "comparator": "<=", "unit": "kg", "system": UCUM, "code": "kg"}})
    c.careplan("Warfarin anticoagulation", "2019-06-25",
               [("Weekly then every 2-3 week INR checks at anticoagulation clinic", "completed")], goals=[g_inr],
               addresses=[pe, dvt1], status="revoked", end="2020-01-14")
    c.careplan("Secondary prevention of venous thromboembolism", "2021-10-01",
               [("Apixaban 5 mg twice daily, indefinite", "in-progress"), ("Compression stockings on flights; walk hourly", "in-progress"),
                ("Yearly CBC and creatinine", "in-progress")], goals=[g_wt], addresses=[dvt2, fvl])
    c.careplan("Hypothyroidism management", "2012-05-08",
               [("Levothyroxine with TSH every 6-12 months", "in-progress")], goals=[g_tsh], addresses=[hypo])

    # ---- notes
    n_hp = c.note(("34117-2", "History and physical note"), "2019-06-23", "Admission H&P - pulmonary embolism",
                  "History and physical\n50-year-old man with one day of shortness of breath and right calf pain. He flew "
                  "Sao Paulo to Miami to Tampa two days ago (long-haul flight, about 11 hours in the air) after visiting family. HR 112, SpO2 89% "
                  "on room air. CT angiogram: bilateral segmental PE with RV/LV 1.1; duplex: right popliteal DVT.\n"
                  "Social: regional sales manager for a medical supply company, travels about two weeks a month. Smokes half "
                  "a pack a day since age 20; advised to quit. Married to Luciana.\nPlan: admit, heparin infusion, echo.",
                  "Dr. Sunil Kapoor, Hospital Medicine", enc=adm1)
    c.note(("18842-5", "Discharge summary"), "2019-06-27", "Discharge summary - pulmonary embolism",
           "Discharge summary\nBilateral PE with right heart strain, hemodynamically stable, treated with heparin. Platelets fell "
           "from 218 to 164; PF4 antibody negative so HIT excluded. Transitioned to warfarin with enoxaparin bridge.\n"
           "Discharged home. Anticoagulation clinic in 4 days.", "Dr. Sunil Kapoor, Hospital Medicine", enc=adm1)
    n_sw = c.note(("11506-3", "Progress note"), "2020-01-14", "Anticoagulation clinic note",
                  "Anticoagulation clinic\nTime in therapeutic range over the last 6 months only 42% (INR 1.6 to 4.6), with a "
                  "nosebleed at INR 4.6 in November. He travels two weeks a month and missed several checks; he prefers a drug "
                  "that does not need INR monitoring. Labile INR - warfarin stopped, start rivaroxaban (Xarelto) 20 mg with the "
                  "evening meal today. Factor V Leiden heterozygous. Plan at least 6 more months, then reassess.",
                  "Beth Moreland, PharmD, Anticoagulation Clinic")
    c.note(("18842-5", "Discharge summary"), "2021-09-08", "Discharge summary - GI bleed",
           "Discharge summary\nAdmitted 2021-09-02 through the ED with melena and Hb 6.8 on rivaroxaban; 2 units transfused. "
           "EGD 2021-09-03: duodenal bulb ulcer with visible vessel, epinephrine and clips. H. pylori on biopsy. Duplex the "
           "same day showed a new left femoral DVT; with anticoagulation contraindicated a retrievable IVC filter was placed "
           "2021-09-05. Rivaroxaban stopped.\nDischarged home on pantoprazole twice daily and Pylera; plan to start apixaban "
           "2021-10-01 if no rebleeding, then remove the filter.", "Dr. Sunil Kapoor, Hospital Medicine", enc=adm2)
    c.note(("28570-0", "Procedure note"), "2022-04-12", "IR procedure note - IVC filter retrieval",
           "Interventional radiology\nFirst retrieval attempt 2022-01-20 failed: the filter was tilted 15 degrees with the hook "
           "embedded in the caval wall. Today the filter was freed and removed intact using endobronchial forceps. Completion "
           "cavagram: no caval injury or thrombus.", "Dr. Alana Whitfield, Interventional Radiology", enc=ir2)
    c.note(("11506-3", "Progress note"), "2024-08-13", "Primary care progress note",
           "Primary care follow-up\nTwo venous thromboembolism events plus factor V Leiden - hematology recommends indefinite "
           "apixaban; he agrees and wants to keep traveling for work. Wears compression stockings on flights. Has not smoked "
           "since June 2019. Uses CPAP nightly; wife Luciana says the snoring is gone. TSH 1.8 on Synthroid 112 mcg.",
           "Dr. Teresa Nguyen, Internal Medicine")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    t = c.latest("tsh")
    A(c, "lab_latest", "latest tsh", [t], [val(t), "2025-02-11"])
    tr = c.series("tsh", "2023-03-10")
    A(c, "lab_trend", "tsh over the last 2 years", tr, [val(x) for x in tr])
    hi = c.extreme("inr", max, "2019-06-25", "2020-01-14")
    A(c, "lab_extreme", "highest INR on coumadin", [hi], [val(hi), "2019-11-03"])
    hb = c.series("hgb", "2021-09-02", "2021-09-02")
    A(c, "lab_at_time", "hgb when he came in with the GI bleed", hb, [val(hb[0])])
    fe_l = c.latest("ferritin")
    wi = c.series("inr", "2019-06-25", "2019-07-25")
    A(c, "med_active", "what's he taking", active, ["rosuvastatin", "pantoprazole", "apixaban", "levothyroxine"])
    A(c, "med_class", "anticoagulant now?", [apix], ["apixaban"])
    A(c, "med_ever", "was he ever on coumadin", [warf], ["warfarin", "2020-01-14"])
    A(c, "med_stopped_why", "why did he come off rivaroxiban", [riva], ["gastrointestinal hemorrhage"], miss=True)
    A(c, "med_dose", "apixiban dose", [apix], ["5 mg", "twice daily"], miss=True)
    A(c, "med_dose", "levothyroxin dose", [lt3], ["112 mcg"], miss=True)
    A(c, "med_count", "how many different anticoagulants has he been on", anticoag, [str(len(anticoag))])
    A(c, "med_why", "why is he on pantoprazole", [panto, du], ["duodenal ulcer"])
    A(c, "condition", "hx of pe/dvt? dates", [pe, dvt1, dvt2], ["2019-06-23", "2021-09-03"])
    A(c, "condition", "hypercoag workup results", [fvl, fvl_o], ["factor v leiden", "heterozygous"], match="any")
    A(c, "device", "is the ivc filter still in", [ivcf, ivcf_dus, f_r2], ["2022-04-12"], match="any")
    A(c, "procedure", "first filter retrieval attempt - outcome", [f_r1], ["unsuccessful"])
    filt = [f_in, f_r1, f_r2]
    A(c, "procedure_count", "how many ivc filter procedures has he had (placement + removal attempts)", filt, [str(len(filt))])
    A(c, "pathology", "colonoscopy path", [col_path], ["tubular adenoma"])
    emer = [e for e in c.encs if e["_cls"] == "EMER"]
    A(c, "encounter_detail", "how was he admitted for the GI bleed and where'd he go after", [adm2], ["emergency", "home"])
    A(c, "imm_not_done", "flu shot 2022?", [flu_nd], ["out of stock"])
    A(c, "family_hx", "family clotting hx", [fm_m, fm_b], ["mother", "brother"])
    A(c, "note_only", "what provoked the first PE", [n_hp], ["flight"])
    A(c, "social_history", "does he smoke", [smk], ["ex-smoker"])
    ldl = c.latest("ldl")
    A(c, "two_in_one", "on a statin? last ldl", [rosu, ldl], ["rosuvastatin", val(ldl)])

    X(c, "lab_latest", "psa level", ["psa", "prostate specific", "2857-1"])
    X(c, "med_class", "is he on an antidepressant", ["antidepressant", "sertraline", "zoloft", "escitalopram", "lexapro",
                                                     "duloxetine", "cymbalta", "venlafaxine", "mirtazapine", "trazodone"])
    X(c, "imaging_path", "mri brain result", ["brain"])
    X(c, "condition", "any fractures", ["fracture", "fractures"])
    X(c, "lab_latest", "last a1c", ["a1c", "hba1c", "hemoglobin a1c", "4548-4"])
    X(c, "imm_last", "pneumonia vaccine?", ["pneumococcal", "pcv20", "ppsv23", "pcv13", "prevnar", "pneumovax"])
    X(c, "device", "picc?", ["picc", "peripherally inserted central catheter"])
    return c

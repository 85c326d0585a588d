"""Patient 1: young man with HbSS sickle cell disease (hydroxyurea, transfusions, port, ACS, AVN)."""
from lib import *  # noqa


def build(Q):
    c = Chart(1, "-05:00", "male", "Adult hematology clinic visit", "Chesapeake Adult Sickle Cell Center")
    c.now = "2025-02-14"
    c.kind = "transaction"
    c.history = ("24-year-old man with HbSS sickle cell disease: hydroxyurea (dose escalated), crizanlizumab and "
                 "voxelotor both stopped, transfusional iron overload on deferasirox, implanted port, acute chest "
                 "syndrome with exchange transfusion, cholecystectomy, avascular necrosis of the left hip.")
    c.make_patient(["Marcus", "Tobi"], "Oyelaran", "2000-07-19", "male", "2716 Harford Rd", "Baltimore", "MD",
                   "21218", "410-555-0143", marital=("S", "Never Married"), mrn="CASC-448120")

    # ---------------- encounters (explicit ones first) -----------------
    ed = {}
    for d, why in [("2020-02-11", "Sickle cell pain crisis - low back and legs"),
                   ("2020-09-15", "Severe back and thigh pain after crizanlizumab infusion"),
                   ("2021-11-03", "Sickle cell pain crisis - chest wall and arms"),
                   ("2023-04-17", "Sickle cell pain crisis - knees and low back"),
                   ("2024-06-05", "Sickle cell pain crisis - lower back")]:
        ed[d] = c.enc("EMER", d, type_text="Emergency department visit", reason=why, hm="19:40", hm_end="23:55",
                      dispo="home")
    imp = {}
    imp["chole"] = c.enc("IMP", "2019-05-15", "2019-05-17", type_text="Surgical admission",
                         reason="Symptomatic cholelithiasis for elective laparoscopic cholecystectomy",
                         admit="mp", dispo="home", hm="06:10")
    imp["voc21"] = c.enc("IMP", "2021-06-08", "2021-06-12", type_text="Hospital admission",
                         reason="Vaso-occlusive pain crisis with symptomatic anemia", admit="emd", dispo="home", hm="03:20")
    imp["acs"] = c.enc("IMP", "2022-01-14", "2022-01-24", type_text="Hospital admission",
                       reason="Acute chest syndrome", admit="emd", dispo="home", hm="01:50")
    imp["hip"] = c.enc("IMP", "2023-08-20", "2023-08-23", type_text="Hospital admission",
                       reason="Left hip pain crisis", admit="emd", dispo="home", hm="22:05")
    imp["voc24"] = c.enc("IMP", "2024-09-03", "2024-09-08", type_text="Hospital admission",
                         reason="Vaso-occlusive pain crisis", admit="emd", dispo="home", hm="04:45")
    adakveo_days = ["2020-05-19", "2020-06-02", "2020-06-30", "2020-07-28", "2020-08-18", "2020-09-15"]
    inf = {}
    for d in adakveo_days:
        inf[d] = c.enc("AMB", d, type_text="Infusion center visit", reason="Crizanlizumab infusion", hm="09:30")
    c.enc("AMB", "2021-05-20", type_text="Interventional radiology outpatient procedure",
          reason="Port placement for transfusion access", hm="07:30")
    c.enc("AMB", "2019-03-02", type_text="Adult hematology clinic visit", reason="Right upper quadrant pain")
    c.enc("AMB", "2023-08-30", type_text="Orthopedic clinic visit", reason="Left hip avascular necrosis")
    c.enc("AMB", "2024-04-23", type_text="Ophthalmology clinic visit", reason="Annual sickle retinopathy screening")

    # ---------------- conditions ---------------------------------------
    hbss = c.cond("Sickle cell anemia (HbSS)", icd=("D57.1", "Sickle-cell disease without crisis"),
                  sct=("127040003", "Sickle cell-hemoglobin SS disease"), onset="2000-07-19", recorded="2016-04-12",
                  note="Diagnosed on newborn screen; confirmed by hemoglobin electrophoresis.")
    c.cond("Sickle cell trait", icd=("D57.3", "Sickle-cell trait"), onset="2016-04-12", ver="entered-in-error",
           note="Entered on wrong chart section; patient has HbSS disease, not trait.")
    c.cond("Priapism due to sickle cell disease", icd=("N48.32", "Priapism due to disease classified elsewhere"),
           onset="2017-11-05", abate="2017-11-05", clin="resolved", cat="encounter-diagnosis")
    gall = c.cond("Cholelithiasis", icd=("K80.20", "Calculus of gallbladder without cholecystitis without obstruction"),
                  sct=("235919008", "Cholelithiasis"), onset="2019-03-02", abate="2019-05-16", clin="resolved")
    pain = c.cond("Chronic pain related to sickle cell disease", icd=("G89.29", "Other chronic pain"),
                  onset="2020-02-25")
    vitd_c = c.cond("Vitamin D deficiency", icd=("E55.9", "Vitamin D deficiency, unspecified"),
                    sct=("34713006", "Vitamin D deficiency"), onset="2021-03-09", abate="2022-02-22", clin="resolved")
    iron = c.cond("Transfusional iron overload", icd=("E83.111", "Hemochromatosis due to repeated red blood cell transfusions"),
                  onset="2021-06-10")
    voc21 = c.cond("Vaso-occlusive pain crisis", icd=("D57.00", "Hb-SS disease with crisis, unspecified"),
                   onset="2021-06-08", abate="2021-06-12", clin="resolved", cat="encounter-diagnosis", enc=imp["voc21"])
    acs = c.cond("Acute chest syndrome", icd=("D57.01", "Hb-SS disease with acute chest syndrome"),
                 onset="2022-01-14", abate="2022-01-24", clin="resolved", cat="encounter-diagnosis", enc=imp["acs"],
                 note="Left lower lobe infiltrate, hypoxemia to 88%; treated with red cell exchange.")
    pe_ref = c.cond("Pulmonary embolism", icd=("I26.99", "Other pulmonary embolism without acute cor pulmonale"),
                    sct=("59282003", "Pulmonary embolism"), onset="2022-01-15", clin="resolved", ver="refuted",
                    cat="encounter-diagnosis", enc=imp["acs"],
                    note="Suspected during acute chest syndrome; CT angiogram 2022-01-15 showed no pulmonary embolism.")
    alb = c.cond("Albuminuria due to sickle cell nephropathy", icd=("R80.9", "Proteinuria, unspecified"),
                 onset="2023-03-14")
    dep = c.cond("Depression", icd=("F32.A", "Depression, unspecified"), sct=("35489007", "Depressive disorder"),
                 onset="2023-03-14")
    avn = c.cond("Avascular necrosis of left femoral head", icd=("M87.352", "Other secondary osteonecrosis, left femur"),
                 onset="2023-08-22", body_site=("29836001", "Hip region structure"))
    voc24 = c.cond("Vaso-occlusive pain crisis", icd=("D57.00", "Hb-SS disease with crisis, unspecified"),
                   onset="2024-09-03", abate="2024-09-08", clin="resolved", cat="encounter-diagnosis", enc=imp["voc24"])

    # ---------------- medications --------------------------------------
    pcn = c.med(("7984", "penicillin V potassium 125 MG in 5 mL Oral Solution"), "penicillin VK 125 mg/5 mL oral solution",
                "2000-10-03", "Give 5 mL (125 mg) by mouth twice daily", status="completed", end="2005-07-19",
                reason="Pneumococcal prophylaxis in sickle cell disease (functional asplenia)", dose=(125, "mg"))
    hu1 = c.med(("5552", "hydroxyurea 500 MG Oral Capsule"), "hydroxyurea 500 mg capsule", "2016-04-12",
                "Take 2 capsules (1000 mg) by mouth once daily", status="stopped", end="2021-08-03",
                status_reason="Dose escalated to 1500 mg daily", reason_ref=[hbss], dose=(1000, "mg"))
    folic = c.med(("4511", "folic acid 1 MG Oral Tablet"), "folic acid 1 mg tablet", "2016-04-12",
                  "Take 1 tablet by mouth daily", reason="Chronic hemolysis", dose=(1, "mg"))
    endari = c.med(("1926837", "L-glutamine 5000 MG Oral Powder"), "Endari 5 g oral powder packet", "2019-01-15",
                   "Mix 2 packets (10 g) in 8 oz of cold beverage and take by mouth twice daily", status="stopped",
                   end="2019-08-20", status_reason="Patient request", reason_ref=[hbss],
                   note="Stopped at patient request: could not tolerate the taste and had bloating.")
    ibu = c.med(("5640", "ibuprofen 600 MG Oral Tablet"), "ibuprofen 600 mg tablet", "2019-01-15",
                "Take 1 tablet by mouth every 8 hours as needed for pain with food", status="stopped", end="2023-03-14",
                status_reason="Stopped for kidney protection after albuminuria found", reason_ref=[hbss], prn=True)
    oxy = c.med(("7804", "oxycodone hydrochloride 5 MG Oral Tablet"), "oxycodone 5 mg tablet", "2020-02-25",
                "Take 1 tablet by mouth every 6 hours as needed for sickle cell pain; max 4 tablets per day",
                reason_ref=[pain], prn=True, dose=(5, "mg"))
    nalox = c.med(("1725059", "naloxone hydrochloride 4 MG/ACTUAT Nasal Spray"), "naloxone 4 mg nasal spray",
                  "2020-02-25", "Spray 1 actuation into one nostril for suspected opioid overdose; may repeat in 2-3 minutes",
                  reason="Opioid overdose rescue (on chronic opioid therapy)", prn=True)
    adak = c.med(("2266856", "crizanlizumab-tmca 10 MG/ML Injectable Solution"), "Adakveo 100 mg/10 mL vial", "2020-05-19",
                 "5 mg/kg IV over 30 minutes at week 0, week 2, then every 4 weeks", status="stopped", end="2020-09-15",
                 status_reason="Infusion-related reaction", reason_ref=[hbss], category="outpatient",
                 note="Discontinued after 6th infusion because of infusion-related back and leg pain.")
    erg = c.med(("4450", "ergocalciferol 1.25 MG Oral Capsule"), "vitamin D2 50,000 unit capsule", "2021-03-09",
                "Take 1 capsule by mouth once weekly for 8 weeks", status="completed", end="2021-05-04",
                reason_ref=[vitd_c])
    chol = c.med(("2418", "cholecalciferol 50 MCG Oral Tablet"), "vitamin D3 2000 unit tablet", "2021-05-04",
                 "Take 1 tablet by mouth daily", reason="Vitamin D maintenance")
    vox = c.med(("2265720", "voxelotor 500 MG Oral Tablet"), "Oxbryta 500 mg tablet", "2021-03-09",
                "Take 3 tablets (1500 mg) by mouth once daily", status="stopped", end="2024-09-26",
                status_reason="Drug withdrawn from market", reason_ref=[hbss],
                note="Pfizer voluntarily withdrew Oxbryta from all markets in September 2024; discontinued.")
    hu2 = c.med(("5552", "hydroxyurea 500 MG Oral Capsule"), "hydroxyurea 500 mg capsule", "2021-08-03",
                "Take 3 capsules (1500 mg) by mouth once daily", reason_ref=[hbss], dose=(1500, "mg"))
    jad = c.med(("614373", "deferasirox 360 MG Oral Tablet"), "Jadenu 360 mg tablet", "2021-08-03",
                "Take 3 tablets (1080 mg) by mouth once daily on an empty stomach", reason_ref=[iron], dose=(1080, "mg"))
    hm1 = c.med(("3423", "hydromorphone hydrochloride 1 MG/ML Injectable Solution"), "hydromorphone IV PCA",
                "2022-01-14", "PCA 0.2 mg demand dose, 10 minute lockout, 1 hour limit 1.2 mg", status="completed",
                end="2022-01-21", category="inpatient", enc=imp["acs"], reason_ref=[acs])
    cef = c.med(("2193", "ceftriaxone 1000 MG Injection"), "ceftriaxone 1 g IV", "2022-01-14",
                "1 g IV every 24 hours", status="completed", end="2022-01-19", category="inpatient", enc=imp["acs"],
                reason_ref=[acs])
    azi = c.med(("18631", "azithromycin 500 MG Oral Tablet"), "azithromycin 500 mg tablet", "2022-01-14",
                "500 mg by mouth daily", status="completed", end="2022-01-18", category="inpatient", enc=imp["acs"],
                reason_ref=[acs])
    keto = c.med(("35827", "ketorolac tromethamine 30 MG/ML Injectable Solution"), "ketorolac 15 mg IV",
                 "2023-04-17", "15 mg IV once", status="completed", end="2023-04-17", category="inpatient",
                 enc=ed["2023-04-17"], reason="Acute sickle pain")
    los = c.med(("52175", "losartan potassium 25 MG Oral Tablet"), "losartan 25 mg tablet", "2023-03-14",
                "Take 1 tablet by mouth daily", reason_ref=[alb], dose=(25, "mg"))
    esc = c.med(("321988", "escitalopram 10 MG Oral Tablet"), "Lexapro 10 mg tablet", "2023-04-11",
                "Take 1 tablet by mouth daily", reason_ref=[dep], dose=(10, "mg"))
    hm2 = c.med(("3423", "hydromorphone hydrochloride 1 MG/ML Injectable Solution"), "hydromorphone 1 mg IV",
                "2024-09-03", "1 mg IV every 2 hours as needed for severe pain", status="completed", end="2024-09-07",
                category="inpatient", enc=imp["voc24"], reason_ref=[voc24], prn=True)
    ond = c.med(("26225", "ondansetron 4 MG Disintegrating Oral Tablet"), "ondansetron 4 mg ODT", "2024-09-03",
                "4 mg by mouth every 8 hours as needed for nausea", status="completed", end="2024-09-08",
                category="inpatient", enc=imp["voc24"], prn=True)
    active = [folic, oxy, nalox, chol, hu2, jad, los, esc]

    # ---------------- labs ----------------------------------------------
    visits = ["2019-01-15", "2019-08-20", "2020-02-25", "2020-09-15", "2021-03-09", "2021-08-03", "2022-02-22",
              "2022-09-13", "2023-03-14", "2023-10-12", "2024-04-16", "2024-10-02", "2025-01-28"]
    for d in visits:
        if d not in ("2020-09-15",):
            c.enc_on(d)
    hb = [7.9, 8.1, 7.6, 7.8, 8.2, 8.3, 8.6, 8.9, 8.4, 8.8, 9.1, 8.7, 9.2]
    hbf = [11.2, 12.5, 10.8, 12.1, 13.4, 14.2, 17.9, 19.6, 21.3, 22.8, 20.4, 23.5, 24.1]
    ret = [12.1, 10.8, 13.5, 11.9, 10.2, 9.8, 8.1, 7.6, 8.3, 7.2, 6.9, 7.5, 6.8]
    ldh = [612, 580, 655, 598, 540, 521, 470, 455, 498, 430, 412, 447, 405]
    wbc = [13.2, 12.8, 14.1, 12.2, 11.5, 10.9, 8.7, 8.1, 7.6, 7.9, 6.8, 7.2, 6.5]
    bili = [4.2, 3.9, 4.8, 4.1, 3.6, 3.8, 3.1, 2.9, 3.3, 2.7, 2.6, 2.8, 2.4]
    for i, d in enumerate(visits):
        c.lab("hgb", d, hb[i])
        c.lab("hbf", d, hbf[i])
        c.lab("retic", d, ret[i])
        c.lab("ldh", d, ldh[i])
        c.lab("wbc", d, wbc[i])
        if i % 2 == 0:
            c.lab("tbili", d, bili[i])
    for d, v in [("2019-08-20", 820), ("2020-09-15", 1460), ("2021-03-09", 2140), ("2021-06-10", 2380),
                 ("2021-08-03", 2290), ("2022-02-22", 1980), ("2022-09-13", 1650), ("2023-03-14", 1320),
                 ("2023-10-12", 1105), ("2024-04-16", 960), ("2024-10-02", 880), ("2025-01-28", 845)]:
        c.lab("ferritin", d, v)
    for d, v in [("2019-01-15", 22), ("2020-02-25", 28), ("2021-03-09", 31), ("2022-02-22", 35), ("2023-03-14", 29),
                 ("2024-04-16", 41), ("2025-01-28", 38)]:
        c.lab("alt", d, v)
    for d, v in [("2019-01-15", 0.6), ("2021-03-09", 0.6), ("2022-09-13", 0.7), ("2023-03-14", 0.8),
                 ("2024-04-16", 0.8), ("2025-01-28", 0.9)]:
        c.lab("creat", d, v)
    for d, v in [("2022-09-13", 48), ("2023-03-14", 112), ("2023-10-12", 74), ("2024-04-16", 41), ("2025-01-28", 28)]:
        c.lab("uacr", d, v)
    for d, v in [("2021-03-09", 14), ("2021-08-03", 33), ("2022-02-22", 38), ("2024-10-02", 35)]:
        c.lab("vitd", d, v)
    # inpatient / ED hemoglobins
    for d, v, hm in [("2020-02-11", 7.3, "20:10"), ("2021-06-08", 6.1, "04:05"), ("2021-06-10", 8.1, "06:00"),
                     ("2021-11-03", 7.7, "18:55"), ("2022-01-14", 7.1, "02:30"), ("2022-01-15", 5.9, "05:40"),
                     ("2022-01-17", 8.4, "06:10"), ("2023-04-17", 7.4, "20:25"), ("2023-08-20", 6.8, "22:40"),
                     ("2024-06-05", 7.8, "20:05"), ("2024-09-03", 6.4, "05:15"), ("2024-09-06", 7.9, "06:00")]:
        c.lab("hgb", d, v, hm=hm)
    c.lab("wbc", "2022-01-14", 19.8, hm="02:30")
    c.lab("spo2", "2022-01-14", 88, hm="02:10", series="spo2")
    c.lab("spo2", "2022-01-17", 95, hm="08:00", series="spo2")
    c.lab("spo2", "2024-09-03", 97, hm="05:00", series="spo2")
    bps = [(118, 70), (112, 68), (121, 74), (116, 72), (119, 71), (114, 66), (122, 76), (117, 69), (126, 80),
           (120, 74), (118, 72), (115, 70), (119, 73)]
    for i, d in enumerate(visits):
        c.bp(d, *bps[i])
    for d, v in [("2019-01-15", 61.2), ("2020-02-25", 62.5), ("2021-08-03", 63.8), ("2022-09-13", 64.1),
                 ("2023-10-12", 65.9), ("2025-01-28", 66.4)]:
        c.lab("weight", d, v)
    c.smoking("2024-10-02", "266919005", "Never smoked tobacco")
    c.social_qty("75626-2", "Total score [AUDIT-C]", "2024-10-02", 2, "{score}")

    # ---------------- reports ------------------------------------------
    tcd = c.report((LNC, "30888-2", "Transcranial Doppler study"), "2010-05-12", "RAD",
                   "Transcranial Doppler: time-averaged mean of maximum velocity 142 cm/s in the right MCA. Normal (standard risk).",
                   text="Transcranial Doppler (pediatric stroke screening)", enc=c.enc("AMB", "2010-05-12", type_text="Pediatric hematology clinic visit", reason="Annual TCD screening"))
    us = c.report((LNC, "24558-9", "US Abdomen"), "2019-03-02", "RAD",
                  "Right upper quadrant ultrasound: multiple shadowing gallstones, largest 9 mm. Gallbladder wall 2 mm, no pericholecystic fluid. Common bile duct 4 mm.",
                  text="Ultrasound right upper quadrant")
    path = c.report((LNC, "11526-1", "Pathology study"), "2019-05-16", "SP",
                    "Gallbladder, laparoscopic cholecystectomy: chronic cholecystitis with cholelithiasis (black pigment stones). No dysplasia or malignancy.",
                    text="Surgical pathology - gallbladder")
    cxr = c.report((LNC, "36643-5", "XR Chest 2 Views"), "2022-01-14", "RAD",
                   "New left lower lobe consolidation with small left pleural effusion, consistent with acute chest syndrome in the appropriate clinical setting.",
                   text="Chest x-ray PA and lateral", hm="03:10")
    ctpa = c.report((LNC, "24627-2", "CT Chest"), "2022-01-15", "RAD",
                    "CT pulmonary angiogram: no pulmonary embolism. Bilateral lower lobe consolidation, left greater than right. Right chest port catheter tip at the cavoatrial junction.",
                    text="CT angiogram chest (PE protocol)", hm="01:15")
    lic1 = c.lab("lic", "2023-03-14", 9.8)
    mri_liver1 = c.report((LNC, "24557-1", "MR Abdomen"), "2023-03-14", "RAD",
                          "MRI liver iron quantification (R2*): liver iron concentration 9.8 mg Fe/g dry weight, moderate iron overload. No cardiac iron loading (cardiac T2* 34 ms).",
                          results=[lic1], text="MRI liver iron quantification")
    mri_hip = c.report((LNC, "26217-0", "MR Hip"), "2023-08-22", "RAD",
                       "Avascular necrosis of the left femoral head, Ficat stage II, without subchondral collapse. Right hip normal.",
                       text="MRI both hips without contrast", hm="13:00")
    echo = c.report((LNC, "34552-0", "2D echocardiogram panel"), "2024-04-16", "CUS",
                    "Normal LV size and systolic function, LVEF 60%. Tricuspid regurgitant jet velocity 2.4 m/s. No evidence of pulmonary hypertension.",
                    text="Transthoracic echocardiogram")
    lic2 = c.lab("lic", "2024-10-02", 6.1)
    mri_liver2 = c.report((LNC, "24557-1", "MR Abdomen"), "2024-10-02", "RAD",
                          "MRI liver iron quantification (R2*): liver iron concentration 6.1 mg Fe/g dry weight, mild iron overload, improved from 9.8 in March 2023.",
                          results=[lic2], text="MRI liver iron quantification")

    # ---------------- procedures & devices -----------------------------
    chole = c.proc((SCT, "45595009", "Laparoscopic cholecystectomy"), "2019-05-16", body_site=("28231008", "Gallbladder structure"),
                   reason_ref=[gall], reports=[path], performer="General surgery", hm="08:40")
    port, port_dus = c.device((SCT, "706689003", "Implantable venous access port"), "Bard PowerPort implanted port",
                              manufacturer="Bard Access Systems", model="PowerPort isp 8 Fr",
                              note="Placed 2021-05-20 by interventional radiology via right internal jugular vein; flushed with saline monthly.",
                              start="2021-05-20", body_site=("76752008", "Right side of chest", "Right chest wall"),
                              reason="Venous access for transfusions and infusions")
    port_proc = c.proc((SCT, "233527006", "Insertion of totally implantable venous access device"), "2021-05-20",
                       body_site=("12123001", "Right internal jugular vein"), devices=[port],
                       reason="Venous access for transfusions", performer="Interventional radiology", hm="08:15")
    tx = []
    tx.append(c.proc((SCT, "180208003", "Red blood cell transfusion"), "2021-06-09", reason="Symptomatic anemia, Hb 6.1",
                     note="2 units leukoreduced, phenotype-matched packed red cells.", hm="11:00"))
    tx.append(c.proc((SCT, "180208003", "Red blood cell transfusion"), "2022-01-15", reason="Acute chest syndrome, Hb 5.9",
                     note="1 unit packed red cells prior to exchange.", hm="07:00"))
    tx.append(c.proc((SCT, "427305004", "Red cell exchange transfusion"), "2022-01-16", reason_ref=[acs],
                     note="Automated red cell exchange; post-exchange HbS 28%.", performer="Apheresis service", hm="10:30"))
    tx.append(c.proc((SCT, "180208003", "Red blood cell transfusion"), "2023-08-21", reason="Hip pain crisis, Hb 6.8",
                     note="1 unit packed red cells.", hm="09:00"))
    tx.append(c.proc((SCT, "180208003", "Red blood cell transfusion"), "2024-09-05", reason="Vaso-occlusive crisis, Hb 6.4",
                     note="2 units packed red cells.", hm="12:30"))
    adak_procs = [c.proc((SCT, "14152002", "Intravenous infusion of drug"), d, reason_ref=[hbss], enc=inf[d], hm="10:00",
                         text="Crizanlizumab (Adakveo) IV infusion",
                         outcome="partial" if d == "2020-09-15" else "successful",
                         outcome_text="Infusion stopped early for back and thigh pain" if d == "2020-09-15" else None)
                  for d in adakveo_days]
    eye = c.proc((SCT, "252779009", "Dilated fundus examination"), "2024-04-23",
                 body_site=("40638003", "Both eyes", "Both eyes"),
                 outcome_text="No proliferative sickle retinopathy; mild peripheral salmon patch changes", reason="Sickle retinopathy screening")

    # ---------------- immunizations ------------------------------------
    hep = [c.imm(("08", "Hep B, adolescent or pediatric"), d, dose=i + 1, series=("Hep B pediatric 3-dose", 3),
                 site=("LT", "left thigh")) for i, d in enumerate(["2000-07-20", "2000-08-25", "2001-01-22"])]
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2002-07-25", dose=1, series=("PPSV23", None))
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2005-08-01", dose=2, series=("PPSV23", None))
    c.imm(("133", "Pneumococcal conjugate PCV 13"), "2013-06-11", dose=1, series=("PCV13", 1))
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2018-06-12", dose=3, series=("PPSV23", None))
    c.imm(("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate"), "2023-10-12", dose=1, series=("PCV20", 1))
    c.imm(("115", "Tdap"), "2012-08-14", dose=1)
    men = [c.imm(("136", "Meningococcal MCV4O (Menveo)"), d, dose=i + 1, series=("MenACWY asplenia", None),
                 manufacturer="GSK") for i, d in enumerate(["2016-04-12", "2016-06-14", "2021-08-03"])]
    menb = [c.imm(("163", "meningococcal B vaccine, recombinant, OMV, adjuvanted (Bexsero)"), d, dose=i + 1,
                  series=("MenB-4C", 2), manufacturer="GSK") for i, d in enumerate(["2018-02-06", "2018-03-13"])]
    flu = []
    for d in ["2019-10-08", "2020-10-13", "2021-10-19", "2022-10-11", "2023-10-12"]:
        flu.append(c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), d, dose=1,
                         series=("Seasonal influenza", 1)))
    flu_nd = c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), "2024-10-02", status="not-done",
                   reason="PATOBJ", reason_text="Patient declined this season")
    cov = [c.imm(("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose"), d, dose=i + 1, series=("COVID-19 primary", 2),
                 manufacturer="Pfizer-BioNTech") for i, d in enumerate(["2021-04-06", "2021-04-27"])]
    cov.append(c.imm(("309", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose (2023-2024)"), "2023-10-12",
                     dose=1, series=("COVID-19 2023-2024", 1), manufacturer="Pfizer-BioNTech"))

    # ---------------- allergies, family, goals -------------------------
    al_m = c.allergy((RXN, "7052", "morphine"), "Morphine", "medication", "low",
                     [("126485001", "Urticaria", "moderate", "Hives and generalized itching after IV morphine")],
                     onset="2010-11-20", recorded="2016-04-12")
    al_v = c.allergy((RXN, "11124", "vancomycin"), "Vancomycin", "medication", "low",
                     [("247472004", "Flushing", "mild", "Flushing of face and neck with rapid infusion")],
                     onset="2022-01-19", atype="intolerance", note="Tolerates vancomycin if infused over 2 hours.")
    al_c = c.allergy((SCT, "418097003", "Iodinated contrast media"), "Iodinated contrast", "medication", "low",
                     [("422587007", "Nausea", "mild", "Nausea and vomiting after CT contrast (2019)")],
                     onset="2019-03-06", ver="unconfirmed",
                     note="Received CT angiogram contrast 2022-01-15 with premedication without reaction.")
    fm_mo = c.fmh(("MTH", "mother"), "female", [("16402000", "Sickle cell trait", None)], "2016-04-12")
    fm_fa = c.fmh(("FTH", "father"), "male", [("16402000", "Sickle cell trait", None)], "2016-04-12")
    fm_si = c.fmh(("SIS", "sister"), "female", [("127040003", "Sickle cell-hemoglobin SS disease", 0),
                                                 ("230690007", "Cerebrovascular accident", 9, "Stroke at age 9; on chronic transfusions")],
                  "2016-04-12", name="Ada")
    g_hbf = c.goal("Hemoglobin F at or above 20% on hydroxyurea", "2021-08-03", "achieved",
                   target={"measure": cc(LNC, "4576-3", "Hemoglobin F/Hemoglobin.total in Blood"),
                           "detailQuantity": {"value": 20, "comparator": ">=", "unit": "%", "system": UCUM, "code": "%"}},
                   addresses=[hbss], status_date="2023-03-14")
    g_fer = c.goal("Ferritin below 1000 ng/mL on chelation", "2021-08-03", "achieved",
                   target={"measure": cc(LNC, "2276-4", "Ferritin [Mass/volume] in Serum or Plasma"),
                           "detailQuantity": {"value": 1000, "comparator": "<", "unit": "ng/mL", "system": UCUM, "code": "ng/mL"}},
                   addresses=[iron], status_date="2024-04-16")
    g_adm = c.goal("No more than one hospital admission for pain per year", "2021-08-03", "in-progress", addresses=[hbss])
    cp = c.careplan("Sickle cell disease comprehensive care plan", "2021-08-03",
                    [("Hydroxyurea at maximum tolerated dose with CBC every 3 months", "in-progress"),
                     ("Deferasirox chelation with ferritin and liver tests every 3-6 months; MRI liver iron yearly", "in-progress"),
                     ("Individualized ED pain plan on file", "in-progress"),
                     ("Annual dilated retinal exam and echocardiogram screening", "in-progress")],
                    goals=[g_hbf, g_fer, g_adm], addresses=[hbss, iron])

    # ---------------- notes --------------------------------------------
    n_adak = c.note(("11506-3", "Progress note"), "2020-09-15", "Hematology infusion progress note",
                    "Hematology progress note - infusion center\n"
                    "Sixth crizanlizumab (Adakveo) infusion today. About 20 minutes into the infusion he developed severe low back "
                    "and bilateral thigh pain, 9/10, similar to the milder infusion-related pain he reported with 3 of the last 4 infusions. "
                    "Infusion stopped; he was sent to the ED for pain control.\n"
                    "Assessment: recurrent infusion-related pain reactions and no reduction in crisis frequency after 4 months.\n"
                    "Plan: crizanlizumab discontinued. Continue hydroxyurea. Will discuss voxelotor at next clinic visit.",
                    "Dr. Lena Whitcombe, Hematology", enc=inf["2020-09-15"])
    n_hp = c.note(("34117-2", "History and physical note"), "2022-01-14", "Admission H&P - acute chest syndrome",
                  "History and physical\n"
                  "21-year-old man with HbSS presenting with 2 days of chest pain, fever 38.9 C and cough. SpO2 88% on room air.\n"
                  "Chest x-ray: new left lower lobe consolidation.\n"
                  "Social history: lives with his mother in northeast Baltimore; his older sister (also HbSS) lives in Atlanta. "
                  "Studying information technology part-time at the community college and works weekends at a phone repair shop. "
                  "No tobacco. Occasional alcohol. Uses cannabis edibles a few nights a week for sleep.\n"
                  "Assessment: acute chest syndrome. Plan: admit, blood cultures, ceftriaxone plus azithromycin, incentive spirometry, "
                  "hydromorphone PCA, transfuse and consult apheresis for red cell exchange if worsening.",
                  "Dr. Aaron Feld, Internal Medicine", enc=imp["acs"])
    n_dc1 = c.note(("18842-5", "Discharge summary"), "2022-01-24", "Discharge summary - acute chest syndrome",
                   "Discharge summary\nAdmitted 2022-01-14 with acute chest syndrome. Hemoglobin fell to 5.9 on 2022-01-15; received 1 unit "
                   "packed cells then automated red cell exchange on 2022-01-16 with post-exchange HbS 28%. CT angiogram negative for "
                   "pulmonary embolism. Completed ceftriaxone and azithromycin. Weaned to room air by 2022-01-21.\n"
                   "Developed facial flushing with rapid vancomycin infusion on 2022-01-19; vancomycin was stopped after cultures were negative.\n"
                   "Discharged home with his mother. Follow up in sickle cell clinic in 1 week.",
                   "Dr. Aaron Feld, Internal Medicine", enc=imp["acs"])
    n_ortho = c.note(("11506-3", "Progress note"), "2023-08-30", "Orthopedics clinic note - left hip",
                     "Orthopedic surgery clinic\nMRI 2023-08-22 shows Ficat stage II avascular necrosis of the left femoral head without collapse.\n"
                     "We discussed core decompression. He prefers to avoid surgery for now because he does not want to miss his fall semester. "
                     "Plan: protected weight bearing with a cane for 6 weeks, physical therapy, repeat imaging in 6 months or sooner if pain worsens.",
                     "Dr. Kwame Boateng, Orthopedic Surgery")
    n_dc2 = c.note(("18842-5", "Discharge summary"), "2024-09-08", "Discharge summary - vaso-occlusive crisis",
                   "Discharge summary\nAdmitted 2024-09-03 with vaso-occlusive pain crisis of the lower back and both legs. Hb 6.4 on arrival; "
                   "transfused 2 units on 2024-09-05. Pain controlled with IV hydromorphone per his individualized pain plan, transitioned to oral oxycodone.\n"
                   "Discharged home. Continue hydroxyurea 1500 mg daily and Oxbryta for now.",
                   "Dr. Priya Raman, Hospital Medicine", enc=imp["voc24"])
    n_gene = c.note(("11506-3", "Progress note"), "2024-10-02", "Hematology clinic progress note",
                    "Hematology clinic\nOxbryta (voxelotor) stopped on 2024-09-26 after the worldwide market withdrawal. He is disappointed; "
                    "he felt more energetic on it. He does not want to retry L-glutamine because of the taste.\n"
                    "He asked about curative options. We reviewed gene therapy. He is interested in exagamglogene autotemcel (Casgevy); "
                    "referral placed to the adult gene therapy program for evaluation including fertility preservation counseling.\n"
                    "Declined flu vaccine today, says he will think about it.\n"
                    "Plan: continue hydroxyurea 1500 mg, deferasirox, folic acid; MRI liver iron today.",
                    "Dr. Lena Whitcombe, Hematology")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    hb_last = c.latest("hgb")
    A(c, "lab_latest", "latest hgb pls", [hb_last], [val(hb_last), "2025-01-28"])
    tr = c.series("hbf", "2022-02-14")
    A(c, "lab_trend", "how has his fetal hgb trended over the last 3 yrs", tr, [val(tr[0]), val(tr[-1])])
    lo = c.extreme("hgb", min, "2022-01-14", "2022-01-24")
    A(c, "lab_extreme", "lowest hb during the acute chest admit?", [lo], [val(lo), "2022-01-15"])
    f = c.closest("ferritin", "2021-03-15")
    A(c, "lab_at_time", "ferittin around march 2021", [f], [val(f)], miss=True)
    alt = c.latest("alt")
    A(c, "med_active", "what meds is he on right now", active,
      ["folic acid", "oxycodone", "naloxone", "vitamin d3", "hydroxyurea", "deferasirox", "losartan", "escitalopram"])
    A(c, "med_class", "is he currently prescribed any opioids", [oxy], ["oxycodone"])
    A(c, "med_brand", "still taking oxbrta?", [vox], ["stopped", "2024-09-26"], miss=True)
    A(c, "med_stopped_why", "why did they stop the adakveo", [adak, n_adak], ["infusion-related"], match="any")
    A(c, "med_why", "whats the jadenu for", [jad, iron], ["iron overload"])
    A(c, "med_dose", "current hydroxyuria dose", [hu2], ["1500 mg"], miss=True)
    A(c, "med_ever", "was he ever on pcn prophylaxis as a kid", [pcn], ["penicillin", "completed"])
    A(c, "condition_onset", "when was the AVN of his hip dx'd", [avn], ["2023-08-22"])
    A(c, "allergy", "drug allergies?", [al_m, al_v, al_c], ["morphine", "vancomycin", "iodinated contrast"])
    A(c, "device", "pt have a port-a-cath? when was it put in", [port, port_dus, port_proc], ["2021-05-20"], match="any")
    A(c, "pathology", "gb path result?", [path], ["chronic cholecystitis", "pigment stones"])
    A(c, "procedure_count", "how many times has he been transfused", tx, [str(len(tx))])
    emer = [e for e in c.encs if e["_cls"] == "EMER"]
    A(c, "encounter_count", "# of ED treat and release visits", emer, [str(len(emer))])
    A(c, "encounter_detail", "reason for his most recent admission and was he dc'd home", [imp["voc24"]],
      ["vaso-occlusive", "home"])
    A(c, "imm_not_done", "did he get a flu shot this fall", [flu_nd], ["declined"])
    A(c, "imm_series", "menB series done? dates", menb, ["2018-02-06", "2018-03-13"])
    A(c, "family_hx", "anyone in the family w/ sickle cell disease", [fm_si], ["sister"])
    A(c, "note_only", "has he been referred for gene therapy", [n_gene], ["casgevy"])
    A(c, "careplan_goal", "hbf target on his care plan - did he hit it", [g_hbf], ["20%", "achieved"])
    A(c, "imaging_path", "liver iron conc on the most recent mri", [mri_liver2, lic2], ["6.1"], match="any")
    fl = c.latest("ferritin")

    X(c, "lab_latest", "last INR?", ["inr", "international normalized ratio", "6301-6"])
    X(c, "med_class", "is he on a blood thinner like eliquis", ["apixaban", "eliquis", "rivaroxaban", "xarelto", "warfarin",
                                                              "coumadin", "enoxaparin", "lovenox", "heparin", "anticoagulant",
                                                              "anticoagulation"])
    X(c, "condition", "any hx of seizures", ["seizure", "seizures", "epilepsy", "g40"])
    X(c, "imm_last", "has he had the shingles vaccine", ["zoster", "shingrix", "shingles"])
    X(c, "device", "ivc filter in place?", ["ivc filter", "vena cava filter", "inferior vena cava filter"])
    X(c, "procedure", "when was his last colonoscopy", ["colonoscopy"])
    return c

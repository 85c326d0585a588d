"""Patient 3: older man with prostate cancer on androgen deprivation, BPH, urethral stricture and suprapubic catheter."""
from lib import *  # noqa


def build(Q):
    c = Chart(3, "-05:00", "male", "Urology/oncology clinic visit", "Miami Valley Urology & Oncology")
    c.now = "2025-01-20"
    c.kind = "transaction"
    c.history = ("74-year-old man with BPH (TURP 2012) and Gleason 4+3 prostate cancer treated with radiation plus ADT in 2018, "
                 "bone-metastatic recurrence in 2021 now on leuprolide + enzalutamide; radiation urethral stricture with "
                 "suprapubic catheter since 2023, ESBL urosepsis with SNF discharge, ADT osteoporosis.")
    c.make_patient(["Walter", "Brennan"], "Sutcliffe", "1950-02-08", "male", "1290 Orchard Ln", "Dayton", "OH", "45419",
                   "937-555-0121", mrn="MVUO-551902")

    ed1 = c.enc("EMER", "2023-05-10", type_text="Emergency department visit", reason="Unable to urinate for 14 hours",
                dispo="home", hm="06:40", hm_end="12:15")
    ed2 = c.enc("EMER", "2023-06-02", type_text="Emergency department visit", reason="Fever and burning with urination",
                dispo="home", hm="20:05", hm_end="23:50")
    ed3 = c.enc("EMER", "2024-10-05", type_text="Emergency department visit", reason="Blocked suprapubic catheter",
                dispo="home", hm="02:10", hm_end="05:30")
    adm = c.enc("IMP", "2024-02-11", "2024-02-16", type_text="Hospital admission",
                reason="Urosepsis from suprapubic catheter (catheter-associated UTI)", admit="emd", dispo="snf",
                dispo_text="Skilled nursing facility - Maple Grove Rehabilitation Center", hm="15:25")
    c.enc("IMP", "2012-10-02", "2012-10-04", type_text="Surgical admission", reason="BPH with urinary retention for TURP",
          admit="mp", dispo="home", hm="06:00")
    rt = c.enc("AMB", "2018-04-02", "2018-05-25", type_text="Radiation oncology course",
               reason="External beam radiation to prostate", hm="08:00", hm_end="08:40")
    psa_d = ["2013-09-17", "2014-09-16", "2015-09-15", "2016-09-13", "2017-09-12", "2017-12-05", "2018-01-16", "2018-09-18",
             "2019-03-19", "2019-09-17", "2020-03-17", "2020-09-15", "2021-03-16", "2021-06-15", "2021-09-14", "2021-11-10",
             "2022-02-15", "2022-05-17", "2022-08-16", "2022-11-15", "2023-02-14", "2023-08-15", "2024-05-14", "2024-08-13",
             "2024-11-12"]
    psa_v = [2.1, 2.4, 2.6, 3.1, 5.4, 6.8, 7.9, 0.9, 0.21, 0.12, 0.18, 0.45, 1.2, 1.9, 2.6, 3.4, 1.1, 0.32, 0.09, 0.05,
             0.04, 0.05, 0.06, 0.08, 0.11]
    for d in psa_d:
        c.enc_on(d)
    spx = ["2023-08-29", "2023-10-10", "2023-11-21", "2024-01-02", "2024-02-12", "2024-03-26", "2024-05-07", "2024-06-18",
           "2024-07-30", "2024-09-10", "2024-10-05", "2024-11-19", "2024-12-31"]
    hh = {}
    for d in spx:
        if d not in ("2024-02-12", "2024-10-05"):
            hh[d] = c.enc("HH", d, type_text="Home health nursing visit", reason="Suprapubic catheter exchange", hm="13:00")

    # ---- conditions
    htn = c.cond("Essential hypertension", icd=("I10", "Essential (primary) hypertension"),
                 sct=("38341003", "Hypertensive disorder"), onset="2008-05-20")
    hld = c.cond("Hyperlipidemia", icd=("E78.5", "Hyperlipidemia, unspecified"), sct=("55822004", "Hyperlipidemia"),
                 onset="2009-01-13")
    bph = c.cond("Benign prostatic hyperplasia with lower urinary tract symptoms",
                 icd=("N40.1", "Benign prostatic hyperplasia with lower urinary tract symptoms"),
                 sct=("266569009", "Benign prostatic hyperplasia"), onset="2010-03-15")
    pca = c.cond("Adenocarcinoma of prostate, Gleason 4+3=7 (Grade Group 3)", icd=("C61", "Malignant neoplasm of prostate"),
                 sct=("399068003", "Malignant tumor of prostate"), onset="2018-02-14",
                 note="cT2b N0 M0 at diagnosis; PSA 7.9. Treated with IMRT plus 6 months ADT in 2018.")
    proct = c.cond("Radiation proctitis", icd=("K62.7", "Radiation proctitis"), onset="2019-01-10", abate="2019-09-17",
                   clin="resolved")
    bcr = c.cond("Biochemical recurrence of prostate cancer",
                 icd=("R97.21", "Rising PSA following treatment for malignant neoplasm of prostate"), onset="2021-09-14")
    mets = c.cond("Metastatic prostate cancer to bone (L3 vertebra, right iliac bone)",
                  icd=("C79.51", "Secondary malignant neoplasm of bone"), sct=("94222008", "Secondary malignant neoplasm of bone"),
                  onset="2021-10-20")
    cord = c.cond("Malignant spinal cord compression", icd=("G95.20", "Unspecified cord compression"), onset="2022-02-15",
                  clin="inactive", ver="refuted", note="MRI thoracolumbar spine 2022-02-15: no epidural disease or cord compression.")
    osteo = c.cond("Osteoporosis due to androgen deprivation therapy",
                   icd=("M81.8", "Other osteoporosis without current pathological fracture"),
                   sct=("64859006", "Osteoporosis"), onset="2022-05-10")
    hot = c.cond("Hot flashes due to androgen deprivation therapy", icd=("R23.2", "Flushing"), onset="2022-06-14")
    pred = c.cond("Prediabetes", icd=("R73.03", "Prediabetes"), sct=("714628002", "Prediabetes"), onset="2022-11-15")
    ret = c.cond("Urinary retention", icd=("R33.9", "Retention of urine, unspecified"), sct=("267064002", "Retention of urine"),
                 onset="2023-05-10", enc=ed1)
    c.cond("Kidney stone", icd=("N20.0", "Calculus of kidney"), onset="2023-05-10", ver="entered-in-error",
           note="Entered in error - renal ultrasound showed hydronephrosis, no stone.")
    uti = c.cond("Urinary tract infection (E. coli)", icd=("N39.0", "Urinary tract infection, site not specified"),
                 sct=("68566005", "Urinary tract infectious disease"), onset="2023-06-02", abate="2023-06-12",
                 clin="resolved", cat="encounter-diagnosis", enc=ed2)
    strict = c.cond("Urethral stricture after radiation, bulbar", icd=("N35.9", "Urethral stricture, unspecified"),
                    onset="2023-06-20")
    sepsis = c.cond("Sepsis due to ESBL Escherichia coli from suprapubic catheter infection",
                    icd=("A41.51", "Sepsis due to Escherichia coli [E. coli]"), sct=("91302008", "Sepsis"),
                    onset="2024-02-11", abate="2024-02-20", clin="resolved", cat="encounter-diagnosis", enc=adm)

    # ---- medications
    lis = c.med(("29046", "lisinopril 10 MG Oral Tablet"), "lisinopril 10 mg tablet", "2008-05-20",
                "Take 1 tablet by mouth daily", status="stopped", end="2014-02-11", reason_ref=[htn],
                status_reason="ACE inhibitor cough")
    ator = c.med(("617312", "atorvastatin 40 MG Oral Tablet"), "Lipitor 40 mg tablet", "2009-01-13",
                 "Take 1 tablet by mouth at bedtime", reason_ref=[hld], dose=(40, "mg"))
    tams = c.med(("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule"), "Flomax 0.4 mg capsule", "2010-03-15",
                 "Take 1 capsule by mouth 30 minutes after supper", reason_ref=[bph], dose=(0.4, "mg"))
    fin = c.med(("310346", "finasteride 5 MG Oral Tablet"), "finasteride 5 mg tablet", "2011-06-07",
                "Take 1 tablet by mouth daily", status="stopped", end="2017-11-28", reason_ref=[bph],
                status_reason="Patient request")
    los = c.med(("979485", "losartan potassium 50 MG Oral Tablet"), "losartan 50 mg tablet", "2014-02-11",
                "Take 1 tablet by mouth daily", reason_ref=[htn], dose=(50, "mg"))
    sil = c.med(("312950", "sildenafil 50 MG Oral Tablet"), "Viagra 50 mg tablet", "2014-06-10",
                "Take 1 tablet by mouth 1 hour before sexual activity as needed", status="stopped", end="2018-03-01",
                status_reason="No longer effective after starting androgen deprivation", prn=True)
    aml = c.med(("308135", "amlodipine 5 MG Oral Tablet"), "amlodipine 5 mg tablet", "2016-09-13",
                "Take 1 tablet by mouth daily", reason_ref=[htn], dose=(5, "mg"))
    bic1 = c.med(("199123", "bicalutamide 50 MG Oral Tablet"), "bicalutamide 50 mg tablet", "2018-02-22",
                 "Take 1 tablet by mouth daily for 30 days (flare protection)", status="completed", end="2018-03-29",
                 reason_ref=[pca])
    lup1 = c.med(("752889", "leuprolide acetate 22.5 MG Prefilled Syringe"), "Lupron Depot 22.5 mg 3-month kit",
                 "2018-03-01", "22.5 mg IM every 3 months for 2 doses (6 months with radiation)", status="completed",
                 end="2018-09-01", reason_ref=[pca])
    hce = c.med(("5492", "hydrocortisone 100 MG/60 ML Rectal Enema"), "hydrocortisone 100 mg enema", "2019-01-10",
                "Insert 1 enema rectally at bedtime for 21 days", status="completed", end="2019-02-10", reason_ref=[proct])
    bic2 = c.med(("199123", "bicalutamide 50 MG Oral Tablet"), "bicalutamide 50 mg tablet", "2021-11-03",
                 "Take 1 tablet by mouth daily for 30 days (flare protection)", status="completed", end="2021-12-03",
                 reason_ref=[bcr])
    lup2 = c.med(("752889", "leuprolide acetate 22.5 MG Prefilled Syringe"), "Lupron Depot 22.5 mg 3-month kit",
                 "2021-11-10", "22.5 mg IM every 12 weeks", reason_ref=[mets], dose=(22.5, "mg"))
    enza = c.med(("1307298", "enzalutamide 40 MG Oral Tablet"), "Xtandi 40 mg tablet", "2022-04-05",
                 "Take 4 tablets (160 mg) by mouth once daily", reason_ref=[mets], dose=(160, "mg"))
    calc = c.med(("1992141", "calcium carbonate 1500 MG / cholecalciferol 20 MCG Oral Tablet"),
                 "calcium 600 mg with vitamin D3 800 unit tablet", "2022-05-10", "Take 1 tablet by mouth twice daily",
                 reason_ref=[osteo])
    zol = c.med(("1546038", "zoledronic acid 5 MG/100 ML Injectable Solution"), "Reclast 5 mg/100 mL IV", "2022-06-14",
                "5 mg IV over 15 minutes once yearly", reason_ref=[osteo], dose=(5, "mg"))
    ven = c.med(("808751", "venlafaxine 37.5 MG Extended Release Oral Capsule"), "venlafaxine ER 37.5 mg capsule",
                "2022-08-16", "Take 1 capsule by mouth daily", reason_ref=[hot], dose=(37.5, "mg"))
    cip = c.med(("197511", "ciprofloxacin 500 MG Oral Tablet"), "ciprofloxacin 500 mg tablet", "2023-06-02",
                "Take 1 tablet by mouth twice daily for 7 days", status="completed", end="2023-06-09", reason_ref=[uti],
                enc=ed2)
    oxyb = c.med(("32675", "oxybutynin chloride 5 MG Oral Tablet"), "oxybutynin 5 mg tablet", "2023-08-15",
                 "Take 1 tablet by mouth three times daily as needed for bladder spasms", reason="Bladder spasms with suprapubic catheter",
                 prn=True)
    cef = c.med(("1665021", "ceftriaxone 2000 MG Injection"), "ceftriaxone 2 g IV", "2024-02-11", "2 g IV every 24 hours",
                status="stopped", end="2024-02-13", reason_ref=[sepsis], category="inpatient", enc=adm,
                status_reason="Organism resistant - ESBL-producing E. coli")
    erta = c.med(("325642", "ertapenem 1000 MG Injection"), "ertapenem 1 g IV", "2024-02-13",
                 "1 g IV every 24 hours through 2024-02-20", status="completed", end="2024-02-20", reason_ref=[sepsis],
                 category="inpatient", enc=adm)
    active = [ator, tams, los, aml, lup2, enza, calc, zol, ven, oxyb]

    # ---- observations
    for d, v in zip(psa_d, psa_v):
        c.lab("psa", d, v)
    for d, v in [("2018-01-16", 412), ("2018-09-18", 18), ("2019-09-17", 210), ("2020-09-15", 345), ("2021-11-10", 388),
                 ("2022-02-15", 21), ("2022-11-15", 14), ("2023-08-15", 12), ("2024-05-14", 16), ("2024-11-12", 13)]:
        c.lab("testo", d, v)
    for d, v in [("2016-09-13", 5.6), ("2018-09-18", 5.9), ("2019-09-17", 5.8), ("2021-09-14", 5.7), ("2022-11-15", 6.1),
                 ("2023-08-15", 6.2), ("2024-05-14", 6.4), ("2024-11-12", 6.3)]:
        c.lab("a1c", d, v)
    for d, v, hm in [("2017-12-05", 14.6, "08:15"), ("2018-09-18", 13.1, "08:15"), ("2019-09-17", 13.4, "08:15"),
                     ("2021-11-10", 13.9, "08:15"), ("2022-11-15", 12.6, "08:15"), ("2023-08-15", 12.2, "08:15"),
                     ("2024-02-11", 10.9, "16:05"), ("2024-02-14", 10.2, "05:30"), ("2024-05-14", 11.8, "08:15"),
                     ("2024-11-12", 12.1, "08:15")]:
        c.lab("hgb", d, v, hm=hm)
    for d, v, hm in [("2017-12-05", 0.96, "08:15"), ("2019-09-17", 1.1, "08:15"), ("2021-11-10", 1.1, "08:15"),
                     ("2022-11-15", 1.2, "08:15"), ("2023-05-10", 1.9, "07:20"), ("2023-05-12", 1.4, "09:00"),
                     ("2023-08-15", 1.2, "08:15"), ("2024-02-11", 2.1, "16:05"), ("2024-02-15", 1.3, "05:30"),
                     ("2024-11-12", 1.2, "08:15")]:
        c.lab("creat", d, v, hm=hm)
    for d, v in [("2021-11-10", 98), ("2022-02-15", 142), ("2022-08-16", 104), ("2023-08-15", 88), ("2024-11-12", 91)]:
        c.lab("alp", d, v)
    for d, v in [("2016-09-13", 92), ("2019-09-17", 88), ("2022-11-15", 94), ("2024-11-12", 101)]:
        c.lab("ldl", d, v)
    c.lab("pvr", "2023-05-10", 640, hm="07:05")
    c.lab("wbc", "2024-02-11", 18.2, hm="16:05")
    c.lab("lactate", "2024-02-11", 3.4, hm="16:05")
    c.qual((LNC, "630-4", "Bacteria identified in Urine by Culture"), "2023-06-02",
           ">100,000 CFU/mL Escherichia coli, ciprofloxacin susceptible", interp="A", hm="21:00")
    c.qual((LNC, "630-4", "Bacteria identified in Urine by Culture"), "2024-02-11",
           ">100,000 CFU/mL Escherichia coli, ESBL-producing; resistant to ceftriaxone, susceptible to ertapenem",
           interp="A", hm="16:10")
    c.qual((LNC, "600-7", "Bacteria identified in Blood by Culture"), "2024-02-11",
           "Escherichia coli (ESBL-producing) in 2 of 2 sets", interp="A", hm="16:00")
    t1 = c.lab("tscore_hip", "2022-05-10", -2.6)
    t2 = c.lab("tscore_hip", "2024-05-14", -2.3)
    bps = [(146, 88), (142, 86), (138, 84), (144, 82), (136, 80), (134, 80), (138, 82), (132, 78), (130, 78), (128, 76),
           (134, 80), (130, 76), (126, 74), (132, 78), (128, 76), (130, 78), (136, 82), (128, 74), (126, 76), (130, 80),
           (132, 78), (128, 76), (124, 74), (130, 78), (128, 76)]
    for d, (s, di) in zip(psa_d, bps):
        c.bp(d, s, di)
    for d, v in [("2013-09-17", 92.4), ("2016-09-13", 93.1), ("2018-09-18", 96.8), ("2021-11-10", 95.2), ("2022-11-15", 98.6),
                 ("2023-08-15", 97.3), ("2024-05-14", 94.1), ("2024-11-12", 95.7)]:
        c.lab("weight", d, v)
    smk = c.smoking("2024-11-12", "8517006", "Ex-smoker", note="Quit 1995.")
    pky = c.social_qty("8664-5", "Cigarette pack-years", "2024-11-12", 30, "{pack-years}")
    c.social_qty("75626-2", "Total score [AUDIT-C]", "2024-11-12", 2, "{score}")

    # ---- reports
    mrip = c.report((LNC, "30805-4", "MR Prostate WO and W contrast IV"), "2018-01-09", "RAD",
                    "PI-RADS 5 lesion in the left peripheral zone, mid gland, 1.8 cm. No extraprostatic extension. "
                    "Seminal vesicles and pelvic lymph nodes normal. Prostate volume 48 mL.", text="MRI prostate multiparametric")
    path = c.report((LNC, "11526-1", "Pathology study"), "2018-02-14", "SP",
                    "Prostate, 12-core biopsy: adenocarcinoma, Gleason score 4+3=7 (Grade Group 3), involving 7 of 12 cores "
                    "(left side 6/6, right apex 1/6), maximum 60% of a core. Perineural invasion present.",
                    text="Surgical pathology - prostate needle biopsies")
    bs = c.report((LNC, "39863-6", "NM Bone scan whole body"), "2018-02-28", "NMS",
                  "No scintigraphic evidence of osseous metastatic disease. Degenerative uptake in knees and lower lumbar facets.",
                  text="Whole body bone scan")
    psma = c.report((LNC, "81554-1", "PET-CT PSMA whole body"), "2021-10-20", "NMS",
                    "Two PSMA-avid osseous lesions: L3 vertebral body (SUVmax 14.2) and right iliac bone (SUVmax 9.8). "
                    "No PSMA-avid lymph nodes. Prostate bed with diffuse low post-radiation uptake.",
                    text="PSMA PET/CT (piflufolastat F-18)")
    mris = c.report((LNC, "36159-2", "MR Thoracic and Lumbar spine WO contrast"), "2022-02-15", "RAD",
                    "Known L3 vertebral body metastasis without epidural extension. No cord compression. No pathologic fracture.",
                    text="MRI thoracic and lumbar spine")
    dx1 = c.report((LNC, "38269-7", "DXA Bone density"), "2022-05-10", "RAD",
                   "Left femoral neck T-score -2.6; lumbar spine not interpretable due to sclerotic L3 lesion. Osteoporosis.",
                   results=[t1], text="DEXA bone density")
    rus = c.report((LNC, "24532-4", "US Kidney"), "2023-05-11", "RAD",
                   "Mild bilateral hydronephrosis. Bladder markedly distended prior to catheter placement. No renal stones.",
                   text="Renal ultrasound")
    cys = c.report((LNC, "28022-0", "Cystoscopy study"), "2023-06-20", "OTH",
                   "Dense 1.5 cm bulbar urethral stricture, not passable with flexible cystoscope; failed balloon dilation. "
                   "Radiation changes of the bladder neck.", text="Flexible cystoscopy")
    ct = c.report((LNC, "36813-4", "CT Abdomen and Pelvis W contrast IV"), "2024-02-11", "RAD",
                  "Suprapubic catheter in good position in a decompressed bladder with mild wall thickening. No renal or "
                  "perinephric abscess. Stable sclerotic L3 lesion.", text="CT abdomen/pelvis with contrast", hm="18:40")
    dx2 = c.report((LNC, "38269-7", "DXA Bone density"), "2024-05-14", "RAD",
                   "Left femoral neck T-score -2.3, improved from -2.6 in May 2022 on zoledronic acid.", results=[t2],
                   text="DEXA bone density")

    # ---- procedures & devices
    c.proc((SCT, "176258007", "Transurethral resection of prostate"), "2012-10-03", body_site=("41216001", "Prostatic structure"),
           reason_ref=[bph], hm="08:00")
    bx = c.proc((SCT, "312846002", "Transrectal ultrasound guided biopsy of prostate"), "2018-02-14",
                body_site=("41216001", "Prostatic structure"), reports=[path], hm="10:30")
    ebrt = c.proc((SCT, "33195004", "External beam radiation therapy procedure"), "2018-04-02", end="2018-05-25",
                  body_site=("41216001", "Prostatic structure"), reason_ref=[pca], enc=rt,
                  note="IMRT 78 Gy in 39 fractions to prostate and proximal seminal vesicles.", hm="08:10", hm_end="08:30")
    foley, foley_dus = c.device((SCT, "23973005", "Indwelling urinary catheter"), "16 Fr Foley catheter",
                                manufacturer="Bard", model="Lubri-Sil 16 Fr", start="2023-05-10", end="2023-07-18",
                                reason_ref=[ret], status="inactive")
    c.proc((SCT, "45211000", "Catheterization of urinary bladder"), "2023-05-10", reason_ref=[ret], devices=[foley],
           enc=ed1, hm="07:10", note="PVR 640 mL; 16 Fr Foley placed, drained 900 mL.")
    c.proc((SCT, "176178006", "Diagnostic cystoscopy"), "2023-06-20", reports=[cys], hm="09:00")
    sp, sp_dus = c.device((SCT, "286558002", "Suprapubic catheter"), "16 Fr silicone suprapubic catheter",
                          manufacturer="Bard", model="BARDEX all-silicone 16 Fr", start="2023-07-18", reason_ref=[strict],
                          body_site=("11708003", "Hypogastric region structure", "Suprapubic"),
                          note="Exchanged every 6 weeks by home health; leg bag by day, night drainage bag.")
    spins = c.proc((SCT, "275139004", "Insertion of suprapubic catheter"), "2023-07-18", reason_ref=[strict], devices=[sp],
                   body_site=("89837001", "Urinary bladder structure"), hm="11:00",
                   note="Percutaneous suprapubic cystostomy under ultrasound guidance; Foley removed.")
    exch = []
    for d in spx:
        e = adm if d == "2024-02-12" else (ed3 if d == "2024-10-05" else hh[d])
        exch.append(c.proc((SCT, "410004003", "Replacement of suprapubic catheter"), d, enc=e, devices=[sp],
                           hm="04:00" if d == "2024-10-05" else "13:20"))

    # ---- immunizations
    for d in ["2016-10-04", "2017-10-03", "2018-10-09", "2019-10-08", "2020-10-06", "2021-10-19", "2022-10-11",
              "2023-10-10", "2024-10-08"]:
        flu_last = c.imm(("135", "Influenza, high dose seasonal, preservative-free"), d, dose=1, series=("Seasonal influenza", 1))
    c.imm(("133", "Pneumococcal conjugate PCV 13"), "2015-09-15", dose=1, series=("Adult pneumococcal", 2))
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2016-09-13", dose=2, series=("Adult pneumococcal", 2))
    pcv20 = c.imm(("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate"), "2024-11-12", status="not-done",
                  reason="IMMUNE", reason_text="Not needed - pneumococcal series already complete (PCV13 2015, PPSV23 2016)")
    c.imm(("115", "Tdap"), "2016-09-13", dose=1)
    shx = [c.imm(("187", "zoster vaccine recombinant"), d, dose=i + 1, series=("Shingrix", 2), manufacturer="GSK")
           for i, d in enumerate(["2019-03-19", "2019-05-21"])]
    for i, d in enumerate(["2021-01-26", "2021-02-16", "2021-10-19"]):
        c.imm(("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose"), d, dose=i + 1, series=("COVID-19 Pfizer", None),
              manufacturer="Pfizer-BioNTech")
    c.imm(("309", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose (2023-2024)"), "2023-10-10", dose=1,
          series=("COVID-19 2023-2024", 1), manufacturer="Pfizer-BioNTech")

    # ---- allergies, family, goals, plans
    c.allergy((RXN, "2670", "codeine"), "Codeine", "medication", "low",
              [("422587007", "Nausea", "moderate", "Nausea and vomiting")], onset="1998-04-01", recorded="2008-05-20",
              atype="intolerance")
    c.allergy((SCT, "227037002", "Fish and shellfish"), "Shellfish", "food", "low",
              [("126485001", "Urticaria", "moderate", "Hives after shrimp")], onset="1985-06-01", recorded="2008-05-20")
    fm_b = c.fmh(("BRO", "brother"), "male", [("399068003", "Malignant tumor of prostate", 66)], "2018-02-14", name="Gene")
    c.fmh(("FTH", "father"), "male", [("22298006", "Myocardial infarction", 70, "Died of MI at 70")], "2018-02-14", deceased=True)
    c.fmh(("MTH", "mother"), "female", [("254837009", "Malignant neoplasm of breast", 74)], "2018-02-14")
    g_psa = c.goal("PSA below 0.2 ng/mL on androgen deprivation plus enzalutamide", "2022-04-05", "achieved",
                   target={"measure": cc(LNC, "2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma"),
                           "detailQuantity": {"value": 0.2, "comparator": "<", "unit": "ng/mL", "system": UCUM, "code": "ng/mL"}},
                   addresses=[mets], status_date="2024-11-12")
    g_uti = c.goal("No catheter-associated urinary infection for 6 months", "2024-02-16", "in-progress", addresses=[strict])
    g_bp = c.goal("Blood pressure below 140/90", "2016-09-13", "achieved", addresses=[htn])
    c.careplan("Metastatic prostate cancer - ADT plus enzalutamide", "2022-04-05",
               [("Leuprolide 22.5 mg every 12 weeks", "in-progress"), ("Enzalutamide 160 mg daily", "in-progress"),
                ("PSA and testosterone every 3 months", "in-progress"), ("Yearly zoledronic acid and DEXA every 2 years", "in-progress")],
               goals=[g_psa], addresses=[mets, osteo])
    c.careplan("Suprapubic catheter care", "2023-07-18",
               [("Home health catheter exchange every 6 weeks", "in-progress"), ("Daily site care by spouse", "in-progress"),
                ("Fluids 2 L/day; call for fever, blockage or hematuria", "in-progress")], goals=[g_uti], addresses=[strict])

    # ---- notes
    n_fin = c.note(("11488-4", "Consult note"), "2017-11-28", "Urology consultation",
                   "Urology consultation\nPSA 5.4 in September 2017 while on finasteride 5 mg (roughly equivalent to 10.8 off drug), "
                   "up from 3.1 a year ago. Finasteride stopped today: he asked to come off it because of decreased libido and "
                   "erectile dysfunction, and stopping it also makes PSA easier to interpret. Repeat PSA in 1 week and again in "
                   "6 weeks, then multiparametric MRI of the prostate.\nSocial: retired tool-and-die machinist; married to Carol. "
                   "Former smoker, quit 1995, about 30 pack-years.", "Dr. Howard Pinsker, Urology")
    c.note(("11506-3", "Progress note"), "2018-05-25", "Radiation oncology completion note",
           "Radiation oncology treatment summary\nCompleted IMRT to the prostate and proximal seminal vesicles, 78 Gy in 39 "
           "fractions, 2018-04-02 through 2018-05-25, with 6 months of leuprolide. Tolerated well with grade 1 urinary frequency "
           "and loose stools. Follow-up PSA in 3-4 months.", "Dr. Irene Valdez, Radiation Oncology", enc=rt)
    c.note(("28570-0", "Procedure note"), "2023-07-18", "Procedure note - suprapubic cystostomy",
           "Procedure note\nIndication: radiation-induced bulbar urethral stricture, failed dilation, Foley-dependent retention.\n"
           "Percutaneous suprapubic cystostomy under ultrasound guidance; 16 Fr silicone catheter placed; urethral Foley removed. "
           "No complications. Home health to exchange every 6 weeks.", "Dr. Howard Pinsker, Urology")
    n_dc = c.note(("18842-5", "Discharge summary"), "2024-02-16", "Discharge summary - urosepsis",
                  "Discharge summary\nAdmitted 2024-02-11 from the ED with fever 39.4 C, rigors, hypotension and lactate 3.4; "
                  "urine and blood cultures grew ESBL-producing E. coli. Ceftriaxone changed to ertapenem on 2024-02-13. "
                  "Suprapubic catheter exchanged 2024-02-12.\nDeconditioned; discharged to Maple Grove Rehabilitation Center "
                  "(skilled nursing facility) for short-term rehab; ertapenem 1 g daily through 2024-02-20.",
                  "Dr. Nadia Farouk, Hospital Medicine", enc=adm)
    n_onc = c.note(("11506-3", "Progress note"), "2024-11-12", "Oncology progress note",
                   "Genitourinary oncology follow-up\nPSA 0.11, slowly rising from nadir 0.04 in February 2023; testosterone 13 "
                   "(castrate). Continue leuprolide and Xtandi.\nWe discussed next steps at progression: abiraterone or docetaxel. "
                   "He would rather avoid chemotherapy if at all possible and wants to keep gardening.\n"
                   "Home: his wife Carol does daily catheter site care; home health nurse exchanges the suprapubic catheter every "
                   "6 weeks. Leg bag by day, night bag at night. Hot flashes much better on venlafaxine.",
                   "Dr. Miriam Osei, Medical Oncology")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    p = c.latest("psa")
    A(c, "lab_latest", "latest psa?", [p], [val(p), "2024-11-12"])
    tr = c.series("psa", "2022-04-05")
    nad = c.extreme("psa", min, "2022-04-05")
    A(c, "lab_trend", "psa trend since xtandi was started", tr, [val(tr[0]), val(nad), val(tr[-1])])
    n = c.extreme("psa", min, "2018-05-25", "2021-11-09")
    A(c, "lab_extreme", "what was his psa nadir after the radiation", [n], [val(n), "2019-09-17"])
    t = c.closest("testo", "2022-04-05")
    A(c, "lab_at_time", "testosteron closest to when enza was started", [t], [val(t)], miss=True)
    a1 = c.latest("a1c")
    A(c, "lab_normal", "was his last a1c normal", [a1], [val(a1), "High"])
    A(c, "med_active", "current med list", active,
      ["atorvastatin", "tamsulosin", "losartan", "amlodipine", "leuprolide", "enzalutamide", "calcium", "zoledronic acid",
       "venlafaxine", "oxybutynin"])
    A(c, "med_class", "bp meds?", [los, aml], ["losartan", "amlodipine"])
    A(c, "med_brand", "is he getting lupron", [lup2], ["leuprolide"])
    A(c, "med_dose", "xtandi dose", [enza], ["160 mg"])
    A(c, "med_stopped_why", "why did he come off proscar", [fin, n_fin], ["libido"], match="any")
    A(c, "med_why", "venlafaxin for what?", [ven, hot], ["hot flashes"], miss=True)
    A(c, "pathology", "gleason score on the biopsy", [path, pca], ["4+3=7"], match="any")
    A(c, "imaging_path", "where are the bone mets per the psma pet", [psma], ["l3", "iliac"])
    A(c, "condition_group", "any cancer hx", [pca, mets], ["prostate", "bone"])
    A(c, "procedure", "when was the suprapubc cath placed", [spins, sp_dus], ["2023-07-18"], match="any", miss=True)
    A(c, "procedure_count", "how many SP catheter changes so far", exch, [str(len(exch))])
    A(c, "procedure", "radiation dose and # of fractions", [ebrt], ["78 Gy", "39 fractions"])
    A(c, "encounter_detail", "where did he go after the urosepsis admission", [adm, n_dc], ["skilled nursing"], match="any")
    emer = [e for e in c.encs if e["_cls"] == "EMER"]
    A(c, "encounter_count", "# ED visits not counting the one that got him admitted for sepsis", emer, [str(len(emer))])
    A(c, "family_hx", "fhx of prostate ca", [fm_b], ["brother"])
    A(c, "social_history", "smoking hx / pack yrs", [smk, pky], ["ex-smoker", "30"])
    A(c, "note_only", "who does his catheter care at home", [n_onc], ["carol"])
    A(c, "careplan_goal", "psa goal met?", [g_psa], ["0.2", "achieved"])
    A(c, "two_in_one", "latest dexa t score and is he on anything for his bones", [t2, dx2, zol], ["-2.3", "zoledronic acid"])

    X(c, "lab_latest", "ferritin?", ["ferritin", "2276-4"])
    X(c, "med_class", "is he on eliquis or xarelto or any anticoagulant", ["apixaban", "eliquis", "rivaroxaban", "xarelto",
                                                                      "warfarin", "coumadin", "enoxaparin", "heparin",
                                                                      "anticoagulant", "anticoagulation"])
    X(c, "device", "vns settings?", ["vagus", "vns", "vagal"])
    X(c, "imaging_path", "brain mri results", ["brain"])
    X(c, "imm_series", "hep b vaccine series complete?", ["hep b", "hepatitis b", "heplisav", "engerix"])
    X(c, "device", "any PICC line", ["picc", "peripherally inserted central catheter"])
    X(c, "condition", "hx of pancreatitis?", ["pancreatitis"])
    return c

"""Patient 5: very old woman with Alzheimer dementia, falls, hip fracture, osteoporosis and a pressure injury."""
from lib import *  # noqa


def build(Q):
    c = Chart(5, "-06:00", "female", "Geriatrics clinic visit", "Lake Superior Geriatric Associates")
    c.now = "2024-11-18"
    c.kind = "transaction"
    c.history = ("86-year-old woman with Alzheimer dementia (donepezil stopped for bradycardic syncope, on memantine), "
                 "recurrent falls, left hip fracture with bipolar hemiarthroplasty 2023 and SNF stay, sacral stage 3 pressure "
                 "injury (healed), osteoporosis switched from alendronate to denosumab, thiazide hyponatremia, DNR.")
    c.make_patient(["Dorothy", "Mae"], "Halvorsen", "1938-04-22", "female", "57 Birchwood Ct", "Duluth", "MN", "55803",
                   "218-555-0119", marital=("W", "Widowed"), mrn="LSGA-118834")

    ed1 = c.enc("EMER", "2020-11-02", type_text="Emergency department visit", reason="Fall at home with forehead laceration",
                dispo="home", hm="07:15", hm_end="11:40")
    ed2 = c.enc("EMER", "2022-08-15", type_text="Emergency department visit", reason="Syncope and fall; heart rate 46",
                dispo="home", hm="14:20", hm_end="21:05")
    adm1 = c.enc("IMP", "2023-02-07", "2023-02-13", type_text="Hospital admission",
                 reason="Left femoral neck fracture after fall", admit="emd", dispo="snf",
                 dispo_text="Skilled nursing facility - Lakeside Care Center", hm="06:50")
    adm2 = c.enc("IMP", "2024-06-20", "2024-06-24", type_text="Hospital admission",
                 reason="Urinary tract infection with delirium", admit="emd", dispo="home",
                 dispo_text="Home with daughter and home health services", hm="10:10")
    ger = ["2019-02-12", "2019-05-14", "2020-01-14", "2020-02-11", "2020-04-14", "2020-05-12", "2020-10-13", "2021-01-19",
           "2021-06-01", "2021-06-08", "2021-12-07", "2022-02-15", "2022-06-07", "2022-09-20", "2022-12-06", "2023-03-21",
           "2023-04-11", "2023-06-06", "2023-12-05", "2024-01-16", "2024-04-16", "2024-06-04", "2024-10-15"]
    for d in ger:
        c.enc_on(d)
    wound_d = ["2023-03-07", "2023-03-14", "2023-04-04", "2023-04-25", "2023-05-16", "2023-06-20"]
    for d in wound_d:
        c.enc("AMB", d, type_text="Wound care clinic visit", reason="Sacral pressure injury", hm="13:30")

    # ---- conditions
    htn = c.cond("Essential hypertension", icd=("I10", "Essential (primary) hypertension"),
                 sct=("38341003", "Hypertensive disorder"), onset="1998-03-10", recorded="2019-02-12")
    oa = c.cond("Primary osteoarthritis of both knees", icd=("M17.0", "Bilateral primary osteoarthritis of knee"),
                sct=("396275006", "Osteoarthritis"), onset="2005-06-01", recorded="2019-02-12")
    amd = c.cond("Age-related macular degeneration, dry, both eyes", icd=("H35.3133", "Nonexudative age-related macular degeneration, bilateral, advanced atrophic without subfoveal involvement"),
                 sct=("267718000", "Age-related macular degeneration"), onset="2016-05-10", recorded="2019-02-12")
    c.cond("Glaucoma", icd=("H40.9", "Unspecified glaucoma"), onset="2016-05-10", ver="entered-in-error",
           note="Entered in error; ophthalmology confirms no glaucoma (ocular hypertension ruled out).")
    hear = c.cond("Bilateral sensorineural hearing loss", icd=("H90.3", "Sensorineural hearing loss, bilateral"),
                  sct=("15188001", "Hearing loss"), onset="2016-08-01", recorded="2019-02-12")
    osteo = c.cond("Postmenopausal osteoporosis", icd=("M81.0", "Age-related osteoporosis without current pathological fracture"),
                   sct=("64859006", "Osteoporosis"), onset="2017-03-21", recorded="2019-02-12")
    nph = c.cond("Normal pressure hydrocephalus", icd=("G91.2", "(Idiopathic) normal pressure hydrocephalus"),
                 onset="2019-01-29", clin="inactive", ver="refuted",
                 note="Considered in memory workup; CT head 2019-01-29 shows no ventriculomegaly out of proportion to atrophy.")
    alz = c.cond("Alzheimer's disease, late onset, with dementia",
                 icd=("G30.1", "Alzheimer's disease with late onset"), sct=("26929004", "Alzheimer's disease"),
                 onset="2019-02-12")
    hypon = c.cond("Hyponatremia due to hydrochlorothiazide", icd=("E87.1", "Hypo-osmolality and hyponatremia"),
                   sct=("89627008", "Hyponatremia"), onset="2020-04-14", abate="2020-05-12", clin="resolved")
    falls = c.cond("Recurrent falls", icd=("R29.6", "Repeated falls"), onset="2020-11-02", enc=ed1)
    brady = c.cond("Syncope due to drug-induced sinus bradycardia (donepezil)", icd=("R00.1", "Bradycardia, unspecified"),
                   onset="2022-08-15", abate="2022-09-20", clin="resolved", cat="encounter-diagnosis", enc=ed2)
    fx = c.cond("Displaced fracture of left femoral neck", icd=("S72.002A", "Fracture of unspecified part of neck of left femur, initial encounter for closed fracture"),
                sct=("5913000", "Fracture of neck of femur"), onset="2023-02-07", abate="2023-06-06", clin="resolved",
                cat="encounter-diagnosis", enc=adm1)
    deli = c.cond("Postoperative delirium", icd=("F05", "Delirium due to known physiological condition"),
                  sct=("2776000", "Delirium"), onset="2023-02-09", abate="2023-02-20", clin="resolved", cat="encounter-diagnosis",
                  enc=adm1)
    abla = c.cond("Acute blood loss anemia", icd=("D62", "Acute posthemorrhagic anemia"), onset="2023-02-09",
                  abate="2023-06-06", clin="resolved", cat="encounter-diagnosis", enc=adm1)
    pi = c.cond("Pressure injury of sacral region, stage 3", icd=("L89.153", "Pressure ulcer of sacral region, stage 3"),
                sct=("399912005", "Pressure ulcer"), onset="2023-03-01", abate="2023-06-20", clin="resolved",
                body_site=("54735007", "Sacrum"), note="Acquired at skilled nursing facility after hip fracture.")
    ins = c.cond("Insomnia", icd=("G47.00", "Insomnia, unspecified"), onset="2023-04-11")
    uti = c.cond("Urinary tract infection due to Klebsiella pneumoniae", icd=("N39.0", "Urinary tract infection, site not specified"),
                 sct=("68566005", "Urinary tract infectious disease"), onset="2024-06-20", abate="2024-06-27",
                 clin="resolved", cat="encounter-diagnosis", enc=adm2)
    appet = c.cond("Poor appetite with weight loss", icd=("R63.4", "Abnormal weight loss"), onset="2024-01-16")

    # ---- medications
    hctz = c.med(("310798", "hydrochlorothiazide 25 MG Oral Tablet"), "hydrochlorothiazide 25 mg tablet", "1998-03-10",
                 "Take 1 tablet by mouth every morning", status="stopped", end="2020-04-14", reason_ref=[htn],
                 status_reason="Hyponatremia (sodium 128)")
    acet = c.med(("313782", "acetaminophen 325 MG Oral Tablet"), "acetaminophen 325 mg tablet", "2015-01-06",
                 "Take 2 tablets (650 mg) by mouth every 8 hours as needed for knee pain; max 3 g/day", reason_ref=[oa], prn=True)
    areds = c.med(("1049638", "multivitamin with lutein and zeaxanthin Oral Capsule"), "PreserVision AREDS 2 softgel",
                  "2016-05-10", "Take 1 softgel by mouth twice daily", reason_ref=[amd])
    aln = c.med(("904419", "alendronate sodium 70 MG Oral Tablet"), "Fosamax 70 mg tablet", "2017-04-04",
                "Take 1 tablet by mouth once weekly with a full glass of water; stay upright 30 minutes", status="stopped",
                end="2021-06-08", reason_ref=[osteo], status_reason="Adverse effect")
    calc = c.med(("1366343", "calcium citrate 315 MG / cholecalciferol 6.25 MCG Oral Tablet"),
                 "calcium citrate 315 mg with vitamin D3 250 unit tablet", "2017-04-04", "Take 2 tablets by mouth twice daily",
                 reason_ref=[osteo])
    don1 = c.med(("997223", "donepezil hydrochloride 5 MG Oral Tablet"), "donepezil 5 mg tablet", "2019-02-12",
                 "Take 1 tablet by mouth at bedtime", status="stopped", end="2019-05-14", reason_ref=[alz],
                 status_reason="Dose increased")
    don2 = c.med(("997229", "donepezil hydrochloride 10 MG Oral Tablet"), "Aricept 10 mg tablet", "2019-05-14",
                 "Take 1 tablet by mouth at bedtime", status="stopped", end="2022-08-16", reason_ref=[alz],
                 status_reason="Symptomatic bradycardia (heart rate 46) with syncope")
    aml = c.med(("308135", "amlodipine 5 MG Oral Tablet"), "amlodipine 5 mg tablet", "2020-04-14",
                "Take 1 tablet by mouth daily", reason_ref=[htn], dose=(5, "mg"))
    mem = c.med(("996571", "memantine hydrochloride 10 MG Oral Tablet"), "Namenda 10 mg tablet", "2021-01-19",
                "Take 1 tablet by mouth twice daily", reason_ref=[alz], dose=(10, "mg"))
    pro = c.med(("993458", "denosumab 60 MG/ML Prefilled Syringe"), "Prolia 60 mg/mL prefilled syringe", "2021-06-08",
                "Inject 60 mg subcutaneously every 6 months", reason_ref=[osteo], dose=(60, "mg"))
    oxy = c.med(("1049621", "oxycodone hydrochloride 5 MG Oral Tablet"), "oxycodone 5 mg tablet (half tablet)", "2023-02-08",
                "Take 2.5 mg by mouth every 6 hours as needed for hip pain", status="completed", end="2023-02-20",
                reason_ref=[fx], category="inpatient", enc=adm1, prn=True)
    enox = c.med(("854235", "enoxaparin sodium 40 MG/0.4 ML Prefilled Syringe"), "enoxaparin 40 mg syringe", "2023-02-09",
                 "Inject 40 mg subcutaneously once daily for 4 weeks", status="completed", end="2023-03-10",
                 reason="Venous thromboembolism prophylaxis after hip fracture surgery", enc=adm1)
    quet = c.med(("312743", "quetiapine 25 MG Oral Tablet"), "quetiapine 25 mg tablet (half tablet)", "2023-02-10",
                 "Take 12.5 mg by mouth at bedtime", status="stopped", end="2023-04-11", reason_ref=[deli],
                 status_reason="Adverse effect", note="Stopped for oversedation and orthostatic hypotension.", enc=adm1)
    peg = c.med(("876193", "polyethylene glycol 3350 17000 MG Powder for Oral Solution"), "Miralax 17 g powder", "2023-02-13",
                "Mix 17 g in 8 oz of water and take by mouth daily", reason="Constipation")
    traz = c.med(("856364", "trazodone hydrochloride 50 MG Oral Tablet"), "trazodone 50 mg tablet (half tablet)",
                 "2023-04-11", "Take 25 mg by mouth at bedtime", reason_ref=[ins])
    mirt = c.med(("311725", "mirtazapine 7.5 MG Oral Tablet"), "mirtazapine 7.5 mg tablet", "2024-01-16",
                 "Take 1 tablet by mouth at bedtime", reason_ref=[appet], dose=(7.5, "mg"))
    cef = c.med(("1665005", "ceftriaxone 1000 MG Injection"), "ceftriaxone 1 g IV", "2024-06-20", "1 g IV every 24 hours",
                status="completed", end="2024-06-22", reason_ref=[uti], category="inpatient", enc=adm2)
    cex = c.med(("309114", "cephalexin 500 MG Oral Capsule"), "cephalexin 500 mg capsule", "2024-06-22",
                "Take 1 capsule by mouth twice daily for 5 days", status="completed", end="2024-06-27", reason_ref=[uti])
    active = [acet, areds, calc, aml, mem, pro, peg, traz, mirt]

    # ---- observations
    for d, v, hm in [("2019-02-12", 136, "08:15"), ("2020-01-14", 133, "08:15"), ("2020-04-14", 128, "08:15"),
                     ("2020-05-12", 134, "08:15"), ("2020-10-13", 137, "08:15"), ("2022-08-15", 138, "15:00"),
                     ("2023-02-07", 136, "08:10"), ("2023-02-10", 133, "05:40"), ("2024-06-20", 131, "11:00"),
                     ("2024-10-15", 137, "08:15")]:
        c.lab("na", d, v, hm=hm)
    for d, v, hm in [("2019-02-12", 12.8, "08:15"), ("2022-08-15", 12.1, "15:00"), ("2023-02-07", 11.6, "08:10"),
                     ("2023-02-09", 8.1, "05:40"), ("2023-02-11", 9.4, "05:40"), ("2023-03-21", 10.6, "08:15"),
                     ("2023-06-06", 11.9, "08:15"), ("2024-06-20", 11.4, "11:00"), ("2024-10-15", 12.2, "08:15")]:
        c.lab("hgb_f", d, v, hm=hm, series="hgb")
    for d, v in [("2021-06-01", 9.4), ("2021-12-07", 8.9), ("2022-06-07", 9.1), ("2022-12-06", 8.7), ("2023-06-06", 8.4),
                 ("2023-12-05", 8.8), ("2024-06-04", 9.2), ("2024-10-15", 8.9)]:
        c.lab("ca", d, v)
    for d, v in [("2017-03-21", 19), ("2019-02-12", 28), ("2021-06-01", 34), ("2023-06-06", 31), ("2024-06-04", 38)]:
        c.lab("vitd", d, v)
    for d, v, hm in [("2019-02-12", 0.9, "08:15"), ("2020-04-14", 1.1, "08:15"), ("2021-06-01", 0.98, "08:15"),
                     ("2023-02-07", 1.2, "08:10"), ("2024-06-20", 1.4, "11:00"), ("2024-10-15", 1.1, "08:15")]:
        c.lab("creat_f", d, v, hm=hm, series="creat")
    for d, v, hm in [("2021-06-01", 55, "08:15"), ("2023-02-07", 43, "08:10"), ("2024-06-20", 36, "11:00"),
                     ("2024-10-15", 47, "08:15")]:
        c.lab("egfr", d, v, hm=hm)
    for d, v, hm in [("2023-02-07", 3.4, "08:10"), ("2023-03-07", 2.8, "13:45"), ("2023-04-25", 3.1, "13:45"),
                     ("2023-06-20", 3.6, "13:45"), ("2024-06-20", 3.3, "11:00"), ("2024-10-15", 3.5, "08:15")]:
        c.lab("alb", d, v, hm=hm)
    c.lab("b12", "2019-02-12", 412)
    c.lab("tsh", "2019-02-12", 2.1)
    for d, v in [("2019-02-12", 22), ("2020-02-11", 20), ("2021-01-19", 19), ("2022-02-15", 17), ("2023-04-11", 14),
                 ("2024-04-16", 12)]:
        c.lab("mmse", d, v)
    c.lab("hr", "2022-08-15", 46, hm="14:30")
    c.lab("hr", "2022-09-20", 64)
    for d, v in [("2019-02-12", 62.4), ("2020-02-11", 61.2), ("2021-01-19", 59.8), ("2022-02-15", 58.1), ("2023-02-07", 56.2),
                 ("2023-06-06", 53.4), ("2024-01-16", 51.8), ("2024-06-04", 52.5), ("2024-10-15", 53.1)]:
        c.lab("weight", d, v)
    th1 = c.lab("tscore_hip", "2017-03-21", -2.8)
    ts1 = c.lab("tscore_spine", "2017-03-21", -3.1)
    th2 = c.lab("tscore_hip", "2019-03-19", -3.0)
    ts2 = c.lab("tscore_spine", "2019-03-19", -3.2)
    th3 = c.lab("tscore_hip", "2024-04-16", -2.6)
    ts3 = c.lab("tscore_spine", "2024-04-16", -2.9)
    for d, v in zip(wound_d[:1] + ["2023-03-21"] + wound_d[2:], [6.2, 5.1, 3.8, 2.1, 0.9, 0]):
        c.lab("wound", d, v, hm="13:40")
    for d, v in [("2023-02-10", 13), ("2023-03-07", 12), ("2023-06-20", 16), ("2024-06-21", 14)]:
        c.lab("braden", d, v, hm="14:00")
    c.qual((LNC, "630-4", "Bacteria identified in Urine by Culture"), "2024-06-20",
           ">100,000 CFU/mL Klebsiella pneumoniae, ceftriaxone and cephalexin susceptible", interp="A", hm="11:05")
    bpd = ["2019-02-12", "2019-05-14", "2020-01-14", "2020-04-14", "2020-10-13", "2021-01-19", "2021-06-08", "2022-02-15",
           "2022-09-20", "2023-04-11", "2023-12-05", "2024-01-16", "2024-04-16", "2024-10-15"]
    bps = [(148, 78), (144, 76), (142, 74), (150, 80), (138, 72), (136, 70), (134, 70), (140, 72), (132, 68), (118, 64),
           (130, 70), (128, 68), (134, 70), (132, 72)]
    for d, (s, di) in zip(bpd, bps):
        c.bp(d, s, di)
    c.smoking("2024-10-15", "266919005", "Never smoked tobacco")

    # ---- reports
    cth1 = c.report((LNC, "24725-4", "CT Head WO contrast"), "2019-01-29", "RAD",
                    "Generalized cerebral atrophy with moderate chronic small-vessel ischemic change. Ventricles proportionate "
                    "to sulci; no hydrocephalus. No mass or hemorrhage.", text="CT head without contrast",
                    enc=c.enc("AMB", "2019-01-29", type_text="Outpatient imaging", reason="Memory loss workup"))
    dx1 = c.report((LNC, "38269-7", "DXA Bone density"), "2017-03-21", "RAD",
                   "Left femoral neck T-score -2.8; lumbar spine L1-L4 T-score -3.1. Osteoporosis.", results=[th1, ts1],
                   text="DEXA bone density")
    dx2 = c.report((LNC, "38269-7", "DXA Bone density"), "2019-03-19", "RAD",
                   "Left femoral neck T-score -3.0; lumbar spine T-score -3.2. Decline since 2017 on alendronate.",
                   results=[th2, ts2], text="DEXA bone density")
    ecg = c.report((LNC, "11524-6", "EKG study"), "2022-08-15", "EC",
                   "Sinus bradycardia, rate 46. PR 188 ms, QTc 442 ms. No acute ST changes.", text="12-lead ECG", enc=ed2)
    cth2 = c.report((LNC, "24725-4", "CT Head WO contrast"), "2022-08-15", "RAD",
                    "No acute intracranial abnormality. Stable atrophy and small-vessel change compared with 2019-01-29.",
                    text="CT head without contrast", enc=ed2, hm="16:10")
    xhip = c.report((LNC, "37637-6", "XR Hip - left"), "2023-02-07", "RAD",
                    "Displaced subcapital fracture of the left femoral neck (Garden IV). Osteopenia.", text="X-ray left hip",
                    enc=adm1, hm="07:30")
    xpel = c.report((LNC, "30784-1", "XR Pelvis"), "2023-02-09", "RAD",
                    "Left bipolar hip hemiarthroplasty in satisfactory position. No periprosthetic fracture.",
                    text="X-ray pelvis AP after surgery", enc=adm1)
    dx3 = c.report((LNC, "38269-7", "DXA Bone density"), "2024-04-16", "RAD",
                   "Right femoral neck T-score -2.6 (left hip replaced); lumbar spine T-score -2.9. Improved on denosumab.",
                   results=[th3, ts3], text="DEXA bone density")

    # ---- procedures & devices
    c.proc((SCT, "415044004", "Phacoemulsification of cataract with intraocular lens implantation"), "2015-06-10",
           body_site=("81745001", "Structure of right eye"), hm="08:00",
           enc=c.enc("AMB", "2015-06-10", type_text="Ambulatory surgery", reason="Cataract right eye"))
    c.proc((SCT, "415044004", "Phacoemulsification of cataract with intraocular lens implantation"), "2015-08-19",
           body_site=("1290041000", "Structure of left eye"), hm="08:00",
           enc=c.enc("AMB", "2015-08-19", type_text="Ambulatory surgery", reason="Cataract left eye"))
    c.proc((SCT, "18949003", "Repair of laceration of face"), "2020-11-02", enc=ed1, body_site=("52795006", "Forehead"),
           note="3 cm forehead laceration closed with 5 sutures.", hm="09:00")
    hip, hip_dus = c.device((SCT, "303491002", "Hip joint prosthesis"), "Left bipolar hip hemiarthroplasty prosthesis",
                            manufacturer="Zimmer Biomet", model="Bipolar head 44 mm with cemented stem", lot="ZB-7731",
                            start="2023-02-08", body_site=("287679003", "Left hip", "Left hip joint"), reason_ref=[fx])
    hemi = c.proc((SCT, "71251007", "Hemiarthroplasty of hip"), "2023-02-08", enc=adm1, devices=[hip], reason_ref=[fx],
                  body_site=("287679003", "Left hip", "Left hip"), reports=[xpel], hm="09:30",
                  note="Cemented bipolar hemiarthroplasty, posterior approach.")
    c.proc((SCT, "180208003", "Red blood cell transfusion"), "2023-02-10", enc=adm1, reason_ref=[abla],
           note="1 unit packed red cells for Hb 8.1 with dizziness.", hm="11:00")
    deb = c.proc((SCT, "36777000", "Debridement"), "2023-03-14", reason_ref=[pi], body_site=("54735007", "Sacrum"),
                 note="Sharp excisional debridement of sacral pressure injury to bleeding tissue.", hm="13:45")
    pro_d = ["2021-06-08", "2021-12-07", "2022-06-07", "2022-12-06", "2023-06-06", "2023-12-05", "2024-06-04"]
    prolia = [c.proc((SCT, "422127002", "Subcutaneous injection of drug"), d, reason_ref=[osteo], hm="09:40",
                     text="Denosumab (Prolia) 60 mg subcutaneous injection",
                     body_site=("368208006", "Left upper arm structure")) for d in pro_d]
    mat, mat_dus = c.device((SCT, "705479009", "Alternating pressure mattress"), "Alternating-pressure air mattress",
                            manufacturer="Invacare", start="2023-03-24", reason_ref=[pi])
    walker, walker_dus = c.device((SCT, "705417000", "Rollator"), "Four-wheeled rollator walker", start="2022-08-25",
                                  reason_ref=[falls])
    ha, ha_dus = c.device((SCT, "6012004", "Hearing aid"), "Bilateral behind-the-ear hearing aids", manufacturer="Phonak",
                          model="Audeo", start="2016-08-01", reason_ref=[hear])

    # ---- immunizations
    flu = []
    for d in ["2016-10-11", "2017-10-10", "2018-10-09", "2019-10-08", "2020-10-13", "2021-10-05", "2022-10-11", "2023-10-17",
              "2024-10-15"]:
        flu.append(c.imm(("135", "Influenza, high dose seasonal, preservative-free"), d, dose=1, series=("Seasonal influenza", 1)))
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2003-10-14", dose=1, series=("Adult pneumococcal", 2))
    c.imm(("133", "Pneumococcal conjugate PCV 13"), "2015-09-22", dose=2, series=("Adult pneumococcal", 2))
    c.imm(("115", "Tdap"), "2014-05-13", dose=1)
    shx = [c.imm(("187", "zoster vaccine recombinant"), d, dose=i + 1, series=("Shingrix", 2), manufacturer="GSK")
           for i, d in enumerate(["2018-11-13", "2019-02-12"])]
    for i, d in enumerate(["2021-01-20", "2021-02-10", "2021-10-05"]):
        c.imm(("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose"), d, dose=i + 1, series=("COVID-19 Pfizer", None),
              manufacturer="Pfizer-BioNTech")
    c.imm(("300", "COVID-19, mRNA, LNP-S, bivalent, PF, 30 mcg/0.3 mL dose"), "2022-10-11", dose=1,
          series=("COVID-19 bivalent", 1), manufacturer="Pfizer-BioNTech")
    c.imm(("309", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose (2023-2024)"), "2023-10-17", dose=1,
          series=("COVID-19 2023-2024", 1), manufacturer="Pfizer-BioNTech")
    c.imm(("303", "RSV vaccine, adjuvanted (Arexvy)"), "2023-10-17", dose=1, series=("RSV older adult", 1), manufacturer="GSK")
    cov_nd = c.imm(("309", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose (2024-2025)"), "2024-10-15",
                   status="not-done", reason="PATOBJ",
                   reason_text="Daughter (health care agent) declined on her behalf this season")

    # ---- allergies, family, goals, plans
    al_p = c.allergy((RXN, "70618", "penicillin"), "Penicillin", "medication", "high",
                     [("39579001", "Anaphylaxis", "severe", "Throat swelling and collapse after IM penicillin in 1965")],
                     onset="1965-01-01", recorded="2019-02-12")
    c.allergy((SCT, "424213003", "Allergy to adhesive"), "Adhesive tape", "environment", "low",
              [("271767006", "Blister of skin", "mild", "Blisters and skin tears from plastic tape")], onset="2023-02-10",
              recorded="2023-02-10", atype="intolerance")
    fm_m = c.fmh(("MTH", "mother"), "female", [("26929004", "Alzheimer's disease", 78)], "2019-02-12", deceased=True)
    c.fmh(("SIS", "sister"), "female", [("64859006", "Osteoporosis", 70), ("5913000", "Fracture of neck of femur", 80)],
          "2019-02-12")
    c.fmh(("FTH", "father"), "male", [("230690007", "Cerebrovascular accident", 71, "Died after a stroke at 71")],
          "2019-02-12", deceased=True)
    g_fall = c.goal("No falls for 6 months", "2022-08-25", "not-achieved", addresses=[falls], status_date="2023-02-07",
                    note="Fell 2023-02-07 with hip fracture.")
    g_wound = c.goal("Sacral pressure injury fully healed", "2023-03-07", "achieved", lifecycle="completed",
                     addresses=[pi], status_date="2023-06-20")
    g_wt = c.goal("Weight at or above 52 kg", "2024-01-16", "achieved",
                  target={"measure": cc(LNC, "29463-7", "Body weight"),
                          "detailQuantity": {"value": 52, "comparator": ">=", "unit": "kg", "system": UCUM, "code": "kg"}},
                  addresses=[appet], status_date="2024-10-15")
    c.careplan("Fall prevention plan", "2022-08-25",
               [("Rollator for all walking", "in-progress"), ("Bed alarm and night lights; remove rugs", "in-progress"),
                ("Home physical therapy for balance", "completed"), ("Review sedating medications each visit", "in-progress")],
               goals=[g_fall], addresses=[falls])
    c.careplan("Pressure injury care plan", "2023-03-07",
               [("Turn every 2 hours; alternating-pressure mattress", "completed"), ("Protein supplement twice daily", "completed"),
                ("Weekly wound measurements", "completed")], goals=[g_wound], addresses=[pi], status="completed",
               end="2023-06-20")
    c.careplan("Dementia care plan", "2019-02-12",
               [("Memantine; monitor cognition yearly (MMSE)", "in-progress"), ("Caregiver support for daughter", "in-progress"),
                ("Advance care planning - POLST on file", "completed")], goals=[g_wt], addresses=[alz])

    # ---- notes
    c.note(("11488-4", "Consult note"), "2019-02-12", "Geriatric memory clinic consultation",
           "Geriatric memory clinic\n80-year-old widow with two years of progressive short-term memory loss; she got lost "
           "driving to church twice last fall. MMSE 22/30. CT head: atrophy and small-vessel change, no hydrocephalus. "
           "B12 412 and TSH 2.1 normal.\nImpression: probable Alzheimer's disease, mild stage.\nPlan: donepezil 5 mg at bedtime, "
           "she agreed to stop driving. Lives alone in Duluth; daughter Karen lives nearby and checks on her daily.",
           "Dr. Ingrid Solberg, Geriatrics")
    n_aln = c.note(("11506-3", "Progress note"), "2021-06-08", "Geriatrics progress note",
                   "Geriatrics follow-up\nFosamax stopped today: she has had heartburn and chest discomfort after her weekly "
                   "dose (suspected pill esophagitis), and because of her dementia she can no longer reliably stay upright "
                   "for 30 minutes after taking it. Switch to Prolia 60 mg every 6 months; first dose today; check calcium "
                   "before each dose.", "Dr. Ingrid Solberg, Geriatrics")
    c.note(("34117-2", "History and physical note"), "2023-02-07", "Orthopedic admission H&P",
           "Orthopedic H&P\n84-year-old woman tripped on a rug getting up at night and fell onto her left side. "
           "Left leg shortened and externally rotated. X-ray: displaced left femoral neck fracture (Garden IV).\n"
           "Lives with her daughter Karen and son-in-law since 2022. Uses a rollator.\nPlan: left hip hemiarthroplasty tomorrow.",
           "Dr. Erik Lindahl, Orthopedic Surgery", enc=adm1)
    n_dc = c.note(("18842-5", "Discharge summary"), "2023-02-13", "Discharge summary - hip fracture",
                  "Discharge summary\nLeft bipolar hemiarthroplasty 2023-02-08. Post-operative delirium on night 1 managed with "
                  "reorientation and low-dose quetiapine. Hemoglobin nadir 8.1 on 2023-02-09; 1 unit transfused 2023-02-10. "
                  "Enoxaparin 40 mg daily for 4 weeks.\nDischarged to Lakeside Care Center (skilled nursing facility) for rehab.",
                  "Dr. Erik Lindahl, Orthopedic Surgery", enc=adm1)
    c.note(("11506-3", "Progress note"), "2023-04-25", "Wound care progress note",
           "Wound clinic\nStage 3 sacral pressure injury acquired at the nursing facility; sharp debridement 2023-03-14. "
           "Today 2.1 cm2, clean granulating base. Albumin 3.1. Continue alternating-pressure mattress, protein supplement.\n"
           "Quetiapine was stopped 2023-04-11 for oversedation and orthostatic hypotension; sleeping with trazodone.",
           "Maren Tollefson, CWOCN")
    n_pol = c.note(("11506-3", "Progress note"), "2024-10-15", "Geriatrics progress note",
                   "Geriatrics follow-up\nAdvance care planning reviewed with daughter Karen Lindgren, her health care power of "
                   "attorney. POLST on file: DNR, selective treatment, no intubation; hospital transfer only if comfort cannot "
                   "be maintained at home.\nLives with Karen and her husband. Wears both hearing aids. Eating better on "
                   "mirtazapine; weight 53.1 kg. Karen declined the updated COVID vaccine for her this season; flu shot given.",
                   "Dr. Ingrid Solberg, Geriatrics")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    na = c.latest("na")
    lo = c.extreme("na", min, "1998-03-10", "2020-04-14")
    A(c, "lab_extreme", "lowest Na when she was on the water pill", [lo], [val(lo)])
    hb = c.series("hgb", "2023-02-09", "2023-02-09")
    A(c, "lab_at_time", "hgb the day after her hip surgery", hb, [val(hb[0])])
    ca = c.series("ca", "2021-06-08")
    A(c, "lab_trend", "calcium since starting prolia", ca, [val(c.extreme("ca", min, "2021-06-08")), val(ca[-1])])
    vd = c.latest("vitd")
    A(c, "lab_normal", "vit d normal?", [vd], [val(vd), "Normal"])
    mm = c.series("mmse")
    A(c, "lab_first", "first dexa hip t score", [th1], ["-2.8"])
    A(c, "med_active", "current meds", active,
      ["acetaminophen", "areds", "calcium citrate", "amlodipine", "memantine", "denosumab", "polyethylene glycol",
       "trazodone", "mirtazapine"])
    A(c, "med_class", "is she on any antipsychotics", [quet], ["quetiapine", "stopped"])
    A(c, "med_brand", "still on aricept?", [don2], ["stopped", "2022-08-16"])
    A(c, "med_stopped_why", "why was fosamax stopped", [aln, n_aln], ["upright"], match="any")
    A(c, "med_why", "whats the mirtazapine for", [mirt, appet], ["appetite"])
    A(c, "med_class", "was she on a blood thinner after the hip surgery", [enox], ["enoxaparin"])
    A(c, "condition", "what kind of demenita", [alz], ["alzheimer"], miss=True)
    A(c, "condition", "NPH ruled out?", [nph], ["refuted"])
    A(c, "condition_onset", "when did she break her hip", [fx], ["2023-02-07"])
    A(c, "allergy", "pcn allergy how bad", [al_p], ["anaphylaxis", "high"])
    A(c, "device", "what type of hip implant does she have", [hip, hemi], ["bipolar"], match="any")
    A(c, "procedure_count", "# of prollia injections given", prolia, [str(len(prolia))], miss=True)
    A(c, "procedure", "when was the sacral debridment", [deb], ["2023-03-14"], miss=True)
    A(c, "encounter_detail", "dc disposition after the hip fx admission", [adm1, n_dc], ["skilled nursing"], match="any")
    imp = [e for e in c.encs if e["_cls"] == "IMP"]
    A(c, "imm_last", "last flu shot", [flu[-1]], ["2024-10-15"])
    A(c, "imm_not_done", "did she get the updated covid vaccine this fall", [cov_nd], ["declined"])
    A(c, "family_hx", "fam hx of dementia", [fm_m], ["mother"])
    A(c, "note_only", "code status", [n_pol], ["dnr"])
    al = c.latest("alb")
    wt = c.latest("weight")
    A(c, "two_in_one", "latest albumin and weight", [al, wt], [val(al), val(wt)])

    X(c, "med_class", "is she on a statin", ["statin", "atorvastatin", "rosuvastatin", "simvastatin", "pravastatin",
                                             "lipitor", "crestor"])
    X(c, "condition", "any hx of seizures", ["seizure", "seizures", "epilepsy", "g40"])
    X(c, "lab_latest", "inr?", ["inr", "international normalized ratio", "6301-6"])
    X(c, "lab_latest", "last a1c", ["a1c", "hba1c", "hemoglobin a1c", "4548-4"])
    X(c, "med_ever", "on levothyroxine?", ["levothyroxine", "synthroid", "levoxyl"])
    X(c, "med_class", "is she on an ssri", ["ssri", "sertraline", "zoloft", "escitalopram", "lexapro", "citalopram",
                                             "fluoxetine", "paroxetine"])
    return c

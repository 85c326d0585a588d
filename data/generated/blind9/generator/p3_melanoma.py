"""Patient 3: stage III melanoma of the back treated with adjuvant pembrolizumab (immune thyroiditis ->
hypothyroidism), stage IV recurrence on ipilimumab + nivolumab with grade 3 immune colitis (steroids, infliximab),
hypophysitis with secondary adrenal insufficiency, provoked DVT; CAD with a drug-eluting stent."""
from lib import RXNORM, SNOMED, add_days

BUNDLE_TYPE = "transaction"
TZ = "-07:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Gerald", "Wayne"], "Whitcombe", "male", "1957-02-09",
               {"line": ["77 Saddleback Rd"], "city": "Flagstaff", "state": "AZ", "postalCode": "86001"},
               phone="928-555-0117", mrn="PCC-2203318", marital=("M", "Married"), lang=("en", "English"))
    ONC = "Dr. Miriam Castellano, MD (Medical Oncology)"
    HOSP = "Ponderosa Cancer Center"

    # encounters - hospital
    a15 = ch.encounter("IMP", "Inpatient admission", "2015-10-04T21:30", "2015-10-07T11:00", type_code=("32485007", "Hospital admission"),
                       reason="Non-ST elevation myocardial infarction", admit=("emd", "From accident/emergency department"),
                       discharge=("home", "Home"), provider="Flagstaff Medical Center")
    ed23a = ch.encounter("EMER", "Emergency department visit", "2023-03-20T08:10", "2023-03-20T14:00", type_code=("50849002", "Emergency room admission"),
                         reason="Bloody diarrhea and abdominal cramping on immunotherapy", provider="Flagstaff Medical Center")
    a23 = ch.encounter("IMP", "Inpatient admission", "2023-03-20T14:00", "2023-03-29T12:30", type_code=("32485007", "Hospital admission"),
                       reason="Grade 3 immune-mediated colitis", admit=("emd", "From accident/emergency department"),
                       discharge=("home", "Home"), provider="Flagstaff Medical Center")
    ed23b = ch.encounter("EMER", "Emergency department visit", "2023-04-14T17:45", "2023-04-14T23:10", type_code=("50849002", "Emergency room admission"),
                         reason="Right leg swelling and pain", provider="Flagstaff Medical Center")
    derm = ch.encounter("AMB", "Dermatology visit", "2021-06-08", type_code=("185389009", "Follow-up visit"),
                        reason="Changing pigmented lesion on the back", provider="Northern Arizona Dermatology")
    surg = ch.encounter("AMB", "Outpatient surgery", "2021-07-12", type_code=("305408004", "Admission to surgical department"),
                        reason="Wide local excision and sentinel lymph node biopsy", provider=HOSP + " - Surgical Oncology")
    cons = ch.encounter("AMB", "Medical oncology consultation", "2021-08-02", type_code=("11429006", "Consultation"),
                        reason="Stage IIIC melanoma - adjuvant therapy discussion", provider=HOSP)
    lbx = ch.encounter("AMB", "Interventional radiology procedure", "2023-01-24", type_code=("305408004", "Admission to surgical department"),
                       reason="CT-guided liver biopsy", provider="Flagstaff Medical Center - Interventional Radiology")
    endo = ch.encounter("AMB", "Endocrinology consultation", "2023-05-22", type_code=("11429006", "Consultation"),
                        reason="Fatigue and low morning cortisol on nivolumab", provider="Flagstaff Endocrine Associates")
    endo22 = ch.encounter("AMB", "Endocrinology consultation", "2022-01-10", type_code=("11429006", "Consultation"),
                          reason="Hypothyroidism after pembrolizumab thyroiditis", provider="Flagstaff Endocrine Associates")

    # conditions
    cad = ch.condition("Coronary artery disease (s/p PCI with drug-eluting stent to LAD 2015)", ("53741008", "Coronary arteriosclerosis"),
                       ("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris"), onset="2015-10-04")
    nstemi = ch.condition("Non-ST elevation myocardial infarction", ("401314000", "Acute non-ST segment elevation myocardial infarction"),
                          ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"), onset="2015-10-04", status="resolved", abate="2015-11-04",
                          cat="encounter-diagnosis", enc=a15)
    htn = ch.condition("Essential hypertension", ("59621000", "Essential hypertension"), ("I10", "Essential (primary) hypertension"), onset="2009-04-20")
    hld = ch.condition("Hyperlipidemia", ("55822004", "Hyperlipidemia"), ("E78.5", "Hyperlipidemia, unspecified"), onset="2009-04-20")
    bph = ch.condition("Benign prostatic hyperplasia with lower urinary tract symptoms", ("266569009", "Benign prostatic hyperplasia"),
                       ("N40.1", "Benign prostatic hyperplasia with lower urinary tract symptoms"), onset="2016-03-14")
    ak = ch.condition("Actinic keratosis", ("201101007", "Actinic keratosis"), ("L57.0", "Actinic keratosis"), onset="2019-04-08")
    mel = ch.condition("Malignant melanoma of skin of back, stage IIIC (pT3b N1a) at diagnosis; stage IV recurrence 2023",
                       ("372244006", "Malignant melanoma"), ("C43.59", "Malignant melanoma of other part of trunk"), onset="2021-06-08")
    lung = ch.condition("Secondary malignant neoplasm of lung (metastatic melanoma)", ("94391008", "Secondary malignant neoplasm of lung"),
                        ("C78.00", "Secondary malignant neoplasm of unspecified lung"), onset="2023-01-16")
    liver = ch.condition("Secondary malignant neoplasm of liver (metastatic melanoma)", ("94381002", "Secondary malignant neoplasm of liver"),
                         ("C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct"), onset="2023-01-16")
    thyr = ch.condition("Immune checkpoint inhibitor-related thyroiditis (painless, thyrotoxic phase)", ("82119000", "Thyroiditis"),
                        ("E06.4", "Drug-induced thyroiditis"), onset="2021-11-15", status="resolved", abate="2022-01-10")
    hypo = ch.condition("Hypothyroidism due to pembrolizumab", ("40930008", "Hypothyroidism"), ("E03.2", "Hypothyroidism due to medicaments and other exogenous substances"),
                        onset="2022-01-10")
    colitis = ch.condition("Immune-mediated colitis, grade 3 (ipilimumab/nivolumab)", ("64226004", "Colitis"),
                           ("K52.1", "Toxic gastroenteritis and colitis"), onset="2023-03-14", status="resolved", abate="2023-05-22")
    hypoph = ch.condition("Hypophysitis with secondary adrenal insufficiency (immune-related)", ("389261002", "Hypophysitis"),
                          ("E23.1", "Drug-induced hypopituitarism"), onset="2023-05-22")
    dvt = ch.condition("Acute deep vein thrombosis of right femoral vein", ("128053003", "Deep venous thrombosis"),
                       ("I82.411", "Acute embolism and thrombosis of right femoral vein"), onset="2023-04-14", status="resolved", abate="2023-07-20")

    # medications
    PCP = "Dr. Harold Tsosie, MD (Internal Medicine)"
    CARD = "Dr. Neil Abernathy, MD (Cardiology)"
    ch.med("lisinopril 10 MG Oral Tablet [Zestril]", ("314076", "lisinopril 10 MG Oral Tablet"), "active", "2009-04-20",
           sig="Take 1 tablet by mouth daily", dose=(10, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn], requester=PCP)
    ch.med("aspirin 81 MG Delayed Release Oral Tablet", ("243670", "aspirin 81 MG Oral Tablet"), "active", "2015-10-06",
           sig="Take 1 tablet by mouth daily", dose=(81, "mg"), freq=(1, 1, "d"), route="PO", reasons=[cad], requester=CARD)
    ch.med("clopidogrel 75 MG Oral Tablet [Plavix]", ("309362", "clopidogrel 75 MG Oral Tablet"), "completed", "2015-10-06",
           sig="Take 1 tablet by mouth daily for 12 months after stent", dose=(75, "mg"), freq=(1, 1, "d"), route="PO", reasons=[cad],
           end="2016-10-10", requester=CARD)
    ch.med("atorvastatin 80 MG Oral Tablet [Lipitor]", ("259255", "atorvastatin 80 MG Oral Tablet"), "active", "2015-10-06",
           sig="Take 1 tablet by mouth at bedtime", dose=(80, "mg"), freq=(1, 1, "d", "HS"), route="PO", reasons=[cad, hld], requester=CARD)
    ch.med("metoprolol succinate 50 MG Extended Release Oral Tablet [Toprol XL]", ("866436", "24 HR metoprolol succinate 50 MG Extended Release Oral Tablet"),
           "active", "2015-10-06", sig="Take 1 tablet by mouth daily", dose=(50, "mg"), freq=(1, 1, "d"), route="PO", reasons=[cad], requester=CARD)
    ch.med("nitroglycerin 0.4 MG Sublingual Tablet [Nitrostat]", ("312095", "nitroglycerin 0.4 MG Sublingual Tablet"), "active", "2015-10-06",
           sig="Dissolve 1 tablet under the tongue every 5 minutes as needed for chest pain, up to 3 doses", dose=(0.4, "mg"),
           freq=(1, 5, "min"), prn=True, route="SL", reasons=[cad], requester=CARD)
    ch.med("tamsulosin hydrochloride 0.4 MG Oral Capsule [Flomax]", ("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule"), "active",
           "2016-03-14", sig="Take 1 capsule by mouth 30 minutes after the same meal daily", dose=(0.4, "mg"), freq=(1, 1, "d"), route="PO",
           reasons=[bph], requester=PCP)
    ch.med("fluorouracil 50 MG/ML Topical Cream [Efudex]", ("1546457", "fluorouracil 50 MG/ML Topical Cream"), "completed", "2019-04-08",
           sig="Apply thin layer to scalp and forearms twice daily for 3 weeks", freq=(2, 1, "d"), route="TOP", reasons=[ak],
           end="2019-04-29", requester="Dr. Lydia Fenn, MD (Dermatology)")
    ch.med("pembrolizumab 25 MG/ML Injectable Solution [Keytruda]", ("1547550", "pembrolizumab 25 MG/ML Injectable Solution"), "completed",
           "2021-08-23", sig="200 mg IV over 30 minutes every 3 weeks for 1 year (adjuvant)", dose=(200, "mg"), freq=(1, 3, "wk"),
           route="IV", reasons=[mel], end="2022-08-01", requester=ONC)
    ch.med("levothyroxine sodium 50 MCG Oral Tablet [Synthroid]", ("966247", "levothyroxine sodium 0.05 MG Oral Tablet"), "stopped",
           "2022-01-10", sig="Take 1 tablet by mouth every morning on an empty stomach", dose=(50, "ug"), freq=(1, 1, "d", "ACM"),
           route="PO", reasons=[hypo], status_reason="Dose increased (TSH still elevated)", end="2022-03-14", enc=endo22,
           requester="Dr. Farah Qureshi, MD (Endocrinology)")
    ch.med("levothyroxine sodium 88 MCG Oral Tablet [Synthroid]", ("966250", "levothyroxine sodium 0.088 MG Oral Tablet"), "active",
           "2022-03-14", sig="Take 1 tablet by mouth every morning on an empty stomach", dose=(88, "ug"), freq=(1, 1, "d", "ACM"),
           route="PO", reasons=[hypo], requester="Dr. Farah Qureshi, MD (Endocrinology)")
    ch.med("ipilimumab 5 MG/ML Injectable Solution [Yervoy]", ("1094838", "ipilimumab 5 MG/ML Injectable Solution"), "stopped", "2023-02-13",
           sig="3 mg/kg IV every 3 weeks for 4 doses with nivolumab 1 mg/kg", dose=(3, "mg/kg"), freq=(1, 3, "wk"), route="IV", reasons=[mel, lung, liver],
           status_reason="Grade 3 immune-mediated colitis - permanently discontinued after 2 doses", end="2023-03-20", requester=ONC)
    ch.med("nivolumab 10 MG/ML Injectable Solution [Opdivo]", ("1597881", "nivolumab 10 MG/ML Injectable Solution"), "stopped", "2023-02-13",
           sig="1 mg/kg IV every 3 weeks with ipilimumab for 4 doses", dose=(1, "mg/kg"), freq=(1, 3, "wk"), route="IV", reasons=[mel, lung, liver],
           status_reason="Held for grade 3 immune-mediated colitis", end="2023-03-20", requester=ONC)
    nivo = ch.med("nivolumab 10 MG/ML Injectable Solution [Opdivo]", ("1597881", "nivolumab 10 MG/ML Injectable Solution"), "active", "2023-06-05",
                  sig="480 mg IV over 30 minutes every 4 weeks (maintenance, single agent)", dose=(480, "mg"), freq=(1, 4, "wk"), route="IV",
                  reasons=[mel, lung, liver], requester=ONC)
    ch.med("ondansetron 8 MG Oral Tablet [Zofran]", ("312087", "ondansetron 8 MG Oral Tablet"), "completed", "2023-02-13",
           sig="Take 1 tablet by mouth every 8 hours as needed for nausea", dose=(8, "mg"), freq=(1, 8, "h"), prn=True, route="PO",
           reason_text="Nausea with immunotherapy", end="2023-06-05", requester=ONC)
    ch.med("loperamide 2 MG Oral Capsule [Imodium]", ("978010", "loperamide hydrochloride 2 MG Oral Capsule"), "stopped", "2023-03-14",
           sig="Take 2 mg by mouth after each loose stool, max 16 mg/day", dose=(2, "mg"), prn=True, route="PO", reason_text="Diarrhea",
           status_reason="Stopped - diarrhea due to immune-mediated colitis requiring steroids", end="2023-03-20", requester=ONC)
    ch.med("methylprednisolone sodium succinate 125 MG Injection [Solu-Medrol]", ("1743704", "methylprednisolone sodium succinate 125 MG Injection"),
           "completed", "2023-03-20", sig="2 mg/kg/day IV divided every 12 hours (80 mg IV every 12 hours)", dose=(80, "mg"), freq=(2, 1, "d"),
           route="IV", reasons=[colitis], end="2023-03-27", enc=a23, category="inpatient", requester="Dr. Rahul Menon, MD (Hospital Medicine)")
    ch.med("infliximab 100 MG Injection [Remicade]", ("310994", "infliximab 100 MG Injection"), "completed", "2023-03-24",
           sig="5 mg/kg IV once (400 mg) for steroid-refractory immune colitis", dose=(400, "mg"), route="IV", reasons=[colitis],
           end="2023-03-24", enc=a23, category="inpatient", requester="Dr. Carlos Ibarra, MD (Gastroenterology)")
    ch.med("prednisone 20 MG Oral Tablet", ("312615", "prednisone 20 MG Oral Tablet"), "completed", "2023-03-27",
           sig="80 mg by mouth daily, taper by 10 mg weekly over 6 weeks to off", dose=(80, "mg"), freq=(1, 1, "d"), route="PO",
           reasons=[colitis], end="2023-05-08", enc=a23, requester="Dr. Rahul Menon, MD (Hospital Medicine)")
    ch.med("sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet [Bactrim DS]", ("198335", "sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet"),
           "completed", "2023-03-27", sig="Take 1 tablet by mouth on Monday, Wednesday and Friday while on prednisone",
           dose=(1, "tablet", "{tbl}"), freq=(3, 1, "wk", None, ["mon", "wed", "fri"]), route="PO",
           reason_text="Pneumocystis pneumonia prophylaxis during high-dose steroids", end="2023-05-15", enc=a23,
           requester="Dr. Rahul Menon, MD (Hospital Medicine)")
    ch.med("pantoprazole 40 MG Delayed Release Oral Tablet [Protonix]", ("314200", "pantoprazole 40 MG Delayed Release Oral Tablet"), "active",
           "2023-03-27", sig="Take 1 tablet by mouth daily before breakfast", dose=(40, "mg"), freq=(1, 1, "d", "ACM"), route="PO",
           reason_text="GI protection on steroids and aspirin; reflux", enc=a23, requester="Dr. Rahul Menon, MD (Hospital Medicine)")
    ch.med("apixaban 5 MG Oral Tablet [Eliquis]", ("1364445", "apixaban 5 MG Oral Tablet"), "completed", "2023-04-14",
           sig="10 mg by mouth twice daily for 7 days, then 5 mg twice daily for 3 months", dose=(5, "mg"), freq=(2, 1, "d"), route="PO",
           reasons=[dvt], end="2023-07-20", enc=ed23b, requester="Dr. Sofia Landry, MD (Emergency Medicine)")
    ch.med("hydrocortisone 5 MG Oral Tablet [Cortef]", ("197782", "hydrocortisone 5 MG Oral Tablet"), "active", "2023-05-22",
           sig="Take 15 mg on waking and 5 mg at 2 pm; double doses on sick days", dose=(15, "mg"), freq=(2, 1, "d"), route="PO",
           reasons=[hypoph], enc=endo, requester="Dr. Farah Qureshi, MD (Endocrinology)")
    ch.med("mirtazapine 7.5 MG Oral Tablet [Remeron]", ("311725", "mirtazapine 7.5 MG Oral Tablet"), "active", "2023-06-05",
           sig="Take 1 tablet by mouth at bedtime", dose=(7.5, "mg"), freq=(1, 1, "d", "HS"), route="PO",
           reason_text="Poor appetite, weight loss and insomnia", requester=ONC)

    # infusion visits
    pem_dates = []
    d = "2021-08-23"
    while d <= "2022-08-01":
        pem_dates.append(d)
        d = add_days(d, 21)
    inf = {}
    for i, d in enumerate(pem_dates):
        inf[d] = ch.encounter("AMB", "Infusion center visit - pembrolizumab", d, type_code=("185389009", "Follow-up visit"),
                              reason="Adjuvant pembrolizumab cycle %d" % (i + 1), reason_refs=[mel], provider=HOSP + " Infusion Center")
    for i, d in enumerate(["2023-02-13", "2023-03-06"]):
        inf[d] = ch.encounter("AMB", "Infusion center visit - ipilimumab plus nivolumab", d, type_code=("185389009", "Follow-up visit"),
                              reason="Ipilimumab + nivolumab cycle %d" % (i + 1), reason_refs=[mel], provider=HOSP + " Infusion Center")
    niv_dates = []
    d = "2023-06-05"
    while d <= "2025-02-10":
        niv_dates.append(d)
        d = add_days(d, 28)
    for i, d in enumerate(niv_dates):
        inf[d] = ch.encounter("AMB", "Infusion center visit - nivolumab", d, type_code=("185389009", "Follow-up visit"),
                              reason="Nivolumab maintenance dose %d" % (i + 1), reason_refs=[mel], provider=HOSP + " Infusion Center")

    # labs
    tsh = [("2021-08-16", 1.8), ("2021-10-04", 1.6), ("2021-11-15", 0.04), ("2021-12-20", 2.1), ("2022-01-10", 38.6), ("2022-03-07", 12.4),
           ("2022-06-06", 3.1), ("2022-12-05", 2.4), ("2023-06-05", 2.8), ("2024-06-03", 1.9), ("2025-01-13", 2.2)]
    for d, v in tsh:
        ch.lab("tsh", v, d)
    for d, v in [("2021-11-15", 2.6), ("2022-01-10", 0.5), ("2022-03-07", 0.9), ("2023-05-22", 1.1)]:
        ch.lab("ft4", v, d)
    ch.lab("cortisol", 1.9, "2023-05-22", enc=endo, note="Drawn at 08:00, no exogenous steroids for 14 days")
    ch.lab("acth", 4, "2023-05-22", enc=endo)
    ch.lab("na", 133, "2023-05-22", enc=endo)
    for d, v in [("2021-07-02", 180), ("2023-01-16", 412), ("2023-06-05", 238), ("2024-01-08", 196), ("2025-01-13", 182)]:
        ch.lab("ldh", v, d)
    ch.lab("calpro", 1250, "2023-03-20", enc=ed23a)
    ch.lab("calpro", 85, "2023-05-15")
    ch.obs_str("34468-9", "Clostridioides difficile toxin B (tcdB) gene [Presence] in Stool by NAA with probe detection",
               "C. difficile toxin PCR", "Not detected", "2023-03-20", enc=ed23a, interp="ND")
    ch.obs_str("58415-1", "BRAF gene p.V600 mutation [Presence] in Tissue by Molecular genetics method", "BRAF V600 mutation analysis",
               "BRAF V600E/K mutation not detected (wild type)", "2021-07-20", interp="ND")
    for d, wbc, hgb, cr, alt in [("2021-08-16", 6.8, 14.9, 1.0, 24), ("2022-01-10", 7.1, 14.6, 1.1, 29), ("2022-08-01", 6.4, 14.8, 1.0, 22),
                                 ("2023-01-16", 7.9, 13.9, 1.1, 31), ("2023-03-20", 12.6, 12.8, 1.4, 19), ("2023-06-05", 8.4, 13.1, 1.0, 26),
                                 ("2024-01-08", 6.9, 14.2, 1.0, 23), ("2025-01-13", 6.6, 14.5, 1.0, 21)]:
        e = ed23a if d == "2023-03-20" else None
        ch.lab("wbc", wbc, d, enc=e)
        ch.lab("hgb", hgb, d, enc=e)
        ch.lab("cr", cr, d, enc=e)
        ch.lab("alt", alt, d, enc=e)
    ch.lab("k", 3.2, "2023-03-20", enc=ed23a)
    ch.lab("crp", 88.0, "2023-03-20", enc=ed23a)
    for d, ldl, hdl, tc, tg in [("2016-04-11", 74, 41, 148, 166), ("2022-06-06", 68, 44, 139, 134), ("2024-06-03", 72, 46, 145, 128)]:
        ch.lab("ldl", ldl, d)
        ch.lab("hdl", hdl, d)
        ch.lab("chol", tc, d)
        ch.lab("tg", tg, d)
    ch.lab("tropi", 2.84, "2015-10-04", enc=a15, interp="HH")
    ch.obs_q("10230-1", "Left ventricular Ejection fraction", "LVEF (echo)", 50, "%", "2015-10-05", cat="imaging", enc=a15, ref=(55, 70), interp="L")
    # vitals
    wts = [("2021-08-02", 88.4), ("2021-11-15", 86.9), ("2022-08-01", 89.0), ("2023-01-24", 87.2), ("2023-03-20", 80.2), ("2023-05-22", 78.6),
           ("2023-09-18", 81.5), ("2024-01-08", 84.0), ("2024-07-15", 85.3), ("2025-01-13", 86.1)]
    for d, w in wts:
        e = {"2021-08-02": cons, "2023-03-20": ed23a, "2023-05-22": endo}.get(d) or inf.get(d)
        ch.vital("wt", w, d, enc=e)
    ch.vital("ht", 180, "2021-08-02", enc=cons)
    for d in ["2021-08-02", "2022-01-10", "2022-08-01", "2023-01-24", "2023-06-05", "2024-01-08", "2025-01-13"]:
        e = {"2021-08-02": cons, "2022-01-10": endo22}.get(d) or inf.get(d)
        ch.bp(d, rng.randint(122, 142), rng.randint(70, 86), enc=e)
    ch.bp("2023-05-22", 98, 62, enc=endo)
    ch.vital("hr", 108, "2021-11-15")
    ch.vital("hr", 112, "2023-03-20", enc=ed23a)
    for d, v in [("2021-08-02", 0), ("2023-01-24", 1), ("2023-04-17", 2), ("2024-01-08", 1), ("2025-01-13", 0)]:
        ch.obs_q("89247-1", "ECOG Performance Status score", "ECOG performance status", v, "{score}", d, cat="survey")
    ch.smoking("2021-08-02", "former", enc=cons)
    ch.smoking("2024-01-08", "former")
    ch.obs_q("74013-4", "Alcoholic drinks per day", "Alcohol use (drinks per week)", 2, "/wk", "2021-08-02", cat="social-history", enc=cons,
             note="Two beers per week.")

    # reports
    ch.report("66117-3", "Pathology report - skin excisional biopsy, mid upper back", "2021-06-08", cat="SP", enc=derm,
              conclusion="Invasive malignant melanoma, superficial spreading type. Breslow thickness 3.2 mm, ulceration present, "
                         "mitotic rate 6/mm2, Clark level IV. No microsatellites. Peripheral margin involved; deep margin clear.",
              text="SURGICAL PATHOLOGY REPORT\nSpecimen: skin, mid upper back, excisional biopsy (1.4 x 0.9 cm ellipse).\n"
                   "Diagnosis: Invasive malignant melanoma, superficial spreading type.\nBreslow thickness: 3.2 mm\nUlceration: present\n"
                   "Mitotic rate: 6/mm2\nLymphovascular invasion: not identified\nMargins: peripheral margin involved by in situ component; deep margin clear.\n")
    ch.report("81353-8", "PET/CT whole body (staging)", "2021-07-02",
              conclusion="Post-biopsy change in the upper back. Mildly FDG-avid left axillary lymph node (SUV 2.1), indeterminate. No FDG-avid distant metastatic disease.")
    ch.report("24590-2", "MRI Brain W and WO contrast", "2021-07-06", conclusion="No intracranial metastatic disease. Mild chronic small vessel ischemic change.")
    ch.report("66117-3", "Pathology report - wide local excision back and left axillary sentinel lymph nodes", "2021-07-12", cat="SP", enc=surg,
              conclusion="Back, wide local excision: residual melanoma in situ only, all margins clear (closest 1.1 cm). "
                         "Sentinel lymph nodes, left axilla: metastatic melanoma in 1 of 2 nodes, largest deposit 1.4 mm, no extranodal extension. "
                         "AJCC 8th edition pT3b pN1a - stage IIIC.")
    ch.report("24627-2", "CT Chest Abdomen Pelvis W contrast", "2022-01-24", conclusion="No evidence of recurrent or metastatic melanoma. Stable 3 mm right middle lobe nodule, likely benign.")
    ch.report("24627-2", "CT Chest Abdomen Pelvis W contrast", "2022-07-25", conclusion="No evidence of recurrent or metastatic melanoma.")
    ch.report("81353-8", "PET/CT whole body", "2023-01-16",
              conclusion="New FDG-avid pulmonary nodules, largest 1.8 cm in the right lower lobe (SUV 7.9), and a 2.4 cm hypermetabolic lesion in hepatic segment VI, "
                         "consistent with metastatic melanoma. No osseous lesions.")
    ch.report("24590-2", "MRI Brain W and WO contrast", "2023-01-20", conclusion="No intracranial metastases.")
    ch.report("66117-3", "Pathology report - liver, CT-guided core biopsy", "2023-01-24", cat="SP", enc=lbx,
              conclusion="Liver, segment VI, core biopsy: metastatic melanoma; tumor cells positive for SOX10 and Melan-A. BRAF V600 wild type (concordant with primary).")
    ch.report("36813-4", "CT Abdomen and Pelvis W contrast", "2023-03-20", enc=ed23a,
              conclusion="Diffuse colonic wall thickening with mucosal hyperenhancement from cecum to rectum (pancolitis). No pneumatosis, perforation or abscess. "
                         "Hepatic segment VI lesion 1.9 cm (was 2.4 cm).")
    ch.report("66117-3", "Pathology report - sigmoid colon biopsies", "2023-03-22", cat="SP", enc=a23,
              conclusion="Active colitis with crypt abscesses and increased crypt epithelial apoptosis, consistent with immune checkpoint inhibitor-associated colitis. "
                         "CMV immunostain negative. No dysplasia.")
    ch.report("42148-7", "US Duplex venous lower extremity right", "2023-04-14", enc=ed23b,
              conclusion="Occlusive thrombus in the right common femoral and femoral veins extending to the popliteal vein. Left not examined.")
    ch.report("24627-2", "CT Chest Abdomen Pelvis W contrast", "2023-06-05",
              conclusion="Partial response: right lower lobe nodule 0.9 cm (previously 1.8 cm); hepatic segment VI lesion 1.1 cm (previously 2.4 cm). No new lesions. Resolved colonic wall thickening.")
    ch.report("24627-2", "CT Chest Abdomen Pelvis W contrast", "2024-01-08",
              conclusion="Continued response. Right lower lobe nodule 0.5 cm. Hepatic lesion no longer measurable. No new disease.")
    ch.report("24627-2", "CT Chest Abdomen Pelvis W contrast", "2024-10-14",
              conclusion="No evidence of active disease. Stable post-treatment changes in the right lower lobe and liver.")
    ch.report("34552-0", "Transthoracic echocardiogram", "2015-10-05", cat="CUS", enc=a15,
              conclusion="LVEF 50% with mild anterior wall hypokinesis. No significant valve disease.")

    # procedures + device
    stent = ch.device("Coronary drug-eluting stent", ("705643001", "Coronary artery stent"), "Xience Sierra everolimus-eluting coronary stent 3.0 x 23 mm",
                      manufacturer="Abbott Vascular", model="XIENCE Sierra", lot="1052841", udi=("08717648223214", "(01)08717648223214(17)170831(10)1052841"))
    ch.procedure("Percutaneous coronary intervention with drug-eluting stent, proximal LAD", ("415070008", "Percutaneous coronary intervention"),
                 ("92928", "Percutaneous transcatheter placement of intracoronary stent(s), single major coronary artery"),
                 when="2015-10-05", enc=a15, reasons=[nstemi], devices=[stent], body="Left anterior descending coronary artery")
    ch.dus(stent, "2015-10-05", reasons=[cad], body="Proximal left anterior descending coronary artery")
    ch.procedure("Screening colonoscopy", ("73761001", "Colonoscopy"), ("45378", "Colonoscopy, flexible; diagnostic"), when="2019-05-13",
                 reason_text="Colorectal cancer screening", outcome="Normal colonoscopy; repeat in 10 years")
    ch.procedure("Cryotherapy of actinic keratoses (8 lesions)", ("13841007", "Cryotherapy of skin lesion"), ("17000", "Destruction premalignant lesion; first lesion"),
                 when="2019-04-08", reasons=[ak])
    ch.procedure("Excisional biopsy of pigmented lesion, mid upper back", ("240977001", "Excisional biopsy of skin lesion"), ("11603", "Excision, malignant lesion, trunk; 2.1 to 3.0 cm"),
                 when="2021-06-08", enc=derm, reasons=[mel], body="Skin of mid upper back")
    ch.procedure("Wide local excision of melanoma of back with left axillary sentinel lymph node biopsy",
                 ("177300000", "Wide excision of skin lesion"), ("38525", "Biopsy or excision of lymph node(s); open, deep axillary node(s)"),
                 when="2021-07-12", enc=surg, reasons=[mel])
    ch.procedure("CT-guided percutaneous core needle biopsy of liver", ("86259008", "Biopsy of liver"), ("47000", "Biopsy of liver, needle; percutaneous"),
                 when="2023-01-24", enc=lbx, reasons=[liver])
    ch.procedure("Flexible sigmoidoscopy with biopsy", ("44441009", "Flexible fiberoptic sigmoidoscopy"), ("45331", "Sigmoidoscopy, flexible; with biopsy, single or multiple"),
                 when="2023-03-22", enc=a23, reasons=[colitis], outcome="Diffuse erythema, edema and ulcerations throughout the examined colon to 40 cm")

    # immunizations
    for d in ["2016-10-17", "2017-10-09", "2018-10-22", "2019-10-14", "2020-10-05", "2021-10-04", "2022-10-10", "2023-10-02", "2024-10-07"]:
        cvx, disp = ("197", "influenza, high-dose, quadrivalent") if d >= "2022-01-01" else ("135", "Influenza, high dose seasonal, preservative-free")
        ch.imm(cvx, disp, d, text="Influenza vaccine, high dose (Fluzone High-Dose)")
    ch.imm("115", "Tdap", "2016-05-16", text="Tdap (Boostrix)")
    ch.imm("187", "zoster recombinant", "2020-11-02", dose=1, series=2, text="Shingrix dose 1")
    ch.imm("187", "zoster recombinant", "2021-01-11", dose=2, series=2, text="Shingrix dose 2")
    ch.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate, adjuvant, preservative free", "2023-04-03", status="not-done",
           reason=("MEDPREC", "Deferred - on high-dose prednisone taper for immune colitis", "medical precaution"), text="Prevnar 20 (PCV20)")
    ch.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate, adjuvant, preservative free", "2023-08-07", text="Prevnar 20 (PCV20)")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-01-28", dose=1, series=2, text="COVID-19 vaccine, Moderna")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-02-25", dose=2, series=2, text="COVID-19 vaccine, Moderna")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-10-20", dose=3, text="COVID-19 vaccine, Moderna booster")
    ch.imm("229", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, 50 mcg/0.5 mL dose", "2022-09-26", text="COVID-19 vaccine, Moderna bivalent booster")
    ch.imm("312", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Moderna", "2023-10-02", text="COVID-19 vaccine 2023-2024 (Spikevax)")
    ch.imm("314", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2024-2025 formula, Moderna", "2024-10-07", text="COVID-19 vaccine 2024-2025 (Spikevax)")
    ch.imm("304", "Respiratory syncytial virus (RSV) vaccine, adjuvanted", "2024-09-16", text="RSV vaccine (Arexvy)")

    # allergies
    ch.allergy("Iodinated contrast media", (SNOMED, "293637006", "Allergy to iodinated contrast media"), "allergy", "medication", "low", "2015-10-05",
               [("Hives", ("126485001", "Urticaria"), "moderate")], note="Hives after coronary angiography 2015. Premedicate with prednisone and diphenhydramine before contrast CT.")
    ch.allergy("Codeine", (RXNORM, "2670", "codeine"), "intolerance", "medication", "low", "1998",
               [("Nausea and vomiting", ("422587007", "Nausea"), "mild")], recorded="2015-10-04")

    # goals / careplans
    g1 = ch.goal("Complete 1 year of adjuvant pembrolizumab", "2021-08-23", lifecycle="completed", achievement="achieved", addresses=[mel], status_date="2022-08-01")
    g2 = ch.goal("TSH within reference range on levothyroxine", "2022-01-10", achievement="achieved",
                 target=("3016-3", "TSH", "detailRange", {"low": {"value": 0.45, "unit": "m[IU]/L"}, "high": {"value": 4.5, "unit": "m[IU]/L"}}), addresses=[hypo])
    g3 = ch.goal("Regain and maintain weight above 84 kg", "2023-06-05", achievement="achieved",
                 target=("29463-7", "Body weight", "detailQuantity", {"value": 84, "comparator": ">", "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"}), addresses=[mel])
    ch.careplan("Adjuvant immunotherapy plan - pembrolizumab", "Pembrolizumab 200 mg every 3 weeks for 1 year after resection of stage IIIC melanoma.",
                "2021-08-23", status="completed", end="2022-08-01", addresses=[mel], goals=[g1],
                activities=[("Pembrolizumab 200 mg IV every 3 weeks x 17 doses", "completed"), ("TSH and CMP before each dose", "completed"),
                            ("CT chest/abdomen/pelvis every 6 months", "completed")])
    ch.careplan("Metastatic melanoma - nivolumab maintenance plan", "Single-agent nivolumab 480 mg every 4 weeks after ipilimumab discontinued for colitis; planned total 2 years.",
                "2023-06-05", addresses=[mel, lung, liver, hypoph, hypo], goals=[g2, g3],
                activities=[("Nivolumab 480 mg IV every 4 weeks", "in-progress"), ("CT chest/abdomen/pelvis every 3-4 months (premedicate for contrast allergy)", "in-progress"),
                            ("Hydrocortisone replacement with sick-day rules; medical alert bracelet", "in-progress"),
                            ("Dermatology full skin exam every 6 months", "in-progress")])

    # family history
    ch.fmh("FTH", "male", [("Malignant melanoma", ("372244006", "Malignant melanoma"), 68, True)], deceased=74)
    ch.fmh("MTH", "female", [("Breast cancer", ("254837009", "Malignant neoplasm of breast"), 59)])
    ch.fmh("BRO", "male", [("Myocardial infarction", ("22298006", "Myocardial infarction"), 58)])

    # notes
    ch.note("consult", "2021-08-02", """
MEDICAL ONCOLOGY CONSULTATION
64 year old man referred after wide excision and sentinel node biopsy for melanoma of the mid upper back: Breslow 3.2 mm,
ulcerated, 1 of 2 left axillary sentinel nodes positive (1.4 mm deposit). pT3b pN1a, stage IIIC. PET/CT and brain MRI negative
for distant disease. BRAF V600 wild type.
Social: retired roofer - worked outdoors in Phoenix for about 30 years, rarely used sunscreen. Former smoker (quit 1995,
20 pack-years). Married, wife Carol attends.
Discussed observation with surveillance versus adjuvant pembrolizumab for 1 year (relapse-free survival benefit; risk of
immune-related adverse events including thyroid, colitis, pneumonitis, hepatitis, adrenal/pituitary). He chooses pembrolizumab.
Plan: pembrolizumab 200 mg every 3 weeks starting 08/23/2021; baseline TSH, cortisol, CMP.
""", ONC, enc=cons)
    ch.note("progress", "2021-11-15", """
ONCOLOGY PROGRESS NOTE - pembrolizumab cycle 5
He reports 2 weeks of palpitations, feeling hot when others are cold, and a 1.5 kg weight loss. No neck pain.
HR 108. TSH 0.04, free T4 2.6 (TSH 1.6 in October).
Assessment: painless thyroiditis from pembrolizumab, thyrotoxic phase (grade 2). Not Graves - no antithyroid drug needed.
Plan: continue pembrolizumab; he is already on metoprolol succinate which will control symptoms. Recheck TSH/free T4 in 4-6
weeks; expect hypothyroid phase.
""", ONC, enc=inf.get("2021-11-15"))
    ch.note("progress", "2023-01-24", """
ONCOLOGY PROGRESS NOTE
Surveillance PET/CT 01/16 shows new lung nodules and a segment VI liver lesion; liver biopsy today confirms metastatic melanoma.
LDH 412. Brain MRI negative. ECOG 1. BRAF wild type so no targeted therapy option.
Recurrence 5 months after completing adjuvant pembrolizumab.
Plan: ipilimumab 3 mg/kg plus nivolumab 1 mg/kg every 3 weeks x4, then nivolumab maintenance. Reviewed high rate of
grade 3-4 immune toxicity with the combination (colitis, hepatitis, hypophysitis). Baseline cortisol, TSH, LFTs.
""", ONC, enc=lbx)
    ch.note("ed", "2023-03-20T09:30", """
EMERGENCY DEPARTMENT NOTE
66M with metastatic melanoma on ipilimumab/nivolumab (2 doses, last 03/06) with 6 days of diarrhea, now 9 watery stools a day
with streaks of blood, crampy lower abdominal pain, and 2 episodes at night. He took loperamide without benefit.
HR 112, BP 104/66, afebrile. Abdomen diffusely tender without peritonitis.
WBC 12.6, K 3.2, CRP 88, calprotectin 1250. C. diff PCR negative. CT: pancolitis, no perforation.
Impression: grade 3 immune-mediated colitis. IV methylprednisolone 2 mg/kg/day started. Admit to medicine, GI consult.
""", "Dr. Sofia Landry, MD (Emergency Medicine)", enc=ed23a)
    ch.note("discharge", "2023-03-29T12:30", """
DISCHARGE SUMMARY - Flagstaff Medical Center
Admitted 03/20/2023 - discharged 03/29/2023.
Principal diagnosis: grade 3 immune checkpoint inhibitor colitis (ipilimumab + nivolumab).
Course: IV methylprednisolone 80 mg every 12 hours. After 72 hours stools still 6-7/day with blood, so infliximab 5 mg/kg
was given once on 03/24 with rapid improvement (2 formed stools/day by 03/27). Flexible sigmoidoscopy 03/22: diffuse
ulcerated colitis; biopsies consistent with checkpoint colitis, CMV negative.
Transitioned to prednisone 80 mg daily with 6-week taper, Bactrim DS three times weekly for PCP prophylaxis, pantoprazole.
Oncology: ipilimumab permanently discontinued. Nivolumab alone may be resumed once prednisone is 10 mg or less and
symptoms are grade 1 or better.
""", "Dr. Rahul Menon, MD (Hospital Medicine)", enc=a23)
    ch.note("consult", "2023-05-22", """
ENDOCRINOLOGY CONSULTATION
Two weeks after finishing the prednisone taper he has profound fatigue, light-headedness when standing up, nausea and is
craving salty foods (eating pickles from the jar). No headache or vision change.
BP 98/62 seated. Na 133. 8 am cortisol 1.9 with ACTH 4 - secondary adrenal insufficiency, most likely immune hypophysitis
(ipilimumab). TSH interpretation limited by levothyroxine; free T4 1.1 on levothyroxine 88 mcg.
Plan: hydrocortisone 15 mg on waking and 5 mg at 2 pm. Sick-day rules reviewed (double dose for fever, emergency
hydrocortisone injection kit prescribed). Medical alert bracelet. MRI pituitary if headaches develop.
""", "Dr. Farah Qureshi, MD (Endocrinology)", enc=endo)
    ch.note("progress", "2024-01-08", """
ONCOLOGY PROGRESS NOTE - nivolumab maintenance
CT 01/08: continued response, RLL nodule 0.5 cm, liver lesion no longer measurable. LDH 196. ECOG 1.
Tolerating nivolumab every 4 weeks. Weight up to 84 kg. Energy good on hydrocortisone.
Plan: continue nivolumab to complete 2 years of anti-PD-1 for metastatic disease (through about June 2025). Scans every 3-4
months with steroid premedication for contrast allergy.
""", ONC, enc=inf.get("2024-01-08"))
    ch.note("progress", "2025-01-13", """
ONCOLOGY PROGRESS NOTE
Doing well. Walking about 3 miles a day with his dog. New mild aching in both knees in the mornings for 6 weeks, lasting about
20 minutes, no swelling - likely grade 1 immune-related arthralgia; acetaminophen as needed, avoid NSAIDs while on aspirin.
No diarrhea. TSH 2.2 on levothyroxine 88 mcg. LDH 182. Weight 86.1 kg.
Plan: continue nivolumab; next CT in February. Dermatology skin check overdue - referral placed.
""", ONC, enc=inf.get("2025-01-13"))

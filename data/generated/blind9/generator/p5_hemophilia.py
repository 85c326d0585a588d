"""Patient 5: severe hemophilia A, Advate prophylaxis switched to emicizumab (Hemlibra) with Advate kept for
breakthrough bleeds; transfusion-acquired hepatitis C (failed peginterferon/ribavirin, cured with Epclusa);
hemophilic arthropathy with right total knee replacement and left ankle radiosynovectomy."""
from lib import RXNORM, SNOMED, add_days

BUNDLE_TYPE = "transaction"
TZ = "-05:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Tobias", "Reid"], "Ferreira", "male", "1979-03-05",
               {"line": ["3306 Magnolia Bluff Dr"], "city": "Chattanooga", "state": "TN", "postalCode": "37412"},
               phone="423-555-0162", mrn="EHC-5512093", marital=("M", "Married"), lang=("en", "English"))
    HTC = "Dr. Naomi Whitfield, MD (Hematology - Hemophilia Treatment Center)"
    HEP = "Dr. Rajiv Sundaram, MD (Hepatology)"
    CTR = "Erlanger Hemophilia Treatment Center"

    # encounters
    a19 = ch.encounter("IMP", "Inpatient surgical admission", "2019-05-14T05:45", "2019-05-20T11:00", type_code=("32485007", "Hospital admission"),
                       reason="Right total knee arthroplasty for end-stage hemophilic arthropathy", admit=("other", "Other", "Elective admission"),
                       discharge=("rehab", "Rehabilitation", "Discharged to inpatient rehabilitation facility"), provider="Erlanger Medical Center")
    ed21 = ch.encounter("EMER", "Emergency department visit", "2021-09-06T18:30", "2021-09-06T23:55", type_code=("50849002", "Emergency room admission"),
                        reason="Red, hot, swollen left lower leg", provider="Erlanger Medical Center")
    ed22 = ch.encounter("EMER", "Emergency department visit", "2022-07-16T20:10", "2022-07-17T03:20", type_code=("50849002", "Emergency room admission"),
                        reason="Painful swollen left ankle after twisting it", provider="Erlanger Medical Center")
    dent = ch.encounter("AMB", "Dental surgery visit", "2021-03-22", type_code=("34043003", "Dental consultation and report"),
                        reason="Extraction of abscessed lower right molar", provider="Erlanger HTC Dental Clinic")
    rsv = ch.encounter("AMB", "Outpatient procedure", "2014-03-18", type_code=("305408004", "Admission to surgical department"),
                       reason="Radiosynovectomy of left ankle for chronic synovitis", provider="Erlanger Medical Center - Nuclear Medicine")
    htc_dates = ["2015-10-12", "2016-10-17", "2017-10-16", "2018-10-15", "2019-10-21", "2020-09-14", "2021-10-18", "2022-10-17",
                 "2023-10-23", "2024-10-21"]
    htc = {}
    for d in htc_dates:
        htc[d] = ch.encounter("AMB", "Hemophilia treatment center comprehensive visit", d, type_code=("185389009", "Follow-up visit"),
                              reason="Annual comprehensive hemophilia care", provider=CTR)
    hep_dates = ["2009-01-12", "2009-06-08", "2016-11-14", "2017-03-27", "2017-07-10", "2017-10-16"]
    hepv = {}
    for d in hep_dates:
        hepv[d] = ch.encounter("AMB", "Hepatology clinic visit", d, type_code=("185389009", "Follow-up visit"),
                               reason="Chronic hepatitis C", provider="Erlanger Liver Clinic")
    ortho = ch.encounter("AMB", "Orthopedic clinic visit", "2018-11-05", type_code=("185389009", "Follow-up visit"),
                         reason="Right knee pain, locking and loss of motion", provider="Erlanger Orthopedics")
    emi_train = ch.encounter("AMB", "Hemophilia nurse visit", "2020-10-12", type_code=("185389009", "Follow-up visit"),
                             reason="Emicizumab self-injection teaching", provider=CTR)

    # conditions
    hema = ch.condition("Hereditary factor VIII deficiency - severe hemophilia A (FVIII <1%)", ("28293008", "Hereditary factor VIII deficiency disease"),
                        ("D66", "Hereditary factor VIII deficiency"), onset="1979-09-14")
    knee = ch.condition("Hemophilic arthropathy of right knee", ("432181003", "Hemophilic arthropathy"), ("M36.2", "Hemophilic arthropathy"),
                        onset="1995", status="resolved", abate="2019-05-14", body="Right knee")
    ankle = ch.condition("Hemophilic arthropathy of left ankle", ("432181003", "Hemophilic arthropathy"), ("M36.2", "Hemophilic arthropathy"),
                         onset="2001", body="Left ankle")
    hcv = ch.condition("Chronic hepatitis C, genotype 1a (transfusion/factor concentrate acquired)", ("128302006", "Chronic hepatitis C"),
                       ("B18.2", "Chronic viral hepatitis C"), onset="1990", status="resolved", abate="2017-10-16",
                       note="Sustained virologic response (SVR12) documented 10/16/2017 after sofosbuvir/velpatasvir.")
    fibro = ch.condition("Hepatic fibrosis (F2-F3 by elastography)", ("62484002", "Hepatic fibrosis"), ("K74.02", "Hepatic fibrosis, advanced fibrosis"),
                         onset="2016-11-14", status="inactive", note="Regressed after HCV cure: 6.1 kPa in 2023.")
    htn = ch.condition("Essential hypertension", ("59621000", "Essential hypertension"), ("I10", "Essential (primary) hypertension"), onset="2014-10-13")
    hld = ch.condition("Hyperlipidemia", ("55822004", "Hyperlipidemia"), ("E78.5", "Hyperlipidemia, unspecified"), onset="2018-10-15")
    pain = ch.condition("Chronic pain due to hemophilic arthropathy", ("82423001", "Chronic pain"), ("G89.29", "Other chronic pain"), onset="2016-10-17")
    dep = ch.condition("Depression", ("35489007", "Depressive disorder"), ("F32.A", "Depression, unspecified"), onset="2016-10-17")
    abscess = ch.condition("Periapical abscess, tooth #30", ("195848005", "Periapical abscess without sinus"), ("K04.7", "Periapical abscess without sinus"),
                           onset="2021-03-15", status="resolved", abate="2021-03-29")
    cell = ch.condition("Cellulitis of left lower leg", ("128045006", "Cellulitis"), ("L03.116", "Cellulitis of left lower limb"), onset="2021-09-06",
                        status="resolved", abate="2021-09-20", cat="encounter-diagnosis", enc=ed21)
    hemarth = ch.condition("Acute hemarthrosis of left ankle (breakthrough bleed on emicizumab)", ("16311000", "Hemarthrosis"),
                           ("M25.072", "Hemarthrosis, left ankle"), onset="2022-07-16", status="resolved", abate="2022-07-30", cat="encounter-diagnosis", enc=ed22)
    ow = ch.condition("Overweight (BMI 25-29.9)", ("238131007", "Overweight"), ("E66.3", "Overweight"), onset="2020-09-14")

    # medications
    ch.med("antihemophilic factor, human recombinant 3000 UNT Injection [Advate]", ("1441354", "antihemophilic factor, human recombinant 3000 UNT Injection"),
           "stopped", "2008-01-10", sig="Infuse 3000 IU IV three times weekly (Mon/Wed/Fri) for prophylaxis", dose=(3000, "[IU]"),
           freq=(3, 1, "wk", None, ["mon", "wed", "fri"]), route="IV", reasons=[hema], status_reason="Switched to emicizumab prophylaxis",
           end="2020-10-12", requester=HTC)
    adv = ch.med("antihemophilic factor, human recombinant 2000 UNT Injection [Advate]", ("1441352", "antihemophilic factor, human recombinant 2000 UNT Injection"),
                 "active", "2020-10-12", sig="For a joint or muscle bleed: infuse 50 IU/kg (4000 IU) IV once, call HTC; may repeat 25 IU/kg in 24 hours",
                 dose=(4000, "[IU]"), prn=True, route="IV", reasons=[hema], requester=HTC, reason_text="Breakthrough bleeding on emicizumab")
    ch.med("emicizumab-kxwh 150 MG/ML Injectable Solution [Hemlibra] - loading", ("2058946", "emicizumab-kxwh 150 MG/ML Injectable Solution"),
           "completed", "2020-09-14", sig="3 mg/kg (240 mg) subcutaneously once weekly for 4 weeks (loading)", dose=(240, "mg"), freq=(1, 1, "wk"),
           route="SC", reasons=[hema], end="2020-10-05", requester=HTC)
    emi = ch.med("emicizumab-kxwh 150 MG/ML Injectable Solution [Hemlibra]", ("2058946", "emicizumab-kxwh 150 MG/ML Injectable Solution"),
                 "active", "2020-10-12", sig="3 mg/kg (240 mg) subcutaneously every 2 weeks (maintenance)", dose=(240, "mg"), freq=(1, 2, "wk"),
                 route="SC", reasons=[hema], requester=HTC,
                 note="Emicizumab interferes with aPTT-based assays; use chromogenic (bovine) FVIII assay for inhibitor and FVIII testing.")
    ch.med("peginterferon alfa-2a 180 MCG/0.5ML Prefilled Syringe [Pegasys]", ("616867", "peginterferon alfa-2a 0.36 MG/ML Prefilled Syringe"),
           "stopped", "2009-02-02", sig="Inject 180 mcg subcutaneously once weekly", dose=(180, "ug"), freq=(1, 1, "wk"), route="SC", reasons=[hcv],
           status_reason="Discontinued at week 16: null response at week 12 and severe fatigue, depression and anemia", end="2009-05-26", requester=HEP)
    ch.med("ribavirin 200 MG Oral Tablet [Copegus]", ("198118", "ribavirin 200 MG Oral Tablet"), "stopped", "2009-02-02",
           sig="600 mg by mouth twice daily with food", dose=(600, "mg"), freq=(2, 1, "d"), route="PO", reasons=[hcv],
           status_reason="Discontinued with peginterferon (null response; hemoglobin 9.6)", end="2009-05-26", requester=HEP)
    ch.med("sofosbuvir 400 MG / velpatasvir 100 MG Oral Tablet [Epclusa]", ("1940261", "sofosbuvir 400 MG / velpatasvir 100 MG Oral Tablet"),
           "completed", "2017-04-10", sig="Take 1 tablet by mouth daily for 12 weeks", dose=(1, "tablet", "{tbl}"), freq=(1, 1, "d"), route="PO",
           reasons=[hcv], end="2017-07-03", requester=HEP)
    ch.med("antihemophilic factor, human recombinant continuous infusion [Advate]", ("1441354", "antihemophilic factor, human recombinant 3000 UNT Injection"),
           "completed", "2019-05-14", sig="Pre-op bolus 50 IU/kg then continuous infusion 4 IU/kg/h, titrate to FVIII 80-100% (post-op days 0-3), then 50-80%",
           rate=(4, "[IU]/kg/h"), route="IV", reasons=[hema, knee], end="2019-05-20", enc=a19, category="inpatient", requester=HTC)
    ch.med("cefazolin 2 GM Injection", ("1665060", "cefazolin 2000 MG Injection"), "completed", "2019-05-14",
           sig="2 g IV within 60 minutes before incision, then every 8 hours for 24 hours", dose=(2, "g"), freq=(3, 1, "d"), route="IV",
           reason_text="Surgical prophylaxis - total knee arthroplasty", end="2019-05-15", enc=a19, category="inpatient",
           requester="Dr. Brent Kowalski, MD (Orthopedic Surgery)")
    ch.med("oxycodone hydrochloride 5 MG Oral Tablet [Roxicodone]", ("1049621", "oxycodone hydrochloride 5 MG Oral Tablet"), "completed", "2019-05-17",
           sig="Take 1 tablet by mouth every 4 hours as needed for severe pain", dose=(5, "mg"), freq=(1, 4, "h"), prn=True, route="PO",
           reason_text="Post-operative pain", end="2019-06-03", enc=a19, requester="Dr. Brent Kowalski, MD (Orthopedic Surgery)")
    ch.med("tramadol hydrochloride 50 MG Oral Tablet [Ultram]", ("835603", "tramadol hydrochloride 50 MG Oral Tablet"), "stopped", "2016-10-17",
           sig="Take 1 tablet by mouth every 6 hours as needed for joint pain", dose=(50, "mg"), freq=(1, 6, "h"), prn=True, route="PO", reasons=[pain],
           status_reason="Weaned off after knee replacement", end="2019-08-12", requester=HTC)
    ch.med("celecoxib 200 MG Oral Capsule [Celebrex]", ("205323", "celecoxib 200 MG Oral Capsule"), "active", "2016-10-17",
           sig="Take 1 capsule by mouth daily with food", dose=(200, "mg"), freq=(1, 1, "d"), route="PO", reasons=[pain, ankle], requester=HTC,
           note="COX-2 selective - no platelet effect. Avoid ibuprofen, naproxen and aspirin.")
    ch.med("duloxetine 60 MG Delayed Release Oral Capsule [Cymbalta]", ("596930", "duloxetine 60 MG Delayed Release Oral Capsule"), "active",
           "2016-10-17", sig="Take 1 capsule by mouth daily", dose=(60, "mg"), freq=(1, 1, "d"), route="PO", reasons=[dep, pain],
           requester="Dr. Colleen Baptiste, MD (Primary Care)")
    ch.med("amlodipine 5 MG Oral Tablet [Norvasc]", ("197361", "amlodipine 5 MG Oral Tablet"), "active", "2014-10-13",
           sig="Take 1 tablet by mouth daily", dose=(5, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn], requester="Dr. Colleen Baptiste, MD (Primary Care)")
    ch.med("hydrochlorothiazide 12.5 MG Oral Capsule", ("199903", "hydrochlorothiazide 12.5 MG Oral Capsule"), "active", "2019-10-21",
           sig="Take 1 capsule by mouth every morning", dose=(12.5, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn], requester="Dr. Colleen Baptiste, MD (Primary Care)")
    ch.med("rosuvastatin calcium 10 MG Oral Tablet [Crestor]", ("859751", "rosuvastatin calcium 10 MG Oral Tablet"), "active", "2018-10-15",
           sig="Take 1 tablet by mouth daily", dose=(10, "mg"), freq=(1, 1, "d"), route="PO", reasons=[hld], requester="Dr. Colleen Baptiste, MD (Primary Care)")
    ch.med("famotidine 20 MG Oral Tablet [Pepcid]", ("310273", "famotidine 20 MG Oral Tablet"), "active", "2016-10-17",
           sig="Take 1 tablet by mouth twice daily", dose=(20, "mg"), freq=(2, 1, "d"), route="PO", reason_text="GI protection with celecoxib; dyspepsia",
           requester=HTC)
    ch.med("clindamycin 300 MG Oral Capsule [Cleocin]", ("309043", "clindamycin 300 MG Oral Capsule"), "completed", "2021-03-15",
           sig="Take 1 capsule by mouth 4 times daily for 7 days", dose=(300, "mg"), freq=(4, 1, "d"), route="PO", reasons=[abscess],
           end="2021-03-22", requester="Dr. Paul Okonkwo, DMD (HTC Dental)", note="Penicillin allergy.")
    ch.med("tranexamic acid 650 MG Oral Tablet [Lysteda]", ("1053250", "tranexamic acid 650 MG Oral Tablet"), "completed", "2021-03-22",
           sig="Take 1300 mg by mouth three times daily for 5 days starting the morning of extraction", dose=(1300, "mg"), freq=(3, 1, "d"), route="PO",
           reasons=[hema], reason_text="Dental extraction hemostasis", end="2021-03-27", enc=dent, requester=HTC)
    ch.med("cephalexin 500 MG Oral Capsule [Keflex]", ("309114", "cephalexin 500 MG Oral Capsule"), "completed", "2021-09-06",
           sig="Take 1 capsule by mouth 4 times daily for 10 days", dose=(500, "mg"), freq=(4, 1, "d"), route="PO", reasons=[cell], end="2021-09-16",
           enc=ed21, requester="Dr. Imani Scott, MD (Emergency Medicine)", note="Tolerated cephalosporins previously (cefazolin 2019) despite penicillin allergy.")
    ch.med("cholecalciferol 50 MCG (2000 UNT) Oral Capsule", ("392263", "cholecalciferol 0.05 MG Oral Capsule"), "active", "2019-10-21",
           sig="Take 1 capsule by mouth daily", dose=(2000, "[IU]"), freq=(1, 1, "d"), route="PO", reason_text="Low vitamin D; bone health",
           requester=HTC)

    # labs
    ch.lab("fviii", 1, "1979-09-14", comparator="<", text="Factor VIII activity (one-stage)")
    ch.lab("fviii", 1, "2020-09-01", comparator="<", text="Factor VIII activity (one-stage), baseline before emicizumab")
    ch.lab("fviii", 112, "2019-05-14", enc=a19, text="Factor VIII activity - post-bolus peak", interp="N")
    ch.lab("fviii", 86, "2019-05-16", enc=a19, text="Factor VIII activity on continuous infusion", interp="N")
    ch.lab("fviii", 1, "2021-10-18", comparator="<", text="Factor VIII activity, chromogenic (bovine reagents)")
    for d in ["2019-04-22", "2020-09-01", "2021-10-18", "2022-10-17", "2023-10-23", "2024-10-21"]:
        meth = "Nijmegen-Bethesda assay" if d < "2020-09-14" else "chromogenic Bethesda (bovine) - valid on emicizumab"
        ch.obs_q("3204-4", "Coagulation factor VIII inhibitor [Units/volume] in Platelet poor plasma by Coagulation assay", "Factor VIII inhibitor titer",
                 0.6, "[BU]/mL", d, comparator="<", ref=(None, 0.6, "Negative <0.6 BU/mL"), interp="N", note=meth)
    for d, v in [("2020-09-01", 82.4), ("2020-11-02", 27.1), ("2021-10-18", 26.8), ("2023-10-23", 28.0)]:
        ch.lab("aptt", v, d, note=("On emicizumab - aPTT normalizes and does not reflect hemostatic protection" if d > "2020-09-14" else None))
    ch.obs_str("32286-7", "Hepatitis C virus genotype [Identifier] in Serum or Plasma by Probe and target amplification method",
               "HCV genotype", "Genotype 1a", "2009-01-12", enc=hepv["2009-01-12"], interp="A")
    for d, v in [("2009-01-12", 4850000), ("2009-05-04", 1200000), ("2017-03-27", 2340000)]:
        ch.lab("hcvrna", v, d, interp="A")
    for d in ["2017-05-08", "2017-10-16", "2019-10-21"]:
        ch.obs_str("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection", "HCV RNA, quantitative",
                   "Not detected (<15 IU/mL)", d, interp="ND", note=("SVR12 achieved" if d == "2017-10-16" else None))
    for d, v in [("2009-01-12", 96), ("2017-03-27", 88), ("2017-06-26", 24), ("2019-10-21", 22), ("2022-10-17", 28), ("2024-10-21", 25)]:
        ch.lab("alt", v, d)
    for d, v in [("2017-03-27", 138), ("2019-10-21", 161), ("2024-10-21", 182)]:
        ch.lab("plt", v, d)
    for d, v, e in [("2009-01-12", 15.8, None), ("2009-05-04", 9.6, None), ("2019-05-16", 11.2, a19), ("2022-07-16", 12.1, ed22), ("2024-10-21", 15.2, None)]:
        ch.lab("hgb", v, d, enc=e)
    for d, v in [("2016-11-14", 11.2), ("2019-10-21", 8.0), ("2023-10-23", 6.1)]:
        ch.obs_q("77644-5", "Liver stiffness by transient elastography", "Liver stiffness (FibroScan)", v, "kPa", d, cat="imaging",
                 ref=(None, 7.0, "<7.0 kPa: no significant fibrosis"), interp=("H" if v > 7.0 else "N"))
    ch.lab("afp", 3.1, "2023-10-23")
    ch.obs_q("16935-9", "Hepatitis B virus surface Ab [Units/volume] in Serum", "Hepatitis B surface antibody", 145, "m[IU]/mL", "2015-10-12",
             ref=(10, None, "Immune >=10 mIU/mL"), interp="N")
    ch.obs_str("7905-3", "Hepatitis B virus surface Ag [Presence] in Serum", "Hepatitis B surface antigen", "Nonreactive", "2015-10-12", interp="NEG")
    ch.obs_str("75622-1", "HIV 1 and 2 Ag+Ab [Presence] in Serum or Plasma", "HIV-1/2 antigen/antibody screen", "Nonreactive", "2015-10-12", interp="NEG")
    for d, ldl, tc, hdl in [("2018-10-15", 162, 238, 39), ("2019-10-21", 98, 172, 41), ("2023-10-23", 84, 158, 44)]:
        ch.lab("ldl", ldl, d)
        ch.lab("chol", tc, d)
        ch.lab("hdl", hdl, d)
    ch.lab("a1c", 5.7, "2022-10-17")
    ch.lab("cr", 0.9, "2024-10-21")
    ch.lab("vitd", 21, "2019-10-21")
    ch.lab("vitd", 34, "2022-10-17")
    for d, v in [("2018-10-15", 6), ("2019-10-21", 4), ("2020-09-14", 3), ("2021-10-18", 1), ("2022-10-17", 1), ("2023-10-23", 0), ("2024-10-21", 0)]:
        ch.obs_q("ABR", "Annualized bleeding rate (treated bleeds in prior 12 months)", "Annualized bleed rate (treated bleeds, prior 12 months)", v,
                 "/a", d, cat="survey", system="https://example.org/fhir/CodeSystem/htc-measures", enc=htc.get(d))
    for d, v in [("2018-10-15", 32), ("2021-10-18", 24), ("2024-10-21", 21)]:
        ch.obs_q("HJHS", "Hemophilia Joint Health Score 2.1 (total)", "Hemophilia Joint Health Score", v, "{score}", d, cat="exam",
                 system="https://example.org/fhir/CodeSystem/htc-measures", enc=htc.get(d))
    # vitals
    bps = {"2015-10-12": (148, 94), "2016-10-17": (138, 88), "2017-10-16": (134, 86), "2018-10-15": (142, 90), "2019-10-21": (146, 92),
           "2020-09-14": (132, 84), "2021-10-18": (128, 82), "2022-10-17": (130, 80), "2023-10-23": (126, 78), "2024-10-21": (124, 80)}
    wts = {"2015-10-12": 80.2, "2016-10-17": 81.0, "2017-10-16": 78.9, "2018-10-15": 83.4, "2019-10-21": 85.1, "2020-09-14": 84.8,
           "2021-10-18": 83.9, "2022-10-17": 82.6, "2023-10-23": 81.7, "2024-10-21": 81.2}
    for d in htc_dates:
        ch.bp(d, *bps[d], enc=htc[d])
        ch.vital("wt", wts[d], d, enc=htc[d])
    ch.vital("ht", 175, "2015-10-12", enc=htc["2015-10-12"])
    ch.vital("bmi", 27.8, "2020-09-14", enc=htc["2020-09-14"])
    ch.vital("bmi", 26.5, "2024-10-21", enc=htc["2024-10-21"])
    ch.vital("temp", 38.3, "2021-09-06", enc=ed21)
    ch.smoking("2015-10-12", "never", enc=htc["2015-10-12"])
    ch.smoking("2023-10-23", "never", enc=htc["2023-10-23"])
    ch.obs_str("11331-6", "History of Alcohol use", "Alcohol use", "None - abstains since hepatitis C diagnosis", "2023-10-23", cat="social-history", enc=htc["2023-10-23"])

    # reports
    ch.report("36554-4", "XR Knee 3 Views right", "2018-11-05", enc=ortho,
              conclusion="Advanced hemophilic arthropathy of the right knee: severe joint-space narrowing, subchondral cysts, epiphyseal overgrowth, squaring of the "
                         "intercondylar notch and marginal osteophytes. Small effusion.")
    ch.report("36554-4", "XR Knee 2 Views right", "2019-05-15", enc=a19,
              conclusion="Right total knee arthroplasty components in satisfactory alignment. No periprosthetic fracture. Expected postoperative soft tissue gas.")
    ch.report("66117-3", "Pathology report - right knee synovium and bone (arthroplasty)", "2019-05-14", cat="SP", enc=a19,
              conclusion="Synovium with villous hyperplasia and abundant hemosiderin-laden macrophages, consistent with hemophilic synovitis. Articular cartilage with "
                         "full-thickness degeneration. No malignancy.")
    ch.report("24685-0", "MRI Ankle WO contrast left", "2022-07-25",
              conclusion="Tibiotalar joint effusion with layering blood products (hemarthrosis). Synovial hypertrophy with hemosiderin blooming. Diffuse cartilage loss "
                         "and subchondral cysts of the talar dome. No fracture.")
    ch.report("24558-9", "US Abdomen limited (liver)", "2023-10-23", enc=htc["2023-10-23"],
              conclusion="Mildly coarse hepatic echotexture. No focal hepatic lesion. Spleen 12.1 cm. No ascites. Patent portal vein with hepatopetal flow.")
    for d, v, c in [("2016-11-14", 11.2, "Liver stiffness 11.2 kPa (IQR/median 12%), consistent with F3 advanced fibrosis. CAP 238 dB/m."),
                    ("2019-10-21", 8.0, "Liver stiffness 8.0 kPa, consistent with F2. Improved from 11.2 kPa in 2016."),
                    ("2023-10-23", 6.1, "Liver stiffness 6.1 kPa - no significant fibrosis (F0-F1). Continued regression after HCV cure.")]:
        ch.report("77644-5", "Transient elastography of liver (FibroScan)", d, cat="RAD", conclusion=c, enc=hepv.get(d) or htc.get(d))

    # procedures / devices
    ch.procedure("Yttrium-90 radiosynovectomy (radiosynoviorthesis) of left ankle", ("426373001", "Radiosynovectomy"), ("79440", "Radiopharmaceutical therapy, by intra-articular administration"),
                 when="2014-03-18", enc=rsv, reasons=[ankle], body="Left ankle", note="Factor VIII 50 IU/kg given before injection.")
    tka = ch.device("Total knee prosthesis", ("303465007", "Total knee replacement prosthesis"), "Stryker Triathlon total knee system, right, cruciate-retaining, cemented",
                    manufacturer="Stryker Orthopaedics", model="Triathlon CR", lot="MKR44921", udi=("07613327043322", "(01)07613327043322(10)MKR44921"))
    ch.procedure("Right total knee arthroplasty", ("609588000", "Total knee replacement"), ("27447", "Arthroplasty, knee, condyle and plateau; medial AND lateral compartments (total knee arthroplasty)"),
                 when="2019-05-14", enc=a19, reasons=[knee], devices=[tka], body="Right knee", performer="Dr. Brent Kowalski, MD (Orthopedic Surgery)")
    ch.dus(tka, "2019-05-14", reasons=[knee], body="Right knee")
    ch.procedure("Surgical extraction of tooth #30", ("55162003", "Tooth extraction"), None, when="2021-03-22", enc=dent, reasons=[abscess],
                 note="Local hemostasis with gelatin sponge and sutures; tranexamic acid mouthwash and tablets.")
    ch.procedure("Arthrocentesis of left ankle (aspiration of hemarthrosis)", ("7308004", "Aspiration of joint"), ("20605", "Arthrocentesis, aspiration and/or injection, intermediate joint"),
                 when="2022-07-16", enc=ed22, reasons=[hemarth], body="Left ankle", note="After Advate 4000 IU; 18 mL of dark blood aspirated.")
    for d in ["2016-11-14", "2019-10-21", "2023-10-23"]:
        ch.procedure("Transient elastography of liver (FibroScan)", ("446952002", "Transient elastography of liver"), ("91200", "Liver elastography, mechanically induced shear wave"),
                     when=d, reasons=[hcv] if d < "2018" else [fibro])
    afo = ch.device("Ankle foot orthosis", ("304120007", "Ankle-foot orthosis"), "Custom molded left ankle-foot orthosis", manufacturer="Hanger Clinic", model="Custom AFO")
    ch.dus(afo, "2022-08-29", reasons=[ankle], body="Left ankle", note="Worn for long walks and golf.")

    # immunizations
    for i, d in enumerate(["1985-06-10", "1985-07-15", "1985-12-09"]):
        ch.imm("08", "Hep B, adolescent or pediatric", d, dose=i + 1, series=3, site="Right deltoid (subcutaneous, fine needle)", text="Hepatitis B vaccine")
    ch.imm("83", "Hep A, ped/adol, 2 dose", "1996-04-08", dose=1, series=2, text="Hepatitis A vaccine (Havrix)")
    ch.imm("83", "Hep A, ped/adol, 2 dose", "1996-10-14", dose=2, series=2, text="Hepatitis A vaccine (Havrix)")
    for d in ["2015-10-12", "2016-10-17", "2017-10-16", "2018-10-15", "2019-10-21", "2020-09-14", "2021-10-18", "2022-10-17", "2023-10-23", "2024-10-21"]:
        ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", d, enc=htc[d], site="Left deltoid (23-gauge needle, pressure 5 min)",
               text="Influenza vaccine (Afluria quadrivalent)")
    ch.imm("115", "Tdap", "2019-04-22", text="Tdap (Boostrix)")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-03-08", dose=1, series=2, text="COVID-19 vaccine, Moderna")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-04-05", dose=2, series=2, text="COVID-19 vaccine, Moderna")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-11-22", dose=3, text="COVID-19 vaccine, Moderna booster")
    ch.imm("229", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, 50 mcg/0.5 mL dose", "2022-10-17", enc=htc["2022-10-17"], text="COVID-19 vaccine, Moderna bivalent booster")
    ch.imm("312", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Moderna", "2023-10-23", status="not-done",
           reason=("PATOBJ", "Patient declined updated COVID-19 vaccine", "patient objection"), text="COVID-19 vaccine 2023-2024 - declined", enc=htc["2023-10-23"])

    # allergies
    ch.allergy("Penicillin", (RXNORM, "70618", "penicillin"), "allergy", "medication", "low", "1986",
               [("Hives", ("126485001", "Urticaria"), "mild")], recorded="2015-10-12", note="Childhood reaction to penicillin V. Has tolerated cefazolin and cephalexin.")
    ch.allergy("Adhesive tape", (SNOMED, "1003755004", "Allergy to adhesive"), "allergy", "environment", "low", "2019-05-16",
               [("Blistering skin irritation under tape", ("40275004", "Contact dermatitis"), "mild")])

    # goals / careplans
    g1 = ch.goal("Zero treated bleeds per year on emicizumab prophylaxis", "2020-10-12", achievement="achieved", addresses=[hema], status_date="2024-10-21")
    g2 = ch.goal("Sustained virologic response 12 weeks after HCV treatment", "2017-04-10", lifecycle="completed", achievement="achieved", addresses=[hcv], status_date="2017-10-16")
    g3 = ch.goal("Walk 18 holes of golf without ankle bleed", "2022-10-17", achievement="in-progress", addresses=[ankle])
    ch.careplan("Hemophilia A comprehensive care plan", "Emicizumab prophylaxis every 2 weeks; Advate 50 IU/kg for breakthrough bleeds; annual HTC review.",
                "2020-10-12", addresses=[hema, ankle], goals=[g1, g3],
                activities=[("Emicizumab 240 mg subcutaneously every 2 weeks", "in-progress"),
                            ("Keep 2 doses of Advate at home; infuse 50 IU/kg and call HTC for any joint or muscle bleed", "in-progress"),
                            ("Annual chromogenic FVIII inhibitor test", "in-progress"),
                            ("Physical therapy and ankle-foot orthosis", "in-progress"),
                            ("Dental review every 6 months", "in-progress"),
                            ("Do not use activated PCC (FEIBA) above 50 U/kg/day while on emicizumab", "in-progress")])
    ch.careplan("Hepatitis C treatment plan", "Sofosbuvir/velpatasvir 12 weeks; HCV RNA at week 4, end of treatment and 12 weeks after.",
                "2017-04-10", status="completed", end="2017-10-16", addresses=[hcv], goals=[g2],
                activities=[("Sofosbuvir/velpatasvir daily x12 weeks", "completed"), ("SVR12 HCV RNA", "completed")])

    # family history
    ch.fmh("MGRFTH", "male", [("Hemophilia A", ("28293008", "Hereditary factor VIII deficiency disease"), 2, True)], deceased=34,
           note="Died after bleeding following a farm accident, 1950s.")
    ch.fmh("MTH", "female", [("Carrier of hemophilia A", ("76199006", "Hemophilia A carrier"), None)])
    ch.fmh("FTH", "male", [("Essential hypertension", ("59621000", "Essential hypertension"), 48)])
    ch.fmh("DAU", "female", [("Obligate carrier of hemophilia A", ("76199006", "Hemophilia A carrier"), None)], note="Daughter, born 2008; factor VIII level 46%.")

    # notes
    ch.note("progress", "2009-06-08", """
HEPATOLOGY CLINIC
HCV genotype 1a. Week 12 HCV RNA 1,200,000 IU/mL (baseline 4,850,000) - less than 2-log drop = null response.
He has had crushing fatigue, low mood with tearfulness, and hemoglobin fell to 9.6 on ribavirin. He missed 3 weeks of work
at the school.
Plan: stop peginterferon and ribavirin (futility rule plus side effects). Await direct-acting antivirals. Avoid alcohol.
Hepatitis A and B immune.
""", HEP, enc=hepv["2009-06-08"])
    ch.note("progress", "2017-07-10", """
HEPATOLOGY CLINIC
Completed 12 weeks of sofosbuvir/velpatasvir (Epclusa) on 07/03/2017, no missed doses, no side effects other than mild
headache the first week. HCV RNA not detected at week 4. FibroScan 11.2 kPa last year (F3).
Plan: HCV RNA 12 weeks after end of treatment for SVR12. Continue HCC ultrasound surveillance given advanced fibrosis
until elastography improves.
""", HEP, enc=hepv["2017-07-10"])
    ch.note("discharge", "2019-05-20T11:00", """
ORTHOPEDIC SURGERY DISCHARGE SUMMARY
Right total knee arthroplasty 05/14/2019 (Stryker Triathlon, cemented) for end-stage hemophilic arthropathy.
Hemostasis per HTC: Advate 50 IU/kg bolus then continuous infusion 4 IU/kg/h; FVIII 112% post-bolus, 86% on day 2.
No pharmacologic VTE prophylaxis given (severe hemophilia on factor replacement) - sequential compression devices and early
mobilization only. Drain output acceptable; hemoglobin nadir 11.2. No wound hematoma.
Disposition: inpatient rehabilitation facility. Factor VIII to continue at 50% trough for 2 weeks then prophylaxis.
""", "Dr. Brent Kowalski, MD (Orthopedic Surgery)", enc=a19)
    ch.note("progress", "2020-09-14", """
HEMOPHILIA TREATMENT CENTER - ANNUAL VISIT
Severe hemophilia A, no inhibitor history in adulthood. On Advate 3000 IU three times weekly. 3 treated bleeds this year.
He is tired of infusing three times a week and his veins are getting harder to access - two infusions last month took
4 sticks each. He asked about Hemlibra after reading about it.
Plan: switch to emicizumab: 3 mg/kg weekly x4 loading starting today, then 3 mg/kg every 2 weeks. Stop Advate prophylaxis
at the end of the loading phase; keep Advate at home for breakthrough bleeds (50 IU/kg). Avoid aPCC. Lab informed that aPTT-based
assays will be unreliable. Injection teaching with the HTC nurse.
""", HTC, enc=htc["2020-09-14"])
    ch.note("procedure", "2021-03-22", """
HTC DENTAL PROCEDURE NOTE
Extraction of tooth #30 with periapical abscess (on clindamycin since 03/15 - penicillin allergy).
Hemostasis plan per HTC: on emicizumab maintenance; single dose of Advate 2000 IU IV 30 minutes before extraction, plus
tranexamic acid 1300 mg three times daily for 5 days and tranexamic acid mouthwash. Gelatin sponge and sutures placed.
Minimal bleeding. Soft diet 48 hours; call HTC for oozing beyond 24 hours.
""", "Dr. Paul Okonkwo, DMD (HTC Dental)", enc=dent)
    ch.note("ed", "2022-07-16T21:00", """
EMERGENCY DEPARTMENT NOTE
43M with severe hemophilia A on emicizumab (last dose 07/11) with left ankle pain and swelling after he twisted it stepping
off a curb outside a restaurant about 3 hours ago. Unable to bear weight.
Left ankle warm, tense effusion. Called HTC on-call hematologist: Advate 4000 IU (50 IU/kg) given IV at 20:45. Ankle
aspirated after factor: 18 mL dark blood. Ice, elevation, splint. No NSAIDs other than his celecoxib.
Disposition: home with crutches, HTC follow-up in 48 hours; repeat Advate 2000 IU tomorrow if pain worsens.
""", "Dr. Imani Scott, MD (Emergency Medicine)", enc=ed22)
    ch.note("progress", "2023-10-23", """
HEMOPHILIA TREATMENT CENTER - ANNUAL VISIT
No treated bleeds in the last 12 months. Injects emicizumab into his abdomen every other Sunday, no injection-site reactions.
Teaches high school chemistry and plays golf most weekends - walks 9 holes with the ankle brace.
Chromogenic inhibitor negative. FibroScan 6.1 kPa - fibrosis has regressed since HCV cure. Liver US without lesion.
He declined the updated COVID vaccine today.
Plan: continue emicizumab and on-demand Advate. PT for ankle strengthening. Return 1 year.
""", HTC, enc=htc["2023-10-23"])
    ch.note("progress", "2024-10-21", """
HEMOPHILIA TREATMENT CENTER - ANNUAL VISIT
Doing well. No joint bleeds this year. In June he had one nosebleed after a dry airplane flight that stopped with 15
minutes of pressure - did not need Advate. Left ankle aches after 18 holes; right knee replacement pain-free.
BP 124/80. HJHS 21. Inhibitor negative.
Plan: continue emicizumab 240 mg every 2 weeks; saline nasal gel before flights. Advate home supply refreshed (2 doses,
expires 2026). Daughter (16) has FVIII 46% - discuss bleeding precautions and genetic counseling with family.
""", HTC, enc=htc["2024-10-21"])

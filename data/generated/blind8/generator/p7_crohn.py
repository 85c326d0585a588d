"""Patient 7: young man with Crohn's ileocolitis: thiopurine pancreatitis, infliximab failure, resection with end ileostomy,
ustekinumab."""
from lib import *  # noqa


def build(Q):
    c = Chart(7, "-08:00", "male", "Gastroenterology IBD clinic visit", "Willamette Valley Digestive Health")
    c.now = "2025-06-03"
    c.kind = "bulk"
    c.history = ("34-year-old man with Crohn's ileocolitis since 2012: mesalamine failed, azathioprine pancreatitis, "
                 "infliximab lost response with antibodies, perianal fistula with seton, perforation 2020 with ileocecal "
                 "resection and end ileostomy (PICC/TPN), now ustekinumab every 4 weeks, B12 and iron deficiency, "
                 "high-output stoma with AKI, kidney stone.")
    c.make_patient(["Ethan", "Joseph"], "Mercer", "1991-03-27", "male", "2219 Alder St", "Eugene", "OR", "97405",
                   "541-555-0102", marital=("U", "unmarried"), mrn="WVDH-774520")

    ed1 = c.enc("EMER", "2016-05-02", type_text="Emergency department visit", reason="Watery diarrhea 12 times a day",
                dispo="home", hm="10:20", hm_end="16:45")
    ed2 = c.enc("EMER", "2019-09-15", type_text="Emergency department visit", reason="Crohn's flare with abdominal pain",
                dispo="home", hm="19:05", hm_end="23:40")
    ed3 = c.enc("EMER", "2022-10-03", type_text="Emergency department visit", reason="Left flank pain (renal colic)",
                dispo="home", hm="03:30", hm_end="08:15")
    adm1 = c.enc("IMP", "2013-11-20", "2013-11-24", type_text="Hospital admission", reason="Acute pancreatitis on azathioprine",
                 admit="emd", dispo="home", hm="12:40")
    adm2 = c.enc("IMP", "2020-02-16", "2020-03-05", type_text="Hospital admission",
                 reason="Perforated terminal ileitis with abscess", admit="emd", dispo="home",
                 dispo_text="Home with home health services (ostomy nurse, home TPN)", hm="02:15")
    adm3 = c.enc("IMP", "2021-08-11", "2021-08-14", type_text="Hospital admission",
                 reason="Dehydration and acute kidney injury from high-output ileostomy", admit="emd", dispo="home", hm="09:50")
    gi = ["2012-04-03", "2012-04-17", "2013-02-12", "2013-06-11", "2013-09-17", "2013-10-01", "2013-12-10", "2014-03-04",
          "2015-06-09", "2017-04-25", "2017-05-16", "2018-08-14", "2019-09-24", "2019-11-12", "2020-03-31", "2020-06-02",
          "2021-02-16", "2021-08-17", "2022-02-15", "2022-05-17", "2023-03-07", "2023-06-13", "2024-05-14", "2025-04-15"]
    for d in gi:
        c.enc_on(d)
    colo_e = c.enc("AMB", "2012-04-10", type_text="Endoscopy center visit", reason="Chronic diarrhea and weight loss",
                   hm="07:30", hm_end="11:00")
    crs = c.enc("AMB", "2018-06-26", type_text="Colorectal surgery clinic visit", reason="Perianal fistula")
    eua_e = c.enc("AMB", "2018-07-09", type_text="Ambulatory surgery", reason="Perianal fistula", hm="07:00", hm_end="13:00")
    set_e = c.enc("AMB", "2021-03-15", type_text="Colorectal surgery clinic visit", reason="Seton removal")
    ile_e = c.enc("AMB", "2022-10-25", type_text="Endoscopy center visit", reason="Ileoscopy via stoma", hm="07:30",
                  hm_end="11:00")
    inf_e = {d: c.enc("AMB", d, type_text="Infusion center visit", reason="Infusion", hm="09:00")
             for d in ["2014-01-07", "2019-10-01", "2019-10-08", "2020-04-07", "2023-03-14"]}

    # ---- conditions
    cd = c.cond("Crohn's disease of small and large intestine (ileocolitis)",
                icd=("K50.80", "Crohn's disease of both small and large intestine without complications"),
                sct=("34000006", "Crohn's disease"), onset="2012-04-10")
    c.cond("Ulcerative colitis", icd=("K51.90", "Ulcerative colitis, unspecified, without complications"),
           onset="2012-04-03", ver="entered-in-error", note="Entered in error before colonoscopy; diagnosis is Crohn's disease.")
    tb = c.cond("Intestinal tuberculosis", icd=("A18.32", "Tuberculous enteritis"), onset="2012-04-10", clin="inactive",
                ver="refuted", note="Granulomas on biopsy; AFB stain and culture negative, QuantiFERON negative.")
    panc = c.cond("Acute pancreatitis due to azathioprine", icd=("K85.30", "Drug induced acute pancreatitis without necrosis or infection"),
                  onset="2013-11-20", abate="2013-12-10", clin="resolved", cat="encounter-diagnosis", enc=adm1)
    cdi = c.cond("Clostridioides difficile colitis", icd=("A04.72", "Enterocolitis due to Clostridium difficile, not specified as recurrent"),
                 onset="2016-05-02", abate="2016-05-20", clin="resolved", cat="encounter-diagnosis", enc=ed1)
    fist = c.cond("Perianal fistula (transsphincteric) due to Crohn's disease", icd=("K60.3", "Anal fistula"),
                  onset="2018-06-19", abate="2021-03-15", clin="resolved")
    ida1 = c.cond("Iron deficiency anemia", icd=("D50.9", "Iron deficiency anemia, unspecified"),
                  sct=("87522002", "Iron deficiency anemia"), onset="2019-09-24", abate="2020-06-02", clin="resolved")
    perf = c.cond("Perforated terminal ileitis with abscess", icd=("K50.014", "Crohn's disease of small intestine with abscess"),
                  onset="2020-02-16", abate="2020-03-05", clin="resolved", cat="encounter-diagnosis", enc=adm2)
    ost = c.cond("Ileostomy status", icd=("Z93.2", "Ileostomy status"), onset="2020-02-18")
    b12d = c.cond("Vitamin B12 deficiency after ileal resection", icd=("E53.8", "Deficiency of other specified B group vitamins"),
                  onset="2021-02-16")
    aki = c.cond("Acute kidney injury (prerenal) from high-output ileostomy", icd=("N17.9", "Acute kidney failure, unspecified"),
                 onset="2021-08-11", abate="2021-08-17", clin="resolved", cat="encounter-diagnosis", enc=adm3)
    hiout = c.cond("High-output ileostomy with dehydration", icd=("E86.0", "Dehydration"), onset="2021-08-11",
                   abate="2021-08-17", clin="resolved", cat="encounter-diagnosis", enc=adm3)
    hypomg = c.cond("Hypomagnesemia", icd=("E83.42", "Hypomagnesemia"), onset="2021-08-11")
    stone = c.cond("Calculus of left ureter", icd=("N20.1", "Calculus of ureter"), onset="2022-10-03", abate="2022-10-17",
                   clin="resolved", cat="encounter-diagnosis", enc=ed3)
    ida2 = c.cond("Iron deficiency anemia", icd=("D50.9", "Iron deficiency anemia, unspecified"),
                  sct=("87522002", "Iron deficiency anemia"), onset="2023-03-07", abate="2023-06-13", clin="resolved")

    # ---- medications
    mes = c.med(("52582", "mesalamine 1200 MG Delayed Release Oral Tablet"), "Lialda 1.2 g DR tablet", "2012-04-17",
                "Take 4 tablets (4.8 g) by mouth once daily with food", status="stopped", end="2013-06-11", reason_ref=[cd],
                status_reason="Lack of efficacy")
    p1 = c.med(("312617", "prednisone 20 MG Oral Tablet"), "prednisone 20 mg tablet", "2012-04-17",
               "40 mg daily for 2 weeks, then taper by 5 mg weekly", status="completed", end="2012-06-12", reason_ref=[cd])
    bud = c.med(("1549323", "budesonide 3 MG Extended Release Oral Capsule"), "Entocort EC 3 mg capsule", "2013-02-12",
                "Take 3 capsules (9 mg) by mouth every morning for 8 weeks then taper", status="completed", end="2013-05-07",
                reason_ref=[cd])
    p2 = c.med(("312617", "prednisone 20 MG Oral Tablet"), "prednisone 20 mg tablet", "2013-06-11",
               "40 mg daily for 2 weeks, then taper by 5 mg weekly", status="completed", end="2013-08-06", reason_ref=[cd])
    aza = c.med(("359228", "azathioprine 50 MG Oral Tablet"), "azathioprine 50 mg tablet", "2013-10-01",
                "Take 2 tablets (100 mg) by mouth daily", status="stopped", end="2013-11-20", reason_ref=[cd],
                status_reason="Drug-induced acute pancreatitis")
    ifx1 = c.med(("310994", "infliximab 100 MG Injection"), "Remicade 100 mg vial", "2014-01-07",
                 "5 mg/kg IV at weeks 0, 2, 6 then every 8 weeks", status="stopped", end="2017-05-16", reason_ref=[cd],
                 status_reason="Dose increased for low trough level", enc=inf_e["2014-01-07"])
    vanc = c.med(("1807510", "vancomycin 125 MG Oral Capsule"), "vancomycin 125 mg capsule", "2016-05-02",
                 "Take 1 capsule by mouth four times daily for 10 days", status="completed", end="2016-05-12",
                 reason_ref=[cdi], enc=ed1)
    ifx2 = c.med(("310994", "infliximab 100 MG Injection"), "Remicade 100 mg vial", "2017-05-16",
                 "10 mg/kg IV every 8 weeks", status="stopped", end="2019-11-12", reason_ref=[cd],
                 status_reason="Loss of response with antibodies to infliximab")
    metro = c.med(("311681", "metronidazole 500 MG Oral Tablet"), "metronidazole 500 mg tablet", "2018-06-26",
                  "Take 1 tablet by mouth three times daily for 6 weeks", status="completed", end="2018-08-07",
                  reason_ref=[fist])
    cipro = c.med(("197511", "ciprofloxacin 500 MG Oral Tablet"), "ciprofloxacin 500 mg tablet", "2018-06-26",
                  "Take 1 tablet by mouth twice daily for 6 weeks", status="completed", end="2018-08-07", reason_ref=[fist])
    p3 = c.med(("312617", "prednisone 20 MG Oral Tablet"), "prednisone 20 mg tablet", "2019-09-15",
               "40 mg daily for 2 weeks, then taper by 5 mg weekly", status="completed", end="2019-11-10", reason_ref=[cd],
               enc=ed2)
    fcm1 = c.med(("1433873", "ferric carboxymaltose 50 MG/ML Injectable Solution"), "Injectafer 750 mg/15 mL vial",
                 "2019-10-01", "750 mg IV; repeat in 7 days (total 1500 mg)", status="completed", end="2019-10-08",
                 reason_ref=[ida1])
    pip = c.med(("1659149", "piperacillin 4000 MG / tazobactam 500 MG Injection"), "piperacillin-tazobactam 4.5 g IV",
                "2020-02-16", "4.5 g IV every 6 hours", status="completed", end="2020-02-28", reason_ref=[perf],
                category="inpatient", enc=adm2)
    ust1 = c.med(("1657973", "ustekinumab 5 MG/ML Injectable Solution"), "Stelara 130 mg/26 mL vial", "2020-04-07",
                 "390 mg IV once (induction)", status="completed", end="2020-04-07", reason_ref=[cd], enc=inf_e["2020-04-07"])
    ust2 = c.med(("847083", "ustekinumab 90 MG/ML Prefilled Syringe"), "Stelara 90 mg/mL prefilled syringe", "2020-06-02",
                 "Inject 90 mg subcutaneously every 8 weeks", status="stopped", end="2023-06-13", reason_ref=[cd],
                 status_reason="Dose interval shortened to every 4 weeks")
    b12 = c.med(("11248", "cyanocobalamin 1 MG/ML Injectable Solution"), "cyanocobalamin 1000 mcg/mL injection", "2021-02-16",
                "Inject 1000 mcg intramuscularly once monthly", reason_ref=[b12d], dose=(1000, "ug"))
    lop = c.med(("978010", "loperamide hydrochloride 2 MG Oral Capsule"), "loperamide 2 mg capsule", "2021-08-14",
                "Take 2 capsules (4 mg) by mouth four times daily 30 minutes before meals and at bedtime", reason_ref=[hiout],
                enc=adm3)
    mgo = c.med(("311483", "magnesium oxide 400 MG Oral Tablet"), "magnesium oxide 400 mg tablet", "2021-08-14",
                "Take 1 tablet by mouth twice daily", reason_ref=[hypomg], enc=adm3)
    tam = c.med(("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule"), "tamsulosin 0.4 mg capsule", "2022-10-03",
                "Take 1 capsule by mouth daily for 14 days to help pass the stone", status="completed", end="2022-10-17",
                reason_ref=[stone], enc=ed3)
    fcm2 = c.med(("1433873", "ferric carboxymaltose 50 MG/ML Injectable Solution"), "Injectafer 750 mg/15 mL vial",
                 "2023-03-07", "750 mg IV; repeat in 7 days (total 1500 mg)", status="completed", end="2023-03-14",
                 reason_ref=[ida2])
    ust3 = c.med(("847083", "ustekinumab 90 MG/ML Prefilled Syringe"), "Stelara 90 mg/mL prefilled syringe", "2023-06-13",
                 "Inject 90 mg subcutaneously every 4 weeks", reason_ref=[cd], dose=(90, "mg"))
    active = [b12, lop, mgo, ust3]
    pred = [p1, p2, p3]

    # ---- observations
    for d, v, hm in [("2012-04-03", 48, "08:15"), ("2013-06-11", 36, "08:15"), ("2014-03-04", 8, "08:15"),
                     ("2015-06-09", 4, "08:15"), ("2016-05-02", 22, "11:00"), ("2017-04-25", 18, "08:15"),
                     ("2018-08-14", 7, "08:15"), ("2019-09-24", 41, "08:15"), ("2020-02-16", 186, "03:00"),
                     ("2020-06-02", 12, "08:15"), ("2021-02-16", 3, "08:15"), ("2022-02-15", 2.4, "08:15"),
                     ("2022-10-25", 9, "07:40"), ("2023-06-13", 11, "08:15"), ("2024-05-14", 3.2, "08:15"),
                     ("2025-04-15", 1.8, "08:15")]:
        c.lab("crp", d, v, hm=hm)
    for d, v, hm in [("2014-03-04", 220, "08:15"), ("2015-06-09", 85, "08:15"), ("2017-04-25", 640, "08:15"),
                     ("2018-08-14", 180, "08:15"), ("2019-09-24", 1240, "08:15"), ("2022-10-25", 310, "07:40"),
                     ("2024-05-14", 42, "08:15")]:
        c.lab("calpro", d, v, hm=hm)
    for d, v, hm in [("2012-04-03", 11.2, "08:15"), ("2013-06-11", 12.1, "08:15"), ("2014-03-04", 13.8, "08:15"),
                     ("2016-05-02", 13.1, "11:00"), ("2017-04-25", 12.9, "08:15"), ("2019-09-24", 10.3, "08:15"),
                     ("2019-11-12", 12.4, "08:15"), ("2020-02-16", 10.8, "03:00"), ("2020-02-25", 8.9, "05:30"),
                     ("2020-06-02", 12.2, "08:15"), ("2021-02-16", 13.9, "08:15"), ("2022-02-15", 14.4, "08:15"),
                     ("2023-03-07", 11.6, "08:15"), ("2023-06-13", 13.2, "08:15"), ("2024-05-14", 14.6, "08:15"),
                     ("2025-04-15", 14.8, "08:15")]:
        c.lab("hgb", d, v, hm=hm)
    for d, v in [("2019-09-24", 9), ("2020-06-02", 156), ("2021-02-16", 88), ("2022-02-15", 51), ("2023-03-07", 12),
                 ("2023-06-13", 210), ("2024-05-14", 134), ("2025-04-15", 98)]:
        c.lab("ferritin", d, v)
    for d, v, hm in [("2012-04-03", 3.1, "08:15"), ("2019-09-24", 3.2, "08:15"), ("2020-02-16", 2.4, "03:00"),
                     ("2020-03-04", 2.7, "05:30"), ("2020-06-02", 3.6, "08:15"), ("2023-06-13", 3.9, "08:15"),
                     ("2025-04-15", 4.3, "08:15")]:
        c.lab("alb", d, v, hm=hm)
    for d, v in [("2021-02-16", 148), ("2021-08-17", 362), ("2022-02-15", 455), ("2024-05-14", 512)]:
        c.lab("b12", d, v)
    for d, v, hm in [("2020-06-02", 0.9, "08:15"), ("2021-08-11", 2.4, "10:30"), ("2021-08-13", 1.5, "05:30"),
                     ("2021-08-17", 1.1, "08:15"), ("2023-06-13", 0.92, "08:15"), ("2025-04-15", 1.04, "08:15")]:
        c.lab("creat", d, v, hm=hm)
    for d, v, hm in [("2021-08-11", 1.3, "10:30"), ("2021-08-17", 1.8, "08:15"), ("2023-06-13", 1.6, "08:15"),
                     ("2025-04-15", 1.9, "08:15")]:
        c.lab("mg", d, v, hm=hm)
    c.lab("k", "2021-08-11", 3.1, hm="10:30")
    for d, v, hm in [("2013-11-20", 890, "13:10"), ("2013-11-23", 145, "05:30"), ("2013-12-10", 48, "08:15")]:
        c.lab("lipase", d, v, hm=hm)
    c.qual((LOC, "TPMT-ACT", "Thiopurine methyltransferase enzyme activity"), "2013-09-17", "Normal activity (wild type)",
           interp="N")
    neg = (SCT, "260385009", "Negative")
    qft = [c.qual((LOC, "QFT-PLUS", "QuantiFERON-TB Gold Plus"), d, "Negative", interp="N", value_cc=neg)
           for d in ["2013-12-10", "2020-03-31", "2024-05-14"]]
    c.qual((LNC, "5196-1", "Hepatitis B virus surface Ag [Presence] in Serum"), "2013-12-10", "Negative", interp="N",
           value_cc=neg)
    for d, v in [("2017-04-25", 2.1), ("2018-08-14", 6.8), ("2019-09-24", 0.3)]:
        c.lab("ifx", d, v, note="Trough level drawn immediately before infusion.")
    for d, v in [("2017-04-25", 1.2), ("2019-09-24", 28.4)]:
        c.lab("ati", d, v)
    for d, v in [("2021-08-11", 2400), ("2021-08-17", 1300), ("2023-06-13", 1100), ("2025-04-15", 900)]:
        c.lab("ostout", d, v, hm="08:00")
    for d, v, hm in [("2012-04-03", 64.2, "08:05"), ("2014-03-04", 70.5, "08:05"), ("2019-09-24", 66.8, "08:05"),
                     ("2020-03-04", 58.9, "06:00"), ("2020-06-02", 62.4, "08:05"), ("2021-02-16", 65.3, "08:05"),
                     ("2022-02-15", 67.3, "08:05"), ("2023-06-13", 68.1, "08:05"), ("2024-05-14", 70.2, "08:05"),
                     ("2025-04-15", 71.4, "08:05")]:
        c.lab("weight", d, v, hm=hm)
    bpd = ["2012-04-17", "2013-06-11", "2014-03-04", "2015-06-09", "2017-04-25", "2018-08-14", "2019-11-12", "2020-06-02",
           "2021-02-16", "2022-02-15", "2023-06-13", "2024-05-14", "2025-04-15"]
    bps = [(118, 72), (116, 70), (122, 74), (120, 76), (118, 74), (124, 78), (112, 70), (108, 66), (116, 72), (120, 76),
           (118, 74), (122, 78), (120, 76)]
    for d, (s, di) in zip(bpd, bps):
        c.bp(d, s, di)
    smk = c.smoking("2025-04-15", "8517006", "Ex-smoker", note="Quit March 2014.")
    c.social_qty("8664-5", "Cigarette pack-years", "2025-04-15", 5, "{pack-years}")
    c.social_qty("75626-2", "Total score [AUDIT-C]", "2025-04-15", 3, "{score}")

    # ---- reports
    colo = c.report((LNC, "18746-8", "Colonoscopy study"), "2012-04-10", "OTH",
                    "Deep serpiginous ulcers of the terminal ileum over 15 cm; patchy right-sided colitis with skip areas; "
                    "rectum spared. Biopsies taken.", text="Colonoscopy with ileoscopy", enc=colo_e)
    colo_path = c.report((LNC, "11526-1", "Pathology study"), "2012-04-10", "SP",
                         "Terminal ileum and right colon biopsies: chronic active ileocolitis with non-caseating granulomas, "
                         "consistent with Crohn's disease. AFB stain negative.", text="Surgical pathology - ileocolonic biopsies",
                         enc=colo_e, hm="16:00")
    mre1 = c.report((LNC, "30817-9", "MR Abdomen and Pelvis enterography"), "2017-05-09", "RAD",
                    "25 cm of active inflammation of the terminal ileum with mural hyperenhancement and early stricture "
                    "(luminal narrowing to 5 mm) without upstream dilation. No abscess or fistula.", text="MR enterography",
                    enc=c.enc("AMB", "2017-05-09", type_text="Outpatient imaging", reason="Crohn's disease activity"))
    mrp = c.report((LNC, "30763-5", "MR Pelvis WO and W contrast IV"), "2018-06-19", "RAD",
                   "Transsphincteric perianal fistula at 7 o'clock with a small 8 mm intersphincteric collection.",
                   text="MRI pelvis fistula protocol",
                   enc=c.enc("AMB", "2018-06-19", type_text="Outpatient imaging", reason="Perianal pain and drainage"))
    ct1 = c.report((LNC, "36813-4", "CT Abdomen and Pelvis W contrast IV"), "2020-02-16", "RAD",
                   "Contained perforation of the terminal ileum with a 5 cm right lower quadrant abscess and extraluminal gas. "
                   "Thickened terminal ileum over 20 cm.", text="CT abdomen/pelvis with contrast", enc=adm2, hm="04:10")
    spath = c.report((LNC, "11526-1", "Pathology study"), "2020-02-18", "SP",
                     "Ileocecal resection: Crohn's disease with transmural inflammation, fissuring ulcers, non-caseating "
                     "granulomas and perforation with serositis. Margins free of active disease. 6 benign lymph nodes.",
                     text="Surgical pathology - ileocecal resection", enc=adm2, hm="16:00")
    cxr = c.report((LNC, "36643-5", "XR Chest 2 Views"), "2020-03-31", "RAD",
                   "No active or prior granulomatous disease. Lungs clear.", text="Chest x-ray (TB screening before ustekinumab)")
    cts = c.report((LNC, "30598-5", "CT Abdomen and Pelvis WO contrast"), "2022-10-03", "RAD",
                   "4 mm obstructing stone at the left ureterovesical junction with mild left hydronephrosis.",
                   text="CT stone protocol", enc=ed3, hm="04:20")
    ile = c.report((LNC, "18751-8", "Endoscopy study"), "2022-10-25", "OTH",
                   "Ileoscopy via end ileostomy: scattered aphthous ulcers in the distal 10 cm of neo-terminal ileum "
                   "(mild recurrence).", text="Ileoscopy through stoma", enc=ile_e)
    mre2 = c.report((LNC, "30817-9", "MR Abdomen and Pelvis enterography"), "2024-05-14", "RAD",
                    "No active inflammation of the small bowel. End ileostomy in the right lower quadrant without "
                    "parastomal hernia.", text="MR enterography")

    # ---- procedures & devices
    c.proc((SCT, "446745002", "Colonoscopy and biopsy of colon"), "2012-04-10", enc=colo_e, reports=[colo, colo_path],
           hm="08:00")
    seton, seton_dus = c.device((SCT, "706127000", "Seton"), "Silicone vessel-loop seton", start="2018-07-09",
                                end="2021-03-15", reason_ref=[fist], status="inactive",
                                body_site=("53505006", "Anal structure", "Perianal"))
    c.proc((SCT, "387794001", "Insertion of seton into anal fistula"), "2018-07-09", enc=eua_e, devices=[seton],
           reason_ref=[fist], text="Exam under anesthesia with draining seton placement", hm="08:30")
    c.proc((SCT, "232960004", "Percutaneous drainage of abdominal abscess"), "2020-02-16", enc=adm2, reason_ref=[perf],
           outcome="unsuccessful", outcome_text="Drain not placed - abscess not safely accessible; proceeded to surgery", hm="06:00")
    res = c.proc((SCT, "174039006", "Ileocecal resection"), "2020-02-18", enc=adm2, reports=[spath], reason_ref=[perf],
                 body_site=("85774003", "Terminal ileum structure"), hm="08:00",
                 text="Ileocecal resection with end ileostomy",
                 note="Open ileocecal resection; end ileostomy in the right lower quadrant; no anastomosis because of contamination.")
    picc, picc_dus = c.device((SCT, "52124006", "Central venous catheter"), "PICC line 5 Fr double lumen",
                              manufacturer="Arrow", model="5 Fr double-lumen PICC", start="2020-02-20", end="2020-03-20",
                              reason="Parenteral nutrition after bowel perforation", status="inactive",
                              body_site=("53085002", "Right basilic vein"))
    c.proc((SCT, "431667000", "Insertion of peripherally inserted central catheter"), "2020-02-20", enc=adm2, devices=[picc],
           body_site=("53085002", "Right basilic vein"), hm="14:00", note="PICC for TPN; removed 2020-03-20 at home.")
    c.proc((SCT, "180208003", "Red blood cell transfusion"), "2020-02-25", enc=adm2, note="1 unit packed red cells for Hb 8.9.",
           hm="12:00")
    bag, bag_dus = c.device((SCT, "467143007", "Ileostomy bag"), "Hollister New Image two-piece drainable ileostomy pouch",
                            manufacturer="Hollister", model="New Image 57 mm flange, drainable", start="2020-02-18",
                            reason_ref=[ost], body_site=("68505006", "Right lower quadrant of abdomen"))
    c.proc((SCT, "177315003", "Removal of seton from anal fistula"), "2021-03-15", enc=set_e, devices=[seton],
           reason_ref=[fist], hm="10:00")
    c.proc((SCT, "44441009", "Endoscopy of ileum through stoma"), "2022-10-25", enc=ile_e, reports=[ile], hm="08:00")

    # ---- immunizations
    yf_nd = c.imm(("37", "yellow fever vaccine"), "2018-02-13", status="not-done", reason="MEDPREC",
                  reason_text="Live vaccine contraindicated on infliximab; trip to Peru changed")
    c.imm(("115", "Tdap"), "2014-03-04", dose=1)
    hepb = [c.imm(("43", "Hep B, adult"), d, dose=i + 1, series=("Hep B adult 3-dose (Engerix-B)", 3), manufacturer="GSK")
          for i, d in enumerate(["2013-12-10", "2014-01-14", "2014-06-10"])]
    c.imm(("133", "Pneumococcal conjugate PCV 13"), "2014-03-04", dose=1, series=("Pneumococcal immunocompromised", None))
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2015-06-09", dose=2, series=("Pneumococcal immunocompromised", None))
    c.imm(("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate"), "2023-06-13", dose=3,
          series=("Pneumococcal immunocompromised", None))
    c.imm(("187", "zoster vaccine recombinant"), "2022-02-15", dose=1, series=("Shingrix", 2), manufacturer="GSK")
    c.imm(("187", "zoster vaccine recombinant"), "2022-05-17", dose=2, series=("Shingrix", 2), manufacturer="GSK")
    for d in ["2019-10-15", "2020-10-13", "2021-10-19", "2022-10-18", "2023-10-24", "2024-10-22"]:
        c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), d, dose=1, series=("Seasonal influenza", 1))
    for i, d in enumerate(["2021-04-20", "2021-05-18", "2022-01-11"]):
        c.imm(("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose"), d, dose=i + 1, series=("COVID-19 Moderna", None),
              manufacturer="Moderna")
    c.imm(("312", "COVID-19, mRNA, LNP-S, PF, 50 mcg/0.5 mL dose (2023-2024)"), "2023-10-24", dose=1,
          series=("COVID-19 2023-2024", 1), manufacturer="Moderna")

    # ---- allergies, family, goals, plans
    al_i = c.allergy((RXN, "191831", "infliximab"), "Infliximab (Remicade)", "medication", "high",
                     [("126485001", "Urticaria", "moderate", "Hives during infusion"),
                      ("267036007", "Dyspnea", "moderate", "Shortness of breath during infusion")],
                     onset="2019-09-24", recorded="2019-09-24",
                     note="Reaction during the 2019-09-24 infusion; antibodies to infliximab 28.4 U/mL.")
    c.allergy((RXN, "1256", "azathioprine"), "Azathioprine", "medication", "high",
              [("197456007", "Acute pancreatitis", "severe", "Pancreatitis 7 weeks after starting")], onset="2013-11-20",
              recorded="2013-11-24", atype="intolerance", note="Do not rechallenge with thiopurines.")
    c.allergy((SCT, "232347008", "Cat dander"), "Cat dander", "environment", "low",
              [("61582004", "Allergic rhinitis", "mild", None)], onset="2005-01-01", recorded="2012-04-17")
    fm_s = c.fmh(("SIS", "sister"), "female", [("64766004", "Ulcerative colitis", 24)], "2012-04-17", name="Claire")
    c.fmh(("FTH", "father"), "male", [("68496003", "Polyp of colon", 58, "Adenomatous polyps")], "2012-04-17")
    c.fmh(("MTH", "mother"), "female", [("44054006", "Diabetes mellitus type 2", 55)], "2012-04-17")
    g_crp = c.goal("CRP below 5 mg/L", "2023-06-13", "achieved",
                   target={"measure": cc(LNC, "1988-5", "C reactive protein [Mass/volume] in Serum or Plasma"),
                           "detailQuantity": {"value": 5, "comparator": "<", "unit": "mg/L", "system": UCUM, "code": "mg/L"}},
                   addresses=[cd], status_date="2024-05-14")
    g_sf = c.goal("Steroid-free remission for at least 12 months", "2020-04-07", "achieved", addresses=[cd],
                  status_date="2021-02-16")
    g_wt = c.goal("Weight at or above 72 kg", "2023-06-13", "in-progress",
                  target={"measure": cc(LNC, "29463-7", "Body weight"),
                          "detailQuantity": {"value": 72, "comparator": ">=", "unit": "kg", "system": UCUM, "code": "kg"}},
                  addresses=[cd], status_date="2025-04-15")
    c.careplan("Crohn's disease maintenance plan", "2020-04-07",
               [("Ustekinumab 90 mg SC (every 4 weeks since 2023-06-13)", "in-progress"),
                ("CRP, CBC, ferritin, B12 every 6 months; calprotectin yearly", "in-progress"),
                ("MR enterography or ileoscopy every 1-2 years", "in-progress"), ("Yearly QuantiFERON", "in-progress")],
               goals=[g_crp, g_sf, g_wt], addresses=[cd])
    c.careplan("Ileostomy care", "2020-03-05",
               [("Empty pouch when one-third full; change wafer every 4 days", "in-progress"),
                ("Oral rehydration solution 1 L daily; loperamide before meals", "in-progress")], addresses=[ost])

    # ---- notes
    c.note(("11488-4", "Consult note"), "2012-04-17", "Gastroenterology consultation",
           "GI consultation\n21-year-old college student with 4 months of diarrhea, right lower quadrant pain and 8 kg weight "
           "loss. Colonoscopy 2012-04-10: terminal ileal ulcers and patchy right colitis; biopsies with non-caseating "
           "granulomas. Diagnosis: Crohn's ileocolitis (an earlier ulcerative colitis entry was made in error).\n"
           "Smokes half a pack a day - strongly advised to quit because smoking worsens Crohn's.\nPlan: Lialda 4.8 g daily "
           "and a prednisone taper.", "Dr. Paul Whitaker, Gastroenterology")
    n_aza = c.note(("18842-5", "Discharge summary"), "2013-11-24", "Discharge summary - acute pancreatitis",
                   "Discharge summary\nAcute pancreatitis 7 weeks after starting azathioprine (lipase 890). CT: mild interstitial "
                   "pancreatitis, no gallstones; no alcohol use. Azathioprine stopped permanently - do not rechallenge with "
                   "thiopurines.\nDischarged home. Plan anti-TNF therapy (infliximab) after TB and hepatitis B screening.",
                   "Dr. Lauren Kim, Hospital Medicine", enc=adm1)
    n_ifx = c.note(("11506-3", "Progress note"), "2019-11-12", "IBD clinic progress note",
                   "IBD clinic\nInfliximab trough 0.3 ug/mL with antibodies to infliximab 28.4 U/mL; hives and shortness of breath "
                   "during the 2019-09-24 infusion. Loss of response with immunogenicity - infliximab stopped. Plan ustekinumab "
                   "after prednisone taper. Still not smoking (quit March 2014).", "Dr. Paul Whitaker, Gastroenterology")
    c.note(("18842-5", "Discharge summary"), "2020-03-05", "Discharge summary - ileocecal resection",
           "Discharge summary\nAdmitted 2020-02-16 with perforated terminal ileitis and a 5 cm abscess. Percutaneous drain not "
           "feasible. Open ileocecal resection with end ileostomy 2020-02-18 (no anastomosis because of contamination). "
           "TPN through a right arm PICC from 2020-02-20, to continue at home until oral intake is adequate.\n"
           "Discharged home with home health and the ostomy nurse.", "Dr. Maya Richter, Colorectal Surgery", enc=adm2)
    c.note(("11506-3", "Progress note"), "2023-06-13", "IBD clinic progress note",
           "IBD clinic\nIleoscopy 2022-10-25 showed mild recurrence in the neo-terminal ileum; CRP 11; needed IV iron in March. "
           "Stelara interval shortened from every 8 weeks to every 4 weeks starting today.\nOstomy output about 1.1 L/day on "
           "loperamide. He left his line-cook job after surgery and now works as a restaurant manager.",
           "Dr. Paul Whitaker, Gastroenterology")
    n_rev = c.note(("11506-3", "Progress note"), "2025-04-15", "IBD clinic progress note",
                   "IBD clinic\nClinical and biochemical remission: CRP 1.8, MR enterography 2024-05-14 without active "
                   "inflammation. He would like to explore reversing the ileostomy; referral placed to colorectal surgery to "
                   "discuss ileocolic anastomosis.\nUses cannabis gummies a few nights a week for sleep and appetite. Lives with "
                   "his partner Jordan in Eugene.", "Dr. Paul Whitaker, Gastroenterology")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    cr = c.latest("crp")
    A(c, "lab_latest", "crp latest", [cr], [val(cr), "2025-04-15"])
    cp = c.series("calpro")
    A(c, "lab_trend", "calprotecin over the years", cp, [val(cp[0]), val(c.extreme("calpro", max)), val(cp[-1])], miss=True)
    hi = c.extreme("crp", max)
    A(c, "lab_extreme", "highest crp", [hi], [val(hi), "2020-02-16"])
    hb = c.series("hgb", "2023-03-01", "2023-03-31")
    A(c, "lab_at_time", "hgb in march 2023", hb, [val(hb[0])])
    b = c.latest("b12")
    f0 = c.first("ferritin")
    A(c, "lab_first", "first ferritin on file", [f0], [val(f0), "2019-09-24"])
    t = c.closest("ifx", "2019-11-12")
    A(c, "med_active", "current meds", active, ["cyanocobalamin", "loperamide", "magnesium oxide", "ustekinumab"])
    A(c, "med_class", "any biologics now", [ust3], ["ustekinumab"])
    A(c, "med_count", "how many prednisone courses has he had", pred, [str(len(pred))])
    A(c, "med_stopped_why", "why was remicade stopped", [ifx2, n_ifx], ["antibodies"], match="any")
    A(c, "med_dose", "ustekinumib dose/frequency", [ust3], ["90 mg", "every 4 weeks"], miss=True)
    A(c, "med_why", "why b12 shots", [b12, b12d], ["b12 deficiency"])
    A(c, "condition_group", "any kidney issues", [aki, stone], ["acute kidney injury", "2022-10-03"])
    A(c, "allergy", "inflixamab reaction?", [al_i], ["urticaria", "dyspnea"], miss=True)
    A(c, "device", "ostomy appliance type", [bag, bag_dus], ["hollister"], match="any")
    A(c, "procedure", "what surgery did he have in 2020", [res], ["ileocecal resection", "2020-02-18"])
    A(c, "pathology", "surgical path from the resection", [spath], ["transmural"])
    A(c, "imaging_path", "last MRE result", [mre2], ["no active inflammation"])
    A(c, "encounter_detail", "reason for the aug 2021 admission", [adm3], ["high-output"])
    imp = [e for e in c.encs if e["_cls"] == "IMP"]
    A(c, "imm_not_done", "did he get the yellow fever vaccine", [yf_nd], ["medical precaution"])
    A(c, "imm_series", "hep b series done", hepb, ["2013-12-10", "2014-01-14", "2014-06-10"])
    A(c, "family_hx", "IBD in family", [fm_s], ["sister", "ulcerative colitis"])
    A(c, "note_only", "ostomy reversal plans?", [n_rev], ["colorectal surgery"])
    A(c, "social_history", "when did he quit smoking", [smk, n_ifx], ["2014"], match="any")
    A(c, "careplan_goal", "weight goal", [g_wt], ["72 kg"])
    al = c.latest("alb")

    X(c, "med_class", "is he on a blood thinner", ["apixaban", "eliquis", "rivaroxaban", "xarelto", "warfarin", "coumadin",
                                                   "enoxaparin", "lovenox", "heparin", "anticoagulant", "anticoagulation"])
    X(c, "condition", "hx of seizures", ["seizure", "seizures", "epilepsy", "g40"])
    X(c, "imaging_path", "dexa scan results", ["dexa", "dxa", "bone density"])
    X(c, "med_class", "on an ssri?", ["ssri", "sertraline", "zoloft", "escitalopram", "lexapro", "citalopram", "fluoxetine",
                                      "paroxetine"])
    X(c, "device", "does he have a port", ["port", "powerport", "port-a-cath", "implanted port"])
    X(c, "lab_latest", "last a1c", ["a1c", "hba1c", "hemoglobin a1c", "4548-4"])
    return c

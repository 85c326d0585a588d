"""Patient 4: rheumatic mitral stenosis -> balloon valvuloplasty -> mechanical mitral valve replacement on warfarin;
Enterococcus faecalis prosthetic valve endocarditis (ampicillin + ceftriaxone via PICC), supratherapeutic INR after
fluconazole, lisinopril angioedema, fibroids/hysterectomy with iron deficiency."""
from lib import RXNORM, SNOMED, jitter_dates

BUNDLE_TYPE = "collection"
TZ = "-06:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Rosa", "Imelda"], "Batres", "female", "1968-11-30",
               {"line": ["1547 W Cullerton St"], "city": "Chicago", "state": "IL", "postalCode": "60608"},
               phone="312-555-0176", mrn="LWH-7730184", marital=("M", "Married"), lang=("es", "Spanish"))
    CARD = "Dr. Elena Vukovic, MD (Cardiology)"
    ID = "Dr. Marcus Oyelaran, MD (Infectious Diseases)"
    HOSP = "Lakeshore West Hospital"

    # encounters
    a12 = ch.encounter("IMP", "Inpatient surgical admission", "2012-03-13T06:00", "2012-03-21T12:00", type_code=("32485007", "Hospital admission"),
                       reason="Elective mitral valve replacement for restenosis", admit=("other", "Other", "Elective admission"),
                       discharge=("home", "Home"), provider=HOSP)
    ed13 = ch.encounter("EMER", "Emergency department visit", "2013-07-22T07:15", "2013-07-22T15:40", type_code=("50849002", "Emergency room admission"),
                        reason="Swelling of lips and tongue", provider=HOSP)
    a16 = ch.encounter("IMP", "Inpatient surgical admission", "2016-05-09T06:30", "2016-05-11T11:00", type_code=("32485007", "Hospital admission"),
                       reason="Total laparoscopic hysterectomy for symptomatic fibroids", admit=("other", "Other", "Elective admission"),
                       discharge=("home", "Home"), provider=HOSP)
    colo = ch.encounter("AMB", "Outpatient endoscopy", "2019-11-20", type_code=("305408004", "Admission to surgical department"),
                        reason="Screening colonoscopy", provider=HOSP + " Endoscopy")
    ac19 = ch.encounter("AMB", "Anticoagulation clinic visit", "2019-06-10", type_code=("185389009", "Follow-up visit"),
                        reason="INR 6.4 on home monitor", provider=HOSP + " Anticoagulation Clinic")
    uc22 = ch.encounter("AMB", "Urgent care visit", "2022-08-10", type_code=("702927004", "Urgent care clinic"),
                        reason="Burning with urination and frequency", provider="Pilsen Urgent Care")
    ed22 = ch.encounter("EMER", "Emergency department visit", "2022-09-02T01:20", "2022-09-02T09:00", type_code=("50849002", "Emergency room admission"),
                        reason="Fever to 39.4 C with rigors", provider=HOSP)
    a22 = ch.encounter("IMP", "Inpatient admission", "2022-09-02T09:00", "2022-09-20T14:00", type_code=("32485007", "Hospital admission"),
                       reason="Enterococcus faecalis bacteremia with prosthetic mitral valve endocarditis", admit=("emd", "From accident/emergency department"),
                       discharge=("home", "Home", "Home with home infusion services (OPAT)"), provider=HOSP)
    idf = ch.encounter("AMB", "Infectious diseases follow-up", "2022-11-04", type_code=("185389009", "Follow-up visit"),
                       reason="Completed IV therapy for endocarditis", provider=HOSP + " ID Clinic")
    dent = ch.encounter("AMB", "Dental visit", "2023-05-16", type_code=("34043003", "Dental consultation and report"),
                        reason="Cracked lower left molar", provider="Little Village Dental")

    # conditions
    rms = ch.condition("Rheumatic mitral stenosis", ("86466006", "Rheumatic mitral stenosis"), ("I05.0", "Rheumatic mitral stenosis"),
                       onset="2005-03-10", status="resolved", abate="2012-03-14", note="Resolved by mitral valve replacement 03/14/2012.")
    pmv = ch.condition("Presence of mechanical mitral valve prosthesis (St. Jude Medical 27 mm, 2012)", ("429451003", "Presence of prosthetic heart valve"),
                       ("Z95.2", "Presence of prosthetic heart valve"), onset="2012-03-14")
    ltac = ch.condition("Long-term (current) use of anticoagulant (warfarin, INR goal 2.5-3.5)", ("111000119103", "Long-term current use of anticoagulant"),
                        ("Z79.01", "Long term (current) use of anticoagulants"), onset="2012-03-14")
    htn = ch.condition("Essential hypertension", ("59621000", "Essential hypertension"), ("I10", "Essential (primary) hypertension"), onset="2012-05-07")
    gerd = ch.condition("Gastroesophageal reflux disease", ("235595009", "Gastroesophageal reflux disease"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
                        onset="2010-02-15")
    fib = ch.condition("Uterine leiomyoma", ("95315005", "Uterine leiomyoma"), ("D25.9", "Leiomyoma of uterus, unspecified"), onset="2014-06-02",
                       status="resolved", abate="2016-05-09")
    menor = ch.condition("Menorrhagia", ("386692008", "Menorrhagia"), ("N92.0", "Excessive and frequent menstruation with regular cycle"), onset="2014-06-02",
                         status="resolved", abate="2016-05-09")
    ida = ch.condition("Iron deficiency anemia secondary to chronic blood loss", ("87522002", "Iron deficiency anemia"),
                       ("D50.0", "Iron deficiency anemia secondary to blood loss (chronic)"), onset="2015-01-12", status="resolved", abate="2016-09-12")
    oa = ch.condition("Primary osteoarthritis of both knees", ("239873007", "Osteoarthritis of knee"), ("M17.0", "Bilateral primary osteoarthritis of knee"),
                      onset="2018-06-18")
    insom = ch.condition("Insomnia", ("193462001", "Insomnia"), ("G47.00", "Insomnia, unspecified"), onset="2019-03-04")
    hld = ch.condition("Hyperlipidemia", ("55822004", "Hyperlipidemia"), ("E78.5", "Hyperlipidemia, unspecified"), onset="2019-03-04")
    candida = ch.condition("Vulvovaginal candidiasis", ("72934000", "Candidiasis of vagina"), ("B37.3", "Candidiasis of vulva and vagina"),
                           onset="2019-06-01", status="resolved", abate="2019-06-10", cat="encounter-diagnosis")
    supra = ch.condition("Supratherapeutic INR due to drug interaction", ("432293003", "Increased INR"), ("R79.1", "Abnormal coagulation profile"),
                         onset="2019-06-10", status="resolved", abate="2019-06-20", cat="encounter-diagnosis", enc=ac19)
    adenoma = ch.condition("Tubular adenoma of colon", ("444408007", "Tubular adenoma of colon"), ("D12.5", "Benign neoplasm of sigmoid colon"),
                           onset="2019-11-20", status="resolved", abate="2019-11-20")
    uti = ch.condition("Acute cystitis", ("68226007", "Acute cystitis"), ("N30.00", "Acute cystitis without hematuria"), onset="2022-08-10",
                       status="resolved", abate="2022-08-20", cat="encounter-diagnosis", enc=uc22)
    pve = ch.condition("Prosthetic valve endocarditis due to Enterococcus faecalis (mechanical mitral valve)", ("56819008", "Endocarditis"),
                       ("I33.0", "Acute and subacute infective endocarditis"), onset="2022-09-02", status="resolved", abate="2022-10-31")
    spl = ch.condition("Splenic infarction (septic embolus)", ("89733009", "Splenic infarction"), ("D73.5", "Infarction of spleen"),
                       onset="2022-09-04", status="resolved", abate="2022-10-25", cat="encounter-diagnosis", enc=a22)
    angio = ch.condition("Angioedema due to ACE inhibitor", ("41291007", "Angioedema"), ("T78.3XXA", "Angioneurotic edema, initial encounter"),
                         onset="2013-07-22", status="resolved", abate="2013-07-24", cat="encounter-diagnosis", enc=ed13)

    # medications
    ch.med("warfarin sodium 5 MG Oral Tablet [Coumadin]", ("855332", "warfarin sodium 5 MG Oral Tablet"), "stopped", "2012-03-16",
           sig="Take 1 tablet (5 mg) by mouth daily in the evening or as directed by anticoagulation clinic", dose=(5, "mg"), freq=(1, 1, "d"),
           route="PO", reasons=[pmv], status_reason="Dose adjusted by anticoagulation clinic", end="2019-06-20", enc=a12, requester=CARD)
    ch.med("warfarin sodium 5 MG Oral Tablet [Coumadin]", ("855332", "warfarin sodium 5 MG Oral Tablet"), "stopped", "2019-06-20",
           sig="2.5 mg on Tuesday and Saturday, 5 mg all other days (30 mg/week)", dose=(5, "mg"), freq=(1, 1, "d"), route="PO",
           reasons=[pmv], status_reason="Held on admission for endocarditis - bridged with heparin", end="2022-09-03", requester=CARD)
    warf = ch.med("warfarin sodium 5 MG Oral Tablet [Coumadin]", ("855332", "warfarin sodium 5 MG Oral Tablet"), "active", "2022-09-14",
                  sig="7.5 mg on Monday, 5 mg all other days (37.5 mg/week); INR goal 2.5-3.5", dose=(5, "mg"), freq=(1, 1, "d"), route="PO",
                  reasons=[pmv], enc=a22, requester=CARD, note="Weekly dose increased during the endocarditis admission; home INR self-testing weekly.")
    ch.med("heparin sodium 25000 UNT in 250 ML continuous infusion", ("1361615", "heparin sodium 100 UNT/ML Injectable Solution"), "completed", "2022-09-03",
           sig="IV infusion per weight-based nomogram, target anti-Xa 0.3-0.7", rate=(18, "U/kg/h", "[U]/kg/h"), route="IV", reasons=[pmv],
           end="2022-09-19", enc=a22, category="inpatient", requester="Dr. Tomasz Nowicki, MD (Hospital Medicine)")
    ch.med("enoxaparin sodium 80 MG/0.8ML Prefilled Syringe [Lovenox]", ("854241", "enoxaparin sodium 80 MG in 0.8 ML Prefilled Syringe"), "completed",
           "2016-05-04", sig="Inject 80 mg subcutaneously every 12 hours as bridge (stop 24 h before surgery, resume per surgeon)", dose=(80, "mg"),
           freq=(2, 1, "d"), route="SC", reasons=[pmv], reason_text="Peri-procedural bridging for hysterectomy", end="2016-05-16", requester=CARD)
    ch.med("enoxaparin sodium 80 MG/0.8ML Prefilled Syringe [Lovenox]", ("854241", "enoxaparin sodium 80 MG in 0.8 ML Prefilled Syringe"), "completed",
           "2019-11-15", sig="Inject 80 mg subcutaneously every 12 hours as bridge around colonoscopy", dose=(80, "mg"), freq=(2, 1, "d"), route="SC",
           reasons=[pmv], reason_text="Peri-procedural bridging for colonoscopy with polypectomy", end="2019-11-26", requester=CARD)
    ch.med("vancomycin 1 GM Injection", ("1807513", "vancomycin 1000 MG Injection"), "stopped", "2022-09-02",
           sig="15 mg/kg IV every 12 hours, pharmacy to dose by levels", dose=(1250, "mg"), freq=(2, 1, "d"), route="IV", reasons=[pve],
           status_reason="De-escalated after blood cultures grew ampicillin-susceptible Enterococcus faecalis", end="2022-09-05", enc=ed22,
           category="inpatient", requester="Dr. Keisha Moran, MD (Emergency Medicine)")
    ch.med("ampicillin 2 GM Injection", ("1721474", "ampicillin 2000 MG Injection"), "completed", "2022-09-04",
           sig="2 g IV every 4 hours for 6 weeks (home infusion pump after discharge)", dose=(2, "g"), freq=(6, 1, "d"), route="IV", reasons=[pve],
           end="2022-10-15", enc=a22, requester=ID)
    ch.med("ceftriaxone 2 GM Injection [Rocephin]", ("1665021", "ceftriaxone 2000 MG Injection"), "completed", "2022-09-05",
           sig="2 g IV every 12 hours for 6 weeks (with ampicillin, double beta-lactam)", dose=(2, "g"), freq=(2, 1, "d"), route="IV", reasons=[pve],
           end="2022-10-15", enc=a22, requester=ID)
    ch.med("metoprolol succinate 25 MG Extended Release Oral Tablet [Toprol XL]", ("866427", "24 HR metoprolol succinate 25 MG Extended Release Oral Tablet"),
           "active", "2012-04-16", sig="Take 1 tablet by mouth daily", dose=(25, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn],
           reason_text="Palpitations after valve surgery", requester=CARD)
    ch.med("furosemide 20 MG Oral Tablet [Lasix]", ("310429", "furosemide 20 MG Oral Tablet"), "stopped", "2012-03-20",
           sig="Take 1 tablet by mouth every morning", dose=(20, "mg"), freq=(1, 1, "d"), route="PO", reason_text="Post-operative fluid overload",
           status_reason="Edema resolved", end="2014-01-13", enc=a12, requester=CARD)
    ch.med("lisinopril 10 MG Oral Tablet", ("314076", "lisinopril 10 MG Oral Tablet"), "stopped", "2012-05-07",
           sig="Take 1 tablet by mouth daily", dose=(10, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn],
           status_reason="Angioedema - do not rechallenge", end="2013-07-22", requester=CARD)
    ch.med("losartan potassium 50 MG Oral Tablet [Cozaar]", ("979485", "losartan potassium 50 MG Oral Tablet"), "active", "2013-08-05",
           sig="Take 1 tablet by mouth daily", dose=(50, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn], requester=CARD,
           note="Started cautiously after ACE-inhibitor angioedema; tolerated.")
    ch.med("omeprazole 20 MG Delayed Release Oral Capsule [Prilosec]", ("402014", "omeprazole 20 MG Delayed Release Oral Capsule"), "active",
           "2010-02-15", sig="Take 1 capsule by mouth daily before breakfast", dose=(20, "mg"), freq=(1, 1, "d", "ACM"), route="PO", reasons=[gerd],
           requester="Dr. Luis Arellano, MD (Family Medicine)")
    ch.med("norethindrone acetate 5 MG Oral Tablet [Aygestin]", ("197849", "norethindrone acetate 5 MG Oral Tablet"), "stopped", "2014-08-11",
           sig="Take 1 tablet by mouth daily", dose=(5, "mg"), freq=(1, 1, "d"), route="PO", reasons=[menor],
           status_reason="No longer needed after hysterectomy", end="2016-05-09", requester="Dr. Carmen Ruiz, MD (Gynecology)")
    ch.med("ferrous sulfate 325 MG Oral Tablet", ("310325", "ferrous sulfate 325 MG Oral Tablet"), "completed", "2015-01-12",
           sig="Take 1 tablet by mouth daily with orange juice", dose=(325, "mg"), freq=(1, 1, "d"), route="PO", reasons=[ida], end="2016-09-12",
           requester="Dr. Luis Arellano, MD (Family Medicine)")
    ch.med("amoxicillin 500 MG Oral Capsule", ("308191", "amoxicillin 500 MG Oral Capsule"), "active", "2012-06-04",
           sig="Take 4 capsules (2 g) by mouth 30-60 minutes before dental procedures", dose=(2, "g"), prn=True, route="PO", reasons=[pmv],
           reason_text="Endocarditis prophylaxis for dental procedures (prosthetic valve)", requester=CARD)
    ch.med("fluconazole 150 MG Oral Tablet [Diflucan]", ("197698", "fluconazole 150 MG Oral Tablet"), "completed", "2019-06-01",
           sig="Take 1 tablet by mouth once; may repeat in 3 days", dose=(150, "mg"), route="PO", reasons=[candida], end="2019-06-04",
           reported=True, requester="Outside urgent care (reported by patient)")
    ch.med("phytonadione 5 MG Oral Tablet [Mephyton]", ("1000124", "phytonadione 5 MG Oral Tablet"), "completed", "2019-06-10",
           sig="Take 1/2 tablet (2.5 mg) by mouth once", dose=(2.5, "mg"), route="PO", reasons=[supra], end="2019-06-10", enc=ac19,
           requester="Jenna Albrecht, PharmD (Anticoagulation Clinic)")
    ch.med("nitrofurantoin monohydrate/macrocrystals 100 MG Oral Capsule [Macrobid]", ("1648755", "nitrofurantoin 100 MG Extended Release Oral Capsule"),
           "completed", "2022-08-10", sig="Take 1 capsule by mouth twice daily for 5 days", dose=(100, "mg"), freq=(2, 1, "d"), route="PO", reasons=[uti],
           end="2022-08-15", enc=uc22, requester="Nadia Ochoa, PA-C (Urgent Care)")
    ch.med("trazodone hydrochloride 50 MG Oral Tablet", ("856377", "trazodone hydrochloride 50 MG Oral Tablet"), "active", "2019-03-04",
           sig="Take 1 tablet by mouth at bedtime as needed for sleep", dose=(50, "mg"), freq=(1, 1, "d", "HS"), prn=True, route="PO", reasons=[insom],
           requester="Dr. Luis Arellano, MD (Family Medicine)")
    ch.med("atorvastatin 20 MG Oral Tablet [Lipitor]", ("617310", "atorvastatin 20 MG Oral Tablet"), "active", "2019-03-04",
           sig="Take 1 tablet by mouth daily", dose=(20, "mg"), freq=(1, 1, "d"), route="PO", reasons=[hld], requester="Dr. Luis Arellano, MD (Family Medicine)")
    ch.med("acetaminophen 325 MG Oral Tablet", ("313782", "acetaminophen 325 MG Oral Tablet"), "active", "2018-06-18",
           sig="Take 2 tablets by mouth every 6 hours as needed for knee pain (no NSAIDs - on warfarin)", dose=(650, "mg"), freq=(1, 6, "h"), prn=True,
           route="PO", reasons=[oa], requester="Dr. Luis Arellano, MD (Family Medicine)")
    ch.med("diclofenac sodium 1 % Topical Gel [Voltaren]", ("855633", "diclofenac sodium 10 MG/ML Topical Gel"), "active", "2018-06-18",
           sig="Apply 2 g to each knee up to 4 times daily", dose=(2, "g"), freq=(4, 1, "d"), prn=True, route="TOP", reasons=[oa],
           requester="Dr. Luis Arellano, MD (Family Medicine)")

    # INR series
    inr = {}
    for d in jitter_dates(rng, "2012-04-16", "2018-12-17", 91, 5):
        inr[d] = round(rng.uniform(2.4, 3.4), 1)
    for d in jitter_dates(rng, "2019-01-14", "2024-12-16", 56, 3):
        inr[d] = round(rng.uniform(2.5, 3.4), 1)
    special = {"2016-05-02": 2.7, "2016-05-10": 1.4, "2016-05-16": 2.6, "2019-06-10": 6.4, "2019-06-13": 3.9, "2019-06-20": 3.0,
               "2019-11-16": 1.3, "2019-11-26": 2.6, "2022-09-02": 2.8, "2022-09-10": 1.8, "2022-09-19": 2.7, "2022-09-26": 3.8,
               "2022-10-03": 3.1}
    for d in list(inr):
        # keep generated points away from the special cluster dates
        if any(abs((__import__("datetime").date.fromisoformat(d) - __import__("datetime").date.fromisoformat(s)).days) < 6 for s in special):
            del inr[d]
    inr.update(special)
    for d in sorted(inr):
        e = ac19 if d == "2019-06-10" else (ed22 if d == "2022-09-02" else None)
        ch.obs_q("6301-6", "INR in Platelet poor plasma by Coagulation assay", "INR", inr[d], "{INR}", d, enc=e, ucum="{INR}",
                 ref=(0.9, 1.1, "Normal 0.9-1.1"),
                 refs_extra=[{"low": {"value": 2.5, "unit": "{INR}"}, "high": {"value": 3.5, "unit": "{INR}"},
                              "type": {"text": "Therapeutic target"}, "text": "Goal 2.5-3.5 (mechanical mitral valve)"}],
                 note=("Home monitor (CoaguChek XS) result confirmed by venous draw" if d == "2019-06-10" else None))
    # infection labs
    ch.obs_str("630-4", "Bacteria identified in Urine by Culture", "Urine culture", "Enterococcus faecalis >100,000 CFU/mL", "2022-08-10",
               enc=uc22, interp="A")
    bc = []
    for d, v in [("2022-09-02T01:45", "Enterococcus faecalis (2 of 2 sets)"), ("2022-09-03", "Enterococcus faecalis (1 of 2 sets)"),
                 ("2022-09-05", "No growth at 5 days"), ("2022-09-06", "No growth at 5 days")]:
        bc.append(ch.obs_str("600-7", "Bacteria identified in Blood by Culture", "Blood culture", v, d,
                             enc=ed22 if d.startswith("2022-09-02") else a22, interp="A" if "faecalis" in v else None))
    sus = ch.obs_str("29576-6", "Bacterial susceptibility panel", "Susceptibility - Enterococcus faecalis (blood)",
                     "Ampicillin S (MIC 1); Penicillin S; Vancomycin S; Gentamicin high-level synergy R; Streptomycin high-level synergy S; Daptomycin S",
                     "2022-09-04", enc=a22, interp="A")
    ch.report("600-7", "Blood culture report", "2022-09-02T01:45", cat="LAB", results=bc[:2] + [sus], enc=a22,
              conclusion="Enterococcus faecalis bacteremia; ampicillin susceptible, high-level gentamicin resistant. Clearance documented 09/05/2022.")
    for d, wbc, hgb, crp, esr, cr, e in [("2022-09-02", 14.2, 10.9, 96, 68, 0.9, ed22), ("2022-09-09", 9.8, 10.2, 41, None, 0.8, a22),
                                          ("2022-09-19", 7.6, 10.6, 14, None, 0.9, a22), ("2022-10-12", 6.4, 11.8, 6, 22, 0.8, None),
                                          ("2023-03-20", 6.1, 12.9, None, None, 0.8, None), ("2024-11-18", 6.5, 13.1, None, None, 0.9, None)]:
        ch.lab("wbc", wbc, d, enc=e)
        ch.lab("hgbf", hgb, d, enc=e)
        if crp is not None:
            ch.lab("crp", crp, d, enc=e)
        if esr is not None:
            ch.lab("esr", esr, d, enc=e)
        ch.lab("crf", cr, d, enc=e)
    ch.obs_q("4092-3", "Vancomycin [Mass/volume] in Serum or Plasma --trough", "Vancomycin trough", 14.2, "ug/mL", "2022-09-04", enc=a22, ref=(10, 20), interp="N")
    ch.lab("ldh", 198, "2023-03-20", note="No evidence of hemolysis")
    for d, h, f in [("2015-01-12", 8.9, 4), ("2015-07-13", 10.8, 11), ("2016-09-12", 13.1, 45)]:
        ch.lab("hgbf", h, d)
        ch.lab("ferritin", f, d, ref=(12, 150))
    for d, ldl, tc in [("2019-03-04", 162, 241), ("2021-03-08", 104, 182), ("2023-03-20", 96, 171)]:
        ch.lab("ldl", ldl, d)
        ch.lab("chol", tc, d)
    ch.lab("a1c", 5.6, "2023-03-20")
    ch.lab("tsh", 2.3, "2020-03-09")
    # echo-derived measures
    echo_obs = {}
    for d, grad, ef in [("2005-03-10", 14, 60), ("2011-11-14", 12, 60), ("2012-04-10", 4, 55), ("2017-04-10", 5, 60), ("2022-09-05", 6, 55),
                        ("2022-10-25", 5, 58), ("2023-03-20", 4, 60)]:
        g = ch.obs_q("59109-7", "Mitral valve mean gradient by US", "Mitral valve mean gradient", grad, "mm[Hg]", d, cat="imaging")
        f = ch.obs_q("10230-1", "Left ventricular Ejection fraction", "LVEF", ef, "%", d, cat="imaging", ref=(55, 70))
        echo_obs[d] = [g, f]
    # vitals at cardiology visits
    card_visits = ["2013-04-15", "2014-04-14", "2015-04-13", "2016-04-11", "2017-04-10", "2018-04-16", "2019-04-15", "2020-04-20",
                   "2021-04-12", "2022-04-11", "2022-11-21", "2023-03-20", "2024-04-15", "2024-11-18"]
    cv = {}
    for d in card_visits:
        e = ch.encounter("AMB", "Cardiology clinic visit", d, type_code=("185389009", "Follow-up visit"),
                         reason="Mechanical mitral valve follow-up", reason_refs=[pmv], provider=HOSP + " Heart Center")
        cv[d] = e
        ch.bp(d, rng.randint(118, 138), rng.randint(68, 84), enc=e)
        ch.vital("wt", round(rng.uniform(68.0, 73.5), 1), d, enc=e)
    ch.vital("temp", 39.4, "2022-09-02T01:30", enc=ed22)
    ch.vital("hr", 118, "2022-09-02T01:30", enc=ed22)
    ch.bp("2022-09-02T01:30", 96, 58, enc=ed22)
    ch.smoking("2013-04-15", "never", enc=cv["2013-04-15"])
    ch.smoking("2023-03-20", "never", enc=cv["2023-03-20"])

    # reports
    ch.report("34552-0", "Transthoracic echocardiogram", "2005-03-10", cat="CUS", results=echo_obs["2005-03-10"],
              conclusion="Severe rheumatic mitral stenosis: mitral valve area 0.9 cm2 by planimetry, mean gradient 14 mmHg at HR 82. Thickened leaflets with commissural fusion. "
                         "Mild mitral regurgitation. LVEF 60%. Estimated PASP 52 mmHg.")
    ch.report("34552-0", "Transthoracic echocardiogram", "2011-11-14", cat="CUS", results=echo_obs["2011-11-14"],
              conclusion="Mitral restenosis after prior balloon valvuloplasty: MVA 1.0 cm2, mean gradient 12 mmHg, heavily calcified leaflets and subvalvular apparatus "
                         "(Wilkins score 11) with moderate mitral regurgitation - not suitable for repeat valvuloplasty. LVEF 60%.")
    ch.report("34552-0", "Transthoracic echocardiogram", "2012-04-10", cat="CUS", results=echo_obs["2012-04-10"],
              conclusion="Normally functioning 27 mm bileaflet mechanical mitral prosthesis, mean gradient 4 mmHg, no paravalvular leak. LVEF 55%.")
    ch.report("34552-0", "Transthoracic echocardiogram", "2017-04-10", cat="CUS", results=echo_obs["2017-04-10"],
              conclusion="Normally functioning mechanical mitral prosthesis, mean gradient 5 mmHg. LVEF 60%.")
    tee = ch.report("34552-0", "Transesophageal echocardiogram", "2022-09-05", cat="CUS", enc=a22, results=echo_obs["2022-09-05"],
                    conclusion="8 mm mobile echodensity on the atrial side of the mechanical mitral prosthesis consistent with vegetation. Normal leaflet excursion. "
                               "No paravalvular abscess, fistula or dehiscence. Mild paravalvular regurgitation. Mean gradient 6 mmHg. LVEF 55%.")
    ch.report("36813-4", "CT Abdomen and Pelvis W contrast", "2022-09-04", enc=a22,
              conclusion="Wedge-shaped peripheral hypodensity in the spleen consistent with splenic infarct. No splenic abscess. Kidneys unremarkable. Status post hysterectomy.")
    ch.report("34552-0", "Transthoracic echocardiogram", "2022-10-25", cat="CUS", results=echo_obs["2022-10-25"],
              conclusion="Previously described vegetation no longer visualized. Mechanical mitral prosthesis functioning normally, mean gradient 5 mmHg. LVEF 58%.")
    ch.report("34552-0", "Transthoracic echocardiogram", "2023-03-20", cat="CUS", results=echo_obs["2023-03-20"], enc=cv["2023-03-20"],
              conclusion="Normal mechanical mitral prosthesis function, mean gradient 4 mmHg. No paravalvular regurgitation. LVEF 60%.")
    ch.report("66117-3", "Pathology report - uterus and cervix, total laparoscopic hysterectomy", "2016-05-09", cat="SP", enc=a16,
              conclusion="Uterus 310 g with multiple intramural and submucosal leiomyomata, largest 4.2 cm. Benign proliferative endometrium. Cervix with chronic cervicitis. No malignancy.")
    ch.report("66117-3", "Pathology report - colon polyps", "2019-11-20", cat="SP", enc=colo,
              conclusion="Sigmoid colon polyps (x2): tubular adenomas, no high-grade dysplasia. Margins not assessable (cold snare).")
    ch.report("36554-4", "XR Knee 3 Views bilateral", "2018-06-18",
              conclusion="Moderate medial compartment joint-space narrowing bilaterally with marginal osteophytes, consistent with osteoarthritis. No effusion.")

    # procedures / devices
    ch.procedure("Percutaneous balloon mitral valvuloplasty", ("11101003", "Percutaneous balloon valvuloplasty"), ("92987", "Percutaneous balloon valvuloplasty; mitral valve"),
                 when="2007-06-18", reasons=[rms])
    valve = ch.device("Mechanical heart valve prosthesis, mitral", ("25510005", "Heart valve prosthesis"), "St. Jude Medical Masters Series mechanical heart valve, 27 mm, mitral",
                      manufacturer="St. Jude Medical (Abbott)", model="27MJ-501", serial="SJM-MV-11873402",
                      udi=("05414734202718", "(01)05414734202718(21)SJM-MV-11873402"))
    ch.procedure("Mitral valve replacement with mechanical prosthesis (cardiopulmonary bypass)", ("232788003", "Replacement of mitral valve"),
                 ("33430", "Replacement, mitral valve, with cardiopulmonary bypass"), when="2012-03-14", enc=a12, reasons=[rms], devices=[valve])
    ch.dus(valve, "2012-03-14", reasons=[rms, pmv], body="Mitral valve position")
    ch.procedure("Total laparoscopic hysterectomy with bilateral salpingectomy", ("236886002", "Hysterectomy"),
                 ("58571", "Laparoscopy, surgical, with total hysterectomy, for uterus 250 g or less; with removal of tube(s) and/or ovary(s)"),
                 when="2016-05-09", enc=a16, reasons=[fib, menor])
    ch.procedure("Colonoscopy with cold snare polypectomy", ("73761001", "Colonoscopy"), ("45385", "Colonoscopy with removal of lesion(s) by snare technique"),
                 when="2019-11-20", enc=colo, reason_text="Average-risk screening", outcome="Two sigmoid polyps removed; repeat in 7 years")
    ch.procedure("Transesophageal echocardiography", ("105376000", "Transesophageal echocardiography"), ("93312", "Echocardiography, transesophageal, real-time with image documentation"),
                 when="2022-09-05", enc=a22, reasons=[pve])
    picc = ch.device("Peripherally inserted central catheter", ("52124006", "Central venous catheter"), "PowerPICC 5 Fr double-lumen, left basilic vein",
                     manufacturer="Bard Access Systems", model="PowerPICC 5Fr DL", status="inactive")
    ch.procedure("Insertion of peripherally inserted central catheter (PICC), ultrasound guided", ("431664003", "Insertion of peripherally inserted central catheter"),
                 ("36573", "Insertion of PICC, including imaging guidance, age 5 years or older"), when="2022-09-08", enc=a22, reasons=[pve], devices=[picc])
    ch.procedure("Removal of peripherally inserted central catheter", ("233553003", "Removal of central venous catheter"), None, when="2022-10-18",
                 reasons=[pve], devices=[picc])
    ch.dus(picc, "2022-09-08", end="2022-10-18", status="completed", reasons=[pve], body="Left upper arm (basilic vein)",
           note="Used for 6 weeks of IV ampicillin and ceftriaxone via home infusion.")
    ch.procedure("Simple extraction of erupted tooth #19", ("55162003", "Tooth extraction"), None, when="2023-05-16", enc=dent,
                 reason_text="Cracked tooth; given amoxicillin 2 g prophylaxis 1 hour before; INR 2.8 day before, no warfarin hold")
    monitor = ch.device("Home prothrombin time/INR monitor", ("700732006", "Prothrombin time monitor"), "CoaguChek XS home INR meter",
                        manufacturer="Roche Diagnostics", model="CoaguChek XS")
    ch.dus(monitor, "2019-02-04", reasons=[ltac], note="Weekly fingerstick INR self-testing; results called to anticoagulation clinic.")

    # immunizations
    for d in ["2016-10-03", "2017-10-16", "2018-10-08", "2019-10-07", "2021-10-11", "2022-10-24", "2023-10-09", "2024-10-14"]:
        ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", d, text="Influenza vaccine (Flulaval quadrivalent)")
    ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", "2020-10-05", status="not-done",
           reason=("OSTOCK", "Vaccine out of stock at clinic", "product out of stock"), text="Influenza vaccine - not given")
    ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", "2020-11-02", text="Influenza vaccine (Flulaval quadrivalent)")
    ch.imm("115", "Tdap", "2014-04-14", text="Tdap (Adacel)")
    ch.imm("187", "zoster recombinant", "2019-01-14", dose=1, series=2, text="Shingrix dose 1")
    ch.imm("187", "zoster recombinant", "2019-04-15", dose=2, series=2, text="Shingrix dose 2")
    ch.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate, adjuvant, preservative free", "2023-10-09", text="Prevnar 20 (PCV20)")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-03-29", dose=1, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-04-19", dose=2, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-11-15", dose=3, text="COVID-19 vaccine, Pfizer-BioNTech booster")
    ch.imm("309", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Pfizer-BioNTech", "2023-10-09", text="COVID-19 vaccine 2023-2024 (Comirnaty)")

    # allergies
    ch.allergy("Lisinopril (ACE inhibitors)", (RXNORM, "29046", "lisinopril"), "allergy", "medication", "high", "2013-07-22",
               [("Angioedema of lips and tongue", ("41291007", "Angioedema"), "severe")],
               note="Avoid all ACE inhibitors. Tolerates losartan.")
    ch.allergy("Nickel", (SNOMED, "300915004", "Allergy to nickel"), "allergy", "environment", "low", "1995",
               [("Contact dermatitis", ("40275004", "Contact dermatitis"), "mild")], recorded="2012-03-13")

    # goals / care plans
    g1 = ch.goal("INR within 2.5-3.5 at least 65% of the time", "2012-03-16", achievement="sustaining",
                 target=("6301-6", "INR", "detailRange", {"low": {"value": 2.5, "unit": "{INR}"}, "high": {"value": 3.5, "unit": "{INR}"}}), addresses=[pmv, ltac])
    g2 = ch.goal("Complete 6 weeks of IV ampicillin plus ceftriaxone", "2022-09-05", lifecycle="completed", achievement="achieved", addresses=[pve], status_date="2022-10-15")
    g3 = ch.goal("Dental cleaning every 6 months with antibiotic prophylaxis", "2022-11-04", achievement="in-progress", addresses=[pmv])
    ch.careplan("Anticoagulation management - mechanical mitral valve", "Warfarin with INR goal 2.5-3.5 (target 3.0), home INR self-testing, bridging plan for procedures.",
                "2012-03-16", addresses=[pmv, ltac], goals=[g1, g3],
                activities=[("Weekly home INR with CoaguChek XS; clinic review", "in-progress"),
                            ("Bridge with enoxaparin for procedures requiring warfarin interruption", "in-progress"),
                            ("Amoxicillin 2 g before dental procedures", "in-progress"),
                            ("Annual echocardiogram and cardiology review", "in-progress")])
    ch.careplan("Outpatient parenteral antibiotic therapy (OPAT) - prosthetic valve endocarditis",
                "Ampicillin 2 g IV every 4 hours plus ceftriaxone 2 g IV every 12 hours via PICC through 10/15/2022; weekly CBC, BMP, ESR/CRP.",
                "2022-09-20", status="completed", end="2022-10-18", addresses=[pve], goals=[g2],
                activities=[("Home infusion nursing visits weekly", "completed"), ("Weekly OPAT labs", "completed"), ("PICC removal after last dose", "completed")])

    # family history
    ch.fmh("MTH", "female", [("Rheumatic heart disease", ("23685000", "Rheumatic heart disease"), 35, True)], deceased=61)
    ch.fmh("FTH", "male", [("Type 2 diabetes mellitus", ("44054006", "Diabetes mellitus type 2"), 50)])
    ch.fmh("SIS", "female", [("Hypothyroidism", ("40930008", "Hypothyroidism"), 40)])

    # notes
    ch.note("discharge", "2012-03-21T12:00", """
CARDIAC SURGERY DISCHARGE SUMMARY
Procedure 03/14/2012: mitral valve replacement with a 27 mm St. Jude Medical bileaflet mechanical prosthesis (chordal
sparing) for severe rheumatic mitral restenosis after balloon valvuloplasty in 2007.
Post-op course: transient post-op atrial ectopy, no sustained arrhythmia. Diuresed with furosemide.
Anticoagulation: warfarin started POD 2 with heparin bridge; INR goal 2.5-3.5 (mechanical mitral). INR 2.6 at discharge.
Aspirin not added per surgeon (no additional indication). Interpreter used (Spanish) for all teaching.
Follow-up: anticoagulation clinic in 3 days; cardiology in 4 weeks.
""", "Dr. Viktor Hallstrom, MD (Cardiothoracic Surgery)", enc=a12)
    ch.note("ed", "2013-07-22T09:00", """
EMERGENCY DEPARTMENT NOTE
Woke up with swollen upper lip that progressed to tongue swelling over 2 hours. No hives, no wheeze. She has taken lisinopril
10 mg daily for about 14 months. No new foods or insect stings.
Airway patent, voice normal. Treated with IV methylprednisolone, diphenhydramine and famotidine; observed 8 hours with
improvement. Impression: ACE-inhibitor angioedema. Lisinopril stopped permanently; allergy list updated. Follow up with
cardiology for alternative antihypertensive.
""", "Dr. Keisha Moran, MD (Emergency Medicine)", enc=ed13)
    ch.note("progress", "2019-06-10", """
ANTICOAGULATION CLINIC NOTE
Home CoaguChek INR this morning 6.4, confirmed by venous INR 6.4.
She was seen at an outside urgent care on 06/01 for a vaginal yeast infection and given fluconazole 150 mg, repeated on
06/04. She did not tell them she takes warfarin. Fluconazole inhibits warfarin metabolism.
Bleeding: gums bleed when she brushes her teeth for the last 3 days; no black stools, no blood in urine, no bruising.
Plan: hold warfarin tonight and tomorrow, phytonadione 2.5 mg by mouth once now. Recheck INR 06/13. Counseled to tell every
prescriber about warfarin and to call us before starting any antibiotic or antifungal.
""", "Jenna Albrecht, PharmD (Anticoagulation Clinic)", enc=ac19)
    ch.note("consult", "2022-09-03", """
INFECTIOUS DISEASES CONSULTATION
53F with mechanical mitral valve (2012) admitted with fever and rigors. 2 of 2 blood culture sets Enterococcus faecalis.
She had dysuria in August; urine culture 08/10 at urgent care grew E. faecalis and she took nitrofurantoin for 5 days.
Dental cleaning last in March. No injection drug use.
She says she had felt unusually tired with night sweats for about a month before the fever started.
Impression: E. faecalis bacteremia, prosthetic valve endocarditis until proven otherwise (modified Duke).
Recommendations: stop vancomycin once susceptibilities confirm ampicillin susceptibility.
Isolate is high-level gentamicin resistant, and double beta-lactam avoids aminoglycoside nephro- and ototoxicity:
ampicillin 2 g IV every 4 hours plus
ceftriaxone 2 g IV every 12 hours for 6 weeks from first negative culture. TEE. Repeat blood cultures daily until negative.
Surgical consult if abscess, dehiscence, heart failure or embolic events recur.
""", ID, enc=a22)
    ch.note("discharge", "2022-09-20T14:00", """
DISCHARGE SUMMARY - Lakeshore West Hospital
Admitted 09/02/2022, discharged 09/20/2022.
Diagnoses: Enterococcus faecalis prosthetic mitral valve endocarditis (8 mm vegetation on TEE, no abscess); splenic infarct.
Blood cultures cleared 09/05/2022. Cardiac surgery reviewed - no surgical indication.
Anticoagulation: warfarin held on admission; IV unfractionated heparin while an urgent procedure was possible. Warfarin
restarted 09/14 at 7.5 mg Mondays and 5 mg other days; heparin stopped 09/19 when INR 2.7.
Antibiotics: ampicillin 2 g IV every 4 hours by ambulatory pump plus ceftriaxone 2 g IV every 12 hours through 10/15/2022
via left arm PICC placed 09/08. Home infusion nursing arranged.
Follow-up: ID clinic in 2 weeks, cardiology in 4-6 weeks, weekly OPAT labs.
""", "Dr. Tomasz Nowicki, MD (Hospital Medicine)", enc=a22)
    ch.note("progress", "2022-11-04", """
ID CLINIC FOLLOW-UP
Completed 6 weeks of ampicillin + ceftriaxone on 10/15. PICC removed 10/18 without problems. Afebrile, energy back to normal.
Repeat TTE 10/25: vegetation no longer seen. CRP 6 on 10/12.
Plan: no further antibiotics. Surveillance blood cultures x2 today. Reinforced amoxicillin 2 g before dental work and prompt
evaluation of any fever. Urology referral for recurrent UTI evaluation offered - she declined for now.
""", ID, enc=idf)
    ch.note("progress", "2023-03-20", """
CARDIOLOGY CLINIC
Doing well 6 months after endocarditis. No fevers. She says she and her husband can hear the valve clicking at night when the
room is quiet, which she now finds reassuring.
Exam: crisp mechanical S1 click, no new murmur. Echo today normal prosthetic function, gradient 4 mmHg.
INR control good on home testing (last 4 values 2.6-3.3).
Plan: continue warfarin (goal 2.5-3.5), metoprolol, losartan. Annual echo. Dental cleaning scheduled - amoxicillin prophylaxis.
""", CARD, enc=cv["2023-03-20"])
    ch.note("progress", "2024-11-18", """
CARDIOLOGY CLINIC - annual visit
Feels well. Works full time as the cafeteria manager at an elementary school, on her feet most of the day; knees ache by
evening but acetaminophen and diclofenac gel help. No bleeding problems, no neurologic symptoms.
INR self-testing weekly; values 2.6-3.1 this year. BP controlled.
Plan: continue current medications. Discussed that DOACs (apixaban, rivaroxaban, dabigatran) are contraindicated with a
mechanical valve - she asked because a coworker takes one. Flu vaccine done in October.
""", CARD, enc=cv["2024-11-18"])

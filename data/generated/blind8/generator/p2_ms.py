"""Patient 2: woman with relapsing-remitting multiple sclerosis (interferon -> ocrelizumab)."""
from lib import *  # noqa


def build(Q):
    c = Chart(2, "-05:00", "female", "Neurology MS clinic visit", "Central Massachusetts MS Center")
    c.now = "2025-04-02"
    c.kind = "collection"
    c.history = ("38-year-old woman with relapsing-remitting MS since 2016 (optic neuritis onset): interferon beta-1a "
                 "stopped for breakthrough relapses, ocrelizumab since 2019 with falling IgG, bladder, spasticity and "
                 "walking treatments, depression on interferon.")
    c.make_patient(["Renata", "Maria"], "Kowalczyk", "1986-11-03", "female", "88 Linden St", "Worcester", "MA", "01609",
                   "508-555-0187", mrn="CMMS-207733")

    ed1 = c.enc("EMER", "2016-04-29", type_text="Emergency department visit",
                reason="Painful blurred vision right eye", dispo="home", hm="18:20", hm_end="23:30")
    ed2 = c.enc("EMER", "2017-03-10", type_text="Emergency department visit",
                reason="New left leg numbness and weakness", dispo="home", hm="15:10", hm_end="21:45")
    ed3 = c.enc("EMER", "2023-03-02", type_text="Emergency department visit",
                reason="Worsening leg weakness with dysuria", dispo="home", hm="11:30", hm_end="17:20")
    adm = c.enc("IMP", "2018-11-19", "2018-11-22", type_text="Hospital admission",
                reason="MS relapse - diplopia and gait ataxia", admit="mp", dispo="home", hm="10:40")
    infd = ["2019-03-05", "2019-03-19", "2019-09-17", "2020-03-17", "2020-09-15", "2021-03-16", "2021-09-14",
            "2022-03-15", "2022-09-13", "2023-03-14", "2023-09-12", "2024-03-12", "2024-09-10", "2025-03-11"]
    infe = {d: c.enc("AMB", d, type_text="Infusion center visit", reason="Ocrelizumab infusion", hm="08:45")
            for d in infd}
    neuro = ["2016-05-20", "2016-06-02", "2016-12-06", "2017-03-24", "2017-06-13", "2017-09-12", "2017-12-12",
             "2018-03-13", "2018-06-12", "2018-12-04", "2019-01-15", "2020-01-10", "2021-01-12", "2021-06-01",
             "2022-04-11", "2023-11-14", "2024-09-17"]
    for d in neuro:
        c.enc_on(d)
    c.enc("AMB", "2019-03-26", type_text="Urology clinic visit", reason="Urinary urgency and frequency")

    # ---- conditions
    on = c.cond("Optic neuritis, right eye", icd=("H46.01", "Optic papillitis, right eye"), sct=("66760008", "Optic neuritis"),
                onset="2016-04-28", abate="2016-07-15", clin="resolved", cat="encounter-diagnosis", enc=ed1)
    ms = c.cond("Relapsing-remitting multiple sclerosis", icd=("G35", "Multiple sclerosis"),
                sct=("426373005", "Relapsing remitting multiple sclerosis"), onset="2016-05-20",
                note="McDonald criteria met 2016-05-20: dissemination in space on MRI plus CSF-specific oligoclonal bands.")
    nmo = c.cond("Neuromyelitis optica spectrum disorder", icd=("G36.0", "Neuromyelitis optica [Devic]"),
                 onset="2016-05-18", clin="inactive", ver="refuted", note="AQP4-IgG negative 2016-05-18.")
    c.cond("Lyme disease", icd=("A69.20", "Lyme disease, unspecified"), onset="2016-05-12", ver="entered-in-error",
           note="Entered in error; Lyme serology was ordered, not diagnosed (result negative).")
    rel1 = c.cond("MS relapse - left leg sensory and motor", icd=("G35", "Multiple sclerosis"), onset="2017-03-10",
                  abate="2017-04-20", clin="resolved", cat="encounter-diagnosis", enc=ed2)
    rel2 = c.cond("MS relapse - brainstem (diplopia, ataxia)", icd=("G35", "Multiple sclerosis"), onset="2018-11-19",
                  abate="2019-01-15", clin="resolved", cat="encounter-diagnosis", enc=adm)
    mig = c.cond("Migraine without aura", icd=("G43.009", "Migraine without aura, not intractable, without status migrainosus"),
                 sct=("37796009", "Migraine"), onset="2008-09-01", recorded="2016-05-20")
    vitd_c = c.cond("Vitamin D deficiency", icd=("E55.9", "Vitamin D deficiency, unspecified"),
                    sct=("34713006", "Vitamin D deficiency"), onset="2016-06-02", abate="2017-06-13", clin="resolved")
    dep = c.cond("Major depressive disorder, single episode, moderate", icd=("F32.1", "Major depressive disorder, single episode, moderate"),
                 sct=("35489007", "Depressive disorder"), onset="2017-09-12", abate="2019-06-01", clin="resolved")
    nb = c.cond("Neurogenic bladder with urgency", icd=("N31.9", "Neuromuscular dysfunction of bladder, unspecified"),
                sct=("398064005", "Neurogenic bladder"), onset="2019-02-19")
    npain = c.cond("Neuropathic pain of both legs", icd=("M79.2", "Neuralgia and neuritis, unspecified"), onset="2019-08-13")
    spas = c.cond("Spasticity of lower limbs", icd=("R25.2", "Cramp and spasm"), sct=("221360009", "Spasticity"),
                  onset="2020-10-15")
    walk = c.cond("Walking impairment due to multiple sclerosis", icd=("R26.89", "Other abnormalities of gait and mobility"),
                  onset="2021-01-12")
    uti = c.cond("Urinary tract infection (E. coli) with pseudo-relapse", icd=("N39.0", "Urinary tract infection, site not specified"),
                 sct=("68566005", "Urinary tract infectious disease"), onset="2023-03-02", abate="2023-03-12",
                 clin="resolved", cat="encounter-diagnosis", enc=ed3)
    hypog = c.cond("Hypogammaglobulinemia secondary to ocrelizumab", icd=("D80.1", "Nonfamilial hypogammaglobulinemia"),
                   onset="2023-11-14")
    sinus = c.cond("Recurrent acute sinusitis", icd=("J01.91", "Acute recurrent sinusitis, unspecified"),
                   onset="2024-01-09", abate="2024-10-30", clin="resolved")

    # ---- medications
    topa = c.med(("38404", "topiramate 50 MG Oral Tablet"), "Topamax 50 mg tablet", "2012-02-14",
                 "Take 1 tablet by mouth twice daily", status="stopped", end="2013-01-08", reason_ref=[mig],
                 status_reason="Adverse effect", note="Stopped for word-finding difficulty and tingling.")
    suma = c.med(("37418", "sumatriptan 50 MG Oral Tablet"), "sumatriptan 50 mg tablet", "2014-05-06",
                 "Take 1 tablet at migraine onset; may repeat in 2 hours; max 200 mg/day", reason_ref=[mig], prn=True)
    mp1 = c.med(("6902", "methylprednisolone sodium succinate 1000 MG Injection"), "methylprednisolone 1 g IV",
                "2016-04-30", "1000 mg IV daily for 3 days", status="completed", end="2016-05-02", reason_ref=[on])
    avo = c.med(("72257", "interferon beta-1a 30 MCG in 0.5 ML Prefilled Syringe"), "Avonex 30 mcg/0.5 mL pen",
                "2016-07-01", "Inject 30 mcg intramuscularly once weekly", status="stopped", end="2019-01-15",
                reason_ref=[ms], status_reason="Breakthrough disease activity",
                note="Two relapses (2017-03, 2018-11) and new enhancing lesions on therapy; also flu-like symptoms.")
    d3 = c.med(("2418", "cholecalciferol 125 MCG Oral Capsule"), "vitamin D3 5000 unit capsule", "2016-06-02",
               "Take 1 capsule by mouth daily", reason_ref=[vitd_c])
    mp2 = c.med(("6902", "methylprednisolone sodium succinate 1000 MG Injection"), "methylprednisolone 1 g IV",
                "2017-03-10", "1000 mg IV daily for 3 days", status="completed", end="2017-03-12", reason_ref=[rel1])
    sert = c.med(("36437", "sertraline 50 MG Oral Tablet"), "Zoloft 50 mg tablet", "2017-09-12",
                 "Take 1 tablet by mouth daily", status="completed", end="2020-01-10", reason_ref=[dep],
                 note="Tapered off after sustained remission of depression.")
    mp3 = c.med(("6902", "methylprednisolone sodium succinate 1000 MG Injection"), "methylprednisolone 1 g IV",
                "2018-11-19", "1000 mg IV daily for 3 days", status="completed", end="2018-11-21", reason_ref=[rel2],
                category="inpatient", enc=adm)
    ocr1 = c.med(("1876366", "ocrelizumab 30 MG/ML Injectable Solution"), "Ocrevus 300 mg/10 mL vial", "2019-03-05",
                 "300 mg IV on day 1 and day 15 (initial dose)", status="completed", end="2019-03-19", reason_ref=[ms])
    ocr2 = c.med(("1876366", "ocrelizumab 30 MG/ML Injectable Solution"), "Ocrevus 300 mg/10 mL vial", "2019-09-17",
                 "600 mg IV every 6 months", reason_ref=[ms], dose=(600, "mg"))
    prem1 = c.med(("6902", "methylprednisolone sodium succinate 125 MG Injection"), "methylprednisolone 100 mg IV",
                  "2019-03-05", "100 mg IV 30 minutes before each ocrelizumab infusion",
                  reason="Premedication for ocrelizumab infusion reactions")
    prem2 = c.med(("3498", "diphenhydramine hydrochloride 50 MG/ML Injectable Solution"), "diphenhydramine 50 mg IV",
                  "2019-03-05", "50 mg IV 30 minutes before each ocrelizumab infusion",
                  reason="Premedication for ocrelizumab infusion reactions")
    oxyb = c.med(("32675", "oxybutynin chloride 5 MG Oral Tablet"), "oxybutynin 5 mg tablet", "2019-02-20",
                 "Take 1 tablet by mouth twice daily", status="stopped", end="2020-05-18", reason_ref=[nb],
                 status_reason="Adverse effect: dry mouth and constipation")
    mira = c.med(("1300786", "mirabegron 25 MG Extended Release Oral Tablet"), "Myrbetriq 25 mg ER tablet", "2020-05-18",
                 "Take 1 tablet by mouth daily", reason_ref=[nb], dose=(25, "mg"))
    gaba = c.med(("25480", "gabapentin 300 MG Oral Capsule"), "gabapentin 300 mg capsule", "2019-08-13",
                 "Take 1 capsule by mouth three times daily", status="stopped", end="2021-01-12", reason_ref=[npain],
                 status_reason="Adverse effect")
    dulox = c.med(("72625", "duloxetine 30 MG Delayed Release Oral Capsule"), "duloxetine 30 mg DR capsule", "2021-01-12",
                  "Take 1 capsule by mouth daily", reason_ref=[npain], dose=(30, "mg"))
    bac1 = c.med(("1292", "baclofen 10 MG Oral Tablet"), "baclofen 10 mg tablet", "2020-10-15",
                 "Take 10 mg by mouth three times daily", status="stopped", end="2022-04-11", reason_ref=[spas],
                 status_reason="Dose increased")
    bac2 = c.med(("1292", "baclofen 20 MG Oral Tablet"), "baclofen 20 mg tablet", "2022-04-11",
                 "Take 20 mg by mouth three times daily", reason_ref=[spas], dose=(20, "mg"))
    amp = c.med(("1011197", "dalfampridine 10 MG Extended Release Oral Tablet"), "Ampyra 10 mg ER tablet", "2021-03-16",
                "Take 1 tablet by mouth every 12 hours", reason_ref=[walk], dose=(10, "mg"))
    nitro = c.med(("7454", "nitrofurantoin monohydrate 100 MG Oral Capsule"), "nitrofurantoin 100 mg capsule",
                  "2023-03-02", "Take 1 capsule by mouth twice daily for 5 days", status="completed", end="2023-03-07",
                  reason_ref=[uti], enc=ed3)
    for d, e in [("2024-01-09", "2024-01-19"), ("2024-05-14", "2024-05-24")]:
        c.med(("617296", "amoxicillin 875 MG / clavulanate 125 MG Oral Tablet"), "amoxicillin-clavulanate 875-125 mg tablet",
              d, "Take 1 tablet by mouth twice daily for 10 days", status="completed", end=e, reason_ref=[sinus])
    c.med(("1649988", "doxycycline hyclate 100 MG Oral Tablet"), "doxycycline 100 mg tablet", "2024-10-22",
          "Take 1 tablet by mouth twice daily for 7 days", status="completed", end="2024-10-29", reason_ref=[sinus])
    active = [suma, d3, ocr2, prem1, prem2, mira, dulox, bac2, amp]

    # ---- observations
    for d, v in [("2016-06-02", 14), ("2016-12-06", 31), ("2017-06-13", 38), ("2018-06-12", 44), ("2019-09-17", 52),
                 ("2021-03-16", 47), ("2023-03-14", 55), ("2024-09-10", 49)]:
        c.lab("vitd", d, v)
    for d, v in [("2019-01-15", 1080), ("2020-03-17", 1010), ("2021-03-16", 925), ("2022-03-15", 840), ("2022-09-13", 790),
                 ("2023-03-14", 730), ("2023-11-14", 640), ("2024-03-12", 610), ("2024-09-10", 575), ("2025-03-11", 548)]:
        c.lab("igg", d, v)
    for d, v in [("2016-06-02", 18), ("2016-12-06", 34), ("2017-06-13", 52), ("2018-03-13", 88), ("2018-06-12", 64),
                 ("2019-01-15", 41), ("2019-09-17", 22), ("2021-03-16", 19), ("2024-03-12", 21)]:
        c.lab("alt_f", d, v, series="alt")
    for d, v in [("2016-06-02", 1.9), ("2017-06-13", 1.4), ("2018-06-12", 1.2), ("2019-09-17", 1.3), ("2021-03-16", 1.1),
                 ("2023-03-14", 0.9), ("2025-03-11", 0.8)]:
        c.lab("lymph", d, v)
    for d, v in [("2019-01-15", 212), ("2019-09-17", 3), ("2021-03-16", 2), ("2023-03-14", 4), ("2024-09-10", 6)]:
        c.lab("cd19", d, v)
    c.lab("jcv", "2019-01-15", 2.1, note="Positive; high index (>1.5).", interp_override=("H", "High"))
    neg = (SCT, "260385009", "Negative")
    c.qual((LNC, "5196-1", "Hepatitis B virus surface Ag [Presence] in Serum"), "2019-01-15", "Negative", interp="N", value_cc=neg)
    c.qual((LNC, "16933-4", "Hepatitis B virus core Ab [Presence] in Serum"), "2019-01-15", "Negative", interp="N", value_cc=neg)
    vzv = c.qual((LNC, "19162-7", "Varicella zoster virus IgG Ab [Presence] in Serum"), "2019-01-15", "Negative (non-immune)",
                 interp="A", value_cc=neg)
    for d, v in [("2016-06-02", 1.9), ("2017-06-13", 2.4), ("2018-06-12", 3.1)]:
        c.lab("tsh", d, v)
    for d, v in [("2017-09-12", 17), ("2017-12-12", 12), ("2018-06-12", 8), ("2019-01-15", 6), ("2020-01-10", 3)]:
        c.lab("phq9", d, v)
    for d, v in [("2016-05-20", 2.0), ("2017-03-24", 2.5), ("2018-12-04", 3.5), ("2019-09-17", 3.0), ("2021-03-16", 3.5),
                 ("2022-09-13", 3.5), ("2024-09-10", 4.0)]:
        c.lab("edss", d, v)
    for d, v in [("2021-03-16", 9.8), ("2021-06-01", 7.9), ("2022-09-13", 8.1), ("2024-09-10", 8.6)]:
        c.lab("t25fw", d, v)
    ucx = c.qual((LNC, "630-4", "Bacteria identified in Urine by Culture"), "2023-03-02",
                 ">100,000 CFU/mL Escherichia coli, nitrofurantoin susceptible", interp="A")
    aqp4 = c.qual((LOC, "AQP4-IGG", "Aquaporin-4 IgG antibody (cell-based assay)"), "2016-05-18", "Negative", interp="N",
                  value_cc=neg)
    ocb = c.qual((LOC, "CSF-OCB", "Oligoclonal bands [Presence] in Cerebral spinal fluid"), "2016-05-18",
                 "6 bands unique to CSF (positive)", interp="A")
    iggi = c.lab("igg_idx", "2016-05-18", 0.92)
    bps = [(112, 72), (108, 70), (114, 74), (120, 78), (110, 70), (116, 76), (118, 74), (112, 72), (110, 68), (122, 80),
           (114, 72), (116, 74), (118, 76), (112, 70), (120, 78), (124, 80), (118, 76)]
    for i, d in enumerate(neuro):
        c.bp(d, *bps[i])
    for d, v in [("2016-05-20", 61.4), ("2017-12-12", 63.2), ("2019-01-15", 62.8), ("2020-01-10", 64.1),
                 ("2021-01-12", 70.3), ("2022-04-11", 66.2), ("2023-11-14", 65.8), ("2024-09-17", 66.5)]:
        c.lab("weight", d, v)
    smk = c.smoking("2024-09-17", "266919005", "Never smoked tobacco")
    c.social_qty("75626-2", "Total score [AUDIT-C]", "2024-09-17", 2, "{score}")

    # ---- reports
    mri1 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2016-05-12", "RAD",
                    "Eleven T2/FLAIR hyperintense lesions in periventricular, juxtacortical and infratentorial white matter, "
                    "two with gadolinium enhancement. Findings highly suggestive of demyelinating disease.",
                    text="MRI brain with and without contrast")
    mric = c.report((LNC, "24626-4", "MR Cervical spine WO and W contrast IV"), "2016-05-12", "RAD",
                    "Single non-enhancing T2 lesion at C4, dorsal cord, less than one segment. No cord swelling.",
                    text="MRI cervical spine with and without contrast", hm="12:30")
    csf = c.report((LNC, "24356-8", "CSF analysis panel"), "2016-05-18", "LAB",
                   "CSF: 6 oligoclonal bands unique to CSF; elevated IgG index 0.92; WBC 4/uL; protein 41 mg/dL. "
                   "Serum AQP4-IgG negative.", results=[ocb, iggi, aqp4], text="Cerebrospinal fluid studies")
    vep = c.report((LNC, "11526-1", "Visual evoked potential study"), "2016-05-26", "OTH",
                   "Prolonged P100 latency right eye (128 ms), normal left eye (102 ms), consistent with right optic nerve demyelination.",
                   text="Visual evoked potentials")
    mri2 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2017-03-14", "RAD",
                    "Two new T2 lesions compared with 2016-05-12, one enhancing lesion in the right corona radiata.",
                    text="MRI brain with and without contrast")
    mri3 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2018-11-20", "RAD",
                    "Three new gadolinium-enhancing lesions, including the left middle cerebellar peduncle and the pons. "
                    "Interval increase in total T2 lesion burden.",
                    text="MRI brain with and without contrast", enc=adm)
    mri4 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2020-02-11", "RAD",
                    "Stable T2 lesion burden compared with 2018-11-20. No enhancing lesions.", text="MRI brain with and without contrast")
    mri5 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2022-02-08", "RAD",
                    "Stable. No new T2 lesions and no enhancing lesions.", text="MRI brain with and without contrast")
    mri6 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2024-02-13", "RAD",
                    "No new T2 lesions and no enhancing lesions compared with 2022-02-08. Mild global volume loss.",
                    text="MRI brain with and without contrast")
    uds = c.report((LNC, "18749-2", "Urodynamic study"), "2019-03-26", "OTH",
                   "Detrusor overactivity with urgency at 150 mL; capacity 310 mL; post-void residual 40 mL.",
                   text="Urodynamic study")

    # ---- procedures / devices
    lp = c.proc((SCT, "277762005", "Lumbar puncture"), "2016-05-18", body_site=("122496007", "Lumbar spine structure"),
                reports=[csf], reason="Evaluation for demyelinating disease", hm="13:15")
    infp = [c.proc((SCT, "14152002", "Intravenous infusion of drug"), d, reason_ref=[ms], enc=infe[d], hm="10:00",
                   text=("Ocrelizumab (Ocrevus) 300 mg IV infusion" if d in ("2019-03-05", "2019-03-19")
                         else "Ocrelizumab (Ocrevus) 600 mg IV infusion"))
            for d in infd]
    c.proc((SCT, "252083001", "Urodynamic studies"), "2019-03-26", reason_ref=[nb], reports=[uds], hm="09:30")
    afo, afo_dus = c.device((SCT, "224858007", "Ankle-foot orthosis"), "Right ankle-foot orthosis (carbon fiber)",
                            manufacturer="Allard", model="ToeOFF", start="2021-06-01",
                            body_site=("6685009", "Right ankle region structure"), reason="Right foot drop")
    cane, cane_dus = c.device((SCT, "87405001", "Cane"), "Single-point cane", start="2018-12-04",
                              reason="Gait ataxia after relapse")

    # ---- immunizations
    c.imm(("115", "Tdap"), "2019-01-15", dose=1)
    c.imm(("33", "pneumococcal polysaccharide PPV23"), "2019-01-15", dose=1, series=("PPSV23", 1), site=("RA", "right arm"))
    c.imm(("189", "Hep B, adjuvanted (Heplisav-B)"), "2019-01-15", dose=1, series=("Heplisav-B", 2), site=("LD", "left deltoid"))
    c.imm(("189", "Hep B, adjuvanted (Heplisav-B)"), "2019-02-12", dose=2, series=("Heplisav-B", 2))
    var_nd = c.imm(("21", "varicella"), "2019-01-15", status="not-done", reason="PATOBJ",
                   reason_text="Patient declined; did not want to delay ocrelizumab start")
    for d in ["2016-10-18", "2017-10-17", "2018-10-16", "2019-10-15", "2020-10-13", "2021-10-12", "2022-10-11",
              "2023-10-10", "2024-10-08"]:
        c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), d, dose=1, series=("Seasonal influenza", 1))
    cov = [c.imm(("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose"), d, dose=i + 1, series=("COVID-19 Moderna", None),
                 manufacturer="Moderna") for i, d in enumerate(["2021-04-13", "2021-05-11", "2021-12-14"])]
    cov.append(c.imm(("312", "COVID-19, mRNA, LNP-S, PF, 50 mcg/0.5 mL dose (2023-2024)"), "2023-10-10", dose=1,
                     series=("COVID-19 2023-2024", 1), manufacturer="Moderna"))
    shx = [c.imm(("187", "zoster vaccine recombinant"), d, dose=i + 1, series=("Shingrix", 2), manufacturer="GSK")
           for i, d in enumerate(["2022-04-11", "2022-06-14"])]

    # ---- allergies, family, goals, plans
    al_s = c.allergy((RXN, "10831", "sulfamethoxazole / trimethoprim"), "Bactrim (sulfamethoxazole-trimethoprim)", "medication",
                     "low", [("126485001", "Urticaria", "moderate", "Hives on day 3 of course")], onset="2010-07-01",
                     recorded="2016-05-20")
    al_l = c.allergy((SCT, "111088007", "Latex"), "Latex", "environment", "low",
                     [("40275004", "Contact dermatitis", "mild", None)], onset="2012-01-01", recorded="2016-05-20")
    al_p = c.allergy((RXN, "70618", "penicillin"), "Penicillin", "medication", "low",
                     [("271807003", "Eruption of skin", "mild", "Childhood rash, reported by mother")],
                     onset="1990-01-01", recorded="2016-05-20", ver="refuted", clin="inactive",
                     note="Tolerated amoxicillin-clavulanate 2024-01-09 without reaction; allergy refuted.")
    fm_a = c.fmh(("MAUNT", "maternal aunt"), "female", [("24700007", "Multiple sclerosis", 34)], "2016-05-20")
    c.fmh(("FTH", "father"), "male", [("44054006", "Diabetes mellitus type 2", 52)], "2016-05-20")
    c.fmh(("MTH", "mother"), "female", [("40930008", "Hypothyroidism", 45)], "2016-05-20")
    g_vd = c.goal("Vitamin D at or above 40 ng/mL", "2016-06-02", "achieved",
                  target={"measure": cc(LNC, "62292-8", "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma"),
                          "detailQuantity": {"value": 40, "comparator": ">=", "unit": "ng/mL", "system": UCUM, "code": "ng/mL"}},
                  addresses=[vitd_c], status_date="2018-06-12")
    g_walk = c.goal("Timed 25-foot walk under 8 seconds", "2021-03-16", "not-achieved",
                    target={"measure": cc(LOC, "T25FW", "Timed 25-foot walk"),
                            "detailQuantity": {"value": 8, "comparator": "<", "unit": "s", "system": UCUM, "code": "s"}},
                    addresses=[walk], status_date="2024-09-10")
    g_rel = c.goal("No clinical relapses on ocrelizumab", "2019-03-05", "sustaining", addresses=[ms])
    c.careplan("MS disease-modifying therapy plan", "2019-03-05",
               [("Ocrelizumab 600 mg IV every 6 months with premedication", "in-progress"),
                ("IgG and CD19 monitoring every 6 months", "in-progress"),
                ("Annual MRI brain with contrast", "in-progress")], goals=[g_rel, g_vd], addresses=[ms])
    c.careplan("Mobility and bladder management", "2021-03-16",
               [("Physical therapy twice monthly with gait training", "in-progress"),
                ("Right ankle-foot orthosis", "in-progress"), ("Timed voiding and mirabegron", "in-progress")],
               goals=[g_walk], addresses=[walk, nb])

    # ---- notes
    n_con = c.note(("11488-4", "Consult note"), "2016-05-20", "Neurology consultation",
           "Neurology consultation\n29-year-old woman with painful blurred vision in the right eye since 2016-04-28, treated "
           "with IV methylprednisolone from the ED. MRI brain shows 11 lesions, 2 enhancing; C4 cord lesion. CSF with 6 unique "
           "oligoclonal bands. AQP4-IgG negative.\nDiagnosis: relapsing-remitting multiple sclerosis.\n"
           "Social: 7th-grade science teacher at a public middle school in Worcester. Married to Marek. Never smoked. "
           "Two glasses of wine a week.\nPlan: start interferon beta-1a weekly; vitamin D repletion.",
           "Dr. Simone Achterberg, Neurology")
    c.note(("11506-3", "Progress note"), "2017-09-12", "Neurology progress note",
           "Neurology follow-up\nReports flu-like aches and chills every Thursday night after her Avonex injection, lasting "
           "into Friday, and low mood for two months with poor sleep. PHQ-9 17.\nPlan: start sertraline 50 mg daily, "
           "referral to counseling, ibuprofen before injections, continue interferon for now.",
           "Dr. Simone Achterberg, Neurology")
    c.note(("18842-5", "Discharge summary"), "2018-11-22", "Discharge summary - MS relapse",
           "Discharge summary\nDirect admission from neurology clinic on 2018-11-19 with 3 days of double vision and unsteady gait. MRI 2018-11-20: "
           "three new gadolinium-enhancing lesions including the pons. Treated with IV methylprednisolone 1 g daily x3 with "
           "improvement. Walking with a cane at discharge.\nDischarged home with her husband. Outpatient neurology to discuss "
           "switching disease-modifying therapy because of breakthrough disease on interferon.",
           "Dr. Rafael Ortiz, Hospital Medicine", enc=adm)
    n_sw = c.note(("11506-3", "Progress note"), "2019-01-15", "Neurology progress note - therapy switch",
                  "Neurology follow-up\nBreakthrough disease on Avonex: relapses 2017-03 and 2018-11 with new enhancing lesions. "
                  "Avonex stopped today.\nOptions reviewed. JCV antibody index 2.1 (positive, high), so natalizumab (Tysabri) carries "
                  "a substantial PML risk; she also did not want monthly infusions and declined natalizumab because of PML worry. "
                  "She prefers a twice-yearly infusion. Plan: ocrelizumab.\nPre-treatment: hepatitis B surface antigen and core "
                  "antibody negative. VZV IgG negative; varicella vaccine offered but she declined because it would delay "
                  "ocrelizumab by 4-6 weeks. Tdap, pneumococcal polysaccharide and Heplisav-B dose 1 given today.",
                  "Dr. Simone Achterberg, Neurology")
    n_gab = c.note(("11506-3", "Progress note"), "2021-01-12", "Neurology progress note",
                   "Neurology follow-up\nGabapentin is not working well for the burning leg pain and is causing daytime "
                   "sedation; she has also gained 6 kg since it was started. Gabapentin stopped. Start duloxetine 30 mg daily "
                   "for neuropathic pain.\nWalking is slower; timed 25-foot walk to be measured; will consider dalfampridine.",
                   "Dr. Simone Achterberg, Neurology")
    n_igg = c.note(("11506-3", "Progress note"), "2024-09-17", "Neurology progress note",
                   "Neurology follow-up\nIgG 575 mg/dL (low) and falling; three courses of antibiotics for sinusitis this year. "
                   "We discussed extended-interval ocrelizumab dosing; she prefers to stay on the every-6-month schedule because "
                   "she is afraid of another relapse. Will refer to immunology for IVIG if IgG falls below 400 or she has a serious infection.\n"
                   "Work: still teaching, reduced to 0.6 FTE since 2022 because of fatigue. Timed 25-foot walk 8.6 s. EDSS 4.0.",
                   "Dr. Simone Achterberg, Neurology")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    tr = c.series("igg", "2019-03-05")
    A(c, "lab_trend", "igg levels since she started ocrevus - trending down?", tr, [val(tr[0]), val(tr[-1])])
    hi = c.extreme("alt", max, "2016-07-01", "2019-01-15")
    A(c, "lab_extreme", "highest alt while she was on avonex", [hi], [val(hi), "2018-03-13"])
    cd = c.closest("cd19", "2019-10-15")
    A(c, "lab_at_time", "cd19 count around fall 2019", [cd], [val(cd)])
    ly = c.latest("lymph")
    A(c, "lab_normal", "was her lymphocyte count normal last time", [ly], [val(ly), "Low"])
    e0 = c.first("edss")
    A(c, "lab_first", "first EDSS on record", [e0], [val(e0), "2016-05-20"])
    A(c, "med_active", "current meds?", active,
      ["sumatriptan", "cholecalciferol", "ocrelizumab", "methylprednisolone", "diphenhydramine", "mirabegron",
       "duloxetine", "baclofen", "dalfampridine"])
    A(c, "med_class", "any antidepressants now", [dulox], ["duloxetine"])
    A(c, "med_brand", "is she still on avonex", [avo], ["stopped", "2019-01-15"])
    A(c, "med_stopped_why", "why was the gabapentin dc'd", [gaba, n_gab], ["sedation"], match="any")
    A(c, "med_why", "why is she on ampyra", [amp, walk], ["walking"])
    A(c, "med_dose", "bacolfen dose now", [bac2], ["20 mg"], miss=True)
    A(c, "condition_onset", "when was her optic neuritis", [on], ["2016-04-28"])
    A(c, "allergy", "is her pcn allergy legit", [al_p], ["refuted"])
    A(c, "imaging_path", "what did the nov 2018 mri show", [mri3], ["three new"])
    A(c, "procedure_count", "how many ocrelizumb infusions so far", infp, [str(len(infp))], miss=True)
    A(c, "encounter_detail", "reason for the 2018 admit", [adm], ["diplopia"])
    emer = [e for e in c.encs if e["_cls"] == "EMER"]
    A(c, "encounter_count", "how many ER visits total", emer, [str(len(emer))])
    A(c, "imm_series", "shingrix both doses done?", shx, ["2022-04-11", "2022-06-14"])
    A(c, "imm_not_done", "did she get the varicella vaccine before ocrevus", [var_nd], ["declined"])
    A(c, "imm_count", "how many covid shots has she had", cov, [str(len(cov))])
    A(c, "family_hx", "fam hx of MS?", [fm_a], ["aunt"])
    A(c, "note_only", "why wasn't she put on tysabri", [n_sw], ["pml"])
    A(c, "two_in_one", "what's she on for her bladder now and when did the oxybutinin stop", [mira, oxyb],
      ["mirabegron", "2020-05-18"], miss=True)
    A(c, "device", "does she wear a brace for the foot drop", [afo, afo_dus], ["ankle-foot orthosis"], match="any")

    X(c, "lab_latest", "last hba1c?", ["a1c", "hba1c", "hemoglobin a1c", "4548-4"])
    X(c, "med_ever", "is she on synthroid", ["levothyroxine", "synthroid", "levoxyl"])
    X(c, "condition", "hx of dvt or PE", ["deep vein thrombosis", "pulmonary embolism", "dvt", "thrombosis", "embolism"])
    X(c, "device", "any ostomy", ["ostomy", "stoma", "ileostomy", "colostomy"])
    X(c, "med_brand", "has she gotten prolia", ["denosumab", "prolia"])
    X(c, "med_class", "on a statin?", ["statin", "atorvastatin", "rosuvastatin", "simvastatin", "pravastatin"])
    return c

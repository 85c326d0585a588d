"""Patient 1: treatment-resistant paranoid schizophrenia on clozapine with ANC (REMS) monitoring,
clozapine-induced constipation/fecal impaction admission, metabolic syndrome, smoking cessation."""
from lib import add_days, jitter_dates

BUNDLE_TYPE = "transaction"
TZ = "-05:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Desmond", "Ade"], "Okafor-Reyes", "male", "1986-04-12",
               {"line": ["418 Larchmont Ave", "Apt 2"], "city": "Dayton", "state": "OH", "postalCode": "45409"},
               phone="937-555-0148", mrn="GCR-4471902", marital=("S", "Never Married"), lang=("en", "English"))

    # ---------------- encounters (hospital stays and ED first)
    e_mri = ch.encounter("AMB", "Outpatient imaging visit", "2008-09-15", type_code=("185349003", "Encounter for check up"),
                         reason="First-episode psychosis work-up", provider="Gem City Regional Medical Center")
    adm16 = ch.encounter("IMP", "Inpatient psychiatric admission", "2016-03-02T19:40", "2016-03-19T11:00",
                         type_code=("32485007", "Hospital admission"), reason="Acute exacerbation of paranoid schizophrenia",
                         admit=("emd", "From accident/emergency department"), discharge=("home", "Home"),
                         provider="Gem City Regional Medical Center - Behavioral Health Unit")
    ed17 = ch.encounter("EMER", "Emergency department visit", "2017-10-21T22:05", "2017-10-22T01:30",
                        type_code=("50849002", "Emergency room admission"), reason="Laceration of left hand (cut on broken glass)",
                        provider="Gem City Regional Medical Center")
    adm18 = ch.encounter("IMP", "Inpatient psychiatric admission", "2018-04-28T16:15", "2018-05-25T10:30",
                         type_code=("32485007", "Hospital admission"), reason="Psychotic relapse with command auditory hallucinations despite long-acting injectable",
                         admit=("emd", "From accident/emergency department"), discharge=("home", "Home", "Home (lives with sister)"),
                         provider="Gem City Regional Medical Center - Behavioral Health Unit")
    ed23 = ch.encounter("EMER", "Emergency department visit", "2023-02-11T13:50", "2023-02-11T20:40",
                        type_code=("50849002", "Emergency room admission"), reason="Abdominal pain and distension, no bowel movement for 6 days",
                        provider="Gem City Regional Medical Center")
    adm23 = ch.encounter("IMP", "Inpatient medical admission", "2023-02-11T20:40", "2023-02-15T13:00",
                         type_code=("32485007", "Hospital admission"), reason="Fecal impaction with colonic distension (clozapine-associated)",
                         admit=("emd", "From accident/emergency department"), discharge=("home", "Home"),
                         provider="Gem City Regional Medical Center")
    uc21 = ch.encounter("AMB", "Urgent care visit", "2021-08-09", type_code=("702927004", "Urgent care clinic"),
                        reason="Sore throat and runny nose", provider="Kettering Urgent Care")

    # ---------------- conditions
    schiz = ch.condition("Paranoid schizophrenia (treatment-resistant)", ("35252006", "Paranoid schizophrenia"),
                         ("F20.0", "Paranoid schizophrenia"), onset="2008-09-03")
    sial = ch.condition("Sialorrhea (clozapine-induced hypersalivation)", ("53827007", "Excessive salivation"),
                        ("K11.7", "Disturbances of salivary secretion"), onset="2018-06-02")
    constip = ch.condition("Drug-induced constipation", ("14760008", "Constipation"), ("K59.03", "Drug induced constipation"),
                           onset="2018-07-10")
    impact = ch.condition("Fecal impaction", ("72592005", "Fecal impaction"), ("K56.41", "Fecal impaction"), onset="2023-02-11",
                          status="resolved", abate="2023-02-15", cat="encounter-diagnosis", enc=adm23)
    prediab = ch.condition("Prediabetes", ("714628002", "Prediabetes"), ("R73.03", "Prediabetes"), onset="2019-09-16",
                           status="resolved", abate="2021-03-22")
    t2dm = ch.condition("Type 2 diabetes mellitus without complication", ("44054006", "Diabetes mellitus type 2"),
                        ("E11.9", "Type 2 diabetes mellitus without complications"), onset="2021-03-22")
    hld = ch.condition("Mixed hyperlipidemia", ("55822004", "Hyperlipidemia"), ("E78.2", "Mixed hyperlipidemia"), onset="2019-09-16")
    obes = ch.condition("Obesity (BMI 30-34.9)", ("414916001", "Obesity"), ("E66.9", "Obesity, unspecified"), onset="2013-06-10")
    tob = ch.condition("Nicotine dependence, cigarettes", ("56294008", "Nicotine dependence"),
                       ("F17.210", "Nicotine dependence, cigarettes, uncomplicated"), onset="2002", status="resolved",
                       abate="2022-04-02")
    tachy = ch.condition("Sinus tachycardia (clozapine-related)", ("11092001", "Sinus tachycardia"), ("R00.0", "Tachycardia, unspecified"),
                         onset="2018-06-10", status="resolved", abate="2019-12-09")
    mdd = ch.condition("Major depressive disorder, recurrent, moderate", ("66344007", "Recurrent major depression"),
                       ("F33.1", "Major depressive disorder, recurrent, moderate"), onset="2020-11-09")
    uri = ch.condition("Acute viral upper respiratory infection", ("54150009", "Upper respiratory infection"),
                       ("J06.9", "Acute upper respiratory infection, unspecified"), onset="2021-08-09", status="resolved",
                       abate="2021-08-20", cat="encounter-diagnosis", enc=uc21)
    neut = ch.condition("Neutropenia, mild (ANC 1000-1499)", ("165517008", "Neutropenia"), ("D70.9", "Neutropenia, unspecified"),
                        onset="2021-08-16", status="resolved", abate="2021-08-30")
    lac = ch.condition("Laceration of left hand without foreign body", ("312608009", "Laceration of hand"),
                       ("S61.412A", "Laceration without foreign body of left hand, initial encounter"), onset="2017-10-21",
                       status="resolved", abate="2017-11-04", cat="encounter-diagnosis", enc=ed17)

    # ---------------- medications
    P = "Dr. Lena Marchetti, MD (Psychiatry)"
    PCP = "Dr. Owen Fairbanks, DO (Family Medicine)"
    ch.med("risperidone 2 MG Oral Tablet [Risperdal]", ("312830", "risperidone 2 MG Oral Tablet"), "stopped", "2008-09-20",
           sig="Take 1 tablet by mouth twice daily", dose=(2, "mg"), freq=(2, 1, "d"), route="PO", reasons=[schiz],
           status_reason="Inadequate response; hyperprolactinemia with gynecomastia", end="2011-02-14", requester=P)
    ch.med("olanzapine 20 MG Oral Tablet [Zyprexa]", ("314154", "olanzapine 20 MG Oral Tablet"), "stopped", "2011-02-14",
           sig="Take 1 tablet by mouth at bedtime", dose=(20, "mg"), freq=(1, 1, "d", "HS"), route="PO", reasons=[schiz],
           status_reason="Weight gain and persistent auditory hallucinations", end="2016-03-02", requester=P)
    ch.med("haloperidol decanoate 100 MG/ML Injectable Solution [Haldol Decanoate]", ("310793", "haloperidol decanoate 100 MG/ML Injectable Solution"),
           "stopped", "2016-03-15", sig="Inject 100 mg intramuscularly every 4 weeks", dose=(100, "mg"), freq=(1, 4, "wk"),
           route="IM", reasons=[schiz], end="2018-04-28", requester=P, enc=adm16)
    ch.med("benztropine mesylate 1 MG Oral Tablet [Cogentin]", ("197378", "benztropine mesylate 1 MG Oral Tablet"), "stopped", "2016-04-11",
           sig="Take 1 tablet by mouth twice daily for stiffness/tremor", dose=(1, "mg"), freq=(2, 1, "d"), route="PO",
           reason_text="Extrapyramidal symptoms on haloperidol", status_reason="No longer indicated", end="2018-06-20", requester=P)
    ch.med("lorazepam 1 MG Oral Tablet [Ativan]", ("197902", "lorazepam 1 MG Oral Tablet"), "completed", "2018-04-28",
           sig="1 mg by mouth every 6 hours as needed for severe agitation", dose=(1, "mg"), freq=(1, 6, "h"), prn=True, route="PO",
           reason_text="Agitation", end="2018-05-25", enc=adm18, category="inpatient", requester="Dr. Samuel Iwu, MD (Inpatient Psychiatry)")
    ch.med("clozapine 25 MG Oral Tablet [Clozaril] - titration", ("197535", "clozapine 25 MG Oral Tablet"), "completed", "2018-05-14",
           sig="12.5 mg on day 1, then increase by 25 mg daily as tolerated to a target of 300 mg at bedtime",
           dose=(12.5, "mg"), freq=(1, 1, "d"), route="PO", reasons=[schiz], end="2018-06-20", enc=adm18,
           requester="Dr. Samuel Iwu, MD (Inpatient Psychiatry)")
    ch.med("clozapine 100 MG Oral Tablet [Clozaril]", ("197536", "clozapine 100 MG Oral Tablet"), "stopped", "2018-06-20",
           sig="Take 300 mg (3 tablets) by mouth at bedtime", dose=(300, "mg"), freq=(1, 1, "d", "HS"), route="PO",
           reasons=[schiz], status_reason="Dose increased for partial response", end="2020-02-10", requester=P)
    ch.med("clozapine 100 MG Oral Tablet [Clozaril]", ("197536", "clozapine 100 MG Oral Tablet"), "stopped", "2020-02-10",
           sig="Take 400 mg (4 tablets) by mouth at bedtime", dose=(400, "mg"), freq=(1, 1, "d", "HS"), route="PO",
           reasons=[schiz], status_reason="Dose reduced - clozapine level elevated after smoking cessation", end="2022-05-23",
           requester=P)
    cloz = ch.med("clozapine 100 MG Oral Tablet [Clozaril]", ("197536", "clozapine 100 MG Oral Tablet"), "active", "2022-05-23",
                  sig="Take 350 mg by mouth at bedtime (three 100 mg tablets plus two 25 mg tablets)", dose=(350, "mg"),
                  freq=(1, 1, "d", "HS"), route="PO", reasons=[schiz], requester=P,
                  note="Dispense per Clozapine REMS; ANC must be current before each dispense.")
    ch.med("propranolol hydrochloride 10 MG Oral Tablet", ("856448", "propranolol hydrochloride 10 MG Oral Tablet"), "stopped",
           "2018-06-12", sig="Take 1 tablet by mouth twice daily", dose=(10, "mg"), freq=(2, 1, "d"), route="PO", reasons=[tachy],
           status_reason="Tachycardia resolved", end="2019-12-09", requester=P)
    ch.med("glycopyrrolate 1 MG Oral Tablet [Robinul]", ("197740", "glycopyrrolate 1 MG Oral Tablet"), "active", "2018-08-06",
           sig="Take 1 tablet by mouth at bedtime for drooling", dose=(1, "mg"), freq=(1, 1, "d", "HS"), route="PO", reasons=[sial],
           requester=P)
    ch.med("docusate sodium 50 MG / sennosides 8.6 MG Oral Tablet [Senokot-S]", ("1190747", "docusate sodium 50 MG / sennosides 8.6 MG Oral Tablet"),
           "active", "2018-07-10", sig="Take 2 tablets by mouth twice daily", dose=(2, "tablet", "{tbl}"), freq=(2, 1, "d"),
           route="PO", reasons=[constip], requester=P)
    ch.med("lactulose 10 GM/15 ML Oral Solution", ("199120", "lactulose 10000 MG in 15 ML Oral Solution"), "completed", "2023-02-15",
           sig="Take 30 mL by mouth twice daily for 4 weeks, then stop", dose=(30, "mL"), freq=(2, 1, "d"), route="PO",
           reasons=[impact], end="2023-03-15", enc=adm23, requester="Dr. Priya Natarajan, MD (Hospital Medicine)")
    ch.med("polyethylene glycol 3350 17 GM Powder for Oral Solution [MiraLAX]", ("876193", "polyethylene glycol 3350 17000 MG Powder for Oral Solution"),
           "active", "2023-02-15", sig="Mix 17 g in 8 oz of water and drink once daily", dose=(17, "g"), freq=(1, 1, "d"), route="PO",
           reasons=[constip], enc=adm23, requester="Dr. Priya Natarajan, MD (Hospital Medicine)")
    ch.med("metformin hydrochloride 500 MG Oral Tablet", ("861007", "metformin hydrochloride 500 MG Oral Tablet"), "stopped", "2019-09-16",
           sig="Take 1 tablet by mouth twice daily with meals", dose=(500, "mg"), freq=(2, 1, "d"), route="PO", reasons=[prediab],
           reason_text="Antipsychotic-associated weight gain", status_reason="Changed to extended-release at higher dose",
           end="2021-03-22", requester=PCP)
    ch.med("metformin hydrochloride 500 MG Extended Release Oral Tablet [Glucophage XR]", ("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet"),
           "active", "2021-03-22", sig="Take 2 tablets (1000 mg) by mouth twice daily with meals", dose=(1000, "mg"), freq=(2, 1, "d"),
           route="PO", reasons=[t2dm], requester=PCP)
    ch.med("atorvastatin 20 MG Oral Tablet [Lipitor]", ("617310", "atorvastatin 20 MG Oral Tablet"), "active", "2019-09-16",
           sig="Take 1 tablet by mouth daily", dose=(20, "mg"), freq=(1, 1, "d"), route="PO", reasons=[hld], requester=PCP)
    ch.med("escitalopram 10 MG Oral Tablet [Lexapro]", ("349332", "escitalopram 10 MG Oral Tablet"), "stopped", "2020-11-09",
           sig="Take 1 tablet by mouth daily", dose=(10, "mg"), freq=(1, 1, "d"), route="PO", reasons=[mdd],
           status_reason="Dose increased", end="2021-06-14", requester=P)
    ch.med("escitalopram 20 MG Oral Tablet [Lexapro]", ("351249", "escitalopram 20 MG Oral Tablet"), "active", "2021-06-14",
           sig="Take 1 tablet by mouth daily", dose=(20, "mg"), freq=(1, 1, "d"), route="PO", reasons=[mdd], requester=P)
    ch.med("varenicline 0.5 MG / 1 MG Oral Tablet Starting Month Box [Chantix]", ("749788", "varenicline Starting Month Box"),
           "completed", "2022-01-10", sig="0.5 mg daily x3 days, 0.5 mg twice daily x4 days, then 1 mg twice daily for 11 weeks",
           dose=(1, "mg"), freq=(2, 1, "d"), route="PO", reasons=[tob], end="2022-04-04", requester=PCP)
    ch.med("nicotine 21 MG/24HR Transdermal Patch [NicoDerm CQ]", ("198045", "nicotine 0.875 MG/HR Transdermal System"), "completed",
           "2022-01-10", sig="Apply 1 patch daily; remove and replace every 24 hours", dose=(1, "patch", "{patch}"), freq=(1, 1, "d"),
           route="TOP", reasons=[tob], end="2022-03-07", requester=PCP)
    ch.med("cephalexin 500 MG Oral Capsule [Keflex]", ("309114", "cephalexin 500 MG Oral Capsule"), "completed", "2017-10-22",
           sig="Take 1 capsule by mouth 4 times daily for 7 days", dose=(500, "mg"), freq=(4, 1, "d"), route="PO", reasons=[lac],
           end="2017-10-29", enc=ed17, requester="Dr. Hannah Brandt, MD (Emergency Medicine)")
    ch.med("acetaminophen 500 MG Oral Tablet [Tylenol]", ("198440", "acetaminophen 500 MG Oral Tablet"), "active", "2019-03-11",
           sig="Take 1-2 tablets by mouth every 6 hours as needed for pain (max 3 g/day)", dose=(1000, "mg"), freq=(1, 6, "h"),
           prn=True, route="PO", reason_text="Pain", requester=PCP)

    # ---------------- ANC (REMS) and other labs
    anc_vals = {}
    # weekly x 6 months from start
    for d in jitter_dates(rng, "2018-05-14", "2018-11-05", 7):
        anc_vals[d] = round(rng.uniform(3.1, 5.6), 1)
    for d in jitter_dates(rng, "2018-11-19", "2019-05-06", 14):
        anc_vals[d] = round(rng.uniform(2.9, 5.2), 1)
    for d in ["2019-08-12", "2019-11-11", "2020-02-10", "2020-05-11", "2020-08-10", "2020-11-09", "2021-02-08", "2021-05-10", "2021-07-12"]:
        anc_vals[d] = round(rng.uniform(2.6, 4.8), 1)
    anc_vals.update({"2021-08-16": 1.3, "2021-08-18": 1.2, "2021-08-20": 1.4, "2021-08-23": 1.6, "2021-08-30": 2.1})
    for d in ["2021-10-11", "2022-01-10", "2022-04-11", "2022-05-23", "2022-07-11", "2022-10-10"]:
        anc_vals[d] = round(rng.uniform(2.5, 4.6), 1)
    for d in jitter_dates(rng, "2023-01-09", "2024-10-07", 56):
        anc_vals[d] = round(rng.uniform(2.4, 4.4), 1)
    anc_vals["2023-02-11"] = 8.9
    anc_obs = {}
    for d in sorted(anc_vals):
        v = anc_vals[d]
        anc_obs[d] = ch.lab("anc", v, d, enc=ed23 if d == "2023-02-11" else None,
                            note=("REMS: mild neutropenia - monitor three times weekly; continue clozapine" if d == "2021-08-16" else None))
    # baseline before clozapine
    ch.lab("anc", 3.6, "2018-05-10", enc=adm18, note="Baseline ANC prior to clozapine initiation")
    wbc_adm = ch.lab("wbc", 11.8, "2023-02-11", enc=ed23)
    hgb_adm = ch.lab("hgb", 14.6, "2023-02-11", enc=ed23)
    plt_adm = ch.lab("plt", 268, "2023-02-11", enc=ed23)
    k_adm = ch.lab("k", 3.3, "2023-02-11", enc=ed23)
    lip_adm = ch.lab("lipase", 34, "2023-02-11", enc=ed23)
    lac_adm = ch.lab("lactate", 1.4, "2023-02-11", enc=ed23)
    ch.report("58410-2", "CBC panel - Blood by Automated count", "2023-02-11", cat="LAB",
              results=[wbc_adm, hgb_adm, plt_adm, anc_obs["2023-02-11"]], enc=ed23,
              conclusion="Mild leukocytosis with neutrophilia.")
    # myocarditis screen
    for d, trop, crp in [("2018-05-14", 0.01, 2.1), ("2018-05-21", 0.02, 3.4), ("2018-05-28", 0.01, 18.6), ("2018-06-04", 0.01, 6.2)]:
        ch.lab("tropi", trop, d, enc=adm18 if d < "2018-05-25" else None)
        ch.lab("crp", crp, d, enc=adm18 if d < "2018-05-25" else None)
    # clozapine levels
    for d, v in [("2018-07-16", 298), ("2019-01-14", 385), ("2020-01-13", 322), ("2020-04-13", 455), ("2021-04-12", 470),
                 ("2022-05-23", 812), ("2022-08-22", 548), ("2023-08-21", 510), ("2024-08-19", 536)]:
        ch.obs_q("3481-3", "Clozapine [Mass/volume] in Serum or Plasma", "Clozapine level (trough)", v, "ng/mL", d,
                 ref=(350, 600, "Therapeutic 350-600 ng/mL"), interp=("L" if v < 350 else "H" if v > 600 else "N"))
    ch.lab("prl", 48.2, "2010-11-08", note="On risperidone 2 mg twice daily")
    for d, v in [("2019-09-09", 6.1), ("2020-09-14", 6.3), ("2021-03-15", 6.8), ("2021-09-13", 6.6), ("2022-09-12", 6.4),
                 ("2023-03-06", 6.9), ("2023-09-11", 6.7), ("2024-09-09", 6.5)]:
        ch.lab("a1c", v, d)
    ch.lab("glu", 118, "2019-09-09")
    lipid24 = None
    for d, tc, ldl, hdl, tg in [("2019-09-09", 246, 148, 34, 312), ("2021-03-15", 181, 96, 36, 245), ("2023-03-06", 166, 88, 38, 198),
                                ("2024-09-09", 157, 81, 39, 176)]:
        a = ch.lab("chol", tc, d)
        b = ch.lab("ldl", ldl, d)
        c = ch.lab("hdl", hdl, d)
        e = ch.lab("tg", tg, d)
        if d == "2024-09-09":
            lipid24 = [a, b, c, e]
    ch.report("57698-3", "Lipid panel with direct LDL - Serum or Plasma", "2024-09-09", cat="LAB", results=lipid24)
    ch.lab("alt", 38, "2019-09-09")
    ch.lab("alt", 44, "2024-09-09")
    ch.lab("cr", 0.9, "2024-09-09")
    for d, v in [("2018-05-10", 418), ("2018-06-12", 432), ("2021-06-21", 446), ("2024-06-17", 438)]:
        ch.obs_q("8636-3", "QT interval corrected", "QTc interval", v, "ms", d, cat="procedure", ref=(None, 450))
    ch.vital("hr", 118, "2018-06-12")
    ch.vital("hr", 84, "2019-12-09")
    for d, v in [("2020-11-09", 16), ("2021-02-08", 12), ("2021-06-14", 11), ("2022-02-14", 7), ("2023-08-21", 5)]:
        ch.obs_q("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", "PHQ-9 total score", v,
                 "{score}", d, cat="survey")
    ch.smoking("2018-05-14", "current")
    ch.obs_q("8663-7", "Cigarettes smoked current (pack per day) - Reported", "Cigarettes per day (packs)", 1, "{packs}/d",
             "2018-05-14", cat="social-history")
    ch.smoking("2020-09-14", "current")
    ch.smoking("2022-05-23", "former")
    ch.smoking("2024-09-09", "former")

    # ---------------- clinic visits with vitals
    visits = ["2018-06-12", "2018-09-10", "2018-12-10", "2019-03-11", "2019-06-10", "2019-09-16", "2019-12-09", "2020-02-10",
              "2020-06-08", "2020-11-09", "2021-02-08", "2021-06-14", "2021-08-16", "2021-10-11", "2022-02-14", "2022-05-23",
              "2022-08-22", "2023-03-06", "2023-08-21", "2024-02-12", "2024-06-17", "2024-09-09"]
    weights = [96.2, 98.0, 99.1, 100.4, 101.0, 102.3, 103.1, 103.8, 104.2, 104.9, 103.6, 102.8, 102.5, 101.9, 102.2, 104.6,
               106.1, 105.0, 104.2, 103.3, 102.9, 102.4]
    venc = {}
    for i, d in enumerate(visits):
        pcp = d in ("2019-09-16",)
        e = ch.encounter("AMB", "Outpatient psychiatry follow-up" if not pcp else "Primary care visit", d,
                         type_code=("185389009", "Follow-up visit"),
                         reason="Schizophrenia on clozapine - medication management" if not pcp else "Annual physical / chronic disease follow-up",
                         reason_refs=[schiz] if not pcp else None,
                         provider="Gem City Regional Medical Center - Outpatient Psychiatry" if not pcp else "Fairbanks Family Medicine")
        venc[d] = e
        s = rng.randint(118, 138)
        ch.bp(d, s, rng.randint(74, 88), enc=e)
        if i % 2 == 0 or i == len(visits) - 1:
            ch.vital("wt", weights[i], d, enc=e)
    ch.vital("ht", 178, "2018-06-12", enc=venc["2018-06-12"])
    ch.vital("bmi", 30.4, "2018-06-12", enc=venc["2018-06-12"])
    ch.vital("bmi", 33.5, "2022-08-22", enc=venc["2022-08-22"])
    ch.vital("bmi", 32.3, "2024-09-09", enc=venc["2024-09-09"])
    e_pcp21 = ch.encounter("AMB", "Primary care visit", "2021-03-22", type_code=("185389009", "Follow-up visit"),
                           reason="Elevated hemoglobin A1c", provider="Fairbanks Family Medicine")
    ch.bp("2021-03-22", 132, 86, enc=e_pcp21)
    e_smk = ch.encounter("AMB", "Primary care visit", "2022-01-10", type_code=("185389009", "Follow-up visit"),
                         reason="Wants to quit smoking", provider="Fairbanks Family Medicine")
    # ED 2023 vitals
    ch.bp("2023-02-11", 142, 90, enc=ed23)
    ch.vital("hr", 112, "2023-02-11", enc=ed23)
    ch.vital("temp", 37.4, "2023-02-11", enc=ed23)

    # ---------------- imaging / reports
    ch.report("24590-2", "MRI Brain WO contrast", "2008-09-15", enc=e_mri,
              conclusion="No acute intracranial abnormality. No mass lesion, hemorrhage or white matter disease. Normal study for age.")
    echo = ch.report("34552-0", "Transthoracic echocardiogram", "2018-06-05", cat="CUS",
                     conclusion="Normal left ventricular size and systolic function, LVEF 60-65%. No regional wall motion abnormality. "
                                "No pericardial effusion. No echocardiographic evidence of myocarditis.")
    ch.report("36813-4", "CT Abdomen and Pelvis W contrast", "2023-02-11", enc=ed23,
              conclusion="Marked colonic distension with large stool burden throughout the colon and rectum; cecum measures 7.8 cm. "
                         "No transition point to suggest mechanical obstruction. No free air or pneumatosis. Findings consistent with "
                         "severe fecal loading/impaction; medication-related hypomotility is a consideration.")
    ch.report("43462-1", "XR Abdomen AP (KUB)", "2023-02-14", enc=adm23,
              conclusion="Interval decrease in colonic stool burden. Cecum now 5.1 cm. No free air.")

    # ---------------- procedures
    for d in ["2018-05-10", "2018-06-12", "2021-06-21", "2024-06-17"]:
        ch.procedure("12-lead electrocardiogram", ("29303009", "Electrocardiographic procedure"), ("93000", "Electrocardiogram, routine ECG with at least 12 leads"),
                     when=d, reason_text="QTc monitoring on antipsychotic therapy")
    ch.procedure("Transthoracic echocardiography", ("433236007", "Transthoracic echocardiography"), ("93306", "Echocardiography, transthoracic, complete"),
                 when="2018-06-05", reason_text="Rise in CRP during clozapine titration - rule out myocarditis")
    ch.procedure("Repair of laceration of left hand, simple, 3.5 cm", ("288086009", "Suture of skin wound"), ("12002", "Simple repair of superficial wounds 2.6 cm to 7.5 cm"),
                 when="2017-10-21", enc=ed17, reasons=[lac], body="Left hand, dorsum")
    ch.procedure("Manual disimpaction of feces", ("5183001", "Manual removal of impacted feces from rectum"), None,
                 when="2023-02-12", enc=adm23, reasons=[impact])
    ch.procedure("Tobacco use cessation counseling, intermediate, 3-10 minutes", ("225323000", "Smoking cessation education"),
                 ("99406", "Smoking and tobacco use cessation counseling visit; intermediate"), when="2022-01-10", enc=e_smk, reasons=[tob])

    # ---------------- immunizations
    for d in ["2018-10-15", "2019-10-14", "2021-10-11", "2022-10-17", "2023-10-16", "2024-09-30"]:
        ch.imm("158", "influenza, injectable, quadrivalent, contains preservative", d, text="Influenza vaccine (Fluzone Quadrivalent)")
    ch.imm("158", "influenza, injectable, quadrivalent, contains preservative", "2020-11-09", status="not-done",
           reason=("PATOBJ", "Patient declined", "patient objection"), text="Influenza vaccine - declined", enc=venc["2020-11-09"])
    ch.imm("115", "Tdap", "2017-10-21", enc=ed17, text="Tdap (Boostrix)")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-04-05", dose=1, series=2,
           text="COVID-19 vaccine, Moderna")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-05-03", dose=2, series=2,
           text="COVID-19 vaccine, Moderna")
    ch.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose", "2021-12-06", dose=3,
           text="COVID-19 vaccine, Moderna booster")
    ch.imm("300", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, 30 mcg/0.3 mL dose", "2022-10-17", text="COVID-19 vaccine, Pfizer bivalent booster")
    ch.imm("312", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Moderna", "2023-10-16", text="COVID-19 vaccine 2023-2024 (Moderna)")
    ch.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2021-03-22", enc=e_pcp21, text="Pneumovax 23 (PPSV23)")
    ch.imm("189", "Hepatitis B vaccine (recombinant), CpG adjuvanted", "2021-06-14", dose=1, series=2, text="Heplisav-B dose 1")
    ch.imm("189", "Hepatitis B vaccine (recombinant), CpG adjuvanted", "2021-07-12", dose=2, series=2, text="Heplisav-B dose 2")

    # ---------------- allergies
    ch.allergy("Sulfamethoxazole / trimethoprim (Bactrim)", ("http://www.nlm.nih.gov/research/umls/rxnorm", "10831", "sulfamethoxazole"),
               "allergy", "medication", "low", "2012-07-02", [("Hives", ("126485001", "Urticaria"), "moderate")])
    ch.allergy("Peanut", (SNOMED_, "256349002", "Peanut"), "allergy", "food", "high", "1992",
               [("Lip swelling and hives", ("267038008", "Edema"), "moderate")], recorded="2016-03-02")

    # ---------------- device
    dev = ch.device("Blood glucose meter", ("337414009", "Blood glucose meter"), "Contour Next One blood glucose meter",
                    manufacturer="Ascensia Diabetes Care", model="CONTOUR NEXT ONE")
    ch.dus(dev, "2021-03-22", reasons=[t2dm], note="Checks fasting glucose 3-4 mornings per week.")

    # ---------------- care plans / goals
    g1 = ch.goal("Hemoglobin A1c below 7.0%", "2021-03-22", achievement="in-progress", target=("4548-4", "Hemoglobin A1c", "detailQuantity", {"value": 7.0, "comparator": "<", "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}), addresses=[t2dm])
    g2 = ch.goal("Remain tobacco-free", "2022-01-10", achievement="achieved", addresses=[tob], status_date="2023-04-03")
    g3 = ch.goal("Return to part-time work and attend vocational program", "2019-03-11", lifecycle="completed", achievement="achieved",
                 addresses=[schiz], status_date="2021-10-11")
    ch.careplan("Clozapine treatment and REMS monitoring plan",
                "Clozapine for treatment-resistant schizophrenia with ANC monitoring per Clozapine REMS and metabolic monitoring.",
                "2018-05-14", addresses=[schiz, constip, sial], goals=[g3],
                activities=[("ANC weekly for 6 months, every 2 weeks for months 6-12, then monthly", "in-progress"),
                            ("Clozapine trough level yearly and after any change in smoking", "in-progress"),
                            ("Weight, HbA1c and lipids every 6-12 months", "in-progress"),
                            ("Daily bowel regimen; report no bowel movement for 3 days", "in-progress"),
                            ("ECG yearly or after dose change", "in-progress")])
    ch.careplan("Diabetes and cardiometabolic risk plan", "Lifestyle counseling, metformin, statin, smoking cessation.", "2021-03-22",
                addresses=[t2dm, hld, tob], goals=[g1, g2],
                activities=[("Diabetes self-management education", "completed"), ("Annual diabetic eye exam", "scheduled"),
                            ("Annual urine albumin/creatinine ratio", "not-started")])

    # ---------------- family history
    ch.fmh("MUNCLE", "male", [("Schizophrenia", ("58214004", "Schizophrenia"), 22)])
    ch.fmh("MTH", "female", [("Type 2 diabetes mellitus", ("44054006", "Diabetes mellitus type 2"), 45)])
    ch.fmh("FTH", "male", [("Myocardial infarction", ("22298006", "Myocardial infarction"), 52, True)], deceased=55)

    # ---------------- notes
    ch.note("discharge", "2016-03-19T11:00", """
BEHAVIORAL HEALTH UNIT - DISCHARGE SUMMARY
Admission: 03/02/2016  Discharge: 03/19/2016
Diagnosis: Paranoid schizophrenia, acute exacerbation.
History: 29 year old man with schizophrenia since 2008, brought in by police after he barricaded himself in his apartment
believing the neighbors were poisoning the water. He had stopped olanzapine about 6 weeks earlier. He told us he stopped it
because he had gained 32 pounds on it and felt "slow," and the voices never fully went away even when he took it.
Course: Olanzapine was not restarted given weight gain and incomplete response. Started haloperidol decanoate after oral
haloperidol test doses; first 100 mg injection given 03/15/2016. Benztropine added for mild stiffness.
Disposition: Home. Follow up with outpatient psychiatry in 1 week; injections every 4 weeks at the clinic.
""", "Dr. Samuel Iwu, MD (Inpatient Psychiatry)", enc=adm16)
    ch.note("discharge", "2018-05-25T10:30", """
BEHAVIORAL HEALTH UNIT - DISCHARGE SUMMARY
Admission: 04/28/2018  Discharge: 05/25/2018
Diagnosis: Treatment-resistant paranoid schizophrenia.
Reason for admission: command auditory hallucinations telling him to hurt himself, despite documented on-time haloperidol
decanoate injections.
Prior trials: risperidone (2008-2011, partial response, high prolactin with breast enlargement); olanzapine (2011-2016);
haloperidol decanoate (2016-2018). Haloperidol decanoate was discontinued this admission because of severe akathisia - he
paced the hallway for hours and could not sit through groups - and because psychosis broke through despite adherence.
Clozapine: baseline ANC 3.6 on 05/10/2018; clozapine started 05/14/2018 at 12.5 mg and titrated. Weekly troponin and CRP for
4 weeks. Enrolled in Clozapine REMS. Tolerating 200 mg at discharge, continue titration to 300 mg at bedtime.
Social: Lives with his older sister, who manages his medications.
Follow up: weekly ANC at the clinic lab; psychiatry in 2 weeks.
""", "Dr. Samuel Iwu, MD (Inpatient Psychiatry)", enc=adm18)
    ch.note("progress", "2018-08-06", """
Outpatient psychiatry follow-up.
S: Voices much quieter - "like a radio in another room." Main complaint is drooling at night; he wakes up with his pillow soaked.
Also constipated, bowel movement every 3 days, on Senokot-S. Heart racing at times.
O: Alert, calm, linear. HR 104.
A/P: Clozapine 300 mg qHS, good early response. Sialorrhea - start glycopyrrolate 1 mg at bedtime. Continue bowel regimen,
increase fluids. Continue propranolol 10 mg twice daily for tachycardia. ANC weekly per REMS.
""", "Dr. Lena Marchetti, MD (Psychiatry)")
    ch.note("progress", "2021-08-16", """
Outpatient psychiatry - clozapine monitoring visit.
ANC today 1.3 (mild neutropenia range per REMS). He reports a sore throat, stuffy nose and low-grade fever that started about
one week ago; seen at urgent care 08/09 and told it was a virus. No mouth ulcers. Afebrile today.
Plan: continue clozapine 400 mg at bedtime - no interruption needed for mild neutropenia. ANC three times weekly until
ANC is 1.5 or higher, then resume monthly. Told to go to the ED for fever over 38.3 C. Will check benign ethnic neutropenia
history - prior ANCs have all been above 2.5, so this looks like a transient viral effect.
""", "Dr. Lena Marchetti, MD (Psychiatry)", enc=venc["2021-08-16"])
    ch.note("progress", "2022-05-23", """
Outpatient psychiatry follow-up.
S: He quit smoking on 04/02/2022 with varenicline and the patch and has not smoked since. Over the last 3 weeks he is sleeping
12 hours a night, very drowsy in the morning, and drooling more. One episode of jerking of his arm.
Work: still stocking shelves at a grocery store about 20 hours a week.
O: Sedated but arousable, no rigidity. Clozapine level 812 ng/mL (previously 470).
A: Clozapine level rose after smoking cessation (loss of CYP1A2 induction from tobacco smoke).
P: Reduce clozapine from 400 mg to 350 mg at bedtime. Repeat level in 3 months. Congratulated on quitting.
""", "Dr. Lena Marchetti, MD (Psychiatry)", enc=venc["2022-05-23"])
    ch.note("consult", "2023-02-12", """
GASTROENTEROLOGY CONSULT
Reason: fecal impaction with colonic distension in a patient on clozapine.
Manual disimpaction performed at bedside today with good result, followed by oral PEG bowel prep and tap water enemas.
Clozapine-induced gastrointestinal hypomotility can be life threatening. Recommendations: avoid additional anticholinergic
drugs where possible; glycopyrrolate also slows the gut - ask psychiatry whether it can be reduced or changed to a
non-systemic option. Start daily polyethylene glycol and continue Senokot-S. Lactulose for 4 weeks. Low threshold to return.
""", "Dr. Ana Whitford, MD (Gastroenterology)", enc=adm23)
    ch.note("discharge", "2023-02-15T13:00", """
HOSPITAL MEDICINE - DISCHARGE SUMMARY
Admitted 02/11/2023 - Discharged 02/15/2023
Principal diagnosis: Fecal impaction with colonic distension (cecum 7.8 cm), clozapine-associated.
He had not had a bowel movement for 6 days. He admitted he had stopped taking his Senokot-S about two months ago because he
felt he "didn't need it anymore."
Course: Manual disimpaction 02/12, PEG and enemas, lactulose. KUB 02/14 improved. Tolerating diet, bowel movements daily.
Clozapine was continued at 350 mg (not held - risk of relapse), discussed with his psychiatrist.
Discharge meds changes: NEW polyethylene glycol 17 g daily, NEW lactulose 30 mL twice daily x4 weeks. Resume Senokot-S.
Follow-up: PCP 1 week, psychiatry 2 weeks.
""", "Dr. Priya Natarajan, MD (Hospital Medicine)", enc=adm23)
    ch.note("progress", "2024-09-09", """
Outpatient psychiatry follow-up (annual review).
S: Stable. No hallucinations for over a year. New complaint: wetting the bed about twice a month, which embarrasses him.
No daytime incontinence, no dysuria. Bowels daily on MiraLAX and Senokot-S. Still smoke-free.
O: Weight 102.4 kg. BP normal. ANC 3.2 in July. A1c 6.5.
A/P: Clozapine-associated nocturnal enuresis - limit fluids after 7 pm, void before bed; if persisting consider desmopressin.
Continue clozapine 350 mg at bedtime, escitalopram 20 mg, metformin ER, atorvastatin. Monthly ANC.
""", "Dr. Lena Marchetti, MD (Psychiatry)", enc=venc["2024-09-09"])


SNOMED_ = "http://snomed.info/sct"

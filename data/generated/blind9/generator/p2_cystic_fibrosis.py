"""Patient 2: cystic fibrosis (F508del homozygous) on CFTR modulators (Orkambi -> Symdeko -> Trikafta),
chronic Pseudomonas, CF-related diabetes, ABPA, DIOS, implanted port, tobramycin ototoxicity."""
from lib import LOINC, SNOMED, RXNORM

BUNDLE_TYPE = "collection"
TZ = "-06:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Maren", "Elise"], "Halvorsen", "female", "1999-07-23",
               {"line": ["2210 Birchwood Ln"], "city": "Eau Claire", "state": "WI", "postalCode": "54701"},
               phone="715-555-0193", mrn="NWC-0982217", marital=("S", "Never Married"), lang=("en", "English"))
    CF = "Northwoods Children's & Adult CF Center"
    PULM = "Dr. Ingrid Solberg, MD (Pulmonology - CF Center)"

    # encounters
    a17 = ch.encounter("IMP", "Inpatient admission", "2017-01-09T15:20", "2017-01-23T12:00", type_code=("32485007", "Hospital admission"),
                       reason="Acute pulmonary exacerbation of cystic fibrosis", admit=("outp", "From outpatient department"),
                       discharge=("home", "Home"), provider="Lakeside Regional Hospital")
    a19 = ch.encounter("IMP", "Inpatient admission", "2019-02-18T11:05", "2019-03-04T14:30", type_code=("32485007", "Hospital admission"),
                       reason="Acute pulmonary exacerbation of cystic fibrosis", admit=("outp", "From outpatient department"),
                       discharge=("home", "Home", "Home with home IV antibiotics"), provider="Lakeside Regional Hospital")
    ed19 = ch.encounter("EMER", "Emergency department visit", "2019-10-05T06:40", "2019-10-05T12:15", type_code=("50849002", "Emergency room admission"),
                        reason="Crampy abdominal pain, vomiting, no stool for 3 days", provider="Lakeside Regional Hospital")
    a19b = ch.encounter("IMP", "Inpatient admission", "2019-10-05T12:15", "2019-10-08T16:00", type_code=("32485007", "Hospital admission"),
                        reason="Distal intestinal obstruction syndrome", admit=("emd", "From accident/emergency department"),
                        discharge=("home", "Home"), provider="Lakeside Regional Hospital")
    a21 = ch.encounter("IMP", "Inpatient admission", "2021-02-27T18:30", "2021-03-12T11:45", type_code=("32485007", "Hospital admission"),
                       reason="Acute pulmonary exacerbation with hemoptysis", admit=("emd", "From accident/emergency department"),
                       discharge=("home", "Home"), provider="Lakeside Regional Hospital")
    ed21 = ch.encounter("EMER", "Emergency department visit", "2021-02-27T13:10", "2021-02-27T18:30", type_code=("50849002", "Emergency room admission"),
                        reason="Coughing up blood (about 2 tablespoons) and fever", provider="Lakeside Regional Hospital")
    ed23 = ch.encounter("EMER", "Emergency department visit", "2023-09-17T20:20", "2023-09-18T02:05", type_code=("50849002", "Emergency room admission"),
                        reason="Fever, increased cough and sputum", provider="Lakeside Regional Hospital")
    e_fess = ch.encounter("AMB", "Outpatient surgery", "2016-06-22", type_code=("305408004", "Admission to surgical department"),
                          reason="Chronic rhinosinusitis with nasal polyps", provider="Lakeside Regional Hospital - Day Surgery")
    e_port = ch.encounter("AMB", "Outpatient procedure", "2019-02-20", type_code=("305408004", "Admission to surgical department"),
                          reason="Port placement for recurrent IV antibiotics", provider="Lakeside Regional Hospital - Interventional Radiology")

    # conditions
    cf = ch.condition("Cystic fibrosis (F508del homozygous)", ("190905008", "Cystic fibrosis"),
                      ("E84.0", "Cystic fibrosis with pulmonary manifestations"), onset="1999-08-02")
    epi = ch.condition("Exocrine pancreatic insufficiency", ("46177005", "Exocrine pancreatic insufficiency"),
                       ("K86.81", "Exocrine pancreatic insufficiency"), onset="1999-08-02")
    psa = ch.condition("Chronic Pseudomonas aeruginosa airway infection", ("448813005", "Infection caused by Pseudomonas aeruginosa"),
                       ("B96.5", "Pseudomonas (aeruginosa) as the cause of diseases classified elsewhere"), onset="2012-04-10")
    sinus = ch.condition("Chronic pansinusitis", ("40055000", "Chronic sinusitis"), ("J32.4", "Chronic pansinusitis"), onset="2014-02-03")
    polyp = ch.condition("Nasal polyps", ("52756005", "Nasal polyp"), ("J33.9", "Nasal polyp, unspecified"), onset="2015-04-13",
                         status="resolved", abate="2016-06-22")
    cfrd = ch.condition("Cystic fibrosis related diabetes", ("426705001", "Diabetes mellitus co-occurrent and due to cystic fibrosis"),
                        ("E84.8", "Cystic fibrosis with other manifestations"), onset="2017-03-20")
    ex17 = ch.condition("Acute pulmonary exacerbation of cystic fibrosis", ("190905008", "Cystic fibrosis"),
                        ("E84.0", "Cystic fibrosis with pulmonary manifestations"), onset="2017-01-09", status="resolved",
                        abate="2017-01-23", cat="encounter-diagnosis", enc=a17)
    abpa = ch.condition("Allergic bronchopulmonary aspergillosis", ("37981002", "Allergic bronchopulmonary aspergillosis"),
                        ("B44.81", "Allergic bronchopulmonary aspergillosis"), onset="2018-01-15", status="resolved", abate="2018-07-30")
    ex19 = ch.condition("Acute pulmonary exacerbation of cystic fibrosis", ("190905008", "Cystic fibrosis"),
                        ("E84.0", "Cystic fibrosis with pulmonary manifestations"), onset="2019-02-18", status="resolved",
                        abate="2019-03-04", cat="encounter-diagnosis", enc=a19)
    dios = ch.condition("Distal intestinal obstruction syndrome", ("197187008", "Distal intestinal obstruction syndrome"),
                        ("E84.19", "Cystic fibrosis with other intestinal manifestations"), onset="2019-10-05", status="resolved",
                        abate="2019-10-08", cat="encounter-diagnosis", enc=a19b)
    anx = ch.condition("Generalized anxiety disorder", ("21897009", "Generalized anxiety disorder"),
                       ("F41.1", "Generalized anxiety disorder"), onset="2020-04-20")
    lft = ch.condition("Elevated transaminases on elexacaftor/tezacaftor/ivacaftor", ("166643006", "Liver enzymes abnormal"),
                       ("R74.01", "Elevation of levels of liver transaminase levels"), onset="2020-04-14", status="resolved", abate="2020-08-10")
    osteo = ch.condition("Osteopenia", ("312894000", "Osteopenia"), ("M85.80", "Other specified disorders of bone density and structure, unspecified site"),
                         onset="2020-06-15")
    ex21 = ch.condition("Acute pulmonary exacerbation of cystic fibrosis with hemoptysis", ("66857006", "Hemoptysis"),
                        ("R04.2", "Hemoptysis"), onset="2021-02-27", status="resolved", abate="2021-03-12", cat="encounter-diagnosis", enc=a21)
    mac = ch.condition("Mycobacterium avium complex isolated from sputum (not meeting disease criteria)", ("75836002", "Mycobacterium avium complex infection"),
                       ("A31.0", "Pulmonary mycobacterial infection"), onset="2021-08-16", ver="provisional", status="inactive")
    hl = ch.condition("Bilateral high-frequency sensorineural hearing loss", ("60700002", "Sensorineural hearing loss"),
                      ("H90.3", "Sensorineural hearing loss, bilateral"), onset="2021-11-22")
    vitd = ch.condition("Vitamin D deficiency", ("34713006", "Vitamin D deficiency"), ("E55.9", "Vitamin D deficiency, unspecified"),
                        onset="2016-11-07", status="resolved", abate="2022-05-09")

    # medications
    ch.med("lumacaftor 200 MG / ivacaftor 125 MG Oral Tablet [Orkambi]", ("1667990", "ivacaftor 125 MG / lumacaftor 200 MG Oral Tablet"),
           "stopped", "2016-08-01", sig="Take 2 tablets by mouth every 12 hours with fat-containing food", dose=(2, "tablet", "{tbl}"),
           freq=(2, 1, "d"), route="PO", reasons=[cf], status_reason="Chest tightness and bronchospasm; switched to tezacaftor/ivacaftor",
           end="2018-03-05", requester=PULM)
    ch.med("tezacaftor 100 MG / ivacaftor 150 MG Oral Tablet and ivacaftor 150 MG Oral Tablet [Symdeko]", ("2049120", "ivacaftor 150 MG / tezacaftor 100 MG Oral Tablet"),
           "stopped", "2018-03-05", sig="1 tezacaftor/ivacaftor tablet in the morning and 1 ivacaftor 150 mg tablet in the evening with fat-containing food",
           dose=(1, "tablet", "{tbl}"), freq=(2, 1, "d"), route="PO", reasons=[cf],
           status_reason="Switched to elexacaftor/tezacaftor/ivacaftor", end="2020-01-15", requester=PULM)
    trik = ch.med("elexacaftor 100 MG / tezacaftor 50 MG / ivacaftor 75 MG Oral Tablet and ivacaftor 150 MG Oral Tablet [Trikafta]",
                  ("2238560", "elexacaftor 100 MG / ivacaftor 75 MG / tezacaftor 50 MG Oral Tablet"), "active", "2020-01-15",
                  sig="2 orange tablets (elexacaftor/tezacaftor/ivacaftor) in the morning and 1 light blue tablet (ivacaftor 150 mg) in the evening, about 12 hours apart, with fat-containing food",
                  dose=(2, "tablet", "{tbl}"), freq=(1, 1, "d", "MORN"), route="PO", reasons=[cf], requester=PULM,
                  note="LFTs every 3 months for the first year, then yearly.")
    ch.med("pancrelipase 36000 UNT lipase Delayed Release Oral Capsule [Creon]", ("1543209", "lipase 36000 UNT / amylase 180000 UNT / protease 114000 UNT Delayed Release Oral Capsule"),
           "active", "2019-03-04", sig="Take 2 capsules with each meal and 1 capsule with snacks", dose=(2, "capsule", "{capsule}"),
           freq=(3, 1, "d", "C"), route="PO", reasons=[epi], requester=PULM)
    ch.med("dornase alfa 1 MG/ML Inhalation Solution [Pulmozyme]", ("1361", "dornase alfa 1 MG/ML Inhalation Solution"), "active", "2010-05-17",
           sig="Inhale 2.5 mg (one ampule) by nebulizer once daily", dose=(2.5, "mg"), freq=(1, 1, "d"), route="INH", reasons=[cf], requester=PULM)
    ch.med("sodium chloride 7 % Inhalation Solution (hypertonic saline)", ("1250907", "sodium chloride 70 MG/ML Inhalation Solution"), "active",
           "2012-09-10", sig="Inhale 4 mL by nebulizer twice daily after albuterol, before airway clearance", dose=(4, "mL"), freq=(2, 1, "d"),
           route="INH", reasons=[cf], requester=PULM)
    ch.med("albuterol 90 MCG/ACTUATION Metered Dose Inhaler [ProAir HFA]", ("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"), "active",
           "2012-09-10", sig="Inhale 2 puffs before hypertonic saline and every 4 hours as needed for wheeze", dose=(2, "puff", "{puff}"),
           freq=(1, 4, "h"), prn=True, route="INH", reasons=[cf], requester=PULM)
    ch.med("azithromycin 250 MG Oral Tablet [Zithromax]", ("308460", "azithromycin 250 MG Oral Tablet"), "stopped", "2013-06-03",
           sig="Take 1 tablet by mouth on Monday, Wednesday and Friday", dose=(250, "mg"), freq=(3, 1, "wk", None, ["mon", "wed", "fri"]),
           route="PO", reasons=[cf, psa], end="2021-09-13", requester=PULM)
    ch.med("tobramycin 300 MG/5ML Inhalation Solution [TOBI]", ("199239", "tobramycin 60 MG/ML Inhalation Solution"), "stopped", "2012-05-07",
           sig="Inhale 300 mg by nebulizer twice daily, 28 days on then 28 days off", dose=(300, "mg"), freq=(2, 1, "d"), route="INH",
           reasons=[psa], end="2021-11-08", requester=PULM)
    ch.med("aztreonam 75 MG Inhalation Powder for Solution [Cayston]", ("1000114", "aztreonam 75 MG Inhalant Powder"), "active", "2021-11-08",
           sig="Inhale 75 mg by Altera nebulizer three times daily, alternating months (28 days on, 28 days off)", dose=(75, "mg"),
           freq=(3, 1, "d"), route="INH", reasons=[psa], requester=PULM)
    ch.med("insulin glargine 100 UNT/ML Injectable Solution [Lantus SoloStar]", ("847232", "insulin glargine 100 UNT/ML Pen Injector"), "active",
           "2017-03-20", sig="Inject 10 units subcutaneously at bedtime", dose=(10, "U", "[U]"), freq=(1, 1, "d", "HS"), route="SC",
           reasons=[cfrd], requester="Dr. Petra Lindgren, MD (Endocrinology)")
    ch.med("insulin lispro 100 UNT/ML Injectable Solution [Humalog KwikPen]", ("1652639", "insulin lispro 100 UNT/ML Pen Injector"), "active",
           "2017-03-20", sig="Inject 1 unit per 15 grams of carbohydrate with meals plus correction scale", dose=(1, "U", "[U]"),
           freq=(3, 1, "d", "C"), route="SC", reasons=[cfrd], requester="Dr. Petra Lindgren, MD (Endocrinology)")
    ch.med("multivitamin with vitamins A, D, E, K chewable [DEKAs Plus]", ("1098497", "DEKAs Plus chewable tablet"), "active", "2016-11-07",
           sig="Chew 1 tablet daily with a meal", dose=(1, "tablet", "{tbl}"), freq=(1, 1, "d"), route="PO", reasons=[epi], requester=PULM)
    ch.med("ergocalciferol 50000 UNT Oral Capsule", ("316964", "ergocalciferol 1.25 MG Oral Capsule"), "completed", "2016-11-07",
           sig="Take 1 capsule by mouth once weekly for 8 weeks", dose=(50000, "[IU]"), freq=(1, 1, "wk"), route="PO", reasons=[vitd],
           end="2017-01-02", requester=PULM)
    ch.med("omeprazole 20 MG Delayed Release Oral Capsule [Prilosec]", ("402014", "omeprazole 20 MG Delayed Release Oral Capsule"), "active",
           "2015-03-09", sig="Take 1 capsule by mouth daily before breakfast", dose=(20, "mg"), freq=(1, 1, "d"), route="PO",
           reason_text="Improve pancreatic enzyme efficacy; reflux", requester=PULM)
    ch.med("sertraline 50 MG Oral Tablet [Zoloft]", ("312940", "sertraline 50 MG Oral Tablet"), "active", "2020-04-20",
           sig="Take 1 tablet by mouth daily", dose=(50, "mg"), freq=(1, 1, "d"), route="PO", reasons=[anx], requester="Dr. Kaya Moreno, PsyD/MD (CF Center Psychiatry)")
    ch.med("prednisone 10 MG Oral Tablet", ("312617", "prednisone 10 MG Oral Tablet"), "completed", "2018-01-15",
           sig="40 mg daily for 2 weeks, then taper by 5 mg every week to off", dose=(40, "mg"), freq=(1, 1, "d"), route="PO", reasons=[abpa],
           end="2018-04-16", requester=PULM)
    ch.med("itraconazole 100 MG Oral Capsule [Sporanox]", ("197857", "itraconazole 100 MG Oral Capsule"), "completed", "2018-01-15",
           sig="Take 200 mg by mouth twice daily with food for 6 months", dose=(200, "mg"), freq=(2, 1, "d"), route="PO", reasons=[abpa],
           end="2018-07-16", requester=PULM)
    ch.med("piperacillin 4000 MG / tazobactam 500 MG Injection [Zosyn]", ("1659149", "piperacillin 4000 MG / tazobactam 500 MG Injection"),
           "stopped", "2017-01-09", sig="4.5 g IV every 6 hours (extended infusion)", dose=(4.5, "g"), freq=(4, 1, "d"), route="IV",
           reasons=[ex17], status_reason="Allergic reaction: fever and diffuse rash on day 6", end="2017-01-15", enc=a17,
           category="inpatient", requester="Dr. Ingrid Solberg, MD (Pulmonology - CF Center)")
    ch.med("ceftazidime 2 GM Injection [Fortaz]", ("1665005", "ceftazidime 2000 MG Injection"), "completed", "2017-01-15",
           sig="2 g IV every 8 hours to complete 14 days of therapy", dose=(2, "g"), freq=(3, 1, "d"), route="IV", reasons=[ex17],
           end="2017-01-23", enc=a17, category="inpatient", requester=PULM)
    ch.med("tobramycin 40 MG/ML Injectable Solution", ("1870663", "tobramycin 40 MG/ML Injectable Solution"), "completed", "2017-01-09",
           sig="10 mg/kg IV once daily, dose adjusted to levels", dose=(500, "mg"), freq=(1, 1, "d"), route="IV", reasons=[ex17],
           end="2017-01-23", enc=a17, category="inpatient", requester=PULM)
    ch.med("ceftazidime 2 GM Injection [Fortaz]", ("1665005", "ceftazidime 2000 MG Injection"), "completed", "2019-02-18",
           sig="2 g IV every 8 hours for 14 days", dose=(2, "g"), freq=(3, 1, "d"), route="IV", reasons=[ex19], end="2019-03-04", enc=a19,
           category="inpatient", requester=PULM)
    ch.med("tobramycin 40 MG/ML Injectable Solution", ("1870663", "tobramycin 40 MG/ML Injectable Solution"), "completed", "2019-02-18",
           sig="10 mg/kg IV once daily, dose adjusted to levels", dose=(520, "mg"), freq=(1, 1, "d"), route="IV", reasons=[ex19],
           end="2019-03-04", enc=a19, category="inpatient", requester=PULM)
    ch.med("meropenem 1 GM Injection [Merrem]", ("1722939", "meropenem 1000 MG Injection"), "completed", "2021-02-27",
           sig="2 g IV every 8 hours (extended infusion) for 14 days", dose=(2, "g"), freq=(3, 1, "d"), route="IV", reasons=[ex21],
           end="2021-03-12", enc=a21, category="inpatient", requester=PULM)
    ch.med("tobramycin 40 MG/ML Injectable Solution", ("1870663", "tobramycin 40 MG/ML Injectable Solution"), "completed", "2021-02-27",
           sig="10 mg/kg IV once daily, dose adjusted to levels", dose=(560, "mg"), freq=(1, 1, "d"), route="IV", reasons=[ex21],
           end="2021-03-12", enc=a21, category="inpatient", requester=PULM)
    ch.med("polyethylene glycol 3350 17 GM Powder for Oral Solution [MiraLAX]", ("876193", "polyethylene glycol 3350 17000 MG Powder for Oral Solution"),
           "active", "2019-10-08", sig="Mix 17 g in 8 oz of fluid and drink once daily", dose=(17, "g"), freq=(1, 1, "d"), route="PO",
           reasons=[dios], enc=a19b, requester="Dr. Jonas Ekberg, MD (Hospital Medicine)")
    ch.med("ciprofloxacin 750 MG Oral Tablet [Cipro]", ("197512", "ciprofloxacin 750 MG Oral Tablet"), "completed", "2023-09-18",
           sig="Take 1 tablet by mouth twice daily for 14 days", dose=(750, "mg"), freq=(2, 1, "d"), route="PO", reasons=[psa],
           reason_text="Mild pulmonary exacerbation treated as outpatient", end="2023-10-02", enc=ed23, requester="Dr. Aaron Pike, MD (Emergency Medicine)")

    # observations
    ch.obs_q("2075-0", "Chloride [Moles/volume] in Sweat", "Sweat chloride (pilocarpine iontophoresis)", 112, "mmol/L", "1999-08-02",
             ref=(None, 29, "Normal <30 mmol/L; 30-59 intermediate; >=60 consistent with CF"), interp="H")
    ch.obs_str("38404-0", "CFTR gene mutations found [Identifier] in Blood or Tissue by Molecular genetics method Nominal",
               "CFTR genotype", "F508del/F508del (c.1521_1523delCTT, homozygous)", "1999-08-20", interp="A")
    clinic = ["2016-02-08", "2016-05-09", "2016-09-12", "2016-11-07", "2017-03-13", "2017-06-12", "2017-10-09", "2018-01-15",
              "2018-04-16", "2018-07-16", "2018-10-15", "2019-01-14", "2019-05-13", "2019-08-12", "2019-11-11", "2020-01-15",
              "2020-04-14", "2020-08-10", "2020-12-07", "2021-05-10", "2021-09-13", "2021-11-08", "2022-05-09", "2022-11-14",
              "2023-05-08", "2023-11-13", "2024-06-10", "2024-12-09"]
    fev = [71, 69, 67, 66, 58, 62, 63, 57, 61, 65, 64, 60, 59, 61, 62, 60, 74, 77, 78, 72, 76, 77, 79, 80, 81, 80, 82, 83]
    wts = [50.1, 50.4, 50.0, 50.6, 49.2, 49.8, 50.3, 50.9, 51.2, 51.8, 51.5, 50.7, 51.0, 51.6, 51.9, 52.0, 54.3, 56.0, 57.1,
           57.4, 58.2, 58.6, 59.4, 60.2, 60.9, 61.1, 61.5, 61.8]
    venc = {}
    for i, d in enumerate(clinic):
        e = ch.encounter("AMB", "Cystic fibrosis clinic visit", d, type_code=("185389009", "Follow-up visit"),
                         reason="Quarterly CF care", reason_refs=[cf], provider=CF)
        venc[d] = e
        ch.obs_q("20152-5", "FEV1 measured/predicted", "FEV1 % predicted", fev[i], "%", d, cat="exam", enc=e,
                 ref=(80, None, "Normal >=80% predicted"), interp=("L" if fev[i] < 80 else "N"))
        ch.vital("wt", wts[i], d, enc=e)
        if i % 2 == 0 or i == len(clinic) - 1:
            ch.vital("bmi", round(wts[i] / (1.62 * 1.62), 1), d, enc=e)
    ch.vital("ht", 162, "2016-02-08", enc=venc["2016-02-08"])
    # exacerbation FEV1 and vitals
    for d, v, e in [("2017-01-09", 51, a17), ("2019-02-18", 55, a19), ("2021-02-27", 63, ed21)]:
        ch.obs_q("20152-5", "FEV1 measured/predicted", "FEV1 % predicted", v, "%", d, cat="exam", enc=e,
                 ref=(80, None, "Normal >=80% predicted"), interp="L")
    ch.vital("spo2", 89, "2017-01-09", enc=a17)
    ch.vital("spo2", 91, "2019-02-18", enc=a19)
    ch.vital("spo2", 90, "2021-02-27", enc=ed21)
    ch.vital("temp", 38.6, "2021-02-27", enc=ed21)
    ch.vital("temp", 38.4, "2023-09-17T20:35", enc=ed23)
    for d in ["2017-06-12", "2020-08-10", "2023-05-08", "2024-12-09"]:
        ch.bp(d, rng.randint(102, 118), rng.randint(62, 74), enc=venc[d])
    ch.obs_q("20438-8", "Glucose [Mass/volume] in Serum or Plasma --2 hours post 75 g glucose PO", "2-hour glucose (OGTT)", 238, "mg/dL",
             "2017-03-13", ref=(None, 139), interp="H", enc=venc["2017-03-13"])
    for d, v in [("2017-03-13", 7.4), ("2018-04-16", 6.9), ("2019-05-13", 7.1), ("2020-04-14", 6.6), ("2021-05-10", 6.2),
                 ("2022-05-09", 6.0), ("2023-05-08", 6.1), ("2024-06-10", 5.9)]:
        ch.lab("a1c", v, d)
    for d, alt, ast in [("2020-01-15", 28, 25), ("2020-04-14", 98, 71), ("2020-06-15", 54, 41), ("2020-08-10", 31, 27),
                        ("2021-05-10", 26, 24), ("2022-05-09", 29, 26), ("2023-05-08", 24, 22), ("2024-06-10", 27, 23)]:
        ch.lab("alt", alt, d, ref=(7, 35))
        ch.lab("ast", ast, d, ref=(10, 35))
    ch.lab("ige", 1840, "2018-01-10")
    ch.lab("ige", 410, "2018-07-16")
    ch.obs_q("6024-4", "Aspergillus fumigatus IgE Ab [Units/volume] in Serum", "Aspergillus fumigatus specific IgE", 12.4, "k[IU]/L",
             "2018-01-10", ref=(None, 0.35), interp="H")
    for d, v in [("2016-11-07", 14), ("2017-03-13", 32), ("2020-06-15", 27), ("2022-05-09", 41), ("2024-06-10", 38)]:
        ch.lab("vitd", v, d)
    ch.obs_q("1823-9", "Retinol [Mass/volume] in Serum or Plasma", "Vitamin A (retinol)", 38, "ug/dL", "2022-05-09", ref=(20, 65), interp="N")
    ch.obs_q("1823-3", "Alpha tocopherol [Mass/volume] in Serum or Plasma", "Vitamin E (alpha-tocopherol)", 7.9, "mg/L", "2022-05-09", ref=(5.5, 17.0), interp="N")
    for d, v, e in [("2017-01-09", 15.2, a17), ("2019-02-18", 13.9, a19), ("2021-02-27", 16.4, ed21), ("2023-09-17T20:50", 12.8, ed23),
                    ("2024-06-10", 7.1, None)]:
        ch.lab("wbc", v, d, enc=e)
    ch.lab("hgbf", 11.2, "2021-02-27", enc=ed21)
    ch.lab("hgbf", 13.1, "2024-06-10")
    ch.lab("crf", 0.6, "2021-03-08", enc=a21)
    ch.obs_q("4059-2", "Tobramycin [Mass/volume] in Serum or Plasma --trough", "Tobramycin trough level", 0.6, "ug/mL", "2021-03-02",
             enc=a21, ref=(None, 1.0), interp="N")
    cultures = [("2012-04-10", "Pseudomonas aeruginosa, nonmucoid"),
                ("2017-01-09", "Pseudomonas aeruginosa, mucoid; Staphylococcus aureus (methicillin-susceptible)"),
                ("2019-02-18", "Pseudomonas aeruginosa, mucoid"),
                ("2021-02-27", "Pseudomonas aeruginosa, mucoid and nonmucoid morphotypes; Stenotrophomonas maltophilia"),
                ("2023-09-18", "Pseudomonas aeruginosa, mucoid"),
                ("2024-06-10", "Normal respiratory flora; Staphylococcus aureus (methicillin-susceptible)")]
    for d, v in cultures:
        ch.obs_str("624-7", "Bacteria identified in Sputum by Culture", "Sputum culture (CF respiratory culture)", v, d, interp="A" if "Pseudomonas" in v or "aureus" in v else None)
    ch.obs_str("543-9", "Mycobacterium sp identified in Sputum by Organism specific culture", "AFB culture, sputum",
               "Mycobacterium avium complex isolated (1 of 3 specimens)", "2021-08-16", interp="A")
    ch.obs_str("543-9", "Mycobacterium sp identified in Sputum by Organism specific culture", "AFB culture, sputum",
               "No acid-fast bacilli isolated (3 of 3 specimens)", "2022-02-14")
    ch.smoking("2018-01-15", "never", enc=venc["2018-01-15"])
    ch.smoking("2024-06-10", "never", enc=venc["2024-06-10"])

    # reports
    ch.report("36643-5", "XR Chest 2 Views", "2017-01-09", enc=a17,
              conclusion="Bilateral upper lobe predominant bronchiectasis with mucus plugging. No pneumothorax. No lobar consolidation.")
    ch.report("30621-7", "CT Sinuses WO contrast", "2016-05-02",
              conclusion="Pansinusitis with opacification of the maxillary and ethmoid sinuses and bilateral nasal polyps; hypoplastic frontal sinuses.")
    fpath = ch.report("22634-0", "Pathology report.surgical - sinus contents", "2016-06-22", cat="SP", enc=e_fess,
                      conclusion="Bilateral nasal polyps: inflammatory nasal polyps with abundant eosinophils and thickened basement membrane. No dysplasia or malignancy.")
    ch.report("24627-2", "CT Chest WO contrast", "2018-01-12",
              conclusion="Central cylindrical and varicose bronchiectasis with high-attenuation mucus plugging in the upper lobes, suggestive of allergic bronchopulmonary aspergillosis. Scattered tree-in-bud nodularity.")
    ch.report("43462-1", "XR Abdomen (KUB)", "2019-10-05", enc=ed19,
              conclusion="Bubbly fecal material in the right colon and terminal ileum with dilated small bowel loops up to 3.4 cm, consistent with distal intestinal obstruction syndrome. No free air.")
    ch.report("24627-2", "CT Chest WO contrast", "2021-02-28", enc=a21,
              conclusion="Progressive bronchiectasis compared with 01/2018, with new right lower lobe consolidation and mucoid impaction. Enlarged bronchial arteries. No pulmonary embolism evaluated (noncontrast).")
    ch.report("38269-7", "DXA Bone density", "2020-06-15",
              conclusion="Lumbar spine Z-score -1.6, total hip Z-score -1.3. Bone mineral density below expected range for age (osteopenia range).")
    ch.report("38269-7", "DXA Bone density", "2023-06-12",
              conclusion="Lumbar spine Z-score -1.2, total hip Z-score -1.0. Improved compared with 06/2020.")
    aud = ch.report("28615-3", "Audiology study", "2021-11-22", cat="AU",
                    conclusion="Normal hearing 250-4000 Hz bilaterally with mild sensorineural hearing loss at 6000-8000 Hz bilaterally. Tinnitus reported.")
    ch.report("36643-5", "XR Chest 2 Views", "2023-09-18", enc=ed23,
              conclusion="Stable bronchiectasis. Port catheter tip at the cavoatrial junction. No new consolidation.")

    # procedures
    ch.procedure("Sweat chloride test (pilocarpine iontophoresis)", ("32467008", "Sweat test"), ("89230", "Sweat collection by iontophoresis"),
                 when="1999-08-02", reason_text="Positive newborn screen (elevated IRT)")
    ch.procedure("Functional endoscopic sinus surgery with bilateral polypectomy", ("233134001", "Endoscopic sinus surgery"),
                 ("31255", "Nasal/sinus endoscopy, surgical with ethmoidectomy; total"), when="2016-06-22", enc=e_fess, reasons=[polyp, sinus])
    picc_d = ch.device("Peripherally inserted central catheter", ("52124006", "Central venous catheter"), "PICC line, 4 Fr single lumen, right basilic vein",
                       manufacturer="Bard Access Systems", model="PowerPICC 4Fr SL", status="inactive")
    ch.procedure("Insertion of peripherally inserted central catheter (PICC)", ("431664003", "Insertion of peripherally inserted central catheter"),
                 ("36569", "Insertion of PICC without port or pump, age 5 years or older"), when="2017-01-10", enc=a17, reasons=[ex17], devices=[picc_d])
    port_d = ch.device("Totally implantable venous access device", ("303728004", "Implantable venous access port"), "Implanted chest port (Port-a-Cath type), right internal jugular",
                       manufacturer="Bard Access Systems", model="PowerPort ClearVUE isp", lot="REDZ1942", udi=("00801741089547", "(01)00801741089547(17)240131(10)REDZ1942"))
    ch.procedure("Insertion of tunneled central venous access port, right internal jugular", ("233528002", "Insertion of subcutaneous port"),
                 ("36561", "Insertion of tunneled centrally inserted central venous access device, with subcutaneous port; age 5 years or older"),
                 when="2019-02-20", enc=e_port, reasons=[cf], devices=[port_d])
    ch.procedure("Diatrizoate (Gastrografin) enema", ("24137006", "Contrast enema"), ("74270", "Radiologic examination, colon; contrast (eg, barium) enema"),
                 when="2019-10-06", enc=a19b, reasons=[dios])
    ch.procedure("Flexible bronchoscopy with bronchoalveolar lavage", ("397968008", "Bronchoalveolar lavage"), ("31624", "Bronchoscopy with bronchial alveolar lavage"),
                 when="2021-03-02", enc=a21, reasons=[ex21])
    ch.procedure("Pure tone and speech audiometry", ("410023008", "Audiometry"), ("92557", "Comprehensive audiometry threshold evaluation and speech recognition"),
                 when="2021-11-22", reasons=[hl], reason_text="Aminoglycoside exposure, new tinnitus")
    ch.procedure("Dual-energy x-ray absorptiometry", ("312681000", "Bone densitometry"), ("77080", "DXA bone density study, axial skeleton"),
                 when="2020-06-15")
    ch.procedure("Dual-energy x-ray absorptiometry", ("312681000", "Bone densitometry"), ("77080", "DXA bone density study, axial skeleton"),
                 when="2023-06-12")
    iud = ch.device("Levonorgestrel-releasing intrauterine system", ("268460000", "Intrauterine contraceptive device"), "Mirena 52 mg levonorgestrel IUD",
                    manufacturer="Bayer HealthCare", model="Mirena", lot="TU02N7K")
    ch.procedure("Insertion of intrauterine device", ("65200003", "Insertion of intrauterine contraceptive device"), ("58300", "Insertion of intrauterine device (IUD)"),
                 when="2022-03-14", devices=[iud], reason_text="Contraception")

    # devices + use statements
    ch.dus(picc_d, "2017-01-10", end="2017-01-23", status="completed", reasons=[ex17], body="Right upper arm (basilic vein)")
    ch.dus(port_d, "2019-02-20", reasons=[cf], body="Right upper chest", note="Accessed for IV antibiotic courses; heparin-locked monthly at CF clinic.")
    vest = ch.device("High-frequency chest wall oscillation vest", ("706125006", "Chest wall oscillation system"), "SmartVest airway clearance system",
                     manufacturer="Electromed", model="SmartVest SQL")
    ch.dus(vest, "2014-03-10", reasons=[cf], note="Airway clearance 30 minutes twice daily.")
    neb = ch.device("Nebulizer", ("334947002", "Nebulizer"), "PARI eFlow rapid nebulizer system", manufacturer="PARI Respiratory Equipment", model="eFlow rapid")
    ch.dus(neb, "2012-09-10", reasons=[cf])
    ch.dus(iud, "2022-03-14", body="Uterus")
    cgm = ch.device("Continuous glucose monitor", ("700658008", "Continuous glucose monitoring system"), "Dexcom G7 continuous glucose monitor",
                    manufacturer="Dexcom", model="G7")
    ch.dus(cgm, "2023-05-08", reasons=[cfrd])

    # immunizations
    for i, d in enumerate(["1999-07-24", "1999-09-20", "2000-01-24"]):
        ch.imm("08", "Hep B, adolescent or pediatric", d, dose=i + 1, series=3, site="Right thigh", text="Hepatitis B vaccine (pediatric)")
    ch.imm("115", "Tdap", "2010-08-16", text="Tdap (Adacel)")
    ch.imm("115", "Tdap", "2020-08-10", text="Tdap (Boostrix)", enc=venc["2020-08-10"])
    for i, d in enumerate(["2011-08-22", "2011-10-24", "2012-02-20"]):
        ch.imm("62", "HPV, quadrivalent", d, dose=i + 1, series=3, text="HPV vaccine (Gardasil)")
    ch.imm("114", "meningococcal polysaccharide (groups A, C, Y and W-135) diphtheria toxoid conjugate vaccine (MCV4P)", "2011-08-22", dose=1, series=2, text="Menactra (MenACWY)")
    ch.imm("114", "meningococcal polysaccharide (groups A, C, Y and W-135) diphtheria toxoid conjugate vaccine (MCV4P)", "2015-08-17", dose=2, series=2, text="Menactra (MenACWY) booster")
    ch.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2009-05-11", text="Pneumovax 23")
    ch.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2019-05-13", text="Pneumovax 23", enc=venc["2019-05-13"])
    for d in ["2017-10-09", "2018-10-15", "2019-10-21", "2020-10-12", "2021-10-18", "2022-10-03", "2023-10-09", "2024-10-07"]:
        ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", d, text="Influenza vaccine (Flucelvax/Fluarix quadrivalent)")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-02-20", dose=1, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-03-13", dose=2, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-10-18", dose=3, text="COVID-19 vaccine, Pfizer-BioNTech booster")
    ch.imm("300", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, 30 mcg/0.3 mL dose", "2022-10-03", text="COVID-19 vaccine, Pfizer bivalent booster")
    ch.imm("309", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Pfizer-BioNTech", "2023-10-09", text="COVID-19 vaccine 2023-2024 (Comirnaty)")
    ch.imm("313", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2024-2025 formula, Pfizer-BioNTech", "2024-10-07", text="COVID-19 vaccine 2024-2025 (Comirnaty)")

    # allergies
    ch.allergy("Piperacillin / tazobactam (Zosyn)", (RXNORM, "152834", "piperacillin / tazobactam"), "allergy", "medication", "high", "2017-01-15",
               [("Fever", ("386661006", "Fever"), "moderate"), ("Diffuse maculopapular rash", ("271807003", "Eruption of skin"), "moderate")],
               note="Occurred on day 6 of IV therapy. Tolerates ceftazidime and meropenem.")
    ch.allergy("Vancomycin", (RXNORM, "11124", "vancomycin"), "intolerance", "medication", "low", "2017-01-12",
               [("Flushing and itching of face and neck during infusion (infusion reaction)", ("414545008", "Flushing"), "mild")],
               note="Vancomycin infusion reaction; may be given with slower infusion and antihistamine premedication.")

    # goals / care plans
    g1 = ch.goal("Maintain FEV1 at or above 80% predicted", "2020-01-15", achievement="achieved",
                 target=("20152-5", "FEV1 measured/predicted", "detailQuantity", {"value": 80, "comparator": ">=", "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}),
                 addresses=[cf], status_date="2022-11-14")
    g2 = ch.goal("BMI at or above 22 kg/m2", "2016-02-08", achievement="achieved", addresses=[cf, epi], status_date="2022-05-09")
    g3 = ch.goal("Hemoglobin A1c below 7%", "2017-03-20", achievement="sustaining", addresses=[cfrd])
    ch.careplan("Cystic fibrosis maintenance care plan",
                "Daily airway clearance and inhaled therapies, CFTR modulator, enzymes and vitamins, quarterly CF clinic.",
                "2016-02-08", addresses=[cf, psa, epi], goals=[g1, g2],
                activities=[("Airway clearance with SmartVest 30 minutes twice daily after albuterol and hypertonic saline", "in-progress"),
                            ("Dornase alfa daily; inhaled aztreonam alternating months", "in-progress"),
                            ("Quarterly spirometry and respiratory culture", "in-progress"),
                            ("Annual AFB cultures", "in-progress"),
                            ("Liver function tests yearly on elexacaftor/tezacaftor/ivacaftor", "in-progress"),
                            ("DXA every 2-5 years", "scheduled")])
    ch.careplan("CF-related diabetes plan", "Basal-bolus insulin, CGM, A1c every 3 months, annual eye exam and urine microalbumin.",
                "2017-03-20", addresses=[cfrd], goals=[g3],
                activities=[("Insulin glargine at bedtime and lispro with meals", "in-progress"), ("Annual dilated eye exam", "completed")])

    # family history
    ch.fmh("BRO", "male", [("Cystic fibrosis", ("190905008", "Cystic fibrosis"), 0)], note="Younger brother, also F508del homozygous.")
    ch.fmh("MTH", "female", [("Cystic fibrosis carrier (heterozygous F508del)", ("57860008", "Cystic fibrosis carrier"), None)])
    ch.fmh("FTH", "male", [("Cystic fibrosis carrier (heterozygous F508del)", ("57860008", "Cystic fibrosis carrier"), None)])
    ch.fmh("MGRMTH", "female", [("Type 2 diabetes mellitus", ("44054006", "Diabetes mellitus type 2"), 60)])

    # notes
    ch.note("discharge", "2017-01-23T12:00", """
DISCHARGE SUMMARY - Lakeside Regional Hospital
Admitted 01/09/2017, discharged 01/23/2017.
Diagnosis: Acute pulmonary exacerbation of cystic fibrosis; chronic Pseudomonas aeruginosa.
FEV1 51% predicted on admission (baseline about 66%).
Course: PICC placed 01/10. Started IV tobramycin and piperacillin-tazobactam. On hospital day 6 she developed fever to 39.1 C
and a diffuse maculopapular rash; piperacillin-tazobactam was stopped and ceftazidime substituted, with resolution in 48 hours.
A vancomycin dose given for possible MRSA caused flushing of the face and neck and was not continued (culture grew MSSA only).
Tobramycin levels therapeutic. Completed 14 days IV antibiotics. PICC removed at discharge.
FEV1 at discharge 62% predicted.
""", PULM, enc=a17)
    ch.note("progress", "2018-01-15", """
CF CLINIC NOTE
Three weeks of wheeze, brown mucus plugs and chest tightness despite outpatient antibiotics. Total IgE 1840 IU/mL (was 260
last year), Aspergillus-specific IgE positive, CT with central bronchiectasis and high-attenuation mucus.
Assessment: allergic bronchopulmonary aspergillosis.
Plan: prednisone 40 mg daily for 2 weeks then slow taper; itraconazole 200 mg twice daily for 6 months with level checks.
Still on lumacaftor/ivacaftor - she reports chest tightness for 30-60 minutes after each morning dose since starting it; will
plan switch to tezacaftor/ivacaftor in March once ABPA treatment is underway.
""", PULM, enc=venc["2018-01-15"])
    ch.note("discharge", "2019-10-08T16:00", """
DISCHARGE SUMMARY - Lakeside Regional Hospital
Admitted 10/05/2019 via ED, discharged 10/08/2019.
Diagnosis: Distal intestinal obstruction syndrome (DIOS).
She presented with crampy right lower quadrant pain and bilious vomiting. She had run out of Creon for 4 days because of a
pharmacy insurance prior-authorization problem and kept eating normally.
Course: NPO, IV fluids, nasogastric PEG-electrolyte lavage and a Gastrografin enema on 10/06 with passage of large amounts of
stool. No surgery needed. Enzymes restarted with meals.
Discharge plan: daily polyethylene glycol 3350; social work helped set up 90-day mail-order supply of Creon.
""", "Dr. Jonas Ekberg, MD (Hospital Medicine)", enc=a19b)
    ch.note("progress", "2020-04-14", """
CF CLINIC NOTE - 3 months on elexacaftor/tezacaftor/ivacaftor (Trikafta)
She feels "like a different person": cough down to a few times a day, much less sputum, gained 2.3 kg. She says her sense of
smell came back for the first time she can remember. FEV1 74% predicted (60% in January).
Labs: ALT 98, AST 71 (normal in January). Bilirubin normal. No abdominal pain.
Plan: continue Trikafta at full dose (ALT under 3x ULN); repeat LFTs in 8 weeks. Continue airway clearance twice daily.
Anxiety is better with sertraline started by the CF psychiatrist.
""", PULM, enc=venc["2020-04-14"])
    ch.note("progress", "2021-09-13", """
CF CLINIC NOTE
Annual AFB surveillance in August grew Mycobacterium avium complex in 1 of 3 sputum samples; smear negative; CT without
nodular-cavitary change. Does not meet ATS/IDSA criteria for NTM disease.
Because chronic azithromycin monotherapy can select macrolide-resistant MAC, azithromycin is stopped today. Repeat AFB
cultures x3 in 6 months.
FEV1 76%. Weight 58.2 kg. Continue Trikafta, dornase, hypertonic saline, TOBI cycles.
""", PULM, enc=venc["2021-09-13"])
    ch.note("progress", "2021-11-08", """
CF CLINIC NOTE
She reports constant high-pitched ringing in both ears for 2 months, worse during TOBI months. Audiogram 11/22 to follow up.
Cumulative aminoglycoside exposure is high (three IV courses plus years of inhaled tobramycin).
Plan: stop inhaled tobramycin because of tinnitus and possible ototoxicity. Start inhaled aztreonam (Cayston) 75 mg three
times daily on alternating months. Avoid IV aminoglycosides in future exacerbations if possible.
""", PULM, enc=venc["2021-11-08"])
    ch.note("ed", "2023-09-18T01:40", """
EMERGENCY DEPARTMENT NOTE
24 yo woman with CF presents with 4 days of fever to 38.9, increased cough and green sputum. No hemoptysis. SpO2 95% RA.
Port site clean. CXR: stable bronchiectasis, no new consolidation. Sputum sent.
Discussed with CF center on call: treat as mild exacerbation as outpatient with oral ciprofloxacin 750 mg twice daily for 14
days and increase airway clearance to 3 times daily. Clinic follow-up within 1 week.
""", "Dr. Aaron Pike, MD (Emergency Medicine)", enc=ed23)
    ch.note("progress", "2024-06-10", """
CF CLINIC NOTE - annual review
Doing well. No exacerbations since September. Working full-time as a veterinary technician at a mixed-animal practice -
discussed avoiding barn dust, hay and bird exposures and wearing an N95 when cleaning kennels.
She and her partner would like to try for a pregnancy in the next 1-2 years. Discussed that Trikafta is generally continued
in pregnancy after shared decision-making, the need for preconception A1c below 6.5%, and referral to CF-experienced
maternal-fetal medicine when ready; Mirena to stay in for now.
FEV1 82%, BMI 23.4. A1c 5.9. Sputum culture: normal flora and MSSA.
""", PULM, enc=venc["2024-06-10"])

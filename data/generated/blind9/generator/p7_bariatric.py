"""Patient 7: class III obesity with OSA on CPAP and PCOS -> laparoscopic Roux-en-Y gastric bypass (2018);
post-bypass gallstones/cholecystectomy, NSAID-related bleeding marginal ulcer, iron/B12/vitamin D deficiency with
secondary hyperparathyroidism, IV iron, weight regain treated with semaglutide; Nexplanon implants."""
from lib import RXNORM, SNOMED

BUNDLE_TYPE = "bulk"
TZ = "-05:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Danielle", "Marie"], "Kowalczyk", "female", "1981-05-17",
               {"line": ["88 Orchard Hill Rd"], "city": "Scranton", "state": "PA", "postalCode": "18505"},
               phone="570-555-0124", mrn="LVB-6620471", marital=("M", "Married"), lang=("en", "English"))
    BAR = "Dr. Theresa Lindqvist, MD (Bariatric Surgery)"
    MED = "Hannah Pruitt, CRNP (Bariatric Medicine)"
    PCP = "Dr. Vincent Amato, DO (Family Medicine)"
    HOSP = "Lackawanna Valley Medical Center"

    # encounters
    a18 = ch.encounter("IMP", "Inpatient surgical admission", "2018-06-11T06:00", "2018-06-13T12:00", type_code=("32485007", "Hospital admission"),
                       reason="Laparoscopic Roux-en-Y gastric bypass for class III obesity", admit=("other", "Other", "Elective admission"),
                       discharge=("home", "Home"), provider=HOSP)
    ed19a = ch.encounter("EMER", "Emergency department visit", "2019-01-28T21:15", "2019-01-29T03:40", type_code=("50849002", "Emergency room admission"),
                         reason="Right upper quadrant pain after dinner", provider=HOSP)
    chole = ch.encounter("AMB", "Outpatient surgery", "2019-02-20", type_code=("305408004", "Admission to surgical department"),
                         reason="Symptomatic cholelithiasis", provider=HOSP + " Day Surgery")
    ed19b = ch.encounter("EMER", "Emergency department visit", "2019-08-10T14:30", "2019-08-10T19:00", type_code=("50849002", "Emergency room admission"),
                         reason="Black stools and lightheadedness with epigastric pain", provider=HOSP)
    a19 = ch.encounter("IMP", "Inpatient admission", "2019-08-10T19:00", "2019-08-13T11:30", type_code=("32485007", "Hospital admission"),
                       reason="Upper GI bleed from marginal ulcer", admit=("emd", "From accident/emergency department"), discharge=("home", "Home"), provider=HOSP)
    psg16 = ch.encounter("AMB", "Sleep laboratory visit", "2016-02-18T21:00", "2016-02-19T06:00", type_code=("185389009", "Follow-up visit"),
                         reason="Snoring, witnessed apneas, daytime sleepiness", provider=HOSP + " Sleep Center")
    psg19 = ch.encounter("AMB", "Sleep laboratory visit", "2019-05-20T21:00", "2019-05-21T06:00", type_code=("185389009", "Follow-up visit"),
                         reason="Repeat sleep study after weight loss", provider=HOSP + " Sleep Center")
    egd17 = ch.encounter("AMB", "Outpatient endoscopy", "2017-11-20", type_code=("305408004", "Admission to surgical department"),
                         reason="Pre-operative evaluation for bariatric surgery", provider=HOSP + " Endoscopy")
    inf = {}
    for d in ["2020-10-05", "2020-10-12", "2023-02-06", "2023-02-13"]:
        inf[d] = ch.encounter("AMB", "Infusion center visit - IV iron", d, type_code=("185389009", "Follow-up visit"),
                              reason="Iron deficiency anemia after gastric bypass", provider=HOSP + " Infusion Center")
    nx18 = ch.encounter("AMB", "Gynecology visit", "2018-09-24", type_code=("185389009", "Follow-up visit"), reason="Contraception after bariatric surgery",
                        provider="Scranton Women's Health")
    nx21 = ch.encounter("AMB", "Gynecology visit", "2021-09-20", type_code=("185389009", "Follow-up visit"), reason="Nexplanon removal and replacement",
                        provider="Scranton Women's Health")

    # conditions
    ob3 = ch.condition("Class 3 severe obesity (BMI 40-44.9) in adult", ("238136002", "Morbid obesity"), ("E66.01", "Morbid (severe) obesity due to excess calories"),
                       onset="2010-03-15", status="resolved", abate="2019-06-10")
    osa = ch.condition("Obstructive sleep apnea, moderate", ("78275009", "Obstructive sleep apnea syndrome"), ("G47.33", "Obstructive sleep apnea (adult) (pediatric)"),
                       onset="2016-02-18", status="resolved", abate="2019-05-20")
    gerd = ch.condition("Gastroesophageal reflux disease", ("235595009", "Gastroesophageal reflux disease"), ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
                        onset="2012-04-02", status="resolved", abate="2018-09-17")
    pcos = ch.condition("Polycystic ovary syndrome", ("69878008", "Polycystic ovaries"), ("E28.2", "Polycystic ovarian syndrome"), onset="2004-08-09")
    nafld = ch.condition("Nonalcoholic fatty liver disease", ("197315008", "Non-alcoholic fatty liver"), ("K76.0", "Fatty (change of) liver, not elsewhere classified"),
                         onset="2017-01-16", status="resolved", abate="2020-03-09")
    prediab = ch.condition("Prediabetes", ("714628002", "Prediabetes"), ("R73.03", "Prediabetes"), onset="2017-01-16", status="resolved", abate="2019-03-11")
    mdd = ch.condition("Major depressive disorder, recurrent, mild", ("66344007", "Recurrent major depression"), ("F33.0", "Major depressive disorder, recurrent, mild"),
                       onset="2015-02-02")
    oa = ch.condition("Primary osteoarthritis of both knees", ("239873007", "Osteoarthritis of knee"), ("M17.0", "Bilateral primary osteoarthritis of knee"),
                      onset="2014-05-12")
    rygb = ch.condition("Status post Roux-en-Y gastric bypass", ("698310003", "History of gastric bypass"), ("Z98.84", "Bariatric surgery status"), onset="2018-06-11")
    dump = ch.condition("Dumping syndrome", ("235697002", "Dumping syndrome"), ("K91.1", "Postgastric surgery syndromes"), onset="2018-10-15")
    stones = ch.condition("Symptomatic cholelithiasis", ("235919008", "Calculus of gallbladder"), ("K80.20", "Calculus of gallbladder without cholecystitis without obstruction"),
                          onset="2019-01-28", status="resolved", abate="2019-02-20")
    ulcer = ch.condition("Marginal (anastomotic) ulcer with hemorrhage", ("37442009", "Gastrojejunal ulcer"), ("K28.4", "Chronic or unspecified gastrojejunal ulcer with hemorrhage"),
                         onset="2019-08-10", status="resolved", abate="2019-11-18")
    vitd = ch.condition("Vitamin D deficiency", ("34713006", "Vitamin D deficiency"), ("E55.9", "Vitamin D deficiency, unspecified"), onset="2018-12-10")
    ida = ch.condition("Iron deficiency anemia due to malabsorption after gastric bypass", ("87522002", "Iron deficiency anemia"),
                       ("D50.8", "Other iron deficiency anemias"), onset="2020-09-14")
    b12 = ch.condition("Vitamin B12 deficiency", ("190634004", "Vitamin B12 deficiency"), ("E53.8", "Deficiency of other specified B group vitamins"), onset="2020-09-14")
    shpt = ch.condition("Secondary hyperparathyroidism (vitamin D deficiency / malabsorption)", ("36348003", "Secondary hyperparathyroidism"),
                        ("E21.1", "Secondary hyperparathyroidism, not elsewhere classified"), onset="2021-03-15")
    osteo = ch.condition("Osteopenia of left femoral neck", ("312894000", "Osteopenia"), ("M85.852", "Other specified disorders of bone density and structure, left thigh"),
                         onset="2022-05-16")
    ob1 = ch.condition("Obesity, class 1 (BMI 30-34.9) - weight regain after bariatric surgery", ("414916001", "Obesity"), ("E66.9", "Obesity, unspecified"),
                       onset="2023-06-12")

    # medications
    ch.med("phentermine hydrochloride 37.5 MG Oral Tablet [Adipex-P]", ("803348", "phentermine hydrochloride 37.5 MG Oral Tablet"), "stopped", "2017-01-16",
           sig="Take 1 tablet by mouth every morning", dose=(37.5, "mg"), freq=(1, 1, "d"), route="PO", reasons=[ob3], status_reason="Palpitations",
           end="2017-04-10", requester=MED)
    ch.med("metformin hydrochloride 500 MG Oral Tablet", ("861007", "metformin hydrochloride 500 MG Oral Tablet"), "stopped", "2017-01-16",
           sig="Take 1 tablet by mouth twice daily with meals", dose=(500, "mg"), freq=(2, 1, "d"), route="PO", reasons=[pcos, prediab], end="2019-03-11",
           requester=MED)
    ch.med("levonorgestrel 0.15 MG / ethinyl estradiol 0.03 MG Oral Tablet [Levora]", ("748879", "levonorgestrel 0.15 MG / ethinyl estradiol 0.03 MG Oral Tablet"),
           "stopped", "2010-03-15", sig="Take 1 tablet by mouth daily", dose=(1, "tablet", "{tbl}"), freq=(1, 1, "d"), route="PO", reasons=[pcos],
           status_reason="Stopped 4 weeks before bariatric surgery (VTE risk); oral contraceptive absorption unreliable after bypass", end="2018-05-14",
           requester="Dr. Gloria Mendes, MD (Gynecology)")
    ch.med("omeprazole 20 MG Delayed Release Oral Capsule [Prilosec]", ("402014", "omeprazole 20 MG Delayed Release Oral Capsule"), "stopped", "2012-04-02",
           sig="Take 1 capsule by mouth daily before breakfast", dose=(20, "mg"), freq=(1, 1, "d"), route="PO", reasons=[gerd],
           status_reason="Reflux resolved after gastric bypass", end="2018-09-17", requester=PCP)
    ch.med("enoxaparin sodium 40 MG/0.4ML Prefilled Syringe [Lovenox]", ("854235", "enoxaparin sodium 40 MG in 0.4 ML Prefilled Syringe"), "completed",
           "2018-06-11", sig="Inject 40 mg subcutaneously every 12 hours for 14 days after surgery", dose=(40, "mg"), freq=(2, 1, "d"), route="SC",
           reason_text="Extended VTE prophylaxis after bariatric surgery", end="2018-06-25", enc=a18, requester=BAR)
    ch.med("oxycodone hydrochloride 5 MG/5ML Oral Solution", ("1049604", "oxycodone hydrochloride 1 MG/ML Oral Solution"), "completed", "2018-06-13",
           sig="Take 5 mL (5 mg) by mouth every 6 hours as needed for pain, max 5 days", dose=(5, "mg"), freq=(1, 6, "h"), prn=True, route="PO",
           reason_text="Post-operative pain", end="2018-06-18", enc=a18, requester=BAR)
    ch.med("ursodiol 300 MG Oral Capsule [Actigall]", ("197915", "ursodiol 300 MG Oral Capsule"), "stopped", "2018-06-13",
           sig="Take 1 capsule by mouth twice daily for 6 months to prevent gallstones", dose=(300, "mg"), freq=(2, 1, "d"), route="PO",
           reasons=[rygb], end="2018-07-05", enc=a18, requester=BAR)
    ch.med("calcium citrate 600 MG / vitamin D3 500 UNT Oral Tablet [Citracal Maximum]", ("1099872", "calcium citrate 600 MG / cholecalciferol 500 UNT Oral Tablet"),
           "active", "2018-06-13", sig="Take 1 tablet by mouth twice daily, separate from iron by 2 hours", dose=(1, "tablet", "{tbl}"), freq=(2, 1, "d"),
           route="PO", reasons=[rygb], requester=BAR)
    ch.med("multivitamin with minerals chewable, bariatric formula [Bariatric Advantage]", ("1091165", "multivitamin with minerals chewable tablet"), "active",
           "2018-06-13", sig="Chew 1 tablet by mouth twice daily", dose=(1, "tablet", "{tbl}"), freq=(2, 1, "d"), route="PO", reasons=[rygb], requester=BAR)
    ch.med("ondansetron 4 MG Disintegrating Oral Tablet [Zofran ODT]", ("312086", "ondansetron 4 MG Disintegrating Oral Tablet"), "active", "2018-06-13",
           sig="Dissolve 1 tablet on the tongue every 8 hours as needed for nausea", dose=(4, "mg"), freq=(1, 8, "h"), prn=True, route="PO",
           reason_text="Nausea", requester=BAR)
    ch.med("ergocalciferol 1.25 MG (50000 UNT) Oral Capsule", ("316964", "ergocalciferol 1.25 MG Oral Capsule"), "completed", "2018-12-10",
           sig="Take 1 capsule by mouth once weekly for 12 weeks", dose=(50000, "[IU]"), freq=(1, 1, "wk"), route="PO", reasons=[vitd], end="2019-03-04",
           requester=MED)
    ch.med("cholecalciferol 75 MCG (3000 UNT) Oral Capsule", ("2047545", "cholecalciferol 0.075 MG Oral Capsule"), "active", "2019-03-11",
           sig="Take 1 capsule by mouth daily", dose=(3000, "[IU]"), freq=(1, 1, "d"), route="PO", reasons=[vitd, shpt], requester=MED)
    ch.med("cyanocobalamin 1000 MCG Sublingual Tablet", ("1302245", "cyanocobalamin 1 MG Sublingual Tablet"), "stopped", "2018-06-13",
           sig="Dissolve 1 tablet under the tongue daily", dose=(1000, "ug"), freq=(1, 1, "d"), route="SL", reasons=[rygb],
           status_reason="Ineffective - B12 deficient on oral therapy; changed to intramuscular", end="2020-09-14", requester=BAR)
    cbl = ch.med("cyanocobalamin 1000 MCG/ML Injectable Solution", ("1731349", "cyanocobalamin 1 MG/ML Injectable Solution"), "active", "2020-09-14",
                 sig="Inject 1000 mcg intramuscularly once monthly (self-injection)", dose=(1000, "ug"), freq=(1, 1, "mo"), route="IM", reasons=[b12], requester=MED)
    ch.med("ferrous sulfate 325 MG Oral Tablet", ("310325", "ferrous sulfate 325 MG Oral Tablet"), "stopped", "2019-09-16",
           sig="Take 1 tablet by mouth twice daily with vitamin C", dose=(325, "mg"), freq=(2, 1, "d"), route="PO", reasons=[rygb],
           reason_text="Iron deficiency after marginal ulcer bleed", status_reason="Intolerance (constipation, nausea) and inadequate response", end="2020-09-14",
           requester=MED)
    ch.med("ferric carboxymaltose 50 MG/ML Injectable Solution [Injectafer]", ("1597584", "ferric carboxymaltose 50 MG/ML Injectable Solution"), "completed",
           "2020-10-05", sig="750 mg IV over 15 minutes, 2 doses 7 days apart (1500 mg total)", dose=(750, "mg"), route="IV", reasons=[ida], end="2020-10-12",
           requester=MED)
    ch.med("ferric carboxymaltose 50 MG/ML Injectable Solution [Injectafer]", ("1597584", "ferric carboxymaltose 50 MG/ML Injectable Solution"), "completed",
           "2023-02-06", sig="750 mg IV over 15 minutes, 2 doses 7 days apart (1500 mg total)", dose=(750, "mg"), route="IV", reasons=[ida], end="2023-02-13",
           requester=MED)
    ch.med("pantoprazole 40 MG Injection [Protonix IV]", ("1008492", "pantoprazole 40 MG Injection"), "completed", "2019-08-10",
           sig="80 mg IV bolus then 40 mg IV every 12 hours", dose=(40, "mg"), freq=(2, 1, "d"), route="IV", reasons=[ulcer], end="2019-08-13", enc=ed19b,
           category="inpatient", requester="Dr. Andre Fiorello, MD (Hospital Medicine)")
    ch.med("omeprazole 40 MG Delayed Release Oral Capsule", ("200329", "omeprazole 40 MG Delayed Release Oral Capsule"), "completed", "2019-08-13",
           sig="Open capsule and sprinkle contents on applesauce; take twice daily for 12 weeks", dose=(40, "mg"), freq=(2, 1, "d"), route="PO",
           reasons=[ulcer], end="2019-11-13", enc=a19, requester="Dr. Andre Fiorello, MD (Hospital Medicine)")
    ch.med("sucralfate 1 GM/10ML Oral Suspension [Carafate]", ("208811", "sucralfate 100 MG/ML Oral Suspension"), "completed", "2019-08-13",
           sig="Take 10 mL by mouth 4 times daily (before meals and at bedtime) for 8 weeks", dose=(1, "g"), freq=(4, 1, "d"), route="PO", reasons=[ulcer],
           end="2019-10-08", enc=a19, requester="Dr. Andre Fiorello, MD (Hospital Medicine)")
    ch.med("venlafaxine 75 MG Extended Release Oral Capsule [Effexor XR]", ("314277", "24 HR venlafaxine 75 MG Extended Release Oral Capsule"), "stopped",
           "2015-02-02", sig="Take 1 capsule by mouth daily with breakfast", dose=(75, "mg"), freq=(1, 1, "d"), route="PO", reasons=[mdd],
           status_reason="Dose increased", end="2019-02-04", requester=PCP)
    ch.med("venlafaxine 150 MG Extended Release Oral Capsule [Effexor XR]", ("314278", "24 HR venlafaxine 150 MG Extended Release Oral Capsule"), "active",
           "2019-02-04", sig="Take 1 capsule by mouth daily with breakfast", dose=(150, "mg"), freq=(1, 1, "d"), route="PO", reasons=[mdd], requester=PCP)
    ch.med("semaglutide 0.25 MG/0.5ML Pen Injector [Wegovy] - titration", ("2553506", "semaglutide 0.5 MG/ML Auto-Injector"), "completed", "2023-06-12",
           sig="0.25 mg subcutaneously weekly x4 weeks, then 0.5 mg, 1 mg and 1.7 mg weekly for 4 weeks each", dose=(0.25, "mg"), freq=(1, 1, "wk"),
           route="SC", reasons=[ob1], end="2023-09-18", requester=MED)
    sema = ch.med("semaglutide 2.4 MG/0.75ML Auto-Injector [Wegovy]", ("2553603", "semaglutide 3.2 MG/ML Auto-Injector"), "active", "2023-09-18",
                  sig="Inject 2.4 mg subcutaneously once weekly", dose=(2.4, "mg"), freq=(1, 1, "wk"), route="SC", reasons=[ob1], requester=MED)
    ch.med("amoxicillin 500 MG Oral Capsule", ("308191", "amoxicillin 500 MG Oral Capsule"), "completed", "2021-02-22",
           sig="Take 1 capsule by mouth twice daily for 10 days", dose=(500, "mg"), freq=(2, 1, "d"), route="PO", reason_text="Streptococcal pharyngitis",
           end="2021-03-04", requester=PCP)
    ch.med("acetaminophen 500 MG Oral Tablet [Tylenol Extra Strength]", ("198440", "acetaminophen 500 MG Oral Tablet"), "active", "2019-08-13",
           sig="Take 2 tablets by mouth every 8 hours as needed for knee pain. NO ibuprofen/naproxen.", dose=(1000, "mg"), freq=(1, 8, "h"), prn=True,
           route="PO", reasons=[oa], requester=PCP)

    # labs
    hgbs = [("2017-01-16", 13.0), ("2018-05-14", 13.2), ("2019-08-10", 7.4), ("2019-08-12", 8.6), ("2019-09-16", 10.8), ("2020-09-14", 9.6),
            ("2020-11-16", 12.4), ("2021-09-13", 12.1), ("2022-12-12", 10.9), ("2023-03-13", 12.8), ("2024-06-17", 12.6), ("2024-12-09", 12.9)]
    for d, v in hgbs:
        ch.lab("hgbf", v, d, enc=ed19b if d == "2019-08-10" else (a19 if d == "2019-08-12" else None), interp=("LL" if v < 8 else "auto"))
    for d, v in [("2018-05-14", 64), ("2019-09-16", 12), ("2020-09-14", 5), ("2020-11-16", 212), ("2021-09-13", 96), ("2022-12-12", 9),
                 ("2023-03-13", 186), ("2024-06-17", 88), ("2024-12-09", 71)]:
        ch.lab("ferritin", v, d, ref=(30, 150))
    for d, v in [("2018-05-14", 402), ("2018-12-10", 318), ("2020-09-14", 148), ("2021-03-15", 612), ("2023-03-13", 780), ("2024-06-17", 702)]:
        ch.lab("b12", v, d)
    for d, v in [("2017-01-16", 17), ("2018-12-10", 11), ("2019-03-11", 34), ("2021-03-15", 24), ("2022-05-16", 31), ("2024-06-17", 38)]:
        ch.lab("vitd", v, d)
    for d, v in [("2021-03-15", 98), ("2022-05-16", 76), ("2024-06-17", 58)]:
        ch.lab("pth", v, d)
    for d, v in [("2021-03-15", 9.1), ("2024-06-17", 9.3)]:
        ch.lab("ca", v, d)
    ch.lab("folate", 6.8, "2020-09-14")
    ch.lab("thiamine", 92, "2018-10-15")
    ch.lab("zinc", 58, "2018-10-15")
    for d, v in [("2017-01-16", 6.2), ("2018-05-14", 5.9), ("2019-06-10", 5.3), ("2024-06-17", 5.4)]:
        ch.lab("a1c", v, d)
    for d, v in [("2017-01-16", 62), ("2019-06-10", 24), ("2024-06-17", 19)]:
        ch.lab("alt", v, d, ref=(7, 35))
    for d, tg, ldl, hdl in [("2017-01-16", 228, 131, 38), ("2019-06-10", 96, 102, 52), ("2024-06-17", 118, 109, 55)]:
        ch.lab("tg", tg, d)
        ch.lab("ldl", ldl, d)
        ch.lab("hdl", hdl, d, ref=(50, None))
    ch.obs_str("54067-4", "Helicobacter pylori Ag [Presence] in Stool by Immunoassay", "H. pylori stool antigen", "Negative", "2017-11-06", interp="NEG")
    for d, v, e in [("2016-02-18", 34.2, psg16), ("2019-05-20", 4.1, psg19)]:
        ch.obs_q("90567-4", "Apnea hypopnea index", "Apnea-hypopnea index (AHI)", v, "/h", d, cat="procedure", enc=e,
                 ref=(None, 5, "Normal <5 events/h"), interp=("H" if v >= 5 else "N"))
    ch.obs_q("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "Nadir SpO2 during sleep", 79, "%", "2016-02-18", cat="procedure", enc=psg16)
    ch.smoking("2017-01-16", "never")
    ch.smoking("2024-06-17", "never")
    ch.obs_str("11331-6", "History of Alcohol use", "Alcohol use", "1-2 drinks per month; counseled on increased alcohol sensitivity after gastric bypass",
               "2024-06-17", cat="social-history")

    # bariatric clinic visits with weights
    bv = [("2017-01-16", 124.7, 45.8), ("2017-04-10", 122.9, 45.1), ("2017-09-11", 121.6, 44.7), ("2018-05-14", 119.3, 43.8), ("2018-07-09", 108.4, 39.8),
          ("2018-10-15", 98.6, 36.2), ("2018-12-10", 92.0, 33.8), ("2019-03-11", 86.5, 31.8), ("2019-06-10", 79.8, 29.3), ("2019-09-16", 76.8, 28.2),
          ("2019-12-09", 74.6, 27.4), ("2020-03-09", 72.1, 26.5), ("2020-09-14", 73.0, 26.8), ("2021-03-15", 74.2, 27.3), ("2021-09-13", 75.8, 27.8),
          ("2022-05-16", 80.9, 29.7), ("2022-12-12", 83.7, 30.7), ("2023-06-12", 86.6, 31.8), ("2023-12-11", 80.2, 29.5), ("2024-06-17", 76.4, 28.1),
          ("2024-12-09", 74.9, 27.5)]
    venc = {}
    for d, w, bmi in bv:
        e = ch.encounter("AMB", "Bariatric clinic visit", d, type_code=("185389009", "Follow-up visit"),
                         reason="Pre-operative bariatric evaluation" if d < "2018-06-11" else "Post-bariatric surgery follow-up",
                         reason_refs=[ob3] if d < "2018-06-11" else [rygb], provider="Lackawanna Valley Bariatric & Metabolic Center")
        venc[d] = e
        ch.vital("wt", w, d, enc=e)
        ch.vital("bmi", bmi, d, enc=e)
        s = rng.randint(112, 128) if d > "2018-10-01" else rng.randint(132, 146)
        ch.bp(d, s, rng.randint(70, 88), enc=e)
    ch.vital("ht", 165, "2017-01-16", enc=venc["2017-01-16"])
    ch.vital("hr", 118, "2019-08-10", enc=ed19b)
    ch.bp("2019-08-10", 92, 56, enc=ed19b)

    # reports
    ch.report("28633-6", "Polysomnography (sleep study) report", "2016-02-19", cat="OTH", enc=psg16,
              conclusion="Moderate obstructive sleep apnea: AHI 34.2 events/hour, nadir SpO2 79%. CPAP titration to 10 cm H2O eliminated events.")
    ch.report("28633-6", "Polysomnography (sleep study) report", "2019-05-21", cat="OTH", enc=psg19,
              conclusion="Off CPAP: AHI 4.1 events/hour, nadir SpO2 90%. No clinically significant obstructive sleep apnea after weight loss. CPAP may be discontinued.")
    ch.report("28016-4", "Upper GI endoscopy report", "2017-11-20", cat="OTH", enc=egd17,
              conclusion="Small (2 cm) sliding hiatal hernia. LA grade A esophagitis. Mild antral erythema - biopsied.")
    ch.report("66117-3", "Pathology report - gastric antral biopsies", "2017-11-20", cat="SP", enc=egd17,
              conclusion="Gastric antrum: mild chronic inactive gastritis. Helicobacter pylori immunostain negative. No intestinal metaplasia.")
    ch.report("24773-4", "Upper GI series with water-soluble contrast", "2018-06-12", enc=a18,
              conclusion="No leak at the gastrojejunal anastomosis. Contrast passes freely through the gastric pouch and Roux limb.")
    ch.report("24558-9", "US Abdomen right upper quadrant", "2019-01-28", enc=ed19a,
              conclusion="Multiple mobile gallstones up to 9 mm. Gallbladder wall 4 mm, no pericholecystic fluid, sonographic Murphy sign negative. CBD 4 mm.")
    ch.report("66117-3", "Pathology report - gallbladder", "2019-02-20", cat="SP", enc=chole,
              conclusion="Gallbladder: chronic cholecystitis with cholelithiasis (multiple yellow cholesterol stones). No dysplasia.")
    ch.report("28016-4", "Upper GI endoscopy report", "2019-08-11", cat="OTH", enc=a19,
              conclusion="1.5 cm marginal ulcer on the jejunal side of the gastrojejunal anastomosis with adherent clot and a non-bleeding visible vessel; "
                         "treated with epinephrine injection and two hemoclips. No foreign body or suture at the ulcer base. Small gastric pouch.")
    ch.report("38269-7", "DXA Bone density", "2022-05-16", enc=venc["2022-05-16"],
              conclusion="Osteopenia. Lowest T-score -1.8 at the left femoral neck; lumbar spine T-score -1.1.")

    # procedures / devices
    cpap = ch.device("Continuous positive airway pressure device", ("702172008", "Home continuous positive airway pressure unit"),
                     "ResMed AirSense 10 AutoSet CPAP with heated humidifier", manufacturer="ResMed", model="AirSense 10 AutoSet", status="inactive",
                     serial="23171945882")
    ch.dus(cpap, "2016-03-07", end="2019-05-21", status="completed", reasons=[osa], note="Pressure 10 cm H2O, full face mask. Discontinued after repeat sleep study.")
    ch.procedure("Polysomnography with CPAP titration (split night)", ("60554003", "Polysomnography"), ("95811", "Polysomnography; sleep staging with initiation of CPAP"),
                 when="2016-02-18", enc=psg16, reasons=[osa])
    ch.procedure("Polysomnography", ("60554003", "Polysomnography"), ("95810", "Polysomnography; age 6 years or older, sleep staging with 4 or more additional parameters"),
                 when="2019-05-20", enc=psg19, reasons=[osa])
    ch.procedure("Esophagogastroduodenoscopy with biopsy", ("386831001", "Endoscopy of upper gastrointestinal tract"),
                 ("43239", "Esophagogastroduodenoscopy, flexible, transoral; with biopsy, single or multiple"), when="2017-11-20", enc=egd17,
                 reason_text="Pre-operative evaluation before bariatric surgery")
    ch.procedure("Laparoscopic Roux-en-Y gastric bypass (150 cm Roux limb)", ("442338001", "Laparoscopic Roux-en-Y gastric bypass"),
                 ("43644", "Laparoscopy, surgical, gastric restrictive procedure; with gastric bypass and Roux-en-Y gastroenterostomy (roux limb 150 cm or less)"),
                 when="2018-06-11", enc=a18, reasons=[ob3, osa], performer=BAR)
    ch.procedure("Laparoscopic cholecystectomy", ("45595009", "Laparoscopic cholecystectomy"), ("47562", "Laparoscopy, surgical; cholecystectomy"),
                 when="2019-02-20", enc=chole, reasons=[stones], performer=BAR)
    ch.procedure("Transfusion of packed red blood cells, 1 unit", ("180208003", "Transfusion of red blood cells"), ("36430", "Transfusion, blood or blood components"),
                 when="2019-08-10", enc=ed19b, reasons=[ulcer])
    ch.procedure("Esophagogastroduodenoscopy with injection and clip hemostasis of marginal ulcer", ("386831001", "Endoscopy of upper gastrointestinal tract"),
                 ("43255", "Esophagogastroduodenoscopy, flexible, transoral; with control of bleeding, any method"), when="2019-08-11", enc=a19, reasons=[ulcer])
    nx1 = ch.device("Contraceptive implant (etonogestrel)", ("468499005", "Contraceptive subdermal implant"), "Nexplanon 68 mg etonogestrel implant, left arm",
                    manufacturer="Organon", model="Nexplanon", lot="T048721", status="inactive")
    ch.procedure("Insertion of etonogestrel contraceptive implant", ("169553002", "Insertion of subcutaneous contraceptive"), ("11981", "Insertion, drug-delivery implant"),
                 when="2018-09-24", enc=nx18, devices=[nx1], body="Left upper arm", reason_text="Contraception (oral contraceptives unreliable after gastric bypass)")
    ch.dus(nx1, "2018-09-24", end="2021-09-20", status="completed", body="Left upper arm")
    nx2 = ch.device("Contraceptive implant (etonogestrel)", ("468499005", "Contraceptive subdermal implant"), "Nexplanon 68 mg etonogestrel implant, left arm",
                    manufacturer="Organon", model="Nexplanon", lot="U112093")
    ch.procedure("Removal with reinsertion of etonogestrel contraceptive implant", ("301806003", "Removal of subcutaneous contraceptive"),
                 ("11983", "Removal with reinsertion, non-biodegradable drug delivery implant"), when="2021-09-20", enc=nx21, devices=[nx1, nx2], body="Left upper arm")
    ch.dus(nx2, "2021-09-20", body="Left upper arm", note="Due for replacement by 09/2024 per label (extended use to 5 years discussed).")
    for d in ["2020-10-05", "2020-10-12", "2023-02-06", "2023-02-13"]:
        ch.procedure("Intravenous infusion of ferric carboxymaltose 750 mg", ("386307008", "Intravenous iron therapy"),
                     ("96365", "Intravenous infusion, for therapy, prophylaxis, or diagnosis; initial, up to 1 hour"), when=d, enc=inf[d], reasons=[ida])
    ch.procedure("Dual-energy x-ray absorptiometry", ("312681000", "Bone densitometry"), ("77080", "DXA bone density study, axial skeleton"), when="2022-05-16",
                 enc=venc["2022-05-16"], reason_text="Bone loss risk after gastric bypass")

    # immunizations
    for d in ["2017-10-09", "2018-10-15", "2019-10-14", "2020-10-19", "2021-10-18", "2023-10-16", "2024-10-14"]:
        ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", d, text="Influenza vaccine (Fluarix quadrivalent)")
    ch.imm("150", "Influenza, injectable, quadrivalent, preservative free", "2022-10-17", status="not-done",
           reason=("PATOBJ", "Patient declined this season", "patient objection"), text="Influenza vaccine - declined")
    ch.imm("115", "Tdap", "2019-03-11", enc=venc["2019-03-11"], text="Tdap (Adacel)")
    ch.imm("189", "Hepatitis B vaccine (recombinant), CpG adjuvanted", "2017-09-11", dose=1, series=2, text="Heplisav-B dose 1")
    ch.imm("189", "Hepatitis B vaccine (recombinant), CpG adjuvanted", "2017-10-09", dose=2, series=2, text="Heplisav-B dose 2")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-04-12", dose=1, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-05-03", dose=2, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2022-01-10", dose=3, text="COVID-19 vaccine, Pfizer-BioNTech booster")
    ch.imm("300", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, 30 mcg/0.3 mL dose", "2022-11-14", text="COVID-19 vaccine, Pfizer bivalent booster")
    ch.imm("309", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Pfizer-BioNTech", "2023-10-16", text="COVID-19 vaccine 2023-2024 (Comirnaty)")

    # allergies
    ch.allergy("Nonsteroidal anti-inflammatory drugs (NSAIDs)", (SNOMED, "293585002", "Allergy to non-steroidal anti-inflammatory agent"), "intolerance",
               "medication", "high", "2019-08-10", [("Bleeding marginal ulcer after gastric bypass", ("37442009", "Gastrojejunal ulcer"), "severe")],
               note="Contraindicated after Roux-en-Y gastric bypass. Avoid ibuprofen, naproxen, aspirin, ketorolac, meloxicam.")
    ch.allergy("Natural rubber latex", (SNOMED, "300916003", "Latex allergy"), "allergy", "environment", "low", "2009",
               [("Contact urticaria", ("126485001", "Urticaria"), "moderate")], recorded="2017-01-16")

    # goals / careplans
    g1 = ch.goal("Protein intake at least 60 g per day", "2018-06-13", achievement="sustaining", addresses=[rygb])
    g2 = ch.goal("Ferritin above 30 ng/mL", "2020-09-14", achievement="achieved",
                 target=("2276-4", "Ferritin", "detailQuantity", {"value": 30, "comparator": ">", "unit": "ng/mL", "system": "http://unitsofmeasure.org", "code": "ng/mL"}),
                 addresses=[ida], status_date="2024-12-09")
    g3 = ch.goal("Body weight below 77 kg", "2023-06-12", achievement="achieved",
                 target=("29463-7", "Body weight", "detailQuantity", {"value": 77, "comparator": "<", "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"}),
                 addresses=[ob1], status_date="2024-06-17")
    ch.careplan("Post-bariatric surgery nutrition and supplement plan",
                "Lifelong supplementation and monitoring after Roux-en-Y gastric bypass.", "2018-06-13", addresses=[rygb, vitd, b12, ida, shpt],
                goals=[g1, g2],
                activities=[("Bariatric multivitamin twice daily", "in-progress"), ("Calcium citrate 1200-1500 mg/day in divided doses", "in-progress"),
                            ("Vitamin D3 3000 IU daily", "in-progress"), ("Vitamin B12 1000 mcg IM monthly", "in-progress"),
                            ("CBC, ferritin, B12, vitamin D, PTH every 6-12 months", "in-progress"),
                            ("Avoid NSAIDs and tobacco", "in-progress"), ("DXA every 2 years", "scheduled")])
    ch.careplan("Weight regain management", "Anti-obesity medication with dietitian follow-up for weight regain after bypass.", "2023-06-12",
                addresses=[ob1], goals=[g3],
                activities=[("Semaglutide 2.4 mg weekly", "in-progress"), ("Dietitian visits every 3 months", "in-progress"),
                            ("150 minutes per week of exercise", "in-progress")])

    # family history
    ch.fmh("MTH", "female", [("Obesity", ("414916001", "Obesity"), 30), ("Type 2 diabetes mellitus", ("44054006", "Diabetes mellitus type 2"), 48)])
    ch.fmh("FTH", "male", [("Obstructive sleep apnea", ("78275009", "Obstructive sleep apnea syndrome"), 55),
                           ("Essential hypertension", ("59621000", "Essential hypertension"), 50)])
    ch.fmh("SIS", "female", [("Polycystic ovary syndrome", ("69878008", "Polycystic ovaries"), 22)])

    # notes
    ch.note("consult", "2017-01-16", """
BARIATRIC MEDICINE - INITIAL CONSULTATION
35F, BMI 45.8 (124.7 kg, 165 cm). Weight problem since her teens. Tried Weight Watchers three times, a low-carb diet and a
meal-replacement program; best loss 14 kg, regained within a year.
Comorbidities: moderate OSA on CPAP, GERD, PCOS, prediabetes (A1c 6.2), fatty liver (ALT 62), knee osteoarthritis, depression
on venlafaxine. Never smoker.
Plan: 6-month medically supervised program required by insurance. Start phentermine 37.5 mg and metformin 500 mg twice daily.
Nutrition and psychology evaluations. EGD before surgery. Discussed sleeve gastrectomy vs Roux-en-Y bypass - bypass favored
given GERD.
""", MED, enc=venc["2017-01-16"])
    ch.note("discharge", "2018-06-13T12:00", """
BARIATRIC SURGERY DISCHARGE SUMMARY
Laparoscopic Roux-en-Y gastric bypass 06/11/2018 (150 cm Roux limb, antecolic). Upper GI 06/12: no leak.
Uncomplicated course; tolerating stage 2 bariatric liquids.
Discharge medications: enoxaparin 40 mg every 12 hours for 14 days, ursodiol 300 mg twice daily for 6 months to lower the
risk of gallstones during rapid weight loss, chewable bariatric multivitamin, calcium citrate, sublingual B12, liquid
oxycodone for 5 days, ondansetron ODT as needed. Stop omeprazole when reflux resolves. No NSAIDs ever.
Follow-up: bariatric clinic in 4 weeks.
""", BAR, enc=a18)
    ch.note("progress", "2018-10-15", """
BARIATRIC CLINIC - 4 months post-op
Down 20.7 kg since surgery. She reports her hair is thinning and coming out in clumps in the shower over the last month.
After a bowl of ice cream she gets flushing, a racing heart and cramping diarrhea within 20 minutes.
She stopped the ursodiol after about 3 weeks because the capsules made her nauseated and were hard to swallow.
Protein intake about 50 g/day by food diary.
Assessment: telogen effluvium from rapid weight loss (expected to recover); early dumping syndrome; zinc 58 (low).
Plan: protein goal 60-80 g/day with shakes, avoid simple sugars, small frequent meals. Zinc in multivitamin. Reviewed gallstone
risk off ursodiol - she prefers not to restart.
""", MED, enc=venc["2018-10-15"])
    ch.note("op", "2019-02-20", """
OPERATIVE NOTE
Procedure: laparoscopic cholecystectomy.
Indication: symptomatic cholelithiasis after rapid weight loss following Roux-en-Y gastric bypass (ED visit 01/28 with biliary
colic; ultrasound with multiple stones).
Findings: distended gallbladder with multiple stones, mild chronic inflammation, no acute cholecystitis. Critical view of
safety obtained. No intraoperative cholangiogram (normal LFTs, CBD 4 mm). EBL 10 mL.
Disposition: home same day.
""", BAR, enc=chole)
    ch.note("discharge", "2019-08-13T11:30", """
DISCHARGE SUMMARY - Lackawanna Valley Medical Center
Admitted 08/10/2019 via ED with melena and lightheadedness; hemoglobin 7.4 (13.2 pre-op). Transfused 1 unit PRBC.
EGD 08/11: 1.5 cm marginal ulcer with visible vessel, treated with epinephrine and two clips.
Cause: for about 6 weeks she had been taking ibuprofen 800 mg two to three times a day for knee pain, bought over the counter,
not realizing it was dangerous after bypass. Non-smoker. H. pylori negative before surgery.
Discharge: omeprazole 40 mg twice daily (capsules opened) for 12 weeks, sucralfate suspension 4 times daily for 8 weeks,
acetaminophen for knee pain. NSAIDs added to allergy/intolerance list. Iron studies in 4 weeks.
""", "Dr. Andre Fiorello, MD (Hospital Medicine)", enc=a19)
    ch.note("progress", "2020-09-14", """
BARIATRIC CLINIC - 2 years post-op
Very tired, short of breath on stairs. She admits she has been chewing ice constantly - two cups a day - and craves it.
Stopped the ferrous sulfate months ago because of constipation and nausea.
Labs: Hgb 9.6, ferritin 5, B12 148, folate normal.
Assessment: iron deficiency anemia and B12 deficiency from malabsorption after bypass (pagophagia).
Plan: IV ferric carboxymaltose 750 mg x2; switch B12 to 1000 mcg IM monthly (taught self-injection). Recheck in 8 weeks.
""", MED, enc=venc["2020-09-14"])
    ch.note("progress", "2023-06-12", """
BARIATRIC CLINIC - weight regain visit
Weight 86.6 kg (nadir 72.1 kg in March 2020), a regain of 14.5 kg. She describes grazing on crackers and pretzels most evenings
after her kids are in bed, and drinking sweet coffee drinks. Hunger returns 2 hours after meals.
Upper GI symptoms: none. Venlafaxine 150 mg stable.
Plan: dietitian referral; start semaglutide (Wegovy) with monthly titration to 2.4 mg weekly. Counseled on nausea, slower
titration if vomiting, and on reliable contraception (Nexplanon in place).
""", MED, enc=venc["2023-06-12"])
    ch.note("progress", "2024-06-17", """
BARIATRIC CLINIC - 6 years post-op
Weight 76.4 kg on semaglutide 2.4 mg weekly, mild nausea the day after the injection only. She walks about 10,000 steps a day
and goes to a Zumba class twice a week.
Labs: Hgb 12.6, ferritin 88, B12 702 on monthly injections, vitamin D 38, PTH 58 (normalized), A1c 5.4.
Plan: continue semaglutide, B12 injections, calcium citrate, vitamin D3, bariatric multivitamin. DXA in 2024-2025. Nexplanon due
for replacement in September - gynecology aware.
""", MED, enc=venc["2024-06-17"])

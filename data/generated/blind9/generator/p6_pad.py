"""Patient 6: peripheral artery disease in a former heavy smoker with type 2 diabetes: left SFA drug-eluting stent,
right common iliac stent, in-stent occlusion with toe gangrene, failed revascularization, left below-knee amputation
with prosthesis; dual pathway (rivaroxaban 2.5 mg + aspirin); small AAA under surveillance."""
from lib import RXNORM, SNOMED

BUNDLE_TYPE = "bulk"
TZ = "-06:00"


def build(ch):
    rng = ch.rng
    ch.patient(["Lonnie", "Earl"], "Battle", "male", "1954-08-19",
               {"line": ["5120 County Road 14"], "city": "Greenville", "state": "MS", "postalCode": "38701"},
               phone="662-555-0131", mrn="DVH-3318827", marital=("W", "Widowed"), lang=("en", "English"))
    VASC = "Dr. Adaeze Nwosu, MD (Vascular Surgery)"
    PCP = "Dr. Clayton Reese, MD (Family Medicine)"
    HOSP = "Delta Valley Hospital"

    # encounters
    ang18 = ch.encounter("AMB", "Outpatient endovascular procedure", "2018-04-16", type_code=("305408004", "Admission to surgical department"),
                         reason="Lifestyle-limiting left calf claudication", provider=HOSP + " Vascular Lab")
    ang19 = ch.encounter("AMB", "Outpatient endovascular procedure", "2019-10-14", type_code=("305408004", "Admission to surgical department"),
                         reason="Right buttock and thigh claudication", provider=HOSP + " Vascular Lab")
    ed21 = ch.encounter("EMER", "Emergency department visit", "2021-11-18T10:20", "2021-11-18T16:45", type_code=("50849002", "Emergency room admission"),
                        reason="Black, painful left toes and foot wound with drainage", provider=HOSP)
    a21 = ch.encounter("IMP", "Inpatient admission", "2021-11-18T16:45", "2021-11-29T13:00", type_code=("32485007", "Hospital admission"),
                       reason="Chronic limb-threatening ischemia of left leg with toe gangrene and infection", admit=("emd", "From accident/emergency department"),
                       discharge=("home", "Home", "Home with home health wound care"), provider=HOSP)
    a22 = ch.encounter("IMP", "Inpatient surgical admission", "2022-01-17T16:00", "2022-01-26T10:30", type_code=("32485007", "Hospital admission"),
                       reason="Left below-knee amputation", admit=("outp", "From outpatient department"),
                       discharge=("rehab", "Rehabilitation", "Discharged to inpatient rehabilitation facility"), provider=HOSP)
    ed23 = ch.encounter("EMER", "Emergency department visit", "2023-06-10T07:05", "2023-06-10T11:30", type_code=("50849002", "Emergency room admission"),
                        reason="Fall at home with injury to left residual limb", provider=HOSP)
    pt22 = ch.encounter("AMB", "Prosthetics and physical therapy visit", "2022-05-16", type_code=("185389009", "Follow-up visit"),
                        reason="Initial transtibial prosthesis fitting", provider="Delta Orthotics & Prosthetics")

    # conditions
    pad = ch.condition("Peripheral arterial disease of both legs with intermittent claudication", ("399957001", "Peripheral arterial occlusive disease"),
                       ("I70.213", "Atherosclerosis of native arteries of extremities with intermittent claudication, bilateral legs"), onset="2016-03-07")
    clti = ch.condition("Chronic limb-threatening ischemia of left leg with gangrene of toes", ("372070002", "Gangrenous disorder"),
                        ("I70.262", "Atherosclerosis of native arteries of extremities with gangrene, left leg"), onset="2021-11-18",
                        status="resolved", abate="2022-01-18")
    isr = ch.condition("In-stent restenosis/occlusion of left superficial femoral artery stent", ("449401002", "Stenosis of stent"),
                       ("T82.856A", "Stenosis of peripheral vascular stent, initial encounter"), onset="2021-06-07", status="resolved", abate="2022-01-18")
    bka = ch.condition("Acquired absence of left leg below knee", ("428051000124100", "Status post below knee amputation of left lower extremity"),
                       ("Z89.512", "Acquired absence of left leg below knee"), onset="2022-01-18")
    phantom = ch.condition("Phantom limb pain, left", ("29929003", "Phantom limb pain"), ("G54.6", "Phantom limb syndrome with pain"), onset="2022-02-07")
    t2dm = ch.condition("Type 2 diabetes mellitus with diabetic peripheral angiopathy", ("44054006", "Diabetes mellitus type 2"),
                        ("E11.51", "Type 2 diabetes mellitus with diabetic peripheral angiopathy without gangrene"), onset="2008-05-12")
    neuro = ch.condition("Diabetic peripheral neuropathy", ("230572002", "Diabetic neuropathy"), ("E11.42", "Type 2 diabetes mellitus with diabetic polyneuropathy"),
                         onset="2014-09-08")
    cad = ch.condition("Coronary artery disease with stable angina", ("53741008", "Coronary arteriosclerosis"),
                       ("I25.118", "Atherosclerotic heart disease of native coronary artery with other forms of angina pectoris"), onset="2012-02-20")
    htn = ch.condition("Essential hypertension", ("59621000", "Essential hypertension"), ("I10", "Essential (primary) hypertension"), onset="2003-06-02")
    hld = ch.condition("Hyperlipidemia", ("55822004", "Hyperlipidemia"), ("E78.5", "Hyperlipidemia, unspecified"), onset="2008-05-12")
    tob = ch.condition("Tobacco use disorder (cigarettes, 50 pack-years)", ("89765005", "Tobacco dependence syndrome"),
                       ("F17.210", "Nicotine dependence, cigarettes, uncomplicated"), onset="1971", status="resolved", abate="2021-08-19")
    aaa = ch.condition("Infrarenal abdominal aortic aneurysm without rupture", ("233985008", "Abdominal aortic aneurysm"),
                       ("I71.40", "Abdominal aortic aneurysm, without rupture, unspecified"), onset="2019-09-23")
    adj = ch.condition("Adjustment disorder with depressed mood after amputation", ("191734006", "Adjustment disorder with depressed mood"),
                       ("F43.21", "Adjustment disorder with depressed mood"), onset="2022-03-14", status="resolved", abate="2023-09-11")
    stump = ch.condition("Abrasion of left residual limb (stump)", ("399963005", "Abrasion"), ("S80.812A", "Abrasion, left lower leg, initial encounter"),
                         onset="2023-06-10", status="resolved", abate="2023-06-30", cat="encounter-diagnosis", enc=ed23)
    hypo = ch.condition("Hypoglycemia due to sulfonylurea", ("302866003", "Hypoglycemia"), ("E16.0", "Drug-induced hypoglycemia without coma"),
                        onset="2019-04-22", status="resolved", abate="2019-05-06")

    # medications
    ch.med("cilostazol 100 MG Oral Tablet [Pletal]", ("199473", "cilostazol 100 MG Oral Tablet"), "stopped", "2016-03-07",
           sig="Take 1 tablet by mouth twice daily, 30 minutes before breakfast and dinner", dose=(100, "mg"), freq=(2, 1, "d"), route="PO",
           reasons=[pad], end="2017-01-09", requester=VASC)
    ch.med("aspirin 81 MG Delayed Release Oral Tablet", ("243670", "aspirin 81 MG Oral Tablet"), "active", "2012-02-20",
           sig="Take 1 tablet by mouth daily", dose=(81, "mg"), freq=(1, 1, "d"), route="PO", reasons=[cad, pad], requester=PCP)
    ch.med("clopidogrel 75 MG Oral Tablet [Plavix]", ("309362", "clopidogrel 75 MG Oral Tablet"), "stopped", "2018-04-16",
           sig="Take 1 tablet by mouth daily", dose=(75, "mg"), freq=(1, 1, "d"), route="PO", reasons=[pad], enc=ang18,
           status_reason="Changed to rivaroxaban 2.5 mg twice daily plus aspirin (dual pathway inhibition)", end="2022-03-14", requester=VASC)
    ch.med("rivaroxaban 2.5 MG Oral Tablet [Xarelto]", ("1232082", "rivaroxaban 2.5 MG Oral Tablet"), "active", "2022-03-14",
           sig="Take 1 tablet by mouth twice daily with aspirin 81 mg", dose=(2.5, "mg"), freq=(2, 1, "d"), route="PO", reasons=[pad, bka], requester=VASC)
    ch.med("atorvastatin 40 MG Oral Tablet [Lipitor]", ("617311", "atorvastatin 40 MG Oral Tablet"), "stopped", "2008-05-12",
           sig="Take 1 tablet by mouth daily", dose=(40, "mg"), freq=(1, 1, "d"), route="PO", reasons=[hld], status_reason="Dose increased (high-intensity statin for PAD)",
           end="2018-04-16", requester=PCP)
    ch.med("atorvastatin 80 MG Oral Tablet [Lipitor]", ("259255", "atorvastatin 80 MG Oral Tablet"), "active", "2018-04-16",
           sig="Take 1 tablet by mouth daily", dose=(80, "mg"), freq=(1, 1, "d"), route="PO", reasons=[hld, pad], requester=VASC)
    ch.med("ezetimibe 10 MG Oral Tablet [Zetia]", ("349556", "ezetimibe 10 MG Oral Tablet"), "active", "2021-12-13",
           sig="Take 1 tablet by mouth daily", dose=(10, "mg"), freq=(1, 1, "d"), route="PO", reasons=[hld], reason_text="LDL above 55 on maximal statin",
           requester=VASC)
    ch.med("metformin hydrochloride 1000 MG Oral Tablet [Glucophage]", ("861004", "metformin hydrochloride 1000 MG Oral Tablet"), "active", "2008-05-12",
           sig="Take 1 tablet by mouth twice daily with meals", dose=(1000, "mg"), freq=(2, 1, "d"), route="PO", reasons=[t2dm], requester=PCP)
    ch.med("glipizide 10 MG Oral Tablet [Glucotrol]", ("310490", "glipizide 10 MG Oral Tablet"), "stopped", "2010-08-09",
           sig="Take 1 tablet by mouth twice daily before meals", dose=(10, "mg"), freq=(2, 1, "d"), route="PO", reasons=[t2dm],
           status_reason="Recurrent hypoglycemia", end="2019-05-06", requester=PCP)
    ch.med("canagliflozin 100 MG Oral Tablet [Invokana]", ("1373463", "canagliflozin 100 MG Oral Tablet"), "stopped", "2019-05-06",
           sig="Take 1 tablet by mouth daily before the first meal", dose=(100, "mg"), freq=(1, 1, "d"), route="PO", reasons=[t2dm],
           status_reason="Discontinued on admission", end="2021-11-18", requester=PCP)
    ch.med("insulin glargine 100 UNT/ML Pen Injector [Basaglar KwikPen]", ("1670007", "insulin glargine 100 UNT/ML Pen Injector"), "active", "2021-11-29",
           sig="Inject 18 units subcutaneously at bedtime; titrate by 2 units every 3 days to fasting glucose 100-140", dose=(18, "U", "[U]"),
           freq=(1, 1, "d", "HS"), route="SC", reasons=[t2dm], enc=a21, requester="Dr. Shanice Lowery, MD (Hospital Medicine)")
    ch.med("lisinopril 20 MG Oral Tablet [Prinivil]", ("314077", "lisinopril 20 MG Oral Tablet"), "active", "2003-06-02",
           sig="Take 1 tablet by mouth daily", dose=(20, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn], requester=PCP)
    ch.med("amlodipine 10 MG Oral Tablet [Norvasc]", ("308135", "amlodipine 10 MG Oral Tablet"), "active", "2010-08-09",
           sig="Take 1 tablet by mouth daily", dose=(10, "mg"), freq=(1, 1, "d"), route="PO", reasons=[htn], requester=PCP)
    ch.med("metoprolol tartrate 25 MG Oral Tablet [Lopressor]", ("866924", "metoprolol tartrate 25 MG Oral Tablet"), "active", "2012-02-20",
           sig="Take 1 tablet by mouth twice daily", dose=(25, "mg"), freq=(2, 1, "d"), route="PO", reasons=[cad], requester=PCP)
    ch.med("nitroglycerin 0.4 MG Sublingual Tablet [Nitrostat]", ("312095", "nitroglycerin 0.4 MG Sublingual Tablet"), "active", "2012-02-20",
           sig="Dissolve 1 tablet under the tongue every 5 minutes as needed for chest pain, up to 3 doses", dose=(0.4, "mg"), prn=True, route="SL",
           reasons=[cad], requester=PCP)
    ch.med("nicotine 21 MG/24HR Transdermal Patch [NicoDerm CQ]", ("198045", "nicotine 0.875 MG/HR Transdermal System"), "stopped", "2017-01-09",
           sig="Apply 1 patch daily", dose=(1, "patch", "{patch}"), freq=(1, 1, "d"), route="TOP", reasons=[tob], status_reason="Patient resumed smoking",
           end="2017-03-06", requester=VASC)
    ch.med("varenicline 1 MG Oral Tablet [Chantix]", ("636676", "varenicline 1 MG Oral Tablet"), "completed", "2021-06-14",
           sig="0.5 mg daily x3 days, 0.5 mg twice daily x4 days, then 1 mg twice daily for 12 weeks", dose=(1, "mg"), freq=(2, 1, "d"), route="PO",
           reasons=[tob], end="2021-09-13", requester=PCP)
    ch.med("vancomycin 1 GM Injection", ("1807513", "vancomycin 1000 MG Injection"), "stopped", "2021-11-18",
           sig="20 mg/kg IV loading dose then per pharmacy protocol", dose=(1750, "mg"), freq=(2, 1, "d"), route="IV", reasons=[clti],
           status_reason="MRSA not isolated - wound culture grew MSSA and group B strep", end="2021-11-21", enc=ed21, category="inpatient",
           requester="Dr. Shanice Lowery, MD (Hospital Medicine)")
    ch.med("piperacillin 4000 MG / tazobactam 500 MG Injection [Zosyn]", ("1659149", "piperacillin 4000 MG / tazobactam 500 MG Injection"), "completed",
           "2021-11-18", sig="4.5 g IV every 6 hours", dose=(4.5, "g"), freq=(4, 1, "d"), route="IV", reasons=[clti], end="2021-11-29", enc=a21,
           category="inpatient", requester="Dr. Shanice Lowery, MD (Hospital Medicine)")
    ch.med("amoxicillin 875 MG / clavulanate 125 MG Oral Tablet [Augmentin]", ("562508", "amoxicillin 875 MG / clavulanate potassium 125 MG Oral Tablet"),
           "completed", "2021-11-29", sig="Take 1 tablet by mouth twice daily for 3 weeks", dose=(1, "tablet", "{tbl}"), freq=(2, 1, "d"), route="PO",
           reasons=[clti], end="2021-12-20", enc=a21, requester="Dr. Shanice Lowery, MD (Hospital Medicine)")
    ch.med("cefazolin 2 GM Injection", ("1665060", "cefazolin 2000 MG Injection"), "completed", "2022-01-18",
           sig="2 g IV within 60 minutes of incision then every 8 hours x 2 doses", dose=(2, "g"), freq=(3, 1, "d"), route="IV",
           reason_text="Surgical prophylaxis - amputation", end="2022-01-19", enc=a22, category="inpatient", requester=VASC)
    ch.med("oxycodone 5 MG / acetaminophen 325 MG Oral Tablet [Percocet]", ("1049625", "acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet"),
           "completed", "2022-01-20", sig="Take 1 tablet by mouth every 6 hours as needed for severe pain", dose=(1, "tablet", "{tbl}"), freq=(1, 6, "h"),
           prn=True, route="PO", reason_text="Post-amputation pain", end="2022-02-20", enc=a22, requester=VASC)
    ch.med("gabapentin 300 MG Oral Capsule [Neurontin]", ("310431", "gabapentin 300 MG Oral Capsule"), "active", "2022-02-07",
           sig="Take 1 capsule by mouth three times daily", dose=(300, "mg"), freq=(3, 1, "d"), route="PO", reasons=[phantom, neuro], requester=VASC)
    ch.med("pantoprazole 40 MG Delayed Release Oral Tablet [Protonix]", ("314200", "pantoprazole 40 MG Delayed Release Oral Tablet"), "active", "2022-03-14",
           sig="Take 1 tablet by mouth daily before breakfast", dose=(40, "mg"), freq=(1, 1, "d"), route="PO",
           reason_text="GI bleeding prophylaxis on rivaroxaban plus aspirin", requester=VASC)
    ch.med("sertraline 50 MG Oral Tablet [Zoloft]", ("312940", "sertraline 50 MG Oral Tablet"), "stopped", "2022-03-14",
           sig="Take 1 tablet by mouth daily", dose=(50, "mg"), freq=(1, 1, "d"), route="PO", reasons=[adj],
           status_reason="Mood improved - tapered off", end="2023-09-11", requester=PCP)

    # labs
    abi = [("2016-03-07", "right", 0.78), ("2016-03-07", "left", 0.64), ("2018-04-02", "right", 0.74), ("2018-04-02", "left", 0.52),
           ("2018-05-21", "left", 0.86), ("2019-09-23", "right", 0.58), ("2019-11-18", "right", 0.91), ("2020-05-11", "left", 0.82),
           ("2021-06-07", "left", 0.61), ("2021-11-18", "left", 0.31), ("2022-05-16", "right", 0.89), ("2023-05-15", "right", 0.88),
           ("2024-05-13", "right", 0.85)]
    for d, side, v in abi:
        ch.obs_q("76497-7", "Ankle brachial index", "Ankle-brachial index, %s" % side, v, "{ratio}", d, cat="exam", body="%s ankle" % side.capitalize(),
                 ref=(1.0, 1.4, "Normal 1.00-1.40; <0.90 PAD; <0.40 severe"), interp=("L" if v < 0.9 else "N"))
    ch.obs_q("8478-0", "Toe systolic pressure", "Toe systolic pressure, left great toe", 22, "mm[Hg]", "2021-11-18", cat="exam", enc=ed21,
             ref=(30, None, "<30 mmHg suggests impaired healing"), interp="L")
    for d, v in [("2016-03-07", 8.4), ("2018-04-02", 7.9), ("2019-04-22", 8.6), ("2021-11-18", 9.2), ("2022-05-16", 7.6), ("2023-05-15", 7.1),
                 ("2024-05-13", 7.3), ("2024-11-18", 7.0)]:
        ch.lab("a1c", v, d, enc=ed21 if d == "2021-11-18" else None)
    ch.lab("glu", 52, "2019-04-22", note="Symptomatic: sweaty and shaky at work")
    for d, v in [("2016-03-07", 118), ("2018-04-02", 96), ("2021-06-07", 82), ("2022-05-16", 61), ("2023-05-15", 54), ("2024-05-13", 58)]:
        ch.lab("ldl", v, d, ref=(None, 55))
    for d, v in [("2016-03-07", 1.0), ("2019-10-14", 1.1), ("2021-11-18", 1.3), ("2022-01-19", 1.2), ("2023-05-15", 1.1), ("2024-05-13", 1.1)]:
        ch.lab("cr", v, d)
    ch.lab("egfr", 58, "2021-11-18", enc=ed21)
    ch.lab("egfr", 70, "2024-05-13")
    ch.lab("ualb", 42, "2023-05-15")
    ch.lab("wbc", 15.8, "2021-11-18", enc=ed21)
    ch.lab("wbc", 8.1, "2021-11-28", enc=a21)
    ch.lab("crp", 142.0, "2021-11-18", enc=ed21)
    ch.lab("esr", 88, "2021-11-18", enc=ed21)
    ch.lab("hgb", 11.4, "2021-11-18", enc=ed21)
    ch.lab("hgb", 9.8, "2022-01-19", enc=a22)
    ch.lab("hgb", 13.2, "2024-05-13")
    ch.obs_str("6462-6", "Bacteria identified in Wound by Culture", "Wound culture, left foot (deep tissue)",
               "Staphylococcus aureus (methicillin-susceptible, MSSA); Streptococcus agalactiae (group B)", "2021-11-18", enc=ed21, interp="A")
    ch.obs_str("600-7", "Bacteria identified in Blood by Culture", "Blood culture", "No growth at 5 days", "2021-11-18", enc=ed21)
    for d, v in [("2016-03-07", "current"), ("2018-04-02", "current"), ("2020-05-11", "current"), ("2021-11-18", "former"), ("2023-05-15", "former"),
                 ("2024-09-16", "former")]:
        ch.smoking(d, v)
    ch.obs_q("8664-5", "Cigarettes smoked total (pack per year)", "Cigarette pack-years", 50, "{pack-years}", "2016-03-07", cat="social-history")
    # vitals at vascular / PCP visits
    vdates = ["2016-03-07", "2016-06-13", "2017-01-09", "2017-07-10", "2018-04-02", "2018-05-21", "2018-11-12", "2019-04-22", "2019-09-23",
              "2019-11-18", "2020-05-11", "2020-11-16", "2021-06-07", "2021-12-13", "2022-03-14", "2022-09-12", "2023-05-15", "2023-09-11",
              "2024-05-13", "2024-09-16", "2024-11-18"]
    wts = [96.5, 96.0, 95.2, 95.8, 94.9, 94.6, 95.3, 93.8, 94.1, 93.5, 94.0, 94.4, 92.7, 87.9, 84.1, 85.0, 85.6, 86.2, 86.8, 87.1, 86.9]
    venc = {}
    for i, d in enumerate(vdates):
        pcp = d in ("2019-04-22", "2020-11-16", "2023-09-11", "2024-11-18")
        e = ch.encounter("AMB", "Primary care visit" if pcp else "Vascular surgery clinic visit", d, type_code=("185389009", "Follow-up visit"),
                         reason="Diabetes, hypertension follow-up" if pcp else "Peripheral arterial disease follow-up",
                         reason_refs=[t2dm, htn] if pcp else [pad], provider="Greenville Family Practice" if pcp else HOSP + " Vascular Surgery Clinic")
        venc[d] = e
        ch.bp(d, rng.randint(128, 152), rng.randint(70, 88), enc=e)
        ch.vital("wt", wts[i], d, enc=e)
    ch.vital("ht", 183, "2016-03-07", enc=venc["2016-03-07"])
    ch.vital("temp", 38.2, "2021-11-18", enc=ed21)
    ch.vital("hr", 104, "2021-11-18", enc=ed21)
    ch.obs_q("64098-7", "Six minute walk test", "6-minute walk distance (with prosthesis and cane)", 185, "m", "2022-09-12", cat="exam", enc=venc["2022-09-12"])
    ch.obs_q("64098-7", "Six minute walk test", "6-minute walk distance (with prosthesis and cane)", 262, "m", "2023-09-11", cat="exam", enc=venc["2023-09-11"])

    # reports
    ch.report("43456-3", "US Duplex arterial lower extremity bilateral", "2016-03-07", enc=venc["2016-03-07"],
              conclusion="Left superficial femoral artery: 70-99% stenosis in the mid segment with monophasic distal waveforms. Right SFA: 50-69% stenosis. "
                         "Diffuse tibial calcification bilaterally.")
    ch.report("36760-7", "Angiography lower extremity left with intervention", "2018-04-16", enc=ang18,
              conclusion="Left SFA 90% stenosis with a 12 cm occlusion in the mid-distal segment. Treated with atherectomy and a 6 x 120 mm Zilver PTX paclitaxel-eluting "
                         "stent with 0% residual stenosis. Two-vessel tibial runoff (anterior tibial and peroneal).")
    ch.report("36813-4", "CT Angiography abdomen, pelvis and bilateral lower extremity runoff", "2019-09-23", enc=venc["2019-09-23"],
              conclusion="Right common iliac artery 80% stenosis. Patent left SFA stent. Infrarenal abdominal aortic aneurysm 3.4 cm. Moderate tibial disease bilaterally.")
    ch.report("36760-7", "Angiography iliac right with intervention", "2019-10-14", enc=ang19,
              conclusion="Right common iliac artery 80% stenosis treated with an 8 x 39 mm balloon-expandable stent; 0% residual, pressure gradient abolished.")
    ch.report("43456-3", "US Duplex arterial lower extremity left", "2021-06-07", enc=venc["2021-06-07"],
              conclusion="Left SFA in-stent restenosis greater than 70% (PSV 412 cm/s, velocity ratio 4.6). Dampened monophasic popliteal and tibial waveforms.")
    ch.report("30788-4", "XR Foot 3 Views left", "2021-11-18", enc=ed21,
              conclusion="Soft tissue swelling of the first through third toes. No cortical erosion or periosteal reaction to suggest osteomyelitis. No soft tissue gas. "
                         "Extensive vascular calcification.")
    ch.report("36760-7", "Angiography lower extremity left with attempted intervention", "2021-11-22", enc=a21,
              conclusion="Occluded left SFA stent with reconstitution of a diseased above-knee popliteal artery; occluded anterior tibial and posterior tibial arteries, "
                         "peroneal occluded at mid-calf. Unable to cross the stent occlusion; no endovascular option. No suitable distal target for bypass.")
    ch.report("66117-3", "Pathology report - left leg, below-knee amputation", "2022-01-18", cat="SP", enc=a22,
              conclusion="Left lower leg amputated below the knee: dry gangrene of the first through third toes with overlying ulceration; severe calcific "
                         "atherosclerosis of the tibial arteries with occlusion. Proximal skin and soft tissue margin viable. Bone margin negative for osteomyelitis.")
    ch.report("24558-9", "US Abdominal aorta (AAA surveillance)", "2021-09-20",
              conclusion="Infrarenal abdominal aortic aneurysm, maximal diameter 3.6 cm. No intraluminal dissection. Iliac stent right.")
    ch.report("24558-9", "US Abdominal aorta (AAA surveillance)", "2024-09-16", enc=venc["2024-09-16"],
              conclusion="Infrarenal abdominal aortic aneurysm, maximal diameter 3.9 cm (3.6 cm in 09/2021). Recommend ultrasound surveillance every 12 months.")

    # procedures / devices
    sfa = ch.device("Peripheral drug-eluting stent", ("705642006", "Peripheral arterial stent"), "Zilver PTX paclitaxel-eluting peripheral stent 6 x 120 mm",
                    manufacturer="Cook Medical", model="ZISV6-35-125-6.0-120-PTX", lot="C1744208", udi=("00827002401271", "(01)00827002401271(10)C1744208"))
    ch.procedure("Left superficial femoral artery atherectomy and drug-eluting stent placement", ("233405002", "Percutaneous transluminal angioplasty of femoral artery"),
                 ("37226", "Revascularization, endovascular, open or percutaneous, femoral/popliteal artery(s), unilateral; with transluminal stent placement(s)"),
                 when="2018-04-16", enc=ang18, reasons=[pad], devices=[sfa], body="Left superficial femoral artery")
    ch.dus(sfa, "2018-04-16", reasons=[pad], body="Left superficial femoral artery",
           note="Stent occluded 11/2021; limb amputated below the knee 01/2022 - stent remains in situ in the thigh.")
    iliac = ch.device("Balloon-expandable iliac stent", ("705642006", "Peripheral arterial stent"), "Express LD iliac stent 8 x 39 mm",
                      manufacturer="Boston Scientific", model="Express LD Iliac", lot="27619455")
    ch.procedure("Right common iliac artery angioplasty with stent placement", ("241442004", "Percutaneous transluminal angioplasty of iliac artery"),
                 ("37221", "Revascularization, endovascular, open or percutaneous, iliac artery, unilateral, initial vessel; with transluminal stent placement(s)"),
                 when="2019-10-14", enc=ang19, reasons=[pad], devices=[iliac], body="Right common iliac artery")
    ch.dus(iliac, "2019-10-14", reasons=[pad], body="Right common iliac artery")
    ch.procedure("Excisional debridement of left toes and forefoot ulcer, subcutaneous tissue", ("36777000", "Debridement"),
                 ("11042", "Debridement, subcutaneous tissue, first 20 sq cm or less"), when="2021-11-20", enc=a21, reasons=[clti], body="Left foot")
    ch.procedure("Left lower extremity angiography with attempted revascularization (unsuccessful)", ("77343006", "Angiography"),
                 ("75710", "Angiography, extremity, unilateral, radiological supervision and interpretation"), when="2021-11-22", enc=a21, reasons=[clti, isr],
                 outcome="Unsuccessful - unable to cross occluded SFA stent; no endovascular or bypass option")
    ch.procedure("Left below-knee (transtibial) amputation", ("28181004", "Below knee amputation"), ("27880", "Amputation, leg, through tibia and fibula"),
                 when="2022-01-18", enc=a22, reasons=[clti], body="Left leg", performer=VASC)
    pros = ch.device("Lower limb prosthesis, transtibial", ("706106002", "Lower limb prosthesis"),
                     "Left transtibial prosthesis with pin-lock silicone liner and carbon fiber foot", manufacturer="Ottobock", model="Taleo foot / Iceross liner")
    ch.procedure("Fitting of transtibial prosthesis with gait training", ("11932001", "Fitting of prosthesis"), ("97761", "Prosthetic training, upper and/or lower extremity, initial encounter"),
                 when="2022-05-16", enc=pt22, reasons=[bka], devices=[pros])
    ch.dus(pros, "2022-05-16", reasons=[bka], body="Left residual limb", note="Wears prosthesis 10-12 hours daily; walks with a single-point cane outdoors.")
    cane = ch.device("Walking cane", ("705418000", "Walking stick"), "Single-point cane, aluminum, adjustable", manufacturer="Drive Medical")
    ch.dus(cane, "2022-06-06", reasons=[bka])
    glm = ch.device("Blood glucose meter", ("337414009", "Blood glucose meter"), "OneTouch Verio Reflect blood glucose meter", manufacturer="LifeScan", model="Verio Reflect")
    ch.dus(glm, "2010-08-09", reasons=[t2dm])

    # immunizations
    for d in ["2016-10-10", "2017-10-02", "2018-10-08", "2019-10-07", "2020-10-12", "2022-10-03", "2023-10-02", "2024-09-16"]:
        ch.imm("197", "influenza, high-dose, quadrivalent", d, text="Influenza vaccine, high dose (Fluzone High-Dose Quadrivalent)")
    ch.imm("197", "influenza, high-dose, quadrivalent", "2021-11-22", status="not-done",
           reason=("MEDPREC", "Deferred - acutely ill inpatient", "medical precaution"), text="Influenza vaccine - deferred", enc=a21)
    ch.imm("197", "influenza, high-dose, quadrivalent", "2021-12-13", enc=venc["2021-12-13"], text="Influenza vaccine, high dose (Fluzone High-Dose Quadrivalent)")
    ch.imm("115", "Tdap", "2021-11-18", enc=ed21, text="Tdap (Boostrix)")
    ch.imm("133", "Pneumococcal conjugate vaccine, 13 valent", "2019-09-23", text="Prevnar 13 (PCV13)")
    ch.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2020-11-16", text="Pneumovax 23 (PPSV23)")
    ch.imm("187", "zoster recombinant", "2018-11-12", dose=1, series=2, text="Shingrix dose 1")
    ch.imm("187", "zoster recombinant", "2019-04-22", dose=2, series=2, text="Shingrix dose 2")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-01-25", dose=1, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-02-15", dose=2, series=2, text="COVID-19 vaccine, Pfizer-BioNTech")
    ch.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose", "2021-10-04", dose=3, text="COVID-19 vaccine, Pfizer-BioNTech booster")
    ch.imm("300", "SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, 30 mcg/0.3 mL dose", "2022-10-03", text="COVID-19 vaccine, Pfizer bivalent booster")
    ch.imm("309", "SARS-COV-2 (COVID-19) vaccine, mRNA, 2023-2024 formula, Pfizer-BioNTech", "2023-10-02", text="COVID-19 vaccine 2023-2024 (Comirnaty)")
    ch.imm("305", "Respiratory syncytial virus (RSV) vaccine, bivalent, protein subunit RSVpreF", "2023-11-13", text="RSV vaccine (Abrysvo)")

    # allergies
    ch.allergy("Morphine", (RXNORM, "7052", "morphine"), "intolerance", "medication", "low", "2012-02-21",
               [("Generalized itching", ("418290006", "Itching"), "mild")])
    ch.allergy("Bee venom (honey bee sting)", (SNOMED, "288328004", "Allergy to bee venom"), "allergy", "environment", "high", "1998",
               [("Anaphylaxis - throat tightness and hypotension", ("39579001", "Anaphylaxis"), "severe")], recorded="2016-03-07",
               note="Carries epinephrine auto-injector.")

    # goals / careplans
    g1 = ch.goal("Walk 300 feet with prosthesis and cane", "2022-05-16", lifecycle="completed", achievement="achieved", addresses=[bka], status_date="2022-09-12")
    g2 = ch.goal("Hemoglobin A1c below 7.5%", "2021-11-29", achievement="achieved",
                 target=("4548-4", "Hemoglobin A1c", "detailQuantity", {"value": 7.5, "comparator": "<", "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}),
                 addresses=[t2dm])
    g3 = ch.goal("Stay tobacco-free", "2021-08-19", achievement="sustaining", addresses=[tob])
    g4 = ch.goal("LDL cholesterol below 55 mg/dL", "2021-12-13", achievement="improving",
                 target=("13457-7", "LDL cholesterol", "detailQuantity", {"value": 55, "comparator": "<", "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}),
                 addresses=[hld, pad])
    ch.careplan("Peripheral artery disease secondary prevention", "Antithrombotic therapy, high-intensity statin, smoking cessation, diabetes and BP control, foot care.",
                "2016-03-07", addresses=[pad, t2dm, hld, tob], goals=[g2, g3, g4],
                activities=[("Rivaroxaban 2.5 mg twice daily plus aspirin 81 mg", "in-progress"), ("Atorvastatin 80 mg plus ezetimibe", "in-progress"),
                            ("Daily inspection of the right foot; podiatry every 3 months", "in-progress"),
                            ("ABI and arterial duplex of the right leg yearly", "in-progress"),
                            ("Abdominal aortic ultrasound every 12 months", "in-progress")])
    ch.careplan("Post-amputation rehabilitation plan", "Inpatient rehab, shrinker, prosthetic fitting and gait training.", "2022-01-26", status="completed",
                end="2022-09-12", addresses=[bka, phantom], goals=[g1],
                activities=[("Inpatient rehabilitation 2 weeks", "completed"), ("Residual limb shrinker", "completed"),
                            ("Prosthetic fitting and outpatient gait training", "completed")])

    # family history
    ch.fmh("FTH", "male", [("Peripheral arterial disease with leg amputation", ("399957001", "Peripheral arterial occlusive disease"), 62),
                           ("Myocardial infarction", ("22298006", "Myocardial infarction"), 70, True)], deceased=70)
    ch.fmh("MTH", "female", [("Cerebrovascular accident", ("230690007", "Cerebrovascular accident"), 74)])
    ch.fmh("BRO", "male", [("Type 2 diabetes mellitus", ("44054006", "Diabetes mellitus type 2"), 50)])

    # notes
    ch.note("consult", "2016-03-07", """
VASCULAR SURGERY CONSULTATION
61M referred for left calf pain with walking. He gets cramping in the left calf after about one block (he measures it as
"from my house to the mailbox and back"), relieved by standing still for 2-3 minutes. Right calf aches after 3 blocks.
No rest pain or wounds. Smokes 1 to 1.5 packs a day since age 17 (about 50 pack-years).
ABI 0.78 right, 0.64 left. Duplex: high-grade left SFA stenosis.
Plan: smoking cessation counseling (not ready to set a date), supervised exercise program, cilostazol 100 mg twice daily,
continue aspirin and statin. Reassess in 3 months.
""", VASC, enc=venc["2016-03-07"])
    ch.note("progress", "2017-01-09", """
VASCULAR SURGERY FOLLOW-UP
He stopped the cilostazol in December on his own - he had daily pounding headaches and loose stools from the first week and
"didn't notice any difference in how far I could walk." Walking distance still 1-1.5 blocks.
Willing to try the nicotine patch. Exercise program attendance poor (transport).
Plan: nicotine patch 21 mg; discussed endovascular options if lifestyle-limiting symptoms persist.
""", VASC, enc=venc["2017-01-09"])
    ch.note("hp", "2021-11-18T17:30", """
ADMISSION HISTORY AND PHYSICAL
67M with PAD (left SFA stent 2018, right CIA stent 2019), T2DM, CAD. Known left SFA in-stent restenosis on duplex in June;
angiogram had been scheduled for December. For 2 weeks his left second and third toes have turned black and the first toe
now has a draining ulcer; he has rest pain at night and sleeps in a recliner with the leg down.
Quit smoking on 08/19/2021 (his 67th birthday) with varenicline.
Exam: T 38.2, dry black 2nd-3rd toes, wet ulcer at base of great toe with purulence and surrounding erythema. Nonpalpable
pedal pulses. Toe pressure 22 mmHg, ABI 0.31.
Medications: canagliflozin held and discontinued - given the SGLT2 inhibitor amputation signal reported with canagliflozin
and his active foot ischemia, we will not restart it; basal insulin instead.
Plan: vancomycin + piperacillin-tazobactam, wound culture, foot X-ray, angiography with possible intervention, debridement.
""", "Dr. Shanice Lowery, MD (Hospital Medicine)", enc=a21)
    ch.note("discharge", "2021-11-29T13:00", """
DISCHARGE SUMMARY - Delta Valley Hospital
Admitted 11/18/2021 - discharged 11/29/2021.
Diagnoses: chronic limb-threatening ischemia of the left leg with toe gangrene and forefoot infection (MSSA, group B strep);
left SFA stent occlusion.
Course: IV antibiotics; vancomycin stopped 11/21 when MRSA excluded. Debridement 11/20. Angiography 11/22: unable to cross the
occluded stent, tibial vessels occluded, no bypass target. Discussed that the limb is unlikely to be salvageable; he wants
to let the infection settle and the gangrene demarcate, and to get his affairs in order before amputation.
Discharge: amoxicillin-clavulanate for 3 weeks, home health wound care, insulin glargine 18 units nightly, surgery clinic for
planned left below-knee amputation in January.
""", "Dr. Shanice Lowery, MD (Hospital Medicine)", enc=a21)
    ch.note("discharge", "2022-01-26T10:30", """
VASCULAR SURGERY DISCHARGE SUMMARY
Left below-knee amputation 01/18/2022. Pathology: dry gangrene of toes 1-3, severe tibial atherosclerosis, viable margins,
bone margin negative. Post-op hemoglobin 9.8, no transfusion. Pain controlled with oxycodone-acetaminophen. Early phantom
sensations. Residual limb incision healing.
Disposition: inpatient rehabilitation facility (Delta Rehab) for 2 weeks. Start shrinker when incision allows.
Follow-up: vascular clinic 2 weeks after rehab; consider rivaroxaban 2.5 mg twice daily plus aspirin in place of clopidogrel.
""", VASC, enc=a22)
    ch.note("pt", "2022-05-16", """
PROSTHETICS / PHYSICAL THERAPY NOTE
Initial fitting of left transtibial prosthesis (pin-lock silicone liner, carbon fiber foot). Residual limb well healed,
mild distal edema, no skin breakdown. Gait training in parallel bars then with a single-point cane: ambulated 150 feet.
Phantom limb pain 3/10 at night on gabapentin. Goal: community ambulation with cane. Wear schedule: start 2 hours twice a
day, increase by 1 hour daily. Skin checks with a mirror twice a day.
""", "Marisol Greer, PT, DPT", enc=pt22)
    ch.note("ed", "2023-06-10T08:00", """
EMERGENCY DEPARTMENT NOTE
68M left BKA. Got up at 3 am to use the bathroom without putting on his prosthesis, forgot the leg was gone, and fell onto
the left residual limb on the tile floor. No head strike, no loss of consciousness. On rivaroxaban 2.5 mg twice daily and
aspirin.
Exam: 3 x 2 cm abrasion over the distal anterior residual limb, no hematoma, no bony tenderness. X-ray not needed.
Wound cleaned, nonadherent dressing. Advised no prosthesis until healed, keep a urinal or bedside commode at night.
Tdap current (2021). Disposition: home; vascular clinic in 1 week.
""", "Dr. Omar Whitlock, MD (Emergency Medicine)", enc=ed23)
    ch.note("progress", "2024-09-16", """
VASCULAR SURGERY FOLLOW-UP
Still tobacco-free since his 67th birthday in August 2021 - proud of it. Walking with prosthesis and cane; right calf
claudication at about 2 blocks, stable. No rest pain, no wounds on the right foot.
Right ABI 0.85 in May. LDL 58 on atorvastatin 80 mg plus ezetimibe. A1c 7.3.
AAA ultrasound today 3.9 cm (3.6 cm in 2021) - slow growth; repeat in 12 months, repair threshold 5.5 cm.
Plan: continue rivaroxaban 2.5 mg twice daily plus aspirin, atorvastatin, ezetimibe. Podiatry every 3 months.
""", VASC, enc=venc["2024-09-16"])

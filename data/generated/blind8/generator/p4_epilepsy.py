"""Patient 4: young woman with drug-resistant focal epilepsy, several antiseizure drug switches and a VNS."""
from lib import *  # noqa


def build(Q):
    c = Chart(4, "-07:00", "female", "Epilepsy clinic visit", "Sandia Comprehensive Epilepsy Center")
    c.now = "2025-05-06"
    c.kind = "collection"
    c.history = ("19-year-old woman with drug-resistant left mesial temporal lobe epilepsy since age 8: valproate, "
                 "levetiracetam and clobazam stopped for side effects, now lamotrigine + lacosamide + cenobamate with nasal "
                 "midazolam rescue; status epilepticus 2019, VNS since 2020, levonorgestrel IUD, phenytoin rash allergy.")
    c.make_patient(["Hannah", "Isabel"], "Ruiz Delgado", "2005-09-14", "female", "305 Mesa Verde Dr NE", "Albuquerque", "NM",
                   "87110", "505-555-0166", marital=("S", "Never Married"), mrn="SCEC-390415")

    ed1 = c.enc("EMER", "2014-03-08", type_text="Pediatric emergency department visit",
                reason="First generalized tonic-clonic seizure", dispo="home", hm="16:30", hm_end="23:10")
    ed2 = c.enc("EMER", "2017-05-20", type_text="Emergency department visit", reason="Cluster of 3 seizures in 4 hours",
                dispo="home", hm="13:05", hm_end="19:40")
    ed3 = c.enc("EMER", "2022-06-11", type_text="Emergency department visit",
                reason="Seizure with fall and scalp laceration", dispo="home", hm="09:45", hm_end="15:20")
    emu = c.enc("IMP", "2019-03-11", "2019-03-16", type_text="Epilepsy monitoring unit admission",
                reason="Video-EEG monitoring for seizure characterization and surgical evaluation", admit="mp", dispo="home",
                hm="08:00")
    se = c.enc("IMP", "2019-08-04", "2019-08-12", type_text="Hospital admission (ICU)", reason="Convulsive status epilepticus",
               admit="emd", dispo="home", hm="05:30")
    vns_adm = c.enc("IMP", "2020-09-15", "2020-09-16", type_text="Surgical admission",
                    reason="Elective vagus nerve stimulator implantation", admit="mp", dispo="home", hm="06:00")
    visits = ["2014-03-10", "2014-05-13", "2014-11-18", "2015-06-16", "2016-01-19", "2016-04-19", "2016-10-11", "2017-06-13",
              "2018-03-13", "2018-06-12", "2018-10-02", "2019-01-08", "2019-10-22", "2020-01-14", "2020-06-16", "2020-12-15",
              "2021-08-10", "2022-02-08", "2022-09-13", "2023-02-14", "2023-05-09", "2023-08-08", "2024-02-13",
              "2024-08-13", "2025-03-11"]
    for d in visits:
        c.enc_on(d)
    prog_d = ["2020-09-29", "2020-11-10", "2021-01-12", "2021-04-13", "2021-08-10", "2022-02-08", "2023-08-08"]
    for d in prog_d:
        c.enc_on(d, type_text="Epilepsy clinic visit - VNS programming")
    gyn = c.enc("AMB", "2023-01-10", type_text="Gynecology clinic visit", reason="Contraception - IUD insertion")

    # ---- conditions
    c.cond("Simple febrile seizure", icd=("R56.00", "Simple febrile convulsions"), onset="2007-11-20", abate="2008-06-01",
           clin="resolved", recorded="2014-03-10")
    epi = c.cond("Focal epilepsy with impaired awareness seizures, drug-resistant (left mesial temporal)",
                 icd=("G40.219", "Localization-related (focal) (partial) symptomatic epilepsy and epileptic syndromes with complex partial seizures, intractable, without status epilepticus"),
                 sct=("84757009", "Epilepsy"), onset="2014-03-08", recorded="2014-03-10")
    rash = c.cond("Morbilliform drug eruption due to phenytoin", icd=("L27.0", "Generalized skin eruption due to drugs and medicaments taken internally"),
                  onset="2014-03-09", abate="2014-03-25", clin="resolved", cat="encounter-diagnosis")
    c.cond("Overweight", icd=("E66.3", "Overweight"), onset="2016-01-19", abate="2018-06-12", clin="resolved")
    pnes = c.cond("Psychogenic nonepileptic seizures", icd=("F44.5", "Conversion disorder with seizures or convulsions"),
                  onset="2019-03-11", clin="inactive", ver="refuted", enc=emu,
                  note="All captured events on video-EEG 2019-03-11 to 2019-03-16 were epileptic (left temporal onset).")
    mts = c.cond("Left mesial temporal (hippocampal) sclerosis", icd=("G93.81", "Temporal sclerosis"), onset="2019-04-09")
    se_c = c.cond("Convulsive status epilepticus", icd=("G40.211", "Localization-related (focal) (partial) symptomatic epilepsy and epileptic syndromes with complex partial seizures, intractable, with status epilepticus"),
                  sct=("230456007", "Status epilepticus"), onset="2019-08-04", abate="2019-08-12", clin="resolved",
                  cat="encounter-diagnosis", enc=se)
    c.cond("Long QT syndrome", icd=("I45.81", "Long QT syndrome"), onset="2019-08-12", ver="entered-in-error",
           note="Entered in error - QTc 428 ms on ECG 2019-08-12.")
    gad = c.cond("Generalized anxiety disorder", icd=("F41.1", "Generalized anxiety disorder"),
                 sct=("21897009", "Generalized anxiety disorder"), onset="2020-06-16")
    vitd_c = c.cond("Vitamin D deficiency", icd=("E55.9", "Vitamin D deficiency, unspecified"),
                    sct=("34713006", "Vitamin D deficiency"), onset="2021-08-10", abate="2023-02-14", clin="resolved")
    conc = c.cond("Concussion without loss of consciousness", icd=("S06.0X0A", "Concussion without loss of consciousness, initial encounter"),
                  onset="2022-06-11", abate="2022-07-12", clin="resolved", cat="encounter-diagnosis", enc=ed3)
    lac_c = c.cond("Laceration of scalp", icd=("S01.01XA", "Laceration without foreign body of scalp, initial encounter"),
                   onset="2022-06-11", abate="2022-06-25", clin="resolved", cat="encounter-diagnosis", enc=ed3)
    contra = c.cond("Encounter for IUD insertion", icd=("Z30.430", "Encounter for insertion of intrauterine contraceptive device"),
                    onset="2023-01-10", abate="2023-01-10", clin="resolved", cat="encounter-diagnosis", enc=gyn)

    # ---- medications
    fos = c.med(("72236", "fosphenytoin sodium 50 MG/ML Injectable Solution"), "fosphenytoin IV load", "2014-03-08",
                "20 mg PE/kg IV once", status="completed", end="2014-03-08", category="inpatient", enc=ed1, reason_ref=[epi])
    vpa = c.med(("1099870", "divalproex sodium 500 MG Extended Release Oral Tablet"), "Depakote ER 500 mg tablet", "2014-03-20",
                "Take 1 tablet by mouth twice daily", status="stopped", end="2016-04-19", reason_ref=[epi],
                status_reason="Adverse effect: weight gain, tremor, low platelets")
    lev = c.med(("311289", "levetiracetam 750 MG Oral Tablet"), "Keppra 750 mg tablet", "2016-04-19",
                "Take 1 tablet by mouth twice daily", status="stopped", end="2018-10-02", reason_ref=[epi],
                status_reason="Behavioral side effects: irritability and rage episodes")
    ltg1 = c.med(("198427", "lamotrigine 100 MG Oral Tablet"), "lamotrigine 100 mg tablet", "2018-06-12",
                 "Take 1 tablet by mouth twice daily (after slow titration)", status="stopped", end="2019-08-13",
                 reason_ref=[epi], status_reason="Dose increased")
    ltg2 = c.med(("198429", "lamotrigine 200 MG Oral Tablet"), "Lamictal 200 mg tablet", "2019-08-13",
                 "Take 1 tablet by mouth twice daily", reason_ref=[epi], dose=(200, "mg"))
    lzp = c.med(("6470", "lorazepam 2 MG/ML Injectable Solution"), "lorazepam 4 mg IV", "2019-08-04",
                "4 mg IV push, may repeat once in 5 minutes", status="completed", end="2019-08-04", category="inpatient",
                enc=se, reason_ref=[se_c])
    lcm1 = c.med(("1303031", "lacosamide 100 MG Oral Tablet"), "lacosamide 100 mg tablet", "2019-08-12",
                 "Take 1 tablet by mouth twice daily", status="stopped", end="2020-12-15", reason_ref=[epi],
                 status_reason="Dose increased", enc=se)
    mdz = c.med(("2167788", "midazolam 5 MG/ACTUAT Nasal Spray"), "Nayzilam 5 mg nasal spray", "2020-01-14",
                "Spray 5 mg into one nostril for a seizure cluster; may repeat once after 10 minutes", reason_ref=[epi], prn=True)
    esc = c.med(("349332", "escitalopram 10 MG Oral Tablet"), "escitalopram 10 mg tablet", "2020-06-16",
                "Take 1 tablet by mouth daily", reason_ref=[gad], dose=(10, "mg"))
    lcm2 = c.med(("1303033", "lacosamide 200 MG Oral Tablet"), "lacosamide 200 mg tablet", "2020-12-15",
                 "Take 1 tablet by mouth twice daily", reason_ref=[epi], dose=(200, "mg"))
    amox = c.med(("308191", "amoxicillin 875 MG Oral Tablet"), "amoxicillin 875 mg tablet", "2021-03-02",
                 "Take 1 tablet by mouth twice daily for 7 days", status="completed", end="2021-03-09",
                 reason="Acute bacterial sinusitis")
    clb = c.med(("1304095", "clobazam 10 MG Oral Tablet"), "Onfi 10 mg tablet", "2021-04-13",
                "Take 1 tablet by mouth at bedtime", status="stopped", end="2023-02-14", reason_ref=[epi],
                status_reason="Adverse effect")
    fol = c.med(("4511", "folic acid 1 MG Oral Tablet"), "folic acid 1 mg tablet", "2021-08-10",
                "Take 1 tablet by mouth daily", reason="Childbearing potential on antiseizure medications")
    d3 = c.med(("2418", "cholecalciferol 50 MCG Oral Tablet"), "vitamin D3 2000 unit tablet", "2021-08-10",
               "Take 1 tablet by mouth daily", reason_ref=[vitd_c])
    cen = c.med(("2267357", "cenobamate 200 MG Oral Tablet"), "Xcopri 200 mg tablet", "2023-02-14",
                "Take 200 mg by mouth once daily (reached after titration from 12.5 mg over 12 weeks)", reason_ref=[epi],
                dose=(200, "mg"))
    active = [ltg2, mdz, esc, lcm2, fol, d3, cen]
    asm_active = [ltg2, mdz, lcm2, cen]

    # ---- observations
    for d, v in [("2014-05-13", 62), ("2014-11-18", 78), ("2015-06-16", 91), ("2016-01-19", 84)]:
        c.lab("vpa", d, v)
    for d, v in [("2014-05-13", 232), ("2015-06-16", 141), ("2016-01-19", 98), ("2016-10-11", 188), ("2019-08-04", 245),
                 ("2023-05-09", 261)]:
        c.lab("plt", d, v, hm="06:10" if d == "2019-08-04" else "08:15")
    for d, v in [("2014-05-13", 18), ("2015-06-16", 31), ("2016-01-19", 44), ("2019-08-04", 26), ("2023-05-09", 19),
                 ("2025-03-11", 17)]:
        c.lab("alt_f", d, v, series="alt", hm="06:10" if d == "2019-08-04" else "08:15")
    for d, v in [("2018-10-02", 4.8), ("2019-01-08", 6.1), ("2019-10-22", 9.6), ("2020-06-16", 10.2), ("2021-08-10", 9.8),
                 ("2022-09-13", 8.2), ("2023-05-09", 5.1), ("2023-08-08", 6.3), ("2024-02-13", 7.9), ("2025-03-11", 8.4)]:
        c.lab("ltg", d, v, note="Trough level, drawn before morning dose.")
    for d, v in [("2019-08-04", 137), ("2020-12-15", 139), ("2021-08-10", 138), ("2023-05-09", 136), ("2024-02-13", 134),
                 ("2025-03-11", 137)]:
        c.lab("na", d, v, hm="06:10" if d == "2019-08-04" else "08:15")
    for d, v in [("2021-08-10", 18), ("2022-02-08", 29), ("2023-02-14", 36), ("2024-08-13", 41)]:
        c.lab("vitd", d, v)
    for d, v in [("2019-08-12", 152), ("2020-12-15", 168), ("2023-02-14", 174)]:
        c.lab("pr", d, v, note="12-lead ECG, sinus rhythm.")
    for d, v in [("2016-10-11", 6), ("2017-06-13", 8), ("2018-03-13", 10), ("2018-10-02", 9), ("2019-01-08", 7),
                 ("2019-10-22", 6), ("2020-06-16", 5), ("2021-01-12", 4), ("2021-08-10", 3), ("2022-02-08", 3),
                 ("2022-09-13", 4), ("2023-02-14", 4), ("2023-08-08", 3), ("2024-02-13", 2), ("2024-08-13", 1),
                 ("2025-03-11", 1)]:
        c.lab("szfreq", d, v)
    for d, v in zip(prog_d, [0.25, 0.75, 1.25, 1.5, 1.75, 2.0, 2.25]):
        c.lab("vnsout", d, v, note="Frequency 30 Hz, pulse width 250 microseconds, 30 s on / 5 min off.")
    for d, v in [("2014-03-10", 30.2), ("2015-06-16", 40.1), ("2016-04-19", 47.5), ("2017-06-13", 49.2), ("2019-01-08", 52.6),
                 ("2021-08-10", 57.9), ("2023-02-14", 60.4), ("2025-03-11", 61.3)]:
        c.lab("weight", d, v)
    bpd = ["2016-04-19", "2017-06-13", "2018-06-12", "2019-01-08", "2019-10-22", "2020-06-16", "2020-12-15", "2021-08-10",
           "2022-02-08", "2022-09-13", "2023-02-14", "2023-08-08", "2024-08-13", "2025-03-11"]
    bps = [(104, 66), (108, 68), (110, 70), (106, 64), (112, 72), (110, 68), (114, 70), (108, 66), (112, 70), (116, 74),
           (110, 70), (112, 72), (114, 72), (110, 68)]
    for d, (s, di) in zip(bpd, bps):
        c.bp(d, s, di)
    c.smoking("2025-03-11", "266919005", "Never smoked tobacco")
    c.social_qty("75626-2", "Total score [AUDIT-C]", "2025-03-11", 0, "{score}")

    # ---- reports
    eeg1 = c.report((LNC, "11523-8", "EEG study"), "2014-03-12", "OTH",
                    "Abnormal routine EEG: intermittent left temporal sharp waves, maximal at T7. No electrographic seizures.",
                    text="Routine EEG", enc=c.enc("AMB", "2014-03-12", type_text="Neurodiagnostics visit", reason="Routine EEG"))
    mri1 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2014-04-02", "RAD",
                    "Normal MRI brain. No structural lesion.", text="MRI brain with and without contrast")
    eeg2 = c.report((LNC, "11523-8", "EEG study"), "2016-10-11", "OTH",
                    "Frequent left temporal spikes during drowsiness; background normal for age.", text="Routine EEG")
    veeg = c.report((LNC, "11523-8", "EEG study"), "2019-03-16", "OTH",
                    "Video-EEG monitoring 2019-03-11 to 2019-03-16: five typical focal impaired awareness seizures captured, "
                    "all with left temporal onset; one evolved to bilateral tonic-clonic. No nonepileptic events.",
                    text="Long-term video-EEG monitoring report", enc=emu)
    mri2 = c.report((LNC, "24590-2", "MR Brain WO and W contrast IV"), "2019-04-09", "RAD",
                    "3T epilepsy protocol: left hippocampal volume loss with increased T2/FLAIR signal, consistent with left "
                    "hippocampal sclerosis (mesial temporal sclerosis). Otherwise normal.", text="MRI brain epilepsy protocol")
    cth = c.report((LNC, "24725-4", "CT Head WO contrast"), "2022-06-11", "RAD",
                   "No acute intracranial hemorrhage or fracture. Small left parietal scalp hematoma.", text="CT head without contrast",
                   enc=ed3)
    aeeg = c.report((LNC, "11523-8", "EEG study"), "2022-09-13", "OTH",
                    "72-hour ambulatory EEG: occasional left temporal spikes, fewer than 2019; one electrographic seizure "
                    "during sleep with VNS magnet activation recorded.", text="72-hour ambulatory EEG")

    # ---- procedures & devices
    c.proc((SCT, "5001000119109", "Video electroencephalogram monitoring"), "2019-03-11", end="2019-03-16", enc=emu,
           reports=[veeg], reason_ref=[epi], hm="09:00", hm_end="10:00")
    c.proc((SCT, "112798008", "Insertion of endotracheal tube"), "2019-08-04", enc=se, reason_ref=[se_c], hm="06:05")
    vns, vns_dus = c.device((SCT, "700747006", "Vagus nerve stimulator"), "VNS Therapy SenTiva generator",
                            manufacturer="LivaNova", model="SenTiva Model 1000", serial="SN-1000-448302",
                            start="2020-09-15", body_site=("80248007", "Left side of chest", "Left upper chest"),
                            reason_ref=[epi], note="Lead: PerenniaDURA Model 303 on left cervical vagus nerve.")
    vimp = c.proc((SCT, "232003008", "Implantation of vagus nerve stimulator"), "2020-09-15", enc=vns_adm, devices=[vns],
                  body_site=("80248007", "Left side of chest", "Left chest and left cervical vagus nerve"),
                  reason_ref=[epi], hm="07:45", note="Generator in left infraclavicular pocket; impedance OK; output 0 mA at discharge.")
    prog = [c.proc((SCT, "446814003", "Programming of vagus nerve stimulator"), d, reason_ref=[epi], devices=[vns], hm="10:30")
            for d in prog_d]
    c.proc((SCT, "74166000", "Repair of laceration of scalp"), "2022-06-11", enc=ed3, reason_ref=[lac_c],
           body_site=("41695006", "Scalp structure"), note="4 cm laceration closed with 6 staples.", hm="12:00")
    iud, iud_dus = c.device((SCT, "268460000", "Intrauterine contraceptive device"),
                            "Mirena levonorgestrel 52 mg intrauterine system", manufacturer="Bayer", lot="TU04XYZ",
                            start="2023-01-10", reason="Contraception while on interacting antiseizure medications")
    iud_p = c.proc((SCT, "65200003", "Insertion of intrauterine contraceptive device"), "2023-01-10", enc=gyn, devices=[iud],
                   reason_ref=[contra], hm="14:00")

    # ---- immunizations
    c.imm(("115", "Tdap"), "2016-09-20", dose=1)
    hpv = [c.imm(("165", "HPV9"), d, dose=i + 1, series=("HPV9 2-dose (started before 15)", 2), manufacturer="Merck")
           for i, d in enumerate(["2016-09-20", "2017-03-21"])]
    c.imm(("114", "meningococcal MCV4P (Menactra)"), "2016-09-20", dose=1, series=("MenACWY", 2))
    c.imm(("114", "meningococcal MCV4P (Menactra)"), "2021-08-10", dose=2, series=("MenACWY", 2))
    c.imm(("162", "meningococcal B vaccine, fully recombinant (Trumenba)"), "2021-08-10", dose=1, series=("MenB-FHbp", 2))
    c.imm(("162", "meningococcal B vaccine, fully recombinant (Trumenba)"), "2022-02-08", dose=2, series=("MenB-FHbp", 2))
    for d in ["2017-10-17", "2018-10-16", "2019-10-22", "2020-10-20", "2021-10-19", "2022-10-18", "2023-10-17", "2024-10-08"]:
        c.imm(("150", "Influenza, injectable, quadrivalent, preservative free"), d, dose=1, series=("Seasonal influenza", 1))
    for i, d in enumerate(["2021-06-15", "2021-07-06"]):
        c.imm(("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose"), d, dose=i + 1, series=("COVID-19 Pfizer", 2),
              manufacturer="Pfizer-BioNTech")
    cov_nd = c.imm(("309", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose (2024-2025)"), "2024-10-08",
                   status="not-done", reason="PATOBJ", reason_text="Patient declined the updated COVID-19 vaccine")

    # ---- allergies, family, goals, plans
    al_p = c.allergy((RXN, "8183", "phenytoin"), "Phenytoin (Dilantin) / fosphenytoin", "medication", "high",
                     [("271807003", "Eruption of skin", "severe", "Morbilliform rash with fever the morning after the ED loading dose")],
                     onset="2014-03-09", recorded="2014-03-10",
                     note="Avoid aromatic antiseizure drugs where possible.")
    c.allergy((RXN, "2002", "carbamazepine"), "Carbamazepine", "medication", "high", [], recorded="2014-03-10",
              ver="unconfirmed", note="Never taken. Listed because of possible cross-reactivity with the phenytoin rash.")
    c.allergy((RXN, "723", "amoxicillin"), "Amoxicillin", "medication", "low",
              [("126485001", "Urticaria", "mild", "Reported hives at age 3")], onset="2008-05-01", recorded="2014-03-10",
              ver="refuted", clin="inactive", note="Took amoxicillin 2021-03-02 to 2021-03-09 without any reaction.")
    fm_f = c.fmh(("FTH", "father"), "male", [("84757009", "Epilepsy", 6, "Childhood absence epilepsy; outgrew it by 14, off medication")],
                 "2014-03-10", name="Miguel")
    c.fmh(("MTH", "mother"), "female", [("37796009", "Migraine", 20)], "2014-03-10")
    c.fmh(("MGRMTH", "maternal grandmother"), "female", [("26929004", "Alzheimer's disease", 76)], "2014-03-10")
    g_drive = c.goal("Seizure-free for 6 months (New Mexico driving requirement)", "2021-08-10", "not-achieved",
                     addresses=[epi], status_date="2025-03-11")
    g_red = c.goal("At least 50% reduction in monthly seizures from 2018 baseline of 10 per month", "2019-01-08", "achieved",
                   target={"measure": cc(LOC, "SZ-FREQ", "Seizure frequency (seizures per month, patient diary)"),
                           "detailQuantity": {"value": 5, "comparator": "<=", "unit": "/mo", "system": UCUM, "code": "/mo"}},
                   addresses=[epi], status_date="2021-08-10")
    g_vd = c.goal("Vitamin D at or above 30 ng/mL", "2021-08-10", "achieved", addresses=[vitd_c], status_date="2023-02-14")
    c.careplan("Seizure action plan", "2020-01-14",
               [("Nayzilam 5 mg nasal for a cluster of 3 or more seizures in 6 hours or any seizure over 5 minutes", "in-progress"),
                ("Swipe VNS magnet over the generator at seizure onset", "in-progress"),
                ("Keep a seizure diary; bring it to every visit", "in-progress"),
                ("No driving, no swimming alone, shower instead of bath", "in-progress")],
               goals=[g_drive, g_red], addresses=[epi])
    c.careplan("Bone health on antiseizure medications", "2021-08-10",
               [("Vitamin D3 2000 units daily", "in-progress"), ("Folic acid 1 mg daily", "in-progress")],
               goals=[g_vd], addresses=[vitd_c])

    # ---- notes
    c.note(("11488-4", "Consult note"), "2014-03-10", "Pediatric neurology consultation",
           "Pediatric neurology consultation\n8-year-old girl with a first generalized tonic-clonic seizure on 2014-03-08. "
           "Loaded with fosphenytoin in the ED; the next morning she developed a morbilliform rash with fever, so phenytoin "
           "is listed as an allergy. Parents also describe 6 months of brief staring spells with lip smacking.\n"
           "Plan: EEG and MRI; start divalproex ER.", "Dr. Carmen Aragon, Pediatric Neurology")
    n_vpa = c.note(("11506-3", "Progress note"), "2016-04-19", "Neurology progress note",
                   "Neurology follow-up\nOn Depakote she has gained 16 kg in two years, has a fine hand tremor and platelets fell to 98. "
                   "We also counseled her and her mother about valproate's risk of birth defects in the future. "
                   "Depakote stopped; start Keppra 750 mg twice daily.", "Dr. Carmen Aragon, Pediatric Neurology")
    n_se = c.note(("18842-5", "Discharge summary"), "2019-08-12", "Discharge summary - status epilepticus",
                  "Discharge summary\nBrought in by EMS on 2019-08-04 in convulsive status epilepticus after missing her "
                  "lamotrigine for two days while camping with friends in the Jemez Mountains (she ran out of tablets). "
                  "Lorazepam x2, IV lacosamide load; intubated for airway protection and extubated 2019-08-06 in the ICU.\n"
                  "Lacosamide 100 mg twice daily added; lamotrigine to be increased to 200 mg twice daily. Discharged home with parents.",
                  "Dr. Joel Baca, Neurocritical Care", enc=se)
    n_surg = c.note(("11506-3", "Progress note"), "2019-10-22", "Epilepsy surgery conference note",
                    "Epilepsy surgery conference\nConcordant data for left mesial temporal lobe epilepsy (video-EEG, MRI left "
                    "hippocampal sclerosis). She is a candidate for left anterior temporal lobectomy or laser ablation.\n"
                    "After discussion of the risk to verbal memory and naming in her dominant hemisphere, she and her parents "
                    "declined resective surgery and prefer vagus nerve stimulation. VNS referral placed.",
                    "Dr. Carmen Aragon, Epilepsy")
    n_clb = c.note(("11506-3", "Progress note"), "2023-02-14", "Epilepsy clinic progress note",
                   "Epilepsy clinic\nClobazam stopped today because of daytime sedation - she keeps falling asleep in anatomy lectures. "
                   "Start cenobamate (Xcopri) with the standard slow titration; cenobamate can lower lamotrigine levels, so recheck "
                   "a lamotrigine level in 3 months.\nA levonorgestrel IUD was placed on 2023-01-10; chosen because cenobamate makes "
                   "hormonal pills less reliable.", "Dr. Carmen Aragon, Epilepsy")
    n_last = c.note(("11506-3", "Progress note"), "2025-03-11", "Epilepsy clinic progress note",
                    "Epilepsy clinic\nAbout one focal aware seizure a month, uses the VNS magnet with good effect. Lamotrigine level 8.4.\n"
                    "She is not driving - New Mexico requires 6 months seizure-free - and takes the bus to her nursing classes at the "
                    "community college. Lives with her parents and younger brother in Albuquerque.\nContinue lamotrigine, "
                    "lacosamide, cenobamate; Nayzilam for clusters.", "Dr. Carmen Aragon, Epilepsy")

    # ================== QUESTIONS =====================================
    A, X = Q.a, Q.x
    l = c.latest("ltg")
    A(c, "lab_latest", "most recent lamotrigene level", [l], [val(l), "2025-03-11"], miss=True)
    tr = c.series("ltg", "2023-02-14")
    A(c, "lab_trend", "lamictal levels since xcopri was added", tr, [val(tr[0]), val(tr[-1])])
    lo = c.extreme("plt", min, "2014-03-20", "2016-04-19")
    A(c, "lab_extreme", "lowest platelets while on depakote", [lo], [val(lo), "2016-01-19"])
    na = c.series("na", "2019-08-04", "2019-08-12")
    A(c, "lab_at_time", "sodium when she came in with status", na, [val(na[0])])
    vd = c.latest("vitd")
    sz = c.series("szfreq", "2023-05-06")
    A(c, "med_class", "which antiseizure meds is she on", asm_active, ["lamotrigine", "midazolam", "lacosamide", "cenobamate"])
    A(c, "med_count", "how many active meds does she have", active, [str(len(active))])
    A(c, "med_brand", "still on keppra?", [lev], ["stopped", "2018-10-02"])
    A(c, "med_stopped_why", "why was depakote stopped", [vpa, n_vpa], ["weight gain"], match="any")
    A(c, "med_dose", "vimpat dose", [lcm2], ["200 mg"])
    A(c, "med_why", "why is she on folic acd", [fol], ["childbearing"], miss=True)
    A(c, "condition", "does she have PNES", [pnes], ["refuted"])
    A(c, "condition_onset", "when was the status epilepticus", [se_c], ["2019-08-04"])
    A(c, "allergy", "allergic to dilantin?", [al_p], ["morbilliform"])
    A(c, "device", "vagal nerve stimulater model + when implanted", [vns, vns_dus, vimp], ["sentiva", "2020-09-15"],
      miss=True)
    A(c, "device", "does she have an IUD", [iud, iud_dus, iud_p], ["2023-01-10"], match="any")
    A(c, "procedure_count", "how many vns programming sessions", prog, [str(len(prog))])
    A(c, "imaging_path", "what did the 2019 mri show", [mri2], ["hippocampal sclerosis"])
    A(c, "note_only", "what triggered the status admission", [n_se], ["camping"])
    imp = [e for e in c.encs if e["_cls"] == "IMP"]
    A(c, "encounter_count", "how many hospitalizations", imp, [str(len(imp))])
    A(c, "imm_series", "hpv series complete?", hpv, ["2016-09-20", "2017-03-21"])
    A(c, "imm_not_done", "covid booster last fall?", [cov_nd], ["declined"])
    A(c, "family_hx", "anyone in the family w/ epilepsy", [fm_f], ["father"])
    A(c, "careplan_goal", "seizure reduction goal?", [g_red], ["50%", "achieved"])
    pr = c.latest("pr")
    A(c, "two_in_one", "last ekg PR interval and is she still on vimpat", [pr, lcm2], [val(pr), "lacosamide"])

    X(c, "med_ever", "ever tried topamax", ["topiramate", "topamax"])
    X(c, "lab_latest", "last a1c", ["a1c", "hba1c", "hemoglobin a1c", "4548-4"])
    X(c, "med_class", "any opioids on her list", ["oxycodone", "hydromorphone", "morphine", "fentanyl", "tramadol", "opioid",
                                                  "opioids"])
    X(c, "lab_latest", "ferritin level", ["ferritin", "2276-4"])
    X(c, "condition", "hx of blood clots", ["thrombosis", "embolism", "dvt", "blood clot"])
    X(c, "imaging_path", "dexa results?", ["dexa", "dxa", "bone density"])
    return c

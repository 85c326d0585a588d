#!/usr/bin/env python3
"""Generate the 6 invented blind5 patients (FHIR R4), stdlib only, deterministic.

    python3 gen_patients.py --seed 505

Patients 1, 2, 5, 6 -> transaction bundles  patients/blind5_<n>_<patientuuid>.json
Patients 3, 4       -> FHIR Bulk Data export patients/bulk/<Type>.ndjson
Everything here is synthetic and invented; no real person is described.
"""
import argparse
import os
import random
import shutil
import sys

sys.dont_write_bytecode = True
from fhirgen import Builder, D, dumps_bundle, dumps_line

HERE = os.path.dirname(os.path.abspath(__file__))

WHITE = ('2106-3', 'White')
BLACK = ('2054-5', 'Black or African American')
ASIAN = ('2028-9', 'Asian')
NONHISP = ('2186-5', 'Not Hispanic or Latino')
HISP = ('2135-2', 'Hispanic or Latino')
MARRIED = ('M', 'Married')
SINGLE = ('S', 'Never Married')
WIDOWED = ('W', 'Widowed')

FLU_STD = ('140', 'Influenza, seasonal, injectable, preservative free')
FLU_QUAD = ('150', 'Influenza, injectable, quadrivalent, preservative free')
FLU_HD = ('135', 'Influenza, high dose seasonal, preservative-free')
TD = ('113', 'Td (adult) preservative free')
TDAP = ('115', 'Tdap')
PPSV23 = ('33', 'pneumococcal polysaccharide vaccine, 23 valent')
PCV13 = ('133', 'Pneumococcal conjugate PCV 13')
PCV20 = ('216', 'Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free')
SHINGRIX = ('187', 'zoster vaccine recombinant')
ZOSTAVAX = ('121', 'zoster vaccine, live')
COVID_PF = ('208', 'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose')
COVID_MOD = ('207', 'SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose')
COVID_BIV = ('300', 'SARS-COV-2 (COVID-19) vaccine, mRNA, bivalent, preservative free, 30 mcg/0.3 mL dose')
HEPB = ('43', 'Hep B, adult')
HEPA = ('52', 'Hep A, adult')
HPV4 = ('62', 'HPV, quadrivalent')
MCV4 = ('114', 'meningococcal MCV4P')


def sct(code, disp):
    return ('sct', code, disp)


def icd(code, disp):
    return ('icd10', code, disp)


# ---------------------------------------------------------------------------
# Patient 1: 71 y man, coronary disease / AF / heart failure / CKD / gout. Bundle.
# ---------------------------------------------------------------------------
def patient1(b):
    PCP = ('9999990411', 'Dr. Loretta882 Mcandrews410')
    CARD = ('9999990527', 'Dr. Ishaan264 Pemberton-Vale81')
    SURG = ('9999990639', 'Dr. Collette551 Avarez-Stone17')
    HOSP = ('SAINT VINCENT HOSPITAL OF WORCESTER', '7b1d8a41-0e2c-3b5e-9f3a-1b2c3d4e5f61')
    CLIN = ('WORCESTER FAMILY HEALTH ASSOCIATES', '2a6f9c13-77d1-3e0a-8c45-9d0e1f2a3b42')
    b.pat('Augustin617', 'Thornbury254', 'Mr.', 'male', '1953-07-09', 'Worcester', '01605', MARRIED,
          WHITE, NONHISP, '555-318-4402', '44 Quinapoxet Lane')
    E = {}

    def amb(date, et='followup', prac=PCP, org=CLIN, reason=None, cls='AMB', **kw):
        e = b.enc(cls, et, date, prac, org, reason=reason, **kw)
        E[date] = e
        return e

    e = amb('2003-05-12', 'problem', reason=sct('59621000', 'Essential hypertension (disorder)'))
    htn = b.cond('59621000', 'Essential hypertension (disorder)', '2003-05-12', e, icd10=('I10', 'Essential (primary) hypertension'))
    lis = b.med('314076', 'lisinopril 10 MG Oral Tablet', e, status='stopped', reason=[htn],
                dosage='10 mg by mouth once daily', status_reason='Switched to sacubitril/valsartan (heart failure)', end='2021-03-02', prac=PCP)
    hctz = b.med('310798', 'Hydrochlorothiazide 25 MG Oral Tablet', e, status='stopped', reason=[htn],
                 dosage='25 mg by mouth every morning', status_reason='Gout flare - thiazide discontinued', end='2018-04-02', prac=PCP)
    b.allergy('387406002', 'Sulfonamide (substance)', 'medication', '2003-05-12', e, crit='low',
              reactions=[('271807003', 'Eruption of skin (disorder)', 'moderate')])
    e = amb('2005-09-20', 'problem', reason=sct('55822004', 'Hyperlipidemia (disorder)'))
    hld = b.cond('55822004', 'Hyperlipidemia (disorder)', '2005-09-20', e, icd10=('E78.5', 'Hyperlipidemia, unspecified'))
    b.allergy('288328004', 'Bee venom (substance)', 'environment', '2005-09-20', e, crit='high',
              reactions=[('39579001', 'Anaphylaxis (disorder)', 'severe')])

    # 2014 NSTEMI: ED -> admission
    er = b.enc('EMER', 'er', '2014-03-08', PCP, HOSP, reason=sct('29857009', 'Chest pain (finding)'), hour=6, minute=40, minutes=180)
    E['2014-03-08er'] = er
    ip = b.enc('IMP', 'emadmit', '2014-03-08', CARD, HOSP, end='2014-03-12', hour=9, minute=45,
               reason=sct('401314000', 'Acute non-ST segment elevation myocardial infarction (disorder)'), admit='emd', disch='home')
    E['2014-03-08'] = ip
    b.obs('trop', 1840, er)
    b.obs('ldl', 168, ip)
    chd = b.cond('53741008', 'Coronary heart disease (disorder)', '2014-03-08', ip, icd10=('I25.10', 'Atherosclerotic heart disease of native coronary artery without angina pectoris'))
    mi = b.cond('401314000', 'Acute non-ST segment elevation myocardial infarction (disorder)', '2014-03-08', ip, status='resolved', abate='2014-04-08',
                icd10=('I21.4', 'Non-ST elevation (NSTEMI) myocardial infarction'))
    b.proc('33367005', 'Coronary angiography (procedure)', ip, when='2014-03-09', minutes=50, reason=[mi])
    stent = b.device('705643001', 'Coronary artery stent (physical object)', '2013-11-20')
    b.proc('36969009', 'Placement of stent in coronary artery (procedure)', ip, when='2014-03-09', minutes=70, reason=[mi], device=stent)
    b.med('243670', 'aspirin 81 MG Oral Tablet', ip, authored='2014-03-12', reason=[chd], dosage='81 mg by mouth once daily', prac=CARD)
    b.med('309362', 'clopidogrel 75 MG Oral Tablet', ip, status='completed', authored='2014-03-12', reason=[mi],
          dosage='75 mg by mouth once daily for 12 months after stent', end='2015-03-12', prac=CARD)
    ator = b.med('259255', 'atorvastatin 80 MG Oral Tablet', ip, status='stopped', authored='2014-03-12', reason=[hld],
                 dosage='80 mg by mouth at bedtime', status_reason='Myalgia (statin-associated muscle symptoms)', end='2016-09-12', prac=CARD)
    b.med('705129', 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray', ip, authored='2014-03-12', reason=[chd], prn=True,
          dosage='1 spray under the tongue every 5 minutes as needed for chest pain, up to 3 doses', prac=CARD)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Saint Vincent Hospital of Worcester
Admitted: 2014-03-08 via the Emergency Department   Discharged: 2014-03-12
Diagnosis: Acute NSTEMI. Peak high-sensitivity troponin I 1840 ng/L.
Course: Cardiac catheterization 2014-03-09 showed 90% mid LAD stenosis; one drug-eluting stent placed. LDL 168.
Social history: Machinist. Smoked 1 pack per day for about 40 years; quit on admission and counselled. Alcohol 2 beers per week.
Discharge medications: aspirin 81 mg daily, clopidogrel 75 mg daily for 12 months, atorvastatin 80 mg nightly, nitroglycerin spray as needed; continue lisinopril.
Plan: Outpatient cardiac rehabilitation referral. Follow up with Dr. Pemberton-Vale (cardiology) in 2 weeks.
Disposition: Home with wife.
""", CARD, HOSP, when='2014-03-12')

    wellness = [
        # date, weight, bp, hr, creat, egfr, k, ldl
        ('2015-09-14', 99.6, (150, 90), 80, 1.0, 74, 4.2, 102),
        ('2016-09-12', 98.2, (148, 88), 78, 1.1, 68, 4.3, 96),
        ('2017-09-11', 97.5, (142, 84), 74, 1.2, 62, 4.4, 88),
        ('2018-09-10', 99.1, (138, 82), 70, 1.2, 61, 4.2, 81),
        ('2019-09-09', 96.4, (136, 80), 72, 1.3, 56, 4.5, 74),
        ('2020-09-14', 95.0, (132, 78), 68, 1.4, 51, 4.4, 70),
        ('2021-09-13', 90.3, (118, 70), 64, 1.5, 48, 4.9, 77),
        ('2022-08-29', 91.8, (122, 72), 66, 1.6, 45, 5.1, 68),
        ('2023-09-11', 92.6, (126, 74), 62, 1.8, 39, 4.6, 64),
        ('2024-09-10', 94.1, (128, 76), 64, 1.9, 37, 4.7, 61),
    ]
    for (d, w, bp, hr, cr, gfr, k, ldl) in wellness:
        e = amb(d, 'wellness')
        b.vitals(e, 178.0, w, bp, hr)
        b.obs('creat_m', cr, e)
        b.obs('egfr', gfr, e)
        b.obs('k', k, e)
        b.obs('ldl', ldl, e)
        year = int(d[:4])
        b.imm(*(FLU_HD if year >= 2018 else FLU_STD), e)
        if d == '2015-09-14':
            b.obs('tobacco', 'Former smoker', e)
            b.imm(*TD, e)
            b.fmh('FTH', 'father', 'male', [('22298006', 'Myocardial infarction (disorder)', 55, True)], deceased=True, date='2015-09-14')
            b.fmh('BRO', 'brother', 'male', [('44054006', 'Diabetes mellitus type 2 (disorder)', 50)], deceased=False, date='2015-09-14')
        if d == '2016-09-12':
            b.med('859751', 'rosuvastatin calcium 20 MG Oral Tablet', e, reason=[hld], dosage='20 mg by mouth once daily', prac=PCP)
        if d == '2018-09-10':
            b.imm(*PPSV23, e)
            b.obs('urate', 7.8, e)
        if d == '2019-09-09':
            b.imm(*PCV13, e)
            b.obs('urate', 6.4, e)
        if d == '2020-09-14':
            b.imm(*SHINGRIX, e)
            b.obs('urate', 6.1, e)
        if d == '2021-09-13':
            b.obs('ntprobnp', 980, e)
        if d == '2022-08-29':
            b.obs('urate', 5.9, e)
        if d == '2024-09-10':
            b.obs('urate', 6.2, e)
            b.obs('hgb_m', 13.1, e)
            b.note('progress', e, """
ANNUAL WELLNESS VISIT - 2024-09-10
71 y/o man with CAD s/p PCI 2014 and CABG 2019, paroxysmal atrial fibrillation, HFrEF with primary-prevention ICD, CKD stage 3b, gout.
Social history: Retired machinist. Lives with his wife Margo in a single-family home. Quit smoking 2014 (about 40 pack-years). 1-2 beers on weekends. Walks 20 minutes most days.
Code status: Full code. Health care proxy: wife Margo Thornbury.
Vitals: BP 128/76, HR 64, weight 94.1 kg.
Assessment/Plan:
- Creatinine 1.9, eGFR 37: CKD slowly progressing. Renal dosing of apixaban reviewed; continue 5 mg twice daily for now. Refer to nephrology.
- Continue rosuvastatin, metoprolol succinate, sacubitril/valsartan, furosemide, dapagliflozin, allopurinol.
- High-dose influenza vaccine given today.
""", PCP, CLIN)

    # 2016 palpitations -> AF
    e = amb('2016-06-21', 'symptom', reason=sct('80313002', 'Palpitations (finding)'))
    af = b.cond('49436004', 'Atrial fibrillation (disorder)', '2016-06-21', e, icd10=('I48.0', 'Paroxysmal atrial fibrillation'))
    b.proc('29303009', 'Electrocardiographic procedure', e, reason=[af])
    warf = b.med('855332', 'Warfarin Sodium 5 MG Oral Tablet', e, status='stopped', reason=[af],
                 dosage='5 mg by mouth daily or as directed by anticoagulation clinic', status_reason='Labile INR on warfarin - changed to apixaban',
                 end='2020-02-03', prac=CARD)
    meto = b.med('866414', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet', e, reason=[af],
                 dosage='100 mg by mouth once daily', prac=CARD)
    # INR checks on warfarin
    inrs = [('2016-06-28', 1.6), ('2016-08-16', 2.4), ('2017-03-14', 3.8), ('2017-10-17', 2.2), ('2018-05-15', 1.7),
            ('2018-12-11', 4.2), ('2019-06-18', 2.6), ('2020-01-21', 3.6)]
    for d, v in inrs:
        e = amb(d, 'checkup', prac=CARD)
        b.obs('inr', v, e)

    # 2018 gout
    e = amb('2018-04-02', 'urgent', reason=sct('90560007', 'Gout (disorder)'))
    gout = b.cond('90560007', 'Gout (disorder)', '2018-04-02', e, icd10=('M10.9', 'Gout, unspecified'))
    b.obs('urate', 9.4, e)
    b.med('197541', 'colchicine 0.6 MG Oral Tablet', e, status='completed', reason=[gout],
          dosage='1.2 mg at first sign of flare then 0.6 mg one hour later; then 0.6 mg twice daily for 5 days', end='2018-04-09', prac=PCP)
    e = amb('2018-06-05')
    b.med('197319', 'Allopurinol 100 MG Oral Tablet', e, reason=[gout], dosage='100 mg by mouth once daily', prac=PCP)

    # 2019 CABG
    e = amb('2019-09-19', 'outproc', prac=CARD, org=HOSP, reason=sct('53741008', 'Coronary heart disease (disorder)'))
    b.proc('33367005', 'Coronary angiography (procedure)', e, reason=[chd], minutes=60)
    e = amb('2019-09-23', 'consult', prac=CARD)
    b.proc('40701008', 'Echocardiography (procedure)', e, reason=[chd])
    b.obs('lvef', 45, e)
    b.note('consult', e, """
CARDIOLOGY CONSULTATION - 2019-09-23 - Dr. Ishaan Pemberton-Vale
Reason: recurrent exertional angina despite medical therapy.
Catheterization 2019-09-19: severe three-vessel coronary artery disease, in-stent restenosis of the mid LAD stent.
Echo today: LVEF 45%.
Recommendation: Surgical revascularization (CABG) is recommended; referred to cardiac surgery (Dr. Avarez-Stone). Hold warfarin 5 days before surgery with INR check on admission.
""", CARD, CLIN)
    ip = b.enc('IMP', 'admit', '2019-10-14', SURG, HOSP, end='2019-10-21', hour=6, minute=30,
               reason=sct('53741008', 'Coronary heart disease (disorder)'), admit='mp', disch='home')
    E['2019-10-14'] = ip
    b.obs('inr', 1.3, ip)
    b.obs('hgb_m', 13.9, ip)
    cabg = b.proc('232717009', 'Coronary artery bypass grafting (procedure)', ip, when='2019-10-15', minutes=240, reason=[chd])
    b.obs('hgb_m', 10.2, ip, when='2019-10-17')
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Cardiac Surgery
Admission 2019-10-14 (elective, referred by cardiology)   Discharge 2019-10-21
Procedure 2019-10-15: CABG x3 (LIMA to LAD, SVG to OM1, SVG to PDA).
Post-op course: brief post-operative atrial fibrillation, rate controlled; warfarin resumed. Post-op hemoglobin 10.2.
Code status during admission: Full code.
Disposition: Discharged home with VNA home health nursing for sternal wound checks and medication teaching. Cardiac rehab after 4 weeks.
""", SURG, HOSP, when='2019-10-21')
    for d in ('2019-10-24', '2019-10-31', '2019-11-07'):
        e = amb(d, 'home', cls='HH', org=('VNA OF CENTRAL MASSACHUSETTS', '5c3e2d1f-8a9b-3c4d-9e0f-1a2b3c4d5e63'))

    # 2020 warfarin -> apixaban
    e = amb('2020-02-03', 'consult', prac=CARD)
    b.med('1364447', 'apixaban 5 MG Oral Tablet [Eliquis]', e, reason=[af], dosage='5 mg by mouth twice daily', freq=(2, 1, 'd'), prac=CARD)
    b.note('consult', e, """
CARDIOLOGY FOLLOW-UP - 2020-02-03
Atrial fibrillation, CHA2DS2-VASc 4. Time in therapeutic range on warfarin has been poor (INR 4.2 in Dec 2018, 3.6 last month, several subtherapeutic values).
Plan: Stop warfarin. Start apixaban 5 mg twice daily when INR < 2. Continue metoprolol succinate for rate control.
""", CARD, CLIN)

    # CKD diagnosis
    e = amb('2020-11-02', 'problem', reason=sct('433144002', 'Chronic kidney disease stage 3 (disorder)'))
    ckd = b.cond('433144002', 'Chronic kidney disease stage 3 (disorder)', '2020-11-02', e, icd10=('N18.30', 'Chronic kidney disease, stage 3 unspecified'))
    b.obs('creat_m', 1.5, e)
    b.obs('egfr', 49, e)
    b.imm(*SHINGRIX, e)

    # 2021 heart failure admission via ED -> SNF
    er = b.enc('EMER', 'er', '2021-01-10', PCP, HOSP, reason=sct('267036007', 'Dyspnea (finding)'), hour=3, minute=15, minutes=240)
    E['2021-01-10er'] = er
    ip = b.enc('IMP', 'emadmit', '2021-01-10', CARD, HOSP, end='2021-01-16', hour=7, minute=20,
               reason=sct('88805009', 'Chronic congestive heart failure (disorder)'), admit='emd', disch='snf')
    E['2021-01-10'] = ip
    chf = b.cond('88805009', 'Chronic congestive heart failure (disorder)', '2021-01-10', ip, icd10=('I50.22', 'Chronic systolic (congestive) heart failure'))
    b.obs('ntprobnp', 4850, ip)
    b.obs('creat_m', 1.7, ip)
    b.obs('egfr', 42, ip)
    b.obs('k', 3.4, ip)
    b.proc('40701008', 'Echocardiography (procedure)', ip, when='2021-01-11')
    b.obs('lvef', 30, ip, when='2021-01-11')
    b.obs('ntprobnp', 2310, ip, when='2021-01-15')
    b.med('313988', 'Furosemide 40 MG Oral Tablet', ip, authored='2021-01-16', reason=[chf], dosage='40 mg by mouth once daily; extra 40 mg if weight up 1 kg', prac=CARD)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Saint Vincent Hospital of Worcester
Admitted 2021-01-10 through the Emergency Department with 1 week of orthopnea and leg swelling.
Diagnosis: Acute on chronic systolic heart failure (new LVEF 30% on echo 2021-01-11). NT-proBNP 4850. Potassium 3.4, repleted.
Treatment: IV furosemide, net diuresis 6.1 kg. Discharge weight 90.8 kg.
Disposition: Discharged to Maplewood Skilled Nursing Facility for short-term rehabilitation (deconditioning).
Follow-up: Heart failure clinic within 7 days of SNF discharge; start guideline-directed therapy.
""", CARD, HOSP, when='2021-01-16')
    gl = b.goal('Daily weight; call heart failure clinic if weight up more than 1 kg in a day or 2 kg in a week', '2021-01-16', addresses=[chf])
    gl2 = b.goal('Dietary sodium less than 2 grams per day', '2021-01-16', addresses=[chf])
    b.careplan('735984001', 'Heart failure self management plan (record artifact)', ip, '2021-01-16',
               [('386463000', 'Prescribed activity/exercise education (procedure)'), ('229065009', 'Exercise therapy (regime/therapy)'),
                ('183063000', 'Low salt diet education (procedure)')], addresses=[chf], goals=[gl, gl2])
    for d in ('2021-02-05', '2021-02-26', '2021-10-20'):
        e = amb(d, 'vaccine')
        b.imm(*COVID_PF, e)
    e = amb('2021-03-02', 'consult', prac=CARD)
    b.med('1656346', 'sacubitril 49 MG / valsartan 51 MG Oral Tablet [Entresto]', e, reason=[chf],
          dosage='1 tablet by mouth twice daily (start 36 hours after last lisinopril dose)', freq=(2, 1, 'd'), prac=CARD)
    spiro = b.med('313096', 'Spironolactone 25 MG Oral Tablet', e, status='stopped', reason=[chf],
                  dosage='25 mg by mouth once daily', status_reason='Hyperkalemia (potassium 5.8)', end='2023-07-18', prac=CARD)

    # 2022 EF still low -> ICD
    e = amb('2022-06-20', 'consult', prac=CARD)
    b.proc('40701008', 'Echocardiography (procedure)', e)
    b.obs('lvef', 35, e)
    b.obs('ntprobnp', 760, e)
    b.note('consult', e, """
CARDIOLOGY / ELECTROPHYSIOLOGY CONSULT - 2022-06-20
HFrEF, ischemic cardiomyopathy. On metoprolol succinate, sacubitril/valsartan, spironolactone, furosemide for more than 12 months.
Echo today: LVEF 35%. NYHA class II.
Recommendation: Primary prevention implantable cardioverter-defibrillator (single chamber) given EF persistently 35% or less despite more than 3 months of guideline-directed medical therapy. Patient agrees. Hold apixaban 48 hours before implant.
""", CARD, CLIN)
    ip = b.enc('IMP', 'admit', '2022-09-13', CARD, HOSP, end='2022-09-15', hour=6, minute=0,
               reason=sct('88805009', 'Chronic congestive heart failure (disorder)'), admit='outp', disch='home')
    E['2022-09-13'] = ip
    icd_dev = b.device('72506001', 'Implantable defibrillator, device (physical object)', '2022-03-02')
    b.proc('447365002', 'Insertion of implantable cardioverter defibrillator (procedure)', ip, when='2022-09-14', minutes=90, reason=[chf], device=icd_dev)

    # 2023 flu by video, hyperkalemia
    e = amb('2023-01-12', 'tele', cls='VR', reason=sct('6142004', 'Influenza (disorder)'))
    flu = b.cond('6142004', 'Influenza (disorder)', '2023-01-12', e, status='resolved', abate='2023-01-22')
    b.med('261315', 'oseltamivir 75 MG Oral Capsule [Tamiflu]', e, status='completed', reason=[flu],
          dosage='75 mg by mouth once daily for 5 days (renal dose)', end='2023-01-17', prac=PCP)
    e = amb('2023-07-18')
    b.obs('k', 5.8, e)
    b.obs('creat_m', 1.8, e)
    b.note('progress', e, """
PROGRESS NOTE - 2023-07-18
Routine labs: potassium 5.8, creatinine 1.8. No ECG changes. Feels well.
Plan: Stop spironolactone. Low-potassium diet handout. Repeat basic metabolic panel in 1 week.
""", PCP, CLIN)
    e = amb('2023-07-26', 'checkup')
    b.obs('k', 4.9, e)
    e = amb('2023-08-01', 'consult', prac=CARD)
    b.med('1488569', 'dapagliflozin 10 MG Oral Tablet [Farxiga]', e, reason=[chf], dosage='10 mg by mouth once daily', prac=CARD)
    e = amb('2024-05-14', 'consult', prac=CARD)
    b.proc('40701008', 'Echocardiography (procedure)', e)
    b.obs('lvef', 40, e)
    b.obs('ntprobnp', 420, e)
    b.note('consult', e, """
HEART FAILURE CLINIC - 2024-05-14
Echo: LVEF improved to 40%. NT-proBNP 420. ICD interrogation: no shocks, no therapies delivered, battery OK.
Plan: Continue current regimen. Keep ICD remote monitoring every 3 months. Next echo in 1 year.
""", CARD, CLIN)
    e = amb('2024-11-19', 'tele', cls='VR', prac=CARD)
    b.note('progress', e, """
VIDEO VISIT - heart failure clinic - 2024-11-19
Stable, NYHA class I-II. Home weights steady 93-94 kg. No ICD alerts on remote monitoring.
Plan: No medication changes. Labs with nephrology in January.
""", CARD, CLIN)
    return '2025-02-18'


# ---------------------------------------------------------------------------
# Patient 2: 58 y woman, type 2 diabetes, hypothyroidism, depression/neuropathy, OSA, TKA. Bundle.
# ---------------------------------------------------------------------------
def patient2(b):
    PCP = ('9999991108', 'Dr. Ramona393 Feliciano-Ortz46')
    ENDO = ('9999991219', 'Dr. Tobiah720 Glassberg502')
    ORTHO = ('9999991320', 'Dr. Seraphine88 Okwuosa771')
    SLEEP = ('9999991431', 'Dr. Amadou35 Lindgren-Haas9')
    CLIN = ('LOWELL COMMUNITY HEALTH CENTER', '3b7e0d24-88e2-3f1b-9d56-0e1f2a3b4c53')
    HOSP = ('LOWELL GENERAL HOSPITAL', '4c8f1e35-99f3-3a2c-8e67-1f2a3b4c5d64')
    b.pat('Marisol842', 'Quintanilla519', 'Mrs.', 'female', '1966-02-14', 'Lowell', '01852', MARRIED,
          WHITE, HISP, '555-704-2290', '219 Pawtucket Blvd Apt 3', lang=('es', 'Spanish'))
    E = {}

    def amb(date, et='followup', prac=PCP, org=CLIN, reason=None, cls='AMB', **kw):
        e = b.enc(cls, et, date, prac, org, reason=reason, **kw)
        E[date] = e
        return e

    e = amb('2012-04-03', 'problem', reason=sct('44054006', 'Diabetes mellitus type 2 (disorder)'))
    dm = b.cond('44054006', 'Diabetes mellitus type 2 (disorder)', '2012-04-03', e, icd10=('E11.9', 'Type 2 diabetes mellitus without complications'))
    hld = b.cond('55822004', 'Hyperlipidemia (disorder)', '2012-04-03', e)
    b.obs('a1c', 8.4, e)
    b.med('860975', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet', e, reason=[dm],
          dosage='1000 mg (2 tablets) by mouth once daily with the evening meal', prac=PCP)
    b.med('617311', 'atorvastatin 40 MG Oral Tablet', e, reason=[hld], dosage='40 mg by mouth once daily', prac=PCP)
    b.allergy('1051000124101', 'Codeine (substance)', 'medication', '2012-04-03', e, atype='intolerance', crit='low',
              reactions=[('422587007', 'Nausea (finding)', 'moderate')])
    b.allergy('111088007', 'Latex (substance)', 'environment', '2012-04-03', e, crit='low',
              reactions=[('40275004', 'Contact dermatitis (disorder)', 'mild')])
    gp1 = b.goal('Hemoglobin A1c total in Blood < 7.0', '2012-04-03', addresses=[dm])
    gp2 = b.goal('Maintain blood pressure below 140/90 mm[Hg]', '2012-04-03', addresses=[dm])
    b.careplan('735985000', 'Diabetes self management plan (record artifact)', e, '2012-04-03',
               [('160670007', 'Diabetic diet (finding)'), ('229065009', 'Exercise therapy (regime/therapy)')], addresses=[dm], goals=[gp1, gp2])
    e = amb('2013-06-11', 'problem', reason=sct('59621000', 'Essential hypertension (disorder)'))
    htn = b.cond('59621000', 'Essential hypertension (disorder)', '2013-06-11', e, icd10=('I10', 'Essential (primary) hypertension'))
    b.med('979492', 'losartan potassium 50 MG Oral Tablet', e, reason=[htn], dosage='50 mg by mouth once daily', prac=PCP)
    e = amb('2014-06-10')
    glip = b.med('310490', 'glipiZIDE 5 MG Oral Tablet', e, status='stopped', reason=[dm],
                 dosage='5 mg by mouth before breakfast', status_reason='Recurrent hypoglycemia; ED visit 2019-11-18', end='2019-11-20', prac=PCP)
    e = amb('2015-08-20', 'problem', reason=sct('40930008', 'Hypothyroidism (disorder)'))
    hypo = b.cond('40930008', 'Hypothyroidism (disorder)', '2015-08-20', e, icd10=('E03.9', 'Hypothyroidism, unspecified'))
    b.obs('tsh', 8.9, e)
    b.med('966221', 'Levothyroxine Sodium 0.05 MG Oral Tablet', e, status='stopped', reason=[hypo],
          dosage='50 mcg by mouth every morning on an empty stomach', status_reason='Dose increased (TSH 6.7)', end='2018-02-13', prac=PCP)
    e = amb('2016-05-10', 'problem', reason=sct('35489007', 'Depressive disorder (disorder)'))
    dep = b.cond('370143000', 'Major depressive disorder (disorder)', '2016-05-10', e, icd10=('F32.1', 'Major depressive disorder, single episode, moderate'))
    b.obs('phq9', 16, e)
    b.med('312940', 'sertraline 50 MG Oral Tablet', e, status='stopped', reason=[dep], dosage='50 mg by mouth once daily',
          status_reason='Switched to duloxetine to also treat neuropathic pain', end='2019-05-07', prac=PCP)

    wellness = [
        # date, weight, bp, hr, a1c, ldl, creat, egfr, tsh, uacr
        ('2015-04-14', 96.8, (138, 86), 84, 7.3, 132, 0.8, 88, None, None),
        ('2016-04-12', 98.1, (142, 88), 82, 7.1, 118, 0.8, 87, 3.1, None),
        ('2017-04-11', 99.4, (136, 84), 82, 7.4, 104, 0.9, 80, 3.6, None),
        ('2018-04-10', 100.2, (134, 82), 80, 7.5, 99, 0.8, 86, None, None),
        ('2019-04-09', 101.5, (130, 80), 80, 7.9, 96, 0.9, 79, 2.4, 18),
        ('2020-04-14', 102.3, (132, 82), 82, 7.6, 101, 0.9, 78, 2.9, None),
        ('2021-04-13', 95.6, (128, 78), 78, 7.8, 92, 0.9, 77, 3.3, 42),
        ('2022-04-12', 91.2, (126, 76), 76, 8.3, 88, 0.9, 76, 3.9, 48),
        ('2023-04-11', 86.4, (124, 76), 76, 7.2, 84, 0.9, 76, None, 55),
        ('2024-04-16', 84.9, (122, 74), 74, 6.9, 79, 0.9, 75, 1.9, 39),
    ]
    for (d, w, bp, hr, a1c, ldl, cr, gfr, tsh, uacr) in wellness:
        e = amb(d, 'wellness')
        b.vitals(e, 163.0, w, bp, hr)
        b.obs('a1c', a1c, e)
        b.obs('ldl', ldl, e)
        b.obs('creat_f', cr, e)
        b.obs('egfr', gfr, e)
        b.obs('k', 4.2, e)
        if tsh is not None:
            b.obs('tsh', tsh, e)
        if uacr is not None:
            b.obs('uacr', uacr, e)
        if d == '2015-04-14':
            b.obs('tobacco', 'Never smoker', e)
            b.fmh('MTH', 'mother', 'female', [('254837009', 'Malignant neoplasm of breast (disorder)', 52)], deceased=False, date=d)
            b.fmh('FTH', 'father', 'male', [('44054006', 'Diabetes mellitus type 2 (disorder)', 48)], deceased=False, date=d)
            b.fmh('SIS', 'sister', 'female', [('40930008', 'Hypothyroidism (disorder)', 40)], deceased=False, date=d)
        if d == '2017-04-11':
            b.imm(*TDAP, e)
            b.med('308135', 'amLODIPine 5 MG Oral Tablet', e, reason=[htn], dosage='5 mg by mouth once daily', prac=PCP)
        if d == '2019-04-09':
            b.imm(*HEPB, e)
        if d == '2021-04-13':
            b.cond('90781000119102', 'Microalbuminuria due to type 2 diabetes mellitus (disorder)', d, e, icd10=('E11.29', 'Type 2 diabetes mellitus with other diabetic kidney complication'))
        if d == '2022-04-12':
            b.imm(*PCV20, e)
        if d == '2024-04-16':
            b.note('progress', e, """
ANNUAL PHYSICAL - 2024-04-16
58 y/o woman with type 2 diabetes (on insulin glargine, semaglutide, metformin), hypothyroidism, depression, diabetic neuropathy and retinopathy, OSA on CPAP, s/p right TKA 2022.
Social history: Works as a school bus dispatcher. Married, lives with husband Ernesto. Never smoker. Alcohol: a glass of wine about once a month. Walks 30 minutes 5 days/week since the knee replacement.
Vitals: BP 122/74, weight 84.9 kg (down from 102.3 kg in April 2020).
A1c 6.9, LDL 79, TSH 1.9, urine microalbumin/creatinine 39.
Plan: Continue Lantus 18 units at bedtime and Ozempic 0.5 mg weekly. Dilated eye exam due this summer. Continue CPAP nightly.
""", PCP, CLIN)

    # TSH-driven dose changes
    e = amb('2018-02-13')
    b.obs('tsh', 6.7, e)
    b.med('966222', 'Levothyroxine Sodium 0.075 MG Oral Tablet', e, status='stopped', reason=[hypo],
          dosage='75 mcg by mouth every morning on an empty stomach', status_reason='Dose increased (TSH 7.9)', end='2023-03-07', prac=PCP)
    e = amb('2018-10-02', 'problem', reason=sct('239873007', 'Osteoarthritis of knee (disorder)'))
    oa = b.cond('239873007', 'Osteoarthritis of knee (disorder)', '2018-10-02', e, icd10=('M17.0', 'Bilateral primary osteoarthritis of knee'))
    # neuropathy
    e = amb('2019-01-15', 'problem', reason=sct('368581000119106', 'Neuropathy due to type 2 diabetes mellitus (disorder)'))
    neu = b.cond('368581000119106', 'Neuropathy due to type 2 diabetes mellitus (disorder)', '2019-01-15', e, icd10=('E11.40', 'Type 2 diabetes mellitus with diabetic neuropathy, unspecified'))
    b.med('483440', 'pregabalin 75 MG Oral Capsule', e, status='stopped', reason=[neu], dosage='75 mg by mouth twice daily', freq=(2, 1, 'd'),
          status_reason='Peripheral edema and daytime drowsiness', end='2019-05-07', prac=PCP)
    e = amb('2019-05-07')
    b.obs('phq9', 12, e)
    b.med('596934', 'DULoxetine 60 MG Delayed Release Oral Capsule', e, reason=[dep, neu], dosage='60 mg by mouth once daily', prac=PCP)
    for d in ('2019-05-21', '2019-10-08'):
        e = amb(d, 'vaccine')
        b.imm(*HEPB, e)
    # hypoglycemia ED visit
    er = b.enc('EMER', 'er', '2019-11-18', PCP, HOSP, reason=sct('302866003', 'Hypoglycemia (disorder)'), hour=7, minute=5, minutes=300)
    E['2019-11-18'] = er
    hypog = b.cond('302866003', 'Hypoglycemia (disorder)', '2019-11-18', er, status='resolved', abate='2019-11-18')
    b.obs('glucose', 48, er)
    b.note('ed', er, """
EMERGENCY DEPARTMENT NOTE - Lowell General Hospital - 2019-11-18
Brought in by EMS. Husband found her confused and sweaty at 6 am; fingerstick glucose 48 at home, 48 on arrival.
Takes glipizide 5 mg and metformin. Skipped dinner last night.
Treated with D50 and a meal; glucose 132 after 1 hour, mental status back to baseline.
Plan: Discharged home. Hold glipizide; PCP follow-up in 48 hours to change diabetes regimen.
""", PCP, HOSP)
    e = amb('2019-11-20')
    b.obs('a1c', 8.1, e)
    jard = b.med('1545664', 'empagliflozin 10 MG Oral Tablet [Jardiance]', e, status='stopped', reason=[dm],
                 dosage='10 mg by mouth every morning', status_reason='Recurrent urinary tract infections', end='2020-10-01', prac=PCP)
    # OSA
    e = amb('2020-02-11', 'outproc', prac=SLEEP, org=HOSP, reason=sct('78275009', 'Obstructive sleep apnea syndrome (disorder)'))
    osa = b.cond('78275009', 'Obstructive sleep apnea syndrome (disorder)', '2020-02-11', e, icd10=('G47.33', 'Obstructive sleep apnea (adult) (pediatric)'))
    b.proc('60554003', 'Polysomnography (procedure)', e, minutes=480, reason=[osa])
    e = amb('2020-03-02', 'consult', prac=SLEEP)
    cpap = b.device('702172008', 'Continuous positive airway pressure unit (physical object)', '2019-12-01')
    b.dus(cpap, '2020-03-02', reason=[osa], note='CPAP 10 cm H2O nightly with full face mask')
    b.note('consult', e, """
SLEEP MEDICINE CONSULT - 2020-03-02 - Dr. Amadou Lindgren-Haas
In-lab polysomnogram 2020-02-11: AHI 34 events/hour (severe obstructive sleep apnea), oxygen nadir 81%.
Epworth sleepiness score 14.
Plan: Start CPAP 10 cm H2O with full face mask nightly. Weight loss encouraged. Follow-up in 3 months with download.
""", SLEEP, CLIN)
    # UTIs
    e = amb('2020-07-09', 'urgent', reason=sct('68566005', 'Urinary tract infectious disease (disorder)'))
    u1 = b.cond('68566005', 'Urinary tract infectious disease (disorder)', '2020-07-09', e, status='resolved', abate='2020-07-16')
    b.med('1648755', 'nitrofurantoin, macrocrystals 25 MG / nitrofurantoin, monohydrate 75 MG Oral Capsule', e, status='completed', reason=[u1],
          dosage='1 capsule by mouth twice daily for 5 days', freq=(2, 1, 'd'), end='2020-07-14', prac=PCP)
    e = amb('2020-09-24', 'tele', cls='VR', reason=sct('68566005', 'Urinary tract infectious disease (disorder)'))
    u2 = b.cond('68566005', 'Urinary tract infectious disease (disorder)', '2020-09-24', e, status='resolved', abate='2020-10-01')
    b.med('1648755', 'nitrofurantoin, macrocrystals 25 MG / nitrofurantoin, monohydrate 75 MG Oral Capsule', e, status='completed', reason=[u2],
          dosage='1 capsule by mouth twice daily for 5 days', freq=(2, 1, 'd'), end='2020-09-29', prac=PCP)
    # endocrinology -> semaglutide
    e = amb('2020-10-01', 'consult', prac=ENDO)
    b.obs('a1c', 8.9, e)
    b.obs('weight', 102.0, e)
    b.med('2200652', 'semaglutide 1.34 MG/ML Pen Injector [Ozempic]', e, reason=[dm],
          dosage='0.25 mg subcutaneously once weekly for 4 weeks, then 0.5 mg once weekly', freq=(1, 1, 'wk'), prac=ENDO)
    b.note('consult', e, """
ENDOCRINOLOGY CONSULTATION - 2020-10-01 - Dr. Tobiah Glassberg
Type 2 diabetes since 2012. A1c 8.9 today on metformin ER and empagliflozin. BMI about 38. Glipizide stopped 2019 after severe hypoglycemia.
Two urinary tract infections since July on empagliflozin.
Recommendations:
1. Stop empagliflozin because of recurrent UTIs.
2. Start semaglutide 0.25 mg weekly x 4 weeks, then 0.5 mg weekly.
3. Continue metformin ER 1000 mg daily.
4. Consider basal insulin if A1c remains above 8 in 6 months.
""", ENDO, CLIN)
    for d in ('2021-02-23', '2021-03-23', '2021-11-09'):
        e = amb(d, 'vaccine')
        b.imm(*COVID_MOD, e)
    e = amb('2021-06-08', 'consult', prac=('9999991542', 'Dr. Veda41 Marchetti-Kahn25'),
            reason=sct('1551000119108', 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)'))
    b.cond('1551000119108', 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)', '2021-06-08', e,
           icd10=('E11.329', 'Type 2 diabetes mellitus with mild nonproliferative diabetic retinopathy without macular edema'))
    b.proc('252779009', 'Single bright light visual acuity test (procedure)', e)
    e = b.enc('VR', 'tele', '2021-11-16', PCP, CLIN, reason=sct('370143000', 'Major depressive disorder (disorder)'))
    E['2021-11-16'] = e
    b.obs('phq9', 7, e)
    # TKA
    e = amb('2022-01-25', 'consult', prac=ORTHO)
    b.note('consult', e, """
ORTHOPEDIC CONSULT - 2022-01-25 - Dr. Seraphine Okwuosa
Right knee: bone-on-bone medial compartment osteoarthritis on standing films; failed injections and physical therapy.
Recommendation: Right total knee arthroplasty. Pre-op: hold semaglutide 1 week before surgery. Latex allergy flagged for the OR.
""", ORTHO, CLIN)
    ip = b.enc('IMP', 'admit', '2022-03-15', ORTHO, HOSP, end='2022-03-18', hour=6, minute=15,
               reason=sct('239873007', 'Osteoarthritis of knee (disorder)'), admit='mp', disch='rehab')
    E['2022-03-15'] = ip
    b.proc('609588000', 'Total knee replacement (procedure)', ip, when='2022-03-15', minutes=150, reason=[oa], body=('6757004', 'Right knee'))
    b.med('854235', '0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe', ip, status='completed', authored='2022-03-16',
          reason_code=[('sct', '609588000', 'Total knee replacement (procedure)')],
          dosage='40 mg subcutaneously once daily for 14 days (DVT prophylaxis)', end='2022-03-30', prac=ORTHO)
    b.med('1049683', 'oxyCODONE Hydrochloride 5 MG Oral Tablet', ip, status='completed', authored='2022-03-17',
          reason_code=[('sct', '274663001', 'Acute postoperative pain (finding)')],
          dosage='5 mg by mouth every 6 hours as needed for pain; maximum 7 days', prn=True, freq=(4, 1, 'd'), end='2022-03-24', prac=ORTHO)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Orthopedics - Lowell General Hospital
Admitted 2022-03-15 for elective right total knee arthroplasty (uncomplicated). Latex-free OR.
Post-op pain controlled with oxycodone 5 mg as needed (codeine intolerance noted). Enoxaparin 40 mg daily x 14 days for DVT prophylaxis.
Disposition 2022-03-18: Discharged to Brookside Inpatient Rehabilitation Center for intensive physical therapy.
""", ORTHO, HOSP, when='2022-03-18')
    e = amb('2022-04-26', 'postop', prac=ORTHO)
    # basal insulin
    e = amb('2022-08-09', 'followup', prac=ENDO)
    b.obs('a1c', 8.6, e)
    b.med('847230', 'insulin glargine 100 UNT/ML Pen Injector [Lantus]', e, reason=[dm],
          dosage='18 units subcutaneously at bedtime', prac=ENDO)
    e = amb('2023-02-14', 'tele', cls='VR', prac=ENDO)
    b.obs('a1c', 7.4, e)
    e = amb('2023-03-07')
    b.obs('tsh', 7.9, e)
    b.med('966247', 'Levothyroxine Sodium 0.1 MG Oral Tablet [Synthroid]', e, reason=[hypo],
          dosage='100 mcg by mouth every morning on an empty stomach', prac=PCP)
    e = b.enc('VR', 'tele', '2023-05-16', PCP, CLIN, reason=sct('370143000', 'Major depressive disorder (disorder)'))
    E['2023-05-16'] = e
    b.obs('phq9', 5, e)
    e = amb('2023-09-12', 'followup', prac=ENDO)
    b.obs('a1c', 7.0, e)
    b.obs('tsh', 2.2, e)
    e = amb('2024-09-17', 'followup', prac=ENDO)
    b.obs('a1c', 6.8, e)
    b.obs('weight', 83.7, e)
    # flu shots each fall
    for d in ('2015-10-06', '2016-10-04', '2017-10-03', '2018-10-09', '2020-10-13', '2021-10-05', '2022-10-04', '2023-10-10'):
        e = amb(d, 'vaccine')
        b.imm(*(FLU_QUAD if int(d[:4]) >= 2018 else FLU_STD), e)
    b.imm(*FLU_QUAD, E['2019-10-08'])
    b.imm(*FLU_QUAD, E['2024-09-17'])
    return '2024-11-05'


# ---------------------------------------------------------------------------
# Patient 3: 34 y woman, bipolar I, GAD, asthma, migraine, C-section, IUD. Bulk export.
# ---------------------------------------------------------------------------
def patient3(b):
    PCP = ('9999992105', 'Dr. Harriet611 Obuya-Lenz33')
    PSY = ('9999992216', 'Dr. Anneliese97 Varga208')
    OB = ('9999992327', 'Dr. Corwin480 Delacroix-Imai12')
    NEURO = ('9999992438', 'Dr. Priyanka26 Szabo-Whitlow74')
    CLIN = ('SPRINGFIELD FAMILY MEDICINE', '5d9a2f46-a004-3b3d-9f78-2a3b4c5d6e75')
    HOSP = ('BAYSTATE MEDICAL CENTER', '6eab3057-b115-3c4e-8a89-3b4c5d6e7f86')
    ED_OUT = ('MERCY VALLEY HOSPITAL', '7fbc4168-c226-3d5f-9b9a-4c5d6e7f8097')
    PSYH = ('HOLLIS BEHAVIORAL HEALTH', '80cd5279-d337-3e60-8cab-5d6e7f8091a8')
    b.pat('Brielle318', 'Castellanos702', 'Ms.', 'female', '1991-01-30', 'Springfield', '01108', SINGLE,
          BLACK, HISP, '555-862-1147', '87 Mapleridge Court')
    E = {}

    def amb(date, et='followup', prac=PCP, org=CLIN, reason=None, cls='AMB', **kw):
        e = b.enc(cls, et, date, prac, org, reason=reason, **kw)
        E[date] = e
        return e

    # adolescent vaccines
    for i, d in enumerate(('2008-03-11', '2008-05-13', '2008-09-16')):
        e = amb(d, 'vaccine')
        b.imm(*HPV4, e)
        if i == 0:
            b.imm(*MCV4, e)
    e = amb('2012-05-01', 'problem', reason=sct('195967001', 'Asthma (disorder)'))
    asthma = b.cond('195967001', 'Asthma (disorder)', '2001-05-15', e, icd10=('J45.30', 'Mild persistent asthma, uncomplicated'))
    b.med('2123111', 'NDA020503 200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', e, reason=[asthma], prn=True,
          dosage='2 puffs every 4-6 hours as needed for wheeze or shortness of breath', freq=(6, 1, 'd'), prac=PCP)
    b.allergy('764146007', 'Penicillin V (substance)', 'medication', '2012-05-01', e, crit='low',
              reactions=[('126485001', 'Urticaria (disorder)', 'moderate')])
    b.allergy('762952008', 'Peanut (substance)', 'food', '2012-05-01', e, crit='high',
              reactions=[('39579001', 'Anaphylaxis (disorder)', 'severe')])
    b.fmh('MTH', 'mother', 'female', [('13746004', 'Bipolar disorder (disorder)', 24)], deceased=False, date='2012-05-01')
    b.fmh('FTH', 'father', 'male', [('7200002', 'Alcoholism (disorder)', 30)], deceased=False, date='2012-05-01')
    b.fmh('MAUNT', 'maternal aunt', 'female', [('37796009', 'Migraine (disorder)', 20)], deceased=False, date='2012-05-01')
    # bipolar
    e = amb('2013-10-02', 'consult', prac=PSY, reason=sct('371596008', 'Bipolar I disorder (disorder)'))
    bip = b.cond('371596008', 'Bipolar I disorder (disorder)', '2013-10-02', e, icd10=('F31.9', 'Bipolar disorder, unspecified'))
    lith = b.med('197889', 'Lithium Carbonate 300 MG Oral Capsule', e, status='stopped', authored='2013-10-10', reason=[bip],
                 dosage='300 mg by mouth three times daily', freq=(3, 1, 'd'),
                 status_reason='Lithium toxicity (level 1.3) with tremor and rising creatinine', end='2020-06-15', prac=PSY)
    for d, v in (('2013-11-07', 0.6), ('2014-05-13', 0.8)):
        e = amb(d, 'checkup', prac=PSY)
        b.obs('lithium', v, e)
    e = amb('2015-09-08', 'consult', prac=NEURO, reason=sct('56097005', 'Migraine without aura (disorder)'))
    mig = b.cond('56097005', 'Migraine without aura (disorder)', '2015-09-08', e, icd10=('G43.009', 'Migraine without aura, not intractable, without status migrainosus'))
    b.obs('lithium', 0.9, e)
    b.med('199890', 'Topiramate 50 MG Oral Tablet', e, status='stopped', reason=[mig], dosage='50 mg by mouth twice daily', freq=(2, 1, 'd'),
          status_reason='Pregnancy', end='2018-03-06', prac=NEURO)
    b.med('313154', 'SUMAtriptan 50 MG Oral Tablet', e, reason=[mig], prn=True,
          dosage='50 mg at migraine onset; may repeat once after 2 hours; max 2 doses in 24 hours', freq=None, prac=NEURO)

    wellness = [
        # date, weight, bp, hr, labs
        ('2016-03-01', 63.8, (112, 70), 72, {'lithium': 0.8, 'creat_f': 0.72, 'tsh': 2.1}),
        ('2017-02-28', 64.5, (110, 68), 74, {'lithium': 0.9, 'creat_f': 0.78}),
        ('2018-02-27', 65.2, (108, 66), 76, {'lithium': 0.7, 'creat_f': 0.81, 'tsh': 2.6}),
        ('2019-02-26', 68.0, (114, 72), 74, {'lithium': 1.0, 'creat_f': 0.88, 'hgb_f': 12.4}),
        ('2020-03-10', 64.9, (116, 72), 78, {'lithium': 1.1, 'creat_f': 0.95, 'tsh': 3.4}),
        ('2021-03-09', 70.4, (118, 74), 72, {'creat_f': 0.84, 'a1c': 5.3, 'ldl': 98}),
        ('2022-03-08', 72.1, (120, 76), 70, {'tsh': 2.2}),
        ('2023-03-07', 73.0, (118, 74), 72, {'creat_f': 0.79, 'a1c': 5.6, 'ldl': 121}),
        ('2024-03-05', 71.6, (116, 72), 70, {'tsh': 1.8}),
        ('2025-03-04', 70.8, (114, 70), 68, {'creat_f': 0.77, 'a1c': 5.5, 'ldl': 112}),
    ]
    for (d, w, bp, hr, labs) in wellness:
        e = amb(d, 'wellness')
        b.vitals(e, 165.0, w, bp, hr)
        for k in ('lithium', 'creat_f', 'tsh', 'hgb_f', 'a1c', 'ldl'):
            if k in labs:
                b.obs(k, labs[k], e)
        if d == '2016-03-01':
            b.obs('tobacco', 'Never smoker', e)
            b.med('1000126', '1 ML medroxyPROGESTERone acetate 150 MG/ML Injection', e, status='stopped',
                  reason_code=[('sct', '169553002', 'Contraception (finding)')], dosage='150 mg intramuscularly every 12 weeks', freq=(1, 12, 'wk'),
                  status_reason='Planning pregnancy', end='2017-09-05', prac=PCP)
        if d == '2020-03-10':
            b.cond('26079004', 'Tremor (finding)', d, e, status='resolved', abate='2020-09-15')
    # GAD
    e = amb('2017-04-11', 'consult', prac=PSY, reason=sct('21897009', 'Generalized anxiety disorder (disorder)'))
    gad = b.cond('21897009', 'Generalized anxiety disorder (disorder)', '2017-04-11', e, icd10=('F41.1', 'Generalized anxiety disorder'))
    b.obs('gad7', 15, e)
    lora = b.med('197900', 'LORazepam 0.5 MG Oral Tablet', e, status='stopped', reason=[gad], prn=True,
                 dosage='0.5 mg by mouth twice daily as needed for severe anxiety', freq=(2, 1, 'd'),
                 status_reason='Tapered off; transitioned to buspirone', end='2019-06-18', prac=PSY)
    e = amb('2017-09-05', 'followup')
    # pregnancy
    e = amb('2018-03-06', 'prenatal', prac=OB)
    b.obs('hcg', 'Positive', e)
    preg = b.cond('72892002', 'Normal pregnancy (finding)', '2018-03-06', e, status='resolved', abate='2018-11-20')
    for d in ('2018-06-12', '2018-08-28', '2018-10-30'):
        e = amb(d, 'prenatal', prac=OB)
        if d == '2018-08-28':
            b.imm(*TDAP, e)
        if d == '2018-10-30':
            b.imm(*FLU_QUAD, e)
    ip = b.enc('IMP', 'admit', '2018-11-19', OB, HOSP, end='2018-11-22', hour=18, minute=0,
               reason=sct('6096002', 'Breech presentation (finding)'), admit='mp', disch='home')
    E['2018-11-19'] = ip
    b.proc('11466000', 'Cesarean section (procedure)', ip, when='2018-11-20', minutes=60, reason_code=[('sct', '6096002', 'Breech presentation (finding)')])
    b.obs('hgb_f', 9.8, ip, when='2018-11-21')
    b.med('197806', 'Ibuprofen 600 MG Oral Tablet', ip, status='completed', authored='2018-11-22',
          reason_code=[('sct', '274663001', 'Acute postoperative pain (finding)')], dosage='600 mg by mouth every 6 hours as needed for pain',
          prn=True, freq=(4, 1, 'd'), end='2018-12-06', prac=OB)
    b.note('discharge', ip, """
OBSTETRIC DISCHARGE SUMMARY - Baystate Medical Center
Admitted 2018-11-19 at 39 weeks for scheduled delivery (persistent breech presentation).
Primary low transverse cesarean section 2018-11-20; healthy male infant, 3.4 kg. EBL 800 mL. Post-op hemoglobin 9.8.
Lithium continued through pregnancy with monthly levels; neonatal team aware.
Discharge 2018-11-22: home. Breastfeeding. Ibuprofen for pain. Contraception plan: levonorgestrel IUD at 6-8 weeks postpartum.
""", OB, HOSP, when='2018-11-22')
    # 2019
    e = amb('2019-01-15', 'urgent', reason=sct('10509002', 'Acute bronchitis (disorder)'))
    bron = b.cond('10509002', 'Acute bronchitis (disorder)', '2019-01-15', e, status='resolved', abate='2019-01-29')
    b.med('308460', 'azithromycin 250 MG Oral Tablet', e, status='completed', reason=[bron],
          dosage='500 mg on day 1 then 250 mg daily on days 2-5', end='2019-01-19', prac=PCP)
    e = amb('2019-01-22', 'outproc', prac=OB, reason=sct('169553002', 'Contraception (finding)'))
    iud = b.device('268460000', 'Intrauterine contraceptive device (physical object)', '2018-07-10')
    b.proc('65200003', 'Insertion of intrauterine contraceptive device (procedure)', e, minutes=20, device=iud)
    b.med('807283', 'Mirena 52 MG Intrauterine System', e, reason_code=[('sct', '169553002', 'Contraception (finding)')],
          dosage='1 intrauterine system placed 2019-01-22', freq=None, prac=OB)
    b.note('procedure', e, """
PROCEDURE NOTE - IUD insertion - 2019-01-22 - Dr. Corwin Delacroix-Imai
9 weeks postpartum (cesarean 2018-11-20), breastfeeding. Urine pregnancy test negative.
Mirena (levonorgestrel 52 mg intrauterine system) placed without complication. Uterus sounded to 7.5 cm. Strings trimmed to 3 cm.
Plan: String check in 6 weeks. Device is effective for 8 years: replace or remove by January 2027.
""", OB, CLIN)
    e = amb('2019-01-29', 'followup')
    b.med('896209', '60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler', e, reason=[asthma],
          dosage='1 inhalation twice daily; rinse mouth after use', freq=(2, 1, 'd'), prac=PCP)
    ap = b.goal('Use rescue inhaler no more than 2 days per week', '2019-01-29', addresses=[asthma])
    b.careplan('699728000', 'Asthma self management (procedure)', e, '2019-01-29',
               [('710081004', 'Smoking cessation therapy (procedure)'), ('708409001', 'Home nebulizer therapy (procedure)'),
                ('870387000', 'Asthma action plan (record artifact)')], addresses=[asthma], goals=[ap])
    e = amb('2019-02-19', 'consult', prac=NEURO)
    b.med('856845', 'amitriptyline hydrochloride 10 MG Oral Tablet', e, reason=[mig], dosage='10 mg by mouth at bedtime', prac=NEURO)
    b.note('consult', e, """
NEUROLOGY CONSULT - 2019-02-19 - Dr. Priyanka Szabo-Whitlow
Migraine without aura, now 4-6 headache days per month since delivery. Topiramate was stopped in March 2018 when she became pregnant.
Currently breastfeeding; Mirena in place.
Recommendations: Start amitriptyline 10 mg nightly for prevention (low dose, compatible with breastfeeding). Continue sumatriptan 50 mg at onset, no more than 2 doses per 24 hours and no more than 9 days per month. Keep a headache diary. Avoid valproate.
""", NEURO, CLIN)
    e = amb('2019-06-18', 'tele', cls='VR', prac=PSY, reason=sct('21897009', 'Generalized anxiety disorder (disorder)'))
    b.obs('gad7', 11, e)
    b.med('104894', 'busPIRone Hydrochloride 10 MG Oral Tablet', e, reason=[gad], dosage='10 mg by mouth twice daily', freq=(2, 1, 'd'), prac=PSY)
    # 2020 mania: outside ED -> psychiatric hospital
    er = b.enc('EMER', 'er', '2020-06-13', ('9999992549', 'Dr. Mattias52 Orenstein-Bey6'), ED_OUT, hour=2, minute=30, minutes=600,
               reason=sct('371596008', 'Bipolar I disorder (disorder)'), disch='psy')
    E['2020-06-13er'] = er
    b.obs('lithium', 1.3, er)
    b.obs('creat_f', 1.12, er)
    b.obs('hcg', 'Negative', er)
    b.med('314220', 'OLANZapine 10 MG Disintegrating Oral Tablet', er, status='completed', reason=[bip],
          dosage='10 mg by mouth once for acute agitation', freq=None, end='2020-06-13', prac=('9999992549', 'Dr. Mattias52 Orenstein-Bey6'))
    ip = b.enc('IMP', 'psyadmit', '2020-06-13', PSY, PSYH, end='2020-06-20', hour=14, minute=10,
               reason=sct('371596008', 'Bipolar I disorder (disorder)'), admit='hosp-trx', disch='home')
    E['2020-06-13'] = ip
    b.med('312743', 'quetiapine 100 MG Oral Tablet [Seroquel]', ip, authored='2020-06-15', reason=[bip], dosage='100 mg by mouth at bedtime', prac=PSY)
    b.med('311265', 'lamoTRIgine 100 MG Oral Tablet', ip, authored='2020-06-15', reason=[bip],
          dosage='25 mg daily for 2 weeks, 50 mg daily for 2 weeks, then 100 mg daily', prac=PSY)
    b.note('discharge', ip, """
PSYCHIATRIC DISCHARGE SUMMARY - Hollis Behavioral Health - Dr. Anneliese Varga
Admission 2020-06-13: transferred from Mercy Valley Hospital emergency department, where her mother brought her after 5 nights without sleep, pressured speech and spending sprees. Received olanzapine 10 mg ODT in the ED.
Diagnosis: Bipolar I disorder, current episode manic, severe, without psychotic features.
Lithium level 1.3 with coarse tremor; creatinine 1.12 (0.72 in 2016). Lithium discontinued on 2020-06-15.
Started quetiapine 100 mg at bedtime and lamotrigine titration (25 mg -> 100 mg over 4 weeks; counselled on rash).
Safety plan completed. No suicidal ideation at discharge.
Discharged 2020-06-20: home with her mother. Follow-up with Dr. Varga (outpatient psychiatry) within 7 days; weekly therapy.
""", PSY, PSYH, when='2020-06-20')
    ppl = b.careplan('736351002', 'Psychiatry care plan (record artifact)', ip, '2020-06-20',
                     [('228557008', 'Cognitive and behavioral therapy (regime/therapy)'), ('225337009', 'Suicide risk assessment (procedure)')],
                     addresses=[bip])
    vr_dates = ['2020-06-27', '2020-09-15', '2021-01-12', '2021-06-08', '2022-01-11', '2022-09-13', '2023-06-13', '2024-01-16', '2024-10-22', '2025-04-08']
    gad_scores = {'2021-06-08': 8, '2023-06-13': 6, '2025-04-08': 4}
    for d in vr_dates:
        e = amb(d, 'tele', cls='VR', prac=PSY, reason=sct('371596008', 'Bipolar I disorder (disorder)'))
        if d in gad_scores:
            b.obs('gad7', gad_scores[d], e)
    e = amb('2020-07-14', 'followup', prac=PSY)
    # UTI
    e = amb('2021-08-17', 'urgent', reason=sct('38822007', 'Cystitis (disorder)'))
    cys = b.cond('38822007', 'Cystitis (disorder)', '2021-08-17', e, status='resolved', abate='2021-08-24')
    b.med('198335', 'sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet', e, status='completed', reason=[cys],
          dosage='1 tablet by mouth twice daily for 3 days', freq=(2, 1, 'd'), end='2021-08-20', prac=PCP)
    # asthma exacerbation ED
    er = b.enc('EMER', 'er', '2023-11-04', PCP, HOSP, hour=21, minute=5, minutes=170,
               reason=sct('195967001', 'Asthma (disorder)'), disch='home')
    E['2023-11-04'] = er
    b.obs('spo2', 93, er)
    b.med('312615', 'predniSONE 20 MG Oral Tablet', er, status='completed', reason=[asthma],
          dosage='40 mg (2 tablets) by mouth once daily for 5 days', end='2023-11-09', prac=PCP)
    b.note('ed', er, """
ED NOTE - Baystate Medical Center - 2023-11-04
Wheezing and chest tightness for 2 days after a viral cold. Using albuterol every 2 hours. SpO2 93% on room air, peak flow 55% of personal best.
Treated with albuterol-ipratropium nebulizers x3 and oral prednisone; peak flow improved to 80%.
Disposition: home. Prednisone 40 mg daily x 5 days. Continue fluticasone/salmeterol twice daily. PCP follow-up within 1 week.
""", PCP, HOSP)
    # flu + covid
    for d in ('2016-10-18', '2019-10-15', '2020-10-20', '2021-10-19', '2023-10-17', '2024-10-15'):
        e = amb(d, 'vaccine')
        b.imm(*FLU_QUAD, e)
    for d in ('2021-04-20', '2021-05-11'):
        e = amb(d, 'vaccine')
        b.imm(*COVID_PF, e)
    b.note('progress', E['2025-04-08'], """
PSYCHIATRY VIDEO VISIT - 2025-04-08 - Dr. Anneliese Varga
Bipolar I disorder: euthymic for about 18 months. Sleeping 7 hours. No manic or depressive symptoms. GAD-7 today 4.
Social history: Works as a barista and is in an evening pastry program. Lives with her partner and their 6-year-old son. Uses cannabis 2-3 evenings per week to help sleep. No alcohol. Never smoked tobacco.
Medications: quetiapine 100 mg at bedtime, lamotrigine 100 mg daily, buspirone 10 mg twice daily.
Plan: Continue current medications. Discussed reducing cannabis use (may destabilize mood). Continue biweekly therapy. Next visit in 3 months; metabolic labs (A1c, lipids) done in March.
""", PSY, CLIN)
    return '2025-04-22'


# ---------------------------------------------------------------------------
# Patient 4: 64 y man, colon cancer s/p hemicolectomy + FOLFOX, hep C cured, GI bleed, DVT. Bulk export.
# ---------------------------------------------------------------------------
def patient4(b):
    PCP = ('9999993102', 'Dr. Winifred744 Castellane-Roe58')
    ONC = ('9999993213', 'Dr. Bartholomew13 Nakashima-Ruiz407')
    SURG = ('9999993324', 'Dr. Ottoline65 Fairweather209')
    GI = ('9999993435', 'Dr. Kwabena19 Lindahl-Moreau3')
    HEP = ('9999993546', 'Dr. Sunniva270 Abernathy-Oyelaran')
    CLIN = ('FALL RIVER PRIMARY CARE', '91de638a-e448-3f71-9dbc-6e7f8091a2b9')
    HOSP = ('CHARLTON MEMORIAL HOSPITAL', 'a2ef749b-f559-3a82-8ecd-7f8091a2b3ca')
    CANC = ('SOUTHCOAST CANCER CENTER', 'b3f085ac-a66a-3b93-9fde-8091a2b3c4db')
    b.pat('Horace553', 'Lindqvist317', 'Mr.', 'male', '1960-05-03', 'Fall River', '02720', ('D', 'Divorced'),
          WHITE, NONHISP, '555-427-9035', '1310 Highland Ave')
    E = {}

    def amb(date, et='followup', prac=PCP, org=CLIN, reason=None, cls='AMB', **kw):
        e = b.enc(cls, et, date, prac, org, reason=reason, **kw)
        E[date] = e
        return e

    e = amb('2012-09-18', 'problem', reason=sct('278860009', 'Chronic low back pain (finding)'))
    lbp = b.cond('278860009', 'Chronic low back pain (finding)', '2012-09-18', e, icd10=('M54.50', 'Low back pain, unspecified'))
    alc = b.cond('15167005', 'Alcohol abuse (disorder)', '2005-03-01', e, status='inactive', abate='2012-07-01',
                 icd10=('F10.11', 'Alcohol abuse, in remission'))
    b.allergy('293637006', 'Iodinated contrast media (substance)', 'medication', '2012-09-18', e, crit='high',
              reactions=[('126485001', 'Urticaria (disorder)', 'moderate'), ('267036007', 'Dyspnea (finding)', 'moderate')])
    e = amb('2014-06-03', 'problem', reason=sct('235595009', 'Gastroesophageal reflux disease (disorder)'))
    gerd = b.cond('235595009', 'Gastroesophageal reflux disease (disorder)', '2014-06-03', e, icd10=('K21.9', 'Gastro-esophageal reflux disease without esophagitis'))
    b.med('198053', 'Omeprazole 20 MG Delayed Release Oral Capsule', e, status='stopped', reason=[gerd],
          dosage='20 mg by mouth once daily before breakfast', status_reason='Persistent heartburn; changed to pantoprazole', end='2019-06-04', prac=PCP)
    # hep C
    e = amb('2016-02-10', 'problem', reason=sct('128302006', 'Chronic hepatitis C (disorder)'))
    hcv = b.cond('128302006', 'Chronic hepatitis C (disorder)', '2016-02-10', e, status='resolved', abate='2016-09-20',
                 icd10=('B18.2', 'Chronic viral hepatitis C'))
    b.obs('hcv', 1250000, e)
    b.obs('alt', 88, e)
    e = amb('2016-03-01', 'consult', prac=HEP)
    b.med('1940261', 'sofosbuvir 400 MG / velpatasvir 100 MG Oral Tablet [Epclusa]', e, status='completed', reason=[hcv],
          dosage='1 tablet by mouth once daily for 12 weeks', end='2016-05-24', prac=HEP)
    b.imm(*HEPA, e)
    b.imm(*HEPB, e)
    e = amb('2016-04-05', 'vaccine')
    b.imm(*HEPB, e)
    e = amb('2016-09-20', 'followup', prac=HEP)
    b.obs('hcv', 'Not detected', e)
    b.obs('alt', 24, e)
    b.imm(*HEPA, e)
    b.imm(*HEPB, e)

    wellness = [
        ('2016-06-07', 88.4, (132, 82), 70, {'hgb_m': 15.1, 'creat_m': 0.9}),
        ('2017-06-06', 89.0, (130, 80), 72, {'creat_m': 0.9}),
        ('2018-06-05', 90.2, (134, 84), 70, {'creat_m': 1.0}),
        ('2019-06-04', 91.5, (128, 80), 68, {'hgb_m': 14.6, 'creat_m': 1.0}),
        ('2020-06-09', 90.8, (130, 82), 70, {'psa': 3.5, 'creat_m': 0.9}),
        ('2022-06-07', 80.6, (122, 76), 74, {'psa': 3.9, 'hgb_m': 12.9, 'cea': 2.0, 'ferritin': 64, 'creat_m': 0.9}),
        ('2023-06-13', 82.1, (124, 78), 72, {'psa': 4.4, 'hgb_m': 10.4, 'cea': 1.8, 'creat_m': 1.0}),
        ('2024-06-11', 83.9, (126, 78), 70, {'psa': 4.8, 'hgb_m': 13.1, 'cea': 2.6, 'creat_m': 1.0}),
    ]
    for (d, w, bp, hr, labs) in wellness:
        e = amb(d, 'wellness')
        b.vitals(e, 180.0, w, bp, hr)
        for k in ('hgb_m', 'psa', 'cea', 'ferritin', 'creat_m'):
            if k in labs:
                b.obs(k, labs[k], e)
        if d == '2016-06-07':
            b.obs('tobacco', 'Former smoker', e)
            b.fmh('FTH', 'father', 'male', [('363406005', 'Malignant neoplasm of colon (disorder)', 60, True)], deceased=True, date=d)
            b.fmh('MTH', 'mother', 'female', [('59621000', 'Essential hypertension (disorder)', 55)], deceased=False, date=d)
        if d == '2019-06-04':
            b.imm(*TDAP, e)
            b.med('314200', 'pantoprazole 40 MG Delayed Release Oral Tablet', e, reason=[gerd], dosage='40 mg by mouth once daily before breakfast', prac=PCP)
        if d == '2022-06-07':
            b.imm(*SHINGRIX, e)
        if d == '2023-06-13':
            b.med('835603', 'tramadol hydrochloride 50 MG Oral Tablet', e, reason=[lbp], prn=True,
                  dosage='50 mg by mouth every 6 hours as needed for back pain; max 4 tablets per day', freq=(4, 1, 'd'), prac=PCP)
    e = amb('2020-02-11', 'symptom', reason=sct('278860009', 'Chronic low back pain (finding)'))
    ibu = b.med('197805', 'Ibuprofen 400 MG Oral Tablet', e, status='stopped', reason=[lbp], prn=True,
                dosage='400 mg by mouth three times daily as needed with food', freq=(3, 1, 'd'),
                status_reason='Upper GI bleed from duodenal ulcer - NSAIDs contraindicated', end='2023-05-02', prac=PCP)
    e = amb('2019-09-10', 'consult', prac=('9999993657', 'Dr. Leopold31 Varga-Nkemelu'), reason=sct('266569009', 'Benign prostatic hyperplasia (disorder)'))
    bph = b.cond('266569009', 'Benign prostatic hyperplasia (disorder)', '2019-09-10', e, icd10=('N40.1', 'Benign prostatic hyperplasia with lower urinary tract symptoms'))
    b.obs('psa', 3.2, e)
    b.med('310346', 'finasteride 5 MG Oral Tablet', e, reason=[bph], dosage='5 mg by mouth once daily', prac=('9999993657', 'Dr. Leopold31 Varga-Nkemelu'))
    # colon cancer
    e = amb('2021-04-06', 'outproc', prac=GI, org=HOSP, reason=sct('271737000', 'Anemia (disorder)'))
    b.proc('73761001', 'Colonoscopy (procedure)', e, minutes=40)
    b.proc('76164006', 'Biopsy of colon (procedure)', e, minutes=10)
    crc = b.cond('363406005', 'Malignant neoplasm of colon (disorder)', '2021-04-06', e, status='remission',
                 icd10=('C18.2', 'Malignant neoplasm of ascending colon'))
    ida = b.cond('87522002', 'Iron deficiency anemia (disorder)', '2021-04-06', e, status='resolved', abate='2022-06-07',
                 icd10=('D50.0', 'Iron deficiency anemia secondary to blood loss (chronic)'))
    b.obs('hgb_m', 9.6, e)
    b.obs('ferritin', 8, e)
    b.obs('cea', 12.4, e)
    b.med('310325', 'ferrous sulfate 325 MG Oral Tablet', e, status='completed', reason=[ida], dosage='325 mg by mouth once daily with orange juice',
          end='2022-06-07', prac=GI)
    e = amb('2021-04-13', 'consult', prac=SURG, org=HOSP)
    b.proc('418714002', 'Computed tomography of chest, abdomen and pelvis without contrast (procedure)', e, reason=[crc])
    ip = b.enc('IMP', 'admit', '2021-04-22', SURG, HOSP, end='2021-04-27', hour=6, minute=0,
               reason=sct('363406005', 'Malignant neoplasm of colon (disorder)'), admit='mp', disch='home')
    E['2021-04-22'] = ip
    b.proc('359571009', 'Right hemicolectomy (procedure)', ip, when='2021-04-23', minutes=180, reason=[crc])
    b.med('1049640', 'Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet [Percocet]', ip, status='completed', authored='2021-04-27',
          reason_code=[('sct', '274663001', 'Acute postoperative pain (finding)')], prn=True,
          dosage='1-2 tablets by mouth every 6 hours as needed for pain', freq=(4, 1, 'd'), end='2021-05-04', prac=SURG)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - General Surgery - Charlton Memorial Hospital
Admitted 2021-04-22 (elective, referred by Dr. Lindahl-Moreau, GI) for adenocarcinoma of the ascending colon found on colonoscopy 2021-04-06.
Procedure 2021-04-23: laparoscopic right hemicolectomy. Pathology: pT3 N1b (3/22 nodes), margins negative - stage IIIB.
Course: uncomplicated; diet advanced, ambulating.
Discharged 2021-04-27 home with VNA home health for wound care. Percocet as needed. Medical oncology referral for adjuvant chemotherapy.
""", SURG, HOSP, when='2021-04-27')
    for d in ('2021-04-29', '2021-05-06'):
        amb(d, 'home', cls='HH', org=('VNA OF SOUTHEASTERN MASSACHUSETTS', 'c4a196bd-b77a-3ca4-8aef-91a2b3c4d5ec'))
    e = amb('2021-05-11', 'consult', prac=ONC, org=CANC)
    b.obs('cea', 3.1, e)
    b.imm(*PCV20, e)
    b.note('consult', e, """
MEDICAL ONCOLOGY CONSULTATION - 2021-05-11 - Dr. Bartholomew Nakashima-Ruiz
Stage IIIB (pT3 N1b M0) adenocarcinoma of the ascending colon, s/p right hemicolectomy 2021-04-23. CEA 12.4 pre-op, 3.1 today.
Recommendation: Adjuvant FOLFOX (oxaliplatin, leucovorin, 5-fluorouracil) every 2 weeks for 12 cycles (6 months). Port placement before cycle 1.
Pneumococcal vaccine given today before chemotherapy. Father had colon cancer at 60: genetics referral (MMR proficient on pathology).
Contrast allergy: staging and surveillance CTs without IV contrast or with premedication.
""", ONC, CANC)
    e = amb('2021-05-25', 'outproc', prac=SURG, org=HOSP, reason=sct('363406005', 'Malignant neoplasm of colon (disorder)'))
    port = b.device('706689003', 'Totally implantable venous access device (physical object)', '2020-11-02', status='inactive')
    b.proc('233527006', 'Insertion of totally implantable venous access device (procedure)', e, minutes=45, reason=[crc], device=port)
    chemo_dates = ['2021-06-01', '2021-06-15', '2021-06-29', '2021-07-13', '2021-07-27', '2021-08-10', '2021-08-24', '2021-09-07',
                   '2021-09-28', '2021-10-12', '2021-10-26', '2021-11-09']
    for i, d in enumerate(chemo_dates):
        e = amb(d, 'problem', prac=ONC, org=CANC, reason=sct('363406005', 'Malignant neoplasm of colon (disorder)'))
        b.proc('367336001', 'Chemotherapy (procedure)', e, minutes=240, reason=[crc])
        if i == 0:
            b.obs('hgb_m', 10.8, e)
            oxa = b.med('1736854', 'oxaliplatin 5 MG/ML Injectable Solution', e, status='stopped', reason=[crc],
                        dosage='85 mg/m2 IV over 2 hours on day 1 of each 14-day cycle', freq=(1, 14, 'd'),
                        status_reason='Grade 2 peripheral sensory neuropathy', end='2021-10-12', prac=ONC)
            b.med('1803932', 'leucovorin calcium 10 MG/ML Injectable Solution', e, status='completed', reason=[crc],
                  dosage='400 mg/m2 IV on day 1 of each 14-day cycle', freq=(1, 14, 'd'), end='2021-11-09', prac=ONC)
            b.med('1732186', 'fluorouracil 50 MG/ML Injectable Solution', e, status='completed', reason=[crc],
                  dosage='400 mg/m2 IV bolus then 2400 mg/m2 continuous infusion over 46 hours every 14 days', freq=(1, 14, 'd'), end='2021-11-11', prac=ONC)
            b.med('312087', 'ondansetron 8 MG Oral Tablet', e, status='completed', reason_code=[('sct', '422587007', 'Nausea (finding)')], prn=True,
                  dosage='8 mg by mouth every 8 hours as needed for nausea', freq=(3, 1, 'd'), end='2021-11-16', prac=ONC)
            b.med('197582', 'dexamethasone 4 MG Oral Tablet', e, status='completed', reason_code=[('sct', '422587007', 'Nausea (finding)')],
                  dosage='8 mg by mouth on days 2-3 of each cycle', freq=None, end='2021-11-11', prac=ONC)
        if d == '2021-09-28':
            b.med('727536', '0.6 ML pegfilgrastim 10 MG/ML Prefilled Syringe [Neulasta]', e, status='completed', reason=[crc],
                  dosage='6 mg subcutaneously once per cycle, 24 hours after chemotherapy', freq=(1, 14, 'd'), end='2021-11-11', prac=ONC)
        if d == '2021-10-12':
            neu = b.cond('42345000', 'Polyneuropathy due to drug (disorder)', d, e, icd10=('G62.0', 'Drug-induced polyneuropathy'))
            b.med('310431', 'gabapentin 300 MG Oral Capsule', e, reason=[neu], dosage='300 mg by mouth three times daily', freq=(3, 1, 'd'), prac=ONC)
            b.note('progress', e, """
ONCOLOGY PROGRESS NOTE - cycle 10 - 2021-10-12
Numbness and tingling in both hands and feet persisting between cycles, difficulty with buttons: grade 2 peripheral sensory neuropathy.
Plan: Discontinue oxaliplatin (received 9 cycles). Continue 5-FU/leucovorin for cycles 10-12. Start gabapentin 300 mg three times daily.
Pegfilgrastim continues after each cycle since the neutropenic fever admission in September.
""", ONC, CANC)
    er = b.enc('EMER', 'er', '2021-09-14', PCP, HOSP, hour=22, minute=40, minutes=60, reason=sct('409089005', 'Febrile neutropenia (disorder)'))
    E['2021-09-14er'] = er
    b.obs('temp', 38.9, er)
    b.obs('anc', 0.4, er)
    b.obs('hgb_m', 9.1, er)
    ip = b.enc('IMP', 'emadmit', '2021-09-14', ONC, HOSP, end='2021-09-18', hour=23, minute=45,
               reason=sct('409089005', 'Febrile neutropenia (disorder)'), admit='emd', disch='home')
    E['2021-09-14'] = ip
    fn = b.cond('409089005', 'Febrile neutropenia (disorder)', '2021-09-14', ip, status='resolved', abate='2021-09-18',
                icd10=('D70.1', 'Agranulocytosis secondary to cancer chemotherapy'))
    b.med('1665005', 'cefepime 2000 MG Injection', ip, status='completed', reason=[fn],
          dosage='2 g IV every 8 hours', freq=(3, 1, 'd'), end='2021-09-18', prac=ONC)
    for d in ('2021-03-16', '2021-04-08', '2021-12-07'):
        e = amb(d, 'vaccine')
        b.imm(*COVID_PF, e)
    b.obs('cea', 2.2, E['2021-12-07'])
    b.proc('418714002', 'Computed tomography of chest, abdomen and pelvis without contrast (procedure)', E['2021-12-07'], reason=[crc])
    # DVT
    er = b.enc('EMER', 'er', '2022-01-08', PCP, HOSP, hour=11, minute=30, minutes=240,
               reason=sct('404223003', 'Deep venous thrombosis of lower extremity (disorder)'), disch='home')
    E['2022-01-08'] = er
    dvt = b.cond('404223003', 'Deep venous thrombosis of lower extremity (disorder)', '2022-01-08', er, status='resolved', abate='2022-07-08',
                 icd10=('I82.412', 'Acute embolism and thrombosis of left femoral vein'), body=('32153003', 'Left lower limb'))
    b.proc('709988009', 'Ultrasonography of vein of lower limb (procedure)', er, reason=[dvt])
    b.med('1114198', 'rivaroxaban 20 MG Oral Tablet [Xarelto]', er, status='completed', reason=[dvt],
          dosage='15 mg twice daily with food for 21 days, then 20 mg once daily; planned 6 months', end='2022-07-08', prac=PCP)
    e = amb('2022-04-19', 'outproc', prac=GI, org=HOSP, reason=sct('363406005', 'Malignant neoplasm of colon (disorder)'))
    b.proc('73761001', 'Colonoscopy (procedure)', e, minutes=35, reason=[crc])
    e = amb('2022-06-14', 'outproc', prac=SURG, org=HOSP)
    b.proc('303799007', 'Removal of totally implantable venous access device (procedure)', e, minutes=30, device=port, action='Removal')
    e = amb('2022-06-21', 'followup', prac=ONC, org=CANC)
    b.proc('418714002', 'Computed tomography of chest, abdomen and pelvis without contrast (procedure)', e, reason=[crc])
    # 2023 GI bleed transferred in
    ip = b.enc('IMP', 'admit', '2023-05-02', GI, HOSP, end='2023-05-05', hour=4, minute=50,
               reason=sct('74474003', 'Gastrointestinal hemorrhage (disorder)'), admit='hosp-trx', disch='home')
    E['2023-05-02'] = ip
    ulc = b.cond('37442009', 'Duodenal ulcer with hemorrhage (disorder)', '2023-05-02', ip, status='resolved', abate='2023-07-11',
                 icd10=('K26.4', 'Chronic or unspecified duodenal ulcer with hemorrhage'))
    b.obs('hgb_m', 7.2, ip)
    b.proc('180208003', 'Transfusion of packed red blood cells (procedure)', ip, when='2023-05-02', minutes=180, reason=[ulc])
    b.proc('386831001', 'Esophagogastroduodenoscopy (procedure)', ip, when='2023-05-03', minutes=40, reason=[ulc])
    b.obs('hgb_m', 8.9, ip, when='2023-05-04')
    b.allergy('372665008', 'Nonsteroidal anti-inflammatory agent (substance)', 'medication', '2023-05-05', ip, atype='intolerance', crit='high',
              reactions=[('74474003', 'Gastrointestinal hemorrhage (disorder)', 'severe')])
    b.med('314200', 'pantoprazole 40 MG Delayed Release Oral Tablet', ip, status='completed', authored='2023-05-05', reason=[ulc],
          dosage='40 mg by mouth twice daily for 8 weeks, then resume once daily', freq=(2, 1, 'd'), end='2023-06-30', prac=GI)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Gastroenterology - Charlton Memorial Hospital
Admitted 2023-05-02: transferred from Cape Community Hospital emergency department with melena and hemoglobin 7.2.
Had been taking ibuprofen 400 mg three times daily for back pain.
Transfused 2 units packed red blood cells. EGD 2023-05-03: 1.5 cm duodenal ulcer with visible vessel, treated with epinephrine injection and 2 clips. H. pylori biopsy negative.
Cause: NSAID-induced duodenal ulcer. Ibuprofen stopped; NSAIDs to be avoided lifelong (added to allergy/intolerance list).
Discharged home 2023-05-05, hemoglobin 8.9. Pantoprazole 40 mg twice daily for 8 weeks, then once daily.
""", GI, HOSP, when='2023-05-05')
    e = amb('2023-06-20', 'followup', prac=ONC, org=CANC)
    b.proc('418714002', 'Computed tomography of chest, abdomen and pelvis without contrast (procedure)', e, reason=[crc])
    e = amb('2024-06-18', 'outproc', prac=ONC, org=CANC)
    b.proc('418714002', 'Computed tomography of chest, abdomen and pelvis without contrast (procedure)', e, reason=[crc])
    e = amb('2024-06-25', 'tele', cls='VR', prac=ONC, org=CANC, reason=sct('363406005', 'Malignant neoplasm of colon (disorder)'))
    b.note('progress', e, """
ONCOLOGY VIDEO FOLLOW-UP - 2024-06-25 - Dr. Bartholomew Nakashima-Ruiz
Three years from completion of adjuvant FOLFOX. No evidence of disease on non-contrast CT chest/abdomen/pelvis 2024-06-18.
CEA 2.6 on 2024-06-11 (1.8 in 2023) - still within normal limits but rising.
Residual mild neuropathy in feet on gabapentin.
Social history: Retired long-haul truck driver. Lives alone with his dog. Sober since 2012 (attends AA). Former smoker, quit 2005.
Code status: Full code.
Plan: Repeat CEA and non-contrast CT in 3 months rather than 6. Surveillance colonoscopy due April 2025. PSA 4.8 - message sent to urology.
""", ONC, CANC)
    for d in ('2016-10-11', '2017-10-10', '2018-10-16', '2019-10-15', '2020-10-13', '2021-10-19', '2022-10-11', '2023-10-10'):
        e = amb(d, 'vaccine')
        b.imm(*FLU_QUAD, e)
    e = amb('2022-08-16', 'vaccine')
    b.imm(*SHINGRIX, e)
    return '2024-08-30'


# ---------------------------------------------------------------------------
# Patient 5: woman, 82 at death. COPD, osteoporosis/hip fracture, pacemaker, Alzheimer's. Deceased. Bundle.
# ---------------------------------------------------------------------------
def patient5(b):
    PCP = ('9999994109', 'Dr. Gideon88 Halvorsen-Pike20')
    CARD = ('9999994210', 'Dr. Mireille47 Osei-Thornton5')
    NEURO = ('9999994321', 'Dr. Ambrose16 Kaczmarek-Liu92')
    ORTHO = ('9999994432', 'Dr. Valentina64 Brightwater301')
    HOSPI = ('9999994543', 'Dr. Cosmo75 Adeyemi-Strand')
    CLIN = ('BERKSHIRE INTERNAL MEDICINE', 'd5b2a7ce-c88b-3db5-9bf0-a2b3c4d5e6fd')
    HOSP = ('BERKSHIRE MEDICAL CENTER', 'e6c3b8df-d99c-3ec6-8c01-b3c4d5e6f70e')
    HHA = ('BERKSHIRE VNA HOME CARE', 'f7d4c9e0-eaad-3fd7-9d12-c4d5e6f7081f')
    b.pat('Eudora238', 'Halloran915', 'Mrs.', 'female', '1941-09-17', 'Pittsfield', '01201', WIDOWED,
          WHITE, NONHISP, '555-443-7781', '9 Onota Street', deceased='2024-01-27T06:12:00-05:00')
    E = {}

    def amb(date, et='followup', prac=PCP, org=CLIN, reason=None, cls='AMB', **kw):
        e = b.enc(cls, et, date, prac, org, reason=reason, **kw)
        E[date] = e
        return e

    EXPIRED = 'Patient expired'
    DEATH = '2024-01-27'

    e = amb('1998-04-14', 'problem', reason=sct('59621000', 'Essential hypertension (disorder)'))
    htn = b.cond('59621000', 'Essential hypertension (disorder)', '1998-04-14', e, icd10=('I10', 'Essential (primary) hypertension'))
    hctz = b.med('199903', 'hydroCHLOROthiazide 12.5 MG Oral Capsule', e, status='stopped', reason=[htn], dosage='12.5 mg by mouth every morning',
                 status_reason='Hyponatremia (sodium 124)', end='2021-06-10', prac=PCP)
    er = b.enc('EMER', 'er', '2005-03-15', PCP, HOSP, hour=19, minute=30, minutes=300, reason=sct('41291007', 'Angioedema (disorder)'), disch='home')
    E['2005-03-15'] = er
    b.allergy('386873009', 'Lisinopril (substance)', 'medication', '2005-03-15', er, crit='high',
              reactions=[('41291007', 'Angioedema (disorder)', 'severe')])
    e = amb('2006-10-10', 'vaccine')
    b.imm(*PPSV23, e)
    e = amb('2008-11-04', 'problem', reason=sct('13645005', 'Chronic obstructive lung disease (disorder)'))
    copd = b.cond('13645005', 'Chronic obstructive lung disease (disorder)', '2008-11-04', e, icd10=('J44.9', 'Chronic obstructive pulmonary disease, unspecified'))
    b.proc('127783003', 'Spirometry (procedure)', e, reason=[copd])
    b.obs('fev1fvc', 62, e)
    b.med('485032', 'tiotropium bromide 18 MCG Inhalation Capsule [Spiriva]', e, status='stopped', reason=[copd],
          dosage='Inhale contents of 1 capsule once daily via HandiHaler', status_reason=EXPIRED, end=DEATH, prac=PCP)
    b.med('245314', 'albuterol 0.83 MG/ML Inhalation Solution', e, status='stopped', reason=[copd], prn=True,
          dosage='2.5 mg via nebulizer every 4 hours as needed for shortness of breath', freq=(6, 1, 'd'), status_reason=EXPIRED, end=DEATH, prac=PCP)
    e = amb('2010-10-12', 'vaccine')
    b.imm(*ZOSTAVAX, e)
    e = amb('2012-05-08', 'problem', reason=sct('64859006', 'Osteoporosis (disorder)'))
    osteo = b.cond('64859006', 'Osteoporosis (disorder)', '2012-05-08', e, icd10=('M81.0', 'Age-related osteoporosis without current pathological fracture'))
    b.proc('312681000', 'Bone density scan (procedure)', e, reason=[osteo])
    b.obs('vitd', 18, e)
    b.med('904419', 'alendronic acid 70 MG Oral Tablet', e, status='stopped', reason=[osteo],
          dosage='70 mg by mouth once weekly, upright with full glass of water, 30 minutes before food', freq=(1, 1, 'wk'),
          status_reason='Completed 5-year course - drug holiday', end='2017-05-09', prac=PCP)
    b.med('318076', 'calcium carbonate 1250 MG / cholecalciferol 200 UNT Oral Tablet', e, status='stopped', reason=[osteo],
          dosage='1 tablet by mouth twice daily with meals', freq=(2, 1, 'd'), status_reason=EXPIRED, end=DEATH, prac=PCP)
    e = amb('2014-10-14', 'vaccine')
    b.imm(*TD, e)
    wellness = [
        ('2015-10-13', 64.1, (146, 82), 72, {'na': 138}),
        ('2016-10-11', 63.5, (150, 84), 74, {}),
        ('2017-10-10', 62.8, (144, 80), 70, {'na': 136}),
        ('2018-10-09', 61.9, (138, 78), 70, {}),
        ('2019-10-08', 58.7, (132, 76), 70, {'na': 137}),
        ('2020-10-13', 57.9, (140, 78), 70, {'na': 134}),
        ('2021-10-12', 56.4, (128, 72), 70, {'hgb_f': 11.9}),
        ('2022-10-11', 54.8, (124, 70), 70, {'na': 138}),
        ('2023-10-10', 52.6, (118, 66), 70, {'na': 137, 'hgb_f': 11.8, 'spo2': 93}),
    ]
    for (d, w, bp, hr, labs) in wellness:
        e = amb(d, 'wellness')
        b.vitals(e, 157.0, w, bp, hr)
        for k in ('na', 'hgb_f', 'spo2'):
            if k in labs:
                b.obs(k, labs[k], e)
        b.imm(*FLU_HD, e)
        if d == '2015-10-13':
            b.imm(*PCV13, e)
            b.obs('tobacco', 'Former smoker', e)
            b.fmh('SIS', 'sister', 'female', [('26929004', "Alzheimer's disease (disorder)", 74)], deceased=True, date=d)
            b.fmh('MTH', 'mother', 'female', [('64859006', 'Osteoporosis (disorder)', 70)], deceased=True, date=d)
            b.fmh('FTH', 'father', 'male', [('230690007', 'Cerebrovascular accident (disorder)', 68, True)], deceased=True, date=d)
        if d == '2018-10-09':
            b.imm(*SHINGRIX, e)
            b.proc('127783003', 'Spirometry (procedure)', e, reason=[copd])
            b.obs('fev1fvc', 55, e)
        if d == '2022-10-11':
            b.imm(*COVID_BIV, e)
        if d == '2023-10-10':
            b.note('progress', e, """
ANNUAL VISIT - 2023-10-10 - Dr. Gideon Halvorsen-Pike (accompanied by daughter Ines)
82 y/o woman with Alzheimer's dementia (moderate), COPD on home oxygen 2 L/min, sick sinus syndrome s/p pacemaker, osteoporosis s/p left hip hemiarthroplasty, depression.
Code status: DNR/DNI - MOLST signed 2022-03-01 with daughter (health care proxy) present. Reviewed and unchanged today.
Social history: Widowed. Lives with her daughter Ines and son-in-law. Former smoker, about 30 pack-years, quit 1995. No alcohol. Walks with a rolling walker; needs help with bathing.
Weight 52.6 kg, down 2 kg this year. SpO2 93% on 2 L.
Plan: Continue donepezil, memantine, escitalopram, Spiriva, Prolia. High-dose flu vaccine given. Home health nursing to continue. Discussed hospice eligibility; family not ready.
""", PCP, CLIN)
    e = amb('2016-08-16', 'symptom', reason=sct('4740000', 'Herpes zoster (disorder)'))
    hz = b.cond('4740000', 'Herpes zoster (disorder)', '2016-08-16', e, status='resolved', abate='2016-09-13', icd10=('B02.9', 'Zoster without complications'))
    b.med('313812', 'valACYclovir 1 GM Oral Tablet', e, status='completed', reason=[hz], dosage='1 g by mouth three times daily for 7 days',
          freq=(3, 1, 'd'), end='2016-08-23', prac=PCP)
    # syncope -> pacemaker
    er = b.enc('EMER', 'er', '2017-08-20', PCP, HOSP, hour=10, minute=5, minutes=200, reason=sct('271594007', 'Syncope (disorder)'))
    E['2017-08-20er'] = er
    ip = b.enc('IMP', 'emadmit', '2017-08-20', CARD, HOSP, end='2017-08-24', hour=13, minute=40,
               reason=sct('36083008', 'Sick sinus syndrome (disorder)'), admit='emd', disch='home')
    E['2017-08-20'] = ip
    sss = b.cond('36083008', 'Sick sinus syndrome (disorder)', '2017-08-20', ip, icd10=('I49.5', 'Sick sinus syndrome'))
    b.proc('29303009', 'Electrocardiographic procedure', er)
    pm = b.device('14106009', 'Cardiac pacemaker, device (physical object)', '2017-02-14')
    b.proc('307280005', 'Implantation of cardiac pacemaker (procedure)', ip, when='2017-08-22', minutes=75, reason=[sss], device=pm)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Cardiology - Berkshire Medical Center
Admitted 2017-08-20 from the emergency department after syncope at church.
Telemetry: sinus pauses up to 5.2 seconds with symptomatic bradycardia - sick sinus syndrome.
Dual-chamber permanent pacemaker implanted 2017-08-22 (left subclavian) by Dr. Osei-Thornton. Device check normal.
Discharged home 2017-08-24 with daughter. Pacemaker clinic in 2 weeks, arm precautions for 6 weeks.
""", CARD, HOSP, when='2017-08-24')
    e = amb('2018-01-16', 'problem', reason=sct('193462001', 'Insomnia (disorder)'))
    ins = b.cond('193462001', 'Insomnia (disorder)', '2018-01-16', e, icd10=('G47.00', 'Insomnia, unspecified'))
    b.med('854873', 'zolpidem tartrate 5 MG Oral Tablet', e, status='stopped', reason=[ins], dosage='5 mg by mouth at bedtime as needed for sleep', prn=True,
          status_reason='Fall with hip fracture - sedative-hypnotic discontinued', end='2019-02-05', prac=PCP)
    e = amb('2019-01-08', 'vaccine')
    b.imm(*SHINGRIX, e)
    # hip fracture
    er = b.enc('EMER', 'er', '2019-02-03', PCP, HOSP, hour=5, minute=50, minutes=240, reason=sct('359817006', 'Closed fracture of hip (disorder)'))
    E['2019-02-03er'] = er
    ip = b.enc('IMP', 'emadmit', '2019-02-03', ORTHO, HOSP, end='2019-02-08', hour=10, minute=15,
               reason=sct('359817006', 'Closed fracture of hip (disorder)'), admit='emd', disch='snf')
    E['2019-02-03'] = ip
    fx = b.cond('359817006', 'Closed fracture of hip (disorder)', '2019-02-03', ip, status='resolved', abate='2019-05-14',
                icd10=('S72.002A', 'Fracture of unspecified part of neck of left femur, initial encounter for closed fracture'), body=('287679003', 'Left hip'))
    b.obs('hgb_f', 10.9, ip)
    b.proc('265132005', 'Hemiarthroplasty of hip (procedure)', ip, when='2019-02-04', minutes=110, reason=[fx], body=('287679003', 'Left hip'))
    b.med('1361615', 'heparin sodium 5000 UNT/ML Injectable Solution', ip, status='completed', authored='2019-02-04',
          reason_code=[('sct', '265132005', 'Hemiarthroplasty of hip (procedure)')], dosage='5000 units subcutaneously every 12 hours while inpatient',
          freq=(2, 1, 'd'), end='2019-02-08', prac=ORTHO)
    b.obs('hgb_f', 8.7, ip, when='2019-02-06')
    b.med('856980', 'HYDROcodone Bitartrate 5 MG / Acetaminophen 325 MG Oral Tablet', ip, status='completed', authored='2019-02-08',
          reason_code=[('sct', '274663001', 'Acute postoperative pain (finding)')], prn=True,
          dosage='1 tablet by mouth every 6 hours as needed for severe pain', freq=(4, 1, 'd'), end='2019-02-15', prac=ORTHO)
    b.med('198440', 'acetaminophen 500 MG Oral Tablet', ip, status='stopped', authored='2019-02-08', reason=[fx], prn=True,
          dosage='1000 mg by mouth every 8 hours as needed for pain', freq=(3, 1, 'd'), status_reason=EXPIRED, end=DEATH, prac=ORTHO)
    b.note('discharge', ip, """
DISCHARGE SUMMARY - Orthopedics - Berkshire Medical Center
Admitted 2019-02-03 via the emergency department after a fall at night getting up to the bathroom (had taken zolpidem).
Diagnosis: displaced left femoral neck fracture.
Procedure 2019-02-04: left hip hemiarthroplasty (cemented). Post-op hemoglobin nadir 8.7, no transfusion.
Zolpidem discontinued (fall risk). Heparin DVT prophylaxis while inpatient.
Disposition 2019-02-08: Skilled nursing facility (Sunnyview Rehabilitation and Nursing) for physical therapy. Weight bearing as tolerated.
Follow-up: Orthopedics in 2 weeks; osteoporosis treatment to be restarted by PCP.
""", ORTHO, HOSP, when='2019-02-08')
    e = amb('2019-04-16')
    b.obs('vitd', 32, e)
    b.med('993449', '1 ML denosumab 60 MG/ML Prefilled Syringe [Prolia]', e, status='stopped', reason=[osteo],
          dosage='60 mg subcutaneously every 6 months', freq=(1, 6, 'mo'), status_reason=EXPIRED, end=DEATH, prac=PCP)
    # dementia
    e = amb('2020-03-17', 'consult', prac=NEURO, reason=sct('26929004', "Alzheimer's disease (disorder)"))
    alz = b.cond('26929004', "Alzheimer's disease (disorder)", '2020-03-17', e, icd10=('G30.1', "Alzheimer's disease with late onset"))
    b.obs('tsh', 2.7, e)
    b.obs('b12', 412, e)
    b.med('997224', 'donepezil hydrochloride 10 MG Oral Tablet', e, status='stopped', reason=[alz],
          dosage='5 mg at bedtime for 4 weeks, then 10 mg at bedtime', status_reason=EXPIRED, end=DEATH, prac=NEURO)
    b.careplan('386257007', 'Dementia management (regime/therapy)', e, '2020-03-17',
               [('710125008', 'Promotion of use of memory skills (procedure)'), ('425014005', 'Caregiver support (regime/therapy)')],
               addresses=[alz], status='completed', end=DEATH)
    b.note('consult', e, """
MEMORY CLINIC CONSULTATION - 2020-03-17 - Dr. Ambrose Kaczmarek-Liu (neurology)
2 years of progressive short-term memory loss, getting lost while driving, missed bills. Sister had Alzheimer's disease.
MoCA 17/30. TSH 2.7 and B12 412 normal. MRI: diffuse atrophy, hippocampal volume loss, no strokes.
Diagnosis: Alzheimer's disease, mild-to-moderate stage.
Recommendations: Start donepezil 5 mg at bedtime, increase to 10 mg after 4 weeks. Stop driving now. Home safety evaluation.
Daughter Ines Halloran is her health care proxy; discussed advance care planning.
""", NEURO, CLIN)
    e = amb('2020-09-15', 'problem', reason=sct('35489007', 'Depressive disorder (disorder)'))
    dep = b.cond('35489007', 'Depressive disorder (disorder)', '2020-09-15', e, icd10=('F32.A', 'Depression, unspecified'))
    b.obs('phq9', 14, e)
    b.med('349332', 'escitalopram 10 MG Oral Tablet', e, status='stopped', reason=[dep], dosage='10 mg by mouth once daily',
          status_reason=EXPIRED, end=DEATH, prac=PCP)
    for d in ('2021-01-28', '2021-02-18', '2021-10-05'):
        e = amb(d, 'vaccine')
        b.imm(*COVID_PF, e)
    # hyponatremia
    e = amb('2021-06-10', 'symptom', reason=sct('89627008', 'Hyponatremia (disorder)'))
    b.obs('na', 124, e)
    hypna = b.cond('89627008', 'Hyponatremia (disorder)', '2021-06-10', e, status='resolved', abate='2021-08-10', icd10=('E87.1', 'Hypo-osmolality and hyponatremia'))
    e = amb('2021-06-14')
    b.med('830845', '24 HR diltiazem hydrochloride 120 MG Extended Release Oral Capsule', e, status='stopped', reason=[htn],
          dosage='120 mg by mouth once daily', status_reason=EXPIRED, end=DEATH, prac=PCP)
    for d, v in (('2021-06-24', 131), ('2021-08-10', 136)):
        e = amb(d, 'checkup')
        b.obs('na', v, e)
    # pneumonia 2022 + home oxygen
    e = amb('2022-01-14', 'urgent', reason=sct('233604007', 'Pneumonia (disorder)'))
    pn1 = b.cond('233604007', 'Pneumonia (disorder)', '2022-01-14', e, status='resolved', abate='2022-02-04', icd10=('J18.9', 'Pneumonia, unspecified organism'))
    b.obs('spo2', 89, e)
    b.proc('399208008', 'Plain chest X-ray (procedure)', e, reason=[pn1])
    b.med('311296', 'levofloxacin 750 MG Oral Tablet', e, status='completed', reason=[pn1], dosage='750 mg by mouth once daily for 5 days',
          end='2022-01-19', prac=PCP)
    b.med('312615', 'predniSONE 20 MG Oral Tablet', e, status='completed', reason=[copd], dosage='40 mg by mouth once daily for 5 days',
          end='2022-01-19', prac=PCP)
    e = amb('2022-02-10', 'home', cls='HH', org=HHA)
    b.obs('spo2', 86, e)
    o2 = b.device('426160001', 'Oxygen concentrator (physical object)', '2021-08-30')
    b.dus(o2, '2022-02-10', status='completed', end=DEATH, reason=[copd], note='Home oxygen 2 L/min by nasal cannula continuously')
    e = amb('2022-05-10', 'followup', prac=NEURO)
    b.med('996561', 'memantine hydrochloride 10 MG Oral Tablet', e, status='stopped', reason=[alz], dosage='10 mg by mouth twice daily',
          freq=(2, 1, 'd'), status_reason=EXPIRED, end=DEATH, prac=NEURO)
    for d in ('2022-06-14', '2022-11-15', '2023-03-21', '2023-07-18', '2023-11-14'):
        amb(d, 'home', cls='HH', org=HHA)
    amb('2023-06-20', 'tele', cls='VR', reason=sct('26929004', "Alzheimer's disease (disorder)"))
    # final admission
    er = b.enc('EMER', 'er', '2024-01-20', PCP, HOSP, hour=8, minute=35, minutes=240, reason=sct('267036007', 'Dyspnea (finding)'))
    E['2024-01-20er'] = er
    b.obs('spo2', 84, er)
    b.obs('temp', 38.6, er)
    b.obs('wbc', 18.6, er)
    b.obs('na', 133, er)
    b.obs('hgb_f', 11.2, er)
    b.proc('399208008', 'Plain chest X-ray (procedure)', er)
    ip = b.enc('IMP', 'emadmit', '2024-01-20', HOSPI, HOSP, end='2024-01-27T06:12:00-05:00', hour=12, minute=50,
               reason=sct('233604007', 'Pneumonia (disorder)'), admit='emd', disch='exp')
    E['2024-01-20'] = ip
    pn2 = b.cond('233604007', 'Pneumonia (disorder)', '2024-01-20', ip, icd10=('J18.9', 'Pneumonia, unspecified organism'))
    arf = b.cond('65710008', 'Acute respiratory failure (disorder)', '2024-01-20', ip, icd10=('J96.01', 'Acute respiratory failure with hypoxia'))
    b.proc('57485005', 'Oxygen therapy (procedure)', ip, minutes=600, reason=[arf])
    b.med('1665021', 'cefTRIAXone 1000 MG Injection', ip, status='stopped', reason=[pn2], dosage='1 g IV once daily', status_reason=EXPIRED, end=DEATH, prac=HOSPI)
    b.med('2001499', 'azithromycin 500 MG Injection', ip, status='stopped', reason=[pn2], dosage='500 mg IV once daily', status_reason=EXPIRED, end=DEATH, prac=HOSPI)
    b.med('892297', 'morphine sulfate 20 MG/ML Oral Solution', ip, status='stopped', authored='2024-01-25',
          reason_code=[('sct', '267036007', 'Dyspnea (finding)')], prn=True,
          dosage='5 mg (0.25 mL) by mouth every 2 hours as needed for dyspnea or distress', freq=(12, 1, 'd'), status_reason=EXPIRED, end=DEATH, prac=HOSPI)
    b.careplan('103735009', 'Palliative care (regime/therapy)', ip, '2024-01-25',
               [('385763009', 'Hospice care (regime/therapy)'), ('713058002', 'Management of dyspnea (procedure)')],
               addresses=[pn2, arf], status='completed', end=DEATH)
    b.note('progress', ip, """
HOSPITALIST PROGRESS NOTE - 2024-01-25 - Dr. Cosmo Adeyemi-Strand
Day 6 for right lower lobe pneumonia with acute hypoxic respiratory failure; on ceftriaxone and azithromycin. Requiring 6 L high-flow oxygen, more confused, eating little.
Family meeting today with daughter Ines (health care proxy) and son Lucian. Reaffirmed DNR/DNI per MOLST.
Decision: transition to comfort-focused care. Stop blood draws and vital signs except for comfort. Morphine oral solution 5 mg every 2 hours as needed for dyspnea. Continue antibiotics for symptom relief per family wish. Chaplain visit.
""", HOSPI, HOSP, when='2024-01-25')
    b.note('progress', ip, """
DEATH NOTE - 2024-01-27
Called to bedside by nursing. Patient without respirations or heart sounds; pupils fixed. Pacemaker spikes without capture.
Pronounced dead at 06:12 on 2024-01-27. Daughter Ines at bedside.
Immediate cause of death: acute hypoxic respiratory failure due to pneumonia. Contributing: COPD, Alzheimer's disease.
Medical examiner not notified (expected death). Autopsy declined.
""", HOSPI, HOSP, when='2024-01-27T06:40:00-05:00')
    dc = b.enc('AMB', 'death', '2024-01-27', HOSPI, HOSP, hour=9, minute=0, minutes=15)
    E['2024-01-27'] = dc
    b.death_records(dc, '233604007', 'Pneumonia (disorder)', HOSPI)
    return '2024-03-01'


# ---------------------------------------------------------------------------
# Patient 6: 44 y man, type 1 diabetes on pump, rheumatoid arthritis on MTX + adalimumab, ADHD, kidney stone. Bundle.
# ---------------------------------------------------------------------------
def patient6(b):
    PCP = ('9999995106', 'Dr. Henrike82 Solberg-Amari7')
    ENDO = ('9999995217', 'Dr. Oluwaseun39 Pacheco-Brandt')
    RHEUM = ('9999995328', 'Dr. Ximena51 Hartigan-Yoon14')
    URO = ('9999995439', 'Dr. Fitzgerald22 Onyango-Crane')
    CLIN = ('METROWEST PRIMARY CARE', '08e5daf1-fbbe-3fe8-8e23-d5e6f708192a')
    HOSP = ('METROWEST MEDICAL CENTER', '19f6e102-0ccf-3af9-9f34-e6f708192a3b')
    b.pat('Emeric274', 'Vandersloot133', 'Mr.', 'male', '1980-08-22', 'Framingham', '01701', MARRIED,
          ASIAN, NONHISP, '555-236-5510', '62 Cochituate Road')
    E = {}

    def amb(date, et='followup', prac=PCP, org=CLIN, reason=None, cls='AMB', **kw):
        e = b.enc(cls, et, date, prac, org, reason=reason, **kw)
        E[date] = e
        return e

    e = amb('2010-02-09', 'problem', reason=sct('406506008', 'Attention deficit hyperactivity disorder (disorder)'))
    adhd = b.cond('406506008', 'Attention deficit hyperactivity disorder (disorder)', '2010-02-09', e, icd10=('F90.0', 'Attention-deficit hyperactivity disorder, predominantly inattentive type'))
    b.med('1091170', '24 HR methylphenidate hydrochloride 36 MG Extended Release Oral Tablet [Concerta]', e, reason=[adhd],
          dosage='36 mg by mouth every morning', prac=PCP)
    e = amb('2012-01-10', 'problem', prac=ENDO, reason=sct('46635009', 'Diabetes mellitus type 1 (disorder)'))
    dm1 = b.cond('46635009', 'Diabetes mellitus type 1 (disorder)', '1994-05-10', e, icd10=('E10.9', 'Type 1 diabetes mellitus without complications'))
    smk = b.cond('449868002', 'Smokes tobacco daily (finding)', '1998-06-01', e, status='resolved', abate='2022-02-15', category='problem-list-item')
    b.obs('tobacco', 'Every day smoker', e)
    b.med('865097', 'insulin detemir 100 UNT/ML Pen Injector [Levemir]', e, status='stopped', reason=[dm1],
          dosage='22 units subcutaneously at bedtime', status_reason='Transitioned to insulin pump therapy', end='2019-06-18', prac=ENDO)
    b.med('1652646', 'insulin aspart 100 UNT/ML Pen Injector [NovoLog]', e, status='stopped', reason=[dm1],
          dosage='Per carbohydrate ratio 1 unit per 10 g with meals plus correction scale', freq=(3, 1, 'd'),
          status_reason='Transitioned to insulin pump therapy', end='2019-06-18', prac=ENDO)
    b.fmh('MTH', 'mother', 'female', [('69896004', 'Rheumatoid arthritis (disorder)', 38)], deceased=False, date='2012-01-10')
    b.fmh('BRO', 'brother', 'male', [('46635009', 'Diabetes mellitus type 1 (disorder)', 11)], deceased=False, date='2012-01-10')
    b.fmh('FTH', 'father', 'male', [('59621000', 'Essential hypertension (disorder)', 50)], deceased=False, date='2012-01-10')
    e = amb('2014-08-05', 'symptom', reason=sct('128045006', 'Cellulitis (disorder)'))
    cel = b.cond('128045006', 'Cellulitis (disorder)', '2014-08-05', e, status='resolved', abate='2014-08-19', body=('85562004', 'Left hand'))
    b.med('309114', 'cephalexin 500 MG Oral Capsule', e, status='stopped', reason=[cel], dosage='500 mg by mouth four times daily for 7 days',
          freq=(4, 1, 'd'), status_reason='Generalized rash after 2 days - allergic reaction', end='2014-08-07', prac=PCP)
    e = amb('2014-08-07', 'symptom', reason=sct('271807003', 'Eruption of skin (disorder)'))
    b.allergy('372885005', 'Cefalexin (substance)', 'medication', '2014-08-07', e, crit='low',
              reactions=[('271807003', 'Eruption of skin (disorder)', 'moderate')])
    b.med('197511', 'ciprofloxacin 500 MG Oral Tablet', e, status='completed', reason=[cel], dosage='500 mg by mouth twice daily for 5 days',
          freq=(2, 1, 'd'), end='2014-08-12', prac=PCP)
    b.allergy('300913006', 'Shellfish (substance)', 'food', '2014-08-07', e, crit='high',
              reactions=[('126485001', 'Urticaria (disorder)', 'moderate'), ('267038008', 'Edema (finding)', 'moderate')])

    wellness = [
        ('2016-04-12', 84.2, (126, 80), 78, {'a1c': 8.1, 'ldl': 142, 'creat_m': 1.0}),
        ('2017-04-11', 83.0, (124, 78), 76, {'a1c': 8.4, 'ldl': 118, 'creat_m': 1.0}),
        ('2018-04-10', 82.5, (122, 78), 76, {'a1c': 7.9, 'alt': 28, 'creat_m': 1.0}),
        ('2019-04-09', 83.8, (124, 80), 74, {'a1c': 8.3, 'ldl': 104, 'alt': 31, 'crp': 9, 'esr': 18, 'creat_m': 1.0}),
        ('2020-04-14', 84.9, (126, 80), 76, {'a1c': 7.0, 'alt': 27, 'creat_m': 1.1}),
        ('2021-04-13', 85.3, (128, 82), 78, {'ldl': 99, 'creat_m': 1.0}),
        ('2022-04-12', 87.9, (124, 78), 72, {'a1c': 6.9, 'alt': 25, 'uacr': 18, 'creat_m': 1.0}),
        ('2023-04-11', 86.6, (126, 80), 74, {'a1c': 7.1, 'ldl': 101, 'creat_m': 1.0}),
        ('2024-04-09', 85.8, (122, 76), 72, {'a1c': 6.8, 'alt': 23, 'uacr': 32, 'creat_m': 1.0}),
        ('2025-04-08', 85.1, (120, 76), 70, {'a1c': 6.9, 'ldl': 96, 'uacr': 24, 'crp': 3, 'esr': 8, 'creat_m': 1.0}),
    ]
    for (d, w, bp, hr, labs) in wellness:
        e = amb(d, 'wellness')
        b.vitals(e, 182.0, w, bp, hr)
        for k in ('a1c', 'ldl', 'alt', 'crp', 'esr', 'uacr', 'creat_m'):
            if k in labs:
                b.obs(k, labs[k], e)
        if d == '2016-04-12':
            hld = b.cond('55822004', 'Hyperlipidemia (disorder)', d, e, icd10=('E78.5', 'Hyperlipidemia, unspecified'))
            b.med('312961', 'simvastatin 20 MG Oral Tablet', e, reason=[hld], dosage='20 mg by mouth at bedtime', prac=PCP)
            b.imm(*TDAP, e)
        if d == '2024-04-09':
            b.note('progress', e, """
ANNUAL PHYSICAL - 2024-04-09 - Dr. Henrike Solberg-Amari
43 y/o man with type 1 diabetes on insulin pump + CGM, rheumatoid arthritis on methotrexate and adalimumab, ADHD, hyperlipidemia.
Social history: Works as a licensed electrician. Married, two daughters (9 and 12). Quit smoking February 2022 with varenicline after about 20 pack-years. Drinks 3-4 beers per week. Runs 3 times a week.
A1c 6.8. Urine albumin/creatinine 32 (45 in October 2023, before ramipril).
Plan: Continue ramipril 5 mg for microalbuminuria; recheck urine albumin in 1 year. Annual dilated eye exam - due. Continue simvastatin. Flu and COVID vaccines in the fall.
""", PCP, CLIN)
    # RA
    e = amb('2017-03-14', 'consult', prac=RHEUM, reason=sct('69896004', 'Rheumatoid arthritis (disorder)'))
    ra = b.cond('69896004', 'Rheumatoid arthritis (disorder)', '2017-03-14', e, icd10=('M06.9', 'Rheumatoid arthritis, unspecified'))
    b.obs('crp', 38, e)
    b.obs('esr', 52, e)
    b.obs('alt', 22, e)
    b.med('105586', 'methotrexate 2.5 MG Oral Tablet', e, reason=[ra], dosage='15 mg (6 tablets) by mouth once weekly on Mondays', freq=(1, 1, 'wk'), prac=RHEUM)
    b.med('310410', 'folic acid 1 MG Oral Tablet', e, reason=[ra], dosage='1 mg by mouth once daily except Mondays', prac=RHEUM)
    b.med('979092', 'hydroxychloroquine sulfate 200 MG Oral Tablet', e, status='stopped', reason=[ra], dosage='200 mg by mouth twice daily',
          freq=(2, 1, 'd'), status_reason='Inadequate response', end='2018-09-10', prac=RHEUM)
    b.med('312617', 'predniSONE 10 MG Oral Tablet', e, status='completed', reason=[ra],
          dosage='10 mg daily for 2 weeks, 5 mg daily for 2 weeks, then stop', end='2017-04-11', prac=RHEUM)
    for d in ('2018-05-15', '2018-06-12', '2018-11-13'):
        e = amb(d, 'vaccine')
        b.imm(*HEPB, e)
        if d == '2018-05-15':
            b.imm(*PCV13, e)
    e = amb('2018-08-28', 'checkup', prac=RHEUM)
    b.obs('qft', 'Negative', e)
    b.imm(*PPSV23, e)
    e = amb('2018-09-10', 'consult', prac=RHEUM)
    b.obs('crp', 24, e)
    b.obs('esr', 41, e)
    b.note('consult', e, """
RHEUMATOLOGY FOLLOW-UP CONSULT - 2018-09-10 - Dr. Ximena Hartigan-Yoon
Seropositive rheumatoid arthritis (RF and anti-CCP positive), DAS28-CRP 5.1 despite methotrexate 15 mg weekly and hydroxychloroquine for 18 months. Synovitis of both wrists and MCPs 2-3.
Pre-biologic screening: QuantiFERON-TB Gold negative 2018-08-28. Hepatitis B vaccine series in progress (2 of 3 doses). Pneumococcal vaccines done.
Recommendation: Stop hydroxychloroquine (inadequate response). Start adalimumab 40 mg subcutaneously every 2 weeks; continue methotrexate 15 mg weekly with folic acid. Injection teaching visit scheduled. Hold adalimumab for fever or infection.
""", RHEUM, CLIN)
    e = amb('2018-09-24', 'followup', prac=RHEUM)
    b.med('1602606', '0.4 ML adalimumab 100 MG/ML Prefilled Syringe [Humira]', e, reason=[ra],
          dosage='40 mg subcutaneously every 14 days', freq=(1, 14, 'd'), prac=RHEUM)
    for d, v in (('2019-03-12', 64),):
        e = amb(d, 'checkup', prac=RHEUM)
        b.obs('alt', v, e, note='Methotrexate monitoring; advised no alcohol for 1 month and repeat')
    # pump
    e = amb('2019-06-18', 'followup', prac=ENDO)
    b.med('865098', 'insulin lispro 100 UNT/ML Injectable Solution [Humalog]', e, reason=[dm1],
          dosage='Via insulin pump: basal 0.8 units/hr; bolus 1 unit per 10 g carbohydrate; correction 1 unit per 40 mg/dL above 120', freq=None, prac=ENDO)
    pump = b.device('69805005', 'Insulin pump, device (physical object)', '2019-03-04')
    cgm = b.device('700609005', 'Continuous glucose monitoring system (physical object)', '2019-04-22')
    b.dus(pump, '2019-06-18', reason=[dm1], note='Tandem t:slim X2 insulin pump')
    b.dus(cgm, '2019-06-18', reason=[dm1], note='Dexcom G6 continuous glucose monitor, sensor changed every 10 days')
    g = b.goal('Time in range 70-180 mg/dL greater than 70%', '2019-06-18', addresses=[dm1])
    b.careplan('735985000', 'Diabetes self management plan (record artifact)', e, '2019-06-18',
               [('160670007', 'Diabetic diet (finding)'), ('229065009', 'Exercise therapy (regime/therapy)')], addresses=[dm1], goals=[g])
    b.note('progress', e, """
ENDOCRINOLOGY - INSULIN PUMP START - 2019-06-18 - Dr. Oluwaseun Pacheco-Brandt
Type 1 diabetes since age 13 (1994). A1c 8.3 in April on Levemir 22 units + NovoLog. Completed pump class.
Started Tandem t:slim X2 pump with Dexcom G6 CGM today. Insulin: lispro (Humalog) in pump.
Settings: basal 0.8 units/hr; carbohydrate ratio 1 unit per 10 g; correction factor 1 unit per 40 mg/dL above target 120.
Levemir and NovoLog pens discontinued. Backup long-acting insulin plan reviewed in case of pump failure.
""", ENDO, CLIN)
    e = amb('2019-12-10', 'followup', prac=ENDO)
    b.obs('a1c', 7.2, e)
    amb('2020-06-09', 'tele', cls='VR', prac=ENDO, reason=sct('46635009', 'Diabetes mellitus type 1 (disorder)'))
    # kidney stone
    er = b.enc('EMER', 'er', '2020-07-19', PCP, HOSP, hour=4, minute=20, minutes=300, reason=sct('95570007', 'Kidney stone (disorder)'), disch='home')
    E['2020-07-19'] = er
    ks = b.cond('95570007', 'Kidney stone (disorder)', '2020-07-19', er, status='resolved', abate='2020-08-11', icd10=('N20.1', 'Calculus of ureter'))
    b.proc('169070004', 'Computed tomography of abdomen and pelvis (procedure)', er, reason=[ks])
    b.med('1665461', 'ketorolac tromethamine 30 MG/ML Injectable Solution', er, status='completed', reason=[ks], dosage='15 mg IV once', freq=None,
          end='2020-07-19', prac=PCP)
    b.med('863669', 'tamsulosin hydrochloride 0.4 MG Oral Capsule', er, status='completed', reason=[ks],
          dosage='0.4 mg by mouth once daily until stone passes (medical expulsive therapy)', end='2020-08-11', prac=PCP)
    amb('2020-08-11', 'tele', cls='VR', prac=URO, reason=sct('95570007', 'Kidney stone (disorder)'))
    # DKA
    er = b.enc('EMER', 'er', '2021-02-06', PCP, HOSP, hour=1, minute=45, minutes=200, reason=sct('420270002', 'Ketoacidosis due to type 1 diabetes mellitus (disorder)'))
    E['2021-02-06er'] = er
    b.obs('glucose', 486, er)
    b.obs('bicarb', 9, er)
    b.obs('k', 5.9, er)
    b.obs('a1c', 9.6, er)
    ip = b.enc('IMP', 'emadmit', '2021-02-06', ENDO, HOSP, end='2021-02-09', hour=5, minute=10,
               reason=sct('420270002', 'Ketoacidosis due to type 1 diabetes mellitus (disorder)'), admit='emd', disch='home')
    E['2021-02-06'] = ip
    dka = b.cond('420270002', 'Ketoacidosis due to type 1 diabetes mellitus (disorder)', '2021-02-06', ip, status='resolved', abate='2021-02-09',
                 icd10=('E10.10', 'Type 1 diabetes mellitus with ketoacidosis without coma'))
    b.med('311034', 'insulin regular, human 100 UNT/ML Injectable Solution', ip, status='completed', reason=[dka],
          dosage='IV infusion per DKA protocol', freq=None, end='2021-02-07', prac=ENDO)
    b.obs('bicarb', 22, ip, when='2021-02-08')
    b.note('discharge', ip, """
DISCHARGE SUMMARY - MetroWest Medical Center
Admitted 2021-02-06 from the emergency department: nausea and vomiting for 12 hours, glucose 486, bicarbonate 9, pH 7.12, potassium 5.9 - diabetic ketoacidosis.
Cause: insulin pump infusion-set occlusion overnight (kinked cannula) with no backup insulin given.
ICU for IV insulin infusion 20 hours; anion gap closed, bicarbonate 22 on 2021-02-08. Pump restarted with new infusion set.
A1c 9.6 on admission.
Discharged home 2021-02-09. Sick-day rules and ketone testing reviewed; backup Humalog pens and long-acting insulin prescription to keep at home.
""", ENDO, HOSP, when='2021-02-09')
    for d in ('2021-03-30', '2021-04-27', '2021-12-14'):
        e = amb(d, 'vaccine')
        b.imm(*COVID_MOD, e)
    e = amb('2021-06-15', 'followup', prac=RHEUM)
    b.obs('crp', 4, e)
    b.obs('esr', 10, e)
    b.obs('a1c', 7.4, e)
    e = amb('2021-11-16', 'problem', reason=sct('449868002', 'Smokes tobacco daily (finding)'))
    b.med('636676', 'varenicline 1 MG Oral Tablet [Chantix]', e, status='completed', reason=[smk],
          dosage='0.5 mg daily x3 days, 0.5 mg twice daily x4 days, then 1 mg twice daily for 12 weeks', freq=(2, 1, 'd'), end='2022-02-15', prac=PCP)
    e = amb('2022-02-15', 'followup')
    b.cond('8517006', 'Ex-smoker (finding)', '2022-02-15', e, category='problem-list-item')
    b.obs('tobacco', 'Former smoker', e)
    for d in ('2022-03-15', '2022-06-14'):
        e = amb(d, 'vaccine')
        b.imm(*SHINGRIX, e)
    amb('2022-10-11', 'tele', cls='VR', prac=ENDO, reason=sct('46635009', 'Diabetes mellitus type 1 (disorder)'))
    # hypoglycemia
    er = b.enc('EMER', 'er', '2023-09-30', PCP, HOSP, hour=19, minute=40, minutes=180, reason=sct('302866003', 'Hypoglycemia (disorder)'), disch='home')
    E['2023-09-30'] = er
    hg = b.cond('302866003', 'Hypoglycemia (disorder)', '2023-09-30', er, status='resolved', abate='2023-09-30')
    b.obs('glucose', 38, er)
    b.med('2046809', 'glucagon 3 MG/ACTUAT Nasal Powder [Baqsimi]', er, reason=[dm1], prn=True,
          dosage='3 mg (1 actuation) into one nostril for severe hypoglycemia; may repeat once after 15 minutes', freq=None, prac=PCP)
    b.note('ed', er, """
ED NOTE - MetroWest Medical Center - 2023-09-30
Wife found him sweaty and confused on the couch after he ran a 10 km race this afternoon and bolused for a large pasta dinner; CGM alarm was silenced. EMS glucose 38, given IV D50, glucose 141.
Pump and CGM working. No head injury.
Disposition: home with wife. New prescription: nasal glucagon (Baqsimi) - wife taught. Reduce basal by 20% (temporary basal) after long runs; endocrinology follow-up.
""", PCP, HOSP)
    e = amb('2023-10-17', 'followup', prac=ENDO)
    b.obs('a1c', 7.3, e)
    b.obs('uacr', 45, e)
    ma = b.cond('421893009', 'Microalbuminuria due to type 1 diabetes mellitus (disorder)', '2023-10-17', e, icd10=('E10.29', 'Type 1 diabetes mellitus with other diabetic kidney complication'))
    b.med('845488', 'ramipril 5 MG Oral Capsule', e, reason=[ma], dosage='5 mg by mouth once daily', prac=ENDO)
    amb('2024-10-15', 'tele', cls='VR', prac=ENDO, reason=sct('46635009', 'Diabetes mellitus type 1 (disorder)'))
    for d in ('2016-10-18', '2017-10-17', '2018-10-16', '2019-10-15', '2020-10-20', '2021-10-19', '2022-10-18', '2023-10-24', '2024-10-22'):
        e = amb(d, 'vaccine')
        b.imm(*FLU_QUAD, e)
    e = amb('2025-05-13', 'tele', cls='VR', prac=RHEUM, reason=sct('69896004', 'Rheumatoid arthritis (disorder)'))
    b.note('progress', e, """
RHEUMATOLOGY VIDEO VISIT - 2025-05-13 - Dr. Ximena Hartigan-Yoon
Rheumatoid arthritis in remission on adalimumab every 2 weeks plus methotrexate 15 mg weekly: CDAI 2.8, no swollen joints. CRP 3 and ESR 8 in April. ALT 23.
No infections this year.
Plan: Continue adalimumab. Discussed tapering methotrexate to 10 mg weekly at the next visit if remission persists. Annual skin check (on TNF inhibitor). Labs every 3 months.
""", RHEUM, CLIN)
    return '2025-06-10'


PATIENTS = [
    (1, 'bundle', patient1),
    (2, 'bundle', patient2),
    (3, 'bulk', patient3),
    (4, 'bulk', patient4),
    (5, 'bundle', patient5),
    (6, 'bundle', patient6),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--seed', type=int, default=505)
    ap.add_argument('--out', default=os.path.join(HERE, 'patients'))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = args.out
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, 'bulk'))
    bulk = {}
    nows = {}
    for n, mode, fn in PATIENTS:
        b = Builder(rng, mode)
        now = fn(b)
        pid = b.patient['id']
        nows[n] = (pid, now)
        # sanity: nothing after `now`
        for r in b.res:
            for k in ('authoredOn', 'effectiveDateTime', 'occurrenceDateTime', 'recordedDate', 'date', 'onsetDateTime', 'deceasedDateTime'):
                v = r.get(k)
                if isinstance(v, str):
                    assert v[:10] < now, (n, r['resourceType'], k, v)
            p = r.get('period') or r.get('performedPeriod')
            if p:
                assert p['start'][:10] < now and p.get('end', p['start'])[:10] < now, (n, r['resourceType'], p)
        if mode == 'bundle':
            path = os.path.join(out, 'blind5_%d_%s.json' % (n, pid))
            with open(path, 'w', encoding='ascii', newline='\n') as f:
                f.write(dumps_bundle(b.bundle()))
        else:
            for r in b.res:
                bulk.setdefault(r['resourceType'], []).append(dumps_line(r))
    for t in sorted(bulk):
        with open(os.path.join(out, 'bulk', t + '.ndjson'), 'w', encoding='ascii', newline='\n') as f:
            f.write('\n'.join(bulk[t]) + '\n')
    for n in sorted(nows):
        print('patient %d  %s  now=%s' % (n, nows[n][0], nows[n][1]))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Build the SEALED blind5 question set from the raw FHIR written by gen_patients.py.

    python3 make_questions.py            -> questions.jsonl

Stdlib only, deterministic. Every gold id and every answer fact is computed here from the
patient JSON (bundles and bulk NDJSON); nothing is typed in by hand except the question text,
the concept patterns and the time windows. Abstain questions are checked to be absent from that
patient's whole chart (all resources plus decoded note text).
"""
import base64
import datetime as dt
import glob
import json
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PDIR = os.path.join(HERE, 'patients')

# which invented patient is which (by name in the chart)
NAMES = {1: 'Augustin617', 2: 'Marisol842', 3: 'Brielle318', 4: 'Horace553', 5: 'Eudora238', 6: 'Emeric274'}
NOW = {1: '2025-02-18', 2: '2024-11-05', 3: '2025-04-22', 4: '2024-08-30', 5: '2024-03-01', 6: '2025-06-10'}


# ---------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------
def strip_data(o):
    if isinstance(o, dict):
        return {k: ('' if k == 'data' else strip_data(v)) for k, v in o.items()}
    if isinstance(o, list):
        return [strip_data(x) for x in o]
    return o


def load():
    raw = {}   # pid -> (list of resources, set of ids as found in files)
    for f in sorted(glob.glob(os.path.join(PDIR, 'blind5_*.json'))):
        with open(f) as fh:
            b = json.load(fh)
        assert b['resourceType'] == 'Bundle' and b['type'] == 'transaction'
        res, ids = [], set()
        for e in b['entry']:
            r = e['resource']
            assert e['fullUrl'] == 'urn:uuid:' + r['id']
            assert e['request'] == {'method': 'POST', 'url': r['resourceType']}
            ids.add('%s/%s' % (r['resourceType'], e['fullUrl'][len('urn:uuid:'):]))
            res.append(r)
        pid = [r['id'] for r in res if r['resourceType'] == 'Patient']
        assert len(pid) == 1
        raw[pid[0]] = (res, ids)
    bulk = {}
    for f in sorted(glob.glob(os.path.join(PDIR, 'bulk', '*.ndjson'))):
        t = os.path.basename(f)[:-len('.ndjson')]
        with open(f) as fh:
            for line in fh:
                if not line.strip():
                    continue
                r = json.loads(line)
                assert r['resourceType'] == t
                if t == 'Patient':
                    pid = r['id']
                else:
                    ref = (r.get('subject') or r.get('patient'))['reference']
                    assert ref.startswith('Patient/')
                    pid = ref[len('Patient/'):]
                bulk.setdefault(pid, []).append(r)
    for pid, res in bulk.items():
        raw[pid] = (res, {'%s/%s' % (r['resourceType'], r['id']) for r in res})
    return raw


def note_text(r):
    out = []
    for c in r.get('content', []):
        d = c.get('attachment', {}).get('data')
        if d:
            out.append(base64.b64decode(d).decode('utf-8'))
    return '\n'.join(out)


UUID_RE = re.compile(r'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}')


def fmt(v):
    return json.dumps(v)


class Chart:
    def __init__(self, n, pid, res, ids):
        self.n = n
        self.pid = pid
        self.res = res
        self.ids = ids
        self.now = NOW[n]
        self.pt = [r for r in res if r['resourceType'] == 'Patient'][0]
        self._txt = {}
        for r in res:
            t = json.dumps(strip_data(r))
            if r['resourceType'] == 'DocumentReference':
                t += '\n' + note_text(r)
            self._txt[id(r)] = UUID_RE.sub('<id>', t).lower()
        self.alltext = '\n'.join(self._txt[id(r)] for r in res)
        # nothing in the chart on/after `now`
        for r in res:
            d = when(r)
            assert d is None or d < self.now, (n, r['resourceType'], d)

    def text(self, r):
        return self._txt[id(r)]

    def of(self, t):
        return [r for r in self.res if r['resourceType'] == t]

    # ---- selectors
    def meds(self, rx, status=None, frm=None, to=None):
        out = []
        for r in self.of('MedicationRequest'):
            if not re.search(rx, name(r), re.I):
                continue
            if status and r['status'] not in ((status,) if isinstance(status, str) else status):
                continue
            if not in_win(when(r), frm, to):
                continue
            out.append(r)
        return out

    def meds_for(self, cond_rx, status=None):
        out = []
        for r in self.of('MedicationRequest'):
            reasons = [x.get('display', '') for x in r.get('reasonReference', [])]
            reasons += [c.get('text', '') for c in r.get('reasonCode', [])]
            if not any(re.search(cond_rx, x, re.I) for x in reasons):
                continue
            if status and r['status'] != status:
                continue
            out.append(r)
        return out

    def conds(self, rx, status=None):
        return [r for r in self.of('Condition') if re.search(rx, name(r), re.I)
                and (status is None or r['clinicalStatus']['coding'][0]['code'] == status)]

    def obs(self, loinc, frm=None, to=None):
        out = [r for r in self.of('Observation') if r['code']['coding'][0]['code'] == loinc and in_win(when(r), frm, to)]
        return sorted(out, key=lambda r: r['effectiveDateTime'])

    def procs(self, rx, frm=None, to=None):
        return [r for r in self.of('Procedure') if re.search(rx, name(r), re.I) and in_win(when(r), frm, to)]

    def imms(self, rx, frm=None, to=None):
        out = [r for r in self.of('Immunization') if re.search(rx, name(r), re.I) and in_win(when(r), frm, to)]
        return sorted(out, key=when)

    def encs(self, cls=None, frm=None, to=None, reason=None, type_rx=None):
        out = []
        for r in self.of('Encounter'):
            if cls and r['class']['code'] != cls:
                continue
            if not in_win(when(r), frm, to):
                continue
            if reason and not any(re.search(reason, c['coding'][0]['display'], re.I) for c in r.get('reasonCode', [])):
                continue
            if type_rx and not re.search(type_rx, name(r), re.I):
                continue
            out.append(r)
        return sorted(out, key=when)

    def devices(self, rx):
        return [r for r in self.of('Device') if re.search(rx, name(r), re.I)]

    def dus(self, rx):
        return [r for r in self.of('DeviceUseStatement') if re.search(rx, r['device'].get('display', ''), re.I)]

    def allergies(self, rx):
        return [r for r in self.of('AllergyIntolerance') if re.search(rx, name(r), re.I)]

    def fmh(self, rx):
        return [r for r in self.of('FamilyMemberHistory') if re.search(rx, name(r), re.I)]

    def notes(self, rx, frm=None, to=None):
        return [r for r in self.of('DocumentReference') if re.search(rx, note_text(r), re.I) and in_win(when(r), frm, to)]

    def goals(self, rx):
        return [r for r in self.of('Goal') if re.search(rx, name(r), re.I)]

    def careplans(self, rx):
        return [r for r in self.of('CarePlan') if re.search(rx, name(r), re.I)]

    def death_obs(self):
        return [r for r in self.of('Observation') if r['code']['coding'][0]['code'] == '69453-9']


def name(r):
    t = r['resourceType']
    if t == 'MedicationRequest':
        return r['medicationCodeableConcept']['text']
    if t == 'Immunization':
        return r['vaccineCode']['text']
    if t == 'Encounter':
        return r['type'][0]['text']
    if t == 'Device':
        return r['type']['text']
    if t == 'DeviceUseStatement':
        return r['device'].get('display', '')
    if t == 'FamilyMemberHistory':
        return r['relationship']['text'] + ': ' + '; '.join(c['code']['text'] for c in r['condition'])
    if t == 'Goal':
        return r['description']['text']
    if t == 'CarePlan':
        return r['category'][-1]['text']
    if t == 'DocumentReference':
        return note_text(r)
    if t == 'Patient':
        return ' '.join(r['name'][0]['given']) + ' ' + r['name'][0]['family']
    return r['code']['text']


def when(r):
    for k in ('authoredOn', 'effectiveDateTime', 'occurrenceDateTime', 'onsetDateTime', 'recordedDate', 'startDate'):
        if k in r:
            return r[k][:10]
    for k in ('performedPeriod', 'period', 'timingPeriod'):
        if k in r:
            return r[k]['start'][:10]
    if r['resourceType'] == 'DocumentReference':
        return r['date'][:10]
    if r['resourceType'] == 'FamilyMemberHistory':
        return r['date'][:10]
    return None


def in_win(d, frm, to):
    if d is None:
        return frm is None and to is None
    if frm and d < frm:
        return False
    if to and d > to:
        return False
    return True


def val(r):
    if 'valueQuantity' in r:
        return fmt(r['valueQuantity']['value'])
    if 'valueCodeableConcept' in r:
        return r['valueCodeableConcept']['text']
    return r.get('valueString')


def comp(r, loinc):
    for c in r['component']:
        if c['code']['coding'][0]['code'] == loinc:
            return fmt(c['valueQuantity']['value'])
    raise KeyError(loinc)


def phrase(r, rx):
    """The concept exactly as the chart writes it (the regex match inside the display)."""
    m = re.search(rx, name(r), re.I)
    assert m, (rx, name(r))
    return m.group(0)


def end_of(r):
    return r['dispenseRequest']['validityPeriod']['end']


def gid(r):
    return '%s/%s' % (r['resourceType'], r['id'])


def days_between(a, b):
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def closest(rs, day):
    return min(rs, key=lambda r: (days_between(when(r), day), when(r)))


def shift_years(day, years):
    d = dt.date.fromisoformat(day)
    return d.replace(year=d.year + years).isoformat()


# ---------------------------------------------------------------------------
# question registry
# ---------------------------------------------------------------------------
Q = []
CH = {}


def A(c, q, kind, gold, facts, match='all', derived=()):
    """An answerable question. gold: resources; facts: strings that must be recorded in a gold resource
    (except those listed in `derived`, e.g. a count)."""
    seen, g = set(), []
    for r in gold:
        if gid(r) not in seen:
            seen.add(gid(r))
            g.append(r)
    assert g, (c.n, q)
    assert match in ('all', 'any')
    facts = [str(f) for f in facts]
    assert facts, (c.n, q)
    for f in facts:
        if f in derived:
            continue
        assert any(f.lower() in c.text(r) for r in g), (c.n, q, f)
        if match == 'any':   # one cited record must be enough: each must carry every fact
            for r in g:
                assert f.lower() in c.text(r), (c.n, q, f, gid(r))
    for r in g:
        assert gid(r) in c.ids
    Q.append({'patient_id': c.pid, 'question': q, 'kind': kind, 'now': c.now, 'expect': 'answer',
              'gold_ids': [gid(r) for r in g], 'gold_match': match, 'answer_facts': facts, '_n': c.n})


def X(c, q, kind, absent, trap=False):
    """An abstain question: none of the `absent` patterns may occur anywhere in this chart.
    trap=True: the concept must occur in at least one OTHER blind5 chart (cross-patient trap)."""
    for rx in absent:
        m = re.search(rx, c.alltext, re.I)
        assert not m, (c.n, q, rx, c.alltext[max(0, m.start() - 80): m.end() + 80])
    if trap:
        others = [o for o in CH.values() if o.n != c.n and any(re.search(rx, o.alltext, re.I) for rx in absent)]
        assert others, (c.n, q, 'trap concept not found in any other chart')
    Q.append({'patient_id': c.pid, 'question': q, 'kind': kind, 'now': c.now, 'expect': 'abstain',
              'gold_ids': [], 'gold_match': 'any', 'answer_facts': [], '_n': c.n, '_trap': trap})


# concept patterns (used for class questions and abstain checks)
ANTICOAG = r'apixaban|warfarin|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin'
STATIN = r'\b(atorva|rosuva|simva|prava|lova|pitava|fluva)statin|lipitor|crestor|zocor'
OPIOID = r'oxycodone|hydrocodone|tramadol|morphine|fentanyl|codeine|hydromorphone|methadone'
ANTIPSYCH = r'quetiapine|olanzapine|risperidone|aripiprazole|haloperidol|ziprasidone|lurasidone'
BENZO = r'lorazepam|alprazolam|clonazepam|diazepam|temazepam'
DIABETES_RX = r'metformin|glipizide|glyburide|glimepiride|empagliflozin|dapagliflozin|canagliflozin|semaglutide|liraglutide|dulaglutide|insulin|sitagliptin|pioglitazone'
ANTIHTN = r'losartan|valsartan|lisinopril|ramipril|amlodipine|diltiazem|hydrochlorothiazide|chlorthalidone|metoprolol|carvedilol'
A1C = [r'\ba1c\b', r'\b4548-4\b', r'glycated h', r'glycosylated']
PSA = [r'\bpsa\b', r'prostate specific', r'\b2857-1\b']
WARFARIN = [r'warfarin', r'coumadin', r'jantoven']
LITHIUM = [r'lithium']
CPAP = [r'\bcpap\b', r'continuous positive airway', r'\bbipap\b']
COLONOSCOPY = [r'colonoscop']
INSULIN = [r'insulin']
METHOTREXATE = [r'methotrexate', r'\bmtx\b']
AFIB = [r'atrial fibrillation', r'\bafib\b', r'\ba-fib\b', r'\b49436004\b']
DEFIB = [r'defibrillat', r'cardioverter']
PACEMAKER = [r'pacemaker', r'pacing']
HEPB = [r'hep b\b', r'hepatitis b', r'heplisav', r'engerix', r'recombivax']
HEPC = [r'hepatitis c', r'hep c\b', r'\bhcv\b', r'sofosbuvir', r'epclusa']
COPD = [r'\bcopd\b', r'chronic obstructive', r'emphysema']
ZOSTER_VAX = [r'zoster', r'shingrix', r'shingles', r'zostavax']
EF = [r'ejection fraction', r'echocardiog', r'\blvef\b', r'\b10230-1\b']
DVT = [r'\bdvt\b', r'deep vein', r'deep venous', r'venous thrombo', r'pulmonary embol']
SEIZURE = [r'seizure', r'epilep', r'convuls']
HOME_O2 = [r'oxygen concentrator', r'home oxygen', r'home o2', r'oxygen therapy']
HUMIRA = [r'adalimumab', r'humira']
COLON_CA = [r'colon cancer', r'neoplasm of colon', r'tumor of colon', r'colorectal', r'adenocarcinoma', r'C18\.']
INR = [r'\binr\b', r'\b6301-6\b', r'prothrombin']


# ---------------------------------------------------------------------------
# patient 1: CAD/CABG, AF, HFrEF with ICD, CKD, gout (bundle)
# ---------------------------------------------------------------------------
def p1(c):
    g = c.meds(ANTICOAG, status='active')
    A(c, 'is pt anticoagulated rn', 'med_active_class', g, [phrase(r, ANTICOAG) for r in g])
    g = c.meds('warfarin')
    A(c, 'was he ever on coumadin?', 'med_brand_ever', g + c.notes('warfarin'), [phrase(g[0], 'warfarin')], match='any')
    w = c.meds('warfarin')[0]
    g = c.obs('6301-6', frm=when(w), to=end_of(w))
    top = max(g, key=lambda r: (r['valueQuantity']['value'], when(r)))
    A(c, 'pls pull his inr values from when he was on warfrin', 'lab_trend', g, [val(g[0]), val(top), val(g[-1])])
    g = c.meds('atorvastatin')
    A(c, "reason lipitor was dc'd", 'med_stop_reason', g, [g[0]['statusReason']['text'].split(' (')[0]], match='any')
    g = c.procs('bypass')
    A(c, 's/p cabg - what date was that', 'procedure_date', g + c.notes(r'CABG x3'), [when(g[0])], match='any')
    g = c.devices('defibrillator') + c.procs('defibrillator')
    A(c, 'does he have an icd', 'device', g, ['defibrillator'], match='any')
    chf_adm = c.encs('IMP', reason='heart failure')[0]
    g = c.obs('10230-1', frm=when(chf_adm))
    A(c, 'EF since the CHF admission, getting better or not', 'lab_trend', g, [val(r) for r in g])
    sp = c.meds('spironolactone')[0]
    g = [r for r in c.obs('2823-3') if when(r) > end_of(sp)]
    A(c, 'potasium since they stopped the spironolactone', 'lab_trend', g, [val(r) for r in g])
    g = c.conds(r'kidney|renal|nephr')
    A(c, 'any kidney issues', 'condition_group', g, [phrase(g[0], r'Chronic kidney disease stage 3')])
    g = c.obs('2160-0', frm='2021-01-01')
    A(c, 'pt w/ ckd, has the creatinine gone up since 2021', 'lab_trend', g, [val(g[0]), val(g[-1])])
    A(c, 'Jan 2021 admission: did he come in through the ER, and where did he go after discharge?', 'two_part', [chf_adm],
      ['emergency', chf_adm['hospitalization']['dischargeDisposition']['text']])
    cabg_adm = c.encs('IMP', frm='2019-10-01', to='2019-10-31')[0]
    A(c, "where'd he go after the bypass surgery home or facility", 'discharge_disposition', [cabg_adm] + c.notes(r'CABG x3'),
      [cabg_adm['hospitalization']['dischargeDisposition']['text']], match='any')
    g = c.imms('influenza', frm=str(int(c.now[:4]) - (1 if c.now[5:] < '08-01' else 0)) + '-08-01')
    A(c, 'flu shot this season?', 'immunization', g, [when(r) for r in g])
    g = c.imms('zoster')
    A(c, 'has he had both shingrex doses', 'immunization_series', g, [when(r) for r in g])
    g = c.fmh(r'myocardial|coronary|heart')
    A(c, 'any fhx of heart disease', 'family_history', g, ['father', 'Myocardial infarction'])
    g = c.notes(r'recommend', frm='2022-06-01', to='2022-06-30')
    A(c, 'What did cardiology recommend in June 2022?', 'note_fact', g, ['implantable cardioverter-defibrillator'])
    g = c.meds_for('gout', status='active')
    A(c, 'whats he taking for gout', 'med_for_condition', g, [phrase(r, 'allopurinol') for r in g])
    g = c.meds('sacubitril', status='active')
    A(c, 'still on entreso?', 'med_still', g, [phrase(g[0], 'sacubitril')])
    cabg = c.procs('bypass')[0]
    g = [closest(c.obs('18262-6'), when(cabg))]
    A(c, 'ldl closest to the cabg', 'lab_at_time', g, [val(g[0]), when(g[0])])
    g = c.encs('VR', frm='2023-01-01', to='2023-01-31')
    A(c, 'reason for the video visit in jan 2023', 'encounter_reason', g, [g[0]['reasonCode'][0]['coding'][0]['display'].split(' (')[0]])
    icdp = c.procs('defibrillator')[0]
    g = [closest(c.obs('29463-7'), when(icdp))]
    A(c, 'what did he weigh around the time the icd went in', 'vital_at_time', g, [val(g[0])])
    g = c.meds(r'furosemide|hydrochlorothiazide|spironolactone|chlorthalidone|torsemide|bumetanide', status='active')
    A(c, 'is he on a water pill', 'med_active_class', g, [phrase(r, 'furosemide') for r in g])
    g = c.conds('myocardial infarction')
    A(c, 'when did he have his heart attack', 'condition_lay', g, [when(g[0])])
    bp = sorted(c.obs('85354-9'), key=when)[-1]
    A(c, 'most recent bp', 'vital_latest', [bp], [comp(bp, '8480-6'), comp(bp, '8462-4')])
    X(c, 'last a1c', 'lab_latest', A1C, trap=True)
    X(c, 'psa level pls', 'lab_latest', PSA, trap=True)
    X(c, 'is he on insulin', 'med_active_class', INSULIN, trap=True)
    X(c, 'hx of copd?', 'condition_history', COPD, trap=True)
    X(c, 'when was his last colonoscopy', 'procedure_date', COLONOSCOPY, trap=True)
    X(c, 'hep b vaccine series complete?', 'immunization_series', HEPB, trap=True)


# ---------------------------------------------------------------------------
# patient 2: T2DM, hypothyroid, depression/neuropathy, OSA, TKA (bundle)
# ---------------------------------------------------------------------------
def p2(c):
    g = c.meds(DIABETES_RX, status='active')
    A(c, 'what diabetes meds is she on now', 'med_active_class', g, [phrase(r, r'metformin|semaglutide|insulin glargine') for r in g])
    g = c.meds('semaglutide')
    A(c, 'when did she start ozempic', 'med_start', g, [when(g[0])], match='any')
    g = c.meds('empagliflozin')
    A(c, 'why did they stop jardience', 'med_stop_reason', g, [g[0]['statusReason']['text']], match='any')
    allA = c.obs('4548-4')
    worst = max(allA, key=lambda r: (r['valueQuantity']['value'], when(r)))
    A(c, 'worst a1c shes had', 'lab_extreme', [worst], [val(worst), when(worst)])
    t = c.obs('3016-3')[-1]
    A(c, 'tsh normal?', 'lab_normal', [t], [val(t), t['interpretation'][0]['text']])
    g = c.meds('levothyroxine')
    A(c, 'synthroid dose changes over the yrs', 'med_history', g, [phrase(r, r'0\.\d+ MG') for r in g])
    g = c.meds('sertraline')
    A(c, 'is she still taking zoloft', 'med_still', g, [phrase(g[0], 'sertraline'), end_of(g[0])], match='any')
    g = c.meds('duloxetine')
    A(c, 'What is the cymbalata for?', 'med_reason', g,
      [x['display'].replace(' (disorder)', '') for x in g[0]['reasonReference']])
    g = c.dus(r'positive airway') + c.devices(r'positive airway')
    A(c, 'does pt use a cpap', 'device', g, ['Continuous positive airway pressure'], match='any')
    g = c.notes(r'polysomnogram')
    A(c, 'sleep study results pls', 'note_fact', g, ['AHI 34'], match='any')
    tka = c.procs('knee replacement')[0]
    A(c, 'which knee got replaced and when', 'two_part', [tka], [tka['bodySite'][0]['text'], when(tka)])
    adm = c.encs('IMP', frm=when(tka), to=when(tka))[0]
    A(c, 'd/c dispo after her TKA', 'discharge_disposition', [adm] + c.notes('Brookside'),
      [adm['hospitalization']['dischargeDisposition']['text']], match='any')
    g = c.meds(OPIOID, frm=when(tka), to=adm['period']['end'][:10])
    A(c, 'what pain meds did she get after the knee surgery', 'med_in_window', g, [phrase(r, OPIOID) for r in g])
    g = c.imms('hep b')
    A(c, 'hep b series done', 'immunization_series', g, [when(r) for r in g])
    g = c.meds('nitrofurantoin')
    A(c, 'how many times has she needed macrobid', 'med_count', g, [str(len(g))], derived=(str(len(g)),))
    g = c.conds(r'retinopathy|eye|macular|cataract|glaucoma')
    A(c, 'any eye problems from the diabetis', 'condition_group', g, [phrase(g[0], 'retinopathy')])
    g = c.of('AllergyIntolerance')
    A(c, 'allergies?', 'allergy', g, [name(r).split(' (')[0] for r in g])
    g = c.encs('EMER', reason='hypoglyc')
    A(c, 'when was she in the ER for low blood sugar', 'encounter_reason', g + c.notes('D50'), [when(g[0])], match='any')
    g = c.notes(r'basal insulin', to='2021-12-31')
    A(c, 'What did endo say about starting basal insulin?', 'note_fact', g, ['A1c remains above 8'])
    sema = c.meds('semaglutide')[0]
    g = c.obs('29463-7', frm=when(sema))
    A(c, 'weight trend since starting semaglutide', 'vital_trend', g, [val(g[0]), val(g[-1])])
    g = c.goals(r'a1c')
    A(c, "what's her a1c goal", 'goal', g, ['< 7.0'])
    yr = c.now[:4] if c.now[5:] >= '06-01' else str(int(c.now[:4]) - 1)
    g = c.obs('18262-6', frm=yr + '-03-01', to=yr + '-05-31')
    A(c, 'ldl last spring', 'lab_in_window', g, [val(r) for r in g])
    g = c.meds('pregabalin')
    A(c, 'why was lyrica stopped', 'med_stop_reason', g, [g[0]['statusReason']['text']], match='any')
    g = [r for r in c.obs('4548-4') if when(r) < when(tka)][-1:]
    A(c, 'a1c before her knee surgery?', 'lab_at_time', g, [val(g[0]), when(g[0])])
    X(c, 'was she ever on warfarin', 'med_ever', WARFARIN, trap=True)
    X(c, 'afib hx?', 'condition_history', AFIB, trap=True)
    X(c, 'last lithium level', 'lab_latest', LITHIUM, trap=True)
    X(c, 'has she had the shingles vaccine', 'immunization', ZOSTER_VAX, trap=True)
    X(c, 'is she on methotrexate', 'med_active_class', METHOTREXATE, trap=True)
    X(c, 'what was her EF on echo', 'lab_latest', EF, trap=True)


# ---------------------------------------------------------------------------
# patient 3: bipolar I, GAD, asthma, migraine, C-section, IUD (bulk)
# ---------------------------------------------------------------------------
def p3(c):
    g = c.meds_for('bipolar', status='active')
    A(c, 'her mood meds - what is she taking for the bipolar right now', 'med_for_condition', g, [phrase(r, r'quetiapine|lamotrigine') for r in g])
    g = c.meds('lithium')
    A(c, "why was lithium dc'd", 'med_stop_reason', g + c.notes('Lithium discontinued'), ['1.3', 'tremor'], match='any')
    li = c.obs('14334-7')
    top = max(li, key=lambda r: (r['valueQuantity']['value'], when(r)))
    A(c, 'highest li level', 'lab_extreme', [top], [val(top), when(top)])
    g = c.meds(ANTIPSYCH, status='active')
    A(c, 'any antipsychotics currently', 'med_active_class', g, [phrase(r, ANTIPSYCH) for r in g])
    g = c.meds('olanzapine')
    A(c, 'has she ever gotten zyprexia', 'med_brand_ever', g, [phrase(g[0], 'olanzapine'), when(g[0])], match='any')
    g = c.meds(BENZO)
    A(c, 'still on a benzo?', 'med_still', g, [phrase(g[0], BENZO), end_of(g[0])], match='any')
    g = c.meds('albuterol', status='active')
    A(c, 'does she have a rescue inhaler', 'med_lay', g, [phrase(g[0], 'albuterol')], match='any')
    g = c.meds('salmeterol', status='active')
    A(c, 'is she on advair', 'med_brand_active', g, [phrase(g[0], 'salmeterol')])
    ed = c.encs('EMER', reason='asthma')[0]
    pred = c.meds('prednisone', frm=when(ed), to=when(ed))
    A(c, 'asthma flare ED visit - when and what was she sent home on', 'two_part', [ed] + pred, [when(ed), phrase(pred[0], 'prednisone')])
    g = c.allergies('penicillin')
    A(c, 'pcn allergy what kind of reaction', 'allergy', g, [g[0]['reaction'][0]['manifestation'][0]['text'].split(' (')[0]])
    adm = c.encs('IMP', frm='2020-06-01', to='2020-06-30')[0]
    A(c, 'how did she end up on the psych unit in june 2020 - transferred in or from home', 'admission_source',
      [adm] + c.notes('transferred from'), ['Transferred'], match='any')
    g = c.notes(r'cannabis')
    last = sorted(g, key=when)[-1:]
    A(c, 'what does psych say about substance use', 'note_fact', last, ['cannabis'])
    g = c.meds('Mirena') + c.notes(r'Mirena \(levonorgestrel')
    A(c, 'what iud does she have and when was it put in', 'device', g, ['Mirena', '2019-01-22'], match='any')
    g = c.notes(r'replace or remove by')
    A(c, 'when does the mirena need to come out', 'note_fact', g, ['January 2027'])
    g = c.procs('cesarean')
    A(c, 'date of her c/s', 'procedure_date', g, [when(g[0])], match='any')
    preg = c.conds('pregnancy')[0]
    g = c.imms('tdap', frm=when(preg), to=preg['abatementDateTime'][:10])
    A(c, 'tdap during the pregnancy?', 'immunization', g, [when(r) for r in g])
    g = c.meds_for('migraine', status='active')
    A(c, 'migrane meds', 'med_for_condition', g, [phrase(r, r'sumatriptan|amitriptyline') for r in g])
    g = c.meds('topiramate')
    A(c, 'why did she come off topomax', 'med_stop_reason', g, [g[0]['statusReason']['text']], match='any')
    g = c.obs('70274-6')
    A(c, 'are her anxiety scores getting better', 'lab_trend', g, [val(g[0]), val(g[-1])])
    q = c.meds('quetiapine')[0]
    wts = c.obs('29463-7')
    g = [r for r in wts if when(r) < when(q)][-1:] + [r for r in wts if when(r) >= when(q)]
    A(c, 'weight gain since starting seroquel?', 'vital_trend', g, [val(g[0]), val(g[-1])])
    li_rx = c.meds('lithium')[0]
    g = c.obs('2160-0', frm=when(li_rx), to=end_of(li_rx))
    A(c, 'creatinine trend while she was on lithium', 'lab_trend', g, [val(g[0]), val(g[-1])])
    g = c.encs('VR')
    A(c, 'how many of her psych visits were virtual', 'encounter_count', g, [str(len(g))], derived=(str(len(g)),))
    g = c.obs('3016-3', frm='2020-01-01', to='2020-12-31')
    A(c, 'tsh circa early 2020 - normal?', 'lab_normal', g, [val(g[0]), g[0]['interpretation'][0]['text']])
    ed = c.encs('EMER', reason='asthma')[0]
    g = c.obs('59408-5', frm=when(ed), to=when(ed)) + c.notes('room air', frm=when(ed), to=when(ed))
    A(c, 'o2 sat on ra at the asthma er visit', 'lab_at_time', g, ['93'], match='any')
    X(c, 'is she on insulin', 'med_active_class', INSULIN, trap=True)
    X(c, 'any hx of dvt', 'condition_history', DVT, trap=True)
    X(c, 'does she have an icd', 'device', DEFIB, trap=True)
    X(c, 'seizure hx?', 'condition_history', SEIZURE)
    X(c, 'metotrexate dose', 'med_dose', METHOTREXATE, trap=True)
    X(c, 'home o2?', 'device', HOME_O2, trap=True)


# ---------------------------------------------------------------------------
# patient 4: colon cancer + FOLFOX, hep C treated, GI bleed, DVT (bulk)
# ---------------------------------------------------------------------------
def p4(c):
    g = c.meds(r'oxaliplatin|fluorouracil|leucovorin|capecitabine|irinotecan')
    A(c, 'what chemo did he get', 'med_class_ever', g, [phrase(r, r'oxaliplatin|fluorouracil|leucovorin') for r in g])
    g = c.meds('oxaliplatin') + c.notes('Discontinue oxaliplatin')
    A(c, 'why was oxaliplaten stopped early', 'med_stop_reason', g, ['neuropathy'], match='any')
    g = c.obs('2039-6')
    A(c, 'cea trend', 'lab_trend', g, [val(g[0]), val(g[-1])])
    h = c.obs('718-7')
    low = min(h, key=lambda r: (r['valueQuantity']['value'], when(r)))
    A(c, 'lowest hgb and when', 'lab_extreme', [low], [val(low), when(low)])
    adm = c.encs('IMP', frm='2023-05-01', to='2023-05-31')[0]
    A(c, 'how did the may 2023 admission come about', 'admission_source', [adm] + c.notes('transferred from Cape'), ['Transferred'], match='any')
    g = c.notes(r'NSAID-induced')
    A(c, 'what caused the GI bleed per the discharge summary', 'note_fact', g, ['NSAID-induced duodenal ulcer'])
    g = c.meds('pantoprazole', status='active')
    A(c, 'still on protonics?', 'med_still', g, [phrase(g[0], 'pantoprazole')])
    g = c.meds_for('hepatitis C')
    A(c, 'hep c - what was he treated with', 'med_for_condition', g, ['sofosbuvir', 'velpatasvir'])
    epc = c.meds('sofosbuvir')[0]
    g = [r for r in c.obs('11011-1') if when(r) > end_of(epc)]
    A(c, 'hcv viral load after treatment', 'lab_after', g, [val(r) for r in g])
    g = c.procs(r'removal of totally implantable venous access')
    A(c, 'Is his port still in or was it taken out?', 'device', g, [when(g[0])])
    g = c.conds(r'thrombo|embol')
    A(c, 'r/o prior clots - any dvt or pe on file', 'condition_lay', g, [phrase(g[0], r'Deep venous thrombosis'), when(g[0])])
    g = c.meds('rivaroxaban')
    A(c, 'how long was he on xeralto', 'med_duration', g, [when(g[0]), end_of(g[0])])
    g = c.meds(OPIOID, status='active')
    A(c, 'is he on any opioids rn', 'med_active_class', g, [phrase(r, OPIOID) for r in g])
    g = c.allergies(r'anti-inflammatory')
    A(c, 'nsaid allergy?', 'allergy_class', g, ['Nonsteroidal anti-inflammatory'])
    nf = c.encs('IMP', reason='neutropenia')[0]
    anc = c.obs('751-8', frm=when(nf), to=when(nf))
    A(c, 'neutropenic fever admission - date and what was the anc', 'two_part', [nf] + anc, [when(nf), val(anc[0])])
    g = c.procs(r'^chemotherapy')
    A(c, 'how many rounds of chemo did he get', 'procedure_count', g, [str(len(g))], derived=(str(len(g)),))
    g = c.obs('2857-1')
    A(c, 'Has his PSA gone up over the last few years?', 'lab_trend', g, [val(g[0]), val(g[-1])])
    g = c.fmh(r'colon')
    A(c, 'fhx colon ca?', 'family_history', g, ['father'])
    hc = c.procs('hemicolectomy')[0]
    adm = c.encs('IMP', frm='2021-04-01', to=when(hc))[0]
    A(c, 'hemicolectomy admission - referral or thru the ER, and where did he go after', 'two_part', [adm],
      ['referral', adm['hospitalization']['dischargeDisposition']['text']])
    g = c.notes(r'Code status')
    A(c, 'code status', 'note_fact', g, ['Full code'], match='any')
    g = c.notes(r'Repeat CEA')
    A(c, 'plan for the rising cea', 'note_fact', g, ['3 months'])
    g = c.meds('gabapentin')
    A(c, 'why is he on gabapentin', 'med_reason', g, [g[0]['reasonReference'][0]['display'].replace(' (disorder)', '')])
    g = c.procs('computed tomography', frm=c.now[:4] + '-01-01')
    A(c, 'ct scans this yr', 'procedure_in_window', g, [when(r) for r in g])
    g = c.meds(r'pegfilgrastim|filgrastim')
    A(c, 'did he get anything to keep his counts up during chemo', 'med_class_ever', g, [phrase(g[0], 'pegfilgrastim')], match='any')
    X(c, 'last a1c', 'lab_latest', A1C, trap=True)
    X(c, 'is he on a statin', 'med_active_class', [STATIN], trap=True)
    X(c, 'pacemker?', 'device', PACEMAKER, trap=True)
    X(c, 'hx afib', 'condition_history', AFIB, trap=True)
    X(c, 'does he use cpap', 'device', CPAP, trap=True)
    X(c, 'is he on humira', 'med_brand_active', HUMIRA, trap=True)
    X(c, 'inr while he was on xarelto', 'lab_trend', INR, trap=True)


# ---------------------------------------------------------------------------
# patient 5: deceased; COPD, osteoporosis + hip fracture, pacemaker, Alzheimer's (bundle)
# ---------------------------------------------------------------------------
def p5(c):
    cause = c.death_obs()
    A(c, 'When did she pass away, and what was the cause?', 'death', [c.pt] + cause, [c.pt['deceasedDateTime'][:10], val(cause[0]).split(' (')[0]])
    g = c.notes(r'DNR/DNI')
    A(c, 'code status', 'note_fact', g, ['DNR/DNI'], match='any')
    g = c.procs('pacemaker') + c.notes('sick sinus')
    A(c, 'why did she have a pacemaker', 'device_reason', g, ['Sick sinus syndrome'], match='any')
    bis = c.meds(r'alendron|risedron|ibandron|zoledron')
    A(c, 'was she ever on a bisphosphonate', 'med_class_ever', bis, [phrase(bis[0], 'alendronic acid')], match='any')
    A(c, 'why was fosomax stopped', 'med_stop_reason', bis, ['drug holiday'], match='any')
    g = c.meds_for('alzheimer')
    A(c, 'dementia meds', 'med_for_condition', g, [phrase(r, r'donepezil|memantine') for r in g])
    na = c.obs('2951-2')
    low = min(na, key=lambda r: (r['valueQuantity']['value'], when(r)))
    A(c, 'lowest sodium', 'lab_extreme', [low], [val(low), when(low)])
    hp = c.procs('hemiarthroplasty')[0]
    A(c, 'hip fracture - which side and what surgery', 'two_part', [hp], [hp['bodySite'][0]['text'], 'Hemiarthroplasty', when(hp)])
    g = c.meds('zolpidem')
    A(c, 'why did they stop the ambian', 'med_stop_reason', g, ['Fall with hip fracture'], match='any')
    last = c.encs('IMP')[-1]
    A(c, 'how did her final admission begin', 'admission_source', [last], ['emergency'])
    g = c.meds(r'ceftriaxone|azithromycin|levofloxacin|piperacillin|vancomycin|doxycycline', frm=when(last), to=last['period']['end'][:10])
    A(c, 'which antibiotics during her last hospitalization', 'med_in_window', g, [phrase(r, r'ceftriaxone|azithromycin') for r in g])
    g = c.obs('59408-5', frm='2024-01-01', to='2024-01-31')
    A(c, 'o2 sat when she came in jan 2024', 'lab_at_time', g[:1], [val(g[0])])
    g = c.dus('oxygen') + c.devices('oxygen')
    A(c, 'was she on home oxygen', 'device', g, ['Oxygen concentrator'], match='any')
    g = c.imms('influenza', frm='2023-09-01', to='2023-11-30')
    A(c, 'flu shot fall 2023?', 'immunization', g, [when(r) for r in g])
    g = c.imms('polysaccharide')
    A(c, 'pnuemovax date', 'immunization', g, [when(r) for r in g])
    hz = c.conds('zoster')[0]
    vx = c.imms('zoster vaccine recombinant', frm=when(hz))
    A(c, 'shingles hx and was she vaccinated after', 'two_part', [hz] + vx, [when(hz)] + [when(r) for r in vx])
    g = c.notes(r'health care proxy')
    A(c, 'who was her hcp', 'note_fact', g, ['Ines'], match='any')
    g = c.notes(r'MoCA')
    A(c, 'moca score at the memory clinic', 'note_fact', g, ['17/30'])
    g = c.allergies('lisinopril')
    A(c, 'ace inhibitor allergy? what reaction', 'allergy_class', g, ['Lisinopril', 'Angioedema'])
    hz_stop = c.meds('hydrochlorothiazide')[0]
    g = c.meds(ANTIHTN, frm=end_of(hz_stop))
    A(c, 'what did they switch her bp med to after the low sodium', 'med_after', g, [phrase(g[0], 'diltiazem')])
    g = c.notes(r'comfort-focused') + c.careplans('palliative')
    A(c, 'when was the decision for comfort care', 'note_fact', g, ['2024-01-25'], match='any')
    g = c.conds(r'lung|pneumonia|respiratory|bronch|asthma')
    A(c, 'what lung problems did she have', 'condition_group', g, sorted({name(r).split(' (')[0] for r in g}))
    g = c.encs(type_rx='urgent', frm='2022-01-01', to='2022-01-31')
    A(c, 'why did she go to urgent care in jan 2022', 'encounter_reason', g, [g[0]['reasonCode'][0]['coding'][0]['display'].split(' (')[0]])
    g = c.conds('chronic obstructive')
    A(c, "when was copd first dx'd", 'condition_onset', g, [when(g[0])])
    X(c, 'last a1c', 'lab_latest', A1C, trap=True)
    X(c, 'was she ever on warfarin', 'med_ever', WARFARIN, trap=True)
    X(c, 'last colonscopy', 'procedure_date', COLONOSCOPY, trap=True)
    X(c, 'lithium level', 'lab_latest', LITHIUM, trap=True)
    X(c, 'hep c hx?', 'condition_history', HEPC, trap=True)
    X(c, 'did she use cpap at night', 'device', CPAP, trap=True)
    X(c, 'was she on a statin', 'med_ever', [STATIN], trap=True)


# ---------------------------------------------------------------------------
# patient 6: T1DM on pump, RA on MTX + adalimumab, kidney stone, hypoglycemia (bundle)
# ---------------------------------------------------------------------------
def p6(c):
    g = c.meds(r'adalimumab|etanercept|infliximab|tocilizumab|abatacept|rituximab|certolizumab|golimumab', status='active')
    A(c, 'what biologic is he on', 'med_active_class', g, [phrase(r, 'adalimumab') for r in g])
    hum = c.meds('adalimumab')[0]
    g = [r for r in c.obs('71773-6') if when(r) <= when(hum)]
    A(c, 'Did they check for TB before he started Humira?', 'lab_before', g, [val(g[0]), when(g[0])])
    g = c.meds('methotrexate')
    A(c, 'mtx dose', 'med_dose', g, [g[0]['dosageInstruction'][0]['text'].split(' (')[0], 'once weekly'])
    g = c.meds('hydroxychloroquine')
    A(c, 'why was plaquinil stopped', 'med_stop_reason', g, [g[0]['statusReason']['text']], match='any')
    mtx = c.meds('methotrexate')[0]
    alt = c.obs('1742-6', frm=when(mtx))
    hi = [r for r in alt if r['interpretation'][0]['coding'][0]['code'] == 'H']
    A(c, 'lfts on methotrexate - any elevation', 'lab_extreme', hi, [val(r) for r in hi] + [when(r) for r in hi])
    g = c.meds('lispro') + c.notes(r'basal 0\.8')
    A(c, 'pump basal rate', 'med_dose', g, ['0.8 units/hr'], match='any')
    g = c.dus('glucose monitoring') + c.devices('glucose monitoring')
    A(c, 'does he wear a cgm', 'device', g, ['Continuous glucose monitoring'], match='any')
    g = c.obs('4548-4', frm=shift_years(c.now, -2))
    A(c, 'a1c last 2 yrs', 'lab_trend', g, [val(r) for r in g])
    dka = c.encs('IMP', reason='ketoacidosis')[0]
    note = c.notes('infusion-set occlusion')
    A(c, 'how long was he in the hospital for the dka and what caused it', 'two_part', [dka] + note,
      ['occlusion', when(dka), dka['period']['end'][:10]])
    g = c.obs('1963-8', frm=when(dka), to=when(dka))
    A(c, 'bicarb during dka', 'lab_at_time', g, [val(g[0])])
    hy = c.encs('EMER', reason='hypoglyc')[0]
    g = c.obs('2345-7', frm=when(hy), to=when(hy))
    A(c, 'what was his bs at the hypoglycemia er visit', 'lab_at_time', g, [val(g[0])])
    g = c.meds('ramipril')
    A(c, 'why is he on ramipril', 'med_reason', g, ['Microalbuminuria'])
    ks = c.conds('kidney stone')[0]
    tam = c.meds('tamsulosin')
    A(c, 'kidney stone - when, and was he given flomax', 'two_part', [ks] + tam, [when(ks), phrase(tam[0], 'tamsulosin')])
    g = c.meds('cephalexin')
    A(c, 'ever on keflx', 'med_brand_ever', g, [phrase(g[0], 'cephalexin'), 'Generalized rash'], match='any')
    g = c.imms('hep b')
    A(c, 'hep b vaccine series complete?', 'immunization_series', g, [when(r) for r in g])
    g = c.fmh('rheumatoid')
    A(c, 'ra in the family', 'family_history', g, ['mother'])
    crp = c.obs('1988-5')
    esr = c.obs('30341-2')
    A(c, 'crp esr trending down?', 'lab_trend', crp + esr, [val(crp[0]), val(crp[-1]), val(esr[0]), val(esr[-1])])
    g = sorted(c.notes(r'RHEUMATOLOGY'), key=when)[-1:]
    A(c, 'rheum plan at last visit', 'note_fact', g, ['10 mg weekly'])
    g = c.encs('EMER')
    A(c, 'how many ER visits has he had', 'encounter_count', g, [str(len(g))], derived=(str(len(g)),))
    l = c.obs('18262-6')[-1]
    A(c, 'latest ldl at goal?', 'lab_normal', [l], [val(l), l['interpretation'][0]['text']])
    ram = c.meds('ramipril')[0]
    g = c.obs('14959-1', frm=when(ram))
    A(c, 'uacr since ramipril started', 'lab_trend', g, [val(r) for r in g])
    g = c.notes('electrician')
    A(c, 'what does he do for work', 'social_history', g, ['electrician'])
    bd = c.pt['birthDate']
    nd = dt.date.fromisoformat(c.now)
    bdd = dt.date.fromisoformat(bd)
    age = nd.year - bdd.year - ((nd.month, nd.day) < (bdd.month, bdd.day))
    A(c, 'how old is he', 'demographics', [c.pt], [str(age), bd], derived=(str(age),))
    g = c.obs('4548-4')[:1]
    A(c, 'first a1c on file', 'lab_first', g, [val(g[0]), when(g[0])])
    X(c, 'was he ever on warfarin', 'med_ever', WARFARIN, trap=True)
    X(c, 'psa', 'lab_latest', PSA, trap=True)
    X(c, 'lithium level', 'lab_latest', LITHIUM, trap=True)
    X(c, 'cpap settings', 'device', CPAP, trap=True)
    X(c, 'hx colon cancer', 'condition_history', COLON_CA, trap=True)
    X(c, 'does he have an icd', 'device', DEFIB, trap=True)


def main():
    raw = load()
    byname = {}
    for pid, (res, ids) in raw.items():
        pt = [r for r in res if r['resourceType'] == 'Patient'][0]
        byname[pt['name'][0]['given'][0]] = pid
    for n, nm in NAMES.items():
        pid = byname[nm]
        CH[n] = Chart(n, pid, raw[pid][0], raw[pid][1])
    for n, fn in ((1, p1), (2, p2), (3, p3), (4, p4), (5, p5), (6, p6)):
        fn(CH[n])
    # deterministic interleave
    rng = random.Random(505)
    order = list(range(len(Q)))
    rng.shuffle(order)
    qs = [Q[i] for i in order]
    assert len({(q['patient_id'], q['question']) for q in qs}) == len(qs)
    out = []
    for i, q in enumerate(qs, 1):
        o = {'id': 'b5-%03d' % i, 'patient_id': q['patient_id'], 'question': q['question'], 'kind': q['kind'],
             'now': q['now'], 'expect': q['expect'], 'gold_ids': q['gold_ids'], 'gold_match': q['gold_match'],
             'answer_facts': q['answer_facts']}
        # every gold id exists in that patient's own files
        for g in o['gold_ids']:
            assert g in raw[o['patient_id']][1], g
        out.append(json.dumps(o, ensure_ascii=True))
    with open(os.path.join(HERE, 'questions.jsonl'), 'w', encoding='ascii', newline='\n') as f:
        f.write('\n'.join(out) + '\n')
    na = sum(1 for q in qs if q['expect'] == 'abstain')
    print('questions: %d  answer: %d  abstain: %d (%.1f%%)  cross-patient traps: %d'
          % (len(qs), len(qs) - na, na, 100.0 * na / len(qs), sum(1 for q in qs if q.get('_trap'))))


if __name__ == '__main__':
    main()

"""Small FHIR R4 resource builder used by gen_patients.py (stdlib only).

Everything produced here is synthetic and invented.
"""
import base64
import datetime as _dt
import json
import uuid

SCT = 'http://snomed.info/sct'
LOINC = 'http://loinc.org'
RX = 'http://www.nlm.nih.gov/research/umls/rxnorm'
CVX = 'http://hl7.org/fhir/sid/cvx'
ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm'
UCUM = 'http://unitsofmeasure.org'
SYS = {'sct': SCT, 'loinc': LOINC, 'icd10': ICD10, 'cvx': CVX, 'rx': RX}
NPI = 'http://hl7.org/fhir/sid/us-npi'
ORGID = 'https://github.com/synthetichealth/synthea'

ADMIT = {
    'emd': 'From accident/emergency department',
    'hosp-trx': 'Transferred from other hospital',
    'mp': 'Medical Practitioner/physician referral',
    'outp': 'From outpatient department',
}
DISCH = {
    'home': 'Home',
    'snf': 'Skilled nursing facility',
    'rehab': 'Rehabilitation',
    'psy': 'Psychiatric hospital',
    'exp': 'Expired',
}
CLASS = {'AMB': 'ambulatory', 'EMER': 'emergency', 'IMP': 'inpatient encounter',
         'VR': 'virtual', 'HH': 'home health'}

ET = {
    'wellness': ('162673000', 'General examination of patient (procedure)'),
    'checkup': ('185349003', 'Encounter for check up (procedure)'),
    'symptom': ('185345009', 'Encounter for symptom (procedure)'),
    'problem': ('185347001', 'Encounter for problem (procedure)'),
    'followup': ('390906007', 'Follow-up encounter (procedure)'),
    'consult': ('698314001', 'Consultation for treatment (procedure)'),
    'er': ('50849002', 'Emergency room admission (procedure)'),
    'admit': ('32485007', 'Hospital admission (procedure)'),
    'emadmit': ('183452005', 'Emergency hospital admission (procedure)'),
    'tele': ('448337001', 'Telemedicine consultation with patient (procedure)'),
    'home': ('439708006', 'Home visit (procedure)'),
    'urgent': ('702927004', 'Urgent care clinic (environment)'),
    'outproc': ('371883000', 'Outpatient procedure (procedure)'),
    'postop': ('439740005', 'Postoperative follow-up visit (procedure)'),
    'prenatal': ('424619006', 'Prenatal visit (regime/therapy)'),
    'death': ('308646001', 'Death Certification'),
    'psyadmit': ('305342007', 'Admission to ward (procedure)'),
    'vaccine': ('33879002', 'Administration of vaccine to produce active immunity (procedure)'),
}

# key: (loinc, display, unit, (low, high) or None, category)
LAB = {
    'a1c': ('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', '%', (4.0, 5.6), 'laboratory'),
    'glucose': ('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'mg/dL', (70, 99), 'laboratory'),
    'creat_m': ('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', (0.7, 1.3), 'laboratory'),
    'creat_f': ('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', (0.5, 1.1), 'laboratory'),
    'egfr': ('33914-3', 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)', 'mL/min/{1.73_m2}', (60, None), 'laboratory'),
    'k': ('2823-3', 'Potassium [Moles/volume] in Serum or Plasma', 'mmol/L', (3.5, 5.1), 'laboratory'),
    'na': ('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', (136, 145), 'laboratory'),
    'bicarb': ('1963-8', 'Bicarbonate [Moles/volume] in Serum or Plasma', 'mmol/L', (22, 29), 'laboratory'),
    'ldl': ('18262-6', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay', 'mg/dL', (None, 100), 'laboratory'),
    'tsh': ('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma', 'm[IU]/L', (0.4, 4.0), 'laboratory'),
    'inr': ('6301-6', 'INR in Platelet poor plasma by Coagulation assay', '{INR}', (2.0, 3.0), 'laboratory'),
    'hgb_m': ('718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', (13.5, 17.5), 'laboratory'),
    'hgb_f': ('718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', (12.0, 15.5), 'laboratory'),
    'psa': ('2857-1', 'Prostate specific Ag [Mass/volume] in Serum or Plasma', 'ng/mL', (None, 4.0), 'laboratory'),
    'ntprobnp': ('33762-6', 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma', 'pg/mL', (None, 125), 'laboratory'),
    'trop': ('89579-7', 'Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method', 'ng/L', (None, 34), 'laboratory'),
    'urate': ('3084-1', 'Urate [Mass/volume] in Serum or Plasma', 'mg/dL', (3.5, 7.2), 'laboratory'),
    'uacr': ('14959-1', 'Microalbumin/Creatinine [Mass Ratio] in Urine', 'mg/g', (None, 30), 'laboratory'),
    'lithium': ('14334-7', 'Lithium [Moles/volume] in Serum or Plasma', 'mmol/L', (0.6, 1.2), 'laboratory'),
    'hcg': ('2106-3', 'Choriogonadotropin (pregnancy test) [Presence] in Urine', None, None, 'laboratory'),
    'cea': ('2039-6', 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma', 'ng/mL', (None, 3.0), 'laboratory'),
    'alt': ('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', (7, 56), 'laboratory'),
    'crp': ('1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', 'mg/L', (None, 10), 'laboratory'),
    'esr': ('30341-2', 'Erythrocyte sedimentation rate', 'mm/h', (0, 15), 'laboratory'),
    'anc': ('751-8', 'Neutrophils [#/volume] in Blood by Automated count', '10*3/uL', (1.5, 8.0), 'laboratory'),
    'wbc': ('6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*3/uL', (4.5, 11.0), 'laboratory'),
    'hcv': ('11011-1', 'Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection', '[IU]/mL', None, 'laboratory'),
    'ferritin': ('2276-4', 'Ferritin [Mass/volume] in Serum or Plasma', 'ng/mL', (30, 400), 'laboratory'),
    'vitd': ('62292-8', '25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma', 'ng/mL', (30, 100), 'laboratory'),
    'b12': ('2132-9', 'Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma', 'pg/mL', (200, 900), 'laboratory'),
    'qft': ('71773-6', 'Mycobacterium tuberculosis stimulated gamma interferon [Presence] in Blood', None, None, 'laboratory'),
    'lvef': ('10230-1', 'Left ventricular Ejection fraction', '%', (50, 70), 'imaging'),
    'fev1fvc': ('19926-5', 'FEV1/FVC', '%', (70, None), 'exam'),
    'gad7': ('70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]', '{score}', None, 'survey'),
    'phq9': ('44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]', '{score}', None, 'survey'),
    'spo2': ('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', '%', (95, 100), 'vital-signs'),
    'temp': ('8310-5', 'Body temperature', 'Cel', None, 'vital-signs'),
    'height': ('8302-2', 'Body Height', 'cm', None, 'vital-signs'),
    'weight': ('29463-7', 'Body Weight', 'kg', None, 'vital-signs'),
    'bmi': ('39156-5', 'Body mass index (BMI) [Ratio]', 'kg/m2', None, 'vital-signs'),
    'hr': ('8867-4', 'Heart rate', '/min', None, 'vital-signs'),
    'tobacco': ('72166-2', 'Tobacco smoking status', None, None, 'social-history'),
}

QUAL = {
    'Positive': ('10828004', 'Positive (qualifier value)'),
    'Negative': ('260385009', 'Negative (qualifier value)'),
    'Not detected': ('260415000', 'Not detected (qualifier value)'),
    'Never smoker': ('266919005', 'Never smoked tobacco (finding)'),
    'Former smoker': ('8517006', 'Ex-smoker (finding)'),
    'Every day smoker': ('449868002', 'Smokes tobacco daily (finding)'),
}

INTERP = {'H': 'High', 'L': 'Low', 'N': 'Normal'}


def D(s):
    return _dt.date.fromisoformat(s) if isinstance(s, str) else s


def tz(d):
    return '-04:00' if 4 <= d.month <= 10 else '-05:00'


def ts(d, h=9, m=0, s=0):
    d = D(d)
    return '%sT%02d:%02d:%02d%s' % (d.isoformat(), h, m, s, tz(d))


def cc(system, code, display, text=True):
    c = {'coding': [{'system': SYS.get(system, system), 'code': code, 'display': display}]}
    if text:
        c['text'] = display
    return c


def prac_ref(p):
    npi, name = p
    return {'reference': 'Practitioner?identifier=%s|%s' % (NPI, npi), 'display': name}


def org_ref(name, oid):
    return {'reference': 'Organization?identifier=%s|%s' % (ORGID, oid), 'display': name}


class Builder:
    def __init__(self, rng, mode):
        assert mode in ('bundle', 'bulk')
        self.rng = rng
        self.mode = mode
        self.res = []
        self.start = {}  # encounter id -> (date, h, m)
        self.patient = None
        self.pname = None

    # ---------- basics
    def nid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def ref(self, r, display=None):
        if self.mode == 'bundle':
            s = 'urn:uuid:' + r['id']
        else:
            s = '%s/%s' % (r['resourceType'], r['id'])
        d = {'reference': s}
        if display:
            d['display'] = display
        return d

    def pref(self):
        return self.ref(self.patient)

    def add(self, r):
        self.res.append(r)
        return r

    def at(self, enc, plus_min=0):
        d, h, m = self.start[enc['id']]
        m2 = h * 60 + m + plus_min
        return ts(d, m2 // 60, m2 % 60)

    # ---------- Patient
    def pat(self, given, family, prefix, gender, birth, city, zipc, marital, race, eth,
            phone, street, deceased=None, lang=('en-US', 'English (United States)')):
        pid = self.nid()
        r = {
            'resourceType': 'Patient', 'id': pid,
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient']},
            'extension': [
                {'url': 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
                 'extension': [{'url': 'ombCategory', 'valueCoding': {'system': 'urn:oid:2.16.840.1.113883.6.238', 'code': race[0], 'display': race[1]}},
                               {'url': 'text', 'valueString': race[1]}]},
                {'url': 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
                 'extension': [{'url': 'ombCategory', 'valueCoding': {'system': 'urn:oid:2.16.840.1.113883.6.238', 'code': eth[0], 'display': eth[1]}},
                               {'url': 'text', 'valueString': eth[1]}]},
                {'url': 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex', 'valueCode': 'M' if gender == 'male' else 'F'},
                {'url': 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
                 'valueAddress': {'city': city, 'state': 'Massachusetts', 'country': 'US'}},
            ],
            'identifier': [
                {'system': ORGID, 'value': pid},
                {'type': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v2-0203', 'code': 'MR', 'display': 'Medical Record Number'}], 'text': 'Medical Record Number'},
                 'system': 'http://hospital.smarthealthit.org', 'value': pid},
            ],
            'name': [{'use': 'official', 'family': family, 'given': [given], 'prefix': [prefix]}],
            'telecom': [{'system': 'phone', 'value': phone, 'use': 'home'}],
            'gender': gender,
            'birthDate': birth,
            'address': [{'line': [street], 'city': city, 'state': 'MA', 'postalCode': zipc, 'country': 'US'}],
            'maritalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', 'code': marital[0], 'display': marital[1]}], 'text': marital[1]},
            'communication': [{'language': {'coding': [{'system': 'urn:ietf:bcp:47', 'code': lang[0], 'display': lang[1]}], 'text': lang[1]}}],
        }
        if deceased:
            r['deceasedDateTime'] = deceased
        self.patient = r
        self.pname = '%s %s %s' % (prefix, given, family)
        return self.add(r)

    # ---------- Encounter
    def enc(self, cls, etype, date, prac, org, end=None, minutes=None, reason=None,
            admit=None, disch=None, hour=None, minute=None, location=None):
        eid = self.nid()
        d = D(date)
        h = hour if hour is not None else self.rng.choice([8, 9, 10, 11, 13, 14, 15, 16])
        mi = minute if minute is not None else self.rng.choice([0, 10, 15, 20, 30, 40, 45, 50])
        self.start[eid] = (d, h, mi)
        start = ts(d, h, mi)
        if end is not None and 'T' in end:
            stop = end
        elif end is not None:
            e = D(end)
            stop = ts(e, self.rng.choice([10, 11, 12, 13, 14, 15]), self.rng.choice([0, 15, 30, 45]))
        else:
            mins = minutes if minutes is not None else {'AMB': 30, 'EMER': 240, 'VR': 20, 'HH': 45, 'IMP': 1440}[cls]
            t = h * 60 + mi + mins
            stop = ts(d, min(t // 60, 23), t % 60 if t // 60 < 24 else 59)
        code, disp = ET[etype] if isinstance(etype, str) else etype
        r = {
            'resourceType': 'Encounter', 'id': eid,
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter']},
            'identifier': [{'use': 'official', 'system': ORGID, 'value': eid}],
            'status': 'finished',
            'class': {'system': 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'code': cls, 'display': CLASS[cls]},
            'type': [{'coding': [{'system': SCT, 'code': code, 'display': disp}], 'text': disp}],
            'subject': self.ref(self.patient, self.pname),
            'participant': [{'type': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'code': 'PPRF', 'display': 'primary performer'}], 'text': 'primary performer'}],
                             'period': {'start': start, 'end': stop}, 'individual': prac_ref(prac)}],
            'period': {'start': start, 'end': stop},
        }
        if reason:
            r['reasonCode'] = [cc(*reason, text=False)]
        if admit or disch:
            hosp = {}
            if admit:
                hosp['admitSource'] = {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/admit-source', 'code': admit, 'display': ADMIT[admit]}], 'text': ADMIT[admit]}
            if disch:
                hosp['dischargeDisposition'] = {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/discharge-disposition', 'code': disch, 'display': DISCH[disch]}], 'text': DISCH[disch]}
            r['hospitalization'] = hosp
        r['location'] = [{'location': {'display': location or org[0]}}]
        r['serviceProvider'] = org_ref(*org)
        return self.add(r)

    # ---------- Condition
    def cond(self, code, display, onset, enc, status='active', abate=None, icd10=None,
             category='encounter-diagnosis', body=None):
        r = {
            'resourceType': 'Condition', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition']},
            'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/condition-clinical', 'code': status}]},
            'verificationStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/condition-ver-status', 'code': 'confirmed'}]},
            'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/condition-category', 'code': category,
                                      'display': 'Encounter Diagnosis' if category == 'encounter-diagnosis' else 'Problem List Item'}]}],
            'code': {'coding': [{'system': SCT, 'code': code, 'display': display}], 'text': display},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'onsetDateTime': onset if 'T' in onset else ts(onset, *self.start[enc['id']][1:]),
            'recordedDate': self.at(enc),
        }
        if icd10:
            r['code']['coding'].append({'system': ICD10, 'code': icd10[0], 'display': icd10[1]})
        if body:
            r['bodySite'] = [cc('sct', body[0], body[1])]
        if abate:
            r['abatementDateTime'] = abate if 'T' in abate else ts(abate, 12, 0)
        return self.add(r)

    # ---------- MedicationRequest
    def med(self, code, display, enc, status='active', authored=None, reason=None, reason_code=None,
            dosage=None, prn=False, freq=(1, 1, 'd'), status_reason=None, end=None, prac=None):
        r = {
            'resourceType': 'MedicationRequest', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest']},
            'status': status, 'intent': 'order',
            'medicationCodeableConcept': {'coding': [{'system': RX, 'code': code, 'display': display}], 'text': display},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'authoredOn': ts(authored, 12, 0) if authored else self.at(enc, 5),
        }
        if prac:
            r['requester'] = prac_ref(prac)
        if status_reason:
            r['statusReason'] = {'text': status_reason}
        if reason:
            r['reasonReference'] = [self.ref(c, c['code']['text']) for c in reason]
        if reason_code:
            r['reasonCode'] = [cc(*rc) for rc in reason_code]
        di = {'sequence': 1}
        if dosage:
            di['text'] = dosage
        if freq:
            di['timing'] = {'repeat': {'frequency': freq[0], 'period': float(freq[1]), 'periodUnit': freq[2]}}
        di['asNeededBoolean'] = prn
        di['doseAndRate'] = [{'type': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/dose-rate-type', 'code': 'ordered', 'display': 'Ordered'}]},
                              'doseQuantity': {'value': 1.0}}]
        r['dosageInstruction'] = [di]
        if end:
            r['dispenseRequest'] = {'validityPeriod': {'start': r['authoredOn'][:10], 'end': end}}
        return self.add(r)

    # ---------- Observation
    def obs(self, key, value, enc, when=None, note=None):
        code, disp, unit, rng, cat = LAB[key]
        prof = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab' if cat == 'laboratory' else 'http://hl7.org/fhir/StructureDefinition/vitalsigns'
        eff = when if when and 'T' in when else (ts(when, *self.start[enc['id']][1:]) if when else self.at(enc, 10))
        r = {
            'resourceType': 'Observation', 'id': self.nid(),
            'meta': {'profile': [prof]},
            'status': 'final',
            'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': cat, 'display': cat}]}],
            'code': {'coding': [{'system': LOINC, 'code': code, 'display': disp}], 'text': disp},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'effectiveDateTime': eff,
            'issued': eff[:19] + '.000' + eff[19:],
        }
        if isinstance(value, str):
            q = QUAL[value]
            r['valueCodeableConcept'] = {'coding': [{'system': SCT, 'code': q[0], 'display': q[1]}], 'text': value}
        else:
            r['valueQuantity'] = {'value': value, 'unit': unit, 'system': UCUM, 'code': unit}
            if rng:
                lo, hi = rng
                rr = {}
                if lo is not None:
                    rr['low'] = {'value': lo, 'unit': unit, 'system': UCUM, 'code': unit}
                if hi is not None:
                    rr['high'] = {'value': hi, 'unit': unit, 'system': UCUM, 'code': unit}
                if key == 'inr':
                    rr['text'] = 'Therapeutic range on warfarin 2.0-3.0'
                r['referenceRange'] = [rr]
                flag = 'N'
                if hi is not None and value > hi:
                    flag = 'H'
                elif lo is not None and value < lo:
                    flag = 'L'
                r['interpretation'] = [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', 'code': flag, 'display': INTERP[flag]}], 'text': INTERP[flag]}]
        if note:
            r['note'] = [{'text': note}]
        return self.add(r)

    def bp(self, sys_, dia, enc, when=None):
        eff = ts(when, *self.start[enc['id']][1:]) if when else self.at(enc, 8)
        r = {
            'resourceType': 'Observation', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/StructureDefinition/bp', 'http://hl7.org/fhir/StructureDefinition/vitalsigns']},
            'status': 'final',
            'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': 'vital-signs', 'display': 'vital-signs'}]}],
            'code': {'coding': [{'system': LOINC, 'code': '85354-9', 'display': 'Blood pressure panel with all children optional'}], 'text': 'Blood pressure panel with all children optional'},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'effectiveDateTime': eff,
            'issued': eff[:19] + '.000' + eff[19:],
            'component': [
                {'code': {'coding': [{'system': LOINC, 'code': '8462-4', 'display': 'Diastolic Blood Pressure'}], 'text': 'Diastolic Blood Pressure'},
                 'valueQuantity': {'value': dia, 'unit': 'mm[Hg]', 'system': UCUM, 'code': 'mm[Hg]'}},
                {'code': {'coding': [{'system': LOINC, 'code': '8480-6', 'display': 'Systolic Blood Pressure'}], 'text': 'Systolic Blood Pressure'},
                 'valueQuantity': {'value': sys_, 'unit': 'mm[Hg]', 'system': UCUM, 'code': 'mm[Hg]'}},
            ],
        }
        return self.add(r)

    def vitals(self, enc, height, weight, bp, hr):
        self.obs('height', height, enc)
        self.obs('weight', weight, enc)
        self.obs('bmi', round(weight / ((height / 100.0) ** 2), 1), enc)
        self.bp(bp[0], bp[1], enc)
        self.obs('hr', hr, enc)

    # ---------- Immunization
    def imm(self, cvx, display, enc, when=None):
        r = {
            'resourceType': 'Immunization', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-immunization']},
            'status': 'completed',
            'vaccineCode': {'coding': [{'system': CVX, 'code': cvx, 'display': display}], 'text': display},
            'patient': self.pref(),
            'encounter': self.ref(enc),
            'occurrenceDateTime': ts(when, *self.start[enc['id']][1:]) if when else self.at(enc, 15),
            'primarySource': True,
            'location': {'display': enc['location'][0]['location']['display']},
        }
        return self.add(r)

    # ---------- Procedure
    def proc(self, code, display, enc, when=None, minutes=30, reason=None, body=None, reason_code=None, status='completed', device=None, action=None):
        start = ts(when, *self.start[enc['id']][1:]) if when else self.at(enc, 5)
        d = D(start[:10])
        hh, mm = int(start[11:13]), int(start[14:16])
        t = hh * 60 + mm + minutes
        end = ts(d, min(t // 60, 23), t % 60)
        r = {
            'resourceType': 'Procedure', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure']},
            'status': status,
            'code': {'coding': [{'system': SCT, 'code': code, 'display': display}], 'text': display},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'performedPeriod': {'start': start, 'end': end},
            'location': {'display': enc['location'][0]['location']['display']},
        }
        if body:
            r['bodySite'] = [cc('sct', body[0], body[1])]
        if reason:
            r['reasonReference'] = [self.ref(c, c['code']['text']) for c in reason]
        if reason_code:
            r['reasonCode'] = [cc(*rc) for rc in reason_code]
        if device is not None:
            r['focalDevice'] = [{'action': {'text': action or 'Implantation'}, 'manipulated': self.ref(device, device['type']['text'])}]
        return self.add(r)

    # ---------- AllergyIntolerance
    def allergy(self, code, display, category, recorded, enc=None, atype='allergy', crit='low', reactions=(), status='active'):
        r = {
            'resourceType': 'AllergyIntolerance', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-allergyintolerance']},
            'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': status}]},
            'verificationStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', 'code': 'confirmed'}]},
            'type': atype,
            'category': [category],
            'criticality': crit,
            'code': {'coding': [{'system': SCT, 'code': code, 'display': display}], 'text': display},
            'patient': self.pref(),
            'recordedDate': recorded if 'T' in recorded else ts(recorded, 10, 0),
        }
        if enc:
            r['encounter'] = self.ref(enc)
        if reactions:
            r['reaction'] = [{'manifestation': [cc('sct', c, d)], 'severity': s} for (c, d, s) in reactions]
        return self.add(r)

    # ---------- Device / DeviceUseStatement
    def device(self, code, display, manufactured, status='active', lot=None):
        di = '%014d' % self.rng.randrange(10 ** 13, 10 ** 14)
        lot = lot or '%d' % self.rng.randrange(10 ** 9, 10 ** 10)
        serial = '%d' % self.rng.randrange(10 ** 11, 10 ** 12)
        md = D(manufactured)
        exp = md.replace(year=md.year + 10)
        r = {
            'resourceType': 'Device', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-implantable-device']},
            'udiCarrier': [{'deviceIdentifier': di,
                            'carrierHRF': '(01)%s(11)%s(17)%s(10)%s(21)%s' % (di, md.strftime('%y%m%d'), exp.strftime('%y%m%d'), lot, serial)}],
            'status': status,
            'distinctIdentifier': di,
            'manufactureDate': ts(md, 0, 0),
            'expirationDate': ts(exp, 0, 0),
            'lotNumber': lot,
            'serialNumber': serial,
            'deviceName': [{'name': display, 'type': 'user-friendly-name'}],
            'type': {'coding': [{'system': SCT, 'code': code, 'display': display}], 'text': display},
            'patient': self.pref(),
        }
        return self.add(r)

    def dus(self, device, start, status='active', end=None, reason=None, note=None):
        r = {
            'resourceType': 'DeviceUseStatement', 'id': self.nid(),
            'status': status,
            'subject': self.pref(),
            'timingPeriod': {'start': ts(start, 10, 0)},
            'recordedOn': ts(start, 10, 0),
            'device': self.ref(device, device['type']['text']),
        }
        if end:
            r['timingPeriod']['end'] = ts(end, 12, 0)
        if reason:
            r['reasonReference'] = [self.ref(c, c['code']['text']) for c in reason]
        if note:
            r['note'] = [{'text': note}]
        return self.add(r)

    # ---------- FamilyMemberHistory
    def fmh(self, rel, reldisp, sex, conds, deceased=None, date='2016-01-01'):
        r = {
            'resourceType': 'FamilyMemberHistory', 'id': self.nid(),
            'status': 'completed',
            'patient': self.pref(),
            'date': date,
            'relationship': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', 'code': rel, 'display': reldisp}], 'text': reldisp},
            'sex': {'coding': [{'system': 'http://hl7.org/fhir/administrative-gender', 'code': sex, 'display': sex.capitalize()}]},
            'condition': [],
        }
        if deceased is not None:
            r['deceasedBoolean'] = deceased
        for c in conds:
            code, disp, age = c[0], c[1], c[2]
            e = {'code': cc('sct', code, disp)}
            if age is not None:
                e['onsetAge'] = {'value': age, 'unit': 'a', 'system': UCUM, 'code': 'a'}
            if len(c) > 3 and c[3]:
                e['contributedToDeath'] = True
            r['condition'].append(e)
        return self.add(r)

    # ---------- Goal / CarePlan
    def goal(self, text, start, addresses=(), status='active'):
        r = {
            'resourceType': 'Goal', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-goal']},
            'lifecycleStatus': status,
            'description': {'text': text},
            'subject': self.pref(),
            'startDate': start,
        }
        if addresses:
            r['addresses'] = [self.ref(c, c['code']['text']) for c in addresses]
        return self.add(r)

    def careplan(self, code, display, enc, start, activities, addresses=(), goals=(), status='active', end=None):
        acts = ''.join('<li>%s</li>' % a[1] for a in activities)
        r = {
            'resourceType': 'CarePlan', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan']},
            'text': {'status': 'generated', 'div': '<div xmlns="http://www.w3.org/1999/xhtml">Care Plan for %s.<br/>Activities: <ul>%s</ul></div>' % (display, acts)},
            'status': status, 'intent': 'order',
            'category': [{'coding': [{'system': 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', 'code': 'assess-plan'}]},
                         {'coding': [{'system': SCT, 'code': code, 'display': display}], 'text': display}],
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'period': {'start': ts(start, 10, 0)},
            'activity': [{'detail': {'code': cc('sct', a[0], a[1]), 'status': 'in-progress' if status == 'active' else 'completed',
                                     'location': {'display': enc['location'][0]['location']['display']}}} for a in activities],
        }
        if end:
            r['period']['end'] = ts(end, 12, 0)
        if addresses:
            r['addresses'] = [self.ref(c, c['code']['text']) for c in addresses]
        if goals:
            r['goal'] = [self.ref(g) for g in goals]
        return self.add(r)

    # ---------- DocumentReference (clinical note)
    NOTE_T = {
        'progress': ('11506-3', 'Progress note'),
        'discharge': ('18842-5', 'Discharge summary'),
        'consult': ('11488-4', 'Consult note'),
        'hp': ('34117-2', 'History and physical note'),
        'procedure': ('28570-0', 'Procedure note'),
        'ed': ('34111-5', 'Emergency department note'),
    }

    def note(self, kind, enc, text, prac, org, when=None):
        code, disp = self.NOTE_T[kind]
        date = when if when and 'T' in when else (ts(when, 17, 0) if when else self.at(enc, 25))
        body = text.strip('\n') + '\n'
        r = {
            'resourceType': 'DocumentReference', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference']},
            'status': 'current', 'docStatus': 'final',
            'type': {'coding': [{'system': LOINC, 'code': code, 'display': disp}], 'text': disp},
            'category': [{'coding': [{'system': 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', 'code': 'clinical-note', 'display': 'Clinical Note'}]}],
            'subject': self.pref(),
            'date': date[:19] + '.000' + date[19:],
            'author': [prac_ref(prac)],
            'custodian': org_ref(*org),
            'content': [{'attachment': {'contentType': 'text/plain; charset=utf-8',
                                        'data': base64.b64encode(body.encode('utf-8')).decode('ascii'),
                                        'title': disp},
                         'format': {'system': 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode', 'code': 'urn:ihe:iti:xds:2017:mimeTypeSufficient', 'display': 'mimeType Sufficient'}}],
            'context': {'encounter': [self.ref(enc)], 'period': {'start': enc['period']['start'], 'end': enc['period']['end']}},
        }
        return self.add(r)

    # ---------- death certificate records (as Synthea writes them)
    def death_records(self, enc, cause_code, cause_display, prac):
        o = {
            'resourceType': 'Observation', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-clinical-result']},
            'status': 'final',
            'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': 'exam', 'display': 'exam'}]}],
            'code': {'coding': [{'system': LOINC, 'code': '69453-9', 'display': 'Cause of Death [US Standard Certificate of Death]'}], 'text': 'Cause of Death [US Standard Certificate of Death]'},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'effectiveDateTime': self.at(enc),
            'issued': self.at(enc)[:19] + '.000' + self.at(enc)[19:],
            'valueCodeableConcept': cc('sct', cause_code, cause_display),
        }
        self.add(o)
        dr = {
            'resourceType': 'DiagnosticReport', 'id': self.nid(),
            'meta': {'profile': ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-diagnosticreport-lab']},
            'status': 'final',
            'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/v2-0074', 'code': 'LAB', 'display': 'Laboratory'}]}],
            'code': {'coding': [{'system': LOINC, 'code': '69409-1', 'display': 'U.S. standard certificate of death - 2003 revision'}], 'text': 'U.S. standard certificate of death - 2003 revision'},
            'subject': self.pref(),
            'encounter': self.ref(enc),
            'effectiveDateTime': self.at(enc),
            'issued': self.at(enc)[:19] + '.000' + self.at(enc)[19:],
            'performer': [prac_ref(prac)],
            'result': [self.ref(o, 'Cause of Death [US Standard Certificate of Death]')],
        }
        self.add(dr)
        return o, dr

    # ---------- output
    def bundle(self):
        entries = []
        for r in self.res:
            entries.append({'fullUrl': 'urn:uuid:' + r['id'], 'resource': r,
                            'request': {'method': 'POST', 'url': r['resourceType']}})
        return {'resourceType': 'Bundle', 'type': 'transaction', 'entry': entries}


def dumps_bundle(b):
    return json.dumps(b, indent=2, sort_keys=False, ensure_ascii=True) + '\n'


def dumps_line(r):
    return json.dumps(r, separators=(',', ':'), sort_keys=False, ensure_ascii=True)

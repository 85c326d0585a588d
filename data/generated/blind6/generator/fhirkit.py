"""Tiny stdlib-only helpers to build Synthea-shaped FHIR R4 resources for blind6.

Everything produced with these helpers is invented. Random ids and clock times
come from the single seeded RNG passed in by gen_patients.py.
"""
import base64
import uuid
from datetime import datetime, timedelta, timezone

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CVX = "http://hl7.org/fhir/sid/cvx"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
TZI = timezone(timedelta(hours=-5))

ENC_CLASS = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter",
             "VR": "virtual", "HH": "home health"}
ADMIT = {"hosp-trans": "Transferred from other hospital", "emd": "From accident/emergency department",
         "outp": "From outpatient department", "gp": "General Practitioner referral",
         "mp": "Medical Practitioner/physician referral", "nursing": "From nursing home",
         "other": "Other"}
DISPO = {"home": "Home", "aadvice": "Left against advice", "exp": "Expired", "rehab": "Rehabilitation",
         "snf": "Skilled nursing facility", "hosp": "Hospice", "long": "Long-term care", "oth": "Other"}
INTERP_DISPLAY = {"H": "High", "L": "Low", "N": "Normal", "HH": "Critical high", "LL": "Critical low",
                  "A": "Abnormal"}
MR_STATUS_REASON = "http://hl7.org/fhir/CodeSystem/medicationrequest-status-reason"
MR_SR = {"altchoice": "Try another treatment first", "sintol": "Suspected intolerance",
         "labint": "Lab interference issues", "clarif": "Prescription requires clarification",
         "surg": "Patient scheduled for surgery", "drughigh": "Drug level too high",
         "salg": "Patient allergy", "preg": "Patient pregnant"}

# key -> (loinc, display, unit, ucum, low, high, category); low/high may be sex tuples (male, female)
LABS = {
    "creat": ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", (0.7, 0.5), (1.3, 1.1)),
    "egfr": ("33914-3", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", "mL/min/{1.73_m2}", "mL/min/{1.73_m2}", 60, None),
    "k": ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 3.5, 5.1),
    "na": ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 135, 145),
    "inr": ("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", "{INR}", 0.9, 1.1),
    "inr_warf": ("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", "{INR}", 2.0, 3.0),
    "ntprobnp": ("33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", "pg/mL", "pg/mL", None, 450),
    "trop": ("89579-7", "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method", "ng/L", "ng/L", None, 20),
    "tsh": ("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", "m[IU]/L", 0.4, 4.5),
    "ft4": ("3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", "ng/dL", "ng/dL", 0.8, 1.8),
    "hgb": ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", (13.5, 12.0), (17.5, 15.5)),
    "wbc": ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 4.5, 11.0),
    "plt": ("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 150, 400),
    "ldl": ("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "mg/dL", "mg/dL", None, 100),
    "chol": ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", None, 200),
    "a1c": ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "%", 4.0, 5.6),
    "urate": ("3084-1", "Urate [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 3.4, 7.0),
    "upcr": ("2890-2", "Protein/Creatinine [Mass Ratio] in Urine", "mg/mg", "mg/mg", None, 0.2),
    "alt": ("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 7, 56),
    "ast": ("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 10, 40),
    "gct": ("1504-0", "Glucose [Mass/volume] in Serum or Plasma --1 hour post 50 g glucose PO", "mg/dL", "mg/dL", None, 139),
    "fglu": ("1558-6", "Fasting glucose [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 70, 94),
    "ogtt2h": ("20436-2", "Glucose [Mass/volume] in Serum or Plasma --2 hours post dose glucose", "mg/dL", "mg/dL", None, 139),
    "ferritin": ("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 15, 150),
    "cd4": ("24467-3", "CD3+CD4+ (T4 helper) cells [#/volume] in Blood", "cells/uL", "/uL", 500, 1500),
    "vl": ("20447-9", "HIV 1 RNA [#/volume] (viral load) in Serum or Plasma by NAA with probe detection", "copies/mL", "{copies}/mL", None, 20),
    "antihbs": ("16935-9", "Hepatitis B virus surface Ab [Units/volume] in Serum", "m[IU]/mL", "m[IU]/mL", 10, None),
    "vitd": ("1989-3", "25-hydroxyvitamin D3+25-hydroxyvitamin D2 [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 30, 100),
    "ca": ("17861-6", "Calcium [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 8.6, 10.3),
    "alb": ("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", "g/dL", 3.5, 5.0),
    "bili": ("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.1, 1.2),
    "nh3": ("16362-6", "Ammonia [Moles/volume] in Plasma", "umol/L", "umol/L", 11, 51),
    "afp": ("1834-1", "Alpha-1-Fetoprotein [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", None, 8.3),
    "etoh": ("5643-2", "Ethanol [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", None, 10),
    "c3": ("4485-9", "Complement C3 [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 90, 180),
    "c4": ("4498-2", "Complement C4 [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 10, 40),
    "dsdna": ("5130-0", "DNA double strand Ab [Units/volume] in Serum", "[IU]/mL", "[IU]/mL", None, 30),
    "esr": ("4537-7", "Erythrocyte sedimentation rate by Westergren method", "mm/h", "mm/h", None, 20),
    "b12": ("2132-9", "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma", "pg/mL", "pg/mL", 200, 900),
    "hcvrna": ("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection", "[IU]/mL", "[IU]/mL", None, 15),
    "qtc": ("8636-3", "Q-T interval corrected", "ms", "ms", None, 450),
    "lvef": ("10230-1", "Left ventricular Ejection fraction", "%", "%", 55, 70),
    "tscore": ("38267-6", "DXA Femur [T-score] Bone density", "{T-score}", "{T-score}", -1.0, None),
    "fev1fvc": ("19926-5", "FEV1/FVC", "%", "%", 70, None),
}
VITALS = {
    "wt": ("29463-7", "Body weight", "kg", "kg"),
    "ht": ("8302-2", "Body height", "cm", "cm"),
    "bmi": ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "kg/m2"),
    "hr": ("8867-4", "Heart rate", "/min", "/min"),
    "rr": ("9279-1", "Respiratory rate", "/min", "/min"),
    "temp": ("8310-5", "Body temperature", "Cel", "Cel"),
    "spo2": ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "%"),
}
SURVEYS = {
    "phq9": ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
    "gad7": ("70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
    "auditc": ("75626-2", "Total score [AUDIT-C]"),
    "moca": ("72172-0", "Total score [MoCA]"),
}
SMOKING = {"never": ("266919005", "Never smoked tobacco (finding)"),
           "former": ("8517006", "Ex-smoker (finding)"),
           "daily": ("449868002", "Smokes tobacco daily (finding)")}


def cc(system, code, display, text=None):
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text or display}


def num(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


class Chart:
    def __init__(self, rng, n, mode, org, clinician):
        self.rng, self.n, self.mode, self.res = rng, n, mode, []
        self.org, self.clin = org, clinician
        self.sex = None

    # ---------- basics
    def new_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def dt(self, d, hour=None):
        if len(d) > 10:
            return datetime.strptime(d, "%Y-%m-%d %H:%M").replace(tzinfo=TZI)
        h = hour if hour is not None else self.rng.randint(8, 14)
        return datetime(int(d[:4]), int(d[5:7]), int(d[8:10]), h, self.rng.randint(0, 59),
                        self.rng.randint(0, 59), tzinfo=TZI)

    def ref(self, r, display=None):
        if self.mode == "bundle":
            out = {"reference": f"urn:uuid:{r['id']}"}
        else:
            out = {"reference": f"{r['resourceType']}/{r['id']}"}
        if display:
            out["display"] = display
        return out

    def add(self, rtype, body):
        r = {"resourceType": rtype, "id": self.new_id()}
        r.update(body)
        self.res.append(r)
        return r

    def find_enc(self, d):
        d = d[:10]
        for r in reversed(self.res):
            if r["resourceType"] == "Encounter":
                s, e = r["period"]["start"][:10], r["period"]["end"][:10]
                if s <= d <= e:
                    return r
        return None

    def when(self, d, enc=None):
        if len(d) > 10:
            return self.dt(d).isoformat()
        if enc is not None and enc["period"]["start"][:10] == d:
            base = datetime.fromisoformat(enc["period"]["start"])
            return (base + timedelta(minutes=self.rng.randint(5, 40))).isoformat()
        return self.dt(d).isoformat()

    def _enc_ref(self, d, enc):
        if enc is None:
            enc = self.find_enc(d)
        return enc

    # ---------- Patient
    def patient(self, given, family, gender, birth, line, city, state, postal, marital,
                race=("2106-3", "White"), eth=("2186-5", "Not Hispanic or Latino"), prefix=None):
        self.sex = gender
        rng = self.rng
        body = {
            "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
            "extension": [
                {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
                 "extension": [{"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": race[0], "display": race[1]}},
                               {"url": "text", "valueString": race[1]}]},
                {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity",
                 "extension": [{"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238", "code": eth[0], "display": eth[1]}},
                               {"url": "text", "valueString": eth[1]}]},
                {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                 "valueCode": "M" if gender == "male" else "F"},
            ],
            "identifier": [
                {"system": "https://example.org/synthetic-patient-id", "value": self.new_id()},
                {"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical Record Number"),
                 "system": "http://hospital.example.org", "value": str(rng.randint(10000000, 99999999))},
                {"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "SS", "Social Security Number"),
                 "system": "http://hl7.org/fhir/sid/us-ssn", "value": f"999-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"},
            ],
            "name": [{"use": "official", "family": family, "given": [given]}],
            "telecom": [{"system": "phone", "value": f"555-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", "use": "home"}],
            "gender": gender,
            "birthDate": birth,
            "address": [{"line": [line], "city": city, "state": state, "postalCode": postal, "country": "US"}],
            "maritalStatus": cc("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", marital[0], marital[1]),
            "multipleBirthBoolean": False,
            "communication": [{"language": cc("urn:ietf:bcp:47", "en-US", "English (United States)")}],
        }
        if prefix:
            body["name"][0]["prefix"] = [prefix]
        self.pt = self.add("Patient", body)
        self.subj = self.ref(self.pt, f"{given} {family}")
        return self.pt

    # ---------- Encounter
    def enc(self, cls, start, end=None, etype=("185349003", "Encounter for check up (procedure)"),
            reason=None, admit=None, dispo=None, provider=None):
        st = self.dt(start)
        if end is None:
            en = st + timedelta(minutes=self.rng.choice([20, 30, 40, 45, 60]))
        else:
            en = self.dt(end, hour=self.rng.randint(11, 17)) if len(end) == 10 else self.dt(end)
            if en <= st:
                en = st + timedelta(hours=2)
        body = {
            "status": "finished",
            "class": {"system": ACT, "code": cls, "display": ENC_CLASS[cls]},
            "type": [cc(SNOMED, *etype)],
            "subject": self.subj,
            "participant": [{"individual": {"display": self.clin}}],
            "period": {"start": st.isoformat(), "end": en.isoformat()},
            "serviceProvider": {"display": provider or self.org},
        }
        if reason is not None:
            if isinstance(reason, dict):
                body["reasonCode"] = [reason["code"]]
            else:
                body["reasonCode"] = [cc(SNOMED, *reason)]
        if admit or dispo:
            h = {}
            if admit:
                h["admitSource"] = cc("http://terminology.hl7.org/CodeSystem/admit-source", admit, ADMIT[admit])
            if dispo:
                h["dischargeDisposition"] = cc("http://terminology.hl7.org/CodeSystem/discharge-disposition", dispo, DISPO[dispo])
            body["hospitalization"] = h
        return self.add("Encounter", body)

    def visit(self, d, etype=("185349003", "Encounter for check up (procedure)"), cls="AMB", reason=None):
        return self.enc(cls, d, etype=etype, reason=reason)

    # ---------- Condition
    def cond(self, code, display, onset, abate=None, icd=None, enc=None, cat="encounter-diagnosis"):
        enc = self._enc_ref(onset, enc)
        if enc is None:
            enc = self.enc("AMB", onset, etype=("185347001", "Encounter for problem (procedure)"), reason=(code, display))
        coding = [{"system": SNOMED, "code": code, "display": display}]
        if icd:
            coding.append({"system": ICD10, "code": icd[0], "display": icd[1]})
        body = {
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical",
                                 "resolved" if abate else "active", "Resolved" if abate else "Active"),
            "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"),
            "category": [cc("http://terminology.hl7.org/CodeSystem/condition-category", cat,
                            "Encounter Diagnosis" if cat == "encounter-diagnosis" else "Problem List Item")],
            "code": {"coding": coding, "text": display},
            "subject": self.subj,
            "encounter": self.ref(enc),
            "onsetDateTime": self.when(onset, enc),
            "recordedDate": self.when(onset, enc),
        }
        if abate:
            body["abatementDateTime"] = self.dt(abate).isoformat()
        return self.add("Condition", body)

    # ---------- MedicationRequest
    def med(self, rx, display, start, dosage, status="active", end=None, reason=None, sr=None,
            enc=None, prn=False, cat="community", rcode=None):
        enc = self._enc_ref(start, enc)
        bounds = {"start": start[:10]}
        if end:
            bounds["end"] = end[:10]
        di = {"sequence": 1, "text": dosage, "asNeededBoolean": prn,
              "timing": {"repeat": {"boundsPeriod": bounds}}}
        body = {
            "status": status,
            "intent": "order",
            "category": [cc("http://terminology.hl7.org/CodeSystem/medicationrequest-category", cat,
                            {"community": "Community", "inpatient": "Inpatient", "outpatient": "Outpatient"}[cat])],
            "medicationCodeableConcept": cc(RXNORM, rx, display),
            "subject": self.subj,
            "authoredOn": self.when(start, enc),
            "requester": {"display": self.clin},
            "dosageInstruction": [di],
        }
        if enc is not None:
            body["encounter"] = self.ref(enc)
        if reason is not None:
            rs = reason if isinstance(reason, list) else [reason]
            body["reasonReference"] = [self.ref(x, x["code"]["text"]) for x in rs]
        if rcode is not None:
            body["reasonCode"] = [cc(SNOMED, *rcode)]
        if sr is not None:
            code, text = sr
            body["statusReason"] = {"coding": [{"system": MR_STATUS_REASON, "code": code, "display": MR_SR[code]}],
                                    "text": text}
        return self.add("MedicationRequest", body)

    # ---------- Observation
    def _obs(self, code, display, d, cat, enc=None):
        enc = self._enc_ref(d, enc)
        t = self.when(d, enc)
        body = {
            "status": "final",
            "category": [cc(OBSCAT, cat, {"laboratory": "Laboratory", "vital-signs": "Vital Signs", "survey": "Survey",
                                          "social-history": "Social History", "exam": "Exam", "imaging": "Imaging",
                                          "procedure": "Procedure"}[cat])],
            "code": cc(LOINC, code, display),
            "subject": self.subj,
            "effectiveDateTime": t,
            "issued": t[:19] + ".000" + t[19:],
        }
        if enc is not None:
            body["encounter"] = self.ref(enc)
        return body

    def lab(self, key, d, value, interp=None, cat="laboratory", comparator=None, enc=None):
        code, display, unit, ucum, lo, hi = LABS[key]
        male = self.sex == "male"
        if isinstance(lo, tuple):
            lo = lo[0] if male else lo[1]
        if isinstance(hi, tuple):
            hi = hi[0] if male else hi[1]
        if key in ("lvef",):
            cat = "imaging"
        if key in ("qtc", "fev1fvc"):
            cat = "procedure"
        body = self._obs(code, display, d, cat, enc)
        value = num(value)
        vq = {"value": value, "unit": unit, "system": UCUM, "code": ucum}
        if comparator:
            vq["comparator"] = comparator
        body["valueQuantity"] = vq
        if interp is None:
            if comparator == "<":
                interp = "N"
            elif hi is not None and value > hi:
                interp = "H"
            elif lo is not None and value < lo:
                interp = "L"
            else:
                interp = "N"
        body["interpretation"] = [cc(INTERP, interp, INTERP_DISPLAY[interp])]
        rr = {}
        if lo is not None:
            rr["low"] = {"value": num(lo), "unit": unit, "system": UCUM, "code": ucum}
        if hi is not None:
            rr["high"] = {"value": num(hi), "unit": unit, "system": UCUM, "code": ucum}
        if key == "inr_warf":
            rr["text"] = "Therapeutic range on warfarin 2.0-3.0"
        if rr:
            body["referenceRange"] = [rr]
        return self.add("Observation", body)

    def lab_text(self, code, display, d, text, interp="N", rr_text=None, enc=None):
        body = self._obs(code, display, d, "laboratory", enc)
        body["valueString"] = text
        body["interpretation"] = [cc(INTERP, interp, INTERP_DISPLAY[interp])]
        if rr_text:
            body["referenceRange"] = [{"text": rr_text}]
        return self.add("Observation", body)

    def lab_coded(self, code, display, d, vcode, vdisplay, interp="N", rr_text=None, enc=None):
        body = self._obs(code, display, d, "laboratory", enc)
        body["valueCodeableConcept"] = cc(SNOMED, vcode, vdisplay)
        body["interpretation"] = [cc(INTERP, interp, INTERP_DISPLAY[interp])]
        if rr_text:
            body["referenceRange"] = [{"text": rr_text}]
        return self.add("Observation", body)

    def vital(self, key, d, value, enc=None):
        code, display, unit, ucum = VITALS[key]
        body = self._obs(code, display, d, "vital-signs", enc)
        body["valueQuantity"] = {"value": num(value), "unit": unit, "system": UCUM, "code": ucum}
        return self.add("Observation", body)

    def bp(self, d, sbp, dbp, enc=None):
        body = self._obs("85354-9", "Blood pressure panel with all children optional", d, "vital-signs", enc)
        body["component"] = [
            {"code": cc(LOINC, "8480-6", "Systolic blood pressure"),
             "valueQuantity": {"value": sbp, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
            {"code": cc(LOINC, "8462-4", "Diastolic blood pressure"),
             "valueQuantity": {"value": dbp, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
        ]
        return self.add("Observation", body)

    def vitals(self, d, bp=None, wt=None, hr=None, spo2=None, ht=None, bmi=None, temp=None, rr=None, enc=None):
        out = []
        if bp:
            out.append(self.bp(d, bp[0], bp[1], enc))
        for key, v in (("wt", wt), ("ht", ht), ("bmi", bmi), ("hr", hr), ("spo2", spo2), ("temp", temp), ("rr", rr)):
            if v is not None:
                out.append(self.vital(key, d, v, enc))
        return out

    def survey(self, key, d, score, enc=None):
        code, display = SURVEYS[key]
        body = self._obs(code, display, d, "survey", enc)
        body["valueQuantity"] = {"value": score, "unit": "{score}", "system": UCUM, "code": "{score}"}
        return self.add("Observation", body)

    def smoking(self, d, status, enc=None):
        body = self._obs("72166-2", "Tobacco smoking status", d, "social-history", enc)
        body["valueCodeableConcept"] = cc(SNOMED, *SMOKING[status])
        return self.add("Observation", body)

    # ---------- Immunization
    def imm(self, cvx, display, d, status="completed", reason=None, series=None, dose=None, enc=None):
        enc = self._enc_ref(d, enc)
        if enc is None:
            enc = self.visit(d, ("185349003", "Encounter for check up (procedure)"))
        body = {
            "status": status,
            "vaccineCode": cc(CVX, cvx, display),
            "patient": self.subj,
            "encounter": self.ref(enc),
            "occurrenceDateTime": self.when(d, enc),
            "primarySource": True,
        }
        if status == "not-done":
            code, disp, text = reason
            body["statusReason"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
                                                "code": code, "display": disp}], "text": text}
        if series:
            body["protocolApplied"] = [{"series": series, "doseNumberPositiveInt": dose}]
        return self.add("Immunization", body)

    # ---------- Procedure
    def proc(self, code, display, start, reason=None, site=None, outcome=None, note=None, enc=None,
             minutes=45, rcode=None, success=True):
        enc = self._enc_ref(start, enc)
        if enc is None:
            enc = self.enc("AMB", start, etype=("371883000", "Outpatient procedure (procedure)"),
                           reason=rcode if rcode else (reason["code"]["coding"][0]["code"], reason["code"]["coding"][0]["display"]) if reason else None)
        st = datetime.fromisoformat(self.when(start, enc))
        body = {
            "status": "completed",
            "code": cc(SNOMED, code, display),
            "subject": self.subj,
            "encounter": self.ref(enc),
            "performedPeriod": {"start": st.isoformat(), "end": (st + timedelta(minutes=minutes)).isoformat()},
        }
        if reason is not None:
            rs = reason if isinstance(reason, list) else [reason]
            body["reasonReference"] = [self.ref(x, x["code"]["text"]) for x in rs]
        if rcode is not None:
            body["reasonCode"] = [cc(SNOMED, *rcode)]
        if site:
            body["bodySite"] = [cc(SNOMED, *site)]
        if outcome:
            if success:
                body["outcome"] = {"coding": [{"system": SNOMED, "code": "385669000", "display": "Successful (qualifier value)"}],
                                   "text": outcome}
            else:
                body["outcome"] = {"text": outcome}
        if note:
            body["note"] = [{"text": note}]
        return self.add("Procedure", body)

    # ---------- AllergyIntolerance
    def allergy(self, code, display, recorded, system=SNOMED, atype="allergy", cat="medication", crit="low",
                reactions=(), onset=None, desc=None):
        body = {
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"),
            "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed"),
            "code": cc(system, code, display),
            "patient": self.subj,
            "recordedDate": self.dt(recorded).isoformat(),
        }
        if atype:
            body["type"] = atype
        if cat:
            body["category"] = [cat]
        if crit:
            body["criticality"] = crit
        if onset:
            body["onsetDateTime"] = self.dt(onset).isoformat()
        if reactions:
            rx = []
            for rc, rd, sev in reactions:
                item = {"manifestation": [cc(SNOMED, rc, rd)], "severity": sev}
                if desc:
                    item["description"] = desc
                rx.append(item)
            body["reaction"] = rx
        return self.add("AllergyIntolerance", body)

    # ---------- Device + DeviceUseStatement
    def device(self, code, display, d, manufacturer, model, site=None, reason=None, years=10, status="active"):
        rng = self.rng
        di = f"{rng.randint(10**13, 10**14 - 1)}"
        lot = f"{rng.randint(100000, 999999)}"
        serial = f"{rng.randint(10**8, 10**9 - 1)}"
        mfd = self.dt(d).date() - timedelta(days=rng.randint(60, 300))
        exp = mfd.replace(year=mfd.year + years)
        dev = self.add("Device", {
            "udiCarrier": [{"deviceIdentifier": di,
                            "carrierHRF": f"(01){di}(11){mfd.strftime('%y%m%d')}(17){exp.strftime('%y%m%d')}(10){lot}(21){serial}"}],
            "status": status,
            "distinctIdentifier": di,
            "manufacturer": manufacturer,
            "manufactureDate": mfd.isoformat(),
            "expirationDate": exp.isoformat(),
            "lotNumber": lot,
            "serialNumber": serial,
            "deviceName": [{"name": display, "type": "user-friendly-name"}],
            "modelNumber": model,
            "type": cc(SNOMED, code, display),
            "patient": self.subj,
        })
        enc = self.find_enc(d)
        body = {"status": "active" if status == "active" else "completed", "subject": self.subj,
                "device": self.ref(dev, display), "timingDateTime": self.when(d, enc),
                "recordedOn": self.when(d, enc)}
        if site:
            body["bodySite"] = cc(SNOMED, *site)
        if reason is not None:
            body["reasonReference"] = [self.ref(reason, reason["code"]["text"])]
        dus = self.add("DeviceUseStatement", body)
        return dev, dus

    # ---------- FamilyMemberHistory
    def family(self, rel, rel_display, sex, conditions, d, deceased_age=None):
        conds = []
        for code, display, age, ctd in conditions:
            c = {"code": cc(SNOMED, code, display) if code else {"text": display}}
            if age:
                c["onsetAge"] = {"value": age, "unit": "a", "system": UCUM, "code": "a"}
            if ctd:
                c["contributedToDeath"] = True
            conds.append(c)
        body = {
            "status": "completed",
            "patient": self.subj,
            "date": d,
            "relationship": cc("http://terminology.hl7.org/CodeSystem/v3-RoleCode", rel, rel_display),
            "sex": cc("http://hl7.org/fhir/administrative-gender", sex, sex.capitalize()),
            "condition": conds,
        }
        if deceased_age:
            body["deceasedAge"] = {"value": deceased_age, "unit": "a", "system": UCUM, "code": "a"}
        return self.add("FamilyMemberHistory", body)

    # ---------- Goal / CarePlan
    def goal(self, text, start, achieved=None, addresses=None, due=None, status=None):
        if achieved == "achieved":
            life, ach = "completed", ("achieved", "Achieved")
        elif achieved == "not":
            life, ach = "active", ("not-achieved", "Not Achieved")
        else:
            life, ach = "active", ("in-progress", "In Progress")
        if status:
            life = status
        body = {
            "lifecycleStatus": life,
            "achievementStatus": cc("http://terminology.hl7.org/CodeSystem/goal-achievement", *ach),
            "description": {"text": text},
            "subject": self.subj,
            "startDate": start,
        }
        if due:
            body["target"] = [{"dueDate": due}]
        if addresses is not None:
            body["addresses"] = [self.ref(a, a["code"]["text"]) for a in (addresses if isinstance(addresses, list) else [addresses])]
        return self.add("Goal", body)

    def careplan(self, title, cat, start, activities, end=None, addresses=(), goals=(), status=None):
        enc = self.find_enc(start)
        acts = []
        for a in activities:
            if isinstance(a, tuple):
                code, disp = a
                acts.append({"detail": {"code": cc(SNOMED, code, disp), "status": "completed" if end else "in-progress",
                                        "description": disp}})
            else:
                acts.append({"detail": {"code": {"text": a}, "status": "completed" if end else "in-progress",
                                        "description": a}})
        period = {"start": self.when(start, enc)}
        if end:
            period["end"] = self.dt(end).isoformat()
        body = {
            "status": status or ("completed" if end else "active"),
            "intent": "plan",
            "title": title,
            "category": [cc("http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "assess-plan", "Assessment and Plan of Treatment"),
                         cc(SNOMED, *cat)],
            "subject": self.subj,
            "period": period,
            "addresses": [self.ref(a, a["code"]["text"]) for a in addresses],
            "goal": [self.ref(g, g["description"]["text"]) for g in goals],
            "activity": acts,
        }
        if enc is not None:
            body["encounter"] = self.ref(enc)
        return self.add("CarePlan", body)

    # ---------- DiagnosticReport
    def report(self, system, code, display, d, conclusion, cat=("RAD", "Radiology"), results=(), enc=None):
        enc = self._enc_ref(d, enc)
        t = self.when(d, enc)
        body = {
            "status": "final",
            "category": [cc("http://terminology.hl7.org/CodeSystem/v2-0074", *cat)],
            "code": cc(system, code, display),
            "subject": self.subj,
            "effectiveDateTime": t,
            "issued": t[:19] + ".000" + t[19:],
            "performer": [{"display": self.org}],
            "conclusion": conclusion,
        }
        if enc is not None:
            body["encounter"] = self.ref(enc)
        if results:
            body["result"] = [self.ref(r, r["code"]["text"]) for r in results]
        return self.add("DiagnosticReport", body)

    # ---------- DocumentReference
    NOTE_TYPES = {"progress": ("11506-3", "Progress note"), "discharge": ("18842-5", "Discharge summary"),
                  "hp": ("34117-2", "History and physical note"), "ed": ("34111-5", "Emergency department note")}

    def note(self, kind, d, text, author=None, enc=None):
        code, display = self.NOTE_TYPES[kind]
        enc = self._enc_ref(d, enc)
        t = self.when(d, enc)
        body = {
            "status": "current",
            "type": cc(LOINC, code, display),
            "category": [cc("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note", "Clinical Note")],
            "subject": self.subj,
            "date": t,
            "author": [{"display": author or self.clin}],
            "custodian": {"display": self.org},
            "content": [{"attachment": {"contentType": "text/plain",
                                        "data": base64.b64encode(text.strip().encode("utf-8")).decode("ascii")},
                         "format": {"system": "http://ihe.net/fhir/ValueSet/IHE.FormatCode.codesystem",
                                    "code": "urn:ihe:iti:xds:2017:mimeTypeSufficient", "display": "mimeType Sufficient"}}],
        }
        if enc is not None:
            body["context"] = {"encounter": [self.ref(enc)], "period": dict(enc["period"])}
        return self.add("DocumentReference", body)

    # ---------- death
    def death(self, when, code, display, icd=None):
        self.pt["deceasedDateTime"] = self.dt(when).isoformat()
        enc = self.enc("AMB", when[:10], etype=("308646001", "Death Certification"))
        body = self._obs("69453-9", "Cause of Death [US Standard Certificate of Death]", when[:10], "exam", enc)
        coding = [{"system": SNOMED, "code": code, "display": display}]
        if icd:
            coding.append({"system": ICD10, "code": icd[0], "display": icd[1]})
        body["valueCodeableConcept"] = {"coding": coding, "text": display}
        return self.add("Observation", body)

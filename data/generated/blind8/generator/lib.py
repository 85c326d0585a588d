"""Shared building blocks for the blind8 generator (stdlib only).

Everything random comes from the single seeded RNG ``R`` = random.Random(808),
so the whole output is reproducible byte for byte.
"""
import base64
import json
import random
import uuid

R = random.Random(808)


def uid():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


SCT = "http://snomed.info/sct"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
LNC = "http://loinc.org"
RXN = "http://www.nlm.nih.gov/research/umls/rxnorm"
CVX = "http://hl7.org/fhir/sid/cvx"
UCUM = "http://unitsofmeasure.org"
LOC = "https://example.org/fhir/CodeSystem/local-observation"
LOCDEV = "https://example.org/fhir/CodeSystem/local-device"
ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ACTREASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDCLIN = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDVER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDCAT = "http://terminology.hl7.org/CodeSystem/condition-category"
ALLCLIN = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLVER = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
ADMIT = "http://terminology.hl7.org/CodeSystem/admit-source"
DISCH = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
V20074 = "http://terminology.hl7.org/CodeSystem/v2-0074"
GOALACH = "http://terminology.hl7.org/CodeSystem/goal-achievement"
MRCAT = "http://terminology.hl7.org/CodeSystem/medicationrequest-category"
DOCCAT = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
BASE = "https://example.org/fhir/"

ADMIT_DISPLAY = {
    "emd": "From accident/emergency department",
    "mp": "Medical Practitioner/physician referral",
    "gp": "General Practitioner referral",
    "outp": "From outpatient department",
    "hosp-trans": "Transferred from other hospital",
}
DISCH_DISPLAY = {
    "home": "Home",
    "snf": "Skilled nursing facility",
    "rehab": "Rehabilitation",
    "other-hcf": "Other healthcare facility",
    "alt-home": "Alternative home",
}
CLASS_DISPLAY = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter",
                 "HH": "home health", "VR": "virtual"}
OUTCOME = {
    "successful": ("385669000", "Successful"),
    "unsuccessful": ("385671000", "Unsuccessful"),
    "partial": ("385670004", "Partially successful"),
}
ACH = {
    "in-progress": "In Progress", "improving": "Improving", "worsening": "Worsening",
    "no-change": "No Change", "achieved": "Achieved", "sustaining": "Sustaining",
    "not-achieved": "Not Achieved", "no-progress": "No Progress", "not-attainable": "Not Attainable",
}
IMM_REASON = {
    "PATOBJ": "patient objection",
    "MEDPREC": "medical precaution",
    "OSTOCK": "product out of stock",
    "IMMUNE": "immunity",
}

# key -> (system, code, display, unit, ucum, low, high)
LAB = {
    "hgb": (LNC, "718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", 13.5, 17.5),
    "hgb_f": (LNC, "718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", 12.0, 15.5),
    "hbf": (LNC, "4576-3", "Hemoglobin F/Hemoglobin.total in Blood", "%", "%", 0.0, 2.0),
    "retic": (LNC, "4679-7", "Reticulocytes/Erythrocytes in Blood", "%", "%", 0.5, 2.5),
    "ldh": (LNC, "2532-0", "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 140, 280),
    "wbc": (LNC, "6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 4.5, 11.0),
    "plt": (LNC, "777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 150, 400),
    "lymph": (LNC, "731-0", "Lymphocytes [#/volume] in Blood", "10*3/uL", "10*3/uL", 1.0, 4.8),
    "ferritin": (LNC, "2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 30, 400),
    "tbili": (LNC, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.1, 1.2),
    "alt": (LNC, "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 7, 56),
    "alt_f": (LNC, "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 7, 35),
    "alp": (LNC, "6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 40, 129),
    "creat": (LNC, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.7, 1.3),
    "creat_f": (LNC, "2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.6, 1.1),
    "egfr": (LNC, "98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", "mL/min/1.73m2", "mL/min/{1.73_m2}", 60, None),
    "uacr": (LNC, "14959-1", "Microalbumin/Creatinine [Mass Ratio] in Urine", "mg/g", "mg/g", 0, 30),
    "na": (LNC, "2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 135, 145),
    "k": (LNC, "2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 3.5, 5.1),
    "ca": (LNC, "17861-6", "Calcium [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 8.6, 10.3),
    "mg": (LNC, "19123-9", "Magnesium [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 1.7, 2.2),
    "alb": (LNC, "1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", "g/dL", 3.5, 5.0),
    "vitd": (LNC, "62292-8", "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 30, 100),
    "b12": (LNC, "2132-9", "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma", "pg/mL", "pg/mL", 200, 900),
    "tsh": (LNC, "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "mIU/L", "m[IU]/L", 0.45, 4.5),
    "ft4": (LNC, "3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", "ng/dL", "ng/dL", 0.8, 1.8),
    "inr": (LNC, "6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", "{INR}", 0.8, 1.2),
    "ddimer": (LNC, "48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", "ug/mL FEU", "ug/mL{FEU}", 0.0, 0.5),
    "tropi": (LNC, "10839-9", "Troponin I.cardiac [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 0.0, 0.04),
    "psa": (LNC, "2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 0.0, 4.0),
    "testo": (LNC, "2986-8", "Testosterone [Mass/volume] in Serum or Plasma", "ng/dL", "ng/dL", 264, 916),
    "a1c": (LNC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "%", 4.0, 5.6),
    "ldl": (LNC, "13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL", "mg/dL", 0, 99),
    "lactate": (LNC, "2524-7", "Lactate [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 0.5, 2.2),
    "crp": (LNC, "1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/L", "mg/L", 0, 5),
    "calpro": (LNC, "38445-3", "Calprotectin [Mass/mass] in Stool", "ug/g", "ug/g", 0, 50),
    "lipase": (LNC, "3040-3", "Lipase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 13, 60),
    "igg": (LNC, "2465-3", "IgG [Mass/volume] in Serum", "mg/dL", "mg/dL", 700, 1600),
    "vpa": (LNC, "4086-3", "Valproate [Mass/volume] in Serum or Plasma", "ug/mL", "ug/mL", 50, 100),
    "ltg": (LNC, "6948-4", "Lamotrigine [Mass/volume] in Serum or Plasma", "ug/mL", "ug/mL", 3.0, 15.0),
    "pr": (LNC, "8625-6", "P-R Interval", "ms", "ms", 120, 200),
    "phq9": (LNC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", "{score}", "{score}", None, None),
    "mmse": (LNC, "72106-8", "Total score [MMSE]", "{score}", "{score}", None, None),
    "tscore_hip": (LNC, "38263-0", "DXA Femur [T-score] Bone density", "{T-score}", "{T-score}", None, None),
    "tscore_spine": (LNC, "38267-1", "DXA Lumbar spine [T-score] Bone density", "{T-score}", "{T-score}", None, None),
    "hr": (LNC, "8867-4", "Heart rate", "/min", "/min", 60, 100),
    "spo2": (LNC, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "%", 92, 100),
    "weight": (LNC, "29463-7", "Body weight", "kg", "kg", None, None),
    # local codes (no standard LOINC used here)
    "cd19": (LOC, "CD19-ABS", "CD19+ B cells [#/volume] in Blood", "cells/uL", "/uL", 80, 616),
    "jcv": (LOC, "JCV-AB-INDEX", "JC virus antibody index (STRATIFY JCV)", "{index}", "{index}", None, 0.4),
    "edss": (LOC, "EDSS", "Kurtzke Expanded Disability Status Scale score", "{score}", "{score}", None, None),
    "t25fw": (LOC, "T25FW", "Timed 25-foot walk", "s", "s", None, None),
    "szfreq": (LOC, "SZ-FREQ", "Seizure frequency (seizures per month, patient diary)", "/mo", "/mo", None, None),
    "vnsout": (LOC, "VNS-OUTPUT", "Vagus nerve stimulator output current", "mA", "mA", None, None),
    "ifx": (LOC, "IFX-TROUGH", "Infliximab trough level", "ug/mL", "ug/mL", 5.0, 10.0),
    "ati": (LOC, "IFX-AB", "Antibodies to infliximab", "U/mL", "U/mL", None, 3.1),
    "ostout": (LOC, "OSTOMY-OUT", "Ileostomy output over 24 hours", "mL/(24.h)", "mL/(24.h)", None, 1500),
    "braden": (LOC, "BRADEN", "Braden scale total score (pressure injury risk)", "{score}", "{score}", None, None),
    "wound": (LOC, "WOUND-AREA", "Pressure injury wound area (length x width)", "cm2", "cm2", None, None),
    "igg_idx": (LOC, "CSF-IGG-INDEX", "IgG index (CSF/serum)", "{index}", "{index}", None, 0.7),
    "pvr": (LOC, "PVR", "Post-void residual bladder volume by bladder scan", "mL", "mL", None, 100),
    "lic": (LOC, "LIC-MRI", "Liver iron concentration by MRI R2*", "mg/g{dry_wt}", "mg/g{dry_wt}", None, 1.8),
}

VITAL_KEYS = {"hr", "spo2", "weight"}
SURVEY_KEYS = {"phq9", "mmse", "edss", "t25fw", "szfreq", "braden"}


def cc(system, code, display, text=None):
    c = {"coding": [{"system": system, "code": code, "display": display}]}
    c["text"] = text if text else display
    return c


def ccm(codings, text):
    return {"coding": [{"system": s, "code": c, "display": d} for (s, c, d) in codings], "text": text}


def ref(res):
    return {"reference": f"{res['resourceType']}/{res['id']}"}


def rid(res):
    return f"{res['resourceType']}/{res['id']}"


def jv(v):
    """How a number is written in the JSON (exactly as recorded)."""
    return json.dumps(v)


class Chart:
    def __init__(self, n, tz, sex, default_visit, org):
        self.n = n
        self.tz = tz
        self.sex = sex
        self.res = []
        self.labs = {}
        self.default_visit = default_visit
        self.org = org
        self.encs = []
        self.pid = None
        self.patient = None

    # ----- basics -------------------------------------------------------
    def add(self, rtype, body):
        r = {"resourceType": rtype, "id": uid()}
        r.update(body)
        self.res.append(r)
        return r

    def dt(self, d, hm="09:00"):
        if "T" in d:
            return d
        return f"{d}T{hm}:00{self.tz}"

    def pref(self):
        return {"reference": f"Patient/{self.pid}"}

    # ----- Patient ------------------------------------------------------
    def make_patient(self, given, family, birth, gender, line, city, state, postal, phone,
                     marital=("M", "Married"), lang=("en", "English"), mrn=None):
        self.pid = uid()
        p = {"resourceType": "Patient", "id": self.pid,
             "identifier": [{"use": "usual", "type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"),
                             "system": "https://example.org/fhir/mrn", "value": mrn}],
             "active": True,
             "name": [{"use": "official", "family": family, "given": given}],
             "telecom": [{"system": "phone", "value": phone, "use": "home"}],
             "gender": gender, "birthDate": birth,
             "address": [{"use": "home", "line": [line], "city": city, "state": state,
                          "postalCode": postal, "country": "US"}],
             "maritalStatus": cc("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", marital[0], marital[1]),
             "communication": [{"language": cc("urn:ietf:bcp:47", lang[0], lang[1]), "preferred": True}]}
        self.res.append(p)
        self.patient = p
        return p

    # ----- Encounter ----------------------------------------------------
    def enc(self, cls, start, end=None, type_text=None, reason=None, admit=None, dispo=None,
            dispo_text=None, reason_ref=None, type_code=None, hm="08:30", hm_end=None, location=None):
        end = end or start
        if hm_end is None:
            hm_end = "17:40" if cls in ("IMP",) else ("13:10" if cls == "EMER" else "09:20")
            if cls == "AMB" and hm > "09:20":
                hm_end = "16:30"
        body = {"status": "finished",
                "class": {"system": ACT, "code": cls, "display": CLASS_DISPLAY[cls]},
                "type": [cc(SCT, type_code[0], type_code[1], type_text) if type_code else {"text": type_text or "Office visit"}],
                "subject": self.pref(),
                "period": {"start": self.dt(start, hm), "end": self.dt(end, hm_end)},
                "serviceProvider": {"display": self.org}}
        if reason:
            body["reasonCode"] = [{"text": reason}]
        if reason_ref:
            body["reasonReference"] = [ref(x) for x in reason_ref]
        if admit or dispo:
            h = {}
            if admit:
                h["admitSource"] = cc(ADMIT, admit, ADMIT_DISPLAY[admit])
            if dispo:
                h["dischargeDisposition"] = cc(DISCH, dispo, DISCH_DISPLAY[dispo], dispo_text or DISCH_DISPLAY[dispo])
            body["hospitalization"] = h
        if location:
            body["location"] = [{"location": {"display": location}}]
        e = self.add("Encounter", body)
        e["_start"], e["_end"], e["_cls"] = start, end, cls
        self.encs.append(e)
        return e

    def enc_on(self, d, create=True, type_text=None):
        for e in self.encs:
            if e["_cls"] in ("IMP",) and e["_start"] <= d <= e["_end"]:
                return e
        for e in self.encs:
            if e["_start"] == d:
                return e
        if not create:
            return None
        return self.enc("AMB", d, type_text=type_text or self.default_visit, reason="Follow-up visit")

    # ----- Condition ----------------------------------------------------
    def cond(self, text, icd=None, sct=None, onset=None, abate=None, clin="active", ver="confirmed",
             cat="problem-list-item", note=None, recorded=None, severity=None, body_site=None, enc=None):
        codings = []
        if sct:
            codings.append((SCT, sct[0], sct[1]))
        if icd:
            codings.append((ICD, icd[0], icd[1]))
        body = {}
        if ver != "entered-in-error":
            body["clinicalStatus"] = cc(CONDCLIN, clin, clin.capitalize())
        body["verificationStatus"] = cc(CONDVER, ver, {"confirmed": "Confirmed", "refuted": "Refuted",
                                                        "entered-in-error": "Entered in Error",
                                                        "provisional": "Provisional", "unconfirmed": "Unconfirmed"}[ver])
        body["category"] = [cc(CONDCAT, cat, "Problem List Item" if cat == "problem-list-item" else "Encounter Diagnosis")]
        if severity:
            body["severity"] = cc(SCT, severity[0], severity[1])
        body["code"] = ccm(codings, text)
        if body_site:
            body["bodySite"] = [cc(SCT, body_site[0], body_site[1])]
        body["subject"] = self.pref()
        if enc:
            body["encounter"] = ref(enc)
        if onset:
            body["onsetDateTime"] = self.dt(onset, "10:00")
        if abate:
            body["abatementDateTime"] = self.dt(abate, "10:00")
        body["recordedDate"] = self.dt(recorded or onset, "11:00")
        if note:
            body["note"] = [{"text": note}]
        return self.add("Condition", body)

    # ----- MedicationRequest -------------------------------------------
    def med(self, rx, text, authored, dose_text, status="active", end=None, reason=None, reason_ref=None,
            status_reason=None, note=None, dose=None, route=None, category="outpatient", intent="order",
            timing=None, requester="Clinic prescriber", enc=None, prn=False):
        rx_code, rx_disp = rx
        body = {"status": status, "intent": intent,
                "category": [cc(MRCAT, category, category.capitalize())],
                "medicationCodeableConcept": {"coding": [{"system": RXN, "code": rx_code, "display": rx_disp}], "text": text},
                "subject": self.pref()}
        if enc:
            body["encounter"] = ref(enc)
        body["authoredOn"] = self.dt(authored, "10:15")
        body["requester"] = {"display": requester}
        if status_reason:
            body["statusReason"] = {"text": status_reason}
        if reason:
            body["reasonCode"] = [{"text": reason}]
        if reason_ref:
            body["reasonReference"] = [ref(x) for x in reason_ref]
        di = {"sequence": 1, "text": dose_text}
        rep = {"boundsPeriod": {"start": authored}}
        if end:
            rep["boundsPeriod"]["end"] = end
        if timing:
            rep.update(timing)
        di["timing"] = {"repeat": rep}
        if prn:
            di["asNeededBoolean"] = True
        if route:
            di["route"] = cc(SCT, route[0], route[1])
        if dose:
            di["doseAndRate"] = [{"doseQuantity": {"value": dose[0], "unit": dose[1], "system": UCUM, "code": dose[1]}}]
        body["dosageInstruction"] = [di]
        if note:
            body["note"] = [{"text": note}]
        m = self.add("MedicationRequest", body)
        return m

    # ----- Observation --------------------------------------------------
    def lab(self, key, d, value, hm="08:15", note=None, rng=None, interp_override=None, enc=None, series=None):
        sysu, code, disp, unit, ucum, lo, hi = LAB[key]
        if rng:
            lo, hi = rng
        if isinstance(value, float) and value.is_integer() and key not in ("tscore_hip", "tscore_spine", "edss", "vnsout"):
            raise ValueError(f"whole-number float for {key}: {value}")
        if key in VITAL_KEYS:
            catc, catd = "vital-signs", "Vital Signs"
        elif key in SURVEY_KEYS:
            catc, catd = "survey", "Survey"
        elif key in ("pr", "vnsout"):
            catc, catd = "procedure", "Procedure"
        elif key in ("lic",):
            catc, catd = "imaging", "Imaging"
        else:
            catc, catd = "laboratory", "Laboratory"
        e = enc or self.enc_on(d)
        body = {"status": "final",
                "category": [cc(OBSCAT, catc, catd)],
                "code": cc(sysu, code, disp),
                "subject": self.pref(),
                "encounter": ref(e),
                "effectiveDateTime": self.dt(d, hm),
                "issued": self.dt(d, "15:45") if hm < "15:45" else self.dt(d, hm),
                "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": ucum}}
        if lo is not None or hi is not None:
            rr = {}
            if lo is not None:
                rr["low"] = {"value": lo, "unit": unit, "system": UCUM, "code": ucum}
            if hi is not None:
                rr["high"] = {"value": hi, "unit": unit, "system": UCUM, "code": ucum}
            body["referenceRange"] = [rr]
            if interp_override:
                ic, idisp = interp_override
            elif lo is not None and value < lo:
                ic, idisp = "L", "Low"
            elif hi is not None and value > hi:
                ic, idisp = "H", "High"
            else:
                ic, idisp = "N", "Normal"
            body["interpretation"] = [{"coding": [{"system": INTERP, "code": ic, "display": idisp}], "text": idisp}]
        if note:
            body["note"] = [{"text": note}]
        o = self.add("Observation", body)
        o["_d"] = d
        self.labs.setdefault(series or key, []).append(o)
        return o

    def qual(self, code, d, text_value, interp=None, note=None, hm="08:15", cat=("laboratory", "Laboratory"),
             value_cc=None, key=None):
        """code = (system, code, display). Qualitative result as valueString or valueCodeableConcept."""
        e = self.enc_on(d)
        body = {"status": "final", "category": [cc(OBSCAT, cat[0], cat[1])],
                "code": cc(code[0], code[1], code[2]), "subject": self.pref(), "encounter": ref(e),
                "effectiveDateTime": self.dt(d, hm), "issued": self.dt(d, "16:00")}
        if value_cc:
            body["valueCodeableConcept"] = cc(value_cc[0], value_cc[1], value_cc[2], text_value)
        else:
            body["valueString"] = text_value
        if interp:
            disp = {"H": "High", "L": "Low", "N": "Normal", "A": "Abnormal", "POS": "Positive", "NEG": "Negative"}[interp]
            body["interpretation"] = [{"coding": [{"system": INTERP, "code": interp, "display": disp}], "text": disp}]
        if note:
            body["note"] = [{"text": note}]
        o = self.add("Observation", body)
        o["_d"] = d
        if key:
            self.labs.setdefault(key, []).append(o)
        return o

    def bp(self, d, sys_, dia, hm="08:05"):
        e = self.enc_on(d)
        body = {"status": "final", "category": [cc(OBSCAT, "vital-signs", "Vital Signs")],
                "code": cc(LNC, "85354-9", "Blood pressure panel with all children optional", "Blood pressure"),
                "subject": self.pref(), "encounter": ref(e), "effectiveDateTime": self.dt(d, hm),
                "component": [
                    {"code": cc(LNC, "8480-6", "Systolic blood pressure"),
                     "valueQuantity": {"value": sys_, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}},
                    {"code": cc(LNC, "8462-4", "Diastolic blood pressure"),
                     "valueQuantity": {"value": dia, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}}]}
        o = self.add("Observation", body)
        o["_d"] = d
        self.labs.setdefault("bp", []).append(o)
        return o

    def smoking(self, d, code, disp, note=None):
        body = {"status": "final", "category": [cc(OBSCAT, "social-history", "Social History")],
                "code": cc(LNC, "72166-2", "Tobacco smoking status"), "subject": self.pref(),
                "effectiveDateTime": self.dt(d, "09:10"),
                "valueCodeableConcept": cc(SCT, code, disp)}
        if note:
            body["note"] = [{"text": note}]
        return self.add("Observation", body)

    def social_qty(self, code, disp, d, value, unit, note=None):
        body = {"status": "final", "category": [cc(OBSCAT, "social-history", "Social History")],
                "code": cc(LNC, code, disp), "subject": self.pref(), "effectiveDateTime": self.dt(d, "09:12"),
                "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}}
        if note:
            body["note"] = [{"text": note}]
        return self.add("Observation", body)

    # ----- DiagnosticReport --------------------------------------------
    def report(self, code, d, category, conclusion, results=None, hm="11:30", text=None, enc=None,
               conclusion_code=None):
        cat_disp = {"RAD": "Radiology", "PAT": "Pathology (gross & histopath, not surgical)", "SP": "Surgical Pathology",
                    "LAB": "Laboratory", "CUS": "Cardiac Ultrasound", "NMS": "Nuclear Medicine Scan",
                    "OTH": "Other", "GE": "Genetics", "EC": "Electrocardiac (e.g., EKG, EEC, Holter)",
                    "VUS": "Vascular Ultrasound", "CT": "CAT Scan", "NRS": "Nursing Service Measures",
                    "PHY": "Physician (Hx. Dx, admission note, etc.)", "GI": "Gastroenterology"}[category]
        e = enc or self.enc_on(d)
        body = {"status": "final", "category": [cc(V20074, category, cat_disp)],
                "code": cc(code[0], code[1], code[2], text), "subject": self.pref(), "encounter": ref(e),
                "effectiveDateTime": self.dt(d, hm), "issued": self.dt(d, "17:05"),
                "performer": [{"display": self.org}]}
        if results:
            body["result"] = [ref(x) for x in results]
        body["conclusion"] = conclusion
        if conclusion_code:
            body["conclusionCode"] = [cc(SCT, conclusion_code[0], conclusion_code[1])]
        r = self.add("DiagnosticReport", body)
        r["_d"] = d
        return r

    # ----- Procedure ----------------------------------------------------
    def proc(self, code, d, end=None, body_site=None, outcome="successful", reason=None, note=None,
             status="completed", performer=None, reports=None, devices=None, hm="10:00", hm_end=None,
             enc=None, reason_ref=None, outcome_text=None, text=None):
        e = enc or self.enc_on(d)
        body = {"status": status, "code": cc(code[0], code[1], code[2], text), "subject": self.pref(),
                "encounter": ref(e)}
        if end:
            body["performedPeriod"] = {"start": self.dt(d, hm), "end": self.dt(end, hm_end or "15:00")}
        else:
            body["performedDateTime"] = self.dt(d, hm)
        if performer:
            body["performer"] = [{"actor": {"display": performer}}]
        if reason:
            body["reasonCode"] = [{"text": reason}]
        if reason_ref:
            body["reasonReference"] = [ref(x) for x in reason_ref]
        if body_site:
            body["bodySite"] = [cc(SCT, body_site[0], body_site[1], body_site[2] if len(body_site) > 2 else None)]
        if outcome:
            oc, od = OUTCOME[outcome]
            body["outcome"] = cc(SCT, oc, od, outcome_text or od)
        if reports:
            body["report"] = [ref(x) for x in reports]
        if devices:
            body["focalDevice"] = [{"action": cc(SCT, "129338005", "Surgical implantation - action"),
                                    "manipulated": ref(dv)} for dv in devices]
        if note:
            body["note"] = [{"text": note}]
        p = self.add("Procedure", body)
        p["_d"] = d
        return p

    # ----- Immunization -------------------------------------------------
    def imm(self, cvx, d, status="completed", reason=None, reason_text=None, dose=None, series=None,
            lot=None, site=("LA", "left arm"), manufacturer=None, note=None, target=None):
        code, disp = cvx
        e = self.enc_on(d)
        body = {"status": status, "vaccineCode": cc(CVX, code, disp), "patient": self.pref(),
                "encounter": ref(e), "occurrenceDateTime": self.dt(d, "10:40"),
                "recorded": self.dt(d, "10:45"), "primarySource": True}
        if status == "not-done":
            body["statusReason"] = cc(ACTREASON, reason, IMM_REASON[reason], reason_text)
        else:
            if lot:
                body["lotNumber"] = lot
            if manufacturer:
                body["manufacturer"] = {"display": manufacturer}
            if site:
                body["site"] = cc("http://terminology.hl7.org/CodeSystem/v3-ActSite", site[0], site[1])
            body["route"] = cc("http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", "IM", "Injection, intramuscular")
        if dose:
            pa = {"doseNumberPositiveInt": dose}
            if series:
                pa["series"] = series[0]
                if series[1]:
                    pa["seriesDosesPositiveInt"] = series[1]
            if target:
                pa["targetDisease"] = [cc(SCT, target[0], target[1])]
            body["protocolApplied"] = [pa]
        if note:
            body["note"] = [{"text": note}]
        i = self.add("Immunization", body)
        i["_d"] = d
        return i

    # ----- Device + DeviceUseStatement ---------------------------------
    def device(self, type_code, name, manufacturer=None, model=None, status="active", lot=None, serial=None,
               note=None, udi=None, start=None, end=None, dus_status=None, body_site=None, reason=None,
               reason_ref=None):
        body = {"status": status}
        if udi:
            body["udiCarrier"] = [{"deviceIdentifier": udi[0], "carrierHRF": udi[1]}]
        if manufacturer:
            body["manufacturer"] = manufacturer
        if lot:
            body["lotNumber"] = lot
        if serial:
            body["serialNumber"] = serial
        body["deviceName"] = [{"name": name, "type": "user-friendly-name"}]
        if model:
            body["modelNumber"] = model
        body["type"] = cc(type_code[0], type_code[1], type_code[2], name)
        body["patient"] = self.pref()
        if note:
            body["note"] = [{"text": note}]
        dv = self.add("Device", body)
        dus = None
        if start:
            db = {"status": dus_status or ("active" if not end else "completed"), "subject": self.pref(),
                  "timingPeriod": {"start": self.dt(start, "10:30")}, "recordedOn": self.dt(start, "16:00"),
                  "device": ref(dv)}
            if end:
                db["timingPeriod"]["end"] = self.dt(end, "10:30")
            if reason:
                db["reasonCode"] = [{"text": reason}]
            if reason_ref:
                db["reasonReference"] = [ref(x) for x in reason_ref]
            if body_site:
                db["bodySite"] = cc(SCT, body_site[0], body_site[1], body_site[2] if len(body_site) > 2 else None)
            dus = self.add("DeviceUseStatement", db)
        return dv, dus

    # ----- AllergyIntolerance ------------------------------------------
    def allergy(self, code, text, category, criticality, reactions, onset=None, recorded=None, clin="active",
                ver="confirmed", atype="allergy", note=None):
        body = {}
        if ver != "entered-in-error":
            body["clinicalStatus"] = cc(ALLCLIN, clin, clin.capitalize())
        body["verificationStatus"] = cc(ALLVER, ver, {"confirmed": "Confirmed", "unconfirmed": "Unconfirmed",
                                                       "refuted": "Refuted", "entered-in-error": "Entered in Error"}[ver])
        body["type"] = atype
        body["category"] = [category]
        body["criticality"] = criticality
        body["code"] = cc(code[0], code[1], code[2], text)
        body["patient"] = self.pref()
        if onset:
            body["onsetDateTime"] = self.dt(onset, "12:00")
        body["recordedDate"] = self.dt(recorded or onset, "12:30")
        rx = []
        for (mcode, mdisp, sev, desc) in reactions:
            r = {"manifestation": [cc(SCT, mcode, mdisp)], "severity": sev}
            if desc:
                r["description"] = desc
            rx.append(r)
        if rx:
            body["reaction"] = rx
        if note:
            body["note"] = [{"text": note}]
        return self.add("AllergyIntolerance", body)

    # ----- FamilyMemberHistory -----------------------------------------
    def fmh(self, rel, sex, conditions, date, deceased=None, name=None):
        body = {"status": "completed", "patient": self.pref(), "date": date,
                "relationship": cc(ROLE, rel[0], rel[1]),
                "sex": cc("http://hl7.org/fhir/administrative-gender", sex, sex.capitalize())}
        if name:
            body["name"] = name
        if deceased is not None:
            body["deceasedBoolean"] = deceased
        cl = []
        for c in conditions:
            code, disp, age = c[0], c[1], c[2]
            item = {"code": cc(SCT, code, disp)}
            if age is not None:
                item["onsetAge"] = {"value": age, "unit": "a", "system": UCUM, "code": "a"}
            if len(c) > 3 and c[3]:
                item["note"] = [{"text": c[3]}]
            cl.append(item)
        body["condition"] = cl
        return self.add("FamilyMemberHistory", body)

    # ----- Goal + CarePlan ---------------------------------------------
    def goal(self, desc, start, achievement, lifecycle="active", target=None, due=None, addresses=None,
             note=None, status_date=None):
        body = {"lifecycleStatus": lifecycle,
                "achievementStatus": cc(GOALACH, achievement, ACH[achievement]),
                "description": {"text": desc}, "subject": self.pref(), "startDate": start}
        if target or due:
            t = {}
            if target:
                t.update(target)
            if due:
                t["dueDate"] = due
            body["target"] = [t]
        if status_date:
            body["statusDate"] = status_date
        if addresses:
            body["addresses"] = [ref(x) for x in addresses]
        if note:
            body["note"] = [{"text": note}]
        return self.add("Goal", body)

    def careplan(self, title, start, activities, goals=None, addresses=None, status="active", end=None,
                 description=None):
        body = {"status": status, "intent": "plan", "category": [cc(SCT, "734163000", "Care plan")],
                "title": title, "subject": self.pref(), "period": {"start": start}, "created": self.dt(start, "12:00")}
        if end:
            body["period"]["end"] = end
        if description:
            body["description"] = description
        if addresses:
            body["addresses"] = [ref(x) for x in addresses]
        if goals:
            body["goal"] = [ref(g) for g in goals]
        body["activity"] = [{"detail": {"status": st, "description": txt}} for (txt, st) in activities]
        return self.add("CarePlan", body)

    # ----- DocumentReference (base64 text/plain note) ------------------
    def note(self, loinc, d, title, text, author, enc=None, hm="16:20"):
        e = enc or self.enc_on(d)
        data = base64.b64encode(text.encode("utf-8")).decode("ascii")
        body = {"status": "current", "docStatus": "final",
                "type": cc(LNC, loinc[0], loinc[1]),
                "category": [cc(DOCCAT, "clinical-note", "Clinical Note")],
                "subject": self.pref(), "date": self.dt(d, hm), "author": [{"display": author}],
                "description": title,
                "content": [{"attachment": {"contentType": "text/plain", "language": "en-US", "data": data,
                                            "title": title, "creation": self.dt(d, hm)}}],
                "context": {"encounter": [ref(e)], "period": {"start": self.dt(d, hm), "end": self.dt(d, hm)}}}
        n = self.add("DocumentReference", body)
        n["_d"] = d
        return n

    # ----- queries used by the question writer -------------------------
    def series(self, key, start=None, end=None):
        xs = sorted(self.labs[key], key=lambda o: o["effectiveDateTime"])
        if start:
            xs = [o for o in xs if o["_d"] >= start]
        if end:
            xs = [o for o in xs if o["_d"] <= end]
        return xs

    def latest(self, key):
        return self.series(key)[-1]

    def first(self, key):
        return self.series(key)[0]

    def extreme(self, key, fn, start=None, end=None):
        xs = self.series(key, start, end)
        vals = [o["valueQuantity"]["value"] for o in xs]
        target = fn(vals)
        hits = [o for o in xs if o["valueQuantity"]["value"] == target]
        assert len(hits) == 1, (key, target, len(hits))
        return hits[0]

    def closest(self, key, d):
        import datetime as _dt
        t = _dt.date.fromisoformat(d)
        xs = self.series(key)
        diffs = sorted((abs((_dt.date.fromisoformat(o["_d"]) - t).days), i) for i, o in enumerate(xs))
        assert diffs[0][0] != diffs[1][0], ("tie", key, d)
        return xs[diffs[0][1]]


def val(o):
    return jv(o["valueQuantity"]["value"])


def note_text(n):
    return base64.b64decode(n["content"][0]["attachment"]["data"]).decode("utf-8")


def strip_private(r):
    return {k: v for k, v in r.items() if not k.startswith("_")}

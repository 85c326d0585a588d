#!/usr/bin/env python3
"""Deterministic synthetic FHIR R4 patients for the blind2 held-out set (stdlib only).

Every person, place, provider, history and value here is invented. Six chart templates
(chronic disease, admissions, procedures, devices, immunisation series, notes) are filled
with seeded dates and lab values, so the same --seed always gives byte-identical bundles.

    python3 scripts/blind2_patients.py --out data/generated/blind2 --patients 6 --seed 202
"""
import argparse
import base64
import datetime as dt
import json
import os
import random
import uuid

RX = "http://www.nlm.nih.gov/research/umls/rxnorm"
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
CVX = "http://hl7.org/fhir/sid/cvx"
UCUM = "http://unitsofmeasure.org"
TZ = "-05:00"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ENC_CLASS = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter", "VR": "virtual"}
ADMIT = {
    "emd": "From accident/emergency department",
    "mp": "Medical Practitioner/physician referral",
    "hosp-trans": "Transferred from other hospital",
    "outp": "From outpatient department",
    "gp": "General Practitioner referral",
}
DISPO = {"home": "Home", "exp": "Expired", "rehab": "Rehabilitation", "snf": "Skilled nursing facility"}

# key: (loinc, display, unit, ucum, low, high, category)
LABS = {
    "a1c": ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "%", 4.0, 5.6),
    "ldl": ("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", "mg/dL", "mg/dL", None, 99),
    "chol": ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", None, 199),
    "cr": ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.6, 1.3),
    "egfr": ("98979-8",
             "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based "
             "formula (CKD-EPI 2021)", "mL/min/1.73m2", "mL/min/{1.73_m2}", 60, None),
    "k": ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 3.5, 5.1),
    "na": ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 135, 145),
    "tsh": ("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "mIU/L", "m[IU]/L", 0.4, 4.5),
    "inr": ("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", "{INR}", 0.8, 1.2),
    "hgb": ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", 12.0, 15.5),
    "plt": ("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 150, 400),
    "wbc": ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 4.0, 11.0),
    "psa": ("2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", None, 4.0),
    "bnp": ("33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", "pg/mL", "pg/mL", None,
            450),
    "trop": ("89579-7", "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method", "ng/L", "ng/L", None,
             34),
    "alt": ("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", "U/L", 7, 35),
    "esr": ("4537-7", "Erythrocyte sedimentation rate by Westergren method", "mm/h", "mm/h", None, 30),
    "crp": ("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/L", "mg/L", None, 10),
    "vitd": ("62292-8", "25-Hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 30, 100),
    "ferritin": ("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 15, 150),
    "uric": ("3084-1", "Urate [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 3.5, 7.2),
    "uacr": ("14959-1", "Microalbumin/Creatinine [Mass Ratio] in Urine", "mg/g", "mg/g", None, 30),
    "lvef": ("10230-1", "Left ventricular Ejection fraction", "%", "%", 50, 70),
    "ddimer": ("48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", "ug/mL FEU", "ug/mL{FEU}", None, 0.5),
    "lactate": ("2524-7", "Lactate [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 0.5, 2.0),
    "glucose": ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 70, 99),
}
DECIMAL_LABS = {"a1c", "cr", "k", "tsh", "inr", "hgb", "wbc", "psa", "crp", "uric", "ddimer", "lactate"}

SYS_COND_CLIN = "http://terminology.hl7.org/CodeSystem/condition-clinical"
SYS_COND_VER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
SYS_OBS_CAT = "http://terminology.hl7.org/CodeSystem/observation-category"
SYS_INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"


def D(y, m, d):
    return dt.date(y, m, d)


def at(day, hh=9, mm=0):
    return dt.datetime(day.year, day.month, day.day, hh, mm)


def iso(t):
    if isinstance(t, dt.datetime):
        return t.strftime("%Y-%m-%dT%H:%M:%S") + TZ
    return t.isoformat()


def cc(system, code, display, text=None):
    c = {"coding": [{"system": system, "code": code, "display": display}]}
    c["text"] = text or display
    return c


class Chart:
    def __init__(self, rng):
        self.rng = rng
        self.entries = []
        self.pid = self.uid()
        self.sex = None

    # ---- plumbing -------------------------------------------------------
    def uid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, rtype, body, rid=None):
        rid = rid or self.uid()
        res = {"resourceType": rtype, "id": rid}
        res.update(body)
        self.entries.append({"fullUrl": "urn:uuid:" + rid, "resource": res,
                             "request": {"method": "PUT", "url": f"{rtype}/{rid}"}})
        return rid

    @staticmethod
    def ref(rid, display=None):
        r = {"reference": "urn:uuid:" + rid}
        if display:
            r["display"] = display
        return r

    @property
    def subj(self):
        return self.ref(self.pid)

    def md(self, y, m, lo=3, hi=26):
        return D(y, m, self.rng.randint(lo, hi))

    def noise(self, a, b):
        return self.rng.uniform(a, b)

    # ---- resources ------------------------------------------------------
    def patient(self, given, family, gender, birth, mrn, phone, street, city, marital, deceased=None):
        self.sex = gender
        body = {
            "identifier": [{"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical Record Number"),
                            "system": "http://marrowfield-health.example.org/mrn", "value": mrn}],
            "name": [{"use": "official", "family": family, "given": given}],
            "telecom": [{"system": "phone", "value": phone, "use": "home"}],
            "gender": gender,
            "birthDate": birth.isoformat(),
            "address": [{"line": [street], "city": city, "state": "OH", "postalCode": "44" + mrn[-3:], "country": "US"}],
            "maritalStatus": cc("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", marital[0], marital[1]),
            "communication": [{"language": cc("urn:ietf:bcp:47", "en-US", "English (United States)"), "preferred": True}],
        }
        if deceased:
            body["deceasedDateTime"] = iso(deceased)
        else:
            body["deceasedBoolean"] = False
        self.add("Patient", body, rid=self.pid)

    def enc(self, cls, etype, start, end, reason=None, admit=None, dispo=None, who=None, org=None, loc=None):
        body = {
            "status": "finished",
            "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": cls, "display": ENC_CLASS[cls]},
            "type": [cc(SCT, etype[0], etype[1])],
            "subject": self.subj,
            "period": {"start": iso(start), "end": iso(end)},
        }
        if who:
            body["participant"] = [{"type": [cc("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                                "ATND" if cls == "IMP" else "PPRF",
                                                "attender" if cls == "IMP" else "primary performer")],
                                    "individual": {"display": who}}]
        if reason:
            body["reasonCode"] = [cc(SCT, reason[0], reason[1])]
        if admit or dispo:
            hosp = {}
            if admit:
                hosp["admitSource"] = cc("http://terminology.hl7.org/CodeSystem/admit-source", admit, ADMIT[admit])
            if dispo:
                hosp["dischargeDisposition"] = cc("http://terminology.hl7.org/CodeSystem/discharge-disposition", dispo,
                                                  DISPO[dispo])
            body["hospitalization"] = hosp
        if loc:
            body["location"] = [{"location": {"display": loc}}]
        if org:
            body["serviceProvider"] = {"display": org}
        return self.add("Encounter", body)

    def cond(self, code, disp, onset, status="active", abated=None, enc=None, cat="problem-list-item", note=None):
        body = {
            "clinicalStatus": cc(SYS_COND_CLIN, status, status.capitalize()),
            "verificationStatus": cc(SYS_COND_VER, "confirmed", "Confirmed"),
            "category": [cc("http://terminology.hl7.org/CodeSystem/condition-category", cat,
                            "Problem List Item" if cat == "problem-list-item" else "Encounter Diagnosis")],
            "code": cc(SCT, code, disp),
            "subject": self.subj,
            "onsetDateTime": iso(onset),
            "recordedDate": iso(onset),
        }
        if enc:
            body["encounter"] = self.ref(enc)
        if abated:
            body["abatementDateTime"] = iso(abated)
        if note:
            body["note"] = [{"text": note}]
        return self.add("Condition", body)

    def med(self, rxcui, disp, status, authored, enc=None, reason=None, sig=None, end=None, why=None,
            who=None, cat="community", reason_ref=None):
        body = {
            "status": status,
            "intent": "order",
            "category": [cc("http://terminology.hl7.org/CodeSystem/medicationrequest-category", cat, cat.capitalize())],
            "medicationCodeableConcept": cc(RX, rxcui, disp),
            "subject": self.subj,
            "authoredOn": iso(authored),
        }
        if enc:
            body["encounter"] = self.ref(enc)
        if who:
            body["requester"] = {"display": who}
        if reason:
            body["reasonCode"] = [cc(SCT, reason[0], reason[1])]
        if reason_ref:
            body["reasonReference"] = [self.ref(reason_ref)]
        if sig:
            body["dosageInstruction"] = [{"text": sig}]
        start = authored.date() if isinstance(authored, dt.datetime) else authored
        vp = {"start": start.isoformat()}
        if end:
            vp["end"] = (end.date() if isinstance(end, dt.datetime) else end).isoformat()
        body["dispenseRequest"] = {"validityPeriod": vp}
        if why:
            body["statusReason"] = {"text": why}
        return self.add("MedicationRequest", body)

    def obs_value(self, key, v):
        if key in DECIMAL_LABS:
            v = round(v, 1)
            if v == int(v):
                v = round(v + 0.1, 1)
            return v
        return round(v)

    def lab(self, enc, t, key, v, lo=None, hi=None, comparator=None, cat="laboratory"):
        loinc, disp, unit, ucum, rlo, rhi = LABS[key]
        lo = rlo if lo is None else lo
        hi = rhi if hi is None else hi
        v = self.obs_value(key, v)
        vq = {"value": v, "unit": unit, "system": UCUM, "code": ucum}
        if comparator:
            vq["comparator"] = comparator
        body = {
            "status": "final",
            "category": [cc(SYS_OBS_CAT, cat, {"laboratory": "Laboratory", "imaging": "Imaging"}[cat])],
            "code": cc(LOINC, loinc, disp),
            "subject": self.subj,
            "effectiveDateTime": iso(t),
            "issued": iso(t + dt.timedelta(hours=3)),
            "valueQuantity": vq,
        }
        if enc:
            body["encounter"] = self.ref(enc)
        rr = {}
        if lo is not None:
            rr["low"] = {"value": lo, "unit": unit, "system": UCUM, "code": ucum}
        if hi is not None:
            rr["high"] = {"value": hi, "unit": unit, "system": UCUM, "code": ucum}
        if rr:
            body["referenceRange"] = [rr]
            flag = "N"
            if lo is not None and v < lo:
                flag = "L"
            if hi is not None and v > hi:
                flag = "H"
            body["interpretation"] = [cc(SYS_INTERP, flag, {"N": "Normal", "L": "Low", "H": "High"}[flag])]
        self.add("Observation", body)
        return v

    def coded_obs(self, enc, t, loinc, disp, vcode, vdisp, cat="laboratory", text=None):
        body = {
            "status": "final",
            "category": [cc(SYS_OBS_CAT, cat, {"laboratory": "Laboratory", "exam": "Exam", "survey": "Survey"}[cat])],
            "code": cc(LOINC, loinc, disp),
            "subject": self.subj,
            "effectiveDateTime": iso(t),
            "valueCodeableConcept": cc(SCT, vcode, vdisp, text),
        }
        if enc:
            body["encounter"] = self.ref(enc)
        return self.add("Observation", body)

    def _vital(self, enc, t, loinc, disp, v, unit, ucum):
        body = {
            "status": "final",
            "category": [cc(SYS_OBS_CAT, "vital-signs", "Vital Signs")],
            "code": cc(LOINC, loinc, disp),
            "subject": self.subj,
            "encounter": self.ref(enc),
            "effectiveDateTime": iso(t),
            "valueQuantity": {"value": v, "unit": unit, "system": UCUM, "code": ucum},
        }
        return self.add("Observation", body)

    def vitals(self, enc, t, sbp, dbp, hr, wt=None, ht=None, spo2=None, temp=None, rr=None):
        sbp, dbp, hr = round(sbp), round(dbp), round(hr)
        body = {
            "status": "final",
            "category": [cc(SYS_OBS_CAT, "vital-signs", "Vital Signs")],
            "code": cc(LOINC, "85354-9", "Blood pressure panel with all children optional"),
            "subject": self.subj,
            "encounter": self.ref(enc),
            "effectiveDateTime": iso(t),
            "component": [
                {"code": cc(LOINC, "8480-6", "Systolic blood pressure"),
                 "valueQuantity": {"value": sbp, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
                {"code": cc(LOINC, "8462-4", "Diastolic blood pressure"),
                 "valueQuantity": {"value": dbp, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
            ],
        }
        self.add("Observation", body)
        self._vital(enc, t, "8867-4", "Heart rate", hr, "/min", "/min")
        if wt is not None:
            wt = round(wt, 1)
            self._vital(enc, t, "29463-7", "Body weight", wt, "kg", "kg")
            if ht:
                self._vital(enc, t, "39156-5", "Body mass index (BMI) [Ratio]", round(wt / (ht * ht), 1), "kg/m2", "kg/m2")
        if spo2 is not None:
            self._vital(enc, t, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", round(spo2), "%", "%")
        if temp is not None:
            self._vital(enc, t, "8310-5", "Body temperature", round(temp, 1), "Cel", "Cel")
        if rr is not None:
            self._vital(enc, t, "9279-1", "Respiratory rate", round(rr), "/min", "/min")

    def imm(self, cvx, disp, t, enc=None, dose=None, series=None, site="Left arm", lot=None):
        body = {
            "status": "completed",
            "vaccineCode": cc(CVX, cvx, disp),
            "patient": self.subj,
            "occurrenceDateTime": iso(t),
            "primarySource": True,
            "lotNumber": lot or ("L" + str(self.rng.randint(100000, 999999))),
            "site": cc("http://terminology.hl7.org/CodeSystem/v3-ActSite", "LA" if site == "Left arm" else "RA", site),
            "route": cc("http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", "IM", "Injection, intramuscular"),
        }
        if enc:
            body["encounter"] = self.ref(enc)
        if dose:
            pa = {"doseNumberPositiveInt": dose}
            if series:
                pa["series"] = series
            body["protocolApplied"] = [pa]
        return self.add("Immunization", body)

    def proc(self, code, disp, start, enc=None, end=None, reason=None, body_site=None, device=None, outcome=None, who=None):
        body = {
            "status": "completed",
            "code": cc(SCT, code, disp),
            "subject": self.subj,
        }
        if end:
            body["performedPeriod"] = {"start": iso(start), "end": iso(end)}
        else:
            body["performedDateTime"] = iso(start)
        if enc:
            body["encounter"] = self.ref(enc)
        if who:
            body["performer"] = [{"actor": {"display": who}}]
        if reason:
            body["reasonCode"] = [cc(SCT, reason[0], reason[1])]
        if body_site:
            body["bodySite"] = [cc(SCT, body_site[0], body_site[1])]
        if outcome:
            body["outcome"] = {"text": outcome}
        if device:
            body["focalDevice"] = [{"action": cc(SCT, "129338005", "Surgical implantation - action"),
                                    "manipulated": self.ref(device)}]
        return self.add("Procedure", body)

    def device(self, code, disp, name, maker, model, placed, note=None, implant=True):
        body = {
            "status": "active",
            "type": cc(SCT, code, disp),
            "deviceName": [{"name": name, "type": "user-friendly-name"}],
            "manufacturer": maker,
            "modelNumber": model,
            "serialNumber": "SN" + str(self.rng.randint(10000000, 99999999)),
            "patient": self.subj,
            "note": [{"text": note or (("Implanted " if implant else "Issued ") + placed.isoformat())}],
        }
        if implant:
            body["udiCarrier"] = [{"deviceIdentifier": str(self.rng.randint(10 ** 13, 10 ** 14 - 1)),
                                   "carrierHRF": "(01)" + str(self.rng.randint(10 ** 13, 10 ** 14 - 1))}]
        return self.add("Device", body)

    def allergy(self, code, disp, system, category, crit, recorded, manifest, severity, kind="allergy", desc=None, onset=None):
        body = {
            "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"),
            "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed",
                                     "Confirmed"),
            "type": kind,
            "category": [category],
            "criticality": crit,
            "code": cc(system, code, disp),
            "patient": self.subj,
            "recordedDate": iso(recorded),
            "reaction": [{"manifestation": [cc(SCT, m[0], m[1]) for m in manifest], "severity": severity}],
        }
        if onset:
            body["onsetDateTime"] = onset
        if desc:
            body["reaction"][0]["description"] = desc
        return self.add("AllergyIntolerance", body)

    def note(self, enc, t, loinc, title, author, text, end=None):
        data = base64.b64encode(text.strip().encode("utf-8")).decode("ascii")
        body = {
            "status": "current",
            "docStatus": "final",
            "type": cc(LOINC, loinc, title),
            "category": [cc("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note",
                            "Clinical Note")],
            "subject": self.subj,
            "date": iso(t),
            "author": [{"display": author}],
            "description": title,
            "content": [{"attachment": {"contentType": "text/plain", "data": data, "title": title, "creation": iso(t)}}],
            "context": {"encounter": [self.ref(enc)], "period": {"start": iso(t), "end": iso(end or t)}},
        }
        return self.add("DocumentReference", body)

    # ---- composite helpers ----------------------------------------------
    def visit(self, day, reason, who, org, hh=None, etype=("185349003", "Encounter for check up"), cls="AMB", mins=30):
        hh = hh if hh is not None else self.rng.randint(8, 15)
        t = at(day, hh, self.rng.choice([0, 15, 30, 45]))
        e = self.enc(cls, etype, t, t + dt.timedelta(minutes=mins), reason=reason, who=who, org=org)
        return e, t

    def flu(self, y, m=10, lo=1, hi=12, who=None, org=None, hd=False):
        day = self.md(y, m, lo, hi)
        e, t = self.visit(day, ("33879002", "Administration of vaccine to produce active immunity"), who, org,
                          etype=("33879002", "Administration of vaccine to produce active immunity"), mins=15)
        if hd and y >= 2020:
            self.imm("197", "influenza, high-dose, quadrivalent", t, e)
        elif hd:
            self.imm("135", "Influenza, high dose seasonal", t, e)
        elif y >= 2018:
            self.imm("150", "Influenza, injectable, quadrivalent, preservative free", t, e)
        else:
            self.imm("140", "Influenza, seasonal, injectable, preservative free", t, e)
        return e, t


# ---------------------------------------------------------------------------
# shared vocab
HTN = ("59621000", "Essential hypertension")
CHECK = ("185349003", "Encounter for check up")
FOLLOW = ("390906007", "Follow-up encounter")
ED = ("50849002", "Emergency room admission")
ADM = ("32485007", "Hospital admission")
SURG = ("305408004", "Admission to surgical department")


def p_edith(c):
    """76F: HTN, hypothyroid, AF (warfarin -> Xarelto -> rivaroxaban 15), CKD3, R TKA, recurrent UTI."""
    pcp, org = "Dr. Ines Halvorsen", "Marrowfield Family Medicine"
    hosp = "St. Aldric Regional Hospital"
    ht = 1.62
    c.patient(["Edith", "Marlowe"], "Quennell", "female", D(1949, 8, 14), "MF-204117", "555-0143",
              "18 Tallow Lane", "Marrowfield", ("W", "Widowed"))
    c.cond(*HTN, D(2009, 5, 11))
    hypo = c.cond("40930008", "Hypothyroidism", D(2011, 2, 7))
    c.cond("55822004", "Hyperlipidemia", D(2012, 6, 19))
    c.cond("239873007", "Osteoarthritis of knee", D(2014, 9, 22))
    c.allergy("91936005", "Allergy to penicillin", SCT, "medication", "high", at(D(2014, 3, 4), 10),
              [("126485001", "Urticaria")], "moderate", desc="hives after amoxicillin as a young adult; has tolerated cephalexin")
    c.allergy("387406002", "Sulfonamide", SCT, "medication", "low", at(D(2014, 3, 4), 10),
              [("271807003", "Eruption of skin")], "mild", desc="rash with Bactrim")

    # chronic meds
    c.med("314076", "lisinopril 10 MG Oral Tablet", "stopped", at(D(2012, 3, 6), 10), reason=HTN, who=pcp,
          sig="1 tab PO daily", end=D(2016, 2, 16), why="dry cough (ACE inhibitor intolerance)")
    c.med("617310", "atorvastatin 20 MG Oral Tablet", "active", at(D(2012, 6, 19), 11), reason=("55822004", "Hyperlipidemia"),
          who=pcp, sig="1 tab PO nightly")
    c.med("966224", "levothyroxine sodium 0.075 MG Oral Tablet", "stopped", at(D(2011, 2, 7), 9),
          reason=("40930008", "Hypothyroidism"),
          who=pcp, sig="1 tab PO qAM on empty stomach", end=D(2018, 3, 20), why="dose increased, TSH elevated")
    c.med("313391", "acetaminophen 500 MG Oral Tablet", "active", at(D(2014, 9, 22), 10),
          reason=("239873007", "Osteoarthritis of knee"), who=pcp, sig="1-2 tabs PO q6h PRN knee pain, max 3 g/day")

    years = range(2014, 2026)
    egfr = {}
    tsh_by_year = {}
    last = {}
    for y in years:
        # annual physical in March
        day = c.md(y, 3, 4, 24)
        if y == 2018:
            day = D(2018, 3, 20)
        e, t = c.visit(day, CHECK, pcp, org, etype=CHECK, mins=40)
        wt = 74.5 - (y - 2014) * 0.35 + c.noise(-1.2, 1.2)
        c.vitals(e, t, 134 + c.noise(-8, 10), 78 + c.noise(-6, 6), 70 + c.noise(-6, 8), wt, ht, 96 + c.noise(-1, 2))
        lt = t + dt.timedelta(minutes=50)
        eg = 75 - (y - 2014) * 2.9 + c.noise(-1.5, 1.5)
        egfr[y] = c.lab(e, lt, "egfr", eg)
        c.lab(e, lt, "cr", 0.82 * (75 / eg) ** 0.95)
        k = 4.3 + c.noise(-0.3, 0.4) if y < 2025 else 5.4
        last["k"] = c.lab(e, lt, "k", k)
        last["na"] = c.lab(e, lt, "na", 139 + c.noise(-2, 2.5))
        tsh = 1.6 + c.noise(-0.6, 1.4)
        if y == 2018:
            tsh = 6.8
        tsh_by_year[y] = c.lab(e, lt, "tsh", tsh)
        c.lab(e, lt, "ldl", 96 + c.noise(-12, 14))
        hg = 13.1 + c.noise(-0.5, 0.5) if y < 2025 else 11.6
        last["hgb"] = c.lab(e, lt, "hgb", hg)
        c.lab(e, lt, "plt", 245 + c.noise(-35, 35))
        if y == 2016:
            c.imm("115", "Tdap", t, e)
        if y == 2015:
            c.imm("33", "pneumococcal polysaccharide PPV23", t, e)
        if y == 2018:
            c.med("966247", "levothyroxine sodium 0.088 MG Oral Tablet", "active", t, enc=e,
                  reason=("40930008", "Hypothyroidism"), who=pcp, sig="1 tab PO qAM on empty stomach", reason_ref=hypo)
            c.note(e, t + dt.timedelta(minutes=45), "11506-3", "Progress note", pcp, f"""
ANNUAL VISIT  {day.isoformat()}
S: 68yo F here for yearly. Feels more tired this winter, cold intolerant, some constipation. Knees about the same, uses tylenol. \
Taking levo 75 mcg daily, sometimes w/ coffee.
O: BP ok, wt stable. No goiter.
Labs today: TSH {tsh_by_year[y]} (H). eGFR {egfr[y]}.
A/P:
1. Hypothyroidism - undertreated. Increase levothyroxine 75 -> 88 mcg daily, take 30 min before breakfast, separate from \
calcium. Recheck TSH 6-8 wks.
2. AF on warfarin - INRs have been all over the place, see anticoag clinic notes.
3. HTN - at goal on losartan.
4. OA knees - worse R>L, discussed ortho referral.
""")
        # fall follow-up visit
        if y < 2025:
            d2 = c.md(y, 9, 12, 26)
            e2, t2 = c.visit(d2, HTN, pcp, org, etype=FOLLOW, mins=20)
            c.vitals(e2, t2, 136 + c.noise(-9, 9), 79 + c.noise(-6, 6), 72 + c.noise(-6, 8), wt + c.noise(-0.6, 0.6), ht)
    c.imm("133", "pneumococcal conjugate PCV 13", at(c.md(2016, 9, 12, 26), 11), None)
    # 2016 lisinopril -> losartan
    d = c.md(2016, 2, 8, 15)
    e, t = c.visit(d, ("49727002", "Cough"), pcp, org, etype=FOLLOW)
    c.med("979492", "losartan potassium 50 MG Oral Tablet", "active", t, enc=e, reason=HTN, who=pcp, sig="1 tab PO daily")
    c.note(e, t + dt.timedelta(minutes=25), "11506-3", "Progress note", pcp, """
S: dry tickly cough x 4 mo, worse at night, no fever/sputum/SOB. Never smoked. On lisinopril since 2012.
O: lungs clear, no wheeze. CXR not done.
A: likely ACE-i cough.
P: stop lisinopril. start losartan 50 mg daily. BMP 2 wks. RTC 1 mo.
""")
    # 2017 AF admission
    d = c.md(2017, 6, 5, 20)
    t0 = at(d, 21, 10)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=4), reason=("80313002", "Palpitations"), who="Dr. Kwame Osei-Lindgren",
               org=hosp)
    c.vitals(ed, t0, 152, 94, 138, spo2=95, temp=36.9, rr=20)
    c.lab(ed, t0 + dt.timedelta(minutes=25), "inr", 1.1)
    c.lab(ed, t0 + dt.timedelta(minutes=25), "k", 3.9)
    c.lab(ed, t0 + dt.timedelta(minutes=25), "trop", 11)
    c.med("1232088", "diltiazem hydrochloride 5 MG/ML Injectable Solution", "completed", t0 + dt.timedelta(minutes=40), enc=ed,
          reason=("49436004", "Atrial fibrillation"), who="Dr. Kwame Osei-Lindgren", sig="15 mg IV once", cat="inpatient",
          end=t0 + dt.timedelta(minutes=40))
    c.note(ed, t0 + dt.timedelta(hours=3), "34111-5", "Emergency department note", "Dr. Kwame Osei-Lindgren", """
ED NOTE
CC: heart racing since dinner
HPI: 67F w/ HTN, hypothyroid, presents w/ palpitations + mild SOB x 3h. No CP, no syncope. First episode. No prior hx arrhythmia.
Exam: irregularly irregular, HR 130s-140s, BP 152/94. Lungs clear.
ECG: atrial fibrillation w/ RVR, no acute ST changes.
Labs: K 3.9, INR 1.1, hs-trop 11.
ED course: diltiazem 15 mg IV w/ partial rate control.
Dispo: admit to medicine/tele for new onset AF w/ RVR. CHA2DS2-VASc 3 (age, F, HTN) -> anticoag.
""")
    t1 = t0 + dt.timedelta(hours=4)
    adm = c.enc("IMP", ADM, t1, at(d + dt.timedelta(days=3), 13), reason=("49436004", "Atrial fibrillation"), admit="emd",
                dispo="home", who="Dr. Priya Castellanos", org=hosp, loc="4 West Telemetry")
    c.cond("49436004", "Atrial fibrillation", t0, enc=ed)
    c.proc("40701008", "Echocardiography", at(d + dt.timedelta(days=1), 10), enc=adm, reason=("49436004", "Atrial fibrillation"))
    c.lab(adm, at(d + dt.timedelta(days=1), 10, 40), "lvef", 58, cat="imaging")
    c.proc("180325003", "Electrical cardioversion", at(d + dt.timedelta(days=2), 11), enc=adm,
           reason=("49436004", "Atrial fibrillation"), outcome="sinus rhythm restored after single 200 J synchronized shock")
    c.med("866436", "24 HR metoprolol succinate 50 MG Extended Release Oral Tablet", "active", at(d + dt.timedelta(days=1), 9),
          enc=adm, reason=("49436004", "Atrial fibrillation"), who="Dr. Priya Castellanos", sig="1 tab PO daily (rate control)")
    c.med("854235", "enoxaparin sodium 80 MG in 0.8 ML Prefilled Syringe", "completed", at(d + dt.timedelta(days=1), 9), enc=adm,
          reason=("49436004", "Atrial fibrillation"), who="Dr. Priya Castellanos", sig="80 mg SC q12h until INR >2",
          cat="inpatient", end=d + dt.timedelta(days=8))
    wstart = at(d + dt.timedelta(days=1), 18)
    c.med("855332", "warfarin sodium 5 MG Oral Tablet", "stopped", wstart, enc=adm, reason=("49436004", "Atrial fibrillation"),
          who="Dr. Priya Castellanos", sig="5 mg PO daily, dose per anticoag clinic", end=D(2019, 1, 14),
          why="labile INR; switched to rivaroxaban (Xarelto)")
    c.note(adm, at(d + dt.timedelta(days=3), 12), "18842-5", "Discharge summary", "Dr. Priya Castellanos", f"""
DISCHARGE SUMMARY
Admit: {t1.date().isoformat()}  Discharge: {(d + dt.timedelta(days=3)).isoformat()}
Admitted from: ED
Dx: new onset atrial fibrillation with rapid ventricular response
Hospital course: rate controlled w/ IV dilt then metoprolol succ 50. TTE: normal LV size/fn, EF 55-60%, mild LA enlargement. TSH \
{tsh_by_year[2017]}. Underwent DCCV on hospital day 2 -> NSR. Started warfarin w/ lovenox bridge (CHA2DS2-VASc 3).
Discharge meds: metoprolol succinate 50 daily, warfarin 5 daily, enoxaparin 80 bid until INR>2, losartan, levothyroxine, \
atorvastatin.
F/u: anticoag clinic 3 days, PCP 1 wk.
""")
    # anticoag clinic INRs
    inr_vals = [1.6, 2.2, 2.8, 3.1, 2.4, 1.8, 2.6, 4.6, 2.9, 2.2, 1.7, 2.5, 3.3, 2.1, 2.7, 1.9, 2.4, 3.4]
    months = [(2017, 6), (2017, 7), (2017, 8), (2017, 9), (2017, 10), (2017, 11), (2017, 12), (2018, 1), (2018, 2), (2018, 4),
              (2018, 5), (2018, 6), (2018, 7), (2018, 8), (2018, 9), (2018, 10), (2018, 11), (2018, 12)]
    for (y, m), v in zip(months, inr_vals, strict=True):
        dd = d + dt.timedelta(days=4) if (y, m) == (2017, 6) else c.md(y, m, 3, 26)
        e, t = c.visit(dd, ("49436004", "Atrial fibrillation"), "Marta Szabo, PharmD", "Marrowfield Anticoagulation Clinic",
                       etype=("410177006", "Anticoagulation monitoring"), mins=15)
        c.lab(e, t, "inr", v, lo=2.0, hi=3.0)
    # 2019 switch to Xarelto
    d = c.md(2019, 1, 10, 14)
    e, t = c.visit(d, ("49436004", "Atrial fibrillation"), "Dr. Ansel Whitcombe", "Marrowfield Cardiology", etype=FOLLOW)
    c.vitals(e, t, 131, 76, 68, 71.9, ht)
    c.med("1232088", "Xarelto 20 MG Oral Tablet", "stopped", t, enc=e, reason=("49436004", "Atrial fibrillation"),
          who="Dr. Ansel Whitcombe", sig="1 tab PO daily with evening meal", end=D(2021, 5, 18),
          why="renal dose adjustment (CrCl < 50)")
    c.note(e, t + dt.timedelta(minutes=20), "11488-4", "Cardiology consult note", "Dr. Ansel Whitcombe", """
CARDIOLOGY F/U - paroxysmal AF
Remains in NSR on exam, no recurrent palpitations. On warfarin since 6/2017: time in therapeutic range ~45%, INR 4.6 in Jan 2018 \
with gum bleeding, several subtherapeutic values.
Plan: stop warfarin, start rivaroxaban (Xarelto) 20 mg w/ evening meal once INR < 3. CrCl today ~58. Continue metoprolol \
succinate 50. Echo 2017 normal EF.
""")
    # 2019 R TKA elective admission
    d = c.md(2019, 10, 7, 16)
    t = at(d, 6, 30)
    adm = c.enc("IMP", SURG, t, at(d + dt.timedelta(days=3), 11), reason=("239873007", "Osteoarthritis of knee"), admit="mp",
                dispo="home", who="Dr. Thaddeus Mbeki-Rowe", org=hosp, loc="Orthopedic Unit 3 East")
    knee = c.device("109228008", "Knee joint prosthesis", "Right total knee prosthesis", "Orthovance Surgical", "OV-TK4 cemented",
                    d)
    c.proc("609588000", "Total knee replacement", at(d, 8, 15), enc=adm, end=at(d, 10, 5),
           reason=("239873007", "Osteoarthritis of knee"),
           body_site=("6757004", "Right knee region structure"), device=knee, who="Dr. Thaddeus Mbeki-Rowe")
    c.med("1665093", "cefazolin 2000 MG Injection", "completed", at(d, 7, 50), enc=adm,
          reason=("239873007", "Osteoarthritis of knee"),
          who="Dr. Thaddeus Mbeki-Rowe", sig="2 g IV on call to OR then q8h x 2 doses", cat="inpatient",
          end=d + dt.timedelta(days=1))
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", "completed", at(d, 14), enc=adm,
          reason=("609588000", "Total knee replacement"),
          who="Dr. Thaddeus Mbeki-Rowe", sig="1 tab PO q4h PRN severe pain, #20 no refills", end=d + dt.timedelta(days=10),
          cat="discharge")
    c.lab(adm, at(d + dt.timedelta(days=1), 5), "hgb", 10.4)
    c.note(adm, at(d, 10, 30), "28570-0", "Operative note", "Dr. Thaddeus Mbeki-Rowe", f"""
OPERATIVE NOTE  {d.isoformat()}
Preop dx: severe primary osteoarthritis R knee
Procedure: R total knee arthroplasty, cemented (Orthovance OV-TK4)
Anesthesia: spinal + adductor canal block
EBL 150 mL. Tourniquet 62 min. No complications.
Xarelto held 72h preop, resume POD1 if hemostasis ok. Ancef periop. PT POD0.
""")
    c.note(adm, at(d + dt.timedelta(days=3), 10), "18842-5", "Discharge summary", "Dr. Thaddeus Mbeki-Rowe", f"""
DISCHARGE SUMMARY
Elective admission (referred by Dr. Halvorsen / ortho clinic) for R TKA {d.isoformat()}. Uneventful course. POD1 Hgb 10.4. \
Rivaroxaban resumed POD1 for AF and VTE ppx.
Ambulating w/ walker, home w/ home PT. Oxycodone 5 mg PRN #20.
""")
    # UTIs
    d = c.md(2020, 8, 4, 20)
    e, t = c.visit(d, ("68566005", "Urinary tract infectious disease"), pcp, org, etype=FOLLOW)
    c.cond("68566005", "Urinary tract infectious disease", t, status="resolved", abated=d + dt.timedelta(days=10), enc=e,
           cat="encounter-diagnosis")
    c.coded_obs(e, t, "630-4", "Bacteria identified in Urine by Culture", "112283007", "Escherichia coli")
    c.med("1648755", "nitrofurantoin 100 MG Oral Capsule", "completed", t, enc=e,
          reason=("68566005", "Urinary tract infectious disease"),
          who=pcp, sig="1 cap PO BID x 5 days", end=d + dt.timedelta(days=5))
    # 2021 CKD dx and rivaroxaban dose reduction
    d = c.md(2021, 5, 10, 17)
    e, t = c.visit(d, ("433144002", "Chronic kidney disease stage 3"), "Dr. Ansel Whitcombe", "Marrowfield Cardiology",
                   etype=FOLLOW)
    c.cond("433144002", "Chronic kidney disease stage 3", at(D(2021, 3, 30), 12),
           note=f"eGFR persistently <60 since 2019 ({egfr[2019]}, {egfr[2020]}, {egfr[2021]})")
    c.med("1232086", "rivaroxaban 15 MG Oral Tablet", "active", t, enc=e, reason=("49436004", "Atrial fibrillation"),
          who="Dr. Ansel Whitcombe", sig="1 tab PO daily with evening meal")
    # cataract
    d = c.md(2022, 1, 10, 20)
    e, t = c.visit(d, ("193570009", "Cataract"), "Dr. Yelena Fairbanks", "Lakeshore Eye Surgery Center",
                   etype=("305408004", "Admission to surgical department"), mins=120)
    c.proc("110473004", "Cataract surgery", t + dt.timedelta(minutes=30), enc=e, body_site=("8966001", "Left eye structure"),
           reason=("193570009", "Cataract"))
    # 2023 UTI ED
    d = c.md(2023, 3, 3, 12)
    t0 = at(d, 19, 40)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=3), reason=("49650001", "Dysuria"), who="Dr. Lucia Abernethy-Sato",
               org=hosp)
    c.vitals(ed, t0, 148, 82, 96, spo2=97, temp=38.2, rr=18)
    c.cond("68566005", "Urinary tract infectious disease", t0, status="resolved", abated=d + dt.timedelta(days=9), enc=ed,
           cat="encounter-diagnosis")
    c.lab(ed, t0 + dt.timedelta(minutes=30), "wbc", 12.6)
    c.med("309114", "cephalexin 500 MG Oral Capsule", "completed", t0 + dt.timedelta(hours=2), enc=ed,
          reason=("68566005", "Urinary tract infectious disease"), who="Dr. Lucia Abernethy-Sato", sig="1 cap PO q12h x 7 days",
          end=d + dt.timedelta(days=7), cat="discharge")
    c.note(ed, t0 + dt.timedelta(hours=2, minutes=30), "34111-5", "Emergency department note", "Dr. Lucia Abernethy-Sato", """
ED NOTE
73F burning w/ urination, frequency, low grade temp 38.2 since yesterday. No flank pain, no N/V. Hx 1 prior UTI 2020 (E coli).
PMH AF on rivaroxaban, CKD 3, HTN. Allergy PCN (hives) - has taken keflex before w/o problem.
UA: +LE +nitrite, >50 WBC. UCx sent. CVA nontender.
Imp: acute cystitis, no sign of pyelo.
Plan: cephalexin 500 bid x7d, fluids, PCP f/u. Return if fever >39, flank pain, vomiting.
""")
    # 2025 UTI virtual
    d = c.md(2025, 4, 7, 22)
    t = at(d, 11, 15)
    e = c.enc("VR", ("185317003", "Telephone encounter"), t, t + dt.timedelta(minutes=15),
              reason=("68566005", "Urinary tract infectious disease"), who=pcp, org=org)
    c.cond("68566005", "Urinary tract infectious disease", t, status="resolved", abated=d + dt.timedelta(days=6), enc=e,
           cat="encounter-diagnosis")
    c.med("1649987", "fosfomycin 3000 MG Granules for Oral Solution", "completed", t, enc=e,
          reason=("68566005", "Urinary tract infectious disease"), who=pcp, sig="1 sachet PO once", end=d)
    # mammograms, colonoscopy
    for y in (2015, 2017, 2019, 2021, 2023):
        dd = c.md(y, 5, 4, 25)
        e, t = c.visit(dd, ("268547008", "Screening for malignant neoplasm of breast"), "Dr. Oren Vasilakis",
                       "Marrowfield Imaging", etype=("268547008", "Screening for malignant neoplasm of breast"))
        c.proc("71651007", "Mammography", t + dt.timedelta(minutes=10), enc=e,
               reason=("268547008", "Screening for malignant neoplasm of breast"),
               outcome="BI-RADS 1 negative" if y != 2019 else "BI-RADS 2 benign calcifications")
    dd = c.md(2014, 11, 4, 25)
    e, t = c.visit(dd, ("275978004", "Screening for malignant neoplasm of colon"), "Dr. Farah Nwachukwu",
                   "Marrowfield Endoscopy Center", etype=("275978004", "Screening for malignant neoplasm of colon"), mins=60)
    c.proc("73761001", "Colonoscopy", t + dt.timedelta(minutes=20), enc=e,
           reason=("275978004", "Screening for malignant neoplasm of colon"),
           outcome="normal to cecum, no polyps; repeat not needed given age")
    # immunizations
    for y in range(2014, 2026):
        c.flu(y, 10, 1, 10, who=pcp, org=org, hd=True)
    c.imm("187", "zoster vaccine recombinant", at(c.md(2019, 3, 3, 26), 11), dose=1, series="Shingrix 2-dose")
    c.imm("187", "zoster vaccine recombinant", at(c.md(2019, 6, 3, 26), 11), dose=2, series="Shingrix 2-dose")
    covid = [(2021, 1, "208", 1), (2021, 2, "208", 2), (2021, 10, "208", 3), (2022, 10, "213", 4)]
    for y, m, code, n in covid:
        disp = ("SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose" if code == "208"
                else "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION")
        c.imm(code, disp, at(c.md(y, m, 12, 26), 13), dose=n)
    # last visit: nephrology Oct 2025
    d = c.md(2025, 10, 20, 28)
    e, t = c.visit(d, ("433144002", "Chronic kidney disease stage 3"), "Dr. Rosalind Achterberg", "Marrowfield Nephrology",
                   etype=FOLLOW, mins=40)
    c.vitals(e, t, 138, 74, 66, 70.4, ht, 97)
    lt = t + dt.timedelta(minutes=30)
    eg = c.lab(e, lt, "egfr", 42)
    cr = c.lab(e, lt, "cr", 1.3)
    k = c.lab(e, lt, "k", 5.0)
    c.lab(e, lt, "uacr", 48)
    c.note(e, t + dt.timedelta(minutes=40), "11488-4", "Nephrology consult note", "Dr. Rosalind Achterberg", f"""
NEPHROLOGY NEW PT
Reason for referral: CKD 3b, slowly declining eGFR, K 5.4 in March.
76F HTN, paroxysmal AF on rivaroxaban 15, hypothyroid, s/p R TKA. No NSAIDs, uses tylenol only. 3 UTIs in past 5 yrs.
Trend eGFR: {egfr[2014]} (2014) -> {egfr[2019]} (2019) -> {egfr[2025]} (3/2025) -> {eg} today. Cr {cr}. K {k} today. UACR 48 mg/g.
A: CKD stage 3b, likely hypertensive nephrosclerosis + age. Mild albuminuria.
P: continue losartan 50 (renoprotective), low K diet handout. Rivaroxaban 15 mg is the right dose for CrCl 15-50 - do not \
increase. Avoid nitrofurantoin if eGFR falls <30. Consider SGLT2i next visit. Labs q6 mo. RTC 6 mo.
""")


def p_raymond(c):
    """67M: T2DM (metformin, glipizide stopped, glargine, Jardiance), NSTEMI transfer -> PCI/stent, OSA CPAP, gout, CGM."""
    pcp, org = "Dr. Benedikt Amankwah", "Riverside Internal Medicine"
    card, corg = "Dr. Soraya Lindqvist", "Riverside Heart Institute"
    ht = 1.78
    c.patient(["Raymond", "Oduya"], "Petrakis", "male", D(1958, 1, 27), "RV-558203", "555-0178",
              "4410 Cobbler Ridge Rd", "Riverside", ("M", "Married"))
    dm = c.cond("44054006", "Diabetes mellitus type 2", D(2013, 4, 9))
    c.cond("55822004", "Hyperlipidemia", D(2013, 4, 9))
    c.cond("162864005", "Body mass index 30+ - obesity", D(2013, 4, 9))
    c.cond(*HTN, D(2014, 1, 14))
    c.allergy("29046", "lisinopril", RX, "medication", "high", at(D(2014, 3, 3), 15), [("41291007", "Angioedema")], "severe",
              desc="lip and tongue swelling 6 wks after starting lisinopril; treated in clinic; avoid all ACE inhibitors")
    c.allergy("288328004", "Bee venom", SCT, "environment", "high", at(D(2015, 7, 20), 9), [("39579001", "Anaphylaxis")],
              "severe", desc="anaphylaxis after yellow jacket sting 2009; carries epinephrine")
    c.med("861007", "metformin hydrochloride 500 MG Oral Tablet", "stopped", at(D(2013, 4, 9), 10),
          reason=("44054006", "Diabetes mellitus type 2"),
          who=pcp, sig="1 tab PO BID with meals", end=D(2015, 6, 8), why="dose increased to 1000 mg BID")
    c.med("861004", "metformin hydrochloride 1000 MG Oral Tablet", "active", at(D(2015, 6, 8), 10),
          reason=("44054006", "Diabetes mellitus type 2"), who=pcp, sig="1 tab PO BID with meals", reason_ref=dm)
    c.med("617311", "atorvastatin 40 MG Oral Tablet", "stopped", at(D(2013, 6, 11), 10), reason=("55822004", "Hyperlipidemia"),
          who=pcp, sig="1 tab PO daily", end=D(2022, 2, 20), why="changed to high-intensity atorvastatin 80 mg after NSTEMI")
    c.med("314076", "lisinopril 10 MG Oral Tablet", "stopped", at(D(2014, 1, 14), 10), reason=HTN, who=pcp, sig="1 tab PO daily",
          end=D(2014, 3, 3), why="angioedema")
    c.med("349201", "valsartan 160 MG Oral Tablet", "active", at(D(2014, 3, 3), 16), reason=HTN, who=pcp, sig="1 tab PO daily")
    c.med("310489", "glipizide 5 MG Oral Tablet", "stopped", at(D(2016, 3, 15), 10),
          reason=("44054006", "Diabetes mellitus type 2"), who=pcp,
          sig="1 tab PO qAM before breakfast", end=D(2021, 1, 19), why="recurrent hypoglycemia")
    c.med("847230", "EPINEPHrine 0.3 MG/0.3 ML Auto-Injector", "active", at(D(2015, 7, 20), 9),
          reason=("39579001", "Anaphylaxis"), who=pcp, sig="inject IM into thigh once for anaphylaxis, may repeat x1")

    a1c_series = {(2013, 4): 8.9, (2013, 10): 7.6, (2014, 4): 7.2, (2014, 10): 7.4, (2015, 4): 7.9, (2015, 10): 7.3,
                  (2016, 4): 8.1, (2016, 10): 7.5, (2017, 4): 7.4, (2017, 10): 7.7, (2018, 4): 7.8, (2018, 10): 8.2,
                  (2019, 4): 8.4, (2019, 10): 8.7, (2020, 4): 9.1, (2020, 10): 9.6, (2021, 4): 8.3, (2021, 10): 7.9,
                  (2022, 4): 7.6, (2022, 10): 7.3, (2023, 4): 7.1, (2023, 10): 7.2, (2024, 4): 6.9, (2024, 10): 7.1,
                  (2025, 4): 6.8, (2025, 10): 6.7}
    ldl = {}
    a1c = {}
    psa = {}
    wt = 112.0
    for (y, m), v in sorted(a1c_series.items()):
        lo, hi = (3, 14) if m == 4 else (6, 16)
        day = c.md(y, m, lo, hi)
        reason = ("44054006", "Diabetes mellitus type 2")
        e, t = c.visit(day, reason, pcp, org, etype=CHECK if m == 4 else FOLLOW, mins=30)
        wt = wt + c.noise(-1.4, 1.0) if y < 2022 else wt + c.noise(-1.6, 0.4)
        c.vitals(e, t, 138 + c.noise(-9, 9) if y >= 2015 else 150 + c.noise(-6, 6), 82 + c.noise(-6, 6), 74 + c.noise(-6, 8), wt,
                 ht, 96 + c.noise(-1, 2))
        lt = t + dt.timedelta(minutes=45)
        a1c[(y, m)] = c.lab(e, lt, "a1c", v)
        if m == 4:
            lv = 64 - (y - 2022) * 3 + c.noise(-3, 3) if y >= 2022 else 104 + c.noise(-10, 10)
            ldl[y] = c.lab(e, lt, "ldl", lv)
            c.lab(e, lt, "cr", 1.02 + c.noise(-0.1, 0.15))
            c.lab(e, lt, "egfr", 78 - (y - 2013) * 0.8 + c.noise(-3, 3))
            c.lab(e, lt, "k", 4.5 + c.noise(-0.4, 0.3))
            c.lab(e, lt, "na", 139 + c.noise(-2, 2))
            c.lab(e, lt, "glucose", 150 + (v - 7) * 28 + c.noise(-15, 15))
            if y >= 2018:
                psa[y] = c.lab(e, lt, "psa", 1.1 + (y - 2018) * 0.07 + c.noise(-0.1, 0.15))
            if y in (2019, 2021, 2023, 2025):
                c.lab(e, lt, "uacr", {2019: 22, 2021: 35, 2023: 41, 2025: 38}[y])
        if (y, m) == (2019, 4):
            c.imm("115", "Tdap", t, e)
        if (y, m) == (2021, 1):
            pass
    # gabapentin for neuropathy, uric acid etc
    d = c.md(2020, 9, 8, 22)
    e, t = c.visit(d, ("368581000119106", "Neuropathy due to type 2 diabetes mellitus"), pcp, org, etype=FOLLOW)
    c.cond("368581000119106", "Neuropathy due to type 2 diabetes mellitus", t, enc=e)
    c.med("310431", "gabapentin 300 MG Oral Capsule", "active", t, enc=e,
          reason=("368581000119106", "Neuropathy due to type 2 diabetes mellitus"), who=pcp, sig="1 cap PO TID")
    c.note(e, t + dt.timedelta(minutes=25), "11506-3", "Progress note", pcp, """
S: burning + numbness both feet x 6 mo, worse at night, keeps him awake. No foot ulcers.
O: monofilament decreased bilat to ankles, vibration decreased at great toes. Pedal pulses 2+.
A: diabetic peripheral neuropathy. A1c trending up (9.1 in April).
P: gabapentin 300 mg TID, titrate. Podiatry referral. Discussed basal insulin, pt wants to try diet first; revisit in Jan.
""")
    d = c.md(2021, 1, 12, 19)
    e, t = c.visit(d, ("44054006", "Diabetes mellitus type 2"), pcp, org, etype=FOLLOW)
    c.med("311041", "insulin glargine 100 UNT/ML Injectable Solution", "active", t, enc=e,
          reason=("44054006", "Diabetes mellitus type 2"),
          who=pcp, sig="inject 18 units SC at bedtime; titrate by 2 units q3d to fasting BG 100-130")
    c.note(e, t + dt.timedelta(minutes=25), "11506-3", "Progress note", pcp, """
DM f/u. A1c 9.6 in Oct. Two lows on glipizide (BG 52 and 61, sweaty/shaky late morning) - stopping glipizide.
Start insulin glargine 18 u qhs w/ titration, teaching done w/ RN. Continue metformin 1000 bid.
""")
    # OSA
    d = c.md(2016, 7, 5, 20)
    e, t = c.visit(d, ("78275009", "Obstructive sleep apnea syndrome"), "Dr. Helga Tamburini", "Riverside Sleep Center",
                   etype=("305408004", "Admission to surgical department"), mins=600)
    c.proc("60554003", "Polysomnography", at(d, 21, 30), enc=e, end=at(d + dt.timedelta(days=1), 5, 30),
           reason=("78275009", "Obstructive sleep apnea syndrome"), outcome="AHI 34/h, nadir SpO2 79%")
    c.cond("78275009", "Obstructive sleep apnea syndrome", at(d + dt.timedelta(days=14), 10))
    cpap_day = c.md(2016, 9, 3, 20)
    c.device("702172008", "Home continuous positive airway pressure unit", "ResNova AirSet 10 AutoCPAP", "ResNova Medical",
             "AirSet 10", cpap_day, note=f"Issued {cpap_day.isoformat()}; auto 6-14 cm H2O, nasal pillows", implant=False)
    # gout
    d = c.md(2018, 5, 6, 20)
    e, t = c.visit(d, ("90560007", "Gout"), pcp, org, etype=FOLLOW)
    c.cond("90560007", "Gout", t, enc=e)
    c.lab(e, t, "uric", 9.4)
    c.med("197541", "colchicine 0.6 MG Oral Tablet", "completed", t, enc=e, reason=("90560007", "Gout"), who=pcp,
          sig="1.2 mg now then 0.6 mg in 1 hour, then 0.6 mg daily until flare resolves", end=d + dt.timedelta(days=10))
    d = c.md(2018, 7, 6, 20)
    e, t = c.visit(d, ("90560007", "Gout"), pcp, org, etype=FOLLOW)
    c.med("197319", "allopurinol 100 MG Oral Tablet", "active", t, enc=e, reason=("90560007", "Gout"), who=pcp,
          sig="1 tab PO daily")
    c.lab(e, t, "uric", 7.9)
    c.lab(None, at(c.md(2019, 4, 15, 25), 9), "uric", 6.2)
    # colonoscopy
    d = c.md(2018, 9, 4, 25)
    e, t = c.visit(d, ("275978004", "Screening for malignant neoplasm of colon"), "Dr. Idris Vandermolen", "Riverside GI",
                   mins=60)
    c.proc("73761001", "Colonoscopy", t + dt.timedelta(minutes=20), enc=e,
           reason=("275978004", "Screening for malignant neoplasm of colon"),
           outcome="2 small tubular adenomas removed, repeat 2025")
    for y in (2019, 2021, 2024):
        dd = c.md(y, 6, 4, 25)
        e, t = c.visit(dd, ("44054006", "Diabetes mellitus type 2"), "Dr. Noemi Ferreira-Blake", "Riverside Eye Associates")
        c.proc("252779009", "Single bright light photograph of retina", t + dt.timedelta(minutes=10), enc=e,
               reason=("44054006", "Diabetes mellitus type 2"),
               outcome="no diabetic retinopathy" if y < 2024 else "mild nonproliferative diabetic retinopathy OU")
    # NSTEMI transfer 2022
    d = c.md(2022, 2, 14, 18)
    t0 = at(d, 3, 55)
    adm = c.enc("IMP", ADM, t0, at(d + dt.timedelta(days=4), 12),
                reason=("401303003", "Acute non-ST segment elevation myocardial infarction"),
                admit="hosp-trans", dispo="home", who=card, org="Riverside University Hospital", loc="Cardiac Care Unit")
    c.cond("401303003", "Acute non-ST segment elevation myocardial infarction", t0, status="resolved",
           abated=d + dt.timedelta(days=30), enc=adm, cat="encounter-diagnosis")
    c.cond("53741008", "Coronary arteriosclerosis", at(d, 10), enc=adm)
    c.vitals(adm, t0, 158, 92, 96, spo2=96, temp=36.8, rr=18)
    for h, v in ((0, 412), (3, 1280), (9, 890)):
        c.lab(adm, t0 + dt.timedelta(hours=h, minutes=20), "trop", v)
    c.lab(adm, t0 + dt.timedelta(minutes=20), "ldl", 128)
    c.lab(adm, t0 + dt.timedelta(minutes=20), "a1c", 7.7)
    c.lab(adm, t0 + dt.timedelta(minutes=20), "k", 4.4)
    c.med("1361615", "heparin sodium, porcine 100 UNT/ML Injectable Solution", "completed", t0 + dt.timedelta(minutes=30),
          enc=adm,
          reason=("401303003", "Acute non-ST segment elevation myocardial infarction"), who=card,
          sig="weight-based infusion per ACS nomogram", cat="inpatient", end=d + dt.timedelta(days=1))
    cath = at(d, 10, 20)
    stent = c.device("705643001", "Coronary artery stent", "Drug-eluting stent, mid LAD 3.0 x 23 mm", "Corvanta Vascular",
                     "Zelixa DES 3.0x23", d)
    c.proc("41976001", "Cardiac catheterization", cath, enc=adm, end=cath + dt.timedelta(minutes=35),
           reason=("401303003", "Acute non-ST segment elevation myocardial infarction"), who="Dr. Lorcan Adebayo-Wren",
           outcome="90% mid LAD stenosis, 40% RCA")
    c.proc("415070008", "Percutaneous coronary intervention", cath + dt.timedelta(minutes=35), enc=adm,
           end=cath + dt.timedelta(minutes=80),
           reason=("401303003", "Acute non-ST segment elevation myocardial infarction"), device=stent,
           who="Dr. Lorcan Adebayo-Wren", outcome="DES x1 to mid LAD, TIMI 3 flow")
    c.proc("40701008", "Echocardiography", at(d + dt.timedelta(days=1), 9), enc=adm)
    c.lab(adm, at(d + dt.timedelta(days=1), 9, 30), "lvef", 48, cat="imaging")
    st = at(d + dt.timedelta(days=1), 8)
    c.med("243670", "aspirin 81 MG Oral Tablet", "active", st, enc=adm, reason=("53741008", "Coronary arteriosclerosis"),
          who=card, sig="1 tab PO daily")
    c.med("309362", "clopidogrel 75 MG Oral Tablet", "completed", st, enc=adm,
          reason=("415070008", "Percutaneous coronary intervention"), who=card,
          sig="1 tab PO daily x 12 months (DAPT)", end=D(2023, 2, 21))
    c.med("259255", "atorvastatin 80 MG Oral Tablet", "active", st, enc=adm, reason=("53741008", "Coronary arteriosclerosis"),
          who=card, sig="1 tab PO nightly")
    c.med("866924", "metoprolol tartrate 25 MG Oral Tablet", "active", st, enc=adm,
          reason=("401303003", "Acute non-ST segment elevation myocardial infarction"), who=card, sig="1 tab PO BID")
    c.med("312086", "nitroglycerin 0.4 MG Sublingual Tablet", "active", st, enc=adm,
          reason=("53741008", "Coronary arteriosclerosis"), who=card,
          sig="1 tab SL q5min PRN chest pain, max 3; call 911 if no relief")
    c.note(adm, t0 + dt.timedelta(minutes=45), "34117-2", "History and physical note", card, """
ADMISSION H&P - CCU
Transfer from Coldwater Community Hospital ED for NSTEMI / cath.
HPI: 64M DM2 on metformin + glargine, HTN, HLD, OSA on CPAP, gout. Substernal pressure radiating to L arm while shoveling snow \
yesterday evening, ~40 min, recurred at rest. At Coldwater: ECG ST depression V4-V6, hs-trop 412 -> transferred for LHC (no cath \
lab there overnight).
Allergy: lisinopril (angioedema), bee venom.
Exam: diaphoretic on arrival, BP 158/92, HR 96, lungs clear, no JVD.
A/P: NSTEMI, TIMI 4. ASA 325 load given at OSH + heparin gtt. Plavix load. Cath this AM. High-intensity statin. Hold metformin \
48h post contrast.
""")
    c.note(adm, at(d + dt.timedelta(days=4), 11), "18842-5", "Discharge summary", card, f"""
DISCHARGE SUMMARY
Admitted {d.isoformat()} as transfer from Coldwater Community Hospital. Dx: NSTEMI, single vessel CAD.
LHC: 90% mid LAD -> 1 DES; 40% RCA medical mgmt. TTE EF 45-50%, anterior hypokinesis. Peak hs-trop 1280.
New meds: aspirin 81, clopidogrel 75 x 12 mo, atorvastatin 80 (was 40), metoprolol tartrate 25 bid, SL NTG prn. Resume metformin \
{(d + dt.timedelta(days=2)).isoformat()}.
Cardiac rehab referral. F/u Dr. Lindqvist 2 wks.
""")
    for (y, m) in ((2022, 3), (2022, 8), (2023, 2), (2024, 2), (2025, 2)):
        dd = c.md(y, m, 20, 27) if (y, m) == (2023, 2) else c.md(y, m, 5, 25)
        e, t = c.visit(dd, ("53741008", "Coronary arteriosclerosis"), card, corg, etype=FOLLOW)
        c.vitals(e, t, 128 + c.noise(-6, 6), 76 + c.noise(-5, 5), 62 + c.noise(-4, 6), 112.5 - (y - 2022) * 0.6 + c.noise(-1, 1),
                 ht)
        if (y, m) == (2022, 3):
            c.med("1545653", "empagliflozin 10 MG Oral Tablet [Jardiance]", "active", t, enc=e,
                  reason=("44054006", "Diabetes mellitus type 2"), who=card, sig="1 tab PO qAM")
        if (y, m) == (2023, 2):
            c.note(e, t + dt.timedelta(minutes=20), "11488-4", "Cardiology follow-up note", card, f"""
1 yr s/p DES mid LAD. No angina, walking 2 mi/day, finished cardiac rehab. No bleeding.
Completed 12 mo DAPT -> stop clopidogrel today, continue ASA 81 indefinitely. LDL {ldl[2022]} on atorva 80. Continue metoprolol, \
Jardiance, valsartan.
""")
    # gout ED 2023
    d = c.md(2023, 8, 5, 20)
    t0 = at(d, 7, 20)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=3), reason=("90560007", "Gout"), who="Dr. Yusuf Harlan-Petit",
               org="Riverside University Hospital")
    c.vitals(ed, t0, 146, 84, 88, spo2=97, temp=37.6, rr=16)
    c.lab(ed, t0 + dt.timedelta(minutes=40), "uric", 8.1)
    c.lab(ed, t0 + dt.timedelta(minutes=40), "wbc", 10.2)
    c.med("860092", "ketorolac tromethamine 30 MG/ML Injectable Solution", "completed", t0 + dt.timedelta(minutes=50), enc=ed,
          reason=("90560007", "Gout"), who="Dr. Yusuf Harlan-Petit", sig="15 mg IM once", cat="inpatient", end=d)
    c.med("197541", "colchicine 0.6 MG Oral Tablet", "completed", t0 + dt.timedelta(hours=2), enc=ed, reason=("90560007", "Gout"),
          who="Dr. Yusuf Harlan-Petit", sig="0.6 mg PO BID until flare resolves", end=d + dt.timedelta(days=7), cat="discharge")
    c.note(ed, t0 + dt.timedelta(hours=2, minutes=20), "34111-5", "Emergency department note", "Dr. Yusuf Harlan-Petit", """
ED NOTE
65M woke at 4am w/ severe pain, redness + swelling L great toe MTP, can't bear weight. Hx gout 2018, on allopurinol 100 but \
missed doses on vacation, few beers + seafood last 2 nights.
Temp 37.6. L 1st MTP hot, erythematous, exquisitely tender. No wound.
Uric acid 8.1. WBC 10.2.
Imp: acute gout flare L great toe (podagra). Septic joint unlikely.
Given toradol 15 IM (one time; avoid repeat NSAIDs given CAD/ASA). Colchicine 0.6 bid. Continue allopurinol, PCP to uptitrate.
""")
    # CGM 2023
    cgm_day = c.md(2023, 5, 8, 22)
    e, t = c.visit(cgm_day, ("44054006", "Diabetes mellitus type 2"), pcp, org, etype=FOLLOW)
    c.device("462894001", "Continuous glucose monitoring system", "Dexcom G7 continuous glucose monitor", "Dexcom", "G7", cgm_day,
             note=f"Started {cgm_day.isoformat()}; sensor changed every 10 days", implant=False)
    # immunizations
    for y in range(2014, 2026):
        c.flu(y, 9 if y == 2025 else 10, 2, 14, who=pcp, org=org)
    for n, (y, m) in enumerate(((2015, 1), (2015, 2), (2015, 7)), 1):
        c.imm("43", "Hep B, adult", at(c.md(y, m, 5, 25), 10), dose=n, series="Hepatitis B 3-dose")
    c.imm("33", "pneumococcal polysaccharide PPV23", at(c.md(2014, 5, 5, 25), 10))
    c.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197 conjugate, adjuvant, preservative free",
          at(c.md(2023, 10, 16, 26), 10))
    for n, (y, m) in enumerate(((2021, 3), (2021, 4), (2021, 11)), 1):
        c.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose",
              at(c.md(y, m, 5, 25), 14), dose=n)
    c.imm("187", "zoster vaccine recombinant", at(c.md(2023, 5, 3, 7), 11), dose=1, series="Shingrix 2-dose")
    c.imm("187", "zoster vaccine recombinant", at(c.md(2023, 8, 22, 28), 11), dose=2, series="Shingrix 2-dose")
    # last visit: DM follow-up late Oct 2025 already in loop (2025,10); add a note there
    last_a1c = a1c[(2025, 10)]
    e, t = c.visit(c.md(2025, 11, 3, 6), ("44054006", "Diabetes mellitus type 2"), "Greta Olafsdottir, RD CDCES", org,
                   etype=FOLLOW, mins=45)
    c.note(e, t + dt.timedelta(minutes=40), "11506-3", "Diabetes education note", "Greta Olafsdottir, RD CDCES", f"""
DIABETES SELF-MGMT EDUCATION
A1c {last_a1c} (best in years, was 9.6 in 10/2020). Dexcom G7 time in range 78%, <70 only 1%. Glargine now 26 u qhs, metformin \
1000 bid, Jardiance 10.
Reviewed sick day rules for Jardiance, foot care, carb counting. Pt walking daily since heart rehab.
""")


def p_walter(c):
    """Deceased 85M: HFrEF (Entresto, carvedilol), CHB -> pacemaker, COPD, pneumonia; died 2/2024 of pneumonia/resp failure."""
    pcp, org = "Dr. Colm Varga", "Hollins Bay Primary Care"
    card, corg = "Dr. Amara Esterhuizen", "Hollins Bay Cardiology"
    hosp = "Hollins Bay General Hospital"
    ht = 1.74
    death = dt.datetime(2024, 2, 18, 4, 40)
    c.patient(["Walter", "Ignatius"], "Brannock", "male", D(1938, 5, 3), "HB-339817", "555-0112",
              "7 Gullwing Court", "Hollins Bay", ("M", "Married"), deceased=death)
    c.cond("13645005", "Chronic obstructive lung disease", D(2010, 10, 4))
    c.cond(*HTN, D(2005, 6, 1))
    c.cond("266569009", "Benign prostatic hyperplasia", D(2014, 2, 17))
    c.allergy("2670", "codeine", RX, "medication", "low", at(D(2013, 5, 6), 10),
              [("422587007", "Nausea"), ("422400008", "Vomiting")], "mild",
              kind="intolerance", desc="nausea and vomiting with Tylenol #3")
    c.med("1547660", "tiotropium bromide 18 MCG Inhalation Capsule", "stopped", at(D(2010, 10, 4), 10),
          reason=("13645005", "Chronic obstructive lung disease"),
          who=pcp, sig="inhale contents of 1 capsule daily via HandiHaler", end=death, why="patient deceased")
    c.med("745752", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "stopped", at(D(2010, 10, 4), 10),
          reason=("13645005", "Chronic obstructive lung disease"),
          who=pcp, sig="2 puffs q4-6h PRN SOB/wheeze", end=death, why="patient deceased")
    c.med("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule", "stopped", at(D(2014, 2, 17), 10),
          reason=("266569009", "Benign prostatic hyperplasia"), who=pcp, sig="1 cap PO qHS", end=death, why="patient deceased")
    hf_day = D(2016, 3, 8)
    c.cond("703272007", "Heart failure with reduced ejection fraction", hf_day)
    e, t = c.visit(hf_day, ("267036007", "Dyspnea"), card, corg, etype=FOLLOW, mins=60)
    c.proc("40701008", "Echocardiography", t + dt.timedelta(minutes=10), enc=e, reason=("267036007", "Dyspnea"))
    c.lab(e, t + dt.timedelta(minutes=40), "lvef", 25, cat="imaging")
    c.lab(e, t, "bnp", 4820)
    c.med("314077", "lisinopril 5 MG Oral Tablet", "stopped", t, enc=e,
          reason=("703272007", "Heart failure with reduced ejection fraction"), who=card,
          sig="1 tab PO daily", end=D(2017, 5, 16), why="changed to sacubitril/valsartan (36 h washout)")
    c.med("313988", "furosemide 40 MG Oral Tablet", "stopped", t, enc=e,
          reason=("703272007", "Heart failure with reduced ejection fraction"), who=card,
          sig="1 tab PO qAM; extra tab if wt up 1 kg", end=death, why="patient deceased")
    c.med("200032", "carvedilol 12.5 MG Oral Tablet", "stopped", at(D(2016, 4, 12), 10),
          reason=("703272007", "Heart failure with reduced ejection fraction"),
          who=card, sig="1 tab PO BID with food", end=death, why="patient deceased")
    c.med("313096", "spironolactone 25 MG Oral Tablet", "stopped", at(D(2016, 6, 14), 10),
          reason=("703272007", "Heart failure with reduced ejection fraction"),
          who=card, sig="1 tab PO daily", end=D(2020, 7, 21), why="hyperkalemia (K 5.9)")
    c.med("1656346", "sacubitril 49 MG / valsartan 51 MG Oral Tablet [Entresto]", "stopped", at(D(2017, 5, 18), 10),
          reason=("703272007", "Heart failure with reduced ejection fraction"), who=card, sig="1 tab PO BID", end=D(2024, 2, 13),
          why="held for hypotension and acute kidney injury during final admission")
    c.note(e, t + dt.timedelta(minutes=55), "11488-4", "Cardiology consult note", card, """
CARDIOLOGY NEW CONSULT
77M COPD (ex-smoker 50 pk-yr), HTN, BPH. 3 mo progressive DOE, now 1 flight, 2-pillow orthopnea, ankle swelling.
Exam: JVP 10 cm, bibasilar crackles, 2+ pitting edema to shins.
Echo today: LVEF 25%, global hypokinesis, mod MR. NT-proBNP 4820.
A: new HFrEF, likely ischemic vs hypertensive.\x20
P: furosemide 40 daily, lisinopril 5, add carvedilol once euvolemic. Ischemic eval. Daily wts, 2 g Na diet.
""")
    bnp = {2016: 4820}
    for y in range(2016, 2024):
        for m in (5, 11) if y > 2016 else (11,):
            dd = c.md(y, m, 3, 14)
            e, t = c.visit(dd, ("703272007", "Heart failure with reduced ejection fraction"), card, corg, etype=FOLLOW)
            wt = 81 - (y - 2016) * 0.6 + c.noise(-1.5, 1.5)
            c.vitals(e, t, 118 + c.noise(-10, 8), 68 + c.noise(-6, 5), 66 + c.noise(-4, 6), wt, ht, 93 + c.noise(-1, 2))
            lt = t + dt.timedelta(minutes=30)
            b = 1900 - (y - 2017) * 60 + c.noise(-300, 400) if y < 2023 else 3100 + c.noise(-200, 300)
            bnp[y] = c.lab(e, lt, "bnp", b)
            c.lab(e, lt, "cr", 1.35 + (y - 2016) * 0.04 + c.noise(-0.1, 0.1))
            c.lab(e, lt, "egfr", 52 - (y - 2016) * 1.6 + c.noise(-2, 2))
            c.lab(e, lt, "k", 4.6 + c.noise(-0.3, 0.3))
            c.lab(e, lt, "na", 137 + c.noise(-2, 2))
            c.lab(e, lt, "hgb", 13.6 - max(0, y - 2020) * 0.7 + c.noise(-0.3, 0.3), lo=13.5, hi=17.5)
    # 2017 Entresto switch note
    d = D(2017, 5, 16)
    e, t = c.visit(d, ("703272007", "Heart failure with reduced ejection fraction"), card, corg, etype=FOLLOW)
    c.note(e, t + dt.timedelta(minutes=20), "11506-3", "Progress note", card, """
HFrEF f/u. NYHA II-III. EF 25% on echo 3/2016, repeat pending. BP 112/66 on lisinopril 5, carvedilol 12.5 bid, spironolactone \
25, furosemide 40.
Plan: stop lisinopril today, 36 h washout, then start sacubitril/valsartan (Entresto) 49/51 mg BID. BMP 1 wk.
""")
    # 2018 CHB -> pacemaker
    d = c.md(2018, 11, 6, 18)
    t0 = at(d, 10, 5)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=5), reason=("271594007", "Syncope"), who="Dr. Ruairi Moffat-Oyelaran",
               org=hosp)
    c.vitals(ed, t0, 104, 58, 34, spo2=95, temp=36.6, rr=18)
    c.cond("27550009", "Complete atrioventricular block", t0, enc=ed)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "k", 4.7)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "trop", 18)
    adm = c.enc("IMP", ADM, t0 + dt.timedelta(hours=5), at(d + dt.timedelta(days=3), 11),
                reason=("27550009", "Complete atrioventricular block"),
                admit="emd", dispo="home", who=card, org=hosp, loc="Cardiac Step-Down Unit")
    pm = c.device("14106009", "Cardiac pacemaker", "Dual-chamber permanent pacemaker (DDD)", "Cardiolith Rhythm Systems",
                  "Cadence DR 2280", d + dt.timedelta(days=1))
    c.proc("307280005", "Implantation of cardiac pacemaker", at(d + dt.timedelta(days=1), 13), enc=adm,
           end=at(d + dt.timedelta(days=1), 14, 10),
           reason=("27550009", "Complete atrioventricular block"), device=pm, who="Dr. Ilse Brandvold",
           body_site=("80891009", "Heart structure"), outcome="dual chamber PPM via L cephalic/axillary vein, thresholds good")
    c.note(ed, t0 + dt.timedelta(hours=2), "34111-5", "Emergency department note", "Dr. Ruairi Moffat-Oyelaran", """
ED NOTE
80M HFrEF, COPD passed out at breakfast table, wife witnessed, ~30 sec, no jerking or incontinence. Lightheaded x 2 days.
HR 34, BP 104/58. ECG: complete heart block w/ junctional escape ~35. No ischemic changes. K 4.7. Trop 18.
Carvedilol held. Transcutaneous pads on, atropine not needed. Cardiology consulted -> admit for PPM.
""")
    c.note(adm, at(d + dt.timedelta(days=1), 15), "28570-0", "Procedure note", "Dr. Ilse Brandvold", f"""
PROCEDURE: dual-chamber permanent pacemaker implantation ({(d + dt.timedelta(days=1)).isoformat()})
Indication: symptomatic complete heart block (syncope).
Device: Cardiolith Cadence DR 2280, RA + RV leads via L axillary vein. R-wave 9.8 mV, RV threshold 0.6 V @ 0.4 ms.
No pneumothorax on post CXR. Resume carvedilol at 6.25 bid tonight, back to 12.5 in 1 wk. Device clinic 2 wks.
""")
    for y in range(2019, 2024):
        dd = c.md(y, 5, 15, 27)
        e, t = c.visit(dd, ("27550009", "Complete atrioventricular block"), "Ruth Castellano, RN, CCDS",
                       "Hollins Bay Device Clinic")
        c.proc("429557002", "Interrogation of cardiac pacemaker", t + dt.timedelta(minutes=5), enc=e,
               reason=("27550009", "Complete atrioventricular block"),
               outcome=f"normal device function, battery {95 - (y - 2019) * 8}%")
    # 2019 pneumonia direct admission
    d = c.md(2019, 1, 8, 18)
    e, t = c.visit(d, ("49727002", "Cough"), pcp, org, etype=FOLLOW)
    adm = c.enc("IMP", ADM, t + dt.timedelta(hours=3), at(d + dt.timedelta(days=4), 12), reason=("233604007", "Pneumonia"),
                admit="mp", dispo="home", who="Dr. Lena Marchetti-Obi", org=hosp, loc="Medical Unit 5 North")
    c.cond("233604007", "Pneumonia", t, status="resolved", abated=d + dt.timedelta(days=20), enc=adm, cat="encounter-diagnosis")
    c.vitals(adm, t + dt.timedelta(hours=3), 108, 62, 92, spo2=88, temp=38.6, rr=24)
    c.lab(adm, t + dt.timedelta(hours=3, minutes=30), "wbc", 15.1)
    c.med("1665021", "ceftriaxone 1000 MG Injection", "completed", t + dt.timedelta(hours=4), enc=adm,
          reason=("233604007", "Pneumonia"),
          who="Dr. Lena Marchetti-Obi", sig="1 g IV q24h", cat="inpatient", end=d + dt.timedelta(days=3))
    c.med("308460", "azithromycin 250 MG Oral Tablet", "completed", t + dt.timedelta(hours=4), enc=adm,
          reason=("233604007", "Pneumonia"),
          who="Dr. Lena Marchetti-Obi", sig="500 mg day 1 then 250 mg daily x 4 days", cat="inpatient",
          end=d + dt.timedelta(days=5))
    c.med("562508", "amoxicillin 875 MG / clavulanate 125 MG Oral Tablet", "completed", at(d + dt.timedelta(days=4), 11), enc=adm,
          reason=("233604007", "Pneumonia"), who="Dr. Lena Marchetti-Obi", sig="1 tab PO BID x 3 more days", cat="discharge",
          end=d + dt.timedelta(days=7))
    c.note(adm, at(d + dt.timedelta(days=4), 11), "18842-5", "Discharge summary", "Dr. Lena Marchetti-Obi", f"""
DISCHARGE SUMMARY
Direct admission from Dr. Varga's office {d.isoformat()} - productive cough, fever 38.6, SpO2 88% RA.
CXR: RLL consolidation. Dx: community acquired pneumonia RLL. COPD w/o severe exacerbation. HFrEF compensated.
Tx: ceftriaxone + azithro, O2 2L weaned off day 3. Discharged on augmentin x 3 more days.
""")
    # 2020 hyperkalemia -> stop spironolactone
    d = D(2020, 7, 21)
    e, t = c.visit(d, ("14140009", "Hyperkalemia"), card, corg, etype=FOLLOW)
    kv = c.lab(e, t, "k", 5.9)
    c.lab(e, t, "cr", 1.7)
    c.cond("14140009", "Hyperkalemia", t, status="resolved", abated=D(2020, 8, 4), enc=e, cat="encounter-diagnosis")
    c.note(e, t + dt.timedelta(minutes=30), "11506-3", "Progress note", card, f"""
Called in for labs: K {kv}, Cr 1.7 (baseline 1.4). No palpitations, pacer-dependent rhythm on ECG, no peaked T.
A: hyperkalemia, likely spironolactone + Entresto + CKD.
P: stop spironolactone. Low K diet. Repeat BMP 1 wk.
""")
    c.lab(None, at(D(2020, 7, 29), 9), "k", 4.8)
    # echo 2021
    d = c.md(2021, 6, 3, 20)
    e, t = c.visit(d, ("703272007", "Heart failure with reduced ejection fraction"), card, corg, etype=FOLLOW)
    c.proc("40701008", "Echocardiography", t + dt.timedelta(minutes=10), enc=e,
           reason=("703272007", "Heart failure with reduced ejection fraction"))
    c.lab(e, t + dt.timedelta(minutes=40), "lvef", 35, cat="imaging")
    # spirometry, hearing
    d = c.md(2015, 10, 3, 20)
    e, t = c.visit(d, ("13645005", "Chronic obstructive lung disease"), "Dr. Ottilie Wexford", "Hollins Bay Pulmonary")
    c.proc("127783003", "Spirometry", t + dt.timedelta(minutes=10), enc=e,
           reason=("13645005", "Chronic obstructive lung disease"), outcome="FEV1/FVC 0.58, FEV1 54% predicted (GOLD 2)")
    d = c.md(2020, 4, 6, 20)
    e, t = c.visit(d, ("24414006", "Presbycusis"), "Dana Okonkwo-Hale, AuD", "Hollins Bay Audiology")
    c.cond("24414006", "Presbycusis", t, enc=e)
    c.proc("410019005", "Audiometry", t + dt.timedelta(minutes=5), enc=e, outcome="bilateral moderate high-frequency SNHL")
    ha_day = c.md(2020, 5, 4, 20)
    c.device("6012004", "Hearing aid", "Bilateral behind-the-ear hearing aids", "Sonavie Hearing", "Lyra 4 BTE", ha_day,
             note=f"Fitted {ha_day.isoformat()}, both ears", implant=False)
    # anemia
    c.cond("271737000", "Anemia", at(c.md(2023, 5, 15, 25), 10), note="normocytic; likely anemia of CKD/chronic disease")
    # immunizations
    for y in range(2013, 2024):
        c.flu(y, 10, 1, 14, who=pcp, org=org, hd=True)
    c.imm("33", "pneumococcal polysaccharide PPV23", at(c.md(2013, 10, 15, 25), 10))
    c.imm("133", "pneumococcal conjugate PCV 13", at(c.md(2015, 3, 5, 25), 10))
    c.imm("115", "Tdap", at(c.md(2017, 8, 5, 25), 10))
    for n, (y, m) in enumerate(((2021, 1), (2021, 2), (2021, 10)), 1):
        c.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose",
              at(c.md(y, m, 15, 26), 14), dose=n)
    # final admission Feb 2024
    d = D(2024, 2, 12)
    t0 = at(d, 14, 25)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=4), reason=("267036007", "Dyspnea"), who="Dr. Ruairi Moffat-Oyelaran",
               org=hosp)
    c.vitals(ed, t0, 96, 54, 104, spo2=84, temp=38.9, rr=30)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "wbc", 18.4)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "lactate", 3.8)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "na", 128)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "cr", 2.4)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "bnp", 12400)
    c.lab(ed, t0 + dt.timedelta(minutes=20), "hgb", 10.1, lo=13.5, hi=17.5)
    adm = c.enc("IMP", ADM, t0 + dt.timedelta(hours=4), death, reason=("233604007", "Pneumonia"), admit="emd", dispo="exp",
                who="Dr. Lena Marchetti-Obi", org=hosp, loc="Medical ICU")
    c.cond("233604007", "Pneumonia", t0, enc=ed, cat="encounter-diagnosis")
    c.cond("91302008", "Sepsis", t0 + dt.timedelta(hours=1), enc=ed, cat="encounter-diagnosis")
    c.cond("65710008", "Acute respiratory failure", at(d + dt.timedelta(days=2), 3), enc=adm, cat="encounter-diagnosis")
    c.med("1659149", "piperacillin 4000 MG / tazobactam 500 MG Injection", "stopped", t0 + dt.timedelta(hours=1), enc=ed,
          reason=("233604007", "Pneumonia"), who="Dr. Ruairi Moffat-Oyelaran", sig="4.5 g IV q8h (renally dosed)",
          cat="inpatient", end=D(2024, 2, 17), why="transitioned to comfort care")
    c.med("1807516", "vancomycin 1000 MG Injection", "stopped", t0 + dt.timedelta(hours=1), enc=ed,
          reason=("233604007", "Pneumonia"),
          who="Dr. Ruairi Moffat-Oyelaran", sig="per pharmacy dosing", cat="inpatient", end=D(2024, 2, 14),
          why="MRSA nares PCR negative")
    c.med("1732136", "morphine sulfate 2 MG/ML Injectable Solution", "stopped", at(D(2024, 2, 17), 11), enc=adm,
          reason=("65710008", "Acute respiratory failure"), who="Dr. Lena Marchetti-Obi",
          sig="1-2 mg IV q1h PRN dyspnea/distress (comfort care)", cat="inpatient", end=death, why="patient deceased")
    c.proc("428311008", "Non-invasive ventilation", at(D(2024, 2, 14), 4), enc=adm, end=at(D(2024, 2, 17), 10),
           reason=("65710008", "Acute respiratory failure"))
    c.note(adm, t0 + dt.timedelta(hours=5), "34117-2", "History and physical note", "Dr. Lena Marchetti-Obi", """
ICU ADMISSION H&P
85M HFrEF (EF 35% 2021), CHB s/p PPM, COPD, CKD, anemia. 3 days cough, fever, confusion; found by wife SOB.
ED: T 38.9, RR 30, SpO2 84% RA -> 4L, BP 96/54, lactate 3.8, WBC 18.4, Na 128, Cr 2.4 (baseline 1.6), NT-proBNP 12400.
CXR: multifocal infiltrates L>R + small effusions.
A/P: sepsis due to multifocal pneumonia, acute on chronic HFrEF, AKI. Pip-tazo + vanc, cautious fluids. Hold Entresto, \
furosemide.\x20
Code status: DNR/DNI confirmed w/ pt + wife (health care POA), ok for BiPAP.
""")
    c.note(adm, death + dt.timedelta(minutes=35), "18842-5", "Death summary", "Dr. Lena Marchetti-Obi", f"""
DEATH SUMMARY / DISCHARGE SUMMARY (EXPIRED)
Patient: Walter Brannock   Admitted {d.isoformat()} via ED   Died {death.date().isoformat()} 04:40
Hospital course: sepsis from multifocal pneumonia, worsening hypoxic resp failure despite abx and BiPAP from 2/14. AKI, Entresto \
held. DNR/DNI. Family meeting 2/17: transitioned to comfort-focused care, BiPAP removed, morphine for dyspnea.
Pt died peacefully at 04:40 on {death.date().isoformat()} with wife and daughter at bedside. Pronounced by night hospitalist.
Cause of death: (a) acute hypoxic respiratory failure, due to (b) multifocal pneumonia with sepsis. Contributing: heart failure \
with reduced EF, COPD.
Pacemaker present (Cadence DR) - funeral home notified re: device before cremation. Autopsy declined. ME not notified (natural \
death).
""")
    c.coded_obs(adm, death, "69453-9", "Cause of death [US Standard Certificate of Death]", "65710008",
                "Acute respiratory failure",
                cat="exam", text="Acute hypoxic respiratory failure due to multifocal pneumonia with sepsis")


def p_simone(c):
    """46F: asthma (Advair), depression (sertraline -> escitalopram), migraine, cellulitis,
    breast cancer (lumpectomy, tamoxifen)."""
    pcp, org = "Dr. Thuy-Linh Baptiste", "Eastbrook Community Health"
    onc, oorg = "Dr. Magnus Achebe-Strand", "Eastbrook Cancer Center"
    hosp = "Eastbrook Memorial Hospital"
    ht = 1.68
    c.patient(["Simone", "Adaeze"], "Farquhar", "female", D(1979, 11, 9), "EB-771405", "555-0166",
              "221 Larkspur Ave Apt 3B", "Eastbrook", ("S", "Never Married"))
    c.cond("195967001", "Asthma", D(1994, 9, 1))
    c.cond("61582004", "Allergic rhinitis", D(2005, 4, 11))
    c.cond("37796009", "Migraine", D(2012, 6, 19))
    c.allergy("111088007", "Latex", SCT, "environment", "low", at(D(2014, 8, 12), 10), [("40275004", "Contact dermatitis")],
              "mild", desc="itchy rash from latex gloves")
    c.allergy("227037002", "Shellfish", SCT, "food", "high", at(D(2014, 8, 12), 10),
              [("126485001", "Urticaria"), ("41291007", "Angioedema")], "severe", desc="hives and lip swelling after shrimp")
    c.med("745752", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "active", at(D(2014, 8, 12), 10),
          reason=("195967001", "Asthma"), who=pcp, sig="2 puffs q4h PRN wheeze / before exercise")
    c.med("313208", "sumatriptan 50 MG Oral Tablet", "active", at(D(2013, 2, 4), 10), reason=("37796009", "Migraine"), who=pcp,
          sig="1 tab PO at migraine onset, may repeat in 2h, max 200 mg/day")
    c.med("896209", "fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler [Advair]", "active",
          at(D(2017, 3, 14), 10), reason=("195967001", "Asthma"), who=pcp, sig="1 inhalation BID, rinse mouth after")
    hgb = {}
    for y in range(2014, 2026):
        dd = c.md(y, 11, 3, 20) if y < 2025 else c.md(2025, 3, 3, 20)
        e, t = c.visit(dd, CHECK, pcp, org, etype=CHECK, mins=40)
        wt = 66 + (y - 2014) * 0.4 + c.noise(-1, 1)
        c.vitals(e, t, 118 + c.noise(-8, 8), 74 + c.noise(-5, 5), 72 + c.noise(-6, 6), wt, ht, 98 + c.noise(-1, 1))
        lt = t + dt.timedelta(minutes=40)
        if y != 2021:
            hgb[y] = c.lab(e, lt, "hgb", 13.0 + c.noise(-0.5, 0.6))
            c.lab(e, lt, "plt", 260 + c.noise(-40, 40))
        if y in (2016, 2019, 2024):
            c.lab(e, lt, "tsh", 1.9 + c.noise(-0.6, 0.8))
        if y == 2019:
            c.lab(e, lt, "vitd", 18)
        if y == 2014:
            c.imm("115", "Tdap", t, e)
        if y == 2024:
            c.imm("115", "Tdap", t, e)
    # depression
    d = c.md(2016, 4, 4, 22)
    e, t = c.visit(d, ("370143000", "Major depressive disorder"), pcp, org, etype=FOLLOW)
    c.cond("370143000", "Major depressive disorder", t, enc=e)
    c.coded_obs(e, t, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", "450741000124103",
                "Moderately severe depression", cat="survey", text="PHQ-9 = 17")
    c.med("312940", "sertraline 50 MG Oral Tablet", "stopped", t, enc=e, reason=("370143000", "Major depressive disorder"),
          who=pcp, sig="1 tab PO daily", end=D(2019, 2, 12), why="sexual side effects and weight gain")
    d = D(2019, 2, 12)
    e, t = c.visit(d, ("370143000", "Major depressive disorder"), "Dr. Ilona Przybylska", "Eastbrook Behavioral Health",
                   etype=FOLLOW, mins=50)
    c.med("349332", "escitalopram 10 MG Oral Tablet", "active", t, enc=e, reason=("370143000", "Major depressive disorder"),
          who="Dr. Ilona Przybylska", sig="1 tab PO daily")
    c.note(e, t + dt.timedelta(minutes=45), "11506-3", "Psychiatry progress note", "Dr. Ilona Przybylska", """
PSYCH MED MGMT
39F MDD since 2016, on sertraline 50 x ~3 yrs. Mood "mostly ok", PHQ-9 8 (was 17). Bothered by low libido, anorgasmia and 6 kg \
wt gain. Sleeping ok. No SI/HI.
Plan: cross-taper sertraline -> escitalopram 10 mg daily (start today, sertraline off). Continue CBT q2wk. RTC 6 wks.
""")
    # asthma ED 2018 + montelukast
    d = c.md(2018, 12, 3, 20)
    t0 = at(d, 23, 10)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=4), reason=("195967001", "Asthma"), who="Dr. Felix Nakamura-Oduya",
               org=hosp)
    c.vitals(ed, t0, 132, 84, 112, spo2=92, temp=37.1, rr=26)
    c.med("312617", "predniSONE 20 MG Oral Tablet", "completed", t0 + dt.timedelta(hours=2), enc=ed,
          reason=("195967001", "Asthma"),
          who="Dr. Felix Nakamura-Oduya", sig="40 mg PO daily x 5 days", end=d + dt.timedelta(days=5), cat="discharge")
    c.med("997488", "montelukast 10 MG Oral Tablet", "stopped", at(d + dt.timedelta(days=8), 10), reason=("195967001", "Asthma"),
          who=pcp, sig="1 tab PO qHS", end=D(2020, 3, 10), why="nightmares and low mood (neuropsychiatric effects)")
    c.note(ed, t0 + dt.timedelta(hours=3), "34111-5", "Emergency department note", "Dr. Felix Nakamura-Oduya", """
ED NOTE
39F asthma on Advair, URI x 4 d then wheeze + chest tightness, albuterol q2h at home w/o relief.
RR 26, SpO2 92% RA, diffuse exp wheeze, speaking full sentences. PEF 210 (pred 440).
Duonebs x3 + prednisone 40 -> PEF 330, SpO2 96%.
Dx: moderate asthma exacerbation. D/c on prednisone 40 x5d, continue Advair, PCP 1 wk.
""")
    # cellulitis 2020
    d = c.md(2020, 7, 3, 15)
    t0 = at(d, 17, 30)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=3), reason=("128045006", "Cellulitis"), who="Dr. Ama Kristiansen",
               org=hosp)
    c.vitals(ed, t0, 126, 78, 94, spo2=99, temp=38.1, rr=16)
    c.cond("128045006", "Cellulitis", t0, status="resolved", abated=d + dt.timedelta(days=16), enc=ed, cat="encounter-diagnosis",
           note="left lower leg")
    c.lab(ed, t0 + dt.timedelta(minutes=30), "wbc", 13.2)
    c.med("309114", "cephalexin 500 MG Oral Capsule", "completed", t0 + dt.timedelta(hours=2), enc=ed,
          reason=("128045006", "Cellulitis"),
          who="Dr. Ama Kristiansen", sig="1 cap PO QID x 7 days", end=d + dt.timedelta(days=3), cat="discharge")
    c.note(ed, t0 + dt.timedelta(hours=2, minutes=20), "34111-5", "Emergency department note", "Dr. Ama Kristiansen", """
ED NOTE
40F shaved legs 4 d ago, small nick L shin, now spreading redness, warmth, pain; temp 38.1 at home.
L anterior shin 12 x 9 cm erythema, warm, tender, no fluctuance; margins marked. No crepitus.
WBC 13.2.
Imp: nonpurulent cellulitis L lower leg.
Plan: cephalexin 500 qid, elevate, recheck w/ PCP 48-72h. Return if spreading past line / fever.
""")
    d2 = d + dt.timedelta(days=3)
    e, t = c.visit(d2, ("128045006", "Cellulitis"), pcp, org, etype=FOLLOW)
    c.med("1649401", "doxycycline hyclate 100 MG Oral Tablet", "completed", t, enc=e, reason=("128045006", "Cellulitis"), who=pcp,
          sig="1 tab PO BID x 10 days", end=d2 + dt.timedelta(days=10))
    c.note(e, t + dt.timedelta(minutes=20), "11506-3", "Progress note", pcp, """
Cellulitis recheck day 3 of keflex: redness spread ~2 cm past marked border, now small pustule center. Afebrile.
Possible MRSA - stop cephalexin, switch to doxycycline 100 bid x 10d. Warm compresses. Recheck 3 d.
""")
    # iron deficiency 2021
    d = c.md(2021, 2, 3, 20)
    e, t = c.visit(d, ("84229001", "Fatigue"), pcp, org, etype=FOLLOW)
    hgb[2021] = c.lab(e, t, "hgb", 9.6)
    c.lab(e, t, "ferritin", 6)
    c.lab(e, t, "plt", 412)
    c.cond("87522002", "Iron deficiency anemia", t, status="resolved", abated=D(2021, 9, 14), enc=e)
    c.med("310325", "ferrous sulfate 325 MG Oral Tablet", "completed", t, enc=e, reason=("87522002", "Iron deficiency anemia"),
          who=pcp, sig="1 tab PO every other day with vitamin C", end=D(2021, 8, 20))
    d = c.md(2021, 6, 3, 20)
    e, t = c.visit(d, ("87522002", "Iron deficiency anemia"), pcp, org, etype=FOLLOW)
    c.lab(e, t, "hgb", 12.4)
    c.lab(e, t, "ferritin", 38)
    c.lab(e, t, "vitd", 32)
    # breast cancer
    for y, m in ((2019, 11), (2021, 11)):
        dd = c.md(y, m, 21, 28)
        e, t = c.visit(dd, ("268547008", "Screening for malignant neoplasm of breast"), "Dr. Celestine Moravec",
                       "Eastbrook Breast Imaging")
        c.proc("71651007", "Mammography", t + dt.timedelta(minutes=10), enc=e,
               reason=("268547008", "Screening for malignant neoplasm of breast"), outcome="BI-RADS 1 negative")
    d = c.md(2022, 4, 4, 20)
    e, t = c.visit(d, ("290084006", "Lump in breast"), "Dr. Celestine Moravec", "Eastbrook Breast Imaging")
    c.proc("71651007", "Mammography", t + dt.timedelta(minutes=10), enc=e, reason=("290084006", "Lump in breast"),
           outcome="diagnostic: 1.4 cm irregular mass L breast 2 o'clock, BI-RADS 5")
    d = c.md(2022, 5, 2, 10)
    e, t = c.visit(d, ("290084006", "Lump in breast"), "Dr. Celestine Moravec", "Eastbrook Breast Imaging")
    c.proc("234262008", "Core needle biopsy of breast", t + dt.timedelta(minutes=15), enc=e,
           body_site=("80248007", "Left breast structure"), outcome="invasive ductal carcinoma, grade 2, ER+/PR+/HER2-")
    bc = c.cond("254837009", "Malignant neoplasm of breast", at(d + dt.timedelta(days=4), 10), enc=e,
                note="L breast IDC pT1c N0, ER+/PR+/HER2-, stage IA")
    d = c.md(2022, 6, 6, 16)
    t = at(d, 7, 0)
    e = c.enc("AMB", ("305408004", "Admission to surgical department"), t, t + dt.timedelta(hours=9),
              reason=("254837009", "Malignant neoplasm of breast"),
              who="Dr. Oksana Whitlow-Adeyemi", org=hosp, loc="Ambulatory Surgery")
    c.proc("392021009", "Lumpectomy of breast", at(d, 8, 40), enc=e, end=at(d, 9, 50),
           reason=("254837009", "Malignant neoplasm of breast"),
           body_site=("80248007", "Left breast structure"), who="Dr. Oksana Whitlow-Adeyemi", outcome="margins negative")
    c.proc("396487001", "Sentinel lymph node biopsy", at(d, 9, 50), enc=e, reason=("254837009", "Malignant neoplasm of breast"),
           outcome="0/2 nodes positive")
    c.med("104894", "ondansetron 4 MG Disintegrating Oral Tablet", "completed", at(d, 15), enc=e, reason=("422587007", "Nausea"),
          who="Dr. Oksana Whitlow-Adeyemi", sig="1 tab SL q8h PRN nausea #10", end=d + dt.timedelta(days=5), cat="discharge")
    c.note(e, at(d, 10, 20), "28570-0", "Operative note", "Dr. Oksana Whitlow-Adeyemi", f"""
OP NOTE {d.isoformat()}
Dx: L breast invasive ductal ca 1.4 cm, cN0.
Procedure: L breast needle-localized partial mastectomy (lumpectomy) + L axillary sentinel lymph node bx (Tc99 + blue dye), 2 SLN.
Latex-free setup (latex allergy). Specimen radiograph confirmed clip + lesion. No complications. Outpt, home same day.
""")
    d = c.md(2022, 7, 6, 20)
    e, t = c.visit(d, ("254837009", "Malignant neoplasm of breast"), onc, oorg, etype=FOLLOW, mins=60)
    c.note(e, t + dt.timedelta(minutes=55), "11488-4", "Oncology consult note", onc, """
MED ONC CONSULT
42F premenopausal, L breast IDC pT1c(1.4 cm) N0(sn 0/2), G2, ER 95%, PR 80%, HER2 1+. Oncotype RS 14 -> no chemo benefit.
Plan: adjuvant whole breast RT (Dr. Lund) then tamoxifen 20 mg daily x 5-10 yrs. Baseline gyn exam. Continue escitalopram 10 \
(weak CYP2D6 effect, ok w/ tamoxifen; avoid paroxetine/fluoxetine).
""")
    rt = c.md(2022, 8, 1, 8)
    e, t = c.visit(rt, ("254837009", "Malignant neoplasm of breast"), "Dr. Henrik Lund", "Eastbrook Radiation Oncology")
    c.proc("33195004", "Teleradiotherapy procedure", at(rt, 9), enc=e, end=at(rt + dt.timedelta(days=32), 9, 20),
           reason=("254837009", "Malignant neoplasm of breast"), body_site=("80248007", "Left breast structure"),
           outcome="whole breast 40 Gy/15 fx + boost")
    d = c.md(2022, 9, 20, 28)
    e, t = c.visit(d, ("254837009", "Malignant neoplasm of breast"), onc, oorg, etype=FOLLOW)
    c.med("198240", "tamoxifen 20 MG Oral Tablet", "active", t, enc=e, reason=("254837009", "Malignant neoplasm of breast"),
          who=onc, sig="1 tab PO daily", reason_ref=bc)
    for y in (2023, 2024, 2025):
        dd = c.md(y, 6, 3, 25)
        e, t = c.visit(dd, ("254837009", "Malignant neoplasm of breast"), "Dr. Celestine Moravec", "Eastbrook Breast Imaging")
        c.proc("71651007", "Mammography", t + dt.timedelta(minutes=10), enc=e,
               reason=("254837009", "Malignant neoplasm of breast"), outcome="post-lumpectomy changes L, BI-RADS 2")
        dd = c.md(y, 7 if y < 2025 else 10, 6, 18)
        e, t = c.visit(dd, ("254837009", "Malignant neoplasm of breast"), onc, oorg, etype=FOLLOW)
        c.vitals(e, t, 120 + c.noise(-6, 6), 76 + c.noise(-4, 4), 70 + c.noise(-4, 4), 68 + c.noise(-1, 1), ht)
    # 2023 asthma admission
    d = c.md(2023, 1, 9, 18)
    t0 = at(d, 2, 15)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=5), reason=("195967001", "Asthma"), who="Dr. Felix Nakamura-Oduya",
               org=hosp)
    c.vitals(ed, t0, 138, 88, 124, spo2=89, temp=37.4, rr=30)
    c.lab(ed, t0 + dt.timedelta(minutes=30), "wbc", 11.8)
    c.cond("708094006", "Acute severe exacerbation of asthma", t0, status="resolved", abated=d + dt.timedelta(days=14), enc=ed,
           cat="encounter-diagnosis")
    adm = c.enc("IMP", ADM, t0 + dt.timedelta(hours=5), at(d + dt.timedelta(days=2), 15),
                reason=("708094006", "Acute severe exacerbation of asthma"),
                admit="emd", dispo="home", who="Dr. Teodora Mwangi-Hollis", org=hosp, loc="Medical Unit 6 South")
    c.med("1650890", "methylprednisolone sodium succinate 125 MG Injection", "completed", t0 + dt.timedelta(minutes=40), enc=ed,
          reason=("708094006", "Acute severe exacerbation of asthma"), who="Dr. Felix Nakamura-Oduya", sig="125 mg IV once",
          cat="inpatient", end=d)
    c.med("836286", "ipratropium bromide 0.5 MG / albuterol sulfate 3 MG in 3 ML Inhalation Solution", "completed",
          t0 + dt.timedelta(minutes=20), enc=ed,
          reason=("708094006", "Acute severe exacerbation of asthma"), who="Dr. Felix Nakamura-Oduya",
          sig="1 neb q20min x3 then q4h", cat="inpatient", end=d + dt.timedelta(days=2))
    c.med("312617", "predniSONE 20 MG Oral Tablet", "completed", at(d + dt.timedelta(days=2), 14), enc=adm,
          reason=("708094006", "Acute severe exacerbation of asthma"),
          who="Dr. Teodora Mwangi-Hollis", sig="40 mg PO daily x 5 more days", end=d + dt.timedelta(days=7), cat="discharge")
    c.note(adm, at(d + dt.timedelta(days=2), 14, 30), "18842-5", "Discharge summary", "Dr. Teodora Mwangi-Hollis", f"""
DISCHARGE SUMMARY
Admitted via ED {d.isoformat()} - severe asthma exacerbation triggered by influenza-like illness (flu A PCR +). SpO2 89%, RR 30, \
HR 124 on arrival.
Tx: continuous nebs x 2h, methylpred 125 IV, Mg 2 g IV in ED, oseltamivir. Never intubated, no ICU.
Discharge: prednisone 40 x5 more days, Advair 250/50 bid, albuterol prn. Asthma action plan reviewed. Note: missed this season's \
flu shot.
""")
    for y, m in ((2018, 3), (2023, 3)):
        dd = c.md(y, m, 6, 20)
        e, t = c.visit(dd, ("195967001", "Asthma"), "Dr. Rafael Oyelowo", "Eastbrook Pulmonary")
        c.proc("127783003", "Spirometry", t + dt.timedelta(minutes=10), enc=e, reason=("195967001", "Asthma"),
               outcome="FEV1 78% pred, +14% post-BD" if y == 2018 else "FEV1 84% pred, +9% post-BD")
    # pap
    for y in (2016, 2019, 2024):
        dd = c.md(y, 11, 21, 28)
        e, t = c.visit(dd, ("171149006", "Screening for malignant neoplasm of cervix"), "Dr. Priyanka Oduro-Sallis",
                       "Eastbrook Women's Health")
        c.proc("90226004", "Cytopathology procedure, preparation of smear, genital source", t + dt.timedelta(minutes=10), enc=e,
               reason=("171149006", "Screening for malignant neoplasm of cervix"), outcome="NILM, HPV negative")
    # immunizations
    for y in range(2014, 2025):
        if y in (2016, 2022):
            continue
        c.flu(y, 10, 1, 14, who=pcp, org=org)
    c.flu(2025, 10, 1, 5, who=pcp, org=org)
    c.imm("33", "pneumococcal polysaccharide PPV23", at(c.md(2018, 3, 21, 27), 10))
    for n, (y, m) in enumerate(((2021, 4), (2021, 5), (2021, 12)), 1):
        c.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose",
              at(c.md(y, m, 5, 25), 14), dose=n)
    # last visit: migraine Oct 2025
    d = c.md(2025, 10, 20, 30)
    e, t = c.visit(d, ("37796009", "Migraine"), pcp, org, etype=FOLLOW)
    c.vitals(e, t, 116, 72, 70, 70.9, ht)
    c.note(e, t + dt.timedelta(minutes=25), "11506-3", "Progress note", pcp, """
S: migraines more frequent x 3 mo, now ~6/mo, w/ aura, using sumatriptan ~6 tabs/mo w/ good relief. Triggers sleep loss, wine. \
On tamoxifen since 9/2022, hot flashes.
O: neuro nonfocal. BP 116/72.
A: episodic migraine w/ aura, increasing freq. (no estrogen - breast ca hx)
P: start preventive discussion - propranolol vs topiramate; pt wants to think about it. Headache diary. Sumatriptan ok, limit \
<10 d/mo.
""")


def p_tobias(c):
    """59M: GERD (omeprazole -> pantoprazole), chronic LBP (tramadol stopped, duloxetine), HTN, kidney stone,
    prostate ca s/p RP, diverticulitis."""
    pcp, org = "Dr. Hallvard Ngozi-Pereira", "Westmere Primary Care Associates"
    uro, uorg = "Dr. Caterina Fitzgerald-Oh", "Westmere Urology"
    hosp = "Westmere Valley Medical Center"
    ht = 1.83
    c.patient(["Tobias"], "Lindqvist-Mercado", "male", D(1966, 7, 22), "WM-906352", "555-0190",
              "93 Quarry Hill Dr", "Westmere", ("D", "Divorced"))
    c.allergy("293637006", "Allergy to iodinated contrast media", SCT, "medication", "high", at(D(2019, 8, 14), 10),
              [("126485001", "Urticaria")], "moderate",
              desc="diffuse hives after IV contrast CT 2019; premedicate with prednisone + diphenhydramine")
    d = D(2014, 3, 18)
    e, t = c.visit(d, ("235595009", "Gastroesophageal reflux disease"), pcp, org, etype=FOLLOW)
    c.cond("235595009", "Gastroesophageal reflux disease", t, enc=e)
    c.med("311277", "omeprazole 20 MG Delayed Release Oral Capsule", "stopped", t, enc=e,
          reason=("235595009", "Gastroesophageal reflux disease"), who=pcp,
          sig="1 cap PO daily before breakfast", end=D(2018, 1, 23),
          why="persistent breakthrough heartburn; changed to pantoprazole")
    d = c.md(2014, 4, 8, 20)
    e, t = c.visit(d, ("235595009", "Gastroesophageal reflux disease"), "Dr. Wilhelmina Osei-Tanaka", "Westmere Digestive Health",
                   mins=60)
    c.proc("76009000", "Esophagogastroduodenoscopy", t + dt.timedelta(minutes=15), enc=e,
           reason=("235595009", "Gastroesophageal reflux disease"), outcome="LA grade A esophagitis, no Barrett's, H. pylori neg")
    # back pain
    d = c.md(2015, 6, 3, 20)
    e, t = c.visit(d, ("279039007", "Low back pain"), pcp, org, etype=FOLLOW)
    c.cond("278860009", "Chronic low back pain", t, enc=e, note="lumbar DDD L4-5, L5-S1; no radiculopathy")
    c.med("828320", "cyclobenzaprine hydrochloride 10 MG Oral Tablet", "completed", t, enc=e,
          reason=("279039007", "Low back pain"), who=pcp, sig="1 tab PO qHS PRN spasm x 2 wks", end=d + dt.timedelta(days=14))
    c.med("311486", "meloxicam 15 MG Oral Tablet", "stopped", t, enc=e, reason=("278860009", "Chronic low back pain"), who=pcp,
          sig="1 tab PO daily with food", end=D(2017, 2, 14), why="reflux flare and BP elevation on NSAID")
    d = c.md(2015, 9, 3, 20)
    e, t = c.visit(d, ("278860009", "Chronic low back pain"), pcp, org)
    c.proc("241646005", "Magnetic resonance imaging of lumbar spine", t, enc=e, reason=("278860009", "Chronic low back pain"),
           outcome="multilevel DDD L4-S1, small central L4-5 protrusion, no stenosis")
    d = c.md(2016, 1, 5, 20)
    e, t = c.visit(d, ("278860009", "Chronic low back pain"), pcp, org, etype=FOLLOW)
    c.med("835603", "traMADol hydrochloride 50 MG Oral Tablet", "stopped", t, enc=e,
          reason=("278860009", "Chronic low back pain"), who=pcp,
          sig="1 tab PO q8h PRN pain, max 3/day", end=D(2020, 6, 16),
          why="tapered off - limited benefit, constipation, long-term opioid risk")
    d = D(2020, 6, 16)
    e, t = c.visit(d, ("278860009", "Chronic low back pain"), "Dr. Sunniva Mbatha", "Westmere Spine & Rehab", etype=FOLLOW,
                   mins=45)
    c.med("596926", "DULoxetine 30 MG Delayed Release Oral Capsule", "active", t, enc=e,
          reason=("278860009", "Chronic low back pain"), who="Dr. Sunniva Mbatha", sig="1 cap PO daily")
    c.note(e, t + dt.timedelta(minutes=40), "11488-4", "Physiatry consult note", "Dr. Sunniva Mbatha", """
PM&R CONSULT - chronic axial LBP since 2015, DDD L4-S1 on MRI 2015.
On tramadol 50 ~2/day x 4 yrs, pain 6/10, constipated, feels "foggy". Meloxicam stopped 2017 (GERD, BP). PT x2 courses in past.
Plan: taper tramadol off over 3 wks (50 bid x1 wk, daily x1 wk, then stop). Start duloxetine 30 mg daily -> 60 in 2 wks if \
tolerated. Core strengthening PT, walking program. No further opioids.
""")
    # HTN
    c.cond(*HTN, at(D(2017, 5, 9), 10))
    c.med("197361", "amLODIPine 5 MG Oral Tablet", "stopped", at(D(2017, 5, 9), 10), reason=HTN, who=pcp, sig="1 tab PO daily",
          end=D(2021, 4, 13), why="dose increased to 10 mg")
    c.med("308135", "amLODIPine 10 MG Oral Tablet", "active", at(D(2021, 4, 13), 10), reason=HTN, who=pcp, sig="1 tab PO daily")
    d = D(2018, 1, 23)
    e, t = c.visit(d, ("235595009", "Gastroesophageal reflux disease"), pcp, org, etype=FOLLOW)
    c.med("314200", "pantoprazole 40 MG Delayed Release Oral Tablet", "active", t, enc=e,
          reason=("235595009", "Gastroesophageal reflux disease"), who=pcp, sig="1 tab PO daily 30 min before breakfast")
    psa_vals = {2017: 1.9, 2018: 2.3, 2019: 2.9, 2020: 3.4, 2021: 4.6, 2022: 5.9, 2023: 7.8}
    for y in range(2015, 2026):
        dd = c.md(y, 1, 6, 20) if y != 2023 else c.md(2023, 1, 4, 10)
        e, t = c.visit(dd, CHECK, pcp, org, etype=CHECK, mins=40)
        wt = 92 + (y - 2015) * 0.5 + c.noise(-1.5, 1.5)
        c.vitals(e, t, (142 if 2017 <= y <= 2021 else 130) + c.noise(-6, 8), 86 + c.noise(-5, 5), 74 + c.noise(-5, 6), wt, ht,
                 97 + c.noise(-1, 1))
        lt = t + dt.timedelta(minutes=40)
        if y in psa_vals:
            c.lab(e, lt, "psa", psa_vals[y])
        c.lab(e, lt, "ldl", 132 + c.noise(-12, 12))
        c.lab(e, lt, "alt", 28 + c.noise(-8, 10), lo=7, hi=55)
        c.lab(e, lt, "cr", 1.0 + c.noise(-0.08, 0.12))
        c.lab(e, lt, "k", 4.2 + c.noise(-0.3, 0.3))
        c.lab(e, lt, "na", 140 + c.noise(-2, 2))
        c.lab(e, lt, "hgb", 15.0 + c.noise(-0.5, 0.5), lo=13.5, hi=17.5)
        if y == 2016:
            c.imm("115", "Tdap", t, e)
    # kidney stone ED 2019
    d = c.md(2019, 8, 10, 16)
    t0 = at(d, 5, 50)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=6), reason=("95570007", "Kidney stone"), who="Dr. Bartholomew Asante-Krug",
               org=hosp)
    c.vitals(ed, t0, 164, 96, 102, spo2=98, temp=36.9, rr=20)
    c.cond("95570007", "Kidney stone", t0, status="resolved", abated=d + dt.timedelta(days=12), enc=ed, cat="encounter-diagnosis",
           note="5 mm L proximal ureteral stone")
    c.lab(ed, t0 + dt.timedelta(minutes=30), "cr", 1.3)
    c.lab(ed, t0 + dt.timedelta(minutes=30), "wbc", 11.4)
    c.proc("419394000", "Computed tomography of abdomen and pelvis", t0 + dt.timedelta(hours=1), enc=ed,
           reason=("95570007", "Kidney stone"), outcome="5 mm L proximal ureteral stone w/ mild hydronephrosis")
    c.med("860092", "ketorolac tromethamine 30 MG/ML Injectable Solution", "completed", t0 + dt.timedelta(minutes=20), enc=ed,
          reason=("95570007", "Kidney stone"), who="Dr. Bartholomew Asante-Krug", sig="15 mg IV once", cat="inpatient", end=d)
    c.med("1049635", "oxyCODONE hydrochloride 5 MG / acetaminophen 325 MG Oral Tablet", "completed", t0 + dt.timedelta(hours=5),
          enc=ed,
          reason=("95570007", "Kidney stone"), who="Dr. Bartholomew Asante-Krug", sig="1 tab PO q6h PRN severe pain #8",
          cat="discharge", end=d + dt.timedelta(days=3))
    c.med("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule", "completed", t0 + dt.timedelta(hours=5), enc=ed,
          reason=("95570007", "Kidney stone"),
          who="Dr. Bartholomew Asante-Krug", sig="1 cap PO daily x 14 days (stone passage)", cat="discharge",
          end=d + dt.timedelta(days=14))
    c.note(ed, t0 + dt.timedelta(hours=5, minutes=30), "34111-5", "Emergency department note", "Dr. Bartholomew Asante-Krug", """
ED NOTE
53M sudden severe L flank pain radiating to groin at 4am, writhing, vomited x2. Gross hematuria. No fever.
BP 164/96 (pain). CVA tenderness L. UA 3+ blood, no nitrite.
CT A/P w/ contrast (ordered before allergy hx known): 5 mm L proximal ureteral stone, mild hydro. ~20 min after contrast \
developed diffuse hives, no wheeze/hypotension -> diphenhydramine 50 IV, resolved. Contrast allergy added.
Toradol 15 IV w/ good relief. D/c: tamsulosin, percocet #8, strainer, urology f/u. Return for fever.
""")
    # colonoscopies
    d = c.md(2016, 8, 4, 25)
    e, t = c.visit(d, ("275978004", "Screening for malignant neoplasm of colon"), "Dr. Wilhelmina Osei-Tanaka",
                   "Westmere Digestive Health", mins=60)
    c.proc("73761001", "Colonoscopy", t + dt.timedelta(minutes=15), enc=e,
           reason=("275978004", "Screening for malignant neoplasm of colon"), outcome="3 polyps removed")
    c.proc("274031008", "Rectal polypectomy", t + dt.timedelta(minutes=35), enc=e, reason=("68496003", "Polyp of colon"),
           outcome="3 tubular adenomas 4-8 mm, sigmoid/rectum")
    d = c.md(2021, 8, 4, 25)
    e, t = c.visit(d, ("428283002", "History of polyp of colon"), "Dr. Wilhelmina Osei-Tanaka", "Westmere Digestive Health",
                   mins=60)
    c.proc("73761001", "Colonoscopy", t + dt.timedelta(minutes=15), enc=e, reason=("428283002", "History of polyp of colon"),
           outcome="no polyps, pan-diverticulosis sigmoid; repeat 5 yrs")
    # prostate cancer
    d = c.md(2023, 2, 6, 17)
    e, t = c.visit(d, ("396152005", "Elevated prostate specific antigen"), uro, uorg, mins=60)
    c.proc("65575008", "Biopsy of prostate", t + dt.timedelta(minutes=10), enc=e,
           reason=("396152005", "Elevated prostate specific antigen"),
           outcome="adenocarcinoma, Gleason 3+4=7 (Grade Group 2) in 4/12 cores")
    c.cond("399068003", "Malignant tumor of prostate", at(d + dt.timedelta(days=6), 12), enc=e,
           note="Gleason 3+4, GG2, cT2a, PSA 7.8")
    d = c.md(2023, 4, 10, 20)
    t = at(d, 6, 0)
    adm = c.enc("IMP", SURG, t, at(d + dt.timedelta(days=1), 12), reason=("399068003", "Malignant tumor of prostate"),
                admit="outp", dispo="home", who=uro, org=hosp, loc="Surgical Unit 2 West")
    c.proc("26294005", "Radical prostatectomy", at(d, 7, 45), enc=adm, end=at(d, 10, 55),
           reason=("399068003", "Malignant tumor of prostate"), who=uro,
           outcome="robotic-assisted, bilateral nerve sparing, pT2 N0, margins negative")
    c.med("1665093", "ceFAZolin 2000 MG Injection", "completed", at(d, 7, 20), enc=adm,
          reason=("399068003", "Malignant tumor of prostate"), who=uro, sig="2 g IV preop", cat="inpatient", end=d)
    c.med("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", "completed", at(d + dt.timedelta(days=1), 11), enc=adm,
          reason=("26294005", "Radical prostatectomy"), who=uro, sig="1 tab PO q6h PRN pain #10", cat="discharge",
          end=d + dt.timedelta(days=6))
    c.note(adm, at(d, 11, 10), "28570-0", "Operative note", uro, f"""
OPERATIVE REPORT {d.isoformat()}
Preop: prostate adenocarcinoma, Gleason 3+4=7, PSA 7.8.
Procedure: robotic-assisted laparoscopic radical prostatectomy, bilateral nerve sparing; bilateral pelvic LND.
EBL 200 mL. Foley 18 Fr. Admitted from urology clinic (scheduled); no complications.
""")
    c.note(adm, at(d + dt.timedelta(days=1), 11), "18842-5", "Discharge summary", uro, """
POD1 home. Tolerating diet, ambulating. Foley x 7-10 d, cystogram not needed. Final path: pT2 N0 (0/8), margins neg, GG2.
PSA 6 wks. Pelvic floor PT. ED counseling - PDE5i after catheter out.
""")
    for y, m in ((2023, 7), (2024, 1), (2024, 7), (2025, 1), (2025, 10)):
        dd = c.md(y, m, 6, 24) if (y, m) != (2025, 10) else c.md(2025, 10, 20, 30)
        e, t = c.visit(dd, ("399068003", "Malignant tumor of prostate"), uro, uorg, etype=FOLLOW)
        c.lab(None, t - dt.timedelta(days=5), "psa", 0.1, comparator="<")
        if (y, m) == (2023, 7):
            c.cond("397803000", "Erectile dysfunction", t, enc=e)
        if (y, m) == (2025, 10):
            c.note(e, t + dt.timedelta(minutes=20), "11506-3", "Urology follow-up note", uro, """
2.5 yr s/p RALP (4/2023) for GG2 pT2N0 prostate ca. PSA remains undetectable (<0.1) x5.
Continence: 0-1 pads/day. ED improved w/ Viagra 50 prn (~70% firmness). No hematuria.
Plan: PSA q6 mo -> yearly after 3 yrs. RTC 6 mo.
""")
    d = c.md(2023, 10, 3, 20)
    e, t = c.visit(d, ("397803000", "Erectile dysfunction"), uro, uorg, etype=FOLLOW)
    c.med("312950", "sildenafil 50 MG Oral Tablet [Viagra]", "active", t, enc=e, reason=("397803000", "Erectile dysfunction"),
          who=uro, sig="1 tab PO 1 h before sexual activity PRN, max 1/day; no nitrates")
    # diverticulitis 2024
    d = c.md(2024, 7, 8, 20)
    t0 = at(d, 16, 5)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=5), reason=("21522001", "Abdominal pain"),
               who="Dr. Bartholomew Asante-Krug", org=hosp)
    c.vitals(ed, t0, 138, 84, 104, spo2=98, temp=38.4, rr=18)
    c.lab(ed, t0 + dt.timedelta(minutes=30), "wbc", 15.2)
    c.lab(ed, t0 + dt.timedelta(minutes=30), "crp", 86.4)
    c.proc("419394000", "Computed tomography of abdomen and pelvis", t0 + dt.timedelta(hours=2), enc=ed,
           reason=("21522001", "Abdominal pain"), outcome="acute sigmoid diverticulitis w/ 2.1 cm pericolic abscess (Hinchey Ib)")
    c.med("312617", "predniSONE 20 MG Oral Tablet", "completed", t0 + dt.timedelta(minutes=40), enc=ed,
          reason=("293637006", "Allergy to iodinated contrast media"),
          who="Dr. Bartholomew Asante-Krug", sig="50 mg PO once (contrast premedication, emergent protocol)", cat="inpatient",
          end=d)
    adm = c.enc("IMP", ADM, t0 + dt.timedelta(hours=5), at(d + dt.timedelta(days=4), 11), reason=("307496006", "Diverticulitis"),
                admit="emd", dispo="home", who="Dr. Ysolde Karimi", org=hosp, loc="Surgical Unit 2 West")
    c.cond("307496006", "Diverticulitis", t0, status="resolved", abated=d + dt.timedelta(days=21), enc=adm,
           cat="encounter-diagnosis")
    c.med("1665021", "cefTRIAXone 1000 MG Injection", "completed", t0 + dt.timedelta(hours=5), enc=adm,
          reason=("307496006", "Diverticulitis"),
          who="Dr. Ysolde Karimi", sig="1 g IV q24h", cat="inpatient", end=d + dt.timedelta(days=4))
    c.med("311681", "metroNIDAZOLE 500 MG Oral Tablet", "completed", t0 + dt.timedelta(hours=5), enc=adm,
          reason=("307496006", "Diverticulitis"),
          who="Dr. Ysolde Karimi", sig="1 tab PO q8h x 14 days total", cat="discharge", end=d + dt.timedelta(days=14))
    c.med("197511", "ciprofloxacin 500 MG Oral Tablet", "completed", at(d + dt.timedelta(days=4), 10), enc=adm,
          reason=("307496006", "Diverticulitis"),
          who="Dr. Ysolde Karimi", sig="1 tab PO BID to complete 14 days", cat="discharge", end=d + dt.timedelta(days=14))
    c.note(adm, at(d + dt.timedelta(days=4), 10, 30), "18842-5", "Discharge summary", "Dr. Ysolde Karimi", f"""
DISCHARGE SUMMARY
Admitted through ED {d.isoformat()}: LLQ pain x 2 d, fever 38.4, WBC 15.2, CRP 86.4.
CT (contrast, premedicated - contrast allergy): sigmoid diverticulitis w/ 2.1 cm pericolic abscess, no free air. Too small for \
IR drain.
IV ceftriaxone + metronidazole, bowel rest -> clears -> low residue. Afebrile 48h, WBC 9.1.
D/c: cipro + metronidazole to complete 14 d. Colonoscopy 6-8 wks after recovery (last 2021). Surgery clinic to discuss elective \
sigmoidectomy if recurrent.
""")
    # immunizations (gaps in 2017, 2020, 2024, 2025)
    for y in (2014, 2015, 2016, 2018, 2019, 2021, 2022, 2023):
        c.flu(y, 10, 1, 20, who=pcp, org=org)
    c.imm("189", "Hepatitis B vaccine (recombinant), CpG adjuvanted", at(c.md(2019, 3, 5, 12), 10), dose=1,
          series="Heplisav-B 2-dose")
    c.imm("189", "Hepatitis B vaccine (recombinant), CpG adjuvanted", at(c.md(2019, 4, 10, 20), 10), dose=2,
          series="Heplisav-B 2-dose")
    for n, (y, m) in enumerate(((2021, 4), (2021, 5)), 1):
        c.imm("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose",
              at(c.md(y, m, 5, 25), 14), dose=n)
    c.imm("187", "zoster vaccine recombinant", at(c.md(2022, 2, 5, 25), 11), dose=1, series="Shingrix 2-dose")
    c.imm("187", "zoster vaccine recombinant", at(c.md(2022, 5, 5, 25), 11), dose=2, series="Shingrix 2-dose")


def p_harriet(c):
    """63F: RA (MTX, Humira -> Enbrel), osteoporosis, shingles, hip fracture -> THR, DVT (Eliquis completed), prediabetes."""
    pcp, org = "Dr. Odalys Fenwick", "Northgate Family Practice"
    rh, rorg = "Dr. Kasimir Oyelaran-Voss", "Northgate Rheumatology"
    hosp = "Northgate Regional Medical Center"
    ht = 1.60
    c.patient(["Harriet", "Yun-Seo"], "Delacroix", "female", D(1962, 4, 30), "NG-612784", "555-0121",
              "560 Birchwood Terrace", "Northgate", ("M", "Married"))
    ra = c.cond("69896004", "Rheumatoid arthritis", D(2012, 2, 14), note="seropositive (RF+, anti-CCP+), erosive at hands")
    c.allergy("9524", "sulfasalazine", RX, "medication", "low", at(D(2012, 3, 20), 10), [("271807003", "Eruption of skin")],
              "moderate", desc="diffuse maculopapular rash week 3 of sulfasalazine")
    c.med("105585", "methotrexate 2.5 MG Oral Tablet", "active", at(D(2012, 3, 20), 10),
          reason=("69896004", "Rheumatoid arthritis"), who=rh, sig="6 tabs (15 mg) PO once weekly on Sundays", reason_ref=ra)
    c.med("310410", "folic acid 1 MG Oral Tablet", "active", at(D(2012, 3, 20), 10), reason=("69896004", "Rheumatoid arthritis"),
          who=rh, sig="1 tab PO daily except methotrexate day")
    c.med("979092", "hydroxychloroquine sulfate 200 MG Oral Tablet", "stopped", at(D(2012, 3, 20), 10),
          reason=("69896004", "Rheumatoid arthritis"), who=rh, sig="1 tab PO BID", end=D(2014, 6, 10), why="nausea and GI upset")
    c.med("312615", "predniSONE 5 MG Oral Tablet", "stopped", at(D(2012, 2, 14), 11), reason=("69896004", "Rheumatoid arthritis"),
          who=rh, sig="1 tab PO daily", end=D(2016, 9, 20), why="tapered off after starting biologic")
    c.cond(*HTN, D(2016, 3, 8))
    c.med("310798", "hydroCHLOROthiazide 25 MG Oral Tablet", "active", at(D(2016, 3, 8), 10), reason=HTN, who=pcp,
          sig="1 tab PO qAM")
    esr = {}
    crp = {}
    alt = {}
    for y in range(2012, 2026):
        for m in (3, 9):
            if y == 2012 and m == 3:
                continue
            dd = c.md(y, m, 4, 24)
            e, t = c.visit(dd, ("69896004", "Rheumatoid arthritis"), rh, rorg, etype=FOLLOW)
            wt = 61 + (y - 2012) * 0.2 + c.noise(-1, 1)
            c.vitals(e, t, 128 + c.noise(-8, 8) if y >= 2016 else 138 + c.noise(-5, 5), 78 + c.noise(-5, 5), 74 + c.noise(-5, 6),
                     wt, ht)
            lt = t + dt.timedelta(minutes=30)
            if y < 2017:
                ev, cv = 44 - (y - 2012) * 4 + c.noise(-4, 4), 19 - (y - 2012) * 2.5 + c.noise(-2, 2)
            else:
                ev, cv = 18 + c.noise(-5, 6), 4.5 + c.noise(-2, 2.5)
            if (y, m) == (2019, 9):
                ev, cv = 41, 23.8
            esr[(y, m)] = c.lab(e, lt, "esr", ev)
            crp[(y, m)] = c.lab(e, lt, "crp", cv)
            av = 24 + c.noise(-6, 7)
            if (y, m) == (2017, 9):
                av = 71
            alt[(y, m)] = c.lab(e, lt, "alt", av)
            c.lab(e, lt, "cr", 0.8 + c.noise(-0.08, 0.1))
            c.lab(e, lt, "wbc", 6.4 + c.noise(-1.5, 1.5))
            c.lab(e, lt, "hgb", 12.9 + c.noise(-0.6, 0.6))
            c.lab(e, lt, "plt", 290 + c.noise(-50, 50))
            if (y, m) == (2016, 9):
                c.med("1605938", "Humira 40 MG in 0.4 ML Prefilled Syringe", "stopped", t, enc=e,
                      reason=("69896004", "Rheumatoid arthritis"), who=rh,
                      sig="40 mg SC every other week", end=D(2019, 5, 21), why="herpes zoster; biologic held")
            if (y, m) == (2017, 9):
                c.note(e, t + dt.timedelta(minutes=30), "11506-3", "Rheumatology progress note", rh, f"""
RA f/u on MTX 15/wk + Humira 40 q2wk. Joints: 1 tender (R 2nd MCP), 0 swollen. CDAI 4.
Labs: ALT {alt[(y, m)]} (2x ULN), was {alt[(y, 3)]} in March. Admits ~8-10 drinks/wk lately (daughter's wedding).
Plan: counsel alcohol <=1/day (ideally none on MTX). Keep MTX 15 but recheck LFTs 4 wks, reduce to 10 if still >2x.
""")
            if (y, m) == (2019, 9):
                c.note(e, t + dt.timedelta(minutes=30), "11506-3", "Rheumatology progress note", rh, f"""
RA flare off biologic since shingles in May. Both wrists + MCPs 2-4 swollen. ESR {esr[(y, m)]}, CRP {crp[(y, m)]}. Shingles rash \
resolved, no PHN.
Plan: Shingrix x2 first (non-live, ok), then start etanercept (Enbrel) 50 weekly in Jan. Short prednisone not wanted by pt (bone \
density).
""")
    # shingles 2019
    d = c.md(2019, 5, 14, 20)
    e, t = c.visit(d, ("4740000", "Herpes zoster"), pcp, org, etype=FOLLOW)
    c.cond("4740000", "Herpes zoster", t, status="resolved", abated=D(2019, 6, 25), enc=e, cat="encounter-diagnosis",
           note="R T6 dermatome")
    c.med("313581", "valACYclovir 1 GM Oral Tablet", "completed", t, enc=e, reason=("4740000", "Herpes zoster"), who=pcp,
          sig="1 g PO TID x 7 days", end=d + dt.timedelta(days=7))
    c.note(e, t + dt.timedelta(minutes=20), "11506-3", "Progress note", pcp, """
S: 57F on MTX + Humira, 2 d burning pain R chest/back, rash since yesterday.
O: grouped vesicles on erythematous base R T6 dermatome, not crossing midline. No eye involvement.
A: herpes zoster (shingles), immunosuppressed.
P: valacyclovir 1 g tid x7d. Hold Humira until healed - message sent to Dr. Oyelaran-Voss. Shingrix after recovery.
""")
    c.imm("187", "zoster vaccine recombinant", at(c.md(2019, 10, 14, 24), 11), dose=1, series="Shingrix 2-dose")
    c.imm("187", "zoster vaccine recombinant", at(c.md(2019, 12, 14, 22), 11), dose=2, series="Shingrix 2-dose")
    d = c.md(2020, 1, 13, 24)
    e, t = c.visit(d, ("69896004", "Rheumatoid arthritis"), rh, rorg, etype=FOLLOW)
    c.med("809871", "etanercept 50 MG/ML Auto-Injector [Enbrel]", "active", t, enc=e, reason=("69896004", "Rheumatoid arthritis"),
          who=rh, sig="50 mg SC once weekly")
    # osteoporosis
    for y in (2018, 2020, 2023):
        dd = c.md(y, 4, 3, 12)
        e, t = c.visit(dd, ("64859006", "Osteoporosis"), "Dr. Annika Sorensen-Ude", "Northgate Imaging")
        c.proc("312681000", "Bone density scan", t + dt.timedelta(minutes=5), enc=e,
               outcome={2018: "L-spine T -2.7, fem neck T -2.4", 2020: "L-spine T -2.6, fem neck T -2.5",
                        2023: "L-spine T -2.3, R fem neck T -2.4"}[y])
    c.cond("64859006", "Osteoporosis", at(D(2018, 4, 24), 10))
    c.med("904419", "alendronate sodium 70 MG Oral Tablet", "active", at(D(2018, 4, 24), 10), reason=("64859006", "Osteoporosis"),
          who=pcp, sig="1 tab PO weekly, upright 30 min w/ full glass water")
    c.med("1302826", "calcium carbonate 600 MG / cholecalciferol 400 UNT Oral Tablet", "active", at(D(2018, 4, 24), 10),
          reason=("64859006", "Osteoporosis"), who=pcp, sig="1 tab PO BID")
    # PCP annual visits with HbA1c, vit D
    a1c_vals = {2020: 6.1, 2021: 5.9, 2022: 6.2, 2023: 6.3, 2024: 6.1, 2025: 6.4}
    for y in range(2013, 2026):
        dd = c.md(y, 4, 14, 26)
        e, t = c.visit(dd, CHECK, pcp, org, etype=CHECK, mins=40)
        c.vitals(e, t, 126 + c.noise(-6, 6), 76 + c.noise(-4, 4), 72 + c.noise(-4, 4), 62 + c.noise(-1, 1), ht,
                 98 + c.noise(-1, 1))
        lt = t + dt.timedelta(minutes=30)
        if y in a1c_vals:
            c.lab(e, lt, "a1c", a1c_vals[y])
        if y == 2020:
            c.cond("15777000", "Prediabetes", lt)
        if y in (2018, 2019):
            c.lab(e, lt, "vitd", 19 if y == 2018 else 34)
        c.lab(e, lt, "ldl", 112 + c.noise(-10, 10))
        if y == 2017:
            c.imm("115", "Tdap", t, e)
    # hip fracture Jan 2021
    d = c.md(2021, 1, 7, 14)
    t0 = at(d, 8, 35)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=6), reason=("5913000", "Fracture of neck of femur"),
               who="Dr. Percival Adeyemi-Lund", org=hosp)
    c.vitals(ed, t0, 152, 88, 96, spo2=97, temp=36.5, rr=18)
    c.cond("5913000", "Fracture of neck of femur", t0, status="resolved", abated=D(2021, 6, 30), enc=ed,
           cat="encounter-diagnosis", note="L displaced subcapital (Garden IV) after slip on ice")
    c.lab(ed, t0 + dt.timedelta(minutes=30), "hgb", 12.1)
    adm = c.enc("IMP", ADM, t0 + dt.timedelta(hours=6), at(d + dt.timedelta(days=5), 11),
                reason=("5913000", "Fracture of neck of femur"), admit="emd",
                dispo="rehab", who="Dr. Lionel Okafor-Brandt", org=hosp, loc="Orthopedic Unit")
    hip = c.device("304120007", "Total hip replacement prosthesis", "Left total hip prosthesis (cementless)",
                   "Orthovance Surgical", "OV-H2 Ceramic-on-poly", d + dt.timedelta(days=1))
    c.proc("52734007", "Total replacement of hip", at(d + dt.timedelta(days=1), 9, 30), enc=adm,
           end=at(d + dt.timedelta(days=1), 11, 15),
           reason=("5913000", "Fracture of neck of femur"), body_site=("287679003", "Left hip region structure"), device=hip,
           who="Dr. Lionel Okafor-Brandt")
    c.med("1665093", "ceFAZolin 2000 MG Injection", "completed", at(d + dt.timedelta(days=1), 9), enc=adm,
          reason=("5913000", "Fracture of neck of femur"),
          who="Dr. Lionel Okafor-Brandt", sig="2 g IV preop + q8h x 24h", cat="inpatient", end=d + dt.timedelta(days=2))
    c.med("854228", "enoxaparin sodium 40 MG in 0.4 ML Prefilled Syringe", "completed", at(d + dt.timedelta(days=2), 9), enc=adm,
          reason=("5913000", "Fracture of neck of femur"), who="Dr. Lionel Okafor-Brandt",
          sig="40 mg SC daily x 28 days (VTE ppx)", end=D(2021, 2, 8))
    c.med("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", "completed", at(d + dt.timedelta(days=1), 14), enc=adm,
          reason=("52734007", "Total replacement of hip"), who="Dr. Lionel Okafor-Brandt", sig="1 tab PO q4h PRN",
          cat="inpatient", end=d + dt.timedelta(days=5))
    c.note(adm, at(d + dt.timedelta(days=1), 11, 40), "28570-0", "Operative note", "Dr. Lionel Okafor-Brandt", f"""
OP NOTE  {(d + dt.timedelta(days=1)).isoformat()}
Dx: L displaced femoral neck fx (Garden IV), osteoporosis, RA on MTX/etanercept (etanercept held).
Procedure: L total hip arthroplasty, cementless, posterior approach (Orthovance OV-H2).
EBL 350. No complications. WBAT. Posterior hip precautions. Lovenox 40 daily x 28 d.
""")
    c.note(adm, at(d + dt.timedelta(days=5), 10), "18842-5", "Discharge summary", "Dr. Lionel Okafor-Brandt", f"""
DISCHARGE SUMMARY
58F slipped on ice in driveway, unable to bear weight; brought in by EMS to ED {d.isoformat()}. L femoral neck fx -> L THA HD2.
Postop Hgb 9.4 nadir, no transfusion. Discharged to Northgate Acute Rehab. Enoxaparin 40 daily until {D(2021, 2, 8).isoformat()}.
Resume etanercept 2 wks postop if wound healed. Osteoporosis: on alendronate since 2018 - fracture on therapy, endo referral for \
anabolic agent.
""")
    # DVT Feb 2021
    d = c.md(2021, 2, 15, 22)
    t0 = at(d, 13, 20)
    ed = c.enc("EMER", ED, t0, t0 + dt.timedelta(hours=4), reason=("449614009", "Swelling of lower limb"),
               who="Dr. Percival Adeyemi-Lund", org=hosp)
    c.vitals(ed, t0, 134, 80, 88, spo2=98, temp=36.8, rr=16)
    c.lab(ed, t0 + dt.timedelta(minutes=30), "ddimer", 4.2)
    c.proc("423827005", "Doppler ultrasonography of vein of lower limb", t0 + dt.timedelta(hours=1), enc=ed,
           reason=("449614009", "Swelling of lower limb"), outcome="occlusive thrombus L popliteal and posterior tibial veins")
    dvt = c.cond("128053003", "Deep venous thrombosis", t0 + dt.timedelta(hours=1), status="resolved", abated=D(2021, 8, 17),
                 enc=ed, note="provoked (post L THA), L popliteal")
    c.med("1364445", "Eliquis 5 MG Oral Tablet", "completed", t0 + dt.timedelta(hours=3), enc=ed,
          reason=("128053003", "Deep venous thrombosis"),
          who="Dr. Percival Adeyemi-Lund", sig="10 mg BID x 7 days then 5 mg BID", end=D(2021, 8, 17), reason_ref=dvt)
    c.note(ed, t0 + dt.timedelta(hours=3, minutes=30), "34111-5", "Emergency department note", "Dr. Percival Adeyemi-Lund", """
ED NOTE
58F 5 wks s/p L THA (at rehab, then home), Lovenox finished last week. 3 d L calf swelling + ache. No CP/SOB, SpO2 98%, HR 88.
L calf 4 cm > R, tender. D-dimer 4.2. Duplex: L popliteal + PT vein DVT.
Imp: provoked DVT L leg. No signs of PE, CTPA not indicated.
Plan: apixaban (Eliquis) 10 bid x7d then 5 bid, 3-6 months. Heme/PCP f/u.
""")
    d = c.md(2021, 8, 10, 17)
    e, t = c.visit(d, ("128053003", "Deep venous thrombosis"), "Dr. Ingrid Okwuosa", "Northgate Hematology", etype=FOLLOW)
    c.note(e, t + dt.timedelta(minutes=20), "11488-4", "Hematology consult note", "Dr. Ingrid Okwuosa", """
Provoked L popliteal DVT 2/2021 after hip surgery. 6 mo apixaban completed, repeat duplex today: recanalized, no residual \
thrombus.
Plan: stop Eliquis. No thrombophilia w/u needed (clear provoking factor). Ppx for future surgery / long travel.
""")
    # colonoscopy, mammo
    for y in (2013, 2023):
        dd = c.md(y, 6, 4, 25)
        e, t = c.visit(dd, ("275978004", "Screening for malignant neoplasm of colon"), "Dr. Marguerite Oyelaran", "Northgate GI",
                       mins=60)
        c.proc("73761001", "Colonoscopy", t + dt.timedelta(minutes=15), enc=e,
               reason=("275978004", "Screening for malignant neoplasm of colon"),
               outcome="normal" if y == 2013 else "1 hyperplastic polyp removed; repeat 10 yrs")
    for y in (2019, 2021, 2023, 2025):
        dd = c.md(y, 5 if y == 2021 else 3, 4, 25)
        e, t = c.visit(dd, ("268547008", "Screening for malignant neoplasm of breast"), "Dr. Annika Sorensen-Ude",
                       "Northgate Imaging")
        c.proc("71651007", "Mammography", t + dt.timedelta(minutes=10), enc=e,
               reason=("268547008", "Screening for malignant neoplasm of breast"), outcome="BI-RADS 1 negative")
    # immunizations
    for y in range(2013, 2026):
        c.flu(y, 10, 1, 20, who=pcp, org=org)
    for n, (y, m) in enumerate(((2016, 6), (2016, 7), (2016, 12)), 1):
        c.imm("43", "Hep B, adult", at(c.md(y, m, 5, 25), 10), dose=n, series="Hepatitis B 3-dose")
    c.imm("133", "pneumococcal conjugate PCV 13", at(c.md(2013, 4, 5, 12), 10))
    c.imm("33", "pneumococcal polysaccharide PPV23", at(c.md(2015, 5, 5, 25), 10))
    for n, (y, m) in enumerate(((2021, 3), (2021, 4), (2021, 9)), 1):
        c.imm("207", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 100 mcg/0.5mL dose",
              at(c.md(y, m, 5, 25), 14), dose=n)
    c.imm("213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION", at(c.md(2022, 10, 5, 25), 14), dose=4)
    # last visit: rheum Oct 2025 note
    d = c.md(2025, 10, 24, 31)
    e, t = c.visit(d, ("69896004", "Rheumatoid arthritis"), rh, rorg, etype=FOLLOW)
    c.vitals(e, t, 124, 76, 70, 63.1, ht)
    c.lab(e, t + dt.timedelta(minutes=30), "esr", 16)
    c.lab(e, t + dt.timedelta(minutes=30), "alt", 22)
    c.note(e, t + dt.timedelta(minutes=30), "11506-3", "Rheumatology progress note", rh, """
RA in low disease activity on MTX 15 mg weekly + Enbrel 50 weekly since 1/2020. No infections this yr. L THA 2021 doing well, \
walks 30 min/day.
ESR 16, ALT 22. Continue current regimen. Flu shot done this month. RTC 6 mo.
""")


TEMPLATES = [p_edith, p_raymond, p_walter, p_simone, p_tobias, p_harriet]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(REPO, "data", "generated", "blind2"),
                    help="folder to write blind2_<n>_<uuid>.json into (default: data/generated/blind2)")
    ap.add_argument("--patients", type=int, default=6)
    ap.add_argument("--seed", type=int, default=202)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    master = random.Random(a.seed)
    for n in range(1, a.patients + 1):
        rng = random.Random(master.getrandbits(64))
        c = Chart(rng)
        TEMPLATES[(n - 1) % len(TEMPLATES)](c)
        bundle = {"resourceType": "Bundle", "id": c.uid(), "type": "transaction", "entry": c.entries}
        path = os.path.join(a.out, f"blind2_{n}_{c.pid}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(bundle, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(path, len(c.entries))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""gen_patients.py -- deterministic generator of INVENTED FHIR R4 transaction Bundles.

Everything in the output is invented (names, addresses, histories, values).  Stdlib only.
The same --seed and --patients always give byte-identical files.

    python3 gen_patients.py --out patients --patients 5 --seed 404

Each patient is written to  OUT/blind4_<n>_<Patient.id>.json  as a transaction Bundle whose
entries reference each other through urn:uuid: fullUrls.  Five clinical templates are used in
turn (patient n uses template (n-1) % 5); the random stream varies names, ids and values.
Codes (RxNorm, LOINC, SNOMED CT, ICD-10-CM, CVX) are chosen to look like a real EHR export;
they were written from memory and are not guaranteed to be the current official codes.
"""
import argparse
import base64
import json
import os
import random
import uuid

SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
RXN = "http://www.nlm.nih.gov/research/umls/rxnorm"
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
CVX = "http://hl7.org/fhir/sid/cvx"
UCUM = "http://unitsofmeasure.org"
ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ADMIT = "http://terminology.hl7.org/CodeSystem/admit-source"
DISCH = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"

ADMIT_DISPLAY = {
    "hosp-trans": "Transferred from other hospital", "emd": "From accident/emergency department",
    "outp": "From outpatient department", "gp": "General Practitioner referral",
    "mp": "Medical Practitioner/physician referral", "nursing": "From nursing home",
    "rehab": "From rehabilitation facility", "other": "Other",
}
DISCH_DISPLAY = {
    "home": "Home", "alt-home": "Alternative home", "other-hcf": "Other healthcare facility",
    "hosp": "Hospice", "long": "Long-term care", "aadvice": "Left against advice", "exp": "Expired",
    "rehab": "Rehabilitation", "snf": "Skilled nursing facility", "oth": "Other",
}
CLASS_DISPLAY = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter",
                 "VR": "virtual"}

# key: (loinc, display, ucum unit, low, high, decimals, category)
LABS = {
    "a1c": ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.0, 5.6, 1, "laboratory"),
    "glucose": ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 70, 99, 0, "laboratory"),
    "creat": ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.6, 1.3, 2, "laboratory"),
    "egfr": ("62238-1", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, "
             "Plasma or Blood by Creatinine-based formula (CKD-EPI)", "mL/min/{1.73_m2}", 60, None, 0,
             "laboratory"),
    "k": ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.5, 5.1, 1, "laboratory"),
    "na": ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 135, 145, 0, "laboratory"),
    "bun": ("3094-0", "Urea nitrogen [Mass/volume] in Serum or Plasma", "mg/dL", 7, 20, 0, "laboratory"),
    "bicarb": ("1963-8", "Bicarbonate [Moles/volume] in Serum or Plasma", "mmol/L", 22, 29, 0,
               "laboratory"),
    "uacr": ("9318-7", "Albumin/Creatinine [Mass Ratio] in Urine", "mg/g", 0, 30, 0, "laboratory"),
    "ldl": ("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL",
            0, 99, 0, "laboratory"),
    "hdl": ("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", 40, None, 0,
            "laboratory"),
    "chol": ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 0, 199, 0, "laboratory"),
    "tg": ("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", 0, 149, 0, "laboratory"),
    "inr": ("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", 0.8, 1.2, 1,
            "laboratory"),
    "bnp": ("30934-4", "Natriuretic peptide B [Mass/volume] in Serum or Plasma", "pg/mL", 0, 100, 0,
            "laboratory"),
    "tsh": ("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", 0.4, 4.0, 2,
            "laboratory"),
    "hgb": ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12.0, 15.5, 1, "laboratory"),
    "wbc": ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", 4.0, 11.0, 1,
            "laboratory"),
    "plt": ("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", 150, 400, 0,
            "laboratory"),
    "ferritin": ("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "ng/mL", 15, 150, 0,
                 "laboratory"),
    "esr": ("4537-7", "Erythrocyte sedimentation rate by Westergren method", "mm/h", 0, 20, 0,
            "laboratory"),
    "crp": ("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/L", 0, 10, 1,
            "laboratory"),
    "alt": ("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L",
            7, 35, 0, "laboratory"),
    "ast": ("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
            "U/L", 8, 33, 0, "laboratory"),
    "uric": ("3084-1", "Urate [Mass/volume] in Serum or Plasma", "mg/dL", 3.5, 7.2, 1, "laboratory"),
    "trop": ("89579-7", "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method",
             "ng/L", 0, 34, 0, "laboratory"),
    "ddimer": ("48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", "ug/mL{FEU}", 0,
               0.5, 2, "laboratory"),
    "ck": ("2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 30, 200, 0,
           "laboratory"),
    "vitd": ("1989-3", "25-Hydroxyvitamin D3+25-Hydroxyvitamin D2 [Mass/volume] in Serum or Plasma",
             "ng/mL", 30, 100, 0, "laboratory"),
    "lev": ("30548-2", "Levetiracetam [Mass/volume] in Serum or Plasma", "ug/mL", 12, 46, 1,
            "laboratory"),
    "bhb": ("53060-9", "3-Hydroxybutyrate [Moles/volume] in Serum or Plasma", "mmol/L", 0, 0.4, 1,
            "laboratory"),
    "ttg": ("31017-7", "Tissue transglutaminase IgA Ab [Units/volume] in Serum", "U/mL", 0, 3.9, 1,
            "laboratory"),
    "rf": ("11572-5", "Rheumatoid factor [Units/volume] in Serum or Plasma", "[IU]/mL", 0, 14, 0,
           "laboratory"),
    "ccp": ("53027-9", "Cyclic citrullinated peptide IgG Ab [Units/volume] in Serum", "U/mL", 0, 19, 0,
            "laboratory"),
    "fev1": ("20150-9", "FEV1 [Volume] Respiratory system by Spirometry", "L", None, None, 2,
             "exam"),
    "lvef": ("10230-1", "Left ventricular Ejection fraction", "%", 55, 70, 0, "imaging"),
    "phq9": ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
             "{score}", None, None, 0, "survey"),
    "hr": ("8867-4", "Heart rate", "/min", None, None, 0, "vital-signs"),
    "weight": ("29463-7", "Body weight", "kg", None, None, 1, "vital-signs"),
    "bmi": ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", None, None, 1, "vital-signs"),
    "spo2": ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", None, None, 0,
             "vital-signs"),
    "temp": ("8310-5", "Body temperature", "Cel", None, None, 1, "vital-signs"),
}

FIRST_M = ["Osric", "Tobiah", "Lennart", "Caspian", "Hollis", "Ruperto", "Evander", "Marek"]
FIRST_F = ["Delphine", "Ysolde", "Marisol", "Idony", "Perpetua", "Anneliese", "Zinnia", "Coralie"]
LAST = ["Quenby", "Albrecht-Moss", "Farrowby", "Oyelaran", "Thistlewood", "Vasquez-Liu", "Brannagh",
        "Keswick", "Orlovsky", "Penhallow", "Marchetti", "Adeyemi-Lund"]
CITIES = [("Fenwick Harbor", "MA", "01902"), ("Larkhill", "MA", "01730"), ("Ostermoor", "MA", "02155"),
          ("Bramblecote", "MA", "01450"), ("Quillon Falls", "MA", "01085")]
STREETS = ["Larkspur Way", "Cobblestone Rd", "Wrenfield Ave", "Tamarack Ln", "Millrace St",
           "Juniper Hollow", "Foundry Ct"]


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def dt(d, hhmm="09:00"):
    """'YYYY-MM-DD' -> FHIR dateTime with a fixed offset."""
    return "%sT%s:00-05:00" % (d, hhmm)


def cc(system, code, display, text=None):
    c = {"coding": [{"system": system, "code": code, "display": display}]}
    c["text"] = text or display
    return c


class Chart:
    def __init__(self, rng, n):
        self.rng = rng
        self.n = n
        self.entries = []
        self.pid = self.uid()
        self.patient = None
        self.org = None
        self.docs = {}

    def uid(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, res, rid=None):
        res = dict([("resourceType", res.pop("resourceType")), ("id", rid or self.uid())] +
                   list(res.items()))
        self.entries.append(res)
        return res

    @staticmethod
    def ref(res, display=None):
        r = {"reference": "urn:uuid:" + res["id"]}
        if display:
            r["display"] = display
        return r

    def subj(self):
        return self.ref(self.patient)

    def jit(self, v, spread, dec):
        x = v + self.rng.uniform(-spread, spread)
        return round(x, dec) if dec else int(round(x))

    # ---------------- people and places ----------------
    def make_patient(self, gender, birth, deceased=None, marital="M"):
        rng = self.rng
        given = rng.choice(FIRST_M if gender == "male" else FIRST_F)
        family = LAST[((self.n - 1) * 2 + rng.randint(0, 1)) % len(LAST)]
        city, state, zp = rng.choice(CITIES)
        street = "%d %s" % (rng.randint(3, 480), rng.choice(STREETS))
        p = {"resourceType": "Patient",
             "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
             "identifier": [{"type": cc("http://terminology.hl7.org/CodeSystem/v2-0203", "MR",
                                        "Medical Record Number"),
                             "system": "urn:oid:2.16.840.1.113883.3.9999.404",
                             "value": "B4-%07d" % rng.randint(100000, 9999999)}],
             "active": True,
             "name": [{"use": "official", "family": family, "given": [given]}],
             "telecom": [{"system": "phone", "value": "555-01%02d" % rng.randint(0, 99), "use": "home"}],
             "gender": gender, "birthDate": birth}
        if deceased:
            p["deceasedDateTime"] = deceased
        p["address"] = [{"line": [street], "city": city, "state": state, "postalCode": zp,
                         "country": "US"}]
        p["maritalStatus"] = cc("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", marital,
                                {"M": "Married", "S": "Never Married", "W": "Widowed",
                                 "D": "Divorced"}[marital])
        p["communication"] = [{"language": cc("urn:ietf:bcp:47", "en-US", "English (United States)"),
                               "preferred": True}]
        self.patient = self.add(p, rid=self.pid)
        self.org = self.add({"resourceType": "Organization", "active": True,
                             "name": "%s Community Health" % city,
                             "address": [{"city": city, "state": state}]})
        self.name = "%s %s" % (given, family)
        self.given = given
        return p

    def practitioner(self, family, given, prefix="Dr."):
        pr = self.add({"resourceType": "Practitioner", "active": True,
                       "name": [{"family": family, "given": [given], "prefix": [prefix]}]})
        return pr

    # ---------------- clinical resources ----------------
    def encounter(self, cls, start, end=None, type_code=None, type_display=None, reasons=(),
                  admit=None, disch=None, pract=None, start_time="09:00", end_time="09:40",
                  location=None):
        e = {"resourceType": "Encounter", "status": "finished",
             "class": {"system": ACT, "code": cls, "display": CLASS_DISPLAY[cls]}}
        if type_code:
            e["type"] = [cc(SCT, type_code, type_display)]
        e["subject"] = self.subj()
        if pract:
            e["participant"] = [{"individual": self.ref(pract, "Dr. %s" % pract["name"][0]["family"])}]
        e["period"] = {"start": dt(start, start_time), "end": dt(end or start, end_time)}
        if reasons:
            e["reasonCode"] = [cc(*r) for r in reasons]
        if admit or disch:
            h = {}
            if admit:
                h["admitSource"] = cc(ADMIT, admit, ADMIT_DISPLAY[admit])
            if disch:
                h["dischargeDisposition"] = cc(DISCH, disch, DISCH_DISPLAY[disch])
            e["hospitalization"] = h
        if location:
            e["location"] = [{"location": {"display": location}}]
        e["serviceProvider"] = self.ref(self.org, self.org["name"])
        return self.add(e)

    def condition(self, system, code, display, onset, abate=None, status=None, enc=None,
                  category="problem-list-item", snomed=None):
        coding = [{"system": system, "code": code, "display": display}]
        if snomed:
            coding.append({"system": SCT, "code": snomed[0], "display": snomed[1]})
        status = status or ("resolved" if abate else "active")
        c = {"resourceType": "Condition",
             "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", status,
                                  status.capitalize()),
             "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                      "confirmed", "Confirmed"),
             "category": [cc("http://terminology.hl7.org/CodeSystem/condition-category", category,
                             "Problem List Item" if category == "problem-list-item"
                             else "Encounter Diagnosis")],
             "code": {"coding": coding, "text": display},
             "subject": self.subj()}
        if enc:
            c["encounter"] = self.ref(enc)
        c["onsetDateTime"] = dt(onset)
        if abate:
            c["abatementDateTime"] = dt(abate)
        c["recordedDate"] = dt(onset)
        return self.add(c)

    def med(self, rxcui, display, authored, status="active", end=None, status_reason=None,
            reason=None, reason_ref=None, dose=None, enc=None, category="outpatient", pract=None,
            prn=False):
        m = {"resourceType": "MedicationRequest", "status": status}
        if status_reason:
            m["statusReason"] = {"text": status_reason}
        m["intent"] = "order"
        m["category"] = [cc("http://terminology.hl7.org/CodeSystem/medicationrequest-category",
                            category, {"outpatient": "Outpatient", "inpatient": "Inpatient",
                                       "community": "Community"}[category])]
        m["medicationCodeableConcept"] = cc(RXN, rxcui, display)
        m["subject"] = self.subj()
        if enc:
            m["encounter"] = self.ref(enc)
        m["authoredOn"] = dt(authored, "10:15")
        if pract:
            m["requester"] = self.ref(pract, "Dr. %s" % pract["name"][0]["family"])
        if reason:
            m["reasonCode"] = [cc(*reason)]
        if reason_ref:
            m["reasonReference"] = [self.ref(reason_ref)]
        if dose:
            di = {"text": dose}
            if prn:
                di["asNeededBoolean"] = True
            m["dosageInstruction"] = [di]
        vp = {"start": authored}
        if end:
            vp["end"] = end
        m["dispenseRequest"] = {"validityPeriod": vp}
        return self.add(m)

    def obs(self, key, date, value, enc=None, time="08:30", interp=True, note=None, hi=None, lo=None):
        code, display, unit, low, high, dec, cat = LABS[key]
        if hi is not None:
            high = hi
        if lo is not None:
            low = lo
        o = {"resourceType": "Observation", "status": "final",
             "category": [cc(OBSCAT, cat, {"laboratory": "Laboratory", "vital-signs": "Vital Signs",
                                           "survey": "Survey", "exam": "Exam",
                                           "imaging": "Imaging"}[cat])],
             "code": cc(LOINC, code, display), "subject": self.subj()}
        if enc:
            o["encounter"] = self.ref(enc)
        o["effectiveDateTime"] = dt(date, time)
        o["issued"] = dt(date, "14:00")
        o["valueQuantity"] = {"value": value, "unit": unit, "system": UCUM, "code": unit}
        if interp and (low is not None or high is not None):
            flag = "N"
            if high is not None and value > high:
                flag = "H"
            if low is not None and value < low:
                flag = "L"
            o["interpretation"] = [cc(INTERP, flag, {"H": "High", "L": "Low", "N": "Normal"}[flag])]
            rr = {}
            if low is not None:
                rr["low"] = {"value": low, "unit": unit, "system": UCUM, "code": unit}
            if high is not None:
                rr["high"] = {"value": high, "unit": unit, "system": UCUM, "code": unit}
            o["referenceRange"] = [rr]
        if note:
            o["note"] = [{"text": note}]
        return self.add(o)

    def obs_coded(self, loinc, display, date, system, code, vdisplay, cat="laboratory", enc=None):
        o = {"resourceType": "Observation", "status": "final",
             "category": [cc(OBSCAT, cat, {"laboratory": "Laboratory", "social-history":
                                           "Social History", "exam": "Exam"}[cat])],
             "code": cc(LOINC, loinc, display), "subject": self.subj()}
        if enc:
            o["encounter"] = self.ref(enc)
        o["effectiveDateTime"] = dt(date, "08:45")
        o["valueCodeableConcept"] = cc(system, code, vdisplay)
        return self.add(o)

    def bp(self, date, sys_, dia, enc=None):
        o = {"resourceType": "Observation", "status": "final",
             "category": [cc(OBSCAT, "vital-signs", "Vital Signs")],
             "code": cc(LOINC, "85354-9", "Blood pressure panel with all children optional"),
             "subject": self.subj()}
        if enc:
            o["encounter"] = self.ref(enc)
        o["effectiveDateTime"] = dt(date, "08:50")
        o["component"] = [
            {"code": cc(LOINC, "8480-6", "Systolic blood pressure"),
             "valueQuantity": {"value": sys_, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
            {"code": cc(LOINC, "8462-4", "Diastolic blood pressure"),
             "valueQuantity": {"value": dia, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}}]
        return self.add(o)

    def imm(self, cvx, display, date, dose_no=None, enc=None, site="LD"):
        i = {"resourceType": "Immunization", "status": "completed", "vaccineCode": cc(CVX, cvx, display),
             "patient": self.subj()}
        if enc:
            i["encounter"] = self.ref(enc)
        i["occurrenceDateTime"] = dt(date, "11:00")
        i["primarySource"] = True
        i["lotNumber"] = "%s%04d" % (self.rng.choice("ABCDEFGHJK"), self.rng.randint(0, 9999))
        i["site"] = cc("http://terminology.hl7.org/CodeSystem/v3-ActSite", site,
                       {"LD": "left deltoid", "RD": "right deltoid"}[site])
        if dose_no:
            i["protocolApplied"] = [{"doseNumberPositiveInt": dose_no}]
        return self.add(i)

    def allergy(self, system, code, display, category, criticality, reactions, recorded,
                atype="allergy", severity="mild", note=None):
        a = {"resourceType": "AllergyIntolerance",
             "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                  "active", "Active"),
             "verificationStatus": cc(
                 "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                 "confirmed", "Confirmed"),
             "type": atype, "category": [category], "criticality": criticality,
             "code": cc(system, code, display), "patient": self.subj(),
             "recordedDate": dt(recorded),
             "reaction": [{"manifestation": [cc(SCT, c, d) for c, d in reactions],
                           "severity": severity}]}
        if note:
            a["note"] = [{"text": note}]
        return self.add(a)

    def proc(self, code, display, date, enc=None, reason=None, reason_ref=None, device=None,
             body=None, end=None, note=None):
        p = {"resourceType": "Procedure", "status": "completed", "code": cc(SCT, code, display),
             "subject": self.subj()}
        if enc:
            p["encounter"] = self.ref(enc)
        if end:
            p["performedPeriod"] = {"start": dt(date, "10:00"), "end": dt(end, "11:00")}
        else:
            p["performedDateTime"] = dt(date, "10:00")
        if reason:
            p["reasonCode"] = [cc(*reason)]
        if reason_ref:
            p["reasonReference"] = [self.ref(reason_ref)]
        if body:
            p["bodySite"] = [cc(SCT, body[0], body[1])]
        if device:
            p["focalDevice"] = [{"action": cc(SCT, "129338005", "Surgical implantation procedure"),
                                 "manipulated": self.ref(device)}]
        if note:
            p["note"] = [{"text": note}]
        return self.add(p)

    def device(self, code, display, name, manufacturer, model, status="active", implanted=None):
        d = {"resourceType": "Device", "status": status,
             "distinctIdentifier": "%014d" % self.rng.randint(10 ** 12, 10 ** 14 - 1),
             "manufacturer": manufacturer,
             "serialNumber": "SN%09d" % self.rng.randint(0, 10 ** 9 - 1),
             "deviceName": [{"name": name, "type": "user-friendly-name"}],
             "modelNumber": model, "type": cc(SCT, code, display), "patient": self.subj()}
        if implanted:
            d["manufactureDate"] = dt(implanted, "00:00")
        return self.add(d)

    def goal(self, text, status="active", due=None, measure=None, addresses=()):
        g = {"resourceType": "Goal", "lifecycleStatus": status, "description": {"text": text},
             "subject": self.subj()}
        if measure:
            t = {"measure": cc(LOINC, measure[0], measure[1]), "detailString": measure[2]}
            if due:
                t["dueDate"] = due
            g["target"] = [t]
        if addresses:
            g["addresses"] = [self.ref(a) for a in addresses]
        return self.add(g)

    def careplan(self, title, code, display, start, end=None, status="active", addresses=(),
                 goals=(), activities=(), description=None):
        c = {"resourceType": "CarePlan", "status": status, "intent": "plan",
             "category": [cc(SCT, code, display)], "title": title}
        if description:
            c["description"] = description
        c["subject"] = self.subj()
        c["period"] = {"start": dt(start)}
        if end:
            c["period"]["end"] = dt(end)
        if addresses:
            c["addresses"] = [self.ref(a) for a in addresses]
        if goals:
            c["goal"] = [self.ref(g) for g in goals]
        if activities:
            c["activity"] = [{"detail": {"code": cc(SCT, a[0], a[1]), "status": a[2]}}
                             for a in activities]
        return self.add(c)

    def family(self, rel, rel_display, sex, conditions, deceased=None):
        f = {"resourceType": "FamilyMemberHistory", "status": "completed", "patient": self.subj(),
             "date": "2024-01-15",
             "relationship": cc(ROLE, rel, rel_display),
             "sex": cc("http://hl7.org/fhir/administrative-gender", sex, sex.capitalize())}
        if deceased is not None:
            f["deceasedAge"] = {"value": deceased, "unit": "a", "system": UCUM, "code": "a"}
        f["condition"] = []
        for system, code, display, age, ctd in conditions:
            item = {"code": cc(system, code, display)}
            if age is not None:
                item["onsetAge"] = {"value": age, "unit": "a", "system": UCUM, "code": "a"}
            if ctd:
                item["contributedToDeath"] = True
            f["condition"].append(item)
        return self.add(f)

    def note(self, loinc, ldisplay, date, title, text, enc=None, author=None):
        d = {"resourceType": "DocumentReference", "status": "current",
             "type": cc(LOINC, loinc, ldisplay),
             "category": [cc("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                             "clinical-note", "Clinical Note")],
             "subject": self.subj(), "date": dt(date, "17:30")}
        if author:
            d["author"] = [self.ref(author, "Dr. %s" % author["name"][0]["family"])]
        body = "%s\nDate: %s\nPatient: %s\n\n%s\n" % (title, date, self.name, text.strip())
        d["description"] = title
        d["content"] = [{"attachment": {"contentType": "text/plain", "language": "en-US",
                                        "data": b64(body), "title": title}}]
        if enc:
            d["context"] = {"encounter": [self.ref(enc)],
                            "period": {"start": enc["period"]["start"], "end": enc["period"]["end"]}}
        return self.add(d)

    def smoking(self, date, code, display, enc=None):
        return self.obs_coded("72166-2", "Tobacco smoking status", date, SCT, code, display,
                              cat="social-history", enc=enc)

    def vitals(self, date, enc, sys_, dia, hr, weight, height_m):
        self.bp(date, sys_, dia, enc)
        self.obs("hr", date, hr, enc, interp=False)
        self.obs("weight", date, weight, enc, interp=False)
        self.obs("bmi", date, round(weight / (height_m * height_m), 1), enc, interp=False)

    def bundle(self):
        return {"resourceType": "Bundle", "id": self.uid(), "type": "transaction",
                "entry": [{"fullUrl": "urn:uuid:" + r["id"], "resource": r,
                           "request": {"method": "POST", "url": r["resourceType"]}}
                          for r in self.entries]}


# ICD-10-CM / SNOMED reason tuples (system, code, display)
def icd(code, display):
    return (ICD, code, display)


def sct(code, display):
    return (SCT, code, display)


# =====================================================================================
# Template 1: older man -- type 2 diabetes (metformin, GLP-1, SGLT2, basal insulin), CKD 3a,
# hypertension (ACE-i cough -> ARB), statin, atrial fibrillation (warfarin -> apixaban), CGM.
# =====================================================================================
def template_diabetes_af(c):
    c.make_patient("male", "1954-03-17", marital="M")
    pcp = c.practitioner("Amundsen-Roy", "Tova")
    card = c.practitioner("Okonkwo", "Bertrand")
    H = 1.78
    j = c.jit

    htn = c.condition(ICD, "I10", "Essential (primary) hypertension", "2006-09-02",
                      snomed=("59621000", "Essential hypertension"))
    dm = c.condition(ICD, "E11.65", "Type 2 diabetes mellitus with hyperglycemia", "2008-05-14",
                     snomed=("44054006", "Diabetes mellitus type 2"))
    hld = c.condition(ICD, "E78.5", "Hyperlipidemia, unspecified", "2008-05-14",
                      snomed=("55822004", "Hyperlipidemia"))
    c.smoking("2016-03-08", "8517006", "Ex-smoker")

    met1000 = c.med("861004", "metformin hydrochloride 1000 MG Oral Tablet", "2008-05-14",
                    status="stopped", end="2020-02-11",
                    status_reason="Dose reduced to 500 mg twice daily because eGFR fell to 41",
                    reason_ref=dm, dose="1000 mg by mouth twice daily with meals", pract=pcp)
    lis = c.med("314077", "lisinopril 20 MG Oral Tablet", "2006-09-02", status="stopped",
                end="2018-04-10", status_reason="Persistent dry cough (ACE inhibitor cough)",
                reason_ref=htn, dose="20 mg by mouth once daily", pract=pcp)
    ator = c.med("617311", "atorvastatin 40 MG Oral Tablet", "2008-06-01", reason_ref=hld,
                 dose="40 mg by mouth at bedtime", pract=pcp)

    visits = [("2016-03-08", 7.1, 72, 1.10, 118, 138, 84, 104.2), ("2017-03-14", 7.3, 68, 1.16, 112, 142, 86, 105.0),
              ("2018-03-13", 7.2, 63, 1.22, 109, 146, 88, 104.4), ("2019-03-12", 7.8, 55, 1.38, 121, 136, 82, 106.1),
              ("2020-02-11", 8.1, 41, 1.72, 98, 150, 90, 107.3), ("2021-03-09", 8.4, 44, 1.64, 104, 134, 80, 108.0),
              ("2022-03-08", 8.6, 46, 1.59, 92, 132, 78, 109.1), ("2023-03-14", 7.9, 47, 1.56, 84, 128, 76, 101.6),
              ("2024-03-12", 9.4, 43, 1.67, 88, 138, 82, 99.8), ("2024-09-10", 8.2, 45, 1.61, None, 130, 78, 98.9),
              ("2025-03-11", 7.5, 46, 1.58, 79, 126, 74, 97.7), ("2025-09-09", 7.0, 48, 1.53, None, 124, 72, 96.4)]
    encs = {}
    for d, a1c, egfr, cr, ldl, s, di, w in visits:
        e = c.encounter("AMB", d, type_code="185349003", type_display="Encounter for check up (procedure)",
                        reasons=[icd("E11.65", "Type 2 diabetes mellitus with hyperglycemia")], pract=pcp)
        encs[d] = e
        c.vitals(d, e, s, di, j(76, 6, 0), w, H)
        c.obs("a1c", d, j(a1c, 0.04, 1), e)
        c.obs("glucose", d, j(90 + (a1c - 5.5) * 28, 8, 0), e)
        c.obs("egfr", d, egfr, e)
        c.obs("creat", d, cr, e)
        c.obs("k", d, j(4.6, 0.3, 1), e)
        if ldl:
            c.obs("ldl", d, ldl, e)
            c.obs("hdl", d, j(41, 3, 0), e)
            c.obs("chol", d, ldl + j(70, 8, 0), e)
            c.obs("tg", d, j(185, 30, 0), e)
        if d >= "2019":
            c.obs("uacr", d, j({"2019": 38, "2020": 96, "2021": 120, "2022": 142, "2023": 118,
                                "2024": 131, "2025": 88}[d[:4]], 4, 0), e)

    # ACE inhibitor cough -> losartan
    e = c.encounter("AMB", "2018-04-10", type_code="185345009",
                    type_display="Encounter for symptom (procedure)",
                    reasons=[sct("49727002", "Cough (finding)")], pract=pcp)
    cough = c.condition(SCT, "49727002", "Cough (finding)", "2018-02-20", abate="2018-06-01", enc=e,
                        category="encounter-diagnosis")
    c.allergy(RXN, "29046", "lisinopril", "medication", "low", [("49727002", "Cough (finding)")],
              "2018-04-10", atype="intolerance",
              note="Dry cough on lisinopril; resolved after switch to losartan.")
    los = c.med("979485", "losartan potassium 50 MG Oral Tablet", "2018-04-10", reason_ref=htn,
                dose="50 mg by mouth once daily", enc=e, pract=pcp)
    c.note("11506-3", "Progress note", "2018-04-10", "Primary care progress note",
           """S: Dry, tickly cough for about 7 weeks, worse at night. No fever, no sputum, no dyspnea.
On lisinopril 20 mg since 2006.
O: Lungs clear. BP 140/86.
A/P: Probable ACE inhibitor cough. Stop lisinopril. Start losartan 50 mg daily.
Recheck BMP in 2 weeks. Lisinopril entered as an intolerance.""", enc=e, author=pcp)

    # Colonoscopy 2019
    e = c.encounter("AMB", "2019-06-18", type_code="73761001", type_display="Colonoscopy (procedure)",
                    reasons=[icd("Z12.11", "Encounter for screening for malignant neoplasm of colon")],
                    location="Endoscopy suite")
    c.proc("73761001", "Colonoscopy (procedure)", "2019-06-18", enc=e,
           reason=icd("Z12.11", "Encounter for screening for malignant neoplasm of colon"))
    c.note("28570-0", "Procedure note", "2019-06-18", "Colonoscopy report",
           """Indication: average-risk screening.
Findings: two 4 mm sessile polyps in the sigmoid colon, removed by cold snare. Mild diverticulosis.
Pathology: tubular adenomas, no high-grade dysplasia.
Recommendation: repeat colonoscopy in 7 years (2026).""", enc=e)

    # CKD -> metformin reduction, empagliflozin
    e = encs["2020-02-11"]
    ckd = c.condition(ICD, "N18.31", "Chronic kidney disease, stage 3a", "2020-02-11", enc=e,
                      snomed=("700378005", "Chronic kidney disease stage 3A (disorder)"))
    c.med("861007", "metformin hydrochloride 500 MG Oral Tablet", "2020-02-11", reason_ref=dm,
          dose="500 mg by mouth twice daily with meals", enc=e, pract=pcp)
    c.med("1545658", "empagliflozin 10 MG Oral Tablet [Jardiance]", "2020-02-11",
          reason=icd("E11.65", "Type 2 diabetes mellitus with hyperglycemia"),
          dose="10 mg by mouth every morning", enc=e, pract=pcp)
    c.note("11506-3", "Progress note", "2020-02-11", "Primary care progress note",
           """Annual diabetes review. eGFR 41 (was 55 a year ago); urine albumin/creatinine ratio raised.
Assessment: CKD stage 3a due to diabetic kidney disease.
Plan: reduce metformin to 500 mg twice daily; start empagliflozin (Jardiance) 10 mg daily for
renal and glycemic benefit. Continue atorvastatin 40 mg and losartan 50 mg. Nephrology referral
not needed yet.""", enc=e, author=pcp)

    # Atrial fibrillation: ED -> admission
    ed = c.encounter("EMER", "2021-07-19", type_code="50849002",
                     type_display="Emergency room admission (procedure)",
                     reasons=[sct("80313002", "Palpitations (finding)")], start_time="06:40",
                     end_time="11:20", location="Emergency Department")
    af = c.condition(ICD, "I48.0", "Paroxysmal atrial fibrillation", "2021-07-19", enc=ed,
                     snomed=("282825002", "Paroxysmal atrial fibrillation (disorder)"))
    c.med("1648193", "diltiazem hydrochloride 5 MG/ML Injectable Solution", "2021-07-19",
          status="completed", end="2021-07-19", reason_ref=af, dose="10 mg IV push once",
          enc=ed, category="inpatient")
    c.obs("hr", "2021-07-19", 148, ed, time="06:45", interp=False)
    c.bp("2021-07-19", 152, 96, ed)
    c.obs("trop", "2021-07-19", 9, ed, time="07:10")
    c.obs("k", "2021-07-19", 4.1, ed, time="07:10")
    adm = c.encounter("IMP", "2021-07-19", "2021-07-22", type_code="183452005",
                      type_display="Emergency hospital admission (procedure)",
                      reasons=[icd("I48.0", "Paroxysmal atrial fibrillation")], admit="emd",
                      disch="home", pract=card, start_time="11:30", end_time="13:00",
                      location="Cardiac telemetry unit")
    c.proc("433236007", "Transthoracic echocardiography (procedure)", "2021-07-20", enc=adm,
           reason_ref=af)
    c.obs("lvef", "2021-07-20", 55, adm)
    c.proc("180325003", "Electrical cardioversion", "2021-07-20", enc=adm, reason_ref=af)
    war = c.med("855332", "Warfarin Sodium 5 MG Oral Tablet", "2021-07-22", status="stopped",
                end="2022-01-11", status_reason="Labile INR; changed to apixaban (Eliquis)",
                reason_ref=af, dose="5 mg by mouth daily, adjust to INR 2-3", enc=adm, pract=card)
    c.med("866436", "24 HR metoprolol succinate 50 MG Extended Release Oral Tablet", "2021-07-22",
          reason_ref=af, dose="50 mg by mouth once daily", enc=adm, pract=card)
    c.note("18842-5", "Discharge summary", "2021-07-22", "Discharge summary - cardiology",
           """Admitted 2021-07-19 from the emergency department with palpitations; new atrial
fibrillation with rapid ventricular response (HR 148). Given diltiazem IV in the ED.
TTE: LVEF 55%, mild left atrial enlargement. Successful DC cardioversion on 2021-07-20.
CHA2DS2-VASc score 3 (age, hypertension, diabetes). Started warfarin, target INR 2-3,
and metoprolol succinate 50 mg daily. Discharged home 2021-07-22 with anticoagulation clinic follow-up.""",
           enc=adm, author=card)

    # anticoagulation clinic INR checks (labile)
    for d, v in [("2021-08-02", 1.6), ("2021-09-01", 3.8), ("2021-10-04", 2.2), ("2021-11-02", 4.1),
                 ("2021-12-06", 1.8)]:
        e = c.encounter("AMB", d, type_code="185389009", type_display="Follow-up visit (procedure)",
                        reasons=[sct("182764009", "Anticoagulant therapy monitoring")])
        c.obs("inr", d, v, e, hi=3.0, lo=2.0)
    e = c.encounter("AMB", "2022-01-11", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("I48.0", "Paroxysmal atrial fibrillation")], pract=card)
    c.obs("inr", "2022-01-11", 3.4, e, hi=3.0, lo=2.0)
    c.med("1364447", "apixaban 5 MG Oral Tablet [Eliquis]", "2022-01-11", reason_ref=af,
          dose="5 mg by mouth twice daily", enc=e, pract=card)
    c.note("11488-4", "Consult note", "2022-01-11", "Cardiology follow-up",
           """INR values since discharge 1.6, 3.8, 2.2, 4.1, 1.8 and 3.4 today: time in therapeutic
range poor. Patient prefers fixed dosing. Stop warfarin; start apixaban (Eliquis) 5 mg twice daily
when INR < 2. Remains in sinus rhythm. Continue metoprolol.""", enc=e, author=card)

    # GLP-1 via telehealth
    e = c.encounter("VR", "2022-05-03", type_code="448337001",
                    type_display="Telemedicine consultation with patient (procedure)",
                    reasons=[icd("E11.65", "Type 2 diabetes mellitus with hyperglycemia")], pract=pcp)
    c.med("1991311", "semaglutide 0.5 MG/DOSE Pen Injector [Ozempic]", "2022-05-03", reason_ref=dm,
          dose="0.25 mg subcutaneously weekly for 4 weeks, then 0.5 mg weekly", enc=e, pract=pcp)
    c.note("11506-3", "Progress note", "2022-05-03", "Telehealth visit - diabetes",
           """Video visit. A1c 8.6 in March. Discussed options; patient agrees to a weekly GLP-1
receptor agonist. Start Ozempic 0.25 mg weekly x4 weeks then 0.5 mg weekly. Counselled about
nausea and pancreatitis symptoms. Continue metformin 500 mg twice daily and Jardiance.""",
           enc=e, author=pcp)

    # cellulitis 2023
    e = c.encounter("AMB", "2023-08-21", type_code="702927004", type_display="Urgent care clinic (environment)",
                    reasons=[icd("L03.116", "Cellulitis of left lower limb")], location="Urgent care")
    cel = c.condition(ICD, "L03.116", "Cellulitis of left lower limb", "2023-08-21", abate="2023-09-05",
                      enc=e, category="encounter-diagnosis")
    c.med("309114", "cephalexin 500 MG Oral Capsule", "2023-08-21", status="completed",
          end="2023-08-31", reason_ref=cel, dose="500 mg by mouth four times daily for 10 days", enc=e)
    c.obs("temp", "2023-08-21", 37.9, e, interp=False)
    c.note("11506-3", "Progress note", "2023-08-21", "Urgent care note",
           """Red, warm, tender area on the left shin for 3 days after a scrape while gardening.
Temp 37.9. No abscess on bedside ultrasound. Marked borders.
Plan: cephalexin 500 mg four times daily for 10 days; elevate leg; return if spreading.""", enc=e)

    # 2024 insulin + CGM
    e = encs["2024-03-12"]
    c.med("847232", "insulin glargine 100 UNT/ML Pen Injector [Lantus SoloStar]", "2024-03-12",
          reason_ref=dm, dose="10 units subcutaneously at bedtime; titrate by 2 units every 3 days "
          "to fasting glucose 80-130", enc=e, pract=pcp)
    cgm = c.device("462223000", "Continuous glucose monitoring system (physical object)",
                   "FreeStyle Libre 3 continuous glucose monitor", "Abbott Diabetes Care",
                   "Libre 3", implanted="2024-03-12")
    c.proc("714812005", "Application of continuous glucose monitoring sensor (procedure)", "2024-03-12",
           enc=e, device=cgm, reason_ref=dm)
    c.note("11506-3", "Progress note", "2024-03-12", "Primary care progress note",
           """A1c 9.4 today, highest ever, despite metformin, Jardiance and Ozempic 0.5 mg.
Reports some missed Ozempic doses over the winter. Weight 99.8 kg.
Plan: add basal insulin - Lantus 10 units at bedtime with titration. Start FreeStyle Libre 3 CGM;
sensor applied in clinic and taught. Diabetes educator referral.""", enc=e, author=pcp)

    # immunizations
    flu = [("2016-10-04", "158", "influenza, injectable, quadrivalent, contains preservative"),
           ("2017-10-10", "158", "influenza, injectable, quadrivalent, contains preservative"),
           ("2018-10-09", "158", "influenza, injectable, quadrivalent, contains preservative"),
           ("2019-10-08", "197", "influenza, high-dose, quadrivalent"),
           ("2020-10-06", "197", "influenza, high-dose, quadrivalent"),
           ("2021-10-12", "197", "influenza, high-dose, quadrivalent"),
           ("2022-10-11", "197", "influenza, high-dose, quadrivalent"),
           ("2023-10-03", "197", "influenza, high-dose, quadrivalent"),
           ("2024-10-08", "197", "influenza, high-dose, quadrivalent"),
           ("2025-10-07", "197", "influenza, high-dose, quadrivalent")]
    for d, code, disp in flu:
        c.imm(code, disp, d)
    c.imm("115", "Tdap", "2017-09-19")
    c.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2019-10-08", site="RD")
    c.imm("187", "zoster recombinant", "2020-11-17", dose_no=1)
    c.imm("187", "zoster recombinant", "2021-03-16", dose_no=2)
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-02-23", dose_no=1)
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-03-16", dose_no=2, site="RD")
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-11-09", dose_no=3)

    c.allergy(RXN, "10180", "sulfamethoxazole", "medication", "low",
              [("271807003", "Eruption of skin (disorder)")], "2011-06-02", severity="moderate",
              note="Rash with Bactrim in 2011.")

    c.family("FTH", "father", "male", [(ICD, "I21.9", "Acute myocardial infarction, unspecified", 58, True)],
             deceased=58)
    c.family("MTH", "mother", "female", [(ICD, "E11.9", "Type 2 diabetes mellitus without complications",
                                          62, False)], deceased=81)

    g1 = c.goal("Hemoglobin A1c below 7.0%", measure=("4548-4", "Hemoglobin A1c", "<7.0 %"),
                due="2026-03-31", addresses=[dm])
    g2 = c.goal("Blood pressure below 130/80", measure=("85354-9", "Blood pressure panel", "<130/80 mm[Hg]"),
                addresses=[htn])
    c.careplan("Diabetes and kidney care plan", "698360004", "Diabetes self management plan", "2020-02-11",
               addresses=[dm, ckd], goals=[g1, g2],
               activities=[("160670007", "Diabetic diet", "in-progress"),
                           ("229065009", "Exercise therapy", "in-progress"),
                           ("410177006", "Special diet education: low sodium", "completed")])
    c.note("11506-3", "Progress note", "2025-09-09", "Primary care progress note",
           """Doing well. Walks 30 minutes most days. Weight down to 96.4 kg (was 109 kg in 2022).
A1c 7.0 - best in years. Lantus now 18 units nightly. Libre 3 time-in-range 74%.
Former smoker: quit in 1998, about 20 pack-years. Alcohol: 2 beers per week.
Colonoscopy due 2026. Continue current regimen.""", enc=encs["2025-09-09"], author=pcp)


# =====================================================================================
# Template 2: older woman, DECEASED -- COPD (inhalers, steroid bursts, antibiotic courses), heart
# failure (loop diuretic, beta blocker, ARNI, MRA stopped for hyperkalemia), hypothyroidism,
# osteoporosis, pacemaker, hearing aid, home oxygen; admissions via ER / transfer / nursing home.
# =====================================================================================
def template_copd_hf_deceased(c):
    c.make_patient("female", "1944-11-02", deceased="2024-03-18T04:12:00-05:00", marital="W")
    pcp = c.practitioner("Lindqvist", "Maren")
    pulm = c.practitioner("Bhattacharya", "Sunil")
    hfdoc = c.practitioner("Castellanos", "Ines")
    H = 1.60
    j = c.jit

    hypo = c.condition(ICD, "E03.9", "Hypothyroidism, unspecified", "1998-04-21",
                       snomed=("40930008", "Hypothyroidism (disorder)"))
    copd = c.condition(ICD, "J44.9", "Chronic obstructive pulmonary disease, unspecified", "2009-02-10",
                       snomed=("13645005", "Chronic obstructive lung disease (disorder)"))
    osteo = c.condition(ICD, "M81.0", "Age-related osteoporosis without current pathological fracture",
                        "2014-05-06")
    hf = c.condition(ICD, "I50.22", "Chronic systolic (congestive) heart failure", "2016-03-22",
                     snomed=("441481004", "Chronic systolic heart failure (disorder)"))
    hl = c.condition(ICD, "H90.3", "Sensorineural hearing loss, bilateral", "2017-08-15")
    c.smoking("2016-03-22", "8517006", "Ex-smoker")

    c.med("966224", "levothyroxine sodium 0.075 MG Oral Tablet [Synthroid]", "1998-04-21",
          status="stopped", end="2024-03-18", status_reason="Patient deceased", reason_ref=hypo,
          dose="75 mcg by mouth every morning on an empty stomach", pract=pcp)
    c.med("1536840", "tiotropium bromide 0.0025 MG/ACTUAT Metered Dose Inhaler [Spiriva Respimat]",
          "2012-01-17", status="stopped", end="2024-03-18", status_reason="Patient deceased",
          reason_ref=copd, dose="2 inhalations once daily", pract=pulm)
    c.med("1246316", "budesonide 0.16 MG/ACTUAT / formoterol fumarate 0.0045 MG/ACTUAT Metered Dose "
          "Inhaler [Symbicort]", "2015-06-09", status="stopped", end="2024-03-18",
          status_reason="Patient deceased", reason_ref=copd, dose="2 puffs twice daily; rinse mouth",
          pract=pulm)
    c.med("2123111", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler [ProAir HFA]", "2009-02-10",
          status="stopped", end="2024-03-18", status_reason="Patient deceased", reason_ref=copd,
          dose="2 puffs every 4-6 hours as needed for wheeze", prn=True, pract=pulm)
    c.med("904419", "alendronate sodium 70 MG Oral Tablet", "2014-05-06", status="completed",
          end="2019-05-07", reason_ref=osteo, dose="70 mg by mouth once weekly",
          pract=pcp)

    # heart failure meds
    c.med("313988", "furosemide 40 MG Oral Tablet", "2016-03-22", status="stopped", end="2022-06-14",
          status_reason="Dose increased to 80 mg daily for fluid overload", reason_ref=hf,
          dose="40 mg by mouth every morning", pract=hfdoc)
    c.med("200032", "carvedilol 12.5 MG Oral Tablet", "2016-03-22", status="stopped", end="2024-03-18",
          status_reason="Patient deceased", reason_ref=hf, dose="12.5 mg by mouth twice daily",
          pract=hfdoc)
    c.med("314076", "lisinopril 10 MG Oral Tablet", "2016-03-22", status="stopped", end="2018-05-15",
          status_reason="Switched to sacubitril/valsartan (Entresto)", reason_ref=hf,
          dose="10 mg by mouth daily", pract=hfdoc)
    c.med("1656349", "sacubitril 24 MG / valsartan 26 MG Oral Tablet [Entresto]", "2018-05-15",
          status="stopped", end="2024-03-18", status_reason="Patient deceased", reason_ref=hf,
          dose="1 tablet by mouth twice daily", pract=hfdoc)
    c.med("313096", "spironolactone 25 MG Oral Tablet", "2017-02-14", status="stopped",
          end="2023-07-11", status_reason="Hyperkalemia (potassium 5.9 mmol/L)", reason_ref=hf,
          dose="25 mg by mouth daily", pract=hfdoc)

    yearly = [("2016-03-22", 1480, 4.3, 138, 2.10, 0.94, 128, 74, 62.5, 1.12),
              ("2017-02-14", 620, 4.6, 137, 2.85, 0.98, 122, 70, 61.0, 1.05),
              ("2018-05-15", 540, 4.4, 139, 3.40, 1.02, 118, 68, 60.2, 0.98),
              ("2019-04-09", 410, 4.7, 136, 1.95, 1.05, 116, 66, 59.8, 0.91),
              ("2020-04-14", 380, 4.8, 137, 2.30, 1.10, 112, 64, 58.4, 0.86),
              ("2021-04-13", 455, 5.0, 135, 4.90, 1.12, 114, 66, 57.9, 0.80),
              ("2022-04-12", 690, 4.9, 134, 3.10, 1.18, 110, 62, 59.6, 0.76),
              ("2023-04-11", 820, 5.3, 133, 2.60, 1.24, 108, 60, 57.1, 0.71)]
    for d, bnp, k, na, tsh, cr, s, di, w, fev1 in yearly:
        e = c.encounter("AMB", d, type_code="185349003", type_display="Encounter for check up (procedure)",
                        reasons=[icd("I50.22", "Chronic systolic (congestive) heart failure")], pract=pcp)
        c.vitals(d, e, s, di, j(68, 4, 0), w, H)
        c.obs("spo2", d, j(92, 1, 0), e, interp=False)
        c.obs("bnp", d, bnp, e)
        c.obs("k", d, k, e)
        c.obs("na", d, na, e)
        c.obs("tsh", d, tsh, e)
        c.obs("creat", d, cr, e, hi=1.1, lo=0.5)
        c.obs("hgb", d, j(12.6, 0.4, 1), e)
        c.obs("fev1", d, fev1, e, interp=False)
    c.obs("lvef", "2016-03-22", 30, None)

    # 2020-12 ED visit for COPD exacerbation, treated and released
    e = c.encounter("EMER", "2020-12-28", type_code="50849002",
                    type_display="Emergency room admission (procedure)",
                    reasons=[icd("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation")],
                    start_time="14:05", end_time="21:30", location="Emergency Department")
    ex1 = c.condition(ICD, "J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation",
                      "2020-12-28", abate="2021-01-15", enc=e, category="encounter-diagnosis")
    c.obs("spo2", "2020-12-28", 86, e, interp=False, time="14:10")
    c.med("312615", "predniSONE 20 MG Oral Tablet", "2020-12-28", status="completed", end="2021-01-01",
          reason_ref=ex1, dose="40 mg by mouth daily for 5 days", enc=e)
    c.med("308460", "azithromycin 250 MG Oral Tablet", "2020-12-28", status="completed", end="2021-01-01",
          reason_ref=ex1, dose="500 mg on day 1 then 250 mg daily on days 2-5 (Z-Pak)", enc=e)

    # 2019 complete heart block -> transferred in -> pacemaker
    chb = c.condition(ICD, "I44.2", "Atrioventricular block, complete", "2019-08-13",
                      snomed=("27885002", "Complete atrioventricular block (disorder)"))
    adm = c.encounter("IMP", "2019-08-13", "2019-08-16", type_code="32485007",
                      type_display="Hospital admission (procedure)",
                      reasons=[icd("I44.2", "Atrioventricular block, complete")], admit="hosp-trans",
                      disch="home", pract=hfdoc, start_time="22:10", end_time="12:00",
                      location="Cardiac care unit")
    pm = c.device("14106009", "Cardiac pacemaker, device (physical object)",
                  "Dual-chamber permanent pacemaker", "Medtronic", "Azure XT DR MRI",
                  implanted="2019-08-14")
    c.proc("307280005", "Implantation of cardiac pacemaker (procedure)", "2019-08-14", enc=adm,
           reason_ref=chb, device=pm)
    c.note("18842-5", "Discharge summary", "2019-08-16", "Discharge summary",
           """Transferred on 2019-08-13 from Millbrook Community Hospital where she presented after
a syncopal episode at home; ECG there showed complete heart block with ventricular rate 34.
Temporary transvenous wire placed before transfer. Dual-chamber permanent pacemaker (Medtronic
Azure) implanted 2019-08-14 without complication. Discharged home 2019-08-16. Device check in 2 weeks.""",
           enc=adm, author=hfdoc)

    # 2022-01 pneumonia admission via ED -> discharged to SNF
    ed = c.encounter("EMER", "2022-01-05", type_code="50849002",
                     type_display="Emergency room admission (procedure)",
                     reasons=[sct("267036007", "Dyspnea (finding)")], start_time="09:20", end_time="13:40")
    pna = c.condition(ICD, "J18.9", "Pneumonia, unspecified organism", "2022-01-05", abate="2022-02-02",
                      enc=ed, category="encounter-diagnosis")
    adm = c.encounter("IMP", "2022-01-05", "2022-01-11", type_code="183452005",
                      type_display="Emergency hospital admission (procedure)",
                      reasons=[icd("J18.9", "Pneumonia, unspecified organism")], admit="emd", disch="snf",
                      pract=pulm, start_time="13:45", end_time="15:00", location="Medical ward 4B")
    c.obs("spo2", "2022-01-05", 84, ed, interp=False, time="09:25")
    c.obs("wbc", "2022-01-05", 16.2, ed)
    c.obs("temp", "2022-01-05", 38.6, ed, interp=False)
    c.med("311296", "levofloxacin 750 MG Oral Tablet", "2022-01-05", status="completed", end="2022-01-11",
          reason_ref=pna, dose="750 mg daily for 7 days", enc=adm, category="inpatient")
    c.med("1361615", "heparin sodium, porcine 5000 UNT/ML Injectable Solution", "2022-01-05",
          status="completed", end="2022-01-11", dose="5000 units subcutaneously every 8 hours "
          "(VTE prophylaxis)", enc=adm, category="inpatient")
    c.note("18842-5", "Discharge summary", "2022-01-11", "Discharge summary",
           """Admitted via the emergency department 2022-01-05 with right lower lobe pneumonia,
SpO2 84% on room air, WBC 16.2. Treated with levofloxacin. Required 3 L nasal cannula oxygen.
Deconditioned; discharged 2022-01-11 to Birchwood Skilled Nursing Facility for short-term rehab.
Home oxygen 2 L/min at rest arranged at SNF discharge.""", enc=adm, author=pulm)
    o2 = c.device("426160001", "Home oxygen concentrator (physical object)", "Home oxygen concentrator",
                  "Inogen", "Inogen At Home 5L", implanted="2022-02-01")
    c.proc("57485005", "Oxygen therapy (procedure)", "2022-02-01", reason_ref=copd, device=o2)

    # furosemide increase
    e = c.encounter("AMB", "2022-06-14", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("I50.22", "Chronic systolic (congestive) heart failure")], pract=hfdoc)
    c.vitals("2022-06-14", e, 124, 70, 72, 63.4, H)
    c.obs("bnp", "2022-06-14", 1210, e)
    c.med("313989", "furosemide 80 MG Oral Tablet", "2022-06-14", status="stopped", end="2024-03-18",
          status_reason="Patient deceased", reason_ref=hf, dose="80 mg by mouth every morning", enc=e,
          pract=hfdoc)

    # 2023-02 COPD exacerbation: direct admission arranged by the primary care physician
    ex2_enc = c.encounter("IMP", "2023-02-07", "2023-02-12", type_code="32485007",
                          type_display="Hospital admission (procedure)",
                          reasons=[icd("J44.1", "Chronic obstructive pulmonary disease with (acute) "
                                   "exacerbation")], admit="gp", disch="home", pract=pulm,
                          location="Medical ward 4B")
    ex2 = c.condition(ICD, "J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation",
                      "2023-02-07", abate="2023-03-01", enc=ex2_enc, category="encounter-diagnosis")
    c.med("312615", "predniSONE 20 MG Oral Tablet", "2023-02-07", status="completed", end="2023-02-11",
          reason_ref=ex2, dose="40 mg by mouth daily for 5 days", enc=ex2_enc, category="inpatient")
    c.med("1649987", "doxycycline hyclate 100 MG Oral Tablet", "2023-02-07", status="completed",
          end="2023-02-13", reason_ref=ex2, dose="100 mg twice daily for 7 days", enc=ex2_enc)
    c.obs("spo2", "2023-02-07", 85, ex2_enc, interp=False)
    c.note("18842-5", "Discharge summary", "2023-02-12", "Discharge summary",
           """Direct admission 2023-02-07 arranged by her primary care physician after a clinic visit
for worsening breathlessness and green sputum (COPD exacerbation). Prednisone 40 mg x5 days and
doxycycline. Nebulised bronchodilators. Back to baseline 2 L oxygen. Discharged home 2023-02-12.""",
           enc=ex2_enc, author=pulm)

    # spironolactone stopped for hyperkalemia
    e = c.encounter("AMB", "2023-07-11", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("E87.5", "Hyperkalemia")], pract=hfdoc)
    c.obs("k", "2023-07-11", 5.9, e)
    c.obs("creat", "2023-07-11", 1.41, e, hi=1.1, lo=0.5)
    c.obs("na", "2023-07-11", 131, e)
    hyperk = c.condition(ICD, "E87.5", "Hyperkalemia", "2023-07-11", abate="2023-08-08", enc=e,
                         category="encounter-diagnosis")
    e2 = c.encounter("AMB", "2023-08-08", type_code="185389009", type_display="Follow-up visit (procedure)",
                     reasons=[icd("I50.22", "Chronic systolic (congestive) heart failure")], pract=hfdoc)
    c.obs("k", "2023-08-08", 4.8, e2)
    c.obs("na", "2023-08-08", 128, e2)
    hypona = c.condition(ICD, "E87.1", "Hypo-osmolality and hyponatremia", "2023-08-08",
                         abate="2023-10-10", enc=e2, category="encounter-diagnosis")
    c.obs("na", "2023-10-10", 134, None)
    c.note("11488-4", "Consult note", "2023-07-11", "Heart failure clinic note",
           """Potassium 5.9 mmol/L today (was 5.3 in April); creatinine 1.41.
Stop spironolactone. Low-potassium diet sheet given. Continue Entresto 24/26 twice daily,
carvedilol 12.5 mg twice daily and furosemide 80 mg. Repeat labs in 4 weeks.
NYHA class III. Weight 58.2 kg.""", enc=e, author=hfdoc)

    # hearing aid
    ha = c.device("6012004", "Hearing aid, device (physical object)", "Behind-the-ear hearing aids (bilateral)",
                  "Phonak", "Audeo Paradise P90", implanted="2017-09-12")
    c.proc("45863008", "Fitting of hearing aid (procedure)", "2017-09-12", reason_ref=hl, device=ha)

    # final admission and death
    ed = c.encounter("EMER", "2024-03-10", type_code="50849002",
                     type_display="Emergency room admission (procedure)",
                     reasons=[sct("267036007", "Dyspnea (finding)")], start_time="03:15", end_time="07:00")
    adhf = c.condition(ICD, "I50.23", "Acute on chronic systolic (congestive) heart failure", "2024-03-10",
                       enc=ed, category="encounter-diagnosis")
    c.obs("bnp", "2024-03-10", 3860, ed, time="03:40")
    c.obs("na", "2024-03-10", 126, ed, time="03:40")
    c.obs("k", "2024-03-10", 5.4, ed, time="03:40")
    c.obs("creat", "2024-03-10", 2.05, ed, time="03:40", hi=1.1, lo=0.5)
    c.obs("spo2", "2024-03-10", 81, ed, interp=False, time="03:20")
    adm = c.encounter("IMP", "2024-03-10", "2024-03-18", type_code="183452005",
                      type_display="Emergency hospital admission (procedure)",
                      reasons=[icd("I50.23", "Acute on chronic systolic (congestive) heart failure")],
                      admit="emd", disch="exp", pract=hfdoc, start_time="07:10", end_time="04:12",
                      location="Cardiac care unit")
    c.med("1719286", "furosemide 10 MG/ML Injectable Solution", "2024-03-10", status="completed",
          end="2024-03-15", reason_ref=adhf, dose="80 mg IV twice daily", enc=adm, category="inpatient")
    c.med("1361615", "heparin sodium, porcine 5000 UNT/ML Injectable Solution", "2024-03-10",
          status="completed", end="2024-03-15", dose="5000 units subcutaneously every 8 hours", enc=adm,
          category="inpatient")
    c.med("1247761", "morphine sulfate 2 MG/ML Injectable Solution", "2024-03-15", status="completed",
          end="2024-03-18", dose="1-2 mg IV every 2 hours as needed for dyspnea/comfort", enc=adm,
          category="inpatient", prn=True)
    c.careplan("Comfort-focused care", "182964004", "Terminal care", "2024-03-15", end="2024-03-18",
               status="completed", addresses=[adhf],
               activities=[("385763009", "Hospice care (regime/therapy)", "completed"),
                           ("304253006", "Not for resuscitation (finding)", "completed")])
    c.obs_coded("69453-9", "Cause of death [US Standard Certificate of Death]", "2024-03-18", ICD, "I50.23",
                "Acute on chronic systolic (congestive) heart failure", cat="exam", enc=adm)
    c.note("18842-5", "Discharge summary", "2024-03-18", "Death summary",
           """Admitted 2024-03-10 via the emergency department with acute on chronic systolic heart
failure (BNP 3860, sodium 126, creatinine 2.05) on a background of severe COPD (GOLD 3).
Poor response to IV diuresis with worsening renal function. Family meeting 2024-03-15 with her
son (health care proxy): transitioned to comfort care, DNR/DNI. Morphine for dyspnea.
Patient died peacefully on 2024-03-18 at 04:12 with family present.
Cause of death: acute on chronic systolic heart failure. Contributing: COPD.""", enc=adm, author=hfdoc)

    c.note("11488-4", "Consult note", "2021-04-13", "Pulmonology consult",
           """COPD GOLD 3 (FEV1 0.80 L, 42% predicted). Former smoker, about 50 pack-years, quit 2009.
mMRC dyspnea grade 3. Continue Spiriva Respimat and Symbicort 160/4.5; ProAir as needed.
Pulmonary rehabilitation recommended; patient declined due to transport. Inhaler technique good.""",
           author=pulm)

    for d, code, disp in [("2015-10-13", "141", "Influenza, seasonal, injectable"),
                          ("2016-10-11", "141", "Influenza, seasonal, injectable"),
                          ("2017-10-10", "135", "Influenza, high dose seasonal"),
                          ("2018-10-16", "135", "Influenza, high dose seasonal"),
                          ("2019-10-15", "197", "influenza, high-dose, quadrivalent"),
                          ("2020-10-13", "197", "influenza, high-dose, quadrivalent"),
                          ("2021-10-12", "197", "influenza, high-dose, quadrivalent"),
                          ("2022-10-18", "197", "influenza, high-dose, quadrivalent"),
                          ("2023-10-17", "197", "influenza, high-dose, quadrivalent")]:
        c.imm(code, disp, d)
    c.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2010-10-19")
    c.imm("133", "Pneumococcal conjugate PCV 13", "2016-10-11", site="RD")
    c.imm("121", "zoster vaccine, live", "2012-05-08")
    c.imm("113", "Td (adult) preservative free", "2014-06-03")
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-01-28",
          dose_no=1)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-02-25",
          dose_no=2)

    c.allergy(RXN, "7980", "penicillin G", "medication", "high",
              [("247472004", "Wheal (finding)"), ("39579001", "Anaphylaxis (disorder)")], "1971-07-01",
              severity="severe", note="Throat swelling and hives after penicillin injection, 1971.")
    c.allergy(SCT, "111088007", "Latex (substance)", "environment", "low",
              [("40275004", "Contact dermatitis (disorder)")], "2005-03-15")

    c.family("MTH", "mother", "female", [(ICD, "C50.919", "Malignant neoplasm of unspecified site of "
                                          "unspecified female breast", 66, True)], deceased=71)
    c.family("BRO", "brother", "male", [(ICD, "J44.9", "Chronic obstructive pulmonary disease, unspecified",
                                         60, False)])
    g = c.goal("Daily weights; call heart failure clinic if weight rises more than 1 kg in a day "
               "or 2 kg in a week", addresses=[hf])
    c.careplan("Heart failure self-management", "735984001", "Heart failure self management plan",
               "2016-03-22", status="revoked", addresses=[hf], goals=[g],
               activities=[("183063000", "Low salt diet education", "completed"),
                           ("698472009", "Fluid restriction", "in-progress")])


# =====================================================================================
# Template 3: young woman -- type 1 diabetes with insulin pump + CGM, DKA admission, Hashimoto
# (levothyroxine dose change), depression (SSRI switch), migraine, asthma, celiac, pregnancy and
# delivery, IUD, virtual visits, peanut anaphylaxis.
# =====================================================================================
def template_t1d_young(c):
    c.make_patient("female", "1991-06-23", marital="M")
    endo = c.practitioner("Fairweather", "Celeste")
    psych = c.practitioner("Nakagawa-Byrne", "Oren")
    ob = c.practitioner("Ilunga", "Rosalind")
    j = c.jit

    asthma = c.condition(ICD, "J45.20", "Mild intermittent asthma, uncomplicated", "1998-09-01",
                         snomed=("427679007", "Mild intermittent asthma (disorder)"))
    t1 = c.condition(ICD, "E10.9", "Type 1 diabetes mellitus without complications", "2003-02-11",
                     snomed=("46635009", "Diabetes mellitus type 1 (disorder)"))
    mig = c.condition(ICD, "G43.009", "Migraine without aura, not intractable, without status migrainosus",
                      "2012-04-17")
    hashi = c.condition(ICD, "E06.3", "Autoimmune thyroiditis", "2015-09-29",
                        snomed=("21983002", "Hashimoto thyroiditis (disorder)"))
    celiac = c.condition(ICD, "K90.0", "Celiac disease", "2016-11-08",
                         snomed=("396331005", "Celiac disease (disorder)"))
    mdd = c.condition(ICD, "F33.1", "Major depressive disorder, recurrent, moderate", "2017-03-02")
    c.smoking("2016-11-08", "266919005", "Never smoked tobacco (finding)")

    c.med("261542", "insulin glargine 100 UNT/ML Injectable Solution [Lantus]", "2010-01-12",
          status="stopped", end="2018-06-05", status_reason="Transitioned to insulin pump therapy",
          reason_ref=t1, dose="22 units subcutaneously at bedtime", pract=endo)
    c.med("1652646", "insulin aspart 100 UNT/ML Injectable Solution [NovoLog]", "2010-01-12",
          reason_ref=t1, dose="Via insulin pump: basal 0.85 units/hr; bolus 1 unit:10 g carbohydrate",
          pract=endo)
    c.med("745679", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler [Ventolin HFA]", "2014-03-04",
          reason_ref=asthma, dose="2 puffs every 4 hours as needed for wheeze or before exercise",
          prn=True)
    c.med("313207", "sumatriptan 50 MG Oral Tablet [Imitrex]", "2012-04-17", reason_ref=mig,
          dose="50 mg at migraine onset; may repeat once after 2 hours; max 200 mg/day", prn=True)
    c.med("2047647", "glucagon 3 MG/ACTUAT Nasal Powder [Baqsimi]", "2019-11-06", reason_ref=t1,
          dose="3 mg intranasally once for severe hypoglycemia", prn=True, pract=endo)
    lt50 = c.med("966247", "levothyroxine sodium 0.05 MG Oral Tablet", "2015-09-29", status="stopped",
                 end="2023-08-15", status_reason="Dose increased to 75 mcg (postpartum TSH 6.8)",
                 reason_ref=hashi, dose="50 mcg by mouth every morning", pract=endo)
    c.med("966222", "levothyroxine sodium 0.075 MG Oral Tablet", "2023-08-15", reason_ref=hashi,
          dose="75 mcg by mouth every morning", pract=endo)
    c.med("312940", "sertraline 50 MG Oral Tablet [Zoloft]", "2017-03-02", status="stopped",
          end="2018-01-16", status_reason="Side effects: sexual dysfunction and insomnia",
          reason_ref=mdd, dose="50 mg by mouth daily", pract=psych)
    c.med("351249", "escitalopram 10 MG Oral Tablet [Lexapro]", "2018-01-16", reason_ref=mdd,
          dose="10 mg by mouth daily", pract=psych)

    # labs over time
    a1cs = [("2016-11-08", 8.2), ("2017-05-09", 8.6), ("2017-11-14", 8.9), ("2018-05-15", 8.1),
            ("2018-11-13", 7.6), ("2019-05-14", 7.9), ("2020-05-12", 7.3), ("2020-11-10", 7.1),
            ("2021-05-11", 7.0), ("2021-11-09", 6.9), ("2022-05-10", 6.8), ("2022-11-08", 6.2),
            ("2023-02-14", 6.0), ("2023-11-14", 7.2), ("2024-05-14", 7.4), ("2024-11-12", 7.1),
            ("2025-05-13", 6.9), ("2025-11-11", 6.7)]
    tsh = {"2016-11-08": 3.10, "2018-05-15": 2.40, "2020-05-12": 1.90, "2022-05-10": 2.20,
           "2023-08-15": 6.80, "2023-11-14": 3.30, "2024-11-12": 2.10, "2025-11-11": 1.80}
    encs = {}
    for d, v in a1cs:
        cls = "VR" if d[:4] in ("2020", "2021") else "AMB"
        e = c.encounter(cls, d, type_code="448337001" if cls == "VR" else "185389009",
                        type_display="Telemedicine consultation with patient (procedure)" if cls == "VR"
                        else "Follow-up visit (procedure)",
                        reasons=[icd("E10.9", "Type 1 diabetes mellitus without complications")], pract=endo)
        encs[d] = e
        c.obs("a1c", d, v, e)
        if cls == "AMB":
            c.bp(d, j(112, 4, 0), j(72, 3, 0), e)
            c.obs("weight", d, j(61.0, 1.0, 1), e, interp=False)
        if d in tsh:
            c.obs("tsh", d, tsh[d], e)
    e = c.encounter("AMB", "2023-08-15", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("E06.3", "Autoimmune thyroiditis")], pract=endo)
    c.obs("tsh", "2023-08-15", tsh["2023-08-15"], e)
    c.obs("tsh", "2015-09-29", 9.40, None)
    c.obs("ttg", "2016-11-08", 86.0, encs["2016-11-08"])
    c.obs("ttg", "2018-05-15", 12.5, encs["2018-05-15"])
    c.obs("ttg", "2021-05-11", 2.1, encs["2021-05-11"])
    for d in ("2017-11-14", "2020-11-10", "2024-11-12"):
        c.obs("uacr", d, j(9, 3, 0), encs[d])
        c.obs("ldl", d, j(92, 8, 0), encs[d])

    # pump + CGM
    e = c.encounter("AMB", "2018-06-05", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("E10.9", "Type 1 diabetes mellitus without complications")], pract=endo)
    pump = c.device("69805005", "Insulin pump, device (physical object)", "t:slim X2 insulin pump",
                    "Tandem Diabetes Care", "t:slim X2 with Control-IQ", implanted="2018-06-05")
    cgm = c.device("462223000", "Continuous glucose monitoring system (physical object)",
                   "Dexcom G6 continuous glucose monitor", "Dexcom", "G6", implanted="2018-06-05")
    c.proc("386317007", "Insulin pump start (procedure)", "2018-06-05", enc=e, reason_ref=t1, device=pump)
    c.proc("714812005", "Application of continuous glucose monitoring sensor (procedure)", "2018-06-05",
           enc=e, reason_ref=t1, device=cgm)
    c.note("11506-3", "Progress note", "2018-06-05", "Endocrinology note - pump start",
           """Pump start today: Tandem t:slim X2 with Dexcom G6 CGM. Lantus discontinued (last dose
last night at 22 units). NovoLog via pump: basal 0.85 units/hr, insulin-to-carb 1:10,
correction 1:45 above 120 mg/dL. Reviewed site changes every 3 days and DKA sick-day rules.""",
           enc=e, author=endo)

    # DKA 2019 via ED
    ed = c.encounter("EMER", "2019-11-03", type_code="50849002",
                     type_display="Emergency room admission (procedure)",
                     reasons=[sct("422587007", "Nausea (finding)"), sct("422400008", "Vomiting (disorder)")],
                     start_time="02:30", end_time="06:00")
    dka = c.condition(ICD, "E10.10", "Type 1 diabetes mellitus with ketoacidosis without coma",
                      "2019-11-03", abate="2019-11-06", enc=ed, category="encounter-diagnosis")
    c.obs("glucose", "2019-11-03", 486, ed, time="02:45")
    c.obs("bicarb", "2019-11-03", 9, ed, time="02:45")
    c.obs("bhb", "2019-11-03", 6.2, ed, time="02:45")
    c.obs("k", "2019-11-03", 5.6, ed, time="02:45")
    c.obs("a1c", "2019-11-03", 9.8, ed, time="02:45")
    adm = c.encounter("IMP", "2019-11-03", "2019-11-06", type_code="183452005",
                      type_display="Emergency hospital admission (procedure)",
                      reasons=[icd("E10.10", "Type 1 diabetes mellitus with ketoacidosis without coma")],
                      admit="emd", disch="home", pract=endo, start_time="06:10", end_time="11:00",
                      location="Medical intensive care unit")
    c.med("311034", "insulin regular, human 100 UNT/ML Injectable Solution", "2019-11-03",
          status="completed", end="2019-11-04", reason_ref=dka, dose="IV infusion per DKA protocol",
          enc=adm, category="inpatient")
    c.note("18842-5", "Discharge summary", "2019-11-06", "Discharge summary",
           """Admitted via the ED 2019-11-03 with diabetic ketoacidosis (glucose 486, bicarbonate 9,
beta-hydroxybutyrate 6.2). Precipitant: pump infusion-site failure (kinked cannula) overnight with
a gastroenteritis illness. ICU for insulin infusion, transitioned back to pump 2019-11-04.
Discharged home 2019-11-06. Prescribed nasal glucagon (Baqsimi). Reinforced sick-day rules.""",
           enc=adm, author=endo)

    # psych telehealth + PHQ-9
    for d, score in [("2017-03-02", 17), ("2017-09-12", 13), ("2018-01-16", 15), ("2018-07-17", 9),
                     ("2019-07-16", 7), ("2021-03-09", 5), ("2023-06-20", 12), ("2024-06-18", 6),
                     ("2025-06-17", 4)]:
        cls = "VR" if d >= "2020" else "AMB"
        e = c.encounter(cls, d, type_code="448337001" if cls == "VR" else "185389009",
                        type_display="Telemedicine consultation with patient (procedure)" if cls == "VR"
                        else "Follow-up visit (procedure)",
                        reasons=[icd("F33.1", "Major depressive disorder, recurrent, moderate")], pract=psych)
        c.obs("phq9", d, score, e)
        if d == "2018-01-16":
            c.note("11506-3", "Progress note", d, "Psychiatry follow-up",
                   """On sertraline 50 mg since March 2017. Mood partly improved (PHQ-9 15) but reports
decreased libido and early-morning waking she finds intolerable. Switch to escitalopram
(Lexapro) 10 mg daily; stop sertraline. Safety plan reviewed; no suicidal ideation.""",
                   enc=e, author=psych)
        if d == "2023-06-20":
            c.note("11506-3", "Progress note", d, "Psychiatry telehealth visit",
                   """Video visit, 6 weeks postpartum. PHQ-9 12, EPDS 13. Sleep fragmented with newborn.
Continue escitalopram 10 mg (compatible with breastfeeding). Weekly therapy with perinatal
counselor. Partner supportive. No thoughts of self-harm.""", enc=e, author=psych)

    # pregnancy and delivery
    preg = c.condition(ICD, "Z33.1", "Pregnant state, incidental", "2022-09-06", abate="2023-05-09",
                       snomed=("72892002", "Normal pregnancy (finding)"))
    e = c.encounter("AMB", "2022-09-06", type_code="424441002", type_display="Prenatal initial visit (regime/therapy)",
                    reasons=[icd("Z34.01", "Encounter for supervision of normal first pregnancy, first trimester")],
                    pract=ob)
    c.obs_coded("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", "2022-09-06", SCT,
                "10828004", "Positive (qualifier value)", enc=e)
    c.med("1092300", "prenatal multivitamin with folic acid 1 MG Oral Tablet", "2022-09-06",
          status="completed", end="2023-08-15", reason_ref=preg, dose="1 tablet by mouth daily", enc=e,
          pract=ob)
    e = c.encounter("AMB", "2023-01-17", type_code="424619006", type_display="Prenatal visit (regime/therapy)",
                    reasons=[icd("N39.0", "Urinary tract infection, site not specified")], pract=ob)
    uti = c.condition(ICD, "O23.43", "Unspecified infection of urinary tract in pregnancy, third trimester",
                      "2023-01-17", abate="2023-01-24", enc=e, category="encounter-diagnosis")
    c.med("1648759", "nitrofurantoin monohydrate/macrocrystals 100 MG Oral Capsule [Macrobid]", "2023-01-17",
          status="completed", end="2023-01-24", reason_ref=uti, dose="100 mg twice daily for 7 days", enc=e,
          pract=ob)
    c.imm("115", "Tdap", "2023-02-14", enc=encs["2023-02-14"])
    adm = c.encounter("IMP", "2023-05-08", "2023-05-10", type_code="183460006",
                      type_display="Obstetric emergency hospital admission (procedure)",
                      reasons=[icd("O80", "Encounter for full-term uncomplicated delivery")], admit="outp",
                      disch="home", pract=ob, start_time="16:20", end_time="12:00", location="Labor and delivery")
    c.proc("48782003", "Delivery normal (procedure)", "2023-05-09", enc=adm, reason_ref=preg)
    c.note("18842-5", "Discharge summary", "2023-05-10", "Obstetric discharge summary",
           """Sent up from the outpatient OB clinic 2023-05-08 at 39+2 weeks with regular contractions.
Insulin pump continued with endocrine guidance during labor. Spontaneous vaginal delivery of a
healthy girl 2023-05-09, 3.41 kg, Apgars 8 and 9. Estimated blood loss 350 mL.
Pump basal reduced to pre-pregnancy settings postpartum. Discharged home 2023-05-10.""",
           enc=adm, author=ob)
    e = c.encounter("AMB", "2023-07-11", type_code="169762003", type_display="Postnatal visit (regime/therapy)",
                    reasons=[icd("Z30.430", "Encounter for insertion of intrauterine contraceptive device")],
                    pract=ob)
    iud = c.device("268460000", "Intrauterine contraceptive device (physical object)", "Mirena IUD",
                   "Bayer HealthCare", "Mirena 52 mg", implanted="2023-07-11")
    c.med("807283", "levonorgestrel 0.0208 MG/DAY Intrauterine System [Mirena]", "2023-07-11",
          status="completed", end="2023-07-11", dose="Inserted in clinic; effective 8 years", enc=e, pract=ob)
    c.proc("65200003", "Insertion of intrauterine contraceptive device", "2023-07-11", enc=e, device=iud)

    for d in ["2016-10-18", "2017-10-17", "2018-10-16", "2019-10-22", "2020-10-20", "2021-10-19",
              "2022-10-18", "2023-10-17", "2024-10-22", "2025-10-14"]:
        c.imm("150", "Influenza, injectable, quadrivalent, preservative free", d)
    for i, d in enumerate(["2007-09-04", "2007-11-06", "2008-03-04"]):
        c.imm("62", "HPV, quadrivalent", d, dose_no=i + 1)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-04-06",
          dose_no=1)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-05-04",
          dose_no=2)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-12-14",
          dose_no=3)
    c.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2010-03-09")

    c.allergy(SCT, "762952008", "Peanut (substance)", "food", "high",
              [("39579001", "Anaphylaxis (disorder)"), ("247472004", "Wheal (finding)")], "1996-05-20",
              severity="severe", note="Carries epinephrine auto-injector.")
    c.med("1870230", "epinephrine 0.3 MG/0.3ML Auto-Injector [EpiPen]", "2016-11-08",
          reason=(SCT, "91935009", "Allergy to peanut (finding)"),
          dose="0.3 mg into the outer thigh once for anaphylaxis; may repeat in 5-15 minutes", prn=True)
    c.allergy(SCT, "264287008", "Animal dander (substance)", "environment", "low",
              [("878820003", "Rhinoconjunctivitis (disorder)")], "2004-04-01", note="Cats.")
    c.allergy(SCT, "256679004", "Adhesive agent (substance)", "environment", "low",
              [("40275004", "Contact dermatitis (disorder)")], "2019-02-12",
              note="Skin irritation under pump infusion-set adhesive; uses barrier wipe.")

    c.family("MTH", "mother", "female", [(ICD, "E03.9", "Hypothyroidism, unspecified", 40, False)])
    c.family("FTH", "father", "male", [(ICD, "I10", "Essential (primary) hypertension", 50, False)])
    c.family("MGRFTH", "maternal grandfather", "male",
             [(ICD, "E10.9", "Type 1 diabetes mellitus without complications", 9, False)], deceased=70)
    g1 = c.goal("Hemoglobin A1c below 7.0%", measure=("4548-4", "Hemoglobin A1c", "<7.0 %"), addresses=[t1])
    g2 = c.goal("CGM time in range (70-180 mg/dL) above 70%", addresses=[t1])
    c.careplan("Type 1 diabetes care plan", "698360004", "Diabetes self management plan", "2018-06-05",
               addresses=[t1, celiac], goals=[g1, g2],
               activities=[("410200000", "Continuous subcutaneous insulin infusion education", "completed"),
                           ("160671006", "Gluten-free diet", "in-progress")])
    c.note("11506-3", "Progress note", "2025-11-11", "Endocrinology note",
           """A1c 6.7. Control-IQ on 96% of the time; CGM time in range 78%, time below 70 mg/dL 2%.
No severe hypoglycemia since 2019. Strict gluten-free diet; last tTG normal.
Levothyroxine 75 mcg, TSH 1.8. Retinal screen 2025-08 normal. Continue current pump settings.""",
           enc=encs["2025-11-11"], author=endo)


# =====================================================================================
# Template 4: man in his 60s -- STEMI transferred in for PCI with drug-eluting stent, DAPT course,
# high-intensity statin, beta blocker, ACE-i; provoked PE on rivaroxaban (completed) with heparin /
# enoxaparin; chronic back pain with opioid taper, gabapentin, naloxone; GERD PPI switch; gout;
# OSA with CPAP; hep B series; shellfish allergy; codeine intolerance.
# =====================================================================================
def template_cad_pe(c):
    c.make_patient("male", "1959-02-08", marital="D")
    pcp = c.practitioner("Haverkamp", "Jolie")
    card = c.practitioner("Sorensen-Obi", "Mateus")
    pain = c.practitioner("Rautio", "Glenna")
    H = 1.83
    j = c.jit

    back = c.condition(ICD, "M54.50", "Low back pain, unspecified", "2012-03-06",
                       snomed=("279039007", "Low back pain (finding)"))
    htn = c.condition(ICD, "I10", "Essential (primary) hypertension", "2013-05-14")
    hld = c.condition(ICD, "E78.5", "Hyperlipidemia, unspecified", "2015-01-20")
    gerd = c.condition(ICD, "K21.9", "Gastro-esophageal reflux disease without esophagitis", "2015-01-20")
    gout = c.condition(ICD, "M10.9", "Gout, unspecified", "2016-07-25",
                       snomed=("90560007", "Gout (disorder)"))
    osa = c.condition(ICD, "G47.33", "Obstructive sleep apnea (adult) (pediatric)", "2017-11-02")
    c.smoking("2015-01-20", "77176002", "Smoker (finding)")
    c.smoking("2020-01-14", "8517006", "Ex-smoker")

    c.med("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", "2018-02-13", status="stopped",
          end="2021-04-20", status_reason="Tapered off (opioid risk reduction; patient agreed)",
          reason_ref=back, dose="5 mg by mouth every 6 hours as needed for pain; max 4 per day",
          prn=True, pract=pain)
    c.med("310431", "gabapentin 300 MG Oral Capsule [Neurontin]", "2018-02-13", reason_ref=back,
          dose="300 mg by mouth three times daily", pract=pain)
    c.med("1725059", "naloxone hydrochloride 4 MG/ACTUAT Nasal Spray [Narcan]", "2018-02-13",
          dose="1 spray in one nostril for suspected opioid overdose; may repeat", prn=True, pract=pain)
    c.med("835603", "tramadol hydrochloride 50 MG Oral Tablet", "2021-04-20", reason_ref=back,
          dose="50 mg by mouth every 8 hours as needed for pain", prn=True, pract=pain)
    c.med("314077", "lisinopril 20 MG Oral Tablet", "2013-05-14", status="stopped", end="2019-10-05",
          status_reason="Dose reduced to 5 mg after myocardial infarction (low blood pressure)",
          reason_ref=htn, dose="20 mg by mouth daily", pract=pcp)
    c.med("617310", "atorvastatin 20 MG Oral Tablet", "2015-01-20", status="stopped", end="2019-10-05",
          status_reason="Intensified to atorvastatin 80 mg after myocardial infarction", reason_ref=hld,
          dose="20 mg by mouth daily", pract=pcp)
    c.med("198053", "omeprazole 20 MG Delayed Release Oral Capsule [Prilosec]", "2015-01-20",
          status="stopped", end="2019-10-05",
          status_reason="Changed to pantoprazole (clopidogrel interaction)", reason_ref=gerd,
          dose="20 mg by mouth daily before breakfast", pract=pcp)
    c.med("197320", "allopurinol 300 MG Oral Tablet", "2016-09-06", reason_ref=gout,
          dose="300 mg by mouth daily", pract=pcp)

    # gout flares
    for d in ("2016-07-25", "2024-02-19"):
        e = c.encounter("AMB", d, type_code="185345009", type_display="Encounter for symptom (procedure)",
                        reasons=[icd("M10.9", "Gout, unspecified")], pract=pcp)
        c.med("197541", "colchicine 0.6 MG Oral Tablet", d, status="completed",
              end={"2016-07-25": "2016-08-08", "2024-02-19": "2024-03-04"}[d], reason_ref=gout,
              dose="1.2 mg at onset then 0.6 mg one hour later, then 0.6 mg daily until flare resolves", enc=e)
        c.obs("uric", d, {"2016-07-25": 9.8, "2024-02-19": 7.9}[d], e)
    for d, v in [("2017-01-10", 7.6), ("2018-01-09", 6.4), ("2020-01-14", 5.9), ("2022-01-11", 5.6),
                 ("2024-05-07", 6.6), ("2025-05-06", 5.4)]:
        e = c.encounter("AMB", d, type_code="185349003", type_display="Encounter for check up (procedure)",
                        pract=pcp)
        c.obs("uric", d, v, e)
        c.vitals(d, e, j(132, 6, 0), j(80, 4, 0), j(70, 6, 0), j(112, 2, 1), H)
        c.obs("ldl", d, {"2017": 142, "2018": 151, "2020": 64, "2022": 71, "2024": 58, "2025": 52}[d[:4]], e)
        c.obs("alt", d, j(28, 5, 0), e)
        c.obs("creat", d, j(1.05, 0.05, 2), e)
        c.obs("a1c", d, {"2017": 5.8, "2018": 5.9, "2020": 6.0, "2022": 6.1, "2024": 6.2, "2025": 6.0}[d[:4]], e)

    # sleep study and CPAP
    e = c.encounter("AMB", "2017-11-02", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[sct("78104005", "Snoring (finding)")], location="Sleep laboratory")
    c.proc("60554003", "Polysomnography (procedure)", "2017-11-01", enc=e,
           reason=sct("78104005", "Snoring (finding)"))
    cpap = c.device("702172008", "Home continuous positive airway pressure unit (physical object)",
                    "CPAP machine", "ResMed", "AirSense 10 AutoSet", implanted="2017-12-05")
    c.proc("47545007", "Continuous positive airway pressure ventilation treatment (regime/therapy)",
           "2017-12-05", reason_ref=osa, device=cpap)
    c.note("11488-4", "Consult note", "2017-11-02", "Sleep medicine consult",
           """Overnight polysomnography 2017-11-01: AHI 32 events/hour (severe obstructive sleep
apnea), oxygen nadir 81%. Epworth sleepiness score 14.
Plan: auto-CPAP 8-14 cm H2O (ResMed AirSense 10) with nasal pillows; recheck adherence in 3 months.
Counselled on drowsy driving.""", enc=e)

    # STEMI: outside hospital -> transfer -> PCI
    stemi = c.condition(ICD, "I21.02", "ST elevation (STEMI) myocardial infarction involving left anterior "
                        "descending coronary artery", "2019-10-02", abate="2019-11-01",
                        snomed=("401303003", "Acute ST segment elevation myocardial infarction (disorder)"))
    cad = c.condition(ICD, "I25.10", "Atherosclerotic heart disease of native coronary artery without "
                      "angina pectoris", "2019-10-02",
                      snomed=("53741008", "Coronary arteriosclerosis (disorder)"))
    c.condition(ICD, "I25.2", "Old myocardial infarction", "2019-11-01")
    adm = c.encounter("IMP", "2019-10-02", "2019-10-05", type_code="32485007",
                      type_display="Hospital admission (procedure)",
                      reasons=[icd("I21.02", "ST elevation (STEMI) myocardial infarction involving left "
                                   "anterior descending coronary artery")],
                      admit="hosp-trans", disch="home", pract=card, start_time="05:55", end_time="13:00",
                      location="Cardiac care unit")
    for t, v in [("06:10", 1840), ("12:10", 9620), ("20:10", 6210)]:
        c.obs("trop", "2019-10-02", v, adm, time=t)
    c.obs("ck", "2019-10-02", 1580, adm, time="12:10")
    c.obs("k", "2019-10-02", 3.9, adm, time="06:10")
    c.obs("ldl", "2019-10-02", 138, adm, time="06:10")
    c.proc("33367005", "Angiography of coronary artery (procedure)", "2019-10-02", enc=adm, reason_ref=stemi)
    stent = c.device("705643001", "Coronary artery stent (physical object)",
                     "Drug-eluting coronary stent, LAD", "Boston Scientific", "SYNERGY XD 3.0 x 28 mm",
                     implanted="2019-10-02")
    c.proc("415070008", "Percutaneous coronary intervention (procedure)", "2019-10-02", enc=adm,
           reason_ref=stemi, device=stent, body=("33795007", "Structure of left anterior descending branch "
                                                 "of left coronary artery (body structure)"))
    c.proc("433236007", "Transthoracic echocardiography (procedure)", "2019-10-03", enc=adm, reason_ref=stemi)
    c.obs("lvef", "2019-10-03", 45, adm)
    c.med("1361615", "heparin sodium, porcine 5000 UNT/ML Injectable Solution", "2019-10-02",
          status="completed", end="2019-10-02", dose="Weight-based IV bolus during PCI", enc=adm,
          category="inpatient")
    c.med("243670", "aspirin 81 MG Delayed Release Oral Tablet", "2019-10-02", reason_ref=cad,
          dose="81 mg by mouth daily, indefinitely", enc=adm, pract=card)
    c.med("309362", "clopidogrel 75 MG Oral Tablet [Plavix]", "2019-10-02", status="completed",
          end="2020-10-02", reason_ref=stemi, dose="75 mg by mouth daily for 12 months after stent",
          enc=adm, pract=card)
    c.med("617318", "atorvastatin 80 MG Oral Tablet [Lipitor]", "2019-10-05", reason_ref=cad,
          dose="80 mg by mouth daily", enc=adm, pract=card)
    c.med("866427", "24 HR metoprolol succinate 25 MG Extended Release Oral Tablet [Toprol XL]", "2019-10-05",
          reason_ref=cad, dose="25 mg by mouth daily", enc=adm, pract=card)
    c.med("311353", "lisinopril 5 MG Oral Tablet", "2019-10-05", reason_ref=htn, dose="5 mg by mouth daily",
          enc=adm, pract=card)
    c.med("314200", "pantoprazole 40 MG Delayed Release Oral Tablet", "2019-10-05", reason_ref=gerd,
          dose="40 mg by mouth daily before breakfast", enc=adm, pract=card)
    c.med("312036", "nitroglycerin 0.4 MG Sublingual Tablet [Nitrostat]", "2019-10-05", reason_ref=cad,
          dose="0.4 mg under the tongue every 5 minutes as needed for chest pain, max 3 doses", prn=True,
          enc=adm, pract=card)
    c.note("18842-5", "Discharge summary", "2019-10-05", "Discharge summary - cardiology",
           """Transferred 2019-10-02 from Harlow Valley Hospital (no cath lab) with anterior STEMI,
chest pain onset 03:30. Door-to-balloon 52 minutes after arrival. Angiogram: 95% proximal LAD
stenosis; one drug-eluting stent (SYNERGY 3.0 x 28 mm) placed. Peak troponin I 9620 ng/L.
Echo: LVEF 45% with anterior hypokinesis. Discharged home 2019-10-05 on aspirin 81 mg indefinitely
and clopidogrel 75 mg for 12 months, atorvastatin 80 mg, metoprolol succinate 25 mg,
lisinopril reduced to 5 mg, pantoprazole instead of omeprazole. Cardiac rehab referral.
Smoking cessation advised - quit date set 2019-10-02.""", enc=adm, author=card)
    rehab_dates = ["2019-11-04", "2019-11-11", "2019-11-18", "2019-11-25", "2019-12-02", "2019-12-09",
                   "2019-12-16", "2020-01-06"]
    for d in rehab_dates:
        e = c.encounter("AMB", d, type_code="313421004", type_display="Cardiac rehabilitation (regime/therapy)",
                        reasons=[icd("I25.2", "Old myocardial infarction")], location="Cardiac rehabilitation")
        c.bp(d, j(124, 5, 0), j(76, 3, 0), e)
    g = c.goal("LDL cholesterol below 55 mg/dL", measure=("13457-7", "LDL cholesterol", "<55 mg/dL"),
               addresses=[cad])
    c.careplan("Cardiac rehabilitation and secondary prevention", "736372004",
               "Cardiac rehabilitation care plan", "2019-10-05", addresses=[cad], goals=[g],
               activities=[("313421004", "Cardiac rehabilitation", "completed"),
                           ("225323000", "Smoking cessation education", "completed"),
                           ("183063000", "Low salt diet education", "completed")])

    # PE 2022
    ed = c.encounter("EMER", "2022-06-14", type_code="50849002",
                     type_display="Emergency room admission (procedure)",
                     reasons=[sct("267036007", "Dyspnea (finding)"), sct("29857009", "Chest pain (finding)")],
                     start_time="18:20", end_time="23:10")
    c.obs("ddimer", "2022-06-14", 4.85, ed, time="18:50")
    c.obs("trop", "2022-06-14", 41, ed, time="18:50")
    c.obs("spo2", "2022-06-14", 89, ed, interp=False, time="18:25")
    c.obs("hr", "2022-06-14", 112, ed, interp=False, time="18:25")
    c.proc("418891003", "Computed tomography angiography of chest (procedure)", "2022-06-14", enc=ed,
           reason=sct("267036007", "Dyspnea (finding)"))
    pe = c.condition(ICD, "I26.99", "Other pulmonary embolism without acute cor pulmonale", "2022-06-14",
                     abate="2022-12-20", enc=ed,
                     snomed=("59282003", "Pulmonary embolism (disorder)"))
    dvt = c.condition(ICD, "I82.412", "Acute embolism and thrombosis of left femoral vein", "2022-06-14",
                      abate="2022-12-20", enc=ed)
    adm = c.encounter("IMP", "2022-06-14", "2022-06-17", type_code="183452005",
                      type_display="Emergency hospital admission (procedure)",
                      reasons=[icd("I26.99", "Other pulmonary embolism without acute cor pulmonale")],
                      admit="emd", disch="home", pract=pcp, start_time="23:15", end_time="11:00",
                      location="Medical ward 6A")
    c.proc("709991002", "Duplex ultrasound of vein of lower limb (procedure)", "2022-06-15", enc=adm,
           reason_ref=dvt)
    c.med("1361615", "heparin sodium, porcine 5000 UNT/ML Injectable Solution", "2022-06-14",
          status="completed", end="2022-06-15", reason_ref=pe, dose="IV infusion per weight-based protocol",
          enc=adm, category="inpatient")
    c.med("854245", "enoxaparin sodium 100 MG/ML Prefilled Syringe [Lovenox]", "2022-06-15",
          status="completed", end="2022-06-17", reason_ref=pe, dose="1 mg/kg subcutaneously every 12 hours",
          enc=adm, category="inpatient")
    c.med("1232086", "rivaroxaban 20 MG Oral Tablet [Xarelto]", "2022-06-17", status="completed",
          end="2022-12-20", reason_ref=pe, dose="15 mg twice daily for 21 days, then 20 mg daily with "
          "evening meal; planned 6 months", enc=adm, pract=pcp)
    c.note("18842-5", "Discharge summary", "2022-06-17", "Discharge summary",
           """Presented to the ED 2022-06-14 with pleuritic chest pain and breathlessness two days
after a 14-hour drive. D-dimer 4.85. CT pulmonary angiogram: bilateral segmental pulmonary emboli,
no right heart strain. Duplex: left femoral vein DVT. Provoked VTE (prolonged travel).
Heparin infusion then enoxaparin; discharged home 2022-06-17 on rivaroxaban (Xarelto) for 6 months.
Clopidogrel already completed; continue aspirin 81 mg - bleeding risk discussed.""", enc=adm)
    e = c.encounter("AMB", "2022-12-20", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("I26.99", "Other pulmonary embolism without acute cor pulmonale")], pract=pcp)
    c.obs("ddimer", "2022-12-20", 0.31, e)
    c.note("11506-3", "Progress note", "2022-12-20", "Primary care progress note",
           """Six months of rivaroxaban completed today; no bleeding. Symptom free. D-dimer 0.31.
Provoked event - stop rivaroxaban. Continue aspirin 81 mg for CAD.""", enc=e, author=pcp)

    # pain management telehealth
    e = c.encounter("VR", "2021-04-20", type_code="448337001",
                    type_display="Telemedicine consultation with patient (procedure)",
                    reasons=[icd("M54.50", "Low back pain, unspecified")], pract=pain)
    c.note("11506-3", "Progress note", "2021-04-20", "Pain management telehealth visit",
           """Video visit. Oxycodone taper completed (was 20 mg/day = 30 MME). Pain 5/10, function
stable; walking 20 minutes daily. PDMP reviewed - no other prescribers. Start tramadol 50 mg up to
three times daily as needed; continue gabapentin 300 mg three times daily.
Tramadol is also an opioid: keep Narcan nasal spray at home; partner shown how to use it.""", enc=e, author=pain)
    e = c.encounter("AMB", "2018-05-22", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("M54.16", "Radiculopathy, lumbar region")], pract=pain)
    c.proc("231249005", "Injection of steroid into lumbar epidural space (procedure)", "2018-05-22", enc=e,
           reason_ref=back)
    c.med("1116927", "methylPREDNISolone acetate 40 MG/ML Injectable Suspension [Depo-Medrol]", "2018-05-22",
          status="completed", end="2018-05-22", reason_ref=back, dose="80 mg epidural once", enc=e,
          category="outpatient", pract=pain)

    for d in ["2016-10-11", "2017-10-17", "2018-10-09", "2019-11-11", "2020-10-13", "2021-10-19",
              "2022-10-11", "2023-10-10", "2024-10-15", "2025-10-21"]:
        c.imm("150", "Influenza, injectable, quadrivalent, preservative free", d)
    c.imm("115", "Tdap", "2016-03-15")
    for i, d in enumerate(["2018-01-09", "2018-02-13", "2018-07-10"]):
        c.imm("43", "Hep B, adult", d, dose_no=i + 1)
    c.imm("187", "zoster recombinant", "2021-11-02", dose_no=1)
    c.imm("187", "zoster recombinant", "2022-01-11", dose_no=2)
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-04-01", dose_no=1)
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-04-22", dose_no=2)
    c.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", "2024-10-15",
          site="RD")

    c.allergy(RXN, "2670", "codeine", "medication", "low",
              [("422587007", "Nausea (finding)"), ("422400008", "Vomiting (disorder)")], "1998-06-01",
              atype="intolerance")
    c.allergy(SCT, "735029006", "Shellfish (substance)", "food", "high",
              [("247472004", "Wheal (finding)"), ("267038008", "Edema (finding)")], "2004-08-12",
              severity="moderate", note="Lip swelling and hives after shrimp.")
    c.family("BRO", "brother", "male", [(ICD, "I21.9", "Acute myocardial infarction, unspecified", 52, False)])
    c.family("FTH", "father", "male", [(ICD, "I25.10", "Atherosclerotic heart disease of native coronary "
                                        "artery without angina pectoris", 61, True)], deceased=67)
    c.family("MTH", "mother", "female", [(ICD, "C18.9", "Malignant neoplasm of colon, unspecified", 72,
                                          False)])


# =====================================================================================
# Template 5: woman in her 40s -- focal epilepsy (lamotrigine rash -> levetiracetam, lacosamide
# add-on after status epilepticus), rheumatoid arthritis (methotrexate + folic acid, prednisone
# taper, hydroxychloroquine stopped, adalimumab), anxiety (duloxetine), iron deficiency anemia,
# vitamin D deficiency, UTIs, total knee replacement via referral -> rehab, virtual visits.
# =====================================================================================
def template_epilepsy_ra(c):
    c.make_patient("female", "1976-08-30", marital="M")
    neuro = c.practitioner("Petrakis", "Anselm")
    rheum = c.practitioner("Moreau-Achebe", "Lucinda")
    pcp = c.practitioner("Tanaka-Hale", "Wendell")
    j = c.jit

    epi = c.condition(ICD, "G40.209", "Localization-related (focal) (partial) symptomatic epilepsy and "
                      "epileptic syndromes with complex partial seizures, not intractable, without status "
                      "epilepticus", "2005-04-12", snomed=("84757009", "Epilepsy (disorder)"))
    ra = c.condition(ICD, "M06.9", "Rheumatoid arthritis, unspecified", "2014-02-18",
                     snomed=("69896004", "Rheumatoid arthritis (disorder)"))
    gad = c.condition(ICD, "F41.1", "Generalized anxiety disorder", "2018-03-13")
    vitd = c.condition(ICD, "E55.9", "Vitamin D deficiency, unspecified", "2019-01-22", abate="2019-07-23")
    ida = c.condition(ICD, "D50.9", "Iron deficiency anemia, unspecified", "2021-03-16", abate="2022-03-15")
    oa = c.condition(ICD, "M17.11", "Unilateral primary osteoarthritis, right knee", "2020-09-15",
                     abate="2023-04-11")
    c.smoking("2014-02-18", "266919005", "Never smoked tobacco (finding)")

    c.med("198429", "lamotrigine 100 MG Oral Tablet [Lamictal]", "2005-04-12", status="stopped",
          end="2009-06-02", status_reason="Widespread rash with mucosal involvement; suspected SJS",
          reason_ref=epi, dose="100 mg by mouth twice daily", pract=neuro)
    c.allergy(RXN, "28439", "lamotrigine", "medication", "high",
              [("271807003", "Eruption of skin (disorder)"), ("73442001", "Stevens-Johnson syndrome (disorder)")],
              "2009-06-02", severity="severe", note="Do not rechallenge.")
    lev500 = c.med("311289", "levetiracetam 500 MG Oral Tablet [Keppra]", "2009-06-02", status="stopped",
                   end="2021-10-12", status_reason="Dose increased to 1000 mg twice daily after status "
                   "epilepticus", reason_ref=epi, dose="500 mg by mouth twice daily", pract=neuro)

    # RA
    e = c.encounter("AMB", "2014-02-18", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("M06.9", "Rheumatoid arthritis, unspecified")], pract=rheum)
    c.obs("rf", "2014-02-18", 88, e)
    c.obs("ccp", "2014-02-18", 212, e)
    c.obs("esr", "2014-02-18", 58, e)
    c.obs("crp", "2014-02-18", 31.4, e)
    c.med("312617", "predniSONE 5 MG Oral Tablet", "2014-02-18", status="completed", end="2014-05-13",
          reason_ref=ra, dose="15 mg daily, taper by 2.5 mg every 2 weeks to off", enc=e, pract=rheum)
    c.med("105585", "methotrexate 2.5 MG Oral Tablet", "2014-02-18", reason_ref=ra,
          dose="15 mg (6 tablets) by mouth once weekly on Mondays", enc=e, pract=rheum)
    c.med("310410", "folic acid 1 MG Oral Tablet", "2014-02-18",
          dose="1 mg by mouth daily except methotrexate day", enc=e, pract=rheum)
    c.med("979092", "hydroxychloroquine sulfate 200 MG Oral Tablet [Plaquenil]", "2014-02-18",
          status="stopped", end="2019-04-09", status_reason="Inadequate response; switched to adalimumab",
          reason_ref=ra, dose="200 mg by mouth twice daily", enc=e, pract=rheum)
    c.note("11488-4", "Consult note", "2014-02-18", "Rheumatology consult",
           """Six months of symmetric small-joint swelling of both hands and morning stiffness 90
minutes. RF 88, anti-CCP 212, ESR 58, CRP 31.4. Seropositive rheumatoid arthritis.
Start methotrexate 15 mg weekly with folic acid, hydroxychloroquine 200 mg twice daily, and a
prednisone taper from 15 mg. Baseline chest X-ray and hepatitis serologies negative.
Methotrexate does not interact significantly with levetiracetam.""", enc=e, author=rheum)
    ra_labs = [("2015-02-17", 34, 12.1, 24), ("2016-02-16", 29, 9.8, 31), ("2017-02-14", 31, 11.0, 27),
               ("2018-02-13", 36, 14.2, 29), ("2019-04-09", 41, 18.6, 33), ("2019-10-08", 22, 6.2, 29),
               ("2020-04-14", 18, 4.1, 26), ("2021-03-16", 16, 3.6, 58), ("2021-09-14", 14, 2.9, 30),
               ("2022-03-15", 12, 2.2, 25), ("2023-03-14", 15, 3.1, 27), ("2024-03-12", 11, 1.9, 24),
               ("2025-03-11", 10, 1.7, 26)]
    renc = {}
    for d, esr, crp, alt in ra_labs:
        cls = "VR" if d in ("2020-04-14",) else "AMB"
        e = c.encounter(cls, d, type_code="448337001" if cls == "VR" else "185389009",
                        type_display="Telemedicine consultation with patient (procedure)" if cls == "VR"
                        else "Follow-up visit (procedure)",
                        reasons=[icd("M06.9", "Rheumatoid arthritis, unspecified")], pract=rheum)
        renc[d] = e
        c.obs("esr", d, esr, e)
        c.obs("crp", d, crp, e)
        c.obs("alt", d, alt, e)
        c.obs("wbc", d, j(6.4, 1.0, 1), e)
        if cls == "AMB":
            c.bp(d, j(118, 5, 0), j(74, 4, 0), e)
    e = renc["2019-04-09"]
    c.med("1657986", "adalimumab 40 MG/0.4ML Auto-Injector [Humira]", "2019-04-09", reason_ref=ra,
          dose="40 mg subcutaneously every 14 days", enc=e, pract=rheum)
    c.proc("268556000", "Tuberculosis screening (procedure)", "2019-03-26", reason_ref=ra)
    c.obs_coded("71774-4", "Mycobacterium tuberculosis stimulated gamma interferon [Presence] in Blood",
                "2019-03-26", SCT, "260385009", "Negative (qualifier value)")
    c.note("11488-4", "Consult note", "2019-04-09", "Rheumatology follow-up",
           """Persistent synovitis of wrists and MCPs despite methotrexate 15 mg weekly and
hydroxychloroquine; ESR 41, CRP 18.6. DAS28-CRP 4.6 (moderate-high). QuantiFERON negative 2019-03-26.
Stop hydroxychloroquine. Start adalimumab (Humira) 40 mg every 2 weeks; continue methotrexate.
Avoid live vaccines. Shingrix recommended.""", enc=e, author=rheum)
    e = renc["2021-03-16"]
    c.note("11506-3", "Progress note", "2021-03-16", "Rheumatology follow-up",
           """ALT 58 U/L (twice upper limit); patient admits wine at a family celebration.
Hold methotrexate for 2 weeks, recheck ALT; if normal, resume 15 mg weekly.
Fatigue - hemoglobin 9.4, ferritin 6: iron deficiency; heavy menses. Start ferrous sulfate;
PCP to follow.""", enc=e, author=rheum)

    # anxiety
    e = c.encounter("AMB", "2018-03-13", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("F41.1", "Generalized anxiety disorder")], pract=pcp)
    c.med("596934", "duloxetine 60 MG Delayed Release Oral Capsule [Cymbalta]", "2018-03-13", reason_ref=gad,
          dose="30 mg daily for 1 week then 60 mg daily", enc=e, pract=pcp)

    # vitamin D
    e = c.encounter("AMB", "2019-01-22", type_code="185349003", type_display="Encounter for check up (procedure)",
                    pract=pcp)
    c.obs("vitd", "2019-01-22", 14, e)
    c.med("316965", "cholecalciferol 1.25 MG Oral Capsule", "2019-01-22", status="completed",
          end="2019-03-19", reason_ref=vitd, dose="50,000 units by mouth weekly for 8 weeks", enc=e, pract=pcp)
    e = c.encounter("AMB", "2019-07-23", type_code="185349003", type_display="Encounter for check up (procedure)",
                    pract=pcp)
    c.obs("vitd", "2019-07-23", 38, e)

    # anemia
    for d, hb, fer in [("2020-09-15", 11.6, 18), ("2021-03-16", 9.4, 6), ("2021-06-15", 10.8, 14),
                       ("2021-09-14", 12.1, 33), ("2022-03-15", 12.8, 46), ("2024-03-12", 13.1, 52)]:
        e = renc.get(d) or c.encounter("AMB", d, type_code="185389009",
                                       type_display="Follow-up visit (procedure)", pract=pcp)
        c.obs("hgb", d, hb, e)
        c.obs("ferritin", d, fer, e)
    c.med("310325", "ferrous sulfate 325 MG Oral Tablet", "2021-03-16", status="completed", end="2022-03-15",
          reason_ref=ida, dose="325 mg by mouth every other day", enc=renc["2021-03-16"], pract=rheum)

    # UTIs
    for d, ab in [("2020-07-21", ("1648755", "nitrofurantoin monohydrate/macrocrystals 100 MG Oral Capsule")),
                  ("2024-05-28", ("309309", "ciprofloxacin 500 MG Oral Tablet"))]:
        e = c.encounter("VR", d, type_code="448337001",
                        type_display="Telemedicine consultation with patient (procedure)",
                        reasons=[sct("49650001", "Dysuria (finding)")], pract=pcp)
        u = c.condition(ICD, "N30.00", "Acute cystitis without hematuria", d, enc=e,
                        abate={"2020-07-21": "2020-07-28", "2024-05-28": "2024-06-04"}[d],
                        category="encounter-diagnosis")
        c.med(ab[0], ab[1], d, status="completed",
              end={"2020-07-21": "2020-07-26", "2024-05-28": "2024-05-31"}[d], reason_ref=u,
              dose={"2020-07-21": "100 mg twice daily for 5 days",
                    "2024-05-28": "500 mg twice daily for 3 days"}[d], enc=e, pract=pcp)

    # seizures: ED -> admission (status epilepticus)
    ed = c.encounter("EMER", "2021-10-09", type_code="50849002",
                     type_display="Emergency room admission (procedure)",
                     reasons=[sct("91175000", "Seizure (finding)")], start_time="19:05", end_time="21:30",
                     location="Emergency Department")
    se = c.condition(ICD, "G40.201", "Localization-related (focal) (partial) symptomatic epilepsy and "
                     "epileptic syndromes with complex partial seizures, not intractable, with status "
                     "epilepticus", "2021-10-09", abate="2021-10-10", enc=ed, category="encounter-diagnosis",
                     snomed=("230456007", "Status epilepticus (disorder)"))
    c.med("1807452", "lorazepam 2 MG/ML Injectable Solution", "2021-10-09", status="completed",
          end="2021-10-09", reason_ref=se, dose="4 mg IV once, repeated once", enc=ed, category="inpatient")
    c.obs("lev", "2021-10-09", 3.1, ed, time="19:30")
    c.obs("glucose", "2021-10-09", 104, ed, time="19:30")
    c.obs("na", "2021-10-09", 137, ed, time="19:30")
    adm = c.encounter("IMP", "2021-10-09", "2021-10-12", type_code="183452005",
                      type_display="Emergency hospital admission (procedure)",
                      reasons=[sct("230456007", "Status epilepticus (disorder)")], admit="emd",
                      disch="home", pract=neuro, start_time="21:35", end_time="12:30",
                      location="Neuroscience ICU")
    c.proc("54550000", "Electroencephalogram (procedure)", "2021-10-10", enc=adm, reason_ref=se)
    c.proc("816077007", "Magnetic resonance imaging of brain (procedure)", "2021-10-10", enc=adm, reason_ref=se)
    c.med("311288", "levetiracetam 1000 MG Oral Tablet [Keppra]", "2021-10-12", reason_ref=epi,
          dose="1000 mg by mouth twice daily", enc=adm, pract=neuro)
    c.med("1011847", "lacosamide 100 MG Oral Tablet [Vimpat]", "2021-10-12", reason_ref=epi,
          dose="100 mg by mouth twice daily", enc=adm, pract=neuro)
    c.note("18842-5", "Discharge summary", "2021-10-12", "Discharge summary - neurology",
           """Brought by ambulance 2021-10-09 after a witnessed focal-to-bilateral tonic-clonic seizure
lasting over 5 minutes with a second seizure in the ED without recovery between (status epilepticus).
Lorazepam 4 mg IV x2 and IV levetiracetam load. Levetiracetam level on arrival 3.1 (low) - had run
out of Keppra 3 days earlier during a move. EEG: left temporal sharp waves, no ongoing seizures.
MRI brain: left mesial temporal sclerosis, unchanged.
Discharged home 2021-10-12 on levetiracetam 1000 mg twice daily plus lacosamide (Vimpat) 100 mg
twice daily. No driving for 6 months per state law. Last seizure 2021-10-09.""", enc=adm, author=neuro)
    c.proc("54550000", "Electroencephalogram (procedure)", "2005-04-05", reason_ref=epi)
    for d, lv in [("2022-01-11", 24.8), ("2023-01-10", 27.5), ("2024-01-09", 22.9), ("2025-01-14", 26.1)]:
        cls = "VR" if d in ("2023-01-10", "2025-01-14") else "AMB"
        e = c.encounter(cls, d, type_code="448337001" if cls == "VR" else "185389009",
                        type_display="Telemedicine consultation with patient (procedure)" if cls == "VR"
                        else "Follow-up visit (procedure)",
                        reasons=[icd("G40.209", "Localization-related (focal) (partial) symptomatic epilepsy "
                                     "and epileptic syndromes with complex partial seizures, not intractable, "
                                     "without status epilepticus")], pract=neuro)
        c.obs("lev", d, lv, e)
    c.note("11506-3", "Progress note", "2025-01-14", "Neurology telehealth visit",
           """Video visit. Seizure-free since 2021-10-09. Taking levetiracetam 1000 mg twice daily and
lacosamide 100 mg twice daily; uses a weekly pill organiser and phone alarms. Mild irritability on
Keppra, tolerable. Levetiracetam level 26.1. Driving again since May 2022.
Plan: continue; consider lacosamide taper if seizure-free through 2026.""", author=neuro)
    c.careplan("Seizure action plan", "182836005", "Review of medication", "2021-10-12",
               addresses=[epi],
               goals=[c.goal("Seizure freedom", addresses=[epi])],
               activities=[("408934002", "Seizure precautions education", "completed")])

    # knee replacement via GP referral -> rehab
    e = c.encounter("AMB", "2020-09-15", type_code="185389009", type_display="Follow-up visit (procedure)",
                    reasons=[icd("M17.11", "Unilateral primary osteoarthritis, right knee")], pract=pcp)
    c.proc("74016001", "Plain X-ray of knee (procedure)", "2020-09-15", enc=e, reason_ref=oa)
    adm = c.encounter("IMP", "2023-04-11", "2023-04-13", type_code="305408004",
                      type_display="Admission to surgical department (procedure)",
                      reasons=[icd("M17.11", "Unilateral primary osteoarthritis, right knee")], admit="gp",
                      disch="rehab", location="Orthopedic ward", start_time="06:30", end_time="10:00")
    knee = c.device("303575008", "Knee joint prosthesis (physical object)",
                    "Right total knee prosthesis", "Zimmer Biomet", "Persona cemented", implanted="2023-04-11")
    c.proc("609588000", "Total knee replacement (procedure)", "2023-04-11", enc=adm, reason_ref=oa,
           device=knee, body=("6757004", "Structure of right knee region (body structure)"))
    c.med("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", "2023-04-13", status="completed",
          end="2023-04-20", reason=icd("Z96.651", "Presence of right artificial knee joint"),
          dose="5 mg every 6 hours as needed for post-operative pain, 7-day supply", prn=True, enc=adm)
    c.med("854235", "enoxaparin sodium 40 MG/0.4ML Prefilled Syringe", "2023-04-12", status="completed",
          end="2023-05-10", reason=icd("Z96.651", "Presence of right artificial knee joint"),
          dose="40 mg subcutaneously daily for 4 weeks (VTE prophylaxis)", enc=adm)
    c.note("18842-5", "Discharge summary", "2023-04-13", "Discharge summary - orthopedics",
           """Elective right total knee arthroplasty 2023-04-11 for end-stage osteoarthritis, referred
by her primary care physician. Adalimumab held 2 weeks pre-op and restarted 2 weeks post-op;
methotrexate continued. Uncomplicated. Discharged 2023-04-13 to Greystone Inpatient Rehabilitation
for 10 days. Enoxaparin 40 mg daily for 4 weeks. Oxycodone 5 mg for 7 days only.""", enc=adm)

    for d in ["2015-10-06", "2016-10-04", "2017-10-03", "2018-10-09", "2019-10-08", "2020-10-06",
              "2021-10-26", "2022-10-04", "2023-10-03", "2024-10-08", "2025-10-07"]:
        c.imm("150", "Influenza, injectable, quadrivalent, preservative free", d)
    c.imm("133", "Pneumococcal conjugate PCV 13", "2019-03-26")
    c.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2019-05-28", site="RD")
    c.imm("187", "zoster recombinant", "2019-05-28", dose_no=1)
    c.imm("187", "zoster recombinant", "2019-08-06", dose_no=2)
    c.imm("115", "Tdap", "2018-03-13")
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-03-30",
          dose_no=1)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-04-27",
          dose_no=2)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-09-28",
          dose_no=3)

    c.allergy(SCT, "102261002", "Strawberry (substance)", "food", "low",
              [("126485001", "Urticaria (disorder)")], "1990-06-01")
    c.allergy(SCT, "3638002", "Nickel (substance)", "environment", "low",
              [("40275004", "Contact dermatitis (disorder)")], "2001-01-01")
    c.family("MTH", "mother", "female", [(ICD, "M06.9", "Rheumatoid arthritis, unspecified", 45, False)])
    c.family("SIS", "sister", "female", [(ICD, "G40.909", "Epilepsy, unspecified, not intractable, without "
                                          "status epilepticus", 14, False)])
    c.family("FTH", "father", "male", [(ICD, "E11.9", "Type 2 diabetes mellitus without complications", 55,
                                        False)])


TEMPLATES = [template_diabetes_af, template_copd_hf_deceased, template_t1d_young, template_cad_pe,
             template_epilepsy_ra]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--patients", type=int, default=5)
    ap.add_argument("--seed", type=int, default=404)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    master = random.Random(a.seed)
    for n in range(1, a.patients + 1):
        c = Chart(random.Random(master.getrandbits(64)), n)
        TEMPLATES[(n - 1) % len(TEMPLATES)](c)
        path = os.path.join(a.out, "blind4_%d_%s.json" % (n, c.pid))
        with open(path, "w", encoding="utf-8") as f:
            json.dump(c.bundle(), f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(path, len(c.entries), "resources")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Invented patients for a blind held-out question set (stdlib only, deterministic).

Writes one FHIR R4 transaction Bundle per patient, ``blind1_<n>_<patient-uuid>.json``:
every entry has ``fullUrl`` ``urn:uuid:<id>`` and ``request`` ``PUT <Type>/<id>``, and every
reference inside the bundle is ``urn:uuid:<id>``.

Six archetypes (cycled when --patients > 6) give the histories clinicians ask about and that
bundled Synthea charts lack: chronic medications of many classes (RxNorm clinical-drug and
branded displays), stopped and completed orders with a reason, one-off orders during ED and
inpatient stays, admissions with an admit source, emergency visits, devices, immunization series
(CVX), procedures, labs with years of values, vital signs, scores, allergies, a death with its
cause, and progress notes.  Everything is invented; names, addresses and organisations are made up.

Usage: python scripts/blind_patients.py --out data/generated/blind1 --patients 6 --seed 101
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import random
import uuid

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
CVX = "http://hl7.org/fhir/sid/cvx"
UCUM = "http://unitsofmeasure.org"
ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ADMIT = "http://terminology.hl7.org/CodeSystem/admit-source"
DISCH = "http://terminology.hl7.org/CodeSystem/discharge-disposition"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
COND_CLIN = "http://terminology.hl7.org/CodeSystem/condition-clinical"
COND_VER = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
COND_CAT = "http://terminology.hl7.org/CodeSystem/condition-category"
ALLERGY_CLIN = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VER = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
DOC_CAT = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"

ENC_CLASS = {
    "AMB": "ambulatory",
    "EMER": "emergency",
    "IMP": "inpatient encounter",
}
ADMIT_SOURCES = {
    "emd": ("From accident/emergency department", "Admitted from the emergency room"),
    "mp": ("Medical Practitioner/physician referral", "Elective admission on physician referral"),
    "hosp-trans": ("Transferred from other hospital", "Transfer from an outside hospital"),
    "nursing": ("From nursing home", "Admitted from a nursing home"),
}

# (code, display, unit, ucum, low, high, category)
LABS = {
    "a1c": ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", "%", 4.0, 5.6, "laboratory"),
    "glucose": ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 70, 99, "laboratory"),
    "ldl": ("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL", "mg/dL", None, 99,
            "laboratory"),
    "creat": ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 0.6, 1.2, "laboratory"),
    "egfr": ("33914-3",
             "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula "
             "(MDRD)", "mL/min/{1.73_m2}", "mL/min/{1.73_m2}", 60, None, "laboratory"),
    "k": ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 3.5, 5.1, "laboratory"),
    "na": ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", "mmol/L", 136, 145, "laboratory"),
    "inr": ("6301-6", "INR in Platelet poor plasma by Coagulation assay", "{INR}", "{INR}", 0.8, 1.1, "laboratory"),
    "hgb": ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", "g/dL", 12.0, 16.0, "laboratory"),
    "tsh": ("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", "m[IU]/L", 0.45, 4.5, "laboratory"),
    "ft4": ("3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", "ng/dL", "ng/dL", 0.82, 1.77, "laboratory"),
    "calcium": ("17861-6", "Calcium [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 8.6, 10.3, "laboratory"),
    "ntbnp": ("33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", "pg/mL", "pg/mL", None,
              125, "laboratory"),
    "ferritin": ("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 15, 150, "laboratory"),
    "vitd": ("62292-8", "25-hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma", "ng/mL", "ng/mL", 30, 100, "laboratory"),
    "uacr": ("14959-1", "Microalbumin/Creatinine [Mass Ratio] in Urine", "mg/g", "mg/g", None, 30, "laboratory"),
    "urate": ("3084-1", "Urate [Mass/volume] in Serum or Plasma", "mg/dL", "mg/dL", 3.4, 7.0, "laboratory"),
    "ddimer": ("48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", "ug/mL{FEU}", "ug/mL{FEU}", None, 0.5,
               "laboratory"),
    "wbc": ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", "10*3/uL", 4.0, 10.5, "laboratory"),
    "lvef": ("10230-1", "Left ventricular Ejection fraction", "%", "%", 50, 70, "imaging"),
    "tscore": ("38267-5", "DXA Femur [T-score] Bone density", "{T-score}", "{T-score}", None, None, "imaging"),
    "phq9": ("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", "{score}", "{score}", None, None,
             "survey"),
    "morse": ("59460-6", "Fall risk total [Morse Fall Scale]", "{score}", "{score}", None, None, "survey"),
    "weight": ("29463-7", "Body weight", "kg", "kg", None, None, "vital-signs"),
    "hr": ("8867-4", "Heart rate", "/min", "/min", None, None, "vital-signs"),
    "bmi": ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "kg/m2", None, None, "vital-signs"),
    "spo2": ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "%", None, None, "vital-signs"),
    "temp": ("8310-5", "Body temperature", "Cel", "Cel", None, None, "vital-signs"),
}

GIVEN_F = ["Marisol", "Edwina", "Thea", "Corinne", "Ludmila", "Agathe", "Philippa", "Rowena", "Imelda", "Senna"]
GIVEN_M = ["Anselm", "Darnell", "Ignatius", "Teodor", "Wendell", "Caspian", "Ruprecht", "Osric", "Barnaby", "Lucian"]
FAMILY = ["Quillfeather", "Ostrander-Vale", "Brennigan", "Halloway-Pike", "Trevisanato", "Marchbanks",
          "Okonjo-Reyes", "Fairweather", "Lindqvist-Moor", "Abernathy-Sato", "Pellworth", "Crane-Dubois"]
STREETS = ["Larkspur Hollow", "Old Mill Bend", "Quarry Terrace", "Heron Marsh Road", "Tamarack Way", "Button Lane"]
TOWNS = [("Ashford Mills", "OH", "43"), ("Cinder Falls", "PA", "16"), ("Wrenfield", "MI", "49"), ("Bellmoor", "IN", "47")]
CLINICIANS = ["Dr. Ilse Varga", "Dr. Kofi Amankwah-Lee", "Dr. Priya Castellanos", "Dr. Magnus Threlkeld",
              "Dr. Noor Haddad-Finch", "Dr. Oren Blakemore"]
ORG = "Riverbend Community Health (invented)"


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def cc(system: str, code: str, display: str, text: str | None = None) -> dict:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text or display}


class Chart:
    def __init__(self, rng: random.Random, n: int, names: tuple[str, str, str, str]):
        self.rng = rng
        self.n = n
        self.names = names  # (female given, male given, family, middle-name seed)
        self.entries: list[dict] = []
        self.pid = self.nid()
        self.clin = rng.choice(CLINICIANS)

    # --- basics -----------------------------------------------------------------------------
    def nid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    @staticmethod
    def ref(i: str) -> dict:
        return {"reference": f"urn:uuid:{i}"}

    def add(self, res: dict) -> str:
        rid = res.setdefault("id", self.nid())
        self.entries.append({
            "fullUrl": f"urn:uuid:{rid}",
            "resource": res,
            "request": {"method": "PUT", "url": f"{res['resourceType']}/{rid}"},
        })
        return rid

    def d(self, s: str, j: int = 3) -> dt.date:
        base = dt.date.fromisoformat(s)
        return base + dt.timedelta(days=self.rng.randint(-j, j)) if j else base

    @staticmethod
    def ts(day: dt.date, hh: int = 9, mm: int = 0) -> str:
        return f"{day.isoformat()}T{hh:02d}:{mm:02d}:00-05:00"

    def subj(self) -> dict:
        return self.ref(self.pid)

    # --- resources ----------------------------------------------------------------------------
    def patient(self, gender: str, birth: dt.date, deceased: str | None = None, married: bool = True) -> None:
        rng = self.rng
        given = self.names[0] if gender == "female" else self.names[1]
        middle = rng.choice([g for g in (GIVEN_F if gender == "female" else GIVEN_M) if g != given])
        family = self.names[2]
        town, state, zip2 = rng.choice(TOWNS)
        self.name = f"{given} {family}"
        res = {
            "resourceType": "Patient", "id": self.pid,
            "identifier": [{"system": "urn:example:invented-mrn", "value": f"BL{rng.randint(100000, 999999)}"}],
            "name": [{"use": "official", "family": family, "given": [given, middle],
                      "prefix": ["Ms." if gender == "female" else "Mr."]}],
            "telecom": [{"system": "phone", "value": f"555-01{rng.randint(10, 99)}", "use": "home"}],
            "gender": gender,
            "birthDate": birth.isoformat(),
            "address": [{"line": [f"{rng.randint(12, 980)} {rng.choice(STREETS)}"], "city": town,
                         "state": state, "postalCode": f"{zip2}{rng.randint(100, 999)}", "country": "US"}],
            "maritalStatus": cc("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus",
                                "M" if married else "S", "Married" if married else "Never Married"),
            "communication": [{"language": cc("urn:ietf:bcp:47", "en-US", "English (United States)")}],
        }
        if deceased:
            res["deceasedDateTime"] = deceased
        self.add(res)

    def encounter(self, cls: str, start: str, end: str, reason: tuple | None, type_display: str,
                  admit: str | None = None, disposition: str | None = None) -> dict:
        res = {
            "resourceType": "Encounter", "id": self.nid(), "status": "finished",
            "class": {"system": ACT, "code": cls, "display": ENC_CLASS[cls]},
            "type": [{"coding": [{"system": SNOMED, "code": {"AMB": "185347001", "EMER": "50849002",
                                                               "IMP": "32485007"}[cls],
                                  "display": type_display}], "text": type_display}],
            "subject": self.subj(),
            "participant": [{"individual": {"display": self.clin}}],
            "period": {"start": start, "end": end},
            "serviceProvider": {"display": ORG},
        }
        if reason:
            res["reasonCode"] = [cc(SNOMED, reason[0], reason[1])]
        if admit or disposition:
            hosp = {}
            if admit:
                disp, text = ADMIT_SOURCES[admit]
                hosp["admitSource"] = {"coding": [{"system": ADMIT, "code": admit, "display": disp}], "text": text}
            if disposition:
                hosp["dischargeDisposition"] = {"coding": [{"system": DISCH, "code": disposition[0],
                                                            "display": disposition[1]}], "text": disposition[1]}
            res["hospitalization"] = hosp
        self.add(res)
        return res

    def dx(self, enc: dict, cond_id: str) -> None:
        lst = enc.setdefault("diagnosis", [])
        lst.append({"condition": self.ref(cond_id), "rank": len(lst) + 1,
                    "use": cc("http://terminology.hl7.org/CodeSystem/diagnosis-role", "billing", "Billing")})

    def condition(self, code: str, display: str, onset: str, status: str = "active",
                  abatement: str | None = None, enc: dict | None = None, problem: bool = True) -> str:
        res = {
            "resourceType": "Condition", "id": self.nid(),
            "clinicalStatus": {"coding": [{"system": COND_CLIN, "code": status}]},
            "verificationStatus": {"coding": [{"system": COND_VER, "code": "confirmed"}]},
            "category": [{"coding": [{"system": COND_CAT,
                                      "code": "problem-list-item" if problem else "encounter-diagnosis",
                                      "display": "Problem List Item" if problem else "Encounter Diagnosis"}]}],
            "code": cc(SNOMED, code, display),
            "subject": self.subj(),
            "onsetDateTime": onset,
            "recordedDate": onset,
        }
        if abatement:
            res["abatementDateTime"] = abatement
        if enc:
            res["encounter"] = self.ref(enc["id"])
            self.dx(enc, res["id"])
        return self.add(res)

    def med(self, code: str, display: str, authored: str, status: str, dosage: str,
            reason: tuple | None = None, reason_cond: str | None = None, enc: dict | None = None,
            end: str | None = None, why_stopped: str | None = None, prn: bool = False) -> str:
        res = {
            "resourceType": "MedicationRequest", "id": self.nid(), "status": status, "intent": "order",
            "medicationCodeableConcept": cc(RXNORM, code, display),
            "subject": self.subj(),
            "authoredOn": authored,
            "requester": {"display": self.clin},
            "dosageInstruction": [{"sequence": 1, "text": dosage, "asNeededBoolean": prn}],
        }
        if enc:
            res["encounter"] = self.ref(enc["id"])
        if reason:
            res["reasonCode"] = [cc(SNOMED, reason[0], reason[1])]
        if reason_cond:
            res["reasonReference"] = [self.ref(reason_cond)]
        period = {"start": authored[:10]}
        if end:
            period["end"] = end[:10]
        res["dispenseRequest"] = {"validityPeriod": period}
        if why_stopped:
            res["statusReason"] = {"text": why_stopped}
        return self.add(res)

    def obs(self, key: str, when: str, value: float, enc: dict | None = None, sex: str | None = None) -> str:
        code, display, unit, ucum, low, high, cat = LABS[key]
        res = {
            "resourceType": "Observation", "id": self.nid(), "status": "final",
            "category": [{"coding": [{"system": OBSCAT, "code": cat,
                                      "display": {"laboratory": "Laboratory", "vital-signs": "Vital Signs",
                                                  "survey": "Survey", "imaging": "Imaging"}[cat]}]}],
            "code": cc(LOINC, code, display),
            "subject": self.subj(),
            "effectiveDateTime": when,
            "issued": when,
            "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": ucum},
        }
        if enc:
            res["encounter"] = self.ref(enc["id"])
        if key == "hgb" and sex == "male":
            low, high = 13.5, 17.5
        if low is not None or high is not None:
            rr = {}
            if low is not None:
                rr["low"] = {"value": low, "unit": unit, "system": UCUM, "code": ucum}
            if high is not None:
                rr["high"] = {"value": high, "unit": unit, "system": UCUM, "code": ucum}
            res["referenceRange"] = [rr]
            flag = "N"
            if low is not None and value < low:
                flag = "L"
            elif high is not None and value > high:
                flag = "H"
            res["interpretation"] = [{"coding": [{"system": INTERP, "code": flag,
                                                  "display": {"N": "Normal", "L": "Low", "H": "High"}[flag]}]}]
        return self.add(res)

    def coded_obs(self, code: str, display: str, when: str, value: tuple, cat: str, enc: dict | None = None) -> str:
        res = {
            "resourceType": "Observation", "id": self.nid(), "status": "final",
            "category": [{"coding": [{"system": OBSCAT, "code": cat}]}],
            "code": cc(LOINC, code, display),
            "subject": self.subj(),
            "effectiveDateTime": when, "issued": when,
            "valueCodeableConcept": cc(SNOMED, value[0], value[1]),
        }
        if enc:
            res["encounter"] = self.ref(enc["id"])
        return self.add(res)

    def bp(self, when: str, sys_: int, dia: int, enc: dict | None = None) -> str:
        res = {
            "resourceType": "Observation", "id": self.nid(), "status": "final",
            "category": [{"coding": [{"system": OBSCAT, "code": "vital-signs", "display": "Vital Signs"}]}],
            "code": cc(LOINC, "85354-9", "Blood pressure panel with all children optional"),
            "subject": self.subj(), "effectiveDateTime": when, "issued": when,
            "component": [
                {"code": cc(LOINC, "8480-6", "Systolic blood pressure"),
                 "valueQuantity": {"value": sys_, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
                {"code": cc(LOINC, "8462-4", "Diastolic blood pressure"),
                 "valueQuantity": {"value": dia, "unit": "mm[Hg]", "system": UCUM, "code": "mm[Hg]"}},
            ],
        }
        if enc:
            res["encounter"] = self.ref(enc["id"])
        return self.add(res)

    def imm(self, cvx: str, display: str, when: str, enc: dict | None = None) -> str:
        res = {
            "resourceType": "Immunization", "id": self.nid(), "status": "completed",
            "vaccineCode": cc(CVX, cvx, display),
            "patient": self.subj(), "occurrenceDateTime": when, "primarySource": True,
            "lotNumber": f"L{self.rng.randint(10000, 99999)}",
        }
        if enc:
            res["encounter"] = self.ref(enc["id"])
        return self.add(res)

    def proc(self, code: str, display: str, when: str, enc: dict | None = None, reason: tuple | None = None,
             end: str | None = None, device: str | None = None, body: tuple | None = None) -> str:
        res = {
            "resourceType": "Procedure", "id": self.nid(), "status": "completed",
            "code": cc(SNOMED, code, display), "subject": self.subj(),
        }
        if end:
            res["performedPeriod"] = {"start": when, "end": end}
        else:
            res["performedDateTime"] = when
        if enc:
            res["encounter"] = self.ref(enc["id"])
        if reason:
            res["reasonCode"] = [cc(SNOMED, reason[0], reason[1])]
        if device:
            res["focalDevice"] = [{"manipulated": self.ref(device)}]
        if body:
            res["bodySite"] = [cc(SNOMED, body[0], body[1])]
        return self.add(res)

    def device(self, code: str, display: str, name: str, maker: str, made: str, status: str = "active") -> str:
        serial = f"SN{self.rng.randint(1000000, 9999999)}"
        res = {
            "resourceType": "Device", "id": self.nid(), "status": status,
            "type": cc(SNOMED, code, display),
            "deviceName": [{"name": name, "type": "user-friendly-name"}],
            "manufacturer": maker, "manufactureDate": made,
            "serialNumber": serial, "lotNumber": f"LOT{self.rng.randint(1000, 9999)}",
            "distinctIdentifier": serial,
            "patient": self.subj(),
        }
        return self.add(res)

    def allergy(self, code: str, display: str, category: str, recorded: str, reaction: tuple,
                criticality: str = "low", kind: str = "allergy", severity: str = "moderate") -> str:
        res = {
            "resourceType": "AllergyIntolerance", "id": self.nid(),
            "clinicalStatus": {"coding": [{"system": ALLERGY_CLIN, "code": "active"}]},
            "verificationStatus": {"coding": [{"system": ALLERGY_VER, "code": "confirmed"}]},
            "type": kind, "category": [category], "criticality": criticality,
            "code": cc(SNOMED, code, display), "patient": self.subj(), "recordedDate": recorded,
        }
        if reaction:
            res["reaction"] = [{"manifestation": [cc(SNOMED, reaction[0], reaction[1])], "severity": severity}]
        return self.add(res)

    def note(self, when: str, enc: dict | None, loinc: tuple, title: str, text: str) -> str:
        res = {
            "resourceType": "DocumentReference", "id": self.nid(), "status": "current",
            "type": cc(LOINC, loinc[0], loinc[1]),
            "category": [{"coding": [{"system": DOC_CAT, "code": "clinical-note", "display": "Clinical Note"}]}],
            "subject": self.subj(), "date": when, "author": [{"display": self.clin}],
            "description": title,
            "content": [{"attachment": {"contentType": "text/plain", "data": b64(text), "title": title,
                                        "creation": when}}],
        }
        if enc:
            res["context"] = {"encounter": [self.ref(enc["id"])], "period": enc["period"]}
        return self.add(res)

    # --- composite helpers ----------------------------------------------------------------------
    def office(self, day: dt.date, reason: tuple, vit: tuple | None, type_display: str = "Office visit",
               minutes: int = 30, hh: int = 9) -> tuple[dict, str]:
        start = self.ts(day, hh, 0)
        enc = self.encounter("AMB", start, self.ts(day, hh, minutes), reason, type_display)
        if vit:
            sys_, dia, hr, wt = vit
            self.bp(self.ts(day, hh, 5), sys_, dia, enc)
            self.obs("hr", self.ts(day, hh, 5), hr, enc)
            self.obs("weight", self.ts(day, hh, 5), wt, enc)
        return enc, self.ts(day, hh, 20)

    def bundle(self) -> dict:
        return {"resourceType": "Bundle", "id": self.nid(), "type": "transaction", "entry": self.entries}


# Shared codes --------------------------------------------------------------------------------
HTN = ("59621000", "Essential hypertension (disorder)")
HLD = ("55822004", "Hyperlipidemia (disorder)")
AF = ("49436004", "Atrial fibrillation (disorder)")
T2DM = ("44054006", "Diabetes mellitus type 2 (disorder)")
T1DM = ("46635009", "Diabetes mellitus type 1 (disorder)")
CHECKUP = ("185349003", "Encounter for check up (procedure)")
FLU_HD = ("135", "Influenza, high dose seasonal")
FLU = ("150", "Influenza, injectable, quadrivalent, preservative free")
TDAP = ("115", "Tdap")
TD = ("113", "Td (adult) preservative free")
PPSV23 = ("33", "pneumococcal polysaccharide vaccine, 23 valent")
PCV13 = ("133", "Pneumococcal conjugate PCV 13")
SHINGRIX = ("187", "zoster vaccine recombinant")
ZOSTAVAX = ("121", "zoster vaccine, live")
COVID = ("208", "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose")
HEPB = ("43", "Hep B, adult")
HEPB_PED = ("08", "Hep B, adolescent or pediatric")
HPV = ("165", "HPV9")
PROGRESS = ("11506-3", "Progress note")
DISCHARGE = ("18842-5", "Discharge summary")
ED_NOTE = ("34111-5", "Emergency department Note")
HP_NOTE = ("34117-2", "History and physical note")


def r1(x: float) -> float:
    return round(x, 1)


def r2(x: float) -> float:
    return round(x, 2)


# ---------------------------------------------------------------------------------------------
# Archetype 1: older woman — hypertension, atrial fibrillation (warfarin -> Eliquis), CKD 3,
# statin switch, pacemaker for sick sinus syndrome, AF admission through the ED, a fall.
def arch_af(c: Chart) -> None:
    rng = c.rng
    c.patient("female", c.d("1952-08-19", 10))
    c.allergy("91936005", "Allergy to penicillin", "medication", c.ts(c.d("2016-04-14")),
              ("126485001", "Urticaria (disorder)"), criticality="high")
    c.imm(TD[0], TD[1], c.ts(c.d("2006-05-10")))
    c.proc("73761001", "Colonoscopy (procedure)", c.ts(c.d("2014-08-12")))
    htn = c.condition(*HTN, c.ts(c.d("2008-04-16")))
    hld = c.condition(*HLD, c.ts(c.d("2010-06-15")))
    oa = c.condition("239873007", "Osteoarthritis of knee (disorder)", c.ts(c.d("2015-03-11")))
    c.med("310798", "hydrochlorothiazide 25 MG Oral Tablet", c.ts(c.d("2008-04-16")), "stopped",
          "25 mg by mouth once daily", reason=HTN, reason_cond=htn, end="2021-09-14",
          why_stopped="declining kidney function (CKD stage 3)")
    c.med("314076", "lisinopril 10 MG Oral Tablet", c.ts(c.d("2012-03-13")), "active",
          "10 mg by mouth once daily", reason=HTN, reason_cond=htn)
    c.med("312961", "simvastatin 20 MG Oral Tablet", c.ts(c.d("2010-06-15")), "stopped",
          "20 mg by mouth at bedtime", reason=HLD, reason_cond=hld, end="2019-05-16",
          why_stopped="myalgia")
    c.med("197805", "ibuprofen 400 MG Oral Tablet", c.ts(c.d("2015-03-11")), "stopped",
          "400 mg by mouth every 8 hours as needed for knee pain", reason=("239873007", "Osteoarthritis of knee (disorder)"),
          end="2021-09-14", why_stopped="avoid NSAIDs with CKD", prn=True)
    c.med("313782", "acetaminophen 500 MG Oral Tablet", c.ts(c.d("2015-03-11")), "active",
          "1000 mg by mouth up to three times daily as needed for knee pain",
          reason=("239873007", "Osteoarthritis of knee (disorder)"), reason_cond=oa, prn=True)

    egfr = {2016: 68, 2017: 66, 2018: 63, 2019: 61, 2020: 58, 2021: 55, 2022: 50, 2023: 47, 2024: 46, 2025: 43}
    ldl = {2016: 142, 2017: 138, 2018: 146, 2019: 151, 2020: 92, 2021: 84, 2022: 79, 2023: 81, 2024: 76, 2025: 72}

    def cr_of(g):
        return r2(0.85 * (68 / g) ** 0.9)

    state = {}
    for y in range(2016, 2026):
        spring = c.d("2019-05-16", 0) if y == 2019 else c.d(f"{y}-04-14")
        frac = (y - 2016) / 9
        vit = (int(152 - 24 * frac + rng.randint(-3, 3)), int(90 - 14 * frac + rng.randint(-2, 2)),
               rng.randint(64, 76), r1(78 - 6 * frac + rng.uniform(-0.6, 0.6)))
        enc, t = c.office(spring, HTN, vit, "Follow-up visit")
        c.dx(enc, htn)
        g = egfr[y] + rng.choice([0, 1])
        state[("egfr", y)] = c.obs("egfr", t, g, enc)
        c.obs("creat", t, cr_of(g), enc)
        c.obs("k", t, r1(4.2 + 0.05 * (y - 2016) + rng.uniform(-0.2, 0.2)), enc)
        c.obs("ldl", t, ldl[y] + rng.randint(-1, 1), enc)
        if y == 2016:
            c.imm(TDAP[0], TDAP[1], t, enc)
        if y == 2019:
            c.med("617311", "atorvastatin 40 MG Oral Tablet", t, "active", "40 mg by mouth once daily",
                  reason=HLD, reason_cond=hld, enc=enc)
        if y == 2025:
            break
        fall = c.d("2021-09-14", 0) if y == 2021 else c.d(f"{y}-10-15")
        vit = (int(148 - 22 * frac + rng.randint(-3, 3)), int(88 - 13 * frac + rng.randint(-2, 2)),
               rng.randint(64, 76), r1(77.5 - 6 * frac + rng.uniform(-0.6, 0.6)))
        enc, t = c.office(fall, CHECKUP if y != 2021 else HTN, vit, "Follow-up visit")
        if y >= 2016:
            c.imm(FLU_HD[0], FLU_HD[1], t, enc)
        if y == 2017:
            c.imm(PCV13[0], PCV13[1], t, enc)
        if y == 2018:
            c.imm(PPSV23[0], PPSV23[1], t, enc)
        if y == 2021:
            ckd = c.condition("433144002", "Chronic kidney disease stage 3 (disorder)", t, enc=enc)
            g = 52 + rng.choice([0, 1])
            c.obs("egfr", t, g, enc)
            c.obs("creat", t, cr_of(g), enc)
            c.obs("hgb", t, 12.4, enc)
        if y == 2023:
            c.imm(COVID[0], COVID[1], t, enc)

    # Atrial fibrillation diagnosis and warfarin years
    day = c.d("2018-02-14")
    enc, t = c.office(day, ("80313002", "Palpitations (finding)"), (146, 86, 112, 76.9), "Urgent office visit")
    af = c.condition(*AF, t, enc=enc)
    c.proc("29303009", "Electrocardiographic procedure (procedure)", t, enc)
    c.obs("tsh", t, 2.1, enc)
    c.obs("hgb", t, 13.1, enc)
    c.med("855332", "warfarin sodium 5 MG Oral Tablet", t, "stopped", "5 mg by mouth daily, dose per INR",
          reason=AF, reason_cond=af, enc=enc, end="2021-10-12", why_stopped="labile INR; changed to apixaban")
    c.med("866436", "metoprolol succinate 50 MG Extended Release Oral Tablet", t, "active",
          "50 mg by mouth once daily", reason=AF, reason_cond=af, enc=enc)
    day = c.d("2018-02-21")
    enc, t = c.office(day, AF, None, "Cardiology consultation")
    c.proc("433236007", "Transthoracic echocardiography (procedure)", t, enc, reason=AF)
    c.obs("lvef", t, 58, enc)
    c.imm(SHINGRIX[0], SHINGRIX[1], c.ts(c.d("2019-02-12")))
    c.imm(SHINGRIX[0], SHINGRIX[1], c.ts(c.d("2019-06-18")))
    inrs = [2.4, 1.8, 2.6, 3.3, 2.2, 2.9, 1.7, 2.5, 2.1, 3.1, 2.7, 1.9, 3.4, 2.3, 2.0]
    i = 0
    for y in (2018, 2019, 2020, 2021):
        for m in ("01", "04", "07", "10"):
            if (y, m) in {(2018, "01"), (2021, "10")}:
                continue
            day = c.d(f"{y}-{m}-24")
            enc, t = c.office(day, AF, None, "Anticoagulation clinic visit", minutes=15, hh=11)
            c.obs("inr", t, inrs[i % len(inrs)], enc)
            i += 1
    last_inr = inrs[(i - 1) % len(inrs)]
    c.imm(COVID[0], COVID[1], c.ts(c.d("2021-01-20", 1)))
    c.imm(COVID[0], COVID[1], c.ts(c.d("2021-02-10", 1)))
    day = c.d("2021-10-12", 1)
    enc, t = c.office(day, AF, (132, 78, 70, 75.2), "Anticoagulation clinic visit")
    c.med("1364447", "Eliquis 5 MG Oral Tablet", t, "active", "5 mg by mouth twice daily",
          reason=AF, reason_cond=af, enc=enc)
    c.imm(COVID[0], COVID[1], t, enc)
    c.note(t, enc, PROGRESS, "Anticoagulation clinic note",
           "ANTICOAGULATION CLINIC\n"
           f"S: 69 yo woman with nonvalvular atrial fibrillation on warfarin since 02/2018. INRs have been labile "
           f"(most recent {last_inr}), several out of range this year. New CKD stage 3 noted last month.\n"
           "O: HR 70 irregularly irregular, BP 132/78.\n"
           "A/P: Atrial fibrillation, CHA2DS2-VASc 4. Stop warfarin. Start apixaban (Eliquis) 5 mg twice daily "
           "once INR < 2. Dose reviewed against age, weight and creatinine: full dose appropriate. Continue "
           "metoprolol succinate 50 mg daily for rate control. Discharged from INR monitoring.\n")
    # cataract
    day = c.d("2021-11-10")
    enc, t = c.office(day, ("193570009", "Cataract (disorder)"), None, "Ophthalmology visit")
    c.condition("193570009", "Cataract (disorder)", t, status="resolved", abatement="2022-01-18", enc=enc)
    day = c.d("2022-01-18", 0)
    enc = c.encounter("AMB", c.ts(day, 7), c.ts(day, 12), ("193570009", "Cataract (disorder)"), "Day surgery")
    c.proc("110473004", "Cataract surgery (procedure)", c.ts(day, 8), enc, reason=("193570009", "Cataract (disorder)"),
           end=c.ts(day, 9), body=("8966001", "Left eye structure (body structure)"))
    # sick sinus syndrome and pacemaker
    day = c.d("2022-05-10")
    enc, t = c.office(day, ("271594007", "Syncope (disorder)"), (128, 74, 48, 74.8), "Cardiology consultation")
    c.condition("36083008", "Sick sinus syndrome (disorder)", t, enc=enc)
    c.proc("164847006", "Holter extended electrocardiographic recording (procedure)", t, enc)
    day = c.d("2022-06-07", 1)
    enc = c.encounter("AMB", c.ts(day, 7), c.ts(day, 16), ("36083008", "Sick sinus syndrome (disorder)"),
                      "Cardiac device implantation")
    pm = c.device("14106009", "Cardiac pacemaker, device (physical object)", "Dual-chamber pacemaker",
                  "Halcyon Cardiac Systems (invented)", "2022-02-01")
    c.proc("175135009", "Introduction of cardiac pacemaker system via vein (procedure)", c.ts(day, 9), enc,
           reason=("36083008", "Sick sinus syndrome (disorder)"), end=c.ts(day, 11), device=pm)
    # UTI
    day = c.d("2023-03-10", 2)
    enc, t = c.office(day, ("68566005", "Urinary tract infectious disease (disorder)"), (134, 76, 82, 74.0),
                      "Urgent care visit")
    uti = c.condition("68566005", "Urinary tract infectious disease (disorder)", t, status="resolved",
                      abatement=(day + dt.timedelta(days=10)).isoformat(), enc=enc, problem=False)
    c.med("1648759", "nitrofurantoin 100 MG Oral Capsule", t, "completed", "100 mg by mouth twice daily for 5 days",
          reason=("68566005", "Urinary tract infectious disease (disorder)"), reason_cond=uti, enc=enc,
          end=(day + dt.timedelta(days=5)).isoformat())
    # AF with rapid response: ED then admission
    day = c.d("2024-02-10", 2)
    ed = c.encounter("EMER", c.ts(day, 14), c.ts(day, 19), ("80313002", "Palpitations (finding)"),
                     "Emergency department visit")
    c.dx(ed, af)
    c.bp(c.ts(day, 14, 10), 152, 94, ed)
    c.obs("hr", c.ts(day, 14, 10), 138, ed)
    c.proc("29303009", "Electrocardiographic procedure (procedure)", c.ts(day, 14, 20), ed)
    c.med("1727538", "diltiazem hydrochloride 5 MG/ML Injectable Solution", c.ts(day, 14, 40), "completed",
          "10 mg IV once", reason=AF, enc=ed, end=day.isoformat())
    adm_end = day + dt.timedelta(days=3)
    ip = c.encounter("IMP", c.ts(day, 19), c.ts(adm_end, 11), AF, "Hospital admission", admit="emd",
                     disposition=("home", "Home"))
    c.dx(ip, af)
    t = c.ts(day + dt.timedelta(days=1), 6)
    c.obs("k", t, 3.9, ip)
    g = 44
    c.obs("egfr", t, g, ip)
    c.obs("creat", t, cr_of(g), ip)
    c.obs("hgb", t, 11.6, ip)
    c.obs("tsh", t, 3.4, ip)
    c.obs("morse", t, 45, ip)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", c.ts(day + dt.timedelta(days=1), 10), ip,
           reason=AF)
    c.obs("lvef", c.ts(day + dt.timedelta(days=1), 10), 55, ip)
    c.note(c.ts(adm_end, 11), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Admitted {day.isoformat()} via the emergency department; discharged {adm_end.isoformat()}.\n"
           "Principal diagnosis: atrial fibrillation with rapid ventricular response.\n"
           "History: 71 yo woman with paroxysmal AF on apixaban, pacemaker for sick sinus syndrome, CKD 3, HTN. "
           "Presented with 6 hours of palpitations, HR 138. Received diltiazem 10 mg IV in the ED with partial rate "
           "control and was admitted to telemetry.\n"
           "Course: rate controlled on home metoprolol. Echo: LVEF 55%, mild left atrial enlargement. TSH normal. "
           "Apixaban continued without interruption. Pacemaker interrogation normal.\n"
           "Discharge medications: unchanged (apixaban 5 mg BID, metoprolol succinate 50 mg daily, lisinopril, "
           "atorvastatin, acetaminophen as needed).\nFollow-up: cardiology in 2 weeks.\n")
    # Fall this summer
    day = c.d("2025-07-19", 1)
    ed = c.encounter("EMER", c.ts(day, 10), c.ts(day, 15), ("1912002", "Fall (event)"), "Emergency department visit")
    c.bp(c.ts(day, 10, 10), 138, 80, ed)
    c.obs("hr", c.ts(day, 10, 10), 72, ed)
    c.obs("morse", c.ts(day, 10, 30), 65, ed)
    c.obs("k", c.ts(day, 11), 4.4, ed)
    c.proc("74016001", "Plain X-ray of hip (procedure)", c.ts(day, 11, 30), ed)
    c.note(c.ts(day, 15), ed, ED_NOTE, "ED provider note",
           "EMERGENCY DEPARTMENT NOTE\nCC: fall at home.\n"
           "HPI: 72 yo woman tripped over a rug in her kitchen this morning, landed on her left hip. No head strike, "
           "no loss of consciousness. On apixaban. Pacemaker in place.\n"
           "Exam: tender left lateral hip, full range of motion, ambulates with a cane. Skin tear left forearm "
           "cleaned and dressed.\nX-ray left hip: no fracture.\nMorse fall scale 65 (high risk).\n"
           "Plan: discharge home with home safety evaluation and physical therapy referral; continue home meds.\n")
    # Last visit
    day = c.d("2025-10-14", 1)
    enc, t = c.office(day, HTN, (128, 74, 68, 72.1), "Follow-up visit")
    c.dx(enc, htn)
    c.dx(enc, ckd)
    g = 41
    c.obs("egfr", t, g, enc)
    c.obs("creat", t, cr_of(g), enc)
    c.obs("k", t, 4.8, enc)
    c.imm(FLU_HD[0], FLU_HD[1], t, enc)
    c.note(t, enc, PROGRESS, "Primary care progress note",
           "PRIMARY CARE FOLLOW-UP\n"
           "S: Here for blood pressure and kidney follow-up. Recovered from the July fall, doing PT exercises, "
           "using a cane outdoors. No bleeding on apixaban. No palpitations since February 2024.\n"
           "O: BP 128/74, HR 68 paced rhythm, weight 72.1 kg.\n"
           f"Labs today: creatinine {cr_of(g)}, eGFR {g}, potassium 4.8.\n"
           "A/P:\n1. Hypertension - at goal on lisinopril 10 mg.\n"
           "2. CKD stage 3 - slow decline in eGFR; avoid NSAIDs; recheck in 6 months.\n"
           "3. Atrial fibrillation - on apixaban and metoprolol; pacemaker followed by device clinic.\n"
           "4. Hyperlipidemia - atorvastatin 40 mg.\n5. Influenza vaccine given today.\n")


# ---------------------------------------------------------------------------------------------
# Archetype 2: middle-aged man — type 2 diabetes (metformin, Jardiance, glargine; glipizide
# stopped), hypertension, gout, OSA on CPAP, elective knee replacement on referral.
def arch_dm(c: Chart) -> None:
    rng = c.rng
    c.patient("male", c.d("1967-11-03", 10))
    c.allergy("409137002", "No known drug allergy (situation)", "medication", c.ts(c.d("2012-05-15")), None)
    c.imm(TDAP[0], TDAP[1], c.ts(c.d("2013-09-09")))
    c.condition("414916001", "Obesity (disorder)", c.ts(c.d("2010-03-09")))
    dm = c.condition(*T2DM, c.ts(c.d("2012-05-15")))
    hld = c.condition(*HLD, c.ts(c.d("2013-07-16")))
    htn = c.condition(*HTN, c.ts(c.d("2014-09-10")))
    c.med("861007", "metformin hydrochloride 500 MG Oral Tablet", c.ts(c.d("2012-05-15")), "active",
          "1000 mg by mouth twice daily with meals", reason=T2DM, reason_cond=dm)
    c.med("617310", "atorvastatin 20 MG Oral Tablet", c.ts(c.d("2013-07-16")), "active", "20 mg by mouth daily",
          reason=HLD, reason_cond=hld)
    c.med("979485", "losartan potassium 50 MG Oral Tablet", c.ts(c.d("2014-09-10")), "active",
          "50 mg by mouth daily", reason=HTN, reason_cond=htn)
    c.med("310488", "glipizide 5 MG Oral Tablet", c.ts(c.d("2016-03-08")), "stopped", "5 mg by mouth before breakfast",
          reason=T2DM, reason_cond=dm, end="2022-02-15", why_stopped="recurrent hypoglycemia")
    c.proc("73761001", "Colonoscopy (procedure)", c.ts(c.d("2017-10-19")))
    c.imm(SHINGRIX[0], SHINGRIX[1], c.ts(c.d("2018-03-06")))
    c.imm(SHINGRIX[0], SHINGRIX[1], c.ts(c.d("2018-07-10")))
    for dd in ("2019-01-15", "2019-02-19", "2019-07-16"):
        c.imm(HEPB[0], HEPB[1], c.ts(c.d(dd, 2)))
    a1c = {2012: 7.9, 2013: 7.1, 2014: 6.9, 2015: 6.8, 2016: 7.3, 2017: 7.2, 2018: 7.6, 2019: 7.8,
           2020: 8.1, 2021: 8.4, 2022: 7.7, 2023: 9.1, 2024: 7.9, 2025: 7.4}
    a1c_fall = {2012: 7.4, 2013: 7.0, 2014: 6.8, 2015: 7.1, 2016: 7.2, 2017: 7.4, 2018: 7.7, 2019: 8.0,
                2020: 8.3, 2021: 8.6, 2022: 8.2, 2023: 8.0, 2024: 7.6}
    for y in range(2012, 2026):
        frac = (y - 2012) / 13
        spring = c.d(f"{y}-05-15" if y > 2012 else "2012-06-12")
        wt = r1(116 - 6 * frac + rng.uniform(-1, 1))
        vit = (int(146 - 12 * frac + rng.randint(-3, 3)), int(92 - 8 * frac + rng.randint(-2, 2)), rng.randint(72, 84), wt)
        enc, t = c.office(spring, T2DM, vit, "Follow-up visit")
        c.dx(enc, dm)
        c.obs("bmi", t, r1(wt / 1.80 ** 2), enc)
        c.obs("a1c", t, a1c[y], enc)
        c.obs("glucose", t, int(a1c[y] * 28.7 - 46.7 + rng.randint(-8, 8)), enc)
        if y >= 2014:
            c.obs("ldl", t, int(96 - 2 * (y - 2014) + rng.randint(-5, 5)), enc)
            c.obs("creat", t, r2(0.92 + 0.01 * (y - 2014) + rng.uniform(-0.04, 0.04)), enc)
            c.obs("egfr", t, 92 - (y - 2014) + rng.randint(-2, 2), enc)
            c.obs("k", t, r1(4.3 + rng.uniform(-0.3, 0.3)), enc)
        if y >= 2021:
            c.obs("uacr", t, [18, 24, 41, 36, 28][y - 2021], enc)
        if y >= 2020:
            c.obs("urate", t, [9.2, 7.1, 6.4, 6.1, 5.9, 5.8][y - 2020], enc)
        if y == 2021:
            neuro = c.condition("368581000119106", "Neuropathy due to type 2 diabetes mellitus (disorder)", t, enc=enc)
            c.med("310431", "gabapentin 300 MG Oral Capsule", t, "active", "300 mg by mouth at bedtime",
                  reason=("368581000119106", "Neuropathy due to type 2 diabetes mellitus (disorder)"),
                  reason_cond=neuro, enc=enc)
        if y == 2025:
            break
        fall = c.d(f"{y}-11-12")
        if y == 2023:
            fall = c.d("2023-11-07")
        vit = (int(144 - 12 * frac + rng.randint(-3, 3)), int(90 - 8 * frac + rng.randint(-2, 2)), rng.randint(72, 84),
               r1(116 - 6 * frac + rng.uniform(-1, 1)))
        enc, t = c.office(fall, T2DM, vit, "Follow-up visit")
        c.obs("a1c", t, a1c_fall[y], enc)
        if y >= 2015:
            c.imm(FLU[0], FLU[1], t, enc)
        if y == 2023:
            c.med("311041", "insulin glargine 100 UNT/ML Injectable Solution", t, "active",
                  "18 units subcutaneously at bedtime", reason=T2DM, reason_cond=dm, enc=enc)
    c.imm(PPSV23[0], PPSV23[1], c.ts(c.d("2020-10-06")))
    for dd in ("2021-03-30", "2021-04-20", "2021-11-16"):
        c.imm(COVID[0], COVID[1], c.ts(c.d(dd, 1)))
    # OSA and CPAP
    day = c.d("2019-07-22")
    enc, t = c.office(day, ("78275009", "Obstructive sleep apnea syndrome (disorder)"), None, "Sleep study")
    c.proc("60554003", "Polysomnography (procedure)", t, enc)
    day = c.d("2019-08-13")
    enc, t = c.office(day, ("78275009", "Obstructive sleep apnea syndrome (disorder)"), None, "Sleep medicine visit")
    c.condition("78275009", "Obstructive sleep apnea syndrome (disorder)", t, enc=enc)
    c.device("702172008", "Home continuous positive airway pressure unit (physical object)",
             "CPAP machine with heated humidifier", "Brightwater Respiratory (invented)", "2019-05-01")
    # Gout
    day = c.d("2020-11-24")
    enc, t = c.office(day, ("90560007", "Gout (disorder)"), (138, 86, 80, 114.2), "Urgent office visit")
    gout = c.condition("90560007", "Gout (disorder)", t, enc=enc)
    c.med("197541", "colchicine 0.6 MG Oral Tablet", t, "completed", "0.6 mg by mouth twice daily for 7 days",
          reason=("90560007", "Gout (disorder)"), reason_cond=gout, enc=enc, end=(day + dt.timedelta(days=7)).isoformat())
    day = c.d("2020-12-15")
    enc, t = c.office(day, ("90560007", "Gout (disorder)"), None, "Follow-up visit")
    c.med("197319", "allopurinol 100 MG Oral Tablet", t, "active", "100 mg by mouth daily",
          reason=("90560007", "Gout (disorder)"), reason_cond=gout, enc=enc)
    # Jardiance
    day = c.d("2022-02-15", 0)
    enc, t = c.office(day, T2DM, (136, 84, 76, 112.0), "Follow-up visit")
    c.med("1545664", "Jardiance 10 MG Oral Tablet", t, "active", "10 mg by mouth every morning",
          reason=T2DM, reason_cond=dm, enc=enc)
    c.obs("glucose", c.ts(day, 9, 15), 61, enc)
    # Knee OA and elective replacement
    oa_day = c.d("2022-06-21")
    enc, t = c.office(oa_day, ("239873007", "Osteoarthritis of knee (disorder)"), None, "Orthopedic consultation")
    oa = c.condition("239873007", "Osteoarthritis of knee (disorder)", t, status="resolved", abatement="2023-09-12", enc=enc)
    c.med("197806", "ibuprofen 600 MG Oral Tablet", t, "stopped", "600 mg by mouth three times daily as needed",
          reason=("239873007", "Osteoarthritis of knee (disorder)"), enc=enc, end="2023-08-29",
          why_stopped="held before surgery", prn=True)
    day = c.d("2023-08-29", 0)
    enc, t = c.office(day, ("239873007", "Osteoarthritis of knee (disorder)"), (134, 82, 74, 112.8),
                      "Preoperative evaluation")
    c.note(t, enc, HP_NOTE, "Preoperative history and physical",
           "PREOPERATIVE H&P\n"
           "55 yo man scheduled for elective right total knee arthroplasty on 2023-09-12 for end-stage osteoarthritis, "
           "referred by orthopedics after failed injections and physical therapy.\n"
           "PMH: type 2 diabetes (A1c rising on metformin and empagliflozin), hypertension, hyperlipidemia, gout, "
           "obstructive sleep apnea on CPAP nightly, obesity, peripheral neuropathy.\n"
           "Meds: metformin, Jardiance, atorvastatin, losartan, allopurinol, gabapentin; ibuprofen stopped today.\n"
           "Allergies: NKDA.\nAirway: Mallampati 3; bring CPAP to hospital.\n"
           "Assessment: acceptable risk. Hold Jardiance 3 days before surgery, hold metformin morning of surgery.\n")
    day = dt.date(2023, 9, 12)
    out = day + dt.timedelta(days=2)
    ip = c.encounter("IMP", c.ts(day, 6), c.ts(out, 13), ("239873007", "Osteoarthritis of knee (disorder)"),
                     "Hospital admission", admit="mp", disposition=("home", "Home"))
    c.dx(ip, oa)
    c.proc("609588000", "Total knee replacement (procedure)", c.ts(day, 8), ip,
           reason=("239873007", "Osteoarthritis of knee (disorder)"), end=c.ts(day, 10),
           body=("6757004", "Structure of right knee region (body structure)"))
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", c.ts(day, 14), "completed",
          "5 mg by mouth every 4 hours as needed for pain", enc=ip, end=(out + dt.timedelta(days=10)).isoformat(), prn=True)
    c.med("854235", "enoxaparin sodium 40 MG/0.4ML Prefilled Syringe", c.ts(day, 20), "completed",
          "40 mg subcutaneously daily", enc=ip, end=(out + dt.timedelta(days=14)).isoformat())
    c.obs("glucose", c.ts(day + dt.timedelta(days=1), 6), 212, ip)
    c.obs("hgb", c.ts(day + dt.timedelta(days=1), 6), 12.1, ip, sex="male")
    c.note(c.ts(out, 13), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Elective admission {day.isoformat()} (referred by orthopedic surgery) for right total knee "
           f"replacement; discharged home {out.isoformat()}.\n"
           "Course: uncomplicated surgery. Post-op glucose up to 212 on sliding scale. CPAP used nightly. "
           "Enoxaparin for VTE prophylaxis for 14 days. Oxycodone 5 mg as needed for pain.\n"
           "Resume metformin, Jardiance, losartan, atorvastatin, allopurinol, gabapentin.\n")
    # Sinusitis last winter
    day = c.d("2024-12-10", 2)
    enc, t = c.office(day, ("75498004", "Acute bacterial sinusitis (disorder)"), (132, 80, 86, 110.4), "Urgent care visit")
    sin = c.condition("75498004", "Acute bacterial sinusitis (disorder)", t, status="resolved",
                      abatement=(day + dt.timedelta(days=12)).isoformat(), enc=enc, problem=False)
    c.med("308191", "amoxicillin 500 MG Oral Capsule", t, "completed", "500 mg by mouth three times daily for 10 days",
          reason=("75498004", "Acute bacterial sinusitis (disorder)"), reason_cond=sin, enc=enc,
          end=(day + dt.timedelta(days=10)).isoformat())
    # last visit
    day = c.d("2025-11-04", 1)
    enc, t = c.office(day, T2DM, (130, 80, 74, 109.6), "Follow-up visit")
    c.dx(enc, dm)
    c.obs("a1c", t, 7.2, enc)
    c.imm(FLU[0], FLU[1], t, enc)
    c.note(t, enc, PROGRESS, "Diabetes follow-up",
           "DIABETES FOLLOW-UP\n"
           "S: Checks sugars twice daily, fasting 120s-150s. No lows since glipizide was stopped in 2022. Uses CPAP "
           "every night. No gout flares this year. Knee replacement healed well.\n"
           "O: BP 130/80, weight 109.6 kg. Monofilament reduced at both great toes.\n"
           "Labs: A1c 7.2 today (7.4 in May).\n"
           "A/P: Type 2 diabetes improving on metformin 1000 mg BID, Jardiance 10 mg and glargine 18 units. "
           "Continue. Hypertension controlled on losartan. Gout quiet on allopurinol. Neuropathy: gabapentin at night, "
           "foot care reviewed. Flu shot given.\n")


# ---------------------------------------------------------------------------------------------
# Archetype 3: older man, died — ischemic cardiomyopathy (MI, stent, ICD), HFrEF, COPD,
# non-small cell lung cancer; final admission by transfer; hospice; cause of death recorded.
def arch_hf(c: Chart) -> None:
    rng = c.rng
    death_day = c.d("2024-09-18", 2)
    c.patient("male", c.d("1951-02-27", 10), deceased=c.ts(death_day, 4, 40))
    c.coded_obs("72166-2", "Tobacco smoking status", c.ts(c.d("2012-04-17")), ("8517006", "Ex-smoker (finding)"),
                "social-history")
    c.imm(TDAP[0], TDAP[1], c.ts(c.d("2010-06-08")))
    c.imm(ZOSTAVAX[0], ZOSTAVAX[1], c.ts(c.d("2012-04-17")))
    copd = c.condition("13645005", "Chronic obstructive lung disease (disorder)", c.ts(c.d("2012-04-17")))
    c.proc("127783003", "Spirometry (procedure)", c.ts(c.d("2012-04-17")))
    c.med("745679", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", c.ts(c.d("2012-04-17")), "stopped",
          "2 puffs inhaled every 4 hours as needed for shortness of breath",
          reason=("13645005", "Chronic obstructive lung disease (disorder)"), reason_cond=copd, prn=True,
          end=death_day.isoformat(), why_stopped="patient deceased")
    c.med("485032", "Spiriva 18 MCG Inhalation Capsule", c.ts(c.d("2014-01-14")), "stopped",
          "1 capsule inhaled once daily", reason=("13645005", "Chronic obstructive lung disease (disorder)"),
          reason_cond=copd, end=death_day.isoformat(), why_stopped="patient deceased")
    for y in range(2012, 2024):
        c.imm(FLU_HD[0] if y >= 2016 else FLU[0], FLU_HD[1] if y >= 2016 else FLU[1], c.ts(c.d(f"{y}-10-09")))
    # MI 2015 through the ED
    day = c.d("2015-03-03", 2)
    ed = c.encounter("EMER", c.ts(day, 6), c.ts(day, 9), ("29857009", "Chest pain (finding)"), "Emergency department visit")
    mi = c.condition("22298006", "Myocardial infarction (disorder)", c.ts(day, 7), status="resolved",
                     abatement=(day + dt.timedelta(days=30)).isoformat(), enc=ed, problem=False)
    cad = c.condition("53741008", "Coronary arteriosclerosis (disorder)", c.ts(day, 8))
    c.condition("1755008", "Old myocardial infarction (disorder)", c.ts(day + dt.timedelta(days=30), 9))
    hld = c.condition(*HLD, c.ts(day, 8))
    c.med("243670", "aspirin 81 MG Delayed Release Oral Tablet", c.ts(day, 6, 30), "stopped", "81 mg by mouth daily",
          reason=("53741008", "Coronary arteriosclerosis (disorder)"), reason_cond=cad, enc=ed,
          end=death_day.isoformat(), why_stopped="patient deceased")
    out = day + dt.timedelta(days=4)
    ip = c.encounter("IMP", c.ts(day, 9), c.ts(out, 12), ("22298006", "Myocardial infarction (disorder)"),
                     "Hospital admission", admit="emd", disposition=("home", "Home"))
    c.dx(ip, mi)
    stent = c.device("705643001", "Coronary artery stent (physical object)", "Drug-eluting coronary stent",
                     "Meridian Vascular (invented)", "2014-11-20")
    c.proc("33367005", "Coronary angiography (procedure)", c.ts(day, 10), ip,
           reason=("22298006", "Myocardial infarction (disorder)"))
    c.proc("415070008", "Percutaneous coronary intervention (procedure)", c.ts(day, 11), ip,
           reason=("22298006", "Myocardial infarction (disorder)"), end=c.ts(day, 12), device=stent)
    c.med("309362", "clopidogrel 75 MG Oral Tablet", c.ts(day, 12, 30), "stopped", "75 mg by mouth daily",
          reason=("22298006", "Myocardial infarction (disorder)"), enc=ip, end="2016-03-08",
          why_stopped="12 months of dual antiplatelet therapy completed")
    c.med("259255", "atorvastatin 80 MG Oral Tablet", c.ts(day, 13), "stopped", "80 mg by mouth at bedtime",
          reason=HLD, reason_cond=hld, enc=ip, end=death_day.isoformat(), why_stopped="patient deceased")
    c.med("314077", "lisinopril 5 MG Oral Tablet", c.ts(day, 13), "stopped", "5 mg by mouth daily",
          reason=("53741008", "Coronary arteriosclerosis (disorder)"), enc=ip, end="2017-01-17",
          why_stopped="changed to sacubitril/valsartan")
    c.proc("433236007", "Transthoracic echocardiography (procedure)", c.ts(day + dt.timedelta(days=1), 10), ip)
    c.obs("lvef", c.ts(day + dt.timedelta(days=1), 10), 40, ip)
    c.obs("hgb", c.ts(day, 7), 14.2, ed, sex="male")
    c.obs("k", c.ts(day, 7), 4.1, ed)
    c.obs("ldl", c.ts(day + dt.timedelta(days=1), 6), 164, ip)
    # HF diagnosis 2016
    day = c.d("2016-06-14")
    enc, t = c.office(day, ("267036007", "Dyspnea (finding)"), (118, 72, 84, 88.4), "Cardiology follow-up")
    hf = c.condition("703272007", "Heart failure with reduced ejection fraction (disorder)", t, enc=enc)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", t, enc)
    c.obs("lvef", t, 30, enc)
    c.obs("ntbnp", t, 2140, enc)
    c.med("313988", "furosemide 40 MG Oral Tablet", t, "stopped", "40 mg by mouth every morning",
          reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), reason_cond=hf, enc=enc,
          end=death_day.isoformat(), why_stopped="patient deceased")
    c.med("200031", "carvedilol 12.5 MG Oral Tablet", t, "stopped", "12.5 mg by mouth twice daily",
          reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), reason_cond=hf, enc=enc,
          end=death_day.isoformat(), why_stopped="patient deceased")
    c.imm(PCV13[0], PCV13[1], t, enc)
    day = c.d("2017-01-17", 0)
    enc, t = c.office(day, ("703272007", "Heart failure with reduced ejection fraction (disorder)"), (112, 70, 76, 86.9),
                      "Cardiology follow-up")
    c.dx(enc, hf)
    c.med("1656354", "Entresto 49 MG / 51 MG Oral Tablet", t, "stopped", "1 tablet by mouth twice daily",
          reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), reason_cond=hf, enc=enc,
          end=death_day.isoformat(), why_stopped="patient deceased")
    c.med("313096", "spironolactone 25 MG Oral Tablet", t, "stopped", "25 mg by mouth daily",
          reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), reason_cond=hf, enc=enc,
          end=death_day.isoformat(), why_stopped="patient deceased")
    c.allergy("293500009", "Angiotensin-converting-enzyme inhibitor adverse reaction (disorder)", "medication",
              t, ("49727002", "Cough (finding)"), kind="intolerance", severity="mild")
    c.obs("lvef", t, 28, enc)
    c.imm(PPSV23[0], PPSV23[1], c.ts(c.d("2017-10-10")))
    # ICD
    day = c.d("2017-05-09", 1)
    enc = c.encounter("AMB", c.ts(day, 7), c.ts(day, 17),
                      ("703272007", "Heart failure with reduced ejection fraction (disorder)"), "Cardiac device implantation")
    icd = c.device("72506001", "Implantable defibrillator, device (physical object)",
                   "Single-chamber implantable cardioverter defibrillator", "Halcyon Cardiac Systems (invented)",
                   "2017-01-15")
    c.proc("447365002", "Insertion of implantable cardioverter defibrillator (procedure)", c.ts(day, 9), enc,
           reason=("703272007", "Heart failure with reduced ejection fraction (disorder)"), end=c.ts(day, 11), device=icd)
    # yearly cardiology with labs
    bnp = {2018: 1480, 2019: 990, 2020: 1210, 2021: 1650, 2022: 2380, 2023: 3120}
    kk = {2018: 4.6, 2019: 4.8, 2020: 5.9, 2021: 4.7, 2022: 4.9, 2023: 4.5}
    for y in range(2018, 2024):
        day = c.d(f"{y}-03-20")
        vit = (rng.randint(104, 122), rng.randint(62, 74), rng.randint(64, 78),
               r1(86 - 0.8 * (y - 2018) + rng.uniform(-0.8, 0.8)))
        enc, t = c.office(day, ("703272007", "Heart failure with reduced ejection fraction (disorder)"), vit,
                          "Cardiology follow-up")
        c.dx(enc, hf)
        c.obs("ntbnp", t, bnp[y], enc)
        c.obs("k", t, kk[y], enc)
        c.obs("na", t, [138, 137, 136, 135, 134, 133][y - 2018], enc)
        c.obs("creat", t, [1.21, 1.25, 1.38, 1.33, 1.41, 1.47][y - 2018], enc)
        c.obs("hgb", t, [13.8, 13.5, 13.3, 13.0, 12.6, 11.9][y - 2018], enc, sex="male")
        if y in (2018, 2021, 2023):
            c.proc("433236007", "Transthoracic echocardiography (procedure)", t, enc)
            c.obs("lvef", t, {2018: 33, 2021: 31, 2023: 27}[y], enc)
        if y == 2019:
            c.proc("127783003", "Spirometry (procedure)", t, enc)
        if y == 2020:
            c.condition("14140009", "Hyperkalemia (disorder)", t, status="resolved",
                        abatement=(day + dt.timedelta(days=21)).isoformat(), enc=enc, problem=False)
        if y == 2021:
            c.note(t, enc, PROGRESS, "Cardiology progress note",
                   "CARDIOLOGY FOLLOW-UP\n"
                   "70 yo man with ischemic cardiomyopathy (anterior MI 2015 treated with PCI and a drug-eluting stent), "
                   "HFrEF, single-chamber ICD since 2017 without shocks, COPD.\n"
                   "S: NYHA class II, walks 2 blocks. No orthopnea. Uses albuterol a few times a week.\n"
                   f"O: BP {vit[0]}/{vit[1]}, weight {vit[3]} kg, mild ankle edema.\n"
                   "Echo today: LVEF 31%.\nNT-proBNP 1650. K 4.7 (hyperkalemia last year on spironolactone resolved "
                   "after dietary advice).\n"
                   "Plan: continue Entresto 49/51 BID, carvedilol 12.5 BID, spironolactone 25, furosemide 40 every "
                   "morning. Daily weights. Device clinic in 3 months.\n")
    for dd in ("2021-02-02", "2021-02-23", "2022-10-11"):
        c.imm(COVID[0], COVID[1], c.ts(c.d(dd, 1)))
    # COPD exacerbation Jan 2022: ED then admission
    day = c.d("2022-01-11", 2)
    ed = c.encounter("EMER", c.ts(day, 22), c.ts(day + dt.timedelta(days=1), 2),
                     ("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)"),
                     "Emergency department visit")
    aecopd = c.condition("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)",
                         c.ts(day, 22, 30), status="resolved", abatement=(day + dt.timedelta(days=14)).isoformat(),
                         enc=ed, problem=False)
    c.obs("spo2", c.ts(day, 22, 10), 86, ed)
    d2 = day + dt.timedelta(days=1)
    out = day + dt.timedelta(days=5)
    ip = c.encounter("IMP", c.ts(d2, 2), c.ts(out, 12),
                     ("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)"),
                     "Hospital admission", admit="emd", disposition=("home", "Home"))
    c.dx(ip, aecopd)
    c.med("312617", "prednisone 10 MG Oral Tablet", c.ts(d2, 8), "completed", "40 mg by mouth daily for 5 days",
          reason=("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)"), enc=ip,
          end=(d2 + dt.timedelta(days=5)).isoformat())
    c.med("308460", "azithromycin 250 MG Oral Tablet", c.ts(d2, 8), "completed", "500 mg day 1 then 250 mg daily",
          reason=("195951007", "Acute exacerbation of chronic obstructive airways disease (disorder)"), enc=ip,
          end=(d2 + dt.timedelta(days=5)).isoformat())
    # Lung cancer 2023
    day = c.d("2023-05-09")
    enc, t = c.office(day, ("263731006", "Coughing up blood (finding)"), None, "Pulmonology consultation")
    c.proc("10847001", "Bronchoscopy (procedure)", t, enc)
    day2 = c.d("2023-05-23")
    enc2, t2 = c.office(day2, ("254637007", "Non-small cell lung cancer (disorder)"), (110, 68, 80, 81.5),
                        "Oncology consultation")
    cancer = c.condition("254637007", "Non-small cell lung cancer (disorder)", t2, enc=enc2)
    c.note(t2, enc2, PROGRESS, "Oncology consultation",
           "ONCOLOGY CONSULTATION\n"
           "72 yo former smoker (50 pack-years, quit 2012) with COPD and ischemic cardiomyopathy, EF 27-33%, ICD. "
           "Bronchoscopic biopsy of a 3.4 cm right upper lobe mass: non-small cell lung cancer (adenocarcinoma), "
           "mediastinal nodes positive, stage IIIB.\n"
           "Not a surgical candidate given cardiac function. Plan: concurrent chemoradiation with weekly carboplatin "
           "and paclitaxel; palliative care referral for symptom management.\n")
    for dd in ("2023-06-13", "2023-06-20", "2023-06-27", "2023-07-05", "2023-07-11", "2023-07-18"):
        day = c.d(dd, 0)
        enc, t = c.office(day, ("254637007", "Non-small cell lung cancer (disorder)"), None, "Infusion visit", hh=10)
        c.proc("367336001", "Chemotherapy (procedure)", t, enc,
               reason=("254637007", "Non-small cell lung cancer (disorder)"))
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", c.ts(c.d("2023-11-14")), "stopped",
          "5 mg by mouth every 6 hours as needed for pain", reason=("254637007", "Non-small cell lung cancer (disorder)"),
          reason_cond=cancer, prn=True, end="2024-03-12", why_stopped="changed to long-acting morphine")
    c.med("892494", "morphine sulfate 15 MG Extended Release Oral Tablet", c.ts(c.d("2024-03-12", 0)), "stopped",
          "15 mg by mouth every 12 hours", reason=("254637007", "Non-small cell lung cancer (disorder)"),
          reason_cond=cancer, end=death_day.isoformat(), why_stopped="patient deceased")
    # final admission: transfer from outside hospital
    day = c.d("2024-08-30", 1)
    out = day + dt.timedelta(days=6)
    ip = c.encounter("IMP", c.ts(day, 16), c.ts(out, 14), ("233604007", "Pneumonia (disorder)"), "Hospital admission",
                     admit="hosp-trans", disposition=("hosp", "Hospice - home"))
    pna = c.condition("233604007", "Pneumonia (disorder)", c.ts(day, 17), enc=ip, problem=False)
    c.dx(ip, cancer)
    c.dx(ip, hf)
    c.obs("wbc", c.ts(day, 18), 16.8, ip)
    c.obs("ntbnp", c.ts(day, 18), 6840, ip)
    c.obs("k", c.ts(day, 18), 5.2, ip)
    c.obs("na", c.ts(day, 18), 129, ip)
    c.obs("hgb", c.ts(day, 18), 10.2, ip, sex="male")
    c.obs("spo2", c.ts(day, 18), 88, ip)
    c.med("1665021", "ceftriaxone 1000 MG Injection", c.ts(day, 19), "completed", "1 g IV every 24 hours",
          reason=("233604007", "Pneumonia (disorder)"), reason_cond=pna, enc=ip, end=out.isoformat())
    c.note(c.ts(out, 14), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Transferred {day.isoformat()} from an outside community hospital for a higher level of care; "
           f"discharged {out.isoformat()} to home hospice.\n"
           "Diagnoses: right lower lobe pneumonia; stage IIIB non-small cell lung cancer with progression; HFrEF "
           "with volume overload; COPD.\n"
           "Course: IV ceftriaxone; diuresis limited by hypotension. Goals of care discussed with patient and wife; "
           "he chose comfort-focused care. ICD tachy therapies deactivated before discharge.\n"
           "Discharge medications: morphine sulfate ER 15 mg q12h, furosemide, albuterol as needed.\n")
    c.coded_obs("69453-9", "Cause of death [US Standard Certificate of Death]", c.ts(death_day, 4, 40),
                ("254637007", "Non-small cell lung cancer (disorder)"), "survey")
    c.note(c.ts(death_day, 9), None, ("67855-1", "Death note"), "Hospice death note",
           "HOSPICE NURSE VISIT - DEATH PRONOUNCEMENT\n"
           f"Called by family at 04:50. Patient died peacefully at home on {death_day.isoformat()} at 04:40, wife at "
           "bedside. No respirations, no heart sounds for one full minute. ICD shock therapies had been deactivated. "
           "Immediate cause: non-small cell lung cancer, with heart failure and COPD contributing.\n")


# ---------------------------------------------------------------------------------------------
# Archetype 4: young woman — asthma, depression (fluoxetine -> sertraline), migraine, bee sting
# anaphylaxis (EpiPen), iron deficiency, pneumonia admission through the ED, IUD.
def arch_asthma(c: Chart) -> None:
    rng = c.rng
    c.patient("female", c.d("1991-06-22", 10), married=False)
    for dd in ("1991-06-23", "1991-07-25", "1992-01-10"):
        c.imm(HEPB_PED[0], HEPB_PED[1], c.ts(c.d(dd, 0)))
    for dd in ("2008-09-16", "2008-11-18", "2009-03-17"):
        c.imm(HPV[0], HPV[1], c.ts(c.d(dd, 2)))
    asthma = c.condition("195967001", "Asthma (disorder)", c.ts(c.d("2005-10-04")))
    c.allergy("387406002", "Sulfonamide (substance)", "medication", c.ts(c.d("2010-03-02")),
              ("271807003", "Eruption of skin (disorder)"))
    day = c.d("2009-08-04")
    enc, t = c.office(day, ("74400008", "Appendicitis (disorder)"), None, "Surgical visit")
    c.proc("80146002", "Appendectomy (procedure)", t, enc, reason=("74400008", "Appendicitis (disorder)"))
    mig = c.condition("37796009", "Migraine (disorder)", c.ts(c.d("2016-02-09")))
    c.med("313165", "sumatriptan 50 MG Oral Tablet", c.ts(c.d("2016-02-09")), "active",
          "50 mg by mouth at migraine onset, may repeat once in 2 hours", reason=("37796009", "Migraine (disorder)"),
          reason_cond=mig, prn=True)
    c.med("197805", "ibuprofen 400 MG Oral Tablet", c.ts(c.d("2016-02-09")), "active",
          "400 mg by mouth every 6 hours as needed for headache", reason=("37796009", "Migraine (disorder)"), prn=True)
    day = c.d("2018-01-16")
    enc, t = c.office(day, ("195967001", "Asthma (disorder)"), (112, 70, 76, 61.5), "Follow-up visit")
    c.proc("127783003", "Spirometry (procedure)", t, enc)
    c.med("895994", "fluticasone propionate 0.11 MG/ACTUAT Metered Dose Inhaler", t, "active",
          "2 puffs inhaled twice daily", reason=("195967001", "Asthma (disorder)"), reason_cond=asthma, enc=enc)
    c.med("745679", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", t, "active",
          "2 puffs inhaled every 4 to 6 hours as needed for wheeze", reason=("195967001", "Asthma (disorder)"),
          reason_cond=asthma, enc=enc, prn=True)
    # depression and anxiety
    day = c.d("2019-01-15")
    enc, t = c.office(day, ("35489007", "Depressive disorder (disorder)"), (116, 74, 80, 63.0), "Office visit")
    mdd = c.condition("370143000", "Major depressive disorder (disorder)", t, enc=enc)
    c.condition("21897009", "Generalized anxiety disorder (disorder)", t, enc=enc)
    c.obs("phq9", t, 18, enc)
    c.obs("tsh", t, 1.9, enc)
    c.med("310385", "fluoxetine 20 MG Oral Capsule", t, "stopped", "20 mg by mouth every morning",
          reason=("370143000", "Major depressive disorder (disorder)"), reason_cond=mdd, enc=enc, end="2020-06-09",
          why_stopped="inadequate response")
    phq = [("2019-06-11", 14), ("2020-06-09", 16), ("2021-06-15", 9), ("2022-06-14", 8), ("2023-06-13", 7),
           ("2024-06-11", 6), ("2025-09-16", 5)]
    for dd, score in phq:
        day = c.d(dd, 0 if dd == "2020-06-09" else 3)
        enc, t = c.office(day, ("370143000", "Major depressive disorder (disorder)"),
                          (rng.randint(108, 120), rng.randint(66, 78), rng.randint(70, 84), r1(63 + rng.uniform(-1.5, 1.5))),
                          "Behavioral health follow-up")
        c.dx(enc, mdd)
        c.obs("phq9", t, score, enc)
        if dd == "2020-06-09":
            c.med("312940", "sertraline 50 MG Oral Tablet", t, "active", "50 mg by mouth daily",
                  reason=("370143000", "Major depressive disorder (disorder)"), reason_cond=mdd, enc=enc)
        if dd == "2025-09-16":
            c.obs("tsh", t, 2.4, enc)
            c.note(t, enc, PROGRESS, "Behavioral health progress note",
                   "BEHAVIORAL HEALTH FOLLOW-UP\n"
                   "S: Mood stable, sleeping 7 hours, working full time, running twice a week. Occasional worry before "
                   "work deadlines, manageable. Migraines about once a month, sumatriptan works.\n"
                   "Meds: sertraline 50 mg daily (since June 2020, after fluoxetine did not help), sumatriptan as "
                   "needed, fluticasone and albuterol inhalers, EpiPen carried.\n"
                   "PHQ-9 today 5 (18 at diagnosis in 2019).\n"
                   "A/P: Major depressive disorder in remission on sertraline - continue, reassess in 6 months. "
                   "GAD mild. TSH normal.\n")
    for dd in ("2021-04-06", "2021-04-27", "2022-01-11", "2024-10-08"):
        c.imm(COVID[0], COVID[1], c.ts(c.d(dd, 1)))
    for y in (2019, 2020, 2021, 2023, 2024):
        c.imm(FLU[0], FLU[1], c.ts(c.d(f"{y}-10-22")))
    c.imm(TDAP[0], TDAP[1], c.ts(c.d("2021-08-17")))
    # bee sting anaphylaxis
    day = c.d("2022-07-16", 2)
    ed = c.encounter("EMER", c.ts(day, 15), c.ts(day, 21), ("39579001", "Anaphylaxis (disorder)"),
                     "Emergency department visit")
    ana = c.condition("39579001", "Anaphylaxis (disorder)", c.ts(day, 15, 20), status="resolved",
                      abatement=(day + dt.timedelta(days=1)).isoformat(), enc=ed, problem=False)
    c.bp(c.ts(day, 15, 10), 84, 50, ed)
    c.obs("hr", c.ts(day, 15, 10), 124, ed)
    c.obs("spo2", c.ts(day, 15, 10), 93, ed)
    c.med("1660014", "epinephrine 1 MG/ML Injectable Solution", c.ts(day, 15, 15), "completed",
          "0.5 mg intramuscular once", reason=("39579001", "Anaphylaxis (disorder)"), reason_cond=ana, enc=ed,
          end=day.isoformat())
    c.med("1870230", "EpiPen 0.3 MG/0.3ML Auto-Injector", c.ts(day, 20), "active",
          "0.3 mg intramuscular once as needed for anaphylaxis; may repeat in 5 minutes",
          reason=("39579001", "Anaphylaxis (disorder)"), enc=ed, prn=True)
    c.allergy("288328004", "Bee venom (substance)", "environment", c.ts(day, 20),
              ("39579001", "Anaphylaxis (disorder)"), criticality="high", severity="severe")
    c.note(c.ts(day, 21), ed, ED_NOTE, "ED provider note",
           "EMERGENCY DEPARTMENT NOTE\nCC: bee sting, throat tightness.\n"
           "HPI: 31 yo woman with asthma stung on the right hand while gardening 20 minutes before arrival; hives, lip "
           "swelling, wheeze and lightheadedness.\nExam: BP 84/50, HR 124, SpO2 93%, diffuse urticaria, wheeze.\n"
           "Tx: epinephrine 0.5 mg IM, IV fluids, albuterol neb. Observed 6 hours, symptoms resolved.\n"
           "Dx: anaphylaxis due to bee sting.\nDispo: home with EpiPen prescription, allergy referral.\n")
    # gastroenteritis ED
    day = c.d("2023-08-05", 2)
    ed = c.encounter("EMER", c.ts(day, 9), c.ts(day, 13), ("25374005", "Gastroenteritis (disorder)"),
                     "Emergency department visit")
    c.condition("25374005", "Gastroenteritis (disorder)", c.ts(day, 9, 30), status="resolved",
                abatement=(day + dt.timedelta(days=4)).isoformat(), enc=ed, problem=False)
    c.med("104894", "ondansetron 4 MG Disintegrating Oral Tablet", c.ts(day, 9, 40), "completed",
          "4 mg by mouth once", reason=("25374005", "Gastroenteritis (disorder)"), enc=ed, end=day.isoformat())
    # iron deficiency
    day = c.d("2023-04-18")
    enc, t = c.office(day, ("84229001", "Fatigue (finding)"), (110, 68, 88, 62.2), "Office visit")
    ida = c.condition("87522002", "Iron deficiency anemia (disorder)", t, status="resolved", abatement="2024-02-20", enc=enc)
    c.obs("hgb", t, 9.8, enc)
    c.obs("ferritin", t, 6, enc)
    c.med("310325", "ferrous sulfate 325 MG Oral Tablet", t, "completed", "325 mg by mouth daily with orange juice",
          reason=("87522002", "Iron deficiency anemia (disorder)"), reason_cond=ida, enc=enc, end="2024-02-20")
    for dd, h, f in (("2022-03-08", 11.9, None), ("2023-08-22", 11.2, 18), ("2024-02-20", 12.8, 42), ("2025-09-16", 13.1, None)):
        if dd == "2025-09-16":
            continue
        day = c.d(dd, 0 if dd == "2024-02-20" else 3)
        enc, t = c.office(day, CHECKUP, (rng.randint(106, 118), rng.randint(66, 76), rng.randint(70, 84),
                                         r1(62.5 + rng.uniform(-1, 1))), "Office visit")
        c.obs("hgb", t, h, enc)
        if f:
            c.obs("ferritin", t, f, enc)
    # IUD
    day = c.d("2023-02-14")
    enc = c.encounter("AMB", c.ts(day, 10), c.ts(day, 11), ("169443000", "Contraception (finding)"), "Gynecology visit")
    iud = c.device("268460000", "Intrauterine contraceptive device (physical object)",
                   "Levonorgestrel-releasing intrauterine system 52 mg", "Corvale Women's Health (invented)", "2022-09-01")
    c.proc("65200003", "Insertion of intrauterine contraceptive device (procedure)", c.ts(day, 10, 20), enc, device=iud)
    # pneumonia admission through ED, March 2024
    day = c.d("2024-03-04", 2)
    ed = c.encounter("EMER", c.ts(day, 8), c.ts(day, 13), ("267036007", "Dyspnea (finding)"), "Emergency department visit")
    c.obs("temp", c.ts(day, 8, 10), 39.1, ed)
    c.obs("spo2", c.ts(day, 8, 10), 89, ed)
    c.obs("wbc", c.ts(day, 8, 40), 15.2, ed)
    c.proc("399208008", "Plain chest X-ray (procedure)", c.ts(day, 9), ed)
    out = day + dt.timedelta(days=3)
    ip = c.encounter("IMP", c.ts(day, 13), c.ts(out, 12), ("233604007", "Pneumonia (disorder)"), "Hospital admission",
                     admit="emd", disposition=("home", "Home"))
    pna = c.condition("233604007", "Pneumonia (disorder)", c.ts(day, 13), status="resolved",
                      abatement=(day + dt.timedelta(days=28)).isoformat(), enc=ip, problem=False)
    c.dx(ip, asthma)
    c.med("1665021", "ceftriaxone 1000 MG Injection", c.ts(day, 14), "completed", "1 g IV every 24 hours",
          reason=("233604007", "Pneumonia (disorder)"), reason_cond=pna, enc=ip, end=out.isoformat())
    c.med("308460", "azithromycin 250 MG Oral Tablet", c.ts(day, 14), "completed", "500 mg day 1 then 250 mg daily x4",
          reason=("233604007", "Pneumonia (disorder)"), reason_cond=pna, enc=ip, end=(day + dt.timedelta(days=5)).isoformat())
    c.note(c.ts(out, 12), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Admitted {day.isoformat()} from the emergency department with community-acquired pneumonia (right middle "
           f"lobe infiltrate, fever 39.1, SpO2 89% on room air); discharged home {out.isoformat()}.\n"
           "Treated with ceftriaxone IV and azithromycin; asthma controlled with scheduled albuterol and home "
           "fluticasone. Weaned off oxygen day 2.\nFollow-up with primary care in 1 week.\n")
    # asthma exacerbation ED Jan 2025
    day = c.d("2025-01-21", 2)
    ed = c.encounter("EMER", c.ts(day, 19), c.ts(day, 23), ("708038006", "Acute exacerbation of asthma (disorder)"),
                     "Emergency department visit")
    c.condition("708038006", "Acute exacerbation of asthma (disorder)", c.ts(day, 19, 20), status="resolved",
                abatement=(day + dt.timedelta(days=10)).isoformat(), enc=ed, problem=False)
    c.obs("spo2", c.ts(day, 19, 10), 92, ed)
    c.med("312617", "prednisone 10 MG Oral Tablet", c.ts(day, 21), "completed", "40 mg by mouth daily for 5 days",
          reason=("708038006", "Acute exacerbation of asthma (disorder)"), enc=ed,
          end=(day + dt.timedelta(days=5)).isoformat())


# ---------------------------------------------------------------------------------------------
# Archetype 5: man in his forties — type 1 diabetes on an insulin pump, hypothyroidism
# (Synthroid), multiple sclerosis, pulmonary embolism treated with apixaban (completed),
# kidney stone in the ED, latex allergy.
def arch_t1(c: Chart) -> None:
    rng = c.rng
    c.patient("male", c.d("1980-04-11", 10))
    t1 = c.condition(*T1DM, c.ts(c.d("1996-09-17")))
    c.allergy("1003755004", "Allergy to latex (finding)", "environment", c.ts(c.d("2008-05-20")),
              ("40275004", "Contact dermatitis (disorder)"))
    for dd in ("2010-02-09", "2010-03-09", "2010-08-10"):
        c.imm(HEPB[0], HEPB[1], c.ts(c.d(dd, 2)))
    c.med("311041", "insulin glargine 100 UNT/ML Injectable Solution", c.ts(c.d("2010-02-09")), "stopped",
          "22 units subcutaneously at bedtime", reason=T1DM, reason_cond=t1, end="2019-03-12",
          why_stopped="transitioned to insulin pump")
    c.imm(PPSV23[0], PPSV23[1], c.ts(c.d("2015-05-12")))
    hypo = c.condition("40930008", "Hypothyroidism (disorder)", c.ts(c.d("2014-03-18")))
    c.med("966224", "Synthroid 0.1 MG Oral Tablet", c.ts(c.d("2014-03-18")), "active",
          "100 mcg by mouth every morning on an empty stomach", reason=("40930008", "Hypothyroidism (disorder)"),
          reason_cond=hypo)
    tsh = {2014: 8.9, 2015: 3.1, 2016: 2.4, 2017: 1.8, 2018: 2.2, 2019: 2.9, 2020: 3.6, 2021: 4.1,
           2022: 4.4, 2023: 4.9, 2024: 5.3, 2025: 5.8}
    a1c = {2016: 8.1, 2017: 7.9, 2018: 8.3, 2019: 7.6, 2020: 7.2, 2021: 7.0, 2022: 6.9, 2023: 7.1, 2024: 6.8, 2025: 6.9}
    ca = {2014: 9.4, 2016: 9.6, 2018: 9.3, 2020: 9.8, 2022: 9.5, 2024: 10.1, 2025: 9.7}
    vitd = {2018: 17, 2019: 28, 2021: 34, 2023: 38, 2025: 41}
    for y in range(2014, 2026):
        day = c.d(f"{y}-03-18")
        vit = (rng.randint(116, 128), rng.randint(72, 82), rng.randint(64, 76), r1(82 + 0.3 * (y - 2014) + rng.uniform(-1, 1)))
        enc, t = c.office(day, T1DM if y >= 2016 else ("40930008", "Hypothyroidism (disorder)"), vit, "Endocrinology follow-up")
        c.dx(enc, t1)
        c.obs("tsh", t, tsh[y], enc)
        if y in (2014, 2025):
            c.obs("ft4", t, {2014: 0.71, 2025: 1.02}[y], enc)
        if y in a1c:
            c.obs("a1c", t, a1c[y], enc)
            c.obs("glucose", t, rng.randint(118, 186), enc)
        if y in ca:
            c.obs("calcium", t, ca[y], enc)
        if y in vitd:
            c.obs("vitd", t, vitd[y], enc)
        if y in (2016, 2019, 2022, 2025):
            c.obs("creat", t, r2(0.96 + rng.uniform(-0.05, 0.05)), enc)
            c.obs("egfr", t, rng.randint(88, 99), enc)
        if y == 2018:
            vdd = c.condition("34713006", "Vitamin D deficiency (disorder)", t, enc=enc)
            c.med("636676", "cholecalciferol 0.05 MG Oral Tablet", t, "active", "2000 units by mouth daily",
                  reason=("34713006", "Vitamin D deficiency (disorder)"), reason_cond=vdd, enc=enc)
        if y == 2019:
            pump = c.device("69805005", "Insulin pump, device (physical object)", "Tubed insulin pump",
                            "Lumen Diabetes Devices (invented)", "2018-12-01")
            c.proc("183000005", "Initiation of insulin pump therapy (procedure)", t, enc, reason=T1DM, device=pump)
            c.med("261542", "Humalog 100 UNT/ML Injectable Solution", t, "active",
                  "via insulin pump, basal 0.8 units/hour, bolus per carbohydrate ratio 1:10",
                  reason=T1DM, reason_cond=t1, enc=enc)
        if y == 2021:
            c.device("463729000", "Continuous glucose monitoring system (physical object)",
                     "Continuous glucose monitor sensor", "Lumen Diabetes Devices (invented)", "2020-11-01")
    for y in range(2016, 2026):
        c.imm(FLU[0], FLU[1], c.ts(c.d(f"{y}-10-20")))
    c.imm(TDAP[0], TDAP[1], c.ts(c.d("2018-03-13")))
    for dd in ("2021-04-13", "2021-05-04", "2023-10-17"):
        c.imm(COVID[0], COVID[1], c.ts(c.d(dd, 1)))
    # MS: referral, elective admission for IV steroids, MRI, LP
    day = c.d("2016-09-06")
    enc, t = c.office(day, ("246636008", "Blurred vision (finding)"), (122, 78, 70, 83.0), "Neurology consultation")
    c.proc("816077007", "Magnetic resonance imaging of brain (procedure)", t, enc)
    d2 = c.d("2016-09-13", 1)
    out = d2 + dt.timedelta(days=3)
    ip = c.encounter("IMP", c.ts(d2, 8), c.ts(out, 12), ("24700007", "Multiple sclerosis (disorder)"),
                     "Hospital admission", admit="mp", disposition=("home", "Home"))
    ms = c.condition("24700007", "Multiple sclerosis (disorder)", c.ts(d2, 9), enc=ip)
    c.proc("277762005", "Lumbar puncture (procedure)", c.ts(d2, 11), ip, reason=("24700007", "Multiple sclerosis (disorder)"))
    c.med("1743775", "methylprednisolone sodium succinate 1000 MG Injection", c.ts(d2, 12), "completed",
          "1000 mg IV daily for 3 days", reason=("24700007", "Multiple sclerosis (disorder)"), reason_cond=ms, enc=ip,
          end=out.isoformat())
    day = c.d("2017-01-10")
    enc, t = c.office(day, ("24700007", "Multiple sclerosis (disorder)"), None, "Neurology follow-up")
    c.dx(enc, ms)
    c.med("1373483", "dimethyl fumarate 240 MG Delayed Release Oral Capsule", t, "active", "240 mg by mouth twice daily",
          reason=("24700007", "Multiple sclerosis (disorder)"), reason_cond=ms, enc=enc)
    for dd in ("2018-09-11", "2021-09-14", "2024-06-11"):
        day = c.d(dd)
        enc, t = c.office(day, ("24700007", "Multiple sclerosis (disorder)"), None, "Neurology follow-up")
        c.dx(enc, ms)
        c.proc("816077007", "Magnetic resonance imaging of brain (procedure)", t, enc,
               reason=("24700007", "Multiple sclerosis (disorder)"))
        if dd == "2024-06-11":
            c.note(t, enc, PROGRESS, "Neurology progress note",
                   "NEUROLOGY FOLLOW-UP\n"
                   "44 yo man with relapsing-remitting multiple sclerosis diagnosed 09/2016 (optic neuritis, treated "
                   "with IV methylprednisolone), on dimethyl fumarate since 01/2017. No relapses since. Also type 1 "
                   "diabetes on an insulin pump with CGM, hypothyroidism on Synthroid.\n"
                   "Exam: EDSS 1.5, mild left-sided hyperreflexia.\nMRI brain today: stable periventricular lesions, "
                   "no new or enhancing lesions compared with 2021.\n"
                   "Plan: continue dimethyl fumarate 240 mg BID; lymphocyte count every 6 months; MRI in 2-3 years.\n")
    # PE 2022 through the ED
    day = c.d("2022-04-18", 2)
    ed = c.encounter("EMER", c.ts(day, 11), c.ts(day, 17), ("267036007", "Dyspnea (finding)"), "Emergency department visit")
    c.obs("ddimer", c.ts(day, 11, 30), 3.8, ed)
    c.obs("hr", c.ts(day, 11, 10), 112, ed)
    c.obs("spo2", c.ts(day, 11, 10), 91, ed)
    c.proc("241540006", "Computed tomography angiography of pulmonary arteries (procedure)", c.ts(day, 12, 30), ed)
    out = day + dt.timedelta(days=3)
    ip = c.encounter("IMP", c.ts(day, 17), c.ts(out, 11), ("59282003", "Pulmonary embolism (disorder)"),
                     "Hospital admission", admit="emd", disposition=("home", "Home"))
    pe = c.condition("59282003", "Pulmonary embolism (disorder)", c.ts(day, 13), status="resolved",
                     abatement="2022-10-18", enc=ip)
    c.dx(ed, pe)
    c.med("1364445", "apixaban 5 MG Oral Tablet", c.ts(day, 18), "completed",
          "10 mg by mouth twice daily for 7 days, then 5 mg twice daily", reason=("59282003", "Pulmonary embolism (disorder)"),
          reason_cond=pe, enc=ip, end="2022-10-18")
    c.note(c.ts(out, 11), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Admitted {day.isoformat()} through the emergency department with pleuritic chest pain and dyspnea after a "
           "long drive; CT angiogram showed bilateral segmental pulmonary emboli without right heart strain. "
           "D-dimer 3.8.\n"
           "Started apixaban 10 mg BID x7 days then 5 mg BID; planned duration 6 months (provoked). Insulin pump "
           "continued with endocrine input.\nDischarged home.\n")
    # kidney stone ED Nov 2023
    day = c.d("2023-11-27", 2)
    ed = c.encounter("EMER", c.ts(day, 2), c.ts(day, 8), ("95570007", "Kidney stone (disorder)"), "Emergency department visit")
    stone = c.condition("95570007", "Kidney stone (disorder)", c.ts(day, 3), status="resolved",
                        abatement=(day + dt.timedelta(days=20)).isoformat(), enc=ed, problem=False)
    c.proc("169070004", "Computed tomography of abdomen and pelvis (procedure)", c.ts(day, 3, 30), ed)
    c.obs("calcium", c.ts(day, 2, 40), 10.4, ed)
    c.obs("creat", c.ts(day, 2, 40), 1.12, ed)
    c.med("860092", "ketorolac tromethamine 30 MG/ML Injectable Solution", c.ts(day, 2, 45), "completed",
          "15 mg IV once", reason=("95570007", "Kidney stone (disorder)"), reason_cond=stone, enc=ed, end=day.isoformat())
    c.med("1740467", "ondansetron 2 MG/ML Injectable Solution", c.ts(day, 2, 45), "completed", "4 mg IV once",
          enc=ed, end=day.isoformat())
    c.med("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule", c.ts(day, 7, 30), "completed",
          "0.4 mg by mouth daily for 14 days", reason=("95570007", "Kidney stone (disorder)"), reason_cond=stone,
          enc=ed, end=(day + dt.timedelta(days=14)).isoformat())
    c.note(c.ts(day, 8), ed, ED_NOTE, "ED provider note",
           "EMERGENCY DEPARTMENT NOTE\nCC: right flank pain since 1 am, vomiting.\n"
           "CT abdomen/pelvis: 4 mm right distal ureteral stone, mild hydronephrosis.\n"
           "Tx: ketorolac 15 mg IV, ondansetron 4 mg IV. Pain controlled.\n"
           "Dispo: home with tamsulosin 0.4 mg daily x14 days, strain urine, urology follow-up. Insulin pump "
           "unchanged.\n")


# ---------------------------------------------------------------------------------------------
# Archetype 6: elderly woman — breast cancer in remission (lumpectomy, letrozole completed),
# osteoporosis (alendronate stopped, Prolia), GERD, hip fracture admitted by transfer,
# syncope admission through the ED, hip prosthesis, hearing aid, falls.
def arch_onc(c: Chart) -> None:
    rng = c.rng
    c.patient("female", c.d("1944-12-02", 10), married=False)
    c.allergy("300916003", "Allergy to codeine (finding)", "medication", c.ts(c.d("2001-06-05")),
              ("422587007", "Nausea (finding)"), kind="intolerance", severity="mild")
    c.imm(TD[0], TD[1], c.ts(c.d("2009-09-15")))
    c.imm(ZOSTAVAX[0], ZOSTAVAX[1], c.ts(c.d("2012-05-08")))
    gerd = c.condition("235595009", "Gastroesophageal reflux disease (disorder)", c.ts(c.d("2012-02-14")))
    c.proc("76009000", "Esophagogastroduodenoscopy (procedure)", c.ts(c.d("2012-02-28")))
    c.proc("73761001", "Colonoscopy (procedure)", c.ts(c.d("2012-03-20")))
    c.med("198053", "omeprazole 20 MG Delayed Release Oral Capsule", c.ts(c.d("2012-02-14")), "active",
          "20 mg by mouth daily before breakfast", reason=("235595009", "Gastroesophageal reflux disease (disorder)"),
          reason_cond=gerd)
    # breast cancer
    day = c.d("2010-03-16")
    enc, t = c.office(day, ("254837009", "Malignant neoplasm of breast (disorder)"), None, "Surgical oncology consultation")
    bc = c.condition("254837009", "Malignant neoplasm of breast (disorder)", t, status="resolved", abatement="2016-09-20",
                     enc=enc)
    day = c.d("2010-04-13", 1)
    enc = c.encounter("AMB", c.ts(day, 7), c.ts(day, 15), ("254837009", "Malignant neoplasm of breast (disorder)"),
                      "Day surgery")
    c.proc("392021009", "Lumpectomy of breast (procedure)", c.ts(day, 9), enc,
           reason=("254837009", "Malignant neoplasm of breast (disorder)"), end=c.ts(day, 10),
           body=("80248007", "Left breast structure (body structure)"))
    c.med("200064", "letrozole 2.5 MG Oral Tablet", c.ts(c.d("2010-09-14")), "completed", "2.5 mg by mouth daily",
          reason=("254837009", "Malignant neoplasm of breast (disorder)"), reason_cond=bc, end="2015-09-15")
    for y in range(2011, 2021):
        c.proc("71651007", "Mammography (procedure)", c.ts(c.d(f"{y}-04-12")),
               reason=("254837009", "Malignant neoplasm of breast (disorder)") if y < 2017 else None)
    # osteoporosis
    day = c.d("2014-05-13")
    enc, t = c.office(day, CHECKUP, (138, 78, 70, 61.0), "Office visit")
    osteo = c.condition("64859006", "Osteoporosis (disorder)", t, enc=enc)
    c.proc("312681000", "Bone density scan (procedure)", t, enc)
    c.obs("tscore", t, -2.7, enc)
    c.med("904419", "alendronate sodium 70 MG Oral Tablet", t, "stopped", "70 mg by mouth once weekly",
          reason=("64859006", "Osteoporosis (disorder)"), reason_cond=osteo, enc=enc, end="2019-05-14",
          why_stopped="5-year course completed; drug holiday")
    c.med("308922", "calcium carbonate 1250 MG Oral Tablet", t, "active", "1 tablet by mouth twice daily with meals",
          reason=("64859006", "Osteoporosis (disorder)"), reason_cond=osteo, enc=enc)
    c.imm(PCV13[0], PCV13[1], c.ts(c.d("2015-10-20")))
    c.imm(PPSV23[0], PPSV23[1], c.ts(c.d("2016-10-18")))
    c.imm(SHINGRIX[0], SHINGRIX[1], c.ts(c.d("2018-09-18")))
    c.imm(SHINGRIX[0], SHINGRIX[1], c.ts(c.d("2019-01-15")))
    for y in range(2014, 2026):
        c.imm(FLU_HD[0], FLU_HD[1], c.ts(c.d(f"{y}-10-07")))
    for dd in ("2021-01-26", "2021-02-16", "2021-10-19", "2022-10-18", "2023-10-24", "2024-10-22"):
        c.imm(COVID[0], COVID[1], c.ts(c.d(dd, 1)))
    htn = None
    ca = {2015: 9.6, 2017: 9.9, 2019: 10.0, 2021: 9.8, 2022: 9.4, 2024: 9.2, 2025: 9.5}
    for y in range(2015, 2026):
        day = c.d(f"{y}-05-13")
        frac = (y - 2015) / 10
        vit = (int(136 + 10 * frac + rng.randint(-3, 3)), int(78 + rng.randint(-3, 3)), rng.randint(66, 78),
               r1(60.5 - 4 * frac + rng.uniform(-0.5, 0.5)))
        enc, t = c.office(day, CHECKUP if y != 2017 else HTN, vit, "Office visit")
        if y == 2017:
            htn = c.condition(*HTN, t, enc=enc)
            c.med("197361", "amlodipine 5 MG Oral Tablet", t, "active", "5 mg by mouth daily", reason=HTN,
                  reason_cond=htn, enc=enc)
        if y in ca:
            c.obs("calcium", t, ca[y], enc)
        if y % 2 == 1 or y == 2024:
            c.obs("creat", t, r2(0.78 + 0.02 * (y - 2015) + rng.uniform(-0.03, 0.03)), enc)
            c.obs("vitd", t, {2015: 26, 2017: 31, 2019: 35, 2021: 33, 2023: 29, 2024: 36, 2025: 38}[y], enc)
            c.obs("hgb", t, r1(12.9 + rng.uniform(-0.3, 0.3)), enc)
        if y == 2019:
            c.proc("312681000", "Bone density scan (procedure)", t, enc)
            c.obs("tscore", t, -2.4, enc)
        if y == 2020:
            c.condition("60700002", "Sensorineural hearing loss (disorder)", t, enc=enc)
            c.device("6012004", "Hearing aid, device (physical object)", "Behind-the-ear hearing aids, both ears",
                     "Quietbrook Audiology (invented)", "2020-03-01")
        if y == 2024:
            c.condition("386805003", "Mild cognitive impairment (disorder)", t, enc=enc)
    # cataract surgeries 2017
    for dd, side in (("2017-06-06", ("8966001", "Left eye structure (body structure)")),
                     ("2017-08-15", ("18944008", "Right eye structure (body structure)"))):
        day = c.d(dd, 1)
        enc = c.encounter("AMB", c.ts(day, 7), c.ts(day, 12), ("193570009", "Cataract (disorder)"), "Day surgery")
        c.proc("110473004", "Cataract surgery (procedure)", c.ts(day, 8), enc,
               reason=("193570009", "Cataract (disorder)"), end=c.ts(day, 9), body=side)
    # hip fracture Jan 2023: transferred from outside hospital
    day = c.d("2023-01-08", 1)
    out = day + dt.timedelta(days=6)
    ip = c.encounter("IMP", c.ts(day, 3), c.ts(out, 11), ("5913000", "Fracture of neck of femur (disorder)"),
                     "Hospital admission", admit="hosp-trans", disposition=("rehab", "Discharged to rehabilitation facility"))
    c.condition("5913000", "Fracture of neck of femur (disorder)", c.ts(day, 3, 30), status="resolved",
                abatement="2023-06-20", enc=ip)
    c.dx(ip, osteo)
    hip = c.device("304120007", "Total hip replacement prosthesis (physical object)", "Cemented total hip prosthesis, right",
                   "Stonegate Orthopaedics (invented)", "2022-08-10")
    c.proc("52734007", "Total replacement of hip (procedure)", c.ts(day + dt.timedelta(days=1), 10), ip,
           reason=("5913000", "Fracture of neck of femur (disorder)"), end=c.ts(day + dt.timedelta(days=1), 12),
           device=hip, body=("287579007", "Right hip region structure (body structure)"))
    c.obs("hgb", c.ts(day, 4), 11.8, ip)
    c.obs("hgb", c.ts(day + dt.timedelta(days=2), 6), 8.9, ip)
    c.obs("calcium", c.ts(day, 4), 9.1, ip)
    c.obs("morse", c.ts(day + dt.timedelta(days=2), 9), 55, ip)
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", c.ts(day + dt.timedelta(days=1), 14), "completed",
          "2.5-5 mg by mouth every 6 hours as needed for pain", enc=ip, end=(out + dt.timedelta(days=14)).isoformat(), prn=True)
    c.med("854235", "enoxaparin sodium 40 MG/0.4ML Prefilled Syringe", c.ts(day + dt.timedelta(days=1), 20), "completed",
          "40 mg subcutaneously daily for 28 days", enc=ip, end=(day + dt.timedelta(days=29)).isoformat())
    c.note(c.ts(out, 11), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Transferred {day.isoformat()} from an outside critical access hospital after a fall at home with a "
           "displaced right femoral neck fracture; discharged "
           f"{out.isoformat()} to inpatient rehabilitation.\n"
           "Procedure: right total hip arthroplasty (cemented) on hospital day 2.\n"
           "Course: postoperative anemia, hemoglobin nadir 8.9, no transfusion. Morse fall scale 55.\n"
           "History: osteoporosis (alendronate 2014-2019, on drug holiday), left breast cancer 2010 treated with "
           "lumpectomy and letrozole, in remission. GERD on omeprazole. Hypertension on amlodipine. Hearing aids.\n"
           "Discharge meds: enoxaparin 40 mg daily to complete 4 weeks, oxycodone as needed, home meds unchanged. "
           "Start denosumab at follow-up.\n")
    day = c.d("2023-03-14")
    enc, t = c.office(day, ("64859006", "Osteoporosis (disorder)"), (142, 80, 72, 57.8), "Follow-up visit")
    c.dx(enc, osteo)
    c.proc("312681000", "Bone density scan (procedure)", t, enc)
    c.obs("tscore", t, -3.1, enc)
    c.med("993452", "Prolia 60 MG/ML Prefilled Syringe", t, "active", "60 mg subcutaneously every 6 months",
          reason=("64859006", "Osteoporosis (disorder)"), reason_cond=osteo, enc=enc)
    # ED fall June 2024
    day = c.d("2024-06-18", 2)
    ed = c.encounter("EMER", c.ts(day, 16), c.ts(day, 20), ("1912002", "Fall (event)"), "Emergency department visit")
    c.obs("morse", c.ts(day, 16, 20), 50, ed)
    c.bp(c.ts(day, 16, 10), 128, 70, ed)
    c.proc("399208008", "Plain chest X-ray (procedure)", c.ts(day, 17), ed)
    # syncope admission through ED, March 2025
    day = c.d("2025-03-11", 2)
    ed = c.encounter("EMER", c.ts(day, 10), c.ts(day, 15), ("271594007", "Syncope (disorder)"), "Emergency department visit")
    c.bp(c.ts(day, 10, 10), 96, 54, ed)
    out = day + dt.timedelta(days=2)
    ip = c.encounter("IMP", c.ts(day, 15), c.ts(out, 12), ("271594007", "Syncope (disorder)"), "Hospital admission",
                     admit="emd", disposition=("home", "Home"))
    syn = c.condition("271594007", "Syncope (disorder)", c.ts(day, 11), status="resolved",
                      abatement=out.isoformat(), enc=ip, problem=False)
    c.dx(ed, syn)
    c.proc("29303009", "Electrocardiographic procedure (procedure)", c.ts(day, 10, 30), ed)
    c.proc("433236007", "Transthoracic echocardiography (procedure)", c.ts(day + dt.timedelta(days=1), 11), ip)
    c.obs("hgb", c.ts(day, 11), 12.2, ed)
    c.obs("na", c.ts(day, 11), 131, ed)
    c.note(c.ts(out, 12), ip, DISCHARGE, "Discharge summary",
           "DISCHARGE SUMMARY\n"
           f"Admitted {day.isoformat()} through the emergency department after syncope while standing at church; "
           f"discharged home {out.isoformat()}.\n"
           "Workup: orthostatic hypotension (BP 96/54 on arrival), mild hyponatremia (Na 131), ECG sinus rhythm, "
           "echocardiogram normal valves and LVEF. Telemetry unremarkable.\n"
           "Assessment: orthostatic syncope from dehydration. Amlodipine dose continued at 5 mg but patient counseled "
           "on fluids and slow position changes. PT for gait.\n")
    day = c.d("2025-09-23", 1)
    enc, t = c.office(day, ("64859006", "Osteoporosis (disorder)"), (134, 76, 70, 56.1), "Follow-up visit")
    c.dx(enc, osteo)
    c.obs("morse", t, 40, enc)
    c.note(t, enc, PROGRESS, "Primary care progress note",
           "PRIMARY CARE VISIT\n"
           "S: 80 yo woman seen with her daughter. Walking with a rollator, no falls since the June 2024 ED visit. "
           "Hearing aids in both ears. Memory concerns stable.\n"
           "O: BP 134/76, weight 56.1 kg. Morse fall scale 40.\n"
           "A/P: Osteoporosis - Prolia every 6 months, calcium carbonate and vitamin D intake reviewed; history of "
           "right hip fracture s/p total hip replacement 2023. Breast cancer survivor, no evidence of recurrence; "
           "mammograms stopped after 2020 by patient choice. GERD on omeprazole. HTN on amlodipine.\n")


ARCHETYPES = [arch_af, arch_dm, arch_hf, arch_asthma, arch_t1, arch_onc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--patients", type=int, default=6)
    ap.add_argument("--seed", type=int, default=101)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    master = random.Random(a.seed)
    gf, gm, fam = GIVEN_F[:], GIVEN_M[:], FAMILY[:]
    master.shuffle(gf)
    master.shuffle(gm)
    master.shuffle(fam)
    for n in range(1, a.patients + 1):
        rng = random.Random(master.getrandbits(64))
        i = n - 1
        c = Chart(rng, n, (gf[i % len(gf)], gm[i % len(gm)], fam[i % len(fam)], ""))
        ARCHETYPES[(n - 1) % len(ARCHETYPES)](c)
        path = os.path.join(a.out, f"blind1_{n}_{c.pid}.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(c.bundle(), fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        print(path, len(c.entries), "resources")


if __name__ == "__main__":
    main()

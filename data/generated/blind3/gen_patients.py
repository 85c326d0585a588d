#!/usr/bin/env python3
"""Deterministic generator of invented FHIR R4 patients for the blind3 question set.

Every person, place, date and value here is invented.  Codes follow the public code
systems (RxNorm-style medication codes and displays, LOINC, SNOMED CT, ICD-10-CM, CVX,
UCUM) the way an EHR export would record them.

    python3 gen_patients.py --out patients --patients 7 --seed 303

Patients 1..5 are written as FHIR transaction Bundles (patients/blind3_<n>_<uuid>.json),
patients 6..7 as a FHIR Bulk Data export (patients/bulk/<ResourceType>.ndjson).
Stdlib only; the same seed gives byte-identical files.
"""
import argparse
import base64
import json
import os
import random
import uuid

SYS = {
    "loinc": "http://loinc.org",
    "sct": "http://snomed.info/sct",
    "icd10": "http://hl7.org/fhir/sid/icd-10-cm",
    "rx": "http://www.nlm.nih.gov/research/umls/rxnorm",
    "cvx": "http://hl7.org/fhir/sid/cvx",
    "ucum": "http://unitsofmeasure.org",
}
ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
ENC_CLASS = {
    "AMB": "ambulatory",
    "EMER": "emergency",
    "IMP": "inpatient encounter",
    "VR": "virtual",
    "HH": "home health",
}
ADMIT = {
    "emd": "From accident/emergency department",
    "hosp-trans": "Transferred from other hospital",
    "mp": "Medical Practitioner/physician referral",
    "gp": "General Practitioner referral",
    "outp": "From outpatient department",
    "psych": "From psychiatric hospital",
    "nursing": "From nursing home",
    "other": "Other",
}
DISPO = {
    "home": "Home",
    "snf": "Skilled nursing facility",
    "rehab": "Rehabilitation",
    "hosp": "Hospice",
    "aadvice": "Left against advice",
    "exp": "Expired",
    "long": "Long-term care",
    "other-hcf": "Other healthcare facility",
}
ENC_TYPE = {
    "AMB": ("185349003", "Encounter for check up (procedure)"),
    "FU": ("185389009", "Follow-up visit (procedure)"),
    "EMER": ("50849002", "Emergency room admission (procedure)"),
    "IMP": ("32485007", "Hospital admission (procedure)"),
    "VR": ("448337001", "Telemedicine consultation with patient (procedure)"),
    "HH": ("305336008", "Admission to hospice (procedure)"),
    "CONS": ("11429006", "Consultation (procedure)"),
    "WELL": ("410620009", "Well child visit (procedure)"),
}
RELATION = {
    "MTH": "mother", "FTH": "father", "BRO": "brother", "SIS": "sister",
    "MGRFTH": "maternal grandfather", "MAUNT": "maternal aunt", "PAUNT": "paternal aunt",
}


def cc(sysname, code, display, text=None):
    return {"coding": [{"system": SYS.get(sysname, sysname), "code": code, "display": display}],
            "text": text or display}


class Builder:
    def __init__(self, rng, tz="-05:00"):
        self.rng = rng
        self.tz = tz
        self.res = []
        self.pid = None

    # ---- basics -------------------------------------------------------------
    def new_id(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def ts(self, d, hh=None, mm=None):
        if len(d) > 10:
            return d
        if hh is None:
            hh = self.rng.randint(8, 16)
        if mm is None:
            mm = self.rng.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55])
        return "%sT%02d:%02d:00%s" % (d, hh, mm, self.tz)

    def put(self, r):
        out = {"resourceType": r["resourceType"], "id": self.new_id()}
        out.update((k, v) for k, v in r.items() if k != "resourceType")
        self.res.append(out)
        return out

    @staticmethod
    def ref(r):
        return {"reference": "%s/%s" % (r["resourceType"], r["id"])}

    def subj(self):
        return {"reference": "Patient/%s" % self.pid}

    # ---- resources -----------------------------------------------------------
    def patient(self, given, family, gender, birth, mrn, city, line, postal, phone,
                deceased=None, marital=None, contact=None, lang="en", race=None):
        r = {"resourceType": "Patient"}
        r["id"] = self.new_id()
        self.pid = r["id"]
        r["identifier"] = [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR", "display": "Medical record number"}], "text": "MRN"},
                            "system": "urn:oid:2.16.840.1.113883.3.9303.1", "value": mrn}]
        r["active"] = True
        r["name"] = [{"use": "official", "family": family, "given": given}]
        r["telecom"] = [{"system": "phone", "value": phone, "use": "home"}]
        r["gender"] = gender
        r["birthDate"] = birth
        if deceased:
            r["deceasedDateTime"] = deceased
        r["address"] = [{"line": [line], "city": city, "state": "OH", "postalCode": postal, "country": "US"}]
        if marital:
            r["maritalStatus"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": marital[0], "display": marital[1]}], "text": marital[1]}
        if contact:
            r["contact"] = contact
        r["communication"] = [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": lang, "display": "English"}], "text": "English"}, "preferred": True}]
        self.res.append(r)
        return r

    def encounter(self, cls, start, end=None, etype=None, reason=None, admit=None, dispo=None,
                  location="Northfield Family Medicine", provider="Dr. Imelda Corrigan", sh=None):
        s = self.ts(start, sh)
        if end is None:
            e = s[:11] + "%02d" % min(23, int(s[11:13]) + 1) + s[13:]
        else:
            e = self.ts(end, self.rng.randint(10, 15))
        tkey = etype or cls
        tcode, tdisp = ENC_TYPE[tkey]
        r = {"resourceType": "Encounter", "status": "finished",
             "class": {"system": ACT, "code": cls, "display": ENC_CLASS[cls]},
             "type": [cc("sct", tcode, tdisp)],
             "subject": self.subj(),
             "participant": [{"type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "ATND", "display": "attender"}], "text": "attender"}],
                              "individual": {"display": provider}}],
             "period": {"start": s, "end": e}}
        if reason:
            r["reasonCode"] = [cc(*x) for x in reason]
        if admit or dispo:
            h = {}
            if admit:
                h["admitSource"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/admit-source", "code": admit, "display": ADMIT[admit]}], "text": ADMIT[admit]}
            if dispo:
                h["dischargeDisposition"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/discharge-disposition", "code": dispo, "display": DISPO[dispo]}], "text": DISPO[dispo]}
            r["hospitalization"] = h
        r["location"] = [{"location": {"display": location}}]
        r["serviceProvider"] = {"display": location}
        return self.put(r)

    def condition(self, sysname, code, display, onset, abate=None, enc=None, cat="problem-list-item", status=None):
        if status is None:
            status = "resolved" if abate else "active"
        r = {"resourceType": "Condition",
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": status}]},
             "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
             "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": cat,
                                       "display": "Problem List Item" if cat == "problem-list-item" else "Encounter Diagnosis"}]}],
             "code": cc(sysname, code, display),
             "subject": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        r["onsetDateTime"] = self.ts(onset)
        if abate:
            r["abatementDateTime"] = self.ts(abate)
        r["recordedDate"] = r["onsetDateTime"]
        return self.put(r)

    def med(self, rx, display, authored, status, sig, enc=None, reason=None, stop=None, why_stop=None,
            category="community", prn=False, requester="Dr. Imelda Corrigan", qty=None):
        r = {"resourceType": "MedicationRequest", "status": status, "intent": "order",
             "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "code": category,
                                       "display": category.capitalize()}], "text": category.capitalize()}],
             "medicationCodeableConcept": cc("rx", rx, display),
             "subject": self.subj()}
        if why_stop:
            r["statusReason"] = {"text": why_stop}
        if enc:
            r["encounter"] = self.ref(enc)
        r["authoredOn"] = self.ts(authored)
        r["requester"] = {"display": requester}
        if reason:
            r["reasonCode"] = [cc(*x) for x in reason]
        di = {"sequence": 1, "text": sig}
        bp = {"start": authored}
        if stop:
            bp["end"] = stop
        di["timing"] = {"repeat": {"boundsPeriod": bp}}
        if prn:
            di["asNeededBoolean"] = True
        r["dosageInstruction"] = [di]
        dr = {"validityPeriod": dict(bp)}
        if qty:
            dr["quantity"] = {"value": qty[0], "unit": qty[1]}
        r["dispenseRequest"] = dr
        return self.put(r)

    def obs(self, loinc, display, date, value, unit, ucum=None, cat="laboratory", enc=None,
            low=None, high=None, interp=None, hh=None, note=None):
        r = {"resourceType": "Observation", "status": "final",
             "category": [{"coding": [{"system": OBSCAT, "code": cat, "display": "Laboratory" if cat == "laboratory" else ("Vital Signs" if cat == "vital-signs" else cat.capitalize())}]}],
             "code": cc("loinc", loinc, display), "subject": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        r["effectiveDateTime"] = self.ts(date, hh)
        r["issued"] = r["effectiveDateTime"][:19] + ".000" + r["effectiveDateTime"][19:]
        if isinstance(value, str):
            r["valueString"] = value
        else:
            r["valueQuantity"] = {"value": value, "unit": unit, "system": SYS["ucum"], "code": ucum or unit}
        if interp is None and not isinstance(value, str):
            if low is not None and value < low:
                interp = "L"
            elif high is not None and value > high:
                interp = "H"
            elif low is not None or high is not None:
                interp = "N"
        if interp:
            d = {"H": "High", "L": "Low", "N": "Normal", "A": "Abnormal", "HH": "Critical high", "LL": "Critical low", "POS": "Positive", "NEG": "Negative"}[interp]
            r["interpretation"] = [{"coding": [{"system": INTERP, "code": interp, "display": d}], "text": d}]
        if low is not None or high is not None:
            rr = {}
            if low is not None:
                rr["low"] = {"value": low, "unit": unit, "system": SYS["ucum"], "code": ucum or unit}
            if high is not None:
                rr["high"] = {"value": high, "unit": unit, "system": SYS["ucum"], "code": ucum or unit}
            r["referenceRange"] = [rr]
        if note:
            r["note"] = [{"text": note}]
        return self.put(r)

    def obs_cc(self, loinc, display, date, value_cc, cat="laboratory", enc=None, interp=None):
        r = {"resourceType": "Observation", "status": "final",
             "category": [{"coding": [{"system": OBSCAT, "code": cat, "display": {"laboratory": "Laboratory", "social-history": "Social History", "exam": "Exam", "survey": "Survey"}.get(cat, cat)}]}],
             "code": cc("loinc", loinc, display), "subject": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        r["effectiveDateTime"] = self.ts(date)
        r["valueCodeableConcept"] = value_cc
        if interp:
            d = {"POS": "Positive", "NEG": "Negative", "A": "Abnormal", "N": "Normal"}[interp]
            r["interpretation"] = [{"coding": [{"system": INTERP, "code": interp, "display": d}], "text": d}]
        return self.put(r)

    def vitals(self, date, enc, sbp, dbp, hr, wt, ht=None, spo2=None, temp=None, rr=None):
        t = self.ts(date)
        out = []
        bp = {"resourceType": "Observation", "status": "final",
              "category": [{"coding": [{"system": OBSCAT, "code": "vital-signs", "display": "Vital Signs"}]}],
              "code": cc("loinc", "85354-9", "Blood pressure panel with all children optional"),
              "subject": self.subj(), "encounter": self.ref(enc), "effectiveDateTime": t,
              "component": [
                  {"code": cc("loinc", "8480-6", "Systolic blood pressure"),
                   "valueQuantity": {"value": sbp, "unit": "mm[Hg]", "system": SYS["ucum"], "code": "mm[Hg]"}},
                  {"code": cc("loinc", "8462-4", "Diastolic blood pressure"),
                   "valueQuantity": {"value": dbp, "unit": "mm[Hg]", "system": SYS["ucum"], "code": "mm[Hg]"}}]}
        out.append(self.put(bp))
        out.append(self.obs("8867-4", "Heart rate", t, hr, "/min", cat="vital-signs", enc=enc))
        if wt is not None:
            out.append(self.obs("29463-7", "Body weight", t, wt, "kg", cat="vital-signs", enc=enc))
            if ht:
                out.append(self.obs("39156-5", "Body mass index (BMI) [Ratio]", t, round(wt / (ht / 100.0) ** 2, 1), "kg/m2", cat="vital-signs", enc=enc))
        if spo2 is not None:
            out.append(self.obs("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", t, spo2, "%", cat="vital-signs", enc=enc))
        if temp is not None:
            out.append(self.obs("8310-5", "Body temperature", t, temp, "Cel", cat="vital-signs", enc=enc))
        if rr is not None:
            out.append(self.obs("9279-1", "Respiratory rate", t, rr, "/min", cat="vital-signs", enc=enc))
        return out

    def imm(self, cvx, display, date, enc=None, site="Left deltoid", lot=None):
        r = {"resourceType": "Immunization", "status": "completed",
             "vaccineCode": cc("cvx", cvx, display), "patient": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        r["occurrenceDateTime"] = self.ts(date)
        r["primarySource"] = True
        r["lotNumber"] = lot or ("%s%04d" % (self.rng.choice(["EK", "FL", "UT", "AC", "MN"]), self.rng.randint(1000, 9999)))
        r["site"] = {"text": site}
        return self.put(r)

    def proc(self, sysname, code, display, date, end=None, enc=None, reason=None, body=None, device=None, status="completed", note=None):
        r = {"resourceType": "Procedure", "status": status, "code": cc(sysname, code, display), "subject": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        s = self.ts(date)
        if end:
            r["performedPeriod"] = {"start": s, "end": self.ts(end)}
        else:
            r["performedDateTime"] = s
        if reason:
            r["reasonCode"] = [cc(*x) for x in reason]
        if body:
            r["bodySite"] = [cc(*body)]
        if device:
            r["focalDevice"] = [{"manipulated": self.ref(device)}]
        if note:
            r["note"] = [{"text": note}]
        return self.put(r)

    def allergy(self, sysname, code, display, category, onset, reaction=None, severity="moderate",
                criticality="low", atype="allergy", status="active"):
        r = {"resourceType": "AllergyIntolerance",
             "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": status}]},
             "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "confirmed"}]},
             "type": atype}
        if category:
            r["category"] = [category]
        r["criticality"] = criticality
        r["code"] = cc(sysname, code, display)
        r["patient"] = self.subj()
        if onset:
            r["onsetDateTime"] = self.ts(onset)
            r["recordedDate"] = r["onsetDateTime"]
        if reaction:
            r["reaction"] = [{"manifestation": [cc("sct", reaction[0], reaction[1])], "severity": severity}]
        return self.put(r)

    def device(self, code, display, name, manufacturer, model, status="active", note=None, serial=None):
        r = {"resourceType": "Device", "status": status,
             "manufacturer": manufacturer,
             "deviceName": [{"name": name, "type": "user-friendly-name"}],
             "modelNumber": model,
             "serialNumber": serial or ("SN%08d" % self.rng.randint(10000000, 99999999)),
             "type": cc("sct", code, display),
             "patient": self.subj()}
        if note:
            r["note"] = [{"time": self.ts(note[0]), "text": note[1]}]
        return self.put(r)

    def fmh(self, rel, sex, conds, deceased_age=None, name=None):
        r = {"resourceType": "FamilyMemberHistory", "status": "completed", "patient": self.subj(),
             "date": self.ts("2025-01-15", 10, 0)}
        if name:
            r["name"] = name
        r["relationship"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": rel, "display": RELATION[rel]}], "text": RELATION[rel]}
        r["sex"] = {"coding": [{"system": "http://hl7.org/fhir/administrative-gender", "code": sex, "display": sex.capitalize()}]}
        if deceased_age:
            r["deceasedAge"] = {"value": deceased_age, "unit": "a", "system": SYS["ucum"], "code": "a"}
        cs = []
        for c in conds:
            d = {"code": cc(*c[:3])}
            if len(c) > 3 and c[3] is not None:
                d["onsetAge"] = {"value": c[3], "unit": "a", "system": SYS["ucum"], "code": "a"}
            if len(c) > 4 and c[4]:
                d["contributedToDeath"] = True
            cs.append(d)
        r["condition"] = cs
        return self.put(r)

    def goal(self, text, start, target=None, status="active", addresses=None, due=None):
        r = {"resourceType": "Goal", "lifecycleStatus": status,
             "description": {"text": text}, "subject": self.subj(), "startDate": start}
        if target:
            t = {"measure": cc("loinc", target[0], target[1])}
            if target[2] is not None:
                t["detailQuantity"] = {"value": target[2], "unit": target[3], "system": SYS["ucum"], "code": target[3]}
            if due:
                t["dueDate"] = due
            r["target"] = [t]
        elif due:
            r["target"] = [{"dueDate": due}]
        if addresses:
            r["addresses"] = [self.ref(a) for a in addresses]
        return self.put(r)

    def careplan(self, title, start, activities, goals=(), addresses=(), status="active", end=None, enc=None, desc=None):
        r = {"resourceType": "CarePlan", "status": status, "intent": "plan",
             "category": [{"coding": [{"system": "http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "code": "assess-plan"}]}],
             "title": title, "subject": self.subj()}
        if desc:
            r["description"] = desc
        if enc:
            r["encounter"] = self.ref(enc)
        p = {"start": start}
        if end:
            p["end"] = end
        r["period"] = p
        if addresses:
            r["addresses"] = [self.ref(a) for a in addresses]
        if goals:
            r["goal"] = [self.ref(g) for g in goals]
        r["activity"] = [{"detail": {"code": cc("sct", a[0], a[1]), "status": "in-progress" if status == "active" else "completed",
                                     "description": a[2] if len(a) > 2 else a[1]}} for a in activities]
        return self.put(r)

    def note(self, date, loinc, ldisp, text, enc=None, author="Dr. Imelda Corrigan", hh=None):
        r = {"resourceType": "DocumentReference", "status": "current",
             "type": cc("loinc", loinc, ldisp),
             "category": [{"coding": [{"system": "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "code": "clinical-note", "display": "Clinical Note"}]}],
             "subject": self.subj(), "date": self.ts(date, hh),
             "author": [{"display": author}],
             "content": [{"attachment": {"contentType": "text/plain; charset=utf-8",
                                         "data": base64.b64encode(text.encode("utf-8")).decode("ascii"),
                                         "title": ldisp}}]}
        if enc:
            r["context"] = {"encounter": [self.ref(enc)], "period": {"start": enc["period"]["start"], "end": enc["period"]["end"]}}
        return self.put(r)


# =============================================================================
# shared code tables (displays as an EHR would record them)
# =============================================================================
FLU = {
    "150": "Influenza, injectable, quadrivalent, preservative free",
    "197": "influenza, high-dose, quadrivalent",
    "205": "influenza, seasonal vaccine, quadrivalent, adjuvanted, 0.5mL dose, preservative free",
    "158": "influenza, injectable, quadrivalent, contains preservative",
    "171": "Influenza, injectable, MDCK, preservative free, quadrivalent",
    "135": "Influenza, high dose seasonal, preservative-free",
    "140": "Influenza, seasonal, injectable, preservative free",
    "88": "influenza, unspecified formulation",
}


def flu_dates(years, rng, months=(9, 10, 11)):
    out = []
    for y in years:
        m = rng.choice(months)
        out.append("%d-%02d-%02d" % (y, m, rng.randint(2, 27)))
    return out



# =============================================================================
# Patient 1: older woman, type 2 diabetes, CKD 3a, HTN, sick sinus s/p pacemaker
# =============================================================================
def patient1(b):
    rng = b.rng
    b.patient(["Dolores", "Ann"], "Vantreese", "female", "1958-03-14", "B3-100417", "Ashtabula",
              "412 Larkspur Ct", "44004", "440-555-0187", marital=("W", "Widowed"))
    HT = 162.0

    def visit(d, reason=None, etype="FU", wt=None, sbp=None, dbp=None, hr=None):
        e = b.encounter("AMB", d, etype=etype, reason=reason)
        b.vitals(d, e, sbp or rng.randint(128, 146), dbp or rng.randint(72, 86), hr or rng.randint(64, 80),
                 wt, HT, spo2=rng.choice([96, 97, 98]), temp=round(rng.uniform(36.5, 37.0), 1))
        return e

    # problems
    htn = b.condition("icd10", "I10", "Essential (primary) hypertension", "2010-09-01")
    dm = b.condition("icd10", "E11.9", "Type 2 diabetes mellitus without complications", "2012-05-10")
    hld = b.condition("icd10", "E78.5", "Hyperlipidemia, unspecified", "2012-05-10")
    b.condition("icd10", "E66.9", "Obesity, unspecified", "2010-09-01")
    e_sss = b.encounter("IMP", "2020-02-11", "2020-02-14", etype="IMP",
                        reason=[("sct", "48867003", "Bradycardia (finding)"), ("sct", "271594007", "Syncope (disorder)")],
                        admit="emd", dispo="home", location="Lake Erie Regional Medical Center", provider="Dr. Farid Haddadin")
    sss = b.condition("icd10", "I49.5", "Sick sinus syndrome", "2020-02-11", enc=e_sss)
    b.condition("icd10", "Z95.0", "Presence of cardiac pacemaker", "2020-02-12", enc=e_sss)
    e_ed = b.encounter("EMER", "2022-08-14", "2022-08-14", etype="EMER",
                       reason=[("sct", "302866003", "Hypoglycemia (disorder)"), ("sct", "40917007", "Clouding of consciousness (finding)")],
                       dispo="home", location="Lake Erie Regional Medical Center Emergency Department", provider="Dr. Noor Baptiste")
    b.condition("icd10", "E11.649", "Type 2 diabetes mellitus with hypoglycemia without coma", "2022-08-14", abate="2022-08-14", enc=e_ed, cat="encounter-diagnosis")
    ckd = b.condition("icd10", "N18.31", "Chronic kidney disease, stage 3a", "2023-05-22")
    e_uti = b.encounter("VR", "2024-04-02", etype="VR", reason=[("sct", "49650001", "Dysuria (finding)")], provider="Dr. Imelda Corrigan")
    uti = b.condition("icd10", "N39.0", "Urinary tract infection, site not specified", "2024-04-02", abate="2024-04-20", enc=e_uti, cat="encounter-diagnosis")

    # allergies
    b.allergy("sct", "764146007", "Penicillin", "medication", "1985-06-01", ("247472004", "Wheal (finding)"), "moderate", "high")
    b.allergy("sct", "300913006", "Shellfish (substance)", "food", "2005-07-04", ("267038008", "Edema (finding)"), "severe", "high")
    b.allergy("rx", "29046", "lisinopril", "medication", "2021-03-09", ("49727002", "Cough (finding)"), "mild", "low", atype="intolerance")

    # medications
    R_DM = [("icd10", "E11.9", "Type 2 diabetes mellitus without complications")]
    b.med("861007", "metFORMIN hydrochloride 500 MG Oral Tablet", "2012-05-10", "stopped", "Take 1 tablet by mouth twice daily with meals",
          reason=R_DM, stop="2016-03-01", why_stop="Dose increased to 1000 mg twice daily")
    b.med("861004", "metFORMIN hydrochloride 1000 MG Oral Tablet", "2016-03-01", "stopped", "Take 1 tablet by mouth twice daily with meals",
          reason=R_DM, stop="2023-05-30", why_stop="Declining kidney function (eGFR 41)")
    b.med("310490", "glipiZIDE 5 MG Oral Tablet", "2016-03-01", "stopped", "Take 1 tablet by mouth every morning before breakfast",
          reason=R_DM, stop="2022-08-15", why_stop="Recurrent hypoglycemia; ED visit 2022-08-14")
    b.med("1545658", "empagliflozin 10 MG Oral Tablet [Jardiance]", "2022-08-15", "active", "Take 1 tablet by mouth once daily in the morning",
          reason=R_DM + [("icd10", "N18.31", "Chronic kidney disease, stage 3a")])
    b.med("1991311", "1.5 ML semaglutide 1.34 MG/ML Pen Injector", "2023-06-12", "active", "Inject 1 mg subcutaneously once weekly",
          reason=R_DM)
    b.med("847232", "3 ML insulin glargine 100 UNT/ML Pen Injector [Lantus SoloStar]", "2024-02-20", "active",
          "Inject 18 units subcutaneously at bedtime", reason=R_DM)
    b.med("314077", "lisinopril 20 MG Oral Tablet", "2010-09-01", "stopped", "Take 1 tablet by mouth once daily",
          reason=[("icd10", "I10", "Essential (primary) hypertension")], stop="2021-03-09", why_stop="Persistent dry cough")
    b.med("979485", "losartan potassium 50 MG Oral Tablet", "2021-03-09", "active", "Take 1 tablet by mouth once daily",
          reason=[("icd10", "I10", "Essential (primary) hypertension")])
    b.med("310798", "hydroCHLOROthiazide 25 MG Oral Tablet", "2014-01-20", "active", "Take 1 tablet by mouth every morning",
          reason=[("icd10", "I10", "Essential (primary) hypertension")])
    b.med("617311", "atorvastatin 40 MG Oral Tablet", "2012-05-10", "active", "Take 1 tablet by mouth at bedtime",
          reason=[("icd10", "E78.5", "Hyperlipidemia, unspecified")])
    b.med("243670", "aspirin 81 MG Delayed Release Oral Tablet", "2012-05-10", "active", "Take 1 tablet by mouth once daily")
    b.med("1649480", "nitrofurantoin monohydrate 25 MG / nitrofurantoin, macrocrystals 75 MG Oral Capsule [Macrobid]", "2024-04-02",
          "completed", "Take 1 capsule by mouth twice daily for 5 days", enc=e_uti, stop="2024-04-07",
          reason=[("icd10", "N39.0", "Urinary tract infection, site not specified")])

    # labs
    A1C = [("2019-03-18", 7.2), ("2019-09-16", 7.5), ("2020-03-23", 7.4), ("2020-10-19", 7.9), ("2021-03-09", 8.1),
           ("2021-09-20", 7.8), ("2022-03-14", 8.4), ("2022-09-12", 8.9), ("2023-02-13", 8.2), ("2023-05-22", 8.0),
           ("2023-11-13", 8.8), ("2024-02-20", 9.6), ("2024-08-19", 7.9), ("2025-02-18", 7.3), ("2025-08-18", 7.1)]
    RENAL = {"2019-03-18": (0.92, 68), "2020-10-19": (1.01, 60), "2021-09-20": (1.09, 54), "2022-09-12": (1.18, 48),
             "2023-05-22": (1.38, 41), "2023-11-13": (1.31, 44), "2024-08-19": (1.35, 42), "2025-08-18": (1.42, 39)}
    UACR = {"2021-09-20": 42, "2023-05-22": 118, "2025-08-18": 96}
    LDL = {"2019-03-18": 112, "2021-09-20": 98, "2023-05-22": 84, "2025-02-18": 71}
    K = {"2019-03-18": 4.1, "2021-09-20": 4.4, "2023-05-22": 4.6, "2024-08-19": 4.8, "2025-08-18": 5.3}
    wt = 96.0
    for d, a in A1C:
        wt = round(wt + rng.uniform(-1.0, 1.4) if d < "2023-06" else wt - rng.uniform(0.8, 1.6), 1)
        e = visit(d, reason=[("icd10", "E11.9", "Type 2 diabetes mellitus without complications")], wt=wt)
        b.obs("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", d, a, "%", low=None, high=5.6, enc=e)
        if d in RENAL:
            cr, egfr = RENAL[d]
            b.obs("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", d, cr, "mg/dL", low=0.5, high=1.1, enc=e)
            b.obs("98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)",
                  d, egfr, "mL/min/1.73m2", "mL/min/{1.73_m2}", low=60, enc=e)
        if d in UACR:
            b.obs("9318-7", "Albumin/Creatinine [Mass Ratio] in Urine", d, UACR[d], "mg/g", "mg/g{creat}", high=30, enc=e)
        if d in LDL:
            b.obs("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", d, LDL[d], "mg/dL", high=100, enc=e)
        if d in K:
            b.obs("2823-3", "Potassium [Moles/volume] in Serum or Plasma", d, K[d], "mmol/L", low=3.5, high=5.1, enc=e)
    # ED hypoglycemia
    b.obs("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "2022-08-14T07:52:00-05:00", 48, "mg/dL", low=70, high=99, enc=e_ed, interp="L")
    b.obs("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "2022-08-14T10:40:00-05:00", 131, "mg/dL", low=70, high=99, enc=e_ed)
    b.vitals("2022-08-14T07:40:00-05:00", e_ed, 152, 88, 96, None, spo2=97, temp=36.6, rr=18)
    # SSS admission
    b.vitals("2020-02-11T18:20:00-05:00", e_sss, 118, 64, 38, 97.4, HT, spo2=95, temp=36.8, rr=16)
    b.obs("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "2020-02-11T18:40:00-05:00", 4.2, "mmol/L", low=3.5, high=5.1, enc=e_sss)
    b.obs("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "2020-02-11T18:40:00-05:00", 2.1, "m[IU]/L", low=0.4, high=4.5, enc=e_sss)
    # UTI urine culture
    b.obs_cc("630-4", "Bacteria identified in Urine by Culture", "2024-04-03", cc("sct", "112283007", "Escherichia coli (organism)"), enc=e_uti, interp="A")

    # procedures & devices
    pm = b.device("14106009", "Cardiac pacemaker, device (physical object)", "Azure XT DR MRI SureScan dual chamber pacemaker",
                  "Medtronic", "W1DR01", note=("2020-02-12", "Dual-chamber pacemaker implanted 2020-02-12, left pectoral."))
    b.proc("sct", "307280005", "Implantation of cardiac pacemaker (procedure)", "2020-02-12", enc=e_sss,
           reason=[("icd10", "I49.5", "Sick sinus syndrome")], device=pm)
    b.proc("sct", "73761001", "Colonoscopy (procedure)", "2018-07-19", note="Two small tubular adenomas removed; repeat in 7 years.")
    e = b.encounter("AMB", "2025-03-10", etype="FU", reason=[("icd10", "Z95.0", "Presence of cardiac pacemaker")],
                    location="Lake Erie Heart & Vascular", provider="Dr. Farid Haddadin")
    b.proc("sct", "18590009", "Interrogation of cardiac pacemaker (procedure)", "2025-03-10", enc=e,
           note="Battery 9.5 years remaining. Atrial pacing 62%. No arrhythmias.")
    b.proc("sct", "390735004", "Diabetic retinopathy screening (procedure)", "2023-06-20")
    b.proc("sct", "24623002", "Screening mammography (procedure)", "2024-11-05")
    cgm = b.device("700635008", "Continuous glucose monitoring system (physical object)", "Dexcom G7 continuous glucose monitor",
                   "Dexcom, Inc.", "G7", note=("2024-03-05", "CGM started 2024-03-05 for basal insulin titration."))
    # immunizations
    for d in flu_dates(range(2018, 2023), rng):
        b.imm("150", FLU["150"], d)
    for d in flu_dates(range(2023, 2026), rng, months=(9, 10)):
        b.imm("197", FLU["197"], d)
    b.imm("115", "Tdap", "2015-06-22")
    b.imm("187", "zoster recombinant", "2022-01-10")
    b.imm("187", "zoster recombinant", "2022-04-12")
    b.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", "2023-10-05")
    b.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-02-01")
    b.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-02-22")
    b.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-10-15")
    b.imm("300", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 30 mcg/0.3 mL dose", "2022-10-20")

    # family history
    b.fmh("MTH", "female", [("sct", "44054006", "Diabetes mellitus type 2 (disorder)", 50)], name="Opal Vantreese")
    b.fmh("FTH", "male", [("sct", "22298006", "Myocardial infarction (disorder)", 61, True)], deceased_age=61)
    b.fmh("SIS", "female", [("sct", "254837009", "Malignant neoplasm of breast (disorder)", 55)])

    # care plan and goals
    g1 = b.goal("Hemoglobin A1c below 7.0%", "2024-02-20", target=("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 7.0, "%"), addresses=[dm], due="2026-02-20")
    g2 = b.goal("Blood pressure below 130/80 mmHg", "2024-02-20", target=("85354-9", "Blood pressure panel with all children optional", None, None), addresses=[htn])
    e_endo = b.encounter("AMB", "2024-02-20T14:00:00-05:00", etype="CONS", reason=[("icd10", "E11.65", "Type 2 diabetes mellitus with hyperglycemia")],
                         location="Ashtabula Endocrinology Associates", provider="Dr. Mateo Lindgren-Osei")
    b.careplan("Diabetes self-management plan", "2024-02-20",
               [("698360004", "Diabetes self management plan (record artifact)", "Basal insulin titration by 2 units every 3 days to fasting glucose 100-130 mg/dL"),
                ("160670007", "Diabetic diet (finding)", "Carbohydrate-consistent diet, dietitian referral"),
                ("229065009", "Exercise therapy (regime/therapy)", "Walk 30 minutes at least 5 days a week")],
               goals=[g1, g2], addresses=[dm, ckd], enc=e_endo)

    # notes
    b.note("2022-08-14T11:30:00-05:00", "34111-5", "Emergency department note",
           "ED NOTE 2022-08-14\nCC: found confused at home by daughter.\nHPI: 64F with T2DM on glipizide and metformin. Daughter found her "
           "diaphoretic and confused at 07:30; she had skipped dinner. EMS fingerstick 41. Serum glucose 48 mg/dL on arrival. "
           "Given D50 with prompt recovery.\nA/P: Hypoglycemia due to sulfonylurea. Glipizide discontinued. Observe, eat, repeat glucose 131. "
           "Discharged home with daughter. PCP follow-up tomorrow to start alternative agent.", enc=e_ed, author="Dr. Noor Baptiste")
    b.note("2023-05-30", "11506-3", "Progress note",
           "PROGRESS NOTE 2023-05-30\nLabs 2023-05-22: eGFR 41, creatinine 1.38, UACR 118 mg/g, A1c 8.0%.\n"
           "Assessment: CKD stage 3a, diabetic kidney disease with albuminuria.\nPlan: Stop metformin given declining eGFR. Continue Jardiance "
           "(renal and cardiac benefit). Start GLP-1 agonist (Ozempic) next visit if covered. Continue losartan. Nephrology referral placed.\n"
           "Social: widowed, retired school cafeteria manager, lives with her daughter Rosalind.", author="Dr. Imelda Corrigan")
    b.note("2024-02-20T15:10:00-05:00", "11488-4", "Consult note",
           "ENDOCRINOLOGY CONSULT 2024-02-20\nA1c 9.6% despite empagliflozin and semaglutide 1 mg weekly.\nPlan: start insulin glargine (Lantus) "
           "18 units at bedtime, titrate 2 units every 3 days to fasting 100-130. Dexcom G7 CGM ordered. Hypoglycemia teaching given; "
           "history of severe hypoglycemia on glipizide noted. Dietitian referral.", enc=e_endo, author="Dr. Mateo Lindgren-Osei")
    b.note("2025-08-18", "11506-3", "Progress note",
           "PROGRESS NOTE 2025-08-18\nDoing well. A1c 7.1%. Walking 30 minutes 5 days a week with a neighbor. Lantus now 24 units. "
           "Potassium 5.3 - recheck in 2 weeks, low potassium diet reviewed. eGFR 39. Pacemaker check in March was normal.\n"
           "Colonoscopy due 2025 - referral placed.", author="Dr. Imelda Corrigan")


# =============================================================================
# Patient 2: older man, atrial fibrillation, HFrEF with ICD, amiodarone hypothyroidism
# =============================================================================
def patient2(b):
    rng = b.rng
    b.patient(["Harold", "Eugene"], "Brenneman", "male", "1949-07-02", "B3-100588", "Sandusky",
              "77 Cedar Point Rd", "44870", "419-555-0142", marital=("M", "Married"))
    HT = 178.0
    CARD = "Dr. Yusuf Okereke-Lamb"

    cad = b.condition("icd10", "I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris", "2012-04-16")
    b.condition("icd10", "E78.5", "Hyperlipidemia, unspecified", "2012-04-16")
    b.condition("icd10", "H90.3", "Sensorineural hearing loss, bilateral", "2017-10-02")
    e_af = b.encounter("EMER", "2015-11-03", "2015-11-03", etype="EMER", reason=[("sct", "80313002", "Palpitations (finding)")],
                       dispo="home", location="Firelands Hospital Emergency Department", provider="Dr. Ada Whitcombe")
    af = b.condition("icd10", "I48.91", "Unspecified atrial fibrillation", "2015-11-03", enc=e_af)
    e_hf1 = b.encounter("IMP", "2018-04-20", "2018-04-26", etype="IMP", reason=[("sct", "267036007", "Dyspnea (finding)"), ("sct", "267038008", "Edema (finding)")],
                        admit="emd", dispo="home", location="Firelands Hospital", provider=CARD)
    hf = b.condition("icd10", "I50.22", "Chronic systolic (congestive) heart failure", "2018-04-20", enc=e_hf1)
    e_icd = b.encounter("IMP", "2019-06-11", "2019-06-13", etype="IMP",
                        reason=[("icd10", "I50.22", "Chronic systolic (congestive) heart failure"), ("sct", "698247007", "Cardiac arrhythmia (disorder)")],
                        admit="mp", dispo="home", location="Cleveland Lakeshore Heart Institute", provider="Dr. Priyanka Vell")
    b.condition("icd10", "Z95.810", "Presence of automatic (implantable) cardiac defibrillator", "2019-06-12", enc=e_icd)
    hypo = b.condition("icd10", "E03.2", "Hypothyroidism due to medicaments and other exogenous substances", "2019-08-27")
    e_hf2 = b.encounter("IMP", "2024-01-08", "2024-01-15", etype="IMP",
                        reason=[("sct", "267036007", "Dyspnea (finding)"), ("icd10", "I50.23", "Acute on chronic systolic (congestive) heart failure")],
                        admit="hosp-trans", dispo="snf", location="Cleveland Lakeshore Heart Institute", provider=CARD)
    b.condition("icd10", "I50.23", "Acute on chronic systolic (congestive) heart failure", "2024-01-08", abate="2024-01-15", enc=e_hf2, cat="encounter-diagnosis")

    b.allergy("sct", "763875007", "Sulfonamide (substance)", "medication", "1978-05-01", ("271807003", "Eruption of skin (disorder)"), "moderate", "low")
    b.allergy("sct", "288328004", "Bee venom (substance)", "environment", "1990-08-10", ("39579001", "Anaphylaxis (disorder)"), "severe", "high")

    R_AF = [("icd10", "I48.91", "Unspecified atrial fibrillation")]
    R_HF = [("icd10", "I50.22", "Chronic systolic (congestive) heart failure")]
    b.med("855332", "warfarin sodium 5 MG Oral Tablet [Coumadin]", "2015-11-10", "stopped", "Take as directed per anticoagulation clinic; goal INR 2-3",
          reason=R_AF, stop="2020-03-02", why_stop="Labile INR; switched to apixaban", requester=CARD)
    b.med("1364445", "apixaban 5 MG Oral Tablet", "2020-03-02", "active", "Take 1 tablet by mouth twice daily", reason=R_AF, requester=CARD)
    b.med("866436", "24 HR metoprolol succinate 50 MG Extended Release Oral Tablet", "2015-11-10", "active", "Take 1 tablet by mouth once daily",
          reason=R_AF + R_HF, requester=CARD)
    b.med("833528", "amiodarone hydrochloride 200 MG Oral Tablet", "2018-05-01", "stopped", "Take 1 tablet by mouth once daily",
          reason=R_AF, stop="2019-08-27", why_stop="Amiodarone-induced hypothyroidism", requester=CARD)
    b.med("966222", "levothyroxine sodium 0.05 MG Oral Tablet", "2019-08-27", "active", "Take 1 tablet by mouth every morning on an empty stomach",
          reason=[("icd10", "E03.2", "Hypothyroidism due to medicaments and other exogenous substances")])
    b.med("314076", "lisinopril 10 MG Oral Tablet", "2018-04-26", "stopped", "Take 1 tablet by mouth once daily", reason=R_HF,
          stop="2021-05-29", why_stop="Changed to sacubitril/valsartan (36-hour ACE inhibitor washout)", requester=CARD)
    b.med("1656354", "sacubitril 49 MG / valsartan 51 MG Oral Tablet [Entresto]", "2021-06-01", "active", "Take 1 tablet by mouth twice daily",
          reason=R_HF, requester=CARD)
    b.med("313988", "furosemide 40 MG Oral Tablet", "2018-04-26", "active", "Take 1 tablet by mouth every morning; extra tablet for weight gain over 1 kg",
          reason=R_HF, requester=CARD)
    b.med("313096", "spironolactone 25 MG Oral Tablet", "2019-01-14", "active", "Take 1 tablet by mouth once daily", reason=R_HF, requester=CARD)
    b.med("1488574", "dapagliflozin 10 MG Oral Tablet [Farxiga]", "2022-03-15", "active", "Take 1 tablet by mouth once daily",
          reason=[("icd10", "I50.22", "Chronic systolic (congestive) heart failure")], requester=CARD)
    b.med("259255", "atorvastatin 80 MG Oral Tablet", "2012-04-16", "active", "Take 1 tablet by mouth at bedtime",
          reason=[("icd10", "E78.5", "Hyperlipidemia, unspecified")])
    b.med("854245", "0.8 ML enoxaparin sodium 100 MG/ML Prefilled Syringe [Lovenox]", "2019-06-05", "completed",
          "Inject 80 mg subcutaneously every 12 hours; bridge while warfarin held for ICD implant", stop="2019-06-16",
          reason=R_AF, requester=CARD)
    b.med("727316", "furosemide 10 MG/ML Injectable Solution", "2024-01-08", "completed", "80 mg IV twice daily", enc=e_hf2,
          stop="2024-01-13", category="inpatient", reason=[("icd10", "I50.23", "Acute on chronic systolic (congestive) heart failure")], requester=CARD)

    # INR series on warfarin
    INR = [("2015-12-01", 1.6), ("2016-03-07", 2.4), ("2016-09-12", 2.6), ("2017-03-13", 3.8), ("2017-09-18", 2.2),
           ("2018-03-12", 1.7), ("2018-09-17", 2.9), ("2019-03-11", 4.2), ("2019-09-16", 2.3), ("2020-02-17", 1.8)]
    for d, v in INR:
        e = b.encounter("AMB", d, etype="FU", reason=[("icd10", "Z79.01", "Long term (current) use of anticoagulants")],
                        location="Firelands Anticoagulation Clinic", provider="Marla Quist, PharmD")
        b.obs("6301-6", "INR in Platelet poor plasma by Coagulation assay", d, v, "{INR}", low=2.0, high=3.0, enc=e)
    # cardiology visits: BNP, EF, TSH, BMP, vitals
    NTBNP = {"2018-04-20": 4820, "2021-06-01": 1630, "2024-01-08": 9870, "2024-03-04": 2210, "2025-06-23": 1180}
    EF = {"2018-04-22": 25, "2019-05-20": 30, "2022-02-14": 35, "2024-01-10": 30, "2025-07-08": 40}
    TSH = {"2019-08-20": 14.2, "2019-11-18": 6.1, "2020-05-11": 3.2, "2022-02-14": 2.8, "2025-06-23": 2.4}
    CR = {"2019-05-20": 1.1, "2021-06-01": 1.2, "2022-02-14": 1.3, "2024-01-08": 1.7, "2024-01-14": 1.4, "2025-06-23": 1.3}
    KK = {"2019-05-20": 4.4, "2021-06-01": 4.7, "2022-02-14": 4.9, "2024-01-08": 3.4, "2024-01-14": 4.0, "2025-06-23": 4.6}
    enc_by_date = {"2018-04-20": e_hf1, "2018-04-22": e_hf1, "2024-01-08": e_hf2, "2024-01-10": e_hf2, "2024-01-14": e_hf2}
    wt = {"2019-05-20": 88.2, "2019-08-20": 87.5, "2019-11-18": 88.0, "2020-05-11": 86.9, "2021-06-01": 87.7, "2022-02-14": 89.1,
          "2024-03-04": 84.6, "2025-06-23": 85.3, "2025-07-08": 85.0}
    dates = sorted(set(list(NTBNP) + list(EF) + list(TSH) + list(CR)))
    for d in dates:
        e = enc_by_date.get(d)
        if e is None:
            e = b.encounter("AMB", d, etype="FU", reason=R_HF if d not in TSH or d in CR else [("icd10", "E03.2", "Hypothyroidism due to medicaments and other exogenous substances")],
                            location="Cleveland Lakeshore Heart Institute" if d not in TSH or d in CR else "Sandusky Primary Care",
                            provider=CARD if d not in TSH or d in CR else "Dr. Ruth Amstel")
            enc_by_date[d] = e
            b.vitals(d, e, rng.randint(104, 124), rng.randint(62, 74), rng.randint(58, 70), wt.get(d, 87.0), HT, spo2=rng.choice([95, 96, 97]),
                     temp=round(rng.uniform(36.4, 36.9), 1))
        if d in NTBNP:
            b.obs("33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", d, NTBNP[d], "pg/mL", high=450, enc=e)
        if d in EF:
            b.obs("10230-1", "Left ventricular Ejection fraction", d, EF[d], "%", low=50, cat="imaging", enc=e)
            b.proc("sct", "433236007", "Transthoracic echocardiography (procedure)", d, enc=e)
        if d in TSH:
            b.obs("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", d, TSH[d], "m[IU]/L", low=0.4, high=4.5, enc=e)
        if d in CR:
            b.obs("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", d, CR[d], "mg/dL", low=0.7, high=1.3, enc=e)
        if d in KK:
            b.obs("2823-3", "Potassium [Moles/volume] in Serum or Plasma", d, KK[d], "mmol/L", low=3.5, high=5.1, enc=e)
    b.vitals("2024-01-08T16:05:00-05:00", e_hf2, 158, 92, 112, 93.8, HT, spo2=88, temp=36.7, rr=26)
    b.vitals("2024-01-14T08:00:00-05:00", e_hf2, 112, 66, 72, 87.6, HT, spo2=95, temp=36.6, rr=18)
    b.vitals("2018-04-20T21:15:00-05:00", e_hf1, 146, 90, 124, 92.1, HT, spo2=90, temp=36.9, rr=24)
    b.obs("718-7", "Hemoglobin [Mass/volume] in Blood", "2024-01-08T16:30:00-05:00", 12.1, "g/dL", low=13.5, high=17.5, enc=e_hf2)
    e_v = b.encounter("VR", "2024-02-05", etype="VR", reason=[("sct", "390906007", "Follow-up encounter (procedure)")], provider=CARD,
                      location="Cleveland Lakeshore Heart Institute")

    # procedures and devices
    e_cv = b.encounter("AMB", "2016-02-18", etype="FU", reason=R_AF, location="Firelands Hospital Cardiac Procedures", provider=CARD)
    b.proc("sct", "180325003", "Electrical cardioversion (procedure)", "2016-02-18", enc=e_cv, reason=R_AF,
           note="Synchronized 200 J x1, converted to sinus rhythm. Reverted to atrial fibrillation within 4 months.")
    icd = b.device("72506001", "Implantable defibrillator, device (physical object)", "Resonate EL single-chamber implantable cardioverter-defibrillator",
                   "Boston Scientific", "D432", note=("2019-06-12", "Single-chamber ICD implanted 2019-06-12 for primary prevention, EF 30%."))
    b.proc("sct", "447365002", "Insertion of implantable cardioverter defibrillator (procedure)", "2019-06-12", enc=e_icd,
           reason=R_HF, device=icd)
    b.proc("sct", "41976001", "Cardiac catheterization (procedure)", "2012-04-16", reason=[("sct", "29857009", "Chest pain (finding)")],
           note="Nonobstructive CAD, 50% mid LAD. Medical management.")
    ha = b.device("6012004", "Hearing aid, device (physical object)", "Oticon More 1 behind-the-ear hearing aids, bilateral", "Oticon", "MORE1-miniRITE R",
                  note=("2017-10-16", "Bilateral hearing aids fitted 2017-10-16."))
    b.proc("sct", "16021008", "Pure tone audiometry (procedure)", "2017-10-02",
           reason=[("icd10", "H90.3", "Sensorineural hearing loss, bilateral")])

    for d in flu_dates(range(2016, 2026), rng):
        b.imm("135" if d < "2020" else "197", FLU["135"] if d < "2020" else FLU["197"], d)
    b.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2014-09-15")
    b.imm("133", "Pneumococcal conjugate PCV 13", "2015-10-19")
    b.imm("115", "Tdap", "2011-05-02")
    b.imm("113", "Td (adult) preservative free", "2021-05-18")
    b.imm("121", "zoster live", "2010-03-08")
    b.imm("187", "zoster recombinant", "2019-02-11")
    b.imm("187", "zoster recombinant", "2019-05-20")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-01-19")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-02-16")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-11-02")
    b.imm("229", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 50 mcg/0.5 mL or 25mcg/0.25 mL dose", "2022-09-27")

    b.fmh("FTH", "male", [("sct", "230690007", "Cerebrovascular accident (disorder)", 70, True)], deceased_age=74)
    b.fmh("BRO", "male", [("sct", "49436004", "Atrial fibrillation (disorder)", 66)])

    g1 = b.goal("Weigh daily; call if weight up more than 1 kg in a day or 2 kg in a week", "2024-01-15", addresses=[hf])
    g2 = b.goal("No heart failure hospitalization in the next 12 months", "2024-01-15", addresses=[hf], due="2025-01-15")
    b.careplan("Heart failure self-management", "2024-01-15",
               [("423475008", "Heart failure education (procedure)", "Daily morning weights, symptom diary"),
                ("437421000124105", "Sodium restricted diet", "2 g sodium diet; fluid limit 2 L/day"),
                ("313395006", "Cardiac rehabilitation (regime/therapy)", "Cardiac rehabilitation after SNF discharge")],
               goals=[g1, g2], addresses=[hf], enc=e_hf2)

    b.note("2019-08-27", "11506-3", "Progress note",
           "PRIMARY CARE 2019-08-27\nFatigue, cold intolerance, weight gain. TSH 14.2 on 2019-08-20.\nA/P: Hypothyroidism, likely amiodarone-induced. "
           "Discussed with cardiology (Dr. Okereke-Lamb): amiodarone stopped today; rate control with metoprolol. Start levothyroxine 50 mcg daily. "
           "Recheck TSH in 12 weeks.", author="Dr. Ruth Amstel")
    b.note("2020-03-02", "11488-4", "Consult note",
           "CARDIOLOGY 2020-03-02\nAF on warfarin since 2015. INR has been labile (range 1.6 to 4.2 over the past year, time in range about 48%).\n"
           "Plan: stop warfarin, start apixaban 5 mg twice daily when INR below 2.0. CHA2DS2-VASc 4. Creatinine 1.1, weight 87 kg - full dose appropriate.",
           author=CARD)
    b.note("2024-01-15T11:00:00-05:00", "18842-5", "Discharge summary",
           "DISCHARGE SUMMARY\nAdmitted 2024-01-08, discharged 2024-01-15.\nTransferred from St. Brendan Community Hospital ED with acute on chronic "
           "systolic heart failure (NT-proBNP 9870, SpO2 88% on room air). Trigger: dietary sodium over the holidays and missed furosemide doses.\n"
           "Course: IV furosemide 80 mg twice daily, net negative 9 L, weight 93.8 -> 87.6 kg (down 6.2 kg). Echo EF 30%. ICD interrogation: no shocks.\n"
           "Disposition: Maplewood Skilled Nursing Facility for short-term rehab and diuretic monitoring.\nWife Marjorie manages his pill box.",
           enc=e_hf2, author=CARD)
    b.note("2025-07-08", "11506-3", "Progress note",
           "CARDIOLOGY FOLLOW-UP 2025-07-08\nNYHA class II. Echo today: LVEF 40%, improved from 30%. On GDMT: Entresto 49/51 twice daily, metoprolol succinate 50, "
           "spironolactone 25, Farxiga 10. Apixaban for AF, no bleeding. ICD remote check normal, no therapies delivered.\nWalks 20 minutes daily.",
           author=CARD)


# =============================================================================
# Patient 3: young woman, relapsing MS on ocrelizumab, asthma, migraine, depression, IUD
# =============================================================================
def patient3(b):
    rng = b.rng
    b.patient(["Keziah", "Rose"], "Marlow", "female", "1988-10-21", "B3-100731", "Kent",
              "18 Brimfield Ave Apt 3", "44240", "330-555-0119", marital=("S", "Never Married"))
    HT = 168.0
    NEURO = "Dr. Sunniva Arkwright"

    asthma = b.condition("icd10", "J45.40", "Moderate persistent asthma, uncomplicated", "2001-05-14")
    b.condition("icd10", "G43.909", "Migraine, unspecified, not intractable, without status migrainosus", "2010-03-02")
    b.condition("icd10", "F33.1", "Major depressive disorder, recurrent, moderate", "2015-01-26")
    e_on = b.encounter("EMER", "2017-08-30", "2017-08-30", etype="EMER", reason=[("sct", "13164000", "Reduced visual acuity (finding)"), ("sct", "41652007", "Pain in eye (finding)")],
                       dispo="home", location="Portage Valley Hospital Emergency Department", provider="Dr. Colm Restrepo")
    b.condition("icd10", "H46.9", "Unspecified optic neuritis", "2017-08-30", abate="2017-12-04", enc=e_on, cat="encounter-diagnosis")
    e_ms = b.encounter("IMP", "2017-09-12", "2017-09-15", etype="IMP", reason=[("sct", "44077006", "Numbness (finding)"), ("sct", "26544005", "Muscle weakness (finding)")],
                       admit="outp", dispo="home", location="Portage Valley Hospital", provider=NEURO)
    ms = b.condition("icd10", "G35", "Multiple sclerosis", "2017-09-12", enc=e_ms)
    b.condition("icd10", "E55.9", "Vitamin D deficiency, unspecified", "2018-02-20")
    e_asx = b.encounter("EMER", "2024-02-10", "2024-02-10", etype="EMER", reason=[("sct", "56018004", "Wheezing (finding)"), ("sct", "267036007", "Dyspnea (finding)")],
                        dispo="home", location="Portage Valley Hospital Emergency Department", provider="Dr. Colm Restrepo")
    b.condition("icd10", "J45.41", "Moderate persistent asthma with (acute) exacerbation", "2024-02-10", abate="2024-02-24", enc=e_asx, cat="encounter-diagnosis")

    b.allergy("sct", "762952008", "Peanut (substance)", "food", "1991-04-02", ("39579001", "Anaphylaxis (disorder)"), "severe", "high")
    b.allergy("sct", "111088007", "Latex (substance)", "environment", "2009-06-15", ("40275004", "Contact dermatitis (disorder)"), "mild", "low")
    b.allergy("sct", "264287008", "Animal dander (substance)", "environment", "1995-01-10", ("68235000", "Nasal congestion (finding)"), "mild", "low")

    R_MS = [("icd10", "G35", "Multiple sclerosis")]
    R_AS = [("icd10", "J45.40", "Moderate persistent asthma, uncomplicated")]
    b.med("1487779", "glatiramer acetate 40 MG/ML Prefilled Syringe [Copaxone]", "2017-11-01", "stopped",
          "Inject 40 mg subcutaneously three times weekly", reason=R_MS, stop="2021-04-15",
          why_stop="Breakthrough disease: 2 new enhancing lesions on MRI 2021-04-02", requester=NEURO)
    b.med("1876366", "ocrelizumab 30 MG/ML Injectable Solution", "2021-05-10", "active",
          "600 mg IV every 6 months (first dose split: 300 mg day 1 and day 15)", reason=R_MS, requester=NEURO, category="outpatient")
    b.med("1743780", "methylPREDNISolone sodium succinate 1000 MG Injection", "2017-09-12", "completed", "1000 mg IV daily for 3 days",
          enc=e_ms, stop="2017-09-14", category="inpatient", reason=R_MS, requester=NEURO)
    b.med("1743780", "methylPREDNISolone sodium succinate 1000 MG Injection", "2020-11-03", "completed", "1000 mg IV daily for 3 days (outpatient infusion) for relapse",
          stop="2020-11-05", category="outpatient", reason=R_MS, requester=NEURO)
    b.med("312615", "predniSONE 20 MG Oral Tablet", "2024-02-10", "completed", "Take 2 tablets (40 mg) by mouth daily for 5 days",
          enc=e_asx, stop="2024-02-14", reason=[("icd10", "J45.41", "Moderate persistent asthma with (acute) exacerbation")], requester="Dr. Colm Restrepo")
    b.med("745752", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler [ProAir HFA]", "2019-04-08", "active",
          "Inhale 2 puffs every 4 hours as needed for wheeze or shortness of breath", reason=R_AS, prn=True)
    b.med("896188", "fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler [Advair Diskus]", "2016-01-11", "stopped",
          "Inhale 1 puff twice daily; rinse mouth after use", reason=R_AS, stop="2023-01-20", why_stop="Insurance formulary change")
    b.med("1246306", "budesonide 0.16 MG/ACTUAT / formoterol fumarate dihydrate 0.0045 MG/ACTUAT Metered Dose Inhaler [Symbicort]", "2023-01-20", "active",
          "Inhale 2 puffs twice daily", reason=R_AS)
    b.med("997488", "montelukast 10 MG Oral Tablet", "2018-09-04", "stopped", "Take 1 tablet by mouth at bedtime", reason=R_AS,
          stop="2020-06-15", why_stop="Nightmares and worsening mood")
    b.med("312941", "sertraline 100 MG Oral Tablet", "2015-01-26", "active", "Take 1 tablet by mouth once daily",
          reason=[("icd10", "F33.1", "Major depressive disorder, recurrent, moderate")])
    b.med("151226", "topiramate 50 MG Oral Tablet", "2012-02-13", "stopped", "Take 1 tablet by mouth twice daily for migraine prevention",
          reason=[("icd10", "G43.909", "Migraine, unspecified, not intractable, without status migrainosus")], stop="2018-03-05",
          why_stop="Cognitive slowing and word-finding difficulty")
    b.med("313124", "SUMAtriptan 50 MG Oral Tablet [Imitrex]", "2012-02-13", "active", "Take 1 tablet at migraine onset; may repeat in 2 hours; max 200 mg/day",
          reason=[("icd10", "G43.909", "Migraine, unspecified, not intractable, without status migrainosus")], prn=True)
    b.med("197381", "baclofen 10 MG Oral Tablet", "2022-09-14", "active", "Take 1 tablet by mouth three times daily for leg spasticity",
          reason=R_MS, requester=NEURO)
    b.med("1147681", "vitamin D3 50000 UNT Oral Capsule", "2018-02-20", "completed", "Take 1 capsule by mouth once weekly for 12 weeks",
          stop="2018-05-15", reason=[("icd10", "E55.9", "Vitamin D deficiency, unspecified")])
    b.med("636674", "cholecalciferol 2000 UNT Oral Capsule", "2018-05-15", "active", "Take 1 capsule by mouth once daily")

    VITD = {"2018-02-20": 14, "2018-07-23": 31, "2020-10-19": 28, "2023-03-13": 38, "2025-04-15": 41}
    IGG = {"2021-04-26": 1020, "2023-05-15": 690, "2025-05-19": 540}
    WBC = {"2021-04-26": 6.8, "2023-05-15": 5.9, "2025-05-19": 5.1}
    LYMPH = {"2021-04-26": 1.9, "2023-05-15": 1.2, "2025-05-19": 0.9}
    for d in sorted(set(list(VITD) + list(IGG))):
        e = b.encounter("AMB", d, etype="FU", reason=R_MS, location="Kent Neurology Associates", provider=NEURO)
        b.vitals(d, e, rng.randint(104, 122), rng.randint(64, 78), rng.randint(66, 84), round(rng.uniform(63.0, 67.5), 1), HT,
                 spo2=rng.choice([98, 99]), temp=round(rng.uniform(36.5, 37.0), 1))
        if d in VITD:
            b.obs("62292-8", "25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma", d, VITD[d], "ng/mL", low=30, high=100, enc=e)
        if d in IGG:
            b.obs("2465-3", "IgG [Mass/volume] in Serum or Plasma", d, IGG[d], "mg/dL", low=700, high=1600, enc=e)
            b.obs("6690-2", "Leukocytes [#/volume] in Blood by Automated count", d, WBC[d], "10*3/uL", low=4.0, high=11.0, enc=e)
            b.obs("731-0", "Lymphocytes [#/volume] in Blood by Automated count", d, LYMPH[d], "10*3/uL", low=1.0, high=4.8, enc=e)
    b.obs_cc("5196-1", "Hepatitis B virus surface Ag [Presence] in Serum by Immunoassay", "2021-04-26",
             cc("sct", "260385009", "Negative (qualifier value)"), interp="NEG")
    b.obs_cc("16933-4", "Hepatitis B virus core Ab [Presence] in Serum", "2021-04-26",
             cc("sct", "260385009", "Negative (qualifier value)"), interp="NEG")
    b.obs_cc("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", "2021-07-08",
             cc("sct", "260385009", "Negative (qualifier value)"), interp="NEG")
    b.obs("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "2022-09-14", 1.9, "m[IU]/L", low=0.4, high=4.5)
    # asthma ED visit
    b.vitals("2024-02-10T22:10:00-05:00", e_asx, 132, 84, 118, None, spo2=91, temp=37.4, rr=28)
    b.obs("33452-4", "Maximum expiratory gas flow Respiratory system airway by Peak flow meter", "2024-02-10T22:15:00-05:00", 210, "L/min", enc=e_asx, low=350)
    b.obs("33452-4", "Maximum expiratory gas flow Respiratory system airway by Peak flow meter", "2024-02-11T01:40:00-05:00", 360, "L/min", enc=e_asx, low=350)

    # MRIs, LP, infusions, IUD
    mri = ("sct", "816077007", "Magnetic resonance imaging of brain with contrast (procedure)")
    b.proc(*mri, date="2017-09-12", enc=e_ms, reason=R_MS, note="Multiple periventricular and juxtacortical T2 lesions, 2 enhancing.")
    b.proc("sct", "277762005", "Lumbar puncture (procedure)", "2017-09-13", enc=e_ms, note="CSF: 6 oligoclonal bands unique to CSF.")
    b.proc(*mri, date="2021-04-02", reason=R_MS, note="Two new enhancing lesions (left frontal, right cerebellar peduncle).")
    b.proc(*mri, date="2023-04-10", reason=R_MS, note="Stable. No new or enhancing lesions.")
    b.proc(*mri, date="2025-04-15", reason=R_MS, note="Stable compared with 2023-04-10. No new lesions.")
    inf = [("2021-05-10", "300 mg"), ("2021-05-24", "300 mg"), ("2021-11-15", "600 mg"), ("2022-05-16", "600 mg"), ("2022-11-14", "600 mg"),
           ("2023-05-15", "600 mg"), ("2023-11-13", "600 mg"), ("2024-05-13", "600 mg"), ("2024-11-18", "600 mg"), ("2025-05-19", "600 mg"),
           ("2025-11-17", "600 mg")]
    for d, dose in inf:
        e = b.encounter("AMB", d, etype="FU", reason=R_MS, location="Portage Valley Infusion Center", provider=NEURO)
        b.proc("sct", "266713003", "Intravenous infusion of ocrelizumab (procedure)", d, enc=e, reason=R_MS,
               note="Ocrelizumab %s IV. Premedicated with methylprednisolone 100 mg IV, diphenhydramine and acetaminophen. Tolerated well." % dose)
    iud = b.device("268460000", "Intrauterine contraceptive device (physical object)", "Mirena levonorgestrel-releasing intrauterine system 52 mg",
                   "Bayer HealthCare", "Mirena", note=("2021-07-08", "Placed 2021-07-08; replace by 2029-07 (8-year use)."))
    e_iud = b.encounter("AMB", "2021-07-08", etype="FU", reason=[("sct", "13197004", "Contraception (finding)")], location="Kent Women's Health", provider="Dr. Halima Orton")
    b.proc("sct", "65200003", "Insertion of intrauterine contraceptive device (procedure)", "2021-07-08", enc=e_iud, device=iud)

    # virtual neurology visits
    e_v1 = b.encounter("VR", "2022-09-14", etype="VR", reason=[("sct", "221360009", "Spasticity (finding)")], location="Kent Neurology Associates", provider=NEURO)
    e_v2 = b.encounter("VR", "2024-06-11", etype="VR", reason=[("sct", "84229001", "Fatigue (finding)")], location="Kent Neurology Associates", provider=NEURO)

    b.imm("62", "HPV, quadrivalent", "2006-11-13", site="Right deltoid")
    b.imm("62", "HPV, quadrivalent", "2007-01-15", site="Right deltoid")
    b.imm("62", "HPV, quadrivalent", "2007-05-21", site="Right deltoid")
    b.imm("115", "Tdap", "2019-03-14")
    for d in flu_dates(range(2015, 2026), rng):
        b.imm("150" if d < "2021" else "171", FLU["150"] if d < "2021" else FLU["171"], d)
    b.imm("189", "HepB-CpG", "2021-03-15")
    b.imm("189", "HepB-CpG", "2021-04-12")
    b.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", "2021-04-12")
    b.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-03-30")
    b.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-04-20")
    b.imm("300", "COVID-19, mRNA, LNP-S, bivalent booster, PF, 30 mcg/0.3 mL dose", "2022-11-07")

    b.fmh("MTH", "female", [("sct", "69896004", "Rheumatoid arthritis (disorder)", 41)], name="Leona Marlow")
    b.fmh("MAUNT", "female", [("sct", "24700007", "Multiple sclerosis (disorder)", 35)])
    b.fmh("FTH", "male", [("sct", "37796009", "Migraine (disorder)", 20)])

    ga = b.goal("No emergency department visits for asthma in the next 12 months", "2024-02-24", addresses=[asthma], due="2025-02-24")
    gb = b.goal("Use rescue inhaler no more than 2 days per week", "2024-02-24", addresses=[asthma])
    b.careplan("Asthma action plan", "2024-02-24",
               [("406162001", "Asthma management (procedure)", "Green zone: Symbicort 2 puffs twice daily. Yellow zone: add albuterol every 4 hours, call clinic. Red zone: peak flow below 200 L/min - call 911."),
                ("710081004", "Trigger avoidance education", "Avoid cats, get annual flu vaccine")],
               goals=[ga, gb], addresses=[asthma])

    b.note("2021-04-15", "11488-4", "Consult note",
           "NEUROLOGY 2021-04-15\nRRMS dx 2017. On Copaxone since 2017-11. MRI 2021-04-02 shows 2 new enhancing lesions; relapse 2020-11 treated with IV steroids.\n"
           "A/P: breakthrough disease on glatiramer. Stop Copaxone. Start ocrelizumab 300 mg x2 then 600 mg every 6 months. Hepatitis B screening negative "
           "(HBsAg and core Ab). Vaccines completed before B-cell therapy: Heplisav-B x2, PCV20, COVID.", author=NEURO)
    b.note("2024-02-10T23:55:00-05:00", "34111-5", "Emergency department note",
           "ED NOTE 2024-02-10\nAsthma exacerbation triggered by viral URI. Peak flow 210 on arrival, SpO2 91%. DuoNeb x3, IV magnesium 2 g. "
           "Peak flow 360 after treatment. Discharged home on prednisone 40 mg daily x5 days; continue Symbicort and albuterol.", enc=e_asx, author="Dr. Colm Restrepo")
    b.note("2024-06-11", "11506-3", "Progress note",
           "NEUROLOGY VIDEO VISIT 2024-06-11\nFatigue worse in the afternoon; works from home as a graphic designer. EDSS 2.0. No new relapses since 2020. "
           "Baclofen helps leg stiffness. Continue ocrelizumab (next infusion 2024-11). Check IgG - trending down.", enc=e_v2, author=NEURO)
    b.note("2025-04-15", "11506-3", "Progress note",
           "NEUROLOGY 2025-04-15\nMRI brain today stable. IgG 540 pending confirmation - monitor infections. Patient hopes to try for pregnancy in 2026: "
           "plan last ocrelizumab infusion at least 3 months before conception; IUD stays until then. Vitamin D 41.", author=NEURO)


# =============================================================================
# Patient 4: middle-aged man, OSA on CPAP, gout, GERD, kidney stone, provoked PE, right TKA
# =============================================================================
def patient4(b):
    rng = b.rng
    b.patient(["Luis", "Armando"], "Ferreira-Dunn", "male", "1972-01-30", "B3-100862", "Elyria",
              "2290 Murray Ridge Rd", "44035", "440-555-0163", marital=("M", "Married"))
    HT = 180.0
    PCP = "Dr. Benedikt Oyelaran"

    b.condition("icd10", "K21.9", "Gastro-esophageal reflux disease without esophagitis", "2014-03-10")
    htn = b.condition("icd10", "I10", "Essential (primary) hypertension", "2016-05-02")
    gout = b.condition("icd10", "M10.9", "Gout, unspecified", "2017-06-12")
    b.condition("icd10", "M17.11", "Unilateral primary osteoarthritis, right knee", "2018-10-01", abate="2023-03-07")
    osa = b.condition("icd10", "G47.33", "Obstructive sleep apnea (adult) (pediatric)", "2019-05-14")
    obes = b.condition("icd10", "E66.9", "Obesity, unspecified", "2016-05-02")
    e_stone = b.encounter("EMER", "2021-05-03", "2021-05-03", etype="EMER", reason=[("sct", "16269008", "Left flank pain (finding)") , ("sct", "34436003", "Blood in urine (finding)")],
                          dispo="home", location="Mercy Elyria Emergency Department", provider="Dr. Tamsin Achebe")
    b.condition("icd10", "N20.1", "Calculus of ureter", "2021-05-03", abate="2021-06-02", enc=e_stone, cat="encounter-diagnosis")
    e_pe = b.encounter("IMP", "2022-09-18", "2022-09-21", etype="IMP", reason=[("sct", "267036007", "Dyspnea (finding)"), ("sct", "29857009", "Chest pain (finding)")],
                       admit="emd", dispo="home", location="Mercy Elyria Hospital", provider="Dr. Caspian Mwangi")
    pe = b.condition("icd10", "I26.99", "Other pulmonary embolism without acute cor pulmonale", "2022-09-18", abate="2023-03-20", enc=e_pe)
    b.condition("icd10", "I82.411", "Acute embolism and thrombosis of right femoral vein", "2022-09-18", abate="2023-03-20", enc=e_pe)
    e_tka = b.encounter("IMP", "2023-03-07", "2023-03-10", etype="IMP", reason=[("icd10", "M17.11", "Unilateral primary osteoarthritis, right knee")],
                        admit="mp", dispo="rehab", location="Lorain Orthopaedic & Spine Hospital", provider="Dr. Ingrid Salcedo")
    b.condition("icd10", "Z96.651", "Presence of right artificial knee joint", "2023-03-07", enc=e_tka)
    e_sin = b.encounter("VR", "2024-11-04", etype="VR", reason=[("sct", "68235000", "Nasal congestion (finding)"), ("sct", "162397003", "Pain in throat (finding)") ],
                        location="Elyria Internal Medicine", provider=PCP)
    b.condition("icd10", "J01.90", "Acute sinusitis, unspecified", "2024-11-04", abate="2024-11-20", enc=e_sin, cat="encounter-diagnosis")

    b.allergy("rx", "2670", "codeine", "medication", "2004-01-01", ("422587007", "Nausea (finding)"), "moderate", "low", atype="intolerance")
    b.allergy("sct", "418689008", "Grass pollen (substance)", "environment", "1990-05-01", ("21719001", "Allergic rhinitis caused by pollen (disorder)"), "mild", "low")

    b.med("261257", "pantoprazole 40 MG Delayed Release Oral Tablet [Protonix]", "2014-03-10", "stopped", "Take 1 tablet by mouth daily before breakfast",
          reason=[("icd10", "K21.9", "Gastro-esophageal reflux disease without esophagitis")], stop="2020-01-15", why_stop="Formulary change to omeprazole")
    b.med("198053", "omeprazole 20 MG Delayed Release Oral Capsule", "2020-01-15", "active", "Take 1 capsule by mouth daily 30 minutes before breakfast",
          reason=[("icd10", "K21.9", "Gastro-esophageal reflux disease without esophagitis")])
    b.med("349201", "valsartan 160 MG Oral Tablet", "2016-05-02", "active", "Take 1 tablet by mouth once daily", reason=[("icd10", "I10", "Essential (primary) hypertension")])
    b.med("197320", "allopurinol 300 MG Oral Tablet", "2017-08-14", "active", "Take 1 tablet by mouth once daily", reason=[("icd10", "M10.9", "Gout, unspecified")])
    b.med("197541", "colchicine 0.6 MG Oral Tablet", "2017-06-12", "active", "Take 2 tablets at first sign of flare, then 1 tablet 1 hour later; max 1.8 mg per flare",
          reason=[("icd10", "M10.9", "Gout, unspecified")], prn=True)
    b.med("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule", "2021-05-03", "completed", "Take 1 capsule by mouth daily until stone passes",
          enc=e_stone, stop="2021-06-02", reason=[("icd10", "N20.1", "Calculus of ureter")], requester="Dr. Tamsin Achebe")
    b.med("856999", "HYDROcodone bitartrate 5 MG / acetaminophen 325 MG Oral Tablet [Norco]", "2021-05-03", "completed",
          "Take 1 tablet every 6 hours as needed for severe pain; #12", enc=e_stone, stop="2021-05-06", prn=True,
          reason=[("icd10", "N20.1", "Calculus of ureter")], requester="Dr. Tamsin Achebe", qty=(12, "tablet"))
    b.med("1361615", "heparin sodium, porcine 100 UNT/ML in 0.45 % sodium chloride Injectable Solution", "2022-09-18", "completed",
          "IV infusion per weight-based nomogram, goal anti-Xa 0.3-0.7", enc=e_pe, stop="2022-09-20", category="inpatient",
          reason=[("icd10", "I26.99", "Other pulmonary embolism without acute cor pulmonale")], requester="Dr. Caspian Mwangi")
    b.med("1232084", "rivaroxaban 15 MG Oral Tablet [Xarelto]", "2022-09-20", "completed", "Take 1 tablet by mouth twice daily with food for 21 days",
          enc=e_pe, stop="2022-10-11", reason=[("icd10", "I26.99", "Other pulmonary embolism without acute cor pulmonale")], requester="Dr. Caspian Mwangi")
    b.med("1232086", "rivaroxaban 20 MG Oral Tablet [Xarelto]", "2022-10-11", "completed", "Take 1 tablet by mouth once daily with evening meal",
          stop="2023-03-20", reason=[("icd10", "I26.99", "Other pulmonary embolism without acute cor pulmonale")], requester=PCP)
    b.med("1232082", "rivaroxaban 10 MG Oral Tablet", "2023-03-08", "completed", "Take 1 tablet by mouth daily for 35 days (VTE prophylaxis after knee replacement)",
          enc=e_tka, stop="2023-04-12", reason=[("icd10", "Z96.651", "Presence of right artificial knee joint")], requester="Dr. Ingrid Salcedo")
    b.med("1665060", "ceFAZolin 2000 MG Injection", "2023-03-07", "completed", "2 g IV within 60 minutes before incision, then every 8 hours x2",
          enc=e_tka, stop="2023-03-08", category="inpatient", requester="Dr. Ingrid Salcedo")
    b.med("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", "2023-03-10", "completed", "Take 1-2 tablets every 4 hours as needed for pain; #40",
          enc=e_tka, stop="2023-03-24", prn=True, requester="Dr. Ingrid Salcedo", qty=(40, "tablet"))
    b.med("308460", "azithromycin 250 MG Oral Tablet [Zithromax]", "2019-12-02", "completed", "Take 2 tablets on day 1, then 1 tablet daily on days 2-5",
          stop="2019-12-06", reason=[("icd10", "J20.9", "Acute bronchitis, unspecified")])
    b.med("617296", "amoxicillin 875 MG / clavulanate 125 MG Oral Tablet [Augmentin]", "2024-11-04", "completed", "Take 1 tablet by mouth twice daily for 10 days",
          enc=e_sin, stop="2024-11-14", reason=[("icd10", "J01.90", "Acute sinusitis, unspecified")])

    URATE = [("2017-06-12", 9.8), ("2018-01-15", 7.2), ("2019-01-14", 6.4), ("2021-05-03", 6.9), ("2023-06-05", 5.8), ("2025-05-12", 5.6)]
    WTS = {"2017-06-12": 127.5, "2018-01-15": 128.9, "2019-01-14": 129.4, "2019-05-14": 128.8, "2020-01-15": 126.0, "2021-06-02": 124.3,
           "2022-11-07": 121.6, "2023-06-05": 118.2, "2024-05-20": 114.9, "2025-05-12": 112.4}
    A1C = {"2023-06-05": 5.8, "2025-05-12": 6.0}
    visits = sorted(set([d for d, _ in URATE if d != "2021-05-03"] + list(WTS)))
    for d in visits:
        e = b.encounter("AMB", d, etype="FU", reason=[("icd10", "I10", "Essential (primary) hypertension")], location="Elyria Internal Medicine", provider=PCP)
        b.vitals(d, e, rng.randint(126, 142), rng.randint(78, 90), rng.randint(68, 82), WTS.get(d, 125.0), HT, spo2=rng.choice([95, 96, 97]),
                 temp=round(rng.uniform(36.5, 37.0), 1))
        for dd, v in URATE:
            if dd == d:
                b.obs("3084-1", "Urate [Mass/volume] in Serum or Plasma", d, v, "mg/dL", low=3.5, high=7.2, enc=e)
        if d in A1C:
            b.obs("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", d, A1C[d], "%", high=5.6, enc=e)
        if d in ("2019-01-14", "2023-06-05", "2025-05-12"):
            b.obs("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", d, {"2019-01-14": 1.0, "2023-06-05": 1.1, "2025-05-12": 1.0}[d], "mg/dL", low=0.7, high=1.3, enc=e)
            b.obs("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", d, {"2019-01-14": 52, "2023-06-05": 38, "2025-05-12": 31}[d], "U/L", high=41, enc=e)
    b.obs("3084-1", "Urate [Mass/volume] in Serum or Plasma", "2021-05-03T10:20:00-05:00", 6.9, "mg/dL", low=3.5, high=7.2, enc=e_stone)
    b.obs("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "2021-05-03T10:20:00-05:00", 1.4, "mg/dL", low=0.7, high=1.3, enc=e_stone)
    b.obs("13945-1", "Erythrocytes [#/area] in Urine sediment by Microscopy high power field", "2021-05-03T10:25:00-05:00", 50, "/[HPF]", high=3, enc=e_stone)
    b.vitals("2021-05-03T09:50:00-05:00", e_stone, 164, 98, 104, None, spo2=98, temp=36.9, rr=20)
    b.obs("48065-7", "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma", "2022-09-18T13:05:00-05:00", 2450, "ng/mL", "ng/mL{FEU}", high=500, enc=e_pe)
    b.obs("6598-7", "Troponin T.cardiac [Mass/volume] in Serum or Plasma", "2022-09-18T13:05:00-05:00", 0.02, "ng/mL", high=0.01, enc=e_pe)
    b.vitals("2022-09-18T12:40:00-05:00", e_pe, 138, 88, 118, 121.9, HT, spo2=89, temp=37.2, rr=24)
    b.vitals("2022-09-20T09:00:00-05:00", e_pe, 128, 80, 86, None, spo2=95, temp=36.8, rr=16)
    b.obs("718-7", "Hemoglobin [Mass/volume] in Blood", "2023-03-06", 14.6, "g/dL", low=13.5, high=17.5)
    b.obs("718-7", "Hemoglobin [Mass/volume] in Blood", "2023-03-08T06:00:00-05:00", 10.9, "g/dL", low=13.5, high=17.5, enc=e_tka)
    b.obs("718-7", "Hemoglobin [Mass/volume] in Blood", "2023-03-09T06:00:00-05:00", 11.3, "g/dL", low=13.5, high=17.5, enc=e_tka)

    e_ps = b.encounter("AMB", "2019-04-22", etype="CONS", reason=[("sct", "72863001", "Snoring (finding)"), ("sct", "271782001", "Drowsy (finding)")],
                       location="Lorain Sleep Disorders Center", provider="Dr. Hye-jin Falkner")
    b.proc("sct", "60554003", "Polysomnography (procedure)", "2019-04-22", enc=e_ps, note="AHI 38 events/hour, nadir SpO2 79%. Severe OSA.")
    cpap = b.device("702172008", "Home continuous positive airway pressure unit (physical object)", "AirSense 11 AutoSet CPAP", "ResMed", "AirSense 11",
                    note=("2019-06-01", "Auto-CPAP 8-14 cmH2O with full face mask, started 2019-06-01."))
    b.proc("sct", "169070004" , "Computed tomography of abdomen and pelvis (procedure)", "2021-05-03", enc=e_stone, note="6 mm obstructing stone at left ureterovesical junction with mild hydronephrosis.")
    e_eswl = b.encounter("AMB", "2021-05-20", etype="FU", reason=[("icd10", "N20.1", "Calculus of ureter")], location="Lorain Urology", provider="Dr. Osric Delacroix-Bem")
    b.proc("sct", "80146002" , "Extracorporeal shock wave lithotripsy of kidney or ureter (procedure)", "2021-05-20", enc=e_eswl,
           reason=[("icd10", "N20.1", "Calculus of ureter")])
    b.obs_cc("9795-6" , "Calculi composition", "2021-06-02", {"text": "Calcium oxalate monohydrate 80%, uric acid 20%"})
    b.proc("sct", "418891003", "Computed tomography angiography of chest (procedure)", "2022-09-18", enc=e_pe,
           reason=[("sct", "267036007", "Dyspnea (finding)")], note="Bilateral segmental pulmonary emboli. RV/LV ratio 0.9.")
    b.proc("sct", "423827005", "Duplex ultrasound of vein of lower limb (procedure)", "2022-09-18", enc=e_pe, note="Occlusive thrombus right femoral vein.")
    knee = b.device("109228008" , "Knee joint prosthesis (physical object)", "Persona total knee system, right", "Zimmer Biomet", "Persona CR",
                    note=("2023-03-07", "Right total knee arthroplasty 2023-03-07, cemented."))
    b.proc("sct", "609588000", "Total knee replacement (procedure)", "2023-03-07", enc=e_tka, body=("sct", "6757004", "Right knee region structure (body structure)"),
           reason=[("icd10", "M17.11", "Unilateral primary osteoarthritis, right knee")], device=knee)
    b.proc("sct", "73761001", "Colonoscopy (procedure)", "2022-02-14", note="Normal. Repeat in 10 years.")

    for y in (2019, 2020, 2022, 2023, 2024, 2025):
        b.imm("150", FLU["150"], flu_dates([y], rng)[0])
    b.imm("115", "Tdap", "2014-08-11")
    b.imm("212", "COVID-19 vaccine, vector-nr, rS-Ad26, PF, 0.5 mL", "2021-04-10")
    b.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-12-01")
    b.imm("187", "zoster recombinant", "2024-10-21")

    b.fmh("FTH", "male", [("sct", "90560007", "Gout (disorder)", 45), ("sct", "95570007", "Kidney stone (disorder)", 50)])
    b.fmh("MTH", "female", [("sct", "254837009", "Malignant neoplasm of breast (disorder)", 58)])
    b.fmh("BRO", "male", [("sct", "128053003", "Deep venous thrombosis (disorder)", 45)])

    g1 = b.goal("Use CPAP at least 4 hours per night on 70% of nights", "2019-06-01", addresses=[osa])
    g2 = b.goal("Weight below 105 kg", "2023-06-05", target=("29463-7", "Body weight", 105, "kg"), addresses=[obes], due="2026-06-01")
    b.careplan("Sleep apnea and weight management", "2019-06-01",
               [("47545007", "Continuous positive airway pressure ventilation treatment (regime/therapy)", "Nightly auto-CPAP, review download every 6 months"),
                ("410177006", "Special diet education (procedure)", "Mediterranean-style diet, dietitian visits quarterly")],
               goals=[g1, g2], addresses=[osa, obes])

    b.note("2021-05-03T13:30:00-05:00", "34111-5", "Emergency department note",
           "ED NOTE 2021-05-03\n49M with sudden left flank pain radiating to groin, vomiting. UA large blood, 50 RBC/hpf. CT: 6 mm stone at left UVJ with mild "
           "hydronephrosis. Cr 1.4. Ketorolac 15 mg IV given.\nDischarged with tamsulosin, Norco #12 (codeine intolerance noted - nausea), strainer. "
           "Urology follow-up.", enc=e_stone, author="Dr. Tamsin Achebe")
    b.note("2022-09-21T10:00:00-05:00", "18842-5", "Discharge summary",
           "DISCHARGE SUMMARY 2022-09-18 to 2022-09-21\nPresented via the ED with pleuritic chest pain and dyspnea 3 days after a 14-hour flight "
           "back from Lisbon. CTA: bilateral segmental PE; duplex: right femoral DVT. Heparin drip, then rivaroxaban 15 mg twice daily x21 days "
           "then 20 mg daily. Provoked VTE (long-haul travel): plan 6 months of anticoagulation. Brother had DVT at 45 - consider thrombophilia testing "
           "after anticoagulation ends.", enc=e_pe, author="Dr. Caspian Mwangi")
    b.note("2023-03-07T17:00:00-05:00", "28570-0", "Procedure note",
           "OPERATIVE NOTE 2023-03-07\nRight total knee arthroplasty, cemented (Zimmer Persona). Spinal anesthesia. Tourniquet 62 min. EBL 300 mL. "
           "Cefazolin prophylaxis. VTE prophylaxis: rivaroxaban 10 mg daily x35 days given prior PE.", enc=e_tka, author="Dr. Ingrid Salcedo")
    b.note("2024-05-20", "11506-3", "Progress note",
           "PROGRESS NOTE 2024-05-20\nCPAP download: used more than 4 hours on 82% of nights, residual AHI 3.1. Weight 114.9 kg, down from 129 kg in 2019. "
           "No gout flares in 2 years on allopurinol. Works as a dispatcher for a trucking company. Thrombophilia panel (2023-05) negative.",
           author=PCP)


# =============================================================================
# Patient 5: deceased man, COPD, stage III lung adenocarcinoma -> bone metastases, hospice
# =============================================================================
def patient5(b):
    rng = b.rng
    b.patient(["Walter", "Francis"], "Pembrook", "male", "1946-04-09", "B3-100954", "Lorain",
              "905 W 21st St", "44052", "440-555-0108", deceased="2024-11-18T06:40:00-05:00", marital=("M", "Married"))
    HT = 175.0
    ONC = "Dr. Magdalena Thorsby"
    PCP = "Dr. Anselm Kowalczyk"

    htn = b.condition("icd10", "I10", "Essential (primary) hypertension", "2005-03-14")
    copd = b.condition("icd10", "J44.9", "Chronic obstructive pulmonary disease, unspecified", "2010-11-08")
    b.condition("icd10", "N40.0", "Benign prostatic hyperplasia without lower urinary tract symptoms", "2014-06-02")
    b.condition("icd10", "Z87.891", "Personal history of nicotine dependence", "2019-01-07")
    e_bx = b.encounter("AMB", "2023-02-10", etype="FU", reason=[("sct", "427359005", "Solitary nodule of lung (disorder)")],
                       location="Lorain Regional Cancer Center", provider="Dr. Roisin Kalu")
    ca = b.condition("icd10", "C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung", "2023-02-14")
    e_copd = b.encounter("IMP", "2023-12-01", "2023-12-05", etype="IMP", reason=[("sct", "267036007", "Dyspnea (finding)"), ("sct", "28743005", "Productive cough (finding)")],
                         admit="emd", dispo="home", location="Lorain Regional Medical Center", provider="Dr. Oren Bassey-Wilde")
    b.condition("icd10", "J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", "2023-12-01", abate="2023-12-20", enc=e_copd, cat="encounter-diagnosis")
    mets = b.condition("icd10", "C79.51", "Secondary malignant neoplasm of bone", "2024-03-05")
    b.condition("icd10", "G89.3", "Neoplasm related pain (acute) (chronic)", "2024-03-05")
    e_ca = b.encounter("IMP", "2024-09-20", "2024-09-24", etype="IMP", reason=[("sct", "40917007", "Clouding of consciousness (finding)"), ("sct", "16932000", "Nausea and vomiting (disorder)")],
                       admit="emd", dispo="home", location="Lorain Regional Medical Center", provider="Dr. Oren Bassey-Wilde")
    b.condition("icd10", "E83.52", "Hypercalcemia", "2024-09-20", abate="2024-10-15", enc=e_ca, cat="encounter-diagnosis")
    e_last = b.encounter("IMP", "2024-11-10", "2024-11-14", etype="IMP", reason=[("sct", "248062006", "Self-care deficit (finding)") , ("sct", "225782000" , "Uncontrolled pain (finding)")],
                         admit="emd", dispo="hosp", location="Lorain Regional Medical Center", provider="Dr. Oren Bassey-Wilde")
    e_hosp = b.encounter("HH", "2024-11-14", "2024-11-18", etype="HH", reason=[("icd10", "C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung")],
                         location="Heartland Hospice of Lorain County", provider="Greta Ivanova, RN")

    b.allergy("sct", "716186003", "No known allergy (situation)", None, None)

    R_CO = [("icd10", "J44.9", "Chronic obstructive pulmonary disease, unspecified")]
    R_CA = [("icd10", "C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung")]
    DEATH = "Patient deceased 2024-11-18"
    b.med("485032", "tiotropium 0.018 MG Inhalation Powder [Spiriva HandiHaler]", "2010-11-08", "stopped", "Inhale contents of 1 capsule once daily",
          reason=R_CO, stop="2024-11-18", why_stop=DEATH, requester=PCP)
    b.med("245314", "albuterol sulfate 2.5 MG/3ML Inhalation Solution", "2010-11-08", "stopped", "Nebulize 1 vial every 4 hours as needed",
          reason=R_CO, stop="2024-11-18", why_stop=DEATH, prn=True, requester=PCP)
    b.med("197361", "amLODIPine besylate 5 MG Oral Tablet", "2005-03-14", "stopped", "Take 1 tablet by mouth once daily",
          reason=[("icd10", "I10", "Essential (primary) hypertension")], stop="2024-09-22", why_stop="Hypotension and weight loss", requester=PCP)
    b.med("310346", "finasteride 5 MG Oral Tablet", "2014-06-02", "stopped", "Take 1 tablet by mouth once daily",
          reason=[("icd10", "N40.0", "Benign prostatic hyperplasia without lower urinary tract symptoms")], stop="2024-11-18", why_stop=DEATH, requester=PCP)
    b.med("597195", "carboplatin 10 MG/ML Injectable Solution", "2023-03-15", "completed", "AUC 5 IV every 21 days x4 cycles",
          reason=R_CA, stop="2023-05-17", category="outpatient", requester=ONC)
    b.med("1242996", "pemetrexed 500 MG Injection [Alimta]", "2023-03-15", "completed", "500 mg/m2 IV every 21 days",
          reason=R_CA, stop="2023-06-28", category="outpatient", requester=ONC)
    b.med("1547550", "pembrolizumab 25 MG/ML Injectable Solution [Keytruda]", "2023-03-15", "stopped", "200 mg IV every 21 days",
          reason=R_CA, stop="2024-03-05", why_stop="Disease progression: new bone metastases", category="outpatient", requester=ONC)
    b.med("1790095", "docetaxel 20 MG/ML Injectable Solution", "2024-03-26", "stopped", "75 mg/m2 IV every 21 days",
          reason=R_CA, stop="2024-08-06", why_stop="Neutropenia and fatigue", category="outpatient", requester=ONC)
    b.med("197579", "dexamethasone 4 MG Oral Tablet", "2023-03-14", "completed", "Take 1 tablet twice daily the day before, day of and day after pemetrexed",
          reason=R_CA, stop="2023-06-29", requester=ONC)
    b.med("104894", "ondansetron 8 MG Disintegrating Oral Tablet", "2023-03-15", "stopped", "Dissolve 1 tablet on tongue every 8 hours as needed for nausea",
          reason=R_CA, stop="2024-11-18", why_stop=DEATH, prn=True, requester=ONC)
    b.med("892494", "12 HR morphine sulfate 15 MG Extended Release Oral Tablet [MS Contin]", "2024-03-08", "stopped", "Take 1 tablet by mouth every 12 hours",
          reason=[("icd10", "G89.3", "Neoplasm related pain (acute) (chronic)")], stop="2024-09-24", why_stop="Dose increased to 30 mg every 12 hours", requester=ONC)
    b.med("892582", "12 HR morphine sulfate 30 MG Extended Release Oral Tablet [MS Contin]", "2024-09-24", "stopped", "Take 1 tablet by mouth every 12 hours",
          reason=[("icd10", "G89.3", "Neoplasm related pain (acute) (chronic)")], stop="2024-11-18", why_stop=DEATH, requester=ONC)
    b.med("1049621", "oxyCODONE hydrochloride 5 MG Oral Tablet", "2024-03-08", "stopped", "Take 1 tablet every 4 hours as needed for breakthrough pain",
          reason=[("icd10", "G89.3", "Neoplasm related pain (acute) (chronic)")], stop="2024-11-14", why_stop="Changed to hospice comfort kit", prn=True, requester=ONC)
    b.med("1728783", "morphine sulfate 20 MG/ML Oral Solution", "2024-11-14", "stopped", "5-10 mg by mouth or under the tongue every 2 hours as needed for pain or dyspnea",
          enc=e_hosp, stop="2024-11-18", why_stop=DEATH, prn=True, requester="Dr. Lucia Brandvold")
    b.med("1114085", "zoledronic acid 0.8 MG/ML Injectable Solution [Zometa]", "2024-09-20", "completed", "4 mg IV once",
          enc=e_ca, stop="2024-09-20", category="inpatient", reason=[("icd10", "E83.52", "Hypercalcemia")], requester="Dr. Oren Bassey-Wilde")
    b.med("311296" , "levofloxacin 750 MG Oral Tablet", "2023-12-01", "completed", "Take 1 tablet by mouth daily for 7 days",
          enc=e_copd, stop="2023-12-07", reason=[("icd10", "J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation")])
    b.med("312615", "predniSONE 20 MG Oral Tablet", "2023-12-01", "completed", "Take 2 tablets (40 mg) by mouth daily for 5 days",
          enc=e_copd, stop="2023-12-05", reason=[("icd10", "J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation")])

    CA_ = [("2024-09-20T14:10:00-05:00", 13.1, e_ca), ("2024-09-21T06:00:00-05:00", 12.4, e_ca), ("2024-09-23T06:00:00-05:00", 11.2, e_ca),
           ("2024-10-15", 10.1, None), ("2024-11-10T20:30:00-05:00", 10.4, e_last)]
    for d, v, e in CA_:
        b.obs("17861-6", "Calcium [Mass/volume] in Serum or Plasma", d, v, "mg/dL", low=8.6, high=10.3, enc=e)
    HGB = [("2023-02-10", 13.1), ("2023-06-28", 11.4), ("2023-12-01", 12.0), ("2024-03-05", 11.6), ("2024-06-18", 10.2),
           ("2024-09-20T14:10:00-05:00", 9.7), ("2024-11-10T20:30:00-05:00", 8.9)]
    WT = {"2023-02-10": 78.4, "2023-06-28": 75.1, "2024-03-05": 71.9, "2024-06-18": 68.0, "2024-10-15": 63.2}
    for d, v in HGB:
        e = {"2023-12-01": e_copd, "2024-09-20T14:10:00-05:00": e_ca, "2024-11-10T20:30:00-05:00": e_last, "2023-02-10": e_bx}.get(d)
        if e is None:
            e = b.encounter("AMB", d, etype="FU", reason=R_CA, location="Lorain Regional Cancer Center", provider=ONC)
            b.vitals(d, e, rng.randint(112, 134), rng.randint(64, 78), rng.randint(78, 92), WT[d], HT, spo2=rng.choice([92, 93, 94]), temp=round(rng.uniform(36.4, 36.9), 1))
        b.obs("718-7", "Hemoglobin [Mass/volume] in Blood", d, v, "g/dL", low=13.5, high=17.5, enc=e)
    b.vitals("2023-02-10", e_bx, 138, 80, 84, WT["2023-02-10"], HT, spo2=94, temp=36.7)
    e = b.encounter("AMB", "2024-10-15", etype="FU", reason=R_CA, location="Lorain Regional Cancer Center", provider=ONC)
    b.vitals("2024-10-15", e, 102, 60, 96, WT["2024-10-15"], HT, spo2=91, temp=36.6)
    b.vitals("2023-12-01T03:20:00-05:00", e_copd, 150, 86, 108, None, spo2=86, temp=37.9, rr=28)
    b.vitals("2024-09-20T13:50:00-05:00", e_ca, 98, 58, 104, 62.5, HT, spo2=94, temp=36.8, rr=20)
    b.vitals("2024-11-10T20:00:00-05:00", e_last, 94, 56, 110, 60.8, HT, spo2=89, temp=37.0, rr=24)
    b.obs("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "2024-11-10T20:30:00-05:00", 2.4, "g/dL", low=3.5, high=5.2, enc=e_last)
    b.obs("20150-9", "FEV1", "2019-01-07", 1.62, "L", note="52% predicted")
    b.obs("20150-9", "FEV1", "2022-11-14", 1.41, "L", note="45% predicted")
    b.obs_cc("72166-2", "Tobacco smoking status", "2019-01-07", cc("sct", "8517006", "Ex-smoker (finding)"), cat="social-history")
    b.obs("8664-5", "Cigarettes smoked total (pack per year)", "2019-01-07", 50, "{pack-years}", cat="social-history")
    b.obs_cc("69453-9", "Cause of death [US Standard Certificate of Death]", "2024-11-18T06:40:00-05:00",
             cc("icd10", "C34.11", "Malignant neoplasm of upper lobe, right bronchus or lung"), cat="exam", enc=e_hosp)

    b.proc("sct", "16334891000119106", "Low dose computed tomography of thorax (procedure)", "2022-12-12", note="3.1 cm spiculated right upper lobe nodule, Lung-RADS 4B.")
    b.proc("sct", "86273004", "Biopsy of lung (procedure)", "2023-02-10", enc=e_bx, reason=[("sct", "427359005", "Solitary nodule of lung (disorder)")],
           note="CT-guided core biopsy RUL: adenocarcinoma, PD-L1 TPS 60%, EGFR/ALK negative.")
    b.proc("sct", "450436003" , "Positron emission tomography with computed tomography (procedure)", "2023-02-20", reason=R_CA,
           note="Hypermetabolic RUL mass and right hilar and subcarinal nodes. No distant disease. Stage IIIB.")
    port = b.device("700591005" , "Totally implantable venous access device (physical object)", "PowerPort implantable port, right chest", "BD Bard", "PowerPort ClearVUE",
                    note=("2023-03-08", "Right internal jugular port placed 2023-03-08."))
    b.proc("sct", "233527006", "Central venous cannula insertion (procedure)" , "2023-03-08", reason=R_CA, device=port)
    b.proc("sct", "399315003", "Radionuclide bone scan (procedure)", "2024-03-01", reason=R_CA, note="New uptake T10 and L2 consistent with metastases.")
    b.proc("sct", "1287742003" , "Radiotherapy (procedure)", "2024-03-11", end="2024-03-22", reason=[("icd10", "C79.51", "Secondary malignant neoplasm of bone")],
           note="Palliative EBRT 30 Gy in 10 fractions to T10 and L2.")
    oxy = b.device("426160001" , "Oxygen concentrator (physical object)", "Home oxygen concentrator 2 L/min", "Inogen", "Inogen At Home",
                   note=("2023-12-06", "Home O2 2 L/min continuous started after 2023-12 admission."))

    for d in flu_dates(range(2015, 2024), rng):
        b.imm("135", FLU["135"], d)
    b.imm("09", "Td (adult), adsorbed", "2012-03-05")
    b.imm("33", "pneumococcal polysaccharide vaccine, 23 valent", "2011-10-03")
    b.imm("133", "Pneumococcal conjugate PCV 13", "2016-11-07")
    b.imm("121", "zoster live", "2012-03-05")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-01-25")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-02-22")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-10-11")

    b.fmh("BRO", "male", [("sct", "93880001", "Primary malignant neoplasm of lung (disorder)", 68, True)], deceased_age=70)
    b.fmh("FTH", "male", [("sct", "87433001", "Pulmonary emphysema (disorder)", 60)], deceased_age=72)

    gp = b.goal("Pain 3/10 or less at rest", "2024-11-14", addresses=[ca])
    gd = b.goal("Die at home with family present", "2024-11-14", addresses=[ca])
    b.careplan("Hospice comfort care plan", "2024-11-14",
               [("385763009", "Hospice care (regime/therapy)", "Home hospice; DNR/DNI; comfort kit in home"),
                ("225358003", "Wound care (regime/therapy)", "Pressure injury prevention, turning every 2 hours")],
               goals=[gp, gd], addresses=[ca, mets], status="completed", end="2024-11-18", enc=e_last)
    b.careplan("COPD action plan", "2019-01-07",
               [("404807002" , "COPD self-management (regime/therapy)", "Spiriva daily, albuterol nebs as needed, call for increased sputum")],
               addresses=[copd], status="completed", end="2024-11-18")

    b.note("2023-02-24", "11488-4", "Consult note",
           "MEDICAL ONCOLOGY CONSULT 2023-02-24\n76M, former smoker (50 pack-years, quit 2019). Screening LDCT 2022-12 showed 3.1 cm RUL nodule. "
           "Biopsy: adenocarcinoma, PD-L1 60%, EGFR and ALK negative. PET-CT: hilar and subcarinal nodes, stage IIIB, not a surgical candidate (FEV1 45%).\n"
           "Plan: carboplatin/pemetrexed/pembrolizumab x4 then pembrolizumab maintenance; port placement. Wife Eileen present.", author=ONC)
    b.note("2024-03-05", "11506-3", "Progress note",
           "ONCOLOGY 2024-03-05\nNew mid-back pain. Bone scan 2024-03-01: T10 and L2 metastases. Progression on pembrolizumab - stop. "
           "Palliative radiation to T10/L2. Start docetaxel. Pain: MS Contin 15 mg every 12 hours plus oxycodone 5 mg for breakthrough.", author=ONC)
    b.note("2024-11-14T12:00:00-05:00", "18842-5", "Discharge summary",
           "DISCHARGE SUMMARY 2024-11-10 to 2024-11-14\nAdmitted via ED with uncontrolled back pain, poor oral intake and falls at home. Albumin 2.4, Hgb 8.9. "
           "Goals of care meeting with wife Eileen and son Martin: DNR/DNI, transition to comfort care.\nDischarged to home hospice (Heartland Hospice).",
           enc=e_last, author="Dr. Oren Bassey-Wilde")
    b.note("2024-11-18T07:30:00-05:00", "11506-3", "Progress note",
           "HOSPICE NURSE VISIT 2024-11-18\nCalled by family at 06:15. Patient without respirations or heartbeat; death pronounced at home at 06:40 "
           "with wife and son present. Comfortable overnight after morphine solution 5 mg at 02:00. Funeral home notified.", enc=e_hosp, author="Greta Ivanova, RN")


# =============================================================================
# Patient 6: teenage girl, type 1 diabetes on pump + CGM, celiac, Hashimoto, ADHD
# =============================================================================
def patient6(b):
    rng = b.rng
    b.patient(["Amara", "Josephine"], "Lindqvist", "female", "2012-06-03", "B3-101026", "Medina",
              "61 Foxglove Ln", "44256", "330-555-0174",
              contact=[{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "N", "display": "Next-of-Kin"}], "text": "mother"}],
                        "name": {"family": "Lindqvist", "given": ["Greta"]}, "telecom": [{"system": "phone", "value": "330-555-0175"}]}])
    PEDS = "Dr. Oluwaseun Brightwater"
    ENDO = "Dr. Kristiina Vaheed"

    b.condition("icd10", "L20.9", "Atopic dermatitis, unspecified", "2013-02-11")
    e_om = b.encounter("AMB", "2016-02-10", etype="FU", reason=[("sct", "16001004", "Otalgia (finding)"), ("sct", "386661006", "Fever (finding)")],
                       location="Medina Pediatrics", provider=PEDS)
    b.condition("icd10", "H66.90", "Otitis media, unspecified, unspecified ear", "2016-02-10", abate="2016-02-24", enc=e_om, cat="encounter-diagnosis")
    e_om2 = b.encounter("AMB", "2018-11-05", etype="FU", reason=[("sct", "16001004", "Otalgia (finding)")], location="Medina Pediatrics", provider=PEDS)
    b.condition("icd10", "H66.90", "Otitis media, unspecified, unspecified ear", "2018-11-05", abate="2018-11-19", enc=e_om2, cat="encounter-diagnosis")
    e_dka = b.encounter("IMP", "2019-04-07", "2019-04-10", etype="IMP",
                        reason=[("sct", "28442001", "Polydipsia (finding)"), ("sct", "422587007", "Nausea (finding)"), ("sct", "89362005", "Weight loss (finding)")],
                        admit="hosp-trans", dispo="home", location="Akron Children's Pediatric ICU", provider=ENDO)
    b.condition("icd10", "E10.10", "Type 1 diabetes mellitus with ketoacidosis without coma", "2019-04-07", abate="2019-04-10", enc=e_dka, cat="encounter-diagnosis")
    t1d = b.condition("icd10", "E10.9", "Type 1 diabetes mellitus without complications", "2019-04-07", enc=e_dka)
    b.condition("icd10", "F90.2", "Attention-deficit hyperactivity disorder, combined type", "2019-11-20")
    e_egd = b.encounter("AMB", "2020-10-12", etype="FU", reason=[("sct", "21522001", "Abdominal pain (finding)")], location="Akron Children's GI", provider="Dr. Piet Mahlangu")
    celiac = b.condition("icd10", "K90.0", "Celiac disease", "2020-10-12", enc=e_egd)
    hashi = b.condition("icd10", "E06.3", "Autoimmune thyroiditis", "2022-05-09")
    e_hypo = b.encounter("EMER", "2023-07-22", "2023-07-22", etype="EMER", reason=[("sct", "302866003", "Hypoglycemia (disorder)")],
                         dispo="home", location="Medina Hospital Emergency Department", provider="Dr. Felix Oduya")
    b.condition("icd10", "E10.649", "Type 1 diabetes mellitus with hypoglycemia without coma", "2023-07-22", abate="2023-07-22", enc=e_hypo, cat="encounter-diagnosis")

    b.allergy("rx", "723", "amoxicillin", "medication", "2016-02-13", ("271807003", "Eruption of skin (disorder)"), "mild", "low")
    b.allergy("sct", "734881000", "Tree nut (substance)", "food", "2015-08-20", ("247472004", "Wheal (finding)"), "moderate", "high")
    b.allergy("sct", "260147004", "House dust mite (organism)", "environment", "2017-04-03", ("61582004", "Allergic rhinitis (disorder)"), "mild", "low")

    R_T1 = [("icd10", "E10.9", "Type 1 diabetes mellitus without complications")]
    b.med("308182", "amoxicillin 400 MG in 5 ML Oral Suspension", "2016-02-10", "completed", "Give 7.5 mL by mouth twice daily for 10 days",
          enc=e_om, stop="2016-02-13", reason=[("icd10", "H66.90", "Otitis media, unspecified, unspecified ear")], requester=PEDS)
    b.med("309054", "cefdinir 250 MG in 5 ML Oral Suspension", "2018-11-05", "completed", "Give 4 mL by mouth twice daily for 10 days",
          enc=e_om2, stop="2018-11-15", reason=[("icd10", "H66.90", "Otitis media, unspecified, unspecified ear")], requester=PEDS)
    b.med("106258", "hydrocortisone 25 MG/ML Topical Cream", "2014-01-13", "active", "Apply thin layer to affected areas twice daily as needed for flares",
          reason=[("icd10", "L20.9", "Atopic dermatitis, unspecified")], prn=True, requester=PEDS)
    b.med("285018", "insulin glargine 100 UNT/ML Injectable Solution [Lantus]", "2019-04-10", "stopped", "Inject 8 units subcutaneously at bedtime",
          enc=e_dka, reason=R_T1, stop="2021-02-15", why_stop="Transitioned to insulin pump therapy", requester=ENDO)
    b.med("1652646", "3 ML insulin lispro 100 UNT/ML Pen Injector [Humalog KwikPen]", "2019-04-10", "stopped",
          "Inject per carbohydrate ratio 1 unit:15 g and correction scale with meals", enc=e_dka, reason=R_T1, stop="2021-02-15",
          why_stop="Transitioned to insulin pump therapy", requester=ENDO)
    b.med("242120", "insulin lispro 100 UNT/ML Injectable Solution [Humalog]", "2021-02-15", "active",
          "Use via Omnipod 5 pump; up to 60 units per day per pump settings", reason=R_T1, requester=ENDO)
    b.med("2165253", "glucagon 3 MG/ACTUAT Nasal Powder [Baqsimi]", "2019-04-10", "active", "Give 1 spray in nostril for severe hypoglycemia; may repeat in 15 minutes",
          reason=R_T1, prn=True, requester=ENDO)
    b.med("1091170", "24 HR methylphenidate hydrochloride 18 MG Extended Release Oral Tablet [Concerta]", "2019-11-20", "stopped", "Take 1 tablet by mouth every morning",
          reason=[("icd10", "F90.2", "Attention-deficit hyperactivity disorder, combined type")], stop="2020-03-02", why_stop="Dose increased to 27 mg", requester=PEDS)
    b.med("1091185", "24 HR methylphenidate hydrochloride 27 MG Extended Release Oral Tablet [Concerta]", "2020-03-02", "active", "Take 1 tablet by mouth every morning",
          reason=[("icd10", "F90.2", "Attention-deficit hyperactivity disorder, combined type")], requester=PEDS)
    b.med("892246", "levothyroxine sodium 0.025 MG Oral Tablet", "2022-05-09", "stopped", "Take 1 tablet by mouth every morning",
          reason=[("icd10", "E06.3", "Autoimmune thyroiditis")], stop="2024-01-22", why_stop="Dose increased to 50 mcg for TSH 6.4", requester=ENDO)
    b.med("892249", "levothyroxine sodium 0.05 MG Oral Tablet [Synthroid]", "2024-01-22", "active", "Take 1 tablet by mouth every morning",
          reason=[("icd10", "E06.3", "Autoimmune thyroiditis")], requester=ENDO)

    A1C = [("2019-04-07", 12.8), ("2019-07-15", 8.1), ("2019-10-14", 7.6), ("2020-01-13", 7.4), ("2020-07-13", 7.9), ("2021-01-11", 8.3),
           ("2021-07-12", 7.2), ("2022-01-10", 7.0), ("2022-05-09", 7.3), ("2023-01-09", 6.9), ("2023-07-10", 7.6), ("2024-01-22", 7.1),
           ("2024-07-15", 6.8), ("2025-01-13", 6.9), ("2025-07-14", 6.6)]
    TSH = {"2022-05-09": 8.9, "2022-08-08": 4.1, "2023-07-10": 3.2, "2024-01-22": 6.4, "2024-05-06": 2.7, "2025-07-14": 2.2}
    TTG = {"2020-09-28": 128, "2021-07-12": 42, "2022-08-08": 11, "2023-07-10": 6, "2025-01-13": 3}
    GROW = {"2019-07-15": (31.8, 138.2), "2020-07-13": (36.0, 144.5), "2021-07-12": (40.3, 151.0), "2022-08-08": (44.9, 156.1),
            "2023-07-10": (49.6, 160.2), "2024-07-15": (53.1, 162.4), "2025-07-14": (55.0, 163.5)}
    virt = {"2021-01-11", "2023-01-09", "2025-01-13"}
    dates = sorted(set([d for d, _ in A1C if d != "2019-04-07"] + list(TSH) + list(TTG) + ["2020-10-12"]))
    encs = {}
    for d in dates:
        if d == "2020-10-12":
            encs[d] = e_egd
            continue
        if d == "2020-09-28":
            e = b.encounter("AMB", d, etype="FU", reason=[("sct", "21522001", "Abdominal pain (finding)")], location="Medina Pediatrics", provider=PEDS)
        elif d in virt:
            e = b.encounter("VR", d, etype="VR", reason=R_T1, location="Akron Children's Endocrinology", provider=ENDO)
        else:
            e = b.encounter("AMB", d, etype="FU", reason=R_T1, location="Akron Children's Endocrinology", provider=ENDO)
        encs[d] = e
        if d in GROW:
            w, h = GROW[d]
            b.vitals(d, e, rng.randint(98, 114), rng.randint(56, 70), rng.randint(72, 92), w, h, spo2=99, temp=round(rng.uniform(36.5, 37.0), 1))
            b.obs("8302-2", "Body height", d, h, "cm", cat="vital-signs", enc=e)
    for d, v in A1C:
        b.obs("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", d if d != "2019-04-07" else "2019-04-07T23:10:00-04:00", v, "%", high=5.6,
              enc=encs.get(d, e_dka))
    for d, v in TSH.items():
        b.obs("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", d, v, "m[IU]/L", low=0.5, high=4.3, enc=encs[d])
    b.obs("3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", "2022-05-09", 0.9, "ng/dL", low=0.9, high=1.7, enc=encs["2022-05-09"])
    b.obs("8099-4", "Thyroperoxidase Ab [Units/volume] in Serum or Plasma", "2022-05-09", 412, "[IU]/mL", high=35, enc=encs["2022-05-09"])
    for d, v in TTG.items():
        b.obs("31017-7", "Tissue transglutaminase IgA Ab [Units/volume] in Serum", d, v, "U/mL", "[arb'U]/mL", high=15, enc=encs[d])
    # DKA
    b.obs("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "2019-04-07T23:10:00-04:00", 486, "mg/dL", low=70, high=99, enc=e_dka)
    b.obs("1963-8", "Bicarbonate [Moles/volume] in Serum or Plasma", "2019-04-07T23:10:00-04:00", 9, "mmol/L", low=22, high=29, enc=e_dka)
    b.obs("2744-1", "pH of Venous blood", "2019-04-07T23:10:00-04:00", 7.08, "[pH]", low=7.32, high=7.43, enc=e_dka)
    b.vitals("2019-04-07T22:45:00-04:00", e_dka, 104, 62, 128, 27.4, 136.0, spo2=98, temp=36.9, rr=32)
    b.obs("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "2023-07-22T18:35:00-04:00", 42, "mg/dL", low=70, high=99, enc=e_hypo)
    b.vitals("2023-07-22T18:30:00-04:00", e_hypo, 108, 64, 104, None, spo2=99, temp=36.8, rr=18)

    b.proc("sct", "76009000", "Esophagogastroduodenoscopy (procedure)", "2020-10-12", enc=e_egd, reason=[("sct", "21522001", "Abdominal pain (finding)")],
           note="Duodenal biopsies x6: villous atrophy, Marsh 3a, consistent with celiac disease.")
    pump = b.device("69805005", "Insulin pump (physical object)", "Omnipod 5 automated insulin delivery system", "Insulet Corporation", "Omnipod 5",
                    note=("2021-02-15", "Pump therapy started 2021-02-15 (Omnipod DASH), upgraded to Omnipod 5 with automated mode 2023-02."))
    b.device("700635008", "Continuous glucose monitoring system (physical object)", "Dexcom G6 continuous glucose monitor", "Dexcom, Inc.", "G6",
             status="inactive", note=("2019-08-01", "Dexcom G6 started 2019-08-01; replaced by G7 on 2024-06-10."))
    b.device("700635008", "Continuous glucose monitoring system (physical object)", "Dexcom G7 continuous glucose monitor", "Dexcom, Inc.", "G7",
             note=("2024-06-10", "Dexcom G7 started 2024-06-10, paired with Omnipod 5."))
    e_pt = b.encounter("AMB", "2021-02-15", etype="FU", reason=R_T1, location="Akron Children's Endocrinology", provider=ENDO)
    b.proc("sct", "385804009", "Insulin pump training (procedure)", "2021-02-15", enc=e_pt, device=pump)
    b.proc("sct", "390735004", "Diabetic retinopathy screening (procedure)", "2024-08-19", note="Dilated exam normal, no retinopathy.")

    # childhood series
    ser = [("08", "Hep B, adolescent or pediatric", ["2012-06-04", "2012-07-10", "2012-12-10"]),
           ("20", "DTaP", ["2012-08-06", "2012-10-08", "2012-12-10", "2013-09-09", "2016-07-11"]),
           ("10", "IPV", ["2012-08-06", "2012-10-08", "2013-06-10", "2016-07-11"]),
           ("49", "Hib (PRP-OMP)", ["2012-08-06", "2012-10-08", "2013-06-10"]),
           ("133", "Pneumococcal conjugate PCV 13", ["2012-08-06", "2012-10-08", "2012-12-10", "2013-06-10"]),
           ("116", "rotavirus, pentavalent", ["2012-08-06", "2012-10-08", "2012-12-10"]),
           ("03", "MMR", ["2013-06-10", "2016-07-11"]),
           ("21", "varicella", ["2013-06-10", "2016-07-11"]),
           ("83", "Hep A, ped/adol, 2 dose", ["2013-06-10", "2014-01-13"]),
           ("33", "pneumococcal polysaccharide vaccine, 23 valent", ["2019-07-15"]),
           ("115", "Tdap", ["2023-08-14"]),
           ("136", "Meningococcal MCV4O", ["2023-08-14"]),
           ("165", "HPV9", ["2023-08-14", "2024-03-11"]),
           ("218", "COVID-19, mRNA, LNP-S, PF, 10 mcg/0.2 mL dose, tris-sucrose", ["2021-11-20", "2021-12-11"])]
    for cvx, disp, ds in ser:
        for d in ds:
            b.imm(cvx, disp, d, site="Right thigh" if d < "2015" else "Left deltoid")
    for y in (2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025):
        b.imm("150", FLU["150"], flu_dates([y], rng)[0])

    b.fmh("MTH", "female", [("sct", "21983002", "Hashimoto thyroiditis (disorder)", 34)], name="Greta Lindqvist")
    b.fmh("MGRFTH", "male", [("sct", "44054006", "Diabetes mellitus type 2 (disorder)", 58)])
    b.fmh("PAUNT", "female", [("sct", "46635009", "Diabetes mellitus type 1 (disorder)", 9)])

    g1 = b.goal("CGM time in range (70-180 mg/dL) above 70%", "2023-01-09", addresses=[t1d])
    g2 = b.goal("Hemoglobin A1c below 7.0%", "2023-01-09", target=("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 7.0, "%"), addresses=[t1d])
    g3 = b.goal("Strict gluten-free diet with tTG-IgA normalized", "2020-10-20", addresses=[celiac], status="completed")
    b.careplan("Type 1 diabetes management plan", "2021-02-15",
               [("698360004", "Diabetes self management plan (record artifact)", "Omnipod 5 automated mode, Dexcom CGM, carb counting 1:12 breakfast, 1:15 other meals"),
                ("408289007", "School diabetes care plan", "504 plan: snacks in class, CGM phone allowed, glucagon at school")],
               goals=[g1, g2], addresses=[t1d])
    b.careplan("Celiac disease gluten-free diet", "2020-10-20",
               [("229915005", "Gluten-free diet education (procedure)", "Dietitian: strict gluten-free diet, check tTG yearly")],
               goals=[g3], addresses=[celiac])

    b.note("2019-04-10T14:00:00-04:00", "18842-5", "Discharge summary",
           "PICU DISCHARGE SUMMARY 2019-04-07 to 2019-04-10\n6-year-old girl transferred from Lakeside Community Hospital ED with new-onset type 1 diabetes "
           "in DKA: glucose 486, venous pH 7.08, bicarbonate 9, A1c 12.8%. 3 weeks of polyuria, polydipsia and 2 kg weight loss. Insulin drip 30 hours, "
           "no cerebral edema. Transitioned to Lantus 8 units + Humalog by carb ratio. Diabetes education completed with mother and father.",
           enc=e_dka, author=ENDO)
    b.note("2020-10-20", "11488-4", "Consult note",
           "PEDIATRIC GI 2020-10-20\ntTG-IgA 128 (screening for T1D). EGD 2020-10-12: duodenal biopsies Marsh 3a. Diagnosis: celiac disease.\n"
           "Plan: strict gluten-free diet, dietitian visit, repeat tTG in 6-12 months. Family screening recommended.", author="Dr. Piet Mahlangu")
    b.note("2023-07-22T20:10:00-04:00", "34111-5", "Emergency department note",
           "ED NOTE 2023-07-22\nBrought by mother after a soccer tournament: shaky and confused, CGM alarm LOW. Mother gave Baqsimi at the field. "
           "Glucose 42 on arrival (before glucagon effect). Pump was in manual mode; no snack after 2 games.\nTreated with juice and crackers, glucose 118. "
           "Exercise temp basal and pre-game snack plan reviewed. Discharged home.", enc=e_hypo, author="Dr. Felix Oduya")
    b.note("2025-07-14", "11506-3", "Progress note",
           "ENDOCRINOLOGY 2025-07-14\nA1c 6.6%. Dexcom G7 time in range 74%, below range 2%. Omnipod 5 automated mode 95%. Starting 8th grade, plays travel soccer. "
           "TSH 2.2 on levothyroxine 50 mcg. Gluten-free, tTG normal. Annual eye exam 2024 normal; urine microalbumin normal.", author=ENDO)


# =============================================================================
# Patient 7: man with schizoaffective disorder (LAI), epilepsy, OUD on buprenorphine, cured HCV
# =============================================================================
def patient7(b):
    rng = b.rng
    b.patient(["Desmond", "Aurelio"], "Achterberg", "male", "1981-02-17", "B3-101193", "Lorain",
              "3318 Oberlin Ave Apt 2B", "44053", "440-555-0199", marital=("S", "Never Married"))
    HT = 183.0
    PSY = "Dr. Ngozi Halvorsen"
    NEU = "Dr. Emeric Tanaka-Reyes"
    ADD = "Dr. Solveig Mbatha"

    epi = b.condition("icd10", "G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus", "1998-06-15")
    sza = b.condition("icd10", "F25.0", "Schizoaffective disorder, bipolar type", "2003-09-02")
    oud = b.condition("icd10", "F11.20", "Opioid dependence, uncomplicated", "2016-04-11")
    hcv = b.condition("icd10", "B18.2", "Chronic viral hepatitis C", "2016-04-20", abate="2021-08-30")
    b.condition("icd10", "F17.210", "Nicotine dependence, cigarettes, uncomplicated", "1997-01-01")
    b.condition("icd10", "K06.1", "Gingival enlargement", "2016-11-14", abate="2017-06-01")
    b.condition("icd10", "E22.1", "Hyperprolactinemia", "2020-02-10", abate="2020-09-14")
    e_psy = b.encounter("IMP", "2018-10-03", "2018-10-09", etype="IMP",
                        reason=[("sct", "231494001", "Mania (disorder)"), ("sct", "2073000", "Delusions (finding)")],
                        admit="emd", dispo="aadvice", location="Lorain Behavioral Health Unit", provider=PSY)
    e_pna = b.encounter("IMP", "2022-01-12", "2022-01-15", etype="IMP", reason=[("sct", "386661006", "Fever (finding)"), ("sct", "28743005", "Productive cough (finding)")],
                        admit="emd", dispo="home", location="Mercy Lorain Hospital", provider="Dr. Hallvard Oyelowo")
    b.condition("icd10", "J18.9", "Pneumonia, unspecified organism", "2022-01-12", abate="2022-02-10", enc=e_pna, cat="encounter-diagnosis")
    e_sz = b.encounter("EMER", "2023-07-04", "2023-07-04", etype="EMER", reason=[("sct", "91175000", "Seizure (finding)")],
                       dispo="home", location="Mercy Lorain Emergency Department", provider="Dr. Ilse Kariuki")
    b.condition("icd10", "R56.9", "Unspecified convulsions", "2023-07-04", abate="2023-07-04", enc=e_sz, cat="encounter-diagnosis")

    b.allergy("sct", "387568001" , "Carbamazepine (substance)", "medication", "1999-02-01", ("73442001", "Stevens-Johnson syndrome (disorder)"), "severe", "high")
    b.allergy("rx", "5093", "haloperidol", "medication", "2004-05-10", ("28946007" , "Acute dystonia (disorder)"), "moderate", "low", atype="intolerance")

    R_SZA = [("icd10", "F25.0", "Schizoaffective disorder, bipolar type")]
    R_EPI = [("icd10", "G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus")]
    R_OUD = [("icd10", "F11.20", "Opioid dependence, uncomplicated")]
    b.med("855871", "phenytoin sodium 100 MG Extended Release Oral Capsule [Dilantin]", "1999-02-10", "stopped", "Take 3 capsules by mouth at bedtime",
          reason=R_EPI, stop="2016-11-21", why_stop="Gingival hyperplasia", requester=NEU)
    b.med("311289", "levETIRAcetam 500 MG Oral Tablet", "2016-11-21", "stopped", "Take 1 tablet by mouth twice daily",
          reason=R_EPI, stop="2023-07-10", why_stop="Dose increased after breakthrough seizure 2023-07-04", requester=NEU)
    b.med("311290", "levETIRAcetam 750 MG Oral Tablet [Keppra]", "2023-07-10", "active", "Take 1 tablet by mouth twice daily", reason=R_EPI, requester=NEU)
    b.med("197889", "lithium carbonate 300 MG Extended Release Oral Tablet", "2010-05-17", "active", "Take 2 tablets by mouth twice daily", reason=R_SZA, requester=PSY)
    b.med("312829", "risperiDONE 3 MG Oral Tablet", "2014-06-09", "stopped", "Take 1 tablet by mouth at bedtime", reason=R_SZA,
          stop="2020-02-24", why_stop="Hyperprolactinemia with galactorrhea and weight gain", requester=PSY)
    b.med("349545", "ARIPiprazole 10 MG Oral Tablet", "2020-02-24", "stopped", "Take 1 tablet by mouth once daily", reason=R_SZA,
          stop="2020-04-06", why_stop="Transitioned to long-acting injectable", requester=PSY)
    b.med("1650967", "aripiprazole 400 MG Extended Release Injectable Suspension [Abilify Maintena]", "2020-04-06", "active",
          "400 mg intramuscularly every 4 weeks in clinic", reason=R_SZA, requester=PSY, category="outpatient")
    b.med("1431102", "buprenorphine 8 MG / naloxone 2 MG Sublingual Film [Suboxone]", "2016-05-02", "active", "Dissolve 2 films under the tongue once daily",
          reason=R_OUD, requester=ADD)
    b.med("1725059", "naloxone hydrochloride 4 MG/ACTUAT Nasal Spray [Narcan]", "2019-03-11", "active", "1 spray in one nostril for suspected overdose; may repeat",
          reason=R_OUD, prn=True, requester=ADD)
    b.med("1940261", "sofosbuvir 400 MG / velpatasvir 100 MG Oral Tablet [Epclusa]", "2021-03-01", "completed", "Take 1 tablet by mouth once daily for 12 weeks",
          reason=[("icd10", "B18.2", "Chronic viral hepatitis C")], stop="2021-05-24", requester="Dr. Amadou Lindstrom")
    b.med("1665021", "cefTRIAXone 1000 MG Injection", "2022-01-12", "completed", "1 g IV every 24 hours", enc=e_pna, stop="2022-01-14",
          category="inpatient", reason=[("icd10", "J18.9", "Pneumonia, unspecified organism")], requester="Dr. Hallvard Oyelowo")
    b.med("141962", "azithromycin 250 MG Oral Capsule", "2022-01-12", "completed", "500 mg by mouth daily for 3 days", enc=e_pna, stop="2022-01-14",
          category="inpatient", reason=[("icd10", "J18.9", "Pneumonia, unspecified organism")], requester="Dr. Hallvard Oyelowo")
    b.med("309078", "cefpodoxime 200 MG Oral Tablet", "2022-01-15", "completed", "Take 1 tablet by mouth twice daily for 5 days", enc=e_pna, stop="2022-01-20",
          reason=[("icd10", "J18.9", "Pneumonia, unspecified organism")], requester="Dr. Hallvard Oyelowo")
    b.med("1361568", "heparin sodium, porcine 5000 UNT/ML Injectable Solution", "2022-01-12", "completed", "5000 units subcutaneously every 8 hours (VTE prophylaxis)",
          enc=e_pna, stop="2022-01-15", category="inpatient", requester="Dr. Hallvard Oyelowo")
    b.med("198029", "nicotine 21 MG/24HR Transdermal System", "2022-01-12", "stopped", "Apply 1 patch daily", enc=e_pna, stop="2022-03-07",
          why_stop="Patient preference - resumed smoking", reason=[("icd10", "F17.210", "Nicotine dependence, cigarettes, uncomplicated")])
    b.med("1807452", "LORazepam 2 MG/ML Injectable Solution", "2023-07-04", "completed", "2 mg IV once for seizure", enc=e_sz, stop="2023-07-04",
          category="inpatient", reason=[("sct", "91175000", "Seizure (finding)")], requester="Dr. Ilse Kariuki")

    LI = [("2019-03-11", 0.8), ("2020-03-09", 0.9), ("2021-03-08", 0.7), ("2022-03-07", 0.9), ("2023-03-06", 0.8), ("2024-03-04", 0.7), ("2025-03-03", 0.8)]
    WT = {"2019-03-11": 104.2, "2020-02-10": 106.8, "2020-03-09": 106.1, "2020-09-14": 101.5, "2021-03-08": 97.9, "2022-03-07": 96.4,
          "2023-03-06": 95.8, "2024-03-04": 97.1, "2025-03-03": 96.6}
    visits = sorted(set([d for d, _ in LI] + ["2020-02-10", "2020-09-14"]))
    encs = {}
    for d in visits:
        e = b.encounter("AMB", d, etype="FU", reason=R_SZA, location="Lorain County Community Mental Health", provider=PSY)
        encs[d] = e
        b.vitals(d, e, rng.randint(122, 138), rng.randint(76, 88), rng.randint(70, 88), WT[d], HT, spo2=rng.choice([96, 97, 98]), temp=round(rng.uniform(36.5, 37.0), 1))
    for d, v in LI:
        b.obs("14334-7", "Lithium [Moles/volume] in Serum or Plasma", d, v, "mmol/L", low=0.6, high=1.2, enc=encs[d])
    b.obs("14334-7", "Lithium [Moles/volume] in Serum or Plasma", "2022-01-13T06:00:00-05:00", 1.4, "mmol/L", low=0.6, high=1.2, enc=e_pna)
    b.obs("2842-3", "Prolactin [Mass/volume] in Serum or Plasma", "2020-02-10", 68, "ng/mL", low=4, high=15.2, enc=encs["2020-02-10"])
    b.obs("2842-3", "Prolactin [Mass/volume] in Serum or Plasma", "2020-09-14", 12, "ng/mL", low=4, high=15.2, enc=encs["2020-09-14"])
    b.obs("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "2025-03-03", 3.8, "m[IU]/L", low=0.4, high=4.5, enc=encs["2025-03-03"])
    b.obs("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "2025-03-03", 1.1, "mg/dL", low=0.7, high=1.3, enc=encs["2025-03-03"])
    b.obs("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "2020-09-14", 5.6, "%", high=5.6, enc=encs["2020-09-14"])
    b.obs("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "2023-03-06", 5.9, "%", high=5.6, enc=encs["2023-03-06"])
    b.obs("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "2020-02-10", 141, "mg/dL", high=100, enc=encs["2020-02-10"])
    b.obs("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "2020-02-10", 260, "mg/dL", high=150, enc=encs["2020-02-10"])
    b.obs("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "2023-03-06", 118, "mg/dL", high=100, enc=encs["2023-03-06"])
    # hepatitis C
    e_hep = {}
    for d in ("2016-04-20", "2021-02-15", "2021-08-30"):
        e_hep[d] = b.encounter("AMB", d, etype="CONS", reason=[("icd10", "B18.2", "Chronic viral hepatitis C")], location="Lorain Liver Clinic", provider="Dr. Amadou Lindstrom")
    b.obs("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection", "2016-04-20", 1250000, "[IU]/mL", enc=e_hep["2016-04-20"], interp="A")
    b.obs("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection", "2021-02-15", 880000, "[IU]/mL", enc=e_hep["2021-02-15"], interp="A")
    b.obs_cc("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection", "2021-08-30",
             cc("sct", "260415000", "Not detected (qualifier value)"), enc=e_hep["2021-08-30"], interp="N")
    for d, v in (("2016-04-20", 88), ("2021-02-15", 71), ("2021-08-30", 24), ("2024-03-04", 22)):
        b.obs("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", d, v, "U/L", high=41, enc=e_hep.get(d) or encs.get(d))
    b.proc("sct", "716155004" , "Transient elastography of liver (procedure)", "2021-02-15", enc=e_hep["2021-02-15"], note="Liver stiffness 7.8 kPa (F2).")
    # pneumonia
    b.vitals("2022-01-12T02:30:00-05:00", e_pna, 104, 62, 116, 95.0, HT, spo2=89, temp=39.2, rr=26)
    b.obs("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "2022-01-12T03:00:00-05:00", 17.9, "10*3/uL", low=4.0, high=11.0, enc=e_pna)
    b.proc("sct", "399208008", "Plain chest X-ray (procedure)", "2022-01-12", enc=e_pna, note="Right lower lobe consolidation.")
    # seizure
    b.vitals("2023-07-04T15:10:00-04:00", e_sz, 148, 92, 112, None, spo2=94, temp=37.3, rr=20)
    b.obs("14334-7", "Lithium [Moles/volume] in Serum or Plasma", "2023-07-04T15:30:00-04:00", 0.5, "mmol/L", low=0.6, high=1.2, enc=e_sz)
    e_eeg = b.encounter("AMB", "2023-07-20", etype="FU", reason=R_EPI, location="Lorain Neurology", provider=NEU)
    b.proc("sct", "54550000", "Electroencephalogram (procedure)", "2023-07-20", enc=e_eeg, note="Left temporal sharp waves; no electrographic seizures.")
    b.proc("sct", "816077007", "Magnetic resonance imaging of brain with contrast (procedure)", "2016-11-14", reason=R_EPI, note="Left mesial temporal sclerosis.")
    # virtual psychiatry and addiction clinic
    for d, loc, prov, rs in (("2020-04-06", "Lorain County Community Mental Health", PSY, R_SZA), ("2021-11-08", "Lorain County Community Mental Health", PSY, R_SZA),
                             ("2024-09-16", "Lorain County Community Mental Health", PSY, R_SZA)):
        b.encounter("VR", d, etype="VR", reason=rs, location=loc, provider=prov)
    for d in ("2017-05-01", "2019-03-11", "2022-03-14", "2025-06-09"):
        b.encounter("AMB", d, etype="FU", reason=R_OUD, location="Oberlin Avenue Recovery Clinic", provider=ADD)

    b.imm("52", "Hep A, adult", "2016-06-06")
    b.imm("52", "Hep A, adult", "2016-12-05")
    for d in ("2016-06-06", "2016-07-05", "2016-12-05"):
        b.imm("43", "Hep B, adult", d, site="Right deltoid")
    b.imm("115", "Tdap", "2017-09-10")
    for y in (2017, 2019, 2021, 2022, 2024):
        b.imm("150", FLU["150"], flu_dates([y], rng)[0])
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-06-14")
    b.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-07-12")
    b.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", "2022-03-14")

    b.fmh("MTH", "female", [("sct", "13746004", "Bipolar disorder (disorder)", 24)])
    b.fmh("FTH", "male", [("sct", "7200002", "Alcoholism (disorder)", 30), ("sct", "19943007", "Cirrhosis of liver (disorder)", 55, True)], deceased_age=57)

    g1 = b.goal("No illicit opioid use; urine drug screens negative for non-prescribed opioids", "2016-05-02", addresses=[oud])
    g2 = b.goal("Seizure-free for 12 months", "2023-07-20", addresses=[epi], due="2024-07-20")
    b.careplan("Medication for opioid use disorder treatment plan", "2016-05-02",
               [("710081004" , "Opioid substitution therapy (regime/therapy)", "Buprenorphine/naloxone 16 mg daily, weekly then monthly visits, random urine drug screens"),
                ("410230009" , "Counseling (procedure)", "Weekly group counseling at Oberlin Avenue Recovery Clinic")],
               goals=[g1], addresses=[oud])
    b.careplan("Seizure management plan", "2023-07-20",
               [("386689009" , "Seizure management (procedure)", "Levetiracetam 750 mg twice daily; pill organizer; no driving until seizure-free 6 months (Ohio)")],
               goals=[g2], addresses=[epi])

    b.note("2018-10-09T16:00:00-04:00", "18842-5", "Discharge summary",
           "DISCHARGE SUMMARY 2018-10-03 to 2018-10-09\nAdmitted via ED with manic episode (no sleep 5 days, grandiose delusions) after stopping lithium. "
           "Lithium restarted, risperidone continued. Patient left against medical advice on 2018-10-09 before planned discharge; not felt to meet "
           "criteria for involuntary hold. Sister informed.", enc=e_psy, author=PSY)
    b.note("2020-02-24", "11506-3", "Progress note",
           "PSYCHIATRY 2020-02-24\nGalactorrhea and 9 kg weight gain over 2 years on risperidone. Prolactin 68 ng/mL. LDL 141, TG 260.\n"
           "Plan: cross-taper risperidone to aripiprazole 10 mg, then Abilify Maintena 400 mg monthly if tolerated. Lithium level 0.9 therapeutic.", author=PSY)
    b.note("2021-08-30", "11488-4", "Consult note",
           "HEPATOLOGY 2021-08-30\nCompleted 12 weeks Epclusa (2021-03-01 to 2021-05-24). HCV RNA not detected 12 weeks after treatment: SVR12 achieved, cured. "
           "Fibroscan 7.8 kPa (F2) - no HCC surveillance needed. Counseled on reinfection risk; continues Suboxone.", author="Dr. Amadou Lindstrom")
    b.note("2023-07-04T18:00:00-04:00", "34111-5", "Emergency department note",
           "ED NOTE 2023-07-04\nWitnessed generalized tonic-clonic seizure at a cookout, about 2 minutes, then a second brief seizure in the ambulance. "
           "Lorazepam 2 mg IV. Missed levetiracetam for 3 days (ran out). Lithium level 0.5. Back to baseline after 2 hours.\nPlan: refill, neurology "
           "to increase levetiracetam to 750 mg twice daily. No driving.", enc=e_sz, author="Dr. Ilse Kariuki")
    b.note("2024-09-16", "11506-3", "Progress note",
           "PSYCHIATRY VIDEO VISIT 2024-09-16\nMood stable, no psychosis. On Abilify Maintena 400 mg monthly and lithium. In recovery from opioids since "
           "2016 on Suboxone. Works part-time at a bicycle repair shop, lives with his sister Noor. Still smoking 1/2 pack per day, not ready to quit.",
           author=PSY)


PATIENTS = [patient1, patient2, patient3, patient4, patient5, patient6, patient7]
BULK_FROM = 5  # patients with index >= this go to the bulk export


def bundle(resources):
    return {"resourceType": "Bundle", "type": "transaction",
            "entry": [{"fullUrl": "urn:uuid:%s" % r["id"], "resource": r,
                       "request": {"method": "PUT", "url": "%s/%s" % (r["resourceType"], r["id"])}} for r in resources]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="patients")
    ap.add_argument("--patients", type=int, default=7)
    ap.add_argument("--seed", type=int, default=303)
    a = ap.parse_args()
    if not 1 <= a.patients <= len(PATIENTS):
        raise SystemExit("--patients must be 1..%d" % len(PATIENTS))
    os.makedirs(a.out, exist_ok=True)
    bulk = {}
    for i in range(a.patients):
        rng = random.Random("%d-%d" % (a.seed, i + 1))
        b = Builder(rng, tz="-05:00")
        PATIENTS[i](b)
        if i < BULK_FROM:
            fn = os.path.join(a.out, "blind3_%d_%s.json" % (i + 1, b.pid))
            with open(fn, "w", encoding="utf-8") as f:
                json.dump(bundle(b.res), f, indent=1, ensure_ascii=False)
                f.write("\n")
        else:
            for r in b.res:
                bulk.setdefault(r["resourceType"], []).append(r)
    if bulk:
        d = os.path.join(a.out, "bulk")
        os.makedirs(d, exist_ok=True)
        for t in sorted(bulk):
            with open(os.path.join(d, "%s.ndjson" % t), "w", encoding="utf-8") as f:
                for r in bulk[t]:
                    f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

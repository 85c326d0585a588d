#!/usr/bin/env python3
"""blind7 generator: 7 invented synthetic patients (FHIR R4) + blind question set.

Stdlib only. Seed 707. Deterministic: running it twice gives byte-identical output.
All names, addresses, identifiers and histories are invented by this script.
Gold evidence and answer facts are computed from the resources written here.
"""
import base64
import json
import os
import random
import re
import uuid

SEED = 707
RNG = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PAT_DIR = os.path.join(ROOT, "patients")
BULK_DIR = os.path.join(PAT_DIR, "bulk")
BASE = "https://example.org/fhir"

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CVX = "http://hl7.org/fhir/sid/cvx"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
UCUM = "http://unitsofmeasure.org"
ACTCODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
INTERP = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBSCAT = "http://terminology.hl7.org/CodeSystem/observation-category"
ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
ACTREASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
DR_CAT = "http://terminology.hl7.org/CodeSystem/v2-0074"


def new_id():
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def sct(code, display):
    return (SNOMED, code, display)


def icd(code, display):
    return (ICD10, code, display)


def lnc(code, display):
    return (LOINC, code, display)


def cc(*codings, text=None):
    out = {"coding": [{"system": s, "code": c, "display": d} for (s, c, d) in codings]}
    if text:
        out["text"] = text
    elif codings:
        out["text"] = codings[0][2]
    return out


def ref(r):
    return {"reference": "%s/%s" % (r["resourceType"], r["id"])}


def rid(r):
    return "%s/%s" % (r["resourceType"], r["id"])


def num(v):
    """A number exactly as JSON writes it (used for answer facts)."""
    return json.dumps(v)


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


INTERP_DISPLAY = {"H": "High", "L": "Low", "N": "Normal", "A": "Abnormal",
                  "HH": "Critical high", "LL": "Critical low", "POS": "Positive", "NEG": "Negative"}

ADMIT = {"emd": "From accident/emergency department", "hosp-trans": "Transferred from other hospital",
         "outp": "From outpatient department", "gp": "General Practitioner referral",
         "mp": "Medical Practitioner/physician referral", "other": "Other", "psych": "From psychiatric hospital",
         "nursing": "From nursing home", "rehab": "From rehabilitation facility", "born": "Born in hospital"}
DISCH = {"home": "Home", "rehab": "Rehabilitation", "snf": "Skilled nursing facility", "psy": "Psychiatric hospital",
         "other-hcf": "Other healthcare facility", "oth": "Other", "hosp": "Hospice", "long": "Long-term care",
         "aadvice": "Left against advice", "exp": "Expired", "alt-home": "Alternative home"}
ENC_CLASS = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter", "VR": "virtual",
             "HH": "home health", "OBSENC": "observation encounter", "SS": "short stay"}
ACT_REASON = {"PATOBJ": "patient objection", "MEDPREC": "medical precaution", "OSTOCK": "product out of stock",
              "IMMUNE": "immunity"}
MR_REASON = {"altchoice": "Try another treatment first", "clarif": "Prescription requires clarification",
             "drughigh": "Drug level too high", "hospadm": "Admission to hospital", "labint": "Lab interference issues",
             "non-avail": "Patient not-available", "preg": "Parent is pregnant/breast feeding",
             "salg": "Allergy", "sddi": "Drug interacts with another drug", "sdupther": "Duplicate therapy",
             "sintol": "Suspected intolerance", "surg": "Patient scheduled for surgery", "washout": "Waiting for old drug to wash out"}


class Chart:
    def __init__(self, n, tz, now, where):
        self.n = n
        self.tz = tz
        self.now = now
        self.where = where  # "bundle-transaction" | "bundle-collection" | "bulk"
        self.rs = []
        self.patient = None
        self.history = ""

    # ---------- basics ----------
    def dt(self, d, t="09:00"):
        if len(d) > 10:
            return d
        return "%sT%s:00%s" % (d, t, self.tz)

    def add(self, rtype, body):
        r = {"resourceType": rtype, "id": new_id()}
        r.update(body)
        self.rs.append(r)
        return r

    def subj(self):
        return {"reference": "Patient/%s" % self.patient["id"]}

    def make_patient(self, family, given, gender, birth, line, city, state, postal, mrn, phone,
                     marital=("M", "Married"), contact=None, deceased=None, extra=None):
        body = {
            "identifier": [{"use": "usual",
                            "type": cc(("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")),
                            "system": BASE + "/sid/mrn", "value": mrn}],
            "active": True,
            "name": [{"use": "official", "family": family, "given": given,
                      "text": "%s %s" % (" ".join(given), family)}],
            "telecom": [{"system": "phone", "value": phone, "use": "home"}],
            "gender": gender,
            "birthDate": birth,
            "address": [{"use": "home", "line": [line], "city": city, "state": state,
                         "postalCode": postal, "country": "US"}],
            "maritalStatus": cc(("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", marital[0], marital[1])),
            "communication": [{"language": cc(("urn:ietf:bcp:47", "en-US", "English (United States)")),
                               "preferred": True}],
        }
        if contact:
            body["contact"] = contact
        if deceased:
            body["deceasedDateTime"] = deceased
        if extra:
            body.update(extra)
        self.patient = self.add("Patient", body)
        return self.patient

    # ---------- encounters ----------
    def enc(self, cls, start, end=None, typ=None, reason=None, adm=None, disp=None, provider=None,
            loc=None, t="09:00", t_end=None, text=None, status="finished", adm_text=None, disp_text=None):
        body = {"status": status,
                "class": {"system": ACTCODE, "code": cls, "display": ENC_CLASS[cls]},
                "subject": self.subj(),
                "period": {"start": self.dt(start, t)}}
        if typ:
            body["type"] = [cc(typ, text=text)]
        if end:
            body["period"]["end"] = self.dt(end, t_end or ("11:00" if end != start else "10:00"))
        else:
            body["period"]["end"] = self.dt(start, t_end or ("%02d:%s" % (int(t[:2]) + 1, t[3:])))
        rc, rr = [], []
        for x in (reason or []):
            if isinstance(x, dict):
                rr.append(ref(x))
            else:
                rc.append(cc(x))
        if rc:
            body["reasonCode"] = rc
        if rr:
            body["reasonReference"] = rr
        if adm or disp:
            h = {}
            if adm:
                h["admitSource"] = cc(("http://terminology.hl7.org/CodeSystem/admit-source", adm, ADMIT[adm]))
            if disp:
                h["dischargeDisposition"] = cc(("http://terminology.hl7.org/CodeSystem/discharge-disposition", disp, DISCH[disp]))
            if adm_text:
                h["admitSource"]["text"] = adm_text
            if disp_text:
                h["dischargeDisposition"]["text"] = disp_text
            body["hospitalization"] = h
        if loc:
            body["location"] = [{"location": {"display": loc}}]
        if provider:
            body["serviceProvider"] = {"display": provider}
        return self.add("Encounter", body)

    # ---------- conditions ----------
    def cond(self, codings, onset, text=None, status="active", ver="confirmed", abate=None, enc=None,
             note=None, cat="problem-list-item", severity=None, body_site=None, stage=None, recorded=None):
        if isinstance(codings, tuple):
            codings = [codings]
        body = {"clinicalStatus": cc(("http://terminology.hl7.org/CodeSystem/condition-clinical", status, status.capitalize())),
                "verificationStatus": cc(("http://terminology.hl7.org/CodeSystem/condition-ver-status", ver,
                                          {"confirmed": "Confirmed", "refuted": "Refuted", "provisional": "Provisional",
                                           "unconfirmed": "Unconfirmed", "differential": "Differential"}[ver])),
                "category": [cc(("http://terminology.hl7.org/CodeSystem/condition-category", cat,
                                 {"problem-list-item": "Problem List Item", "encounter-diagnosis": "Encounter Diagnosis"}[cat]))],
                "code": cc(*codings, text=text),
                "subject": self.subj()}
        if severity:
            body["severity"] = cc(severity)
        if body_site:
            body["bodySite"] = [cc(body_site)]
        if enc:
            body["encounter"] = ref(enc)
        body["onsetDateTime"] = self.dt(onset) if len(onset) == 10 else onset
        if abate:
            body["abatementDateTime"] = self.dt(abate)
        body["recordedDate"] = self.dt(recorded or onset)
        if stage:
            body["stage"] = [{"summary": cc(stage[0], text=stage[1])}]
        if note:
            body["note"] = [{"text": note}]
        return self.add("Condition", body)

    # ---------- observations ----------
    def lab(self, code, display, value, unit, date, low=None, high=None, enc=None, ucum=None, text=None,
            t="08:30", cat="laboratory", note=None, interp=None, rr_text=None, method=None):
        body = {"status": "final",
                "category": [cc((OBSCAT, cat, {"laboratory": "Laboratory", "vital-signs": "Vital Signs",
                                                "social-history": "Social History", "exam": "Exam",
                                                "procedure": "Procedure", "survey": "Survey",
                                                "imaging": "Imaging"}[cat]))],
                "code": cc(lnc(code, display), text=text),
                "subject": self.subj()}
        if enc:
            body["encounter"] = ref(enc)
        body["effectiveDateTime"] = self.dt(date, t)
        body["issued"] = self.dt(date, "%02d:%s" % (min(int(t[:2]) + 4, 23), t[3:]))
        body["valueQuantity"] = {"value": value, "unit": unit, "system": UCUM, "code": ucum or unit}
        if interp is None and (low is not None or high is not None):
            if high is not None and value > high:
                interp = "H"
            elif low is not None and value < low:
                interp = "L"
            else:
                interp = "N"
        if interp:
            body["interpretation"] = [cc((INTERP, interp, INTERP_DISPLAY[interp]))]
        if low is not None or high is not None or rr_text:
            rr = {}
            if low is not None:
                rr["low"] = {"value": low, "unit": unit, "system": UCUM, "code": ucum or unit}
            if high is not None:
                rr["high"] = {"value": high, "unit": unit, "system": UCUM, "code": ucum or unit}
            if rr_text:
                rr["text"] = rr_text
            body["referenceRange"] = [rr]
        if method:
            body["method"] = cc(method)
        if note:
            body["note"] = [{"text": note}]
        return self.add("Observation", body)

    def coded(self, code, display, value_coding, date, enc=None, cat="laboratory", t="08:30", interp=None,
              note=None, text=None, value_text=None):
        body = {"status": "final",
                "category": [cc((OBSCAT, cat, {"laboratory": "Laboratory", "social-history": "Social History",
                                                "exam": "Exam", "survey": "Survey", "vital-signs": "Vital Signs",
                                                "procedure": "Procedure", "imaging": "Imaging"}[cat]))],
                "code": cc(lnc(code, display), text=text),
                "subject": self.subj()}
        if enc:
            body["encounter"] = ref(enc)
        body["effectiveDateTime"] = self.dt(date, t)
        if value_coding:
            body["valueCodeableConcept"] = cc(value_coding, text=value_text)
        else:
            body["valueString"] = value_text
        if interp:
            body["interpretation"] = [cc((INTERP, interp, INTERP_DISPLAY[interp]))]
        if note:
            body["note"] = [{"text": note}]
        return self.add("Observation", body)

    def bp(self, date, sys_, dia, enc=None, t="09:15"):
        body = {"status": "final",
                "category": [cc((OBSCAT, "vital-signs", "Vital Signs"))],
                "code": cc(lnc("85354-9", "Blood pressure panel with all children optional"), text="Blood pressure"),
                "subject": self.subj()}
        if enc:
            body["encounter"] = ref(enc)
        body["effectiveDateTime"] = self.dt(date, t)
        body["component"] = [
            {"code": cc(lnc("8480-6", "Systolic blood pressure")),
             "valueQuantity": {"value": sys_, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}},
            {"code": cc(lnc("8462-4", "Diastolic blood pressure")),
             "valueQuantity": {"value": dia, "unit": "mmHg", "system": UCUM, "code": "mm[Hg]"}}]
        return self.add("Observation", body)

    def vitals(self, date, enc=None, bp=None, hr=None, rr=None, temp=None, spo2=None, wt=None, ht=None,
               bmi=None, hc=None, bmi_pct=None, pain=None, t="09:15"):
        out = {}
        v = lambda *a, **k: self.lab(*a, cat="vital-signs", enc=enc, t=t, **k)
        if bp:
            out["bp"] = self.bp(date, bp[0], bp[1], enc=enc, t=t)
        if hr is not None:
            out["hr"] = v("8867-4", "Heart rate", hr, "/min", date, text="Pulse")
        if rr is not None:
            out["rr"] = v("9279-1", "Respiratory rate", rr, "/min", date)
        if temp is not None:
            out["temp"] = v("8310-5", "Body temperature", temp, "Cel", date, text="Temperature")
        if spo2 is not None:
            out["spo2"] = v("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", spo2, "%", date,
                            text="SpO2")
        if wt is not None:
            out["wt"] = v("29463-7", "Body weight", wt, "kg", date, text="Weight")
        if ht is not None:
            out["ht"] = v("8302-2", "Body height", ht, "cm", date, text="Height")
        if bmi is not None:
            out["bmi"] = v("39156-5", "Body mass index (BMI) [Ratio]", bmi, "kg/m2", date, text="BMI")
        if bmi_pct is not None:
            out["bmi_pct"] = v("59576-9", "Body mass index (BMI) [Percentile] Per age and sex", bmi_pct, "%", date,
                               text="BMI percentile")
        if hc is not None:
            out["hc"] = v("9843-4", "Head Occipital-frontal circumference", hc, "cm", date, text="Head circumference")
        if pain is not None:
            out["pain"] = v("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", pain,
                            "{score}", date, text="Pain score")
        return out

    def smoking(self, date, code, display, enc=None, note=None):
        return self.coded("72166-2", "Tobacco smoking status", sct(code, display), date, enc=enc,
                          cat="social-history", note=note)

    # ---------- medications ----------
    def med(self, rx, display, authored, status, dosage, reason=None, end=None, stop_reason=None,
            stop_code=None, text=None, enc=None, note=None, requester=None, route=None, course=None):
        body = {"status": status, "intent": "order",
                "medicationCodeableConcept": cc((RXNORM, rx, display), text=text),
                "subject": self.subj()}
        if status == "stopped" and (stop_reason or stop_code):
            sr = {"text": stop_reason} if stop_reason else {}
            if stop_code:
                sr["coding"] = [{"system": "http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason",
                                 "code": stop_code, "display": MR_REASON[stop_code]}]
            body["statusReason"] = sr
        if course:
            body["courseOfTherapyType"] = cc(("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy",
                                              course, {"acute": "Short course (acute) therapy",
                                                       "continuous": "Continuous long term therapy",
                                                       "seasonal": "Seasonal"}[course]))
        if enc:
            body["encounter"] = ref(enc)
        body["authoredOn"] = self.dt(authored, "10:00")
        if requester:
            body["requester"] = {"display": requester}
        rc, rr = [], []
        for x in (reason or []):
            if isinstance(x, dict):
                rr.append(ref(x))
            else:
                rc.append(cc(x))
        if rc:
            body["reasonCode"] = rc
        if rr:
            body["reasonReference"] = rr
        if note:
            body["note"] = [{"text": note}]
        di = {"sequence": 1, "text": dosage}
        if route:
            di["route"] = cc(route)
        body["dosageInstruction"] = [di]
        vp = {"start": authored}
        if end:
            vp["end"] = end
        body["dispenseRequest"] = {"validityPeriod": vp}
        return self.add("MedicationRequest", body)

    # ---------- immunizations ----------
    def imm(self, code, display, date, dose=None, series=None, of=None, status="completed", reason=None,
            enc=None, lot=None, site=None, note=None):
        body = {"status": status,
                "vaccineCode": cc((CVX, code, display)),
                "patient": self.subj()}
        if status == "not-done" and reason:
            body["statusReason"] = cc((ACTREASON, reason, ACT_REASON[reason]))
        if enc:
            body["encounter"] = ref(enc)
        body["occurrenceDateTime"] = self.dt(date, "10:30")
        body["primarySource"] = True
        if status == "completed":
            body["lotNumber"] = lot or ("%s%04d" % (RNG.choice("ABCDEFGHJKLMNPRTUVWXYZ"), RNG.randint(1000, 9999)))
            if site:
                body["site"] = cc(("http://terminology.hl7.org/CodeSystem/v3-ActSite", site[0], site[1]))
        if dose is not None:
            pa = {"series": series or display, "doseNumberPositiveInt": dose}
            if of:
                pa["seriesDosesPositiveInt"] = of
            body["protocolApplied"] = [pa]
        if note:
            body["note"] = [{"text": note}]
        return self.add("Immunization", body)

    # ---------- procedures ----------
    def proc(self, codings, date=None, period=None, body_site=None, reason=None, outcome=None, note=None,
             enc=None, performer=None, status="completed", devices=None, t="10:00", text=None):
        if isinstance(codings, tuple):
            codings = [codings]
        body = {"status": status, "code": cc(*codings, text=text), "subject": self.subj()}
        if enc:
            body["encounter"] = ref(enc)
        if period:
            body["performedPeriod"] = {"start": self.dt(period[0], t)}
            if period[1]:
                body["performedPeriod"]["end"] = self.dt(period[1], "17:00")
        else:
            body["performedDateTime"] = self.dt(date, t)
        if performer:
            body["performer"] = [{"actor": {"display": performer}}]
        rc, rr = [], []
        for x in (reason or []):
            if isinstance(x, dict):
                rr.append(ref(x))
            else:
                rc.append(cc(x))
        if rc:
            body["reasonCode"] = rc
        if rr:
            body["reasonReference"] = rr
        if body_site:
            body["bodySite"] = [cc(body_site)]
        if outcome:
            body["outcome"] = {"text": outcome}
        if devices:
            body["focalDevice"] = [{"action": cc(sct(a[0], a[1])), "manipulated": ref(d)} for (a, d) in devices]
        if note:
            body["note"] = [{"text": note}]
        return self.add("Procedure", body)

    # ---------- devices ----------
    def device(self, codings, name, status, manufacturer=None, model=None, serial=None, udi=None, note=None,
               lot=None, expiry=None):
        body = {"status": status, "type": cc(codings), "patient": self.subj(),
                "deviceName": [{"name": name, "type": "user-friendly-name"}]}
        if udi:
            body["udiCarrier"] = [{"deviceIdentifier": udi, "carrierHRF": "(01)%s(21)%s" % (udi, serial or "0")}]
        if manufacturer:
            body["manufacturer"] = manufacturer
        if model:
            body["modelNumber"] = model
        if serial:
            body["serialNumber"] = serial
        if lot:
            body["lotNumber"] = lot
        if expiry:
            body["expirationDate"] = expiry
        if note:
            body["note"] = [{"text": note}]
        return self.add("Device", body)

    def dus(self, device, start, end=None, status="active", reason=None, body_site=None, note=None):
        body = {"status": status, "subject": self.subj(), "timingPeriod": {"start": self.dt(start, "10:00")},
                "recordedOn": self.dt(start, "12:00"), "device": ref(device)}
        if end:
            body["timingPeriod"]["end"] = self.dt(end, "10:00")
        if reason:
            body["reasonReference"] = [ref(x) for x in reason]
        if body_site:
            body["bodySite"] = cc(body_site)
        if note:
            body["note"] = [{"text": note}]
        return self.add("DeviceUseStatement", body)

    # ---------- allergies ----------
    def allergy(self, codings, onset, category, criticality, manifestations, severity, atype="allergy",
                status="active", ver="confirmed", note=None, description=None, substance=None):
        if isinstance(codings, tuple):
            codings = [codings]
        body = {"clinicalStatus": cc(("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", status,
                                      status.capitalize())),
                "verificationStatus": cc(("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", ver,
                                          ver.capitalize())),
                "type": atype, "category": [category], "criticality": criticality,
                "code": cc(*codings), "patient": self.subj(),
                "onsetDateTime": self.dt(onset, "12:00"), "recordedDate": self.dt(onset, "13:00")}
        rx = {"manifestation": [cc(m) for m in manifestations], "severity": severity,
              "onset": self.dt(onset, "12:00")}
        if substance:
            rx["substance"] = cc(substance)
        if description:
            rx["description"] = description
        body["reaction"] = [rx]
        if note:
            body["note"] = [{"text": note}]
        return self.add("AllergyIntolerance", body)

    # ---------- family history ----------
    def fmh(self, rel, rel_display, conditions, sex, date, deceased=None, note=None, name=None):
        body = {"status": "completed", "patient": self.subj(), "date": date,
                "relationship": cc((ROLE, rel, rel_display)),
                "sex": cc(("http://hl7.org/fhir/administrative-gender", sex, sex.capitalize()))}
        if name:
            body["name"] = name
        if deceased is True:
            body["deceasedBoolean"] = True
        elif deceased:
            body["deceasedAge"] = {"value": deceased, "unit": "yr", "system": UCUM, "code": "a"}
        conds = []
        for c in conditions:
            coding, age = c[0], c[1]
            d = {"code": cc(coding)}
            if age is not None:
                d["onsetAge"] = {"value": age, "unit": "yr", "system": UCUM, "code": "a"}
            if len(c) > 2 and c[2]:
                d["contributedToDeath"] = True
            conds.append(d)
        body["condition"] = conds
        if note:
            body["note"] = [{"text": note}]
        return self.add("FamilyMemberHistory", body)

    # ---------- care plans and goals ----------
    def goal(self, text, start, lifecycle="active", achievement="in-progress", target=None, addresses=None,
             due=None, note=None, category=None):
        ach = {"in-progress": "In Progress", "improving": "Improving", "worsening": "Worsening",
               "no-change": "No Change", "achieved": "Achieved", "sustaining": "Sustaining",
               "not-achieved": "Not Achieved", "no-progress": "No Progress", "not-attainable": "Not Attainable"}
        body = {"lifecycleStatus": lifecycle,
                "achievementStatus": cc(("http://terminology.hl7.org/CodeSystem/goal-achievement", achievement,
                                         ach[achievement])),
                "description": {"text": text}, "subject": self.subj(), "startDate": start}
        if category:
            body["category"] = [cc(category)]
        if target:
            tg = {}
            if target.get("measure"):
                tg["measure"] = cc(target["measure"])
            if "high" in target or "low" in target:
                dr = {}
                if target.get("low") is not None:
                    dr["low"] = {"value": target["low"], "unit": target["unit"], "system": UCUM,
                                 "code": target.get("ucum", target["unit"])}
                if target.get("high") is not None:
                    dr["high"] = {"value": target["high"], "unit": target["unit"], "system": UCUM,
                                  "code": target.get("ucum", target["unit"])}
                tg["detailRange"] = dr
            if target.get("string"):
                tg["detailString"] = target["string"]
            if due:
                tg["dueDate"] = due
            body["target"] = [tg]
        if addresses:
            body["addresses"] = [ref(a) for a in addresses]
        if note:
            body["note"] = [{"text": note}]
        return self.add("Goal", body)

    def careplan(self, title, category, start, description, activities, status="active", end=None,
                 addresses=None, goals=None, note=None):
        body = {"status": status, "intent": "plan", "category": [cc(category)], "title": title,
                "description": description, "subject": self.subj(), "period": {"start": start},
                "created": self.dt(start, "11:00")}
        if end:
            body["period"]["end"] = end
        if addresses:
            body["addresses"] = [ref(a) for a in addresses]
        if goals:
            body["goal"] = [ref(g) for g in goals]
        acts = []
        for a in activities:
            if isinstance(a, str):
                acts.append({"detail": {"status": "in-progress" if status == "active" else "completed",
                                        "description": a}})
            else:
                desc, st = a
                acts.append({"detail": {"status": st, "description": desc}})
        body["activity"] = acts
        if note:
            body["note"] = [{"text": note}]
        return self.add("CarePlan", body)

    # ---------- reports and notes ----------
    def report(self, code, display, date, cat, conclusion, ccodes=None, results=None, enc=None, t="11:00",
               performer=None, text=None):
        catd = {"RAD": "Radiology", "SP": "Surgical Pathology", "PAT": "Pathology (gross & histopath, not surgical)",
                "CUS": "Cardiac Ultrasound", "EC": "Electrocardiac (e.g., EKG, EEC, Holter)", "LAB": "Laboratory",
                "MB": "Microbiology", "PF": "Pulmonary Function", "NMR": "Nuclear Magnetic Resonance",
                "OUS": "OB Ultrasound", "CT": "CAT Scan", "OTH": "Other", "GE": "Genetics",
                "NMS": "Nuclear Medicine Scan", "RUS": "Radiology Ultrasound"}
        body = {"status": "final", "category": [cc((DR_CAT, cat, catd[cat]))],
                "code": cc(lnc(code, display), text=text), "subject": self.subj()}
        if enc:
            body["encounter"] = ref(enc)
        body["effectiveDateTime"] = self.dt(date, t)
        body["issued"] = self.dt(date, "%02d:%s" % (min(int(t[:2]) + 3, 23), t[3:]))
        if performer:
            body["performer"] = [{"display": performer}]
        if results:
            body["result"] = [ref(r) for r in results]
        body["conclusion"] = conclusion
        if ccodes:
            body["conclusionCode"] = [cc(x) for x in ccodes]
        return self.add("DiagnosticReport", body)

    def note(self, kind, date, title, text, enc=None, author=None, t="16:00"):
        kinds = {"progress": ("11506-3", "Progress note"), "discharge": ("18842-5", "Discharge summary"),
                 "hp": ("34117-2", "History and physical note"), "consult": ("11488-4", "Consult note"),
                 "procedure": ("28570-0", "Procedure note"), "ed": ("34111-5", "Emergency department note")}
        code, disp = kinds[kind]
        body = {"status": "current", "docStatus": "final",
                "type": cc(lnc(code, disp)),
                "category": [cc(("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                                 "clinical-note", "Clinical Note"))],
                "subject": self.subj(), "date": self.dt(date, t)}
        if author:
            body["author"] = [{"display": author}]
        body["description"] = title
        body["content"] = [{"attachment": {"contentType": "text/plain", "language": "en-US", "data": b64(text),
                                           "title": title, "creation": self.dt(date, t)}}]
        if enc:
            body["context"] = {"encounter": [ref(enc)], "period": enc["period"]}
        return self.add("DocumentReference", body)


# ---------------------------------------------------------------------------
# query helpers: gold is computed from the written resources
# ---------------------------------------------------------------------------
def rtype(c, t):
    return [r for r in c.rs if r["resourceType"] == t]


def eff(r):
    for k in ("effectiveDateTime", "occurrenceDateTime", "performedDateTime", "authoredOn", "onsetDateTime",
              "date", "recordedDate"):
        if k in r:
            return r[k]
    if "performedPeriod" in r:
        return r["performedPeriod"]["start"]
    if "period" in r:
        return r["period"]["start"]
    if "timingPeriod" in r:
        return r["timingPeriod"]["start"]
    return ""


def day(r):
    return eff(r)[:10]


def codes_of(r, field="code"):
    x = r.get(field) or {}
    return [c["code"] for c in x.get("coding", [])]


def obs(c, code):
    out = [r for r in rtype(c, "Observation") if code in codes_of(r)]
    return sorted(out, key=eff)


def val(o):
    return num(o["valueQuantity"]["value"])


def comp(o, code):
    for cpt in o["component"]:
        if cpt["code"]["coding"][0]["code"] == code:
            return cpt["valueQuantity"]["value"]
    raise KeyError(code)


def closest(lst, d):
    def dist(r):
        a = tuple(int(x) for x in day(r).split("-"))
        b = tuple(int(x) for x in d.split("-"))
        return abs((a[0] * 372 + a[1] * 31 + a[2]) - (b[0] * 372 + b[1] * 31 + b[2]))
    ds = sorted(lst, key=dist)
    assert len(ds) == 1 or dist(ds[0]) != dist(ds[1]), "tie for closest %s" % d
    return ds[0]


def in_range(lst, a, b):
    return [r for r in lst if a <= day(r) <= b]


def vmax(lst):
    m = max(lst, key=lambda o: o["valueQuantity"]["value"])
    assert sum(1 for o in lst if o["valueQuantity"]["value"] == m["valueQuantity"]["value"]) == 1
    return m


def vmin(lst):
    m = min(lst, key=lambda o: o["valueQuantity"]["value"])
    assert sum(1 for o in lst if o["valueQuantity"]["value"] == m["valueQuantity"]["value"]) == 1
    return m


def medname(r):
    return r["medicationCodeableConcept"]["coding"][0]["display"]


def meds(c, sub=None, status=None):
    out = []
    for r in rtype(c, "MedicationRequest"):
        txt = (medname(r) + " " + r["medicationCodeableConcept"].get("text", "")).lower()
        if sub and not any(s.lower() in txt for s in ([sub] if isinstance(sub, str) else sub)):
            continue
        if status and r["status"] not in ([status] if isinstance(status, str) else status):
            continue
        out.append(r)
    return sorted(out, key=eff)


def one(lst):
    assert len(lst) == 1, [rid(x) for x in lst]
    return lst[0]


def by_code(c, t, code, field="code"):
    return sorted([r for r in rtype(c, t) if code in codes_of(r, field)], key=eff)


def imms(c, cvx, status="completed"):
    return sorted([r for r in rtype(c, "Immunization") if codes_of(r, "vaccineCode")[0] in
                   ([cvx] if isinstance(cvx, str) else cvx) and (status is None or r["status"] == status)], key=eff)


def encs(c, cls=None, pred=None):
    out = [e for e in rtype(c, "Encounter") if (cls is None or e["class"]["code"] == cls)]
    if pred:
        out = [e for e in out if pred(e)]
    return sorted(out, key=eff)


def enc_reason_codes(e):
    out = []
    for rc in e.get("reasonCode", []):
        out += [x["code"] for x in rc["coding"]]
    return out


def note_text(r):
    return base64.b64decode(r["content"][0]["attachment"]["data"]).decode("utf-8")


def notes_with(c, phrase):
    return [r for r in rtype(c, "DocumentReference") if phrase.lower() in note_text(r).lower()]


QS = []


def Q(c, text, kind, gold=(), facts=(), match="all", absent=None):
    """Register a question. absent: list of terms that must be absent from the chart (abstain)."""
    if absent is not None:
        assert not gold and not facts
    else:
        assert gold, text
    QS.append({"chart": c, "question": text, "kind": kind,
               "expect": "abstain" if absent is not None else "answer",
               "gold": list(gold), "match": match, "facts": list(facts), "absent": absent})


# ===========================================================================
# Patient 1: boy, 12 y, asthma, ADHD (stimulant switch), peanut allergy, full
# childhood immunization series, growth measurements.
# ===========================================================================
def build_p1():
    c = Chart(1, "-07:00", "2025-06-16", "bundle-transaction")
    c.history = ("Boy born 2013: moderate persistent asthma (4 ED visits, 1 admission), ADHD with Concerta->Vyvanse "
                 "switch, peanut anaphylaxis with epinephrine auto-injector, ear tubes, wrist buckle fracture, "
                 "full childhood immunization series")
    c.make_patient("Vasquez-Lind", ["Jonah", "Teodor"], "male", "2013-02-11", "48 Quillfeather Lane", "Marrowby",
                   "OR", "97999", "B7-100231", "555-0141", marital=("S", "Never Married"),
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "N", "Next-of-Kin"))],
                             "name": {"family": "Vasquez-Lind", "given": ["Ilse"], "text": "Ilse Vasquez-Lind"},
                             "telecom": [{"system": "phone", "value": "555-0142", "use": "mobile"}]}])
    H = {}
    PED = "Marrowby Family Pediatrics"
    HOSP = "Saint Aldric Children's Hospital"
    WELL = sct("410620009", "Well child visit (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    FU = sct("390906007", "Follow-up encounter (procedure)")
    SICK = sct("185347001", "Encounter for problem (procedure)")

    # --- birth ---
    birth = c.enc("IMP", "2013-02-11", "2013-02-13", typ=sct("32485007", "Hospital admission (procedure)"),
                  text="Newborn birth hospitalization", adm="born", disp="home", provider=HOSP, t="04:12")
    c.vitals("2013-02-11", birth, wt=3.41, ht=50.8, hc=34.6, t="05:00")
    c.imm("08", "Hep B, adolescent or pediatric", "2013-02-12", 1, "Hepatitis B", 3, enc=birth)

    # --- conditions ---
    eczema = c.cond([sct("24079001", "Atopic dermatitis"), icd("L20.9", "Atopic dermatitis, unspecified")],
                    "2013-05-20", status="resolved", abate="2017-02-21", note="Infantile eczema, cheeks and flexures; outgrown by age 4.")
    asthma = c.cond([sct("427295004", "Moderate persistent asthma"),
                     icd("J45.40", "Moderate persistent asthma, uncomplicated")], "2016-09-20",
                    note="Initially intermittent wheeze with viral illness; reclassified moderate persistent 2019-03 after PICU-free ward admission.")
    rhin = c.cond([sct("61582004", "Allergic rhinitis"), icd("J30.9", "Allergic rhinitis, unspecified")], "2018-04-17")
    adhd = c.cond([sct("406506008", "Attention deficit hyperactivity disorder"),
                   icd("F90.2", "Attention-deficit hyperactivity disorder, combined type")], "2020-11-10",
                  text="ADHD, combined presentation")
    om = c.cond([sct("65363002", "Otitis media"), icd("H66.93", "Otitis media, unspecified, bilateral")],
                "2014-10-07", status="resolved", abate="2017-03-14", text="Recurrent acute otitis media")
    H.update(asthma=asthma, adhd=adhd, rhin=rhin, om=om)

    # --- growth / well visits ---
    wells = [("2013-03-12", 4.52, 54.9, 37.3, None, 150),
             ("2013-04-15", 5.71, 58.6, 39.1, None, 146),
             ("2013-06-14", 7.08, 64.0, 41.6, None, 138),
             ("2013-08-13", 7.95, 67.9, 43.4, None, 132),
             ("2013-11-12", 8.97, 72.1, 45.0, None, 126),
             ("2014-02-14", 9.71, 75.9, 46.1, None, 122),
             ("2014-05-16", 10.36, 79.4, 46.9, None, 118),
             ("2014-08-12", 10.94, 82.2, 47.5, None, 116),
             ("2015-02-17", 12.31, 87.4, 48.3, None, 110),
             ("2016-02-16", 14.42, 96.3, None, (94, 56), 104),
             ("2017-02-21", 16.38, 103.6, None, (96, 58), 100),
             ("2018-02-20", 18.55, 110.4, None, (98, 60), 96),
             ("2019-03-05", 20.92, 116.7, None, (98, 62), 92),
             ("2020-02-25", 23.24, 122.1, None, (100, 62), 90),
             ("2021-03-02", 25.90, 127.8, None, (104, 64), 94),
             ("2022-02-22", 26.41, 132.1, None, (108, 68), 98),
             ("2023-02-28", 29.12, 137.0, None, (104, 66), 88),
             ("2024-03-05", 33.84, 142.6, None, (106, 66), 86),
             ("2025-02-25", 38.20, 148.9, None, (108, 68), 84)]
    bmi_pcts = {"2016-02-16": 54, "2017-02-21": 49, "2018-02-20": 47, "2019-03-05": 45, "2020-02-25": 47,
                "2021-03-02": 50, "2022-02-22": 32, "2023-02-28": 30, "2024-03-05": 44, "2025-02-25": 51}
    H["well"] = {}
    for (d, wt, ht, hc, bpv, hr) in wells:
        e = c.enc("AMB", d, typ=WELL, provider=PED, text="Well child visit")
        late = d >= "2019-01-01"
        bmi = round(wt / (ht / 100.0) ** 2, 1) if late else None
        vs = c.vitals(d, e, wt=wt, ht=ht, hc=hc if d <= "2014-02-14" else None, bp=bpv if late else None,
                      bmi=bmi, bmi_pct=bmi_pcts.get(d) if d >= "2024-01-01" else None)
        H["well"][d] = (e, vs)

    W = lambda d: H["well"][d][0]
    # --- immunizations (routine childhood series) ---
    c.imm("08", "Hep B, adolescent or pediatric", "2013-03-12", 2, "Hepatitis B", 3, enc=W("2013-03-12"))
    for d, n in (("2013-04-15", 1), ("2013-06-14", 2), ("2013-08-13", 3)):
        c.imm("20", "DTaP", d, n, "DTaP", 5, enc=W(d))
        c.imm("10", "IPV", d, n, "Polio (IPV)", 4, enc=W(d))
        c.imm("133", "Pneumococcal conjugate PCV 13", d, n, "PCV13", 4, enc=W(d))
        c.imm("116", "rotavirus, pentavalent", d, n, "Rotavirus (RV5)", 3, enc=W(d))
    for d, n in (("2013-04-15", 1), ("2013-06-14", 2), ("2014-02-14", 3)):
        c.imm("49", "Hib (PRP-OMP)", d, n, "Hib PRP-OMP", 3, enc=W(d))
    c.imm("08", "Hep B, adolescent or pediatric", "2013-08-13", 3, "Hepatitis B", 3, enc=W("2013-08-13"))
    c.imm("133", "Pneumococcal conjugate PCV 13", "2014-02-14", 4, "PCV13", 4, enc=W("2014-02-14"))
    H["mmr"] = [c.imm("03", "MMR", "2014-02-14", 1, "MMR", 2, enc=W("2014-02-14"))]
    c.imm("21", "varicella", "2014-02-14", 1, "Varicella", 2, enc=W("2014-02-14"))
    c.imm("83", "Hep A, ped/adol, 2 dose", "2014-02-14", 1, "Hepatitis A", 2, enc=W("2014-02-14"))
    c.imm("20", "DTaP", "2014-05-16", 4, "DTaP", 5, enc=W("2014-05-16"))
    c.imm("83", "Hep A, ped/adol, 2 dose", "2014-08-12", 2, "Hepatitis A", 2, enc=W("2014-08-12"))
    c.imm("20", "DTaP", "2017-02-21", 5, "DTaP", 5, enc=W("2017-02-21"))
    c.imm("10", "IPV", "2017-02-21", 4, "Polio (IPV)", 4, enc=W("2017-02-21"))
    H["mmr"].append(c.imm("03", "MMR", "2017-02-21", 2, "MMR", 2, enc=W("2017-02-21")))
    c.imm("21", "varicella", "2017-02-21", 2, "Varicella", 2, enc=W("2017-02-21"))
    FLU = "Influenza, injectable, quadrivalent, preservative free"
    c.imm("150", FLU, "2013-10-15", 1, "Influenza 2013-2014 (first season, 2 doses)", 2)
    c.imm("150", FLU, "2013-11-12", 2, "Influenza 2013-2014 (first season, 2 doses)", 2, enc=W("2013-11-12"))
    for d in ("2014-10-21", "2015-10-20", "2016-10-18", "2017-10-17", "2018-10-16", "2019-10-15"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)

    # --- eczema, peanut, otitis, ear tubes ---
    e = c.enc("AMB", "2013-05-20", typ=SICK, provider=PED, reason=[eczema], text="Rash on cheeks")
    c.med("106258", "hydrocortisone 10 MG/ML Topical Cream", "2013-05-20", "completed",
          "Apply thin layer to affected areas twice daily for up to 7 days", reason=[eczema], enc=e, end="2013-06-20")
    ana_ed = c.enc("EMER", "2014-08-23", "2014-08-23", typ=ED, provider=HOSP, t="12:40", t_end="19:05",
                   reason=[sct("39579001", "Anaphylaxis")], text="Emergency department visit - allergic reaction")
    c.vitals("2014-08-23", ana_ed, hr=168, rr=38, spo2=95, t="12:50")
    pnut = c.allergy([sct("91935009", "Allergy to peanut")], "2014-08-23", "food", "high",
                     [sct("126485001", "Urticaria"), sct("41291007", "Angioedema"), sct("422400008", "Vomiting")],
                     "severe", substance=sct("256349002", "Peanut"),
                     description="Hives, lip swelling and vomiting within 10 minutes of a peanut butter cracker at daycare; treated with IM epinephrine in ED")
    H["pnut"] = pnut
    c.med("1870207", "epinephrine 1 MG/ML Injectable Solution", "2014-08-23", "completed",
          "0.1 mg (0.1 mL of 1 mg/mL) IM to anterolateral thigh once", reason=[sct("39579001", "Anaphylaxis")],
          enc=ana_ed, end="2014-08-23", course="acute")
    c.med("1049630", "diphenhydrAMINE hydrochloride 12.5 MG in 5 ML Oral Solution", "2014-08-23", "completed",
          "1 mg/kg (11 mg) PO once", reason=[sct("39579001", "Anaphylaxis")], enc=ana_ed, end="2014-08-23",
          course="acute")
    epi_jr = c.med("1870230", "epinephrine 0.15 MG/0.3 ML Auto-Injector", "2014-08-23", "stopped",
                   "Inject 0.15 mg IM into outer thigh for anaphylaxis; may repeat x1 in 5-15 min. Dispense 2-pack.",
                   reason=[pnut], enc=ana_ed, end="2021-03-02", stop_reason="Weight now over 25 kg; changed to 0.3 mg auto-injector",
                   stop_code="altchoice")
    c.note("ed", "2014-08-23", "ED note - allergic reaction", (
        "ED PHYSICIAN NOTE\n18 mo M brought by mother from daycare. Ate a peanut butter cracker (first known peanut "
        "exposure) ~10 min before onset of generalized hives, lip and eyelid swelling, and 2 episodes of emesis. "
        "No stridor. HR 168, RR 38, SpO2 95% RA.\nA/P: Anaphylaxis to peanut. Epinephrine 0.1 mg IM R thigh at 12:52, "
        "diphenhydramine 11 mg PO. Observed 6 h, no biphasic reaction. Discharged with EpiPen Jr 0.15 mg x2, "
        "strict peanut avoidance, allergy referral. Daycare informed; mother given written anaphylaxis plan."),
        enc=ana_ed, author="Dr. Priyanka Osei-Hallam, MD (Emergency Medicine)")
    alc = c.enc("AMB", "2014-09-30", typ=sct("11429006", "Consultation (procedure)"), provider="Cascade Ridge Allergy & Asthma",
                reason=[pnut], text="Allergy consultation")
    H["spt"] = c.proc(sct("37968000", "Skin prick test"), "2014-09-30", enc=alc, reason=[pnut],
                      outcome="Peanut wheal 9 mm (histamine 5 mm); tree nuts, egg and milk negative",
                      performer="Cascade Ridge Allergy & Asthma")
    H["ige"] = [c.lab("6206-7", "Peanut IgE Ab [Units/volume] in Serum", 48.2, "kU/L", "2014-09-30", high=0.35,
                      enc=alc, ucum="k[IU]/L", text="Peanut specific IgE")]
    c.careplan("Food allergy emergency action plan", sct("734163000", "Care plan (record artifact)"), "2014-09-30",
               "Strict peanut avoidance; epinephrine auto-injector x2 available at all times (home, daycare/school, sports)",
               ["Strict avoidance of peanut and peanut-containing foods; read labels",
                "Epinephrine auto-injector x2 carried at all times",
                "Call 911 after any epinephrine use",
                "Annual review of anaphylaxis plan with school nurse"], addresses=[pnut])
    e = c.enc("AMB", "2014-10-07", typ=SICK, provider=PED, reason=[om], text="Ear pain, fever")
    amox = c.med("308192", "amoxicillin 400 MG in 5 ML Oral Suspension", "2014-10-07", "stopped",
                 "90 mg/kg/day divided twice daily x 10 days", reason=[om], enc=e, end="2014-10-12",
                 stop_reason="Diffuse rash on day 5; stopped", stop_code="salg")
    amx_all = c.allergy([sct("294505008", "Allergy to amoxicillin")], "2014-10-12", "medication", "low",
                        [sct("271807003", "Eruption of skin")], "mild", ver="unconfirmed",
                        substance=(RXNORM, "723", "amoxicillin"),
                        note="Maculopapular rash day 5 of amoxicillin for otitis; no hives, no mucosal involvement. Possible viral exanthem; consider delabeling with graded oral challenge.")
    H["amx_all"] = amx_all
    e = c.enc("AMB", "2015-01-20", typ=SICK, provider=PED, reason=[om], text="Ear pain")
    c.med("141962", "azithromycin 200 MG in 5 ML Oral Suspension", "2015-01-20", "completed",
          "10 mg/kg day 1 then 5 mg/kg days 2-5", reason=[om], enc=e, end="2015-01-25", course="acute")
    e = c.enc("AMB", "2015-03-24", typ=SICK, provider=PED, reason=[om], text="Ear pain, third episode")
    c.med("309054", "cefdinir 250 MG in 5 ML Oral Suspension", "2015-03-24", "completed",
          "14 mg/kg/day once daily x 10 days", reason=[om], enc=e, end="2015-04-03", course="acute")
    c.enc("AMB", "2015-10-06", typ=sct("11429006", "Consultation (procedure)"), provider="Marrowby ENT Associates",
          reason=[om], text="ENT consultation - recurrent otitis media")
    ent = c.enc("AMB", "2015-11-04", typ=sct("305408004", "Admission to surgical department (procedure)"),
                provider=HOSP, reason=[om], text="Outpatient surgery", t="07:30", t_end="11:30")
    tubes = c.device(sct("68183006", "Tympanostomy tube"), "Tympanostomy tubes, bilateral (fluoroplastic)",
                     "inactive", manufacturer="Meridian Otologics", model="FP-1.14", note="Extruded spontaneously; both tubes out by 2017-03-14.")
    H["tubes_proc"] = c.proc(sct("77108008", "Myringotomy with insertion of tube"), "2015-11-04",
                             body_site=sct("25342003", "Structure of tympanic membrane"), reason=[om], enc=ent,
                             outcome="Bilateral tubes placed; thick mucoid effusion both ears",
                             performer="Dr. Callum Ferreira-Ng, MD (ENT)", devices=[(("129407005", "Implantation"), tubes)],
                             text="Bilateral myringotomy with tympanostomy tube insertion")
    c.dus(tubes, "2015-11-04", "2017-03-14", status="completed", reason=[om],
          body_site=sct("25342003", "Structure of tympanic membrane"))
    H["tubes"] = tubes
    c.enc("AMB", "2017-03-14", typ=FU, provider="Marrowby ENT Associates", text="ENT follow-up: tubes extruded, TMs intact")

    # --- asthma onset ---
    e = c.enc("AMB", "2016-09-20", typ=SICK, provider=PED, reason=[sct("56018004", "Wheezing")], text="Cough and wheeze")
    neb = c.device(sct("334947002", "Nebulizer"), "Compressor nebulizer with pediatric mask", "inactive",
                   manufacturer="Aerolith Medical", model="Pulmo-Neb 2")
    c.dus(neb, "2016-09-20", "2019-03-08", status="completed", reason=[asthma])
    alb_neb = c.med("245314", "albuterol 0.83 MG/ML Inhalation Solution", "2016-09-20", "stopped",
                    "2.5 mg (3 mL) via nebulizer every 4-6 hours as needed for wheeze", reason=[asthma], enc=e,
                    end="2019-03-08", stop_reason="Changed to albuterol HFA with spacer (nebulizer no longer needed)",
                    stop_code="altchoice")
    ed1 = c.enc("EMER", "2017-01-08", "2017-01-08", typ=ED, provider=HOSP, t="21:10", t_end="23:55",
                reason=[sct("281239006", "Exacerbation of asthma")], text="Asthma exacerbation")
    c.vitals("2017-01-08", ed1, hr=152, rr=40, spo2=92, temp=37.9, t="21:15")
    c.proc(sct("56251003", "Nebulizer therapy"), "2017-01-08", enc=ed1, reason=[asthma], t="21:30",
           outcome="3 back-to-back albuterol/ipratropium nebs; SpO2 92% -> 97%")
    c.med("312617", "prednisoLONE 3 MG/ML Oral Solution", "2017-01-08", "completed",
          "2 mg/kg (34 mg) PO once daily x 5 days", reason=[asthma], enc=ed1, end="2017-01-12", course="acute",
          text="prednisolone oral solution (burst)")
    e = c.enc("AMB", "2017-01-24", typ=FU, provider=PED, reason=[asthma], text="Asthma follow-up after ED visit")
    flov = c.med("895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "2017-01-24",
                 "stopped", "2 puffs inhaled twice daily via spacer; rinse mouth after use", reason=[asthma], enc=e,
                 end="2019-03-08", stop_reason="Stepped up to ICS-LABA after hospital admission", stop_code="altchoice",
                 text="Flovent HFA 44 mcg")
    spacer = c.device(sct("706158009", "Inhaler spacer"), "Valved holding chamber with mask, small", "active",
                      manufacturer="Aerolith Medical", model="VHC-S")
    c.dus(spacer, "2017-01-24", None, status="active", reason=[asthma])
    H["spacer"] = spacer
    e = c.enc("AMB", "2018-04-17", typ=SICK, provider=PED, reason=[rhin], text="Sneezing, itchy eyes, nighttime cough")
    H["montel"] = c.med("997488", "montelukast 4 MG Chewable Tablet", "2018-04-17", "stopped",
                        "Chew 1 tablet by mouth every evening", reason=[asthma, rhin], enc=e, end="2020-11-10",
                        stop_reason="Nightmares and irritability (neuropsychiatric adverse effects)", stop_code="sintol",
                        text="Singulair 4 mg chewable")
    H["cetir"] = c.med("1014678", "cetirizine hydrochloride 1 MG/ML Oral Solution", "2018-04-17", "active",
                       "5 mg (5 mL) by mouth once daily", reason=[rhin], enc=e)
    c.med("1797907", "fluticasone propionate 0.05 MG/ACTUAT Metered Dose Nasal Spray", "2018-04-17", "active",
          "1 spray each nostril once daily during pollen season", reason=[rhin], enc=e, course="seasonal")

    # --- 2019 admission ---
    ed2 = c.enc("EMER", "2019-02-26", "2019-02-26", typ=ED, provider=HOSP, t="02:20", t_end="06:40",
                reason=[sct("281239006", "Exacerbation of asthma")], text="Asthma exacerbation, severe")
    c.vitals("2019-02-26", ed2, hr=164, rr=44, spo2=89, temp=38.2, t="02:25")
    c.med("1366390", "magnesium sulfate 40 MG/ML Injectable Solution", "2019-02-26", "completed",
          "50 mg/kg IV over 20 min once", reason=[asthma], enc=ed2, end="2019-02-26", course="acute")
    adm = c.enc("IMP", "2019-02-26", "2019-02-28", typ=sct("32485007", "Hospital admission (procedure)"),
                provider=HOSP, adm="emd", disp="home", reason=[sct("281239006", "Exacerbation of asthma")],
                t="06:40", t_end="14:00", text="Pediatric ward admission - status asthmaticus")
    H["adm"] = adm
    c.med("1743273", "methylPREDNISolone sodium succinate 40 MG Injection", "2019-02-26", "completed",
          "1 mg/kg IV every 12 hours", reason=[asthma], enc=adm, end="2019-02-27", course="acute")
    c.proc(sct("56251003", "Nebulizer therapy"), period=("2019-02-26", "2019-02-27"), enc=adm, reason=[asthma],
           t="06:50", outcome="Continuous albuterol 10 mg/h for 9 h, weaned to q2h then q4h")
    cxr_o = c.coded("24648-8", "XR Chest PA upright", None, "2019-02-26", enc=ed2, cat="imaging", t="03:10",
                    value_text="Peribronchial thickening; no consolidation")
    H["cxr"] = c.report("24648-8", "XR Chest PA upright", "2019-02-26", "RAD",
                        "No focal consolidation or pneumothorax. Peribronchial thickening and hyperinflation consistent with reactive airway disease / viral bronchiolitis.",
                        ccodes=[sct("195967001", "Asthma")], results=[cxr_o], enc=ed2, t="03:10",
                        performer="Saint Aldric Pediatric Radiology")
    pred2 = c.med("312617", "prednisoLONE 3 MG/ML Oral Solution", "2019-02-28", "completed",
                  "2 mg/kg (40 mg) PO once daily x 3 more days", reason=[asthma], enc=adm, end="2019-03-02",
                  course="acute", text="prednisolone oral solution (burst)")
    c.note("discharge", "2019-02-28", "Discharge summary - asthma", (
        "DISCHARGE SUMMARY\nAdmit 2019-02-26 via ED, discharge 2019-02-28 to home with mother.\n"
        "Dx: status asthmaticus triggered by rhinovirus (RVP +). ED: SpO2 89%, 3 duonebs, IV Mg 50 mg/kg, "
        "methylpred. Ward: continuous albuterol x9 h, weaned to q4h by HD2. Never required HFNC or PICU.\n"
        "Home meds at d/c: prednisolone to complete 5 days; Flovent 44 2 puffs bid; albuterol neb prn; Singulair 4 mg qhs; Zyrtec.\n"
        "Social: lives with mother (CNA, night shifts) and maternal grandmother; grandmother smokes - outdoors only per family; "
        "counseled on smoke exposure. Younger sister age 2.\n"
        "F/u pediatric pulmonology within 2 weeks for step-up of controller."),
        enc=adm, author="Dr. Henrike Samaras-Boyd, MD (Pediatric Hospital Medicine)")
    e = c.enc("AMB", "2019-03-08", typ=FU, provider="Saint Aldric Pediatric Pulmonology", reason=[asthma],
              text="Pulmonology follow-up")
    H["symb"] = c.med("1246314", "120 ACTUAT budesonide 0.08 MG/ACTUAT / formoterol fumarate 0.0045 MG/ACTUAT Metered Dose Inhaler",
                      "2019-03-08", "active", "2 puffs inhaled twice daily via spacer; rinse mouth after use",
                      reason=[asthma], enc=e, text="Symbicort 80/4.5")
    H["alb"] = c.med("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "2019-03-08", "active",
                     "2-4 puffs via spacer every 4 hours as needed for cough/wheeze; 2 puffs 15 min before sports",
                     reason=[asthma], enc=e, text="albuterol HFA (rescue)")
    g1 = c.goal("No emergency department visits for asthma in 12 months", "2019-03-08", achievement="not-achieved",
                addresses=[asthma], note="ED visits 2022-11 and 2024-01; reset 2024-01-30.")
    g2 = c.goal("Morning peak flow at least 80% of personal best (personal best 320 L/min)", "2019-03-08",
                achievement="in-progress", addresses=[asthma],
                target={"measure": lnc("19935-6", "Maximum expiratory gas flow Respiratory system airway by Peak flow meter"),
                        "low": 256, "unit": "L/min"})
    H["goal_ed"] = g1
    H["aap"] = c.careplan("Asthma action plan", sct("699728000", "Asthma action plan"), "2019-03-08",
                          "Green/yellow/red zone plan; controller Symbicort 80/4.5 2 puffs twice daily",
                          ["Green zone: Symbicort 80/4.5 2 puffs twice daily with spacer",
                           "Yellow zone (cough, wheeze, peak flow 160-255 L/min): albuterol 4 puffs every 4 hours, call clinic if >24 h",
                           "Red zone (peak flow under 160 L/min, retractions): albuterol 6 puffs and go to ED / call 911",
                           "Annual influenza vaccine",
                           "Avoid tobacco smoke exposure"], addresses=[asthma], goals=[g1, g2])
    alc2 = c.enc("AMB", "2019-06-11", typ=sct("11429006", "Consultation (procedure)"),
                 provider="Cascade Ridge Allergy & Asthma", reason=[pnut, asthma], text="Allergy and asthma follow-up")
    H["ige"].append(c.lab("6206-7", "Peanut IgE Ab [Units/volume] in Serum", 61.0, "kU/L", "2019-06-11", high=0.35,
                          enc=alc2, ucum="k[IU]/L", text="Peanut specific IgE"))
    H["arah2"] = [c.lab("58778-2", "Peanut recombinant (rAra h) 2 IgE Ab [Units/volume] in Serum", 22.4, "kU/L",
                        "2019-06-11", high=0.35, enc=alc2, ucum="k[IU]/L", text="Ara h 2 IgE")]
    H["fev1"] = [c.lab("20150-9", "FEV1", 1.05, "L", "2019-06-11", enc=alc2, cat="procedure",
                       note="82% predicted; +14% after bronchodilator")]
    H["ratio"] = [c.lab("19926-5", "FEV1/FVC", 76, "%", "2019-06-11", enc=alc2, cat="procedure", low=80,
                        text="FEV1/FVC ratio")]
    H["spiro"] = [c.proc(sct("127783003", "Spirometry"), "2019-06-11", enc=alc2, reason=[asthma],
                         outcome="Mild obstruction with significant bronchodilator response")]

    # --- labs at 1 and 2 years ---
    H["hgb"] = c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", 11.8, "g/dL", "2014-02-14", low=11.0, high=14.0,
                     enc=W("2014-02-14"))
    H["lead"] = [c.lab("5671-3", "Lead [Mass/volume] in Blood", 2.1, "ug/dL", "2014-02-14", high=3.5,
                       enc=W("2014-02-14"), text="Blood lead"),
                 c.lab("5671-3", "Lead [Mass/volume] in Blood", 1.4, "ug/dL", "2015-02-17", high=3.5,
                       enc=W("2015-02-17"), text="Blood lead")]

    # --- 2020: pandemic flare, ADHD ---
    vr = c.enc("VR", "2020-04-14", typ=SICK, provider=PED, reason=[sct("281239006", "Exacerbation of asthma")],
               text="Telehealth visit - asthma flare")
    c.med("312617", "prednisoLONE 3 MG/ML Oral Solution", "2020-04-14", "completed",
          "1 mg/kg (23 mg) PO once daily x 5 days", reason=[asthma], enc=vr, end="2020-04-18", course="acute",
          text="prednisolone oral solution (burst)")
    e = c.enc("AMB", "2020-10-13", typ=sct("11429006", "Consultation (procedure)"), provider=PED,
              reason=[sct("248062006", "Poor concentration")], text="ADHD evaluation")
    H["flu_nd"] = c.imm("150", FLU, "2020-10-13", None, status="not-done", reason="OSTOCK", enc=e,
                        note="Preservative-free quadrivalent out of stock; nurse visit booked.")
    c.imm("150", FLU, "2020-11-03", 1, "Influenza 2020-2021", 1)
    e = c.enc("AMB", "2020-11-10", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up - diagnosis and treatment")
    c.vitals("2020-11-10", e, wt=24.6, bp=(102, 62))
    mph18 = c.med("1091133", "24 HR methylphenidate hydrochloride 18 MG Extended Release Oral Tablet", "2020-11-10",
                  "stopped", "1 tablet by mouth every morning", reason=[adhd], enc=e, end="2021-01-12",
                  stop_reason="Dose increased to 36 mg", stop_code="altchoice")
    c.note("progress", "2020-11-10", "ADHD follow-up", (
        "PEDIATRIC PROGRESS NOTE - ADHD\nVanderbilt: parent 7/9 inattentive, 6/9 hyperactive; teacher (2nd grade, "
        "Linden Hollow Elementary) 8/9 inattentive, 7/9 hyperactive, impairment in reading and peer relations.\n"
        "Montelukast stopped today - mother reports nightmares and irritability since spring; symptoms of inattention "
        "predate it per teacher reports from 1st grade.\nDx ADHD, combined presentation. Plan: Concerta 18 mg qAM, "
        "parent training referral, recheck 6-8 wk with weight/BP/HR."),
        enc=e, author="Dr. Marisela Quon-Abernathy, MD (Pediatrics)")
    e = c.enc("AMB", "2021-01-12", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
    c.vitals("2021-01-12", e, wt=25.1, bp=(104, 64))
    H["mph36"] = c.med("1091497", "24 HR methylphenidate hydrochloride 36 MG Extended Release Oral Tablet",
                       "2021-01-12", "stopped", "1 tablet by mouth every morning", reason=[adhd], enc=e,
                       end="2022-10-04", stop_reason="Appetite suppression with weight loss and insomnia",
                       stop_code="sintol", text="Concerta 36 mg")
    # epinephrine dose change at 8 y well visit
    H["epi"] = c.med("727316", "0.3 ML epinephrine 1 MG/ML Auto-Injector", "2021-03-02", "active",
                     "Inject 0.3 mg IM into outer thigh for anaphylaxis; may repeat once in 5-15 min. Dispense 2 two-packs (home + school).",
                     reason=[pnut], enc=W("2021-03-02"), text="epinephrine 0.3 mg auto-injector")
    for d in ("2021-11-16", "2022-05-10"):
        e = c.enc("AMB", d, typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
        c.vitals(d, e, wt={"2021-11-16": 26.2, "2022-05-10": 26.1}[d], bp=(106, 66))
        if d == "2021-11-16":
            c.imm("218", "COVID-19, mRNA, LNP-S, PF, 10 mcg/0.2 mL dose, tris-sucrose", d, 1, "COVID-19 primary (Pfizer 5-11 y)", 2, enc=e)
            c.imm("150", FLU, d, 1, "Influenza 2021-2022", 1, enc=e)
    c.imm("218", "COVID-19, mRNA, LNP-S, PF, 10 mcg/0.2 mL dose, tris-sucrose", "2021-12-07", 2,
          "COVID-19 primary (Pfizer 5-11 y)", 2)

    # --- fracture ---
    fx_ed = c.enc("EMER", "2022-06-18", "2022-06-18", typ=ED, provider=HOSP, t="15:20", t_end="18:30",
                  reason=[sct("263199001", "Fracture of distal end of radius")], text="Left wrist injury")
    fx = c.cond([sct("263199001", "Fracture of distal end of radius"),
                 icd("S52.522A", "Torus fracture of lower end of left radius, initial encounter for closed fracture")],
                "2022-06-18", status="resolved", abate="2022-07-12", enc=fx_ed,
                body_site=sct("9736006", "Left wrist region structure"),
                text="Left distal radius buckle (torus) fracture", note="Fell off scooter onto outstretched left hand.")
    xr = c.coded("37632-7", "XR Wrist 3+ Views Left", None, "2022-06-18", enc=fx_ed, cat="imaging", t="16:05",
                 value_text="Buckle fracture distal left radial metaphysis")
    H["xr_wrist"] = c.report("37632-7", "XR Wrist 3+ Views Left", "2022-06-18", "RAD",
                             "Buckle (torus) fracture of the distal left radial metaphysis without displacement or angulation. Ulna intact. Physis normal.",
                             ccodes=[sct("263199001", "Fracture of distal end of radius")], results=[xr], enc=fx_ed,
                             t="16:05", performer="Saint Aldric Pediatric Radiology")
    H["fx"] = fx
    H["cast"] = c.proc(sct("74880001", "Application of short arm cast"),
                       "2022-06-18", body_site=sct("9736006", "Left wrist region structure"), reason=[fx], enc=fx_ed,
                       t="17:30", outcome="Short arm fiberglass cast, neurovascularly intact")
    c.med("197805", "ibuprofen 100 MG in 5 ML Oral Suspension", "2022-06-18", "completed",
          "10 mg/kg (260 mg) PO every 6-8 h as needed for pain", reason=[fx], enc=fx_ed, end="2022-06-25",
          course="acute")
    c.note("ed", "2022-06-18", "ED note - wrist injury", (
        "ED NOTE\n9 y M fell from scooter onto outstretched L hand at the skate park, no helmet issue, no head strike. "
        "Point tenderness distal L radius. XR: buckle fracture distal radius. Short arm cast placed. Motrin prn. "
        "Ortho f/u 3-4 weeks. Carries EpiPen; no peanut exposure today."),
        enc=fx_ed, author="Dr. Priyanka Osei-Hallam, MD (Emergency Medicine)")
    e = c.enc("AMB", "2022-07-12", typ=FU, provider="Marrowby Orthopedics", reason=[fx], text="Fracture follow-up")
    c.proc(sct("69976005", "Removal of cast"), "2022-07-12", body_site=sct("9736006", "Left wrist region structure"),
           reason=[fx], enc=e, outcome="Healed clinically; return to sports in 2 weeks")

    # --- stimulant switch ---
    e = c.enc("AMB", "2022-09-13", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
    H["wt_0913"] = c.vitals("2022-09-13", e, wt=25.8, bp=(108, 68), hr=104)
    e = c.enc("AMB", "2022-10-04", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up - medication change")
    c.vitals("2022-10-04", e, wt=25.9, bp=(106, 64), hr=100)
    c.imm("150", FLU, "2022-10-04", 1, "Influenza 2022-2023", 1, enc=e)
    ldx20 = c.med("854834", "lisdexamfetamine dimesylate 20 MG Oral Capsule", "2022-10-04", "stopped",
                  "1 capsule by mouth every morning; may open and mix in yogurt", reason=[adhd], enc=e,
                  end="2023-01-10", stop_reason="Dose increased to 30 mg", stop_code="altchoice")
    H["switch_note"] = c.note("progress", "2022-10-04", "ADHD medication change", (
        "PEDIATRIC PROGRESS NOTE - ADHD\nOn Concerta 36 mg since 1/2021 with good school response, but weight has "
        "fallen from 26.4 kg (2/2022) to 25.8 kg (9/2022), skipping lunch most days, and initial insomnia (asleep "
        "~23:00). Mother asks for a change.\nPlan: stop Concerta; start Vyvanse 20 mg qAM (capsule can be opened "
        "into yogurt); high-calorie breakfast and bedtime snack; recheck weight 3 months. Flu vaccine given today."),
        enc=e, author="Dr. Marisela Quon-Abernathy, MD (Pediatrics)")
    ed3 = c.enc("EMER", "2022-11-20", "2022-11-20", typ=ED, provider=HOSP, t="19:45", t_end="23:10",
                reason=[sct("281239006", "Exacerbation of asthma")], text="Asthma exacerbation with viral URI")
    c.vitals("2022-11-20", ed3, hr=138, rr=30, spo2=93, temp=38.4, t="19:50")
    c.med("1812194", "dexamethasone 1 MG/ML Oral Solution", "2022-11-20", "completed",
          "0.6 mg/kg (16 mg) PO once, repeat dose in 24 h", reason=[asthma], enc=ed3, end="2022-11-21",
          course="acute")
    e = c.enc("AMB", "2023-01-10", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
    c.vitals("2023-01-10", e, wt=27.4, bp=(104, 64), hr=92)
    H["ldx"] = c.med("854836", "lisdexamfetamine dimesylate 30 MG Oral Capsule", "2023-01-10", "active",
                     "1 capsule by mouth every morning", reason=[adhd], enc=e, text="Vyvanse 30 mg")
    alc3 = c.enc("AMB", "2023-05-16", typ=sct("11429006", "Consultation (procedure)"),
                 provider="Cascade Ridge Allergy & Asthma", reason=[pnut, asthma], text="Allergy and asthma follow-up")
    H["ige"].append(c.lab("6206-7", "Peanut IgE Ab [Units/volume] in Serum", 39.5, "kU/L", "2023-05-16", high=0.35,
                          enc=alc3, ucum="k[IU]/L", text="Peanut specific IgE"))
    H["arah2"].append(c.lab("58778-2", "Peanut recombinant (rAra h) 2 IgE Ab [Units/volume] in Serum", 18.9, "kU/L",
                            "2023-05-16", high=0.35, enc=alc3, ucum="k[IU]/L", text="Ara h 2 IgE"))
    H["fev1"].append(c.lab("20150-9", "FEV1", 1.62, "L", "2023-05-16", enc=alc3, cat="procedure",
                           note="94% predicted"))
    H["ratio"].append(c.lab("19926-5", "FEV1/FVC", 81, "%", "2023-05-16", enc=alc3, cat="procedure", low=80,
                            text="FEV1/FVC ratio"))
    H["spiro"].append(c.proc(sct("127783003", "Spirometry"), "2023-05-16", enc=alc3, reason=[asthma],
                             outcome="Normal spirometry"))
    H["oit_note"] = c.note("consult", "2023-05-16", "Allergy follow-up", (
        "ALLERGY/IMMUNOLOGY FOLLOW-UP\nPeanut sIgE 39.5 kU/L (was 61.0), Ara h 2 18.9 - still high likelihood of "
        "clinical reactivity; oral food challenge not advised. Discussed peanut oral immunotherapy (Palforzia): "
        "family declined OIT for now, prefers strict avoidance. Amoxicillin label: mother interested in delabeling - "
        "will schedule graded oral challenge.\nSpirometry normal on Symbicort. Continue current plan; EpiPen 0.3 mg x2 "
        "(home, school)."), enc=alc3, author="Dr. Anselm Thorvaldsen, MD (Allergy/Immunology)")
    e = c.enc("AMB", "2023-09-12", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up - evening symptoms")
    c.vitals("2023-09-12", e, wt=31.0, bp=(106, 64))
    H["guanf"] = c.med("862006", "24 HR guanfacine 1 MG Extended Release Oral Tablet", "2023-09-12", "active",
                       "1 tablet by mouth at bedtime; do not stop abruptly", reason=[adhd], enc=e,
                       note="Added for evening impulsivity/homework time after Vyvanse wears off.", text="Intuniv 1 mg")
    c.imm("150", FLU, "2023-10-10", 1, "Influenza 2023-2024", 1)
    ed4 = c.enc("EMER", "2024-01-16", "2024-01-16", typ=ED, provider=HOSP, t="17:30", t_end="21:00",
                reason=[sct("281239006", "Exacerbation of asthma")], text="Asthma exacerbation")
    c.vitals("2024-01-16", ed4, hr=128, rr=28, spo2=94, temp=37.2, t="17:35")
    H["last_burst"] = c.med("312617", "prednisoLONE 3 MG/ML Oral Solution", "2024-01-16", "completed",
                            "1 mg/kg (40 mg max) PO once daily x 5 days", reason=[asthma], enc=ed4, end="2024-01-20",
                            course="acute", text="prednisolone oral solution (burst)")
    e = c.enc("AMB", "2024-01-30", typ=FU, provider="Saint Aldric Pediatric Pulmonology", reason=[asthma],
              text="Pulmonology follow-up after ED visit")
    H["fev1"].append(c.lab("20150-9", "FEV1", 1.71, "L", "2024-01-30", enc=e, cat="procedure", note="88% predicted"))
    H["ratio"].append(c.lab("19926-5", "FEV1/FVC", 78, "%", "2024-01-30", enc=e, cat="procedure", low=80,
                            text="FEV1/FVC ratio"))
    H["spiro"].append(c.proc(sct("127783003", "Spirometry"), "2024-01-30", enc=e, reason=[asthma],
                             outcome="Mild obstruction, improved after bronchodilator"))
    W24 = W("2024-03-05")
    H["tdap"] = c.imm("115", "Tdap", "2024-03-05", 1, "Tdap (adolescent)", 1, enc=W24)
    c.imm("114", "meningococcal MCV4P", "2024-03-05", 1, "MenACWY", 2, enc=W24)
    H["hpv1"] = c.imm("165", "HPV9", "2024-03-05", 1, "HPV (2-dose series)", 2, enc=W24)
    e = c.enc("AMB", "2024-06-11", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
    c.vitals("2024-06-11", e, wt=35.0, bp=(106, 66))
    c.imm("150", FLU, "2024-10-15", 1, "Influenza 2024-2025", 1)
    e = c.enc("AMB", "2024-12-10", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
    c.vitals("2024-12-10", e, wt=36.9, bp=(108, 66), hr=84)
    H["school_note"] = c.note("progress", "2024-12-10", "ADHD follow-up", (
        "PEDIATRIC PROGRESS NOTE - ADHD\n11 y M on Vyvanse 30 mg qAM + Intuniv 1 mg qhs. Now in 6th grade at Linden "
        "Hollow Middle School; 504 plan in place (extended time on tests, preferential seating, may carry inhaler and "
        "EpiPen on his person). Grades B/C, improved. Plays club soccer (goalkeeper), uses albuterol before games.\n"
        "Sleep 21:30-06:45. Appetite fair at lunch, big dinner. Wt 36.9 kg, BP 108/66, HR 84.\nPlan: continue; "
        "recheck 3 mo."), enc=e, author="Dr. Marisela Quon-Abernathy, MD (Pediatrics)")
    W25 = W("2025-02-25")
    H["hpv_nd"] = c.imm("165", "HPV9", "2025-02-25", None, status="not-done", reason="PATOBJ", enc=W25,
                        note="Mother prefers to give dose 2 after soccer season; will return in summer.")
    H["well_note"] = c.note("progress", "2025-02-25", "12 year well child visit", (
        "WELL CHILD 12 Y\nHEADSS: lives with mother Ilse (CNA), maternal grandmother and younger sister Marisol (8). "
        "Father lives in Arizona; Jonah spends 4 weeks each summer there. Grandmother still smokes, outside only. "
        "School: 6th grade, 504 plan. Activities: club soccer. Screen time ~3 h/day. Sees dentist twice a year. "
        "Wears helmet for scooter/bike since 2022 fracture.\nGrowth: wt 38.2 kg, ht 148.9 cm, BMI 17.2 (51st pct).\n"
        "Asthma well controlled on Symbicort, no ED since 1/2024. Peanut allergy - EpiPens in date (exp 11/2025).\n"
        "Immunizations: HPV #2 due - mother prefers to wait until after soccer season; declined today."),
        enc=W25, author="Dr. Marisela Quon-Abernathy, MD (Pediatrics)")
    e = c.enc("AMB", "2025-05-20", typ=FU, provider=PED, reason=[adhd], text="ADHD follow-up")
    H["last_vitals"] = c.vitals("2025-05-20", e, wt=39.1, bp=(110, 68), hr=86)
    c.smoking("2025-02-25", "266919005", "Never smoker", enc=W25,
              note="Secondhand smoke exposure: grandmother smokes outdoors.")
    c.careplan("ADHD management plan", sct("734163000", "Care plan (record artifact)"), "2020-11-10",
               "Stimulant medication with monitoring of weight, BP and HR every 3-6 months; school 504 accommodations; behavioral parent training",
               ["Vyvanse 30 mg every morning; Intuniv 1 mg at bedtime",
                "Weight, BP and HR every 3-6 months",
                "504 plan: extended test time and preferential seating",
                ("Parent training in behavior management (8 sessions)", "completed")], addresses=[adhd])

    # --- family history ---
    c.fmh("MTH", "mother", [(sct("195967001", "Asthma"), 8)], "female", "2019-02-28")
    c.fmh("FTH", "father", [(sct("406506008", "Attention deficit hyperactivity disorder"), 10)], "male", "2020-11-10")
    c.fmh("MGRFTH", "maternal grandfather", [(sct("44054006", "Diabetes mellitus type 2"), 52),
                                             (sct("22298006", "Myocardial infarction"), 66, True)], "male",
          "2020-11-10", deceased=66)
    H["FLU"] = FLU
    return c, H


def questions_p1(c, H):
    ige = obs(c, "6206-7")
    Q(c, "whats his peanut ige now", "lab_latest", [ige[-1]], [val(ige[-1]), day(ige[-1])])
    act_stim = [m for m in meds(c, ["methylphenidate", "lisdexamfetamine", "amphetamine"], "active")]
    Q(c, "is he on a stimulent", "med_class", act_stim, ["lisdexamfetamine"])
    Q(c, "why was concerta stopped", "med_stopped_why", [H["mph36"]], ["appetite suppression", "weight loss"])
    Q(c, "singuliar - why dc'd", "med_stopped_why", [H["montel"]], ["nightmares"])
    asthma_ed = encs(c, "EMER", lambda e: "281239006" in enc_reason_codes(e))
    Q(c, "how many ed visits for asthma", "encounter_count", asthma_ed, [str(len(asthma_ed))])
    adm = one(encs(c, "IMP", lambda e: e["hospitalization"]["admitSource"]["coding"][0]["code"] != "born"))
    Q(c, "pt ever admitted? when and where did he go after", "encounter_detail", [adm],
      [day(adm), adm["hospitalization"]["dischargeDisposition"]["coding"][0]["display"]])
    wts = obs(c, "29463-7")
    at_switch = closest(wts, H["mph36"]["dispenseRequest"]["validityPeriod"]["end"])
    Q(c, "weight when concerta was stopped vs now", "two_in_one", [at_switch, wts[-1]],
      [val(at_switch), val(wts[-1])])
    Q(c, "epi pen dose he has now", "med_dose", [H["epi"]], ["0.3"])
    Q(c, "hpv series done?", "imm_series", [H["hpv1"], H["hpv_nd"]], [day(H["hpv1"]), "patient objection"])
    mmr = imms(c, "03")
    Q(c, "how many mmr doses", "imm_count", mmr, [str(len(mmr))])
    nd = imms(c, ["150", "165"], "not-done")
    Q(c, "any vaccines not given and why", "imm_not_done", nd,
      [x["statusReason"]["coding"][0]["display"] for x in nd])
    flu = imms(c, "150")
    fall = in_range(flu, "%d-09-01" % (int(c.now[:4]) - 1), "%d-11-30" % (int(c.now[:4]) - 1))
    Q(c, "did he get a flu shot last fall", "imm_last", fall, [day(x) for x in fall])
    fev1 = obs(c, "20150-9")
    Q(c, "fev1 trend", "lab_trend", fev1, [val(o) for o in fev1])
    Q(c, "pcn allergy?", "allergy", [H["amx_all"]], ["amoxicillin", "unconfirmed"])
    Q(c, "what happened w peanut exposure, reaction?", "allergy", [H["pnut"]],
      [m["coding"][0]["display"] for m in H["pnut"]["reaction"][0]["manifestation"]])
    Q(c, "ear tubes when", "procedure", [H["tubes_proc"]], [day(H["tubes_proc"])])
    Q(c, "wrist fx which side", "imaging_path", [H["xr_wrist"]], ["left", day(H["xr_wrist"])])
    Q(c, "does he have a 504 at school", "note_only", notes_with(c, "504 plan"), ["504"], match="any")
    Q(c, "who lives at home w him", "social_note", [H["well_note"]], ["mother", "grandmother", "Marisol"])
    fam = [f for f in rtype(c, "FamilyMemberHistory") if any("195967001" in codes_of(x) for x in f["condition"])]
    ctrl = meds(c, ["budesonide", "albuterol"], "active")
    Q(c, "current controller + rescue inhaler pls", "med_active", ctrl, ["budesonide", "formoterol", "albuterol"])
    Q(c, "asthma goal no ed visits - met?", "careplan_goal", [H["goal_ed"]], ["Not Achieved"])
    Q(c, "whats the guanfacin for", "med_why", [H["guanf"]], ["evening impulsivity"])
    bursts = [m for m in meds(c, ["prednisolone", "dexamethasone"]) if "Oral" in medname(m)]
    Q(c, "how many oral steroid bursts has he had", "med_count", bursts, [str(len(bursts))])
    Q(c, "did they ever do OIT for the peanut allergy", "note_only", [H["oit_note"]], ["declined"])
    # abstain: concepts other blind7 patients have
    Q(c, "tac trough?", "lab_latest", absent=["tacrolimus", "prograf"])
    Q(c, "hx of dka?", "condition", absent=["ketoacidosis", "dka"])
    Q(c, "is he on any blood thinners", "med_class",
      absent=["apixaban", "warfarin", "rivaroxaban", "enoxaparin", "heparin", "anticoagul", "eliquis", "xarelto"])
    Q(c, "quantiferon result pls", "lab_latest", absent=["quantiferon", "tuberculosis", "interferon gamma"])
    Q(c, "last li level", "lab_latest", absent=["lithium"])
    Q(c, "a1c trend", "lab_trend", absent=["a1c", "4548-4", "glycated", "glycosylated"])


# ===========================================================================
# Patient 2: woman ~55, left breast cancer (ER+/PR+/HER2-), lumpectomy + SLNB,
# port, dose-dense AC-T with neutropenic fever, radiation, tamoxifen -> DVT ->
# anastrozole, DXA/osteopenia, surveillance mammograms.
# ===========================================================================
def build_p2():
    c = Chart(2, "-05:00", "2025-05-12", "bundle-collection")
    c.history = ("Woman born 1970: left breast IDC 2018 (ER+/PR+/HER2-, pT2 pN1a), lumpectomy+SLNB, port, dose-dense "
                 "AC-T with neutropenic fever admission, radiation, tamoxifen stopped for DVT -> anastrozole, "
                 "osteopenia on alendronate, lymphedema, surveillance mammograms")
    c.make_patient("Pashkov", ["Marguerite", "Ellory"], "female", "1970-04-22", "1127 Tamsin Ridge Road",
                   "Coldbrook Falls", "OH", "44999", "B7-200874", "555-0167",
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"))],
                             "name": {"family": "Pashkov", "given": ["Anton"], "text": "Anton Pashkov"},
                             "telecom": [{"system": "phone", "value": "555-0168", "use": "mobile"}]}])
    H = {}
    PCP = "Coldbrook Internal Medicine"
    ONC = "Harlan Valley Cancer Center"
    HOSP = "Harlan Valley General Hospital"
    IMG = "Harlan Valley Breast Imaging"
    CHECK = sct("185349003", "Encounter for check up (procedure)")
    FU = sct("390906007", "Follow-up encounter (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    CONS = sct("11429006", "Consultation (procedure)")
    CHEMO = sct("367336001", "Chemotherapy (procedure)")
    IMGT = sct("363679005", "Imaging (procedure)")
    FLU = "Influenza, injectable, quadrivalent, preservative free"
    LB = sct("80248007", "Left breast structure")

    def mammo(d, concl, birads_code, birads_disp, diag=True, enc=None):
        e = enc or c.enc("AMB", d, typ=IMGT, provider=IMG, text="Mammogram")
        code, disp = (("24605-8", "MG Breast Diagnostic") if diag else ("24606-6", "MG Breast Screening"))
        return c.report(code, disp, d, "RAD", concl, ccodes=[(LOINC, birads_code, birads_disp)], enc=e,
                        performer=IMG)

    # --- pre-cancer primary care ---
    for d, wt, bpv in (("2013-06-11", 71.4, (124, 78)), ("2015-06-16", 72.8, (126, 80)), ("2017-06-14", 73.5, (122, 76))):
        e = c.enc("AMB", d, typ=CHECK, provider=PCP, text="Annual physical")
        c.vitals(d, e, bp=bpv, wt=wt, ht=165.1, bmi=round(wt / 1.651 ** 2, 1), hr=72)
        if d == "2015-06-16":
            c.imm("115", "Tdap", d, 1, "Td/Tdap booster", 1, enc=e)
    H["mg"] = [mammo("2013-06-20", "Scattered fibroglandular density. No suspicious mass, calcification or distortion. BI-RADS 1: Negative.",
                     "LA24629-3", "BI-RADS 1 Negative", diag=False)]
    gall_ed = c.enc("EMER", "2014-03-02", "2014-03-02", typ=ED, provider=HOSP, t="01:30", t_end="06:00",
                    reason=[sct("301717006", "Right upper quadrant pain")],
                    text="RUQ pain after meal")
    gall = c.cond([sct("235919008", "Cholelithiasis"), icd("K80.20", "Calculus of gallbladder without cholecystitis without obstruction")],
                  "2014-03-02", status="resolved", abate="2014-03-19", enc=gall_ed, text="Symptomatic gallstones")
    e = c.enc("AMB", "2014-03-19", typ=sct("305408004", "Admission to surgical department (procedure)"), provider=HOSP,
              reason=[gall], text="Outpatient surgery", t="07:00", t_end="15:00")
    H["chole"] = c.proc(sct("45595009", "Laparoscopic cholecystectomy"), "2014-03-19", reason=[gall], enc=e,
                        outcome="Uncomplicated; discharged same day", performer="Dr. Ogechi Lindfors, MD (General Surgery)")
    H["mg"].append(mammo("2015-06-25", "Benign-appearing scattered round calcifications right breast. BI-RADS 2: Benign.",
                         "LA24630-1", "BI-RADS 2 Benign", diag=False))
    H["mg"].append(mammo("2017-06-22", "No suspicious findings. BI-RADS 1: Negative.", "LA24629-3", "BI-RADS 1 Negative",
                         diag=False))

    # --- diagnosis 2018 ---
    e = c.enc("AMB", "2018-02-20", typ=sct("185347001", "Encounter for problem (procedure)"), provider=PCP,
              reason=[sct("89164003", "Breast lump")], text="Left breast lump")
    c.vitals("2018-02-20", e, bp=(128, 80), wt=74.0, hr=76)
    dg = c.enc("AMB", "2018-02-26", typ=IMGT, provider=IMG, text="Diagnostic mammogram and ultrasound")
    H["mg"].append(mammo("2018-02-26", "Left breast 2 o'clock, 6 cm from nipple: 2.0 cm irregular spiculated mass with correlating hypoechoic mass on ultrasound. Left axilla: one node with 4 mm cortical thickening. BI-RADS 5: Highly suggestive of malignancy.",
                         "LA24634-3", "BI-RADS 5 Highly suggestive of malignancy", enc=dg))
    bx_e = c.enc("AMB", "2018-03-09", typ=IMGT, provider=IMG, text="Image-guided breast biopsy")
    H["bx"] = c.proc(sct("44578009", "Core needle biopsy of breast"), "2018-03-09", body_site=LB, enc=bx_e,
                     outcome="4 x 14G cores; clip placed", text="Ultrasound-guided core needle biopsy, left breast 2 o'clock")
    bca = c.cond([sct("254837009", "Malignant neoplasm of breast"),
                  icd("C50.412", "Malignant neoplasm of upper-outer quadrant of left female breast")], "2018-03-09",
                 status="remission", text="Left breast cancer (invasive ductal carcinoma)", body_site=LB,
                 stage=(sct("1222806003", "American Joint Committee on Cancer stage IIB"), "Stage IIB (pT2 pN1a M0)"),
                 note="ER+/PR+/HER2-. Lumpectomy + SLNB 2018-04-05, dose-dense AC-T, whole breast RT, endocrine therapy. NED since completion of treatment.")
    H["bca"] = bca
    er = c.coded("16112-5", "Estrogen receptor [Interpretation] in Tissue", sct("10828004", "Positive"), "2018-03-12",
                 enc=bx_e, note="95% of tumor nuclei, strong", interp="POS")
    pr = c.coded("16113-3", "Progesterone receptor [Interpretation] in Tissue", sct("10828004", "Positive"), "2018-03-12",
                 enc=bx_e, note="70% of tumor nuclei, moderate", interp="POS")
    her2 = c.coded("48676-1", "HER2 [Interpretation] in Tissue", sct("260385009", "Negative"), "2018-03-12", enc=bx_e,
                   note="IHC 1+", interp="NEG")
    ki = c.lab("85319-2", "Ki-67 [Percent] in Tissue by Immune stain", 22, "%", "2018-03-12", enc=bx_e)
    H.update(er=er, pr=pr, her2=her2)
    H["bx_path"] = c.report("60567-5", "Comprehensive pathology report panel", "2018-03-12", "SP",
                            "Left breast, 2 o'clock, core biopsy: invasive ductal carcinoma, Nottingham grade 2 (3+2+2). "
                            "ER positive (95%), PR positive (70%), HER2 negative (IHC 1+), Ki-67 22%. No DCIS in cores.",
                            ccodes=[sct("408643008", "Infiltrating duct carcinoma of breast")], results=[er, pr, her2, ki],
                            enc=bx_e, performer="Harlan Valley Pathology Associates")
    cons = c.enc("AMB", "2018-03-20", typ=CONS, provider=ONC, reason=[bca], text="Medical oncology consultation")
    c.vitals("2018-03-20", cons, bp=(132, 82), wt=73.6, ht=165.1, hr=80, temp=36.7)
    H["ca153"] = [c.lab("6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma", 28, "U/mL", "2018-03-20",
                        high=30, enc=cons, ucum="[U]/mL", text="CA 15-3")]
    H["hp"] = c.note("hp", "2018-03-20", "Medical oncology consultation", (
        "MEDICAL ONCOLOGY H&P\n47 y perimenopausal woman (LMP 11/2017). Self-detected L breast lump 2/2018. "
        "Core bx L 2:00 IDC grade 2, ER 95% / PR 70% / HER2 1+ (neg), Ki-67 22%. Clinically T2 N1 (suspicious node).\n"
        "PMH: lap chole 2014. Meds: none. Allergies: sulfa (hives), adhesive tape (blisters).\n"
        "Social: middle school librarian (Coldbrook Falls MS); married to Anton (HVAC technician); daughter Lena, 21, "
        "at college. Never smoker; 1-2 glasses of wine per week. Walks daily.\nFamily: mother breast ca at 61; "
        "maternal aunt ovarian ca at 58.\nECOG 0. Code status: Full code.\nPlan: surgery first (lumpectomy + SLNB), "
        "then dose-dense AC x4 -> weekly paclitaxel x12, then whole breast RT, then endocrine therapy. Germline "
        "genetic testing ordered (84-gene panel). Echo before anthracycline. Port placement."),
        enc=cons, author="Dr. Rosalind Achterberg, MD (Medical Oncology)")
    surg = c.enc("AMB", "2018-04-05", typ=sct("305408004", "Admission to surgical department (procedure)"), provider=HOSP,
                 reason=[bca], text="Outpatient surgery", t="07:00", t_end="16:00")
    H["lump"] = c.proc(sct("392021009", "Lumpectomy of breast"), "2018-04-05", body_site=LB, reason=[bca], enc=surg,
                       outcome="Wire-localized lumpectomy, specimen radiograph confirmed clip and mass",
                       performer="Dr. Ogechi Lindfors, MD (Surgical Oncology)", text="Left breast wire-localized lumpectomy")
    H["slnb"] = c.proc(sct("396487001", "Sentinel lymph node biopsy"), "2018-04-05",
                       body_site=sct("59441001", "Structure of left axillary lymph node"),
                       reason=[bca], enc=surg, outcome="3 sentinel nodes removed (Tc-99m and blue dye)")
    H["lump_path"] = c.report("60567-5", "Comprehensive pathology report panel", "2018-04-09", "SP",
                              "Left breast lumpectomy: invasive ductal carcinoma, grade 2, 2.1 cm; margins negative "
                              "(closest 3 mm, superior); no lymphovascular invasion. Sentinel lymph nodes: 1 of 3 positive "
                              "(macrometastasis 4 mm, no extranodal extension). pT2 pN1a.",
                              ccodes=[sct("408643008", "Infiltrating duct carcinoma of breast")], enc=surg,
                              performer="Harlan Valley Pathology Associates")
    e = c.enc("AMB", "2018-04-17", typ=sct("40701008", "Echocardiography (procedure)"), provider=HOSP,
              text="Pre-anthracycline echocardiogram")
    ef1 = c.lab("10230-1", "Left ventricular Ejection fraction", 62, "%", "2018-04-17", low=53, enc=e, cat="procedure",
                text="LVEF")
    H["echo1"] = c.report("34552-0", "Cardiac 2D echo panel", "2018-04-17", "CUS",
                          "Normal LV size and function, LVEF 62%. No valvular disease. GLS -20%.", results=[ef1], enc=e)
    H["ef"] = [ef1]
    port_e = c.enc("AMB", "2018-04-20", typ=sct("305408004", "Admission to surgical department (procedure)"),
                   provider=HOSP, reason=[bca], text="Port placement", t="08:00", t_end="12:00")
    port = c.device(sct("467419001", "Implantable venous access port"), "Single-lumen implanted port, right chest",
                    "inactive", manufacturer="Veritrax Vascular", model="VX-8 PowerPort-compatible", serial="VX8-55120-R",
                    udi="00845991002817", note="Removed 2019-06-12.")
    H["port"] = port
    H["port_in"] = c.proc(sct("233527006", "Insertion of totally implantable venous access device"), "2018-04-20",
                          body_site=sct("39711005", "Structure of right internal jugular vein"),
                          reason=[bca], enc=port_e, devices=[(("129407005", "Implantation"), port)],
                          outcome="Tip at cavoatrial junction on fluoroscopy",
                          performer="Dr. Hamid Quarshie-Belden, MD (Interventional Radiology)",
                          text="Right IJ implanted port placement")
    H["port_dus"] = c.dus(port, "2018-04-20", "2019-06-12", status="completed", reason=[bca],
                          body_site=sct("39711005", "Structure of right internal jugular vein"))

    # --- chemotherapy ---
    ac_days = ["2018-05-01", "2018-05-15", "2018-06-05", "2018-06-19"]
    t_days = ["2018-07-03", "2018-07-10", "2018-07-17", "2018-07-24", "2018-07-31", "2018-08-07", "2018-08-14",
              "2018-08-21", "2018-08-28", "2018-09-04", "2018-09-11", "2018-09-18"]
    anc_vals = {"2018-05-01": 4.2, "2018-05-15": 3.1, "2018-06-05": 2.2, "2018-06-19": 2.6, "2018-07-03": 3.4,
                "2018-07-31": 2.1, "2018-08-28": 1.8, "2018-09-18": 1.9}
    hgb_vals = {"2018-05-01": 13.1, "2018-05-15": 11.9, "2018-06-05": 10.8, "2018-06-19": 10.2, "2018-07-03": 10.4,
                "2018-07-31": 10.9, "2018-08-28": 11.2, "2018-09-18": 11.5}
    plt_vals = {"2018-05-01": 268, "2018-05-15": 231, "2018-06-05": 189, "2018-06-19": 175, "2018-07-03": 244,
                "2018-07-31": 252, "2018-08-28": 238, "2018-09-18": 241}
    H["anc"], H["ac_encs"], H["t_encs"] = [], [], []
    for i, d in enumerate(ac_days + t_days):
        is_ac = d in ac_days
        e = c.enc("AMB", d, typ=CHEMO, provider=ONC, reason=[bca],
                  text=("Infusion: dose-dense AC cycle %d" % (i + 1)) if is_ac else ("Infusion: weekly paclitaxel dose %d" % (i - 3)),
                  t="08:30", t_end="13:30")
        (H["ac_encs"] if is_ac else H["t_encs"]).append(e)
        if d in anc_vals:
            H["anc"].append(c.lab("751-8", "Neutrophils [#/volume] in Blood by Automated count", anc_vals[d], "10*3/uL",
                                  d, low=1.5, high=7.7, enc=e, text="ANC", t="07:45"))
            c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", hgb_vals[d], "g/dL", d, low=12.0, high=15.5, enc=e, t="07:45")
            c.lab("777-3", "Platelets [#/volume] in Blood by Automated count", plt_vals[d], "10*3/uL", d, low=150,
                  high=400, enc=e, t="07:45")
    H["ac"] = c.proc(CHEMO, period=("2018-05-01", "2018-06-19"), reason=[bca], text="Dose-dense AC chemotherapy (doxorubicin/cyclophosphamide)",
                     note="4 cycles every 14 days with pegfilgrastim support; cycle 3 delayed one week after febrile neutropenia admission.")
    H["tax"] = c.proc(CHEMO, period=("2018-07-03", "2018-09-18"), reason=[bca], text="Weekly paclitaxel chemotherapy",
                      note="12 weekly doses; last 2 doses reduced 20% for grade 2 sensory neuropathy.")
    c.med("1790099", "doxorubicin hydrochloride 2 MG/ML Injectable Solution", "2018-05-01", "completed",
          "60 mg/m2 (107 mg) IV push day 1 every 14 days x 4 cycles", reason=[bca], enc=H["ac_encs"][0],
          end="2018-06-19", text="doxorubicin (Adriamycin)")
    c.med("1734919", "cyclophosphamide 1000 MG Injection", "2018-05-01", "completed",
          "600 mg/m2 (1068 mg) IV day 1 every 14 days x 4 cycles", reason=[bca], enc=H["ac_encs"][0], end="2018-06-19")
    H["peg"] = c.med("727539", "0.6 ML pegfilgrastim 10 MG/ML Prefilled Syringe", "2018-05-01", "completed",
                     "6 mg subcut on day 2 of each AC cycle (on-body injector)", reason=[bca], enc=H["ac_encs"][0],
                     end="2018-06-20", text="Neulasta 6 mg")
    H["zofran"] = c.med("312086", "ondansetron 8 MG Disintegrating Oral Tablet", "2018-05-01", "completed",
                        "8 mg by mouth every 8 hours as needed for nausea", reason=[sct("422587007", "Nausea")],
                        enc=H["ac_encs"][0], end="2018-10-01", text="Zofran ODT 8 mg")
    c.med("197579", "dexamethasone 4 MG Oral Tablet", "2018-05-01", "completed",
          "8 mg by mouth daily on days 2-3 after each AC cycle", reason=[sct("422587007", "Nausea")],
          enc=H["ac_encs"][0], end="2018-06-21")
    c.med("308254", "prochlorperazine maleate 10 MG Oral Tablet", "2018-05-01", "completed",
          "10 mg by mouth every 6 hours as needed for breakthrough nausea", reason=[sct("422587007", "Nausea")],
          enc=H["ac_encs"][0], end="2018-10-01")
    c.med("583214", "paclitaxel 6 MG/ML Injectable Solution", "2018-07-03", "completed",
          "80 mg/m2 (142 mg) IV weekly x 12 doses", reason=[bca], enc=H["t_encs"][0], end="2018-09-18",
          text="paclitaxel (Taxol)")
    # neutropenic fever admission
    fn_ed = c.enc("EMER", "2018-05-24", "2018-05-24", typ=ED, provider=HOSP, t="22:05", t_end="23:59",
                  reason=[sct("409089005", "Febrile neutropenia")], text="Fever on chemotherapy")
    c.vitals("2018-05-24", fn_ed, temp=39.4, hr=118, bp=(104, 62), rr=20, spo2=97, t="22:10")
    H["anc"].append(c.lab("751-8", "Neutrophils [#/volume] in Blood by Automated count", 0.3, "10*3/uL", "2018-05-24",
                          low=1.5, high=7.7, enc=fn_ed, text="ANC", t="22:30"))
    c.lab("2524-7", "Lactate [Moles/volume] in Serum or Plasma", 1.4, "mmol/L", "2018-05-24", low=0.5, high=2.2,
          enc=fn_ed, t="22:30")
    fn = c.cond([sct("409089005", "Febrile neutropenia"), icd("D70.1", "Agranulocytosis secondary to cancer chemotherapy")],
                "2018-05-24", status="resolved", abate="2018-05-28", enc=fn_ed, cat="encounter-diagnosis",
                text="Neutropenic fever")
    fn_adm = c.enc("IMP", "2018-05-24", "2018-05-28", typ=sct("32485007", "Hospital admission (procedure)"),
                   provider=HOSP, adm="emd", disp="home", reason=[fn], t="23:59", t_end="13:00",
                   text="Oncology admission - neutropenic fever")
    H["fn_adm"] = fn_adm
    H["cefepime"] = c.med("1665060", "cefepime 2000 MG Injection", "2018-05-24", "completed",
                          "2 g IV every 8 hours", reason=[fn], enc=fn_adm, end="2018-05-27", course="acute")
    c.med("311296", "levofloxacin 500 MG Oral Tablet", "2018-05-28", "completed",
          "500 mg by mouth daily until ANC > 1.0 (7 days)", reason=[fn], enc=fn_adm, end="2018-06-03", course="acute")
    H["bcx"] = c.report("600-7", "Bacteria identified in Blood by Culture", "2018-05-29", "MB",
                        "Blood cultures x2 (port and peripheral): no growth at 5 days.", enc=fn_adm)
    c.note("discharge", "2018-05-28", "Discharge summary - neutropenic fever", (
        "DISCHARGE SUMMARY\nAdmitted 2018-05-24 from ED, discharged 2018-05-28 home with husband.\n"
        "Day 9 after dd-AC cycle 2 (Neulasta given day 2). Tmax 39.4 C, ANC nadir 0.3. No source; CXR clear; UA neg; "
        "blood cx x2 NGTD. Cefepime 2 g q8h, afebrile >48 h, ANC recovered to 1.6 on 5/27. Home on levofloxacin 500 "
        "daily x7 d.\nPlan: delay AC cycle 3 by one week (to 6/5). Code status: Full code."),
        enc=fn_adm, author="Dr. Teodora Vasquez-Hale, MD (Hospital Medicine)")
    e = c.enc("AMB", "2018-06-26", typ=FU, provider=ONC, reason=[bca], text="Oncology follow-up")
    H["gen_note"] = c.note("progress", "2018-06-26", "Oncology follow-up", (
        "ONCOLOGY PROGRESS NOTE\nCompleted dd-AC x4 (6/19). Fatigue grade 1, nausea controlled with Zofran/Compazine.\n"
        "Germline genetic testing (84-gene panel): no pathogenic variants detected, including BRCA1, BRCA2, PALB2, "
        "CHEK2; one VUS in ATM (c.4388T>C) - no management change.\nPlan: start weekly Taxol 7/3."),
        enc=e, author="Dr. Rosalind Achterberg, MD (Medical Oncology)")
    neur = c.cond([sct("302226006", "Peripheral nerve disease"), icd("G62.0", "Drug-induced polyneuropathy")],
                  "2018-09-04", text="Chemotherapy-induced peripheral neuropathy (paclitaxel)",
                  note="Numbness/tingling toes and fingertips, grade 2 during paclitaxel; residual grade 1 in toes.")
    H["neur"] = neur
    e = c.enc("AMB", "2018-09-25", typ=CONS, provider="Harlan Valley Radiation Oncology", reason=[bca],
              text="Radiation oncology consultation")
    ef2 = c.lab("10230-1", "Left ventricular Ejection fraction", 58, "%", "2018-09-20", low=53, cat="procedure",
                text="LVEF")
    H["ef"].append(ef2)
    c.report("34552-0", "Cardiac 2D echo panel", "2018-09-20", "CUS",
             "LVEF 58% (previously 62%); no regional wall motion abnormality. No significant change.", results=[ef2])
    H["gaba"] = c.med("310431", "gabapentin 300 MG Oral Capsule", "2018-10-02", "stopped",
                      "300 mg by mouth three times daily", reason=[neur], end="2019-03-12",
                      stop_reason="Dizziness and daytime sedation; neuropathy improved", stop_code="sintol")
    H["flu_nd"] = c.imm("150", FLU, "2018-10-02", None, status="not-done", reason="MEDPREC",
                        note="Deferred: ANC 0.9 and febrile illness symptoms today; give after count recovery.")
    rt_e = c.enc("AMB", "2018-10-15", typ=sct("108290001", "Radiation oncology AND/OR radiotherapy (procedure)"),
                 provider="Harlan Valley Radiation Oncology", reason=[bca], text="Radiation treatment start")
    H["rt"] = c.proc(sct("33195004", "Teleradiotherapy procedure"), period=("2018-10-15", "2018-11-23"),
                     body_site=LB, reason=[bca], enc=rt_e,
                     text="Whole breast radiation therapy, left",
                     outcome="Completed as planned; grade 1 radiation dermatitis",
                     note="Whole breast 50 Gy in 25 fractions plus tumor bed boost 10 Gy in 5 fractions (total 60 Gy / 30 fractions).")
    c.imm("150", FLU, "2018-10-16", 1, "Influenza 2018-2019", 1)

    # --- endocrine therapy, survivorship ---
    e = c.enc("AMB", "2018-12-04", typ=FU, provider=ONC, reason=[bca], text="Oncology follow-up - start endocrine therapy")
    c.vitals("2018-12-04", e, bp=(126, 78), wt=70.2, hr=74)
    H["tam"] = c.med("198240", "tamoxifen 20 MG Oral Tablet", "2018-12-04", "stopped", "20 mg by mouth once daily",
                     reason=[bca], enc=e, end="2020-02-18",
                     stop_reason="Left leg DVT on tamoxifen; changed to aromatase inhibitor (postmenopausal confirmed)",
                     stop_code="sintol", text="tamoxifen")
    flush = c.cond([sct("198436008", "Menopausal flushing"), icd("N95.1", "Menopausal and female climacteric states")],
                   "2019-01-15", text="Hot flashes", note="Worse on tamoxifen; improved on venlafaxine.")
    e = c.enc("AMB", "2019-01-15", typ=FU, provider=ONC, reason=[flush], text="Oncology follow-up - hot flashes")
    H["venla"] = c.med("313585", "24 HR venlafaxine 75 MG Extended Release Oral Capsule", "2019-01-15", "active",
                       "75 mg by mouth once daily with breakfast", reason=[flush], enc=e, text="Effexor XR 75 mg")
    H["flush"] = flush
    H["mg"].append(mammo("2019-03-05", "Post-lumpectomy and radiation changes left breast (architectural distortion, skin thickening). No suspicious findings. BI-RADS 2: Benign.",
                         "LA24630-1", "BI-RADS 2 Benign"))
    lymph = c.cond([sct("234097001", "Lymphedema"), icd("I97.2", "Postmastectomy lymphedema syndrome")], "2019-04-09",
                   text="Lymphedema of left arm", body_site=sct("368208006", "Left upper arm structure"))
    H["lymph"] = lymph
    e = c.enc("AMB", "2019-04-09", typ=CONS, provider="Harlan Valley Lymphedema Clinic", reason=[lymph],
              text="Lymphedema therapy evaluation")
    c.proc(sct("409521006", "Complete decongestive therapy"), period=("2019-04-09", "2019-05-21"), reason=[lymph], enc=e,
           outcome="Left forearm circumference difference reduced from 3.1 cm to 1.4 cm")
    sleeve = c.device(sct("465235002", "Compression sleeve"), "Compression sleeve and gauntlet, left arm, 20-30 mmHg",
                      "active", manufacturer="Lenovia Compression", model="LC-2030-M")
    H["sleeve_dus"] = c.dus(sleeve, "2019-05-21", None, status="active", reason=[lymph],
                            body_site=sct("368208006", "Left upper arm structure"),
                            note="Daytime wear and for air travel/exercise.")
    H["sleeve"] = sleeve
    pe = c.enc("AMB", "2019-06-12", typ=sct("305408004", "Admission to surgical department (procedure)"),
               provider=HOSP, reason=[bca], text="Port removal", t="09:00", t_end="11:00")
    H["port_out"] = c.proc(sct("233550004", "Removal of totally implantable venous access device"), "2019-06-12",
                           body_site=sct("39711005", "Structure of right internal jugular vein"), reason=[bca], enc=pe,
                           devices=[(("118292001", "Removal"), port)],
                           outcome="Port removed intact", text="Port removal")
    c.imm("150", FLU, "2019-10-08", 1, "Influenza 2019-2020", 1)
    # DVT
    dvt_ed = c.enc("EMER", "2020-02-15", "2020-02-15", typ=ED, provider=HOSP, t="18:10", t_end="22:40",
                   reason=[sct("299867000", "Swelling of left lower leg")],
                   text="Left calf swelling and pain")
    dvt = c.cond([sct("128053003", "Deep venous thrombosis"),
                  icd("I82.432", "Acute embolism and thrombosis of left popliteal vein")], "2020-02-15",
                 status="resolved", abate="2020-05-15", enc=dvt_ed, text="Left leg DVT (popliteal/posterior tibial)",
                 note="Provoked by tamoxifen.")
    H["dvt"] = dvt
    H["duplex"] = c.report("39420-7", "US Lower extremity veins Left", "2020-02-15", "RAD",
                           "Occlusive thrombus in the left popliteal and posterior tibial veins. Common femoral vein patent.",
                           ccodes=[sct("128053003", "Deep venous thrombosis")], enc=dvt_ed, t="20:00")
    H["xarelto"] = c.med("1114198", "rivaroxaban 15 MG Oral Tablet", "2020-02-15", "completed",
                         "15 mg by mouth twice daily with food x 21 days, then 20 mg daily to complete 3 months",
                         reason=[dvt], enc=dvt_ed, end="2020-05-15", text="Xarelto starter pack")
    e = c.enc("AMB", "2020-02-18", typ=FU, provider=ONC, reason=[bca, dvt], text="Oncology follow-up - DVT on tamoxifen")
    fsh = c.lab("15067-2", "Follitropin [Units/volume] in Serum or Plasma", 78.2, "m[IU]/mL", "2020-02-18", enc=e,
                text="FSH", rr_text="Postmenopausal: 25.8-134.8 mIU/mL")
    e2 = c.lab("2243-4", "Estradiol (E2) [Mass/volume] in Serum or Plasma", 12, "pg/mL", "2020-02-18", enc=e,
               text="Estradiol", rr_text="Postmenopausal: <32 pg/mL")
    H["ana"] = c.med("199224", "anastrozole 1 MG Oral Tablet", "2020-02-18", "active", "1 mg by mouth once daily",
                     reason=[bca], enc=e, text="anastrozole (Arimidex)")
    H["switch_note"] = c.note("progress", "2020-02-18", "Oncology follow-up", (
        "ONCOLOGY PROGRESS NOTE\nSeen in ED 2/15 with L calf swelling: occlusive popliteal/posterior tibial DVT. "
        "Started Xarelto. Tamoxifen is the likely provoking factor - stop tamoxifen permanently.\n"
        "Amenorrheic since chemo (>2 y); FSH 78.2, estradiol 12 - postmenopausal. Switch to Arimidex 1 mg daily. "
        "Anticoagulate 3 months (provoked). Baseline DXA ordered; start calcium + vitamin D.\n"
        "Returned to full-time work as school librarian 1/2020."), enc=e,
        author="Dr. Rosalind Achterberg, MD (Medical Oncology)")
    dxa_vals = [("2020-03-10", -1.4, -1.6), ("2022-03-15", -1.7, -2.1), ("2024-03-19", -1.8, -2.3)]
    H["tfn"], H["dxa"] = [], []
    for d, ls, fnk in dxa_vals:
        e = c.enc("AMB", d, typ=IMGT, provider=IMG, text="DXA and mammogram")
        o1 = c.lab("38263-0", "DXA Lumbar spine [T-score] Bone density", ls, "{T-score}", d, enc=e, cat="procedure",
                   text="L1-L4 T-score")
        o2 = c.lab("80948-3", "DXA Femur neck [T-score] Bone density", fnk, "{T-score}", d, enc=e, cat="procedure",
                   text="Left femoral neck T-score")
        H["tfn"].append(o2)
        concl = {"2020-03-10": "Osteopenia. L1-L4 T-score -1.4; left femoral neck T-score -1.6. Baseline on aromatase inhibitor.",
                 "2022-03-15": "Osteopenia, worse. L1-L4 T-score -1.7; left femoral neck T-score -2.1 (-5.8% BMD since 2020). FRAX 10-yr major osteoporotic 8.9%, hip 1.4%.",
                 "2024-03-19": "Osteopenia. L1-L4 T-score -1.8; left femoral neck T-score -2.3. FRAX major 9.8%, hip 1.6%. Stable on alendronate."}[d]
        H["dxa"].append(c.report("38269-7", "DXA Bone density", d, "RAD", concl,
                                 ccodes=[sct("312894000", "Osteopenia")], results=[o1, o2], enc=e))
        H["mg"].append(mammo(d, "Stable post-treatment changes left breast. No suspicious mass or calcifications. BI-RADS 2: Benign.",
                             "LA24630-1", "BI-RADS 2 Benign", enc=e))
    osteo = c.cond([sct("312894000", "Osteopenia"), icd("M85.80", "Other specified disorders of bone density and structure, unspecified site")],
                   "2020-03-10", text="Osteopenia (aromatase inhibitor associated)")
    H["cal"] = c.med("1373402", "calcium carbonate 600 MG / cholecalciferol 400 UNT Oral Tablet", "2020-03-10", "active",
                     "1 tablet by mouth twice daily with meals", reason=[osteo])
    vd1 = c.lab("1989-3", "25-hydroxyvitamin D3+25-hydroxyvitamin D2 [Mass/volume] in Serum or Plasma", 18, "ng/mL",
                "2020-03-10", low=30, high=100, text="Vitamin D, 25-OH")
    c.med("316965", "ergocalciferol 1.25 MG Oral Capsule", "2020-03-12", "completed",
          "50,000 units by mouth once weekly x 8 weeks", reason=[osteo], end="2020-05-07", course="acute")
    vd2 = c.lab("1989-3", "25-hydroxyvitamin D3+25-hydroxyvitamin D2 [Mass/volume] in Serum or Plasma", 34, "ng/mL",
                "2020-06-16", low=30, high=100, text="Vitamin D, 25-OH")
    vd3 = c.lab("1989-3", "25-hydroxyvitamin D3+25-hydroxyvitamin D2 [Mass/volume] in Serum or Plasma", 41, "ng/mL",
                "2024-03-26", low=30, high=100, text="Vitamin D, 25-OH")
    H["vitd"] = [vd1, vd2, vd3]
    H["osteo"] = osteo
    col_e = c.enc("AMB", "2020-08-25", typ=sct("73761001", "Colonoscopy (procedure)"), provider="Coldbrook Endoscopy Center",
                  text="Screening colonoscopy")
    H["colo"] = c.proc(sct("73761001", "Colonoscopy"), "2020-08-25", enc=col_e,
                       outcome="Normal colonoscopy to cecum; good prep. Repeat in 10 years.")
    for d in ("2020-10-06", "2021-10-12", "2022-10-11", "2023-10-03", "2024-10-08"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    for d in ("2013-10-15", "2014-10-14", "2015-10-20", "2016-10-11", "2017-10-17"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-01-28", 1, "COVID-19 primary", 2)
    c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", "2021-02-25", 2, "COVID-19 primary", 2)
    c.imm("229", "COVID-19, mRNA, LNP-S, bivalent, PF, 50 mcg/0.5 mL", "2022-10-11", 3, "COVID-19 booster", None)
    H["shingrix"] = [c.imm("187", "zoster recombinant", "2021-05-04", 1, "Zoster (RZV)", 2),
                     c.imm("187", "zoster recombinant", "2021-07-13", 2, "Zoster (RZV)", 2)]
    c.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", "2023-10-03", 1, "PCV20", 1)
    # MRI and oncology follow-ups
    mri_e = c.enc("AMB", "2021-09-14", typ=IMGT, provider=IMG, text="Breast MRI")
    H["mri"] = c.report("36155-0", "MR Breast - bilateral W and WO contrast IV", "2021-09-14", "RAD",
                        "Post-surgical and radiation changes left breast. No suspicious enhancement in either breast. BI-RADS 2: Benign.",
                        ccodes=[(LOINC, "LA24630-1", "BI-RADS 2 Benign")], enc=mri_e, performer=IMG)
    H["mg"].append(mammo("2021-03-16", "Stable post-treatment changes left breast. No suspicious findings. BI-RADS 2: Benign.",
                         "LA24630-1", "BI-RADS 2 Benign"))
    H["mg"].append(mammo("2023-03-21", "Stable post-treatment changes left breast. Scattered benign calcifications right breast unchanged. BI-RADS 2: Benign.",
                         "LA24630-1", "BI-RADS 2 Benign"))
    onc_fu = [("2019-03-12", 68.9, (122, 76), 22), ("2020-09-15", 69.8, (124, 78), None), ("2021-03-23", 70.4, (128, 80), 21),
              ("2022-04-05", 71.0, (130, 80), 24), ("2023-03-28", 70.6, (126, 78), 20), ("2024-03-26", 71.3, (128, 78), 23),
              ("2025-03-25", 71.8, (126, 76), 21)]
    for d, wt, bpv, ca in onc_fu:
        e = c.enc("AMB", d, typ=FU, provider=ONC, reason=[bca], text="Oncology survivorship follow-up")
        c.vitals(d, e, bp=bpv, wt=wt, hr=72)
        if ca is not None:
            H["ca153"].append(c.lab("6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma", ca, "U/mL", d,
                                    high=30, enc=e, ucum="[U]/mL", text="CA 15-3"))
        if d == "2022-04-05":
            H["alen"] = c.med("904419", "alendronate sodium 70 MG Oral Tablet", d, "active",
                              "70 mg by mouth once weekly on Sunday, upright 30 min with full glass of water", reason=[osteo],
                              enc=e, text="alendronate (Fosamax) 70 mg weekly")
            H["alen_note"] = c.note("progress", d, "Oncology follow-up", (
                "ONCOLOGY PROGRESS NOTE\nNED. On Arimidex since 2/2020, tolerating except arthralgias (mild, hands). "
                "DXA 3/15: femoral neck T -2.1 (was -1.6). Start Fosamax 70 mg weekly. Dental exam up to date, no "
                "planned extractions. Continue Ca/D, weight-bearing exercise.\nResidual neuropathy toes, grade 1. "
                "L arm lymphedema controlled with sleeve."), enc=e, author="Dr. Rosalind Achterberg, MD (Medical Oncology)")
        if d == "2021-03-23":
            c.lab("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", 148, "mg/dL", d,
                  high=129, enc=e, text="LDL cholesterol")
            c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 0.78, "mg/dL", d, low=0.57, high=1.00, enc=e)
            c.lab("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", 24, "U/L", d,
                  high=33, enc=e, text="ALT")
            c.lab("17861-6", "Calcium [Mass/volume] in Serum or Plasma", 9.4, "mg/dL", d, low=8.6, high=10.3, enc=e)
        if d == "2025-03-25":
            H["last_note"] = c.note("progress", d, "Oncology survivorship follow-up", (
                "ONCOLOGY SURVIVORSHIP NOTE\n7 years from diagnosis, NED. Anastrozole since 2/2020 (after tamoxifen/DVT). "
                "Plan extended endocrine therapy to 7 years total (through 12/2025), then reassess. Mammogram 3/18/2025 "
                "BI-RADS 2. CA 15-3 21.\nWorks full-time as middle school librarian; lives with husband Anton; walks 3 "
                "miles most days. No alcohol since 2022.\nCode status: Full code.\nFollow up 6 months."),
                enc=e, author="Dr. Rosalind Achterberg, MD (Medical Oncology)")
    H["mg"].append(mammo("2025-03-18", "Stable post-treatment changes left breast. No evidence of recurrence. BI-RADS 2: Benign.",
                         "LA24630-1", "BI-RADS 2 Benign"))
    g1 = c.goal("Complete extended adjuvant endocrine therapy (anastrozole) through 2025-12", "2020-02-18",
                achievement="in-progress", addresses=[bca], due="2025-12-31",
                target={"string": "Adherence > 90%"})
    g2 = c.goal("No fragility fracture; femoral neck T-score not below -2.5", "2022-04-05", achievement="sustaining",
                addresses=[osteo], target={"measure": lnc("80948-3", "DXA Femur neck [T-score] Bone density"),
                                           "low": -2.5, "unit": "{T-score}"})
    H["goals"] = [g1, g2]
    H["scp"] = c.careplan("Breast cancer survivorship care plan", sct("734163000", "Care plan (record artifact)"),
                          "2019-03-12",
                          "Surveillance and late-effects plan after treatment for stage IIB left breast cancer",
                          ["History and exam every 6 months through year 5, then yearly",
                           "Diagnostic mammogram yearly (March)",
                           "DXA every 2 years while on aromatase inhibitor",
                           "Lymphedema precautions left arm; compression sleeve",
                           "Endocrine therapy adherence review each visit"], addresses=[bca, lymph, osteo], goals=[g1, g2])
    c.allergy([sct("91939003", "Allergy to sulfonamide")], "2009-06-01", "medication", "low",
              [sct("126485001", "Urticaria")], "moderate", substance=(RXNORM, "10180", "sulfamethoxazole"),
              note="Hives with Bactrim for UTI, 2009.")
    H["tape"] = c.allergy([sct("402387002", "Allergic contact dermatitis due to adhesive")],
                          "2014-03-19", "environment", "low", [sct("339008", "Blister")], "mild",
                          note="Blistering under adhesive dressing after cholecystectomy; use paper tape / silicone dressings.")
    c.fmh("MTH", "mother", [(sct("254837009", "Malignant neoplasm of breast"), 61)], "female", "2018-03-20")
    c.fmh("MAUNT", "maternal aunt", [(sct("363443007", "Malignant tumor of ovary"), 58, True)], "female",
          "2018-03-20", deceased=60)
    c.fmh("FTH", "father", [(sct("22298006", "Myocardial infarction"), 70, True)], "male", "2018-03-20", deceased=72)
    c.smoking("2018-03-20", "266919005", "Never smoker", enc=cons)
    return c, H


def questions_p2(c, H):
    Q(c, "her2 status", "pathology", [H["her2"]], ["Negative"])
    Q(c, "er/pr?", "two_in_one", [H["er"], H["pr"]], ["Positive"])
    Q(c, "tumor size + nodes on lumpectomy path", "pathology", [H["lump_path"]], ["2.1 cm", "1 of 3"])
    Q(c, "port still in?", "device", [H["port_dus"], H["port_out"]], ["2019-06-12"], match="any")
    Q(c, "how many AC cycles did she get", "encounter_count", H["ac_encs"], [str(len(H["ac_encs"]))])
    anc = obs(c, "751-8")
    low = vmin(anc)
    Q(c, "neutropenic feaver admit - when, and lowest anc", "two_in_one", [H["fn_adm"], low],
      [day(H["fn_adm"]), val(low)])
    Q(c, "what abx was she on for the neutropenic fever", "med_ever", [H["cefepime"]], ["cefepime"])
    ai = meds(c, ["anastrozole", "letrozole", "exemestane"], "active")
    Q(c, "is she on an aromatase inhibitor", "med_class", ai, ["anastrozole"])
    Q(c, "why was tamoxifin stopped", "med_stopped_why", [H["tam"]], ["DVT"])
    Q(c, "still on xarelto?", "med_brand", [H["xarelto"]], ["rivaroxaban", H["xarelto"]["dispenseRequest"]["validityPeriod"]["end"]])
    tfn = obs(c, "80948-3")
    Q(c, "dexa hip t score trend", "lab_trend", tfn, [val(o) for o in tfn])
    bone = meds(c, ["alendronate", "risedronate", "zoledronic", "denosumab", "ibandronate"], "active")
    Q(c, "any bone meds", "med_class", bone, ["alendronate"])
    mg = sorted([r for r in rtype(c, "DiagnosticReport") if codes_of(r)[0] in ("24605-8", "24606-6")], key=eff)
    Q(c, "last mammo result", "imaging_path", [mg[-1]], [day(mg[-1]), "BI-RADS 2"])
    ca = obs(c, "6875-9")
    Q(c, "ca 15-3 trend", "lab_trend", ca, [val(ca[0]), val(ca[-1])])
    ef = obs(c, "10230-1")
    Q(c, "ef before the adriamycin", "lab_at_time", [ef[0]], [val(ef[0])])
    Q(c, "whats the venlafaxine for", "med_why", [H["venla"], H["flush"]], ["hot flashes"])
    Q(c, "brca testing?", "note_only", [H["gen_note"]], ["no pathogenic variants"])
    Q(c, "what does she do for work", "social_note", notes_with(c, "librarian"), ["librarian"], match="any")
    fam = [f for f in rtype(c, "FamilyMemberHistory")
           if any(x in codes_of(y) for y in f["condition"] for x in ("254837009", "363443007"))]
    Q(c, "fam hx breast or ovarian ca", "family_hx", fam, ["mother", "maternal aunt"])
    Q(c, "flu shot skipped during chemo?", "imm_not_done", [H["flu_nd"]], [day(H["flu_nd"]), "medical precaution"])
    Q(c, "rads dose / fractions", "procedure", [H["rt"]], ["50 Gy", "25 fractions"])
    Q(c, "lymphadema which arm and is she wearing a sleeve", "device", [H["sleeve_dus"], H["sleeve"], H["lymph"]],
      ["left", "compression sleeve"])
    vd = obs(c, "1989-3")
    Q(c, "code status", "note_only", notes_with(c, "code status"), ["Full code"], match="any")
    Q(c, "still taking zofran?", "med_brand", [H["zofran"]], ["ondansetron", H["zofran"]["dispenseRequest"]["validityPeriod"]["end"]])
    # abstain
    Q(c, "is she on insulin", "med_class", absent=["insulin"])
    Q(c, "peg tube still in?", "device", absent=["gastrostomy", "feeding tube", "peg tube"])
    Q(c, "ever on metotrexate", "med_ever", absent=["methotrexate"])
    Q(c, "her tsh pls", "lab_latest", absent=["thyroid stimulating", "tsh", "thyrotropin"])
    Q(c, "bk virus pcr?", "lab_latest", absent=["bk virus", "polyomavirus", "bk viremia"])
    Q(c, "any hx of stroke", "condition", absent=["stroke", "cerebral infarction", "cerebrovascular"])


# ===========================================================================
# Patient 3: man ~62, ADPKD -> CKD -> hemodialysis via AV fistula -> deceased
# donor kidney transplant; tacrolimus/MMF/prednisone, CMV prophylaxis, acute
# rejection with biopsy, BK viremia, skin SCC.
# ===========================================================================
def build_p3():
    c = Chart(3, "-06:00", "2025-04-22", "bundle-transaction")
    c.history = ("Man born 1963: ADPKD -> ESRD, in-center hemodialysis 2013-2019 via left AV fistula, native "
                 "nephrectomy, deceased-donor kidney transplant 2019 on tacrolimus/MMF/prednisone, valganciclovir "
                 "prophylaxis, acute cellular rejection 2020, BK viremia 2021, skin SCC 2023")
    c.make_patient("Okafor-Brandt", ["Rafael", "Tomasz"], "male", "1963-01-17", "309 Saltgrass Court",
                   "Verrin Junction", "KS", "66999", "B7-300512", "555-0113",
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"))],
                             "name": {"family": "Okafor-Brandt", "given": ["Ines"], "text": "Ines Okafor-Brandt"},
                             "telecom": [{"system": "phone", "value": "555-0114", "use": "mobile"}]}])
    H = {}
    NEPH = "Verrin Junction Nephrology"
    TX = "Prairie Meridian Transplant Center"
    HOSP = "Prairie Meridian University Hospital"
    FU = sct("390906007", "Follow-up encounter (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    ADMT = sct("32485007", "Hospital admission (procedure)")
    SURG = sct("305408004", "Admission to surgical department (procedure)")
    FLU = "Influenza, injectable, quadrivalent, preservative free"
    LFA = sct("66480008", "Structure of left forearm")

    def creat(v, d, e=None):
        return c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", v, "mg/dL", d, low=0.74, high=1.35,
                     enc=e, text="Creatinine")

    def tac(v, d, e=None):
        return c.lab("11253-4", "Tacrolimus [Mass/volume] in Blood", v, "ng/mL", d, low=5.0, high=15.0, enc=e,
                     text="Tacrolimus trough", t="07:30", note="12-hour trough")

    pkd = c.cond([sct("28728008", "Polycystic kidney disease, adult type"),
                  icd("Q61.2", "Polycystic kidney, adult type")], "1998-06-01", recorded="2011-05-10",
                 text="Autosomal dominant polycystic kidney disease (ADPKD)")
    htn = c.cond([sct("38341003", "Hypertensive disorder, systemic arterial"),
                  icd("I12.0", "Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end stage renal disease")],
                 "2004-03-01", recorded="2011-05-10", text="Hypertension (secondary to ADPKD)")
    ckd4 = c.cond([sct("431857002", "Chronic kidney disease stage 4"), icd("N18.4", "Chronic kidney disease, stage 4 (severe)")],
                  "2011-05-10", status="resolved", abate="2013-06-18", text="CKD stage 4")
    anemia = c.cond([sct("707323002", "Anemia in chronic kidney disease"), icd("D63.1", "Anemia in chronic kidney disease")],
                    "2012-09-11", status="resolved", abate="2020-03-10")
    H.update(pkd=pkd, htn=htn)
    e = c.enc("AMB", "2011-05-10", typ=sct("11429006", "Consultation (procedure)"), provider=NEPH, reason=[pkd],
              text="Nephrology consultation")
    c.vitals("2011-05-10", e, bp=(148, 92), wt=88.6, ht=178.0)
    creat(3.1, "2011-05-10", e)
    c.lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", 5.1, "mmol/L", "2011-05-10", low=3.5, high=5.1, enc=e)
    c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", 11.9, "g/dL", "2011-05-10", low=13.2, high=17.1, enc=e)
    us = c.report("24558-9", "US Kidney", "2011-05-24", "RAD",
                  "Massively enlarged kidneys replaced by innumerable cysts (right 22.4 cm, left 24.1 cm). Multiple hepatic cysts up to 3 cm. No hydronephrosis.",
                  ccodes=[sct("28728008", "Polycystic kidney disease, adult type")])
    lis = c.med("314077", "lisinopril 20 MG Oral Tablet", "2011-05-10", "stopped", "20 mg by mouth once daily",
                reason=[htn], enc=e, end="2012-01-22", stop_reason="Angioedema (lip and tongue swelling)", stop_code="salg")
    H["amlo"] = c.med("308135", "amlodipine 10 MG Oral Tablet", "2011-05-10", "active", "10 mg by mouth once daily",
                      reason=[htn], enc=e)
    furo = c.med("313988", "furosemide 40 MG Oral Tablet", "2011-05-10", "stopped", "40 mg by mouth once daily",
                 reason=[htn], enc=e, end="2013-07-16", stop_reason="Oliguric on hemodialysis; no longer effective",
                 stop_code="altchoice")
    c.med("1014502", "sodium bicarbonate 650 MG Oral Tablet", "2011-05-10", "stopped", "1300 mg by mouth twice daily",
          reason=[ckd4], enc=e, end="2013-06-18", stop_reason="Started hemodialysis", stop_code="altchoice")
    ang_ed = c.enc("EMER", "2012-01-22", "2012-01-22", typ=ED, provider=HOSP, t="07:10", t_end="13:30",
                   reason=[sct("41291007", "Angioedema")], text="Lip and tongue swelling")
    H["acei_allergy"] = c.allergy([sct("293505009", "Allergy to lisinopril")], "2012-01-22", "medication", "high",
                                  [sct("41291007", "Angioedema")], "severe", substance=(RXNORM, "29046", "lisinopril"),
                                  note="ACE inhibitor angioedema; avoid all ACE inhibitors. ARB use only with caution.")
    c.allergy([sct("294461009", "Codeine intolerance")], "2015-09-10",
              "medication", "low", [sct("422587007", "Nausea"), sct("422400008", "Vomiting")], "mild", atype="intolerance",
              substance=(RXNORM, "2670", "codeine"))
    for d, cr, k, hb in (("2011-11-15", 3.6, 5.0, 11.4), ("2012-05-15", 4.3, 5.3, 10.9), ("2012-09-11", 4.9, 5.2, 10.1),
                         ("2013-02-19", 5.8, 5.4, 9.8)):
        e = c.enc("AMB", d, typ=FU, provider=NEPH, reason=[ckd4 if d < "2013-06-18" else pkd], text="Nephrology follow-up")
        c.vitals(d, e, bp=(138, 86), wt=88.0)
        creat(cr, d, e)
        c.lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", k, "mmol/L", d, low=3.5, high=5.1, enc=e)
        c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", hb, "g/dL", d, low=13.2, high=17.1, enc=e)
    for d, n in (("2012-09-11", 1), ("2012-10-09", 2), ("2013-03-12", 3)):
        c.imm("43", "Hep B, adult", d, n, "Hepatitis B (dialysis formulation 40 mcg)", 3)
    H["antihbs"] = c.lab("16935-9", "Hepatitis B virus surface Ab [Units/volume] in Serum", 142, "m[IU]/mL", "2013-05-14",
                         low=10, text="Anti-HBs", note="Immune (>=10 mIU/mL)")
    fis_e = c.enc("AMB", "2013-03-12", typ=SURG, provider=HOSP, reason=[ckd4], text="Outpatient vascular surgery")
    H["avf"] = c.proc(sct("233581008", "Creation of arteriovenous fistula"), "2013-03-12", body_site=LFA, reason=[ckd4],
                      enc=fis_e, text="Left radiocephalic arteriovenous fistula creation",
                      performer="Dr. Wendeline Marchetti, MD (Vascular Surgery)", outcome="Good thrill at end of case")
    # start of dialysis
    u_ed = c.enc("EMER", "2013-06-18", "2013-06-18", typ=ED, provider=HOSP, t="10:00", t_end="15:00",
                 reason=[sct("31812009", "Uremia")], text="Nausea, fatigue, hyperkalemia")
    H["k_start"] = c.lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", 6.9, "mmol/L", "2013-06-18", low=3.5,
                         high=5.1, enc=u_ed, t="10:30")
    creat(9.6, "2013-06-18", u_ed)
    esrd = c.cond([sct("46177005", "End-stage renal disease"), icd("N18.6", "End stage renal disease")], "2013-06-18",
                  status="resolved", abate="2019-08-14", enc=u_ed, text="ESRD on hemodialysis")
    H["esrd"] = esrd
    a1 = c.enc("IMP", "2013-06-18", "2013-06-24", typ=ADMT, provider=HOSP, adm="emd", disp="home", reason=[esrd],
               t="15:00", text="Admission - initiation of hemodialysis")
    cath = c.device(sct("702172002", "Hemodialysis catheter"), "Tunneled cuffed hemodialysis catheter, right IJ",
                    "inactive", manufacturer="Caldera Renal Systems", model="CRS-TDC-19")
    c.proc(sct("180294000", "Insertion of tunneled central venous catheter"),
           "2013-06-19", body_site=sct("39711005", "Structure of right internal jugular vein"), reason=[esrd], enc=a1,
           devices=[(("129407005", "Implantation"), cath)], text="Tunneled hemodialysis catheter placement, right IJ")
    H["cath_dus"] = c.dus(cath, "2013-06-19", "2013-10-08", status="completed", reason=[esrd],
                          body_site=sct("39711005", "Structure of right internal jugular vein"))
    c.proc(sct("233561004", "Removal of central venous catheter"), "2013-10-08", reason=[esrd],
           devices=[(("118292001", "Removal"), cath)], text="Tunneled dialysis catheter removal (fistula in use)")
    H["hd"] = c.proc(sct("302497006", "Hemodialysis"), period=("2013-06-20", "2019-08-12"), reason=[esrd],
                     text="Maintenance in-center hemodialysis",
                     note="Verrin Junction Dialysis, Mon/Wed/Fri 4 h; via left radiocephalic AVF from 2013-10-08.",
                     performer="Verrin Junction Dialysis")
    c.note("discharge", "2013-06-24", "Discharge summary - dialysis initiation", (
        "DISCHARGE SUMMARY\nAdmitted 6/18/2013 from ED: uremic symptoms, K 6.9, Cr 9.6. Left RC AVF (3/2013) not yet "
        "mature. Tunneled R IJ HD catheter placed 6/19; 3 HD sessions inpatient.\nDischarged home to wife; outpatient "
        "HD MWF at Verrin Junction Dialysis. Stop Lasix. Renvela with meals. Epogen with HD.\nCode status: Full code."),
        enc=a1, author="Dr. Ambrose Keteku, MD (Nephrology)")
    sev = c.med("403900", "sevelamer carbonate 800 MG Oral Tablet", "2013-06-24", "stopped",
                "1600 mg by mouth three times daily with meals", reason=[esrd], enc=a1, end="2019-08-21",
                stop_reason="Kidney transplant; phosphorus normal", stop_code="altchoice", text="Renvela 800 mg")
    c.med("1602593", "epoetin alfa 10000 UNT/ML Injectable Solution", "2013-06-24", "stopped",
          "Per dialysis anemia protocol IV with hemodialysis", reason=[anemia], enc=a1, end="2019-08-14",
          stop_reason="Kidney transplant", stop_code="altchoice", text="Epogen")
    shpt = c.cond([sct("36348003", "Secondary hyperparathyroidism of renal origin"), icd("N25.81", "Secondary hyperparathyroidism of renal origin")],
                  "2014-05-20", status="resolved", abate="2020-03-10")
    c.med("1734628", "cinacalcet 30 MG Oral Tablet", "2015-02-17", "stopped", "30 mg by mouth daily with dinner",
          reason=[shpt], end="2019-08-21", stop_reason="Kidney transplant; PTH improving", stop_code="altchoice")
    hd_labs = [("2014-05-20", 8.9, 5.2, 10.6, 6.1, 612), ("2014-11-18", 9.4, 5.0, 10.9, 5.6, 540),
               ("2015-05-19", 10.1, 5.6, 11.1, 6.4, 702), ("2016-05-17", 9.8, 4.9, 10.8, 5.2, 488),
               ("2017-05-16", 10.8, 5.1, 10.4, 5.9, 455), ("2018-05-15", 10.3, 5.3, 11.0, 5.4, 398),
               ("2019-05-14", 10.5, 5.0, 10.9, 5.7, 421)]
    H["pth"] = []
    for d, cr, k, hb, ph, pth in hd_labs:
        e = c.enc("AMB", d, typ=FU, provider=NEPH, reason=[esrd], text="Dialysis monthly rounding - labs")
        creat(cr, d, e)
        c.lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", k, "mmol/L", d, low=3.5, high=5.1, enc=e)
        c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", hb, "g/dL", d, low=13.2, high=17.1, enc=e)
        c.lab("2777-1", "Phosphate [Mass/volume] in Serum or Plasma", ph, "mg/dL", d, low=2.5, high=4.5, enc=e,
              text="Phosphorus")
        H["pth"].append(c.lab("2731-8", "Parathyrin.intact [Mass/volume] in Serum or Plasma", pth, "pg/mL", d, low=15,
                              high=65, enc=e, text="PTH, intact"))
    k_ed = c.enc("EMER", "2015-09-02", "2015-09-02", typ=ED, provider=HOSP, t="06:15", t_end="14:00",
                 reason=[sct("14140009", "Hyperkalemia")], text="Weakness after missed dialysis")
    H["kmax"] = c.lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", 7.1, "mmol/L", "2015-09-02", low=3.5,
                      high=5.1, enc=k_ed, t="06:40")
    c.coded("8601-7", "EKG impression", None, "2015-09-02", enc=k_ed, cat="procedure", t="06:30",
            value_text="Peaked T waves, no QRS widening")
    c.note("ed", "2015-09-02", "ED note - hyperkalemia", (
        "ED NOTE\n52M ESRD on HD MWF, missed Monday session (car broke down). Generalized weakness. K 7.1, peaked T "
        "waves. Calcium gluconate, insulin/dextrose, albuterol neb. Emergent HD in ED dialysis unit, post-K 4.2. "
        "Discharged home; social work to arrange dialysis transport."),
        enc=k_ed, author="Dr. Lucinda Farrow-Oyelaran, MD (Emergency Medicine)")
    fg = c.enc("AMB", "2016-04-19", typ=SURG, provider=HOSP, reason=[esrd], text="Fistulagram")
    H["pta"] = c.proc(sct("175394008", "Percutaneous transluminal angioplasty of arteriovenous fistula"), "2016-04-19",
                      body_site=LFA, reason=[esrd], enc=fg, text="Fistulagram with balloon angioplasty, left AVF",
                      outcome="70% juxta-anastomotic stenosis dilated to 6 mm; <10% residual")
    hl = c.cond([sct("55822004", "Hyperlipidemia"), icd("E78.5", "Hyperlipidemia, unspecified")], "2016-05-17")
    H["statin"] = c.med("617310", "atorvastatin 20 MG Oral Tablet", "2016-05-17", "active", "20 mg by mouth at bedtime",
                        reason=[hl])
    # transplant evaluation
    ev = c.enc("AMB", "2017-11-14", typ=sct("11429006", "Consultation (procedure)"), provider=TX, reason=[esrd],
               text="Kidney transplant evaluation")
    c.imm("115", "Tdap", "2017-11-14", 1, "Td/Tdap booster", 1, enc=ev)
    H["donor_note"] = c.note("consult", "2017-11-14", "Transplant evaluation", (
        "KIDNEY TRANSPLANT EVALUATION\n54M ADPKD, on HD since 6/2013 via L RC AVF. Former smoker (20 pack-years, quit "
        "2005). Retired city bus mechanic - stopped working 2014 because of the dialysis schedule. Lives with wife "
        "Ines (retired teacher); independent ADLs; drives.\nPotential living donor: son Mateo (34) - work-up "
        "2018: excluded, multiple renal cysts on CT consistent with ADPKD. Will list for deceased donor kidney.\n"
        "Blood type O+. CMV IgG negative, EBV IgG positive. Large native kidneys - left nephrectomy before "
        "transplant to make room.\nCode status: Full code."), enc=ev, author="Dr. Sunniva Aldana-Roth, MD (Transplant Nephrology)")
    H["cmv_igg"] = c.coded("13949-3", "Cytomegalovirus IgG Ab [Presence] in Serum", sct("260385009", "Negative"),
                           "2017-11-14", enc=ev, interp="NEG")
    c.imm("187", "zoster recombinant", "2018-03-13", 1, "Zoster (RZV)", 2)
    c.imm("187", "zoster recombinant", "2018-06-12", 2, "Zoster (RZV)", 2)
    mra = c.report("37213-8", "MR Angiography Head", "2018-02-06", "RAD",
                   "No intracranial aneurysm. Normal circle of Willis.", ccodes=[sct("17621005", "Normal")])
    colo = c.proc(sct("73761001", "Colonoscopy"), "2017-12-19", outcome="Two 4 mm tubular adenomas removed; repeat 5 years")
    neph = c.enc("IMP", "2019-02-12", "2019-02-15", typ=SURG, provider=HOSP, adm="outp", disp="home", reason=[pkd],
                 t="06:30", text="Elective admission - left native nephrectomy")
    H["nephx"] = c.proc(sct("175905003", "Nephrectomy"), "2019-02-12", body_site=sct("18639004", "Left kidney structure"),
                        reason=[pkd], enc=neph, text="Left native nephrectomy (hand-assisted laparoscopic)",
                        outcome="3.2 kg polycystic kidney removed")
    c.report("60567-5", "Comprehensive pathology report panel", "2019-02-14", "SP",
             "Left kidney, nephrectomy: polycystic kidney disease (3,240 g, 25.5 cm). No malignancy.",
             ccodes=[sct("28728008", "Polycystic kidney disease, adult type")], enc=neph)
    # transplant
    txa = c.enc("IMP", "2019-08-14", "2019-08-21", typ=SURG, provider=HOSP, adm="other", disp="home", reason=[esrd],
                adm_text="From home - called in for deceased donor organ offer",
                t="02:00", text="Admission - deceased donor kidney transplant")
    H["tx_adm"] = txa
    stent = c.device(sct("30610008", "Ureteral stent"), "Double-J ureteral stent 6 Fr x 12 cm (transplant ureter)",
                     "inactive", manufacturer="Uropath Devices", model="DJ-612")
    H["tx"] = c.proc(sct("70536003", "Transplantation of kidney"), "2019-08-14",
                     body_site=sct("34516001", "Right iliac fossa"), reason=[esrd], enc=txa, t="06:00",
                     devices=[(("129407005", "Implantation"), stent)],
                     text="Deceased donor kidney transplant, right iliac fossa",
                     outcome="Immediate graft function; urine output in OR",
                     note="Donor: DBD, KDPI 38%, CMV D+/R-. Cold ischemia 14 h. Rabbit ATG induction.")
    H["stent_dus"] = c.dus(stent, "2019-08-14", "2019-09-20", status="completed", reason=[esrd])
    tx_cond = c.cond([sct("161665007", "History of renal transplant"), icd("Z94.0", "Kidney transplant status")],
                     "2019-08-14", enc=txa, text="Kidney transplant recipient (deceased donor, 2019-08-14)")
    H["txcond"] = tx_cond
    c.med("1657975", "antithymocyte globulin (rabbit) 25 MG Injection", "2019-08-14", "completed",
          "1.5 mg/kg IV daily x 3 doses", reason=[tx_cond], enc=txa, end="2019-08-16", text="Thymoglobulin induction")
    c.med("1743273", "methylPREDNISolone sodium succinate 500 MG Injection", "2019-08-14", "completed",
          "500 mg IV intraoperatively, then taper", reason=[tx_cond], enc=txa, end="2019-08-16")
    c.report("24558-9", "US Kidney", "2019-08-15", "RAD",
             "Transplant kidney right iliac fossa: normal size, patent artery and vein, resistive indices 0.62-0.68. No hydronephrosis or collection.",
             ccodes=[sct("17621005", "Normal")], enc=txa)
    H["tac1"] = c.med("197875", "tacrolimus 1 MG Oral Capsule", "2019-08-15", "stopped", "4 mg by mouth twice daily (8 AM / 8 PM)",
                      reason=[tx_cond], enc=txa, end="2020-02-14", stop_reason="Dose increased after acute rejection (low trough)",
                      stop_code="altchoice", text="Prograf")
    H["mmf1"] = c.med("311411", "mycophenolate mofetil 500 MG Oral Tablet", "2019-08-15", "stopped",
                      "1000 mg by mouth twice daily", reason=[tx_cond], enc=txa, end="2021-03-16",
                      stop_reason="BK viremia - dose reduced to 500 mg twice daily", stop_code="altchoice", text="CellCept")
    c.med("312615", "predniSONE 20 MG Oral Tablet", "2019-08-17", "completed",
          "20 mg daily, taper by 5 mg every 2 weeks to 5 mg", reason=[tx_cond], enc=txa, end="2019-11-19",
          text="prednisone taper")
    H["valcyte"] = c.med("861634", "valganciclovir 450 MG Oral Tablet", "2019-08-21", "completed",
                         "900 mg by mouth once daily (renally adjusted) x 6 months", reason=[tx_cond], enc=txa,
                         end="2020-02-21", text="Valcyte (CMV prophylaxis, D+/R-)")
    c.med("198335", "sulfamethoxazole 400 MG / trimethoprim 80 MG Oral Tablet", "2019-08-21", "completed",
          "1 tablet by mouth once daily (PJP prophylaxis) x 12 months", reason=[tx_cond], enc=txa, end="2020-08-21",
          text="Bactrim SS")
    H["asa"] = c.med("243670", "aspirin 81 MG Oral Tablet", "2019-08-21", "active", "81 mg by mouth daily",
                     reason=[tx_cond], enc=txa)
    c.note("discharge", "2019-08-21", "Discharge summary - kidney transplant", (
        "DISCHARGE SUMMARY - KIDNEY TRANSPLANT\nCalled in from home 8/14 for deceased donor offer (KDPI 38%, CMV D+/R-). "
        "DDKT to right iliac fossa with DJ stent. Thymoglobulin x3. Immediate function; Cr 9.8 -> 1.9 at discharge.\n"
        "Discharge meds: Prograf 4 mg bid (goal trough 8-10), CellCept 1000 mg bid, prednisone taper to 5 mg, Valcyte "
        "900 daily x6 months, Bactrim SS daily x12 months, amlodipine 10, atorvastatin 20, ASA 81. Stop Renvela, "
        "Sensipar, Epogen.\nStent removal in 4-6 weeks. Labs twice weekly. Home with wife."), enc=txa,
        author="Dr. Sunniva Aldana-Roth, MD (Transplant Nephrology)")
    post = [("2019-08-21", 1.9, 7.2), ("2019-08-28", 1.6, 9.8), ("2019-09-20", 1.4, 11.6), ("2019-10-23", 1.3, 9.1),
            ("2019-12-04", 1.3, 8.4), ("2020-02-10", 2.4, 4.1), ("2020-02-14", 1.9, None), ("2020-03-10", 1.5, 8.9),
            ("2020-06-16", 1.4, 7.8), ("2020-09-15", 1.4, 7.2), ("2021-03-16", 1.6, 8.1), ("2021-04-13", 1.7, 6.2),
            ("2021-06-08", 1.6, 5.9), ("2021-09-14", 1.5, 6.4), ("2022-01-11", 1.5, 6.8), ("2022-07-12", 1.4, 6.1),
            ("2023-01-17", 1.5, 5.8), ("2023-07-18", 1.5, 6.6), ("2024-01-16", 1.6, 6.3), ("2024-07-16", 1.5, 5.9),
            ("2025-01-14", 1.6, 6.1), ("2025-04-08", 1.5, 6.4)]
    bk = {"2020-09-15": None, "2021-03-16": 12400, "2021-04-13": 48200, "2021-06-08": 8900, "2021-09-14": 1100,
          "2022-01-11": None}
    H["post_cr"], H["tac"], H["bk"], H["tx_encs"] = [], [], [], {}
    for d, cr, tl in post:
        if d == "2019-08-21":
            e = txa
        elif d == "2020-02-14":
            e = None
        else:
            e = c.enc("AMB", d, typ=FU, provider=TX, reason=[tx_cond], text="Transplant clinic follow-up")
            H["tx_encs"][d] = e
            c.vitals(d, e, bp=(128 + RNG.randint(-6, 8), 78 + RNG.randint(-4, 6)), wt=round(84.0 + RNG.uniform(-2, 2), 1))
        H["post_cr"].append(creat(cr, d, e))
        if tl is not None:
            H["tac"].append(tac(tl, d, e))
        if d in bk:
            if bk[d] is None:
                H["bk"].append(c.coded("41478-5", "BK virus DNA [#/volume] (viral load) in Plasma by NAA with probe detection",
                                       sct("260415000", "Not detected"), d, enc=e, text="BK virus PCR, plasma"))
            else:
                H["bk"].append(c.lab("41478-5", "BK virus DNA [#/volume] (viral load) in Plasma by NAA with probe detection",
                                     bk[d], "copies/mL", d, high=500, enc=e, ucum="{copies}/mL", text="BK virus PCR, plasma",
                                     rr_text="<500 copies/mL (not detected)"))
        if d in ("2019-10-23", "2020-03-10"):
            c.coded("30247-1", "Cytomegalovirus DNA [#/volume] (viral load) in Plasma by NAA with probe detection",
                    sct("260415000", "Not detected"), d, enc=e, text="CMV PCR, plasma")
    H["stent_out"] = c.proc(sct("176240007", "Cystoscopy and removal of ureteric stent"), "2019-09-20",
                            reason=[tx_cond], enc=H["tx_encs"]["2019-09-20"], devices=[(("118292001", "Removal"), stent)],
                            text="Cystoscopic removal of transplant ureteral stent")
    H["pred5"] = c.med("198145", "predniSONE 5 MG Oral Tablet", "2019-11-20", "active", "5 mg by mouth once daily",
                       reason=[tx_cond], text="prednisone maintenance")
    c.imm("150", FLU, "2019-10-23", 1, "Influenza 2019-2020", 1, enc=H["tx_encs"]["2019-10-23"])
    # rejection
    rej_enc = c.enc("IMP", "2020-02-11", "2020-02-14", typ=ADMT, provider=HOSP, adm="outp", disp="home",
                    reason=[sct("236570004", "Renal transplant rejection")], t="08:00",
                    text="Admission - rising creatinine, transplant biopsy")
    H["rej_adm"] = rej_enc
    rej = c.cond([sct("236570004", "Renal transplant rejection"), icd("T86.11", "Kidney transplant rejection")],
                 "2020-02-11", status="resolved", abate="2020-03-10", enc=rej_enc,
                 text="Acute T-cell mediated rejection, Banff IA", note="Low tacrolimus trough (4.1) - missed evening doses over 2 weeks.")
    H["rej"] = rej
    H["bx1"] = c.proc(sct("175899003", "Needle biopsy of kidney"), "2020-02-11", body_site=sct("34516001", "Right iliac fossa"),
                      reason=[rej], enc=rej_enc, text="Ultrasound-guided transplant kidney biopsy", outcome="2 cores, no complications")
    H["bx1_path"] = c.report("60567-5", "Comprehensive pathology report panel", "2020-02-12", "SP",
                             "Transplant kidney biopsy: acute T-cell mediated rejection, Banff grade IA (i2 t2 v0). "
                             "C4d negative; no antibody-mediated rejection. SV40 immunostain negative. No significant IFTA.",
                             ccodes=[sct("236570004", "Renal transplant rejection")], enc=rej_enc,
                             performer="Prairie Meridian Renal Pathology")
    H["pulse"] = c.med("1743273", "methylPREDNISolone sodium succinate 500 MG Injection", "2020-02-12", "completed",
                       "500 mg IV daily x 3 doses", reason=[rej], enc=rej_enc, end="2020-02-14", text="Solu-Medrol pulse")
    H["tac2"] = c.med("197875", "tacrolimus 1 MG Oral Capsule", "2020-02-14", "stopped", "5 mg by mouth twice daily",
                      reason=[tx_cond], enc=rej_enc, end="2021-04-13",
                      stop_reason="Dose reduced for BK viremia (lower trough target 5-7)", stop_code="altchoice", text="Prograf")
    c.note("discharge", "2020-02-14", "Discharge summary - acute rejection", (
        "DISCHARGE SUMMARY\nAdmitted from transplant clinic 2/11: Cr 2.4 (baseline 1.3), tac trough 4.1. Patient admits "
        "missing evening Prograf doses for ~2 weeks (night shift volunteering at church food bank).\nBiopsy: acute "
        "TCMR Banff IA, C4d neg. Solu-Medrol 500 mg x3. Cr 1.9 at discharge. Prograf increased to 5 mg bid; pill "
        "organizer + phone alarms. Home."), enc=rej_enc, author="Dr. Sunniva Aldana-Roth, MD (Transplant Nephrology)")
    # BK viremia
    bkc = c.cond([sct("440298008", "Infection caused by BK polyomavirus"), icd("B97.89", "Other viral agents as the cause of diseases classified elsewhere")],
                 "2021-03-16", status="resolved", abate="2022-01-11", text="BK polyomavirus viremia")
    H["bkc"] = bkc
    H["mmf2"] = c.med("311411", "mycophenolate mofetil 500 MG Oral Tablet", "2021-03-16", "active", "500 mg by mouth twice daily",
                      reason=[tx_cond], enc=H["tx_encs"]["2021-03-16"], text="CellCept (reduced dose)")
    H["tac3"] = c.med("197875", "tacrolimus 1 MG Oral Capsule", "2021-04-13", "active", "3 mg by mouth twice daily",
                      reason=[tx_cond], enc=H["tx_encs"]["2021-04-13"], text="Prograf")
    bx2e = c.enc("AMB", "2021-06-09", typ=SURG, provider=HOSP, reason=[bkc], text="Transplant kidney biopsy (outpatient)")
    H["bx2"] = c.proc(sct("175899003", "Needle biopsy of kidney"), "2021-06-09", body_site=sct("34516001", "Right iliac fossa"),
                      reason=[bkc], enc=bx2e, text="Ultrasound-guided transplant kidney biopsy", outcome="2 cores, no complications")
    H["bx2_path"] = c.report("60567-5", "Comprehensive pathology report panel", "2021-06-10", "SP",
                             "Transplant kidney biopsy: no rejection. SV40 immunostain negative - no BK polyomavirus nephropathy. "
                             "Mild interstitial fibrosis and tubular atrophy (ci1 ct1).",
                             ccodes=[sct("17621005", "Normal")], enc=bx2e, performer="Prairie Meridian Renal Pathology")
    # skin cancer
    scc_e = c.enc("AMB", "2023-08-22", typ=sct("11429006", "Consultation (procedure)"), provider="Verrin Dermatology",
                  text="Dermatology - lesion right forearm")
    scc = c.cond([sct("402815007", "Squamous cell carcinoma of skin"),
                  icd("C44.621", "Squamous cell carcinoma of skin of unspecified upper limb, including shoulder")],
                 "2023-08-22", status="resolved", abate="2023-09-12", enc=scc_e, text="Squamous cell carcinoma of skin, right forearm",
                 body_site=sct("64262003", "Structure of right forearm"))
    H["scc"] = scc
    c.proc(sct("177302008", "Excision of lesion of skin"), "2023-09-12", body_site=sct("64262003", "Structure of right forearm"),
           reason=[scc], text="Excision of SCC right forearm with 4 mm margins", outcome="Margins clear")
    H["scc_path"] = c.report("60567-5", "Comprehensive pathology report panel", "2023-09-14", "SP",
                             "Skin, right forearm, excision: well-differentiated squamous cell carcinoma, 7 mm, margins clear.",
                             ccodes=[sct("402815007", "Squamous cell carcinoma of skin")])
    # immunizations
    H["ppsv"] = [c.imm("33", "pneumococcal polysaccharide PPV23", "2014-01-21", 1, "PPSV23", 2),
                 c.imm("33", "pneumococcal polysaccharide PPV23", "2019-01-15", 2, "PPSV23", 2)]
    c.imm("133", "Pneumococcal conjugate PCV 13", "2013-01-15", 1, "PCV13", 1)
    for d in ("2013-10-08", "2014-10-14", "2015-10-13", "2016-10-11", "2017-10-10", "2018-10-09", "2020-10-13",
              "2021-10-12", "2022-10-11", "2023-10-10", "2024-10-08"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    for d, n in (("2021-01-19", 1), ("2021-02-16", 2), ("2021-08-24", 3)):
        c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", d, n,
              "COVID-19 primary (immunocompromised, 3 doses)", 3)
    yf_e = c.enc("AMB", "2022-05-10", typ=sct("11429006", "Consultation (procedure)"), provider="Prairie Meridian Travel Clinic",
                 text="Travel consultation - Ghana")
    H["yf"] = c.imm("37", "yellow fever", "2022-05-10", None, status="not-done", reason="MEDPREC", enc=yf_e,
                    note="Live vaccine contraindicated on tacrolimus/mycophenolate/prednisone; medical waiver letter issued.")
    # care plan and goals
    g1 = c.goal("Tacrolimus trough 5-8 ng/mL after first year", "2020-09-15", achievement="sustaining",
                addresses=[tx_cond], target={"measure": lnc("11253-4", "Tacrolimus [Mass/volume] in Blood"), "low": 5,
                                             "high": 8, "unit": "ng/mL"})
    g2 = c.goal("Blood pressure below 130/80 mmHg", "2019-08-21", achievement="in-progress", addresses=[htn])
    H["tac_goal"] = g1
    c.careplan("Kidney transplant follow-up plan", sct("734163000", "Care plan (record artifact)"), "2019-08-21",
               "Lifelong immunosuppression with trough monitoring, infection and cancer surveillance",
               ["Tacrolimus trough, creatinine, CBC every 3 months (monthly in year 1)",
                "BK virus PCR monthly x6, then every 3 months to 2 years",
                "Annual full skin examination (dermatology)",
                "No live vaccines",
                "Sun protection SPF 50"], addresses=[tx_cond], goals=[g1, g2])
    # family / social
    c.fmh("MTH", "mother", [(sct("28728008", "Polycystic kidney disease, adult type"), 40),
                            (sct("46177005", "End-stage renal disease"), 58, True)], "female", "2017-11-14", deceased=64)
    c.fmh("BRO", "brother", [(sct("28728008", "Polycystic kidney disease, adult type"), 45)], "male", "2017-11-14")
    c.fmh("FTH", "father", [(sct("53741008", "Coronary arteriosclerosis"), 66)], "male", "2017-11-14", deceased=79)
    H["smk"] = c.smoking("2017-11-14", "8517006", "Ex-smoker", enc=ev, note="20 pack-years; quit 2005")
    e = H["tx_encs"]["2025-04-08"]
    H["last_note"] = c.note("progress", "2025-04-08", "Transplant clinic follow-up", (
        "TRANSPLANT CLINIC NOTE\n62M, DDKT 8/14/2019 for ADPKD. Cr 1.5 (stable baseline 1.4-1.6). Tac trough 6.4 on "
        "Prograf 3 mg bid; CellCept 500 bid; pred 5. BK PCR negative since 1/2022. No rejection since 2020.\n"
        "Derm 3/2025: no new lesions. Volunteers at church food bank (days only now). Lives with wife Ines.\n"
        "Plan: labs q3 months; continue current immunosuppression."), enc=e,
        author="Dr. Sunniva Aldana-Roth, MD (Transplant Nephrology)")
    return c, H


def questions_p3(c, H):
    tac = obs(c, "11253-4")
    Q(c, "last tac level", "lab_latest", [tac[-1]], [val(tac[-1]), day(tac[-1])])
    Q(c, "is he on prograf, what dose", "med_brand", [H["tac3"]], ["tacrolimus", "3 mg"])
    imm = meds(c, ["tacrolimus", "mycophenolate", "prednisone"], "active")
    Q(c, "any immunosupressants", "med_class", imm, ["tacrolimus", "mycophenolate", "prednisone"])
    Q(c, "why was the cellcept dose reduced", "med_stopped_why", [H["mmf1"]], ["BK viremia"])
    cr = obs(c, "2160-0")
    txd = day(H["tx"])
    post = [o for o in cr if day(o) > txd]
    worst = vmax(post)
    Q(c, "creatnine trend since the transplant", "lab_trend", [post[0], worst, post[-1]], [val(post[0]), val(post[-1])])
    Q(c, "worst cr since tx", "lab_extreme", [worst], [val(worst), day(worst)])
    Q(c, "rejection ever? what did the bx show", "pathology", [H["bx1_path"], H["rej"]],
      ["T-cell mediated rejection", "Banff grade IA"])
    bkq = [o for o in obs(c, "41478-5") if "valueQuantity" in o]
    pk = vmax(bkq)
    Q(c, "peak bk viral load", "lab_extreme", [pk], [val(pk)])
    bkall = obs(c, "41478-5")
    Q(c, "bk cleared?", "lab_latest", [bkall[-1]], ["Not detected", day(bkall[-1])])
    Q(c, "was he on valcite and for how long", "med_brand", [H["valcyte"]],
      ["valganciclovir", H["valcyte"]["dispenseRequest"]["validityPeriod"]["start"],
       H["valcyte"]["dispenseRequest"]["validityPeriod"]["end"]])
    Q(c, "when did he start HD", "procedure", [H["hd"]], [day(H["hd"])])
    Q(c, "fistula which arm", "procedure", [H["avf"]], ["left"])
    Q(c, "ureteral stent out?", "device", [H["stent_dus"], H["stent_out"]], ["2019-09-20"], match="any")
    Q(c, "ace inhibitor allergy?", "allergy", [H["acei_allergy"]], ["lisinopril", "Angioedema"])
    Q(c, "any skin ca", "condition_group", [H["scc"]], ["squamous cell carcinoma"])
    adm = encs(c, "IMP")
    Q(c, "how many times has he been admitted", "encounter_count", adm, [str(len(adm))])
    Q(c, "rejection admission - where was he admitted from", "encounter_detail", [H["rej_adm"]],
      [H["rej_adm"]["hospitalization"]["admitSource"]["coding"][0]["display"]])
    k = obs(c, "2823-3")
    summer = in_range(tac, "%d-06-01" % (int(c.now[:4]) - 1), "%d-08-31" % (int(c.now[:4]) - 1))
    Q(c, "tac level last summer", "lab_at_time", summer, [val(o) for o in summer])
    Q(c, "did he get the yellow fever shot", "imm_not_done", [H["yf"]], ["medical precaution"])
    Q(c, "pneumovax dates", "imm_series", H["ppsv"], [day(x) for x in H["ppsv"]])
    Q(c, "could his son donate?", "note_only", [H["donor_note"]], ["excluded", "cysts"])
    st = meds(c, ["atorvastatin", "simvastatin", "rosuvastatin", "pravastatin"], "active")
    fam = [f for f in rtype(c, "FamilyMemberHistory") if any("28728008" in codes_of(y) for y in f["condition"])]
    Q(c, "fam hx kidney disease", "family_hx", fam, ["mother", "brother"])
    pth_pre = [o for o in obs(c, "2731-8") if day(o) < txd]
    at_rej = closest(tac, day(H["rej"]))
    Q(c, "tac level when he rejected", "lab_at_time", [at_rej], [val(at_rej)])
    Q(c, "target trough range", "careplan_goal", [H["tac_goal"]], ["5-8"])
    # abstain
    Q(c, "is he on a mood stabilizer", "med_class", absent=["lithium", "valpro", "lamotrigine", "mood stabilizer", "carbamazepine"])
    Q(c, "epipen rx?", "med_brand", absent=["epinephrine", "epipen"])
    Q(c, "ever had chemo", "med_ever", absent=["chemotherapy", "doxorubicin", "paclitaxel", "cyclophosphamide"])
    Q(c, "humira start date", "med_brand", absent=["adalimumab", "humira"])
    Q(c, "cgm data?", "device", absent=["continuous glucose", "cgm", "dexcom", "libre"])
    Q(c, "dexa results", "imaging_path", absent=["dxa", "dexa", "bone density", "t-score"])


# ===========================================================================
# Patient 4: woman ~40, bipolar I: valproate -> lithium (levels, TSH, creatinine),
# olanzapine -> quetiapine, involuntary admission, lithium toxicity, quetiapine
# overdose with second admission, lamotrigine, IUD contraception.
# ===========================================================================
def build_p4():
    c = Chart(4, "-08:00", "2025-03-18", "bundle-transaction")
    c.history = ("Woman born 1985: bipolar I since 2012; divalproex -> lithium 2016 (toxicity ED 2018, lithium-induced "
                 "hypothyroidism), olanzapine -> quetiapine, involuntary admission 2014, quetiapine overdose with "
                 "admission 2020, lamotrigine added, levonorgestrel IUDs")
    c.make_patient("Arceneaux", ["Delphine", "Rosalie"], "female", "1985-07-03", "77 Larkspur Terrace Apt 4B", "Fennwick",
                   "WA", "98999", "B7-400329", "555-0188", marital=("T", "Domestic partner"),
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"))],
                             "name": {"family": "Lindqvist-Moreau", "given": ["Kai"], "text": "Kai Lindqvist-Moreau"},
                             "telecom": [{"system": "phone", "value": "555-0189", "use": "mobile"}]}])
    H = {}
    PSY = "Fennwick Behavioral Health"
    PCP = "Fennwick Community Clinic"
    HOSP = "Cedar Sound Regional Medical Center"
    FU = sct("390906007", "Follow-up encounter (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    PADM = sct("305342007", "Admission to psychiatry department")
    FLU = "Influenza, injectable, quadrivalent, preservative free"

    def li(v, d, e=None):
        return c.lab("14334-7", "Lithium [Moles/volume] in Serum or Plasma", v, "mmol/L", d, low=0.6, high=1.2, enc=e,
                     text="Lithium level", note="12-h post-dose trough" if d != "2018-07-22" else "Random level in ED")

    # HPV catch-up
    for d, n in (("2012-01-10", 1), ("2012-03-13", 2), ("2012-07-10", 3)):
        e = c.enc("AMB", d, typ=sct("185349003", "Encounter for check up (procedure)"), provider=PCP, text="Primary care visit")
        c.imm("62", "HPV, quadrivalent", d, n, "HPV4 catch-up", 3, enc=e)
        if n == 1:
            c.vitals(d, e, bp=(112, 70), wt=64.1, ht=167.6, bmi=22.8, hr=76)
            H["smk0"] = c.smoking(d, "449868002", "Smokes tobacco daily", enc=e, note="About half a pack per day")
    bp1 = c.cond([sct("371596008", "Bipolar I disorder"), icd("F31.9", "Bipolar disorder, unspecified")], "2012-05-15",
                 text="Bipolar I disorder", note="First manic episode 5/2012; psychotic mania 2014; depressive episodes 2019, 2020.")
    H["bp1"] = bp1
    intake = c.enc("AMB", "2012-05-15", typ=sct("11429006", "Consultation (procedure)"), provider=PSY, reason=[bp1],
                   text="Psychiatric intake")
    c.vitals("2012-05-15", intake, bp=(118, 74), wt=63.8, hr=92)
    H["intake_note"] = c.note("hp", "2012-05-15", "Psychiatric intake", (
        "PSYCHIATRIC INTAKE\n26F, one week of decreased need for sleep (2-3 h/night), pressured speech, spending "
        "~$4,000, started 3 business plans; no psychosis. Prior depressive episode age 19 untreated.\n"
        "Family: father had bipolar disorder and died by suicide at 52.\nSocial: pastry chef at Halvorsen Bakery; "
        "lives alone; cannabis most evenings; smokes 1/2 ppd; alcohol 2-3 drinks/weekend.\nDx: bipolar I, current "
        "episode manic, moderate, without psychotic features. Start Depakote ER 500 mg qhs -> 1000 mg. Level in 2 wk."),
        enc=intake, author="Dr. Ingrid Halloway-Sato, MD (Psychiatry)")
    H["vpa"] = c.med("1099678", "divalproex sodium 500 MG Extended Release Oral Tablet", "2012-05-15", "stopped",
                     "1000 mg by mouth at bedtime", reason=[bp1], enc=intake, end="2016-08-30",
                     stop_reason="Weight gain (+14 kg) and teratogenic risk; not on reliable contraception",
                     stop_code="sintol", text="Depakote ER")
    vpa_levels = [("2012-06-12", 68), ("2013-01-15", 74), ("2014-03-19", 38), ("2015-02-17", 81), ("2016-02-16", 77)]
    H["vpa_lv"] = []
    for d, v in vpa_levels:
        e = None
        if d != "2014-03-19":
            e = c.enc("AMB", d, typ=FU, provider=PSY, reason=[bp1], text="Psychiatry medication management")
            c.vitals(d, e, wt={"2012-06-12": 65.0, "2013-01-15": 68.9, "2015-02-17": 75.2, "2016-02-16": 77.8}[d],
                     bp=(118, 76))
        H["vpa_lv"].append((d, v, e))
    # 2014 involuntary admission
    ed1 = c.enc("EMER", "2014-03-19", "2014-03-20", typ=ED, provider=HOSP, t="23:40", t_end="14:00",
                reason=[sct("231494001", "Mania")], text="Brought in by police - manic, psychotic")
    c.vitals("2014-03-19", ed1, bp=(142, 90), hr=118, temp=37.2, t="23:50")
    for d, v, e in H["vpa_lv"]:
        o = c.lab("4086-4", "Valproate [Mass/volume] in Serum or Plasma", v, "ug/mL", d, low=50, high=100,
                  enc=e or ed1, text="Valproic acid level")
    c.coded("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", sct("260385009", "Negative"),
            "2014-03-19", enc=ed1, t="23:55", text="Urine hCG")
    c.coded("19295-5", "Cannabinoids [Presence] in Urine by Screen method", sct("10828004", "Positive"), "2014-03-19",
            enc=ed1, t="23:55", interp="A", text="Urine drug screen - cannabinoids")
    H["hal_all"] = c.allergy([sct("293491002", "Haloperidol adverse reaction")], "2014-03-20", "medication", "high",
                             [sct("15802004", "Dystonia")], "moderate", atype="intolerance",
                             substance=(RXNORM, "5093", "haloperidol"),
                             description="Acute dystonic reaction (torticollis, oculogyric crisis) 2 h after haloperidol 5 mg IM; resolved with benztropine.")
    c.med("1719291", "haloperidol lactate 5 MG/ML Injectable Solution", "2014-03-20", "completed",
          "5 mg IM once for severe agitation", reason=[bp1], enc=ed1, end="2014-03-20", course="acute")
    c.med("1856524", "benztropine mesylate 1 MG/ML Injectable Solution", "2014-03-20", "completed",
          "2 mg IM once for acute dystonia", reason=[sct("15802004", "Dystonia")], enc=ed1, end="2014-03-20",
          course="acute")
    adm1 = c.enc("IMP", "2014-03-20", "2014-04-04", typ=PADM, provider=HOSP, adm="emd", disp="home", reason=[bp1],
                 t="14:00", text="Involuntary psychiatric admission (72-hour hold, then 14-day certification)",
                 disp_text="Home (mother's house)")
    H["adm1"] = adm1
    H["olz"] = c.med("314154", "olanzapine 15 MG Oral Tablet", "2014-03-20", "stopped", "15 mg by mouth at bedtime",
                     reason=[bp1], enc=adm1, end="2015-04-14",
                     stop_reason="Weight gain and elevated triglycerides", stop_code="sintol", text="Zyprexa")
    c.med("197901", "lorazepam 1 MG Oral Tablet", "2014-03-20", "completed",
          "1 mg by mouth or IM every 6 hours as needed for agitation", reason=[bp1], enc=adm1, end="2014-04-04",
          course="acute")
    H["mri"] = c.report("24590-2", "MR Brain WO contrast", "2014-03-25", "RAD",
                        "Normal MRI of the brain. No mass, hemorrhage or white matter disease.",
                        ccodes=[sct("17621005", "Normal")], enc=adm1)
    H["dc1"] = c.note("discharge", "2014-04-04", "Discharge summary - psychiatry", (
        "PSYCHIATRY DISCHARGE SUMMARY\nLegal status: involuntary - 72-hour emergency detention (brought by police after "
        "shouting at traffic, believed she was receiving messages from the radio), converted to 14-day involuntary "
        "treatment order. Became voluntary 3/31.\nDx: bipolar I, current episode manic, severe, with psychotic features. "
        "Depakote level 38 on arrival (stopped taking 3 weeks ago). UDS + cannabis. MRI brain normal.\n"
        "Acute dystonia after Haldol IM in ED - list as intolerance. Olanzapine 15 qhs + Depakote ER 1000 resumed.\n"
        "Discharged to mother's home (Marguerite Arceneaux). Follow-up Fennwick Behavioral Health 4/15."), enc=adm1,
        author="Dr. Tobiah Ekwueme-Strand, MD (Inpatient Psychiatry)")
    cud = c.cond([sct("441527004", "Cannabis use"), icd("F12.10", "Cannabis abuse, uncomplicated")], "2014-03-20",
                 status="remission", enc=adm1, text="Cannabis use disorder, mild", note="Abstinent since 2021 per patient.")
    e = c.enc("AMB", "2014-04-15", typ=FU, provider=PSY, reason=[bp1], text="Post-discharge psychiatry follow-up")
    c.vitals("2014-04-15", e, wt=70.6, bp=(116, 74))
    # olanzapine -> quetiapine
    e = c.enc("AMB", "2015-04-14", typ=FU, provider=PSY, reason=[bp1], text="Psychiatry medication management")
    c.vitals("2015-04-14", e, wt=76.9, bp=(124, 80))
    H["tg"] = [c.lab("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", 312, "mg/dL", "2015-04-14", high=149,
                     enc=e, text="Triglycerides")]
    H["a1c"] = [c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 5.6, "%", "2015-04-14", high=5.6, enc=e,
                      text="Hemoglobin A1c")]
    H["q300"] = c.med("312743", "quetiapine 300 MG Oral Tablet", "2015-04-14", "stopped", "300 mg by mouth at bedtime",
                      reason=[bp1], enc=e, end="2020-11-10",
                      stop_reason="Intentional overdose on quetiapine; restarted at lower dose with limited weekly dispensing",
                      stop_code="drughigh", text="Seroquel 300 mg")
    # switch valproate -> lithium
    e = c.enc("AMB", "2016-08-30", typ=FU, provider=PSY, reason=[bp1], text="Psychiatry - medication change")
    c.vitals("2016-08-30", e, wt=78.1, bp=(122, 78))
    H["cr"] = [c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 0.72, "mg/dL", "2016-08-30", low=0.57,
                     high=1.00, enc=e)]
    H["tsh"] = [c.lab("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", 1.9, "m[IU]/L", "2016-08-30", low=0.45,
                      high=4.5, enc=e, text="TSH")]
    c.lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 139, "mmol/L", "2016-08-30", low=135, high=145, enc=e)
    H["li300"] = c.med("197889", "lithium carbonate 300 MG Oral Capsule", "2016-08-30", "stopped",
                       "300 mg by mouth twice daily", reason=[bp1], enc=e, end="2017-01-10",
                       stop_reason="Level 0.5 - changed to extended-release 450 mg twice daily", stop_code="altchoice")
    H["switch_note"] = c.note("progress", "2016-08-30", "Psychiatry - medication change", (
        "PSYCHIATRY PROGRESS NOTE\nStable mood x2 years on Depakote ER 1000 + Seroquel 300. Weight up 14 kg since 2012 "
        "(63.8 -> 78.1). She and partner Kai are considering children in a few years; no reliable contraception. "
        "Valproate teratogenicity discussed at length.\nPlan: cross-taper Depakote -> lithium carbonate 300 mg bid; "
        "baseline TSH 1.9, Cr 0.72, Na 139. GYN referral for LNG-IUD. Lithium counseling: hydration, avoid NSAIDs, "
        "sick-day rules. Level in 1-2 weeks."), enc=e, author="Dr. Ingrid Halloway-Sato, MD (Psychiatry)")
    gyn = c.enc("AMB", "2016-09-20", typ=sct("11429006", "Consultation (procedure)"), provider="Fennwick Women's Health",
                text="Contraception - IUD insertion")
    c.coded("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", sct("260385009", "Negative"),
            "2016-09-20", enc=gyn, text="Urine hCG")
    iud1 = c.device(sct("468018005", "Levonorgestrel intrauterine device"), "Levonorgestrel-releasing IUD 52 mg (Mirena)",
                    "inactive", manufacturer="Bayer HealthCare", lot="TU05K2L", expiry="2021-12-31")
    H["iud1_in"] = c.proc(sct("65200003", "Insertion of intrauterine contraceptive device"), "2016-09-20", enc=gyn,
                          reason=[sct("13197004", "Contraception")], devices=[(("129407005", "Implantation"), iud1)],
                          outcome="Uncomplicated; strings 3 cm", text="LNG-IUD insertion")
    c.dus(iud1, "2016-09-20", "2021-09-14", status="completed")
    c.imm("115", "Tdap", "2016-09-20", 1, "Td/Tdap booster", 1, enc=gyn)
    li_levels = [("2016-09-13", 0.5), ("2017-01-24", 0.8), ("2017-07-18", 0.9), ("2018-01-16", 0.8), ("2018-07-22", 1.6),
                 ("2018-08-07", 0.9), ("2019-02-19", 0.8), ("2019-08-20", 0.9), ("2020-02-18", 0.7), ("2020-11-03", 1.1),
                 ("2021-05-18", 0.8), ("2021-11-16", 0.9), ("2022-05-17", 0.8), ("2022-11-15", 0.9), ("2023-05-16", 0.8),
                 ("2023-11-14", 0.7), ("2024-05-14", 0.8), ("2024-11-12", 0.9), ("2025-03-04", 0.8)]
    annual = {"2017-07-18": (0.78, 2.3, None), "2018-08-07": (0.81, 3.4, None), "2019-02-19": (0.86, 7.8, 1.0),
              "2020-02-18": (0.88, 2.6, None), "2021-05-18": (0.94, 2.1, None), "2022-05-17": (0.97, 2.4, None),
              "2023-05-16": (1.02, 1.8, None), "2024-05-14": (1.05, 2.2, None), "2025-03-04": (1.04, 2.0, None)}
    wts = {"2017-07-18": 76.4, "2018-01-16": 75.0, "2019-02-19": 73.8, "2019-08-20": 73.1, "2020-02-18": 72.6,
           "2021-05-18": 73.9, "2022-05-17": 72.8, "2023-05-16": 72.4, "2024-05-14": 71.9, "2025-03-04": 72.2}
    H["li"], H["psy_encs"] = [], {}
    for d, v in li_levels:
        if d in ("2018-07-22", "2020-11-03"):
            continue  # recorded with the ED visits below
        e = c.enc("AMB", d, typ=FU, provider=PSY, reason=[bp1], text="Psychiatry medication management")
        H["psy_encs"][d] = e
        H["li"].append(li(v, d, e))
        if d in wts:
            c.vitals(d, e, wt=wts[d], bp=(116 + RNG.randint(0, 8), 72 + RNG.randint(0, 6)), hr=70 + RNG.randint(0, 10))
        if d in annual:
            cr, tsh, ft4 = annual[d]
            H["cr"].append(c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", cr, "mg/dL", d, low=0.57,
                                 high=1.00, enc=e))
            H["tsh"].append(c.lab("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", tsh, "m[IU]/L", d, low=0.45,
                                  high=4.5, enc=e, text="TSH"))
            if ft4:
                H["ft4"] = c.lab("3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", 0.8, "ng/dL", d,
                                 low=0.82, high=1.77, enc=e, text="Free T4")
            if d >= "2023-01-01":
                c.lab("98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)",
                      {"2023-05-16": 71, "2024-05-14": 69, "2025-03-04": 70}[d], "mL/min/{1.73_m2}", d, low=60, enc=e,
                      text="eGFR")
    e = c.enc("AMB", "2017-01-10", typ=FU, provider=PSY, reason=[bp1], text="Psychiatry medication management")
    H["li450"] = c.med("1117294", "lithium carbonate 450 MG Extended Release Oral Tablet", "2017-01-10", "active",
                       "450 mg by mouth twice daily", reason=[bp1], enc=e, text="lithium ER 450 mg")
    tremor = c.cond([sct("26079004", "Tremor"), icd("G25.1", "Drug-induced tremor")], "2017-07-18",
                    text="Lithium-induced postural tremor")
    H["prop"] = c.med("856448", "propranolol hydrochloride 10 MG Oral Tablet", "2017-07-18", "active",
                      "10 mg by mouth twice daily", reason=[tremor], enc=H["psy_encs"]["2017-07-18"], text="propranolol")
    H["tremor"] = tremor
    # lithium toxicity ED
    ed2 = c.enc("EMER", "2018-07-22", "2018-07-22", typ=ED, provider=HOSP, t="09:30", t_end="21:00",
                reason=[sct("69617001", "Lithium toxicity")], text="Vomiting, diarrhea, coarse tremor", disp="home")
    c.vitals("2018-07-22", ed2, bp=(98, 60), hr=112, temp=37.8, t="09:40")
    H["li_tox"] = li(1.6, "2018-07-22", ed2)
    H["li"].append(H["li_tox"])
    c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 1.31, "mg/dL", "2018-07-22", low=0.57, high=1.00,
          enc=ed2, t="10:00")
    H["tox"] = c.cond([sct("69617001", "Lithium toxicity"),
                       icd("T43.595A", "Adverse effect of other antipsychotics and neuroleptics, initial encounter")],
                      "2018-07-22", status="resolved", abate="2018-07-24", enc=ed2, cat="encounter-diagnosis",
                      note="Viral gastroenteritis + ibuprofen 800 mg tid for back strain -> dehydration, AKI (Cr 1.31).")
    H["tox_note"] = c.note("ed", "2018-07-22", "ED note - lithium toxicity", (
        "ED NOTE\n33F on lithium ER 450 bid with 2 days vomiting/diarrhea, coarse tremor, mild confusion. Also taking "
        "ibuprofen 800 mg three times a day for back strain. Li 1.6, Cr 1.31. IV NS 3 L, lithium held 48 h. Repeat Li "
        "1.0 at 20:00, tremor improved, tolerating PO. Discharged home; partner Kai to supervise. No NSAIDs - "
        "acetaminophen only."), enc=ed2, author="Dr. Lucien Abara-Moss, MD (Emergency Medicine)")
    # hypothyroid
    hypo = c.cond([sct("40930008", "Hypothyroidism"), icd("E03.2", "Hypothyroidism due to medicaments and other exogenous substances")],
                  "2019-02-19", text="Lithium-induced hypothyroidism", enc=H["psy_encs"]["2019-02-19"])
    H["hypo"] = hypo
    H["thy_us"] = c.report("24842-7", "US Thyroid", "2019-03-01", "RAD",
                           "Diffusely heterogeneous, mildly enlarged thyroid gland. No discrete nodules.",
                           ccodes=[sct("40930008", "Hypothyroidism")])
    H["levo"] = c.med("966247", "levothyroxine sodium 0.05 MG Oral Tablet", "2019-03-05", "active",
                      "50 mcg by mouth every morning on an empty stomach", reason=[hypo], text="levothyroxine 50 mcg")
    c.smoking("2019-02-19", "8517006", "Ex-smoker", enc=H["psy_encs"]["2019-02-19"], note="Quit 1/2019 with nicotine patch")
    c.med("198029", "nicotine 0.875 MG/HR 24HR Transdermal System", "2019-01-08", "completed",
          "Apply 1 patch (21 mg/24 h) daily x 6 weeks, then step down", reason=[sct("56294008", "Nicotine dependence")],
          end="2019-03-31", course="acute")
    e = c.enc("AMB", "2019-09-17", typ=FU, provider=PSY, reason=[bp1], text="Psychiatry - depressive episode")
    H["sert"] = c.med("312940", "sertraline 50 MG Oral Tablet", "2019-09-17", "stopped", "50 mg by mouth daily",
                      reason=[bp1], enc=e, end="2019-10-22", stop_reason="Hypomanic switch", stop_code="sintol")
    c.enc("AMB", "2019-10-22", typ=FU, provider=PSY, reason=[bp1], text="Psychiatry - hypomania after sertraline")
    H["flu_nd"] = c.imm("150", FLU, "2019-10-08", None, status="not-done", reason="PATOBJ",
                        note="Declined - believes last year's shot made her sick.")
    # 2020 overdose
    ed3 = c.enc("EMER", "2020-11-03", "2020-11-04", typ=ED, provider=HOSP, t="22:15", t_end="09:00",
                reason=[sct("274228002", "Intentional drug overdose")], text="Intentional overdose")
    c.vitals("2020-11-03", ed3, bp=(92, 54), hr=124, rr=14, spo2=96, t="22:20")
    H["od_li"] = li(1.1, "2020-11-03", ed3)
    H["li"].append(H["od_li"])
    H["qtc"] = c.lab("8636-3", "Q-T interval corrected", 478, "ms", "2020-11-03", high=460, enc=ed3, cat="procedure",
                     t="22:30", text="QTc")
    H["ecg"] = c.report("11524-6", "EKG study", "2020-11-03", "EC",
                        "Sinus tachycardia 122 bpm. QTc 478 ms (prolonged). No arrhythmia.",
                        ccodes=[sct("111975006", "Prolonged QT interval")], results=[H["qtc"]], enc=ed3, t="22:30")
    c.lab("3298-5", "Acetaminophen [Mass/volume] in Serum or Plasma", 5, "ug/mL", "2020-11-03", high=10, enc=ed3,
          t="22:40", text="Acetaminophen level", note="<10 ug/mL, 4 h post-ingestion")
    c.lab("5643-2", "Ethanol [Mass/volume] in Serum or Plasma", 80, "mg/dL", "2020-11-03", high=10, enc=ed3, t="22:40",
          text="Ethanol level")
    c.coded("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", sct("260385009", "Negative"),
            "2020-11-03", enc=ed3, text="Urine hCG")
    H["od"] = c.cond([sct("274228002", "Intentional drug overdose"),
                      icd("T43.592A", "Poisoning by other antipsychotics and neuroleptics, intentional self-harm, initial encounter")],
                     "2020-11-03", status="resolved", abate="2020-11-04", enc=ed3, cat="encounter-diagnosis",
                     text="Intentional overdose of quetiapine (about 6 g) with alcohol")
    H["charcoal"] = c.proc(sct("225357009", "Administration of activated charcoal"), "2020-11-03", enc=ed3, t="22:45",
                           reason=[H["od"]], outcome="50 g activated charcoal PO, tolerated")
    adm2 = c.enc("IMP", "2020-11-04", "2020-11-17", typ=PADM, provider=HOSP, adm="emd", disp="oth", reason=[bp1],
                 t="09:00", text="Voluntary psychiatric admission after overdose",
                 disp_text="Partial hospitalization program (Cedar Sound PHP)")
    H["adm2"] = adm2
    H["ltg25"] = c.med("198427", "lamotrigine 25 MG Oral Tablet", "2020-11-10", "stopped",
                       "25 mg daily x 2 weeks, then 50 mg daily x 2 weeks, then 100 mg daily", reason=[bp1], enc=adm2,
                       end="2021-01-05", stop_reason="Titration complete", stop_code="altchoice", text="Lamictal starter")
    H["q100"] = c.med("312741", "quetiapine 100 MG Oral Tablet", "2020-11-10", "active",
                      "100 mg by mouth at bedtime; dispense 7 days at a time (weekly blister pack)", reason=[bp1],
                      enc=adm2, text="Seroquel 100 mg")
    c.imm("150", FLU, "2020-11-10", 1, "Influenza 2020-2021", 1, enc=adm2)
    H["dc2"] = c.note("discharge", "2020-11-17", "Discharge summary - psychiatry", (
        "PSYCHIATRY DISCHARGE SUMMARY\nVoluntary admission 11/4-11/17/2020 after intentional overdose of ~20 x Seroquel "
        "300 mg with wine in the context of a depressive episode (job loss - bakery closed in the pandemic).\n"
        "Medically cleared in ED: QTc 478, APAP neg, Li 1.1, EtOH 80.\nStarted Lamictal titration (25 mg). Seroquel "
        "reduced to 100 mg qhs, 7-day blister packs. Lithium ER 450 bid continued.\nSafety plan completed; lethal means "
        "counseling: partner Kai holds the medications and dispenses weekly. Household: Kai and her son Theo (9) moved "
        "in 2019.\nDisposition: Cedar Sound partial hospitalization program starting 11/18."), enc=adm2,
        author="Dr. Tobiah Ekwueme-Strand, MD (Inpatient Psychiatry)")
    H["dbt"] = c.proc(sct("228557008", "Cognitive and behavioral therapy"), period=("2020-12-01", "2021-06-29"),
                      reason=[bp1], text="DBT skills group (weekly)", outcome="Completed 26 sessions",
                      performer="Fennwick Behavioral Health")
    e = c.enc("AMB", "2021-01-05", typ=FU, provider=PSY, reason=[bp1], text="Psychiatry medication management")
    H["ltg"] = c.med("198429", "lamotrigine 150 MG Oral Tablet", "2021-01-05", "active", "150 mg by mouth once daily",
                     reason=[bp1], enc=e, text="Lamictal 150 mg")
    g1 = c.goal("Lithium level 0.6-1.0 mmol/L", "2017-01-10", achievement="sustaining", addresses=[bp1],
                target={"measure": lnc("14334-7", "Lithium [Moles/volume] in Serum or Plasma"), "low": 0.6, "high": 1.0,
                        "unit": "mmol/L"})
    g2 = c.goal("No psychiatric hospitalization for 12 months", "2020-11-17", achievement="achieved", addresses=[bp1])
    g3 = c.goal("Tobacco abstinence", "2019-01-08", achievement="not-achieved", note="Relapsed to occasional smoking 2021.")
    H["safety"] = c.careplan("Crisis and safety plan", sct("734163000", "Care plan (record artifact)"), "2020-11-17",
                             "Safety plan after 2020 overdose",
                             ["Warning signs: sleeping under 5 hours, spending sprees, withdrawing from Kai",
                              "Coping: walk by the river, call sister Renee, DBT skills",
                              "Partner Kai holds medications; weekly blister packs",
                              "No firearms in the home (confirmed)",
                              "Crisis line 988; Fennwick Behavioral Health on-call"], addresses=[bp1], goals=[g1, g2])
    H["goals"] = [g1, g2, g3]
    # IUD replacement
    gyn2 = c.enc("AMB", "2021-09-14", typ=sct("11429006", "Consultation (procedure)"), provider="Fennwick Women's Health",
                 text="IUD exchange")
    c.coded("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", sct("260385009", "Negative"),
            "2021-09-14", enc=gyn2, text="Urine hCG")
    iud2 = c.device(sct("468018005", "Levonorgestrel intrauterine device"), "Levonorgestrel-releasing IUD 52 mg (Mirena)",
                    "active", manufacturer="Bayer HealthCare", lot="TU2AB9M", expiry="2026-06-30")
    H["iud2"] = iud2
    H["iud_swap"] = c.proc(sct("65200003", "Insertion of intrauterine contraceptive device"), "2021-09-14", enc=gyn2,
                           reason=[sct("13197004", "Contraception")],
                           devices=[(("118292001", "Removal"), iud1), (("129407005", "Implantation"), iud2)],
                           text="LNG-IUD removal and reinsertion", outcome="Old IUD removed intact; new IUD placed")
    H["iud2_dus"] = c.dus(iud2, "2021-09-14", None, status="active", note="Contraception while on lithium/lamotrigine")
    c.smoking("2021-11-16", "428041000124106", "Occasional tobacco smoker", enc=H["psy_encs"]["2021-11-16"],
              note="2-3 cigarettes on weekends")
    for d in ("2012-10-16", "2013-10-15", "2015-10-13", "2016-10-11", "2017-10-10", "2018-10-16", "2021-10-19",
              "2022-10-18", "2023-10-17", "2024-10-15"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-04-20", 1, "COVID-19 primary", 2)
    c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", "2021-05-11", 2, "COVID-19 primary", 2)
    # metabolic monitoring
    for d, tg, a1c in (("2016-08-30", 188, None), ("2018-01-16", None, 5.7), ("2019-08-20", 142, None),
                       ("2021-11-16", None, 5.8), ("2024-05-14", 136, 5.9)):
        e = H["psy_encs"].get(d)
        if e is None:
            e = [x for x in rtype(c, "Encounter") if day(x) == d][0]
        if tg:
            H["tg"].append(c.lab("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", tg, "mg/dL", d, high=149,
                                 enc=e, text="Triglycerides"))
        if a1c:
            H["a1c"].append(c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", a1c, "%", d, high=5.6, enc=e,
                                  text="Hemoglobin A1c"))
    e = H["psy_encs"]["2024-11-12"]
    H["ca"] = [c.lab("17861-6", "Calcium [Mass/volume] in Serum or Plasma", 10.4, "mg/dL", "2024-11-12", low=8.7,
                     high=10.2, enc=e, text="Calcium")]
    H["pth"] = c.lab("2731-8", "Parathyrin.intact [Mass/volume] in Serum or Plasma", 71, "pg/mL", "2024-11-12", low=15,
                     high=65, enc=e, text="PTH, intact")
    H["ca"].insert(0, c.lab("17861-6", "Calcium [Mass/volume] in Serum or Plasma", 9.8, "mg/dL", "2022-05-17", low=8.7,
                            high=10.2, enc=H["psy_encs"]["2022-05-17"], text="Calcium"))
    e = H["psy_encs"]["2025-03-04"]
    H["last_note"] = c.note("progress", "2025-03-04", "Psychiatry medication management", (
        "PSYCHIATRY PROGRESS NOTE\n39F bipolar I, euthymic >2 years. Lithium ER 450 bid (Li 0.8), Lamictal 150, "
        "Seroquel 100 qhs, levothyroxine 50, propranolol 10 bid. Mild tremor only.\nCr 1.04 (slowly rising from 0.72 "
        "in 2016), eGFR 70; Ca 10.4 / PTH 71 in 11/2024 - endocrine referral for possible lithium-associated "
        "hyperparathyroidism; nephrology e-consult. Discussed future alternatives if eGFR keeps falling.\n"
        "Social: formerly pastry chef at Halvorsen Bakery (closed 2020); now freelance cake decorator working from "
        "home. Lives with partner Kai and Kai's son Theo (13). Drives. Occasional cigarettes on weekends; no cannabis "
        "since 2021; alcohol none.\nPsychiatric advance directive on file (2021) - names Kai as agent; prefers "
        "lorazepam over IM antipsychotics; no haloperidol.\nIUD (Mirena) in place, due 2026."),
        enc=e, author="Dr. Ingrid Halloway-Sato, MD (Psychiatry)")
    c.allergy([sct("91939003", "Allergy to sulfonamide")], "2010-04-01", "medication", "low",
              [sct("271807003", "Eruption of skin")], "mild", substance=(RXNORM, "10180", "sulfamethoxazole"))
    c.fmh("FTH", "father", [(sct("13746004", "Bipolar disorder"), 24), (sct("44301001", "Suicide"), 52, True)], "male",
          "2012-05-15", deceased=52)
    c.fmh("MTH", "mother", [(sct("40930008", "Hypothyroidism"), 45)], "female", "2012-05-15", name="Marguerite Arceneaux")
    c.fmh("MUNCLE", "maternal uncle", [(sct("7200002", "Alcoholism"), 30)], "male", "2012-05-15")
    return c, H


def questions_p4(c, H):
    li = obs(c, "14334-7")
    Q(c, "last li level", "lab_latest", [li[-1]], [val(li[-1]), day(li[-1])])
    top = vmax(li)
    Q(c, "highest lithium level ever + what happened", "lab_extreme", [top, H["tox"]], [val(top), day(top)])
    ms = meds(c, ["lithium", "lamotrigine", "divalproex", "valpro", "carbamazepine"], "active")
    Q(c, "is she on a mood stabilizer", "med_class", ms, ["lithium", "lamotrigine"])
    Q(c, "why was depokote stopped", "med_stopped_why", [H["vpa"]], ["weight gain", "teratogenic"])
    cr = obs(c, "2160-0")
    cr_clinic = [o for o in cr if o.get("encounter") is None or
                 not any(e["id"] == o["encounter"]["reference"].split("/")[1] and e["class"]["code"] == "EMER"
                         for e in rtype(c, "Encounter"))]
    Q(c, "kidney numbers going up on the lithium?", "lab_trend", cr_clinic, [val(cr_clinic[0]), val(cr_clinic[-1])])
    tsh = obs(c, "3016-3")
    Q(c, "why is she on levothyroxin", "med_why", [H["levo"], H["hypo"]], ["lithium"])
    ap = meds(c, ["quetiapine", "olanzapine", "aripiprazole", "risperidone", "haloperidol"], "active")
    Q(c, "quetiapene dose now and why was it lowered", "two_in_one", [H["q100"], H["q300"]], ["100 mg", "overdose"])
    Q(c, "was she ever on olanzapine? why stopped", "med_ever", [H["olz"]], ["weight gain"])
    Q(c, "ssri?", "med_class", [H["sert"]], ["sertraline", "hypomanic"])
    psy = encs(c, "IMP")
    Q(c, "how many psych admissions", "encounter_count", psy, [str(len(psy))])
    Q(c, "was the 2014 admit involuntary", "encounter_detail", [H["adm1"], H["dc1"]], ["involuntary"], match="any")
    Q(c, "od - what did she take", "condition", [H["od"]], ["quetiapine", day(H["od"])])
    Q(c, "qtc on the od ekg", "lab_at_time", [H["qtc"]], [val(H["qtc"])])
    Q(c, "where did she go after the nov 2020 admission", "encounter_detail", [H["adm2"]], ["Partial hospitalization"])
    Q(c, "contraception?", "device", [H["iud2"]], ["levonorgestrel"])
    Q(c, "haldol reaction", "allergy", [H["hal_all"]], ["Dystonia"])
    smk = sorted([o for o in obs(c, "72166-2")], key=eff)
    Q(c, "does she smoke", "social_history", [smk[-1]], [smk[-1]["valueCodeableConcept"]["coding"][0]["display"]])
    fam = [f for f in rtype(c, "FamilyMemberHistory") if any("13746004" in codes_of(y) for y in f["condition"])]
    Q(c, "fam hx bipolar or suicide", "family_hx", fam, ["father"])
    Q(c, "who holds her meds", "careplan_goal", [H["safety"]], ["Kai"])
    Q(c, "psych advance directive?", "note_only", notes_with(c, "advance directive"), ["advance directive"], match="any")
    Q(c, "what does she do for work now", "social_note", [H["last_note"]], ["cake decorator"])
    Q(c, "beta blocker? for what", "med_why", [H["prop"], H["tremor"]], ["propranolol", "tremor"])
    hpv = imms(c, "62")
    Q(c, "flu shot ever declined", "imm_not_done", [H["flu_nd"]], ["patient objection", day(H["flu_nd"])])
    a1c = obs(c, "4548-4")
    Q(c, "ca high lately?", "lab_normal", [H["ca"][-1]], [val(H["ca"][-1]), "High"])
    # abstain
    Q(c, "any hx of breast ca", "condition", absent=["malignant neoplasm of breast", "breast cancer", "carcinoma"])
    Q(c, "insulin pump settings", "device", absent=["insulin pump", "insulin"])
    Q(c, "last inr", "lab_latest", absent=["inr", "prothrombin", "warfarin"])
    Q(c, "dialysis hx?", "procedure", absent=["dialysis"])
    Q(c, "peanut allergy?", "allergy", absent=["peanut"])
    Q(c, "shingles vaccine?", "imm_last", absent=["zoster", "shingrix"])


# ===========================================================================
# Patient 5: man ~70, left MCA ischemic stroke 2022: IV alteplase + thrombectomy,
# dysphagia with PEG (later removed), aphasia, carotid endarterectomy, loop
# recorder finds AF -> apixaban, inpatient rehab, statin intensified, falls.
# ===========================================================================
def build_p5():
    c = Chart(5, "-05:00", "2025-07-21", "bundle-transaction")
    c.history = ("Man born 1955: HTN, hyperlipidemia, OSA on CPAP; left MCA ischemic stroke 2022 (IV alteplase + "
                 "thrombectomy), aphasia, dysphagia with PEG (removed 2023), left carotid endarterectomy, loop recorder "
                 "-> paroxysmal AF on apixaban, inpatient rehab, falls with hyponatremia (HCTZ stopped), DNR/DNI 2024")
    c.make_patient("Harroway", ["Augustin", "Pell"], "male", "1955-02-27", "2 Wickersham Row", "Ostrander Mills", "PA",
                   "17999", "B7-500614", "555-0125",
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"))],
                             "name": {"family": "Harroway", "given": ["Ruth"], "text": "Ruth Harroway"},
                             "telecom": [{"system": "phone", "value": "555-0126", "use": "mobile"}]}])
    H = {}
    PCP = "Ostrander Mills Family Practice"
    HOSP = "Susquehanna Crest Medical Center"
    NEURO = "Susquehanna Crest Stroke Clinic"
    IRF = "Ostrander Rehabilitation Hospital"
    CHECK = sct("185349003", "Encounter for check up (procedure)")
    FU = sct("390906007", "Follow-up encounter (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    ADMT = sct("32485007", "Hospital admission (procedure)")
    FLU = "Influenza, high-dose, quadrivalent, preservative free"

    htn = c.cond([sct("38341003", "Hypertensive disorder, systemic arterial"), icd("I10", "Essential (primary) hypertension")],
                 "2008-05-01", recorded="2013-04-09", text="Hypertension")
    hld = c.cond([sct("55822004", "Hyperlipidemia"), icd("E78.5", "Hyperlipidemia, unspecified")], "2010-03-01",
                 recorded="2013-04-09")
    gerd = c.cond([sct("235595009", "Gastroesophageal reflux disease"), icd("K21.9", "Gastro-esophageal reflux disease without esophagitis")],
                  "2014-04-15")
    bph = c.cond([sct("266569009", "Benign prostatic hyperplasia"), icd("N40.1", "Benign prostatic hyperplasia with lower urinary tract symptoms")],
                 "2016-04-12")
    H.update(htn=htn, hld=hld)
    H["lisin"] = c.med("314077", "lisinopril 20 MG Oral Tablet", "2013-04-09", "active", "20 mg by mouth once daily",
                       reason=[htn])
    H["hctz"] = c.med("310798", "hydrochlorothiazide 25 MG Oral Tablet", "2013-04-09", "stopped",
                      "25 mg by mouth every morning", reason=[htn], end="2023-06-13",
                      stop_reason="Hyponatremia (Na 129) and orthostatic falls", stop_code="sintol", text="HCTZ")
    H["atorva20"] = c.med("617310", "atorvastatin 20 MG Oral Tablet", "2013-04-09", "stopped", "20 mg by mouth at bedtime",
                          reason=[hld], end="2022-10-06", stop_reason="Intensified to 80 mg after ischemic stroke",
                          stop_code="altchoice")
    H["asa"] = c.med("243670", "aspirin 81 MG Oral Tablet", "2013-04-09", "stopped", "81 mg by mouth daily",
                     reason=[hld], end="2022-11-29", stop_reason="Started apixaban for atrial fibrillation; avoid combined antithrombotic therapy",
                     stop_code="sdupther")
    c.med("198053", "omeprazole 20 MG Delayed Release Oral Capsule", "2014-04-15", "active",
          "20 mg by mouth daily before breakfast", reason=[gerd])
    H["tams"] = c.med("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule", "2016-04-12", "active",
                      "0.4 mg by mouth at bedtime", reason=[bph], text="Flomax")
    annual = [("2013-04-09", (138, 86), 91.2, 128, 5.8, 0.98, 139), ("2014-04-15", (136, 84), 92.0, None, None, None, None),
              ("2015-04-14", (134, 82), 92.6, 122, 5.9, 1.01, 138), ("2016-04-12", (132, 80), 91.8, None, None, None, None),
              ("2017-04-11", (136, 82), 90.9, 118, 5.9, 1.02, 137), ("2018-04-10", (138, 84), 91.5, None, None, None, None),
              ("2019-04-09", (140, 86), 92.3, 126, 6.0, 1.04, 137), ("2020-04-14", (134, 80), 91.0, None, None, None, None),
              ("2021-04-13", (142, 88), 90.4, 131, 6.1, 1.06, 136)]
    H["ldl"], H["a1c"], H["na"] = [], [], []
    for d, bpv, wt, ldl, a1c, cr, na in annual:
        e = c.enc("AMB", d, typ=CHECK, provider=PCP, text="Annual physical")
        c.vitals(d, e, bp=bpv, wt=wt, hr=68 + RNG.randint(0, 8), ht=177.8 if d == "2013-04-09" else None)
        if ldl:
            H["ldl"].append(c.lab("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", ldl,
                                  "mg/dL", d, high=99, enc=e, text="LDL cholesterol"))
            H["a1c"].append(c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", a1c, "%", d, high=5.6, enc=e,
                                  text="Hemoglobin A1c"))
            c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", cr, "mg/dL", d, low=0.76, high=1.27, enc=e)
            H["na"].append(c.lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", na, "mmol/L", d, low=134, high=144,
                                 enc=e))
        if d == "2016-04-12":
            c.imm("115", "Tdap", d, 1, "Td/Tdap booster", 1, enc=e)
    colo = c.proc(sct("73761001", "Colonoscopy"), "2015-05-19", outcome="Two tubular adenomas (5 mm, 7 mm) removed; repeat in 5 years")
    c.proc(sct("73761001", "Colonoscopy"), "2020-09-22", outcome="Normal; no polyps. No further screening needed after 75.")
    # OSA
    psg_e = c.enc("AMB", "2019-03-12", typ=sct("60554003", "Polysomnography"), provider="Ostrander Sleep Center",
                  text="Overnight sleep study")
    osa = c.cond([sct("78275009", "Obstructive sleep apnea syndrome"), icd("G47.33", "Obstructive sleep apnea (adult) (pediatric)")],
                 "2019-03-12", enc=psg_e)
    H["psg"] = c.report("28633-6", "Polysomnography (sleep) study", "2019-03-12", "OTH",
                        "Moderate-severe obstructive sleep apnea: AHI 34 events/h, nadir SpO2 81%. Recommend auto-CPAP.",
                        ccodes=[sct("78275009", "Obstructive sleep apnea syndrome")], enc=psg_e)
    cpap = c.device(sct("706172005", "Continuous positive airway pressure unit"), "ResMed AirSense 10 AutoSet CPAP",
                    "active", manufacturer="ResMed", model="AirSense 10 AutoSet", serial="23191457812",
                    note="Auto-CPAP 6-14 cm H2O, full face mask (AirFit F20 M)")
    H["cpap"] = cpap
    H["cpap_dus"] = c.dus(cpap, "2019-04-02", None, status="active", reason=[osa])
    cp_ed = c.enc("EMER", "2019-08-20", "2019-08-20", typ=ED, provider=HOSP, t="14:00", t_end="22:00",
                  reason=[sct("29857009", "Chest pain")], text="Chest pain")
    c.lab("89579-7", "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method", 4, "ng/L",
          "2019-08-20", high=20, enc=cp_ed, t="14:20", text="hs-Troponin I")
    c.report("11524-6", "EKG study", "2019-08-20", "EC", "Sinus rhythm 72 bpm. No acute ST changes.",
             ccodes=[sct("17621005", "Normal")], enc=cp_ed, t="14:10")
    c.note("ed", "2019-08-20", "ED note - chest pain", (
        "ED NOTE\n64M HTN, HLD, OSA with 2 h of burning substernal discomfort after lunch. hs-TnI 4 -> 4. ECG normal. "
        "Likely GERD. Outpatient stress test. Discharged home."), enc=cp_ed, author="Dr. Ilona Szabo-Mensah, MD (Emergency Medicine)")
    c.report("18752-6", "Exercise stress test study", "2019-09-10", "EC",
             "Negative exercise treadmill test, 9.5 METs, no ischemic ECG changes.", ccodes=[sct("17621005", "Normal")])
    # ---- stroke ----
    sed = c.enc("EMER", "2022-10-04", "2022-10-04", typ=ED, provider=HOSP, t="08:10", t_end="09:30",
                reason=[sct("230690007", "Cerebrovascular accident")], text="Stroke alert - right weakness, unable to speak")
    c.vitals("2022-10-04", sed, bp=(186, 98), hr=88, spo2=96, temp=36.8, t="08:12")
    H["nihss"] = [c.lab("70182-1", "NIH stroke scale total score", 14, "{score}", "2022-10-04", enc=sed, cat="survey",
                        t="08:15", text="NIHSS")]
    c.lab("6301-6", "INR in Platelet poor plasma by Coagulation assay", 1.0, "{INR}", "2022-10-04", low=0.9, high=1.1,
          enc=sed, t="08:20", text="INR")
    c.lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", 142, "mg/dL", "2022-10-04", low=70, high=99, enc=sed,
          t="08:20")
    H["ct"] = c.report("24725-4", "CT Head WO contrast", "2022-10-04", "RAD",
                       "No intracranial hemorrhage. Early loss of gray-white differentiation left insula; ASPECTS 9. Hyperdense left MCA sign.",
                       ccodes=[sct("230690007", "Cerebrovascular accident")], enc=sed, t="08:25")
    H["cta"] = c.report("69103-3", "CT Angiography Head and Neck W contrast IV", "2022-10-04", "RAD",
                        "Occlusion of the proximal left M1 segment. Left ICA origin stenosis approximately 75% (NASCET). Right ICA <30%.",
                        ccodes=[sct("64586002", "Carotid artery stenosis")], enc=sed, t="08:35")
    stroke = c.cond([sct("422504002", "Ischemic stroke"),
                     icd("I63.512", "Cerebral infarction due to unspecified occlusion or stenosis of left middle cerebral artery")],
                    "2022-10-04", enc=sed, text="Acute ischemic stroke, left MCA territory",
                    note="Last known well 07:15; found by wife at breakfast. Large-artery atherosclerosis vs cardioembolic (AF found later).")
    H["stroke"] = stroke
    H["tpa"] = c.med("313411", "alteplase 100 MG Injection", "2022-10-04", "completed",
                     "0.9 mg/kg (81 mg): 8.1 mg IV bolus then 72.9 mg over 60 min; started 08:52", reason=[stroke],
                     enc=sed, end="2022-10-04", course="acute", text="IV tPA (alteplase)")
    adm = c.enc("IMP", "2022-10-04", "2022-10-24", typ=ADMT, provider=HOSP, adm="emd", disp="rehab", reason=[stroke],
                t="09:30", t_end="11:00", text="Stroke unit admission", disp_text="Inpatient rehabilitation facility (Ostrander Rehabilitation Hospital)")
    H["adm"] = adm
    H["evt"] = c.proc(sct("433112001", "Percutaneous mechanical thrombectomy of artery"), "2022-10-04",
                      body_site=sct("17232002", "Structure of left middle cerebral artery"), reason=[stroke], enc=adm,
                      t="09:40", text="Mechanical thrombectomy, left M1",
                      outcome="TICI 2b reperfusion after 2 passes (stent retriever + aspiration); groin puncture 09:40, reperfusion 10:22",
                      performer="Dr. Farida Okonjo-Wells, MD (Neurointerventional Radiology)")
    H["nihss"].append(c.lab("70182-1", "NIH stroke scale total score", 9, "{score}", "2022-10-05", enc=adm, cat="survey",
                            t="08:00", text="NIHSS"))
    H["ldl"].append(c.lab("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", 132, "mg/dL",
                          "2022-10-05", high=99, enc=adm, text="LDL cholesterol"))
    H["a1c"].append(c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 6.1, "%", "2022-10-05", high=5.6,
                          enc=adm, text="Hemoglobin A1c"))
    H["mri"] = c.report("24590-2", "MR Brain WO contrast", "2022-10-05", "RAD",
                        "Acute infarct in the left MCA territory involving the frontal operculum, insula and corona radiata. No hemorrhagic transformation.",
                        ccodes=[sct("422504002", "Ischemic stroke")], enc=adm)
    ef = c.lab("10230-1", "Left ventricular Ejection fraction", 55, "%", "2022-10-06", low=53, enc=adm, cat="procedure",
               text="LVEF")
    H["echo"] = c.report("34552-0", "Cardiac 2D echo panel", "2022-10-06", "CUS",
                         "LVEF 55%. Mildly dilated left atrium. No intracardiac thrombus. Agitated saline study negative for shunt.",
                         results=[ef], enc=adm)
    H["duplex"] = c.report("39421-5", "US Carotid arteries", "2022-10-06", "RAD",
                           "Left ICA 70-79% stenosis (PSV 310 cm/s) with heterogeneous plaque. Right ICA less than 50%.",
                           ccodes=[sct("64586002", "Carotid artery stenosis")], enc=adm)
    cs = c.cond([sct("64586002", "Carotid artery stenosis"), icd("I65.22", "Occlusion and stenosis of left carotid artery")],
                "2022-10-04", status="resolved", abate="2022-10-18", enc=adm, text="Left ICA stenosis 70-79%")
    aph = c.cond([sct("87486003", "Aphasia"), icd("I69.320", "Aphasia following cerebral infarction")], "2022-10-04",
                 enc=adm, text="Expressive aphasia (residual mild anomia)")
    dys = c.cond([sct("40739000", "Dysphagia"), icd("I69.391", "Dysphagia following cerebral infarction")], "2022-10-04",
                 status="resolved", abate="2023-01-25", enc=adm, text="Oropharyngeal dysphagia after stroke")
    hemi = c.cond([sct("278286009", "Right hemiparesis"), icd("I69.351", "Hemiplegia and hemiparesis following cerebral infarction affecting right dominant side")],
                  "2022-10-04", enc=adm, text="Right hemiparesis (mild residual)")
    H.update(aph=aph, dys=dys, cs=cs)
    H["clop"] = c.med("309362", "clopidogrel 75 MG Oral Tablet", "2022-10-05", "stopped", "75 mg by mouth daily",
                      reason=[stroke], enc=adm, end="2022-11-29",
                      stop_reason="Switched to apixaban after atrial fibrillation detected", stop_code="altchoice",
                      text="Plavix")
    H["atorva80"] = c.med("259255", "atorvastatin 80 MG Oral Tablet", "2022-10-06", "active", "80 mg by mouth at bedtime",
                          reason=[stroke], enc=adm, text="atorvastatin 80 mg (high-intensity)")
    mbs1 = c.report("30735-7", "Fluoroscopy Modified barium swallow", "2022-10-10", "RAD",
                    "Silent aspiration with thin and nectar-thick liquids; delayed swallow initiation. Recommend NPO and alternative nutrition.",
                    ccodes=[sct("40739000", "Dysphagia")], enc=adm)
    peg = c.device(sct("25062003", "Gastrostomy tube"), "PEG tube 20 Fr", "inactive", manufacturer="Corvalen Enteral",
                   model="PEG-20", note="Removed 2023-02-08 after swallow recovered.")
    H["peg"] = peg
    H["peg_in"] = c.proc(sct("235225000", "Percutaneous endoscopic gastrostomy"), "2022-10-12", reason=[dys], enc=adm,
                         devices=[(("129407005", "Implantation"), peg)], text="PEG tube placement",
                         outcome="20 Fr PEG placed without complication", performer="Dr. Nnamdi Ruiz-Hollis, MD (Gastroenterology)")
    H["peg_dus"] = c.dus(peg, "2022-10-12", "2023-02-08", status="completed", reason=[dys])
    H["cea"] = c.proc(sct("18674003", "Carotid endarterectomy"), "2022-10-18",
                      body_site=sct("65441006", "Structure of left internal carotid artery"),
                      reason=[cs], enc=adm, text="Left carotid endarterectomy with patch angioplasty",
                      outcome="Uncomplicated; no new deficit", performer="Dr. Wendell Abiodun-Price, MD (Vascular Surgery)")
    ilr = c.device(sct("704708004", "Implantable cardiac event recorder"), "Implantable loop recorder", "active",
                   manufacturer="Medtronic", model="LINQ II", serial="RLB204118S")
    H["ilr"] = ilr
    H["ilr_in"] = c.proc(sct("252434001", "Insertion of implantable loop recorder"), "2022-10-20", reason=[stroke], enc=adm,
                         devices=[(("129407005", "Implantation"), ilr)], body_site=sct("51185008", "Thoracic structure"),
                         text="Implantable loop recorder insertion (AF monitoring after stroke)")
    c.dus(ilr, "2022-10-20", None, status="active", reason=[stroke])
    H["nihss"].append(c.lab("70182-1", "NIH stroke scale total score", 6, "{score}", "2022-10-24", enc=adm, cat="survey",
                            t="08:00", text="NIHSS"))
    H["dc1"] = c.note("discharge", "2022-10-24", "Discharge summary - stroke", (
        "DISCHARGE SUMMARY - STROKE UNIT\n67M LKW 07:15 10/4. NIHSS 14. IV alteplase 08:52 (DTN 42 min) + thrombectomy "
        "L M1, TICI 2b. MRI: L MCA infarct. Echo: LVEF 55%, no thrombus. L ICA 70-79% -> L CEA 10/18. ILR placed 10/20.\n"
        "Deficits: expressive aphasia, R arm>leg weakness, dysphagia (silent aspiration) -> PEG 10/12; Jevity 1.2 at "
        "65 mL/h continuous, pleasure feeds with SLP only.\nMeds: ASA 81 + Plavix 75, atorvastatin 80 (was 20), "
        "lisinopril 20, HCTZ 25, tamsulosin, omeprazole. NIHSS 6 at discharge.\nCode status: Full code.\n"
        "Disposition: Ostrander Rehabilitation Hospital (IRF). Wife Ruth at bedside daily; two-story home - they plan "
        "to move the bedroom to the first floor. No driving."), enc=adm, author="Dr. Beatrix Kallstrom, MD (Vascular Neurology)")
    irf = c.enc("IMP", "2022-10-24", "2022-11-18", typ=sct("305425002", "Admission to rehabilitation department"),
                provider=IRF, adm="hosp-trans", disp="home", reason=[stroke], t="14:00", t_end="11:00",
                text="Inpatient rehabilitation", disp_text="Home with home health PT/OT/SLP")
    H["irf"] = irf
    c.proc(sct("91251008", "Physical therapy procedure"), period=("2022-10-25", "2022-11-18"), reason=[stroke], enc=irf,
           outcome="Ambulates 150 m with four-wheeled walker, supervision on stairs")
    H["slp"] = c.proc(sct("5154007", "Speech therapy"), period=("2022-10-25", "2022-11-18"), reason=[aph, dys], enc=irf,
                      outcome="Naming improved; mechanical soft diet with nectar-thick liquids by discharge")
    c.report("30735-7", "Fluoroscopy Modified barium swallow", "2022-11-15", "RAD",
             "Trace penetration with nectar-thick liquids without aspiration; aspiration with thin liquids persists. Mechanical soft solids safe.",
             ccodes=[sct("40739000", "Dysphagia")], enc=irf)
    walker = c.device(sct("705417005", "Rollator"), "Four-wheeled walker (rollator) with seat", "active",
                      manufacturer="Strideline Mobility", model="SR-4")
    H["walker_dus"] = c.dus(walker, "2022-11-18", None, status="active", reason=[hemi])
    c.note("discharge", "2022-11-18", "Discharge summary - inpatient rehabilitation", (
        "IRF DISCHARGE SUMMARY\nAdmitted 10/24 from Susquehanna Crest stroke unit. 3 h/day PT/OT/SLP. FIM 68 -> 101.\n"
        "Walks 150 m with rollator, supervision on stairs. Swallow: mechanical soft, nectar-thick; PEG for water flushes "
        "and supplemental night feeds.\nDischarged home with wife; bedroom moved to first floor; home health PT/OT/SLP."),
        enc=irf, author="Dr. Colm Adeyemi-Rourke, MD (Physical Medicine and Rehabilitation)")
    # AF found
    af = c.cond([sct("282825002", "Paroxysmal atrial fibrillation"), icd("I48.0", "Paroxysmal atrial fibrillation")],
                "2022-11-22", text="Paroxysmal atrial fibrillation (found on loop recorder)")
    H["af"] = af
    H["ilr_rep"] = c.report("11524-6", "EKG study", "2022-11-23", "EC",
                            "Implantable loop recorder transmission: atrial fibrillation episode 2022-11-22 02:14, duration 6 h 12 min, ventricular rates 110-140 bpm.",
                            ccodes=[sct("282825002", "Paroxysmal atrial fibrillation")], text="Loop recorder (ILR) remote transmission")
    e = c.enc("AMB", "2022-11-29", typ=sct("11429006", "Consultation (procedure)"), provider="Susquehanna Crest Cardiology",
              reason=[af], text="Cardiology - AF on loop recorder")
    c.vitals("2022-11-29", e, bp=(132, 78), hr=74, wt=84.6)
    H["apix"] = c.med("1364445", "apixaban 5 MG Oral Tablet", "2022-11-29", "active", "5 mg by mouth twice daily",
                      reason=[af], enc=e, text="Eliquis 5 mg")
    H["meto"] = c.med("866427", "metoprolol succinate 25 MG Extended Release Oral Tablet", "2022-11-29", "active",
                      "25 mg by mouth daily", reason=[af], enc=e)
    c.note("consult", "2022-11-29", "Cardiology consult", (
        "CARDIOLOGY CONSULT\nILR: 6 h AF episode 11/22. CHA2DS2-VASc 5 (age, HTN, stroke x2, vascular disease). "
        "HAS-BLED 2. Start Eliquis 5 mg bid (age <80, wt >60 kg, Cr <1.5). Stop Plavix and aspirin. Metoprolol "
        "succinate 25 daily for rate control."), enc=e, author="Dr. Anneliese Bamidele, MD (Cardiology)")
    # outpatient follow-up
    H["phq"] = []
    for d, ldl, phq, wt in (("2023-01-10", 71, 16, 83.1), ("2023-07-11", 64, 9, 84.0), ("2024-03-19", 58, 7, 85.2),
                            ("2025-03-18", 61, 6, 85.9)):
        e = c.enc("AMB", d, typ=FU, provider=NEURO if d != "2024-03-19" else PCP, reason=[stroke],
                  text="Stroke clinic follow-up" if d != "2024-03-19" else "Primary care visit")
        c.vitals(d, e, bp=(126 + RNG.randint(-4, 6), 74 + RNG.randint(-2, 4)), wt=wt, hr=66 + RNG.randint(0, 6))
        H["ldl"].append(c.lab("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", ldl,
                              "mg/dL", d, high=99, enc=e, text="LDL cholesterol"))
        H["phq"].append(c.lab("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", phq,
                              "{score}", d, enc=e, cat="survey", text="PHQ-9"))
        if d == "2023-01-10":
            dep = c.cond([sct("370143000", "Major depressive disorder"), icd("F06.31", "Mood disorder due to known physiological condition with depressive features")],
                         d, enc=e, text="Post-stroke depression")
            H["sert"] = c.med("312940", "sertraline 50 MG Oral Tablet", d, "active", "50 mg by mouth daily", reason=[dep],
                              enc=e, text="Zoloft")
        if d in ("2024-03-19", "2025-03-18"):
            H["a1c"].append(c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", {"2024-03-19": 6.0, "2025-03-18": 5.9}[d],
                                  "%", d, high=5.6, enc=e, text="Hemoglobin A1c"))
            H["na"].append(c.lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", {"2024-03-19": 138, "2025-03-18": 139}[d],
                                 "mmol/L", d, low=134, high=144, enc=e))
        if d == "2024-03-19":
            H["polst_note"] = c.note("progress", d, "Primary care visit", (
                "PRIMARY CARE NOTE\n69M s/p L MCA stroke 10/2022, PAF on Eliquis. Goals-of-care discussion with patient "
                "and wife Ruth: code status changed to DNR/DNI (POLST signed 2024-03-19); wants hospital care, selective "
                "treatment, no intubation. Health care proxy: Ruth.\nAphasia: mild word-finding difficulty. Walks with "
                "rollator outdoors, cane indoors. No longer drives since stroke; Ruth drives. Retired civil engineer "
                "(PennDOT bridge inspector). CPAP nightly ~5 h.\nNo falls since 1/2024."), enc=e,
                author="Dr. Margit Oyelaran-Hughes, MD (Family Medicine)")
    mbs3 = c.report("30735-7", "Fluoroscopy Modified barium swallow", "2023-01-25", "RAD",
                    "No aspiration or penetration with thin liquids or solids. Safe for regular diet with thin liquids.",
                    ccodes=[sct("17621005", "Normal")])
    H["mbs_last"] = mbs3
    pe = c.enc("AMB", "2023-02-08", typ=FU, provider="Susquehanna Crest GI", reason=[dys], text="PEG removal")
    H["peg_out"] = c.proc(sct("265776009", "Removal of gastrostomy tube"), "2023-02-08", reason=[dys], enc=pe,
                          devices=[(("118292001", "Removal"), peg)], text="PEG tube removal (bedside traction)",
                          outcome="Removed intact; site dressed")
    # falls
    f1 = c.enc("EMER", "2023-05-14", "2023-05-14", typ=ED, provider=HOSP, t="06:40", t_end="12:30",
               reason=[sct("217082002", "Accidental fall")], text="Fall at home, scalp laceration")
    c.vitals("2023-05-14", f1, bp=(104, 62), hr=82, t="06:45")
    c.lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 129, "mmol/L", "2023-05-14", low=134, high=144, enc=f1,
          t="07:00")
    H["na"].append(obs(c, "2951-2")[-1])
    H["ct_fall"] = c.report("24725-4", "CT Head WO contrast", "2023-05-14", "RAD",
                            "No acute intracranial hemorrhage. Chronic left MCA infarct with encephalomalacia. Right parietal scalp hematoma.",
                            ccodes=[sct("17621005", "Normal")], enc=f1, t="07:30")
    c.proc(sct("287651003", "Suture of laceration of scalp"), "2023-05-14", enc=f1,
           body_site=sct("41695006", "Scalp structure"), text="Scalp laceration repair (4 cm, staples x6)")
    H["tdap2"] = c.imm("115", "Tdap", "2023-05-14", 1, "Td/Tdap booster", 1, enc=f1)
    falls = c.cond([sct("161898004", "Falls"), icd("Z91.81", "History of falling")], "2023-05-14", enc=f1,
                   text="Recurrent falls", note="Orthostatic hypotension on HCTZ + tamsulosin; hyponatremia Na 129.")
    H["falls"] = falls
    c.note("ed", "2023-05-14", "ED note - fall", (
        "ED NOTE\n68M on Eliquis, got up at night to urinate, lightheaded, fell against dresser. 4 cm R parietal scalp "
        "lac, no LOC. CT head: no bleed. Orthostatic: 132/78 lying -> 104/62 standing. Na 129. Staples x6, Tdap. "
        "Discharged home; PCP to review HCTZ/tamsulosin."), enc=f1, author="Dr. Ilona Szabo-Mensah, MD (Emergency Medicine)")
    e = c.enc("AMB", "2023-06-13", typ=FU, provider=PCP, reason=[falls], text="Post-fall visit")
    c.lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 133, "mmol/L", "2023-06-13", low=134, high=144, enc=e)
    H["na"].append(obs(c, "2951-2")[-1])
    f2 = c.enc("EMER", "2024-01-09", "2024-01-09", typ=ED, provider=HOSP, t="19:10", t_end="23:00",
               reason=[sct("217082002", "Accidental fall")], text="Fall on icy driveway")
    c.report("24725-4", "CT Head WO contrast", "2024-01-09", "RAD",
             "No acute intracranial abnormality. Stable chronic left MCA infarct.", ccodes=[sct("17621005", "Normal")],
             enc=f2, t="19:50")
    # care plan, goals
    g1 = c.goal("LDL cholesterol below 70 mg/dL", "2022-10-24", achievement="achieved", addresses=[stroke],
                target={"measure": lnc("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation"),
                        "high": 70, "unit": "mg/dL"})
    g2 = c.goal("Walk 150 m with rollator independently", "2022-10-24", achievement="achieved", addresses=[stroke])
    g3 = c.goal("Regular diet with thin liquids", "2022-10-24", achievement="achieved", addresses=[dys])
    H["goal_ldl"] = g1
    c.careplan("Stroke secondary prevention and rehabilitation plan", sct("734163000", "Care plan (record artifact)"),
               "2022-10-24", "Secondary prevention after left MCA ischemic stroke with AF",
               ["Apixaban 5 mg twice daily (AF)", "High-intensity statin, LDL < 70",
                "BP target < 130/80", "Home exercise program; fall precautions", "CPAP nightly"],
               addresses=[stroke, af], goals=[g1, g2, g3])
    # immunizations
    for d in ("2013-10-15", "2014-10-14", "2015-10-13", "2016-10-11", "2017-10-10", "2018-10-09", "2019-10-15",
              "2020-10-13", "2021-10-12", "2022-11-29", "2023-10-17", "2024-10-15"):
        if d < "2020-01-01":
            c.imm("150", "Influenza, injectable, quadrivalent, preservative free", d, 1,
                  "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
        else:
            c.imm("197", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    c.imm("187", "zoster recombinant", "2019-05-14", 1, "Zoster (RZV)", 2)
    c.imm("187", "zoster recombinant", "2019-08-13", 2, "Zoster (RZV)", 2)
    c.imm("33", "pneumococcal polysaccharide PPV23", "2020-04-14", 1, "PPSV23", 1)
    c.imm("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free", "2023-10-17", 1, "PCV20", 1)
    for d, n in (("2021-02-09", 1), ("2021-03-09", 2), ("2021-11-16", 3)):
        c.imm("207", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose or 50 mcg/0.25mL dose", d, n, "COVID-19", 3)
    H["rsv_nd"] = c.imm("303", "RSV, bivalent, protein subunit RSVpreF, diluent reconstituted, 0.5 mL, PF", "2023-10-17",
                        None, status="not-done", reason="PATOBJ", note="Declined for now; wants to discuss with his wife.")
    # allergies
    H["contrast"] = c.allergy([sct("293637006", "Allergy to contrast media")], "2012-06-01", "medication", "low",
                              [sct("126485001", "Urticaria")], "mild",
                              note="Hives after CT contrast 2012. Premedicated (prednisone/diphenhydramine) before elective contrast studies; emergent CTA 2022 without reaction.")
    c.allergy([sct("418038007", "Propensity to adverse reactions to substance")], "2022-10-19", "medication", "low",
              [sct("418290006", "Itching")], "mild", atype="intolerance", substance=(RXNORM, "7052", "morphine"),
              note="Itching with IV morphine after CEA; tolerates hydromorphone.")
    # family / social
    H["fh_stroke"] = c.fmh("FTH", "father", [(sct("230690007", "Cerebrovascular accident"), 74, True)], "male",
                           "2013-04-09", deceased=76)
    c.fmh("MTH", "mother", [(sct("26929004", "Alzheimer's disease"), 80)], "female", "2013-04-09", deceased=88)
    c.fmh("BRO", "brother", [(sct("53741008", "Coronary arteriosclerosis"), 60)], "male", "2013-04-09")
    c.smoking("2013-04-09", "8517006", "Ex-smoker", note="30 pack-years; quit 1995")
    e = c.enc("AMB", "2025-06-17", typ=FU, provider=NEURO, reason=[stroke], text="Stroke clinic follow-up")
    c.vitals("2025-06-17", e, bp=(128, 76), hr=66, wt=86.1)
    H["last_note"] = c.note("progress", "2025-06-17", "Stroke clinic follow-up", (
        "STROKE CLINIC NOTE\n70M, L MCA stroke 10/2022, PAF on Eliquis 5 bid, atorvastatin 80 (LDL 61). No new "
        "neurological events. Mild anomia; reads the paper daily. R hand fine-motor slightly slow.\nFalls: none since "
        "1/2024 (icy driveway). Uses rollator outdoors.\nCode status: DNR/DNI (POLST 3/2024). No longer drives.\n"
        "ILR battery ~1 yr left - will not replace. Follow-up 12 months."), enc=e,
        author="Dr. Beatrix Kallstrom, MD (Vascular Neurology)")
    return c, H


def questions_p5(c, H):
    Q(c, "did he get tpa", "med_ever", [H["tpa"]], ["alteplase", day(H["tpa"])])
    Q(c, "thrombectomy - tici?", "procedure", [H["evt"]], ["TICI 2b"])
    n = obs(c, "70182-1")
    Q(c, "nihss on arrival and at discharge", "two_in_one", [n[0], n[-1]], [val(n[0]), val(n[-1])])
    Q(c, "peg still in?", "device", [H["peg_dus"], H["peg_out"]], ["2023-02-08"], match="any")
    Q(c, "why is he on elliquis", "med_why", [H["apix"], H["af"]], ["atrial fibrillation"])
    Q(c, "how was the af picked up", "device", [H["ilr_rep"]], ["loop recorder", "2022-11-22"])
    ac = meds(c, ["apixaban", "warfarin", "rivaroxaban", "dabigatran", "enoxaparin"], "active")
    Q(c, "blood thinner?", "med_class", ac, ["apixaban"])
    Q(c, "statin dose now, was it changed after the stroke", "two_in_one", [H["atorva80"], H["atorva20"]],
      ["80 mg", "Intensified"])
    ldl = obs(c, "13457-7")
    Q(c, "ldl at goal?", "lab_normal", [ldl[-1], H["goal_ldl"]], [val(ldl[-1]), "70"])
    Q(c, "cea which side, when", "procedure", [H["cea"]], ["left", day(H["cea"])])
    Q(c, "carotid stenosis how bad", "imaging_path", [H["duplex"]], ["70-79%"])
    Q(c, "discharge dispo after the stroke admit", "encounter_detail", [H["adm"]], ["Rehabilitation"])
    falls_ed = encs(c, "EMER", lambda e: "217082002" in enc_reason_codes(e))
    Q(c, "how many ed visits for falls", "encounter_count", falls_ed, [str(len(falls_ed))])
    cts = sorted([r for r in rtype(c, "DiagnosticReport") if codes_of(r)[0] == "24725-4"], key=eff)
    ct = closest(cts, "2023-05-15")
    Q(c, "ct head circa may 2023", "imaging_path", [ct], ["No acute intracranial hemorrhage"])
    Q(c, "water pill still?", "med_stopped_why", [H["hctz"]], ["hydrochlorothiazide", "Hyponatremia"])
    na = obs(c, "2951-2")
    lo = vmin(na)
    Q(c, "lowest sodium", "lab_extreme", [lo], [val(lo), day(lo)])
    Q(c, "code status", "note_only", [H["last_note"], H["polst_note"]], ["DNR/DNI"], match="any")
    Q(c, "does he still drive", "note_only", notes_with(c, "no longer drives"), ["No longer drives"], match="any")
    Q(c, "cpap?", "device", [H["cpap"]], ["CPAP"])
    Q(c, "what kind of aphasa", "condition", [H["aph"]], ["Expressive aphasia"])
    Q(c, "last swallow study", "imaging_path", [H["mbs_last"]], [day(H["mbs_last"]), "No aspiration"])
    phq = obs(c, "44261-6")
    Q(c, "phq9 trend", "lab_trend", phq, [val(phq[0]), val(phq[-1])])
    Q(c, "rsv vaccine?", "imm_not_done", [H["rsv_nd"]], ["patient objection"])
    td = imms(c, "115")
    Q(c, "contrast allergy - what reaction", "allergy", [H["contrast"]], ["Urticaria"])
    ef = obs(c, "10230-1")
    a1c = obs(c, "4548-4")
    # abstain
    Q(c, "any hx of dvt or pe", "condition", absent=["deep vein", "dvt", "pulmonary embol", "venous thromb"])
    Q(c, "hpv vaccine?", "imm_series", absent=["hpv", "papilloma"])
    Q(c, "cmv pcr", "lab_latest", absent=["cytomegalovirus", "cmv"])
    Q(c, "on humira?", "med_brand", absent=["adalimumab", "humira"])
    Q(c, "tamoxifen ever", "med_ever", absent=["tamoxifen"])
    Q(c, "dka admissions?", "encounter_count", absent=["ketoacidosis", "dka"])


# ===========================================================================
# Patient 6 (bulk export): woman ~30, type 1 diabetes since age 14: MDI -> pumps
# (670G -> t:slim X2) and CGM (G6 -> G7), 3 DKA admissions, severe hypoglycemia,
# retinopathy eye exams, celiac disease, Hashimoto on levothyroxine, ACE
# inhibitor for microalbuminuria.
# ===========================================================================
def build_p6():
    c = Chart(6, "-07:00", "2025-08-19", "bulk")
    c.history = ("Woman born 1995: type 1 diabetes since 2009, MDI -> MiniMed 670G -> t:slim X2 pump, Dexcom G6 -> G7 CGM, "
                 "3 DKA admissions, severe hypoglycemia 2019, nonproliferative retinopathy, celiac disease (biopsy), "
                 "Hashimoto on levothyroxine, lisinopril for microalbuminuria")
    c.make_patient("Nkemdirim-Voss", ["Lorelai", "Chidera"], "female", "1995-09-14", "5400 Thistledown Way Unit 12",
                   "Brackenridge", "CO", "80999", "B7-600271", "555-0152", marital=("S", "Never Married"),
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"))],
                             "name": {"family": "Nkemdirim-Voss", "given": ["Adaeze"], "text": "Adaeze Nkemdirim-Voss"},
                             "telecom": [{"system": "phone", "value": "555-0153", "use": "mobile"}]}])
    H = {}
    ENDO = "Front Range Diabetes Center"
    HOSP = "Brackenridge Memorial Hospital"
    EYE = "Alpine Retina & Eye"
    FU = sct("390906007", "Follow-up encounter (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    ADMT = sct("32485007", "Hospital admission (procedure)")
    FLU = "Influenza, injectable, quadrivalent, preservative free"

    t1d = c.cond([sct("46635009", "Diabetes mellitus type 1"), icd("E10.9", "Type 1 diabetes mellitus without complications")],
                 "2009-11-03", recorded="2012-01-17", text="Type 1 diabetes mellitus",
                 note="Diagnosed age 14 in DKA; GAD65 antibody positive.")
    H["t1d"] = t1d
    a1c_series = [("2012-01-17", 9.8), ("2012-07-17", 9.1), ("2013-01-15", 9.4), ("2013-10-15", 9.0), ("2014-06-17", 8.6),
                  ("2015-06-16", 8.4), ("2016-03-22", 8.8), ("2016-12-13", 7.9), ("2017-06-13", 7.6), ("2018-06-12", 7.3),
                  ("2019-03-12", 7.1), ("2019-09-10", 7.4), ("2020-03-10", 7.2), ("2020-09-15", 7.6), ("2021-03-16", 8.2),
                  ("2021-12-14", 7.0), ("2022-06-14", 6.8), ("2022-12-13", 6.9), ("2023-06-13", 6.7), ("2023-12-12", 6.9),
                  ("2024-06-11", 7.2), ("2024-12-10", 6.9), ("2025-06-17", 6.6)]
    wts = {"2012-01-17": 56.2, "2013-10-15": 58.0, "2015-06-16": 59.4, "2016-12-13": 61.8, "2018-06-12": 62.5,
           "2019-09-10": 63.1, "2020-09-15": 63.8, "2021-12-14": 64.6, "2022-12-13": 64.0, "2023-12-12": 63.2,
           "2024-12-10": 63.9, "2025-06-17": 63.5}
    H["endo"] = {}
    for d, v in a1c_series:
        e = c.enc("AMB", d, typ=FU, provider=ENDO if d >= "2013-06-01" else "Brackenridge Children's Diabetes Clinic",
                  reason=[t1d], text="Diabetes follow-up")
        H["endo"][d] = e
        c.vitals(d, e, bp=(108 + RNG.randint(0, 14), 68 + RNG.randint(0, 8)), wt=wts.get(d),
                 ht=165.0 if d == "2012-01-17" else None)
        c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", v, "%", d, high=5.6, enc=e, text="Hemoglobin A1c")
    E = H["endo"]
    H["lantus"] = c.med("285018", "insulin glargine 100 UNT/ML Pen Injector", "2012-01-17", "stopped",
                        "18 units subcut at bedtime", reason=[t1d], enc=E["2012-01-17"], end="2016-06-21",
                        stop_reason="Transitioned to insulin pump", stop_code="altchoice", text="Lantus SoloStar")
    H["humalog_pen"] = c.med("1652640", "insulin lispro 100 UNT/ML Pen Injector", "2012-01-17", "stopped",
                             "Per carb ratio 1 unit:12 g + correction 1:50 >150 mg/dL, subcut with meals", reason=[t1d],
                             enc=E["2012-01-17"], end="2016-06-21", stop_reason="Transitioned to insulin pump (vials)",
                             stop_code="altchoice", text="Humalog KwikPen")
    H["gluc_kit"] = c.med("1860167", "glucagon 1 MG Injection kit", "2012-01-17", "stopped",
                          "1 mg IM/subcut for severe hypoglycemia; may repeat in 15 min", reason=[t1d],
                          enc=E["2012-01-17"], end="2020-03-10", stop_reason="Changed to nasal glucagon",
                          stop_code="altchoice", text="Glucagon emergency kit")
    c.imm("114", "meningococcal MCV4P", "2012-01-17", 2, "MenACWY", 2, enc=E["2012-01-17"])
    # DKA episodes
    dka_info = [("2013-04-06", "2013-04-09", 548, 7.12, 8, 28, 6.8, 11.2, "Missed basal insulin for 2 days during exam week"),
                ("2017-12-02", "2017-12-04", 412, 7.21, 11, 24, 5.1, 8.9, "Viral gastroenteritis; did not check ketones or give correction"),
                ("2021-06-29", "2021-07-01", 463, 7.18, 9, 26, 5.9, 8.6, "Pump infusion set kinked overnight (670G); no insulin for about 9 hours")]
    H["dka_adm"], H["dka_cond"], H["bhb"] = [], [], []
    for st, en, glu, ph, hco3, ag, bhb, a1c, cause in dka_info:
        ed = c.enc("EMER", st, st, typ=ED, provider=HOSP, t="04:10", t_end="07:00",
                   reason=[sct("420422005", "Ketoacidosis due to diabetes mellitus")], text="Nausea, vomiting, high blood sugar")
        c.vitals(st, ed, bp=(102, 60), hr=122, rr=28, temp=37.3, t="04:15")
        c.lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", glu, "mg/dL", st, low=70, high=99, enc=ed, t="04:30")
        c.lab("2746-2", "pH of Venous blood", ph, "[pH]", st, low=7.32, high=7.43, enc=ed, t="04:30", text="Venous pH")
        c.lab("1963-8", "Bicarbonate [Moles/volume] in Serum or Plasma", hco3, "mmol/L", st, low=22, high=29, enc=ed,
              t="04:30", text="Bicarbonate")
        c.lab("33037-3", "Anion gap in Serum or Plasma", ag, "mmol/L", st, low=3, high=11, enc=ed, t="04:30")
        H["bhb"].append(c.lab("53060-9", "3-Hydroxybutyrate [Moles/volume] in Serum or Plasma", bhb, "mmol/L", st,
                              high=0.3, enc=ed, t="04:30", text="Beta-hydroxybutyrate"))
        c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", a1c, "%", st, high=5.6, enc=ed, t="04:30",
              text="Hemoglobin A1c")
        adm = c.enc("IMP", st, en, typ=ADMT, provider=HOSP, adm="emd", disp="home",
                    reason=[sct("420422005", "Ketoacidosis due to diabetes mellitus")], t="07:00", t_end="12:00",
                    text="Admission - diabetic ketoacidosis")
        H["dka_adm"].append(adm)
        H["dka_cond"].append(c.cond([sct("420422005", "Ketoacidosis due to diabetes mellitus"),
                                     icd("E10.10", "Type 1 diabetes mellitus with ketoacidosis without coma")], st,
                                    status="resolved", abate=en, enc=adm, cat="encounter-diagnosis",
                                    text="Diabetic ketoacidosis", note="Precipitant: " + cause))
        c.med("1653196", "insulin regular, human 100 UNT/ML Injectable Solution", st, "completed",
              "IV infusion per DKA protocol 0.1 unit/kg/h until anion gap closed", reason=[H["dka_cond"][-1]], enc=adm,
              end=en, course="acute", text="Insulin drip (DKA protocol)")
    c.note("discharge", "2013-04-09", "Discharge summary - DKA", (
        "DISCHARGE SUMMARY\n17F T1D since 2009 on Lantus/Humalog. Missed Lantus 2 nights during exam week. pH 7.12, "
        "HCO3 8, AG 28, BHB 6.8, glucose 548. Insulin drip 26 h, AG closed HD2. A1c 11.2.\nDischarged home with "
        "mother; diabetes educator visit; ketone strips; school nurse plan updated."), enc=H["dka_adm"][0],
        author="Dr. Peregrine Osei-Lund, MD (Pediatric Endocrinology)")
    # celiac
    H["ttg"] = [c.lab("31017-7", "Tissue transglutaminase IgA Ab [Units/volume] in Serum", 86, "U/mL", "2014-02-11",
                      high=4, text="tTG-IgA")]
    c.imm("33", "pneumococcal polysaccharide PPV23", "2014-02-11", 1, "PPSV23", 1)
    H["hgb_low"] = c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", 10.9, "g/dL", "2014-02-11", low=11.6, high=15.0)
    c.lab("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", 6, "ng/mL", "2014-02-11", low=15, high=150, text="Ferritin")
    egd_e = c.enc("AMB", "2014-03-18", typ=sct("386831001", "Esophagogastroduodenoscopy"),
                  provider="Brackenridge GI Associates", text="Upper endoscopy")
    H["egd"] = c.proc(sct("386831001", "Esophagogastroduodenoscopy"), "2014-03-18", enc=egd_e,
                      body_site=sct("38848004", "Duodenal structure"), text="EGD with duodenal biopsies (x6)",
                      outcome="Scalloped duodenal folds; biopsies taken", performer="Dr. Imre Castellanos-Boateng, MD (Gastroenterology)")
    celiac = c.cond([sct("396331005", "Celiac disease"), icd("K90.0", "Celiac disease")], "2014-03-18", enc=egd_e)
    H["celiac"] = celiac
    H["egd_path"] = c.report("60567-5", "Comprehensive pathology report panel", "2014-03-20", "SP",
                             "Duodenum, biopsies: total villous atrophy with crypt hyperplasia and increased intraepithelial lymphocytes (>40/100 enterocytes), consistent with celiac disease, Marsh 3b.",
                             ccodes=[sct("396331005", "Celiac disease")], enc=egd_e, performer="Brackenridge Pathology")
    ida = c.cond([sct("87522002", "Iron deficiency anemia"), icd("D50.9", "Iron deficiency anemia, unspecified")],
                 "2014-02-11", status="resolved", abate="2015-03-17", text="Iron deficiency anemia (celiac malabsorption)")
    c.med("310325", "ferrous sulfate 325 MG Oral Tablet", "2014-03-25", "completed", "325 mg by mouth daily",
          reason=[ida], end="2014-09-25")
    e = c.enc("AMB", "2014-03-25", typ=sct("11816003", "Diet education"), provider="Front Range Diabetes Center",
              reason=[celiac], text="Dietitian - gluten-free diet teaching")
    c.note("progress", "2014-03-25", "GI follow-up - celiac", (
        "GI PROGRESS NOTE\n18F T1D. tTG-IgA 86, EGD biopsies Marsh 3b - celiac disease. Hgb 10.9, ferritin 6 - iron "
        "deficiency from malabsorption. Start ferrous sulfate 325 daily. Strict gluten-free diet; dietitian teaching "
        "today. Repeat tTG in 12 months. Brother to be screened."), enc=e, author="Dr. Imre Castellanos-Boateng, MD (Gastroenterology)")
    for d, v in (("2015-03-17", 18), ("2016-03-22", 6), ("2017-06-13", 3), ("2020-06-16", 2), ("2024-06-11", 9)):
        H["ttg"].append(c.lab("31017-7", "Tissue transglutaminase IgA Ab [Units/volume] in Serum", v, "U/mL", d, high=4,
                              enc=E.get(d), text="tTG-IgA"))
    # Hashimoto
    e = E["2016-03-22"]
    H["tsh"] = [c.lab("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", 8.9, "m[IU]/L", "2016-03-22", low=0.45,
                      high=4.5, enc=e, text="TSH")]
    tpo = c.lab("8099-4", "Thyroperoxidase Ab [Units/volume] in Serum or Plasma", 412, "[IU]/mL", "2016-03-22", high=34,
                enc=e, text="TPO antibodies")
    hashi = c.cond([sct("21983002", "Hashimoto thyroiditis"), icd("E06.3", "Autoimmune thyroiditis")], "2016-03-22", enc=e,
                   text="Hashimoto thyroiditis (hypothyroid)")
    H["hashi"] = hashi
    H["levo50"] = c.med("966247", "levothyroxine sodium 0.05 MG Oral Tablet", "2016-03-22", "stopped",
                        "50 mcg by mouth every morning, 30-60 min before breakfast", reason=[hashi], enc=e, end="2019-09-10",
                        stop_reason="Dose increased to 75 mcg (TSH 6.2)", stop_code="altchoice")
    for d, v in (("2017-06-13", 3.1), ("2018-06-12", 4.0), ("2019-09-10", 6.2), ("2020-03-10", 2.2), ("2022-06-14", 1.8),
                 ("2024-06-11", 2.5)):
        H["tsh"].append(c.lab("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", v, "m[IU]/L", d, low=0.45,
                              high=4.5, enc=E[d], text="TSH"))
    H["levo75"] = c.med("966224", "levothyroxine sodium 0.075 MG Oral Tablet", "2019-09-10", "active",
                        "75 mcg by mouth every morning, 30-60 min before breakfast", reason=[hashi], enc=E["2019-09-10"],
                        text="levothyroxine 75 mcg")
    # pump
    e = c.enc("AMB", "2016-06-21", typ=sct("11429006", "Consultation (procedure)"), provider=ENDO, reason=[t1d],
              text="Insulin pump start")
    p670 = c.device(sct("69805005", "Insulin pump"), "Medtronic MiniMed 670G insulin pump", "inactive",
                    manufacturer="Medtronic MiniMed", model="MMT-1780", serial="NG1554621H")
    H["p670_dus"] = c.dus(p670, "2016-06-21", "2021-07-13", status="completed", reason=[t1d])
    H["lispro"] = c.med("242120", "insulin lispro 100 UNT/ML Injectable Solution", "2016-06-21", "active",
                        "Via insulin pump: basal 0.7-0.9 units/h, carb ratio 1:10, ISF 1:40, target 110 mg/dL",
                        reason=[t1d], enc=e, text="Humalog U-100 vial (pump)")
    c.note("progress", "2016-06-21", "Insulin pump start", (
        "ENDOCRINE NOTE - PUMP START\n20F, A1c 8.8. Started MiniMed 670G (manual mode initially). Basal 0.8 u/h "
        "(0.7 00-04, 0.9 04-10), ICR 1:10, ISF 40, target 110, active insulin 4 h. Stop Lantus/Humalog pens. "
        "Sick-day/ketone rules reviewed; keep pens as backup for pump failure."), enc=e,
        author="Dr. Wilhelmina Adeyemi-Cruz, MD (Endocrinology)")
    # CGM
    g6 = c.device(sct("337414009", "Blood glucose meter"), "Dexcom G6 continuous glucose monitor", "inactive",
                  manufacturer="Dexcom", model="G6", note="Real-time CGM; replaced by G7 2023-05-16")
    H["g6_dus"] = c.dus(g6, "2018-01-09", "2023-05-16", status="completed", reason=[t1d])
    H["adh"] = c.allergy([sct("402387002", "Allergic contact dermatitis due to adhesive")], "2018-03-13", "environment",
                         "low", [sct("40275004", "Contact dermatitis")], "mild",
                         note="Itchy erythema under CGM and infusion-set adhesive; uses barrier film (Skin Tac alternative) and rotates sites.")
    # hypoglycemia
    hed = c.enc("EMER", "2019-02-16", "2019-02-16", typ=ED, provider=HOSP, t="02:30", t_end="06:00",
                reason=[sct("302866003", "Hypoglycemia")], text="Severe hypoglycemia - EMS")
    H["glu_low"] = c.lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", 38, "mg/dL", "2019-02-16", low=70, high=99,
                         enc=hed, t="02:10", note="EMS fingerstick before glucagon")
    H["hypo"] = c.cond([sct("302866003", "Hypoglycemia"),
                        icd("E10.649", "Type 1 diabetes mellitus with hypoglycemia without coma")], "2019-02-16",
                       status="resolved", abate="2019-02-16", enc=hed, cat="encounter-diagnosis",
                       text="Severe hypoglycemia requiring assistance")
    c.note("ed", "2019-02-16", "ED note - hypoglycemia", (
        "ED NOTE\n23F T1D on 670G pump. At a party, 3 drinks, no bedtime snack; roommate Priya found her confused and "
        "sweaty at 01:50, gave glucagon 1 mg IM from her kit, called EMS. EMS BG 38 (after glucagon, before D10). "
        "Now alert, BG 142. Pump suspended x1 h, basal reduced overnight. Discharged home with roommate; education on "
        "alcohol and hypoglycemia."), enc=hed, author="Dr. Sorcha Mbeki-Lindahl, MD (Emergency Medicine)")
    H["baqsimi"] = c.med("2265731", "glucagon 3 MG/ACTUAT Nasal Powder", "2020-03-10", "active",
                         "3 mg (1 actuation) into one nostril for severe hypoglycemia; may repeat in 15 min",
                         reason=[t1d], enc=E["2020-03-10"], text="Baqsimi nasal glucagon")
    # eyes
    eye_ex = [("2013-08-13", "No diabetic retinopathy either eye."), ("2015-08-11", "No diabetic retinopathy either eye."),
              ("2017-08-15", "No diabetic retinopathy either eye."), ("2019-08-13", "No diabetic retinopathy either eye."),
              ("2020-08-11", "Mild nonproliferative diabetic retinopathy both eyes (scattered microaneurysms). No macular edema."),
              ("2022-08-16", "Mild nonproliferative diabetic retinopathy both eyes. No macular edema."),
              ("2023-08-22", "Moderate nonproliferative diabetic retinopathy left eye, mild right eye. No macular edema on OCT."),
              ("2024-08-20", "Moderate nonproliferative diabetic retinopathy left eye, mild right eye - stable. No macular edema."),
              ("2025-08-05", "Moderate nonproliferative diabetic retinopathy left eye, mild right eye - stable. No macular edema. Return 6 months.")]
    H["eye"] = []
    for d, concl in eye_ex:
        e = c.enc("AMB", d, typ=sct("36228007", "Ophthalmic examination and evaluation"), provider=EYE, reason=[t1d],
                  text="Diabetic eye exam")
        c.proc(sct("410451008", "Dilated fundus examination"), d, enc=e, reason=[t1d], outcome=concl.split(".")[0])
        code = sct("17621005", "Normal") if concl.startswith("No") else sct("390834004", "Nonproliferative diabetic retinopathy")
        H["eye"].append(c.report("32451-7", "Physical findings of Eye Narrative", d, "OTH", concl, ccodes=[code], enc=e,
                                 performer=EYE, text="Dilated diabetic eye exam"))
    H["retin"] = c.cond([sct("390834004", "Nonproliferative diabetic retinopathy"),
                         icd("E10.3293", "Type 1 diabetes mellitus with mild nonproliferative diabetic retinopathy without macular edema, bilateral")],
                        "2020-08-11", text="Nonproliferative diabetic retinopathy",
                        note="Mild both eyes 2020; moderate left eye from 2023-08-22.")
    # kidneys
    uacr = [("2017-06-13", 12), ("2019-03-12", 22), ("2021-03-16", 48), ("2021-09-21", 52), ("2022-12-13", 31),
            ("2023-12-12", 24), ("2024-12-10", 19), ("2025-06-17", 21)]
    H["uacr"] = []
    for d, v in uacr:
        e = E.get(d)
        if e is None:
            e = c.enc("AMB", d, typ=FU, provider=ENDO, reason=[t1d], text="Diabetes follow-up")
            E[d] = e
        H["uacr"].append(c.lab("9318-7", "Albumin/Creatinine [Mass Ratio] in Urine", v, "mg/g", d, high=29, enc=e,
                               text="Urine albumin/creatinine ratio"))
        c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", {12: 0.71, 22: 0.70, 48: 0.74, 52: 0.73, 31: 0.72,
                                                                         24: 0.74, 19: 0.73, 21: 0.75}[v], "mg/dL", d,
              low=0.57, high=1.00, enc=e)
    malb = c.cond([sct("312975006", "Microalbuminuria"), icd("E10.29", "Type 1 diabetes mellitus with other diabetic kidney complication")],
                  "2021-09-21", enc=E["2021-09-21"], text="Microalbuminuria (diabetic kidney disease)")
    H["malb"] = malb
    H["lisin"] = c.med("311353", "lisinopril 5 MG Oral Tablet", "2021-09-21", "active", "5 mg by mouth once daily",
                       reason=[malb], enc=E["2021-09-21"],
                       note="Teratogenic - continue reliable contraception; stop before conception.")
    H["ocp"] = c.med("748879", "levonorgestrel 0.15 MG / ethinyl estradiol 0.03 MG Oral Tablet", "2015-05-12", "active",
                     "1 tablet by mouth daily", reason=[sct("13197004", "Contraception")], text="combined oral contraceptive")
    # pump switch
    e = c.enc("AMB", "2021-07-13", typ=FU, provider=ENDO, reason=[t1d], text="Pump change after DKA")
    tslim = c.device(sct("69805005", "Insulin pump"), "Tandem t:slim X2 insulin pump with Control-IQ", "active",
                     manufacturer="Tandem Diabetes Care", model="t:slim X2", serial="TS-1187342")
    H["tslim"] = tslim
    H["tslim_dus"] = c.dus(tslim, "2021-07-13", None, status="active", reason=[t1d])
    H["switch_note"] = c.note("progress", "2021-07-13", "Endocrine - pump change", (
        "ENDOCRINE NOTE\nDKA 6/29 from kinked infusion set on 670G. She reports frequent auto-mode exits and alarm "
        "fatigue with the Guardian sensor, so she had been running manual mode with her Dexcom G6 standalone. "
        "Switching to Tandem t:slim X2 with Control-IQ (integrates with G6). Settings carried over; ICR 1:10, "
        "ISF 40. Infusion sets changed every 2-3 days; check ketones if BG >250 x2."), enc=e,
        author="Dr. Wilhelmina Adeyemi-Cruz, MD (Endocrinology)")
    H["fiasp_note"] = c.note("progress", "2022-04-12", "Endocrine follow-up", (
        "ENDOCRINE NOTE\nTrialed Fiasp in the t:slim since 2/2022 for faster post-meal coverage - site burning and "
        "more occlusion alarms, so back to Humalog from today. TIR 74%. No lows <54 in 14 days."),
        enc=c.enc("VR", "2022-04-12", typ=FU, provider=ENDO, reason=[t1d], text="Telehealth diabetes visit"),
        author="Dr. Wilhelmina Adeyemi-Cruz, MD (Endocrinology)")
    g7 = c.device(sct("337414009", "Blood glucose meter"), "Dexcom G7 continuous glucose monitor", "active",
                  manufacturer="Dexcom", model="G7")
    H["g7"] = g7
    H["g7_dus"] = c.dus(g7, "2023-05-16", None, status="active", reason=[t1d])
    tir = [("2021-12-14", 72), ("2022-06-14", 76), ("2023-06-13", 79), ("2024-06-11", 68), ("2025-06-17", 81)]
    H["tir"] = [c.lab("97510-2", "Glucose [Time] in range by Continuous glucose monitoring", v, "%", d, low=70,
                      enc=E[d], cat="survey", text="CGM time in range 70-180 mg/dL (14 days)") for d, v in tir]
    ldl = [("2017-06-13", 104), ("2019-09-10", 112), ("2021-03-16", 121), ("2023-06-13", 128), ("2024-06-11", 88),
           ("2025-06-17", 82)]
    H["ldl"] = [c.lab("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", v, "mg/dL", d,
                      high=99, enc=E[d], text="LDL cholesterol") for d, v in ldl]
    e = c.enc("AMB", "2023-09-26", typ=FU, provider=ENDO, reason=[t1d], text="Diabetes follow-up")
    H["statin"] = c.med("617312", "atorvastatin 10 MG Oral Tablet", "2023-09-26", "active", "10 mg by mouth daily",
                        reason=[t1d], enc=e, note="T1D >10 years with microalbuminuria and retinopathy. Stop before pregnancy.")
    # care plan and goals
    g1 = c.goal("Hemoglobin A1c below 7.0%", "2016-06-21", achievement="achieved", addresses=[t1d],
                target={"measure": lnc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"), "high": 7.0, "unit": "%"})
    g2 = c.goal("CGM time in range (70-180 mg/dL) above 70%", "2021-07-13", achievement="sustaining", addresses=[t1d],
                target={"measure": lnc("97510-2", "Glucose [Time] in range by Continuous glucose monitoring"),
                        "low": 70, "unit": "%"})
    g3 = c.goal("Strict gluten-free diet with normal tTG-IgA", "2014-03-25", achievement="worsening", addresses=[celiac],
                note="tTG 9 in 6/2024 after gluten exposure (eating out).")
    H["goals"] = [g1, g2, g3]
    H["plan"] = c.careplan("Diabetes self-management plan", sct("734163000", "Care plan (record artifact)"), "2021-07-13",
                           "Type 1 diabetes with pump and CGM; autoimmune comorbidities",
                           ["t:slim X2 with Control-IQ; infusion set change every 2-3 days",
                            "Check ketones if glucose over 250 mg/dL twice or if nauseated; backup pens",
                            "Hypoglycemia: 15 g fast carbs; Baqsimi for severe lows; roommate/partner trained",
                            "Dilated eye exam every 6-12 months", "Urine albumin/creatinine yearly",
                            "Gluten-free diet; tTG yearly", "TSH yearly"], addresses=[t1d, celiac, hashi], goals=[g1, g2, g3])
    # immunizations
    for d in ("2012-10-16", "2013-10-15", "2015-10-13", "2016-10-11", "2017-10-17", "2018-10-16", "2019-10-15",
              "2020-10-13", "2021-10-12", "2022-10-11", "2023-10-17", "2024-10-15"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    for d, n in (("2018-03-13", 1), ("2018-04-17", 2)):
        c.imm("189", "HepB-CpG", d, n, "Hepatitis B (Heplisav-B)", 2)
    for d, n in (("2021-04-06", 1), ("2021-04-27", 2), ("2021-12-14", 3)):
        c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", d, n, "COVID-19", 3)
    H["cov_nd"] = c.imm("229", "COVID-19, mRNA, LNP-S, bivalent, PF, 50 mcg/0.5 mL", "2022-10-11", None, status="not-done",
                        reason="PATOBJ", note="Declined bivalent booster.")
    c.imm("115", "Tdap", "2022-08-16", 1, "Td/Tdap booster", 1)
    c.allergy([sct("294539006", "Allergy to ciprofloxacin")], "2016-11-08", "medication", "low",
              [sct("126485001", "Urticaria")], "moderate", substance=(RXNORM, "2551", "ciprofloxacin"),
              note="Hives day 2 of ciprofloxacin for UTI.")
    c.fmh("MAUNT", "maternal aunt", [(sct("46635009", "Diabetes mellitus type 1"), 12)], "female", "2012-01-17")
    c.fmh("MTH", "mother", [(sct("21983002", "Hashimoto thyroiditis"), 35)], "female", "2016-03-22")
    c.fmh("BRO", "brother", [(sct("396331005", "Celiac disease"), 20)], "male", "2014-06-17")
    c.fmh("FTH", "father", [(sct("38341003", "Hypertensive disorder, systemic arterial"), 50)], "male", "2012-01-17")
    c.smoking("2012-01-17", "266919005", "Never smoker", enc=E["2012-01-17"])
    H["last_note"] = c.note("progress", "2025-06-17", "Endocrine follow-up", (
        "ENDOCRINE NOTE\n29F T1D x15 y on t:slim X2/Control-IQ + Dexcom G7. A1c 6.6, TIR 81%, TBR 2%. No severe lows "
        "since 2019; no DKA since 2021.\nEyes 8/2024: moderate NPDR L, mild R, no DME. UACR 21 on lisinopril 5. "
        "Celiac: tTG 9 last year after eating out; re-education with dietitian. TSH 2.5 on levothyroxine 75 (Synthroid).\n"
        "Social: software QA tester, works remotely. Lives with fiance Oren since 2023 (trained on Baqsimi); roommate "
        "Priya moved out. Never smoker; 1-2 drinks/week. Driving: checks CGM before driving, does not drive if under "
        "90 mg/dL.\nPreconception: planning pregnancy in 1-2 years - will stop lisinopril and atorvastatin before "
        "conception, start folic acid, A1c <6.5 goal, eye exam each trimester."), enc=E["2025-06-17"],
        author="Dr. Wilhelmina Adeyemi-Cruz, MD (Endocrinology)")
    return c, H


def questions_p6(c, H):
    a1c = obs(c, "4548-4")
    this_yr = in_range(a1c, c.now[:4] + "-01-01", c.now)
    Q(c, "a1c this yr", "lab_at_time", this_yr, [val(o) for o in this_yr])
    hi = vmax(a1c)
    Q(c, "worst a1c ever", "lab_extreme", [hi], [val(hi), day(hi)])
    m20 = closest(a1c, "2020-03-15")
    Q(c, "a1c around march 2020", "lab_at_time", [m20], [val(m20)])
    dka = encs(c, "IMP", lambda e: "420422005" in enc_reason_codes(e))
    Q(c, "how many dka admits", "encounter_count", dka, [str(len(dka))])
    Q(c, "last dka - what set it off", "condition", [H["dka_cond"][-1]], [day(H["dka_cond"][-1]), "kinked"])
    Q(c, "what pump is she on", "device", [H["tslim"]], ["t:slim X2"])
    Q(c, "why did she switch pumps", "note_only", [H["switch_note"]], ["auto-mode exits"])
    Q(c, "cgm?", "device", [H["g7"]], ["Dexcom G7"])
    Q(c, "is she on lantus", "med_brand", [H["lantus"]], ["glargine", "insulin pump"])
    Q(c, "ever tried fiasp", "note_only", [H["fiasp_note"]], ["Fiasp", "site burning"])
    Q(c, "thyroid pill dose", "med_dose", [H["levo75"]], ["levothyroxine", "75 mcg"])
    tsh = obs(c, "3016-3")
    Q(c, "how was the celliac dx'd", "pathology", [H["egd_path"], H["egd"]], ["Marsh 3b", "2014-03-18"], match="all")
    ttg = obs(c, "31017-7")
    Q(c, "ttg latest normal?", "lab_normal", [ttg[-1]], [val(ttg[-1]), "High"])
    Q(c, "last eye exam result", "imaging_path", [H["eye"][-1]], [day(H["eye"][-1]), "Moderate nonproliferative diabetic retinopathy"])
    Q(c, "why is she on an ace", "med_why", [H["lisin"], H["malb"]], ["microalbuminuria"])
    ua = obs(c, "9318-7")
    pk = vmax(ua)
    Q(c, "urine microalbumin trend", "lab_trend", ua, [val(pk), val(ua[-1])])
    gl = meds(c, "glucagon", "active")
    Q(c, "glucogon rx? which one", "med_active", gl, ["glucagon", "Nasal"])
    Q(c, "severe low ever? bg", "condition", [H["hypo"], H["glu_low"]], [day(H["hypo"]), val(H["glu_low"])])
    tir = obs(c, "97510-2")
    st = meds(c, ["atorvastatin", "rosuvastatin", "simvastatin", "pravastatin"], "active")
    fam = [f for f in rtype(c, "FamilyMemberHistory")
           if any(x in codes_of(y) for y in f["condition"] for x in ("46635009", "21983002", "396331005"))]
    Q(c, "fam hx autoimmune", "family_hx", fam, ["maternal aunt", "mother", "brother"])
    Q(c, "covid booster declined?", "imm_not_done", [H["cov_nd"]], ["patient objection", day(H["cov_nd"])])
    ppsv = imms(c, "33")
    Q(c, "adhesive allergy - reaction", "allergy", [H["adh"]], ["Contact dermatitis"])
    Q(c, "who lives with her", "social_note", [H["last_note"]], ["Oren"])
    Q(c, "any driving precautions", "note_only", notes_with(c, "driving"), ["before driving"], match="any")
    bhb = obs(c, "53060-9")
    Q(c, "bhb at the first dka", "lab_at_time", [bhb[0]], [val(bhb[0])])
    # abstain
    Q(c, "last lithium", "lab_latest", absent=["lithium"])
    Q(c, "anastrazole?", "med_brand", absent=["anastrozole", "aromatase"])
    Q(c, "inr today", "lab_latest", absent=["inr", "warfarin", "prothrombin"])
    Q(c, "peanut ige", "lab_latest", absent=["peanut"])
    Q(c, "quantiferon neg?", "lab_latest", absent=["quantiferon", "tuberculosis", "interferon gamma"])
    Q(c, "stimulant for adhd?", "med_class", absent=["adhd", "attention deficit", "methylphenidate", "amphetamine"])


# ===========================================================================
# Patient 7 (bulk export): man ~50, seropositive RA first treated as gout;
# methotrexate + folic acid (transaminitis) -> adalimumab after QuantiFERON,
# prednisone tapers, shingles then Shingrix, right total knee replacement.
# ===========================================================================
def build_p7():
    c = Chart(7, "-06:00", "2025-09-16", "bulk")
    c.history = ("Man born 1975: polyarthritis treated as gout 2013 (refuted), seropositive RA 2014; methotrexate + folic "
                 "acid stopped for transaminitis/fatty liver, hydroxychloroquine and sulfasalazine failures, adalimumab "
                 "since 2017 after negative QuantiFERON, prednisone tapers, shingles 2019 -> Shingrix, right TKA 2023")
    c.make_patient("Brannigan", ["Casimir", "Oduya"], "male", "1975-11-30", "14 Old Ferry Landing", "Calloway Bend", "TX",
                   "75999", "B7-700958", "555-0177",
                   contact=[{"relationship": [cc(("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"))],
                             "name": {"family": "Brannigan", "given": ["Noor"], "text": "Noor Brannigan"},
                             "telecom": [{"system": "phone", "value": "555-0178", "use": "mobile"}]}])
    H = {}
    PCP = "Calloway Bend Primary Care"
    RHEUM = "Trinity Plains Rheumatology"
    HOSP = "Calloway Bend Regional Hospital"
    ORTHO = "Trinity Plains Orthopaedics"
    FU = sct("390906007", "Follow-up encounter (procedure)")
    ED = sct("50849002", "Emergency room admission (procedure)")
    FLU = "Influenza, injectable, quadrivalent, preservative free"
    RK = sct("6757004", "Structure of right knee region")

    e = c.enc("AMB", "2013-05-14", typ=sct("185349003", "Encounter for check up (procedure)"), provider=PCP,
              text="Annual physical")
    c.vitals("2013-05-14", e, bp=(134, 84), wt=101.2, ht=178.4, bmi=31.8, hr=78)
    H["smk0"] = c.smoking("2013-05-14", "449868002", "Smokes tobacco daily", enc=e, note="1 pack per day, 20 pack-years")
    obes = c.cond([sct("414916001", "Obesity"), icd("E66.9", "Obesity, unspecified")], "2013-05-14", enc=e)
    # gout misdiagnosis
    ged = c.enc("EMER", "2013-10-21", "2013-10-21", typ=ED, provider=HOSP, t="11:00", t_end="15:00",
                reason=[sct("202381003", "Swelling of knee joint")], text="Painful swollen left knee and right ankle")
    c.vitals("2013-10-21", ged, bp=(142, 88), hr=96, temp=37.6, t="11:05")
    H["ua"] = [c.lab("3084-1", "Urate [Mass/volume] in Serum or Plasma", 6.1, "mg/dL", "2013-10-21", low=3.7, high=8.6,
                     enc=ged, text="Uric acid")]
    H["gout"] = c.cond([sct("90560007", "Gout"), icd("M10.9", "Gout, unspecified")], "2013-10-21", status="inactive",
                       ver="refuted", enc=ged, cat="encounter-diagnosis", text="Gout (clinical diagnosis in ED)",
                       note="Refuted 2014-02-25: knee aspirate without crystals; seropositive rheumatoid arthritis.")
    H["colch"] = c.med("197541", "colchicine 0.6 MG Oral Tablet", "2013-10-21", "stopped",
                       "1.2 mg then 0.6 mg in 1 hour, then 0.6 mg daily", reason=[H["gout"]], enc=ged, end="2014-03-11",
                       stop_reason="Diagnosis revised to rheumatoid arthritis (no crystals on aspirate)", stop_code="altchoice")
    c.med("197806", "indomethacin 50 MG Oral Capsule", "2013-10-21", "completed", "50 mg by mouth three times daily x 5 days",
          reason=[H["gout"]], enc=ged, end="2013-10-26", course="acute")
    c.note("ed", "2013-10-21", "ED note - joint swelling", (
        "ED NOTE\n37M with 3 days of L knee and R ankle swelling, also stiff hands in the morning. Father has gout. "
        "Drinks 6-8 beers on weekends. Uric acid 6.1. No aspiration done in ED. Impression: acute gout flare, "
        "polyarticular. Colchicine + indomethacin; PCP follow-up."), enc=ged, author="Dr. Rutendo Vasquez-Kirby, MD (Emergency Medicine)")
    e = c.enc("AMB", "2013-11-12", typ=FU, provider=PCP, text="Follow-up - joint pain persists")
    # rheumatology
    rc = c.enc("AMB", "2014-02-25", typ=sct("11429006", "Consultation (procedure)"), provider=RHEUM,
               reason=[sct("57676002", "Joint pain")], text="Rheumatology consultation")
    c.vitals("2014-02-25", rc, bp=(132, 82), wt=100.4, hr=80)
    H["rf"] = c.lab("11572-5", "Rheumatoid factor [Units/volume] in Serum or Plasma", 112, "[IU]/mL", "2014-02-25",
                    high=14, enc=rc, text="Rheumatoid factor")
    H["ccp"] = c.lab("53027-8", "Cyclic citrullinated peptide Ab [Units/volume] in Serum by Immunoassay", 312, "U/mL",
                     "2014-02-25", high=19, enc=rc, text="Anti-CCP antibody")
    H["crp"] = [c.lab("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", 38, "mg/L", "2014-02-25", high=10,
                      enc=rc, text="CRP")]
    c.lab("4537-7", "Erythrocyte sedimentation rate by Westergren method", 48, "mm/h", "2014-02-25", high=15, enc=rc,
          text="ESR")
    H["ua"].append(c.lab("3084-1", "Urate [Mass/volume] in Serum or Plasma", 5.8, "mg/dL", "2014-02-25", low=3.7,
                         high=8.6, enc=rc, text="Uric acid"))
    c.coded("5196-1", "Hepatitis B virus surface Ag [Presence] in Serum", sct("260385009", "Negative"), "2014-02-25", enc=rc,
            text="HBsAg")
    c.coded("16128-1", "Hepatitis C virus Ab [Presence] in Serum", sct("260385009", "Negative"), "2014-02-25", enc=rc,
            text="HCV antibody")
    H["tap"] = c.proc(sct("309848005", "Aspiration of knee joint"), "2014-02-25", enc=rc,
                      body_site=sct("82169009", "Structure of left knee region") , text="Left knee arthrocentesis",
                      outcome="35 mL cloudy yellow fluid")
    H["xtal"] = c.coded("5797-6", "Crystals [type] in Synovial fluid", None, "2014-02-25", enc=rc,
                        value_text="No crystals seen (polarized microscopy)", text="Synovial fluid crystals")
    c.lab("14397-4", "Leukocytes [#/volume] in Synovial fluid", 18500, "/uL", "2014-02-25", high=200, enc=rc,
          ucum="/uL", text="Synovial fluid WBC")
    c.report("37632-7", "XR Hands and Feet", "2014-02-25", "RAD",
             "Periarticular osteopenia at MCP and PIP joints bilaterally. No erosions. Soft tissue swelling 2nd/3rd MCPs.",
             ccodes=[sct("69896004", "Rheumatoid arthritis")], enc=rc)
    ra = c.cond([sct("69896004", "Rheumatoid arthritis"),
                 icd("M05.79", "Rheumatoid arthritis with rheumatoid factor of multiple sites without organ or systems involvement")],
                "2014-02-25", enc=rc, text="Seropositive rheumatoid arthritis", severity=sct("6736007", "Moderate"))
    H["ra"] = ra
    H["consult"] = c.note("hp", "2014-02-25", "Rheumatology consultation", (
        "RHEUMATOLOGY CONSULT\n38M, 5 months of symmetric pain/swelling MCPs, PIPs, wrists, L knee, R ankle; morning "
        "stiffness 2 h. Treated for gout in ED 10/2013 without crystal confirmation; little response to colchicine.\n"
        "Today: L knee aspirate - WBC 18,500, no crystals. RF 112, anti-CCP 312, ESR 48, CRP 38, uric acid 5.8.\n"
        "DAS28-CRP 5.6. Dx: seropositive RA - gout unlikely.\nSocial: commercial electrician; married to Noor, two kids "
        "(Amira 8, Jonas 6). Smokes 1 ppd - smoking worsens RA, advised to quit. 6-8 beers on weekends - must cut to "
        "<=2 drinks/week on methotrexate.\nPlan: MTX 15 mg weekly + folic acid 1 mg daily, HCQ 200 bid, prednisone "
        "20 mg taper over 6 wk, stop colchicine. Baseline CXR, hepatitis serologies negative."), enc=rc,
        author="Dr. Marisol Eberhardt-Nakamura, MD (Rheumatology)")
    e = c.enc("AMB", "2014-03-11", typ=FU, provider=RHEUM, reason=[ra], text="Rheumatology - start DMARDs")
    H["mtx15"] = c.med("105586", "methotrexate 2.5 MG Oral Tablet", "2014-03-11", "stopped",
                       "15 mg (6 tablets) by mouth once weekly on Mondays", reason=[ra], enc=e, end="2015-01-13",
                       stop_reason="Dose increased to 20 mg weekly", stop_code="altchoice", text="methotrexate 15 mg weekly")
    H["folic"] = c.med("310410", "folic acid 1 MG Oral Tablet", "2014-03-11", "stopped", "1 mg by mouth daily", reason=[ra],
                       enc=e, end="2017-04-11", stop_reason="Methotrexate stopped", stop_code="altchoice")
    H["hcq"] = c.med("979092", "hydroxychloroquine sulfate 200 MG Oral Tablet", "2014-03-11", "stopped",
                     "200 mg by mouth twice daily", reason=[ra], enc=e, end="2016-02-16",
                     stop_reason="Inadequate response", stop_code="altchoice", text="Plaquenil")
    H["pred1"] = c.med("312615", "predniSONE 20 MG Oral Tablet", "2014-03-11", "completed",
                       "20 mg daily x 2 wk, 15 mg x 2 wk, 10 mg x 1 wk, 5 mg x 1 wk then stop", reason=[ra], enc=e,
                       end="2014-04-22", course="acute", text="prednisone taper")
    H["nap"] = c.med("198013", "naproxen 500 MG Oral Tablet", "2014-02-25", "stopped",
                     "500 mg by mouth twice daily with food as needed", reason=[ra], enc=rc, end="2016-11-22",
                     stop_reason="Dyspepsia and rising blood pressure", stop_code="sintol")
    c.med("198053", "omeprazole 20 MG Delayed Release Oral Capsule", "2014-03-11", "active", "20 mg by mouth daily",
          reason=[sct("162031009", "Indigestion")], enc=e)
    c.report("36643-5", "XR Chest 2 Views", "2014-03-04", "RAD", "No active cardiopulmonary disease.",
             ccodes=[sct("17621005", "Normal")])
    c.imm("115", "Tdap", "2014-03-11", 1, "Td/Tdap booster", 1, enc=e)
    c.smoking("2015-01-13", "8517006", "Ex-smoker", note="Quit 2014-06 with nicotine gum")
    mon = [("2014-06-10", 28, 26, 0.92, 6.8, 14), ("2014-12-09", 31, 27, 0.94, 6.2, 9), ("2015-01-13", 33, 29, 0.93, 6.5, 12),
           ("2015-07-14", 36, 30, 0.95, 5.9, 7), ("2016-02-16", 44, 35, 0.96, 6.1, 11), ("2016-08-16", 58, 44, 0.94, 6.0, 8),
           ("2016-11-22", 71, 52, 0.97, 5.8, 6), ("2017-02-14", 96, 70, 0.96, 5.6, 5), ("2017-04-11", 142, 98, 0.98, 5.9, 7),
           ("2017-06-06", 48, 36, 0.95, 6.4, 15), ("2017-09-12", 36, 29, 0.94, 6.0, 6), ("2018-06-12", 31, 26, 0.96, 6.3, 3),
           ("2019-03-12", 29, 25, 0.97, 6.1, 4), ("2020-05-12", 33, 27, 0.99, 6.6, 4), ("2021-03-16", 35, 28, 0.98, 7.1, 22),
           ("2022-03-08", 30, 26, 1.01, 6.4, 6), ("2023-04-18", 32, 27, 1.00, 6.2, 4), ("2024-03-12", 29, 25, 1.02, 6.5, 3),
           ("2025-09-09", 27, 24, 1.03, 6.3, 2)]
    H["alt"], H["rh_encs"] = [], {}
    for d, alt, ast, cr, wbc, crp in mon:
        e = [x for x in rtype(c, "Encounter") if day(x) == d and x["class"]["code"] == "AMB"]
        e = e[0] if e else c.enc("AMB", d, typ=FU, provider=RHEUM, reason=[ra], text="Rheumatology follow-up")
        H["rh_encs"][d] = e
        c.vitals(d, e, bp=(128 + RNG.randint(-4, 10), 80 + RNG.randint(-4, 6)), wt=round(98 + RNG.uniform(-3, 3), 1))
        H["alt"].append(c.lab("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", alt,
                              "U/L", d, high=44, enc=e, text="ALT"))
        c.lab("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", ast, "U/L", d,
              high=40, enc=e, text="AST")
        c.lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", cr, "mg/dL", d, low=0.76, high=1.27, enc=e)
        c.lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", wbc, "10*3/uL", d, low=3.4, high=10.8, enc=e,
              text="WBC")
        if d in ("2016-02-16", "2017-06-06", "2018-06-12", "2021-03-16", "2023-04-18", "2025-09-09"):
            H["crp"].append(c.lab("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", crp, "mg/L", d,
                                  high=10, enc=e, text="CRP"))
    R = H["rh_encs"]
    H["mtx20"] = c.med("105586", "methotrexate 2.5 MG Oral Tablet", "2015-01-13", "stopped",
                       "20 mg (8 tablets) by mouth once weekly on Mondays", reason=[ra], enc=R["2015-01-13"],
                       end="2017-04-11", stop_reason="Elevated transaminases (ALT more than 3x upper limit of normal)",
                       stop_code="sintol", text="methotrexate 20 mg weekly")
    H["ssz"] = c.med("198225", "sulfasalazine 500 MG Delayed Release Oral Tablet", "2016-02-16", "stopped",
                     "500 mg twice daily, increase weekly to 1000 mg twice daily", reason=[ra], enc=R["2016-02-16"],
                     end="2016-03-15", stop_reason="Rash and nausea", stop_code="salg", text="Azulfidine EN-tabs")
    H["ssz_all"] = c.allergy([sct("294296009", "Allergy to sulfasalazine")], "2016-03-10", "medication", "low",
                             [sct("271807003", "Eruption of skin"), sct("422587007", "Nausea")], "moderate",
                             substance=(RXNORM, "9524", "sulfasalazine"), note="Pruritic rash + nausea week 3 of sulfasalazine.")
    us_e = c.enc("AMB", "2016-11-29", typ=sct("363679005", "Imaging (procedure)"), provider=HOSP, text="Abdominal ultrasound")
    H["liver_us"] = c.report("24531-6", "US Abdomen", "2016-11-29", "RAD",
                             "Diffusely increased hepatic echogenicity consistent with moderate hepatic steatosis. No focal lesion. Spleen normal.",
                             ccodes=[sct("197321007", "Steatosis of liver")], enc=us_e)
    nafld = c.cond([sct("197321007", "Steatosis of liver"), icd("K76.0", "Fatty (change of) liver, not elsewhere classified")],
                   "2016-11-29", enc=us_e, text="Hepatic steatosis (NAFLD)")
    H["mtx_note"] = c.note("progress", "2017-04-11", "Rheumatology follow-up", (
        "RHEUMATOLOGY NOTE\nALT 142 / AST 98 (>3x ULN), rising since 2016 despite alcohol cut to 2 drinks/week. "
        "US 11/2016: moderate steatosis. Stop methotrexate and folic acid. DAS28-CRP 4.9 - moderate activity on MTX "
        "monotherapy (HCQ failed, sulfasalazine rash).\nPlan: TNF inhibitor - QuantiFERON, hep B core Ab, CXR first. "
        "Prior authorization for Humira. Weight loss counseling."), enc=R["2017-04-11"],
        author="Dr. Marisol Eberhardt-Nakamura, MD (Rheumatology)")
    pre = c.enc("AMB", "2017-05-16", typ=FU, provider=RHEUM, reason=[ra], text="Pre-biologic screening")
    H["qft"] = [c.coded("71773-6", "Mycobacterium tuberculosis stimulated gamma interferon [Presence] in Blood",
                        sct("260385009", "Negative"), "2017-05-16", enc=pre, interp="NEG", text="QuantiFERON-TB Gold Plus")]
    c.coded("13952-7", "Hepatitis B virus core Ab [Presence] in Serum or Plasma", sct("260385009", "Negative"),
            "2017-05-16", enc=pre, text="Hep B core antibody")
    H["hbsab"] = c.lab("16935-9", "Hepatitis B virus surface Ab [Units/volume] in Serum", 86, "m[IU]/mL", "2017-05-16",
                       low=10, enc=pre, text="Anti-HBs")
    H["cxr17"] = c.report("36643-5", "XR Chest 2 Views", "2017-05-16", "RAD", "No evidence of active or prior tuberculosis. Clear lungs.",
                          ccodes=[sct("17621005", "Normal")], enc=pre)
    H["hepb_nd"] = c.imm("43", "Hep B, adult", "2017-05-16", None, status="not-done", reason="IMMUNE", enc=pre,
                         note="Anti-HBs 86 mIU/mL - immune; series not needed.")
    c.imm("133", "Pneumococcal conjugate PCV 13", "2017-05-16", 1, "PCV13", 1, enc=pre)
    c.imm("33", "pneumococcal polysaccharide PPV23", "2018-07-17", 1, "PPSV23", 1)
    H["humira"] = c.med("1606196", "adalimumab 40 MG/0.4ML Auto-Injector", "2017-06-06", "active",
                        "40 mg subcut every 14 days", reason=[ra], enc=R["2017-06-06"], text="Humira Pen 40 mg/0.4 mL")
    c.note("progress", "2017-06-06", "Rheumatology - start biologic", (
        "RHEUMATOLOGY NOTE\nQuantiFERON negative, HBcAb negative, anti-HBs 86 (immune), CXR clear. First Humira 40 mg "
        "injection given in clinic with teaching. Every 2 weeks. Hold for fever/infection; no live vaccines. ALT 48 and "
        "falling off MTX."), enc=R["2017-06-06"], author="Dr. Marisol Eberhardt-Nakamura, MD (Rheumatology)")
    c.report("37632-7", "XR Hands and Feet", "2019-03-12", "RAD",
             "New small marginal erosion at the right 2nd MCP head. Periarticular osteopenia. No other erosions.",
             ccodes=[sct("69896004", "Rheumatoid arthritis")], enc=R["2019-03-12"])
    H["xr19"] = [r for r in rtype(c, "DiagnosticReport") if day(r) == "2019-03-12"][0]
    # shingles
    ze = c.enc("AMB", "2019-08-06", typ=sct("185347001", "Encounter for problem (procedure)"), provider=PCP,
               reason=[sct("4740000", "Herpes zoster")], text="Painful rash right chest")
    H["zoster"] = c.cond([sct("4740000", "Herpes zoster"), icd("B02.9", "Zoster without complications")], "2019-08-06",
                         status="resolved", abate="2019-09-10", enc=ze, text="Herpes zoster, right T8 dermatome")
    c.med("313867", "valacyclovir 1000 MG Oral Tablet", "2019-08-06", "completed",
          "1 g by mouth three times daily x 7 days", reason=[H["zoster"]], enc=ze, end="2019-08-13", course="acute")
    c.note("progress", "2019-08-06", "Zoster visit", (
        "PRIMARY CARE NOTE\nR T8 dermatomal vesicular rash x2 days. On Humira. Valacyclovir 1 g tid x7d. Hold Humira "
        "for 2 weeks (discussed with rheum). Shingrix series after recovery."), enc=ze,
        author="Dr. Hollis Akintola-Grey, MD (Family Medicine)")
    H["shingrix"] = [c.imm("187", "zoster recombinant", "2020-02-11", 1, "Zoster (RZV)", 2),
                     c.imm("187", "zoster recombinant", "2020-04-14", 2, "Zoster (RZV)", 2)]
    H["qft"].append(c.coded("71773-6", "Mycobacterium tuberculosis stimulated gamma interferon [Presence] in Blood",
                            sct("260385009", "Negative"), "2020-05-12", enc=R["2020-05-12"], interp="NEG",
                            text="QuantiFERON-TB Gold Plus"))
    # flare 2021
    H["pred2"] = c.med("312617", "predniSONE 10 MG Oral Tablet", "2021-03-16", "completed",
                       "10 mg daily x 2 wk, 7.5 mg x 1 wk, 5 mg x 1 wk then stop", reason=[ra], enc=R["2021-03-16"],
                       end="2021-04-13", course="acute", text="prednisone taper (flare)")
    # knee OA and TKA
    koa = c.cond([sct("239873007", "Osteoarthritis of knee"), icd("M17.11", "Unilateral primary osteoarthritis, right knee")],
                 "2021-09-14", text="Right knee osteoarthritis (secondary, inflammatory)", body_site=RK)
    H["inj"] = [c.proc(sct("91602002", "Injection of steroid into knee joint"), "2021-09-14", body_site=RK, reason=[koa],
                       text="Right knee triamcinolone 40 mg injection", outcome="Relief about 3 months"),
                c.proc(sct("91602002", "Injection of steroid into knee joint"), "2022-03-08", body_site=RK, reason=[koa],
                       enc=R["2022-03-08"], text="Right knee triamcinolone 40 mg injection", outcome="Relief about 6 weeks")]
    H["knee_xr"] = c.report("24673-6", "XR Knee 3 Views Right", "2022-03-08", "RAD",
                            "Severe tricompartmental osteoarthritis of the right knee with bone-on-bone medial joint space, subchondral sclerosis and osteophytes.",
                            ccodes=[sct("239873007", "Osteoarthritis of knee")], enc=R["2022-03-08"])
    po = c.enc("AMB", "2023-04-18", typ=sct("11429006", "Consultation (procedure)"), provider=ORTHO, reason=[koa],
               text="Pre-operative evaluation - right TKA")
    c.lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 5.7, "%", "2023-04-18", high=5.6, enc=po,
          text="Hemoglobin A1c")
    c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", 14.1, "g/dL", "2023-04-18", low=13.0, high=17.7, enc=po)
    tka = c.enc("IMP", "2023-05-16", "2023-05-18", typ=sct("305408004", "Admission to surgical department (procedure)"),
                provider=HOSP, adm="outp", disp="home", reason=[koa], t="06:00", t_end="12:00",
                text="Elective admission - right total knee arthroplasty",
                disp_text="Home with home health physical therapy")
    H["tka_adm"] = tka
    imp = c.device(sct("303500004", "Knee joint prosthesis"), "Total knee prosthesis, cemented posterior-stabilized",
                   "active", manufacturer="Aurelis Orthopaedics", model="TKS-3 PS", lot="AUR-77231-K",
                   udi="00887654321095", serial="TKS3-2305-4471")
    H["implant"] = imp
    H["tka"] = c.proc(sct("609588000", "Total knee replacement"), "2023-05-16", body_site=RK, reason=[koa], enc=tka,
                      devices=[(("129407005", "Implantation"), imp)], text="Right total knee arthroplasty",
                      outcome="Uncomplicated; EBL 150 mL", performer="Dr. Ignatius Rahimi-Coles, MD (Orthopaedic Surgery)")
    H["implant_dus"] = c.dus(imp, "2023-05-16", None, status="active", reason=[koa], body_site=RK)
    c.lab("718-7", "Hemoglobin [Mass/volume] in Blood", 11.2, "g/dL", "2023-05-17", low=13.0, high=17.7, enc=tka)
    c.med("854235", "enoxaparin sodium 40 MG/0.4ML Prefilled Syringe", "2023-05-17", "completed",
          "40 mg subcut daily x 14 days (VTE prophylaxis)", reason=[koa], enc=tka, end="2023-05-31", course="acute")
    c.med("1049621", "oxycodone hydrochloride 5 MG Oral Tablet", "2023-05-18", "completed",
          "5 mg by mouth every 6 hours as needed for severe pain, max 5 days", reason=[koa], enc=tka, end="2023-05-23",
          course="acute")
    c.proc(sct("91251008", "Physical therapy procedure"), period=("2023-05-19", "2023-07-28"), reason=[koa],
           text="Post-TKA physical therapy (home health then outpatient)", outcome="Knee flexion 118 degrees; full extension")
    c.note("discharge", "2023-05-18", "Discharge summary - right TKA", (
        "DISCHARGE SUMMARY\nElective R TKA 5/16/2023 (Aurelis TKS-3 PS, cemented). Humira held since 5/2 (last dose "
        "5/2) - resume 5/30 if wound healed. Enoxaparin 40 daily x14 d. Hgb 11.2 POD1. Ambulating with walker.\n"
        "Discharged home with wife Noor; home health PT. Off work 8-10 weeks (electrician), then light duty."),
        enc=tka, author="Dr. Ignatius Rahimi-Coles, MD (Orthopaedic Surgery)")
    H["qft"].append(c.coded("71773-6", "Mycobacterium tuberculosis stimulated gamma interferon [Presence] in Blood",
                            sct("260385009", "Negative"), "2023-04-18", enc=po, interp="NEG", text="QuantiFERON-TB Gold Plus"))
    H["ua"].append(c.lab("3084-1", "Urate [Mass/volume] in Serum or Plasma", 6.4, "mg/dL", "2024-03-12", low=3.7,
                         high=8.6, enc=R["2024-03-12"], text="Uric acid"))
    # immunizations
    for d in ("2013-10-15", "2014-10-14", "2015-10-13", "2016-10-11", "2017-10-10", "2018-10-09", "2019-10-15",
              "2020-10-13", "2021-10-12", "2022-10-11", "2023-10-10", "2024-10-15"):
        c.imm("150", FLU, d, 1, "Influenza %s-%d" % (d[:4], int(d[:4]) + 1), 1)
    for d, n in (("2021-03-30", 1), ("2021-04-20", 2), ("2021-10-26", 3)):
        c.imm("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", d, n, "COVID-19", 3)
    # care plan / goals
    g1 = c.goal("RA remission: DAS28-CRP below 2.6", "2017-06-06", achievement="achieved", addresses=[ra])
    g2 = c.goal("Return to full duty as electrician after knee replacement", "2023-05-18", achievement="achieved",
                addresses=[koa])
    g3 = c.goal("ALT within normal limits", "2017-04-11", achievement="achieved", addresses=[nafld])
    c.careplan("Rheumatoid arthritis treat-to-target plan", sct("734163000", "Care plan (record artifact)"), "2017-06-06",
               "Adalimumab monotherapy with periodic disease activity and safety monitoring",
               ["Humira 40 mg every 14 days; hold for infection or surgery",
                "CBC, CMP every 3-6 months", "QuantiFERON every 3 years or with exposure",
                "Inactivated vaccines only; no live vaccines", "DAS28-CRP at each visit",
                "Weight loss and alcohol limitation (fatty liver)"], addresses=[ra, nafld], goals=[g1, g2, g3])
    c.allergy([sct("300916003", "Latex allergy")], "2012-05-01", "environment", "low",
              [sct("126485001", "Urticaria")], "mild", note="Contact urticaria from latex gloves at work; non-latex gloves in OR.")
    c.fmh("MTH", "mother", [(sct("69896004", "Rheumatoid arthritis"), 45)], "female", "2014-02-25")
    H["fh_gout"] = c.fmh("FTH", "father", [(sct("90560007", "Gout"), 50)], "male", "2014-02-25")
    c.fmh("SIS", "sister", [(sct("9014002", "Psoriasis"), 30)], "female", "2014-02-25")
    H["last_note"] = c.note("progress", "2025-09-09", "Rheumatology follow-up", (
        "RHEUMATOLOGY NOTE\n49M seropositive RA on Humira 40 mg q2wk since 6/2017. DAS28-CRP 2.1 (remission), CRP 2. "
        "R TKA 5/2023 doing well, back to full duty as a commercial electrician since 8/2023. No infections this "
        "year. ALT 27. Former smoker (quit 2014). Alcohol 1-2 beers/week.\nLives with wife Noor and two teenagers. "
        "Drives.\nPlan: continue Humira; labs q6 months; flu shot in October; QuantiFERON due 2026."), enc=R["2025-09-09"],
        author="Dr. Marisol Eberhardt-Nakamura, MD (Rheumatology)")
    return c, H


def questions_p7(c, H):
    bio = meds(c, ["adalimumab", "etanercept", "infliximab", "tocilizumab", "abatacept"], "active")
    Q(c, "is he on a biologic", "med_class", bio, ["adalimumab"])
    Q(c, "humira start date", "med_brand", [H["humira"]], [day(H["humira"])])
    Q(c, "why was mtx stopped", "med_stopped_why", [H["mtx20"]], ["transaminases"])
    Q(c, "metotrexate max dose", "med_dose", [H["mtx20"]], ["20 mg"])
    Q(c, "still on folic acid?", "med_stopped_why", [H["folic"]], ["folic acid", H["folic"]["dispenseRequest"]["validityPeriod"]["end"]])
    alt = obs(c, "1742-6")
    hi = vmax(alt)
    Q(c, "highest alt", "lab_extreme", [hi], [val(hi), day(hi)])
    Q(c, "alt normal now?", "lab_normal", [alt[-1]], [val(alt[-1]), "Normal"])
    qft = obs(c, "71773-6")
    near = closest(qft, day(H["tka"]))
    Q(c, "quantiferon closest to the knee surgery", "lab_at_time", [near], ["Negative", day(near)])
    Q(c, "was it really gout?", "condition", [H["gout"], H["xtal"]], ["Refuted", "No crystals"])
    ua = obs(c, "3084-1")
    Q(c, "rf and ccp", "two_in_one", [H["rf"], H["ccp"]], [val(H["rf"]), val(H["ccp"])])
    Q(c, "knee replacement which side when", "procedure", [H["tka"]], ["right", day(H["tka"])])
    Q(c, "knee implant details", "device", [H["implant"]], ["Aurelis", "TKS-3"])
    Q(c, "how many knee injections", "procedure_count", H["inj"], [str(len(H["inj"]))])
    Q(c, "why no hep b vaccine", "imm_not_done", [H["hepb_nd"]], ["immunity"])
    pred = meds(c, "prednisone")
    Q(c, "how many prednisone tapers", "med_count", pred, [str(len(pred))])
    Q(c, "any nsaids now", "med_class", [H["nap"]], ["naproxen", H["nap"]["dispenseRequest"]["validityPeriod"]["end"]])
    Q(c, "plaqunil why stopped", "med_stopped_why", [H["hcq"]], ["Inadequate response"])
    Q(c, "sulfa drug reaction", "allergy", [H["ssz_all"]], ["sulfasalazine", "Eruption of skin"])
    Q(c, "hand xray erosions?", "imaging_path", [H["xr19"]], ["erosion", "2nd MCP"])
    Q(c, "fam hx gout", "family_hx", [H["fh_gout"]], ["father"])
    smk = obs(c, "72166-2")
    Q(c, "what does he do for work", "social_note", notes_with(c, "electrician"), ["electrician"], match="any")
    Q(c, "after the tka did he go home or snf", "encounter_detail", [H["tka_adm"]], ["home health physical therapy"])
    crp = obs(c, "1988-5")
    Q(c, "crp trend", "lab_trend", crp, [val(crp[0]), val(crp[-1])])
    Q(c, "das28 last", "note_only", [H["last_note"]], ["2.1"])
    # abstain
    Q(c, "is he on insulin", "med_class", absent=["insulin"])
    Q(c, "eliquis?", "med_brand", absent=["apixaban", "eliquis"])
    Q(c, "last mammo", "imaging_path", absent=["mammogra", "bi-rads"])
    Q(c, "dialysis ever", "procedure", absent=["dialysis"])
    Q(c, "rescue inhaler?", "med_class", absent=["albuterol", "inhaler", "budesonide"])
    Q(c, "lamictal dose", "med_brand", absent=["lamotrigine", "lamictal"])


# ===========================================================================
# output
# ===========================================================================
EVENT_KEYS = ("effectiveDateTime", "occurrenceDateTime", "performedDateTime", "authoredOn", "onsetDateTime",
              "abatementDateTime", "recordedDate", "issued", "date", "recordedOn", "created")


def event_dates(r):
    out = []
    for k in EVENT_KEYS:
        if isinstance(r.get(k), str):
            out.append(r[k][:10])
    for k in ("period", "performedPeriod", "timingPeriod"):
        if isinstance(r.get(k), dict):
            out += [v[:10] for v in r[k].values()]
    if r["resourceType"] == "MedicationRequest":
        out += [v[:10] for v in r["dispenseRequest"]["validityPeriod"].values()]
    if r["resourceType"] == "DocumentReference":
        out.append(r["content"][0]["attachment"]["creation"][:10])
    if r["resourceType"] == "Goal":
        out.append(r["startDate"])
    return out


def dump(obj):
    return json.dumps(obj, indent=2, ensure_ascii=True) + "\n"


def main():
    builders = [(build_p1, questions_p1), (build_p2, questions_p2), (build_p3, questions_p3), (build_p4, questions_p4),
                (build_p5, questions_p5), (build_p6, questions_p6), (build_p7, questions_p7)]
    charts = []
    for b, qf in builders:
        c, H = b()
        qf(c, H)
        # sanity: ids unique, dates before "now", at least 8 years of history
        ids = [rid(r) for r in c.rs]
        assert len(ids) == len(set(ids))
        ds = sorted(d for r in c.rs for d in event_dates(r))
        assert ds[-1] < c.now, (c.n, ds[-1], c.now)
        c.first_date, c.last_date = ds[0], ds[-1]
        charts.append(c)

    os.makedirs(BULK_DIR, exist_ok=True)
    for fn in os.listdir(PAT_DIR):
        if fn.endswith(".json") and fn.startswith("blind7_"):
            os.remove(os.path.join(PAT_DIR, fn))
    for fn in os.listdir(BULK_DIR):
        if fn.endswith(".ndjson"):
            os.remove(os.path.join(BULK_DIR, fn))

    bulk = {}
    for c in charts:
        pid = c.patient["id"]
        if c.where == "bulk":
            for r in c.rs:
                bulk.setdefault(r["resourceType"], []).append(r)
            c.location = "patients/bulk/*.ndjson"
            continue
        btype = "transaction" if c.where == "bundle-transaction" else "collection"
        entries = []
        for r in c.rs:
            ent = {"fullUrl": "%s/%s/%s" % (BASE, r["resourceType"], r["id"]), "resource": r}
            if btype == "transaction":
                ent["request"] = {"method": "PUT", "url": "%s/%s" % (r["resourceType"], r["id"])}
            entries.append(ent)
        bundle = {"resourceType": "Bundle", "id": new_id(), "type": btype,
                  "timestamp": "%sT00:00:00Z" % c.now, "entry": entries}
        fn = "blind7_%d_%s.json" % (c.n, pid)
        with open(os.path.join(PAT_DIR, fn), "w") as f:
            f.write(dump(bundle))
        c.location = "patients/" + fn
    for rt in sorted(bulk):
        rows = sorted(bulk[rt], key=lambda r: r["id"])
        with open(os.path.join(BULK_DIR, rt + ".ndjson"), "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=True, separators=(",", ":")) + "\n")

    # questions
    out, absent = [], {}
    for i, q in enumerate(QS, 1):
        qid = "b7-%03d" % i
        gold = []
        for r in q["gold"]:
            if rid(r) not in gold:
                gold.append(rid(r))
        out.append({"id": qid, "patient_id": q["chart"].patient["id"], "question": q["question"], "kind": q["kind"],
                    "now": q["chart"].now, "expect": q["expect"], "gold_ids": gold, "gold_match": q["match"],
                    "answer_facts": q["facts"]})
        if q["absent"] is not None:
            absent[qid] = q["absent"]
    with open(os.path.join(ROOT, "questions.jsonl"), "w") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=True) + "\n")
    with open(os.path.join(HERE, "abstain_terms.json"), "w") as f:
        f.write(dump(absent))
    write_source(charts, out)
    print("wrote %d questions (%d answer, %d abstain) for %d patients" % (
        len(out), sum(o["expect"] == "answer" for o in out), sum(o["expect"] == "abstain" for o in out), len(charts)))


def write_source(charts, out):
    kinds = {}
    for o in out:
        k = kinds.setdefault(o["kind"], [0, 0])
        k[0 if o["expect"] == "answer" else 1] += 1
    rtypes = {}
    for c in charts:
        for r in c.rs:
            rtypes[r["resourceType"]] = rtypes.get(r["resourceType"], 0) + 1
    L = ["# blind7 — SEALED blind held-out question set", "",
         "Written blind: from raw FHIR R4 that this generator invents and from clinical habit only, without reading "
         "the system under test, its lexicons/cue tables, the tune set or any earlier blind set. Do not score it more "
         "than once before any change made because of it; the first score is the number to report.", "",
         "## Size", "",
         "- questions: %d (answer %d, abstain %d; abstain = %.0f%%)" % (
             len(out), sum(o["expect"] == "answer" for o in out), sum(o["expect"] == "abstain" for o in out),
             100.0 * sum(o["expect"] == "abstain" for o in out) / len(out)),
         "- patients: %d (5 as FHIR Bundles, 2 in one Bulk Data NDJSON export)" % len(charts),
         "- resources: %d" % sum(len(c.rs) for c in charts),
         "- files: `questions.jsonl` (one JSON object per line: id, patient_id, question, kind, now, expect, gold_ids, "
         "gold_match, answer_facts), `patients/blind7_N_<Patient.id>.json`, `patients/bulk/<ResourceType>.ndjson`, "
         "`generator/generate.py`, `generator/abstain_terms.json` (the concept each abstain question names, used only "
         "by `verify.py` to prove it is absent), `verify.py`", "",
         "Abstain questions are phrased like answerable ones and name a concept absent from that patient's chart; "
         "each names a concept another blind7 patient does have (cross-patient trap; checked by `verify.py`). About one question in ten "
         "misspells the concept. Count questions (`*_count` kinds) have the count as their only fact; `verify.py` "
         "checks it equals the number of gold resources.", "",
         "## Counts per kind", "", "| kind | answer | abstain | total |", "|---|---:|---:|---:|"]
    for k in sorted(kinds):
        a, b = kinds[k]
        L.append("| %s | %d | %d | %d |" % (k, a, b, a + b))
    L += ["", "## Patients", "",
          "| n | Patient.id | where | now | answer | abstain | resources | event dates | history |",
          "|---|---|---|---|---:|---:|---:|---|---|"]
    for c in charts:
        pid = c.patient["id"]
        a = sum(1 for o in out if o["patient_id"] == pid and o["expect"] == "answer")
        b = sum(1 for o in out if o["patient_id"] == pid and o["expect"] == "abstain")
        where = "`%s` (%s Bundle)" % (c.location, "transaction" if c.where == "bundle-transaction" else "collection") \
            if c.where != "bulk" else "`patients/bulk/*.ndjson` (Bulk Data export)"
        L.append("| %d | %s | %s | %s | %d | %d | %d | %s to %s | %s |" % (
            c.n, pid, where, c.now, a, b, len(c.rs), c.first_date[:4], c.last_date, c.history))
    L += ["", "## Resource types used", "", "| resourceType | count |", "|---|---:|"]
    for k in sorted(rtypes):
        L.append("| %s | %d |" % (k, rtypes[k]))
    L += ["", "Codes: LOINC (labs, vitals with BP panel 85354-9 / 8480-6 / 8462-4, document types 11506-3, 18842-5, "
          "34117-2, 11488-4, 34111-5), SNOMED CT and ICD-10-CM (conditions, procedures, body sites, devices), RxNorm "
          "(MedicationRequest), CVX (Immunization), HL7 v3/v2 terminology (encounter class, interpretation, admit "
          "source, discharge disposition, ActReason). References are `ResourceType/id`; bundle fullUrls are "
          "`https://example.org/fhir/ResourceType/id`. Clinical notes are base64 text/plain DocumentReference "
          "attachments and carry some facts coded nowhere else.", "",
          "## Provenance and license", "",
          "All data are synthetic and invented by this generator (`generator/generate.py`, Python 3 standard library "
          "only, `random.Random(707)`, deterministic output). Names, addresses, phone numbers, identifiers, providers "
          "and histories are fictional; any resemblance to real people is coincidental. Gold ids and answer facts are "
          "computed by the generator from the resources it writes.", "",
          "License: CC0 1.0 (public domain dedication), same as the project's synthetic data.", "",
          "Regenerate: `python3 generator/generate.py`; check: `python3 verify.py`.", ""]
    with open(os.path.join(ROOT, "SOURCE.md"), "w") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()

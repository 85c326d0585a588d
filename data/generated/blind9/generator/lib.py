"""Small stdlib helpers that build FHIR R4 resources for the blind9 synthetic charts.

Everything random comes from one random.Random(909) instance that generate.py passes in,
so the output is byte-for-byte reproducible.
"""
import base64

SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10-cm"
LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CVX = "http://hl7.org/fhir/sid/cvx"
CPT = "http://www.ama-assn.org/go/cpt"
UCUM = "http://unitsofmeasure.org"
LOCAL = "https://example.org/fhir/CodeSystem/local"

# key: (loinc, long name, unit, (low, high) reference range or None, short text)
LABS = {
    "wbc": ("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "10*3/uL", (4.0, 11.0), "WBC"),
    "hgb": ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", (13.5, 17.5), "Hemoglobin"),
    "hgbf": ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", (12.0, 15.5), "Hemoglobin"),
    "plt": ("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL", (150, 400), "Platelets"),
    "anc": ("751-8", "Neutrophils [#/volume] in Blood by Automated count", "10*3/uL", (1.8, 7.7), "Absolute neutrophil count (ANC)"),
    "na": ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", (136, 145), "Sodium"),
    "k": ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", (3.5, 5.1), "Potassium"),
    "cr": ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", (0.7, 1.3), "Creatinine"),
    "crf": ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", (0.5, 1.1), "Creatinine"),
    "egfr": ("98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", "mL/min/{1.73_m2}", (60, None), "eGFR"),
    "glu": ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", (70, 99), "Glucose"),
    "a1c": ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", (4.0, 5.6), "Hemoglobin A1c"),
    "chol": ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", (None, 200), "Total cholesterol"),
    "ldl": ("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL", (None, 100), "LDL cholesterol (calculated)"),
    "hdl": ("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL", (40, None), "HDL cholesterol"),
    "tg": ("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL", (None, 150), "Triglycerides"),
    "alt": ("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", (7, 56), "ALT"),
    "ast": ("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", (10, 40), "AST"),
    "alb": ("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/dL", (3.5, 5.0), "Albumin"),
    "tsh": ("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma", "m[IU]/L", (0.45, 4.5), "TSH"),
    "ft4": ("3024-7", "Thyroxine (T4) free [Mass/volume] in Serum or Plasma", "ng/dL", (0.8, 1.8), "Free T4"),
    "crp": ("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/L", (None, 5.0), "C-reactive protein"),
    "esr": ("4537-7", "Erythrocyte sedimentation rate by Westergren method", "mm/h", (0, 20), "ESR"),
    "ferritin": ("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "ng/mL", (15, 150), "Ferritin"),
    "b12": ("2132-9", "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma", "pg/mL", (232, 1245), "Vitamin B12"),
    "vitd": ("1989-3", "25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma", "ng/mL", (30, 100), "Vitamin D, 25-hydroxy"),
    "pth": ("2731-8", "Parathyrin.intact [Mass/volume] in Serum or Plasma", "pg/mL", (15, 65), "PTH, intact"),
    "ca": ("17861-6", "Calcium [Mass/volume] in Serum or Plasma", "mg/dL", (8.6, 10.3), "Calcium"),
    "folate": ("2284-8", "Folate [Mass/volume] in Serum or Plasma", "ng/mL", (3.0, None), "Folate"),
    "ldh": ("2532-0", "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma", "U/L", (135, 225), "LDH"),
    "tropi": ("10839-9", "Troponin I.cardiac [Mass/volume] in Serum or Plasma", "ng/mL", (None, 0.04), "Troponin I"),
    "aptt": ("3173-2", "aPTT in Blood by Coagulation assay", "s", (25, 37), "aPTT"),
    "lipase": ("3040-3", "Lipase [Enzymatic activity/volume] in Serum or Plasma", "U/L", (13, 60), "Lipase"),
    "lactate": ("2524-7", "Lactate [Moles/volume] in Serum or Plasma", "mmol/L", (0.5, 2.2), "Lactate"),
    "prl": ("2842-3", "Prolactin [Mass/volume] in Serum or Plasma", "ng/mL", (4.0, 15.2), "Prolactin"),
    "cortisol": ("2143-6", "Cortisol [Mass/volume] in Serum or Plasma", "ug/dL", (6.2, 19.4), "Cortisol, morning"),
    "acth": ("2141-0", "Corticotropin [Mass/volume] in Plasma", "pg/mL", (7.2, 63.3), "ACTH"),
    "calpro": ("38445-3", "Calprotectin [Mass/mass] in Stool", "ug/g", (None, 50), "Fecal calprotectin"),
    "ige": ("19113-0", "IgE [Units/volume] in Serum or Plasma", "[IU]/mL", (None, 114), "IgE, total"),
    "fviii": ("3209-3", "Coagulation factor VIII activity actual/normal in Platelet poor plasma by Coagulation assay", "%", (50, 150), "Factor VIII activity"),
    "hcvrna": ("11011-4", "Hepatitis C virus RNA [Units/volume] (viral load) in Serum or Plasma by NAA with probe detection", "[IU]/mL", None, "HCV RNA, quantitative"),
    "afp": ("1834-1", "Alpha-1-Fetoprotein [Mass/volume] in Serum or Plasma", "ng/mL", (None, 8.3), "AFP"),
    "ualb": ("9318-7", "Albumin/Creatinine [Mass Ratio] in Urine", "mg/g", (None, 30), "Urine albumin/creatinine ratio"),
    "mg": ("19123-9", "Magnesium [Mass/volume] in Serum or Plasma", "mg/dL", (1.7, 2.2), "Magnesium"),
    "zinc": ("5763-5", "Zinc [Mass/volume] in Serum or Plasma", "ug/dL", (60, 120), "Zinc"),
    "thiamine": ("25004-3", "Thiamine [Moles/volume] in Blood", "nmol/L", (70, 180), "Vitamin B1 (thiamine), whole blood"),
}

VITALS = {
    "hr": ("8867-4", "Heart rate", "/min"),
    "wt": ("29463-7", "Body weight", "kg"),
    "ht": ("8302-2", "Body height", "cm"),
    "bmi": ("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2"),
    "spo2": ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%"),
    "temp": ("8310-5", "Body temperature", "Cel"),
    "rr": ("9279-1", "Respiratory rate", "/min"),
}

SMOKING = {
    "current": ("449868002", "Current every day smoker"),
    "former": ("8517006", "Ex-smoker"),
    "never": ("266919005", "Never smoked tobacco"),
}


def b64(s):
    return base64.b64encode(s.encode("utf-8")).decode("ascii")


def cc(text=None, *codings):
    out = {}
    cods = [c for c in codings if c]
    if cods:
        out["coding"] = cods
    if text:
        out["text"] = text
    return out


def coding(system, code, display=None):
    d = {"system": system, "code": code}
    if display:
        d["display"] = display
    return d


def qty(value, unit, code=None):
    q = {"value": value, "unit": unit, "system": UCUM, "code": code or unit}
    return q


class Chart:
    def __init__(self, rng, tz="-05:00"):
        self.rng = rng
        self.tz = tz
        self.res = []
        self.pid = None

    # ---------- basics
    def nid(self):
        h = "%032x" % self.rng.getrandbits(128)
        h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) % 4] + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def dt(self, d, t=None):
        if d is None:
            return None
        if len(d) < 10:
            return d
        if "T" in d:
            return d + ":00" + self.tz if len(d) == 16 else d
        if t is None:
            t = "%02d:%02d" % (self.rng.randint(7, 16), self.rng.choice([0, 10, 15, 20, 30, 40, 45, 50]))
        return "%sT%s:00%s" % (d, t, self.tz)

    def add(self, r):
        if "id" not in r:
            r["id"] = self.nid()
            # keep id second in key order
            r = {"resourceType": r.pop("resourceType"), "id": r.pop("id"), **r}
        self.res.append(r)
        return r

    @staticmethod
    def ref(r):
        return {"reference": "%s/%s" % (r["resourceType"], r["id"])}

    def subj(self):
        return {"reference": "Patient/%s" % self.pid}

    # ---------- Patient
    def patient(self, given, family, gender, birth, address, phone=None, mrn=None, marital=None,
                lang=None, deceased=None, race=None):
        r = {"resourceType": "Patient", "id": self.nid()}
        self.pid = r["id"]
        if mrn:
            r["identifier"] = [{"use": "usual", "type": cc("Medical record number", coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")),
                                "system": "https://example.org/fhir/mrn", "value": mrn}]
        r["active"] = True
        r["name"] = [{"use": "official", "family": family, "given": given, "text": " ".join(given + [family])}]
        if phone:
            r["telecom"] = [{"system": "phone", "value": phone, "use": "home"}]
        r["gender"] = gender
        r["birthDate"] = birth
        if deceased is None:
            r["deceasedBoolean"] = False
        else:
            r["deceasedDateTime"] = self.dt(deceased)
        addr = {"use": "home", "type": "physical"}
        addr.update(address)
        addr.setdefault("country", "US")
        r["address"] = [addr]
        if marital:
            r["maritalStatus"] = cc(marital[1], coding("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", marital[0], marital[1]))
        if lang:
            r["communication"] = [{"language": cc(lang[1], coding("urn:ietf:bcp:47", lang[0], lang[1])), "preferred": True}]
        self.res.append(r)
        return r

    # ---------- Encounter
    ENC_CLASS = {"AMB": "ambulatory", "EMER": "emergency", "IMP": "inpatient encounter", "VR": "virtual"}

    def encounter(self, cls, type_text, start, end=None, type_code=None, reason=None, reason_code=None,
                  admit=None, discharge=None, provider=None, reason_refs=None, status="finished", location=None):
        st = self.dt(start)
        if end is None:
            # same-day visit of 20-60 minutes
            hh, mm = int(st[11:13]), int(st[14:16])
            dur = self.rng.choice([20, 30, 40, 45, 60])
            tot = hh * 60 + mm + dur
            en = "%sT%02d:%02d:00%s" % (st[:10], tot // 60, tot % 60, self.tz)
        else:
            en = self.dt(end)
        r = {"resourceType": "Encounter", "status": status,
             "class": coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", cls, self.ENC_CLASS[cls]),
             "type": [cc(type_text, coding(SNOMED, *type_code) if type_code else None)],
             "subject": self.subj(), "period": {"start": st, "end": en}}
        if reason:
            r["reasonCode"] = [cc(reason, coding(SNOMED, *reason_code) if reason_code else None)]
        if reason_refs:
            r["reasonReference"] = [self.ref(x) for x in reason_refs]
        if admit or discharge:
            h = {}
            if admit:
                h["admitSource"] = cc(admit[1], coding("http://terminology.hl7.org/CodeSystem/admit-source", admit[0], admit[1]))
            if discharge:
                txt = discharge[2] if len(discharge) > 2 else discharge[1]
                h["dischargeDisposition"] = cc(txt, coding("http://terminology.hl7.org/CodeSystem/discharge-disposition", discharge[0], discharge[1]))
            r["hospitalization"] = h
        if location:
            r["location"] = [{"location": {"display": location}}]
        if provider:
            r["serviceProvider"] = {"display": provider}
        return self.add(r)

    # ---------- Condition
    def condition(self, text, sct=None, icd=None, onset=None, status="active", abate=None, ver="confirmed",
                  cat="problem-list-item", enc=None, note=None, severity=None, recorded=None, body=None):
        cods = []
        if sct:
            cods.append(coding(SNOMED, *sct))
        if icd:
            cods.append(coding(ICD10, *icd))
        r = {"resourceType": "Condition",
             "clinicalStatus": cc(None, coding("http://terminology.hl7.org/CodeSystem/condition-clinical", status)),
             "verificationStatus": cc(None, coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", ver)),
             "category": [cc(None, coding("http://terminology.hl7.org/CodeSystem/condition-category", cat,
                                          "Problem List Item" if cat == "problem-list-item" else "Encounter Diagnosis"))],
             }
        if severity:
            r["severity"] = cc(severity)
        r["code"] = cc(text, *cods)
        if body:
            r["bodySite"] = [cc(body)]
        r["subject"] = self.subj()
        if enc:
            r["encounter"] = self.ref(enc)
        if onset:
            r["onsetDateTime"] = onset if len(onset) < 10 else self.dt(onset, "12:00")
        if abate:
            r["abatementDateTime"] = self.dt(abate, "12:00")
        r["recordedDate"] = self.dt(recorded or onset or "2000-01-01", "12:00") if (recorded or (onset and len(onset) >= 10)) else None
        if r["recordedDate"] is None:
            del r["recordedDate"]
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    # ---------- MedicationRequest
    def med(self, text, rx, status, authored, sig=None, dose=None, freq=None, route=None, prn=False,
            reasons=None, reason_text=None, status_reason=None, end=None, enc=None, requester=None,
            note=None, qty_disp=None, refills=None, timing_text=None, reported=False, intent="order",
            rate=None, category="outpatient"):
        r = {"resourceType": "MedicationRequest", "status": status, "intent": intent}
        if status_reason:
            r["statusReason"] = cc(status_reason)
        r["category"] = [cc(None, coding("http://terminology.hl7.org/CodeSystem/medicationrequest-category", category,
                                         {"outpatient": "Outpatient", "inpatient": "Inpatient", "community": "Community"}[category]))]
        if reported:
            r["reportedBoolean"] = True
        r["medicationCodeableConcept"] = cc(text, coding(RXNORM, rx[0], rx[1]))
        r["subject"] = self.subj()
        if enc:
            r["encounter"] = self.ref(enc)
        r["authoredOn"] = self.dt(authored)
        r["requester"] = {"display": requester or "Clinic prescriber"}
        if reasons:
            r["reasonReference"] = [self.ref(x) for x in reasons]
        if reason_text:
            r["reasonCode"] = [cc(reason_text)]
        if note:
            r["note"] = [{"text": note}]
        if sig or dose or freq:
            d = {"sequence": 1}
            if sig:
                d["text"] = sig
            if freq or timing_text:
                t = {}
                if freq:
                    rep = {"frequency": freq[0], "period": freq[1], "periodUnit": freq[2]}
                    if len(freq) > 3 and freq[3]:
                        rep["when"] = [freq[3]]
                    if len(freq) > 4 and freq[4]:
                        rep["dayOfWeek"] = freq[4]
                    t["repeat"] = rep
                if timing_text:
                    t["code"] = cc(timing_text)
                d["timing"] = t
            if prn:
                d["asNeededBoolean"] = True
            if route:
                rc = {"PO": ("26643006", "Oral route"), "IV": ("47625008", "Intravenous route"),
                      "SC": ("34206005", "Subcutaneous route"), "IM": ("78421000", "Intramuscular route"),
                      "INH": ("447694001", "Respiratory tract route"), "TOP": ("6064005", "Topical route"),
                      "SL": ("37839007", "Sublingual route"), "NAS": ("46713006", "Nasal route")}[route]
                d["route"] = cc(rc[1], coding(SNOMED, *rc))
            if dose or rate:
                dr = {"type": cc("Ordered", coding("http://terminology.hl7.org/CodeSystem/dose-rate-type", "ordered", "Ordered"))}
                if dose:
                    dr["doseQuantity"] = qty(dose[0], dose[1], dose[2] if len(dose) > 2 else None)
                if rate:
                    dr["rateQuantity"] = qty(rate[0], rate[1], rate[2] if len(rate) > 2 else None)
                d["doseAndRate"] = [dr]
            r["dosageInstruction"] = [d]
        dreq = {}
        if end or status in ("active",):
            vp = {"start": r["authoredOn"][:10]}
            if end:
                vp["end"] = end
            dreq["validityPeriod"] = vp
        if qty_disp:
            dreq["quantity"] = qty(qty_disp[0], qty_disp[1], qty_disp[2] if len(qty_disp) > 2 else None)
        if refills is not None:
            dreq["numberOfRepeatsAllowed"] = refills
        if dreq:
            r["dispenseRequest"] = dreq
        return self.add(r)

    # ---------- Observation
    def _obs(self, code, text, when, cat, enc=None):
        catd = {"laboratory": "Laboratory", "vital-signs": "Vital Signs", "social-history": "Social History",
                "survey": "Survey", "exam": "Exam", "imaging": "Imaging", "procedure": "Procedure"}[cat]
        r = {"resourceType": "Observation", "status": "final",
             "category": [cc(None, coding("http://terminology.hl7.org/CodeSystem/observation-category", cat, catd))],
             "code": cc(text, code), "subject": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        r["effectiveDateTime"] = self.dt(when)
        return r

    def lab(self, key, value, when, enc=None, ref=None, interp="auto", comparator=None, note=None, text=None,
            cat="laboratory", body=None):
        loinc, name, unit, rr, short = LABS[key]
        if ref is not None:
            rr = ref
        r = self._obs(coding(LOINC, loinc, name), text or short, when, cat, enc)
        r["issued"] = self.dt(r["effectiveDateTime"][:10], "18:00") if "T" in r["effectiveDateTime"] else r["effectiveDateTime"]
        q = qty(value, unit)
        if comparator:
            q = {"value": value, "comparator": comparator, "unit": unit, "system": UCUM, "code": unit}
        r["valueQuantity"] = q
        if body:
            r["bodySite"] = cc(body)
        if interp == "auto" and rr and not comparator:
            lo, hi = rr
            if lo is not None and value < lo:
                interp = "L"
            elif hi is not None and value > hi:
                interp = "H"
            else:
                interp = "N"
        if interp and interp != "auto":
            disp = {"L": "Low", "H": "High", "N": "Normal", "LL": "Critical low", "HH": "Critical high", "A": "Abnormal"}[interp]
            r["interpretation"] = [cc(None, coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", interp, disp))]
        if rr:
            rng = {}
            if rr[0] is not None:
                rng["low"] = qty(rr[0], unit)
            if rr[1] is not None:
                rng["high"] = qty(rr[1], unit)
            r["referenceRange"] = [rng]
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    def obs_q(self, code, display, text, value, unit, when, cat="laboratory", enc=None, ref=None, interp=None,
              system=LOINC, note=None, body=None, ucum=None, comparator=None, refs_extra=None):
        r = self._obs(coding(system, code, display), text, when, cat, enc)
        q = qty(value, unit, ucum)
        if comparator:
            q = {"value": value, "comparator": comparator, "unit": unit, "system": UCUM, "code": ucum or unit}
        r["valueQuantity"] = q
        if body:
            r["bodySite"] = cc(body)
        if interp:
            disp = {"L": "Low", "H": "High", "N": "Normal", "A": "Abnormal", "HH": "Critical high", "LL": "Critical low"}[interp]
            r["interpretation"] = [cc(None, coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", interp, disp))]
        if ref:
            rng = {}
            if ref[0] is not None:
                rng["low"] = qty(ref[0], unit, ucum)
            if ref[1] is not None:
                rng["high"] = qty(ref[1], unit, ucum)
            if len(ref) > 2:
                rng["text"] = ref[2]
            r["referenceRange"] = [rng]
        if refs_extra:
            r.setdefault("referenceRange", []).extend(refs_extra)
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    def obs_str(self, code, display, text, value, when, cat="laboratory", enc=None, system=LOINC, interp=None, note=None):
        r = self._obs(coding(system, code, display), text, when, cat, enc)
        r["valueString"] = value
        if interp:
            disp = {"A": "Abnormal", "N": "Normal", "POS": "Positive", "NEG": "Negative", "DET": "Detected", "ND": "Not detected"}[interp]
            r["interpretation"] = [cc(None, coding("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", interp, disp))]
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    def obs_cc(self, code, display, text, value_cc, when, cat="laboratory", enc=None, system=LOINC):
        r = self._obs(coding(system, code, display), text, when, cat, enc)
        r["valueCodeableConcept"] = value_cc
        return self.add(r)

    def vital(self, key, value, when, enc=None):
        code, name, unit = VITALS[key]
        r = self._obs(coding(LOINC, code, name), name, when, "vital-signs", enc)
        r["valueQuantity"] = qty(value, unit)
        return self.add(r)

    def bp(self, when, sys, dia, enc=None):
        r = self._obs(coding(LOINC, "85354-9", "Blood pressure panel with all children optional"), "Blood pressure", when, "vital-signs", enc)
        r["component"] = [
            {"code": cc("Systolic blood pressure", coding(LOINC, "8480-6", "Systolic blood pressure")), "valueQuantity": qty(sys, "mm[Hg]")},
            {"code": cc("Diastolic blood pressure", coding(LOINC, "8462-4", "Diastolic blood pressure")), "valueQuantity": qty(dia, "mm[Hg]")},
        ]
        return self.add(r)

    def smoking(self, when, status, enc=None):
        code, disp = SMOKING[status]
        r = self._obs(coding(LOINC, "72166-2", "Tobacco smoking status"), "Tobacco smoking status", when, "social-history", enc)
        r["valueCodeableConcept"] = cc(disp, coding(SNOMED, code, disp))
        return self.add(r)

    # ---------- DiagnosticReport
    def report(self, code, display, when, cat="RAD", conclusion=None, results=None, text=None, enc=None,
               performer=None, conclusion_code=None, title=None):
        catd = {"RAD": "Radiology", "PAT": "Pathology (gross & histopath, not surgical)", "LAB": "Laboratory",
                "CUS": "Cardiac Ultrasound", "SP": "Surgical Pathology", "OTH": "Other", "NRS": "Nursing service measures",
                "GE": "Genetics", "CT": "CAT Scan", "CTH": "Cardiac Catheterization",
                "AU": "Audiology"}[cat]
        r = {"resourceType": "DiagnosticReport", "status": "final",
             "category": [cc(None, coding("http://terminology.hl7.org/CodeSystem/v2-0074", cat, catd))],
             "code": cc(display, coding(LOINC, code, display) if code else None), "subject": self.subj()}
        if enc:
            r["encounter"] = self.ref(enc)
        r["effectiveDateTime"] = self.dt(when)
        r["issued"] = self.dt(r["effectiveDateTime"][:10], "17:30")
        if performer:
            r["performer"] = [{"display": performer}]
        if results:
            r["result"] = [self.ref(x) for x in results]
        if conclusion:
            r["conclusion"] = conclusion
        if conclusion_code:
            r["conclusionCode"] = [cc(conclusion_code[1], coding(SNOMED, *conclusion_code))]
        if text:
            r["presentedForm"] = [{"contentType": "text/plain", "language": "en-US", "data": b64(text),
                                   "title": title or display, "creation": r["issued"]}]
        return self.add(r)

    # ---------- Procedure
    def procedure(self, text, sct=None, cpt=None, when=None, period=None, reasons=None, reason_text=None,
                  enc=None, body=None, note=None, outcome=None, devices=None, performer=None, status="completed",
                  status_reason=None):
        cods = []
        if sct:
            cods.append(coding(SNOMED, *sct))
        if cpt:
            cods.append(coding(CPT, *cpt))
        r = {"resourceType": "Procedure", "status": status}
        if status_reason:
            r["statusReason"] = cc(status_reason)
        r["code"] = cc(text, *cods)
        r["subject"] = self.subj()
        if enc:
            r["encounter"] = self.ref(enc)
        if when:
            r["performedDateTime"] = self.dt(when)
        if period:
            r["performedPeriod"] = {"start": self.dt(period[0]), "end": self.dt(period[1])}
        if performer:
            r["performer"] = [{"actor": {"display": performer}}]
        if reasons:
            r["reasonReference"] = [self.ref(x) for x in reasons]
        if reason_text:
            r["reasonCode"] = [cc(reason_text)]
        if body:
            r["bodySite"] = [cc(body)]
        if outcome:
            r["outcome"] = cc(outcome)
        if note:
            r["note"] = [{"text": note}]
        if devices:
            r["focalDevice"] = [{"manipulated": self.ref(d)} for d in devices]
        return self.add(r)

    # ---------- Immunization
    def imm(self, cvx, display, when, status="completed", reason=None, dose=None, series=None, enc=None,
            site=None, lot=None, manufacturer=None, text=None):
        r = {"resourceType": "Immunization", "status": status}
        if reason:
            r["statusReason"] = cc(reason[1], coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", reason[0], reason[2] if len(reason) > 2 else reason[1]))
        r["vaccineCode"] = cc(text or display, coding(CVX, cvx, display))
        r["patient"] = self.subj()
        if enc:
            r["encounter"] = self.ref(enc)
        r["occurrenceDateTime"] = self.dt(when)
        r["primarySource"] = True
        if status == "completed":
            if manufacturer:
                r["manufacturer"] = {"display": manufacturer}
            r["lotNumber"] = lot or ("%s%04d" % (self.rng.choice(["EK", "FL", "UJ", "AC", "TD", "3C", "LK", "PB"]), self.rng.randint(1000, 9999)))
            r["site"] = cc(site or "Left deltoid")
            r["route"] = cc("Intramuscular", coding("http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration", "IM", "Injection, intramuscular"))
        if dose:
            pa = {"doseNumberPositiveInt": dose}
            if series:
                pa["seriesDosesPositiveInt"] = series
            r["protocolApplied"] = [pa]
        return self.add(r)

    # ---------- AllergyIntolerance
    def allergy(self, text, code, atype, category, criticality, onset, reactions, status="active", note=None,
                recorded=None):
        r = {"resourceType": "AllergyIntolerance",
             "clinicalStatus": cc(None, coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", status)),
             "verificationStatus": cc(None, coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed")),
             "type": atype, "category": [category], "criticality": criticality,
             "code": cc(text, coding(*code) if code else None), "patient": self.subj()}
        if onset:
            r["onsetDateTime"] = self.dt(onset, "12:00") if len(onset) >= 10 else onset
        r["recordedDate"] = self.dt(recorded or (onset if onset and len(onset) >= 10 else "2015-01-01"), "12:00")
        rx = []
        for manif, sct, sev in reactions:
            rx.append({"manifestation": [cc(manif, coding(SNOMED, *sct) if sct else None)], "severity": sev})
        r["reaction"] = rx
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    # ---------- Device / DeviceUseStatement
    def device(self, type_text, sct, name, manufacturer=None, model=None, status="active", lot=None,
               serial=None, udi=None, note=None):
        r = {"resourceType": "Device"}
        if udi:
            r["udiCarrier"] = [{"deviceIdentifier": udi[0], "carrierHRF": udi[1]}]
        r["status"] = status
        if manufacturer:
            r["manufacturer"] = manufacturer
        if lot:
            r["lotNumber"] = lot
        if serial:
            r["serialNumber"] = serial
        r["deviceName"] = [{"name": name, "type": "user-friendly-name"}]
        if model:
            r["modelNumber"] = model
        r["type"] = cc(type_text, coding(SNOMED, *sct) if sct else None)
        r["patient"] = self.subj()
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    def dus(self, device, start, end=None, status="active", reasons=None, body=None, note=None, recorded=None):
        r = {"resourceType": "DeviceUseStatement", "status": status, "subject": self.subj()}
        tp = {"start": self.dt(start)}
        if end:
            tp["end"] = self.dt(end)
        r["timingPeriod"] = tp
        r["recordedOn"] = self.dt(recorded or start)
        r["device"] = self.ref(device)
        if reasons:
            r["reasonReference"] = [self.ref(x) for x in reasons]
        if body:
            r["bodySite"] = cc(body)
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    # ---------- CarePlan / Goal
    def goal(self, text, start, lifecycle="active", achievement=None, target=None, due=None, addresses=None,
             note=None, status_date=None):
        r = {"resourceType": "Goal", "lifecycleStatus": lifecycle}
        if achievement:
            disp = {"in-progress": "In Progress", "improving": "Improving", "worsening": "Worsening",
                    "no-change": "No Change", "achieved": "Achieved", "sustaining": "Sustaining",
                    "not-achieved": "Not Achieved", "no-progress": "No Progress"}[achievement]
            r["achievementStatus"] = cc(disp, coding("http://terminology.hl7.org/CodeSystem/goal-achievement", achievement, disp))
        r["description"] = {"text": text}
        r["subject"] = self.subj()
        r["startDate"] = start
        if target or due:
            t = {}
            if target:
                t["measure"] = cc(target[1], coding(LOINC, target[0], target[1]))
                if target[2] is not None:
                    t[target[2]] = target[3]
            if due:
                t["dueDate"] = due
            r["target"] = [t]
        if status_date:
            r["statusDate"] = status_date
        if addresses:
            r["addresses"] = [self.ref(x) for x in addresses]
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    def careplan(self, title, desc, start, status="active", end=None, addresses=None, goals=None,
                 activities=None, cat_text="Longitudinal care plan", note=None):
        r = {"resourceType": "CarePlan", "status": status, "intent": "plan",
             "category": [cc(cat_text, coding("http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "assess-plan"))],
             "title": title, "description": desc, "subject": self.subj()}
        p = {"start": start}
        if end:
            p["end"] = end
        r["period"] = p
        if addresses:
            r["addresses"] = [self.ref(x) for x in addresses]
        if goals:
            r["goal"] = [self.ref(x) for x in goals]
        if activities:
            r["activity"] = [{"detail": {"status": st, "description": d}} for d, st in activities]
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    # ---------- FamilyMemberHistory
    REL = {"FTH": "father", "MTH": "mother", "BRO": "brother", "SIS": "sister", "MUNCLE": "maternal uncle",
           "PUNCLE": "paternal uncle", "MGRFTH": "maternal grandfather", "MGRMTH": "maternal grandmother",
           "PGRFTH": "paternal grandfather", "PGRMTH": "paternal grandmother", "DAU": "daughter", "SON": "son",
           "MAUNT": "maternal aunt", "PAUNT": "paternal aunt"}

    def fmh(self, rel, sex, conditions, deceased=None, name=None, note=None):
        r = {"resourceType": "FamilyMemberHistory", "status": "completed", "patient": self.subj(),
             "date": self.dt("2020-01-01", "12:00")}
        if name:
            r["name"] = name
        r["relationship"] = cc(self.REL[rel], coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", rel, self.REL[rel]))
        r["sex"] = cc(sex, coding("http://hl7.org/fhir/administrative-gender", sex, sex.capitalize()))
        if deceased is True:
            r["deceasedBoolean"] = True
        elif deceased:
            r["deceasedAge"] = {"value": deceased, "unit": "a", "system": UCUM, "code": "a"}
        conds = []
        for c in conditions:
            text, sct, age = c[0], c[1], c[2]
            d = {"code": cc(text, coding(SNOMED, *sct) if sct else None)}
            if len(c) > 3 and c[3]:
                d["contributedToDeath"] = True
            if age is not None:
                d["onsetAge"] = {"value": age, "unit": "a", "system": UCUM, "code": "a"}
            conds.append(d)
        r["condition"] = conds
        if note:
            r["note"] = [{"text": note}]
        return self.add(r)

    # ---------- DocumentReference
    NOTE_TYPES = {"progress": ("11506-3", "Progress note"), "discharge": ("18842-5", "Discharge summary"),
                  "consult": ("11488-4", "Consult note"), "ed": ("34111-5", "Emergency department note"),
                  "hp": ("34117-2", "History and physical note"), "procedure": ("28570-0", "Procedure note"),
                  "op": ("11504-8", "Surgical operation note"), "nutrition": ("61149-1", "Nutrition and dietetics note"),
                  "pt": ("11507-1", "Physical therapy note"), "phone": ("34748-4", "Telephone encounter note")}

    def note(self, kind, when, text, author, enc=None, desc=None, title=None):
        code, disp = self.NOTE_TYPES[kind]
        d = self.dt(when)
        r = {"resourceType": "DocumentReference", "status": "current", "docStatus": "final",
             "type": cc(disp, coding(LOINC, code, disp)),
             "category": [cc("Clinical Note", coding("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note", "Clinical Note"))],
             "subject": self.subj(), "date": d, "author": [{"display": author}]}
        if desc:
            r["description"] = desc
        r["content"] = [{"attachment": {"contentType": "text/plain", "language": "en-US", "data": b64(text.strip() + "\n"),
                                        "title": title or disp, "creation": d}}]
        ctx = {"period": {"start": d, "end": d}}
        if enc:
            ctx["encounter"] = [self.ref(enc)]
        r["context"] = ctx
        return self.add(r)


def jitter_dates(rng, start, end, step_days, jitter=0):
    """Dates from start to end (inclusive) every step_days, +/- jitter days."""
    import datetime as _d
    s = _d.date.fromisoformat(start)
    e = _d.date.fromisoformat(end)
    out = []
    cur = s
    while cur <= e:
        j = rng.randint(-jitter, jitter) if jitter else 0
        out.append((cur + _d.timedelta(days=j)).isoformat())
        cur = cur + _d.timedelta(days=step_days)
    return out


def add_days(d, n):
    import datetime as _d
    return (_d.date.fromisoformat(d) + _d.timedelta(days=n)).isoformat()

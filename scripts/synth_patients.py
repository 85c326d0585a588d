"""Generate synthetic FHIR R4 patients for the held-out evaluation (stdlib only, deterministic).

They carry what the bundled Synthea charts rarely do: one analyte under two LOINC codes (blood 6298-4 and
serum 2823-3 potassium), values with several decimals (creatinine 0.97, HbA1c 14.003), inpatient
admissions with diagnoses, procedures and medications linked to the stay (``encounter``), an ICU stay as
a sub-encounter (class ACUTE, a MICU location), emergency visits, a death, a language, and visits whose
notes say "No Known Allergies". Everything is invented; no real person is described.

    python scripts/synth_patients.py --out data/generated --patients 3 --seed 7
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import uuid
from datetime import date, timedelta
from pathlib import Path

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CVX = "http://hl7.org/fhir/sid/cvx"
ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode"

LABS = [  # code, display, unit, low, high, decimals
    ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 3.4, 5.6, 2),
    ("6298-4", "Potassium [Moles/volume] in Blood", "mmol/L", 3.4, 5.6, 1),
    ("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 132, 146, 0),
    ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.6, 1.9, 2),
    ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 70, 240, 0),
    ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 5.2, 14.5, 3),
    ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 9.0, 16.5, 1),
    ("33914-3", "Glomerular filtration rate/1.73 sq M.predicted", "mL/min/{1.73_m2}", 25, 95, 0),
    ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL", 140, 260, 0),
    ("2089-1", "Cholesterol in LDL [Mass/volume] in Serum or Plasma", "mg/dL", 60, 190, 0),
    ("29463-7", "Body weight", "kg", 55, 120, 1),
    ("8867-4", "Heart rate", "/min", 55, 110, 0),
]
# The lab system's adult reference intervals (what the generated lab reports record with each result, and
# the H / L flag it sets outside them). Common textbook intervals; a real lab's own differ slightly.
REFERENCE = {"2823-3": (3.5, 5.1), "6298-4": (3.5, 5.1), "2951-2": (136, 145), "2160-0": (0.6, 1.3),
             "2345-7": (70, 99), "4548-4": (4.0, 5.6), "718-7": (12.0, 17.5), "2089-1": (0, 99)}
FLAGS = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"


def _reported(code: str, unit: str, value: float | int) -> dict:
    """referenceRange and interpretation as the lab reports them (nothing for tests without an interval)."""
    if code not in REFERENCE:
        return {}
    low, high = REFERENCE[code]
    flag = ("H", "High") if value > high else ("L", "Low") if value < low else ("N", "Normal")
    return {"referenceRange": [{"low": {"value": low, "unit": unit}, "high": {"value": high, "unit": unit}}],
            "interpretation": [{"coding": [{"system": FLAGS, "code": flag[0], "display": flag[1]}], "text": flag[1]}]}


CONDITIONS = [("38341003", "Hypertensive disorder, systemic arterial (disorder)"),
              ("44054006", "Diabetes mellitus type 2 (disorder)"), ("49436004", "Atrial fibrillation (disorder)"),
              ("709044004", "Chronic kidney disease (disorder)"), ("84114007", "Heart failure (disorder)"),
              ("13645005", "Chronic obstructive lung disease (disorder)")]
ADMIT_DX = [("91302008", "Sepsis (disorder)"), ("233604007", "Pneumonia (disorder)"),
            ("22298006", "Myocardial infarction (disorder)"), ("14669001", "Acute renal failure syndrome (disorder)")]
MEDS = [("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet"),
        ("314076", "lisinopril 10 MG Oral Tablet"), ("617312", "atorvastatin 40 MG Oral Tablet"),
        ("855332", "warfarin sodium 5 MG Oral Tablet"), ("310798", "hydrochlorothiazide 25 MG Oral Tablet"),
        ("197361", "amlodipine 5 MG Oral Tablet")]
INPATIENT_MEDS = [("1659149", "piperacillin 4000 MG / tazobactam 500 MG Injection"),
                  ("1807510", "vancomycin 1000 MG Injection"), ("313002", "sodium chloride 9 MG/ML Injectable Solution")]
PROCEDURES = [("73761001", "Colonoscopy (procedure)"), ("180325003", "Electrical cardioversion (procedure)"),
              ("40701008", "Echocardiography (procedure)"), ("399208008", "Plain chest X-ray (procedure)")]
ICU_PROCEDURES = [("40617009", "Artificial ventilation (procedure)"), ("232717009", "Central venous catheter insertion")]
VACCINES = [("140", "Influenza, seasonal, injectable, preservative free"), ("115", "Tdap"),
            ("33", "pneumococcal polysaccharide vaccine, 23 valent")]
ALLERGIES = [("7980", "Penicillin G"), ("2670", "Codeine"), ("300916003", "Latex allergy (finding)")]
LANGUAGES = ["English", "Spanish", "Portuguese", "Vietnamese"]


class Chart:
    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.pid = str(uuid.UUID(int=rng.getrandbits(128)))
        self.entries: list[dict] = []
        self.index = index

    def add(self, resource: dict) -> dict:
        resource.setdefault("id", str(uuid.UUID(int=self.rng.getrandbits(128))))
        self.entries.append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource,
                             "request": {"method": "POST", "url": resource["resourceType"]}})
        return resource

    @property
    def subject(self) -> dict:
        return {"reference": f"urn:uuid:{self.pid}"}


def _value(rng: random.Random, low: float, high: float, decimals: int) -> float | int:
    value = round(rng.uniform(low, high), decimals)
    return int(value) if decimals == 0 else value


def _dt(day: date, hour: int = 9) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00-05:00"


def _encounter(chart: Chart, klass: str, display: str, start: date, end: date, type_text: str, **extra: object) -> dict:
    return chart.add({"resourceType": "Encounter", "status": "finished",
                      "class": {"system": ACT, "code": klass, "display": display},
                      "type": [{"coding": [{"system": SNOMED, "code": "185349003", "display": type_text}],
                                "text": type_text}],
                      "subject": chart.subject, "period": {"start": _dt(start, 8), "end": _dt(end, 16)}, **extra})


def _note(chart: Chart, day: date, enc: dict, complaint: str, allergies: str, plan: str) -> None:
    text = (f"{day.isoformat()}\n\n# Chief Complaint\n{complaint}\n\n# Allergies\n{allergies}\n\n"
            f"# Assessment and Plan\n{plan}\n")
    chart.add({"resourceType": "DocumentReference", "status": "current",
               "type": {"coding": [{"system": LOINC, "code": "34117-2", "display": "History and physical note"}]},
               "subject": chart.subject, "date": _dt(day), "context": {"encounter": [{"reference": f"urn:uuid:{enc['id']}"}]},
               "content": [{"attachment": {"contentType": "text/plain",
                                           "data": base64.b64encode(text.encode()).decode()}}]})


def make_patient(rng: random.Random, index: int, today: date) -> Chart:
    chart = Chart(rng, index)
    birth = date(rng.randint(1935, 1975), rng.randint(1, 12), rng.randint(1, 28))
    deceased = index % 3 == 2
    death = today - timedelta(days=rng.randint(10, 200)) if deceased else None
    patient: dict = {"resourceType": "Patient", "id": chart.pid, "gender": rng.choice(["male", "female"]),
                     "birthDate": birth.isoformat(), "name": [{"family": f"Synth{index}", "given": ["Test"]}],
                     "communication": [{"language": {"text": rng.choice(LANGUAGES)}}]}
    if death:
        patient["deceasedDateTime"] = _dt(death)
    chart.add(patient)
    end = death or today
    allergic = index % 2 == 0
    allergy = rng.choice(ALLERGIES) if allergic else None
    if allergy:
        chart.add({"resourceType": "AllergyIntolerance", "clinicalStatus": {"coding": [{"code": "active"}]},
                   "code": {"coding": [{"system": RXNORM, "code": allergy[0], "display": allergy[1]}], "text": allergy[1]},
                   "patient": chart.subject, "recordedDate": _dt(end - timedelta(days=3000))})
    conditions = rng.sample(CONDITIONS, 3)
    for code, display in conditions:
        chart.add({"resourceType": "Condition", "clinicalStatus": {"coding": [{"code": "active"}]},
                   "verificationStatus": {"coding": [{"code": "confirmed"}]},
                   "code": {"coding": [{"system": SNOMED, "code": code, "display": display}], "text": display},
                   "subject": chart.subject, "onsetDateTime": _dt(end - timedelta(days=rng.randint(2500, 5000)))})
    meds = rng.sample(MEDS, 3)
    visit = end - timedelta(days=6 * 365)
    visits: list[date] = []
    while visit < end - timedelta(days=20):
        visits.append(visit)
        visit += timedelta(days=rng.randint(90, 240))
    labs = rng.sample(LABS[2:], 6)
    for n, day in enumerate(visits):
        enc = _encounter(chart, "AMB", "ambulatory", day, day, "General examination of patient (procedure)")
        chart.entries[-1]["resource"]["reasonCode"] = [{"text": "Follow-up"}]
        potassium = LABS[0] if n % 3 else LABS[1]  # the same analyte under two codes over the years
        for code, display, unit, low, high, decimals in [potassium, *labs]:
            value = _value(rng, low, high, decimals)
            chart.add({"resourceType": "Observation", "status": "final",
                       "category": [{"coding": [{"code": "vital-signs" if unit in ("kg", "/min") else "laboratory"}]}],
                       "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
                       "subject": chart.subject, "encounter": {"reference": f"urn:uuid:{enc['id']}"},
                       "effectiveDateTime": _dt(day), "valueQuantity": {"value": value, "unit": unit}}
                      | _reported(code, unit, value))
        chart.add({"resourceType": "Observation", "status": "final",
                   "category": [{"coding": [{"code": "vital-signs"}]}],
                   "code": {"coding": [{"system": LOINC, "code": "85354-9", "display": "Blood pressure panel"}],
                            "text": "Blood pressure panel"},
                   "subject": chart.subject, "effectiveDateTime": _dt(day),
                   "component": [
                       {"code": {"coding": [{"system": LOINC, "code": "8480-6", "display": "Systolic blood pressure"}]},
                        "valueQuantity": {"value": rng.randint(100, 175), "unit": "mm[Hg]"}},
                       {"code": {"coding": [{"system": LOINC, "code": "8462-4", "display": "Diastolic blood pressure"}]},
                        "valueQuantity": {"value": rng.randint(60, 100), "unit": "mm[Hg]"}}]})
        med = meds[n % len(meds)]
        last = n >= len(visits) - len(meds)
        chart.add({"resourceType": "MedicationRequest", "status": "active" if last and med != meds[1] else "stopped",
                   "intent": "order",
                   "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": med[0], "display": med[1]}],
                                                 "text": med[1]},
                   "subject": chart.subject, "encounter": {"reference": f"urn:uuid:{enc['id']}"},
                   "authoredOn": _dt(day)})
        if n % 4 == 1:
            vaccine = VACCINES[n % len(VACCINES)]
            chart.add({"resourceType": "Immunization", "status": "completed",
                       "vaccineCode": {"coding": [{"system": CVX, "code": vaccine[0], "display": vaccine[1]}],
                                       "text": vaccine[1]},
                       "patient": chart.subject, "occurrenceDateTime": _dt(day)})
        if n == len(visits) // 2:
            proc = rng.choice(PROCEDURES)
            chart.add({"resourceType": "Procedure", "status": "completed",
                       "code": {"coding": [{"system": SNOMED, "code": proc[0], "display": proc[1]}], "text": proc[1]},
                       "subject": chart.subject, "performedDateTime": _dt(day)})
        _note(chart, day, enc, rng.choice(["Fatigue.", "Follow-up of chronic conditions.", "Cough for a week."]),
              f"Allergic to {allergy[1]}." if allergy else "No Known Allergies.",
              "Continue current medications; recheck labs at the next visit.")
    # admissions: the last one with an ICU stay inside it
    for k in range(2):
        start = end - timedelta(days=rng.randint(300, 900) if k == 0 else rng.randint(30, 200))
        stay = rng.randint(3, 9)
        adm = _encounter(chart, "IMP", "inpatient encounter", start, start + timedelta(days=stay),
                         "Hospital admission (procedure)",
                         hospitalization={"dischargeDisposition": {"text": "Home" if k == 0 else "Skilled nursing facility"}})
        dx = ADMIT_DX[(index + k) % len(ADMIT_DX)]
        chart.add({"resourceType": "Condition", "clinicalStatus": {"coding": [{"code": "resolved"}]},
                   "code": {"coding": [{"system": SNOMED, "code": dx[0], "display": dx[1]}], "text": dx[1]},
                   "subject": chart.subject, "encounter": {"reference": f"urn:uuid:{adm['id']}"},
                   "onsetDateTime": _dt(start), "abatementDateTime": _dt(start + timedelta(days=stay))})
        med = INPATIENT_MEDS[(index + k) % len(INPATIENT_MEDS)]
        chart.add({"resourceType": "MedicationRequest", "status": "completed", "intent": "order",
                   "medicationCodeableConcept": {"coding": [{"system": RXNORM, "code": med[0], "display": med[1]}],
                                                 "text": med[1]},
                   "subject": chart.subject, "encounter": {"reference": f"urn:uuid:{adm['id']}"},
                   "authoredOn": _dt(start)})
        if k == 1:
            icu_start = start + timedelta(days=1)
            _encounter(chart, "ACUTE", "inpatient acute", icu_start, icu_start + timedelta(days=2), "ICU admission",
                       partOf={"reference": f"urn:uuid:{adm['id']}"},
                       location=[{"location": {"display": "Medical Intensive Care Unit (MICU)"}}])
            proc = ICU_PROCEDURES[index % len(ICU_PROCEDURES)]
            chart.add({"resourceType": "Procedure", "status": "completed",
                       "code": {"coding": [{"system": SNOMED, "code": proc[0], "display": proc[1]}], "text": proc[1]},
                       "subject": chart.subject, "encounter": {"reference": f"urn:uuid:{adm['id']}"},
                       "performedDateTime": _dt(icu_start)})
    er_day = end - timedelta(days=rng.randint(400, 1500))
    _encounter(chart, "EMER", "emergency", er_day, er_day, "Emergency room admission (procedure)")
    return chart


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/generated"))
    parser.add_argument("--patients", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--today", default="2024-03-01")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    today = date.fromisoformat(args.today)
    for index in range(args.patients):
        chart = make_patient(rng, index, today)
        bundle = {"resourceType": "Bundle", "type": "transaction", "entry": chart.entries}
        (args.out / f"synth{index}_{chart.pid}.json").write_text(json.dumps(bundle, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""What a record showed and what only a note says (issue 25, third round): a procedure's body site, outcome and
notes; the report written for it the same day ("colonoscopy when and what did it show"); an allergy's reaction;
the device a patient has, not the training that came with it; note words in other forms ("who does she live
with" → "lives with her daughter", "code status" → "DNR/DNI"); "the sept 2024 physical" as a visit — each
through the whole pipeline over a small synthetic chart, every claim kept by the citation validator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from rag_core.documents import resources_to_documents
from rag_core.service import ChartService
from tests.conftest import HashEmbedder, offline_service
from tests.ingest_helpers import note
from tests.test_kinds import LOINC, SCOPE, encounter, ref

SNOMED = "http://snomed.info/sct"
NOW = date(2025, 6, 1)


def procedure(rid: str, text: str, day: str | None, **extra: Any) -> dict[str, Any]:
    performed = {"performedDateTime": f"{day}T09:00:00-05:00"} if day else {}
    return {"resourceType": "Procedure", "id": rid, "status": "completed", "subject": ref("Patient", "pt"),
            "code": {"coding": [{"system": SNOMED, "code": rid, "display": text}]}, **performed, **extra}


CHART: list[dict[str, Any]] = [
    {"resourceType": "Patient", "id": "pt", "gender": "female", "birthDate": "1950-05-20"},
    procedure("colo", "Colonoscopy (procedure)", "2019-06-18"),
    note("colo-report", "Colonoscopy report\nFindings: two sessile polyps removed by cold snare.\n"
         "Pathology: tubular adenomas, no dysplasia.", "2019-06-18", patient="pt"),
    procedure("tka", "Total knee replacement (procedure)", "2023-03-07",
              bodySite=[{"text": "Right knee"}], note=[{"text": "Cemented implant, no complications."}]),
    procedure("xrt", "Radiotherapy (procedure)", None,
              performedPeriod={"start": "2024-03-11", "end": "2024-03-22"},
              note=[{"text": "Palliative EBRT 30 Gy in 10 fractions to T10 and L2."}]),
    procedure("pump-training", "Insulin pump training (procedure)", "2021-02-15"),
    {"resourceType": "Device", "id": "pump", "patient": ref("Patient", "pt"), "status": "active",
     "type": {"coding": [{"system": SNOMED, "code": "69805005", "display": "Insulin pump (physical object)"}]},
     "deviceName": [{"name": "Omnipod 5 automated insulin delivery system", "type": "user-friendly-name"}]},
    {"resourceType": "Device", "id": "icd", "patient": ref("Patient", "pt"), "status": "active",
     "type": {"coding": [{"system": SNOMED, "code": "72506001",
                          "display": "Implantable defibrillator, device (physical object)"}]}},
    procedure("iud", "Insertion of intrauterine contraceptive device", "2017-02-07"),
    *[encounter(f"rehab-{i}", "AMB", day, day, "Cardiac rehabilitation (regime/therapy)")
      for i, day in enumerate(("2019-11-04", "2019-11-11", "2019-11-18"))],
    {"resourceType": "CarePlan", "id": "rehab-plan", "status": "completed", "intent": "plan",
     "subject": ref("Patient", "pt"), "period": {"start": "2019-10-05"},
     "category": [{"text": "Cardiac rehabilitation and secondary prevention"}]},
    encounter("enc-om", "AMB", "2016-11-23", "2016-11-23", "Encounter for symptom"),
    {"resourceType": "Condition", "id": "om", "subject": ref("Patient", "pt"), "encounter": ref("Encounter", "enc-om"),
     "code": {"coding": [{"system": SNOMED, "code": "65363002", "display": "Otitis media"}]},
     "clinicalStatus": {"coding": [{"code": "resolved"}]}, "onsetDateTime": "2016-11-23"},
    {"resourceType": "MedicationRequest", "id": "amox", "status": "stopped", "intent": "order",
     "subject": ref("Patient", "pt"), "encounter": ref("Encounter", "enc-om"), "authoredOn": "2016-11-23T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "Amoxicillin 500 MG Oral Tablet"}},
    {"resourceType": "MedicationRequest", "id": "hctz", "status": "active", "intent": "order",
     "subject": ref("Patient", "pt"), "encounter": ref("Encounter", "enc-om"), "authoredOn": "2016-11-23T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "Hydrochlorothiazide 25 MG Oral Tablet"}, "reasonCode": [{"text": "Hypertension"}]},
    *[{"resourceType": "Immunization", "id": f"vax-{i}", "status": "completed", "patient": ref("Patient", "pt"),
       "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": code, "display": name}]},
       "occurrenceDateTime": f"{day}T09:00:00-05:00"}
      for i, (code, name, day) in enumerate((
          ("43", "Hep B, adult", "2019-04-09"), ("43", "Hep B, adult", "2019-05-21"), ("43", "Hep B, adult", "2019-10-08"),
          ("140", "Influenza, seasonal, injectable, preservative free", "2017-09-11"),
          ("197", "Influenza, high dose seasonal, preservative-free", "2024-09-10")))],
    {"resourceType": "Immunization", "id": "vax-not-done", "status": "not-done", "patient": ref("Patient", "pt"),
     "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "43", "display": "Hep B, adult"}]},
     "occurrenceDateTime": "2019-06-01T09:00:00-05:00"},
    {"resourceType": "MedicationRequest", "id": "amox-sinus", "status": "completed", "intent": "order",
     "subject": ref("Patient", "pt"), "authoredOn": "2024-04-05T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "Amoxicillin 500 MG Oral Tablet"},
     "reasonCode": [{"text": "Acute bacterial sinusitis (disorder)"}]},
    note("anesthesia", "Anesthesia note\nProcedure: general anesthesia. Findings: uneventful.", "2023-03-08", patient="pt"),
    procedure("med-rec", "Medication reconciliation (procedure)", "2024-02-02"),
    procedure("intub-1", "Intubation (procedure)", "2019-01-03"),
    {**procedure("intub-2", "Intubation (procedure)", "2022-07-09"),
     "code": {"coding": [{"system": SNOMED, "code": "intub-1", "display": "Intubation (procedure)"}]}},
    {"resourceType": "Observation", "id": "hr", "status": "final", "subject": ref("Patient", "pt"),
     "category": [{"coding": [{"code": "vital-signs"}]}],
     "code": {"coding": [{"system": LOINC, "code": "8867-4", "display": "Heart rate"}]},
     "effectiveDateTime": "2024-09-10T09:00:00-05:00", "valueQuantity": {"value": 70, "unit": "/min"}},
    {"resourceType": "AllergyIntolerance", "id": "cbz", "patient": ref("Patient", "pt"), "criticality": "high",
     "code": {"coding": [{"system": SNOMED, "code": "387568001", "display": "Carbamazepine (substance)"}]},
     "clinicalStatus": {"coding": [{"code": "active"}]}, "recordedDate": "1999-02-01",
     "reaction": [{"manifestation": [{"text": "Stevens-Johnson syndrome (disorder)"}], "severity": "severe"}]},
    note("social", "Primary care note\nSocial: retired bus driver, lives with her daughter. Code status: DNR/DNI "
         "confirmed with her health care proxy. Early dementia suspected.", "2024-05-02", patient="pt"),
    procedure("kbx", "Biopsy of kidney (procedure)", "2024-06-03"),
    {"resourceType": "DiagnosticReport", "id": "kbx-path", "status": "final", "subject": ref("Patient", "pt"),
     "category": [{"text": "Surgical Pathology"}], "code": {"text": "Surgical pathology study"},
     "effectiveDateTime": "2024-06-08T09:00:00-05:00",
     "conclusion": "Kidney, left, needle biopsy: lupus nephritis, ISN/RPS class IV."},
    procedure("cth", "Computed tomography of head (procedure)", "2023-06-14"),
    {"resourceType": "DiagnosticReport", "id": "cth-read", "status": "final", "subject": ref("Patient", "pt"),
     "category": [{"text": "Radiology"}], "code": {"text": "CT Head WO contrast"},
     "effectiveDateTime": "2023-06-14T11:00:00-05:00", "conclusion": "No acute intracranial hemorrhage."},
    note("endo", "ENDOCRINOLOGY CONSULTATION\nA1c 8.4 on metformin.\nStarted semaglutide 0.25 mg weekly.\n"
         "Consider basal insulin if A1c remains above 8 in 6 months.\nReturn in 3 months.", "2024-04-02",
         patient="pt"),
    note("sleep", "SLEEP MEDICINE CONSULT\nIn-lab polysomnogram 2024-01-11: AHI 34 events/hour, oxygen nadir 81%.\n"
         "Plan: CPAP titration.", "2024-02-01", patient="pt"),
    {"resourceType": "Observation", "id": "bp", "status": "final", "subject": ref("Patient", "pt"),
     "category": [{"coding": [{"code": "vital-signs"}]}],
     "code": {"coding": [{"system": LOINC, "code": "85354-9", "display": "Blood pressure panel"}]},
     "effectiveDateTime": "2024-09-10T09:00:00-05:00",
     "component": [
         {"code": {"coding": [{"system": LOINC, "code": "8480-6", "display": "Systolic Blood Pressure"}]},
          "valueQuantity": {"value": 129, "unit": "mm[Hg]"}},
         {"code": {"coding": [{"system": LOINC, "code": "8462-4", "display": "Diastolic Blood Pressure"}]},
          "valueQuantity": {"value": 79, "unit": "mm[Hg]"}}]},
    {"resourceType": "MedicationRequest", "id": "fexo", "status": "active", "intent": "order",
     "subject": ref("Patient", "pt"), "authoredOn": "2023-04-01T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "fexofenadine hydrochloride 180 MG Oral Tablet"}},
    {"resourceType": "MedicationRequest", "id": "pulmicort", "status": "active", "intent": "order",
     "subject": ref("Patient", "pt"), "authoredOn": "2023-04-01T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "budesonide 0.5 MG/ML Inhalation Suspension"}},
    {"resourceType": "MedicationRequest", "id": "lisin", "status": "stopped", "intent": "order",
     "subject": ref("Patient", "pt"), "authoredOn": "2016-04-01T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "lisinopril 20 MG Oral Tablet"}},
    {"resourceType": "AllergyIntolerance", "id": "lisin-allergy", "patient": ref("Patient", "pt"),
     "code": {"text": "lisinopril"}, "clinicalStatus": {"coding": [{"code": "active"}]}, "recordedDate": "2018-04-10",
     "reaction": [{"manifestation": [{"text": "Cough (finding)"}]}]},
    {"resourceType": "Condition", "id": "sinus", "subject": ref("Patient", "pt"),
     "code": {"coding": [{"system": SNOMED, "code": "75498004", "display": "Acute bacterial sinusitis (disorder)"}]},
     "clinicalStatus": {"coding": [{"code": "resolved"}]}, "onsetDateTime": "2024-04-05"},
    {"resourceType": "Condition", "id": "hf", "subject": ref("Patient", "pt"),
     "code": {"coding": [{"system": SNOMED, "code": "88805009", "display": "Chronic congestive heart failure"}]},
     "clinicalStatus": {"coding": [{"code": "active"}]}, "onsetDateTime": "2018-04-20"},
    {"resourceType": "Observation", "id": "ef", "status": "final", "subject": ref("Patient", "pt"),
     "code": {"coding": [{"system": LOINC, "code": "10230-1", "display": "Left ventricular Ejection fraction"}]},
     "effectiveDateTime": "2018-04-22T09:00:00-05:00", "valueQuantity": {"value": 25, "unit": "%"}},
    {"resourceType": "MedicationRequest", "id": "pantop", "status": "active", "intent": "order",
     "subject": ref("Patient", "pt"), "authoredOn": "2023-04-01T09:00:00-05:00",
     "medicationCodeableConcept": {"text": "pantoprazole 40 MG Delayed Release Oral Tablet"}},
]


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ChartService]:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in CHART])
    assert not report.errors, report.errors
    async with offline_service(tmp_path_factory.mktemp("findings"), HashEmbedder(), report.documents) as service:
        yield service


@pytest.mark.parametrize(("question", "says", "never"), [
    # what a procedure showed: its report of that day, as written
    ("colonoscopy when and what did it show", "tubular adenomas", "Not recorded"),
    ("s/p TKA which side", "Right knee", "Not recorded"),
    ("where did she get radiation", "T10 and L2", "Not recorded"),
    ("tegretol allergy?", "Stevens-Johnson syndrome", "Not recorded"),  # the reaction, as recorded
    ("what insulin pump", "Omnipod 5", "training"),  # the device, not the training
    ("code status at the end", "DNR/DNI", "Nothing"),  # a note's words for what is asked
    ("who does she live with", "daughter", "Nothing"),  # "lives"
    ("bp at the sept 2024 physical", "129/79", "Nothing"),  # the visit, not a word to match
    ("which antihistamine is she on", "fexofenadine", "pantoprazole"),  # H1 antagonists, not the H2 or a PPI
    ("what inhalers is she on", "budesonide", "fexofenadine"),  # an inhaled dose form is an inhaler
    # why a drug was stopped: the order as recorded and the allergy recorded to it, with its reaction
    ("why did she come off lisinopril", "Cough (finding)", "Nothing"),
    ("why not lisinopril", "Cough (finding)", "Nothing"),
    # a group named by ICD-10-CM's inclusion terms ("sinus infection" is included in J01 / J32)
    ("sinus infection in 2024?", "Acute bacterial sinusitis", "heart failure"),
    ("first ejection fraction on file", "25 %", "heart failure"),  # a measurement named outright is no group
    # a lone abbreviation through its senses, before the initials of a recorded name (ICD ≠ Intrauterine
    # Contraceptive Device); a drug class the terminology reads is left to it ("ppi" ≠ a pulse reading)
    ("does she have an ICD", "Implantable defibrillator", "intrauterine"),
    ("is she on a ppi", "pantoprazole", "Heart rate"),
    ("how many times has she been intubated", "2 Intubation", "Nothing"),  # the verb names the recorded noun
    ("how many cardiac rehab sessions did she go to", "3 Cardiac rehabilitation", "1 "),  # visits, not the plan
    ("bp around halloween 2024", "129/79", "Nothing"),  # a holiday dates a period (the nearest reading here)
    # "… - what was she treated w/": the orders of the visit it was diagnosed at, said so, never another's order
    ("ear infection ever - what was she treated w/", "Ordered at the visit where ear infection was diagnosed",
     "Hydrochlorothiazide"),
    ("ear infection ever - what was she treated w/", "Amoxicillin 500 MG", "Not recorded"),
    ("s/p TKA - which side", "Right knee", "Nothing"),  # a part that names nothing says more of the one before
    # a vaccine series: every dose; "this season": the season under way; "flu" is every influenza formulation
    ("hep b series done", "2019-05-21", "Nothing"),
    ("hep b series done", "Recorded as not given: Hep B, adult on 2019-06-01", "2019-06-01,"),  # never "given"
    # a renewal whose recorded reason is another condition is never said to be for this one
    ("ear infection ever - what was she treated w/", "Amoxicillin 500 MG", "sinusitis"),
    ("s/p TKA - which side", "Right knee", "Anesthesia"),  # a report must name what was done, not say "Procedure:"

    ("flu shot this season?", "2024-09-10", "2017-09-11"),
    # a note that says most of what was asked in its own words ("endo" → endocrinology), the lines that say it
    ("what did endo say about starting basal insulin", "Consider basal insulin if A1c remains above 8", "Nothing"),
    ("what did endo say about starting basal insulin", "remains above 8", "Return in 3 months"),  # its lines only
    ("sleep study results pls", "AHI 34", "Nothing"),  # "sleep study" as a note words it: polysomnogram
    # a procedure's read in its DiagnosticReport: a pathology read up to a week after; an imaging read unasked
    ("kidney bx result", "ISN/RPS class IV", "Nothing"),
    ("ct head after the june 2023 fall", "No acute intracranial hemorrhage", "Nothing"),
    ("who is her hcp", "health care proxy", "Nothing"),  # an abbreviation's sense, a phrase
    ("when was the knee replacement dx'd", "2023-03-07", "Nothing"),  # "dx'd" is the shorthand, not a word "d"
])
async def test_what_a_record_showed_and_what_a_note_says(service: ChartService, question: str, says: str,
                                                         never: str) -> None:
    answer = await service.answer(question, SCOPE, now=NOW)
    assert says in answer.answer, answer.answer
    assert never not in answer.answer, answer.answer
    assert not answer.abstained


@pytest.mark.parametrize("question", [
    "what did the mri show",  # no MRI recorded: a findings word finds no report of something absent
    "who does he work for",  # "work" is in no note: inflections never widen into other words
    "any liver problems",  # "lives" is never "liver"
    "any dementia meds",  # a note that mentions a word never answers a medication question
    "codeine allergy - what reaction",  # an attribute after a dash asks of the first part, never on its own
    "what did cardiology say about the echo",  # notes naming none of it (loosely read) are never shown
    "hx of ms",  # a two-letter abbreviation's senses ("miss") are never read loosely in a note
])
async def test_findings_and_note_words_never_answer_what_is_not_recorded(service: ChartService,
                                                                         question: str) -> None:
    answer = await service.answer(question, SCOPE, now=NOW)
    assert answer.abstained, answer.answer


def test_a_record_says_its_site_outcome_and_notes_and_is_flagged_as_free_text() -> None:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in CHART])
    by_id = {d.source.resource_id: d for d in report.documents}
    tka, xrt, colo = by_id["tka"], by_id["xrt"], by_id["colo"]
    assert "Body site: Right knee." in tka.text and "Note: Cemented implant" in tka.text
    assert "Ended 2024-03-22." in xrt.text
    assert tka.phi_present and not colo.phi_present  # free text is flagged like a note; a coded record is not

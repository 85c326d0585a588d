"""Each question kind on its own: what it reads through the ChartReader (the real Qdrant Edge index over a
small synthetic chart), what it selects and how its claims read — and that every claim it words survives
the citation validator (values as recorded, computed numbers recomputed)."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from rag_core.citations import validate
from rag_core.documents import resources_to_documents
from rag_core.errors import PatientNotIndexed
from rag_core.kinds.base import Aspect, AspectEvidence
from rag_core.kinds.registry import BY_NAME
from rag_core.models import DraftAnswer, PatientScope
from rag_core.query import plan_question
from rag_core.retrieval import ScopedReader
from rag_core.service import ChartService, asked_days
from tests.conftest import HashEmbedder, offline_service

LOINC = "http://loinc.org"
NOW = date(2021, 6, 1)
SCOPE = PatientScope.full("pt", "test")


def ref(kind: str, rid: str) -> dict[str, str]:
    return {"reference": f"{kind}/{rid}"}


def obs(rid: str, display: str, code: str, day: str, value: Any, unit: str = "mmol/L", **extra: Any) -> dict:
    resource = {"resourceType": "Observation", "id": rid, "status": "final",
                "category": [{"coding": [{"code": "laboratory"}]}],
                "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
                "subject": ref("Patient", "pt"), "effectiveDateTime": f"{day}T09:00:00-05:00", **extra}
    if value is not None:
        resource["valueQuantity"] = {"value": value, "unit": unit}
    return resource


def encounter(rid: str, klass: str, start: str, end: str, type_text: str, **extra: Any) -> dict:
    return {"resourceType": "Encounter", "id": rid, "status": "finished", "class": {"code": klass},
            "type": [{"text": type_text}], "subject": ref("Patient", "pt"),
            "period": {"start": f"{start}T08:00:00-05:00", "end": f"{end}T10:00:00-05:00"}, **extra}


NOTE = "2021-02-02\n\n# Chief Complaint\nChest pain.\n\n# Allergies\nNo Known Allergies.\n\n# Assessment and Plan\nRest.\n"
CHART: list[dict[str, Any]] = [
    {"resourceType": "Patient", "id": "pt", "gender": "female", "birthDate": "1970-05-20",
     "communication": [{"language": {"text": "Spanish"}}]},
    obs("k-1", "Potassium", "6298-4", "2019-01-10", 4.1),
    obs("k-2", "Potassium [Moles/volume] in Serum or Plasma", "2823-3", "2020-06-01", 5.3),
    obs("k-3", "Potassium [Moles/volume] in Serum or Plasma", "2823-3", "2021-02-02", 4.79),
    obs("cr-1", "Creatinine", "38483-4", "2020-06-01", 0.97, "mg/dL"),
    obs("cr-2", "Creatinine", "38483-4", "2021-02-02", 0.85, "mg/dL"),
    obs("cr-u", "Creatinine [Mass/volume] in Urine", "2161-8", "2021-02-02", 88, "mg/dL"),
    obs("a1c", "Hemoglobin A1c/Hemoglobin.total in Blood", "4548-4", "2021-02-02", 14.003, "%"),
    obs("q-1", "Are you a refugee?", "93030-5", "2021-02-02", None, valueCodeableConcept={"text": "No"}),
    {"resourceType": "MedicationRequest", "id": "met", "status": "active", "intent": "order",
     "medicationCodeableConcept": {"text": "metformin hydrochloride 500 MG Oral Tablet"},
     "subject": ref("Patient", "pt"), "authoredOn": "2018-01-01"},
    {"resourceType": "MedicationRequest", "id": "lis", "status": "stopped", "intent": "order",
     "medicationCodeableConcept": {"text": "lisinopril 10 MG Oral Tablet"},
     "subject": ref("Patient", "pt"), "authoredOn": "2019-05-05"},
    {"resourceType": "MedicationRequest", "id": "pip", "status": "stopped", "intent": "order",
     "medicationCodeableConcept": {"text": "piperacillin 2000 MG / tazobactam 250 MG Injection"},
     "subject": ref("Patient", "pt"), "encounter": ref("Encounter", "imp"), "authoredOn": "2020-06-02"},
    {"resourceType": "Condition", "id": "htn", "code": {"text": "Hypertension"}, "subject": ref("Patient", "pt"),
     "clinicalStatus": {"coding": [{"code": "active"}]}, "onsetDateTime": "2010-03-04"},
    {"resourceType": "Condition", "id": "sepsis", "code": {"text": "Sepsis (disorder)"},
     "subject": ref("Patient", "pt"), "encounter": ref("Encounter", "imp"),
     "clinicalStatus": {"coding": [{"code": "resolved"}]}, "onsetDateTime": "2020-06-01",
     "abatementDateTime": "2020-06-10"},
    {"resourceType": "Procedure", "id": "colo", "status": "completed", "code": {"text": "Colonoscopy"},
     "subject": ref("Patient", "pt"), "performedDateTime": "2015-07-07"},
    {"resourceType": "Procedure", "id": "ppd", "status": "completed", "code": {"text": "Skin test for tuberculosis"},
     "subject": ref("Patient", "pt"), "performedDateTime": "2016-01-01"},
    encounter("amb", "AMB", "2019-01-10", "2019-01-10", "General examination"),
    encounter("imp", "IMP", "2020-06-01", "2020-06-05", "Encounter Inpatient"),
    encounter("icu", "ACUTE", "2020-06-02", "2020-06-04", "ICU stay", partOf=ref("Encounter", "imp"),
              location=[{"location": {"display": "Medical Intensive Care Unit (MICU)"}}]),
    encounter("er", "EMER", "2021-02-02", "2021-02-02", "Emergency room admission"),
    {"resourceType": "DocumentReference", "id": "note", "status": "current",
     "type": {"text": "Emergency note"}, "subject": ref("Patient", "pt"), "date": "2021-02-02T09:00:00-05:00",
     "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(NOTE.encode()).decode()}}]},
]


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ChartService]:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in CHART])
    assert not report.errors
    async with offline_service(tmp_path_factory.mktemp("kinds"), HashEmbedder(), report.documents) as service:
        yield service


async def ask_kind(service: ChartService, question: str, kind: str | None = None) -> tuple[AspectEvidence, list[str]]:
    """Plan the question, (optionally) force a kind, gather through a ChartReader, word the claims and
    validate them; returns the evidence and the surviving claim texts."""
    plan = plan_question(question, NOW)
    aspect: Aspect = plan.aspects[0]
    if kind is not None:
        aspect = replace(aspect, kind=BY_NAME[kind])
    reader = ScopedReader(service.retriever, SCOPE, plan)
    part = await aspect.kind.gather(reader, aspect, 10)
    claims = part.aspect.kind.claims(part) if part.chunks else []
    draft = DraftAnswer(text="", claims=claims, confidence=1.0, model_id="test")
    evidence = [*part.chunks, *part.omitted[:1], *part.omitted[-1:]]  # what the retriever hands the validator
    answer = validate(draft, evidence, SCOPE, asked_dates=asked_days(plan))
    assert not answer.dropped, answer.dropped  # every worded claim is supported by what it cites
    return part, [c.text for c in answer.claims]


async def test_latest_value_exactly_as_recorded_across_codes(service: ChartService) -> None:
    part, claims = await ask_kind(service, "last K", "latest")
    assert [c.resource_id for c in part.chunks] == ["k-3"]
    assert "4.79 mmol/L on 2021-02-02" in claims[0]  # 2823-3, while the first result was 6298-4
    assert set(part.concepts) == {"Potassium", "Potassium [Moles/volume] in Serum or Plasma"}


async def test_values_keep_every_digit(service: ChartService) -> None:
    _, claims = await ask_kind(service, "A1c?")
    assert "14.003 %" in claims[0]
    _, claims = await ask_kind(service, "first creatinine")
    assert "0.97 mg/dL" in claims[0]


async def test_first_value(service: ChartService) -> None:
    part, claims = await ask_kind(service, "What was the patient's first potassium on record?", "first")
    assert [c.resource_id for c in part.chunks] == ["k-1"] and "4.1 mmol/L" in claims[0]


async def test_value_on_or_near_a_day(service: ChartService) -> None:
    part, claims = await ask_kind(service, "potassium on 2020-06-03")
    assert [c.resource_id for c in part.chunks] == ["k-2"]
    assert claims[0].startswith("Nearest to 2020-06-03") and "5.3 mmol/L" in claims[0]


async def test_trend_lists_each_value_and_the_change(service: ChartService) -> None:
    part, claims = await ask_kind(service, "How has the potassium trended since 2019?", "trend")
    assert [c.resource_id for c in part.chunks] == ["k-3", "k-2", "k-1"]  # the newest evidence first
    assert [c.split(":")[1].strip() for c in claims[:3]] == ["4.1 mmol/L on 2019-01-10.", "5.3 mmol/L on 2020-06-01.",
                                                             "4.79 mmol/L on 2021-02-02."]  # claims read oldest first
    assert "went from 4.1 mmol/L on 2019-01-10 to 4.79 mmol/L on 2021-02-02" in claims[-1]
    assert "highest 5.3 mmol/L on 2020-06-01" in claims[-1]


async def test_count_is_recomputed_by_the_validator(service: ChartService) -> None:
    _, claims = await ask_kind(service, "how many potassium results since 2020?", "count")
    assert claims[0].startswith("2 ")


async def test_min_max(service: ChartService) -> None:
    part, _ = await ask_kind(service, "highest potassium")
    assert [c.resource_id for c in part.chunks] == ["k-2"]
    part, _ = await ask_kind(service, "lowest creatinine")
    assert [c.resource_id for c in part.chunks] == ["cr-2"]  # never the urine creatinine


async def test_a_test_for_something_is_not_that_thing(service: ChartService) -> None:
    answer = await service.answer("any tuberculosis?", SCOPE, now=NOW)  # only a TB skin test is recorded
    assert not answer.answer.startswith("Yes")


async def test_yes_no(service: ChartService) -> None:
    _, claims = await ask_kind(service, "is she on metformin?")
    assert claims[0].startswith("Yes") and "2018-01-01" in claims[0]
    part, claims = await ask_kind(service, "any history of diabetes?")
    assert not claims and part.not_found and "diabetes" in part.not_found


async def test_current(service: ChartService) -> None:
    _, claims = await ask_kind(service, "is she still taking lisinopril")
    assert claims[0].startswith("No — ") and "stopped" in claims[0]
    part, _ = await ask_kind(service, "current meds")
    assert [c.resource_id for c in part.chunks] == ["met"]


async def test_onset_and_resolution(service: ChartService) -> None:
    _, claims = await ask_kind(service, "when was the sepsis diagnosed")
    assert "onset 2020-06-01" in claims[0] and "resolved 2020-06-10" in claims[0]


async def test_facts_during_the_last_stay(service: ChartService) -> None:
    part, claims = await ask_kind(service, "What meds were given during the last hospital stay?")
    assert [c.resource_id for c in part.chunks] == ["imp", "pip"]
    assert "piperacillin" in claims[-1]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was the last admission?", "2020-06-01"),
        ("how long was the last hospital stay", "Length of stay: 4 days"),
        ("when was she discharged", "Discharged on 2020-06-05"),
        ("any ICU stays?", "Medical Intensive Care Unit (MICU)"),
        ("how many ER visits?", "1 emergency visit "),
    ],
)
async def test_encounters(service: ChartService, question: str, expected: str) -> None:
    _, claims = await ask_kind(service, question)
    assert expected in " ".join(claims)


@pytest.mark.parametrize(
    ("question", "expected"),
    [("what is the patient's sex", "Sex: female."), ("how old was she on 2015-01-01", "Age 44 on 2015-01-01"),
     ("DOB?", "Born 1970-05-20."), ("is the patient alive?", "No death is recorded"),
     ("what language does she speak", "Spanish")],
)
async def test_demographics(service: ChartService, question: str, expected: str) -> None:
    _, claims = await ask_kind(service, question)
    assert expected in claims[0]


async def test_no_allergy_resource_reads_the_notes(service: ChartService) -> None:
    _, claims = await ask_kind(service, "any allergies?")
    assert "No Known Allergies" in claims[0]


async def test_nothing_in_the_window_cites_the_closest_outside_it(service: ChartService) -> None:
    answer = await service.answer("creatinine in the last 2 months", SCOPE, now=NOW)
    assert answer.abstained and "No Creatinine recorded in the last 2 months" in answer.answer
    assert [c.reference for c in answer.closest] == ["Observation/cr-2"]


async def test_an_unrecognised_shorthand_never_answers_with_something_else(service: ChartService) -> None:
    answer = await service.answer("Na latest value", SCOPE, now=NOW)  # no sodium here; a questionnaire answers "No"
    assert answer.abstained and not answer.claims


async def test_withheld_by_scope_says_so(service: ChartService) -> None:
    labs_only = PatientScope(patient_id="pt", resource_types=frozenset({"Observation"}), requester="test")
    answer = await service.answer("current meds", labs_only, now=NOW)
    assert answer.abstained and "scopes do not allow" in answer.answer


async def test_unknown_patient_is_not_not_found(service: ChartService) -> None:
    with pytest.raises(PatientNotIndexed):
        await service.answer("last K", PatientScope.full("someone-else", "test"), now=NOW)

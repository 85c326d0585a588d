"""Property: whatever patients and questions, no result, citation or error ever carries another
patient's data, and a missing/empty scope raises before any engine call."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag_core.documents import resources_to_documents
from rag_core.errors import IsolationError
from rag_core.models import PatientScope
from rag_core.service import ChartService
from tests.conftest import offline_service

pytestmark = pytest.mark.slow

LABS = ["Body Weight", "Hemoglobin A1c/Hemoglobin.total in Blood", "Glucose", "Sodium", "Heart rate"]
DRUGS = ["lisinopril 10 MG Oral Tablet", "Metformin 500 MG Oral Tablet", "Warfarin Sodium 5 MG Oral Tablet"]
PATIENTS = [f"pat-{i}" for i in range(4)]


def chart(patient: str, seed: int) -> list[tuple[str, dict]]:
    items: list[tuple[str, dict]] = [(f"urn:uuid:{patient}", {"resourceType": "Patient", "id": patient})]
    for i in range(6):
        rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{patient}/obs/{i}"))
        items.append((f"urn:uuid:{rid}", {
            "resourceType": "Observation", "id": rid, "status": "final", "code": {"text": LABS[(seed + i) % len(LABS)]},
            "subject": {"reference": f"urn:uuid:{patient}"}, "effectiveDateTime": f"20{10 + i}-0{1 + seed % 9}-15",
            "valueQuantity": {"value": 50 + seed * 7 + i, "unit": "u"}}))
    rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{patient}/med"))
    items.append((f"urn:uuid:{rid}", {
        "resourceType": "MedicationRequest", "id": rid, "status": "active", "intent": "order",
        "medicationCodeableConcept": {"text": DRUGS[seed % len(DRUGS)]}, "subject": {"reference": f"urn:uuid:{patient}"},
        "authoredOn": "2015-05-05"}))
    return items


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> AsyncIterator[ChartService]:
    docs = [d for seed, patient in enumerate(PATIENTS) for d in resources_to_documents(chart(patient, seed)).documents]
    async with offline_service(tmp_path_factory.mktemp("iso"), real_embedder, docs) as service:
        yield service


QUESTION = st.one_of(
    st.sampled_from(LABS).map(lambda lab: f"What was the most recent {lab} result?"),
    st.sampled_from(LABS).map(lambda lab: f"How has the {lab} changed over the last 5 years?"),
    st.sampled_from(DRUGS).map(lambda d: f"Has the patient ever been prescribed {d}?"),
    st.text(min_size=1, max_size=80).filter(lambda s: s.strip()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(patient=st.sampled_from(PATIENTS), question=QUESTION)
async def test_no_answer_carries_another_patients_data(service: ChartService, patient: str, question: str) -> None:
    scope = PatientScope.full(patient, "prop")
    answer = await service.answer(question, scope, now=date(2024, 1, 1))
    assert set(answer.retrieved_patient_ids) <= {patient}
    assert {c.patient_id for c in answer.citations} <= {patient}
    others = [p for p in PATIENTS if p != patient]
    text = answer.model_dump_json()
    assert not any(other in text for other in others)


@given(patient=st.one_of(st.just(""), st.just("   ")), question=st.text(min_size=1, max_size=20))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
async def test_empty_scope_raises(service: ChartService, patient: str, question: str) -> None:
    with pytest.raises((IsolationError, ValueError)) as info:
        await service.answer(question, PatientScope(patient, frozenset({"Observation"}), "prop"))
    assert not any(p in str(info.value) for p in PATIENTS)

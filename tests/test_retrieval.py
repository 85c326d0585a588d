"""Retrieval behaviours on small synthetic charts with the real model and Qdrant Edge."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from rag_core.documents import resources_to_documents
from rag_core.models import PatientScope
from rag_core.service import ChartService
from tests.conftest import offline_service

pytestmark = pytest.mark.slow
LOINC = "http://loinc.org"


def obs(rid: str, display: str, code: str, day: str, value: float, components: list | None = None) -> dict:
    resource = {"resourceType": "Observation", "id": rid, "status": "final",
                "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
                "subject": {"reference": "Patient/pt"}, "effectiveDateTime": f"{day}T09:00:00-05:00"}
    if components:
        resource["component"] = components
    else:
        resource["valueQuantity"] = {"value": value, "unit": "mg/dL"}
    return resource


def note(rid: str, day: str, body: str) -> dict:
    text = f"{day}\n\n# Chief Complaint\n{body}\n\n# Assessment and Plan\nPlan for {body.lower()}.\n"
    return {"resourceType": "DocumentReference", "id": rid, "status": "current",
            "type": {"coding": [{"system": LOINC, "code": "34117-2", "display": "History and physical note"}]},
            "subject": {"reference": "Patient/pt"}, "date": f"{day}T09:00:00-05:00",
            "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}]}


def bp(rid: str, day: str, systolic: float) -> dict:
    comps = [{"code": {"coding": [{"system": LOINC, "code": "8480-6", "display": "Systolic Blood Pressure"}]},
              "valueQuantity": {"value": systolic, "unit": "mm[Hg]"}},
             {"code": {"coding": [{"system": LOINC, "code": "8462-4", "display": "Diastolic Blood Pressure"}]},
              "valueQuantity": {"value": 80, "unit": "mm[Hg]"}}]
    return obs(rid, "Blood Pressure", "85354-9", day, 0, comps)


CHART = [
    {"resourceType": "Patient", "id": "pt"},
    obs("cr-old", "Creatinine", "2160-0", "2019-03-01", 0.9),
    obs("cr-new", "Creatinine [Mass/volume] in Serum or Plasma", "2160-0", "2020-06-01", 1.4),
    obs("cr-urine", "Creatinine [Mass/volume] in Urine", "2161-8", "2020-07-01", 88.0),
    bp("bp-1", "2020-01-10", 121), bp("bp-2", "2020-05-10", 135),
    obs("dia-only", "Diastolic Blood Pressure", "8462-4", "2020-06-10", 77),
    note("n-1", "2019-02-02", "Cough and fever"), note("n-2", "2020-08-08", "Knee pain after a fall"),
]


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> AsyncIterator[ChartService]:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in CHART])
    assert not report.errors
    async with offline_service(tmp_path_factory.mktemp("retrieval"), real_embedder, report.documents) as service:
        yield service


SCOPE = PatientScope.full("pt", "test")


async def test_one_code_under_two_displays_is_one_trend(service: ChartService) -> None:
    answer = await service.answer("How has the serum creatinine changed over the last 3 years?", SCOPE,
                                  now=date(2021, 1, 1))
    cited = {c.reference for c in answer.citations}
    assert cited == {"Observation/cr-old", "Observation/cr-new"}  # never the urine creatinine
    assert "0.9" in answer.answer and "1.4" in answer.answer


async def test_component_question_does_not_pull_other_components(service: ChartService) -> None:
    answer = await service.answer("How has the systolic blood pressure changed over the last year?", SCOPE,
                                  now=date(2020, 12, 31))
    assert {c.reference for c in answer.citations} == {"Observation/bp-1", "Observation/bp-2"}
    latest = await service.answer("What was the most recent systolic blood pressure result?", SCOPE,
                                  now=date(2020, 12, 31))
    assert [c.reference for c in latest.citations] == ["Observation/bp-2"] and "135" in latest.answer


async def test_nothing_after_the_asking_day_is_evidence(service: ChartService) -> None:
    answer = await service.answer("What was the most recent serum creatinine result?", SCOPE, now=date(2019, 12, 31))
    assert [c.reference for c in answer.citations] == ["Observation/cr-old"]


async def test_last_note_means_the_newest_note(service: ChartService) -> None:
    answer = await service.answer("What did the last note say in its chief complaint?", SCOPE, now=date(2021, 1, 1))
    assert answer.citations and {c.reference for c in answer.citations} == {"DocumentReference/n-2"}
    assert "Knee pain" in answer.answer


async def test_unknown_concept_abstains_with_a_reason(service: ChartService) -> None:
    answer = await service.answer("What was the most recent hemoglobin A1c result?", SCOPE, now=date(2021, 1, 1))
    assert answer.abstained and "hemoglobin A1c" in answer.answer and not answer.citations


async def test_namespaces_are_searched_together_and_only_patient_data_is_scoped(
    service: ChartService, real_embedder: Any
) -> None:
    from rag_core.indexing import Indexer as _Indexer
    from rag_core.models import CLINICAL_GUIDELINES, PATIENT_DATA, ClinicalDocument, SourceRef

    guideline = ClinicalDocument(patient_id="", source=SourceRef(resource_type="PlanDefinition", resource_id="ada-a1c"),
                                 kind="fact", text="Guideline: creatinine above 1.3 mg/dL warrants a kidney function review.")
    retriever = service.retriever
    await _Indexer(retriever.index, real_embedder, retriever.sparse).index_documents([guideline], CLINICAL_GUIDELINES)
    found = await retriever.search_namespaces("creatinine kidney", SCOPE, k=3)
    assert found[CLINICAL_GUIDELINES][0].chunk.resource_id == "ada-a1c"
    assert found[PATIENT_DATA] and {h.chunk.patient_id for h in found[PATIENT_DATA]} == {"pt"}
    other = PatientScope.full("someone-else", "test")
    assert (await retriever.search_namespaces("creatinine kidney", other, k=3))[PATIENT_DATA] == []

"""Charts shaped like MIMIC-IV on FHIR (written here from the public implementation guide's structure, no
real or sample patient): dates shifted into the 2100s, hospital encounters typed by an admission-class
code system and an ``encounter-hosp`` identifier, ICU stays as ``ACUTE`` sub-encounters with a unit
location, diagnoses with no date of their own linked to their encounter, questions naming the patient
by number."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from rag_core.documents import resources_to_documents
from rag_core.models import PatientScope
from rag_core.service import ChartService
from tests.conftest import HashEmbedder, offline_service

MIMIC = "http://mimic.mit.edu/fhir/mimic"
SCOPE = PatientScope.full("p-shift", "test")
TODAY = date(2026, 12, 1)  # the day asked: long before every record of this chart


def hosp(rid: str, start: str, end: str, klass: str) -> dict[str, Any]:
    return {"resourceType": "Encounter", "id": rid, "status": "finished",
            "identifier": [{"system": f"{MIMIC}/identifier/encounter-hosp", "value": rid}],
            "class": {"system": f"{MIMIC}/CodeSystem/mimic-admission-class", "code": klass},
            "type": [{"coding": [{"system": "http://snomed.info/sct", "code": "308335008",
                                  "display": "Patient encounter procedure"}]}],
            "subject": {"reference": "Patient/p-shift"}, "period": {"start": start, "end": end}}


def dx(rid: str, encounter: str, code: str, display: str) -> dict[str, Any]:
    return {"resourceType": "Condition", "id": rid,
            "category": [{"coding": [{"code": "encounter-diagnosis", "display": "Encounter Diagnosis"}]}],
            "code": {"coding": [{"system": f"{MIMIC}/CodeSystem/mimic-diagnosis-icd10", "code": code,
                                 "display": display}]},
            "subject": {"reference": "Patient/p-shift"}, "encounter": {"reference": f"Encounter/{encounter}"}}


CHART = [
    {"resourceType": "Patient", "id": "p-shift", "gender": "male", "birthDate": "2090-04-02",
     "identifier": [{"system": f"{MIMIC}/identifier/patient", "value": "10015272"}],
     "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
                    "extension": [{"url": "text", "valueString": "White"}]}]},
    hosp("h-1", "2150-03-01T10:00:00-05:00", "2150-03-06T12:00:00-05:00", "ELECTIVE"),
    hosp("h-2", "2152-07-10T08:00:00-04:00", "2152-07-20T15:00:00-04:00", "EW EMER."),
    {"resourceType": "Encounter", "id": "icu-1", "status": "finished",
     "identifier": [{"system": f"{MIMIC}/identifier/encounter-icu", "value": "31552399"}],
     "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "ACUTE",
               "display": "inpatient acute"},
     "subject": {"reference": "Patient/p-shift"}, "partOf": {"reference": "Encounter/h-2"},
     "period": {"start": "2152-07-11T02:00:00-04:00", "end": "2152-07-13T09:00:00-04:00"},
     "location": [{"location": {"reference": "Location/unit-1", "display": "Trauma SICU (TSICU)"}}]},
    dx("c-1", "h-1", "K8000", "Calculus of gallbladder with acute cholecystitis"),
    dx("c-2", "h-2", "A419", "Sepsis, unspecified organism"),
    dx("c-3", "h-2", "N179", "Acute kidney failure, unspecified"),
]


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ChartService]:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in CHART])
    assert not report.errors
    async with offline_service(tmp_path_factory.mktemp("shifted"), HashEmbedder(), report.documents) as service:
        yield service


def test_encounter_settings_and_undated_diagnoses() -> None:
    docs = {d.source.reference: d for d in resources_to_documents([(f"{r['resourceType']}/{r['id']}", r)
                                                                   for r in CHART]).documents}
    assert [docs[r].fact.setting for r in ("Encounter/h-1", "Encounter/h-2", "Encounter/icu-1")] == [
        "inpatient", "inpatient", "icu"]
    assert docs["Condition/c-2"].effective_date == "2152-07-10"  # the encounter's day, said as such
    assert "during the encounter of 2152-07-10" in docs["Condition/c-2"].text


@pytest.mark.parametrize(
    ("question", "cited", "says"),
    [
        ("How many hospital admissions does patient 10015272 have?", {"Encounter/h-1", "Encounter/h-2"}, "2 "),
        ("What diagnoses were recorded during the last hospital admission?",
         {"Encounter/h-2", "Condition/c-2", "Condition/c-3"}, "Sepsis"),
        ("Was the patient ever in the ICU?", {"Encounter/icu-1"}, "TSICU"),
        ("When was the patient discharged from the first admission?", {"Encounter/h-1"}, "2150-03-06"),
        ("What is the sex of patient 10015272?", {"Patient/p-shift"}, "male"),
        ("does the patient have sepsis?", {"Condition/c-2"}, "Yes"),
        ("How old was patient 10015272 at the last admission?", {"Patient/p-shift", "Encounter/h-2"},
         "Age 62 at the start of the stay on 2152-07-10"),
        ("race?", {"Patient/p-shift"}, "Race: White."),
    ],
)
async def test_questions_on_a_date_shifted_chart(service: ChartService, question: str, cited: set[str],
                                                 says: str) -> None:
    answer = await service.answer(question, SCOPE, now=TODAY)
    assert not answer.abstained, answer.answer
    assert {c.reference for c in answer.citations} == cited
    assert says in answer.answer
    assert answer.notice and "date-shifted" in answer.notice

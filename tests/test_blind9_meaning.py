"""What blind9 and its review taught question handling (issue 25, seventh session): whether a drug may be given is
an allergy question that is never answered "Yes"; a study's report is named as the chart names it; a medical word
is spelled as meant; a modifier that names a site is never dropped for another site's record; months of two-digit
years and diagnoses date a period — each through a real ChartReader over a small synthetic chart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from rag_core.concepts import VocabularyEntry, resolve_concept
from rag_core.documents import resources_to_documents
from rag_core.kinds.timewords import read_time
from rag_core.service import ChartService
from tests.conftest import HashEmbedder, offline_service
from tests.test_kinds import LOINC, NOW, SCOPE, obs, ref
from tests.test_meaning import condition, med

SNOMED = "http://snomed.info/sct"


def allergy(rid: str, text: str) -> dict[str, Any]:
    return {"resourceType": "AllergyIntolerance", "id": rid, "patient": ref("Patient", "pt"), "code": {"text": text},
            "clinicalStatus": {"coding": [{"code": "active"}]}, "recordedDate": "2012-01-01", "criticality": "high"}


def procedure(rid: str, text: str, day: str) -> dict[str, Any]:
    return {"resourceType": "Procedure", "id": rid, "status": "completed", "subject": ref("Patient", "pt"),
            "code": {"coding": [{"system": SNOMED, "code": rid, "display": text}]}, "performedDateTime": day}


CHART: list[dict[str, Any]] = [
    {"resourceType": "Patient", "id": "pt", "gender": "female", "birthDate": "1960-02-02"},
    allergy("nsaid", "Nonsteroidal anti-inflammatory agent"),
    allergy("pcn", "Penicillin V"),
    allergy("bl", "Beta lactam antibiotic"),
    med("ibu", "Ibuprofen 400 MG Oral Tablet", "stopped", "2010-01-01"),
    med("apap", "Acetaminophen 325 MG Oral Tablet", "active", "2018-01-01"),
    med("doxy", "Doxycycline hyclate 100 MG Oral Tablet", "active", "2021-01-01"),
    procedure("skin-bx", "Biopsy of skin", "2019-05-05T09:00:00-05:00"),
    procedure("debr", "Debridement", "2020-03-14T09:00:00-05:00"),
    condition("dm", "Type 2 diabetes mellitus", "2015-03-10"),
    obs("a1c-1", "Hemoglobin A1c/Hemoglobin.total in Blood", "4548-4", "2013-01-01", 6.0, "%"),
    obs("a1c-2", "Hemoglobin A1c/Hemoglobin.total in Blood", "4548-4", "2015-03-11", 8.9, "%"),
    obs("a1c-3", "Hemoglobin A1c/Hemoglobin.total in Blood", "4548-4", "2019-03-11", 7.1, "%"),
    obs("pr", "P-R Interval", "8625-6", "2020-02-14", 174, "ms"),
    obs("igg", "IgG [Mass/volume] in Serum", "2465-3", "2020-02-14", 900, "mg/dL"),
    {"resourceType": "DiagnosticReport", "id": "ct", "status": "final", "subject": ref("Patient", "pt"),
     "code": {"coding": [{"system": LOINC, "code": "24627-2", "display": "CT Chest WO contrast"}]},
     "effectiveDateTime": "2018-01-12T09:00:00-05:00",
     "conclusion": "Cylindrical bronchiectasis with mucus plugging in the upper lobes."},
    {"resourceType": "DiagnosticReport", "id": "ct-head", "status": "final", "subject": ref("Patient", "pt"),
     "code": {"coding": [{"system": LOINC, "code": "30799-1", "display": "CT Head WO contrast"}]},
     "effectiveDateTime": "2020-05-20T09:00:00-05:00", "conclusion": "No acute intracranial abnormality."},
    {"resourceType": "Device", "id": "vest", "patient": ref("Patient", "pt"), "status": "active",
     "type": {"text": "High-frequency chest wall oscillation vest"}},
]


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ChartService]:
    report = resources_to_documents([(f"{r['resourceType']}/{r['id']}", r) for r in CHART])
    assert not report.errors, report.errors
    async with offline_service(tmp_path_factory.mktemp("blind9"), HashEmbedder(), report.documents) as service:
        yield service


async def _answer(service: ChartService, question: str) -> str:
    return (await service.answer(question, SCOPE, now=NOW)).answer


@pytest.mark.parametrize(("question", "says"), [
    ("can she take ibuprofen", "Nonsteroidal anti-inflammatory agent"),  # an allergy to the class it belongs to
    ("can she take ibuprofen now?", "Nonsteroidal anti-inflammatory agent"),  # the "current" reading too
    ("can we give ibuprofin", "Nonsteroidal anti-inflammatory agent"),  # misspelt, another wording
    ("can she take an nsaid", "Nonsteroidal anti-inflammatory agent"),  # the class asked
    ("can she take amoxicillin", "Penicillin V"),  # a drug of the same FDA class
])
async def test_whether_a_drug_may_be_given_is_a_caution_never_a_yes(service: ChartService, question: str,
                                                                     says: str) -> None:
    answer = await _answer(service, question)
    assert answer.startswith("Caution"), answer
    assert says in answer, answer
    assert "Yes" not in answer and "No allergy" not in answer, answer


async def test_a_drug_with_no_allergy_matched_is_said_as_recorded(service: ChartService) -> None:
    answer = await _answer(service, "can she take tylenol")
    assert "Acetaminophen" in answer and not answer.startswith("Yes"), answer
    # a broad reading of a class allergy's words is no allergy to every antibacterial
    answer = await _answer(service, "can she take doxycycline")
    assert "Beta lactam" not in answer and "Caution" not in answer, answer


@pytest.mark.parametrize(("question", "says", "never"), [
    ("what did the 2018 chest ct show", "bronchiectasis", "vest"),  # the report, not a word of a device
    ("when was the debridment", "2020-03-14", "Biopsy"),  # a misspelt procedure
    ("last pr interval", "174", "IgG"),  # "P-R Interval" asked run together
    ("first a1c at dm dx", "8.9", "6.0"),  # the value nearest the diagnosis, not the first ever
])
async def test_what_blind9_taught(service: ChartService, question: str, says: str, never: str) -> None:
    answer = await _answer(service, question)
    assert says in answer and never not in answer, answer


@pytest.mark.parametrize("question", ["breast biopsy", "serum ige", "hcv ab", "knee replacement", "amputation"])
async def test_a_medical_word_is_never_read_as_another_record(service: ChartService, question: str) -> None:
    # "breast biopsy" is no "Biopsy of skin"; "ige" no IgG; "amputation" no slip of a recorded word
    answer = await _answer(service, question)
    assert answer.startswith("Not found"), answer


def test_generic_title_words_and_plans_name_no_group() -> None:
    vocabulary = [VocabularyEntry("Acquired absence of left leg below knee", "condition"),
                  VocabularyEntry("Tobacco smoking status", "lab"),
                  VocabularyEntry("Post-amputation rehabilitation plan", "careplan"),
                  VocabularyEntry("Left below-knee amputation", "procedure")]
    found = resolve_concept("smoking status", vocabulary, [], "smoking status")
    assert found is not None and found.names == ("Tobacco smoking status",)
    found = resolve_concept("amputation", vocabulary, [], "when was the amputation")
    assert found is not None and found.names == ("Left below-knee amputation",)  # the thing before its plan


@pytest.mark.parametrize(("question", "day_from", "day_to"), [
    ("how did he hurt his ankle in july 22", 20220701, 20220731),
    ("bp in feb '23", 20230201, 20230228),
    ("inr on july 22", 20240722, 20240722),  # a day
    ("inr from june 12 onward", None, None),  # a day (after it), never June 2012
])
def test_a_month_with_a_two_digit_year(question: str, day_from: int | None, day_to: int | None) -> None:
    window = read_time(question, date(2025, 3, 1)).window
    if day_from is None:
        assert window.day_from != 20120601, window
    else:
        assert (window.day_from, window.day_to) == (day_from, day_to), window


@pytest.mark.parametrize(("question", "event"), [
    ("first a1c at cfrd dx", "cfrd"),
    ("a1c trend since the dm dx - highest and where is it now", "dm"),
    ("what sx did he have before the adrenal insufficiency was found", "adrenal insufficiency"),
    ("lowest anc on clozapine and when", "clozapine"),
    ("a1c at diagnosis", None),  # no event named: the first value
])
def test_a_diagnosis_dates_the_period(question: str, event: str | None) -> None:
    assert read_time(question, date(2025, 3, 1)).window.event == event


async def test_a_count_over_several_names_says_each(service: ChartService) -> None:
    answer = await _answer(service, "how many ct scans has she had")
    assert "CT Chest WO contrast" in answer and "CT Head WO contrast" in answer, answer


async def test_a_value_at_a_diagnosis_is_said_as_the_closest_never_the_first(service: ChartService) -> None:
    answer = await _answer(service, "first a1c at dm dx")
    assert answer.startswith("Closest to the Type 2 diabetes mellitus of 2015-03-10"), answer

"""What a clinician reads at a glance: a trend's points (values, units, ranges and flags as recorded, each
a cited fact), yes/no answers that lead with Yes / No / Not recorded, the three kinds of "not found",
duplicate claims merged, and active orders that are stale said so. Checked against the raw FHIR JSON."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from rag_core.citations import merge_duplicates, validate
from rag_core.documents import load_path
from rag_core.models import Chunk, Claim, DraftAnswer, PatientScope
from rag_core.service import ChartService
from tests.conftest import ALLEN, ALLEN_ID, GENERATED_LABS, GENERATED_LABS_ID, HashEmbedder, offline_service

NOW = date(2024, 3, 1)  # the generated chart's "today"
SCOPE = PatientScope.full(GENERATED_LABS_ID, "test")
RAW = [e["resource"] for e in json.loads(GENERATED_LABS.read_text(encoding="utf-8"))["entry"]]


@pytest.fixture(scope="module")
async def service(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ChartService]:
    documents = [*load_path(GENERATED_LABS).documents, *load_path(ALLEN).documents]
    async with offline_service(tmp_path_factory.mktemp("display"), HashEmbedder(), documents) as service:
        yield service


def _potassium() -> list[dict[str, Any]]:
    return [r for r in RAW if r["resourceType"] == "Observation"
            and {c["code"] for c in r["code"]["coding"]} & {"2823-3", "6298-4"}]


async def test_a_trend_carries_its_points_as_recorded_with_range_and_flags(service: ChartService) -> None:
    answer = await service.answer("How has the potassium changed over time?", SCOPE, now=NOW)
    assert not answer.abstained and len(answer.series) == 1
    series = answer.series[0]
    assert (series.unit, series.reference_range, series.range_low, series.range_high) == (
        "mmol/L", "3.5–5.1 mmol/L", "3.5", "5.1")
    cited = {c.chunk_id: c for c in answer.citations}
    raw = {r["id"]: r for r in _potassium()}
    days = [p.day for p in series.points]
    assert days == sorted(days) and len(series.points) >= 2
    for point in series.points:
        citation = cited[point.chunk_id]  # every point is a cited fact
        resource = raw[citation.reference.split("/", 1)[1]]
        assert Decimal(point.value) == Decimal(str(resource["valueQuantity"]["value"]))
        assert point.shown == f"{point.value} mmol/L" and point.day == resource["effectiveDateTime"][:10]
        assert point.flag == resource["interpretation"][0]["text"]  # the lab's flag, never computed here
    assert any(p.flag == "High" for p in series.points) or all(p.flag == "Normal" for p in series.points)


async def test_yes_no_questions_lead_with_their_answer(service: ChartService) -> None:
    meds = [r for r in RAW if r["resourceType"] == "MedicationRequest"]
    newest: dict[str, dict[str, Any]] = {}
    for r in sorted(meds, key=lambda r: r["authoredOn"]):
        newest[r["medicationCodeableConcept"]["text"].split()[0 if r["medicationCodeableConcept"]["text"][0].isalpha()
                                                            else 3]] = r
    active = next(name for name, r in newest.items() if r["status"] == "active")
    stopped = next(name for name, r in newest.items() if r["status"] != "active")
    yes = await service.answer(f"Is the patient on {active}?", SCOPE, now=NOW)
    assert yes.answer.startswith("Yes — ") and " is active " in yes.answer
    no = await service.answer(f"Is the patient on {stopped}?", SCOPE, now=NOW)
    assert no.answer.startswith("No — ") and "not active" in no.answer
    ever = await service.answer(f"Was {stopped} ever prescribed?", SCOPE, now=NOW)
    assert ever.answer.startswith("Yes — ") and "was prescribed" in ever.answer
    conditions = [r for r in RAW if r["resourceType"] == "Condition"]
    name = conditions[0]["code"]["coding"][0]["display"].split(" (")[0].split(",")[0]
    history = await service.answer(f"Does the patient have a history of {name.lower()}?", SCOPE, now=NOW)
    assert history.answer.startswith("Yes — ") and "was diagnosed" in history.answer  # "history of" asks ever
    absent = await service.answer("Has the patient ever had a stroke?", SCOPE, now=NOW)
    assert absent.abstained and absent.absence == "not_recorded" and "Not recorded — " in absent.answer


async def test_the_three_kinds_of_not_found(service: ChartService) -> None:
    outside = await service.answer("What was the potassium in 2010?", SCOPE, now=NOW)
    assert outside.abstained and outside.absence == "outside_window"
    first = min(_potassium(), key=lambda r: r["effectiveDateTime"])["effectiveDateTime"][:10]
    last = max(_potassium(), key=lambda r: r["effectiveDateTime"])["effectiveDateTime"][:10]
    assert f"on {first}" in outside.answer and "The latest:" in outside.answer and f"on {last}" in outside.answer
    assert {c.effective_date for c in outside.closest} >= {first, last}  # shown so the clinician can look
    nothing = await service.answer("What was the most recent troponin?", SCOPE, now=NOW)
    assert nothing.abstained and nothing.absence == "not_recorded"
    narrow = PatientScope(patient_id=GENERATED_LABS_ID, resource_types=frozenset({"Patient", "Condition"}),
                          requester="test")
    withheld = await service.answer("What was the most recent potassium?", narrow, now=NOW)
    assert withheld.abstained and withheld.absence == "withheld" and "Withheld" in withheld.answer
    assert not withheld.citations and not withheld.closest


async def test_stale_active_orders_are_flagged(service: ChartService) -> None:
    answer = await service.answer("What medications are currently active?", PatientScope.full(ALLEN_ID, "t"),
                                  now=date(2021, 6, 1))
    lines = answer.answer.splitlines()
    docetaxel = next(line for line in lines if "DOCEtaxel" in line)
    assert "ordered 2004-11-03, still marked active" in docetaxel
    assert not any("still marked active" in line for line in lines if "2021-02-09" in line)  # recent orders are not


def _chunk(cid: str, text: str) -> Chunk:
    return Chunk(id=cid, patient_id="p", text=text, resource_type="Condition", resource_id=cid)


def test_duplicate_claims_are_merged_with_all_their_sources() -> None:
    claims = [Claim(text="Asthma since 2001-02-03.", citations=["a"]), Claim(text="Hypertension.", citations=["b"]),
              Claim(text="asthma since 2001-02-03", citations=["c", "a"])]
    merged = merge_duplicates(claims)
    assert [c.text for c in merged] == ["Asthma since 2001-02-03.", "Hypertension."]
    assert merged[0].citations == ["a", "c"]
    chunks = [_chunk("a", "Asthma since 2001-02-03"), _chunk("b", "Hypertension"), _chunk("c", "Asthma 2001-02-03")]
    answer = validate(DraftAnswer(text="", claims=claims, confidence=1.0, model_id="m"), chunks,
                      PatientScope.full("p", "t"))
    assert answer.answer.count("2001-02-03") == 1 and len(answer.claims) == 2

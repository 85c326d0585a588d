"""Clinical values are shown exactly as recorded: a decimal's every digit, trailing zeros included
(``0.10`` is not ``0.1``), from the JSON on the wire or on disk through chunking, the index, the answer
and the CDS card, on the notification path too."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag_core.chunking import chunk_documents
from rag_core.documents import resources_to_documents
from rag_core.wire import fhir_loads, strict_loads
from tests.ingest_helpers import PATIENT, SECRET, ingest_rig
from tests.servers import free_port, serving

LOINC = "http://loinc.org"


@st.composite
def literals(draw: st.DrawFn) -> str:
    """A JSON number as a lab system writes one: sign, integer part, 0–4 fraction digits (zeros kept)."""
    whole = draw(st.integers(min_value=0, max_value=99999))
    places = draw(st.integers(min_value=0, max_value=4))
    fraction = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=places, max_size=places)))
    sign = draw(st.sampled_from(["", "", "-"])) if whole or fraction else ""  # an integer -0 is not a value
    return f"{sign}{whole}" + (f".{fraction}" if fraction else "")


def observation_text(rid: str, value: str, low: str, high: str, comparator: str = "", day: str = "2025-03-01",
                     code: str = "4548-4", name: str = "Hemoglobin A1c", unit: str = "%") -> str:
    """The Observation as JSON *text*, so the number literals are exactly those given."""
    quantity = f'"value": {value}, "unit": "{unit}"' + (f', "comparator": "{comparator}"' if comparator else "")
    category = '{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}'
    return (f'{{"resourceType": "Observation", "id": "{rid}", "status": "final", "category": [{category}], '
            f'"code": {{"coding": [{{"system": "{LOINC}", "code": "{code}", "display": "{name}"}}], "text": "{name}"}}, '
            f'"subject": {{"reference": "Patient/{PATIENT}"}}, "effectiveDateTime": "{day}T08:00:00Z", '
            f'"valueQuantity": {{{quantity}}}, "referenceRange": [{{"low": {{"value": {low}}}, "high": {{"value": {high}}}}}]}}')


@given(value=literals(), low=literals(), high=literals(), comparator=st.sampled_from(["", "<", ">=", "<="]))
@settings(max_examples=300, deadline=None)
def test_every_generated_value_is_stored_and_shown_as_recorded(value: str, low: str, high: str, comparator: str) -> None:
    text = observation_text("obs-x", value, low, high, comparator)
    for parsed in (fhir_loads(text), strict_loads(text.encode(), exact_decimals=True)):  # disk and wire
        report = resources_to_documents([("Observation/obs-x", parsed)])
        assert not report.errors
        (chunk,) = [c for c in chunk_documents(report.documents) if c.fact is not None]
        assert chunk.fact is not None and chunk.fact.shown_value == f"{comparator}{value} %"
        assert f"{comparator}{value} %" in chunk.text
        assert chunk.fact.reference_range == f"{low}–{high}"


TRICKY = [("obs-1", "7.50", "2024-01-10"), ("obs-2", "14.003", "2025-02-10")]  # trailing zero; 3 places
CREATININE = [("cr-1", "0.10", "2024-06-01"), ("cr-2", "1.200", "2025-02-11")]


@pytest.mark.slow
async def test_notification_path_answer_and_card_show_values_as_recorded(tmp_path: Path, real_embedder: Any) -> None:
    from rag_core.audit import AuditKey, JsonlAuditLog
    from rag_core.generation import ExtractiveGenerator
    from rag_core.models import PatientScope
    from rag_core.rerank import ClinicalSignalReranker
    from rag_core.retrieval import Retriever
    from rag_core.service import ChartService
    from rag_core.sparse import Bm25Encoder
    from rag_core.summary import summarize
    from tests.fhir_script_server import post_resource

    async with ingest_rig(tmp_path, real_embedder) as rig:
        endpoint = rig.endpoint(tmp_path)
        with serving(endpoint, free_port()) as url:
            for rid, value, day in TRICKY:
                assert post_resource(f"{url}/fhir/notify", "Observation", rid,
                                     observation_text(rid, value, "4.0", "5.60", day=day), SECRET) == 200
            for rid, value, day in CREATININE:
                text = observation_text(rid, value, "0.60", "1.20", day=day, code="2160-0", name="Creatinine",
                                        unit="mg/dL")
                assert post_resource(f"{url}/fhir/notify", "Observation", rid, text, SECRET) == 200
            await rig.drain()
        shown = {c.resource_id: c.fact.shown_value for c in await rig.chunks() if c.fact is not None}
        assert shown == {"obs-1": "7.50 %", "obs-2": "14.003 %", "cr-1": "0.10 mg/dL", "cr-2": "1.200 mg/dL"}

        retriever = Retriever(rig.index, real_embedder, Bm25Encoder(), ClinicalSignalReranker(real_embedder))
        service = ChartService(retriever, ExtractiveGenerator(),
                               JsonlAuditLog(tmp_path / "audit.jsonl", AuditKey.load(None, tmp_path / "audit.key")))
        scope = PatientScope.full(PATIENT, "dr-exact")
        latest = await service.answer("What was the most recent hemoglobin A1c?", scope, now=date(2025, 3, 1))
        assert "14.003 %" in latest.answer and "14 %" not in latest.answer.replace("14.003 %", "")
        first = await service.answer("What was the first creatinine?", scope, now=date(2025, 3, 1))
        assert "0.10 mg/dL" in first.answer
        card = await summarize(rig.index, scope, date(2025, 3, 1))
        lines = [c.text for _, answer in card.sections for c in answer.claims]
        assert any("14.003 %" in line and "7.50 %" in line for line in lines), lines
        assert any("1.200 mg/dL" in line and "0.10 mg/dL" in line for line in lines), lines


def test_a_float_would_have_lost_the_trailing_zero() -> None:
    """Why decimals are parsed as Decimal: the standard parser reads 0.10 as 0.1."""
    assert json.loads('{"v": 0.10}')["v"] == 0.1 and str(fhir_loads('{"v": 0.10}')["v"]) == "0.10"

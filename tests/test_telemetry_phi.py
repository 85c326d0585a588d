"""Observability without PHI: PHI-laden requests go through every surface while a real OpenTelemetry
SDK records spans in memory; no span (name, attribute, event, status), no metric and no log line may
contain a patient identifier, a name, an MRN, an SSN, the question or note text."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from cds_hooks.settings import CdsSettings
from chartrag.http import build_app
from fhir_ingest.settings import IngestSettings
from rag_core.settings import RagSettings
from rag_core.telemetry import safe_attributes
from smart_app.settings import SmartSettings
from tests.conftest import EDYTHE_ID
from tests.ingest_helpers import SECRET

pytestmark = pytest.mark.slow
TOKEN = "otel-api-token"
PHI = ["Edythe", "Morar", EDYTHE_ID, "12345678", "999-12-3456", "Dr. Johanna Quixote", "Quixote",
       "was seen for chest pain radiating", "555-867-5309"]
QUESTIONS = [
    "Did Edythe Morar (MRN 12345678, SSN 999-12-3456) have an HbA1c over 7?",
    "Edythe was seen for chest pain radiating to the left arm: what medications is she on? Call 555-867-5309",
]


@pytest.fixture(scope="module")
def exporter() -> Iterator[InMemorySpanExporter]:
    memory = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    trace.set_tracer_provider(provider)
    yield memory


def test_safe_attributes_drop_free_text_and_identifiers() -> None:
    kept = safe_attributes({"chartrag.outcome": "answered", "chartrag.channel": "Edythe Morar asked",
                            "chartrag.model": EDYTHE_ID, "chartrag.kind": "MRN12345678", "patient.id": "p1",
                            "chartrag.chunks": 4, "chartrag.degraded": "yes", "http.route": "/api/ask"})
    assert kept == {"chartrag.outcome": "answered", "chartrag.chunks": 4, "http.route": "/api/ask"}


async def test_no_span_metric_or_log_carries_phi(
    tmp_path: Path, two_patient_runtime: Any, exporter: InMemorySpanExporter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = build_app(RagSettings(data_dir=tmp_path), SmartSettings(api_token=TOKEN), CdsSettings(),
                    IngestSettings(channel_secret=SECRET, redis_url=None, workers=0))
    app.state.runtime = two_patient_runtime
    auth = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        for question in QUESTIONS:
            response = await client.post("/api/ask", headers=auth, json={
                "patient_id": EDYTHE_ID, "question": question, "requester": "Dr. Johanna Quixote"})
            assert response.status_code == 200
        bad = await client.post("/api/ask", headers=auth, json={"patient_id": EDYTHE_ID + "!", "question": QUESTIONS[0]})
        assert bad.status_code == 422
        note = {"resourceType": "Observation", "id": "otel-1", "status": "final",
                "code": {"text": "Edythe Morar was seen for chest pain radiating"},
                "subject": {"reference": f"Patient/{EDYTHE_ID}"}}
        put = await client.put("/fhir/notify/Observation/otel-1", json=note, headers={
            "X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"})
        assert put.status_code == 200
        await client.post("/cds-services/chart-summary", json={"context": {"patientId": EDYTHE_ID}})
        metrics = await client.get("/metrics")
        assert metrics.status_code == 200 and "chartrag_http_requests_total" in metrics.text
        assert 'route="/api/ask"' in metrics.text and "chartrag_embedding_cache_total" in metrics.text
    spans = exporter.get_finished_spans()
    names = {s.name for s in spans}
    assert {"chartrag.answer", "chartrag.retrieve", "chartrag.rerank", "chartrag.generate", "HTTP POST"} <= names
    dumped = json.dumps([json.loads(s.to_json()) for s in spans])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in PHI:
        assert secret not in dumped, f"span carries {secret!r}"
        assert secret not in metrics.text, f"metric carries {secret!r}"
        assert secret not in logged, f"log carries {secret!r}"

"""Observability without PHI: PHI-laden requests go through every surface while a real OpenTelemetry
SDK records spans in memory; no span (name, attribute, event, status), no metric and no log line may
contain a patient identifier, a name, an MRN, an SSN, the question or note text — nor a patient id or a
SMART launch value that came in a URL path or query (the notification and AuditEvent routes, /launch):
URLs are recorded as route templates only. (A served ``chartrag serve --traces`` and its access log:
tests/test_served_guard.py.)"""

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
TOKEN, READER = "otel-api-token", "otel-reader-token"
LAUNCH = "launch-token-5f1e9c"
PHI = ["Edythe", "Morar", EDYTHE_ID, "12345678", "999-12-3456", "Dr. Johanna Quixote", "Quixote",
       "was seen for chest pain radiating", "555-867-5309", LAUNCH]
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
    app = build_app(RagSettings(data_dir=tmp_path, audit_reader_token=READER), SmartSettings(api_token=TOKEN), CdsSettings(),
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
        patient = {"resourceType": "Patient", "id": EDYTHE_ID}  # ids in the URL path
        for headers in ({"X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"}, {}):
            await client.put(f"/fhir/notify/Patient/{EDYTHE_ID}", json=patient, headers=headers)
        await client.delete(f"/fhir/notify/Patient/{EDYTHE_ID}", headers={"X-Subscription-Secret": SECRET})
        for reader in (READER, "wrong"):  # ids in the query
            await client.get("/fhir/AuditEvent", params={"patient": EDYTHE_ID}, headers={"Authorization": f"Bearer {reader}"})
        await client.get("/launch", params={"iss": "https://ehr.example.org/fhir", "launch": LAUNCH})
        await client.post("/cds-services/chart-summary", json={"context": {"patientId": EDYTHE_ID}})
        metrics = await client.get("/metrics")
        assert metrics.status_code == 200 and "chartrag_http_requests_total" in metrics.text
        assert 'route="/api/ask"' in metrics.text and "chartrag_embedding_cache_total" in metrics.text
    spans = exporter.get_finished_spans()
    names = {s.name for s in spans}
    assert {"chartrag.answer", "chartrag.retrieve", "chartrag.rerank", "chartrag.generate", "HTTP POST", "HTTP PUT",
            "HTTP GET", "HTTP DELETE"} <= names
    routes = {s.attributes.get("http.route") for s in spans if s.attributes}
    assert {"/fhir/notify/{resource_type}/{resource_id}", "/fhir/AuditEvent", "/launch"} <= routes
    dumped = json.dumps([json.loads(s.to_json()) for s in spans])
    # the server's log lines (the test's own HTTP client logs the URLs it calls: not the product's)
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore")))
    for secret in PHI:
        assert secret not in dumped, f"span carries {secret!r}"
        assert secret not in metrics.text, f"metric carries {secret!r}"
        assert secret not in logged, f"log carries {secret!r}"
    assert "PUT /fhir/notify/{resource_type}/{resource_id} 200" in logged  # the access log, templated

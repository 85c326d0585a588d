"""The whole HTTP surface as the composition root builds it, attacked the way the outside review did:
cross-origin reads, huge / streamed / deep / NaN / duplicate-key bodies, unauthenticated callers — each
a clear 4xx (never a 500, never an echo), each audited; and the compliance reviewer's AuditEvent search."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cds_hooks.settings import CdsSettings
from chartrag.http import build_app
from fhir_ingest.settings import IngestSettings
from rag_core.settings import RagSettings
from smart_app.settings import SmartSettings
from tests.conftest import EDYTHE_ID
from tests.ingest_helpers import SECRET

pytestmark = pytest.mark.slow
TOKEN = "api-t0ken"
READER = "audit-reader-t0ken"
DEEP = ("[" * 100_000 + "]" * 100_000).encode()


@pytest.fixture
async def client(tmp_path: Path, two_patient_runtime: Any) -> AsyncIterator[httpx.AsyncClient]:
    settings = RagSettings(data_dir=tmp_path, audit_reader_token=READER)
    app = build_app(settings, SmartSettings(api_token=TOKEN), CdsSettings(cors_origins=["https://ehr.example.org"]),
                    IngestSettings(channel_secret=SECRET, redis_url=None, workers=0))
    app.state.runtime = two_patient_runtime  # the lifespan is not run by the ASGI transport
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


def _last_audit(runtime: Any) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(runtime.settings.resolved_audit_path.read_text().splitlines()[-1])
    return record


AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


async def test_no_web_page_can_read_the_json_api(client: httpx.AsyncClient) -> None:
    body = {"patient_id": EDYTHE_ID, "question": "What conditions does the patient have?"}
    cross = await client.post("/api/ask", json=body, headers={"Origin": "https://evil.example"})
    assert cross.status_code == 401 and "access-control-allow-origin" not in cross.headers
    simple = await client.post("/api/ask", content=json.dumps(body), headers={  # no-preflight "simple request"
        "Origin": "https://evil.example", "Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})
    assert simple.status_code == 415 and "access-control-allow-origin" not in simple.headers


async def test_credential_before_body_and_bodies_never_echoed(client: httpx.AsyncClient, two_patient_runtime: Any) -> None:
    unauthenticated = await client.post("/api/ask", content=b"{not json", headers={"Content-Type": "application/json"})
    assert unauthenticated.status_code == 401  # the body was not even parsed
    record = _last_audit(two_patient_runtime)
    assert record["event"] == "http_rejected" and record["route"] == "/api/ask" and record["status"] == 401
    huge = await client.post("/api/ask", content=b"x" * (5 * 1024 * 1024), headers=AUTH)
    assert huge.status_code == 413 and len(huge.content) < 200

    async def stream() -> AsyncIterator[bytes]:  # no Content-Length: stopped as soon as it passes the limit
        for _ in range(1000):
            yield b"y" * 65536

    streamed = await client.post("/api/ask", content=stream(), headers=AUTH)
    assert streamed.status_code == 413 and len(streamed.content) < 200
    invalid = await client.post("/api/ask", json={"patient_id": "<script>" * 20, "question": "x" * 3000}, headers=AUTH)
    assert invalid.status_code == 422 and "<script>" not in invalid.text and "xxxx" not in invalid.text


@pytest.mark.parametrize(("raw", "why"), [
    (b"[" * 20_000 + b"]" * 20_000, "nested"),  # past the parser's recursion limit
    (b'{"patient_id": "p", "question": "q", "x": ' + b"[" * 100 + b"]" * 100 + b"}", "nested"),  # past max depth
    (b'{"patient_id": "%s", "question": "q", "now": NaN}' % EDYTHE_ID.encode(), "NaN"),
    (b'{"patient_id": "%s", "patient_id": "other", "question": "q"}' % EDYTHE_ID.encode(), "twice"),
    (b"\xff\xfe\x00", "UTF-8"),
])
async def test_hostile_json_on_the_api_is_a_400(client: httpx.AsyncClient, raw: bytes, why: str) -> None:
    response = await client.post("/api/ask", content=raw, headers=AUTH)
    assert response.status_code == 400 and why in response.json()["detail"]


@pytest.mark.parametrize("raw", [
    DEEP,
    b'{"resourceType": "Bundle", "type": "history", "entry": NaN}',
    b'{"resourceType": "Bundle", "resourceType": "Patient"}',
])
async def test_hostile_json_on_notify_is_an_operation_outcome(client: httpx.AsyncClient, raw: bytes) -> None:
    response = await client.post("/fhir/notify", content=raw, headers={
        "X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"})
    assert response.status_code == 400 and response.json()["resourceType"] == "OperationOutcome"


async def test_deep_json_on_the_app_and_feedback_is_not_a_500(client: httpx.AsyncClient) -> None:
    for path in ("/app/ask", "/cds-services/chart-summary/feedback", "/cds-services/chart-summary"):
        response = await client.post(path, content=DEEP, headers={"Content-Type": "application/json"})
        assert 400 <= response.status_code < 500, path


async def test_a_notification_is_audited(client: httpx.AsyncClient, two_patient_runtime: Any) -> None:
    resource = {"resourceType": "Observation", "id": "audit-obs-1", "status": "final", "code": {"text": "x"},
                "subject": {"reference": f"Patient/{EDYTHE_ID}"}}
    response = await client.put("/fhir/notify/Observation/audit-obs-1", json=resource, headers={
        "X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"})
    assert response.status_code == 200
    record = _last_audit(two_patient_runtime)
    assert record["event"] == "notification" and record["references"] == ["Observation/audit-obs-1"]
    refused = await client.put("/fhir/notify/Observation/audit-obs-1", json=resource, headers={
        "X-Subscription-Secret": "wrong", "Content-Type": "application/fhir+json"})
    assert refused.status_code == 401
    record = _last_audit(two_patient_runtime)
    assert record["event"] == "http_rejected" and record["route"] == "/fhir/notify/{resource_type}/{resource_id}"
    assert "audit-obs-1" not in json.dumps(record)  # the route template, never the raw path


async def test_the_compliance_reviewer_searches_audit_events(client: httpx.AsyncClient, two_patient_runtime: Any) -> None:
    from fhir.resources.R4B.bundle import Bundle

    from rag_core.models import PatientScope

    await two_patient_runtime.service.answer("What conditions does the patient have?",
                                             PatientScope.full(EDYTHE_ID, "Practitioner/reviewed-1"))
    assert (await client.get("/fhir/AuditEvent")).status_code == 401
    assert (await client.get("/fhir/AuditEvent", headers={"Authorization": f"Bearer {TOKEN}"})).status_code == 401
    found = await client.get("/fhir/AuditEvent", params={"patient": f"Patient/{EDYTHE_ID}", "_count": "5"},
                             headers={"Authorization": f"Bearer {READER}"})
    assert found.status_code == 200 and found.headers["content-type"].startswith("application/fhir+json")
    bundle = Bundle.model_validate(found.json())
    assert bundle.type == "searchset" and 0 < len(bundle.entry or []) <= 5 and (bundle.total or 0) >= 1
    newest = found.json()["entry"][0]["resource"]
    assert newest["resourceType"] == "AuditEvent"
    assert any(e.get("what", {}).get("reference") == f"Patient/{EDYTHE_ID}" for e in newest["entity"])
    assert _last_audit(two_patient_runtime)["event"] == "audit_read"
    bad = await client.get("/fhir/AuditEvent", params={"name": "x"}, headers={"Authorization": f"Bearer {READER}"})
    assert bad.status_code == 400 and bad.json()["resourceType"] == "OperationOutcome"

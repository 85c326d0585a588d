"""The HTTP guard (``chartrag.guard``) and the routes behind it, driven as raw ASGI so every message the app
asks for is counted: an unauthenticated caller is answered from its headers with no byte of the body read;
a body is handed on only after the route checked the credential, limited as it streams, and a stalled one is
answered 408; a client that hangs up is counted and audited as such, never as a 500; no error repeats the
caller's input; strict JSON refuses overflowed numbers and wrong types. No model, no index: the routes
answer before the runtime is needed, which is stubbed for the audit log."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from cds_hooks.settings import CdsSettings
from chartrag.guard import BodyLimits, GuardSettings
from chartrag.http import build_app
from fhir_ingest.settings import IngestSettings
from rag_core.settings import RagSettings
from rag_core.telemetry import METRICS
from rag_core.wire import WireError, strict_loads
from smart_app.settings import SmartSettings

TOKEN, SECRET, READER = "guard-api-token", "guard-channel-secret", "guard-reader-token"
PATIENT = "guard-patient-0417"
NOTIFY = {"X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"}
API = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


class Audit:
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def record(self, event: dict[str, Any]) -> None:
        self.events.append(event)


@dataclass
class Exchange:
    status: int | None = None
    headers: dict[bytes, bytes] = field(default_factory=dict)
    body: bytes = b""
    read: int = 0  # body bytes the app took from the connection


async def exchange(app: Any, method: str, path: str, headers: dict[str, str], chunks: list[bytes],
                   then: str = "wait", query: bytes = b"", gap: float = 0.0) -> Exchange:
    """One request as a server would hand it to ``app``: ``chunks`` as body messages (each ``gap`` seconds
    after the one before), then (``then``) the client waits for the answer, stalls mid-body or hangs up.
    Whatever happens, it ends within 30 s."""
    out = Exchange()
    answered = asyncio.Event()
    queue = list(chunks)
    declared = [(b"content-length", str(sum(map(len, chunks))).encode())] if then == "wait" else \
        [(b"transfer-encoding", b"chunked")]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()] + declared,
             "client": ("10.9.8.7", 5555), "server": ("t", 80), "state": {}}

    async def receive() -> dict[str, Any]:
        if queue:
            if gap:
                await asyncio.sleep(gap)
            chunk = queue.pop(0)
            out.read += len(chunk)
            return {"type": "http.request", "body": chunk, "more_body": bool(queue) or then != "wait"}
        if then == "hang up":
            return {"type": "http.disconnect"}
        await answered.wait()  # a stalled client sends nothing more; one that waits hears the answer first
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out.status, out.headers = message["status"], dict(message.get("headers", []))
        elif message["type"] == "http.response.body":
            out.body += message.get("body", b"")
            if not message.get("more_body"):
                answered.set()

    await asyncio.wait_for(app(scope, receive, send), 30)
    return out


@pytest.fixture
def audit() -> Audit:
    return Audit()


def _app(tmp_path: Path, audit: Audit, guard: GuardSettings) -> FastAPI:
    built = build_app(RagSettings(data_dir=tmp_path, audit_reader_token=READER), SmartSettings(api_token=TOKEN),
                      CdsSettings(), IngestSettings(channel_secret=SECRET, redis_url=None, workers=0), guard)
    built.state.runtime = SimpleNamespace(service=SimpleNamespace(audit=audit))  # the lifespan is not run here
    return built


@pytest.fixture
def app(tmp_path: Path, audit: Audit) -> FastAPI:
    return _app(tmp_path, audit, GuardSettings(body_read_timeout_seconds=0.2))


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


# --- 2. the credential before the body ------------------------------------------------------------------

# every route that takes a body, with what it answers a caller without a credential (a route added later and
# forgotten here still gets no body before its credential check: see the careless route below)
UNAUTHENTICATED = [
    ("POST", "/api/ask", {"Content-Type": "application/json"}, 401),
    ("POST", "/api/similar-cases", {"Content-Type": "application/json"}, 401),
    ("POST", "/fhir/notify", {"Content-Type": "application/fhir+json"}, 401),
    ("POST", "/fhir/notify", {"X-Subscription-Secret": "wrong", "Content-Type": "application/fhir+json"}, 401),
    ("PUT", f"/fhir/notify/Observation/{PATIENT}", {"Content-Type": "application/fhir+json"}, 401),
    ("POST", "/cds-services/chart-summary", {"Content-Type": "application/json"}, 401),
    ("POST", "/cds-services/chart-summary/feedback", {"Authorization": "Bearer not.a.jwt"}, 401),
    ("POST", "/app/ask", {"Content-Type": "application/json"}, 401),
    ("POST", "/app/similar-cases", {"Content-Type": "application/json", "X-CSRF-Token": "guess"}, 401),
]


@pytest.mark.parametrize(("method", "path", "headers", "status"), UNAUTHENTICATED)
async def test_unauthenticated_uploads_are_refused_before_a_byte_is_read(
        app: FastAPI, method: str, path: str, headers: dict[str, str], status: int) -> None:
    chunks = [b"x" * 65536] * 16  # 1 MiB: within every limit but the API's and app's (64 KiB)
    if path.startswith(("/api/", "/app/")):
        chunks = [b"x" * 1024] * 16
    answer = await exchange(app, method, path, headers, chunks)
    assert answer.status == status
    assert answer.read == 0  # not one body byte taken from the connection
    assert answer.headers.get(b"connection") == b"close"  # and the rest of it is never read either
    assert b"xxxx" not in answer.body


async def test_a_route_that_asks_for_the_body_before_a_credential_gets_none() -> None:
    inner = FastAPI()

    @inner.post("/api/careless")
    async def careless(request: Request) -> JSONResponse:
        return JSONResponse({"read": len(await request.body())})

    inner.add_middleware(BodyLimits)
    answer = await exchange(inner, "POST", "/api/careless", {}, [b"{}"])
    assert answer.status == 401 and answer.read == 0


async def test_an_authenticated_body_is_streamed_into_its_limit(app: FastAPI) -> None:
    answer = await exchange(app, "POST", "/fhir/notify", NOTIFY, [b" " * 65536] * 400, then="stream")
    assert answer.status == 413 and json.loads(answer.body)["resourceType"] == "OperationOutcome"
    assert answer.read <= 20 * 1024 * 1024 + 65536  # stopped as it passed 20 MiB, not after 25 MiB


async def test_a_stalled_body_is_answered_408(app: FastAPI, audit: Audit) -> None:
    for method, path, headers in [("POST", "/fhir/notify", NOTIFY), ("POST", "/api/ask", API)]:
        answer = await exchange(app, method, path, headers, [b'{"resourceType": "Bun'], then="stall")
        assert answer.status == 408, path
        assert answer.headers.get(b"connection") == b"close"
    assert [e["status"] for e in audit.events if e["event"] == "http_rejected"] == [408, 408]


async def test_a_dripped_body_is_answered_408_at_the_whole_body_deadline(tmp_path: Path, audit: Audit) -> None:
    """The attack round's slow drip (1 byte every 5 s of a declared 1000, never a stall as long as the read
    timeout) stayed open indefinitely; scaled down: 1 byte every 0.05 s, read timeout 0.2 s, deadline 0.5 s."""
    app = _app(tmp_path, audit, GuardSettings(body_read_timeout_seconds=0.2, body_total_timeout_seconds=0.5))
    loop = asyncio.get_running_loop()
    for method, path, headers in [("POST", "/fhir/notify", NOTIFY), ("POST", "/api/ask", API)]:
        started = loop.time()
        answer = await exchange(app, method, path, headers, [b"{"] + [b" "] * 999, gap=0.05)
        elapsed = loop.time() - started
        assert answer.status == 408, path
        assert answer.headers.get(b"connection") == b"close"
        assert b"not complete within 0.5 s" in answer.body
        assert 0.5 <= elapsed < 5 and answer.read < 100  # stopped at the deadline, not at the 1000th byte
    assert [e["status"] for e in audit.events if e["event"] == "http_rejected"] == [408, 408]


async def test_a_steady_body_within_the_deadline_is_read_whole(tmp_path: Path, audit: Audit) -> None:
    app = _app(tmp_path, audit, GuardSettings(body_read_timeout_seconds=0.2, body_total_timeout_seconds=2))
    body = json.dumps({"patient_id": PATIENT, "question": "q", "now": 0}).encode()
    answer = await exchange(app, "POST", "/api/ask", API, [body[i:i + 8] for i in range(0, len(body), 8)], gap=0.02)
    assert answer.status == 422 and answer.read == len(body)  # parsed (and refused for its date), not a 408


def test_the_read_timeouts_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTRAG_HTTP_BODY_READ_TIMEOUT_SECONDS", "3.5")
    monkeypatch.setenv("CHARTRAG_HTTP_BODY_TOTAL_TIMEOUT_SECONDS", "20")
    assert GuardSettings().body_read_timeout_seconds == 3.5
    assert GuardSettings().body_total_timeout_seconds == 20
    monkeypatch.delenv("CHARTRAG_HTTP_BODY_READ_TIMEOUT_SECONDS")
    monkeypatch.delenv("CHARTRAG_HTTP_BODY_TOTAL_TIMEOUT_SECONDS")
    assert 10 <= GuardSettings().body_read_timeout_seconds <= 15
    assert GuardSettings().body_total_timeout_seconds == 60


# --- 7. a client that hangs up ----------------------------------------------------------------------------

def _requests(route: str, status: str) -> float:
    value = METRICS.registry.get_sample_value("chartrag_http_requests_total", {"route": route, "status": status})
    return value or 0.0


async def test_a_client_that_hangs_up_is_not_a_server_error(app: FastAPI, audit: Audit) -> None:
    route = "/fhir/notify"
    closed, failed = _requests(route, "499"), _requests(route, "500")
    answer = await exchange(app, "POST", route, NOTIFY, [b'{"resourceType": "Bundle", '], then="hang up")
    assert answer.status is None  # nobody to answer
    assert _requests(route, "499") == closed + 1 and _requests(route, "500") == failed
    event = audit.events[-1]
    assert event["event"] == "http_client_closed" and event["route"] == route and "status" not in event
    assert not any(e.get("status", 0) >= 500 for e in audit.events)


# --- 8. errors never echo input ---------------------------------------------------------------------------

ECHO = "Edythe<script>Morar"


async def test_errors_never_echo_the_caller_input(client: httpx.AsyncClient) -> None:
    asked = await client.post("/api/ask", headers=API, json={
        "patient_id": PATIENT, "question": "q", "resource_types": ["Observation", ECHO]})
    searched = await client.get("/fhir/AuditEvent", params={ECHO: "1"}, headers={"Authorization": f"Bearer {READER}"})
    service = await client.post(f"/cds-services/{ECHO}", json={})
    feedback = await client.post(f"/cds-services/{ECHO}/feedback", json={})
    typed = await client.post("/fhir/notify", content=b"{}", headers={**NOTIFY, "Content-Type": f"text/{ECHO}"})
    bundle = await client.post("/fhir/notify", headers=NOTIFY, json={"resourceType": "Bundle", "type": ECHO})
    put = await client.put("/fhir/notify/Observation/o1", headers=NOTIFY, json={
        "resourceType": "Observation", "id": "o1", "status": "final", "code": {"text": "x"}, ECHO: 1})
    statuses = [r.status_code for r in (asked, searched, service, feedback, typed, bundle, put)]
    assert statuses == [422, 400, 404, 404, 415, 400, 400]
    for response in (asked, searched, service, feedback, typed, bundle, put):
        assert "Edythe" not in response.text and "script" not in response.text, response.text


# --- 11. strict JSON ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["1e400", "-1e400", '{"a": [1E+309]}', "1" + "0" * 400])
@pytest.mark.parametrize("exact", [False, True])
def test_overflowed_numbers_are_not_json(raw: str, exact: bool) -> None:
    with pytest.raises(WireError, match="out of range"):
        strict_loads(raw, exact_decimals=exact)


def test_numbers_in_range_keep_their_value() -> None:
    assert strict_loads('{"a": 1e308, "b": 0.10, "c": 12345678901234567890}') == \
        {"a": 1e308, "b": 0.10, "c": 12345678901234567890}
    assert str(strict_loads("0.10", exact_decimals=True)) == "0.10"


@pytest.mark.parametrize("k", ["true", '"5"', "5.0", "1e400"])
async def test_similar_cases_takes_k_as_an_integer_only(client: httpx.AsyncClient, k: str) -> None:
    response = await client.post("/api/similar-cases", headers=API,
                                 content=f'{{"patient_id": "{PATIENT}", "k": {k}}}'.encode())
    assert response.status_code in (400, 422), response.text


async def test_ask_takes_its_date_as_a_date_only(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/ask", headers=API, json={"patient_id": PATIENT, "question": "q", "now": 0})
    assert response.status_code == 422


@pytest.mark.parametrize("raw", [b"null", b"[]", b"5", b'"ping"', b"true"])
async def test_a_notification_body_must_be_an_object(client: httpx.AsyncClient, tmp_path: Path, raw: bytes) -> None:
    from fhir_ingest.queue import SqliteJobQueue

    response = await client.post("/fhir/notify", content=raw, headers=NOTIFY)
    assert response.status_code == 400 and response.json()["resourceType"] == "OperationOutcome"
    queue = SqliteJobQueue(tmp_path / "ingest.sqlite")
    try:
        assert (await queue.stats()).ready == 0  # nothing queued (a `null` was once queued as a re-query)
    finally:
        await queue.close()

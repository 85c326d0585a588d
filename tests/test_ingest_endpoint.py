"""The notification endpoint: every Backport IG fixture accepted or refused as the IG says,
authentication by channel secret, OperationOutcomes for bad input, classic R4 rest-hook shapes,
nothing processed inline (only queued)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from fhir_ingest.errors import NotificationError
from fhir_ingest.notifications import parse_notification
from fhir_ingest.queue import SqliteJobQueue
from fhir_ingest.routes import build_ingest_router
from fhir_ingest.settings import IngestSettings
from tests.ingest_helpers import SECRET, hba1c

FIXTURES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "conformance" / "subscriptions"
LOCAL_FIXTURES = Path(__file__).resolve().parent / "data" / "subscriptions"
EXPECTED = {
    "handshake_bundle_example.json": ("handshake", "empty"),
    "heartbeat_bundle_example.json": ("heartbeat", "empty"),
    "empty_notification_bundle_example.json": ("event-notification", "empty"),
    "id_only_notification_bundle_example.json": ("event-notification", "id-only"),
    "full_resource_notification_bundle_example.json": ("event-notification", "full-resource"),
}
NON_CONFORMANT = "empty_notification_bundle_non_conformant_example.json"


def fixture(name: str) -> dict[str, object]:
    folder = FIXTURES if (FIXTURES / name).exists() else LOCAL_FIXTURES
    data: dict[str, object] = json.loads((folder / name).read_text())
    return data


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[tuple[httpx.AsyncClient, SqliteJobQueue]]:
    queue = SqliteJobQueue(tmp_path / "q.sqlite")
    app = FastAPI()
    app.include_router(build_ingest_router(IngestSettings(channel_secret=SECRET, redis_url=None), queue))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c, queue
    await queue.close()


HEADERS = {"X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_conformant_fixtures_parse_as_the_ig_says(name: str) -> None:
    notification = parse_notification(fixture(name))
    assert (notification.type, notification.payload) == EXPECTED[name]
    assert notification.subscription.endswith("/Subscription/123")


def test_non_conformant_fixture_is_refused_for_the_missing_request_and_response() -> None:
    with pytest.raises(NotificationError, match="request/response"):
        parse_notification(fixture(NON_CONFORMANT))


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_endpoint_queues_each_conformant_fixture(client: tuple[httpx.AsyncClient, SqliteJobQueue], name: str) -> None:
    c, queue = client
    response = await c.post("/fhir/notify", content=json.dumps(fixture(name)), headers=HEADERS)
    assert response.status_code == 200
    assert response.json()["resourceType"] == "OperationOutcome"
    jobs = await queue.claim("t", 10, 30)
    assert [j.kind for j in jobs] == ["notification"] and json.loads(jobs[0].body["bundle_json"]) == fixture(name)


async def test_endpoint_refuses_the_non_conformant_fixture_with_an_operation_outcome(
    client: tuple[httpx.AsyncClient, SqliteJobQueue],
) -> None:
    c, queue = client
    response = await c.post("/fhir/notify", content=json.dumps(fixture(NON_CONFORMANT)), headers=HEADERS)
    assert response.status_code == 400
    body = response.json()
    assert body["resourceType"] == "OperationOutcome" and body["issue"][0]["code"] == "invalid"
    assert (await queue.stats()).ready == 0


@pytest.mark.parametrize("headers", [{}, {"X-Subscription-Secret": "wrong"}, {"X-Subscription-Secret": SECRET + "x"}])
async def test_wrong_or_missing_secret_is_401_and_nothing_is_queued(
    client: tuple[httpx.AsyncClient, SqliteJobQueue], headers: dict[str, str]
) -> None:
    c, queue = client
    response = await c.post("/fhir/notify", content=json.dumps(fixture("handshake_bundle_example.json")),
                            headers={"Content-Type": "application/fhir+json", **headers})
    assert response.status_code == 401 and response.json()["issue"][0]["code"] == "security"
    assert (await queue.stats()).ready == 0


async def test_without_a_configured_secret_notifications_are_refused(tmp_path: Path) -> None:
    queue = SqliteJobQueue(tmp_path / "q.sqlite")
    app = FastAPI()
    app.include_router(build_ingest_router(IngestSettings(channel_secret=None, redis_url=None), queue))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.post("/fhir/notify", content=b"{}", headers=HEADERS)
    assert response.status_code == 503 and response.json()["resourceType"] == "OperationOutcome"
    await queue.close()


@pytest.mark.parametrize(("body", "content_type", "status"), [
    (b"{not json", "application/fhir+json", 400),
    (b'{"resourceType": "Patient", "id": "x"}', "application/fhir+json", 400),
    (b'{"resourceType": "Bundle", "type": "history", "entry": []}', "application/fhir+json", 400),
    (b"<Bundle/>", "application/fhir+xml", 415),
])
async def test_malformed_bodies_get_operation_outcomes(
    client: tuple[httpx.AsyncClient, SqliteJobQueue], body: bytes, content_type: str, status: int
) -> None:
    c, queue = client
    response = await c.post("/fhir/notify", content=body, headers={**HEADERS, "Content-Type": content_type})
    assert response.status_code == status and response.json()["resourceType"] == "OperationOutcome"
    assert (await queue.stats()).ready == 0


async def test_classic_rest_hook_shapes(client: tuple[httpx.AsyncClient, SqliteJobQueue]) -> None:
    c, queue = client
    empty = await c.post("/fhir/notify", content=b"", headers={"X-Subscription-Secret": SECRET})
    assert empty.status_code == 200
    resource = hba1c("obs-1", 7.2, "2025-01-01")
    put = await c.put("/fhir/notify/Observation/obs-1", content=json.dumps(resource), headers=HEADERS)
    assert put.status_code == 200
    mismatch = await c.put("/fhir/notify/Observation/other", content=json.dumps(resource), headers=HEADERS)
    assert mismatch.status_code == 400
    invalid = await c.put("/fhir/notify/Observation/obs-1", content=json.dumps({**resource, "status": 7}), headers=HEADERS)
    assert invalid.status_code == 400 and "status" in invalid.json()["issue"][0]["diagnostics"]
    jobs = await queue.claim("t", 10, 30)
    assert [j.kind for j in jobs] == ["query", "resource"]
    assert json.loads(jobs[1].body["resource_json"])["id"] == "obs-1"


async def test_queued_event_numbers_are_late_not_missing(tmp_path: Path) -> None:
    from fhir_ingest.state import IngestState
    from fhir_ingest.store import SqliteKeyValue

    queue, kv = SqliteJobQueue(tmp_path / "q.sqlite"), SqliteKeyValue(tmp_path / "q.sqlite")
    state = IngestState(kv)
    app = FastAPI()
    app.include_router(build_ingest_router(IngestSettings(channel_secret=SECRET, redis_url=None), queue, state))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.post("/fhir/notify", content=json.dumps(fixture("id_only_notification_bundle_example.json")),
                                headers=HEADERS)
    assert response.status_code == 200
    url = "https://fhirserver.org/fhir/Subscription/123"
    # a worker busy elsewhere hears of event 3 first: 1 is queued (late), only 2 is missing
    st = await state.observe(url, "event-notification", "active", None, [3], 3)
    assert st.in_flight == [1, 3] and st.missing() == [2]
    await queue.close()
    await kv.close()

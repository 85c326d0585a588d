"""The durable queue, one contract for both backends (SQLite file, real Redis Streams): delivery,
ack, lease expiry → redelivery, retry with backoff, dead letters, concurrent consumers."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from fhir_ingest.queue import JobQueue, RedisJobQueue, SqliteJobQueue
from fhir_ingest.state import IngestState, ResourceVersion, is_newer
from fhir_ingest.store import KeyValue, RedisKeyValue, SqliteKeyValue, locked
from tests.conftest import REDIS_URL


@pytest.fixture(params=["sqlite", "redis"])
async def queue(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[JobQueue]:
    if request.param == "sqlite":
        q: JobQueue = SqliteJobQueue(tmp_path / "q.sqlite", max_deliveries=3)
        yield q
        await q.close()
        return
    name = f"chartrag-test:{uuid.uuid4().hex}"
    q = RedisJobQueue(REDIS_URL, name, max_deliveries=3)
    yield q
    await q.close()
    r = aioredis.from_url(REDIS_URL)
    for key in [k async for k in r.scan_iter(match=f"{name}*")]:
        await r.delete(key)
    await r.aclose()


@pytest.fixture(params=["sqlite", "redis"])
async def kv(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[KeyValue]:
    store: KeyValue
    if request.param == "sqlite":
        store = SqliteKeyValue(tmp_path / "kv.sqlite")
        yield store
    else:
        name = f"chartrag-test:{uuid.uuid4().hex}"
        store = RedisKeyValue(REDIS_URL, name)
        yield store
        for key in await store.keys(""):
            await store.delete(key)
    await store.close()


async def test_put_claim_ack(queue: JobQueue) -> None:
    ids = [await queue.put("resource", {"n": i}) for i in range(5)]
    jobs = await queue.claim("w1", 3, lease_seconds=30, block_ms=10)
    assert [j.body["n"] for j in jobs] == [0, 1, 2] and [j.job_id for j in jobs] == ids[:3]
    assert (await queue.stats()).in_flight == 3
    await queue.ack(jobs)
    rest = await queue.claim("w1", 10, lease_seconds=30, block_ms=10)
    assert [j.body["n"] for j in rest] == [3, 4]
    await queue.ack(rest)
    stats = await queue.stats()
    assert (stats.ready, stats.in_flight, stats.dead) == (0, 0, 0)


async def test_an_unacked_job_is_delivered_again_after_its_lease(queue: JobQueue) -> None:
    await queue.put("resource", {"n": 1})
    first = await queue.claim("crashed", 1, lease_seconds=0.2, block_ms=10)
    assert len(first) == 1
    assert await queue.claim("other", 1, lease_seconds=0.2, block_ms=10) == []  # still leased
    await asyncio.sleep(0.3)
    again = await queue.claim("other", 1, lease_seconds=0.2, block_ms=10)  # workers share one lease setting
    assert [j.job_id for j in again] == [first[0].job_id] and again[0].deliveries == 2


async def test_failures_retry_with_backoff_then_go_to_dead_letters(queue: JobQueue) -> None:
    await queue.put("fetch", {"reference": "Observation/1"})
    job = (await queue.claim("w", 1, 30, block_ms=10))[0]
    assert await queue.fail(job, "SourceError: HTTP 503", max_attempts=2, backoff_seconds=0.2) is False
    assert await queue.claim("w", 1, 30, block_ms=10) == []  # waiting out the backoff
    assert (await queue.stats()).delayed == 1
    await asyncio.sleep(0.25)
    job = (await queue.claim("w", 1, 30, block_ms=10))[0]
    assert job.attempts == 1
    assert await queue.fail(job, "SourceError: HTTP 503", max_attempts=2, backoff_seconds=0.2) is True
    dead = await queue.dead_letters()
    assert [(d.kind, d.attempts, d.error) for d in dead] == [("fetch", 2, "SourceError: HTTP 503")]
    assert await queue.requeue_dead() == 1
    assert [j.body for j in await queue.claim("w", 1, 30, block_ms=10)] == [{"reference": "Observation/1"}]


async def test_a_job_that_kills_every_worker_is_buried_after_max_deliveries(queue: JobQueue) -> None:
    await queue.put("resource", {"poison": True})
    for _ in range(3):
        assert len(await queue.claim("w", 1, lease_seconds=0.05, block_ms=10)) == 1
        await asyncio.sleep(0.08)
    assert await queue.claim("w", 1, lease_seconds=0.05, block_ms=10) == []
    assert (await queue.stats()).dead == 1
    assert "without an ack" in (await queue.dead_letters())[0].error


async def test_concurrent_consumers_never_share_a_job(queue: JobQueue) -> None:
    for i in range(60):
        await queue.put("resource", {"n": i})

    async def consume(name: str) -> list[int]:
        got: list[int] = []
        while jobs := await queue.claim(name, 7, 30, block_ms=10):
            got.extend(j.body["n"] for j in jobs)
            await queue.ack(jobs)
        return got

    a, b = await asyncio.gather(consume("a"), consume("b"))
    assert sorted(a + b) == list(range(60)) and not set(a) & set(b)


async def test_locks_and_put_new(kv: KeyValue) -> None:
    assert await kv.put_new("lock:x", True, 0.2) is True
    assert await kv.put_new("lock:x", True, 0.2) is False
    await asyncio.sleep(0.25)
    assert await kv.put_new("lock:x", True, 0.2) is True  # expired: the holder died
    await kv.delete("lock:x")
    order: list[str] = []

    async def critical(name: str) -> None:
        async with locked(kv, "res:Observation/1"):
            order.append(f"{name}-in")
            await asyncio.sleep(0.05)
            order.append(f"{name}-out")

    await asyncio.gather(critical("a"), critical("b"))
    assert order in (["a-in", "a-out", "b-in", "b-out"], ["b-in", "b-out", "a-in", "a-out"])


async def test_subscription_progress_marks_gaps_and_fills_them(kv: KeyValue) -> None:
    state = IngestState(kv)
    url = "https://ehr.example/fhir/Subscription/1"
    st = await state.observe(url, "event-notification", "active", None, [1, 2, 5], 5, now=100.0)
    await state.mark_processed(url, {1: "t1", 2: "t2", 5: "t5"})
    st = await state.subscription(url)  # type: ignore[assignment]
    assert st is not None and st.mark == 2 and st.missing() == [3, 4]
    assert (await state.due_gaps(url, grace_seconds=10, now=105.0))[0] == []  # may still be in flight
    due, since = await state.due_gaps(url, grace_seconds=10, now=111.0)
    assert due == [3, 4] and since == "t2"
    assert (await state.due_gaps(url, grace_seconds=10, now=112.0))[0] == []  # already being recovered
    st = await state.mark_processed(url, {3: None, 4: None})
    assert st.mark == 5 and st.missing() == [] and st.recovering == []
    st = await state.observe(url, "handshake", "requested", None, [], 0, now=200.0)  # numbering restarted
    assert st.mark == 0 and st.highest_known == 0 and not st.is_seen(1)


def test_version_ordering() -> None:
    stored = ResourceVersion("3", "2025-01-01T00:00:00Z", "p")
    assert is_newer("4", None, stored) and not is_newer("3", None, stored) and not is_newer("2", None, stored)
    assert is_newer("10", None, ResourceVersion("9", None, "p"))  # numerically, not as text
    assert is_newer("b", "2025-02-01T00:00:00Z", ResourceVersion("a", "2025-01-01T00:00:00Z", "p"))
    assert not is_newer("a", "2024-12-01T00:00:00Z", ResourceVersion("z", "2025-01-01T00:00:00Z", "p"))
    assert is_newer(None, None, None)

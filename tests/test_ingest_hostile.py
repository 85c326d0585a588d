"""Ingestion against a buggy or hostile FHIR server: a heartbeat announcing a million events, a number
reused for another resource. Real endpoint, real worker, real Edge index, real embedding model."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from fhir_ingest.state import IngestState
from fhir_ingest.store import SqliteKeyValue
from tests.fhir_script_server import Event, ScriptedFhir, now_instant, post_notification
from tests.ingest_helpers import SECRET, hba1c, ingest_rig
from tests.servers import free_port, serving

pytestmark = pytest.mark.slow


def _announce(bundle: dict[str, Any], count: int) -> dict[str, Any]:
    for param in bundle["entry"][0]["resource"]["parameter"]:
        if param["name"] == "events-since-subscription-start":
            param["valueString"] = str(count)
    return bundle


async def test_a_counter_jump_is_bounded_work_not_a_million_gaps(tmp_path: Path) -> None:
    """State alone: what a peer announces never becomes more tracked numbers than ``max_gap``."""
    kv = SqliteKeyValue(tmp_path / "state.sqlite")
    state = IngestState(kv, max_gap=1000, max_recovery=100)
    url = "https://ehr.example/fhir/Subscription/1"
    started = time.perf_counter()
    st = await state.observe(url, "heartbeat", "active", None, [], 1_000_000, now=100.0)
    assert time.perf_counter() - started < 5  # a million-number range was never built
    assert st.highest_known == 0 and st.catch_up and "jumped" in (st.flagged or "")
    assert len(st.missing(state.max_gap)) == 0 and len(st.missing_since) == 0
    st = await state.observe(url, "event-notification", "active", None, [1, 400], 400, now=100.0)
    assert len(st.missing(state.max_gap)) == 398
    due, _ = await state.due_gaps(url, grace_seconds=0, now=200.0)
    assert len(due) == 100  # one bounded recovery job at a time
    assert (await state.due_catch_up(url, 60, now=200.0)) is not None
    assert (await state.due_catch_up(url, 60, now=210.0)) is None  # rate-limited: once per interval
    # events that really arrive far on (a counter restart) rebase the numbering instead of piling up
    st = await state.mark_processed(url, {1: "t1", 5_000_000: "t2"})
    assert st.mark == 5_000_000 and st.above == [] and st.catch_up
    assert (tmp_path / "state.sqlite").stat().st_size < 2_000_000
    await kv.close()


async def test_heartbeat_jump_and_reused_event_numbers_against_a_served_endpoint(
    tmp_path: Path, real_embedder: Any
) -> None:
    fhir = ScriptedFhir()
    fhir_port, endpoint_port = free_port(), free_port()
    with serving(fhir.app(), fhir_port) as fhir_url:
        fhir.base = f"{fhir_url}/fhir"
        async with ingest_rig(tmp_path, real_embedder, fhir.base) as rig:
            endpoint = rig.endpoint(tmp_path)
            with serving(endpoint, endpoint_port) as our_url:
                url = f"{our_url}/fhir/notify"

                def send(bundle: dict[str, Any]) -> None:
                    assert post_notification(url, bundle, SECRET) == 200

                send(fhir.bundle("handshake"))
                e1 = fhir.save(hba1c("obs-a", 7.9, "2025-01-10"))
                send(fhir.bundle("event-notification", [e1]))
                await rig.drain()
                send(_announce(fhir.bundle("heartbeat"), 1_000_000))
                await rig.drain()
                st = await rig.ingestion.state.subscription(fhir.subscription_url)
                assert st is not None and st.highest_known == 1 and "jumped" in (st.flagged or "")
                assert len(st.missing_since) == 0 and not st.catch_up  # one catch-up ran, by time
                assert any(c.startswith("search Observation since") for c in fhir.calls)
                assert (tmp_path / "ingest.sqlite").stat().st_size < 5_000_000

                # event number 2 arrives for obs-b; later a buggy server sends number 2 again for obs-z
                e2 = fhir.save(hba1c("obs-b", 7.4, "2025-04-10"))
                send(fhir.bundle("event-notification", [e2]))
                send(fhir.bundle("event-notification", [e2]))  # a plain redelivery: a duplicate
                fhir.save(hba1c("obs-z", 6.1, "2025-05-10"))
                reused = Event(2, now_instant(), "Observation/obs-z")
                send(fhir.bundle("event-notification", [reused]))
                await rig.drain()
                counts = await rig.per_resource()
                assert counts["Observation/obs-b"] == 1 and counts["Observation/obs-z"] == 1  # nothing dropped
                st = await rig.ingestion.state.subscription(fhir.subscription_url)
                assert st is not None and st.reused == 1 and "reused" in (st.flagged or "")
                assert rig.worker.stats.reused == 1 and rig.worker.stats.duplicates >= 1

"""kill -9 of a worker process in the middle of a batch, then a restart: every queued event is
indexed exactly once (chunks counted against what the resources produce) and none is lost."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fhir_ingest.queue import SqliteJobQueue
from fhir_ingest.state import IngestState
from fhir_ingest.store import SqliteKeyValue
from rag_core.chunking import chunk_documents
from rag_core.documents import resources_to_documents
from rag_core.index.edge import EdgeIndex
from rag_core.models import PATIENT_DATA, PatientScope, SearchFilter
from tests.conftest import BEATRIS, BEATRIS_ID
from tests.fhir_script_server import ScriptedFhir
from tests.ingest_helpers import bundle_resources

pytestmark = pytest.mark.slow
BATCH = 8


def _worker(data_dir: Path, *extra: str) -> subprocess.Popen[bytes]:
    """``chartrag ingest worker`` as its own process; its stderr goes to ``worker.log``."""
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update({"CHARTRAG_INGEST_BATCH_SIZE": str(BATCH), "CHARTRAG_INGEST_LEASE_SECONDS": "2",
                "CHARTRAG_INGEST_CHANNEL_SECRET": "x", "HF_HUB_OFFLINE": "1"})
    with (data_dir / "worker.log").open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "chartrag.cli", "ingest", "worker", "--data-dir", str(data_dir),
                                 *extra], env=env, stdout=subprocess.DEVNULL, stderr=log)


def _queue_counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        left = conn.execute("SELECT count(*) FROM jobs WHERE state != 'dead'").fetchone()[0]
        leased = conn.execute("SELECT count(*) FROM jobs WHERE state = 'leased'").fetchone()[0]
    return int(left), int(leased)


async def test_kill_9_mid_batch_then_restart_indexes_every_event_exactly_once(tmp_path: Path) -> None:
    resources = bundle_resources(BEATRIS, {"Observation", "DocumentReference"})
    fhir = ScriptedFhir(base="https://ehr.example/fhir")
    db = tmp_path / "ingest.sqlite"
    queue = SqliteJobQueue(db)
    for resource in resources:  # what the endpoint writes: one full-resource notification per event
        event = fhir.save(resource)
        await queue.put("notification", {"bundle": fhir.bundle("event-notification", [event])})
    await queue.close()
    served = [fhir.current(f"{r['resourceType']}/{r['id']}") for r in resources]
    expected = len(chunk_documents(resources_to_documents([(f"x{i}", r) for i, r in enumerate(served)]).documents))

    first = _worker(tmp_path)
    deadline = time.time() + 180
    while True:  # wait until some batches are done and one is in flight
        left, leased = _queue_counts(db)
        if left <= len(resources) - 3 * BATCH and leased > 0:
            break
        assert first.poll() is None, (tmp_path / "worker.log").read_text()
        assert time.time() < deadline, "worker made no progress"
        await asyncio.sleep(0.005)
    first.send_signal(signal.SIGKILL)
    first.wait()
    left_at_kill, _ = _queue_counts(db)
    assert 0 < left_at_kill < len(resources)

    second = _worker(tmp_path, "--until-empty")
    assert second.wait(timeout=300) == 0, (tmp_path / "worker.log").read_text()
    assert _queue_counts(db) == (0, 0)

    index = EdgeIndex(tmp_path, 384)
    await index.ensure()
    try:
        chunks = await index.scroll(PATIENT_DATA, SearchFilter(), PatientScope.full(BEATRIS_ID, "test"), limit=100_000)
    finally:
        await index.close()
    assert len(chunks) == expected
    assert len({c.id for c in chunks}) == expected
    indexed_docs = {c.reference for c in chunks}
    assert indexed_docs == {d.source.reference for d in resources_to_documents(
        [(f"x{i}", r) for i, r in enumerate(served)]).documents}
    kv = SqliteKeyValue(db)
    st = await IngestState(kv).subscription(fhir.subscription_url)
    await kv.close()
    assert st is not None and st.mark == len(resources) and not st.missing()

"""Several workers on the Redis Streams queue and Redis state (what runs on several machines against a
Qdrant cluster): a stream with duplicates and repeated updates of the same resources, drained by three
concurrent workers, leaves exactly the newest version of every resource, once."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

from tests.conftest import REDIS_URL
from tests.fhir_script_server import ScriptedFhir
from tests.ingest_helpers import hba1c, ingest_rig

pytestmark = pytest.mark.slow


async def test_three_workers_on_redis_index_each_resource_once_at_its_newest_version(
    tmp_path: Path, real_embedder: Any
) -> None:
    name = f"chartrag-test:{uuid.uuid4().hex}"
    fhir = ScriptedFhir(base="https://ehr.example/fhir")
    async with ingest_rig(tmp_path, real_embedder, redis_url=REDIS_URL, queue_name=name, batch_size=4) as rig:
        assert rig.ingestion.queue.backend == "redis"
        bundles = []
        for round_ in range(3):  # every resource updated three times
            for i in range(12):
                event = fhir.save(hba1c(f"obs-{i}", 6.0 + round_ + i / 10, f"2025-0{1 + i % 9}-1{round_}"))
                bundles.append(fhir.bundle("event-notification", [event]))
        for bundle in bundles + bundles[:10]:  # ten duplicated deliveries
            await rig.ingestion.queue.put("notification", {"bundle": bundle})
        workers = [rig.worker] + [rig.ingestion.worker(rig.indexer, name=f"w{i}") for i in (2, 3)]
        await asyncio.wait_for(asyncio.gather(*(w.run(until_empty=True) for w in workers)), timeout=120)
        chunks = await rig.chunks()
        assert sorted(c.resource_id for c in chunks) == sorted(f"obs-{i}" for i in range(12))
        assert {c.version_id for c in chunks} == {"3"}
        assert sum(w.stats.jobs for w in workers) == len(bundles) + 10
        assert sum(1 for w in workers if w.stats.jobs) >= 2  # the work was shared
        st = await rig.ingestion.state.subscription(fhir.subscription_url)
        assert st is not None and st.mark == len(bundles) and not st.missing()
    client = aioredis.from_url(REDIS_URL)
    for key in [k async for k in client.scan_iter(match=f"{name}*")]:
        await client.delete(key)
    await client.aclose()

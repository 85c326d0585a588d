"""Builds ingestion's parts from settings: the queue and shared state (Redis when ``REDIS_URL`` is set,
SQLite in the data dir otherwise), the FHIR source, document readers and workers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fhir_ingest.fhir_source import FhirSource
from fhir_ingest.queue import JobQueue, RedisJobQueue, SqliteJobQueue
from fhir_ingest.settings import IngestSettings
from fhir_ingest.sources.documents import attachment_readers
from fhir_ingest.state import IngestState
from fhir_ingest.store import KeyValue, RedisKeyValue, SqliteKeyValue
from fhir_ingest.worker import Worker
from rag_core.indexing import Indexer

log = logging.getLogger("chartrag.ingest")


@dataclass
class Ingestion:
    settings: IngestSettings
    queue: JobQueue
    state: IngestState
    client: httpx.AsyncClient
    source: FhirSource | None
    _tasks: list[asyncio.Task[object]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    def worker(self, indexer: Indexer, source_system: str = "urn:chartrag:local", name: str | None = None,
               audit: Callable[[dict[str, Any]], object] | None = None) -> Worker:
        return Worker(self.queue, self.state, indexer, self.settings, self.source, attachment_readers(), source_system,
                      name, audit)

    def start_workers(self, indexer: Indexer, count: int, source_system: str = "urn:chartrag:local",
                      audit: Callable[[dict[str, Any]], object] | None = None) -> None:
        for _ in range(count):
            self._tasks.append(asyncio.create_task(self.worker(indexer, source_system, audit=audit).run(self._stop)))

    async def close(self) -> None:
        self._stop.set()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.queue.close()
        await self.state.kv.close()
        await self.client.aclose()


def open_ingestion(settings: IngestSettings, data_dir: Path) -> Ingestion:
    queue: JobQueue
    kv: KeyValue
    if settings.redis_url:
        queue = RedisJobQueue(settings.redis_url, settings.queue_name, settings.max_attempts)
        kv = RedisKeyValue(settings.redis_url, settings.queue_name)
    else:
        queue = SqliteJobQueue(data_dir / "ingest.sqlite", settings.max_attempts)
        kv = SqliteKeyValue(data_dir / "ingest.sqlite")
    client = httpx.AsyncClient(timeout=30.0)
    source = FhirSource(settings.fhir_base_url, client, settings.fhir_token) if settings.fhir_base_url else None
    state = IngestState(kv, settings.lease_seconds, settings.max_event_gap, settings.max_recovery_numbers)
    return Ingestion(settings, queue, state, client, source)

"""Builds ingestion's parts from settings: the queue and shared state (Redis when ``REDIS_URL`` is set,
SQLite in the data dir otherwise), the FHIR source, document readers and workers.

Workers in the web process run on their own thread with their own event loop and their own queue and
state connections (``start_workers``): with 8 clinicians asking, the web loop is busy with their
requests, and a worker that had to wait its turn there for each of its dozens of queue and state
round-trips (Redis) made a notification answerable only after 8–17 s. On its own loop it competes
for the CPU like any other thread, and reads and writes share the machine fairly.
"""

from __future__ import annotations

import asyncio
import logging
import threading
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
    data_dir: Path | None = None
    _tasks: list[asyncio.Task[object]] = field(default_factory=list)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _thread_stop: threading.Event = field(default_factory=threading.Event)

    def worker(self, indexer: Indexer, source_system: str = "urn:chartrag:local", name: str | None = None,
               audit: Callable[[dict[str, Any]], object] | None = None) -> Worker:
        return Worker(self.queue, self.state, indexer, self.settings, self.source, attachment_readers(), source_system,
                      name, audit)

    def start_workers(self, indexer: Indexer, count: int, source_system: str = "urn:chartrag:local",
                      audit: Callable[[dict[str, Any]], object] | None = None, own_thread: bool = False) -> None:
        """``count`` workers on this event loop, or (``own_thread``) on a thread and loop of their own with
        their own connections to the same queue and state."""
        if not own_thread or self.data_dir is None:
            for _ in range(count):
                self._tasks.append(asyncio.create_task(self.worker(indexer, source_system, audit=audit).run(self._stop)))
            return
        if count <= 0:
            return
        data_dir = self.data_dir

        async def serve() -> None:
            mine = open_ingestion(self.settings, data_dir)
            stop = asyncio.Event()
            workers = [mine.worker(indexer, source_system, audit=audit) for _ in range(count)]
            tasks = [asyncio.create_task(w.run(stop)) for w in workers]
            await asyncio.to_thread(self._thread_stop.wait)
            stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            await mine.close()

        thread = threading.Thread(target=asyncio.run, args=(serve(),), name="chartrag-ingest", daemon=True)
        thread.start()
        self._threads.append(thread)

    async def close(self) -> None:
        self._stop.set()
        self._thread_stop.set()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for thread in self._threads:
            await asyncio.to_thread(thread.join, 30)
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
    return Ingestion(settings, queue, state, client, source, data_dir)

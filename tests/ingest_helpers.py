"""Shared pieces of the ingestion tests: synthetic resources, a real index + worker rig."""

from __future__ import annotations

import asyncio
import base64
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from chartrag.bench_ingest import served_resources as bundle_resources
from fhir_ingest.app import Ingestion, open_ingestion
from fhir_ingest.queue import SqliteJobQueue
from fhir_ingest.routes import build_ingest_router
from fhir_ingest.settings import IngestSettings
from fhir_ingest.state import IngestState
from fhir_ingest.store import SqliteKeyValue
from fhir_ingest.worker import Worker
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import PATIENT_DATA, Chunk, PatientScope, SearchFilter
from rag_core.sparse import Bm25Encoder

__all__ = ["PATIENT", "SECRET", "Rig", "bundle_resources", "hba1c", "ingest_rig", "note"]
PATIENT = "p-ingest-1"
SECRET = "test-channel-secret"


def hba1c(rid: str, value: float, day: str, patient: str = PATIENT, status: str = "final") -> dict[str, Any]:
    return {
        "resourceType": "Observation", "id": rid, "status": status,
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "laboratory"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4", "display": "Hemoglobin A1c"}],
                 "text": "Hemoglobin A1c"},
        "subject": {"reference": f"Patient/{patient}"},
        "effectiveDateTime": f"{day}T09:00:00Z",
        "valueQuantity": {"value": value, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"},
    }


def note(rid: str, text: str, day: str, patient: str = PATIENT) -> dict[str, Any]:
    return {
        "resourceType": "DocumentReference", "id": rid, "status": "current",
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}]},
        "subject": {"reference": f"Patient/{patient}"}, "date": f"{day}T10:00:00Z",
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }


@dataclass
class Rig:
    index: EdgeIndex
    indexer: Indexer
    ingestion: Ingestion
    worker: Worker

    async def chunks(self, patient: str = PATIENT) -> list[Chunk]:
        return await self.index.scroll(PATIENT_DATA, SearchFilter(), PatientScope.full(patient, "test"), limit=10_000)

    async def per_resource(self, patient: str = PATIENT) -> Counter[str]:
        return Counter(c.reference for c in await self.chunks(patient))

    async def drain(self) -> None:
        await asyncio.wait_for(self.worker.run(until_empty=True), timeout=60)

    def endpoint(self, tmp: Path) -> FastAPI:
        """The notification endpoint as a FHIR server reaches it: its own queue and state connections to
        the rig's SQLite in ``tmp``."""
        app = FastAPI()
        app.include_router(build_ingest_router(self.ingestion.settings, SqliteJobQueue(tmp / "ingest.sqlite"),
                                               IngestState(SqliteKeyValue(tmp / "ingest.sqlite"))))
        return app


@asynccontextmanager
async def ingest_rig(tmp: Path, embedder: Any, fhir_base: str | None = None, **overrides: Any) -> AsyncIterator[Rig]:
    options: dict[str, Any] = {"channel_secret": SECRET, "fhir_base_url": fhir_base, "redis_url": None,
                               "gap_grace_seconds": 0.3, "backoff_seconds": 0.05, "watchdog_interval_seconds": 3600}
    settings = IngestSettings(**(options | overrides))
    index = EdgeIndex(tmp / "index", embedder.dimension)
    await index.ensure()
    indexer = Indexer(index, embedder, Bm25Encoder())
    ingestion = open_ingestion(settings, tmp)
    worker = ingestion.worker(indexer)
    try:
        yield Rig(index, indexer, ingestion, worker)
    finally:
        await ingestion.close()
        await index.close()


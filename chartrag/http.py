"""Composition root for HTTP: builds the product app (and, for the demo, the sandbox EHR) from settings."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from cds_hooks.routes import build_cds_router
from cds_hooks.settings import CdsSettings
from fhir_ingest.app import open_ingestion
from fhir_ingest.routes import build_ingest_router
from fhir_ingest.settings import IngestSettings
from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings
from smart_app.app import create_app
from smart_app.settings import SmartSettings


def build_app(
    settings: RagSettings,
    smart: SmartSettings | None = None,
    cds: CdsSettings | None = None,
    ingest: IngestSettings | None = None,
) -> FastAPI:
    """ChartRAG's product app: the SMART app and JSON API (smart_app), the CDS Hooks service and the
    Subscription notification endpoint (fhir_ingest). With the embedded index the ingestion workers
    run in this process (the Edge shard has one writer); with a Qdrant server they may run anywhere
    (``chartrag ingest worker``) and ``CHARTRAG_INGEST_WORKERS=0`` keeps them out of the web process."""
    cds = cds or CdsSettings()
    ingest = ingest or IngestSettings()
    ingestion = open_ingestion(ingest, settings.data_dir)
    cds_router, summaries = build_cds_router(cds, httpx.AsyncClient(timeout=5.0))

    async def factory() -> Runtime:
        runtime = await build_runtime(settings)
        runtime.indexer.listeners.append(summaries.invalidate_many)  # new data → that patient's card is recomputed
        ingestion.start_workers(runtime.indexer, ingest.workers, settings.source_system)
        runtime.on_close.append(ingestion.close)
        return runtime

    app = create_app(factory, smart)
    app.include_router(cds_router)
    app.include_router(build_ingest_router(ingest, ingestion.queue, ingestion.state))
    # browser-based CDS clients (no cookies: credentials are never allowed cross-origin)
    app.add_middleware(CORSMiddleware, allow_origins=cds.cors_origins, allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["Authorization", "Content-Type"], allow_credentials=False)
    return app


async def serve_demo(settings: RagSettings, data: Path, host: str, port: int) -> None:
    """ChartRAG on ``port`` and the sandbox EHR (a development tool) on ``port + 1``."""
    from sandbox_ehr.app import create_sandbox

    app_url, ehr_url = f"http://{host}:{port}", f"http://{host}:{port + 1}"
    smart = SmartSettings(
        base_url=app_url,
        allowed_issuers=[f"{ehr_url}/fhir"],
        standalone_issuer=f"{ehr_url}/fhir",
        frame_ancestors=f"'self' {ehr_url}",
    )
    cds = CdsSettings(base_url=app_url, trusted_jku={ehr_url: [f"{ehr_url}/cds/jwks"]}, smart_launch_url=f"{app_url}/launch")
    secret = secrets.token_urlsafe(24)  # the sandbox notifies ChartRAG as a subscribed FHIR server would
    ingest = IngestSettings(channel_secret=secret, fhir_base_url=f"{ehr_url}/fhir")
    sandbox = create_sandbox(data, ehr_url, app_url, cds_base=app_url, notify=(f"{app_url}/fhir/notify", secret))
    servers = [
        uvicorn.Server(uvicorn.Config(build_app(settings, smart, cds, ingest), host=host, port=port, log_level="warning")),
        uvicorn.Server(uvicorn.Config(sandbox, host=host, port=port + 1, log_level="warning")),
    ]
    await asyncio.gather(*(s.serve() for s in servers))

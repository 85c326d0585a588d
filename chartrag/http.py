"""Composition root for HTTP: builds the product app (and, for the demo, the sandbox EHR) from settings."""

from __future__ import annotations

import asyncio
import copy
import secrets
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from cds_hooks.routes import build_cds_router
from cds_hooks.settings import CdsSettings
from chartrag.audit_routes import audit_router
from chartrag.guard import AuditRejections, BodyLimits, CdsCors, GuardSettings, Telemetry
from fhir_ingest.app import open_ingestion
from fhir_ingest.routes import build_ingest_router
from fhir_ingest.settings import IngestSettings
from rag_core.audit import Checkpoint
from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings
from rag_core.telemetry import METRICS
from smart_app.app import create_app
from smart_app.settings import SmartSettings


def build_app(
    settings: RagSettings,
    smart: SmartSettings | None = None,
    cds: CdsSettings | None = None,
    ingest: IngestSettings | None = None,
    guard: GuardSettings | None = None,
) -> FastAPI:
    """ChartRAG's product app: the SMART app and JSON API (smart_app), the CDS Hooks service and the
    Subscription notification endpoint (fhir_ingest). With the embedded index the ingestion workers
    run in this process (the Edge shard has one writer); with a Qdrant server they may run anywhere
    (``chartrag ingest worker``) and ``CHARTRAG_INGEST_WORKERS=0`` keeps them out of the web process."""
    cds = cds or CdsSettings()
    ingest = ingest or IngestSettings()
    guard = guard or GuardSettings()
    ingestion = open_ingestion(ingest, settings.data_dir)
    cds_router, summaries = build_cds_router(cds, httpx.AsyncClient(timeout=5.0))

    async def factory() -> Runtime:
        runtime = await build_runtime(settings)
        runtime.indexer.listeners.append(summaries.invalidate_many)  # new data → that patient's card is recomputed
        # off the web loop, so reads never starve ingestion (the embedded index is thread-safe; a Qdrant
        # server's async client belongs to this loop, and its workers may run as separate processes)
        ingestion.start_workers(runtime.indexer, ingest.workers, settings.source_system, runtime.service.audit.record,
                                own_thread=settings.index_backend == "edge")
        runtime.on_close.append(ingestion.close)
        return runtime

    app = create_app(factory, smart)

    def audit(event: dict[str, Any]) -> object:
        return app.state.runtime.service.audit.record(event)

    def rejections(scope: Any) -> Any:
        runtime = getattr(scope["app"].state, "runtime", None) if "app" in scope else None
        return runtime.service.audit.record if runtime is not None else None

    def checkpoints(log_id: str) -> list[Checkpoint] | None:
        from rag_core.audit_store import configured_checkpoints

        return configured_checkpoints(settings, log_id)

    app.include_router(cds_router)
    app.include_router(build_ingest_router(ingest, ingestion.queue, ingestion.state, audit=audit))
    reader = settings.audit_reader_token.get_secret_value() if settings.audit_reader_token else None
    app.include_router(audit_router(reader, checkpoints))
    @app.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        """Prometheus exposition: counts, latencies, queue depth, cache hits — labels from closed vocabularies."""
        stats = await ingestion.queue.stats()
        for state in ("ready", "in_flight", "delayed", "dead"):
            METRICS.queue_depth.labels(state).set(float(getattr(stats, state, 0) or 0))
        return Response(generate_latest(METRICS.registry), media_type=CONTENT_TYPE_LATEST)

    # innermost first: credential before body and body limits, then CORS on /cds-services* only, the audit of
    # every rejection, telemetry (spans, metrics and the access log, by route template only)
    app.add_middleware(BodyLimits, read_timeout=guard.body_read_timeout_seconds,
                       total_timeout=guard.body_total_timeout_seconds)
    app.add_middleware(CdsCors, origins=cds.cors_origins)
    app.add_middleware(AuditRejections, sink=rejections)
    app.add_middleware(Telemetry)
    return app


async def serve_demo(settings: RagSettings, data: list[Path], host: str, port: int) -> None:
    """ChartRAG on ``port`` and the sandbox EHR (a development tool) on ``port + 1``."""
    from sandbox_ehr.app import create_sandbox

    app_url, ehr_url = f"http://{host}:{port}", f"http://{host}:{port + 1}"
    smart = SmartSettings(
        base_url=app_url,
        allowed_issuers=[f"{ehr_url}/fhir"],
        standalone_issuer=f"{ehr_url}/fhir",
        frame_ancestors=f"'self' {ehr_url}",
        trust_loopback=True,  # the demo's /api/ask answers this machine without a token; `serve` never does
    )
    cds = CdsSettings(base_url=app_url, trusted_jku={ehr_url: [f"{ehr_url}/cds/jwks"]}, smart_launch_url=f"{app_url}/launch",
                      cors_origins=[ehr_url], fhir_servers={ehr_url: [f"{ehr_url}/fhir"]},
                      http_link_hosts=[host])  # the card's footnotes may link the loopback sandbox over http
    secret = secrets.token_urlsafe(24)  # the sandbox notifies ChartRAG as a subscribed FHIR server would
    ingest = IngestSettings(channel_secret=secret, fhir_base_url=f"{ehr_url}/fhir")
    sandbox = create_sandbox(data, ehr_url, app_url, cds_base=app_url, notify=(f"{app_url}/fhir/notify", secret))
    servers = [
        uvicorn.Server(uvicorn.Config(build_app(settings, smart, cds, ingest), host=host, port=port, log_level="warning",
                                      access_log=False)),  # Uvicorn's access log prints raw paths and queries
        uvicorn.Server(uvicorn.Config(sandbox, host=host, port=port + 1, log_level="warning", access_log=False)),
    ]
    await asyncio.gather(*(s.serve() for s in servers))


def log_config() -> dict[str, Any]:
    """Uvicorn's logging with its access log off (it prints raw paths and queries: patient ids, SMART launch
    tokens) and ChartRAG's templated access log (``chartrag.access``: method, route template, status,
    latency) on stdout in its place."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["chartrag_access"] = {"formatter": "default", "class": "logging.StreamHandler",
                                             "stream": "ext://sys.stdout"}
    config["loggers"]["chartrag.access"] = {"handlers": ["chartrag_access"], "level": "INFO", "propagate": False}
    return config

"""Composition root for HTTP: builds the product app (and, for the demo, the sandbox EHR) from settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings
from smart_app.app import create_app
from smart_app.settings import SmartSettings


def build_app(settings: RagSettings, smart: SmartSettings | None = None) -> FastAPI:
    async def factory() -> Runtime:
        return await build_runtime(settings)

    return create_app(factory, smart)


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
    servers = [
        uvicorn.Server(uvicorn.Config(build_app(settings, smart), host=host, port=port, log_level="warning")),
        uvicorn.Server(uvicorn.Config(create_sandbox(data, ehr_url, app_url), host=host, port=port + 1,
                                      log_level="warning")),
    ]
    await asyncio.gather(*(s.serve() for s in servers))

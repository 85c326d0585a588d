"""Composition root for HTTP: builds the product app from settings (edges are mounted here)."""

from __future__ import annotations

from fastapi import FastAPI

from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings
from smart_app.app import create_app


def build_app(settings: RagSettings) -> FastAPI:
    async def factory() -> Runtime:
        return await build_runtime(settings)

    return create_app(factory)

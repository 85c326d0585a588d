"""Minimal JSON API over rag_core: ``POST /api/ask`` and ``/healthz``.

The SMART issue puts launch, tokens and sessions in front of this; until then the caller names the
patient and requester in the body, and the scope grants every clinical type.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from rag_core.errors import ChartRagError, IsolationError
from rag_core.models import CLINICAL_TYPES, PATIENT_DATA, PatientScope, ValidatedAnswer
from rag_core.runtime import Runtime

log = logging.getLogger("chartrag")


class AskRequest(BaseModel):
    patient_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9\-.]{1,64}$")
    question: str = Field(min_length=1, max_length=2000)
    requester: str = Field(default="anonymous", max_length=256)
    now: date | None = Field(default=None, description="the day the question is asked on (default: today)")
    resource_types: list[str] | None = Field(default=None, description="narrow the scope to these FHIR types")


def create_app(runtime_factory: Callable[[], Awaitable[Runtime]]) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.runtime = await runtime_factory()
        runtime: Runtime = app.state.runtime
        log.warning(
            "ChartRAG ready: index backend %s in %s; embedding cache: %s",
            runtime.settings.index_backend,
            runtime.settings.data_dir,
            runtime.cache_kind,
        )
        try:
            yield
        finally:
            await app.state.runtime.close()

    app = FastAPI(title="ChartRAG API", version="0.1.0", lifespan=lifespan)

    @app.exception_handler(IsolationError)
    async def isolation(_: Request, exc: IsolationError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=403)

    @app.exception_handler(ValueError)
    async def bad_value(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(ChartRagError)
    async def core_error(_: Request, exc: ChartRagError) -> JSONResponse:
        return JSONResponse({"detail": type(exc).__name__}, status_code=503)

    @app.get("/healthz")
    async def healthz(request: Request) -> dict[str, object]:
        runtime: Runtime = request.app.state.runtime
        return {
            "status": "ok",
            "index_backend": runtime.settings.index_backend,
            "patient_data_points": await runtime.index.total_points(PATIENT_DATA),
            "embedding_cache": runtime.cache_kind,
        }

    @app.post("/api/ask", response_model=ValidatedAnswer)
    async def ask(body: AskRequest, request: Request) -> ValidatedAnswer:
        runtime: Runtime = request.app.state.runtime
        types = CLINICAL_TYPES
        if body.resource_types is not None:
            unknown = set(body.resource_types) - CLINICAL_TYPES
            if unknown:
                raise HTTPException(422, f"unknown resource types: {sorted(unknown)}")
            types = frozenset(body.resource_types)
        scope = PatientScope(patient_id=body.patient_id, resource_types=types, requester=body.requester)
        return await runtime.service.answer(body.question, scope, now=body.now)

    return app

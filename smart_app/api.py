"""JSON API over rag_core: ``POST /api/ask`` and ``/healthz``.

``/api/ask`` is the operator/integration path: the caller names patient and requester, so it is
trusted only with ``Authorization: Bearer <CHARTRAG_SMART_API_TOKEN>``; with no token configured it
answers loopback callers only (the offline demo and benchmarks). Clinicians use the SMART-launched
page, where patient and clinician come from the token only.
"""

from __future__ import annotations

import secrets
from datetime import date

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from rag_core.models import CLINICAL_TYPES, PATIENT_DATA, PatientScope, ValidatedAnswer
from rag_core.runtime import Runtime


class AskRequest(BaseModel):
    patient_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9\-.]{1,64}$")
    question: str = Field(min_length=1, max_length=2000)
    requester: str = Field(default="anonymous", max_length=256)
    now: date | None = Field(default=None, description="the day the question is asked on (default: today)")
    resource_types: list[str] | None = Field(default=None, description="narrow the scope to these FHIR types")


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def api_router(api_token: str | None) -> APIRouter:
    router = APIRouter()

    def authorized(request: Request) -> None:
        if api_token:
            given = request.headers.get("authorization", "")
            if not secrets.compare_digest(given.encode(), f"Bearer {api_token}".encode()):
                raise HTTPException(401, "a valid API token is required", headers={"WWW-Authenticate": "Bearer"})
        elif request.client is None or request.client.host not in LOOPBACK:
            raise HTTPException(403, "the JSON API answers loopback callers unless CHARTRAG_SMART_API_TOKEN is set")

    @router.get("/healthz")
    async def healthz(request: Request) -> dict[str, object]:
        runtime: Runtime = request.app.state.runtime
        return {
            "status": "ok",
            "index_backend": runtime.settings.index_backend,
            "patient_data_points": await runtime.index.total_points(PATIENT_DATA),
            "embedding_cache": runtime.cache_kind,
        }

    @router.post("/api/ask", response_model=ValidatedAnswer)
    async def ask(body: AskRequest, request: Request) -> ValidatedAnswer:
        authorized(request)
        runtime: Runtime = request.app.state.runtime
        types = CLINICAL_TYPES
        if body.resource_types is not None:
            unknown = set(body.resource_types) - CLINICAL_TYPES
            if unknown:
                raise HTTPException(422, f"unknown resource types: {sorted(unknown)}")
            types = frozenset(body.resource_types)
        scope = PatientScope(patient_id=body.patient_id, resource_types=types, requester=body.requester)
        return await runtime.service.answer(body.question, scope, now=body.now)

    return router

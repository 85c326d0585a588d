"""JSON API over rag_core: ``POST /api/ask`` and ``/healthz``.

``/api/ask`` is the operator/integration path: the caller names patient and requester, so it always
needs ``Authorization: Bearer <CHARTRAG_SMART_API_TOKEN>``. Loopback callers are trusted without it
only when the app was built with ``trust_loopback`` (``chartrag demo``); ``chartrag serve`` never does.
The credential is checked before the body is read; the body must be ``application/json`` (so a web
page cannot send it without a CORS preflight, which this path never answers) and strict JSON. Errors
never echo the body. Clinicians use the SMART-launched page, where patient and clinician come from
the token only.
"""

from __future__ import annotations

import secrets
from datetime import date

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field, ValidationError

from rag_core.models import CLINICAL_TYPES, PATIENT_DATA, PatientScope, ValidatedAnswer
from rag_core.runtime import Runtime
from rag_core.wire import WireError, strict_loads


class AskRequest(BaseModel):
    patient_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9\-.]{1,64}$")
    question: str = Field(min_length=1, max_length=2000)
    requester: str = Field(default="anonymous", max_length=256)
    now: date | None = Field(default=None, description="the day the question is asked on (default: today)")
    resource_types: list[str] | None = Field(default=None, description="narrow the scope to these FHIR types")


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def _errors(exc: ValidationError) -> list[dict[str, object]]:
    """Pydantic's errors without the ``input`` they carry (a body is never echoed back)."""
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]


def api_router(api_token: str | None, trust_loopback: bool = False) -> APIRouter:
    router = APIRouter()

    def authorized(request: Request) -> None:
        given = request.headers.get("authorization", "")
        if api_token and secrets.compare_digest(given.encode(), f"Bearer {api_token}".encode()):
            return
        if trust_loopback and not given and request.client is not None and request.client.host in LOOPBACK:
            return
        hint = "a valid API token is required" if api_token else \
            "set CHARTRAG_SMART_API_TOKEN: the JSON API needs a credential"
        raise HTTPException(401, hint, headers={"WWW-Authenticate": "Bearer"})

    async def read_body(request: Request) -> AskRequest:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            raise HTTPException(415, "send the question as application/json")
        try:
            return AskRequest.model_validate(strict_loads(await request.body()))
        except WireError as exc:
            raise HTTPException(400, f"the body is not strict JSON: {exc}") from None
        except ValidationError as exc:
            raise HTTPException(422, _errors(exc)) from None

    @router.get("/healthz")
    async def healthz(request: Request) -> dict[str, object]:
        runtime: Runtime = request.app.state.runtime
        return {
            "status": "ok",
            "index_backend": runtime.settings.index_backend,
            "patient_data_points": await runtime.index.total_points(PATIENT_DATA),
            "embedding_cache": runtime.cache_kind,
        }

    @router.post("/api/ask", response_model=ValidatedAnswer, openapi_extra={"requestBody": {
        "required": True, "content": {"application/json": {"schema": AskRequest.model_json_schema()}}}})
    async def ask(request: Request) -> ValidatedAnswer:
        authorized(request)
        body = await read_body(request)
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

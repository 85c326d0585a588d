"""JSON API over rag_core: ``POST /api/ask``, ``POST /api/similar-cases`` and ``/healthz``.

Both POST paths are operator/integration paths: the caller names patient and requester, so they always
need ``Authorization: Bearer <CHARTRAG_SMART_API_TOKEN>``. Loopback callers are trusted without it
only when the app was built with ``trust_loopback`` (``chartrag demo``); ``chartrag serve`` never does.
``/api/similar-cases`` finds cases like the named patient in the anonymized library (never another
patient's chart): the patient's profile is read inside its scope, only case ids and de-identified
summaries come back, and the request is audited. The credential is checked from the headers before a byte
of the body is read (and marked ``request.state.credential_checked``: the composition root's guard hands
the body on only then); the body must be ``application/json`` (so a web page cannot send it without a
CORS preflight, which these paths never answer), strict JSON and of the model's exact types (no
``true``/``"5"`` for a number, no timestamp for a date). Errors never echo the body. Clinicians use the SMART-launched page,
where patient and clinician come from the token only.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rag_core.errors import PatientNotIndexed
from rag_core.models import CLINICAL_TYPES, PATIENT_DATA, PatientScope, SearchFilter, ValidatedAnswer
from rag_core.runtime import Runtime
from rag_core.similar_cases import PROFILE_TYPES, similar_for_patient
from rag_core.wire import WireError, strict_loads

B = TypeVar("B", bound=BaseModel)


class AskRequest(BaseModel):
    model_config = ConfigDict(strict=True)

    patient_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9\-.]{1,64}$")
    question: str = Field(min_length=1, max_length=2000)
    requester: str = Field(default="anonymous", max_length=256)
    now: date | None = Field(default=None, description="the day the question is asked on (default: today)")
    resource_types: list[str] | None = Field(default=None, description="narrow the scope to these FHIR types")


class SimilarCasesRequest(BaseModel):
    model_config = ConfigDict(strict=True)

    patient_id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9\-.]{1,64}$")
    requester: str = Field(default="anonymous", max_length=256)
    k: int = Field(default=5, ge=1, le=20)


class SimilarCase(BaseModel):
    case_id: str
    score: float
    summary: str
    age_group: str | None = None
    sex: str | None = None


class SimilarCasesResponse(BaseModel):
    profile_found: bool
    cases: list[SimilarCase]


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def _errors(exc: ValidationError) -> list[dict[str, object]]:
    """Pydantic's errors without the ``input`` they carry (a body is never echoed back)."""
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]


def api_router(api_token: str | None, trust_loopback: bool = False) -> APIRouter:
    router = APIRouter()

    def authorized(request: Request) -> None:
        given = request.headers.get("authorization", "")
        if (api_token and secrets.compare_digest(given.encode(), f"Bearer {api_token}".encode())) or (
                trust_loopback and not given and request.client is not None and request.client.host in LOOPBACK):
            request.state.credential_checked = True
            return
        hint = "a valid API token is required" if api_token else \
            "set CHARTRAG_SMART_API_TOKEN: the JSON API needs a credential"
        raise HTTPException(401, hint, headers={"WWW-Authenticate": "Bearer"})

    async def read_body(request: Request, model: type[B]) -> B:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            raise HTTPException(415, "send the request as application/json")
        raw = await request.body()
        try:
            strict_loads(raw)  # depth, NaN/Infinity, overflowed numbers, duplicate keys: refused first
            return model.model_validate_json(raw, strict=True)  # exact types: no bool or string for a number
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
        body = await read_body(request, AskRequest)
        runtime: Runtime = request.app.state.runtime
        types = CLINICAL_TYPES
        if body.resource_types is not None:
            unknown = set(body.resource_types) - CLINICAL_TYPES
            if unknown:
                raise HTTPException(422, f"resource_types may name only: {', '.join(sorted(CLINICAL_TYPES))}")
            types = frozenset(body.resource_types)
        scope = PatientScope(patient_id=body.patient_id, resource_types=types, requester=body.requester)
        return await runtime.service.answer(body.question, scope, now=body.now)

    @router.post("/api/similar-cases", response_model=SimilarCasesResponse, openapi_extra={"requestBody": {
        "required": True, "content": {"application/json": {"schema": SimilarCasesRequest.model_json_schema()}}}})
    async def similar(request: Request) -> SimilarCasesResponse:
        authorized(request)
        body = await read_body(request, SimilarCasesRequest)
        runtime: Runtime = request.app.state.runtime
        scope = PatientScope(patient_id=body.patient_id, resource_types=PROFILE_TYPES, requester=body.requester)
        retriever = runtime.service.retriever
        if not await runtime.index.count(PATIENT_DATA, SearchFilter(),
                                         PatientScope.full(body.patient_id, body.requester)):
            raise PatientNotIndexed("no chart data is indexed for this patient")
        found_profile, matches = await similar_for_patient(retriever, runtime.service.audit, scope, body.k, "api")
        return SimilarCasesResponse(profile_found=found_profile, cases=[SimilarCase(**asdict(m)) for m in matches])

    return router

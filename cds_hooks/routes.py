"""CDS Hooks 2.0 endpoints: discovery, the ``chart-summary`` patient-view service, and feedback.

Every call is authenticated with the CDS client's JWT (``cds_hooks.auth``) from its headers before a byte
of its body is read (``request.state.credential_checked``: the composition root's guard hands the body on
only then); rejections are answered 401/403 and audited. Error messages never repeat the request (not
even the service id of a 404). Bodies are strict JSON (``rag_core.wire``: no NaN, no
duplicate keys, bounded depth). The patient comes only from the verified request's context. The card
never waits on a generative model: it is built from structured facts in the index and cached per patient.

A patient the index does not hold is summarised from the request's prefetch (or the EHR, when the
client may name that ``fhirServer``) *in memory, for that request only*: a CDS client cannot create or
change a chart, unless the operator lists it in ``trusted_sources``.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from cds_hooks.auth import CdsAuthError, JwtVerifier
from cds_hooks.cards import summary_card
from cds_hooks.models import CdsResponse, Feedback, HookRequest, ServiceDescription
from cds_hooks.openapi import openapi
from cds_hooks.prefetch import PrefetchUnavailable, chart_resources
from cds_hooks.settings import CdsSettings
from rag_core.chunking import chunk_documents
from rag_core.documents import resources_to_documents
from rag_core.models import PATIENT_DATA, PatientScope, SearchFilter
from rag_core.runtime import Runtime
from rag_core.summary import ChartSummary, summarize, summarize_chunks
from rag_core.wire import WireError, strict_loads

SERVICE_ID = "chart-summary"
M = TypeVar("M", HookRequest, Feedback)
SERVICE = ServiceDescription(
    hook="patient-view",
    id=SERVICE_ID,
    title="ChartRAG chart summary",
    description="Active problems, current medications and recent lab changes, each cited to its FHIR resource.",
    prefetch={
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}&clinical-status=active",
        "medications": "MedicationRequest?patient={{context.patientId}}&status=active",
        "observations": "Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=50",
        "notes": "DocumentReference?patient={{context.patientId}}&_sort=-date&_count=5",
    },
    usageRequirements="The patient's chart must be indexed by ChartRAG (bulk export or FHIR Subscriptions).",
)


class SummaryCache:
    """Thread-safe: the ingestion worker's thread invalidates while the web loop reads."""

    def __init__(self, ttl_seconds: int) -> None:
        self._ttl = ttl_seconds
        self._items: dict[tuple[str, str], tuple[float, ChartSummary]] = {}
        self._lock = threading.Lock()

    def get(self, patient: str, day: str) -> ChartSummary | None:
        with self._lock:
            found = self._items.get((patient, day))
        return found[1] if found and found[0] > time.monotonic() else None

    def put(self, summary: ChartSummary) -> None:
        with self._lock:
            self._items[(summary.patient_id, summary.as_of)] = (time.monotonic() + self._ttl, summary)

    def invalidate(self, patient: str) -> None:
        with self._lock:
            for key in [k for k in self._items if k[0] == patient]:
                del self._items[key]

    def invalidate_many(self, patients: set[str]) -> None:
        """An Indexer listener: new data for these patients makes their cached summaries stale."""
        for patient in patients:
            self.invalidate(patient)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def cds_router(settings: CdsSettings, verifier: JwtVerifier, cache: SummaryCache, http: Any) -> APIRouter:
    router = APIRouter()
    base = settings.base_url.rstrip("/")

    async def authenticate(request: Request, audience: str) -> dict[str, Any] | JSONResponse:
        runtime: Runtime = request.app.state.runtime
        try:
            claims = await verifier.verify(request.headers.get("authorization"), audience)
        except CdsAuthError as err:
            runtime.service.audit.record({"event": "cds_auth_rejected", "endpoint": audience,
                                          "status": err.status, "reason": err.reason})
            return _error(err.status, err.reason)
        request.state.credential_checked = True
        return claims

    @router.get("/cds-hooks/openapi.json", include_in_schema=False)
    async def openapi_document() -> Response:
        return JSONResponse(openapi(base))

    @router.get("/cds-services")
    async def discovery(request: Request) -> Response:
        claims = await authenticate(request, f"{base}/cds-services")
        if isinstance(claims, JSONResponse):
            return claims
        return JSONResponse({"services": [SERVICE.model_dump(exclude_none=True)]})

    async def accept(request: Request, service_id: str, path: str, model: type[M]) -> tuple[dict[str, Any], M] | Response:
        """Known service, verified JWT for this exact endpoint, valid body — or the error response."""
        if service_id != SERVICE_ID:
            return _error(404, f"no such CDS service (this server offers {SERVICE_ID!r})")
        claims = await authenticate(request, f"{base}{path}")
        if isinstance(claims, JSONResponse):
            return claims
        try:
            return claims, model.model_validate(strict_loads(await request.body(), exact_decimals=True))
        except WireError as exc:
            return _error(400, f"the request body is not strict JSON: {exc}")
        except (ValueError, ValidationError):
            return _error(400, f"the request body is not a valid CDS Hooks {model.__name__}")

    @router.post("/cds-services/{service_id}")
    async def call(service_id: str, request: Request) -> Response:
        accepted = await accept(request, service_id, f"/cds-services/{service_id}", HookRequest)
        if isinstance(accepted, Response):
            return accepted
        claims, hook = accepted
        if hook.hook != SERVICE.hook:
            return _error(400, f"this service answers the {SERVICE.hook} hook only")
        runtime: Runtime = request.app.state.runtime
        if cache.invalidate_many not in runtime.indexer.listeners:
            runtime.indexer.listeners.append(cache.invalidate_many)
        started = time.perf_counter()
        patient = hook.context["patientId"]
        today = date.today().isoformat()
        summary = cache.get(patient, today)
        scope = PatientScope.full(patient, requester=f"{claims['iss']}|{hook.context['userId']}")
        indexed = summary is not None or bool(await runtime.index.count(PATIENT_DATA, SearchFilter(), scope))
        if not indexed:
            server = (hook.fhirServer or "").rstrip("/")
            may_fetch = server in [s.rstrip("/") for s in settings.fhir_servers.get(claims["iss"], [])]
            request_only = hook.model_copy(update={"fhirServer": hook.fhirServer if may_fetch else None})
            try:  # not indexed: the chart from prefetch, or from the EHR when this client may name it
                resources = await chart_resources(request_only, SERVICE.prefetch or {}, http)
            except PrefetchUnavailable as missing:
                return _error(412, f"chart data unavailable: send prefetch '{missing}' or fhirAuthorization")
            report = resources_to_documents(
                [(f"{r.get('resourceType')}/{r.get('id')}", r) for r in resources], hook.fhirServer or "urn:cds-prefetch"
            )
            documents = [d for d in report.documents if d.patient_id == patient]
            if claims["iss"] in settings.trusted_sources:
                await runtime.indexer.index_documents(documents)
                runtime.indexer.remember({patient: report.records[patient]} if patient in report.records else {})
                summary = await summarize(runtime.index, scope, date.today())
                cache.put(summary)
            else:
                summary = await summarize_chunks(chunk_documents(documents), scope, date.today(),
                                                 guidelines=runtime.index)
        if summary is None:
            summary = await summarize(runtime.index, scope, date.today())
            cache.put(summary)
        card = summary_card(summary, hook.fhirServer, settings.smart_launch_url, settings.http_link_hosts)
        response = CdsResponse(cards=[card] if card else [])
        runtime.service.audit.record({
            "event": "cds_hook", "hook": hook.hook, "hook_instance": hook.hookInstance, "service": service_id,
            "requester": hook.context["userId"], "client": claims["iss"], "patient_id": patient,
            "cited_references": summary.citations, "card_uuids": [c.uuid for c in response.cards],
            "latency_ms": round((time.perf_counter() - started) * 1000, 2), "outcome": "card" if card else "no-card",
            "chart_source": "index" if indexed else ("prefetch-indexed" if claims["iss"] in settings.trusted_sources
                                                      else "prefetch-this-request-only"),
        })
        return JSONResponse(response.model_dump(exclude_none=True))

    @router.post("/cds-services/{service_id}/feedback")
    async def feedback(service_id: str, request: Request) -> Response:
        accepted = await accept(request, service_id, f"/cds-services/{service_id}/feedback", Feedback)
        if isinstance(accepted, Response):
            return accepted
        claims, body = accepted
        runtime: Runtime = request.app.state.runtime
        for item in body.feedback:
            reason = (item.overrideReason.reason or {}).get("code") if item.overrideReason else None
            runtime.service.audit.record({"event": "cds_feedback", "service": service_id, "client": claims["iss"],
                                          "card": item.card, "outcome": item.outcome, "override_reason": reason,
                                          "outcome_timestamp": item.outcomeTimestamp})
        return Response(status_code=200)

    return router


def build_cds_router(settings: CdsSettings, http: Any) -> tuple[APIRouter, SummaryCache]:
    """The router with its verifier (replay cache in Redis when configured) and summary cache."""
    from cds_hooks.auth import MemoryReplayCache, RedisReplayCache, ReplayCache

    replay: ReplayCache = RedisReplayCache(settings.redis_url) if settings.redis_url else MemoryReplayCache()
    verifier = JwtVerifier(settings.trusted_jwks, settings.trusted_jku, replay, http,
                           settings.jwt_max_lifetime_seconds, settings.jwt_max_age_seconds)
    cache = SummaryCache(settings.summary_ttl_seconds)
    return cds_router(settings, verifier, cache, http), cache

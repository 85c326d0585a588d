"""The rest-hook endpoint FHIR servers notify. It authenticates (channel header secret, constant-time
compare) from the headers before a byte of the body is read (``request.state.credential_checked``: the
composition root's guard hands the body on only then), validates, enqueues durably and answers 200 —
nothing is processed inline. Errors are OperationOutcomes that never repeat the request: 400 malformed
(a body that is not a JSON object included), 401 bad secret, 408 body stalled, 413 too large, 415 not
JSON, 503 not configured.

- ``POST {prefix}/notify``: a Subscriptions Backport notification Bundle, or an empty body (classic R4
  rest-hook without payload: the worker re-queries the criteria with ``_lastUpdated``).
- ``PUT {prefix}/notify/{type}/{id}``: classic R4 rest-hook with payload (the resource itself).
- ``DELETE {prefix}/notify/{type}/{id}``: a server that tells of deletions this way.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from fhir_ingest.errors import NotificationError
from fhir_ingest.notifications import parse_notification
from fhir_ingest.queue import JobQueue
from fhir_ingest.settings import IngestSettings
from fhir_ingest.state import IngestState
from rag_core.errors import ResourceError
from rag_core.fhir_models import validate_resource
from rag_core.wire import WireError, strict_loads

log = logging.getLogger("chartrag.ingest")
_REFERENCE = re.compile(r"^[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\-.]{1,64}$")
FHIR_JSON = "application/fhir+json"


def outcome(status: int, severity: str, code: str, diagnostics: str) -> JSONResponse:
    body = {"resourceType": "OperationOutcome",
            "issue": [{"severity": severity, "code": code, "diagnostics": diagnostics}]}
    return JSONResponse(body, status_code=status, media_type=FHIR_JSON)


def build_ingest_router(
    settings: IngestSettings, queue: JobQueue, state: IngestState | None = None, prefix: str = "/fhir",
    audit: Callable[[dict[str, Any]], object] | None = None,
) -> APIRouter:
    """``state``: where the event numbers of queued notifications are noted, so that a worker busy with a
    long batch never mistakes a queued event for a lost one. ``audit``: records every notification
    accepted (what it announced; the worker records what it changed); refusals are audited by the app."""
    router = APIRouter(prefix=prefix, tags=["ingest"])

    def audited(kind: str, **detail: Any) -> None:
        if audit is not None:
            audit({"event": "notification", "kind": kind, "outcome": "queued", **detail})

    def refused(request: Request) -> JSONResponse | None:
        if not settings.channel_secret:
            return outcome(503, "error", "not-supported", "notifications are not configured (no channel secret)")
        sent = request.headers.get(settings.channel_header, "")
        if sent.lower().startswith("bearer ") and settings.channel_header.lower() == "authorization":
            sent = sent[7:]
        if not hmac.compare_digest(sent.encode(), settings.channel_secret.encode()):
            log.warning("notification refused: bad or missing channel secret")
            return outcome(401, "error", "security", f"missing or wrong {settings.channel_header}")
        request.state.credential_checked = True
        return None

    async def read_json(request: Request) -> tuple[Any, JSONResponse | None]:
        """(parsed body with exact decimals, problem); the raw text is kept on ``request.state.raw``."""
        try:
            length = int(request.headers.get("content-length") or 0)
        except ValueError:
            return None, outcome(400, "error", "invalid", "Content-Length is not a number")
        if length > settings.max_body_bytes:
            return None, outcome(413, "error", "too-costly", "notification body is too large")
        raw = await request.body()
        if len(raw) > settings.max_body_bytes:
            return None, outcome(413, "error", "too-costly", "notification body is too large")
        if not raw.strip():
            return None, None
        media = request.headers.get("content-type", FHIR_JSON).split(";")[0].strip().lower()
        if media not in (FHIR_JSON, "application/json"):
            return None, outcome(415, "error", "not-supported", f"unsupported content type; send {FHIR_JSON}")
        try:
            parsed = strict_loads(raw, exact_decimals=True)
        except WireError as exc:
            return None, outcome(400, "error", "invalid", f"body is not strict JSON: {exc}")
        if not isinstance(parsed, dict):  # `null`, a list, a number: not a notification (nor an empty ping)
            return None, outcome(400, "error", "invalid", "the body must be a JSON object (a FHIR resource)")
        request.state.raw = raw.decode("utf-8")  # queued as sent: decimals keep their precision
        return parsed, None

    def accepted(what: str) -> JSONResponse:
        return outcome(200, "information", "informational", f"{what} queued")

    @router.post("/notify")
    async def notify(request: Request) -> Response:
        if (refusal := refused(request)) is not None:
            return refusal
        body, problem = await read_json(request)
        if problem is not None:
            return problem
        if body is None:  # classic rest-hook, no payload
            await queue.put("query", {"criteria": settings.classic_criteria})
            audited("re-query")
            return accepted("re-query")
        try:
            notification = parse_notification(body)
        except NotificationError as exc:
            return outcome(400, "error", "invalid", f"not a conformant notification: {exc}")
        await queue.put("notification", {"bundle_json": request.state.raw})
        numbers = [e.number for e in notification.events if e.number]
        if state is not None:
            await state.note_queued(notification.subscription, numbers)
        audited(notification.type, subscription=notification.subscription, events=numbers[:100],
                references=[e.focus for e in notification.events if e.focus][:100])
        return accepted(notification.type)

    @router.put("/notify/{resource_type}/{resource_id}")
    async def put_resource(resource_type: str, resource_id: str, request: Request) -> Response:
        if (refusal := refused(request)) is not None:
            return refusal
        body, problem = await read_json(request)
        if problem is not None:
            return problem
        if not isinstance(body, dict) or body.get("resourceType") != resource_type or body.get("id") != resource_id:
            return outcome(400, "error", "invalid", "body must be the resource named by the URL (type and id)")
        try:
            validate_resource(body, f"{resource_type}/{resource_id}")
        except ResourceError as exc:
            return outcome(400, "error", "invalid", exc.reason)
        await queue.put("resource", {"resource_json": request.state.raw})
        audited("resource", references=[f"{resource_type}/{resource_id}"])
        return accepted("resource")

    @router.delete("/notify/{resource_type}/{resource_id}")
    async def delete_resource(resource_type: str, resource_id: str, request: Request) -> Response:
        if (refusal := refused(request)) is not None:
            return refusal
        reference = f"{resource_type}/{resource_id}"
        if not _REFERENCE.match(reference):
            return outcome(400, "error", "invalid", "not a FHIR resource type and id")
        await queue.put("delete", {"reference": reference})
        audited("delete", references=[reference])
        return accepted("delete")

    return router

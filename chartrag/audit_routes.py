"""``GET /fhir/AuditEvent``: the audit log as a FHIR search for the compliance reviewer.

Needs ``Authorization: Bearer <CHARTRAG_AUDIT_READER_TOKEN>`` (503 OperationOutcome when none is
configured: fail closed). Search parameters: ``patient`` (id or ``Patient/id``), ``agent`` (requester
identifier), ``date`` (``geYYYY-MM-DD`` / ``leYYYY-MM-DD``, repeatable), ``_count`` (≤ 1000, newest
first). The log must verify before anything is served; every search is itself an audit event.
"""

from __future__ import annotations

import asyncio
import secrets
from collections import deque
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from rag_core.audit import Checkpoint, JsonlAuditLog, records, verify
from rag_core.audit_fhir import audit_event, bundle, matches

FHIR_JSON = "application/fhir+json"
MAX_COUNT = 1000
PARAMETERS = ("patient", "agent", "date", "_count")


def _outcome(status: int, code: str, text: str) -> JSONResponse:
    return JSONResponse({"resourceType": "OperationOutcome",
                         "issue": [{"severity": "error", "code": code, "diagnostics": text}]},
                        status_code=status, media_type=FHIR_JSON)


def audit_router(token: str | None, checkpoints: Callable[[str], list[Checkpoint] | None]) -> APIRouter:
    router = APIRouter(tags=["audit"])

    @router.get("/fhir/AuditEvent")
    async def search(request: Request) -> JSONResponse:
        if not token:
            return _outcome(503, "not-supported", "audit search is not configured (CHARTRAG_AUDIT_READER_TOKEN)")
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return _outcome(401, "security", "a valid audit reader token is required")
        params = request.query_params
        if set(params) - set(PARAMETERS):  # named in the message by what is supported, never by what was sent
            return _outcome(400, "not-supported", f"unsupported search parameter; supported: {', '.join(PARAMETERS)}")
        since = until = None
        for value in params.getlist("date"):
            prefix, day = value[:2], value[2:]
            if prefix not in ("ge", "le") or not day[:4].isdigit():
                return _outcome(400, "invalid", "date must be geYYYY-MM-DD or leYYYY-MM-DD")
            since, until = (day, until) if prefix == "ge" else (since, day)
        try:
            count = min(int(params.get("_count", "100")), MAX_COUNT)
        except ValueError:
            return _outcome(400, "invalid", "_count must be a number")
        if count < 0:
            return _outcome(400, "invalid", "_count must not be negative")
        patient = (params.get("patient") or "").removeprefix("Patient/") or None
        audit: JsonlAuditLog = request.app.state.runtime.service.audit

        def read() -> tuple[str | None, list[dict[str, Any]], int]:
            checked = verify(audit.path, audit.key, checkpoints(audit.key.log_id))
            if not checked.ok:
                return checked.reason, [], 0
            found: deque[dict[str, Any]] = deque(maxlen=count or None)
            total = 0
            for record in records(audit.path) if audit.path.exists() else []:
                if matches(record, patient, params.get("agent"), since, until):
                    total += 1
                    found.append(record)
            return None, [audit_event(r, audit.key.log_id) for r in reversed(found)][:count], total

        problem, events, total = await asyncio.to_thread(read)
        audit.record({"event": "audit_read", "requester": "audit-reader-token", "patient_id": patient,
                      "outcome": "refused: log does not verify" if problem else "served", "status": 500 if problem else 200})
        if problem:
            return _outcome(500, "exception", f"the audit log does not verify ({problem})")
        return JSONResponse(bundle(events, total), media_type=FHIR_JSON)

    return router

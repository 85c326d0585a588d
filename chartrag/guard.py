"""ASGI guards the composition root puts around the whole app (framework-free, so they see every request
before any route parses it):

- ``BodyLimits``: a request body larger than its route's limit is answered 413 from ``Content-Length``
  alone, or as soon as a streamed body passes the limit — never read whole, never echoed;
- ``CdsCors``: CORS only on ``/cds-services*`` (the CDS Hooks spec's browser-based clients), for the
  configured origins; every other path answers no CORS header, so no web page can read the JSON API;
- ``AuditRejections``: every request answered 4xx/5xx is an audit event (route template, status,
  client address; never the path's values, the query or the body).
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.middleware.cors import CORSMiddleware

from rag_core.telemetry import METRICS, annotate, span

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KIB = 1024
MIB = 1024 * KIB
# (path prefix, limit): the first prefix that matches wins
DEFAULT_LIMITS: tuple[tuple[str, int], ...] = (
    ("/api/", 64 * KIB),
    ("/app/", 64 * KIB),
    ("/cds-services/", 8 * MIB),  # prefetch may carry a page of labs and notes
    ("/fhir/notify", 20 * MIB),  # a notification Bundle with included resources and attachments
)
FALLBACK_LIMIT = 64 * KIB


def _problem(path: str, status: int, message: str) -> tuple[bytes, bytes]:
    """The error body each surface's callers expect: OperationOutcome for FHIR, {"error"} for CDS."""
    if path.startswith("/fhir"):
        code = "too-costly" if status == 413 else "invalid"
        body: dict[str, Any] = {"resourceType": "OperationOutcome",
                                "issue": [{"severity": "error", "code": code, "diagnostics": message}]}
        return json.dumps(body).encode(), b"application/fhir+json"
    if path.startswith("/cds-services"):
        return json.dumps({"error": message}).encode(), b"application/json"
    return json.dumps({"detail": message}).encode(), b"application/json"


async def _respond(send: Send, path: str, status: int, message: str) -> None:
    body, media = _problem(path, status, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", media), (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store"), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyLimits:
    def __init__(self, app: ASGIApp, limits: tuple[tuple[str, int], ...] = DEFAULT_LIMITS,
                 fallback: int = FALLBACK_LIMIT) -> None:
        self.app, self.limits, self.fallback = app, limits, fallback

    def limit_for(self, path: str) -> int:
        return next((limit for prefix, limit in self.limits if path.startswith(prefix)), self.fallback)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        path, limit = scope["path"], self.limit_for(scope["path"])
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _respond(send, path, 400, "Content-Length is not a number")
                return
            if int(declared) > limit:
                await _respond(send, path, 413, f"request body over {limit} bytes")
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _respond(send, path, 413, f"request body over {limit} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class CdsCors:
    def __init__(self, app: ASGIApp, origins: list[str], prefix: str = "/cds-services") -> None:
        self.app, self.prefix = app, prefix
        self.cors = CORSMiddleware(app, allow_origins=origins, allow_methods=["GET", "POST", "OPTIONS"],
                                   allow_headers=["Authorization", "Content-Type"], allow_credentials=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(self.prefix):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def route_template(scope: Scope) -> str:
    """The matched route's template (``/fhir/notify/{resource_type}/{resource_id}``), never raw values."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    return str(template) if isinstance(template, str) else "(no route)"


async def _watched(app: ASGIApp, scope: Scope, receive: Receive, send: Send, status: list[int]) -> None:
    """Run ``app``, noting the response status in ``status`` as it is sent (empty if none was)."""
    async def watch(message: Message) -> None:
        if message["type"] == "http.response.start":
            status.append(int(message["status"]))
        await send(message)

    await app(scope, receive, watch)


class AuditRejections:
    """Audits every response with status >= 400 through ``sink`` (looked up per request: the runtime, and
    with it the audit log, exists only once the app's lifespan has started)."""

    def __init__(self, app: ASGIApp, sink: Callable[[Scope], Callable[[dict[str, Any]], object] | None]) -> None:
        self.app, self.sink = app, sink

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status: list[int] = []
        try:
            await _watched(self.app, scope, receive, send, status)
        finally:
            code = status[0] if status else 500
            record = self.sink(scope) if code >= 400 else None
            if record is not None:
                client = scope.get("client")
                record({"event": "http_rejected", "method": str(scope.get("method", ""))[:10],
                        "route": route_template(scope), "surface": _surface(scope["path"]), "status": code,
                        "client_address": client[0] if client else None})


class Telemetry:
    """A span and two metrics per request, labelled by route template and status only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status: list[int] = []
        started = time.perf_counter()
        method = str(scope.get("method", ""))[:10]
        with span(f"HTTP {method}", **{"http.request.method": method}) as current:
            try:
                await _watched(self.app, scope, receive, send, status)
            finally:
                route = route_template(scope)
                code = status[0] if status else 500
                annotate(current, **{"http.route": route, "http.response.status_code": code})
                METRICS.requests.labels(route, str(code)).inc()
                METRICS.latency.labels(route).observe(time.perf_counter() - started)


def _surface(path: str) -> str:
    for prefix, name in (("/api/", "api"), ("/app", "smart_app"), ("/cds-services", "cds_hooks"),
                         ("/fhir/AuditEvent", "audit"), ("/fhir/", "fhir_ingest"), ("/launch", "smart_app"),
                         ("/callback", "smart_app")):
        if path.startswith(prefix):
            return name
    return "other"

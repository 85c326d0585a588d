"""ASGI guards the composition root puts around the whole app (framework-free, so they see every request
before any route parses it):

- ``BodyLimits``: credential first, then the body, streamed. A route reads no byte of a request body
  until it has checked the caller's credential from the headers and said so (``request.state.
  credential_checked = True``: the JSON API's bearer, the notification channel secret, the CDS client's
  JWT, the SMART session + CSRF token); a route that asks for the body before that is answered 401. So an
  unauthenticated upload is refused from its headers, its body left unread on the socket, and the
  connection closed — 40 unauthenticated 20 MB uploads cost no memory. The body is then handed to the
  route as it arrives, never buffered here: larger than its route's limit → 413 (from ``Content-Length``
  alone, or as soon as a streamed body passes the limit); no data for ``body_read_timeout_seconds``
  (a slowloris-style stall), or a body not complete ``body_total_timeout_seconds`` after the route first
  asked for it (a slow drip that never stalls) → 408, the connection closed. Never echoed. A stall in the
  request *headers* is not bounded here (the route is not called before they are complete): that is the
  reverse proxy's header timeout;
- ``CdsCors``: CORS only on ``/cds-services*`` (the CDS Hooks spec's browser-based clients), for the
  configured origins; every other path answers no CORS header, so no web page can read the JSON API;
- ``AuditRejections``: every request answered 4xx/5xx is an audit event (route template, status,
  client address; never the path's values, the query or the body); a client that hangs up before any
  answer is audited as ``http_client_closed``, not as a server error;
- ``Telemetry``: a span, two metrics and an access-log line per request, by route template and status
  only (``499`` when the client hung up first: it never counts as a 5xx).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect

from rag_core.telemetry import METRICS, annotate, span

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

access_log = logging.getLogger("chartrag.access")

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
DEFAULT_READ_TIMEOUT = 15.0
DEFAULT_TOTAL_TIMEOUT = 60.0
# the request-state flag a route sets once the caller's credential has been checked from the headers
CREDENTIAL_CHECKED = "credential_checked"
# the scope key under which the guards note that the client hung up before any answer
CLIENT_CLOSED = "chartrag.client_closed"
CLIENT_CLOSED_STATUS = 499  # nginx's "client closed request": a 4xx, so it never feeds a 5xx alarm


class GuardSettings(BaseSettings):
    """HTTP guard settings, env prefix ``CHARTRAG_HTTP_``."""

    model_config = SettingsConfigDict(env_prefix="CHARTRAG_HTTP_", extra="ignore")

    body_read_timeout_seconds: float = Field(
        default=DEFAULT_READ_TIMEOUT, gt=0,
        description="A request body that sends no data for this long is answered 408 and its connection closed")
    body_total_timeout_seconds: float = Field(
        default=DEFAULT_TOTAL_TIMEOUT, gt=0,
        description="A request body not complete this long after the route first reads it (however steadily it "
                    "drips) is answered 408 and its connection closed")


def credential_checked(scope: Scope) -> bool:
    """Whether the route has checked the caller's credential (``request.state.credential_checked = True``)."""
    state = scope.get("state")
    return isinstance(state, Mapping) and state.get(CREDENTIAL_CHECKED) is True


def client_closed(scope: Scope) -> bool:
    return scope.get(CLIENT_CLOSED) is True


def _problem(path: str, status: int, message: str) -> tuple[bytes, bytes]:
    """The error body each surface's callers expect: OperationOutcome for FHIR, {"error"} for CDS."""
    if path.startswith("/fhir"):
        code = {413: "too-costly", 401: "security", 408: "timeout"}.get(status, "invalid")
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


class BodyRefused(Exception):
    """Raised from ``receive`` when the body may not (401), cannot (413) or did not in time (408) arrive.
    Deliberately not a ``ValueError``: no route's parse-error handler may mistake it for a bad body."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class _Body:
    size: int = 0
    finished: bool = False  # the last body message (or a disconnect) has been delivered
    deadline: float | None = None  # loop time by which the whole body must have arrived (set at the first read)
    disconnected: bool = False
    started: bool = False  # a response has started


class BodyLimits:
    def __init__(self, app: ASGIApp, limits: tuple[tuple[str, int], ...] = DEFAULT_LIMITS,
                 fallback: int = FALLBACK_LIMIT, read_timeout: float = DEFAULT_READ_TIMEOUT,
                 total_timeout: float = DEFAULT_TOTAL_TIMEOUT) -> None:
        self.app, self.limits, self.fallback, self.read_timeout = app, limits, fallback, read_timeout
        self.total_timeout = total_timeout

    def limit_for(self, path: str) -> int:
        return next((limit for prefix, limit in self.limits if path.startswith(prefix)), self.fallback)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
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
        if not (declared is not None and int(declared) > 0) and b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body: nothing to guard
            return
        body = _Body()

        async def guarded() -> Message:
            if body.finished:
                return await receive()  # after the body: a disconnect, awaited by streaming responses
            if not credential_checked(scope):
                raise BodyRefused(401, "a valid credential is required before the request body is read")
            now = asyncio.get_running_loop().time()
            if body.deadline is None:
                body.deadline = now + self.total_timeout
            left = body.deadline - now
            try:
                if left <= 0:
                    raise TimeoutError
                message = await asyncio.wait_for(receive(), min(self.read_timeout, left))
            except TimeoutError:
                if left <= self.read_timeout:  # the whole-body deadline ran out first (a slow drip)
                    raise BodyRefused(408, f"request body not complete within {self.total_timeout:g} s") from None
                raise BodyRefused(408, f"no request body data for {self.read_timeout:g} s") from None
            if message["type"] == "http.disconnect":
                body.finished = body.disconnected = True
                scope[CLIENT_CLOSED] = True
                return message
            body.size += len(message.get("body", b""))
            if body.size > limit:
                raise BodyRefused(413, f"request body over {limit} bytes")
            body.finished = not message.get("more_body", False)
            return message

        async def watched(message: Message) -> None:
            if message["type"] == "http.response.start":
                body.started = True
                if not body.finished:  # answered without reading the body: the rest is not read either
                    message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        refused: BodyRefused | None = None
        try:  # except*: the refusal may reach here inside an exception group (anyio task groups in middleware)
            await self.app(scope, guarded, watched)
        except* BodyRefused as group:
            refused = _first(group, BodyRefused)
        except* ClientDisconnect:
            if not body.disconnected:
                raise
            # the client hung up while sending: nobody is left to answer (the outer guards record it as such)
        if refused is not None and not body.started:
            await _respond(send, path, refused.status, refused.message)


E = TypeVar("E", bound=BaseException)


def _first(group: BaseExceptionGroup[E], kind: type[E]) -> E:
    """The first ``kind`` exception in a (possibly nested) exception group."""
    for exc in group.exceptions:
        if isinstance(exc, kind):
            return exc
        if isinstance(exc, BaseExceptionGroup):
            return _first(exc, kind)
    raise LookupError(kind.__name__)


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
    """Run ``app``, noting the response status in ``status`` as it is sent (empty if none was), and in the
    scope whether the client hung up."""
    async def listen() -> Message:
        message = await receive()
        if message["type"] == "http.disconnect":
            scope[CLIENT_CLOSED] = True
        return message

    async def watch(message: Message) -> None:
        if message["type"] == "http.response.start":
            status.append(int(message["status"]))
        await send(message)

    await app(scope, listen, watch)


def _outcome(scope: Scope, status: list[int]) -> int:
    """The status answered; 499 when the client hung up before any answer; else 500 (the app failed)."""
    if status:
        return status[0]
    return CLIENT_CLOSED_STATUS if client_closed(scope) else 500


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
            code = _outcome(scope, status)
            record = self.sink(scope) if code >= 400 else None
            if record is not None:
                client = scope.get("client")
                event: dict[str, Any] = {"event": "http_rejected", "method": str(scope.get("method", ""))[:10],
                                         "route": route_template(scope), "surface": _surface(scope["path"]),
                                         "status": code, "client_address": client[0] if client else None}
                if not status and client_closed(scope):  # nothing was answered: not a rejection, not an error
                    del event["status"]
                    event.update(event="http_client_closed", outcome="client disconnected before the response")
                record(event)


class Telemetry:
    """A span, two metrics and an access-log line per request, labelled by route template and status only
    (never the path's values or the query: they carry patient ids and SMART launch tokens)."""

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
                code = _outcome(scope, status)
                elapsed = time.perf_counter() - started
                annotate(current, **{"http.route": route, "http.response.status_code": code})
                METRICS.requests.labels(route, str(code)).inc()
                METRICS.latency.labels(route).observe(elapsed)
                access_log.info("%s %s %d %.1f ms", method, route, code, elapsed * 1000)


def _surface(path: str) -> str:
    for prefix, name in (("/api/", "api"), ("/app", "smart_app"), ("/cds-services", "cds_hooks"),
                         ("/fhir/AuditEvent", "audit"), ("/fhir/", "fhir_ingest"), ("/launch", "smart_app"),
                         ("/callback", "smart_app")):
        if path.startswith(prefix):
            return name
    return "other"

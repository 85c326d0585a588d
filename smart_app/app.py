"""The ChartRAG web app: SMART launch + clinician page + JSON API, with security headers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from rag_core.errors import ChartRagError, IsolationError, PatientNotIndexed
from rag_core.runtime import Runtime
from smart_app.api import api_router
from smart_app.discovery import Discovery
from smart_app.errors import SmartLaunchError
from smart_app.fhir_client import FhirReader
from smart_app.routes import SmartApp, error_page, smart_router
from smart_app.session import MemorySessionStore, RedisSessionStore, SessionStore
from smart_app.settings import SmartSettings

log = logging.getLogger("chartrag")
HERE = Path(__file__).resolve().parent


def create_app(
    runtime_factory: Callable[[], Awaitable[Runtime]],
    settings: SmartSettings | None = None,
    http_client: httpx.AsyncClient | None = None,
    oauth_transport: Any = None,
) -> FastAPI:
    settings = settings or SmartSettings()
    client = http_client or httpx.AsyncClient(timeout=10.0)
    store: SessionStore = (
        RedisSessionStore(settings.redis_url, settings.session_ttl_seconds)
        if settings.redis_url
        else MemorySessionStore(settings.session_ttl_seconds)
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    smart = SmartApp(settings, store, Discovery(client), FhirReader(client), templates, oauth_transport)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.runtime = await runtime_factory()
        runtime: Runtime = app.state.runtime
        log.warning(
            "ChartRAG ready: index backend %s in %s; embedding cache: %s; sessions: %s",
            runtime.settings.index_backend,
            runtime.settings.data_dir,
            runtime.cache_kind,
            "redis" if settings.redis_url else "in-process (no REDIS_URL)",
        )
        try:
            yield
        finally:
            await app.state.runtime.close()
            if http_client is None:
                await client.aclose()

    # FastAPI's own OpenTelemetry spans record the raw path and query (patient ids, SMART launch tokens) and
    # its logs exception messages: off. ChartRAG's spans (chartrag.guard.Telemetry) carry route templates only.
    app = FastAPI(title="ChartRAG", version="0.1.0", lifespan=lifespan,
                  telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False,
                             "auto_configure": False})
    app.state.smart = smart

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            f"base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors {settings.frame_ancestors}"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(SmartLaunchError)
    async def smart_error(request: Request, exc: SmartLaunchError) -> Response:
        return error_page(smart, request, exc)

    @app.exception_handler(IsolationError)
    async def isolation(_: Request, exc: IsolationError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=403)

    @app.exception_handler(PatientNotIndexed)
    async def not_indexed(_: Request, exc: PatientNotIndexed) -> JSONResponse:
        return JSONResponse({"detail": f"patient not indexed: {exc}"}, status_code=404)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)  # never the input back

    @app.exception_handler(ValueError)
    async def bad_value(_: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(ChartRagError)
    async def core_error(_: Request, exc: ChartRagError) -> JSONResponse:
        return JSONResponse({"detail": type(exc).__name__}, status_code=503)

    app.include_router(api_router(settings.api_token, settings.trust_loopback))
    app.include_router(smart_router(smart))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:  # browsers ask here before they read the page's <link rel=icon>
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})
    return app

"""SMART launch, the clinician page and its streaming ask endpoint.

Flow: ``/launch`` (EHR: ``iss`` + ``launch``; standalone: neither) → EHR authorize → ``/callback``
(state checked and consumed, code exchanged with PKCE) → ``/app``. The patient and the clinician
always come from the token held in the server-side session, never from the page or a form.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from rag_core.citations import GUIDELINE_HEADING, guideline_label
from rag_core.models import CLINICAL_GUIDELINES, Citation, ValidatedAnswer
from rag_core.runtime import Runtime
from rag_core.wire import strict_loads
from smart_app.discovery import Discovery, check_issuer
from smart_app.errors import SessionEnded, SmartLaunchError, StateMismatch, TokenError, ehr_code, ehr_text
from smart_app.fhir_client import EhrRejected, FhirReader, banner_of, note_text
from smart_app.oauth import ClientKey, LaunchContext, PendingLaunch, authorization_url, exchange_code, refresh
from smart_app.session import COOKIE, SessionCookies, SessionStore
from smart_app.settings import SmartSettings

log = logging.getLogger("chartrag.smart")
R = TypeVar("R")
PENDING_MAX_AGE = 600  # seconds a launch may take between /launch and /callback
MAX_PENDING = 5
SUGGESTIONS = (
    "What was the most recent hemoglobin A1c result?",
    "How has the body weight changed over the last 5 years?",
    "What medications are currently active?",
    "What allergies are documented for this patient?",
    "What did the last note say in its assessment and plan?",
    "Which screenings are recommended at this patient's age?",
)


class AskBody(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


class SmartApp:
    def __init__(
        self,
        settings: SmartSettings,
        store: SessionStore,
        discovery: Discovery,
        fhir: FhirReader,
        templates: Jinja2Templates,
        oauth_transport: Any = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.cookies = SessionCookies(settings.session_secret, settings.session_ttl_seconds)
        self.discovery = discovery
        self.fhir = fhir
        self.templates = templates
        self.oauth_transport = oauth_transport  # tests and the demo may route OAuth calls in process
        self.client_key = (
            ClientKey.from_jwk(json.loads(settings.client_key_file.read_text(encoding="utf-8")))
            if settings.client_key_file
            else None
        )

    # ------------------------------------------------------------------ session helpers
    def _session(self, request: Request) -> tuple[str, dict[str, Any]]:
        sid = self.cookies.unsign(request.cookies.get(COOKIE))
        data = self.store.load(sid) if sid else None
        if sid is None or data is None:
            return self.cookies.new_sid(), {}
        return sid, data

    def _renewed(self, old_sid: str, data: dict[str, Any]) -> str:
        """Save ``data`` under a fresh session id and delete the old one server-side: a session id that
        existed before a launch (one an attacker may have planted in this browser) never becomes, or stays,
        an authenticated session (session fixation)."""
        sid = self.cookies.new_sid()
        self.store.save(sid, data)
        self.store.delete(old_sid)
        return sid

    def _set_cookie(self, response: Response, sid: str) -> None:
        response.set_cookie(
            COOKIE,
            self.cookies.sign(sid),
            max_age=self.settings.session_ttl_seconds,
            httponly=True,
            secure=self.settings.cookie_secure,
            samesite="none" if self.settings.cookie_secure else "lax",  # "none" needs Secure; EHR iframes need it
            path="/",
        )

    def page(self, request: Request, title: str, message: str, status: int) -> Response:
        return self.templates.TemplateResponse(
            request, "message.html", {"title": title, "message": message}, status_code=status
        )

    async def _context(self, request: Request) -> tuple[str, dict[str, Any], LaunchContext] | None:
        """The session's launch context, refreshed when its token is due; None without a launch. A refresh
        the EHR refuses ends the session (``SessionEnded``)."""
        sid, data = self._session(request)
        if "ctx" not in data:
            return None
        ctx = LaunchContext.from_session(data["ctx"])
        if ctx.expired:
            ctx = await self._renew(request, sid, data, ctx)
        return sid, data, ctx

    async def _renew(self, request: Request, sid: str, data: dict[str, Any], ctx: LaunchContext) -> LaunchContext:
        try:
            config = await self.discovery.get(ctx.iss)
            renewed = await refresh(config, self.settings.client_id, ctx, transport=self.oauth_transport,
                                    key=self.client_key)
        except SmartLaunchError as exc:
            self._end(request, sid, data, ctx, exc.ehr_error or "refresh_refused")
            raise SessionEnded(
                "The EHR no longer accepts this ChartRAG session, so it has stopped answering. "
                "Relaunch ChartRAG from the patient's chart.", exc.ehr_error, exc.ehr_description) from None
        data["ctx"] = renewed.to_session()
        self.store.save(sid, data)
        return renewed

    def _end(self, request: Request, sid: str, data: dict[str, Any], ctx: LaunchContext, reason: str) -> None:
        """Forget the session's tokens and citations; audit who lost access to which chart, and why."""
        for key in ("ctx", "citations", "csrf"):
            data.pop(key, None)
        self.store.save(sid, data)
        log.warning("SMART session ended: the EHR refused its token (%s)", reason)
        runtime = getattr(request.app.state, "runtime", None)
        if runtime is not None:
            runtime.service.audit.record({
                "event": "session_ended", "requester": requester_of(ctx), "patient_id": str(ctx.patient),
                "client": ctx.iss, "channel": "smart_app", "outcome": f"ehr_rejected:{reason}"})

    async def _from_ehr(self, request: Request, sid: str, data: dict[str, Any], ctx: LaunchContext,
                        read: Callable[[LaunchContext], Awaitable[R]]) -> tuple[LaunchContext, R]:
        """One read from the EHR with the session's token — what the page needs (the Patient, a note) or,
        when it needs nothing, the smallest read the scopes allow (``_probe``): either way it tells whether
        the EHR still accepts the session. A 401 is answered by one refresh; if the EHR refuses that too,
        the session ends: nothing more is answered from the index on its behalf."""
        for attempt in (1, 2):
            try:
                return ctx, await read(ctx)
            except EhrRejected:
                if attempt == 2 or not ctx.refresh_token:
                    break
                ctx = await self._renew(request, sid, data, ctx)
        self._end(request, sid, data, ctx, "invalid_token")
        raise SessionEnded("The EHR no longer accepts this ChartRAG session (its access was revoked or expired), "
                           "so ChartRAG has stopped answering. Relaunch ChartRAG from the patient's chart.",
                           "invalid_token")

    async def _probe(self, ctx: LaunchContext) -> bool:
        return await self.fhir.still_accepted(ctx.iss, ctx.access_token, str(ctx.patient), self._probe_type(ctx))

    def _reading(self, resource_type: str, resource_id: str) -> Callable[[LaunchContext], Awaitable[dict[str, Any] | None]]:
        async def read(ctx: LaunchContext) -> dict[str, Any] | None:
            return await self.fhir.read(ctx.iss, ctx.access_token, resource_type, resource_id)

        return read

    @staticmethod
    def _probe_type(ctx: LaunchContext) -> str:
        types = ctx.scopes.resource_types
        if "Patient" in types:
            return "Patient"
        unrestricted = sorted(t for t in types if t not in ctx.scopes.categories)
        return (unrestricted or sorted(types))[0]

    # ------------------------------------------------------------------ launch
    async def launch(self, request: Request, iss: str | None = None, launch: str | None = None) -> Response:
        issuer = iss or self.settings.standalone_issuer
        if not issuer:
            return self.page(request, "Launch ChartRAG from your EHR", "This link needs the EHR's launch context.", 400)
        allowed = [*self.settings.allowed_issuers]
        if self.settings.standalone_issuer:
            allowed.append(self.settings.standalone_issuer)
        issuer = check_issuer(issuer, allowed)
        config = await self.discovery.get(issuer)
        scope = self.settings.scope if launch else self.settings.standalone_scope
        pending = PendingLaunch.new(issuer, self.settings.redirect_uri, scope, launch)
        old_sid, data = self._session(request)
        waiting = data.get("pending", {})
        waiting[pending.state] = asdict(pending)
        # a (re)launch starts a new session: only launches still waiting for their callback carry over (two
        # tabs may launch at once); an earlier session's tokens, CSRF token and citations end with its id
        sid = self._renewed(old_sid, {
            "pending": dict(sorted(waiting.items(), key=lambda kv: kv[1]["created"])[-MAX_PENDING:])})
        response = RedirectResponse(authorization_url(config, self.settings.client_id, pending), status_code=302)
        self._set_cookie(response, sid)
        return response

    async def callback(
        self,
        request: Request,
        state: str | None = None,
        code: str | None = None,
        error: str | None = None,
        error_description: str | None = None,
    ) -> Response:
        sid, data = self._session(request)
        waiting: dict[str, Any] = data.get("pending", {})
        stored = waiting.pop(state, None) if state else None  # consumed whatever happens next
        data["pending"] = waiting
        self.store.save(sid, data)
        if stored is None or time.time() - stored["created"] > PENDING_MAX_AGE:
            # an error redirect is believed only with this browser's own state: anyone can craft a link
            self._launch_failed(request, None, "state_mismatch")
            raise StateMismatch("This sign-in link is not valid for this browser session (its state is unknown, "
                                "already used or expired). Please relaunch ChartRAG from the patient's chart.")
        if error:  # the EHR said why (RFC 6749 §4.1.2.1): log and show it
            code_word = ehr_code(error) or "unknown_error"
            log.warning("SMART launch failed at the EHR's authorization endpoint: %s (%s)", code_word,
                        ehr_text(error_description) or "no description")
            self._launch_failed(request, stored["iss"], code_word)
            raise TokenError("The EHR did not authorize ChartRAG.", error, error_description)
        if not code:
            raise TokenError("The EHR returned no authorization code.")
        pending = PendingLaunch(**stored)
        config = await self.discovery.get(pending.iss)
        try:
            ctx = await exchange_code(config, self.settings.client_id, pending, code, transport=self.oauth_transport,
                                      key=self.client_key)
        except SmartLaunchError as exc:
            log.warning("SMART launch failed at the EHR's token endpoint: %s (%s)", exc.ehr_error or type(exc).__name__,
                        exc.ehr_description or "no description")
            self._launch_failed(request, pending.iss, exc.ehr_error or "token_refused")
            raise
        if not ctx.patient:
            return self.page(request, "No patient selected",
                             "ChartRAG answers questions about one patient: open a patient's chart and relaunch.", 400)
        if not ctx.scopes.can_read_chart:
            return self.page(request, "No access to the chart",
                             "The EHR granted no read access to clinical data, so ChartRAG cannot answer.", 403)
        runtime = getattr(request.app.state, "runtime", None)
        if runtime is not None:  # who opened which chart, with what access (no names, no token)
            runtime.service.audit.record({
                "event": "launch", "requester": requester_of(ctx),
                "patient_id": str(ctx.patient), "client": pending.iss, "granted_types": sorted(ctx.scopes.resource_types),
                "outcome": "launched"})
        # signed in: a new session id and a new CSRF token; the pre-login session is deleted
        sid = self._renewed(sid, {"pending": waiting, "ctx": ctx.to_session(), "csrf": secrets.token_urlsafe(32),
                                  "citations": {}})
        response = RedirectResponse("/app", status_code=303)
        self._set_cookie(response, sid)
        return response

    def _launch_failed(self, request: Request, iss: str | None, reason: str) -> None:
        runtime = getattr(request.app.state, "runtime", None)
        if runtime is not None:
            runtime.service.audit.record({"event": "launch", "requester": "unauthenticated", "client": iss or "unknown",
                                          "channel": "smart_app", "outcome": f"failed:{reason}"})

    # ------------------------------------------------------------------ page
    async def app_page(self, request: Request) -> Response:
        found = await self._context(request)
        if found is None:
            return self.page(request, "Launch ChartRAG from your EHR", "There is no active ChartRAG session.", 401)
        sid, data, ctx = found
        if "Patient" in ctx.scopes.resource_types:  # the banner's read is the check that the EHR accepts us
            ctx, patient = await self._from_ehr(request, sid, data, ctx, self._reading("Patient", str(ctx.patient)))
        else:
            ctx, _ = await self._from_ehr(request, sid, data, ctx, self._probe)
            patient = None
        banner = None
        if ctx.need_patient_banner and ctx.patient:
            banner = banner_of(patient)
            # without a Patient scope nothing is read: the banner is what the launch context says
            banner = banner or {"name": "Patient in context", "birth_date": "", "gender": "", "deceased": "",
                                "note": "name and details not shared with ChartRAG (no Patient scope)"}
        return self.templates.TemplateResponse(
            request,
            "app.html",
            {
                "banner": banner,
                "csrf": data["csrf"],
                "suggestions": SUGGESTIONS,
                "reads": reads_of(ctx),
            },
        )

    async def jwks(self) -> Response:
        """The confidential client's public key set, for JWKS-URL registration with an EHR."""
        keys = [self.client_key.public_jwk()] if self.client_key else []
        return JSONResponse({"keys": keys})

    async def style(self, request: Request) -> Response:
        """CSS variables from the EHR's ``smart_style_url`` (validated values only), else nothing."""
        try:
            found = await self._context(request)
        except SmartLaunchError:
            found = None
        css = ""
        if found is not None and found[2].smart_style_url:
            css = style_css(await self.fhir.style(found[2].smart_style_url))
        return Response(css, media_type="text/css")

    async def _posting_session(self, request: Request) -> tuple[str, dict[str, Any], LaunchContext] | Response:
        """The session behind a POST from the page: the session, its CSRF token (checked before anything reaches
        the EHR), then the EHR's word that it still accepts the token — or the response that says why not."""
        try:
            found = await self._context(request)
            if found is None:
                return ended_json(None)
            sid, data, ctx = found
            token = request.headers.get("x-csrf-token", "")
            if not token or not secrets.compare_digest(token, data.get("csrf", "")):
                return JSONResponse({"detail": "missing or wrong CSRF token"}, status_code=403)
            ctx, _ = await self._from_ehr(request, sid, data, ctx, self._probe)
        except SmartLaunchError as exc:
            return ended_json(exc)
        request.state.credential_checked = True  # session + CSRF checked from the headers: the body may be read
        return sid, data, ctx

    async def ask(self, request: Request, runtime: Runtime) -> Response:
        session = await self._posting_session(request)
        if isinstance(session, Response):
            return session
        sid, data, ctx = session
        try:
            body = AskBody.model_validate(strict_loads(await request.body()))
        except ValueError:  # WireError and pydantic's ValidationError are ValueErrors
            return JSONResponse({"detail": "send JSON {\"question\": \"...\"}"}, status_code=422)
        requester = requester_of(ctx)
        scope = ctx.scopes.patient_scope(str(ctx.patient), requester)
        answer = await runtime.service.answer(body.question, scope, channel="smart_app")
        data["citations"] = {c.chunk_id: c.model_dump() for c in [*answer.citations, *answer.closest]}
        self.store.save(sid, data)
        return StreamingResponse(_events(answer), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    async def similar(self, request: Request, runtime: Runtime) -> Response:
        """Similar past cases for the session's patient: the same session, CSRF and EHR checks as a question."""
        from rag_core.similar_cases import similar_for_patient

        session = await self._posting_session(request)
        if isinstance(session, Response):
            return session
        _, _, ctx = session
        scope = ctx.scopes.patient_scope(str(ctx.patient), requester_of(ctx))
        found_profile, matches = await similar_for_patient(runtime.service.retriever, runtime.service.audit, scope,
                                                           5, "smart_app")
        return JSONResponse({"profile_found": found_profile,
                             "cases": [{"case_id": m.case_id, "age_group": m.age_group, "sex": m.sex,
                                        "summary": m.summary} for m in matches]},
                            headers={"Cache-Control": "no-store"})

    async def source(self, request: Request, chunk_id: str) -> Response:
        try:
            found = await self._context(request)
            if found is None:
                return ended_json(None)
            sid, data, ctx = found
            citation = data.get("citations", {}).get(chunk_id)
            guideline = citation is not None and citation.get("namespace") == CLINICAL_GUIDELINES
            if citation is None or (citation["patient_id"] != ctx.patient and not guideline):
                return JSONResponse({"detail": "not a citation of this session's answer"}, status_code=404)
            if guideline:  # a guideline passage: no chart data, nothing to re-read from the EHR
                return JSONResponse(_guideline_source(citation))
            full = None  # a cited source is a read too: shown only while the EHR accepts the session
            if citation["resource_type"] in ("DocumentReference", "DiagnosticReport"):  # the note, re-read
                ctx, resource = await self._from_ehr(request, sid, data, ctx,
                                                     self._reading(*citation["reference"].split("/", 1)))
                full = note_text(resource)
            else:
                ctx, _ = await self._from_ehr(request, sid, data, ctx, self._probe)
        except SmartLaunchError as exc:
            return ended_json(exc)
        runtime = getattr(request.app.state, "runtime", None)
        if runtime is not None:  # opening a cited source is a read of the chart
            runtime.service.audit.record({
                "event": "source_view", "requester": requester_of(ctx),
                "patient_id": str(ctx.patient), "references": [citation["reference"]], "channel": "smart_app",
                "outcome": "shown"})
        text, highlight = citation["text"], None
        if full and citation["end"] <= len(full):
            text, highlight = full, [citation["start"], citation["end"]]
        return JSONResponse({
            "reference": citation["reference"],
            "resource_type": citation["resource_type"],
            "effective_date": citation["effective_date"],
            "section": citation["section"],
            "text": text,
            "highlight": highlight,
        })


# SMART style keys → ChartRAG's CSS variables; values must look like colours / sizes / font names.
STYLE_VARIABLES = {
    "color_background": "--bg", "color_highlight": "--accent", "color_text": "--ink", "color_error": "--error",
    "dim_border_radius": "--radius", "font_family_body": "--font",
}
_SAFE_VALUE = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\([0-9., %]+\)|[0-9.]+(px|em|rem)|[A-Za-z0-9 ,'\"-]{1,80})$")


def reads_of(ctx: LaunchContext) -> list[str]:
    """What the session may read, as the banner says it: each granted type, with its category limit."""
    cats = ctx.scopes.categories
    return [f"{t} ({', '.join(sorted(cats[t]))} only)" if t in cats else t for t in sorted(ctx.scopes.resource_types)]


def ended_json(exc: SmartLaunchError | None) -> JSONResponse:
    """What the page's script shows when the session is gone: plain words and a relaunch instruction."""
    if exc is None:
        return JSONResponse({"detail": "There is no active ChartRAG session. Relaunch ChartRAG from the patient's "
                                       "chart.", "relaunch": True, "title": "No active session"}, status_code=401)
    return JSONResponse({"detail": str(exc), "title": exc.title, "ehr_said": exc.plain, "ehr_error": exc.ehr_error,
                         "relaunch": True}, status_code=401)


def requester_of(ctx: LaunchContext) -> str:
    """Who asks, as the EHR said: the fhirUser, else the id token's subject."""
    return ctx.fhir_user or f"token-subject:{ctx.id_token_claims.get('sub', 'unknown')}"


def style_css(style: dict[str, Any] | None) -> str:
    if not style:
        return ""
    declarations = [
        f"{var}: {style[key]};"
        for key, var in STYLE_VARIABLES.items()
        if isinstance(style.get(key), str) and _SAFE_VALUE.match(style[key])
    ]
    return ":root { " + " ".join(declarations) + " }\n" if declarations else ""


def _guideline_source(citation: dict[str, Any]) -> dict[str, Any]:
    ref = citation.get("guideline") or {}
    return {"reference": f"{ref.get('issuer', '')}: {ref.get('title', '')}", "resource_type": "Guideline",
            "effective_date": ref.get("published"), "section": " › ".join(ref.get("section_path") or ()) or None,
            "text": citation["text"], "highlight": None, "guideline": ref}


def _chip(n: int, citation: Citation) -> dict[str, Any]:
    chip: dict[str, Any] = {"n": n, "chunk_id": citation.chunk_id, "reference": citation.reference,
                            "resource_type": citation.resource_type, "date": citation.effective_date}
    if citation.guideline is not None:  # shown apart: what a guideline says, not a fact of this chart
        chip.update(kind="guideline", label=guideline_label(citation))
    return chip


def _sse(event: str, payload: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(payload)}\n\n"


async def _events(answer: ValidatedAnswer) -> AsyncIterator[str]:
    """One event per validated claim, then ``done`` (confidence, abstention, the closest evidence when it
    abstains, a notice when the configured model was not used)."""
    numbering = {c.chunk_id: n for n, c in enumerate(answer.citations, start=1)}
    by_id = {c.chunk_id: c for c in answer.citations}
    for claim in answer.claims:
        chips = [_chip(numbering[cid], by_id[cid]) for cid in claim.citations]
        yield _sse("claim", {"text": claim.text, "citations": chips, "source": claim.source})
    for series in answer.series:  # a trend drawn: each point is a cited fact, numbered like the chips
        yield _sse("series", {
            "name": series.name, "unit": series.unit, "reference_range": series.reference_range,
            "range_low": series.range_low, "range_high": series.range_high,
            "points": [{"day": p.day, "value": p.value, "shown": p.shown, "flag": p.flag, "chunk_id": p.chunk_id,
                        "n": numbering.get(p.chunk_id)} for p in series.points]})
    closest = [{"n": n, "chunk_id": c.chunk_id, "reference": c.reference, "resource_type": c.resource_type,
                "date": c.effective_date} for n, c in enumerate(answer.closest, start=1)] if answer.abstained else []
    chart_part = answer.answer.partition(GUIDELINE_HEADING)[0].rstrip()  # the reason is said of the chart
    reason = chart_part.split("\n")[-1] if answer.absence and not answer.abstained else None
    yield _sse("done", {"abstained": answer.abstained, "confidence": answer.confidence,
                        "message": answer.answer if answer.abstained else None, "closest": closest,
                        "notice": answer.notice, "absence": answer.absence, "absence_message": reason})


def smart_router(app_state: SmartApp) -> APIRouter:
    router = APIRouter()
    router.add_api_route("/launch", app_state.launch, methods=["GET"], include_in_schema=False)
    router.add_api_route("/callback", app_state.callback, methods=["GET"], include_in_schema=False)
    router.add_api_route("/app", app_state.app_page, methods=["GET"], include_in_schema=False)
    router.add_api_route("/app/style.css", app_state.style, methods=["GET"], include_in_schema=False)
    router.add_api_route("/.well-known/jwks.json", app_state.jwks, methods=["GET"], include_in_schema=False)

    @router.post("/app/ask", include_in_schema=False)
    async def ask(request: Request) -> Response:
        return await app_state.ask(request, request.app.state.runtime)

    @router.post("/app/similar-cases", include_in_schema=False)
    async def similar(request: Request) -> Response:
        return await app_state.similar(request, request.app.state.runtime)

    router.add_api_route("/app/source/{chunk_id}", app_state.source, methods=["GET"], include_in_schema=False)
    return router


def error_page(app_state: SmartApp, request: Request, exc: SmartLaunchError) -> Response:
    status = 400 if isinstance(exc, StateMismatch) else 401 if isinstance(exc, TokenError | SessionEnded) else 403
    if exc.ehr_error == "access_denied":
        status = 403
    return app_state.templates.TemplateResponse(
        request, "message.html",
        {"title": exc.title, "message": str(exc), "ehr_said": exc.plain, "ehr_error": exc.ehr_error,
         "ehr_description": exc.ehr_description,
         "relaunch": isinstance(exc, SessionEnded | StateMismatch | TokenError)},
        status_code=status)

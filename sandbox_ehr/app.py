"""The sandbox EHR as an ASGI app: EHR pages, OAuth endpoints and a FHIR R4 read/search API."""

from __future__ import annotations

import html
import secrets
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from authlib.oauth2 import OAuth2Error
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from joserfc import jwt
from joserfc.jwk import ECKey, KeySet

from sandbox_ehr.authorization import (
    SIM_ERRORS,
    Client,
    LaunchContext,
    SandboxAuthServer,
    SandboxRequest,
    redirect_with,
)
from sandbox_ehr.fhir_store import FhirStore, display_name
from sandbox_ehr.notifier import LABS, Notifier, lab_result, signed_note

PRACTITIONER = "Practitioner/sandbox-clinician"
COMPARTMENT_FREE = {"Practitioner", "Organization", "Location", "Medication"}


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        "<link rel=icon href=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E"
        "%3Crect width='32' height='32' rx='6' fill='%23243b55'/%3E%3Cpath d='M16 7v18M7 16h18' stroke='white' "
        "stroke-width='5'/%3E%3C/svg%3E\">"
        "<style>body{font:15px system-ui,sans-serif;margin:0;background:#eef1f5;color:#1d2430}"
        "header{background:#243b55;color:#fff;padding:10px 18px}main{padding:18px}"
        "a{color:#1f5fae}ul{line-height:1.9}.chart{display:grid;grid-template-columns:260px 1fr;gap:16px}"
        "aside{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:12px}"
        "iframe{width:100%;height:80vh;border:1px solid #d5dbe3;border-radius:6px;background:#fff}"
        ".cards .card{border-left:4px solid #1f5fae;background:#f7f9fc;padding:8px;margin:10px 0;border-radius:4px}"
        ".cards .card.warning{border-left-color:#b7791f}.cards .detail{font-size:12px}"
        ".cards ul{padding-left:16px;margin:4px 0;line-height:1.5}.cards p{margin:6px 0 2px}"
        ".note{font-size:12px;color:#5b6675}.new form{margin:8px 0}"
        ".new textarea{width:100%;box-sizing:border-box}.new form{display:flex;flex-wrap:wrap;gap:6px}"
        ".new select{max-width:100%;min-width:0;flex:1 1 100%}.new input{flex:1 1 60px;min-width:0}"
        "aside{min-width:0;overflow-wrap:anywhere}.revoke{margin-top:12px}"
        "button{font:inherit}</style></head><body>"
        f"<header><strong>Sandbox EHR</strong> · development tool · signed in as Dr. Sandbox</header>"
        f"<main>{body}</main></body></html>",
        status_code=status,
    )


async def _oauth_request(request: Request) -> SandboxRequest:
    data = dict(request.query_params)
    if request.method == "POST":
        form = await request.form()
        data.update({k: str(v) for k, v in form.items()})
    return SandboxRequest(request.method, str(request.url), dict(request.headers), data)


def create_sandbox(
    data_dir: Path | list[Path], base_url: str, app_url: str, client_id: str = "chartrag", cds_base: str | None = None,
    notify: tuple[str, str] | None = None,
) -> FastAPI:
    """``base_url``: where this sandbox is served; ``app_url``: ChartRAG's base URL; ``cds_base``: where
    ChartRAG's CDS services live (the chart page then calls patient-view on open and shows the cards);
    ``notify``: (ChartRAG's notification URL, channel secret) — the chart page then lets the clinician
    result a lab or sign a note, and ChartRAG is notified as a Subscription would."""
    base = base_url.rstrip("/")
    fhir_base = f"{base}/fhir"
    store = FhirStore.from_folder(data_dir)
    server = SandboxAuthServer(
        issuer=base, fhir_base=fhir_base, clients=[Client(client_id, [f"{app_url.rstrip('/')}/callback"])],
        style_url=f"{base}/smart-style.json",
    )
    app = FastAPI(title="Sandbox EHR (development tool)")
    app.state.auth = server
    app.state.store = store
    cds_key = ECKey.generate_key("P-384", parameters={"kid": "sandbox-cds", "alg": "ES384"}, private=True)
    http = httpx.AsyncClient(timeout=10.0)
    notifier = Notifier(fhir_base, notify[0], notify[1]) if notify else None

    def new_data_form(patient_id: str) -> str:
        if notifier is None:
            return ""
        options = "".join(f"<option value='{c}'>{html.escape(d)} ({html.escape(u)})</option>" for c, (d, u) in LABS.items())
        action = f"/ehr/patient/{quote(patient_id)}"
        return (f"<section class=new><h4>New data (notifies ChartRAG)</h4>"
                f"<form method=post action='{action}/lab'><select name=code>{options}</select> "
                f"<input name=value required inputmode=decimal size=6 aria-label=value> <button>Result</button></form>"
                f"<form method=post action='{action}/note'><textarea name=text rows=4 required aria-label='note text'>"
                f"</textarea><br><button>Sign note</button></form></section>")

    async def publish(patient_id: str, resource: dict[str, Any]) -> Response:
        assert notifier is not None
        store.add(resource)
        status = await notifier.created(resource)
        note = "sent" if status == 200 else f"not delivered ({status or 'unreachable'})"
        return RedirectResponse(f"/ehr/patient/{quote(patient_id)}?notified={quote(note)}", status_code=303)

    async def cds_cards(patient_id: str) -> str:
        """As a CDS client: call patient-view with a signed JWT and render the cards (escaped)."""
        if not cds_base:
            return ""
        url = f"{cds_base.rstrip('/')}/cds-services/chart-summary"
        now = int(time.time())
        token = jwt.encode({"alg": "ES384", "kid": "sandbox-cds", "typ": "JWT", "jku": f"{base}/cds/jwks"},
                           {"iss": base, "aud": url, "iat": now, "exp": now + 300, "jti": secrets.token_urlsafe(16)},
                           cds_key, algorithms=["ES384"])
        body = {"hook": "patient-view", "hookInstance": str(uuid.uuid4()), "fhirServer": fhir_base,
                "context": {"userId": PRACTITIONER, "patientId": patient_id}}
        try:
            response = await http.post(url, json=body, headers={"Authorization": f"Bearer {token}"})
            cards = response.json().get("cards", []) if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            cards = None
        if cards is None:
            return "<section class=cards><p class=note>CDS service unavailable.</p></section>"
        out = []
        for card in cards:
            links = ""
            for link in card.get("links") or []:
                href = link["url"]
                if link.get("type") == "smart":  # the EHR adds iss and a fresh launch context
                    launch = server.new_launch(LaunchContext(patient_id, PRACTITIONER, store.latest_encounter(patient_id)))
                    href = f"{href}?iss={quote(fhir_base)}&launch={quote(launch)}"
                links += (f"<a class=cds-link href='{html.escape(href)}' target=chartrag>"
                          f"{html.escape(link['label'])}</a> ")
            out.append(f"<div class='card {html.escape(card['indicator'])}'><strong>{html.escape(card['summary'])}"
                       f"</strong>{_markdown(card.get('detail', ''))}{links}"
                       f"<p class=note>{html.escape(card['source']['label'])}</p></div>")
        return "<section class=cards>" + "".join(out) + "</section>"

    @app.get("/cds/jwks")
    async def cds_jwks() -> dict[str, Any]:
        return dict(KeySet([cds_key]).as_dict(private=False))

    @app.get("/", response_class=HTMLResponse)
    async def home() -> HTMLResponse:
        rows = "".join(
            f"<li><a href='/ehr/patient/{quote(str(p['id']))}'>{html.escape(display_name(p))}</a> "
            f"<span class=note>{html.escape(p.get('birthDate', ''))} · {html.escape(p.get('gender', ''))}</span></li>"
            for p in store.patients()
        )
        standalone = f"{app_url.rstrip('/')}/launch?iss={quote(fhir_base)}"
        return _page("Sandbox EHR", f"<h2>Patients</h2><ul>{rows}</ul>"
                     f"<p class=note>Standalone launch (outside an EHR): <a href='{html.escape(standalone)}'>"
                     f"{html.escape(standalone)}</a></p>")

    @app.post("/ehr/patient/{patient_id}/lab")
    async def new_lab(patient_id: str, request: Request) -> Response:
        form = await request.form()
        code, raw = str(form.get("code", "")), str(form.get("value", "")).strip()
        if notifier is None or store.read("Patient", patient_id) is None or code not in LABS:
            return _page("Not found", "<p>No such patient or test.</p>", 404)
        try:
            value = float(raw)
        except ValueError:
            return _page("Bad value", "<p>The result must be a number.</p>", 400)
        return await publish(patient_id, lab_result(patient_id, code, value))

    @app.post("/ehr/patient/{patient_id}/note")
    async def new_note(patient_id: str, request: Request) -> Response:
        text = str((await request.form()).get("text", "")).strip()
        if notifier is None or store.read("Patient", patient_id) is None or not text:
            return _page("Not found", "<p>No such patient, or an empty note.</p>", 404)
        return await publish(patient_id, signed_note(patient_id, text))

    @app.post("/ehr/patient/{patient_id}/revoke")
    async def revoke(patient_id: str) -> Response:
        """End ChartRAG's access to this chart: every token issued for it stops working at once."""
        gone = server.memory.revoke(patient_id)
        return RedirectResponse(f"/ehr/patient/{quote(patient_id)}?notified={quote(f'access revoked ({gone} tokens)')}",
                                status_code=303)

    @app.post("/auth/revoke")
    async def revoke_token(request: Request) -> Response:
        """RFC 7009 token revocation (always 200, as the RFC says, even for an unknown token)."""
        token = str((await request.form()).get("token", ""))
        server.memory.access.pop(token, None)
        server.memory.refresh.pop(token, None)
        return Response(status_code=200)

    @app.get("/ehr/patient/{patient_id}", response_class=HTMLResponse)
    async def chart(patient_id: str, notified: str | None = None, sim_error: str | None = None,
                    token_ttl: int | None = None, scope: str | None = None) -> HTMLResponse:
        """The chart; ``sim_error`` (the reference launcher's names), ``token_ttl`` (seconds) and ``scope``
        (resource scopes to grant) shape this launch, for testing how ChartRAG copes."""
        patient = store.read("Patient", patient_id)
        if patient is None:
            return _page("Not found", "<p>No such patient.</p>", 404)
        if sim_error is not None and sim_error not in SIM_ERRORS:
            return _page("Unknown simulated error", f"<p>Known: {html.escape(', '.join(SIM_ERRORS))}</p>", 400)
        launch = server.new_launch(LaunchContext(patient_id, PRACTITIONER, store.latest_encounter(patient_id),
                                                 sim_error=sim_error, token_ttl=token_ttl, grant_scope=scope))
        src = f"{app_url.rstrip('/')}/launch?iss={quote(fhir_base)}&launch={quote(launch)}"
        cards = await cds_cards(patient_id)
        return _page(
            display_name(patient),
            f"<div class=chart><aside><h3>{html.escape(display_name(patient))}</h3>"
            f"<p>DOB {html.escape(patient.get('birthDate', ''))}<br>{html.escape(patient.get('gender', ''))}</p>"
            f"<p><a href='/'>← patient list</a></p><p><a href='{html.escape(src)}' target=_blank rel=noopener>"
            f"Open ChartRAG in a new tab</a></p>{cards}{new_data_form(patient_id)}"
            f"<form method=post action='/ehr/patient/{quote(patient_id)}/revoke' class=revoke>"
            "<button type=submit>Revoke ChartRAG's access</button></form>"
            + (f"<p class=note>Notification {html.escape(notified)}.</p>" if notified else "") + "</aside>"
            f"<iframe title='ChartRAG' name=chartrag src='{html.escape(src)}'></iframe></div>",
        )

    @app.get("/fhir/.well-known/smart-configuration")
    async def smart_configuration() -> dict[str, Any]:
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/auth/authorize",
            "token_endpoint": f"{base}/auth/token",
            "jwks_uri": f"{base}/auth/jwks",
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "token_endpoint_auth_methods_supported": ["none"],
            "scopes_supported": ["openid", "fhirUser", "launch", "launch/patient", "offline_access", "patient/*.rs"],
            "response_types_supported": ["code"],
            "code_challenge_methods_supported": ["S256"],
            "capabilities": ["launch-ehr", "launch-standalone", "client-public", "context-ehr-patient",
                             "context-standalone-patient", "sso-openid-connect", "permission-v1", "permission-v2",
                             "permission-patient", "permission-offline"],
        }

    @app.get("/smart-style.json")
    async def smart_style() -> dict[str, str]:
        return {"color_background": "#f3f6f4", "color_highlight": "#2b6a4f", "color_text": "#1b2a22",
                "dim_border_radius": "6px", "font_family_body": "system-ui, sans-serif"}

    @app.get("/.well-known/openid-configuration")
    async def openid_configuration() -> dict[str, Any]:
        return {"issuer": base, "jwks_uri": f"{base}/auth/jwks", "authorization_endpoint": f"{base}/auth/authorize",
                "token_endpoint": f"{base}/auth/token", "response_types_supported": ["code"],
                "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}

    @app.get("/auth/jwks")
    async def jwks() -> dict[str, Any]:
        return server.jwks()

    @app.api_route("/auth/authorize", methods=["GET", "POST"])
    async def authorize(request: Request) -> Response:
        req = await _oauth_request(request)
        data = req.payload.data
        if data.get("aud", "").rstrip("/") != fhir_base:
            return _page("Authorization refused", "<p>aud does not name this FHIR server.</p>", 400)
        context: LaunchContext | None = None
        if data.get("launch"):
            context = server.memory.launches.get(data["launch"])
            if context is None:
                return _page("Authorization refused", "<p>Unknown or expired launch.</p>", 400)
        elif data.get("patient_choice"):
            if store.read("Patient", data["patient_choice"]) is None:
                return _page("Authorization refused", "<p>No such patient.</p>", 400)
            context = LaunchContext(data["patient_choice"], PRACTITIONER)
        simulated = SIM_ERRORS.get(context.sim_error or "") if context else None
        if simulated and simulated[0] == "authorize" and data.get("redirect_uri"):
            return RedirectResponse(redirect_with(data["redirect_uri"], error=simulated[1],
                                                  error_description=simulated[2], state=data.get("state", "")),
                                    status_code=302)
        try:
            grant = server.get_consent_grant(request=req, end_user=context)
        except OAuth2Error as err:
            return _page("Authorization refused", f"<p>{html.escape(err.error)}: "
                         f"{html.escape(err.description or '')}</p>", 400)
        if data.get("code_challenge_method") != "S256" or not data.get("code_challenge"):
            return RedirectResponse(redirect_with(data["redirect_uri"], error="invalid_request",
                                                  error_description="PKCE S256 is required",
                                                  state=data.get("state", "")), status_code=302)
        if context is None:  # standalone: the user picks the patient
            hidden = "".join(f"<input type=hidden name='{html.escape(k)}' value='{html.escape(v)}'>"
                             for k, v in data.items())
            options = "".join(f"<option value='{html.escape(str(p['id']))}'>{html.escape(display_name(p))}</option>"
                              for p in store.patients())
            return _page("Choose a patient", f"<form method=post action='/auth/authorize'>{hidden}"
                         f"<label>Patient <select name=patient_choice>{options}</select></label> "
                         "<button type=submit>Authorize ChartRAG</button></form>")
        status, _, headers = server.create_authorization_response(request=req, grant_user=context, grant=grant)
        return RedirectResponse(headers["Location"], status_code=302) if "Location" in headers else _page(
            "Authorization refused", "<p>The request could not be authorized.</p>", status)

    @app.post("/auth/token")
    async def token(request: Request) -> Response:
        req = await _oauth_request(request)
        code = server.memory.codes.get(req.payload.data.get("code", ""))
        simulated = SIM_ERRORS.get(code.context.sim_error or "") if code else None
        if simulated and simulated[0] == "token":
            return JSONResponse({"error": simulated[1], "error_description": simulated[2]}, status_code=401)
        status, body, headers = server.create_token_response(req)
        return JSONResponse(body, status_code=status, headers={k: v for k, v in headers.items()
                                                                if k.lower() != "content-type"})

    def _bearer(request: Request) -> Any:
        auth = request.headers.get("authorization", "")
        return server.memory.bearer(auth[7:]) if auth.lower().startswith("bearer ") else None

    @app.get("/fhir/metadata")
    async def metadata() -> dict[str, Any]:
        return {"resourceType": "CapabilityStatement", "status": "active", "kind": "instance", "fhirVersion": "4.0.1",
                "format": ["json"], "rest": [{"mode": "server"}]}

    @app.get("/fhir/{resource_type}/{resource_id}")
    async def read(resource_type: str, resource_id: str, request: Request) -> Response:
        grant = _bearer(request)
        if grant is None:
            return _outcome(401, "login", "a valid bearer token is required")
        resource = store.read(resource_type, resource_id)
        owner = store.patient_of.get(f"{resource_type}/{resource_id}")
        if resource is None or (resource_type not in COMPARTMENT_FREE and owner != grant.context.patient):
            return _outcome(404, "not-found", f"{resource_type}/{resource_id} is not available to this token")
        return JSONResponse(resource, media_type="application/fhir+json")

    @app.get("/fhir/{resource_type}")
    async def search(resource_type: str, request: Request, patient: str | None = None) -> Response:
        grant = _bearer(request)
        if grant is None:
            return _outcome(401, "login", "a valid bearer token is required")
        wanted = (patient or grant.context.patient).rsplit("/", 1)[-1]
        if wanted != grant.context.patient:
            return _outcome(403, "forbidden", "the token's patient context does not cover that patient")
        found = store.search(resource_type, wanted)
        return JSONResponse({"resourceType": "Bundle", "type": "searchset", "total": len(found),
                             "entry": [{"fullUrl": f"{fhir_base}/{resource_type}/{r['id']}", "resource": r}
                                       for r in found]}, media_type="application/fhir+json")

    return app


def _markdown(text: str) -> str:
    """A card's detail rendered as CommonMark with raw HTML off (markdown-it-py: escaped text, only safe link
    schemes), as a careful EHR would; links open in a new window."""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": False}).render(text)
    return "<div class=detail>" + rendered.replace("<a href=", "<a target=_blank rel=noopener href=") + "</div>"


def _outcome(status: int, code: str, text: str) -> JSONResponse:
    return JSONResponse({"resourceType": "OperationOutcome",
                         "issue": [{"severity": "error", "code": code, "diagnostics": text}]},
                        status_code=status, media_type="application/fhir+json")

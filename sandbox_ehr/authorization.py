"""The sandbox's OAuth 2.0 authorization server, built on authlib's ``AuthorizationServer``.

Public client ``chartrag`` (registered redirect URI), authorization code grant with PKCE S256
required, rotating refresh tokens, and SMART launch context in the token response (``patient``,
``encounter``, ``need_patient_banner``, ``smart_style_url``) plus an RS256 ``id_token`` (joserfc)
when ``openid`` is granted. Storage is in memory: a development tool.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlencode

from authlib.oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, OAuth2Request
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant, RefreshTokenGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

TOKEN_TTL = 3600


@dataclass
class Client(ClientMixin):
    client_id: str
    redirect_uris: list[str]
    scope: str = "launch launch/patient openid fhirUser offline_access patient/*.rs patient/*.read"

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        allowed = set(self.scope.split())
        return " ".join(s for s in scope.split() if s in allowed or _is_resource_scope(s))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return False

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in ("authorization_code", "refresh_token")


def _is_resource_scope(scope: str) -> bool:
    return scope.startswith(("patient/", "user/"))


# Errors the sandbox can simulate for a launch, as the reference SMART launcher names them
# (smart-launcher-v2's "Simulate error" options): where each happens and what the EHR answers.
SIM_ERRORS = {
    "auth_invalid_client_id": ("authorize", "invalid_client", "Simulated invalid client_id parameter error"),
    "auth_invalid_redirect_uri": ("authorize", "invalid_request", "Simulated invalid redirect_uri parameter error"),
    "auth_invalid_scope": ("authorize", "invalid_scope", "Simulated invalid scope error"),
    "auth_invalid_client_secret": ("token", "invalid_client", "Simulated invalid client secret error"),
    "token_invalid_token": ("token", "invalid_client", "Simulated invalid token error"),
    "token_expired_refresh_token": ("refresh", "invalid_grant", "Expired refresh token"),
    "request_invalid_token": ("request", "invalid_token", "Invalid token (simulated error)"),
    "request_expired_token": ("request", "invalid_token", "Token expired (simulated error)"),
}


@dataclass
class LaunchContext:
    patient: str
    practitioner: str
    encounter: str | None = None
    sim_error: str | None = None  # one of SIM_ERRORS
    token_ttl: int | None = None  # access-token lifetime for this launch (default TOKEN_TTL)
    grant_scope: str | None = None  # grant only these resource scopes (narrow-scope testing)


@dataclass
class Grant:
    """An authorization code or a token, with the SMART context it carries."""

    client_id: str
    redirect_uri: str
    scope: str
    context: LaunchContext
    code_challenge: str | None = None
    code_challenge_method: str | None = None
    nonce: str | None = None
    created: float = field(default_factory=time.time)

    # AuthorizationCodeMixin
    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return int(self.created)

    # TokenMixin (refresh)
    def check_client(self, client: Client) -> bool:
        return client.client_id == self.client_id

    def is_expired(self) -> bool:
        return False

    def is_revoked(self) -> bool:
        return False


class Memory:
    def __init__(self) -> None:
        self.launches: dict[str, LaunchContext] = {}
        self.codes: dict[str, Grant] = {}
        self.refresh: dict[str, Grant] = {}
        self.access: dict[str, tuple[Grant, float]] = {}

    def bearer(self, token: str) -> Grant | None:
        found = self.access.get(token)
        if found is None or found[1] < time.time():
            return None
        if found[0].context.sim_error in ("request_invalid_token", "request_expired_token"):
            return None
        return found[0]

    def revoke(self, patient: str | None = None) -> int:
        """Revoke every access and refresh token (of one patient's launches, when named): what an EHR does
        when the clinician signs out or an administrator ends the app's access."""
        access = [k for k, (g, _) in self.access.items() if patient is None or g.context.patient == patient]
        refresh = [k for k, g in self.refresh.items() if patient is None or g.context.patient == patient]
        for key in access:
            del self.access[key]
        for key in refresh:
            del self.refresh[key]
        return len(access) + len(refresh)


class SandboxRequest(OAuth2Request):
    """authlib's request interface over an already-read Starlette request."""

    def __init__(self, method: str, url: str, headers: dict[str, str], data: dict[str, str]) -> None:
        super().__init__(method, url, headers=headers)
        self.payload = BasicOAuth2Payload(data)
        self._data = data

    @property
    def args(self) -> dict[str, str]:
        return self._data

    @property
    def form(self) -> dict[str, str]:
        return self._data


class SmartCodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = ["none"]

    def __init__(self, request: Any, server: SandboxAuthServer) -> None:
        super().__init__(request, server)
        self.sandbox = server

    def save_authorization_code(self, code: str, request: Any) -> None:
        data = request.payload.data
        self.sandbox.memory.codes[code] = Grant(
            client_id=request.client.get_client_id(),
            redirect_uri=data.get("redirect_uri", ""),
            scope=request.scope if hasattr(request, "scope") and request.scope else data.get("scope", ""),
            context=request.user,
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
            nonce=data.get("nonce"),
        )

    def query_authorization_code(self, code: str, client: Client) -> Grant | None:
        grant = self.sandbox.memory.codes.get(code)
        if grant and grant.check_client(client) and time.time() - grant.created < 600:
            return grant
        return None

    def delete_authorization_code(self, authorization_code: Grant) -> None:
        for code, grant in list(self.sandbox.memory.codes.items()):
            if grant is authorization_code:
                del self.sandbox.memory.codes[code]

    def authenticate_user(self, authorization_code: Grant) -> LaunchContext:
        return authorization_code.context

    def generate_token(self, **kwargs: Any) -> dict[str, Any]:
        token: dict[str, Any] = super().generate_token(**kwargs)
        return self.sandbox.with_context(token, self.request.authorization_code)


class SmartRefreshGrant(RefreshTokenGrant):
    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = ["none"]
    INCLUDE_NEW_REFRESH_TOKEN = True

    def __init__(self, request: Any, server: SandboxAuthServer) -> None:
        super().__init__(request, server)
        self.sandbox = server

    def authenticate_refresh_token(self, refresh_token: str) -> Grant | None:
        grant = self.sandbox.memory.refresh.get(refresh_token)
        if grant is not None and grant.context.sim_error == "token_expired_refresh_token":
            return None  # answered invalid_grant, as the reference launcher does
        return grant

    def authenticate_user(self, refresh_token: Grant) -> LaunchContext:
        return refresh_token.context

    def revoke_old_credential(self, refresh_token: Grant) -> None:
        for key, grant in list(self.sandbox.memory.refresh.items()):
            if grant is refresh_token:
                del self.sandbox.memory.refresh[key]

    def generate_token(self, **kwargs: Any) -> dict[str, Any]:
        token: dict[str, Any] = super().generate_token(**kwargs)
        return self.sandbox.with_context(token, self.request.refresh_token)


class SandboxAuthServer(AuthorizationServer):
    def __init__(self, issuer: str, fhir_base: str, clients: list[Client], style_url: str | None = None) -> None:
        super().__init__(scopes_supported=None)
        self.issuer = issuer
        self.fhir_base = fhir_base
        self.clients = {c.client_id: c for c in clients}
        self.memory = Memory()
        self.style_url = style_url
        self.key = RSAKey.generate_key(2048, parameters={"kid": "sandbox-1", "use": "sig", "alg": "RS256"},
                                       private=True)
        self.register_token_generator(
            "default",
            BearerTokenGenerator(
                access_token_generator=lambda *a, **k: secrets.token_urlsafe(32),
                refresh_token_generator=lambda *a, **k: secrets.token_urlsafe(32),
                expires_generator=lambda *a, **k: TOKEN_TTL,
            ),
        )
        self.register_grant(SmartCodeGrant, [CodeChallenge(required=True)])
        self.register_grant(SmartRefreshGrant)

    # authlib hooks
    def query_client(self, client_id: str) -> Client | None:
        return self.clients.get(client_id)

    def save_token(self, token: dict[str, Any], request: Any) -> None:
        grant = request.authorization_code or request.refresh_token
        kept = Grant(request.client.get_client_id(), "", token.get("scope", grant.scope), grant.context)
        self.memory.access[token["access_token"]] = (kept, time.time() + int(token.get("expires_in") or TOKEN_TTL))
        if token.get("refresh_token"):
            self.memory.refresh[token["refresh_token"]] = kept

    def create_oauth2_request(self, request: SandboxRequest) -> SandboxRequest:
        return request

    def create_json_request(self, request: SandboxRequest) -> SandboxRequest:
        return request

    def handle_response(self, status: int, body: Any, headers: list[tuple[str, str]]) -> tuple[int, Any, dict[str, str]]:
        return status, body, dict(headers)

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None

    # SMART
    def with_context(self, token: dict[str, Any], grant: Grant) -> dict[str, Any]:
        if grant.context.token_ttl:
            token["expires_in"] = grant.context.token_ttl
        if grant.context.grant_scope:
            kept = [w for w in str(token.get("scope", "")).split() if not _is_resource_scope(w)]
            token["scope"] = " ".join([*kept, *grant.context.grant_scope.split()])
        token["patient"] = grant.context.patient
        if grant.context.encounter:
            token["encounter"] = grant.context.encounter
        token["need_patient_banner"] = True
        if self.style_url:
            token["smart_style_url"] = self.style_url
        if "openid" in str(token.get("scope", "")).split():
            now = int(time.time())
            claims = {"iss": self.issuer, "sub": grant.context.practitioner, "aud": grant.client_id, "iat": now,
                      "exp": now + TOKEN_TTL, "fhirUser": f"{self.fhir_base}/{grant.context.practitioner}"}
            if grant.nonce:
                claims["nonce"] = grant.nonce
            token["id_token"] = jwt.encode({"alg": "RS256", "kid": "sandbox-1"}, claims, self.key, algorithms=["RS256"])
        return token

    def jwks(self) -> dict[str, Any]:
        return dict(KeySet([self.key]).as_dict(private=False))

    def new_launch(self, context: LaunchContext) -> str:
        launch = secrets.token_urlsafe(16)
        self.memory.launches[launch] = context
        return launch


def redirect_with(uri: str, **params: str) -> str:
    return uri + ("&" if "?" in uri else "?") + urlencode(params)

"""SMART App Launch 2.2 client side of OAuth: authorization request (PKCE S256, state, launch, aud),
code exchange and refresh with authlib, and OIDC ``id_token`` validation (joserfc, authlib's JOSE).

Nothing here is stored in the browser: a ``PendingLaunch`` lives in the server-side session under its
``state``, and the resulting ``LaunchContext`` (tokens included) stays server-side too.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx2  # authlib's OAuth2 client is built on httpx2
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet, RSAKey
from joserfc.jwt import JWTClaimsRegistry

from smart_app.discovery import SmartConfiguration
from smart_app.errors import SessionEnded, TokenError
from smart_app.scopes import GrantedScopes, parse_scopes

ID_TOKEN_ALGORITHMS = ("RS256", "RS384", "ES256", "ES384")  # asymmetric only; never "none" or HS*
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


@dataclass(frozen=True)
class ClientKey:
    """A confidential client's private key for ``private_key_jwt`` (SMART asymmetric client auth)."""

    key: RSAKey | ECKey
    alg: str  # RS384 or ES384
    kid: str

    @classmethod
    def from_jwk(cls, jwk: dict[str, Any]) -> ClientKey:
        alg = str(jwk.get("alg") or ("ES384" if jwk.get("kty") == "EC" else "RS384"))
        if alg not in ("RS384", "ES384"):
            raise ValueError("SMART asymmetric client authentication uses RS384 or ES384")
        key = RSAKey.import_key(jwk) if jwk.get("kty") == "RSA" else ECKey.import_key(jwk)
        return cls(key, alg, str(jwk.get("kid") or key.thumbprint()))

    def public_jwk(self) -> dict[str, Any]:
        return dict(self.key.as_dict(private=False)) | {"alg": self.alg, "kid": self.kid, "use": "sig"}

    def assertion(self, client_id: str, token_endpoint: str) -> str:
        now = int(time.time())
        claims = {"iss": client_id, "sub": client_id, "aud": token_endpoint, "iat": now, "exp": now + 300,
                  "jti": secrets.token_urlsafe(24)}
        header = {"alg": self.alg, "kid": self.kid, "typ": "JWT"}
        return jwt.encode(header, claims, self.key, algorithms=[self.alg])

    def auth_method(self) -> Any:
        """authlib client-auth hook: put a fresh one-time assertion in the token request body."""

        def sign(auth: Any, method: str, uri: str, headers: dict[str, str], body: Any) -> tuple[str, dict[str, str], Any]:
            extra = urlencode({"client_assertion_type": ASSERTION_TYPE,
                               "client_assertion": self.assertion(auth.client_id, uri)})
            text = body.decode() if isinstance(body, bytes) else str(body or "")
            joined = f"{text}&{extra}" if text else extra
            return uri, headers, joined.encode() if isinstance(body, bytes) else joined

        return sign


@dataclass(frozen=True)
class PendingLaunch:
    state: str
    code_verifier: str
    iss: str
    redirect_uri: str
    scope: str
    launch: str | None
    created: float

    @classmethod
    def new(cls, iss: str, redirect_uri: str, scope: str, launch: str | None) -> PendingLaunch:
        # 32 random bytes = 256 bits of state (SMART asks for at least 122); verifier per RFC 7636
        return cls(secrets.token_urlsafe(32), generate_token(64), iss, redirect_uri, scope, launch, time.time())


@dataclass(frozen=True)
class LaunchContext:
    iss: str
    access_token: str
    expires_at: float | None
    refresh_token: str | None
    scopes: GrantedScopes
    patient: str | None
    encounter: str | None
    fhir_user: str | None
    need_patient_banner: bool
    smart_style_url: str | None
    id_token_claims: dict[str, Any]
    token: dict[str, Any]
    requested_scope: str

    @property
    def expired(self) -> bool:
        """Due for a refresh: within 30 s of expiry, or within a quarter of a short lifetime (an EHR that
        issues 30-second tokens gets them refreshed at 22 s, not on every request)."""
        if self.expires_at is None:
            return False
        lifetime = _number(self.token.get("expires_in"))
        leeway = min(30.0, lifetime / 4) if lifetime and lifetime > 0 else 30.0
        return time.time() >= self.expires_at - leeway

    def to_session(self) -> dict[str, Any]:
        """What the server-side session keeps (never sent to the browser)."""
        token = dict(self.token)
        token["expires_at"] = self.expires_at
        return {"iss": self.iss, "token": token, "claims": self.id_token_claims, "scope": self.requested_scope}

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> LaunchContext:
        return _context(data["iss"], data["token"], data["claims"], data["scope"])


def _client(
    client_id: str, redirect_uri: str | None, transport: Any, key: ClientKey | None = None
) -> AsyncOAuth2Client:
    client = AsyncOAuth2Client(
        client_id=client_id,
        redirect_uri=redirect_uri,
        # public client: PKCE instead of a secret; confidential: a signed one-time assertion (and PKCE)
        token_endpoint_auth_method="private_key_jwt" if key else "none",
        code_challenge_method="S256",
        transport=transport,
        timeout=10.0,
    )
    if key is not None:
        client.register_client_auth_method(("private_key_jwt", key.auth_method()))
    return client


def authorization_url(config: SmartConfiguration, client_id: str, pending: PendingLaunch) -> str:
    client = _client(client_id, pending.redirect_uri, None)
    extra: dict[str, str] = {"aud": pending.iss}
    if pending.launch:
        extra["launch"] = pending.launch
    url, _ = client.create_authorization_url(
        config.authorization_endpoint,
        state=pending.state,
        code_verifier=pending.code_verifier,
        scope=pending.scope,
        **extra,
    )
    return str(url)


async def exchange_code(
    config: SmartConfiguration,
    client_id: str,
    pending: PendingLaunch,
    code: str,
    transport: Any = None,
    key: ClientKey | None = None,
) -> LaunchContext:
    async with _client(client_id, pending.redirect_uri, transport, key) as client:
        try:
            token = await client.fetch_token(
                config.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=pending.code_verifier,
            )
        except OAuthError as exc:
            raise TokenError("The EHR refused the sign-in.", exc.error, exc.description) from None
        except (httpx2.HTTPError, ValueError) as exc:
            raise TokenError(f"The EHR's token endpoint could not be used ({type(exc).__name__}).") from None
    claims = await _id_token_claims(token, config, client_id, transport)
    return _context(pending.iss, dict(token), claims, pending.scope)


async def refresh(
    config: SmartConfiguration,
    client_id: str,
    context: LaunchContext,
    transport: Any = None,
    key: ClientKey | None = None,
) -> LaunchContext:
    if not context.refresh_token:
        raise SessionEnded("This session's access has expired and the EHR granted no refresh token.")
    async with _client(client_id, None, transport, key) as client:
        try:
            token = await client.refresh_token(config.token_endpoint, refresh_token=context.refresh_token)
        except OAuthError as exc:
            raise SessionEnded("The EHR refused to renew this session.", exc.error, exc.description) from None
        except (httpx2.HTTPError, ValueError) as exc:
            raise SessionEnded(f"The EHR's token endpoint could not renew this session ({type(exc).__name__}).") from None
    data = dict(token)
    data.setdefault("refresh_token", context.refresh_token)  # servers that do not rotate keep the old one
    for name, value in (("patient", context.patient), ("encounter", context.encounter)):
        data.setdefault(name, value)
    refreshed = _context(context.iss, data, context.id_token_claims, " ".join(context.scopes.raw))
    if refreshed.patient != context.patient:
        raise TokenError("The refreshed token names another patient; please relaunch.")
    return refreshed


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _context(iss: str, token: dict[str, Any], claims: dict[str, Any], requested_scope: str) -> LaunchContext:
    if not token.get("access_token"):
        raise TokenError("The EHR's token response has no access token.")
    expires_at = _number(token.get("expires_at"))
    lifetime = _number(token.get("expires_in"))
    if expires_at is None and lifetime is not None:
        expires_at = time.time() + lifetime
    return LaunchContext(
        iss=iss,
        access_token=str(token["access_token"]),
        expires_at=float(expires_at) if expires_at is not None else None,
        refresh_token=token.get("refresh_token"),
        scopes=parse_scopes(str(token.get("scope") or requested_scope)),
        patient=token.get("patient"),
        encounter=token.get("encounter"),
        fhir_user=claims.get("fhirUser") or claims.get("profile"),
        need_patient_banner=bool(token.get("need_patient_banner", True)),
        smart_style_url=token.get("smart_style_url"),
        id_token_claims=claims,
        token=token,
        requested_scope=requested_scope,
    )


def _unverified_issuer(raw: str) -> str:
    """The ``iss`` an id_token claims, read before verification only to locate its keys."""
    try:
        payload = raw.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError) as exc:
        raise ValueError("malformed id_token") from exc
    issuer = claims.get("iss") if isinstance(claims, dict) else None
    if not isinstance(issuer, str) or not issuer.startswith(("https://", "http://")):
        raise ValueError("id_token has no usable iss")
    return issuer.rstrip("/")


async def _id_token_claims(
    token: dict[str, Any], config: SmartConfiguration, client_id: str, transport: Any
) -> dict[str, Any]:
    """Validate the OIDC id_token as SMART 2.2 says: take its ``iss``, fetch
    ``{iss}/.well-known/openid-configuration``, then that document's ``jwks_uri``; check the signature
    (asymmetric algorithms only) and iss, aud, exp, iat, sub. The issuer must be the one the EHR's SMART
    configuration names, when it names one.

    The key documents are public: they are fetched with a plain client that holds no token (the OAuth
    client would attach the access token to every request — and, for a token near expiry, refuse to
    send at all), never following redirects."""
    raw = token.get("id_token")
    if not raw:
        return {}
    try:
        issuer = _unverified_issuer(raw)
        if config.issuer and issuer != config.issuer.rstrip("/"):
            raise ValueError("id_token issuer is not the EHR's issuer")
        async with httpx2.AsyncClient(transport=transport, timeout=10.0, follow_redirects=False) as public:
            discovery = await public.get(f"{issuer}/.well-known/openid-configuration",
                                         headers={"Accept": "application/json"})
            jwks_uri = discovery.json().get("jwks_uri") if discovery.status_code == 200 else None
            if not isinstance(jwks_uri, str):
                raise ValueError("the issuer publishes no openid-configuration jwks_uri")
            keys = KeySet.import_key_set((await public.get(jwks_uri, headers={"Accept": "application/json"})).json())
        decoded = jwt.decode(raw, keys, algorithms=list(ID_TOKEN_ALGORITHMS))
        JWTClaimsRegistry(
            leeway=60,
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": client_id},
            exp={"essential": True},
            iat={"essential": True},
            sub={"essential": True},
        ).validate(decoded.claims)
    except (JoseError, ValueError, TypeError, httpx2.HTTPError) as exc:
        raise TokenError(f"The EHR's identity token did not validate ({type(exc).__name__}).") from None
    return dict(decoded.claims)

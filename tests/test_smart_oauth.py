"""OAuth client side of SMART App Launch against a fake EHR token endpoint (a MockTransport of httpx2,
the HTTP client authlib's OAuth2 client is built on)."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx2
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, OctKey, RSAKey

from smart_app.discovery import SmartConfiguration
from smart_app.errors import TokenError
from smart_app.oauth import PendingLaunch, authorization_url, exchange_code, refresh

ISS = "https://ehr.example.org/fhir"
CLIENT = "chartrag"
REDIRECT = "https://chartrag.example.org/callback"
CONFIG = SmartConfiguration(
    issuer="https://ehr.example.org",
    authorization_endpoint="https://ehr.example.org/authorize",
    token_endpoint="https://ehr.example.org/token",
    jwks_uri="https://ehr.example.org/jwks",
    code_challenge_methods_supported=["S256"],
)
KEY = RSAKey.generate_key(2048, parameters={"kid": "k1"}, private=True)


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def id_token(**overrides: Any) -> str:
    now = int(time.time())
    claims = {"iss": CONFIG.issuer, "aud": CLIENT, "sub": "dr-1", "iat": now, "exp": now + 300,
              "fhirUser": "Practitioner/dr-1"} | overrides
    return jwt.encode({"alg": "RS384", "kid": "k1"}, claims, KEY, algorithms=["RS384"])


class FakeEhr:
    """Issues codes bound to a PKCE challenge; checks the verifier like a real server."""

    def __init__(self, token_extra: dict[str, Any] | None = None, id_token_value: str | None = None) -> None:
        self.challenges: dict[str, str] = {}
        self.used: set[str] = set()
        self.token_extra = token_extra or {}
        self.id_token_value = id_token_value
        self.refreshes = 0

    def issue_code(self, authorize_url: str) -> str:
        params = {k: v[0] for k, v in parse_qs(urlparse(authorize_url).query).items()}
        code = f"code-{len(self.challenges)}"
        self.challenges[code] = params["code_challenge"]
        return code

    def handler(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path == "/.well-known/openid-configuration":
            return httpx2.Response(200, json={"issuer": CONFIG.issuer, "jwks_uri": CONFIG.jwks_uri})
        if request.url.path == "/jwks":
            return httpx2.Response(200, json=KeySet([KEY]).as_dict(private=False))
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if form.get("grant_type") == "refresh_token":
            self.refreshes += 1
            return httpx2.Response(200, json={"access_token": f"at-{self.refreshes + 1}", "token_type": "Bearer",
                                              "expires_in": 3600, "refresh_token": f"rt-{self.refreshes + 1}",
                                              "scope": "patient/Observation.rs"} | self.token_extra)
        code = form.get("code", "")
        if code not in self.challenges or code in self.used or s256(form.get("code_verifier", "")) != self.challenges[code]:
            return httpx2.Response(400, json={"error": "invalid_grant"})
        self.used.add(code)
        body = {"access_token": "at-1", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "rt-1",
                "scope": "launch openid fhirUser patient/Observation.rs patient/Condition.rs", "patient": "pt-1",
                "encounter": "enc-9", "need_patient_banner": False, "smart_style_url": "https://ehr/style.json",
                "id_token": self.id_token_value or id_token()} | self.token_extra
        return httpx2.Response(200, json=body)

    @property
    def transport(self) -> httpx2.MockTransport:
        return httpx2.MockTransport(self.handler)


def pending() -> PendingLaunch:
    return PendingLaunch.new(ISS, REDIRECT, "launch openid fhirUser patient/*.rs", launch="xyz")


def test_authorization_request_carries_everything_smart_requires() -> None:
    p = pending()
    params = {k: v[0] for k, v in parse_qs(urlparse(authorization_url(CONFIG, CLIENT, p)).query).items()}
    assert params == {"response_type": "code", "client_id": CLIENT, "redirect_uri": REDIRECT, "scope": p.scope,
                      "state": p.state, "aud": ISS, "launch": "xyz", "code_challenge": s256(p.code_verifier),
                      "code_challenge_method": "S256"}
    assert len(base64.urlsafe_b64decode(p.state + "==")) >= 16  # ≥ 122 bits
    assert pending().state != p.state


async def test_code_exchange_reads_launch_context_and_validates_id_token() -> None:
    ehr, p = FakeEhr(), pending()
    code = ehr.issue_code(authorization_url(CONFIG, CLIENT, p))
    ctx = await exchange_code(CONFIG, CLIENT, p, code, transport=ehr.transport)
    assert (ctx.patient, ctx.encounter, ctx.fhir_user) == ("pt-1", "enc-9", "Practitioner/dr-1")
    assert ctx.scopes.resource_types == {"Observation", "Condition"} and not ctx.need_patient_banner
    assert ctx.smart_style_url == "https://ehr/style.json" and ctx.refresh_token == "rt-1" and not ctx.expired
    restored = type(ctx).from_session(json.loads(json.dumps(ctx.to_session())))
    assert restored.patient == "pt-1" and restored.scopes == ctx.scopes and restored.expires_at == ctx.expires_at


async def test_pkce_mismatch_and_replayed_code_are_refused() -> None:
    ehr, p = FakeEhr(), pending()
    code = ehr.issue_code(authorization_url(CONFIG, CLIENT, p))
    with pytest.raises(TokenError):
        await exchange_code(CONFIG, CLIENT, pending(), code, transport=ehr.transport)  # another verifier
    await exchange_code(CONFIG, CLIENT, p, code, transport=ehr.transport)
    with pytest.raises(TokenError):
        await exchange_code(CONFIG, CLIENT, p, code, transport=ehr.transport)  # replay


@pytest.mark.parametrize(
    "bad_token",
    [
        id_token(aud="someone-else"),
        id_token(iss="https://evil.example.com"),
        id_token(exp=int(time.time()) - 3600),
        jwt.encode({"alg": "HS256"}, {"iss": CONFIG.issuer, "aud": CLIENT, "sub": "x", "iat": 1, "exp": 2**31},
                   OctKey.import_key(b"k" * 32), algorithms=["HS256"]),
        "eyJhbGciOiJub25lIn0." + base64.urlsafe_b64encode(json.dumps(
            {"iss": CONFIG.issuer, "aud": CLIENT, "sub": "x"}).encode()).rstrip(b"=").decode() + ".",
    ],
    ids=["wrong-aud", "wrong-iss", "expired", "hs256", "alg-none"],
)
async def test_bad_id_tokens_are_refused(bad_token: str) -> None:
    ehr, p = FakeEhr(id_token_value=bad_token), pending()
    code = ehr.issue_code(authorization_url(CONFIG, CLIENT, p))
    with pytest.raises(TokenError, match="identity token"):
        await exchange_code(CONFIG, CLIENT, p, code, transport=ehr.transport)


async def test_refresh_rotates_and_keeps_the_patient() -> None:
    ehr, p = FakeEhr(), pending()
    ctx = await exchange_code(CONFIG, CLIENT, p, ehr.issue_code(authorization_url(CONFIG, CLIENT, p)), ehr.transport)
    renewed = await refresh(CONFIG, CLIENT, ctx, transport=ehr.transport)
    assert renewed.access_token == "at-2" and renewed.refresh_token == "rt-2" and renewed.patient == "pt-1"
    assert renewed.fhir_user == "Practitioner/dr-1"
    hijack = FakeEhr(token_extra={"patient": "pt-2"})
    with pytest.raises(TokenError, match="another patient"):
        await refresh(CONFIG, CLIENT, ctx, transport=hijack.transport)


@pytest.mark.parametrize(("kty", "alg"), [("RSA", "RS384"), ("EC", "ES384")])
async def test_confidential_client_signs_a_one_time_assertion(kty: str, alg: str) -> None:
    from joserfc.jwk import ECKey

    from smart_app.oauth import ASSERTION_TYPE, ClientKey

    private = (RSAKey.generate_key(2048, private=True) if kty == "RSA"
               else ECKey.generate_key("P-384", private=True))
    key = ClientKey.from_jwk(private.as_dict(private=True) | {"alg": alg, "kid": "app-key"})
    ehr, p = FakeEhr(), pending()
    seen: list[dict[str, str]] = []
    inner = ehr.handler

    def handler(request: httpx2.Request) -> httpx2.Response:
        if request.url.path == "/token":
            seen.append({k: v[0] for k, v in parse_qs(request.content.decode()).items()})
        return inner(request)

    code = ehr.issue_code(authorization_url(CONFIG, CLIENT, p))
    ctx = await exchange_code(CONFIG, CLIENT, p, code, transport=httpx2.MockTransport(handler), key=key)
    assert ctx.patient == "pt-1"
    form = seen[0]
    assert form["client_assertion_type"] == ASSERTION_TYPE and form["code_verifier"] == p.code_verifier
    assert "client_id" not in form  # confidential clients authenticate by assertion only
    published = key.public_jwk()
    assert "d" not in published and published["alg"] == alg and published["kid"] == "app-key"
    assert ({"n", "e"} if kty == "RSA" else {"crv", "x", "y"}) <= set(published)
    public = KeySet.import_key_set({"keys": [private.as_dict(private=False) | {"kid": "app-key"}]})
    token = jwt.decode(form["client_assertion"], public, algorithms=[alg])
    assert token.header == {"alg": alg, "kid": "app-key", "typ": "JWT"}
    assert token.claims["iss"] == token.claims["sub"] == CLIENT and token.claims["aud"] == CONFIG.token_endpoint
    assert token.claims["exp"] - token.claims["iat"] <= 300 and token.claims["jti"]
    with pytest.raises(ValueError):
        ClientKey.from_jwk(private.as_dict(private=True) | {"alg": "HS256"})

from __future__ import annotations

import json

import httpx
import pytest

from smart_app.discovery import Discovery, check_issuer
from smart_app.errors import DiscoveryError, UntrustedIssuer

ISS = "https://ehr.example.org/fhir"
GOOD = {
    "authorization_endpoint": "https://ehr.example.org/auth/authorize",
    "token_endpoint": "https://ehr.example.org/auth/token",
    "code_challenge_methods_supported": ["S256"],
    "capabilities": ["launch-ehr", "client-public", "context-ehr-patient"],
}


def client_for(body: object, status: int = 200) -> tuple[httpx.AsyncClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, content=json.dumps(body) if not isinstance(body, bytes) else body)

    return httpx.AsyncClient(transport=httpx.MockTransport(handler)), seen


async def test_discovery_fetches_once_and_caches() -> None:
    client, seen = client_for(GOOD)
    discovery = Discovery(client)
    config = await discovery.get(ISS + "/")
    assert config.token_endpoint == GOOD["token_endpoint"]
    await discovery.get(ISS)
    assert [str(r.url) for r in seen] == [f"{ISS}/.well-known/smart-configuration"]
    assert seen[0].headers["accept"] == "application/json"


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({**GOOD, "code_challenge_methods_supported": ["plain"]}, 200, "S256"),
        ({k: v for k, v in GOOD.items() if k != "code_challenge_methods_supported"}, 200, "S256"),
        ({"token_endpoint": "x", "code_challenge_methods_supported": ["S256"]}, 200, "not valid"),
        (b"<html>oops</html>", 200, "not valid"),
        (GOOD, 404, "HTTP 404"),
    ],
)
async def test_unusable_configurations_are_refused(body: object, status: int, message: str) -> None:
    client, _ = client_for(body, status)
    with pytest.raises(DiscoveryError, match=message):
        await Discovery(client).get(ISS)


def test_issuer_allowlist() -> None:
    assert check_issuer(ISS + "/", [ISS]) == ISS
    with pytest.raises(UntrustedIssuer):
        check_issuer("https://evil.example.com/fhir", [ISS])
    with pytest.raises(UntrustedIssuer):
        check_issuer(ISS + ".evil.com", [ISS])


async def test_relative_endpoints_resolve_against_the_fhir_base() -> None:
    client, _ = client_for({**GOOD, "authorization_endpoint": "auth/authorize", "token_endpoint": "/token"})
    config = await Discovery(client).get(ISS)
    assert config.authorization_endpoint == f"{ISS}/auth/authorize"
    assert config.token_endpoint == "https://ehr.example.org/token"

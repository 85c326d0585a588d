"""SMART configuration discovery: ``GET {iss}/.well-known/smart-configuration`` (cached per issuer).

A configuration is accepted only if it names authorization and token endpoints and lists ``S256``
in ``code_challenge_methods_supported`` (SMART 2.2 requires PKCE S256; a server that omits it is
refused rather than downgraded).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError

from smart_app.errors import DiscoveryError, UntrustedIssuer


class SmartConfiguration(BaseModel):
    model_config = ConfigDict(extra="allow")

    issuer: str | None = None
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str | None = None
    code_challenge_methods_supported: list[str] = []
    capabilities: list[str] = []
    scopes_supported: list[str] = []


def normalize_issuer(iss: str) -> str:
    return iss.rstrip("/")


def check_issuer(iss: str, allowed: list[str]) -> str:
    """The issuer, normalized, if it is on the allowlist (exact match after trailing-slash trim)."""
    normalized = normalize_issuer(iss)
    if normalized not in {normalize_issuer(a) for a in allowed}:
        raise UntrustedIssuer("This EHR is not configured for ChartRAG (unknown FHIR server).")
    return normalized


@dataclass
class _Cached:
    config: SmartConfiguration
    expires: float


class Discovery:
    def __init__(self, client: httpx.AsyncClient, ttl_seconds: float = 3600.0) -> None:
        self._client = client
        self._ttl = ttl_seconds
        self._cache: dict[str, _Cached] = {}

    async def get(self, iss: str) -> SmartConfiguration:
        issuer = normalize_issuer(iss)
        cached = self._cache.get(issuer)
        if cached and cached.expires > time.monotonic():
            return cached.config
        url = f"{issuer}/.well-known/smart-configuration"
        try:
            response = await self._client.get(url, headers={"Accept": "application/json"})
        except httpx.HTTPError:
            raise DiscoveryError("The EHR's SMART configuration could not be reached.") from None
        if response.status_code != 200:
            raise DiscoveryError(f"The EHR's SMART configuration answered HTTP {response.status_code}.")
        try:
            config = SmartConfiguration.model_validate(response.json())
        except (ValueError, ValidationError):
            raise DiscoveryError("The EHR's SMART configuration is not valid JSON metadata.") from None
        base = issuer + "/"
        config = config.model_copy(update={
            "authorization_endpoint": urljoin(base, config.authorization_endpoint),
            "token_endpoint": urljoin(base, config.token_endpoint),
            "jwks_uri": urljoin(base, config.jwks_uri) if config.jwks_uri else None,
        })  # legacy servers may send relative endpoints: they are relative to the FHIR base
        if "S256" not in config.code_challenge_methods_supported:
            raise DiscoveryError("The EHR does not support PKCE S256, which SMART App Launch 2.2 requires.")
        self._cache[issuer] = _Cached(config, time.monotonic() + self._ttl)
        return config

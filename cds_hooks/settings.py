"""CDS service settings (env prefix ``CHARTRAG_CDS_``), built in ``create`` functions, never at import."""

from __future__ import annotations

from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CdsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHARTRAG_CDS_", extra="ignore")

    base_url: str = Field(default="http://127.0.0.1:8000", description="Public base URL; JWT aud is checked against it")
    trusted_jwks: dict[str, dict[str, Any]] = Field(default_factory=dict, description="CDS client iss → its JWK Set")
    trusted_jku: dict[str, list[str]] = Field(default_factory=dict, description="CDS client iss → allowed jku URLs")
    smart_launch_url: str = Field(default="http://127.0.0.1:8000/launch", description="ChartRAG SMART launch URL")
    summary_ttl_seconds: int = 300
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins of browser-based CDS clients (CORS on /cds-services* only)"
    )
    fhir_servers: dict[str, list[str]] = Field(
        default_factory=dict,
        description="CDS client iss → the FHIR base URLs its requests may name as fhirServer (the EHR token goes only there)",
    )
    trusted_sources: list[str] = Field(
        default_factory=list,
        description="CDS client iss whose prefetch data may be indexed; for others it answers that request only",
    )
    http_link_hosts: list[str] = Field(
        default_factory=list,
        description="Hosts whose http: URLs may be links in card details (a local EHR, e.g. the demo's loopback "
                    "sandbox); every other link must be https:, and a URL that is neither shows as text only",
    )
    jwt_max_lifetime_seconds: int = Field(default=300, description="exp may be at most this long after iat")
    jwt_max_age_seconds: int = Field(default=300, description="iat may be at most this old (clock skew included)")
    redis_url: str | None = Field(default=None, validation_alias="REDIS_URL")

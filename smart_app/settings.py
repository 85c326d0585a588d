"""SMART app settings (env prefix ``CHARTRAG_SMART_``), built in ``create_app``, never at import."""

from __future__ import annotations

import secrets
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SmartSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHARTRAG_SMART_", extra="ignore")

    client_id: str = "chartrag"
    base_url: str = Field(default="http://127.0.0.1:8000", description="Public URL of ChartRAG (redirect_uri base)")
    allowed_issuers: list[str] = Field(default_factory=list, description="FHIR base URLs allowed to launch the app")
    standalone_issuer: str | None = Field(default=None, description="FHIR server for standalone launch")
    scope: str = "launch openid fhirUser offline_access patient/*.rs"
    standalone_scope: str = "launch/patient openid fhirUser offline_access patient/*.rs"
    session_secret: str = Field(default_factory=lambda: secrets.token_urlsafe(32))
    session_ttl_seconds: int = 8 * 3600
    cookie_secure: bool = Field(default=False, description="Set on HTTPS deployments")
    frame_ancestors: str = Field(default="'self'", description="CSP frame-ancestors: the EHR origins that embed the app")
    redis_url: str | None = Field(default=None, validation_alias="REDIS_URL")
    api_token: str | None = Field(default=None, description="Bearer token for /api/ask (the JSON API needs it)")
    trust_loopback: bool = Field(
        default=False, description="Answer /api/ask for loopback callers without a token (set by `chartrag demo` only)"
    )
    client_key_file: Path | None = Field(
        default=None,
        description="Private JWK (RS384/ES384) for a confidential client using private_key_jwt; unset = public client",
    )

    @property
    def redirect_uri(self) -> str:
        return self.base_url.rstrip("/") + "/callback"

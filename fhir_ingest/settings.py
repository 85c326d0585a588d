"""Ingestion settings, env prefix ``CHARTRAG_INGEST_`` (built by the composition root, never at import)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_TYPES = ["Observation", "Condition", "MedicationRequest", "Procedure", "Immunization",
                 "AllergyIntolerance", "Encounter", "DocumentReference", "DiagnosticReport", "Device",
                 "DeviceUseStatement", "CarePlan", "Goal", "FamilyMemberHistory", "ImagingStudy",
                 "MedicationAdministration"]


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHARTRAG_INGEST_", extra="ignore")

    channel_secret: str | None = Field(
        default=None, description="Shared secret the FHIR server sends in channel_header; notifications refused without it"
    )
    channel_header: str = Field(default="X-Subscription-Secret", description="Header carrying the channel secret")
    fhir_base_url: str | None = Field(
        default=None, description="The FHIR server notifications come from: id-only resources and $events are read here"
    )
    fhir_token: str | None = Field(default=None, description="Bearer token for reads from fhir_base_url")
    redis_url: str | None = Field(default=None, validation_alias="REDIS_URL",
                                  description="Redis Streams queue + shared state; SQLite in the data dir when unset")
    queue_name: str = "chartrag:ingest"
    batch_size: int = 64
    lease_seconds: float = Field(default=30.0, description="A claimed job not acked in this time is delivered again")
    max_attempts: int = 5
    backoff_seconds: float = 0.5
    gap_grace_seconds: float = Field(
        default=2.0, description="How long a missing event number may stay missing (reordering) before recovery"
    )
    heartbeat_period_seconds: float = Field(default=60.0, description="Assumed when a Subscription names none")
    watchdog_interval_seconds: float = 15.0
    topic_types: dict[str, list[str]] = Field(
        default_factory=dict, description="Topic URL → resource types it covers (for _lastUpdated recovery)"
    )
    recovery_types: list[str] = Field(default_factory=lambda: list(DEFAULT_TYPES))
    hl7_authorities: dict[str, str] = Field(
        default_factory=dict, description="HL7 v2 assigning authority (PID-3.4) → FHIR identifier system"
    )
    classic_criteria: list[str] = Field(
        default_factory=list, description="Criteria of classic (non-topic) Subscriptions: re-queried on an empty ping"
    )
    max_body_bytes: int = 20_000_000
    max_event_gap: int = Field(
        default=1000, description="An announced event counter further than this past what was seen is flagged and "
        "caught up by time, not expanded into missing numbers")
    max_recovery_numbers: int = Field(default=100, description="Event numbers per $events recovery job")
    catch_up_interval_seconds: float = Field(
        default=60.0, description="At most one time-based catch-up per subscription per this many seconds")
    workers: int = 1

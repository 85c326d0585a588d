"""CDS Hooks 2.0 wire models (what an EHR sends and what the service answers).

Optional fields are omitted when empty (the spec forbids null and empty optional elements), so every
response is built with ``model_dump(exclude_none=True)``.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class FhirAuthorization(BaseModel):
    model_config = ConfigDict(extra="allow")

    access_token: str
    token_type: Literal["Bearer"]
    expires_in: int
    scope: str
    subject: str
    patient: str | None = None


FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
USER_REFERENCE = re.compile(r"^(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\-.]{1,64}$")


class HookRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    hook: str
    hookInstance: str
    fhirServer: str | None = None
    fhirAuthorization: FhirAuthorization | None = None
    context: dict[str, Any]
    prefetch: dict[str, Any] | None = None

    @field_validator("context")
    @classmethod
    def _patient_view_context(cls, value: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(value.get("patientId"), str) or not FHIR_ID.match(value["patientId"]):
            raise ValueError("context.patientId must be a FHIR id ([A-Za-z0-9-.]{1,64})")
        if not isinstance(value.get("userId"), str) or not USER_REFERENCE.match(value["userId"]):
            raise ValueError("context.userId must be a Practitioner, PractitionerRole, Patient or RelatedPerson reference")
        return value


class Source(BaseModel):
    label: str
    url: str | None = None
    icon: str | None = None


class Link(BaseModel):
    label: str
    url: str
    type: Literal["absolute", "smart"]
    appContext: str | None = None


class Card(BaseModel):
    uuid: str = Field(default_factory=lambda: str(uuid.uuid4()))
    summary: str = Field(max_length=139)
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: Source
    links: list[Link] | None = None


class CdsResponse(BaseModel):
    cards: list[Card]


class ServiceDescription(BaseModel):
    hook: str
    title: str
    description: str
    id: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None


class OverrideReason(BaseModel):
    model_config = ConfigDict(extra="allow")

    reason: dict[str, Any] | None = None
    userComment: str | None = None


class FeedbackItem(BaseModel):
    model_config = ConfigDict(extra="allow")

    card: str
    outcome: Literal["accepted", "overridden"]
    outcomeTimestamp: str
    acceptedSuggestions: list[dict[str, Any]] | None = None
    overrideReason: OverrideReason | None = None


class Feedback(BaseModel):
    feedback: list[FeedbackItem]

"""Minimal FHIR reads with the session's access token (patient banner, note text for the source panel)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import httpx


class FhirReader:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def read(self, iss: str, access_token: str, resource_type: str, resource_id: str) -> dict[str, Any] | None:
        url = f"{iss.rstrip('/')}/{resource_type}/{resource_id}"
        try:
            response = await self._client.get(
                url, headers={"Authorization": f"Bearer {access_token}", "Accept": "application/fhir+json"}
            )
        except httpx.HTTPError:
            return None
        if response.status_code != 200:
            return None
        try:
            data = response.json()
        except ValueError:
            return None
        return data if isinstance(data, dict) and data.get("resourceType") == resource_type else None


    async def style(self, url: str) -> dict[str, Any] | None:
        """The EHR's SMART style JSON (``smart_style_url``); None when unreachable or not JSON."""
        if not url.startswith(("https://", "http://")):
            return None
        try:
            response = await self._client.get(url, headers={"Accept": "application/json"})
            data = response.json() if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            return None
        return data if isinstance(data, dict) else None


def banner_of(patient: dict[str, Any] | None) -> dict[str, str] | None:
    if not patient:
        return None
    name = (patient.get("name") or [{}])[0]
    given = " ".join(name.get("given") or [])
    display = name.get("text") or f"{given} {name.get('family', '')}".strip() or "Unnamed patient"
    return {"name": display, "birth_date": patient.get("birthDate", ""), "gender": patient.get("gender", "")}


def note_text(resource: dict[str, Any] | None) -> str | None:
    """The text/plain content of a DocumentReference (or DiagnosticReport presentedForm)."""
    if not resource:
        return None
    attachments = [c.get("attachment") or {} for c in resource.get("content") or []]
    attachments += resource.get("presentedForm") or []
    for attachment in attachments:
        if str(attachment.get("contentType", "")).startswith("text/plain") and attachment.get("data"):
            try:
                return base64.b64decode(attachment["data"]).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return None
    return None

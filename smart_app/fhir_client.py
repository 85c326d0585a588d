"""Minimal FHIR reads with the session's access token (patient banner, note text for the source panel,
the per-question check that the EHR still accepts the session). The token goes only to the FHIR server
that issued it (``iss``) — every URL under ``iss`` by ``rag_core.outbound``'s one rule, so an id read
from the index (``../x``, ``%2e%2e/x``) cannot lead it elsewhere — never through a redirect; a 401 raises
``EhrRejected``."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import httpx

from rag_core.outbound import UnsafeUrl, token_url


class EhrRejected(Exception):
    """The FHIR server answered 401: it no longer accepts this access token."""


class FhirReader:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def _get(self, iss: str, access_token: str, path: str, params: dict[str, str] | None = None) -> httpx.Response | None:
        try:
            url = token_url(path, iss)
        except UnsafeUrl:
            return None  # not a read on the issuer's FHIR server: nothing is sent
        try:
            response = await self._client.get(
                url, params=params, follow_redirects=False,
                headers={"Authorization": f"Bearer {access_token}", "Accept": "application/fhir+json"},
            )
        except httpx.HTTPError:
            return None
        if response.status_code == 401:
            raise EhrRejected(response.headers.get("www-authenticate", "")[:200])
        return response

    async def read(self, iss: str, access_token: str, resource_type: str, resource_id: str) -> dict[str, Any] | None:
        response = await self._get(iss, access_token, f"{resource_type}/{resource_id}")
        if response is None or response.status_code != 200:
            return None
        try:
            data = response.json()
        except ValueError:
            return None
        return data if isinstance(data, dict) and data.get("resourceType") == resource_type else None

    async def still_accepted(self, iss: str, access_token: str, patient: str, resource_type: str) -> bool:
        """Whether the EHR still accepts the token, asked with the smallest read the scopes allow (a
        count-only search of one granted type for this patient). Raises ``EhrRejected`` on 401; False when
        the EHR cannot be reached (the caller decides what an outage means)."""
        if resource_type == "Patient":
            response = await self._get(iss, access_token, f"Patient/{patient}")
        else:
            response = await self._get(iss, access_token, resource_type,
                                       {"patient": patient, "_summary": "count", "_count": "0"})
        return response is not None and response.status_code < 500


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
    """Name, birth date, gender and — when recorded — death, as the Patient resource says them."""
    if not patient:
        return None
    names = patient.get("name") or [{}]
    name = next((n for n in names if isinstance(n, dict) and n.get("use") in ("official", "usual")), names[0])
    name = name if isinstance(name, dict) else {}
    given = " ".join(str(g) for g in name.get("given") or [])
    display = name.get("text") or f"{given} {name.get('family', '')}".strip() or "Unnamed patient"
    deceased = ""
    if isinstance(patient.get("deceasedDateTime"), str):
        deceased = f"Deceased {patient['deceasedDateTime'][:10]}"
    elif patient.get("deceasedBoolean") is True:
        deceased = "Deceased"
    return {"name": str(display), "birth_date": str(patient.get("birthDate", "")),
            "gender": str(patient.get("gender", "")), "deceased": deceased}


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

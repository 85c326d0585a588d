"""CDS Hooks 2.0 wire models: the spec's own examples round-trip; invalid shapes are refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from cds_hooks.models import Card, CdsResponse, Feedback, HookRequest, Link, ServiceDescription
from cds_hooks.routes import SERVICE

# From the CDS Hooks 2.0 specification (patient-view request, card response, feedback, discovery).
SPEC_REQUEST: dict[str, Any] = {
    "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    "fhirServer": "http://hooks.smarthealthit.org:9080",
    "hook": "patient-view",
    "fhirAuthorization": {"access_token": "some-opaque-fhir-access-token", "token_type": "Bearer",
                          "expires_in": 300, "scope": "user/Patient.read user/Observation.read", "subject": "cds-service4"},
    "context": {"userId": "Practitioner/example", "patientId": "1288992", "encounterId": "89284"},
    "prefetch": {"patientToGreet": {"resourceType": "Patient", "gender": "male", "birthDate": "1925-12-23",
                                    "id": "1288992", "active": True}},
}
SPEC_RESPONSE: dict[str, Any] = {"cards": [{
    "uuid": "4e0a3a1e-3283-4575-ab82-028d55fe2719",
    "summary": "Example Card",
    "indicator": "info",
    "detail": "This is an example card.",
    "source": {"label": "Static CDS Service Example", "url": "https://example.com",
               "icon": "https://example.com/img/icon-100px.png"},
    "links": [{"label": "Google", "url": "https://google.com", "type": "absolute"},
              {"label": "Github", "url": "https://github.com", "type": "absolute"},
              {"label": "SMART Example App", "url": "https://smart.example.com/launch", "type": "smart",
               "appContext": "{\"session\":3456356,\"settings\":{\"module\":4235}}"}],
}]}
SPEC_FEEDBACK: dict[str, Any] = {"feedback": [{
    "card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
    "overrideReason": {"reason": {"code": "reason-code-provided-by-service", "system": "http://example.org/cds-services/fhir/CodeSystem/override-reasons"},
                       "userComment": "clinician entered comment"},
    "outcomeTimestamp": "2020-12-11T00:00:00Z"}]}


def test_spec_examples_round_trip() -> None:
    request = HookRequest.model_validate(SPEC_REQUEST)
    assert request.model_dump(exclude_none=True) == SPEC_REQUEST
    assert CdsResponse.model_validate(SPEC_RESPONSE).model_dump(exclude_none=True) == SPEC_RESPONSE
    assert Feedback.model_validate(SPEC_FEEDBACK).model_dump(exclude_none=True) == SPEC_FEEDBACK
    described = SERVICE.model_dump(exclude_none=True)
    assert ServiceDescription.model_validate(described).model_dump(exclude_none=True) == described


@pytest.mark.parametrize(
    "bad",
    [
        {"summary": "x" * 140, "indicator": "info", "source": {"label": "s"}},  # summary must be < 140
        {"summary": "ok", "indicator": "urgent", "source": {"label": "s"}},
        {"summary": "ok", "indicator": "info"},  # source is required
        {"summary": "ok", "indicator": "info", "source": {}},  # source.label is required
    ],
)
def test_invalid_cards_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Card.model_validate(bad)


def test_links_and_requests_are_checked() -> None:
    with pytest.raises(ValidationError):
        Link.model_validate({"label": "x", "url": "https://x", "type": "relative"})
    with pytest.raises(ValidationError):
        HookRequest.model_validate({**SPEC_REQUEST, "context": {"userId": "Practitioner/x"}})  # no patientId
    card = Card(summary="ok", indicator="info", source={"label": "ChartRAG"})  # type: ignore[arg-type]
    dumped = card.model_dump(exclude_none=True)
    assert set(dumped) == {"uuid", "summary", "indicator", "source"} and dumped["uuid"]  # no null/empty fields


async def test_cors_preflight_for_browser_based_cds_clients(tmp_path: Path) -> None:
    """CORS answers the configured CDS client origins on /cds-services* only: no other origin, and no
    other path (a page from any origin must not read /api/ask through a browser on the server host)."""
    from cds_hooks.settings import CdsSettings
    from chartrag.http import build_app
    from rag_core.settings import RagSettings

    app = build_app(RagSettings(data_dir=tmp_path), cds=CdsSettings(cors_origins=["https://ehr.example.org"]))
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.options("/cds-services/chart-summary", headers={"Origin": "https://ehr.example.org",
                                                                                 **preflight})
        evil = await client.options("/cds-services/chart-summary", headers={"Origin": "https://evil.example", **preflight})
        api = await client.options("/api/ask", headers={"Origin": "https://ehr.example.org", **preflight})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://ehr.example.org"
    assert "authorization" in response.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in response.headers
    assert "access-control-allow-origin" not in evil.headers
    assert "access-control-allow-origin" not in api.headers

"""The sandbox as a notifying FHIR server (development tool): when a clinician results a lab or signs
a note in the sandbox chart, it sends a Subscriptions Backport IG notification (full-resource payload,
numbered events, a handshake first) to ChartRAG's rest-hook endpoint with the channel secret."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

TOPIC = "http://chartrag.example/topics/chart-update"
LABS = {  # LOINC code → (display, UCUM unit)
    "4548-4": ("Hemoglobin A1c/Hemoglobin.total in Blood", "%"),
    "2345-7": ("Glucose [Mass/volume] in Serum or Plasma", "mg/dL"),
    "2823-3": ("Potassium [Moles/volume] in Serum or Plasma", "mmol/L"),
    "29463-7": ("Body Weight", "kg"),
}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def lab_result(patient: str, code: str, value: float) -> dict[str, Any]:
    display, unit = LABS[code]
    return {
        "resourceType": "Observation", "id": f"sandbox-{uuid.uuid4()}", "status": "final",
        "meta": {"versionId": "1", "lastUpdated": _now()},
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "laboratory", "display": "Laboratory"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": code, "display": display}], "text": display},
        "subject": {"reference": f"Patient/{patient}"}, "effectiveDateTime": _now(), "issued": _now(),
        "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit},
    }


def signed_note(patient: str, text: str) -> dict[str, Any]:
    return {
        "resourceType": "DocumentReference", "id": f"sandbox-{uuid.uuid4()}", "status": "current",
        "docStatus": "final", "meta": {"versionId": "1", "lastUpdated": _now()},
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}],
                 "text": "Progress note"},
        "subject": {"reference": f"Patient/{patient}"}, "date": _now(),
        "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(text.encode()).decode()}}],
    }


@dataclass
class Notifier:
    fhir_base: str
    endpoint: str
    secret: str
    header: str = "X-Subscription-Secret"
    events: int = 0
    handshake_sent: bool = False
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=10.0))
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:8])  # event numbers restart with each sandbox run

    @property
    def subscription(self) -> str:
        return f"{self.fhir_base}/Subscription/chartrag-demo-{self.run}"

    def _bundle(self, kind: str, resource: dict[str, Any] | None = None) -> dict[str, Any]:
        params: list[dict[str, Any]] = [
            {"name": "subscription", "valueReference": {"reference": self.subscription}},
            {"name": "topic", "valueCanonical": TOPIC},
            {"name": "status", "valueCode": "active"},
            {"name": "type", "valueCode": kind},
            {"name": "events-since-subscription-start", "valueString": str(self.events)},
        ]
        entries: list[dict[str, Any]] = []
        if resource is not None:
            ref = f"{resource['resourceType']}/{resource['id']}"
            params.append({"name": "notification-event", "part": [
                {"name": "event-number", "valueString": str(self.events)},
                {"name": "timestamp", "valueInstant": _now()},
                {"name": "focus", "valueReference": {"reference": f"{self.fhir_base}/{ref}"}}]})
            entries.append({"fullUrl": f"{self.fhir_base}/{ref}", "resource": resource,
                            "request": {"method": "POST", "url": resource["resourceType"]}, "response": {"status": "201"}})
        status = {"fullUrl": f"urn:uuid:{uuid.uuid4()}",
                  "resource": {"resourceType": "Parameters", "id": str(uuid.uuid4()), "parameter": params},
                  "request": {"method": "GET", "url": f"{self.subscription}/$status"}, "response": {"status": "200"}}
        return {"resourceType": "Bundle", "type": "history", "timestamp": _now(), "entry": [status, *entries]}

    async def _post(self, bundle: dict[str, Any]) -> int:
        try:
            response = await self.http.post(self.endpoint, json=bundle, headers={
                self.header: self.secret, "Content-Type": "application/fhir+json"})
        except httpx.HTTPError:
            return 0
        return response.status_code

    async def created(self, resource: dict[str, Any]) -> int:
        """Notify ChartRAG of a new resource; returns the HTTP status (0 when unreachable)."""
        if not self.handshake_sent:
            self.handshake_sent = await self._post(self._bundle("handshake")) == 200
        self.events += 1
        return await self._post(self._bundle("event-notification", resource))

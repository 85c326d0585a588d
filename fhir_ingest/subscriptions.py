"""Manage Subscription resources on a FHIR server: create (topic-based Backport IG, or classic R4
criteria), list, delete. A created Subscription asks for a rest-hook to our endpoint, with the
channel secret as a header, a heartbeat period and the payload level; its heartbeat period is
recorded so the watchdog knows when a silent subscription is late.
"""

from __future__ import annotations

from typing import Any, Literal

import httpx

from fhir_ingest.errors import SourceError
from rag_core.outbound import UnsafeUrl, token_url

BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition"
Payload = Literal["empty", "id-only", "full-resource"]


def subscription_resource(
    endpoint: str,
    secret_header: str,
    secret: str,
    topic: str | None = None,
    criteria: str | None = None,
    filters: list[str] | None = None,
    payload: Payload = "id-only",
    heartbeat_seconds: int = 60,
    reason: str = "ChartRAG: keep the chart index current",
) -> dict[str, Any]:
    """A topic-based (Backport IG) Subscription when ``topic`` is given, else a classic R4 one."""
    if bool(topic) == bool(criteria):
        raise ValueError("give exactly one of topic (Backport IG) or criteria (classic R4)")
    channel: dict[str, Any] = {
        "type": "rest-hook",
        "endpoint": endpoint,
        "header": [f"{secret_header}: {secret}"],
    }
    resource: dict[str, Any] = {"resourceType": "Subscription", "status": "requested", "reason": reason}
    if topic:
        resource["meta"] = {"profile": [f"{BACKPORT}/backport-subscription"]}
        resource["criteria"] = topic
        if filters:
            resource["_criteria"] = {"extension": [{"url": f"{BACKPORT}/backport-filter-criteria", "valueString": f}
                                                   for f in filters]}
        channel["extension"] = [
            {"url": f"{BACKPORT}/backport-heartbeat-period", "valueUnsignedInt": heartbeat_seconds},
            {"url": f"{BACKPORT}/backport-timeout", "valueUnsignedInt": 30},
        ]
        channel["payload"] = "application/fhir+json"
        channel["_payload"] = {"extension": [{"url": f"{BACKPORT}/backport-payload-content", "valueCode": payload}]}
    else:
        resource["criteria"] = criteria
        if payload != "empty":  # classic R4: a payload means the resource is PUT to {endpoint}/{type}/{id}
            channel["payload"] = "application/fhir+json"
    resource["channel"] = channel
    return resource


def heartbeat_of(subscription: dict[str, Any]) -> int | None:
    for ext in (subscription.get("channel") or {}).get("extension") or []:
        if ext.get("url") == f"{BACKPORT}/backport-heartbeat-period":
            return int(ext.get("valueUnsignedInt") or 0) or None
    return None


class SubscriptionManager:
    def __init__(self, base_url: str, client: httpx.AsyncClient, token: str | None = None) -> None:
        self.base = base_url.rstrip("/")
        self._client = client
        self._headers = {"Accept": "application/fhir+json", "Content-Type": "application/fhir+json"}
        if token:
            self._headers["Authorization"] = f"Bearer {token}"

    async def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:  # a Subscription id from the server or the command line cannot take the token off the base
            url = token_url(url, self.base)
        except UnsafeUrl:
            raise SourceError(f"{method} Subscription: the URL is not under the FHIR server's base") from None
        try:
            response = await self._client.request(method, url, headers=self._headers, **kwargs)
        except httpx.HTTPError as exc:
            raise SourceError(f"FHIR server unreachable ({type(exc).__name__})") from None
        if response.status_code >= 400:
            raise SourceError(f"{method} Subscription: HTTP {response.status_code}")
        return response

    async def create(self, resource: dict[str, Any]) -> dict[str, Any]:
        response = await self._call("POST", f"{self.base}/Subscription", json=resource)
        created: dict[str, Any] = response.json() if response.content else dict(resource)
        if "id" not in created and "location" in response.headers:
            created["id"] = response.headers["location"].rstrip("/").split("/_history")[0].split("/")[-1]
        return created

    async def list(self) -> list[dict[str, Any]]:
        bundle = (await self._call("GET", f"{self.base}/Subscription")).json()
        return [e["resource"] for e in bundle.get("entry") or [] if isinstance(e.get("resource"), dict)]

    async def reactivate(self, subscription_id: str) -> dict[str, Any]:
        """After an error state (the watchdog flags it): ask the server to start again (status requested)."""
        url = f"{self.base}/Subscription/{subscription_id}"
        current = (await self._call("GET", url)).json()
        current["status"] = "requested"
        response = await self._call("PUT", url, json=current)
        updated: dict[str, Any] = response.json() if response.content else current
        return updated

    async def delete(self, subscription_id: str) -> None:
        await self._call("DELETE", f"{self.base}/Subscription/{subscription_id}")

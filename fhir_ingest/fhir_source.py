"""Reads from the FHIR server that sends notifications: id-only focus resources, searches,
``$events`` and ``$status``, Binary attachments. Only URLs under the configured base are fetched, by
``rag_core.outbound``'s one rule (normalised first, so ``..`` or ``%2e%2e`` in a reference or a ``next``
link does not leave the base): a notification cannot make ChartRAG call an arbitrary host with the
server's token. 404/410 on a read means deleted.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx

from fhir_ingest.errors import NotificationError, SourceError, SourceUnsupported
from fhir_ingest.notifications import Notification, parse_notification, parse_status
from rag_core.outbound import UnsafeUrl, token_url
from rag_core.wire import fhir_loads

log = logging.getLogger("chartrag.ingest")
MAX_SEARCH_PAGES = 200  # × _count=100: 20,000 resources per recovery search

FHIR_JSON = "application/fhir+json"


class FhirSource:
    def __init__(self, base_url: str, client: httpx.AsyncClient, token: str | None = None) -> None:
        self.base = base_url.rstrip("/")
        self._client = client
        self._headers = {"Accept": FHIR_JSON}
        if token:
            self._headers["Authorization"] = f"Bearer {token}"

    def url_for(self, reference: str) -> str:
        """The URL to read ``reference`` (absolute, or relative to the base) at, in normal form."""
        try:
            return token_url(reference, self.base)
        except UnsafeUrl:
            raise SourceError("reference points outside the configured FHIR server") from None

    async def _get(self, url: str, params: dict[str, str] | None = None) -> httpx.Response:
        try:
            return await self._client.get(url, params=params, headers=self._headers)
        except httpx.HTTPError as exc:
            raise SourceError(f"FHIR server unreachable ({type(exc).__name__})") from None

    @staticmethod
    def _json(response: httpx.Response, what: str) -> Any:
        if response.status_code >= 400:
            raise SourceError(f"{what}: HTTP {response.status_code}")
        try:
            return fhir_loads(response.content)
        except ValueError:
            raise SourceError(f"{what}: response is not JSON") from None

    async def read(self, reference: str) -> dict[str, Any] | None:
        """The current resource; None when the server says it is gone (404/410)."""
        response = await self._get(self.url_for(reference))
        if response.status_code in (404, 410):
            return None
        data = self._json(response, "read")
        if not isinstance(data, dict) or "resourceType" not in data:
            raise SourceError("read: response is not a resource")
        return data

    async def search(self, resource_type: str, params: dict[str, str],
                     max_pages: int = MAX_SEARCH_PAGES) -> AsyncIterator[dict[str, Any]]:
        """Every resource matching, following ``next`` links (only on this server), at most ``max_pages``
        pages (a recovery search is bounded work; the rest is said in the log)."""
        url: str | None = self.url_for(resource_type)
        query: dict[str, str] | None = params
        pages = 0
        while url:
            pages += 1
            if pages > max_pages:
                log.warning("search for %s stopped after %d pages", resource_type, max_pages)
                return
            bundle = self._json(await self._get(url, query), "search")
            for entry in bundle.get("entry") or []:
                resource = entry.get("resource")
                if isinstance(resource, dict) and (entry.get("search") or {}).get("mode", "match") == "match":
                    yield resource
            url = next((link["url"] for link in bundle.get("link") or [] if link.get("relation") == "next"), None)
            if url:
                url, query = self.url_for(url), None

    async def events(self, subscription: str, since: int, until: int) -> Notification:
        """``$events`` for numbers since..until; SourceUnsupported when the server does not offer it."""
        response = await self._get(
            self.url_for(subscription.rstrip("/") + "/$events"),
            {"eventsSinceNumber": str(since), "eventsUntilNumber": str(until), "content": "full-resource"},
        )
        if response.status_code in (400, 404, 405, 501):
            raise SourceUnsupported(f"$events: HTTP {response.status_code}")
        try:
            return parse_notification(self._json(response, "$events"))
        except NotificationError as exc:
            raise SourceError(f"$events: {exc}") from None

    async def status(self, subscription: str) -> Notification:
        response = await self._get(self.url_for(subscription.rstrip("/") + "/$status"))
        if response.status_code in (400, 404, 405, 501):
            raise SourceUnsupported(f"$status: HTTP {response.status_code}")
        data = self._json(response, "$status")
        if isinstance(data, dict) and data.get("resourceType") == "Bundle":  # searchset of SubscriptionStatus
            data = next((e.get("resource") for e in data.get("entry") or []), None)
        try:
            return parse_status(data)
        except NotificationError as exc:
            raise SourceError(f"$status: {exc}") from None

    async def binary(self, url: str) -> bytes:
        try:
            response = await self._client.get(self.url_for(url), headers={**self._headers, "Accept": "*/*"})
        except httpx.HTTPError as exc:
            raise SourceError(f"attachment unreachable ({type(exc).__name__})") from None
        if response.status_code >= 400:
            raise SourceError(f"attachment: HTTP {response.status_code}")
        if "json" in response.headers.get("content-type", ""):  # a server that answers with the Binary resource
            try:
                data = fhir_loads(response.content)
            except ValueError:
                return response.content
            if isinstance(data, dict) and data.get("resourceType") == "Binary":
                try:
                    return base64.b64decode(data.get("data") or "", validate=True)
                except binascii.Error:
                    raise SourceError("attachment: Binary data is not base64") from None
        return response.content

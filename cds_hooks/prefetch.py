"""Chart data for a patient the index does not hold yet: from the request's prefetch, else fetched
from ``fhirServer`` with ``fhirAuthorization`` (CDS Hooks 2.0 §Prefetch).

Per key: missing → not fetched by the client (we fetch it when we can); ``null`` → the client found no
data; an OperationOutcome → the client's fetch failed (we fetch it when we can); a Bundle → its
resources, following ``next`` links when paged. If a required key can be had neither way the service
answers 412.

The EHR's access token goes to ``fhirServer`` only: ids are percent-encoded into the templates (a
``patientId`` of ``x&_count=999`` stays one value), redirects are not followed, and every URL the token
goes to — a template's and each ``next`` link — must lie under ``fhirServer`` by ``rag_core.outbound``'s
one rule (normalised first: percent-encoded dot segments and ``..`` do not get out of the base). Which
``fhirServer`` a client may name at all is the router's decision (``CdsSettings.fhir_servers``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from cds_hooks.models import HookRequest
from rag_core.outbound import under
from rag_core.wire import fhir_loads

REQUIRED = ("conditions", "medications", "observations")
MAX_PAGES = 20
_MISSING = object()


class PrefetchUnavailable(Exception):
    """Required chart data is neither prefetched nor fetchable (→ HTTP 412)."""


def _template_query(template: str, hook: HookRequest) -> str:
    return template.replace("{{context.patientId}}", quote(hook.context["patientId"], safe="")).replace(
        "{{context.userId}}", quote(hook.context["userId"], safe="/")
    )


async def _fetch(url: str, hook: HookRequest, http: httpx.AsyncClient) -> dict[str, Any] | None:
    auth, server = hook.fhirAuthorization, hook.fhirServer
    target = under(url, server) if auth is not None and server else None
    if auth is None or target is None:
        return None
    try:
        response = await http.get(str(target), headers={"Authorization": f"Bearer {auth.access_token}",
                                                        "Accept": "application/fhir+json"},
                                  timeout=5.0, follow_redirects=False)
        data = fhir_loads(response.content) if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError):
        return None
    return data if isinstance(data, dict) else None


async def _bundle_resources(bundle: dict[str, Any], hook: HookRequest, http: httpx.AsyncClient) -> list[dict[str, Any]]:
    resources: list[dict[str, Any]] = []
    page: dict[str, Any] | None = bundle
    for _ in range(MAX_PAGES):
        if page is None:
            break
        entries: list[Any] = page["entry"] if isinstance(page.get("entry"), list) else []
        resources += [e["resource"] for e in entries if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
        links: list[Any] = page["link"] if isinstance(page.get("link"), list) else []
        next_url = next((link.get("url") for link in links
                         if isinstance(link, dict) and link.get("relation") == "next" and isinstance(link.get("url"), str)),
                        None)
        page = await _fetch(next_url, hook, http) if next_url else None
    return resources


async def chart_resources(
    hook: HookRequest, templates: dict[str, str], http: httpx.AsyncClient
) -> list[dict[str, Any]]:
    prefetch = hook.prefetch or {}
    resources: list[dict[str, Any]] = []
    for key in REQUIRED:
        value = prefetch.get(key, _MISSING)
        if value is None:
            continue  # the client looked and found nothing
        if value is _MISSING or (isinstance(value, dict) and value.get("resourceType") == "OperationOutcome"):
            if not hook.fhirServer or key not in templates:
                raise PrefetchUnavailable(key)
            value = await _fetch(f"{hook.fhirServer.rstrip('/')}/{_template_query(templates[key], hook)}", hook, http)
            if value is None:
                raise PrefetchUnavailable(key)
        if not isinstance(value, dict) or value.get("resourceType") != "Bundle":
            raise PrefetchUnavailable(key)
        resources += await _bundle_resources(value, hook, http)
    return resources

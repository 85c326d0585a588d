"""One URL rule for every outbound call that carries a token (issue 24, findings 6 and 14): CDS prefetch and
its ``next`` links, the SMART app's FHIR reads, FHIR source reads and searches, Subscription management and
Bulk Data status and output files. Each client is driven against an ``httpx.MockTransport`` that records
every request it receives with its Authorization header: a URL outside the server's base must receive no
request with the token (and, for a refused URL, no request at all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from rag_core.outbound import UnsafeUrl, normalise, token_url, under

BASE = "http://ehr.test/fhir"
TOKEN = "secret-ehr-token"

# every way out of the base an attacker-controlled URL or reference has tried (or could try)
ESCAPES = [
    f"{BASE}/%2e%2e/steal",  # the reported bypass: percent-encoded dot segments
    f"{BASE}/%2E%2E/steal",
    f"{BASE}/.%2e/steal",
    f"{BASE}/%2e./steal",
    f"{BASE}/../steal",
    f"{BASE}/Patient/../../steal",
    f"{BASE}/a%2f..%2f..%2fsteal",  # encoded slashes
    f"{BASE}/%252e%252e/steal",  # double encoding
    f"{BASE}/..;/steal",  # a dot segment behind path parameters
    f"{BASE}/%5c..%5csteal",  # encoded backslashes
    f"{BASE}//steal",
    f"{BASE}/%u002e%u002e/steal",  # IIS-style %u escapes
    f"{BASE}/%U002E%U002E/steal",
    f"{BASE}/a%u2215..%u2215..%u2215steal",  # %u escapes of a division slash
    f"{BASE}/%c0%ae%c0%ae/steal",  # overlong UTF-8 dots
    f"{BASE}/%c0%ae%c0%ae%c0%afsteal",  # … and slash
    f"{BASE}/%e0%80%ae%e0%80%ae/steal",  # three-byte overlong dots
    f"{BASE}/%ef%bc%8e%ef%bc%8e/steal",  # fullwidth dots, escaped
    f"{BASE}/\uff0e\uff0e/steal",  # fullwidth dots (U+FF0E), raw
    f"{BASE}/\u2025/steal",  # two dot leader
    f"{BASE}/\u3002\u3002/steal",  # ideographic full stops
    f"{BASE}/a\uff0f..\uff0f..\uff0fsteal",  # fullwidth solidus in the path
    f"{BASE}/%e2%88%95..%e2%88%95steal",  # division slash, escaped
    "http://ehr.test\uff0ffhir/x",  # fullwidth solidus in the host (urllib: ValueError)
    "http://ehr.test\uff0f@evil.test/fhir/x",
    "http://ehr.t\u0435st/fhir/x",  # a Cyrillic e in the host
    "http://ehr.test<evil.test/fhir/x",  # a host httpx would re-encode
    "http://[ehr.test/fhir/x",  # an unclosed IPv6 bracket (urllib: ValueError)
    "http://ehr.test@evil.test/fhir/x",  # user information
    "http://ehr.test:80@evil.test/fhir/x",
    "http://evil.test/fhir/x",  # another host
    "http://ehr.test.evil.test/fhir/x",
    "http://ehr.test:8080/fhir/x",  # another port
    "https://ehr.test/fhir/x",  # another scheme
    "ftp://ehr.test/fhir/x",
    "http://ehr.test/fhirx/steal",  # a prefix that is not a path segment
    "http://ehr.test/fhir-admin/steal",
    "http://ehr.test/steal",
]


class Recorder:
    """A FHIR server that answers everything and remembers (url, Authorization) of every request."""

    def __init__(self, answer: Any = None) -> None:
        self.requests: list[tuple[str, str]] = []
        self.answer = answer or (lambda request: httpx.Response(200, json={"resourceType": "Bundle",
                                                                           "type": "searchset"}))

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((str(request.url), request.headers.get("authorization", "")))
        response: httpx.Response = self.answer(request)
        return response

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handler))

    def with_token(self) -> list[str]:
        return [url for url, auth in self.requests if TOKEN in auth]

    def outside(self) -> list[str]:
        """Requests that reached anything but the base's own paths, in the form the server received."""
        return [url for url, _ in self.requests if under(url, BASE) is None]


# ---------------------------------------------------------------------------------------- the rule itself

@pytest.mark.parametrize("url", ESCAPES)
def test_no_escape_is_under_the_base(url: str) -> None:
    assert under(url, BASE) is None
    with pytest.raises(UnsafeUrl):
        token_url(url, BASE)


@pytest.mark.parametrize(("url", "sent"), [
    ("HTTP://EHR.test:80/fhir/Patient/1", f"{BASE}/Patient/1"),
    (f"{BASE}/%50atient/1?name=%2e%2e", f"{BASE}/Patient/1?name=%2e%2e"),  # the query is not a path
    (f"{BASE}/Patient/x/../1", f"{BASE}/Patient/1"),
    (BASE, BASE),
    (f"{BASE}/", f"{BASE}/"),
])
def test_urls_under_the_base_are_sent_in_normal_form(url: str, sent: str) -> None:
    assert token_url(url, BASE) == sent
    assert token_url(url, BASE + "/") == sent


def test_relative_references_are_resolved_against_the_base() -> None:
    assert token_url("Observation/1", BASE) == f"{BASE}/Observation/1"
    for escape in ("../steal", "Observation/../../steal", "%2e%2e/steal", "urn:uuid:1", "%u002e%u002e/steal",
                   "%c0%ae%c0%ae/steal", "\uff0e\uff0e/steal", "http://ehr.test\uff0ffhir/x"):
        with pytest.raises(UnsafeUrl):
            token_url(escape, BASE)


def test_the_normal_form_drops_default_ports_and_keeps_others() -> None:
    assert str(normalise("https://EHR.test:443/a")) == "https://ehr.test/a"
    assert str(normalise("http://ehr.test:8080/a")) == "http://ehr.test:8080/a"
    for kept in ("http://[::1]:8080/a", "http://127.0.0.1/a", "http://fhir_server/a%20b"):  # IP literals, _
        assert str(normalise(kept)) == kept
    for bad in ("http://ehr.test:99999/a", "http:///a", "http://ehr.test/a\tb", "javascript:alert(1)",
                "http://ehr.test\uff0ffhir/x", "http://[::1/a", "http://ehr.test/a%zz", "http://ehr.test/a%"):
        with pytest.raises(UnsafeUrl):
            normalise(bad)


# ---------------------------------------------------------------------------------------- CDS prefetch

def _hook_with_next(next_url: str) -> dict[str, Any]:
    """A patient-view request with a token whose prefetched conditions page names ``next_url``."""
    return {"hook": "patient-view", "hookInstance": "h-1", "fhirServer": BASE,
            "fhirAuthorization": {"access_token": TOKEN, "token_type": "Bearer", "expires_in": 300,
                                  "scope": "patient/*.read", "subject": "cds"},
            "context": {"userId": "Practitioner/dr-1", "patientId": "p-1"},
            "prefetch": {"conditions": {"resourceType": "Bundle", "type": "searchset",
                                        "link": [{"relation": "next", "url": next_url}]},
                         "medications": None, "observations": None}}


@pytest.mark.parametrize("next_url", ESCAPES)
async def test_cds_prefetch_next_links_outside_the_base_get_no_token(next_url: str) -> None:
    from cds_hooks.models import HookRequest
    from cds_hooks.prefetch import chart_resources

    fhir = Recorder()
    hook = HookRequest.model_validate(_hook_with_next(next_url))
    async with fhir.client() as http:
        await chart_resources(hook, {}, http)
    assert fhir.requests == []


async def test_cds_prefetch_follows_a_next_link_under_the_base_in_normal_form() -> None:
    from cds_hooks.models import HookRequest
    from cds_hooks.prefetch import chart_resources

    fhir = Recorder()
    hook = HookRequest.model_validate(_hook_with_next(f"{BASE}/x/../Condition?page=2"))
    async with fhir.client() as http:
        await chart_resources(hook, {}, http)
    assert fhir.requests == [(f"{BASE}/Condition?page=2", f"Bearer {TOKEN}")]


# ---------------------------------------------------------------------------------------- SMART FHIR reads

@pytest.mark.parametrize("resource_id", ["../../steal", "%2e%2e/%2e%2e/steal", "x/..%2f..%2f..%2fsteal",
                                         "..;/..;/steal"])
async def test_smart_reads_of_ids_that_leave_the_issuer_send_nothing(resource_id: str) -> None:
    from smart_app.fhir_client import FhirReader

    fhir = Recorder()
    async with fhir.client() as http:
        assert await FhirReader(http).read(BASE, TOKEN, "DocumentReference", resource_id) is None
    assert fhir.requests == []


async def test_smart_reads_under_the_issuer_carry_the_token() -> None:
    from smart_app.fhir_client import FhirReader

    fhir = Recorder(lambda request: httpx.Response(200, json={"resourceType": "Patient", "id": "p-1"}))
    async with fhir.client() as http:
        assert await FhirReader(http).read(BASE, TOKEN, "Patient", "p-1") == {"resourceType": "Patient", "id": "p-1"}
    assert fhir.requests == [(f"{BASE}/Patient/p-1", f"Bearer {TOKEN}")]


# ---------------------------------------------------------------------------------------- FHIR source (ingest)

@pytest.mark.parametrize("next_url", ESCAPES)
async def test_fhir_source_search_does_not_follow_next_links_out_of_the_base(next_url: str) -> None:
    from fhir_ingest.errors import SourceError
    from fhir_ingest.fhir_source import FhirSource

    page = {"resourceType": "Bundle", "type": "searchset", "link": [{"relation": "next", "url": next_url}],
            "entry": [{"resource": {"resourceType": "Observation", "id": "o-1"}}]}
    fhir = Recorder(lambda request: httpx.Response(200, json=page))
    async with fhir.client() as http:
        source = FhirSource(BASE, http, TOKEN)
        with pytest.raises(SourceError):
            _ = [r async for r in source.search("Observation", {"_lastUpdated": "gt2020"})]
    assert len(fhir.requests) == 1 and not fhir.outside()


@pytest.mark.parametrize("reference", ["Observation/../../steal", "%2e%2e/steal", f"{BASE}/%2e%2e/steal",
                                       "http://ehr.test@evil.test/fhir/Observation/1", f"{BASE}x/Observation/1"])
async def test_fhir_source_reads_of_references_out_of_the_base_send_nothing(reference: str) -> None:
    from fhir_ingest.errors import SourceError
    from fhir_ingest.fhir_source import FhirSource

    fhir = Recorder()
    async with fhir.client() as http:
        source = FhirSource(BASE, http, TOKEN)
        with pytest.raises(SourceError):
            await source.read(reference)
        with pytest.raises(SourceError):
            await source.binary(reference)
    assert fhir.requests == []


async def test_subscription_ids_cannot_take_the_token_off_the_base() -> None:
    from fhir_ingest.errors import SourceError
    from fhir_ingest.subscriptions import SubscriptionManager

    fhir = Recorder()
    async with fhir.client() as http:
        manager = SubscriptionManager(BASE, http, TOKEN)
        with pytest.raises(SourceError):
            await manager.delete("%2e%2e/%2e%2e/steal")
    assert fhir.requests == []


# ---------------------------------------------------------------------------------------- Bulk Data

def _manifest(requires_token: Any, *urls: str) -> dict[str, Any]:
    return {"transactionTime": "2026-12-06T00:00:00Z", "request": f"{BASE}/Patient/$export",
            "requiresAccessToken": requires_token, "output": [{"type": "Patient", "url": u} for u in urls]}


def _ndjson(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text='{"resourceType": "Patient", "id": "p-1"}\n')


async def test_bulk_sends_the_token_to_output_files_under_the_base_when_required(tmp_path: Path) -> None:
    from fhir_ingest.sources.bulk import BulkExportClient

    fhir = Recorder(_ndjson)
    async with fhir.client() as http:
        await BulkExportClient(BASE, http, TOKEN).download(_manifest(True, f"{BASE}/files/Patient.ndjson"), tmp_path)
    assert fhir.requests == [(f"{BASE}/files/Patient.ndjson", f"Bearer {TOKEN}")]


@pytest.mark.parametrize("url", ESCAPES)
async def test_bulk_refuses_a_file_that_requires_the_token_outside_the_base(tmp_path: Path, url: str) -> None:
    from fhir_ingest.errors import SourceError
    from fhir_ingest.sources.bulk import BulkExportClient

    fhir = Recorder(_ndjson)
    async with fhir.client() as http:
        with pytest.raises(SourceError):
            await BulkExportClient(BASE, http, TOKEN).download(_manifest(True, url), tmp_path)
    assert fhir.requests == []


@pytest.mark.parametrize("requires", [False, None, "true"])
async def test_bulk_sends_no_token_when_the_manifest_does_not_require_it(tmp_path: Path, requires: Any) -> None:
    """``requiresAccessToken`` false (or anything but JSON true): no Authorization header, wherever the file
    is — on the server itself or on a foreign storage host."""
    from fhir_ingest.sources.bulk import BulkExportClient

    fhir = Recorder(_ndjson)
    manifest = _manifest(requires, f"{BASE}/files/Patient.ndjson", "https://storage.test/bucket/Patient.ndjson?sig=x")
    async with fhir.client() as http:
        files = await BulkExportClient(BASE, http, TOKEN).download(manifest, tmp_path)
    assert len(files) == 2 and len(fhir.requests) == 2
    assert [auth for _, auth in fhir.requests] == ["", ""]


async def test_bulk_polls_only_a_status_url_under_the_base(tmp_path: Path) -> None:
    from fhir_ingest.errors import SourceError
    from fhir_ingest.sources.bulk import BulkExportClient

    fhir = Recorder()
    async with fhir.client() as http:
        client = BulkExportClient(BASE, http, TOKEN)
        for status in ("http://evil.test/status/1", f"{BASE}/%2e%2e/status/1"):
            with pytest.raises(SourceError):
                await client.poll(status)
    assert fhir.requests == []

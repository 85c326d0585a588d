"""CDS Hooks service: discovery, the patient-view chart-summary card, feedback, and JWT attacks —
each rejected with 401/403 and audited."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, OctKey

from cds_hooks.routes import build_cds_router
from cds_hooks.settings import CdsSettings
from rag_core.documents import load_path
from smart_app.app import create_app
from tests.conftest import BEATRIS, BEATRIS_ID, EDYTHE, EDYTHE_ID, SYNTHEA

pytestmark = pytest.mark.slow
BASE = "http://cds.test"
ISS = "https://ehr.example.org"
KEY = ECKey.generate_key("P-384", parameters={"kid": "ehr-1"}, private=True)
OTHER = ECKey.generate_key("P-384", parameters={"kid": "ehr-1"}, private=True)


def token(aud: str, key: Any = KEY, alg: str = "ES384", **claims: Any) -> str:
    now = int(time.time())
    body = {"iss": ISS, "aud": aud, "exp": now + 300, "iat": now, "jti": str(uuid.uuid4())} | claims
    header = {"alg": alg, "kid": "ehr-1", "typ": "JWT"} | claims.pop("_header", {})
    return jwt.encode(header, {k: v for k, v in body.items() if v is not None}, key, algorithms=[alg])


def hook(patient: str, hook_name: str = "patient-view") -> dict[str, Any]:
    return {"hook": hook_name, "hookInstance": str(uuid.uuid4()), "fhirServer": "https://ehr.example.org/fhir",
            "context": {"userId": "Practitioner/dr-1", "patientId": patient}}


FHIR = "https://ehr.example.org/fhir"


def chart_of(bundle: Path) -> dict[str, list[dict[str, Any]]]:
    resources = [e["resource"] for e in json.loads(bundle.read_text())["entry"]]
    for r in resources:  # as a FHIR server returns them: plain relative references
        for key in ("subject", "patient"):
            if isinstance(r.get(key), dict):
                r[key] = {"reference": "Patient/" + r[key]["reference"].rsplit(":", 1)[-1]}
    return {t: [r for r in resources if r["resourceType"] == t] for t in ("Condition", "MedicationRequest", "Observation")}


def searchset(resources: list[dict[str, Any]], next_url: str | None = None) -> dict[str, Any]:
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources]}
    if next_url:
        bundle["link"] = [{"relation": "next", "url": next_url}]
    return bundle


class FakeFhir:
    """The EHR's FHIR server as the CDS service sees it (bearer token required)."""

    def __init__(self) -> None:
        self.pages: dict[str, dict[str, Any]] = {}
        self.requests: list[str] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(str(request.url))
        if request.headers.get("authorization") != "Bearer ehr-token":
            return httpx.Response(401)
        for prefix, body in self.pages.items():
            if str(request.url).startswith(prefix):
                return httpx.Response(200, json=body)
        return httpx.Response(404, json={"resourceType": "OperationOutcome", "issue": []})


FAKE_FHIR = FakeFhir()
AUTH = {"access_token": "ehr-token", "token_type": "Bearer", "expires_in": 300, "scope": "patient/*.read",
        "subject": "cds-service"}


@pytest.fixture(scope="module")
async def client(two_patient_runtime: Any) -> AsyncIterator[httpx.AsyncClient]:
    async def factory() -> Any:
        return two_patient_runtime

    app = create_app(factory)
    app.state.runtime = two_patient_runtime
    settings = CdsSettings(base_url=BASE, trusted_jwks={ISS: {"keys": [KEY.as_dict(private=False)]}},
                           smart_launch_url="http://chartrag.test/launch", fhir_servers={ISS: [FHIR]})
    router, _ = build_cds_router(settings, httpx.AsyncClient(transport=httpx.MockTransport(FAKE_FHIR.handler)))
    app.include_router(router)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as c:
        yield c


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


async def test_discovery_lists_the_service(client: httpx.AsyncClient) -> None:
    response = await client.get("/cds-services", headers=bearer(token(f"{BASE}/cds-services")))
    assert response.status_code == 200
    (service,) = response.json()["services"]
    assert service["id"] == "chart-summary" and service["hook"] == "patient-view"
    assert all("{{context.patientId}}" in p for p in service["prefetch"].values())


@pytest.mark.parametrize(("patient", "bundle"), [(BEATRIS_ID, BEATRIS), (EDYTHE_ID, EDYTHE)])
async def test_card_cites_only_the_requests_patient(client: httpx.AsyncClient, patient: str, bundle: Any) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    response = await client.post(url, json=hook(patient), headers=bearer(token(url)))
    assert response.status_code == 200
    cards = response.json()["cards"]
    assert len(cards) == 1
    card = cards[0]
    assert len(card["summary"]) < 140 and card["indicator"] in ("info", "warning") and card["source"]["label"]
    assert card["links"][0]["type"] == "smart" and json.loads(card["links"][0]["appContext"])
    assert all(v not in (None, "", [], {}) for v in card.values())  # no null or empty optional fields
    cited = set(re.findall(r"\]\([^)\s]*/([A-Z][A-Za-z]+/[0-9a-f-]+)\)", card["detail"]))
    own = {d.source.reference for d in load_path(bundle).documents}
    assert cited and cited <= own


async def test_unknown_service_and_wrong_hook(client: httpx.AsyncClient) -> None:
    url = f"{BASE}/cds-services/nope"
    assert (await client.post(url, json=hook(EDYTHE_ID), headers=bearer(token(url)))).status_code == 404
    url = f"{BASE}/cds-services/chart-summary"
    wrong = await client.post(url, json=hook(EDYTHE_ID, "order-select"), headers=bearer(token(url)))
    assert wrong.status_code == 400
    broken = await client.post(url, json={"hook": "patient-view"}, headers=bearer(token(url)))
    assert broken.status_code == 400


def _attacks() -> list[tuple[str, Any]]:
    url = f"{BASE}/cds-services/chart-summary"
    now = int(time.time())
    public_as_secret = OctKey.import_key(json.dumps(KEY.as_dict(private=False)).encode())
    return [
        ("missing", None),
        ("alg-none", "eyJhbGciOiJub25lIiwia2lkIjoiZWhyLTEifQ." + __import__("base64").urlsafe_b64encode(
            json.dumps({"iss": ISS, "aud": url, "exp": now + 60, "iat": now, "jti": "x"}).encode()
        ).rstrip(b"=").decode() + "."),
        ("hs256-with-public-key", token(url, key=public_as_secret, alg="HS256")),
        ("wrong-aud", token(f"{BASE}/cds-services")),
        ("expired", token(url, exp=now - 600, iat=now - 900)),
        ("future-iat", token(url, iat=now + 3600, exp=now + 4000)),
        ("unknown-kid", token(url, _header={"kid": "other"})),
        ("wrong-key", token(url, key=OTHER)),
        ("unknown-iss", token(url, iss="https://evil.example.com")),
        ("jku-not-allowed", token(url, _header={"jku": "https://evil.example.com/jwks"})),
        ("no-jti", token(url, jti=None)),
        ("ten-year-lifetime", token(url, exp=now + 10 * 365 * 86400)),
        ("issued-30-days-ago", token(url, iat=now - 30 * 86400, exp=now + 60)),
        ("exp-1e30", token(url, exp=10**30)),
        ("exp-not-a-number", token(url, exp="soon")),
        ("iat-float-nan-like", token(url, iat=1e300)),
    ]


@pytest.mark.parametrize(("name", "jwt_value"), _attacks(), ids=[a[0] for a in _attacks()])
async def test_jwt_attacks_are_rejected_and_audited(
    client: httpx.AsyncClient, two_patient_runtime: Any, name: str, jwt_value: str | None
) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    headers = bearer(jwt_value) if jwt_value else {}
    response = await client.post(url, json=hook(EDYTHE_ID), headers=headers)
    assert response.status_code in (401, 403), name
    record = json.loads(two_patient_runtime.settings.resolved_audit_path.read_text().splitlines()[-1])
    assert record["event"] == "cds_auth_rejected" and record["status"] == response.status_code


async def test_replayed_jti_is_rejected(client: httpx.AsyncClient) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    once = token(url)
    assert (await client.post(url, json=hook(EDYTHE_ID), headers=bearer(once))).status_code == 200
    assert (await client.post(url, json=hook(EDYTHE_ID), headers=bearer(once))).status_code == 401


async def test_feedback_is_audited_with_the_card(client: httpx.AsyncClient, two_patient_runtime: Any) -> None:
    url = f"{BASE}/cds-services/chart-summary/feedback"
    card = str(uuid.uuid4())
    body = {"feedback": [{"card": card, "outcome": "overridden", "outcomeTimestamp": "2026-11-28T10:00:00Z",
                          "overrideReason": {"reason": {"code": "not-relevant", "system": "x"},
                                             "userComment": "free text that must not be logged"}}]}
    response = await client.post(url, json=body, headers=bearer(token(url)))
    assert response.status_code == 200
    raw = two_patient_runtime.settings.resolved_audit_path.read_text()
    record = json.loads(raw.splitlines()[-1])
    assert record["event"] == "cds_feedback" and record["card"] == card and record["override_reason"] == "not-relevant"
    assert "must not be logged" not in raw


def _cited(card: dict[str, Any]) -> set[str]:
    return set(re.findall(r"\]\([^)\s]*/([A-Z][A-Za-z]+/[0-9a-f-]+)\)", card["detail"]))


async def test_prefetch_bundles_paged_are_used_for_an_unindexed_patient(client: httpx.AsyncClient) -> None:
    bundle = SYNTHEA / "Napoleon578_Fay398_38f38890-b80f-6542-51d4-882c7b37b0bf.json"
    patient = "38f38890-b80f-6542-51d4-882c7b37b0bf"
    chart = chart_of(bundle)
    half = len(chart["Observation"]) // 2
    FAKE_FHIR.pages[f"{FHIR}/page-2"] = searchset(chart["Observation"][half:])
    body = hook(patient) | {"fhirAuthorization": AUTH, "prefetch": {
        "patient": {"resourceType": "Patient", "id": patient},
        "conditions": searchset(chart["Condition"]), "medications": searchset(chart["MedicationRequest"]),
        "observations": searchset(chart["Observation"][:half], next_url=f"{FHIR}/page-2")}}
    url = f"{BASE}/cds-services/chart-summary"
    response = await client.post(url, json=body, headers=bearer(token(url)))
    assert response.status_code == 200 and f"{FHIR}/page-2" in FAKE_FHIR.requests
    (card,) = response.json()["cards"]
    own = {f"{t}/{r['id']}" for t, rs in chart.items() for r in rs}
    assert _cited(card) and _cited(card) <= own


async def test_prefetch_answers_that_request_only_and_never_creates_a_chart(
    client: httpx.AsyncClient, two_patient_runtime: Any
) -> None:
    """A CDS client is not a source of chart data: what it sends for an unindexed patient is summarised
    in memory for its card and never reaches the index, so no later question is answered from it."""
    from rag_core.errors import PatientNotIndexed
    from rag_core.models import PATIENT_DATA, PatientScope, SearchFilter

    patient = "zebra-1"
    condition = {"resourceType": "Condition", "id": "zebra-c1", "subject": {"reference": f"Patient/{patient}"},
                 "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                                "code": "active"}]},
                 "code": {"text": "Injected zebra fever"}, "onsetDateTime": "2025-01-02"}
    body = hook(patient) | {"fhirServer": None, "prefetch": {
        "conditions": searchset([condition]), "medications": None, "observations": None}}
    url = f"{BASE}/cds-services/chart-summary"
    response = await client.post(url, json=body, headers=bearer(token(url)))
    assert response.status_code == 200 and "Injected zebra fever" in response.json()["cards"][0]["detail"]
    scope = PatientScope.full(patient, "dr-check")
    assert await two_patient_runtime.index.count(PATIENT_DATA, SearchFilter(), scope) == 0
    with pytest.raises(PatientNotIndexed):
        await two_patient_runtime.service.answer("Does the patient have zebra fever?", scope)
    record = json.loads(two_patient_runtime.settings.resolved_audit_path.read_text().splitlines()[-2])
    assert record["event"] == "cds_hook" and record["chart_source"] == "prefetch-this-request-only"


@pytest.mark.parametrize("patient", ["x&_count=999", "x/../../internal-admin", "a b", "x%26y", "x" * 65])
async def test_patient_ids_that_are_not_fhir_ids_are_refused(client: httpx.AsyncClient, patient: str) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    before = len(FAKE_FHIR.requests)
    response = await client.post(url, json=hook(patient) | {"fhirAuthorization": AUTH}, headers=bearer(token(url)))
    assert response.status_code == 400 and len(FAKE_FHIR.requests) == before


async def test_the_ehr_token_goes_only_to_the_allowed_fhir_server(client: httpx.AsyncClient) -> None:
    """SSRF: a fhirServer not on this client's list gets no request (and no token); a ``next`` link to
    another host, or outside the FHIR base, is not followed."""
    url = f"{BASE}/cds-services/chart-summary"
    patient = "ssrf-1"
    before = len(FAKE_FHIR.requests)
    internal = hook(patient) | {"fhirServer": "http://127.0.0.1:8266/internal-admin", "fhirAuthorization": AUTH}
    response = await client.post(url, json=internal, headers=bearer(token(url)))
    assert response.status_code == 412 and len(FAKE_FHIR.requests) == before
    for elsewhere in ("http://127.0.0.1:8266/internal-admin/next", "https://ehr.example.org/admin/next",
                      "https://ehr.example.org.evil.example/fhir/next", "https://user@ehr.example.org/fhir/x",
                      "https://ehr.example.org/fhir/../admin"):
        body = hook(patient) | {"fhirAuthorization": AUTH, "prefetch": {
            "conditions": searchset([], next_url=elsewhere), "medications": None, "observations": None}}
        response = await client.post(url, json=body, headers=bearer(token(url)))
        assert response.status_code == 200, elsewhere
        assert elsewhere not in FAKE_FHIR.requests and len(FAKE_FHIR.requests) == before


async def test_templates_percent_encode_ids(client: httpx.AsyncClient) -> None:
    from cds_hooks.models import HookRequest
    from cds_hooks.prefetch import _template_query

    request = HookRequest.model_validate(hook("abc-1.2") | {"context": {"patientId": "abc-1.2",
                                                                        "userId": "Practitioner/dr-1"}})
    assert _template_query("Condition?patient={{context.patientId}}&x=1", request) == "Condition?patient=abc-1.2&x=1"


@pytest.mark.parametrize("raw", [
    "[" * 100_000 + "]" * 100_000,
    '{"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "a", "userId": "Practitioner/1"}, "n": NaN}',
    '{"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "a", "patientId": "b", '
    '"userId": "Practitioner/1"}}',
    '{"hook": "patient-view", "hookInstance": "x", "context": {"patientId": "a", "userId": "Practitioner/1"}, '
    '"prefetch": {"conditions": {"entry": Infinity}}}',
    "\xff\xfe",
])
async def test_hostile_json_is_a_400_not_a_500(client: httpx.AsyncClient, raw: str) -> None:
    for path in ("/cds-services/chart-summary", "/cds-services/chart-summary/feedback"):
        url = f"{BASE}{path}"
        response = await client.post(url, content=raw.encode("latin-1"), headers=bearer(token(url)) | {
            "Content-Type": "application/json"})
        assert response.status_code == 400, (path, raw[:40])


async def test_missing_prefetch_without_authorization_is_412(client: httpx.AsyncClient) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    response = await client.post(url, json=hook("d66b5418-06cb-fc8a-8c13-85685b6ac939") | {"fhirServer": None},
                                 headers=bearer(token(url)))
    assert response.status_code == 412 and "conditions" in response.json()["error"]


async def test_null_prefetch_means_no_data_and_no_card(client: httpx.AsyncClient) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    body = hook("ad134528-56a5-35fd-c37f-466ff119c625") | {
        "prefetch": {"conditions": None, "medications": None, "observations": None}}
    response = await client.post(url, json=body, headers=bearer(token(url)))
    assert response.status_code == 200 and response.json() == {"cards": []}


async def test_operation_outcome_prefetch_is_fetched_from_the_fhir_server(client: httpx.AsyncClient) -> None:
    bundle = SYNTHEA / "Maye976_Dickinson688_04f25f73-04b2-469c-3806-540417a0d61c.json"
    patient = "04f25f73-04b2-469c-3806-540417a0d61c"
    chart = chart_of(bundle)
    FAKE_FHIR.pages[f"{FHIR}/Condition?patient={patient}"] = searchset(chart["Condition"])
    failed = {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]}
    body = hook(patient) | {"fhirAuthorization": AUTH, "prefetch": {
        "conditions": failed, "medications": searchset(chart["MedicationRequest"]),
        "observations": searchset(chart["Observation"])}}
    url = f"{BASE}/cds-services/chart-summary"
    response = await client.post(url, json=body, headers=bearer(token(url)))
    assert response.status_code == 200
    assert any(r.startswith(f"{FHIR}/Condition?patient={patient}") for r in FAKE_FHIR.requests)
    (card,) = response.json()["cards"]
    assert any(ref.startswith("Condition/") for ref in _cited(card))


async def test_new_data_for_a_patient_refreshes_the_cached_card(client: httpx.AsyncClient, two_patient_runtime: Any) -> None:
    url = f"{BASE}/cds-services/chart-summary"
    first = (await client.post(url, json=hook(EDYTHE_ID), headers=bearer(token(url)))).json()["cards"][0]
    new_problem = {"resourceType": "Condition", "id": "new-problem-1", "subject": {"reference": f"Patient/{EDYTHE_ID}"},
                   "clinicalStatus": {"coding": [{"code": "active"}]}, "code": {"text": "Gout"},
                   "onsetDateTime": "2026-01-05"}
    from rag_core.documents import resources_to_documents

    docs = resources_to_documents([("Condition/new-problem-1", new_problem)]).documents
    await two_patient_runtime.indexer.index_documents(docs)
    second = (await client.post(url, json=hook(EDYTHE_ID), headers=bearer(token(url)))).json()["cards"][0]
    assert "Gout" not in first["detail"] and "Gout" in second["detail"]
    await two_patient_runtime.indexer.delete("Condition", "new-problem-1", EDYTHE_ID)
    third = (await client.post(url, json=hook(EDYTHE_ID), headers=bearer(token(url)))).json()["cards"][0]
    assert "Gout" not in third["detail"]  # a delete refreshes the card too


def test_redis_replay_cache_refuses_a_second_use() -> None:
    import redis

    from cds_hooks.auth import RedisReplayCache
    from tests.conftest import REDIS_URL

    redis.Redis.from_url(REDIS_URL).ping()  # the real Redis: .ci/run starts it
    cache = RedisReplayCache(REDIS_URL, prefix=f"chartrag:test:jti:{uuid.uuid4().hex}:")
    assert cache.first_use("jti-1", time.time() + 30) is True
    assert cache.first_use("jti-1", time.time() + 30) is False
    assert cache.first_use("jti-2", time.time() + 30) is True

"""CDS Hooks service: discovery, the patient-view chart-summary card, feedback, and JWT attacks —
each rejected with 401/403 and audited."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, OctKey

from cds_hooks.routes import build_cds_router
from cds_hooks.settings import CdsSettings
from rag_core.documents import load_path
from smart_app.app import create_app
from tests.conftest import BEATRIS, BEATRIS_ID, EDYTHE, EDYTHE_ID

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


@pytest.fixture(scope="module")
async def client(two_patient_runtime: Any) -> AsyncIterator[httpx.AsyncClient]:
    async def factory() -> Any:
        return two_patient_runtime

    app = create_app(factory)
    app.state.runtime = two_patient_runtime
    settings = CdsSettings(base_url=BASE, trusted_jwks={ISS: {"keys": [KEY.as_dict(private=False)]}},
                           smart_launch_url="http://chartrag.test/launch")
    router, _ = build_cds_router(settings, httpx.AsyncClient())
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
    cited = set(__import__("re").findall(r"\[([A-Za-z]+/[0-9a-f-]+)\]", card["detail"]))
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

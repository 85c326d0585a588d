"""End to end on the real pipeline: two shared patients ingested into Qdrant Edge with MiniLM →
questions → validated, cited answers; the HTTP API; the audit trail."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import httpx
import pytest

from rag_core.audit import verify
from rag_core.errors import IsolationError
from rag_core.evaluation import run_eval
from rag_core.models import PatientScope
from smart_app.app import create_app
from tests.conftest import BEATRIS_ID, EDYTHE_ID, ROOT

pytestmark = pytest.mark.slow


async def test_reingesting_the_same_bundle_duplicates_nothing(two_patient_runtime: Any) -> None:
    from rag_core.documents import load_path
    from rag_core.models import PATIENT_DATA, SearchFilter
    from tests.conftest import EDYTHE

    scope = PatientScope.full(EDYTHE_ID, "ops")
    before = await two_patient_runtime.index.count(PATIENT_DATA, SearchFilter(), scope)
    stats = await two_patient_runtime.indexer.index_documents(load_path(EDYTHE).documents)
    assert stats.chunks == before
    assert await two_patient_runtime.index.count(PATIENT_DATA, SearchFilter(), scope) == before


async def test_answer_is_cited_from_this_patient_only(two_patient_runtime: Any) -> None:
    scope = PatientScope.full(BEATRIS_ID, "dr-e2e")
    answer = await two_patient_runtime.service.answer(
        "What allergies are documented for this patient?", scope, now=date(2023, 10, 2)
    )
    assert not answer.abstained and answer.citations
    assert {c.patient_id for c in answer.citations} == {BEATRIS_ID}
    assert set(answer.retrieved_patient_ids) == {BEATRIS_ID}
    assert all(c.reference.startswith("AllergyIntolerance/") for c in answer.citations)
    assert "Peanut" in answer.answer or "Bee venom" in answer.answer


async def test_absent_fact_abstains(two_patient_runtime: Any) -> None:
    scope = PatientScope.full(BEATRIS_ID, "dr-e2e")
    answer = await two_patient_runtime.service.answer(
        "Has the patient ever been prescribed Warfarin Sodium 5 MG Oral Tablet?", scope, now=date(2023, 10, 2)
    )
    assert answer.abstained and answer.citations == [] and answer.answer.startswith("Not found")


async def test_scopes_narrow_what_is_read(two_patient_runtime: Any) -> None:
    notes_only = PatientScope(EDYTHE_ID, frozenset({"DocumentReference"}), "app")
    answer = await two_patient_runtime.service.answer("What was the most recent body weight result?", notes_only)
    assert answer.abstained and not answer.retrieved_chunk_ids
    with pytest.raises(IsolationError):
        await two_patient_runtime.service.answer("anything", None)


async def test_dev_questions_for_the_two_patients(two_patient_runtime: Any) -> None:
    questions = [
        json.loads(line)
        for line in (ROOT / "tests" / "data" / "dev_questions_two_patients.jsonl").read_text().splitlines()
    ]
    report = await run_eval(two_patient_runtime.service, questions, k=10)
    assert report["n"] == len(questions) > 20
    assert report["leakage"] == 0
    assert report["citation_precision"] >= 0.99 and report["unsupported_claim_rate"] <= 0.005
    assert report["evidence_recall_at_k"] >= 0.95 and report["abstention_accuracy"] >= 0.95
    assert report["answer_fact_accuracy"] >= 0.85


async def test_json_api_needs_a_credential(two_patient_runtime: Any) -> None:
    """/api/ask needs its token; loopback callers are trusted only where the app says so (the demo)."""
    from smart_app.settings import SmartSettings

    async def factory() -> Any:
        return two_patient_runtime

    body = {"patient_id": EDYTHE_ID, "question": "Which vaccines were given in 2021?"}
    guarded = create_app(factory, SmartSettings(api_token="s3cret"))
    guarded.state.runtime = two_patient_runtime
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=guarded), base_url="http://t") as client:
        assert (await client.post("/api/ask", json=body)).status_code == 401
        assert (await client.post("/api/ask", json=body, headers={"Authorization": "Bearer wrong"})).status_code == 401
        ok = await client.post("/api/ask", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
    served = create_app(factory, SmartSettings())  # `chartrag serve` with no token: nobody, loopback included
    served.state.runtime = two_patient_runtime
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=served), base_url="http://t") as client:
        refused = await client.post("/api/ask", json=body)
        assert refused.status_code == 401 and "CHARTRAG_SMART_API_TOKEN" in refused.json()["detail"]
    demo = create_app(factory, SmartSettings(trust_loopback=True))
    demo.state.runtime = two_patient_runtime
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=demo), base_url="http://t") as client:
        assert (await client.post("/api/ask", json=body)).status_code == 200
    remote = httpx.ASGITransport(app=demo, client=("10.1.2.3", 5555))
    async with httpx.AsyncClient(transport=remote, base_url="http://t") as client:
        assert (await client.post("/api/ask", json=body)).status_code == 401


async def test_http_ask_and_healthz(two_patient_runtime: Any) -> None:
    from smart_app.settings import SmartSettings

    async def factory() -> Any:
        return two_patient_runtime

    app = create_app(factory, SmartSettings(trust_loopback=True))
    app.state.runtime = two_patient_runtime  # lifespan is not run by the ASGI transport
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        health = await client.get("/healthz")
        assert health.status_code == 200 and health.json()["patient_data_points"] > 0
        ok = await client.post("/api/ask", json={"patient_id": EDYTHE_ID, "question": "Which vaccines were given in 2021?",
                                                  "requester": "dr-http", "now": "2021-12-31"})
        assert ok.status_code == 200
        body = ok.json()
        assert body["patient_id"] == EDYTHE_ID and all(c["patient_id"] == EDYTHE_ID for c in body["citations"])
        bad = await client.post("/api/ask", json={"patient_id": "", "question": "x"})
        assert bad.status_code == 422
        blank = await client.post("/api/ask", json={"patient_id": EDYTHE_ID, "question": "   "})
        assert blank.status_code == 422 and "empty" in blank.json()["detail"]
        narrow = await client.post("/api/ask", json={"patient_id": EDYTHE_ID, "question": "x",
                                                      "resource_types": ["Spaceship"]})
        assert narrow.status_code == 422


async def test_every_answer_is_audited_without_patient_text(two_patient_runtime: Any) -> None:
    path = two_patient_runtime.settings.resolved_audit_path
    scope = PatientScope.full(EDYTHE_ID, "dr-audit")
    question = "When was Prediabetes first diagnosed?"
    answer = await two_patient_runtime.service.answer(question, scope, now=date(2023, 1, 1))
    assert not answer.abstained and answer.citations[0].reference.startswith("Condition/")
    record = json.loads(path.read_text().splitlines()[-1])
    assert record["requester"] == "dr-audit" and record["patient_id"] == EDYTHE_ID
    assert record["cited_chunk_ids"] == [c.chunk_id for c in answer.citations]
    raw = path.read_text()
    assert question not in raw and "Prediabetes" not in raw
    assert hashlib.sha256(question.encode()).hexdigest() not in raw  # keyed: no dictionary lookup
    assert record["question_hmac"] == two_patient_runtime.service.audit.question_hash(question)
    assert verify(path, two_patient_runtime.service.audit.key).ok

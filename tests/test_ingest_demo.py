"""The product wiring end to end: ChartRAG built as `chartrag serve`/`demo` build it (worker in the
web process, endpoint at /fhir/notify) and the sandbox EHR acting as the subscribed FHIR server. A
clinician results a lab and signs a note in the sandbox; ChartRAG answers from them, cited."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from cds_hooks.settings import CdsSettings
from chartrag.http import build_app
from fhir_ingest.settings import IngestSettings
from rag_core.settings import RagSettings
from sandbox_ehr.app import create_sandbox
from smart_app.settings import SmartSettings
from tests.conftest import EDYTHE_ID, SYNTHEA
from tests.servers import free_port, serving

pytestmark = pytest.mark.slow


def _ask(app_url: str, question: str) -> dict[str, object]:
    response = httpx.post(f"{app_url}/api/ask", json={"patient_id": EDYTHE_ID, "question": question,
                                                      "requester": "test"}, timeout=30,
                          headers={"Authorization": "Bearer t0ken"})
    if response.status_code == 404:  # nothing of this patient indexed yet: said so, not "not in the chart"
        assert "not indexed" in response.json()["detail"]
        return {}
    assert response.status_code == 200
    answer: dict[str, object] = response.json()
    return answer


def _wait_for(app_url: str, question: str, expected: str, seconds: float = 30) -> dict[str, object]:
    deadline = time.time() + seconds
    while True:
        answer = _ask(app_url, question)
        if expected in str(answer):
            return answer
        assert time.time() < deadline, f"{expected!r} never became searchable"
        time.sleep(0.1)


def test_a_lab_resulted_and_a_note_signed_in_the_ehr_are_answered_from(tmp_path: Path) -> None:
    app_port, ehr_port = free_port(), free_port()
    app_url, ehr_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{ehr_port}"
    secret = "demo-secret"
    app = build_app(RagSettings(data_dir=tmp_path), SmartSettings(base_url=app_url, allowed_issuers=[f"{ehr_url}/fhir"],
                                                                   api_token="t0ken"),
                    CdsSettings(base_url=app_url), IngestSettings(channel_secret=secret, redis_url=None))
    sandbox = create_sandbox(SYNTHEA, ehr_url, app_url, notify=(f"{app_url}/fhir/notify", secret))
    with serving(app, app_port), serving(sandbox, ehr_port):
        with httpx.Client(base_url=ehr_url, timeout=30, follow_redirects=True) as ehr:
            chart = ehr.get(f"/ehr/patient/{EDYTHE_ID}")
            assert "New data (notifies ChartRAG)" in chart.text
            posted = ehr.post(f"/ehr/patient/{EDYTHE_ID}/lab", data={"code": "4548-4", "value": "9.3"})
            assert posted.status_code == 200 and "Notification sent" in posted.text
            answer = _wait_for(app_url, "What was the most recent hemoglobin A1c?", "9.3")
            assert any("sandbox-" in str(c) for c in answer["citations"])  # type: ignore[union-attr]
            ehr.post(f"/ehr/patient/{EDYTHE_ID}/note",
                     data={"text": "# Assessment and plan\nStarted dapagliflozin 10 mg daily for glycemic control."})
            _wait_for(app_url, "Was dapagliflozin started?", "dapagliflozin")
            refused = ehr.post(f"/ehr/patient/{EDYTHE_ID}/lab", data={"code": "4548-4", "value": "high"})
            assert refused.status_code == 400
        wrong = httpx.post(f"{app_url}/fhir/notify", json={}, headers={"X-Subscription-Secret": "guess"})
        assert wrong.status_code == 401

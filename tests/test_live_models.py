"""The same flow against the real Anthropic and Cohere APIs — run only where keys are set
(``ANTHROPIC_API_KEY`` / ``COHERE_API_KEY``); skipped otherwise, and never in CI without keys.

    ANTHROPIC_API_KEY=… COHERE_API_KEY=… .venv/bin/python -m pytest -m live
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import SecretStr

from rag_core.documents import load_path
from rag_core.models import PatientScope
from rag_core.runtime import build_runtime
from rag_core.settings import RagSettings
from tests.conftest import EDYTHE, EDYTHE_ID, LIVE_KEYS

pytestmark = pytest.mark.live
QUESTIONS = ["What was the most recent body weight result?", "How has the body weight changed over the last 3 years?",
             "What did the most recent visit note say in its assessment and plan?"]


@pytest.mark.skipif("ANTHROPIC_API_KEY" not in LIVE_KEYS, reason="ANTHROPIC_API_KEY not set")
async def test_claude_answers_cited_and_tokenized(tmp_path: Path) -> None:
    settings = RagSettings(data_dir=tmp_path, redis_url=None, anthropic_api_key=SecretStr(LIVE_KEYS["ANTHROPIC_API_KEY"]))
    runtime = await build_runtime(settings)
    try:
        report = load_path(EDYTHE)
        await runtime.indexer.index_documents(report.documents)
        runtime.indexer.remember(report.records)
        for question in QUESTIONS:
            answer = await runtime.service.answer(question, PatientScope.full(EDYTHE_ID, "live"), now=date(2020, 1, 1))
            assert answer.notice is None, answer.notice
            assert not answer.abstained and answer.citations and not re.search(r"\[[A-Z_]+_\d+\]", answer.answer)
            audit = json.loads(settings.resolved_audit_path.read_text().splitlines()[-1])
            assert audit["model_ids"]["generator"].startswith("anthropic/")
            assert all(e["tokenized"] for e in audit["egress"]) and audit["generation"]["calls"]["ttft_ms"]
    finally:
        await runtime.close()


@pytest.mark.skipif("COHERE_API_KEY" not in LIVE_KEYS, reason="COHERE_API_KEY not set")
async def test_cohere_rerank_ranks_the_visit_note(tmp_path: Path) -> None:
    settings = RagSettings(data_dir=tmp_path, redis_url=None, cohere_api_key=SecretStr(LIVE_KEYS["COHERE_API_KEY"]))
    runtime = await build_runtime(settings)
    try:
        report = load_path(EDYTHE)
        await runtime.indexer.index_documents(report.documents)
        runtime.indexer.remember(report.records)
        answer = await runtime.service.answer(QUESTIONS[2], PatientScope.full(EDYTHE_ID, "live"), now=date(2020, 1, 1))
        audit = json.loads(settings.resolved_audit_path.read_text().splitlines()[-1])
        assert audit["model_ids"]["rerank"].startswith("cohere/") and not answer.abstained
        assert any(e["provider"] == "cohere" and e["tokenized"] for e in audit["egress"])
    finally:
        await runtime.close()

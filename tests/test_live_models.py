"""The same flow against the real Anthropic and Cohere APIs — run only where keys are set
(``ANTHROPIC_API_KEY`` / ``COHERE_API_KEY``); skipped otherwise, and never in CI without keys.

    ANTHROPIC_API_KEY=… COHERE_API_KEY=… .venv/bin/python -m pytest -m live
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from rag_core.documents import load_path
from rag_core.models import PatientScope, ValidatedAnswer
from rag_core.runtime import build_runtime
from rag_core.settings import RagSettings
from tests.conftest import EDYTHE, EDYTHE_ID, LIVE_KEYS

pytestmark = pytest.mark.live
QUESTIONS = ["What was the most recent body weight result?", "How has the body weight changed over the last 3 years?",
             "What did the most recent visit note say in its assessment and plan?"]


@asynccontextmanager
async def asking(tmp_path: Path, **keys: str) -> AsyncIterator[Any]:
    """Ask questions about Edythe with the given provider keys; yields ask(question) → (answer, audit)."""
    settings = RagSettings(data_dir=tmp_path, redis_url=None, **{k: SecretStr(v) for k, v in keys.items()})
    runtime = await build_runtime(settings)
    await runtime.indexer.index_report(load_path(EDYTHE))

    async def ask(question: str) -> tuple[ValidatedAnswer, dict[str, Any]]:
        answer = await runtime.service.answer(question, PatientScope.full(EDYTHE_ID, "live"), now=date(2020, 1, 1))
        return answer, json.loads(settings.resolved_audit_path.read_text().splitlines()[-1])

    try:
        yield ask
    finally:
        await runtime.close()


@pytest.mark.skipif("ANTHROPIC_API_KEY" not in LIVE_KEYS, reason="ANTHROPIC_API_KEY not set")
async def test_claude_answers_cited_and_tokenized(tmp_path: Path) -> None:
    async with asking(tmp_path, anthropic_api_key=LIVE_KEYS["ANTHROPIC_API_KEY"]) as ask:
        for question in QUESTIONS:
            answer, audit = await ask(question)
            assert answer.notice is None, answer.notice
            assert not answer.abstained and answer.citations and not re.search(r"\[[A-Z_]+_\d+\]", answer.answer)
            assert audit["model_ids"]["generator"].startswith("anthropic/")
            assert all(e["tokenized"] for e in audit["egress"]) and audit["generation"]["calls"]["ttft_ms"]


@pytest.mark.skipif("COHERE_API_KEY" not in LIVE_KEYS, reason="COHERE_API_KEY not set")
async def test_cohere_rerank_ranks_the_visit_note(tmp_path: Path) -> None:
    async with asking(tmp_path, cohere_api_key=LIVE_KEYS["COHERE_API_KEY"]) as ask:
        answer, audit = await ask(QUESTIONS[2])
        assert audit["model_ids"]["rerank"].startswith("cohere/") and not answer.abstained
        assert any(e["provider"] == "cohere" and e["tokenized"] for e in audit["egress"])

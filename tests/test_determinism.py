"""The same question on the same index gives the same answer, cold or warm: every dev, tuning and own
held-out question is asked three times — first in a fresh process (cold model, cold caches), then twice
in this one."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.answer_all import answer_all, load
from tests.conftest import SYNTHEA

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"
QUESTIONS = [SHARED_DEV if SHARED_DEV.exists() else ROOT / "tests" / "data" / "dev_questions_two_patients.jsonl",
             ROOT / "data" / "eval" / "tune_questions.jsonl", ROOT / "data" / "eval" / "heldout_questions.jsonl"]


@pytest.fixture(scope="module")
async def index_dir(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Path]:
    from rag_core.documents import load_path
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    data_dir = tmp_path_factory.mktemp("determinism")
    runtime = await build_runtime(RagSettings(data_dir=data_dir, redis_url=None))
    for path in [*sorted(SYNTHEA.glob("*.json")), *sorted((ROOT / "data" / "generated").glob("*.json"))]:
        await runtime.indexer.index_documents(load_path(path).documents)
    await runtime.close()
    yield data_dir


async def test_answers_are_the_same_cold_and_warm(index_dir: Path) -> None:
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    fresh = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "tests.answer_all", str(index_dir), *map(str, QUESTIONS)],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=True)
    cold = [json.loads(line) for line in fresh.stdout.splitlines() if line.startswith("{")]
    questions = load(QUESTIONS)
    assert len(cold) == len(questions) > 400
    runtime = await build_runtime(RagSettings(data_dir=index_dir, redis_url=None))
    try:
        warm: list[list[dict[str, Any]]] = [await answer_all(runtime, questions) for _ in range(2)]
    finally:
        await runtime.close()
    for again in warm:
        changed = [a["id"] for a, b in zip(cold, again, strict=True) if a != b]
        assert not changed, f"{len(changed)} answers changed between runs: {changed[:5]}"

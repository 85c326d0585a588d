"""Answer every question of some JSONL files against an index and print one JSON object per question
(its id, the answer text and the cited references) — run as a fresh process by tests/test_determinism.py:

    python -m tests.answer_all DATA_DIR QUESTIONS.jsonl [...]
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


async def answer_all(runtime: Any, questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from rag_core.errors import PatientNotIndexed
    from rag_core.models import PatientScope

    out = []
    for q in questions:
        try:
            a = await runtime.service.answer(q["question"], PatientScope.full(q["patient_id"], "determinism"),
                                             now=date.fromisoformat(q["now"]))
            out.append({"id": q["id"], "answer": a.answer, "cited": [c.reference for c in a.citations],
                        "abstained": a.abstained})
        except PatientNotIndexed:
            out.append({"id": q["id"], "answer": "not indexed", "cited": [], "abstained": True})
    return out


def load(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


async def main(data_dir: Path, paths: list[Path]) -> None:
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    runtime = await build_runtime(RagSettings(data_dir=data_dir, redis_url=None))
    try:
        for row in await answer_all(runtime, load(paths)):
            print(json.dumps(row))
    finally:
        await runtime.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]))

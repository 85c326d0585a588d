"""A server computes a bounded number of answers at once (so ingestion keeps its CPU share), but a paid
model's network wait never holds one of those slots: two answers both reach the model while one slot
exists."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest

from rag_core.generation import DraftAnswer, ExtractiveGenerator, GenerationInfo
from rag_core.models import PatientScope
from rag_core.service import ChartService
from tests.conftest import EDYTHE_ID

pytestmark = pytest.mark.slow


class WaitingModel:
    """A DraftingModel port fake: every draft waits until released (a slow third-party call)."""

    model_id = "fake/waiting"
    prompt_hash = "0" * 64

    def __init__(self) -> None:
        self.waiting = 0
        self.both_waiting = asyncio.Event()
        self.release = asyncio.Event()

    async def draft(self, evidence: Any, today: date, findings: Any = None, info: GenerationInfo | None = None) -> DraftAnswer:
        self.waiting += 1
        if self.waiting == 2:
            self.both_waiting.set()
        await self.release.wait()
        return DraftAnswer(text="", claims=[], confidence=0.0, insufficient_evidence=True, model_id=self.model_id)


async def test_a_model_wait_holds_no_answer_slot(two_patient_runtime: Any) -> None:
    model = WaitingModel()
    service = ChartService(two_patient_runtime.service.retriever, ExtractiveGenerator(), two_patient_runtime.service.audit,
                           model=model, max_concurrent=1)
    scope = PatientScope.full(EDYTHE_ID, "dr-slots")
    asks = [asyncio.create_task(service.answer(q, scope, now=date(2023, 1, 1)))
            for q in ("When was Prediabetes first diagnosed?", "Which vaccines were given in 2021?")]
    await asyncio.wait_for(model.both_waiting.wait(), timeout=30)  # with the slot held over the wait, only one would
    model.release.set()
    answers = await asyncio.gather(*asks)
    assert all(a.abstained for a in answers)

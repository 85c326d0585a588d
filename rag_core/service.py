"""``ChartService.answer``: plan → retrieve → generate → validate citations → audit.

Only a ``ValidatedAnswer`` comes out; every call writes one audit record (requester, patient,
question hash, retrieved and cited chunk ids, model ids, latency, outcome) — never patient text.
"""

from __future__ import annotations

import time
from datetime import date

from rag_core.audit import JsonlAuditLog, question_hash
from rag_core.citations import NOT_FOUND, validate
from rag_core.errors import IsolationError
from rag_core.generation import Generator
from rag_core.models import PatientScope, ValidatedAnswer
from rag_core.query import plan_question
from rag_core.retrieval import Retriever

MAX_QUESTION_CHARS = 2000


class ChartService:
    def __init__(
        self,
        retriever: Retriever,
        generator: Generator,
        audit: JsonlAuditLog,
        top_k: int = 10,
    ) -> None:
        self.retriever = retriever
        self.generator = generator
        self.audit = audit
        self.top_k = top_k

    async def answer(
        self,
        question: str,
        scope: PatientScope | None,
        now: date | None = None,
        k: int | None = None,
        channel: str = "api",
    ) -> ValidatedAnswer:
        if scope is None:
            raise IsolationError("answer() requires a PatientScope")
        question = question.strip()
        if not question:
            raise ValueError("question is empty")
        if len(question) > MAX_QUESTION_CHARS:
            raise ValueError(f"question longer than {MAX_QUESTION_CHARS} characters")
        started = time.perf_counter()
        today = now or date.today()
        outcome = "error"
        result: ValidatedAnswer | None = None
        try:
            plan = plan_question(question, today)
            evidence = await self.retriever.retrieve(plan, scope, k or self.top_k)
            draft = self.generator.generate(evidence)
            not_found = NOT_FOUND
            missing = [a.aspect.concept for a in evidence.aspects if not a.chunks and a.aspect.concept]
            if missing:
                not_found = f"{NOT_FOUND} Nothing recorded matches \u201c{missing[0]}\u201d up to {today.isoformat()}."
            result = validate(draft, evidence.chunks, scope, not_found=not_found)
            result.latency_ms = round((time.perf_counter() - started) * 1000, 2)
            outcome = "abstained" if result.abstained else "answered"
            return result
        finally:
            self.audit.record(
                {
                    "event": "answer",
                    "channel": channel,
                    "requester": scope.requester,
                    "patient_id": scope.patient_id,
                    "granted_types": sorted(scope.resource_types),
                    "question_sha256": question_hash(question),
                    "as_of": today.isoformat(),
                    "retrieved_chunk_ids": result.retrieved_chunk_ids if result else [],
                    "cited_chunk_ids": [c.chunk_id for c in result.citations] if result else [],
                    "dropped_claims": [d.reason for d in result.dropped] if result else [],
                    "model_ids": {
                        "embedding": self.retriever.embedder.model_id,
                        "rerank": self.retriever.reranker.model_id,
                        "generator": self.generator.model_id,
                    },
                    "egress": [],  # no third-party model is called on this path
                    "latency_ms": round((time.perf_counter() - started) * 1000, 2),
                    "outcome": outcome,
                }
            )

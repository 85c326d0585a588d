"""The ``Reranker`` port and its offline default.

Offline default (no cross-encoder ships with weights on PyPI): the engine's RRF rank is combined with
the embedding model's cosine between question and chunk, plus clinical signals — a resource type or
note section that fits the question, and recency for "latest"/"trend" questions relative to the day
the question is asked. Scores land in [0, 1] and serve as retrieval confidence.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from rag_core.embedding import Embedder
from rag_core.models import Hit
from rag_core.query import Aspect, QueryPlan, day_int


class Reranker(Protocol):
    @property
    def model_id(self) -> str: ...

    def rerank(self, plan: QueryPlan, aspect: Aspect, hits: list[Hit], k: int) -> list[Hit]: ...


class ClinicalSignalReranker:
    model_id = "chartrag/clinical-signal-rerank-v1"

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def rerank(self, plan: QueryPlan, aspect: Aspect, hits: list[Hit], k: int) -> list[Hit]:
        if not hits:
            return []
        hits = sorted(hits, key=lambda h: (-h.score, h.chunk.id))  # engine ties in one order, every time
        question = np.asarray(self.embedder.embed([plan.question])[0], dtype=np.float32)
        missing = [h.chunk.text for h in hits if h.dense is None]
        embedded = iter(self.embedder.embed(missing)) if missing else iter(())
        chunk_vectors = np.asarray([h.dense if h.dense is not None else next(embedded) for h in hits], dtype=np.float32)
        cosine = chunk_vectors @ question
        today = day_int(plan.now)
        scored: list[Hit] = []
        for rank, (hit, cos) in enumerate(zip(hits, cosine, strict=True)):
            rank_score = 1.0 / (1.0 + rank / 5.0)
            type_fit = 1.0 if aspect.resource_types is None or hit.chunk.resource_type in aspect.resource_types else 0.0
            section_fit = 0.0
            if aspect.section and hit.chunk.section and hit.chunk.section.lower() == aspect.section:
                section_fit = 1.0
            recency = 0.0
            if aspect.mode in ("latest", "trend") and hit.chunk.effective_day:
                years_old = max(0, today - hit.chunk.effective_day) / 10000
                recency = 1.0 / (1.0 + years_old)
            score = 0.35 * float(max(cos, 0.0)) + 0.25 * rank_score + 0.15 * type_fit + 0.15 * section_fit
            score += 0.10 * recency
            scored.append(Hit(hit.chunk, round(score, 4)))
        scored.sort(key=lambda h: (-h.score, h.chunk.id))
        return scored[:k]

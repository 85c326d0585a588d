"""Confidence gating: score the retrieval evidence before any paid model call.

The score is the weakest aspect's confidence (a question about HbA1c and medications is only as well
supported as its worse-supported part); an aspect with no chunk scores 0. Below the threshold the
answer is "not in this patient's chart" with the closest evidence shown, and no model is called. The
threshold is tuned on the dev set with ``chartrag bench gate``.
"""

from __future__ import annotations

from rag_core.guidance import relevant
from rag_core.models import Chunk
from rag_core.retrieval import Evidence


def evidence_strength(evidence: Evidence) -> float:
    parts = evidence.aspects
    if evidence.guidelines and relevant(evidence.guidelines, evidence.plan.question):
        # a guidance question a guideline speaks to: a chart part with nothing recorded is part of the answer
        parts = [p for p in parts if p.chunks] or parts
    if not parts:
        return 0.0
    return round(min(part.confidence if part.chunks else 0.0 for part in parts), 4)


def closest_chunks(evidence: Evidence, limit: int = 3) -> list[Chunk]:
    """The best-ranked chunks of each aspect, for a clinician to look at when the answer abstains."""
    seen: dict[str, Chunk] = {}
    for part in evidence.aspects:
        for chunk in (h.chunk for h in part.ranked) if part.ranked else part.chunks:
            if len(seen) >= limit:
                break
            seen.setdefault(chunk.id, chunk)
    return list(seen.values())

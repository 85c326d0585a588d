"""The ``Generator`` port and its offline default, a deterministic extractive generator.

It only restates what the retrieved chunks say, worded by each aspect's kind (``rag_core.kinds``):
lab values with their dates as recorded (a trend lists each value, each cited), medications,
diagnoses and procedures with dates, counts and lengths of stay computed from the cited facts (and
recomputed by the validator), the relevant section of a note — and says it has insufficient evidence
when retrieval found nothing that fits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from rag_core.guidance import guideline_claims, guideline_words, patient_age, recommendation_claims
from rag_core.kinds.common import as_tolerability
from rag_core.models import Claim, DraftAnswer
from rag_core.retrieval import Evidence


class Generator(Protocol):
    model_id: str

    def generate(self, evidence: Evidence) -> DraftAnswer: ...


class GenerationUnavailable(Exception):
    """A model could not give a usable answer; ``reason`` says why without any patient text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Finding:
    """What the citation validator said about one claim of a model's answer (sent back to regenerate)."""

    claim: int  # 1-based position in the previous answer
    reason: str


@dataclass
class GenerationInfo:
    """What one request's model calls did — counts and timings only, for the audit record."""

    ttft_ms: float | None = None
    total_ms: float = 0.0
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0  # prompt-cache hits (billed at the cache-read price)
    cache_write_tokens: int = 0
    restored_placeholders: int = 0
    unknown_placeholders: int = 0
    unknown_citations: int = 0
    stop_reason: str | None = None
    findings_sent: int = 0
    attempts: list[str] = field(default_factory=list)


class DraftingModel(Protocol):
    """A third-party model behind the egress gateway (Claude): drafts claims from evidence, once more
    with the validator's findings when some were dropped."""

    @property
    def model_id(self) -> str: ...

    @property
    def prompt_hash(self) -> str: ...

    async def draft(
        self, evidence: Evidence, today: date, findings: list[Finding] | None = None, info: GenerationInfo | None = None
    ) -> DraftAnswer: ...


class ExtractiveGenerator:
    model_id = "chartrag/extractive-v1"

    def __init__(self, threshold: float = 0.55) -> None:
        self.threshold = threshold

    def generate(self, evidence: Evidence) -> DraftAnswer:
        claims: list[Claim] = []
        confidences: list[float] = []
        for part in evidence.aspects:
            if part.confidence < self.threshold:
                continue
            part_claims = as_tolerability(part, part.aspect.kind.claims(part)) if part.chunks else []
            if part_claims:
                claims.extend(part_claims)
                confidences.append(part.confidence)
        if evidence.guidelines:  # a guidance question: the passages for this patient's age group beside the facts
            question = evidence.plan.question
            guided = (guideline_claims(evidence.guidelines, question, patient_age(evidence.chunks, evidence.plan.now))
                      if guideline_words(question) else recommendation_claims(evidence.guideline_chunks))
            claims.extend(guided)
            if guided and not confidences:
                confidences.append(evidence.guidelines[0].score)
        if not claims:
            return DraftAnswer(
                text="", claims=[], confidence=0.0, insufficient_evidence=True, model_id=self.model_id
            )
        confidence = min(confidences)
        incomplete = len(confidences) < len(evidence.aspects)
        return DraftAnswer(
            text="\n".join(c.text for c in claims),
            claims=claims,
            confidence=round(confidence * (0.7 if incomplete else 1.0), 4),
            insufficient_evidence=False,
            model_id=self.model_id,
        )

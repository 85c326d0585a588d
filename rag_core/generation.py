"""The ``Generator`` port and its offline default, a deterministic extractive generator.

It only restates what the retrieved chunks say — lab values with their dates (a trend lists each
value, each cited), medications/diagnoses/procedures with dates, the relevant section of a note — and
says it has insufficient evidence when retrieval found nothing that fits. Claims are built from the
chunks' own text, so every number and date in a claim is in the text it cites.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from rag_core.models import Chunk, Claim, DraftAnswer
from rag_core.retrieval import AspectEvidence, Evidence

MAX_NOTE_CLAIM_CHARS = 700


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


def _fact(chunk: Chunk) -> str:
    """The fact sentence without its trailing bookkeeping in parentheses."""
    return re.sub(r"\s*\((?:[^()]*status [^()]*)\)\s*$", "", chunk.text).strip()


def stated_value(chunk: Chunk) -> str | None:
    """The single stated value of a fact sentence ("Body Weight: 84.7 kg on …" → "84.7 kg")."""
    match = re.match(r"[^:;]+:\s*([^;]+?)\s+on \d{4}-\d{2}-\d{2}", chunk.text)
    return match.group(1) if match and len(chunk.concepts) <= 1 else None


def _date_list(chunks: list[Chunk]) -> str:
    days = sorted({c.effective_date for c in chunks if c.effective_date})
    return ", ".join(days)


def group_by_concept(chunks: list[Chunk]) -> OrderedDict[str, list[Chunk]]:
    """Chunks grouped under their first concept name, each group oldest first."""
    groups: OrderedDict[str, list[Chunk]] = OrderedDict()
    for chunk in sorted(chunks, key=lambda c: (c.effective_day or 0, c.resource_id)):
        name = chunk.concepts[0] if chunk.concepts else chunk.text[:60]
        groups.setdefault(name, []).append(chunk)
    return groups


LIST_VERBS = {
    "medication": "prescribed",
    "immunization": "given",
    "procedure": "performed",
    "condition": "diagnosed",
    "allergy": "recorded",
}


def _claims_for(part: AspectEvidence) -> list[Claim]:
    aspect, chunks = part.aspect, part.chunks
    if not chunks:
        return []
    if aspect.mode == "latest":
        latest = chunks[0]
        return [Claim(text=f"Most recent result: {_fact(latest)}", citations=[latest.id])]
    if aspect.mode == "trend":
        claims = [Claim(text=_fact(c), citations=[c.id]) for c in chunks]
        if len(chunks) >= 2:
            first, last = chunks[0], chunks[-1]
            start, end = stated_value(first), stated_value(last)
            if start and end:
                text = (f"Trend: {first.concepts[0] if first.concepts else 'the value'} went from {start} on "
                        f"{first.effective_date} to {end} on {last.effective_date}.")
            else:  # multi-component results (blood pressure): the values are listed above
                text = f"Trend from {first.effective_date} to {last.effective_date}, oldest first above."
            claims.append(Claim(text=text, citations=[first.id, last.id]))
        return claims
    if aspect.mode == "first":
        first = chunks[0]
        return [Claim(text=f"First recorded: {_fact(first)}", citations=[first.id])]
    if aspect.mode == "ever":
        newest, oldest = chunks[0], chunks[-1]
        name = newest.concepts[0] if newest.concepts else "it"
        if newest.id == oldest.id:
            text = f"Yes — {name} was prescribed on {newest.effective_date}."
            return [Claim(text=text, citations=[newest.id])]
        text = f"Yes — {name} was prescribed, first on {oldest.effective_date}, most recently on {newest.effective_date}."
        return [Claim(text=text, citations=[oldest.id, newest.id])]
    if aspect.mode == "list":
        verb = LIST_VERBS.get(aspect.intent, "recorded")
        claims = []
        for name, group in group_by_concept(chunks).items():
            dates = _date_list(group)
            claims.append(
                Claim(text=f"{name} — {verb}" + (f" on {dates}" if dates else "") + ".", citations=[c.id for c in group])
            )
        return claims
    # free text: the best chunks' own words
    claims = []
    wanted = aspect.section
    chosen = [c for c in chunks if wanted and c.section and c.section.lower() == wanted] or chunks[:3]
    for chunk in chosen[:3]:
        label, _, body = chunk.text.partition(":\n")
        body = re.sub(r"^#+[ \t]*", "", body, flags=re.MULTILINE)  # markdown headings read as plain text
        lines = [line for line in body.splitlines() if line.strip()]
        if chunk.section and lines and lines[0].strip() == chunk.section:
            lines = lines[1:]  # the label already names the section
        text = f"{label}:\n" + "\n".join(lines) if body else chunk.text
        if len(text) > MAX_NOTE_CLAIM_CHARS:
            cut = text.rfind("\n", 0, MAX_NOTE_CLAIM_CHARS)
            text = text[: cut if cut > 200 else MAX_NOTE_CLAIM_CHARS].rstrip() + " …"
        claims.append(Claim(text=text, citations=[chunk.id]))
    return claims


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
            part_claims = _claims_for(part)
            if part_claims:
                claims.extend(part_claims)
                confidences.append(part.confidence)
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

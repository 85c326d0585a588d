"""Highest / lowest value ("peak troponin", "lowest Hgb in 2020")."""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import concept_evidence, fact_sentence, highest, lowest, value_of, window_phrase
from rag_core.models import Chunk, Claim

MAX_CUES = (Cue(r"\bhighest\b"), Cue(r"\bmax(?:imum|imal)?\b"), Cue(r"\bpeak(?:ed)?\b"), Cue(r"\btop\b", 0.6),
            Cue(r"\bgreatest\b|\blargest\b", 0.8))
WORST = Cue(r"\bworst\b", 1.0)  # highest or lowest: whichever the lab's own flags read worse in
MIN_CUES = (Cue(r"\blowest\b"), Cue(r"\bmin(?:imum|imal)?\b"), Cue(r"\bnadir\b"), Cue(r"\bbottom(?:ed)?\b", 0.6),
            Cue(r"\bsmallest\b", 0.8))


class ExtremeKind(Kind):
    name = "extreme"
    cues = (*MAX_CUES, *MIN_CUES, WORST)
    topics = frozenset({"lab"})
    needs_concept = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        read = await concept_evidence(reader, aspect)
        if read.early is not None:
            return read.early
        numeric = [(c, value_of(c, read.names)[0]) for c in read.chunks]
        numeric = [(c, n) for c, n in numeric if n is not None]
        if not numeric:
            part = read.evidence(read.chunks[-1:], 0.0)
            part.not_found = "No numeric value recorded to compare."
            return part
        low = aspect.extreme == "min" or (aspect.extreme == "worst" and _worse_low(read.chunks))
        pick = lowest(numeric) if low else highest(numeric)
        part = read.evidence([pick[0]])
        if aspect.extreme == "worst":  # said as the direction the lab's own flags read worse in
            part.aspect = replace(part.aspect, extreme="min" if low else "max")
        return part

    def claims(self, part: AspectEvidence) -> list[Claim]:
        word = "Lowest" if part.aspect.extreme == "min" else "Highest"
        where = window_phrase(part.aspect)
        return [Claim(text=f"{word} {where}: {fact_sentence(c)}".replace("  ", " "), citations=[c.id])
                for c in part.chunks]


def _worse_low(chunks: list[Chunk]) -> bool:
    """Whether "worst" is the lowest: the lab's own flags say Low more often than High ("worst ef", "worst
    hemoglobin", "worst egfr"), or, unflagged, its reference range bounds it only below; else the highest ("worst
    a1c"). Said either way: "Lowest" / "Highest"."""
    flags = [c.fact.interpretation or "" for c in chunks if c.fact is not None]  # the typed facts, as recorded
    lows = sum(1 for f in flags if re.match(r"(?:Low|Critical low|L)\b", f))
    highs = sum(1 for f in flags if re.match(r"(?:High|Critical high|H)\b", f))
    if lows or highs:
        return lows > highs
    # no flags: a reference range with only a lower bound (">= 55 %", "> 60") reads worse low
    newest = chunks[-1].fact if chunks else None
    return newest is not None and bool(re.match(r"(?:>=|>|≥)", newest.reference_range or ""))


EXTREME = ExtremeKind()

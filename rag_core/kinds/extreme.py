"""Highest / lowest value ("peak troponin", "lowest Hgb in 2020")."""

from __future__ import annotations

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import concept_evidence, fact_sentence, highest, lowest, value_of, window_phrase
from rag_core.models import Claim

MAX_CUES = (Cue(r"\bhighest\b"), Cue(r"\bmax(?:imum|imal)?\b"), Cue(r"\bpeak(?:ed)?\b"), Cue(r"\btop\b", 0.6),
            Cue(r"\bworst\b", 1.0), Cue(r"\bgreatest\b|\blargest\b", 0.8))
MIN_CUES = (Cue(r"\blowest\b"), Cue(r"\bmin(?:imum|imal)?\b"), Cue(r"\bnadir\b"), Cue(r"\bbottom(?:ed)?\b", 0.6),
            Cue(r"\bsmallest\b", 0.8))


class ExtremeKind(Kind):
    name = "extreme"
    cues = MAX_CUES + MIN_CUES
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
        pick = lowest(numeric) if aspect.extreme == "min" else highest(numeric)
        return read.evidence([pick[0]])

    def claims(self, part: AspectEvidence) -> list[Claim]:
        word = "Lowest" if part.aspect.extreme == "min" else "Highest"
        where = window_phrase(part.aspect)
        return [Claim(text=f"{word} {where}: {fact_sentence(c)}".replace("  ", " "), citations=[c.id])
                for c in part.chunks]


EXTREME = ExtremeKind()

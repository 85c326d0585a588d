"""The value on or near a day ("K on 2020-03-02", "weight 3 months ago")."""

from __future__ import annotations

from dataclasses import replace

from rag_core.chunking import UNDATED_DAY
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Kind
from rag_core.kinds.common import concept_evidence, fact_sentence
from rag_core.kinds.timewords import Window, int_day, iso
from rag_core.models import Chunk, Claim


class OnDayKind(Kind):
    """Chosen by the planner when a concept question names a day; the nearest recorded day answers,
    said as such when it is not the day asked."""

    name = "on_day"
    cues = ()
    needs_concept = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        anchor = aspect.window.anchor
        wide = replace(aspect, window=Window(None, aspect.window.day_to if anchor is None else max(
            anchor, aspect.window.day_to or anchor), True, anchor, aspect.window.label))
        read = await concept_evidence(reader, wide, windowed=False)
        if read.early is not None:
            return read.early
        picked = nearest_to(read.chunks, anchor) if anchor is not None else []
        if anchor is None or not picked:
            return AspectEvidence(aspect, [], read.names, not_found="No dated record to compare with the day asked.")
        best = abs(_ordinal(picked[0].effective_day or 0) - _ordinal(anchor))
        confidence = 1.0 if best == 0 else max(0.6, 1.0 - best / 365)
        part = read.evidence(picked[:k], confidence)
        part.aspect = replace(read.aspect, window=aspect.window)
        return part

    def claims(self, part: AspectEvidence) -> list[Claim]:
        anchor = part.aspect.window.anchor
        out = []
        for chunk in part.chunks:
            same = anchor is not None and chunk.effective_day == anchor
            lead = f"On {iso(anchor)}" if same and anchor else f"Nearest to {iso(anchor) if anchor else 'that day'}"
            out.append(Claim(text=f"{lead}: {fact_sentence(chunk)}", citations=[chunk.id]))
        return out


def _ordinal(day: int) -> int:
    return int_day(day).toordinal()


def nearest_to(chunks: list[Chunk], anchor: int) -> list[Chunk]:
    """The dated records nearest the day (every one of the nearest day, in the order given); none when none is dated."""
    dated = [c for c in chunks if c.effective_day and c.effective_day > UNDATED_DAY]
    if not dated:
        return []
    best = min(abs(_ordinal(c.effective_day or 0) - _ordinal(anchor)) for c in dated)
    return [c for c in dated if abs(_ordinal(c.effective_day or 0) - _ordinal(anchor)) == best]


ON_DAY = OnDayKind()

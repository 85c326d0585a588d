"""First value / earliest record ("first ALT on record", "when was X first diagnosed")."""

from __future__ import annotations

from rag_core.kinds.base import Aspect, AspectEvidence, Cue
from rag_core.kinds.common import fact_sentence, oldest_day
from rag_core.kinds.latest import LatestKind
from rag_core.kinds.on_day import nearest_to
from rag_core.kinds.timewords import iso
from rag_core.models import Chunk, Claim

LEADS = {"lab": "First recorded result", "medication": "First prescription", "condition": "First recorded",
         "procedure": "First recorded procedure", "immunization": "First vaccination", "allergy": "First recorded allergy"}


class FirstKind(LatestKind):
    name = "first"
    cues = (Cue(r"\bfirst\b"), Cue(r"\bearliest\b"), Cue(r"\binitial(?:ly)?\b", 0.9), Cue(r"\bbaseline\b", 0.8),
            Cue(r"\boldest\b", 0.9), Cue(r"\boriginal(?:ly)?\b", 0.6))
    prefers_recent = False
    lead = LEADS

    def pick(self, chunks: list[Chunk], aspect: Aspect) -> list[Chunk]:
        anchor = aspect.window.anchor
        if anchor is not None and aspect.window.named:  # "first a1c at dm dx": the value nearest the diagnosis
            near = nearest_to(chunks, anchor)  # (the earliest of a tie: the chunks come oldest first)
            if near:
                return near[:1]
        if aspect.limit:
            return chunks[: aspect.limit]
        return oldest_day(chunks)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        window = part.aspect.window
        if window.anchor is None or not window.named:
            return super().claims(part)
        # read by ``pick`` as the value nearest the event, never "first recorded" (earlier ones may exist)
        return [Claim(text=f"Closest to the {window.named} of {iso(window.anchor)}: {fact_sentence(c)}",
                      citations=[c.id]) for c in part.chunks]


FIRST = FirstKind()

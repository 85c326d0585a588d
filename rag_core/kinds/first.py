"""First value / earliest record ("first ALT on record", "when was X first diagnosed")."""

from __future__ import annotations

from rag_core.kinds.base import Aspect, Cue
from rag_core.kinds.common import oldest_day
from rag_core.kinds.latest import LatestKind
from rag_core.kinds.timewords import int_day
from rag_core.models import Chunk

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
            dated = [c for c in chunks if c.effective_day is not None]
            if dated:
                near = min(dated, key=lambda c: (abs(int_day(c.effective_day or anchor).toordinal()
                                                     - int_day(anchor).toordinal()), c.effective_day))
                return [near]
        if aspect.limit:
            return chunks[: aspect.limit]
        return oldest_day(chunks)


FIRST = FirstKind()

"""Current / active ("current meds", "active problems", "is he still on lisinopril?")."""

from __future__ import annotations

from dataclasses import replace

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import MAX_LISTED, concept_evidence, list_claims, withheld
from rag_core.kinds.timewords import Window
from rag_core.models import Claim


class CurrentKind(Kind):
    name = "current"
    cues = (Cue(r"\bcurrent(?:ly)?\b", 0.9), Cue(r"\bactive\b"), Cue(r"\bongoing\b", 0.9), Cue(r"\bstill\b", 0.85),
            Cue(r"\bright now\b|\bat present\b|\bpresently\b", 0.85), Cue(r"\bnow\b", 0.5), Cue(r"\bopen\b", 0.4))
    topics = frozenset({"medication", "condition", "allergy"})
    needs_topic = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        assert aspect.topic is not None
        statuses = aspect.topic.active_statuses
        if not reader.granted(aspect.topic.resource_types):
            return withheld(aspect)
        today = Window(None, aspect.window.day_to, aspect.window.explicit, aspect.window.anchor, aspect.window.label)
        if aspect.concept:
            read = await concept_evidence(reader, replace(aspect, window=today))
            if read.early is not None:
                return read.early
            active = [c for c in read.chunks if c.status in (statuses or ())]
            if active:
                return read.evidence(active[-k:])
            part = read.evidence(read.chunks[-1:])
            return part
        chunks = await reader.facts(replace(aspect, window=today, statuses=statuses).base_filter())
        if not chunks:
            return AspectEvidence(aspect, [], not_found=f"No active {aspect.topic.name} records.")
        return AspectEvidence(aspect, chunks[-MAX_LISTED:], [], 1.0)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic
        assert topic is not None
        statuses = topic.active_statuses or ()
        if part.aspect.concept:
            chunk = part.chunks[-1]
            name = chunk.concepts[0] if chunk.concepts else "it"
            if chunk.status in statuses:
                return [Claim(text=f"Yes — {name} is {chunk.status} ({topic.verb} {chunk.effective_date}).",
                              citations=[c.id for c in part.chunks])]
            return [Claim(text=f"Not active — {name} was last {topic.verb} on {chunk.effective_date} "
                               f"(status {chunk.status}).", citations=[chunk.id])]
        return list_claims(part.chunks, topic.verb)


CURRENT = CurrentKind()

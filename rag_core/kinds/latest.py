"""Latest value / most recent record ("last K", "most recent A1c", "latest colonoscopy")."""

from __future__ import annotations

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import concept_evidence, fact_sentence, lab_results, newest_day, window_phrase, withheld
from rag_core.models import Chunk, Claim

LEADS = {"lab": "Most recent result", "medication": "Most recent prescription", "condition": "Most recent diagnosis",
         "procedure": "Most recent procedure", "immunization": "Most recent vaccination",
         "allergy": "Most recently recorded allergy", "report": "Most recent report"}


class LatestKind(Kind):
    name = "latest"
    cues: tuple[Cue, ...] = (Cue(r"\bmost recent(?:ly)?\b"), Cue(r"\blatest\b"), Cue(r"\bnewest\b"), Cue(r"\blast\b", 0.8),
            Cue(r"\brecent\b", 0.7), Cue(r"\bcurrent\b", 0.45), Cue(r"\bnow\b", 0.3), Cue(r"\bupdated?\b", 0.4),
            # "last tsh normal?": the newest value, with its range and the lab's own flag as recorded
            Cue(r"\b(?:ab)?normal\b|\bwnl\b|\bwithin normal limits\b|\b(?:in|out of) range\b|\b(?:at|to) (?:goal|target)\b",
                0.8))
    topics = frozenset({"lab", "medication", "condition", "procedure", "immunization", "allergy", "device", "careplan", "family"})
    prefers_recent = True
    lead: dict[str, str] = LEADS

    def pick(self, chunks: list[Chunk], aspect: Aspect) -> list[Chunk]:
        if aspect.limit:
            return chunks[::-1][: aspect.limit]
        return newest_day(chunks)[::-1]

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        if aspect.concept:
            read = await concept_evidence(reader, aspect)
            if read.early is not None:
                return read.early
            return read.evidence(self.pick(read.chunks, read.aspect)[:k])
        if aspect.topic is None:
            return AspectEvidence(aspect, [])
        if not reader.granted(aspect.topic.resource_types):
            return withheld(aspect)
        chunks = await reader.facts(aspect.base_filter())
        if aspect.topic.name == "lab":
            chunks = lab_results(chunks, aspect.clause)
        if not chunks:
            return AspectEvidence(aspect, [], not_found=f"No {aspect.topic.name} records {window_phrase(aspect)}.")
        return AspectEvidence(aspect, self.pick(chunks, aspect)[:k], [], 1.0)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic.name if part.aspect.topic else "lab"
        lead = self.lead.get(topic, "Record")
        return [Claim(text=f"{lead}: {fact_sentence(c)}", citations=[c.id]) for c in part.chunks]


LATEST = LatestKind()

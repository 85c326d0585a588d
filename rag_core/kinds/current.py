"""Current / active ("current meds", "active problems", "is he still on lisinopril?")."""

from __future__ import annotations

from dataclasses import replace

from rag_core.concepts import TERMINOLOGY_READINGS
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import (
    MAX_LISTED,
    RULED_OUT,
    chart_anchor,
    concept_evidence,
    group_by_concept,
    list_claims,
    said_name,
    stale_note,
    verification_said,
    withheld,
)
from rag_core.kinds.timewords import Window
from rag_core.models import Chunk, Claim


class CurrentKind(Kind):
    name = "current"
    cues = (Cue(r"\bcurrent(?:ly)?\b", 0.9), Cue(r"\bactive\b"), Cue(r"\bongoing\b", 0.9), Cue(r"\bstill\b", 0.85),
            Cue(r"\bright now\b|\bat present\b|\bpresently\b", 0.85), Cue(r"\bnow\b", 0.5), Cue(r"\bopen\b", 0.4),
            # "what meds is she on", "what is he taking": present tense asks what is active now
            Cue(r"\b(?:is|are) (?:he|she|they|the patient|pt|patient) (?:on|taking|using)\b", 0.8),
            Cue(r"\b(?:he|she|they|pt) (?:is|are|'s|’s) (?:on|taking)\b", 0.8))
    topics = frozenset({"medication", "condition", "allergy", "device", "careplan"})
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
            if read.resolution is not None and read.resolution.how in TERMINOLOGY_READINGS:  # each member's newest
                part = read.evidence([group[-1] for group in group_by_concept(read.chunks).values()][-k:])
            else:
                part = read.evidence(active[-k:] if active else read.chunks[-1:])
            part.anchor = await chart_anchor(reader, today.day_to)
            return part
        chunks = await reader.facts(replace(aspect, window=today, statuses=statuses).base_filter())
        if not chunks:
            return AspectEvidence(aspect, [], not_found=f"No active {aspect.topic.name} records.")
        return AspectEvidence(aspect, chunks[-MAX_LISTED:], [], 1.0, anchor=await chart_anchor(reader, today.day_to))

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic
        assert topic is not None
        statuses = topic.active_statuses or ()
        if part.aspect.concept and part.how in TERMINOLOGY_READINGS:  # the active members, when there are any
            groups = list(group_by_concept(part.chunks).values())
            groups = [g for g in groups if g[-1].status in statuses] or groups
            return [status_claim(group, topic.verb, statuses, part.anchor) for group in groups]
        if part.aspect.concept:
            return [status_claim(part.chunks, topic.verb, statuses, part.anchor)]
        return list_claims(part.chunks, topic.verb, part.anchor)


def status_claim(chunks: list[Chunk], verb: str, statuses: tuple[str, ...], anchor: int | None) -> Claim:
    """Yes / No to "is she (still) on X", "does he have X": from the newest record's status, as recorded."""
    chunk = chunks[-1]
    name = said_name(chunk)
    verified, _ = verification_said(chunk)
    if verified in RULED_OUT:  # "does she have PNES": considered, and ruled out — never "yes"
        when = f"last {verb} on {chunk.effective_date}" if chunk.effective_date else "no date recorded"
        return Claim(text=f"No — {name} was recorded, and {verified} (verification {verified}; {when}, status "
                          f"{chunk.status or 'not recorded'}).", citations=[chunk.id])
    unsure = f"; verification {verified}" if verified else ""
    if chunk.status in statuses:
        stale = stale_note(chunk, anchor)
        when = f"{verb} {chunk.effective_date}" if chunk.effective_date else "no date recorded"
        return Claim(text=f"Yes — {name} is {chunk.status} ({when}"
                          + (f"; {stale}" if stale else "") + unsure + ").", citations=[c.id for c in chunks])
    if not chunk.status:  # no status recorded (MIMIC diagnoses): recorded, but whether current is not said
        return Claim(text=f"Yes — {name} is recorded ({verb} {chunk.effective_date}); the record states no status, "
                          "so whether it is current is not recorded.", citations=[c.id for c in chunks])
    until = ""
    if chunk.resource_type == "MedicationRequest" and chunk.fact is not None and chunk.fact.period_end:
        # the order's own end (validity period), as recorded
        until = f"; {chunk.fact.until}"
    if chunk.fact is not None and chunk.fact.status_reason:
        until += f"; reason recorded: {chunk.fact.status_reason}"
    return Claim(text=f"No — {name} is not active: last {verb} on {chunk.effective_date} (status {chunk.status}{until}"
                      f"{unsure}).", citations=[chunk.id])


CURRENT = CurrentKind()

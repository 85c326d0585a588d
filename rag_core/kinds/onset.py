"""Onset / start / stop ("when was HTN diagnosed?", "since when on metformin?", "when was lisinopril stopped?")."""

from __future__ import annotations

from rag_core.chunking import UNDATED_DAY
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import concept_evidence, said_name
from rag_core.kinds.orders import order_claim, order_question
from rag_core.models import Claim

STOP = Cue(r"\bstop(?:ped|s)?\b|\bdiscontinu\w*|\bended\b|\bresolved\b|\bd/c'?d?\b|\bdc'?d\b|\bquit\b"
           r"|\b(?:came|come|comes|coming|go|went|gone|taken|take|took|got|get) off\b", 0.8)


class OnsetKind(Kind):
    name = "onset"
    cues = (Cue(r"\bwhen\b", 0.6), Cue(r"\bonset\b"), Cue(r"\bsince when\b"), Cue(r"\bwhat (?:year|date|day)\b", 0.7),
            Cue(r"\bstart(?:ed|s)?\b|\bbeg[au]n\b|\binitiated\b|\bcommenced\b", 0.7), STOP)
    topics = frozenset({"condition", "medication", "procedure", "immunization", "allergy", "device", "careplan"})
    needs_concept = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        read = await concept_evidence(reader, aspect)
        if read.early is not None:
            return read.early
        chunks = [c for c in read.chunks if c.effective_day and c.effective_day > UNDATED_DAY] or read.chunks
        picked = list(dict.fromkeys([chunks[0], chunks[-1]]))  # the first and last dated record
        return read.evidence(picked)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic.name if part.aspect.topic else "condition"
        first, last = part.chunks[0], part.chunks[-1]
        name = said_name(first)
        stop = STOP.compiled().search(part.aspect.clause) is not None
        if topic == "condition":
            fact = first.fact
            if not first.effective_date:
                return [Claim(text=f"{name} is recorded (clinical status {first.status or 'unknown'}); the record "
                                   "carries no onset date.", citations=[first.id])]
            text = f"{name}: onset {first.effective_date}"
            if fact is not None and fact.abatement:
                text += f", resolved {fact.abatement[:10]}"
            text += f" (clinical status {first.status or 'unknown'})."
            return [Claim(text=text, citations=[first.id])]
        verb = {"medication": "prescribed", "procedure": "performed", "immunization": "given"}.get(topic, "recorded")
        if topic == "medication":
            asked = order_question(part.aspect.clause)
            if asked:
                return [order_claim(asked, name, part.chunks)]
        if not first.effective_date:  # a device record with no date of its own
            return [Claim(text=f"{name} is recorded (status {last.status or 'unknown'}); the record carries no date.",
                          citations=[last.id])]
        if stop:  # said of the newest record, by its own name (an earlier order may be another strength)
            name = said_name(last, name)
            text = f"{name}: last {verb} on {last.effective_date} (status {last.status or 'unknown'}"
            if last.fact is not None and last.fact.status_reason:
                text += f"; reason recorded: {last.fact.status_reason}"
            if last.fact is not None and last.fact.period_end:
                text += f"; {last.fact.until}"
            return [Claim(text=text + ").", citations=[last.id])]
        if first.id == last.id:
            return [Claim(text=f"{name}: {verb} on {first.effective_date}.", citations=[first.id])]
        return [Claim(text=f"{name}: first {verb} on {first.effective_date}, most recently on {last.effective_date}.",
                      citations=[first.id, last.id])]


ONSET = OnsetKind()

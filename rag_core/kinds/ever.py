"""Yes / no ("is she on metformin?", "any history of MI?", "allergic to penicillin?", "ever had a colonoscopy?").

Yes is answered with the records that prove it, cited; no is never guessed: when the chart holds no
record of the concept the answer says so ("no record of …"), which is not the same as "does not have".
"""

from __future__ import annotations

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import concept_evidence, fact_sentence
from rag_core.models import Chunk, Claim


class EverKind(Kind):
    name = "ever"
    cues = (
        Cue(r"\bever\b"), Cue(r"\bany\b", 0.6), Cue(r"\bhistory of\b|\bhx of\b", 0.7),
        Cue(r"\b(?:is|was) (?:he|she|they|the patient|pt|patient) (?:on|taking|using)\b", 0.9),
        Cue(r"\b(?:has|have|had|did|does|do) (?:he|she|they|the patient|pt|patient)\b", 0.6),
        Cue(r"^\s*(?:is|was|are|were|has|have|had|did|does|do)\b", 0.55), Cue(r"\ballergic to\b"),
        Cue(r"\b(?:received|gotten|got|taken|tried|underwent|undergone)\b", 0.5),
    )
    topics = frozenset({"medication", "condition", "procedure", "immunization", "allergy", "lab"})
    needs_concept = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        read = await concept_evidence(reader, aspect)
        if read.early is not None:
            if read.early.not_found and read.early.not_found.startswith("Nothing recorded"):
                read.early.not_found = f"No record of \u201c{aspect.concept}\u201d in this chart."
            return read.early
        chunks = read.chunks
        picked = list(dict.fromkeys([chunks[0], chunks[-1]]))  # first and most recent prove it
        return read.evidence(picked)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic.name if part.aspect.topic else "lab"
        oldest, newest = part.chunks[0], part.chunks[-1]
        if topic == "lab":  # "does he smoke?", "any A1c?": what was recorded, not a bare yes
            return [Claim(text=f"Most recent: {fact_sentence(newest)}", citations=[newest.id])]
        name = oldest.concepts[0] if oldest.concepts else "it"
        return [Claim(text=_yes(topic, name, oldest, newest), citations=[c.id for c in part.chunks])]


def _yes(topic: str, name: str, oldest: Chunk, newest: Chunk) -> str:
    status = f" (status {newest.status})" if newest.status else ""
    if topic == "medication":
        verb = "prescribed"
    elif topic == "condition":
        verb = "diagnosed"
    elif topic == "allergy":
        return f"Yes — allergy or intolerance recorded: {name}" + (
            f" on {oldest.effective_date}" if oldest.effective_date else "") + f"{status}."
    elif topic == "immunization":
        verb = "given"
    elif topic == "procedure":
        verb = "performed"
    else:
        verb = "measured"
    if oldest.id == newest.id or oldest.effective_date == newest.effective_date:
        return f"Yes — {name} was {verb} on {oldest.effective_date}{status}."
    return (f"Yes — {name} was {verb}, first on {oldest.effective_date}, most recently on {newest.effective_date}"
            f"{status}.")


EVER = EverKind()

"""How many ("how many A1c tests since 2019", "number of prescriptions of metformin")."""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.concepts import VocabularyEntry, resolve_concept
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind, best_cue
from rag_core.kinds.common import concept_evidence, count_claim, group_by_concept, window_phrase, withheld
from rag_core.kinds.current import CURRENT
from rag_core.kinds.topics import ENCOUNTER
from rag_core.models import Claim, SearchFilter

# "how many cardiac rehab sessions did he go to", "how many PT visits": visits of a kind, counted by their type
_VISITS = re.compile(r"\bsessions?\b|\bvisits?\b|\bappointments?\b|\battended\b|\b(?:go|went|been|come|came) to\b", re.I)

NOUNS = {"encounter": "visits",
         "lab": "results", "medication": "prescriptions", "condition": "diagnosis records", "procedure": "procedures",
         "immunization": "vaccinations", "allergy": "allergy records", "note": "notes"}


# "count" as what a result is called ("lymphocyte count", "platelet count", "cd4 count") is no count of records
_COUNT_WORD = "".join(f"(?<!{w} )" for w in ("cyte", "cytes", "phil", "phils", "platelet", "cd4", "cd8", "white", "cell",
                                              "blood", "retic", "wbc", "rbc", "anc", "alc", "plt", "sperm", "pill")
                      ) + r"\bcount\b"


_ASKS_CURRENT = 0.8  # "active", "current", "still", "is she on": the count is of what is active now


class CountKind(Kind):
    name = "count"
    cues = (Cue(r"\bhow many\b"), Cue(r"\bnumber of\b|(?:^|\s)#\s*of\b", 0.9), Cue(_COUNT_WORD, 0.8),
            Cue(r"\bhow often\b"), Cue(r"\bhow many times\b"), Cue(r"\btimes\b", 0.4))
    topics = frozenset({"lab", "medication", "condition", "procedure", "immunization", "allergy", "note", "device",
                        "careplan", "family"})

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        if aspect.concept and _VISITS.search(aspect.clause):
            visits = await _visits_named(reader, aspect)
            if visits is not None:
                return visits
        if aspect.concept:
            read = await concept_evidence(reader, aspect)
            if read.early is not None:
                return read.early
            return read.evidence(read.chunks)
        if aspect.topic is None:
            return AspectEvidence(aspect, [])
        if not reader.granted(aspect.topic.resource_types):
            return withheld(aspect)
        chunks = await reader.facts(aspect.base_filter())
        if aspect.topic.name == "note":
            chunks = list({c.reference: c for c in chunks if c.kind == "note"}.values())
        active = aspect.topic.active_statuses
        if active and best_cue(CURRENT.cues, aspect.clause)[0] >= _ASKS_CURRENT:  # "how many active meds": each drug
            # whose newest record is active, once
            chunks = [g[-1] for g in group_by_concept(chunks).values() if g[-1].status in active]
            if not chunks:
                return AspectEvidence(aspect, [], not_found=f"No active {NOUNS.get(aspect.topic.name, 'records')} "
                                                            "recorded.")
            return AspectEvidence(aspect, chunks, [], 1.0, how="current")
        if not chunks:
            return AspectEvidence(aspect, [], not_found=f"No {NOUNS.get(aspect.topic.name, 'records')} recorded "
                                                        f"{window_phrase(aspect)}.")
        return AspectEvidence(aspect, chunks, [], 1.0)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic.name if part.aspect.topic else "lab"
        what = NOUNS.get(topic, "records")
        if part.how == "current":
            what = f"active {what}"  # each concept once, by its newest record
        counted = [n for n in part.concepts if any(n in c.concepts for c in part.chunks)] or part.concepts[:1]
        if counted:  # each name counted said ("how many ct scans": a chest CT and a head CT), three at most
            named = " or ".join(counted[:3]) + (" or another" if len(counted) > 3 else "")
            what = f"{named} {what}"
        return [count_claim(part.chunks, what, window_phrase(part.aspect))]


async def _visits_named(reader: ChartReader, aspect: Aspect) -> AspectEvidence | None:
    """The encounters in the window whose type the concept names ("cardiac rehab" → Cardiac rehabilitation), or
    None when no encounter type matches (the concept is then counted as recorded elsewhere)."""
    types = reader.granted(ENCOUNTER.resource_types)
    if not types or not aspect.concept:
        return None
    seen = replace(aspect, topic=ENCOUNTER)
    encounters = await reader.facts(SearchFilter(resource_types=types, day_from=aspect.window.day_from,
                                                 day_to=aspect.window.day_to))
    names = sorted({n for c in encounters for n in c.concepts})
    resolved = resolve_concept(aspect.concept, [VocabularyEntry(n, "encounter") for n in names], ["encounter"])
    matched = set(resolved.names) if resolved is not None else set()
    found = [c for c in encounters if matched & set(c.concepts)]
    if not found:
        return None
    return AspectEvidence(seen, found, sorted(matched), 1.0, how="exact")


COUNT = CountKind()

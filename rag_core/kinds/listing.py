"""Lists of a topic in a window ("meds in 2019", "procedures on 2020-12-28", "allergies", "labs last week"),
optionally inside one hospital stay ("diagnoses during the last admission")."""

from __future__ import annotations

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import MAX_LISTED, fact_sentence, lab_results, list_claims, window_phrase, withheld
from rag_core.kinds.encounters import target_encounter
from rag_core.kinds.notes import NOTE_TYPES, excerpt
from rag_core.kinds.timewords import day_of_text, iso
from rag_core.models import Claim, SearchFilter


class ListKind(Kind):
    name = "list"
    cues = (Cue(r"\bwhich\b", 0.3), Cue(r"\blist\b", 0.35), Cue(r"\ball\b", 0.3), Cue(r"\bwhat\b", 0.2))
    topics = frozenset({"lab", "medication", "condition", "procedure", "immunization", "allergy", "device", "careplan", "family"})
    needs_topic = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        assert aspect.topic is not None
        if not reader.granted(aspect.topic.resource_types):
            return withheld(aspect)
        if aspect.encounter_scope:
            return await self._in_stay(reader, aspect)
        names: set[str] = set()
        if aspect.concept:  # "which statins in 2019": narrowed to what the words name, or nothing listed
            resolution = await reader.resolve(aspect)
            if resolution is None or resolution.topic != aspect.topic.name:
                return AspectEvidence(aspect, [], not_found=f"Nothing recorded matches \u201c{aspect.concept}\u201d.")
            names = set(resolution.names)
        chunks = await reader.facts(aspect.base_filter())
        if names:
            chunks = [c for c in chunks if names & set(c.concepts)]
        elif aspect.topic.name == "lab":
            chunks = lab_results(chunks, aspect.clause)
        if not chunks and aspect.topic.name == "allergy":
            return await self._stated_in_notes(reader, aspect)
        if not chunks:
            return AspectEvidence(aspect, [], not_found=f"No {aspect.topic.name} records {window_phrase(aspect)}.")
        return AspectEvidence(aspect, chunks[-MAX_LISTED:], sorted(names), 1.0)

    async def _stated_in_notes(self, reader: ChartReader, aspect: Aspect) -> AspectEvidence:
        """No AllergyIntolerance recorded: what the newest note's Allergies section says ("No Known Allergies")."""
        notes = await reader.facts(SearchFilter(resource_types=NOTE_TYPES, day_to=aspect.window.day_to))
        stated = [c for c in notes if (c.section or "").lower() == "allergies"]
        if not stated:
            return AspectEvidence(aspect, [], not_found="No allergy is recorded in this chart.")
        return AspectEvidence(aspect, stated[-1:], [], 1.0)

    async def _in_stay(self, reader: ChartReader, aspect: Aspect) -> AspectEvidence:
        stay = await target_encounter(reader, aspect)
        if stay is None:
            return AspectEvidence(aspect, [], not_found=f"No {aspect.setting or 'hospital'} stay recorded "
                                                        f"{window_phrase(aspect)}.")
        fact = stay.fact
        start, end = stay.effective_day, day_of_text(fact.period_end if fact else None) or stay.effective_day
        linked = await reader.facts(SearchFilter(resource_types=aspect.resource_types, encounter_id=stay.resource_id))
        during = await reader.facts(SearchFilter(resource_types=aspect.resource_types, day_from=start, day_to=end))
        merged = {c.id: c for c in [*linked, *during]}
        chunks = sorted(merged.values(), key=lambda c: (c.effective_day or 0, c.id))
        if aspect.concept:  # "abx during the last admission": only what the words name
            resolution = await reader.resolve(aspect)
            names = set(resolution.names) if resolution is not None else set()
            chunks = [c for c in chunks if names & set(c.concepts)]
        if not chunks:
            label = f"{iso(start)} to {iso(end)}" if start and end else "that stay"
            what = aspect.topic.name if aspect.topic else ""
            return AspectEvidence(aspect, [], [], 0.0, nearest=[stay],
                                  not_found=f"No {what} records during the stay of {label}.")
        return AspectEvidence(aspect, [stay, *chunks[:MAX_LISTED]], [], 1.0)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic
        verb = topic.verb if topic else "recorded"
        chunks = part.chunks
        if chunks and chunks[0].kind == "note":
            return [Claim(text="No allergy or intolerance resource is recorded; the most recent note's allergy "
                               f"section says: {excerpt(chunks[-1])}", citations=[chunks[-1].id])]
        out: list[Claim] = []
        if part.aspect.encounter_scope and chunks and chunks[0].resource_type == "Encounter":
            stay, chunks = chunks[0], chunks[1:]
            out.append(Claim(text=f"During the stay: {stay.text}", citations=[stay.id]))
            if topic is not None and topic.name == "lab":  # a stay's results: each value as recorded
                return out + [Claim(text=fact_sentence(c), citations=[c.id]) for c in chunks]
        if topic is not None and topic.name == "family":  # who had it is the answer: each relative's record
            return out + [Claim(text=fact_sentence(c), citations=[c.id]) for c in chunks]
        return out + list_claims(chunks, verb)


LIST = ListKind()

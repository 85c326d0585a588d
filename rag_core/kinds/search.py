"""The fallback: no kind or concept recognised → plain hybrid search of the patient's chart.

Never worse than a dense + BM25 pipeline: the question is searched as asked (RRF-fused in the engine,
the patient filter on both arms), reranked, and answered extractively from strong evidence. A relevance
check keeps a confident but unrelated chunk from being shown: when the question names something (its
content words, with lexicon expansions), a cited chunk must mention it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.concepts import concept_words, lexicon, report_words, untagged
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Kind, best_cue
from rag_core.kinds.common import (
    best_mentions,
    mentioned_loosely,
    mentions,
    names_a_record,
    notes_naming,
    phrase_units,
)
from rag_core.kinds.notes import NOTE_TYPES, passage
from rag_core.models import Chunk, Claim, Hit, SearchFilter

MAX_CLAIMS = 3
# topics a record answers, never a note's mention of the words
_RECORDED_ONLY = frozenset({"medication", "allergy", "condition", "immunization"})
_WHY = re.compile(r"\s*why\b", re.I)
_RARE_NOTES = 2  # left-out words said in this few notes are taken as said of the record asked about
STRONG_CUE = 0.8  # a topic named outright ("diagnosed", "meds"), not hinted ("does he have"): planner.STRONG_TOPIC's
# value (the planner imports this module through the kinds' registry, so it cannot be imported here)
# records with free text of their own (a procedure's note, a care plan's activity, a device's notes); never a
# measurement (its words are its name and value) nor a relative's history (never the patient's own)
_FREE_TEXT = frozenset({"Procedure", "CarePlan", "Goal", "Device", "DeviceUseStatement", "Encounter",
                        "MedicationRequest", "Immunization", "AllergyIntolerance", "Condition"})


class SearchKind(Kind):
    name = "search"

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        types = reader.granted(aspect.resource_types) if aspect.topic else None
        flt = SearchFilter(resource_types=types, day_from=aspect.window.day_from if aspect.window.explicit else None,
                           day_to=aspect.window.day_to)
        query = aspect.concept or aspect.clause
        words = concept_words(query)
        # a phrase a note words otherwise ("code status": DNR/DNI, full code) is searched in those words too
        said = [e for unit in phrase_units(words) if " " in unit for e in lexicon().get(unit, ())]
        hits = await reader.search(aspect, " ".join([aspect.clause, *said]), flt, k)
        if words:
            hits = [h for h in hits if mentions(h.chunk, words)]
        # "does he have a 504 at school": a topic only hinted ("does he have"), and no diagnosis or drug named: a
        # note may say it ("when was chb dx", "dementia meds" name their topic outright: a record answers them)
        unnamed = (aspect.topic is not None and aspect.topic.name in _RECORDED_ONLY
                   and best_cue(aspect.topic.cues, aspect.clause)[0] < STRONG_CUE
                   and (not names_a_record(aspect.topic.name, query) or _WHY.match(aspect.clause) is not None))
        # ("why was she on baby aspirin in the 2nd pregnancy": no order says it; a note may say why)
        if not hits and words and (aspect.topic is None or aspect.topic.name not in _RECORDED_ONLY or unnamed):
            # ranked out by common words ("status" is in every fact): every note, read for the words — only for what
            # no record type answers (a medication, allergy or diagnosis question is never answered by a mention);
            # when no note says them all, the notes that say most of them, read loosely ("endo" → endocrinology)
            loose = aspect.topic is None or aspect.topic.name == "note" or unnamed  # a lab or procedure: its words,
            # strictly
            notes = await reader.facts(SearchFilter(resource_types=reader.granted(NOTE_TYPES), day_from=flt.day_from,
                                                    day_to=flt.day_to), newest_first=True)
            records = await reader.facts(SearchFilter(resource_types=reader.granted(_FREE_TEXT), day_from=flt.day_from,
                                                      day_to=flt.day_to), newest_first=True) if loose else []
            hits = [Hit(c, 0.6) for c in notes_naming(notes, words, MAX_CLAIMS, loose, records)]
            if not hits and loose:  # said in a record's own free text (a procedure's note, a care plan's activity)
                hits = [Hit(c, 0.6) for c in best_mentions(records, words, MAX_CLAIMS, notes)]
        if not hits:
            asked = f" about \u201c{' '.join(words)}\u201d" if words else ""
            return AspectEvidence(aspect, [], [], 0.0, not_found=f"Nothing in this chart{asked} was found.")
        confidence = hits[0].score if not words else max(hits[0].score, 0.6)
        return AspectEvidence(aspect, [h.chunk for h in hits], [], confidence, hits)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        words = concept_words(part.aspect.concept or part.aspect.clause)
        return [Claim(text=passage(c, words), citations=[c.id]) for c in part.chunks[:MAX_CLAIMS]]


SEARCH = SearchKind()


async def words_left_out(reader: ChartReader, part: AspectEvidence) -> AspectEvidence | None:
    """"did they ever do OIT for the peanut allergy", "was the PE provoked": the record a part of the words named
    answers, and the words it left out ("OIT", "provoked") are asked too — the notes of the period that say them
    (every one of them, as a word, never a guess), beside the record. None when nothing was left out or no note
    says it."""
    aspect = part.aspect
    if not part.chunks or not aspect.concept or not (part.how or "").endswith(", part"):
        return None
    resolution = await reader.resolve(aspect)
    if resolution is None:
        return None
    named = {w.lower() for w in concept_words(resolution.phrase)}
    left = [w for w in concept_words(aspect.concept) if w.lower() not in named and len(w) >= 3
            and w.lower() not in report_words()]  # ("colonoscopy path": the report is read with the record)
    if not left:
        return None
    notes = await reader.facts(SearchFilter(resource_types=reader.granted(NOTE_TYPES), day_from=aspect.window.day_from,
                                            day_to=aspect.window.day_to), newest_first=True)
    # the note names what the record is, or says the left-out words rarely and of nothing else recorded ("provoked"
    # of the PE, never of a seizure — or of the PE when the DVT was asked)
    named_words = [w for w in concept_words(resolution.phrase) if len(w) >= 2]
    naming = notes_naming(notes, left, len(notes), loose=False)
    others = [concept_words(untagged(e.name)) for e in await reader.vocabulary(reader.asked_day)
              if e.topic == resolution.topic and e.name not in resolution.names]

    def fits(chunk: Chunk) -> bool:
        text = chunk.text.lower()
        if any(mentioned_loosely(w, text) for w in named_words) or any(
                mentions(chunk, concept_words(n)) for n in resolution.names):
            return True
        lines = [line for line in text.splitlines() if all(mentioned_loosely(w, line) for w in left)]
        return len(naming) <= _RARE_NOTES and bool(lines) and not any(
            o and all(mentioned_loosely(w.lower(), line) for w in o) for o in others for line in lines)

    said = [c for c in naming if fits(c)][:MAX_CLAIMS]
    if not said:
        return None
    return AspectEvidence(replace(aspect, kind=SEARCH, concept=" ".join(left)), said, [], 0.6,
                          [Hit(c, 0.6) for c in said])

"""The fallback: no kind or concept recognised → plain hybrid search of the patient's chart.

Never worse than a dense + BM25 pipeline: the question is searched as asked (RRF-fused in the engine,
the patient filter on both arms), reranked, and answered extractively from strong evidence. A relevance
check keeps a confident but unrelated chunk from being shown: when the question names something (its
content words, with lexicon expansions), a cited chunk must mention it.
"""

from __future__ import annotations

from dataclasses import replace

from rag_core.concepts import concept_words, lexicon
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Kind, best_cue
from rag_core.kinds.common import best_mentions, mentions, names_a_record, notes_naming, phrase_units
from rag_core.kinds.notes import NOTE_TYPES, passage
from rag_core.models import Claim, Hit, SearchFilter

MAX_CLAIMS = 3
# topics a record answers, never a note's mention of the words
_RECORDED_ONLY = frozenset({"medication", "allergy", "condition", "immunization"})
STRONG_CUE = 0.8  # a topic named outright ("diagnosed", "meds"), not hinted ("does he have")
# records with no free text of their own (a note is read first; a measurement's words are its name and value)
_NO_FREE_TEXT = NOTE_TYPES | {"Observation", "Patient"}


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
                   and not names_a_record(aspect.topic.name, query))
        if not hits and words and (aspect.topic is None or aspect.topic.name not in _RECORDED_ONLY or unnamed):
            # ranked out by common words ("status" is in every fact): every note, read for the words — only for what
            # no record type answers (a medication, allergy or diagnosis question is never answered by a mention);
            # when no note says them all, the notes that say most of them, read loosely ("endo" → endocrinology)
            loose = aspect.topic is None or aspect.topic.name == "note" or unnamed  # a lab or procedure: its words,
            # strictly
            every = await reader.facts(SearchFilter(resource_types=reader.granted(None if loose else NOTE_TYPES),
                                                    day_from=flt.day_from, day_to=flt.day_to), newest_first=True)
            notes = [c for c in every if c.resource_type in NOTE_TYPES]
            hits = [Hit(c, 0.6) for c in notes_naming(notes, words, MAX_CLAIMS, loose, every)]
            if not hits and loose:  # said in a record's own free text (a procedure's note, a care plan's activity)
                records = [c for c in every if c.resource_type not in _NO_FREE_TEXT]
                hits = [Hit(c, 0.6) for c in best_mentions(records, words, MAX_CLAIMS, every)]
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
    left = [w for w in concept_words(aspect.concept) if w.lower() not in named and len(w) >= 3]
    if not left:
        return None
    notes = await reader.facts(SearchFilter(resource_types=reader.granted(NOTE_TYPES), day_from=aspect.window.day_from,
                                            day_to=aspect.window.day_to), newest_first=True)
    said = notes_naming(notes, left, MAX_CLAIMS, loose=False)
    if not said:
        return None
    return AspectEvidence(replace(aspect, kind=SEARCH, concept=" ".join(left)), said, [], 0.6,
                          [Hit(c, 0.6) for c in said])

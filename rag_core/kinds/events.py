"""A period named by a chart event ("ldl around the time of his MI", "psa before surgery", "bp since the hip
fracture admission", "a1c since her last visit"): the event is looked up in THIS chart and its record's day
becomes the window. Nothing is guessed: an event the chart does not hold (or holds undated, or as a dose change
no order pins down) leaves the question unwindowed, and the answer says so in a sentence of its own.

How the event is found:
- a stay ("the admission", "her last visit", "the ER visit w/ the kidney stone") among the encounters, by
  setting and by the reason it is named by (``encounters``);
- "surgery" / "the operation" alone: the latest recorded procedure whose name says it is an operation
  (the surgical suffixes of medical word-building: -ectomy, -otomy, -plasty …);
- anything else ("his MI", "starting metformin", "the cath") through the same concept resolution as a
  question's concept: the first record of a condition or a medication (its onset / first order), the latest
  of a procedure, an immunization or anything else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.chunking import UNDATED_DAY
from rag_core.kinds.base import Aspect, ChartReader
from rag_core.kinds.encounters import SETTING_CUES, encounters, names_medical, setting_of, stays_named
from rag_core.kinds.latest import LATEST
from rag_core.kinds.on_day import ON_DAY
from rag_core.kinds.timewords import Window, day_int, int_day, iso, read_time
from rag_core.models import Chunk, SearchFilter

_VISIT = re.compile(r"\b(?:visits?|appointments?|appts?|encounters?|office|clinic|f/u|follow[- ]?up)\b", re.I)
_SURGERY = re.compile(r"^(?:(?:the|his|her|a)\s+)?(?:surgery|surg|operation|op|sx)$", re.I)
# medical word-building for an operation (-ectomy excision, -otomy incision, -ostomy opening, -plasty repair,
# -pexy fixation, -rrhaphy suture): how a procedure's name says it was surgery
_OPERATION = re.compile(r"ectomy\b|otomy\b|ostomy\b|plasty\b|pexy\b|rrhaphy\b|\brepair\b|\breplacement\b|\bresection\b"
                        r"|\bexcision\b|\bamputation\b|\bbypass\b|\btransplant\w*|\barthroscop\w*"
                        r"|\bsurg\w*|\boperat\w*", re.I)
_FIRST = re.compile(r"\bfirst\b|\binitial\b|\bstart\w*|\bbegan\b|\bdiagnos\w*|\bdx\b|\bonset\b", re.I)
# which of several orders a dose change was is not said by the words: such an event is not dated by a guess
_CHANGED = re.compile(r"\bbump\w*|\bincreas\w*|\bdecreas\w*|\bchang\w*|\badjust\w*|\btitrat\w*|\bswitch\w*", re.I)
# records of what did not happen, or not yet: never the event a period is dated by
_NOT_DONE = frozenset({"cancelled", "entered-in-error", "not-done", "planned", "proposed", "draft", "refuted"})


def _dated(chunk: Chunk) -> bool:
    """A record with a day of its own (an undated state sits at day 1) that happened."""
    return bool(chunk.effective_day and chunk.effective_day > UNDATED_DAY) and chunk.status not in _NOT_DONE


async def _stay(reader: ChartReader, aspect: Aspect, event: str) -> tuple[Chunk, int] | None:
    setting = setting_of(event)
    everything = replace(aspect, window=Window(None, reader.asked_day))
    found = [c for c in await encounters(reader, everything, setting) if _dated(c)]
    dated = read_time(event, int_day(reader.asked_day))  # "since the CHF admission in jan 2024": that month's stay
    if dated.window.explicit and dated.window.event is None:
        found = [c for c in found if dated.window.contains(c.effective_day)]
        event = dated.rest
    stripped = event
    for cues in SETTING_CUES.values():
        for cue in cues:
            stripped = cue.compiled().sub(" ", stripped)
    stripped = _VISIT.sub(" ", stripped)
    if names_medical(stripped):  # the stay the words name; one the date alone names when none does
        found = stays_named(found, stripped) or (found if dated.window.explicit and len(found) == 1 else [])
    if not found:
        return None
    stay = found[0] if re.search(r"\bfirst\b", event, re.I) else found[-1]
    return (stay, stay.effective_day) if _dated(stay) and stay.effective_day else None


async def _surgery(reader: ChartReader) -> Chunk | None:
    done = await reader.facts(SearchFilter(resource_types=frozenset({"Procedure"}), day_to=reader.asked_day))
    operations = [c for c in done if _dated(c) and any(_OPERATION.search(n) for n in c.concepts)]
    return max(operations, key=lambda c: (c.effective_day or 0, c.id)) if operations else None


async def _record(reader: ChartReader, aspect: Aspect, event: str) -> Chunk | None:
    probe = replace(aspect, topic=None, concept=event, clause=event, window=Window(None, reader.asked_day),
                    concept_parts=(), prefer=("condition", "procedure", "medication", "immunization"))
    resolution = await reader.resolve(probe)
    if resolution is None or not resolution.names:
        return None
    found = [c for c in await reader.concept_facts(resolution, SearchFilter(day_to=reader.asked_day)) if _dated(c)]
    if not found or (resolution.topic == "medication" and _CHANGED.search(event)):
        return None
    first = resolution.topic in ("condition", "medication", "allergy") or bool(_FIRST.search(event))
    return found[0] if first else found[-1]


async def event_window(reader: ChartReader, aspect: Aspect) -> tuple[Aspect, str | None]:
    """The aspect with its event-named window replaced by days from the chart; when the chart holds no such
    event, the aspect unwindowed and the sentence that says so."""
    window = aspect.window
    event, relation = window.event or "", window.relation or "around"
    chunk: Chunk | None
    if setting_of(event) or _VISIT.search(event):
        stay = await _stay(reader, aspect, event)
        chunk, day = stay if stay else (None, None)
    else:
        chunk = await _surgery(reader) if _SURGERY.match(event.strip()) else await _record(reader, aspect, event)
        day = chunk.effective_day if chunk else None
    asked = reader.asked_day
    if chunk is None or day is None:
        said = (f"\u201c{event}\u201d, which the question dates by, is not found in this chart: the answer is not "
                "limited to a period.")
        kind = LATEST if aspect.kind is ON_DAY else aspect.kind  # no day to be near: the latest answers
        return replace(aspect, kind=kind, window=Window(None, asked, False)), said
    named = f"the {chunk.concepts[0] if chunk.concepts else chunk.resource_type} of {iso(day)}"
    if chunk.resource_type == "Encounter" and chunk.fact is not None and chunk.fact.reason:
        named += f" (reason: {chunk.fact.reason})"  # which stay the words were read as, said
    if relation == "before":
        before = day_int(int_day(day).fromordinal(int_day(day).toordinal() - 1))
        return replace(aspect, window=Window(None, before, True, None, f"before {named}")), None
    if relation == "after":
        return replace(aspect, window=Window(day, asked, True, None, f"since {named}")), None
    return replace(aspect, window=Window(None, asked, True, day, f"around the time of {named}")), None

"""A period named by a chart event ("ldl around the time of his MI", "psa before surgery", "bp since the hip
fracture admission", "a1c since her last visit"): the event is looked up in THIS chart and its record's day
becomes the window. Nothing is guessed: an event the chart does not hold (or holds undated, or as a dose change
no order pins down) leaves the question unwindowed, and the answer says so in a sentence of its own.

How the event is found:
- a stay ("the admission", "her last visit", "the ER visit w/ the kidney stone") among the encounters, by
  setting and by the reason it is named by (``encounters``);
- "surgery" / "the operation" alone: the latest recorded procedure whose name says it is an operation
  (the surgical suffixes of medical word-building: -ectomy, -otomy, -plasty …);
- "knee surgery", "the heart operation": the latest operation whose name holds the words before the surgery word;
- a device ("when the icd went in"): the procedure that put it in, else the day its use began (never the day it
  was made);
- anything else ("his MI", "starting metformin", "the cath") through the same concept resolution as a
  question's concept: the first record of a condition or a medication (its onset / first order), the latest
  of a procedure, an immunization or anything else.

"During" an event ("bicarb during dka", "creatinine while on lithium", "lfts on methotrexate") is its own period:
a stay's admission to discharge, a drug's first order to the end of its last (today while one is active), an
illness from onset to abatement, or the stay admitted for it; an event with no period of its own is read as
"around" its day.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.chunking import UNDATED_DAY
from rag_core.concepts import VocabularyEntry, resolve_concept
from rag_core.kinds.base import Aspect, ChartReader
from rag_core.kinds.devices import procedures_naming
from rag_core.kinds.encounters import SETTING_CUES, encounters, names_medical, setting_of, stays_named
from rag_core.kinds.latest import LATEST
from rag_core.kinds.on_day import ON_DAY
from rag_core.kinds.timewords import Window, day_int, day_of_text, int_day, iso, read_time
from rag_core.models import Chunk, SearchFilter

_VISIT = re.compile(r"\b(?:visits?|appointments?|appts?|encounters?|office|clinic|f/u|follow[- ]?up)\b", re.I)
_SURGERY = re.compile(r"^(?:(?:the|his|her|a)\s+)?(?:surgery|surg|operation|op|sx)$", re.I)
# how a procedure's name says it put a device in (never an interrogation, a check or a removal)
_PLACED = re.compile(r"\b(?:insertion|implantation|placement|implant\w*|insert\w*|placed)\b", re.I)
_NAMED_SURGERY = re.compile(r"^(?P<site>.+?)\s+(?:surgery|surg|operation|op|sx)$", re.I)
# orders still running: a drug's course lasts to the day asked
_RUNNING = frozenset({"active", "on-hold", "draft"})
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


async def _surgery(reader: ChartReader, site: str | None = None) -> Chunk | None:
    """The latest operation; with ``site`` ("knee", "heart"), the latest whose name the site's words resolve to."""
    done = await reader.facts(SearchFilter(resource_types=frozenset({"Procedure"}), day_to=reader.asked_day))
    operations = [c for c in done if _dated(c) and any(_OPERATION.search(n) for n in c.concepts)]
    if site:
        names = sorted({n for c in operations for n in c.concepts if _OPERATION.search(n)})
        found = resolve_concept(site, [VocabularyEntry(n, "procedure") for n in names], ["procedure"])
        wanted = set(found.names) if found is not None else set()
        operations = [c for c in operations if wanted & set(c.concepts)]
    return max(operations, key=lambda c: (c.effective_day or 0, c.id)) if operations else None


async def _device_placed(reader: ChartReader, names: tuple[str, ...]) -> list[Chunk]:
    """When a device went in: the procedure named for it, else the statement of its use (a Device's own date is
    when it was made or expires, never when it was placed)."""
    placed = [c for c in await procedures_naming(reader, set(names))  # by the device's distinguishing words
              if _dated(c) and any(_PLACED.search(n) for n in c.concepts)]
    if placed:
        return placed
    flt = SearchFilter(resource_types=frozenset({"DeviceUseStatement"}), day_to=reader.asked_day)
    return [c for c in await reader.facts(flt) if _dated(c) and set(c.concepts) & set(names)]


async def _record(reader: ChartReader, aspect: Aspect, event: str) -> tuple[Chunk, list[Chunk], str] | None:
    """The record an event is dated by, every record of its concept, and the concept's topic."""
    probe = replace(aspect, topic=None, concept=event, clause=event, window=Window(None, reader.asked_day),
                    concept_parts=(), prefer=("condition", "procedure", "medication", "immunization", "device"))
    resolution = await reader.resolve(probe)
    if resolution is None or not resolution.names:
        return None
    if resolution.topic == "device":
        found = await _device_placed(reader, resolution.names)
        if found:  # the day it went in: the first placement
            return found[0], found, resolution.topic
    else:
        found = [c for c in await reader.concept_facts(resolution, SearchFilter(day_to=reader.asked_day))
                 if _dated(c)]
    if not found or (resolution.topic == "medication" and _CHANGED.search(event)):
        return None
    first = resolution.topic in ("condition", "medication", "allergy") or bool(_FIRST.search(event))
    return (found[0] if first else found[-1]), found, resolution.topic


async def _period(reader: ChartReader, aspect: Aspect, event: str, chunk: Chunk, found: list[Chunk],
                  topic: str | None) -> tuple[int, int] | None:
    """The days an event lasted, or None when it has no period of its own."""
    asked = reader.asked_day
    fact = chunk.fact
    if chunk.resource_type == "Encounter" and fact is not None:
        start, end = day_of_text(fact.period_start) or chunk.effective_day, day_of_text(fact.period_end)
        return (start, end or start) if start else None
    if topic == "medication":
        days = [c.effective_day for c in found if c.effective_day]
        ends = [day_of_text(c.fact.period_end) if c.fact else None for c in found]
        last = max([d for d in ends if d] + days)
        if any(c.status in _RUNNING for c in found):
            last = asked
        return (min(days), min(last, asked)) if days else None
    if topic == "condition" and fact is not None:
        start = day_of_text(fact.onset) or chunk.effective_day
        end = day_of_text(fact.abatement)
        if start and end:
            return start, end
        everything = replace(aspect, window=Window(None, asked))
        stays = stays_named([c for c in await encounters(reader, everything, None) if _dated(c)
                             and c.fact is not None and c.fact.setting in ("inpatient", "emergency", "icu")], event)
        near = [c for c in stays if start is None or abs(int_day(c.effective_day or 0).toordinal()
                                                         - int_day(start).toordinal()) <= 7]
        if near:
            stay = near[-1].fact
            begin, finish = day_of_text(stay.period_start if stay else None), day_of_text(stay.period_end if stay else None)
            if begin:
                return begin, finish or begin
        if start and chunk.status == "active":
            return start, asked
    return None


def _drug_said(chunk: Chunk) -> str:
    """A drug named without its strengths (a label's numbers are no claim's: "while on warfarin")."""
    from rag_core.terminology.drugs import drugs

    display = chunk.concepts[0] if chunk.concepts else chunk.resource_type
    found = sorted(drugs().ingredients(display))
    return " / ".join(found) if found else re.sub(r"\s+", " ", re.sub(r"[\d.,/]+", " ", display)).strip()


async def event_window(reader: ChartReader, aspect: Aspect) -> tuple[Aspect, str | None]:
    """The aspect with its event-named window replaced by days from the chart; when the chart holds no such
    event, the aspect unwindowed and the sentence that says so."""
    window = aspect.window
    event, relation = window.event or "", window.relation or "around"
    chunk: Chunk | None
    found: list[Chunk] = []
    topic: str | None = None
    named_surgery = _NAMED_SURGERY.match(event.strip())
    if setting_of(event) or _VISIT.search(event):
        stay = await _stay(reader, aspect, event)
        chunk, day = stay if stay else (None, None)
    elif _SURGERY.match(event.strip()) or named_surgery:
        chunk = await _surgery(reader, named_surgery.group("site") if named_surgery else None)
        if chunk is None and named_surgery:  # "heart surgery" whose name says no operation: the record itself
            recorded = await _record(reader, aspect, event)
            chunk, found, topic = recorded if recorded else (None, [], None)
        day = chunk.effective_day if chunk else None
    else:
        recorded = await _record(reader, aspect, event)
        chunk, found, topic = recorded if recorded else (None, [], None)
        day = chunk.effective_day if chunk else None
    asked = reader.asked_day
    if chunk is None or day is None:
        said = (f"\u201c{event}\u201d, which the question dates by, is not found in this chart: the answer is not "
                "limited to a period.")
        kind = LATEST if aspect.kind is ON_DAY else aspect.kind  # no day to be near: the latest answers
        return replace(aspect, kind=kind, window=Window(None, asked, False)), said
    record = chunk.concepts[0] if chunk.concepts else chunk.resource_type
    named = f"the {record} of {iso(day)}"
    if chunk.resource_type == "Encounter" and chunk.fact is not None and chunk.fact.reason:
        named += f" (reason: {chunk.fact.reason})"  # which stay the words were read as, said
    if relation == "before":
        before = day_int(int_day(day).fromordinal(int_day(day).toordinal() - 1))
        return replace(aspect, window=Window(None, before, True, None, f"before {named}", named=record)), None
    if relation == "after":
        return replace(aspect, window=Window(day, asked, True, None, f"since {named}", baseline=True,
                                             named=record)), None
    if relation == "during":
        period = await _period(reader, aspect, event, chunk, found, topic)
        if period is not None:
            start, end = period
            said = f"while on {_drug_said(chunk)}" if topic == "medication" else f"during {named}"
            return replace(aspect, window=Window(start, max(start, end), True, None,
                                                 f"{said}, {iso(start)} to {iso(max(start, end))}",
                                                 baseline=True, named=record)), None
    return replace(aspect, window=Window(None, asked, True, day, f"around the time of {named}", named=record)), None

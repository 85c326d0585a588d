"""Why a drug was stopped or is not given: "why did he come off lisinopril", "why not lamictal", "why was the
statin dc'd".

Two records may say it, and the answer gives both as recorded: the order (its status, end and statusReason —
``orders.order_claim``) and an allergy or intolerance recorded to that drug, with its reaction ("Lisinopril —
reaction: cough"). Neither is inferred from the other: an order without a stop reason and no allergy record is
answered "no reason for stopping is recorded".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from rag_core.concepts import concept_words
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader
from rag_core.kinds.common import mentioned, said_name
from rag_core.kinds.ever import EVER
from rag_core.kinds.notes import NOTE_TYPES
from rag_core.kinds.orders import asks_why_stopped
from rag_core.kinds.search import SEARCH
from rag_core.kinds.timewords import day_int, day_of_text, int_day
from rag_core.kinds.topics import ALLERGY, MEDICATION
from rag_core.models import Chunk, Hit, SearchFilter

_WHY_NOT = re.compile(r"\bwhy (?:not|no|isn'?t|is (?:he|she|they|pt|the patient) not|can'?t)\b|\bwhy (?:did|was|were|"
                      r"is|has) .*\b(?:avoid\w*|switch\w*|chang\w*)\b", re.I)


def asks_why_not_given(clause: str) -> bool:
    """A question about why a drug was stopped or is not given."""
    return asks_why_stopped(clause) or _WHY_NOT.search(clause) is not None


async def why_stopped(reader: ChartReader, aspect: Aspect, k: int) -> list[AspectEvidence] | None:
    """The drug's orders, asked why stopped, and any allergy recorded to it — or None when the words name no
    medication or allergy this chart records (the question is then read as asked)."""
    if not aspect.concept:
        return None
    clause = aspect.clause if asks_why_stopped(aspect.clause) else f"why stopped {aspect.concept}"
    order = replace(aspect, kind=EVER, topic=MEDICATION, prefer=("medication",), clause=clause)
    allergy = replace(aspect, kind=EVER, topic=ALLERGY, prefer=("allergy",), clause=f"allergic to {aspect.concept}")
    parts = []
    for asked in (order, allergy):
        resolved = await reader.resolve(asked)
        if resolved is None or not resolved.names or resolved.topic != asked.prefer[0]:
            continue
        part = await EVER.gather(reader, asked, k)
        if part.chunks:
            parts.append(part)
    if parts and parts[0].aspect.topic is MEDICATION:
        said = await said_when_stopped(reader, parts[0])
        if said is not None:
            parts.append(said)
    return parts or None


# a note line saying a drug was stopped, and often why
_STOP_WORDS = re.compile(r"\bstop(?:ped|ping|s)?\b|\bdiscontinu\w*|\bd/?c'?d\b|\bswitch(?:ed)? (?:from|to|off)\b"
                         r"|\bchanged? to\b|\bcame off\b|\btaken off\b|\bceased\b", re.I)
# a line that starts or raises a drug says why it began, not why it ended
_START_WORDS = re.compile(r"\bstart(?:ed|ing|s)?\b|\binitiat\w*|\bbegin|\bbegan\b|\bincreas\w*", re.I)
# notes this long after an order's recorded end still tell why it ended ("stopped fosamax in June for reflux")
_STOP_NOTE_DAYS = 120


async def said_when_stopped(reader: ChartReader, orders: AspectEvidence) -> AspectEvidence | None:
    """The notes that say the drug was stopped and why, in their own words ("Fosamax stopped - unable to stay
    upright 30 min"): a note line naming the drug (its ingredient, or the name the question used) with a stop word,
    written between the drug's first order and a few months after its last order ended — the nearest to that end
    first. An order coded only "adverse effect" is told by the note beside it; nothing is inferred."""
    from rag_core.terminology.drugs import drugs

    first, newest = orders.chunks[0], orders.chunks[-1]
    if newest.status not in ("stopped", "cancelled", "completed", "on-hold") or first.effective_day is None:
        return None
    end = day_of_text(newest.fact.period_end if newest.fact else None) or newest.effective_day or first.effective_day
    end = min(end, reader.asked_day)  # an open end written as a far date ("9999-12-31") is today
    # each ingredient by its first word, the active moiety ("levothyroxine", never the "sodium" of its salt)
    names = {i.lower().split()[0] for c in orders.chunks for i in drugs().ingredients(said_name(c)) if i.split()}
    names |= {w.lower() for w in concept_words(orders.aspect.concept or "") if len(w) >= 4}
    names = {n for n in names if len(n) >= 4}
    if not names:
        return None
    ends = [day_int(int_day(end) + timedelta(days=_STOP_NOTE_DAYS)), orders.aspect.window.day_to]
    notes = await reader.facts(SearchFilter(resource_types=reader.granted(NOTE_TYPES), day_from=first.effective_day,
                                            day_to=min(d for d in ends if d is not None)))

    def says(chunk: Chunk) -> bool:
        return any(any(mentioned(n, line) for n in names) and _STOP_WORDS.search(line)
                   and not (_START_WORDS.search(line) and not re.search(r"\bstop", line))
                   for line in chunk.text.lower().splitlines())

    said = sorted((c for c in notes if c.kind == "note" and says(c)),
                  key=lambda c: abs(int_day(c.effective_day or end) - int_day(end)))[:2]
    if not said:
        return None
    return AspectEvidence(replace(orders.aspect, kind=SEARCH, concept=" ".join(sorted(names))), said, [], 0.6,
                          [Hit(c, 0.6) for c in said])

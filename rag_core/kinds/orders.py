"""What a medication question asks of the orders beyond "was it prescribed": why it is taken, why it was
stopped, how long it ran — answered from the order's own fields (reasonCode, statusReason, authoredOn,
dispenseRequest.validityPeriod), as recorded, never guessed."""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.concepts import untagged
from rag_core.kinds.base import AspectEvidence, ChartReader
from rag_core.kinds.common import fact_sentence
from rag_core.models import Chunk, Claim, SearchFilter

_WHY = re.compile(r"\bwhy\b|\bwhat (?:is|was|'s) (?:it |that |this )?for\b|\b(?:what )?for what\b|\bwhat for\b"
                  r"|\bindicat\w*|\breasons?\b"
                  r"|\bwhat(?:'?s| is| was| are| were)\b[^?]{1,60}?\bfor\s*\??\s*$", re.I)  # "whats the galantamine for"
_STOPPED = re.compile(r"\bstop(?:ped|ping|s)?\b|\bdiscontinu\w*|\bd/c\b|\bdc'?d\b|\b(?:came|come|comes|coming|go|went|"
                      r"gone|taken|take|took) off\b|\bquit\b|\bswitched\b", re.I)
_HOW_LONG = re.compile(r"\bhow long\b|\bfor how long\b|\bduration\b|\bhow many (?:years|months)\b", re.I)


_DOSE = re.compile(r"\bdose\b|\bdosage\b|\bdosing\b|\bhow much\b|\bwhat strength\b|\bhow many (?:mg|units)\b"
                   r"|\bfrequency\b|\bfreq\b", re.I)


def asks_why_stopped(clause: str) -> bool:
    return bool(_WHY.search(clause) and _STOPPED.search(clause))


def order_question(clause: str) -> str | None:
    """What a medication question asks of the orders beyond "was it prescribed": why stopped, why, how long."""
    if _WHY.search(clause):
        return "why_stopped" if _STOPPED.search(clause) else "why"
    if _DOSE.search(clause):
        return "dose"
    return "how_long" if _HOW_LONG.search(clause) else None


def order_claim(asked: str, name: str, chunks: list[Chunk]) -> Claim:
    """The order's own words: its reason, why it was stopped, or from when to when — as recorded, never guessed."""
    newest = chunks[-1]
    fact = newest.fact
    cite = [c.id for c in chunks]
    if asked == "why_stopped":
        if newest.status not in ("stopped", "cancelled", "completed", "on-hold"):
            return Claim(text=f"{name} is not recorded as stopped: last ordered {newest.effective_date} "
                              f"(status {newest.status}).", citations=cite)
        why = fact.status_reason if fact else None
        until = f"; {fact.until}" if fact is not None and fact.period_end else ""
        return Claim(text=f"{name} — status {newest.status} (last ordered {newest.effective_date}{until}); "
                          + (f"reason recorded: {why}." if why else "no reason for stopping is recorded."), citations=cite)
    if asked == "dose":  # the newest order as recorded: its strength and its dosage instructions
        return Claim(text=f"Most recent order: {fact_sentence(newest)}", citations=[newest.id])
    if asked == "why":
        with_reason = [c for c in chunks if c.fact and c.fact.reason]
        if with_reason:
            c = with_reason[-1]
            return Claim(text=f"{name} — ordered for: {c.fact.reason if c.fact else ''} (ordered {c.effective_date}).",
                         citations=[c.id])
        return Claim(text=f"{name} is recorded (ordered {newest.effective_date}), but no reason or indication is "
                          "recorded on the order.", citations=cite)
    start = chunks[0].effective_date
    ends = [c.fact.period_end[:10] for c in chunks if c.fact and c.fact.period_end]
    if newest.status in ("active", "on-hold"):
        until = f"still {newest.status} (last ordered {newest.effective_date})"
    elif ends:
        until = f"until {max(ends)} (status {newest.status})"
    else:
        until = f"last ordered {newest.effective_date} (status {newest.status}; no end date recorded)"
    return Claim(text=f"{name}: first ordered {start}, {until}.", citations=cite)


MAX_REASONS = 3


async def reason_records(reader: ChartReader, part: AspectEvidence) -> AspectEvidence | None:
    """"Why is she on X": the patient's own diagnoses the newest order names as its reason (reasonReference, or a
    reasonCode worded as the problem list words it), cited beside the order — or None when none is recorded."""
    orders = [c for c in part.chunks if c.resource_type == "MedicationRequest" and c.fact is not None and c.fact.reason]
    if not orders or order_question(part.aspect.clause) != "why":
        return None
    types = reader.granted(frozenset({"Condition"}))
    if not types:
        return None
    reason = orders[-1].fact.reason if orders[-1].fact is not None else None
    wanted = {untagged(r).strip().lower() for r in (reason or "").split(";") if r.strip()}
    recorded = await reader.facts(SearchFilter(resource_types=types, day_to=reader.asked_day))
    named = [c for c in recorded if any(untagged(n).strip().lower() in wanted for n in c.concepts)]
    if not named:
        return None
    from rag_core.kinds.ever import EVER  # (ever reads orders with this module's claims)
    from rag_core.kinds.topics import BY_NAME

    aspect = replace(part.aspect, kind=EVER, topic=BY_NAME["condition"], clause=f"{part.aspect.concept or ''}")
    return AspectEvidence(aspect, named[:MAX_REASONS], [], part.confidence, how="exact")

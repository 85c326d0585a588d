"""Yes / no ("is she on metformin?", "any history of MI?", "allergic to penicillin?", "ever had a colonoscopy?").

Yes is answered with the records that prove it, cited; no is never guessed: when the chart holds no
record of the concept the answer says so ("no record of …"), which is not the same as "does not have".
"""

from __future__ import annotations

import re

from rag_core.concepts import TERMINOLOGY_READINGS
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import (
    RULED_OUT,
    SAME_VISIT,
    chart_anchor,
    concept_evidence,
    fact_sentence,
    group_by_concept,
    said_name,
    verification_said,
)
from rag_core.kinds.current import status_claim
from rag_core.kinds.orders import order_claim, order_question
from rag_core.models import Chunk, Claim

# "is she on metformin?", "does he take …", "does she have diabetes?": asked about now, not "ever"
_NOW = re.compile(r"^\s*(?:is|are)\b.*\b(?:on|taking|using)\b|^\s*(?:does|do)\b.*\b(?:take|use|have)\b"
                  r"|\b(?:is|are) (?:he|she|they|pt|the patient) (?:on|taking|using)\b"
                  r"|\bcurrently\b|\bstill\b|\bnow\b", re.I)


MAX_SAME_VISIT = 6
MAX_DOSES = 12


class EverKind(Kind):
    name = "ever"
    cues = (
        Cue(r"\bever\b"), Cue(r"\bany\b", 0.6), Cue(r"\bhistory of\b|\bhx of\b", 0.7),
        Cue(r"\b(?:is|was) (?:he|she|they|the patient|pt|patient) (?:on|taking|using)\b", 0.9),
        Cue(r"\b(?:has|have|had|did|does|do) (?:he|she|they|the patient|pt|patient)\b", 0.6),
        Cue(r"^\s*(?:is|was|are|were|has|have|had|did|does|do)\b", 0.55), Cue(r"\ballergic to\b"),
        Cue(r"\b(?:received|gotten|got|taken|tried|underwent|undergone)\b", 0.5),
    )
    topics = frozenset({"medication", "condition", "procedure", "immunization", "allergy", "lab", "device", "careplan", "family"})
    needs_concept = True
    words_visit_links = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        read = await concept_evidence(reader, aspect)
        if read.early is not None:  # a yes/no question's "no answer" still leads with its word
            early = read.early
            if early.absence == "not_recorded" and early.how not in TERMINOLOGY_READINGS:
                early.not_found = (f"Not recorded \u2014 no record of \u201c{aspect.concept}\u201d in this chart "
                                   "(which is not the same as \u201cno\u201d).")
            elif early.absence == "outside_window" and early.not_found:
                early.not_found = f"Not recorded in that period \u2014 {early.not_found}"
            return early
        chunks = read.chunks
        series = "immunization" in (aspect.topic.name if aspect.topic else None,
                                    read.resolution.topic if read.resolution else None)
        if read.resolution is not None and (read.resolution.how in TERMINOLOGY_READINGS or (
                read.resolution.topic == "medication" and len(read.resolution.names) > 1)):
            # each member drug of a class; each drug a word names ("insulin": glargine and lispro)
            picked = [c for group in group_by_concept(chunks).values() for c in dict.fromkeys([group[0], group[-1]])]
        elif series:
            picked = chunks[-MAX_DOSES:]  # a series: every dose, each cited (a cap is said: ``omitted``)
        else:
            picked = list(dict.fromkeys([chunks[0], chunks[-1]]))  # first and most recent prove it
        part = read.evidence(picked)
        if series:
            part.omitted = chunks[:-MAX_DOSES]
        if _asks_now(part):
            part.anchor = await chart_anchor(reader, aspect.window.day_to)
        return part

    def claims(self, part: AspectEvidence) -> list[Claim]:
        if part.how == SAME_VISIT:  # no order records the condition as its reason: say how they are linked
            groups = list(group_by_concept(part.chunks).values())
            statuses = part.aspect.topic.active_statuses if part.aspect.topic is not None else None
            if _asks_now(part) and statuses:  # "what is he taking for …": the ones still active, if any
                groups = [g for g in groups if g[-1].status in statuses] or groups
            return [_same_visit_claim(part.aspect.concept or "it", g) for g in groups[:MAX_SAME_VISIT]]
        return self._claims(part)

    def _claims(self, part: AspectEvidence) -> list[Claim]:
        topic = part.aspect.topic.name if part.aspect.topic else "lab"
        oldest, newest = part.chunks[0], part.chunks[-1]
        if topic == "lab":  # "does he smoke?", "any A1c?": what was recorded, not a bare yes
            return [Claim(text=f"Yes \u2014 recorded; most recent: {fact_sentence(newest)}", citations=[newest.id])]
        if topic == "report":  # "tee findings", "what did the chest ct show": what the report says, newest last
            return [Claim(text=fact_sentence(c), citations=[c.id]) for c in dict.fromkeys([oldest, newest])]
        if (part.how in TERMINOLOGY_READINGS or topic in ("medication", "careplan")) and len(
                group_by_concept(part.chunks)) > 1:  # (each goal of several the words name: its own claim)
            # "any blood thinners": one claim per member drug of the class the chart holds; "is she on a statin":
            # the active members when there are any
            groups = list(group_by_concept(part.chunks).values())
            statuses = part.aspect.topic.active_statuses if part.aspect.topic is not None else None
            if _asks_now(part) and statuses:
                groups = [g for g in groups if g[-1].status in statuses] or groups
            return [claim for group in groups
                    for claim in self.claims(AspectEvidence(part.aspect, group, part.concepts, part.confidence,
                                                            how="exact", anchor=part.anchor))]
        if topic == "device":  # each device as recorded (its name, model, notes); "now": the active ones
            active = [c for c in part.chunks if c.status == "active"]
            shown = active if active and _asks_now(part, devices=True) else part.chunks
            return [Claim(text=f"Yes — {c.text}", citations=[c.id]) for c in shown]
        name = said_name(oldest)
        asked = order_question(part.aspect.clause) if topic == "medication" else None
        if asked:
            return [order_claim(asked, name, part.chunks)]
        if _asks_now(part) and part.aspect.topic is not None and part.aspect.topic.active_statuses:
            return [status_claim(part.chunks, part.aspect.topic.verb, part.aspect.topic.active_statuses, part.anchor)]
        if topic == "immunization":
            return _doses(part, name)
        return [Claim(text=_yes(topic, name, oldest, newest), citations=[c.id for c in part.chunks])]


_EVER = re.compile(r"\b(?:ever|history|hx|previous(?:ly)?|prior|past|before)\b", re.I)


def _asks_now(part: AspectEvidence, devices: bool = False) -> bool:
    """"is she on X", "does he have X" — but not "does he have a history of X" (that asks ever)."""
    topic, clause = part.aspect.topic, part.aspect.clause
    topics = ("medication", "condition", "device") if devices else ("medication", "condition")
    asked_now = bool(_NOW.search(clause) or (devices and _USING.search(clause)))
    return topic is not None and topic.name in topics and asked_now and not _EVER.search(clause)


_USING = re.compile(r"\busing\b|\bwear(?:s|ing)?\b|\bhas (?:a|an)\b", re.I)


def _same_visit_claim(condition: str, orders: list[Chunk]) -> Claim:
    """One drug ordered at the visit a condition was diagnosed at (the group's first order, ``_ordered_for``) and,
    when renewed since, its latest order — each said as recorded and cited."""
    first, latest = orders[0], orders[-1]
    said = (f"Ordered at the visit where {condition} was diagnosed (no order records it as the reason): "
            f"{fact_sentence(first)}")
    if latest.id == first.id:
        return Claim(text=said, citations=[first.id])
    return Claim(text=f"{said} Latest order of it: {fact_sentence(latest)}", citations=[first.id, latest.id])


_NOT_GIVEN = ("not-done", "entered-in-error")


def _doses(part: AspectEvidence, name: str) -> list[Claim]:
    """A vaccine's doses as recorded: those given, each with its date; a dose recorded as not done is said as such,
    never counted as given; a cap is said."""
    given = [c for c in part.chunks if c.status not in _NOT_GIVEN]
    claims: list[Claim] = []
    if len(given) > 2 or (given and len(given) != len(part.chunks)):
        doses = ", ".join(f"{c.concepts[0] if c.concepts else name} on {c.effective_date or 'an unrecorded date'}"
                          for c in given)
        earlier = f" ({len(part.omitted)} earlier doses recorded, not listed)" if part.omitted else ""
        claims.append(Claim(text=f"Yes — given: {doses}{earlier}.", citations=[c.id for c in given]))
    elif given:
        claims.append(Claim(text=_yes("immunization", name, given[0], given[-1]), citations=[c.id for c in given]))
    for c in part.chunks:
        if c.status in _NOT_GIVEN:
            why = f"; reason recorded: {c.fact.status_reason}" if c.fact is not None and c.fact.status_reason else ""
            claims.append(Claim(text=f"Recorded as not given: {c.concepts[0] if c.concepts else name}"
                                     f"{' on ' + c.effective_date if c.effective_date else ''} (status {c.status}{why}).",
                                citations=[c.id]))
    return claims


_REACTION = re.compile(r"\bCriticality (\w[\w-]*)\.|\bReactions: ([^\n]+?)\. Clinical status\b")


def _reaction(chunk: Chunk) -> str:
    """The recorded reactions and criticality of an allergy, as its record says them (nothing when none)."""
    criticality = reactions = None
    for m in _REACTION.finditer(chunk.text):
        criticality = m.group(1) or criticality
        reactions = m.group(2) or reactions
    said = (f" Reaction: {reactions}." if reactions else "") + (f" Criticality {criticality}." if criticality else "")
    return said


_ACHIEVEMENT = re.compile(r"\bAchievement ([^.]+)\.")
# what a procedure or condition record says beyond its code ("Body site: Left arm. Outcome: TICI 2b."), as rendered
_DETAIL = re.compile(r"\s(?:Body site|Severity|Stage|Outcome|Complications|Note):\s")
MAX_DETAIL = 240


def _detail(chunk: Chunk) -> str:
    """The record's own detail (site, outcome, note), cut at a sentence end: "which side", "tici?" ask it."""
    found = _DETAIL.search(chunk.text)
    if not found:
        return ""
    said = re.split(r"\s(?:Clinical status|Recorded) ", chunk.text[found.start():])[0].strip()
    if len(said) > MAX_DETAIL:
        cut = said.rfind(". ", 0, MAX_DETAIL)
        said = (said[: cut + 1] if cut > 0 else said[:MAX_DETAIL].rsplit(" ", 1)[0]) + " …"
    return " " + said


def _yes(topic: str, name: str, oldest: Chunk, newest: Chunk) -> str:
    status = f" (status {newest.status})" if newest.status else ""
    achieved = _ACHIEVEMENT.search(newest.text) if topic == "careplan" else None
    if achieved:  # "goal met?": the goal's achievement, as recorded — never a bare "Yes" for one not achieved
        since = f", set {oldest.effective_date}" if oldest.effective_date else ""
        return f"Goal: {name}{since} (status {newest.status}) — achievement recorded: {achieved.group(1)}."
    if topic == "medication" and newest.status not in ("active", "on-hold") and newest.fact and newest.fact.period_end:
        status = f" (status {newest.status}; {newest.fact.until})"  # "til when", as recorded
    verified, lead = verification_said(newest)
    if verified and topic in ("allergy", "condition"):  # "unconfirmed", "refuted": said, never dropped
        status = f" (status {newest.status}; verification {verified})" if newest.status else f" (verification {verified})"
    if topic == "condition" and verified in RULED_OUT:  # "hx of pnes?": considered and ruled out — never "yes"
        return f"{lead} — {name} was recorded on {newest.effective_date or 'no recorded date'}{status}."
    if topic == "allergy":  # with the reaction and criticality as recorded: "tegretol allergy?" asks what it did
        return f"{lead} — allergy or intolerance recorded: {name}" + (
            f" on {oldest.effective_date}" if oldest.effective_date else "") + f"{status}." + _reaction(newest)
    if topic == "medication":
        verb = "prescribed"
    elif topic == "condition":
        verb = "diagnosed"
    elif topic == "immunization":
        verb = "given"
    elif topic == "procedure":
        verb = "performed"
    elif topic == "family":
        return f"Yes — family history: {fact_sentence(newest)}"
    elif topic in ("device", "careplan"):
        verb = "recorded" if topic == "device" else "planned"
        if not oldest.effective_date:
            return f"Yes — {name} is recorded{status}."
    else:
        verb = "measured"
    if not newest.effective_date:  # a state recorded without a date (an undated problem-list entry)
        return f"Yes — {name} is recorded{status}; the record carries no date."
    if not oldest.effective_date:
        oldest = newest
    one = oldest.id == newest.id  # (the detail of one record, never said of several: two knees, two sides)
    detail = _detail(newest) if topic in ("procedure", "condition") and one else ""
    if oldest.id == newest.id or oldest.effective_date == newest.effective_date:
        return f"Yes — {name} was {verb} on {oldest.effective_date}{status}.{detail}"
    return (f"Yes — {name} was {verb}, first on {oldest.effective_date}, most recently on {newest.effective_date}"
            f"{status}.{detail}")


EVER = EverKind()

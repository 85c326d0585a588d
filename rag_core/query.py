"""Question → QueryPlan: what kind of chart fact is asked for, about which concept, in which window.

The plan turns time and encounter language ("most recent", "last 18 months", "in 2019", "on
2020-12-28", "the visit on ...") into engine filters, so retrieval never post-filters a top-k that may
have missed the answer. Dates are relative to ``now``, the day the question is asked on; nothing after
``now`` is ever evidence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Intent = Literal["lab", "medication", "condition", "procedure", "immunization", "allergy", "note", "encounter", "general"]
Mode = Literal["latest", "trend", "first", "ever", "list", "text"]

INTENT_TYPES: dict[str, frozenset[str]] = {
    "lab": frozenset({"Observation"}),
    "medication": frozenset({"MedicationRequest"}),
    "condition": frozenset({"Condition"}),
    "procedure": frozenset({"Procedure"}),
    "immunization": frozenset({"Immunization"}),
    "allergy": frozenset({"AllergyIntolerance"}),
    "note": frozenset({"DocumentReference", "DiagnosticReport"}),
    "encounter": frozenset({"Encounter", "DocumentReference", "DiagnosticReport"}),
}

NOTE_SECTIONS = (
    "assessment and plan",
    "chief complaint",
    "history of present illness",
    "social history",
    "allergies",
    "medications",
)

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12, "eighteen": 18}
_WINDOW = re.compile(
    r"\b(?:over|in|during|within|for)?\s*(?:the\s+)?(?:last|past|previous)\s+"
    r"(?P<n>\d+|one|two|three|four|five|six|twelve|eighteen)?\s*(?P<unit>day|week|month|year)s?\b",
    re.I,
)
_ON_DAY = re.compile(r"\b(?:on|dated|from)\s+(?:the\s+)?(?P<d>\d{4}-\d{2}-\d{2})\b", re.I)
_ANY_DAY = re.compile(r"\b(?P<d>\d{4}-\d{2}-\d{2})\b")
_IN_YEAR = re.compile(r"\b(?:in|during|for|of|from)\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_SINCE = re.compile(r"\bsince\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_THAT_TIME = re.compile(r"\b(?:in|during|over)\s+(?:that|the same|this)\s+(?:time|period|window)\b", re.I)
_CLAUSE_SPLIT = re.compile(r",?\s+and\s+(?=(?:which|what|when|how|has|have|did|were|was|list|any)\b)", re.I)

_RULES: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    ("condition", re.compile(r"\bdiagnosed\b|\bdiagnosis of\b|\b(?:does|did|has) (?:the patient|he|she|they) "
                             r"(?:have|had|ever had)\b", re.I)),
    # the question's own shape beats words inside a concept name ("…anxiety disorder … score result")
    ("lab", re.compile(r"\b(?:most recent|latest|last)\b.*\b(?:results?|values?|levels?|readings?|measurements?)\s*\??$"
                       r"|\bhow has\b.*\bchanged\b|\btrend\b", re.I)),
    ("allergy", re.compile(r"\ballerg|\bintoleran", re.I)),
    ("immunization", re.compile(r"\bvaccin|\bimmuni[sz]", re.I)),
    ("note", re.compile(r"\bnotes?\b|\bassessment\b|\bchief complaint\b|\bdocumented in\b|\bnote say", re.I)),
    ("medication", re.compile(r"\bmedication|\bprescri|\bdrugs?\b|\bmeds?\b|\bdispens|\btaking\b", re.I)),
    ("condition", re.compile(r"\bdiagnos|\bconditions?\b|\bproblems?\b|\bdisorder\b|\bdisease\b|\bhistory of\b", re.I)),
    ("procedure", re.compile(r"\bprocedures?\b|\bsurger|\boperations?\b|\bperformed\b", re.I)),
    (
        "lab",
        re.compile(
            r"\bresults?\b|\blabs?\b|\btrend\b|\bchanged?\b|\blevels?\b|\bvalues?\b|\bmeasure|\breading"
            r"|\bpressure\b|\bweight\b|\bheight\b|\bbmi\b|\brate\b|\bscore\b",
            re.I,
        ),
    ),
    ("encounter", re.compile(r"\bencounters?\b|\badmission|\badmitted\b|\bvisits?\b|\bseen\b", re.I)),
)

_CURRENT = re.compile(r"\b(?:current(?:ly)?|active|ongoing|still)\b", re.I)
ACTIVE_STATUSES: dict[str, tuple[str, ...]] = {
    "medication": ("active", "on-hold"),
    "condition": ("active", "recurrence", "relapse"),
    "allergy": ("active",),
}
_LATEST = re.compile(r"\b(?:most recent|latest|last|current|recent)\b", re.I)
_TREND = re.compile(r"\btrend|\bchanged?\b|\bover (?:the )?(?:last|past)|\bprogress", re.I)
_FIRST = re.compile(r"\bfirst\b|\bwhen was\b|\bonset\b|\bstart(?:ed)?\b", re.I)
_EVER = re.compile(r"\bever\b|\bhas (?:the patient|he|she|they) (?:been|had|taken|received)\b|\bever been\b", re.I)

# Phrases that carry the concept, tried before plain stop-word stripping.
_CONCEPT_PATTERNS = (
    re.compile(r"\bprescribed\s+(?P<c>.+?)\s*\??$", re.I),
    re.compile(r"\bdiagnosed with\s+(?P<c>.+?)\s*\??$", re.I),
    re.compile(r"\bwhen was\s+(?P<c>.+?)\s+(?:first\s+)?(?:diagnosed|recorded|noted|started)\b", re.I),
    re.compile(r"\b(?:most recent|latest|last)\s+(?P<c>.+?)\s+(?:results?|values?|levels?|readings?|measurements?)\b", re.I),
    re.compile(r"\bhow has (?:the |his |her |their )?(?P<c>.+?)\s+changed\b", re.I),
    re.compile(r"\bwhat was the\s+(?P<c>.+?)\s+trend\b", re.I),
)
_STOP = {
    "a", "an", "the", "what", "was", "were", "is", "are", "has", "have", "had", "how", "when", "which",
    "did", "does", "do", "most", "recent", "latest", "last", "result", "results", "value", "values", "level",
    "levels", "trend", "changed", "change", "over", "months", "month", "years", "year", "weeks", "week",
    "days", "day", "patient", "patients", "patient's", "ever", "been", "prescribed", "first", "diagnosed",
    "of", "for", "in", "on", "this", "that", "time", "given", "documented", "any", "there", "show", "me",
    "list", "tell", "about", "his", "her", "their", "he", "she", "they", "it", "its", "with", "past",
    "previous", "during", "since", "and", "or", "all", "record", "records", "chart", "recorded",
    "current", "currently", "taking", "take", "medication", "medications", "medicine", "medicines", "drug", "drugs",
    "prescription", "prescriptions", "condition", "conditions", "diagnosis", "diagnoses", "problem", "problems",
    "vaccine", "vaccines", "immunization", "immunizations", "procedure", "procedures", "allergy", "allergies",
    "active", "ongoing", "still", "used", "use", "using", "get", "got", "received", "at", "visit", "visits",
    "encounter", "from", "by", "between", "to", "same", "period", "window", "history",
}


@dataclass(frozen=True)
class Aspect:
    intent: Intent
    mode: Mode
    resource_types: frozenset[str] | None
    concept: str | None = None
    day_from: int | None = None
    day_to: int | None = None
    section: str | None = None
    explicit_window: bool = False
    newest: bool = False  # "the last note", "most recent visit": only the newest matching day
    statuses: tuple[str, ...] | None = None  # "current medications", "active problems"


@dataclass(frozen=True)
class QueryPlan:
    question: str
    now: date
    aspects: tuple[Aspect, ...]


def day_int(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def _months_back(now: date, months: int) -> date:
    """Same day ``months`` earlier, clamped to the month's length (2024-03-31 − 1 month = 2024-02-29)."""
    year, month0 = divmod(now.year * 12 + (now.month - 1) - months, 12)
    return date(year, month0 + 1, min(now.day, calendar.monthrange(year, month0 + 1)[1]))


def parse_window(text: str, now: date) -> tuple[int | None, int | None, bool]:
    """(from, to, explicit) as YYYYMMDD ints; ``to`` never later than now."""
    today = day_int(now)
    if m := _ON_DAY.search(text) or _ANY_DAY.search(text):
        d = int(m.group("d").replace("-", ""))
        return d, min(d, today), True
    if m := _WINDOW.search(text):
        raw = (m.group("n") or "1").lower()
        n = _NUMBER_WORDS.get(raw) or int(raw)
        unit = m.group("unit").lower()
        if unit == "month":
            start = _months_back(now, n)
        elif unit == "year":
            start = _months_back(now, 12 * n)
        else:
            start = now - timedelta(days=n * (7 if unit == "week" else 1))
        return day_int(start), today, True
    if m := _IN_YEAR.search(text):
        y = int(m.group("y"))
        return y * 10000 + 101, min(y * 10000 + 1231, today), True
    if m := _SINCE.search(text):
        return int(m.group("y")) * 10000 + 101, today, True
    return None, today, False


def _content_words(text: str) -> list[str]:
    text = re.sub(r"['’]s\b", "", text)  # patient's → patient
    return [w for w in re.findall(r"[\w/.+-]+", text) if w.lower().strip(".") not in _STOP and len(w) > 1]


def extract_concept(clause: str) -> str | None:
    """The thing asked about, or None when the clause names only a category ("which medications")."""
    text = _THAT_TIME.sub(" ", clause)
    for pattern in (_WINDOW, _ON_DAY, _ANY_DAY, _IN_YEAR, _SINCE):
        text = pattern.sub(" ", text)
    for pattern in _CONCEPT_PATTERNS:
        if m := pattern.search(text):
            concept = m.group("c").strip(" ?.,")
            if _content_words(concept):
                return concept
    concept = " ".join(_content_words(text)).strip(" ?.,")
    return concept or None


def _intent_of(clause: str) -> Intent:
    for intent, pattern in _RULES:
        if pattern.search(clause):
            return intent
    return "general"


def _aspect(clause: str, now: date, inherited: tuple[int | None, int | None, bool] | None) -> Aspect:
    intent = _intent_of(clause)
    if intent == "general" and (_LATEST.search(clause) or _TREND.search(clause)):
        intent = "lab"  # "latest HbA1c", "how has the potassium changed"
    day_from, day_to, explicit = parse_window(clause, now)
    if not explicit and inherited is not None and _THAT_TIME.search(clause):
        day_from, day_to, explicit = inherited
    types = INTENT_TYPES.get(intent)
    concept = extract_concept(clause)
    mode: Mode
    section = None
    newest = False
    statuses: tuple[str, ...] | None = None
    latest_cue = bool(_LATEST.search(_WINDOW.sub(" ", clause)))  # "last" inside "over the last 18 months" is no cue
    if intent == "lab":
        mode = "trend" if (_TREND.search(clause) or explicit) and not latest_cue else "latest"
    elif intent in ("medication", "condition") and concept:
        mode = "first" if intent == "condition" else "ever"
    elif intent in ("note", "encounter"):
        mode = "text"
        lowered = clause.lower()
        section = next((s for s in NOTE_SECTIONS if s in lowered), None)
        concept = None
        newest = latest_cue and not explicit
    elif intent == "general":
        mode = "text"
    else:
        mode = "list"
        concept = None
        if intent in ACTIVE_STATUSES and _CURRENT.search(clause) and not explicit:
            statuses = ACTIVE_STATUSES[intent]
    return Aspect(intent, mode, types, concept, day_from, day_to, section, explicit, newest, statuses)


def plan_question(question: str, now: date) -> QueryPlan:
    clauses = [c.strip() for c in _CLAUSE_SPLIT.split(question.strip()) if c.strip()]
    aspects: list[Aspect] = []
    inherited: tuple[int | None, int | None, bool] | None = None
    for clause in clauses or [question]:
        aspect = _aspect(clause, now, inherited)
        if aspect.explicit_window:
            inherited = (aspect.day_from, aspect.day_to, True)
        aspects.append(aspect)
    if len(aspects) > 1 and aspects[0].intent == "general":
        aspects = aspects[1:]
    return QueryPlan(question=question, now=now, aspects=tuple(aspects))

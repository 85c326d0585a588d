"""What a question kind is: cues as data, an engine read, an evidence selection and a claim wording.

A *topic* says which facts a question is about (labs, medications, visits, demographics …); a *kind*
says what it wants of them (the latest, the first, the values in a window, how many, yes or no …).
Both are plain objects with their cues as data — (pattern, score) pairs, like a Presidio recognizer's
patterns — so the planner scores every candidate and takes the best, instead of walking an ordered
chain of regular expressions. A kind reads the chart only through ``ChartReader`` (implemented by
``rag_core.retrieval.Retriever``), always inside the request's ``PatientScope``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from rag_core.chunking import UNDATED_DAY
from rag_core.kinds.timewords import Window
from rag_core.models import Chunk, Claim, Hit, SearchFilter

if TYPE_CHECKING:
    from rag_core.concepts import Resolution, VocabularyEntry


@dataclass(frozen=True)
class Cue:
    """A pattern that signals a topic or kind, with how strongly (0..1)."""

    pattern: str
    score: float = 1.0
    keep: bool = False  # the words also name a concept ("blood pressure", "allergic rhinitis"): not stripped

    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern)


_CACHE: dict[str, re.Pattern[str]] = {}


def _compile(pattern: str) -> re.Pattern[str]:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern, re.I)
    return _CACHE[pattern]


def best_cue(cues: Iterable[Cue], text: str) -> tuple[float, list[tuple[int, int]]]:
    """The strongest matching cue's score and the spans of every matching cue."""
    score = 0.0
    spans: list[tuple[int, int]] = []
    for cue in cues:
        for m in cue.compiled().finditer(text):
            score = max(score, cue.score)
            spans.append(m.span())
    return score, spans


@dataclass(frozen=True)
class Topic:
    """Which facts: the FHIR types that hold them, the words that name them, how a list of them reads."""

    name: str
    resource_types: frozenset[str]
    cues: tuple[Cue, ...]
    verb: str = "recorded"  # "prescribed", "given", "performed", "diagnosed"
    active_statuses: tuple[str, ...] | None = None  # what "current" means for this topic
    date_word: str = "on"


@dataclass(frozen=True)
class Aspect:
    """One part of a question: a kind applied to a topic (and a concept) in a window."""

    kind: Kind
    topic: Topic | None
    concept: str | None
    window: Window
    clause: str
    section: str | None = None  # a note section named in the question
    limit: int | None = None  # "the last 3 potassium values"
    extreme: str | None = None  # "max" | "min" | "worst" (the direction the lab's flags read worse in)
    setting: str | None = None  # encounter setting asked about: inpatient, icu, emergency, ambulatory
    attribute: str | None = None  # demographics / encounter detail asked about
    encounter_scope: str | None = None  # "last" | "first": facts of that hospital stay
    statuses: tuple[str, ...] | None = None
    concept_parts: tuple[str, ...] = ()  # "LDL and HDL": each part, tried when the whole names nothing
    prefer: tuple[str, ...] = ()  # other topics the question's words point at (concepts resolve there next)
    focus: str | None = None  # note questions: the words the note must mention when no date pins it

    # views kept for callers that think in types and days
    @property
    def resource_types(self) -> frozenset[str] | None:
        return self.topic.resource_types if self.topic else None

    @property
    def day_from(self) -> int | None:
        return self.window.day_from

    @property
    def day_to(self) -> int | None:
        return self.window.day_to

    @property
    def explicit_window(self) -> bool:
        return self.window.explicit

    @property
    def intent(self) -> str:
        return self.topic.name if self.topic else "general"

    @property
    def mode(self) -> str:
        return self.kind.name

    def base_filter(self, types: frozenset[str] | None = None, windowed: bool = True) -> SearchFilter:
        day_from = self.window.day_from if windowed else None
        if windowed and day_from is None and self.window.explicit and self.window.anchor is None:
            day_from = UNDATED_DAY + 1  # "conditions before 2015": an undated problem is not said to be before it
        return SearchFilter(
            resource_types=types if types is not None else self.resource_types,
            day_from=day_from,
            day_to=self.window.day_to,
            statuses=self.statuses,
        )


@dataclass(frozen=True)
class QueryPlan:
    question: str
    now: date
    aspects: tuple[Aspect, ...]


@dataclass
class AspectEvidence:
    """What one aspect found: the chunks to answer from (selected and ordered by its kind), the concepts
    they were resolved to, how confident retrieval is, and — when there is no answer — why."""

    aspect: Aspect
    chunks: list[Chunk]
    concepts: list[str] = field(default_factory=list)
    confidence: float = 0.0
    ranked: list[Hit] = field(default_factory=list)
    not_found: str | None = None  # an honest reason, no patient text beyond the asked concept and dates
    nearest: list[Chunk] = field(default_factory=list)  # shown when nothing is in the asked window
    how: str | None = None  # how the concept was resolved (exact, lexicon, analyte, typo, dense)
    withheld: bool = False  # the session's scopes do not allow reading what the aspect needs
    anchor: int | None = None  # the chart's latest record day (YYYYMMDD), when the kind judges staleness
    omitted: list[Chunk] = field(default_factory=list)  # records a cap left out, oldest first: said, never silent

    @property
    def absence(self) -> str | None:
        """Why there is no answer: withheld by scope, recorded only outside the asked period, or not recorded."""
        if self.chunks or not self.not_found:
            return None
        if self.withheld:
            return "withheld"
        return "outside_window" if self.nearest else "not_recorded"


class ChartReader(Protocol):
    """What a kind may read, always inside the request's scope (``rag_core.retrieval.Retriever``)."""

    async def facts(self, flt: SearchFilter, newest_first: bool = False, limit: int | None = None) -> list[Chunk]: ...

    async def resolve(self, aspect: Aspect) -> Resolution | None: ...

    async def vocabulary(self, day_to: int | None) -> list[VocabularyEntry]: ...

    async def concept_facts(self, resolution: Resolution, flt: SearchFilter) -> list[Chunk]: ...

    async def search(self, aspect: Aspect, text: str, flt: SearchFilter, k: int) -> list[Hit]: ...

    def granted(self, types: frozenset[str] | None) -> frozenset[str] | None: ...

    @property
    def asked_day(self) -> int:
        """The day the question is asked on (YYYYMMDD): nothing later is ever read."""
        ...


class Kind:
    """Base of every question kind. Subclasses set ``name``, ``cues``, ``topics`` and override
    ``gather`` (what to read, which chunks answer) and ``claims`` (how the answer reads)."""

    name: str = "kind"
    cues: tuple[Cue, ...] = ()
    topics: frozenset[str] | None = None  # topics this kind applies to (None: any)
    needs_concept: bool | None = None  # True: only with a concept; False: only without; None: either
    needs_topic: bool = False  # True: not for a concept whose topic only its resolution will tell
    prefers_recent: bool = False  # the reranker weighs recency
    words_visit_links: bool = False  # its claims say when orders are linked to a condition only by the visit

    def applies(self, topic: Topic | None, concept: str | None) -> bool:
        if topic is None:  # "last K": the concept's resolution will tell the topic
            return bool(concept) and self.needs_concept is not False and not self.needs_topic
        if self.topics is not None and topic.name not in self.topics:
            return False
        if self.needs_concept is True and not concept:
            return False
        return not (self.needs_concept is False and concept)

    def score(self, text: str) -> float:
        return best_cue(self.cues, text)[0]

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        raise NotImplementedError

    def claims(self, part: AspectEvidence) -> list[Claim]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<kind {self.name}>"

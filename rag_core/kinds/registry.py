"""The registry of question kinds. Order breaks ties between equally strong cues (a more specific kind
first: "how many" over "last", "first" over "when")."""

from __future__ import annotations

import re

from rag_core.kinds.auto import AUTO
from rag_core.kinds.base import Kind, Topic
from rag_core.kinds.count import COUNT
from rag_core.kinds.current import CURRENT
from rag_core.kinds.demographics import DEMOGRAPHICS_KIND
from rag_core.kinds.encounters import ENCOUNTER
from rag_core.kinds.ever import EVER
from rag_core.kinds.extreme import EXTREME
from rag_core.kinds.first import FIRST
from rag_core.kinds.latest import LATEST
from rag_core.kinds.listing import LIST
from rag_core.kinds.notes import NOTES
from rag_core.kinds.on_day import ON_DAY
from rag_core.kinds.onset import ONSET
from rag_core.kinds.search import SEARCH
from rag_core.kinds.timewords import Window
from rag_core.kinds.trend import TREND

# Kinds chosen by their cues, in tie-break order.
CUED: tuple[Kind, ...] = (COUNT, EXTREME, FIRST, LATEST, TREND, CURRENT, ONSET, EVER, LIST)
# Kinds chosen by topic or by the planner's rules.
ALL: tuple[Kind, ...] = (*CUED, ON_DAY, ENCOUNTER, DEMOGRAPHICS_KIND, NOTES, SEARCH, AUTO)
BY_NAME: dict[str, Kind] = {k.name: k for k in ALL}
MIN_CUE = 0.5  # a cue weaker than this does not choose a kind on its own


def default_kind(topic: Topic | None, concept: str | None, window: Window) -> Kind:
    """How a topic is answered when the question carries no (applicable) kind cue."""
    if topic is None:
        return AUTO if concept else SEARCH
    if topic.name == "demographics":
        return DEMOGRAPHICS_KIND
    if topic.name == "encounter":
        return ENCOUNTER
    if topic.name == "note":
        return NOTES
    if not concept:
        return LIST
    if topic.name == "lab":
        if window.anchor is not None:
            return ON_DAY
        return TREND if window.explicit else LATEST
    if topic.name == "report" and window.anchor is not None:  # "ct head circa may 2023": the study nearest
        return ON_DAY
    return EVER


def choose(text: str, topic: Topic | None, concept: str | None, window: Window) -> Kind:
    """The applicable kind whose cue scores highest (ties: registry order), else the topic's default."""
    best: Kind | None = None
    best_score = 0.0
    for kind in CUED:
        if not kind.applies(topic, concept):
            continue
        score = kind.score(text)
        if score > best_score:
            best, best_score = kind, score
    if best is None or best_score < MIN_CUE:
        return default_kind(topic, concept, window)
    if window.anchor is not None and concept and best in (LATEST, TREND) and (topic is None or topic.name == "lab"):
        return ON_DAY
    if window.anchor is not None and concept and best is EVER and topic is None and re.match(r"\s*what\b", text, re.I):
        return ON_DAY  # "what did he weigh around the time the icd went in": a value near a day, not "ever"
    return best

"""Measurements over time among an answer's cited facts, for a chart (a trend drawn, each point cited).

Points are the typed facts the validated claims cite — values exactly as recorded, with the unit and
the lab's own flag (interpretation) as recorded; a reference band is drawn only when every point
records the same range and that range states numeric bounds. Nothing is computed or re-rounded here.
"""

from __future__ import annotations

import re

from rag_core.kinds.common import measured_name, value_of
from rag_core.models import Chunk, Series, SeriesPoint, ValidatedAnswer
from rag_core.retrieval import Evidence

CHARTED_KINDS = frozenset({"trend"})
MIN_POINTS = 2
_RANGE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[–-]\s*(-?\d+(?:\.\d+)?)(?:\s|$)")


def _bounds(reference_range: str | None) -> tuple[str | None, str | None]:
    m = _RANGE.match(reference_range or "")
    return (m.group(1), m.group(2)) if m else (None, None)


def series_of(evidence: Evidence, answer: ValidatedAnswer) -> list[Series]:
    """One series per charted aspect and unit, oldest point first, from the facts the answer cites."""
    cited = {c.chunk_id for c in answer.citations}
    out: list[Series] = []
    for part in evidence.aspects:
        if part.aspect.kind.name not in CHARTED_KINDS:
            continue
        chunks = sorted((c for c in part.chunks if c.id in cited and c.effective_date),
                        key=lambda c: (c.effective_day or 0, c.id))
        by_unit: dict[str, list[tuple[Chunk, SeriesPoint]]] = {}
        for chunk in chunks:
            number, shown = value_of(chunk, part.concepts)
            if number is None or not shown or chunk.fact is None:
                continue
            fact = chunk.fact
            unit = fact.unit or ""
            value = fact.value if fact.value is not None and fact.number == number else str(number)
            if fact.components and fact.display not in part.concepts:  # a component of a panel: its own unit
                unit = shown.removeprefix(str(value)).strip()
            point = SeriesPoint(day=str(chunk.effective_date), value=str(value), shown=shown, chunk_id=chunk.id,
                                flag=fact.interpretation if not fact.components else None)
            by_unit.setdefault(unit, []).append((chunk, point))
        for unit, items in by_unit.items():
            if len(items) < MIN_POINTS:
                continue
            ranges = {c.fact.reference_range for c, _ in items if c.fact is not None}
            shared = ranges.pop() if len(ranges) == 1 else None
            low, high = _bounds(shared)
            out.append(Series(name=measured_name(items[0][0], part.concepts), unit=unit or None,
                              points=[p for _, p in items], reference_range=shared, range_low=low, range_high=high))
    return out

"""A cited chart summary from structured facts only (no generative model): active problems, current
medications, recent labs that changed. Every line cites the facts it states and goes through the same
citation validation as an answer.

Counts are true counts (every distinct active disorder, every distinct active medication order), lines
are newest first and cut at ``MAX_LINES`` with the number left out kept (``more``); an active order
written more than a year before the chart's latest record is said to be stale, not listed as current
without a word.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from rag_core.citations import validate
from rag_core.guidance import recommendations_for
from rag_core.index.base import VectorIndex
from rag_core.kinds.common import group_by_concept, stale_note
from rag_core.models import PATIENT_DATA, Chunk, Claim, DraftAnswer, PatientScope, SearchFilter, ValidatedAnswer
from rag_core.query import day_int

SCROLL_LIMIT = 5000
LAB_CATEGORIES = {"laboratory", "vital-signs"}  # survey scores are not "labs that changed"
MAX_LINES = 6
CHANGE_THRESHOLD = 0.10  # a lab "changed" when its latest value differs from the previous by ≥ 10 %


@dataclass(frozen=True)
class SummarySection:
    title: str
    claims: list[Claim]


@dataclass(frozen=True)
class ChartSummary:
    patient_id: str
    as_of: str
    sections: list[tuple[str, ValidatedAnswer]]
    changing_labs: int
    active_problems: int  # distinct active disorders (findings such as employment status are not problems)
    current_medications: int  # distinct medications with an active order (stale ones included, and flagged)
    largest_change: float  # relative change of the most-changed recent lab (0 when none)
    more: dict[str, int] | None = None  # section title → lines left out of it
    stale_orders: int = 0
    recommendations: int = 0  # guideline recommendations quoted for the patient's age group


    @property
    def citations(self) -> list[str]:
        return [c.reference for _, answer in self.sections for c in answer.citations]


def _number(chunk: Chunk) -> tuple[Decimal, str, str] | None:
    """(value, shown value, day) of a single-valued numeric result, from its typed fact."""
    fact = chunk.fact
    if fact is None or fact.components or fact.number is None or not chunk.effective_date:
        return None
    return fact.number, fact.shown_value or "", chunk.effective_date


def _passes(chunk: Chunk, flt: SearchFilter, scope: PatientScope) -> bool:
    """The filters ``summarize`` uses, applied to chunks held in memory (never indexed)."""
    if chunk.patient_id != scope.patient_id or chunk.resource_type not in scope.resource_types:
        return False
    if flt.resource_types is not None and chunk.resource_type not in flt.resource_types:
        return False
    if flt.statuses is not None and chunk.status not in flt.statuses:
        return False
    day = chunk.effective_day
    if flt.day_from is not None and (day is None or day < flt.day_from):
        return False
    return not (flt.day_to is not None and day is not None and day > flt.day_to)


RECOMMENDATIONS = "Guideline recommendations for this age (not chart facts)"


async def summarize(index: VectorIndex, scope: PatientScope, now: date, model_id: str = "chartrag/summary-v1") -> ChartSummary:
    """The summary from the index."""
    async def scroll(flt: SearchFilter) -> list[Chunk]:
        return await index.scroll(PATIENT_DATA, flt, scope, limit=SCROLL_LIMIT)

    return await _summarize(scroll, scope, now, model_id, index)


async def summarize_chunks(chunks: list[Chunk], scope: PatientScope, now: date,
                           model_id: str = "chartrag/summary-v1", guidelines: VectorIndex | None = None) -> ChartSummary:
    """The summary from chunks held in memory: chart data a CDS client sent for one request only (the
    guideline recommendations, when an index is given, from its shared ``clinical_guidelines``)."""
    async def scroll(flt: SearchFilter) -> list[Chunk]:
        found = [c for c in chunks if _passes(c, flt, scope)]
        return sorted(found, key=lambda c: (c.effective_day or 0, c.id))

    return await _summarize(scroll, scope, now, model_id, guidelines)


async def _summarize(scroll: Callable[[SearchFilter], Awaitable[list[Chunk]]], scope: PatientScope, now: date,
                     model_id: str, guidelines: VectorIndex | None = None) -> ChartSummary:
    today = day_int(now)

    async def facts(types: set[str], **kw: object) -> list[Chunk]:
        return await scroll(SearchFilter(resource_types=frozenset(types), day_to=today, **kw))  # type: ignore[arg-type]

    problems = await facts({"Condition"}, statuses=("active", "recurrence", "relapse"))
    medications = await facts({"MedicationRequest"}, statuses=("active",))
    year_ago = day_int(now - timedelta(days=365))
    labs = [c for c in await facts({"Observation"}, day_from=day_int(now - timedelta(days=3 * 365)))
            if c.category in LAB_CATEGORIES]

    anchor = max((c.effective_day or 0 for c in [*problems, *medications, *labs]), default=0) or None
    disorders = group_by_concept([c for c in problems if "(finding)" not in (c.concepts or ("",))[0]])
    problem_claims = [
        Claim(text=f"{name} (since {group[0].effective_date})" if group[0].effective_date else name,
              citations=[group[0].id])
        for name, group in sorted(disorders.items(), key=lambda kv: (kv[1][0].effective_day or 0, kv[0]), reverse=True)
    ]
    ordered = sorted(group_by_concept(medications).items(), key=lambda kv: (kv[1][-1].effective_day or 0, kv[0]),
                     reverse=True)
    stale = {name: stale_note(group[-1], anchor) for name, group in ordered}
    med_claims = [
        Claim(text=f"{name} ({stale[name]})" if stale[name] else f"{name} (prescribed {group[-1].effective_date})",
              citations=[group[-1].id])
        for name, group in ordered
    ]
    lab_claims: list[Claim] = []
    changes: list[float] = []
    for name, group in group_by_concept(labs).items():
        if len(group) < 2 or (group[-1].effective_day or 0) < year_ago:
            continue
        last, previous = _number(group[-1]), _number(group[-2])
        if not last or not previous or previous[0] == 0:
            continue
        change = float(abs(last[0] - previous[0]) / abs(previous[0]))
        now_value, before_value = last[1], previous[1]
        if change >= CHANGE_THRESHOLD and now_value and before_value:
            changes.append(change)
            direction = "up" if last[0] > previous[0] else "down"
            lab_claims.append(Claim(
                text=f"{name}: {now_value} on {last[2]}, {direction} from {before_value} on {previous[2]}",
                citations=[group[-1].id, group[-2].id]))
    retrieved = problems + medications + labs
    sections = []
    more: dict[str, int] = {}
    advice = None
    if guidelines is not None:  # the guidelines' recommendations for the patient's age group, kept apart
        patients = await scroll(SearchFilter(resource_types=frozenset({"Patient"})))  # undated: no day filter
        advice = await recommendations_for(guidelines, patients[0] if patients else None, scope, now, model_id)
    for title, claims in (("Active problems", problem_claims), ("Current medications", med_claims),
                          ("Labs that changed", lab_claims)):
        if claims:
            more[title] = max(0, len(claims) - MAX_LINES)
            draft = DraftAnswer(text="", claims=claims[:MAX_LINES], confidence=1.0, model_id=model_id)
            sections.append((title, validate(draft, retrieved, scope)))
    if advice is not None and not advice.abstained:
        sections.append((RECOMMENDATIONS, advice))
    return ChartSummary(
        patient_id=scope.patient_id,
        as_of=now.isoformat(),
        sections=sections,
        changing_labs=len(lab_claims),
        active_problems=len(problem_claims),
        current_medications=len(med_claims),
        largest_change=round(max(changes, default=0.0), 4),
        more=more,
        stale_orders=sum(1 for note in stale.values() if note),
        recommendations=len(advice.claims) if advice is not None and not advice.abstained else 0,
    )

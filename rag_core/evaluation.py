"""Evaluation on a question file shaped like ``shared/eval/dev_questions.jsonl``.

Metrics (overall and per ``kind``): evidence recall@k over the retrieved set, cited recall, citation
precision, unsupported-claim rate, abstention accuracy, answer-fact accuracy, cross-patient leakage
and latency percentiles. Definitions are in docs/architecture.md#evaluation.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rag_core.citations import atoms, unsupported_atoms
from rag_core.models import PatientScope, ValidatedAnswer
from rag_core.service import ChartService


@dataclass
class QuestionResult:
    kind: str
    expect: str
    evidence_recall: float | None
    cited_recall: float | None
    citations: int
    precise_citations: int
    claims: int
    unsupported_claims: int
    abstained: bool
    fact_accuracy: float | None
    leakage: int
    latency_ms: float


def load_questions(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _recall(gold: list[str], found: Iterable[str], match: str) -> float | None:
    if not gold:
        return None
    found_set = set(found)
    hits = sum(1 for g in gold if g in found_set)
    if match == "any":
        return 1.0 if hits else 0.0
    return hits / len(gold)


def _one_decimal(number: str) -> set[Decimal]:
    """A stated number rounded to one decimal, the way gold facts are written (either tie rule)."""
    try:
        value = Decimal(number)
    except InvalidOperation:
        return set()
    tenth = Decimal("0.1")
    return {value.quantize(tenth, rounding=ROUND_HALF_UP), value.quantize(tenth, rounding=ROUND_HALF_EVEN)}


def fact_present(fact: str, answer_text: str) -> bool:
    """Whether an answer states a gold fact. Numbers are shown exactly as recorded (4.98) while gold
    facts are rounded to one decimal (5): a stated number counts when it rounds to the fact."""
    text = answer_text.lower()
    if fact.lower() in ("yes", "no"):
        return text.startswith(fact.lower())
    if fact.lower() in text:
        return True
    # numbers: "6" must match "6" or "6.0" as a stated value, not inside another number
    dates, numbers = atoms(answer_text)
    if fact in dates or fact in numbers:
        return True
    wanted = _one_decimal(fact)
    return bool(wanted) and any(wanted & _one_decimal(n) for n in numbers)


def _fact_present(fact: str, answer: ValidatedAnswer) -> bool:
    return fact_present(fact, answer.answer)


def score(question: dict[str, Any], answer: ValidatedAnswer, k: int) -> QuestionResult:
    gold: list[str] = question.get("gold_ids") or []
    retrieved_refs = answer.retrieved_references[: max(k, len(gold))]
    cited_refs = [c.reference for c in answer.citations]
    patient = question["patient_id"]
    leakage = sum(1 for p in answer.retrieved_patient_ids if p != patient)
    leakage += sum(1 for c in answer.citations if c.patient_id != patient)
    by_id = {c.chunk_id: c for c in answer.citations}
    precise = 0
    unsupported = 0
    for claim in answer.claims:
        cited = [by_id[c] for c in claim.citations if c in by_id]
        claim_dates, claim_numbers = atoms(claim.text)
        for citation in cited:
            d, n = atoms(citation.text)
            supports = bool((claim_dates & d) or (claim_numbers & n)) or citation.reference in gold
            if not (claim_dates or claim_numbers):
                supports = True  # nothing checkable beyond membership in this patient's retrieval set
            precise += int(supports and citation.patient_id == patient)
        if unsupported_atoms(claim.text, [c.text for c in cited]) is not None:
            unsupported += 1
    facts = question.get("answer_facts") or []
    fact_accuracy = None
    if question.get("expect") == "answer" and facts:
        fact_accuracy = 0.0 if answer.abstained else sum(_fact_present(f, answer) for f in facts) / len(facts)
    return QuestionResult(
        kind=question["kind"],
        expect=question.get("expect", "answer"),
        evidence_recall=_recall(gold, retrieved_refs, question.get("gold_match", "all")),
        cited_recall=_recall(gold, cited_refs, question.get("gold_match", "all")),
        citations=sum(len(c.citations) for c in answer.claims),
        precise_citations=precise,
        claims=len(answer.claims),
        unsupported_claims=unsupported,
        abstained=answer.abstained,
        fact_accuracy=fact_accuracy,
        leakage=leakage,
        latency_ms=answer.latency_ms,
    )


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def _percentile(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return round(ordered[index], 2)


def aggregate(results: list[QuestionResult]) -> dict[str, Any]:
    citations = sum(r.citations for r in results)
    claims = sum(r.claims for r in results)
    abstain = [r for r in results if r.expect == "abstain"]
    answerable = [r for r in results if r.expect == "answer"]
    latencies = [r.latency_ms for r in results]
    return {
        "n": len(results),
        "evidence_recall_at_k": _mean([r.evidence_recall for r in results if r.evidence_recall is not None]),
        "cited_recall": _mean([r.cited_recall for r in results if r.cited_recall is not None]),
        "citation_precision": round(sum(r.precise_citations for r in results) / citations, 4) if citations else None,
        "unsupported_claim_rate": round(sum(r.unsupported_claims for r in results) / claims, 4) if claims else 0.0,
        "abstention_accuracy": _mean([1.0 if r.abstained else 0.0 for r in abstain]),
        "false_abstention_rate": _mean([1.0 if r.abstained else 0.0 for r in answerable]),
        "answer_fact_accuracy": _mean([r.fact_accuracy for r in answerable if r.fact_accuracy is not None]),
        "leakage": sum(r.leakage for r in results),
        "latency_ms_p50": _percentile(latencies, 50),
        "latency_ms_p95": _percentile(latencies, 95),
    }


async def run_eval(
    service: ChartService,
    questions: list[dict[str, Any]],
    k: int,
    on_done: Callable[[], None] | None = None,
) -> dict[str, Any]:
    results: list[QuestionResult] = []
    for question in questions:
        scope = PatientScope.full(question["patient_id"], requester="chartrag-eval")
        answer = await service.answer(question["question"], scope, now=date.fromisoformat(question["now"]), k=k,
                                      channel="eval")
        results.append(score(question, answer, k))
        if on_done:
            on_done()
    report = aggregate(results)
    by_kind: dict[str, list[QuestionResult]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    report["k"] = k
    report["per_kind"] = {kind: aggregate(items) for kind, items in sorted(by_kind.items())}
    return report

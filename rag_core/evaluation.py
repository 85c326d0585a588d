"""Evaluation on a question file shaped like ``shared/eval/dev_questions.jsonl``.

Metrics (overall and per ``kind``): evidence recall@k over the retrieved set, cited recall, citation
precision, unsupported-claim rate, abstention accuracy, answer-fact accuracy, cross-patient leakage
and latency percentiles. Definitions are in docs/architecture.md#evaluation.
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rag_core.citations import atoms, unsupported_atoms
from rag_core.errors import PatientNotIndexed
from rag_core.models import CLINICAL_GUIDELINES, PATIENT_DATA, Citation, Claim, PatientScope, ValidatedAnswer
from rag_core.service import ChartService


@dataclass
class QuestionResult:
    id: str
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
    confident_wrong: bool = False  # answered without the asked facts, or answered where the chart has nothing
    confidence: float = 0.0  # the confidence the answer showed
    correct: bool = False  # abstained where the chart holds nothing; answered with every asked fact otherwise
    # chart + guideline questions (a "gold_guideline" field): recall of both namespaces' gold within k, the
    # gold guideline section quoted, chart claims that carry a guideline sentence or cite one, and guideline
    # claims where no bundled guideline covers the question
    both_recall: float | None = None
    guideline_recall: float | None = None
    guideline_cited: float | None = None
    guideline_as_chart: int = 0
    unexpected_guideline: bool | None = None


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
    # a guideline citation holds no patient's data; a chart citation only this patient's
    leakage += sum(1 for c in answer.citations if c.patient_id != (patient if c.namespace == PATIENT_DATA else ""))
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
            owner = patient if citation.namespace == PATIENT_DATA else ""  # a guideline belongs to no patient
            precise += int(supports and citation.patient_id == owner)
        if not _supported(claim, cited, question):
            unsupported += 1
    facts = question.get("answer_facts") or []
    fact_accuracy = None
    if question.get("expect") == "answer" and facts:
        fact_accuracy = 0.0 if answer.abstained else sum(_fact_present(f, answer) for f in facts) / len(facts)
    evidence_recall = _recall(gold, retrieved_refs, question.get("gold_match", "all"))
    cited_recall = _recall(gold, cited_refs, question.get("gold_match", "all"))
    wrong = not answer.abstained and (
        question.get("expect") == "abstain"
        or (fact_accuracy is not None and fact_accuracy == 0.0)
        or (not facts and cited_recall == 0.0))
    guided = _guideline_scores(question, answer, k, gold, retrieved_refs)
    return QuestionResult(
        **guided,
        id=str(question.get("id", "")),
        confident_wrong=wrong,
        kind=question["kind"],
        expect=question.get("expect", "answer"),
        evidence_recall=evidence_recall,
        cited_recall=cited_recall,
        citations=sum(len(c.citations) for c in answer.claims),
        precise_citations=precise,
        claims=len(answer.claims),
        unsupported_claims=unsupported,
        abstained=answer.abstained,
        fact_accuracy=fact_accuracy,
        leakage=leakage,
        latency_ms=answer.latency_ms,
        confidence=answer.confidence,
        correct=(answer.abstained if question.get("expect") == "abstain" else
                 not answer.abstained and not wrong and (fact_accuracy is None or fact_accuracy == 1.0)),
    )


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9%.]+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _guideline_scores(question: dict[str, Any], answer: ValidatedAnswer, k: int, gold: list[str],
                      retrieved_refs: list[str]) -> dict[str, Any]:
    if "gold_guideline" not in question:
        return {}
    wanted: list[str] = question["gold_guideline"]
    found = answer.retrieved_guideline_references[:k]
    hit = any(g in found for g in wanted)
    cited = {f"{c.reference}#{c.section or ''}" for c in answer.citations if c.namespace == CLINICAL_GUIDELINES}
    chart_hits = sum(1 for g in gold if g in set(retrieved_refs[:k]))
    total = len(gold) + (1 if wanted else 0)
    guideline_texts = [c.text for c in answer.citations if c.namespace == CLINICAL_GUIDELINES]
    passages = set().union(*(_shingles(t) for t in guideline_texts)) if guideline_texts else set()
    by_id = {c.chunk_id: c for c in answer.citations}
    as_chart = 0
    for claim in answer.claims:
        if claim.source != "chart":
            continue
        cites_guideline = any(by_id[c].namespace != PATIENT_DATA for c in claim.citations if c in by_id)
        as_chart += int(cites_guideline or bool(_shingles(claim.text) & passages))
    guideline_claims = [c for c in answer.claims if c.source == "guideline"]
    return {
        "both_recall": round((chart_hits + (1 if wanted and hit else 0)) / total, 4) if total else None,
        "guideline_recall": (1.0 if hit else 0.0) if wanted else None,
        "guideline_cited": (1.0 if any(g in cited for g in wanted) else 0.0) if wanted else None,
        "guideline_as_chart": as_chart,
        "unexpected_guideline": bool(guideline_claims) if not wanted else None,
    }


_BORN = re.compile(r"\bborn (\d{4}-\d{2}-\d{2})")


def _supported(claim: Claim, cited: list[Citation], question: dict[str, Any]) -> bool:
    """Whether every date and number of the claim is in its cited texts, in the question itself, or is a
    count / day difference / age this function recomputes from the cited texts (independently of the
    citation validator)."""
    texts = [c.text for c in cited]
    allowed = set(atoms(question["question"])[0]) | set(atoms(question["question"])[1]) | {question["now"]}
    for derived in claim.computed:
        if derived.kind == "count" and derived.value == str(len({c.reference for c in cited})):
            allowed.add(derived.value)
        elif derived.kind == "days" and derived.start and derived.end:
            dated = set().union(*(atoms(t)[0] for t in texts)) if texts else set()
            if {derived.start, derived.end} <= dated and derived.value == str(
                    (date.fromisoformat(derived.end) - date.fromisoformat(derived.start)).days):
                allowed.add(derived.value)
        elif derived.kind == "age" and derived.start:
            births = [date.fromisoformat(m) for t in texts for m in _BORN.findall(t)]
            on = date.fromisoformat(derived.start)
            if any(derived.value == str(on.year - b.year - ((on.month, on.day) < (b.month, b.day))) for b in births):
                allowed.add(derived.value)
                allowed.add(derived.start)
    dates, numbers = atoms(claim.text)
    texts_plus = [*texts, " ".join(sorted(allowed))]
    return unsupported_atoms(" ".join([*sorted(dates), *sorted(numbers)]), texts_plus) is None


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
        "confident_wrong_rate": round(sum(r.confident_wrong for r in results) / len(results), 4) if results else None,
        "confident_wrong": [r.id for r in results if r.confident_wrong],
        "latency_ms_p50": _percentile(latencies, 50),
        "latency_ms_p95": _percentile(latencies, 95),
        **_guideline_aggregate(results),
    }


def _guideline_aggregate(results: list[QuestionResult]) -> dict[str, Any]:
    guided = [r for r in results if r.both_recall is not None or r.unexpected_guideline is not None]
    if not guided:
        return {}
    return {
        "chart_and_guideline_recall_at_k": _mean([r.both_recall for r in guided if r.both_recall is not None]),
        "guideline_recall_at_k": _mean([r.guideline_recall for r in guided if r.guideline_recall is not None]),
        "guideline_cited_recall": _mean([r.guideline_cited for r in guided if r.guideline_cited is not None]),
        "guideline_sentences_as_chart_facts": sum(r.guideline_as_chart for r in guided),
        "guideline_claims_where_none_applies": sum(1 for r in guided if r.unexpected_guideline),
        "misses": [r.id for r in guided if (r.both_recall or 0) < 1 and r.both_recall is not None],
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
        try:
            answer = await service.answer(question["question"], scope, now=date.fromisoformat(question["now"]), k=k,
                                          channel="eval")
        except PatientNotIndexed:  # scored as an abstention: the set names a patient this index does not hold
            answer = ValidatedAnswer(patient_id=question["patient_id"], answer="patient not indexed", claims=[],
                                     citations=[], confidence=0.0, abstained=True, model_id="none")
        results.append(score(question, answer, k))
        if on_done:
            on_done()
    report = aggregate(results)
    report["reliability"] = reliability(results)
    by_kind: dict[str, list[QuestionResult]] = defaultdict(list)
    for r in results:
        by_kind[r.kind].append(r)
    report["k"] = k
    report["per_kind"] = {kind: aggregate(items) for kind, items in sorted(by_kind.items())}
    return report


RELIABILITY_BINS = (0.0, 0.5, 0.7, 0.85, 0.95, 1.0001)


def reliability(results: list[QuestionResult]) -> dict[str, Any]:
    """Is the confidence shown calibrated? Answered questions binned by their confidence: how many, the mean
    confidence and the share answered correctly (every asked fact, nothing confidently wrong); the expected
    calibration error is the count-weighted gap between the two."""
    answered = [r for r in results if not r.abstained]
    bins: list[dict[str, Any]] = []
    gaps = 0.0
    for low, high in itertools.pairwise(RELIABILITY_BINS):
        items = [r for r in answered if low <= r.confidence < high]
        if items:
            mean = statistics.fmean(r.confidence for r in items)
            correct = sum(r.correct for r in items) / len(items)
            gaps += len(items) * abs(mean - correct)
            bins.append({"confidence": f"{low:.2f}-{min(high, 1.0):.2f}", "n": len(items),
                         "mean_confidence": round(mean, 3), "correct": round(correct, 3)})
    ece = gaps / len(answered) if answered else None
    return {"bins": bins, "answered": len(answered),
            "expected_calibration_error": round(ece, 3) if ece is not None else None}


GAP_METRICS = ("evidence_recall_at_k", "cited_recall", "citation_precision", "unsupported_claim_rate",
               "abstention_accuracy", "false_abstention_rate", "answer_fact_accuracy", "confident_wrong_rate")


def compare(reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Several sets side by side; ``gap``: each later set's metrics minus the first's (the dev set's)."""
    names = list(reports)
    first = reports[names[0]]
    gap: dict[str, dict[str, float | None]] = {}
    for name in names[1:]:
        gap[name] = {m: (round(reports[name][m] - first[m], 4) if reports[name].get(m) is not None
                         and first.get(m) is not None else None) for m in GAP_METRICS}
    return {"sets": reports, "gap_vs_" + names[0]: gap}

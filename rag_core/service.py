"""``ChartService.answer``: plan → retrieve → (gate) → generate → validate citations → audit.

Only a ``ValidatedAnswer`` comes out; every call writes one audit record (requester, patient,
question hash, retrieved and cited chunk ids, model ids and prompt template hash, what was sent to
which third-party model — counts only —, gating, latency, outcome) — never patient text.

With a drafting model configured (Claude), weak evidence is answered "not in the chart" without
calling it; its answer is validated like any other, and when the validator drops claims the model is
asked once more with the findings, then what survives is the answer. If the model fails, the offline
extractive generator answers and the answer says so.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from rag_core.audit import JsonlAuditLog
from rag_core.citations import GUIDELINE_HEADING, NOT_FOUND, atoms, citation_of, validate
from rag_core.egress import begin_request, end_request
from rag_core.errors import IsolationError, PatientNotIndexed
from rag_core.gating import closest_chunks, evidence_strength
from rag_core.generation import DraftingModel, Finding, GenerationInfo, GenerationUnavailable, Generator
from rag_core.guidance import (
    age_recommendations,
    asks_guidance,
    chart_question,
    guideline_words,
    patient_age,
    relevant,
    with_patient_context,
)
from rag_core.kinds.base import Aspect
from rag_core.kinds.timewords import iso
from rag_core.models import CLINICAL_GUIDELINES, PATIENT_DATA, DraftAnswer, Hit, PatientScope, SearchFilter, ValidatedAnswer
from rag_core.phi.directory import RecordDirectory
from rag_core.query import QueryPlan, day_int, plan_question
from rag_core.retrieval import Evidence, Retriever
from rag_core.series import series_of
from rag_core.telemetry import METRICS, annotate, span

MAX_QUESTION_CHARS = 2000
CHANNELS = frozenset({"api", "smart_app", "cli", "eval", "bench", "cds"})  # metric label values


def asked_days(plan: QueryPlan, answered: Iterable[Aspect] = ()) -> frozenset[str]:
    """Days and periods the question itself names or implies (its window, the day it is asked on, the day of
    the chart event it dates a period by — ``answered``, the aspects as retrieval resolved them): a claim may
    say them ("age 35 on 2005-11-07", "3 results since 2019") without a cited text holding them."""
    days = {day_int(plan.now)}
    said: set[str] = set()
    for aspect in plan.aspects:
        days |= {d for d in (aspect.window.anchor, aspect.window.day_from, aspect.window.day_to) if d}
        if aspect.window.label:
            dates, numbers = atoms(aspect.window.label)
            said |= dates | numbers
    for aspect in answered:  # the day a chart event dates the period by, and the numbers of the record's name the
        # label quotes ("since the Type 2 diabetes mellitus of …") — never another number of its label (a stay's reason)
        days |= {d for d in (aspect.window.anchor, aspect.window.day_from, aspect.window.day_to) if d and d > 1}
        if aspect.window.named:
            said |= atoms(aspect.window.named)[1]
    return frozenset({iso(d) for d in days} | said)


class ChartService:
    def __init__(
        self,
        retriever: Retriever,
        generator: Generator,
        audit: JsonlAuditLog,
        top_k: int = 10,
        model: DraftingModel | None = None,
        records: RecordDirectory | None = None,
        gate_threshold: float = 0.0,
        max_concurrent: int | None = None,
    ) -> None:
        # answers computed at once; more wait their turn without taking CPU from ingestion (None: no limit)
        self._slots = asyncio.Semaphore(max_concurrent) if max_concurrent else None
        self.retriever = retriever
        self.generator = generator  # offline, always there: the default and the fallback
        self.model = model
        self.audit = audit
        self.top_k = top_k
        self.records = records
        self.gate_threshold = gate_threshold

    async def answer(self, question: str, scope: PatientScope | None, now: date | None = None, k: int | None = None,
                     channel: str = "api") -> ValidatedAnswer:
        with span("chartrag.answer", **{"chartrag.channel": channel}) as answering:
            result = await self._answer(question, scope, now, k, channel)
            annotate(answering, **{"chartrag.outcome": "abstained" if result.abstained else "answered"})
            return result

    async def _answer(
        self,
        question: str,
        scope: PatientScope | None,
        now: date | None = None,
        k: int | None = None,
        channel: str = "api",
    ) -> ValidatedAnswer:
        if scope is None:
            raise IsolationError("answer() requires a PatientScope")
        question = question.strip()
        if not question:
            raise ValueError("question is empty")
        if len(question) > MAX_QUESTION_CHARS:
            raise ValueError(f"question longer than {MAX_QUESTION_CHARS} characters")
        started = time.perf_counter()
        today = now or date.today()
        outcome = "error"
        result: ValidatedAnswer | None = None
        record = self.records.get(scope.patient_id) if self.records is not None else None
        egress, token = begin_request(record)
        generation: dict[str, Any] = {"generator": self.generator.model_id}
        slot = self._slots  # the CPU-bound part (retrieval, offline generation) holds a slot
        if slot is not None:
            await slot.acquire()
        holding = slot is not None
        try:
            shifted = await self._date_shifted(scope, today)
            if shifted is not None:
                today = shifted
            guidance = asks_guidance(question)
            plan = plan_question(chart_question(question) if guidance else question, today)
            if guidance:  # what is due or recommended: the chart part, the patient's age and sex, and the guidelines
                plan = with_patient_context(replace(plan, question=question))
            with span("chartrag.retrieve", **{"chartrag.aspects": len(plan.aspects)}) as retrieving:
                if guidance:
                    evidence = await self._with_guidelines(plan, scope, question, k or self.top_k)
                else:
                    evidence = await self.retriever.retrieve(plan, scope, k or self.top_k)
                annotate(retrieving, **{"chartrag.chunks": len(evidence.chunks),
                                        "chartrag.guideline_chunks": len(evidence.guidelines)})
            missing = [a for a in evidence.aspects if a.absence]  # parts with no answer, each saying why
            reasons = [str(a.not_found) for a in missing]
            # "not found in this chart" only when it is not: withheld or recorded outside the period say so alone
            plain = bool(missing) and missing[0].absence in ("withheld", "outside_window")
            not_found = (reasons[0] if plain else f"{NOT_FOUND} {reasons[0]}") if reasons else NOT_FOUND
            asked = asked_days(plan, [a.aspect for a in evidence.aspects])
            with span("chartrag.generate", **{"chartrag.model": (self.model or self.generator).model_id}) as generating:
                if self.model is None:
                    result = validate(self.generator.generate(evidence), evidence.chunks, scope, not_found=not_found,
                                      asked_dates=asked, guidelines=evidence.guideline_chunks)
                else:
                    if slot is not None and holding:  # a paid model's network wait holds no CPU slot
                        slot.release()
                        holding = False
                    result = await self._with_model(self.model, evidence, scope, today, not_found, generation)
                annotate(generating, **{"chartrag.citations": len(result.citations),
                                        "chartrag.degraded": bool(generation.get("degraded"))})
            if not result.abstained and reasons and len(reasons) < len(evidence.aspects):
                chart, heading, guide = result.answer.partition(GUIDELINE_HEADING)  # said of the chart, above it
                result.answer = f"{chart.rstrip()}\n{reasons[0]}" + (f"\n{heading}{guide}" if heading else "")
            if missing:
                result.absence = missing[0].absence  # type: ignore[assignment]
            if not result.abstained:
                result.series = series_of(evidence, result)
            if result.abstained and not result.closest:
                nearest = [c for a in evidence.aspects for c in a.nearest]
                result.closest = [citation_of(c) for c in (nearest or closest_chunks(evidence))]
            if shifted is not None:
                result.notice = (f"Every dated record of this chart is later than the day asked (date-shifted data); "
                                 f"answered as of its latest record, {shifted.isoformat()}.")
            result.latency_ms = round((time.perf_counter() - started) * 1000, 2)
            outcome = "abstained" if result.abstained else "answered"
            if generation.get("degraded"):
                outcome += " (degraded)"
            return result
        finally:
            if slot is not None and holding:
                slot.release()
            end_request(token)  # the vault goes with it
            METRICS.answers.labels(channel if channel in CHANNELS else "other", outcome.split(" ")[0]).inc()
            self.audit.record(
                {
                    "event": "answer",
                    "channel": channel,
                    "requester": scope.requester,
                    "patient_id": scope.patient_id,
                    "granted_types": sorted(scope.resource_types),
                    "question_hmac": self.audit.question_hash(question),
                    "as_of": today.isoformat(),
                    "retrieved_chunk_ids": result.retrieved_chunk_ids if result else [],
                    "cited_chunk_ids": [c.chunk_id for c in result.citations if c.namespace == PATIENT_DATA]
                    if result else [],
                    # guideline passages (shared namespace, no patient data): which were read and quoted
                    "retrieved_guideline_ids": result.retrieved_guideline_ids if result else [],
                    "cited_guideline_ids": [c.chunk_id for c in result.citations if c.namespace == CLINICAL_GUIDELINES]
                    if result else [],
                    "dropped_claims": [d.reason for d in result.dropped] if result else [],
                    "model_ids": {
                        "embedding": self.retriever.embedder.model_id,
                        "rerank": self.retriever.reranker.model_id,
                        "generator": result.model_id if result else self.generator.model_id,
                    },
                    "generation": generation,
                    "egress": egress.log.audit(),  # what went to which third-party model: counts, never text
                    "latency_ms": round((time.perf_counter() - started) * 1000, 2),
                    "outcome": outcome,
                }
            )

    async def _with_guidelines(self, plan: QueryPlan, scope: PatientScope, question: str, k: int) -> Evidence:
        """A guidance question's evidence: the chart (inside the scope) and ``clinical_guidelines`` read in
        parallel; the guideline that names the question's topic read whole, and the chart's newest facts of
        what it speaks of; with no topic named ("which screenings are due at her age?"), each guideline's
        recommendation for the patient's age."""
        evidence, guides = await asyncio.gather(self.retriever.retrieve(plan, scope, k),
                                                self.retriever.guidelines(plan, scope, question, k))
        if not guideline_words(question):
            age = patient_age(evidence.chunks, plan.now)
            evidence.guidelines = ([Hit(c, 1.0) for c in await age_recommendations(self.retriever.index, age)]
                                   if age is not None else [])
            return evidence
        passages = [h.chunk for h in relevant(guides, question)]
        if not passages:
            evidence.guidelines = guides  # retrieved, and shown to no one: no guideline names the topic
            return evidence
        evidence.guidelines = await self.retriever.whole_guidelines(guides, passages, k)
        chosen = {c.resource_id for c in passages}
        whole = [h.chunk for h in evidence.guidelines if h.chunk.resource_id in chosen]
        guided = await self.retriever.guided(plan, scope, whole, k)
        if guided:  # the question's own words ("screening") found nothing; these facts speak instead
            rest = [a for a in evidence.aspects if a.absence != "not_recorded"]
            evidence.aspects = [*rest[:1], *guided, *rest[1:]]  # who the patient is, the guideline's facts, the rest
        return evidence

    async def _date_shifted(self, scope: PatientScope, today: date) -> date | None:
        """The chart's newest day when all of its dated records lie after ``today`` — de-identified data
        sets shift dates by decades (MIMIC-IV: 2100s), and "nothing after the day asked" would hide the
        whole chart; None for an ordinary chart (one count query). Raises ``PatientNotIndexed`` when the
        scope reads nothing of this patient at all."""
        index = self.retriever.index
        if await index.count(PATIENT_DATA, SearchFilter(day_to=day_int(today)), scope):
            return None
        if not await index.count(PATIENT_DATA, SearchFilter(), scope):
            raise PatientNotIndexed("no chart data is indexed for this patient (or none this session may read)")
        newest = await index.scroll(PATIENT_DATA, SearchFilter(day_from=day_int(today) + 1), scope, limit=1,
                                    newest_first=True)
        if not newest or not newest[0].effective_date:
            return None
        return date.fromisoformat(newest[0].effective_date)

    async def _with_model(
        self, model: DraftingModel, evidence: Evidence, scope: PatientScope, today: date, not_found: str,
        generation: dict[str, Any],
    ) -> ValidatedAnswer:
        strength = evidence_strength(evidence)
        generation.update(model=model.model_id, prompt_template_sha256=model.prompt_hash,
                          gate={"score": strength, "threshold": self.gate_threshold, "gated": False})
        if strength < self.gate_threshold:  # weak evidence: no paid call
            generation["gate"]["gated"] = True
            abstain = DraftAnswer(text="", claims=[], confidence=0.0, insufficient_evidence=True,
                                  model_id=self.generator.model_id)
            return validate(abstain, evidence.chunks, scope, not_found=not_found)  # nothing to cite
        info = GenerationInfo()
        try:
            draft = await model.draft(evidence, today, None, info)
        except GenerationUnavailable as err:
            generation["degraded"] = err.reason
            result = validate(self.generator.generate(evidence), evidence.chunks, scope, not_found=not_found,
                              guidelines=evidence.guideline_chunks)
            result.notice = (f"The language model was unavailable ({err.reason}); this answer comes from the offline "
                             "extractive generator.")
            return self._finish(generation, info, result)
        guides = evidence.guideline_chunks
        result = validate(draft, evidence.chunks, scope, not_found=not_found, guidelines=guides)
        if result.dropped:  # once more, told what the validator removed; then what survives is the answer
            generation["regenerated"] = True
            try:
                second = await model.draft(evidence, today, [Finding(d.claim, d.reason) for d in result.dropped], info)
                again = validate(second, evidence.chunks, scope, not_found=not_found, guidelines=guides)
                if not again.abstained or result.abstained:  # a retry that gives up keeps the first's survivors
                    result = again
            except GenerationUnavailable as err:
                generation["regeneration_failed"] = err.reason  # keep the first answer's surviving claims
        return self._finish(generation, info, result)

    @staticmethod
    def _finish(generation: dict[str, Any], info: GenerationInfo, result: ValidatedAnswer) -> ValidatedAnswer:
        generation["calls"] = asdict(info)
        return result

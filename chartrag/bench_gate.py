"""``chartrag bench gate``: tune the evidence-strength threshold below which no paid model is called.

The six shipped patients are indexed into a fresh Edge data dir with the real model; each question of
a question file (the dev set) is planned and retrieved exactly as ``ChartService.answer`` does, and
its evidence scored with ``rag_core.gating.evidence_strength``. For each threshold on a grid: the share
of questions gated (= paid calls saved), abstention accuracy (questions that should abstain and are
gated), false gating (answerable questions gated: answers lost), and overall gate accuracy. Among the
thresholds with no more false gating than the offline generator's own false abstention on the same
questions (gating must not cost answers the offline path would give) and the best abstention accuracy,
the middle one is chosen: the widest margin on both sides.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from chartrag.bench import _indexed, percentiles
from chartrag.console import scratch_dir
from rag_core.egress import EgressGateway, EgressLog, Provider
from rag_core.gating import evidence_strength
from rag_core.models import PatientScope
from rag_core.phi.directory import RecordDirectory
from rag_core.phi.tokenizer import PhiTokenizer
from rag_core.phi.vault import Vault
from rag_core.query import plan_question
from rag_core.runtime import build_runtime
from rag_core.settings import RagSettings

GRID = [round(i * 0.05, 2) for i in range(0, 21)]


def sweep(scored: list[tuple[float, bool]], offline_false_abstention: float) -> dict[str, Any]:
    """``scored``: (evidence strength, should abstain) per question."""
    abstain = [s for s, a in scored if a]
    answer = [s for s, a in scored if not a]
    rows = []
    for t in GRID:
        gated_abstain = sum(s < t for s in abstain)
        gated_answer = sum(s < t for s in answer)
        rows.append({
            "threshold": t,
            "calls_saved": round((gated_abstain + gated_answer) / len(scored), 4),
            "abstention_accuracy": round(gated_abstain / len(abstain), 4) if abstain else None,
            "false_gating": round(gated_answer / len(answer), 4) if answer else None,
            "gate_accuracy": round((gated_abstain + len(answer) - gated_answer) / len(scored), 4),
        })
    allowed = [r for r in rows if (r["false_gating"] or 0.0) <= offline_false_abstention]
    best = max(r["abstention_accuracy"] or 0.0 for r in allowed)
    plateau = [r for r in allowed if (r["abstention_accuracy"] or 0.0) == best]
    chosen = plateau[len(plateau) // 2]  # the middle of the best range: the widest margin on both sides
    return {"chosen": chosen, "best_range": [plateau[0]["threshold"], plateau[-1]["threshold"]], "curve": rows}


def run_gate_bench(bundles: list[Path], questions: list[dict[str, Any]]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartrag-gate-") as tmp:
        data_dir = scratch_dir(tmp)
        _indexed(bundles, data_dir)

        async def score() -> tuple[list[tuple[float, bool]], float]:
            runtime = await build_runtime(RagSettings(data_dir=data_dir, redis_url=None))
            gateway = EgressGateway(PhiTokenizer())  # as the service runs: NER findings remembered across requests
            cold = EgressGateway(PhiTokenizer())  # every text as if never seen
            records = RecordDirectory(data_dir / "records")
            try:
                scored: list[tuple[float, bool]] = []
                offline_abstained_answerable = answerable = 0
                for q in questions:
                    now = date.fromisoformat(q["now"])
                    scope = PatientScope.full(q["patient_id"], "chartrag-bench")
                    evidence = await runtime.service.retriever.retrieve(plan_question(q["question"], now), scope, 10)
                    scored.append((evidence_strength(evidence), q["expect"] == "abstain"))
                    # what tokenizing this evidence for a model would cost (the work done before a paid call)
                    texts = [q["question"], *[c.text for c in evidence.chunks]]
                    record = records.get(q["patient_id"])  # read once per request, as the service does, untimed
                    cold.tokenizer.clear_cache()
                    for way, sink in ((gateway, tokenize_ms), (cold, cold_ms)):
                        started = time.perf_counter()
                        way.outbound(Provider("bench", "llm", "none"), texts, Vault(), EgressLog(), record)
                        sink.append((time.perf_counter() - started) * 1000)
                    items.append(len(texts))
                    if q["expect"] == "answer":
                        answerable += 1
                        offline = await runtime.service.answer(q["question"], scope, now=now, channel="bench")
                        offline_abstained_answerable += offline.abstained
                return scored, offline_abstained_answerable / max(1, answerable)
            finally:
                await runtime.close()

        tokenize_ms: list[float] = []
        cold_ms: list[float] = []
        items: list[float] = []
        scored, offline_false = asyncio.run(score())
    report = sweep(scored, offline_false)
    report["egress_tokenize_ms"] = percentiles(tokenize_ms)
    report["egress_tokenize_cold_ms"] = percentiles(cold_ms)  # no text seen before (a new patient's first request)
    report["texts_per_request"] = percentiles(items)
    report.update(questions=len(scored), should_abstain=sum(a for _, a in scored),
                  offline_false_abstention=round(offline_false, 4))
    return report

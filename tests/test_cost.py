"""Cost per 1,000 questions from recorded usage (the numbers a paid run writes into the audit log)."""

from __future__ import annotations

from rag_core.cost import Prices, cost_report


def _answer(calls: dict[str, object] | None, rerank: int = 0, degraded: bool = False) -> dict[str, object]:
    generation: dict[str, object] = {"generator": "extractive"}
    if calls is not None:
        generation["calls"] = calls
    if degraded:
        generation["degraded"] = "timeout"
    return {"event": "answer", "generation": generation,
            "egress": [{"provider": "cohere", "kind": "rerank", "items": 25}] * rerank}


def test_cost_is_computed_from_recorded_usage_only() -> None:
    records = [
        _answer({"attempts": ["ok"], "input_tokens": 2000, "output_tokens": 300, "cache_read_tokens": 6000,
                 "cache_write_tokens": 0}, rerank=1),
        _answer({"attempts": ["ok"], "input_tokens": 1000, "output_tokens": 200, "cache_read_tokens": 0,
                 "cache_write_tokens": 6000}, rerank=1),
        _answer(None),  # gated: no paid call
        _answer({"attempts": ["timeout"], "input_tokens": 0, "output_tokens": 0}, degraded=True),
        {"event": "cds_hook"},  # not an answer
    ]
    report = cost_report(records, Prices(3.0, 15.0, 0.3, 3.75, 2.0))
    usd = (3000 * 3.0 + 500 * 15.0 + 6000 * 0.3 + 6000 * 3.75) / 1e6 + 2 * 2.0 / 1000
    assert report["answers"] == 4 and report["paid_model_answers"] == 3 and report["degraded"] == 1
    assert abs(report["usd_total"] - round(usd, 6)) < 1e-9
    assert abs(report["usd_per_1000_questions"] - round(usd * 1000 / 4, 4)) < 1e-9
    assert report["prompt_cache_hit_rate"] == round(6000 / 15000, 4)
    assert report["rerank_searches"] == 2 and report["gated_or_offline_share"] == 0.25


def test_an_offline_log_costs_nothing() -> None:
    report = cost_report([_answer(None)] * 5)
    assert report["usd_total"] == 0 and report["usd_per_1000_questions"] == 0 and report["prompt_cache_hit_rate"] is None

"""What paid models cost per 1,000 questions, from the usage the audit log recorded (never estimated
from prompts): Claude tokens (input, output, prompt-cache reads and writes) and Cohere rerank searches.

Prices are list prices per million tokens / per 1,000 searches, overridable (``Prices``); the report
says which were used. Also reported: how many answers called a paid model at all (the gate saves the
rest), the prompt-cache hit rate (cache-read tokens / all input tokens) and the answers degraded to the
offline generator.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Prices:
    """USD. Anthropic and Cohere list prices as published for these models (check before relying on them)."""

    input_per_mtok: float = 3.0
    output_per_mtok: float = 15.0
    cache_read_per_mtok: float = 0.30
    cache_write_per_mtok: float = 3.75
    rerank_per_1k_searches: float = 2.0


def cost_report(records: Iterable[dict[str, Any]], prices: Prices | None = None) -> dict[str, Any]:
    prices = prices or Prices()
    answers = paid = degraded = rerank_calls = 0
    tokens = {"input": 0, "output": 0, "cache_read": 0, "cache_write": 0}
    for record in records:
        if record.get("event") != "answer":
            continue
        answers += 1
        generation = record.get("generation") or {}
        calls = generation.get("calls") or {}
        if calls.get("attempts"):
            paid += 1
        degraded += bool(generation.get("degraded"))
        tokens["input"] += int(calls.get("input_tokens") or 0)
        tokens["output"] += int(calls.get("output_tokens") or 0)
        tokens["cache_read"] += int(calls.get("cache_read_tokens") or 0)
        tokens["cache_write"] += int(calls.get("cache_write_tokens") or 0)
        rerank_calls += sum(1 for e in record.get("egress") or [] if e.get("provider") == "cohere" and e.get("kind") == "rerank")
    usd = (tokens["input"] * prices.input_per_mtok + tokens["output"] * prices.output_per_mtok
           + tokens["cache_read"] * prices.cache_read_per_mtok + tokens["cache_write"] * prices.cache_write_per_mtok) / 1e6
    usd += rerank_calls * prices.rerank_per_1k_searches / 1000
    all_input = tokens["input"] + tokens["cache_read"] + tokens["cache_write"]
    return {
        "answers": answers,
        "paid_model_answers": paid,
        "gated_or_offline_share": round(1 - paid / answers, 4) if answers else None,
        "degraded": degraded,
        "tokens": tokens,
        "rerank_searches": rerank_calls,
        "usd_total": round(usd, 6),
        "usd_per_1000_questions": round(usd * 1000 / answers, 4) if answers else None,
        "prompt_cache_hit_rate": round(tokens["cache_read"] / all_input, 4) if all_input else None,
        "prices": asdict(prices),
    }

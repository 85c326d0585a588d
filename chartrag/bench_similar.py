"""``chartrag bench similar``: similar-case search latency over a library of N cases.

The library is built from the bundled patients' own de-identified cases: their problems and medications
are recombined at random (seeded) into N cases, embedded with the configured model and written to
``anonymized_cases`` of a fresh data dir. Queries are the bundled patients' profiles and random
recombinations; each is timed end to end (embedding the profile, the hybrid search, the isolation check).
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from chartrag.bench import percentiles
from chartrag.console import scratch_dir
from rag_core.case_library import AnonymizedCase, case_chunk, deidentify
from rag_core.documents import raw_resources
from rag_core.models import ANONYMIZED_CASES
from rag_core.runtime import build_runtime
from rag_core.settings import RagSettings
from rag_core.similar_cases import similar_cases


def run_similar_bench(bundles: list[Path], cases: int = 10_000, queries: int = 200, k: int = 5,
                      seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    seeds = [deidentify(raw_resources(b), "bench", shift_days=-100) for b in bundles]
    problems = sorted({p for c in seeds for p in c.problems})
    medications = sorted({m for c in seeds for m in c.medications})
    library = [AnonymizedCase(case_id=f"case-{i:012x}", approval="bench", sex=rng.choice(["female", "male"]),
                              age_group=rng.choice(["20-24", "45-49", "60-64", "75-79", "90+"]),
                              problems=tuple(rng.sample(problems, rng.randint(2, min(12, len(problems))))),
                              medications=tuple(rng.sample(medications, rng.randint(0, min(8, len(medications))))),
                              labs=(), notes=()) for i in range(cases)]
    profiles = [c.summary() for c in seeds] + [
        "Problems: " + "; ".join(rng.sample(problems, rng.randint(1, 6))) for _ in range(max(0, queries - len(seeds)))]
    return asyncio.run(_measure(library, profiles[:queries], k))


async def _measure(library: list[AnonymizedCase], profiles: list[str], k: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        runtime = await build_runtime(RagSettings(data_dir=scratch_dir(folder), redis_url=None))
        try:
            started = time.perf_counter()
            await runtime.indexer.write_chunks(ANONYMIZED_CASES, [case_chunk(c) for c in library])
            build_s = time.perf_counter() - started
            retriever = runtime.service.retriever
            await similar_cases(retriever, profiles[0], k)  # warm
            timings, found = [], 0
            for profile in profiles:
                t0 = time.perf_counter()
                matches = await similar_cases(retriever, profile, k)
                timings.append((time.perf_counter() - t0) * 1000)
                found += len(matches)
            return {"cases": len(library), "queries": len(profiles), "k": k,
                    "similar_ms": percentiles(timings), "mean_results": round(found / len(profiles), 2),
                    "library_build_s": round(build_s, 1),
                    "points": await runtime.index.total_points(ANONYMIZED_CASES)}
        finally:
            await runtime.close()

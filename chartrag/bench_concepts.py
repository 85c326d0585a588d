"""``chartrag bench concepts``: could dense similarity resolve concept names safely?

For each bundled patient, every concept name recorded for another patient but not this one is an
*absent* concept (what a question about something the chart does not hold would name). Its closest
name in this patient's vocabulary by MiniLM cosine is what a dense fallback would resolve it to. The
report gives the distribution of those cosines and the closest absent/present pairs: a dense step is
only safe above every such cosine.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

import numpy as np


def run_concepts_bench(bundles: list[Path]) -> dict[str, Any]:
    from rag_core.documents import load_path
    from rag_core.embedding import SentenceTransformerEmbedder

    vocab: dict[str, set[str]] = {}
    for path in bundles:
        for doc in load_path(path).documents:
            if doc.kind == "fact" and doc.source.resource_type != "Patient":
                vocab.setdefault(doc.patient_id, set()).update(doc.concepts)
    names = sorted(set().union(*vocab.values()))
    embedder = SentenceTransformerEmbedder()
    vectors = dict(zip(names, np.asarray(embedder.embed(names), dtype=np.float32), strict=True))
    closest: list[tuple[float, str, str]] = []
    for own in vocab.values():
        ordered = sorted(own)
        matrix = np.stack([vectors[n] for n in ordered])
        lowered = {n.lower() for n in own}
        for absent in names:
            if absent.lower() in lowered:  # the same name in other letter case is not absent
                continue
            scores = matrix @ vectors[absent]
            best = int(np.argmax(scores))
            closest.append((float(scores[best]), absent, ordered[best]))
    closest.sort(reverse=True)
    cosines = [c for c, _, _ in closest]

    def pct(p: float) -> float:
        return round(float(np.percentile(cosines, p)), 4)

    return {
        "patients": len(vocab),
        "absent_concepts_checked": len(closest),
        "nearest_present_cosine": {"median": round(statistics.median(cosines), 4), "p90": pct(90), "p99": pct(99),
                                   "max": round(max(cosines), 4)},
        "closest_pairs": [{"absent": a, "recorded": b, "cosine": round(c, 4)} for c, a, b in closest[:10]],
        "safe_dense_threshold": round(max(cosines), 4),
    }

"""``chartrag bench terminology``: what the terminology costs — load time and resident memory of the tables, and
how long concept resolution takes per question part with them, against each bundled patient's own vocabulary."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rag_core.concepts import VocabularyEntry, resolve_concept
from rag_core.documents import resources_to_documents
from rag_core.kinds.topics import BY_TYPE, CONCEPT_TOPICS

# Phrases of every reading: names as recorded, classes, lay words, abbreviations, brands, groups, misspellings,
# filler, and things no chart here holds.
PHRASES = (
    "potassium", "a1c", "K", "creatinin", "statin", "blood thinners", "bp meds", "abx", "beta blocker", "water pill",
    "coumadin", "eliquis", "heart problems", "cancer", "kidney disease", "infections", "afib", "htn", "copd", "chf",
    "tetanus", "flu shot", "shingels", "mamogram", "cpap", "pacemaker", "levothyroxin", "ace inhibitor",
    "ssri", "insulin", "hemoglobin a1c", "penicillin v potassium", "sickle cell", "breast ca", "egfr yrs",
)


def _vocabularies(bundles: list[Path]) -> list[list[VocabularyEntry]]:
    concept_types = {t for topic in CONCEPT_TOPICS for t in topic.resource_types}
    out = []
    for bundle in bundles:
        entries = json.loads(bundle.read_text())["entry"]
        report = resources_to_documents([(e.get("fullUrl", ""), e["resource"]) for e in entries])
        seen: dict[tuple[str, str], VocabularyEntry] = {}
        for doc in report.documents:
            rtype = doc.source.resource_type
            if rtype in concept_types and rtype in BY_TYPE:
                for name in doc.concepts:
                    seen.setdefault((name, BY_TYPE[rtype].name), VocabularyEntry(name, BY_TYPE[rtype].name))
        out.append(list(seen.values()))
    return out


# Run in a fresh interpreter, so the load time and the memory are the tables' alone.
_LOAD = """
import json, os, time, psutil
process = psutil.Process(os.getpid())
import rag_core.concepts as concepts
before = process.memory_info().rss
started = time.perf_counter()
from rag_core.terminology.conditions import conditions
from rag_core.terminology.drugs import abbreviations, drugs
table = drugs()
conditions(), abbreviations(), concepts._medical_words(), table.near_class_words, table.near_names, table.member_stems
print(json.dumps({"load_s": time.perf_counter() - started, "rss": process.memory_info().rss - before}))
"""


def run_terminology_bench(bundles: list[Path]) -> dict[str, Any]:
    loaded = json.loads(subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True,
                                       text=True).stdout.strip().splitlines()[-1])
    vocabularies = _vocabularies(bundles)
    from rag_core.concepts import _medical_words
    from rag_core.terminology.conditions import conditions
    from rag_core.terminology.drugs import abbreviations, drugs

    table = drugs()
    conditions(), abbreviations(), _medical_words(), table.near_class_words, table.near_names, table.member_stems  # timed apart
    timings: list[float] = []
    resolved = 0
    for vocabulary in vocabularies:
        for phrase in PHRASES:
            for prefer in ([], ["medication"], ["condition"], ["lab"]):
                t0 = time.perf_counter()
                found = resolve_concept(phrase, vocabulary, prefer, phrase)
                timings.append((time.perf_counter() - t0) * 1000)
                resolved += found is not None and bool(found.names)
    timings.sort()
    return {
        "terminology_load_s": round(loaded["load_s"], 3),
        "terminology_rss_mb": round(loaded["rss"] / 2**20, 1),
        "resolutions": len(timings),
        "resolved_to_recorded_concepts": resolved,
        "resolve_ms_p50": round(statistics.median(timings), 3),
        "resolve_ms_p95": round(timings[int(len(timings) * 0.95)], 3),
        "resolve_ms_max": round(timings[-1], 3),
        "patients": len(vocabularies),
        "note": "resolution alone (no index read), tables loaded; load time and resident memory of the tables measured "
                "in a fresh interpreter",
    }

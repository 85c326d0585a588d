"""Golden test per bundled patient: the CDS card's counts, order, "and N more" and stale-order flags,
recomputed here straight from the FHIR JSON (not through rag_core's chunks), as of the chart's last day.

The index is built with the hash embedder: the summary reads facts with filters only, never by vector.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from cds_hooks import markdown
from cds_hooks.cards import summary_card
from rag_core.documents import load_path
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import PatientScope
from rag_core.sparse import Bm25Encoder
from rag_core.summary import MAX_LINES, summarize
from tests.conftest import ROOT, SYNTHEA, HashEmbedder

BUNDLES = sorted([*SYNTHEA.glob("*.json"), *(ROOT / "data" / "generated").glob("*.json")])
ACTIVE_CONDITION = {"active", "recurrence", "relapse"}


def _resources(path: Path) -> list[dict[str, Any]]:
    return [e["resource"] for e in json.loads(path.read_text(encoding="utf-8"))["entry"]]


def _name(concept: dict[str, Any] | None) -> str | None:
    if not concept:
        return None
    return concept.get("text") or next((c["display"] for c in concept.get("coding", []) if c.get("display")), None)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else None


def expected(path: Path) -> dict[str, Any]:
    """Counts, newest-first order and stale orders, from the raw bundle, as of the day after its last record."""
    resources = _resources(path)
    days = [d for r in resources for d in (_day(r.get("onsetDateTime")), _day(r.get("authoredOn")),
                                            _day(r.get("effectiveDateTime")), _day((r.get("period") or {}).get("start")))
            if d]
    as_of = max(days) + timedelta(days=1)
    medications = {r["id"]: _name(r.get("code")) for r in resources if r["resourceType"] == "Medication"}
    problems: dict[str, date] = {}
    meds: dict[str, date] = {}
    labs: list[date] = []
    for r in resources:
        kind = r["resourceType"]
        if kind == "Condition":
            status = {c.get("code") for c in (r.get("clinicalStatus") or {}).get("coding", [])}
            name, day = _name(r.get("code")), _day(r.get("onsetDateTime") or r.get("recordedDate"))
            if status & ACTIVE_CONDITION and name and "(finding)" not in name and day and day <= as_of:
                problems[name] = min(problems.get(name, day), day)  # "since": the first onset
        elif kind == "MedicationRequest" and r.get("status") == "active":
            ref = (r.get("medicationReference") or {}).get("reference", "")
            name = _name(r.get("medicationCodeableConcept")) or medications.get(ref.rsplit("/", 1)[-1].removeprefix(
                "urn:uuid:"))
            day = _day(r.get("authoredOn"))
            if name and day and day <= as_of:
                meds[name] = max(meds.get(name, day), day)  # the newest active order
        elif kind == "Observation":
            cats = {c.get("code") for cat in r.get("category", []) for c in cat.get("coding", [])}
            day = _day(r.get("effectiveDateTime"))
            if cats & {"laboratory", "vital-signs"} and day and as_of - timedelta(days=3 * 365) <= day <= as_of:
                labs.append(day)
    anchor = max([*problems.values(), *meds.values(), *labs], default=None)
    stale = {n for n, d in meds.items() if anchor and (anchor - d).days > 365}
    return {"as_of": as_of, "problems": problems, "meds": meds, "stale": stale}


@pytest.fixture(scope="module")
async def index(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[EdgeIndex]:
    embedder = HashEmbedder()
    idx = EdgeIndex(tmp_path_factory.mktemp("cds-golden"), embedder.dimension)
    await idx.ensure()
    for bundle in BUNDLES:
        await Indexer(idx, embedder, Bm25Encoder()).index_documents(load_path(bundle).documents)
    yield idx
    await idx.close()


def _section(detail: str, title: str) -> list[str]:
    block = detail.split(f"**{title}**", 1)[1].split("\n\n", 1)[0]
    return [line[2:] for line in block.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("bundle", BUNDLES, ids=[b.name.split("_")[0] for b in BUNDLES])
async def test_card_counts_match_the_fhir_data(index: EdgeIndex, bundle: Path) -> None:
    want = expected(bundle)
    patient = next(r["id"] for r in _resources(bundle) if r["resourceType"] == "Patient")
    summary = await summarize(index, PatientScope.full(patient, "golden"), want["as_of"])
    card = summary_card(summary, "https://ehr.example.org/fhir", "https://chartrag.example.org/launch")
    assert card is not None and card.detail
    assert (summary.active_problems, summary.current_medications) == (len(want["problems"]), len(want["meds"]))
    assert summary.stale_orders == len(want["stale"])
    for title, wanted, noun in (("Active problems", want["problems"], "active problem"),
                                ("Current medications", want["meds"], "current med")):
        if not wanted:
            assert title not in card.detail
            continue
        assert f"{len(wanted)} {noun}" in card.summary
        lines = _section(card.detail, title)
        listed = [line for line in lines if not line.startswith("and ")]
        assert len(listed) == min(len(wanted), MAX_LINES)
        hidden = len(wanted) - len(listed)
        assert (f"and {hidden} more" in lines[-1]) if hidden else not lines[-1].startswith("and ")
        shown_names = [next(n for n in sorted(wanted, key=len, reverse=True) if line.startswith(markdown.text(n)))
                       for line in listed]  # names are shown as escaped Markdown text ("\[Tribenzor\]")
        newest_first = sorted(wanted, key=lambda n: (wanted[n], n), reverse=True)[:MAX_LINES]
        assert shown_names == newest_first  # the newest, in order, none skipped
        if title == "Current medications":
            for name, line in zip(shown_names, listed, strict=True):
                assert ("still marked active" in line) == (name in want["stale"])
                if name in want["stale"]:
                    assert f"ordered {wanted[name].isoformat()}" in line
    prose = re.sub(r"\]\([^)\s]+\)", "]", card.detail)
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", prose)  # footnotes, not raw ids, in what is read
    footnotes = re.findall(r"^(\d+)\. \[(.+?) — ([a-z ]+)(?:, (\d{4}-\d{2}-\d{2}))?\]\(https://", card.detail, re.M)
    marks = {int(m) for m in re.findall(r"\[(\d+)\]", prose)}
    assert footnotes and marks == {int(n) for n, *_ in footnotes}  # every mark has its footnote and vice versa

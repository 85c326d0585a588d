"""Property: for every bundled patient and any day the chart is opened, every resource a card cites
belongs to that patient (and the summary lines pass citation validation)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cds_hooks.cards import summary_card
from rag_core.documents import load_path
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import PatientScope
from rag_core.sparse import Bm25Encoder
from rag_core.summary import summarize
from tests.conftest import SYNTHEA

pytestmark = pytest.mark.slow
REPORT = load_path(SYNTHEA)
PATIENTS = sorted(REPORT.patients)
OWN = {p: {d.source.reference for d in REPORT.documents if d.patient_id == p} for p in PATIENTS}


@pytest.fixture(scope="module")
async def index(tmp_path_factory: pytest.TempPathFactory, real_embedder: Any) -> AsyncIterator[EdgeIndex]:
    idx = EdgeIndex(tmp_path_factory.mktemp("cds-all"), real_embedder.dimension)
    await idx.ensure()
    await Indexer(idx, real_embedder, Bm25Encoder()).index_documents(REPORT.documents)
    yield idx
    await idx.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(patient=st.sampled_from(PATIENTS), day=st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 12, 31)))
async def test_cards_cite_only_the_requests_patient(index: EdgeIndex, patient: str, day: date) -> None:
    summary = await summarize(index, PatientScope.full(patient, "prop"), day)
    assert set(summary.citations) <= OWN[patient]
    assert all(not answer.dropped for _, answer in summary.sections)  # every line survived validation
    card = summary_card(summary, "https://ehr.example.org/fhir", "https://chartrag.example.org/launch")
    if card is None:
        assert not summary.sections
        return
    assert len(card.summary) < 140
    cited = set(re.findall(r"\]\([^)\s]*/([A-Z][A-Za-z]+/[0-9a-f-]+)\)", card.detail or ""))
    assert cited and cited <= OWN[patient]
    prose = re.sub(r"\]\([^)\s]+\)", "]", card.detail or "")  # the text a clinician reads, link targets aside
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", prose) and "/" + patient not in prose

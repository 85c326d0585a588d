"""One contract suite, run against both VectorIndex backends (Qdrant Edge; Qdrant server adapter on
qdrant-client local mode), plus a congruence check between them."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from qdrant_client import AsyncQdrantClient

from rag_core.errors import IsolationError
from rag_core.index.base import IndexedChunk, VectorIndex
from rag_core.index.edge import EdgeIndex
from rag_core.index.server import ServerIndex
from rag_core.models import ANONYMIZED_CASES, PATIENT_DATA, Chunk, HybridQuery, PatientScope, SearchFilter
from rag_core.sparse import Bm25Encoder
from tests.conftest import HashEmbedder

FACTS = [
    ("p1", "Observation", "o1", "Hemoglobin A1c: 6.1 % on 2020-12-28.", ("Hemoglobin A1c",), 20201228),
    ("p1", "Observation", "o2", "Hemoglobin A1c: 5.8 % on 2019-06-02.", ("Hemoglobin A1c",), 20190602),
    ("p1", "Observation", "o3", "Body Weight: 80.2 kg on 2020-12-28.", ("Body Weight",), 20201228),
    ("p1", "MedicationRequest", "m1", "Medication prescribed: Metformin 500 MG Oral Tablet.", ("Metformin",), 20201228),
    ("p1", "DocumentReference", "n1", "Progress note — Assessment and Plan: diabetes follow up", ("Note",), 20201228),
    ("p2", "Observation", "o9", "Hemoglobin A1c: 9.9 % on 2020-12-28.", ("Hemoglobin A1c",), 20201228),
    ("p2", "MedicationRequest", "m9", "Medication prescribed: Insulin glargine.", ("Insulin",), 20200101),
]


def make_chunks(version: str = "1") -> list[Chunk]:
    return [
        Chunk(
            id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{rid}/{version}")),
            patient_id=pid,
            text=text,
            resource_type=rtype,
            resource_id=rid,
            version_id=version,
            concepts=concepts,
            effective_day=day,
            effective_date=f"{day // 10000}-{day // 100 % 100:02d}-{day % 100:02d}",
            category="vital-signs" if "Weight" in text else "laboratory" if rtype == "Observation" else None,
            end=len(text),
        )
        for pid, rtype, rid, text, concepts, day in FACTS
    ]


async def fill(index: VectorIndex, chunks: list[Chunk]) -> None:
    emb, bm25 = HashEmbedder(), Bm25Encoder()
    vectors = emb.embed([c.text for c in chunks])
    await index.upsert(PATIENT_DATA, [IndexedChunk(c, v, bm25.document(c.text)) for c, v in zip(chunks, vectors, strict=True)])


def query(text: str, flt: SearchFilter | None = None, limit: int = 10) -> HybridQuery:
    dense = HashEmbedder().embed([text])[0]
    sparse = Bm25Encoder().query(text)
    return HybridQuery(text, dense, sparse.indices, sparse.values, flt or SearchFilter(), limit)


@pytest.fixture(params=["edge", "server"])
async def index(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[VectorIndex]:
    idx: VectorIndex
    if request.param == "edge":
        idx = EdgeIndex(tmp_path, HashEmbedder.dimension)
    else:
        idx = ServerIndex(AsyncQdrantClient(location=":memory:"), HashEmbedder.dimension)
    await idx.ensure()
    await fill(idx, make_chunks())
    yield idx
    await idx.close()


P1 = PatientScope.full("p1", "dr-a")


async def test_hybrid_search_returns_only_the_scoped_patient(index: VectorIndex) -> None:
    hits = await index.search(PATIENT_DATA, query("hemoglobin a1c"), P1)
    assert hits and {h.chunk.patient_id for h in hits} == {"p1"}
    assert hits[0].chunk.resource_id in {"o1", "o2"}
    assert all(h.dense is not None and len(h.dense) == HashEmbedder.dimension for h in hits)  # for reranking


@pytest.mark.parametrize("scope", [None, PatientScope("", frozenset({"Observation"}), "x"),
                                   PatientScope("p1", frozenset(), "x")])
async def test_missing_or_empty_scope_raises(index: VectorIndex, scope: PatientScope | None) -> None:
    with pytest.raises(IsolationError):
        await index.search(PATIENT_DATA, query("a1c"), scope)
    with pytest.raises(IsolationError):
        await index.scroll(PATIENT_DATA, SearchFilter(), scope)
    with pytest.raises(IsolationError):
        await index.facet(PATIENT_DATA, "concepts", SearchFilter(), scope)
    with pytest.raises(IsolationError):
        await index.count(PATIENT_DATA, SearchFilter(), scope)


async def test_scope_resource_types_are_honoured(index: VectorIndex) -> None:
    labs_only = PatientScope("p1", frozenset({"Observation"}), "app")
    hits = await index.search(PATIENT_DATA, query("metformin prescribed note"), labs_only)
    assert {h.chunk.resource_type for h in hits} == {"Observation"}
    none = await index.search(PATIENT_DATA, query("x", SearchFilter(resource_types=frozenset({"Condition"}))), labs_only)
    assert none == []


async def test_category_limited_grants_are_applied_by_the_engine(index: VectorIndex) -> None:
    vitals_only = PatientScope("p1", frozenset({"Observation", "MedicationRequest"}), "app",
                               categories={"Observation": frozenset({"vital-signs"})})
    chunks = await index.scroll(PATIENT_DATA, SearchFilter(), vitals_only)
    assert {c.resource_id for c in chunks} == {"o3", "m1"}  # no laboratory results, no notes
    hits = await index.search(PATIENT_DATA, query("hemoglobin a1c body weight metformin"), vitals_only)
    assert {h.chunk.resource_id for h in hits} <= {"o3", "m1"}
    facets = await index.facet(PATIENT_DATA, "concepts", SearchFilter(), vitals_only)
    assert "Hemoglobin A1c" not in facets


async def test_filters_on_day_concept_and_order(index: VectorIndex) -> None:
    flt = SearchFilter(concepts=("Hemoglobin A1c",))
    chunks = await index.scroll(PATIENT_DATA, flt, P1)
    assert [c.resource_id for c in chunks] == ["o2", "o1"]  # oldest first
    recent = await index.scroll(PATIENT_DATA, SearchFilter(day_from=20200101, day_to=20201231), P1)
    assert {c.resource_id for c in recent} == {"o1", "o3", "m1", "n1"}
    hits = await index.search(PATIENT_DATA, query("a1c", SearchFilter(day_to=20191231)), P1)
    assert [h.chunk.resource_id for h in hits] == ["o2"]


async def test_newest_first_asks_the_engine_for_the_most_recent(index: VectorIndex) -> None:
    newest = await index.scroll(PATIENT_DATA, SearchFilter(concepts=("Hemoglobin A1c",)), P1, limit=1, newest_first=True)
    assert [c.resource_id for c in newest] == ["o1"]


async def test_facet_and_count(index: VectorIndex) -> None:
    facets = await index.facet(PATIENT_DATA, "concepts", SearchFilter(resource_types=frozenset({"Observation"})), P1)
    assert facets == {"Hemoglobin A1c": 2, "Body Weight": 1}
    assert await index.count(PATIENT_DATA, SearchFilter(), P1) == 5
    assert await index.total_points(PATIENT_DATA) == 7


async def test_reingest_new_version_replaces_chunks(index: VectorIndex) -> None:
    await index.delete_resources(PATIENT_DATA, "Observation", ["o1"])
    assert await index.count(PATIENT_DATA, SearchFilter(), P1) == 4
    await fill(index, [c for c in make_chunks(version="2") if c.resource_id == "o1"])
    chunks = await index.scroll(PATIENT_DATA, SearchFilter(concepts=("Hemoglobin A1c",)), P1)
    assert [(c.resource_id, c.version_id) for c in chunks] == [("o2", "1"), ("o1", "2")]


async def test_indexed_versions_reads_the_version_each_resource_is_held_at(index: VectorIndex) -> None:
    """The writer's version check (rag_core.versions): versions only, across patients (a write-side read), paged."""
    from rag_core.versions import Version

    assert await index.indexed_versions(PATIENT_DATA, "Observation", ["o1", "o9", "m1", "absent"]) == {
        "o1": Version("1", None), "o9": Version("1", None)}
    assert await index.indexed_versions(PATIENT_DATA, "Observation", []) == {}
    o1 = next(c for c in make_chunks() if c.resource_id == "o1")
    many = [o1.model_copy(update={"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"o1/{i}")), "version_id": "7",
                                 "last_updated": "2024-01-02T00:00:00Z", "start": i})
            for i in range(1500)]  # more chunks than one page
    await index.delete_resources(PATIENT_DATA, "Observation", ["o1"])
    await fill(index, many)
    assert (await index.indexed_versions(PATIENT_DATA, "Observation", ["o1"]))["o1"] == Version(
        "7", "2024-01-02T00:00:00Z")


async def test_other_namespaces_need_no_scope_and_hold_no_patient_data(index: VectorIndex) -> None:
    assert await index.search(ANONYMIZED_CASES, query("a1c"), None) == []


async def test_isolation_error_raised_before_the_engine_is_touched(tmp_path: Path) -> None:
    index = EdgeIndex(tmp_path, HashEmbedder.dimension)
    with pytest.raises(IsolationError):
        await index.search(PATIENT_DATA, query("a1c"), None)
    assert not (tmp_path / "qdrant-edge").exists()  # no shard was even opened


async def test_edge_and_server_backends_agree(tmp_path: Path) -> None:
    edge = EdgeIndex(tmp_path, HashEmbedder.dimension)
    server = ServerIndex(AsyncQdrantClient(location=":memory:"), HashEmbedder.dimension)
    for idx in (edge, server):
        await idx.ensure()
        await fill(idx, make_chunks())
    for text in ("hemoglobin a1c", "body weight", "metformin", "assessment and plan"):
        a = await edge.search(PATIENT_DATA, query(text), P1)
        b = await server.search(PATIENT_DATA, query(text), P1)
        assert {h.chunk.id for h in a} == {h.chunk.id for h in b}, text
        if len(a) > 1 and a[0].score > a[1].score + 1e-3:  # a clear winner must be the same winner
            assert a[0].chunk.id == b[0].chunk.id, text
    await edge.close()
    await server.close()


async def test_a_namespace_keeps_its_vector_size_and_says_so_when_the_embedder_changes(tmp_path: Path) -> None:
    """Guidelines may be embedded by another model than the chart: each namespace's size is fixed when it is
    created, and a later configuration with another size is refused with a readable error by both engines."""
    from rag_core.errors import IndexBackendError
    from rag_core.models import CLINICAL_GUIDELINES

    edge = EdgeIndex(tmp_path, 8, dimensions={CLINICAL_GUIDELINES: 16})
    await edge.ensure()
    await edge.close()
    reopened = EdgeIndex(tmp_path, 8, dimensions={CLINICAL_GUIDELINES: 16})
    await reopened.ensure()  # the same sizes open
    await reopened.close()
    changed = EdgeIndex(tmp_path, 8, dimensions={CLINICAL_GUIDELINES: 1024})
    with pytest.raises(IndexBackendError, match=r"clinical_guidelines index .* holds 16-dimension .* gives 1024"):
        await changed.ensure()
    await changed.close()

    client = AsyncQdrantClient(location=":memory:")
    server = ServerIndex(client, 8, dimensions={CLINICAL_GUIDELINES: 16})
    await server.ensure()
    with pytest.raises(IndexBackendError, match=r"holds 16-dimension vectors .* gives 32"):
        await ServerIndex(client, 8, dimensions={CLINICAL_GUIDELINES: 32}).ensure()
    with pytest.raises(IndexBackendError, match=r"patient_data .* holds 8-dimension vectors .* gives 384"):
        await ServerIndex(client, 384, dimensions={CLINICAL_GUIDELINES: 16}).ensure()
    await client.close()

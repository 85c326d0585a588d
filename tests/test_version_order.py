"""Version order at the index writer (issue 24, finding 15): an older version of a resource never replaces a newer
one, whichever path brings it — a Bundle file, Bulk NDJSON, a Subscription notification (after a file import the
worker has no record of), or any document batch (CDS prefetch, HL7 v2, documents go through the same
``Indexer.index_documents``). Before the fix, a Bundle with ``meta.versionId`` 1 imported after version 2 made
the chart answer with the old value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rag_core.documents import load_path, resources_to_documents
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import PATIENT_DATA, PatientScope, SearchFilter
from rag_core.sparse import Bm25Encoder
from rag_core.versions import Version, replaces
from tests.conftest import HashEmbedder
from tests.ingest_helpers import PATIENT, SECRET, hba1c, ingest_rig

PATIENT_RESOURCE = {"resourceType": "Patient", "id": PATIENT, "gender": "female", "birthDate": "1961-04-02"}


def versioned(value: float, version: str | None, updated: str | None = None) -> dict[str, Any]:
    resource = hba1c("a1c-1", value, "2024-05-01")
    meta = {k: v for k, v in (("versionId", version), ("lastUpdated", updated)) if v is not None}
    return {**resource, "meta": meta} if meta else resource


async def shown(index: EdgeIndex) -> set[str]:
    chunks = await index.scroll(PATIENT_DATA, SearchFilter(), PatientScope.full(PATIENT, "test"), limit=100)
    return {c.fact.shown_value for c in chunks if c.fact is not None and c.resource_id == "a1c-1"}


def bundle_file(tmp: Path, name: str, *resources: dict[str, Any]) -> Path:
    path = tmp / name
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                                "entry": [{"resource": r} for r in (PATIENT_RESOURCE, *resources)]}))
    return path


@pytest.mark.parametrize("incoming,stored,expected", [
    (Version("2"), None, True),
    (Version("1"), Version("2"), False),
    (Version("10"), Version("9"), True),  # numbers, not strings
    (Version("2"), Version("2"), True),  # the same version is rewritten (a re-import re-renders it)
    (Version(None, "2024-05-01T10:00:00+02:00"), Version(None, "2024-05-01T09:00:00Z"), False),  # zones honoured
    (Version(None, "2024-05-02T00:00:00Z"), Version(None, "2024-05-01T23:00:00Z"), True),
    (Version("b", "2024-01-01T00:00:00Z"), Version("a", "2024-02-01T00:00:00Z"), False),  # opaque ids: time decides
    (Version("b"), Version("a"), True),  # opaque ids, no time: the later write wins
    (Version(), Version("3"), False),  # no meta never replaces a versioned resource
    (Version("1"), Version(), True),
    (Version(), Version(), True),
    (Version(None, "2024-05-07T00:00:00Z"), Version("10", "2024-05-01T00:00:00Z"), False),  # versioned one kept
    (Version("8", "2024-05-08T00:00:00Z"), Version("10", "2024-05-01T00:00:00Z"), False),
    (Version("3", "2024-05-01T00:00:00Z"), Version(None, "2024-05-02T00:00:00Z"), False),
    (Version("3"), Version(None, "2024-05-02T00:00:00Z"), True),
])
def test_the_version_rule(incoming: Version, stored: Version | None, expected: bool) -> None:
    assert replaces(incoming, stored) is expected


def test_once_a_version_is_held_no_lower_one_ever_is() -> None:
    """The attack round's sequence through the notification path (v10, v9 with a later lastUpdated, no meta, no
    versionId with a later lastUpdated, v8 with a later lastUpdated) ended on v8 after v10 had been held. In every
    order of such writes, once versionId N is held nothing below N (and nothing unversioned) replaces it."""
    import itertools

    writes = [Version("10", "2024-05-01T00:00:00Z"), Version("9", "2024-05-06T00:00:00Z"), Version(),
              Version(None, "2024-05-07T00:00:00Z"), Version("8", "2024-05-08T00:00:00Z")]
    for order in itertools.permutations(writes):
        held: Version | None = None
        highest = -1
        for version in order:
            if replaces(version, held):
                held = version
            if held is not None and held.version_id is not None:
                assert int(held.version_id) >= highest, order
                highest = int(held.version_id)
            else:
                assert highest == -1, order  # an unversioned copy never took a versioned one's place


async def test_a_bundle_file_never_replaces_a_newer_version(tmp_path: Path) -> None:
    """The outside round's reproduction: versionId 2 (7.4 %) indexed, then a Bundle file holding versionId 1
    (5.1 %); then a file without meta; then version 3, which does replace it."""
    index = EdgeIndex(tmp_path / "index", HashEmbedder().dimension)
    await index.ensure()
    indexer = Indexer(index, HashEmbedder(), Bm25Encoder())
    try:
        await indexer.index_report(load_path(bundle_file(tmp_path, "v2.json", versioned(7.4, "2"))))
        older = await indexer.index_report(load_path(bundle_file(tmp_path, "v1.json", versioned(5.1, "1"))))
        assert older.stale == 1 and await shown(index) == {"7.4 %"}  # (the Patient, unversioned, is rewritten)
        unversioned = await indexer.index_report(load_path(bundle_file(tmp_path, "nometa.json", versioned(6.0, None))))
        assert unversioned.stale == 1 and await shown(index) == {"7.4 %"}
        newer = await indexer.index_report(load_path(bundle_file(tmp_path, "v3.json", versioned(8.0, "3"))))
        assert newer.stale == 0 and await shown(index) == {"8.0 %"}
        # two versions of one resource in one batch: the newer is written, whatever their order
        both = resources_to_documents([("a", versioned(9.1, "5")), ("b", versioned(9.0, "4")),
                                       ("p", PATIENT_RESOURCE)])
        assert (await indexer.index_report(both)).stale == 1 and await shown(index) == {"9.1 %"}
        # the index reports the version it holds
        assert await index.indexed_versions(PATIENT_DATA, "Observation", ["a1c-1", "nope"]) == {
            "a1c-1": Version("5", None)}
    finally:
        await index.close()


async def test_bulk_ndjson_and_a_notification_after_a_file_keep_the_newer_version(tmp_path: Path) -> None:
    from chartrag.serving import free_port, serving
    from fhir_ingest.sources.bulk import import_files
    from tests.fhir_script_server import post_resource

    async with ingest_rig(tmp_path, HashEmbedder()) as rig:
        await rig.indexer.index_report(load_path(bundle_file(tmp_path, "v2.json",
                                                             versioned(7.4, "2", "2024-05-02T08:00:00Z"))))
        ndjson = tmp_path / "Observation.ndjson"
        ndjson.write_text(json.dumps(versioned(5.1, "1", "2024-05-01T08:00:00Z")) + "\n")
        stats = await import_files([ndjson], rig.indexer, rig.ingestion.state)
        assert stats.stale == 1 and await shown(rig.index) == {"7.4 %"}
        # a late notification of version 1: the worker has no record of the file's version 2, the index has
        endpoint = rig.endpoint(tmp_path)
        with serving(endpoint, free_port()) as url:
            text = json.dumps(versioned(5.1, "1", "2024-05-01T08:00:00Z"))
            assert post_resource(f"{url}/fhir/notify", "Observation", "a1c-1", text, SECRET) == 200
            await rig.drain()
        assert rig.worker.stats.stale == 1 and await shown(rig.index) == {"7.4 %"}
        with serving(endpoint, free_port()) as url:
            text = json.dumps(versioned(7.9, "3", "2024-05-03T08:00:00Z"))
            assert post_resource(f"{url}/fhir/notify", "Observation", "a1c-1", text, SECRET) == 200
            await rig.drain()
        assert await shown(rig.index) == {"7.9 %"}


def test_the_worker_orders_its_record_by_the_same_rule() -> None:
    """The notification worker's record of processed versions follows rag_core.versions (ties are a
    redelivery there): a versionless copy with a later lastUpdated is not newer than version 10."""
    from fhir_ingest.state import ResourceVersion, is_newer

    held = ResourceVersion("10", "2024-05-01T00:00:00Z", PATIENT)
    assert not is_newer(None, "2024-05-07T00:00:00Z", held) and not is_newer("8", "2024-05-08T00:00:00Z", held)
    assert not is_newer("10", "2024-05-01T00:00:00Z", held) and is_newer("11", None, held)

"""The ``VectorIndex`` port. Both backends pass ``tests/test_index_contract.py``.

Isolation by construction: every read of ``patient_data`` goes through ``patient_filter_for`` which
raises ``IsolationError`` before any engine call when the scope is missing or empty, and which takes
the patient only from the scope.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from rag_core.errors import IndexBackendError, IsolationError
from rag_core.models import NAMESPACES, PATIENT_DATA, Chunk, Hit, HybridQuery, PatientScope, SearchFilter
from rag_core.sparse import SparseVec
from rag_core.versions import Version, replaces

DENSE = "dense"
SPARSE = "bm25"
RRF_K = 60
# Payload fields with an index (the patient id is the tenant key).
KEYWORD_FIELDS = (
    "resource_type", "resource_id", "encounter_id", "concepts", "codes", "status", "category", "kind", "section",
)
INTEGER_FIELDS = ("effective_day",)
TENANT_FIELD = "patient_id"


@dataclass(frozen=True)
class IndexedChunk:
    chunk: Chunk
    dense: list[float]
    sparse: SparseVec


@dataclass(frozen=True)
class EffectiveFilter:
    """What a backend must apply: the scope's patient and types plus the caller's narrowing."""

    patient_id: str | None
    resource_types: frozenset[str] | None
    day_from: int | None
    day_to: int | None
    concepts: tuple[str, ...] | None
    codes: tuple[str, ...] | None
    statuses: tuple[str, ...] | None
    encounter_id: str | None
    kind: str | None
    empty: bool  # the scope grants none of the requested types: answer nothing
    type_categories: dict[str, tuple[str, ...]] = field(default_factory=dict)  # category-limited grants


@dataclass(frozen=True)
class Condition:
    """One engine-neutral payload condition; each backend maps it to its own filter classes."""

    key: str
    match_value: str | None = None
    match_any: tuple[str, ...] | None = None
    gte: int | None = None
    lte: int | None = None


@dataclass(frozen=True)
class AnyOf:
    """Any one of several condition groups (each group: all of its conditions)."""

    groups: tuple[tuple[Condition, ...], ...]


def conditions(f: EffectiveFilter) -> list[Condition | AnyOf]:
    out: list[Condition | AnyOf] = []
    if f.patient_id is not None:
        out.append(Condition(TENANT_FIELD, match_value=f.patient_id))
    if f.resource_types is not None and f.type_categories:
        free = tuple(sorted(f.resource_types - set(f.type_categories)))
        groups: list[tuple[Condition, ...]] = [(Condition("resource_type", match_any=free),)] if free else []
        groups += [
            (Condition("resource_type", match_value=rtype), Condition("category", match_any=cats))
            for rtype, cats in sorted(f.type_categories.items())
        ]
        out.append(AnyOf(tuple(groups)))
    elif f.resource_types is not None:
        out.append(Condition("resource_type", match_any=tuple(sorted(f.resource_types))))
    if f.day_from is not None or f.day_to is not None:
        out.append(Condition("effective_day", gte=f.day_from, lte=f.day_to))
    for key, values in (("concepts", f.concepts), ("codes", f.codes), ("status", f.statuses)):
        if values is not None:
            out.append(Condition(key, match_any=tuple(values)))
    if f.encounter_id is not None:
        out.append(Condition("encounter_id", match_value=f.encounter_id))
    if f.kind is not None:
        out.append(Condition("kind", match_value=f.kind))
    return out


def dense_of(vector: object) -> list[float] | None:
    """The dense vector out of a point's named vectors, as both engines return them."""
    if isinstance(vector, dict) and isinstance(vector.get(DENSE), list):
        return [float(x) for x in vector[DENSE]]
    return None


def size_changed(namespace: str, stored: int, configured: int, where: str) -> IndexBackendError:
    """The error for a namespace whose stored vectors have another size than its configured embedder gives."""
    return IndexBackendError(
        f"the {namespace} index in {where} holds {stored}-dimension vectors but the embedder configured for it "
        f"gives {configured}: the vector size of a namespace is fixed when it is created. Configure the model it "
        f"was built with, or rebuild that namespace (remove it and ingest again)")


def check_namespace(namespace: str) -> None:
    if namespace not in NAMESPACES:
        raise ValueError(f"unknown namespace {namespace!r}")


def effective_filter(namespace: str, scope: PatientScope | None, flt: SearchFilter) -> EffectiveFilter:
    check_namespace(namespace)
    patient_id: str | None = None
    types = flt.resource_types
    limits: dict[str, tuple[str, ...]] = {}
    if namespace == PATIENT_DATA:
        if scope is None or not scope.patient_id or not scope.patient_id.strip():
            raise IsolationError("patient_data requires a PatientScope with a patient id")
        if not scope.resource_types:
            raise IsolationError("patient_data requires a PatientScope that grants at least one resource type")
        patient_id = scope.patient_id
        types = scope.allowed(flt.resource_types)
        limits = {t: tuple(sorted(c)) for t, c in scope.categories.items() if t in types}
    return EffectiveFilter(
        patient_id=patient_id,
        resource_types=types,
        day_from=flt.day_from,
        day_to=flt.day_to,
        concepts=flt.concepts,
        codes=flt.codes,
        statuses=flt.statuses,
        encounter_id=flt.encounter_id,
        kind=flt.kind,
        empty=types is not None and not types,
        type_categories=limits,
    )


SHARED_LIST_LIMIT = 100_000  # chunks of a shared namespace read to list or count what it holds


async def remove_shared_resource(index: VectorIndex, namespace: str, resource_type: str, resource_id: str) -> int:
    """Remove every chunk of one resource of a shared namespace (a guideline, a case); how many there were
    (0: no such resource, nothing done)."""
    counts = await index.facet(namespace, "resource_id", SearchFilter(resource_types=frozenset({resource_type})),
                               None, limit=SHARED_LIST_LIMIT)
    count = counts.get(resource_id, 0)
    if count:
        await index.delete_resources(namespace, resource_type, [resource_id])
    return count


def versions_of(payloads: Iterable[dict[str, Any]]) -> dict[str, Version]:
    """resource id → the version its chunks carry (the newest, should a crash have left two)."""
    found: dict[str, Version] = {}
    for payload in payloads:
        rid = str(payload.get("resource_id"))
        version = Version(payload.get("version_id"), payload.get("last_updated"))
        if rid not in found or replaces(version, found[rid]):
            found[rid] = version
    return found


VERSION_PAGE = 1024  # chunks per page when reading the versions a batch of resources is indexed at
VERSION_FIELDS = ["resource_id", "version_id", "last_updated"]


class VectorIndex(Protocol):
    dimension: int

    async def ensure(self) -> None: ...

    async def upsert(self, namespace: str, items: Sequence[IndexedChunk]) -> None: ...

    async def delete_resources(self, namespace: str, resource_type: str, resource_ids: Sequence[str]) -> None:
        """Remove every chunk (all versions) of these resources."""
        ...

    async def indexed_versions(self, namespace: str, resource_type: str,
                               resource_ids: Sequence[str]) -> dict[str, Version]:
        """The version (meta.versionId, meta.lastUpdated) each of these resources is indexed at; a resource
        with no chunk is absent. Write side only: returns versions, never chunk text."""
        ...

    async def search(self, namespace: str, query: HybridQuery, scope: PatientScope | None) -> list[Hit]:
        """Dense + BM25 fused with RRF in one engine query; filters apply to both arms."""
        ...

    async def scroll(
        self, namespace: str, flt: SearchFilter, scope: PatientScope | None, limit: int = 256, newest_first: bool = False
    ) -> list[Chunk]:
        """Chunks matching the filter (no scoring), oldest first; ``newest_first`` asks the engine for the
        ``limit`` most recent (undated chunks are left out then)."""
        ...

    async def facet(
        self, namespace: str, key: str, flt: SearchFilter, scope: PatientScope | None, limit: int = 500
    ) -> dict[str, int]: ...

    async def count(self, namespace: str, flt: SearchFilter, scope: PatientScope | None) -> int: ...

    async def total_points(self, namespace: str) -> int:
        """Operator statistic: points in a namespace (returns no data, so needs no scope)."""
        ...

    async def close(self) -> None: ...


def sort_by_day(chunks: list[Chunk]) -> list[Chunk]:
    return sorted(chunks, key=lambda c: (c.effective_day or 0, c.resource_id, c.start))

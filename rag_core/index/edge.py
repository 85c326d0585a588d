"""Qdrant Edge backend: the in-process engine, one shard directory per namespace.

Multitenancy as Qdrant recommends: ``patient_id`` is a keyword index marked ``is_tenant``; dense HNSW
uses ``m=0`` with ``payload_m`` so graphs are built per patient only (a filtered scan of one patient's
few thousand points is sub-millisecond). The shard's calls are synchronous; they run in a worker
thread so the event loop stays free.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import qdrant_edge as q

from rag_core.errors import IndexBackendError
from rag_core.index.base import (
    DENSE,
    INTEGER_FIELDS,
    KEYWORD_FIELDS,
    RRF_K,
    SPARSE,
    TENANT_FIELD,
    VERSION_FIELDS,
    VERSION_PAGE,
    AnyOf,
    Condition,
    EffectiveFilter,
    IndexedChunk,
    check_namespace,
    conditions,
    dense_of,
    effective_filter,
    size_changed,
    sort_by_day,
    versions_of,
)
from rag_core.models import NAMESPACES, Chunk, Hit, HybridQuery, PatientScope, SearchFilter
from rag_core.versions import Version


def _edge_condition(c: Condition | AnyOf) -> Any:
    if isinstance(c, AnyOf):
        return q.Filter(should=[q.Filter(must=[_edge_condition(x) for x in group]) for group in c.groups])
    if c.match_value is not None:
        return q.FieldCondition(c.key, match=q.MatchValue(c.match_value))
    if c.match_any is not None:
        return q.FieldCondition(c.key, match=q.MatchAny(list(c.match_any)))
    return q.FieldCondition(c.key, range=q.RangeFloat(gte=c.gte, lte=c.lte))


def to_edge_filter(f: EffectiveFilter) -> q.Filter:
    return q.Filter(must=[_edge_condition(c) for c in conditions(f)])


class EdgeIndex:
    def __init__(self, data_dir: Path, dimension: int, dimensions: Mapping[str, int] | None = None) -> None:
        self.root = Path(data_dir) / "qdrant-edge"
        self.dimension = dimension
        self.dimensions = dict(dimensions or {})  # namespaces embedded by another model (guidelines: Cohere)
        self._shards: dict[str, q.EdgeShard] = {}
        self._lock = threading.Lock()

    def _config(self, namespace: str) -> q.EdgeConfig:
        hnsw = q.HnswIndexConfig(m=0, ef_construct=100, full_scan_threshold=10_000, payload_m=16)
        size = self.dimensions.get(namespace, self.dimension)
        return q.EdgeConfig(
            vectors={DENSE: q.EdgeVectorParams(size=size, distance=q.Distance.Cosine, hnsw_config=hnsw)},
            sparse_vectors={SPARSE: q.EdgeSparseVectorParams(modifier=q.Modifier.Idf)},
        )

    def _open(self, namespace: str) -> q.EdgeShard:
        check_namespace(namespace)
        with self._lock:
            shard = self._shards.get(namespace)
            if shard is not None:
                return shard
            path = self.root / namespace
            self._check_size(namespace, path)
            try:
                if path.exists() and any(path.iterdir()):
                    shard = q.EdgeShard.load(str(path))
                else:
                    path.mkdir(parents=True, exist_ok=True, mode=0o700)
                    shard = q.EdgeShard.create(str(path), self._config(namespace))
                    shard.update(
                        q.UpdateOperation.create_field_index(TENANT_FIELD, q.KeywordIndexParams(is_tenant=True))
                    )
                    for name in KEYWORD_FIELDS:
                        shard.update(q.UpdateOperation.create_field_index(name, q.KeywordIndexParams()))
                    for name in INTEGER_FIELDS:
                        shard.update(
                            q.UpdateOperation.create_field_index(name, q.IntegerIndexParams(lookup=True, range=True))
                        )
            except Exception as exc:  # the binding raises plain exceptions
                if "WouldBlock" in str(exc):  # the WAL is locked: another process holds this shard
                    raise IndexBackendError(
                        f"the {namespace} index in {self.root} is in use by another ChartRAG process (Qdrant Edge "
                        "is in-process: stop that process, ask through its HTTP API, or use a Qdrant server)"
                    ) from exc
                raise IndexBackendError(f"cannot open Edge shard {namespace}: {type(exc).__name__}") from exc
            self._shards[namespace] = shard
            return shard

    def _check_size(self, namespace: str, path: Path) -> None:
        """A shard keeps the vector size it was created with (``edge_config.json``): a namespace whose configured
        embedder now gives another size is refused before the engine is asked to mix them."""
        config = path / "edge_config.json"
        if not config.is_file():
            return
        try:
            stored = int(json.loads(config.read_text(encoding="utf-8"))["vectors"][DENSE]["size"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexBackendError(f"cannot read the {namespace} shard's configuration in {self.root}") from exc
        configured = self.dimensions.get(namespace, self.dimension)
        if stored != configured:
            raise size_changed(namespace, stored, configured, str(self.root))

    async def ensure(self) -> None:
        for namespace in NAMESPACES:
            await asyncio.to_thread(self._open, namespace)

    async def upsert(self, namespace: str, items: Sequence[IndexedChunk]) -> None:
        if not items:
            return
        points = [
            q.Point(
                item.chunk.id,
                {DENSE: item.dense, SPARSE: q.SparseVector(item.sparse.indices, item.sparse.values)},
                item.chunk.payload(),
            )
            for item in items
        ]

        def run() -> None:
            self._open(namespace).update(q.UpdateOperation.upsert_points(points))

        await asyncio.to_thread(run)

    async def delete_resources(self, namespace: str, resource_type: str, resource_ids: Sequence[str]) -> None:
        if not resource_ids:
            return
        flt = q.Filter(
            must=[
                q.FieldCondition("resource_type", match=q.MatchValue(resource_type)),
                q.FieldCondition("resource_id", match=q.MatchAny(list(resource_ids))),
            ]
        )
        await asyncio.to_thread(lambda: self._open(namespace).update(q.UpdateOperation.delete_points_by_filter(flt)))

    async def indexed_versions(self, namespace: str, resource_type: str,
                               resource_ids: Sequence[str]) -> dict[str, Version]:
        if not resource_ids:
            return {}
        check_namespace(namespace)
        flt = q.Filter(must=[q.FieldCondition("resource_type", match=q.MatchValue(resource_type)),
                             q.FieldCondition("resource_id", match=q.MatchAny(list(resource_ids)))])
        shard = self._open(namespace)
        payloads: list[dict[str, Any]] = []
        offset = None
        while True:
            request = q.ScrollRequest(offset=offset, limit=VERSION_PAGE, filter=flt,
                                      with_payload=q.PayloadSelector.Include(VERSION_FIELDS))
            records, offset = await asyncio.to_thread(shard.scroll, request)
            payloads += [dict(r.payload or {}) for r in records]
            if offset is None or not records:
                return versions_of(payloads)

    async def search(self, namespace: str, query: HybridQuery, scope: PatientScope | None) -> list[Hit]:
        eff = effective_filter(namespace, scope, query.filter)
        if eff.empty:
            return []
        flt = to_edge_filter(eff)
        request = q.QueryRequest(
            limit=query.limit,
            prefetches=[
                q.Prefetch(limit=query.limit, query=q.Query.Nearest(query.dense, using=DENSE), filter=flt),
                q.Prefetch(
                    limit=query.limit,
                    query=q.Query.Nearest(q.SparseVector(query.sparse_indices, query.sparse_values), using=SPARSE),
                    filter=flt,
                ),
            ],
            query=cast(Any, q.Fusion.Rrf(k=RRF_K)),  # the stub types Fusion, the binding wants Rrf
            filter=flt,
            with_payload=True,
            with_vector=[DENSE],
        )
        points = await asyncio.to_thread(lambda: self._open(namespace).query(request))
        return [Hit(Chunk.from_payload(p.payload or {}), float(p.score), dense_of(p.vector)) for p in points]

    async def scroll(
        self, namespace: str, flt: SearchFilter, scope: PatientScope | None, limit: int = 256, newest_first: bool = False
    ) -> list[Chunk]:
        eff = effective_filter(namespace, scope, flt)
        if eff.empty:
            return []
        order = q.OrderBy("effective_day", q.Direction.Desc) if newest_first else None
        request = q.ScrollRequest(limit=limit, filter=to_edge_filter(eff), with_payload=True, order_by=order)
        records, _ = await asyncio.to_thread(lambda: self._open(namespace).scroll(request))
        chunks = [Chunk.from_payload(r.payload or {}) for r in records]
        return chunks if newest_first else sort_by_day(chunks)

    async def facet(
        self, namespace: str, key: str, flt: SearchFilter, scope: PatientScope | None, limit: int = 500
    ) -> dict[str, int]:
        eff = effective_filter(namespace, scope, flt)
        if eff.empty:
            return {}
        request = q.FacetRequest(key, limit=limit, exact=True, filter=to_edge_filter(eff))
        response = await asyncio.to_thread(lambda: self._open(namespace).facet(request))
        return {str(hit.value): int(hit.count) for hit in response.hits}

    async def count(self, namespace: str, flt: SearchFilter, scope: PatientScope | None) -> int:
        eff = effective_filter(namespace, scope, flt)
        if eff.empty:
            return 0
        request = q.CountRequest(filter=to_edge_filter(eff), exact=True)
        return int(await asyncio.to_thread(lambda: self._open(namespace).count(request)))

    async def total_points(self, namespace: str) -> int:
        info = await asyncio.to_thread(lambda: self._open(namespace).info())
        return int(info.points_count)

    async def close(self) -> None:
        with self._lock:
            for shard in self._shards.values():
                shard.flush()
                shard.close()
            self._shards.clear()

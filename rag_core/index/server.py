"""Qdrant server / cluster backend through ``AsyncQdrantClient``: one collection per namespace.

Configured by URL for a real deployment (sharding and replication are the cluster's). Tests run it
against qdrant-client's local mode for congruence with the Edge backend; local mode is never the
product path (a filtered query over 100k points took ~1.2 s there).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from qdrant_client import AsyncQdrantClient, models

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


def _server_condition(c: Condition | AnyOf) -> Any:
    if isinstance(c, AnyOf):
        return models.Filter(should=[models.Filter(must=[_server_condition(x) for x in group]) for group in c.groups])
    if c.match_value is not None:
        return models.FieldCondition(key=c.key, match=models.MatchValue(value=c.match_value))
    if c.match_any is not None:
        return models.FieldCondition(key=c.key, match=models.MatchAny(any=list(c.match_any)))
    return models.FieldCondition(key=c.key, range=models.Range(gte=c.gte, lte=c.lte))


def to_server_filter(f: EffectiveFilter) -> models.Filter:
    return models.Filter(must=[_server_condition(c) for c in conditions(f)])


class ServerIndex:
    def __init__(self, client: AsyncQdrantClient, dimension: int, collection_prefix: str = "chartrag_",
                 dimensions: Mapping[str, int] | None = None) -> None:
        self.dimensions = dict(dimensions or {})  # namespaces embedded by another model (guidelines: Cohere)
        self._client = client
        self.dimension = dimension
        self._prefix = collection_prefix

    @classmethod
    def from_url(
        cls, url: str, dimension: int, api_key: str | None = None, dimensions: Mapping[str, int] | None = None
    ) -> ServerIndex:
        return cls(AsyncQdrantClient(url=url, api_key=api_key), dimension, dimensions=dimensions)

    def _name(self, namespace: str) -> str:
        check_namespace(namespace)
        return self._prefix + namespace

    async def ensure(self) -> None:
        try:
            for namespace in NAMESPACES:
                name = self._name(namespace)
                if await self._client.collection_exists(name):
                    info = await self._client.get_collection(name)
                    vectors = info.config.params.vectors
                    stored = vectors[DENSE].size if isinstance(vectors, dict) and DENSE in vectors else None
                    configured = self.dimensions.get(namespace, self.dimension)
                    if stored is not None and stored != configured:
                        raise size_changed(namespace, stored, configured, f"collection {name}")
                    continue
                await self._client.create_collection(
                    name,
                    vectors_config={
                        DENSE: models.VectorParams(
                            size=self.dimensions.get(namespace, self.dimension),
                            distance=models.Distance.COSINE,
                            hnsw_config=models.HnswConfigDiff(m=0, payload_m=16),
                        )
                    },
                    sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
                )
                await self._client.create_payload_index(
                    name,
                    TENANT_FIELD,
                    field_schema=models.KeywordIndexParams(type=models.KeywordIndexType.KEYWORD, is_tenant=True),
                )
                for field in KEYWORD_FIELDS:
                    await self._client.create_payload_index(name, field, field_schema=models.PayloadSchemaType.KEYWORD)
                for field in INTEGER_FIELDS:
                    await self._client.create_payload_index(name, field, field_schema=models.PayloadSchemaType.INTEGER)
        except IndexBackendError:
            raise
        except Exception as exc:
            raise IndexBackendError(f"cannot prepare Qdrant collections: {type(exc).__name__}") from exc

    async def upsert(self, namespace: str, items: Sequence[IndexedChunk]) -> None:
        if not items:
            return
        points = [
            models.PointStruct(
                id=item.chunk.id,
                vector={
                    DENSE: item.dense,
                    SPARSE: models.SparseVector(indices=item.sparse.indices, values=item.sparse.values),
                },
                payload=item.chunk.payload(),
            )
            for item in items
        ]
        await self._client.upsert(self._name(namespace), points=points, wait=True)

    async def delete_resources(self, namespace: str, resource_type: str, resource_ids: Sequence[str]) -> None:
        if not resource_ids:
            return
        flt = models.Filter(
            must=[
                models.FieldCondition(key="resource_type", match=models.MatchValue(value=resource_type)),
                models.FieldCondition(key="resource_id", match=models.MatchAny(any=list(resource_ids))),
            ]
        )
        await self._client.delete(self._name(namespace), points_selector=models.FilterSelector(filter=flt), wait=True)

    async def indexed_versions(self, namespace: str, resource_type: str,
                               resource_ids: Sequence[str]) -> dict[str, Version]:
        if not resource_ids:
            return {}
        check_namespace(namespace)
        flt = models.Filter(must=[
            models.FieldCondition(key="resource_type", match=models.MatchValue(value=resource_type)),
            models.FieldCondition(key="resource_id", match=models.MatchAny(any=list(resource_ids)))])
        payloads: list[dict[str, Any]] = []
        offset: Any = None
        while True:
            records, offset = await self._client.scroll(self._name(namespace), scroll_filter=flt, limit=VERSION_PAGE,
                                                        offset=offset, with_payload=VERSION_FIELDS)
            payloads += [dict(r.payload or {}) for r in records]
            if offset is None or not records:
                return versions_of(payloads)

    async def search(self, namespace: str, query: HybridQuery, scope: PatientScope | None) -> list[Hit]:
        eff = effective_filter(namespace, scope, query.filter)
        if eff.empty:
            return []
        flt = to_server_filter(eff)
        response = await self._client.query_points(
            self._name(namespace),
            prefetch=[
                models.Prefetch(query=query.dense, using=DENSE, filter=flt, limit=query.limit),
                models.Prefetch(
                    query=models.SparseVector(indices=query.sparse_indices, values=query.sparse_values),
                    using=SPARSE,
                    filter=flt,
                    limit=query.limit,
                ),
            ],
            query=models.RrfQuery(rrf=models.Rrf(k=RRF_K)),
            query_filter=flt,
            limit=query.limit,
            with_payload=True,
            with_vectors=[DENSE],
        )
        return [
            Hit(Chunk.from_payload(p.payload or {}), float(p.score), dense_of(p.vector)) for p in response.points
        ]

    async def scroll(
        self, namespace: str, flt: SearchFilter, scope: PatientScope | None, limit: int = 256, newest_first: bool = False
    ) -> list[Chunk]:
        eff = effective_filter(namespace, scope, flt)
        if eff.empty:
            return []
        order = models.OrderBy(key="effective_day", direction=models.Direction.DESC) if newest_first else None
        records, _ = await self._client.scroll(
            self._name(namespace), scroll_filter=to_server_filter(eff), limit=limit, with_payload=True, order_by=order
        )
        chunks = [Chunk.from_payload(r.payload or {}) for r in records]
        return chunks if newest_first else sort_by_day(chunks)

    async def facet(
        self, namespace: str, key: str, flt: SearchFilter, scope: PatientScope | None, limit: int = 500
    ) -> dict[str, int]:
        eff = effective_filter(namespace, scope, flt)
        if eff.empty:
            return {}
        response = await self._client.facet(
            self._name(namespace), key=key, facet_filter=to_server_filter(eff), limit=limit, exact=True
        )
        return {str(hit.value): int(hit.count) for hit in response.hits}

    async def count(self, namespace: str, flt: SearchFilter, scope: PatientScope | None) -> int:
        eff = effective_filter(namespace, scope, flt)
        if eff.empty:
            return 0
        result = await self._client.count(self._name(namespace), count_filter=to_server_filter(eff), exact=True)
        return int(result.count)

    async def total_points(self, namespace: str) -> int:
        result = await self._client.count(self._name(namespace), exact=True)
        return int(result.count)

    async def close(self) -> None:
        await self._client.close()

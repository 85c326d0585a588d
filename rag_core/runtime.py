"""Builds the pipeline from settings: the one place that picks implementations for the ports."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from rag_core.audit import JsonlAuditLog
from rag_core.embedding import (
    CachedEmbedder,
    LruVectorCache,
    RedisVectorCache,
    SentenceTransformerEmbedder,
    VectorCache,
)
from rag_core.errors import ConfigurationError
from rag_core.generation import ExtractiveGenerator
from rag_core.index.base import VectorIndex
from rag_core.index.edge import EdgeIndex
from rag_core.index.server import ServerIndex
from rag_core.indexing import Indexer
from rag_core.rerank import ClinicalSignalReranker
from rag_core.retrieval import Retriever
from rag_core.service import ChartService
from rag_core.settings import RagSettings
from rag_core.sparse import Bm25Encoder


@dataclass
class Runtime:
    settings: RagSettings
    index: VectorIndex
    embedder: CachedEmbedder
    indexer: Indexer
    service: ChartService
    cache_kind: str
    # run (newest first) before the index closes: e.g. stopping ingestion workers that write to it
    on_close: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    async def close(self) -> None:
        for hook in reversed(self.on_close):
            await hook()
        await self.index.close()


async def build_runtime(settings: RagSettings | None = None) -> Runtime:
    settings = settings or RagSettings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    model = SentenceTransformerEmbedder(settings.embedding_model_path)
    cache: VectorCache
    if settings.redis_url:
        cache, cache_kind = RedisVectorCache(settings.redis_url), "redis"
    else:
        cache, cache_kind = LruVectorCache(settings.embed_cache_size), "in-process LRU (no REDIS_URL)"
    embedder = CachedEmbedder(model, cache)
    index: VectorIndex
    if settings.index_backend == "server":
        if not settings.qdrant_url:
            raise ConfigurationError("CHARTRAG_INDEX_BACKEND=server needs CHARTRAG_QDRANT_URL")
        index = ServerIndex.from_url(settings.qdrant_url, model.dimension, settings.qdrant_api_key)
    else:
        index = EdgeIndex(settings.data_dir, model.dimension)
    await index.ensure()
    sparse = Bm25Encoder()
    reranker = ClinicalSignalReranker(embedder)
    retriever = Retriever(index, embedder, sparse, reranker, candidates=settings.retrieval_candidates)
    service = ChartService(
        retriever,
        ExtractiveGenerator(threshold=settings.abstain_threshold),
        JsonlAuditLog(settings.resolved_audit_path),
        top_k=settings.top_k,
    )
    return Runtime(settings, index, embedder, Indexer(index, embedder, sparse), service, cache_kind)

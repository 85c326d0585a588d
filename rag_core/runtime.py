"""Builds the pipeline from settings: the one place that picks implementations for the ports."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from rag_core.audit import JsonlAuditLog
from rag_core.audit_keyfile import load_audit_key
from rag_core.egress import EgressGateway
from rag_core.embedding import (
    CachedEmbedder,
    LruVectorCache,
    RedisVectorCache,
    SentenceTransformerEmbedder,
    VectorCache,
)
from rag_core.errors import ConfigurationError
from rag_core.generation import DraftingModel, ExtractiveGenerator
from rag_core.index.base import VectorIndex
from rag_core.index.edge import EdgeIndex
from rag_core.index.server import ServerIndex
from rag_core.indexing import Indexer
from rag_core.models import CLINICAL_GUIDELINES
from rag_core.phi.directory import RecordDirectory
from rag_core.phi.tokenizer import PhiTokenizer
from rag_core.private_files import private_dir, restrict_umask, tighten
from rag_core.rerank import ClinicalSignalReranker, Reranker
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
        await asyncio.to_thread(self.service.audit.close)


def open_audit(settings: RagSettings) -> JsonlAuditLog:
    """The audit log with its key (outside the log) and, when ``CHARTRAG_AUDIT_DSN`` is set, its
    PostgreSQL anchor."""
    key = load_audit_key(settings)
    store = None
    if settings.audit_dsn:
        from rag_core.audit_store import PostgresCheckpoints

        store = PostgresCheckpoints(settings.audit_dsn)
    return JsonlAuditLog(settings.resolved_audit_path, key, store, settings.audit_checkpoint_seconds)


def concurrency(settings: RagSettings) -> int | None:
    if settings.max_concurrent_answers == 0:
        return None
    # measured (chartrag bench ingest --with-readers 8, 2 CPUs): 1 at a time answered as many questions per
    # second as 2 and halved notification → answerable (answers are mostly GIL-bound Python)
    return settings.max_concurrent_answers or max(1, (os.cpu_count() or 2) // 2)


def drafting_model(settings: RagSettings, gateway: EgressGateway, http: Any = None) -> DraftingModel | None:
    """Claude when ``ANTHROPIC_API_KEY`` is set, else None (the offline generator answers). ``http``: an
    ``httpx2.AsyncClient`` (the transport the anthropic SDK 2.x is built on)."""
    if settings.anthropic_api_key is None:
        return None
    import anthropic

    from rag_core.claude import ClaudeGenerator

    client = anthropic.AsyncAnthropic(
        api_key=settings.anthropic_api_key.get_secret_value(), base_url=settings.anthropic_base_url,
        timeout=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries, http_client=http,
    )
    return ClaudeGenerator(client, settings.claude_model, gateway)


def reranker(settings: RagSettings, gateway: EgressGateway, offline: Reranker, http: httpx.Client | None = None) -> Reranker:
    """Cohere Rerank when ``COHERE_API_KEY`` is set (the offline reranker stays as its fallback)."""
    if settings.cohere_api_key is None:
        return offline
    from rag_core.cohere_models import CohereReranker

    return CohereReranker(_cohere_client(settings, http), settings.cohere_rerank_model, gateway, offline)


def guideline_embedder(settings: RagSettings, gateway: EgressGateway, http: httpx.Client | None = None) -> Any:
    """Cohere embeddings for the clinical-guidelines namespace when configured, else None (MiniLM)."""
    if settings.guideline_embedder != "cohere":
        return None
    if settings.cohere_api_key is None:
        raise ConfigurationError("CHARTRAG_GUIDELINE_EMBEDDER=cohere needs COHERE_API_KEY")
    from rag_core.cohere_models import CohereEmbedder

    return CohereEmbedder(_cohere_client(settings, http), settings.cohere_embed_model, settings.cohere_embed_dimension,
                          gateway)


def _cohere_client(settings: RagSettings, http: httpx.Client | None) -> Any:
    import cohere

    assert settings.cohere_api_key is not None
    return cohere.ClientV2(
        api_key=settings.cohere_api_key.get_secret_value(), base_url=settings.cohere_base_url or None,
        timeout=settings.llm_timeout_s, max_retries=settings.llm_max_retries, httpx_client=http,
        log_warning_experimental_features=False,
    )


def third_party_providers(settings: RagSettings) -> list[str]:
    """The providers text may leave for under this configuration (their names as the egress log writes them)."""
    return (["anthropic"] if settings.anthropic_api_key is not None else []) + (
        ["cohere"] if settings.cohere_api_key is not None else [])


async def build_runtime(settings: RagSettings | None = None, **http: Any) -> Runtime:
    """``http`` may hold ``anthropic=httpx2.AsyncClient`` / ``cohere=httpx.Client`` (tests record payloads)."""
    settings = settings or RagSettings()
    restrict_umask()  # what the engine, SQLite and this process write from now on is the owner's only
    private_dir(settings.data_dir)
    await asyncio.to_thread(tighten, settings.data_dir)  # a data dir an earlier version left 0644
    model = SentenceTransformerEmbedder(settings.embedding_model_path)
    cache: VectorCache
    if settings.redis_url:
        cache, cache_kind = RedisVectorCache(settings.redis_url), "redis"
    else:
        cache, cache_kind = LruVectorCache(settings.embed_cache_size), "in-process LRU (no REDIS_URL)"
    embedder = CachedEmbedder(model, cache)
    gateway = EgressGateway(PhiTokenizer(), settings.baa_providers)
    if gateway.tokenizes_for(third_party_providers(settings)):
        # the first paid-model request must not pay seconds of model and vocabulary loading
        await asyncio.to_thread(gateway.tokenizer.warm)
    guidelines = guideline_embedder(settings, gateway, http.get("cohere"))
    dimensions = {CLINICAL_GUIDELINES: guidelines.dimension} if guidelines else {}
    index: VectorIndex
    if settings.index_backend == "server":
        if not settings.qdrant_url:
            raise ConfigurationError("CHARTRAG_INDEX_BACKEND=server needs CHARTRAG_QDRANT_URL")
        index = ServerIndex.from_url(settings.qdrant_url, model.dimension, settings.qdrant_api_key, dimensions)
    else:
        index = EdgeIndex(settings.data_dir, model.dimension, dimensions)
    await index.ensure()
    sparse = Bm25Encoder()
    ranker = reranker(settings, gateway, ClinicalSignalReranker(embedder), http.get("cohere"))
    retriever = Retriever(index, embedder, sparse, ranker, candidates=settings.retrieval_candidates,
                          query_embedders={CLINICAL_GUIDELINES: guidelines.for_queries()} if guidelines else None)
    records = RecordDirectory(settings.data_dir / "records")
    service = ChartService(
        retriever,
        ExtractiveGenerator(threshold=settings.abstain_threshold),
        open_audit(settings),
        top_k=settings.top_k,
        model=drafting_model(settings, gateway, http.get("anthropic")),
        records=records,
        gate_threshold=settings.gate_threshold,
        max_concurrent=concurrency(settings),
    )
    indexer = Indexer(index, embedder, sparse, records, {CLINICAL_GUIDELINES: guidelines} if guidelines else None)
    return Runtime(settings, index, embedder, indexer, service, cache_kind)

"""Retrieval: plan aspects → evidence chunks from the index, always inside the PatientScope.

* concept questions (a lab, a drug, a diagnosis) resolve the concept against the patient's own
  recorded vocabulary (an engine facet), then read every matching fact in the time window with an
  engine filter — a trend lists each value, "latest" takes the newest, "first" the earliest;
* list questions (medications in 2021, procedures on a day, allergies) read every fact of the
  type in the window;
* free-text questions (notes, anything else) run the hybrid dense + BM25 query, RRF-fused in the
  engine with the same filters on both arms, then the reranker picks the top k.
Namespaces are queried concurrently.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field

from rag_core.concepts import match_concepts
from rag_core.embedding import Embedder
from rag_core.index.base import VectorIndex, sort_by_day
from rag_core.models import NAMESPACES, PATIENT_DATA, Chunk, Hit, HybridQuery, PatientScope, SearchFilter
from rag_core.query import Aspect, QueryPlan
from rag_core.rerank import Reranker
from rag_core.sparse import Bm25Encoder

MAX_LISTED = 60
# One patient's facts of one concept or one window: thousands at most; beyond this a scroll would be cut.
SCROLL_LIMIT = 5000


@dataclass
class AspectEvidence:
    aspect: Aspect
    chunks: list[Chunk]
    concepts: list[str] = field(default_factory=list)
    confidence: float = 0.0
    ranked: list[Hit] = field(default_factory=list)


@dataclass
class Evidence:
    plan: QueryPlan
    aspects: list[AspectEvidence]
    guidelines: list[Hit] = field(default_factory=list)

    @property
    def chunks(self) -> list[Chunk]:
        seen: dict[str, Chunk] = {}
        for part in self.aspects:
            for chunk in part.chunks:
                seen.setdefault(chunk.id, chunk)
        return list(seen.values())


class Retriever:
    def __init__(
        self,
        index: VectorIndex,
        embedder: Embedder,
        sparse: Bm25Encoder,
        reranker: Reranker,
        candidates: int = 25,
        query_embedders: Mapping[str, Embedder] | None = None,
    ) -> None:
        self.query_embedders = dict(query_embedders or {})  # per namespace, where another model embeds it
        self.index = index
        self.embedder = embedder
        self.sparse = sparse
        self.reranker = reranker
        self.candidates = candidates

    def hybrid_query(self, text: str, flt: SearchFilter, limit: int) -> HybridQuery:
        dense = self.embedder.embed([text])[0]
        sparse = self.sparse.query(text)
        return HybridQuery(text, dense, sparse.indices, sparse.values, flt, limit)

    async def search_namespaces(
        self, question: str, scope: PatientScope, k: int, namespaces: tuple[str, ...] = NAMESPACES
    ) -> dict[str, list[Hit]]:
        """One hybrid query per namespace, run concurrently: ``patient_data`` inside the scope, the
        shared namespaces (guidelines, anonymized cases) without patient data in them."""
        query = self.hybrid_query(question, SearchFilter(), self.candidates)

        async def one(namespace: str) -> list[Hit]:
            own = self.query_embedders.get(namespace)
            q = query if own is None else HybridQuery(
                question, (await asyncio.to_thread(own.embed, [question]))[0], query.sparse_indices, query.sparse_values,
                query.filter, query.limit)
            hits = await self.index.search(namespace, q, scope if namespace == PATIENT_DATA else None)
            return hits[:k]

        results = await asyncio.gather(*(one(ns) for ns in namespaces))
        return dict(zip(namespaces, results, strict=True))

    async def retrieve(self, plan: QueryPlan, scope: PatientScope, k: int) -> Evidence:
        parts = await asyncio.gather(*(self._aspect(plan, a, scope, k) for a in plan.aspects))
        return Evidence(plan=plan, aspects=list(parts))

    async def _same_concept(self, names: list[str], window: SearchFilter, scope: PatientScope) -> list[Chunk]:
        """Facts recorded under the matched names — and under any other name sharing their code, since
        a chart may record one test or drug under two displays over the years."""
        def narrowed(concepts: tuple[str, ...] | None = None, codes: tuple[str, ...] | None = None) -> SearchFilter:
            return SearchFilter(resource_types=window.resource_types, day_from=window.day_from, day_to=window.day_to,
                                concepts=concepts, codes=codes)

        chunks = await self.index.scroll(PATIENT_DATA, narrowed(concepts=tuple(names)), scope, limit=SCROLL_LIMIT)
        codes = {code for c in chunks for name, code in zip(c.concepts, c.codes, strict=False) if code and name in names}
        if not codes:
            return chunks
        by_code = await self.index.scroll(PATIENT_DATA, narrowed(codes=tuple(sorted(codes))), scope, limit=SCROLL_LIMIT)
        merged = {c.id: c for c in chunks} | {c.id: c for c in by_code}
        return sort_by_day(list(merged.values()))

    async def _aspect(self, plan: QueryPlan, aspect: Aspect, scope: PatientScope, k: int) -> AspectEvidence:
        base = SearchFilter(
            resource_types=aspect.resource_types, day_from=aspect.day_from, day_to=aspect.day_to, statuses=aspect.statuses
        )
        if aspect.mode in ("latest", "trend", "first", "ever") and aspect.concept:
            vocab_filter = SearchFilter(resource_types=aspect.resource_types, day_to=aspect.day_to)
            vocabulary = await self.index.facet(PATIENT_DATA, "concepts", vocab_filter, scope)
            matches = match_concepts(aspect.concept, list(vocabulary))
            if not matches:
                return AspectEvidence(aspect, [], [], 0.0)
            concepts = [m.concept for m in matches]
            chunks = await self._same_concept(concepts, base, scope)
            if aspect.mode == "latest":
                chunks = chunks[::-1][:k]  # newest first
            elif aspect.mode == "first":
                chunks = chunks[:k]
            elif aspect.mode == "ever":
                chunks = chunks[::-1][:MAX_LISTED]
            else:
                chunks = chunks[-MAX_LISTED:]
            return AspectEvidence(aspect, chunks, concepts, matches[0].score if chunks else 0.0)
        if aspect.mode == "list":
            chunks = await self.index.scroll(PATIENT_DATA, base, scope, limit=SCROLL_LIMIT)
            return AspectEvidence(aspect, chunks[-MAX_LISTED:], [], 1.0 if chunks else 0.0)
        text = plan.question if aspect.section is None else f"{aspect.section} {plan.question}"
        flt = base if aspect.intent != "general" else SearchFilter(day_to=aspect.day_to)
        if aspect.newest:
            newest = await self.index.scroll(PATIENT_DATA, flt, scope, limit=1, newest_first=True)
            if newest and newest[0].effective_day:
                day = newest[0].effective_day
                flt = SearchFilter(resource_types=flt.resource_types, day_from=day, day_to=day)
        hits = await self.index.search(PATIENT_DATA, self.hybrid_query(text, flt, self.candidates), scope)
        # in a thread: the offline reranker embeds, a remote one waits on HTTP; the request context goes along
        ranked = await asyncio.to_thread(self.reranker.rerank, plan, aspect, hits, k)
        confidence = ranked[0].score if ranked else 0.0
        if ranked and flt.day_from is not None and flt.day_from == flt.day_to and aspect.intent in ("note", "encounter"):
            confidence = 1.0  # the engine filter itself pinned the note or visit asked about
        return AspectEvidence(aspect, [h.chunk for h in ranked], [], confidence, ranked)

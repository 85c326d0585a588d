"""Cohere behind the ``Reranker`` and ``Embedder`` ports, every text through the egress gateway.

``CohereReranker`` reorders a candidate list (question and chunk texts PHI-tokenized unless Cohere is
BAA-covered); when the API fails after the SDK's own retries it falls back to the offline reranker, so
a Cohere outage costs ranking quality, never an answer. Its relevance scores become the aspect's
confidence, so the gate threshold must be tuned again for it (``chartrag bench gate``).

``CohereEmbedder`` embeds for the shared namespaces (clinical guidelines): documents as
``search_document``, questions as ``search_query``; the question is tokenized like any other outbound
text. Both take a ``cohere.ClientV2`` built by the runtime (tests give it an ``httpx`` transport).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import cohere
import httpx

from rag_core.egress import EgressGateway, Provider, current_request
from rag_core.embedding import Vector
from rag_core.models import Hit
from rag_core.query import Aspect, QueryPlan
from rag_core.rerank import Reranker

log = logging.getLogger(__name__)


class CohereReranker:
    def __init__(self, client: cohere.ClientV2, model: str, gateway: EgressGateway, fallback: Reranker) -> None:
        self.client = client
        self.model = model
        self.gateway = gateway
        self.fallback = fallback
        self.provider = Provider("cohere", "rerank", model)

    @property
    def model_id(self) -> str:
        return f"cohere/{self.model}"

    def rerank(self, plan: QueryPlan, aspect: Aspect, hits: list[Hit], k: int) -> list[Hit]:
        if not hits:
            return []
        egress = current_request()
        sent = self.gateway.outbound(self.provider, [plan.question, *[h.chunk.text for h in hits]], egress.vault,
                                     egress.log, egress.record)
        try:
            response = self.client.rerank(model=self.model, query=sent[0], documents=sent[1:], top_n=min(k, len(hits)))
        except (cohere.core.ApiError, httpx.HTTPError) as err:
            status = getattr(err, "status_code", None) or type(err).__name__
            log.warning("cohere rerank unavailable (%s): offline reranker used", status)
            return self.fallback.rerank(plan, aspect, hits, k)
        ranked = []
        for result in response.results:
            if 0 <= result.index < len(hits):
                hit = hits[result.index]
                ranked.append(Hit(hit.chunk, round(float(result.relevance_score), 4), hit.dense))
        return ranked[:k]


class CohereEmbedder:
    def __init__(self, client: cohere.ClientV2, model: str, dimension: int, gateway: EgressGateway,
                 input_type: str = "search_document") -> None:
        self.client = client
        self.model = model
        self.dimension = dimension
        self.gateway = gateway
        self.input_type = input_type
        self.provider = Provider("cohere", "embedding", model)

    @property
    def model_id(self) -> str:
        return f"cohere/{self.model}"

    def for_queries(self) -> CohereEmbedder:
        return CohereEmbedder(self.client, self.model, self.dimension, self.gateway, "search_query")

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        if not texts:
            return []
        egress = current_request()
        sent = self.gateway.outbound(self.provider, list(texts), egress.vault, egress.log, egress.record)
        response = self.client.embed(model=self.model, input_type=self.input_type, texts=sent,
                                     embedding_types=["float"], output_dimension=self.dimension)
        vectors = response.embeddings.float_ or []
        if len(vectors) != len(texts):
            raise ValueError(f"cohere returned {len(vectors)} embeddings for {len(texts)} texts")
        return [list(map(float, v)) for v in vectors]

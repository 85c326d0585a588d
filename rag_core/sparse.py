"""BM25 sparse vectors, computed client-side with Qdrant Edge's ``Bm25`` (it mirrors the server's
Bm25Config) so both index backends store identical sparse vectors; the engine applies IDF."""

from __future__ import annotations

from dataclasses import dataclass

import qdrant_edge


@dataclass(frozen=True)
class SparseVec:
    indices: list[int]
    values: list[float]


class Bm25Encoder:
    def __init__(self) -> None:
        self._model = qdrant_edge.Bm25(qdrant_edge.Bm25Config())

    def document(self, text: str) -> SparseVec:
        vec = self._model.embed_document(text)
        return SparseVec(list(vec.indices), list(vec.values))

    def query(self, text: str) -> SparseVec:
        vec = self._model.embed_query(text)
        return SparseVec(list(vec.indices), list(vec.values))

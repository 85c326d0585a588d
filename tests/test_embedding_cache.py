"""Embedding caches: the in-process LRU and the real Redis on 127.0.0.1:6379 (CI starts it)."""

from __future__ import annotations

import uuid

import numpy as np
import pytest
import redis

from rag_core.embedding import CachedEmbedder, LruVectorCache, RedisVectorCache
from tests.conftest import REDIS_URL, HashEmbedder


def test_lru_evicts_least_recently_used() -> None:
    cache = LruVectorCache(capacity=2)
    cache.put_many({"a": [1.0], "b": [2.0]})
    assert cache.get_many(["a"]) == [[1.0]]  # touch a
    cache.put_many({"c": [3.0]})
    assert cache.get_many(["a", "b", "c"]) == [[1.0], None, [3.0]]


def test_cached_embedder_only_sends_misses_to_the_model() -> None:
    inner = HashEmbedder()
    emb = CachedEmbedder(inner, LruVectorCache(100))
    first = emb.embed(["alpha", "beta", "alpha"])
    assert inner.texts == 2  # duplicates in one call are embedded once
    again = emb.embed(["beta", "alpha", "gamma"])
    assert inner.texts == 3
    assert again[0] == first[1] and again[1] == first[0]


def test_redis_cache_round_trips_float32_vectors() -> None:
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()  # the real Redis must be there: .ci/run starts it
    prefix = f"chartrag:test:{uuid.uuid4().hex}:"
    cache = RedisVectorCache(REDIS_URL, ttl_seconds=60, prefix=prefix)
    vec = np.random.default_rng(0).random(384, dtype=np.float32).tolist()
    cache.put_many({"k1": vec})
    got = cache.get_many(["k1", "missing"])
    assert got[1] is None and got[0] == pytest.approx(vec)
    assert 0 < client.ttl(prefix + "k1") <= 60
    inner = HashEmbedder()
    emb = CachedEmbedder(inner, cache)
    emb.embed(["shared text"])
    CachedEmbedder(HashEmbedder(), RedisVectorCache(REDIS_URL, prefix=prefix)).embed(["shared text"])
    assert inner.texts == 1
    client.delete(*client.keys(prefix + "*"))

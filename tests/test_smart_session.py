from __future__ import annotations

import uuid

import pytest
import redis

from smart_app.session import MemorySessionStore, RedisSessionStore, SessionCookies
from tests.conftest import REDIS_URL


@pytest.mark.parametrize("kind", ["memory", "redis"])
def test_store_round_trip_and_delete(kind: str) -> None:
    if kind == "redis":
        redis.Redis.from_url(REDIS_URL).ping()  # the real Redis: .ci/run starts it
        store = RedisSessionStore(REDIS_URL, ttl_seconds=60, prefix=f"chartrag:test:{uuid.uuid4().hex}:")
    else:
        store = MemorySessionStore(ttl_seconds=60)
    store.save("sid-1", {"ctx": {"patient": "p1"}, "csrf": "x"})
    assert store.load("sid-1") == {"ctx": {"patient": "p1"}, "csrf": "x"}
    assert store.load("other") is None
    store.delete("sid-1")
    assert store.load("sid-1") is None


def test_memory_sessions_expire() -> None:
    store = MemorySessionStore(ttl_seconds=-1)
    store.save("sid", {"a": 1})
    assert store.load("sid") is None


def test_cookie_signature_is_checked() -> None:
    cookies = SessionCookies("secret-a", ttl_seconds=60)
    sid = cookies.new_sid()
    signed = cookies.sign(sid)
    assert cookies.unsign(signed) == sid
    assert SessionCookies("secret-b", 60).unsign(signed) is None
    assert cookies.unsign(signed[:-2] + "xx") is None and cookies.unsign(None) is None

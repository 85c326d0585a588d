"""Server-side sessions: the browser holds only a signed, http-only, SameSite cookie with a random
session id; launch state, tokens and the last answer's citations stay on the server (Redis when
configured, else in process)."""

from __future__ import annotations

import json
import secrets
import threading
import time
from typing import Any, Protocol

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "chartrag_session"


class SessionStore(Protocol):
    def load(self, sid: str) -> dict[str, Any] | None: ...

    def save(self, sid: str, data: dict[str, Any]) -> None: ...

    def delete(self, sid: str) -> None: ...


class MemorySessionStore:
    def __init__(self, ttl_seconds: int) -> None:
        self._ttl = ttl_seconds
        self._data: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def load(self, sid: str) -> dict[str, Any] | None:
        with self._lock:
            item = self._data.get(sid)
            if item is None or item[0] < time.time():
                self._data.pop(sid, None)
                return None
            return dict(json.loads(item[1]))

    def save(self, sid: str, data: dict[str, Any]) -> None:
        with self._lock:
            self._data[sid] = (time.time() + self._ttl, json.dumps(data))

    def delete(self, sid: str) -> None:
        with self._lock:
            self._data.pop(sid, None)


class RedisSessionStore:
    def __init__(self, url: str, ttl_seconds: int, prefix: str = "chartrag:session:") -> None:
        import redis

        self._client = redis.Redis.from_url(url)
        self._ttl = ttl_seconds
        self._prefix = prefix

    def load(self, sid: str) -> dict[str, Any] | None:
        raw = self._client.get(self._prefix + sid)
        return dict(json.loads(raw)) if raw else None

    def save(self, sid: str, data: dict[str, Any]) -> None:
        self._client.set(self._prefix + sid, json.dumps(data), ex=self._ttl)

    def delete(self, sid: str) -> None:
        self._client.delete(self._prefix + sid)


class SessionCookies:
    """Signs and checks the session id carried by the cookie."""

    def __init__(self, secret: str, ttl_seconds: int) -> None:
        self._signer = URLSafeTimedSerializer(secret, salt="chartrag-session")
        self._ttl = ttl_seconds

    def new_sid(self) -> str:
        return secrets.token_urlsafe(32)

    def sign(self, sid: str) -> str:
        return self._signer.dumps(sid)

    def unsign(self, cookie: str | None) -> str | None:
        if not cookie:
            return None
        try:
            return str(self._signer.loads(cookie, max_age=self._ttl))
        except BadSignature:
            return None

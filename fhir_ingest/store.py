"""A small key-value port for ingestion state shared by every worker: Redis when ``REDIS_URL`` is set
(several machines), one SQLite file in the data dir otherwise (several processes on one machine).

Values are JSON. ``put_new`` (set-if-absent with a time to live) is the lock primitive. Keys hold
references and counters, never patient text.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

import redis.asyncio as aioredis

from rag_core.private_files import private_file


class KeyValue(Protocol):
    async def get(self, key: str) -> Any | None: ...

    async def put(self, key: str, value: Any) -> None: ...

    async def put_new(self, key: str, value: Any, ttl_seconds: float) -> bool:
        """Set only if absent (or expired); True when this call set it."""
        ...

    async def delete(self, key: str) -> None: ...

    async def keys(self, prefix: str) -> list[str]: ...

    async def close(self) -> None: ...


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """The queue/state database, its directory 0700 and its files (with the WAL's -wal and -shm) 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm"):
        private_file(path.with_name(name))
    return conn


class SqliteKeyValue:
    def __init__(self, path: Path) -> None:
        self._conn = connect_sqlite(path)
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at REAL)"
        )

    async def get(self, key: str) -> Any | None:
        row = self._conn.execute(
            "SELECT value FROM kv WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)", (key, time.time())
        ).fetchone()
        return json.loads(row[0]) if row else None

    async def put(self, key: str, value: Any) -> None:
        self._conn.execute(
            "INSERT INTO kv (key, value, expires_at) VALUES (?, ?, NULL) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = NULL",
            (key, json.dumps(value)),
        )

    async def put_new(self, key: str, value: Any, ttl_seconds: float) -> bool:
        now = time.time()
        cur = self._conn.execute(
            "INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at "
            "WHERE kv.expires_at IS NOT NULL AND kv.expires_at <= ?",
            (key, json.dumps(value), now + ttl_seconds, now),
        )
        return cur.rowcount == 1

    async def delete(self, key: str) -> None:
        self._conn.execute("DELETE FROM kv WHERE key = ?", (key,))

    async def keys(self, prefix: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT key FROM kv WHERE key >= ? AND key < ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY key",
            (prefix, prefix + "\uffff", time.time()),
        ).fetchall()
        return [r[0] for r in rows]

    async def close(self) -> None:
        self._conn.close()


class RedisKeyValue:
    def __init__(self, url: str, namespace: str) -> None:
        self._redis = aioredis.from_url(url, decode_responses=True)
        self._ns = namespace + ":kv:"

    async def get(self, key: str) -> Any | None:
        raw = await self._redis.get(self._ns + key)
        return json.loads(raw) if raw is not None else None

    async def put(self, key: str, value: Any) -> None:
        await self._redis.set(self._ns + key, json.dumps(value))

    async def put_new(self, key: str, value: Any, ttl_seconds: float) -> bool:
        return bool(await self._redis.set(self._ns + key, json.dumps(value), nx=True, px=max(1, int(ttl_seconds * 1000))))

    async def delete(self, key: str) -> None:
        await self._redis.delete(self._ns + key)

    async def keys(self, prefix: str) -> list[str]:
        found = [k async for k in self._redis.scan_iter(match=self._ns + prefix + "*", count=500)]
        return sorted(k[len(self._ns):] for k in found)

    async def close(self) -> None:
        await self._redis.aclose()


@asynccontextmanager
async def locked(kv: KeyValue, name: str, ttl_seconds: float = 30.0, wait_seconds: float = 30.0) -> AsyncIterator[None]:
    """Hold ``lock:<name>`` (expires by itself if the holder dies); waits up to ``wait_seconds``."""
    key = f"lock:{name}"
    deadline = time.monotonic() + wait_seconds
    delay = 0.005
    while not await kv.put_new(key, True, ttl_seconds):
        if time.monotonic() > deadline:
            raise TimeoutError(f"lock {name} is held elsewhere")
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.2)
    try:
        yield
    finally:
        await kv.delete(key)

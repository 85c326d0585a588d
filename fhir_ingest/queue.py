"""The durable job queue between the notification endpoint and the workers.

Redis Streams with a consumer group when ``REDIS_URL`` is set (several workers on several machines);
a SQLite table in the data dir otherwise. Both give at-least-once delivery: a job stays owned by the
worker that claimed it until acked; if that worker dies, the job is claimed again once its lease runs
out. Failures are retried with exponential backoff; after ``max_attempts`` (or as many crashed
deliveries) a job goes to the dead-letter list that ``chartrag ingest status`` shows.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import redis.asyncio as aioredis
from redis.exceptions import ResponseError

from fhir_ingest.store import connect_sqlite


@dataclass
class Job:
    kind: str
    body: dict[str, Any]
    attempts: int = 0  # failed processing attempts so far
    deliveries: int = 1  # times handed to a worker (a crash leaves attempts unchanged, deliveries grow)
    job_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    enqueued_at: float = field(default_factory=time.time)
    handle: str = ""  # backend's own id of this delivery


@dataclass(frozen=True)
class DeadLetter:
    job_id: str
    kind: str
    attempts: int
    error: str
    at: float


@dataclass(frozen=True)
class QueueStats:
    backend: str
    ready: int
    in_flight: int
    delayed: int
    dead: int


class JobQueue(Protocol):
    backend: str

    async def put(self, kind: str, body: dict[str, Any]) -> str: ...

    async def claim(self, consumer: str, max_jobs: int, lease_seconds: float, block_ms: int = 200) -> list[Job]:
        """Up to ``max_jobs`` jobs, owned by ``consumer`` until acked or ``lease_seconds`` pass. Every worker
        must use the same lease (the Redis backend takes over jobs idle longer than the claimer's lease)."""
        ...

    async def ack(self, jobs: list[Job]) -> None: ...

    async def fail(self, job: Job, error: str, max_attempts: int, backoff_seconds: float) -> bool:
        """Retry later with backoff, or dead-letter it (returns True then)."""
        ...

    async def stats(self) -> QueueStats: ...

    async def dead_letters(self, limit: int = 100) -> list[DeadLetter]: ...

    async def requeue_dead(self) -> int: ...

    async def close(self) -> None: ...


def _backoff(attempts: int, base: float) -> float:
    return float(base * (2 ** max(0, attempts - 1)))


class SqliteJobQueue:
    """One table; a claim is one ``UPDATE … RETURNING`` under SQLite's write lock, so two worker
    processes never receive the same job at once."""

    backend = "sqlite"

    def __init__(self, path: Path, max_deliveries: int = 5) -> None:
        self._conn = connect_sqlite(path)
        self._max_deliveries = max_deliveries
        self._conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS jobs (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT UNIQUE NOT NULL, kind TEXT NOT NULL,
              body TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, deliveries INTEGER NOT NULL DEFAULT 0,
              enqueued_at REAL NOT NULL, available_at REAL NOT NULL, leased_until REAL, consumer TEXT,
              state TEXT NOT NULL DEFAULT 'ready', error TEXT, dead_at REAL);
            CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (state, available_at, seq);
            """
        )

    async def put(self, kind: str, body: dict[str, Any]) -> str:
        job = Job(kind, body)
        self._conn.execute(
            "INSERT INTO jobs (job_id, kind, body, enqueued_at, available_at) VALUES (?, ?, ?, ?, ?)",
            (job.job_id, kind, json.dumps(body), job.enqueued_at, job.enqueued_at),
        )
        return job.job_id

    async def claim(self, consumer: str, max_jobs: int, lease_seconds: float, block_ms: int = 200) -> list[Job]:
        now = time.time()
        # a lease that ran out means the worker holding it died: count that delivery against the job
        self._conn.execute(
            "UPDATE jobs SET state = 'dead', dead_at = ?, error = 'delivered ' || deliveries || ' times without an ack' "
            "WHERE state = 'leased' AND leased_until <= ? AND deliveries >= ?",
            (now, now, self._max_deliveries),
        )
        rows = self._conn.execute(
            "UPDATE jobs SET state = 'leased', leased_until = ?, consumer = ?, deliveries = deliveries + 1 "
            "WHERE seq IN (SELECT seq FROM jobs WHERE (state = 'ready' AND available_at <= ?) "
            "  OR (state = 'leased' AND leased_until <= ?) ORDER BY seq LIMIT ?) "
            "RETURNING job_id, kind, body, attempts, deliveries, enqueued_at, seq",
            (now + lease_seconds, consumer, now, now, max_jobs),
        ).fetchall()
        rows.sort(key=lambda r: r[6])
        return [Job(r[1], json.loads(r[2]), r[3], r[4], r[0], r[5], handle=str(r[6])) for r in rows]

    async def ack(self, jobs: list[Job]) -> None:
        self._conn.executemany("DELETE FROM jobs WHERE job_id = ?", [(j.job_id,) for j in jobs])

    async def fail(self, job: Job, error: str, max_attempts: int, backoff_seconds: float) -> bool:
        attempts = job.attempts + 1
        if attempts >= max_attempts:
            self._conn.execute(
                "UPDATE jobs SET state = 'dead', attempts = ?, error = ?, dead_at = ?, leased_until = NULL WHERE job_id = ?",
                (attempts, error, time.time(), job.job_id),
            )
            return True
        self._conn.execute(
            "UPDATE jobs SET state = 'ready', attempts = ?, error = ?, available_at = ?, leased_until = NULL WHERE job_id = ?",
            (attempts, error, time.time() + _backoff(attempts, backoff_seconds), job.job_id),
        )
        return False

    async def stats(self) -> QueueStats:
        now = time.time()
        counts = dict.fromkeys(("ready", "in_flight", "delayed", "dead"), 0)
        for state, available_at, leased_until in self._conn.execute("SELECT state, available_at, leased_until FROM jobs"):
            if state == "dead":
                counts["dead"] += 1
            elif state == "leased" and leased_until > now:
                counts["in_flight"] += 1
            elif state == "ready" and available_at > now:
                counts["delayed"] += 1
            else:
                counts["ready"] += 1
        return QueueStats(self.backend, **counts)

    async def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        rows = self._conn.execute(
            "SELECT job_id, kind, attempts, error, dead_at FROM jobs WHERE state = 'dead' ORDER BY dead_at LIMIT ?", (limit,)
        ).fetchall()
        return [DeadLetter(r[0], r[1], r[2], r[3] or "", r[4] or 0.0) for r in rows]

    async def requeue_dead(self) -> int:
        cur = self._conn.execute(
            "UPDATE jobs SET state = 'ready', attempts = 0, deliveries = 0, available_at = ?, dead_at = NULL "
            "WHERE state = 'dead'", (time.time(),)
        )
        return cur.rowcount

    async def close(self) -> None:
        self._conn.close()


class RedisJobQueue:
    """A stream read by one consumer group. Retries wait in a sorted set until due; crashed workers'
    jobs are taken over with XAUTOCLAIM once idle longer than the lease."""

    backend = "redis"

    def __init__(self, url: str, name: str = "chartrag:ingest", max_deliveries: int = 5) -> None:
        self._redis = aioredis.from_url(url, decode_responses=True)
        self._stream, self._group = f"{name}:jobs", "workers"
        self._delayed, self._dead = f"{name}:delayed", f"{name}:dead"
        self._max_deliveries = max_deliveries
        self._ready = False

    async def _ensure(self) -> None:
        if self._ready:
            return
        try:
            await self._redis.xgroup_create(self._stream, self._group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._ready = True

    @staticmethod
    def _fields(job: Job) -> dict[str, str]:
        return {"job": json.dumps({"job_id": job.job_id, "kind": job.kind, "body": job.body, "attempts": job.attempts,
                                   "enqueued_at": job.enqueued_at})}

    async def put(self, kind: str, body: dict[str, Any]) -> str:
        await self._ensure()
        job = Job(kind, body)
        await self._redis.xadd(self._stream, self._fields(job))  # type: ignore[arg-type]
        return job.job_id

    async def _promote_due(self) -> None:
        for member in await self._redis.zrangebyscore(self._delayed, "-inf", time.time(), start=0, num=100):
            job_json = str(member)
            if await self._redis.zrem(self._delayed, job_json):  # only one worker wins each member
                await self._redis.xadd(self._stream, {"job": job_json})

    def _job(self, handle: str, fields: dict[str, str], deliveries: int = 1) -> Job:
        data = json.loads(fields["job"])
        return Job(data["kind"], data["body"], data["attempts"], deliveries, data["job_id"], data["enqueued_at"], handle)

    async def claim(self, consumer: str, max_jobs: int, lease_seconds: float, block_ms: int = 200) -> list[Job]:
        await self._ensure()
        await self._promote_due()
        jobs: list[Job] = []
        idle_ms = int(lease_seconds * 1000)
        _, taken, _ = await self._redis.xautoclaim(self._stream, self._group, consumer, idle_ms, "0-0", count=max_jobs)
        if taken:
            pending = await self._redis.xpending_range(self._stream, self._group, min=taken[0][0], max=taken[-1][0],
                                                       count=len(taken) * 4)
            times = {p["message_id"]: int(p["times_delivered"]) for p in pending}
            for handle, fields in taken:
                if not fields:  # deleted meanwhile
                    continue
                job = self._job(handle, fields, times.get(handle, 2))
                if job.deliveries > self._max_deliveries:
                    await self._bury(job, f"delivered {job.deliveries - 1} times without an ack")
                    continue
                jobs.append(job)
        room = max_jobs - len(jobs)
        if room > 0:
            reply: Any = await self._redis.xreadgroup(self._group, consumer, {self._stream: ">"}, count=room,
                                                 block=block_ms if not jobs else None)
            for _, messages in reply or []:
                jobs.extend(self._job(handle, fields) for handle, fields in messages)
        return jobs

    async def ack(self, jobs: list[Job]) -> None:
        if not jobs:
            return
        handles = [j.handle for j in jobs]
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.xack(self._stream, self._group, *handles)
            pipe.xdel(self._stream, *handles)
            await pipe.execute()

    async def _bury(self, job: Job, error: str) -> None:
        letter = {"job_id": job.job_id, "kind": job.kind, "body": job.body, "attempts": job.attempts, "error": error,
                  "at": time.time(), "enqueued_at": job.enqueued_at}
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.rpush(self._dead, json.dumps(letter))
            pipe.xack(self._stream, self._group, job.handle)
            pipe.xdel(self._stream, job.handle)
            await pipe.execute()

    async def fail(self, job: Job, error: str, max_attempts: int, backoff_seconds: float) -> bool:
        job.attempts += 1
        if job.attempts >= max_attempts:
            await self._bury(job, error)
            return True
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.zadd(self._delayed, {self._fields(job)["job"]: time.time() + _backoff(job.attempts, backoff_seconds)})
            pipe.xack(self._stream, self._group, job.handle)
            pipe.xdel(self._stream, job.handle)
            await pipe.execute()
        return False

    async def stats(self) -> QueueStats:
        await self._ensure()
        groups = await self._redis.xinfo_groups(self._stream)
        group = next((g for g in groups if g["name"] == self._group), {})
        length = await self._redis.xlen(self._stream)
        in_flight = int(group.get("pending", 0))
        return QueueStats(self.backend, max(0, length - in_flight), in_flight,
                          int(await self._redis.zcard(self._delayed)), int(await self._redis.llen(self._dead)))

    async def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        letters = [json.loads(x) for x in await self._redis.lrange(self._dead, 0, limit - 1)]
        return [DeadLetter(d["job_id"], d["kind"], d["attempts"], d["error"], d["at"]) for d in letters]

    async def requeue_dead(self) -> int:
        moved = 0
        while raw := await self._redis.lpop(self._dead):
            data = json.loads(str(raw))
            job = Job(data["kind"], data["body"], 0, 0, data["job_id"], data["enqueued_at"])
            await self._redis.xadd(self._stream, self._fields(job))  # type: ignore[arg-type]
            moved += 1
        return moved

    async def close(self) -> None:
        await self._redis.aclose()

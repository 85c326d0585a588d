"""``chartrag bench fuzz``: is the served product still responsive while it is fuzzed and flooded?

A ``chartrag serve`` process (own process: the fuzzer's CPU is not the server's) with two shipped
patients indexed is driven, over loopback HTTP, by schemathesis through every operation it publishes
(valid credentials, so generated bodies reach the parsers), then by the hostile bodies the outside
review sent: 100,000-deep JSON, NaN, duplicate keys, and twenty 50 MB bodies at once. A prober (its own
process) reads ``/healthz`` every 20 ms throughout. Reported: requests sent, status classes, any 5xx, ``healthz``
P50/P95, and the server's resident memory around an unauthenticated flood (40 uploads of 20 MB to
``/fhir/notify`` without the channel secret: refused from their headers, their bodies never read) —
before, at its peak and after.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import psutil

from chartrag.bench import percentiles
from chartrag.bench_ingest import SECRET
from chartrag.bench_readers import _index, _wait_ready
from chartrag.console import scratch_dir
from chartrag.serving import free_port

DEEP = b"[" * 100_000 + b"]" * 100_000
PROBE = """
import sys, time, httpx
with httpx.Client(base_url=sys.argv[1], timeout=60) as client:
    while True:
        t0 = time.time()
        client.get("/healthz")
        print(t0, (time.time() - t0) * 1000, flush=True)
        time.sleep(0.02)
"""


def _hostile(url: str, token: str, statuses: Counter[str], server_errors: list[str]) -> None:
    api = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    notify = {"X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"}
    bodies = [("/api/ask", DEEP, api), ("/fhir/notify", DEEP, notify), ("/cds-services/chart-summary", DEEP, api),
              ("/api/ask", b'{"patient_id": "a", "question": "q", "now": NaN}', api),
              ("/fhir/notify", b'{"resourceType": "Bundle", "type": "history", "entry": NaN}', notify),
              ("/api/ask", b'{"patient_id": "a", "patient_id": "b", "question": "q"}', api)]
    with httpx.Client(base_url=url, timeout=120) as client:
        for path, body, headers in bodies:
            _count(client.post(path, content=body, headers=headers), path, statuses, server_errors)
    big = b"x" * (50 * 1024 * 1024)

    def flood(path: str) -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            try:
                _count(client.post(path, content=big, headers=api), path, statuses, server_errors)
            except httpx.HTTPError:  # the server closed a refused upload early: that is the point
                statuses["closed"] += 1

    threads = [threading.Thread(target=flood, args=(p,)) for p in ["/api/ask", "/fhir/notify"] * 10]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def flood_memory(url: str, pid: int, uploads: int = 40, size: int = 20_000_000, concurrency: int = 8,
                 settle: float = 2.0) -> dict[str, Any]:
    """RSS (MB) of the server process ``pid`` before, at its peak during, and ``settle`` s after ``uploads``
    unauthenticated ``size``-byte POSTs to ``/fhir/notify`` (``concurrency`` at a time), and how each ended."""
    process = psutil.Process(pid)
    body = b"x" * size
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()
    pending = list(range(uploads))

    def upload() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            while True:
                with lock:
                    if not pending:
                        return
                    pending.pop()
                try:
                    status = str(client.post("/fhir/notify", content=body, headers={
                        "Content-Type": "application/fhir+json"}).status_code)
                except httpx.HTTPError:  # refused from its headers, the connection closed while it still sent
                    status = "closed"
                with lock:
                    outcomes[status] += 1

    def rss() -> float:
        return float(process.memory_info().rss) / 1e6

    before = peak = rss()
    threads = [threading.Thread(target=upload) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        peak = max(peak, rss())
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    time.sleep(settle)
    after = rss()
    return {"uploads": uploads, "bytes_each": size, "outcomes": dict(outcomes), "seconds": round(seconds, 2),
            "rss_mb": {"before": round(before, 1), "peak": round(max(peak, after), 1), "after": round(after, 1)}}


def _count(response: httpx.Response, label: str, statuses: Counter[str], server_errors: list[str]) -> None:
    statuses[f"{response.status_code // 100}xx"] += 1
    if response.status_code >= 500:
        server_errors.append(f"{label}: {response.status_code}")


def _fuzz(url: str, token: str, reader: str, examples: int, statuses: Counter[str], server_errors: list[str]) -> int:
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.core.result import Ok

    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations() if isinstance(r, Ok)]
    headers = {"Authorization": f"Bearer {token}", "X-Subscription-Secret": SECRET}

    def fuzz(operation: Any) -> None:
        extra = {"Authorization": f"Bearer {reader}"} if "AuditEvent" in operation.label else {}

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call(headers={**(case.headers or {}), **headers, **extra}, timeout=60)
            _count(response, operation.label, statuses, server_errors)

        check()

    for operation in operations:
        fuzz(operation)
    return len(operations)


def bench_fuzz(bundles: list[Path], work: Path, examples: int) -> dict[str, Any]:
    patients = asyncio.run(_index(bundles[:2], work))
    token, reader, port = secrets.token_urlsafe(16), secrets.token_urlsafe(16), free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CHARTRAG_DATA_DIR")}
    env |= {"CHARTRAG_SMART_API_TOKEN": token, "CHARTRAG_INGEST_CHANNEL_SECRET": SECRET,
            "CHARTRAG_AUDIT_READER_TOKEN": reader, "HF_HUB_OFFLINE": "1"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("chartrag")), "serve", "--data-dir", str(work),
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    statuses: Counter[str] = Counter()
    server_errors: list[str] = []

    try:
        _wait_ready(url, server)
        # the prober is its own process: the fuzzer's and the flood's threads never delay its readings
        prober = subprocess.Popen([sys.executable, "-c", PROBE, url], stdout=subprocess.PIPE, text=True)
        time.sleep(1.0)
        started = time.time()
        operations = _fuzz(url, token, reader, examples, statuses, server_errors)
        fuzzed = time.time()
        _hostile(url, token, statuses, server_errors)
        elapsed = time.time() - started
        flood = flood_memory(url, server.pid)
        time.sleep(0.5)
        prober.terminate()
        output, _ = prober.communicate(timeout=60)
        health = [(float(when), float(ms)) for when, ms in (line.split() for line in output.splitlines() if line.strip())]
        alive = httpx.get(f"{url}/healthz", timeout=10).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"operations": operations, "patients": len(patients), "requests": sum(statuses.values()),
            "statuses": dict(statuses), "server_errors": server_errors, "seconds": round(elapsed, 1),
            "healthz_ms": percentiles([ms for t, ms in health if started <= t <= started + elapsed]),
            "healthz_ms_while_fuzzing": percentiles([ms for t, ms in health if started <= t < fuzzed]),
            "healthz_ms_while_flooded": percentiles([ms for t, ms in health if fuzzed <= t <= started + elapsed]),
            "alive_after": alive, "unauthenticated_flood": flood}


def run_fuzz_bench(bundles: list[Path], examples: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartrag-bench-fuzz-") as tmp:
        return bench_fuzz(bundles, scratch_dir(tmp), examples)

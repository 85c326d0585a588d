"""``chartrag bench ingest --with-readers N``: notification → answerable while N clinicians ask.

The product itself — ``chartrag serve`` in its own process (JSON API, notification endpoint and the
in-process ingestion worker), so the clients' CPU and GIL are not the server's — is served on loopback
with two shipped patients indexed. N client threads
ask ``POST /api/ask`` back to back about those patients; meanwhile notifications, each for a fresh
patient, are POSTed at ``rate`` per second. A notification is *answerable* when ``/api/ask`` about its
patient stops answering 404 (not indexed) — the clock runs from just before its POST. Reported per
queue backend: the latency percentiles, the readers' ask latency and throughput, and ``healthz`` P95.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from chartrag.bench import percentiles
from chartrag.bench_ingest import SECRET, _stream
from chartrag.console import scratch_dir
from chartrag.serving import free_port
from rag_core.documents import load_path
from rag_core.runtime import build_runtime
from rag_core.settings import RagSettings

QUESTIONS = ["What was the most recent hemoglobin A1c?", "What medications is the patient on?",
             "What conditions does the patient have?", "When was the last visit?", "What allergies are documented?",
             "What was the blood pressure trend over the last two years?", "Has the patient ever had a flu shot?"]


async def _index(bundles: list[Path], data_dir: Path) -> list[str]:
    runtime = await build_runtime(RagSettings(data_dir=data_dir))
    patients: list[str] = []
    try:
        for bundle in bundles:
            report = load_path(bundle)
            await runtime.indexer.index_documents(report.documents)
            patients += sorted({d.patient_id for d in report.documents})
    finally:
        await runtime.close()
    return patients


def bench_with_readers(bundles: list[Path], work: Path, events: int, rate: float, readers: int,
                       redis_url: str | None) -> dict[str, Any]:
    patients = asyncio.run(_index(bundles[:2], work))
    token = secrets.token_urlsafe(16)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CHARTRAG_DATA_DIR")}
    env |= {"CHARTRAG_SMART_API_TOKEN": token, "CHARTRAG_INGEST_CHANNEL_SECRET": SECRET,
            "CHARTRAG_INGEST_QUEUE_NAME": f"chartrag-bench:{time.time_ns()}", "HF_HUB_OFFLINE": "1"}
    if redis_url:
        env["REDIS_URL"] = redis_url
    auth = {"Authorization": f"Bearer {token}"}
    stream = _stream(bundles, events, "rd")
    run = Run()
    chartrag = str(Path(sys.executable).with_name("chartrag"))
    server = subprocess.Popen([chartrag, "serve", "--data-dir", str(work), "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, server)
        result = _measure(url, auth, patients, stream, rate, readers, run)
    finally:
        server.terminate()
        server.wait(timeout=60)
    latencies = [(run.answerable[p] - run.sent[p]) * 1000 for p in run.answerable]
    return {"queue": "redis" if redis_url else "sqlite", "readers": readers, "events": events, "rate_per_s": rate,
            "notify_to_answerable_ms": {**percentiles(latencies), "max": round(max(latencies, default=0), 1)},
            "lost": len(stream) - len(run.answerable), **result}


def _wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.time() + 180
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError("chartrag serve exited")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("chartrag serve did not start")


@dataclass
class Run:
    stop: threading.Event = field(default_factory=threading.Event)
    asks: list[float] = field(default_factory=list)
    health: list[float] = field(default_factory=list)
    errors: list[int] = field(default_factory=list)
    sent: dict[str, float] = field(default_factory=dict)  # patient → when its notification was POSTed
    answerable: dict[str, float] = field(default_factory=dict)  # patient → when /api/ask first answered


def _measure(url: str, auth: dict[str, str], patients: list[str], stream: list[tuple[str, dict[str, Any]]],
             rate: float, readers: int, run: Run) -> dict[str, Any]:
    stop, asks, health, errors, sent, answerable = run.stop, run.asks, run.health, run.errors, run.sent, run.answerable
    def reader(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=url, timeout=60, headers=auth) as client:
            while not stop.is_set():
                t0 = time.perf_counter()
                response = client.post("/api/ask", json={"patient_id": rng.choice(patients),
                                                         "question": rng.choice(QUESTIONS), "requester": "bench"})
                asks.append((time.perf_counter() - t0) * 1000)
                if response.status_code != 200:
                    errors.append(response.status_code)

    def prober() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            while not stop.is_set():
                t0 = time.perf_counter()
                client.get("/healthz")
                health.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.1)

    def sender() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            start = time.perf_counter()
            for i, (patient, bundle) in enumerate(stream):
                time.sleep(max(0.0, start + i / rate - time.perf_counter()))
                sent[patient] = time.perf_counter()
                client.post("/fhir/notify", content=json.dumps(bundle), headers={
                    "X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"}).raise_for_status()
                watcher = threading.Thread(target=watch, args=(patient,), daemon=True)
                watcher.start()
                watchers.append(watcher)

    def watch(patient: str) -> None:
        """Polls one notification's patient until /api/ask answers (each notification its own poller, so a
        slow answer for one patient never delays noticing another)."""
        with httpx.Client(base_url=url, timeout=60, headers=auth) as client:
            deadline = time.perf_counter() + 120
            while time.perf_counter() < deadline:
                response = client.post("/api/ask", json={"patient_id": patient, "question": "What was recorded?",
                                                          "requester": "bench-watch"})
                if response.status_code == 200:
                    answerable[patient] = time.perf_counter()
                    return
                time.sleep(0.02)

    watchers: list[threading.Thread] = []

    client_threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(readers)]
    client_threads.append(threading.Thread(target=prober, daemon=True))
    for thread in client_threads:
        thread.start()
    time.sleep(2.0)  # readers at full load before the first notification
    began = time.perf_counter()
    asks_before = len(asks)
    send_thread = threading.Thread(target=sender, daemon=True)
    send_thread.start()
    send_thread.join()
    for watcher in watchers:
        watcher.join()
    elapsed = time.perf_counter() - began
    stop.set()
    for thread in client_threads:
        thread.join(timeout=60)
    return {"ask_ms": percentiles(asks), "asks_per_s": round((len(asks) - asks_before) / elapsed, 1),
            "ask_errors": len(errors), "healthz_ms": percentiles(health)}


def run_readers_bench(bundles: list[Path], events: int, rate: float, readers: int,
                      redis_urls: list[str | None]) -> dict[str, Any]:
    results = {}
    for redis_url in redis_urls:
        with tempfile.TemporaryDirectory(prefix="chartrag-bench-readers-") as tmp:
            result = bench_with_readers(bundles, scratch_dir(tmp), events, rate, readers, redis_url)
        results[result["queue"]] = result
    return results

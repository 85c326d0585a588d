"""``chartrag bench ingest``: ingestion numbers for the closing note, printed as JSON.

* notify_to_searchable_ms — a steady stream of full-resource Subscription notifications (4 Observations
  to 1 note, taken from the shipped patients, each event for a fresh patient id) POSTed over loopback
  HTTP to the product's endpoint; the clock runs from just before the POST until a patient-filtered
  engine query sees the patient's chunks (the query is issued once the indexer reports the upsert,
  so polling does not steal the CPU the embedder needs); ``endpoint_2xx_ms`` is how long the endpoint
  took to answer (authenticate, validate, enqueue). One worker runs in the serving process
  (the embedded default) on the SQLite queue. Reported at the chosen rate, plus a curve over rates.
* throughput — the same notifications queued up front, drained by 1 and then 2 workers:
  resources/s and chunks/s from first claim to empty queue.
* bulk — the six shipped patients written as Bulk Data NDJSON (one file per type) and imported.
* ocr — synthetic scanned pages (rendered text, 3° skew, salt-and-pepper noise) through deskew,
  denoise and Tesseract.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import cv2
import httpx
import numpy as np
from fastapi import FastAPI
from PIL import Image, ImageDraw, ImageFont

from chartrag.bench import percentiles
from chartrag.console import scratch_dir
from chartrag.serving import free_port, serving
from fhir_ingest.app import open_ingestion
from fhir_ingest.routes import build_ingest_router
from fhir_ingest.settings import IngestSettings
from fhir_ingest.sources.bulk import import_files
from fhir_ingest.sources.documents import attachment_readers
from fhir_ingest.sources.ocr import ocr_gray
from rag_core.models import PATIENT_DATA, PatientScope, SearchFilter
from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings

SECRET = "bench-channel-secret"
SCAN_LINES = [
    "OUTSIDE CARDIOLOGY CONSULTATION - FAX",
    "",
    "Assessment: Transthoracic echocardiogram shows left ventricular",
    "ejection fraction of 35 percent with global hypokinesis.",
    "Plan: start sacubitril-valsartan 24/26 mg twice daily.",
    "Follow up in the heart failure clinic in 4 weeks.",
]


def served_resources(path: Path, types: set[str]) -> list[dict[str, Any]]:
    """A transaction Bundle's resources of ``types`` as a FHIR server serves them (``urn:uuid:``
    references rewritten to ``Type/id``)."""
    bundle = json.loads(path.read_text())
    kinds = {e["fullUrl"]: f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in bundle["entry"]}

    def rewrite(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: (kinds.get(v, v) if k == "reference" and isinstance(v, str) else rewrite(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [rewrite(v) for v in value]
        return value

    return [rewrite(e["resource"]) for e in bundle["entry"] if e["resource"]["resourceType"] in types]


def synthetic_scan(lines: list[str], skew: float = 3.0, noise: float = 0.02, seed: int = 7) -> np.ndarray:
    """Text rendered like a 200-dpi fax page, rotated by ``skew`` degrees, with salt-and-pepper noise."""
    image = Image.new("L", (1700, 1100), 255)
    draw = ImageDraw.Draw(image)
    try:
        font: Any = ImageFont.truetype("DejaVuSans.ttf", 34)
    except OSError:
        font = ImageFont.load_default(size=34)
    for i, line in enumerate(lines):
        draw.text((100, 120 + i * 62), line, fill=0, font=font)
    page = np.array(image)
    page = cv2.warpAffine(page, cv2.getRotationMatrix2D((850, 550), skew, 1.0), (1700, 1100), borderValue=255)
    speckle = np.random.default_rng(seed).random(page.shape)
    page[speckle < noise / 2] = 0
    page[speckle > 1 - noise / 2] = 255
    return page


def _pct(values: list[float]) -> dict[str, float]:
    """The project's one P50/P95 (``chartrag.bench``), plus the worst case."""
    return {**percentiles(values), "max": round(max(values), 1)} if values else {"n": 0}


def _notification(resource: dict[str, Any], number: int) -> dict[str, Any]:
    ref = f"{resource['resourceType']}/{resource['id']}"
    sub = "https://ehr.example/fhir/Subscription/bench"
    status = {"resourceType": "Parameters", "parameter": [
        {"name": "subscription", "valueReference": {"reference": sub}},
        {"name": "status", "valueCode": "active"}, {"name": "type", "valueCode": "event-notification"},
        {"name": "events-since-subscription-start", "valueString": str(number)},
        {"name": "notification-event", "part": [
            {"name": "event-number", "valueString": str(number)},
            {"name": "timestamp", "valueInstant": "2026-11-28T00:00:00Z"},
            {"name": "focus", "valueReference": {"reference": f"https://ehr.example/fhir/{ref}"}}]}]}
    return {"resourceType": "Bundle", "type": "history", "entry": [
        {"fullUrl": "urn:uuid:5e0d1c0a-0000-4000-8000-000000000000", "resource": status,
         "request": {"method": "GET", "url": f"{sub}/$status"}, "response": {"status": "200"}},
        {"fullUrl": f"https://ehr.example/fhir/{ref}", "resource": resource,
         "request": {"method": "PUT", "url": ref}, "response": {"status": "200"}}]}


def _stream(bundles: list[Path], count: int, prefix: str) -> list[tuple[str, dict[str, Any]]]:
    """``count`` (patient id, notification) pairs: 4 Observations to 1 note, each for a fresh patient."""
    pool = [r for b in bundles for r in served_resources(b, {"Observation", "DocumentReference"})]
    obs = [r for r in pool if r["resourceType"] == "Observation"]
    notes = [r for r in pool if r["resourceType"] == "DocumentReference"]
    stream = []
    for i in range(count):
        source = notes[i % len(notes)] if i % 5 == 4 else obs[i % len(obs)]
        patient = f"{prefix}-{i}"
        resource = json.loads(json.dumps(source).replace(json.dumps(source["subject"]),
                                                         json.dumps({"reference": f"Patient/{patient}"})))
        resource["id"] = f"{prefix}-{i}"
        stream.append((patient, _notification(resource, i + 1)))
    return stream


async def _visible(runtime: Runtime, patient: str) -> bool:
    return await runtime.index.count(PATIENT_DATA, SearchFilter(), PatientScope.full(patient, "bench")) > 0


async def bench_latency(bundles: list[Path], work: Path, events: int, rate: float, redis_url: str | None) -> dict[str, Any]:
    settings = IngestSettings(channel_secret=SECRET, redis_url=redis_url, queue_name=f"chartrag-bench:{time.time_ns()}")
    runtime = await build_runtime(RagSettings(data_dir=work))
    runtime.embedder.embed(["warm up the model"])
    upserted: set[str] = set()
    runtime.indexer.listeners.append(upserted.update)
    ingestion = open_ingestion(settings, work)
    ingestion.start_workers(runtime.indexer, 1)
    # the endpoint serves from its own thread and event loop: it gets its own connection to the queue,
    # closed in that loop when the server stops
    endpoint_side = open_ingestion(settings, work)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await endpoint_side.close()

    endpoint = FastAPI(lifespan=lifespan)
    endpoint.include_router(build_ingest_router(settings, endpoint_side.queue, endpoint_side.state))
    stream = _stream(bundles, events, "lat")
    sent: dict[str, float] = {}
    latencies: list[float] = []
    acks: list[float] = []
    try:
        with serving(endpoint, free_port()) as url:
            def send() -> None:
                with httpx.Client(timeout=10.0) as client:
                    for i, (patient, bundle) in enumerate(stream):
                        due = start + i / rate
                        time.sleep(max(0.0, due - time.perf_counter()))
                        sent[patient] = time.perf_counter()
                        response = client.post(f"{url}/fhir/notify", content=json.dumps(bundle),
                                               headers={"X-Subscription-Secret": SECRET,
                                                        "Content-Type": "application/fhir+json"})
                        response.raise_for_status()
                        acks.append((time.perf_counter() - sent[patient]) * 1000)

            start = time.perf_counter()
            sender = threading.Thread(target=send, daemon=True)
            sender.start()
            pending = {p for p, _ in stream}
            deadline = time.perf_counter() + events / rate + 120
            while pending and time.perf_counter() < deadline:
                for patient in [p for p in pending if p in upserted]:
                    if await _visible(runtime, patient):
                        latencies.append((time.perf_counter() - sent[patient]) * 1000)
                        pending.discard(patient)
                await asyncio.sleep(0.002)
            sender.join()
    finally:
        await ingestion.close()
        await runtime.close()
    return {**_pct(latencies), "events": events, "rate_per_s": rate, "lost": len(pending),
            "endpoint_2xx_ms": _pct(acks)}


async def bench_throughput(bundles: list[Path], work: Path, resources: int, workers: int,
                           redis_url: str | None) -> dict[str, Any]:
    settings = IngestSettings(channel_secret=SECRET, redis_url=redis_url, queue_name=f"chartrag-bench:{time.time_ns()}")
    runtime = await build_runtime(RagSettings(data_dir=work))
    runtime.embedder.embed(["warm up the model"])
    ingestion = open_ingestion(settings, work)
    try:
        for _, bundle in _stream(bundles, resources, f"tp{workers}"):
            await ingestion.queue.put("notification", {"bundle": bundle})
        pool = [ingestion.worker(runtime.indexer, name=f"bench-{i}") for i in range(workers)]
        started = time.perf_counter()
        await asyncio.gather(*(w.run(until_empty=True) for w in pool))
        seconds = time.perf_counter() - started
        chunks = sum(w.stats.chunks for w in pool)
        done = sum(w.stats.resources_indexed for w in pool)
    finally:
        await ingestion.close()
        await runtime.close()
    return {"workers": workers, "resources": done, "chunks": chunks, "seconds": round(seconds, 2),
            "resources_per_s": round(done / seconds, 1), "chunks_per_s": round(chunks / seconds, 1)}


async def bench_bulk(bundles: list[Path], work: Path) -> dict[str, Any]:
    export = work / "export"
    export.mkdir(parents=True)
    by_type: dict[str, list[str]] = defaultdict(list)
    for bundle in bundles:
        for resource in served_resources(bundle, {"Patient", "Encounter", "Observation", "Condition", "MedicationRequest",
                                                  "Procedure", "Immunization", "AllergyIntolerance", "DocumentReference"}):
            by_type[resource["resourceType"]].append(json.dumps(resource))
    for rtype, lines in by_type.items():
        (export / f"{rtype}.001.ndjson").write_text("\n".join(lines) + "\n")
    runtime = await build_runtime(RagSettings(data_dir=work / "data"))
    runtime.embedder.embed(["warm up the model"])
    ingestion = open_ingestion(IngestSettings(redis_url=None), work / "data")
    try:
        started = time.perf_counter()
        stats = await import_files(sorted(export.glob("*.ndjson")), runtime.indexer, ingestion.state,
                                   readers=attachment_readers())
        seconds = time.perf_counter() - started
    finally:
        await ingestion.close()
        await runtime.close()
    return {"files": stats.files, "resources": stats.resources, "chunks": stats.chunks, "seconds": round(seconds, 2),
            "resources_per_s": round(stats.resources / seconds, 1), "chunks_per_s": round(stats.chunks / seconds, 1)}


def bench_ocr(pages: int) -> dict[str, Any]:
    scans = [synthetic_scan(SCAN_LINES, skew=(i % 5) - 2.0, seed=i) for i in range(pages)]
    started = time.perf_counter()
    results = [ocr_gray(page) for page in scans]
    seconds = time.perf_counter() - started
    found = sum("ejection fraction of 35 percent" in r.text for r in results)
    return {"pages": pages, "seconds": round(seconds, 2), "pages_per_s": round(pages / seconds, 2),
            "mean_confidence": round(statistics.mean(r.confidence or 0 for r in results), 1), "key_sentence_read": found}


def run_ingest_bench(bundles: list[Path], events: int, rate: float, resources: int, pages: int,
                     redis_url: str | None, curve: list[float] | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartrag-bench-ingest-") as tmp:
        work = scratch_dir(tmp)
        latency = asyncio.run(bench_latency(bundles, work / "latency", events, rate, redis_url))
        by_rate = {f"{r:g}_per_s": asyncio.run(bench_latency(bundles, work / f"latency-{r:g}", events, r, redis_url))
                   for r in curve or [] if r != rate}
        one = asyncio.run(bench_throughput(bundles, work / "tp1", resources, 1, redis_url))
        two = asyncio.run(bench_throughput(bundles, work / "tp2", resources, 2, redis_url))
        bulk = asyncio.run(bench_bulk(bundles, work / "bulk"))
    ocr = bench_ocr(pages)
    return {
        "queue": "redis" if redis_url else "sqlite",
        "notify_to_searchable_ms": latency,
        "notify_to_searchable_by_rate": by_rate,
        "resources_per_s": one["resources_per_s"],
        "chunks_per_s": one["chunks_per_s"],
        "throughput": {"1_worker": one, "2_workers": two},
        "bulk_ndjson": bulk,
        "ocr": ocr,
    }

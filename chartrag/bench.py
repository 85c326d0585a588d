"""``chartrag bench retrieval``: numbers for the closing note, printed as JSON (no timed unit tests).

* query_ms — a patient-filtered hybrid query (dense + BM25, RRF in the engine) on a generated corpus
  (default 100k chunks over 500 patients) in Qdrant Edge. Dense vectors are real MiniLM embeddings of
  a pool of distinct clinical sentences, reused across patients (embedding 100k texts would take
  minutes on 2 cores and measures the model, not the engine); BM25 vectors are per chunk text.
* ask_ms — a full ``POST /api/ask`` over loopback HTTP (Uvicorn) on the six shipped patients, each
  of ~180 distinct questions (every kind the product answers) asked once; ask_at_corpus_ms — the same
  questions once ``--chunks`` generated chunks of other patients share the index (``ask_corpus_chunks``).
* ingest_chunks_per_s — documents → chunks → MiniLM (cold cache) → BM25 → Edge upsert, end to end
  on the six shipped patients.
* embed_cached_ms / embed_uncached_ms — one query embedding with and without a cache hit.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from chartrag.console import scratch_dir
from chartrag.http import build_app
from chartrag.serving import free_port, serving
from rag_core.documents import LoadReport, load_path
from rag_core.embedding import CachedEmbedder, LruVectorCache, SentenceTransformerEmbedder
from rag_core.index.base import IndexedChunk
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import PATIENT_DATA, Chunk, ClinicalDocument, HybridQuery, PatientScope, SearchFilter
from rag_core.settings import RagSettings
from rag_core.sparse import Bm25Encoder
from smart_app.settings import SmartSettings

LABS = [("Hemoglobin A1c/Hemoglobin.total in Blood", "%"), ("Body Weight", "kg"), ("Glucose", "mg/dL"),
        ("Sodium", "mmol/L"), ("Creatinine", "mg/dL"), ("Systolic Blood Pressure", "mm[Hg]"), ("Heart rate", "/min"),
        ("Total Cholesterol", "mg/dL"), ("Body mass index (BMI) [Ratio]", "kg/m2"), ("Hemoglobin [Mass/volume] in Blood",
                                                                                   "g/dL")]
DRUGS = ["lisinopril 10 MG Oral Tablet", "Metformin 500 MG Oral Tablet", "amLODIPine 2.5 MG Oral Tablet",
         "Simvastatin 10 MG Oral Tablet", "Acetaminophen 325 MG Oral Tablet", "Warfarin Sodium 5 MG Oral Tablet"]
SECTIONS = ["Assessment and Plan", "Chief Complaint", "History of Present Illness", "Social History"]
QUESTIONS = ["What was the most recent hemoglobin A1c result?", "Has the patient been prescribed metformin?",
             "What did the note say in its assessment and plan?", "How has the body weight changed?",
             "latest sodium level", "blood pressure readings", "which medications for hypertension"]

def _indexed(bundles: list[Path], data_dir: Path) -> list[ClinicalDocument]:
    """Index the bundles into a fresh Edge data dir (real model); returns their documents."""
    import asyncio as _asyncio

    from rag_core.runtime import build_runtime

    report = LoadReport()
    for bundle in bundles:
        report.extend(load_path(bundle))

    async def ingest() -> None:
        runtime = await build_runtime(RagSettings(data_dir=data_dir))
        await runtime.indexer.index_report(report)  # documents, and the patients' dictionaries
        await runtime.close()

    _asyncio.run(ingest())
    return report.documents


def _runtime_factory(data_dir: Path) -> Any:
    async def factory() -> Any:
        from rag_core.runtime import build_runtime

        return await build_runtime(RagSettings(data_dir=data_dir))

    return factory


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "p50": round(statistics.median(ordered), 3),
        "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 3),
        "n": len(ordered),
    }


def _sentence(rng: random.Random) -> tuple[str, str, str]:
    kind = rng.random()
    if kind < 0.6:
        name, unit = rng.choice(LABS)
        return f"{name}: {rng.uniform(1, 200):.1f} {unit}", "Observation", name
    if kind < 0.8:
        drug = rng.choice(DRUGS)
        return f"Medication prescribed: {drug}. Status active.", "MedicationRequest", drug
    section = rng.choice(SECTIONS)
    return (f"Clinical note — {section}: patient seen for follow up of {rng.choice(DRUGS).split()[0]} therapy",
            "DocumentReference", section)


async def fill_corpus(index: EdgeIndex, chunks: int, patients: int, embedder: CachedEmbedder,
                      rng: random.Random) -> float:
    """``chunks`` generated chunks over ``patients`` bench patients into ``index``; returns the seconds taken."""
    pool = [_sentence(rng) for _ in range(2000)]
    pool_vectors = embedder.embed([p[0] for p in pool])
    bm25 = Bm25Encoder()
    started = time.perf_counter()
    batch: list[IndexedChunk] = []
    for i in range(chunks):
        base = rng.randrange(len(pool))
        text, rtype, concept = pool[base]
        day = rng.randrange(2000, 2024) * 10000 + rng.randrange(1, 13) * 100 + rng.randrange(1, 29)
        date = f"{day // 10000}-{day // 100 % 100:02d}-{day % 100:02d}"
        full = f"{text} on {date}."
        chunk = Chunk(id=str(uuid.UUID(int=i + 1)), patient_id=f"bench-{i % patients}", text=full, resource_type=rtype,
                      resource_id=f"r{i}", concepts=(concept,), effective_day=day, effective_date=date, end=len(full))
        batch.append(IndexedChunk(chunk, pool_vectors[base], bm25.document(full)))
        if len(batch) == 1000:
            await index.upsert(PATIENT_DATA, batch)
            batch = []
    await index.upsert(PATIENT_DATA, batch)
    return time.perf_counter() - started


async def bench_query(chunks: int, patients: int, queries: int, embedder: CachedEmbedder, work: Path) -> dict[str, Any]:
    rng = random.Random(7)
    index = EdgeIndex(work / "bench-corpus", embedder.dimension)
    await index.ensure()
    bm25 = Bm25Encoder()
    load_s = await fill_corpus(index, chunks, patients, embedder, rng)
    timings: list[float] = []
    filtered: list[float] = []
    for i in range(queries):
        question = QUESTIONS[i % len(QUESTIONS)]
        dense = embedder.embed([question])[0]
        sparse = bm25.query(question)
        scope = PatientScope.full(f"bench-{rng.randrange(patients)}", "bench")
        q = HybridQuery(question, dense, sparse.indices, sparse.values, SearchFilter(), 25)
        t0 = time.perf_counter()
        hits = await index.search(PATIENT_DATA, q, scope)
        timings.append((time.perf_counter() - t0) * 1000)
        assert all(h.chunk.patient_id == scope.patient_id for h in hits)
        q2 = HybridQuery(question, dense, sparse.indices, sparse.values,
                         SearchFilter(resource_types=frozenset({"Observation"}), day_from=20150101, day_to=20231231), 25)
        t0 = time.perf_counter()
        await index.search(PATIENT_DATA, q2, scope)
        filtered.append((time.perf_counter() - t0) * 1000)
    total = await index.total_points(PATIENT_DATA)
    await index.close()
    return {"query_ms": percentiles(timings), "query_with_type_and_date_filter_ms": percentiles(filtered), "chunks": total,
            "patients": patients, "corpus_load_s": round(load_s, 1)}


def ask_questions(docs: list[ClinicalDocument], per_patient: int = 30) -> list[tuple[str, str, str]]:
    """Distinct questions of every kind the product answers, built from each patient's own chart."""
    rng = random.Random(11)
    out: list[tuple[str, str, str]] = []
    by_patient: dict[str, list[ClinicalDocument]] = {}
    for doc in docs:
        by_patient.setdefault(doc.patient_id, []).append(doc)
    for patient, items in by_patient.items():
        now = max(d.effective_date or "" for d in items)
        labs = sorted({d.concepts[0] for d in items if d.source.resource_type == "Observation"})
        drugs = sorted({d.concepts[0] for d in items if d.source.resource_type == "MedicationRequest"})
        notes = sorted({d.effective_date for d in items if d.kind == "note" and d.effective_date})
        years = sorted({(d.effective_date or "")[:4] for d in items if d.effective_date})
        candidates = [f"What was the most recent {lab} result?" for lab in labs]
        candidates += [f"How has the {lab} changed over the last 18 months?" for lab in labs]
        candidates += [f"Has the patient ever been prescribed {drug}?" for drug in drugs]
        candidates += [f"What did the clinical note from the visit on {day} say in its assessment and plan?"
                       for day in notes]
        candidates += [f"Which medications were prescribed in {year}?" for year in years]
        candidates += ["What allergies are documented for this patient?", "Any history of falls or injuries?"]
        for question in rng.sample(candidates, min(per_patient, len(candidates))):
            out.append((patient, question, now))
    rng.shuffle(out)
    return out


async def bench_ingest(bundles: list[Path], work: Path) -> tuple[dict[str, Any], Path, list[ClinicalDocument]]:
    data_dir = work / "bench-ingest"
    model = SentenceTransformerEmbedder()
    embedder = CachedEmbedder(model, LruVectorCache(1))  # cold: every text reaches the model
    index = EdgeIndex(data_dir, model.dimension)
    await index.ensure()
    docs = [d for b in bundles for d in load_path(b).documents]
    started = time.perf_counter()
    stats = await Indexer(index, embedder, Bm25Encoder()).index_documents(docs)
    elapsed = time.perf_counter() - started
    await index.close()
    return {"ingest_chunks_per_s": round(stats.chunks / elapsed, 1), "ingest_chunks": stats.chunks,
            "ingest_s": round(elapsed, 2)}, data_dir, docs


def bench_ask(data_dir: Path, questions: list[tuple[str, str, str]]) -> dict[str, Any]:
    port = free_port()
    timings: list[float] = []
    token = secrets.token_urlsafe(16)
    app = build_app(RagSettings(data_dir=data_dir), SmartSettings(api_token=token))
    with serving(app, port) as base, httpx.Client(base_url=base, timeout=30,
                                                  headers={"Authorization": f"Bearer {token}"}) as client:
        patient, _, now = questions[0]  # warm-up: model, shards and connection; a question not timed below
        client.post("/api/ask", json={"patient_id": patient, "question": "warm up", "now": now}).raise_for_status()
        for patient, question, now in questions:  # each question once: no embedding-cache hits across rounds
            t0 = time.perf_counter()
            client.post("/api/ask", json={"patient_id": patient, "question": question, "now": now,
                                          "requester": "bench"}).raise_for_status()
            timings.append((time.perf_counter() - t0) * 1000)
    return {"ask_ms": percentiles(timings)}


def bench_embedding(rounds: int = 50) -> dict[str, Any]:
    model = SentenceTransformerEmbedder()
    embedder = CachedEmbedder(model, LruVectorCache(10_000))
    uncached, cached = [], []
    for i in range(rounds):
        text = f"What was the most recent result number {i} for this patient?"
        t0 = time.perf_counter()
        embedder.embed([text])
        uncached.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        embedder.embed([text])
        cached.append((time.perf_counter() - t0) * 1000)
    return {"embed_uncached_ms": round(statistics.median(uncached), 3),
            "embed_cached_ms": round(statistics.median(cached), 4)}


async def run_retrieval_bench(chunks: int, patients: int, queries: int, bundles: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="chartrag-bench-") as tmp:
        work = scratch_dir(tmp)
        report: dict[str, Any] = {}
        report.update(bench_embedding())
        ingest, data_dir, docs = await bench_ingest(bundles, work)
        report.update(ingest)
        questions = ask_questions(docs)
        report.update(await asyncio.to_thread(bench_ask, data_dir, questions))
        embedder = CachedEmbedder(SentenceTransformerEmbedder(), LruVectorCache(10_000))
        # the same questions again once the shipped patients share their index with ``chunks`` other chunks
        index = EdgeIndex(data_dir, embedder.dimension)
        await index.ensure()
        await fill_corpus(index, chunks, patients, embedder, random.Random(5))
        report["ask_corpus_chunks"] = await index.total_points(PATIENT_DATA)
        await index.close()
        report["ask_at_corpus_ms"] = (await asyncio.to_thread(bench_ask, data_dir, questions))["ask_ms"]
        report.update(await bench_query(chunks, patients, queries, embedder, work))
    return report


def _launched_client(app_url: str, ehr_url: str, patient: str) -> tuple[httpx.Client, str]:
    """An EHR launch through the sandbox, as a browser would do it; returns the client and CSRF token."""
    import re

    client = httpx.Client(timeout=30)
    page = client.get(f"{ehr_url}/ehr/patient/{patient}").text
    match = re.search(r"<iframe title='ChartRAG'[^>]* src='([^']+)'", page)
    if match is None:
        raise RuntimeError("sandbox EHR page has no launch iframe")
    response = client.get(match.group(1).replace("&amp;", "&"))
    while response.status_code in (302, 303):
        location = response.headers["location"]
        response = client.get(location if location.startswith("http") else app_url + location)
    csrf = re.search(r'data-csrf="([^"]+)"', response.text)
    if response.status_code != 200 or csrf is None:
        raise RuntimeError(f"launch failed with HTTP {response.status_code}")
    return client, csrf.group(1)


def bench_app(bundles: list[Path], work: Path) -> dict[str, Any]:
    """Time to the first streamed claim and to the full answer through the SMART app's HTTP API."""
    from sandbox_ehr.app import create_sandbox
    from smart_app.app import create_app
    from smart_app.settings import SmartSettings

    data_dir = work / "bench-app"
    docs = _indexed(bundles, data_dir)
    app_port, ehr_port = free_port(), free_port()
    app_url, ehr_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{ehr_port}"
    smart = SmartSettings(base_url=app_url, allowed_issuers=[f"{ehr_url}/fhir"])
    first: list[float] = []
    full: list[float] = []
    by_patient: dict[str, list[str]] = {}
    for patient, question, _ in ask_questions(docs, per_patient=20):
        by_patient.setdefault(patient, []).append(question)
    with serving(create_sandbox(bundles[0].parent, ehr_url, app_url), ehr_port), \
            serving(create_app(_runtime_factory(data_dir), smart), app_port):
        for patient, questions in by_patient.items():
            client, csrf = _launched_client(app_url, ehr_url, patient)
            try:
                for question in questions:
                    t0 = time.perf_counter()
                    got_first = None
                    with client.stream("POST", f"{app_url}/app/ask", json={"question": question},
                                       headers={"X-CSRF-Token": csrf}) as response:
                        response.raise_for_status()
                        for line in response.iter_lines():
                            if got_first is None and line.startswith("event: "):
                                got_first = (time.perf_counter() - t0) * 1000
                    full.append((time.perf_counter() - t0) * 1000)
                    first.append(got_first if got_first is not None else full[-1])
            finally:
                client.close()
    return {"first_claim_ms": percentiles(first), "answer_ms": percentiles(full)}


def bench_cds(bundles: list[Path], work: Path, rounds: int = 20) -> dict[str, Any]:
    """patient-view through HTTP: cold (summary cache emptied before each call) and warm."""
    import uuid as _uuid

    from joserfc import jwt as _jwt
    from joserfc.jwk import ECKey

    from cds_hooks.routes import build_cds_router
    from cds_hooks.settings import CdsSettings
    from smart_app.app import create_app

    data_dir = work / "bench-cds"
    docs = _indexed(bundles, data_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    key = ECKey.generate_key("P-384", parameters={"kid": "bench"}, private=True)
    iss = "https://bench-ehr.example.org"
    settings = CdsSettings(base_url=base, trusted_jwks={iss: {"keys": [key.as_dict(private=False)]}})
    app = create_app(_runtime_factory(data_dir))
    router, cache = build_cds_router(settings, httpx.AsyncClient())
    app.include_router(router)
    url = f"{base}/cds-services/chart-summary"
    patients = sorted({d.patient_id for d in docs})

    def call(client: httpx.Client, patient: str) -> float:
        now = int(time.time())
        token = _jwt.encode({"alg": "ES384", "kid": "bench", "typ": "JWT"},
                            {"iss": iss, "aud": url, "iat": now, "exp": now + 60, "jti": str(_uuid.uuid4())},
                            key, algorithms=["ES384"])
        body = {"hook": "patient-view", "hookInstance": str(_uuid.uuid4()),
                "context": {"userId": "Practitioner/bench", "patientId": patient}}
        t0 = time.perf_counter()
        client.post(url, json=body, headers={"Authorization": f"Bearer {token}"}).raise_for_status()
        return (time.perf_counter() - t0) * 1000

    cold: list[float] = []
    warm: list[float] = []
    with serving(app, port), httpx.Client(timeout=30) as client:
        call(client, patients[0])  # connection and model warm-up, not timed
        for _ in range(rounds):
            for patient in patients:
                cache.invalidate(patient)
                cold.append(call(client, patient))
                warm.append(call(client, patient))
    return {"cold_ms": percentiles(cold), "warm_ms": percentiles(warm), "patients": len(patients)}

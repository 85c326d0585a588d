from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Provider keys are taken out of the environment so every test but the ``live`` ones stays offline;
# those get them back explicitly (tests/test_live_models.py).
LIVE_KEYS = {name: os.environ.pop(name) for name in ("ANTHROPIC_API_KEY", "COHERE_API_KEY") if os.environ.get(name)}

ROOT = Path(__file__).resolve().parent.parent
SYNTHEA = ROOT / "data" / "synthea"
BEATRIS = SYNTHEA / "Beatris270_Bogan287_5b3645de-a2d0-d016-0839-bab3757c4c58.json"
EDYTHE = SYNTHEA / "Edythe31_Morar593_9c3df38a-d3b7-2198-3898-51f9153d023d.json"
ALLEN = SYNTHEA / "Allen322_Ferry570_ad134528-56a5-35fd-c37f-466ff119c625.json"
ALLEN_ID = "ad134528-56a5-35fd-c37f-466ff119c625"
GENERATED_LABS = ROOT / "data" / "generated" / "synth1_3e9b768f-ae40-01e3-880c-b401a0506098.json"
GENERATED_LABS_ID = "3e9b768f-ae40-01e3-880c-b401a0506098"
BEATRIS_ID = "5b3645de-a2d0-d016-0839-bab3757c4c58"
EDYTHE_ID = "9c3df38a-d3b7-2198-3898-51f9153d023d"
REDIS_URL = os.environ.get("CHARTRAG_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


class HashEmbedder:
    """Deterministic bag-of-words vectors: a fake of the Embedder port for index unit tests only."""

    model_id = "test/hash-embedder"
    dimension = 64

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        self.texts += len(texts)
        out = []
        for text in texts:
            vec = np.zeros(self.dimension, dtype=np.float32)
            for word in text.lower().split():
                vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
            norm = float(np.linalg.norm(vec)) or 1.0
            out.append((vec / norm).tolist())
        return out


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture(scope="session")
def real_embedder():  # type: ignore[no-untyped-def]
    from rag_core.embedding import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@asynccontextmanager
async def offline_service(data_dir: Path, embedder: Any, documents: list[Any]) -> AsyncIterator[Any]:
    """The real offline pipeline (Edge index, given embedder, extractive generator) over ``documents``."""
    from rag_core.audit import AuditKey, JsonlAuditLog
    from rag_core.generation import ExtractiveGenerator
    from rag_core.index.edge import EdgeIndex
    from rag_core.indexing import Indexer
    from rag_core.rerank import ClinicalSignalReranker
    from rag_core.retrieval import Retriever
    from rag_core.service import ChartService
    from rag_core.sparse import Bm25Encoder

    index = EdgeIndex(data_dir, embedder.dimension)
    await index.ensure()
    sparse = Bm25Encoder()
    await Indexer(index, embedder, sparse).index_documents(documents)
    retriever = Retriever(index, embedder, sparse, ClinicalSignalReranker(embedder))
    try:
        yield ChartService(retriever, ExtractiveGenerator(), JsonlAuditLog(data_dir / "audit.jsonl",
                                                                           AuditKey.load(None, data_dir / "audit.key")))
    finally:
        await index.close()


@pytest.fixture(scope="session")
async def two_patient_runtime(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[object]:
    """The real pipeline (Edge index, MiniLM, extractive generator) over two shared patients."""

    from rag_core.documents import load_path
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    data_dir = tmp_path_factory.mktemp("e2e")
    runtime = await build_runtime(RagSettings(data_dir=data_dir, redis_url=None))
    for path in (BEATRIS, EDYTHE):
        await runtime.indexer.index_documents(load_path(path).documents)
    yield runtime
    await runtime.close()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """ChartRAG and the sandbox EHR on loopback ports, over an index of one shared patient."""
    import asyncio

    import httpx

    from cds_hooks.routes import build_cds_router
    from cds_hooks.settings import CdsSettings
    from chartrag.guidelines_cli import sample_guidelines
    from rag_core.documents import load_path
    from rag_core.guidelines import ingest_guideline
    from rag_core.runtime import Runtime, build_runtime
    from rag_core.settings import RagSettings
    from sandbox_ehr.app import create_sandbox
    from smart_app.app import create_app
    from smart_app.settings import SmartSettings
    from tests.servers import free_port, serving

    data_dir = tmp_path_factory.mktemp("smart")

    async def ingest() -> None:
        runtime = await build_runtime(RagSettings(data_dir=data_dir))
        await runtime.indexer.index_documents(load_path(EDYTHE).documents)
        await runtime.indexer.index_documents(load_path(GENERATED_LABS).documents)  # ranges and H/L flags
        await runtime.indexer.index_documents(load_path(ALLEN).documents)  # a card with "and N more"
        for guideline in sample_guidelines():  # guideline citations beside the chart
            await ingest_guideline(runtime.indexer, guideline)
        await runtime.close()

    asyncio.run(ingest())
    app_port, ehr_port = free_port(), free_port()
    app_url, ehr_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{ehr_port}"
    fhir = f"{ehr_url}/fhir"
    settings = SmartSettings(base_url=app_url, allowed_issuers=[fhir], standalone_issuer=fhir,
                             standalone_scope="launch/patient openid fhirUser patient/Condition.rs",
                             frame_ancestors=f"'self' {ehr_url}")

    async def runtime() -> Runtime:
        return await build_runtime(RagSettings(data_dir=data_dir))

    app = create_app(runtime, settings)
    cds = CdsSettings(base_url=app_url, trusted_jku={ehr_url: [f"{ehr_url}/cds/jwks"]},
                      smart_launch_url=f"{app_url}/launch", http_link_hosts=["127.0.0.1"])
    router, _ = build_cds_router(cds, httpx.AsyncClient(timeout=5.0))
    app.include_router(router)
    sandbox = create_sandbox([SYNTHEA, GENERATED_LABS.parent], ehr_url, app_url, cds_base=app_url)
    with serving(sandbox, ehr_port), serving(app, app_port):
        yield {"app": app_url, "ehr": ehr_url, "fhir": fhir, "data_dir": data_dir, "asgi": app}

"""schemathesis over every HTTP operation the product app publishes (JSON API, health, notification
endpoint, AuditEvent search, CDS Hooks), with valid credentials so generated bodies reach the parsers:
no generated request may produce a 5xx."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from cds_hooks.settings import CdsSettings
from chartrag.http import build_app
from fhir_ingest.settings import IngestSettings
from rag_core.documents import load_path
from rag_core.runtime import build_runtime
from rag_core.settings import RagSettings
from smart_app.settings import SmartSettings
from tests.conftest import EDYTHE
from tests.ingest_helpers import SECRET

pytestmark = pytest.mark.slow
TOKEN, READER = "fuzz-api-token", "fuzz-audit-token"


@pytest.fixture(scope="module")
def app_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    data_dir: Path = tmp_path_factory.mktemp("fuzz")

    async def ingest() -> None:
        runtime = await build_runtime(RagSettings(data_dir=data_dir))
        await runtime.indexer.index_documents(load_path(EDYTHE).documents)
        await runtime.close()

    asyncio.run(ingest())
    app = build_app(RagSettings(data_dir=data_dir, audit_reader_token=READER), SmartSettings(api_token=TOKEN),
                    CdsSettings(), IngestSettings(channel_secret=SECRET, redis_url=None, workers=0))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations(schema: Any) -> list[Any]:
    return [r.ok() for r in schema.get_all_operations()]


def test_every_operation_is_fuzzed_without_a_server_error(app_schema: Any) -> None:
    operations = _operations(app_schema)
    labels = {op.label for op in operations}
    assert {"POST /api/ask", "GET /healthz", "POST /fhir/notify", "GET /fhir/AuditEvent"} <= labels, labels
    headers = {"Authorization": f"Bearer {TOKEN}", "X-Subscription-Secret": SECRET}
    failures: list[str] = []
    def fuzz(operation: Any) -> None:
        extra = {"Authorization": f"Bearer {READER}"} if "AuditEvent" in operation.label else {}

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case: Any) -> None:
            response = case.call(headers={**(case.headers or {}), **headers, **extra})
            if response.status_code >= 500:
                failures.append(f"{operation.label}: {response.status_code}")

        check()

    for operation in operations:
        fuzz(operation)
    assert not failures, failures
    assert len(labels) >= 8, labels  # the CDS and notification routes too

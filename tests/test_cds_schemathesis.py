"""schemathesis against the CDS service's own OpenAPI 3.1 description, in process, with a hook that
signs a fresh JWT for each generated request: no 5xx, every response matches the schema."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from joserfc import jwt
from joserfc.jwk import ECKey

from cds_hooks.routes import build_cds_router
from cds_hooks.settings import CdsSettings
from rag_core.documents import load_path
from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings
from smart_app.app import create_app
from tests.conftest import EDYTHE

pytestmark = pytest.mark.slow
BASE = "http://cds.schemathesis"
ISS = "https://ehr.example.org"
KEY = ECKey.generate_key("P-384", parameters={"kid": "st-1"}, private=True)


def fresh_token(path: str) -> str:
    now = int(time.time())
    claims = {"iss": ISS, "aud": BASE + path, "iat": now, "exp": now + 120, "jti": str(uuid.uuid4())}
    return jwt.encode({"alg": "ES384", "kid": "st-1", "typ": "JWT"}, claims, KEY, algorithms=["ES384"])


@pytest.fixture(scope="module")
def cds_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    data_dir: Path = tmp_path_factory.mktemp("cds-st")

    async def ingest() -> None:
        runtime = await build_runtime(RagSettings(data_dir=data_dir))
        await runtime.indexer.index_documents(load_path(EDYTHE).documents)
        await runtime.close()

    asyncio.run(ingest())

    async def factory() -> Runtime:
        return await build_runtime(RagSettings(data_dir=data_dir))

    app = create_app(factory)
    settings_ = CdsSettings(base_url=BASE, trusted_jwks={ISS: {"keys": [KEY.as_dict(private=False)]}})
    offline = httpx.AsyncClient(transport=httpx.MockTransport(lambda request: httpx.Response(404)))
    router, _ = build_cds_router(settings_, offline)  # generated fhirServer URLs never leave the process
    app.include_router(router)
    return schemathesis.openapi.from_asgi("/cds-hooks/openapi.json", app)


@pytest.mark.parametrize("operation", ["GET /cds-services", "POST /cds-services/{service_id}",
                                       "POST /cds-services/{service_id}/feedback"])
def test_cds_service_honours_its_openapi(cds_schema: Any, operation: str) -> None:
    """schemathesis' own pytest plugin does not run on this pytest; its strategies drive hypothesis here."""
    from hypothesis import given

    found = [r.ok() for r in cds_schema.get_all_operations() if r.ok().label == operation]
    assert found, operation

    @given(case=found[0].as_strategy())
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        headers = {**(case.headers or {}), "Authorization": f"Bearer {fresh_token(case.formatted_path)}"}
        case.call_and_validate(headers=headers)  # no 5xx, status and body conform to the schema

    check()

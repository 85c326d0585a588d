"""The SMART client against EHR behaviour that broke or misled it: short-lived tokens, the token going
where it should not, revocation mid-session, every launch error the reference launcher can simulate,
narrow and category-limited scopes. Real loopback HTTP to the sandbox EHR; every request ChartRAG makes
(FHIR reads, discovery, OAuth, id_token keys) is recorded so the tests can say where the token went."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import httpx
import httpx2
import pytest

from tests.conftest import EDYTHE, EDYTHE_ID, SYNTHEA

pytestmark = pytest.mark.slow
MAYE_ID = "04f25f73-04b2-469c-3806-540417a0d61c"  # deceased in her Synthea record


class Recorded:
    """(url, Authorization header) of every request ChartRAG sent, through either HTTP client."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []

    async def httpx_hook(self, request: httpx.Request) -> None:
        self.requests.append((str(request.url), request.headers.get("authorization", "")))

    def transport(self) -> httpx2.AsyncHTTPTransport:
        log = self.requests

        class Recording(httpx2.AsyncHTTPTransport):
            async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
                log.append((str(request.url), request.headers.get("authorization", "")))
                return await super().handle_async_request(request)

        return Recording()


@pytest.fixture(scope="module")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from rag_core.documents import load_path
    from rag_core.runtime import Runtime, build_runtime
    from rag_core.settings import RagSettings
    from sandbox_ehr.app import create_sandbox
    from smart_app.app import create_app
    from smart_app.settings import SmartSettings
    from tests.servers import free_port, serving

    data_dir = tmp_path_factory.mktemp("hardening")

    async def ingest() -> None:
        runtime = await build_runtime(RagSettings(data_dir=data_dir))
        await runtime.indexer.index_documents(load_path(EDYTHE).documents)
        await runtime.close()

    asyncio.run(ingest())
    app_port, ehr_port = free_port(), free_port()
    app_url, ehr_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{ehr_port}"
    fhir = f"{ehr_url}/fhir"
    recorded = Recorded()
    settings = SmartSettings(base_url=app_url, allowed_issuers=[fhir], frame_ancestors=f"'self' {ehr_url}")

    async def runtime() -> Runtime:
        return await build_runtime(RagSettings(data_dir=data_dir))

    client = httpx.AsyncClient(timeout=10.0, event_hooks={"request": [recorded.httpx_hook]})
    app = create_app(runtime, settings, http_client=client, oauth_transport=recorded.transport())
    sandbox = create_sandbox(SYNTHEA, ehr_url, app_url)
    with serving(sandbox, ehr_port), serving(app, app_port):
        yield {"app": app_url, "ehr": ehr_url, "fhir": fhir, "recorded": recorded, "data_dir": data_dir,
               "sandbox": sandbox}


def launch(rig: dict[str, Any], client: httpx.Client, patient: str = EDYTHE_ID, **options: Any) -> httpx.Response:
    """EHR launch with the sandbox's per-launch options; returns ChartRAG's answer to the callback."""
    query = "&".join(f"{k}={quote(str(v))}" for k, v in options.items())
    page = client.get(f"{rig['ehr']}/ehr/patient/{patient}" + (f"?{query}" if query else "")).text
    src = re.search(r"<iframe title='ChartRAG'[^>]* src='([^']+)'", page).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    to_ehr = client.get(src)
    assert to_ehr.status_code == 302
    back = client.get(to_ehr.headers["location"])
    assert back.status_code == 302 and back.headers["location"].startswith(rig["app"] + "/callback?")
    return client.get(back.headers["location"])


def csrf_of(page: str) -> str:
    return re.search(r'data-csrf="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def ask(rig: dict[str, Any], client: httpx.Client, csrf: str, question: str) -> httpx.Response:
    return client.post(rig["app"] + "/app/ask", json={"question": question}, headers={"X-CSRF-Token": csrf})


def audit_events(rig: dict[str, Any]) -> list[dict[str, Any]]:
    path = rig["data_dir"] / "audit.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_thirty_second_tokens_launch_and_the_token_goes_only_to_its_fhir_server(rig: dict[str, Any]) -> None:
    recorded: Recorded = rig["recorded"]
    with httpx.Client() as client:
        start = len(recorded.requests)
        assert launch(rig, client, token_ttl=30).status_code == 303
        page = client.get(rig["app"] + "/app")
        assert page.status_code == 200 and "Edythe31" in page.text
        answer = ask(rig, client, csrf_of(page.text), "What allergies are documented?")
        assert answer.status_code == 200 and "event: claim" in answer.text
    sent = recorded.requests[start:]
    keys = [u for u, _ in sent if "openid-configuration" in u or "/auth/jwks" in u]
    assert len(keys) == 2  # the id_token was checked against the issuer's published keys
    bearer = [(u, a) for u, a in sent if a.lower().startswith("bearer ")]
    assert bearer and all(u.startswith(rig["fhir"] + "/") for u, _ in bearer)  # never discovery, keys or token URLs
    assert all(not a for u, a in sent if not u.startswith(rig["fhir"] + "/") and "/auth/token" not in u)


def test_a_short_token_is_refreshed_before_it_lapses(rig: dict[str, Any]) -> None:
    recorded: Recorded = rig["recorded"]
    with httpx.Client() as client:
        assert launch(rig, client, token_ttl=4).status_code == 303
        page = client.get(rig["app"] + "/app")
        before = sum("/auth/token" in u for u, _ in recorded.requests)
        time.sleep(3.2)  # inside the last quarter of its 4 s life: due for a refresh
        answer = ask(rig, client, csrf_of(page.text), "What allergies are documented?")
        assert answer.status_code == 200 and "event: claim" in answer.text
        assert sum("/auth/token" in u for u, _ in recorded.requests) == before + 1


def test_the_ehr_revoking_the_token_ends_the_answering_session(rig: dict[str, Any]) -> None:
    with httpx.Client() as client:
        assert launch(rig, client).status_code == 303
        page = client.get(rig["app"] + "/app")
        csrf = csrf_of(page.text)
        assert ask(rig, client, csrf, "What allergies are documented?").status_code == 200
        assert client.post(f"{rig['ehr']}/ehr/patient/{EDYTHE_ID}/revoke").status_code in (200, 303)
        refused = ask(rig, client, csrf, "What allergies are documented?")
        assert refused.status_code == 401 and "event: claim" not in refused.text
        body = refused.json()
        assert body["relaunch"] is True and body["title"] == "Your EHR session ended"
        assert "Relaunch" in body["detail"]
        again = client.get(rig["app"] + "/app")  # the session's tokens are gone, not retried forever
        assert again.status_code == 401 and "Launch ChartRAG from your EHR" in again.text
    ended = [e for e in audit_events(rig) if e.get("event") == "session_ended"]
    assert ended and ended[-1]["patient_id"] == EDYTHE_ID and ended[-1]["outcome"].startswith("ehr_rejected:")


# (sandbox option, where ChartRAG ends, status, words the page must say) — the reference launcher's list
SIMULATED = [
    ("auth_invalid_client_id", "callback", 401, "does not recognise ChartRAG"),
    ("auth_invalid_redirect_uri", "callback", 401, "rejected the sign-in request"),
    ("auth_invalid_scope", "callback", 401, "would not grant the access"),
    ("auth_invalid_client_secret", "callback", 401, "does not recognise ChartRAG"),
    ("token_invalid_token", "callback", 401, "does not recognise ChartRAG"),
    ("request_invalid_token", "app", 401, "Your EHR session ended"),
    ("request_expired_token", "app", 401, "Your EHR session ended"),
]


@pytest.mark.parametrize(("sim", "where", "status", "words"), SIMULATED, ids=[s[0] for s in SIMULATED])
def test_each_simulated_launch_error_ends_on_a_page_that_says_what_happened(
    rig: dict[str, Any], sim: str, where: str, status: int, words: str
) -> None:
    with httpx.Client() as client:
        response = launch(rig, client, sim_error=sim)
        if where == "app":
            assert response.status_code == 303
            response = client.get(rig["app"] + "/app")
        assert response.status_code == status and response.status_code != 500
        assert words in response.text and "Traceback" not in response.text
        assert "from the patient" in response.text  # says what to do next


def test_an_expired_refresh_token_ends_the_session_with_json_the_page_can_show(rig: dict[str, Any]) -> None:
    with httpx.Client() as client:
        assert launch(rig, client, token_ttl=2, sim_error="token_expired_refresh_token").status_code == 303
        page = client.get(rig["app"] + "/app")
        time.sleep(1.7)
        refused = ask(rig, client, csrf_of(page.text), "What allergies are documented?")
        assert refused.status_code == 401 and refused.json()["relaunch"] is True
        assert "would not renew this session" in refused.json()["ehr_said"]  # invalid_grant, in plain words


def test_state_and_pkce_failures_end_on_readable_pages(rig: dict[str, Any]) -> None:
    with httpx.Client() as client:
        bogus = client.get(rig["app"] + "/callback?state=not-ours&code=x")
        assert bogus.status_code == 400 and "relaunch" in bogus.text.lower()
        # two launches in one browser: launch B's state with launch A's code fails the PKCE check at the EHR
        pages = []
        for _ in range(2):
            page = client.get(f"{rig['ehr']}/ehr/patient/{EDYTHE_ID}").text
            src = re.search(r"src='([^']+)'></iframe>", page).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
            to_ehr = client.get(src)
            back = client.get(to_ehr.headers["location"])
            pages.append({k: v[0] for k, v in parse_qs(urlparse(back.headers["location"]).query).items()})
        mixed = client.get(f"{rig['app']}/callback?state={pages[1]['state']}&code={pages[0]['code']}")
        assert mixed.status_code == 401 and "PKCE" in mixed.text


def test_without_a_patient_scope_the_banner_comes_from_the_launch_context(rig: dict[str, Any]) -> None:
    recorded: Recorded = rig["recorded"]
    with httpx.Client() as client:
        start = len(recorded.requests)
        assert launch(rig, client, scope="patient/Condition.rs").status_code == 303
        page = client.get(rig["app"] + "/app")
        assert page.status_code == 200 and "Patient in context" in page.text and "Edythe31" not in page.text
        assert "no Patient scope" in page.text and "may read only: Condition" in page.text
        assert not [u for u, _ in recorded.requests[start:] if "/fhir/Patient/" in u]  # nothing read without scope


def test_category_limits_and_death_are_shown(rig: dict[str, Any]) -> None:
    with httpx.Client() as client:
        scope = "patient/Patient.rs patient/Observation.rs?category=laboratory"
        assert launch(rig, client, scope=scope).status_code == 303
        page = client.get(rig["app"] + "/app")
        assert "Observation (laboratory only)" in page.text
    with httpx.Client() as client:
        assert launch(rig, client, MAYE_ID).status_code == 303
        page = client.get(rig["app"] + "/app")
        assert page.status_code == 200 and re.search(r'class="deceased">Deceased \d{4}-\d{2}-\d{2}<', page.text)


def test_an_ehr_error_description_is_logged_clean_and_shown(rig: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    with httpx.Client() as client:
        page = client.get(f"{rig['ehr']}/ehr/patient/{EDYTHE_ID}").text
        src = re.search(r"src='([^']+)'></iframe>", page).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
        state = parse_qs(urlparse(client.get(src).headers["location"]).query)["state"][0]
        description = "The user said no\r\n<script>x</script>" + "z" * 500
        with caplog.at_level("WARNING", logger="chartrag.smart"):
            denied = client.get(f"{rig['app']}/callback", params={"state": state, "error": "access_denied",
                                                                   "error_description": description})
    assert denied.status_code == 403 and "declined at the EHR" in denied.text
    assert "&lt;script&gt;" in denied.text and "<script>x" not in denied.text  # escaped, never markup
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "access_denied" in logged and "\r" not in logged and "z" * 201 not in logged
    failed = [e for e in audit_events(rig) if e.get("event") == "launch" and e.get("outcome") == "failed:access_denied"]
    assert failed
    with httpx.Client() as client:  # an error link without this browser's state is not believed
        crafted = client.get(f"{rig['app']}/callback", params={"state": "forged", "error": "access_denied",
                                                                "error_description": "Call 555-0100 to restore access"})
    assert crafted.status_code == 400 and "555-0100" not in crafted.text

"""A served ``chartrag serve --traces`` (its own process, as an operator runs it) attacked the way the outside
review did: 40 unauthenticated 20 MB uploads to ``/fhir/notify`` must leave its resident memory where it
was (they are refused from their headers, their bodies never read); an upload that stalls is answered 408
and its connection closed; and neither the printed spans nor the access log carry a patient id, a query or
a SMART ``launch`` value — only route templates."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from chartrag.bench_fuzz import flood_memory
from chartrag.bench_readers import _wait_ready
from chartrag.serving import free_port

pytestmark = pytest.mark.slow
SECRET, TOKEN, READER = "served-channel-secret", "served-api-token", "served-reader-token"
PATIENT, OTHER, LAUNCH = "pt-7781-quince", "pt-5523-marlow", "lnch-secret-93af71"


@dataclass
class Served:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    work = tmp_path_factory.mktemp("served")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CHARTRAG_DATA_DIR")}
    env |= {"CHARTRAG_INGEST_CHANNEL_SECRET": SECRET, "CHARTRAG_SMART_API_TOKEN": TOKEN,
            "CHARTRAG_AUDIT_READER_TOKEN": READER, "CHARTRAG_INGEST_WORKERS": "0",
            "CHARTRAG_HTTP_BODY_READ_TIMEOUT_SECONDS": "1", "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    log = work / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen([str(Path(sys.executable).with_name("chartrag")), "serve", "--traces",
                                    "--data-dir", str(work / "data"), "--port", str(port)],
                                   env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process)
        yield Served(url, process, log)
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_an_unauthenticated_flood_leaves_no_memory_behind(served: Served) -> None:
    with httpx.Client(base_url=served.url, timeout=30) as client:  # the first requests' own allocations
        for _ in range(5):
            client.post("/fhir/notify", content=b"{}", headers={"Content-Type": "application/fhir+json"})
    flood = flood_memory(served.url, served.process.pid, uploads=40, size=20_000_000, concurrency=20)
    assert flood["outcomes"] and set(flood["outcomes"]) <= {"401", "closed"}, flood
    rss = flood["rss_mb"]
    assert rss["after"] - rss["before"] < 100, flood  # measured before the fix: ~800 MB, never returned
    assert httpx.get(f"{served.url}/healthz", timeout=30).status_code == 200


def test_a_stalled_upload_is_answered_408_and_closed(served: Served) -> None:
    port = int(served.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(b"POST /fhir/notify HTTP/1.1\r\nHost: t\r\nX-Subscription-Secret: " + SECRET.encode() +
                     b"\r\nContent-Type: application/fhir+json\r\nContent-Length: 5000\r\n\r\n{\"resourceType\"")
        received = b""
        while chunk := conn.recv(65536):  # until the server closes the connection
            received += chunk
    assert received.startswith(b"HTTP/1.1 408"), received[:200]
    assert b"OperationOutcome" in received


def _routes_seen(text: str) -> set[str]:
    return set(re.findall(r'"http\.route": "([^"]+)"', text))


def test_spans_and_the_access_log_carry_route_templates_only(served: Served) -> None:
    patient = {"resourceType": "Patient", "id": PATIENT, "name": [{"family": "Quince"}]}
    notify = {"X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"}
    reader = {"Authorization": f"Bearer {READER}"}
    with httpx.Client(base_url=served.url, timeout=30) as client:
        assert client.put(f"/fhir/notify/Patient/{PATIENT}", json=patient, headers=notify).status_code == 200
        assert client.delete(f"/fhir/notify/Patient/{OTHER}", headers=notify).status_code == 200
        assert client.put(f"/fhir/notify/Patient/{OTHER}", json=patient, headers={}).status_code == 401
        assert client.get("/fhir/AuditEvent", params={"patient": PATIENT}, headers=reader).status_code == 200
        assert client.get("/fhir/AuditEvent", params={"patient": f"Patient/{OTHER}"}).status_code == 401
        client.get("/launch", params={"iss": "https://ehr.example.org/fhir", "launch": LAUNCH})
        client.get(f"/app/source/{PATIENT}", params={"launch": LAUNCH})
    wanted = {"/fhir/notify/{resource_type}/{resource_id}", "/fhir/AuditEvent", "/launch",
              "/app/source/{chunk_id}"}
    deadline = time.time() + 30  # spans are exported in batches (every 5 s)
    while not wanted <= _routes_seen(served.output()) and time.time() < deadline:
        time.sleep(0.5)
    output = served.output()
    assert wanted <= _routes_seen(output)
    for secret in (PATIENT, OTHER, LAUNCH, "launch=", "patient=", "url.query", "url.path"):
        assert secret not in output, f"the served output carries {secret!r}"
    for line in ("PUT /fhir/notify/{resource_type}/{resource_id} 200", "DELETE /fhir/notify/{resource_type}/"
                 "{resource_id} 200", "GET /fhir/AuditEvent 200", "GET /fhir/AuditEvent 401"):
        assert line in output, f"no access-log line {line!r}"

"""Operator commands against the scripted FHIR server on loopback: Subscription create/list/delete,
Bulk $export (kick-off, poll, download, resume after a failed file, import, resume import), status
with dead letters, and `chartrag ingest hl7`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chartrag.cli import app
from fhir_ingest.queue import SqliteJobQueue
from tests.conftest import BEATRIS, BEATRIS_ID
from tests.fhir_script_server import ScriptedFhir
from tests.ingest_helpers import bundle_resources
from tests.servers import free_port, serving

runner = CliRunner()


@pytest.fixture
def fhir() -> Any:
    server = ScriptedFhir()
    port = free_port()
    with serving(server.app(), port) as url:
        server.base = f"{url}/fhir"
        yield server


def test_subscriptions_create_list_delete(fhir: ScriptedFhir, tmp_path: Path) -> None:
    created = runner.invoke(app, ["subscriptions", "create", "--server", fhir.base, "--endpoint",
                                  "https://chartrag.example/fhir/notify", "--topic", "http://example.org/topics/chart-update",
                                  "--filter", "Observation?patient=Patient/123", "--payload", "full-resource",
                                  "--heartbeat", "120", "--secret", "s3cret", "--data-dir", str(tmp_path)])
    assert created.exit_code == 0, created.output
    (sub,) = fhir.subscriptions.values()
    assert sub["criteria"] == "http://example.org/topics/chart-update"
    assert sub["channel"]["type"] == "rest-hook" and sub["channel"]["header"] == ["X-Subscription-Secret: s3cret"]
    exts = {e["url"].rsplit("/", 1)[1]: e for e in sub["channel"]["extension"]}
    assert exts["backport-heartbeat-period"]["valueUnsignedInt"] == 120
    assert sub["channel"]["_payload"]["extension"][0]["valueCode"] == "full-resource"
    assert sub["_criteria"]["extension"][0]["valueString"] == "Observation?patient=Patient/123"

    status = json.loads(runner.invoke(app, ["ingest", "status", "--json", "--data-dir", str(tmp_path)]).output)
    (tracked,) = status["subscriptions"]
    assert tracked["subscription"] == f"{fhir.base}/Subscription/s1"

    listed = runner.invoke(app, ["subscriptions", "list", "--server", fhir.base])
    assert listed.exit_code == 0 and "s1" in listed.output
    classic = runner.invoke(app, ["subscriptions", "create", "--server", fhir.base, "--endpoint", "https://c/fhir/notify",
                                  "--criteria", "Observation?category=laboratory", "--secret", "s", "--data-dir",
                                  str(tmp_path)])
    assert classic.exit_code == 0 and fhir.subscriptions["s2"]["criteria"] == "Observation?category=laboratory"
    fhir.subscriptions["s1"]["status"] = "error"  # e.g. the server gave up delivering
    reactivated = runner.invoke(app, ["subscriptions", "reactivate", "s1", "--server", fhir.base])
    assert reactivated.exit_code == 0 and fhir.subscriptions["s1"]["status"] == "requested"
    assert runner.invoke(app, ["subscriptions", "delete", "s1", "--server", fhir.base]).exit_code == 0
    assert list(fhir.subscriptions) == ["s2"]
    missing = runner.invoke(app, ["subscriptions", "delete", "s1", "--server", fhir.base])
    assert missing.exit_code == 1 and "HTTP 404" in missing.output
    both = runner.invoke(app, ["subscriptions", "create", "--server", fhir.base, "--endpoint", "https://c",
                               "--topic", "t", "--criteria", "c", "--secret", "s"])
    assert both.exit_code == 1 and "exactly one" in both.output


@pytest.mark.slow
def test_bulk_export_resumes_after_a_failed_download_and_import_resumes(fhir: ScriptedFhir, tmp_path: Path) -> None:
    for resource in bundle_resources(BEATRIS, {"Patient", "Observation", "Condition", "Encounter"}):
        fhir.save(resource)
    fhir.fail_download = "Observation.ndjson"
    out, data = tmp_path / "export", tmp_path / "data"
    first = runner.invoke(app, ["ingest", "bulk", "--server", fhir.base, "--dir", str(out), "--data-dir", str(data)])
    assert first.exit_code == 1 and "HTTP 503" in first.output
    assert not (out / "Observation.001.ndjson").exists() and (out / "Condition.001.ndjson").exists()
    second = runner.invoke(app, ["ingest", "bulk", "--server", fhir.base, "--dir", str(out), "--data-dir", str(data)])
    assert second.exit_code == 0, second.output
    assert fhir.export_kickoffs == 1  # resumed the same export job
    assert fhir.export_downloads["Condition.ndjson"] == 1  # a finished file is not fetched again
    report = json.loads(second.output[second.output.index("{"):])
    assert report["files"] == 4 and report["resources"] == len(fhir.resources) and report["chunks"] > 0
    again = runner.invoke(app, ["ingest", "bulk", "--dir", str(out), "--data-dir", str(data)])
    assert json.loads(again.output[again.output.index("{"):])["skipped_files"] == 4
    asked = runner.invoke(app, ["ask", "What conditions are on the problem list?", "--patient", BEATRIS_ID, "--json",
                                "--data-dir", str(data)])
    assert asked.exit_code == 0 and '"claims"' in asked.output


def test_status_shows_dead_letters_and_retry_dead_requeues(tmp_path: Path) -> None:
    import asyncio

    async def bury() -> None:
        queue = SqliteJobQueue(tmp_path / "ingest.sqlite")
        await queue.put("fetch", {"reference": "Observation/1"})
        job = (await queue.claim("w", 1, 30))[0]
        await queue.fail(job, "SourceError: HTTP 503", max_attempts=1, backoff_seconds=0)
        await queue.close()

    asyncio.run(bury())
    shown = runner.invoke(app, ["ingest", "status", "--data-dir", str(tmp_path)])
    assert shown.exit_code == 0 and "1 dead" in shown.output and "SourceError: HTTP 503" in shown.output
    requeued = runner.invoke(app, ["ingest", "retry-dead", "--data-dir", str(tmp_path)])
    assert json.loads(requeued.output)["requeued"] == 1


def test_bad_input_exits_1_with_a_message(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["ingest", "bulk", "--dir", str(tmp_path / "none"), "--data-dir", str(tmp_path)])
    assert missing.exit_code == 1 and "no .ndjson files" in " ".join(missing.output.split())
    bad_payload = runner.invoke(app, ["subscriptions", "create", "--server", "http://x", "--endpoint", "http://y",
                                      "--topic", "t", "--payload", "everything", "--secret", "s"])
    assert bad_payload.exit_code == 1 and "--payload" in " ".join(bad_payload.output.split())

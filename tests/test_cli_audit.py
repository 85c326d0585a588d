"""Every CLI command that reads or writes patient, case or guideline data is an audit event with the operator
as agent (``--operator``, default the OS user), never with patient or document text, and the log still
verifies afterwards (issue 24 #9)."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chartrag.cli import app
from tests.conftest import BEATRIS
from tests.ingest_helpers import hba1c
from tests.test_guidelines import write_markdown

pytestmark = pytest.mark.slow
runner = CliRunner()
GUIDELINE = "fixture-task-force-widget-disease-screening"


def _records(data: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (data / "audit.jsonl").read_text().splitlines()]


def _run(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def _tiny_bundle(path: Path) -> Path:
    patient = {"resourceType": "Patient", "id": "p-cli-audit", "name": [{"family": "Quixote", "given": ["Johanna"]}],
               "identifier": [{"system": "urn:mrn", "value": "MRN7654321"}], "birthDate": "1950-02-03"}
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": patient}, {"resource": hba1c("a1c-cli", 6.1, "2021-03-04", "p-cli-audit")}]}), encoding="utf-8")
    return path


def test_cli_reads_and_writes_are_audited_with_the_operator_and_the_log_verifies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CHARTRAG_AUDIT_DSN", "CHARTRAG_AUDIT_KEY", "CHARTRAG_AUDIT_KEY_PATH", "CHARTRAG_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    data = str(tmp_path / "d")
    guideline = write_markdown(tmp_path, rationale="Zanzibar-sentinel rationale text.")
    _run("guidelines", "ingest", "--data-dir", data, "--operator", "alice", str(guideline))
    _run("guidelines", "list", "--json", "--data-dir", data, "--operator", "alice")
    _run("guidelines", "remove", GUIDELINE, "--data-dir", data, "--operator", "alice")
    added = _run("cases", "add", str(BEATRIS), "--approval", "IRB-2026-9", "--data-dir", data, "--operator", "bob")
    case_id = json.loads(added.stdout)["case_id"]
    _run("cases", "list", "--data-dir", data)  # the OS user by default
    _run("cases", "remove", case_id, "--data-dir", data, "--operator", "bob")
    two = tmp_path / "two.json"
    beatris = json.loads(BEATRIS.read_text())
    patient = next(e["resource"] for e in beatris["entry"] if e["resource"]["resourceType"] == "Patient")
    two.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": patient}, {"resource": {**patient, "id": "someone-else"}}]}), encoding="utf-8")
    refused = runner.invoke(app, ["cases", "add", str(two), "--approval", "IRB-2026-9", "--data-dir", data,
                                  "--operator", "bob"])
    assert refused.exit_code == 1
    _run("ingest", "files", "--data-dir", data, "--operator", "carol", str(_tiny_bundle(tmp_path / "tiny.json")))
    _run("audit", "export", "--data-dir", data, "--operator", "dave", "--patient", "p-cli-audit")

    logged = _records(Path(data))
    seen = {(r.get("command") or r.get("source"), r["requester"], r.get("outcome")) for r in logged}
    me = f"cli:{getpass.getuser()}"
    assert {("guidelines ingest", "cli:alice", "applied"), ("guidelines list", "cli:alice", "served"),
            ("guidelines remove", "cli:alice", "applied"), ("cases add", "cli:bob", "applied"),
            ("cases list", me, "served"), ("cases remove", "cli:bob", "applied"), ("cases add", "cli:bob", "refused"),
            ("chartrag ingest", "cli:carol", "applied"), ("audit export", "cli:dave", "served")} <= seen
    by_command = {r.get("command"): r for r in logged if r.get("outcome") == "applied"}
    assert by_command["guidelines ingest"]["references"] == [f"Guideline/{GUIDELINE}"]
    assert by_command["cases add"]["references"] == [f"Case/{case_id}"]
    assert by_command["cases add"]["patient_id"] == patient["id"]  # whose record was read into the library
    text = (Path(data) / "audit.jsonl").read_text()
    names = [part for n in patient["name"] for part in [*n["given"], n["family"]]]
    for secret in [*names, "Zanzibar", "Quixote", "Johanna", "MRN7654321", str(BEATRIS.name)]:
        assert secret not in text, f"the audit log holds {secret!r}"
    verified = _run("audit", "verify", "--data-dir", data)
    assert json.loads(verified.stdout)["ok"] is True and json.loads(verified.stdout)["records"] == len(logged)
    exported = _run("audit", "export", "--data-dir", data, "--agent", "cli:bob")
    events = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(events) >= 3 and {e["action"] for e in events} >= {"C", "D"}

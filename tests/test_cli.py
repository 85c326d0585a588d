"""The chartrag CLI: exit codes, messages, and the eval/audit interfaces acceptance checks call."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chartrag.cli import EXIT_AUDIT_BROKEN, EXIT_BAD_INPUT, app
from tests.conftest import EDYTHE, EDYTHE_ID, ROOT

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli")
    result = runner.invoke(app, ["ingest", "--data-dir", str(path), str(EDYTHE)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout[result.stdout.index("{"):])
    assert summary["patients"] == 1 and summary["chunks"] > 100 and summary["rejected"] == 0
    return path


def test_ingest_bad_input_exits_1_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"resourceType": "Bundle", "entry": [')
    result = runner.invoke(app, ["ingest", "--data-dir", str(tmp_path / "d"), str(bad)])
    assert result.exit_code == EXIT_BAD_INPUT and "not readable JSON" in result.output
    missing = runner.invoke(app, ["ingest", "--data-dir", str(tmp_path / "d"), str(tmp_path / "nope.json")])
    assert missing.exit_code == EXIT_BAD_INPUT and "no such file" in missing.output


def test_ask_prints_a_cited_answer(data_dir: Path) -> None:
    result = runner.invoke(app, ["ask", "--data-dir", str(data_dir), "--patient", EDYTHE_ID, "--now", "2023-01-01",
                                 "--json", "When was Prediabetes first diagnosed?"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert not answer["abstained"] and answer["citations"][0]["reference"].startswith("Condition/")
    bad_day = runner.invoke(app, ["ask", "--data-dir", str(data_dir), "--patient", EDYTHE_ID, "--now", "yesterday", "x"])
    assert bad_day.exit_code == EXIT_BAD_INPUT and "YYYY-MM-DD" in bad_day.output


def test_eval_writes_the_metrics_acceptance_reads(data_dir: Path, tmp_path: Path) -> None:
    questions = [line for line in (ROOT / "tests" / "data" / "dev_questions_two_patients.jsonl").read_text().splitlines()
                 if EDYTHE_ID in line]
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(questions) + "\n")
    out = tmp_path / "eval.json"
    result = runner.invoke(app, ["eval", "--questions", str(qfile), "--data-dir", str(data_dir), "--k", "10",
                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    keys = {"n", "evidence_recall_at_k", "cited_recall", "citation_precision", "unsupported_claim_rate",
            "abstention_accuracy", "answer_fact_accuracy", "leakage", "latency_ms_p50", "latency_ms_p95"}
    assert keys <= set(report) and report["n"] == len(questions)
    assert all(keys <= set(metrics) for metrics in report["per_kind"].values())
    assert report["leakage"] == 0


def test_audit_verify_exit_codes(data_dir: Path) -> None:
    runner.invoke(app, ["ask", "--data-dir", str(data_dir), "--patient", EDYTHE_ID, "Which vaccines were given in 2020?"])
    ok = runner.invoke(app, ["audit", "verify", "--data-dir", str(data_dir)])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["ok"] is True
    log = data_dir / "audit.jsonl"
    lines = log.read_text().splitlines()
    log.write_text("\n".join([*lines[:-1], lines[-1].replace('"cli"', '"someone-else"')]) + "\n")
    broken = runner.invoke(app, ["audit", "verify", str(log), "--data-dir", str(data_dir)])
    assert broken.exit_code == EXIT_AUDIT_BROKEN


def test_an_unknown_patient_is_not_indexed_not_not_found(data_dir: Path) -> None:
    result = runner.invoke(app, ["ask", "--data-dir", str(data_dir), "--patient", "no-such-patient", "Any allergies?"])
    assert result.exit_code == EXIT_BAD_INPUT and "patient not indexed" in result.output


def test_audit_verify_finds_the_demo_log_and_fails_on_a_missing_one(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from rag_core.audit import AuditKey, JsonlAuditLog

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHARTRAG_DATA_DIR", raising=False)
    monkeypatch.delenv("CHARTRAG_AUDIT_DSN", raising=False)
    nothing = runner.invoke(app, ["audit", "verify"])  # neither default data dir holds a log
    assert nothing.exit_code == EXIT_BAD_INPUT and "no audit log" in nothing.output
    demo = tmp_path / ".chartrag-demo"
    log = JsonlAuditLog(demo / "audit.jsonl", AuditKey.load(None, demo / "audit.key"))
    log.record({"event": "answer", "requester": "dr-demo", "patient_id": "p1", "outcome": "answered"})
    log.close()
    found = runner.invoke(app, ["audit", "verify"])
    assert found.exit_code == 0, found.output
    report = json.loads(found.stdout)
    assert report["ok"] is True and report["records"] == 1 and report["path"].endswith(".chartrag-demo/audit.jsonl")
    missing = runner.invoke(app, ["audit", "verify", str(tmp_path / "nope" / "audit.jsonl"), "--data-dir", str(demo)])
    assert missing.exit_code == EXIT_BAD_INPUT and "no audit log" in missing.output

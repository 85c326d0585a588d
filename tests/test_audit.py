"""The audit trail a compliance officer relies on: keyed chain, PostgreSQL checkpoints (the real server
on 127.0.0.1:5432), and every kind of tampering detected."""

from __future__ import annotations

import json
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from rag_core.audit import AuditKey, Checkpoint, JsonlAuditLog, acknowledgment, chain_mac, clean_principal, verify
from rag_core.audit_fhir import audit_event
from rag_core.audit_store import TABLE, PostgresCheckpoints, install

ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/test"
WRITER_DSN = "postgresql://chartrag_audit_writer@127.0.0.1:5432/test"
READER_DSN = "postgresql://chartrag_audit_reader@127.0.0.1:5432/test"


@pytest.fixture(scope="module")
def anchored_db() -> Iterator[None]:
    install(ADMIN_DSN)
    yield


def _log(tmp_path: Path, anchored: bool = True, n: int = 5) -> tuple[JsonlAuditLog, AuditKey]:
    key = AuditKey(secrets.token_bytes(32))  # a fresh key: a fresh log id in the shared table
    store = PostgresCheckpoints(WRITER_DSN) if anchored else None
    log = JsonlAuditLog(tmp_path / "audit.jsonl", key, store, checkpoint_seconds=0.05)
    for i in range(n):
        log.record({"event": "answer", "patient_id": f"p{i % 2}", "requester": "dr-a", "n": i})
    log.close()  # writes the final checkpoint
    return log, key


def _checkpoints(key: AuditKey) -> list[Checkpoint]:
    return PostgresCheckpoints(READER_DSN).read(key.log_id)


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines))


def _rechained(lines: list[str], key: AuditKey, **changes: str) -> list[str]:
    """The records with ``changes`` applied and the chain recomputed with ``key`` (a forger's rewrite)."""
    prev, rewritten = "0" * 64, []
    for line in lines:
        entry = json.loads(line)
        entry.pop("mac")
        entry.update(changes, prev=prev)
        entry["mac"] = prev = chain_mac(key, prev, entry)
        rewritten.append(json.dumps(entry))
    return rewritten


def test_chain_reopens_and_detects_edits_drops_and_reordering(tmp_path: Path) -> None:
    log, key = _log(tmp_path, anchored=False, n=3)
    reopened = JsonlAuditLog(log.path, key)
    reopened.record({"event": "answer", "patient_id": "p2"})
    assert verify(log.path, key).ok and verify(log.path, key).records == 4
    lines = _lines(log.path)
    edited = json.loads(lines[1])
    edited["patient_id"] = "p9"
    _write(log.path, [lines[0], json.dumps(edited), *lines[2:]])
    result = verify(log.path, key)
    assert not result.ok and result.first_bad_line == 2 and "MAC" in (result.reason or "")
    _write(log.path, [lines[0], *lines[2:]])  # a dropped record
    assert not verify(log.path, key).ok
    _write(log.path, [lines[1], lines[0], *lines[2:]])  # reordered
    assert not verify(log.path, key).ok
    _write(log.path, lines)
    assert verify(log.path, key).ok


def test_a_recomputed_rewrite_without_the_key_fails(tmp_path: Path) -> None:
    log, key = _log(tmp_path, anchored=False, n=4)
    forger = AuditKey(secrets.token_bytes(32))  # whoever rewrites the file does not hold the key
    _write(log.path, _rechained(_lines(log.path), forger, patient_id="someone-else"))
    assert not verify(log.path, key).ok


def test_checkpoints_catch_truncation_deletion_emptying_and_a_rewrite_with_the_key(
    tmp_path: Path, anchored_db: None
) -> None:
    log, key = _log(tmp_path, n=6)
    anchors = _checkpoints(key)
    assert anchors and max(c.records for c in anchors) == 6 and all(c.valid(key) for c in anchors)
    assert verify(log.path, key, anchors).ok
    lines = _lines(log.path)
    _write(log.path, lines[:-2])  # tail truncation: the chain alone is still valid
    assert verify(log.path, key).ok
    result = verify(log.path, key, anchors)
    assert not result.ok and "truncated" in (result.reason or "")
    log.path.write_text("")
    assert "empty" in (verify(log.path, key, anchors).reason or "")
    log.path.unlink()
    assert "missing" in (verify(log.path, key, anchors).reason or "")
    # an insider with the key recomputes a different history of the same length
    _write(log.path, _rechained(lines, key, requester="nobody"))
    assert verify(log.path, key).ok  # the chain alone cannot tell
    result = verify(log.path, key, anchors)
    assert not result.ok and "rewritten" in (result.reason or "")


def test_a_forged_checkpoint_is_refused(tmp_path: Path) -> None:
    log, key = _log(tmp_path, anchored=False, n=2)
    forged = Checkpoint(key.log_id, 2, "f" * 64, "0" * 64)
    assert "signature" in (verify(log.path, key, [forged]).reason or "")


def test_the_checkpoint_table_is_append_only_and_the_app_role_can_only_insert(anchored_db: None) -> None:
    key = AuditKey(secrets.token_bytes(32))
    writer = PostgresCheckpoints(WRITER_DSN)
    writer.write(Checkpoint.sign(key, 1, "a" * 64))
    writer.close()
    with psycopg.connect(WRITER_DSN, autocommit=True) as conn:
        for statement in (f"SELECT * FROM {TABLE}", f"UPDATE {TABLE} SET head = 'x'", f"DELETE FROM {TABLE}"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with psycopg.connect(ADMIN_DSN, autocommit=True) as conn:  # not even the owner may change history
        for statement in (f"UPDATE {TABLE} SET head = 'x'", f"DELETE FROM {TABLE}", f"TRUNCATE {TABLE}"):
            with pytest.raises(psycopg.errors.RaiseException):
                conn.execute(statement)
    assert [c.head for c in _checkpoints(key)] == ["a" * 64]


def test_requesters_are_escaped_questions_keyed_and_the_file_private(tmp_path: Path) -> None:
    key = AuditKey(secrets.token_bytes(32))
    log = JsonlAuditLog(tmp_path / "private" / "audit.jsonl", key)
    entry = log.record({"event": "answer", "requester": "<script>alert(1)</script>\n\x1b[31m", "client": "Practitioner/1"})
    assert entry["requester"] == "%3Cscript%3Ealert%281%29%3C/script%3E%5B31m"
    assert clean_principal("Ｐｒａｃｔｉｔｉｏｎｅｒ/7") == "Practitioner/7"  # NFKC
    assert len(clean_principal("x" * 10_000)) == 200
    other = JsonlAuditLog(tmp_path / "other.jsonl", AuditKey(secrets.token_bytes(32)))
    assert log.question_hash("What is the HbA1c?") != other.question_hash("What is the HbA1c?")
    assert log.question_hash("What is the HbA1c?") == log.question_hash(" What is the HbA1c? ")
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.path.parent.stat().st_mode) == 0o700
    key_file = tmp_path / "keys" / "audit.key"
    loaded = AuditKey.load(None, key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and AuditKey.load(None, key_file).log_id == loaded.log_id


def test_records_export_as_valid_balp_audit_events(tmp_path: Path) -> None:
    from fhir.resources.R4B.auditevent import AuditEvent

    log, key = _log(tmp_path, anchored=False, n=1)
    samples = [
        {"event": "answer", "requester": "Practitioner/1", "patient_id": "p1", "question_hmac": "ab" * 32,
         "channel": "api", "outcome": "answered"},
        {"event": "chart_write", "action": "delete", "patient_id": "p1", "references": ["Observation/9"],
         "requester": "worker:w1"},
        {"event": "http_rejected", "status": 401, "route": "/api/ask", "client_address": "10.0.0.1"},
        {"event": "cds_hook", "requester": "Practitioner/2", "client": "https://ehr", "patient_id": "p2",
         "cited_references": ["Condition/1"]},
        {"event": "notification", "kind": "event-notification", "subscription": "https://ehr/Subscription/1"},
    ]
    for sample in samples:
        record = log.record(sample)
        event = audit_event(record, key.log_id)
        parsed = AuditEvent.model_validate(event)
        assert parsed.recorded is not None and parsed.agent
        if sample.get("patient_id"):
            assert any(e.what and e.what.reference == f"Patient/{sample['patient_id']}" for e in parsed.entity or [])
    assert audit_event(log.record(samples[2]), key.log_id)["outcome"] == "4"
    assert audit_event(log.record(samples[1]), key.log_id)["action"] == "D"


def test_an_unkeyed_log_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    path.write_text(json.dumps({"event": "answer", "prev": "0" * 64, "hash": "ab" * 32}) + "\n")
    key = AuditKey(secrets.token_bytes(32))
    log = JsonlAuditLog(path, key)
    log.record({"event": "answer", "patient_id": "p1"})
    (legacy,) = tmp_path.glob("audit.jsonl.legacy-*")
    assert '"hash"' in legacy.read_text() and verify(path, key).ok and verify(path, key).records == 1


# ------------------------------------------------------------------ a forged checkpoint is recoverable (issue 24 #12)

def _forge(key: AuditKey, records: int = 2) -> Checkpoint:
    """What anyone with the app's INSERT-only role can write: a checkpoint without the key's signature."""
    forged = Checkpoint(key.log_id, records, secrets.token_hex(32), "0" * 64)
    writer = PostgresCheckpoints(WRITER_DSN)
    writer.write(forged)
    writer.close()
    return forged


def _acknowledge(path: Path, key: AuditKey, checkpoint: Checkpoint, note: str = "INC-1: row not ours") -> None:
    log = JsonlAuditLog(path, key, PostgresCheckpoints(WRITER_DSN), checkpoint_seconds=0.05)
    log.record(acknowledgment(key, checkpoint, note, "cli:alice"))
    log.close()


def test_a_forged_checkpoint_is_named_and_set_aside_only_by_a_signed_acknowledgment(
        tmp_path: Path, anchored_db: None) -> None:
    log, key = _log(tmp_path, n=4)
    forged = _forge(key)
    result = verify(log.path, key, _checkpoints(key))
    assert not result.ok and result.checkpoint == forged.fingerprint and forged.fingerprint in (result.reason or "")
    # an acknowledgment of another checkpoint, or one not signed with the key, sets nothing aside
    _acknowledge(log.path, key, Checkpoint(key.log_id, 2, "e" * 64, "1" * 64))
    unsigned = JsonlAuditLog(log.path, key, PostgresCheckpoints(WRITER_DSN), checkpoint_seconds=0.05)
    unsigned.record({**acknowledgment(key, forged, "INC-1", "cli:mallory"), "signature": "0" * 64})
    unsigned.close()
    assert verify(log.path, key, _checkpoints(key)).checkpoint == forged.fingerprint
    _acknowledge(log.path, key, forged)
    recovered = verify(log.path, key, _checkpoints(key))
    assert recovered.ok and recovered.acknowledged == (forged.fingerprint,) and recovered.records == 7
    last = json.loads(_lines(log.path)[-1])
    assert (last["event"], last["requester"], last["checkpoint"]) == ("checkpoint_acknowledged", "cli:alice",
                                                                     forged.fingerprint)
    lines = _lines(log.path)
    # later tampering still fails: a record edited, the acknowledgment dropped, another forged checkpoint
    edited = json.loads(lines[1])
    edited["patient_id"] = "p9"
    _write(log.path, [lines[0], json.dumps(edited), *lines[2:]])
    assert not verify(log.path, key, _checkpoints(key)).ok
    _write(log.path, lines[:-1])
    assert not verify(log.path, key, _checkpoints(key)).ok
    _write(log.path, lines)
    assert verify(log.path, key, _checkpoints(key)).ok
    again = _forge(key, records=5)
    assert verify(log.path, key, _checkpoints(key)).checkpoint == again.fingerprint


def test_an_acknowledgment_never_hides_a_rewrite(tmp_path: Path, anchored_db: None) -> None:
    log, key = _log(tmp_path, n=3)
    (signed,) = [c for c in _checkpoints(key) if c.records == 3]
    _acknowledge(log.path, key, signed)  # even if one were appended, a signed checkpoint is still checked
    lines = _lines(log.path)
    _write(log.path, _rechained(lines, key, requester="nobody"))
    result = verify(log.path, key, _checkpoints(key))
    assert not result.ok and "rewritten" in (result.reason or "")


def test_two_writers_of_one_log_keep_one_chain(tmp_path: Path) -> None:
    key = AuditKey(secrets.token_bytes(32))
    serving = JsonlAuditLog(tmp_path / "audit.jsonl", key)  # e.g. `chartrag serve` …
    serving.record({"event": "answer", "patient_id": "p1"})
    operator = JsonlAuditLog(tmp_path / "audit.jsonl", key)  # … and `chartrag audit acknowledge` beside it
    operator.record({"event": "checkpoint_acknowledged"})
    serving.record({"event": "answer", "patient_id": "p2"})
    operator.record({"event": "answer", "patient_id": "p3"})
    assert verify(serving.path, key).ok and verify(serving.path, key).records == 4
    with serving.path.open("a") as handle:  # a line that does not link with the key is not continued
        handle.write(json.dumps({"seq": 5, "prev": serving.head[1], "mac": "0" * 64}) + "\n")
    serving.record({"event": "answer"})
    assert serving.head[0] == 5 and not verify(serving.path, key).ok


def _cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("CHARTRAG_AUDIT_DSN", WRITER_DSN)
    monkeypatch.setenv("CHARTRAG_AUDIT_READER_DSN", READER_DSN)
    monkeypatch.setenv("CHARTRAG_AUDIT_KEY_PATH", str(tmp_path / "keys" / "audit.key"))
    monkeypatch.delenv("CHARTRAG_AUDIT_KEY", raising=False)
    return tmp_path / "data"


def test_cli_verify_names_the_bad_checkpoint_and_acknowledge_recovers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anchored_db: None) -> None:
    from typer.testing import CliRunner

    from chartrag.cli import EXIT_AUDIT_BROKEN, app

    runner = CliRunner()
    data = _cli_env(monkeypatch, tmp_path)
    key = AuditKey.load(None, tmp_path / "keys" / "audit.key")
    log = JsonlAuditLog(data / "audit.jsonl", key, PostgresCheckpoints(WRITER_DSN), checkpoint_seconds=0.05)
    for i in range(3):
        log.record({"event": "answer", "patient_id": f"p{i}", "requester": "dr-a"})
    log.close()
    forged = _forge(key)
    broken = runner.invoke(app, ["audit", "verify", "--data-dir", str(data)])
    assert broken.exit_code == EXIT_AUDIT_BROKEN and json.loads(broken.stdout)["checkpoint"] == forged.fingerprint
    signed = next(c for c in _checkpoints(key) if c.valid(key))
    refused = runner.invoke(app, ["audit", "acknowledge", "--data-dir", str(data), "--checkpoint", signed.fingerprint,
                                  "--note", "n"])
    assert refused.exit_code == EXIT_AUDIT_BROKEN and "cannot be acknowledged" in " ".join(refused.output.split())
    unknown = runner.invoke(app, ["audit", "acknowledge", "--data-dir", str(data), "--checkpoint", "0" * 16,
                                  "--note", "n"])
    assert unknown.exit_code == 1 and "no checkpoint" in " ".join(unknown.output.split())
    done = runner.invoke(app, ["audit", "acknowledge", "--data-dir", str(data), "--checkpoint", forged.fingerprint,
                               "--note", "INC-7: inserted by a test", "--operator", "alice"])
    assert done.exit_code == 0, done.output
    ok = runner.invoke(app, ["audit", "verify", "--data-dir", str(data)])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["acknowledged"] == [forged.fingerprint]
    last = json.loads(_lines(data / "audit.jsonl")[-1])
    assert (last["requester"], last["note"]) == ("cli:alice", "INC-7: inserted by a test")
    exported = runner.invoke(app, ["audit", "export", "--data-dir", str(data)])
    assert exported.exit_code == 0 and "INC-7" in exported.stdout
    later = _forge(key, records=3)
    again = runner.invoke(app, ["audit", "verify", "--data-dir", str(data)])
    assert again.exit_code == EXIT_AUDIT_BROKEN and json.loads(again.stdout)["checkpoint"] == later.fingerprint


def test_audit_event_search_answers_again_after_the_acknowledgment(tmp_path: Path, anchored_db: None) -> None:
    from types import SimpleNamespace

    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from chartrag.audit_routes import audit_router

    log, key = _log(tmp_path, n=2)
    serving = JsonlAuditLog(log.path, key, PostgresCheckpoints(WRITER_DSN), checkpoint_seconds=0.05)
    app = FastAPI()
    app.include_router(audit_router("tok", lambda log_id: PostgresCheckpoints(READER_DSN).read(log_id)))
    app.state.runtime = SimpleNamespace(service=SimpleNamespace(audit=serving))
    client = TestClient(app)
    auth = {"Authorization": "Bearer tok"}
    assert client.get("/fhir/AuditEvent", headers=auth).status_code == 200
    forged = _forge(key)
    assert client.get("/fhir/AuditEvent", headers=auth).status_code == 500
    _acknowledge(log.path, key, forged)  # the operator's CLI, beside the serving process
    found = client.get("/fhir/AuditEvent", headers=auth)
    assert found.status_code == 200 and any(
        e["resource"]["type"]["code"] == "110101" for e in found.json()["entry"])
    _forge(key, records=1)
    assert client.get("/fhir/AuditEvent", headers=auth).status_code == 500
    serving.close()

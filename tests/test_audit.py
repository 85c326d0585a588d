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

from rag_core.audit import AuditKey, Checkpoint, JsonlAuditLog, chain_mac, clean_principal, verify
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

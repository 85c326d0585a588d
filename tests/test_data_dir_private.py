"""Files in the data dir are the owner's only (0600, directories 0700) whatever the process umask, and the
audit key lives outside the data dir and is refused when group or others may read it (issue 24 #13)."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chartrag.cli import app
from rag_core.audit import AuditKey, AuditKeyError, JsonlAuditLog, verify
from rag_core.audit_keyfile import load_audit_key
from rag_core.private_files import tighten
from rag_core.settings import RagSettings
from tests.ingest_helpers import SECRET, hba1c

runner = CliRunner()
PATIENT = "p-private-1"
TOKEN = "private-api-t0ken"


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems start a process with (022: new files 0644), restored afterwards."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _loose(root: Path) -> list[str]:
    """Every entry under ``root`` (itself included) that group or others may use."""
    found = []
    for path in [root, *root.rglob("*")]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
        if stat.S_IMODE(mode) & 0o077 or (stat.S_ISREG(mode) and stat.S_IMODE(mode) != wanted):
            found.append(f"{path.relative_to(root.parent)} {stat.S_IMODE(mode):04o}")
    return found


def _bundle(path: Path) -> Path:
    patient = {"resourceType": "Patient", "id": PATIENT, "name": [{"family": "Quixote", "given": ["Johanna"]}],
               "birthDate": "1950-02-03", "identifier": [{"system": "urn:mrn", "value": "MRN7654321"}]}
    entries = [patient, hba1c("a1c-1", 6.1, "2021-03-04", PATIENT)]
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection",
                                "entry": [{"resource": r} for r in entries]}), encoding="utf-8")
    return path


@pytest.mark.slow
def test_after_an_ingest_and_a_served_run_every_data_dir_file_is_0600_and_every_dir_0700(
        tmp_path: Path, usual_umask: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from cds_hooks.settings import CdsSettings
    from chartrag.http import build_app
    from fhir_ingest.settings import IngestSettings
    from smart_app.settings import SmartSettings

    monkeypatch.delenv("CHARTRAG_AUDIT_KEY", raising=False)
    monkeypatch.delenv("CHARTRAG_AUDIT_KEY_PATH", raising=False)
    data = tmp_path / "data"
    ingested = runner.invoke(app, ["ingest", "--data-dir", str(data), str(_bundle(tmp_path / "bundle.json"))])
    assert ingested.exit_code == 0, ingested.output
    assert list((data / "records").glob("*.json")) and (data / "ingest.sqlite").exists()
    assert _loose(data) == []
    os.umask(0o022)  # a server started some other way than the CLI
    built = build_app(RagSettings(data_dir=data), SmartSettings(api_token=TOKEN), CdsSettings(),
                      IngestSettings(channel_secret=SECRET, redis_url=None, workers=1))
    with TestClient(built) as client:
        note = hba1c("a1c-2", 6.4, "2022-05-06", PATIENT)
        put = client.put("/fhir/notify/Observation/a1c-2", json=note, headers={
            "X-Subscription-Secret": SECRET, "Content-Type": "application/fhir+json"})
        assert put.status_code == 200
        ask = {"patient_id": PATIENT, "question": "What was the latest HbA1c?"}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the worker indexed the notified Observation
            answered = client.post("/api/ask", json=ask, headers={"Authorization": f"Bearer {TOKEN}"})
            if answered.status_code == 200 and "6.4" in answered.text:
                break
            time.sleep(0.5)
        assert "6.4" in answered.text
        assert _loose(data) == []  # while it runs
    assert _loose(data) == []
    key = RagSettings(data_dir=data).resolved_audit_key_path
    assert key.parent == tmp_path and not key.is_relative_to(data) and stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_data_dir_left_loose_by_an_earlier_version_is_tightened(tmp_path: Path, usual_umask: None) -> None:
    data = tmp_path / "data"
    (data / "records").mkdir(parents=True)
    (data / "records" / "p.json").write_text("{}")
    (data / "ingest.sqlite").write_text("")
    (tmp_path / "elsewhere").write_text("")
    (data / "link").symlink_to(tmp_path / "elsewhere")  # a link is not followed out of the data dir
    assert len(_loose(data)) == 4
    assert tighten(data) == 4 and _loose(data) == []
    assert stat.S_IMODE((tmp_path / "elsewhere").stat().st_mode) == 0o644


def test_a_key_file_group_or_others_may_read_is_refused(tmp_path: Path, usual_umask: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    key_file = tmp_path / "keys" / "audit.key"
    AuditKey.load(None, key_file)
    key_file.chmod(0o644)
    with pytest.raises(AuditKeyError, match="may be read by group or others"):
        AuditKey.load(None, key_file)
    monkeypatch.setenv("CHARTRAG_AUDIT_KEY_PATH", str(key_file))
    monkeypatch.delenv("CHARTRAG_AUDIT_KEY", raising=False)
    monkeypatch.delenv("CHARTRAG_AUDIT_DSN", raising=False)
    data = tmp_path / "data"
    JsonlAuditLog(data / "audit.jsonl", AuditKey(b"k" * 32)).record({"event": "answer"})
    refused = runner.invoke(app, ["audit", "verify", "--data-dir", str(data)])
    assert refused.exit_code == 1 and "chmod 600" in " ".join(refused.output.split())
    key_file.chmod(0o640)
    with pytest.raises(AuditKeyError):
        load_audit_key(RagSettings(data_dir=data))


def test_the_default_key_is_outside_the_data_dir_and_an_old_one_inside_is_moved_out(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = RagSettings(data_dir=data)
    assert settings.resolved_audit_key_path == tmp_path / "data.audit.key"
    old = AuditKey.load(None, data / "audit.key")  # where earlier versions kept it
    log = JsonlAuditLog(data / "audit.jsonl", old)
    log.record({"event": "answer", "patient_id": "p1"})
    moved = load_audit_key(settings)
    assert moved.log_id == old.log_id and not (data / "audit.key").exists()
    assert verify(log.path, moved).ok
    (tmp_path / "data.audit.key").unlink()  # lost: a new key would leave every record unverifiable
    with pytest.raises(AuditKeyError, match="has keyed records but its key"):
        load_audit_key(settings)

from __future__ import annotations

import json
from pathlib import Path

from rag_core.audit import JsonlAuditLog, verify


def test_chain_verifies_and_detects_tampering(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = JsonlAuditLog(path)
    for i in range(3):
        log.record({"event": "answer", "patient_id": "p1", "n": i})
    JsonlAuditLog(path).record({"event": "answer", "patient_id": "p2", "n": 3})  # reopen keeps the chain
    assert verify(path).ok and verify(path).records == 4
    lines = path.read_text().splitlines()
    edited = json.loads(lines[1])
    edited["patient_id"] = "p9"
    path.write_text("\n".join([lines[0], json.dumps(edited), *lines[2:]]) + "\n")
    result = verify(path)
    assert not result.ok and result.first_bad_line == 2
    path.write_text("\n".join([lines[0], *lines[2:]]) + "\n")  # a dropped record
    assert not verify(path).ok

"""Append-only, hash-chained JSONL audit log: one record per request, no patient text in it.

Each line holds ``prev`` (the previous line's hash) and ``hash`` = sha256(prev + canonical JSON of the
record without ``hash``). ``verify`` recomputes the chain; an edited, dropped or reordered line breaks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64


def _digest(prev: str, record: dict[str, Any]) -> str:
    body = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256((prev + body).encode()).hexdigest()


def question_hash(question: str) -> str:
    return hashlib.sha256(question.strip().encode()).hexdigest()


class JsonlAuditLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._last = self._read_last_hash()

    def _read_last_hash(self) -> str:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return GENESIS
        with self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 65536))
            tail = handle.read().decode("utf-8").strip().splitlines()
        return str(json.loads(tail[-1])["hash"]) if tail else GENESIS

    def record(self, event: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            entry = {"ts": datetime.now(UTC).isoformat(), **event, "prev": self._last}
            entry["hash"] = _digest(self._last, entry)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry, sort_keys=True, ensure_ascii=True) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            self._last = entry["hash"]
            return entry


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    records: int
    first_bad_line: int | None = None
    reason: str | None = None


def verify(path: Path) -> VerifyResult:
    prev = GENESIS
    count = 0
    if not Path(path).exists():
        return VerifyResult(True, 0)
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                return VerifyResult(False, count, number, "not JSON")
            claimed = entry.pop("hash", None)
            if entry.get("prev") != prev:
                return VerifyResult(False, count, number, "chain broken (prev does not match)")
            if claimed != _digest(prev, entry):
                return VerifyResult(False, count, number, "record altered (hash mismatch)")
            prev = claimed
            count += 1
    return VerifyResult(True, count)

"""Append-only, keyed, anchored audit log: one JSONL record per event, never patient text.

- **Keyed chain.** Each record holds ``seq`` (1, 2, …), ``prev`` (the previous record's ``mac``) and
  ``mac`` = HMAC-SHA256(chain key, prev + canonical JSON of the record without ``mac``). The key lives
  outside the log (``CHARTRAG_AUDIT_KEY`` or a 0600 key file), so whoever can write the log cannot
  recompute a chain that verifies.
- **Anchored.** A background thread writes checkpoints (log id, record count, head mac, signed with
  the checkpoint key) to an append-only PostgreSQL table the app's role may only INSERT into
  (``rag_core.audit_store``). ``verify`` checks the chain *and* every checkpoint, so a truncated tail, a
  deleted, missing or emptied log and a rewrite (even one with the key) are all failures.
- **No identifiers beyond what an audit needs.** Requesters are normalised and escaped (a ``<script>``
  sent as a requester is stored as ``%3Cscript%3E``); questions are stored as a keyed hash (HMAC), so a
  dictionary of common questions recovers nothing without the key.
- **Recoverable.** A checkpoint that does not carry this log's signature (forged into the table, or
  corrupted) fails verification, naming it by fingerprint, until an operator investigates it and appends a
  signed acknowledgment to the chain (``chartrag audit acknowledge``); that one checkpoint is then set
  aside, and every other checkpoint, and any later tampering, is still checked. A checkpoint that *is*
  signed with the key can never be acknowledged: its mismatch means the log itself was rewritten.
- **Several writers.** Appends take an exclusive ``flock`` on the log; a writer continues a chain another
  process extended only when those records link to its head with valid MACs.
- The file is created 0600 inside a 0700 directory.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import stat
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from rag_core.errors import ConfigurationError

log = logging.getLogger("chartrag.audit")
GENESIS = "0" * 64
# values of these keys name a person or system that asked: normalised and escaped before they are stored
PRINCIPAL_KEYS = ("requester", "client", "user", "client_address")
_SAFE = re.compile(r"[A-Za-z0-9._:@|/+=,#-]")
MAX_PRINCIPAL = 200
ACKNOWLEDGED = "checkpoint_acknowledged"  # the event of an operator's signed note on a bad checkpoint
MAX_NOTE = 500


class AuditKey:
    """The secret behind the chain, the question hashes and the checkpoint signatures (one HMAC key,
    a derived sub-key per purpose)."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the audit key must be at least 16 bytes")
        self._secret = secret
        self.chain = self._derive(b"chain")
        self.question = self._derive(b"question")
        self.checkpoint = self._derive(b"checkpoint")
        self.acknowledge = self._derive(b"acknowledge")
        self.log_id = hmac.new(self._derive(b"log-id"), b"", hashlib.sha256).hexdigest()[:16]

    def _derive(self, purpose: bytes) -> bytes:
        return hmac.new(self._secret, b"chartrag-audit/" + purpose, hashlib.sha256).digest()

    @classmethod
    def load(cls, secret: str | None, path: Path) -> AuditKey:
        """From ``secret`` when given (an operator's secret store), else the key file, created 0600 if absent;
        an existing key file that group or others may read is refused (``AuditKeyError``)."""
        if secret:
            return cls(secret.encode())
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                raise AuditKeyError(f"the audit key file {path} may be read by group or others (mode {mode:04o}): "
                                    "chmod 600 it, or give the key in CHARTRAG_AUDIT_KEY") from None
            return cls(bytes.fromhex(path.read_text(encoding="ascii").strip()))
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
        return cls(bytes.fromhex(path.read_text(encoding="ascii").strip()))


class AuditKeyError(ConfigurationError):
    """An audit key file that cannot be used as it is (readable beyond its owner, or missing beside a log)."""


def _canonical(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def chain_mac(key: AuditKey, prev: str, record: dict[str, Any]) -> str:
    return hmac.new(key.chain, prev.encode() + _canonical(record), hashlib.sha256).hexdigest()


def clean_principal(value: object) -> str:
    """A requester as stored: NFKC, control characters dropped, at most 200 characters, and every
    character outside ``[A-Za-z0-9._:@|/+=,#-]`` percent-escaped (so no markup or log injection)."""
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")[:MAX_PRINCIPAL]
    return "".join(ch if _SAFE.fullmatch(ch) else "".join(f"%{b:02X}" for b in ch.encode()) for ch in text)


@dataclass(frozen=True)
class Checkpoint:
    log_id: str
    records: int
    head: str
    signature: str

    @staticmethod
    def sign(key: AuditKey, records: int, head: str) -> Checkpoint:
        return Checkpoint(key.log_id, records, head, Checkpoint._mac(key, key.log_id, records, head))

    @staticmethod
    def _mac(key: AuditKey, log_id: str, records: int, head: str) -> str:
        return hmac.new(key.checkpoint, f"{log_id}|{records}|{head}".encode(), hashlib.sha256).hexdigest()

    def valid(self, key: AuditKey) -> bool:
        return hmac.compare_digest(self.signature, self._mac(key, self.log_id, self.records, self.head))

    @property
    def fingerprint(self) -> str:
        """Names this exact checkpoint (all four fields): what ``verify`` reports and an acknowledgment covers."""
        text = f"{self.log_id}|{self.records}|{self.head}|{self.signature}"
        return hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()[:16]


def clean_note(note: str) -> str:
    """An operator's note as stored: NFKC, control characters dropped, whitespace collapsed, at most 500."""
    text = unicodedata.normalize("NFKC", note)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())[:MAX_NOTE]


def _ack_mac(key: AuditKey, fingerprint: str, note: str, requester: str) -> str:
    return hmac.new(key.acknowledge, f"{key.log_id}|{fingerprint}|{requester}|{note}".encode(), hashlib.sha256).hexdigest()


def acknowledgment(key: AuditKey, checkpoint: Checkpoint, note: str, operator: str) -> dict[str, Any]:
    """The audit event that sets one bad checkpoint aside: who investigated it, their note, signed with the
    audit key (apart from the chain's MAC). The note is stored as written: an incident reference, not
    patient details."""
    cleaned, requester = clean_note(note), clean_principal(operator)
    if not cleaned:
        raise ValueError("an acknowledgment needs a note (what was investigated and found)")
    return {"event": ACKNOWLEDGED, "requester": requester, "checkpoint": checkpoint.fingerprint,
            "checkpoint_records": checkpoint.records, "note": cleaned, "outcome": "acknowledged",
            "signature": _ack_mac(key, checkpoint.fingerprint, cleaned, requester)}


def _acknowledged(key: AuditKey, entry: dict[str, Any]) -> str | None:
    """The fingerprint a (chain-verified) record acknowledges, when it is a validly signed acknowledgment."""
    if entry.get("event") != ACKNOWLEDGED:
        return None
    fingerprint, note, requester = entry.get("checkpoint"), entry.get("note"), entry.get("requester")
    signature = entry.get("signature")
    if not all(isinstance(v, str) for v in (fingerprint, note, requester, signature)):
        return None
    expected = _ack_mac(key, str(fingerprint), str(note), str(requester))
    return str(fingerprint) if hmac.compare_digest(str(signature), expected) else None


class CheckpointStore(Protocol):
    def write(self, checkpoint: Checkpoint) -> None: ...

    def read(self, log_id: str) -> list[Checkpoint]: ...

    def close(self) -> None: ...


class JsonlAuditLog:
    def __init__(self, path: Path, key: AuditKey, checkpoints: CheckpointStore | None = None,
                 checkpoint_seconds: float = 1.0) -> None:
        self.path = Path(path)
        self.key = key
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = threading.Lock()
        self._seq, self._last = self._read_head()
        self._size = self.path.stat().st_size if self.path.exists() else 0  # where this writer's view ends
        self._store = checkpoints
        self._anchored = (0, GENESIS)
        self._wake = threading.Event()
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None
        self._interval = checkpoint_seconds
        if checkpoints is not None:
            self._thread = threading.Thread(target=self._anchor_loop, name="audit-checkpoints", daemon=True)
            self._thread.start()

    def _read_head(self) -> tuple[int, str]:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return 0, GENESIS
        with self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 65536))
            tail = handle.read().decode("utf-8", errors="replace").strip().splitlines()
        last = json.loads(tail[-1])
        if "mac" not in last or "seq" not in last:  # written before the keyed format: kept, set aside
            legacy = self.path.with_name(f"{self.path.name}.legacy-{datetime.now(UTC):%Y%m%dT%H%M%S}")
            self.path.rename(legacy)
            log.warning("an unkeyed audit log was moved to %s (verify it with `chartrag audit verify --legacy`)",
                        legacy.name)
            return 0, GENESIS
        return int(last["seq"]), str(last["mac"])

    def _follow(self, size: int) -> None:
        """Another process appended (the file grew past this writer's view): continue from its last record,
        but only over records that link to this writer's head with valid MACs. A file that shrank or records
        that do not link are left as they are, so ``verify`` reports the break."""
        if size <= self._size:
            return
        with self.path.open("rb") as handle:
            handle.seek(self._size)
            appended = handle.read(size - self._size).decode("utf-8", errors="replace").splitlines()
        seq, prev = self._seq, self._last
        for line in appended:
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                break
            claimed = entry.pop("mac", None) if isinstance(entry, dict) else None
            if (not isinstance(claimed, str) or entry.get("seq") != seq + 1 or entry.get("prev") != prev
                    or not hmac.compare_digest(claimed, chain_mac(self.key, prev, entry))):
                break
            seq, prev = seq + 1, claimed
        self._seq, self._last = seq, prev

    def question_hash(self, question: str) -> str:
        return hmac.new(self.key.question, question.strip().encode(), hashlib.sha256).hexdigest()

    def record(self, event: dict[str, Any]) -> dict[str, Any]:
        cleaned = {k: clean_principal(v) if k in PRINCIPAL_KEYS and v is not None else v for k, v in event.items()}
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # one appender at a time across processes
                self._follow(os.fstat(handle.fileno()).st_size)
                seq = self._seq + 1
                entry: dict[str, Any] = {"ts": datetime.now(UTC).isoformat(), **cleaned, "seq": seq, "prev": self._last}
                mac = chain_mac(self.key, self._last, entry)
                entry["mac"] = mac
                handle.write(json.dumps(entry, sort_keys=True, ensure_ascii=True) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
                self._size = os.fstat(handle.fileno()).st_size
            self._seq, self._last = seq, mac
        self._wake.set()
        return entry

    @property
    def head(self) -> tuple[int, str]:
        with self._lock:
            return self._seq, self._last

    def anchor(self) -> Checkpoint | None:
        """Write a checkpoint of the current head now (when it moved since the last one)."""
        if self._store is None:
            return None
        seq, head = self.head
        if (seq, head) == self._anchored or seq == 0:
            return None
        checkpoint = Checkpoint.sign(self.key, seq, head)
        self._store.write(checkpoint)
        self._anchored = (seq, head)
        return checkpoint

    def _anchor_loop(self) -> None:
        while not self._closed.is_set():
            self._wake.wait(self._interval)
            self._wake.clear()
            try:
                self.anchor()
            except Exception as exc:  # the database is down: records go on, the next checkpoint catches up
                log.warning("audit checkpoint not written (%s); retrying", type(exc).__name__)
            self._closed.wait(self._interval)

    def close(self) -> None:
        self._closed.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            self.anchor()
        except Exception as exc:
            log.warning("final audit checkpoint not written (%s)", type(exc).__name__)
        if self._store is not None:
            self._store.close()


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    records: int
    first_bad_line: int | None = None
    reason: str | None = None
    checkpoints: int = 0
    anchored_records: int = 0  # records covered by the newest checkpoint
    warning: str | None = None
    checkpoint: str | None = None  # the fingerprint of the checkpoint that failed, when one did
    acknowledged: tuple[str, ...] = ()  # fingerprints of bad checkpoints set aside by a signed acknowledgment


def records(path: Path) -> Iterable[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def verify(path: Path, key: AuditKey, checkpoints: list[Checkpoint] | None = None) -> VerifyResult:
    """The chain is intact and every checkpoint matches. ``checkpoints=None``: no anchor configured
    (a truncated tail or a deleted log cannot be told from a short one — said in ``warning``). A checkpoint
    without this log's signature fails unless a signed acknowledgment in the (verified) chain names it."""
    anchors = [c for c in checkpoints or [] if c.log_id == key.log_id]
    signed = [c for c in anchors if c.valid(key)]
    wanted = {c.records for c in signed}
    newest = max(wanted, default=0)
    heads: dict[int, str] = {}
    acknowledged: list[str] = []
    prev, count = GENESIS, 0
    path = Path(path)

    def broken(line: int | None, reason: str) -> VerifyResult:
        return VerifyResult(False, count, line, reason, len(anchors), newest)

    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    return broken(number, "not JSON")
                claimed = entry.pop("mac", None)
                if entry.get("seq") != count + 1:
                    return broken(number, "record out of sequence (dropped or reordered)")
                if entry.get("prev") != prev:
                    return broken(number, "chain broken (prev does not match)")
                if not isinstance(claimed, str) or not hmac.compare_digest(claimed, chain_mac(key, prev, entry)):
                    return broken(number, "record altered (MAC mismatch)")
                prev = claimed
                count += 1
                if count in wanted:
                    heads[count] = claimed
                fingerprint = _acknowledged(key, entry)
                if fingerprint is not None:
                    acknowledged.append(fingerprint)
    set_aside = tuple(c.fingerprint for c in anchors if c not in signed and c.fingerprint in acknowledged)
    for checkpoint in anchors:
        if checkpoint in signed or checkpoint.fingerprint in set_aside:
            continue
        return replace(broken(None, f"checkpoint {checkpoint.fingerprint} (at record {checkpoint.records}) has a bad "
                                    "signature: investigate it, then `chartrag audit acknowledge --checkpoint "
                                    f"{checkpoint.fingerprint} --note ...`"), checkpoint=checkpoint.fingerprint)
    if count < newest:
        what = "missing" if not path.exists() else "empty" if count == 0 else "truncated"
        return broken(None, f"log {what}: a checkpoint covers {newest} records, the log has {count}")
    for checkpoint in signed:
        if not hmac.compare_digest(heads.get(checkpoint.records, ""), checkpoint.head):
            return replace(broken(None, f"log rewritten: record {checkpoint.records} differs from its checkpoint"),
                           checkpoint=checkpoint.fingerprint)
    warning = None if checkpoints is not None else \
        "no checkpoint store configured (CHARTRAG_AUDIT_DSN): a truncated tail or a deleted log cannot be detected"
    return VerifyResult(True, count, None, None, len(anchors), newest, warning, acknowledged=set_aside)


def verify_legacy(path: Path) -> VerifyResult:
    """Logs written before the keyed format: the unkeyed SHA-256 chain (detects edits only)."""
    prev, count = GENESIS, 0
    for number, entry in enumerate(records(path), start=1):
        claimed = entry.pop("hash", None)
        body = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        if entry.get("prev") != prev or claimed != hashlib.sha256((prev + body).encode()).hexdigest():
            return VerifyResult(False, count, number, "legacy chain broken")
        prev, count = claimed, count + 1
    return VerifyResult(True, count, warning="legacy unkeyed log: a recomputed rewrite cannot be detected")

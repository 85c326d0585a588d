"""Where the audit key lives: outside the data dir by default, and never readable beyond its owner.

The key makes the audit chain's MACs, the question hashes and the checkpoint signatures unforgeable, so it
is not kept with what it protects. Default file: ``<data dir>.audit.key`` beside the data dir
(``.chartrag`` → ``.chartrag.audit.key``): a copy, backup or mount of the data dir (index, identifiers,
audit log) does not carry it. ``CHARTRAG_AUDIT_KEY`` (a secret store) or ``CHARTRAG_AUDIT_KEY_PATH`` choose
otherwise. A key file an earlier version wrote inside the data dir is moved out once; a key file that group
or others may read is refused; a keyed log whose key is missing is refused rather than given a new key
(which would leave every record unverifiable).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from rag_core.audit import AuditKey, AuditKeyError
from rag_core.settings import RagSettings

log = logging.getLogger("chartrag.audit")
LEGACY_NAME = "audit.key"  # where versions before issue 24 kept it: inside the data dir


def audit_key_file(settings: RagSettings) -> Path:
    """The key file's path; a key left inside the data dir by an earlier version is moved to the default."""
    path = settings.resolved_audit_key_path
    legacy = settings.data_dir / LEGACY_NAME
    if settings.audit_key_path is None and not path.exists() and legacy.is_file():
        try:
            legacy.rename(path)
        except OSError as exc:
            raise AuditKeyError(f"the audit key {legacy} is inside the data dir and could not be moved to {path} "
                                f"({type(exc).__name__}): move it, or set CHARTRAG_AUDIT_KEY_PATH") from None
        log.warning("the audit key was moved out of the data dir, to %s", path)
    return path


def _keyed_log(path: Path) -> bool:
    """The log at ``path`` has keyed records (an unkeyed, older log is set aside by the writer instead)."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline(65536)
        return bool(first.strip()) and "mac" in json.loads(first)
    except (OSError, ValueError, TypeError):
        return False


def load_audit_key(settings: RagSettings, create: bool = True) -> AuditKey:
    """The audit key from ``CHARTRAG_AUDIT_KEY``, else its file (created 0600 when absent and ``create``).
    Raises ``AuditKeyError`` for a loose key file, a missing key beside a keyed log, or (``create=False``) none."""
    if settings.audit_key is not None:
        return AuditKey.load(settings.audit_key.get_secret_value(), settings.resolved_audit_key_path)
    path = audit_key_file(settings)
    if not path.exists():
        if not create:
            raise AuditKeyError(f"no audit key: set CHARTRAG_AUDIT_KEY or CHARTRAG_AUDIT_KEY_PATH ({path} does not exist)")
        if _keyed_log(settings.resolved_audit_path):
            raise AuditKeyError(f"the audit log {settings.resolved_audit_path} has keyed records but its key {path} "
                                "does not exist: restore it (or set CHARTRAG_AUDIT_KEY / CHARTRAG_AUDIT_KEY_PATH); a "
                                "new key would leave the log unverifiable")
    return AuditKey.load(None, path)

"""What ChartRAG writes in its data dir is readable by its owner only: files 0600, directories 0700.

The data dir holds patient identifiers (``records/``), the ingestion queue and state (``ingest.sqlite``),
the index shards and the audit log. Its own 0700 mode is not relied on alone (a directory copied, mounted
or re-permissioned elsewhere keeps its files' modes), so:

- ``restrict_umask`` sets the process-wide umask to 077 (group and other bits off) where a process starts
  writing: every CLI command and ``build_runtime``. Files written by libraries that take no mode (the
  Qdrant Edge engine, SQLite's ``-wal``/``-shm`` files) are created 0600 that way.
- ``private_dir`` / ``private_file`` set the mode explicitly where ChartRAG creates them.
- ``tighten`` repairs a data dir written by an earlier version (0644 files) when a runtime opens it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

log = logging.getLogger("chartrag.files")
PRIVATE_UMASK = 0o077


def restrict_umask() -> None:
    """Turn off group and other permission bits for everything this process creates from now on."""
    current = os.umask(PRIVATE_UMASK)
    os.umask(current | PRIVATE_UMASK)


def private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) readable by its owner only; an existing one is set to 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.chmod(0o700)


def private_file(path: Path) -> None:
    """Set an existing file to 0600 (a file that does not exist is left alone)."""
    with contextlib.suppress(FileNotFoundError):
        path.chmod(0o600)


def tighten(root: Path) -> int:
    """Every directory under ``root`` to 0700 and every file to its owner's bits only (0644 → 0600); symbolic
    links are not followed. How many entries were changed."""
    changed = 0
    if not root.is_dir():
        return changed
    for top, dirs, files in os.walk(root):
        for name, wanted in [*((d, 0o700) for d in dirs), *((f, None) for f in files)]:
            path = Path(top) / name
            try:
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode):
                    continue
                target = wanted if wanted is not None else stat.S_IMODE(mode) & 0o700
                if stat.S_IMODE(mode) != target:
                    path.chmod(target)
                    changed += 1
            except FileNotFoundError:  # removed meanwhile (a temporary file of the engine)
                continue
    if stat.S_IMODE(root.stat().st_mode) != 0o700:
        root.chmod(0o700)
        changed += 1
    if changed:
        log.warning("%d entries of the data dir were readable beyond their owner: set to 0600/0700", changed)
    return changed

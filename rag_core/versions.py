"""Which version of a resource the index keeps: the one rule every write path shares (files, Bulk, notifications,
HL7 v2, documents, CDS prefetch), applied by ``Indexer`` against what the index holds.

A resource replaces the indexed one unless the indexed one is known to be newer, or the two cannot be told
apart in the indexed one's favour:

- both have a ``meta.versionId``: numeric ids compare as numbers (the higher wins; the same id is rewritten — a
  re-import re-renders it, the chunk ids are the same); the same opaque id is rewritten; different opaque ids
  are ordered by ``meta.lastUpdated`` when both have it (as instants, zones honoured), else the later write wins;
- only the indexed one has a versionId: it is kept (a copy without a version — a file export, a versionless
  update — never replaces a versioned one: otherwise "v10, then no version, then v8" would end on v8);
- only the incoming one has a versionId: ``lastUpdated`` decides when both have it, else it replaces;
- neither has a versionId: the later ``lastUpdated`` wins (the same instant is rewritten);
- a resource with no ``meta`` at all never replaces one that has it; one with it always replaces one without;
  neither has it: the later write wins (as before versions were read at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Version:
    version_id: str | None = None
    last_updated: str | None = None

    @classmethod
    def of(cls, resource: dict[str, Any]) -> Version:
        meta = resource.get("meta")
        meta = meta if isinstance(meta, dict) else {}
        version, updated = meta.get("versionId"), meta.get("lastUpdated")
        return cls(str(version) if version is not None else None, str(updated) if updated is not None else None)

    @property
    def known(self) -> bool:
        return self.version_id is not None or self.last_updated is not None


def _instant(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def replaces(incoming: Version, stored: Version | None) -> bool:
    """Should ``incoming`` replace what the index holds at ``stored`` (None: nothing indexed)?"""
    if stored is None or not stored.known:
        return True
    if not incoming.known:
        return False
    a, b = incoming.version_id, stored.version_id
    if a is not None and b is not None:
        if a.isdigit() and b.isdigit():
            return int(a) >= int(b)
        if a == b:
            return True
        return _later_or_same(incoming.last_updated, stored.last_updated, default=True)
    if b is not None:  # the indexed one is versioned, this one is not
        return False
    return _later_or_same(incoming.last_updated, stored.last_updated, default=True)


def _later_or_same(new: str | None, old: str | None, default: bool) -> bool:
    if not new or not old:
        return default
    a, b = _instant(new), _instant(old)
    if a is not None and b is not None:
        return a >= b
    return new >= old


def newer(incoming: Version, stored: Version | None) -> bool:
    """``replaces`` without its ties: the same version again (a redelivery) is not newer. The notification
    worker orders its own record of what it processed by this, so it and the index follow one rule."""
    return stored is None or (replaces(incoming, stored) and not _same(incoming, stored))


def _same(a: Version, b: Version) -> bool:
    if a.version_id is not None and b.version_id is not None:
        if a.version_id.isdigit() and b.version_id.isdigit():
            return int(a.version_id) == int(b.version_id)
        return a.version_id == b.version_id
    if a.version_id is None and b.version_id is None and a.last_updated and b.last_updated:
        return _later_or_same(a.last_updated, b.last_updated, default=False) and \
            _later_or_same(b.last_updated, a.last_updated, default=False)
    return False

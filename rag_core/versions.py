"""Which version of a resource the index keeps: the one rule every write path shares (files, Bulk, notifications,
HL7 v2, documents, CDS prefetch), applied by ``Indexer`` against what the index holds.

A resource replaces the indexed one unless the indexed one is known to be newer:

- both have a numeric ``meta.versionId``: the higher number wins; the same number is rewritten (a re-import
  re-renders it, the chunk ids are the same);
- otherwise both have ``meta.lastUpdated``: the later instant wins (compared as instants, zones honoured); the
  same instant is rewritten;
- otherwise both have a (non-numeric) versionId: the same id is rewritten, different ids cannot be ordered and
  the later write wins;
- a resource with neither never replaces one that has either (a file export without ``meta`` does not undo a
  versioned update that arrived by notification); one with either always replaces one with neither;
- neither has either: the later write wins (as before versions were read at all).
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
    if a is not None and b is not None and a.isdigit() and b.isdigit():
        return int(a) >= int(b)
    if incoming.last_updated and stored.last_updated:
        new, old = _instant(incoming.last_updated), _instant(stored.last_updated)
        if new is not None and old is not None:
            return new >= old
        return incoming.last_updated >= stored.last_updated
    return True  # versionIds that cannot be ordered (or one side has only the other field): the later write wins

"""Per-request reversible placeholders (``[PATIENT_NAME_1]``, ``[DATE_3]``): the same value gets the
same placeholder within a request; restoration tolerates what models do to placeholders (lower case,
spaces for underscores, lost brackets); a placeholder the vault does not know is removed and counted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

ENTITIES = ("PATIENT_NAME", "PERSON", "DATE", "PHONE", "EMAIL", "SSN", "MRN", "IDENTIFIER", "ADDRESS",
            "LOCATION", "ZIP", "URL", "ORGANIZATION", "FACILITY", "AGE", "HEALTH_PLAN")
_NAMES = "|".join(sorted((e.replace("_", r"[_\s-]?") for e in ENTITIES), key=len, reverse=True))
PLACEHOLDER = re.compile(rf"\[\s*({_NAMES})[_\s-]?(\d+)\s*\]|\b({_NAMES})[_\s-](\d+)\b", re.IGNORECASE)


@dataclass
class RestoreStats:
    restored: int = 0
    removed_unknown: int = 0


@dataclass
class Vault:
    """Lives for one request; never logged, never persisted."""

    _by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    _by_placeholder: dict[str, str] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _dates: dict[str, date] = field(default_factory=dict)

    def placeholder(self, entity: str, value: str, when: date | None = None) -> str:
        key = (entity, value.strip().casefold())
        if key not in self._by_value:
            self._counts[entity] = self._counts.get(entity, 0) + 1
            token = f"[{entity}_{self._counts[entity]}]"
            self._by_value[key] = token
            self._by_placeholder[token] = value
            if when is not None:
                self._dates[token] = when
        return self._by_value[key]

    def __len__(self) -> int:
        return len(self._by_placeholder)

    def counts(self) -> dict[str, int]:
        """How many distinct values of each entity type were replaced (for the audit: counts, no text)."""
        return dict(self._counts)

    def timeline(self) -> dict[str, int]:
        """Date placeholders → days after the earliest date in this request: intervals keep their
        clinical meaning ("3 months after") while no real date is sent."""
        if not self._dates:
            return {}
        first = min(self._dates.values())
        return {token: (day - first).days for token, day in sorted(self._dates.items(), key=lambda kv: kv[1])}

    def restore(self, text: str) -> tuple[str, RestoreStats]:
        stats = RestoreStats()

        def swap(match: re.Match[str]) -> str:
            name = (match.group(1) or match.group(3)).upper().replace(" ", "_").replace("-", "_")
            if "_" not in name and name not in ENTITIES:
                name = next((e for e in ENTITIES if e.replace("_", "") == name), name)
            token = f"[{name}_{match.group(2) or match.group(4)}]"
            original = self._by_placeholder.get(token)
            if original is None:
                stats.removed_unknown += 1
                return ""
            stats.restored += 1
            return original

        restored = PLACEHOLDER.sub(swap, text)
        return re.sub(r"[ \t]{2,}", " ", restored), stats

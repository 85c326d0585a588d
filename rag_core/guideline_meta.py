"""What a guideline file may be before it is parsed or embedded: size, page and chunk limits, front matter
safe-loaded without YAML anchors or aliases, and metadata fields typed and bounded.

Every refusal is a ``GuidelineError`` that names the file, the field and the limit, never the text itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

import yaml

from rag_core.errors import ChartRagError
from rag_core.settings import RagSettings


class GuidelineError(ChartRagError):
    """A guideline document that cannot be read or lacks what a citation needs."""


@dataclass(frozen=True)
class GuidelineLimits:
    """Per guideline file (settings: ``CHARTRAG_GUIDELINE_MAX_BYTES`` / ``_MAX_CHUNKS`` / ``_MAX_PAGES``)."""

    max_bytes: int = 5_000_000
    max_chunks: int = 3000
    max_pages: int = 300
    max_front_matter: int = 64 * 1024

    @classmethod
    def from_settings(cls, settings: RagSettings) -> GuidelineLimits:
        return cls(settings.guideline_max_bytes, settings.guideline_max_chunks, settings.guideline_max_pages)


# the longest value each metadata field may hold (characters)
FIELD_LIMITS: dict[str, int] = {"id": 128, "title": 300, "issuer": 200, "version": 64, "published": 40,
                                "url": 2048, "license": 500}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_PARTIAL_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader that refuses anchors and aliases (no billion-laughs expansion)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise GuidelineError("front matter uses YAML anchors or aliases (refused)")
        return super().compose_node(parent, index)


def load_front_matter(text: str, limits: GuidelineLimits) -> object:
    """The YAML front matter as plain data: safe-loaded, no anchors or aliases, at most ``max_front_matter``."""
    if len(text.encode("utf-8")) > limits.max_front_matter:
        raise GuidelineError(f"front matter is over the {limits.max_front_matter}-byte limit")
    return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass


def scalar(field: str, value: object) -> str:
    """A front-matter value as text: strings, numbers and dates only (no lists or mappings)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float | date):
        raise GuidelineError(f"{field} must be text, a number or a date, not {type(value).__name__}")
    return value.isoformat() if isinstance(value, date) else str(value)


def _text(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(unicodedata.normalize("NFC", value).split())
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise GuidelineError(f"{field} holds control characters")
    if len(value) > FIELD_LIMITS[field]:
        raise GuidelineError(f"{field} is {len(value)} characters, over the limit of {FIELD_LIMITS[field]}")
    return value or None


def published_day(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO 8601 date-time (its day), checked as a real date."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}/\d{2}/\d{2}", text):
        text = text.replace("/", "-")
    if "T" in text or " " in text:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            raise GuidelineError("published must be a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None
    if not _PARTIAL_DAY.fullmatch(text):
        raise GuidelineError("published must be a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    padded = text + "-01" * ((10 - len(text)) // 3)
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise GuidelineError("published is not a real calendar date") from None
    return text


def source_url(value: str | None) -> str | None:
    """An absolute ``http``/``https`` URL with a host, or None."""
    if not value:
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        raise GuidelineError("url is not a valid URL") from None
    if parts.scheme.casefold() not in ("http", "https") or not host:
        raise GuidelineError("url must be an absolute http or https URL")
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in value):
        raise GuidelineError("url holds spaces or control characters")
    return value


def checked_fields(meta: Mapping[str, str | None]) -> dict[str, str | None]:
    """Each known field normalised (whitespace collapsed), bounded and typed: id a slug, published a date,
    url http(s)."""
    fields = {name: _text(name, meta.get(name)) for name in FIELD_LIMITS}
    if fields["id"] is not None and not _ID.fullmatch(fields["id"]):
        raise GuidelineError("the id must be letters, digits, '.', '_' or '-' (at most 128)")
    fields["published"] = published_day(fields["published"])
    fields["url"] = source_url(fields["url"])
    return fields

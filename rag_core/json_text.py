"""Every string inside parsed JSON (dicts, lists, nested), in document order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)

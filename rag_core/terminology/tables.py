"""Loading the compiled terminology tables (read once per process, from the installed package)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources


def rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of ``data/<name>`` (tab-separated, a header line, ``#`` lines are comments)."""
    text = resources.files("rag_core.terminology").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)

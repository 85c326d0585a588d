"""Shared by the conformance scripts: one Markdown table row per requirement with its coverage
(test names become `tests/…` links the conformance tests check)."""

from __future__ import annotations

from pathlib import Path


def cell(text: str, limit: int = 140) -> str:
    return " ".join(text.split())[:limit].replace("|", "\\|")


def coverage_cell(coverage: tuple[str, ...] | None) -> str:
    return "<br>".join(f"`tests/{c}`" if c.startswith("test_") else c for c in coverage or ("MISSING",))


def write_table(out: Path, heading: list[str], rows: list[tuple[str, str, str]], coverage: dict[str, tuple[str, ...]]) -> None:
    """``rows``: (id, level, requirement text)."""
    lines = [*heading, "", "| ID | level | requirement | coverage |", "|---|---|---|---|"]
    lines += [f"| {rid} | {level} | {cell(text)} | {coverage_cell(coverage.get(rid))} |" for rid, level, text in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")

"""The check every conformance table shares: each requirement id of the source list has exactly one
row, none says MISSING, and every test a row names exists."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

ROW = re.compile(r"^\| (\d+) \|.*\| (.+) \|$", re.M)


def assert_documented(doc: Path, ids: list[str]) -> None:
    rows = {m.group(1): m.group(2) for m in ROW.finditer(doc.read_text())}
    assert ids and sorted(rows, key=int) == sorted(ids, key=int)
    assert not [rid for rid, cover in rows.items() if "MISSING" in cover]
    for rid, cover in rows.items():
        for path, name in re.findall(r"`tests/([\w./]+)::(\w+)`", cover):
            assert f"def {name}(" in (ROOT / "tests" / path).read_text(), f"requirement {rid} names a missing test {name}"

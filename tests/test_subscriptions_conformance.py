"""Every Subscriptions Backport IG client requirement has a test or a written reason, and every test
named in docs/subscriptions-conformance.md exists."""

from __future__ import annotations

import csv
import re

from tests.conftest import ROOT

DOC = ROOT / "docs" / "subscriptions-conformance.md"
CSV = ROOT / "tests" / "data" / "conformance" / "subscriptions_r4_client_requirements_coverage.csv"


def test_every_client_requirement_is_covered_or_explained() -> None:
    with CSV.open(encoding="utf-8-sig") as handle:
        ids = [row["ID"] for row in csv.DictReader(handle)]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (\d+) \|.*\| (.+) \|$", DOC.read_text(), re.M)}
    assert ids and sorted(rows, key=int) == sorted(ids, key=int)
    assert not [rid for rid, cover in rows.items() if "MISSING" in cover]
    for rid, cover in rows.items():
        for path, name in re.findall(r"`tests/([\w./]+)::(\w+)`", cover):
            assert f"def {name}(" in (ROOT / "tests" / path).read_text(), f"requirement {rid} names a missing test"

"""Every SMART App Launch 2.2 client requirement has a test or a written reason in docs/smart-conformance.md,
and every test named there exists."""

from __future__ import annotations

import csv
import re

from tests.conftest import ROOT

DOC = ROOT / "docs" / "smart-conformance.md"
CSV = ROOT / "tests" / "data" / "conformance" / "smart_client_stu2_2_requirements_coverage.csv"


def test_every_requirement_is_covered_or_explained() -> None:
    with CSV.open(encoding="utf-8-sig") as handle:
        ids = [row["ID"] for row in csv.DictReader(handle)]
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (\d+) \|[^|]*\|.*\| (.+) \|$", DOC.read_text(), re.M)}
    assert sorted(rows, key=int) == sorted(ids, key=int)
    assert not [rid for rid, cover in rows.items() if "MISSING" in cover]
    for rid, cover in rows.items():
        for ref in re.findall(r"`tests/([\w./]+)::(\w+)`", cover):
            source = (ROOT / "tests" / ref[0]).read_text()
            assert f"def {ref[1]}(" in source, f"requirement {rid} names a missing test {ref}"

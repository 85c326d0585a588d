"""Every SMART App Launch 2.2 client requirement has a test or a written reason in docs/smart-conformance.md,
and every test named there exists."""

from __future__ import annotations

import csv

from tests.conformance import assert_documented
from tests.conftest import ROOT

DOC = ROOT / "docs" / "smart-conformance.md"
CSV = ROOT / "tests" / "data" / "conformance" / "smart_client_stu2_2_requirements_coverage.csv"


def test_every_requirement_is_covered_or_explained() -> None:
    with CSV.open(encoding="utf-8-sig") as handle:
        assert_documented(DOC, [row["ID"] for row in csv.DictReader(handle)])

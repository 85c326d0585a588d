"""Every CDS Hooks 2.0 requirement concerning a service has a test or a written reason, and every
test named in docs/cds-hooks-conformance.md exists."""

from __future__ import annotations

import csv

from tests.conformance import assert_documented
from tests.conftest import ROOT

DOC = ROOT / "docs" / "cds-hooks-conformance.md"
TSV = ROOT / "tests" / "data" / "conformance" / "cdshooks2_service_requirements.tsv"


def test_every_service_requirement_is_covered_or_explained() -> None:
    with TSV.open(encoding="utf-8") as handle:
        ids = [row[0] for row in csv.reader(handle, delimiter="\t") if len(row) >= 5 and "Service" in row[2]]
    assert_documented(DOC, ids)

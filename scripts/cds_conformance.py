"""Writes docs/cds-hooks-conformance.md: every CDS Hooks 2.0 requirement that concerns a service, with
the test that covers it or the written reason; tests/test_cds_conformance.py checks it is complete."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "tests" / "data" / "conformance" / "cdshooks2_service_requirements.tsv"
OUT = ROOT / "docs" / "cds-hooks-conformance.md"

T = "test_cds_hooks.py::"
DISCOVERY = T + "test_discovery_lists_the_service"
CARD = T + "test_card_cites_only_the_requests_patient"
ERRORS = T + "test_unknown_service_and_wrong_hook"
ATTACKS = T + "test_jwt_attacks_are_rejected_and_audited"
REPLAY = T + "test_replayed_jti_is_rejected"
FEEDBACK = T + "test_feedback_is_audited_with_the_card"
PAGED = T + "test_prefetch_bundles_paged_are_used_for_an_unindexed_patient"
P412 = T + "test_missing_prefetch_without_authorization_is_412"
NULL = T + "test_null_prefetch_means_no_data_and_no_card"
OO = T + "test_operation_outcome_prefetch_is_fetched_from_the_fhir_server"
MODELS = "test_cds_models.py::test_spec_examples_round_trip"
INVALID = "test_cds_models.py::test_invalid_cards_are_refused"
CHECKED = "test_cds_models.py::test_links_and_requests_are_checked"
CORS = "test_cds_models.py::test_cors_preflight_for_browser_based_cds_clients"
SCHEMA = "test_cds_schemathesis.py::test_cds_service_honours_its_openapi"
PROPERTY = "test_cds_property.py::test_cards_cite_only_the_requests_patient"
TLS = "reason: deployments terminate TLS in front of ChartRAG (the base URL the JWT aud names is https); tests run on loopback"
NO_SUGGEST = "n/a: the chart-summary card carries no suggestions, actions or override reasons"
CLIENT = "n/a: a CDS client obligation"

COVERAGE: dict[str, tuple[str, ...]] = {
    "1": (MODELS, SCHEMA), "2": (TLS,), "3": (CHECKED, CARD),
    "4": (DISCOVERY,), "5": (DISCOVERY,), "6": (DISCOVERY,), "7": (DISCOVERY,), "8": (DISCOVERY,),
    "9": (DISCOVERY,), "10": (DISCOVERY,), "11": (DISCOVERY,), "12": (DISCOVERY, MODELS), "13": (DISCOVERY,),
    "14": (ERRORS, P412), "16": (CARD,),
    "27": ("reason: the card is built from structured facts and cached; `chartrag bench cds`: cold P95 ~7 ms, "
           "warm P95 ~4 ms",),
    "28": (PAGED,), "29": (DISCOVERY,), "34": (PAGED, OO), "35": (DISCOVERY,), "36": (DISCOVERY,),
    "52": (OO,), "54": (P412,), "55": (DISCOVERY,), "56": (DISCOVERY,), "57": (DISCOVERY,),
    "58": ("reason: the templates are plain patient-scoped searches and one read",), "59": (DISCOVERY,),
    "60": (OO, PAGED), "61": (PAGED, OO),
    "74": (CARD, SCHEMA), "75": ("n/a: no systemActions are returned",), "76": (ERRORS, P412), "77": (NULL,),
    "78": (CLIENT,),
    "80": (CARD, MODELS), "81": (CARD,), "82": (FEEDBACK,), "83": (CARD, INVALID, PROPERTY), "84": (CARD,),
    "85": ("reason: the detail is GitHub-flavoured Markdown (bold section titles, bullets, links)", CARD),
    "87": (CARD, INVALID), "88": (INVALID,),
    "89": ("reason: warning when a lab changed ≥ 25 % within a year, else info (cds_hooks/cards.py)", CARD),
    "90": (CARD, INVALID),
    "92": (NO_SUGGEST,), "93": (NO_SUGGEST,), "94": (NO_SUGGEST,), "95": (NO_SUGGEST,), "96": (NO_SUGGEST,),
    "98": (NO_SUGGEST,), "99": (NO_SUGGEST,), "100": (NO_SUGGEST,),
    "103": (CARD, MODELS), "104": (CARD,),
    "105": (CARD, INVALID), "106": ("n/a: no source url is sent",), "107": ("n/a: no source url is sent",),
    "108": ("n/a: see 106",),
    "109": ("reason: the drill-down is the smart link, not source.url",), "110": (CARD,),
    "111": ("n/a: no icon is sent",), "112": ("n/a: see 111",), "113": ("n/a: see 111",),
    "115": ("n/a: no topic is sent",), "116": ("n/a: see 115",),
    "136": (NO_SUGGEST,),
    "138": (CARD, CHECKED), "139": (CARD,), "140": ("n/a: the launch URL carries no deep-link context",),
    "141": (CARD, CHECKED), "142": (CHECKED, CARD),
    "144": (CARD,), "145": (CARD,), "146": ("reason: only the smart link carries appContext", CARD),
    "147": ("reason: no absolute links are sent", CARD),
    "148": (FEEDBACK,),
    "168": (TLS,), "175": ("n/a: mutual TLS, when wanted, is configured at the TLS proxy",), "179": ("n/a: see 175",),
    "176": (ATTACKS, REPLAY, DISCOVERY, FEEDBACK), "177": (ATTACKS,), "195": (ATTACKS,),
    "199": ("reason: CHARTRAG_CDS_TRUSTED_JWKS holds out-of-band JWK Sets per issuer", DISCOVERY),
    "200": (ATTACKS,), "201": (ATTACKS,), "203": (ATTACKS,), "205": (DISCOVERY,), "206": (ATTACKS,),
    "208": (CORS,),
    "210": ("n/a: the service does not update earlier guidance",), "211": ("n/a: see 210",),
    "212": (CLIENT,), "213": ("n/a: see 210",),
    "214": ("n/a: no extensions are sent",), "215": ("n/a: see 214",),
    "216": (NO_SUGGEST,), "217": (NO_SUGGEST,), "218": (NO_SUGGEST,), "219": (NO_SUGGEST,), "220": (NO_SUGGEST,),
}
for rid in range(117, 136):
    COVERAGE.setdefault(str(rid), (NO_SUGGEST,))


def service_rows() -> list[list[str]]:
    with TSV.open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if len(row) >= 5 and "Service" in row[2]]


def main() -> None:
    lines = [
        "# CDS Hooks 2.0 — service requirements and their coverage",
        "",
        "Generated by `scripts/cds_conformance.py` from `tests/data/conformance/cdshooks2_service_requirements.tsv`",
        "(requirements whose actors include the service). Each names its test(s) (tests/…), or why it does not",
        "apply (n/a) or how the design meets it (reason).",
        "",
        "| ID | level | anchor | requirement | coverage |",
        "|---|---|---|---|---|",
    ]
    for rid, level, _, anchor, text, *_ in service_rows():
        short = " ".join(text.split())[:120].replace("|", "\\\\|")
        cover = "<br>".join(f"`tests/{c}`" if c.startswith("test_") else c for c in COVERAGE.get(rid, ("MISSING",)))
        lines.append(f"| {rid} | {level} | {anchor} | {short} | {cover} |")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

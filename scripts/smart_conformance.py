"""Writes docs/smart-conformance.md: every SMART App Launch 2.2 client requirement with the test that
covers it or the written reason it does not apply / is not covered yet. Run after editing COVERAGE;
tests/test_smart_conformance.py checks the document is complete and its tests exist."""

from __future__ import annotations

import csv
from pathlib import Path

from conformance_table import write_table

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT / "tests" / "data" / "conformance" / "smart_client_stu2_2_requirements_coverage.csv"
OUT = ROOT / "docs" / "smart-conformance.md"

T_AUTHZ = "test_smart_oauth.py::test_authorization_request_carries_everything_smart_requires"
T_EXCHANGE = "test_smart_oauth.py::test_code_exchange_reads_launch_context_and_validates_id_token"
T_PKCE = "test_smart_oauth.py::test_pkce_mismatch_and_replayed_code_are_refused"
T_IDTOKEN = "test_smart_oauth.py::test_bad_id_tokens_are_refused"
T_REFRESH = "test_smart_oauth.py::test_refresh_rotates_and_keeps_the_patient"
T_FLOW = "test_smart_launch.py::test_ehr_launch_to_streamed_cited_answer_and_source"
T_STATE = "test_smart_launch.py::test_wrong_or_missing_state_is_refused"
T_REPLAY = "test_smart_launch.py::test_replayed_callback_and_code_are_refused"
T_SANDBOX_PKCE = "test_smart_launch.py::test_pkce_is_required_and_checked_by_the_sandbox"
T_STANDALONE = "test_smart_launch.py::test_standalone_launch_with_conditions_only_never_reads_labs"
T_TOKEN_PATIENT = "test_smart_launch.py::test_the_patient_comes_only_from_the_token"
T_DISCOVERY = "test_smart_discovery.py::test_discovery_fetches_once_and_caches"
T_SCOPES = "test_smart_scopes.py::test_read_types"
T_CATEGORY = "test_smart_scopes.py::test_v2_category_restrictions"
T_FLAGS = "test_smart_scopes.py::test_launch_flags_and_patient_scope"
T_BROWSER = "test_browser.py::test_launch_ask_and_open_a_citation"

NA_CONFIDENTIAL = "n/a: ChartRAG runs as a public client or as a confidential client with private_key_jwt"
T_CONFIDENTIAL = "test_smart_oauth.py::test_confidential_client_signs_a_one_time_assertion"
NA_SYMMETRIC = "n/a: no client secrets: confidential deployments use asymmetric keys (private_key_jwt)"
NA_BACKEND = "n/a: ChartRAG does not use Backend Services (no system/ scopes, no client-credentials grant)"
NA_BRANDS = "n/a: ChartRAG does not consume User Access Brand Bundles"
NA_SERVER = "n/a: a server-side requirement (the sandbox EHR honours it; not a client obligation)"

COVERAGE: dict[str, tuple[str, ...]] = {
    "1": ("reason: tokens go only to the configured issuer's endpoints; authlib refuses non-TLS token URLs "
          "except loopback (demo/tests); deployments use https issuers and CHARTRAG_SMART_COOKIE_SECURE",),
    "2": (T_AUTHZ,), "3": (T_AUTHZ,), "4": (T_STATE,),
    "5": ("reason: the page renders every server string with textContent and CSP script-src 'self'", T_BROWSER, T_FLOW),
    "6": ("reason: /callback only ever redirects to the fixed path /app", T_FLOW),
    "7": (T_FLOW,), "8": (T_FLOW,), "9": (T_FLOW,), "90": (T_FLOW,),
    "10": ("reason: public client, no embedded secret; PKCE per launch", T_AUTHZ),
    "11": ("reason: set CHARTRAG_SMART_CLIENT_KEY_FILE to run as a confidential client", T_CONFIDENTIAL),
    "12": (T_EXCHANGE,), "13": (T_AUTHZ, T_PKCE, T_SANDBOX_PKCE),
    "20": ("reason: launch URL {base}/launch is fixed; the sandbox registers it", T_FLOW),
    "21": ("reason: redirect_uri {base}/callback is fixed by CHARTRAG_SMART_BASE_URL", T_SANDBOX_PKCE),
    "22": ("reason: the public key set is served at {base}/.well-known/jwks.json for registration", T_CONFIDENTIAL),
    "23": (NA_SYMMETRIC,),
    "29": (T_DISCOVERY, "test_smart_discovery.py::test_unusable_configurations_are_refused"),
    "32": (T_AUTHZ,), "33": (T_AUTHZ,), "34": (T_AUTHZ,), "35": (T_AUTHZ, T_FLOW), "36": (T_STANDALONE,),
    "37": (T_AUTHZ,), "39": (T_AUTHZ, T_STATE), "40": (T_AUTHZ,), "41": (T_AUTHZ, T_FLOW),
    "42": (NA_SERVER,), "43": ("n/a: ChartRAG sends aud, not resource",),
    "44": (T_AUTHZ,), "45": (T_AUTHZ,),
    "46": ("reason: ChartRAG asks read/search only (patient/*.rs) plus launch, openid, fhirUser, offline_access; "
           "narrower scopes are configurable and honoured (CHARTRAG_SMART_SCOPE)", T_STANDALONE),
    "47": (T_EXCHANGE,),
    "50": (T_AUTHZ,), "51": (T_AUTHZ,), "52": ("n/a: ChartRAG sends the authorization request with GET",),
    "60": (T_STATE,), "61": (T_REPLAY, T_STATE),
    "62": (T_EXCHANGE,), "63": (T_EXCHANGE,), "64": (T_CONFIDENTIAL,), "65": (T_CONFIDENTIAL,), "66": (NA_SYMMETRIC,),
    "67": (T_PKCE,), "68": (T_PKCE,), "69": (T_EXCHANGE,), "70": (T_PKCE, T_SANDBOX_PKCE), "71": (T_EXCHANGE,),
    "72": (T_CONFIDENTIAL,),
    "93": (T_FLOW,), "264": (T_FLOW,),
    "97": ("reason: ChartRAG reads only Patient and note resources by id from the launching server; it never "
           "follows references to other servers",),
    "98": ("reason: see 97: foreign references are ignored",),
    "105": (T_REFRESH,), "106": (T_REFRESH,), "107": ("n/a: ChartRAG does not narrow scopes on refresh",),
    "108": ("n/a: no scope is sent on refresh (see 107)",), "117": (T_REFRESH,),
    "120": ("n/a: ChartRAG never requests create",), "121": (T_SCOPES,),
    "122": ("n/a: ChartRAG never requests update",), "124": ("n/a: ChartRAG never requests delete",),
    "125": (T_SCOPES,),
    "131": ("reason: the default scope is one wildcard read/search scope",),
    "132": (T_CATEGORY, "test_index_contract.py::test_category_limited_grants_are_applied_by_the_engine"),
    "133": ("not yet (SHOULD): authorization requests use GET; POST needs a per-page form-action CSP exception "
            "for the EHR origin and the server's authorize-post capability — a follow-up",),
    "135": (T_SCOPES,), "137": (T_SCOPES,), "141": (T_SCOPES,), "143": (T_SCOPES,), "146": (T_SCOPES,),
    "147": (T_STANDALONE, T_SCOPES), "148": ("reason: see 46; deployments can list types instead of *",),
    "150": (T_FLAGS,), "151": (T_FLAGS,), "152": (T_STANDALONE, T_FLAGS),
    "153": ("reason: standalone launch needs no encounter; in EHR launch an encounter in the token is kept",),
    "155": ("n/a: no additional launch contexts are requested",), "156": ("n/a: see 155",),
    "157": ("n/a: no ?role= launch contexts",), "158": ("n/a: see 157",),
    "161": (T_FLOW,), "162": ("n/a: no launch/ hints are sent in EHR launch",), "166": (T_STANDALONE,),
    "191": ("n/a: fhirContext is not used",),
    "193": ("reason: unknown or missing style values fall back to ChartRAG's default look",
            "test_smart_launch.py::test_smart_style_url_colours_the_page"),
    "195": (T_EXCHANGE,), "196": (T_EXCHANGE,), "201": (T_IDTOKEN,),
    "202": ("reason: fhirUser identifies the clinician in every audit record; it is not fetched", T_TOKEN_PATIENT),
    "211": (T_AUTHZ,),
    "215": ("n/a: ChartRAG requests offline_access (see 216)",), "216": (T_FLAGS,),
    "218": (T_EXCHANGE, T_IDTOKEN, T_FLOW),
    "219": ("n/a: scopes are never represented as URIs",), "220": ("n/a: see 219",),
    "375": (T_DISCOVERY,), "379": ("test_smart_discovery.py::test_relative_endpoints_resolve_against_the_fhir_base",),
}
for rid in ("225", "226", "227", "229", "230", "232", "233", "234", "235", "236", "237", "238", "239", "242", "263",
            "267", "268", "270"):
    COVERAGE.setdefault(rid, (NA_BACKEND,))
for rid in ("290", "307", "308", "309", "313", "314", "315", "317", "319", "320", "321", "322", "323", "327",
            "328", "329", "330", "331", "332", "333", "334"):
    COVERAGE.setdefault(rid, (T_CONFIDENTIAL,))
for rid in ("291", "293", "294", "298", "299", "300", "301", "302", "303", "304"):
    COVERAGE.setdefault(rid, ("reason: registration is out of band; ChartRAG publishes its public JWK Set at "
                              "{base}/.well-known/jwks.json (TLS in deployment)", T_CONFIDENTIAL))
COVERAGE.setdefault("292", ("n/a: dynamic client registration is not used",))
COVERAGE.setdefault("295", ("reason: the private key is read from CHARTRAG_SMART_CLIENT_KEY_FILE on the server and "
                            "never served; only the public JWK is published", T_CONFIDENTIAL))
COVERAGE.setdefault("312", ("n/a: only RS384/ES384 are used",))
COVERAGE.setdefault("318", ("reason: see 1 (TLS to the token endpoint outside loopback)",))
COVERAGE.setdefault("324", ("n/a: no jku header is sent",))
COVERAGE.setdefault("325", ("n/a: see 324",))
for rid in ("343", "345"):
    COVERAGE.setdefault(rid, (NA_SYMMETRIC,))
for rid in ("413", "414", "415", "416", "420", "425", "426", "435"):
    COVERAGE.setdefault(rid, (NA_BRANDS,))


def main() -> None:
    with CSV.open(encoding="utf-8-sig") as handle:
        rows = [(r["ID"], r["Conformance"], r["Requirement"]) for r in csv.DictReader(handle)]
    write_table(OUT, [
        "# SMART App Launch 2.2 — client requirements and their coverage",
        "",
        "Generated by `scripts/smart_conformance.py` from the requirement list in",
        "`tests/data/conformance/`. Each requirement names the test(s) that check it (tests/…), or says why",
        "it does not apply (n/a), why the design meets it (reason), or that it is not covered yet (not yet).",
    ], rows, COVERAGE)


if __name__ == "__main__":
    main()

"""The SMART launch end to end over real loopback HTTP: sandbox EHR (authlib authorization server,
FHIR API) ↔ ChartRAG (launch, callback, page, streamed answer, source panel), plus the attacks."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from rag_core.documents import load_path
from tests.conftest import BEATRIS, BEATRIS_ID, EDYTHE, EDYTHE_ID

pytestmark = pytest.mark.slow


def launch_url(stack: dict[str, Any], patient: str) -> str:
    page = httpx.get(f"{stack['ehr']}/ehr/patient/{patient}").text
    return re.search(r"<iframe title='ChartRAG'[^>]* src='([^']+)'", page).group(1).replace("&amp;", "&")  # type: ignore[union-attr]


def launch(stack: dict[str, Any], client: httpx.Client, patient: str = EDYTHE_ID) -> tuple[str, str]:
    """EHR launch → authorize → callback; returns (the callback URL used, the page's CSRF token)."""
    to_ehr = client.get(launch_url(stack, patient))
    assert to_ehr.status_code == 302
    params = {k: v[0] for k, v in parse_qs(urlparse(to_ehr.headers["location"]).query).items()}
    assert params["aud"] == stack["fhir"] and params["code_challenge_method"] == "S256" and params["launch"]
    back = client.get(to_ehr.headers["location"])
    assert back.status_code == 302 and back.headers["location"].startswith(stack["app"] + "/callback?")
    callback = back.headers["location"]
    to_app = client.get(callback)
    assert to_app.status_code == 303 and to_app.headers["location"] == "/app"
    page = client.get(stack["app"] + "/app")
    assert page.status_code == 200
    csrf = re.search(r'data-csrf="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    return callback, csrf


def ask(stack: dict[str, Any], client: httpx.Client, csrf: str, body: dict[str, Any]) -> list[tuple[str, dict]]:
    response = client.post(stack["app"] + "/app/ask", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    events = []
    for block in response.text.strip().split("\n\n"):
        event = re.search(r"^event: (.*)$", block, re.M).group(1)  # type: ignore[union-attr]
        data = json.loads(re.search(r"^data: (.*)$", block, re.M).group(1))  # type: ignore[union-attr]
        events.append((event, data))
    return events


def test_ehr_launch_to_streamed_cited_answer_and_source(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        _, csrf = launch(stack, client)
        page = client.get(stack["app"] + "/app")
        assert "Edythe31" in page.text  # patient banner from the FHIR Patient read with the token
        assert "frame-ancestors" in page.headers["content-security-policy"]
        assert page.headers["referrer-policy"] == "no-referrer"
        cookie = page.request.headers["cookie"]
        assert "access_token" not in page.text and "at-" not in cookie
        events = ask(stack, client, csrf, {"question": "Which vaccines were given in 2021?"})
        claims = [d for e, d in events if e == "claim"]
        assert claims and events[-1][0] == "done" and not events[-1][1]["abstained"]
        chip = claims[0]["citations"][0]
        source = client.get(f"{stack['app']}/app/source/{chip['chunk_id']}").json()
        assert source["reference"] == chip["reference"] and source["text"]
        note = ask(stack, client, csrf, {"question": "What did the last note say in its assessment and plan?"})
        note_chip = next(d for e, d in note if e == "claim")["citations"][0]
        panel = client.get(f"{stack['app']}/app/source/{note_chip['chunk_id']}").json()
        assert panel["highlight"] and "Assessment and Plan" in panel["text"][panel["highlight"][0]:panel["highlight"][1]]


def test_the_patient_comes_only_from_the_token(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        _, csrf = launch(stack, client, EDYTHE_ID)
        smuggled = {"patient_id": BEATRIS_ID, "patient": BEATRIS_ID}  # ignored: the token names the patient
        allergies = ask(stack, client, csrf, {"question": "What allergies are documented?"} | smuggled)
        said = [d for e, d in allergies if e == "claim"]  # Beatris has nine allergies, Edythe none recorded:
        assert len(said) == 1 and "No Known Allergies" in said[0]["text"]  # what Edythe's newest note states
        assert {c["reference"] for c in said[0]["citations"]} <= {d.source.reference for d in load_path(EDYTHE).documents}
        events = ask(stack, client, csrf, {"question": "When was Prediabetes first diagnosed?"} | smuggled)
        refs = {c["reference"] for e, d in events if e == "claim" for c in d["citations"]}
        audit = (Path(stack["data_dir"]) / "audit.jsonl").read_text().splitlines()[-1]
        assert json.loads(audit)["patient_id"] == EDYTHE_ID and json.loads(audit)["requester"].endswith(
            "Practitioner/sandbox-clinician")
        edythe = {d.source.reference for d in load_path(EDYTHE).documents}
        beatris = {d.source.reference for d in load_path(BEATRIS).documents}
        assert refs and refs <= edythe and not refs & beatris  # Beatris has allergies; none may appear
        other = client.get(f"{stack['fhir']}/Patient/{BEATRIS_ID}")  # and the EHR refuses cross-patient reads
        assert other.status_code == 401


@pytest.mark.parametrize("state", ["", "bogus-state"])
def test_wrong_or_missing_state_is_refused(stack: dict[str, Any], state: str) -> None:
    with httpx.Client() as client:
        response = client.get(f"{stack['app']}/callback", params={"code": "whatever", "state": state})
        assert response.status_code == 400 and "not valid for this browser session" in response.text


def test_replayed_callback_and_code_are_refused(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        callback, _ = launch(stack, client)
        replay = client.get(callback)
        assert replay.status_code == 400
        code = parse_qs(urlparse(callback).query)["code"][0]
        token = httpx.post(f"{stack['ehr']}/auth/token", data={
            "grant_type": "authorization_code", "code": code, "client_id": "chartrag",
            "redirect_uri": stack["app"] + "/callback", "code_verifier": "x" * 50})
        assert token.status_code == 400 and token.json()["error"] == "invalid_grant"


def test_pkce_is_required_and_checked_by_the_sandbox(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        to_ehr = client.get(launch_url(stack, EDYTHE_ID))
        params = {k: v[0] for k, v in parse_qs(urlparse(to_ehr.headers["location"]).query).items()}
        no_pkce = {k: v for k, v in params.items() if not k.startswith("code_challenge")}
        refused = client.get(f"{stack['ehr']}/auth/authorize", params=no_pkce)
        if refused.status_code == 302:  # OAuth errors go back to the registered redirect_uri
            sent_back = parse_qs(urlparse(refused.headers["location"]).query)
            assert sent_back["error"] == ["invalid_request"] and "code" not in sent_back
        else:
            assert refused.status_code == 400
        back = client.get(to_ehr.headers["location"])
        code = parse_qs(urlparse(back.headers["location"]).query)["code"][0]
        wrong = httpx.post(f"{stack['ehr']}/auth/token", data={
            "grant_type": "authorization_code", "code": code, "client_id": "chartrag",
            "redirect_uri": stack["app"] + "/callback", "code_verifier": "w" * 64})
        assert wrong.status_code == 400


def test_an_expired_access_token_is_refreshed_and_rotated(stack: dict[str, Any]) -> None:
    from smart_app.session import COOKIE

    with httpx.Client() as client:
        _, csrf = launch(stack, client)
        smart = stack["asgi"].state.smart
        sid = smart.cookies.unsign(client.cookies[COOKIE])
        data = smart.store.load(sid)
        before = dict(data["ctx"]["token"])
        data["ctx"]["token"]["expires_at"] = 0  # as if an hour had passed
        smart.store.save(sid, data)
        events = ask(stack, client, csrf, {"question": "When was Prediabetes first diagnosed?"})
        assert events and not events[-1][1]["abstained"]
        after = smart.store.load(sid)["ctx"]["token"]
        assert after["access_token"] != before["access_token"] and after["refresh_token"] != before["refresh_token"]
        assert after["patient"] == EDYTHE_ID and after["expires_at"] > 0
        fresh = httpx.get(f"{stack['fhir']}/Patient/{EDYTHE_ID}",
                          headers={"Authorization": f"Bearer {after['access_token']}"})
        assert fresh.status_code == 200  # the new token works at the EHR
        reuse = httpx.post(f"{stack['ehr']}/auth/token", data={
            "grant_type": "refresh_token", "refresh_token": before["refresh_token"], "client_id": "chartrag"})
        assert reuse.status_code == 400  # the rotated-out refresh token is dead


def test_smart_style_url_colours_the_page(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        launch(stack, client)
        css = client.get(stack["app"] + "/app/style.css")
        assert css.headers["content-type"].startswith("text/css") and "--accent: #2b6a4f;" in css.text
    assert httpx.get(stack["app"] + "/app/style.css").text == ""  # no session: default look


def test_the_ehr_shows_the_cds_card_whose_smart_link_launches_the_app(stack: dict[str, Any]) -> None:
    page = httpx.get(f"{stack['ehr']}/ehr/patient/{EDYTHE_ID}").text
    assert "Chart summary" in page and "Prediabetes" in page  # the card, fetched with a signed JWT (jku)
    link = re.search(r"<a class=cds-link href='([^']+)'", page).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    assert link.startswith(stack["app"] + "/launch?iss=") and "&launch=" in link
    with httpx.Client() as client:
        to_ehr = client.get(link)
        back = client.get(to_ehr.headers["location"])
        client.get(back.headers["location"])
        assert client.get(stack["app"] + "/app").status_code == 200


def test_unknown_issuer_is_refused(stack: dict[str, Any]) -> None:
    response = httpx.get(f"{stack['app']}/launch", params={"iss": "https://evil.example.com/fhir", "launch": "x"})
    assert response.status_code == 403 and "not configured" in response.text


def test_csrf_and_session_are_required_to_ask(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        launch(stack, client)
        assert client.post(stack["app"] + "/app/ask", json={"question": "x"}).status_code == 403
    assert httpx.post(stack["app"] + "/app/ask", json={"question": "x"}).status_code == 401
    assert httpx.get(stack["app"] + "/app").status_code == 401


def test_standalone_launch_with_conditions_only_never_reads_labs(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        to_ehr = client.get(f"{stack['app']}/launch")
        assert to_ehr.status_code == 302 and "launch%2Fpatient" in to_ehr.headers["location"]
        picker = client.get(to_ehr.headers["location"])
        assert picker.status_code == 200 and "Choose a patient" in picker.text
        form = dict(re.findall(r"<input type=hidden name='([^']+)' value='([^']*)'>", picker.text))
        form = {k: v.replace("&amp;", "&") for k, v in form.items()} | {"patient_choice": EDYTHE_ID}
        back = client.post(f"{stack['ehr']}/auth/authorize", data=form)
        client.get(back.headers["location"])
        page = client.get(stack["app"] + "/app")
        csrf = re.search(r'data-csrf="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        events = ask(stack, client, csrf, {"question": "What was the most recent body weight result?"})
        assert events[-1][1]["abstained"]
        audit = json.loads((Path(stack["data_dir"]) / "audit.jsonl").read_text().splitlines()[-1])
        assert audit["granted_types"] == ["Condition"] and audit["retrieved_chunk_ids"] == []


def test_similar_cases_panel_needs_the_session_and_its_csrf_token(stack: dict[str, Any]) -> None:
    """The page's "Similar past cases" panel asks for the session's own patient (from the launch, never from
    the request) with the page's CSRF token; without a session it is told to relaunch."""
    with httpx.Client() as client:
        _, csrf = launch(stack, client)
        page = client.get(stack["app"] + "/app")
        assert 'id="similar-button"' in page.text and "anonymized case library" in page.text
        assert client.post(stack["app"] + "/app/similar-cases", json={}).status_code == 403  # no CSRF token
        found = client.post(stack["app"] + "/app/similar-cases", json={"patient_id": BEATRIS_ID},
                            headers={"X-CSRF-Token": csrf})
        assert found.status_code == 200 and found.headers["cache-control"] == "no-store"
        data = found.json()
        assert data["profile_found"] is True and data["cases"] == []  # this index's library holds no case
    outsider = httpx.post(stack["app"] + "/app/similar-cases", json={})
    assert outsider.status_code == 401 and outsider.json()["relaunch"] is True
    log = Path(stack["data_dir"]) / "audit.jsonl"
    events = [json.loads(line) for line in log.read_text().splitlines() if '"similar_cases"' in line]
    assert events and events[-1]["patient_id"] == EDYTHE_ID and events[-1]["outcome"] == "no_cases"


def test_a_session_cookie_planted_before_login_is_worthless_after_it(stack: dict[str, Any]) -> None:
    """Session fixation (issue 24, finding 4): an attacker takes a session cookie of its own from the app and
    plants it in the clinician's browser; the clinician launches. The planted id must not become the signed-in
    session: from the attacker's side it reads no page (and so no CSRF token) and asks nothing, not even with
    the clinician's own CSRF token."""
    with httpx.Client() as attacker:
        assert attacker.get(f"{stack['app']}/launch").status_code == 302  # a standalone launch starts a session
        planted = attacker.cookies["chartrag_session"]
        with httpx.Client(cookies=attacker.cookies) as victim:  # the same cookie, as the app set it
            assert victim.cookies["chartrag_session"] == planted
            _, csrf = launch(stack, victim)
            assert client_asks(stack, victim, csrf) == 200  # the clinician's own session works
        page = attacker.get(stack["app"] + "/app")
        assert page.status_code == 401 and "data-csrf" not in page.text
        assert client_asks(stack, attacker, csrf) == 401  # the planted id is gone server-side
        assert attacker.post(stack["app"] + "/app/similar-cases", json={},
                             headers={"X-CSRF-Token": csrf}).status_code == 401


def test_a_relaunch_renews_the_session_id_and_its_csrf_token(stack: dict[str, Any]) -> None:
    with httpx.Client() as client:
        _, first_csrf = launch(stack, client)
        first = client.cookies["chartrag_session"]
        before = httpx.Cookies(client.cookies)  # a copy of the jar as it was
        _, second_csrf = launch(stack, client)
        assert second_csrf != first_csrf
        assert client_asks(stack, client, first_csrf) == 403  # the old CSRF token is no longer this session's
        assert client_asks(stack, client, second_csrf) == 200
    with httpx.Client(cookies=before) as old:  # the session id from before the relaunch was deleted
        assert old.cookies["chartrag_session"] == first
        assert old.get(stack["app"] + "/app").status_code == 401
        assert client_asks(stack, old, first_csrf) == 401


def client_asks(stack: dict[str, Any], client: httpx.Client, csrf: str) -> int:
    return client.post(stack["app"] + "/app/ask", json={"question": "What allergies are documented?"},
                       headers={"X-CSRF-Token": csrf}).status_code

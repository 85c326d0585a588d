from __future__ import annotations

import pytest

from rag_core.citations import NOT_FOUND, atoms, validate
from rag_core.models import Chunk, Claim, DraftAnswer, PatientScope

SCOPE = PatientScope.full("p1", "dr-test")


def chunk(cid: str, text: str, patient: str = "p1") -> Chunk:
    return Chunk(id=cid, patient_id=patient, text=text, resource_type="Observation", resource_id=cid)


RETRIEVED = [
    chunk("a", "Hemoglobin A1c: 6.1 % on 2020-12-28."),
    chunk("b", "Hemoglobin A1c: 5.8 % on 2019-06-02."),
    chunk("x", "Hemoglobin A1c: 9.9 % on 2020-12-28.", patient="p2"),
]


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (Claim(text="A1c 6.1 % on 2020-12-28.", citations=["a"]), None),
        (Claim(text="From 5.8 on 2019-06-02 to 6.1 on 2020-12-28.", citations=["a", "b"]), None),
        (Claim(text="A1c 6.1 %.", citations=["zzz"]), "citation not in this request's retrieval set"),
        (Claim(text="A1c 9.9 % on 2020-12-28.", citations=["x"]), "citation belongs to another patient"),
        (Claim(text="A1c 7.2 % on 2020-12-28.", citations=["a"]), "number not in cited text"),
        (Claim(text="A1c 6.1 % on 2021-01-05.", citations=["a"]), "date not in cited text"),
        (Claim(text="A1c 6.1 %.", citations=[]), "no citation"),
        (Claim(text="Hemoglobin A1c was measured.", citations=["a"]), None),  # "1" inside A1c is no number
    ],
)
def test_validator_table(claim: Claim, reason: str | None) -> None:
    draft = DraftAnswer(text=claim.text, claims=[claim], confidence=0.9, model_id="t")
    result = validate(draft, RETRIEVED, SCOPE)
    if reason is None:
        assert result.claims == [claim] and not result.abstained
        assert all(c.patient_id == "p1" for c in result.citations)
    else:
        assert result.claims == [] and result.abstained and result.answer == NOT_FOUND
        assert [d.reason for d in result.dropped] == [reason]
        assert claim.text not in result.model_dump_json()  # dropped text is hashed, not echoed


def test_partial_survival_renumbers_citations() -> None:
    good = Claim(text="A1c 5.8 % on 2019-06-02.", citations=["b"])
    bad = Claim(text="A1c 6.4 % on 2020-12-28.", citations=["a"])
    result = validate(DraftAnswer(text="", claims=[bad, good], confidence=1.0, model_id="t"), RETRIEVED, SCOPE)
    assert result.answer == "A1c 5.8 % on 2019-06-02. [1]"
    assert [c.reference for c in result.citations] == ["Observation/b"]
    assert result.confidence == pytest.approx(0.5)


def test_atoms_ignore_numbers_inside_words_and_dates() -> None:
    assert atoms("HbA1c 6.0 mm[Hg] on 2020-01-02, 12 ML") == ({"2020-01-02"}, {"6", "12"})

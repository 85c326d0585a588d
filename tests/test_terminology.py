"""The terminology tables (rag_core/terminology/data) load, hold what their sources say, and resolve a
question's drug class or drug name to THIS patient's recorded medications only."""

from __future__ import annotations

import pytest

from rag_core.concepts import VocabularyEntry, resolve_concept
from rag_core.terminology.drugs import abbreviations, drugs
from rag_core.terminology.tables import rows


@pytest.mark.parametrize(("name", "columns", "at_least"), [
    ("drug_classes.tsv", {"ingredient", "class_id", "class_name", "source", "type"}, 10000),
    ("drug_names.tsv", {"name", "ingredient", "kind"}, 10000),
    ("abbreviations.tsv", {"abbreviation", "sense", "source", "frequency"}, 4000),
    ("icd10cm.tsv", {"code", "level", "title", "parent"}, 2000),
    ("class_lay_names.tsv", {"term", "classes", "needs"}, 20),
])
def test_every_table_loads_with_its_columns(name: str, columns: set[str], at_least: int) -> None:
    loaded = list(rows(name))
    assert len(loaded) >= at_least
    assert set(loaded[0]) == columns
    assert all(all(row[c] is not None for c in columns) for row in loaded)


def test_the_tables_hold_what_their_sources_say() -> None:
    table = drugs()
    names = {c.name for i in ("simvastatin",) for c in (table.classes[cid] for cid in table.of_ingredient[i])}
    assert {"HMG-CoA Reductase Inhibitor", "Hydroxymethylglutaryl-CoA Reductase Inhibitors"} <= names
    assert table.ingredients("Eliquis 5 MG Oral Tablet") == {"apixaban"}
    assert table.ingredients("NDA020503 200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler") == {"salbutamol"}
    assert table.ingredients("amoxicillin 250 MG / clavulanate 125 MG Oral Tablet") >= {"amoxicillin"}
    assert "antibiotics" in abbreviations()["abx"]
    assert "implantable cardioverter defibrillator" in abbreviations()["icd"]
    chapters = [r for r in rows("icd10cm.tsv") if r["level"] == "chapter"]
    assert any("circulatory" in r["title"].lower() for r in chapters) and len(chapters) >= 21
    lay_classes = {n for r in rows("class_lay_names.tsv") for n in r["classes"].split("|")}
    assert lay_classes <= {c.name for c in table.classes.values()}  # a lay name only points at sourced classes


@pytest.mark.parametrize(("asked", "label"), [
    ("statin", "HMG-CoA Reductase Inhibitor"), ("statins", "HMG-CoA Reductase Inhibitor"),
    ("statn", "HMG-CoA Reductase Inhibitor"), ("blood thinners", "Anticoagulants"),
    ("anticoagulents", "Anticoagulants"), ("bp meds", "Antihypertensive Agents"), ("abx", "Anti-Bacterial Agents"),
    ("beta blockers", "beta-Adrenergic Blocker"), ("ace inhibitor", "Angiotensin Converting Enzyme Inhibitor"),
    ("ssri", "Serotonin Reuptake Inhibitor"), ("water pill", "Diuretics"), ("ppi", "Proton Pump Inhibitor"),
])
def test_a_class_is_read_from_its_name_lay_name_stem_abbreviation_or_misspelling(asked: str, label: str) -> None:
    query = drugs().resolve_class(asked)
    assert query is not None and label in {c.name for c in query.classes}


@pytest.mark.parametrize("asked", ["blood pressure", "pain", "sugar", "diabetes", "heart", "chest pain", "potassium"])
def test_a_use_word_alone_names_no_class(asked: str) -> None:
    """"blood pressure" alone is a measurement and "diabetes" a condition: only "bp meds" is a class."""
    assert drugs().resolve_class(asked) is None


def _vocabulary(*medications: str, labs: tuple[str, ...] = ()) -> list[VocabularyEntry]:
    return [VocabularyEntry(m, "medication") for m in medications] + [VocabularyEntry(lab, "lab") for lab in labs]


def test_a_class_resolves_to_the_patients_members_by_ingredient_only() -> None:
    vocabulary = _vocabulary("simvastatin 20 MG Oral Tablet", "Nystatin 100000 UNT/ML Oral Suspension",
                             "lisinopril 10 MG Oral Tablet", labs=("Cholesterol in LDL [Mass/volume] in Serum",))
    found = resolve_concept("statin", vocabulary, ["medication"])
    assert found is not None and found.how == "class"
    assert found.names == ("simvastatin 20 MG Oral Tablet",)  # nystatin ends in "statin" but is an antifungal
    bp = resolve_concept("bp meds", vocabulary, ["medication"])
    assert bp is not None and bp.names == ("lisinopril 10 MG Oral Tablet",)
    brand = resolve_concept("zocor", vocabulary, ["medication"])
    assert brand is not None and brand.how == "brand" and brand.names == ("simvastatin 20 MG Oral Tablet",)


def test_a_class_the_chart_does_not_hold_is_said_with_what_was_looked_for() -> None:
    found = resolve_concept("blood thinners", _vocabulary("simvastatin 20 MG Oral Tablet"), ["medication"])
    assert found is not None and found.names == () and found.label and "Anticoagulants" in found.label


def test_a_name_the_chart_records_wins_over_the_terminology() -> None:
    """A recorded name written out ("Warfarin") is matched as recorded, before any class reading."""
    found = resolve_concept("warfarin", _vocabulary("Warfarin Sodium 5 MG Oral Tablet"), ["medication"])
    assert found is not None and found.how == "exact"

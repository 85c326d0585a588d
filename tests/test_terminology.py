"""The terminology tables (rag_core/terminology/data) load, hold what their sources say, and resolve a
question's drug class or drug name to THIS patient's recorded medications only."""

from __future__ import annotations

import pytest

from rag_core.concepts import Resolution, VocabularyEntry, resolve_concept
from rag_core.terminology.conditions import conditions
from rag_core.terminology.drugs import abbreviations, drugs
from rag_core.terminology.tables import rows


@pytest.mark.parametrize(("name", "columns", "at_least"), [
    ("drug_classes.tsv", {"ingredient", "class_id", "class_name", "source", "type"}, 10000),
    ("drug_names.tsv", {"name", "ingredient", "kind"}, 10000),
    ("abbreviations.tsv", {"abbreviation", "sense", "source", "frequency"}, 4000),
    ("icd10cm.tsv", {"code", "level", "title", "parent"}, 2000),
    ("icd10cm_terms.tsv", {"code", "term", "kind"}, 10000),
    ("class_lay_names.tsv", {"term", "classes", "needs"}, 20),
    ("inn_stems.tsv", {"stem", "where", "class_name", "also"}, 8),
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
    assert any(r["code"] == "J32" and r["term"] == "sinus infection" for r in rows("icd10cm_terms.tsv"))
    lay_classes = {n for r in rows("class_lay_names.tsv") for n in r["classes"].split("|")}
    assert lay_classes <= {c.name for c in table.classes.values()}  # a lay name only points at sourced classes


@pytest.mark.parametrize(("asked", "label"), [
    ("statin", "HMG-CoA Reductase Inhibitor"), ("statins", "HMG-CoA Reductase Inhibitor"),
    ("statn", "HMG-CoA Reductase Inhibitor"), ("blood thinners", "Anticoagulants"),
    ("anticoagulents", "Anticoagulants"), ("bp meds", "Antihypertensive Agents"), ("abx", "Anti-Bacterial Agents"),
    ("beta blockers", "beta-Adrenergic Blocker"), ("ace inhibitor", "Angiotensin Converting Enzyme Inhibitor"),
    ("ssri", "Serotonin Reuptake Inhibitor"), ("water pill", "Diuretics"), ("ppi", "Proton Pump Inhibitor"),
    # a class word clipped as the ward says it; of two, the class holding more drugs (not benzothiazole)
    ("benzo", "Benzodiazepine"), ("anticoag", "Anticoagulants"), ("antipsych", "Antipsychotic Agents"),
    # classes of INN stems, for the biologics and peptides the 2016 class table does not hold
    ("biologic", "Monoclonal Antibody"), ("glp1", "GLP-1 Receptor Agonist"), ("glp-1 agonist", "GLP-1 Receptor Agonist"),
])
def test_a_class_is_read_from_its_name_lay_name_stem_abbreviation_or_misspelling(asked: str, label: str) -> None:
    misspelt = asked in ("statn", "anticoagulents")  # read only at the last step, after the chart's own words
    query = drugs().resolve_class(asked, typos=misspelt)
    assert query is not None and label in {c.name for c in query.classes}
    if misspelt:
        assert drugs().resolve_class(asked) is None


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


def test_a_drug_newer_than_the_class_table_joins_the_class_its_name_stem_is_given_by() -> None:
    """Empagliflozin and edoxaban are not in the 2016 class table; their stem-mates are ("…lozin": dapagliflozin,
    canagliflozin; "xaban": apixaban, rivaroxaban). A stem is only an ending every drug of the table that ends so
    shares a class with: "prazole" is not one (aripiprazole is no proton pump inhibitor), so brexpiprazole is
    never read as a PPI; a ChEBI role never merges into a class ("anticonvulsant" holds omeprazole)."""
    table = drugs()
    assert "xaban" in table.member_stems and "prazole" not in table.member_stems and "statin" not in table.member_stems
    names = {table.classes[c].name for c in table.class_ids("Jardiance 10 MG Oral Tablet")}
    assert "Sodium-Glucose Cotransporter 2 Inhibitor" in names
    assert "Factor Xa Inhibitor" in {table.classes[c].name for c in table.class_ids("edoxaban 60 MG Oral Tablet")}
    assert not {table.classes[c].name for c in table.class_ids("brexpiprazole 2 MG Oral Tablet")} & {
        "Proton Pump Inhibitor", "Proton Pump Inhibitors"}
    seizure = drugs().resolve_class("antiepileptic")
    assert seizure is not None and not drugs().members(seizure, ["omeprazole 20 MG Delayed Release Oral Capsule"])
    vocabulary = _vocabulary("empagliflozin 10 MG Oral Tablet", "metformin hydrochloride 500 MG Oral Tablet",
                             "Humalog 100 UNT/ML Injectable Solution", "insulin glargine 100 UNT/ML Injectable Solution")
    sglt2 = resolve_concept("sglt2i", vocabulary, ["medication"])
    assert sglt2 is not None and sglt2.names == ("empagliflozin 10 MG Oral Tablet",)
    diabetes = resolve_concept("diabetes meds", vocabulary, ["medication"])
    assert diabetes is not None and "metformin hydrochloride 500 MG Oral Tablet" in diabetes.names
    # "insulin" names the recorded Humalog too: its ingredient is insulin lispro
    insulin = resolve_concept("insulin", vocabulary, ["medication"])
    assert insulin is not None and set(insulin.names) == {"Humalog 100 UNT/ML Injectable Solution",
                                                          "insulin glargine 100 UNT/ML Injectable Solution"}


@pytest.mark.parametrize("asked", ["protein", "cardio", "thyro", "hyper", "hep"])
def test_a_word_of_its_own_is_never_read_as_a_clipped_class(asked: str) -> None:
    """"protein" is a test and "hep" hepatitis or heparin: a word a table knows is no clipped class word."""
    assert drugs().resolve_class(asked) is None


def test_an_inn_stem_places_a_biologic_or_peptide_in_its_class_and_the_sourced_classes_it_belongs_to() -> None:
    vocabulary = _vocabulary("0.4 ML adalimumab 100 MG/ML Prefilled Syringe [Humira]",
                             "Insulin Glargine 100 UNT/ML Pen Injector",
                             "1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]",
                             "metformin hydrochloride 500 MG Oral Tablet", "simvastatin 20 MG Oral Tablet",
                             "enoxaparin sodium 40 MG/0.4ML Prefilled Syringe")
    diabetes = resolve_concept("diabetes meds", vocabulary, ["medication"])
    assert diabetes is not None and set(diabetes.names) == {
        "Insulin Glargine 100 UNT/ML Pen Injector", "1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]",
        "metformin hydrochloride 500 MG Oral Tablet"}  # a GLP-1 agonist and an insulin are diabetes medicines
    biologic = resolve_concept("biologic", vocabulary, ["medication"])
    assert biologic is not None and biologic.names == ("0.4 ML adalimumab 100 MG/ML Prefilled Syringe [Humira]",)
    thinner = resolve_concept("blood thinner", vocabulary, ["medication"])
    assert thinner is not None and thinner.names == ("enoxaparin sodium 40 MG/0.4ML Prefilled Syringe",)
    assert resolve_concept("hep c", vocabulary, ["condition"]) is None  # heparins form no class "hep" names


def test_a_misspelt_brand_is_read_by_what_the_chart_holds_when_two_names_are_as_near() -> None:
    """"protonics" is two edits from Protonix and from Protopic: the chart's pantoprazole decides."""
    table = drugs()
    assert table.brand("protonics", typos=True, among=["pantoprazole 40 MG Delayed Release Oral Tablet"]) == {
        "pantoprazole"}
    assert table.brand("protonics", typos=True) == frozenset()  # alone, neither is chosen
    assert table.brand("dapaglifozin", typos=True) == {"dapagliflozin"}


def test_a_class_the_chart_does_not_hold_is_said_with_what_was_looked_for() -> None:
    found = resolve_concept("blood thinners", _vocabulary("simvastatin 20 MG Oral Tablet"), ["medication"])
    assert found is not None and found.names == () and found.label and "Anticoagulants" in found.label


def test_a_name_the_chart_records_wins_over_the_terminology() -> None:
    """A recorded name written out ("Warfarin") is matched as recorded, before any class reading."""
    found = resolve_concept("warfarin", _vocabulary("Warfarin Sodium 5 MG Oral Tablet"), ["medication"])
    assert found is not None and found.how == "exact"


# --------------------------------------------------------------------------- condition groups (ICD-10-CM)


def test_a_recorded_condition_is_placed_in_icd10cm_by_its_display() -> None:
    from rag_core.terminology.conditions import conditions

    table = conditions()
    assert table.place("Atrial fibrillation (disorder)")[-1] == "chapter 9"
    assert table.place("Chronic kidney disease (disorder)")[-1] == "chapter 14"
    assert table.place("Neoplasm of prostate")[-1] == "chapter 2"
    assert table.place("Misuses drugs (finding)") == ()  # a word no title holds keeps a weak match out
    assert table.place("Full-time employment (finding)") == ()


@pytest.mark.parametrize(("asked", "holds"), [
    ("heart", "Ischemic heart diseases"), ("heart problems", "Other forms of heart disease"),
    ("cancer", "Neoplasms"), ("kidney disease", "chronic kidney disease"), ("infections", "infectious"),
    ("lung", "respiratory system"), ("mental health", "Mental"),
])
def test_a_group_is_read_from_icd10cm_titles(asked: str, holds: str) -> None:
    from rag_core.terminology.conditions import conditions

    query = conditions().resolve_group(asked)
    assert query is not None and any(holds.lower() in g.title.lower() for g in query.groups)


@pytest.mark.parametrize("asked", ["heart failure", "heart rate", "cancer screening", "potassium"])
def test_a_specific_concept_is_no_group(asked: str) -> None:
    from rag_core.terminology.conditions import conditions

    assert conditions().resolve_group(asked) is None


def test_a_group_resolves_to_the_patients_conditions_in_it() -> None:
    vocabulary = [VocabularyEntry(n, "condition") for n in (
        "Atrial fibrillation (disorder)", "Neoplasm of prostate", "Chronic kidney disease (disorder)",
        "Misuses drugs (finding)")] + [VocabularyEntry("Heart rate", "lab")]
    heart = resolve_concept("heart problems", vocabulary, ["condition"])
    assert heart is not None and heart.how == "group" and heart.names == ("Atrial fibrillation (disorder)",)
    cancer = resolve_concept("cancer", vocabulary, [])
    assert cancer is not None and cancer.names == ("Neoplasm of prostate",)
    skin = resolve_concept("skin", vocabulary, ["condition"])
    assert skin is not None and skin.names == () and "skin" in (skin.label or "")
    rate = resolve_concept("heart", vocabulary, ["lab"])  # a lab question is not a group question
    assert rate is not None and rate.names == ("Heart rate",)


def test_a_condition_in_the_clinicians_words_is_placed_by_the_code_it_was_recorded_with() -> None:
    said = "Prerenal injury from high-output ileostomy"  # no ICD-10-CM title reads like it
    plain = [VocabularyEntry(said, "condition")]
    assert not (resolve_concept("any kidney issues", plain, ["condition"]) or Resolution((), "", 0, "", "")).names
    coded = [VocabularyEntry(said, "condition", ("N17.9",))]
    found = resolve_concept("any kidney issues", coded, ["condition"])
    assert found is not None and found.names == (said,)
    assert conditions().chain("S72.002A")[-1] == "chapter 19"  # a seventh character: placed by its subcategory
    assert conditions().chain("XYZ") == ()


def test_a_relatives_condition_never_answers_for_the_patient() -> None:
    vocabulary = [VocabularyEntry("Malignant neoplasm of breast", "family"), VocabularyEntry("Hypertension", "condition")]
    assert resolve_concept("breast cancer", vocabulary, ["condition"]) is None or \
        resolve_concept("breast cancer", vocabulary, ["condition"]).topic != "family"
    family = resolve_concept("breast", vocabulary, ["family"])
    assert family is not None and family.topic == "family"


def test_a_medication_question_reads_a_written_out_measurement_as_its_class() -> None:
    """"which blood pressure meds": the antihypertensives, not the blood-pressure reading named in it."""
    vocabulary = [VocabularyEntry("lisinopril 10 MG Oral Tablet", "medication"), VocabularyEntry("Blood Pressure", "lab")]
    meds = resolve_concept("blood pressure", vocabulary, ["medication", "lab"], "which blood pressure meds is he on")
    assert meds is not None and meds.names == ("lisinopril 10 MG Oral Tablet",)
    reading = resolve_concept("blood pressure", vocabulary, ["lab"], "last blood pressure")
    assert reading is not None and reading.names == ("Blood Pressure",)


# --------------------------------------------------------------------------- an outside review's findings


def test_a_stay_named_by_its_reason_stays_an_encounter_question() -> None:
    from datetime import date

    from rag_core.kinds.planner import plan_question

    for question in ("how many er visits for asthma", "how long was the admission for chest pain"):
        aspect = plan_question(question, date(2025, 1, 1)).aspects[0]
        assert aspect.topic is not None and aspect.topic.name == "encounter", question
    aspect = plan_question("abx during the last admission", date(2025, 1, 1)).aspects[0]
    assert aspect.topic is not None and aspect.topic.name == "medication"


@pytest.mark.parametrize("question", ["did she have a fall", "fall risk score", "did the a1c fall"])
def test_fall_is_a_season_only_when_said_as_one(question: str) -> None:
    from datetime import date

    from rag_core.kinds.timewords import read_time

    assert read_time(question, date(2025, 11, 1)).window.label is None
    assert read_time("flu shot last fall", date(2025, 11, 1)).window.label == "in fall 2024"


def test_feb_29_is_the_most_recent_leap_day() -> None:
    from datetime import date

    from rag_core.kinds.timewords import read_time

    assert read_time("a1c on feb 29", date(2025, 6, 1)).window.label == "on 2024-02-29"


def test_a_lab_or_condition_question_is_never_answered_with_a_prescription() -> None:
    vocabulary = _vocabulary("digoxin 0.125 MG Oral Tablet", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet",
                             labs=("Calcium [Mass/volume] in Serum or Plasma",))
    assert resolve_concept("digoxin", vocabulary, ["lab"], "digoxin level") is None
    heart = resolve_concept("heart", vocabulary, ["medication"], "any heart meds")
    assert heart is None or not any("metformin" in n for n in heart.names)  # "24 HR" is hours, not heart rate
    cancer = resolve_concept("ca", vocabulary, ["condition"], "hx of ca?")
    assert cancer is None or cancer.topic == "condition"  # not the calcium result


def test_a_relatives_condition_written_out_never_answers_for_the_patient() -> None:
    vocabulary = [VocabularyEntry("Diabetes mellitus type 2 (disorder)", "family")]
    found = resolve_concept("diabetes mellitus type 2", vocabulary, ["condition"],
                            "does she have diabetes mellitus type 2")
    assert found is None or found.topic != "family"


def test_a_long_phrase_is_not_split_into_parts() -> None:
    """A part reading searches every run of the words: a sentence-long "concept" is not split (it cost seconds)."""
    vocabulary = _vocabulary("simvastatin 20 MG Oral Tablet", labs=("Hemoglobin A1c/Hemoglobin.total in Blood",))
    short = resolve_concept("zzkw a1c", vocabulary, [], "zzkw a1c")
    assert short is not None and short.names == ("Hemoglobin A1c/Hemoglobin.total in Blood",)
    assert resolve_concept(" ".join(["zzkw"] * 40 + ["a1c"]), vocabulary, [], "x") is None


@pytest.mark.parametrize(("asked", "has", "lacks"), [
    ("sinus infection", {"J01", "J32"}, set()),  # ICD-10-CM's inclusion terms: "acute infection of sinus" (J01)
    ("broken bone", {"S82", "S92"}, {"M81", "M97-M97"}),  # no "Osteoporosis without … fracture"; every category
    ("bladder infection", set(), {"O23"}),  # "in pregnancy" is a context the words do not say
])
def test_a_group_is_read_from_titles_and_inclusion_terms_in_the_context_asked(asked: str, has: set[str],
                                                                              lacks: set[str]) -> None:
    from rag_core.terminology.conditions import conditions

    query = conditions().resolve_group(asked)
    codes = {g.code for g in query.groups} if query else set()
    assert has <= codes and not lacks & codes, codes


def test_a_recorded_condition_is_never_placed_in_a_context_its_display_does_not_say() -> None:
    from rag_core.terminology.conditions import conditions

    assert conditions().place("Aortic valve stenosis (disorder)")[:2] == ("I35.0", "I35")  # not Q23.0 congenital


def test_review_false_readings_stay_out() -> None:
    """What an outside review of the fourth issue-25 round found reading absent things as present."""
    from rag_core.kinds.common import mentioned_loosely
    from rag_core.terminology.conditions import conditions

    table = drugs()
    group = conditions().resolve_group("cva")
    assert group is None or "heart" not in group.label.lower()  # a stroke's abbreviation is no heart group
    for word in ("immun", "protect", "hepat", "photo", "solve", "radio"):
        assert table.resolve_class(word) is None, word  # ordinary word starts are no clipped class words
    assert not table.with_ingredients(frozenset({"calcium carbonate"}), ["magnesium carbonate 500 MG Oral Tablet"])
    assert table.brand("palpation", typos=True) == frozenset()  # two edits only to a drug the chart records
    assert table.brand("carcinoma", typos=True) == frozenset()
    assert not mentioned_loosely("tsh", "denies thoughts of self-harm")  # a lexicon abbreviation: its own sense
    assert not mentioned_loosely("test", "testosterone 350 ng/dl")  # a plain word is no word start
    assert mentioned_loosely("endo", "endocrinology consultation")


def test_a_brand_is_read_in_its_ingredients_classes_never_in_a_stem_it_happens_to_end_in() -> None:
    """"CellCept" is mycophenolate (the table holds it as mycophenolate mofetil), an immunosuppressant, never an
    INN "-cept" fusion protein; "Humira" is adalimumab, a "-mab" antibody; "lithium carbonate" has lithium's classes."""
    table = drugs()

    def names(display: str) -> set[str]:
        return {table.classes[i].name for i in table.class_ids(display)}

    assert "Immunosuppressive Agents" in names("CellCept") and "Receptor Fusion Protein" not in names("CellCept")
    assert "Monoclonal Antibody" in names("Humira Pen 40 mg/0.4 mL")
    assert "Antimanic Agents" in names("lithium carbonate 300 MG Oral Capsule")
    assert "Receptor Fusion Protein" in names("etanercept 50 MG/ML Prefilled Syringe")


def test_a_drug_named_class_and_a_brand_typed_in_parts() -> None:
    """"pcn"/"penicillin" is the FDA class named for it (an amoxicillin allergy is one); an abbreviation of many
    senses never reaches such a class ("bk" is no bradykinin antagonist); "epi pen" is EpiPen."""
    table = drugs()
    for asked in ("penicillin", "pcn"):
        query = table.resolve_class(asked, True)
        assert query is not None and [c.name for c in query.classes] == ["Penicillin-class Antibacterial"]
        assert table.members(query, ["Allergy to amoxicillin", "Codeine intolerance"]) == ["Allergy to amoxicillin"]
    assert table.resolve_class("bk viral load", False) is None
    assert table.brand("epi pen") == frozenset({"epinephrine"})

"""The planner (topics, kinds, time language, concepts) on wordings nobody tuned for: shorthand, lower
case, typos, "pls", questions without a verb, encounter and demographic questions."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag_core.concepts import VocabularyEntry, analyte, match_concepts, resolve_concept
from rag_core.kinds.timewords import read_time
from rag_core.query import plan_question

NOW = date(2021, 8, 15)


@pytest.mark.parametrize(
    ("question", "topic", "kind", "concept", "window"),
    [
        ("What was the most recent sodium result?", "lab", "latest", "sodium", (None, 20210815)),
        ("How has the BMI changed over the last 18 months?", "lab", "trend", "BMI", (20200215, 20210815)),
        ("Which medications were prescribed in 2020?", "medication", "list", None, (20200101, 20201231)),
        ("What procedures were performed on 2020-12-28?", "procedure", "list", None, (20201228, 20201228)),
        ("When was Perennial allergic rhinitis first diagnosed?", "condition", "first",
         "Perennial allergic rhinitis", (None, 20210815)),
        ("Has the patient ever been prescribed Digoxin 0.125 MG Oral Tablet?", "medication", "ever",
         "Digoxin 0.125 MG Oral Tablet", (None, 20210815)),
        ("Which vaccines were given in 2030?", "immunization", "list", None, (20300101, 20210815)),
        # shorthand, lower case, no verb, typos, "pls"
        ("last K", None, "latest", "K", (None, 20210815)),
        ("A1c?", None, "auto", "A1c", (None, 20210815)),
        ("creatinin pls", None, "auto", "creatinin", (None, 20210815)),
        ("first ALT on record", None, "first", "ALT", (None, 20210815)),
        ("how many potassium results since 2019", "lab", "count", "potassium", (20190101, 20210815)),
        ("lowest hgb in march 2021", None, "extreme", "hgb", (20210301, 20210331)),
        ("K on 2021-03-02", None, "auto", "K", (20210302, 20210302)),  # a lab's value on that day, once resolved
        ("weight 3 months ago", "lab", "on_day", "weight", (None, 20210815)),
        ("is she on metformin?", "medication", "ever", "metformin", (None, 20210815)),
        ("is he still taking lisinopril", "medication", "current", "lisinopril", (None, 20210815)),
        ("when did he start metformin", None, "onset", "metformin", (None, 20210815)),
        ("meds between 2019 and 2020", "medication", "list", None, (20190101, 20201231)),
        ("labs last week", "lab", "list", None, (20210808, 20210815)),
        ("pt's potassium over the last 2 yrs?", None, "auto", "potassium", (20190815, 20210815)),
        ("Any history of cardiac arrest?", "condition", "ever", "cardiac arrest", (None, 20210815)),
        ("What medications is the patient currently on?", "medication", "current", None, (None, 20210815)),
        ("What are the patient's active problems?", "condition", "current", None, (None, 20210815)),
        ("weight gain since the bypass", "lab", "trend", "weight", (None, 20210815)),  # a gain is the weight's course
        ("latest ldl at goal?", None, "latest", "ldl", (None, 20210815)),  # "at goal" asks normal?, not a Goal
        ("did she get pulse steroids", "medication", "ever", "pulse steroids", (None, 20210815)),  # not the heart rate
        ("what was the syphilis treated with", "medication", "ever", "syphilis", (None, 20210815)),  # its orders
        ("pcn allergy what kind of reaction", "allergy", "ever", "pcn", (None, 20210815)),  # the answer says it
    ],
)
def test_plans(question: str, topic: str | None, kind: str, concept: str | None, window: tuple) -> None:
    (aspect,) = plan_question(question, NOW).aspects
    assert (aspect.topic.name if aspect.topic else None, aspect.kind.name, aspect.concept,
            (aspect.day_from, aspect.day_to)) == (topic, kind, concept, window)


@pytest.mark.parametrize(
    ("question", "attribute", "setting", "kind"),
    [
        ("When was the last admission?", "latest", "inpatient", "encounter"),
        ("how long was the last hospital stay", "los", "inpatient", "encounter"),
        ("when was she discharged", "discharge", "inpatient", "encounter"),
        ("any ICU stays?", "ever", "icu", "encounter"),
        ("How many ER visits in 2019?", "count", "emergency", "encounter"),
        ("what is the patient's sex", "sex", None, "demographics"),
        ("how old was he on 2015-01-01", "age", None, "demographics"),
        ("Is the patient deceased?", "deceased", None, "demographics"),
        ("DOB?", "birth", None, "demographics"),
    ],
)
def test_encounter_and_demographic_plans(question: str, attribute: str, setting: str | None, kind: str) -> None:
    (aspect,) = plan_question(question, NOW).aspects
    assert (aspect.attribute, aspect.setting, aspect.kind.name) == (attribute, setting, kind)


def test_facts_during_a_stay_are_scoped_to_it() -> None:
    (aspect,) = plan_question("What diagnoses were made during the last hospital stay?", NOW).aspects
    assert (aspect.topic.name, aspect.kind.name, aspect.encounter_scope, aspect.setting) == (
        "condition", "list", "last", "inpatient")


def test_two_concepts_are_kept_apart() -> None:
    (aspect,) = plan_question("LDL and HDL latest", NOW).aspects
    assert aspect.kind.name == "latest" and aspect.concept_parts == ("LDL", "HDL")


def test_a_visit_by_month_reads_the_notes() -> None:
    (aspect,) = plan_question("the February 2021 visit", NOW).aspects
    assert aspect.kind.name == "text" and (aspect.day_from, aspect.day_to) == (20210201, 20210228)


def test_second_clause_inherits_the_window() -> None:
    plan = plan_question("What was the A1c trend over the last 6 months, and which medications were "
                         "prescribed in that time?", NOW)
    assert [(a.intent, a.day_from, a.day_to) for a in plan.aspects] == [
        ("general", 20210215, 20210815), ("medication", 20210215, 20210815)]
    assert [a.kind.name for a in plan.aspects] == ["trend", "list"]


def test_the_second_part_of_a_stay_question_asks_of_the_same_stay() -> None:
    first, second = plan_question("how did the jan 2021 admission start and where did she go after", NOW).aspects
    assert (first.attribute, second.attribute) == ("source", "discharge")
    assert (second.window.day_from, second.window.day_to) == (20210101, 20210131)


def test_patient_identifiers_are_not_concepts() -> None:
    (aspect,) = plan_question("latest creatinine for patient 10015272", NOW).aspects
    assert aspect.concept == "creatinine"


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("in the last 18 months", (20200215, 20210815, None)),
        ("over the past 2 yrs", (20190815, 20210815, None)),
        ("over the past year and a half", (20200215, 20210815, None)),
        ("in the last 1.5 years", (20200215, 20210815, None)),
        ("over the last couple of years", (20190815, 20210815, None)),
        ("in the past half year", (20210215, 20210815, None)),
        ("since 2019", (20190101, 20210815, None)),
        ("since March 3, 2020", (20200303, 20210815, None)),
        ("in February 2021", (20210201, 20210228, None)),
        ("feb 2020", (20200201, 20200229, None)),
        ("between 2018 and 2019", (20180101, 20191231, None)),
        ("from 2020-01-05 to 2020-02-01", (20200105, 20200201, None)),
        ("on 12/28/2020", (20201228, 20201228, 20201228)),
        ("on Dec 28, 2020", (20201228, 20201228, 20201228)),
        ("3 months ago", (None, 20210815, 20210515)),
        ("this year", (20210101, 20210815, None)),
        ("before 2010", (None, 20091231, None)),
        ("in early March 2019", (20190301, 20190310, None)),
        ("around mid oct 2020", (None, 20210815, 20201015)),
        ("nothing about time", (None, 20210815, None)),
        ("around halloween 2020", (None, 20210815, 20201031)),  # a holiday is its day of the year said
        ("since christmas", (20201225, 20210815, None)),  # the most recent one before the day asked
        ("on thanksgiving 2019", (20191128, 20191128, 20191128)),  # the fourth Thursday of November
    ],
)
def test_time_language(text: str, window: tuple) -> None:
    w = read_time(text, NOW).window
    assert (w.day_from, w.day_to, w.anchor) == window


@pytest.mark.parametrize(
    ("text", "event", "relation", "rest"),
    [
        ("ldl around the time of his MI", "MI", "around", "ldl"),
        ("psa trend before surgery", "surgery", "before", "psa trend"),
        ("bp since the hip fracture admission", "hip fracture admission", "after", "bp"),
        ("a1c since her last visit", "last visit", "after", "a1c"),
        ("what was her k when she was admitted", "admitted", "around", "what was her k"),
        ("tsh circa mar 2018 when levo was bumped", None, None, "tsh"),  # the date says when
        ("when was he admitted", None, None, "when was he admitted"),  # a question for a date names no event
        ("since when on metformin", None, None, "since when on metformin"),
        ("labs since last year", None, None, "labs since"),
        ("weight after 2019", None, None, "weight"),
        ("does he have pre-diabetes", None, None, "does he have pre-diabetes"),  # one word, not a period
        ("ok so when was he diagnosed with diabetes", None, None, "ok so when was he diagnosed with diabetes"),
        ("hgb post op", "op", "after", "hgb"),
        ("weights since the CHF admission in jan 2021", "CHF admission in jan 2021", "after", "weights"),
        ("where did he go after the knee surgery", None, None, "where did he go after the knee surgery"),
        ("weight around the time the icd went in", "icd", "around", "weight"),  # how it happened is no event word
        ("ldl closest to the cabg", "cabg", "around", "ldl"),
        ("potassium closest to mid july 2023", None, None, "potassium"),  # a part of a month is a date, not an event
        ("EF since the CHF admission, getting better or not", "CHF admission", "after", "EF getting better or not"),
        ("bicarb during dka", "dka", "during", "bicarb"),
        ("creatinine trend while she was on lithium", "lithium", "during", "creatinine trend"),
        ("inr values from when he was on warfarin", "warfarin", "during", "inr values"),
        ("lfts on methotrexate", "methotrexate", "during", "lfts"),  # a bare "on" a drug: while on it
        ("qtc on methadon", "methadon", "during", "qtc"),  # misspelt, near two drug names: a drug either way
        ("creatinine when she was on lithium", "lithium", "during", "creatinine"),  # while on it, not around it
        ("is his a1c close to goal", None, None, "is his a1c close to goal"),  # a value asked, no event
        ("is the patient on lisinopril", None, None, "is the patient on lisinopril"),  # asks whether, not while
        ("still on lisinopril?", None, None, "still on lisinopril?"),
        ("labs on admission", None, None, "labs on admission"),  # "on" what is no drug dates nothing
        ("meds during the last admission", None, None, "meds during the last admission"),  # the stay's own facts
    ],
)
def test_a_period_named_by_a_chart_event(text: str, event: str | None, relation: str | None, rest: str) -> None:
    reading = read_time(text, NOW)
    assert (reading.window.event, reading.window.relation) == (event, relation)
    assert " ".join(reading.rest.split()) == rest


@pytest.mark.parametrize(
    ("asked", "recorded", "expected"),
    [
        ("LDL cholesterol", ["Low Density Lipoprotein Cholesterol", "Total Cholesterol"],
         ["Low Density Lipoprotein Cholesterol"]),
        ("serum creatinine", ["Creatinine [Mass/volume] in Urine"], []),
        ("serum creatinine", ["Creatinine [Mass/volume] in Serum or Plasma"], ["Creatinine [Mass/volume] in Serum or Plasma"]),
        ("ALT", ["Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma"],
         ["Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma"]),
        ("BMI", ["Body mass index (BMI) [Percentile] Per age and gender", "Body Mass Index"], ["Body Mass Index"]),
        ("Digoxin 0.25 MG Oral Tablet", ["Digoxin 0.125 MG Oral Tablet"], []),
        ("1 ML Epinephrine 1 MG/ML Injection", ["NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector"], []),
        ("1 ML medroxyprogesterone acetate 150 MG/ML Injection",
         ["1 ML medroxyPROGESTERone acetate 150 MG/ML Injection"], ["1 ML medroxyPROGESTERone acetate 150 MG/ML Injection"]),
        ("hemoglobin", ["Hemoglobin [Mass/volume] in Blood", "Hemoglobin A1c/Hemoglobin.total in Blood"],
         ["Hemoglobin [Mass/volume] in Blood"]),
    ],
)
def test_concepts_match_only_what_the_chart_records(asked: str, recorded: list[str], expected: list[str]) -> None:
    assert [m.concept for m in match_concepts(asked, recorded)] == expected



@pytest.mark.parametrize(
    ("asked", "recorded", "topics", "expected", "how"),
    [
        ("K", ["Potassium", "Potassium [Moles/volume] in Serum or Plasma", "Sodium"], ["lab"] * 3,
         ["Potassium", "Potassium [Moles/volume] in Serum or Plasma"], "lexicon"),
        ("Na", ["Sodium", "Protocol for Responding to and Assessing Patients' Assets, Risks, and Experiences [PRAPARE]",
                "In the past year, have you spent more than 2 nights in a row in a jail"], ["lab"] * 3,
         ["Sodium"], "lexicon"),
        ("creatinin", ["Creatinine", "Creatinine [Mass/volume] in Urine"], ["lab"] * 2, ["Creatinine"], "typo"),
        ("metfromin", ["24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet"], ["medication"],
         ["24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet"], "typo"),
        # not a typo of another word: read as the ICD-10-CM group, which holds nothing this chart records
        ("diabetes", ["Prediabetes"], ["condition"], [], "group"),
        ("HTN", ["Essential hypertension (disorder)"], ["condition"], ["Essential hypertension (disorder)"], "lexicon"),
        ("potassium", ["Potassium [Moles/volume] in Blood", "Potassium [Moles/volume] in Urine"], ["lab"] * 2,
         ["Potassium [Moles/volume] in Blood"], "exact"),
        ("colonoscopy", ["Colonoscopy"], ["procedure"], ["Colonoscopy"], "exact"),
        ("acute bacterial sinusitis", ["Acute viral pharyngitis (disorder)", "Sinusitis (disorder)"],
         ["condition"] * 2, [], None),
        # British spelling is read as the American a US chart records ("c/s" → caesarean section)
        ("c/s", ["Cesarean section (procedure)", "Sickle cell trait"], ["procedure", "condition"],
         ["Cesarean section (procedure)"], "abbreviation"),
        # initials are no reading of an abbreviation whose senses share no word with the name (ICD ≠ IUD)
        ("icd", ["Intrauterine contraceptive device (physical object)"], ["device"], [], None),
        # a misspelt vaccine brand, in any question: its vaccine as recorded
        ("shingrex", ["zoster vaccine recombinant", "Herpes zoster"], ["immunization", "condition"],
         ["zoster vaccine recombinant"], "typo"),
        # a Greek plural is its -sis word ("paracenteses" → Paracentesis)
        ("paracenteses", ["Paracentesis (procedure)"], ["procedure"], ["Paracentesis (procedure)"], "exact"),
        # a sense that is only a dose form ("TB" → tablet) is in every drug's name: it names none of them
        ("TB", ["simvastatin 20 MG Oral Tablet", "Mycobacterium tuberculosis stimulated gamma interferon [Presence] "
                "in Blood"], ["medication", "lab"],
         ["Mycobacterium tuberculosis stimulated gamma interferon [Presence] in Blood"], "abbreviation"),
    ],
)
def test_concepts_resolve_to_what_this_chart_records(asked: str, recorded: list[str], topics: list[str],
                                                     expected: list[str], how: str | None) -> None:
    vocabulary = [VocabularyEntry(n, t) for n, t in zip(recorded, topics, strict=True)]
    found = resolve_concept(asked, vocabulary)
    assert (list(found.names) if found else [], found.how if found else None) == (expected, how)


def test_a_panel_names_all_its_analytes() -> None:
    vocabulary = [VocabularyEntry(n, "lab") for n in ("Creatinine", "Urea Nitrogen", "Sodium", "Glucose")]
    found = resolve_concept("kidney function", vocabulary)
    assert found is not None and set(found.names) == {"Creatinine", "Urea Nitrogen"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_plans_without_error(question: str) -> None:
    plan = plan_question(question, NOW)
    assert all(a.day_to is None or a.day_to <= 20210815 for a in plan.aspects)


WORDS = ["last", "3", "K", "since", "2019", "2020-02-30", "12/31/2020", "between", "and", "a", "half", "year",
         "months", "ago", "first", "how", "many", "admission", "icu", "age", "at", "the", "meds", "during", "stay",
         "highest", "A1c", "trend", "?", ",", "on", "Feb", "2021", "note", "allergic", "to", "patient", "10015272"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_any_mix_of_question_words_plans_without_error(words: list[str]) -> None:
    plan = plan_question(" ".join(words), NOW)
    assert plan.aspects and all(a.day_to is None or a.day_to <= 20210815 for a in plan.aspects)


def test_serum_and_blood_are_one_analyte_urine_another() -> None:
    assert analyte("Potassium [Moles/volume] in Serum or Plasma") == analyte("Potassium") == "potassium"
    assert analyte("Creatinine [Mass/volume] in Urine") == "creatinine|urine"


def test_a_name_written_out_in_full_wins() -> None:
    vocabulary = [VocabularyEntry("History of cardiac arrest (situation)", "condition"),
                  VocabularyEntry("Cardiac Arrest", "condition")]
    found = resolve_concept("cardiac arrest situation", vocabulary, ["condition"],
                            "When was History of cardiac arrest (situation) first diagnosed?")
    assert found is not None and found.names == ("History of cardiac arrest (situation)",)


def test_a_run_of_test_abbreviations_is_a_list_of_tests() -> None:
    aspect = plan_question("crp esr trending down?", date(2025, 1, 1)).aspects[0]
    assert aspect.concept_parts == ("crp", "esr")
    assert plan_question("hep c hx", date(2025, 1, 1)).aspects[0].concept_parts == ()  # not tests: one concept
    assert plan_question("hgb a1c trend", date(2025, 1, 1)).aspects[0].concept_parts == ()  # one test, qualified


def test_a_part_after_a_dash_that_names_nothing_says_more_of_the_part_before() -> None:
    (trend,) = plan_question("a1c - has it gone up", NOW).aspects
    assert (trend.kind.name, trend.concept) == ("trend", "a1c")
    (stent,) = plan_question("s/p stent? when and which vessel", NOW).aspects
    assert stent.concept == "stent" and "which vessel" in stent.clause
    condition, treated = plan_question("ear infection ever - what was she treated w/", NOW).aspects
    assert (treated.topic.name if treated.topic else None, treated.concept) == ("medication", condition.concept)

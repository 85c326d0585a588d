from __future__ import annotations

from datetime import date

import pytest

from rag_core.concepts import match_concepts
from rag_core.query import plan_question

NOW = date(2021, 8, 15)


@pytest.mark.parametrize(
    ("question", "intent", "mode", "concept", "window"),
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
    ],
)
def test_plans(question: str, intent: str, mode: str, concept: str | None, window: tuple) -> None:
    (aspect,) = plan_question(question, NOW).aspects
    assert (aspect.intent, aspect.mode, aspect.concept, (aspect.day_from, aspect.day_to)) == (
        intent, mode, concept, window)


def test_second_clause_inherits_the_window() -> None:
    plan = plan_question("What was the A1c trend over the last 6 months, and which medications were "
                         "prescribed in that time?", NOW)
    assert [(a.intent, a.day_from, a.day_to) for a in plan.aspects] == [
        ("lab", 20210215, 20210815), ("medication", 20210215, 20210815)]


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
    ("question", "expected"),
    [
        ("What is the latest HbA1c?", ("lab", "latest", "HbA1c", None)),
        ("Show me the potassium values from 2020", ("lab", "trend", "potassium", None)),
        ("When was the patient diagnosed with prediabetes?", ("condition", "first", "prediabetes", None)),
        ("Is the patient taking metformin?", ("medication", "ever", "metformin", None)),
        ("Does the patient have diabetes?", ("condition", "first", "diabetes", None)),
        ("What medications is the patient currently on?", ("medication", "list", None, ("active", "on-hold"))),
        ("What are the patient's active problems?", ("condition", "list", None, ("active", "recurrence", "relapse"))),
        ("What was the blood pressure at the visit on 2020-12-28?", ("lab", "trend", "blood pressure", None)),
        ("Which medications were prescribed in that time?", ("medication", "list", None, None)),
        ("Any history of cardiac arrest?", ("condition", "first", "cardiac arrest", None)),
        ("What was the most recent Generalized anxiety disorder 7 item (GAD-7) total score result?",
         ("lab", "latest", "Generalized anxiety disorder 7 item (GAD-7) total score", None)),
    ],
)
def test_paraphrases_plan_like_their_templates(question: str, expected: tuple) -> None:
    aspect = plan_question(question, NOW).aspects[0]
    assert (aspect.intent, aspect.mode, aspect.concept, aspect.statuses) == expected


def test_last_visit_asks_for_the_newest_day() -> None:
    (aspect,) = plan_question("What happened at the last visit?", NOW).aspects
    assert aspect.intent == "encounter" and aspect.newest and aspect.day_from is None

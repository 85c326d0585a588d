"""Chart + guideline answers: which questions ask what is due or recommended, the chart part the planner
reads, the validator holding chart and guideline claims to their own namespace, the bridge from a guideline
to the patient's own facts — and the whole path against the real embedded index, the MiniLM embedder and
the bundled sample guidelines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rag_core.citations import GUIDELINE_HEADING, guideline_label, validate
from rag_core.concepts import VocabularyEntry
from rag_core.guidance import asks_guidance, chart_question, guideline_claims, named_concepts
from rag_core.models import (
    CLINICAL_GUIDELINES,
    PATIENT_DATA,
    Chunk,
    Claim,
    DraftAnswer,
    GuidelineRef,
    Hit,
    PatientScope,
)
from tests.conftest import EDYTHE, EDYTHE_ID

SCOPE = PatientScope.full("p1", "dr-test")


@pytest.mark.parametrize("question", [
    "Is she due for colorectal cancer screening?",
    "is he overdue for a colonoscopy",
    "What does the guideline say about statins for his LDL?",
    "Is a statin indicated for this patient?",
    "should she be screened for diabetes?",
    "Is he eligible for lung cancer screening?",
    "Is she up to date on cervical screening?",
    "what is recommended for blood pressure screening at her age",
    "per USPSTF, how often should her A1c be checked",
    "When is his next colonoscopy due?",
    "when did she last have colon cancer screening, and is she due?",
])
def test_guidance_questions_are_told_from_chart_questions(question: str) -> None:
    assert asks_guidance(question)


@pytest.mark.parametrize("question", [
    "What was the last HbA1c?",
    "Which medications were prescribed in 2019?",
    "What did cardiology recommend at the last visit?",
    "Was a colonoscopy recommended in the discharge note?",
    "Was the admission due to pneumonia?",
    "Was she screened for depression at the last visit?",
    "what was her last depression screening score?",
    "What is her estimated due date?",
    "Why was metformin prescribed?",
])
def test_chart_questions_stay_chart_questions(question: str) -> None:
    assert not asks_guidance(question)


def test_the_chart_part_drops_the_guidance_phrasing() -> None:
    assert chart_question("Is she due for colorectal cancer screening?").strip("?").strip() == "colorectal cancer screening"
    assert chart_question("What does the guideline say about statins for his LDL?").rstrip("?") == "statins and his LDL"
    assert chart_question("is a statin indicated?") != ""  # something is always left to plan


def _guide(text: str, section: tuple[str, ...] = ("Recommendation Summary",), cid: str = "g1",
           patient_id: str = "") -> Chunk:
    ref = GuidelineRef(title="Widget: Screening", issuer="Fixture Task Force", version="2031-01-01",
                       section_path=section, url="https://example.org/widget")
    heading = " › ".join(section)
    return Chunk(id=cid, patient_id=patient_id, text=f"{heading}\n{text}", resource_type="Guideline",
                 resource_id="widget", kind="note", section=heading, guideline=ref)


def _fact(cid: str = "c1", text: str = "Widget level: 7.2 % on 2030-05-01") -> Chunk:
    return Chunk(id=cid, patient_id="p1", text=text, resource_type="Observation", resource_id=cid,
                 effective_date="2030-05-01")


def _validate(*claims: Claim, guides: list[Chunk] | None = None, chart: list[Chunk] | None = None):  # type: ignore[no-untyped-def]
    draft = DraftAnswer(text="", claims=list(claims), confidence=1.0, model_id="test")
    return validate(draft, chart if chart is not None else [_fact()], SCOPE,
                    guidelines=guides if guides is not None else [_guide("Screen adults aged 40 to 70 years. Grade A.")])


def test_a_guideline_passage_cited_as_a_chart_fact_is_dropped() -> None:
    result = _validate(Claim(text="Screen adults aged 40 to 70 years.", citations=["g1"]))  # source defaults to chart
    assert result.abstained and result.dropped[0].reason == "guideline passage cited as a chart fact"


def test_chart_data_cited_as_a_guideline_is_dropped() -> None:
    result = _validate(Claim(text="Widget level: 7.2 %", citations=["c1"], source="guideline"))
    assert result.abstained and result.dropped[0].reason == "chart data cited as guideline"


def test_a_guideline_claim_must_state_only_what_its_passage_says() -> None:
    result = _validate(Claim(text="Screen adults aged 45 to 70 years.", citations=["g1"], source="guideline"))
    assert result.dropped[0].reason == "number not in cited text"


def test_a_passage_holding_patient_data_is_no_guideline() -> None:
    bad = _guide("Screen adults aged 40 to 70 years.", patient_id="p1")
    result = _validate(Claim(text="Screen adults aged 40 to 70 years.", citations=["g1"], source="guideline"),
                       guides=[bad])
    assert result.dropped[0].reason == "guideline citation is not a guideline passage"


def test_chart_claims_come_first_and_guideline_claims_stand_apart_with_their_namespace() -> None:
    result = _validate(Claim(text="Screen adults aged 40 to 70 years. Grade A.", citations=["g1"], source="guideline"),
                       Claim(text="Widget level: 7.2 % on 2030-05-01", citations=["c1"]))
    lines = result.answer.splitlines()
    assert lines[0].startswith("Widget level") and lines[1] == GUIDELINE_HEADING and lines[2].startswith("Screen")
    assert [(c.chunk_id, c.namespace) for c in result.citations] == [("c1", PATIENT_DATA), ("g1", CLINICAL_GUIDELINES)]
    guideline = result.citations[1]
    assert guideline.guideline is not None and result.citations[0].guideline is None
    assert guideline_label(guideline) == ("Guideline: Fixture Task Force · Widget: Screening · version 2031-01-01 · "
                                          "Recommendation Summary")
    assert result.retrieved_guideline_ids == ["g1"]


def test_the_passage_for_the_patients_age_group_is_quoted_and_other_age_groups_are_not() -> None:
    hits = [Hit(_guide("Screen adults aged 45 to 49 years for widget disease. Grade B.",
                       ("Recommendation Summary", "Adults aged 45 to 49 years"), "young"), 0.9),
            Hit(_guide("Screen all adults aged 50 to 75 years for widget disease. Grade A.",
                       ("Recommendation Summary", "Adults aged 50 to 75 years"), "main"), 0.8),
            Hit(_guide("Widgetoscopy every 10 years.", ("Screening Tests",), "tests"), 0.7)]
    claims = guideline_claims(hits, "Is she due for widget disease screening?", age=52)
    assert [c.citations for c in claims] == [["main"], ["tests"]]
    assert all(c.source == "guideline" for c in claims)
    assert guideline_claims(hits, "Is she due for gadget screening?", age=52) == []  # no guideline names it


def test_recorded_concepts_the_guideline_speaks_of_are_found_in_the_patients_vocabulary() -> None:
    passage = _guide("Dyslipidemia means an LDL-C above 130 mg/dL. Prescribe a statin to adults with diabetes or "
                     "hypertension. Colonoscopy every 10 years.")
    vocabulary = [VocabularyEntry("simvastatin 20 MG Oral Tablet", "medication"),
                  VocabularyEntry("simvastatin 10 MG Oral Tablet", "medication"),
                  VocabularyEntry("Hypertension", "condition"), VocabularyEntry("Colonoscopy (procedure)", "procedure"),
                  VocabularyEntry("Diabetes mellitus type 2 (disorder)", "condition"),
                  VocabularyEntry("Acute bronchitis (disorder)", "condition"),
                  VocabularyEntry("amoxicillin 500 MG Oral Capsule", "medication")]
    names = {e.name for e in named_concepts(vocabulary, [passage])}
    assert "Hypertension" in names and "Colonoscopy (procedure)" in names
    assert "Diabetes mellitus type 2 (disorder)" in names
    assert len([n for n in names if n.startswith("simvastatin")]) == 1  # "statin" stands for its drugs, read once
    assert not names & {"Acute bronchitis (disorder)", "amoxicillin 500 MG Oral Capsule"}


@pytest.fixture(scope="module")
async def guided_runtime(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from chartrag.guidelines_cli import sample_guidelines
    from rag_core.documents import load_path
    from rag_core.guidelines import ingest_guideline
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    data_dir = tmp_path_factory.mktemp("guided")
    runtime = await build_runtime(RagSettings(data_dir=data_dir, redis_url=None))
    await runtime.indexer.index_documents(load_path(EDYTHE).documents)
    for guideline in sample_guidelines():
        await ingest_guideline(runtime.indexer, guideline)
    yield runtime, data_dir
    await runtime.close()


async def test_due_for_screening_is_answered_with_chart_facts_and_a_cited_guideline_passage(
        guided_runtime) -> None:  # type: ignore[no-untyped-def]
    runtime, data_dir = guided_runtime
    scope = PatientScope.full(EDYTHE_ID, "dr-test")
    answer = await runtime.service.answer("Is she due for colorectal cancer screening?", scope, now=date(2026, 12, 2))
    assert not answer.abstained
    chart = [c for c in answer.claims if c.source == "chart"]
    guided = [c for c in answer.claims if c.source == "guideline"]
    assert any("Age 52 on 2026-12-02" in c.text for c in chart)
    assert guided and any("aged 50 to 75 years" in c.text for c in guided)
    assert not any("aged 45 to 49" in c.text for c in guided)  # another age group's recommendation is left out
    by_id = {c.chunk_id: c for c in answer.citations}
    for claim in chart:  # chart claims cite only this patient's chart; guideline claims only guidelines
        assert all(by_id[i].namespace == PATIENT_DATA and by_id[i].patient_id == EDYTHE_ID for i in claim.citations)
    for claim in guided:
        assert all(by_id[i].namespace == CLINICAL_GUIDELINES and by_id[i].guideline is not None
                   and by_id[i].guideline.version == "2021-05-18" for i in claim.citations)
    assert answer.answer.index(GUIDELINE_HEADING) > answer.answer.index("Age 52")
    assert set(answer.retrieved_patient_ids) == {EDYTHE_ID}
    record = json.loads((Path(data_dir) / "audit.jsonl").read_text().splitlines()[-1])
    assert record["cited_guideline_ids"] and set(record["cited_guideline_ids"]) <= set(record["retrieved_guideline_ids"])
    assert not set(record["cited_guideline_ids"]) & set(record["cited_chunk_ids"])


async def test_the_chart_facts_a_guideline_speaks_of_are_read_from_the_chart(guided_runtime) -> None:  # type: ignore[no-untyped-def]
    runtime, _ = guided_runtime
    scope = PatientScope.full(EDYTHE_ID, "dr-test")
    answer = await runtime.service.answer("should she be screened for diabetes?", scope, now=date(2026, 12, 2))
    chart_text = " ".join(c.text for c in answer.claims if c.source == "chart")
    assert "Prediabetes" in chart_text and "Body mass index" in chart_text.replace("Body Mass Index", "Body mass index")
    cited = {c.reference.split("/")[0] for c in answer.citations if c.namespace == PATIENT_DATA}
    assert {"Patient", "Condition", "Observation"} <= cited


async def test_a_chart_question_reads_no_guideline(guided_runtime) -> None:  # type: ignore[no-untyped-def]
    runtime, _ = guided_runtime
    answer = await runtime.service.answer("What was the most recent HbA1c?", PatientScope.full(EDYTHE_ID, "dr"),
                                          now=date(2026, 12, 2))
    assert answer.retrieved_guideline_ids == [] and all(c.namespace == PATIENT_DATA for c in answer.citations)


async def test_a_guidance_question_no_guideline_covers_answers_from_the_chart_only(guided_runtime) -> None:  # type: ignore[no-untyped-def]
    runtime, _ = guided_runtime
    answer = await runtime.service.answer("Is she due for an abdominal aortic aneurysm ultrasound?",
                                          PatientScope.full(EDYTHE_ID, "dr"), now=date(2026, 12, 2))
    assert not any(c.source == "guideline" for c in answer.claims)
    assert GUIDELINE_HEADING not in answer.answer


async def test_which_screenings_at_her_age_quotes_each_guidelines_recommendation_for_the_age(guided_runtime) -> None:  # type: ignore[no-untyped-def]
    runtime, _ = guided_runtime
    answer = await runtime.service.answer("Which screenings are recommended at her age?",
                                          PatientScope.full(EDYTHE_ID, "dr"), now=date(2026, 12, 2))
    guided = [c for c in answer.claims if c.source == "guideline"]
    cited = {c.reference for c in answer.citations if c.namespace == CLINICAL_GUIDELINES}
    # age 52: colorectal (50 to 75), diabetes (35 to 70), hypertension (18 or older), statins (40 to 75)
    assert cited == {"Guideline/uspstf-colorectal-cancer-screening", "Guideline/uspstf-prediabetes-type-2-diabetes-screening",
                     "Guideline/uspstf-hypertension-screening-adults", "Guideline/uspstf-statin-primary-prevention-cvd"}
    assert any("50 to 75" in c.text for c in guided) and not any("45 to 49" in c.text for c in guided)
    assert any("Age 52" in c.text for c in answer.claims if c.source == "chart")
    young = await runtime.service.answer("Which screenings are recommended at her age?",
                                         PatientScope.full(EDYTHE_ID, "dr"), now=date(2016, 1, 1))  # 41
    assert not any("colorectal" in c.text for c in young.claims if c.source == "guideline")


async def test_the_chart_summary_quotes_the_recommendations_for_the_patients_age(guided_runtime) -> None:  # type: ignore[no-untyped-def]
    from cds_hooks.cards import summary_card
    from rag_core.summary import RECOMMENDATIONS, summarize

    runtime, _ = guided_runtime
    summary = await summarize(runtime.index, PatientScope.full(EDYTHE_ID, "cds"), date(2026, 12, 2))
    titles = [t for t, _ in summary.sections]
    assert titles[-1] == RECOMMENDATIONS
    advice = summary.sections[-1][1]
    assert all(c.source == "guideline" for c in advice.claims) and summary.recommendations == len(advice.claims)
    assert any("50 to 75" in c.text for c in advice.claims) and not any("45 to 49" in c.text for c in advice.claims)
    card = summary_card(summary, "https://ehr.example/fhir", "https://app.example/launch")
    assert card is not None
    assert "Guideline: U.S. Preventive Services Task Force" in card.detail
    assert "(https://www.uspreventiveservicestaskforce.org/" in card.detail  # the footnote links the guideline

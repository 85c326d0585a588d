"""Claude and Cohere behind the egress gateway, over the real offline pipeline (Edge index, MiniLM) and
all six bundled patients, with the providers' HTTP answered by recording transports (tests/model_mocks).

Over every dev-set question: no identifier of any patient's record and no full date appears in any
payload that left; answers restored from placeholders carry the real values and pass the citation
validator. Then each failure has its defined outcome: malformed tool output, a citation outside the
retrieval set, an invented placeholder, 429 then success, a timeout, weak evidence (no call at all).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from pydantic import SecretStr

from rag_core.documents import load_path, raw_resources
from rag_core.models import PatientScope
from rag_core.phi.record import RecordIdentifiers
from rag_core.runtime import Runtime, build_runtime
from rag_core.settings import RagSettings
from tests.conftest import EDYTHE_ID, ROOT, SYNTHEA
from tests.model_mocks import FakeClaude, FakeCohere, evidence_items, quoting_answer

pytestmark = pytest.mark.slow

DEV = [json.loads(line) for line in (ROOT.parent / "shared" / "eval" / "dev_questions.jsonl").read_text().splitlines()] \
    if (ROOT.parent / "shared" / "eval" / "dev_questions.jsonl").exists() else \
    [json.loads(line) for line in (ROOT / "tests" / "data" / "dev_questions_two_patients.jsonl").read_text().splitlines()]
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")
PATIENT_ENTITIES = {"PATIENT_NAME", "MRN", "SSN", "IDENTIFIER", "PHONE", "EMAIL", "ADDRESS", "ZIP", "LOCATION"}


@dataclass
class Harness:
    runtime: Runtime
    claude: FakeClaude
    cohere: FakeCohere
    identifiers: dict[str, list[str]]  # patient id → the identifiers its Patient resource holds

    def audit(self) -> dict[str, Any]:
        return json.loads(self.runtime.settings.resolved_audit_path.read_text().splitlines()[-1])


def patient_identifiers(resources: list[dict[str, Any]]) -> list[str]:
    patient = [r for r in resources if r.get("resourceType") == "Patient"]
    record = RecordIdentifiers.from_resources(patient)
    values = [v for entity, v in record.values if entity in PATIENT_ENTITIES and len(v) >= 3]
    return values + [d.isoformat() for d in record.birth_dates]


@pytest.fixture(scope="module")
async def harness(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    claude, cohere = FakeClaude(), FakeCohere()
    settings = RagSettings(
        data_dir=tmp_path_factory.mktemp("egress"), redis_url=None,
        anthropic_api_key=SecretStr("test-key"), anthropic_base_url="http://anthropic.invalid",
        cohere_api_key=SecretStr("test-key"), cohere_base_url="http://cohere.invalid",
        llm_max_retries=2, llm_timeout_s=5,
    )
    runtime = await build_runtime(settings, anthropic=claude.client(), cohere=cohere.client())
    identifiers = {}
    for bundle in sorted(SYNTHEA.glob("*.json")):
        report = load_path(bundle)
        await runtime.indexer.index_report(report)
        for patient_id in report.patients:
            identifiers[patient_id] = patient_identifiers(raw_resources(bundle))
    yield Harness(runtime, claude, cohere, identifiers)
    await runtime.close()


def leaked(payload: Any, values: list[str]) -> list[str]:
    text = json.dumps(payload, ensure_ascii=False)
    found = [v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", text, re.IGNORECASE)]
    return found + ISO_DATE.findall(text)


async def test_no_patient_identifier_leaves_over_every_dev_question(harness: Harness) -> None:
    everyone = sorted({v for values in harness.identifiers.values() for v in values})
    answered = restored_claims = 0
    for question in DEV:
        before_claude, before_cohere = len(harness.claude.requests), len(harness.cohere.requests)
        scope = PatientScope.full(question["patient_id"], "dr-egress")
        answer = await harness.runtime.service.answer(question["question"], scope, now=date.fromisoformat(question["now"]))
        sent = harness.claude.requests[before_claude:] + harness.cohere.requests[before_cohere:]
        for payload in sent:
            assert not leaked(payload, everyone), (question["id"], leaked(payload, everyone)[:3])
        audit = harness.audit()
        assert all(e["tokenized"] for e in audit["egress"])
        assert [e["provider"] for e in audit["egress"]].count("anthropic") == len(harness.claude.requests) - before_claude
        assert not PLACEHOLDER.search(answer.answer)
        if answer.abstained:
            continue
        answered += 1
        by_id = {c.chunk_id: c for c in answer.citations}
        for claim in answer.claims:  # the fake model quoted each cited item's first line, placeholders and all
            original = by_id[claim.citations[0]].text.splitlines()[0][:300]
            assert " ".join(claim.text.split()) == " ".join(original.split())
            restored_claims += 1
    assert answered >= len(DEV) // 2 and restored_claims >= answered
    assert len(harness.claude.requests) > 0 and len(harness.cohere.requests) > 0


def _ask(harness: Harness, question: str = "What was the most recent body weight result?") -> Any:
    scope = PatientScope.full(EDYTHE_ID, "dr-egress")
    return harness.runtime.service.answer(question, scope, now=date(2020, 1, 1))


async def test_malformed_tool_output_answers_offline_and_says_so(harness: Harness) -> None:
    harness.claude.script.extend([lambda body: {"answer": 3, "claims": "none"}])
    answer = await _ask(harness)
    assert not answer.abstained and answer.model_id == "chartrag/extractive-v1"
    assert answer.notice and "malformed tool output" in answer.notice
    audit = harness.audit()
    assert audit["outcome"] == "answered (degraded)" and audit["generation"]["degraded"].startswith("malformed")


async def test_a_citation_outside_the_retrieval_set_is_dropped_then_regenerated_once(harness: Harness) -> None:
    def foreign(body: dict[str, Any]) -> dict[str, Any]:
        good = quoting_answer(body)
        good["claims"].append({"text": "Body Weight: 99.9 kg", "citations": ["E999"]})
        return good

    def second(body: dict[str, Any]) -> dict[str, Any]:
        assert "the citation check removed" in body["messages"][0]["content"]
        return quoting_answer(body)

    before = len(harness.claude.requests)
    harness.claude.script.extend([foreign, second])
    answer = await _ask(harness)
    assert len(harness.claude.requests) - before == 2
    assert "99.9" not in answer.answer and answer.citations
    audit = harness.audit()
    assert audit["generation"]["regenerated"] is True and audit["generation"]["calls"]["findings_sent"] == 1
    assert audit["dropped_claims"] == []  # the second answer is the one kept


async def test_a_citation_still_outside_after_regenerating_is_dropped_and_the_rest_stands(harness: Harness) -> None:
    def foreign(body: dict[str, Any]) -> dict[str, Any]:
        good = quoting_answer(body)
        good["claims"].append({"text": "Weight 99.9 kg", "citations": ["chunk-of-someone-else"]})
        return good

    harness.claude.script.extend([foreign, foreign])
    answer = await _ask(harness)
    assert "99.9" not in answer.answer and not answer.abstained
    assert harness.audit()["dropped_claims"] == ["citation not in this request's retrieval set"]


async def test_a_retry_that_gives_up_keeps_what_survived_the_first_answer(harness: Harness) -> None:
    def foreign(body: dict[str, Any]) -> dict[str, Any]:
        good = quoting_answer(body)
        good["claims"].append({"text": "Weight 99.9 kg", "citations": ["E999"]})
        return good

    harness.claude.script.extend([foreign, lambda body: {"answer": "", "claims": [], "confidence": 0.0,
                                                         "insufficient_evidence": True}])
    answer = await _ask(harness)
    assert not answer.abstained and answer.citations and "99.9" not in answer.answer
    assert harness.audit()["generation"]["regenerated"] is True


async def test_an_invented_placeholder_is_removed_and_counted(harness: Harness) -> None:
    def invented(body: dict[str, Any]) -> dict[str, Any]:
        alias, text = evidence_items(body)[0]
        return {"answer": "x", "claims": [{"text": f"{text.splitlines()[0]} Reviewed by [PERSON_97].", "citations": [alias]}],
                "confidence": 0.9, "insufficient_evidence": False}

    harness.claude.script.append(invented)
    answer = await _ask(harness)
    assert "PERSON_97" not in answer.answer and "Reviewed by" in answer.answer
    assert harness.audit()["generation"]["calls"]["unknown_placeholders"] == 1


async def test_429_then_success_is_retried_by_the_sdk(harness: Harness) -> None:
    before = len(harness.claude.requests)
    harness.claude.script.extend(["429", "529"])
    answer = await _ask(harness)
    assert len(harness.claude.requests) - before == 3 and answer.model_id == "anthropic/claude-sonnet-4-5"
    assert answer.notice is None and not answer.abstained


async def test_a_timeout_answers_offline_and_says_so(harness: Harness) -> None:
    before = len(harness.claude.requests)
    harness.claude.script.extend(["timeout"] * 3)  # first try and both retries
    answer = await _ask(harness)
    assert len(harness.claude.requests) - before == 3
    assert answer.notice and "timeout" in answer.notice and not answer.abstained
    assert harness.audit()["generation"]["degraded"] == "timeout"


async def test_the_model_saying_insufficient_evidence_abstains(harness: Harness) -> None:
    harness.claude.script.append(lambda body: {"answer": "", "claims": [], "confidence": 0.1, "insufficient_evidence": True})
    answer = await _ask(harness)
    assert answer.abstained and answer.answer.startswith("Not found")


async def test_weak_evidence_makes_no_paid_call_and_shows_the_closest_evidence(harness: Harness) -> None:
    before = len(harness.claude.requests)
    answer = await _ask(harness, "Has the patient ever been prescribed warfarin?")
    assert answer.abstained and len(harness.claude.requests) == before
    gate = harness.audit()["generation"]["gate"]
    assert gate["gated"] is True and gate["score"] < gate["threshold"]


async def test_cohere_outage_falls_back_to_the_offline_reranker(harness: Harness) -> None:
    harness.cohere.fail_with = 503
    try:
        answer = await _ask(harness, "What did the most recent visit note say?")
    finally:
        harness.cohere.fail_with = None
    assert not answer.abstained and answer.citations


@pytest.mark.parametrize(("keys", "baa", "warmed"), [
    ({"anthropic_api_key": SecretStr("sk-test")}, [], True),
    ({"cohere_api_key": SecretStr("co-test")}, [], True),
    ({"anthropic_api_key": SecretStr("sk-test")}, ["anthropic"], False),  # text to it is not tokenized
    ({}, [], False),  # offline: nothing leaves, nothing to warm
])
async def test_the_tokenizer_is_warmed_at_start_only_when_text_will_be_tokenized(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch, keys: dict[str, Any], baa: list[str], warmed: bool) -> None:
    from rag_core.phi.tokenizer import PhiTokenizer

    calls: list[PhiTokenizer] = []
    monkeypatch.setattr(PhiTokenizer, "warm", lambda self: calls.append(self))
    settings = RagSettings(data_dir=tmp_path, redis_url=None, baa_providers=baa, **keys)
    runtime = await build_runtime(settings)
    try:
        assert bool(calls) is warmed
    finally:
        await runtime.close()


def test_warming_loads_the_analyzer_and_the_vocabularies() -> None:
    from rag_core.phi import names, tokenizer, vocabulary

    tokenizer.PhiTokenizer().warm()
    assert tokenizer.analyzer.cache_info().currsize == 1
    assert vocabulary.clinical_vocabulary.cache_info().currsize == 1  # type: ignore[attr-defined]
    assert names.first_names.cache_info().currsize == names.last_names.cache_info().currsize == 1
    assert vocabulary.drug_names.cache_info().currsize == tokenizer.english_words.cache_info().currsize == 1


GUIDE = re.compile(r'<guideline id="(G\d+)"[^>]*>\n(.*?)\n</guideline>', re.DOTALL)


async def test_claude_gets_guideline_passages_as_g_ids_and_a_guideline_sentence_claimed_as_chart_is_dropped(
        harness: Harness) -> None:
    from chartrag.guidelines_cli import sample_guidelines
    from rag_core.guidelines import ingest_guideline
    from rag_core.models import CLINICAL_GUIDELINES, PATIENT_DATA

    for guideline in sample_guidelines():
        await ingest_guideline(harness.runtime.indexer, guideline)

    def answer(body: dict[str, Any], misuse: bool) -> dict[str, Any]:
        content = body["messages"][0]["content"]
        guides, items = GUIDE.findall(content), evidence_items(body)
        assert guides and items
        passage = guides[0][1].splitlines()[0]
        claims = [{"text": items[0][1].splitlines()[0][:300], "citations": [items[0][0]]},
                  {"text": passage, "citations": [guides[0][0]], "source": "guideline"}]
        if misuse:  # the same guideline sentence presented as a fact of the chart
            claims.append({"text": passage, "citations": [guides[0][0]], "source": "chart"})
        return {"answer": "x", "claims": claims, "confidence": 0.8, "insufficient_evidence": False}

    before = len(harness.claude.requests)
    harness.claude.script.extend([lambda body: answer(body, True), lambda body: answer(body, False)])
    result = await harness.runtime.service.answer("Is she due for colorectal cancer screening?",
                                                  PatientScope.full(EDYTHE_ID, "dr-egress"), now=date(2020, 1, 1))
    first, second = harness.claude.requests[before:before + 2]
    assert "not this patient's chart" in first["messages"][0]["content"]
    assert "guideline passage cited as a chart fact" in second["messages"][0]["content"]  # the finding went back
    namespaces = {c.chunk_id: c.namespace for c in result.citations}
    chart = [c for c in result.claims if c.source == "chart"]
    guided = [c for c in result.claims if c.source == "guideline"]
    assert chart and guided
    assert all(namespaces[i] == PATIENT_DATA for c in chart for i in c.citations)
    assert all(namespaces[i] == CLINICAL_GUIDELINES for c in guided for i in c.citations)
    audit = harness.audit()
    assert audit["generation"]["regenerated"] is True and audit["cited_guideline_ids"]

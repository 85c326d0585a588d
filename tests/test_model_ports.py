"""The pieces around third-party models, without loading a language model: prompt templates (sandboxed,
strict), the per-request egress context, Cohere rerank and guideline embeddings behind the gateway
(HTTP answered by a recording transport)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import cohere
import jinja2
import pytest
from jinja2.sandbox import SecurityError

from rag_core.cohere_models import CohereEmbedder, CohereReranker
from rag_core.egress import EgressGateway, begin_request, current_request, end_request
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import CLINICAL_GUIDELINES, ClinicalDocument, Hit, PatientScope, SourceRef
from rag_core.phi.record import RecordIdentifiers
from rag_core.phi.tokenizer import PhiTokenizer
from rag_core.prompting import environment, render, template_hash
from rag_core.query import plan_question
from rag_core.retrieval import Retriever
from rag_core.sparse import Bm25Encoder
from tests.conftest import HashEmbedder
from tests.model_mocks import FakeCohere

RECORD = RecordIdentifiers.from_resources([{"resourceType": "Patient", "id": "p1",
                                            "name": [{"given": ["Marisol"], "family": "Quintanilla"}]}])
GATEWAY = EgressGateway(PhiTokenizer(use_ner=False))


def test_prompt_templates_render_strictly_in_a_sandbox() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render("answer_user.j2", question="q")  # items, timeline … missing: an error, not blanks
    rendered = render("answer_system.j2", tool_name="record_answer")
    assert "record_answer" in rendered.text and rendered.template_hash == template_hash("answer_system.j2")
    assert len(rendered.template_hash) == 16 and rendered.template_hash != template_hash("answer_user.j2")
    with pytest.raises(SecurityError):
        environment().from_string("{{ x.__class__.__mro__[1].__subclasses__() }}").render(x=1)


async def test_the_request_context_reaches_threads_and_ends_with_the_request() -> None:
    egress, token = begin_request(RECORD)
    try:
        assert await asyncio.to_thread(current_request) is egress
    finally:
        end_request(token)
    outside = current_request()
    assert outside is not egress and outside.record is None


def _hits() -> list[Hit]:
    from rag_core.models import Chunk

    texts = ["Marisol Quintanilla seen for cough.", "Lisinopril 10 mg daily.", "Assessment: stable."]
    return [Hit(Chunk(id=f"c{i}", patient_id="p1", text=t, resource_type="DocumentReference", resource_id=f"d{i}"), 0.5)
            for i, t in enumerate(texts)]


class Offline:
    model_id = "offline"

    def rerank(self, plan, aspect, hits, k):  # type: ignore[no-untyped-def]
        return hits[:k]


def test_cohere_rerank_orders_by_its_scores_and_sends_tokenized_text() -> None:
    fake = FakeCohere()
    client = cohere.ClientV2(api_key="k", base_url="http://cohere.invalid", httpx_client=fake.client(), max_retries=0)
    ranker = CohereReranker(client, "rerank-v3.5", GATEWAY, Offline())
    plan = plan_question("What did Marisol's visit note say?", __import__("datetime").date(2024, 1, 1))
    egress, token = begin_request(RECORD)
    try:
        ranked = ranker.rerank(plan, plan.aspects[0], _hits(), 2)
    finally:
        end_request(token)
    assert [h.chunk.id for h in ranked] == ["c0", "c1"] and ranked[0].score == 0.95
    sent = fake.requests[0]
    assert "Marisol" not in str(sent) and "[PATIENT_NAME_1]" in sent["query"] and sent["top_n"] == 2
    assert egress.log.entries[0].provider == "cohere" and egress.log.entries[0].tokenized


@pytest.mark.parametrize("status", [429, 503])
def test_cohere_rerank_outage_falls_back_to_the_offline_reranker(status: int) -> None:
    fake = FakeCohere(fail_with=status)
    client = cohere.ClientV2(api_key="k", base_url="http://cohere.invalid", httpx_client=fake.client(), max_retries=0)
    ranker = CohereReranker(client, "rerank-v3.5", GATEWAY, Offline())
    plan = plan_question("visit note", __import__("datetime").date(2024, 1, 1))
    ranked = ranker.rerank(plan, plan.aspects[0], _hits(), 2)
    assert [h.chunk.id for h in ranked] == ["c0", "c1"] and ranked[0].score == 0.5 and fake.requests


async def test_guidelines_namespace_embedded_by_cohere_and_queried_tokenized(tmp_path: Path) -> None:
    fake = FakeCohere(dimension=16)
    client = cohere.ClientV2(api_key="k", base_url="http://cohere.invalid", httpx_client=fake.client(), max_retries=0)
    guidelines = CohereEmbedder(client, "embed-v4.0", 16, GATEWAY)
    local = HashEmbedder()
    index = EdgeIndex(tmp_path, local.dimension, {CLINICAL_GUIDELINES: 16})
    await index.ensure()
    try:
        sparse = Bm25Encoder()
        indexer = Indexer(index, local, sparse, embedders={CLINICAL_GUIDELINES: guidelines})
        doc = ClinicalDocument(patient_id="__shared__", source=SourceRef(resource_type="Guideline", resource_id="ada-a1c"),
                               kind="note", text="ADA: HbA1c target below 7% for most adults with diabetes.")
        await indexer.index_documents([doc], CLINICAL_GUIDELINES)
        retriever = Retriever(index, local, sparse, Offline(),  # type: ignore[arg-type]
                              query_embedders={CLINICAL_GUIDELINES: guidelines.for_queries()})
        egress, token = begin_request(RECORD)
        try:
            found = await retriever.search_namespaces("HbA1c target for Marisol Quintanilla", PatientScope.full("p1", "t"), 3)
        finally:
            end_request(token)
        assert found[CLINICAL_GUIDELINES][0].chunk.resource_id == "ada-a1c"
        document_call, query_call = fake.requests
        assert document_call["input_type"] == "search_document" and query_call["input_type"] == "search_query"
        assert "Marisol" not in str(query_call) and "[PATIENT_NAME_1]" in query_call["texts"][0]
        assert [e.kind for e in egress.log.entries] == ["embedding"]
    finally:
        await index.close()

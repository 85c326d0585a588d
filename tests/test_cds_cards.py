"""CDS card Markdown from hostile data (issue 24, finding 5): a guideline whose title, issuer and passages
carry HTML and Markdown, and whose URL is ``javascript:``, is indexed beside the samples; the card of every
bundled patient is then checked as written (no raw ``<``, no ``javascript:``, the metadata only in escaped
form) and as an EHR that renders Markdown *with* inline HTML would show it (no tag from data, every link
https to the FHIR server or a genuine guideline).

The index is built with the hash embedder: the summary reads facts and recommendations with filters only.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from datetime import date
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from cds_hooks import markdown
from cds_hooks.cards import summary_card
from rag_core.documents import load_path
from rag_core.guidelines import Guideline, GuidelineSection, ingest_guideline
from rag_core.index.edge import EdgeIndex
from rag_core.indexing import Indexer
from rag_core.models import PatientScope
from rag_core.sparse import Bm25Encoder
from rag_core.summary import summarize
from tests.conftest import ROOT, SYNTHEA, HashEmbedder

BUNDLES = sorted([*SYNTHEA.glob("*.json"), *(ROOT / "data" / "generated").glob("*.json")])
FHIR = "https://ehr.example.org/fhir"
TITLE = "Evil <img src=x onerror=alert(1)> **bold** `code`"
ISSUER = "Task & Force <script>alert(2)</script> [click](https://evil.example/issuer)"
PASSAGE_TAIL = " <img src=y onerror=alert(3)> [more](https://evil.example/passage) ![i](https://evil.example/i.png)\n\n" \
               "[1]: https://evil.example/reference"
TODAY = date(2026, 12, 6)


def hostile(sample: Guideline) -> Guideline:
    """The colorectal sample turned hostile: what an index written before ingestion checked metadata (or any
    other path into ``clinical_guidelines``) could hold."""
    meta = dataclasses.replace(sample.meta, guideline_id="evil-colorectal", title=TITLE, issuer=ISSUER,
                               url="javascript:alert(1)")
    sections = tuple(GuidelineSection(s.path, s.text + PASSAGE_TAIL) for s in sample.sections)
    return Guideline(meta, sections)


@pytest.fixture(scope="module")
async def index(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[EdgeIndex]:
    from chartrag.guidelines_cli import sample_guidelines

    embedder = HashEmbedder()
    idx = EdgeIndex(tmp_path_factory.mktemp("cds-cards"), embedder.dimension)
    await idx.ensure()
    indexer = Indexer(idx, embedder, Bm25Encoder())
    for bundle in BUNDLES:
        await indexer.index_documents(load_path(bundle).documents)
    samples = sample_guidelines()
    for guideline in samples:
        await ingest_guideline(indexer, guideline)
    await ingest_guideline(indexer, hostile(next(g for g in samples if "colorectal" in g.meta.guideline_id)))
    yield idx
    await idx.close()


class Rendered(HTMLParser):
    """Tags and link targets of a card detail as an HTML-permissive Markdown renderer shows it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k in ("href", "src")]


def rendered(detail: str) -> Rendered:
    parser = Rendered()
    parser.feed(MarkdownIt("commonmark", {"html": True}).render(detail))  # an EHR that lets HTML through
    return parser


async def test_no_card_carries_markup_or_links_from_a_hostile_guideline(index: EdgeIndex) -> None:
    evil_cards = 0
    for bundle in BUNDLES:
        patient = next(d.patient_id for d in load_path(bundle).documents if d.patient_id)
        summary = await summarize(index, PatientScope.full(patient, "cards"), TODAY)
        card = summary_card(summary, FHIR, "https://chartrag.example.org/launch")
        if card is None:
            continue
        detail = card.detail or ""
        assert "<" not in detail and "javascript:" not in detail.casefold(), bundle.name
        for raw in (TITLE, ISSUER, "<img src=y", "[more](", "[1]: https://evil"):
            assert raw not in detail, (bundle.name, raw)
        page = rendered(detail)
        assert page.tags <= {"p", "strong", "ul", "ol", "li", "a"}, (bundle.name, page.tags)
        genuine = ("https://www.uspreventiveservicestaskforce.org/", f"{FHIR}/")
        assert all(href.startswith(genuine) for href in page.hrefs), (bundle.name, page.hrefs)
        if "Guideline: Task" in detail:
            evil_cards += 1
            assert markdown.text(TITLE) in detail and markdown.text(ISSUER) in detail  # shown, as text
            footnote = next(line for line in detail.splitlines() if "Guideline: Task" in line)
            assert re.fullmatch(r"\d+\. Guideline: .*", footnote)  # its javascript: URL made no link
    assert evil_cards >= 2  # the hostile guideline reached the cards of patients in its age groups


def test_markdown_text_is_literal() -> None:
    for value in ("# heading", "1. item", "- item", "a\n\n[x]: https://evil.example", "<b>x</b>", "&lt;b&gt;",
                  "[a](https://evil.example)", "*a* _b_ `c` ~d~ |e|", "\\[a](https://evil.example)"):
        page = rendered(f"- {markdown.text(value)}")
        assert page.tags == {"ul", "li"} and page.hrefs == [], value


@pytest.mark.parametrize(("url", "hosts", "linked"), [
    ("https://guidelines.example/x", (), True),
    ("http://127.0.0.1:8001/fhir", ("127.0.0.1",), True),  # a configured local server
    ("http://127.0.0.1:8001/fhir", (), False),
    ("http://ehr.example.org/fhir", ("127.0.0.1",), False),
    ("javascript:alert(1)", ("127.0.0.1",), False),
    ("JaVaScRiPt:alert(1)", (), False),
    ("data:text/html,<script>alert(1)</script>", (), False),
    ("https://user@evil.example/x", (), False),
    ("https://evil.example/x) [y](javascript:alert(1)", (), False),
])
def test_only_https_or_configured_http_targets_become_links(url: str, hosts: tuple[str, ...], linked: bool) -> None:
    made = markdown.link("label", url, hosts)
    assert (made != "label") == linked
    page = rendered(f"- {made}")
    assert len(page.hrefs) == int(linked) and page.tags <= {"ul", "li", "a"}


def test_chart_footnotes_link_an_http_fhir_server_only_when_configured() -> None:
    from rag_core.models import Citation, Claim, ValidatedAnswer
    from rag_core.summary import ChartSummary

    citation = Citation(chunk_id="c1", patient_id="p1", reference="Condition/1", resource_type="Condition",
                        effective_date="2020-01-01", section=None, start=0, end=4, text="Gout")
    answer = ValidatedAnswer.model_construct(claims=[Claim(text="Gout <b>x</b>", citations=["c1"])],
                                             citations=[citation])
    summary = ChartSummary(patient_id="p1", as_of="2026-12-06", sections=[("Active problems", answer)],
                           changing_labs=0, active_problems=1, current_medications=0, largest_change=0.0)
    loopback = "http://127.0.0.1:8001/fhir"
    linked = summary_card(summary, loopback, "http://127.0.0.1:8000/launch", ["127.0.0.1"])
    plain = summary_card(summary, loopback, "http://127.0.0.1:8000/launch")
    assert linked is not None and plain is not None
    assert rendered(linked.detail or "").hrefs == [f"{loopback}/Condition/1"]
    assert rendered(plain.detail or "").hrefs == [] and "Gout &lt;b&gt;x&lt;/b&gt;" in (plain.detail or "")

"""Guideline documents into the clinical_guidelines namespace: section-aware reading of Markdown, HTML and
PDF, metadata a citation needs, a new version replacing the old, list and remove — against the real
embedded index and embedding model. The documents here are test fixtures written for these tests, not
guideline text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chartrag.cli import app
from rag_core.guidelines import GuidelineError, GuidelineLimits, guideline_chunks, read_guideline
from rag_core.models import CLINICAL_GUIDELINES, PATIENT_DATA

runner = CliRunner()

MARKDOWN = """---
title: "Widget Disease: Screening"
organization: "Fixture Task Force"
version: "2031-05-18"
source_url: "https://example.org/widget"
license: "test fixture"
---

# Widget Disease: Screening

Opening words before any section.

## Recommendation Summary

| Population | Recommendation | Grade |
|---|---|---|
| Adults aged 40 to 70 years | Screen for widget disease. | A |

## Practice Considerations

### Screening Tests

- Widget antigen test every year
- Widgetoscopy every 10 years

```
# a comment in a code block, not a heading
```

## Rationale

{rationale}
"""


def write_markdown(tmp_path: Path, version: str = "2031-05-18", rationale: str = "Benefit is substantial.") -> Path:
    path = tmp_path / "widget.md"
    path.write_text(MARKDOWN.replace("2031-05-18", version).replace("{rationale}", rationale), encoding="utf-8")
    return path


def test_markdown_sections_carry_their_heading_path_and_the_metadata_a_citation_needs(tmp_path: Path) -> None:
    g = read_guideline(write_markdown(tmp_path, rationale="Long sentence about widgets. " * 120))
    assert (g.meta.title, g.meta.issuer, g.meta.version, g.meta.published, g.meta.url) == (
        "Widget Disease: Screening", "Fixture Task Force", "2031-05-18", "2031-05-18", "https://example.org/widget")
    # "Practice Considerations" has no text of its own: only its sub-section is kept
    assert [s.path for s in g.sections] == [(), ("Recommendation Summary",),
                                            ("Practice Considerations", "Screening Tests"), ("Rationale",)]
    tests = next(s for s in g.sections if s.path == ("Practice Considerations", "Screening Tests"))
    assert "Widgetoscopy every 10 years" in tests.text and "# a comment in a code block" in tests.text
    chunks = guideline_chunks(g, max_chars=400)
    assert all(c.patient_id == "" and c.resource_type == "Guideline" and c.version_id == "2031-05-18" for c in chunks)
    rationale = [c for c in chunks if c.guideline and c.guideline.section_path == ("Rationale",)]
    assert len(rationale) > 5 and all(len(c.text) <= 400 + len("Rationale\n") for c in rationale)
    # a chunk never mixes two sections; its first line is its section's path
    for c in chunks:
        assert c.guideline is not None
        if c.guideline.section_path:
            assert c.text.splitlines()[0] == " › ".join(c.guideline.section_path)
    assert len({c.id for c in chunks}) == len(chunks)


def test_html_guideline_reads_title_meta_and_sections_without_scripts(tmp_path: Path) -> None:
    html = tmp_path / "g.html"
    html.write_text("""<html><head><title>Widget page | Site</title>
        <meta name="dc.publisher" content="Fixture Agency"><meta name="dc.date" content="2030-01-02">
        <link rel="canonical" href="https://example.org/w.html"><script>var secret = 1;</script></head>
        <body><nav>Home | About</nav><h1>Widget Guidance</h1><p>Intro.</p>
        <h2>Who</h2><ul><li>Adults with widgets</li></ul>
        <h3>Exceptions</h3><table><tr><td>Age</td><td>over 90</td></tr></table>
        <h2>What</h2><p>Test <b>yearly</b>.</p></body></html>""", encoding="utf-8")
    g = read_guideline(html)
    assert (g.meta.title, g.meta.issuer, g.meta.version, g.meta.url) == ("Widget Guidance", "Fixture Agency", "2030-01-02",
                                                     "https://example.org/w.html")
    by_path = {s.path: s.text for s in g.sections}
    assert by_path[("Who",)] == "- Adults with widgets"
    assert by_path[("Who", "Exceptions")] == "Age | over 90"
    assert by_path[("What",)] == "Test yearly."
    assert not any("secret" in s.text or "Home | About" in s.text for s in g.sections)


def test_pdf_guideline_is_read_through_markdown(tmp_path: Path) -> None:
    import pymupdf

    path = tmp_path / "g.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Widget Guidance", fontsize=22)
    page.insert_text((72, 120), "Recommendations", fontsize=16)
    page.insert_text((72, 150), "Screen adults for widget disease every year.", fontsize=10)
    doc.set_metadata({"title": "Widget Guidance", "author": "Fixture Agency", "creationDate": "D:20300102000000"})
    doc.save(path)
    g = read_guideline(path)
    assert (g.meta.title, g.meta.issuer, g.meta.published) == ("Widget Guidance", "Fixture Agency", "2030-01-02")
    assert any("Screen adults for widget disease every year." in s.text for s in g.sections)


def test_a_guideline_without_what_a_citation_needs_is_refused(tmp_path: Path) -> None:
    bare = tmp_path / "bare.md"
    bare.write_text("# Something\n\nText.\n", encoding="utf-8")
    with pytest.raises(GuidelineError, match="issuing body"):
        read_guideline(bare)
    assert read_guideline(bare, {"issuer": "Fixture", "version": "1"}).meta.issuer == "Fixture"
    damaged = {"front.md": b"---\ntitle: [unclosed\n---\n# T\n\ntext\n", "empty.html": b"",
               "broken.pdf": b"%PDF-1.7 not really a pdf"}
    for name, content in damaged.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(GuidelineError, match=f"{name}: cannot be read"):
            read_guideline(tmp_path / name)
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(GuidelineError, match="not a guideline format"):
        read_guideline(other)


@pytest.mark.slow
def test_cli_ingest_replace_list_remove_against_the_embedded_index(tmp_path: Path) -> None:
    import asyncio

    from rag_core.models import SearchFilter
    from rag_core.runtime import build_runtime
    from rag_core.settings import RagSettings

    data = tmp_path / "d"
    first = runner.invoke(app, ["guidelines", "ingest", "--data-dir", str(data), str(write_markdown(tmp_path))])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["ingested"][0]["version"] == "2031-05-18"
    newer = write_markdown(tmp_path, version="2032-02-01", rationale="A new edition's rationale.")
    second = runner.invoke(app, ["guidelines", "ingest", "--data-dir", str(data), str(newer)])
    assert second.exit_code == 0, second.output
    listed = runner.invoke(app, ["guidelines", "list", "--json", "--data-dir", str(data)])
    entries = json.loads(listed.stdout)
    assert [(e["guideline_id"], e["version"]) for e in entries] == [
        ("fixture-task-force-widget-disease-screening", "2032-02-01")]

    async def stored() -> tuple[list[str], int]:
        runtime = await build_runtime(RagSettings(data_dir=data))
        try:
            chunks = await runtime.index.scroll(CLINICAL_GUIDELINES, SearchFilter(), None, limit=1000)
            return [c.text for c in chunks if c.version_id != "2032-02-01"], await runtime.index.total_points(
                PATIENT_DATA)
        finally:
            await runtime.close()

    old_versions, patient_points = asyncio.run(stored())
    assert old_versions == [] and patient_points == 0  # the old edition is gone; no chart was touched
    assert entries[0]["chunks"] == len(guideline_chunks(read_guideline(newer)))

    removed = runner.invoke(app, ["guidelines", "remove", "fixture-task-force-widget-disease-screening",
                                  "--data-dir", str(data)])
    assert removed.exit_code == 0 and json.loads(removed.stdout)["chunks"] == entries[0]["chunks"]
    again = runner.invoke(app, ["guidelines", "remove", "fixture-task-force-widget-disease-screening",
                                "--data-dir", str(data)])
    assert again.exit_code == 1 and "no guideline" in again.output
    bad = tmp_path / "bad.md"
    bad.write_text("# Title only\n\ntext\n", encoding="utf-8")
    refused = runner.invoke(app, ["guidelines", "ingest", "--data-dir", str(data), str(bad)])
    assert refused.exit_code == 1 and "issuing body" in refused.output


# ---------------------------------------------------------------------------------------------- limits (issue 24 #10)

def _front(**fields: str) -> str:
    lines = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\n{lines}---\n\n# Widget\n\n## Recommendation\n\nScreen adults.\n"


def test_a_guideline_file_over_the_size_limit_is_refused_unparsed_and_unnamed(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from rag_core import guidelines

    big = tmp_path / "big.md"
    big.write_text(_front(title="Big", issuer="Fixture", version="1") + "SECRETWORD filler text.\n\n" * 400,
                   encoding="utf-8")
    parsed: list[str] = []
    monkeypatch.setattr(guidelines, "_markdown", lambda *a: parsed.append("x"))
    with pytest.raises(GuidelineError, match="over the limit of 2000 bytes") as refused:
        read_guideline(big, limits=GuidelineLimits(max_bytes=2000))
    assert parsed == [] and "SECRETWORD" not in str(refused.value)
    monkeypatch.setenv("CHARTRAG_GUIDELINE_MAX_BYTES", "2000")
    result = runner.invoke(app, ["guidelines", "ingest", "--data-dir", str(tmp_path / "d"), str(big)])
    assert result.exit_code == 1 and "CHARTRAG_GUIDELINE_MAX_BYTES" in result.output
    assert "SECRETWORD" not in result.output and not (tmp_path / "d").exists()  # refused before any runtime


def test_a_guideline_making_too_many_chunks_is_refused_before_anything_is_embedded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = tmp_path / "many.md"
    many.write_text(_front(title="Many", issuer="Fixture", version="1") + "".join(
        f"## Part {i}\n\nParagraph {i}.\n\n" for i in range(50)), encoding="utf-8")
    assert len(guideline_chunks(read_guideline(many))) == 51  # within the default limit
    with pytest.raises(GuidelineError, match="51 chunks, over the limit of 20 chunks"):
        read_guideline(many, limits=GuidelineLimits(max_chunks=20))
    monkeypatch.setenv("CHARTRAG_GUIDELINE_MAX_CHUNKS", "20")
    result = runner.invoke(app, ["guidelines", "ingest", "--data-dir", str(tmp_path / "d"), str(many)])
    assert result.exit_code == 1 and "CHARTRAG_GUIDELINE_MAX_CHUNKS" in result.output
    assert not (tmp_path / "d").exists()


def test_limits_come_from_the_settings_with_sane_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from rag_core.settings import RagSettings

    defaults = GuidelineLimits.from_settings(RagSettings())
    assert defaults.max_bytes == 5_000_000 and 1000 <= defaults.max_chunks <= 5000 and defaults == GuidelineLimits()
    monkeypatch.setenv("CHARTRAG_GUIDELINE_MAX_CHUNKS", "7")
    assert GuidelineLimits.from_settings(RagSettings()).max_chunks == 7


@pytest.mark.parametrize("front", [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: Laughs\nissuer: Fixture\nversion: "1"\n',
    'title: &t Widget\nissuer: *t\nversion: "1"\n',
])
def test_yaml_anchors_and_aliases_are_refused(tmp_path: Path, front: str) -> None:
    path = tmp_path / "alias.md"
    path.write_text(f"---\n{front}---\n\n# Widget\n\nText.\n", encoding="utf-8")
    with pytest.raises(GuidelineError, match=r"alias\.md: front matter uses YAML anchors or aliases"):
        read_guideline(path)


@pytest.mark.parametrize(("fields", "message"), [
    ({"license": "L" * 3_700_000}, "front matter is over the 65536-byte limit"),
    ({"license": "L" * 501}, "license is 501 characters, over the limit of 500"),
    ({"title": "T" * 301}, "title is 301 characters, over the limit of 300"),
    ({"issuer": "I" * 201}, "issuer is 201 characters"),
    ({"version": "v" * 65}, "version is 65 characters"),
    ({"url": "javascript:alert(1)"}, "url must be an absolute http or https URL"),
    ({"url": "https://example.org/" + "p" * 2100}, "url is 2120 characters"),
    ({"published": "last spring"}, "published must be a date"),
    ({"published": "'2031-02-30'"}, "published is not a real calendar date"),
    ({"title": "[a, b]"}, "title must be text, a number or a date, not list"),
])
def test_metadata_fields_are_typed_and_bounded_without_echoing_them(tmp_path: Path, fields: dict[str, str],
                                                                    message: str) -> None:
    meta = {"title": "Widget", "issuer": "Fixture", "version": '"1"', **fields}
    path = tmp_path / "meta.md"
    path.write_text(_front(**meta), encoding="utf-8")
    with pytest.raises(GuidelineError, match=re.escape(f"meta.md: {message}")) as refused:
        read_guideline(path)
    assert len(str(refused.value)) < 200  # the message names the field and the limit, never the value


def test_metadata_accepts_dates_as_dates_and_http_urls(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text(_front(title="Widget", issuer="Fixture", published="2030-01-02", url="http://example.org/x"),
                    encoding="utf-8")
    g = read_guideline(path, {"license": "  public   domain "})
    assert (g.meta.version, g.meta.published, g.meta.url, g.meta.license) == (
        "2030-01-02", "2030-01-02", "http://example.org/x", "public domain")
    with pytest.raises(GuidelineError, match="url must be"):
        read_guideline(path, {"url": "file:///etc/passwd"})
    with pytest.raises(GuidelineError, match="license is 3700000 characters, over the limit of 500"):
        read_guideline(path, {"license": "L" * 3_700_000})  # as the CLI's --license passes it

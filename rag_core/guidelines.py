"""Clinical guideline documents (Markdown, HTML, PDF) → section-aware chunks of the ``clinical_guidelines``
namespace.

A guideline is read into its metadata (title, issuing body, version, publication date, source URL, license)
and its sections, each with the path of headings above it ("Recommendation Summary", "Practice
Considerations › Screening Tests"). Chunks never cross a section; each carries a ``GuidelineRef`` so an
answer can cite the guideline's section and version. Headings are found with markdown-it-py (Markdown, and
PDF text converted to Markdown by pymupdf4llm) and lxml (HTML): no hand-written Markdown or HTML parser.

Metadata comes from the document (Markdown front matter; HTML ``<title>``/``<meta>``/canonical link; PDF
document info) and is overridden by what the caller passes. A guideline without a title, an issuing body
and a version or date is refused: an answer must be able to say which version it cites.

Before anything is parsed or embedded a file is held to ``GuidelineLimits`` (size, PDF pages, chunks) and
its metadata to ``rag_core.guideline_meta`` (typed, bounded, an http(s) URL, YAML without aliases).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from rag_core.guideline_meta import GuidelineError, GuidelineLimits, checked_fields, load_front_matter, scalar
from rag_core.index.base import SHARED_LIST_LIMIT, VectorIndex, remove_shared_resource
from rag_core.indexing import Indexer
from rag_core.models import CLINICAL_GUIDELINES, Chunk, GuidelineRef, SearchFilter

GUIDELINE_TYPE = "Guideline"  # resource_type of guideline chunks (resource_id = the guideline's id)
MAX_CHUNK_CHARS = 1200
_FIELDS = ("id", "title", "issuer", "version", "published", "url", "license")

__all__ = ["GuidelineError", "GuidelineLimits", "read_guideline"]


@dataclass(frozen=True)
class GuidelineSection:
    path: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class GuidelineMeta:
    guideline_id: str
    title: str
    issuer: str
    version: str
    published: str | None
    url: str | None
    license: str | None


@dataclass(frozen=True)
class Guideline:
    meta: GuidelineMeta
    sections: tuple[GuidelineSection, ...]


def read_guideline(path: Path, overrides: Mapping[str, str | None] | None = None,
                   limits: GuidelineLimits | None = None) -> Guideline:
    """Read one guideline file; ``overrides`` (id, title, issuer, version, published, url, license) win over
    what the document says about itself. ``limits`` (file size, PDF pages, chunks) are checked before the
    file is parsed and before anything could be embedded."""
    limits = limits or GuidelineLimits()
    suffix = path.suffix.casefold()
    try:
        if suffix in (".md", ".markdown"):
            meta, sections = _markdown(_bounded(path, limits).decode("utf-8"), limits)
        elif suffix in (".html", ".htm"):
            meta, sections = _html(_bounded(path, limits))
        elif suffix == ".pdf":
            _bounded(path, limits)
            meta, sections = _pdf(path, limits)
        else:
            raise GuidelineError("not a guideline format (Markdown, HTML or PDF)")
    except GuidelineError as exc:
        raise GuidelineError(f"{path.name}: {exc}") from None
    except Exception as exc:  # the YAML, HTML and PDF readers each raise their own errors on a damaged file
        raise GuidelineError(f"{path.name}: cannot be read ({type(exc).__name__})") from exc
    meta.update({k: v for k, v in (overrides or {}).items() if v})
    try:
        guideline = _guideline(meta, sections)
    except GuidelineError as exc:
        raise GuidelineError(f"{path.name}: {exc}") from None
    chunks = chunk_count(guideline)
    if chunks > limits.max_chunks:
        raise GuidelineError(f"{path.name}: {chunks} chunks, over the limit of {limits.max_chunks} chunks per guideline "
                             "(CHARTRAG_GUIDELINE_MAX_CHUNKS)")
    return guideline


def _bounded(path: Path, limits: GuidelineLimits) -> bytes:
    """The file's bytes, refused unread when it is over ``limits.max_bytes`` (read at most one byte more)."""
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise GuidelineError(f"{size} bytes, over the limit of {limits.max_bytes} bytes per guideline file "
                             "(CHARTRAG_GUIDELINE_MAX_BYTES)")
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:  # grew since it was measured
        raise GuidelineError(f"over the limit of {limits.max_bytes} bytes per guideline file "
                             "(CHARTRAG_GUIDELINE_MAX_BYTES)")
    return data


def _guideline(meta: Mapping[str, str], sections: list[GuidelineSection]) -> Guideline:
    fields = checked_fields(meta)
    title, issuer = fields["title"] or "", fields["issuer"] or ""
    version = fields["version"] or fields["published"] or ""
    missing = [label for label, value in (("a title", title), ("an issuing body", issuer),
                                          ("a version or date", version)) if not value]
    if missing:
        raise GuidelineError(f"no {', '.join(missing)} (give them in the document or as options)")
    sections = [s for s in sections if s.text.strip()]
    if not sections:
        raise GuidelineError("no text")
    guideline_id = fields["id"] or _slug(f"{issuer} {title}")
    published = fields["published"] or (version if _day(version) else None)
    return Guideline(GuidelineMeta(guideline_id, title, issuer, version, published, fields["url"], fields["license"]),
                     tuple(sections))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:128] or "guideline"


# ------------------------------------------------------------------------------------------------ Markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_ALIASES = {"organization": "issuer", "organisation": "issuer", "publisher": "issuer", "issuing_body": "issuer",
            "source_url": "url", "date": "published", "updated": "published", "year": "published"}


def _markdown(text: str, limits: GuidelineLimits) -> tuple[dict[str, str], list[GuidelineSection]]:
    from markdown_it import MarkdownIt

    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        data = load_front_matter(m.group(1), limits)
        if isinstance(data, dict):
            for key, value in data.items():
                field = _ALIASES.get(str(key).casefold(), str(key).casefold())
                if field in _FIELDS and value is not None and field not in meta:
                    meta[field] = scalar(field, value)
        text = text[m.end():]
    lines = text.splitlines()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings: list[tuple[int, int, int, str]] = []  # (first line, line after, level, text)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            inline = tokens[i + 1].content.strip() if i + 1 < len(tokens) else ""
            headings.append((token.map[0], token.map[1], int(token.tag[1]), inline))
    sections: list[GuidelineSection] = []
    stack: list[tuple[int, str]] = []
    top_title = next((h[3] for h in headings if h[2] == 1), "")
    boundaries = [*headings, (len(lines), len(lines), 0, "")]
    body = "\n".join(lines[:boundaries[0][0]])
    sections.append(GuidelineSection((), _clean(body)))
    for (_, after, level, heading), following in zip(headings, boundaries[1:], strict=False):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, heading))
        body = "\n".join(lines[after:following[0]])
        path = tuple(h for lvl, h in stack if not (lvl == 1 and h == top_title))
        sections.append(GuidelineSection(path, _clean(body)))
    if top_title:
        meta.setdefault("title", top_title)
    return meta, sections


def _clean(text: str) -> str:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# ------------------------------------------------------------------------------------------------ HTML

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "li", "tr", "dt", "dd", "blockquote", "pre", "caption", "figcaption"}
_SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "template", "form", "button", "svg"}


def _html(data: bytes) -> tuple[dict[str, str], list[GuidelineSection]]:
    import lxml.html

    root = lxml.html.document_fromstring(data)
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").casefold()
        content = (el.get("content") or "").strip()
        field = {"citation_title": "title", "dc.title": "title", "og:title": "title",
                 "citation_publisher": "issuer", "dc.publisher": "issuer", "author": "issuer",
                 "citation_date": "published", "dc.date": "published", "article:modified_time": "published",
                 "version": "version", "dc.rights": "license", "dc.identifier": "id"}.get(name)
        if field and content and field not in meta:
            meta[field] = content
    for el in root.iter("link"):
        if (el.get("rel") or "").casefold() == "canonical" and el.get("href"):
            meta.setdefault("url", el.get("href", ""))
    title = root.findtext(".//title")
    if title and title.strip():
        meta.setdefault("title", " ".join(title.split()))
    for el in list(root.iter(*_SKIPPED)):
        el.drop_tree()
    sections: list[GuidelineSection] = []
    stack: list[tuple[int, str]] = []
    parts: list[str] = []

    def close() -> None:
        sections.append(GuidelineSection(tuple(h for _, h in stack), "\n".join(parts)))
        parts.clear()

    body = root.find("body")
    for el in (body if body is not None else root).iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _HEADINGS:
            close()
            level = _HEADINGS[tag]
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, " ".join(el.text_content().split())))
        elif tag in _BLOCKS and not any(a.tag in _BLOCKS for a in el.iterancestors()):  # the outermost block
            if tag == "tr":
                cells = [" ".join(c.text_content().split()) for c in el if isinstance(c.tag, str)]
                text = " | ".join(c for c in cells if c)
            else:
                text = " ".join(el.text_content().split())
            if text:
                parts.append(f"- {text}" if tag == "li" else text)
    close()
    h1 = next((" ".join(el.text_content().split()) for el in root.iter("h1")), None)
    if h1:  # the page's one top heading is the guideline's title, not a section of it
        meta["title"] = h1
        sections = [replace(s, path=s.path[1:] if s.path[:1] == (h1,) else s.path) for s in sections]
    return meta, sections


# ------------------------------------------------------------------------------------------------ PDF

def _pdf(path: Path, limits: GuidelineLimits) -> tuple[dict[str, str], list[GuidelineSection]]:
    import pymupdf
    import pymupdf4llm

    with pymupdf.open(path) as doc:
        if doc.page_count > limits.max_pages:
            raise GuidelineError(f"{doc.page_count} pages, over the limit of {limits.max_pages} pages per guideline "
                                 "(CHARTRAG_GUIDELINE_MAX_PAGES)")
        info = doc.metadata or {}
        markdown = pymupdf4llm.to_markdown(doc, show_progress=False)
    meta, sections = _markdown(markdown, limits)
    if info.get("title"):
        meta.setdefault("title", info["title"])
    if info.get("author"):
        meta.setdefault("issuer", info["author"])
    created = re.match(r"D:(\d{4})(\d{2})(\d{2})", info.get("creationDate") or "")
    if created:
        meta.setdefault("published", "-".join(created.groups()))
    return meta, sections


# ------------------------------------------------------------------------------------------------ chunks

def guideline_chunks(guideline: Guideline, max_chars: int = MAX_CHUNK_CHARS) -> list[Chunk]:
    """Each section's paragraphs, packed up to ``max_chars`` and never across a section; the section path is
    the chunk's first line so retrieval sees where a sentence stands."""
    chunks: list[Chunk] = []
    meta = guideline.meta
    for section in guideline.sections:
        heading = " › ".join(section.path)
        for piece in _pieces(section.text, max_chars):
            text = f"{heading}\n{piece}" if heading else piece
            digest = hashlib.sha256(f"{meta.guideline_id}|{meta.version}|{len(chunks)}|{text}".encode())
            chunks.append(Chunk(
                id=digest.hexdigest()[:32], patient_id="", text=text, resource_type=GUIDELINE_TYPE,
                resource_id=meta.guideline_id, version_id=meta.version, kind="note", section=heading or None,
                concepts=(meta.title,), codes=(guideline_code(meta.guideline_id),),  # a filter for the whole guideline
                effective_date=_day(meta.published), source_system=meta.url or "urn:chartrag:guideline",
                guideline=GuidelineRef(title=meta.title, issuer=meta.issuer, version=meta.version,
                                       published=meta.published, url=meta.url, section_path=section.path,
                                       license=meta.license)))
    return chunks


GUIDELINE_SYSTEM = "urn:chartrag:guideline"


def guideline_code(guideline_id: str) -> str:
    """The code every chunk of one guideline carries, so all of it can be read with one engine filter."""
    return f"{GUIDELINE_SYSTEM}|{guideline_id}"


def chunk_count(guideline: Guideline, max_chars: int = MAX_CHUNK_CHARS) -> int:
    """How many chunks ``guideline_chunks`` would make (counted without building them)."""
    return sum(1 for section in guideline.sections for _ in _pieces(section.text, max_chars))


def _day(value: str | None) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return m.group(0) if m else None


def _pieces(text: str, max_chars: int) -> Iterator[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    current = ""
    for paragraph in paragraphs:
        for part in _split_long(paragraph, max_chars):
            if current and len(current) + 2 + len(part) > max_chars:
                yield current
                current = ""
            current = f"{current}\n\n{part}" if current else part
    if current:
        yield current


def _split_long(paragraph: str, max_chars: int) -> Iterator[str]:
    if len(paragraph) <= max_chars:
        yield paragraph
        return
    current = ""
    for sentence in re.split(r"(?<=[.;:!?])\s+", paragraph):
        if current and len(current) + 1 + len(sentence) > max_chars:
            yield current
            current = ""
        while len(sentence) > max_chars:  # one sentence longer than a chunk: cut at a space
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            yield sentence[:cut]
            sentence = sentence[cut:].lstrip()
        current = f"{current} {sentence}" if current else sentence
    if current:
        yield current


# ------------------------------------------------------------------------------------------------ the namespace

@dataclass(frozen=True)
class IndexedGuideline:
    meta: GuidelineMeta
    chunks: int


async def ingest_guideline(indexer: Indexer, guideline: Guideline) -> int:
    """Index a guideline in ``clinical_guidelines``, replacing every chunk of an earlier version of it."""
    return await indexer.replace_resource(CLINICAL_GUIDELINES, GUIDELINE_TYPE, guideline.meta.guideline_id,
                                          guideline_chunks(guideline))


async def list_guidelines(index: VectorIndex) -> list[IndexedGuideline]:
    chunks = await index.scroll(CLINICAL_GUIDELINES, SearchFilter(resource_types=frozenset({GUIDELINE_TYPE})), None,
                                limit=SHARED_LIST_LIMIT)
    found: dict[str, IndexedGuideline] = {}
    for chunk in chunks:
        ref = chunk.guideline
        if ref is None:
            continue
        known = found.get(chunk.resource_id)
        meta = known.meta if known else GuidelineMeta(chunk.resource_id, ref.title, ref.issuer, ref.version,
                                                      ref.published, ref.url, ref.license)
        found[chunk.resource_id] = IndexedGuideline(meta, (known.chunks if known else 0) + 1)
    return sorted(found.values(), key=lambda g: (g.meta.issuer.casefold(), g.meta.title.casefold()))


async def remove_guideline(index: VectorIndex, guideline_id: str) -> int:
    """Remove a guideline's chunks; how many there were (0: no such guideline)."""
    return await remove_shared_resource(index, CLINICAL_GUIDELINES, GUIDELINE_TYPE, guideline_id)

"""Encounter- and section-aware chunking with deterministic ids and offsets into the source text.

A note is split at its top-level ``#`` headings; a chunk never spans two sections and, when a section
is long, is cut only at paragraph boundaries. Facts are one chunk each. Chunk ids are UUIDv5 of
(patient, type, id, version, ordinal), so re-ingesting the same version yields the same ids.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from rag_core.models import Chunk, ClinicalDocument

CHUNK_NAMESPACE = uuid.UUID("6f1d3c2e-9a57-4c1b-8d0e-6b1f0a2c3d4e")
MAX_CHUNK_CHARS = 1000  # ~256 word pieces: MiniLM sees the whole chunk
_HEADING = re.compile(r"^# +(?P<title>.+?)\s*$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Section:
    title: str
    start: int
    end: int


def chunk_id(doc: ClinicalDocument, ordinal: int) -> str:
    key = f"{doc.patient_id}|{doc.source.resource_type}|{doc.source.resource_id}|{doc.source.version_id or ''}|{ordinal}"
    return str(uuid.uuid5(CHUNK_NAMESPACE, key))


def split_sections(text: str) -> list[Section]:
    """Top-level sections with [start, end) offsets; text before the first heading is ``Header``."""
    marks = list(_HEADING.finditer(text))
    sections: list[Section] = []
    first = marks[0].start() if marks else len(text)
    if text[:first].strip():
        sections.append(Section("Header", 0, first))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        sections.append(Section(mark.group("title"), mark.start(), end))
    return sections


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most MAX_CHUNK_CHARS, only at paragraph breaks when possible."""
    spans: list[tuple[int, int]] = []
    piece_start = start
    last_break = None
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        if match.end() - piece_start > MAX_CHUNK_CHARS and last_break is not None and last_break > piece_start:
            spans.append((piece_start, last_break))
            piece_start = last_break
        last_break = match.end()
    if end - piece_start > MAX_CHUNK_CHARS and last_break is not None and piece_start < last_break < end:
        spans.append((piece_start, last_break))
        piece_start = last_break
    spans.append((piece_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# Records of a state rather than an event (a device the patient carries, an allergy, a problem) often carry no date: kept
# at day 1, before every date, so "up to now" reads them and a bounded period ("in 2019") does not.
UNDATED_STATES = frozenset({"Device", "FamilyMemberHistory", "AllergyIntolerance", "Condition"})
UNDATED_DAY = 1


def _base(doc: ClinicalDocument) -> dict[str, object]:
    day = int(doc.effective_date.replace("-", "")) if doc.effective_date else None
    if day is None and doc.source.resource_type in UNDATED_STATES:
        day = UNDATED_DAY
    return {
        "patient_id": doc.patient_id,
        "resource_type": doc.source.resource_type,
        "resource_id": doc.source.resource_id,
        "version_id": doc.source.version_id,
        "last_updated": doc.source.last_updated,
        "kind": doc.kind,
        "concepts": doc.concepts,
        "codes": doc.codes,
        "encounter_id": doc.encounter_id,
        "note_type": doc.note_type,
        "effective_date": doc.effective_date,
        "effective_day": day,
        "status": doc.status,
        "category": doc.category,
        "source_system": doc.source.source_system,
        "phi_present": doc.phi_present,
        "ocr_confidence": doc.ocr_confidence,
        "low_confidence": doc.low_confidence,
        "fact": doc.fact,
    }


def chunk_document(doc: ClinicalDocument) -> list[Chunk]:
    base = _base(doc)
    if doc.kind == "fact":
        return [Chunk(id=chunk_id(doc, 0), text=doc.text, start=0, end=len(doc.text), **base)]  # type: ignore[arg-type]
    chunks: list[Chunk] = []
    label = f"{doc.note_type or 'Clinical note'} from {doc.effective_date or 'an unknown date'}"
    for section in split_sections(doc.text):
        if section.title == "Header" and _DATE_ONLY.fullmatch(doc.text[section.start : section.end].strip()):
            continue  # the note's date line alone: the date is in every chunk's label already
        for start, end in _paragraph_spans(doc.text, section.start, section.end):
            body = doc.text[start:end].strip()
            chunks.append(
                Chunk(
                    id=chunk_id(doc, len(chunks)),
                    text=f"{label} — {section.title}:\n{body}",
                    section=section.title,
                    start=start,
                    end=end,
                    **base,  # type: ignore[arg-type]
                )
            )
    return chunks


def chunk_documents(docs: list[ClinicalDocument]) -> list[Chunk]:
    return [chunk for doc in docs for chunk in chunk_document(doc)]

"""What a procedure or diagnosis showed: "colonoscopy when and what did it show", "brain mri last spring — what
did it show", "s/p TKA which side", "where did he get radiation".

The record the question found says its code and date; what it showed is in the record's own detail (body
site, outcome, stage, its notes — ``documents._recorded_detail``) and in the report written for it: a note
(DocumentReference / DiagnosticReport) dated that day or the few days after that names what was done.
Both are added to the answer as the chart words them, cited; nothing is inferred.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from rag_core.concepts import concept_words, untagged
from rag_core.kinds.base import AspectEvidence, ChartReader
from rag_core.kinds.common import mentioned
from rag_core.kinds.notes import NOTE_TYPES, NOTES
from rag_core.kinds.timewords import day_int, int_day
from rag_core.models import Chunk, SearchFilter

FINDINGS = re.compile(
    r"\bwhat did (?:it|that|they|the(?: [\w/-]+){1,3}) (?:show|find|reveal|say|demonstrate)\b|\bresults?\b|\bfindings?\b|"
    r"\bshowed\b|\bimpression\b|\b(?:which|what) side\b|\bwhere did (?:he|she|they|the patient|pt) (?:get|have)\b|"
    r"\bhow did (?:it|that) go\b", re.I)
RECORD_TYPES = frozenset({"Procedure", "Condition", "ImagingStudy"})
# words any report may hold: a note must name what was done, not say "Procedure:"
_GENERIC = frozenset({"procedure", "disorder", "finding", "findings", "situation", "total", "therapy", "examination",
                      "evaluation", "assessment", "screening", "physical", "object", "regime"})
REPORT_DAYS = 3  # a note (an operative or imaging note) may be dated a few days after what it reports
PATHOLOGY_DAYS = 7  # a DiagnosticReport — a pathology read above all — up to a week after
MAX_REPORTS = 2


def asks_findings(question: str) -> bool:
    return FINDINGS.search(question) is not None


async def findings(reader: ChartReader, part: AspectEvidence, reports_only: bool = False) -> AspectEvidence | None:
    """The newest found record of a procedure or diagnosis with its recorded detail, and the notes of that
    day (or the few days after) that name it — or None when the part found no such record. ``reports_only``:
    a question that did not ask what it showed gets the record's report (a DiagnosticReport: the imaging read,
    the pathology) and no other note — and None when there is none."""
    records = [c for c in part.chunks if c.resource_type in RECORD_TYPES and c.effective_day]
    if not records:
        return None
    record = max(records, key=lambda c: c.effective_day or 0)
    day = record.effective_day or 0
    last = day_int(int_day(day) + timedelta(days=PATHOLOGY_DAYS))
    notes_last = day_int(int_day(day) + timedelta(days=REPORT_DAYS))
    types = reader.granted(NOTE_TYPES)
    notes: list[Chunk] = []
    if types:
        named = untagged(record.concepts[0]) if record.concepts else ""  # not its SNOMED CT tag
        words = concept_words(part.aspect.concept or "") + [w for w in concept_words(named)
                                                           if len(w) >= 5 and w.lower() not in _GENERIC]
        for chunk in await reader.facts(SearchFilter(resource_types=types, day_from=day, day_to=last)):
            report = chunk.resource_type == "DiagnosticReport"
            if chunk.kind == "note" and any(mentioned(w, chunk.text.lower()) for w in words) and (
                    report or (not reports_only and (chunk.effective_day or 0) <= notes_last)):
                notes.append(chunk)
    if reports_only and not notes:
        return None
    aspect = replace(part.aspect, kind=NOTES, section=None)
    return AspectEvidence(aspect, [record, *notes[:MAX_REPORTS]], part.concepts, part.confidence, how=part.how)

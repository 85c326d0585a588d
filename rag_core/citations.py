"""Post-generation citation validation — a pure function; only its output leaves rag_core.

A claim is dropped when it cites nothing, cites a chunk outside this request's retrieval set, cites
a chunk of another patient, or states a number or date that none of its cited chunks contains.

The validator knows which namespace each retrieved chunk came from (the caller hands chart chunks and
guideline chunks over separately): a chart claim may cite only this patient's ``patient_data`` chunks
— a guideline passage cited as a chart fact is dropped — and a guideline claim only
``clinical_guidelines`` passages, with no number computed from them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from rag_core.facts import age_on, to_date
from rag_core.models import (
    CLINICAL_GUIDELINES,
    PATIENT_DATA,
    Chunk,
    Citation,
    Claim,
    Derived,
    DraftAnswer,
    DroppedClaim,
    PatientScope,
    ValidatedAnswer,
)

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"(?<![\w.\-/])\d+(?:\.\d+)?(?![\w])")

NOT_FOUND = "Not found in this patient's chart."
GUIDELINE_HEADING = "What the guidelines say (not facts of this chart):"


def atoms(text: str) -> tuple[set[str], set[str]]:
    """(dates, numbers) stated in ``text``; numbers inside dates or words (A1c) do not count."""
    dates = set(_DATE.findall(text))
    rest = _DATE.sub(" ", text)
    numbers = {n.rstrip(".") for n in _NUMBER.findall(rest)}
    return dates, {_canonical(n) for n in numbers}


def _canonical(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number.lstrip("0") or "0"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check_claim(
    claim: Claim, retrieved: dict[str, Chunk], scope: PatientScope, asked_dates: frozenset[str] = frozenset(),
    guidelines: dict[str, Chunk] | None = None,
) -> str | None:
    """Why the claim must go, or None when it stands."""
    if not claim.citations:
        return "no citation"
    if claim.source == "guideline":
        return _check_guideline(claim, retrieved, guidelines or {})
    cited: list[Chunk] = []
    for chunk_id in claim.citations:
        chunk = retrieved.get(chunk_id)
        if chunk is None:
            if guidelines and chunk_id in guidelines:
                return "guideline passage cited as a chart fact"
            return "citation not in this request's retrieval set"
        if chunk.patient_id != scope.patient_id:
            return "citation belongs to another patient"
        cited.append(chunk)
    computed: set[str] = set()
    for derived in claim.computed:
        if not _recomputes(derived, cited):
            return "computed value does not match the cited facts"
        computed.add(_canonical(derived.value))
    return unsupported_atoms(claim.text, [chunk.text for chunk in cited], computed, asked_dates)


def _check_guideline(claim: Claim, chart: dict[str, Chunk], guidelines: dict[str, Chunk]) -> str | None:
    """A guideline claim cites guideline passages only — retrieved from ``clinical_guidelines`` in this
    request, holding no patient data — and states nothing they do not."""
    cited: list[Chunk] = []
    for chunk_id in claim.citations:
        chunk = guidelines.get(chunk_id)
        if chunk is None:
            return "chart data cited as guideline" if chunk_id in chart else "citation not in this request's retrieval set"
        if chunk.patient_id or chunk.guideline is None:
            return "guideline citation is not a guideline passage"
        cited.append(chunk)
    if claim.computed:
        return "computed value in a guideline claim"
    return unsupported_atoms(claim.text, [chunk.text for chunk in cited])


def _recomputes(derived: Derived, cited: list[Chunk]) -> bool:
    """Whether a number computed from the cited facts comes out the same when the validator computes it."""
    if derived.kind == "count":
        return derived.value == str(len({c.reference for c in cited}))
    if derived.kind == "days":
        start, end = to_date(derived.start), to_date(derived.end)
        cited_dates = set().union(*(atoms(c.text)[0] for c in cited)) if cited else set()
        return (start is not None and end is not None and derived.start in cited_dates
                and derived.end in cited_dates and derived.value == str((end - start).days))
    if derived.kind == "age":
        on = to_date(derived.start)
        births = [to_date(c.fact.birth_date) for c in cited if c.fact is not None and c.fact.birth_date]
        return on is not None and any(b is not None and derived.value == str(age_on(b, on)) for b in births)
    return False


def unsupported_atoms(
    claim_text: str, cited_texts: list[str], computed: set[str] | None = None, asked_dates: frozenset[str] = frozenset()
) -> str | None:
    """Why the claim states something its cited texts do not, or None. Beyond the cited texts a claim may
    state the numbers the validator recomputed and the days the question itself named ("age on …")."""
    dates, numbers = atoms(claim_text)
    found_dates: set[str] = set(asked_dates)
    found_numbers: set[str] = set(computed or ()) | {_canonical(a) for a in asked_dates if "-" not in a}
    for text in cited_texts:
        d, n = atoms(text)
        found_dates |= d
        found_numbers |= n
    if dates - found_dates:
        return "date not in cited text"
    if numbers - found_numbers:
        return "number not in cited text"
    return None


def citation_of(chunk: Chunk, namespace: str = PATIENT_DATA) -> Citation:
    return Citation(
        namespace=namespace,
        guideline=chunk.guideline if namespace == CLINICAL_GUIDELINES else None,
        chunk_id=chunk.id,
        patient_id=chunk.patient_id,
        reference=chunk.reference,
        resource_type=chunk.resource_type,
        effective_date=chunk.effective_date,
        section=chunk.section,
        start=chunk.start,
        end=chunk.end,
        text=chunk.text,
    )


def guideline_label(citation: Citation) -> str:
    """How a guideline citation is labelled wherever it is shown (app, CDS card, CLI): marked as a
    guideline, with its issuer, title, version and section — never mistakable for a chart source."""
    ref = citation.guideline
    if ref is None:
        return citation.reference
    section = " › ".join(ref.section_path)
    parts = [f"Guideline: {ref.issuer}", ref.title, f"version {ref.version}", section]
    return " · ".join(p for p in parts if p)


def _same(text: str) -> str:
    return " ".join(text.casefold().rstrip(". ").split())


def merge_duplicates(claims: list[Claim]) -> list[Claim]:
    """Claims that say the same thing (same words, case and trailing full stop aside) become one claim
    citing all their sources, at the first one's place: a clinician reads each fact once."""
    merged: dict[str, Claim] = {}
    for claim in claims:
        key = _same(claim.text)
        first = merged.get(key)
        if first is None:
            merged[key] = claim
            continue
        merged[key] = first.model_copy(update={
            "citations": list(dict.fromkeys([*first.citations, *claim.citations])),
            "computed": [*first.computed, *(d for d in claim.computed if d not in first.computed)]})
    return list(merged.values())


def validate(
    draft: DraftAnswer,
    retrieved: Sequence[Chunk],
    scope: PatientScope,
    not_found: str = NOT_FOUND,
    asked_dates: frozenset[str] = frozenset(),
    guidelines: Sequence[Chunk] = (),
) -> ValidatedAnswer:
    """``retrieved``: this request's chart chunks (``patient_data``); ``guidelines``: the guideline passages
    retrieved beside them (``clinical_guidelines``). Chart claims come first in the answer; guideline
    claims follow under their own heading, so a guideline sentence never reads as a chart fact."""
    by_id = {c.id: c for c in retrieved}
    guide_by_id = {c.id: c for c in guidelines if c.id not in by_id}
    kept: list[Claim] = []
    dropped: list[DroppedClaim] = []
    for number, claim in enumerate(draft.claims, 1):
        reason = check_claim(claim, by_id, scope, asked_dates, guide_by_id)
        if reason is None:
            kept.append(claim)
        else:
            dropped.append(DroppedClaim(text_hash=_hash(claim.text), reason=reason, claim=number))
    guided = merge_duplicates([c for c in kept if c.source == "guideline"])
    kept = merge_duplicates([c for c in kept if c.source == "chart"])
    numbering: dict[str, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
    for claim in [*kept, *guided]:
        marks = []
        for chunk_id in claim.citations:
            if chunk_id not in numbering:
                numbering[chunk_id] = len(numbering) + 1
                chart = chunk_id in by_id
                citations.append(citation_of(by_id[chunk_id] if chart else guide_by_id[chunk_id],
                                             PATIENT_DATA if chart else CLINICAL_GUIDELINES))
            marks.append(f"[{numbering[chunk_id]}]")
        if claim is (guided[0] if guided else None):
            lines.append(GUIDELINE_HEADING)
        lines.append(f"{claim.text} {''.join(marks)}")
    kept = [*kept, *guided]
    abstained = not kept
    confidence = 0.0 if abstained else draft.confidence * (len(kept) / max(len(draft.claims), 1))
    return ValidatedAnswer(
        patient_id=scope.patient_id,
        answer=not_found if abstained else "\n".join(lines),
        claims=kept,
        citations=citations,
        confidence=round(confidence, 4),
        abstained=abstained,
        dropped=dropped,
        retrieved_chunk_ids=[c.id for c in retrieved],
        retrieved_references=list(dict.fromkeys(c.reference for c in retrieved)),
        retrieved_patient_ids=[c.patient_id for c in retrieved],
        retrieved_guideline_ids=list(guide_by_id),
        retrieved_guideline_references=[f"{c.reference}#{c.section or ''}" for c in guide_by_id.values()],
        model_id=draft.model_id,
    )

"""Post-generation citation validation — a pure function; only its output leaves rag_core.

A claim is dropped when it cites nothing, cites a chunk outside this request's retrieval set, cites
a chunk of another patient, or states a number or date that none of its cited chunks contains.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from rag_core.facts import age_on, to_date
from rag_core.models import Chunk, Citation, Claim, Derived, DraftAnswer, DroppedClaim, PatientScope, ValidatedAnswer

_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_NUMBER = re.compile(r"(?<![\w.\-/])\d+(?:\.\d+)?(?![\w])")

NOT_FOUND = "Not found in this patient's chart."


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
    claim: Claim, retrieved: dict[str, Chunk], scope: PatientScope, asked_dates: frozenset[str] = frozenset()
) -> str | None:
    """Why the claim must go, or None when it stands."""
    if not claim.citations:
        return "no citation"
    cited: list[Chunk] = []
    for chunk_id in claim.citations:
        chunk = retrieved.get(chunk_id)
        if chunk is None:
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


def citation_of(chunk: Chunk) -> Citation:
    return Citation(
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
) -> ValidatedAnswer:
    by_id = {c.id: c for c in retrieved}
    kept: list[Claim] = []
    dropped: list[DroppedClaim] = []
    for number, claim in enumerate(draft.claims, 1):
        reason = check_claim(claim, by_id, scope, asked_dates)
        if reason is None:
            kept.append(claim)
        else:
            dropped.append(DroppedClaim(text_hash=_hash(claim.text), reason=reason, claim=number))
    kept = merge_duplicates(kept)
    numbering: dict[str, int] = {}
    citations: list[Citation] = []
    lines: list[str] = []
    for claim in kept:
        marks = []
        for chunk_id in claim.citations:
            if chunk_id not in numbering:
                numbering[chunk_id] = len(numbering) + 1
                citations.append(citation_of(by_id[chunk_id]))
            marks.append(f"[{numbering[chunk_id]}]")
        lines.append(f"{claim.text} {''.join(marks)}")
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
        model_id=draft.model_id,
    )

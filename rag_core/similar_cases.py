"""Similar past cases for the launched patient, from the anonymized library only.

The launched patient's profile (active problems and medications) is read from ``patient_data`` through the
request's ``PatientScope`` — the one patient's filter, as every read there — and searched for in
``anonymized_cases`` only. What comes back is checked before it leaves: every hit must be a case chunk with
no patient id; anything else raises ``IsolationError`` (a cross-patient search is exactly the leak this
library replaces).
"""

from __future__ import annotations

from dataclasses import dataclass

from rag_core.audit import JsonlAuditLog
from rag_core.case_library import CASE_TYPE
from rag_core.errors import IsolationError
from rag_core.models import ANONYMIZED_CASES, PATIENT_DATA, Hit, PatientScope, SearchFilter
from rag_core.retrieval import Retriever

PROFILE_TYPES = frozenset({"Condition", "MedicationRequest"})


@dataclass(frozen=True)
class CaseMatch:
    case_id: str
    score: float
    summary: str
    age_group: str | None
    sex: str | None


async def patient_profile(retriever: Retriever, scope: PatientScope, limit: int = 500) -> str:
    """The launched patient's active problems and medications as one query text (empty when none)."""
    chunks = await retriever.index.scroll(PATIENT_DATA, SearchFilter(resource_types=PROFILE_TYPES), scope,
                                          limit=limit)
    problems = sorted({c for ch in chunks if ch.resource_type == "Condition" and ch.status in (None, "active")
                       for c in ch.concepts})
    medications = sorted({c for ch in chunks if ch.resource_type == "MedicationRequest"
                          and ch.status in (None, "active") for c in ch.concepts})
    parts = [f"Problems: {'; '.join(problems)}" if problems else "",
             f"Medications: {'; '.join(medications)}" if medications else ""]
    return "\n".join(p for p in parts if p)


async def similar_cases(retriever: Retriever, profile: str, k: int = 5) -> list[CaseMatch]:
    """The ``k`` cases of the library closest to ``profile`` (hybrid dense + BM25)."""
    if not profile.strip() or k < 1:
        return []
    query = retriever.hybrid_query(profile, SearchFilter(resource_types=frozenset({CASE_TYPE})), k)
    hits = await retriever.index.search(ANONYMIZED_CASES, query, None)
    return [_match(hit) for hit in hits[:k]]


def _match(hit: Hit) -> CaseMatch:
    chunk = hit.chunk
    if chunk.resource_type != CASE_TYPE or chunk.patient_id or chunk.case is None:
        raise IsolationError("a similar-cases search returned something that is not an anonymized case")
    return CaseMatch(chunk.case.case_id, hit.score, chunk.text, chunk.case.age_group, chunk.case.sex)


async def similar_for_patient(retriever: Retriever, audit: JsonlAuditLog, scope: PatientScope, k: int,
                              channel: str) -> tuple[bool, list[CaseMatch]]:
    """(whether the patient has a profile this scope may read, the cases like it), audited: who asked, for
    which patient, which case ids came back."""
    profile = await patient_profile(retriever, scope)
    matches = await similar_cases(retriever, profile, k)
    audit.record({
        "event": "similar_cases", "channel": channel, "requester": scope.requester, "patient_id": scope.patient_id,
        "granted_types": sorted(scope.resource_types & PROFILE_TYPES), "case_ids": [m.case_id for m in matches],
        "outcome": "answered" if matches else "no_profile" if not profile else "no_cases"})
    return bool(profile), matches

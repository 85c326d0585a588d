"""Why a drug was stopped or is not given: "why did he come off lisinopril", "why not lamictal", "why was the
statin dc'd".

Two records may say it, and the answer gives both as recorded: the order (its status, end and statusReason —
``orders.order_claim``) and an allergy or intolerance recorded to that drug, with its reaction ("Lisinopril —
reaction: cough"). Neither is inferred from the other: an order without a stop reason and no allergy record is
answered "no reason for stopping is recorded".
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader
from rag_core.kinds.ever import EVER
from rag_core.kinds.orders import asks_why_stopped
from rag_core.kinds.topics import ALLERGY, MEDICATION

_WHY_NOT = re.compile(r"\bwhy (?:not|no|isn'?t|is (?:he|she|they|pt|the patient) not|can'?t)\b|\bwhy (?:did|was|were|"
                      r"is|has) .*\b(?:avoid\w*|switch\w*|chang\w*)\b", re.I)


def asks_why_not_given(clause: str) -> bool:
    """A question about why a drug was stopped or is not given."""
    return asks_why_stopped(clause) or _WHY_NOT.search(clause) is not None


async def why_stopped(reader: ChartReader, aspect: Aspect, k: int) -> list[AspectEvidence] | None:
    """The drug's orders, asked why stopped, and any allergy recorded to it — or None when the words name no
    medication or allergy this chart records (the question is then read as asked)."""
    if not aspect.concept:
        return None
    clause = aspect.clause if asks_why_stopped(aspect.clause) else f"why stopped {aspect.concept}"
    order = replace(aspect, kind=EVER, topic=MEDICATION, prefer=("medication",), clause=clause)
    allergy = replace(aspect, kind=EVER, topic=ALLERGY, prefer=("allergy",), clause=f"allergic to {aspect.concept}")
    parts = []
    for asked in (order, allergy):
        resolved = await reader.resolve(asked)
        if resolved is None or not resolved.names or resolved.topic != asked.prefer[0]:
            continue
        part = await EVER.gather(reader, asked, k)
        if part.chunks:
            parts.append(part)
    return parts or None

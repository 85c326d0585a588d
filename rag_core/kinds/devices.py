"""When a device went in and came out, and why: "is his port still in or was it taken out", "why did she have a
pacemaker", "what iud does she have and when was it put in".

A Device record says what the device is and its status; its own dates are when it was made and when it expires.
When it was put in or taken out — and why, in the procedure's recorded reason — is in the procedures that name
it ("Insertion of cardiac pacemaker", "Removal of totally implantable venous access device"). Those procedures
are added to a device answer as recorded, cited; nothing is inferred.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag_core.concepts import _device_core, match_concepts
from rag_core.kinds.base import AspectEvidence, ChartReader
from rag_core.kinds.notes import NOTES
from rag_core.models import Chunk, SearchFilter

DEVICE_TYPES = frozenset({"Device", "DeviceUseStatement"})
# teaching how to use a device is no procedure done to it
_TEACHING = re.compile(r"\b(?:training|education|teaching|instruction|counsel\w*)\b", re.I)
MAX_PROCEDURES = 4
_IN_OR_OUT = re.compile(r"\b(?:insertion|implantation|placement|removal|explant\w*|replacement|revision)\b", re.I)


def names_a_device(part: AspectEvidence) -> bool:
    return any(c.resource_type in DEVICE_TYPES for c in part.chunks)


async def procedures_naming(reader: ChartReader, devices: set[str]) -> list[Chunk]:
    """The recorded procedures whose names hold every distinguishing word of one of the device names (teaching
    its use aside), in the order the chart holds them."""
    procedures = sorted({e.name for e in await reader.vocabulary(reader.asked_day) if e.topic == "procedure"})
    named: set[str] = set()
    for device in devices:
        core = _device_core(device)
        if core:
            named |= {m.concept for m in match_concepts(" ".join(sorted(core)), procedures)
                      if not _TEACHING.search(m.concept)}
    if not named:
        return []
    done = await reader.facts(SearchFilter(resource_types=frozenset({"Procedure"}), day_to=reader.asked_day))
    return [c for c in done if set(c.concepts) & named]


async def device_procedures(reader: ChartReader, part: AspectEvidence) -> AspectEvidence | None:
    """The procedures whose names hold every distinguishing word of a found device's name, oldest first, or None."""
    if not reader.granted(frozenset({"Procedure"})):
        return None
    found = await procedures_naming(reader, {n for c in part.chunks if c.resource_type in DEVICE_TYPES
                                             for n in c.concepts})
    names = sorted({n for c in found for n in c.concepts})
    # what put it in and took it out first, then the latest others (checks, interrogations), at most four in all
    key = [c for c in found if _IN_OR_OUT.search(" ".join(c.concepts))][:MAX_PROCEDURES]
    room = MAX_PROCEDURES - len(key)
    others = [c for c in found if c not in key][-room:] if room else []
    found = sorted(key + others, key=lambda c: (c.effective_day or 0, c.id))
    if not found:
        return None
    return AspectEvidence(replace(part.aspect, kind=NOTES, section=None, focus=None), found, names,
                          part.confidence, how=part.how)

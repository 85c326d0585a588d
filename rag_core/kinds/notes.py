"""Notes and visits by day or month ("the note from the visit on 2004-10-24", "the February 2021 visit",
"what happened at the last visit", "assessment and plan of the last note")."""

from __future__ import annotations

import re

from rag_core.concepts import concept_words
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import fact_sentence, mentioned_loosely, mentions, notes_naming, phrase_units, withheld
from rag_core.models import Chunk, Claim, Hit, SearchFilter

NOTE_TYPES = frozenset({"DocumentReference", "DiagnosticReport"})
MAX_NOTE_CLAIM_CHARS = 700
SECTIONS = {
    "assessment and plan": Cue(r"\bassessment\b|\bplan\b|\ba/p\b|\ba&p\b|\bimpression\b"),
    "chief complaint": Cue(r"\bchief complaint\b|\bcc\b|\bcame in for\b|\bpresenting\b|\breason for (?:the )?visit\b"),
    "history of present illness": Cue(r"\bhpi\b|\bhistory of present illness\b"),
    "social history": Cue(r"\bsocial history\b|\bsmok\w*|\balcohol\b|\bsocial\b"),
    "allergies": Cue(r"\ballerg\w*"),
    "medications": Cue(r"\bmedications?\b|\bmeds\b"),
}
# Visit questions that want what the note says rather than the encounter record
NOTE_ASKS = (Cue(r"\bwhat happened\b|\bsay\b|\bsaid\b|\bdiscuss\w*|\bsummar\w*|\bplan\b|\bwhy\b|\breason\b|\babout\b"),)
NEWEST = Cue(r"\blast\b|\blatest\b|\bmost recent\b|\brecent\b|\bnewest\b|\bprevious\b")


def section_of(text: str) -> str | None:
    for name, cue in SECTIONS.items():
        if cue.compiled().search(text):
            return name
    return None


class NoteKind(Kind):
    name = "text"
    topics = frozenset({"note", "encounter"})

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        if not reader.granted(NOTE_TYPES):
            return withheld(aspect)
        flt = SearchFilter(resource_types=NOTE_TYPES, day_from=aspect.window.day_from, day_to=aspect.window.day_to)
        newest = NEWEST.compiled().search(aspect.clause) is not None and not aspect.window.explicit
        pinned = aspect.window.explicit and aspect.window.day_from is not None
        if newest:
            latest = await reader.facts(flt, newest_first=True, limit=1)
            if latest and latest[0].effective_day:
                day = latest[0].effective_day
                flt = SearchFilter(resource_types=NOTE_TYPES, day_from=day, day_to=day)
                pinned = True
        text = aspect.clause if aspect.section is None else f"{aspect.section} {aspect.clause}"
        hits = await reader.search(aspect, text, flt, k)
        words = [w for w in concept_words(aspect.focus or "") if section_of(w) is None]
        named = False
        if words and not pinned:  # found by words, not by date: the note must say them
            hits = [h for h in hits if mentions(h.chunk, words)]
            if not hits:  # ranked out, or said in other words: every note of the period, read for most of them
                hits = [Hit(c, 0.6) for c in notes_naming(await reader.facts(flt, newest_first=True), words)]
            if not hits:
                return AspectEvidence(aspect, [], [], 0.0, not_found=f"No note mentions \u201c{' '.join(words)}\u201d.")
            named = True
        confidence = hits[0].score if hits else 0.0
        if named:
            confidence = max(confidence, 0.6)  # the note says what was asked: shown, not gated away
        if hits and pinned:
            confidence = max(confidence, 1.0 if flt.day_from == flt.day_to else 0.7)  # the engine filter pinned the visit
        if not hits:
            what = f"No note {aspect.window.label}." if aspect.window.label else "No matching note."
            return AspectEvidence(aspect, [], [], 0.0, not_found=what)
        return AspectEvidence(aspect, [h.chunk for h in hits], [], confidence, hits)

    def claims(self, part: AspectEvidence) -> list[Claim]:
        wanted = part.aspect.section
        chosen = [c for c in part.chunks if wanted and c.section and c.section.lower() == wanted] or part.chunks[:3]
        words = [] if wanted else concept_words(part.aspect.focus or "")  # a section asked: the section whole
        return [Claim(text=passage(c, words), citations=[c.id]) for c in chosen[:3]]


def passage(chunk: Chunk, words: list[str]) -> str:
    """A note chunk's lines that name the question's words, under its label (its first lines when none does):
    the answer is where the note says it, not the note's head."""
    if chunk.kind != "note" or not words:
        return excerpt(chunk)
    label, _, body = chunk.text.partition(":\n")
    units = phrase_units([w for w in words if section_of(w) is None] or words)
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    said = [line for line in lines if any(mentioned_loosely(u, line.lower()) for u in units)]
    if not said:
        return excerpt(chunk)
    return _capped(f"{label}:\n" + "\n".join(said))


def excerpt(chunk: Chunk) -> str:
    """A note chunk's own words under its label (note type, date, section), cut at a line near 700 chars."""
    if chunk.kind != "note":
        return fact_sentence(chunk)
    label, _, body = chunk.text.partition(":\n")
    body = re.sub(r"^#+[ \t]*", "", body, flags=re.MULTILINE)
    lines = [line for line in body.splitlines() if line.strip()]
    if chunk.section and lines and lines[0].strip() == chunk.section:
        lines = lines[1:]
    return _capped(f"{label}:\n" + "\n".join(lines) if body else chunk.text)


def _capped(text: str) -> str:
    """Cut at a line near ``MAX_NOTE_CLAIM_CHARS``, the cut said with an ellipsis."""
    if len(text) > MAX_NOTE_CLAIM_CHARS:
        cut = text.rfind("\n", 0, MAX_NOTE_CLAIM_CHARS)
        text = text[: cut if cut > 200 else MAX_NOTE_CLAIM_CHARS].rstrip() + " \u2026"
    return text


NOTES = NoteKind()

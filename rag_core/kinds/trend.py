"""Values in a window and how they changed ("A1c over the last 18 months", "K since 2019", "Cr trend")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind
from rag_core.kinds.common import MAX_LISTED, concept_evidence, fact_sentence, highest, lowest, measured_name, value_of
from rag_core.kinds.timewords import day_int, int_day
from rag_core.models import Chunk, Claim

RECENT_VALUES = 12  # "Cr trend" with no period named: the most recent values


# a change asked of a period an event starts ("weight gain since starting seroquel", "has it gone up since the
# mi"): measured from the value before the event; "a1c since the mi" lists the values since, no more
_CHANGE_ASKED = re.compile(r"\b(?:trend\w*|chang\w*|gain\w*|gone|going|went|up|down|better|worse|improv\w*|"
                           r"wors\w*|ris(?:e|en|ing)|rose|fall\w*|fell|increas\w*|decreas\w*|dropp?\w*|climb\w*|"
                           r"lose|lost|loss|losing)\b", re.I)


class TrendKind(Kind):
    name = "trend"
    cues = (
        Cue(r"\btrend(?:s|ed|ing)?\b"), Cue(r"\bchang(?:e|ed|es|ing)\b", 0.9), Cue(r"\bover time\b", 0.9),
        Cue(r"\bover the (?:years|yrs|months|past|course)\b", 0.9), Cue(r"\bprogress(?:ion|ed)?\b", 0.8),
        Cue(r"\btrajector", 1.0), Cue(r"\bcourse\b", 0.5), Cue(r"\bevolv\w*|\bdevelop\w*|\bfluctuat\w*", 0.8),
        Cue(r"\ball (?:the |of the |his |her )?(?:values|results|readings|levels|measurements)\b", 0.9),
        Cue(r"\b(?:values|results|readings|levels|measurements|scores|counts)\b", 0.5), Cue(r"\bhistory\b", 0.45),
        # "ef on each echo", "a1c at every visit": every value, not the latest
        Cue(r"\b(?:each|every)\s+(?:[\w-]+\s+)?(?:echo\w*|visits?|times?|checks?|draws?|tests?|scans?|dexas?|dxas?|"
            r"measurements?|readings?|appointments?|admissions?|stays?|studies|study|films?)\b", 0.6),
        Cue(r"\bgo(?:ing|ne)? (?:up|down)\b|\brising\b|\bfalling\b|\bimprov|\bworsen", 0.9),
        Cue(r"\b(?:come|came|coming|creep(?:ing|ed)?|crept|climb(?:ing|ed)?|trend(?:ing|ed)?|drift(?:ing|ed)?)\s+"
            r"(?:back\s+)?(?:up|down)\b|\bgetting (?:worse|better|higher|lower)\b|\b(?:better|worse)\s*\??$", 0.9),
        Cue(r"\b(?:increas|decreas|dropp|drop|risen|rose|climb)\w*", 0.8),
        # "weight gain since starting seroquel", "lost weight on ozempic": the weight's course
        Cue(r"(?<=weight )(?:gain|loss)\b|\b(?:gained|gaining|lost|losing)(?= (?:any )?weight\b)", 0.8),
        # "how much weight did he lose after the cancer dx": the change over the period
        Cue(r"\b(?:lose|lost|gained)(?=\s*\??\s*$)", 0.85),
        Cue(r"\bhow has\b|\bhow have\b|\bhow did\b", 0.6), Cue(r"\bserial\b|\bseries\b", 0.8), Cue(r"\bsince\b", 0.5),
    )
    topics = frozenset({"lab"})
    needs_concept = True

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        read = await concept_evidence(reader, aspect)
        if read.early is not None:
            return read.early
        shown = aspect.limit or (MAX_LISTED if aspect.window.explicit else RECENT_VALUES)
        if (aspect.window.baseline and aspect.window.day_from and read.resolution is not None
                and _CHANGE_ASKED.search(aspect.clause or "")):
            # "weight gain since starting seroquel": the course starts from the last value before the event
            start = int_day(aspect.window.day_from)  # the year before the event at most: a baseline, not history
            before = await reader.concept_facts(read.resolution, replace(
                read.aspect.base_filter(None, windowed=False), day_from=day_int(start - timedelta(days=365)),
                day_to=day_int(start - timedelta(days=1))))
            dated = [c for c in before if c.effective_day]
            if dated:
                read = replace(read, chunks=[max(dated, key=lambda c: (c.effective_day or 0, c.id)), *read.chunks])
        part = read.evidence(read.chunks[-shown:][::-1])  # newest first: the evidence that matters most leads
        part.omitted = read.chunks[:-shown] if not aspect.limit else []
        return part

    def claims(self, part: AspectEvidence) -> list[Claim]:
        chunks, names = sorted(part.chunks, key=lambda c: (c.effective_day or 0, c.id)), part.concepts
        claims = [Claim(text=fact_sentence(c), citations=[c.id]) for c in chunks]
        numeric = [(c, *value_of(c, names)) for c in chunks]
        numeric = [(c, n, shown) for c, n, shown in numeric if n is not None and shown]
        if len(numeric) >= 2:
            (first, _, start), (last, _, end) = numeric[0], numeric[-1]
            low, high = lowest(numeric), highest(numeric)
            name = measured_name(first, names)
            text = (f"Trend: {name} went from {start} on {first.effective_date} to {end} on {last.effective_date}"
                    f" (lowest {low[2]} on {low[0].effective_date}, highest {high[2]} on {high[0].effective_date}).")
            cited: list[Chunk] = list(dict.fromkeys([first, last, low[0], high[0]]))
            claims.append(Claim(text=text, citations=[c.id for c in cited]))
        elif len(chunks) >= 2:
            claims.append(Claim(text=f"Values from {chunks[0].effective_date} to {chunks[-1].effective_date}, "
                                     "oldest first above.", citations=[chunks[0].id, chunks[-1].id]))
        if part.omitted:  # a cap is said, never silent
            older = part.omitted
            span = (f"on {older[0].effective_date}" if older[0].effective_date == older[-1].effective_date
                    else f"from {older[0].effective_date} to {older[-1].effective_date}")
            claims.append(Claim(  # counts are said in words: the validator checks every digit against the citations
                text=f"Only the most recent values are listed above; older values recorded {span} are not (ask for "
                     "that period to see them).", citations=[older[0].id, older[-1].id]))
        return claims


TREND = TrendKind()

"""Encounters: admissions, discharges, length of stay, ICU and emergency stays, visits.

The care setting comes from the Encounter's class (v3 ActCode: IMP/ACUTE inpatient, EMER, AMB …) and,
for intensive care, its class, type, location or service (``documents.encounter_setting``), kept on
the typed fact; what is asked of them (latest, first, count, length of stay, discharge, yes/no, list)
comes from cues shared with the other kinds.
"""

from __future__ import annotations

import re

from rag_core.facts import day_text, to_date
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader, Cue, Kind, best_cue
from rag_core.kinds.common import MAX_LISTED, count_claim, window_phrase, withheld
from rag_core.kinds.topics import DISCHARGE_SHORTHAND
from rag_core.models import Chunk, Claim, Derived, SearchFilter

SETTING_CUES: dict[str, tuple[Cue, ...]] = {
    "icu": (Cue(r"\bicu\b|\bintensive care\b|\bcritical care\b|\bccu\b|\bmicu\b|\bsicu\b|\bcvicu\b"),),
    "emergency": (Cue(r"\bemergency\b|\ber\b|\bed\b|\bed visits?\b|\ba&e\b|\bcasualty\b"),),
    "inpatient": (Cue(r"\badmi(?:ssions?|tted|t)\b|\bhospitali[sz](?:ed|ations?)\b|\bhospital\b|\binpatient\b"
                      r"|\bstays?\b|\bdischarg\w*|\blength of stay\b|\blos\b"),),
    "ambulatory": (Cue(r"\boffice\b|\bclinic\b|\boutpatient\b|\bwell(?:ness)? visits?\b|\bcheck-?ups?\b|\bambulatory\b"),),
    "virtual": (Cue(r"\bvideo\b|\btele(?:health|medicine|visits?|med)\b|\bvirtual\b|\bphone (?:visits?|calls?)\b"),),
}
OPS: dict[str, tuple[Cue, ...]] = {
    # how a stay began: the encounter's admission source ("came through the ER", "admitted via referral")
    "source": (Cue(r"\b(?:came|come|comes|coming|arrived?|admitted|brought)\s+(?:in\s+)?(?:through|thru|via|from|by)\b"
                   r"|\bhow did (?:he|she|they|pt|the patient) (?:come|get|arrive)\b"
                   r"|\badmi(?:t|ssion|tting)\s+source\b|\bhow\s+(?:did|was)\b.*\b(?:start|begin|began|admitted|arrive)"
                   r"|\breferr(?:al|ed)\b|\btransferr?(?:ed)?\b|\btransfers?\b"
                   r"|\badmi(?:t|ts|tted|ssion)\b[^?.;]*\b(?:thru|through|via)\b|\belective\b"),),
    # why: the encounter's reason (reasonCode), else the diagnoses recorded at it
    "reason": (Cue(r"\bwhy\b|\breasons?\b|\bwhat\s+for\b|\bfor\s+what\b|\bchief\s+complaint\b|\bcc\b"),),
    "los": (Cue(r"\bhow long\b|\blength of (?:the )?stay\b|\blos\b|\bhow many (?:days|nights)\b"),),
    "discharge": (Cue(r"\bdischarg\w*|" + DISCHARGE_SHORTHAND +
                      r"|\bdispo(?:sition)?s?\b|\bwhere did (?:he|she|they|pt|the patient) go\b"
                      r"|\bwhere (?:was|were) (?:he|she|they|pt|the patient) (?:sent|discharged)\b"),),
    "count": (Cue(r"\bhow many\b|\bnumber of\b|\bhow often\b|\bcount\b"),),
    "first": (Cue(r"\bfirst\b|\bearliest\b|\binitial\b"),),
    "latest": (Cue(r"\blast\b|\blatest\b|\bmost recent\b|\brecent\b|\bprevious\b|\bprior\b"),),
    "ever": (Cue(r"\bever\b|\bany\b|^\s*(?:has|have|had|was|were|is|did)\b"),),
    "list": (Cue(r"\bwhich\b|\blist\b|\ball\b|\bvisits\b|\bencounters\b|\badmissions\b|\bstays\b"),),
}
OP_ORDER = ("source", "reason", "los", "discharge", "count", "first", "latest", "ever", "list")
SETTING_WORDS = {"icu": "ICU stay", "emergency": "emergency visit", "inpatient": "inpatient admission",
                 "ambulatory": "outpatient visit", "virtual": "virtual visit", None: "encounter"}


def setting_of(text: str) -> str | None:
    for setting in ("icu", "emergency", "inpatient", "virtual", "ambulatory"):
        if best_cue(SETTING_CUES[setting], text)[0]:
            return setting
    return None


def op_of(text: str) -> str | None:
    for op in OP_ORDER:
        if best_cue(OPS[op], text)[0]:
            return op
    return None


def _matches(chunk: Chunk, setting: str | None) -> bool:
    fact_setting = chunk.fact.setting if chunk.fact else chunk.category
    if setting is None:
        return True
    if setting == "inpatient":
        return fact_setting in ("inpatient", "icu")
    return fact_setting == setting


async def encounters(reader: ChartReader, aspect: Aspect, setting: str | None) -> list[Chunk]:
    flt = SearchFilter(resource_types=frozenset({"Encounter"}), day_from=aspect.window.day_from,
                       day_to=aspect.window.day_to)
    found = [c for c in await reader.facts(flt) if c.resource_type == "Encounter" and _matches(c, setting)]
    if setting == "inpatient":  # an ICU stay inside an admission is part of it, not another admission
        ids = {c.resource_id for c in found}
        found = [c for c in found if not (c.fact and c.fact.setting == "icu" and c.fact.part_of in ids)]
    return found


async def target_encounter(reader: ChartReader, aspect: Aspect) -> Chunk | None:
    """The stay a question is scoped to ("during the last admission", "the ER visit with the kidney stone"): the
    one named by its reason when the question names one, else the newest or oldest of its setting."""
    # a setting named ("admission", "ER") is that setting; "at her last visit" is any encounter
    found = await encounters(reader, aspect, aspect.setting or ("inpatient" if aspect.topic is None
                                                                  or aspect.topic.name != "lab" else None))
    if aspect.focus and names_medical(aspect.focus):
        found = stays_named(found, aspect.focus) or found
    if not found:
        return None
    return found[0] if aspect.encounter_scope == "first" else found[-1]


def stay_days(chunk: Chunk) -> tuple[str, str, int] | None:
    fact = chunk.fact
    if fact is None:
        return None
    start, end = day_text(fact.period_start), day_text(fact.period_end)
    d1, d2 = to_date(start), to_date(end)
    if not start or not end or d1 is None or d2 is None:
        return None
    return start, end, (d2 - d1).days


class EncounterKind(Kind):
    name = "encounter"
    cues = ()
    topics = frozenset({"encounter"})

    async def gather(self, reader: ChartReader, aspect: Aspect, k: int) -> AspectEvidence:
        if not reader.granted(frozenset({"Encounter"})):
            return withheld(aspect)
        op = aspect.attribute or "list"
        # "did she come through the ER": the ER is where the admission came from, the stay is the admission
        setting = ("icu" if aspect.setting == "icu" else "inpatient") if op == "source" else aspect.setting
        found = await encounters(reader, aspect, setting)
        if aspect.focus and op in ("source", "reason", "los", "discharge", "latest", "first") and names_medical(aspect.focus):
            # "the PE admission", "for the hip fracture": that stay only; else the stay where it was done or found
            found = stays_named(found, aspect.focus) or await _stays_of_records(reader, found, aspect.focus)
            if not found:
                return AspectEvidence(aspect, [], not_found=f"No {SETTING_WORDS[setting]} recorded with a reason "
                                                            f"matching \u201c{aspect.focus}\u201d.")
        what = SETTING_WORDS[setting]
        if not found:
            return AspectEvidence(aspect, [], not_found=f"No {what} recorded {window_phrase(aspect)}.")
        if op in ("latest", "first", "los", "discharge", "reason", "source"):
            picked = found[:1] if op == "first" or aspect.encounter_scope == "first" else found[-1:]
        else:
            picked = found[-MAX_LISTED:]
        part = AspectEvidence(aspect, picked, [], 1.0)
        if op == "reason" and picked:
            # the reason coded on the encounter, and the diagnoses recorded at it (the complaint, then what it was)
            diagnosed = await reader.facts(SearchFilter(resource_types=frozenset({"Condition"}),
                                                        encounter_id=picked[0].resource_id))
            part.chunks = picked + diagnosed[:MAX_LISTED]
        return part

    def claims(self, part: AspectEvidence) -> list[Claim]:
        aspect = part.aspect
        op = aspect.attribute or "list"
        what = SETTING_WORDS[aspect.setting]
        if op in ("count", "ever", "list"):
            if op == "count" or (op == "ever" and len(part.chunks) > 1):
                claim = count_claim(part.chunks, what + "s", window_phrase(aspect))
                if op == "ever":
                    claim.text = "Yes — " + claim.text
                return [claim]
            lead = "Yes — " if op == "ever" else ""
            return [Claim(text=lead + c.text, citations=[c.id]) for c in part.chunks]
        stay = part.chunks[0]
        if op == "reason":
            return [_reason_claim(stay, part.chunks[1:], aspect)]
        if op == "source":
            return [_source_claim(stay, aspect)]
        days = stay_days(stay)
        if op == "los":
            if days is None:
                return [Claim(text=f"No discharge recorded for this stay: {stay.text}", citations=[stay.id])]
            start, end, n = days
            return [Claim(text=f"Length of stay: {n} days, from {start} to {end}. {stay.text}", citations=[stay.id],
                          computed=[Derived(kind="days", value=str(n), start=start, end=end)])]
        if op == "discharge":
            if days is None:
                return [Claim(text=f"No discharge date recorded: {stay.text}", citations=[stay.id])]
            start, end, n = days
            text = f"Discharged on {end} (admitted {start}, {n} days)."
            if stay.fact and stay.fact.discharge_disposition:
                text += f" Disposition: {stay.fact.discharge_disposition}."
            return [Claim(text=text, citations=[stay.id],
                          computed=[Derived(kind="days", value=str(n), start=start, end=end)])]
        lead = ("First " if op == "first" or aspect.encounter_scope == "first" else "Most recent ") + what
        if days is not None:
            start, end, n = days
            return [Claim(text=f"{lead}: {stay.text} Length of stay {n} days.", citations=[stay.id],
                          computed=[Derived(kind="days", value=str(n), start=start, end=end)])]
        return [Claim(text=f"{lead}: {stay.text}", citations=[stay.id])]


def names_medical(focus: str) -> bool:
    """Whether the words a stay is named by say something medical ("PE", "hip fracture"), not only "that one" — or
    may, misspelt ("the pnuemonia admission": a long word no table knows is read, never dropped)."""
    from rag_core.concepts import concept_words, is_medical_word

    return any(is_medical_word(w) or len(w) >= 7 for w in concept_words(focus))


# a stay's type that says only its setting ("Encounter Inpatient", "Hospital admission (procedure)")
_PLAIN_STAY = re.compile(r"(?i)(?:encounter\s+)?(?:inpatient|emergency|hospital|ambulatory|outpatient)?\s*"
                         r"(?:encounter|admission|visit|stay|room admission)?(?:\s+inpatient)?(?:\s*\([^)]*\))?")


def stays_named(found: list[Chunk], focus: str) -> list[Chunk]:
    """The stays whose recorded reason holds most of the words the question names them by ("pe" through its
    abbreviation senses, "hip fracture", "with the kidney stone"): at least one word of four letters or an
    abbreviation sense must be in the reason; the stays matching the most words win."""
    from rag_core.concepts import concept_words, edit_distance
    from rag_core.terminology.drugs import abbreviations

    wanted = [w.lower() for w in concept_words(focus) if len(w) >= 2]
    if not wanted:
        return []
    # a clipped word the abbreviation inventory knows ("psych", "neuro", "cardio") is the start of the word it
    # clips; any other word whole ("heart" is never "heartburn")
    clipped = {w for w in wanted if len(w) >= 4 and w in abbreviations()}

    def matched(chunk: Chunk) -> int:
        # the recorded reason, and the stay's own type, which may name it too ("Stroke unit admission",
        # "Involuntary psychiatric admission"; never a type that says only its setting): a stay both name wins
        reason = chunk.fact.reason if chunk.fact and chunk.fact.reason else ""
        kind = " ".join(n for n in chunk.concepts if not _PLAIN_STAY.fullmatch(n.strip()))
        by_reason = words_in(reason)
        return by_reason + words_in(kind) if by_reason or not reason else 0  # a coded reason that names none: not it

    def words_in(said: str) -> int:
        # punctuation is no word: "systolic (congestive) heart failure" holds "congestive heart failure"
        reason = " ".join(re.findall(r"[a-z0-9]+", said.lower()))
        if not reason:
            return 0
        words_of_reason = reason.split()
        hits = sum(1 for w in wanted if len(w) >= 4 and (re.search(
            rf"\b{re.escape(w)}" + ("" if w in clipped else r"\b"), reason) or (  # "psych": psychiatric
            len(w) >= 7 and any(edit_distance(w, r, 2 if len(w) >= 8 else 1) <= (2 if len(w) >= 8 else 1)
                                for r in words_of_reason if abs(len(r) - len(w)) <= 2))))  # "pnuemonia"
        hits += sum(1 for w in wanted if len(w) < 4 and any(
            re.search(rf"\b{re.escape(sense.lower())}\b", reason) for sense in abbreviations().get(w, ())))
        return hits

    scored = [(matched(c), c) for c in found]
    best = max((n for n, _ in scored), default=0)
    return [c for n, c in scored if n == best] if best else []


async def _stays_of_records(reader: ChartReader, found: list[Chunk], focus: str) -> list[Chunk]:
    """"admitted for the prostatectomy": the stays at which a procedure or a diagnosis named by the words was
    recorded (its encounter reference), when no stay's own reason names them."""
    from rag_core.concepts import concept_words, lexicon
    from rag_core.terminology.drugs import abbreviations

    asked = [w.lower() for w in concept_words(focus) if len(w) >= 2]
    by_id = {c.resource_id: c for c in found}
    if not asked or not by_id:
        return []

    def named(chunk: Chunk) -> bool:
        """Every asked word in the record's name: a word of four letters or more whole, a shorter one through one
        of its senses, each sense word whole ("dka" → diabetes ketoacidosis → "… diabetes mellitus with
        ketoacidosis"); "knee replacement" is not "hip replacement"."""
        name_words = set(re.findall(r"[a-z0-9]+", " ".join(chunk.concepts).lower()))

        def holds(word: str) -> bool:
            if len(word) >= 4:
                return word in name_words
            senses = (*lexicon().get(word, ()), *abbreviations().get(word, ()))  # the team's shorthand first: "tka"
            return any(set(re.findall(r"[a-z0-9]+", sense.lower())) <= name_words for sense in senses)

        return all(holds(w) for w in asked)

    records = await reader.facts(SearchFilter(resource_types=frozenset({"Procedure", "Condition"})))
    hits = {c.encounter_id for c in records if c.encounter_id in by_id and named(c)}
    return [c for c in found if c.resource_id in hits]


def _when(stay: Chunk) -> str:
    return f"{stay.fact.display if stay.fact else 'encounter'} of {stay.effective_date}" if stay.effective_date else "encounter"


def _reason_claim(stay: Chunk, diagnosed: list[Chunk], aspect: Aspect) -> Claim:
    lead = "First" if aspect.attribute == "first" or aspect.encounter_scope == "first" else "Most recent"
    what = SETTING_WORDS[aspect.setting]
    if stay.fact and stay.fact.reason:
        names = "; ".join(dict.fromkeys(c.concepts[0] for c in diagnosed if c.concepts))
        return Claim(text=f"{lead} {what} ({_when(stay)}): reason recorded — {stay.fact.reason}."
                          + (f" Diagnosed at it: {names}." if names else ""),
                     citations=[stay.id, *[c.id for c in diagnosed]])
    if diagnosed:
        names = "; ".join(dict.fromkeys(c.concepts[0] for c in diagnosed if c.concepts))
        return Claim(text=f"{lead} {what} ({_when(stay)}): no reason coded on the encounter; diagnosed at it: {names}.",
                     citations=[stay.id, *[c.id for c in diagnosed]])
    return Claim(text=f"{lead} {what} ({_when(stay)}): no reason and no diagnosis recorded for it. {stay.text}",
                 citations=[stay.id])


def _source_claim(stay: Chunk, aspect: Aspect) -> Claim:
    """"came through the ER?": the admission source as recorded, and the setting of the stay."""
    lead = ("The" if aspect.focus and names_medical(aspect.focus) else
            "First" if aspect.encounter_scope == "first" else "Most recent")
    setting = stay.fact.setting if stay.fact else None
    if stay.fact and stay.fact.admit_source:
        return Claim(text=f"{lead} stay ({_when(stay)}, {setting} setting): admitted from {stay.fact.admit_source}.",
                     citations=[stay.id])
    return Claim(text=f"{lead} stay ({_when(stay)}, {setting} setting): no admission source recorded. {stay.text}",
                 citations=[stay.id])


ENCOUNTER = EncounterKind()

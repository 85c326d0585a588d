"""Helpers the kinds share: reading a concept's facts, saying values as recorded, honest "not found"."""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar

from rag_core.concepts import Resolution, lexicon
from rag_core.index.base import sort_by_day
from rag_core.kinds.base import Aspect, AspectEvidence, ChartReader
from rag_core.kinds.timewords import int_day, iso
from rag_core.kinds.topics import BY_NAME, CONCEPT_TOPICS
from rag_core.models import Chunk, Claim, Derived, SearchFilter

MAX_LISTED = 60


def fact_sentence(chunk: Chunk) -> str:
    """The fact sentence without its trailing bookkeeping in parentheses; a medication recorded by brand alone
    with its ingredient (``said_name``)."""
    text = re.sub(r"\s*\((?:[^()]*status [^()]*)\)\s*$", "", chunk.text).strip()
    if chunk.resource_type in _DRUG_RECORDS and chunk.concepts and chunk.concepts[0] in text:
        said = said_name(chunk)
        if said != chunk.concepts[0]:
            text = text.replace(chunk.concepts[0], said, 1)
    return text


def value_of(chunk: Chunk, names: tuple[str, ...] | list[str] = ()) -> tuple[Decimal | None, str | None]:
    """(number, value with unit as recorded) of the asked measurement: the fact's own value, or the
    component the question named (systolic of a blood-pressure panel)."""
    fact = chunk.fact
    if fact is None:
        return None, None
    if fact.value is not None and (not names or fact.display in names or not fact.components):
        return fact.number, fact.shown_value
    for component in fact.components:
        if component.display in names and component.value is not None:
            shown = f"{component.value} {component.unit}".strip() if component.unit else component.value
            try:
                return Decimal(component.value), shown
            except ArithmeticError:
                return None, shown
    return fact.number, fact.shown_value


V = TypeVar("V", bound=tuple[Any, ...])


def lowest(values: list[V]) -> V:
    """Of (chunk, number, …) tuples, the smallest number; the newest of equal ones."""
    return min(values, key=lambda x: (x[1], -(x[0].effective_day or 0)))


def highest(values: list[V]) -> V:
    """Of (chunk, number, …) tuples, the largest number; the newest of equal ones."""
    return max(values, key=lambda x: (x[1], x[0].effective_day or 0))


def measured_name(chunk: Chunk, names: tuple[str, ...] | list[str] = ()) -> str:
    fact = chunk.fact
    if fact is not None:
        for component in fact.components:
            if component.display in names and fact.display not in names:
                return component.display
        return fact.display
    return chunk.concepts[0] if chunk.concepts else chunk.resource_type


# a brand's suffix that adds a drug ("Tylenol PM", "Mucinex DM", "Hyzaar HCT"): the brand's one ingredient is not all
_COMBINED = frozenset({"pm", "dm", "d", "hct", "hc", "plus", "duo", "comp", "co", "forte", "cold", "sinus", "flu"})
_DRUG_RECORDS = frozenset({"MedicationRequest", "MedicationStatement", "MedicationAdministration", "MedicationDispense"})


def said_name(chunk: Chunk, default: str = "it") -> str:
    """A record's name as recorded; a medication recorded by brand alone ("Vyvanse 30 mg", "Prograf") with the
    ingredient the drug terminology gives for it, so the clinician reads the generic too ("Prograf (tacrolimus)")."""
    name = chunk.concepts[0] if chunk.concepts else default
    if chunk.resource_type not in _DRUG_RECORDS or not chunk.concepts:
        return name
    from rag_core.terminology.drugs import drugs, words

    # only a display that opens with a one-word brand whose ingredients are all the display's ("Prograf", "Vyvanse
    # 30 mg", "Symbicort 80/4.5"): never a combination's part ("Zyrtec-D", "Tylenol PM") or a generic word's guess
    # ("Vitamin D")
    table = drugs()
    asked = words(name)
    first = table.names.get(tuple(asked[:1]), set())
    ingredients = table.ingredients(name)
    if (not ingredients or first != ingredients or all(set(words(i)) <= set(asked) for i in ingredients)
            or re.match(r"^[A-Za-z]+-[A-Za-z]\b", name) or _COMBINED.intersection(asked[1:2])):
        return name
    return f"{name} ({' / '.join(sorted(ingredients))})"


def group_by_concept(chunks: list[Chunk]) -> OrderedDict[str, list[Chunk]]:
    """Chunks grouped under their first concept name, each group oldest first."""
    groups: OrderedDict[str, list[Chunk]] = OrderedDict()
    for chunk in sort_by_day(chunks):
        name = chunk.concepts[0] if chunk.concepts else chunk.text[:60]
        groups.setdefault(name, []).append(chunk)
    return groups


def date_list(chunks: list[Chunk]) -> str:
    return ", ".join(sorted({c.effective_date for c in chunks if c.effective_date}))


def window_phrase(aspect: Aspect) -> str:
    w = aspect.window
    if w.label:
        return w.label
    return f"up to {iso(w.day_to)}" if w.day_to else ""


STALE_ORDER_DAYS = 365  # an order still "active" this long after it was written, with the chart going on


def stale_note(chunk: Chunk, anchor: int | None) -> str | None:
    """"ordered 2004-11-03, still marked active" for an active medication order written more than a year
    before the chart's latest record (``anchor``, YYYYMMDD): prescriptions are renewed at least yearly, so
    such an order is more likely never closed than current. Said, never hidden: the clinician decides."""
    if (chunk.resource_type != "MedicationRequest" or chunk.status != "active" or not chunk.effective_day
            or not anchor or not chunk.effective_date):
        return None
    if (int_day(anchor) - int_day(chunk.effective_day)).days <= STALE_ORDER_DAYS:
        return None
    return f"ordered {chunk.effective_date}, still marked active"


async def chart_anchor(reader: ChartReader, day_to: int | None) -> int | None:
    """The day of the chart's latest record up to ``day_to`` (what "stale" is measured against)."""
    newest = await reader.facts(SearchFilter(day_to=day_to), newest_first=True, limit=1)
    return newest[0].effective_day if newest else None


def list_claims(chunks: list[Chunk], verb: str, anchor: int | None = None) -> list[Claim]:
    claims = []
    for group in group_by_concept(chunks).values():
        name = said_name(group[0])
        dates = date_list(group)
        stale = stale_note(group[-1], anchor)
        verified, _ = verification_said(group[-1])
        said = f"recorded, and {verified}" if verified in RULED_OUT else verb + (
            f" (verification {verified})" if verified else "")  # a refuted diagnosis is never listed as diagnosed
        claims.append(Claim(text=f"{name} — {said}" + (f" on {dates}" if dates else "")
                                 + (f" ({stale})" if stale else "") + ".",
                            citations=[c.id for c in group]))
    return claims


def count_claim(chunks: list[Chunk], what: str, where: str) -> Claim:
    n = len({c.reference for c in chunks})
    if n == 1 and what.endswith("s"):
        what = what[:-1]  # "1 emergency visit"
    text = f"{n} {what} {where}".rstrip() + (f": {date_list(chunks)}." if date_list(chunks) else ".")
    return Claim(text=text, citations=[c.id for c in chunks], computed=[Derived(kind="count", value=str(n))])


@dataclass
class ConceptRead:
    """A concept aspect's read: its facts in the window (oldest first), the resolution, the aspect with
    the topic the concept resolved under — or ``early``, the answer when nothing can be read."""

    aspect: Aspect
    chunks: list[Chunk]
    resolution: Resolution | None = None
    early: AspectEvidence | None = None

    @property
    def names(self) -> list[str]:
        return list(self.resolution.names) if self.resolution else []

    def evidence(self, chunks: list[Chunk], confidence: float | None = None) -> AspectEvidence:
        score = self.resolution.score if self.resolution else 1.0
        return AspectEvidence(self.aspect, chunks, self.names, score if confidence is None else confidence,
                              how=self.resolution.how if self.resolution else None)


async def concept_evidence(reader: ChartReader, aspect: Aspect, windowed: bool = True) -> ConceptRead:
    """Resolve the aspect's concept against the patient's vocabulary and read its facts."""
    if aspect.topic is not None and not reader.granted(aspect.topic.resource_types):
        return ConceptRead(aspect, [], early=withheld(aspect))
    resolution = await reader.resolve(aspect)
    if resolution is None:
        hidden = _withheld_types(reader, aspect)
        if hidden:  # it may be recorded where this session cannot look: say so, without looking
            return ConceptRead(aspect, [], early=AspectEvidence(aspect, [], withheld=True, not_found=(
                f"Withheld: nothing this session may read matches \u201c{aspect.concept}\u201d, and its scopes do "
                f"not allow reading {', '.join(hidden)}.")))
        return ConceptRead(aspect, [], early=AspectEvidence(
            aspect, [], not_found=f"Nothing recorded matches \u201c{aspect.concept}\u201d."))
    if (aspect.topic is not None and aspect.topic.name == "medication" and resolution.topic == "condition"
            and not any(_MEDICATION_WORD.search(n) for n in resolution.names)):  # not "Medication review due"
        return await _ordered_for(reader, aspect, resolution, windowed)  # "what does she take for migraines"
    if aspect.topic is not None and aspect.topic.name == "careplan" and resolution.topic != "careplan":
        return ConceptRead(aspect, [], early=AspectEvidence(  # "bp targets": a goal, never the latest reading
            aspect, [], not_found=f"No care plan or goal recorded matches \u201c{aspect.concept}\u201d."))
    aspect = replace(aspect, topic=BY_NAME.get(resolution.topic, aspect.topic))
    if not resolution.names:  # a terminology read the words, and nothing recorded is what they name
        return ConceptRead(aspect, [], resolution, AspectEvidence(
            aspect, [], [], 0.0, how=resolution.how,
            not_found=f"Not recorded \u2014 none of this chart's {_records_of(aspect)} is "
                      f"{resolution.label or aspect.concept} (what \u201c{aspect.concept}\u201d was read as)."))
    chunks = await reader.concept_facts(resolution, aspect.base_filter(None, windowed))
    name = resolution.names[0]
    if not chunks and aspect.window.explicit and windowed:
        until = reader.asked_day if aspect.window.day_to is None else max(aspect.window.day_to, reader.asked_day)
        everything = await reader.concept_facts(resolution, replace(aspect.base_filter(None, windowed=False),
                                                                    day_to=until))
        outside = [c for c in everything if not aspect.window.contains(c.effective_day)]
        nearest = _nearest_outside(outside, aspect)
        message = f"No {name} recorded {window_phrase(aspect)}."
        if nearest:
            message += f" The closest outside that period: {fact_sentence(nearest[0])}"
            latest = max((c for c in outside if c.effective_day), key=lambda c: (c.effective_day or 0, c.id))
            if latest not in nearest:
                nearest.append(latest)
                message += f" The latest: {fact_sentence(latest)}"
        early = AspectEvidence(aspect, [], list(resolution.names), 0.0, not_found=message, nearest=nearest,
                               how=resolution.how)
        return ConceptRead(aspect, [], resolution, early)
    if not chunks:
        early = AspectEvidence(aspect, [], list(resolution.names), 0.0, how=resolution.how,
                               not_found=f"No {name} recorded {window_phrase(aspect)}.")
        return ConceptRead(aspect, [], resolution, early)
    return ConceptRead(aspect, chunks, resolution)


_PLURALS = {"family": "family history records", "careplan": "care plans", "allergy": "allergies",
            "lab": "results", "encounter": "encounters"}


def _records_of(aspect: Aspect) -> str:
    name = aspect.topic.name if aspect.topic else "record"
    return _PLURALS.get(name, name + "s")


SAME_VISIT = "same visit"  # orders linked to a condition only by the visit it was diagnosed at
_MEDICATION_WORD = re.compile(r"\bmedications?\b|\bmeds?\b|\bdrugs?\b|\bprescri", re.I)


async def _ordered_for(reader: ChartReader, aspect: Aspect, condition: Resolution, windowed: bool) -> ConceptRead:
    """A medication question naming a condition ("osteoporosis meds", "what's he on for his MS"): the orders
    whose recorded reason is that condition — from the order's reasonCode, never guessed from the drug."""
    assert aspect.topic is not None
    orders = await reader.facts(aspect.base_filter(None, windowed))
    wanted = {n.lower() for n in condition.names}
    found = [c for c in orders if c.fact is not None and c.fact.reason
             and {r.strip().lower() for r in c.fact.reason.split(";")} & wanted]  # one of its recorded reasons
    how = "indication"
    if not found and aspect.kind.words_visit_links:  # no order says why: those of the visits it was diagnosed at
        diagnosed = await reader.concept_facts(condition, SearchFilter(resource_types=BY_NAME["condition"].resource_types,
                                                                      day_to=reader.asked_day))
        visits = {c.encounter_id for c in diagnosed if c.encounter_id}
        first: dict[str, int] = {}  # drug → the day it was ordered at such a visit with no reason of its own
        for c in orders:
            if c.encounter_id in visits and c.concepts and not (c.fact and c.fact.reason):
                first[c.concepts[0]] = min(first.get(c.concepts[0], c.effective_day or 0), c.effective_day or 0)
        # that order and its later renewals — never a renewal whose recorded reason is another condition
        found = [c for c in orders if c.concepts and c.concepts[0] in first and (c.effective_day or 0) >= first[
            c.concepts[0]] and not (c.fact and c.fact.reason)]
        how = SAME_VISIT
    names = tuple(sorted({c.concepts[0] for c in found if c.concepts}))
    resolution = Resolution(names, "medication", condition.score, how, condition.phrase,
                            f"ordered for {', '.join(sorted(condition.names))}")
    if not found:
        return ConceptRead(aspect, [], resolution, AspectEvidence(
            aspect, [], [], 0.0, how="indication", not_found=(
                f"Not recorded \u2014 no medication order in this chart records {', '.join(sorted(condition.names))} "
                "as its reason.")))
    return ConceptRead(aspect, sort_by_day(found), resolution)


def _withheld_types(reader: ChartReader, aspect: Aspect) -> list[str]:
    """The types where the aspect's concept could be recorded that the session's scopes do not grant."""
    wanted = aspect.topic.resource_types if aspect.topic is not None else frozenset(
        t for topic in CONCEPT_TOPICS for t in topic.resource_types)
    granted = reader.granted(wanted) or frozenset()
    return sorted(wanted - granted)


def _nearest_outside(chunks: list[Chunk], aspect: Aspect) -> list[Chunk]:
    dated = [c for c in chunks if c.effective_day]
    if not dated:
        return []
    w = aspect.window
    before = [c for c in dated if w.day_from is not None and (c.effective_day or 0) < w.day_from]
    after = [c for c in dated if w.day_to is not None and (c.effective_day or 0) > w.day_to]
    picks = ([max(before, key=lambda c: (c.effective_day or 0, c.id))] if before else []) + (
        [min(after, key=lambda c: (c.effective_day or 0, c.id))] if after else [])
    return picks[:2]


def withheld(aspect: Aspect) -> AspectEvidence:
    types = ", ".join(sorted(aspect.resource_types or ()))
    return AspectEvidence(aspect, [], not_found=f"Withheld: this session's scopes do not allow reading {types}.",
                          withheld=True)


def newest_day(chunks: list[Chunk]) -> list[Chunk]:
    """The chunks of the most recent day (a panel's results share it)."""
    dated = [c for c in chunks if c.effective_day]
    if not dated:
        return chunks[-1:]
    day = max(c.effective_day or 0 for c in dated)
    return [c for c in dated if c.effective_day == day]


def oldest_day(chunks: list[Chunk]) -> list[Chunk]:
    dated = [c for c in chunks if c.effective_day]
    if not dated:
        return chunks[:1]
    day = min(c.effective_day or 0 for c in dated)
    return [c for c in dated if c.effective_day == day]


_SOFT = {"disorder", "finding", "procedure", "situation", "disease", "result", "level", "score"}


def mentions(chunk: Chunk, words: list[str]) -> bool:
    """Whether the chunk names what the question named: every distinguishing content word (or a lexicon
    expansion of it), as a word or a word start of 4+ letters; words that form a lexicon phrase ("code
    status") are one unit, named by the phrase or by one of its expansions ("DNR/DNI", "full code")."""
    text = chunk.text.lower()
    wanted = [w for w in words if w.lower() not in _SOFT] or words
    return all(mentioned(unit, text) for unit in phrase_units(wanted))


def phrase_units(words: list[str]) -> list[str]:
    """The words, with adjacent ones that make a lexicon phrase (two or three words) joined into one."""
    known = lexicon()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2):
            phrase = " ".join(w.lower() for w in words[i: i + n])
            if i + n <= len(words) and phrase in known:
                out.append(phrase)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


# a code written with letters and digits run together ("b5701", "t315i", "v617f"): a note may punctuate it
_CODE_LIKE = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{4,}")


def _squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text)


def mentioned(word: str, text: str) -> bool:
    """Whether lower-cased ``text`` names ``word`` (or a lexicon expansion of it): short words whole, with
    their inflections when they are plain words of 4+ letters ("work" → "works", "drive" → "driving", never
    "live" → "liver"); longer ones as a word start (less their last two letters, three from ten letters)."""
    for option in (word.lower(), *lexicon().get(word.lower(), ())):
        if _CODE_LIKE.fullmatch(option) and option in _squashed(text):  # "b5701" is the note's "HLA-B*5701"
            return True
        if len(option) < 6:  # short words and abbreviations: the whole word ("K" is not "kg"); letters of 4+ may run
            # into a type number ("brca" is "BRCA1/2")
            numbered = r"(?:\d+[a-z]?)?" if len(option) >= 4 and option.isalpha() else ""  # ("icd" is no ICD10)
            if re.search(rf"\b{_inflected(option)}{numbered}\b", text):
                return True
        elif re.search(rf"\b{re.escape(_stem_of(option))}", text) or (
                option in _SUFFIX_WORDS and re.search(rf"[a-z]{{3}}{option[:-1]}", text)):  # "ostomy": the ileostomy
            return True
    return False


# word-building endings used as words ("ostomy reversal", "the ectomy"): named by any word ending so
_SUFFIX_WORDS = frozenset({"ostomy", "ectomy", "otomy", "plasty", "scopy"})


def _stem_of(option: str) -> str:
    """What a long word or phrase is found by: less its last word's ending — two letters, three from twelve letters
    ("polysomnography" → polysomnogram) — and a phrase only when that last word has six letters or more
    ("hemoglobin a1c" whole, never "hemoglobin")."""
    head, _, last = option.rpartition(" ")
    if len(last) < 6:
        return option if head else option[: max(5, len(option) - 2)]
    cut = last[: max(5, len(last) - (3 if len(last) >= 12 else 2))]
    return f"{head} {cut}" if head else cut


def mentioned_loosely(word: str, text: str) -> bool:
    """``mentioned``, or the word as the start of a longer one ("endo" → endocrinology, "psych" → psychiatry), or
    an abbreviation named by one of its three most frequent senses ("hcp" → health care proxy)."""
    from rag_core.terminology.drugs import abbreviations

    if mentioned(word, text):
        return True
    low = word.lower()
    senses = abbreviations().get(low, ())
    # a word's start: five letters or more, or an abbreviation the inventories know ("endo", "psych"); never
    # "test" → testosterone or "head" → headache
    if low.isalpha() and (len(low) >= 5 or (len(low) == 4 and senses)) and re.search(rf"\b{re.escape(low)}", text):
        return True
    # senses only of an abbreviation of three letters or more the team lexicon does not define ("tsh" is
    # thyrotropin, never "thoughts of self-harm"), and only senses that are phrases or long words ("ms" is "miss")
    return 3 <= len(low) <= 5 and low not in lexicon() and any(
        mentioned(sense, text) for sense in senses[:3] if " " in sense or len(sense) >= 8)


# words that name a person: what a question asks of someone else is never answered with the patient's own record
_PERSON_WORDS = frozenset({
    "wife", "husband", "spouse", "partner", "boyfriend", "girlfriend", "fiance", "fiancee", "son", "sons", "daughter",
    "daughters", "child", "children", "kid", "kids", "mother", "mom", "father", "dad", "parent", "parents", "brother",
    "sister", "sibling", "siblings", "grandmother", "grandfather", "grandson", "granddaughter", "aunt", "uncle",
    "cousin", "friend", "roommate", "neighbor", "caregiver", "guardian", "baby", "infant", "family"})
# one word left of a question must be this rare among the chunks read to answer it alone
_DISTINCT = 3


def best_mentions(chunks: list[Chunk], words: list[str], limit: int = 3,
                  chart: list[Chunk] | None = None) -> list[Chunk]:
    """Note chunks that name most of what the question named when none names all of it: every unit read loosely
    (``mentioned_loosely``); a question of one or two units needs them all, of three or more three in five. The
    units a chunk names are weighed by how rare they are among these chunks (a word every note holds says little);
    the best first. ``chart``: every chunk read, where a word the question used is looked for before it is left
    out as the question's own wording."""
    from rag_core.concepts import is_medical_word

    wanted = [w for w in words if w.lower() not in _SOFT] or words
    units = phrase_units(wanted)
    if not units or not chunks:
        return []
    texts = [c.text.lower() for c in chunks]
    named = [{u for u in units if mentioned_loosely(u, t)} for t in texts]
    said = set().union(*named)
    if chart:
        rest = [c.text.lower() for c in chart]
        said |= {u for u in units if u not in said and any(mentioned_loosely(u, t) for t in rest)}
    # a plain word no chunk says is how the question put it, not what it asks ("could his son donate": the note
    # says "living donor: son …"); a medical word no chunk says is what the chart does not hold, and stays — as does
    # a word naming a person ("does his wife smoke" is never the patient's smoking)
    kept = [u for u in units if u in said or " " in u or is_medical_word(u) or u.lower() in _PERSON_WORDS]
    if not kept:
        return []
    if len(kept) < len(units) and len(kept) == 1 and sum(kept[0] in n for n in named) > _DISTINCT:
        return []  # "is she in foster care" is not every note that says "care": one word left must be a rare one
    units = kept
    weight = {u: math.log((len(chunks) + 1) / (sum(u in n for n in named) + 0.5)) for u in units}
    needed = len(units) if len(units) <= 2 else math.ceil(len(units) * 3 / 5)
    scored = [(sum(weight[u] for u in n), i) for i, n in enumerate(named) if len(n) >= needed]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [chunks[i] for _, i in scored[:limit]]


RULED_OUT = ("refuted", "entered-in-error")


# whether a drug may be given: an allergy question first ("can she take an ace inhibitor", "ok w cephalosporins"),
# and an allergy found is never answered "Yes" (which would read as "yes, she can")
TOLERATES = re.compile(r"\b(?:can|could|may|should)\s+(?:she|he|they|pt|the\s+patient|we|i|you)\s+(?:safely\s+)?"
                       r"(?:take|have|get|use|be\s+given|receive|tolerate|start|give|prescribe|administer)\b"
                       r"|\b(?:ok|okay|safe|fine)\s+(?:w/?|with|to\s+(?:give|take|use|start|have|prescribe))(?=\s|$)", re.I)


def as_tolerability(part: AspectEvidence, claims: list[Claim]) -> list[Claim]:
    """"can she take X", "ok to give X": never a "Yes" (it would read "yes, she can") — a claim citing an allergy
    is a caution, any other says what is recorded, as recorded."""
    if not TOLERATES.search(part.aspect.clause):
        return claims
    allergies = {c.id for c in part.chunks if c.resource_type == "AllergyIntolerance"}
    out = []
    for claim in claims:
        caution = bool(allergies & set(claim.citations))
        text = re.sub(r"^Yes \u2014 ", "", claim.text)
        if caution and not text.startswith("Caution"):
            text = f"Caution \u2014 {text}"
        out.append(claim.model_copy(update={"text": text}))
    return out


def verification_said(chunk: Chunk) -> tuple[str | None, str]:
    """A record's verification when it is not plainly confirmed, and how an answer leads with it: "refuted" or
    "entered-in-error" is "Recorded, and refuted" (never "Yes"); "unconfirmed", "provisional" … are said beside it."""
    verified = chunk.fact.verification if chunk.fact is not None else None
    if verified in RULED_OUT:
        return verified, f"Recorded, and {verified}"
    return (verified if verified and verified not in ("confirmed", "active") else None), "Yes"


def names_a_record(topic: str, phrase: str) -> bool:
    """Whether the words name what a record of ``topic`` would hold — a drug or drug class (a medication or
    allergy question), a diagnosis group or any word of a diagnosis title (a condition question) — so that only a
    record answers it, never a note's mention. Immunizations are always records."""
    from rag_core.terminology.conditions import conditions, keywords
    from rag_core.terminology.drugs import abbreviations, drugs, words

    if topic == "immunization":
        return True
    table = drugs()
    if table.names_a_drug(phrase, typos=True) or any((w,) in table.names for w in words(phrase)):
        return True  # (a drug written out with its strength and form: "NITROFURANTOIN, MACROCRYSTALS 50 MG …")
    if topic != "condition":
        return False
    icd = conditions()  # a group ("heart problems") or a diagnosis an ICD-10-CM title names ("lupus", "gout")
    # every word one ICD-10-CM titles use, or shorthand the lexicons know ("504 school" is no diagnosis's name;
    # "lupus", "gout", "copd" are)
    def known(word: str) -> bool:
        stems = keywords(word)
        return (bool(stems) and all(k in icd.idf for k in stems)) or word in lexicon() or word in abbreviations()

    asked = [w for w in re.findall(r"[a-z0-9]+", phrase.lower()) if len(w) >= 2]
    return icd.resolve_group(phrase) is not None or (bool(asked) and all(known(w) for w in asked))


def notes_naming(notes: list[Chunk], words: list[str], limit: int = 3, loose: bool = True,
                 chart: list[Chunk] | None = None) -> list[Chunk]:
    """The note chunks that name every word asked, else (``loose``) those that name most of them."""
    named = [c for c in notes if c.kind == "note" and mentions(c, words)][:limit]
    return named or (best_mentions([c for c in notes if c.kind == "note"], words, limit, chart) if loose else [])


def _inflected(word: str) -> str:
    if len(word) < 4 or not word.isalpha():
        return re.escape(word)
    if word.endswith("e"):
        return rf"{re.escape(word[:-1])}(?:e|es|ed|ing)"
    return rf"{re.escape(word)}(?:s|es|ed|ing)?"


def lab_results(chunks: list[Chunk], clause: str) -> list[Chunk]:
    """Results and vital signs (not survey scores); vital signs only when the question says vitals."""
    wanted = ("vital-signs",) if re.search(r"\bvitals?\b", clause, re.I) else ("laboratory", "vital-signs")
    return [c for c in chunks if c.category in wanted] or chunks

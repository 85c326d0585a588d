"""Question → QueryPlan: for each part of the question, a topic, a kind, a concept and a window.

Nothing here is an ordered chain: the time expressions (``timewords``), the topics and the kinds
(``topics``, ``registry``) are tables of scored cues; the planner scores them all and takes the best.
What remains of a part once its time words, its cue words and English function words are removed is
the concept, resolved later against the patient's own vocabulary (``rag_core.concepts``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from rag_core.concepts import concept_words, cue_words, function_words, lexicon, several_senses
from rag_core.kinds.base import Aspect, QueryPlan, Topic, best_cue
from rag_core.kinds.common import TOLERATES
from rag_core.kinds.demographics import ATTRIBUTES, attribute_of
from rag_core.kinds.encounters import OPS, SETTING_CUES, op_of, setting_of
from rag_core.kinds.ever import EVER
from rag_core.kinds.extreme import MAX_CUES, MIN_CUES
from rag_core.kinds.listing import LIST
from rag_core.kinds.notes import NOTE_ASKS, NOTES, section_of
from rag_core.kinds.orders import order_question
from rag_core.kinds.registry import ALL, choose
from rag_core.kinds.timewords import CARRY_OVER, NUMBER_WORDS, Window, read_time
from rag_core.kinds.topics import (
    ALLERGY,
    CONCEPT_TOPICS,
    DEMOGRAPHICS,
    DEVICE,
    ENCOUNTER,
    IMMUNIZATION,
    LAB,
    MEDICATION,
    NOTE,
    TOPICS,
)
from rag_core.kinds.trend import TREND

MIN_TOPIC = 0.5
STRONG_TOPIC = 0.8  # a topic named outright ("diagnoses", "medications"), not merely hinted ("has he had")
_SPLIT = re.compile(
    r"(?:\?\s+|;\s*|\s+[-\u2013\u2014]\s+(?=(?:which|whats|what|when|why|where|who|how|has|have|did|was|were|is|are|any|ever|"
    r"still)\b)|,?\s+(?:and|also|plus|as well as|along with|together with)\s+"
    r"(?=(?:which|whats|what|when|why|where|who|how|has|have|did|were|was|list|any|is|are|still|ever|"
    r"does|do|show|give|current|all|any|his|her|their|meds?|medications?|labs?|vitals?|diagnos\w*|allerg\w*|vaccin\w*|"
    r"immuni\w*|procedures?|problems?|conditions?)\b))",
    re.I,
)
_LIMIT = re.compile(r"\b(?:last|past|previous|recent|first|latest)\s+(?P<n>\d{1,2}|" + "|".join(
    w for w in NUMBER_WORDS if w not in ("a", "an")) + r")\b(?!\s*(?:days?|weeks?|months?|years?|d|w|y|mo)\b)", re.I)
# "fistula which arm", "knee replacement which side": the side asked is the record's detail, not its name
_NEVER_CONCEPT = re.compile(r"\b(?:for )?how long\b|\bhow many (?:years|months|weeks|days)\b"
                            r"|\b(?:so|thus) far\b|\bto date\b|\b(?:up )?(?:un)?til now\b"  # "how many … so far": to today
                            r"|\b(?:which|what)\s+side\b|\bwhich\s+(?:arm|leg|hand|foot|eye|ear|knee|hip|breast|kidney|lung)"
                            r"(?=\s*(?:$|[?,.;]|-|\bwhen\b|\band\b))", re.I)
_SEPARATORS = re.compile(r"\s*(?:,|&|;|\band\b|\bplus\b|\bor\b)\s*|(?<=\w\w)\s+/\s+(?=\w\w)", re.I)  # ("smoking hx /
# pack yrs"; never "n / v")


def _names_a_measurement(text: str) -> bool:
    """A topic word that is also a concept ("blood pressure", "weight") names what is measured."""
    return any(cue.keep and cue.compiled().search(text) for topic in TOPICS for cue in topic.cues)


def _names_drugs(concept: str, typos: bool = False) -> bool:
    """Whether the words name a drug or a drug class outright ("abx", "Eliquis", "beta blockers") per the
    terminology — not a use word ("asthma", "pain"), which names the reason for a stay, not a drug. ``typos``: a
    drug name one typing slip off too ("apixiban")."""
    from rag_core.terminology.drugs import drugs

    return drugs().names_a_drug(concept, typos=typos)


# units and routes written with a slash ("200 mg/dl", "iv/po"): never two concepts
_UNITS = frozenset({"mg", "dl", "ml", "l", "g", "kg", "min", "hr", "h", "mmol", "mcg", "ug", "ng", "iu", "meq", "mm", "cm",
                    "iv", "po", "im", "sc", "sq", "pr", "sl", "day", "wk", "week"})


def _slashed_pairs(text: str) -> str:
    """"hx of pe/dvt", "er/pr": two shorthand terms written with a slash are two concepts ("pe and dvt"), when each
    side is a term of the team lexicon, neither is a unit or route, and the pair is not itself a term ("n/v")."""
    from rag_core.terminology.drugs import abbreviations

    def split(m: re.Match[str]) -> str:
        left, right = m.group(1).lower(), m.group(2).lower()
        if (f"{left}/{right}" in lexicon() or f"{left}/{right}" in abbreviations() or left in _UNITS
                or right in _UNITS or not (left in lexicon() and right in lexicon())):
            return m.group(0)  # "mg/dl", "iv/po", "n/v": one thing (a unit, a route, a term)
        return f"{m.group(1)} and {m.group(2)}"

    return re.sub(r"(?<![\d.])(?<![\d.]\s)\b([a-z]{2,})/([a-z]{2,})\b", split, text, flags=re.I)


def _names_a_class(concept: str) -> bool:
    """Whether the words name a drug class by a lay word, an abbreviation or a member stem ("abx", "statins",
    "blood thinners"), not by a class's own name, which may be a measurement's too ("Vitamin D")."""
    from rag_core.terminology.drugs import drugs

    query = drugs().resolve_class(concept, medication_asked=False)
    if query is not None and query.how == "abbreviation" and several_senses(concept.split()):
        return False  # "how was the af picked up": atrial fibrillation or an antifungal: the chart decides
    # a vitamin is measured as often as it is taken ("b12?"): the chart decides, not the planner
    return query is not None and query.how in ("lay", "abbreviation", "stem") and "vitamin" not in query.label.lower()


_VITAL_WORDS = frozenset({"bp", "o2", "sat", "sats", "spo2", "pulse", "hr", "temp", "temperature", "weight", "bmi", "rr"})


@cache
def _measurement_words() -> frozenset[str]:
    """The lexicon's analyte and vital-sign rows (shorthand and expansions), and vital-sign shorthand."""
    from rag_core.concepts import _lexicon_rows

    rows = [(term, expansions) for term, expansions, kind in _lexicon_rows() if kind in ("analyte", "vital")]
    return frozenset({term for term, _ in rows} | {e for _, expansions in rows for e in expansions} | _VITAL_WORDS)


def _measured(focus: str) -> list[str]:
    """The words of a stay's description that name a measurement ("bp", "sodium", "wbc")."""
    return [w.lower() for w in concept_words(focus) if w.lower() in _measurement_words()]


def split_parts(question: str) -> list[str]:
    return [p.strip(" ,") for p in _SPLIT.split(question.strip()) if p and p.strip(" ,?")]


def _strip_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out cue spans, widened to whole words ("allerg" → "allergic")."""
    chars = list(text)
    for start, end in spans:
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _topic_scores(text: str) -> list[tuple[float, Topic]]:
    scored = [(best_cue(t.cues, text)[0], t) for t in TOPICS]
    return sorted([s for s in scored if s[0] >= MIN_TOPIC], key=lambda s: (-s[0], TOPICS.index(s[1])))


@cache
def known_words() -> frozenset[str]:
    """Words the planner reads: every literal word of every cue, and the function words."""
    words: set[str] = set(function_words()) | cue_words()
    for cue in [c for k in ALL for c in k.cues] + [c for t in TOPICS for c in t.cues]:
        words |= set(re.findall(r"[a-z]{3,}", cue.pattern.replace("\\b", " ")))
    for table in (OPS, SETTING_CUES, ATTRIBUTES):
        for cues in table.values():
            for cue in cues:
                words |= set(re.findall(r"[a-z]{3,}", cue.pattern.replace("\\b", " ")))
    return frozenset(words)


def _slip(word: str, known: str) -> bool:
    """A typing slip: two neighbouring letters swapped, or one letter doubled or dropped (never a letter
    changed: "viral" is a word, not a slip of "vital")."""
    if len(word) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == known[diff[1]] and word[diff[1]] == known[diff[0]]
    short, long = sorted((word, known), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def fix_typos(text: str) -> str:
    """A question word of 6+ letters one slip away from exactly one word the planner reads (and not a word
    the lexicon knows) is read as that word: "eraliest" → "earliest", "hosptialization" → "hospitalization"."""
    known = known_words()
    table = lexicon()

    def fixed(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 6 or low in known or low in table or low + "s" in known:
            return word  # ("inhaler" is the singular of a known word, not a slip of it)
        close = [k for k in known if abs(len(k) - len(low)) <= 1 and _slip(low, k)]
        return close[0] if len(close) == 1 else word

    return re.sub(r"[A-Za-z]+", fixed, text)


def _uncontracted(text: str) -> str:
    """"dx'd", "rx'd" → the shorthand the cues read ("dx"); "where'd he go" → "where did he go"."""
    text = re.sub(r"\b(dx|rx|tx)['’]d\b", r"\1", text, flags=re.I)
    return re.sub(r"\b(where|how|when|what|who|why)['’]d\b", r"\1 did", text, flags=re.I)


def plan_part(part: str, now: date, inherited: Window | None) -> Aspect:
    part = fix_typos(_uncontracted(part))
    reading = read_time(part, now)
    window = reading.window
    if not window.explicit and inherited is not None and CARRY_OVER.search(part):
        window = inherited
    text = CARRY_OVER.sub(" ", reading.rest)
    scores = _topic_scores(text)
    topics = [t for _, t in scores]
    setting = setting_of(text)
    encounter_scope: str | None = None
    topic: Topic | None = topics[0] if topics else None
    if DEMOGRAPHICS in topics and ENCOUNTER in topics and attribute_of(text) == "age":  # "age at the last admission"
        topic = DEMOGRAPHICS
        encounter_scope = "first" if op_of(text) == "first" else "last"
    strong = {t.name for score, t in scores if score >= STRONG_TOPIC}
    others = [t for t in topics if t not in (ENCOUNTER, NOTE, DEMOGRAPHICS) and t.name in strong]
    if ENCOUNTER in topics and others and topic in (ENCOUNTER, *others) and op_of(text) not in ("source", "discharge"):
        if setting in ("inpatient", "icu", "emergency") and not _FROM_STAY.search(part):  # "meds during the last
            # admission" (not "creat since the jan 2022 admission": a period the stay starts)
            op = op_of(text)
            encounter_scope = "first" if op == "first" else "last"
        topic = others[0]
    elif topic is NOTE and others and _names_a_measurement(text) and not re.search(r"\bnotes?\b", text, re.I):
        topic = others[0]
    # the concept: what is left once time, cue words and function words are gone
    spans: list[tuple[int, int]] = []
    for kind in ALL:
        spans += best_cue(kind.cues, text)[1]
        # every strong cue of a kind is question wording, not concept ("has the egfr gone down over the yrs")
        spans += [m.span() for cue in kind.cues if cue.score >= 0.8 and not cue.keep for m in cue.compiled().finditer(text)]
    for t in topics:
        for cue in t.cues:
            if not cue.keep:
                spans += [m.span() for m in cue.compiled().finditer(text)]
    if ENCOUNTER in topics:  # "during the last hospital admission": the stay's words name no concept
        for cues in (*SETTING_CUES.values(), *OPS.values()):
            spans += best_cue(cues, text)[1]
    spans += [m.span() for m in _NEVER_CONCEPT.finditer(text)]
    limit_match = _LIMIT.search(text)
    if limit_match:
        spans.append(limit_match.span("n") if limit_match.start("n") >= 0 else limit_match.span())
    rest = _strip_spans(text, spans)
    # "kidney numbers", "liver labs": the organ's function tests (a lexicon panel), not the organ
    rest = _ORGAN_TESTS.sub(r"\1 function", rest)
    rest = re.sub(r"\bpatient\s+\d+\b", " ", rest, flags=re.I)
    words = concept_words(rest)
    if topic is not None and topic.name == "allergy" and len(words) > 1:  # "pcn allergy what kind of reaction":
        words = [w for w in words if w.lower() not in _REACTION_WORDS] or words  # the answer says the reaction
    judged = False
    while len(words) > 1 and words[-1].lower() in _JUDGED:  # "ca high lately?", "tsh ok": how it was, not its name
        words, judged = words[:-1], True
    concept = " ".join(words) or None
    parts = tuple(p for p in (" ".join(concept_words(seg)) for seg in _SEPARATORS.split(_slashed_pairs(rest))) if p)
    if (len(parts) == 1 and 2 <= len(words) <= 4 and all(w.lower() in _analyte_shorthand() for w in words)
            and "".join(words).lower() not in lexicon() and words[-1].lower() not in _QUALIFIED):
        parts = tuple(words)  # "crp esr trending down?", "bun cr": a list of tests written without "and"
    focus = concept if topic in (NOTE, ENCOUNTER) else None
    if topic in (NOTE, ENCOUNTER, DEMOGRAPHICS):
        concept = None
    limit = None
    if limit_match:
        raw = limit_match.group("n").lower()
        limit = NUMBER_WORDS.get(raw) or int(raw)
    stay_focus: str | None = None
    if topic is ENCOUNTER and focus and _names_drugs(focus) and not _measured(focus):  # "abx during the last admission"
        topic, concept, encounter_scope = MEDICATION, focus, "first" if op_of(text) == "first" else "last"
    elif topic is ENCOUNTER and focus and _measured(focus) and not (
            (named := _NAMES_STAY.search(part)) and named.group(1).lower() in _measured(focus)):  # "bp in the ER w/
        # the kidney stone", "o2 sat at the ED" (not "the sbp admission": what a stay is named by is its reason)
        measured = _measured(focus)
        stay_focus = " ".join(w for w in concept_words(focus) if w.lower() not in measured) or None
        topic, concept = LAB, " ".join(measured)
        encounter_scope = None if _FROM_STAY.search(part) else "first" if op_of(text) == "first" else "last"
    if topic is None and concept and _names_a_class(concept):  # "abx courses in the last 2 yrs": medications
        topic = MEDICATION
    elif topic is DEVICE and concept and scores[0][0] < STRONG_TOPIC and not _names_drugs(concept) \
            and _names_drugs(concept, typos=True):  # (a drug named outright may be a device too: "the mirena")
        topic = MEDICATION  # "still on the apixiban": a drug (misspelt or not), not a device hinted by "on the"
    if concept and TOLERATES.search(part):  # "can she take ibuprofen", "ok to give a flu shot": any allergy to it,
        # then the drug's orders
        rest_topics = [t for t in topics if t not in (ALLERGY, MEDICATION)]
        topic, topics = ALLERGY, [ALLERGY, MEDICATION, *rest_topics]
    shot_drug = (topic is IMMUNIZATION and concept is not None and scores[0][0] < 1.0 and _names_drugs(concept)
                 and MEDICATION not in topics)  # "b12 shots", "testosterone shots": a vaccine first, else the drug
    if topic is MEDICATION and encounter_scope and concept and not _names_drugs(concept):
        concept = None  # "kidney stone ER visit, what did they give him": the words say which stay, not which drug
    in_stay = encounter_scope and topic in CONCEPT_TOPICS and not concept  # "meds during the last admission"
    drugs_in_stay = encounter_scope and topic in (MEDICATION, LAB) and concept  # "abx / the bp during the stay"
    kind = LIST if in_stay or drugs_in_stay else choose(text, topic, concept, window)
    if judged and kind is EVER and topic in (None, LAB):  # "alt ever high on methotrexate": each value, flagged
        kind = TREND
    if topic is MEDICATION and concept and order_question(part) and kind is not LIST:
        kind = EVER  # "why is she on X", "why was X stopped", "how long was he on X": the order's own fields
    aspect = Aspect(kind=kind, topic=topic, concept=concept, window=window, clause=part, limit=limit,
                    prefer=tuple(t.name for t in topics if t is not topic) + (("medication",) if shot_drug else ()),
                    setting=setting, encounter_scope=encounter_scope, concept_parts=parts if len(parts) > 1 else (),
                    focus=stay_focus)
    if kind.name == "extreme":
        extreme = "min" if best_cue(MIN_CUES, text)[0] else "max" if best_cue(MAX_CUES, text)[0] else "worst"
        aspect = replace(aspect, extreme=extreme)
    if topic is ENCOUNTER:
        op = op_of(text)
        notes_wanted = best_cue(NOTE_ASKS, text)[0] > 0
        if setting is None and op not in ("reason", "source") and (
                notes_wanted or (window.explicit and op in (None, "latest", "first"))):
            return replace(aspect, kind=NOTES, topic=NOTE, section=section_of(text), focus=focus)
        first = op == "first" or (op in ("los", "discharge") and best_cue(OPS["first"], text)[0] > 0)
        aspect = replace(aspect, attribute=op or ("latest" if setting else "list"),
                         encounter_scope="first" if first else None, focus=focus)
        if op in ("discharge", "los", "reason", "source") and window.event and window.relation == "after" \
                and (setting_of(window.event) or op in ("discharge", "los")) and not focus:  # "dispo after the
            # stroke admit", "d/c dispo after her TKA": that stay's own (the stay the operation was done in)
            aspect = replace(aspect, focus=window.event, window=Window(None, window.day_to, False))
    elif topic is DEMOGRAPHICS:
        aspect = replace(aspect, attribute=attribute_of(text), setting=setting if encounter_scope else None)
    elif topic is NOTE or kind is NOTES:
        aspect = replace(aspect, kind=NOTES, section=section_of(text), focus=focus)
    return aspect


# "ear infection ever - what was she treated w/": the medicines ordered for the condition the question named
_TREATED = re.compile(r"\btreated\s+(?:with|w/?)(?=\s|$|\?)|\bwhat did (?:they|she|he|we) (?:give|prescribe|start)\b"
                      r"(?:\s+(?:her|him|them|pt))?(?:\s+for\s+(?:it|that|this))?\s*\??$", re.I)


@cache
def _analyte_shorthand() -> frozenset[str]:
    """The lexicon's test abbreviations ("crp", "esr", "bun"): a run of them is a list of tests."""
    from rag_core.concepts import _lexicon_rows

    return frozenset(term for term, _, kind in _lexicon_rows() if kind == "analyte" and " " not in term)


# a test word a word before it qualifies ("hgb a1c", "ldl chol"): one test, not a list
_QUALIFIED = frozenset({"a1c", "chol", "cholesterol", "ratio"})
# a period a stay starts ("since the jan 2022 admission") or every visit ("a1c at each visit"): not one stay's records
_JUDGED = frozenset({"high", "low", "elevated", "abnormal", "normal", "ok", "okay", "fine", "raised", "up", "down"})
_ORGAN_TESTS = re.compile(r"\b(kidney|renal|liver|thyroid)\s+(?:numbers?|labs?|tests?|levels?|values?|panel|bloods?)\b", re.I)
_FROM_STAY = re.compile(r"\b(?:since|after|following|post)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
                        r"(?:admission|admit|stay|hospitali[sz]ation|discharge)\b"
                        r"|\b(?:each|every|all)\s+(?:of\s+)?(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+)?"
                        r"(?:visits?|admissions?|admits?|stays?|appointments?)\b", re.I)
_NAMES_STAY = re.compile(r"\b(?:the|her|his|their|that)\s+([\w-]+)\s+(?:admission|admit|stay|hospitali[sz]ation)\b", re.I)
_REACTION_WORDS = frozenset({"reaction", "reactions", "react", "reacted", "happened", "happens", "exposure", "exposed",
                             "exposures", "bad", "severe", "serious", "severity"})  # "pcn allergy how bad"
# words that ask a detail of something, never name it ("codeine allergy - what reaction", "lfts - any elevation")
_ATTRIBUTE_WORDS = frozenset({
    "reaction", "reactions", "elevation", "elevated", "high", "higher", "low", "lower", "positive", "negative",
    "abnormal", "normal", "complication", "complications", "side", "effects", "outcome", "severity", "severe",
    "dose", "dosage", "strength", "response", "improvement", "better", "worse", "changed", "change"})
# a part that asks only a detail of what the part before it named ("which vessel", "what side", "which one")
_ATTRIBUTE_ONLY = re.compile(r"^\s*(?:and\s+)?(?:(?:which|what)\s+(?:(?:kind|sort|type)\s+of\s+)?)?(?:side|vessel|artery|"
                             r"arteries|level|site|location|one|kind|type|brand|model|make|stage|grade|reactions?)"
                             r"\s*\??\s*$", re.I)


def plan_question(question: str, now: date) -> QueryPlan:
    parts = split_parts(question) or [question.strip()]
    aspects: list[Aspect] = []
    texts: list[str] = []
    inherited: Window | None = None
    for part in parts:
        aspect = plan_part(part, now, inherited)
        treated = _TREATED.search(part) is not None and aspect.topic in (None, MEDICATION)
        attribute_only = bool(aspect.concept) and all(w.lower() in _ATTRIBUTE_WORDS for w in concept_words(aspect.concept or ""))
        if aspects and (_ATTRIBUTE_ONLY.match(part) or attribute_only):
            # "s/p stent? when and which vessel", "codeine allergy - what reaction": of the thing named before
            aspects[-1] = replace(aspects[-1], clause=f"{aspects[-1].clause} {part}")
            texts[-1] = f"{texts[-1]} {part}"
            continue
        if aspects and not aspect.concept and (aspect.topic is None or treated):
            if treated and aspects[-1].concept:  # the orders whose recorded reason is that condition
                aspect = replace(aspects[-1], kind=EVER, topic=MEDICATION, clause=f"meds for {aspects[-1].concept}",
                                 prefer=("condition",))
                aspects.append(aspect)
                texts.append(part)
                continue
            # "a1c - has it gone up", "s/p TKA - which side": a part naming nothing says more of the part before it
            texts[-1] = f"{texts[-1]} {part}"
            aspects[-1] = plan_part(texts[-1], now, inherited if len(aspects) > 1 else None)
            continue
        if treated and aspect.concept and not _names_drugs(aspect.concept):
            # "what was the syphilis treated with": the orders whose recorded reason is that condition
            aspect = replace(aspect, kind=EVER, topic=MEDICATION, clause=f"meds for {aspect.concept}",
                             prefer=("condition",))
        previous = aspects[-1] if aspects else None
        if (previous is not None and aspect.topic is ENCOUNTER and previous.topic is ENCOUNTER
                and not aspect.window.explicit and not aspect.focus):
            # "how did the jan 2021 admission start and where did she go after": the same stay
            aspect = replace(aspect, window=previous.window, focus=previous.focus, setting=aspect.setting or previous.setting)
        if aspect.window.explicit:
            inherited = aspect.window
        aspects.append(aspect)
        texts.append(part)
    useful = [a for a in aspects if a.topic is not None or a.concept]
    return QueryPlan(question=question, now=now, aspects=tuple(useful or aspects[:1]))


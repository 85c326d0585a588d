"""Questions that ask what is recommended, due or indicated: the chart's facts beside the guidelines.

"Is she due for colorectal cancer screening?" needs two kinds of evidence that must never be mixed up:
the patient's own facts (age, sex, the screening tests recorded — ``patient_data``, inside the scope)
and what a guideline says (``clinical_guidelines``, shared, no patient data in it). This module

* tells such a question from a chart question (``asks_guidance``: cues as data, like the kinds'),
* turns it into the chart part the planner reads (``chart_question``) and adds the patient's age and
  sex, which every guideline's population turns on (``with_patient_context``),
* picks the guideline passages an answer quotes (``guideline_claims``): only passages of guidelines
  that name what the question names, the recommendation for the patient's own age group first, each
  a claim with ``source="guideline"`` citing its guideline chunk — never a chart fact, never a
  conclusion the validator could not check ("she is due" is the clinician's call, made from both).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rag_core.citations import validate
from rag_core.concepts import VocabularyEntry, concept_words, function_words, lexicon
from rag_core.facts import age_on, to_date
from rag_core.index.base import SHARED_LIST_LIMIT, VectorIndex
from rag_core.kinds.base import Aspect, Cue, QueryPlan, best_cue
from rag_core.kinds.common import mentioned
from rag_core.kinds.demographics import DEMOGRAPHICS_KIND
from rag_core.kinds.timewords import Window, day_int
from rag_core.kinds.topics import DEMOGRAPHICS
from rag_core.models import (
    CLINICAL_GUIDELINES,
    Chunk,
    Claim,
    DraftAnswer,
    Hit,
    PatientScope,
    SearchFilter,
    ValidatedAnswer,
)

GUIDANCE_CUES: tuple[Cue, ...] = (
    Cue(r"\b(?:over)?due\b(?!\s+(?:to|date)\b)"),
    Cue(r"\brecommend(?:s|ed|ations?)?\b(?!\s+(?:by|from|in)\b|\s+at\b(?!\s+(?:his|her|their|this|that)\s+age))"),
    Cue(r"\b(?:be|get|getting|being)\s+(?:screened|rescreened|checked for|tested for)\b"),
    Cue(r"\b(?:does|do)\s+(?:she|he|they|the patient|this patient|this pt|pt)\s+need\b"),
    Cue(r"\b(?:indicated|warranted)\b(?!\s+(?:by|in|on|for the)\b)|\b(?:is|are|be)\s+(?:\w+\s+){0,3}appropriate\b"),
    Cue(r"\bguidelines?\b|\bguidance\b|\buspstf\b|\btask force\b|\bstandard of care\b"),
    Cue(r"\beligib(?:le|ility)\b|\bcandidate for\b|\bqualif(?:y|ies) for\b"),
    Cue(r"\bshould\s+(?:she|he|they|we|i|the patient|this patient|(?:mr|mrs|ms)\.?\s+\w+)\s+"
        r"(?:get|have|be|start|receive|take|begin|undergo|stop|continue)\b"),
    Cue(r"\bup[ -]to[ -]date\s+(?:on|with)\b"),
    Cue(r"\bhow often\s+should\b|\bwhen\s+(?:is|should)\b[^?]*\bnext\b"),
)
# A screening asked about — not a screening score or result recorded, nor one that was done ("was she
# screened for depression?", "did he have colon cancer screening?"): those are chart questions
SCREENING_CUE = Cue(r"\bscreen(?:ing|ed)?\b(?!\s+(?:score|result|results|questionnaire|tool|form|test result)\b)")
_DONE = re.compile(r"\b(?:did|was|were|had)\b[^?]*\bscreen", re.I)
# A past-tense question about what someone recommended is a chart question ("what did cardiology recommend?")
_CHART_ASK = re.compile(r"\b(?:did|was|were|had)\b[^?]*\brecommend|"
                        r"\brecommended\s+(?:by|in|at\b(?!\s+(?:his|her|their|this|that)\s+age))", re.I)

# Guidance phrasing removed before the planner reads the chart part of the question
_PHRASING = re.compile(
    r"\b(?:according to|per|under|by|in|on)\s+(?:the\s+)?(?:current\s+)?(?:uspstf\s+|task force\s+)?"
    r"(?:guidelines?|guidance|recommendations?)\b|"
    r"\b(?:according to|per|by|says?)\s+(?:the\s+)?(?:uspstf|task force)\b|"
    r"\bwhat\s+(?:does|do|did)\s+(?:the\s+)?(?:\w+\s+)?(?:guidelines?|guidance|uspstf|task force)\s+"
    r"(?:say|recommend|suggest)\s+(?:about|on|for|regarding)?\b|"
    r"\b(?:is|are)\s+(?:she|he|they|the patient|this patient)\s+(?:over)?due\s+(?:for|to have|a)?\b|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:indicated|recommended|warranted|appropriate)\b|"
    r"\b(?:eligible|a candidate|qualif(?:y|ies))\s+for\b|\bup[ -]to[ -]date\s+(?:on|with)\b|"
    r"\bshould\s+(?:she|he|they|we|i|the patient|this patient)\s+(?:get|have|be|start|receive|take|begin|undergo)\b|"
    r"\b(?:guidelines?|guidance|uspstf|task force|recommendations?|recommended|due)\b",
    re.I,
)
# Words every guideline question uses that say nothing about which guideline
_GENERIC = frozenset({
    "screening", "screen", "screened", "test", "testing", "tests", "patient", "guideline", "guidelines", "say",
    "recommend", "recommended", "recommendation", "due", "overdue", "indicated", "eligible", "start", "get",
    "prevention", "preventive", "check", "next", "often", "therapy", "treatment", "according", "current",
    "uspstf", "task", "force", "her", "his", "their", "she", "he", "they", "this", "now", "yet", "still",
    # what one asks of a guideline, not what it is about
    "support", "supports", "apply", "applies", "cover", "covers", "suggest", "suggests", "advise", "advises",
    "endorse", "need", "needs", "require", "requires", "qualify", "qualifies", "candidate", "interval",
    "intervals", "frequency", "schedule", "timing", "measure", "given", "base", "says", "time",
    "stop", "continue", "keep", "offer",
    # the patient's age is what the guideline's populations are checked against, not its topic
    "old", "older", "young", "younger", "age", "aged", "elderly", "too", "enough", "point",
    # specimen and measurement words say where a value is read, not which guideline ("blood sugar")
    "blood", "serum", "plasma", "level", "levels", "value", "values", "result", "results", "reading",
})
MAX_GUIDELINE_CLAIMS = 3
_AGES = re.compile(r"\baged?\s+(\d{1,3})\s+(?:to|through|-|–)\s+(\d{1,3})\s+years?\b|"
                   r"\b(\d{1,3})\s+years?\s+(?:or|and)\s+(?:older|over)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def asks_guidance(question: str) -> bool:
    """Whether the question asks what is recommended, due or indicated (not what was recorded)."""
    if _CHART_ASK.search(question):
        return False
    score, _ = best_cue(GUIDANCE_CUES, question)
    return score > 0 or (best_cue((SCREENING_CUE,), question)[0] > 0 and not _DONE.search(question))


def chart_question(question: str) -> str:
    """The question's chart part: its guidance phrasing removed ("is she due for colorectal cancer
    screening?" → "colorectal cancer screening?"); "statins for his LDL" asks about both ("statins and his
    LDL"); the whole question when nothing else is left."""
    rest = " ".join(_PHRASING.sub(" ", question).split()).strip(" ,;:")
    rest = re.sub(r"\s+(?:for|given)\s+(his|her|their)\b", r" and \1", rest, flags=re.I)
    return rest if concept_words(rest.strip("?")) else question


def with_patient_context(plan: QueryPlan) -> QueryPlan:
    """The plan with the patient's age (on the day asked) and sex first, unless it already asks them."""
    if any(a.kind is DEMOGRAPHICS_KIND for a in plan.aspects):
        return plan
    asked = day_int(plan.now)
    context = Aspect(kind=DEMOGRAPHICS_KIND, topic=DEMOGRAPHICS, concept=None,
                     window=Window(day_to=asked, anchor=asked), clause="age and sex", attribute="age+sex")
    return replace(plan, aspects=(context, *plan.aspects))  # who the patient is comes first


def _lemmas(word: str) -> set[str]:
    """The word and the forms an -ing/-ed/-s ending may hide ("checking" → "check", "getting" → "get")."""
    w = word.lower()
    forms = {w}
    for ending in ("ing", "ed", "es", "s"):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            base = w[: -len(ending)]
            forms |= {base, base + "e"}
            if len(base) > 3 and base[-1] == base[-2]:
                forms.add(base[:-1])  # "getting" → "gett" → "get"
    return forms


def guideline_words(question: str) -> list[str]:
    """What the question names that a guideline must name too ("colorectal", "cancer"; "statins", "LDL")."""
    return [w for w in concept_words(chart_question(question))
            if not _lemmas(w) & _GENERIC and len(w) > 1]


def relevant(hits: list[Hit], question: str) -> list[Hit]:
    """The passages of the guideline that speaks of what the question names: every word the question names
    ("lung", "cancer") is in that guideline's title or retrieved passages — a colorectal guideline does not
    answer a lung cancer question. The best-ranked such guideline, and another only if it ranks as well."""
    words = guideline_words(question)
    if not words:
        return []
    texts: dict[str, list[str]] = {}
    for h in hits:
        title = h.chunk.guideline.title if h.chunk.guideline else ""
        texts.setdefault(h.chunk.resource_id, [title]).append(h.chunk.text)
    covering = {gid for gid, parts in texts.items()
                if all(_names(w, " ".join(parts)) for w in words)}
    kept = [h for h in hits if h.chunk.resource_id in covering]
    if not kept:
        return []
    wanted = {h.chunk.resource_id for h in kept[:1]}
    wanted |= {h.chunk.resource_id for h in kept[1:] if h.score >= kept[0].score * 0.9}
    return [h for h in hits if h.chunk.resource_id in wanted]


def _names(word: str, text: str) -> bool:
    """The guideline names the word: as the chart check does (a word, an abbreviation's expansion), or as
    the start of one of its words ("colon" in "colonoscopy", "statins" ~ "statin")."""
    low = text.lower()
    if mentioned(word, low):
        return True
    word = word.lower()
    stem = word[:max(4, len(word) - 3)] if len(word) >= 6 else word.rstrip("s")  # "colonoscopies" ~ "colonoscopy"
    return len(stem) >= 4 and re.search(rf"\b{re.escape(stem)}", low) is not None


# Words of a recorded concept's name that say how, not what ("Diabetes mellitus type 2 (disorder)")
_QUALIFIERS = frozenset({
    "mellitus", "type", "essential", "primary", "chronic", "acute", "disorder", "finding", "procedure", "situation",
    "status", "history", "regime", "therapy", "ratio", "panel", "serum", "plasma", "blood", "mass", "moles",
    "volume", "presence", "measurement", "level", "result", "nos", "total",
})
MAX_GUIDED_CONCEPTS = 6


def _name_words(entry: VocabularyEntry) -> list[str]:
    """The words a guideline must say for a recorded concept to be what it speaks of: a drug's ingredient
    (its first word); otherwise the name's words less bracketed parts, qualifiers and function words."""
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]|\bwith all children optional\b", " ", entry.name.lower())  # LOINC panels
    if entry.topic != "medication":  # "Hypertensive disorder, systemic arterial": what follows a comma qualifies
        name = name.split(",", 1)[0]
    words = [w for w in re.findall(r"[a-z][a-z0-9]*", name) if len(w) >= 3 or any(ch.isdigit() for ch in w)]
    if entry.topic == "medication":
        return [w for w in words if w.isalpha()][:1]
    stop = function_words()
    return list(dict.fromkeys(w for w in words if w not in _QUALIFIERS and w not in stop))


def _class_members_said(vocabulary: list[VocabularyEntry], passages: list[Chunk]) -> set[str]:
    """The words of the patient's medications in a drug class the passages name ("statin" → simvastatin …),
    by ingredient (``rag_core.terminology.drugs``)."""
    from rag_core.terminology.drugs import drugs, words

    table = drugs()
    text = " " + " ".join(words(" ".join(p.text for p in passages))) + " "
    named = {cls.id for key, (classes, needs) in table.lay.items() if not needs and f" {' '.join(key)} " in text
             for name in classes for cls in table.by_name.get(name.lower(), ())}
    named |= {cls.id for key, classes in table.by_words.items() if len(key) >= 2 and f" {' '.join(key)} " in text
              for cls in classes}
    out: set[str] = set()
    for entry in vocabulary:
        if entry.topic == "medication" and table.class_ids(entry.name) & named:
            out |= {w for w in re.findall(r"[a-z][a-z0-9]*", entry.name.lower()) if len(w) > 2}
    return out


def named_concepts(vocabulary: list[VocabularyEntry], passages: list[Chunk],
                   limit: int = MAX_GUIDED_CONCEPTS) -> list[VocabularyEntry]:
    """The patient's recorded concepts the guideline passages speak of ("Colonoscopy", "Low Density
    Lipoprotein Cholesterol", "simvastatin 20 MG Oral Tablet" for a passage naming statins): every
    distinguishing word of the name is in the passages (a lexicon abbreviation in them stands for its
    expansions). Read from the chart afterwards, inside the scope, like any other fact."""
    words = set(re.findall(r"[a-z][a-z0-9]*|\d+", " ".join(p.text for p in passages).lower()))
    said = set(words)
    for key, options in lexicon().items():
        if key in words:
            said |= {w for option in options for w in re.findall(r"[a-z0-9]+", option)}
    said |= _class_members_said(vocabulary, passages)
    stems = {w[:5] for w in said if len(w) >= 5}

    def spoken(word: str) -> bool:  # the word, or one of its family ("hypertensive" ~ "hypertension")
        if word in said:
            return True
        stem = word[:max(5, len(word) - 3)]
        return len(word) >= 6 and stem[:5] in stems and any(s.startswith(stem) for s in said)

    scored: list[tuple[int, str, VocabularyEntry]] = []
    for entry in vocabulary:
        needed = _name_words(entry)
        if needed and all(spoken(w) for w in needed):
            scored.append((len(needed), entry.name.lower(), entry))
    scored.sort(key=lambda s: (-s[0], s[1]))
    seen: list[set[str]] = []
    chosen: list[VocabularyEntry] = []
    for _, _, entry in scored:
        words_of = set(_name_words(entry))
        if any(words_of <= other for other in seen):
            continue  # one drug's several strengths, or "Hemoglobin" beside "Hemoglobin A1c": the more specific
        seen.append(words_of)
        chosen.append(entry)
    return chosen[:limit]


def patient_age(chunks: list[Chunk], on: date) -> int | None:
    """The patient's age on the day asked, from the cited Patient fact (None when not recorded)."""
    for chunk in chunks:
        if chunk.resource_type == "Patient" and chunk.fact is not None and chunk.fact.birth_date:
            birth = to_date(chunk.fact.birth_date)
            death = to_date(chunk.fact.deceased)
            if birth is not None:
                return age_on(birth, death if death is not None and death <= on else on)
    return None


def _populations(chunk: Chunk) -> list[tuple[int, int]]:
    """The age ranges a passage names — its heading's when the heading names any, else its text's."""
    for text in (chunk.section or "", chunk.text):
        spans = [(int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), 200)
                 for m in _AGES.finditer(text)]
        if spans:
            return spans
    return []


def _age_fit(chunk: Chunk, age: int | None) -> int:
    """1 when the passage's own population (its heading first) includes the age, -1 when it names ages that
    exclude it, 0 when it names none."""
    spans = _populations(chunk) if age is not None else []
    if age is None or not spans:
        return 0
    return 1 if any(low <= age <= high for low, high in spans) else -1


def _age_distance(chunk: Chunk, age: int | None) -> int:
    """Years between the age and the nearest population the passage names (0 when it names none)."""
    spans = _populations(chunk) if age is not None else []
    if age is None or not spans:
        return 0
    return min(0 if low <= age <= high else min(abs(age - low), abs(age - high)) for low, high in spans)


def _recommends(chunk: Chunk) -> bool:
    """A passage under a "Recommendation…" heading: what the guideline recommends, before who and how."""
    return chunk.guideline is not None and any(p.casefold().startswith("recommendation")
                                               for p in chunk.guideline.section_path)


def _body(chunk: Chunk) -> str:
    """The passage without its section-path line, its sentences joined as written."""
    text = chunk.text
    if chunk.section and text.startswith(chunk.section):
        text = text[len(chunk.section):]
    return " ".join(text.split())


def guideline_claims(hits: list[Hit], question: str, age: int | None) -> list[Claim]:
    """The passages an answer quotes, best first: the recommendation for the patient's age group, then
    the best-ranked passages. Each claim restates its passage word for word (numbers checked against
    it by the validator) and cites only it."""
    chosen = relevant(hits, question)
    if not chosen:
        return []
    # no recommendation's population includes the patient's age: quote the recommendations themselves, the
    # nearest age group first, so the clinician sees whom they are for (an 88-year-old, ages 45 to 85)
    none_fits = not any(_recommends(h.chunk) and _age_fit(h.chunk, age) > 0 for h in chosen)
    ranked = sorted(enumerate(chosen), key=lambda p: (
        -(_age_fit(p[1].chunk, age) > 0), -_recommends(p[1].chunk),
        _age_distance(p[1].chunk, age) if none_fits else 0, p[0]))
    claims: list[Claim] = []
    for _, hit in ranked:
        if _age_fit(hit.chunk, age) < 0 and not (none_fits and _recommends(hit.chunk)):
            continue  # a recommendation for another age group does not apply to this patient
        body = _body(hit.chunk)
        if not body or not hit.chunk.section:
            continue  # the document's preamble (before any heading) says what the document is, not what to do
        sentences = _SENTENCE.split(body)
        text = " ".join(sentences[:3])
        claims.append(Claim(text=text, citations=[hit.chunk.id], source="guideline"))
        if len(claims) >= MAX_GUIDELINE_CLAIMS:
            break
    return claims


MAX_RECOMMENDATIONS = 4


async def age_recommendations(index: VectorIndex, age: int) -> list[Chunk]:
    """Each indexed guideline's recommendation for an age — a passage under a "Recommendation…" heading whose
    population includes it — one per guideline, by title."""
    chunks = await index.scroll(CLINICAL_GUIDELINES, SearchFilter(), None, limit=SHARED_LIST_LIMIT)
    chosen: dict[str, Chunk] = {}
    for chunk in chunks:
        if chunk.guideline is None or chunk.patient_id or chunk.resource_id in chosen:
            continue
        if _recommends(chunk) and _age_fit(chunk, age) > 0:
            chosen[chunk.resource_id] = chunk
    return sorted(chosen.values(), key=lambda c: (c.guideline.title if c.guideline else "", c.id))


def recommendation_claims(passages: list[Chunk]) -> list[Claim]:
    """One guideline claim per recommendation: its first sentence, which names the population and the action
    ("Screen adults aged 35 to 70 years who have overweight or obesity for prediabetes …")."""
    return [Claim(text=" ".join(_SENTENCE.split(_body(c))[:1]), citations=[c.id], source="guideline")
            for c in passages[:MAX_RECOMMENDATIONS]]


async def recommendations_for(index: VectorIndex, patient: Chunk | None, scope: PatientScope, now: date,
                              model_id: str = "chartrag/summary-v1") -> ValidatedAnswer | None:
    """For a chart summary (the CDS card): the recommendations for the patient's age group (one per indexed
    guideline) quoted as guideline claims and validated like an answer. None when the age is unknown or
    nothing applies. Each passage states its population's other conditions itself."""
    age = patient_age([patient], now) if patient is not None else None
    passages = await age_recommendations(index, age) if age is not None else []
    if not passages:
        return None
    draft = DraftAnswer(text="", claims=recommendation_claims(passages), confidence=1.0, model_id=model_id)
    return validate(draft, [], scope, guidelines=passages)

"""Resolve a concept named in a question ("K", "serum creatinine", "metfromin", "Digoxin 0.125 MG Oral
Tablet") to the concepts recorded in THIS patient's chart.

Resolution steps, each tried only when the previous found nothing:

1. normalised match — every distinguishing word of the question is in the recorded name (or its
   initials: "LDL" → Low Density Lipoprotein …), best tightness wins;
2. the clinical abbreviation and synonym lexicon (``lexicon/clinical_abbreviations.tsv``, a data file
   with its source): "K" → potassium, "HTN" → hypertension;
3. typo tolerance: a question word that is in neither the patient's vocabulary nor the lexicon is
   corrected to its closest recorded word (similarity ≥ 0.8, words of 4+ letters);
4. no dense-similarity step: measured on the bundled patients (``chartrag bench concepts``), MiniLM
   puts concept names the chart does NOT hold within cosine 0.94–1.0 of names it does ("… Nine Item
   score" vs "… Two-Item score", "30 mcg/0.3mL" vs "100 mcg/0.5mL dose"), so no threshold both
   catches paraphrases and keeps absent concepts absent; wordings the steps above miss go to the
   hybrid search fallback instead, whose relevance check requires the asked words in the evidence.

Then equivalence widens the match: the same analyte (the LOINC long name's component, before
``[property]`` and the specimen — serum and blood potassium are both potassium) and, at read time,
the same code. A question about something the chart does not hold finds nothing: a name missing a
distinguishing word of the question never matches.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z][a-z0-9]*")
# Words that do not distinguish one recorded concept from another.
_SOFT = {
    "total", "result", "level", "value", "test", "of", "in", "or", "and", "the", "a", "by", "with", "for", "to",
    "mass", "volume", "moles", "ratio", "presence", "panel", "measurement", "finding", "disorder", "procedure",
    "situation", "substance", "observable", "entity", "product", "qualifier", "body", "structure", "mg", "ml",
    "oral", "tablet", "capsule", "solution", "injection", "day", "extended", "release", "estimated", "predicted",
    "calculated", "automated", "count",
}
# Spelling variants folded inside words (the lexicon handles shorthand).
_SYNONYMS = {
    "hba1c": ("hemoglobin", "a1c"),
    "alt": ("alanine", "aminotransferase"),
    "sgpt": ("alanine", "aminotransferase"),
    "ast": ("aspartate", "aminotransferase"),
    "sgot": ("aspartate", "aminotransferase"),
    "egfr": ("glomerular", "filtration", "rate"),
    "gfr": ("glomerular", "filtration", "rate"),
    "bun": ("urea", "nitrogen"),
    "wbc": ("leukocyte",),
    "rbc": ("erythrocyte",),
    "tsh": ("thyrotropin",),
    "inr": ("inr",),
    "psa": ("prostate", "specific", "ag"),
    "crp": ("c", "reactive", "protein"),
    "hr": ("heart", "rate"),
    "rr": ("respiratory", "rate"),
    "spo2": ("oxygen", "saturation"),
    "o2": ("oxygen",),
    "a1c": ("a1c",),
    "bp": ("blood", "pressure"),
    "sugar": ("glucose",),
    "haemoglobin": ("hemoglobin",),
    "pulse": ("heart", "rate"),
    "temp": ("temperature",),
    "antigen": ("ag",),  # LOINC writes "Prostate specific Ag"
    "inhalation": ("inhaler",),  # RxNorm's inhaled dose forms: "Inhalation Suspension", "Dry Powder Inhaler"
    "inhaled": ("inhaler",),
}


_UNITS = {"mg", "ml", "mcg", "g", "meq", "unt", "unit", "iu", "hr", "day", "actuat", "mmol", "kg", "l"}


def tokens(text: str) -> list[str]:
    """Lower-case words, light plural stripping, clinical abbreviations expanded; a number followed by
    a unit is one token ("1 ML" → "1ml"), so a drug's strength and volume must match exactly."""
    raw = _TOKEN.findall(text.lower())
    out: list[str] = []
    merged = False
    for i, word in enumerate(raw):
        if merged:  # the unit just joined to its number ("24 HR" is 24 hours, never heart rate)
            merged = False
            continue
        if word[0].isdigit() and i + 1 < len(raw) and raw[i + 1] in _UNITS:
            out.append(word + raw[i + 1])
            merged = True
            continue
        if len(word) >= 8 and word.endswith(("eses", "oses", "yses")):
            word = word[:-2] + "i"  # a Greek plural of a -sis word, as its singular is read ("paracentesi")
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word[-2].isdigit():
            word = word[:-1]
        if len(word) >= 5 and _BRITISH.search(word):
            word = american(word)
        out.extend(_SYNONYMS.get(word, (word,)))
    return out


# British spellings of medical words, read as the American a US chart records ("caesarean section" is the chart's
# "Cesarean section", "haemoglobin" its hemoglobin, "oedema" its edema)
_BRITISH_RULES = ((re.compile(r"aem"), "em"), (re.compile(r"caes"), "ces"), (re.compile(r"(?<=[pc])aed"), "ed"),
                  (re.compile(r"gynaec"), "gynec"), (re.compile(r"^oe(?=[dsn])"), "e"), (re.compile(r"rrhoea"), "rrhea"),
                  (re.compile(r"foet"), "fet"))
_BRITISH = re.compile(r"aem|caes|[pc]aed|gynaec|^oe[dsn]|rrhoea|foet")


def american(word: str) -> str:
    for pattern, replacement in _BRITISH_RULES:
        word = pattern.sub(replacement, word)
    return word


SPECIMENS = {"blood", "serum", "plasma", "urine", "csf", "saliva", "stool"}
# blood, serum and plasma hold the same analytes; urine, CSF, saliva and stool are other measurements
SPECIMEN_CLASS = {"blood": "blood", "serum": "blood", "plasma": "blood", "urine": "urine", "csf": "csf",
                  "saliva": "saliva", "stool": "stool"}


def core(words: list[str]) -> set[str]:
    return {w for w in words if w not in _SOFT and w not in SPECIMENS}


def acronyms(words: list[str]) -> dict[str, set[str]]:
    """Initials of every run of 3-5 consecutive words → the words: "ldl" → {low, density, lipoprotein}.
    (Two-letter initials are left to the lexicon: "na" is the initials of too many word pairs.)"""
    alpha = [w for w in words if w[0].isalpha()]
    found: dict[str, set[str]] = {}
    for size in range(3, 6):
        for start in range(len(alpha) - size + 1):
            run = alpha[start : start + size]
            found.setdefault("".join(w[0] for w in run), set()).update(run)
    return found


_ABOUT = {"for", "against", "after", "following"}  # "Return to work after knee replacement" is not the replacement


def _about(asked: set[str], name_words: list[str]) -> bool:
    """Whether every asked word appears in the name only after "for"/"against": the name is a test,
    screening or vaccine about the asked thing, not the thing ("Screening for depression")."""
    cut = next((i for i, w in enumerate(name_words) if w in _ABOUT), None)
    if cut is None:
        return False
    before = set(name_words[:cut])
    return bool(asked) and not (asked & before) and asked <= set(name_words[cut + 1:])


@dataclass(frozen=True)
class ConceptMatch:
    concept: str
    score: float  # 0..1: share of the question's words found, then tightness of the match


_TRAILING_TAG = re.compile(r"\s*\([^()]*\)\s*$")


def untagged(name: str) -> str:
    """A display without its trailing parenthesised tag ("Intubation (procedure)" → "Intubation")."""
    return _TRAILING_TAG.sub("", name)


# SNOMED CT's semantic tag ends a display and names no part of the concept: "Insulin pump (physical object)" is as
# tight a match for "insulin pump" as the name without it
_SEMANTIC_TAG = re.compile(r"\s*\((?:physical object|regime/therapy|morphologic abnormality|observable entity|"
                           r"record artifact|environment|event|person|social concept|assessment scale)\)\s*$", re.I)


@lru_cache(maxsize=65536)
def _name_parts(concept: str) -> tuple[list[str], dict[str, set[str]], frozenset[str]]:
    """A recorded name's words, the initials of its word runs and both as one set (names repeat across questions)."""
    c_all = tokens(_SEMANTIC_TAG.sub("", concept))
    expansions = acronyms(c_all)
    # a name's hyphenated code typed without its hyphen ("PHQ-9" asked as "phq9", "COVID-19" as "covid19")
    joined = {a + b for a, b in itertools.pairwise(c_all) if a.isalpha() and b.isdigit()}
    # single letters hyphenated ("P-R Interval", "Q-T interval") asked run together ("pr interval", "qtc")
    joined |= {m.replace("-", "") for m in re.findall(r"\b[a-z](?:-[a-z]){1,3}\b", concept.lower())}
    return c_all, expansions, frozenset(c_all) | frozenset(expansions) | joined


def _lettered(c_all: list[str]) -> set[str]:
    """A vaccine's letters run into its valency ("HPV9", "PCV13", "PPV23"): read only for a vaccine question (in a
    lab or problem question "ca" is no CA125, "hpv" no HPV9 vaccination)."""
    return {m.group(1) for t in c_all if (m := re.fullmatch(r"([a-z]{3,})\d+", t))}


_HEAD_CUT = re.compile(r"[,(\[]|\s(?:of|in|with|for|to|at|on|by|from|after|via)\s", re.I)


@lru_cache(maxsize=65536)
def _head(concept: str) -> str | None:
    """A recorded name's head word, read once per name (names repeat across questions, like ``_name_parts``)."""
    head = tokens(_HEAD_CUT.split(_SEMANTIC_TAG.sub("", concept))[0])[-1:]
    return head[0] if head else None


def match_concepts(query: str, vocabulary: list[str], lettered: bool = False) -> list[ConceptMatch]:
    """Recorded concepts that contain every distinguishing word of ``query``, best first.

    Ties at the best tightness are all returned (the same test recorded under two display names).
    """
    q_all = tokens(query)
    q_core = core(q_all) or (set(q_all) - SPECIMENS) or set(q_all)
    # a letter after a content word names which one ("hep a", "vitamin a"): it must be in the name too
    q_core |= {w for prev, w in itertools.pairwise(q_all) if w == "a" and prev in q_core}
    if not q_core:
        return []
    scored: list[ConceptMatch] = []
    q_specimens = set(q_all) & SPECIMENS
    asked_raw = set(_TOKEN.findall(query.lower()))  # as typed, before plurals were folded
    for concept in vocabulary:
        c_all, expansions, c_set = _name_parts(concept)
        if lettered:
            c_set = c_set | _lettered(c_all)
        if not q_core <= c_set:
            continue
        c_specimens = {SPECIMEN_CLASS[w] for w in c_set & SPECIMENS}
        if q_specimens and c_specimens and not {SPECIMEN_CLASS[w] for w in q_specimens} & c_specimens:
            continue  # "serum creatinine" is not "creatinine in urine"; "blood sugar" is serum glucose
        if _about(q_core, c_all):
            continue  # "tuberculosis" is not "Skin test for tuberculosis"
        numbered = {w: {t for t in c_all if lettered and len(w) >= 3 and t.startswith(w) and t[len(w):].isdigit()}
                    | {x for a, b in itertools.pairwise(c_all) if a + b == w and a.isalpha() and b.isdigit() for x in (a, b)}
                    for w in q_core - set(c_all)}
        if any(not numbered[word] and (_other_sense(word, c_all) or (word + "s" in asked_raw
                                                                      and _other_sense(word + "s", c_all)))
               for word in q_core - set(c_all)):
            continue  # "ICD" is not the initials of "intrauterine contraceptive device" (nor "TIPS", read "tip", those
            # of "tiotropium inhalation powder")
        c_core = core(c_all) or set(c_all)
        covered = set(q_core)
        for word in q_core - set(c_all):
            covered |= expansions.get(word, set()) | numbered[word]
        tightness = len(covered & c_core) / len(c_core)
        soft_overlap = len(set(q_all) & c_set) / max(len(set(q_all)), 1)
        # the head of a name (its last word before a comma, a bracket or a preposition: "Deceased donor kidney
        # transplant, right iliac fossa" is a transplant, "Ultrasound-guided transplant kidney biopsy" a biopsy,
        # "Intravenous infusion of ocrelizumab" an infusion) weighs a little
        head = _head(concept)
        headed = 0.05 if head and head in q_core else 0.0
        scored.append(ConceptMatch(concept, round(0.5 + 0.4 * tightness + 0.1 * soft_overlap + headed, 4)))
    scored.sort(key=lambda m: (-m.score, m.concept))
    if not scored:
        return []
    best = scored[0].score
    return [m for m in scored if m.score >= best - 1e-9]


def _other_sense(word: str, name_words: list[str]) -> bool:
    """Whether an abbreviation read as a name's initials means something else: the sense inventories know it,
    and none of its senses shares a word with the name (ICD: defibrillator or classification, never intrauterine
    contraceptive device; TKA: total knee arthroplasty, which shares "total knee" with "Total knee replacement")."""
    from rag_core.terminology.drugs import abbreviations

    senses = abbreviations().get(word)
    if not senses:
        return False
    words = set(name_words)
    return not any(core(tokens(sense)) & words for sense in senses)


# --------------------------------------------------------------------------- lexicon


@cache
def _lexicon_rows() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    text = resources.files("rag_core.lexicon").joinpath("clinical_abbreviations.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, expansions, *rest = line.split("\t")
        rows.append((term.strip().lower(), tuple(e.strip() for e in expansions.split("|") if e.strip()),
                     rest[0].strip() if rest else ""))
    return tuple(rows)


@cache
def lexicon() -> dict[str, tuple[str, ...]]:
    """Shorthand → expansions, from the shipped data file (not the rows read only for a vaccine question)."""
    return {term: expansions for term, expansions, kind in _lexicon_rows() if kind not in (VACCINE_ONLY, "inside")}


@cache
def record_lexicon(inside: bool = False) -> dict[str, tuple[str, ...]]:
    """The rows that name what a record is coded as (not the words a note says a phrase in: kind ``note``); rows of
    kind ``inside`` only with ``inside`` — a phrase read only beside the word that says which ("bk viral load" is
    the BK PCR; "viral load" alone is no influenza RNA test)."""
    skipped = {VACCINE_ONLY, "note"} | (set() if inside else {"inside"})
    return {term: expansions for term, expansions, kind in _lexicon_rows() if kind not in skipped}


# rows read only when the question is about vaccines: "pneumonia shot" is the pneumococcal vaccine, while "hx of
# pneumonia" must never be answered with one
VACCINE_ONLY = "vaccine only"


@cache
def vaccine_words() -> dict[str, tuple[str, ...]]:
    return {term: expansions for term, expansions, kind in _lexicon_rows() if kind == VACCINE_ONLY}


@cache
def panels() -> dict[str, tuple[str, ...]]:
    """Names of test panels → every analyte in them ("lipid panel" → cholesterol, triglycerides, LDL, HDL)."""
    return {term.replace(" ", ""): expansions for term, expansions, kind in _lexicon_rows() if kind == "panel"}


@cache
def cue_words() -> frozenset[str]:
    text = resources.files("rag_core.lexicon").joinpath("cue_words.txt").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def function_words() -> frozenset[str]:
    text = resources.files("rag_core.lexicon").joinpath("function_words.txt").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


_WORD = re.compile(r"[a-z0-9][a-z0-9/.+\-]*[a-z0-9+]|[a-z0-9]", re.I)
_IDENTIFIER = re.compile(r"(?<![\w.])\d{5,}(?![\w.])|\b[0-9a-f]{8}-[0-9a-f-]{27,}\b", re.I)


def concept_words(text: str) -> list[str]:
    """The words of a phrase that may name a concept: patient identifiers ("patient 10015272") and
    function words dropped; possessives folded."""
    text = _IDENTIFIER.sub(" ", re.sub(r"['’]s\b", "", text))
    text = re.sub(r"\b(?:d/?c|dx|rx|tx)['’]?d\b", " ", text, flags=re.I)  # "dc'd", "dx'd": question words
    text = re.sub(r"(?<=[a-z])['’]d\b", "", text, flags=re.I)  # "where'd he go": the contraction names nothing
    text = re.sub(r"\b(?:at|in|by|near|towards?) the end\b", " ", text, flags=re.I)  # "code status at the end"
    stop = function_words()
    out = []
    previous = ""
    for word in _WORD.findall(text):
        parts = word.lower().split("/")
        if len(parts) > 1 and any(p in stop for p in parts) and not all(p in stop for p in parts):
            out += [p for p in parts if p not in stop]  # "pt/inr": the INR of "patient/INR"
            previous = parts[-1]
            continue
        # "a" after a content word is a letter that names which one ("hep a", "vitamin a"), not an article
        letter = word.lower() == "a" and bool(previous) and previous not in stop
        previous = word.lower()
        if not letter and (word.lower() in stop or (len(parts) > 1 and all(p in stop for p in parts))):  # "he/she"
            continue
        out.append(word)
    return out


def _variants(words: list[str]) -> list[tuple[str, str]]:
    """(phrase, how) to try: the words as asked, then with lexicon expansions."""
    phrase = " ".join(words)
    out = [(phrase, "exact")]
    table = lexicon()

    def entry(key: str) -> str:  # a plural of a lexicon term ("c sections", "ekgs", "cabgs") is the term
        return key[:-1] if key not in table and len(key) > 3 and key.endswith("s") and key[:-1] in table else key

    records = record_lexicon()  # (a phrase a note words otherwise, "code status", is read in notes only)
    whole = table.get(entry(re.sub(r"[\s\-]", "", phrase.lower()))) or records.get(entry(" ".join(phrase.lower().split())))
    if whole:
        out += [(e, "lexicon") for e in whole]
    low = [w.lower() for w in words]
    phrases = record_lexicon(inside=True)
    for size in (3, 2):  # a lexicon phrase inside the words ("bk viral load": viral load → PCR, RNA)
        for start in range(len(low) - size + 1):
            inner = phrases.get(entry(" ".join(low[start:start + size])))
            if inner and size < len(low):
                out += [(" ".join([*words[:start], e, *words[start + size:]]), "lexicon") for e in inner]
    options: list[tuple[str, ...]] = []
    changed = False
    for word in words:
        key = word.lower().replace("-", "")
        key = key if key in table else key.rstrip("+")  # "K+"
        key = entry(key)
        if key in table:
            options.append(table[key])
            changed = True
        else:
            options.append((word,))
    if changed:
        combos = [""]
        for choice in options:
            combos = [f"{c} {o}".strip() for c in combos for o in choice][:12]
        out += [(c, "lexicon") for c in combos]
    out += _sense_variants(words)
    return list(dict.fromkeys(out))


MAX_SENSES = 8
# a sense that is only a dose form or a route ("TB" → tablet, "cap" → capsule) is in every medication's display:
# it names no drug, so it is never read as one
_FORM_SENSES = frozenset({
    "tablet", "tablets", "capsule", "capsules", "solution", "suspension", "injection", "injectable", "oral", "orally",
    "intravenous", "intravenously", "subcutaneous", "subcutaneously", "intramuscular", "topical", "cream",
    "ointment", "patch", "spray", "inhaler", "inhalation", "syrup", "suppository", "elixir", "drops", "powder",
    "extended", "release", "delayed", "prefilled", "syringe", "vial", "dose", "doses", "unit", "units"})


def _sense_variants(words: list[str]) -> list[tuple[str, str]]:
    """The words with each abbreviation replaced by its senses from the clinical sense inventories
    (``rag_core.terminology``: "afib" → atrial fibrillation, "Ca" → calcium | cancer | carcinoma, "ICD" →
    implantable cardioverter defibrillator | international classification of diseases), most frequent
    first. Which sense is meant is decided by what this chart holds: a sense only matches a recorded name."""
    from rag_core.terminology.drugs import abbreviations

    table = abbreviations()
    options: list[tuple[str, ...]] = []
    changed = False
    for word in words:
        key = word.lower().replace("-", "").rstrip("+")
        senses = table.get(key) if 2 <= len(key) <= 6 else None
        senses = tuple(x for x in senses or () if not set(x.lower().split()) <= _FORM_SENSES)
        if senses:  # a word asked alone: every sense (cheap); inside a phrase: the most frequent
            options.append(tuple(senses if len(words) == 1 else senses[:MAX_SENSES]))
            changed = True
        else:
            options.append((word,))
    if not changed:
        return []
    combos = [""]
    for choice in options:
        combos = [f"{c} {o}".strip() for c in combos for o in choice][:8 * MAX_SENSES]
    return [(c, "abbreviation") for c in combos]


def _sense_named(words: list[str], groups: Sequence[list[str]], topics_of: dict[str, list[str]]
                 ) -> tuple[list[str], str] | None:
    """A lone abbreviation ("ICD", "AICD") the team lexicon does not define and no recorded name spells out,
    read through the sense inventories against the recorded names (preferred topics first): a name holding a
    sense's words, or a shorter device name every core word of which a sense holds ("Implantable defibrillator,
    device" for "automatic implantable cardioverter defibrillator"; two words at least). Initials of a recorded
    name ("Insertion of intrauterine contraceptive device" → ICD) come after a sense, not before. A drug class
    the terminology reads ("PPI") is left to it."""
    from rag_core.terminology.drugs import abbreviations, drugs

    if len(words) != 1:
        return None
    key = words[0].lower()
    senses = (abbreviations().get(key, ()) if 2 <= len(key) <= 6 and key not in lexicon() and key not in _SYNONYMS
              else ())
    if not senses or drugs().resolve_class(key) is not None:
        return None
    devices = {n for group in groups for n in group if "device" in topics_of[n]}
    for group in groups:
        if any(key in _name_parts(n)[0] for n in group):
            return None  # a name writes the abbreviation itself: the ordinary match reads it
        readings: dict[tuple[str, ...], str] = {}
        for sense in senses:
            s_core = core(tokens(sense))
            found = [n for n in group if len(s_core) >= 2 and (s_core <= set(_name_parts(n)[0]) or (
                n in devices and len(_device_core(n)) >= 2 and _device_core(n) <= s_core))]
            if found:
                readings.setdefault(tuple(found), sense)
        if not readings:
            continue
        senses_read = list(readings.values())
        head = core(tokens(senses_read[0]))
        if any(not head & core(tokens(other)) for other in senses_read[1:]):
            return None  # "cp" with chest pain and cerebral palsy both recorded: not this step's to choose
        # senses of one meaning ("implantable cardiac / cardioverter defibrillator"): every name they read
        return sorted({n for found_names in readings for n in found_names}), senses_read[0]
    return None


_DEVICE_WORDS = frozenset({"device", "system", "unit"})


def _device_core(name: str) -> set[str]:
    return core(_name_parts(name)[0]) - _DEVICE_WORDS


# --------------------------------------------------------------------------- analytes


_BRACKET = re.compile(r"\s*\[[^\]]*\].*$")
_SPECIMEN_TAIL = re.compile(r"\s+(?:in|of)\s+(?:serum|plasma|blood|urine|arterial|venous|capillary|platelet)\b.*$", re.I)


_OTHER_SPECIMENS = ("urine", "csf", "cerebrospinal", "stool", "feces", "saliva", "sputum", "pleural", "synovial")


def analyte(name: str) -> str:
    """The component a LOINC-style name measures, and in what kind of specimen: "Potassium [Moles/volume]
    in Serum or Plasma", "Potassium … in Blood" and "Potassium" are all "potassium" (blood, serum and
    plasma are one analyte); "Creatinine … in Urine" is "creatinine|urine", another measurement."""
    lowered = name.lower()
    specimen = next((s for s in _OTHER_SPECIMENS if re.search(rf"\b{s}\b", lowered)), None)
    text = _BRACKET.sub("", name)
    text = _SPECIMEN_TAIL.sub("", text)
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r",\s*total\b|\btotal\s+", " ", text, flags=re.I)
    component = " ".join(tokens(text))
    return f"{component}|{specimen}" if specimen else component


def _property_excluded(name: str, asked: str) -> bool:
    """Percentiles and presence tests are other measurements of the same component."""
    lowered = name.lower()
    return any(p in lowered and p not in asked.lower() for p in ("percentile", "presence", "per age"))


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class VocabularyEntry:
    name: str
    topic: str  # rag_core.kinds.topics name
    codes: tuple[str, ...] = ()  # the ICD-10-CM codes a Condition was recorded with under this name


@dataclass(frozen=True)
class Resolution:
    names: tuple[str, ...]
    topic: str
    score: float
    how: str  # exact | lexicon | typo | brand | class
    phrase: str  # the words of the question that were resolved
    label: str | None = None  # what the words were read as, when a terminology read them ("the drug class …")


# A concept found only under another topic than the question's words name ("glucose values" finding only a
# urine glucose screening procedure) must be a tight match ("history of colonoscopy" → the procedure).
CROSS_TOPIC_SCORE = 0.9
def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count one), or ``limit + 1`` once beyond it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=65536)
def _name_words(name: str) -> frozenset[str]:
    """A recorded name's words, lower-cased, its tag left out (read once per name: names repeat across questions)."""
    return frozenset(_WORD.findall(untagged(name).lower()))


def _typo_fixed(words: list[str], known: set[str], procedure_words: set[str] | frozenset[str] = frozenset(),
                procedure_all: set[str] | frozenset[str] = frozenset(),
                named: Sequence[frozenset[str]] = ()) -> list[str] | None:
    """Words neither recorded nor in the lexicon, corrected to the one recorded word within one edit (two
    for words of 7+ letters no medical vocabulary holds); a word with no such neighbour, or with several, stays
    as asked. A three-letter word is corrected only beside the rest of a recorded name (``named``: each name's
    words): "folic acd" is the recorded "folic acid", where "acd" alone has many neighbours."""
    fixed: list[str] = []
    changed = False
    for word in words:
        low = word.lower()
        if len(low) == 3 and low.isalpha() and low not in known and low not in lexicon() and named:
            rest = {w.lower() for w in words if w.lower() != low}
            close = sorted({k for name in named if rest and rest <= name for k in name
                            if k not in rest and k[0] == low[0] and len(k) >= 4 and edit_distance(low, k, 1) <= 1})
            # (a word of four letters or more: "ige" is never the recorded "IgG", "hcv" never "HIV")
            if len(close) == 1:  # ("acd" beside "folic": only "acid" of a folic acid name is one edit away)
                fixed.append(close[0])
                changed = True
                continue
        if low in known or low in lexicon() or len(low) < 4 or low[0].isdigit():
            fixed.append(word)
            continue
        noun = _action_noun(low, procedure_words)  # a procedure's name only: "medicated" is no medication review
        noun = noun or _verb_base(low, procedure_all)
        if noun:  # "cardioverted" → the recorded "cardioversion"; "banded" → the recorded "band" (ligation)
            fixed.append(noun)
            changed = True
            continue
        # a medical word is spelled as meant, one slip at most ("amputation" is no "mutation" the chart holds), and a
        # word is never its own plural ("knee" is not a slip of the recorded "knees")
        limit = 2 if len(low) >= 7 and low not in _medical_words() else 1
        close = sorted({k for k in difflib.get_close_matches(low, sorted(known), n=5, cutoff=0.6)
                        if edit_distance(low, k, limit) <= limit and tokens(k) != tokens(low)})
        if len(close) == 1:
            fixed.append(close[0])
            changed = True
        else:
            fixed.append(word)
    return fixed if changed else None


def _verb_base(word: str, known: set[str] | frozenset[str]) -> str | None:
    """A verb form whose base is a word of this chart's procedure names ("banded" → band ligation, "stented" →
    stent, "biopsied" → biopsy, "clipped" → clip), 4 letters at least — never of a device or a finding ("smoked" is
    no smoke detector)."""
    if not word.endswith(("ed", "ing")) or len(word) < 6:
        return None
    base = word[: -3 if word.endswith("ing") else -2]
    tries = [base, base + "e", base[:-1] + "y" if base.endswith("i") else "",
             base[:-1] if len(base) > 2 and base[-1] == base[-2] else ""]
    return next((t for t in tries if len(t) >= 4 and t in known), None)


def _action_noun(word: str, known: set[str] | frozenset[str]) -> str | None:
    """A verb form of a procedure's name ("cardioverted", "intubated", "transfused", "catheterized") → the one
    recorded noun that shares its stem (7 letters at least) and ends as an action noun (-ion, -sis, -y)."""
    if not word.endswith(("ed", "ing")) or len(word) < 8:
        return None
    base = word[: -3 if word.endswith("ing") else -2]
    stem = base[: max(7, len(base) - 2)]
    found = sorted(k for k in known if k.startswith(stem) and k.endswith(("ion", "sis", "y")) and k != word)
    return found[0] if len(found) == 1 else None


def _normal(text: str) -> str:
    return " " + " ".join(_TOKEN.findall(text.lower())) + " "


def literal_names(question: str, words: list[str], names: Sequence[str]) -> list[str]:
    """Recorded names written out in full in the question ("History of cardiac arrest (situation)"), longest
    first, when they cover every distinguishing word the question asks about."""
    asked = _normal(question)
    wanted = set(_TOKEN.findall(" ".join(words).lower())) - _SOFT
    found = [n for n in names if len(n) >= 4 and _normal(n) in asked and wanted <= set(_TOKEN.findall(n.lower()))]
    if not found:
        return []
    longest = max(len(_normal(n)) for n in found)
    return [n for n in found if len(_normal(n)) == longest]


def resolve_concept(
    phrase: str,
    vocabulary: Sequence[VocabularyEntry],
    prefer: Sequence[str] = (),
    question: str | None = None,
) -> Resolution | None:
    """The patient's recorded concepts ``phrase`` names, or None. ``prefer``: topics the question's
    words point at, tried first (a name recorded under several topics goes to the preferred one);
    ``question``: the words as asked, where a recorded name written out in full wins. Medications found are
    joined by the same drug under its other displays and by the brands whose ingredient the words name."""
    found = _resolve_concept(phrase, vocabulary, prefer, question)
    if found is None or not found.names or found.topic != "medication":
        return found
    medications = sorted({e.name for e in vocabulary if e.topic == "medication"})
    more = _by_ingredient_words(concept_words(phrase), medications) | _same_drug(found.names, medications)
    if more - set(found.names):  # "insulin": the chart's Humalog (insulin lispro); "xarelto": rivaroxaban 10 MG too
        found = replace(found, names=tuple(sorted(set(found.names) | more)))
    return found


def _resolve_concept(
    phrase: str,
    vocabulary: Sequence[VocabularyEntry],
    prefer: Sequence[str] = (),
    question: str | None = None,
) -> Resolution | None:
    words = concept_words(phrase)
    if not words or not vocabulary:
        return None
    names = sorted({e.name for e in vocabulary})
    topics_of: dict[str, list[str]] = {}
    for entry in vocabulary:
        topics_of.setdefault(entry.name, []).append(entry.topic)

    preferred = [n for n in names if set(topics_of[n]) & set(prefer)] if prefer else []
    vaccine_asked = bool(prefer) and prefer[0] == "immunization"
    # a relative's condition answers only a question about the family: never "does she have X"
    own = [n for n in names if set(topics_of[n]) - {"family"} or "family" in prefer]
    if vaccine_asked:  # "pneumonia vax?": a vaccine (or a drug given as a shot), never the pneumonia diagnosed
        own = [n for n in own if set(topics_of[n]) & {"immunization", "medication"}]

    # a plan, goal or report names what it is about ("Post-amputation rehabilitation plan"): the thing itself, when
    # recorded, answers first ("when was the amputation")
    about = {"careplan", "report"}
    thing_set = {n for n in own if set(topics_of[n]) - about}

    def attempt(variants: list[tuple[str, str]], how_override: str | None = None,
                tiers: Sequence[tuple[list[str], float]] | None = None) -> Resolution | None:
        if tiers is None:
            tiers = ((preferred, 0.0), (own, CROSS_TOPIC_SCORE if prefer else 0.0))
        for group, floor in tiers:
            if not group:
                continue
            for text, how in variants:
                # (each wording: the things it names before the plans and reports about them)
                matches = (match_concepts(text, [n for n in group if n in thing_set], lettered=vaccine_asked)
                           if group is own else [])
                if not matches or matches[0].score < floor:
                    matches = match_concepts(text, group, lettered=vaccine_asked)
                if matches and matches[0].score >= floor:
                    found = [m.concept for m in matches]
                    if how == "lexicon":  # a shorthand's expansions are members of one thing: "tetanus" → Td, Tdap
                        for other, other_how in variants:
                            more = match_concepts(other, group) if other_how == "lexicon" and other != text else []
                            found += [m.concept for m in more if m.score >= floor and m.concept not in found]
                    return _finish(found, matches[0].score, how_override or how, text)
        return None

    def _finish(found: list[str], score: float, how: str, text: str) -> Resolution:
        topic = _topic_for(found, topics_of, prefer)
        found = [n for n in found if topic in topics_of[n]]
        asked = " ".join(words).lower()
        plain = [n for n in found if "|" not in analyte(n) or analyte(n).split("|")[1] in asked]
        found = plain or found  # "creatinine" is the blood test unless urine is asked
        keys = {analyte(n) for n in found}
        same = [n for n in names if topic in topics_of[n] and analyte(n) in keys and n not in found
                and not _property_excluded(n, text)]
        if topic in ("immunization", "careplan"):  # "flu shot": every recorded formulation of that vaccine, not the
            # tightest name; "sugar targets": every goal that says glucose (a goal's name is a sentence)
            wanted = core(tokens(text))
            same += [n for n in names if topic in topics_of[n] and wanted and wanted <= set(_name_parts(n)[0])]
        return Resolution(tuple(sorted(set(found) | set(same))), topic, score, how, text)

    medication_first = bool(prefer) and prefer[0] == "medication"
    medications = [n for n in names if "medication" in topics_of[n]]
    if question:
        # "which blood pressure meds": a medication question reads a written-out name among the medications only
        literal = literal_names(question, words, medications if medication_first else own)
        if literal:
            return _finish(literal, 1.0, "exact", " ".join(words))
    panel = panels().get(" ".join(w.lower() for w in words if w.lower() != "panel").replace(" ", ""))
    if panel:  # a panel names all of its analytes
        found_names: list[str] = []
        for analyte_name in panel:
            matches = match_concepts(analyte_name, [n for n in names if "lab" in topics_of[n]])
            found_names += [m.concept for m in matches if m.concept not in found_names]
        if found_names:
            return _finish(found_names, 1.0, "lexicon", " ".join(words))
    variants = _variants(words)
    against = vaccine_words().get(" ".join(w.lower() for w in words), ()) if prefer and prefer[0] == "immunization" else ()
    if against:  # "did she get the pneumonia shot": every recorded vaccine against it (PPV23, PCV20 …)
        given = [n for n in names if "immunization" in topics_of[n] and any(
            set(_TOKEN.findall(e.lower())) <= set(_TOKEN.findall(n.lower())) for e in against)]
        if given:
            return Resolution(tuple(sorted(given)), "immunization", TERMINOLOGY_SCORE, "lexicon", " ".join(words))
    sensed = _sense_named(words, [preferred, own], topics_of)
    if sensed:  # "ICD": the recorded implantable defibrillator, never the "intrauterine contraceptive device" initials
        return _finish(sensed[0], 1.0, "abbreviation", sensed[1])
    anywhere = lru_cache(maxsize=1)(lambda: attempt(variants))  # the preferred topics, then the others: read once
    if prefer and prefer[0] == "allergy":  # "any ace inhibitor allergy": the recorded allergies to that class
        allergies = [n for n in names if "allergy" in topics_of[n]]
        found = attempt(variants, tiers=((allergies, 0.0),)) or _drug_resolution(
            words, allergies, prefer, topic="allergy")
        if found and found.names:
            return found
        classed = _class_allergies(words, allergies)
        if classed is not None:  # "can she take ibuprofen": the allergy recorded to NSAIDs as a class
            return classed
    if medication_first:  # "bp meds": the class, before a blood-pressure reading
        found = attempt(variants, tiers=((medications, 0.0),)) or _drug_resolution(words, medications, prefer)
        other = anywhere() if found is not None and not found.names and found.how == "brand" else None
        if found and not (other is not None and other.topic == "condition"):  # "take for migraines": the condition
            return found
    found = anywhere()
    # (a relative's conditions group the same way; "… - what was she treated w/" reads the medicines for a group)
    if not prefer or prefer[0] in ("condition", "family") or (prefer[0] == "medication" and "condition" in prefer):
        topic = "family" if prefer and prefer[0] == "family" else "condition"
        coded = {e.name: e.codes for e in vocabulary if e.codes}
        grouped = _condition_group(words, [n for n in names if topic in topics_of[n]], found, prefer, topic, coded)
        if grouped:
            return grouped
    if found:
        return found
    vaccine = _vaccine_named(words, [n for n in names if "immunization" in topics_of[n]])
    if vaccine is not None:  # "shingrix series done?": the brand's vaccine, as this chart records it
        return vaccine
    # (a medication-first question has read the drug terminology already, with the same words)
    drug = (_drug_resolution(words, medications, prefer) if not medication_first and (not prefer or "medication" in prefer)
            else None)
    if drug:
        return drug  # never for a lab or condition question ("digoxin level", "any gi issues")
    if prefer and prefer[0] == "condition":  # "has she had omnicef": a drug's own name, never a class word
        from rag_core.terminology.drugs import drugs

        if drugs().brand(" ".join(words)):
            named = _drug_resolution(words, medications, ["medication"])
            if named is not None and named.names:
                return named
    known = {t for n in names for t in _WORD.findall(n.lower())} | {k for k in lexicon() if len(k) >= 5}
    # the head word of each procedure's name ("Electrical cardioversion", "Medication reconciliation" → reconciliation)
    heads = [_WORD.findall(untagged(n).lower()) for n in names if "procedure" in topics_of[n]]
    procedure_words = {words_of[-1] for words_of in heads if words_of}
    vaccine = _vaccine_named(words, [n for n in names if "immunization" in topics_of[n]], typos=True)
    if vaccine is not None:  # "both shingrex doses": the misspelt brand's vaccine, before a word two edits away
        # ("shingles")
        return replace(vaccine, how="typo")
    procedure_all = {w for words_of in heads for w in words_of}  # every word of a procedure's name ("band")
    name_words = [_name_words(n) for n in names] if len(words) >= 2 else []
    fixed = _typo_fixed(words, known, procedure_words, procedure_all, name_words)
    if fixed:
        found = attempt(_variants(fixed), "typo")
        if found:
            return found

    if prefer and prefer[0] == "lab":  # "lamictal levels", "dilantin level": the drug's level, by its ingredient
        drug_level = _drug_level(words, [n for n in names if "lab" in topics_of[n]], medications)
        if drug_level is not None:
            return drug_level
    misspelt = (_drug_resolution(words, medications, prefer, typos=True)  # "levothyroxin" for a chart's Synthroid
                if not prefer or "medication" in prefer else None)
    if misspelt:
        return misspelt
    asked = fixed or words  # ("sacral debridment": the recorded "debridement", sacral left out)
    part = (_part_named(asked, vocabulary, prefer, known, _head_last(words, question), words)
            if len(words) >= 2 and question is not None else None)
    if part is not None or prefer:
        return part
    # "bb?": no other sense of a multi-sense abbreviation named anything recorded — the class it names, with none of
    # its members recorded, is the answer ("none of this chart's medications is a beta blocker")
    return _drug_resolution(words, medications, prefer, ambiguous=True)


def _drug_level(words: list[str], labs: list[str], medications: list[str]) -> Resolution | None:
    """The recorded results named for the drug a brand (or a misspelt or clipped name) names: "lamictal levels" →
    "Lamotrigine [Mass/volume] in Serum or Plasma"."""
    from rag_core.terminology.drugs import drugs

    phrase = " ".join(words)
    ingredients = drugs().brand(phrase, typos=True, among=medications)
    heads = {i.split()[0].lower() for i in ingredients if len(i.split()[0]) >= 4}
    found = sorted(n for n in labs if heads & set(_WORD.findall(n.lower())))
    if not found:
        return None
    return Resolution(tuple(found), "lab", TERMINOLOGY_SCORE, "brand", phrase, ", ".join(sorted(ingredients)))


_LINKS = frozenset({"in", "for", "at", "on", "w", "with", "during", "after", "before", "from", "of", "to", "since",
                    "while", "when", "per"})


def _head_last(words: list[str], question: str) -> bool:
    """Whether the asked words read as one noun phrase, whose head is its last word ("cardiac stents"), rather than a
    thing and its context joined by a preposition ("tdap in pregnancy", "bhb at the first dka": the first)."""
    said = re.findall(r"[a-z0-9]+", question.lower())
    first, last = words[0].lower(), words[-1].lower()
    if first not in said or last not in said:
        return True
    start = said.index(first)
    end = len(said) - 1 - said[::-1].index(last)
    return not any(w in _LINKS for w in said[start + 1:end])


def _part_named(words: list[str], vocabulary: Sequence[VocabularyEntry], prefer: Sequence[str],
                known: set[str], head_last: bool = True, asked: Sequence[str] = ()) -> Resolution | None:
    """Words that name nothing do not block the words that do ("a1c … since starting insulin"): the longest run
    of the asked words that names a recorded concept, when every word left out is either unknown to medicine
    (not in this chart, the lexicon, the abbreviation inventory, the drug names or the ICD-10-CM titles) or
    names another recorded concept (context, not noise). A medical word the chart does not hold ("A1c" in
    "hemoglobin A1c", "penicillin") is never dropped: that question is about something not recorded."""
    medical = known | _medical_words()
    low = [w.lower() for w in words]
    units = [(i, i + n) for n in (3, 2) for i in range(len(words) - n + 1) if " ".join(low[i:i + n]) in lexicon()]
    if len(words) > MAX_PART_WORDS:
        return None  # a long phrase is a sentence, not a concept with filler (and the search costs grow fast)
    for size in range(len(words) - 1, 0, -1):
        # a noun phrase's head is its last word ("sacral debridement" is a debridement, "cardiac stents" stents): the
        # rightmost run first; a thing and its context ("tdap in pregnancy"): the first
        starts = range(len(words) - size, -1, -1) if head_last else range(len(words) - size + 1)
        for start in starts:
            run, rest = words[start : start + size], words[:start] + words[start + size:]
            if not core([w.lower() for w in run]) - SPECIMENS - report_words() or all(len(w) < 2 for w in run):
                continue  # "ratio", "oral tablet", "urine", "path", the "c" of "hep c": alone they name nothing
            if any(c.isdigit() or len(w) == 1 for w in rest for c in w) or any(w.lower() in SPECIMENS for w in rest):
                continue  # a number, a letter or a specimen says which one ("BMI 30+", "hep c", "urine potassium")
            if any(start < b and a < start + size and not (start <= a and b <= start + size) for a, b in units):
                continue  # a shorthand phrase is one thing: "knee replacement" is never "replacement" with "knee"
            # a word left out must name nothing medical, or name something recorded (under any topic: context)
            studies = [w for w in rest if w.lower() in _study_words()]  # "ekg PR interval": where it was measured
            if any(w.lower() in medical and w.lower() not in report_words() and w not in studies
                   and not _names_recorded(resolve_concept(w, vocabulary, [])) for w in rest):
                continue
            found = resolve_concept(" ".join(run), vocabulary, prefer)
            if found is None or not found.names or (prefer and found.topic not in prefer and prefer[0] != found.topic):
                continue
            if found.topic != "lab" and any(not _names_recorded(resolve_concept(w, vocabulary, [])) for w in studies):
                continue  # a study's name left out only of the measurement it made
            modifiers = [w for w in words[:start] if w.lower() in medical]
            if head_last and modifiers and re.search(r"\s(?:of|in|on)\s", untagged(found.names[0])) and not any(
                    _said_in(w, found.names[0]) for w in modifiers):  # "breast biopsy" is no "Biopsy of skin": a
                return None  # modifier left out only of a name that says no site of its own ("sacral debridement")
                # or says the modifier ("ocrevus infusion": … of ocrelizumab), and never read instead as the thing
                # the question named ("breast" cancer)
            others = [o for o in (resolve_concept(w, vocabulary, []) for w in rest) if _names_recorded(o)]
            if any(o is not None and o.names and o.topic == found.topic for o in others):
                continue  # "breast mass" is not "breast" and "mass": both name the same kind of record
            shown = asked[start : start + size] if len(asked) == len(words) else run  # as typed, where a slip was fixed
            return replace(found, how=f"{found.how}, part", phrase=" ".join(shown))
    return None


MAX_PART_WORDS = 6


def _said_in(word: str, name: str) -> bool:
    """Whether a recorded name says the word: as a word, through a lexicon expansion, or as the drug a brand names."""
    from rag_core.terminology.drugs import drugs

    said = set(tokens(untagged(name)))
    if set(tokens(word)) <= said or any(set(tokens(e)) <= said for e in lexicon().get(word.lower(), ())):
        return True
    table = drugs()
    return bool(table.brand(word) & table.ingredients(name))


@cache
def _terms_of_kind(kind: str) -> frozenset[str]:
    return frozenset(term for term, _, row_kind in _lexicon_rows() if row_kind == kind)


@cache
def _study_words() -> frozenset[str]:
    """Lexicon procedure terms of one word that name a study ("ekg", "echo", "dexa"): where a measurement was made."""
    return frozenset(t for t in _terms_of_kind("procedure") if " " not in t)


def report_words() -> frozenset[str]:
    """Lexicon terms of kind ``report`` ("path"): which of a record's reads is asked ("colonoscopy path"), context."""
    return _terms_of_kind("report")


def _names_recorded(found: Resolution | None) -> bool:
    return found is not None and bool(found.names)


# medical word-building: a word ending so names a procedure or a study even when no table lists it
# (-ectomy excision, -otomy incision, -ostomy opening, -plasty repair, -pexy fixation, -rrhaphy suture,
# -scopy / -graphy looking and imaging; not -gram: "program", "kilogram")
MEDICAL_SUFFIX = re.compile(r"[a-z]{3,}(?:ectomy|otomy|ostomy|plasty|pexy|rrhaphy|scopy|graphy)$")


def is_medical_word(word: str) -> bool:
    low = word.lower()
    return low in _medical_words() or bool(MEDICAL_SUFFIX.match(low))


@cache
def _medical_words() -> frozenset[str]:
    """Words medicine names things with: the lexicon, the abbreviation inventory's short forms, drug names and
    classes, ICD-10-CM titles (lower case, 3+ letters)."""
    from rag_core.terminology.conditions import conditions
    from rag_core.terminology.drugs import abbreviations, drugs

    found = set(lexicon()) | {w for e in lexicon().values() for x in e for w in _WORD.findall(x.lower())}
    found |= {a for a in abbreviations() if len(a) >= 2}
    table = drugs()
    found |= {w for k in table.names for w in k} | {w for k in table.by_words for w in k}
    found |= {w for title in conditions().title.values() for w in _WORD.findall(title.lower())}
    return frozenset(w for w in found if len(w) >= 3 or w in abbreviations())


# A drug class or a drug name resolved through the terminology: a little below a name written out in full.
TERMINOLOGY_SCORE = 0.9
# Resolutions read through a terminology (a class, a brand, a condition group, an indication): they may hold
# several recorded concepts, answered one by one, and their absence is itself the answer (no search fallback).
TERMINOLOGY_READINGS = frozenset({"class", "brand", "group", "indication"})


def _by_ingredient_words(words: list[str], medications: list[str]) -> set[str]:
    """The recorded medications one of whose ingredients (``rag_core.terminology.drugs``: a brand's
    ingredient) holds every distinguishing word asked ("insulin" → "Humalog …", whose ingredient is insulin
    lispro)."""
    from rag_core.terminology.drugs import MEDICATION_WORDS, drugs

    table = drugs()
    wanted = {w.lower() for w in words} - _SOFT - MEDICATION_WORDS
    if not wanted:
        return set()
    return {n for n in medications if any(wanted <= set(_TOKEN.findall(i.lower())) for i in table.ingredients(n))}


# how a vaccine is made: a recorded vaccine of another make is another vaccine (polysaccharide vs conjugate)
_VACCINE_MAKES = frozenset({"conjugate", "polysaccharide", "recombinant", "live", "inactivated", "attenuated", "mrna",
                            "adjuvanted", "toxoid"})


def _vaccine_named(words: list[str], immunizations: list[str], typos: bool = False) -> Resolution | None:
    """A vaccine's brand ("Shingrix" → recombinant zoster (shingles) vaccine, from the drug names) → the recorded
    immunizations naming its antigen ("zoster") and no other make than its own ("zoster vaccine recombinant";
    never "zoster vaccine live" for Shingrix, never a conjugate for a polysaccharide)."""
    from rag_core.terminology.drugs import drugs

    if not immunizations:
        return None
    best: tuple[int, str, list[str]] | None = None
    for ingredient in sorted(drugs().brand(" ".join(words), typos=typos)):
        tokens = set(_TOKEN.findall(ingredient.lower()))
        if "vaccine" not in tokens and "vaccines" not in tokens:
            continue
        makes = tokens & _VACCINE_MAKES
        antigen = {w for w in tokens if len(w) >= 4} - _SOFT - _VACCINE_MAKES - {"vaccine", "vaccines"}
        found = []
        for name in immunizations:
            held = set(_TOKEN.findall(name.lower()))
            if antigen & held and not (held & _VACCINE_MAKES) - makes:
                found.append(name)
        score = max((len(antigen & set(_TOKEN.findall(n.lower()))) for n in found), default=0)
        if found and (best is None or score > best[0]):
            best = (score, ingredient, found)
    if best is None:
        return None
    return Resolution(tuple(sorted(best[2])), "immunization", TERMINOLOGY_SCORE, "brand", " ".join(words), best[1])


def _same_drug(names: Sequence[str], medications: list[str]) -> set[str]:
    """The recorded medications with exactly the ingredients, salt and dose form of ``names`` under another
    display ("rivaroxaban 10 MG Oral Tablet" beside "rivaroxaban 20 MG Oral Tablet [Xarelto]"): the same drug,
    ordered again at another strength or under its brand."""
    from rag_core.terminology.drugs import drugs

    table = drugs()
    wanted = {(table.ingredients(n), _dose_form(n)) for n in names if table.ingredients(n)}
    return {n for n in medications if (table.ingredients(n), _dose_form(n)) in wanted}


_STRENGTH = re.compile(r"\[[^\]]*\]|\b\d+(?:\.\d+)?\b|\b(?:mg|ml|mcg|unt|units?|meq|hr|actuat|dose|%)\b", re.I)


def _dose_form(display: str) -> frozenset[str]:
    """A medication's display without strengths, units and brand: its ingredient words, salt and dose form
    ("metoprolol succinate … extended release oral tablet" is not "metoprolol tartrate … oral tablet")."""
    return frozenset(_TOKEN.findall(_STRENGTH.sub(" ", display.lower())))


def _drug_resolution(words: list[str], medications: list[str], prefer: Sequence[str],
                     typos: bool = False, topic: str = "medication", ambiguous: bool = False) -> Resolution | None:
    """A brand or other name of a drug ("Eliquis" → apixaban) or a drug class ("statin", "blood thinners",
    "abx", "ACE inhibitor") → the patient's recorded medications with that ingredient or in that class
    (``rag_core.terminology.drugs``). When none is recorded the resolution is empty but says what was looked
    for, so the answer is "none of this chart's medications is a …", not "nothing matches 'statin'"."""
    from rag_core.terminology.drugs import drugs  # loaded on first use (≈0.1 s)

    table = drugs()
    phrase = " ".join(words)
    asked_medication = bool(prefer) and prefer[0] in ("medication", "allergy")
    ingredients = table.brand(phrase, typos, medications if typos else ())
    if not typos and ingredients and not table.with_ingredients(ingredients, medications):
        query = table.resolve_class(phrase, asked_medication)  # "dm meds": diabetes medicines, not dextromethorphan
        members = table.members(query, medications) if query is not None else []
        if query is not None and (members or query.how != "abbreviation"):
            return Resolution(tuple(sorted(members)), topic, TERMINOLOGY_SCORE, "class", phrase,
                              f"in the drug class {query.label}")
    if typos:  # the last step: a misspelt drug or class name, once the patient's own words have not matched it
        if ingredients:
            found = table.with_ingredients(ingredients, medications)
            return Resolution(tuple(sorted(found)), topic, TERMINOLOGY_SCORE, "typo", phrase,
                              ", ".join(sorted(ingredients))) if found else None
        query = table.resolve_class(phrase, asked_medication, typos=True)
        if query is None or query.how != "typo":
            return None
        return Resolution(tuple(sorted(table.members(query, medications))), topic, TERMINOLOGY_SCORE, "class",
                          phrase, f"in the drug class {query.label}")
    if ingredients:
        found = table.with_ingredients(ingredients, medications)
        if found or asked_medication:
            label = ", ".join(sorted(ingredients))
            return Resolution(tuple(sorted(found)), topic, TERMINOLOGY_SCORE, "brand", phrase, label)
    query = table.resolve_class(phrase, asked_medication)
    if query is None:
        return None
    if query.how == "abbreviation" and len(words) > 1 and not prefer and several_senses(words) and any(
            w.lower() not in table.class_words and not several_senses([w]) for w in words):
        return None  # "hcv ab", "hep b ab": a multi-sense abbreviation beside words no class name holds, no medicine
        # asked, is read by those words (an antibody), never as a drug class ("ace inhibitor" is one)
    found = table.members(query, medications)
    if not found and not prefer and not ambiguous and query.how == "abbreviation" and several_senses(words):
        return None  # "how was the af picked up": no antifungal recorded; the words may name atrial fibrillation
        # (read last, once nothing else is: ``ambiguous``)
    return Resolution(tuple(sorted(found)), topic, TERMINOLOGY_SCORE, "class", phrase,
                      f"in the drug class {query.label}")


def _class_allergies(words: list[str], allergies: list[str]) -> Resolution | None:
    """The allergies recorded as a drug class the asked drug belongs to ("ibuprofen" → an allergy recorded as
    "Nonsteroidal anti-inflammatory agent"), read by the drug terminology; None when none is."""
    from rag_core.terminology.drugs import drugs

    table = drugs()
    phrase = " ".join(words)
    asked = table.resolve_class(phrase, True)  # "can she take an nsaid": the class asked, an allergy to that class
    if not table.brand(phrase):
        fixed = sorted(table.brand(phrase, typos=True))  # "ibuprofin"
        if len(fixed) == 1:
            phrase = fixed[0]
        elif asked is None:
            return None
    def epc(name: str) -> set[str]:  # the FDA Established Pharmacologic Classes (never a mechanism many share)
        return {c for c in table.class_ids(name) if c in table.classes and table.classes[c].type == "EPC"
                and table.classes[c].source == "FDA"}

    asked_classes = epc(phrase)
    found = []
    for allergy in allergies:
        query = table.resolve_class(allergy, True)
        if query is not None and asked is not None and query.label == asked.label:
            found.append(allergy)
            continue
        # the allergy's own words name the class ("ACE inhibitor"), never a broader reading of them ("Beta lactam
        # antibiotic" is no allergy to every antibacterial); or the allergy is to a drug of the same FDA class
        # ("Penicillin V" for amoxicillin)
        own_class = query is not None and bool(
            set(_TOKEN.findall(query.label.lower())) & set(_TOKEN.findall(allergy.lower()))) and bool(
            table.members(query, [phrase]))
        if own_class or asked_classes & epc(allergy):
            found.append(allergy)
    return Resolution(tuple(sorted(found)), "allergy", TERMINOLOGY_SCORE, "class", phrase) if found else None


def several_senses(words: list[str]) -> bool:
    """Whether one of the words is an abbreviation the inventories give more than one sense ("af", "bb")."""
    from rag_core.terminology.drugs import abbreviations

    return any(len(abbreviations().get(w.lower(), ())) > 1 for w in words)


def _condition_group(words: list[str], conditions_recorded: list[str], found: Resolution | None,
                     prefer: Sequence[str] = (), topic: str = "condition",
                     coded: Mapping[str, Sequence[str]] | None = None) -> Resolution | None:
    """A group of conditions ("any heart problems", "cancer", "kidney disease", "infections") → the patient's
    recorded conditions ICD-10-CM places in that chapter or block (``rag_core.terminology.conditions``), with
    any condition the words name outright. Nothing in the group: an empty resolution saying what was looked
    for, unless the words named something recorded outright."""
    from rag_core.terminology.conditions import conditions

    table = conditions()
    query = table.resolve_group(" ".join(words))
    if query is None or (query.by_term and found is not None and found.names):
        return None  # "ejection fraction" is the measurement recorded, not the heart failure a term mentions
    members = table.members(query, conditions_recorded, coded)
    named = list(found.names) if found is not None and found.topic == topic else []
    if not members:
        if found is not None and (found.topic == topic or not prefer):
            return None  # the words name a recorded concept: that is the answer
        # a condition question ("hx of ca?") is not answered by another topic's record (the calcium result)
        return Resolution((), topic, TERMINOLOGY_SCORE, "group", " ".join(words),
                          f"in the ICD-10-CM group {query.label}")
    return Resolution(tuple(sorted(set(members) | set(named))), topic, TERMINOLOGY_SCORE, "group",
                      " ".join(words), f"in the ICD-10-CM group {query.label}")


def _topic_for(found: list[str], topics_of: dict[str, list[str]], prefer: Sequence[str]) -> str:
    counts: dict[str, int] = {}
    for name in found:
        for topic in topics_of[name]:
            counts[topic] = counts.get(topic, 0) + 1
    for topic in prefer:
        if topic in counts:
            return topic
    # a name recorded as a device and as a procedure ("insulin pump"): the device is what is asked about
    order = ("lab", "condition", "medication", "device", "procedure", "immunization", "allergy", "careplan", "family",
             "report")
    return sorted(counts, key=lambda t: (-counts[t], order.index(t) if t in order else 99))[0]

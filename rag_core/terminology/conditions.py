"""Condition groups: which of THIS patient's recorded conditions "any heart problems", "cancer", "kidney
disease" or "infections" mean — read from the ICD-10-CM classification (``icd10cm.tsv``: chapters, blocks,
categories and subcategories with their titles; CMS/NCHS, public domain).

* A group asked about is resolved without the patient: the asked words (lay words through
  ``condition_lay_names.tsv``) against the titles of ICD-10-CM chapters, then blocks ("heart" → Ischemic heart
  diseases, Other forms of heart disease …; "infection" → Certain infectious and parasitic diseases).
* A recorded condition is placed in the classification by its display: the category or subcategory whose
  title shares the most informative words with it (words weighed by how rare they are among titles), when
  the shared words carry most of the display's weight. SNOMED CT → ICD-10-CM maps would place it by code;
  none with an open licence could be reached, so the title match is the step, and it is tested.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from rag_core.terminology.tables import rows

_WORD = re.compile(r"[a-z]+")  # single letters too: "Q fever" is not "Fever", "Hepatitis B" not "Hepatitis A"
# Words of titles and displays that place nothing ("Other disorders of …", "(disorder)", "unspecified")
_SOFT = frozenset({
    "disorder", "disorders", "disease", "diseases", "finding", "situation", "other", "and", "of", "the", "in", "with",
    "without", "unspecified", "specified", "not", "elsewhere", "classified", "certain", "due", "to", "or", "by",
    "for", "as", "at", "on", "site", "type", "problem", "problems", "condition", "conditions", "history", "any",
    "issue", "issues", "trouble", "health",
})
MIN_SHARE = 0.6  # of a display's word weight the best title must share to place it
# lay words that name a disease (not a body system): read as ICD-10-CM's words in recorded displays too
_DISEASE_WORDS = frozenset({"cancer", "carcinoma", "adenocarcinoma", "malignancy", "tumor", "tumour"})


def stem(word: str) -> str:
    """Plural and adjective endings folded, so "infections" meets "infectious" and "kidneys" "kidney"."""
    for suffix in ("ious", "ions", "ion", "ies", "ous", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def keywords(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _SOFT]


# words a chapter or block title uses that name no group on their own ("smoking status", "what sx")
_GENERIC = frozenset(stem(w) for w in (
    "status", "factors", "influencing", "contact", "services", "encounter", "symptoms", "signs", "findings",
    "abnormal", "complications", "care", "examination", "persons", "external", "causes"))


# words of a title that set a context the display must say too: "Aortic valve stenosis" is not Q23.0 Congenital
# stenosis of aortic valve, whatever the word weights
_CONTEXT_WORDS = frozenset(stem(w) for w in (
    "congenital", "newborn", "neonatal", "perinatal", "fetus", "pregnancy", "childbirth", "puerperium",
    "postprocedural", "intraoperative", "maternal", "fetal", "labor", "delivery", "complicating"))


def _negated(title: str, reading: list[str]) -> bool:
    """Whether the title says an asked word only after "without" ("Osteoporosis without current pathological
    fracture" is no fracture)."""
    _, said, after = title.lower().partition(" without ")
    return bool(said) and bool(set(reading) & set(keywords(after))) and not set(reading) & set(keywords(
        title.lower().partition(" without ")[0]))


@dataclass(frozen=True)
class Group:
    code: str  # "chapter 9", "I30-I5A"
    title: str


@dataclass(frozen=True)
class GroupQuery:
    groups: tuple[Group, ...]
    phrase: str
    by_term: bool = False  # found through inclusion terms, not titles: never over a concept the words name outright

    @property
    def label(self) -> str:
        return "; ".join(re.sub(r"\s*\([A-Z0-9.\-]+\)$", "", g.title) for g in self.groups[:3]) + (
            f" (+{len(self.groups) - 3} more)" if len(self.groups) > 3 else "")


class ConditionTerminology:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.title: dict[str, str] = {}
        self.level: dict[str, str] = {}
        table = list(rows("icd10cm.tsv"))
        # a block of one category ("C50 Malignant neoplasms of breast") shares the category's code: kept apart
        # as "C50-C50", so that the category's parent is the block, not itself
        single = {r["code"] for r in table if r["level"] == "block" and "-" not in r["code"]}
        for row in table:
            code, parent = row["code"], row["parent"]
            if row["level"] == "block" and code in single:
                code = f"{code}-{code}"
            if row["level"] == "category" and parent in single:
                parent = f"{parent}-{parent}"
            self.parent[code] = parent
            self.title[code] = row["title"]
            self.level[code] = row["level"]
        # the tabular list's order of categories: a block's range is read in it ("C7A" sits after C75, not in C76-C80)
        self.order = {c: i for i, (c, lv) in enumerate(self.level.items()) if lv == "category"}
        self.chapters = [c for c, lv in self.level.items() if lv == "chapter"]
        self.blocks = [c for c, lv in self.level.items() if lv == "block"]
        # categories of diseases, not of findings, external causes or encounters (R, V–Y, Z, U): "cancer screening"
        # is a Z-code encounter, not a cancer
        self.categories = [c for c, lv in self.level.items() if lv == "category" and c[:1] not in "RVWXYZU"]
        coded = [c for c, lv in self.level.items() if lv in ("category", "subcategory")]
        self.words_of = {c: set(keywords(self.title[c])) for c in coded}
        # a chapter's or block's title without its trailing code range ("… tumors (C7A)": no "c", "a")
        self.title_words = {c: frozenset(keywords(re.sub(r"\s*\([A-Z0-9.\-]+\)$", "", self.title[c])))
                            for c in [*self.chapters, *self.blocks, *coded]}
        frequency = Counter(w for ws in self.words_of.values() for w in ws)
        self.idf = {w: math.log(len(coded) / n) for w, n in frequency.items()}
        self.with_word: dict[str, list[str]] = defaultdict(list)
        for code, ws in self.words_of.items():
            for w in ws:
                self.with_word[w].append(code)
        # the other names the tabular list gives a category ("sinus infection" is included in J32 Chronic
        # sinusitis; "acute infection of sinus" in J01): read for a group the titles do not name
        self.term_codes: dict[str, set[str]] = defaultdict(set)
        self.terms_of: dict[str, list[frozenset[str]]] = defaultdict(list)
        for row in rows("icd10cm_terms.tsv"):
            category = row["code"][:3]
            if category not in self.level or category[:1] in "RVWXYZU":  # diseases, as for ``categories``
                continue
            words = frozenset(keywords(row["term"]))
            if words:
                self.terms_of[category].append(words)
                for w in words:
                    self.term_codes[w].add(category)
        self.lay: dict[tuple[str, ...], tuple[str, ...]] = {}
        for row in rows("condition_lay_names.tsv"):
            self.lay[tuple(keywords(row["term"]))] = tuple(keywords(row["means"]))

    # ------------------------------------------------------------------ what a question's words name

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one process-wide instance (``conditions()``)
    def resolve_group(self, phrase: str) -> GroupQuery | None:
        """The chapters (else blocks) whose titles hold every asked word: "heart", "kidney", "cancer"."""
        asked = keywords(phrase)
        if not asked or len(asked) > 3 or re.search(r"[a-z]\d|\d[a-z]", phrase.lower()):
            return None  # "a1c", "b12": a test's name, not a group's words
        if all(w in _GENERIC for w in asked):
            return None  # "status", "symptoms": words every kind of title uses, naming no group
        for reading in self._readings(asked):
            # a three-character category only for words read through a lay word or an abbreviation ("breast ca");
            # "heart failure" as asked is a concept, not a group
            read = reading != asked
            levels = (self.chapters, self.blocks, self.categories) if read else (self.chapters, self.blocks)
            for level in levels:  # "breast ca": the category Malignant neoplasm of breast
                found = [Group(c, self.title[c]) for c in level if set(reading) <= self.title_words[c]
                         and not (self.title_words[c] & _CONTEXT_WORDS) - set(reading)
                         and not (read and level is self.blocks and self._one_category(c))
                         and not _negated(self.title[c], reading)]
                if found:
                    return GroupQuery(tuple(found), " ".join(reading))
        for reading in self._readings(asked):  # "sinus infection": the categories whose inclusion terms say it
            if len(reading) < 2 or any(set(reading) <= self.words_of[c] for c in self.with_word.get(reading[0], ())):
                continue  # one word ("infection") is in too many terms; a title's words ("heart failure") name a concept
            codes = set.intersection(*(self.term_codes.get(w, set()) for w in reading))
            found = [Group(c, self.title[c]) for c in sorted(codes, key=lambda c: self.order.get(c, 0))
                     if any(set(reading) <= t for t in self.terms_of[c])
                     and not (self.title_words[c] & _CONTEXT_WORDS) - set(reading)]
            if found:
                return GroupQuery(tuple(found), " ".join(reading), by_term=True)
        return None

    def _one_category(self, block: str) -> bool:
        """A block of one category ("M97-M97"): for words read through a lay word it is that category, found with
        the other categories — "broken bone" is every fracture category, not the one block that says fracture."""
        low, _, high = block.partition("-")
        return low == high

    def _readings(self, asked: list[str]) -> list[list[str]]:
        """The words as asked, the phrase's lay reading, then each word's: a lay word ("cancer" → neoplasms) or an
        abbreviation whose sense is a lay word ("breast ca" → breast neoplasms)."""
        from rag_core.terminology.drugs import abbreviations

        out = [list(self.lay.get(tuple(asked), asked))]
        per_word: list[str] = []
        for word in asked:
            options = [self.lay.get((word,))] + [self.lay.get(tuple(keywords(s))) for s in abbreviations().get(word, ())]
            chosen = next((o for o in options if o), None)
            per_word += list(chosen) if chosen else [word]
        out += [per_word, asked]
        return [list(r) for r in dict.fromkeys(tuple(r) for r in out)]

    # ------------------------------------------------------------------ where a recorded condition sits

    @cache  # noqa: B019 - one process-wide instance (``conditions()``); displays are few and repeat
    def place(self, display: str) -> tuple[str, ...]:
        """The codes above a recorded condition in ICD-10-CM (subcategory → category → block → chapter), or ()."""
        words = set(keywords(display))
        for word in list(words):  # "carcinoma of prostate", "prostate cancer": ICD-10-CM says malignant neoplasm
            if word in _DISEASE_WORDS:
                words = (words - {word}) | set(self.lay.get((word,), (word,)))
        rarest = max(self.idf.values())
        weight = sum(self.idf.get(w, rarest) for w in words)  # a word no title has counts against the match
        if not words or weight == 0:
            return ()
        candidates = {c for w in words for c in self.with_word.get(w, ())
                      if not (self.words_of[c] & _CONTEXT_WORDS) - words}  # never congenital unless said
        best, best_score = None, 0.0
        for code in sorted(candidates):  # ties broken the same way in every process
            shared = words & self.words_of[code]
            score = sum(self.idf[w] for w in shared)
            extra = sum(self.idf[w] for w in self.words_of[code] - words)
            key = score - 0.1 * extra
            if score / weight >= MIN_SHARE and key > best_score:
                best, best_score = code, key
        if best is None:
            return ()
        chain = [best]
        while self.parent.get(chain[-1]) and self.parent[chain[-1]] not in chain:  # a block may share its code
            chain.append(self.parent[chain[-1]])
        return tuple(chain)

    def chain(self, code: str) -> tuple[str, ...]:
        """A recorded ICD-10-CM code and the codes above it (S72.002A → S72.00 … S72 → its block → its chapter), or
        () when the tabular list does not hold it."""
        at = code.strip().upper()
        while at and at not in self.level:
            at = at[:-1].rstrip(".")  # the tabular list stops at the subcategory a seventh character extends
        if len(at) < 3:
            return ()
        found = [at]
        while self.parent.get(found[-1]) and self.parent[found[-1]] not in found:
            found.append(self.parent[found[-1]])
        return tuple(found)

    def members(self, query: GroupQuery, names: Sequence[str],
                coded: Mapping[str, Sequence[str]] | None = None) -> list[str]:
        """The recorded ``names`` placed in an asked group: on its chain of parents, or inside a block's code
        range (C50 is inside C00-C96, a block of blocks that ICD-10-CM files beside them, not above them).
        ``coded``: the ICD-10-CM codes a name was recorded with, placed as coded (a display in the clinician's
        words, "Acute kidney injury (prerenal) from high-output ileostomy", is N17.9 as recorded)."""
        wanted = {g.code for g in query.groups}
        ranges = [(self.order[low], self.order[high]) for low, high in (code.split("-") for code in wanted if "-" in code)
                  if low in self.order and high in self.order]

        def inside(code: str) -> bool:
            at = self.order.get(code[:3])
            return self.level.get(code) in ("category", "subcategory") and at is not None and any(
                low <= at <= high for low, high in ranges)

        def places(name: str) -> set[str]:
            return {*self.place(name), *(c for code in (coded or {}).get(name, ()) for c in self.chain(code))}

        return [n for n in names if wanted & (at := places(n)) or any(inside(c) for c in at)]


@cache
def conditions() -> ConditionTerminology:
    return ConditionTerminology()

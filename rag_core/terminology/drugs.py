"""Drug classes and drug names: which of THIS patient's recorded medications a class or a brand name means.

* ``drug_classes.tsv`` (DrugCentral: FDA Established Pharmacologic Class and Mechanism of Action, MeSH
  Pharmacological Action, ChEBI roles): ingredient → classes.
* ``drug_names.tsv`` (drug-named-entity-recognition: MedlinePlus, NHS, DrugBank, Wikipedia names): brand and
  other names → ingredient.
* ``class_lay_names.tsv``: lay names of classes ("blood thinner", "water pill").
* ``abbreviations.tsv``: clinical abbreviation senses ("abx" → antibiotics, "ACE" → angiotensin-converting
  enzyme).

A class asked about is resolved without the patient first (``resolve_class``: lay name → class name →
the stem its members' names share → abbreviation senses of the same), then matched to the patient's
recorded medications by their ingredients (``members``): class membership is read from the ingredient,
never from how similar two names look.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rag_core.terminology.near import NearWords
from rag_core.terminology.tables import rows

_WORD = re.compile(r"[a-z][a-z0-9]*|\d+(?:\.\d+)?")
# Words that say "a medication" without naming which ("bp meds", "statin therapy", "any abx tx").
MEDICATION_WORDS = frozenset({
    "med", "meds", "medication", "medications", "medicine", "medicines", "drug", "drugs", "pill", "pills",
    "tablet", "tablets", "therapy", "treatment", "tx", "rx", "agent", "agents", "script", "scripts",
    "prescription", "prescriptions",
})
_FILLER = frozenset({"a", "an", "any", "the", "some", "on", "of", "type", "kind", "class", "his", "her", "their",
                     "for", "taking", "take", "use", "using", "pt", "patient", "currently", "ever", "still"})
# A class name's words that do not distinguish it ("Anticoagulants" = "anticoagulant drug")
_CLASS_SOFT = frozenset({"agent", "agents", "drug", "drugs", "compound", "compounds", "substance"})
MIN_STEM = 5  # letters a member-name stem needs ("statin", "pril" is too short to trust alone)


def words(text: str) -> list[str]:
    """Lower-case words with hyphens split and plurals folded ("Anti-Bacterial Agents" → anti, bacterial, agent)."""
    out = []
    for word in _WORD.findall(text.lower().replace("-", " ")):
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        out.append(word)
    return out


@dataclass(frozen=True)
class DrugClass:
    id: str
    name: str
    source: str  # FDA | MeSH | CHEBI
    type: str  # EPC | MoA | PA | role
    members: frozenset[str]  # ingredients


@dataclass(frozen=True)
class ClassQuery:
    """A class a question asks about, resolved without the patient."""

    classes: tuple[DrugClass, ...]
    how: str  # name | lay | stem | abbreviation
    phrase: str  # the words that named it

    @property
    def label(self) -> str:
        """The class's name as a clinician reads it: an FDA class, else MeSH, else the first; the classes of
        INN stems a lay word names together, all of them ("Monoclonal Antibody or Receptor Fusion Protein")."""
        order = {"EPC": 0, "PA": 1, "MoA": 2, "role": 3}
        stems = sorted({c.name for c in self.classes if c.source == "INN"})
        if len(stems) > 1 and len(stems) == len({c.name for c in self.classes}):
            return " or ".join(stems)
        return sorted(self.classes, key=lambda c: (order.get(c.type, 9), c.name))[0].name

    @property
    def ingredients(self) -> frozenset[str]:
        return frozenset(i for c in self.classes for i in c.members)


class DrugTerminology:
    def __init__(self) -> None:
        members: dict[str, set[str]] = defaultdict(set)
        meta: dict[str, tuple[str, str, str]] = {}
        for row in rows("drug_classes.tsv"):
            members[row["class_id"]].add(row["ingredient"])
            meta[row["class_id"]] = (row["class_name"], row["source"], row["type"])
        self.classes = {cid: DrugClass(cid, *meta[cid], frozenset(m)) for cid, m in members.items()}
        self.of_ingredient: dict[str, set[str]] = defaultdict(set)
        for cls in self.classes.values():
            for ingredient in cls.members:
                self.of_ingredient[ingredient].add(cls.id)
        self.by_words: dict[tuple[str, ...], list[DrugClass]] = defaultdict(list)
        for cls in self.classes.values():
            key = tuple(w for w in words(cls.name) if w not in _CLASS_SOFT)
            self.by_words[key].append(cls)
        self.by_name: dict[str, list[DrugClass]] = defaultdict(list)
        for cls in self.classes.values():
            self.by_name[cls.name.lower()].append(cls)
        self.names: dict[tuple[str, ...], set[str]] = defaultdict(set)  # name words → ingredients
        for ingredient in self.of_ingredient:
            self.names[tuple(words(ingredient))].add(ingredient)
        name_rows = list(rows("drug_names.tsv"))
        for row in name_rows:
            self.names[tuple(words(row["name"]))].add(row["ingredient"])
        for row in name_rows:  # an ingredient the class table lacks (semaglutide, named by Ozempic) names itself too
            own = tuple(words(row["ingredient"]))
            if (own and own not in self.names and all(w.isalpha() for w in own) and len(own[-1]) >= 8
                    and not own[-1].endswith("ium") and row["name"] != row["ingredient"]):
                self.names[own].add(row["ingredient"])  # (never "human", "water", "potassium", "sodium)")
        # INN / USAN stems for drugs the class table lacks (biologics, peptides, insulins): a class of their own
        # and the sourced classes they also belong to
        self.stems: list[tuple[str, str, frozenset[str]]] = []
        for row in rows("inn_stems.tsv"):
            stem_ids: set[str] = set()
            if row["class_name"]:
                cid = f"INN:{row['class_name']}"
                stem_ids.add(cid)
                if cid not in self.classes:
                    self.classes[cid] = DrugClass(cid, row["class_name"], "INN", "EPC", frozenset())
            also = {c.id for name in row["also"].split("|") if name for c in self.classes.values() if c.name == name}
            self.stems.append((row["stem"], row["where"], frozenset(stem_ids | also)))
        for cls in self.classes.values():
            if cls.source == "INN":
                self.by_words[tuple(w for w in words(cls.name) if w not in _CLASS_SOFT)].append(cls)
                self.by_name[cls.name.lower()].append(cls)
        self.longest_name = max(len(k) for k in self.names)
        self.lay: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = {}
        for row in rows("class_lay_names.tsv"):
            self.lay[tuple(words(row["term"]))] = (tuple(row["classes"].split("|")), bool(row.get("needs")))
        # "water pill" asked as "water" in a medication question (the planner took "pill" as its cue)
        for key, (classes, _) in list(self.lay.items()):
            core = tuple(w for w in key if w not in MEDICATION_WORDS)
            if core and core != key and core not in self.lay:
                self.lay[core] = (classes, True)

    # ------------------------------------------------------------------ a recorded medication's ingredients

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one process-wide instance (``drugs()``)
    def ingredients(self, display: str) -> frozenset[str]:
        """The ingredients a medication's display names ("Eliquis 5 MG Oral Tablet" → apixaban)."""
        tokens = words(display)
        found: set[str] = set()
        i = 0
        while i < len(tokens):
            for size in range(min(self.longest_name, len(tokens) - i), 0, -1):
                hit = self.names.get(tuple(tokens[i : i + size]))
                if hit:
                    found |= hit
                    i += size - 1
                    break
            i += 1
        return frozenset(found)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one process-wide instance (``drugs()``)
    def _class_ingredients(self, display: str) -> frozenset[str]:
        """The ingredients of a display as the class table names them: a drug name's ingredient the table holds only
        with its ester ("mycophenolate" → mycophenolate mofetil, when that is the one), and a salt's drug beside the
        salt ("lithium carbonate" is lithium too)."""
        out: set[str] = set()
        for ingredient in self.ingredients(display):
            out.add(ingredient)
            if ingredient not in self.of_ingredient and len(ingredient) >= 8:  # ("silver" is no silver sulfadiazine)
                longer = self.by_first_words.get(ingredient, ())
                if len(longer) == 1:
                    out |= set(longer)
            parts = ingredient.split()
            if len(parts) == 2 and parts[1] in _ANIONS and parts[0] in self.of_ingredient:
                out.add(parts[0])
        return frozenset(out)

    @functools.cached_property
    def by_first_words(self) -> dict[str, tuple[str, ...]]:
        """Table ingredients of two words under their first ("mycophenolate" → mycophenolate mofetil)."""
        grouped: dict[str, list[str]] = defaultdict(list)
        for ingredient in self.of_ingredient:
            parts = ingredient.split()
            if len(parts) == 2:
                grouped[parts[0]].append(ingredient)
        return {k: tuple(sorted(v)) for k, v in grouped.items()}

    def _inn_stem_ids(self, display: str) -> set[str]:
        """Classes an INN / USAN stem of the display's words says ("adalimumab" → Monoclonal Antibody)."""
        found: set[str] = set()
        # an INN stem says a class of an INN, never of a brand ("CellCept" is mycophenolate, no -cept fusion protein):
        # the display's own words that name no other ingredient, and the ingredients its names stand for
        named = [w for w in words(display) if (w,) not in self.names or w in self.names[(w,)]]
        for word in [*named, *(x for i in self.ingredients(display) for x in words(i))]:
            for stem, where, ids in self.stems:
                if word == stem or (where == "suffix" and len(word) >= 7 and word.endswith(stem)):
                    found |= ids
        return found

    def class_ids(self, display: str) -> frozenset[str]:
        found = {c for i in self._class_ingredients(display) for c in self.of_ingredient.get(i, ())}
        found |= self._inn_stem_ids(display)
        if found:
            return frozenset(found)
        # a drug the class table does not hold (newer than its release: empagliflozin, edoxaban) belongs to the
        # class whose members all share the name stem it ends in — INN stems are given by class
        unknown = set(self.ingredients(display)) | {w for w in words(display) if len(w) >= 8 and w.isalpha()}
        return frozenset(c for i in unknown if i not in self.of_ingredient for c in self._stem_member_of(i))

    @functools.cached_property
    def member_stems(self) -> dict[str, frozenset[str]]:
        """Name endings that say a class ("vastatin", "sartan", "lozin", "xaban") → its classes, learned from the
        class table's own FDA and MeSH classes (ChEBI roles are too loose): an ending of five letters or more
        shared by two members and *pure* — every drug the table holds that ends so is a member ("prazole" is not:
        aripiprazole ends so and is no proton pump inhibitor; "statin" is not: nystatin)."""
        single = [i for i in self.of_ingredient if i.isalpha() and len(i) >= 7]
        ending_of: dict[str, set[str]] = defaultdict(set)
        for ingredient in single:
            for size in range(5, len(ingredient) - 1):
                ending_of[ingredient[-size:]].add(ingredient)
        stems: dict[str, set[str]] = defaultdict(set)
        for cls in self.classes.values():
            if cls.type == "role" or len(cls.members) < 2:
                continue
            counts: dict[str, int] = defaultdict(int)
            for member in cls.members:
                if member.isalpha():
                    for size in range(5, len(member) - 1):
                        counts[member[-size:]] += 1
            for ending, n in counts.items():
                if n >= 2 and ending_of[ending] <= cls.members:
                    stems[ending].add(cls.id)
        return {stem: frozenset(ids) for stem, ids in stems.items()}

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one process-wide instance (``drugs()``)
    def _stem_member_of(self, name: str) -> frozenset[str]:
        """The classes of the longest member stem ``name`` ends in (never the stem itself as a name), and the FDA and
        MeSH classes its stem-mates all share (edoxaban: factor Xa inhibitor, and anticoagulant like its mates)."""
        endings = [stem for stem in self.member_stems if name.endswith(stem) and len(name) > len(stem) + 1]
        if not endings:
            return frozenset()
        stem = max(endings, key=len)
        stem_classes = self.member_stems[stem]
        members = [m for cid in stem_classes for m in self.classes[cid].members if m.endswith(stem)]
        shared = set.intersection(*(self.of_ingredient[m] for m in members)) if members else set()
        return frozenset(stem_classes | {c for c in shared if self.classes[c].type != "role"})

    # ------------------------------------------------------------------ what a question's words name

    @functools.lru_cache(maxsize=8192)  # noqa: B019 - one process-wide instance (``drugs()``)
    def resolve_class(self, phrase: str, medication_asked: bool = False, typos: bool = False) -> ClassQuery | None:
        """The drug class ``phrase`` names, or None. ``medication_asked``: the question is about medications
        (a use word such as "blood pressure" then names the class that treats it); ``typos``: also read a
        misspelt class word (asked last, once the chart's own words matched nothing: "glipzide" is the
        chart's glipizide, not the class Glinide)."""
        asked = [w for w in words(phrase) if w not in _FILLER]
        med_word = any(w in MEDICATION_WORDS or w.rstrip("s") in MEDICATION_WORDS for w in asked)
        core = [w for w in asked if w not in MEDICATION_WORDS]
        if not core:
            return None
        whole = self.lay.get(tuple(w for w in asked if w not in _CLASS_SOFT))  # "water pill"
        if whole and len(asked) > len(core):
            found = self._lay(whole, "lay", " ".join(asked))
            if found:
                return found
        for attempt in (core, self._typos_fixed(core) if typos else None):
            if not attempt:
                continue
            # (a class named for its prototype only through an abbreviation of one sense: "pcn", never "bk")
            sure = all(len(abbreviations().get(w, ())) <= 1 for w in attempt)
            for variant, how in self._variants(attempt):
                found = self._named(variant, how if attempt is core else "typo", med_word or medication_asked,
                                    strict=attempt is not core, sure=sure)
                if found:
                    return found
        # words that name nothing ("abx in the past", "statin rx pls") do not block the words that do: the
        # longest run of the asked words that names a class, if the rest names no class
        for size in range(len(core) - 1, 0, -1):
            for start in range(len(core) - size + 1):
                run = core[start : start + size]
                rest = core[:start] + core[start + size:]
                if any(w in self.class_words for w in rest):
                    continue
                for variant, how in self._variants(run):
                    found = self._named(variant, how, med_word or medication_asked, sure=False)
                    if found:
                        return found
        return None

    def _lay(self, lay: tuple[tuple[str, ...], bool], how: str, phrase: str) -> ClassQuery | None:
        classes = tuple(c for name in lay[0] for c in self.by_name.get(name.lower(), ()))
        return ClassQuery(classes, how, phrase) if classes else None

    @functools.cached_property
    def class_words(self) -> frozenset[str]:
        """Words of class names, lay names and member stems: what a misspelt class word is corrected to."""
        found = {w for k in self.by_words for w in k} | {w for k in self.lay for w in k}
        return frozenset(w for w in found if len(w) >= 5)

    @functools.cached_property
    def near_class_words(self) -> NearWords:
        return NearWords(self.class_words)

    @functools.cached_property
    def near_names(self) -> NearWords:
        return NearWords(self.single_names, depth=1)

    @functools.cached_property
    def names_by_start(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for name in self.single_names:
            grouped[name[:3]].append(name)
        return grouped

    def _typos_fixed(self, core: list[str]) -> list[str] | None:
        """Words corrected to the one class word within one edit (two for 8+ letters), or None if none was."""
        fixed, changed = [], False
        for word in core:
            if len(word) < 4 or word in self.class_words or word in abbreviations():
                fixed.append(word)
                continue
            limit = 2 if len(word) >= 8 else 1
            close = self.near_class_words.close(word, limit)
            if len(close) == 1:
                fixed.append(close.pop())
                changed = True
            else:
                fixed.append(word)
        return fixed if changed else None

    def _variants(self, core: list[str]) -> Iterable[tuple[list[str], str]]:
        yield core, ""
        table = abbreviations()
        options = [[*[words(s) for s in table.get(w, ())][:6]] or [[w]] if len(w) >= 2 else [[w]] for w in core]
        if any(w in table and len(w) >= 2 for w in core):
            combos: list[list[str]] = [[]]
            for choice in options:
                combos = [c + o for c in combos for o in choice][:12]
            for combo in combos:
                yield combo, "abbreviation"

    def _named(self, asked: list[str], how: str, med_word: bool, strict: bool = False,
               sure: bool = True) -> ClassQuery | None:
        """``strict`` (a corrected misspelling): only a whole lay or class name, never a part or a stem."""
        key = tuple(w for w in asked if w not in _CLASS_SOFT)
        phrase = " ".join(asked)
        lay = self.lay.get(key)
        if lay and (med_word or not lay[1]):
            found = self._lay(lay, how or "lay", phrase)
            if found:
                return found
        exact = self.by_words.get(key)
        if exact:
            return ClassQuery(tuple(exact), how or "name", phrase)
        if strict:
            return None
        if len(key) >= 2:  # "beta blocker" ⊂ beta-Adrenergic Blocker; "angiotensin ii receptor antagonist" ⊃ …
            wanted = set(key)
            # a part of a class name names the class only with its head word ("blocker", "inhibitor") or beside a
            # medication word: "bone density" is a measurement, not Bone Density Conservation Agents
            inside = [(len(set(k) - wanted), c) for k, cs in self.by_words.items()
                      if wanted <= set(k) and len(set(k) - wanted) <= 2 and (k[-1] in wanted or med_word) for c in cs]
            around = [c for k, cs in self.by_words.items()
                      if len(k) >= max(2, len(wanted) - 1) and set(k) <= wanted for c in cs]
            if inside:
                fewest = min(n for n, _ in inside)
                return ClassQuery(tuple(c for n, c in inside if n == fewest), how or "name", phrase)
            if around:
                return ClassQuery(tuple(around), how or "name", phrase)
        if len(key) == 1 and len(key[0]) >= MIN_STEM:
            stem = self._stem_classes(key[0])
            if stem:
                return ClassQuery(stem, how or "stem", phrase)
            named = self.prototype_classes.get(key[0], ()) if sure else ()
            if named:  # "penicillin": the FDA class named for it ("Penicillin-class Antibacterial")
                return ClassQuery(named, how or "name", phrase)
        return None

    @functools.cached_property
    def prototype_classes(self) -> dict[str, tuple[DrugClass, ...]]:
        """FDA Established Pharmacologic Classes named for their prototype drug ("Penicillin-class Antibacterial",
        "Tetracycline-class Drug"), under that drug's name."""
        grouped: dict[str, list[DrugClass]] = defaultdict(list)
        for cls in self.classes.values():
            named = re.match(r"([A-Za-z]+)-class\b", cls.name)
            if cls.source == "FDA" and named:
                grouped[named.group(1).lower()].append(cls)
        return {k: tuple(v) for k, v in grouped.items()}

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one process-wide instance (``drugs()``)
    def _stem_classes(self, stem: str) -> tuple[DrugClass, ...]:
        """Classes most of whose members' names end in ``stem`` ("statin": simvastatin, atorvastatin …)."""
        best: list[tuple[float, DrugClass]] = []
        for cls in self.classes.values():
            ending = [m for m in cls.members if m.endswith(stem) and m != stem]
            if len(ending) >= 3 and len(ending) / len(cls.members) >= 0.5:
                best.append((len(ending) / len(cls.members), cls))
        if not best:
            return ()
        top = max(share for share, _ in best)
        return tuple(c for share, c in best if share == top)

    def brand(self, phrase: str, typos: bool = False, among: Sequence[str] = ()) -> frozenset[str]:
        """Ingredients a drug name in ``phrase`` names ("eliquis" → apixaban), or nothing. ``among``: the chart's
        recorded medications, which decide between misspelt names equally near ("protonics": Protonix, whose
        pantoprazole the chart holds, not Protopic)."""
        asked = [w for w in words(phrase) if w not in _FILLER and w not in MEDICATION_WORDS]
        found = self.names.get(tuple(asked)) or (self.names.get(("".join(asked),)) if 1 < len(asked) <= 3 else None)
        if found:  # (a brand typed in parts: "epi pen" is EpiPen)
            return frozenset(found)
        if len(asked) == 1:  # "ASA" → aspirin, "NTG" → nitroglycerin
            for sense in abbreviations().get(asked[0], ()):
                found = self.names.get(tuple(words(sense)))
                if found:
                    return frozenset(found)
            if typos and len(asked[0]) == 5 and among:  # "kepra": a short word, only to a drug the chart holds
                close = {c for c in self.near_names.close(asked[0], 1) if self._held(c, among)}
                if len(close) == 1:
                    return frozenset(self.names[(close.pop(),)])
            if typos and len(asked[0]) >= 6:  # "levothyroxin", "glipzide": the one drug name within one edit
                # (two edits turn one drug of a class into another: empagliflozin → dapagliflozin)
                close = self._recorded(self.near_names.close(asked[0], 1), among)
                if len(close) == 1:
                    return frozenset(self.names[(close.pop(),)])
                raw = next((w for w in phrase.lower().split() if words(w) == asked), asked[0])
                if not close and len(raw) >= 8 and among:  # "protonics": two edits, only to a drug the chart records
                    # and only where the first three letters hold (a class's mates differ in their first letters)
                    from rag_core.concepts import edit_distance

                    close = {c for c in self.names_by_start.get(raw[:3], ())
                             if abs(len(c) - len(raw)) <= 2 and edit_distance(raw, c, 2) <= 2 and self._held(c, among)}
                    if len(close) == 1:
                        return frozenset(self.names[(close.pop(),)])
            if typos and among and len(asked[0]) >= 4 and asked[0].isalpha():  # "enza", "abir": a drug clipped to
                # its first letters, only to the one drug the chart holds that starts so
                clipped = {i for name in among for i in self.ingredients(name)
                           if any(w.startswith(asked[0]) and w != asked[0] for w in words(i))}
                if len(clipped) == 1:
                    return frozenset(clipped)
        return frozenset()

    def _recorded(self, close: set[str], among: Sequence[str]) -> set[str]:
        """Of names equally near a misspelling, those whose ingredient the chart records, when some are."""
        if len(close) <= 1 or not among:
            return close
        held = {c for c in close if self._held(c, among)}
        return held or close

    def _held(self, name: str, among: Sequence[str]) -> bool:
        """Whether the chart's recorded medications hold the ingredient a one-word drug name names."""
        return bool(self.with_ingredients(frozenset(self.names[(name,)]), among))

    def names_a_drug(self, phrase: str, typos: bool = False) -> bool:
        """Whether the words name a drug or a drug class outright ("abx", "Eliquis", "beta blockers") — not a use
        word ("asthma", "pain"). ``typos``: a misspelt drug too, even one near two names ("methadon")."""
        if self.brand(phrase, typos) or self.resolve_class(phrase, medication_asked=False) is not None:
            return True
        word = phrase.strip().lower()
        return typos and " " not in word and len(word) >= 6 and bool(self.near_names.close(word, 1))

    @functools.cached_property
    def single_names(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.names if len(k) == 1 and len(k[0]) >= 5)

    @functools.cached_property
    def same_named(self) -> dict[str, frozenset[str]]:
        """Classes of different sources under one name, singular or plural ("Anticonvulsants" of MeSH,
        "anticonvulsant" of ChEBI): one class, whose members are all of theirs."""
        grouped: dict[str, set[str]] = defaultdict(set)
        for cls in self.classes.values():
            if cls.type != "role":  # a ChEBI role is looser ("anticonvulsant" holds omeprazole): never merged
                grouped[_class_key(cls.name)].add(cls.id)
        return {key: frozenset(ids) for key, ids in grouped.items()}

    def members(self, query: ClassQuery, names: Sequence[str]) -> list[str]:
        """Of the recorded medication ``names``, those whose ingredients belong to the asked class — and a record
        that names the class itself (an allergy to "Sulfonamide (substance)" when sulfa drugs are asked)."""
        wanted = {i for c in query.classes for i in (self.same_named.get(_class_key(c.name), {c.id})
                                                    if c.type != "role" else {c.id})}
        named = {_class_key(c.name) for c in query.classes}
        return [n for n in names if self.class_ids(n) & wanted or _class_key(_SEMANTIC_TAG.sub("", n)) in named]

    def with_ingredients(self, ingredients: frozenset[str], names: Sequence[str]) -> list[str]:
        """The recorded names holding one of the ingredients, a salt or not ("fludrocortisone acetate" is the
        chart's fludrocortisone); of a combination's ingredients (Suboxone: buprenorphine and naloxone), the names
        holding all of them — never the naloxone nasal spray alone."""
        def held(ingredient: str) -> set[str]:
            base = _base(ingredient)
            return {ingredient, base} if base in self.of_ingredient or (base,) in self.names else {ingredient}

        wanted = [held(i) for i in ingredients]
        hits = []
        for name in names:
            found = self.ingredients(name)
            present = found | {_base(i) for i in found}
            covered = sum(1 for w in wanted if w & present)
            if covered:
                hits.append((name, covered))
        if len(wanted) > 1:  # a combination is the order holding all of it: one of its drugs alone is not it
            return [n for n, covered in hits if covered == len(wanted)]
        return [n for n, _ in hits]


# the salt or ester a drug is given as, not the drug ("fludrocortisone acetate", "metoprolol succinate"); never
# a cation, which is the drug itself in calcium carbonate or potassium chloride
_SALTS = frozenset({"acetate", "hydrochloride", "hcl", "sulfate",
                    "succinate", "tartrate", "maleate", "mesylate", "besylate", "citrate", "phosphate", "bromide",
                    "chloride", "fumarate", "hyclate", "monohydrate", "dihydrate", "disodium", "hydrobromide",
                    "bitartrate", "dipropionate", "propionate", "furoate", "valerate", "embonate", "pamoate"})


_SEMANTIC_TAG = re.compile(r"\s*\((?:substance|product|medicinal product|finding|disorder)\)\s*$", re.I)


# the anion of a salt named after its drug ("lithium carbonate", "potassium chloride"): the drug's own classes apply
_ANIONS = frozenset({"carbonate", "bicarbonate", "citrate", "chloride", "sulfate", "gluconate", "acetate", "phosphate",
                     "lactate", "oxide", "hydroxide", "hydrochloride", "succinate", "tartrate", "mesylate"})


def _base(ingredient: str) -> str:
    parts = [w for w in ingredient.split() if w not in _SALTS]
    return " ".join(parts) if parts else ingredient


def _class_key(name: str) -> str:
    return " ".join(words(name))  # words() folds plurals: "Anticonvulsants" and "anticonvulsant" meet


def _shared_ending(names: Iterable[str]) -> str:
    """The longest ending every name has ("atorvastatin", "simvastatin" → "vastatin")."""
    ending: str | None = None
    for name in names:
        if ending is None:
            ending = name
            continue
        size = 0
        while size < min(len(ending), len(name)) and ending[-1 - size] == name[-1 - size]:
            size += 1
        ending = ending[len(ending) - size:]
    return ending or ""


@cache
def drugs() -> DrugTerminology:
    return DrugTerminology()


@cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Abbreviation → its senses, most frequent first (clinical sense inventories, then the Wikipedia list)."""
    senses: dict[str, list[tuple[float, str]]] = defaultdict(list)
    rank = {"stetson": 0.0, "vanderbilt": 0.1, "wikipedia": 0.5}
    for row in rows("abbreviations.tsv"):
        freq = float(row["frequency"]) if row["frequency"] else 0.0
        senses[row["abbreviation"]].append((rank.get(row["source"], 1.0) - freq, row["sense"]))
    return {a: tuple(dict.fromkeys(s for _, s in sorted(v))) for a, v in senses.items()}

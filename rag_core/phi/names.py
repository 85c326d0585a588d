"""Person-name dictionaries, read at first use, no download:

- the US Census Bureau's 1990 name lists (a US government work, public domain), as shipped by the ``names``
  package (MIT): 1,219 male and 4,275 female first names and 88,799 surnames, each with its share of the
  population;
- given names and surnames of 46 locales (Europe, the Americas, Turkey, the Arab world, Iran, Kazakhstan and
  East Asia), as shipped by the ``mimesis`` package (MIT) in ``mimesis/datasets/<locale>/person.json``: names
  a US list lacks ("Witold", "Marit", "Achim", "Luuk", "Heintze", "Segura").
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from rag_core.json_text import json_strings


def _read(name: str) -> dict[str, float]:
    """name → share of the population (%); lines are "NAME share cumulative-share rank"."""
    out: dict[str, float] = {}
    for line in (resources.files("names") / name).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            out[parts[0].casefold()] = float(parts[1])
    return out


@cache
def first_names() -> dict[str, float]:
    male, female = _read("dist.male.first"), _read("dist.female.first")
    return {n: max(male.get(n, 0.0), female.get(n, 0.0)) for n in male.keys() | female.keys()}


@cache
def last_names() -> dict[str, float]:
    return _read("dist.all.last")


def is_first_name(word: str) -> bool:
    return word.casefold() in first_names()


def is_last_name(word: str) -> bool:
    return word.casefold() in last_names()


@cache
def _international() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of every mimesis locale, casefolded; names of several words are split."""
    given: set[str] = set()
    surnames: set[str] = set()
    for locale in (resources.files("mimesis") / "datasets").iterdir():
        person = locale / "person.json"
        if not person.is_file():
            continue
        data = json.loads(person.read_text(encoding="utf-8"))
        given.update(w for n in json_strings(data.get("names", {})) for w in n.casefold().split())
        surnames.update(w for n in json_strings(data.get("surnames", {})) for w in n.casefold().split())
    return frozenset(given), frozenset(surnames)


def international_given() -> frozenset[str]:
    """Given names of the mimesis locales. Many are English words too ("the", "even", "per", "will"): a caller
    decides with the sentence."""
    return _international()[0]


def international_surnames() -> frozenset[str]:
    return _international()[1]

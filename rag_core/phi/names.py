"""Person-name dictionaries: the US Census Bureau's 1990 name lists (a US government work, public domain),
as shipped by the ``names`` package (MIT): 1,219 male and 4,275 female first names and 88,799 surnames,
each with its share of the population. Read at first use, no download."""

from __future__ import annotations

from functools import cache
from importlib import resources


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

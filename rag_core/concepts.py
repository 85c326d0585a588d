"""Match a concept named in a question ("serum creatinine", "Digoxin 0.125 MG Oral Tablet") against
the concepts recorded in THIS patient's chart. A question about something the chart does not hold
must find nothing, so every distinguishing word of the question has to be present."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z][a-z0-9]*")
# Words that do not distinguish one recorded concept from another.
_SOFT = {
    "total", "result", "level", "value", "test", "of", "in", "or", "and", "the", "a", "by", "with", "for", "to",
    "mass", "volume", "moles", "ratio", "presence", "panel", "measurement", "finding", "disorder", "procedure",
    "situation", "substance", "observable", "entity", "product", "qualifier", "body", "structure", "mg", "ml",
    "oral", "tablet", "capsule", "solution", "injection", "day", "extended", "release", "estimated", "predicted",
    "calculated", "automated", "count",
}
# Clinical abbreviations that are not simply the initials of the recorded name.
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
}


_UNITS = {"mg", "ml", "mcg", "g", "meq", "unt", "unit", "iu", "hr", "day", "actuat", "mmol", "kg", "l"}


def tokens(text: str) -> list[str]:
    """Lower-case words, light plural stripping, clinical abbreviations expanded; a number followed by
    a unit is one token ("1 ML" → "1ml"), so a drug's strength and volume must match exactly."""
    raw = _TOKEN.findall(text.lower())
    out: list[str] = []
    for i, word in enumerate(raw):
        if word[0].isdigit() and i + 1 < len(raw) and raw[i + 1] in _UNITS:
            out.append(word + raw[i + 1])
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word[-2].isdigit():
            word = word[:-1]
        out.extend(_SYNONYMS.get(word, (word,)))
    return out


SPECIMENS = {"blood", "serum", "plasma", "urine", "csf", "saliva", "stool"}


def core(words: list[str]) -> set[str]:
    return {w for w in words if w not in _SOFT and w not in SPECIMENS}


def acronyms(words: list[str]) -> dict[str, set[str]]:
    """Initials of every run of 2-5 consecutive words → the words: "ldl" → {low, density, lipoprotein}."""
    alpha = [w for w in words if w[0].isalpha()]
    found: dict[str, set[str]] = {}
    for size in range(2, 6):
        for start in range(len(alpha) - size + 1):
            run = alpha[start : start + size]
            found.setdefault("".join(w[0] for w in run), set()).update(run)
    return found


@dataclass(frozen=True)
class ConceptMatch:
    concept: str
    score: float  # 0..1: share of the question's words found, then tightness of the match


def match_concepts(query: str, vocabulary: list[str]) -> list[ConceptMatch]:
    """Recorded concepts that contain every distinguishing word of ``query``, best first.

    Ties at the best tightness are all returned (the same test recorded under two display names).
    """
    q_all = tokens(query)
    q_core = core(q_all) or (set(q_all) - SPECIMENS) or set(q_all)
    if not q_core:
        return []
    scored: list[ConceptMatch] = []
    q_specimens = set(q_all) & SPECIMENS
    for concept in vocabulary:
        c_all = tokens(concept)
        expansions = acronyms(c_all)
        c_set = set(c_all) | set(expansions)
        if not q_core <= c_set:
            continue
        c_specimens = c_set & SPECIMENS
        if q_specimens and c_specimens and not q_specimens & c_specimens:
            continue  # "serum creatinine" is not "creatinine in urine"
        c_core = core(c_all) or set(c_all)
        covered = set(q_core)
        for word in q_core - set(c_all):
            covered |= expansions.get(word, set())
        tightness = len(covered & c_core) / len(c_core)
        soft_overlap = len(set(q_all) & c_set) / max(len(set(q_all)), 1)
        scored.append(ConceptMatch(concept, round(0.5 + 0.4 * tightness + 0.1 * soft_overlap, 4)))
    scored.sort(key=lambda m: (-m.score, m.concept))
    if not scored:
        return []
    best = scored[0].score
    return [m for m in scored if m.score >= best - 1e-9]

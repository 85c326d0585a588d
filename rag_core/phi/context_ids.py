"""Identifiers told apart from clinical numbers by their context, with Presidio's own mechanism.

A bare number or code is weak evidence by itself ("250000", "4471"); the words before it decide. Each
recognizer here is a Presidio ``PatternRecognizer`` with a low base score and the words that make it an
identifier (``context``): Presidio's ``LemmaContextAwareEnhancer`` raises the score of a match with one of
them among the five words before it ("member 88123456", "chart # 0045512", "encounter 7781234") above the
threshold; without one it stays below ("platelets 250000", "Gleason 7"). These context words match whole
words only ("pt" is not found in "symptoms", "id" not in "did"); Presidio's own recognizers keep their
substring matching (``WholeWordContextEnhancer``). Shapes that are identifiers on
their own — a Medicare Beneficiary Identifier, letters with a long run of digits ("XJH882233") — start
high. Clinical context lowers nothing in Presidio, so ``PhiTokenizer`` also drops a context-scored match
right after a word of medicine or followed by a unit (``clinical_neighbour``).
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from rag_core.phi.vocabulary import is_clinical

PLAN_CONTEXT = ["member", "subscriber", "policy", "insurance", "insured", "medicare", "medicaid", "plan",
                "payer", "payor", "coverage", "beneficiary", "mbi", "hicn", "bcbs", "aetna", "cigna", "humana",
                "uhc", "unitedhealthcare", "tricare", "kaiser", "anthem", "carrier", "eligibility", "insurer",
                "medi-cal", "chip", "champva", "wellcare", "molina", "centene", "ambetter", "oscar", "hmo", "ppo"]
RECORD_CONTEXT = ["mrn", "record", "chart", "patient", "pt", "encounter", "visit", "account", "acct", "fin",
                  "csn", "har", "admission", "case", "file", "hospital", "registration", "episode"]
OTHER_CONTEXT = ["id", "identifier", "number", "order", "accession", "specimen", "serial", "device", "claim",
                 "ticket", "reference", "ref", "confirmation", "requisition", "tracking", "barcode", "badge",
                 "license", "npi", "dea", "certificate", "voucher", "invoice", "authorization", "auth", "referral"]
IDENTIFYING_WORDS = frozenset(PLAN_CONTEXT + RECORD_CONTEXT + OTHER_CONTEXT + ["#", "no", "num"])

# entity names Presidio reports → the vault's placeholders
CONTEXT_ENTITIES = {"HEALTH_PLAN_NUMBER": "HEALTH_PLAN", "RECORD_NUMBER": "MRN", "OTHER_NUMBER": "IDENTIFIER"}

_DIGIT_RUN = r"\b\d(?:[\d-]{3,16})\d\b"  # 5-18 characters of digits and dashes
_CODE = r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,16}[A-Z0-9]\b"  # letters and digits
_LONG_CODE = r"\b(?=(?:[A-Z-]*\d){6})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{6,16}[A-Z0-9]\b"  # ≥ 6 digits
# Medicare Beneficiary Identifier (CMS): 11 characters, letters never S, L, O, I, B or Z
_MBI = (r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
        r"[AC-HJKMNP-RT-Y]{2}\d{2}\b")


class _ContextRecognizer(PatternRecognizer):
    """A pattern recognizer whose matches need at least ``min_digits`` digits (a code like "HbA1c" has one)."""

    def __init__(self, entity: str, patterns: list[Pattern], context: list[str], min_digits: int = 4) -> None:
        super().__init__(supported_entity=entity, patterns=patterns, context=context, name=f"chartrag_{entity}")
        self.min_digits = min_digits

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if sum(c.isdigit() for c in pattern_text) >= self.min_digits else False


def recognizers() -> list[PatternRecognizer]:
    """Base scores: with a context word Presidio adds 0.35, so 0.15 reaches the 0.5 threshold only with one."""
    return [
        _ContextRecognizer("HEALTH_PLAN_NUMBER", [Pattern("mbi", _MBI, 0.6), Pattern("digits", _DIGIT_RUN, 0.15),
                                                  Pattern("code", _CODE, 0.3)], PLAN_CONTEXT),
        _ContextRecognizer("RECORD_NUMBER", [Pattern("digits", _DIGIT_RUN, 0.15), Pattern("code", _CODE, 0.3)],
                           RECORD_CONTEXT),
        _ContextRecognizer("OTHER_NUMBER", [Pattern("digits", _DIGIT_RUN, 0.15), Pattern("code", _CODE, 0.3),
                                            Pattern("long code", _LONG_CODE, 0.55)], OTHER_CONTEXT),
    ]


_OWN_CONTEXTS = (PLAN_CONTEXT, RECORD_CONTEXT, OTHER_CONTEXT)


class WholeWordContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, matching this module's context words as whole words."""

    @staticmethod
    def _find_supportive_word_in_context(context_list: list[str], recognizer_context_list: list[str],
                                         matching_mode: str = "substring") -> str:
        own = any(recognizer_context_list is c for c in _OWN_CONTEXTS)
        return LemmaContextAwareEnhancer._find_supportive_word_in_context(
            context_list, recognizer_context_list, "whole_word" if own else matching_mode)


_BEFORE = re.compile(r"([A-Za-z][\w/-]*)\W{0,3}(?:(?:of|is|was|at|=|:)\W{0,2})?$")
_AFTER = re.compile(r"\s*(%|[A-Za-zµ]{1,5}/[\w.^/]+|mg|mcg|g|kg|ml|mL|L|units?|IU|mmol|mEq|cells|copies|k|x)\b")


def clinical_neighbour(text: str, start: int, end: int) -> bool:
    """The number is a value: the word right before it is medicine and not an identifying word
    ("platelets 250000", "CA-125 35000"), or a unit follows it ("250000 cells/uL")."""
    before = _BEFORE.search(text[max(0, start - 40):start])
    word = before.group(1).casefold() if before else ""
    if word in IDENTIFYING_WORDS:
        return False
    if before and is_clinical(before.group(1)):
        return True
    return bool(_AFTER.match(text, end))

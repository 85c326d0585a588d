"""How well tokenization protects what the record itself says is identifying, and how little clinical
text it takes away.

Gold spans are derived mechanically: every whole-word occurrence, in the patient's own notes, of an
identifier from the patient's record (name parts, identifiers, telecom, address parts), plus every
date in the notes. Over-redaction is the share of occurrences of the chart's clinical vocabulary (words
of its coded concepts) that a placeholder swallowed.
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rag_core.phi.record import RecordIdentifiers
from rag_core.phi.tokenizer import DATE_PATTERNS, PhiTokenizer, Span
from rag_core.phi.vault import Vault

Gold = tuple[int, int, str]


def notes_of(resources: Iterable[dict[str, Any]]) -> list[str]:
    texts = []
    for r in resources:
        attachments = [c.get("attachment") or {} for c in r.get("content") or []] if r.get("resourceType") == \
            "DocumentReference" else []
        for a in attachments:
            if a.get("contentType", "").startswith("text/plain") and a.get("data"):
                texts.append(base64.b64decode(a["data"]).decode("utf-8", errors="replace"))
    return texts


def gold_spans(text: str, record: RecordIdentifiers) -> list[Gold]:
    spans: set[Gold] = set()
    for entity, value in record.values:
        if len(value) >= 3:
            spans.update((m.start(), m.end(), entity) for m in
                         re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE))
    for pattern in DATE_PATTERNS[:4]:
        spans.update((m.start(), m.end(), "DATE") for m in pattern.finditer(text))
    # keep the longest of overlapping gold spans
    kept: list[Gold] = []
    for span in sorted(spans, key=lambda s: -(s[1] - s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return kept


def _covered(start: int, end: int, predicted: list[Span]) -> bool:
    return any(p.start <= start and end <= p.end for p in predicted)


def evaluate(charts: list[list[dict[str, Any]]], tokenizer: PhiTokenizer, with_record: bool) -> dict[str, Any]:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    predicted_total = predicted_on_gold = 0
    vocab_total = vocab_hit = 0
    for resources in charts:
        record = RecordIdentifiers.from_resources(resources)
        vocabulary = {w for w in record.vocabulary if len(w) >= 4 and w.isalpha()}
        for text in notes_of(resources):
            gold = gold_spans(text, record)
            predicted = tokenizer.spans(text, record if with_record else None)
            for start, end, entity in gold:
                total[entity] += 1
                found[entity] += _covered(start, end, predicted)
            predicted_total += len(predicted)
            predicted_on_gold += sum(any(p.start < g[1] and g[0] < p.end for g in gold) for p in predicted)
            for m in re.finditer(r"[A-Za-z]{4,}", text):
                if m.group().casefold() in vocabulary:
                    vocab_total += 1
                    vocab_hit += _covered(m.start(), m.end(), predicted)
    recall = {e: round(found[e] / total[e], 4) for e in sorted(total)}
    return {
        "recall": round(sum(found.values()) / max(1, sum(total.values())), 4),
        "recall_by_entity": recall,
        "gold_spans": dict(total),
        "precision_against_record_gold": round(predicted_on_gold / max(1, predicted_total), 4),
        "over_redaction": round(vocab_hit / max(1, vocab_total), 4),
        "clinical_words_checked": vocab_total,
    }


# presidio-evaluator's entity types that are identifiers under Safe Harbor (or that the issue names:
# organisations); TITLE, NRP (nationality/religion/politics) and ages under 90 are not.
SYNTH_IDENTIFIERS = {
    "PERSON", "STREET_ADDRESS", "GPE", "ORGANIZATION", "PHONE_NUMBER", "CREDIT_CARD", "DATE_TIME", "EMAIL_ADDRESS",
    "DOMAIN_NAME", "ZIP_CODE", "IP_ADDRESS", "US_SSN", "IBAN_CODE", "US_DRIVER_LICENSE", "AGE",
}
_WORD = re.compile(r"\w+")


def is_identifier(entity: str, value: str) -> bool:
    """Whether a labelled span of the presidio-evaluator set must be tokenized under Safe Harbor."""
    if entity not in SYNTH_IDENTIFIERS:
        return False
    if entity == "AGE":  # only ages over 89 are identifiers
        digits = re.findall(r"\d+", value)
        return bool(digits) and int(digits[0]) > 89
    if entity == "DATE_TIME":  # a year or a weekday alone may stay; anything with a day or month is an identifier
        return not re.fullmatch(r"\s*(?:in\s+)?\d{4}s?\s*", value) and not re.fullmatch(
            r"\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*", value, re.IGNORECASE)
    return True


def skip_words() -> frozenset[str]:
    """Words that identify no one, which presidio-evaluator's own scoring skips by default (spaCy's
    English stop words plus address, title and time fillers: "the corner of", "Apt", "Suite", "Inc")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {
        "street", "st", "de", "rue", "via", "address", "country", "state", "city", "zip", "po", "p", "o", "apt", "unit",
        "corner", "box", "suite", "mr", "mrs", "miss", "year", "years", "month", "months", "old", "morning", "noon",
        "afternoon", "night", "evening", "week", "weeks", "weekend", "day", "days", "age", "ago", "inc", "ltd"}


def _words_covered(text: str, start: int, end: int, predicted: list[Span], skip: frozenset[str] = frozenset()) -> bool:
    """Every word of ``text[start:end]`` (but skip words) lies inside some predicted span (several spans
    may cover one labelled span: what matters is that nothing of it leaves)."""
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])
             if m.group().casefold() not in skip]
    return all(any(p.start <= s and e <= p.end for p in predicted) for s, e in words)


def evaluate_labelled(samples: Iterable[dict[str, Any]], tokenizer: PhiTokenizer) -> dict[str, Any]:
    """Recall per entity type and precision on a labelled set in presidio-evaluator's schema
    (``full_text`` + ``spans`` with ``entity_type``/``start_position``/``end_position``).

    Recall: a labelled identifier counts as protected when all its words but skip words (presidio-
    evaluator's default convention) are inside placeholders, whatever entity type the tokenizer gave them;
    ``recall_all_words`` counts skip words too. Precision: predicted spans that overlap any labelled
    span (identifier or not — TITLE "Dr." is not an identifier, but tokenizing it is not over-reach
    into clinical text either) over all predicted spans.
    """
    found: Counter[str] = Counter()
    strict: Counter[str] = Counter()
    total: Counter[str] = Counter()
    predicted_total = predicted_ok = 0
    predicted_by: Counter[str] = Counter()
    wrong_by: Counter[str] = Counter()
    skip = skip_words()
    for sample in samples:
        text = sample["full_text"]
        labelled = [(s["start_position"], s["end_position"], s["entity_type"]) for s in sample["spans"]]
        predicted = tokenizer.spans(text)
        for start, end, entity in labelled:
            if is_identifier(entity, text[start:end]):
                total[entity] += 1
                found[entity] += _words_covered(text, start, end, predicted, skip)
                strict[entity] += _words_covered(text, start, end, predicted)
        for p in predicted:
            predicted_total += 1
            predicted_by[p.entity] += 1
            if any(p.start < e and s < p.end for s, e, _ in labelled):
                predicted_ok += 1
            else:
                wrong_by[p.entity] += 1
    return {
        "recall": round(sum(found.values()) / max(1, sum(total.values())), 4),
        "recall_by_entity": {e: round(found[e] / total[e], 4) for e in sorted(total)},
        # every word covered, skip words included ("the corner of …", "Apt.")
        "recall_all_words": round(sum(strict.values()) / max(1, sum(total.values())), 4),
        "recall_all_words_by_entity": {e: round(strict[e] / total[e], 4) for e in sorted(total)},
        "labelled_identifiers": dict(sorted(total.items())),
        "precision": round(predicted_ok / max(1, predicted_total), 4),
        "precision_by_entity": {
            e: round(1 - wrong_by[e] / predicted_by[e], 4) for e in sorted(predicted_by)
        },
        "predicted_spans": predicted_total,
    }


def evaluate_queries(queries: Iterable[dict[str, Any]], phi_free: Iterable[dict[str, Any]],
                     tokenizer: PhiTokenizer) -> dict[str, Any]:
    """Clinician questions as typed (``scripts/phi_queries.py``), per split (tune / heldout): recall =
    share of tagged identifiers no longer present in the tokenized text (overall and per type), and the
    share of PHI-free clinical questions the tokenizer changed at all. No record: what clinicians type
    names people, places and ids the chart may not hold."""
    out: dict[str, Any] = {}
    found: dict[str, Counter[str]] = {}
    total: dict[str, Counter[str]] = {}
    for query in queries:
        tokenized = tokenizer.tokenize(str(query["text"]), Vault())
        split = str(query.get("split", "all"))
        for ident in query["identifiers"]:
            total.setdefault(split, Counter())[ident["type"]] += 1
            if ident["text"] not in tokenized:
                found.setdefault(split, Counter())[ident["type"]] += 1
    changed: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for question in phi_free:
        split = str(question.get("split", "all"))
        asked[split] += 1
        changed[split] += tokenizer.tokenize(str(question["text"]), Vault()) != question["text"]
    for split in sorted(set(total) | set(asked)):
        hits, counts = found.get(split, Counter()), total.get(split, Counter())
        out[split] = {
            "recall": round(sum(hits.values()) / max(sum(counts.values()), 1), 4),
            "recall_by_type": {t: round(hits[t] / n, 4) for t, n in sorted(counts.items())},
            "identifiers_by_type": dict(sorted(counts.items())),
            "phi_free_changed": round(changed[split] / max(asked[split], 1), 4),
            "phi_free_questions": asked[split],
        }
    return out

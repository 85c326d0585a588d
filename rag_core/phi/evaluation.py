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

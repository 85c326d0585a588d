"""Words within one or two edits of a word, found through deletion neighbourhoods (the symmetric-delete idea):
every word of the vocabulary is indexed under itself and the strings one and two deletions away, so a lookup
generates the asked word's own deletions and checks only the words sharing one — never the whole vocabulary."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    for n in range(1, min(depth, len(word) - 1) + 1):
        out |= {"".join(c for i, c in enumerate(word) if i not in drop) for drop in combinations(range(len(word)), n)}
    return out


class NearWords:
    def __init__(self, words: Iterable[str], depth: int = 2) -> None:
        self.depth = depth
        self.words = frozenset(words)
        self.index: dict[str, set[str]] = defaultdict(set)
        for word in self.words:
            for key in _deletions(word, depth):
                self.index[key].add(word)

    def close(self, word: str, limit: int) -> set[str]:
        """Vocabulary words within ``limit`` edits (Damerau: a swap of two neighbours is one), ``word`` excluded."""
        from rag_core.concepts import edit_distance

        candidates: set[str] = set()
        for key in _deletions(word, min(limit, self.depth)):
            candidates |= self.index.get(key, set())
        return {c for c in candidates if c != word and abs(len(c) - len(word)) <= limit
                and edit_distance(word, c, limit) <= limit}

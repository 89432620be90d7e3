"""phrases: word pairs that the page itself sets side by side, as evidence for joins and splits.

A document repeats its phrases ("code block", "the global namespace", "Sequence Types"), and
every glued row holds true neighbours but for the one pair at its split. So a pair of words seen
next to each other inside some row is likely a real pair wherever else a split or a line join
could make it: a join that rebuilds it gains, a split that tears it apart (where the page shows
it elsewhere too) pays. Common pairs are priced by the bigram table already; this catches the
page's own vocabulary, names and terms that no general table lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from extractor.glued.lexicon import core

PAGE_PAIR = 1.0  # credit of a pair the page shows inside a row


class Worded(Protocol):
    words: list[str]
    term: list[bool]
    hyph: list[bool]


def pair_key(a: str, b: str) -> tuple[str, str] | None:
    x, y = core(a).lower(), core(b).lower()
    return (x, y) if x and y else None


def page_pairs(rows: Sequence[Worded]) -> Counter[tuple[str, str]]:
    """How often each pair of neighbouring words occurs inside the page's rows (no sentence end
    or line-end hyphen between them)."""
    out: Counter[tuple[str, str]] = Counter()
    for r in rows:
        for i in range(len(r.words) - 1):
            if r.term[i] or r.hyph[i]:
                continue
            key = pair_key(r.words[i], r.words[i + 1])
            if key:
                out[key] += 1
    return out

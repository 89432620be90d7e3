"""bigrams: how strongly two words attract (pointwise mutual information), from wordsegment's data.

A split claims some word pairs as neighbours in reading order (the line joins of each column) and
denies one (the pair glued at the split). Real prose favours frequent pairs ("of the") and avoids
pairs of common words that never occur together ("a Open"), so PMI scores both choices. Only
pairs seen 100,000 times or more are listed; an unlisted pair of common words is strong evidence
against it, an unlisted pair with a rare word is no evidence at all.
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

_CLEAN = regex.compile(r"^[\p{L}\p{N}'\u2019]+$")
LIMIT = 3.0  # |PMI| is capped: one pair never outweighs the typography
UNSEEN = 5e4  # an unlisted pair occurs at most about this often


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, float], dict[str, float], float]:
    try:
        import wordsegment
    except ImportError:  # pragma: no cover - without it every pair is neutral
        return {}, {}, 1.0
    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    uni, bi = wordsegment.UNIGRAMS, wordsegment.BIGRAMS
    return uni, bi, float(sum(uni.values()))


def _key(token: str, first: bool) -> str | None:
    """The bare lower-case word, or None when punctuation stands between the two words."""
    t = token.lower()
    if not first and t.rstrip("\"')\u201d\u2019]").endswith((".", "!", "?", ":", ";")):
        return None  # a sentence ends between the two words: word-pair counts do not apply
    if first:
        t = t.lstrip("\"'(\u201c\u2018[")
    else:
        t = t.rstrip("\"'),.;:!?\u201d\u2019]")
    if t.endswith(("'s", "\u2019s")):
        t = t[:-2]  # a possessive pairs like its noun ("an object's" as "an object")
    return t.replace("\u2019", "").replace("'", "") if _CLEAN.match(t) else None


@lru_cache(maxsize=262144)
def pmi(w1: str, w2: str) -> float:
    """Natural-log PMI of the pair (w1 w2), capped to +-LIMIT; 0 where it cannot be judged."""
    if w2.lstrip("\"'(\u201c\u2018[")[:1].isupper():
        return 0.0  # a capital after no full stop is a name or title: lower-case pair counts mislead
    a, b = _key(w1, False), _key(w2, True)
    if a is None or b is None:
        return 0.0
    uni, bi, total = _tables()
    ua, ub = uni.get(a), uni.get(b)
    if not ua or not ub:
        return 0.0
    count = bi.get(a + " " + b)
    if count is None:
        return max(-LIMIT, min(0.0, math.log(UNSEEN * total / (ua * ub))))
    return max(-LIMIT, min(LIMIT, math.log(count * total / (ua * ub))))

"""lexicon: word frequencies (Zipf scale) from wordfreq, so joins and splits can be judged as language.

wordfreq ships its word lists inside the wheel, so nothing is fetched at run time. Without it every
word scores 0 and the callers fall back on the document's own vocabulary and on typography.
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

_EDGE_PUNCT = regex.compile(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")
_LOWER_START = regex.compile(r"^\p{Ll}")
_UPPER_START = regex.compile(r"^\p{Lu}")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return {}
    return get_frequency_dict("en", wordlist="large")


def core(token: str) -> str:
    """The token without leading/trailing punctuation ("(women’s," -> "women’s")."""
    return _EDGE_PUNCT.sub("", token)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency (0 = unknown, 3 = once per million words, 7 = "the") of a bare word."""
    w = word.lower().replace("\u2019", "'")
    f = _frequencies().get(w)
    return math.log10(f) + 9.0 if f else 0.0


def starts_lower(token: str) -> bool:
    return bool(_LOWER_START.match(core(token) or token))


def starts_upper(token: str) -> bool:
    return bool(_UPPER_START.match(core(token) or token))


def ends_sentence(token: str) -> bool:
    """True for a token that closes a sentence: "processes." "done?)" "so:" (not "e.g.")."""
    t = token.rstrip("\"'\u2019\u201d)]")
    return t.endswith((".", "!", "?", ":")) and not (len(t) <= 4 and t.count(".") >= 2)


# closed-class words that never end a sentence, a heading or a paragraph: a line ending in one
# goes on in the same column ("of" + "the next line"), it cannot stop before a gap or a column end
DANGLING = frozenset(
    "a an the of and or nor but to for with from into onto upon at by in than its their our your my "
    "whose via per if because although whether between among within".split()
)


def dangling(token: str) -> bool:
    """True for "the", "of", "and" ... with no punctuation after them ("of" but not "in,")."""
    t = token.lstrip("\"'(\u201c\u2018[")
    return t.isalpha() and t.lower() in DANGLING

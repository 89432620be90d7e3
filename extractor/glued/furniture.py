"""furniture: page numbers, running heads and letter-spaced lines at the top and bottom of a page.

Only the first and last few lines are looked at, and a line must look like furniture on its own:
a page number ("P. 23", "Page 23 - DIVA_3_2023", "- 23 -", "23"), a short title-like line that
starts or ends with a number ("Journal of Examples 12 (2023) 45"), or letters set apart with
spaces ("w w w. d i va i n t e r n at i o n a l . c h").
"""

from __future__ import annotations

import regex

EDGE_LINES = 3  # furniture is looked for among this many non-blank lines at each end
_PAGE_NO = regex.compile(
    r"^(?:(?:page|p\.|pp\.|seite|s\.)\s*\d{1,4}\b.*|[-\u2013\u2014\s]*\d{1,4}[-\u2013\u2014\s]*"
    r"|\d{1,4}\s*(?:/|of)\s*\d{1,4})$",
    regex.IGNORECASE,
)
_NUMBER_EDGE = regex.compile(r"^\d{1,4}\s|\s\(?\d{1,4}\)?$")
_SMALL = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "und", "de", "la", "et"}


def letter_spaced(line: str) -> bool:
    toks = line.split()
    if len(toks) < 5:
        return False
    short = sum(1 for t in toks if len(t.strip(".,")) <= 2)
    return short >= 0.75 * len(toks)


def title_with_number(line: str) -> bool:
    if not _NUMBER_EDGE.search(line):
        return False
    words = [w for w in regex.findall(r"\p{L}[\p{L}'\u2019.]*", line) if w.lower() not in _SMALL]
    if not words or len(line.split()) > 10 or line.rstrip().endswith((".", ",", ";")):
        return False
    return all(w[0].isupper() for w in words)


def is_furniture(line: str) -> bool:
    s = line.strip()
    return bool(_PAGE_NO.match(s)) or letter_spaced(s) or title_with_number(s)


def furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines at the top and bottom that are furniture."""
    body = [i for i, ln in enumerate(lines) if ln.strip()]
    drop: set[int] = set()
    for edge in (body[:EDGE_LINES], list(reversed(body[-EDGE_LINES:]))):
        for i in edge:
            if not is_furniture(lines[i]):
                break
            drop.add(i)
    return drop

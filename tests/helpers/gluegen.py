"""gluegen: typeset real prose into two columns, then glue each row the way position sorters do.

Pages are set with Times metrics (the repair assumes Helvetica), justified or ragged, equal or
1/3-2/3 columns, with or without hyphenation, headings and a figure caption inside a column, a
running head and a page number, and columns that start lower or end earlier. Each page carries the
truth: the (left, right) parts of every glued row and the expected reading-order paragraphs.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pymupdf

VOWELS = set("aeiouyAEIOUY")
_FONTS = {"body": pymupdf.Font("tiro"), "head": pymupdf.Font("tibo"), "cap": pymupdf.Font("tiit")}
SPACE = 0.25  # Times space, em
SHRINK = 0.08  # how much a justified space may shrink, em

EXTRA_PROSE = """\
It is a truth universally acknowledged, that a single man in possession of a good fortune, must be \
in want of a wife. However little known the feelings or views of such a man may be on his first \
entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families, \
that he is considered the rightful property of some one or other of their daughters.
When on board H.M.S. Beagle, as naturalist, I was much struck with certain facts in the \
distribution of the organic beings inhabiting South America, and in the geological relations of \
the present to the past inhabitants of that continent. These facts seemed to throw some light on \
the origin of species, that mystery of mysteries, as it has been called by one of our greatest \
philosophers.
I went to the woods because I wished to live deliberately, to front only the essential facts of \
life, and see if I could not learn what it had to teach, and not, when I came to die, discover \
that I had not lived. I did not wish to live what was not life, living is so dear; nor did I wish \
to practise resignation, unless it was quite necessary.
Four score and seven years ago our fathers brought forth on this continent, a new nation, \
conceived in Liberty, and dedicated to the proposition that all men are created equal. Now we are \
engaged in a great civil war, testing whether that nation, or any nation so conceived and so \
dedicated, can long endure."""


@lru_cache(maxsize=1)
def prose_paragraphs() -> tuple[str, ...]:
    """Paragraphs of English prose shipped with Python (the reference manual's topics)."""
    from pydoc_data.topics import topics

    paras = list(EXTRA_PROSE.split("\n"))
    for key in sorted(topics):
        for chunk in re.split(r"\n\s*\n", topics[key]):
            text = " ".join(chunk.split())
            if chunk.startswith("   ") or len(text.split()) < 25:
                continue
            if re.search(r"[{}\[\]=<>*_`|#@\\]", text):
                continue
            paras.append(text)
    return tuple(paras)


@lru_cache(maxsize=200000)
def width(text: str, font: str = "body") -> float:
    return _FONTS[font].text_length(text, fontsize=1)


def hyphenation_points(word: str) -> list[int]:
    """Crude syllable breaks (V-CV, VC-CV) at least 2 letters in and 3 from the end."""
    if "-" in word.strip("-"):
        return [i + 1 for i, c in enumerate(word) if c == "-" and 0 < i < len(word) - 2]
    if not word.isalpha() or len(word) < 6:
        return []
    pts = []
    for i in range(2, len(word) - 2):
        a, b, c = word[i - 1], word[i], word[i + 1]
        if a in VOWELS and b not in VOWELS and c in VOWELS:
            pts.append(i)
        elif a not in VOWELS and b not in VOWELS and c in VOWELS and word[i - 2] in VOWELS:
            pts.append(i)
    return pts


@dataclass
class Column:
    """Rows of one column: text, or "" for an empty row (gap, figure, unused)."""

    width: float
    start: int
    capacity: int
    rows: list[str] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return len(self.rows) >= self.capacity


@dataclass
class Page:
    text: str
    expected: str
    rows: list[tuple[str, str] | None]  # truth per input line; None for furniture and blanks
    style: str


class Setter:
    """Pours blocks into the columns one line at a time, keeping the expected paragraphs."""

    def __init__(self, cols: list[Column], justified: bool, hyphenate: bool, gaps: bool):
        self.cols, self.justified, self.hyphenate, self.gaps = cols, justified, hyphenate, gaps
        self.ci = 0
        self.paragraphs: list[list[str]] = []

    @property
    def col(self) -> Column | None:
        while self.ci < len(self.cols) and self.cols[self.ci].full:
            self.ci += 1
        return self.cols[self.ci] if self.ci < len(self.cols) else None

    def last_row(self) -> bool:
        return self.ci == len(self.cols) - 1 and self.cols[-1].capacity - len(self.cols[-1].rows) <= 1

    def gap(self) -> None:
        col = self.col
        if col is not None and col.rows:
            col.rows.append("")

    def fits(self, words: list[str], font: str, scale: float, limit: float) -> bool:
        natural = sum(width(w, font) for w in words) + SPACE * (len(words) - 1)
        shrink = SHRINK * (len(words) - 1) if self.justified else 0.0
        return natural * scale - shrink * scale <= limit

    def block(self, words: list[str], font: str = "body", scale: float = 1.0) -> bool:
        """Set one paragraph; returns False when the page ran out of room."""
        out: list[str] = []
        self.paragraphs.append(out)
        pending = list(words)
        index = 0  # words[index] is (the rest of) pending[0]
        while pending:
            col = self.col
            if col is None:
                return False
            line: list[str] = []
            while pending and self.fits([*line, pending[0]], font, scale, col.width):
                line.append(pending.pop(0))
            done = len(line)
            if pending and self.hyphenate and not self.last_row():
                word = pending[0]
                for p in reversed(hyphenation_points(word)):
                    head = word[:p] if word[p - 1] == "-" else word[:p] + "-"
                    if self.fits([*line, head], font, scale, col.width):
                        line.append(head)
                        pending[0] = word[p:]
                        break
            if not line:  # a word wider than the column: set it alone
                line.append(pending.pop(0))
                done = 1
            col.rows.append(" ".join(line))
            out.extend(words[index : index + done])
            index += done
        return True


JOURNALS = ["Journal of Applied Examples", "DIVA", "Proceedings of the Society", "The Review"]
URLS = ["www.divainternational.ch", "www.example.org", "journals.example.net"]


def letter_spaced(text: str) -> str:
    return " ".join(text)


def running_head(rng: random.Random, number: int) -> str:
    journal = rng.choice(JOURNALS)
    return rng.choice(
        [
            f"Page {number} - {journal.split()[0].upper()}_3_2023",
            f"{journal} {rng.randint(2, 40)} ({rng.randint(1990, 2024)}) {number}",
            f"{number} {journal}",
            letter_spaced(rng.choice(URLS)),
        ]
    )


def page_foot(rng: random.Random, number: int) -> str:
    return rng.choice([f"P. {number}", str(number), f"- {number} -", letter_spaced(rng.choice(URLS))])


def heading(rng: random.Random) -> list[str]:
    pool = ["Results", "Background", "Method", "Discussion", "Scope", "Notes", "Data Model",
            "Related Work", "Evaluation", "Summary", "Open Questions", "Design Goals"]
    words = rng.choice(pool).split()
    if rng.random() < 0.5:
        words = [f"{rng.randint(1, 9)}."] + words
    return words


def make_page(seed: int) -> Page:
    """One glued two-column page; the same seed always gives the same page."""
    rng = random.Random(seed)
    paras = prose_paragraphs()
    if rng.random() < 0.5:
        left_w = right_w = rng.uniform(20.0, 30.0)
        shape = "equal"
    else:
        narrow, wide = rng.uniform(13.0, 18.0), rng.uniform(29.0, 36.0)
        left_w, right_w = (narrow, wide) if rng.random() < 0.5 else (wide, narrow)
        shape = "1/3-2/3" if left_w < right_w else "2/3-1/3"
    height = rng.randint(32, 52)
    lower = rng.random() < 0.4
    earlier = rng.random() < 0.4
    l_start = r_start = 0
    if lower:
        if rng.random() < 0.7:
            r_start = rng.randint(3, height // 2)
        else:
            l_start = rng.randint(3, height // 3)
    l_cap, r_cap = height - l_start, height - r_start
    if earlier:
        r_cap = max(5, r_cap - rng.randint(3, r_cap // 2))
    cols = [Column(left_w, l_start, l_cap), Column(right_w, r_start, r_cap)]
    justified, hyphenate, gaps = rng.random() < 0.6, rng.random() < 0.6, rng.random() < 0.4
    setter = Setter(cols, justified, hyphenate, gaps)
    figure_at = rng.randint(1, 4) if rng.random() < 0.5 else -1
    heading_p = 0.25 if rng.random() < 0.6 else 0.0
    p = rng.randrange(len(paras))
    count = 0
    while setter.col is not None:
        if count == figure_at and setter.col is not None:
            setter.gap()
            col = setter.col
            for _ in range(rng.randint(4, 9)):
                if col.full:
                    break
                col.rows.append("")
            caption = ["Figure", f"{rng.randint(1, 9)}:", *paras[rng.randrange(len(paras))].split()[:rng.randint(8, 24)]]
            if not setter.block(caption, "cap", 0.85):
                break
            setter.gap()
        elif count and rng.random() < heading_p:
            setter.gap()
            if not setter.block(heading(rng), "head"):
                break
        elif count and gaps:
            setter.gap()
        if not setter.block(paras[p % len(paras)].split()):
            break
        p += 1
        count += 1
    return glue(rng, cols, setter.paragraphs, seed,
                f"{shape} {'justified' if justified else 'ragged'} "
                f"{'hyph' if hyphenate else 'nohyph'}{' gaps' if gaps else ''}"
                f"{' lower' if lower else ''}{' earlier' if earlier else ''}"
                f"{' figure' if figure_at >= 0 else ''}")


def glue(rng: random.Random, cols: list[Column], paragraphs: list[list[str]], seed: int, style: str) -> Page:
    left, right = cols
    nrows = max(left.start + len(left.rows), right.start + len(right.rows))
    lines: list[str] = []
    truth: list[tuple[str, str] | None] = []
    number = 1 + seed % 300
    if rng.random() < 0.8:
        lines.append(running_head(rng, number))
        truth.append(None)
    for r in range(nrows):
        lt = left.rows[r - left.start] if 0 <= r - left.start < len(left.rows) else ""
        rt = right.rows[r - right.start] if 0 <= r - right.start < len(right.rows) else ""
        lines.append(" ".join(t for t in (lt, rt) if t))
        truth.append((lt, rt) if lt or rt else None)
    while lines and not lines[-1]:
        lines.pop()
        truth.pop()
    if rng.random() < 0.7:
        lines.append(page_foot(rng, number))
        truth.append(None)
    expected = "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n"
    return Page("\n".join(lines) + "\n", expected, truth, style)


def make_pages(n: int, first_seed: int = 1) -> list[Page]:
    return [make_page(s) for s in range(first_seed, first_seed + n)]

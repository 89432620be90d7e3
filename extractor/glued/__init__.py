"""glued: repair text whose columns were glued line by line ("left line" + " " + "right line").

`repair_text(text)` returns clean paragraphs in reading order, one per line, separated by one blank
line. Pipeline: check input -> drop furniture -> split on a visible gutter if there is one, else
fit the column widths and choose every row's split at once (Viterbi) -> join lines into
paragraphs, repairing line-end hyphens.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from extractor.errors import TextInputError
from extractor.glued.assemble import ColLine, paragraphs
from extractor.glued.casing import case_table
from extractor.glued.fit import Fit, fit
from extractor.glued.furniture import furniture_lines
from extractor.glued.gutter import split_on_gutter
from extractor.glued.phrases import page_pairs
from extractor.glued.rows import Row, make_row
from extractor.glued.widths import prefix_widths
from extractor.hyphenation import vocabulary_of
from extractor.textnorm import compose_accents

__all__ = ["Analysis", "analyse", "render", "repair_text"]


@dataclass(slots=True)
class Analysis:
    """Per input line: the text of each column, or None for blank and furniture lines."""

    parts: list[tuple[str, ...] | None]
    columns: list[list[ColLine]]  # each column's lines, left to right
    widths: tuple[float, ...]  # column widths in em (0 when unknown)
    # Every line in reading order: each section of the page (parted by lines set across the
    # columns, or by a region on a grid of its own) in turn, its columns left to right.
    order: list[ColLine]


def check_text(text: str) -> None:
    if not isinstance(text, str):
        raise TextInputError(f"repair needs text (str), got {type(text).__name__}")
    if not text.strip():
        raise TextInputError("the text is empty: nothing to repair")
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    if "\x00" in text or bad > max(2, len(text) // 100):
        raise TextInputError("the input looks binary, not text: give extracted plain text")


def analyse(text: str) -> Analysis:
    """Split every line of glued text into its left and right column parts."""
    check_text(text)
    lines = [" ".join(ln.split()) for ln in text.replace("\f", "\n").splitlines()]
    drop = furniture_lines(lines)
    split = split_on_gutter(text.replace("\f", "\n").splitlines(), drop)
    if split is not None:
        return _streams(lines, drop, split.parts, None, split.across, split.region)
    rows: list[Row] = []
    gap = False
    for i, ln in enumerate(lines):
        if i in drop or not ln:
            gap = gap or bool(rows)
            continue
        rows.append(make_row(i, ln.split(), gap))
        gap = False
    if not rows:
        raise TextInputError("the text holds only page furniture (page numbers, running heads)")
    table = case_table(rows)
    pairs = page_pairs(rows)
    for row in rows:
        row.case = table
        row.pairs = pairs
    best: Fit = fit(rows)
    parts: dict[int, tuple[str, str]] = {}
    for row, k in zip(rows, best.solution.ks):
        parts[row.index] = (" ".join(row.words[:k]), " ".join(row.words[k:]))
    return _streams(lines, drop, parts, (best.wl, best.wr))


def _streams(
    lines: list[str],
    drop: set[int],
    parts: Mapping[int, tuple[str, ...]],
    widths: tuple[float, ...] | None,
    across: set[int] | frozenset[int] = frozenset(),
    region: dict[int, int] | None = None,
) -> Analysis:
    """Each column's lines, top to bottom, marking those after a blank stretch of the column.

    ``widths`` None: split on visible gutters, each column's width is measured on its lines
    (those of its ``region``, a stretch of the page with gutters of its own). Lines ``across``
    the columns (a title, a figure's caption) part the page into sections read one after the
    other, each column by column (see :class:`ColLine` ``across``), as regions do.
    """
    count = max(map(len, parts.values()), default=2)
    region = region or {}
    out: list[tuple[str, ...] | None] = []
    sections: list[tuple[tuple[bool, int], list[int]]] = []  # ((across?, region), rows)
    for i in range(len(lines)):
        p = parts.get(i) if i not in drop else None
        out.append(p)
        if p and any(p):
            key = (i in across, region.get(i, 0))
            if not sections or sections[-1][0] != key:
                sections.append((key, []))
            sections[-1][1].append(i)
    filled = [
        {i for i, p in parts.items() if i not in drop and i not in across and k < len(p) and p[k]}
        for k in range(count)
    ]
    measured: dict[int, tuple[float, ...]] = {}
    for r in sorted(set(region.values()) or {0}):
        if widths is not None:
            measured[r] = widths
            continue
        per_column = [sorted(i for i in column if region.get(i, 0) == r) for column in filled]
        measured[r] = tuple(measure([parts[i][k] for i in per_column[k]]) for k in range(count))
    columns: list[list[ColLine]] = [[] for _ in range(count)]
    order: list[ColLine] = []
    for (is_across, r), rows in sections:
        if is_across:
            texts = [" ".join(c for c in parts[i] if c) for i in rows]
            wide = measure(texts)
            order += [
                ColLine(t.split(), i, wide, n > 0 and rows[n - 1] < i - 1, -1, True)
                for n, (t, i) in enumerate(zip(texts, rows, strict=True))
            ]
            continue
        for k in range(count):
            column: list[ColLine] = []
            for i in rows:
                if k < len(parts[i]) and parts[i][k]:
                    gap = bool(column) and _gap(filled, k, column[-1].row, i)
                    column.append(ColLine(parts[i][k].split(), i, measured[r][k], gap, k))
            columns[k] += column
            order += column
    return Analysis(out, columns, widths if widths is not None else measured[0], order)


def _gap(filled: list[set[int]], k: int, above: int, row: int) -> bool:
    """Is column ``k`` blank between its lines on rows ``above`` and ``row``?

    A row that holds only a line of another column set between two rows without that column's
    text is no gap: where the columns' baselines do not line up, a layout-preserving extractor
    gives each column rows of its own, and their lines alternate down the page."""
    others = [rows for j, rows in enumerate(filled) if j != k]
    return any(
        not any(r in rows and r - 1 not in rows and r + 1 not in rows for rows in others)
        for r in range(above + 1, row)
    )


# A column's measure, set by its longest lines: the line at this share of the column's lines
# ranked by width (not the longest: one line run long, a spanning title, would set it).
MEASURE_RANK = 0.9
MIN_MEASURED = 4  # lines a column needs before its width is trusted


def measure(lines: list[str]) -> float:
    """The width of a column in em, from its longest lines (0 when it has too few to tell).

    A paragraph's last line stops short of it; a ragged-right line stops short of it by less
    than the next word's width, so neither reads as a paragraph end wrongly (see
    :func:`extractor.glued.assemble.is_paragraph_end`).
    """
    if len(lines) < MIN_MEASURED:
        return 0.0
    widths = sorted(prefix_widths(line.split())[-1] for line in lines)
    return widths[min(len(widths) - 1, int(MEASURE_RANK * len(widths)))]


def repair_text(text: str) -> str:
    """Clean paragraphs in reading order from text whose columns were glued line by line.

    A text of several pages parted by form feeds (as pdftotext writes them) is read page by
    page, each with its own column widths: its left column, then its right one, then the
    next page; a paragraph runs on from one page to the next as from column to column.

    Raises:
        TextInputError: the text is empty, binary, or only furniture.
    """
    check_text(text)
    pages = [page for page in text.split("\f") if page.strip()]
    if len(pages) < 2:
        return render(analyse(text), text)
    stream: list[ColLine] = []
    failures: list[TextInputError] = []
    for page in pages:
        try:
            result = analyse(page)
        except TextInputError as exc:  # a page of furniture only, or blank
            failures.append(exc)
            continue
        stream += result.order
    if not stream:
        raise failures[0]
    return _write(paragraphs(stream, vocabulary_of([text])))


def render(result: Analysis, text: str) -> str:
    """Paragraphs of an analysed page, its columns read left to right, in plain-text format."""
    return _write(paragraphs(result.order, vocabulary_of([text])))


def _write(paras: list[str]) -> str:
    if not paras:
        raise TextInputError("no body text found")
    # TeX's spacing accents, as a PDF's text layer gives them ("f¨ur"): composed at the end,
    # as the column fit counts characters of the text as given.
    return compose_accents("\n\n".join(paras) + "\n")

"""glued: repair text whose two columns were glued line by line ("left line" + " " + "right line").

`repair_text(text)` returns clean paragraphs in reading order, one per line, separated by one blank
line. Pipeline: check input -> drop furniture -> split on a visible gutter if there is one, else
fit the column widths and choose every row's split at once (Viterbi) -> join lines into
paragraphs, repairing line-end hyphens.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.errors import TextInputError
from extractor.glued.assemble import ColLine, paragraphs
from extractor.glued.casing import case_table
from extractor.glued.fit import Fit, fit
from extractor.glued.furniture import furniture_lines
from extractor.glued.gutter import split_on_gutter
from extractor.glued.phrases import page_pairs
from extractor.glued.rows import Row, make_row
from extractor.hyphenation import vocabulary_of
from extractor.textnorm import compose_accents

__all__ = ["Analysis", "analyse", "render", "repair_text"]


@dataclass(slots=True)
class Analysis:
    """Per input line: (left, right) text, or None for blank and furniture lines."""

    parts: list[tuple[str, str] | None]
    left: list[ColLine]
    right: list[ColLine]
    widths: tuple[float, float]  # fitted column widths in em (0 when unknown)


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
    gutter = split_on_gutter(text.replace("\f", "\n").splitlines(), drop)
    if gutter is not None:
        return _streams(lines, drop, gutter, (0.0, 0.0))
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
    parts: dict[int, tuple[str, str]],
    widths: tuple[float, float],
) -> Analysis:
    left: list[ColLine] = []
    right: list[ColLine] = []
    gap_l = gap_r = False
    out: list[tuple[str, str] | None] = []
    for i in range(len(lines)):
        p = parts.get(i) if i not in drop else None
        out.append(p)
        lt, rt = p if p else ("", "")
        if lt:
            left.append(ColLine(lt.split(), i, widths[0], gap_l))
        if rt:
            right.append(ColLine(rt.split(), i, widths[1], gap_r, 1))
        gap_l = not lt and (gap_l or bool(left))
        gap_r = not rt and (gap_r or bool(right))
    return Analysis(out, left, right, widths)


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
        stream += result.left + result.right
    if not stream:
        raise failures[0]
    return _write(paragraphs(stream, vocabulary_of([text])))


def render(result: Analysis, text: str) -> str:
    """Paragraphs of an analysed page: left stream, then right stream, in plain-text format."""
    return _write(paragraphs(result.left + result.right, vocabulary_of([text])))


def _write(paras: list[str]) -> str:
    if not paras:
        raise TextInputError("no body text found")
    # TeX's spacing accents, as a PDF's text layer gives them ("f¨ur"): composed at the end,
    # as the column fit counts characters of the text as given.
    return compose_accents("\n\n".join(paras) + "\n")

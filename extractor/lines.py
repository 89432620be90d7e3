"""lines: one page's Words -> Lines (words on one baseline, never across a column gutter).

Lines are rebuilt from geometry alone, so the order in which the PDF drew its text does not
matter. Words are grouped by baseline, split where the horizontal gap is far wider than
the line's word spacing (a gutter), and small raised or lowered words (superscripts,
footnote marks) are attached to the line they touch.
"""

from __future__ import annotations

from statistics import median

from extractor.model import Line, Word

# A gap wider than this many font sizes always separates two line fragments.
GUTTER_GAP_EM = 1.2
# A gap wider than this many font sizes separates fragments when it is also much wider
# than the line's ordinary word spacing (justified text widens spaces evenly).
NARROW_GUTTER_EM = 0.6
SPACING_RATIO = 3.0


def build_lines(words: tuple[Word, ...] | list[Word]) -> list[Line]:
    """Group ``words`` into lines, top to bottom, each left to right."""
    upright = [w for w in words if w.upright]
    rotated = [w for w in words if not w.upright]
    words_sorted = sorted(_dedupe_fake_bold(upright), key=lambda w: (w.baseline, w.bbox.x0))
    lines: list[Line] = []
    for group in _merge_scripts(_baseline_groups(words_sorted)):
        lines.extend(_split_at_gutters(sorted(group, key=lambda w: w.bbox.x0)))
    lines.extend(_rotated_lines(rotated))
    lines.sort(key=lambda ln: (ln.bbox.top, ln.bbox.x0))
    return lines


def _baseline_groups(words: list[Word]) -> list[list[Word]]:
    """Runs of words whose baselines agree within a fraction of their size."""
    groups: list[list[Word]] = []
    current: list[Word] = []
    anchor = 0.0
    for w in words:
        if current and abs(w.baseline - anchor) <= 0.25 * max(w.size, 1.0):
            current.append(w)
        else:
            if current:
                groups.append(current)
            current = [w]
            anchor = w.baseline
    if current:
        groups.append(current)
    return groups


def _split_at_gutters(words: list[Word]) -> list[Line]:
    """Split a baseline group at gaps too wide to be word spaces."""
    if len(words) == 1:
        return [Line.of(words)]
    gaps = [b.bbox.x0 - a.bbox.x1 for a, b in zip(words, words[1:])]
    normal = median(gaps)
    lines: list[Line] = []
    start = 0
    for i, gap in enumerate(gaps):
        size = max(min(words[i].size, words[i + 1].size), 1.0)
        wide = gap > GUTTER_GAP_EM * size or (
            gap > NARROW_GUTTER_EM * size and gap > SPACING_RATIO * max(normal, 0.1 * size)
        )
        if wide:
            lines.append(Line.of(words[start : i + 1]))
            start = i + 1
    lines.append(Line.of(words[start:]))
    return lines


def _merge_scripts(groups: list[list[Word]]) -> list[list[Word]]:
    """Put superscripts and subscripts back on the baseline of the text they belong to.

    A group of smaller type whose baseline lies within half an em of a neighbouring group
    of larger type is raised or lowered text (a footnote mark, an exponent) and joins it.
    """
    sizes = [max(w.size for w in g) for g in groups]
    chars = [sum(len(w.text) for w in g) for g in groups]
    bases = [median(w.baseline for w in g) for g in groups]
    merged: list[list[Word]] = []
    pending: list[Word] = []
    for i, g in enumerate(groups):
        target = None
        for j in (i - 1, i + 1):
            if (
                0 <= j < len(groups)
                and sizes[j] > sizes[i] * 1.12
                and abs(bases[j] - bases[i]) < 0.55 * sizes[j]
                and chars[i] <= max(8, chars[j] // 4)
            ):
                target = j
                break
        if target == i - 1 and merged:
            merged[-1].extend(g)
        elif target == i + 1:
            pending.extend(g)
        else:
            merged.append(pending + g)
            pending = []
    if pending:
        merged.append(pending)
    return merged


def _rotated_lines(words: list[Word]) -> list[Line]:
    """Rotated words, grouped per vertical run; the layout sets them aside as margin text."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (round(w.bbox.x0), w.bbox.top))
    lines: list[Line] = []
    current = [words[0]]
    for w in words[1:]:
        if abs(w.bbox.x0 - current[-1].bbox.x0) < 2 and w.bbox.top - current[-1].bbox.bottom < 3 * w.size:
            current.append(w)
        else:
            lines.append(Line.of(current))
            current = [w]
    lines.append(Line.of(current))
    return lines


def _dedupe_fake_bold(words: list[Word]) -> list[Word]:
    """Drop the overprinted copies of fake-bold text (same word drawn at a tiny offset)."""
    if len(words) < 2:
        return words
    words = sorted(words, key=lambda w: (w.text, w.bbox.x0, w.bbox.top))
    kept = [words[0]]
    for w in words[1:]:
        prev = kept[-1]
        if (
            w.text == prev.text
            and abs(w.bbox.x0 - prev.bbox.x0) < 0.15 * w.size
            and abs(w.bbox.top - prev.bbox.top) < 0.15 * w.size
        ):
            continue
        kept.append(w)
    return kept

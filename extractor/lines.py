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
    for group in _baseline_groups(words_sorted):
        lines.extend(_split_at_gutters(sorted(group, key=lambda w: w.bbox.x0)))
    lines = _attach_scripts(lines)
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


def _attach_scripts(lines: list[Line]) -> list[Line]:
    """Merge a short line of small type into the line it touches on the side.

    Superscripts and footnote marks sit off the baseline, so they form their own tiny line;
    here they rejoin the line whose box they overlap vertically and abut horizontally.
    """
    small = [ln for ln in lines if len(ln.words) <= 3 and ln.bbox.width < 4 * ln.size]
    if not small:
        return lines
    by_top = sorted((ln for ln in lines if ln not in set(small)), key=lambda ln: ln.bbox.top)
    absorbed: dict[int, list[Word]] = {}
    keep_small: list[Line] = []
    for s in small:
        host = _host_for(s, by_top)
        if host is None:
            keep_small.append(s)
        else:
            absorbed.setdefault(id(host), []).extend(s.words)
    merged: list[Line] = []
    for ln in by_top:
        extra = absorbed.get(id(ln))
        if extra:
            merged.append(Line.of(sorted(ln.words + tuple(extra), key=lambda w: w.bbox.x0)))
        else:
            merged.append(ln)
    return merged + keep_small


def _host_for(script: Line, candidates: list[Line]) -> Line | None:
    size = script.size
    for ln in candidates:
        if ln.bbox.top > script.bbox.bottom:
            break
        if ln.size <= size * 1.05 or ln.bbox.v_overlap(script.bbox) < 0.3 * script.bbox.height:
            continue
        gap = max(ln.bbox.x0 - script.bbox.x1, script.bbox.x0 - ln.bbox.x1)
        if gap < 0.5 * ln.size:
            return ln
    return None


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

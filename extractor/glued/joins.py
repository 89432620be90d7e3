"""joins: the price of going from one glued row to the next, per column.

A column line ends either because the next word of the column did not fit (a full line), or
because its paragraph ended (visibly short, and then it should end like a sentence), or because
the column has a gap or ends there. The left column's next word is always word 0 of the next row,
the right column's is word k of it, so the left step does not depend on the next row's split:
the chain prices it once per previous split (`left_step`), and the right step per pair
(`right_step`).
"""

from __future__ import annotations

from extractor.glued.bigrams import pmi
from extractor.glued.costs import (
    C_BADJOIN, C_HYPH_WORD, GAP_CREDIT, C_CAP, C_CAP_COMMON, C_CAPTION_GAP, C_GAP_LOWER, C_HEAD, C_REPEAT, C_START, C_STOP,
    C_STOP_DANGLE, C_STOP_HYPH, CASE_W, D0, D_GAPPED, DSPAN, LAMBDA, PE_GAP, PE_GAP_DANGLE, PE_HEAD,
    PE_HYPH, PE_NONE, PE_SENT, PE_SOFT,
)
from extractor.glued.phrases import PAGE_PAIR, pair_key
from extractor.glued.rows import Row, hyphen_join_ok, hyphen_joins_word
from extractor.glued.widths import SPACE


def end_cost(width: float, nxt: float, col: float, pe: float, d0: float = D0) -> float:
    """Price of a column line that ends although `nxt` might have fitted after it."""
    deficit = (col - width - SPACE - nxt) / col - d0
    if deficit <= 0:
        return 0.0
    return pe * min(1.0, deficit / DSPAN)


def pe_price(a: Row, i: int, b: Row, j: int) -> float:
    if a.hyph[i]:
        return PE_HYPH
    if a.term[i]:
        return PE_SENT if b.upper[j] else PE_SOFT
    return PE_SOFT if b.upper[j] else PE_NONE


def flow_cost(a: Row, i: int, b: Row, j: int, head: bool = False) -> float:
    """Does word j of row b read as the continuation of word i of row a (a heading ends like a
    sentence)?"""
    if a.hyph[i]:
        if hyphen_joins_word(a.words[i], b.words[j]):
            return -C_HYPH_WORD
        return 0.0 if hyphen_join_ok(a.words[i], b.words[j]) else C_BADJOIN
    cost = CASE_W * a.case[int(a.term[i] or head)][b.kind[j]] if a.case else 0.0
    return cost + (C_REPEAT if a.words[i] == b.words[j] else 0.0)


def gap_flow(a: Row, i: int, b: Row, j: int) -> float:
    """Word i of row a, then a gap in its column, then word j of row b: same paragraph or not."""
    if a.hyph[i]:
        return 0.0 if hyphen_join_ok(a.words[i], b.words[j]) else 2 * C_BADJOIN
    if not a.term[i] and b.upper[j]:
        return C_CAP_COMMON if b.common[j] else C_CAP
    if a.term[i] and b.lower[j]:
        return C_GAP_LOWER  # a paragraph after a gap that starts with a small letter
    if a.term[i] and b.upper[j]:
        return -GAP_CREDIT * a.gap_bias  # a paragraph gap, as this page sets them (style)
    return 0.0


def gap_end(a: Row, i: int, width: float, head: bool, b: Row, j: int, col: float) -> float:
    """A short line before a gap in its column ends a paragraph: mid-sentence, that is unlikely
    (a full line may stop for a figure, a heading or a sentence may end short)."""
    if a.hyph[i] or a.term[i] or head:
        return 0.0
    return end_cost(width, b.ww[j], col, PE_GAP_DANGLE if a.dangle[i] else PE_GAP)


def transition(a: Row, ka: int, b: Row, kb: int, wl: float, wr: float) -> float:
    """Price of rows a -> b split at ka and kb: the left column's step plus the right's."""
    return left_step(a, ka, b, kb > 0, wl) + right_step(a, ka, b, kb, wr)


def left_step(a: Row, ka: int, b: Row, has: bool, wl: float) -> float:
    """The left column from row a (split at ka) to row b, which holds left text or not (`has`):
    its next word is always b's first, so this does not depend on where b splits."""
    if b.gap_before:
        # across a blank line a column that goes on is a paragraph gap; one that stops or starts
        # there is a column end or start, as rare as anywhere else
        if ka and has:
            return gap_flow(a, ka - 1, b, 0) + gap_end(a, ka - 1, a.pw[ka], a.head_pre[ka], b, 0, wl)
        if ka:
            return stop_cost(a, ka - 1)
        return C_START if has else 0.0
    if not ka:
        return C_START if has else 0.0
    if not has:
        return stop_cost(a, ka - 1)
    # a caption line ("Figure 2: ...") right under a line of its own column: no figure above it
    cost = C_CAPTION_GAP if b.caption[0] else 0.0
    return cost + join_cost(a, ka - 1, a.pw[ka], a.head_pre[ka], b, 0, wl)


def right_step(a: Row, ka: int, b: Row, kb: int, wr: float) -> float:
    """The right column from row a (split at ka) to row b (split at kb)."""
    had, has = ka < a.n, kb < b.n
    if b.gap_before:
        if had and has:
            return gap_flow(a, a.n - 1, b, kb) + gap_end(
                a, a.n - 1, a.right_width(ka), a.head_suf[ka], b, kb, wr)
        if had:
            return stop_cost(a, a.n - 1)
        return C_START if has else 0.0
    if not had:
        return C_START if has else 0.0
    if not has:
        return stop_cost(a, a.n - 1)
    cost = C_CAPTION_GAP if b.caption[kb] else 0.0
    return cost + join_cost(a, a.n - 1, a.right_width(ka), a.head_suf[ka], b, kb, wr)


def join_cost(a: Row, i: int, width: float, head: bool, b: Row, j: int, col: float) -> float:
    """Line of row a ending in word i, then the same column's line in row b starting at word j.

    A heading-like line ("4. Related Work") followed by a capital reads either as a heading (its
    short end is expected, and it ends like a sentence) or as text: the cheaper reading counts.
    """
    key = (i, b.index, j)
    lang = a.memo.get(key)
    if lang is None:
        lang = a.memo[key] = (
            pe_price(a, i, b, j),
            flow_cost(a, i, b, j),
            flow_cost(a, i, b, j, True),
            LAMBDA * pmi(a.words[i], b.words[j]) + page_pair(a, i, b, j, 1),
        )
    pe, flow, flow_head, attract = lang
    cost = end_cost(width, b.ww[j], col, pe) + flow
    if a.gap_bias:
        # a visibly short line, and no gap after it, on a page that sets paragraphs apart
        cost += end_cost(width, b.ww[j], col, a.gap_bias, D_GAPPED)
    if head and not b.lower[j]:
        cost = min(cost, C_HEAD + end_cost(width, b.ww[j], col, PE_HEAD) + flow_head)
    return cost - attract


def stop_cost(a: Row, i: int) -> float:
    """A column line followed by a row without that column: a paragraph or column end."""
    if a.hyph[i]:
        return C_STOP_HYPH
    if a.dangle[i]:
        return C_STOP_DANGLE
    return 0.0 if a.term[i] else C_STOP


def page_pair(a: Row, i: int, b: Row, j: int, seen: int) -> float:
    """Credit for words i of a and j of b as neighbours, when the page shows that pair inside
    its rows at least `seen` times (a pair inside a row counts itself once)."""
    if not a.pairs or a.term[i] or a.hyph[i]:
        return 0.0
    key = pair_key(a.words[i], b.words[j])
    return PAGE_PAIR if key and a.pairs.get(key, 0) >= seen else 0.0

"""Benchmark `extractor.glued.repair_text` on generated glued two-column pages.

Usage: python bench/repair.py [--pages 48] [--first-seed 1] [--show N]
Prints a Markdown table per page (style, lines split right, word_acc, seconds) and the summary:
share of lines split exactly right, mean and median word_acc, mean and max seconds per page.
--show N prints page N's lines that were split wrong (got / wanted) instead.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from extractor.glued import analyse, render  # noqa: E402
from helpers.gluegen import Page, make_page  # noqa: E402


def word_acc(got: str, want: str) -> float:
    a, b = got.split(), want.split()
    if not a and not b:
        return 1.0
    return 1.0 - Levenshtein.distance(a, b) / max(len(a), len(b))


def score(page: Page) -> dict[str, float]:
    t0 = time.perf_counter()
    result = analyse(page.text)
    out = render(result, page.text)
    seconds = time.perf_counter() - t0
    right = total = 0
    for got, want in zip(result.parts, page.rows):
        if want is None:
            continue
        total += 1
        right += got == want
    return {
        "lines": total,
        "right": right,
        "word_acc": word_acc(out, page.expected),
        "seconds": seconds,
    }


def show(seed: int) -> int:
    page = make_page(seed)
    result = analyse(page.text)
    print(f"page {seed} ({page.style}), column widths {result.widths[0]:.1f} / "
          f"{result.widths[1]:.1f} em")
    wrong = 0
    for i, (got, want) in enumerate(zip(result.parts, page.rows)):
        if want is not None and got != want:
            wrong += 1
            print(f"line {i}:\n  got  {got}\n  want {want}")
    print(f"{wrong} of {sum(w is not None for w in page.rows)} lines split wrong")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=48)
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--quiet", action="store_true", help="summary only")
    ap.add_argument("--show", type=int, default=None, metavar="N",
                    help="print the lines of page (seed) N that were split wrong")
    args = ap.parse_args()
    if args.show is not None:
        return show(args.show)
    analyse("warm up the word list and font tables\n")
    rows = []
    for seed in range(args.first_seed, args.first_seed + args.pages):
        page = make_page(seed)
        rows.append((seed, page.style, score(page)))
    if not args.quiet:
        print("| seed | style | lines right | word_acc | s |")
        print("|---:|---|---:|---:|---:|")
        for seed, style, r in rows:
            print(f"| {seed} | {style} | {r['right']}/{r['lines']} | {r['word_acc']:.4f} "
                  f"| {r['seconds']:.3f} |")
    lines = sum(r["lines"] for _, _, r in rows)
    right = sum(r["right"] for _, _, r in rows)
    accs = [r["word_acc"] for _, _, r in rows]
    secs = [r["seconds"] for _, _, r in rows]
    print()
    print("| pages | lines split right | mean word_acc | median word_acc | s/page mean | s/page max |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(rows)} | {right}/{lines} = {100 * right / lines:.2f}% | {statistics.mean(accs):.4f} "
          f"| {statistics.median(accs):.4f} | {statistics.mean(secs):.3f} | {max(secs):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

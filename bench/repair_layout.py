"""Score `extractor repair` on real layout-preserving text: `pdftotext -layout` of the corpus pages.

Usage: python bench/repair_layout.py [--corpus DIR] [--layouts DIR]

Each PDF of the corpus (and, with --layouts, each PDF that bench/layouts.py typeset, with its
ground truth in the folder beside it) is turned into text by poppler's `pdftotext -layout`,
whose columns stand side by side on each line; `extractor.repair_text` reads it back into
paragraphs, scored against the page's ground truth with the corpus's score.py. A Markdown table
is printed, with the mean. Needs pdftotext (Debian: poppler-utils); without it, nothing is
measured.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from quality import DEFAULT_CORPUS, load_scorer  # noqa: E402

from extractor.errors import TextInputError  # noqa: E402
from extractor.glued import repair_text  # noqa: E402

METRICS = ("word_acc", "bigram_r", "para_f1")


def pages(corpus: Path, layouts: Path | None) -> list[tuple[Path, Path]]:
    """(PDF, ground truth) pairs: the corpus's, then the generated layouts'."""
    found = [
        (pdf, corpus / "gt" / f"{pdf.stem}.txt") for pdf in sorted((corpus / "pdf").glob("*.pdf"))
    ]
    if layouts is not None:
        found += [
            (pdf, layouts / "gt" / f"{pdf.stem}.txt")
            for pdf in sorted((layouts / "pdf").glob("*.pdf"))
        ]
    return [(pdf, truth) for pdf, truth in found if truth.exists()]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--layouts", type=Path, default=None, help="bench/layouts.py's --out folder")
    args = ap.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext is not installed (poppler-utils): nothing measured", file=sys.stderr)
        return 0
    if not (args.corpus / "score.py").exists():
        print(f"no corpus at {args.corpus}: nothing measured", file=sys.stderr)
        return 0
    score = load_scorer(args.corpus)
    print("| page | word_acc | bigram_r | para_f1 |")
    print("|---|---:|---:|---:|")
    rows = []
    for pdf, truth in pages(args.corpus, args.layouts):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        try:
            out = repair_text(text)
        except TextInputError as exc:
            print(f"{pdf.name}: {exc}", file=sys.stderr)
            out = ""
        s = score(truth.read_text(encoding="utf-8"), out)
        rows.append(s)
        print(f"| {pdf.stem} | " + " | ".join(f"{s[m]:.3f}" for m in METRICS) + " |")
    if rows:
        means = [sum(r[m] for r in rows) / len(rows) for m in METRICS]
        print("| **mean** | " + " | ".join(f"**{v:.3f}**" for v in means) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

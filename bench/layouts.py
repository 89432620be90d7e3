"""Quality on thirteen generated layouts: WeasyPrint pages with known text.

Usage: python bench/layouts.py [--out DIR] [--corpus DIR] [--seed N]

bench/layouts/make.py typesets thirteen HTML documents with WeasyPrint (two, three and four
columns, a spanning figure, running heads and feet, footnotes, a magazine page with a
sidebar, a table, lists and a quotation; and, added later, a drop cap and a pull quote, a
report over pages, a newspaper page of two stories side by side, ragged columns over a boxed
sidebar) and writes each one's body text in reading order as ground truth (titles, headings,
text, list items, quotations and sidebars; no running heads, page numbers, captions,
footnotes, tables, bylines or pull quotes). Each PDF is extracted and scored with the
corpus's ``score.py``; a table is printed. Needs ``pip install weasyprint`` (and fonts such
as Debian's fonts-liberation2 for the same layouts); without it, nothing is measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "layouts"))

from quality import DEFAULT_CORPUS, load_scorer  # noqa: E402

import extractor  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("/tmp/extractor-layouts"), help="work folder")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding score.py")
    ap.add_argument(
        "--seed", type=int, default=1000, help="draws the documents' text (1000: the published table)"
    )
    args = ap.parse_args()
    try:
        import make  # bench/layouts/make.py (imports weasyprint)
    except ImportError as exc:
        print(f"weasyprint is not installed ({exc}): nothing measured", file=sys.stderr)
        return 0
    if not (args.corpus / "score.py").exists():
        print(f"no score.py at {args.corpus}: nothing measured", file=sys.stderr)
        return 0
    score = load_scorer(args.corpus)
    make.main(args.out, args.seed)
    rows = []
    for gt in sorted((args.out / "gt").glob("*.txt")):
        text = extractor.extract(args.out / "pdf" / f"{gt.stem}.pdf").to_text()
        rows.append((gt.stem, score(gt.read_text(), text)))
    keys = list(rows[0][1]) if rows else []
    print("| document | " + " | ".join(keys) + " |")
    print("|---|" + "---:|" * len(keys))
    for name, s in rows:
        print(f"| {name} | " + " | ".join(f"{s[k]:.3f}" for k in keys) + " |")
    if rows:
        means = [sum(s[k] for _, s in rows) / len(rows) for k in keys]
        print("| **mean** | " + " | ".join(f"**{m:.3f}**" for m in means) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

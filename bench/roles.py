"""Where the characters of unseen PDFs go: the share that reaches the text, and by role the rest.

Usage: python bench/roles.py DIR [--pages N] [--backend pdfplumber]

No ground truth is needed: a page whose body text is taken for notes, footnotes or a byline
shows up as a low "text %" and a large share in that role, and is worth a look
(``extractor debug FILE`` draws the blocks with their roles). Every PDF under DIR is read
(its first N pages, 3 by default); the table lists each file and the whole set's shares.
Errors are counted by kind; a traceback would be a bug.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.model import Role  # noqa: E402

ASIDE = [r for r in Role if not r.is_flow]


def shares(doc: extractor.Document) -> Counter:
    """Characters per role over all blocks of the document's pages."""
    chars: Counter = Counter()
    for page in doc.pages:
        for block in page.blocks:
            chars[block.role] += len(block.text)
    return chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="folder searched for *.pdf (recursively)")
    ap.add_argument("--pages", type=int, default=3, help="pages read per file (default 3)")
    ap.add_argument("--backend", default="pymupdf", help="pymupdf (default) or pdfplumber")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    pdfs = sorted(args.folder.rglob("*.pdf"))
    if not pdfs:
        print(f"no PDFs under {args.folder}", file=sys.stderr)
        return 1
    total: Counter = Counter()
    errors: Counter = Counter()
    pages = 0
    options = extractor.ExtractOptions(backend=args.backend)
    start = time.perf_counter()
    print("| file | pages | text % | " + " | ".join(r.value for r in ASIDE) + " |")
    print("|---|---:|---:|" + "---:|" * len(ASIDE))
    for pdf in pdfs:
        try:
            try:
                doc = extractor.extract(pdf, pages=range(args.pages), options=options)
            except extractor.PageRangeError:
                doc = extractor.extract(pdf, options=options)  # fewer pages than asked for
        except extractor.ExtractorError as exc:
            errors[type(exc).__name__] += 1
            continue
        chars = shares(doc)
        pages += len(doc.pages)
        total.update(chars)
        n = sum(chars.values()) or 1
        flow = sum(v for r, v in chars.items() if r.is_flow)
        cells = " | ".join(f"{100 * chars[r] / n:.1f}" for r in ASIDE)
        print(f"| {pdf.relative_to(args.folder)} | {len(doc.pages)} | {100 * flow / n:.1f} | {cells} |")
    n = sum(total.values()) or 1
    flow = sum(v for r, v in total.items() if r.is_flow)
    cells = " | ".join(f"{100 * total[r] / n:.1f}" for r in ASIDE)
    print(f"| **all** | {pages} | {100 * flow / n:.1f} | {cells} |")
    elapsed = time.perf_counter() - start
    print(f"\n{len(pdfs)} files, {pages} pages in {elapsed:.1f} s; errors: {dict(errors) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

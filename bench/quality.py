"""Score extractor's text output on the shared corpus (and samples) with the corpus's metric.

Usage: python bench/quality.py [--corpus DIR] [--backend pymupdf|pdfplumber] [--out DIR]
                               [--json-body]
Prints a Markdown table (word_acc, bigram_r, para_f1 per page and the mean). With --json-body
the table scores the body elements of the JSON output (those with a paragraph index, joined by
blank lines) instead, and a last line gives both means and how many pages gave identical text:
the two outputs are built from the same paragraphs, so they must score the same.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def load_scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--backend", default="pymupdf")
    ap.add_argument("--out", type=Path, default=None, help="write each page's output here")
    ap.add_argument("--only", default=None, help="substring filter on page names")
    ap.add_argument(
        "--json-body",
        action="store_true",
        help="score the JSON output's body elements instead of the text output (and compare)",
    )
    args = ap.parse_args()
    if not (args.corpus / "score.py").exists():
        print(f"corpus not found at {args.corpus}: nothing to score", file=sys.stderr)
        return 0
    score = load_scorer(args.corpus)
    options = extractor.ExtractOptions(backend=args.backend)
    rows = []
    text_rows = []
    identical = 0
    for gt in sorted((args.corpus / "gt").glob("*.txt")):
        if args.only and args.only not in gt.stem:
            continue
        pdf = args.corpus / "pdf" / f"{gt.stem}.pdf"
        doc = extractor.extract(pdf, options=options)
        text = doc.to_text()
        if args.json_body:
            body = json_body(doc.to_json())
            identical += body == text
            text_rows.append((gt.stem, score(gt.read_text(), text)))
            text = body
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / gt.name).write_text(text)
        rows.append((gt.stem, score(gt.read_text(), text)))
    keys = ["word_acc", "bigram_r", "para_f1"]
    source = "json body" if args.json_body else "text"
    print(f"| page ({args.backend}, {source}) | " + " | ".join(keys) + " |")
    print("|---|" + "---:|" * len(keys))
    for name, r in rows:
        print(f"| {name} | " + " | ".join(f"{r[k]:.3f}" for k in keys) + " |")
    if rows:
        means = {k: sum(r[k] for _, r in rows) / len(rows) for k in keys}
        print("| **mean** | " + " | ".join(f"**{means[k]:.3f}**" for k in keys) + " |")
    if args.json_body and rows:
        text_means = {k: sum(r[k] for _, r in text_rows) / len(text_rows) for k in keys}
        print()
        for label, m in (("text", text_means), ("json body", means)):
            print(f"mean {label:9s} " + " ".join(f"{k}={m[k]:.4f}" for k in keys))
        print(f"identical text on {identical} of {len(rows)} pages")
    return 0


def json_body(rendered: str) -> str:
    """The JSON output's body elements (those with a paragraph index) as text output."""
    data = json.loads(rendered)
    texts = [e["text"] for p in data["pages"] for e in p["elements"] if e["paragraph"] is not None]
    return "\n\n".join(texts) + ("\n" if texts else "")


if __name__ == "__main__":
    raise SystemExit(main())

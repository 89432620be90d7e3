"""Compare the words of the two backends page by page (and, optionally, their text output).

Usage: python bench/backends.py [--corpus DIR] [--samples] [--text] [--show N]

For every page: the multiset overlap of word texts (matched / max(count_a, count_b)), the
share of matched words whose boxes agree within 1pt, the mean and max box difference of
matched words, and font/bold/upright disagreements. With --text, also the corpus scorer's
word_acc between the two backends' text outputs. --show N prints up to N unmatched words.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import extractor  # noqa: E402
from extractor.load import open_document  # noqa: E402
from extractor.options import ExtractOptions  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def page_words(path: Path, backend: str) -> list[list]:
    doc = open_document(path, ExtractOptions(backend=backend))
    try:
        return [list(p.words) for p in doc.iter_pages(range(doc.page_count))]
    finally:
        doc.close()


def match(a: list, b: list) -> list[tuple]:
    """Pair words of equal text, nearest box first."""
    pool = defaultdict(list)
    for w in b:
        pool[w.text].append(w)
    pairs = []
    for w in a:
        cands = pool.get(w.text)
        if not cands:
            continue
        best = min(cands, key=lambda v: abs(v.bbox.x0 - w.bbox.x0) + abs(v.bbox.top - w.bbox.top))
        cands.remove(best)
        pairs.append((w, best))
    return pairs


def box_diff(u, v) -> float:
    return max(abs(p - q) for p, q in zip(u.bbox.rounded(3), v.bbox.rounded(3)))


def compare(a: list, b: list) -> dict:
    ca, cb = Counter(w.text for w in a), Counter(w.text for w in b)
    common = sum((ca & cb).values())
    pairs = match(a, b)
    diffs = [box_diff(u, v) for u, v in pairs]
    return {
        "mu": len(a),
        "pl": len(b),
        "overlap": common / max(len(a), len(b), 1),
        "box1pt": sum(d <= 1.0 for d in diffs) / max(len(diffs), 1),
        "box_mean": sum(diffs) / max(len(diffs), 1),
        "box_max": max(diffs, default=0.0),
        "font": sum(u.font != v.font for u, v in pairs),
        "bold": sum(u.bold != v.bold for u, v in pairs),
        "italic": sum(u.italic != v.italic for u, v in pairs),
        "upright": sum(u.upright != v.upright for u, v in pairs),
        "size": sum(abs(u.size - v.size) > 0.05 for u, v in pairs),
        "only_mu": list((ca - cb).elements()),
        "only_pl": list((cb - ca).elements()),
        "pairs": pairs,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--samples", action="store_true", help="also the repo's samples/*.pdf")
    ap.add_argument("--text", action="store_true", help="also word_acc between the text outputs")
    ap.add_argument("--show", type=int, default=0, help="print up to N unmatched words per page")
    args = ap.parse_args()
    pdfs = sorted((args.corpus / "pdf").glob("*.pdf")) if (args.corpus / "pdf").is_dir() else []
    if not pdfs:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
    if args.samples:
        pdfs += sorted((ROOT / "samples").glob("*.pdf"))
    score = None
    if args.text and (args.corpus / "score.py").exists():
        spec = importlib.util.spec_from_file_location("corpus_score", args.corpus / "score.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        score = module.score
    cols = ["words mu", "words pl", "overlap", "box<=1pt", "box mean", "box max", "font", "bold", "italic", "upright", "size"]
    if score:
        cols.append("text word_acc")
    print("| page | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    overlaps, accs = [], []
    for pdf in pdfs:
        mu_pages, pl_pages = page_words(pdf, "pymupdf"), page_words(pdf, "pdfplumber")
        for i, (a, b) in enumerate(zip(mu_pages, pl_pages)):
            r = compare(a, b)
            overlaps.append(r["overlap"])
            cells = [r["mu"], r["pl"], f"{r['overlap']:.4f}", f"{r['box1pt']:.3f}", f"{r['box_mean']:.2f}",
                     f"{r['box_max']:.1f}", r["font"], r["bold"], r["italic"], r["upright"], r["size"]]
            if score and i == 0:
                t_mu = extractor.extract(pdf, options=ExtractOptions(backend="pymupdf")).to_text()
                t_pl = extractor.extract(pdf, options=ExtractOptions(backend="pdfplumber")).to_text()
                acc = score(t_mu, t_pl)["word_acc"]
                accs.append(acc)
                cells.append(f"{acc:.4f}")
            label = pdf.stem if len(mu_pages) == 1 else f"{pdf.stem} p{i + 1}"
            print(f"| {label} | " + " | ".join(str(c) for c in cells) + " |")
            if args.show:
                print(f"    only pymupdf: {r['only_mu'][: args.show]}")
                print(f"    only pdfplumber: {r['only_pl'][: args.show]}")
    if overlaps:
        line = f"| **mean** | | | **{sum(overlaps) / len(overlaps):.4f}** | | | | | | | | |"
        if accs:
            line += f" **{sum(accs) / len(accs):.4f}** |"
        print(line)
        print(f"\nmin overlap {min(overlaps):.4f}; pages >= 0.99: {sum(o >= 0.99 for o in overlaps)}/{len(overlaps)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

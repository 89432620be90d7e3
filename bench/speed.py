"""Pages per second of extractor's two backends next to the raw libraries, in one process.

Usage: python bench/speed.py [--repeat N] [--corpus DIR] [--samples] [--no-plumber]

Every engine reads every page of the corpus (and, with --samples, the repo's samples/*.pdf)
N times, the engines taking turns within each repetition so that a busy spell of the machine
falls on all of them; the table gives the median pages per second over the repetitions, and
each engine's ratio to the others as the median of the ratios within one repetition (paired:
the engines of one repetition ran within a second of each other, on the same machine load). A
second table splits extractor's time by stage (load / lines / layout / repair) for each
backend, with the garbage collector paused as extract() pauses it. --no-plumber leaves out
the two slow pdfplumber engines.

It measures the installed extractor (`pip install .` compiles the hot modules with mypyc, see
setup.py), and this checkout's plain Python only where none is installed; the first line says
which, and warns when the installed sources are not this checkout's.
"""

from __future__ import annotations

import argparse
import filecmp
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    import extractor
except ImportError:  # not installed: this checkout, as plain Python
    sys.path.insert(0, str(ROOT))
    import extractor
from extractor.gcpause import gc_paused  # noqa: E402
from extractor.layout import analyse_page  # noqa: E402
from extractor.lines import build_lines  # noqa: E402
from extractor.load import open_document  # noqa: E402
from extractor.repair import repair_document  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
STAGES = ("load", "lines", "layout", "repair")


def mupdf_text(path: Path) -> None:
    import pymupdf

    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text()


def mupdf_dict(path: Path) -> None:
    import pymupdf

    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text("dict")


def plumber_text(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def extractor_with(backend: str) -> Callable[[Path], None]:
    options = extractor.ExtractOptions(backend=backend)

    def run(path: Path) -> None:
        extractor.extract(path, options=options).to_text()

    return run


def staged(path: Path, backend: str, times: dict[str, float]) -> None:
    """One extraction with each stage timed separately (load includes opening the file)."""
    options = extractor.ExtractOptions(backend=backend)
    t0 = time.perf_counter()
    loaded = open_document(path, options)
    pages = []
    try:
        it = loaded.iter_pages(range(loaded.page_count))
        while True:
            t = time.perf_counter()
            raw = next(it, None)
            times["load"] += time.perf_counter() - (t0 if t0 else t)
            t0 = 0.0
            if raw is None:
                break
            t = time.perf_counter()
            lines = build_lines(raw.words, raw.rules)
            times["lines"] += time.perf_counter() - t
            t = time.perf_counter()
            pages.append(analyse_page(raw, lines))
            times["layout"] += time.perf_counter() - t
    finally:
        loaded.close()
    t = time.perf_counter()
    repair_document(loaded.name, tuple(pages), options).to_text()
    times["repair"] += time.perf_counter() - t


def build_line() -> str:
    """Which extractor is measured, and whether it is this checkout's code."""
    where = Path(extractor.__file__).resolve().parent
    build = "compiled" if extractor.compiled else "plain Python"
    from extractor.backends import mupdf

    reader = "compiled text-page reader" if mupdf.reads_with_own_reader() else "PyMuPDF's dict and words"
    line = f"extractor {extractor.__version__} ({build}; {reader}) from {where}"
    mine = ROOT / "extractor"
    if where != mine:
        sources = [p.relative_to(mine) for p in mine.rglob("*.py")]
        differ = [str(p) for p in sources if not (where / p).is_file()
                  or not filecmp.cmp(mine / p, where / p, shallow=False)]
        if differ:
            line += f"\nWARNING: the installed sources differ from this checkout's ({', '.join(differ[:5])}"
            line += ", ...)" if len(differ) > 5 else ")"
            line += ": pip install . again"
    return line


def page_count(path: Path) -> int:
    doc = open_document(path, extractor.ExtractOptions())
    try:
        return doc.page_count
    finally:
        doc.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=9, help="repetitions (the median is reported)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of PDFs")
    ap.add_argument("--samples", action="store_true", help="also the repo's samples/*.pdf")
    ap.add_argument("--no-plumber", action="store_true", help="leave out the two pdfplumber engines")
    args = ap.parse_args()
    pdfs = sorted(args.corpus.glob("*.pdf")) if args.corpus.is_dir() else []
    if not pdfs:
        print(f"no PDFs at {args.corpus}: skipping the corpus", file=sys.stderr)
    if args.samples:
        pdfs += sorted((ROOT / "samples").glob("*.pdf"))
    if not pdfs:
        print("nothing to measure", file=sys.stderr)
        return 0
    npages = sum(page_count(p) for p in pdfs)
    engines: list[tuple[str, Callable[[Path], None]]] = [
        ("pymupdf `page.get_text()` (reference)", mupdf_text),
        ('pymupdf `page.get_text("dict")`', mupdf_dict),
        ("extractor, backend pymupdf", extractor_with("pymupdf")),
        ("extractor, backend pdfplumber", extractor_with("pdfplumber")),
        ("pdfplumber `page.extract_text()`", plumber_text),
    ]
    if args.no_plumber:
        engines = [e for e in engines if "pdfplumber" not in e[0]]
    for _, run in engines:  # warm up imports and caches once
        run(pdfs[0])
    # Round robin: each repetition runs every engine once, so a slower spell of the machine
    # falls on all engines alike instead of on whichever was running then.
    rates: dict[str, list[float]] = {name: [] for name, _ in engines}
    for _ in range(args.repeat):
        for name, run in engines:
            t = time.perf_counter()
            for pdf in pdfs:
                run(pdf)
            rates[name].append(npages / (time.perf_counter() - t))
    ref, mu_ex = rates[engines[0][0]], rates[engines[2][0]]

    def paired(name: str, against: list[float]) -> float:
        return statistics.median(r / a for r, a in zip(rates[name], against, strict=True))

    print(build_line())
    print(f"{len(pdfs)} files, {npages} pages, median of {args.repeat} runs\n")
    print("| engine | pages/s | ms/page | vs reference | vs extractor+pymupdf |")
    print("|---|---:|---:|---:|---:|")
    for name, _ in engines:
        rate = statistics.median(rates[name])
        vs_ref, vs_ex = paired(name, ref), paired(name, mu_ex)
        print(f"| {name} | {rate:.1f} | {1000 / rate:.1f} | {vs_ref:.2f}x | {vs_ex:.2f}x |")

    print("\nextractor time by stage (ms per page, median of runs)\n")
    print("| backend | " + " | ".join(STAGES) + " | total |")
    print("|---|" + "---:|" * (len(STAGES) + 1))
    for backend in ("pymupdf",) if args.no_plumber else ("pymupdf", "pdfplumber"):
        runs = []
        for _ in range(args.repeat):
            times = dict.fromkeys(STAGES, 0.0)
            for pdf in pdfs:
                with gc_paused():  # as extract() runs
                    staged(pdf, backend, times)
            runs.append(times)
        med = {s: statistics.median(r[s] for r in runs) * 1000 / npages for s in STAGES}
        total = sum(med.values())
        cells = [f"{med[s]:.1f} ({100 * med[s] / total:.0f}%)" for s in STAGES]
        print(f"| {backend} | " + " | ".join(cells) + f" | {total:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Throughput of `extract_many` with 1 and 2 workers, and peak memory on a 2,000-page document.

Usage: python bench/batch.py [--copies 20] [--pages 2000] [--workers 1,2]

Throughput: ``--copies`` copies of every samples/*.pdf in a temp dir (a few hundred pages),
extracted with ``extract_many`` (text format) for each worker count; documents and pages per
second over the wall time, worker start included. Memory: a generated two-column document of
``--pages`` pages (and one of 1/20 of that, to show the growth), each extracted in a fresh
child process whose peak resident set (``ru_maxrss`` from ``wait4``) is reported.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402

from extractor.batch import extract_many  # noqa: E402

TEXT = (
    "the harbour at the mouth of the river was never deep enough for ships that the town "
    "council kept promising every spring the tide carried silt down from the hills and every "
    "autumn a dredger arrived from the capital worked for a fortnight and left again"
)
WORDS = TEXT.split()


def make_long_pdf(path: Path, pages: int) -> Path:
    """Two columns of running text on every page, a running head and a page number."""
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 50), "A Long Report", fontsize=9)
        for column, x0 in enumerate((72, 313)):
            words = [WORDS[(n * 7 + column * 13 + i) % len(WORDS)] for i in range(260)]
            page.insert_textbox(pymupdf.Rect(x0, 80, x0 + 210, 780), " ".join(words), fontsize=10)
        page.insert_text((290, 810), str(n + 1), fontsize=9)
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path


CALLS = {
    # The whole Document in memory, as the library returns it.
    "extract()": "doc = extractor.extract({pdf!r}); print(len(doc.pages), len(doc.to_text()))",
    # What a batch worker does: a window of pages at a time, only the output kept.
    "extract_to() (batch)": (
        "from extractor.pipeline import extract_to\n"
        "out, n = extract_to({pdf!r}); print(n, len(out))"
    ),
}


def peak_rss_mb(pdf: Path, call: str = "extract()") -> tuple[float, float, int]:
    """Peak RSS (MiB) and seconds of ``call`` on ``pdf`` in a fresh process, and its pages."""
    code = "import sys, extractor\n" + CALLS[call].format(pdf=str(pdf)) + "\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"extraction of {pdf} failed (status {status})")
    return usage.ru_maxrss / 1024, seconds, int(out.split()[0])


def baseline_rss_mb() -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = "import extractor, extractor.backends.mupdf"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss / 1024


def throughput(folder: Path, workers: int) -> tuple[int, int, int, float]:
    paths = sorted(str(p) for p in folder.glob("*.pdf"))
    start = time.perf_counter()
    docs = pages = errors = 0
    for record in extract_many(paths, workers=workers):
        docs += 1
        pages += record.get("pages", 0)
        errors += "error" in record
    return docs, pages, errors, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "copies"
        folder.mkdir()
        for i in range(args.copies):
            for sample in sorted((ROOT / "samples").glob("*.pdf")):
                shutil.copy(sample, folder / f"{i:03d}-{sample.name}")
        print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}\n")
        print("| workers | documents | pages | errors | seconds | docs/s | pages/s |")
        print("|--------:|----------:|------:|-------:|--------:|-------:|--------:|")
        for workers in (int(w) for w in args.workers.split(",")):
            docs, pages, errors, secs = throughput(folder, workers)
            print(
                f"| {workers} | {docs} | {pages} | {errors} | {secs:.2f} | "
                f"{docs / secs:.1f} | {pages / secs:.1f} |"
            )
        print("\n| document | call | pages | seconds | peak RSS MiB |")
        print("|----------|------|------:|--------:|-------------:|")
        print(f"| (import only) | - | 0 | - | {baseline_rss_mb():.0f} |")
        for count in (max(1, args.pages // 20), args.pages):
            pdf = make_long_pdf(Path(tmp) / f"long-{count}.pdf", count)
            size = pdf.stat().st_size // 1024
            for call in CALLS:
                rss, secs, got = peak_rss_mb(pdf, call)
                print(f"| generated, {size} KiB | {call} | {got} | {secs:.1f} | {rss:.0f} |")


if __name__ == "__main__":
    main()

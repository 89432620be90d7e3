"""extractor side by side with the tools users would pick instead: quality and speed.

Reproduce the table (from a fresh checkout, with poppler-utils for pdftotext):

    pip install ".[bench]" && python bench/compare.py --samples

Every tool reads every PDF of the corpus (default ../shared/corpus: pdf/*.pdf, truth in
gt/<name>.txt) and, with --samples, the repo's samples/*.pdf that have <name>.expected.txt.
Each tool runs in its own Python process (imports outside the timer), which reads the whole
folder --runs times; the speed is the median run, in pages per second. The first run's text
is written to OUT/<set>/<tool>/<name>.txt and scored with the corpus's own metric (score() of
<corpus>/score.py: word_acc, bigram_r, para_f1). The Markdown table is printed and written to
--table (default bench/compare.md), with per-page tables below it.

Options: --corpus DIR, --samples, --runs N (default 5), --tools a,b,... , --out DIR
(default bench/out/compare), --table FILE. A tool that is not installed is skipped with a note.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MARK = "@@compare-result@@ "

# name -> configuration, as listed in the table (the worker below implements exactly these).
TOOLS: dict[str, str] = {
    "extractor": "`extractor.extract(path).to_text()` (defaults)",
    "pdftotext": "poppler `pdftotext -enc UTF-8 FILE -` (default mode, not `-layout`)",
    "pymupdf": "`page.get_text()` (defaults)",
    "pymupdf-segment": (
        "`page.get_text(flags=TEXTFLAGS_TEXT | TEXT_SEGMENT | TEXT_DEHYPHENATE)`"
    ),
    "pymupdf4llm": (
        "`to_markdown(header=False, footer=False, use_ocr=False)` with pymupdf-layout, "
        "Markdown stripped to plain paragraphs"
    ),
    "pdfplumber": "`page.extract_text(use_text_flow=True, x_tolerance_ratio=0.15)`",
    "pdfminer.six": "`pdfminer.high_level.extract_text(path)` (default LAParams)",
}


# --------------------------------------------------------------------------- worker side


def strip_markdown(md: str) -> str:
    """Markdown from pymupdf4llm to plain paragraphs: markup goes, text and blank lines stay."""
    out = []
    for line in md.splitlines():
        s = line
        if s.strip() and set(s.strip()) <= set("|-: "):
            continue  # table separator row
        s = re.sub(r"\**==> picture .*? intentionally omitted <==\**", "", s)
        s = re.sub(r"-{3,} (Start|End) of picture text -{3,}", "", s)
        s = re.sub(r"<!--.*?-->", "", s.replace("<br>", " "))
        s = re.sub(r"</?(sup|sub|u|mark|b|i|em|strong|span)[^>]*>", "", s)
        if s.lstrip().startswith("|"):
            s = " ".join(c.strip() for c in s.strip().strip("|").split("|"))
        s = re.sub(r"^\s{0,3}#{1,6}\s+", "", s)  # headings
        s = re.sub(r"^(\s*)[-*+]\s+", r"\1", s)  # bullet markers
        s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)  # images
        s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)  # links
        s = re.sub(r"\*\*(.+?)\*\*", r"\1", s)
        s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", s)
        s = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"\1", s)
        s = re.sub(r"`([^`]*)`", r"\1", s)
        s = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", s)  # escapes
        out.append(s)
    return "\n".join(out)


def import_extractor() -> Any:
    """The installed extractor (compiled, with its text-page reader, as `pip install .` builds
    it and users run it), or this checkout's plain Python where none is installed."""
    try:
        import extractor
    except ImportError:
        sys.path.insert(0, str(ROOT))
        import extractor
    return extractor


def extractor_build() -> str:
    extractor = import_extractor()
    try:
        from extractor.cli import build_description

        what = build_description()
    except ImportError:  # an older installed build
        what = "compiled" if getattr(extractor, "compiled", False) else "plain Python"
    where = Path(extractor.__file__).resolve().parent
    return f"extractor {extractor.__version__} ({what}) from {where}"


def make_tool(tool: str) -> Callable[[str], str]:
    """Import the tool (outside the timer) and return path -> text."""
    if tool == "extractor":
        extractor = import_extractor()
        return lambda p: extractor.extract(p).to_text()
    if tool == "pdftotext":
        exe = shutil.which("pdftotext")
        if exe is None:
            raise ImportError("pdftotext not on PATH (apt-get install poppler-utils)")
        cmd = [exe, "-enc", "UTF-8"]
        return lambda p: subprocess.run(
            [*cmd, p, "-"], capture_output=True, text=True, check=True
        ).stdout
    if tool in ("pymupdf", "pymupdf-segment"):
        import pymupdf

        flags = None
        if tool == "pymupdf-segment":
            flags = pymupdf.TEXTFLAGS_TEXT | pymupdf.TEXT_SEGMENT | pymupdf.TEXT_DEHYPHENATE

        def mu(p: str) -> str:
            with pymupdf.open(p) as doc:
                return "\n\n".join(page.get_text(flags=flags) for page in doc)

        return mu
    if tool == "pymupdf4llm":
        import pymupdf4llm

        if not getattr(pymupdf4llm, "_use_layout", False):
            raise ImportError("pymupdf-layout is not active (pip install pymupdf-layout)")
        return lambda p: strip_markdown(
            pymupdf4llm.to_markdown(
                p, header=False, footer=False, use_ocr=False, show_progress=False
            )
        )
    if tool == "pdfplumber":
        import pdfplumber

        def plumber(p: str) -> str:
            with pdfplumber.open(p) as pdf:
                return "\n\n".join(
                    pg.extract_text(use_text_flow=True, x_tolerance_ratio=0.15) or ""
                    for pg in pdf.pages
                )

        return plumber
    if tool == "pdfminer.six":
        from pdfminer.high_level import extract_text

        return lambda p: extract_text(p)
    raise SystemExit(f"unknown tool {tool}")


def clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n\n")


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children (pdftotext)."""
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def worker(tool: str, job_file: Path, runs: int, out: Path) -> int:
    """One process per tool: read every PDF of every set `runs` times; print timings as JSON."""
    job = json.loads(job_file.read_text())
    noise = io.StringIO()  # what the tool prints on stdout (pymupdf4llm does)
    try:
        with contextlib.redirect_stdout(noise):
            fn = make_tool(tool)
    except ImportError as exc:
        print(MARK + json.dumps({"tool": tool, "missing": str(exc)}))
        return 0
    times: dict[str, list[float]] = {s: [] for s in job}
    cpu: dict[str, list[float]] = {s: [] for s in job}
    errors: dict[str, str] = {}
    for run in range(runs):
        for set_name, pdfs in job.items():
            target = out / set_name / tool
            target.mkdir(parents=True, exist_ok=True)
            t0, c0 = time.perf_counter(), cpu_seconds()
            for pdf in pdfs:
                name = Path(pdf).stem
                try:
                    with contextlib.redirect_stdout(noise):
                        text = fn(pdf)
                except Exception as exc:  # a peer failing on a page scores 0 there
                    errors[name] = f"{type(exc).__name__}: {exc}"[:200]
                    text = ""
                if run == 0:
                    (target / f"{name}.txt").write_text(clean(text), encoding="utf-8")
            times[set_name].append(time.perf_counter() - t0)
            cpu[set_name].append(cpu_seconds() - c0)
    lines = [ln for ln in noise.getvalue().splitlines() if ln.strip()]
    print(MARK + json.dumps({"tool": tool, "times": times, "cpu": cpu, "errors": errors,
                             "noise_lines": len(lines), "noise_sample": lines[:3]}))
    return 0


# --------------------------------------------------------------------------- driver side


def load_score(corpus: Path) -> Callable[[str, str], dict]:
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def page_count(pdf: Path) -> int:
    try:
        import pymupdf

        with pymupdf.open(pdf) as doc:
            return doc.page_count
    except Exception:
        return 1


def collect_sets(corpus: Path, samples: bool) -> dict[str, dict[str, tuple[Path, Path]]]:
    """set name -> {page name: (pdf, truth)}."""
    sets: dict[str, dict[str, tuple[Path, Path]]] = {}
    corp = {}
    for pdf in sorted((corpus / "pdf").glob("*.pdf")):
        gt = corpus / "gt" / f"{pdf.stem}.txt"
        if gt.exists():
            corp[pdf.stem] = (pdf, gt)
    if corp:
        sets["corpus"] = corp
    if samples:
        samp = {}
        for pdf in sorted((ROOT / "samples").glob("*.pdf")):
            truth = pdf.with_name(f"{pdf.stem}.expected.txt")
            if truth.exists():
                samp[pdf.stem] = (pdf, truth)
        if samp:
            sets["samples"] = samp
    return sets


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ""
    with contextlib.suppress(OSError):
        load = f", load average {os.getloadavg()[0]:.1f} at start"
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}{load}"


def fmt(x: float, nd: int = 3) -> str:
    return f"{x:.{nd}f}"


def run_tool(tool: str, job_file: Path, runs: int, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--worker", tool, "--job", str(job_file),
           "--runs", str(runs), "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(MARK):
            res = json.loads(line[len(MARK):])
            other = [ln for ln in proc.stdout.splitlines() + proc.stderr.splitlines()
                     if ln.strip() and not ln.startswith(MARK)]
            res["stderr_lines"] = len(other)  # printed past the redirect (C level, saved refs)
            res["stderr_sample"] = other[:3]
            return res
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    return {"tool": tool, "missing": "worker failed: " + " | ".join(tail)}


def build_report(args, sets, results, scores, pages) -> str:
    lines = [
        f"Measured {dt.date.today().isoformat()} on {machine()}; "
        f"{args.runs} runs per tool, one process per tool, median run. pages/s is wall "
        "time; pages/CPU-s counts CPU time of the tool's process and its children (less "
        "sensitive to other load; above pages/s when a tool uses several threads). "
        f"Measured: {extractor_build()}.",
        "",
    ]
    ok = [t for t in results if "times" in results[t]]
    for set_name, items in sets.items():
        n_pages = sum(pages[set_name].values())
        lines += [f"### {set_name}: {len(items)} files, {n_pages} pages", ""]
        lines += ["| tool | configuration | word_acc | bigram_r | para_f1 | pages/s | "
                  "pages/CPU-s | s per run (median) |", "|---|---|---:|---:|---:|---:|---:|---:|"]
        base = cpu_base = None
        for tool in ok:
            sc = scores[set_name][tool]
            mean = {k: statistics.fmean(r[k] for r in sc.values()) for k in
                    ("word_acc", "bigram_r", "para_f1")}
            med = statistics.median(results[tool]["times"][set_name])
            cpu = statistics.median(results[tool]["cpu"][set_name])
            if tool == "extractor":
                base, cpu_base = med, cpu
            config = TOOLS[tool].replace("|", "\\|")
            lines.append(f"| {tool} | {config} | {fmt(mean['word_acc'])} | "
                         f"{fmt(mean['bigram_r'])} | {fmt(mean['para_f1'])} | "
                         f"{n_pages / med:.1f} | {n_pages / cpu:.1f} | {med:.3f} |")
        lines.append("")
        if base:
            ratios = ", ".join(
                f"{t} {statistics.median(results[t]['times'][set_name]) / base:.2f}x "
                f"({statistics.median(results[t]['cpu'][set_name]) / cpu_base:.2f}x)"
                for t in ok if t != "extractor")
            lines += [f"Time of each peer relative to extractor's, wall (CPU); above 1 = "
                      f"slower than extractor: {ratios}.", ""]
    for tool, res in results.items():
        if "missing" in res:
            lines.append(f"- {tool} skipped: {res['missing']}")
        else:
            noise = res.get("noise_lines", 0) + res.get("stderr_lines", 0)
            if noise:
                sample = next((ln for ln in res.get("noise_sample", []) + res.get(
                    "stderr_sample", []) if set(ln.strip()) - set("=- ")), "")
                lines.append(f"- {tool} printed {noise} lines of noise "
                             f"(e.g. `{sample.strip()[:80]}`), left out of its text.")
            for name, err in res.get("errors", {}).items():
                lines.append(f"- {tool} failed on {name}: {err}")
    lines.append("")
    for set_name, items in sets.items():
        for metric in ("word_acc", "para_f1"):
            lines += [f"### {set_name}, per page: {metric}", "",
                      "| page | " + " | ".join(ok) + " |",
                      "|---|" + "---:|" * len(ok)]
            for name in items:
                vals = [scores[set_name][t][name][metric] for t in ok]
                best = max(vals)
                cells = [f"**{v:.2f}**" if v == best else f"{v:.2f}" for v in vals]
                lines.append(f"| {name} | " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--samples", action="store_true", help="also the repo's samples/")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "compare")
    ap.add_argument("--table", type=Path, default=ROOT / "bench" / "compare.md")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--job", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.worker, args.job, args.runs, args.out)

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        ap.error(f"unknown tools {unknown}; known: {', '.join(TOOLS)}")
    if not (args.corpus / "score.py").exists():
        print(f"compare: no score.py in {args.corpus}", file=sys.stderr)
        return 2
    score = load_score(args.corpus)
    sets = collect_sets(args.corpus, args.samples)
    if not sets:
        print("compare: no PDFs with ground truth found", file=sys.stderr)
        return 2
    pages = {s: {n: page_count(p) for n, (p, _) in items.items()} for s, items in sets.items()}
    args.out.mkdir(parents=True, exist_ok=True)
    job_file = args.out / "job.json"
    job_file.write_text(json.dumps(
        {s: [str(p) for p, _ in items.values()] for s, items in sets.items()}))

    results: dict[str, dict] = {}
    for tool in tools:
        print(f"compare: {tool} ...", file=sys.stderr, flush=True)
        results[tool] = run_tool(tool, job_file, args.runs, args.out)
    scores: dict[str, dict[str, dict[str, dict]]] = {s: {} for s in sets}
    for set_name, items in sets.items():
        for tool, res in results.items():
            if "times" not in res:
                continue
            per = {}
            for name, (_, truth) in items.items():
                o = args.out / set_name / tool / f"{name}.txt"
                text = o.read_text(encoding="utf-8") if o.exists() else ""
                per[name] = score(truth.read_text(encoding="utf-8"), text)
            scores[set_name][tool] = per
    report = build_report(args, sets, results, scores, pages)
    (args.out / "scores.json").write_text(json.dumps(
        {"scores": scores, "results": results}, indent=1))
    args.table.parent.mkdir(parents=True, exist_ok=True)
    args.table.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

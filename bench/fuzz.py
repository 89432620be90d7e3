"""Fuzz the CLI with mutants of the sample PDFs; every run must end as one of our exit codes.

    python bench/fuzz.py                      # 1,000 mutants, 2 processes in parallel
    python bench/fuzz.py -n 5000 -j 4 --seed 7 --keep /tmp/fuzz-failures

Seeds are ``samples/*.pdf`` and, for each, a copy with its streams decompressed (so the
mutations reach the content streams and fonts, not only zlib data). A mutant is one of: bit
flips, a truncation, a splice of two seeds, an overwritten run of bytes, a deleted or repeated
chunk, or a number in the PDF syntax replaced by an extreme one. Each mutant runs as
``extractor extract FILE --timeout T`` in its own process (forked from a parent that has
imported extractor already, or with ``--spawn`` a fresh ``python -m extractor``) with a hard
limit; a run
is "ok" (exit 0), one of our errors (exit code -> kind), a traceback on stderr, an
unexpected error (exit 1 with "unexpected error": an exception we did not map), or a timeout.
Prints a table; exits 1 if any run crashed, printed a traceback or timed out.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(ROOT))

from extractor.errors import ExitCode  # noqa: E402

_NUMBER = re.compile(rb"(?<![\w.])\d{1,9}(?![\w.])")
_EXTREME = (b"0", b"-1", b"999999999", b"2147483648", b"-2147483649", b"1e308", b"65535", b"3")
BAD_SIGNS = ("Traceback", "Fatal Python error", "Segmentation fault")


def seeds(names: list[Path] | None = None, expand: bool = True) -> list[bytes]:
    """The sample PDFs, and each with its streams decompressed."""
    import pymupdf

    out = []
    for path in names or sorted(SAMPLES.glob("*.pdf")):
        data = path.read_bytes()
        out.append(data)
        if expand:
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                out.append(doc.tobytes(expand=255, garbage=0, clean=False))
    return out


def _chunk(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data))
    return start, min(len(data), start + rng.choice((1, 4, 16, 64, 512, 4096)))


def mutate(rng: random.Random, pool: list[bytes]) -> tuple[str, bytes]:
    """One mutant of a seed drawn from ``pool``: (kind of mutation, bytes)."""
    data = bytearray(rng.choice(pool))
    kind = rng.choice(("bitflip", "truncate", "splice", "overwrite", "delete", "repeat", "number"))
    if kind == "bitflip":
        for _ in range(rng.choice((1, 2, 8, 32, 128))):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del data[rng.randrange(1, len(data)) :]
    elif kind == "splice":
        other = rng.choice(pool)
        data = data[: rng.randrange(len(data))] + other[rng.randrange(len(other)) :]
    elif kind == "overwrite":
        a, b = _chunk(rng, data)
        data[a:b] = bytes(rng.randrange(256) for _ in range(b - a))
    elif kind == "delete":
        a, b = _chunk(rng, data)
        del data[a:b]
    elif kind == "repeat":
        a, b = _chunk(rng, data)
        data[b:b] = data[a:b] * rng.choice((2, 10, 100))
    else:
        spots = list(_NUMBER.finditer(data, rng.randrange(len(data))))[:200]
        for m in rng.sample(spots, min(len(spots), rng.choice((1, 3, 10)))):
            data[m.start() : m.end()] = b" " * (m.end() - m.start())  # keep offsets
            data[m.start() : m.start()] = rng.choice(_EXTREME)
    return kind, bytes(data)


@dataclass
class Outcome:
    kind: str  # "ok", an ExitCode name in lower case, "traceback", "unexpected", "timeout", "crash"
    code: int | None
    seconds: float
    stderr: str


def run_one(path: Path, limit: float, lib_timeout: float) -> Outcome:
    """Run the CLI on ``path`` in a subprocess killed after ``limit`` seconds."""
    cmd = [sys.executable, "-m", "extractor", "extract", str(path), "--timeout", str(lib_timeout)]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired as exc:
        err = (exc.stderr or b"").decode("utf-8", "replace")
        return Outcome("timeout", None, time.monotonic() - start, err)
    seconds = time.monotonic() - start
    err = proc.stderr.decode("utf-8", "replace")
    return Outcome(classify(proc.returncode, err), proc.returncode, seconds, err)


def run_forked(path: Path, limit: float, lib_timeout: float) -> Outcome:
    """As :func:`run_one`, in a child forked from this process (extractor already imported).

    Saves the interpreter start and imports (most of a run on small files); the child runs
    the same ``extractor extract`` command line through ``extractor.cli.main``.
    """
    import os
    import signal

    from extractor.cli import main as cli_main

    err_file = tempfile.TemporaryFile()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: stdout to /dev/null, stderr to the file, then the CLI
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(err_file.fileno(), 2)
            try:
                cli_main(["extract", str(path), "--timeout", str(lib_timeout)])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    status = None
    while time.monotonic() - start < limit:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.01)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    seconds = time.monotonic() - start
    err_file.seek(0)
    err = err_file.read().decode("utf-8", "replace")
    err_file.close()
    if status is None:
        return Outcome("timeout", None, seconds, err)
    code = os.waitstatus_to_exitcode(status)
    return Outcome(classify(code, err), code, seconds, err)


def classify(code: int, stderr: str) -> str:
    if any(sign in stderr for sign in BAD_SIGNS):
        return "traceback"
    if code == ExitCode.FAILURE and "unexpected error" in stderr:
        return "unexpected"
    if code == 0:
        return "ok"
    try:
        return ExitCode(code).name.lower()
    except ValueError:
        return "crash"  # a signal (negative code) or a code we never use


BAD_KINDS = ("traceback", "unexpected", "timeout", "crash")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--count", type=int, default=1000, help="mutants (default 1000)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="processes in parallel (2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=float, default=60.0, help="hard kill after (s, 60)")
    ap.add_argument("--timeout", type=float, default=20.0, help="extractor --timeout (s, 20)")
    ap.add_argument("--keep", type=Path, help="copy mutants that went wrong to this folder")
    ap.add_argument(
        "--spawn", action="store_true",
        help="start `python -m extractor` for each mutant (default: fork a preloaded child)",
    )
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    pool = seeds()
    outcomes: Counter[str] = Counter()
    by_mutation: Counter[tuple[str, str]] = Counter()
    bad: list[tuple[int, str, Outcome, bytes]] = []
    slowest = 0.0
    started = time.monotonic()
    runner = run_one if args.spawn else run_forked
    if not args.spawn:
        import extractor.backends.mupdf  # noqa: F401 - loaded once, before the forks
        import extractor.cli  # noqa: F401
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for i in range(args.count):
            kind, data = mutate(rng, pool)
            path = Path(tmp) / f"mutant-{i:05d}.pdf"
            path.write_bytes(data)
            jobs.append((i, kind, path))
        with ThreadPoolExecutor(args.jobs) as pool_ex:
            futures = [
                (i, kind, path, pool_ex.submit(runner, path, args.limit, args.timeout))
                for i, kind, path in jobs
            ]
            for n, (i, kind, path, fut) in enumerate(futures, 1):
                out = fut.result()
                outcomes[out.kind] += 1
                by_mutation[(kind, out.kind)] += 1
                slowest = max(slowest, out.seconds)
                if out.kind in BAD_KINDS:
                    bad.append((i, kind, out, path.read_bytes()))
                if n % 100 == 0:
                    print(f"  {n}/{args.count} ...", file=sys.stderr)
    elapsed = time.monotonic() - started
    _table(args, outcomes, by_mutation, bad, slowest, elapsed)
    if args.keep and bad:
        args.keep.mkdir(parents=True, exist_ok=True)
        for i, kind, out, data in bad:
            (args.keep / f"mutant-{i:05d}-{kind}-{out.kind}.pdf").write_bytes(data)
    return 1 if bad else 0


def _table(args, outcomes, by_mutation, bad, slowest, elapsed) -> None:
    ours = {k: v for k, v in outcomes.items() if k != "ok" and k not in BAD_KINDS}
    print(f"fuzz: {args.count} mutants, seed {args.seed}, {args.jobs} processes, "
          f"hard limit {args.limit:g}s, --timeout {args.timeout:g}s, {elapsed:.0f}s in all")
    print(f"{'outcome':<22}{'runs':>8}")
    print(f"{'mutants':<22}{args.count:>8}")
    print(f"{'ok (exit 0)':<22}{outcomes.get('ok', 0):>8}")
    for kind in sorted(ours):
        print(f"{'our error: ' + kind:<22}{ours[kind]:>8}")
    for kind in BAD_KINDS:
        print(f"{kind + 's':<22}{outcomes.get(kind, 0):>8}")
    print(f"{'max seconds':<22}{slowest:>8.1f}")
    mutations = sorted({m for m, _ in by_mutation})
    print("\nby mutation: " + ", ".join(
        f"{m} {sum(v for (mm, _), v in by_mutation.items() if mm == m)}"
        f" ({by_mutation.get((m, 'ok'), 0)} ok)" for m in mutations))
    for i, kind, out, _ in bad[:20]:
        last = out.stderr.strip().splitlines()[-1:] or [""]
        print(f"  mutant {i} ({kind}): {out.kind}, exit {out.code}, {out.seconds:.1f}s: {last[0][:150]}")


if __name__ == "__main__":
    sys.exit(main())

"""Quick fuzz: mutants of the sample PDFs through ``python -m extractor extract``, each in its own
process with a time limit; only our exit codes, never a traceback or a hang.

The long run (>= 1,000 mutants, the table of outcomes) is ``python bench/fuzz.py``; this file
borrows its mutator so both fuzz the same way.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractor.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = 36
LIMIT = 60.0  # seconds a run may take, interpreter start included, on a loaded CI machine
LIB_TIMEOUT = 20.0


def _bench_fuzz():
    spec = importlib.util.spec_from_file_location("bench_fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


fuzz = _bench_fuzz()
SMALL = sorted(p for p in (ROOT / "samples").glob("*.pdf") if p.stat().st_size < 100_000)


def _mutants() -> list[tuple[str, bytes]]:
    rng = random.Random(20240611)
    pool = fuzz.seeds(SMALL[:4])
    return [fuzz.mutate(rng, pool) for _ in range(MUTANTS)]


def _run(path: Path) -> tuple[int | None, str, float]:
    cmd = [sys.executable, "-m", "extractor", "extract", str(path), "--timeout", str(LIB_TIMEOUT)]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return None, "", time.monotonic() - start
    return proc.returncode, proc.stderr.decode("utf-8", "replace"), time.monotonic() - start


def test_mutants_end_in_our_exit_codes(tmp_path):
    paths = []
    for i, (kind, data) in enumerate(_mutants()):
        path = tmp_path / f"mutant-{i:02d}-{kind}.pdf"
        path.write_bytes(data)
        paths.append(path)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(_run, paths))
    allowed = {int(c) for c in ExitCode}
    problems = []
    for path, (code, stderr, seconds) in zip(paths, results):
        if code is None:
            problems.append(f"{path.name}: still running after {LIMIT:g}s")
        elif code not in allowed:
            problems.append(f"{path.name}: exit code {code}")
        elif "Traceback" in stderr or "unexpected error" in stderr:
            problems.append(f"{path.name}: {stderr.strip().splitlines()[-1]}")
        elif code != 0:
            lines = stderr.strip().splitlines()
            assert lines and lines[-1].startswith("extractor: "), (path.name, stderr)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", ["bitflip", "truncate", "splice", "overwrite", "number"])
def test_mutator_changes_the_bytes(kind):
    rng = random.Random(1)
    pool = fuzz.seeds(SMALL[:1], expand=False)
    for _ in range(200):
        got, data = fuzz.mutate(rng, pool)
        if got == kind:
            assert data != pool[0]
            return
    pytest.fail(f"no {kind} mutant in 200 draws")


def test_classify():
    assert fuzz.classify(0, "") == "ok"
    assert fuzz.classify(5, "extractor: x.pdf: damaged PDF") == "damaged"
    assert fuzz.classify(1, "extractor: x.pdf: unexpected error: KeyError: 3") == "unexpected"
    assert fuzz.classify(1, "Traceback (most recent call last):") == "traceback"
    assert fuzz.classify(-11, "") == "crash"

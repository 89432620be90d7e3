"""The compiled modules type-check as the build checks them: setup.py compiles them with mypyc,
which refuses code with a type error (the build would then fall back to plain Python)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _setup_list(name: str) -> list[str]:
    """A list of strings assigned at the top of setup.py (read, not run: it would build)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"setup.py assigns no {name}")


def test_every_compiled_module_exists() -> None:
    compiled = _setup_list("COMPILED")
    assert compiled
    assert all((ROOT / m).is_file() for m in compiled)


def test_the_compiled_modules_pass_mypy_as_the_build_runs_it() -> None:
    pytest.importorskip("mypy")
    # --no-site-packages: installed packages are absent from the isolated build environment.
    flags = [*_setup_list("MYPY_FLAGS"), "--no-site-packages", "--no-incremental"]
    done = subprocess.run(
        [sys.executable, "-m", "mypy", *flags, *_setup_list("COMPILED")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr

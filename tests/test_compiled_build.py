"""The compiled build (``pip install .`` compiles the hot modules with mypyc, see setup.py).

The suite imports this checkout's plain Python. Here the installed package is run in a child
process from a neutral directory, so that it is the one imported, and its outputs must be the
golden files of every sample, and equal to the plain Python's on the shared corpus. Skipped
when the installed package is not compiled (an editable install, no C compiler) or is not this
checkout's code; the source check keeps the build type-clean, which the compiler needs.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import extractor

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"

# Run by the child: every PDF named on stdin, as text and JSON, in one JSON object.
_CHILD = """
import json, sys
import extractor
out = {"file": extractor.__file__, "compiled": extractor.compiled, "docs": {}}
for path in sys.stdin.read().split("\\n"):
    if path:
        doc = extractor.extract(path)
        out["docs"][path] = [doc.to_text(), doc.to_json()]
print(json.dumps(out))
"""


def _run_installed(child: str, pdfs: list[Path], cwd: Path) -> dict:
    """The JSON that ``child`` prints, run on ``pdfs`` by the installed package as installed."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "EXTRACTOR_NO_STEXT")}
    done = subprocess.run(
        [sys.executable, "-c", child],
        input="\n".join(str(p) for p in pdfs),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _all_pdfs() -> list[Path]:
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    if CORPUS.is_dir():
        pdfs += sorted(CORPUS.glob("*.pdf"))
    return pdfs


@cache
def _installed(cwd: Path) -> dict:
    return _run_installed(_CHILD, _all_pdfs(), cwd)


def _same_sources(installed: Path) -> bool:
    mine = ROOT / "extractor"
    return all(
        (installed / p.relative_to(mine)).is_file()
        and filecmp.cmp(p, installed / p.relative_to(mine), shallow=False)
        for p in mine.rglob("*.py")
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    result = _installed(tmp_path_factory.mktemp("neutral"))
    where = Path(result["file"]).resolve().parent
    if not result["compiled"]:
        pytest.skip(f"the installed extractor ({where}) is plain Python, not a compiled build")
    if not _same_sources(where):
        pytest.skip(f"the installed extractor ({where}) is not this checkout's code")
    return result


def test_this_suite_runs_the_checkouts_plain_python() -> None:
    assert Path(extractor.__file__).resolve().parent == ROOT / "extractor"
    assert extractor.compiled is False


@pytest.mark.parametrize("pdf", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.stem)
def test_compiled_build_writes_the_golden_files(installed: dict, pdf: Path) -> None:
    text, as_json = installed["docs"][str(pdf)]
    assert text == pdf.with_suffix(".txt").read_text(encoding="utf-8")
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    produced = json.loads(as_json)
    produced["source"] = golden["source"]  # the goldens hold the file name, not the path
    assert produced == golden


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_compiled_build_reads_the_corpus_as_plain_python_does(installed: dict) -> None:
    differ = []
    for pdf in sorted(CORPUS.glob("*.pdf")):
        doc = extractor.extract(pdf)
        if installed["docs"][str(pdf)] != [doc.to_text(), doc.to_json()]:
            differ.append(pdf.name)
    assert not differ


# Run by the child: the installed mupdf backend's page data from its compiled text-page reader
# and from PyMuPDF's extractWORDS and extractDICT, page by page, for every PDF named on stdin.
_READER_CHILD = """
import json, sys
import pymupdf
from extractor.backends import mupdf as mb
out = {"reader": mb._READER is not None, "pages": 0, "differ": []}
for path in sys.stdin.read().split("\\n"):
    if path and out["reader"]:
        with pymupdf.open(path) as doc:
            for page in doc:
                textpage = page.get_textpage(flags=mb._FLAGS)
                out["pages"] += 1
                if mb.page_data(textpage) != mb.dict_page_data(textpage):
                    out["differ"].append(f"{path} page {page.number + 1}")
print(json.dumps(out))
"""


def test_compiled_text_page_reader_reads_as_pymupdf_does(installed: dict, tmp_path: Path) -> None:
    """The reader (extractor/backends/_stext.c) replaces extractWORDS and extractDICT: the
    words, line runs and vector shapes must be theirs on every sample and corpus page."""
    pdfs = _all_pdfs()
    result = _run_installed(_READER_CHILD, pdfs, tmp_path)
    if not result["reader"]:
        pytest.skip("the installed build has no text-page reader (no MuPDF headers at build time)")
    assert result["pages"] >= len(pdfs)
    assert result["differ"] == []

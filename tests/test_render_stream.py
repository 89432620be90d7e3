"""render_stream: a long document written a window at a time equals the whole-document output."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

import extractor
from extractor.pipeline import stream
from extractor.render import render_stream

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    """40 pages: the three-page running-head sample and the seed replica, over and over."""
    out = pymupdf.open()
    for _ in range(8):
        for name in ("multipage_running", "seed_page23", "two_col_equal"):
            with pymupdf.open(SAMPLES / f"{name}.pdf") as src:
                out.insert_pdf(src)
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    out.save(path)
    return path


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_streamed_output_equals_the_whole_document(long_pdf: Path, fmt: str) -> None:
    doc = extractor.extract(long_pdf)
    whole = {"text": doc.to_text, "markdown": doc.to_markdown, "json": doc.to_json}[fmt]()
    out, pages = render_stream(stream(long_pdf), fmt)
    assert pages == 40
    if fmt == "json":
        assert json.loads(out) == json.loads(whole)
    else:
        assert out == whole


def test_the_long_document_is_settled_in_several_windows(long_pdf: Path) -> None:
    chunks = list(stream(long_pdf))
    assert len(chunks) >= 2
    assert [p.number for c in chunks for p in c.pages] == list(range(40))


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_stream([], "pdf")

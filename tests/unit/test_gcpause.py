"""gcpause: the collector is paused while a page is analysed, and running whenever the caller
has control; a caller who disabled it keeps it disabled."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest
from helpers.geometry import page, text_line

from extractor.gcpause import gc_paused
from extractor.options import ExtractOptions
from extractor.pipeline import analyse_stream


@pytest.fixture(autouse=True)
def _restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_running_after():
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_running_again_after_an_error():
    gc.enable()
    with pytest.raises(RuntimeError):
        with gc_paused():
            raise RuntimeError("page failed")
    assert gc.isenabled()


def test_a_caller_who_disabled_the_collector_keeps_it_disabled():
    gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_stream_yields_with_the_collector_running_and_pauses_per_page():
    gc.enable()
    seen = []

    def pages():
        for n in range(3):
            seen.append(gc.isenabled())  # loading happens inside the pause
            yield page(text_line(f"Page {n} holds a sentence of prose.", 50, 100, page=n), number=n)

    for _chunk in analyse_stream("t", pages(), ExtractOptions(), window=1):
        assert gc.isenabled()
    assert seen == [False, False, False]
    assert gc.isenabled()


@pytest.mark.skipif(
    sys.version_info >= (3, 14), reason="3.14's incremental collector counts allocations otherwise"
)
@pytest.mark.parametrize(
    "write", [lambda d: d.to_text(), lambda d: d.to_markdown(), lambda d: d.to_json()]
)
def test_a_document_written_and_dropped_is_never_walked_by_the_collector(write):
    """extract(...).to_text() frees the document before any collection starts (see gcpause)."""
    import extractor

    sample = Path(__file__).resolve().parents[2] / "samples" / "seed_page23.pdf"
    gc.enable()
    started = []

    def count(phase, info):
        if phase == "start":
            started.append(info["generation"])

    write(extractor.extract(sample))  # first use loads modules and caches, kept
    gc.collect()
    gc.callbacks.append(count)
    try:
        out = write(extractor.extract(sample))
    finally:
        gc.callbacks.remove(count)
    assert out and started == []


def test_the_writers_run_with_the_collector_paused_and_resume_it(monkeypatch):
    from extractor import writers
    from extractor.pipeline import analyse

    seen = []
    real = writers.to_text
    monkeypatch.setattr(writers, "to_text", lambda doc: seen.append(gc.isenabled()) or real(doc))
    gc.enable()
    doc = analyse("t", [page(text_line("A sentence of prose on a page.", 50, 100))])
    assert doc.to_text() == "A sentence of prose on a page.\n"
    assert seen == [False] and gc.isenabled()
    gc.disable()
    doc.to_text()
    assert seen == [False, False] and not gc.isenabled()

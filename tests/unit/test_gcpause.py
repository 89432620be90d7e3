"""gcpause: the collector is paused while a page is analysed, and running whenever the caller
has control; a caller who disabled it keeps it disabled."""

from __future__ import annotations

import gc

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

"""gcpause: run a stage with Python's cyclic garbage collector paused.

Analysing a page builds thousands of small objects (words, boxes, lines) that form no
reference cycles. Each 700 allocations CPython runs a collection that walks the young
objects, and every so often all of them: on the corpus that cost about 0.7 ms a page, more
than laying out the page's blocks. Reference counting still frees everything as usual; the
collector resumes after each page and finds the (rare) cycles then.

The pause is taken only if the collector was running, and undone only by the one who took
it, so a caller who disabled the collector keeps it disabled. Yielding to a caller always
happens with the collector running (see :func:`extractor.pipeline.analyse_stream`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

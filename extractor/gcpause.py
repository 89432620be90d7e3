"""gcpause: run a stage with Python's cyclic garbage collector paused.

Analysing a page builds thousands of small objects (words, boxes, lines) that form no
reference cycles. Each 700 allocations CPython runs a collection that walks the young
objects, and every so often all of them: on the corpus that cost about 0.7 ms a page, more
than laying out the page's blocks. Reference counting still frees everything as usual; the
collector resumes after each page and finds the (rare) cycles then.

The collector counts allocations less deallocations. A document handed to the caller holds
a page's worth of objects counted while the collector was paused, so the first allocation
after it resumes starts a collection that walks all of them, and now and then promotes them
to the oldest generation, whose collections then walk every object of the process (the
PDF library alone imports some 60,000). Writing the document out (``Document.to_text`` and
the other writers) therefore runs paused too, and nothing is allocated between resuming and
returning: a caller who writes a document and drops it (``extract(path).to_text()``, the
common case) frees its objects before any collection sees them.

The pause is taken only if the collector was running, and undone only by the one who took
it, so a caller who disabled the collector keeps it disabled. Yielding to a caller always
happens with the collector running (see :func:`extractor.pipeline.analyse_stream`).
"""

from __future__ import annotations

import gc
from types import TracebackType


def pause_gc() -> bool:
    """Pause the collector; True if this call paused it (pass that to :func:`resume_gc`).

    Allocates nothing, so it cannot itself start the collection it is meant to avoid."""
    if gc.isenabled():
        gc.disable()
        return True
    return False


def resume_gc(took: bool) -> None:
    """Undo :func:`pause_gc` (only if it took the pause); allocates nothing."""
    if took:
        gc.enable()


class gc_paused:  # noqa: N801 (used as a function: ``with gc_paused():``)
    """Pause the cyclic garbage collector for the duration of a ``with`` block.

    A class rather than a generator-based context manager: leaving the block then allocates
    nothing after the collector resumes (a generator's exit raises StopIteration, an object
    the collector counts)."""

    __slots__ = ("_took",)

    def __enter__(self) -> None:
        self._took = pause_gc()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        resume_gc(self._took)

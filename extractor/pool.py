"""pool: the local process pool of the batch; records in completion order.

Each worker process holds one document at a time; it is replaced after
:data:`MAX_TASKS_PER_WORKER` documents to bound memory, and killed and replaced past the hard
time limit (:func:`hard_limit`). A worker that dies gives a ``crashed`` record.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from extractor.records import Record, failure_record

# A worker stuck in C past its own time limit is killed this long after it (seconds or share).
HARD_GRACE_SECONDS, HARD_GRACE_SHARE = 5.0, 0.5
MAX_TASKS_PER_WORKER = 250  # documents per worker process before it is replaced (memory)


def _serve(conn: Connection, func: Callable[..., Record], args: tuple[Any, ...]) -> None:
    """Worker process: one path in, one record out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's; it stops us
    logger = logging.getLogger("extractor")  # warnings go into the records (process_one)
    for handler in list(logger.handlers):  # not to the handlers a forked parent had set
        logger.removeHandler(handler)
    logger.addHandler(logging.NullHandler())
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(func(path, *args))


class _Worker:
    """One worker process and the document it holds, if any."""

    def __init__(self, ctx: Any, func: Callable[..., Record], args: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, func, args), daemon=True)
        self.proc.start()
        child.close()
        self.task: str | None = None
        self.started = 0.0
        self.count = 0

    def give(self, path: str) -> None:
        self.conn.send(path)
        self.task, self.started = path, time.monotonic()

    def take(self) -> Record:
        """The record of the held document, or a ``crashed`` record if the process died."""
        path, self.task = self.task or "", None
        self.count += 1
        try:
            if self.conn.poll():
                record: Record = self.conn.recv()
                return record
        except (EOFError, OSError):
            pass
        self.proc.join(1)
        return failure_record(
            path, "crashed", f"worker process died (exit code {self.proc.exitcode})"
        )

    def result(self, ready: set[Any], limit: float | None) -> Record | None:
        """The record if the held document is finished, or past ``limit`` (then we are killed)."""
        if self.conn in ready or self.proc.sentinel in ready:
            return self.take()
        if limit is None or self.task is None or time.monotonic() - self.started <= limit:
            return None
        path, self.task = self.task, None
        self.stop(kill=True)
        return failure_record(path, "timeout", f"took longer than {limit:g}s; worker stopped")

    def worn_out(self, max_tasks: int) -> bool:
        return self.conn.closed or not self.proc.is_alive() or self.count >= max_tasks

    def stop(self, *, kill: bool = False) -> None:
        if self.conn.closed:
            return
        if not kill and self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                kill = True
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _mp_context() -> Any:
    """How worker processes start.

    ``fork`` when the parent runs a single thread: fast, and it does not re-import the caller's
    main module (a script without a ``__main__`` guard, code piped to ``python -``). A parent
    with threads (a Dask client, a GUI) must not fork: ``forkserver`` then, with our modules
    preloaded, or ``spawn`` where neither exists.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["extractor.batch", "extractor.backends.mupdf"])
        return ctx
    return multiprocessing.get_context("spawn")


def hard_limit(timeout: float | None) -> float | None:
    """Seconds after which the parent kills a worker that its own time limit did not stop."""
    if timeout is None:
        return None
    return timeout + max(HARD_GRACE_SECONDS, timeout * HARD_GRACE_SHARE)


def run_pool(
    paths: Sequence[str],
    func: Callable[..., Record],
    args: tuple[Any, ...] = (),
    *,
    workers: int | None = None,
    limit: float | None = None,
    max_tasks: int = MAX_TASKS_PER_WORKER,
) -> Iterator[Record]:
    """Run ``func(path, *args)`` for each path in worker processes; records as they complete.

    Each worker holds one document at a time. One that runs past ``limit`` seconds is killed
    and replaced (its record: kind ``timeout``); one that dies gives a ``crashed`` record; one
    that has done ``max_tasks`` documents is replaced by a fresh process (memory).
    """
    todo = deque(paths)
    if not todo:
        return
    ctx = _mp_context()
    size = min(workers or os.cpu_count() or 1, len(todo))
    pool = [_Worker(ctx, func, args) for _ in range(size)]
    try:
        while True:
            for w in pool:
                if w.task is None and todo:
                    w.give(todo.popleft())
            busy = [w for w in pool if w.task is not None]
            if not busy:
                return
            waitables = [x for w in busy for x in (w.conn, w.proc.sentinel)]
            ready = set(wait(waitables, _wait(busy, limit)))
            for i, w in enumerate(pool):
                record = w.result(ready, limit) if w.task is not None else None
                if record is None:
                    continue
                yield record
                if w.worn_out(max_tasks):
                    w.stop()
                    pool[i] = _Worker(ctx, func, args)
    finally:
        for w in pool:
            w.stop(kill=w.task is not None)


def _wait(busy: list[_Worker], limit: float | None) -> float | None:
    if limit is None:
        return None
    now = time.monotonic()
    return max(0.0, min(w.started + limit - now for w in busy)) + 0.01


__all__ = [
    "HARD_GRACE_SECONDS",
    "HARD_GRACE_SHARE",
    "MAX_TASKS_PER_WORKER",
    "hard_limit",
    "run_pool",
]

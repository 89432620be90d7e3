"""batch: many PDFs -> one JSON record each, on a local process pool or a Dask cluster.

* :func:`expand_inputs` turns files, folders (every ``*.pdf`` below, sorted) and ``-`` (a list
  of paths on stdin) into one ordered list without repeats.
* :func:`process_one` extracts one document and returns its record, never raising:
  ``{path, size, sha256, pages, format, output, seconds}`` or, when it fails,
  ``{path, size?, sha256?, error, kind, seconds}`` with ``kind`` the ``.kind`` of our exception
  (``not_found``, ``not_pdf``, ``damaged``, ``encrypted``, ``timeout``...), ``internal`` for an
  unexpected exception and ``crashed`` when the worker process died.
* :func:`extract_many` yields the records in completion order, from a local pool of worker
  processes (each one document at a time, replaced after :data:`MAX_TASKS_PER_WORKER`
  documents to bound memory, killed and replaced past the hard time limit) or from a
  ``dask.distributed`` scheduler.
* :func:`run_batch` adds the JSON Lines journal: one writer, one line per record, flushed as
  written and fsync'd at least every :data:`FSYNC_SECONDS`; a rerun skips the inputs already
  recorded (same path, same SHA-256) and cuts away a half-written last line first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TextIO

from extractor.errors import BackendMissingError, ExtractorError, OptionsError
from extractor.options import ExtractOptions

Record = dict[str, Any]
# --format value -> name of the Document method that renders it.
FORMATS = {"text": "to_text", "markdown": "to_markdown", "json": "to_json"}
DEFAULT_TIMEOUT = 300.0  # seconds per document (the CLI's --timeout default)
# A worker stuck in C past its own time limit is killed this long after it (seconds or share).
HARD_GRACE_SECONDS, HARD_GRACE_SHARE = 5.0, 0.5
MAX_TASKS_PER_WORKER = 250  # documents per worker process before it is replaced (memory)
FSYNC_SECONDS, FSYNC_RECORDS = 1.0, 100
DASK_IN_FLIGHT_PER_THREAD = 4  # futures submitted ahead of the results, per worker thread
_HASH_CHUNK = 1 << 20
# PyMuPDF is not thread-safe: a Dask worker with several threads runs one document at a time.
_EXTRACT_LOCK = threading.Lock()

log = logging.getLogger(__name__)


# -- inputs -----------------------------------------------------------------------------------


def expand_inputs(inputs: Iterable[str], stdin: TextIO | None = None) -> list[str]:
    """Files as given, folders as their ``*.pdf`` files (recursive, sorted), ``-`` as stdin lines.

    A path that does not exist is kept: it becomes a ``not_found`` record. Repeats are dropped.
    """
    seen: dict[str, None] = {}
    for item in inputs:
        if item == "-":
            lines = (stdin.read() if stdin is not None else "").splitlines()
            names = [line.strip() for line in lines if line.strip()]
        elif Path(item).is_dir():
            names = sorted(
                str(p) for p in Path(item).rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()
            )
        else:
            names = [item]
        seen.update(dict.fromkeys(names))
    return list(seen)


def file_digest(path: str | os.PathLike[str]) -> tuple[int, str]:
    """Size in bytes and SHA-256 (hex) of a file, read in chunks."""
    from extractor.load import read_source

    read_source(path)  # the same not_found / not_pdf errors as extract()
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _digest_or_none(path: str) -> str | None:
    try:
        return file_digest(path)[1]
    except (ExtractorError, OSError):
        return None


# -- one document ----------------------------------------------------------------------------


def check_format(fmt: str) -> str:
    """The Document method for ``fmt``; :class:`OptionsError` if this version lacks it."""
    from extractor.model import Document

    method = FORMATS.get(fmt)
    if method is None:
        raise OptionsError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if not callable(getattr(Document, method, None)):
        raise OptionsError(
            f"format {fmt} is not available in this version of extractor "
            f"(Document.{method} is missing); use text"
        )
    return method


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_one_line(record.getMessage()))


def process_one(path: str, options: ExtractOptions | None = None, fmt: str = "text") -> Record:
    """Extract one document into its record; any failure becomes an error record."""
    from extractor.pipeline import extract_to

    start = time.perf_counter()
    record: Record = {"path": path}
    collect = _Collect()
    logger = logging.getLogger("extractor")
    with _EXTRACT_LOCK:
        logger.addHandler(collect)
        try:
            check_format(fmt)
            record["size"], record["sha256"] = file_digest(path)
            # A window of pages at a time: a 2,000-page document is never held whole.
            output: Any
            output, pages = extract_to(path, fmt=fmt, options=options)
            if fmt == "json":
                output = json.loads(output)
            record.update(pages=pages, format=fmt, output=output)
        except ExtractorError as exc:
            record.update(error=_one_line(str(exc)), kind=exc.kind)
        except Exception as exc:  # one bad document never stops the batch
            reason = _one_line(f"{type(exc).__name__}: {exc}")
            record.update(error=f"{path}: unexpected error: {reason}", kind="internal")
        finally:
            logger.removeHandler(collect)
    if collect.messages:
        record["warnings"] = collect.messages
    record["seconds"] = round(time.perf_counter() - start, 3)
    return record


def failure_record(path: str, kind: str, error: str) -> Record:
    """An error record made by the parent (timeout, crashed worker), with the file's hash."""
    record: Record = {"path": path}
    with contextlib.suppress(ExtractorError, OSError):
        record["size"], record["sha256"] = file_digest(path)
    record.update(error=f"{path}: {error}", kind=kind)
    return record


# -- local pool ------------------------------------------------------------------------------


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


# -- Dask ------------------------------------------------------------------------------------


def run_dask(
    paths: Sequence[str], scheduler: Any, options: ExtractOptions | None, fmt: str
) -> Iterator[Record]:
    """The same records from a ``dask.distributed`` cluster; the caller's process writes them.

    ``scheduler`` is an address (``tcp://HOST:PORT``) or a ``distributed.Client``. Only a
    bounded number of futures is submitted ahead of the results.
    """
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise BackendMissingError(
            'running on a Dask scheduler needs dask.distributed: pip install "extractor[dask]"'
        ) from exc
    own = not hasattr(scheduler, "submit")
    try:
        client = Client(scheduler) if own else scheduler  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:  # TimeoutError is an OSError
        raise ExtractorError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
    try:
        threads = sum(client.nthreads().values())
        if not threads:
            log.warning("%s: the Dask scheduler has no workers yet; waiting for some", scheduler)
        ahead = DASK_IN_FLIGHT_PER_THREAD * max(threads, 2)
        todo = deque(paths)
        where: dict[Any, str] = {}  # future key -> path
        futures = as_completed()  # type: ignore[no-untyped-call]

        def submit() -> None:
            path = todo.popleft()
            future = client.submit(process_one, path, options, fmt, pure=False)
            where[future.key] = path
            futures.add(future)  # type: ignore[no-untyped-call]

        for _ in range(min(len(todo), ahead)):
            submit()
        for future in futures:
            yield _dask_record(future, where.pop(future.key))
            future.release()
            if todo:
                submit()
    finally:
        if own:
            client.close()


def _dask_record(future: Any, path: str) -> Record:
    """The task's record; a worker that died on it gives ``crashed``.

    :func:`process_one` never raises, so any other failure is the cluster's (a worker that
    cannot unpickle the task, a lost scheduler): the batch stops without recording the
    document, and a rerun picks it up once the cluster is fixed.
    """
    from distributed import KilledWorker

    if future.status == "finished":
        record: Record = future.result()
        return record
    try:
        exc = future.exception()
    except Exception as err:  # cancelled: the scheduler or the connection was lost
        exc = err
    reason = _one_line(f"{type(exc).__name__}: {exc}")
    if isinstance(exc, KilledWorker):
        return failure_record(path, "crashed", f"Dask worker died on it ({reason})")
    raise ExtractorError(
        f"{path}: the Dask cluster failed to run it ({reason}); is the same extractor "
        "installed on the scheduler and every worker? Rerun the same command to resume"
    ) from exc


# -- library API -----------------------------------------------------------------------------


def extract_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    scheduler: Any = None,
    options: ExtractOptions | None = None,
    fmt: str = "text",
) -> Iterator[Record]:
    """Extract many PDFs in parallel; yield one record per path, in completion order.

    Args:
        paths: PDF files (see :func:`expand_inputs` for folders and stdin lists).
        workers: local worker processes (default: the number of cores).
        scheduler: ``tcp://HOST:PORT`` of a Dask scheduler (or a ``distributed.Client``) to run
            on instead of the local pool.
        options: extraction options; ``options.timeout`` (seconds, default
            :data:`DEFAULT_TIMEOUT` here) bounds each document.
        fmt: ``text``, ``markdown`` or ``json``: what goes into each record's ``output``.
    """
    check_format(fmt)
    options = options or ExtractOptions(timeout=DEFAULT_TIMEOUT)
    names = [os.fspath(p) for p in paths]
    if scheduler is not None:
        yield from run_dask(names, scheduler, options, fmt)
        return
    _warm_up(options)
    yield from run_pool(
        names, process_one, (options, fmt), workers=workers, limit=hard_limit(options.timeout)
    )


def _warm_up(options: ExtractOptions) -> None:
    """Import the PDF engine once in the parent, so forked workers start with it (~0.8 s each)."""
    import importlib

    module = "plumber" if options.backend == "pdfplumber" else "mupdf"
    with contextlib.suppress(ImportError):  # the worker reports a missing backend per document
        importlib.import_module(f"extractor.backends.{module}")


# -- journal and resume ----------------------------------------------------------------------


class Journal:
    """The JSON Lines results file: read what is done, repair a cut line, append records."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.done: dict[str, Record] = {}
        self.repaired = False
        self._read_and_repair()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._unsynced, self._synced_at = 0, time.monotonic()

    def _read_and_repair(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        keep = data.rfind(b"\n") + 1  # a last line without its newline was cut: redo it
        if keep < len(data):
            with open(self.path, "r+b") as fh:
                fh.truncate(keep)
                os.fsync(fh.fileno())
            self.repaired = True
        for number, line in enumerate(data[:keep].splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict) or "path" not in record:
                raise OptionsError(
                    f"{self.path}: line {number} is not a batch record; "
                    "give -o a new file or a results file of an earlier run"
                ) from None
            self.done[record["path"]] = record

    def check_format(self, fmt: str) -> None:
        """One results file holds one format: resuming with another is a usage error."""
        other = {r["format"] for r in self.done.values() if "format" in r} - {fmt}
        if other:
            raise OptionsError(
                f"{self.path}: holds {other.pop()} records, not {fmt}; "
                "give -o a new file to extract in another format"
            )

    def is_done(self, path: str) -> bool:
        """Recorded before, and the file is still the same (same SHA-256, or still unreadable)."""
        record = self.done.get(path)
        return record is not None and record.get("sha256") == _digest_or_none(path)

    def write(self, record: Record) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view) :]
        self._unsynced += 1
        now = time.monotonic()
        if self._unsynced >= FSYNC_RECORDS or now - self._synced_at >= FSYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        os.fsync(self._fd)
        self._unsynced, self._synced_at = 0, time.monotonic()

    def close(self) -> None:
        if self._fd >= 0:
            self.sync()
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class BatchStats:
    """Counts of one run, for the progress bar and the summary line."""

    total: int = 0  # inputs to process in this run (skipped ones excluded)
    skipped: int = 0
    skipped_errors: int = 0  # skipped inputs whose earlier record is an error
    done: int = 0
    errors: int = 0
    pages: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return not (self.errors or self.skipped_errors)

    def add(self, record: Record) -> None:
        if "error" in record:
            self.errors += 1
            self.kinds[record["kind"]] = self.kinds.get(record["kind"], 0) + 1
        else:
            self.done += 1
            self.pages += int(record.get("pages", 0))

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items()))
        skipped = f"{self.skipped} skipped" + (
            f" ({self.skipped_errors} with errors)" if self.skipped_errors else ""
        )
        return (
            f"{self.done} done, {skipped}, {self.errors} errors"
            + (f" ({kinds})" if kinds else "")
            + f", {self.pages} pages, {self.seconds:.1f} s"
        )


def run_batch(
    paths: Sequence[str],
    output: str | os.PathLike[str],
    *,
    workers: int | None = None,
    scheduler: Any = None,
    options: ExtractOptions | None = None,
    fmt: str = "text",
    progress: Callable[[BatchStats, Record | None], None] | None = None,
) -> BatchStats:
    """Extract ``paths`` into the JSON Lines file ``output``, resuming an earlier run.

    ``progress(stats, record)`` is called once before the first record (record None) and
    after each record is written.
    """
    check_format(fmt)
    stats = BatchStats()
    with Journal(output) as journal:
        journal.check_format(fmt)
        todo = []
        for path in paths:
            if journal.is_done(path):
                stats.skipped += 1
                stats.skipped_errors += "error" in journal.done[path]
            else:
                todo.append(path)
        stats.total = len(todo)
        if progress:
            progress(stats, None)
        records = extract_many(todo, workers=workers, scheduler=scheduler, options=options, fmt=fmt)
        for record in records:
            journal.write(record)
            stats.add(record)
            if progress:
                progress(stats, record)
    return stats


__all__ = [
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "BatchStats",
    "Journal",
    "expand_inputs",
    "extract_many",
    "file_digest",
    "process_one",
    "run_batch",
]

"""batch: many PDFs -> one JSON record each, on a local process pool or a Dask cluster.

* :func:`expand_inputs` turns files, folders (every ``*.pdf`` below, sorted) and ``-`` (a list
  of paths on stdin) into one ordered list without repeats.
* :func:`process_one` (:mod:`extractor.records`) extracts one document and returns its record,
  never raising: ``{path, size, sha256, pages, format, output, seconds}`` or, when it fails,
  ``{path, size?, sha256?, error, kind, seconds}`` with ``kind`` the ``.kind`` of our exception
  (``not_found``, ``not_pdf``, ``damaged``, ``encrypted``, ``timeout``...), ``internal`` for an
  unexpected exception and ``crashed`` when the worker process died.
* :func:`extract_many` yields the records in completion order, from a local pool of worker
  processes (:mod:`extractor.pool`: each one document at a time, replaced after
  :data:`MAX_TASKS_PER_WORKER` documents to bound memory, killed and replaced past the hard
  time limit) or from a ``dask.distributed`` scheduler (:mod:`extractor.dask_runner`).
* :func:`run_batch` adds the JSON Lines journal: one writer, one line per record, flushed as
  written and fsync'd at least every :data:`FSYNC_SECONDS`; a rerun skips the inputs already
  recorded (same path, same SHA-256) and cuts away a half-written last line first.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from extractor.dask_runner import DASK_IN_FLIGHT_PER_THREAD, run_dask
from extractor.errors import OptionsError
from extractor.options import ExtractOptions
from extractor.pool import (
    HARD_GRACE_SECONDS,
    HARD_GRACE_SHARE,
    MAX_TASKS_PER_WORKER,
    hard_limit,
    run_pool,
)
from extractor.records import (
    FORMATS,
    Record,
    _digest_or_none,
    check_format,
    failure_record,
    file_digest,
    process_one,
)

DEFAULT_TIMEOUT = 300.0  # seconds per document (the CLI's --timeout default)
FSYNC_SECONDS, FSYNC_RECORDS = 1.0, 100


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
    "DASK_IN_FLIGHT_PER_THREAD",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "HARD_GRACE_SECONDS",
    "HARD_GRACE_SHARE",
    "MAX_TASKS_PER_WORKER",
    "BatchStats",
    "Journal",
    "Record",
    "check_format",
    "expand_inputs",
    "extract_many",
    "failure_record",
    "file_digest",
    "hard_limit",
    "process_one",
    "run_batch",
    "run_dask",
    "run_pool",
]

"""records: one document -> one batch record, never raising (used by the pool and Dask paths).

* :func:`process_one` extracts one document and returns its record:
  ``{path, size, sha256, pages, format, output, seconds}`` or, when it fails,
  ``{path, size?, sha256?, error, kind, seconds}`` with ``kind`` the ``.kind`` of our exception
  (``not_found``, ``not_pdf``, ``damaged``, ``encrypted``, ``timeout``...), ``internal`` for an
  unexpected exception and ``crashed`` when the worker process died.
* :func:`failure_record` is the record the parent makes when a worker could not (timeout, crash).
* :func:`file_digest` gives a file's size and SHA-256, which also key the resume.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
from typing import Any

from extractor.errors import ExtractorError, OptionsError
from extractor.options import ExtractOptions

Record = dict[str, Any]
# --format value -> name of the Document method that renders it.
FORMATS = {"text": "to_text", "markdown": "to_markdown", "json": "to_json"}
_HASH_CHUNK = 1 << 20
# PyMuPDF is not thread-safe: a Dask worker with several threads runs one document at a time.
_EXTRACT_LOCK = threading.Lock()


# -- the file --------------------------------------------------------------------------------


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

__all__ = [
    "FORMATS",
    "Record",
    "check_format",
    "failure_record",
    "file_digest",
    "process_one",
]

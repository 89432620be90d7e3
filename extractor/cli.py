"""cli: the ``extractor`` command; parses arguments, calls the library, writes results.

The only module that prints or exits. Page numbers are 1-based here and converted once, with
:func:`extractor.pagespec.parse_pages`, to the library's 0-based indices. Every
:class:`~extractor.errors.ExtractorError` becomes one line on stderr (``extractor: FILE: reason``)
and its :class:`~extractor.errors.ExitCode`; an unexpected exception becomes one line and exit
code 1 (``-v`` shows its traceback).
"""

from __future__ import annotations

import contextlib
import json
import logging
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import click

from extractor import __version__
from extractor.errors import (
    ExitCode,
    ExtractorError,
    FileNotFoundInputError,
    InputError,
    NoTextError,
    NotPDFError,
    PageRangeError,
    TextInputError,
)
from extractor.options import BACKENDS, ExtractOptions
from extractor.pagespec import needs_page_count, parse_pages
from extractor.quality_flags import no_text_message

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# --format value -> name of the Document method that renders it.
FORMATS = {"text": "to_text", "markdown": "to_markdown", "json": "to_json"}
# Documents written to one output are separated by a line holding only a form feed.
DOC_SEPARATOR = "\f\n"
STDIN_NAME = "<stdin>"
# A page stuck inside the C library cannot be interrupted from Python: past this many times the
# --timeout (plus a few seconds) the whole process ends (see extractor.limits.hard_exit_after).
HARD_LIMIT_FACTOR, HARD_LIMIT_GRACE = 2.0, 5.0

log = logging.getLogger("extractor")


class CliError(click.ClickException):
    """One line on stderr, ``extractor: <message>``, and the given exit code."""

    def __init__(self, message: str, exit_code: int = ExitCode.FAILURE) -> None:
        super().__init__(message)
        self.exit_code = int(exit_code)

    def show(self, file: Any = None) -> None:
        click.echo(f"extractor: {self.format_message()}", err=True)


def output_options(*, formats: tuple[str, ...] = ()) -> Callable[[Callable], Callable]:
    """``-o/--output`` (and ``-f/--format`` when ``formats`` has a choice), shared by commands."""

    def decorator(func: Callable) -> Callable:
        if len(formats) > 1:
            func = click.option(
                "-f",
                "--format",
                "fmt",
                type=click.Choice(formats),
                default=formats[0],
                show_default=True,
                help="Output format.",
            )(func)
        return click.option(
            "-o",
            "--output",
            type=click.File("w", encoding="utf-8", lazy=True),
            default="-",
            show_default="stdout",
            metavar="FILE|-",
            help="Write the result to FILE (created only if there is something to write).",
        )(func)

    return decorator


def verbosity_options(func: Callable) -> Callable:
    func = click.option(
        "-q", "--quiet", is_flag=True, help="Only errors on stderr: no warnings, no progress bar."
    )(func)
    return click.option(
        "-v", "--verbose", is_flag=True, help="Also info messages, and tracebacks of crashes."
    )(func)


class _ClickHandler(logging.Handler):
    """Library log records -> ``extractor: message`` on the current stderr, each one once.

    The only bytes the CLI hands the library come from stdin, so "<bytes>" reads "<stdin>".
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
            if message.startswith("<bytes>"):
                message = STDIN_NAME + message[len("<bytes>") :]
            if message in self.seen:
                return
            self.seen.add(message)
            click.echo(f"extractor: {message}", err=True)
        except Exception:  # pragma: no cover - logging must never crash the command
            self.handleError(record)


@contextlib.contextmanager
def _logging(verbose: bool, quiet: bool) -> Iterator[None]:
    handler = _ClickHandler()
    level = logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING
    old_level, old_propagate = log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(level)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(old_level)
        log.propagate = old_propagate


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="extractor")
def cli() -> None:
    """Pull the body text out of PDF pages as clean paragraphs in reading order.

    Exit codes: 0 success, 1 failure, 2 usage; see `extractor extract --help` for the rest.
    """


@dataclass
class _Batch:
    """Outcome of a run over several files."""

    codes: list[int] = field(default_factory=list)
    written: int = 0

    @property
    def exit_code(self) -> int:
        distinct = set(self.codes)
        if not distinct:
            return ExitCode.OK
        return distinct.pop() if len(distinct) == 1 else ExitCode.FAILURE


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@output_options(formats=tuple(FORMATS))
@click.option(
    "-p",
    "--pages",
    metavar="SPEC",
    help='Pages to read, 1-based: "1-3,7"; "5-" runs to the last page. Default: all.',
)
@click.option(
    "--backend", type=click.Choice(BACKENDS), default="pymupdf", show_default=True,
    help="PDF engine that reads the words.",
)
@click.option(
    "--password", envvar="EXTRACTOR_PASSWORD", show_envvar=True,
    help="User password of encrypted PDFs (PDFs with only an owner password need none).",
)
@click.option(
    "--keep-furniture", is_flag=True,
    help="Also output running heads/feet, page numbers, captions and footnotes.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
    help="Give up on a document after this many seconds (exit code 9).",
)
@verbosity_options
def extract(
    files: tuple[str, ...],
    output: TextIO,
    fmt: str,
    pages: str | None,
    backend: str,
    password: str | None,
    keep_furniture: bool,
    timeout: float | None,
    verbose: bool,
    quiet: bool,
) -> None:
    """Extract the body text of each PDF in FILES ("-" reads a PDF from stdin).

    \b
    Results go to stdout (or -o FILE), messages to stderr. With several files, each
    document is written in turn; between two documents stands a line holding only a
    form feed (\\f) for text and markdown, and json output becomes JSON Lines (one
    document per line). A file that fails gives one line on stderr,
    "extractor: FILE: reason", and the batch goes on.

    \b
    Exit codes: 0 all files done; otherwise the code of the failures when they all
    share one, or 1 when they differ:
      1 failure       2 usage            3 file not found   4 not a PDF
      5 damaged PDF   6 encrypted PDF    7 page range       8 no text
      9 timeout      10 backend missing  12 page too large

    \b
    A document in which no page has a word (a scan without OCR, undecodable
    fonts) ends with one line on stderr and exit code 8, no output.
    """
    if files.count("-") > 1:
        raise CliError('"-" (stdin) may be given only once', ExitCode.USAGE)
    method = FORMATS[fmt]
    from extractor.model import Document

    if not callable(getattr(Document, method, None)):
        raise CliError(
            f"--format {fmt} is not available in this version of extractor "
            f"(Document.{method} is missing)",
            ExitCode.USAGE,
        )
    spec_indices = _check_page_spec(pages)
    options = ExtractOptions(
        backend=backend, password=password, keep_furniture=keep_furniture, timeout=timeout
    )
    batch = _Batch()
    several = len(files) > 1
    with _logging(verbose, quiet), _progress(files, quiet) as items:
        for name in items:
            rendered = _extract_one(name, pages, spec_indices, options, method, verbose, batch)
            if rendered is None:
                continue
            if several and fmt == "json":
                rendered = json.dumps(json.loads(rendered), ensure_ascii=False) + "\n"
            if batch.written and fmt != "json":
                output.write(DOC_SEPARATOR)
            output.write(rendered)
            batch.written += 1
    if batch.written:
        output.flush()
    if batch.exit_code:
        click.get_current_context().exit(batch.exit_code)


def _check_page_spec(spec: str | None) -> list[int] | None:
    """Parse the spec once; open ranges ("5-") wait for each document's page count."""
    if spec is None:
        return None
    if needs_page_count(spec):
        # Syntax check now ("5-" checked as "5-5"); the range is resolved per document.
        parts = [p.strip() for p in spec.split(",")]
        _parse_or_usage(",".join(p + p[:-1].strip() if p.endswith("-") else p for p in parts))
        return None
    return _parse_or_usage(spec)


def _parse_or_usage(spec: str, page_count: int | None = None) -> list[int]:
    try:
        return parse_pages(spec, page_count)
    except PageRangeError as exc:
        raise click.BadParameter(str(exc), param_hint="'-p' / '--pages'") from exc


def _extract_one(
    name: str,
    spec: str | None,
    indices: list[int] | None,
    options: ExtractOptions,
    method: str,
    verbose: bool,
    batch: _Batch,
) -> str | None:
    """Extract one file and render it; on failure say why on stderr and return None."""
    import extractor
    from extractor.limits import hard_exit_after

    label = STDIN_NAME if name == "-" else name
    try:
        source: str | bytes = _read_stdin() if name == "-" else name
        hard = options.timeout and options.timeout * HARD_LIMIT_FACTOR + HARD_LIMIT_GRACE
        with hard_exit_after(hard or None, verbose=verbose):
            if spec is not None and indices is None:
                indices = parse_pages(spec, _page_count(source, options))
            doc = extractor.extract(source, pages=indices, options=options)
            empty = no_text_message(doc.source, doc.pages)
            if empty is not None:  # the library warned it already: the handler shows it once
                log.error("%s", _message(NoTextError(empty), label))
                batch.codes.append(int(ExitCode.NO_TEXT))
                return None
            return getattr(doc, method)()
    except ExtractorError as exc:
        _report(label, _message(exc, label))
        batch.codes.append(int(exc.exit_code))
    except Exception as exc:
        if verbose:
            click.echo(traceback.format_exc().rstrip(), err=True)
        _report(label, f"{label}: unexpected error: {type(exc).__name__}: {exc}")
        batch.codes.append(int(ExitCode.FAILURE))
    return None


def _report(label: str, message: str) -> None:
    """One line on stderr, whatever the message holds."""
    lines = message.strip().splitlines()
    click.echo(f"extractor: {lines[0] if lines else label}", err=True)


def _message(exc: ExtractorError, label: str) -> str:
    """The library names bytes input "<bytes>"; say "<stdin>" instead. Add the file if missing."""
    text = str(exc)
    if label == STDIN_NAME and text.startswith("<bytes>"):
        text = STDIN_NAME + text[len("<bytes>") :]
    if isinstance(exc, PageRangeError) and not text.startswith(label):
        text = f"{label}: {text}"
    return text


def _page_count(source: str | bytes, options: ExtractOptions) -> int:
    from extractor.load import open_document

    loaded = open_document(source, options)
    try:
        return loaded.page_count
    finally:
        loaded.close()


def _read_stdin() -> bytes:
    stream = click.get_binary_stream("stdin")
    try:
        return stream.read()
    except OSError as exc:
        raise InputError(f"{STDIN_NAME}: cannot read ({exc})") from exc


@contextlib.contextmanager
def _progress(files: tuple[str, ...], quiet: bool) -> Iterator[Any]:
    """A progress bar on stderr for batches, only when stderr is a terminal."""
    stderr = click.get_text_stream("stderr")
    if quiet or len(files) < 2 or not stderr.isatty():
        yield files
        return
    with click.progressbar(
        files, label="extracting", file=stderr, item_show_func=lambda f: f and str(f)
    ) as bar:
        yield bar


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(allow_dash=True))
@output_options()
@verbosity_options
def repair(file: str, output: TextIO, verbose: bool, quiet: bool) -> None:
    """Repair text whose two columns were glued line by line into clean paragraphs.

    FILE is UTF-8 text ("-" reads stdin); the paragraphs, in reading order, go to stdout
    or -o. Exit code 11 when FILE is not UTF-8 text (e.g. a PDF or other binary file).
    """
    label = STDIN_NAME if file == "-" else file
    with _logging(verbose, quiet):
        try:
            text = _read_text(file, label)
            try:
                from extractor.glued import repair_text
            except ImportError as exc:
                raise CliError(
                    "repair is not available in this version of extractor "
                    f"(extractor.glued cannot be imported: {exc})"
                ) from exc
            result = repair_text(text)
        except CliError:
            raise
        except ExtractorError as exc:
            raise CliError(_message(exc, label), exc.exit_code) from exc
        except Exception as exc:
            if verbose:
                click.echo(traceback.format_exc().rstrip(), err=True)
            raise CliError(f"{label}: unexpected error: {type(exc).__name__}: {exc}") from exc
    output.write(result)
    output.flush()


def _read_text(file: str, label: str) -> str:
    """Read UTF-8 text, with a clear error for missing, binary or undecodable input."""
    if file == "-":
        data = click.get_binary_stream("stdin").read()
    else:
        try:
            with open(file, "rb") as fh:
                data = fh.read()
        except FileNotFoundError as exc:
            raise FileNotFoundInputError(f"{label}: no such file") from exc
        except IsADirectoryError as exc:
            raise NotPDFError(f"{label}: is a directory, not a text file") from exc
        except OSError as exc:
            raise InputError(f"{label}: cannot read ({exc.strerror or exc})") from exc
    if data.startswith(b"%PDF-"):
        raise TextInputError(
            f"{label}: is a PDF, not text: run `extractor extract {file}` first"
        )
    if b"\x00" in data:
        raise TextInputError(f"{label}: binary data (NUL bytes), not UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TextInputError(
            f"{label}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-p",
    "--pages",
    metavar="SPEC",
    help='Pages to draw, 1-based: "3", "1-4". Default: the first page (PNG), all pages (PDF).',
)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="OUT.png|OUT.pdf",
    help="PNG picture(s) or a PDF with one page per input page, chosen by the extension.",
)
@click.option(
    "--dpi", type=click.IntRange(18, 600), default=110, show_default=True,
    help="Resolution of PNG pictures, pixels per inch.",
)
@click.option(
    "--backend", type=click.Choice(BACKENDS), default="pymupdf", show_default=True,
    help="PDF engine that reads the words (pymupdf always renders).",
)
@click.option(
    "--password", envvar="EXTRACTOR_PASSWORD", show_envvar=True,
    help="User password of encrypted PDFs.",
)
@verbosity_options
def debug(
    file: str,
    pages: str | None,
    output: str,
    dpi: int,
    backend: str,
    password: str | None,
    verbose: bool,
    quiet: bool,
) -> None:
    """Draw what the layout analysis saw over the page (see extractor.debug).

    \b
    Each block's box in the colour of its role, its reading-order number, arrows
    from block to block in reading order, dashed column edges and a legend. With
    several pages and a .png output, one picture per page: out-3.png, out-7.png
    (the 1-based page number). The files written are listed on stdout.
    """
    from extractor.debug import write_debug

    indices = _check_page_spec(pages)
    options = ExtractOptions(backend=backend, password=password)
    with _logging(verbose, quiet):
        try:
            if pages is not None and indices is None:
                indices = parse_pages(pages, _page_count(file, options))
            written = write_debug(file, output, pages=indices, dpi=dpi, options=options)
        except ExtractorError as exc:
            raise CliError(_message(exc, file), exc.exit_code) from exc
        except OSError as exc:
            raise CliError(f"{output}: cannot write ({exc.strerror or exc})") from exc
        except Exception as exc:
            if verbose:
                click.echo(traceback.format_exc().rstrip(), err=True)
            raise CliError(f"{file}: unexpected error: {type(exc).__name__}: {exc}") from exc
    for path in written:
        click.echo(str(path))


@cli.command("batch", context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="RESULTS.jsonl",
    help="JSON Lines file of records; an existing one is resumed (done inputs are skipped).",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(tuple(FORMATS)), default="text",
    show_default=True, help="What goes into each record's output.",
)
@click.option(
    "--workers", type=click.IntRange(min=1), metavar="N",
    help="Worker processes on this machine.  [default: the number of cores]",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=300.0,
    show_default=True, metavar="SECONDS", help="Time limit of one document (kind timeout).",
)
@click.option(
    "--scheduler", metavar="tcp://HOST:PORT",
    help='Run on this Dask scheduler instead (pip install "extractor[dask]").',
)
@click.option(
    "--password", envvar="EXTRACTOR_PASSWORD", show_envvar=True,
    help="User password tried on encrypted PDFs.",
)
@verbosity_options
def batch_command(
    inputs: tuple[str, ...],
    output: str,
    fmt: str,
    workers: int | None,
    timeout: float,
    scheduler: str | None,
    password: str | None,
    verbose: bool,
    quiet: bool,
) -> None:
    """Extract many PDFs into one JSON Lines file, in parallel, resumably.

    \b
    INPUTS are PDF files, folders (every *.pdf below, sorted) or "-" for a list
    of paths on stdin, one a line. Each input gives one line in RESULTS.jsonl:
      {"path", "size", "sha256", "pages", "format", "output", "seconds"}
    or, when it fails, {"path", "error", "kind", ...} with kind one of not_found,
    not_pdf, damaged, encrypted, timeout, internal, crashed, ...; a bad file never
    stops the batch. Run the same command again after a crash or Ctrl-C: inputs
    already recorded (same path, same SHA-256) are skipped, a cut last line is redone.

    \b
    Exit codes: 0 every input has a good record; 1 some have error records;
    2 usage (bad RESULTS file, format not available); 10 Dask not installed.
    """
    from extractor import batch as batching

    stdin = click.get_text_stream("stdin") if "-" in inputs else None
    options = ExtractOptions(password=password, timeout=timeout)
    with _logging(verbose, quiet), _batch_progress(quiet) as progress:
        try:
            paths = batching.expand_inputs(inputs, stdin)
            stats = batching.run_batch(
                paths, output, workers=workers, scheduler=scheduler, options=options,
                fmt=fmt, progress=progress,
            )
        except ExtractorError as exc:
            raise CliError(str(exc), exc.exit_code) from exc
        except OSError as exc:
            raise CliError(f"{output}: {exc}") from exc
    if not quiet:
        click.echo(f"extractor: batch: {stats.summary()}", err=True)
    if not stats.ok:
        click.get_current_context().exit(ExitCode.FAILURE)


@contextlib.contextmanager
def _batch_progress(quiet: bool) -> Iterator[Callable[..., None] | None]:
    """Files done, pages/s, errors and time left on stderr, only when stderr is a terminal."""
    stderr = click.get_text_stream("stderr")
    if quiet or not stderr.isatty():
        yield None
        return
    bars: list[Any] = []

    def update(stats: Any, record: Any) -> None:
        if not bars:
            bars.append(click.progressbar(length=stats.total, file=stderr, show_pos=True))
        bars[0].label = f"{stats.pages_per_second:.1f} pages/s, {stats.errors} errors"
        bars[0].update(0 if record is None else 1)

    try:
        yield update
    finally:
        if bars:
            bars[0].render_finish()


def main(args: list[str] | None = None) -> Any:
    """Console-script entry point (``extractor = "extractor.cli:main"``)."""
    return cli.main(args=args, prog_name="extractor")


__all__ = ["cli", "main", "output_options"]

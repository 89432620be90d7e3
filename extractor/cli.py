"""cli: the ``extractor`` command; parses arguments, calls the library, writes results.

Here the command group, ``extract`` and ``repair``; ``batch`` and ``debug`` are in
:mod:`extractor.cli_batch` and :mod:`extractor.cli_debug`, what the commands share in
:mod:`extractor.cli_common`. These are the only modules that print or exit. Page numbers are
1-based here and converted once, with :func:`extractor.pagespec.parse_pages`, to the library's
0-based indices. Every :class:`~extractor.errors.ExtractorError` becomes one line on stderr
(``extractor: FILE: reason``) and its :class:`~extractor.errors.ExitCode`; an unexpected
exception becomes one line and exit code 1 (``-v`` shows its traceback).
"""

from __future__ import annotations

import contextlib
import json
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

import click

from extractor import __version__, compiled
from extractor.cli_batch import batch_command
from extractor.cli_common import (
    CONTEXT_SETTINGS,
    FORMATS,
    STDIN_NAME,
    CliError,
    _check_page_spec,
    _logging,
    _message,
    _page_count,
    backend_option,
    log,
    output_options,
    password_option,
    verbosity_options,
)
from extractor.cli_debug import debug
from extractor.errors import (
    ExitCode,
    ExtractorError,
    FileNotFoundInputError,
    InputError,
    NoTextError,
    NotPDFError,
    TextInputError,
)
from extractor.options import ExtractOptions
from extractor.pagespec import parse_pages
from extractor.quality_flags import no_text_message

# Documents written to one output are separated by a line holding only a form feed.
DOC_SEPARATOR = "\f\n"
# A page stuck inside the C library cannot be interrupted from Python: past this many times the
# --timeout (plus a few seconds) the whole process ends (see extractor.limits.hard_exit_after).
HARD_LIMIT_FACTOR, HARD_LIMIT_GRACE = 2.0, 5.0


def build_description() -> str:
    """Which build runs: compiled or plain Python, and how the default backend reads pages."""
    build = "compiled" if compiled else "plain Python"
    try:
        from extractor.backends.mupdf import reads_with_own_reader
    except ImportError:  # no PyMuPDF
        return build
    if reads_with_own_reader():
        return f"{build}, pages read by its MuPDF text-page reader"
    return f"{build}, pages read through PyMuPDF's word list and span dictionary"


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # A callback rather than click's version_option: the backend (and PyMuPDF) is imported
    # only when the version is asked for, not for every command.
    if value and not ctx.resilient_parsing:
        click.echo(f"extractor {__version__} ({build_description()})")
        ctx.exit()


@click.group(context_settings=CONTEXT_SETTINGS)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version, the build and how pages are read, and exit.",
)
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
@backend_option("PDF engine that reads the words.")
@password_option("User password of encrypted PDFs (PDFs with only an owner password need none).")
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
    """Repair text whose columns were glued line by line into clean paragraphs.

    Two columns joined by one space, or two to four side by side (pdftotext -layout).
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


# The commands that live in modules of their own, on the same group.
cli.add_command(batch_command)
cli.add_command(debug)


def main(args: list[str] | None = None) -> Any:
    """Console-script entry point (``extractor = "extractor.cli:main"``)."""
    return cli.main(args=args, prog_name="extractor")


__all__ = ["cli", "main", "output_options"]

"""cli_common: what the ``extractor`` commands share.

The context settings, the ``-o``/``-f`` and ``-v``/``-q`` options, :class:`CliError` (one line on
stderr and an exit code), library log records shown as ``extractor: message`` lines, and the
1-based ``--pages`` spec checked once and resolved per document.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

import click

from extractor.errors import ExitCode, ExtractorError, PageRangeError
from extractor.options import BACKENDS, ExtractOptions
from extractor.pagespec import needs_page_count, parse_pages

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# --format value -> name of the Document method that renders it.
FORMATS = {"text": "to_text", "markdown": "to_markdown", "json": "to_json"}
STDIN_NAME = "<stdin>"

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


def backend_option(help: str) -> Callable[[Callable], Callable]:
    """``--backend``, the same choices and default on every command that reads PDFs."""
    return click.option(
        "--backend", type=click.Choice(BACKENDS), default="pymupdf", show_default=True, help=help
    )


def password_option(help: str) -> Callable[[Callable], Callable]:
    """``--password``, also read from EXTRACTOR_PASSWORD, on every command that opens PDFs."""
    return click.option("--password", envvar="EXTRACTOR_PASSWORD", show_envvar=True, help=help)


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


__all__ = [
    "CONTEXT_SETTINGS",
    "FORMATS",
    "STDIN_NAME",
    "CliError",
    "output_options",
    "verbosity_options",
]

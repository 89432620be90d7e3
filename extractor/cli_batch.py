"""cli_batch: the ``extractor batch`` command (many PDFs into one JSON Lines file)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import click

from extractor.cli_common import (
    CONTEXT_SETTINGS,
    FORMATS,
    CliError,
    _logging,
    password_option,
    verbosity_options,
)
from extractor.errors import ExitCode, ExtractorError
from extractor.options import ExtractOptions


@click.command("batch", context_settings=CONTEXT_SETTINGS)
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
@password_option("User password tried on encrypted PDFs.")
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


__all__ = ["batch_command"]

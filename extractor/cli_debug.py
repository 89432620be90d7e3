"""cli_debug: the ``extractor debug`` command (pictures of the layout analysis)."""

from __future__ import annotations

import traceback

import click

from extractor.cli_common import (
    CONTEXT_SETTINGS,
    CliError,
    _check_page_spec,
    _logging,
    _message,
    _page_count,
    backend_option,
    password_option,
    verbosity_options,
)
from extractor.errors import ExtractorError
from extractor.options import ExtractOptions
from extractor.pagespec import parse_pages


@click.command(context_settings=CONTEXT_SETTINGS)
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
@backend_option("PDF engine that reads the words (pymupdf always renders).")
@password_option("User password of encrypted PDFs.")
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

__all__ = ["debug"]

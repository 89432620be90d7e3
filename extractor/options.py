"""options: every extraction knob in one validated, documented, frozen object."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.errors import OptionsError

BACKENDS = ("pymupdf", "pdfplumber")
DEFAULT_MAX_WORDS_PER_PAGE = 200_000


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Options for :func:`extractor.extract`.

    Attributes:
        backend: PDF engine that reads the words: ``"pymupdf"`` (default, fast) or
            ``"pdfplumber"``.
        password: user password for encrypted PDFs (None: try the empty password).
        keep_furniture: also put running heads/feet, page numbers, captions and
            footnotes into text and Markdown output, where they stand on the page.
        dehyphenate: join words broken by a line-end hyphen (keeping real compounds).
        timeout: seconds one document may take before ``ExtractionTimeout`` (None: no limit).
        max_words_per_page: refuse pages with more words than this (protects memory).
        strict: raise instead of warning when a page has no text layer.
    """

    backend: str = "pymupdf"
    password: str | None = None
    keep_furniture: bool = False
    dehyphenate: bool = True
    timeout: float | None = None
    max_words_per_page: int = DEFAULT_MAX_WORDS_PER_PAGE
    strict: bool = False

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise OptionsError(
                f"unknown backend {self.backend!r}: choose one of {', '.join(BACKENDS)}"
            )
        if self.timeout is not None and self.timeout <= 0:
            raise OptionsError(f"timeout must be positive seconds, got {self.timeout}")
        if self.max_words_per_page < 1:
            raise OptionsError("max_words_per_page must be at least 1")

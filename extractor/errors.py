"""errors: the exceptions the library raises and the CLI exit codes they map to.

Every message names the file and the reason, in one line, so a batch log stays readable.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``extractor`` command (documented in the README)."""

    OK = 0
    FAILURE = 1
    USAGE = 2
    NOT_FOUND = 3
    NOT_PDF = 4
    DAMAGED = 5
    ENCRYPTED = 6
    PAGE_RANGE = 7
    NO_TEXT = 8
    TIMEOUT = 9
    BACKEND_MISSING = 10
    BAD_TEXT = 11
    TOO_LARGE = 12


class ExtractorError(Exception):
    """Base class of every error extractor raises on purpose."""

    exit_code: ExitCode = ExitCode.FAILURE
    kind: str = "error"


class InputError(ExtractorError):
    """The input cannot be read as a document."""

    exit_code = ExitCode.DAMAGED
    kind = "damaged"


class FileNotFoundInputError(InputError, FileNotFoundError):
    exit_code = ExitCode.NOT_FOUND
    kind = "not_found"


class NotPDFError(InputError):
    exit_code = ExitCode.NOT_PDF
    kind = "not_pdf"


class DamagedPDFError(InputError):
    exit_code = ExitCode.DAMAGED
    kind = "damaged"


class EncryptedPDFError(InputError):
    """The PDF needs a (correct) user password to be opened."""

    exit_code = ExitCode.ENCRYPTED
    kind = "encrypted"


class PageTooLargeError(InputError):
    """A page holds more words than ``ExtractOptions.max_words_per_page`` allows."""

    exit_code = ExitCode.TOO_LARGE
    kind = "too_large"


class NoTextError(ExtractorError):
    """No text to extract: a page needs OCR, or no page has text (``strict`` / CLI)."""

    exit_code = ExitCode.NO_TEXT
    kind = "no_text"


class PageRangeError(ExtractorError, ValueError):
    exit_code = ExitCode.PAGE_RANGE
    kind = "page_range"


class OptionsError(ExtractorError, ValueError):
    exit_code = ExitCode.USAGE
    kind = "options"


class ExtractionTimeout(ExtractorError, TimeoutError):
    exit_code = ExitCode.TIMEOUT
    kind = "timeout"


class BackendMissingError(ExtractorError, ImportError):
    exit_code = ExitCode.BACKEND_MISSING
    kind = "backend_missing"


class TextInputError(ExtractorError, ValueError):
    """Text given to ``repair`` is empty or not text."""

    exit_code = ExitCode.BAD_TEXT
    kind = "bad_text"

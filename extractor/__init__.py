"""extractor: PDF pages to clean paragraphs in reading order."""

from extractor.batch import extract_many
from extractor.errors import (
    DamagedPDFError,
    EncryptedPDFError,
    ExtractionTimeout,
    ExtractorError,
    InputError,
    NotPDFError,
    PageRangeError,
)
from extractor import model as _model
from extractor.model import Document, Page, Paragraph, Role
from extractor.options import ExtractOptions
from extractor.pipeline import extract

__version__ = "0.1.0"

#: True when the pipeline's hot modules run compiled by mypyc (see setup.py), False when the
#: package runs as plain Python (an editable install, or a build without a C compiler).
compiled = not (_model.__file__ or "").endswith(".py")


def repair_text(text: str) -> str:
    """Repair extracted text (glued or letter-spaced words, broken hyphenation).

    A thin wrapper: :mod:`extractor.glued` is imported on first use.
    """
    from extractor.glued import repair_text as _repair_text

    return _repair_text(text)


__all__ = [
    "DamagedPDFError",
    "Document",
    "EncryptedPDFError",
    "ExtractOptions",
    "ExtractionTimeout",
    "ExtractorError",
    "InputError",
    "NotPDFError",
    "Page",
    "PageRangeError",
    "Paragraph",
    "Role",
    "__version__",
    "compiled",
    "extract",
    "extract_many",
    "repair_text",
]

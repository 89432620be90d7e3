"""extractor: PDF pages to clean paragraphs in reading order."""

from extractor.errors import (
    DamagedPDFError,
    EncryptedPDFError,
    ExtractionTimeout,
    ExtractorError,
    InputError,
    NotPDFError,
    PageRangeError,
)
from extractor.model import Document, Page, Paragraph, Role
from extractor.options import ExtractOptions
from extractor.pipeline import extract

__version__ = "0.1.0"

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
    "extract",
]

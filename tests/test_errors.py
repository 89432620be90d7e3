"""Library errors: exception classes, exit codes, messages naming the file; the time limit."""

from __future__ import annotations

import logging
import re
import signal
import time
from pathlib import Path

import pymupdf
import pytest

import extractor
from extractor import errors
from extractor.errors import (
    BackendMissingError,
    DamagedPDFError,
    EncryptedPDFError,
    ExitCode,
    ExtractionTimeout,
    ExtractorError,
    FileNotFoundInputError,
    InputError,
    NotPDFError,
    OptionsError,
    PageRangeError,
    TextInputError,
)
from extractor.limits import Deadline, check_deadline, current_deadline, time_limit, with_time_limit

SENTENCE = "Plain body text that the loader must read back without any trouble at all."


def make_pdf(path: Path, pages: int = 1, **save: object) -> Path:
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_textbox(pymupdf.Rect(72, 150, 523, 210), f"{SENTENCE} ({i + 1})", fontsize=11)
    doc.save(path, **save)
    doc.close()
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "good.pdf", pages=2)


# -- the hierarchy -------------------------------------------------------------------------------


def test_page_range_error_is_a_value_error():
    assert isinstance(PageRangeError("x.pdf: page 9 is out of range"), ValueError)
    assert isinstance(OptionsError("bad"), ValueError)


@pytest.mark.parametrize(
    ("cls", "bases"),
    [
        (InputError, (ExtractorError,)),
        (FileNotFoundInputError, (InputError, FileNotFoundError)),
        (NotPDFError, (InputError,)),
        (DamagedPDFError, (InputError,)),
        (EncryptedPDFError, (InputError,)),
        (PageRangeError, (ExtractorError, ValueError)),
        (OptionsError, (ExtractorError, ValueError)),
        (ExtractionTimeout, (ExtractorError, TimeoutError)),
        (BackendMissingError, (ExtractorError, ImportError)),
        (TextInputError, (ExtractorError, ValueError)),
    ],
)
def test_hierarchy(cls, bases):
    for base in bases:
        assert issubclass(cls, base)


def test_every_error_has_its_own_exit_code():
    classes = [
        FileNotFoundInputError,
        NotPDFError,
        DamagedPDFError,
        EncryptedPDFError,
        PageRangeError,
        ExtractionTimeout,
        BackendMissingError,
        TextInputError,
    ]
    codes = [c.exit_code for c in classes]
    assert len(set(codes)) == len(codes)
    assert all(isinstance(c, ExitCode) and c not in (ExitCode.OK, ExitCode.FAILURE) for c in codes)
    assert ExtractorError.exit_code == ExitCode.FAILURE


def test_exported_names():
    for name in ("ExtractorError", "InputError", "EncryptedPDFError", "PageRangeError"):
        assert getattr(extractor, name) is getattr(errors, name)


# -- each bad input: class and message -----------------------------------------------------------


def _expect(source, cls, *fragments, **kwargs):
    with pytest.raises(cls) as info:
        extractor.extract(source, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return info.value


def test_missing_file(tmp_path):
    path = tmp_path / "absent.pdf"
    exc = _expect(path, FileNotFoundInputError, str(path), "no such file")
    assert isinstance(exc, FileNotFoundError)
    assert exc.exit_code == ExitCode.NOT_FOUND


def test_directory(tmp_path):
    _expect(tmp_path, NotPDFError, str(tmp_path), "directory")


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\x00" * 2048, "zero bytes"), (b"<html>hello</html>", "not a PDF")],
    ids=["empty", "zeros", "html"],
)
def test_not_a_pdf(tmp_path, content, reason):
    path = tmp_path / "input.pdf"
    path.write_bytes(content)
    _expect(path, NotPDFError, str(path), reason)


def test_bytes_input_is_named(good):
    _expect(b"nope", NotPDFError, "<bytes>")
    doc = extractor.extract(good.read_bytes())
    assert SENTENCE in " ".join(doc.to_text().split())


@pytest.mark.parametrize("keep", [20, 300, 0.5])
def test_truncated(good, tmp_path, keep):
    data = good.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(keep * len(data)) if isinstance(keep, float) else keep])
    try:
        doc = extractor.extract(path)
    except DamagedPDFError as exc:
        assert str(path) in str(exc)
        assert "truncated" in str(exc)
        assert exc.exit_code == ExitCode.DAMAGED
    else:  # MuPDF may rebuild enough of the file; then the text must not be silently garbage
        assert isinstance(doc.to_text(), str)


def test_zero_page_pdf(tmp_path):
    path = tmp_path / "empty-doc.pdf"
    doc = pymupdf.open()
    doc.new_page()
    doc.delete_page(0)
    try:
        doc.save(path)
    except Exception:  # some MuPDF versions refuse to save a document without pages
        path.write_bytes(
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        )
    _expect(path, DamagedPDFError, str(path), "no pages")


def test_broken_xref_is_repaired_and_logged(good, tmp_path, caplog):
    path = tmp_path / "xref.pdf"
    path.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n5", good.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="extractor"):
        doc = extractor.extract(path)
    assert SENTENCE in " ".join(doc.to_text().split())
    assert any("repaired" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


@pytest.fixture
def locked(tmp_path):
    return make_pdf(
        tmp_path / "locked.pdf",
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="user",
        owner_pw="owner",
    )


def test_encrypted_needs_password(locked):
    exc = _expect(locked, EncryptedPDFError, str(locked), "password")
    assert exc.exit_code == ExitCode.ENCRYPTED


def test_encrypted_wrong_password(locked):
    options = extractor.ExtractOptions(password="guess")
    _expect(locked, EncryptedPDFError, str(locked), "wrong password", options=options)


@pytest.mark.parametrize("password", ["user", "owner"])
def test_encrypted_right_password(locked, password):
    doc = extractor.extract(locked, options=extractor.ExtractOptions(password=password))
    assert SENTENCE in " ".join(doc.to_text().split())


def test_owner_password_only(tmp_path):
    path = make_pdf(
        tmp_path / "owner.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="", owner_pw="o"
    )
    assert SENTENCE in " ".join(extractor.extract(path).to_text().split())


def test_page_out_of_range(good):
    exc = _expect(good, PageRangeError, str(good), "page 3", "2 pages", pages=[2])
    assert isinstance(exc, ValueError)
    _expect(good, PageRangeError, str(good), pages=[-1])


def test_bad_options():
    with pytest.raises(OptionsError, match="backend"):
        extractor.ExtractOptions(backend="ghostscript")
    with pytest.raises(OptionsError, match="timeout"):
        extractor.ExtractOptions(timeout=0)


def test_no_backend_exception_escapes(good, tmp_path):
    """Flip bytes all over a good file: only our own errors, never MuPDF's, come out."""
    data = bytearray(good.read_bytes())
    for step in range(9, len(data), max(1, len(data) // 40)):
        mutant = bytearray(data)
        mutant[step] ^= 0xFF
        try:
            extractor.extract(bytes(mutant))
        except ExtractorError:
            pass


# -- the time limit --------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_deadline_check():
    clock = FakeClock()
    deadline = Deadline("slow.pdf", 2, clock=clock)
    deadline.check()
    assert deadline.remaining() == 2
    clock.now += 1.5
    deadline.check()
    assert not deadline.expired()
    clock.now += 0.5
    assert deadline.expired()
    with pytest.raises(ExtractionTimeout, match=r"^slow\.pdf: took longer than 2s") as info:
        deadline.check()
    assert info.value.exit_code == ExitCode.TIMEOUT
    assert isinstance(info.value, TimeoutError)


def test_deadline_without_limit_never_fires():
    deadline = Deadline("x.pdf", None)
    deadline.check()
    assert deadline.remaining() is None
    assert not deadline.expired()


def test_deadline_rejects_nonpositive():
    with pytest.raises(ValueError):
        Deadline("x.pdf", 0)


def test_check_deadline_reads_the_current_limit():
    check_deadline()  # no extraction running: a no-op
    assert current_deadline() is None
    with time_limit("a.pdf", 60, use_signal=False) as deadline:
        assert current_deadline() is deadline
        check_deadline()
        deadline.expires_at = 0.0  # as if the time were up
        with pytest.raises(ExtractionTimeout, match="a.pdf"):
            check_deadline()
    assert current_deadline() is None


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="POSIX only")
def test_signal_guard_interrupts_a_busy_loop():
    if signal.getitimer(signal.ITIMER_REAL)[0]:
        pytest.skip("another real-time timer is armed")
    start = time.monotonic()
    with pytest.raises(ExtractionTimeout, match="busy.pdf: took longer than 0.2s"):
        with time_limit("busy.pdf", 0.2):
            while True:
                pass
    assert time.monotonic() - start < 5
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="POSIX only")
def test_signal_guard_is_disarmed_after_the_body():
    with time_limit("quick.pdf", 0.2):
        pass
    time.sleep(0.3)  # an alarm left armed would raise here
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_with_time_limit_decorator():
    calls = []

    @with_time_limit
    def fake_extract(source, *, pages=None, options=None):
        calls.append(current_deadline())
        return "done"

    assert fake_extract("a.pdf") == "done"
    assert calls[-1] is None
    assert fake_extract("a.pdf", options=extractor.ExtractOptions(timeout=5)) == "done"
    assert calls[-1] is not None and calls[-1].name == "a.pdf" and calls[-1].seconds == 5
    assert current_deadline() is None


def test_loader_checks_the_deadline_between_pages(good):
    from extractor.load import open_document

    loaded = open_document(good, extractor.ExtractOptions())
    try:
        with time_limit(str(good), 60, use_signal=False) as deadline:
            deadline.expires_at = 0.0
            with pytest.raises(ExtractionTimeout, match="good.pdf"):
                list(loaded.iter_pages([0, 1]))
    finally:
        loaded.close()


def test_extract_with_a_generous_timeout_works(good):
    doc = extractor.extract(good, options=extractor.ExtractOptions(timeout=60))
    assert SENTENCE in " ".join(doc.to_text().split())


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="POSIX only")
def test_hard_backstop_ends_a_call_stuck_in_c():
    """A C loop that never returns to Python defeats SIGALRM; the watchdog still ends it."""
    import subprocess
    import sys

    code = (
        "from extractor.limits import hard_exit_after, time_limit\n"
        "with hard_exit_after(1.0):\n"
        "    with time_limit('stuck.pdf', 0.2):\n"
        "        sum(range(10**12))\n"
        "print('not reached')\n"
    )
    root = Path(__file__).parent.parent
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert "not reached" not in proc.stdout
    assert time.monotonic() - start < 30

"""CLI tests, in process with click's CliRunner; every PDF is made in a fixture."""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path

import click
import pymupdf
import pytest
from click.testing import CliRunner

import extractor
from extractor import cli as cli_module
from extractor.cli import cli
from extractor.errors import ExitCode, ExtractionTimeout
from extractor.model import Document

HERE = Path(__file__).parent
SENTENCES = (
    "The quick brown fox jumps over the lazy dog near the river bank.",
    "Every morning the baker opens his shop before the sun rises over the hills.",
    "Reading order matters when text flows across several columns of a page.",
)
PAGE_SENTENCES = (
    "Page one speaks of apples and orchards in the early autumn light.",
    "Page two speaks of boats and harbours on a windy afternoon.",
    "Page three speaks of trains and stations late at night.",
)


def make_pdf(path: Path, pages: list[list[str]], **save: object) -> Path:
    """A simple one-column PDF: each paragraph in its own box, 11 pt Helvetica."""
    doc = pymupdf.open()
    for paragraphs in pages:
        page = doc.new_page(width=595, height=842)
        top = 150
        for text in paragraphs:
            page.insert_textbox(pymupdf.Rect(72, top, 523, top + 60), text, fontsize=11)
            top += 70
    doc.save(path, **save)
    doc.close()
    return path


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def one_page(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "one page.pdf", [list(SENTENCES)])


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "three.pdf", [[s] for s in PAGE_SENTENCES])


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    return make_pdf(
        tmp_path / "locked.pdf",
        [list(SENTENCES)],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="u",
        owner_pw="o",
    )


def run(runner: CliRunner, *args: str, **kwargs: object):
    return runner.invoke(cli, ["extract", *map(str, args)], **kwargs)


def one_line_error(result, name: str) -> str:
    """Assert stderr is exactly one line naming ``name`` and without a traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("extractor: ")
    assert name in lines[0]
    assert "Traceback" not in result.stderr
    return lines[0]


# -- help and version ------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(cli.commands))
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help(runner, command, flag):
    result = runner.invoke(cli, [command, flag])
    assert result.exit_code == 0
    assert re.search(rf"Usage: \w+ {command} ", result.output)
    assert cli.commands[command].help


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help_lists_commands(runner, flag):
    result = runner.invoke(cli, [flag])
    assert result.exit_code == 0
    for command in cli.commands:
        assert command in result.output


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert extractor.__version__ in result.output


def test_version_says_which_build_and_which_page_reader(runner, monkeypatch):
    from extractor.backends import mupdf

    output = runner.invoke(cli, ["-V"]).output
    assert output.startswith(f"extractor {extractor.__version__} (plain Python, ")
    assert "PyMuPDF's word list and span dictionary" in output  # the checkout has no reader
    monkeypatch.setattr(mupdf, "_READER", object())
    assert "its MuPDF text-page reader" in runner.invoke(cli, ["--version"]).output


def test_extract_help_documents_every_exit_code(runner):
    text = runner.invoke(cli, ["extract", "-h"]).output
    for code in ExitCode:
        if code not in (ExitCode.OK, ExitCode.BAD_TEXT):
            assert re.search(rf"\b{int(code)} ", text), code


# -- extraction --------------------------------------------------------------------------------


def test_extract_to_stdout(runner, one_page):
    result = run(runner, one_page)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    paragraphs = result.stdout.rstrip("\n").split("\n\n")
    assert [words(p) for p in paragraphs] == list(SENTENCES)


def test_extract_to_output_file(runner, one_page, tmp_path):
    out = tmp_path / "out.txt"
    result = run(runner, one_page, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert words(out.read_text(encoding="utf-8")) == words(" ".join(SENTENCES))


def test_extract_output_dash_is_stdout(runner, one_page):
    result = run(runner, one_page, "--output", "-")
    assert SENTENCES[0] in words(result.stdout)


def test_extract_from_stdin(runner, one_page):
    result = run(runner, "-", input=one_page.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert SENTENCES[1] in words(result.stdout)


def test_stdin_error_says_stdin(runner):
    result = run(runner, "-", input=b"hello, not a pdf")
    assert result.exit_code == ExitCode.NOT_PDF
    assert one_line_error(result, "<stdin>")


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("2", [1]), ("1,3", [0, 2]), ("2-3", [1, 2]), ("2-", [1, 2]), ("3,1-1", [0, 2])],
)
def test_pages_option(runner, three_pages, spec, expected):
    result = run(runner, three_pages, "--pages", spec)
    assert result.exit_code == 0, result.stderr
    text = words(result.stdout)
    for i, sentence in enumerate(PAGE_SENTENCES):
        assert (sentence in text) == (i in expected), (spec, text)


@pytest.mark.parametrize("spec", ["0", "x", "3-1", "1,,2", "-2"])
def test_bad_page_spec_is_a_usage_error(runner, three_pages, spec):
    result = run(runner, three_pages, "-p", spec)
    assert result.exit_code == ExitCode.USAGE
    assert "--pages" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("spec", ["4", "2-9", "4-"])
def test_page_out_of_range(runner, three_pages, spec):
    result = run(runner, three_pages, "-p", spec)
    assert result.exit_code == ExitCode.PAGE_RANGE
    line = one_line_error(result, str(three_pages))
    assert "3 pages" in line


def test_keep_furniture_and_backend_options_are_accepted(runner, one_page):
    result = run(runner, one_page, "--keep-furniture", "--backend", "pymupdf", "-q")
    assert result.exit_code == 0, result.stderr
    assert SENTENCES[2] in words(result.stdout)


def test_unknown_format_is_rejected(runner, one_page):
    result = run(runner, one_page, "-f", "html")
    assert result.exit_code == ExitCode.USAGE


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_missing_writer_is_one_clear_line(runner, one_page, monkeypatch, fmt):
    method = {"markdown": "to_markdown", "json": "to_json"}[fmt]
    monkeypatch.delattr(Document, method, raising=False)
    result = run(runner, one_page, "--format", fmt)
    assert result.exit_code == ExitCode.USAGE
    line = one_line_error(result, f"--format {fmt}")
    assert "not available" in line


def test_json_format_when_available(runner, one_page):
    if not callable(getattr(Document, "to_json", None)):
        pytest.skip("Document.to_json is not written yet")
    result = run(runner, one_page, "-f", "json")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)


# -- bad input: one line on stderr naming the file, a specific exit code -------------------------


def test_missing_file(runner, tmp_path):
    missing = tmp_path / "no-such.pdf"
    result = run(runner, missing)
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "no such file" in one_line_error(result, str(missing))
    assert result.stdout == ""


def test_directory(runner, tmp_path):
    result = run(runner, tmp_path)
    assert result.exit_code == ExitCode.NOT_PDF
    assert "directory" in one_line_error(result, str(tmp_path))


@pytest.mark.parametrize(
    ("content", "code", "reason"),
    [
        (b"", ExitCode.NOT_PDF, "empty"),
        (b"\x00" * 4096, ExitCode.NOT_PDF, "zero bytes"),
        (b"Just some notes, not a PDF at all.\n", ExitCode.NOT_PDF, "not a PDF"),
    ],
    ids=["empty", "zeros", "text"],
)
def test_not_a_pdf(runner, tmp_path, content, code, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    result = run(runner, path)
    assert result.exit_code == code
    assert reason in one_line_error(result, str(path))


def test_truncated_pdf(runner, one_page, tmp_path):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(one_page.read_bytes()[:300])
    result = run(runner, path)
    assert result.exit_code == ExitCode.DAMAGED
    assert "truncated" in one_line_error(result, str(path))


def test_zero_page_pdf(runner, tmp_path):
    path = tmp_path / "nopages.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    result = run(runner, path)
    assert result.exit_code == ExitCode.DAMAGED
    assert "no pages" in one_line_error(result, str(path))


def test_broken_xref_is_repaired_with_a_warning(runner, one_page, tmp_path):
    path = tmp_path / "badxref.pdf"
    path.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n999999", one_page.read_bytes()))
    result = run(runner, path)
    assert result.exit_code == 0
    assert "repaired" in one_line_error(result, str(path))
    assert SENTENCES[0] in words(result.stdout)
    quiet = run(runner, path, "-q")
    assert quiet.exit_code == 0
    assert quiet.stderr == ""


def test_encrypted_without_password(runner, encrypted):
    result = run(runner, encrypted)
    assert result.exit_code == ExitCode.ENCRYPTED
    assert "password" in one_line_error(result, str(encrypted))
    assert result.stdout == ""


def test_encrypted_wrong_password(runner, encrypted):
    result = run(runner, encrypted, "--password", "nope")
    assert result.exit_code == ExitCode.ENCRYPTED
    assert "wrong password" in one_line_error(result, str(encrypted))


@pytest.mark.parametrize("password", ["u", "o"])
def test_encrypted_right_password(runner, encrypted, password):
    result = run(runner, encrypted, "--password", password)
    assert result.exit_code == 0, result.stderr
    assert SENTENCES[0] in words(result.stdout)


def test_password_from_environment(runner, encrypted):
    result = run(runner, encrypted, env={"EXTRACTOR_PASSWORD": "u"})
    assert result.exit_code == 0, result.stderr
    assert SENTENCES[0] in words(result.stdout)


def test_owner_password_only_opens_normally(runner, tmp_path):
    path = make_pdf(
        tmp_path / "owner.pdf",
        [list(SENTENCES)],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="",
        owner_pw="o",
    )
    result = run(runner, path)
    assert result.exit_code == 0, result.stderr
    assert SENTENCES[2] in words(result.stdout)


# -- batches ---------------------------------------------------------------------------------


def test_batch_goes_on_after_a_bad_file(runner, one_page, three_pages, tmp_path):
    missing = tmp_path / "missing.pdf"
    result = run(runner, one_page, missing, three_pages)
    assert result.exit_code == ExitCode.NOT_FOUND
    assert one_line_error(result, str(missing))
    documents = result.stdout.split(cli_module.DOC_SEPARATOR)
    assert len(documents) == 2
    assert SENTENCES[0] in words(documents[0])
    assert PAGE_SENTENCES[2] in words(documents[1])


def test_batch_with_different_errors_exits_1(runner, one_page, tmp_path):
    missing = tmp_path / "missing.pdf"
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = run(runner, missing, one_page, empty)
    assert result.exit_code == ExitCode.FAILURE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert str(missing) in lines[0] and str(empty) in lines[1]
    assert SENTENCES[0] in words(result.stdout)


def test_batch_of_good_files_to_output_file(runner, one_page, three_pages, tmp_path):
    out = tmp_path / "all.txt"
    result = run(runner, one_page, three_pages, "-o", out)
    assert result.exit_code == 0, result.stderr
    first, second = out.read_text(encoding="utf-8").split(cli_module.DOC_SEPARATOR)
    assert words(first) == words(" ".join(SENTENCES))
    assert words(second) == words(" ".join(PAGE_SENTENCES))


def test_output_file_not_created_when_everything_fails(runner, tmp_path):
    out = tmp_path / "out.txt"
    result = run(runner, tmp_path / "missing.pdf", "-o", out)
    assert result.exit_code == ExitCode.NOT_FOUND
    assert not out.exists()


def test_stdin_only_once(runner, one_page):
    result = run(runner, "-", "-", input=one_page.read_bytes())
    assert result.exit_code == ExitCode.USAGE
    assert "once" in result.stderr


# -- crashes and time limits -----------------------------------------------------------------


def test_unexpected_exception_is_one_line(runner, one_page, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("something broke\nsecond line")

    monkeypatch.setattr(extractor, "extract", boom)
    result = run(runner, one_page)
    assert result.exit_code == ExitCode.FAILURE
    line = one_line_error(result, str(one_page))
    assert "RuntimeError: something broke" in line


def test_unexpected_exception_traceback_with_verbose(runner, one_page, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("something broke")

    monkeypatch.setattr(extractor, "extract", boom)
    result = run(runner, one_page, "-v")
    assert result.exit_code == ExitCode.FAILURE
    assert "Traceback" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("extractor: ")


def test_timeout_exit_code(runner, one_page, monkeypatch):
    seen = {}

    def slow(source, *, pages=None, options=None):
        seen["timeout"] = options.timeout
        raise ExtractionTimeout(f"{source}: took longer than {options.timeout:g}s")

    monkeypatch.setattr(extractor, "extract", slow)
    result = run(runner, one_page, "--timeout", "2.5")
    assert result.exit_code == ExitCode.TIMEOUT
    assert "took longer than 2.5s" in one_line_error(result, str(one_page))
    assert seen["timeout"] == 2.5


@pytest.mark.parametrize("value", ["0", "-1", "soon"])
def test_bad_timeout_is_a_usage_error(runner, one_page, value):
    assert run(runner, one_page, "--timeout", value).exit_code == ExitCode.USAGE


def test_real_timeout_passes_through_the_library(runner, one_page):
    result = run(runner, one_page, "--timeout", "30")
    assert result.exit_code == 0, result.stderr
    assert SENTENCES[0] in words(result.stdout)


def test_progress_bar_only_on_a_terminal(runner, one_page, three_pages):
    result = run(runner, one_page, three_pages)
    assert result.exit_code == 0
    assert "extracting" not in result.stderr


# -- repair ----------------------------------------------------------------------------------


@pytest.fixture
def fake_glued(monkeypatch):
    module = types.ModuleType("extractor.glued")
    module.repair_text = lambda text: text.replace("w w w", "www").upper()  # type: ignore
    monkeypatch.setitem(sys.modules, "extractor.glued", module)
    return module


def test_repair_file_to_stdout(runner, tmp_path, fake_glued):
    path = tmp_path / "in.txt"
    path.write_text("w w w x\n", encoding="utf-8")
    result = runner.invoke(cli, ["repair", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "WWW X\n"


def test_repair_stdin_to_output_file(runner, tmp_path, fake_glued):
    out = tmp_path / "out.txt"
    result = runner.invoke(cli, ["repair", "-", "-o", str(out)], input="caf\u00e9\n".encode())
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == "CAF\u00c9\n"


def test_library_repair_text_is_lazy(fake_glued):
    assert extractor.repair_text("w w w") == "WWW"
    assert "repair_text" in extractor.__all__


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"%PDF-1.7\n...", "is a PDF"),
    ],
    ids=["binary", "latin1", "pdf"],
)
def test_repair_rejects_non_text(runner, tmp_path, fake_glued, content, reason):
    path = tmp_path / "in.bin"
    path.write_bytes(content)
    result = runner.invoke(cli, ["repair", str(path)])
    assert result.exit_code == ExitCode.BAD_TEXT
    assert reason in one_line_error(result, str(path))


def test_repair_missing_file(runner, tmp_path, fake_glued):
    missing = tmp_path / "gone.txt"
    result = runner.invoke(cli, ["repair", str(missing)])
    assert result.exit_code == ExitCode.NOT_FOUND
    one_line_error(result, str(missing))


def test_repair_without_glued_module(runner, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "extractor.glued", None)  # import raises ImportError
    path = tmp_path / "in.txt"
    path.write_text("text\n", encoding="utf-8")
    result = runner.invoke(cli, ["repair", str(path)])
    assert result.exit_code == ExitCode.FAILURE
    assert "not available" in one_line_error(result, "repair")


# -- entry points ----------------------------------------------------------------------------


def test_main_is_the_console_script():
    assert isinstance(cli, click.Group)
    with pytest.raises(SystemExit) as info:
        cli_module.main(["--version"])
    assert info.value.code == 0


def test_python_dash_m_module_exists():
    assert (HERE.parent / "extractor" / "__main__.py").is_file()

"""Golden outputs: every samples/*.pdf as text, Markdown and JSON against the files beside it.

``python -m pytest tests/test_golden.py --update-golden`` rewrites samples/<name>.txt, .md and
.json from the current code; read the diff like code before committing it. Besides the golden
comparison: the JSON validates against the shipped schema, its body elements are the text
output's paragraphs, the Markdown holds the text output's words, and the synthetic samples
score against their hand-made expected text.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from rapidfuzz.distance import Levenshtein

import extractor
from extractor.model import BBox, Block, Document, Line, Page, Paragraph, Role, Word
from extractor.writers import BULLET, elements_of, schema, styled_tokens, to_markdown

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PDFS = sorted(p.stem for p in SAMPLES.glob("*.pdf"))
EXPECTED = sorted(p.name[: -len(".expected.txt")] for p in SAMPLES.glob("*.expected.txt"))
FORMATS = {"txt": "to_text", "md": "to_markdown", "json": "to_json"}
MIN_WORD_ACCURACY = 0.99
SEED = "seed_page23"


@cache
def document(name: str, keep_furniture: bool = False) -> Document:
    """The sample extracted once per session; ``source`` is the file name (stable goldens)."""
    pdf = SAMPLES / f"{name}.pdf"
    doc = extractor.extract(pdf, options=extractor.ExtractOptions(keep_furniture=keep_furniture))
    return replace(doc, source=pdf.name)


@cache
def rendered(name: str, ext: str) -> str:
    return str(getattr(document(name), FORMATS[ext])())


# -- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize("ext", list(FORMATS))
@pytest.mark.parametrize("name", PDFS)
def test_golden(name: str, ext: str, update_golden: bool) -> None:
    golden = SAMPLES / f"{name}.{ext}"
    got = rendered(name, ext)
    if update_golden:
        golden.write_text(got, encoding="utf-8")
        return
    assert golden.exists(), f"no {golden.name}: run python -m pytest {__file__} --update-golden"
    assert got == golden.read_text(encoding="utf-8"), (
        f"{name}.{ext} differs from its golden file; if the change is right, rewrite it with "
        "python -m pytest tests/test_golden.py --update-golden and review the diff"
    )


def check_elements(data: dict) -> None:
    """Every element has a role and a four-number box (the schema says so too)."""
    for page in data["pages"]:
        for e in page["elements"]:
            assert e.get("role"), f"page {page['number']}: element without a role: {e}"
            box = e.get("bbox")
            assert isinstance(box, list) and len(box) == 4, f"element without a box: {e}"
            assert box[0] <= box[2] and box[1] <= box[3], f"inverted box: {e}"


@pytest.mark.parametrize("name", PDFS)
def test_golden_json_follows_the_schema(name: str, update_golden: bool) -> None:
    golden = SAMPLES / f"{name}.json"
    if update_golden or not golden.exists():
        pytest.skip("golden JSON being rewritten or missing (see test_golden)")
    data = json.loads(golden.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
    check_elements(data)


@pytest.mark.parametrize("missing", ["role", "bbox"])
def test_an_element_without_role_or_box_fails(missing: str) -> None:
    data = json.loads(rendered(SEED, "json"))
    broken = copy.deepcopy(data)
    del broken["pages"][0]["elements"][0][missing]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema(), cls=jsonschema.Draft202012Validator)
    with pytest.raises(AssertionError):
        check_elements(broken)


def test_schema_is_draft_2020_12_and_versioned() -> None:
    s = schema()
    jsonschema.Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["properties"]["schema_version"]["const"] == "1.1"


def test_schema_knows_every_role() -> None:
    element = schema()["$defs"]["element"]
    assert set(element["properties"]["role"]["enum"]) == {r.value for r in Role}
    flow = set(element["if"]["properties"]["role"]["enum"])
    assert flow == {r.value for r in Role if r.is_flow}


# -- one code path: JSON body == text, Markdown words == text words ---------------------------


def json_body(data: dict) -> list[str]:
    return [e["text"] for p in data["pages"] for e in p["elements"] if e["paragraph"] is not None]


@pytest.mark.parametrize("name", PDFS)
def test_json_body_is_the_text_output(name: str) -> None:
    text = rendered(name, "txt")
    data = json.loads(rendered(name, "json"))
    assert "\n\n".join(json_body(data)) + "\n" == text
    ids = [
        e["paragraph"] for p in data["pages"] for e in p["elements"] if e["paragraph"] is not None
    ]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def markdown_words(md: str) -> list[str]:
    """The words of Markdown as we write it: block prefixes, ``**`` and ``_`` dropped,
    backslash escapes resolved (every literal ``*`` and ``_`` is escaped)."""
    words: list[str] = []
    for line in md.splitlines():
        line = re.sub(r"^(?:#{1,6} |> ?|- )", "", line)
        out, k = [], 0
        while k < len(line):
            c = line[k]
            if c == "\\" and k + 1 < len(line):
                out.append(line[k + 1])
                k += 2
                continue
            if c not in "*_":
                out.append(c)
            k += 1
        words += "".join(out).split()
    return words


def text_words_without_bullets(doc: Document) -> list[str]:
    words: list[str] = []
    for p in doc.paragraphs:
        tokens = p.text.split()
        if p.role is Role.LIST_ITEM and BULLET.match(tokens[0]):
            tokens = tokens[1:]
        words += tokens
    return words


@pytest.mark.parametrize("name", PDFS)
def test_markdown_drops_and_invents_no_word(name: str) -> None:
    doc = document(name)
    assert markdown_words(rendered(name, "md")) == text_words_without_bullets(doc)


@pytest.mark.parametrize("name", [SEED, "two_col_equal", "multipage_running"])
def test_output_is_deterministic(name: str) -> None:
    pdf = SAMPLES / f"{name}.pdf"
    a, b = extractor.extract(pdf), extractor.extract(pdf)
    for method in FORMATS.values():
        assert getattr(a, method)().encode() == getattr(b, method)().encode()


# -- the seed replica ------------------------------------------------------------------------


def seed_paragraphs() -> list[str]:
    return (SAMPLES / f"{SEED}.expected.txt").read_text(encoding="utf-8").strip().split("\n\n")


def test_seed_text_is_exact() -> None:
    assert rendered(SEED, "txt") == (SAMPLES / f"{SEED}.expected.txt").read_text(encoding="utf-8")


def test_seed_markdown_is_its_four_paragraphs() -> None:
    md = rendered(SEED, "md")
    assert md.rstrip("\n").split("\n\n") == seed_paragraphs()
    assert len(seed_paragraphs()) == 4


def test_seed_json_roles() -> None:
    data = json.loads(rendered(SEED, "json"))
    assert data["schema_version"] == "1.1" and data["origin"] == "top-left"
    (page,) = data["pages"]
    assert (page["index"], page["number"]) == (0, 1)
    body = [e for e in page["elements"] if e["role"] == "body"]
    assert [e["text"] for e in body] == seed_paragraphs()
    assert [e["paragraph"] for e in body] == [0, 1, 2, 3]
    roles = {e["text"]: e["role"] for e in page["elements"]}
    assert roles["P. 23"] == "page_number"
    assert roles["www.divainternational.ch"] == "footer"
    # Paragraph 3 runs from the foot of the left column to the top of the right one.
    assert [part["bbox"][0] < 300 for part in body[2]["parts"]] == [True, False]


def test_seed_keep_furniture_puts_them_where_they_stand() -> None:
    doc = document(SEED, keep_furniture=True)
    text = doc.to_text().rstrip("\n").split("\n\n")
    assert text == ["P. 23", *seed_paragraphs(), "www.divainternational.ch"]
    md = doc.to_markdown().rstrip("\n").split("\n\n")
    assert md[0] == "P. 23" and md[-1] == "www.divainternational.ch"
    assert doc.to_json() == document(SEED).to_json()  # JSON always lists everything


def test_keep_furniture_leaves_out_artifacts() -> None:
    doc = document("corpus_amt_handbook", keep_furniture=True)
    artifacts = [e.text for e in elements_of(doc) if e.role is Role.ARTIFACT]
    assert artifacts, "the sample has a stray full stop the layout calls an artifact"
    shown = doc.to_text().split("\n\n") + doc.to_markdown().split("\n\n")
    assert not set(artifacts) & {p.strip() for p in shown}


# -- synthetic samples against their expected text -------------------------------------------


def word_accuracy(expected: str, got: str) -> float:
    want, have = expected.split(), got.split()
    return 1 - Levenshtein.distance(want, have) / max(len(want), len(have), 1)


@pytest.mark.parametrize("name", EXPECTED)
def test_expected_text_word_accuracy(name: str) -> None:
    expected = (SAMPLES / f"{name}.expected.txt").read_text(encoding="utf-8")
    assert word_accuracy(expected, rendered(name, "txt")) >= MIN_WORD_ACCURACY


# -- writers on hand-built documents ---------------------------------------------------------


def words_line(specs: list[tuple[str, bool, bool]], top: float = 100.0, size: float = 10.0) -> Line:
    words, x = [], 72.0
    for text, bold, italic in specs:
        width = 5.0 * len(text)
        box = BBox(x, top, x + width, top + size)
        words.append(Word(text, box, "Times-Roman", size, bold, italic, baseline=top + 8))
        x += width + 3.0
    return Line.of(words)


def one_paragraph_doc(text: str, lines: tuple[Line, ...], role: Role = Role.BODY) -> Document:
    block = replace(Block.of(lines, role), order=0, column=0)
    page = Page(0, 612, 792, (block,))
    para = Paragraph(text, role, 0, lines)
    return Document("hand.pdf", (replace(page, paragraphs=(para,)),), (para,))


def test_styles_follow_words_across_a_dehyphenated_join() -> None:
    first = words_line([("A", False, False), ("bold", True, False), ("exam-", True, False)])
    second = words_line(
        [("ple", True, False), ("and", False, False), ("slanted", False, True)], 112
    )
    tokens = styled_tokens("A bold example and slanted", first.words + second.words)
    assert tokens == [
        ("A", False, False),
        ("bold", True, False),
        ("example", True, False),
        ("and", False, False),
        ("slanted", False, True),
    ]
    doc = one_paragraph_doc("A bold example and slanted", (first, second))
    assert to_markdown(doc) == "A **bold example** and _slanted_\n"


def test_half_styled_join_is_not_marked_and_mismatch_styles_nothing() -> None:
    first = words_line([("a", False, False), ("exam-", True, False)])
    second = words_line([("ple", False, False)], 112)
    assert styled_tokens("a example", first.words + second.words)[1] == ("example", False, False)
    assert styled_tokens("something else", first.words) == [
        ("something", False, False),
        ("else", False, False),
    ]


def test_markdown_escapes_what_would_be_markup() -> None:
    text = "1990. saw *stars* and snake_case [links] <tags> # here"
    line = words_line([(w, False, False) for w in text.split()])
    md = to_markdown(one_paragraph_doc(text, (line,)))
    assert md.startswith("1990\\. saw \\*stars\\*")
    assert markdown_words(md) == text.split()


def test_markdown_lists_and_headings() -> None:
    bullet = words_line([("•", False, False), ("Flour", False, False), ("costs", False, False)])
    numbered = words_line([("2.", False, False), ("Repair", False, False)])
    doc = one_paragraph_doc("• Flour costs", (bullet,), Role.LIST_ITEM)
    assert to_markdown(doc) == "- Flour costs\n"
    assert to_markdown(one_paragraph_doc("2. Repair", (numbered,), Role.LIST_ITEM)) == "2. Repair\n"
    title = words_line([("Title", True, False)])
    assert to_markdown(one_paragraph_doc("Title", (title,), Role.TITLE)) == "# Title\n"


def test_elements_keep_paragraph_order() -> None:
    doc = document("multipage_running")
    ids = [e.paragraph for e in elements_of(doc) if e.paragraph is not None]
    assert ids == list(range(len(doc.paragraphs)))
    assert [len(p.paragraphs) for p in doc.pages] == [
        sum(para.page == page.number for para in doc.paragraphs) for page in doc.pages
    ]

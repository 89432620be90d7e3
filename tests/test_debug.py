"""extractor.debug: the drawing plan (pure) and the pictures drawn from it, checked by pixel."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

import extractor
from extractor.cli import cli
from extractor.debug import (
    DEFAULT_DPI,
    FILL_OPACITY,
    ROLE_COLOURS,
    plan_page,
    render_debug,
    write_debug,
)
from extractor.errors import ExitCode, OptionsError, PageRangeError
from extractor.model import BBox, Block, Line, Page, Role, Word

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "seed_page23.pdf"
MULTIPAGE = SAMPLES / "multipage_running.pdf"  # three pages
FIGURE = SAMPLES / "spanning_figure.pdf"  # has a caption


def pixmap(png: bytes) -> pymupdf.Pixmap:
    return pymupdf.Pixmap(png)


def rgb(pix: pymupdf.Pixmap, x: float, y: float) -> tuple[int, int, int]:
    return tuple(pix.pixel(int(x), int(y))[:3])


def tint(colour: tuple[float, float, float]) -> tuple[int, int, int]:
    """A role's translucent fill over white paper."""
    return tuple(round(255 * (1 - FILL_OPACITY) + 255 * FILL_OPACITY * c) for c in colour)


def opaque(colour: tuple[float, float, float]) -> tuple[int, int, int]:
    return tuple(round(255 * c) for c in colour)


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 4) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def commonest(pix: pymupdf.Pixmap, box: BBox, scale: float, inset: int = 4) -> tuple[int, ...]:
    """The most frequent colour inside ``box`` (points): the paper, as the fill tints it."""
    x0, x1 = int(box.x0 * scale) + inset, int(box.x1 * scale) - inset
    y0, y1 = int(box.top * scale) + inset, int(box.bottom * scale) - inset
    counts = Counter(rgb(pix, x, y) for x in range(x0, x1, 2) for y in range(y0, y1, 2))
    return counts.most_common(1)[0][0]


@pytest.fixture(scope="module")
def seed_page() -> Page:
    return extractor.extract(SEED).pages[0]


@pytest.fixture(scope="module")
def seed_png() -> pymupdf.Pixmap:
    return pixmap(render_debug(SEED))


def block_with(page: Page, start: str) -> Block:
    return next(b for b in page.blocks if b.text.startswith(start))


# --- the picture ---------------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [36, 72, DEFAULT_DPI, 150])
def test_picture_size_follows_dpi(seed_page: Page, dpi: int) -> None:
    pix = pixmap(render_debug(SEED, dpi=dpi))
    assert pix.width == round(seed_page.width * dpi / 72)
    assert pix.height == round(seed_page.height * dpi / 72)


def test_default_dpi_is_readable_on_a_laptop(seed_png: pymupdf.Pixmap) -> None:
    assert 800 <= seed_png.width <= 1100


def test_left_column_body_carries_the_body_colour(
    seed_page: Page, seed_png: pymupdf.Pixmap
) -> None:
    left = block_with(seed_page, "During Kazakhstan")
    assert (left.role, left.column) == (Role.BODY, 0)
    box = plan_page(seed_page).boxes[seed_page.blocks.index(left)]
    scale = seed_png.width / seed_page.width
    # The paper inside the block is tinted with the body colour...
    assert close(commonest(seed_png, box.rect, scale), tint(ROLE_COLOURS[Role.BODY]))
    # ...and its outline is the body colour itself, all down its right edge (the left edge
    # carries the reading-order badge at the top).
    x = box.rect.x1 * scale
    for y in range(int(box.rect.top * scale) + 20, int(box.rect.bottom * scale) - 5, 40):
        near = [rgb(seed_png, x + dx, y) for dx in (-1, 0, 1)]
        assert any(close(p, opaque(ROLE_COLOURS[Role.BODY]), 30) for p in near), (y, near)


def test_page_number_carries_its_own_colour(seed_page: Page, seed_png: pymupdf.Pixmap) -> None:
    number = block_with(seed_page, "P. 23")
    assert number.role is Role.PAGE_NUMBER
    index = seed_page.blocks.index(number)
    plan = plan_page(seed_page)
    scale = seed_png.width / seed_page.width
    inside = commonest(seed_png, plan.boxes[index].rect, scale, inset=2)
    assert close(inside, tint(ROLE_COLOURS[Role.PAGE_NUMBER]))
    assert not close(inside, tint(ROLE_COLOURS[Role.BODY]), 10)
    badge = plan.numbers[index].badge
    corner = rgb(seed_png, badge.x0 * scale + 2, badge.top * scale + 2)
    assert close(corner, opaque(ROLE_COLOURS[Role.PAGE_NUMBER]), 8)


def test_caption_carries_its_own_colour() -> None:
    page = extractor.extract(FIGURE).pages[0]
    index = next(i for i, b in enumerate(page.blocks) if b.role is Role.CAPTION)
    pix = pixmap(render_debug(FIGURE))
    rect = plan_page(page).boxes[index].rect
    inside = commonest(pix, rect, pix.width / page.width, inset=2)
    assert close(inside, tint(ROLE_COLOURS[Role.CAPTION]))


def test_rotated_cropped_page_is_drawn_in_model_coordinates() -> None:
    """/Rotate 90 and a crop box offset: a pixel is still a model point times dpi / 72."""
    doc = pymupdf.open()
    pdf_page = doc.new_page(width=400, height=600)
    pdf_page.insert_text((50, 100), "Rotated pages keep their boxes on the words", fontsize=12)
    pdf_page.set_cropbox(pymupdf.Rect(10, 20, 390, 580))
    pdf_page.set_rotation(90)
    data = doc.tobytes()
    page = extractor.extract(data).pages[0]
    pix = pixmap(render_debug(data, dpi=144))
    assert (pix.width, pix.height) == (round(page.width * 2), round(page.height * 2))
    rect = plan_page(page).boxes[0].rect
    near = [rgb(pix, rect.cx * 2, rect.top * 2 + dy) for dy in (-1, 0, 1)]  # the top edge
    assert any(close(p, opaque(ROLE_COLOURS[Role.BODY]), 30) for p in near), near
    assert close(commonest(pix, rect, 2.0, inset=3), tint(ROLE_COLOURS[Role.BODY]))


def test_every_role_has_a_distinct_colour() -> None:
    assert set(ROLE_COLOURS) == set(Role)
    colours = [opaque(c) for c in ROLE_COLOURS.values()]
    for i, a in enumerate(colours):
        for b in colours[i + 1 :]:
            assert sum(abs(x - y) for x, y in zip(a, b, strict=True)) > 60, (a, b)


# --- reading order in the plan -------------------------------------------------------------


def test_numbers_follow_the_reading_order(seed_page: Page, seed_png: pymupdf.Pixmap) -> None:
    plan = plan_page(seed_page)
    assert [n.text for n in plan.numbers] == [str(k) for k in range(1, len(seed_page.blocks) + 1)]
    for number, block in zip(plan.numbers, seed_page.blocks, strict=True):
        # Each badge sits at its block's top-left corner, in its block's role colour.
        assert abs(number.badge.x1 - block.bbox.x0) < 4 or block.bbox.contains_point(
            number.badge.x0, number.badge.top
        )
        assert abs(number.badge.top - block.bbox.top) < 4
        assert number.colour == ROLE_COLOURS[block.role]
    # The seed page reads the left column, then the right column under the picture.
    left = seed_page.blocks.index(block_with(seed_page, "During Kazakhstan"))
    right = seed_page.blocks.index(block_with(seed_page, "of the impact"))
    assert left < right
    first, second = plan.numbers[left], plan.numbers[right]
    assert int(first.text) < int(second.text)
    assert first.badge.x1 < second.badge.x0 and first.badge.top < second.badge.top
    # The badge drawn in the picture has its block's colour.
    scale = seed_png.width / seed_page.width
    corner = rgb(seed_png, first.badge.x0 * scale + 2, first.badge.top * scale + 2)
    assert close(corner, opaque(ROLE_COLOURS[Role.BODY]), 8)


def test_arrows_link_consecutive_blocks(seed_page: Page) -> None:
    plan = plan_page(seed_page)
    assert [a.index for a in plan.arrows] == list(range(len(seed_page.blocks) - 1))
    for arrow in plan.arrows:
        a, b = plan.boxes[arrow.index].rect, plan.boxes[arrow.index + 1].rect
        assert _on_or_in(a, arrow.start) and _on_or_in(b, arrow.end)
        assert arrow.head[0] == arrow.end


def _on_or_in(box: BBox, point: tuple[float, float], tol: float = 0.01) -> bool:
    return (
        box.x0 - tol <= point[0] <= box.x1 + tol and box.top - tol <= point[1] <= box.bottom + tol
    )


def test_columns_are_dashed_lines_at_both_edges(seed_page: Page) -> None:
    plan = plan_page(seed_page)
    assert len(seed_page.columns) == 2
    assert [c.x for c in plan.columns] == [x for col in seed_page.columns for x in col]


def test_legend_lists_the_roles_on_the_page(seed_page: Page) -> None:
    legend = plan_page(seed_page).legend
    labels = [e.label for e in legend.entries]
    present = {b.role.value for b in seed_page.blocks}
    assert set(labels[: len(present)]) == present
    assert "reading order" in labels
    assert all(e.swatch.x1 < e.origin[0] for e in legend.entries)


def _block(x0: float, top: float, x1: float, bottom: float, role: Role, order: int) -> Block:
    word = Word("word", BBox(x0, top, x1, bottom), "Times", 10.0)
    line = Line((word,), word.bbox, 10.0)
    return Block((line,), word.bbox, role, column=-1, order=order, size=10.0)


def test_plan_is_pure_geometry_of_the_page() -> None:
    """Built from a Page made in code: no PDF, no renderer."""
    blocks = (
        _block(50, 60, 250, 80, Role.HEADING, 0),
        _block(50, 100, 250, 300, Role.BODY, 1),
        _block(300, 100, 500, 300, Role.BODY, 2),
        _block(300, 100, 500, 110, Role.CAPTION, 3),  # same corner: its badge moves down
    )
    page = Page(0, 600, 800, blocks, columns=((50, 250), (300, 500)))
    plan = plan_page(page)
    assert plan == plan_page(page)
    assert [b.role for b in plan.boxes] == [b.role for b in blocks]
    assert [n.colour for n in plan.numbers] == [ROLE_COLOURS[b.role] for b in blocks]
    assert plan.numbers[2].badge.v_overlap(plan.numbers[3].badge) <= 0
    # Heading to the block under it: straight down, from one box's edge to the other's.
    down = plan.arrows[0]
    assert down.start == pytest.approx((150, plan.boxes[0].rect.bottom))
    assert down.end == pytest.approx((150, plan.boxes[1].rect.top))
    # Left block to right block: across the gutter.
    across = plan.arrows[1]
    assert across.start == pytest.approx((plan.boxes[1].rect.x1, 200))
    assert across.end == pytest.approx((plan.boxes[2].rect.x0, 200))
    # Overlapping boxes: centre to centre.
    inner = plan.arrows[2]
    assert inner.start == pytest.approx((400, 200)) and inner.end == pytest.approx((400, 105))
    # The legend takes a corner that covers no block.
    legend = plan.legend.box
    assert all(legend.h_overlap(b.bbox) <= 0 or legend.v_overlap(b.bbox) <= 0 for b in blocks)


def test_empty_page_has_only_a_legend() -> None:
    plan = plan_page(Page(2, 600, 800, no_text=True))
    assert plan.boxes == plan.arrows == plan.numbers == ()
    assert plan.legend.title == "page 3 (no text)"
    assert plan.ops == (plan.legend,)


# --- both backends, files, errors ----------------------------------------------------------


def test_both_backends_draw_the_same_layout() -> None:
    plumber = extractor.ExtractOptions(backend="pdfplumber")
    page_mu = extractor.extract(SEED).pages[0]
    page_pl = extractor.extract(SEED, options=plumber).pages[0]
    roles = [b.role for b in plan_page(page_mu).boxes]
    assert roles == [b.role for b in plan_page(page_pl).boxes]
    pix = pixmap(render_debug(SEED, options=plumber))
    assert pix.width == round(page_pl.width * DEFAULT_DPI / 72)


def test_pdf_output_has_one_page_per_input_page(tmp_path: Path) -> None:
    out = tmp_path / "overlay.pdf"
    assert write_debug(MULTIPAGE, out) == [out]
    with pymupdf.open(out) as doc, pymupdf.open(MULTIPAGE) as source:
        assert doc.page_count == source.page_count == 3
        for page, src in zip(doc, source, strict=True):
            assert page.rect == src.rect
            fills = {
                tuple(round(c, 3) for c in d["fill"]) for d in page.get_drawings() if d["fill"]
            }
            assert tuple(round(c, 3) for c in ROLE_COLOURS[Role.BODY]) in fills
    write_debug(MULTIPAGE, out, pages=[2, 0])
    with pymupdf.open(out) as doc:
        assert doc.page_count == 2


def test_png_output_of_several_pages_is_one_file_per_page(tmp_path: Path) -> None:
    out = tmp_path / "page.png"
    assert write_debug(MULTIPAGE, out, pages=[0, 2]) == [
        tmp_path / "page-1.png",
        tmp_path / "page-3.png",
    ]
    assert write_debug(MULTIPAGE, out, dpi=40) == [out]  # PNG default: the first page
    with pymupdf.open(MULTIPAGE) as doc:
        assert pymupdf.Pixmap(str(out)).width == round(doc[0].rect.width * 40 / 72)


def test_bad_page_and_bad_options_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(PageRangeError, match=r"page 2 is out of range \(the document has 1 page\)"):
        render_debug(SEED, page=1)
    with pytest.raises(PageRangeError):
        render_debug(SEED, page=-1)
    with pytest.raises(OptionsError, match="dpi"):
        render_debug(SEED, dpi=5)
    with pytest.raises(OptionsError, match=r"\.png or \.pdf"):
        write_debug(SEED, tmp_path / "x.jpg")


# --- CLI -----------------------------------------------------------------------------------


def test_cli_writes_a_png_of_the_requested_page(tmp_path: Path) -> None:
    out = tmp_path / "page3.png"
    result = CliRunner().invoke(
        cli, ["debug", str(MULTIPAGE), "--pages", "3", "-o", str(out), "--dpi", "50"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(out)
    with pymupdf.open(MULTIPAGE) as doc:
        width = doc[2].rect.width
    assert pymupdf.Pixmap(str(out)).width == round(width * 50 / 72)


def test_cli_writes_a_pdf_with_the_pdfplumber_backend(tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    result = CliRunner().invoke(
        cli, ["debug", str(MULTIPAGE), "-p", "2-", "-o", str(out), "--backend", "pdfplumber"]
    )
    assert result.exit_code == 0, result.stderr
    with pymupdf.open(out) as doc:
        assert doc.page_count == 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-p", "5"], ExitCode.PAGE_RANGE, "page 5 is out of range (the document has 1 page)"),
        (["-p", "x"], ExitCode.USAGE, "bad page spec 'x'"),
        (["-p", "0"], ExitCode.USAGE, "pages are numbered from 1"),
        (["--dpi", "2"], ExitCode.USAGE, "--dpi"),
    ],
)
def test_cli_bad_page_or_dpi_is_a_clear_error(
    tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "x.png"
    result = CliRunner().invoke(cli, ["debug", str(SEED), "-o", str(out), *args])
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_cli_bad_output_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["debug", str(SEED), "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == ExitCode.USAGE
    assert (
        result.stderr.strip()
        == f"extractor: {tmp_path / 'x.txt'}: debug output must end in .png or .pdf"
    )
    result = CliRunner().invoke(cli, ["debug", str(SEED), "-o", str(tmp_path / "no" / "x.png")])
    assert result.exit_code == ExitCode.FAILURE
    assert "cannot write" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_turned_page_is_drawn_turned_with_its_plan_on_its_words(rotation, tmp_path):
    """A landscape page stored turned is shown as the analysis read it: the picture is as wide
    as the turned page and each word lies where the model says."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.set_rotation(rotation)
    text = "The harbour at dawn was quiet and the boats lay still on the water."
    page.insert_textbox(pymupdf.Rect(60, 60, 760, 300) * page.derotation_matrix, text, fontsize=11, rotate=rotation)
    data = doc.tobytes()
    model = {
        w.text: w.bbox
        for b in extractor.extract(data).pages[0].blocks
        for ln in b.lines
        for w in ln.words
    }
    out = tmp_path / "turned.pdf"
    write_debug(data, out, pages=[0])
    drawn = pymupdf.open(out)[0]
    assert (drawn.rect.width, drawn.rect.height) == (842, 595)
    words = {w[4]: w[:4] for w in drawn.get_text("words") if w[4] in model}
    assert set(words) >= {"harbour", "boats", "water."}
    for text_, (x0, y0, x1, y1) in words.items():
        box = model[text_]
        assert abs(x0 - box.x0) < 0.5 and abs(y0 - box.top) < 0.5, text_

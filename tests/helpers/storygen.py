"""Pages typeset by MuPDF's own HTML layout (pymupdf.Story) into 1-3 justified columns:
a typesetter the layout heuristics were not built against, with loose narrow columns whose
baselines drift apart from column to column."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import pymupdf
from helpers.geometry import PROSE

CSS = "p {text-align: justify; font-size: 10pt; margin-bottom: 6pt;} h2 {font-size: 13pt;}"
WIDTH, HEIGHT, MARGIN, GUTTER = 595, 842, 50, 18


def _sentences(rng: random.Random) -> Callable[[int], str]:
    """A maker of sentences of ``n`` words drawn from the shared prose."""
    vocabulary = " ".join(PROSE).replace(".", "").replace(",", "").split()

    def sentence(n: int) -> str:
        return " ".join(rng.choice(vocabulary).lower() for _ in range(n)).capitalize() + "."

    return sentence


def story_pdf(seed: int, columns: int, sections: int = 5) -> tuple[bytes, list[str]]:
    """(PDF bytes, expected paragraphs): headings and justified paragraphs of shuffled prose
    flowed through ``columns`` columns per A4 page, with a running head and page numbers."""
    rng = random.Random(seed)
    sentence = _sentences(rng)

    html, paragraphs = "", []
    for n in range(sections):
        head = f"Section {n + 1} {sentence(3)[:-1]}"
        html += f"<h2>{head}</h2>"
        paragraphs.append(head)
        for _ in range(rng.randint(2, 4)):
            text = sentence(rng.randint(30, 90))
            html += f"<p>{text}</p>"
            paragraphs.append(text)
    story = pymupdf.Story(html=html, user_css=CSS)
    col_width = (WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
    sink = io.BytesIO()
    writer = pymupdf.DocumentWriter(sink)
    more = True
    while more:
        device = writer.begin_page(pymupdf.Rect(0, 0, WIDTH, HEIGHT))
        for c in range(columns):
            x0 = MARGIN + c * (col_width + GUTTER)
            more, _ = story.place(pymupdf.Rect(x0, 70, x0 + col_width, HEIGHT - 70))
            story.draw(device)
            if not more:
                break
        writer.end_page()
    writer.close()
    doc = pymupdf.open(stream=sink.getvalue(), filetype="pdf")
    for number, page in enumerate(doc, start=1):
        page.insert_text((WIDTH / 2 - 5, HEIGHT - 35), str(number), fontsize=9)
        page.insert_text((MARGIN, 40), "The Harbour Quarterly", fontsize=8)
    return doc.tobytes(), paragraphs


def article_pdf(seed: int) -> tuple[bytes, list[str]]:
    """(PDF bytes, expected paragraphs) of a one-page article: a centred title and an italic
    abstract across the page, two justified columns broken by a figure across both (a drawn
    box with its caption), and a footnote under a short rule. The flow runs left column, right
    column above the figure, then left and right below it."""
    rng = random.Random(seed)
    sentence = _sentences(rng)

    title, abstract = "On the " + sentence(5)[:-1], sentence(60)
    html, paragraphs = "", [title, abstract]
    for n in range(3):
        head = f"{n + 1} {sentence(2)[:-1]}"
        html += f"<h3>{head}</h3>"
        paragraphs.append(head)
        for _ in range(2):
            text = sentence(rng.randint(25, 50))
            html += f"<p>{text}</p>"
            paragraphs.append(text)
    width, height = 612, 792
    sink = io.BytesIO()
    writer = pymupdf.DocumentWriter(sink)
    device = writer.begin_page(pymupdf.Rect(0, 0, width, height))
    head_story = pymupdf.Story(html=f"<h1>{title}</h1>", user_css="h1 {font-size: 18pt; text-align: center}")
    head_story.place(pymupdf.Rect(60, 50, width - 60, 110))
    head_story.draw(device)
    css = "p {font-size: 9pt; font-style: italic; text-align: justify}"
    abstract_story = pymupdf.Story(html=f"<p>{abstract}</p>", user_css=css)
    _, filled = abstract_story.place(pymupdf.Rect(80, 110, width - 80, 240))
    abstract_story.draw(device)
    top = pymupdf.Rect(filled).y1 + 15
    fig_top = top + rng.randint(150, 250)
    fig_bottom = fig_top + 120
    css = "p {font-size: 10pt; text-align: justify; margin-bottom: 5pt} h3 {font-size: 11pt}"
    body = pymupdf.Story(html=html, user_css=css)
    frames = [
        pymupdf.Rect(60, top, 296, fig_top),
        pymupdf.Rect(316, top, 552, fig_top),
        pymupdf.Rect(60, fig_bottom + 30, 296, height - 80),
        pymupdf.Rect(316, fig_bottom + 30, 552, height - 60),
    ]
    for frame in frames:
        more, _ = body.place(frame)
        body.draw(device)
        if not more:
            break
    else:
        raise ValueError("the article does not fit its page")
    writer.end_page()
    writer.close()
    doc = pymupdf.open(stream=sink.getvalue(), filetype="pdf")
    page = doc[0]
    page.draw_rect(pymupdf.Rect(100, fig_top + 5, width - 100, fig_bottom - 5), color=(0.5, 0.5, 0.5), fill=(0.9, 0.9, 0.9))
    page.insert_text((100, fig_bottom + 12), "Figure 1: " + sentence(8), fontsize=8)
    page.draw_line((60, height - 72), (150, height - 72))
    page.insert_text((60, height - 62), "1 " + sentence(10), fontsize=7)
    return doc.tobytes(), paragraphs

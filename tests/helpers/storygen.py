"""Pages typeset by MuPDF's own HTML layout (pymupdf.Story) into 1-3 justified columns:
a typesetter the layout heuristics were not built against, with loose narrow columns whose
baselines drift apart from column to column."""

from __future__ import annotations

import io
import random

import pymupdf
from helpers.geometry import PROSE

CSS = "p {text-align: justify; font-size: 10pt; margin-bottom: 6pt;} h2 {font-size: 13pt;}"
WIDTH, HEIGHT, MARGIN, GUTTER = 595, 842, 50, 18


def story_pdf(seed: int, columns: int, sections: int = 5) -> tuple[bytes, list[str]]:
    """(PDF bytes, expected paragraphs): headings and justified paragraphs of shuffled prose
    flowed through ``columns`` columns per A4 page, with a running head and page numbers."""
    rng = random.Random(seed)
    vocabulary = " ".join(PROSE).replace(".", "").replace(",", "").split()

    def sentence(n: int) -> str:
        return " ".join(rng.choice(vocabulary).lower() for _ in range(n)).capitalize() + "."

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

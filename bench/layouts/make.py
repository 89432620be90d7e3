#!/usr/bin/env python3
"""Generate 13 layout test PDFs with WeasyPrint plus their ground truth (see bench/layouts.py).

Outputs, under the folder given (``python bench/layouts/make.py OUT``):
  pdf/NAME.pdf, html/NAME.html, gt/NAME.txt
Ground truth: titles/headings/body/list items/block quotes/sidebars, one paragraph per line,
one blank line between; no running heads/feet, page numbers, captions, footnotes, tables,
bylines, pull quotes.
"""

import html
import random
import sys
from pathlib import Path

import weasyprint

sys.path.insert(0, str(Path(__file__).parent))
import textgen as tg

E = html.escape


def P(t, cls=None):
    return f"<p{f' class={cls!r}' if cls else ''}>{E(t)}</p>"


def prose(truth, body, paragraphs):
    """Body paragraphs: each one into the truth and, as a <p>, into the HTML."""
    for p in paragraphs:
        truth.append(p)
        body.append(P(p))


def opening(title, columns=False):
    """(truth, body) of a document opening with its title, set in columns below it or not."""
    return [title], [f"<h1>{E(title)}</h1>" + ("<div class='cols'>" if columns else "")]


def page(css, body):
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


BASE = "p { margin: 0 0 0.6em 0; } h1, h2, h3 { margin: 0.4em 0 0.4em 0; }"


def doc_a(r):
    """Two columns, justified, spanning h1, h2 inside columns."""
    truth, body = opening("Tides, Marshes and the Slow Work of Coastal Recovery", columns=True)
    for h in [
        "Where the Marsh Meets the Sea",
        "Counting What Returns",
        "The Cost of Waiting",
        "Lessons from Harwick Sound",
    ]:
        truth.append(h)
        body.append(f"<h2>{E(h)}</h2>")
        prose(truth, body, tg.paragraphs(r, "coast", r.randint(3, 4)))
    body.append("</div>")
    css = (
        BASE
        + """@page { size: A4; margin: 2cm; }
      body { font-family: 'DejaVu Serif'; font-size: 10pt; line-height: 1.35; }
      h1 { font-size: 20pt; text-align: center; margin-bottom: 0.8em; }
      h2 { font-size: 12pt; }
      .cols { columns: 2; column-gap: 0.8cm; text-align: justify; hyphens: manual; }"""
    )
    return page(css, "".join(body)), truth


def doc_b(r):
    """Three narrow columns with a column rule."""
    truth, body = opening("How a City Learned to Run Its Buses on Time", columns=True)
    prose(truth, body, tg.paragraphs(r, "transit", 6))
    h = "A Timetable Built from Passenger Counts"
    truth.append(h)
    body.append(f"<h2>{E(h)}</h2>")
    prose(truth, body, tg.paragraphs(r, "transit", 7))
    body.append("</div>")
    css = (
        BASE
        + """@page { size: Letter; margin: 1.8cm 1.6cm; }
      body { font-family: 'Liberation Serif'; font-size: 10pt; line-height: 1.25; }
      h1 { font-size: 18pt; font-family: 'Liberation Sans'; }
      h2 { font-size: 11pt; font-family: 'Liberation Sans'; }
      .cols { columns: 3; column-gap: 0.45cm; column-rule: 0.6pt solid #444; }"""
    )
    return page(css, "".join(body)), truth


def doc_c(r):
    """Two columns, full-width figure (column-span: all) mid-page."""
    truth, body = opening("Bread, Flour and the Village Oven", columns=True)
    prose(truth, body, tg.paragraphs(r, "bread", 4, 45, 75))
    body.append(
        "<div class='fig'><div class='box'></div>"
        "<p class='cap'>Figure 1: Daily output of the Ashby communal oven, 1911 to 1938, "
        "in loaves per baking day (grey band shows the range across seasons).</p></div>"
    )
    prose(truth, body, tg.paragraphs(r, "bread", 4, 45, 75))
    body.append("</div>")
    css = (
        BASE
        + """@page { size: A4; margin: 2cm; }
      body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.4; }
      h1 { font-size: 18pt; }
      .cols { columns: 2; column-gap: 0.9cm; }
      .fig { column-span: all; margin: 0.6em 0 1em 0; }
      .box { height: 5.5cm; background: #bbb; }
      .cap { font-size: 8pt; font-style: italic; margin-top: 0.3em; }"""
    )
    return page(css, "".join(body)), truth


def doc_d(r):
    """Single column, running head and foot (page number), 3 pages."""
    truth, body = opening("Regional Health Services: Annual Review")
    for i, h in enumerate(
        ["Summary of the Year", "Clinics and Staffing", "Screening and Prevention", "Looking Ahead"]
    ):
        truth.append(h)
        body.append(f"<h2>{E(h)}</h2>")
        prose(truth, body, tg.paragraphs(r, "health", 3, 70, 118))
    css = (
        BASE
        + """@page { size: A4; margin: 2.5cm 2.5cm;
        @top-center { content: "Regional Health Services: Annual Review 2023"; font-size: 8.5pt; color: #333; }
        @bottom-center { content: counter(page); font-size: 9pt; } }
      body { font-family: 'Liberation Serif'; font-size: 12pt; line-height: 1.45; text-align: justify; }
      h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 0.8em; }
      p { text-indent: 1.2em; margin: 0; } h2 + p { text-indent: 0; }"""
    )
    return page(css, "".join(body)), truth


def doc_e(r):
    """Two columns with CSS footnotes."""
    truth, body = opening("Merchants, Ledgers and the Northern Trade", columns=True)
    notes = [
        "See the customs rolls of 1384, folio 12, for the full list of tolls.",
        "The figure is disputed; earlier estimates were roughly half as large.",
        "Quoted in the 1902 edition of the guild statutes, with modernised spelling.",
        "A fuller account of the silver shortage appears in Chapter 4 below.",
    ]
    paras = tg.paragraphs(r, "trade", 9, 50, 110)
    ni = 0
    for k, p in enumerate(paras):
        truth.append(p)
        if k in (1, 3, 5, 7):
            words = p.split(" ")
            if k in (1, 5):  # mid-sentence, glued to a word
                j = len(words) // 2
                w = words[j]
                words[j] = E(w) + f"<span class='fn'>{E(notes[ni])}</span>"
                body.append(
                    "<p>" + " ".join(E(x) if i != j else x for i, x in enumerate(words)) + "</p>"
                )
            else:  # after the paragraph's first full stop
                s = p.index(". ") + 1
                body.append(
                    "<p>" + E(p[:s]) + f"<span class='fn'>{E(notes[ni])}</span>" + E(p[s:]) + "</p>"
                )
            ni += 1
        else:
            body.append(P(p))
    body.append("</div>")
    css = (
        BASE
        + """@page { size: Letter; margin: 2cm; }
      body { font-family: 'DejaVu Serif'; font-size: 10pt; line-height: 1.35; }
      h1 { font-size: 18pt; }
      .cols { columns: 2; column-gap: 0.8cm; }
      .fn { float: footnote; font-size: 8pt; }"""
    )
    return page(css, "".join(body)), truth


def doc_f(r):
    """Magazine page: title, italic deck, byline, 60/40 grid, boxed sidebar in narrow column."""
    truth, body = [], []
    title = "The Night Watchers"
    deck = (
        "For a century, amateur astronomers on a windswept plateau have kept a record "
        "of the sky that professionals are only now learning to read."
    )
    byline = "By Helen Castellano"
    truth += [title, deck]
    body.append(f"<h1>{E(title)}</h1><p class='deck'>{E(deck)}</p><p class='by'>{E(byline)}</p>")
    wide = tg.paragraphs(r, "astro", 5, 45, 85)
    narrow = tg.paragraphs(r, "astro", 2, 40, 55)
    sh = "How the Plates Were Read"
    side = tg.paragraphs(r, "astro", 2, 40, 48)
    truth += wide + narrow + [sh] + side
    body.append(
        "<div class='grid'><div class='wide'>" + "".join(P(p) for p in wide) + "</div>"
        "<div class='narrow'>"
        + "".join(P(p) for p in narrow)
        + f"<div class='side'><h3>{E(sh)}</h3>"
        + "".join(P(p) for p in side)
        + "</div></div></div>"
    )
    css = (
        BASE
        + """@page { size: A4; margin: 1.8cm; }
      body { font-family: 'Liberation Serif'; font-size: 10.5pt; line-height: 1.35; }
      h1 { font-family: 'Liberation Sans'; font-size: 30pt; margin: 0; }
      .deck { font-style: italic; font-size: 14pt; margin: 0.3em 0; }
      .by { font-family: 'Liberation Sans'; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; margin-bottom: 1.2em; }
      .grid { display: grid; grid-template-columns: 3fr 2fr; column-gap: 0.8cm; }
      .side { border: 1pt solid #555; background: #e8eef5; padding: 0.3cm; margin-top: 0.4cm;
              font-family: 'Liberation Sans'; font-size: 9pt; }
      .side h3 { font-size: 10.5pt; margin-top: 0; }"""
    )
    return page(css, "".join(body)), truth


def doc_g(r):
    """Single column with a data table between body paragraphs."""
    truth, body = opening("Rainfall Records at Upland Stations")
    prose(truth, body, tg.paragraphs(r, "coast", 2, 45, 80))
    rows = []
    names = [
        "Ashby Fell",
        "Brackenridge",
        "Cullen Point",
        "Dunmore",
        "Elder Moss",
        "Fenwick",
        "Glenholm",
        "Harwick",
        "Ivy Crag",
        "Juniper Hill",
        "Kestrel Edge",
        "Larkfield",
        "Mossbank",
        "Northgate",
        "Oakhurst",
    ]
    for nm in names:
        rows.append(
            f"<tr><td>{nm}</td><td>{r.randint(180, 950)}</td>"
            f"<td>{r.randint(700, 2600):,}</td><td>{r.uniform(-9, 12):+.1f}</td></tr>"
        )
    body.append(
        "<table><thead><tr><th>Station</th><th>Altitude (m)</th><th>Mean rainfall (mm)</th>"
        "<th>Change since 1990 (%)</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    prose(truth, body, tg.paragraphs(r, "coast", 2, 45, 80))
    css = (
        BASE
        + """@page { size: Letter; margin: 2.2cm; }
      body { font-family: 'DejaVu Serif'; font-size: 11pt; line-height: 1.4; }
      h1 { font-size: 18pt; }
      table { font-family: 'DejaVu Sans'; font-size: 8.5pt; border-collapse: collapse; margin: 0.8em auto 1.2em auto; }
      th, td { padding: 2pt 8pt; border-bottom: 0.4pt solid #999; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      thead th { border-bottom: 1pt solid #000; }"""
    )
    return page(css, "".join(body)), truth


def doc_h(r):
    """Two columns with bulleted and numbered lists and a block quote."""
    truth, body = opening("Teaching Music in Small Schools", columns=True)
    prose(truth, body, tg.paragraphs(r, "music", 2, 50, 90))
    items = [tg.item(r, "music") for _ in range(4)]
    truth += ["\u2022 " + i for i in items]
    body.append("<ul>" + "".join(f"<li>{E(i)}</li>" for i in items) + "</ul>")
    p = tg.paragraph(r, "music", 50, 90)
    truth.append(p)
    body.append(P(p))
    items = [tg.item(r, "music") for _ in range(5)]
    truth += [f"{k}. {i}" for k, i in enumerate(items, 1)]
    body.append("<ol>" + "".join(f"<li>{E(i)}</li>" for i in items) + "</ol>")
    q = tg.paragraph(r, "music", 40, 60)
    truth.append(q)
    body.append(f"<blockquote>{E(q)}</blockquote>")
    prose(truth, body, tg.paragraphs(r, "music", 3, 50, 90))
    body.append("</div>")
    css = (
        BASE
        + """@page { size: A4; margin: 2cm; }
      body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.4; }
      h1 { font-size: 18pt; }
      .cols { columns: 2; column-gap: 0.8cm; }
      ul, ol { margin: 0 0 0.6em 0; padding-left: 1.4em; } li { margin-bottom: 0.3em; }
      blockquote { margin: 0.4em 1.2em 0.8em 1.2em; font-style: italic; }"""
    )
    return page(css, "".join(body)), truth


def doc_i(r):
    """Four columns newsletter, ragged right, narrow gutters, 2 pages, alternating folios."""
    truth, body = opening("Notes from the Upland Bus Depot", columns=True)
    for h in ["Drivers and Rosters", "The New Timetable", "Fares Next Year"]:
        truth.append(h)
        body.append(f"<h2>{E(h)}</h2>")
        prose(truth, body, tg.paragraphs(r, "transit", 5, 40, 80))
    body.append("</div>")
    css = (
        BASE
        + """@page { size: A4 landscape; margin: 1.6cm 1.4cm;
        @bottom-right { content: "Depot News  " counter(page); font-size: 8pt; } }
      @page :left { @bottom-left { content: counter(page) "  Depot News"; font-size: 8pt; } @bottom-right { content: none; } }
      body { font-family: 'Liberation Sans'; font-size: 9pt; line-height: 1.3; }
      h1 { font-size: 22pt; } h2 { font-size: 10pt; font-weight: bold; }
      .cols { columns: 4; column-gap: 0.35cm; text-align: left; }"""
    )
    return page(css, "".join(body)), truth


def doc_j(r):
    """Two columns, drop cap, pull quote between rules inside the left column."""
    truth, body = opening("The Last Millers of the Wye", columns=True)
    paras = tg.paragraphs(r, "bread", 8, 50, 95)
    for k, p in enumerate(paras):
        truth.append(p)
        if k == 0:
            body.append(f"<p><span class='drop'>{E(p[0])}</span>{E(p[1:])}</p>")
        else:
            body.append(P(p))
        if k == 2:
            q = paras[1].split(". ")[0] + "."
            body.append(f"<p class='pull'>{E(q)}</p>")
    body.append("</div>")
    css = (
        BASE
        + """@page { size: A4; margin: 2cm; }
      body { font-family: 'DejaVu Serif'; font-size: 10pt; line-height: 1.4; }
      h1 { font-size: 24pt; }
      .cols { columns: 2; column-gap: 0.8cm; text-align: justify; }
      .drop { float: left; font-size: 38pt; line-height: 1; margin: 0 4pt 0 0; }
      .pull { font-size: 15pt; font-style: italic; border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000;
              padding: 6pt 0; margin: 10pt 0; text-align: center; }"""
    )
    return page(css, "".join(body)), truth


def doc_k(r):
    """Report: one column over 2-3 pages, numbered headings, a figure with its caption, a
    running head (title left, page number right), paragraphs parted by space, no indent."""
    truth, body = opening("Annual Report on Upland Water Quality")
    for i, h in enumerate(["1. Background", "2. Sampling", "3. Results", "4. Outlook"], 1):
        truth.append(h)
        body.append(f"<h2>{E(h)}</h2>")
        prose(truth, body, tg.paragraphs(r, "coast", 3, 60, 120))
        if i == 2:
            body.append(
                "<div class='fig'></div><p class='cap'>Figure 2. Nitrate at the twelve stations, 2015-2023.</p>"
            )
    css = (
        BASE
        + """@page { size: Letter; margin: 2.4cm 2.2cm;
        @top-left { content: "Upland Water Quality 2023"; font-size: 8pt; color: #555; }
        @top-right { content: "Page " counter(page); font-size: 8pt; color: #555; } }
      body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.45; }
      h1 { font-size: 20pt; } h2 { font-size: 12pt; color: #036; }
      p { margin: 0 0 0.8em 0; }
      .fig { height: 5cm; background: #ccd; margin-top: 0.5em; }
      .cap { font-size: 8.5pt; font-style: italic; }"""
    )
    return page(css, "".join(body)), truth


def doc_l(r):
    """Newspaper page: a story in the left half; beside it, past a rule, a second story in two
    narrow justified columns whose gutter is as narrow as their stretched word spaces."""
    truth, body = [], []
    h1 = "Council Backs Plan for Harbour Wall"
    s1 = tg.paragraphs(r, "coast", 5, 45, 80)
    h2 = "Bakery Reopens After Flood"
    s2 = tg.paragraphs(r, "bread", 4, 40, 70)
    truth += [h1] + s1 + [h2] + s2
    body.append(
        f"<div class='grid'><div class='a'><h1>{E(h1)}</h1>" + "".join(P(p) for p in s1) + "</div>"
    )
    body.append(
        f"<div class='b'><h2>{E(h2)}</h2><div class='cols'>"
        + "".join(P(p) for p in s2)
        + "</div></div></div>"
    )
    css = (
        BASE
        + """@page { size: A4; margin: 1.5cm; }
      body { font-family: 'Liberation Serif'; font-size: 9.5pt; line-height: 1.3; text-align: justify; }
      h1 { font-size: 20pt; } h2 { font-size: 14pt; }
      p { text-indent: 1em; margin: 0; }
      .grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 0.5cm; }
      .b { border-left: 0.6pt solid #000; padding-left: 0.25cm; }
      .cols { columns: 2; column-gap: 0.4cm; }"""
    )
    return page(css, "".join(body)), truth


def doc_m(r):
    """Two columns ragged right, sans, paragraphs parted by space, a bold heading in body
    size, a boxed sidebar across the foot of the page (running on overleaf at some seeds)."""
    truth, body = opening("A Guide to Community Music Groups", columns=True)
    paras = tg.paragraphs(r, "music", 7, 40, 80)
    for k, p in enumerate(paras):
        truth.append(p)
        body.append(P(p))
        if k == 3:
            h = "Finding rehearsal space"
            truth.append(h)
            body.append(f"<h3>{E(h)}</h3>")
    body.append("</div>")
    sh = "Did you know?"
    side = tg.paragraphs(r, "music", 2, 30, 45)
    truth += [sh] + side
    body.append(f"<div class='side'><h3>{E(sh)}</h3>" + "".join(P(p) for p in side) + "</div>")
    css = (
        BASE
        + """@page { size: A4; margin: 2cm; }
      body { font-family: 'Liberation Sans'; font-size: 10pt; line-height: 1.4; }
      h1 { font-size: 20pt; } h3 { font-size: 10pt; font-weight: bold; margin: 0.6em 0 0.2em 0; }
      .cols { columns: 2; column-gap: 1cm; }
      p { margin: 0 0 0.9em 0; }
      .side { border: 1pt solid #333; background: #eee; padding: 0.3cm; margin-top: 0.6cm; font-size: 9pt; }"""
    )
    return page(css, "".join(body)), truth


DOCS = {
    "a_twocol": doc_a,
    "b_threecol_rule": doc_b,
    "c_spanfigure": doc_c,
    "d_runninghead": doc_d,
    "e_footnotes": doc_e,
    "f_magazine": doc_f,
    "g_table": doc_g,
    "h_lists": doc_h,
    "i_fourcol": doc_i,
    "j_pullquote": doc_j,
    "k_report": doc_k,
    "l_newspaper": doc_l,
    "m_ragged": doc_m,
}


def main(out: Path, seed: int = 1000) -> None:
    """Typeset the documents into ``out``; ``seed`` draws their text (the layouts stay)."""
    for d in ("pdf", "html", "gt"):
        (out / d).mkdir(parents=True, exist_ok=True)
    for i, (name, fn) in enumerate(DOCS.items()):
        r = random.Random(seed + i)
        doc_html, truth = fn(r)
        (out / "html" / f"{name}.html").write_text(doc_html)
        d = weasyprint.HTML(string=doc_html).render()
        d.write_pdf(out / "pdf" / f"{name}.pdf")
        (out / "gt" / f"{name}.txt").write_text("\n\n".join(truth) + "\n")
        nw = sum(len(t.split()) for t in truth)
        print(f"{name:18s} pages={len(d.pages)} paras={len(truth)} words={nw}", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/extractor-layouts"))

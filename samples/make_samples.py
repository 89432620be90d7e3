"""make_samples: typeset the synthetic sample PDFs and their expected text, reproducibly.

Run ``python samples/make_samples.py`` to (re)write ``samples/<name>.pdf`` and
``samples/<name>.expected.txt`` for every sample; add ``--check`` to read each PDF back with
PyMuPDF and verify that every word drawn is on the page. Output is byte-for-byte stable.

Every page is typeset here, line by line, with base-14 fonts: the script breaks the lines
itself (so it knows what each line holds), stretches justified lines by placing each word, and
records the body paragraphs in reading order as it lays them out. Each draw (one text line,
one rule, one picture, one letter of a letter-spaced footer) is an op, and the ops are emitted
in an order shuffled with ``random.Random(<sample name>)``: the content stream never follows
the reading order, so an analyser cannot lean on it.

Expected text conventions: one paragraph per line, a blank line between paragraphs, a final
newline; titles and headings are paragraphs of their own; author lines, running heads and
feet, page numbers, captions, footnotes and margin stamps are left out. A word broken at a
line end by an added hyphen is joined ("exam-" + "ple" -> "example"); a compound broken at
its own hyphen keeps it ("state-of-the-" + "art" -> "state-of-the-art"). Footnote markers stay
attached to their word ("timetables1"), as the text layer has them. Bullet items are
paragraphs that start with the bullet as drawn ("\u2022 ").

The prose is original to this project (see samples/README.md).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
LETTER = (612.0, 792.0)
A4 = (595.28, 841.89)

# --------------------------------------------------------------------------------------------
# Prose (written for this project)
# --------------------------------------------------------------------------------------------

HARBOUR = [
    "The harbour at the mouth of the river was never deep enough for the ships that the town "
    "council kept promising. Every spring the tide carried silt down from the hills, and every "
    "autumn a dredger arrived from the capital, worked for a fortnight, and left again with the "
    "channel only a little wider than before.",
    "Fishermen learned to read the water instead of the charts. A band of pale green meant sand "
    "close under the keel; a darker stripe meant the old channel had shifted again. Children who "
    "grew up on the quay could name every buoy by the sound of its bell on a foggy night.",
    "When the railway finally reached the coast, the harbour lost most of its trade within ten "
    "years. Coal, timber and grain went inland by wagon, and the warehouses along the waterfront "
    "were let to boat builders, sailmakers and, later, to painters who liked the northern light.",
    "Today the quay is busier than it has been for a century, although almost nobody who walks "
    "along it earns a living from the sea. The old customs house holds a small museum whose most "
    "popular exhibit is a hand-drawn map of the sandbanks, corrected in pencil by three "
    "generations of pilots.",
]

BREAD = [
    "A loaf of bread is a small experiment in patience. Flour, water, salt and a pinch of yeast "
    "sit together overnight, and by morning the dough has changed so much that it seems to belong "
    "to a different kitchen. Bakers call this the first rise, but it is really the point at which "
    "the work begins.",
    "Temperature matters more than any recipe admits. A dough left beside a warm stove will be "
    "ready in three hours; the same dough in a cold pantry may take twelve. Experienced bakers "
    "press a floured finger into the surface and watch how slowly the dent springs back.",
    "Shaping is where most beginners go wrong. They handle the dough as if it were clay, pressing "
    "out the gas that took all night to gather. The better approach is to fold the edges towards "
    "the middle, turn the whole piece over, and let the surface tension do the rest.",
    "The crust forms in the first minutes of baking, while the oven is still full of steam. "
    "Professional ovens inject water automatically; at home a tray of ice cubes on the bottom "
    "shelf does almost as well. Without steam the loaf sets too early and cracks along its sides.",
    "Once the bread is out of the oven, the hardest instruction of all follows: wait. The crumb "
    "is still cooking from the inside, and a loaf cut while it is hot will be gummy and heavy, no "
    "matter how carefully every earlier step was followed.",
]

GLACIER = [
    "Glaciers move so slowly that for centuries people assumed they did not move at all. The "
    "first careful measurements were made by driving a line of wooden stakes across the ice and "
    "returning a year later to find the line bent into a gentle curve, fastest in the middle.",
    "The curve told surveyors something important about the way ice behaves. Near the valley "
    "walls it drags against rock and barely creeps forward; in the centre, far from any "
    "friction, it flows like an extremely thick liquid, a few tens of metres in a year.",
    "Meltwater complicates the picture. In summer, streams on the surface drop through deep "
    "shafts to the bed of the glacier, where they spread out and lift the ice slightly off the "
    "rock. For a few weeks the whole tongue of the glacier can slide several times faster than "
    "it does in winter.",
    "Modern instruments have replaced the stakes with satellite receivers bolted to aluminium "
    "poles, but the principle has not changed. Researchers still return each year to the same "
    "points, still record how far the ice has travelled, and still find that no two seasons are "
    "quite alike.",
    "What has changed is the length of the record. A century of measurements now shows most "
    "alpine glaciers retreating, some by more than a kilometre, and the lower valleys that were "
    "buried under ice in old photographs are covered today with young larch and alder.",
]

LIGHTHOUSE = [
    "Keeping a lighthouse was less romantic than the paintings suggest. The keeper spent most of "
    "the day cleaning: polishing the brass, wiping soot from the lantern glass, and trimming "
    "wicks so that the flame would burn evenly through the night.",
    "The logbook was the keeper's most important duty after the light itself. Every change in "
    "the weather, every passing vessel and every delivery of oil was written down in a careful "
    "hand, because an inspector might arrive without warning and read the entries of a whole "
    "year in one afternoon.",
    "Families often lived at the station, and children were taught at home or rowed across to "
    "the mainland school when the sea allowed. Several keepers' daughters became keepers "
    "themselves, and a few of them held the post for longer than their fathers had.",
    "Automation arrived gradually. First the oil lamps were replaced by electric bulbs, then the "
    "clockwork that turned the lens was given a motor, and finally a sensor learned to switch the "
    "light on at dusk. The last keepers left their towers quietly, locking the doors behind them.",
]

BEES = [
    "A honeybee colony makes decisions without any single bee understanding the question. When "
    "a swarm leaves its old hive, a few hundred scouts fly out in every direction to look for "
    "hollow trees, gaps in walls or empty boxes that could serve as a new home.",
    "Each scout that finds a promising site returns and dances on the surface of the swarm. The "
    "better the site, the longer and more vigorous the dance, and the more new scouts are "
    "recruited to go and inspect it for themselves.",
    "Poor sites lose their supporters as the dancers tire, while good sites gain them. Within a "
    "day or two one location attracts so many scouts that they reach a kind of quorum, and the "
    "whole swarm lifts into the air and follows them.",
    "Researchers who study this process have borrowed its logic for distributed computer systems. "
    "No central controller is needed, errors are corrected by the steady loss of interest in bad "
    "options, and the final choice is usually the best of those that were found.",
]

TIMETABLE = [
    "Railway timetables were among the first documents designed to be read by millions of people "
    "who had never seen anything like them. Early versions listed each train in a paragraph of "
    "prose, and passengers complained that they could not find the departure they needed.",
    "The solution was the grid: stations down the side, trains across the top, times in the "
    "cells. It sounds obvious now, but it took decades of experiments with rules, bold figures, "
    "symbols for connecting services and footnotes for trains that ran only on market days.",
    "Typesetters treated timetables as the hardest work in the print shop. A single changed "
    "departure could shift a whole column, and a misprint might leave travellers stranded on a "
    "platform at midnight. Proofs were read aloud, one person calling the times while another "
    "followed the copy.",
    "Modern journey planners hide the grid behind a search box, yet the printed sheet pinned at "
    "every station remains stubbornly popular. It shows at a glance what no search result can: "
    "the rhythm of the whole day, and how long the wait will be if the next train is missed.",
]

ARCHIVE = [
    "Archivists distinguish between what a document says and what it is. A letter may say very "
    "little, yet its paper, its folds and the stamp on its envelope can tell a researcher where it "
    "was written, how it travelled and who kept it afterwards.",
    "Digitisation has made the first kind of information easy to share and the second kind easy "
    "to lose. A scan shows the words clearly but flattens the page, and a transcription drops "
    "the crossings-out that reveal how the writer changed their mind.",
    "For this reason many archives now publish three things side by side: an image of the "
    "original, a plain transcription, and a short description of the object itself. Readers can "
    "choose the layer they need without losing sight of the others.",
]

#: where long words may break at a line end ("-" marks the break points)
HYPHENS = [
    "in-fra-struc-ture", "or-gan-i-za-tion", "in-for-ma-tion", "in-stru-ments", "con-sid-er-ably",
    "ex-pe-ri-enced", "au-to-ma-tion", "re-search-ers", "par-tic-u-lar-ly", "mea-sure-ments",
    "com-pli-cates", "dis-trib-ut-ed", "de-part-ure", "trav-el-lers", "gen-er-a-tions",
    "pro-fes-sion-al", "tem-per-a-ture", "ex-per-i-ments", "con-nect-ing", "pas-sen-gers",
    "dig-i-ti-sa-tion", "tran-scrip-tion", "de-scrip-tion", "ar-chiv-ists", "doc-u-ments",
    "re-cruit-ed", "sur-vey-ors", "vig-or-ous", "sat-el-lite", "re-ceiv-ers", "al-u-min-i-um",
    "con-tin-u-ous-ly", "de-ter-min-is-tic", "ev-ery-thing", "in-spec-tor", "de-liv-ery",
    "mu-se-um", "ware-hous-es", "sail-mak-ers", "ex-hib-it", "con-trol-ler", "lo-ca-tion",
    "ex-am-ple", "to-geth-er", "be-gin-ners", "ap-proach", "sur-face", "mea-sur-ing",
    "re-treat-ing", "pho-to-graphs", "in-for-mal", "ex-tract-ed", "ex-trac-tion", "por-ta-ble",
    "in-ter-pre-ta-tion", "sys-tem-at-ic", "com-mu-ni-ty", "ap-pren-tic-es", "print-ers",
    "ty-pog-ra-phy", "com-pos-i-tors", "ma-chin-ery", "dis-tri-bu-tion", "im-por-tant",
    "ty-po-graph-ic", "vol-un-teers", "in-de-pen-dent-ly", "dis-agree-ments", "leg-i-bil-i-ty",
    "con-sult-ed", "con-tri-bu-tion", "rep-re-sent-ed", "mea-sur-able", "dif-fer-ence",
    "ex-pe-ri-ence", "con-firms", "de-sign-er", "place-ment", "par-tic-u-lar", "con-nec-tions",
    "ob-served", "in-ferred", "con-cen-trat-ed", "struc-tured", "un-usu-al-ly", "iden-ti-cal",
    "move-ment", "mul-ti-plied", "read-ings", "de-par-tures", "plat-form", "dom-i-nates",
    "com-pa-nies", "com-pa-ny", "ques-tions", "vil-lage", "per-formed", "re-duced", "num-ber",
    "fea-tures", "den-si-ty", "ex-per-i-ment", "sug-gests", "re-li-able", "jour-ney",
    "plan-ners", "pat-tern", "print-ed", "de-part-ures", "con-tains", "pe-ri-od", "dec-ade",
    "vol-un-teer", "ap-pli-ca-tions", "in-sti-tute", "an-swered", "bal-anced", "fa-tigue",
    "af-ter-noon", "re-so-lu-tion", "scan-ning", "re-mind-er", "neu-tral", "mea-sured",
    "com-pos-i-tor", "sym-bols", "col-lect-ed", "in-clud-ing", "dis-tance", "sug-gest",
    "oth-er", "mid-dle", "glac-ier", "sea-sons", "cen-tu-ry", "hun-dreds", "dif-fi-cul-ty",
]

TWO_COL_ABSTRACT = (
    "Printed timetables are read by people in a hurry, standing up, often in poor light. We "
    "compare forty sheets from six railway companies and ask which typographic choices help a "
    "reader find a departure quickly. Grids with bold hour figures, light rules every third row "
    "and footnote symbols placed beside the time rather than below the table give the fastest "
    "and most reliable readings, while state-of-the-art journey planners still cannot show the "
    "pattern of a whole day at a glance."
)

TWO_COL_BODY = [
    "# 1 Introduction",
    "Few documents are consulted as often, or as briefly, as the departure sheet on a station "
    "platform. A passenger glances at it, finds a column, runs a finger down to the right row and "
    "looks away again, usually within ten seconds. Any design that slows this movement, even "
    "slightly, is multiplied by millions of readings every day.",
    "Earlier studies of information design have concentrated on maps and road signs, where "
    "legibility at a distance dominates. Timetables pose a different problem: the reader stands "
    "close, but the sheet is dense, and the difficulty lies in finding the right cell among "
    "hundreds of nearly identical figures. This makes them an unusually clean example of "
    "search within a structured page.",
    "Our contribution is threefold. First, we collect a small but varied corpus of sheets printed "
    "between 1890 and 2020. Second, we measure how long volunteers take to answer a fixed set of "
    "questions with each sheet. Third, we relate the measurements to a handful of typographic "
    "features that a designer can control, such as the weight of the hour figures, the spacing "
    "of rules, and the placement of footnote symbols for trains that run only on particular days "
    "of the week.",
    "# 2 Material and method",
    "The corpus contains forty sheets from six companies, chosen so that every decade of the "
    "period is represented at least twice. Where a company changed its house style, we took one "
    "sheet from before the change and one from after it, so that the effect of the change could "
    "be observed directly rather than inferred.",
    "Twenty-four volunteers answered twelve questions per sheet, for example the time of the "
    "last departure before noon towards the coast, or whether a given evening train stopped at a "
    "small village. Answers were timed with a foot switch, and a wrong answer counted as a "
    "missed train. The order of the sheets was balanced across volunteers, and nobody saw the "
    "same sheet twice. Sessions lasted about forty minutes, with a short break after every tenth "
    "sheet to limit fatigue, and the room was lit to match a typical covered platform in the "
    "late afternoon. Volunteers were paid a small fee for the session and were free to stop "
    "at any time, although none of them did.",
    "Each sheet was also described by eleven features, coded independently by two of us from "
    "high-resolution scans. Disagreements were rare and were settled by measuring the printed "
    "sheet itself, which in a few cases showed that a faint rule had simply been lost in the "
    "scanning, a reminder that digitisation is not neutral.",
    "# 3 Results",
    "Three features stand out. Bold hour figures shortened the search for a departure by about "
    "a fifth, light rules every third row reduced the number of readings taken from the wrong "
    "line, and footnote symbols printed beside the time, rather than collected in a key below "
    "the grid, halved the errors on questions about trains running on particular days. Other "
    "features, including the typeface itself, made no measurable difference.",
    "The well-known long-distance sheets of the largest company, hand-set until the late "
    "nineteen-fifties, performed better than their density would suggest. Their compositors "
    "used every one of the three helpful features long before anyone measured their effect, "
    "which suggests that the craft had already found by experience what our experiment "
    "confirms.",
]

SIDEBAR = [
    "Monday and Thursday: the supply boat, weather permitting, with oil, flour and letters.",
    "Every evening: light the lamp half an hour before sunset and note the time in the log.",
    "Every morning: extinguish the light, clean the lantern glass, trim the wicks and wind the "
    "clockwork for the next night.",
    "Once a month: paint whatever the salt has attacked since the last time, which is usually "
    "everything.",
]

FOOTNOTE_BODY = [
    "The first printed timetables^1 were little more than lists of departures from a single "
    "station, pasted to the wall of the booking hall. As lines multiplied and connections became "
    "possible, companies began to publish books that covered a whole network, and the problem of "
    "arranging thousands of figures on a small page became pressing.",
    "Compositors in the larger print shops specialised in this work. They kept separate cases of "
    "figures in several weights, cut their own rules from brass strip, and developed a shorthand "
    "of symbols^2 for the many exceptions: trains that ran only on market days, that stopped only "
    "to set down passengers, or that waited for a connecting service from another line.",
    "Proofreading was a ritual. One reader called out each time while another followed the copy, "
    "and a third checked that every column added up, since a train could not arrive before it "
    "had left. Errors still slipped through, and newspapers of the period printed regular "
    "letters from travellers who had waited on a platform for a train that existed only on "
    "paper. The companies answered these complaints with printed corrections, which were pasted "
    "into the books by hand at every station and which, according to one station master, were "
    "read by nobody at all.",
    "By the end of the century the grid had settled into the form that is still familiar: "
    "stations down the side, trains across the top, bold figures for the afternoon and evening, "
    "and a key to the symbols at the foot of each page. Later changes were matters of detail.",
    "The arrival of offset printing and, later, of computer typesetting removed most of the "
    "manual labour but not the need for care. A timetable remains a promise made in public, and "
    "its readers judge the railway by whether that promise is kept.",
]

FOOTNOTES = [
    "^1 Here and below, printed timetables means sheets and books issued by the railway "
    "companies themselves, not the guides sold by independent publishers.",
    "^2 One company used more than forty different symbols in a single edition of its "
    "summer book.",
]

SINGLE_COL = [
    ("h1", "Quarterly Report: Community Bakery Project"),
    ("h2", "Summary"),
    ("p", "The bakery completed its third quarter with more volunteers than at any time since it "
          "opened. Weekly production rose from about three hundred to almost five hundred loaves, "
          "and the Saturday teaching sessions were fully booked from the first week of the "
          "quarter."),
    ("p", "The new oven, installed in the second month, has changed the rhythm of the day. "
          "Baking now starts an hour later, which has made it easier for parents to volunteer "
          "after taking their children to school."),
    ("h2", "What went well"),
    ("li", "Twelve new volunteers finished the basic hygiene course and now work unsupervised."),
    ("li", "The school kitchen partnership supplied bread for two hundred lunches a week, with "
           "the children helping to shape the rolls on Fridays."),
    ("li", "Flour costs fell by about a tenth after we joined the regional buying group."),
    ("h2", "Next steps"),
    ("p", "The committee proposes three priorities for the coming quarter. Each needs a named "
          "volunteer to lead it, and offers of help are welcome at the monthly meeting."),
    ("li", "Repair the proving cabinet, whose thermostat has failed twice since the summer."),
    ("li", "Start a weekday evening class for people who work during the day."),
    ("li", "Write down the recipes that so far exist only in the heads of our longest-serving "
           "bakers, so that they are not lost when those bakers retire."),
    ("p", "The full accounts for the quarter are available from the treasurer on request."),
]


# --------------------------------------------------------------------------------------------
# Typesetting: tokens, line breaking, a flow through column frames, shuffled drawing
# --------------------------------------------------------------------------------------------

SHY = "\u00ad"  # a break point inside a word (from HYPHENS); not part of the word
SUP = "^"  # "word^1": the digit after the caret is drawn as a superscript footnote marker

_HYPH = {h.replace("-", ""): h for h in HYPHENS}
_FONTS: dict[str, pymupdf.Font] = {}


def font(name: str) -> pymupdf.Font:
    if name not in _FONTS:
        _FONTS[name] = pymupdf.Font(name)
    return _FONTS[name]


def tlen(text: str, fontname: str, size: float) -> float:
    return font(fontname).text_length(text, size)


def hyphenate(text: str) -> str:
    """Mark the break points of the long words listed in HYPHENS with soft hyphens."""
    out = []
    for word in text.split():
        core = word.strip(".,;:!?()\u201c\u201d'")
        h = _HYPH.get(core.lower())
        if h and (core.islower() or core.istitle()):
            marked = h.replace("-", SHY)
            if core[0].isupper():
                marked = marked[0].upper() + marked[1:]
            word = word.replace(core, marked)
        out.append(word)
    return " ".join(out)


def plain(text: str) -> str:
    """The text as the expected output has it: no soft hyphens, no caret, single spaces."""
    return " ".join(text.replace(SHY, "").replace(SUP, "").split())


@dataclass(frozen=True)
class Style:
    font: str = "tiro"
    size: float = 10.0
    leading: float = 12.0
    indent: float = 0.0  # first-line indent
    gap: float = 0.0  # vertical space before the paragraph (not at the top of a frame)
    align: str = "justify"  # justify | left | center
    bullet: str = ""  # drawn in the hanging indent of the first line
    hang: float = 0.0  # left indent of every line (bullet items)
    keep: bool = False  # keep with the next paragraph (headings)
    hyphenate: bool = False


@dataclass
class Para:
    text: str
    style: Style
    body: bool = True  # part of the expected text
    counts: list[int] | None = None  # fixed words per line (the seed replica)

    @property
    def expected(self) -> str:
        return (self.style.bullet + " " if self.style.bullet else "") + plain(self.text)


def _width(tok: str, st: Style) -> float:
    if SUP in tok:
        word, mark = tok.split(SUP)
        return tlen(word, st.font, st.size) + tlen(mark, st.font, st.size * 0.6)
    return tlen(tok, st.font, st.size)


def _split(tok: str, room: float, st: Style) -> tuple[str, str] | None:
    """Split ``tok`` at its last break point whose head (with its hyphen) fits in ``room``.

    A soft break point gets a hyphen that is not part of the word ("exam-" / "ple"); a real
    hyphen stays with the head ("state-of-the-" / "art"). The head keeps a trailing SHY for
    an added hyphen (drawn as "-"), so that the check can tell the two apart.
    """
    best = None
    for i, ch in enumerate(tok):
        if ch in (SHY, "-") and i >= 2 and len(tok) - i >= 3:
            head = tok[:i].replace(SHY, "") + "-"
            if _width(head, st) <= room:
                best = (head[:-1] + (SHY if ch == SHY else "-"), tok[i + 1 :])
    return best


def break_lines(p: Para, width: float | Callable[[int], float]) -> list[list[str]]:
    """Greedy line breaking; a word that does not fit is split at a break point when the line
    would otherwise be loose (more than 3% of it empty). ``width`` may depend on the line's
    number, for a paragraph that flows on into a frame of another width."""
    st = p.style
    toks = (hyphenate(p.text) if st.hyphenate else p.text).split()
    if p.counts:
        lines, i = [], 0
        for n in p.counts:
            lines.append([t.replace(SHY, "") for t in toks[i : i + n]])
            i += n
        assert i == len(toks), f"fixed breaks do not match the paragraph: {p.text[:40]}"
        return lines
    space = tlen(" ", st.font, st.size)
    width_of = width if callable(width) else (lambda _n, w=width: w)
    lines: list[list[str]] = []
    cur: list[str] = []
    used = 0.0
    avail = width_of(0) - st.indent - st.hang
    queue = list(toks)
    while queue:
        tok = queue.pop(0)
        clean = tok.replace(SHY, "")
        need = _width(clean, st) + (space if cur else 0)
        if used + need <= avail:
            cur.append(clean)
            used += need
            continue
        room = avail - used - (space if cur else 0)
        split = _split(tok, room, st) if room > 0.03 * avail or not cur else None
        if split:
            cur.append(split[0])
            queue.insert(0, split[1])
        elif not cur:
            raise ValueError(f"word wider than the column: {tok}")
        else:
            queue.insert(0, tok)
        lines.append(cur)
        cur, used = [], 0.0
        avail = width_of(len(lines)) - st.hang
    if cur:
        lines.append(cur)
    return lines


@dataclass
class Frame:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class DrawnLine:
    page: int
    tokens: list[str]  # as broken: a head ending in SHY was drawn with an added hyphen
    body: bool
    para: int  # index of the paragraph in the sample's expected order (-1: not body)
    column: tuple[int, float, float]  # (page, x0, top) of the frame it sits in
    baseline: float = 0.0


class Sheet:
    """A document under construction: every draw is an op; ops are emitted shuffled."""

    def __init__(self, name: str, pages: int = 1, size: tuple[float, float] = LETTER):
        self.name = name
        self.npages = pages
        self.size = size
        self.ops: list[tuple[int, object]] = []
        self.expected: list[str] = []
        self.lines: list[DrawnLine] = []

    # -- primitive ops (each draws one thing when the document is built)
    def words(self, page: int, items: list[tuple[float, float, str, str, float]], color=0.0):
        """One op drawing several pieces of text: (x, baseline, text, font, size)."""
        self.ops.append((page, ("words", items, color)))

    def text(self, page, x, y, s, fontname="tiro", size=10.0, color=0.0):
        self.words(page, [(x, y, s, fontname, size)], color)

    def rect(self, page, r, fill=None, stroke=None, width=0.8):
        """A filled and/or outlined box; boxes are painted before any text (see build)."""
        self.ops.append((page, ("rect", r, fill, stroke, width)))

    def line(self, page, p0, p1, width=0.5, color=0.0):
        self.ops.append((page, ("line", p0, p1, width, color)))

    def stamp(self, page, x, y, s, size=10.0, color=0.5):
        """Text rotated by 90 degrees (reads bottom-up), like arXiv's margin stamp."""
        self.ops.append((page, ("stamp", x, y, s, size, color)))

    def tracked(self, page, cx, y, s, fontname="helv", size=8.0, track=0.5, color=0.3):
        """Letter-spaced text: each glyph is its own op, ``track`` em apart, centred on cx."""
        widths = [tlen(c, fontname, size) for c in s]
        total = sum(widths) + track * size * (len(s) - 1)
        x = cx - total / 2
        for c, w in zip(s, widths):
            self.text(page, x, y, c, fontname, size, color)
            x += w + track * size

    def centered(self, page, cx, y, s, fontname, size, color=0.0):
        self.text(page, cx - tlen(s, fontname, size) / 2, y, s, fontname, size, color)

    def right(self, page, x1, y, s, fontname, size, color=0.0):
        self.text(page, x1 - tlen(s, fontname, size), y, s, fontname, size, color)

    # -- building
    def build(self, seed: object = None, *, reverse: bool = False) -> pymupdf.Document:
        """The PDF, its text drawn in an order shuffled by ``seed`` (default: the sample's
        name) or, with ``reverse``, bottom-up: tests draw one page in several orders."""
        doc = pymupdf.open()
        for _ in range(self.npages):
            doc.new_page(width=self.size[0], height=self.size[1])
        # Boxes go first so that their fill never hides text; within each layer the order is
        # shuffled, so the text stream order has nothing to do with the reading order.
        rng = random.Random(self.name if seed is None else seed)
        boxes = [op for op in self.ops if op[1][0] == "rect"]
        rest = [op for op in self.ops if op[1][0] != "rect"]
        rng.shuffle(boxes)
        rng.shuffle(rest)
        if reverse:
            rest.reverse()
        for page, op in boxes + rest:
            _draw(doc[page], op)
        doc.set_metadata(
            {
                "title": self.name,
                "producer": "extractor samples/make_samples.py",
                "creator": "extractor samples/make_samples.py",
                "creationDate": "D:20240101000000Z",
                "modDate": "D:20240101000000Z",
            }
        )
        doc.subset_fonts()
        return doc


def _draw(page: pymupdf.Page, op: tuple) -> None:
    kind = op[0]
    if kind == "words":
        _, items, color = op
        tw = pymupdf.TextWriter(page.rect, color=(color,) * 3)
        for x, y, s, fontname, size in items:
            tw.append((x, y), s, font=font(fontname), fontsize=size)
        tw.write_text(page)
    elif kind == "rect":
        _, r, fill, stroke, width = op
        page.draw_rect(
            pymupdf.Rect(r),
            color=None if stroke is None else (stroke,) * 3,
            fill=None if fill is None else (fill,) * 3,
            width=width,
        )
    elif kind == "line":
        _, p0, p1, width, color = op
        page.draw_line(p0, p1, color=(color,) * 3, width=width)
    elif kind == "stamp":
        _, x, y, s, size, color = op
        page.insert_text((x, y), s, fontname="Times-Roman", fontsize=size, rotate=90,
                         color=(color,) * 3)


class Flow:
    """Pours paragraphs into a chain of frames (columns), top to bottom, frame after frame."""

    def __init__(self, sheet: Sheet, frames: list[Frame]):
        self.sheet = sheet
        self.frames = frames
        self.i = 0
        self.y = frames[0].top  # top of the next line box
        self.fresh = True  # nothing placed in the current frame yet

    @property
    def frame(self) -> Frame:
        return self.frames[self.i]

    def next_frame(self) -> None:
        self.i += 1
        if self.i >= len(self.frames):
            raise ValueError(f"{self.sheet.name}: text overflows the last frame")
        self.y = self.frame.top
        self.fresh = True

    def add(self, p: Para, keep_lines: int = 0) -> None:
        st = p.style
        if not self.fresh:
            self.y += st.gap
        lines = break_lines(p, self._line_widths(st))
        if st.keep and self.y + st.leading * (len(lines) + 2) > self.frame.bottom:
            self.next_frame()
        idx = -1
        if p.body:
            idx = len(self.sheet.expected)
            self.sheet.expected.append(p.expected)
        for n, toks in enumerate(lines):
            if self.y + st.leading > self.frame.bottom + 0.01:
                self.next_frame()
            self._place(p, toks, first=n == 0, last=n == len(lines) - 1, idx=idx)
            self.y += st.leading
            self.fresh = False

    def _line_widths(self, st: Style) -> Callable[[int], float]:
        """The measure of the paragraph's n-th line: lines that overflow into the next frame
        are broken for that frame's width, as a typesetter would."""

        def width(n: int) -> float:
            i, y = self.i, self.y
            if st.keep and y + st.leading * 3 > self.frames[i].bottom and i + 1 < len(self.frames):
                i, y = i + 1, self.frames[i + 1].top
            for _ in range(n + 1):
                if y + st.leading > self.frames[i].bottom + 0.01 and i + 1 < len(self.frames):
                    i, y = i + 1, self.frames[i + 1].top
                y += st.leading
            return self.frames[i].x1 - self.frames[i].x0

        return width

    def _place(self, p: Para, toks: list[str], first: bool, last: bool, idx: int) -> None:
        st, fr = p.style, self.frame
        base = self.y + st.size * 0.8
        x0 = fr.x0 + st.hang + (st.indent if first else 0)
        width = fr.x1 - x0
        items: list[tuple[float, float, str, str, float]] = []
        if first and st.bullet:
            items.append((fr.x0, base, st.bullet, st.font, st.size))
        raw, toks = toks, [t[:-1] + "-" if t.endswith(SHY) else t for t in toks]
        widths = [_width(t, st) for t in toks]
        space = tlen(" ", st.font, st.size)
        if st.align == "justify" and not last and len(toks) > 1:
            gap = (width - sum(widths)) / (len(toks) - 1)
            assert gap >= space * 0.99, f"line too tight in {self.sheet.name}: {toks}"
            x = x0
            for t, w in zip(toks, widths):
                items.extend(_pieces(x, base, t, st))
                x += w + gap
        else:
            natural = sum(widths) + space * (len(toks) - 1)
            if st.align == "center":
                x0 = fr.x0 + (fr.x1 - fr.x0 - natural) / 2
            if any(SUP in t for t in toks):
                x = x0
                for t, w in zip(toks, widths):
                    items.extend(_pieces(x, base, t, st))
                    x += w + space
            else:
                items.append((x0, base, " ".join(toks), st.font, st.size))
        self.sheet.words(fr.page, items)
        self.sheet.lines.append(DrawnLine(fr.page, [t.replace(SUP, "") for t in raw],
                                          p.body, idx, (fr.page, fr.x0, fr.top), base))


def _pieces(x: float, base: float, tok: str, st: Style) -> list[tuple]:
    if SUP not in tok:
        return [(x, base, tok, st.font, st.size)]
    word, mark = tok.split(SUP)
    out = [(x, base, word, st.font, st.size)] if word else []
    xm = x + tlen(word, st.font, st.size)
    return [*out, (xm, base - st.size * 0.35, mark, st.font, st.size * 0.6)]


# --------------------------------------------------------------------------------------------
# The samples
# --------------------------------------------------------------------------------------------

# Words per line of the magazine page (/work/shared/seed/page23_interleaved.txt): the left
# column, then the right column (which starts under a picture).
SEED_LEFT = [5, 6, 3, 8, 8, 5, 8, 6, 8, 7, 7, 6, 5, 9, 7, 6, 6, 5, 8, 7, 7, 4, 5, 5, 8, 4, 7,
             7, 6, 7, 7, 6, 7, 6, 6, 6, 5, 6, 8, 8, 6, 7, 5, 6, 6, 6, 5, 5, 5, 6]
SEED_RIGHT = [9, 7, 5, 6, 6, 6, 6, 8, 5, 9, 9, 6, 8, 6, 7, 8, 9, 2]
SEED_RIGHT_STARTS_AT = 27  # the right column's first line sits level with left line 28


def seed_page23() -> Sheet:
    """Replica of a magazine page: two justified columns, the right one under a picture."""
    sh = Sheet("seed_page23", size=A4)
    source = (HERE / "seed_page23.source.txt").read_text(encoding="utf-8")
    paras = [p for p in source.split("\n\n") if p.strip()]
    counts = iter(SEED_LEFT + SEED_RIGHT)
    per_para = []
    for text in paras:
        n, mine = len(text.split()), []
        while n > 0:
            mine.append(next(counts))
            n -= mine[-1]
        assert n == 0, "the seed line breaks do not fall on paragraph ends"
        per_para.append(mine)
    lines = [ln for p, c in zip(paras, per_para) for ln in break_lines(Para(p, Style(), counts=c), 0)]
    widest = max(tlen(" ".join(ln), "tiro", 10) for ln in lines)
    size, gutter = 11.0, 22.0  # the column is as wide as the widest line of the original
    width = round(widest * size / 10 + 2, 2)
    left = round((A4[0] - 2 * width - gutter) / 2, 2)
    lead = round(size * 1.25, 2)
    st = Style("tiro", size, lead, gap=lead * 0.5)
    top = 92.0
    left_bottom = top + len(SEED_LEFT) * lead + 2 * st.gap + 1
    right_top = top + SEED_RIGHT_STARTS_AT * lead + st.gap
    x1 = left + width + gutter
    sh.rect(0, (x1, top, x1 + width, right_top - lead * 0.9), fill=0.72)
    flow = Flow(sh, [Frame(0, left, top, left + width, left_bottom),
                     Frame(0, x1, right_top, x1 + width, A4[1] - 60)])
    for text, c in zip(paras, per_para):
        flow.add(Para(text, st, counts=c))
    sh.right(0, x1 + width, 52, "P. 23", "helv", 8, color=0.25)
    sh.tracked(0, A4[0] / 2, A4[1] - 34, "www.divainternational.ch", "helv", 8, 0.5)
    sh.expected = [source]  # byte-identical to the source: see write()
    return sh


def two_col_equal() -> Sheet:
    sh = Sheet("two_col_equal")
    W, H = LETTER
    m, g = 77.0, 18.0  # this measure puts a compound break at a line end
    cw = (W - 2 * m - g) / 2
    sh.text(0, m, 42, "Proceedings of the Workshop on Quiet Infrastructure, 2024", "tiit", 8.5)
    sh.right(0, W - m, 42, "Reading order in printed timetables", "tiit", 8.5)
    sh.line(0, (m, 47), (W - m, 47), 0.4)
    sh.stamp(0, 30, 560, "arXiv:2405.01234v1  [cs.DL]  3 May 2024", 16, 0.55)
    head = Flow(sh, [Frame(0, m, 66, W - m, 130)])
    head.add(Para("How Passengers Read a Timetable: Grids, Rules and Footnotes",
                  Style("tibo", 15, 18, align="center")))
    head.add(Para("Ada Merriweather and Tomas Lindqvist, Institute for Printed Matter",
                  Style("tiro", 10.5, 13, gap=6, align="center"), body=False))
    absf = Flow(sh, [Frame(0, m + 36, 136, W - m - 36, 300)])
    absf.add(Para("Abstract", Style("tibo", 10, 12, align="center")))
    absf.add(Para(TWO_COL_ABSTRACT, Style("tiro", 9, 11, gap=3, hyphenate=True)))
    top = absf.y + 16
    body = Flow(sh, [Frame(0, m, top, m + cw, H - 72), Frame(0, m + cw + g, top, W - m, H - 72)])
    heading = Style("tibo", 10.5, 13, gap=8, align="left", keep=True)
    first = Style("tiro", 10, 12, hyphenate=True)
    para = Style("tiro", 10, 12, indent=12, hyphenate=True)
    for i, text in enumerate(TWO_COL_BODY):
        if text.startswith("#"):
            body.add(Para(text[1:].strip(), heading))
        else:
            body.add(Para(text, first if TWO_COL_BODY[i - 1].startswith("#") else para))
    sh.centered(0, W / 2, H - 40, "17", "tiro", 10)
    return sh


def three_col_rule() -> Sheet:
    sh = Sheet("three_col_rule")
    W, H = LETTER
    m, g = 40.0, 9.0
    cw = (W - 2 * m - 2 * g) / 3
    head = Flow(sh, [Frame(0, m, 48, W - m, 100)])
    head.add(Para("Notes from the Bakery and the Hive", Style("hebo", 20, 24, align="left")))
    sh.line(0, (m, head.y + 4), (W - m, head.y + 4), 1.2)
    top = head.y + 14
    st = Style("helv", 8.5, 10.5, gap=5, align="left")
    frames = [Frame(0, m + k * (cw + g), top, m + k * (cw + g) + cw, H - 50) for k in range(3)]
    body = Flow(sh, frames)
    for text in BREAD + BEES + GLACIER + TIMETABLE[:2]:
        body.add(Para(text, st))
    for k in (1, 2):
        x = m + k * (cw + g) - g / 2
        sh.line(0, (x, top), (x, H - 50), 0.5)
    return sh


def four_col() -> Sheet:
    sh = Sheet("four_col")
    W, H = LETTER
    m, g = 36.0, 12.0
    cw = (W - 2 * m - 3 * g) / 4
    head = Flow(sh, [Frame(0, m, 40, W - m, 130)])
    head.add(Para("Ice, Light and Silt: Three Slow Changes on the Northern Coast",
                  Style("tibo", 26, 29, align="left")))
    top = head.y + 18
    sh.line(0, (m, top - 9), (W - m, top - 9), 0.6)
    frames = [Frame(0, m + k * (cw + g), top, m + k * (cw + g) + cw, H - 48) for k in range(4)]
    body = Flow(sh, frames)
    st = Style("tiro", 9, 11, indent=9, hyphenate=True)
    for text in GLACIER + LIGHTHOUSE + HARBOUR + BEES:
        body.add(Para(text, st))
    return sh


def unequal_cols() -> Sheet:
    sh = Sheet("unequal_cols")
    W, H = LETTER
    m, g = 54.0, 20.0
    narrow = (W - 2 * m - g) / 3
    frames = [Frame(0, m, 70, m + narrow, H - 60), Frame(0, m + narrow + g, 70, W - m, H - 60)]
    body = Flow(sh, frames)
    body.add(Para("The Quay", Style("hebo", 13, 16, align="left", keep=True)))
    st = Style("tiro", 10.5, 13, indent=14)
    for text in HARBOUR + ARCHIVE + TIMETABLE[:2]:
        body.add(Para(text, st))
    sh.right(0, W - m, 40, "Coastal Towns \u2022 Spring Issue", "helv", 8)
    sh.centered(0, W / 2, H - 30, "42", "helv", 8)
    return sh


def balanced(paras: list[Para], cols, top: float, limit: float) -> float:
    """The lowest column bottom at which ``paras`` fit in the frames ``cols(top, bottom)``."""
    lo, hi = top, limit
    for _ in range(40):
        mid = (lo + hi) / 2
        try:
            flow = Flow(Sheet("scratch"), cols(top, mid))
            for p in paras:
                flow.add(p)
        except ValueError:
            lo = mid
        else:
            hi = mid
    return hi + 0.5


def spanning_figure() -> Sheet:
    sh = Sheet("spanning_figure")
    W, H = LETTER
    m, g = 54.0, 18.0
    cw = (W - 2 * m - g) / 2
    st = Style("tiro", 10, 12.2, indent=12)
    hst = Style("tibo", 10.5, 13, gap=6, align="left", keep=True)

    def cols(top, bottom):
        return [Frame(0, m, top, m + cw, bottom), Frame(0, m + cw + g, top, W - m, bottom)]

    upper_paras = [Para("1 Measuring moving ice", hst)] + [Para(t, st) for t in GLACIER[:4]]
    upper = Flow(sh, cols(56, balanced(upper_paras, cols, 56, H)))
    for p in upper_paras:
        upper.add(p)
    fig_top = upper.frames[0].bottom + 14
    sh.rect(0, (m, fig_top, W - m, fig_top + 130), fill=0.78)
    sh.rect(0, (m + 180, fig_top + 35, m + 330, fig_top + 95), fill=0.55)
    cap = Flow(sh, [Frame(0, m + 40, fig_top + 138, W - m - 40, fig_top + 180)])
    cap.add(Para("Figure 1: A line of stakes across the glacier tongue, surveyed in two "
                 "successive summers; the middle of the line has moved furthest.",
                 Style("helv", 8, 10, align="center"), body=False))
    sec = Flow(sh, [Frame(0, m, cap.y + 14, W - m, cap.y + 40)])
    sec.add(Para("2 What the record shows", Style("tibo", 12, 15, align="left")))
    lower_paras = [Para(t, st) for t in GLACIER[4:] + ARCHIVE]
    top = sec.y + 6
    lower = Flow(sh, cols(top, balanced(lower_paras, cols, top, H - 56)))
    for p in lower_paras:
        lower.add(p)
    sh.centered(0, W / 2, H - 30, "5", "tiro", 9)
    return sh


def sidebar_box() -> Sheet:
    sh = Sheet("sidebar_box")
    W, H = LETTER
    m, g = 54.0, 20.0
    cw = (W - 2 * m - g) / 2
    head = Flow(sh, [Frame(0, m, 50, W - m, 120)])
    head.add(Para("The Keeper\u2019s Logbook", Style("tibo", 22, 26, align="left")))
    top = head.y + 12
    side_st = Style("helv", 8.5, 10.5, gap=4, align="left")
    side_head = Style("hebo", 10, 12, align="left")
    pad = 8.0
    side = [Para("A keeper\u2019s week", side_head)] + [Para(t, side_st) for t in SIDEBAR]
    inner = cw - 2 * pad
    height = sum(len(break_lines(p, inner)) * p.style.leading + p.style.gap for p in side)
    box = (m + cw + g, top, W - m, top + height + 2 * pad + 2)
    sh.rect(0, box, fill=0.92, stroke=0.35, width=0.8)
    st = Style("tiro", 10, 12.5, indent=12)
    main = Flow(sh, [Frame(0, m, top, m + cw, H - 60),
                     Frame(0, box[0], box[3] + 14, W - m, H - 60)])
    for text in LIGHTHOUSE + HARBOUR + ARCHIVE[:2]:
        main.add(Para(text, st))
    box_flow = Flow(sh, [Frame(0, box[0] + pad, top + pad, box[2] - pad, box[3])])
    for p in side:
        box_flow.add(p)
    sh.centered(0, W / 2, H - 30, "8", "tiro", 9)
    return sh


def footnotes() -> Sheet:
    sh = Sheet("footnotes")
    W, H = LETTER
    m, g = 58.0, 18.0
    cw = (W - 2 * m - g) / 2
    fst = Style("helv", 7, 8.5, gap=2, align="left")
    notes = [Para(t, fst, body=False) for t in FOOTNOTES]
    fh = sum(len(break_lines(p, cw)) * fst.leading + fst.gap for p in notes)
    bottom = H - 56
    rule_y = bottom - fh - 6
    st = Style("tiro", 10, 12, indent=12)
    body = Flow(sh, [Frame(0, m, 60, m + cw, rule_y - 6), Frame(0, m + cw + g, 60, W - m, bottom)])
    for text in FOOTNOTE_BODY[:3] + TIMETABLE[1:3] + FOOTNOTE_BODY[3:] + ARCHIVE:
        body.add(Para(text, st))
    sh.line(0, (m, rule_y), (m + 60, rule_y), 0.5)
    fn = Flow(sh, [Frame(0, m, rule_y + 4, m + cw, bottom + 2)])
    for p in notes:
        fn.add(p)
    sh.centered(0, W / 2, H - 30, "9", "tiro", 9)
    return sh


def multipage_running() -> Sheet:
    sh = Sheet("multipage_running", pages=3)
    W, H = LETTER
    m = 72.0
    for page in range(3):
        number = 11 + page
        if number % 2:  # odd page: article title on the right
            sh.right(page, W - m, 46, "The Quiet Work of Keeping Time", "tiit", 9)
            sh.right(page, W - m, H - 40, f"{number}", "tiro", 9)
        else:  # even page: journal name and number on the left
            sh.text(page, m, 46, f"Journal of Things  {number}", "tiit", 9)
            sh.text(page, m, H - 40, f"{number}", "tiro", 9)
        sh.line(page, (m, 52), (W - m, 52), 0.4)
    title = Flow(sh, [Frame(0, m, 80, W - m, 140)])
    title.add(Para("The Quiet Work of Keeping Time", Style("tibo", 20, 24, align="center")))
    frames = [Frame(0, m + 18, title.y + 18, W - m - 18, H - 70)]
    frames += [Frame(p, m + 18, 72, W - m - 18, H - 70) for p in (1, 2)]
    body = Flow(sh, frames)
    st = Style("tiro", 12, 16, indent=20)
    for text in TIMETABLE + LIGHTHOUSE + ARCHIVE + BEES + HARBOUR + BREAD + GLACIER[:2]:
        body.add(Para(text, st))
    return sh


def single_col() -> Sheet:
    sh = Sheet("single_col")
    W, H = LETTER
    m = 72.0
    flow = Flow(sh, [Frame(0, m, 64, W - m, H - 60)])
    h1 = Style("hebo", 16, 20, align="left")
    h2 = Style("hebo", 11.5, 14, gap=12, align="left", keep=True)
    st = Style("helv", 10, 13, gap=6, align="left")
    item = Style("helv", 10, 13, gap=3, align="left", bullet="\u2022", hang=14)
    for kind, text in SINGLE_COL:
        flow.add(Para(text, {"h1": h1, "h2": h2, "p": st, "li": item}[kind]))
    sh.right(0, W - m, 40, "Community Bakery Project", "helv", 8, color=0.4)
    sh.centered(0, W / 2, H - 36, "Page 3", "helv", 8, color=0.4)
    return sh


def line_numbered() -> Sheet:
    """A review copy: two columns, every line numbered in small type in the margin beside it,
    the numbers running on from the left column to the right (as line-numbering packages do)."""
    sh = Sheet("line_numbered")
    W, H = LETTER
    m, g = 72.0, 24.0
    cw = (W - 2 * m - g) / 2
    head = Flow(sh, [Frame(0, m, 60, W - m, 110)])
    head.add(Para("Keeping Bread: A Reviewer's Copy", Style("tibo", 15, 18, align="center")))
    st = Style("tiro", 10, 12, indent=12, hyphenate=True)
    body = Flow(sh, [Frame(0, m, head.y + 14, m + cw, H - 72),
                     Frame(0, m + cw + g, head.y + 14, W - m, H - 72)])
    for text in BREAD + HARBOUR + GLACIER[:2]:
        body.add(Para(text, st))
    for n, ln in enumerate(sh.lines[1:], start=1):  # the title is not numbered
        _, x0, _ = ln.column
        sh.right(0, x0 - 5, ln.baseline, str(n), "helv", 6, color=0.4)
    sh.centered(0, W / 2, H - 40, "4", "tiro", 9)
    return sh


SAMPLES = [seed_page23, two_col_equal, three_col_rule, four_col, unequal_cols, spanning_figure,
           sidebar_box, footnotes, multipage_running, single_col, line_numbered]


# --------------------------------------------------------------------------------------------
# Writing and checking
# --------------------------------------------------------------------------------------------


def write(sh: Sheet) -> None:
    doc = sh.build()
    (HERE / f"{sh.name}.pdf").write_bytes(doc.tobytes(garbage=3, deflate=True, no_new_id=True))
    text = sh.expected[0] if sh.name == "seed_page23" else "\n\n".join(sh.expected) + "\n"
    (HERE / f"{sh.name}.expected.txt").write_text(text, encoding="utf-8", newline="\n")


def check(sh: Sheet) -> list[str]:
    """Read the PDF back: every drawn word is on its page, the drawn body lines rejoined give
    the expected text, and the content stream does not follow the reading order."""
    problems = []
    doc = pymupdf.open(HERE / f"{sh.name}.pdf")
    for page in range(sh.npages):
        have = Counter(w[4] for w in doc[page].get_text("words"))
        want = Counter(_shown(t) for ln in sh.lines if ln.page == page for t in ln.tokens)
        missing = want - have
        if missing:
            problems.append(f"page {page}: missing words {sorted(missing)[:8]}")
    expected = (HERE / f"{sh.name}.expected.txt").read_text(encoding="utf-8")
    if rejoin(sh) + "\n" != expected:
        problems.append("the drawn body lines do not rejoin to the expected text")
    stream = [w[4] for w in doc[0].get_text("words", sort=False)]
    if stream[:12] == expected.split()[:12]:
        problems.append("stream order equals reading order at the start")
    need = REQUIRED.get(sh.name, (0, 0, 0, 0))
    if any(h < n for h, n in zip(counts(sh), need)):
        problems.append(f"layout lacks what the sample is for: {counts(sh)} < {need}")
    return problems


def _shown(tok: str) -> str:
    return tok[:-1] + "-" if tok.endswith(SHY) else tok


def rejoin(sh: Sheet) -> str:
    """The body paragraphs rebuilt from the drawn lines, undoing the line-end hyphenation."""
    paras: dict[int, str] = {}
    for ln in sh.lines:
        if not ln.body:
            continue
        prev = paras.get(ln.para, "")
        glue = "" if not prev or prev.endswith((SHY, "-")) else " "
        paras[ln.para] = prev + glue + " ".join(ln.tokens)
    out = [paras[k].replace(SHY, "") for k in sorted(paras)]
    bullets = [p for p in sh.expected if p.startswith("\u2022 ")]
    out = [("\u2022 " + t if "\u2022 " + t in bullets else t) for t in out]
    return "\n\n".join(out)


#: what a sample must show for its test to mean anything: (soft, compound, column, page)
REQUIRED = {
    "seed_page23": (0, 0, 1, 0),
    "two_col_equal": (1, 1, 1, 0),
    "three_col_rule": (0, 0, 1, 0),
    "four_col": (1, 0, 1, 0),
    "unequal_cols": (0, 0, 1, 0),
    "spanning_figure": (0, 0, 2, 0),
    "sidebar_box": (0, 0, 1, 0),
    "footnotes": (0, 0, 1, 0),
    "multipage_running": (0, 0, 1, 1),
    "line_numbered": (1, 0, 1, 0),
}


def counts(sh: Sheet) -> tuple[int, int, int, int]:
    """Line-end soft hyphens, compound hyphens, paragraphs crossing a column, a page."""
    body = [ln for ln in sh.lines if ln.body]
    soft = sum(1 for ln in body if ln.tokens[-1].endswith(SHY))
    compound = sum(1 for ln in body if ln.tokens[-1].endswith("-"))
    cols = sum(1 for a, b in zip(body, body[1:]) if a.para == b.para and a.column != b.column)
    pages = sum(1 for a, b in zip(body, body[1:]) if a.para == b.para and a.page != b.page)
    return soft, compound, cols, pages


def facts(sh: Sheet) -> str:
    body = [ln for ln in sh.lines if ln.body]
    soft, compound, cols, pages = counts(sh)
    return (f"{len(sh.expected)} paragraphs, {len(body)} body lines, {soft} soft + "
            f"{compound} compound line-end hyphens, {cols} paragraphs cross a column "
            f"({pages} a page)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the written PDFs' text")
    ap.add_argument("names", nargs="*", help="only these samples")
    args = ap.parse_args()
    bad = 0
    for make in SAMPLES:
        if args.names and make.__name__ not in args.names:
            continue
        sh = make()
        write(sh)
        line = f"{sh.name:18} {facts(sh)}"
        if args.check:
            problems = check(sh)
            bad += bool(problems)
            line += "  OK" if not problems else "\n    " + "\n    ".join(problems)
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

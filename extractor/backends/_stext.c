/*
 * extractor.backends._stext: one pass over MuPDF's structured text page, giving what the
 * mupdf backend needs and nothing else.
 *
 * Why: PyMuPDF offers the words (extractWORDS) and the fonts (extractDICT) as two separate
 * walks over the page, the second building a Python dictionary for every span of every line
 * (a dozen keys each), of which the backend reads four values. On a typical page building and
 * freeing those dictionaries cost more than all of the layout analysis. This walk reads the
 * same C structures PyMuPDF reads, with the same rules (PyMuPDF 2.0, src/extra.i, with its
 * quad corrections off as the backend always asks), and returns
 *
 *   words:   (x0, y0, x1, y1, text, block, line, word) as extractWORDS gives them;
 *   lines:   (block, line, dir_x, dir_y, runs, x0, y0, x1, y1, words) for each line that
 *            extractDICT would list, where runs are the line's spans merged while font, flags,
 *            size and baseline stay the same: (right edge, font, flags, size, baseline), and
 *            words counts the blank-separated pieces of its spans' text;
 *   vectors: (x0, y0, x1, y1, is_rectangle, stroked) of the vector blocks.
 *
 * It reads MuPDF's structures as laid out in the headers of the MuPDF it was compiled against
 * (MUPDF_VERSION); the backend uses it only when PyMuPDF runs that same MuPDF, and falls back
 * to extractWORDS and extractDICT otherwise. Pure Python gives the same result (tests compare
 * the two on every sample and corpus page).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#include "mupdf/fitz.h"

/* PyMuPDF's span flags (TEXT_FONT_*). */
#define FLAG_SUPERSCRIPT 1
#define FLAG_ITALIC 2
#define FLAG_SERIFED 4
#define FLAG_MONOSPACED 8
#define FLAG_BOLD 16

static int rects_overlap(fz_rect a, fz_rect b)
{
    return !(a.x0 >= b.x1 || a.y0 >= b.y1 || a.x1 <= b.x0 || a.y1 <= b.y0);
}

/* A character's box: its quad's bounding box; in vertical writing at least one size tall. */
static fz_rect char_bbox(const fz_stext_line *line, const fz_stext_char *ch)
{
    fz_rect r = fz_rect_from_quad(ch->quad);
    if (line->wmode && r.y1 < r.y0 + ch->size)
        r.y0 = r.y1 - ch->size;
    return r;
}

static int kept(fz_rect clip, int infinite, fz_rect r)
{
    return infinite || rects_overlap(clip, r);
}

/* The font's name without a subset prefix ("ABCDEF+Times" -> "Times"). */
static const char *font_name(const fz_font *font)
{
    const char *name = font ? font->name : "";
    const char *plus = strchr(name, '+');
    return (plus && plus - name == 6) ? plus + 1 : name;
}

static int font_flags(const fz_stext_line *line, const fz_stext_char *ch)
{
    int flags = 0;
    const fz_font *font = ch->font;
    if (line->wmode == 0 && line->dir.x == 1 && line->dir.y == 0)
        flags = ch->origin.y < line->first_char->origin.y - ch->size * 0.1f;
    if (font) {
        flags += font->flags.is_italic ? FLAG_ITALIC : 0;
        flags += font->flags.is_serif ? FLAG_SERIFED : 0;
        flags += font->flags.is_mono ? FLAG_MONOSPACED : 0;
        flags += font->flags.is_bold ? FLAG_BOLD : 0;
    }
    return flags;
}

/* The character as PyMuPDF decodes it: lone surrogates and impossible values become U+FFFD. */
static Py_UCS4 rune(int c)
{
    if (c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0xfffd;
    return (Py_UCS4)c;
}

static int is_delimiter(int c)
{
    return c <= 32 || c == 160 || (c >= 0x202a && c <= 0x202e);
}

static int is_rtl(int c)
{
    return c >= 0x590 && c <= 0x900;
}

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t len, cap;
} runebuf;

static int buf_push(runebuf *b, Py_UCS4 c)
{
    if (b->len == b->cap) {
        Py_ssize_t cap = b->cap ? 2 * b->cap : 64;
        Py_UCS4 *data = PyMem_Realloc(b->data, cap * sizeof(Py_UCS4));
        if (!data) {
            PyErr_NoMemory();
            return -1;
        }
        b->data = data;
        b->cap = cap;
    }
    b->data[b->len++] = c;
    return 0;
}

/* Append a new reference to a list, dropping it (NULL: an error is already set). */
static int append_drop(PyObject *list, PyObject *item)
{
    int rc;
    if (!item)
        return -1;
    rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc;
}

static int add_word(PyObject *words, runebuf *buf, fz_rect *box, int block_n, int line_n, int *word_n)
{
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf->data, buf->len);
    PyObject *item;
    if (!text)
        return -1;
    item = Py_BuildValue("(ddddNiii)", (double)box->x0, (double)box->y0, (double)box->x1,
                         (double)box->y1, text, block_n, line_n, *word_n);
    *box = fz_empty_rect;
    *word_n += 1;
    return append_drop(words, item);
}

/* The line's words, split as extractWORDS splits them. */
static int line_words(PyObject *words, runebuf *buf, const fz_stext_line *line, fz_rect clip,
                      int infinite, int block_n, int line_n)
{
    const fz_stext_char *ch;
    fz_rect box = fz_empty_rect;
    int word_n = 0, last_rtl = 0;
    buf->len = 0;
    for (ch = line->first_char; ch; ch = ch->next) {
        fz_rect r = char_bbox(line, ch);
        int delimiter, rtl;
        if (!kept(clip, infinite, r))
            continue;
        if (buf->len == 0 && ch->c == 0x200d)
            continue; /* a zero width joiner does not start a word */
        delimiter = is_delimiter(ch->c);
        rtl = is_rtl(ch->c);
        if (delimiter || rtl != last_rtl) {
            if (buf->len == 0 && delimiter)
                continue;
            if (!fz_is_empty_rect(box) && add_word(words, buf, &box, block_n, line_n, &word_n) < 0)
                return -1;
            buf->len = 0;
            if (delimiter)
                continue;
        }
        if (buf_push(buf, rune(ch->c)) < 0)
            return -1;
        last_rtl = rtl;
        box = fz_union_rect(box, r);
    }
    if (buf->len && !fz_is_empty_rect(box) && add_word(words, buf, &box, block_n, line_n, &word_n) < 0)
        return -1;
    buf->len = 0;
    return 0;
}

/* One span as extractDICT makes it: a run of characters of one style. */
typedef struct {
    float size;
    int flags;
    unsigned char_flags;
    uint32_t argb;
    const char *font;
    fz_point origin;
    fz_rect rect;
    long pieces; /* blank-separated pieces of its text */
    int in_piece;
} span_t;

/* The line's runs, and its box and word count, as extractDICT and the backend see them:
 * spans merged while font, flags, size and baseline stay the same. */
typedef struct {
    PyObject *runs;
    const char *font; /* the current run's */
    int flags;
    float size, baseline;
    double right;
    int open;
    fz_rect line_rect;
    long pieces;
} runs_t;

static int flush_run(runs_t *rs)
{
    PyObject *font;
    if (!rs->open)
        return 0;
    font = PyUnicode_DecodeRawUnicodeEscape(rs->font, (Py_ssize_t)strlen(rs->font), "replace");
    if (!font) {
        PyErr_Clear();
        font = PyUnicode_FromString("");
        if (!font)
            return -1;
    }
    rs->open = 0;
    return append_drop(rs->runs, Py_BuildValue("(dNidd)", rs->right, font, rs->flags,
                                               (double)rs->size, (double)rs->baseline));
}

/* A finished span joins the line (as extractDICT lists it) and its run. */
static int add_span(runs_t *rs, const span_t *sp)
{
    rs->line_rect = fz_union_rect(rs->line_rect, sp->rect);
    rs->pieces += sp->pieces;
    if (rs->open && strcmp(sp->font, rs->font) == 0 && sp->flags == rs->flags
        && sp->size == rs->size && sp->origin.y == rs->baseline) {
        rs->right = sp->rect.x1;
        return 0;
    }
    if (flush_run(rs) < 0)
        return -1;
    rs->font = sp->font;
    rs->flags = sp->flags;
    rs->size = sp->size;
    rs->baseline = sp->origin.y;
    rs->right = sp->rect.x1;
    rs->open = 1;
    return 0;
}

static PyObject *line_runs(const fz_stext_line *line, fz_rect clip, int infinite, fz_rect *line_rect,
                           long *pieces)
{
    const fz_stext_char *ch;
    span_t sp;
    int have = 0;
    runs_t rs;
    memset(&rs, 0, sizeof rs);
    memset(&sp, 0, sizeof sp);
    rs.runs = PyList_New(0);
    rs.line_rect = fz_empty_rect;
    if (!rs.runs)
        return NULL;
    for (ch = line->first_char; ch; ch = ch->next) {
        fz_rect r = char_bbox(line, ch);
        int flags;
        unsigned char_flags;
        const char *font;
        Py_UCS4 c;
        if (!kept(clip, infinite, r))
            continue;
        flags = font_flags(line, ch);
        char_flags = ch->flags & ~FZ_STEXT_SYNTHETIC;
        font = font_name(ch->font);
        if (!have || ch->size != sp.size || flags != sp.flags || char_flags != sp.char_flags
            || ch->argb != sp.argb || strcmp(font, sp.font) != 0) {
            if (have && add_span(&rs, &sp) < 0)
                goto fail;
            sp.size = ch->size;
            sp.flags = flags;
            sp.char_flags = char_flags;
            sp.argb = ch->argb;
            sp.font = font;
            sp.origin = ch->origin;
            sp.rect = r;
            sp.pieces = 0;
            sp.in_piece = 0;
            have = 1;
        }
        sp.rect = fz_union_rect(sp.rect, r);
        c = rune(ch->c);
        if (Py_UNICODE_ISSPACE(c)) {
            sp.in_piece = 0;
        } else if (!sp.in_piece) {
            sp.in_piece = 1;
            sp.pieces += 1;
        }
    }
    /* The last span is listed only if its box is not empty (as extractDICT does). */
    if (have && !fz_is_empty_rect(sp.rect) && add_span(&rs, &sp) < 0)
        goto fail;
    if (flush_run(&rs) < 0)
        goto fail;
    *line_rect = rs.line_rect;
    *pieces = rs.pieces;
    return rs.runs;
fail:
    Py_DECREF(rs.runs);
    return NULL;
}

typedef struct {
    PyObject *words, *lines, *vectors;
    runebuf buf;
    fz_rect clip;
    int infinite;
    int block_n;
} walk_t;

static int walk_text_block(walk_t *w, const fz_stext_block *block)
{
    const fz_stext_line *line;
    int line_n = -1;
    /* extractDICT leaves out blocks and lines outside the page; extractWORDS skips their
     * characters one by one. A word only counts with its line's fonts, so both go together. */
    int listed = w->infinite || rects_overlap(w->clip, block->bbox);
    w->block_n += 1;
    for (line = block->u.t.first_line; line; line = line->next) {
        fz_rect inter, line_rect;
        long pieces = 0;
        PyObject *runs;
        line_n += 1;
        if (!listed)
            continue;
        inter = fz_intersect_rect(w->clip, line->bbox);
        if (fz_is_empty_rect(inter) && !w->infinite)
            continue;
        runs = line_runs(line, w->clip, w->infinite, &line_rect, &pieces);
        if (!runs)
            return -1;
        if (PyList_GET_SIZE(runs) == 0) {
            Py_DECREF(runs);
            continue;
        }
        if (append_drop(w->lines, Py_BuildValue("(iiddNddddl)", w->block_n, line_n,
                                                (double)line->dir.x, (double)line->dir.y, runs,
                                                (double)line_rect.x0, (double)line_rect.y0,
                                                (double)line_rect.x1, (double)line_rect.y1,
                                                pieces)) < 0)
            return -1;
        if (line_words(w->words, &w->buf, line, w->clip, w->infinite, w->block_n, line_n) < 0)
            return -1;
    }
    return 0;
}

static int walk_blocks(walk_t *w, const fz_stext_block *block)
{
    for (; block; block = block->next) {
        switch (block->type) {
        case FZ_STEXT_BLOCK_TEXT:
            if (walk_text_block(w, block) < 0)
                return -1;
            break;
        case FZ_STEXT_BLOCK_STRUCT:
            if (block->u.s.down && walk_blocks(w, block->u.s.down->first_block) < 0)
                return -1;
            break;
        case FZ_STEXT_BLOCK_VECTOR:
            if (w->infinite || rects_overlap(w->clip, block->bbox)) {
                fz_rect b = block->bbox;
                if (append_drop(w->vectors,
                                Py_BuildValue("(ddddNN)", (double)b.x0, (double)b.y0, (double)b.x1,
                                              (double)b.y1,
                                              PyBool_FromLong(block->u.v.flags & FZ_STEXT_VECTOR_IS_RECTANGLE),
                                              PyBool_FromLong(block->u.v.flags & FZ_STEXT_VECTOR_IS_STROKED)))
                    < 0)
                    return -1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

static PyObject *page_data(PyObject *self, PyObject *arg)
{
    const fz_stext_page *page = (const fz_stext_page *)PyLong_AsVoidPtr(arg);
    walk_t w;
    PyObject *out = NULL;
    (void)self;
    if (!page) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "null text page");
        return NULL;
    }
    memset(&w, 0, sizeof w);
    w.clip = page->mediabox;
    w.infinite = fz_is_infinite_rect(w.clip);
    w.block_n = -1;
    w.words = PyList_New(0);
    w.lines = PyList_New(0);
    w.vectors = PyList_New(0);
    if (w.words && w.lines && w.vectors && walk_blocks(&w, page->first_block) == 0)
        out = PyTuple_Pack(3, w.words, w.lines, w.vectors);
    Py_XDECREF(w.words);
    Py_XDECREF(w.lines);
    Py_XDECREF(w.vectors);
    PyMem_Free(w.buf.data);
    return out;
}

static PyMethodDef methods[] = {
    {"page_data", page_data, METH_O,
     "page_data(address) -> (words, lines, vectors) of the fz_stext_page at that address."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_stext", "One pass over a MuPDF structured text page.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__stext(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "MUPDF_VERSION", FZ_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

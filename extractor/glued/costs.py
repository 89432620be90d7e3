"""costs: the prices of the split search, in rough units of negative log-odds.

Kept in one place because emissions (split) and joins between rows (joins) are traded against
each other: a price only means something next to the others.
"""

TOL = 0.01  # a part may exceed its column by this fraction before it costs (font mismatch)
SIG = 0.02  # ... and then costs ((excess - TOL) / SIG) ** 2
OVER_CAP = 6.0  # splits costing more than this are not considered
D0 = 0.015  # a line this much short of full (after the next word) is still full: font noise
DSPAN = 0.08  # ... and costs its full paragraph-end price this much further on
GAP_CREDIT = 0.5  # share of the page's gap_bias credited to a gap between two paragraphs
D_GAPPED = 0.04  # a line this much short ends a paragraph for sure (style.gap_bias)
C_SINGLE = 0.6  # a row holding one part only
C_MIDHYPH = 3.0  # a line-end hyphen that the split leaves inside a column line
PE_SENT = 0.8  # paragraph end after a full stop before a capital
PE_SOFT = 2.0  # after a full stop, or before a capital
PE_NONE = 4.0  # mid-sentence
PE_HYPH = 8.0  # after a hyphen
PE_HEAD = 0.3  # after a heading (rows.is_heading)
PE_GAP = 2.0  # a short line before a gap in its column without a full stop
PE_GAP_DANGLE = 4.0  # ... ending in "the", "of", "and"
C_HEAD = 1.0  # prior price of reading a heading-like line as a heading
C_HEAD_SPLIT = 1.0  # a whole heading-like row split into two parts
C_GAP_LOWER = 3.0  # a full stop, a gap in the column, then a small letter
C_CAP = 0.3  # capital after no full stop (names make this weak)
C_CAP_COMMON = 1.5  # ... unless the word is a common one ("The", "During"): no name
C_REPEAT = 1.5  # the same word twice across a line join ("itself to" + "to combating")
C_BADJOIN = 1.5  # "head-" + next word is no word
C_HYPH_WORD = 2.0  # credit: "head-" + next word is one known word ("State-" + "ment")
C_START = 1.5  # a column resumes after a row without it (a gap, a lower start)
C_STOP = 1.0  # a column stops (for a gap or for good) after a line without a full stop
C_STOP_HYPH = 4.0  # ... after a line-end hyphen
C_STOP_DANGLE = 3.0  # ... after "the", "of", "and"
CASE_W = 1.0  # weight of the page's own casing evidence (casing.case_table) on a join
C_LABEL_END = 2.0  # a column line that ends on a bare item number ("... types. 4.")
C_CAPTION = 2.0  # a caption opener ("Figure 2:") left inside a column line
C_CAPTION_GAP = 2.5  # a caption line right under a line of its own column (no figure above it)
CAPTION_SCALE = 1.25  # a caption's first line may be this much wider than the column's text
LAMBDA = 0.5  # weight of word-pair attraction (PMI) across joins and splits


"""Deterministic English prose generator: topic lexicons + sentence templates.

Every sentence is unique within a run (tracked in USED), paragraphs are 40-120 words.
"""

VERBS = [  # base, past, past participle, -ing, 3rd person present
    ("replace", "replaced", "replaced", "replacing", "replaces"),
    ("reshape", "reshaped", "reshaped", "reshaping", "reshapes"),
    ("measure", "measured", "measured", "measuring", "measures"),
    ("document", "documented", "documented", "documenting", "documents"),
    ("protect", "protected", "protected", "protecting", "protects"),
    ("reduce", "reduced", "reduced", "reducing", "reduces"),
    ("support", "supported", "supported", "supporting", "supports"),
    ("transform", "transformed", "transformed", "transforming", "transforms"),
    ("test", "tested", "tested", "testing", "tests"),
    ("survey", "surveyed", "surveyed", "surveying", "surveys"),
    ("restore", "restored", "restored", "restoring", "restores"),
    ("organize", "organized", "organized", "organizing", "organizes"),
    ("catalogue", "catalogued", "catalogued", "cataloguing", "catalogues"),
    ("improve", "improved", "improved", "improving", "improves"),
    ("finance", "financed", "financed", "financing", "finances"),
    ("monitor", "monitored", "monitored", "monitoring", "monitors"),
    ("simplify", "simplified", "simplified", "simplifying", "simplifies"),
    ("challenge", "challenged", "challenged", "challenging", "challenges"),
    ("expand", "expanded", "expanded", "expanding", "expands"),
    ("preserve", "preserved", "preserved", "preserving", "preserves"),
    ("redesign", "redesigned", "redesigned", "redesigning", "redesigns"),
    ("rebuild", "rebuilt", "rebuilt", "rebuilding", "rebuilds"),
    ("undermine", "undermined", "undermined", "undermining", "undermines"),
    ("shelter", "sheltered", "sheltered", "sheltering", "shelters"),
    ("inspect", "inspected", "inspected", "inspecting", "inspects"),
    ("overhaul", "overhauled", "overhauled", "overhauling", "overhauls"),
    ("map", "mapped", "mapped", "mapping", "maps"),
    ("fund", "funded", "funded", "funding", "funds"),
    ("question", "questioned", "questioned", "questioning", "questions"),
    ("stabilize", "stabilized", "stabilized", "stabilizing", "stabilizes"),
]

ADJ = [
    "modest",
    "ambitious",
    "fragile",
    "remarkable",
    "uneven",
    "durable",
    "careful",
    "long-term",
    "small-scale",
    "well-funded",
    "overlooked",
    "crowded",
    "quiet",
    "experimental",
    "familiar",
    "costly",
    "reliable",
    "temporary",
    "coherent",
    "stubborn",
    "generous",
    "curious",
    "practical",
    "ancient",
    "rapid",
    "patient",
    "ordinary",
    "surprising",
    "deliberate",
    "local",
    "seasonal",
    "visible",
]
ADV = [
    "quickly",
    "slowly",
    "quietly",
    "deliberately",
    "steadily",
    "unexpectedly",
    "gradually",
    "carefully",
    "reluctantly",
    "consistently",
    "partly",
    "largely",
]
CONN = [
    "In practice",
    "For this reason",
    "At first",
    "Over the following decade",
    "Even so",
    "By contrast",
    "In the end",
    "Within a few seasons",
    "Meanwhile",
    "Not surprisingly",
    "Later that year",
    "On closer inspection",
    "Eventually",
]
MONTHS = ["January", "March", "April", "June", "August", "September", "October", "November"]
NUMW = ["two", "three", "four", "five", "six", "seven", "nine", "eleven", "twelve"]
PEOPLE = [
    "Margaret Ellison",
    "Tomas Reyes",
    "Amina Okafor",
    "David Lindqvist",
    "Priya Raman",
    "Helen Castellano",
    "Jonas Weber",
    "Sofia Marchetti",
    "Kwame Mensah",
    "Laura Brennan",
    "Yuki Tanaka",
    "Omar Haddad",
]

TOPICS = {
    "coast": dict(
        n=[
            "salt marsh",
            "estuary",
            "tidal channel",
            "dune system",
            "seagrass meadow",
            "breakwater",
            "mudflat",
            "oyster reef",
            "shoreline",
            "lagoon",
        ],
        np=[
            "wading birds",
            "sediment samples",
            "tidal gauges",
            "oyster beds",
            "nesting sites",
            "storm surges",
            "marsh grasses",
            "fishing boats",
            "survey transects",
            "eel traps",
        ],
        agents=[
            "ecologists",
            "fishermen",
            "volunteers",
            "park rangers",
            "hydrologists",
            "local councils",
            "students",
        ],
        place=[
            "the northern bay",
            "Harwick Sound",
            "the old harbour",
            "the river mouth",
            "the southern spit",
            "Cullen Point",
        ],
    ),
    "transit": dict(
        n=[
            "tram line",
            "bus corridor",
            "timetable",
            "interchange",
            "ticketing system",
            "depot",
            "cycle lane",
            "ring road",
            "signalling network",
            "ferry route",
        ],
        np=[
            "commuters",
            "bus stops",
            "platforms",
            "fare zones",
            "delivery vans",
            "traffic lights",
            "rail sidings",
            "passenger counts",
            "parking spaces",
            "night services",
        ],
        agents=[
            "planners",
            "commuters",
            "drivers",
            "engineers",
            "city officials",
            "shop owners",
            "residents",
        ],
        place=[
            "the eastern suburbs",
            "the city centre",
            "Marlow Street",
            "the old rail yards",
            "the university district",
            "Northgate",
        ],
    ),
    "bread": dict(
        n=[
            "sourdough starter",
            "bakery",
            "wood-fired oven",
            "mill",
            "rye loaf",
            "proofing room",
            "recipe",
            "grain harvest",
            "kneading trough",
            "bread market",
        ],
        np=[
            "loaves",
            "flour sacks",
            "apprentices",
            "wheat varieties",
            "baking trays",
            "customers",
            "yeast cultures",
            "delivery rounds",
            "recipes",
            "grain stores",
        ],
        agents=[
            "bakers",
            "millers",
            "farmers",
            "apprentices",
            "food historians",
            "guild members",
            "customers",
        ],
        place=[
            "the market square",
            "the valley farms",
            "Bremen",
            "the village of Ashby",
            "the harbour quarter",
            "the old guild hall",
        ],
    ),
    "trade": dict(
        n=[
            "trade route",
            "caravan",
            "customs house",
            "merchant guild",
            "ledger",
            "warehouse",
            "toll bridge",
            "spice market",
            "shipping contract",
            "coin mint",
        ],
        np=[
            "bales of wool",
            "silver coins",
            "pack animals",
            "cargo ships",
            "tax records",
            "letters of credit",
            "bolts of silk",
            "barrels of salt",
            "trading posts",
            "contracts",
        ],
        agents=[
            "merchants",
            "customs officers",
            "scribes",
            "bankers",
            "ship owners",
            "town councils",
            "historians",
        ],
        place=[
            "Bruges",
            "the Baltic ports",
            "Genoa",
            "the Rhine valley",
            "Novgorod",
            "the Hanseatic towns",
        ],
    ),
    "software": dict(
        n=[
            "release process",
            "test suite",
            "build server",
            "deployment pipeline",
            "incident review",
            "database migration",
            "code review",
            "monitoring dashboard",
            "service",
            "configuration file",
        ],
        np=[
            "regressions",
            "error reports",
            "unit tests",
            "alerts",
            "pull requests",
            "log files",
            "dependencies",
            "outages",
            "feature flags",
            "rollbacks",
        ],
        agents=[
            "engineers",
            "operators",
            "maintainers",
            "reviewers",
            "product teams",
            "support staff",
            "contributors",
        ],
        place=[
            "the payments team",
            "the data centre",
            "the mobile group",
            "the infrastructure team",
            "the Berlin office",
            "the open source project",
        ],
    ),
    "astro": dict(
        n=[
            "telescope",
            "observatory",
            "star catalogue",
            "survey camera",
            "comet",
            "spectrograph",
            "radio dish",
            "light curve",
            "eclipse expedition",
            "sky chart",
        ],
        np=[
            "variable stars",
            "photographic plates",
            "meteor showers",
            "faint galaxies",
            "night logs",
            "clear nights",
            "lens elements",
            "star positions",
            "asteroids",
            "calibration frames",
        ],
        agents=[
            "astronomers",
            "amateur observers",
            "technicians",
            "students",
            "plate readers",
            "instrument builders",
            "archivists",
        ],
        place=[
            "the mountain site",
            "the desert plateau",
            "Greenwich",
            "the southern station",
            "the university roof",
            "La Silla",
        ],
    ),
    "health": dict(
        n=[
            "vaccination campaign",
            "clinic",
            "district hospital",
            "screening programme",
            "water supply",
            "health survey",
            "maternity ward",
            "nursing school",
            "referral system",
            "mobile unit",
        ],
        np=[
            "patients",
            "midwives",
            "clinic visits",
            "blood samples",
            "hospital beds",
            "health workers",
            "case reports",
            "vaccine doses",
            "waiting lists",
            "home visits",
        ],
        agents=[
            "nurses",
            "doctors",
            "health workers",
            "district officials",
            "epidemiologists",
            "families",
            "volunteers",
        ],
        place=[
            "the rural districts",
            "the northern province",
            "the county hospital",
            "the river villages",
            "the capital",
            "the hill towns",
        ],
    ),
    "music": dict(
        n=[
            "school orchestra",
            "choir",
            "music curriculum",
            "rehearsal schedule",
            "practice room",
            "brass band",
            "concert season",
            "piano programme",
            "singing class",
            "instrument library",
        ],
        np=[
            "violins",
            "lessons",
            "concerts",
            "young players",
            "sheet music",
            "rehearsals",
            "music teachers",
            "audiences",
            "scholarships",
            "recitals",
        ],
        agents=[
            "teachers",
            "parents",
            "pupils",
            "conductors",
            "school boards",
            "musicians",
            "volunteers",
        ],
        place=[
            "the primary schools",
            "the town hall",
            "the conservatory",
            "the western suburbs",
            "the county",
            "the old chapel",
        ],
    ),
}

USED = set()


def _sentence(r, lex):
    v = r.choice(VERBS)
    v2 = r.choice(VERBS)
    while v2 == v:
        v2 = r.choice(VERBS)
    n, n2 = r.sample(lex["n"], 2)
    np_, np2 = r.sample(lex["np"], 2)
    ag = r.choice(lex["agents"])
    pl = r.choice(lex["place"])
    a1, a2, a3 = r.sample(ADJ, 3)
    adv, adv2 = r.sample(ADV, 2)
    person = r.choice(PEOPLE)
    num = r.choice(["40", "120", "300", "650", "1,200", "2,400", "5,000", "18,000"])
    year = str(r.randint(1870, 2021))
    dur = r.choice(
        [
            "two years",
            "a decade",
            "several months",
            "three seasons",
            "almost a century",
            "six weeks",
            "a generation",
        ]
    )
    pct = str(r.randint(12, 88))
    T = [
        f"The {a1} {n} in {pl} {v[1]} the {np_} that {ag} had {v2[2]} for {dur}.",
        f"By {year}, {ag} had {v[2]} more than {num} {np_}, a figure that surprised even the most {a1} observers.",
        f"{r.choice(CONN)}, {ag} {v[1]} the {n} {adv} rather than {v2[3]} the {n2}.",
        f"Few {ag} expected the {n} to {v[0]} the {np_} so {adv}; most assumed it would {v2[0]} the {n2} instead.",
        f"According to {person}, the {n} was {v[2]} because the {n2} had become too {a1} to {v2[0]} without outside help.",
        f"What changed was not the {n} itself but the way {ag} in {pl} {v[1]} its {np_}.",
        f"When the {n} was {v[2]} in {r.choice(MONTHS)}, {ag} in {pl} {v2[1]} their {np_} within {dur}.",
        f"This {n}, {adv} {v[2]} by {ag}, now {v2[4]} nearly {pct} percent of the {np_} in {pl}.",
        f"Some {ag} argue that a {a1} {n} cannot {v[0]} the {n2}, while others point to {pl} as a counterexample.",
        f"The result was a {a1} {n}: {a2}, {a3}, and {adv2} easy to {v[0]}.",
        f"It took {r.choice(NUMW)} years, {num} {np_}, and a great deal of patience before anyone {v[1]} the {n} properly.",
        f"{person} later wrote that the {n} had {v[2]} almost everything {ag} believed about {np_}.",
        f"Nobody in {pl} kept careful records of the {np_}, so the {a1} estimates we have today come mostly from {ag}.",
        f"Why did the {n} {v[0]} the {np_} so {adv}? The answer lies partly in the {a1} {n2} nearby.",
        f"Even the {a1} {np_} were {v[2]} twice a year, and {ag} {adv} {v2[1]} the {n2} as well.",
        f"Records from {year} show that {ag} {v[1]} the {n2} after a {a1} winter had {v2[2]} most of the {np_}.",
        f"There is still no agreement on whether the {n} {v[1]} the {np_} or merely {v2[1]} what was already happening.",
        f"Without the {np_}, {ag} in {pl} would have had little reason to {v[0]} the {n} at all.",
        f"Most of the {np_} ({pct} percent, by one count) were {v[2]} in {pl} before {year}.",
        f"In {pl}, a {a1} group of {ag} began to {v[0]} the {n2} with nothing more than {np_} and a notebook.",
    ]
    return r.choice(T)


def paragraph(r, topic, lo=45, hi=115):
    lex = TOPICS[topic]
    target = r.randint(lo, hi)
    sents, words = [], 0
    tries = 0
    while words < target:
        s = _sentence(r, lex)
        tries += 1
        if s in USED:
            continue
        w = len(s.split())
        if words + w > 120:
            if words >= 40 or tries > 200:
                break
            continue
        USED.add(s)
        sents.append(s)
        words += w
    return " ".join(sents)


def paragraphs(r, topic, k, lo=45, hi=115):
    return [paragraph(r, topic, lo, hi) for _ in range(k)]


def item(r, topic):
    """A list item: one or two sentences (12-45 words)."""
    lex = TOPICS[topic]
    while True:
        s = _sentence(r, lex)
        if s in USED:
            continue
        if len(s.split()) < 18 and r.random() < 0.6:
            s2 = _sentence(r, lex)
            if s2 not in USED:
                USED.add(s2)
                s = s + " " + s2
        USED.add(s)
        return s

"""Character folding and word helpers shared by every extraction stage.

Folding maps one character to one character, so offsets into folded text are offsets into the
original: positions reported to the user always point at what they wrote.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201a": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": " ",
        "\u00ad": " ",
        "\t": " ",
        "\ufeff": " ",
    }
)


def fold(text: str) -> str:
    """Straight quotes, ASCII hyphens and plain spaces, one character for one."""
    return text.translate(_FOLD)


WORD = re.compile(
    r"[A-Za-z\u00c0-\u024f\u0400-\u04ff][A-Za-z\u00c0-\u024f\u0400-\u04ff'\-.]*[A-Za-z\u00c0-\u024f\u0400-\u04ff]|[A-Za-z\u00c0-\u024f\u0400-\u04ff]"
)

# Words that carry no measure: function words, reporting verbs, hedges. A content word that is not
# here may name what a figure measures.
STOPWORDS = frozenset(
    """
    a about above according across after again against all almost along already also although always am
    among an and another any are around as at be been before being below between both but by can could
    did do does doing done down during each either else even ever every few for from further had has have
    having he her here hers him his how however i if in into is it its itself just least less like made
    make makes many may me might more most much must my nearly no nor not now of off often on once one only
    or other our ours out over own per rather roughly same says said several she should since so some
    such than that the their theirs them then there these they this those though through thus to too
    under until up upon us very was we were what when where whether which while who whom whose why will
    with within would yet you your some approximately almost around roughly nearly just estimated
    estimate reportedly currently still also already respectively total totalling overall per cent percent
    figure figures case whereas according noted note notes stated say report reported
    reports told writes wrote writing claim claimed claims respectively including include includes
    included among time times year years month months day days new first second third last next
    zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    thousand million billion trillion dozen half
    mr ms dr comparison compared contrast respectively followed
    """.split()
)

_SUFFIXES = (
    "ments",
    "ment",
    "ings",
    "ing",
    "ions",
    "ion",
    "ances",
    "ance",
    "ences",
    "ence",
    "ies",
    "ied",
    "ers",
    "er",
    "es",
    "ed",
    "s",
    "ly",
)

# Words writers use interchangeably for the same measure or act. Each group is mapped to its first
# member, so "firm" and "company", "established" and "founded" meet in the index.
SYNONYMS = (
    ("company", "firm", "corporation", "enterprise"),
    ("country", "state", "nation", "republic"),
    ("debt", "borrowing", "loan", "liabilities", "owe", "owed", "creditor", "lender"),
    ("foreign", "external", "overseas"),
    ("found", "establish", "set", "create", "launch", "form", "formation", "foundation", "founded"),
    ("trade", "turnover", "commerce"),
    ("invest", "investment", "fund", "finance", "financing", "funding", "earmark", "pledge", "commit"),
    ("export", "sell", "sold", "supply", "ship"),
    ("cost", "price", "priced", "worth", "value", "valued", "tag"),
    ("increase", "grow", "growth", "rise", "rose", "climb", "surge", "jump"),
    ("decrease", "fall", "fell", "decline", "drop", "shrink", "reduce", "reduction", "cut", "dip"),
    ("negotiation", "talk", "negotiate"),
    ("conflict", "clash", "hostility", "hostilities", "feud"),
    ("tariff", "duty", "duties"),
    ("programme", "program", "agenda", "strategy", "plan"),
    ("partner", "partnership", "team", "cooperate", "cooperation", "collaborate", "collaboration"),
    ("area", "field", "sphere", "sector", "domain"),
    ("meet", "met", "summit", "meeting"),
    ("anniversary", "centenary", "hundredth"),
    ("share", "proportion", "portion", "percentage"),
    ("import", "imports"),
    ("aid", "assistance", "help"),
    ("mine", "mining"),
    ("border", "frontier", "crossing"),
    ("people", "person", "employee", "staff", "worker", "employ"),
    ("tour", "visit", "trip", "travel"),
    ("attend", "participate", "join"),
    ("sign", "signed", "ink"),
    ("conclude", "finish", "complete", "wrap", "close", "end", "finalise", "finalize"),
    ("scrap", "reverse", "cancel", "revoke", "abolish", "repeal", "overturn", "annul", "rescind"),
    ("student", "trainee", "learner"),
)
_SYN = {w: group[0] for group in SYNONYMS for w in group}


def stem(word: str) -> str:
    """A light suffix stripper: enough that "imports"/"import", "negotiations"/"negotiate" and
    "services"/"service" meet. Only consistency matters: drafts and sources go through it alike."""
    w = word.lower().strip("'.-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _SYN:
        return _SYN[w]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            if suf == "s" and w[-2] in "usi":
                continue  # focus, process, analysis
            w = w[: -len(suf)] + ("y" if suf in ("ies", "ied") else "")
            if suf in ("ed", "ing", "er", "ers") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "wrapped", "planned": the doubled consonant is spelling
            break
    w = re.sub(r"is(e|at|ed|ing)?$", r"iz\1", w) if len(w) > 6 else w  # -ise/-ize spellings meet
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return _SYN.get(w, _SYN.get(w + "e", w))


def words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def content_terms(text: str) -> list[str]:
    """Stemmed content words, in order, without stopwords or numbers."""
    out = []
    for m in WORD.finditer(text):
        for w in m.group().lower().split("-"):  # "lawful-interception" meets "lawful interception"
            if w in STOPWORDS or len(w) < 2:
                continue
            s = stem(w)
            if s and s not in STOPWORDS:
                out.append(s)
    return out

"""Language rules: what is not a claim, what refers back, what negates, which words oppose.

Each rule is a pattern with examples that must match and must not match, each with its reason;
`tests/test_rules.py` runs every example and checks that no rule is without them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.text import stem


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    why: str
    matches: tuple[tuple[str, str], ...]  # (text, reason)
    rejects: tuple[tuple[str, str], ...]

    def search(self, text: str) -> bool:
        return self.pattern.search(text) is not None


QUESTION = Rule(
    "question",
    re.compile(r"\?[\"')\]]*\s*$"),
    "A question asks; it states nothing to check.",
    (("Can Moscow and Beijing really share the region indefinitely?", "ends in a question mark"),),
    (
        ("China lent $2 billion.", "a statement"),
        ("Who pays? China, says the report: $2 billion.", "ends as a statement"),
    ),
)
SELF_REFERENCE = Rule(
    "self-reference",
    re.compile(
        r"\b(?:this|the\s+present|our|the\s+next|the\s+following|the\s+previous|the\s+last|the\s+first)\s+"
        r"(?:brief|paper|report|section|chapter|pages?|part|half\s+of\s+this|study|essay|article)\b"
        r"|(?-i:\b(?:[Ww]e|us|[Oo]ur)\b)|^\s*what\s+follows\b|\bthe\s+remainder\s+of\b|\bin\s+this\s+(?:brief|paper)\b"
        r"|\b(?:table|section|chapter|annex|appendix|figure|box|chart)\s+\d{1,2}\b|\breaders?\b",
        re.I,
    ),
    "A sentence about the document itself or its authors' plans is not a claim about the world.",
    (
        ("Our 10 recommendations are listed at the end of the paper.", "the authors' own list"),
        ("The next section turns from trade to the digital side of the rivalry.", "a signpost"),
        ("We now turn to the Russian side of the ledger.", "first person"),
        ("What follows is necessarily a partial picture.", "a signpost"),
        ("The following pages sketch three scenarios for the region.", "the document's pages"),
        ("Table 2 summarises the figures discussed in section 3.", "the document's parts"),
        ("Readers interested in methodology should consult Annex 1.", "addresses the reader"),
    ),
    (
        ("The report by the World Bank found 43 percent.", "a report in the world, not this one"),
        ("The next summit was held in Astana in 2019.", "'next' of an event, not of the document"),
        ("US sanctions kept Kazakhstan from dealing with Huawei.", "'US' is a country, not 'us'"),
    ),
)
OPINION = Rule(
    "opinion",
    re.compile(
        r"\b(?:whether|too\s+early\s+to|remains?\s+to\s+be\s+seen|open\s+question|deserves?|should|ought\s+to"
        r"|arguably|perhaps|in\s+short|much\s+depends|it\s+is\s+(?:hard|difficult|unclear)\s+to"
        r"|will\s+(?:face|need|have\s+to|struggle|likely)|is\s+likely\s+to|are\s+likely\s+to)\b",
        re.I,
    ),
    "Speculation, advice and judgement have no fact to check; named claims in them are not claims.",
    (
        ("It is too early to say whether the balance will tip towards Beijing.", "speculation"),
        ("The Digital Silk Road deserves more attention from European policymakers.", "a judgement"),
        ("Whether Moscow can keep pace with Beijing remains an open question.", "an open question"),
        ("East African governments will face difficult choices about refinancing.", "a prediction"),
    ),
    (("Kyrgyzstan turned down Huawei's deal.", "a reported act"),),
)
ANAPHORA = Rule(
    "anaphora",
    re.compile(
        r"\b(?:this|that|these|those|the\s+same|the\s+said)\s+(?:figure|share|number|amount|proportion|rate"
        r"|initiative|plan|idea|proposal|project|deal|agreement|programme|program|policy|strategy|move|decision"
        r"|sum|total|level|percentage)s?\b",
        re.I,
    ),
    "A sentence that points back at an earlier figure or plan takes that sentence's measure words.",
    (
        ("In the case of Tajikistan, this figure is 38 percent.", "'this figure' is the previous sentence's"),
        ("Tokayev is a strong opponent of the initiative; he rejected this plan.", "'this plan'"),
    ),
    (("The figure of 38 percent comes from the IMF.", "names its figure itself"),),
)
NEGATION = Rule(
    "negation",
    re.compile(
        r"\b(?:not|never|no\s+longer|neither|nor|n't|declined|refused|rejected|failed|turned\s+down"
        r"|stayed\s+out|opted\s+out|decided\s+against|pulled\s+out|withdrew)\b|n't\b",
        re.I,
    ),
    "A named claim keeps its negation: 'turned down the deal' and 'accepted the deal' disagree.",
    (
        ("Kyrgyzstan turned down Huawei's offer.", "turned down"),
        ("Uzbekistan decided against joining the EAEU.", "decided against"),
        ("Turkmenistan did not join the CSTO.", "not"),
    ),
    (
        ("Kyrgyzstan accepted Huawei's offer.", "affirmative"),
        ("Notably, Uzbekistan joined.", "'Notably' is not 'not'"),
    ),
)
REFERS_BACK = Rule(
    "refers back",
    re.compile(
        r"^\W*(?:It|They|He|She|Its|Their|His|Her|This|These|That|Those|The\s+(?:company|firm|line|project|bank"
        r"|government|group|country|organisation|organization|initiative|plan|programme|program|deal|agreement"
        r"|railway|port|fund|ministry|president|minister|institute|body|bloc|alliance|state|region|city|council"
        r"|commission|latter|former|corporation|operator|lender|borrower|regime|authorities|summit|venture))\b"
    ),
    "A sentence whose subject is a pronoun or a bare description ('The company ...') is about what the "
    "sentence before it named.",
    (
        ("It also adjusted its 2023 outlook to 4.9% from 4.7%.", "pronoun subject"),
        ("The company operates in 16 countries.", "a description of the previous subject"),
    ),
    (
        ("Italy's company law changed in 2004.", "names its own subject"),
        ("The Italian company grew.", "'Italian' names the subject"),
    ),
)
RESPECTIVELY = Rule(
    "respectively",
    re.compile(r"\brespectively\b", re.I),
    "'A and B ... X and Y respectively' pairs the n-th entity with the n-th figure.",
    (("Kazakhstan and Uzbekistan scored 0.79 and 0.68 respectively.", "paired lists"),),
    (("Kazakhstan scored 0.79 and Uzbekistan 0.68.", "each figure next to its own entity"),),
)
EXCEPTION = Rule(
    "exception",
    re.compile(
        r"\b(?:all|every|each|any)\b[^.;]{0,80}?\b(?:except|but\s+for|other\s+than|apart\s+from|save\s+for)\b",
        re.I,
    ),
    "'Every X except Y did' says of Y what 'only Y did not' says: the exception flips the statement.",
    (
        ("Every Central Asian state except Turkmenistan joined the CSTO.", "every ... except"),
        ("He stopped at all the capitals except Dushanbe.", "all ... except"),
    ),
    (("Except for the summit, little happened.", "no universal before 'except'"),),
)
BIBLIOGRAPHIC = Rule(
    "bibliographic date",
    re.compile(r"\b(?:accessed|retrieved|last\s+visited|last\s+updated|archived)(?:\s+on)?\s*:?\s*$", re.I),
    "The date a web page was read belongs to the citation, not to the world.",
    (("Caixin, 1 March 2018, accessed ", "accessed"), ("Retrieved on ", "retrieved")),
    (("The memorandum was signed in ", "an event"),),
)

CITATION = Rule(
    "citation",
    re.compile(
        r"[\"'\u201c\u2018][^\"\u201d\u2019]{8,200}?[.,]?[\"'\u201d\u2019][.,]?\s+\*?[A-Z]"
        r"|\bhttps?://|\bwww\.|\bibid\b|\bop\.\s*cit\b"
    ),
    "In a footnote, a quoted title followed by its outlet, or a link, is a reference to a source, "
    "and its dates are not claims.",
    (
        (
            "Shamil Baigin, 'Uzbekistan, China Sign Major Gas Pipeline Deal', Reuters, 30 April 2007.",
            "title, outlet",
        ),
        (
            'Xu, Hongzhi. "China and Turkmenistan signed several documents." '
            "*People's Daily*, April 22, 1994.",
            "title, italic outlet",
        ),
    ),
    (("The deal was signed in 2007 after years of talks.", "a statement, no quoted title"),),
)
RULES = (
    QUESTION,
    SELF_REFERENCE,
    OPINION,
    ANAPHORA,
    REFERS_BACK,
    NEGATION,
    RESPECTIVELY,
    EXCEPTION,
    BIBLIOGRAPHIC,
    CITATION,
)

# Words whose meanings oppose: a named claim that uses one where its source uses the other disagrees
# with it. Each pair is (positive, negative) sets of stems.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (
        frozenset({"support", "supporter", "backer", "champion", "proponent", "advocate", "favour", "favor"}),
        frozenset({"oppose", "opponent", "critic", "against", "resist"}),
        "support/oppose",
    ),
    (
        frozenset({"accept", "agree", "approve", "embrace"}),
        frozenset({"reject", "refuse", "turn down", "veto"}),
        "accept/reject",
    ),
    (
        frozenset({"increase", "raise", "lift", "upgrade"}),
        frozenset({"decrease", "lower", "downgrade"}),
        "raise/cut",
    ),
    (frozenset({"win", "gain"}), frozenset({"lose", "loss"}), "win/lose"),
    (frozenset({"ally", "friend"}), frozenset({"rival", "enemy", "adversary"}), "ally/rival"),
)


# The same pairs as the words' stems, so "raised" meets "raise" and "opponents" meets "opponent".
_OPPOSED_STEMS = tuple(
    (frozenset(stem(w) for w in pos), frozenset(stem(w) if " " not in w else w for w in neg), name)
    for pos, neg, name in OPPOSITES
)


def not_a_claim(text: str) -> bool:
    return QUESTION.search(text) or SELF_REFERENCE.search(text)


def checkable_statement(text: str) -> bool:
    """A sentence with no figure is a named claim only when it reports rather than judges."""
    return not OPINION.search(text) and len(text.split()) >= 5


def anaphoric(text: str) -> bool:
    return ANAPHORA.search(text)


def negated(text: str) -> bool:
    """Negated, unless the only negation is "not ... until", which dates the act rather than denies it
    ("did not sign up until April 2007")."""
    return any(
        not (m.group().lower() in ("not", "n't") and NOT_UNTIL.match(text, m.end()))
        for m in NEGATION.pattern.finditer(text)
    )


NOT_UNTIL = re.compile(r"[^.;]{0,80}?\b(?:until|till|before)\b", re.I)


def bibliographic_date(text: str, start: int) -> bool:
    return BIBLIOGRAPHIC.search(text[max(0, start - 30) : start])


@functools.lru_cache(maxsize=256)  # perf (issue 6): extract asks again for each value of a clause
def polarity(text: str) -> tuple[str, ...]:
    """The opposition pairs the sentence takes a side in, as 'pair:+' or 'pair:-', and "except"
    when it states a rule by its exception ("every state except Turkmenistan joined")."""
    found = set()
    if EXCEPTION.search(text):
        found.add("except")
    lowered = text.lower()
    stems = {stem(w) for w in re.findall(r"[a-z]+", lowered)}
    for pos, neg, name in _OPPOSED_STEMS:
        if stems & pos:
            found.add(f"{name}:+")
        if stems & neg or any(" " in n and n in lowered for n in neg):
            found.add(f"{name}:-")
    return tuple(sorted(found))

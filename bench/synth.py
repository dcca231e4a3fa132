"""Synthetic source documents and drafts for the benchmark: policy-brief sentences with entities from
the bundled gazetteer, measures and figures from templates. Seeded: document `i` is the same on every
run and machine, so the store of the first N documents is a prefix of every larger one."""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "factcheck" / "data" / "gazetteer.yaml"
SEEDS = ROOT / "seeds"
SEED = 20240611

# Countries the corpus is about, most often first (the rest of the gazetteer follows, Zipf-weighted).
FOCUS = [
    "China",
    "Russia",
    "Kazakhstan",
    "Uzbekistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Turkmenistan",
    "Afghanistan",
    "South Korea",
    "Japan",
    "India",
    "Turkey",
    "Iran",
    "Pakistan",
    "Mongolia",
    "United States",
    "Germany",
    "Azerbaijan",
    "Georgia",
    "Belarus",
]

MEASURES = [
    "external debt",
    "foreign trade turnover",
    "exports of electronics",
    "imports of machinery",
    "internet penetration",
    "mobile subscribers",
    "data centre capacity",
    "fibre-optic network",
    "foreign direct investment",
    "government revenue",
    "defence budget",
    "gas exports",
    "oil output",
    "grain harvest",
    "electricity generation",
    "coal production",
    "copper exports",
    "gold reserves",
    "remittances",
    "tourist arrivals",
    "university enrolment",
    "labour migrants",
    "railway freight",
    "container traffic",
    "road construction",
    "solar capacity",
    "hydropower output",
    "water use",
    "cotton production",
    "wheat exports",
    "e-commerce sales",
    "digital payments",
    "broadband coverage",
    "surveillance cameras",
    "satellite launches",
    "research spending",
    "patent filings",
    "military exercises",
    "border crossings",
    "customs revenue",
    "state subsidies",
    "public debt",
    "trade deficit",
    "current account surplus",
    "inflation",
    "unemployment",
    "poverty rate",
    "household income",
    "bank lending",
    "loan portfolio",
    "bond issuance",
    "market share",
    "smartphone sales",
    "cloud services revenue",
    "cybersecurity spending",
    "5G base stations",
    "logistics hubs",
    "industrial parks",
    "joint ventures",
    "scholarships",
    "Confucius Institutes",
]
TOPICS = [
    "digital infrastructure",
    "energy security",
    "transport corridors",
    "water management",
    "border security",
    "counter-terrorism",
    "smart cities",
    "e-government",
    "artificial intelligence",
    "telecommunications",
    "agriculture",
    "mining",
    "public health",
    "higher education",
    "customs procedures",
    "cybersecurity",
    "space cooperation",
    "nuclear energy",
    "green hydrogen",
    "rare earths",
    "financial technology",
    "pipeline construction",
    "railway links",
    "satellite navigation",
    "data protection",
]
VERBS_UP = ["rose", "increased", "grew", "climbed", "jumped"]
VERBS_DOWN = ["fell", "declined", "dropped", "shrank"]
ACTS = [
    "signed an agreement with",
    "opened talks with",
    "agreed to cooperate with",
    "launched a project with",
    "suspended a contract with",
    "renewed a partnership with",
    "expanded ties with",
]
SYL = [
    "ka",
    "ra",
    "zhan",
    "tor",
    "bek",
    "lin",
    "mar",
    "sul",
    "tau",
    "nur",
    "vos",
    "qing",
    "dor",
    "mir",
    "sen",
    "hai",
    "tal",
    "ost",
    "yar",
    "gul",
    "bai",
    "chen",
    "kor",
    "lan",
    "pet",
    "rus",
    "sha",
    "tem",
    "ul",
    "zar",
]
SUFFIX = [
    "Holdings",
    "Telecom",
    "Logistics",
    "Energy",
    "Group",
    "Systems",
    "Capital",
    "Mining",
    "Networks",
    "Technologies",
    "Engineering",
    "Industries",
]
INFRA = [
    "railway",
    "motorway",
    "fibre-optic cable",
    "gas pipeline",
    "power lines",
    "irrigation canals",
    "border fencing",
    "high-speed rail",
]
WORDS = [
    "regional",
    "strategic",
    "national",
    "bilateral",
    "long-term",
    "private",
    "state-owned",
    "landmark",
    "ambitious",
    "controversial",
    "flagship",
    "pilot",
    "multilateral",
    "cross-border",
    "modernisation",
]


def _gazetteer() -> dict[str, list[str]]:
    data = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    by: dict[str, list[str]] = {}
    for e in data["entities"]:
        by.setdefault(e["type"], []).append(str(e["names"][0]))
    return by


_NOT_WORDS_TEXT = """
    january february march april june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday hundred thousand million billion trillion percent dozen
    zero three four five seven eight nine eleven twelve twenty thirty forty fifty sixty seventy eighty
    ninety half quarter third fifth tenth double twice triple times fold"""
_NOT_WORDS = frozenset(_NOT_WORDS_TEXT.split())


def word_bank() -> tuple[list[str], list[int]]:
    """Lower-case content words of the seed documents with their counts: the long tail of real prose."""
    from factcheck.text import STOPWORDS

    counts: dict[str, int] = {}
    for f in sorted(SEEDS.glob("*.txt")):
        for w in re.findall(r"(?<![\w'-])[a-z]{4,}(?![\w'-])", f.read_text(encoding="utf-8")):
            if w not in STOPWORDS and w not in _NOT_WORDS:
                counts[w] = counts.get(w, 0) + 1
    words = sorted(w for w, n in counts.items() if n >= 2)
    return words, [counts[w] for w in words]


class Vocabulary:
    def __init__(self) -> None:
        self.words, self.word_w = word_bank()
        gaz = _gazetteer()
        rest = [c for c in gaz["country"] if c not in FOCUS]
        self.countries = FOCUS + rest
        self.country_w = [1 / (i + 1) ** 1.1 for i in range(len(self.countries))]
        self.companies = gaz["company"]
        self.orgs = gaz["organisation"]
        self.people = gaz["person"]
        self.cities = gaz["city"]
        self.programmes = gaz["programme"]


def firm_name(i: int) -> str:
    """The i-th invented company: names the gazetteer does not know, so the vocabulary keeps growing
    with the corpus as real text does."""
    r = random.Random(i * 7919 + 13)
    return (r.choice(SYL) + r.choice(SYL)).capitalize() + " " + r.choice(SUFFIX)


def _zipf(r: random.Random, n: int, s: float = 1.05) -> int:
    """An index in [0, n) with a Zipf-like preference for small indexes."""
    while True:
        k = int(r.paretovariate(s - 0.0 + 0.01)) - 1
        if k < n:
            return k


def figure(r: random.Random, kind: str) -> str:
    if kind == "pct":
        v = round(r.uniform(0.5, 95), r.choice((0, 1)))
        return r.choice((f"{v:g}%", f"{v:g} percent", f"{v:g} per cent"))
    if kind == "money":
        v = round(r.uniform(1, 900), r.choice((0, 1)))
        scale = r.choice(("million", "billion"))
        return r.choice((f"${v:g} {scale}", f"{v:g} {scale} US dollars", f"US${v:g}{scale[0]}n"))
    if kind == "count":
        v = r.choice((r.randint(2, 99), r.randint(100, 9999), r.randint(10, 900) * 1000))
        return f"{v:,}"
    if kind == "times":
        return f"{r.randint(2, 9)} times"
    raise ValueError(kind)


class Generator:
    def __init__(self, scale: int) -> None:
        """`scale`: the corpus size in documents, which sets how many invented firms exist."""
        self.v = Vocabulary()
        self.firms = max(50, scale * 3)

    def country(self, r: random.Random) -> str:
        return r.choices(self.v.countries, self.v.country_w)[0]

    def firm(self, r: random.Random) -> str:
        if r.random() < 0.5:
            return self.v.companies[_zipf(r, len(self.v.companies))]
        return firm_name(r.randrange(self.firms))

    def words(self, r: random.Random, n: int) -> str:
        return " ".join(r.choices(self.v.words, self.v.word_w, k=n))

    def sentence(self, r: random.Random) -> str:
        """A template's core with the clauses real sentences carry, in words from the seed texts."""
        core = self.core(r)
        roll = r.random()
        if roll < 0.3:
            return f"{core[:-1]}, according to a {self.words(r, 2)} report by the {r.choice(self.v.orgs)}."
        if roll < 0.55:
            first = core[0].lower() if core[:2] in ("In", "Th") else core[0]
            return f"Amid {self.words(r, 3)}, {first}{core[1:]}"
        if roll < 0.8:
            return f"{core[:-1]}, part of {self.words(r, 2)} efforts to {self.words(r, 4)}."
        return f"{core[:-1]}, as {self.words(r, 3)} and {self.words(r, 2)} {self.words(r, 1)}."

    def core(self, r: random.Random) -> str:
        c1, c2 = self.country(r), self.country(r)
        while c2 == c1:
            c2 = self.country(r)
        m = MEASURES[_zipf(r, len(MEASURES))]
        topic = TOPICS[_zipf(r, len(TOPICS))]
        year = r.randint(1995, 2023)
        t = r.randrange(14)
        if t == 0:
            return f"{c1}'s {m} {r.choice(VERBS_UP)} to {figure(r, 'money')} in {year}."
        if t == 1:
            return f"In {year}, {c1}'s {m} {r.choice(VERBS_DOWN)} by {figure(r, 'pct')}."
        if t == 2:
            return f"{c1} accounts for {figure(r, 'pct')} of {c2}'s {m}."
        if t == 3:
            return f"{self.firm(r)} employs {figure(r, 'count')} people in {r.choice(self.v.cities)}."
        if t == 4:
            return (
                f"According to the {r.choice(self.v.orgs)}, {self.firm(r)} invested {figure(r, 'money')} "
                f"in {topic} in {c1} in {year}."
            )
        if t == 5:
            return f"Trade between {c1} and {c2} reached {figure(r, 'money')} in {year}."
        if t == 6:
            return f"{r.choice(self.v.people)} said that {c1} would not join the {r.choice(self.v.orgs)}."
        if t == 7:
            return f"{self.firm(r)} {r.choice(ACTS)} {self.firm(r)} on {topic} in {c1}."
        if t == 8:
            city = r.choice(self.v.cities)
            return f"The {r.choice(WORDS)} {topic} project in {city} cost {figure(r, 'money')}."
        if t == 9:
            return (
                f"{c1} built {figure(r, 'count')} kilometres of {r.choice(INFRA)} between {year} and "
                f"{year + r.randint(1, 6)}."
            )
        if t == 10:
            return f"{c1} owes {figure(r, 'pct')} of its {m} to {c2}."
        if t == 11:
            who = r.choice(("students", "engineers", "workers"))
            return f"Since {year}, {c1} has hosted {figure(r, 'count')} {who} from {c2}."
        if t == 12:
            prog = r.choice(self.v.programmes)
            return f"The {prog} has funded {figure(r, 'count')} {topic} projects in {c1}."
        return f"{c1}'s {m} is {figure(r, 'times')} larger than that of {c2}."

    def document(self, i: int) -> str:
        r = random.Random(SEED * 1_000_003 + i)
        title = f"{self.country(r)} and {self.country(r)}: {TOPICS[r.randrange(len(TOPICS))]} outlook"
        paras = []
        for _ in range(r.randint(8, 14)):
            paras.append(" ".join(self.sentence(r) for _ in range(r.randint(2, 5))))
        return f"{title}\n\n" + "\n\n".join(paras) + "\n"


def write_documents(folder: Path, start: int, stop: int, gen: Generator) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, stop):
        p = folder / f"doc{i:07d}.txt"
        if not p.exists():
            p.write_text(gen.document(i), encoding="utf-8")
        out.append(p)
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _altered(r: random.Random, sentence: str) -> str | None:
    """The sentence with one figure changed well beyond rounding (a conflicting claim)."""
    nums = [
        m
        for m in _NUMBER.finditer(sentence)
        if not (len(m.group()) == 4 and m.group().startswith(("19", "20")))
    ]  # not a year
    if not nums:
        return None
    m = r.choice(nums)
    digits = m.group().replace(",", "")
    value = float(digits) * r.choice((0.4, 0.6, 1.7, 2.5))
    new = f"{value:,.1f}" if "." in digits else f"{round(value):,}"
    return sentence[: m.start()] + new + sentence[m.end() :]


def draft_sentences(gen: Generator, docs: int, count: int) -> list[tuple[str, str]]:
    """`count` sentences for a draft, each with what it should get: copied from the first `docs`
    documents (supported), copied with a figure changed (conflicting), or invented (unsupported)."""
    r = random.Random(SEED + 1)
    pool: list[str] = []
    for i in range(docs):
        text = gen.document(i)
        for para in text.split("\n\n")[1:]:
            pool += [s if s.endswith(".") else s + "." for s in para.strip().split(". ")]
    out: list[tuple[str, str]] = []
    fresh = random.Random(SEED + 2)
    while len(out) < count:
        roll = r.random()
        s = r.choice(pool)
        if roll < 0.4:
            out.append((s, "supported"))
        elif roll < 0.7:
            alt = _altered(r, s)
            if alt:
                out.append((alt, "conflicting"))
        else:
            out.append((gen.sentence(fresh), "unsupported"))
    return out

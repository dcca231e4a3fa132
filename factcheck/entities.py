"""Entities in a sentence: countries (with demonyms and capitals used as metonyms), organisations,
companies, people and places, from a gazetteer that ships with the package and that a store may
extend with its own `gazetteer.yaml`.

A capitalised name the gazetteer does not know is still an entity ("name:<text>"), so that a
substituted company or province is noticed even when nobody listed it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from factcheck import bounded, safeyaml
from factcheck.errors import FactcheckError
from factcheck.model import Document, Mention
from factcheck.text import STOPWORDS

GAZETTEER = Path(__file__).parent / "data" / "gazetteer.yaml"
KINDS = frozenset(
    {"country", "region", "city", "organisation", "company", "person", "programme", "place", "name"}
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Names to entities. Matching looks names up word span by word span in a dictionary rather
    than through one regular expression of every name: building a dictionary of thousands of names
    costs nothing at start-up, compiling an alternation of them costs most of a hook's run."""

    names: dict[str, tuple[str, str]]  # name_key(written name) -> (entity id, kind)
    labels: dict[str, str]  # entity id -> canonical name
    kinds: dict[str, str]  # entity id -> kind
    firsts: frozenset[str]  # the first word of every name: where a match can begin
    longest: int  # the most words in a name

    def label(self, entity: str) -> str:
        if entity.startswith("name:"):
            return entity[5:]
        return self.labels.get(entity, entity)


def name_key(name: str) -> str:
    """How a name is looked up: without accents, a hyphen or any run of spaces as one space."""
    return _SPACING.sub(" ", plain(name))


_SPACING = re.compile(r"[\s-]+")
# No name is longer (the longest listed has 10 words). Longer runs of capitalised words are headings
# in capitals or lists of names; matching names of any length made a scan cost words x name length.
MAX_NAME_WORDS = 12
_WORD = re.compile(r"[^\W_]+")


def _gazetteer(names: dict[str, tuple[str, str]], labels: dict[str, str], kinds: dict[str, str]) -> Gazetteer:
    firsts = set()
    longest = 1
    for n in names:
        words = _WORD.findall(n)
        if words and len(words) <= MAX_NAME_WORDS:
            firsts.add(words[0])
            longest = max(longest, len(words))
    return Gazetteer(names=names, labels=labels, kinds=kinds, firsts=frozenset(firsts), longest=longest)


def _entries(path: Path) -> list[dict[str, object]]:
    try:
        # libyaml's loader when PyYAML has it: the gazetteer is read on every run, 20x faster.
        text = bounded.read_text(path, limit=None)
        data = safeyaml.load(text, str(path))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise FactcheckError(
            f"malformed YAML: {getattr(e, 'problem', e)}", str(path), mark.line + 1 if mark else None
        ) from None
    except OSError as e:
        raise FactcheckError(f"cannot read gazetteer: {e.strerror}", str(path)) from None
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, list):
        raise FactcheckError("a gazetteer needs a list under 'entities'", str(path))
    for i, entry in enumerate(entities):
        if isinstance(entry, dict) and (bad := safeyaml.wrong_types(entry, _ENTRY_TYPES)):
            raise FactcheckError(f"gazetteer entry {i + 1}: {bad}", str(path),
                                 safeyaml.line_of(text, ("entities", i)))
    return [e for e in entities if isinstance(e, dict)]


_ENTRY_TYPES = {"id": "scalar", "type": "scalar", "names": "scalars", "demonyms": "scalars",
                "capitals": "scalars", "part_of": "scalar"}


@lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The bundled gazetteer, extended by the given files (later files win on a clash)."""
    names: dict[str, tuple[str, str]] = {}
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for path in (GAZETTEER, *map(Path, extra)):
        for e in _entries(path):
            eid, kind = str(e.get("id", "")), str(e.get("type", ""))
            written = [str(n) for n in (e.get("names") or [])]  # type: ignore[attr-defined]
            if not eid or kind not in KINDS or not written:
                raise FactcheckError(
                    f"gazetteer entry {eid or '?'} needs an id, a known type and names", str(path)
                )
            labels[eid] = written[0]
            kinds[eid] = kind
            for key in ("names", "demonyms", "capitals"):
                for n in e.get(key) or []:  # type: ignore[attr-defined]
                    if kind != "name" or name_key(str(n)) not in names:  # found names never shadow listed
                        names[name_key(str(n))] = (eid, kind)
    return _gazetteer(names, labels, kinds)


Found = tuple[str, tuple[str, ...]]  # a name found in the sources, and the abbreviations it was given


def extend(gaz: Gazetteer, found: list[Found]) -> Gazetteer:
    """The gazetteer with names found in sources added as entities of kind "name"."""
    if not found:
        return gaz
    names = dict(gaz.names)
    for n, aliases in found:
        for written in (n, *aliases):
            names.setdefault(name_key(written), (f"name:{n}", "name"))
    return _gazetteer(names, gaz.labels, gaz.kinds)


def discover_names(docs: list[Document], gaz: Gazetteer) -> list[Found]:
    """Unknown proper names the documents use: runs of capitalised words found in mid-sentence, with
    the abbreviations the documents introduce for them ("the Infocomm Media Development Authority
    (IMDA)")."""
    from factcheck.segment import sentences

    found: set[str] = set()
    aliases: dict[str, set[str]] = {}
    lowercase: set[str] = set()
    for doc in docs:
        for sent in sentences(doc.blocks):
            lowercase.update(w for w in re.findall(r"\b[a-z][a-z'-]+\b", sent.text))
            mentions = find(sent.text, gaz)
            for m in mentions:
                if (m.kind == "name" and len(m.text) > 2 and len(_WORD.findall(m.text)) <= MAX_NAME_WORDS
                        and name_key(m.text) not in gaz.names):
                    found.add(m.text)
                    short = _ABBREVIATION.match(sent.text, m.end)
                    if short and " " in m.text and name_key(short.group(1)) not in gaz.names:
                        aliases.setdefault(m.text, set()).add(short.group(1))
    short_forms = {a for names in aliases.values() for a in names}
    # A single word the sources also write in lower case ("Trade", "Meanwhile") is an ordinary word.
    return [
        (n, tuple(sorted(aliases.get(n, ()))))
        for n in sorted(found)
        if n not in short_forms and (" " in n or n.lower() not in lowercase)
    ]


_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


# Capitalised words that begin sentences or name months and days, not entities; and the acronyms of
# measures and trades that are not actors (GDP, LNG).
COMMON_CAPS = frozenset(
    """
    The A An In On At By For From With As Of To And But Or Yet So If When While Although Though Since
    After Before During Despite However Moreover Furthermore Meanwhile Indeed Instead Still Also Even
    This That These Those There Here It Its Their Our We They He She His Her I You Such Some Many Most
    All Both Each Every Other Another Several According Unlike Like Under Over Between Among Within
    January February March April May June July August September October November December Jan Feb Mar
    Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Mr Mrs Ms Dr President Prime Minister Premier Chairman Secretary General Vice Foreign Deputy Director
    Chinese Russian Photo Source Note Read More See Figure Table Chapter Section Part Article Annex
    GDP GNP GNI FDI ODA ICT IT AI LNG LPG CEO CFO IPO VAT PPP NGO NGOs SME SMEs GW MW TWh GWh bcm
    Today Yesterday Tomorrow Everyone Nobody
    """.split()
)
_CAPWORD = re.compile(r"[A-Z][\w'.-]*[\w]|[A-Z]")
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0400-\u042f"
_NAME_WORD = rf"[{_UPPER}][\w.-]*\w(?:'(?!s\b)\w+)?"
# Lower-case particles inside names: "Dar es Salaam", "Salar de Atacama", "Ministry of Transport".
_PARTICLE = r"(?:of|de|del|la|le|es|el|van|von|der|da|do|dos|du|di|bin|al-)"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})*|[A-Z]{{2,}}")


def plain(text: str) -> str:
    """Accents off, one character for one: "Burkinabè" and "Burkinabe", "Ørsted" and "Orsted" meet."""
    return text.translate(_PLAIN)


def _plain_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(code))[:1]
        if base.isascii() and base.isalpha() and base != chr(code):
            table[code] = base
    table.update(
        {
            ord("\u00d8"): "O",
            ord("\u00f8"): "o",
            ord("\u0110"): "D",
            ord("\u0111"): "d",
            ord("\u0141"): "L",
            ord("\u0142"): "l",
        }
    )
    return table


_PLAIN = _plain_table()


def _scan(
    probe: str, gaz: Gazetteer, lo: int, hi: int, *, listed_only: bool = False
) -> list[tuple[int, int, tuple[str, str]]]:
    """Gazetteer names in probe[lo:hi], leftmost and longest first, as (start, end, entry): each span
    of up to `longest` words that starts with a name's first word is looked up, with a closing
    full stop ("U.S.") and without. A name is not matched inside a word, nor before "'" and a
    letter other than s ("Kazakhstan's" matches)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(probe, lo, hi)]
    found: list[tuple[int, int, tuple[str, str]]] = []
    i = 0
    while i < len(words):
        start = words[i][0]
        if probe[start : words[i][1]] not in gaz.firsts or (start > 0 and probe[start - 1].isalnum()):
            i += 1
            continue
        hit: tuple[int, int, tuple[str, str], int] | None = None
        for j in range(min(len(words), i + gaz.longest) - 1, i - 1, -1):
            end = words[j][1]
            if end < len(probe) and (probe[end].isalnum() or _ELIDED.match(probe, end)):
                continue
            written = name_key(probe[start:end])
            entry = gaz.names.get(written + ".") if end < hi and probe[end] == "." else None
            if entry is not None and not (listed_only and entry[1] == "name"):
                hit = (start, end + 1, entry, j)
                break
            entry = gaz.names.get(written)
            if entry is not None and not (listed_only and entry[1] == "name"):
                hit = (start, end, entry, j)
                break
        if hit is None:
            i += 1
            continue
        found.append(hit[:3])
        i = hit[3] + 1
    return found


_ELIDED = re.compile(r"'[a-rt-z]")


def find(text: str, gaz: Gazetteer) -> list[Mention]:
    """Gazetteer entities, longest name first, then unknown capitalised names. Names are matched
    without their accents; positions and the text shown are the writer's."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    probe = plain(text)
    for start, end, (eid, kind) in _scan(probe, gaz, 0, len(probe)):
        if kind == "name" and probe[start:end] in COMMON_CAPS:
            continue
        out.append(Mention(entity=eid, kind=kind, text=text[start:end], start=start, end=end))
        taken.append((start, end))
        if kind == "name":  # a found name keeps the known entities inside it: "EU-Chile ... Agreement"
            for a, b, (ie, ik) in _scan(probe, gaz, start, end, listed_only=True):
                if (a, b) != (start, end):
                    out.append(Mention(entity=ie, kind=ik, text=text[a:b], start=a, end=b))
    for lo, hi in _runs(text):
        parts = _outside(lo, hi, taken)
        rest = [w for a, b in parts for w in text[a:b].split() if w[0].isupper() and w not in COMMON_CAPS]
        if parts != [(lo, hi)] and rest and rest[-1].rstrip("'s") in HEAD_NOUNS and text[hi - 1].isalnum():
            # "Arctic Railway", "SCO Business Council": a known name inside a longer one names
            # something else; the whole run is the entity, not its leftover words.
            out.extend(_name(text, lo, hi))
        else:
            for a, b in parts:
                out.extend(_name(text, a, b))
    out.sort(key=lambda x: x.start)
    return out


# Words that end the names of institutions, projects and places: "Arctic Railway", "SCO Business
# Council", "Qingdao Development Center". A known name followed by one of these names something else.
HEAD_NOUNS = frozenset(
    """
    Railway Railways Railroad Council Centre Center Corridor Bank Fund Forum Index Initiative Strategy
    Programme Program Project Pipeline Port Summit Days Agreement Union Organisation Organization
    Association Institute Ministry Commission Committee Authority Agency Company Corporation Group Zone
    Park Exhibition Expo Conference Road Route Highway Line Network Plan Treaty University Academy
    Foundation Party Parliament Congress Assembly Court Office Service Airlines Airways Telecom Holdings
    Exchange Partnership Dialogue Declaration Accord Canal Dam Bridge Airport Station Terminal
    """.split()
)


_HEAD_KINDS = {
    "organisation": frozenset(
        "Council Bank Fund Union Organisation Organization Association Institute Ministry Commission "
        "Committee Authority Agency Company Corporation Group Party Parliament Congress Assembly Court "
        "Office Service "
        "Foundation University Academy Airlines Airways Telecom Holdings Exchange Government Administration "
        "Department Board Trust Federation Alliance League".split()
    ),
    "place": frozenset(
        "Railway Railways Railroad Corridor Pipeline Port Road Route Highway Line Network Canal Dam Bridge "
        "Airport Station Terminal Zone Park Valley Mountains River Lake Sea Island Province Region "
        "City".split()
    ),
    "programme": frozenset(
        "Agreement Treaty Declaration Accord Plan Strategy Programme Program Initiative Index Project "
        "Dialogue Partnership Summit Conference Forum Exhibition Expo Days Act Law Policy Framework".split()
    ),
}


def name_kind(name: str) -> str:
    """The kind of an unknown name, read from its head noun: "Ministry of Transport" is an
    organisation, "Arctic Railway" a place, "National Lithium Strategy" a programme."""
    words = name.split()
    for word in (words[-1], words[0]) if words else ():
        for kind, heads in _HEAD_KINDS.items():
            if word in heads:
                return kind
    return "name"


def _runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words; "Ministry of Transport and Communications" stays one run."""
    runs: list[tuple[int, int]] = []
    for m in _NAME_RUN.finditer(text):
        if runs and text[runs[-1][1] : m.start()] == " and " and " of " in text[runs[-1][0] : runs[-1][1]]:
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return runs


def _outside(lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [lo, hi) that no gazetteer name covers: "SCO Business Council" leaves "Business Council".
    `taken` is in order and its spans do not overlap (they are one `finditer`'s matches), so only the
    ones inside [lo, hi) are looked at: a long run of names stays linear (issue 6)."""
    parts = []
    i = bisect.bisect_right(taken, lo, key=lambda t: t[1])  # the first that ends after lo
    cur = lo
    while i < len(taken) and taken[i][0] < hi:
        a, b = taken[i]
        if a > cur:
            parts.append((cur, a))
        cur = max(cur, b)
        i += 1
    if cur < hi:
        parts.append((cur, hi))
    return parts


def _name(text: str, lo: int, hi: int) -> list[Mention]:
    chunk = text[lo:hi]
    words = chunk.split()
    while words and (words[0] in COMMON_CAPS or words[0].lower() in STOPWORDS or not words[0][0].isupper()):
        words.pop(0)
    while words and (words[-1] in COMMON_CAPS or not words[-1][0].isupper()):
        words.pop()
    if not words:
        return []
    name = " ".join(words)
    start = lo + chunk.index(words[0])
    if start == _sentence_start(text, start) and len(words) == 1:
        return []  # a lone capitalised first word is just the start of a sentence
    if len(words) == 1 and any(words[0] in heads for heads in _HEAD_KINDS.values()):
        return []  # "the Commission", "the Ministry": a description, not a name
    if name.endswith("'s"):
        name = name[:-2]
    return [Mention(entity=f"name:{name}", kind="name", text=name, start=start, end=start + len(name))]


def _sentence_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] in " \"'([":
        i -= 1
    return pos if i == 0 else -1

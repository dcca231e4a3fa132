"""Entities in a sentence: countries (with demonyms and capitals used as metonyms), organisations,
companies, people and places, from a gazetteer that ships with the package and that a store may
extend with its own `gazetteer.yaml`.

A capitalised name the gazetteer does not know is still an entity (`model.unknown_entity`), so that a
substituted company or province is noticed even when nobody listed it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from factcheck import bounded, derived
from factcheck.errors import FactcheckError
from factcheck.lang import table
from factcheck.model import Document, Mention, unknown_entity, unknown_name
from factcheck.rules import rules
from factcheck.text import STOPWORDS

GAZETTEER = Path(__file__).parent / "data" / "gazetteer.yaml"
KINDS = frozenset(
    {
        "country",
        "region",
        "city",
        "organisation",
        "company",
        "person",
        "programme",
        "place",
        "name",
        "outlet",
        "product",
    }
)
# The kinds that act and own figures by name: a company, a person, a name the gazetteer does not know
# (most often one of the two). One figure's owner of one of these kinds is not shared with another.
ACTORS = frozenset({"company", "person", "name"})
# Kinds an unknown name may be written for: geography is never guessed by spelling ("Niger" is not
# "Nigeria"), and a name of unknown kind may stand for a person or a company.
_ALIKE = {"name": frozenset({"name", "person", "company"}), "person": frozenset({"name", "person"})}


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
    initials: dict[str, tuple[str, str]]  # acronym -> the one name's entry with it, built on first use
    surnames: dict[str, tuple[str, str]]  # last word of a person's name -> the person, when unique
    spellings: dict[str, list[tuple[str, tuple[str, str]]]]  # kind -> (name, entry), built on first use
    memo: dict[tuple[str, bool], tuple[str, str] | None]  # an unknown name's resolution: the names are fixed

    def label(self, entity: str) -> str:
        return unknown_name(entity) or self.labels.get(entity, entity)


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
    surnames: dict[str, set[tuple[str, str]]] = {}
    for n, entry in names.items():
        words = _WORD.findall(n)
        if not words or len(words) > MAX_NAME_WORDS:  # a run of capitals is no name (issue 12)
            continue
        firsts.add(words[0])
        longest = max(longest, len(words))
        if entry[1] == "person" and _personal(n):  # found names carry their surnames as aliases
            surnames.setdefault(n.split()[-1], set()).add(entry)
    return Gazetteer(
        names=names,
        labels=labels,
        kinds=kinds,
        firsts=frozenset(firsts),
        longest=longest,
        initials={},
        surnames={w: next(iter(e)) for w, e in surnames.items() if len(e) == 1 and w not in names},
        spellings={},
        memo={},
    )


GEO = frozenset({"country", "region", "city", "place"})  # kinds of place, as against actors


def _kind_of_entry(name: str, entry: tuple[str, str]) -> str:
    """A listed entry's kind; a found name's kind read from its head noun."""
    return entry[1] if entry[1] != "name" else name_kind(name)


def _personal(name: str) -> bool:
    """Shaped like a person's name: two or three words, each one capital and lower-case letters
    ("Javier Milei", "Alberto Fernandez"), none a head noun, a title or a word that is no name."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        len(w) > 1
        and w[0].isupper()
        and w[1:].replace("-", "").isalpha()
        and w[1:].islower()
        and w not in HEAD_KINDS
        and w not in TITLE_WORDS
        and w not in NOT_NAMES
        for w in words
    )


def _read(path: Path) -> str:
    try:
        return bounded.read_text(path, limit=None)
    except OSError as e:
        raise FactcheckError(f"cannot read gazetteer: {e.strerror}", str(path)) from None


def _entries(path: Path, text: str | None = None) -> list[dict[str, object]]:
    import yaml  # here: a gazetteer is parsed only when the derived-data cache does not have it

    from factcheck import safeyaml

    if text is None:
        text = _read(path)
    try:
        # libyaml's loader when PyYAML has it: 20x faster.
        data = safeyaml.load(text, str(path))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise FactcheckError(
            f"malformed YAML: {getattr(e, 'problem', e)}", str(path), mark.line + 1 if mark else None
        ) from None
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, list):
        raise FactcheckError("a gazetteer needs a list under 'entities'", str(path))
    for i, entry in enumerate(entities):
        if isinstance(entry, dict) and (bad := safeyaml.wrong_types(entry, _ENTRY_TYPES)):
            raise FactcheckError(
                f"gazetteer entry {i + 1}: {bad}", str(path), safeyaml.line_of(text, ("entities", i))
            )
    return [e for e in entities if isinstance(e, dict)]


_ENTRY_TYPES = {
    "id": "scalar",
    "type": "scalar",
    "names": "scalars",
    "demonyms": "scalars",
    "capitals": "scalars",
    "part_of": "scalar",
}


@lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The bundled gazetteer, extended by the given files (later files win on a clash), over the
    language's reporting outlets.

    Built once per user for given file contents and code (derived.py): every check needs it, and
    parsing the YAML and building the dictionary cost a one-page check more than its verdicts. A
    store's own files are checked in full the first time their content is seen, as the bundled one."""
    paths = (GAZETTEER, *map(Path, extra))
    try:
        texts = [_read(p) for p in paths]
    except FactcheckError:
        return _build(paths)  # reports the first error in the order a build meets them
    digest = derived.key("gazetteer", (t.encode("utf-8") for t in texts), code=True)
    return derived.cached("gazetteer", digest, lambda: _build(paths, texts), _encode, _decode)


def _build(paths: tuple[Path, ...], texts: list[str] | None = None) -> Gazetteer:
    names: dict[str, tuple[str, str]] = {}
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for o in table("outlets"):
        written = [str(n) for n in o["names"]]
        eid = "outlet-" + re.sub(r"\W+", "-", plain(written[0]).lower())
        labels[eid], kinds[eid] = written[0], "outlet"
        names.update((name_key(n), (eid, "outlet")) for n in written)
    for i, path in enumerate(paths):
        for e in _entries(path, texts[i] if texts is not None else None):
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
            for n in e.get("demonyms") or []:  # type: ignore[attr-defined]
                # "Brazilians", "Argentines": the people of a country name it as its adjective does.
                names.setdefault(name_key(plural(str(n))), (eid, kind))
    return _gazetteer(names, labels, kinds)


def _encode(g: Gazetteer) -> dict[str, object]:
    """A freshly built gazetteer as JSON values (its lazily filled tables are still empty)."""
    return {
        "names": {k: list(v) for k, v in g.names.items()},
        "labels": g.labels,
        "kinds": g.kinds,
        "firsts": sorted(g.firsts),
        "longest": g.longest,
        "surnames": {k: list(v) for k, v in g.surnames.items()},
    }


def _decode(data: Any) -> Gazetteer:
    """A gazetteer from a cache entry, refused (ValueError, TypeError) unless it has the shape
    `_encode` gives."""

    def entries(m: Any) -> dict[str, tuple[str, str]]:
        out = {}
        for k, (eid, kind) in m.items():
            if not (isinstance(k, str) and isinstance(eid, str) and isinstance(kind, str)):
                raise TypeError("not a name entry")
            out[k] = (eid, kind)
        return out

    def strings(m: Any) -> dict[str, str]:
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in m.items()):
            raise TypeError("not a table of strings")
        return dict(m)

    firsts, longest = data["firsts"], data["longest"]
    if (
        not isinstance(firsts, list)
        or not all(isinstance(w, str) for w in firsts)
        or type(longest) is not int
    ):
        raise TypeError("not a gazetteer")
    return Gazetteer(
        names=entries(data["names"]),
        labels=strings(data["labels"]),
        kinds=strings(data["kinds"]),
        firsts=frozenset(firsts),
        longest=longest,
        initials={},
        surnames=entries(data["surnames"]),
        spellings={},
        memo={},
    )


def plural(demonym: str) -> str:
    """The plural of a demonym, by the ending rules of the language's demonym_plurals table."""
    best = max((r for r in _PLURALS if demonym.endswith(r[0])), key=lambda r: len(r[0]))
    return demonym + best[1]


_PLURALS = [(str(end), str(r["add"] or "")) for r in table("demonym_plurals") for end in r["endings"]]


Found = tuple[str, tuple[str, ...]]  # a name found in the sources, and the abbreviations it was given


def extend(gaz: Gazetteer, found: list[Found]) -> Gazetteer:
    """The gazetteer with names found in sources added as entities of kind "name"."""
    if not found:
        return gaz
    names = dict(gaz.names)
    for n, aliases in found:
        for written in (n, *aliases):
            names.setdefault(name_key(written), (unknown_entity(n), "name"))
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
                written = " ".join(m.text.split())  # a name broken across lines is one name
                if (
                    m.kind == "name"
                    and len(written) > 2
                    and len(_WORD.findall(written)) <= MAX_NAME_WORDS
                    and name_key(written) not in gaz.names
                ):
                    found.add(written)
                    short = _ABBREVIATION.match(sent.text, m.end)
                    if short and " " in written and name_key(short.group(1)) not in gaz.names:
                        aliases.setdefault(written, set()).add(short.group(1))
    short_forms = {a for names in aliases.values() for a in names}
    # A single word the sources also write in lower case ("Trade", "Meanwhile") is an ordinary word.
    kept = [n for n in sorted(found) if n not in short_forms and (" " in n or n.lower() not in lowercase)]
    folded = _short_forms(kept, gaz, aliases, lowercase)
    return [(n, tuple(sorted(aliases.get(n, ())))) for n in kept if n not in folded]


def _short_forms(
    found: list[str], gaz: Gazetteer, aliases: dict[str, set[str]], lowercase: set[str]
) -> set[str]:
    """Give each found name of several words its acronym ("Stockholm International Peace Research
    Institute": SIPRI), a person's name its surname alone ("Javier Milei": Milei), a company's its
    name without the legal form ("Pixel Devices Ltd": Pixel Devices) and a body's the other order
    of its words ("Ministry of Defence": Defence Ministry) as aliases, when no other name shares
    them; return the found names that are such short forms, which name the long one rather
    than something of their own. A last word the sources also write in
    lower case is no surname ("Armed Police", "Adobe Stock")."""
    owners: dict[str, set[str]] = {}
    for n in found:
        if " " not in n:
            continue
        last = n.split()[-1]
        person = _personal(n) and last.lower() not in lowercase
        shorts = acronyms(bare(n)) | ({last} if person else set()) | ({bare(n)} - {n}) | inverted(n)
        for short in shorts:
            owners.setdefault(short, set()).add(n)
    folded: set[str] = set()
    kept: set[str] = set()
    for short, names in sorted(owners.items()):
        owner = next(iter(names))
        # Two found names may each be the other's short form ("Commerce Department", "Department of
        # Commerce"): the first folds into the second, which then stays a name.
        if len(names) == 1 and name_key(short) not in gaz.names and owner not in folded and short not in kept:
            aliases.setdefault(owner, set()).add(short)
            folded.add(short)
            kept.add(owner)
    return folded & set(found)


# Particles, read as their plain words: the ones that join a run of capitals into one name, and all
# of them, which an acronym skips.
_PARTICLES = [(str(w), bool(e["joins"])) for e in table("particles") for w in e["words"]]
_SKIPPED = frozenset(w for w, _ in _PARTICLES)
_AFTER_NOUN = frozenset(str(w) for e in table("particles") if e.get("after_noun") for w in e["words"])


def acronyms(name: str) -> set[str]:
    """The acronyms a name of several words may be written as: the initials of its words, particles
    skipped ("Centre for Strategic and International Studies": CSIS), and of its capitalised words
    only ("Organisation for Economic Co-operation and Development": OECD). Three letters at least:
    two are too often something else."""
    words = [w for w in name_key(name).split() if w.lower() not in _SKIPPED]
    if len(words) < 2 or not words[0][0].isupper() or any(len(w) > 1 and w.isupper() for w in words):
        return set()  # a name in capitals, or with an acronym in it ("CPC Central Committee")
    found = {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}
    return {a for a in found if len(a) >= 3 and a.isalpha()}


def inverted(name: str) -> set[str]:
    """The other order of a body's name: "Ministry of Defence" and "Defence Ministry", "Department
    of Commerce" and "Commerce Department" (a head noun that `inverts`, a field of one or two
    words)."""
    m = rules()["office of a field"].pattern.fullmatch(name)
    if m and m.group(1) in _INVERTS:
        return {f"{m.group(2)} {m.group(1)}"}
    m = _FIELD_HEAD.fullmatch(name)
    if m and m.group(2) in _INVERTS and not set(m.group(1).split()) & _CLOSERS:
        return {f"{m.group(2)} of {m.group(1)}"}
    return set()


_FIELD_HEAD = re.compile(r"([A-Z]\w+(?: [A-Z]\w+)?) ([A-Z]\w+)")


def skeleton(name: str) -> str:
    """A name reduced to what survives its transliterations: lower case, no accents, "ph" as "f",
    q and c as k, y as i, an h after a consonant dropped and doubled letters single ("Qadhafi" and
    "Qaddafi" are both "kadafi", "Sergey" and "Sergei" both "sergei")."""
    s = plain(name).lower().replace("ph", "f")
    s = s.translate(_SOUNDS)
    s = re.sub(r"(?<=[^aeiou\W])h", "", s)
    return re.sub(r"(\w)\1+", r"\1", s)


_SOUNDS = str.maketrans({"q": "k", "c": "k", "y": "i", "-": " "})


_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")


# Capitalised words that are no names (sentence openers, months and days, document furniture, the
# acronyms of measures), and titles and the words that qualify them: the language's tables.
COMMON_CAPS = frozenset(str(w) for e in table("common_caps") if not e.get("alone") for w in e["words"])
_ADJECTIVES = frozenset(str(w) for e in table("common_caps") if e.get("alone") for w in e["words"])
TITLE_WORDS = frozenset(str(w) for e in table("titles") if e["role"] == "title" for w in e["words"])
_MODIFIERS = frozenset(str(w) for e in table("titles") if e["role"] == "modifier" for w in e["words"])
NOT_NAMES = COMMON_CAPS | TITLE_WORDS | _MODIFIERS | _ADJECTIVES  # alone, none of these is anyone
_CLOSERS = COMMON_CAPS | TITLE_WORDS  # never the last word of a name ("Kenya's Finance Minister")
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0400-\u042f"
_NAME_WORD = rf"[{_UPPER}][\w.-]*\w(?:'(?!s\b)\w+)?"
_PARTICLE = "(?:" + "|".join(re.escape(w) for w, joins in _PARTICLES if joins) + ")"
_NAME_RUN = derived.regex(rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})*|[A-Z]{{2,}}")


def possessive(word: str) -> str:
    """A word without its possessive ending: "Kazakhstan's" -> "Kazakhstan", "Airways'" -> "Airways";
    any other final s stays ("Airways", "Holdings")."""
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    return word[:-1] if word.endswith(("s'", "s\u2019")) else word


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
    without their accents; positions and the text shown are the writer's. A reporting outlet is a
    mention of kind "outlet": the source of what the sentence reports, not what it is about."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    probe = plain(text)
    for start, end, (eid, kind) in _scan(probe, gaz, 0, len(probe)):
        if kind == "name" and (probe[start:end] in NOT_NAMES or _first_name(probe, start, end, eid, taken)):
            continue
        out.append(Mention(entity=eid, kind=kind, text=text[start:end], start=start, end=end))
        taken.append((start, end))
        if kind == "name" and not _renames(unknown_name(eid) or eid):
            # A found name keeps the known entities inside it ("EU-Chile ... Agreement"), unless its
            # head makes it something of its own ("Kenya Airways").
            for a, b, (ie, ik) in _scan(probe, gaz, start, end, listed_only=True):
                if (a, b) != (start, end):
                    out.append(Mention(entity=ie, kind=ik, text=text[a:b], start=a, end=b))
    headline = _headline(text, taken)
    renamed: set[tuple[int, int]] = set()
    for lo, hi in _runs(text):
        parts = _outside(lo, hi, taken)
        rest = [w for a, b in parts for w in text[a:b].split() if w[0].isupper() and w not in NOT_NAMES]
        if parts != [(lo, hi)] and rest and possessive(rest[-1]) in HEAD_NOUNS and text[hi - 1].isalnum():
            # "Arctic Railway", "SCO Business Council": a known name inside a longer one names
            # something else; the whole run is the entity, not its leftover words.
            whole = _name(text, lo, hi, gaz, headline)
            out.extend(whole)
            if whole and _renames(whole[0].text):
                renamed.update(_inside(lo, hi, taken))
        else:
            for a, b in parts:
                out.extend(_name(text, a, b, gaz, headline))
    if renamed:
        out = [m for m in out if (m.start, m.end) not in renamed]
    # "Economic Development Minister Jane Doe": a name right before a title is the office's field.
    out = [m for m in out if not (m.kind == "name" and _before_title(text, m.end))]
    out.sort(key=lambda x: x.start)
    return out


def _before_title(text: str, end: int) -> bool:
    """The word after a mention ending at `end` is a title ("Minister"), a space apart."""
    following = text[end : end + 40].split(maxsplit=1)
    return end < len(text) and text[end].isspace() and bool(following) and following[0] in TITLE_WORDS


def _first_name(probe: str, start: int, end: int, eid: str, taken: list[tuple[int, int]]) -> bool:
    """A found name's surname ("Lopez" for "Maria Lopez") right after an unknown capitalised word:
    with another first name ("Mario Lopez") it names someone else, so the whole is one name. A
    one-word name of its own ("Kursk" after "Rebuilding") is not a surname and stays."""
    word = probe[start:end]
    if not word.isalpha() or eid == unknown_entity(word) or start < 2 or probe[start - 1] != " ":
        return False
    m = _LAST_WORD.search(probe, max(0, start - 40), start)
    return m is not None and m.group(1) not in NOT_NAMES and (not taken or taken[-1][1] <= m.start(1))


_LAST_WORD = re.compile(r"\b([A-Z][a-z]+) $")


# Head nouns and their kinds ("Ministry": organisation, "Railway": place), and those after which a
# known name names something else ("Kenya Airways" is not Kenya): the language's entity_heads table.
HEAD_KINDS = {str(w): str(e["kind"]) for e in table("entity_heads") for w in e["words"]}
HEAD_NOUNS = frozenset(str(w) for e in table("entity_heads") if e["renames"] for w in e["words"])
_INVERTS = frozenset(str(w) for e in table("entity_heads") if e.get("inverts") for w in e["words"])
LEGAL_FORMS = frozenset(str(w) for e in table("entity_heads") if e.get("legal") for w in e["words"])


def bare(name: str) -> str:
    """A company's name without its legal form: "Pixel Devices Pte Ltd" -> "Pixel Devices"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _renames(name: str) -> bool:
    """A name whose head makes it something other than the known names in it: an institution, a
    firm or a site ("Kenya Airways", "China Development Bank"), not an agreement or an event, which
    keeps its parties ("EU-Chile Association Agreement")."""
    words = name.split()
    head = possessive(words[-1]) if words else ""
    return head in HEAD_NOUNS and HEAD_KINDS[head] != "programme"


def name_kind(name: str) -> str:
    """The kind of an unknown name, read from its head noun: "Ministry of Transport" is an
    organisation, "Arctic Railway" a place, "National Lithium Strategy" a programme."""
    words = name.split()
    for word in (possessive(words[-1]), words[0]) if words else ():
        if word in HEAD_KINDS:
            return HEAD_KINDS[word]
    return "name"


def _runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words; "Ministry of Transport and Communications" and "Centre for
    Strategic and International Studies" stay one run; a hyphened adjective ends one ("Soviet-built
    VVERs" is two)."""
    runs: list[tuple[int, int]] = []
    for m in _NAME_RUN.finditer(text):
        lo = m.start()
        for h in _ADJECTIVAL.finditer(text, m.start(), m.end()):
            runs.append((lo, h.start()))
            lo = h.end() + len(text[h.end() : m.end()]) - len(text[h.end() : m.end()].lstrip())
        if lo >= m.end():
            continue
        if runs and text[runs[-1][1] : lo] == " and " and _one_name(text, runs[-1], (lo, m.end())):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((lo, m.end()))
    return runs


def _one_name(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Two runs of capitalised words joined by "and" name one thing: "Ministry of Transport and
    Communications" (a link inside the first), or "the Stability and Growth Pact" (one word after
    "the", and a head noun closing the second)."""
    if rules()["linked names"].pattern.search(text, *first):
        return True
    last = text.rfind(" ", first[0], first[1]) + 1 or first[0]  # the first run's last word
    return bool(
        rules()["one body"].search(text[max(0, last - 8) : last])
        and possessive(text[second[0] : second[1]].split()[-1]) in HEAD_NOUNS
    )


_ADJECTIVAL = derived.regex(
    r"-(?:" + "|".join(str(w) for e in table("adjectival_suffixes") for w in e["words"]) + r")\b(?!-)"
)


def _outside(lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [lo, hi) that no gazetteer name covers: "SCO Business Council" leaves "Business Council".
    `taken` is in order and its spans do not overlap (they are one `finditer`'s matches), so only the
    ones inside [lo, hi) are looked at: a long run of names stays linear (issue 6)."""
    parts = []
    cur = lo
    for a, b in _inside(lo, hi, taken):
        if a > cur:
            parts.append((cur, a))
        cur = max(cur, b)
    if cur < hi:
        parts.append((cur, hi))
    return parts


def _inside(lo: int, hi: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of `taken` (in order, not overlapping) that begin inside [lo, hi)."""
    i = bisect.bisect_right(taken, lo, key=lambda t: t[1])  # the first that ends after lo
    spans = []
    while i < len(taken) and taken[i][0] < hi:
        spans.append(taken[i])
        i += 1
    return spans


_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _headline(text: str, taken: list[tuple[int, int]]) -> bool:
    """Written in headline case ("Academy Opens New Campus In Almaty"): no full stop at the end, and
    most of its words that no known name covers are capitalised, so a capital there is no evidence
    of a name."""
    if text.rstrip(" \"')\u201d").endswith((".", "!", "?", ";", ",")):
        return False
    words = caps = 0
    i = 0
    for m in _CONTENT.finditer(text):
        while i < len(taken) and taken[i][1] <= m.start():
            i += 1
        if (i < len(taken) and taken[i][0] <= m.start()) or m.group().lower() in STOPWORDS:
            continue
        words += 1
        caps += m.group()[0].isupper()
    return words >= 4 and caps >= 0.8 * words


def _name(text: str, lo: int, hi: int, gaz: Gazetteer, headline: bool = False) -> list[Mention]:
    """The unknown name in text[lo:hi], its openers, titles and possessive trimmed, resolved to a
    known name it abbreviates, shortens or spells differently when there is exactly one."""
    words = [(m.group(), m.start() + lo) for m in re.finditer(r"\S+", text[lo:hi])]
    while words and (
        words[0][0] in COMMON_CAPS or words[0][0].lower() in STOPWORDS or not words[0][0][0].isupper()
    ):
        words.pop(0)
    words = _untitled(words)
    while words and (words[-1][0] in _CLOSERS or not words[-1][0][0].isupper()):
        words.pop()
    if not words or headline:
        return []
    start = words[0][1]
    joined = " ".join(w for w, _ in words)
    name = possessive(joined)
    # The mention spans the name as written, whatever spaces or line breaks stand between its words.
    end = words[-1][1] + len(words[-1][0]) - (len(joined) - len(name))
    if len(words) == 1 and (name in NOT_NAMES or name in HEAD_KINDS):
        return []  # "the Commission", "the Embassy", "Minister": a description, not a name
    first = len(words) == 1 and start == _sentence_start(text, start)
    entry = _resolve(name, gaz, first)
    if entry is not None:
        return [Mention(entity=entry[0], kind=entry[1], text=text[start:end], start=start, end=end)]
    if first:
        return []  # a lone capitalised first word is just the start of a sentence
    # "Makers of EV components qualify": a sentence's capitalised first word before "of" is a common
    # noun, unless it heads a name ("Bank of Kigali"); the name is what follows
    opening = start == _sentence_start(text, start)
    if len(words) > 2 and words[1][0] in _AFTER_NOUN and opening and words[0][0] not in HEAD_KINDS:
        return _name(text, words[2][1], hi, gaz)
    return [Mention(entity=unknown_entity(name), kind="name", text=text[start:end], start=start, end=end)]


def _untitled(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words without a role written before a person ("Finance Minister Jane Doe", "Economic
    Development Minister Jane Doe", "Minister of Finance Jane Doe": "Jane Doe"); nothing when they
    are only a role ("Prime Minister", "Minister of Foreign Affairs"). A title before a name ending in
    a head noun is part of that name ("Ambassador Bridge")."""
    last = -1
    for i, (w, _) in enumerate(words):
        if w in TITLE_WORDS:
            last = i
        elif w not in _MODIFIERS:
            break
    if last < 0:
        # A role whose field comes first ("Economic Development Minister Maxim Reshetnikov"): the
        # title inside the run, and a name of two or more words after it.
        inner = [i for i, (w, _) in enumerate(words) if w in TITLE_WORDS]
        if not inner or len(words) - inner[-1] <= 2:
            return words
        last = inner[-1]
        if not all(w[0].isupper() for w, _ in words[last + 1 :]):
            return words
    rest = words[last + 1 :]
    if not rest:
        return []
    if not rest[0][0][0].isupper():
        # A role and its field ("Deputy Minister of Foreign Affairs", "Secretary of State"), then
        # perhaps the person: "Minister of Foreign Affairs Jane Doe" ends in two more capitalised
        # words than the field's (taken as the field's when there are two or fewer).
        after = rest[1:]
        if len(after) >= 3 and all(w[0].isupper() for w, _ in after) and after[-1][0] not in HEAD_KINDS:
            return after[-2:]
        return []
    return words if rest[-1][0] in HEAD_KINDS else rest


def _resolve(name: str, gaz: Gazetteer, first: bool) -> tuple[str, str] | None:
    """The known entity an unknown name writes short or differently: an acronym of its initials
    ("SIPRI"), the name an acronym it has stands for, a company without its legal form ("Pixel
    Devices Ltd"), a body's name in the other order ("Commerce Department"), a person's surname
    ("Milei"), or, away from the start of a sentence, a spelling of
    the same kind close enough ("Muammar Qadhafi")."""
    if (name, first) in gaz.memo:
        return gaz.memo[name, first]
    key = name_key(name)
    entry: tuple[str, str] | None = None
    if " " not in key:
        entry = _initials(gaz).get(key) if key.isupper() else gaz.surnames.get(key)
    else:
        known = {gaz.names[a] for a in acronyms(key) if a in gaz.names and gaz.names[a][1] not in GEO}
        others = [name_key(bare(name)), *map(name_key, inverted(name))]
        entry = next(iter(known)) if len(known) == 1 else next(filter(None, map(gaz.names.get, others)), None)
    if entry is None and not first and len(key) <= 60:
        entry = _spelled(key, gaz)
    gaz.memo[name, first] = entry
    return entry


def _spelled(key: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """A known name of the same kind spelled almost alike, by the ratio of their skeletons: 92 of
    100 for names of several words ("Muammar Qaddafi" and "Muammar Gaddafi" score 92, "Maria Lopez"
    and "Mario Lopez", two people, 91), 90 for a lone surname of six letters or more, against the
    surnames of listed people only (shorter words differ in one letter and mean something else)."""
    if " " in key:
        kinds = _ALIKE.get(name_kind(key), {name_kind(key)})
        cutoff = 92.0
    elif len(key) >= 6 and not key.isupper():
        kinds = frozenset({"surname"})
        cutoff = 90.0
    else:
        return None
    # Names whose lengths already rule out the ratio are not skeletonised (a loose bound: skeletons
    # are shorter than names by their doubled letters and silent h's).
    slack = len(key) // 4 + 2
    pool = [p for k in kinds for p in _spellings(gaz).get(k, ()) if abs(len(p[0]) - len(key)) <= slack]
    if not pool:
        return None
    from rapidfuzz import fuzz, process  # only a draft with an unknown name pays for the import

    shapes = [_skeleton(p[0]) for p in pool]
    best = process.extractOne(skeleton(key), shapes, scorer=fuzz.ratio, score_cutoff=cutoff)
    return pool[best[2]][1] if best else None


def _spellings(gaz: Gazetteer) -> dict[str, list[tuple[str, tuple[str, str]]]]:
    """The gazetteer's names of several words by kind, and its people's surnames, gathered the
    first time a name is compared by spelling: most checks never need them."""
    if not gaz.spellings:
        gaz.spellings["surname"] = [(w, e) for w, e in gaz.surnames.items() if len(w) >= 6]
        for n, entry in gaz.names.items():
            kind = _kind_of_entry(n, entry)
            if kind in ("person", "name", "company", "organisation", "programme") and " " in n:
                gaz.spellings.setdefault(kind, []).append((n, entry))
    return gaz.spellings


_skeleton = lru_cache(maxsize=65536)(skeleton)  # names recur across gazetteers and drafts


def _initials(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Acronyms of the gazetteer's names that only one entity has (geography aside: "US" is listed
    where it is meant), made the first time an unknown acronym is looked up. The empty key marks
    the table as made."""
    if not gaz.initials:
        owners: dict[str, set[tuple[str, str]]] = {}
        for n, entry in gaz.names.items():
            if " " in n and _kind_of_entry(n, entry) not in GEO:
                for a in acronyms(n):
                    owners.setdefault(a, set()).add(entry)
        unique = {a: next(iter(e)) for a, e in owners.items() if len(e) == 1 and a not in gaz.names}
        gaz.initials.update(unique)
        gaz.initials[""] = ("", "")
    return gaz.initials


def _sentence_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] in " \"'([":
        i -= 1
    return pos if i == 0 else -1

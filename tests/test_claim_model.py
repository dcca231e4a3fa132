"""The claim model: typed values, not encoded strings, and every field documented where it is defined.

Stores keep their written form ("KZ>vodka", "rise:+"): each value object reads and writes it itself,
so no other module parses it.
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from factcheck import codec, model
from factcheck.model import (
    Claim,
    ClaimKind,
    Pair,
    Polarity,
    Scope,
    Side,
    Stance,
    unknown_entity,
    unknown_name,
)

RISE = Stance("rise", Side.FOR)


@pytest.mark.parametrize(
    ("value", "plain", "why"),
    [
        (Pair("KZ", "vodka"), "KZ>vodka", "a word said of an entity"),
        (Pair("mes-aynak", "AF-LOG", partner=True), "mes-aynak>@AF-LOG", "two entities named together"),
        (Polarity(frozenset({RISE})), ["rise:+"], "one stance"),
        (Polarity(frozenset({RISE}), exception=True), ["except", "rise:+"], "a rule stated by its exception"),
        (Polarity(), [], "no direction"),
    ],
)
def test_value_objects_keep_their_written_form(value: object, plain: object, why: str) -> None:
    assert codec.encode(value) == plain, why
    assert type(value).from_plain(plain) == value, why  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cls", "raw", "why"),
    [
        (Pair, "KZ vodka", "no '>' between entity and word"),
        (Pair, 12, "not text"),
        (Polarity, ["rise:up"], "a side is + or -"),
        (Polarity, "rise:+", "a list, not one string"),
    ],
)
def test_malformed_written_forms_are_codec_errors(cls: type, raw: object, why: str) -> None:
    claim = codec.encode(_claim())
    claim["pairs" if cls is Pair else "polarity"] = [raw] if cls is Pair else raw
    with pytest.raises(codec.CodecError):
        codec.decode(Claim, claim)


def test_claims_round_trip_with_their_types() -> None:
    c = _claim()
    back = codec.decode(Claim, codec.encode(c))
    assert back == c
    assert back.kind is ClaimKind.NAMED and back.scope is Scope.SENTENCE
    assert isinstance(back.pairs[0], Pair) and isinstance(back.polarity, Polarity)


def test_unknown_names_have_one_home() -> None:
    eid = unknown_entity("Vega")
    assert unknown_name(eid) == "Vega"
    assert unknown_name("KG") is None  # a gazetteer id


def test_turned_names_the_opposition() -> None:
    rose, fell = Polarity(frozenset({RISE})), Polarity(frozenset({RISE.opposite()}))
    assert rose.turned(fell) == "rise" and fell.turned(rose) == "rise"
    assert not rose.turned(rose)
    both = Polarity(frozenset({RISE, RISE.opposite()}))
    assert not rose.turned(both)  # a sentence that says both is not the opposite of either


@pytest.mark.parametrize("cls", [Claim, model.Quantity, model.DateValue, model.Mention, Pair])
def test_every_field_is_documented_where_it_is_defined(cls: type) -> None:
    """Each field has a comment on its line, under a comment for its group, or in the docstring."""
    lines, _ = inspect.getsourcelines(cls)
    doc = inspect.getdoc(cls) or ""
    undocumented = []
    for f in dataclasses.fields(cls):
        i = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{f.name}:"))
        above = i - 1
        while above > 0 and _is_field(lines[above]) and "#" not in lines[above]:
            above -= 1  # a group of fields under one comment
        if "#" in lines[i] or lines[above].strip().startswith("#") or f"`{f.name}`" in doc:
            continue
        undocumented.append(f.name)
    assert not undocumented, f"{cls.__name__}: document {undocumented}"


def _is_field(line: str) -> bool:
    head = line.strip().split(":")[0]
    return head.isidentifier() and ":" in line


def _claim() -> Claim:
    return Claim(
        kind=ClaimKind.NAMED,
        quote="Kazakh vodka rose.",
        line=1,
        column=1,
        end_line=1,
        end_column=18,
        start=0,
        end=18,
        entities=("KZ",),
        terms=("vodka",),
        context=("vodka", "rose"),
        polarity=Polarity(frozenset({RISE})),
        scope=Scope.SENTENCE,
        pairs=(Pair("KZ", "vodka"),),
    )

"""Every language rule's examples hold, and no rule is without examples (as proselint does). The rules
are the entries of lang/en/rules.yaml; the reason for each example is the comment beside it there."""

from __future__ import annotations

import pytest

from factcheck import rules
from factcheck.lang import table
from factcheck.model import Side, Stance
from factcheck.rules import RULES, Rule

MATCHES = [(r, text) for r in RULES for text in r.matches]
REJECTS = [(r, text) for r in RULES for text in r.rejects]


@pytest.mark.parametrize(("rule", "text"), MATCHES, ids=[f"{r.name}: {t[:40]}" for r, t in MATCHES])
def test_rule_matches(rule: Rule, text: str) -> None:
    assert rule.search(text), f"{rule.name} should match: {text}"


@pytest.mark.parametrize(("rule", "text"), REJECTS, ids=[f"{r.name}: {t[:40]}" for r, t in REJECTS])
def test_rule_rejects(rule: Rule, text: str) -> None:
    assert not rule.search(text), f"{rule.name} should not match: {text}"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_examples_both_ways(rule: Rule) -> None:
    assert rule.matches and rule.rejects and rule.why


def test_every_table_entry_is_a_rule() -> None:
    assert [e["name"] for e in table("rules")] == [r.name for r in RULES]


def test_module_names_still_resolve() -> None:
    """Other modules read the rules by their old constant names."""
    assert rules.CITATION is rules.rules()["citation"]
    assert rules.REFERS_BACK.search("It rose.") and rules.RESPECTIVELY.search("respectively")
    with pytest.raises(AttributeError):
        _ = rules.NO_SUCH_RULE


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("Turkmenistan did not join the CSTO.", True, "a plain negation"),
        ("Kazakhstan did not sign up until April 2007.", False, "'not ... until' dates the act"),
        ("Kazakhstan signed up in April 2007.", False, "affirmative"),
    ],
)
def test_negated(text: str, expected: bool, why: str) -> None:
    assert rules.negated(text) is expected, why


# The opposites of the measure lexicon: each 'match' sentence takes a side in its pair, each 'reject'
# sentence takes none.
OPPOSITES = [e for e in table("measure_lexicon") if e.get("kind") == "opposites"]


@pytest.mark.parametrize("entry", OPPOSITES, ids=[e["name"] for e in OPPOSITES])
def test_opposites_examples(entry) -> None:  # type: ignore[no-untyped-def]
    name = entry["name"]

    def sides(text: str) -> set[str]:
        return {s.opposition for s in rules.polarity(text).stances}

    for text in entry.match:
        assert name in sides(text), f"{name} should be in: {text}"
    for text in entry.reject:
        assert name not in sides(text), f"{name} is not in: {text}"


# The measures of the lexicon: each 'match' pair names two measures told apart, each 'reject' pair
# one measure (or a sentence that names the other's measure too).
MEASURES = [e for e in table("measure_lexicon") if e.get("kind") == "measures"]


@pytest.mark.parametrize("entry", MEASURES, ids=[e["name"] for e in MEASURES])
def test_measures_examples(entry) -> None:  # type: ignore[no-untyped-def]
    from factcheck.text import content_terms

    for pair, apart in [(p, True) for p in entry.match] + [(p, False) for p in entry.reject]:
        a, b = (content_terms(x) for x in pair.split("|"))
        assert rules.other_measures(a, b) is apart, f"{pair}: {'' if apart else 'not '}told apart"


def test_opposite_sides_differ() -> None:
    turned_down = rules.polarity("Kyrgyzstan turned down the offer.")
    accepted = rules.polarity("Kyrgyzstan accepted the offer.")
    assert Stance("accept/reject", Side.AGAINST) in turned_down.stances
    assert Stance("accept/reject", Side.FOR) in accepted.stances
    assert turned_down.turned(accepted) == "accept/reject"


def test_exception_is_its_own_flag() -> None:
    """ "every state except X joined" states a rule by its exception: the flag, not a stance."""
    p = rules.polarity("Every member state except Turkmenistan joined the agreement.")
    assert p.exception and not rules.polarity("Every member state joined the agreement.").exception

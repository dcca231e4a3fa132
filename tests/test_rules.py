"""Every language rule's examples hold, and no rule is without examples (as proselint does)."""

from __future__ import annotations

import pytest

from factcheck.rules import RULES, Rule

MATCHES = [(r, text, why) for r in RULES for text, why in r.matches]
REJECTS = [(r, text, why) for r in RULES for text, why in r.rejects]


@pytest.mark.parametrize(("rule", "text", "why"), MATCHES, ids=[f"{r.name}: {w}" for r, _, w in MATCHES])
def test_rule_matches(rule: Rule, text: str, why: str) -> None:
    assert rule.search(text), f"{rule.name} should match ({why}): {text}"


@pytest.mark.parametrize(("rule", "text", "why"), REJECTS, ids=[f"{r.name}: {w}" for r, _, w in REJECTS])
def test_rule_rejects(rule: Rule, text: str, why: str) -> None:
    assert not rule.search(text), f"{rule.name} should not match ({why}): {text}"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_examples_both_ways(rule: Rule) -> None:
    assert rule.matches and rule.rejects and rule.why

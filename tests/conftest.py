"""Fixtures shared by several test files."""

from __future__ import annotations

import pytest
from rivers import make_checker

from factcheck.check import Checker


@pytest.fixture(scope="module")
def rivers_checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    """A checker over `rivers.SOURCE`, the source of the issue 9 capability tests."""
    return make_checker(tmp_path_factory.mktemp("src"))

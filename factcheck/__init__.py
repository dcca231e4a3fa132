"""factcheck: check the figures and named claims of a draft against a store of trusted sources.

The library API is `factcheck.runner.run(Request) -> Outcome` (what the command line does) and
`factcheck.check.check(paths, store, config) -> Report`; see README.md.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # importlib.metadata costs more than the rest of start-up's small modules together: only on demand
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("factcheck")
        except PackageNotFoundError:  # running from a checkout that was never installed
            return "0.0.0"
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

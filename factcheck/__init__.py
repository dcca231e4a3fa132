"""factcheck: check the figures and named claims of a draft against a store of trusted sources.

The library API is `factcheck.check.check(paths, store, config) -> Report`; see README.md.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

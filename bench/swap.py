#!/usr/bin/env python3
"""`factcheck` with another candidate retrieval, for the dev-set scorer:

    python bench/swap.py METHOD [factcheck arguments...]

METHOD is `ours` (factcheck unchanged), `memory` (the YAML store and the in-memory index, as before
the compiled index), `naive` or `bm25` (see baselines.py). Only the retrieval changes: extraction and
the verdict function are factcheck's.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    method = sys.argv.pop(1)
    from factcheck import check as check_mod
    from factcheck.cli import main as cli_main

    if method == "memory":
        from factcheck import store as store_mod

        def open_yaml(paths: Any) -> Any:
            return store_mod.load(Path(paths[0]) if paths else store_mod.DEFAULT_STORE)

        check_mod.open_stores = open_yaml
    elif method != "ours":
        from baselines import METHODS

        base = check_mod.Checker

        class Swapped(base):  # type: ignore[misc, valid-type]
            def __init__(self, store: Any, config: Any) -> None:
                super().__init__(store, config)
                self.index = METHODS[method](store.index)

        check_mod.Checker = Swapped  # type: ignore[misc]
    cli_main()


if __name__ == "__main__":
    main()

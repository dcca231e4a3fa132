#!/usr/bin/env python3
"""Peak memory of indexing a YAML store, at several sizes: the index is built by streaming claims,
so memory must not grow with the store (issue 12: a 1,000,000-claim store within 1 GB).

    python bench/index_memory.py [--sizes 10000,100000,1000000]

For each size it writes a store of that many claims (the bundled store's claims repeated as works of
their own, ids made unique: realistic claims and works of realistic size) under bench/.work/, then
indexes it in a fresh process (`index.index_folder`, what a check does for a store without an index)
and prints the time, the peak RSS and the ratios to the smallest size.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "factcheck" / "data" / "claims"
WORK = ROOT / "bench" / ".work"


def write_store(folder: Path, claims: int) -> int:
    """A store of about `claims` claims (whole copies of the bundled works); the exact count."""
    (folder / "claims").mkdir(parents=True, exist_ok=True)
    meta = (BUNDLED / "store.yaml").read_text(encoding="utf-8")
    works = meta[meta.index("sources:\n") + len("sources:\n") :]
    files = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted((BUNDLED / "claims").glob("*.yaml"))]
    per_copy = sum(t.count("\n- id: ") for _, t in files)
    out = ["version: 1\nsources:\n"]
    k = written = 0
    while written < claims:
        out.append(re.sub(r"^(- \{?id: )([^,\s]+)", rf"\g<1>\g<2>-{k}", works, flags=re.M))
        for stem, text in files:
            text = re.sub(r"^source: (\S+)", rf"source: \1-{k}", text, flags=re.M)
            text = re.sub(r"^- id: ", f"- id: {k}-", text, flags=re.M)
            (folder / "claims" / f"{stem}-{k}.yaml").write_text(text, encoding="utf-8")
        written += per_copy
        k += 1
    (folder / "store.yaml").write_text("".join(out), encoding="utf-8")
    return written


def worker(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from factcheck import index

    t = time.perf_counter()
    index.index_folder(folder, folder / index.INDEX_NAME)
    elapsed = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print("RESULT " + json.dumps({"seconds": elapsed, "rss_mb": rss}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker)
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        folder = WORK / f"yaml-store-{n}"
        marker = folder / ".claims"
        if not marker.is_file():
            count = write_store(folder, n)
            marker.write_text(str(count), encoding="utf-8")
        count = int(marker.read_text(encoding="utf-8"))
        (folder / "index.sqlite").unlink(missing_ok=True)
        res = subprocess.run(
            [sys.executable, __file__, "--worker", str(folder)], capture_output=True, text=True, check=True
        )
        got = json.loads(next(ln for ln in res.stdout.splitlines() if ln.startswith("RESULT "))[7:])
        yaml_mb = sum(f.stat().st_size for f in folder.rglob("*.yaml")) / 2**20
        rows.append((count, yaml_mb, got["seconds"], got["rss_mb"]))
        base = rows[0]
        print(
            f"{count:>9,} claims  {yaml_mb:8.0f} MB of YAML  {got['seconds']:8.1f} s  peak RSS "
            f"{got['rss_mb']:6.0f} MB  (x{count / base[0]:.0f} claims: time x{got['seconds'] / base[2]:.1f}, "
            f"memory x{got['rss_mb'] / base[3]:.2f})",
            flush=True,
        )


if __name__ == "__main__":
    main()

"""The Python binding against the native program, on one corpus, in one run.

    python bench/python.py [--mb 64] [--runs 5]

Makes a corpus of copies of the two real records (../shared/seeds) of at
least MB megabytes in $OEWG_BENCH_DIR (default $TMPDIR/oewg-bench, outside
the checkout), then times, best of RUNS, interleaved so that drift hits
every row alike:

- the native example program's full parse with every analysis, ``oewg
  stats --analyses FILES`` (one thread, and ``--jobs 2``), reading the files
  itself, and without the analyses (``oewg stats FILES``);
- ``oewg.parse_many(paths, threads=1)`` and ``threads=2``: the same work
  from Python, files read in Rust with the GIL released, and
  ``parse_many(paths, threads=1, analyses=False)`` against ``oewg stats``;
- ``oewg.Corpus(sessions).statements_frame()`` and ``.to_arrow()`` over the
  sessions parsed: the tables a notebook asks for.

and prints MB/s and the ratios SPEC.md sets bars for: parse_many on 2
threads against 1 (≥ 1.8×), parse_many against the native program (within
1.5×), and the statements frame against the parse (cheaper).
Needs the package installed (release build) and the example program built:
``cargo build --release --example oewg``.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

import oewg

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
NATIVE = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target") / "release" / "examples" / "oewg"


def corpus(mb: int) -> List[str]:
    work = Path(os.environ.get("OEWG_BENCH_DIR", Path(tempfile.gettempdir()) / "oewg-bench"))
    folder = work / f"seeds-py-{mb}"
    if not folder.is_dir():
        tmp = folder.with_suffix(".partial")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        seeds = sorted(SEEDS.glob("*.txt"))
        total = n = 0
        while total < mb << 20:
            for s in seeds:
                shutil.copy(s, tmp / f"{n:05d}_{s.name}")
                total += s.stat().st_size
                n += 1
        tmp.rename(folder)
    return sorted(str(p) for p in folder.iterdir())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=64)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not NATIVE.is_file():
        print(f"build the native program first: cargo build --release --example oewg", file=sys.stderr)
        return 1
    paths = corpus(args.mb)
    nbytes = sum(os.path.getsize(p) for p in paths)
    for p in paths:  # into the page cache
        Path(p).read_bytes()
    sessions = oewg.parse_many(paths, threads=2)
    statements = sum(len(s) for s in sessions)

    def native(jobs: int, *flags: str) -> Callable[[], object]:
        cmd = [str(NATIVE), "stats", *flags, "--jobs", str(jobs), *paths]
        return lambda: subprocess.run(cmd, check=True, capture_output=True)

    rows: Dict[str, Callable[[], object]] = {
        "native oewg stats --analyses (1)": native(1, "--analyses"),
        "native oewg stats --analyses -j2": native(2, "--analyses"),
        "parse_many(threads=1)": lambda: oewg.parse_many(paths, threads=1, progress=False),
        "parse_many(threads=2)": lambda: oewg.parse_many(paths, threads=2, progress=False),
        "native oewg stats (1 thread)": native(1),
        "parse_many(1, analyses=False)": lambda: oewg.parse_many(paths, threads=1, progress=False, analyses=False),
        "Corpus.statements_frame()": lambda: oewg.Corpus(sessions).statements_frame(),
        "Corpus.to_arrow()": lambda: oewg.Corpus(sessions).to_arrow(),
    }
    best: Dict[str, float] = {name: float("inf") for name in rows}
    for _ in range(args.runs):
        for name, fn in rows.items():
            gc.collect()
            t0 = time.perf_counter()
            result = fn()
            dt = time.perf_counter() - t0
            del result
            best[name] = min(best[name], dt)

    print(
        f"corpus: {len(paths)} files, {nbytes} bytes, {statements} statements "
        f"(copies of ../shared/seeds); best of {args.runs}; {os.cpu_count()} cores; "
        f"oewg {oewg.__version__}, Python {sys.version.split()[0]}"
    )
    print(f"{'what':<32} {'time':>9} {'throughput':>13}")
    for name, secs in best.items():
        print(f"{name:<32} {secs:8.3f}s {nbytes / secs / 1e6:9.1f} MB/s")
    one, two = best["parse_many(threads=1)"], best["parse_many(threads=2)"]
    nat = best["native oewg stats --analyses (1)"]
    bare, nat_bare = best["parse_many(1, analyses=False)"], best["native oewg stats (1 thread)"]
    frame = best["Corpus.statements_frame()"]
    print()
    print(f"parse_many 2 threads vs 1:              {one / two:5.2f}x   (bar: >= 1.8x)")
    print(f"parse_many(1) time / native stats time: {one / nat:5.2f}    (bar: <= 1.5)")
    print(f"  the same without the analyses:        {bare / nat_bare:5.2f}")
    print(f"statements frame time / parse time:     {frame / one:5.2f}    (bar: < 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

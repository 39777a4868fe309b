#!/usr/bin/env python3
"""Prints the last criterion run as a table: benchmark, mean time, MB/s.

usage: bench/criterion_table.py [FILTER]   (reads target/criterion)
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
pattern = sys.argv[1] if len(sys.argv) > 1 else ""
rows = []
for bench in sorted(root.glob("**/new/benchmark.json")):
    meta = json.loads(bench.read_text())
    name = meta["full_id"]
    if pattern not in name:
        continue
    mean = json.loads((bench.parent / "estimates.json").read_text())["mean"]["point_estimate"]
    size = (meta.get("throughput") or {}).get("Bytes")
    mbs = f"{size / (mean / 1e9) / 1e6:10.1f}" if size else "         -"
    rows.append((name, mean, mbs, size))
width = max((len(r[0]) for r in rows), default=10)
print(f"{'benchmark':<{width}}  {'mean':>12}  {'MB/s':>10}  {'bytes':>10}")
for name, mean, mbs, size in rows:
    t = f"{mean / 1e6:.3f} ms" if mean >= 1e5 else f"{mean / 1e3:.2f} µs"
    print(f"{name:<{width}}  {t:>12}  {mbs}  {size or '':>10}")

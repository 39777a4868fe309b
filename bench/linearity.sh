#!/usr/bin/env bash
# Is the cost linear in the input? Counts instructions (valgrind's
# callgrind: the same count on every run, whatever else the machine does)
# and page faults for the full parse, with analyses, of single records of
# 1, 10 and 100 MB in each layout, and prints them per byte.
#
#   bench/linearity.sh [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
# Generated corpora live outside the checkout: one of them copies the seeds.
work="${OEWG_BENCH_DIR:-${TMPDIR:-/tmp}/oewg-bench}"
mkdir -p "$work"
seed="${1:-2}"
command -v valgrind >/dev/null || { echo "needs valgrind: apt-get install valgrind" >&2; exit 1; }
cargo build --quiet --release --examples
bin=target/release/examples
printf '%-10s %6s %12s %16s %14s %12s\n' layout MB bytes instructions "instr/byte" "faults/MB"
for layout in verbatim turns report; do
  for mb in 1 10 100; do
    dir="$work/lin-$mb-$seed"
    [ -d "$dir" ] || "$bin/gen_corpus" --single "$dir" "$mb" "$seed" >/dev/null
    f="$dir/single_$layout.txt"
    size=$(wc -c <"$f")
    ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin/oewg" stats --analyses "$f" 2>&1 >/dev/null |
      sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
    faults=$(/usr/bin/time -f '%R' "$bin/oewg" stats --analyses "$f" 2>&1 >/dev/null | tail -n 1)
    awk -v l="$layout" -v m="$mb" -v s="$size" -v i="$ir" -v f="$faults" 'BEGIN{
      printf "%-10s %6d %12d %16.0f %14.2f %12.1f\n", l, m, s, i, i / s, f / (s / 1048576) }'
  done
done

#!/usr/bin/env bash
# Compares oewg with the Python regex peer (../shared/bench/baseline_parse.py)
# on the same synthetic corpus, in one run: throughput, ratio to the peer,
# and peak memory of every command.
#
#   bench/compare.sh [MB] [SEED] [RUNS] [CORPUS]
#     defaults: 200 MB, seed 1, best of 5, CORPUS=synthetic
#
# CORPUS=synthetic: records of every layout, ~160 KB each, written by the
# gen_corpus example from the seeds' words and lengths.
# CORPUS=seeds: copies of the two real seed records (made in OEWG_BENCH_DIR,
# default $TMPDIR/oewg-bench, outside the checkout), as many as make MB.
# A `cat` row shows the cost of reading the same files (the floor). Below
# the main table: the time the bars leave the analyses (6x the peer, and
# 200 MB/s), and each analysis alone against it (`oewg stats --timings`;
# its `report_check+` extracts a report's proposals again). Each
# layout's throughput, and peak memory against the input, are measured on
# single synthetic records of MB/4 MB each (gen_corpus --single); per-MB cost from 1 to 100 MB by instruction
# count (bench/linearity.sh; LINEARITY=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
# Generated corpora live outside the checkout: one of them copies the seeds.
work="${OEWG_BENCH_DIR:-${TMPDIR:-/tmp}/oewg-bench}"
mkdir -p "$work"
mb="${1:-200}"
seed="${2:-1}"
runs="${3:-5}"
kind="${4:-synthetic}"
peer=../shared/bench/baseline_parse.py
test -f "$peer" || { echo "missing $peer" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

cargo build --quiet --release --examples
bin=target/release/examples
single="$work/single-$((mb / 4))-$seed"
if [ "$kind" = seeds ]; then
  corpus="$work/seeds-$mb"
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    n=0 total=0
    while [ "$total" -lt $((mb << 20)) ]; do
      for s in ../shared/seeds/*.txt; do
        cp "$s" "$corpus/$(printf %05d $n)_$(basename "$s")"
        total=$((total + $(wc -c <"$s"))) n=$((n + 1))
      done
    done
  fi
else
  corpus="$work/$mb-$seed"
  [ -d "$corpus" ] || "$bin/gen_corpus" "$corpus" "$mb" "$seed"
fi
[ -f "$single/single_pv.txt" ] || "$bin/gen_corpus" --single "$single" "$((mb / 4))" "$seed"
files=("$corpus"/*.txt)
bytes=$(cat "${files[@]}" | wc -c)
cat "${files[@]}" "$single"/*.txt >/dev/null # into the page cache

# best_of NAME CMD...: the fastest of $runs runs; prints a table row.
peer_secs="" cat_secs=""
best_of() {
  local name="$1"; shift
  local best="" rss=0 out="" t t0
  for _ in $(seq "$runs"); do
    # Wall time from the shell's microsecond clock (time's %e has 10 ms
    # steps); peak resident memory from GNU time.
    t0=$EPOCHREALTIME
    out=$(/usr/bin/time -f '%M' -o "$work"/time.txt "$@")
    t=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.4f", b - a}')
    kb=$(cat "$work"/time.txt)
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  last_secs=$best
  [ -z "$peer_secs" ] && peer_secs=$best
  [ "${name#cat}" != "$name" ] && cat_secs=$best
  awk -v n="$name" -v s="$best" -v b="${row_bytes:-$bytes}" -v p="$peer_secs" -v c="$cat_secs" \
    -v r="$rss" -v o="$out" 'BEGIN{
    printf "%-34s %7.3f s %9.1f MB/s %7.1fx %7s %8.1f MB   %s\n", n, s, b / s / 1e6, p / s,
      c == "" ? "-" : sprintf("%.1fx", s / c), r / 1024, o }'
}
header() {
  printf '%-34s %9s %14s %8s %7s %11s   %s\n' command time throughput "vs peer" "vs cat" "peak RSS" output
}

echo "corpus: ${#files[@]} files, $bytes bytes ($corpus); best of $runs runs; $(nproc) cores"
header
best_of "python baseline_parse.py"        python3 "$peer" "${files[@]}"
# cat's output goes to /dev/null, not into the table.
best_of "cat (reading the files)"          sh -c 'cat "$@" >/dev/null' cat "${files[@]}"
best_of "oewg stats --segment (1 thread)"  "$bin/oewg" stats --segment "${files[@]}"
best_of "oewg stats (1 thread)"            "$bin/oewg" stats "${files[@]}"
parse_secs=$last_secs
best_of "oewg stats --analyses (1 thread)" "$bin/oewg" stats --analyses "${files[@]}"
all_secs=$last_secs
best_of "oewg stats --segment (all cores)" "$bin/oewg" stats --segment --jobs 0 "${files[@]}"
best_of "oewg stats --analyses (all cores)" "$bin/oewg" stats --analyses --jobs 0 "${files[@]}"

# What the bars leave the analyses: the time everything may take at 6× the
# peer (issue 14) and at 200 MB/s (SPEC.md), less the parse's; then each
# analysis run alone over the same files (`oewg stats --timings`, best of
# $runs), against the first of those budgets.
echo
awk -v p="$peer_secs" -v s="$parse_secs" -v a="$all_secs" -v b="$bytes" 'BEGIN{
  six = p / 6; spec = b / 200e6
  printf "the analyses take %.3f s (--analyses less stats, one thread)\n", a - s
  printf "  at 6x the peer everything may take %.3f s: %.3f s left for the analyses, %s\n",
    six, six - s, (six > s ? sprintf("%.1fx less than now", (a - s) / (six - s)) : "none")
  printf "  at 200 MB/s everything may take %.3f s: %.3f s left for the analyses, %s\n",
    spec, spec - s, (spec > s ? sprintf("%.1fx less than now", (a - s) / (spec - s)) : "none") }'
echo "each analysis alone (oewg stats --timings, best of $runs; share of the 6x budget):"
for _ in $(seq "$runs"); do "$bin/oewg" stats --timings "${files[@]}" 2>&1 >/dev/null; done |
  awk -v p="$peer_secs" -v s="$parse_secs" -v b="$bytes" '
  # A row is a name (of one word or more), then SECONDS s MB/S MB/s.
  { n = $1; for (i = 2; i <= NF - 4; i++) n = n " " $i; t = $(NF - 3)
    if (!(n in best) || t < best[n]) best[n] = t
    if (!(n in at)) { at[n] = ++k; name[k] = n } }
  END { budget = p / 6 - s
    for (i = 1; i <= k; i++) { n = name[i]; if (n == "segment" || n == "parse") continue
      # Under a millisecond the row says 0.000 s: no throughput to show.
      printf "  %-16s %7.3f s %9.1f MB/s  %s\n", n, best[n], (best[n] > 0 ? b / best[n] / 1e6 : 0),
        (budget > 0 ? sprintf("%5.1fx the budget", best[n] / budget) : "") } }'

# One record per layout: the peer's time on the same file is the ratio's
# base (its rules do not know every layout; the ratio shows the cost).
echo
echo "each layout, one synthetic record of about $((mb / 4)) MB, one thread:"
header
for f in "$single"/*.txt; do
  layout=$(basename "$f" .txt)
  layout=${layout#single_}
  row_bytes=$(wc -c <"$f") peer_secs="" cat_secs=""
  best_of "python ($layout)"               python3 "$peer" "$f"
  best_of "cat ($layout)"                  sh -c 'cat "$@" >/dev/null' cat "$f"
  best_of "oewg stats --segment ($layout)" "$bin/oewg" stats --segment "$f"
  best_of "oewg stats ($layout)"           "$bin/oewg" stats "$f"
done
unset row_bytes

echo
# The program's own pages (code, tables, the allocator's arenas) are a few
# MB whatever the input: the last column leaves them out, as the peak
# resident memory of a one-line record measures them.
printf 'Chair: Thank you.\n' >"$work"/one_line.txt
/usr/bin/time -f '%M' -o "$work"/time.txt "$bin/oewg" stats --analyses "$work"/one_line.txt >/dev/null
base_kb=$(cat "$work"/time.txt)
echo "peak memory against one input (full parse with analyses, one thread;" \
  "a one-line record peaks at $(awk -v k="$base_kb" 'BEGIN{printf "%.1f", k * 1024 / 1e6}') MB):"
for f in "$single"/*.txt; do
  size=$(wc -c <"$f")
  /usr/bin/time -f '%M' -o "$work"/time.txt "$bin/oewg" stats --analyses "$f" >/dev/null
  kb=$(cat "$work"/time.txt)
  awk -v f="$(basename "$f")" -v s="$size" -v k="$kb" -v b="$base_kb" 'BEGIN{
    printf "  %-22s %8.1f MB input  %8.1f MB peak RSS  %5.2fx   %5.2fx less the one-line record'"'"'s\n",
      f, s / 1e6, k * 1024 / 1e6, k * 1024 / s, (k - b) * 1024 / s }'
done

# Per-MB cost from 1× to 100×, by instruction count (LINEARITY=0 skips it).
if [ "${LINEARITY:-1}" != 0 ]; then
  echo
  echo "cost per byte, 1 / 10 / 100 MB single records (bench/linearity.sh):"
  bash bench/linearity.sh
fi

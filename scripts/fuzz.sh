#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time and fails on any crash.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60; or FUZZ_SECONDS)
# Installs cargo-fuzz when missing. Uses the nightly toolchain when there is
# one, else stable with RUSTC_BOOTSTRAP=1 (the fuzz build needs -Z flags).
# The corpus is made afresh, outside the repository (FUZZ_WORK, default
# $TMPDIR/oewg-fuzz), from our fixtures and from the seed records cut into
# pieces, so no seed text lands in the checkout. A crash leaves its input in
# FUZZ_WORK/artifacts/TARGET/ — turn it into a regression test in
# oewg-core/tests/ before fixing the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-${FUZZ_SECONDS:-60}}"
work="${FUZZ_WORK:-${TMPDIR:-/tmp}/oewg-fuzz}"
targets=(parse parse_as_verbatim parse_as_report parse_as_turns parse_as_asr parse_as_markdown parse_as_pv analyses)

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

# Coverage-guided fuzzing wants many small inputs, not two 150 KB ones.
seed_corpus() {
  local dir="$work/corpus/$1"
  rm -rf "$dir"
  mkdir -p "$dir" "$work/artifacts/$1"
  cp oewg-core/tests/fixtures/*.txt examples/sample.txt "$dir"/
  local seed
  for seed in ../shared/seeds/*.txt; do
    split -C 2048 -d -a 3 "$seed" "$dir/$(basename "$seed" .txt)-"
  done
}

# -a: debug assertions, so an overflow is a crash and not a wrong span.
# No sanitizer: the core forbids unsafe code, and without one the fuzzer
# runs several times more inputs in the same time.
"${fuzz[@]}" build -a -s none

summary=fuzz/target/summary.txt
mkdir -p fuzz/target
: >"$summary"
for t in "${targets[@]}"; do
  seed_corpus "$t"
  log="fuzz/target/$t.log"
  echo "fuzzing $t for ${seconds}s"
  if ! "${fuzz[@]}" run -a -s none "$t" "$work/corpus/$t" -- \
      -artifact_prefix="$work/artifacts/$t/" \
      -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz target $t failed; the input is in $work/artifacts/$t/" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  corpus=$(ls "$work/corpus/$t" | wc -l)
  printf '%-18s %10s executions in %4ss, coverage %5s, corpus %5s inputs, 0 crashes\n' \
    "$t" "$runs" "$secs" "$cov" "$corpus" | tee -a "$summary"
done
echo "fuzz summary in $summary"

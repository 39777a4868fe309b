#!/usr/bin/env bash
# Runs every test of the project. Installs what it needs (Rust components,
# a Python venv with the package and its test extras, the wasm32 target,
# wasm-bindgen-cli, Node packages, Chromium, cargo-fuzz); expects the shared
# seeds at ../shared/seeds relative to the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust (https://rustup.rs)" >&2
  exit 1
fi
if command -v rustup >/dev/null; then
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi
cargo --version
test -d ../shared/seeds || { echo "../shared/seeds is missing" >&2; exit 1; }
# jing checks the TEI export against the Parla-CLARIN RELAX NG schema
# (oewg-core/tests/export.rs).
if ! command -v jing >/dev/null; then
  echo "installing jing (Debian package)"
  if command -v apt-get >/dev/null; then
    { apt-get update -qq && apt-get install -y -qq jing; } >/dev/null 2>&1 || true
  fi
  command -v jing >/dev/null || { echo "jing is missing: apt-get install jing" >&2; exit 1; }
fi

step "format"
cargo fmt --all -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check

step "lint"
cargo clippy --workspace --all-targets -- -D warnings

step "docs (rustdoc: no broken intra-doc link, no warning)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet -p oewg-core --no-deps

step "main job (embedded sample)"
cargo run --quiet --release --example oewg

step "tests (unit, integration over the seeds, fixtures, CLI, doctests)"
# Plain `cargo test` builds the examples as programs (tests/cli.rs runs
# target/*/examples/oewg) and runs the doctests, README included.
cargo test --workspace

step "python (oewg-py: .venv, pytest with warnings as errors, notebook, Dask)"
bash scripts/test-python.sh

step "webassembly (oewg-wasm: Node tests, browser test in Chromium)"
bash scripts/test-wasm.sh

step "fuzz (every target for ${FUZZ_SECONDS:-60}s; fails on any crash)"
bash scripts/fuzz.sh

#!/usr/bin/env bash
# Builds the JavaScript package (oewg-wasm/pkg/) and runs its tests: the
# Node tests (oewg-wasm/tests/*.test.mjs, with Node's own runner) and the
# browser test of the example page in Chromium. Installs what it needs on
# a Debian machine with Rust and Node: the wasm32 target, wasm-bindgen-cli
# at the version of the wasm-bindgen crate in Cargo.lock, Chromium (apt,
# as root), and the npm tools pinned in oewg-wasm/package-lock.json
# (playwright-core, typescript, binaryen's wasm-opt). Expects the shared
# seeds at ../shared/seeds. Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
command -v cargo >/dev/null || { echo "cargo not found: install Rust (https://rustup.rs)" >&2; exit 1; }
command -v node >/dev/null || { echo "node not found: install Node.js 20 or later" >&2; exit 1; }
test -d ../shared/seeds || { echo "../shared/seeds is missing" >&2; exit 1; }
if command -v rustup >/dev/null; then
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi

want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" != "$want" ]; then
  echo "installing wasm-bindgen-cli $want (found '${have:-none}'); this takes a few minutes"
  # --locked first; when a pinned dependency of the CLI is no longer in the
  # registry (it happens: a yanked webpki-roots), resolve afresh.
  cargo install wasm-bindgen-cli --version "$want" --locked ||
    cargo install wasm-bindgen-cli --version "$want"
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y chromium
  else
    echo "/usr/bin/chromium is missing: apt-get install chromium" >&2
    exit 1
  fi
fi
rustc --version
wasm-bindgen --version
node --version
/usr/bin/chromium --version 2>/dev/null || true

step "npm tools (oewg-wasm/package-lock.json)"
(cd oewg-wasm && npm ci --no-audit --no-fund)

step "format and lint (oewg-wasm, native and wasm32)"
cargo fmt -p oewg-wasm -- --check
cargo clippy -p oewg-wasm --all-targets -- -D warnings
cargo clippy -p oewg-wasm --target wasm32-unknown-unknown -- -D warnings

step "build the package"
bash oewg-wasm/build.sh

step "Node tests and the browser test"
# The tests build the native example program themselves, to compare.
cargo build --quiet --release -p oewg-core --example oewg
(cd oewg-wasm && node --test --test-timeout=600000 tests/)
echo "screenshots: ${CARGO_TARGET_DIR:-target}/web-screenshots/"

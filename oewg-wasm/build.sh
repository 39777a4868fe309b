#!/usr/bin/env bash
# Builds the JavaScript package into oewg-wasm/pkg/: the .wasm (through
# wasm-opt -O3 when binaryen is installed), wasm-bindgen's ES module glue,
# our wrapper (js/), its types, and a package.json made from
# package.template.json. Needs the wasm32-unknown-unknown target and
# wasm-bindgen-cli at the version of the wasm-bindgen crate in Cargo.lock;
# scripts/test-wasm.sh installs them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
pkg="$here/pkg"

want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
# `|| true`: with no wasm-bindgen at all, the message below is the answer.
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" != "$want" ]; then
  echo "build.sh: wasm-bindgen-cli $want is needed (found '${have:-none}'); run scripts/test-wasm.sh or" >&2
  echo "  cargo install wasm-bindgen-cli --version $want --locked   (or without --locked if a locked dependency was yanked)" >&2
  exit 1
fi

# One codegen unit and LTO: a smaller and faster module. SIMD128 (in every
# current browser and Node >= 18) lets memchr and the core's vectorised
# loops use vector instructions: about 1.5-2x faster parsing, measured by
# bench/wasm.mjs. Only this crate's wasm32 build uses these settings.
CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128" \
  cargo build --quiet --target wasm32-unknown-unknown --release -p oewg-wasm

rm -rf "$pkg"
mkdir -p "$pkg"
# --experimental-reset-state-function: after a panic the wrapper restarts
# the instance (js/api.js), so one bad call does not poison the next.
wasm-bindgen --target web --out-dir "$pkg" --experimental-reset-state-function \
  "$target_dir/wasm32-unknown-unknown/release/oewg_wasm.wasm"

wasm="$pkg/oewg_wasm_bg.wasm"
raw_size=$(stat -c %s "$wasm")
# wasm-opt: binaryen's npm build pinned in package-lock.json (npm ci), else
# a system one from version 116 on. Debian 12's binaryen 108 writes the
# export of wasm-bindgen's externref table as the function table, and the
# module then fails to start ("function-typed object must be null").
wasm_opt=""
if [ -x "$here/node_modules/.bin/wasm-opt" ]; then
  wasm_opt="$here/node_modules/.bin/wasm-opt"
elif command -v wasm-opt >/dev/null &&
  [ "$(wasm-opt --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')" -ge 116 ]; then
  wasm_opt="wasm-opt"
fi
if [ -n "$wasm_opt" ]; then
  # The features rustc enables by default for wasm32-unknown-unknown, and SIMD.
  # -O3, not -Oz: 1.4 % larger, about 5 % faster (bench/wasm.mjs at 6e3b02a:
  # parseBytes 1.618 s against 1.705 s over 64 MB of the seeds).
  "$wasm_opt" -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  opt="after $("$wasm_opt" --version | cut -d' ' -f1-3) -O3"
else
  opt="not optimised: no wasm-opt >= 116 (npm ci in oewg-wasm/ installs one)"
fi

cp "$here"/js/index.js "$here"/js/node.js "$here"/js/api.js "$here"/js/index.d.ts "$pkg/"
cp "$here"/README.md "$root"/LICENSE-MIT "$root"/LICENSE-APACHE "$pkg/"
version="$(cargo metadata --no-deps --format-version 1 |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="oewg-wasm");process.stdout.write(p.version)})')"
sed "s/@VERSION@/$version/" "$here/package.template.json" >"$pkg/package.json"

size=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'oewg-wasm/pkg: oewg %s; oewg_wasm_bg.wasm %d bytes raw, %d gzipped (-9), %s; %d bytes before\n' \
  "$version" "$size" "$gz" "$opt" "$raw_size"

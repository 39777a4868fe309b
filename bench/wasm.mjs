#!/usr/bin/env node
// MB/s of the JavaScript package's `parse` in Node against the native
// example program (`oewg stats --analyses`, one thread: the parse with every
// analysis, as `parse` does by default) on the same corpus, in one run, and
// the ratio; and `parse(text, { analyses: false })` against `oewg stats`.
//
//   node bench/wasm.mjs [MB] [RUNS]      defaults: 64 MB, best of 5
//
// The corpus is copies of the two real seed records, made at run time in
// ${CARGO_TARGET_DIR:-target}/bench-corpus/wasm-seeds-MB (outside the
// checkout's tracked files). Needs oewg-wasm/pkg (bash oewg-wasm/build.sh).
// Both sides do the same work per file: read it, decode UTF-8, parse; the
// native program analyses 16 records together, as the last row does in wasm.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, copyFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import os from "node:os";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mb = Number(process.argv[2] ?? 64);
const runs = Number(process.argv[3] ?? 5);
if (!(mb >= 1 && runs >= 1)) throw new Error("usage: node bench/wasm.mjs [MB] [RUNS]");
const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR ?? "target");
const seedsDir = path.join(root, "..", "shared", "seeds");
const seeds = ["000_7135191b872dcc1d.txt", "004_b03c78f8038a68f6.txt"].map((f) => path.join(seedsDir, f));

// The corpus: seed copies until MB megabytes (2^20 bytes).
const corpus = path.join(targetDir, "bench-corpus", `wasm-seeds-${mb}`);
if (!existsSync(corpus)) {
  mkdirSync(corpus, { recursive: true });
  let total = 0;
  for (let n = 0; total < mb * 2 ** 20; n++) {
    const s = seeds[n % 2];
    copyFileSync(s, path.join(corpus, `${String(n).padStart(5, "0")}_${path.basename(s)}`));
    total += statSync(s).size;
  }
}
const files = readdirSync(corpus).sort().map((f) => path.join(corpus, f));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
for (const f of files) readFileSync(f); // into the page cache

execFileSync("cargo", ["build", "--quiet", "--release", "-p", "oewg-core", "--example", "oewg"], {
  cwd: root,
  stdio: "inherit",
});
const native = path.join(targetDir, "release", "examples", "oewg");
const oewg = await import(path.join(root, "oewg-wasm", "pkg", "node.js"));

// The commands, each timed once per round; rounds interleave them so that
// a busy spell of the shared machine slows every command alike.
const counted = (parseOne) => () => {
  let statements = 0;
  let words = 0;
  for (const f of files) {
    const s = parseOne(f);
    statements += s.statements.length;
    for (const st of s.statements) words += st.word_count;
  }
  return `files=${files.length} statements=${statements} words=${words}`;
};
const commands = [
  ["native oewg stats --analyses (1 thread)", () => execFileSync(native, ["stats", "--analyses", ...files], { encoding: "utf8" }).trim()],
  ["wasm parse(text) in Node: JS objects", counted((f) => oewg.parse(readFileSync(f, "utf8")))],
  ["wasm parseBytes(bytes) in Node: JS objects", counted((f) => oewg.parseBytes(readFileSync(f)))],
  [
    "wasm parse, no JS objects (core in wasm)",
    () => {
      let statements = 0;
      for (const f of files) statements += oewg.__parseCount(readFileSync(f, "utf8"));
      return `files=${files.length} statements=${statements}`;
    },
  ],
  ["native oewg stats (1 thread, no analyses)", () => execFileSync(native, ["stats", ...files], { encoding: "utf8" }).trim()],
  ["wasm parse(text, { analyses: false })", counted((f) => oewg.parse(readFileSync(f, "utf8"), { analyses: false }))],
  [
    // As the native program does: 16 records parsed, then analysed together.
    "wasm, 16 records a batch (core in wasm)",
    () => {
      let statements = 0;
      for (let i = 0; i < files.length; i += 16) {
        statements += oewg.__parseCountBatch(files.slice(i, i + 16).map((f) => readFileSync(f, "utf8")));
      }
      return `files=${files.length} statements=${statements}`;
    },
  ],
];
const best = commands.map(() => ({ secs: Infinity, out: "" }));
for (let round = 0; round < runs; round++) {
  commands.forEach(([, f], i) => {
    const t0 = process.hrtime.bigint();
    const out = f();
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    if (secs < best[i].secs) best[i] = { secs, out };
  });
}

console.log(`corpus: ${files.length} files, ${bytes} bytes (${corpus}); best of ${runs} interleaved runs; ${os.cpus().length} cores; node ${process.version}`);
console.log(`${"command".padEnd(44)} ${"time".padStart(9)} ${"throughput".padStart(13)}   output`);
commands.forEach(([name], i) => {
  const { secs, out } = best[i];
  console.log(`${name.padEnd(44)} ${secs.toFixed(3).padStart(7)} s ${(bytes / secs / 1e6).toFixed(1).padStart(8)} MB/s   ${out}`);
});
const ratio = (i) => (best[0].secs / best[i].secs).toFixed(2);
console.log(`ratio to native: parse(text) ${ratio(1)}, parseBytes ${ratio(2)}, core in wasm without JS objects ${ratio(3)}, the same in batches as native ${ratio(6)} (SPEC bar: at least 0.5)`);
console.log(`without the analyses: parse(text, { analyses: false }) ${(best[4].secs / best[5].secs).toFixed(2)} of native \`oewg stats\``);

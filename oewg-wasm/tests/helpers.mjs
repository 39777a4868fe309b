// Shared by the Node tests: where things are, and the native command-line
// program (`cargo run --release --example oewg`) to compare against.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const pkgDir = path.join(root, "oewg-wasm", "pkg");
export const seedsDir = path.join(root, "..", "shared", "seeds");
export const VERBATIM = path.join(seedsDir, "000_7135191b872dcc1d.txt");
export const REPORT = path.join(seedsDir, "004_b03c78f8038a68f6.txt");
/** Our own records of every layout (no seed text): the sample and every core fixture. */
export const FIXTURES = [
  path.join(root, "examples", "sample.txt"),
  ...readdirSync(path.join(root, "oewg-core", "tests", "fixtures"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => path.join(root, "oewg-core", "tests", "fixtures", f)),
];
export const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR ?? "target");

if (!existsSync(path.join(pkgDir, "package.json"))) {
  throw new Error(`${pkgDir} is not built: run bash oewg-wasm/build.sh (or scripts/test-wasm.sh)`);
}
for (const f of [VERBATIM, REPORT]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: the tests read the shared seeds beside the checkout`);
}

export const read = (file) => readFileSync(file, "utf8");

let cliPath;
/** The native `oewg` example program, built once (release). */
export function cliBinary() {
  if (cliPath === undefined) {
    execFileSync("cargo", ["build", "--quiet", "--release", "-p", "oewg-core", "--example", "oewg"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    });
    cliPath = path.join(targetDir, "release", "examples", "oewg");
  }
  return cliPath;
}

/** Runs the native program; returns { status, stdout, stderr }. */
export function cli(...args) {
  const r = spawnSync(cliBinary(), args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

/** The native program's output, which must succeed. */
export function cliOk(...args) {
  const r = cli(...args);
  if (r.status !== 0) throw new Error(`oewg ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

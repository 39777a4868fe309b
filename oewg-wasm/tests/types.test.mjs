// The TypeScript types (js/index.d.ts) against real output: the output of
// every public function for both seeds and our fixtures is written as
// object literals typed with the package's interfaces and compiled with
// `tsc --strict`. Fresh object literals get excess-property checks, so a
// field the Rust model adds, renames or removes, or a new enum value,
// fails here until index.d.ts follows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import * as oewg from "../pkg/node.js";
import { VERBATIM, REPORT, FIXTURES, read, root, targetDir, pkgDir } from "./helpers.mjs";

const here = path.join(root, "oewg-wasm");
const tsc = path.join(here, "node_modules", ".bin", "tsc");
const out = path.join(targetDir, "wasm-types");
mkdirSync(out, { recursive: true });

/** Compiles files with tsc --strict; returns { status, output }. */
function compile(name, files) {
  const config = path.join(out, `${name}.tsconfig.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
        lib: ["es2022", "dom"],
      },
      files,
    }),
  );
  const r = spawnSync(tsc, ["-p", config], { encoding: "utf8" });
  if (r.error) throw r.error;
  return { status: r.status, output: r.stdout + r.stderr };
}

/** A TypeScript module assigning each [type, value] as a typed literal. */
function literals(values) {
  const types = [...new Set(values.map(([t]) => t.replace("[]", "").replace(" | null", "")))];
  const from = path.relative(out, path.join(pkgDir, "index.js"));
  return (
    `import type { ${types.join(", ")} } from "${from}";\n` +
    values.map(([t, v], i) => `export const v${i}: ${t} = ${JSON.stringify(v)};\n`).join("")
  );
}

function realOutput() {
  const values = [];
  for (const file of [VERBATIM, REPORT, ...FIXTURES]) {
    const text = read(file);
    const session = oewg.parse(text);
    values.push(["Session", session], ["FloorShare[]", oewg.floor(session)], ["Glance", oewg.glance(session)]);
    values.push(["ReportFigures[]", oewg.reportFigures(session)]);
    values.push(["Turn[]", oewg.segment(text)], ["Analysis", oewg.analyze(session)]);
    values.push(["FloorAudit", oewg.floorAudit(session)], ["Alignment[]", oewg.alignments(session)]);
    values.push(["AgendaSegment[]", oewg.segments(session)], ["Topics", oewg.topics(session)]);
    values.push(["ReportCheck | null", oewg.reportCheck(session)], ["Statistics", oewg.statistics(session)]);
    values.push(["Proposal[]", oewg.proposals(session)]);
  }
  values.push(["Analysis[]", oewg.analyzeBatch([read(VERBATIM), read(REPORT)])]);
  values.push(["CorpusViews", oewg.corpus([read(VERBATIM), read(REPORT)])]);
  // Sessions of each forced layout, and with a BOM (a skipped part).
  values.push(["Session", oewg.parse(`\ufeff${read(FIXTURES[0])}`, "verbatim")]);
  values.push(["Session", oewg.parse("Chair: hi\nCuba: yes\n", "turns")]);
  return values;
}

test("real output of every function compiles against the interfaces (tsc --strict)", () => {
  const file = path.join(out, "real-output.ts");
  writeFileSync(file, literals(realOutput()));
  const r = compile("real", [file]);
  assert.equal(r.status, 0, r.output);
});

test("the check fails on drift: an extra field, a missing field, an unknown enum value", () => {
  const session = oewg.parse(read(REPORT));
  const extra = structuredClone(session);
  extra.statements[3].speaker.new_field = 1;
  const missing = structuredClone(session);
  delete missing.report.speakers[2].speech_time_s;
  const enumValue = structuredClone(session);
  enumValue.statements[0].speaker.role = "president";
  for (const [name, value] of Object.entries({ extra, missing, enumValue })) {
    const file = path.join(out, `drift-${name}.ts`);
    writeFileSync(file, literals([["Session", value]]));
    const r = compile(`drift-${name}`, [file]);
    assert.notEqual(r.status, 0, `${name}: tsc accepted a drifted Session`);
  }
});

test("the API's signatures type-check as a user meets them, and reject misuse", () => {
  const r = compile("usage", [path.join(here, "tests", "api-usage.ts")]);
  assert.equal(r.status, 0, r.output);
});

test("no `any` in the public types, and every export is documented", () => {
  const dts = readFileSync(path.join(pkgDir, "index.d.ts"), "utf8");
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  assert.doesNotMatch(code, /\bany\b/);
  const exported = [...dts.matchAll(/^export (?:function|class|interface|type) (\w+)/gm)].map((m) => m[1]);
  for (const name of exported) {
    const at = dts.search(new RegExp(`^export (?:function|class|interface|type) ${name}\\b`, "m"));
    assert.match(dts.slice(0, at), /\*\/\s*$/, `${name} has no doc comment`);
  }
  // Every function the package exports is typed, and nothing typed is
  // missing at run time; the test hooks are not typed, so that an editor
  // does not offer them.
  const runtime = Object.keys(oewg);
  const hooks = runtime.filter((k) => k.startsWith("__"));
  assert.ok(hooks.includes("__panicForTests"), "the tests' hooks are exported");
  for (const name of runtime.filter((k) => !hooks.includes(k))) assert.ok(exported.includes(name), `${name} is not in index.d.ts`);
  for (const name of exported.filter((n) => !/^[A-Z]/.test(n))) {
    assert.ok(runtime.includes(name), `${name} is in index.d.ts but not exported`);
  }
  for (const name of hooks) assert.ok(!exported.includes(name), `${name} is in index.d.ts: editors offer it`);
});

test("the docs name every layout and every function", () => {
  const dts = readFileSync(path.join(pkgDir, "index.d.ts"), "utf8");
  const formats = dts.match(/^export type Format = (.*);$/m)[1].match(/"(\w+)"/g).map((f) => f.slice(1, -1));
  const doc = dts.slice(0, dts.search(/^export type Format/m)).split("/**").pop();
  for (const f of formats) assert.match(doc, new RegExp(`\`${f}\``), `the Format doc comment omits ${f}`);
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const js = readme.slice(readme.indexOf("## Using it from JavaScript"), readme.indexOf("\n## ", readme.indexOf("## Using it from JavaScript") + 5));
  for (const name of [...dts.matchAll(/^export function (\w+)/gm)].map((m) => m[1])) {
    assert.ok(js.includes(`\`${name}`), `the README's JavaScript section does not name ${name}`);
  }
});

// How results cross from WebAssembly into JavaScript (src/tape.rs and
// js/tape.js): the decoder on tapes written by hand, and records whose
// strings stress the string table, against the native `oewg json`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as oewg from "../pkg/node.js";
import { execFileSync } from "node:child_process";
import { pkgDir, cliOk, targetDir, VERBATIM } from "./helpers.mjs";

// wasm-bindgen copies js/tape.js into pkg/snippets/<crate>-<hash>/js/.
const snippets = path.join(pkgDir, "snippets");
const [crate] = readdirSync(snippets);
const tape = await import(path.join(snippets, crate, "js", "tape.js"));

// The operations of tape.rs.
const [NULL, TRUE, FALSE, INT, NUM, STR, LONG, ARR, OBJ] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/** A tape over the strings `table` (their UTF-16 ends computed here, as tape.rs does). */
function decode(ops, nums, table) {
  const bytes = new TextEncoder().encode(table.join(""));
  let end = 0;
  const ends = table.map((s) => (end += s.length));
  return tape.tapeDecode(new Uint32Array(ops), new Float64Array(nums), bytes, new Uint32Array(ends));
}

test("the decoder builds every kind of value, with strings cut in UTF-16 units", () => {
  tape.tapeBegin();
  const long = "ü".repeat(300);
  assert.equal(tape.tapeKeep(long), 0);
  // A byte-order mark first in the table is a character, not a marker.
  const table = ["\ufeffa", "🇨🇮 Côte", "x", "", "n"];
  const ops = [OBJ, 3, STR, 0, ARR, 8, INT, 4294967295, NUM, NUM, NULL, TRUE, FALSE, STR, 1, STR, 3, STR, 2, LONG, 0, STR, 4, OBJ, 0];
  assert.deepStrictEqual(decode(ops, [-1.5, 2 ** 40], table), {
    "\ufeffa": [4294967295, -1.5, 2 ** 40, null, true, false, "🇨🇮 Côte", ""],
    x: long,
    n: {},
  });
});

test("a key __proto__ is an own property, as JSON.parse makes it; a key that is no string is a broken tape", () => {
  const o = decode([OBJ, 2, STR, 0, ARR, 0, STR, 1, NULL], [], ["__proto__", "a"]);
  assert.deepStrictEqual(Object.keys(o), ["__proto__", "a"]);
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
  assert.deepStrictEqual(o.__proto__, []);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(o)), JSON.parse('{"__proto__":[],"a":null}'));
  assert.throws(() => decode([OBJ, 1, INT, 7, NULL], [], []), /a broken tape \(operation 3 at 2\)/);
});

test("a broken tape is an Error, not a wrong value", () => {
  assert.throws(() => decode([99], [], []), /a broken tape \(operation 99 at 0\)/);
});

test("a short string kept from a result does not keep the rest of the result alive", () => {
  // V8 makes a slice of 13 characters or more a view of the string it was
  // sliced from: strings sliced plainly from the decoded table kept the
  // whole table (some 40 KB a seed record) alive for each name kept. A
  // process of its own, for a heap that only this measures.
  const script = `
    import { readFileSync } from "node:fs";
    const oewg = await import(${JSON.stringify(path.join(pkgDir, "node.js"))});
    const bytes = readFileSync(${JSON.stringify(VERBATIM)});
    const pick = (s) => s.statements.map((st) => st.speaker.name).find((n) => n && n.length >= 13);
    const kept = [pick(oewg.parseBytes(bytes))];
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300; i++) kept.push(pick(oewg.parseBytes(bytes)));
    globalThis.gc();
    console.log(JSON.stringify({ name: kept[0], grown: process.memoryUsage().heapUsed - before }));
  `;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
  const { name, grown } = JSON.parse(out);
  assert.ok(name.length >= 13, name);
  console.log(`# 300 names of ${name.length} characters kept: the heap grew by ${grown} bytes`);
  // Sliced: about 12 MB. Copied: under 1 MB.
  assert.ok(grown < 4e6, `the heap grew by ${grown} bytes for 300 kept names`);
});

test("records whose strings are non-ASCII, repeated, long and short parse as `oewg json` prints them", () => {
  const dir = path.join(targetDir, "wasm-tests");
  mkdirSync(dir, { recursive: true });
  const long = "Nous appuyons la proposition du Kenya 🇰🇪 sur le programme d’action. ".repeat(12);
  const records = {
    // Texts of 257 bytes and more (handed over on their own), in
    // characters of 1 to 4 bytes; labels that repeat.
    "tape-verbatim.txt": [
      "Chair",
      "Côte d’Ivoire",
      "Türkiye",
      "Chair",
      "Côte d’Ivoire",
    ].map((who, i) => `${who}\n\n${i === 1 ? long : `${"é".repeat(24 + i)} ${"a".repeat(207 + i)}.`}\n`).join("\n"),
    // Texts of 48 bytes (the longest looked up), 255 (the longest in the
    // table) and 256 (the shortest handed over).
    "tape-turns.txt": [
      `Chair: ${"𝕏".repeat(64)} Côte d’Ivoire has the floor.`,
      `Côte d’Ivoire: ${"x".repeat(255)}`,
      `Côte d’Ivoire: ${"x".repeat(256)}`,
      `Chile: ${"y".repeat(48)}`,
      `Chile: \ufeff${long}`,
    ].join("\n"),
  };
  for (const [name, text] of Object.entries(records)) {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    assert.equal(oewg.parse(text).statements.length, 5, name);
    assert.deepStrictEqual(oewg.parse(text), JSON.parse(cliOk("json", file)), name);
    assert.deepStrictEqual(oewg.parseBytes(new TextEncoder().encode(text)), JSON.parse(cliOk("json", file)), name);
  }
});

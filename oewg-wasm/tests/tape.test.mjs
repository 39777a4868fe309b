// How results cross from WebAssembly into JavaScript (src/tape.rs and
// js/tape.js): the decoder on tapes written by hand, and records whose
// strings stress the string table, against the native `oewg json`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as oewg from "../pkg/node.js";
import { pkgDir, cliOk, targetDir } from "./helpers.mjs";

// wasm-bindgen copies js/tape.js into pkg/snippets/<crate>-<hash>/js/.
const snippets = path.join(pkgDir, "snippets");
const [crate] = readdirSync(snippets);
const tape = await import(path.join(snippets, crate, "js", "tape.js"));

// The operations of tape.rs.
const [NULL, TRUE, FALSE, INT, NUM, STR, LONG, ARR, OBJ] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/** A tape over the strings `table` (UTF-16 ends computed here). */
function decode(ops, nums, table) {
  const bytes = new TextEncoder().encode(table.join(""));
  let end = 0;
  const ends = table.map((s) => (end += s.length));
  return tape.tapeDecode(new Uint32Array(ops), new Float64Array(nums), bytes, new Uint32Array(ends));
}

test("the decoder builds every kind of value, with strings sliced in UTF-16 units", () => {
  tape.tapeBegin();
  const long = "ü".repeat(300);
  assert.equal(tape.tapeKeep(long), 0);
  // A byte-order mark first in the table is a character, not a marker.
  const table = ["\ufeffa", "🇨🇮 Côte", "x", "n"];
  const ops = [OBJ, 3, STR, 0, ARR, 7, INT, 4294967295, NUM, NUM, NULL, TRUE, FALSE, STR, 1, STR, 2, LONG, 0, STR, 3, OBJ, 0];
  assert.deepStrictEqual(decode(ops, [-1.5, 2 ** 40], table), {
    "\ufeffa": [4294967295, -1.5, 2 ** 40, null, true, false, "🇨🇮 Côte"],
    x: long,
    n: {},
  });
});

test("a key that is a number or a boolean is a string, as in JSON; __proto__ is an own property", () => {
  const o = decode([OBJ, 3, INT, 7, TRUE, STR, 0, ARR, 0, STR, 1, NULL], [], ["__proto__", "a"]);
  assert.deepStrictEqual(Object.keys(o), ["7", "__proto__", "a"]);
  assert.equal(Object.getPrototypeOf(o), Object.prototype);
  assert.deepStrictEqual(o.__proto__, []);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(o)), JSON.parse('{"7":true,"__proto__":[],"a":null}'));
});

test("a broken tape is an Error, not a wrong value", () => {
  assert.throws(() => decode([99], [], []), /a broken tape \(operation 99 at 0\)/);
});

test("records whose strings are non-ASCII, repeated, long and short parse as `oewg json` prints them", () => {
  const dir = path.join(targetDir, "wasm-tests");
  mkdirSync(dir, { recursive: true });
  const long = "Nous appuyons la proposition du Kenya 🇰🇪 sur le programme d’action. ".repeat(12);
  const records = {
    // Texts around the table's limits, 48 bytes (looked up) and 256 (handed
    // over on its own), in characters of 1 to 4 bytes; labels that repeat.
    "tape-verbatim.txt": [
      "Chair",
      "Côte d’Ivoire",
      "Türkiye",
      "Chair",
      "Côte d’Ivoire",
    ].map((who, i) => `${who}\n\n${i === 1 ? long : `${"é".repeat(24 + i)} ${"a".repeat(207 + i)}.`}\n`).join("\n"),
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

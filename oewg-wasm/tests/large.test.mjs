// A 50 MB record, in a process of its own so that the memory measured is
// this parse's alone (WebAssembly memory grows and never shrinks).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as oewg from "../pkg/node.js";
import { VERBATIM, REPORT, read, cliOk, targetDir } from "./helpers.mjs";

const verbatim = read(VERBATIM);
const report = read(REPORT);

test("a 50 MB record of seed copies parses as the native program does, in bounded memory", () => {
  const dir = path.join(targetDir, "wasm-tests");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "seeds-50mb.txt");
  const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(verbatim + report));
  const big = (verbatim + report).repeat(copies);
  writeFileSync(file, big);
  const bytes = Buffer.byteLength(big);
  assert.ok(bytes >= 50 * 1024 * 1024);
  const before = oewg.__memoryBytes();
  const s = oewg.parse(big);
  const words = s.statements.reduce((n, st) => n + st.word_count, 0);
  assert.equal(cliOk("stats", file).trim(), `files=1 statements=${s.statements.length} words=${words} bytes=${bytes}`);
  // WebAssembly memory holds the input and the session while it is
  // converted: about 4x the input (it grows and never shrinks), far from
  // the 4 GiB limit.
  const grown = oewg.__memoryBytes() - before;
  console.log(`# ${bytes} bytes of input: wasm memory grew by ${grown} bytes (${(grown / bytes).toFixed(2)}x)`);
  assert.ok(grown < 5 * bytes, `wasm memory grew by ${grown} bytes for ${bytes} of input`);
  assert.equal(oewg.__panicCount(), 0);
});


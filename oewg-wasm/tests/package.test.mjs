// The package as a user installs it: from the pkg/ folder with npm, into a
// project of their own, imported by name in Node; and its package.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pkgDir, root } from "./helpers.mjs";

test("package.json: name, the workspace version, type module, exports and types", () => {
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const cargo = readFileSync(path.join(root, "Cargo.toml"), "utf8");
  const version = cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
  assert.equal(pkg.name, "oewg");
  assert.equal(pkg.version, version);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.types, "./index.d.ts");
  assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "node", "default"]);
  for (const file of [...pkg.files, pkg.exports["."].node, pkg.exports["."].default]) {
    assert.ok(existsSync(path.join(pkgDir, file)), `${file} is missing from pkg/`);
  }
});

test("npm pack: the tarball has the README, both licences, the types and the module", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--offline"], { cwd: pkgDir, encoding: "utf8" }));
  const files = packed.files.map((f) => f.path).sort();
  for (const file of ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "index.d.ts", "node.js", "index.js", "oewg_wasm_bg.wasm", "package.json"]) {
    assert.ok(files.includes(file), `${file} is not in the tarball: ${files.join(", ")}`);
  }
  assert.match(readFileSync(path.join(pkgDir, "LICENSE-MIT"), "utf8"), /Permission is hereby granted/);
  assert.equal(readFileSync(path.join(pkgDir, "README.md"), "utf8"), readFileSync(path.join(root, "oewg-wasm", "README.md"), "utf8"));
});

test("npm installs the folder, and `import { parse } from \"oewg\"` works in Node", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "oewg-user-"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "user", private: true, type: "module" }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", pkgDir], { cwd: dir, stdio: "pipe" });
  writeFileSync(
    path.join(dir, "main.js"),
    'import { parse, ParseError } from "oewg";\n' +
      'const s = parse("Chair: Good morning.\\nCuba: Thank you.\\n");\n' +
      "let line = 0;\n" +
      'try { parse("  \\n") } catch (e) { if (e instanceof ParseError) line = e.line; }\n' +
      "console.log(JSON.stringify([s.statements.length, s.statements[1].speaker.iso3, line]));\n",
  );
  const out = execFileSync("node", ["main.js"], { cwd: dir, encoding: "utf8" });
  assert.deepEqual(JSON.parse(out), [2, "CUB", 1]);

  // The README's first lines for a JavaScript user, as written, on a record.
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Using it from JavaScript"));
  const first = section.match(/```js\n([\s\S]*?)```/)[1];
  writeFileSync(path.join(dir, "record.txt"), "Chair: Good morning.\nCuba: Thank you, Chair.\n");
  writeFileSync(path.join(dir, "readme.js"), 'import { readFileSync } from "node:fs";\n' + first);
  const printed = execFileSync("node", ["readme.js"], { cwd: dir, encoding: "utf8" });
  assert.match(printed, /speaker: 'Cuba'|speaker: 'Chair'/);

  // The package's own README (the tarball's): both examples, as written.
  const own = readFileSync(path.join(root, "oewg-wasm", "README.md"), "utf8");
  const [read, caught] = [...own.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  writeFileSync(path.join(dir, "own-read.js"), read);
  assert.match(execFileSync("node", ["own-read.js"], { cwd: dir, encoding: "utf8" }), /speaker: 'Cuba'|speaker: 'Chair'/);
  writeFileSync(path.join(dir, "own-caught.js"), caught);
  assert.equal(execFileSync("node", ["own-caught.js"], { cwd: dir, encoding: "utf8" }), "empty 1 1\n");
});

// The example page's server (examples/web/serve.mjs): it serves the page,
// the sample and the package, and nothing else, whatever the request.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { serve } from "../../examples/web/serve.mjs";

let server;
let origin;
before(async () => {
  const started = await serve(0);
  server = started.server;
  origin = new URL(started.url).origin;
});
after(() => server.close());

/** The status of a raw request: `fetch` would clean the path first. */
function status(path, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end();
  });
}

test("the page, the sample and HEAD requests are served", async () => {
  assert.equal(await status("/examples/web/"), 200);
  assert.equal(await status("/examples/web/app.js"), 200);
  assert.equal(await status("/examples/sample.txt"), 200);
  assert.equal(await status("/examples/web/", "HEAD"), 200);
  assert.equal(await status("/"), 302);
});

test("a malformed escape is a bad request, and the server goes on", async () => {
  assert.equal(await status("/examples/web/%E0%A4%A"), 400);
  assert.equal(await status("/examples/web/"), 200);
});

test("nothing outside the allowed folders, however the path is written", async () => {
  for (const path of [
    "/examples/web/..%2f..%2foewg-wasm/package.json",
    "/examples/web/..%2f..%2fschema/session.schema.json",
    "/examples/web/..%2f..%2fbench/wasm.mjs",
    "/oewg-wasm/pkg/..%2fpackage-lock.json",
    "/examples/web/%2e%2e/%2e%2e/README.md",
    "/examples/web/..%5c..%5cschema%5csession.schema.json",
    "/README.md",
    "/Cargo.toml",
  ]) {
    assert.equal(await status(path), 404, path);
  }
  assert.equal(await status("/examples/web/", "POST"), 404);
});

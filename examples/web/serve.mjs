#!/usr/bin/env node
// A tiny static server for the example page, on localhost only:
//
//   node examples/web/serve.mjs [PORT]     (default 8080; 0 picks a free one)
//
// It serves the page (examples/web/), the embedded sample
// (examples/sample.txt) and the built package (oewg-wasm/pkg/) from the
// repository, nothing else, with a Content-Security-Policy that allows
// no inline script and no connection beyond this origin.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const allowed = ["/examples/web/", "/examples/sample.txt", "/oewg-wasm/pkg/"];
const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};
// 'wasm-unsafe-eval' lets the page compile WebAssembly, and nothing else.
export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Starts the server; resolves to { server, url } once it listens. */
export function serve(port = 8080) {
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      // A malformed escape ("%E0%A4%A") is the client's error, not the server's end.
      res.writeHead(400, { "content-type": "text/plain" });
      return res.end("bad request\n");
    }
    if (pathname === "/") {
      res.writeHead(302, { location: "/examples/web/" });
      return res.end();
    }
    // A backslash is a separator to Windows' path.join: none is served.
    if (pathname.includes("\\")) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found\n");
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    // The allow-list is checked on the normalised path: an encoded slash
    // ("..%2f..%2fbench/") must not climb out of the folders it names.
    const normal = path.posix.normalize(pathname);
    const file = path.join(root, normal);
    const inside = file.startsWith(root + path.sep) && allowed.some((p) => normal.startsWith(p));
    const type = types[path.extname(file)];
    if (!(req.method === "GET" || req.method === "HEAD") || !inside || !type) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("not found\n");
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": type,
        "content-security-policy": CSP,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/examples/web/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await serve(Number(process.argv[2] ?? 8080));
  console.log(`oewg example page: ${url}  (Ctrl-C stops)`);
}

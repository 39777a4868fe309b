// A module Worker that reads records off the page's thread, so that a
// large record does not hold the page while it is parsed. The page posts
// { id, bytes, format } (the file's bytes, as parseBytes takes them, and
// a layout name or null to detect it) and gets back { id, session } or
// { id, error } (the ParseError's fields, which structured cloning would
// otherwise drop). Terminating the Worker frees its WebAssembly memory,
// which a page's own instance keeps for as long as the tab is open.

// Imported when the Worker starts, not as a static import: the package
// starts its WebAssembly with a top-level await, and until a static
// import's await ends no handler would be set, so a message posted at once
// would be lost.
const loading = import("../../oewg-wasm/pkg/index.js");

self.onmessage = async ({ data: { id, bytes, format = null } }) => {
  try {
    const oewg = await loading;
    self.postMessage({ id, session: oewg.parseBytes(bytes, format) });
  } catch (e) {
    const { name = "Error", message = String(e), kind = null, line = null, column = null, offset = null } = e ?? {};
    self.postMessage({ id, error: { name, message, kind, line, column, offset } });
  }
};

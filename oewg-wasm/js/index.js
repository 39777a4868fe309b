// Entry point for browsers and bundlers: fetches and starts the
// WebAssembly module (top-level await), then exports the API.
import init from "./oewg_wasm.js";

await init({ module_or_path: new URL("./oewg_wasm_bg.wasm", import.meta.url) });

export * from "./api.js";

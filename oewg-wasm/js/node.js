// Entry point for Node: reads the WebAssembly module from beside this file
// and starts it synchronously, then exports the API.
import { readFileSync } from "node:fs";
import { initSync } from "./oewg_wasm.js";

initSync({ module: readFileSync(new URL("./oewg_wasm_bg.wasm", import.meta.url)) });

export * from "./api.js";

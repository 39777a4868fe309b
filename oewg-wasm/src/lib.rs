//! WebAssembly bindings of oewg-core (work in progress).

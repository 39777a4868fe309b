// The JavaScript half of oewg-wasm/src/tape.rs: builds the plain objects
// of a result from the tape the WebAssembly side wrote, in one call, where
// serde-wasm-bindgen crossed into JavaScript for every field and string.
// wasm-bindgen imports these functions into the module (they are not part
// of the package's API).

// The operations, as in tape.rs.
const NULL = 0;
const TRUE = 1;
const FALSE = 2;
const INT = 3;
const NUM = 4;
const STR = 5;
const LONG = 6;
const ARR = 7;
const OBJ = 8;

// As wasm-bindgen's own glue makes its decoder: ignoreBOM, so a string
// that starts with U+FEFF keeps it; one decode() at once, for Safari's
// stray byte-order mark (wasm-bindgen #1825); and a new decoder before
// 2 GiB have gone through one, which Safari 16-18.4 refuses (#4471).
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let decoder;
let decoded = 0;
function freshDecoder() {
  decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  decoder.decode();
  decoded = 0;
}
freshDecoder();
function decodeText(bytes) {
  decoded += bytes.length;
  if (decoded >= MAX_SAFARI_DECODE_BYTES) {
    freshDecoder();
    // These bytes go through the new decoder: they count towards its limit.
    decoded = bytes.length;
  }
  return decoder.decode(bytes);
}

// The long strings of the value being written, handed over one by one.
let longs = [];

/** Starts a value, or ends a failed one: forgets the long strings kept. */
export function tapeBegin() {
  longs = [];
}

/** Keeps a long string of the value being written; gives its index. */
export function tapeKeep(s) {
  return longs.push(s) - 1;
}

/** What a thrown value says. */
export function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The value the tape describes. `ops`, `nums`, `bytes` and `ends` are
 * views into WebAssembly memory, read before this returns.
 */
export function tapeDecode(ops, nums, bytes, ends) {
  // The table decoded at once, and cut into its strings. V8 makes a cut
  // of 13 characters or more a view of the whole, which would keep the
  // whole table (every short string of the result) alive for one kept
  // name; cutting it from " " + cut makes V8 copy the cut out first
  // (flattening the concatenation), so each string keeps only its own
  // characters and one more. Decoding each string on its own costs twice
  // as much.
  const all = decodeText(bytes);
  const strs = [];
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    const cut = all.slice(start, end);
    strs.push(end - start < 13 ? cut : (" " + cut).slice(1));
    start = end;
  }
  const kept = longs;
  longs = [];
  let p = 0;
  let q = 0;
  // The commonest operations first: an if chain, not a switch, which V8
  // runs about a third faster here (measured on the seeds' tapes).
  const value = () => {
    const op = ops[p++];
    if (op === INT) return ops[p++];
    if (op === STR) return strs[ops[p++]];
    if (op === OBJ) {
      const n = ops[p++];
      const o = {};
      for (let i = 0; i < n; i++) {
        const kop = ops[p++];
        const k = kop === STR ? strs[ops[p++]] : kop === LONG ? kept[ops[p++]] : broken(kop, p - 1);
        // A map key "__proto__" is a property, as JSON.parse makes it,
        // not the object's prototype.
        if (k === "__proto__") {
          Object.defineProperty(o, k, { value: value(), writable: true, enumerable: true, configurable: true });
        } else {
          o[k] = value();
        }
      }
      return o;
    }
    if (op === ARR) {
      const n = ops[p++];
      const a = [];
      for (let i = 0; i < n; i++) a.push(value());
      return a;
    }
    if (op === NUM) return nums[q++];
    if (op === NULL) return null;
    if (op === TRUE) return true;
    if (op === FALSE) return false;
    if (op === LONG) return kept[ops[p++]];
    return broken(op, p - 1);
  };
  return value();
}

function broken(op, at) {
  throw new Error(`oewg: a broken tape (operation ${op} at ${at})`);
}

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

// ignoreBOM: a string that starts with U+FEFF keeps it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

// The long strings of the value being written, handed over one by one.
let longs = [];

/** Starts a value: forgets the long strings of one that failed. */
export function tapeBegin() {
  longs = [];
}

/** Keeps a long string of the value being written; gives its index. */
export function tapeKeep(s) {
  return longs.push(s) - 1;
}

/**
 * The value the tape describes. `ops`, `nums`, `bytes` and `ends` are
 * views into WebAssembly memory, read before this returns.
 */
export function tapeDecode(ops, nums, bytes, ends) {
  const all = decoder.decode(bytes);
  const strs = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    strs[i] = all.slice(start, end);
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
        let k;
        if (ops[p] === STR) {
          k = strs[ops[p + 1]];
          p += 2;
        } else {
          k = String(value());
        }
        // A map key "__proto__" (a speaker could be called that) is a
        // property, as JSON.parse makes it, not the object's prototype.
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
    throw new Error(`oewg: a broken tape (operation ${op} at ${p - 1})`);
  };
  return value();
}

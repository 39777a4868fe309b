// The public API of the oewg package: the wasm-bindgen exports, wrapped so
// that errors arrive as Error subclasses with their data on them. Both
// entry points (index.js for browsers and bundlers, node.js for Node) load
// the WebAssembly module first, then re-export this file.
import * as raw from "./oewg_wasm.js";

/**
 * A record that could not be parsed. `line` and `column` are 1-based
 * (column in characters), `offset` is the byte offset in the UTF-8 text.
 */
export class ParseError extends Error {
  constructor(data) {
    // oewg makes these from the core's error; `new ParseError("message")`
    // would give one with no kind or line, which every catch site reads.
    if (data === null || typeof data !== "object") {
      throw new TypeError(
        "ParseError takes an object { message, kind, line, column, offset, expected, found }, not " +
          (data === null ? "null" : typeof data),
      );
    }
    super(data.message);
    this.name = "ParseError";
    this.kind = data.kind;
    this.line = data.line;
    this.column = data.column;
    this.offset = data.offset;
    this.expected = data.expected;
    this.found = data.found;
  }
}

/**
 * A bug in oewg: the WebAssembly code panicked (or ran out of memory).
 * The module is restarted before this is thrown, so later calls work.
 */
export class InternalError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "InternalError";
  }
}

// Adds `note` to an error's message, and to the first line of its stack,
// where V8 writes the message: a note added to the message alone would be
// missing from the trace a console prints. Where the stack does not open
// with the message (SpiderMonkey, JavaScriptCore), it is left alone.
function withNote(e, note, prefix = "") {
  // Read first: V8 writes the stack when it is first read, from the
  // message as it is then.
  const stack = e.stack;
  const before = `${e.name}: ${e.message}`;
  e.message = `${prefix}${e.message}${note}`;
  if (typeof stack === "string" && stack.startsWith(before)) {
    e.stack = `${e.name}: ${e.message}${stack.slice(before.length)}`;
  }
  return e;
}

function isRawParseError(e) {
  return e !== null && typeof e === "object" && !(e instanceof Error) && e.name === "ParseError";
}

// Panics seen by instances that were since replaced by a fresh one.
let earlierPanics = 0;

/** Calls a raw export and turns what it throws into the package's errors. */
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    if (isRawParseError(e)) throw new ParseError(e);
    if (e instanceof WebAssembly.RuntimeError) {
      let message;
      try {
        message = raw.takePanic();
      } catch {
        message = undefined;
      }
      earlierPanics += raw.panicCount();
      raw.__wbg_reset_state();
      throw new InternalError(
        message !== undefined
          ? `oewg panicked: ${message}`
          : `oewg: the WebAssembly module stopped (${e.message}); most likely it ran out of memory`,
        { cause: e },
      );
    }
    throw e;
  }
}

function formatArg(format) {
  if (format === undefined || format === null) return undefined;
  if (typeof format !== "string") {
    throw new TypeError("format must be a layout name: 'verbatim', 'report', 'turns', 'asr', 'markdown' or 'pv'");
  }
  return format;
}

// parse's second argument: a format name, or { format, analyses }.
function optionsArg(options) {
  if (options === undefined || options === null || typeof options === "string") {
    return [formatArg(options), undefined];
  }
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError("options must be a format name or { format, analyses }");
  }
  // A misspelt option ({ analysis: false }) would otherwise be ignored
  // without a word.
  for (const key of Object.keys(options)) {
    if (key !== "format" && key !== "analyses") {
      throw new TypeError(`unknown option '${key}': parse takes { format, analyses }`);
    }
  }
  const { format, analyses } = options;
  if (analyses !== undefined && typeof analyses !== "boolean") {
    throw new TypeError("options.analyses must be true or false");
  }
  return [formatArg(format), analyses];
}

function textArg(text, what = "text") {
  if (typeof text !== "string") {
    // A file read without an encoding (readFileSync(path)) is a Buffer:
    // the likeliest thing passed here that is not a string.
    const bytes = text instanceof Uint8Array ? ": for bytes (a Buffer or Uint8Array) use parseBytes(bytes)" : "";
    throw new TypeError(`${what} must be a string${bytes}`);
  }
  return text;
}

// One word with a path separator or a file's ending: a file's name passed
// where its text belongs, the likeliest first mistake.
const FILE_NAME = /^\S*(?:[\\/]\S*|\.(?:txt|md|text|pdf))$/i;

const isWellFormed = String.prototype.isWellFormed
  ? (text) => text.isWellFormed()
  : (text) => !/[\ud800-\udfff]/u.test(text);

/** `text` as WTF-8: UTF-8, with a lone surrogate as its own three bytes. */
function wtf8(text) {
  const out = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.codePointAt(i);
    if (c > 0xffff) i++;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

// The text of a record. A lone surrogate ("\ud800") is no Unicode text:
// passed on, it would become U+FFFD (as TextEncoder makes it) and the
// record would change silently. Its WTF-8 bytes fail the core's UTF-8
// check instead, which throws a ParseError naming its line and column, as
// Python's parse does for the same str.
function recordArg(text, what = "text") {
  textArg(text, what);
  if (!isWellFormed(text)) {
    try {
      call(raw.parseBytes, wtf8(text), null, false);
    } catch (e) {
      if (e instanceof ParseError && e.kind === "invalid_utf8") {
        const i = text.search(/[\ud800-\udfff]/u);
        const unit = text.charCodeAt(i).toString(16).toUpperCase();
        // Named as the core names an element of an array ("sessions[1]: 1:8: …").
        const where = what === "text" ? "" : `${what}: `;
        withNote(e, ` (a lone surrogate, U+${unit}, which is no character: half of a UTF-16 surrogate pair, or an escape such as '\\ud800')`, where);
      }
      throw e;
    }
  }
  return text;
}

// Above this many UTF-16 units a text goes in as UTF-8 bytes made here:
// wasm-bindgen's string passing reserves 3 bytes a unit inside WebAssembly
// memory for non-ASCII text, which for a 50 MB record is 150 MB more.
// Small texts go in directly, which is faster.
const LARGE = 8 << 20;
const encoder = new TextEncoder();

/** See index.d.ts for the documentation of each function. */
export function parse(text, options) {
  recordArg(text);
  const [format, analyses] = optionsArg(options);
  if (text.length > LARGE) return call(raw.parseBytes, encoder.encode(text), format, analyses);
  try {
    return call(raw.parse, text, format, analyses);
  } catch (e) {
    if (e instanceof ParseError && text.length < 4096 && FILE_NAME.test(text.trim())) {
      withNote(e, ` (this text looks like the name of a file: read the file first, e.g. readFileSync(path, "utf8"), and pass its text)`);
    }
    throw e;
  }
}

// What to do about bytes that are not UTF-8: records exported on Windows
// often come as Windows-1252, which the core does not guess at; bytes
// that show what they are (UTF-16, a PDF, a .docx) get their own advice.
const NOT_UTF8_HINT =
  "the bytes are not UTF-8; save the file as UTF-8, or decode it first (new TextDecoder('windows-1252').decode(bytes)) and pass the text to parse";
const NOT_TEXT_HINTS = {
  "utf-16le":
    "the bytes are UTF-16 (they open with its byte-order mark, as a file saved as \"Unicode\" on Windows does), not UTF-8; save the file as UTF-8, or decode it first (new TextDecoder('utf-16le').decode(bytes)) and pass the text to parse",
  "utf-16be":
    "the bytes are UTF-16 (they open with its byte-order mark), not UTF-8; save the file as UTF-8, or decode it first (new TextDecoder('utf-16be').decode(bytes)) and pass the text to parse",
  pdf: "the file is a PDF, not text: extract its text first (e.g. pdftotext -layout record.pdf) and parse the .txt",
  zip: "the file is a zip archive (a .docx, .odt or other office document), not text: save it as plain text (UTF-8) first",
};

export function notText(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("bytes must be a Uint8Array");
  // Only the start tells: the rest of a large file is not copied in.
  return call(raw.notText, bytes.subarray(0, 8)) ?? null;
}

export function parseBytes(bytes, options) {
  if (!(bytes instanceof Uint8Array)) throw new TypeError("bytes must be a Uint8Array");
  try {
    return call(raw.parseBytes, bytes, ...optionsArg(options));
  } catch (e) {
    if (e instanceof ParseError && e.kind === "invalid_utf8") {
      const looks = notText(bytes);
      // A UTF-16 mark fails at the first byte; a PDF or zip anywhere.
      const own = looks && (looks === "pdf" || looks === "zip" || e.offset === 0) ? NOT_TEXT_HINTS[looks] : null;
      withNote(e, `: ${own ?? NOT_UTF8_HINT}`);
    }
    throw e;
  }
}

export function detectFormat(text) {
  return call(raw.detectFormat, textArg(text)) ?? null;
}

export function resolve(label) {
  return call(raw.resolve, textArg(label, "label"));
}

export function segment(text) {
  return call(raw.segment, recordArg(text));
}

function sessionArg(session) {
  if (typeof session === "string") return recordArg(session);
  // A file read without an encoding: parsed first, as parse would say.
  if (session instanceof Uint8Array) {
    throw new TypeError("expected a Session object or the text of a record: for bytes (a Buffer or Uint8Array) use parseBytes(bytes) first");
  }
  if (session === null || typeof session !== "object") {
    throw new TypeError("expected a Session object or the text of a record");
  }
  return session;
}

export function floor(session) {
  return call(raw.floor, sessionArg(session));
}

export function reportFigures(session) {
  return call(raw.reportFigures, sessionArg(session));
}

export function analyze(session) {
  return call(raw.analyze, sessionArg(session));
}

export function hasAnalyses(session) {
  if (session === null || typeof session !== "object") throw new TypeError("hasAnalyses: expected a Session object");
  return call(raw.hasAnalyses, session);
}

export function analyzeBatch(sessions) {
  if (!Array.isArray(sessions)) throw new TypeError("analyzeBatch: expected an array of Session objects or record texts");
  const args = sessions.map((s, i) => {
    // A text is checked as `parse` checks it: a lone surrogate is an
    // error, not a character quietly replaced on the way in.
    if (typeof s === "string") return recordArg(s, `sessions[${i}]`);
    if (s !== null && typeof s === "object") return s;
    throw new TypeError(`analyzeBatch: sessions[${i}] is not a Session object or the text of a record`);
  });
  return call(raw.analyzeBatch, args);
}

export function floorAudit(session) {
  return call(raw.floorAudit, sessionArg(session));
}

export function alignments(session) {
  return call(raw.alignments, sessionArg(session));
}

export function proposals(session) {
  return call(raw.proposals, sessionArg(session));
}

export function segments(session) {
  return call(raw.segments, sessionArg(session));
}

export function topics(session) {
  return call(raw.topics, sessionArg(session));
}

export function reportCheck(session) {
  return call(raw.reportCheck, sessionArg(session));
}

export function statistics(session) {
  return call(raw.statistics, sessionArg(session));
}

export function glance(session) {
  return call(raw.glance, sessionArg(session));
}

export function renderHtml(session) {
  return call(raw.renderHtml, sessionArg(session));
}

export function renderMarkdown(session) {
  return call(raw.renderMarkdown, sessionArg(session));
}

export function renderSummary(session, name) {
  return call(raw.renderSummary, sessionArg(session), textArg(name ?? "session", "name"));
}

export function verify(session, text) {
  // The bytes of a file as parseBytes read them, its byte-order mark kept:
  // TextDecoder's default drops it, and every span would be 3 bytes off.
  if (text instanceof Uint8Array) {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(text);
    } catch {
      throw new TypeError("verify: the bytes are not UTF-8, so no session was read from them");
    }
  }
  return call(raw.verify, sessionArg(session), recordArg(text)) ?? null;
}

/**
 * Splits a record into lines as the parser numbers them (LF, CRLF and a
 * lone CR each end a line), so `lines[span.line_start - 1]` is the first
 * line of a span.
 */
export function sourceLines(text) {
  return textArg(text).split(/\r\n|\r|\n/);
}

// Test hooks, left out of index.d.ts: the Node tests use them to check that a
// panic arrives as an InternalError and that no hostile input reaches the
// panic hook.

/** Panics inside the WebAssembly module on purpose. */
export function __panicForTests(message) {
  return call(raw.__panicForTests, String(message));
}

/** Panics that reached the hook since the package was loaded. */
export function __panicCount() {
  return earlierPanics + raw.panicCount();
}

/** Bytes of WebAssembly memory the current instance holds. */
export function __memoryBytes() {
  return raw.memoryBytes();
}

/** Parses without building JavaScript objects; returns the statement count. */
export function __parseCount(text) {
  return call(raw.__parseCount, textArg(text));
}

/** `__parseCount` of many texts, their analyses run together; returns the statement count. */
export function __parseCountBatch(texts) {
  if (!Array.isArray(texts)) throw new TypeError("expected an array of record texts");
  return call(raw.__parseCountBatch, texts.map((t) => textArg(t)));
}

export function corpus(sessions) {
  if (!Array.isArray(sessions)) throw new TypeError("corpus: expected an array of Session objects or record texts");
  const args = sessions.map((s, i) => {
    if (typeof s === "string") return recordArg(s, `sessions[${i}]`);
    if (s !== null && typeof s === "object") return s;
    throw new TypeError(`corpus: sessions[${i}] is not a Session object or the text of a record`);
  });
  return call(raw.corpus, args);
}

export function toTei(session, docId) {
  if (docId !== undefined && docId !== null && typeof docId !== "string") {
    throw new TypeError("docId must be a string");
  }
  return call(raw.toTei, sessionArg(session), docId ?? undefined);
}

export function jsonSchema() {
  return call(raw.jsonSchema);
}

//! # oewg-wasm
//!
//! WebAssembly bindings of [`oewg_core`], for JavaScript. Thin on purpose:
//! every function here calls the core and converts — text in, plain
//! JavaScript objects out (through serde, so they have exactly the shape of
//! `oewg json`, and new fields of the core's model flow through unchanged;
//! written as a tape that `js/tape.js` builds in one call: `src/tape.rs`),
//! core errors out as structured values.
//!
//! These are the raw exports of the `.wasm`. JavaScript users import the
//! package's `index.js` (`oewg-wasm/js/`), which loads the module, turns the
//! structured errors into a `ParseError` class with `line`, `column`,
//! `offset`, `expected` and `found`, turns a panic into an `InternalError`
//! (never a bare "unreachable") and carries the TypeScript types.
//!
//! ## Panics
//!
//! The core is built never to panic (fuzzed, with hostile-input tests), and
//! on `wasm32-unknown-unknown` a panic aborts: the instance traps with
//! "unreachable". [`install`] (run once when the module starts) sets a panic
//! hook that records the message and counts the panic; the JavaScript
//! wrapper reads it back with [`take_panic`] after a trap, throws an
//! `InternalError` with that message, and starts a fresh instance. The
//! Node tests check through [`panic_count`] that no hostile input reaches
//! the hook.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use oewg_core::{analysis, Format, ParseError, ParseOptions, Session};
use serde::Serialize;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

mod tape;

thread_local! {
    static PANICS: Cell<u32> = const { Cell::new(0) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook. Runs once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        PANICS.with(|n| n.set(n.get().saturating_add(1)));
        // try_borrow_mut: a panic while the message is being taken must not
        // panic again inside the hook.
        LAST_PANIC.with(|m| {
            if let Ok(mut m) = m.try_borrow_mut() {
                *m = Some(info.to_string());
            }
        });
    }));
}

/// How many panics reached the hook since the instance started.
#[wasm_bindgen(js_name = panicCount)]
pub fn panic_count() -> u32 {
    PANICS.with(Cell::get)
}

/// The message of the last panic, once; `undefined` when there was none.
#[wasm_bindgen(js_name = takePanic)]
pub fn take_panic() -> Option<String> {
    LAST_PANIC.with(|m| m.try_borrow_mut().ok().and_then(|mut m| m.take()))
}

/// Panics on purpose, so the tests can check that a panic reaches
/// JavaScript as an `InternalError` with its message. Not re-exported by
/// the package's `index.js`.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests(message: &str) {
    panic!("{message}");
}

/// Bytes of linear memory the instance holds, for the tests' memory bounds.
#[doc(hidden)]
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    let pages = core::arch::wasm32::memory_size(0);
    #[cfg(not(target_arch = "wasm32"))]
    let pages = 0;
    (pages * 65536) as f64
}

/// Parses and returns the number of statements only: the core's speed in
/// WebAssembly without building JavaScript objects, for `bench/wasm.mjs`.
///
/// # Errors
/// As [`parse`].
#[doc(hidden)]
#[wasm_bindgen(js_name = __parseCount)]
pub fn parse_count(text: &str) -> Result<usize, JsValue> {
    Ok(parse_str(text, None)?.statements.len())
}

/// [`parse_count`] of many records at once, their analyses run together
/// by [`oewg_core::analyze_batch`]: what `oewg stats --analyses` does
/// natively, so `bench/wasm.mjs` compares the same work.
///
/// # Errors
/// As [`parse`].
#[doc(hidden)]
#[wasm_bindgen(js_name = __parseCountBatch)]
pub fn parse_count_batch(texts: Vec<String>) -> Result<usize, JsValue> {
    let mut sessions = texts
        .iter()
        .map(|t| oewg_core::parse_with(t, options(None, Some(false))).map_err(|e| parse_error(&e)))
        .collect::<Result<Vec<_>, _>>()?;
    oewg_core::analyze_batch(&mut sessions);
    Ok(sessions.iter().map(|s| s.statements.len()).sum())
}

/// A core [`ParseError`] as the JavaScript wrapper receives it: a plain
/// object it turns into a `ParseError` instance.
#[derive(Serialize)]
struct JsParseError<'a> {
    /// Always `"ParseError"`: how the wrapper tells it from other throws.
    name: &'static str,
    /// `empty`, `invalid_utf8` or `expected`.
    kind: &'static str,
    message: String,
    line: usize,
    column: usize,
    offset: usize,
    expected: &'a str,
    found: &'a str,
}

impl<'a> From<&'a ParseError> for JsParseError<'a> {
    fn from(e: &'a ParseError) -> Self {
        JsParseError {
            name: "ParseError",
            kind: e.kind(),
            message: e.to_string(),
            line: e.line(),
            column: e.column(),
            offset: e.offset(),
            expected: e.what_expected(),
            found: e.what_found(),
        }
    }
}

// `catch`: what these throw (a string longer than the engine allows, a
// decoder that fails) comes back as an error through Rust, whose values
// are then dropped, rather than unwinding past them.
#[wasm_bindgen(module = "/js/tape.js")]
extern "C" {
    #[wasm_bindgen(js_name = tapeBegin)]
    fn tape_begin();
    #[wasm_bindgen(js_name = tapeKeep, catch)]
    fn tape_keep(s: &str) -> Result<u32, JsValue>;
    #[wasm_bindgen(js_name = tapeDecode, catch)]
    fn tape_decode(
        ops: &[u32],
        nums: &[f64],
        bytes: &[u8],
        ends: &[u32],
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = errorMessage)]
    fn error_message(error: &JsValue) -> String;
}

/// What every export gives JavaScript: `value` as plain objects of JSON's
/// shape (`None` as `null`, maps as objects), so `parse` gives exactly what
/// `oewg json` prints; written as a tape and built in one call.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    tape_begin();
    let written = tape::Writer::new(&mut |s| tape_keep(s).map_err(|e| error_message(&e)))
        .write(value)
        .and_then(|tape| {
            tape_decode(&tape.ops, &tape.nums, &tape.bytes, &tape.ends)
                .map_err(|e| tape::TapeError::new(error_message(&e)))
        });
    written.map_err(|e| {
        // The long strings kept for the failed value can go now.
        tape_begin();
        JsError::new(&format!("oewg: cannot convert to JavaScript: {e}")).into()
    })
}

fn parse_error(e: &ParseError) -> JsValue {
    to_js(&JsParseError::from(e)).unwrap_or_else(|e| e)
}

fn format_arg(format: Option<String>) -> Result<Option<Format>, JsValue> {
    format
        .map(|f| f.parse::<Format>())
        .transpose()
        .map_err(|e| JsError::new(&e.to_string()).into())
}

fn parse_str(text: &str, format: Option<Format>) -> Result<Session, JsValue> {
    parse_with(text, format, None)
}

/// `analyses`: `undefined` runs them (the default).
fn options(format: Option<Format>, analyses: Option<bool>) -> ParseOptions {
    let options = ParseOptions::new().analyses(analyses.unwrap_or(true));
    match format {
        Some(f) => options.format(f),
        None => options,
    }
}

fn parse_with(
    text: &str,
    format: Option<Format>,
    analyses: Option<bool>,
) -> Result<Session, JsValue> {
    oewg_core::parse_with(text, options(format, analyses)).map_err(|e| parse_error(&e))
}

/// A session given as a parsed object, or as the text of a record to parse.
fn session_arg(input: JsValue) -> Result<Session, JsValue> {
    match input.as_string() {
        Some(text) => parse_str(&text, None),
        None => session_object(input)
            .map_err(|e| JsError::new(&format!("oewg: not a Session: {e}")).into()),
    }
}

/// A session object read back; the error names where in the object it
/// went wrong (at `statements[3]`: missing field `paragraphs`).
fn session_object(input: JsValue) -> Result<Session, String> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(input)).map_err(|e| {
        // serde-wasm-bindgen's errors are JavaScript `Error`s, whose
        // Display is `String(error)`: "Error: missing field …".
        let path = e.path().to_string();
        let message = error_message(&JsValue::from(e.into_inner()));
        // A missing field is reported at the object that lacks it
        // ("at statements[2]: missing field `paragraphs`"); one missing at
        // the top most likely means the object is no Session at all.
        match (path.as_str(), message.starts_with("missing field")) {
            (".", true) => format!("{message} (a Session is the object parse returns)"),
            (".", false) => message,
            _ => format!("at {path}: {message}"),
        }
    })
}

/// [`session_arg`] for the `i`th of an array: its errors name the index,
/// as `sessions[3]`. A text is parsed with its analyses when `analyses`
/// is true, bare (`analysis` empty) when false.
fn indexed_session_arg(i: usize, input: JsValue, analyses: bool) -> Result<Session, JsValue> {
    match input.as_string() {
        Some(text) => oewg_core::parse_with(&text, options(None, Some(analyses))).map_err(|e| {
            let mut js = JsParseError::from(&e);
            js.message = format!("sessions[{i}]: {}", js.message);
            to_js(&js).unwrap_or_else(|e| e)
        }),
        None => session_object(input).map_err(|e| {
            JsError::new(&format!("oewg: sessions[{i}] is not a Session: {e}")).into()
        }),
    }
}

/// Parses a record (`format`: `verbatim`, `report`, `turns`, `asr`,
/// `markdown` or `pv`; detected when absent) into a plain object of the
/// shape `oewg json` prints; `analyses: false` leaves `analysis` empty.
///
/// # Errors
/// A structured parse error, or an `Error` for an unknown format.
#[wasm_bindgen]
pub fn parse(
    text: &str,
    format: Option<String>,
    analyses: Option<bool>,
) -> Result<JsValue, JsValue> {
    to_js(&parse_with(text, format_arg(format)?, analyses)?)
}

/// As [`parse`], for UTF-8 bytes; invalid UTF-8 is an error naming its
/// byte offset.
///
/// # Errors
/// As [`parse`].
#[wasm_bindgen(js_name = parseBytes)]
pub fn parse_bytes(
    bytes: Vec<u8>,
    format: Option<String>,
    analyses: Option<bool>,
) -> Result<JsValue, JsValue> {
    let options = options(format_arg(format)?, analyses);
    // The copy of the bytes in WebAssembly memory is freed before the
    // analyses run, and they reuse its room.
    to_js(&oewg_core::parse_owned(bytes, options).map_err(|e| parse_error(&e))?)
}

/// The layout of a record, or `undefined` when it shows none.
#[wasm_bindgen(js_name = detectFormat)]
pub fn detect_format(text: &str) -> Option<String> {
    oewg_core::detect(text).map(|f| f.as_str().to_string())
}

/// What bytes that are not UTF-8 text are, where their first bytes show
/// it (`oewg_core::text::not_text`): `utf-16le`, `utf-16be`, `pdf`, `zip`,
/// or `undefined`.
#[wasm_bindgen(js_name = notText)]
pub fn not_text(bytes: &[u8]) -> Option<String> {
    oewg_core::text::not_text(bytes).map(|k| k.as_str().to_string())
}

/// The speaker the registry makes of a label, as a `Speaker: text` turn
/// with that label gets it (`oewg_core::formats::resolve_co_chair`).
///
/// # Errors
/// Only when the speaker cannot be handed to JavaScript.
#[wasm_bindgen]
pub fn resolve(label: &str) -> Result<JsValue, JsValue> {
    to_js(&oewg_core::formats::resolve_co_chair(label))
}

/// The turns of a record only: labels, spans and word counts.
///
/// # Errors
/// As [`parse`].
#[wasm_bindgen]
pub fn segment(text: &str) -> Result<JsValue, JsValue> {
    to_js(&oewg_core::segment(text).map_err(|e| parse_error(&e))?)
}

/// Every speaker's share of the floor, for a session object (or the text
/// of a record).
///
/// # Errors
/// An `Error` when the object is not a session; a parse error for text.
#[wasm_bindgen]
pub fn floor(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::floor(&session_arg(session)?))
}

/// For a report, each speaker of the floor with the report's own figures
/// for them (`oewg_core::analysis::report_figures`); empty for a session
/// that is no report.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = reportFigures)]
pub fn report_figures(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::report_figures(&session_arg(session)?))
}

/// Runs every analysis again (what [`parse`] stores in `analysis`).
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn analyze(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::analyze(&session_arg(session)?))
}

/// Whether a session has its analyses, or was parsed without them
/// (`oewg_core::analysis::has_analyses`).
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = hasAnalyses)]
pub fn has_analyses(session: JsValue) -> Result<bool, JsValue> {
    Ok(analysis::has_analyses(&session_arg(session)?))
}

/// Runs every analysis on many sessions (parsed objects or texts) at once
/// and returns their analyses in the array's order: each what [`analyze`]
/// gives, about 12 % faster over many records, as the core runs one
/// analysis at a time over the batch (`oewg_core::analyze_batch`).
///
/// # Errors
/// An `Error` naming the index for a value that is not a session; a
/// structured parse error whose message names the index for a text that
/// does not parse.
#[wasm_bindgen(js_name = analyzeBatch)]
pub fn analyze_batch(sessions: Vec<JsValue>) -> Result<JsValue, JsValue> {
    let mut batch = Vec::with_capacity(sessions.len());
    for (i, input) in sessions.into_iter().enumerate() {
        // A text is parsed bare: the batch's analyses are the only ones run.
        batch.push(indexed_session_arg(i, input, false)?);
    }
    oewg_core::analyze_batch(&mut batch);
    let analyses: Vec<&analysis::Analysis> = batch.iter().map(|s| &s.analysis).collect();
    to_js(&analyses)
}

/// The speakers' list as the Chair ran it, and its anomalies.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = floorAudit)]
pub fn floor_audit(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::floor_audit(&session_arg(session)?))
}

/// Who aligned with whom.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn alignments(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::alignments(&session_arg(session)?))
}

/// The proposals named in the session, with every mention and stance.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn proposals(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::proposals(&session_arg(session)?))
}

/// The agenda segments.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn segments(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::segments(&session_arg(session)?))
}

/// The topics of every statement.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn topics(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::topics(&session_arg(session)?))
}

/// For a report, the report against its own transcript; `null` otherwise.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = reportCheck)]
pub fn report_check(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::report_check(&session_arg(session)?))
}

/// Turns, words and shares per speaker and group.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn statistics(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&analysis::statistics(&session_arg(session)?))
}

/// The session at a glance as data (what the renderings show).
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn glance(session: JsValue) -> Result<JsValue, JsValue> {
    to_js(&oewg_core::render::glance(&session_arg(session)?))
}

/// The session at a glance as an HTML fragment, source text escaped.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = renderHtml)]
pub fn render_html(session: JsValue) -> Result<String, JsValue> {
    Ok(oewg_core::render::html(&session_arg(session)?))
}

/// The session at a glance in Markdown, source text escaped.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = renderMarkdown)]
pub fn render_markdown(session: JsValue) -> Result<String, JsValue> {
    Ok(oewg_core::render::markdown(&session_arg(session)?))
}

/// The plain-text summary `oewg summary` prints; `name` stands in for the
/// title when the record has none.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = renderSummary)]
pub fn render_summary(session: JsValue, name: &str) -> Result<String, JsValue> {
    Ok(oewg_core::render::summary(&session_arg(session)?, name))
}

/// Checks that a session accounts for every byte of its source text;
/// returns the first violation's message, or `undefined` when it holds.
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen]
pub fn verify(session: JsValue, text: &str) -> Result<Option<String>, JsValue> {
    Ok(session_arg(session)?
        .verify(text)
        .err()
        .map(|v| v.to_string()))
}

/// What [`corpus`] gives: the corpus views, with session indices those of
/// the array passed in.
#[derive(Serialize)]
struct CorpusViews {
    delegations: Vec<oewg_core::corpus::DelegationSeries>,
    proposals: Vec<oewg_core::corpus::ProposalSeries>,
    stance_matrix: oewg_core::corpus::StanceMatrix,
}

/// Many sessions (parsed objects or texts) across each other: every
/// delegation and every proposal session by session, and the delegation ×
/// proposal stance matrix. Session indices (`document`) are positions in
/// the array given.
///
/// # Errors
/// A structured parse error for a text that does not parse, or an
/// `Error` for a value that is not a session.
#[wasm_bindgen]
pub fn corpus(sessions: Vec<JsValue>) -> Result<JsValue, JsValue> {
    let mut named = Vec::with_capacity(sessions.len());
    for (i, s) in sessions.into_iter().enumerate() {
        named.push((
            oewg_core::corpus::unnamed(i),
            indexed_session_arg(i, s, true)?,
        ));
    }
    let (corpus, order) = oewg_core::Corpus::from_sessions_placed(named);
    let at = |d: &mut usize| *d = order.get(*d).copied().unwrap_or(*d);
    let mut views = CorpusViews {
        delegations: corpus.delegations(),
        proposals: corpus.proposals(),
        stance_matrix: corpus.stance_matrix(),
    };
    views
        .delegations
        .iter_mut()
        .flat_map(|d| &mut d.sessions)
        .for_each(|s| at(&mut s.document));
    views
        .proposals
        .iter_mut()
        .flat_map(|p| &mut p.sessions)
        .for_each(|s| at(&mut s.document));
    views
        .stance_matrix
        .cells
        .iter_mut()
        .flat_map(|c| &mut c.documents)
        .for_each(at);
    to_js(&views)
}

/// The session as TEI following Parla-CLARIN; `docId` is the document's
/// `xml:id` and the prefix of every other id (default `"session"`).
///
/// # Errors
/// As [`floor`].
#[wasm_bindgen(js_name = toTei)]
pub fn to_tei(session: JsValue, doc_id: Option<String>) -> Result<String, JsValue> {
    let id = oewg_core::export::tei::xml_id(doc_id.as_deref().unwrap_or("session"), "d");
    Ok(oewg_core::export::tei::to_string(
        &session_arg(session)?,
        &id,
    ))
}

/// The JSON Schema (draft 2020-12) of a session as `parse` gives it.
#[wasm_bindgen(js_name = jsonSchema)]
pub fn json_schema() -> Result<JsValue, JsValue> {
    to_js(&oewg_core::export::schema::session_schema())
}

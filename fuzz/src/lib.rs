//! What every fuzz target checks of a parse result: the guarantees the
//! library makes for any input, not just "no panic".

use oewg_core::{ParseError, Session};

/// Panics (which the fuzzer reports as a crash) if `result` breaks a
/// guarantee for `src`: an error must name a position inside the input; a
/// session must account for every byte, round-trip through JSON and come
/// out the same when parsed again.
pub fn check(
    src: &str,
    result: &Result<Session, ParseError>,
    again: impl Fn(&str) -> Result<Session, ParseError>,
) {
    match result {
        Err(e) => {
            assert!(e.offset() <= src.len(), "error offset past the input: {e}");
            assert!(e.line() >= 1 && e.column() >= 1, "error position: {e}");
        }
        Ok(s) => {
            if let Err(v) = s.verify(src) {
                panic!("{v}");
            }
            let back = Session::from_json(&s.to_json()).expect("JSON reads back");
            assert_eq!(&back, s, "JSON round trip");
        }
    }
    assert_eq!(&again(src), result, "parsing twice differs");
}

/// Runs a `&str` target body on fuzzer bytes that are UTF-8; others are
/// the `parse` target's business.
pub fn on_str(data: &[u8], body: impl FnOnce(&str)) {
    if let Ok(src) = std::str::from_utf8(data) {
        body(src);
    }
}

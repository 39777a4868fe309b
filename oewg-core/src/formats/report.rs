//! Layout B (in progress).
use crate::error::ParseError;
use crate::model::Session;
pub(crate) fn looks_like_report(_src: &str) -> bool {
    false
}
/// Parses a report.
pub fn parse(src: &str) -> Result<Session, ParseError> {
    Err(ParseError::expected(src, 0, "a report"))
}

//! Parse errors: where, what was expected, and what was found, reported the
//! way a compiler does.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A point in the source: byte offset, 1-based line, 1-based column in
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Position {
    /// Byte offset.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    /// The start of the input: offset 0, line 1, column 1.
    pub const START: Position = Position {
        offset: 0,
        line: 1,
        column: 1,
    };

    /// The position of byte `offset` in `src`.
    ///
    /// ```
    /// let p = oewg_core::Position::of("ab\ncd", 3);
    /// assert_eq!((p.line, p.column), (2, 1));
    /// ```
    pub fn of(src: &str, offset: usize) -> Position {
        let (line, column) = crate::text::line_col(src, offset);
        Position {
            offset,
            line,
            column,
        }
    }
}

/// Why a record could not be parsed. Every variant names where.
///
/// ```
/// let err = oewg_core::parse("   \n").unwrap_err();
/// assert_eq!(err.to_string(), "1:1: empty input: expected a meeting record");
/// assert_eq!((err.line(), err.column()), (1, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseError {
    /// The input holds nothing but whitespace; reported at its start.
    #[error("{}:{}: empty input: expected a meeting record", .at.line, .at.column)]
    Empty {
        /// The input's start (line 1, column 1): there is nothing else to
        /// point at.
        at: Position,
    },
    /// The bytes are not UTF-8.
    #[error("{}:{}: invalid UTF-8 at byte {}", .at.line, .at.column, .at.offset)]
    InvalidUtf8 {
        /// The first invalid byte; line and column count the valid prefix.
        at: Position,
    },
    /// Something required by the layout was not there.
    #[error("{}:{}: expected {expected}, found {found}", .at.line, .at.column)]
    Expected {
        /// Where it was expected.
        at: Position,
        /// What the layout requires there.
        expected: String,
        /// What is there instead, as the message says it: the line's
        /// first 40 characters quoted (`"hello there"`, with `…` after
        /// them when the line goes on), or `end of input`.
        found: String,
    },
}

impl ParseError {
    /// Where the error is.
    pub fn position(&self) -> Position {
        match self {
            ParseError::Empty { at }
            | ParseError::InvalidUtf8 { at }
            | ParseError::Expected { at, .. } => *at,
        }
    }

    /// 1-based line of the error.
    pub fn line(&self) -> usize {
        self.position().line
    }

    /// 1-based column of the error, in characters.
    pub fn column(&self) -> usize {
        self.position().column
    }

    /// Byte offset of the error.
    pub fn offset(&self) -> usize {
        self.position().offset
    }

    /// The variant's name as `oewg json` and the bindings spell it:
    /// `"empty"`, `"invalid_utf8"` or `"expected"`.
    ///
    /// ```
    /// assert_eq!(oewg_core::parse("").unwrap_err().kind(), "empty");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::Empty { .. } => "empty",
            ParseError::InvalidUtf8 { .. } => "invalid_utf8",
            ParseError::Expected { .. } => "expected",
        }
    }

    /// What the parser needed where it stopped, whatever the variant: the
    /// layout's requirement, `"a meeting record"` for empty input, or
    /// `"UTF-8 text"` for bytes that are not.
    ///
    /// ```
    /// let err = oewg_core::parse_bytes(b"Chair: caf\xe9\n").unwrap_err();
    /// assert_eq!((err.what_expected(), err.what_found()), ("UTF-8 text", "an invalid byte"));
    /// ```
    pub fn what_expected(&self) -> &str {
        match self {
            ParseError::Empty { .. } => "a meeting record",
            ParseError::InvalidUtf8 { .. } => "UTF-8 text",
            ParseError::Expected { expected, .. } => expected,
        }
    }

    /// What the parser found there instead, as the message says it: the
    /// line's first 40 characters quoted, with `…` when it goes on (the
    /// quotes are part of it), `end of input`, or `an invalid byte`.
    ///
    /// ```
    /// let err = oewg_core::parse("  \n").unwrap_err();
    /// assert_eq!((err.what_expected(), err.what_found()), ("a meeting record", "end of input"));
    /// let err = oewg_core::parse_as(oewg_core::Format::Verbatim, "hello there").unwrap_err();
    /// assert_eq!(err.what_found(), "\"hello there\"");
    /// ```
    pub fn what_found(&self) -> &str {
        match self {
            ParseError::Empty { .. } => "end of input",
            ParseError::InvalidUtf8 { .. } => "an invalid byte",
            ParseError::Expected { found, .. } => found,
        }
    }

    /// An `Expected` error at `offset` of `src`, quoting what is found there.
    pub(crate) fn expected(src: &str, offset: usize, expected: impl Into<String>) -> ParseError {
        let rest = src.get(offset..).unwrap_or("");
        let line = rest.lines().next().unwrap_or("").trim();
        let found = if line.is_empty() {
            "end of input".to_string()
        } else {
            let excerpt: String = line.chars().take(40).collect();
            if excerpt.len() < line.len() {
                format!("{excerpt:?}…")
            } else {
                format!("{excerpt:?}")
            }
        };
        ParseError::Expected {
            at: Position::of(src, offset),
            expected: expected.into(),
            found,
        }
    }
}

/// A name that is none of a kind's: the error of [`std::str::FromStr`] for
/// [`crate::Format`] and the other kinds of the model and the analyses
/// ([`crate::Role`], [`crate::analysis::Stance`], …), which read the names
/// JSON writes, in any case.
///
/// ```
/// use oewg_core::analysis::Stance;
/// assert_eq!(" Oppose ".parse::<Stance>(), Ok(Stance::Oppose));
/// let err = "against".parse::<Stance>().unwrap_err();
/// assert_eq!(err.given, "against");
/// assert!(err.to_string().starts_with("unknown Stance \"against\": expected one of `support`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown {kind} {given:?}: expected {expected}")]
pub struct UnknownName {
    /// What was asked for: `format` for a layout, else the type's name
    /// (`Stance`, `Role`, …).
    pub kind: &'static str,
    /// The name as given.
    pub given: String,
    /// The names it could have been, in words.
    pub expected: String,
}

impl UnknownName {
    /// `name` read as one of the serde names of `T`, whose kind is `kind`.
    pub(crate) fn read<T: serde::de::DeserializeOwned>(
        kind: &'static str,
        name: &str,
    ) -> Result<T, UnknownName> {
        let wanted = name.trim().to_ascii_lowercase();
        serde_json::from_value(serde_json::Value::String(wanted)).map_err(|e| {
            // serde says "unknown variant `x`, expected one of `a`, `b`".
            let message = e.to_string();
            UnknownName {
                kind,
                given: name.to_string(),
                expected: message
                    .split_once("expected ")
                    .map_or(message.as_str(), |(_, list)| list)
                    .to_string(),
            }
        })
    }
}

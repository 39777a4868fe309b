//! # oewg-core
//!
//! Turns the records of UN multilateral meetings — first of all the
//! Open-Ended Working Group on ICT security (OEWG) — into structured data:
//! a [`Session`] with its meta, the [`Statement`]s made in it, and, for an AI
//! session report, the typed [`Report`].
//!
//! ## Architecture
//!
//! text → layout parser → model, each in its own module:
//!
//! - [`text`]: lines with byte offsets and numbers, whitespace
//!   normalisation, word counts. Everything borrows from the source.
//! - [`formats`]: format detection and one parser per layout —
//!   [`formats::verbatim`] (A), [`formats::report`] (B), [`formats::turns`]
//!   (C), [`formats::pv`] (D), [`formats::asr`] (E), [`formats::markdown`]
//!   (F) — over a shared
//!   nom line grammar, [`formats::grammar`].
//! - [`model`]: the owned, serde-ready data: [`Session`], [`Statement`],
//!   [`Span`], [`Report`].
//! - [`analysis`]: what a session says beyond its text, one module per
//!   analysis: share of the floor, the floor audit, alignments, agenda
//!   segments, topics, the report check and statistics, gathered by
//!   [`analysis::analyze`] into [`Session::analysis`]. [`segment`] skips
//!   them.
//! - [`render`]: a deterministic session at a glance in Markdown, HTML
//!   (source text escaped) and JSON.
//! - [`corpus`]: many sessions in process and date order, parsed in
//!   parallel ([`Corpus`]); each delegation and proposal across them, and
//!   the delegation × proposal stance matrix.
//! - [`export`]: JSON Lines, CSV tables, TEI (Parla-CLARIN) and the JSON
//!   Schema of the [`Session`], one module each.
//! - [`speakers`]: from a label as written to a role, a canonical name and
//!   an ISO code.
//! - [`error`]: [`ParseError`], with line, column and what was expected.
//!   Offsets become line and column once, at this edge.
//!
//! Every statement keeps the byte span of its raw text; what the parser
//! could not place is listed in [`Session::skipped`] with a reason.
//!
//! ## Example
//!
//! ```
//! let record = "Session 1-2 Transcript\n(OEWG 2021-25)\n\nChair\n\nI give the floor to Chile.\n\nChile\n\nThank you, Chair.\n";
//! let session = oewg_core::parse(record).unwrap();
//! assert_eq!(session.meta.format, oewg_core::Format::Verbatim);
//! assert_eq!(session.statements[1].speaker.label, "Chile");
//! assert_eq!(session.statements[1].speaker.iso3.as_deref(), Some("CHL"));
//! let span = session.statements[1].span;
//! assert_eq!(&record[span.start..span.end], "Chile\n\nThank you, Chair.");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// `Display` for enums as the name used in JSON (their `as_str`), so
/// `println!("{stance}")` prints `support`.
macro_rules! display_as_str {
    ($($t:ty),* $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

/// `FromStr` for kinds whose names are their serde names, read in any
/// case; `Display` too for those with no `as_str`.
macro_rules! from_serde_name {
    ($($t:ident),* $(,)?) => {$(
        impl std::str::FromStr for $t {
            type Err = $crate::error::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::error::UnknownName::read(stringify!($t), s)
            }
        }
    )*};
}

/// `Display` as the serde name, for kinds with no `as_str`.
macro_rules! display_serde_name {
    ($($t:ty),* $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match serde_json::to_value(self) {
                    Ok(serde_json::Value::String(name)) => f.write_str(&name),
                    _ => write!(f, "{self:?}"),
                }
            }
        }
    )*};
}

pub mod analysis;
pub mod corpus;
pub mod error;
pub mod export;
pub mod formats;
pub mod model;
pub mod render;
pub mod speakers;
pub mod text;

pub use corpus::Corpus;
pub use error::{ParseError, Position, UnknownName};
pub use formats::detect;
pub use model::*;

/// Parses a record, choosing its layout with [`detect`].
///
/// ```
/// let s = oewg_core::parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
/// assert_eq!(s.meta.format, oewg_core::Format::Turns);
/// assert_eq!(s.statements.len(), 2);
/// ```
///
/// # Errors
/// [`ParseError::Empty`] for blank input; [`ParseError::Expected`] when the
/// text shows no layout at all.
pub fn parse(src: &str) -> Result<Session, ParseError> {
    match detect(src) {
        Some(format) => parse_as(format, src),
        None if text::is_blank(src.trim_start_matches('\u{feff}')) => Err(ParseError::Empty {
            at: Position::START,
        }),
        None => {
            let first = src.len()
                - src
                    .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                    .len();
            Err(ParseError::expected(
                src,
                first,
                "a meeting record: a speaker line, a \"Speaker: text\" turn or a report heading",
            ))
        }
    }
}

/// Parses a record in the given layout, and runs every analysis
/// ([`analysis::analyze`]) into [`Session::analysis`].
///
/// ```
/// use oewg_core::{parse_as, Format};
/// let err = parse_as(Format::Report, "Chair: hello\n").unwrap_err();
/// // No report heading before the end of input, which is line 2, column 1.
/// assert_eq!((err.line(), err.column()), (2, 1));
/// assert!(err.to_string().ends_with("found end of input"));
/// ```
///
/// # Errors
/// [`ParseError`] when the text lacks what the layout requires.
pub fn parse_as(format: Format, src: &str) -> Result<Session, ParseError> {
    parse_with(src, ParseOptions::new().format(format))
}

/// How [`parse_with`] reads a record: its layout (detected when not given)
/// and whether to run the analyses. The default is what [`parse`] does.
///
/// ```
/// use oewg_core::{Format, ParseOptions};
/// let o = ParseOptions::new().format(Format::Turns).analyses(false);
/// assert_eq!((o.format, o.analyses), (Some(Format::Turns), false));
/// assert_eq!(ParseOptions::default(), ParseOptions::new());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The layout; `None` detects it with [`detect`].
    pub format: Option<Format>,
    /// Run every analysis into [`Session::analysis`] (the default). Without
    /// them the parse costs a fraction, `analysis` stays empty, and
    /// [`analysis::analyze`] can fill it later.
    pub analyses: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ParseOptions {
    /// Detect the layout, run every analysis.
    pub const fn new() -> Self {
        Self {
            format: None,
            analyses: true,
        }
    }

    /// Parse as this layout instead of detecting it.
    #[must_use]
    pub const fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Run the analyses (`true`, the default) or not.
    #[must_use]
    pub const fn analyses(mut self, on: bool) -> Self {
        self.analyses = on;
        self
    }
}

/// Parses a record as `options` say: [`parse`] and [`parse_as`] with the
/// analyses made optional, for counting and indexing work that needs the
/// statements only.
///
/// ```
/// use oewg_core::{parse_with, ParseOptions};
/// let src = "Chair: Peru, to be followed by Egypt.\nPeru: We align with the EU.\n";
/// let bare = parse_with(src, ParseOptions::new().analyses(false)).unwrap();
/// assert_eq!(bare.statements.len(), 2);
/// assert!(bare.analysis.alignments.is_empty());
/// let full = parse_with(src, ParseOptions::new()).unwrap();
/// assert_eq!(full.analysis, oewg_core::analysis::analyze(&bare));
/// ```
///
/// # Errors
/// As [`parse`] (or [`parse_as`] when a format is given).
pub fn parse_with(src: &str, options: ParseOptions) -> Result<Session, ParseError> {
    let (format, strict_report) = match options.format {
        Some(format) => (format, None),
        None => match formats::detect_layout(src) {
            Some(d) => (d.format, Some(d.strict_report)),
            None => return parse(src),
        },
    };
    let mut session = match format {
        Format::Verbatim => formats::verbatim::parse(src),
        Format::Report => match strict_report {
            Some(strict) => formats::report::parse_known(src, formats::Depth::Full, strict),
            None => formats::report::parse(src),
        },
        Format::Turns => formats::turns::parse(src),
        Format::Asr => formats::asr::parse(src),
        Format::Markdown => formats::markdown::parse(src),
        Format::Pv => formats::pv::parse(src),
    }?;
    if options.analyses {
        session.analysis = analysis::analyze(&session);
    }
    Ok(session)
}

/// Finds the turns of a record and nothing else: their spans, labels and
/// word counts, the same as [`parse`] gives its statements, at a fraction
/// of the cost — no text is copied, no speaker resolved, no report section
/// read. For counting and indexing large collections.
///
/// ```
/// let src = "Chair: Good morning.\nCuba: Thank you, Chair.\n";
/// let turns = oewg_core::segment(src).unwrap();
/// assert_eq!(turns.len(), 2);
/// assert_eq!((turns[1].label.as_str(), turns[1].word_count), ("Cuba", 3));
/// let full = oewg_core::parse(src).unwrap();
/// assert_eq!(turns[1].span, full.statements[1].span);
/// ```
///
/// # Errors
/// As [`parse`].
pub fn segment(src: &str) -> Result<Vec<Turn>, ParseError> {
    use formats::{asr, markdown, pv, report, turns, verbatim, Depth};
    // Every layout but the official record's builds its turns with a
    // `TurnBuilder`, which leaves them aside; none are left from before.
    drop(formats::take_segmented());
    let detected = formats::detect_layout(src);
    let session = match detected.map(|d| d.format) {
        Some(Format::Verbatim) => verbatim::parse_to(src, Depth::Segment)?,
        Some(Format::Report) => {
            let strict = detected.is_some_and(|d| d.strict_report);
            report::parse_known(src, Depth::Segment, strict)?
        }
        Some(Format::Turns) => turns::parse_to(src, Depth::Segment)?,
        Some(Format::Asr) => asr::parse_to(src, Depth::Segment)?,
        Some(Format::Markdown) => markdown::parse_to(src, Depth::Segment)?,
        Some(Format::Pv) => pv::parse_to(src, Depth::Segment)?,
        // parse gives the error for blank or unrecognisable text.
        None => parse(src)?,
    };
    if session.meta.format != Format::Pv {
        debug_assert!(session.statements.is_empty());
        let mut turns = formats::take_segmented();
        // Made with room for the turns a record of its size usually has.
        turns.shrink_to_fit();
        return Ok(turns);
    }
    // A new list of the exact size: the statements' list has spare room,
    // which collecting in place would keep. Each label is taken where it
    // lies: a statement is large, and moving each one out to drop the rest
    // would cost more than its turn.
    let mut statements = session.statements;
    let mut turns = Vec::with_capacity(statements.len());
    turns.extend(statements.iter_mut().map(|s| Turn {
        label: std::mem::take(&mut s.speaker.label),
        span: s.span,
        label_span: s.label_span,
        word_count: s.word_count,
    }));
    Ok(turns)
}

/// Parses a record given as bytes, which must be UTF-8.
///
/// ```
/// let err = oewg_core::parse_bytes(b"Chair: caf\xe9\n").unwrap_err();
/// assert_eq!(err.offset(), 10);
/// assert_eq!(err.to_string(), "1:11: invalid UTF-8 at byte 10");
/// ```
///
/// # Errors
/// [`ParseError::InvalidUtf8`] with the offset of the first invalid byte,
/// or whatever [`parse`] reports.
pub fn parse_bytes(bytes: &[u8]) -> Result<Session, ParseError> {
    parse(text::from_utf8(bytes)?)
}

/// Parses a record whose UTF-8 bytes the caller gives up: they are freed
/// once the statements are built, before the analyses run, so a large
/// record's peak memory holds the input or the analyses' working data,
/// never both (the command line and the Python binding read files this
/// way). The result is that of [`parse_with`] on the same text.
///
/// ```
/// use oewg_core::{parse_owned, parse_with, ParseOptions};
/// let src = "Chair: Peru, to be followed by Egypt.\nPeru: We align with the EU.\n";
/// let owned = parse_owned(src.as_bytes().to_vec(), ParseOptions::new()).unwrap();
/// assert_eq!(owned, parse_with(src, ParseOptions::new()).unwrap());
/// let err = parse_owned(b"Chair: caf\xe9\n".to_vec(), ParseOptions::new()).unwrap_err();
/// assert_eq!(err.offset(), 10);
/// ```
///
/// # Errors
/// As [`parse_bytes`] (or [`parse_with`] when a format is given).
pub fn parse_owned(bytes: Vec<u8>, options: ParseOptions) -> Result<Session, ParseError> {
    let mut session = parse_with(text::from_utf8(&bytes)?, options.analyses(false))?;
    drop(bytes);
    if options.analyses {
        session.analysis = analysis::analyze(&session);
    }
    Ok(session)
}

/// [`analysis::analyze`] of each session into its [`Session::analysis`],
/// made one analysis at a time over all of them rather than every analysis
/// of one session before the next: many records go faster so (each
/// analysis's code, branch history and tables stay warm from record to
/// record; run alone over 200 seed copies the analyses took 0.123 s in all,
/// one record at a time 0.146 s, in batches of 16 records 0.128 s). The
/// batch's records should fit in the cache together (a few MB of text): the
/// text of a larger batch is read from memory once for each analysis.
///
/// ```
/// use oewg_core::{analysis::analyze, parse_with, ParseOptions};
/// let bare = ParseOptions::new().analyses(false);
/// let mut sessions = vec![
///     parse_with("Chair: Peru, to be followed by Egypt.\nPeru: We align with the EU.\n", bare).unwrap(),
///     parse_with("Chair: I give the floor to Chile.\nChile: Thank you.\n", bare).unwrap(),
/// ];
/// oewg_core::analyze_batch(&mut sessions);
/// for s in &sessions {
///     assert_eq!(s.analysis, analyze(s));
/// }
/// ```
pub fn analyze_batch(sessions: &mut [Session]) {
    use analysis as a;
    fn each<T>(sessions: &[Session], f: impl Fn(&Session) -> T) -> Vec<T> {
        sessions.iter().map(f).collect()
    }
    // In `analyze`'s order; one walk over each record's words for the
    // topics, the proposals' triggers and the alignments' verbs, the floor
    // audit, whose chunks the proposals and the alignments credit, then
    // the proposals and the alignments, which the report check reads too.
    let (topics, hits): (Vec<_>, Vec<_>) = sessions.iter().map(a::topics::topics_and_hits).unzip();
    let floor_audit = each(sessions, a::floor_audit);
    let chunks: Vec<_> = sessions
        .iter()
        .zip(&floor_audit)
        .map(|(s, f)| f.chunks(s))
        .collect();
    let proposals: Vec<_> = sessions
        .iter()
        .zip(&hits)
        .zip(&chunks)
        .map(|((s, h), c)| {
            let mut p = a::proposals::proposals_with(s, &h.triggers, c);
            a::proposals::credit_chunks(&mut p, c);
            p
        })
        .collect();
    let alignments: Vec<_> = sessions
        .iter()
        .zip(&hits)
        .zip(&chunks)
        .map(|((s, h), c)| {
            let mut found = a::alignments::find_with(s, c, &h.verbs);
            a::alignments::credit_chunks(s, &mut found, c);
            found
        })
        .collect();
    drop(hits);
    let segments = each(sessions, a::segments);
    let report_check: Vec<_> = sessions
        .iter()
        .zip(&proposals)
        .zip(&alignments)
        .map(|((s, p), al)| a::report_check::report_check_with(s, p, al))
        .collect();
    let statistics = each(sessions, a::statistics);
    let results = proposals
        .into_iter()
        .zip(floor_audit)
        .zip(alignments)
        .zip(segments)
        .zip(topics)
        .zip(report_check)
        .zip(statistics);
    for (
        s,
        ((((((proposals, floor_audit), alignments), segments), topics), report_check), statistics),
    ) in sessions.iter_mut().zip(results)
    {
        // Every field named: a new analysis added to `Analysis` stops the
        // build here until it is run here too.
        s.analysis = a::Analysis {
            floor_audit,
            alignments,
            segments,
            topics,
            report_check,
            statistics,
            proposals,
        };
    }
}

/// The README's examples, run as doctests so they never rot.
// `oewg-core/README.md` links to the workspace's: a packaged crate
// carries it there, so its doctests build too.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

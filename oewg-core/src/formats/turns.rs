//! Layout C: `Speaker: text` turns, one or more paragraphs each, and live
//! captions where `>>` opens a turn (`>> SPEAKER: text`, or `>> text` when
//! the captioner did not name the speaker). Lines that open no turn continue
//! the open one.

use super::{grammar, skip, skip_bom, sub_span, Depth, TurnBuilder};
use crate::error::ParseError;
use crate::model::{Format, Header, HeaderKind, Meta, Session, SkipReason};
use crate::text::{self, Line};

/// How turns open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A line `Speaker: text`.
    Colon,
    /// A line starting with `>>`.
    Caption,
}

/// Parses a record of `Speaker: text` turns or `>>` captions.
///
/// ```
/// use oewg_core::formats::turns;
/// let s = turns::parse(">> CHAIR: Good morning.\nWelcome all.\n>> Thank you.\n").unwrap();
/// assert_eq!(s.statements.len(), 2);
/// assert_eq!(s.statements[0].text, "Good morning. Welcome all.");
/// assert_eq!(s.statements[1].speaker.label, "");
/// ```
pub fn parse(src: &str) -> Result<Session, ParseError> {
    parse_to(src, Depth::Full)
}

pub(crate) fn parse_to(src: &str, depth: Depth) -> Result<Session, ParseError> {
    let mode = if text::lines(src)
        .take(400)
        .any(|l| l.trimmed().starts_with(">>"))
    {
        Mode::Caption
    } else {
        Mode::Colon
    };
    let mut meta = Meta::new(Format::Turns);
    let mut headers = Vec::new();
    let mut skipped = Vec::new();
    skip_bom(src, &mut skipped);
    let mut turns = TurnBuilder::new(src, depth);
    for line in text::lines(src) {
        if !feed(&mut turns, &line, mode) {
            match header(&line, &mut meta) {
                Some(h) => headers.push(h),
                None => skip(
                    src,
                    &mut skipped,
                    line.content_span(),
                    SkipReason::BeforeFirstSpeaker,
                ),
            }
        }
    }
    let statements = turns.finish();
    if statements.is_empty() {
        let at = skipped
            .iter()
            .find(|s| s.reason != SkipReason::ByteOrderMark)
            .map(|s| s.span.start);
        return Err(match at {
            Some(at) => ParseError::expected(
                src,
                at,
                "a turn (\"Speaker: text\" or \">> SPEAKER: text\")",
            ),
            None if headers.is_empty() => ParseError::Empty {
                at: crate::Position::START,
            },
            None => ParseError::expected(
                src,
                src.len(),
                "a turn (\"Speaker: text\" or \">> SPEAKER: text\")",
            ),
        });
    }
    Ok(Session {
        meta,
        statements,
        headers,
        report: None,
        skipped,
        analysis: Default::default(),
    })
}

/// Feeds one line to the turn builder. Returns false for a non-blank line
/// that opens no turn while none is open: the caller decides what it is.
pub(crate) fn feed(turns: &mut TurnBuilder<'_>, line: &Line<'_>, mode: Mode) -> bool {
    if line.is_blank() {
        turns.break_paragraph();
        return true;
    }
    let t = line.trimmed();
    let opened = match mode {
        Mode::Caption => grammar::caption_turn(t).ok().map(|(rest, label)| {
            let label_span = label.map_or_else(|| sub_span(line, &t[..2]), |l| sub_span(line, l));
            (rest, label_span, label.unwrap_or(""))
        }),
        Mode::Colon => grammar::colon_turn(t)
            .ok()
            .map(|(rest, label)| (rest, sub_span(line, label), label)),
    };
    match opened {
        Some((rest, label_span, label)) => {
            turns.start(label, label_span);
            // The turn's opening — `>> SPEAKER:` or `Speaker:` — is part of it.
            let opening = t[..t.len() - rest.len()].trim_end();
            turns.extend_label(sub_span(line, opening));
            if !rest.is_empty() {
                turns.push(sub_span(line, rest));
            }
            true
        }
        None => turns.push(sub_span(line, t)),
    }
}

/// A header line before the first turn.
fn header(line: &Line<'_>, meta: &mut Meta) -> Option<Header> {
    let t = line.trimmed();
    let kind = if let Ok((_, parts)) = grammar::title_parts(t) {
        super::verbatim::title(t, parts, meta);
        HeaderKind::Title
    } else if let Ok((_, process)) = grammar::process_line(t) {
        meta.process = Some(text::normalize(process));
        HeaderKind::Process
    } else if let Ok((_, (date, slot))) = grammar::date_time_line(t) {
        meta.date = Some(date);
        if let Some((a, b)) = slot {
            meta.time_start = Some(a);
            meta.time_end = Some(b);
        }
        HeaderKind::DateTime
    } else {
        return None;
    };
    Some(Header {
        kind,
        text: text::normalize(t),
        span: line.content_span(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    #[test]
    fn colon_turns_with_continuation_paragraphs() {
        let src = "Session 4-2 Transcript\n\nChair: Good morning.\nUtopia: Thank you.\n\nA second paragraph: with a colon.\nChair: Thanks.\n";
        let s = parse(src).unwrap();
        assert_eq!((s.meta.session, s.meta.meeting), (Some(4), Some(2)));
        assert_eq!(s.statements.len(), 3);
        assert_eq!(
            s.statements[1].text,
            "Thank you.\n\nA second paragraph: with a colon."
        );
        assert_eq!(s.statements[1].label_span.slice(src), "Utopia");
        assert_eq!(s.statements[2].speaker.role, Role::Chair);
        assert!(s.skipped.is_empty());
    }

    #[test]
    fn captions_name_or_not() {
        let src = "\u{feff}>> MODERATOR: Welcome\nto the session.\n>> Thank you very much.\n>>MS. SMITH: Good.\n";
        let s = parse(src).unwrap();
        assert_eq!(s.skipped[0].reason, SkipReason::ByteOrderMark);
        assert_eq!(s.statements.len(), 3);
        assert_eq!(s.statements[0].text, "Welcome to the session.");
        assert_eq!(s.statements[0].speaker.role, Role::Chair);
        assert_eq!(s.statements[1].label_span.slice(src), ">>");
        assert_eq!(s.statements[2].speaker.label, "MS. SMITH");
    }

    #[test]
    fn crlf_and_text_before_first_turn() {
        let src = "Notes taken by hand\r\nChair: One.\r\nPeru: Two.\r\n";
        let s = parse(src).unwrap();
        assert_eq!(s.skipped.len(), 1);
        assert_eq!(s.skipped[0].span.slice(src), "Notes taken by hand");
        assert_eq!(s.statements[1].span.slice(src), "Peru: Two.");
    }

    #[test]
    fn no_turn_is_an_error() {
        let err = parse("Nothing here.\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (1, 1));
        assert!(matches!(parse(""), Err(ParseError::Empty { .. })));
    }
}

//! Layout E, the UN's own speech-recognition transcripts: a header block
//! (title, body, `Date:`, `Language:`, `Transcript:` and a disclaimer),
//! a `---` rule, then turns of a `Speaker · Group [m:ss]:` line followed by
//! paragraphs.
//!
//! The header is read line by line until the first speaker line; after it
//! every line that is not a speaker line belongs to the open turn, so no
//! text of a statement can be lost to a header rule.

use super::{grammar, skip, skip_bom, Depth, TurnBuilder};
use crate::error::ParseError;
use crate::model::{Format, Header, HeaderKind, Meta, Role, Session, SkipReason, Speaker};
use crate::speakers;
use crate::text::{self, Line};

/// Longest line taken for the body's name after the title.
const MAX_BODY_CHARS: usize = 100;

/// What the parser expects when it finds no turn.
const EXPECTED: &str = "a speaker line (\"Speaker · Group [m:ss]:\")";

/// Parses a speech-recognition transcript.
///
/// The session as read, without the analyses (its `analysis` is empty):
/// [`crate::parse`] and [`crate::parse_as`] run them.
///
/// ```
/// use oewg_core::{formats::asr, Role};
/// let src = "3rd Meeting - 9th Session of the Council\nThe Council\nDate: 2 May 2026\n\n---\n\n\
///     Council · President [0:05]:\n\nI open the meeting.\n\n\nChile [1:15]:\n\nThank you.\n";
/// let s = asr::parse(src).unwrap();
/// assert_eq!((s.meta.session, s.meta.meeting), (Some(9), Some(3)));
/// assert_eq!(s.meta.date.as_deref(), Some("2026-05-02"));
/// assert_eq!(s.statements[0].speaker.role, Role::Chair);
/// assert_eq!(s.statements[1].time_offset_s, Some(75));
/// assert_eq!(s.statements[1].span.slice(src), "Chile [1:15]:\n\nThank you.");
/// ```
///
/// # Errors
/// [`ParseError::Expected`] when the text has neither a speaker line nor
/// a header block; [`ParseError::Empty`] for blank input.
pub fn parse(src: &str) -> Result<Session, ParseError> {
    parse_to(src, Depth::Full)
}

pub(crate) fn parse_to(src: &str, depth: Depth) -> Result<Session, ParseError> {
    let mut meta = Meta::new(Format::Asr);
    let mut headers: Vec<Header> = Vec::new();
    let mut skipped = Vec::new();
    skip_bom(src, &mut skipped);
    let mut turns = TurnBuilder::new(src, depth).with_resolver(resolve);
    // The line number of the last disclaimer line: a disclaimer wraps.
    let mut disclaimer_line = None;
    let mut heads = super::RunningHeads::default();
    for line in text::lines(src) {
        if heads.skip_repeat(src, &line, &mut turns, &mut skipped) {
            continue;
        }
        if line.is_blank() {
            turns.break_paragraph();
            disclaimer_line = None;
            continue;
        }
        let t = line.trimmed();
        if let Ok((_, (label, seconds))) = grammar::asr_speaker_line(t) {
            turns.start(label, super::sub_span(&line, label));
            turns.extend_label(line.content_span());
            turns.set_time_offset(Some(seconds));
            continue;
        }
        if turns.push(line.content_span()) {
            continue;
        }
        if disclaimer_line.is_some_and(|n| n + 1 == line.number) {
            if let Some(h) = headers.last_mut() {
                h.span = h.span.to(line.content_span());
                h.text = text::normalize(h.span.slice(src));
                disclaimer_line = Some(line.number);
                heads.add(t, true);
                continue;
            }
        }
        match header(&line, &mut meta) {
            Some(h) => {
                disclaimer_line = (h.kind == HeaderKind::Disclaimer).then_some(line.number);
                // The body's line is read loosely (a short line after the
                // title), and a rule may be a speaker's too; the title,
                // fields and disclaimer are sure.
                heads.add(t, !matches!(h.kind, HeaderKind::Event | HeaderKind::Rule));
                headers.push(h);
            }
            None => skip(
                src,
                &mut skipped,
                line.content_span(),
                SkipReason::BeforeFirstSpeaker,
            ),
        }
    }
    let turned = turns.turned();
    let statements = turns.finish();
    // A record cut before its first turn still gives its meta, when it has
    // more of this layout's header than a title line.
    let has_header_block = headers.iter().any(|h| h.kind != HeaderKind::Title);
    super::finish_transcript(
        src,
        meta,
        (statements, turned),
        headers,
        skipped,
        has_header_block,
        EXPECTED,
    )
}

/// True when a line opens the header block of this layout: a `Date:`,
/// `Language:` or `Transcript:` field. Detection uses it for records cut
/// before their first turn.
pub(crate) fn is_header_field(line: &str) -> bool {
    field(line).is_some_and(|(k, _)| matches!(k, Field::Date | Field::Language | Field::Source))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Date,
    Language,
    Source,
    Body,
}

/// `Date: 12 March 2026`, `Language: English`, `Transcript: https://…`.
fn field(line: &str) -> Option<(Field, &str)> {
    // Every line of the detection window is asked: the colon found by a
    // vector search, the key compared without lowercasing a copy.
    let colon = memchr::memchr(b':', line.as_bytes())?;
    let (key, value) = (line[..colon].trim(), &line[colon + 1..]);
    const KEYS: &[(&str, Field)] = &[
        ("date", Field::Date),
        ("language", Field::Language),
        ("transcript", Field::Source),
        ("source", Field::Source),
        ("url", Field::Source),
        ("link", Field::Source),
        ("body", Field::Body),
        ("organ", Field::Body),
    ];
    let kind = KEYS
        .iter()
        .find(|(k, _)| key.eq_ignore_ascii_case(k))
        .map(|&(_, f)| f)?;
    let value = value.trim();
    (!value.is_empty()).then_some((kind, value))
}

/// A line of the header block, with what it says recorded in `meta`.
fn header(line: &Line<'_>, meta: &mut Meta) -> Option<Header> {
    let t = line.trimmed();
    let kind = if grammar::horizontal_rule(t).is_ok() {
        HeaderKind::Rule
    } else if let Some((f, value)) = field(t) {
        match f {
            Field::Date => {
                let date = grammar::loose_date(value)
                    .map(|(_, (d, time))| (d, time))
                    .or_else(|_| {
                        grammar::date_time_line(value).map(|(_, (d, slot))| (d, slot.map(|s| s.0)))
                    });
                match date {
                    Ok((d, time)) => {
                        meta.date = Some(d);
                        meta.time_start = meta.time_start.take().or(time);
                        HeaderKind::DateTime
                    }
                    Err(_) => HeaderKind::Field,
                }
            }
            Field::Language => {
                meta.language = Some(text::normalize(value));
                HeaderKind::Field
            }
            Field::Source => {
                meta.source_url = Some(value.to_string());
                HeaderKind::Field
            }
            Field::Body => {
                meta.body = Some(text::normalize(value));
                HeaderKind::Event
            }
        }
    } else if is_disclaimer(t) {
        HeaderKind::Disclaimer
    } else if meta.title.is_none() {
        let title = text::normalize(t);
        let (session, meeting) = grammar::session_and_meeting(&title);
        meta.session = session;
        meta.meeting = meeting;
        meta.title = Some(title);
        HeaderKind::Title
    } else if meta.body.is_none() && t.chars().count() <= MAX_BODY_CHARS && !t.ends_with('.') {
        meta.body = Some(text::normalize(t));
        HeaderKind::Event
    } else {
        return None;
    };
    Some(Header {
        kind,
        text: text::normalize(t),
        span: line.content_span(),
    })
}

/// The notice that the transcript is machine-made and not an official
/// record.
fn is_disclaimer(line: &str) -> bool {
    const MARKS: &[&str] = &[
        "automatic speech recognition",
        "not official records",
        "not an official record",
        "transcripts available through",
    ];
    // Only the opening of a long line is searched: the notice says so early.
    let head = match line.char_indices().nth(400) {
        Some((i, _)) => &line[..i],
        None => line,
    };
    let lower = head.to_ascii_lowercase();
    MARKS.iter().any(|m| lower.contains(m))
}

/// Resolves `Speaker · Group`: `HRC · President` is the Chair, `Peru ·
/// Group of Latin American and Caribbean States` is Peru speaking for its
/// group, anything else as [`speakers::resolve`] reads it.
///
/// ```
/// use oewg_core::{formats::asr::resolve, Role};
/// let s = resolve("GA · Vice-President");
/// assert_eq!((s.label.as_str(), s.role), ("GA · Vice-President", Role::Chair));
/// assert_eq!(s.function.as_deref(), Some("Vice-President"));
/// let s = resolve("Peru · Group of Latin American and Caribbean States");
/// assert_eq!((s.role, s.iso3.as_deref()), (Role::Delegation, Some("PER")));
/// assert_eq!(s.on_behalf_of.as_deref(), Some("Latin American and Caribbean Group"));
/// ```
pub fn resolve(label: &str) -> Speaker {
    let label = label.trim();
    let Some((who, group)) = label.split_once(" \u{b7} ") else {
        return super::resolve_co_chair(label);
    };
    let mut speaker = if super::resolve_co_chair(group).role == Role::Chair {
        // `HRC · President`: the body, and the function that chairs it.
        let mut s = speakers::resolve("Chair");
        s.function = Some(text::normalize(group));
        s
    } else {
        let mut s = speakers::resolve(who);
        let g = speakers::resolve(group);
        s.on_behalf_of = Some(match (g.role, g.name) {
            (Role::Group, Some(name)) => name.into_owned(),
            _ => text::normalize(group),
        });
        s
    };
    speaker.label = label.to_string();
    speaker
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_and_wrapped_disclaimer() {
        let src = "Title line\nSome Body\nDate: 5 June 2026\nLanguage: French\nTranscript: https://x.example/1\nTranscripts available through this tool are made by\nautomatic speech recognition.\n\n---\n\nChair [0:00]:\n\nHello.\n";
        let s = parse(src).unwrap();
        assert_eq!(s.meta.body.as_deref(), Some("Some Body"));
        assert_eq!(s.meta.language.as_deref(), Some("French"));
        assert_eq!(s.meta.source_url.as_deref(), Some("https://x.example/1"));
        let kinds: Vec<HeaderKind> = s.headers.iter().map(|h| h.kind).collect();
        use HeaderKind::*;
        assert_eq!(
            kinds,
            [Title, Event, DateTime, Field, Field, Disclaimer, Rule]
        );
        assert_eq!(s.headers[5].span.line_end, 7);
        assert!(s.skipped.is_empty());
        assert_eq!(s.statements[0].time_offset_s, Some(0));
    }

    #[test]
    fn the_header_again_between_turns_is_page_furniture() {
        use crate::formats::texts_and_skipped;
        let head = "3rd Meeting - 9th Session of the Council\nThe Council\nDate: 2 May 2026";
        let src = format!(
            "{head}\n\n---\n\nCouncil · President [0:05]:\n\nI open the meeting.\n\n\
             {head}\n\nWe go on.\n\nChile [1:15]:\n\nThe Council\n"
        );
        let (texts, skipped) = texts_and_skipped(&src);
        // The body's line alone, read loosely before the turns, is Chile's.
        assert_eq!(texts, ["I open the meeting.\n\nWe go on.", "The Council"]);
        assert_eq!(skipped, [(head, SkipReason::PageFurniture)]);
    }

    #[test]
    fn hour_stamps_and_multibyte_labels() {
        let src = "Côte d\u{2019}Ivoire · African Group [1:02:03]:\n\nMerci.\n";
        let s = parse(src).unwrap();
        assert_eq!(s.statements[0].time_offset_s, Some(3723));
        assert_eq!(s.statements[0].speaker.iso3.as_deref(), Some("CIV"));
        assert_eq!(
            s.statements[0].speaker.on_behalf_of.as_deref(),
            Some("African Group")
        );
    }

    #[test]
    fn no_turn_and_no_header_is_an_error() {
        let err = parse("just a line of prose.\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (1, 1));
        assert!(err.to_string().contains("Speaker · Group"));
        assert!(matches!(parse("\n \n"), Err(ParseError::Empty { .. })));
    }

    #[test]
    fn a_header_block_and_no_turn_is_a_session_unless_text_is_left_unread() {
        let header = "Title line\nSome Body\nDate: 5 June 2026\n";
        let s = parse(header).unwrap();
        assert!(s.statements.is_empty() && s.skipped.is_empty());
        // Another layout forced through this reader: its turns are text no
        // speaker line introduces, an error where that text starts.
        let err = parse(&format!("{header}\nChair\n\nGood morning.\n")).unwrap_err();
        assert_eq!((err.line(), err.column()), (5, 1));
        assert!(err.to_string().contains("Speaker · Group"), "{err}");
    }
}

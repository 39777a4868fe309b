//! Layout B, the AI session report (DiploAI / dig.watch): a title, a date and
//! time line, then sections in a fixed order — Session at a glance, Speakers,
//! Additional speakers, Full session report, Session transcript, one
//! analysis block per speaker, Agreements, Differences, Partial agreements,
//! Takeaways, Thought provoking comments, Follow-up questions, Disclaimer.
//!
//! The record is read as blocks (runs of non-blank lines). Section headings
//! are found in their documented order; each section has its own small
//! parser over its blocks. The transcript's `Speaker: text` turns become the
//! session's statements through the layout C machinery.

use super::turns::{self, Mode};
use super::{blocks, grammar, skip, skip_bom, Block, Depth, TurnBuilder};
use crate::error::ParseError;
use crate::model::*;
use crate::text;

/// Parses a session report.
///
/// The session as read, without the analyses (its `analysis` is empty):
/// [`crate::parse`] and [`crate::parse_as`] run them.
///
/// ```
/// use oewg_core::formats::report;
/// let src = "Agenda item 1: opening/OEWG 2025\n\n3 Mar 2025 10:00h - 13:00h\n\n\
///     Session transcript\n\nChair: Good morning.\n\nUtopia: Thank you, Chair.\n";
/// let s = report::parse(src).unwrap();
/// assert_eq!(s.meta.date.as_deref(), Some("2025-03-03"));
/// assert_eq!(s.meta.process.as_deref(), Some("OEWG 2025"));
/// assert_eq!(s.statements.len(), 2);
/// ```
///
/// # Errors
/// [`ParseError::Expected`] when no section heading is found, or
/// [`ParseError::Empty`] for blank input.
pub fn parse(src: &str) -> Result<Session, ParseError> {
    parse_to(src, Depth::Full)
}

pub(crate) fn parse_to(src: &str, depth: Depth) -> Result<Session, ParseError> {
    parse_known(src, depth, looks_like_report(src))
}

/// [`parse_to`] when whether `src` [`looks_like_report`] is known (`strict`):
/// detection has asked, and the question searches most of the record.
pub(crate) fn parse_known(src: &str, depth: Depth, strict: bool) -> Result<Session, ParseError> {
    // The current edition, whole, keeps its documented order and its
    // blocks; anything else — an earlier edition, a cut record — is read
    // in whatever order its sections come, each heading on a line.
    if strict {
        return match transcript_once(src, depth) {
            Once::Done(session) => *session,
            Once::NoHeading(blocks) => assemble(src, blocks, true, depth, None),
            Once::Whole => parse_whole(src, depth, strict),
        };
    }
    parse_whole(src, depth, strict)
}

/// The whole file's blocks, then its sections, then the transcript's lines:
/// the transcript is read twice. [`transcript_once`] gives the same result
/// reading it once; this is what it falls back to, and what the tests
/// compare it with. `strict`: whether `src` [`looks_like_report`].
fn parse_whole(src: &str, depth: Depth, strict: bool) -> Result<Session, ParseError> {
    let blocks: Vec<Block<'_>> = if strict {
        blocks(src).collect()
    } else {
        split_at_headings(src, blocks(src))
    };
    assemble(src, blocks, strict, depth, None)
}

/// A transcript's turns and skipped lines, read before its sections are.
struct Fed {
    statements: Vec<Statement>,
    skipped: Vec<Skipped>,
}

/// What [`transcript_once`] made of a record.
enum Once<'s> {
    // Boxed: a session is large, and this is made once per record.
    Done(Box<Result<Session, ParseError>>),
    /// No `Session transcript` heading block: the whole file's blocks.
    NoHeading(Vec<Block<'s>>),
    /// The transcript did not end where the line feed stopped.
    Whole,
}

/// The strict layout with the transcript's lines fed to the turn builder
/// as they are read, so its bytes are scanned once and it adds no blocks
/// to the list: blocks up to the first `Session transcript` heading, then
/// the transcript line by line until a block that any test of
/// [`find_sections`] could match (a heading of [`ORDER`], a one-letter
/// line, a `Disclaimer:` paragraph), then blocks again. The blocks left
/// out match no test, so the sections found without them are the ones
/// found with them; when those sections do not end the transcript exactly
/// where the line feed stopped, the whole file is read the old way.
fn transcript_once(src: &str, depth: Depth) -> Once<'_> {
    // Room for the blocks a report of this size usually has, so the list
    // is not copied at each doubling (the seed has one block per 180
    // bytes, the transcript's left out), but no more than a long report's
    // analyses have: a big record's transcript is most of it.
    let mut list: Vec<Block<'_>> =
        Vec::with_capacity((src.len() / BYTES_PER_BLOCK + 1).min(MAX_RESERVED_BLOCKS));
    let mut it = blocks(src);
    let heading = loop {
        match it.next() {
            Some(b) => {
                let found = is_key(&b, "session transcript");
                list.push(b);
                if found {
                    break b;
                }
            }
            None => return Once::NoHeading(list),
        }
    };
    let t = list.len() - 1;
    let mut builder = TurnBuilder::new(src, depth);
    let mut skipped = Vec::new();
    // A second transcript heading (a second report pasted on) is page
    // furniture, as in the whole file's read.
    let mut feed = |line: &text::Line<'_>, heading: bool| {
        if heading {
            builder.break_paragraph();
            skip(
                src,
                &mut skipped,
                line.content_span(),
                SkipReason::PageFurniture,
            );
        } else if !turns::feed(&mut builder, line, Mode::Colon) {
            skip(
                src,
                &mut skipped,
                line.content_span(),
                SkipReason::UnrecognizedReportBlock,
            );
        }
    };
    // A short first line of a block is held until the block is known to
    // be more than that line: alone, it may end the transcript.
    let mut held: Option<text::Line<'_>> = None;
    let mut in_block = false;
    let mut stop: Option<text::Line<'_>> = None;
    for line in text::lines_between(src, heading.span.end, src.len(), heading.span.line_end) {
        if line.is_blank() {
            if let Some(h) = held.take() {
                if may_end_transcript(h.trimmed()) {
                    stop = Some(h);
                    break;
                }
                feed(&h, is_transcript_heading(h.trimmed()));
            }
            in_block = false;
            feed(&line, false);
            continue;
        }
        if !in_block {
            in_block = true;
            let t = line.trimmed();
            if starts_with_ci(t, "Disclaimer:") {
                stop = Some(line);
                break;
            }
            if t.len() <= 40 {
                held = Some(line);
                continue;
            }
        } else if let Some(h) = held.take() {
            feed(&h, false);
        }
        feed(&line, false);
    }
    if let Some(h) = held.take() {
        if may_end_transcript(h.trimmed()) {
            stop = Some(h);
        } else {
            feed(&h, is_transcript_heading(h.trimmed()));
        }
    }
    if let Some(s) = stop {
        // The old feed ran up to the stopping block's first byte: the
        // blanks before it on its line too.
        let content = s.content_span().start;
        if content > s.start {
            feed(
                &text::Line {
                    text: &src[s.start..content],
                    start: s.start,
                    number: s.number,
                },
                false,
            );
        }
        let mut rest = super::Blocks {
            src,
            lines: text::lines_between(src, s.start, src.len(), s.number),
        };
        // Enough to tell whether the stopping block starts the analyses.
        list.extend(rest.by_ref().take(3));
        if !(depth == Depth::Segment && segment_needs_no_more(&list, t)) {
            list.extend(rest);
        }
    }
    let layout = find_sections(&list);
    if layout.transcript != Some(t) || layout.transcript_end(t, list.len()) != t + 1 {
        return Once::Whole;
    }
    let fed = Fed {
        statements: builder.finish(),
        skipped,
    };
    Once::Done(Box::new(assemble(
        src,
        list,
        true,
        depth,
        Some((layout, fed)),
    )))
}

/// Fewer bytes than a report's blocks usually take, for a guess at their
/// number from its size.
const BYTES_PER_BLOCK: usize = 128;

/// The most blocks reserved ahead: 4,096 blocks are 288 KB, where a 50 MB
/// record's guess was 28 MB, a transient half of its size (SPEC: peak
/// memory at most 3x the input).
const MAX_RESERVED_BLOCKS: usize = 4096;

/// Whether segmentation, which reads no section, has all it needs from
/// `list`: the blocks up to the transcript heading at `t`, then the block
/// that stopped the transcript and the two after it. It has when the
/// sections before the transcript are all found before it (else the
/// search for a missing one runs to the end of the file, and may find it
/// after the transcript) and the stopping block ends the transcript
/// whatever follows: the first speaker analysis, or `Agreements`, the
/// first heading of [`ORDER_AFTER_TRANSCRIPT`] (a later one may be
/// preceded in the search by an earlier one further on).
fn segment_needs_no_more(list: &[Block<'_>], t: usize) -> bool {
    let Some(stop) = list.get(t + 1) else {
        return false;
    };
    if !(is_analysis_start(list, t + 1) || is_key(stop, "agreements")) {
        return false;
    }
    let before = find_sections(&list[..=t]);
    before.transcript == Some(t)
        && [
            SectionKind::AtAGlance,
            SectionKind::AdditionalSpeakers,
            SectionKind::FullReport,
        ]
        .iter()
        .all(|k| before.sections.iter().any(|s| s.0 == *k))
}

/// Whether a block of one trimmed line `t` could be found by
/// [`find_sections`]: a heading of [`ORDER`] or an index letter. A second
/// transcript heading is none: [`find_sections`] takes the first.
fn may_end_transcript(t: &str) -> bool {
    let one_letter = {
        let mut c = t.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    };
    let k = text::trim(t.trim_end_matches(':'));
    one_letter
        || ORDER
            .iter()
            .any(|(h, kind)| kind.is_some() && k.eq_ignore_ascii_case(h))
}

/// Whether a block of one trimmed line `t` is a `Session transcript`
/// heading: inside the transcript, a second report's, pasted on.
fn is_transcript_heading(t: &str) -> bool {
    text::trim(t.trim_end_matches(':')).eq_ignore_ascii_case("session transcript")
}

/// Everything after the blocks are read: the sections found (unless given),
/// each parsed, and the transcript's turns (fed from its lines unless
/// given).
fn assemble<'s>(
    src: &'s str,
    blocks: Vec<Block<'s>>,
    strict: bool,
    depth: Depth,
    given: Option<(Layout, Fed)>,
) -> Result<Session, ParseError> {
    if blocks.is_empty() {
        return Err(ParseError::Empty {
            at: crate::Position::START,
        });
    }
    let mut p = ReportParser {
        src,
        blocks: &blocks,
        // Only the full parse reads sections.
        fields: match depth {
            Depth::Full => blocks.iter().map(field_key).collect(),
            Depth::Segment => Vec::new(),
        },
        meta: Meta::new(Format::Report),
        headers: Vec::new(),
        skipped: Vec::new(),
        report: Report::default(),
        statements: Vec::new(),
    };
    skip_bom(src, &mut p.skipped);
    let (layout, mut fed) = match given {
        Some((layout, fed)) => (layout, Some(fed)),
        None if strict => (find_sections(&blocks), None),
        None => (find_sections_any_order(&blocks), None),
    };
    // A report cut right after its title and date line is still a report.
    let only_front = blocks.len() <= 2
        && blocks
            .last()
            .and_then(|b| b.single_line())
            .is_some_and(|l| grammar::date_time_line(l).is_ok());
    // Cut before its date line, its title alone.
    let only_title = blocks.len() == 1 && blocks[0].single_line().is_some_and(is_report_title);
    let only_front = only_front || only_title;
    if layout.sections.is_empty() && layout.transcript.is_none() && !only_front {
        let at = blocks
            .get(layout.front_end)
            .map_or(src.len(), |b| b.span.start);
        return Err(ParseError::expected(
            src,
            at,
            "a report section heading (\"Session at a glance\" or \"Session transcript\")",
        ));
    }
    p.front_matter(0..layout.front_end);
    for (i, &(kind, start)) in layout.sections.iter().enumerate() {
        let end = layout.sections.get(i + 1).map_or(blocks.len(), |s| s.1);
        let end = match layout.transcript {
            Some(t) if t > start && t < end => t,
            _ => end,
        };
        if depth == Depth::Full {
            p.section(kind, start, end);
        }
    }
    if let Some(t) = layout.transcript {
        let end = layout.transcript_end(t, blocks.len());
        p.transcript(t, end, depth, fed.take());
    }
    p.report.sections.sort_by_key(|s| s.span.start);
    p.skipped.sort_by_key(|s| s.span.start);
    let summary = p.report.at_a_glance.summary.join(" ");
    if let Some((session, meeting)) = grammar::find_meeting_of_session(&summary) {
        p.meta.session = Some(session);
        p.meta.meeting = Some(meeting);
    }
    Ok(Session {
        meta: p.meta,
        statements: p.statements,
        headers: p.headers,
        report: Some(p.report),
        skipped: p.skipped,
        analysis: Default::default(),
        votes: Vec::new(),
    })
}

/// Headings of the report's other editions that this crate does not type:
/// their sections are kept with their titles.
const OTHER_HEADINGS: &[&str] = &["event report", "table of contents"];

/// Lines, and bytes, of a record's opening searched for an edition's
/// furniture.
const OPENING_LINES: usize = 12;
const OPENING_BYTES: usize = 4096;

/// True when the opening of `src` reads as a session report of any
/// edition: a date-and-time line among its first lines, and a report's
/// own heading (`Event report`, `Table of contents`, `Disclaimer:`, `Full
/// session report`, `Session at a glance`, in any case) among its first
/// dozen.
///
/// Without its date line — lost, or cut off with the title — an edition
/// is still known by a heading only reports have (`Event report`, `Table
/// of contents`, `Full session report`, `Session at a glance`); and a
/// record cut before its date line, its title alone (`Agenda item 3 : Day
/// 1 Morning session`, `Agenda item 5: other matters/OEWG 2030`), reads as
/// a report too.
pub(crate) fn looks_like_report_edition(src: &str) -> bool {
    let mut dated = false;
    let mut marked = false;
    let mut own_heading = false;
    let mut first: Option<&str> = None;
    let mut count = 0;
    let opening = text::lines(src)
        .take_while(|l| l.start < OPENING_BYTES)
        .filter(|l| !l.is_blank())
        .take(OPENING_LINES);
    for (n, line) in opening.enumerate() {
        let t = line.trimmed();
        count += 1;
        first.get_or_insert(t);
        if n < 4 && grammar::date_time_line(t).is_ok() {
            dated = true;
        }
        let k = t.trim_end_matches(':').trim_end();
        let short = k.len() <= 40;
        own_heading |= short
            && OTHER_HEADINGS
                .iter()
                .chain(&["full session report", "session at a glance"])
                .any(|h| k.eq_ignore_ascii_case(h));
        marked |= short && k.eq_ignore_ascii_case("session transcript")
            || starts_with_ci(t, "Disclaimer:");
    }
    let title_alone = count == 1 && first.is_some_and(is_report_title);
    own_heading || title_alone || dated && marked
}

/// A report's title line: `Agenda item 3 : Day 1 Morning session`,
/// `Agenda item 5: other matters/OEWG 2030`.
fn is_report_title(t: &str) -> bool {
    starts_with_ci(t, "Agenda item")
        && t.len() <= 200
        && (t.contains('/') || t.to_ascii_lowercase().contains("session"))
}

/// Whether a trimmed line is a heading or a field label of a report.
fn is_heading_line(t: &str) -> bool {
    if starts_with_ci(t, "Disclaimer:") {
        return true;
    }
    let k = t.trim_end_matches(':').trim_end();
    k.len() <= 40
        && (ORDER.iter().any(|(h, _)| k.eq_ignore_ascii_case(h))
            || OTHER_HEADINGS.iter().any(|h| k.eq_ignore_ascii_case(h))
            || FIELD_KEYS.iter().any(|h| k.eq_ignore_ascii_case(h)))
}

/// Earlier editions run headings and their text together without blank
/// lines (`Session at a Glance`, `Summary`, a paragraph, `Keypoints`, …):
/// a block is split before and after every heading line in it, so each
/// heading stands alone as it does in the current edition.
fn split_at_headings<'a>(src: &'a str, blocks: super::Blocks<'a>) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    for block in blocks {
        if block.lines == 1 {
            out.push(block);
            continue;
        }
        let mut run: Option<(Span, usize, &'a str)> = None;
        let flush = |run: &mut Option<(Span, usize, &'a str)>, out: &mut Vec<Block<'a>>| {
            if let Some((span, lines, first)) = run.take() {
                out.push(Block {
                    text: &src[span.start..span.end],
                    span,
                    lines,
                    first,
                });
            }
        };
        for line in
            text::lines_between(src, block.span.start, block.span.end, block.span.line_start)
        {
            let t = line.trimmed();
            // The date line under a title stands alone too.
            if is_heading_line(t) || grammar::date_time_line(t).is_ok() {
                flush(&mut run, &mut out);
                run = Some((line.content_span(), 1, t));
                flush(&mut run, &mut out);
            } else {
                run = Some(match run {
                    Some((span, n, first)) => (span.to(line.content_span()), n + 1, first),
                    None => (line.content_span(), 1, t),
                });
            }
        }
        flush(&mut run, &mut out);
    }
    out
}

/// Finds the sections of an edition in whatever order they come: each
/// known heading the first time it appears, each untyped heading
/// ([`OTHER_HEADINGS`]) every time, a `Disclaimer:` paragraph wherever it
/// stands, and the speaker analyses after the transcript.
fn find_sections_any_order(blocks: &[Block<'_>]) -> Layout {
    let mut sections: Vec<(SectionKind, usize)> = Vec::new();
    let mut transcript = None;
    // The section being read; `None` before the first and in the
    // transcript.
    let mut current: Option<SectionKind> = None;
    let mut typed: Vec<SectionKind> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if transcript.is_some() && current.is_none() && is_analysis_start(blocks, i) {
            sections.push((SectionKind::SpeakerAnalyses, i));
            current = Some(SectionKind::SpeakerAnalyses);
            continue;
        }
        if starts_with_ci(b.text, "Disclaimer:") && current != Some(SectionKind::Disclaimer) {
            sections.push((SectionKind::Disclaimer, i));
            current = Some(SectionKind::Disclaimer);
            continue;
        }
        let Some(k) = key(b) else { continue };
        if OTHER_HEADINGS.iter().any(|h| k.eq_ignore_ascii_case(h)) {
            sections.push((SectionKind::Other, i));
            current = Some(SectionKind::Other);
            continue;
        }
        let Some(&(_, kind)) = ORDER.iter().find(|(h, _)| k.eq_ignore_ascii_case(h)) else {
            continue;
        };
        match kind {
            None if transcript.is_none() => {
                transcript = Some(i);
                current = None;
            }
            None => {}
            Some(kind) => {
                // "Speakers" is also a field of Agreements and the sections
                // after it: a section only before them.
                let field_here = kind == SectionKind::Speakers
                    && !matches!(
                        current,
                        None | Some(
                            SectionKind::AtAGlance | SectionKind::Other | SectionKind::Disclaimer
                        )
                    );
                // Typed sections are few: a short list, so that many
                // untyped ones cannot make this search quadratic.
                if !field_here && !typed.contains(&kind) {
                    typed.push(kind);
                    sections.push((kind, i));
                    current = Some(kind);
                }
            }
        }
    }
    Layout::new(blocks.len(), sections, transcript)
}

/// True when `src` reads as a session report: a `Session transcript`
/// heading and a report's own furniture (`Session at a glance` or a
/// `Speech length` statistic), each alone on a line.
pub(crate) fn looks_like_report(src: &str) -> bool {
    has_line(src, "Session transcript")
        && (has_line(src, "Session at a glance") || has_line(src, "Speech length"))
}

/// Whether `line` stands alone on a line of `src`, spaces aside. Asked
/// of every record, and the whole of one that is no report is searched.
fn has_line(src: &str, line: &str) -> bool {
    let (bytes, needle) = (src.as_bytes(), line.as_bytes());
    let alone_at = |at: usize| {
        let before = src[..at].trim_end_matches([' ', '\t', '\u{a0}']);
        let after = src[at + line.len()..].trim_start_matches([' ', '\t', '\u{a0}']);
        (before.is_empty() || before.ends_with(['\n', '\r']))
            && (after.is_empty() || after.starts_with(['\n', '\r']))
    };
    // The first byte of each line asked for is a capital, rare in running
    // text: the fastest search finds it, and each one is checked in
    // place. Where it is common (a text in capitals), the substring
    // search takes over from there.
    let Some(&first) = needle.first() else {
        return false;
    };
    let mut candidates = 0usize;
    for at in memchr::memchr_iter(first, bytes) {
        if bytes[at..].starts_with(needle) && alone_at(at) {
            return true;
        }
        candidates += 1;
        if candidates > 64 && candidates * 256 > at {
            let from = at + 1;
            return memchr::memmem::find_iter(&bytes[from..], needle).any(|i| alone_at(from + i));
        }
    }
    false
}

/// Where the sections start, as block indices.
struct Layout {
    /// Blocks before the first heading: title and date.
    front_end: usize,
    /// Each section found, with the index of its heading block (for the
    /// speaker analyses, of their first index letter).
    sections: Vec<(SectionKind, usize)>,
    /// The `Session transcript` heading.
    transcript: Option<usize>,
}

impl Layout {
    /// The layout of sections found in order up to block `cursor`: the
    /// `Disclaimer:` block from there, if any, closes the list, and the
    /// front matter ends at the first heading.
    fn ending(
        blocks: &[Block<'_>],
        cursor: usize,
        mut sections: Vec<(SectionKind, usize)>,
        transcript: Option<usize>,
    ) -> Layout {
        if let Some(at) = blocks[cursor..]
            .iter()
            .position(|b| starts_with_ci(b.text, "Disclaimer:"))
            .map(|p| cursor + p)
        {
            sections.push((SectionKind::Disclaimer, at));
        }
        Layout::new(blocks.len(), sections, transcript)
    }

    /// A layout of `len` blocks whose front matter ends at its first
    /// section or transcript (at `len` with neither).
    fn new(len: usize, sections: Vec<(SectionKind, usize)>, transcript: Option<usize>) -> Layout {
        let front_end = sections
            .iter()
            .map(|s| s.1)
            .chain(transcript)
            .min()
            .unwrap_or(len);
        Layout {
            front_end,
            sections,
            transcript,
        }
    }

    /// The block that ends a transcript whose heading is block `t`: the
    /// first section's after it, or `len` (the number of blocks).
    fn transcript_end(&self, t: usize, len: usize) -> usize {
        self.sections
            .iter()
            .map(|s| s.1)
            .find(|&s| s > t)
            .unwrap_or(len)
    }
}

/// A top-level heading in its documented position; `None` stands for the
/// transcript.
const ORDER: &[(&str, Option<SectionKind>)] = &[
    ("session at a glance", Some(SectionKind::AtAGlance)),
    ("speakers", Some(SectionKind::Speakers)),
    ("additional speakers", Some(SectionKind::AdditionalSpeakers)),
    ("full session report", Some(SectionKind::FullReport)),
    ("session transcript", None),
    ("agreements", Some(SectionKind::Agreements)),
    ("differences", Some(SectionKind::Differences)),
    ("partial agreements", Some(SectionKind::PartialAgreements)),
    ("takeaways", Some(SectionKind::Takeaways)),
    (
        "thought provoking comments",
        Some(SectionKind::ThoughtProvokingComments),
    ),
    ("follow-up questions", Some(SectionKind::FollowUpQuestions)),
];

fn find_sections(blocks: &[Block<'_>]) -> Layout {
    // The blocks that are a heading of ORDER, found once, in order: the
    // searches below try many headings over the same blocks, and go
    // over these few marks, not every block. Every heading they ask for
    // is one of ORDER (a test checks). A heading is kept as its place in
    // ORDER, one past it, so the searches compare a byte, not a string.
    let marks: Vec<(usize, u8)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let n = key(b).map_or(0, order_number);
            (n != 0).then_some((i, n))
        })
        .collect();
    // The first block in `from..to` that is a heading `want` accepts.
    let first = |from: usize, to: usize, want: &dyn Fn(u8) -> bool| {
        marks
            .iter()
            .skip_while(|m| m.0 < from)
            .take_while(|m| m.0 < to)
            .find(|m| want(m.1))
            .map(|m| m.0)
    };
    let (additional, full, transcript_heading) = (
        order_number("additional speakers"),
        order_number("full session report"),
        order_number("session transcript"),
    );
    let mut sections = Vec::new();
    let mut transcript = None;
    let mut cursor = 0;
    for (n, &(_, kind)) in ORDER.iter().enumerate() {
        let heading = n as u8 + 1;
        // "Speakers" recurs inside Agreements; as a section it comes before
        // the full report, so look for it only up to the next heading.
        let limit = if kind == Some(SectionKind::Speakers) {
            first(cursor, blocks.len(), &|n| {
                n == additional || n == full || n == transcript_heading
            })
            .unwrap_or(blocks.len())
        } else {
            blocks.len()
        };
        let found = first(cursor, limit, &|n| n == heading);
        let Some(at) = found else { continue };
        match kind {
            Some(k) => sections.push((k, at)),
            None => transcript = Some(at),
        }
        cursor = at + 1;
        if kind.is_none() {
            // The per-speaker analyses follow the transcript without a
            // heading: an index letter, a name, then "Speech speed".
            let end = ORDER_AFTER_TRANSCRIPT
                .iter()
                .filter_map(|h| {
                    let h = order_number(h);
                    first(cursor, blocks.len(), &|n| n == h)
                })
                .min()
                .unwrap_or(blocks.len());
            if let Some(a) = (cursor..end).find(|&i| is_analysis_start(blocks, i)) {
                sections.push((SectionKind::SpeakerAnalyses, a));
                cursor = a + 1;
            }
        }
    }
    Layout::ending(blocks, cursor, sections, transcript)
}

/// One past the place in [`ORDER`] of the first heading that `k` is
/// without regard to ASCII case; 0 when it is none.
fn order_number(k: &str) -> u8 {
    // Every short block is asked: most are turned away by their length.
    if k.len() >= 64 || ORDER_LENGTHS >> k.len() & 1 == 0 {
        return 0;
    }
    ORDER
        .iter()
        .position(|(h, _)| k.eq_ignore_ascii_case(h))
        .map_or(0, |n| n as u8 + 1)
}

/// Bit `n` set when some heading of [`ORDER`] is `n` bytes long.
const ORDER_LENGTHS: u64 = {
    let mut mask = 0u64;
    let mut i = 0;
    while i < ORDER.len() {
        mask |= 1 << ORDER[i].0.len();
        i += 1;
    }
    mask
};

const ORDER_AFTER_TRANSCRIPT: &[&str] = &[
    "agreements",
    "differences",
    "partial agreements",
    "takeaways",
    "thought provoking comments",
    "follow-up questions",
];

fn is_analysis_start(blocks: &[Block<'_>], i: usize) -> bool {
    // One upper-case letter; asked of every block of the analyses, so a
    // long line is not counted through. A block's text is trimmed: one
    // character is at most four bytes of it.
    let letter = blocks[i].text.len() <= 4
        && blocks[i].single_line().is_some_and(|l| {
            let mut c = l.chars();
            c.next().is_some_and(char::is_uppercase) && c.next().is_none()
        });
    letter
        && blocks.get(i + 1).is_some_and(|b| b.lines == 1)
        && blocks.get(i + 2).is_some_and(|b| is_key(b, "speech speed"))
}

/// A single-line block as a lookup key: trimmed, trailing colon dropped;
/// compared without regard to ASCII case (every key is ASCII), so finding
/// sections allocates nothing.
fn key<'a>(block: &Block<'a>) -> Option<&'a str> {
    // Sections are found by trying every block as a key: reject long
    // blocks by length before looking at their text.
    if block.lines != 1 || block.text.len() > 40 {
        return None;
    }
    // The colons are ASCII: cut by bytes, on a character boundary.
    let t = text::trim(block.text);
    let colons = t.bytes().rev().take_while(|&b| b == b':').count();
    Some(text::trim(&t[..t.len() - colons]))
}

/// Whether `block` is the key `lower` (given in lower case).
fn is_key(block: &Block<'_>, lower: &str) -> bool {
    key(block).is_some_and(|k| k.eq_ignore_ascii_case(lower))
}

fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Labels inside sections; a block that is one of them is never content.
const FIELD_KEYS: &[&str] = &[
    "explanation",
    "evidence",
    "major discussion point",
    "topics",
    "agreed with",
    "agreed on",
    "differed with",
    "differed on",
    "speech speed",
    "speech length",
    "speech time",
    "speakers",
    "speaker",
    "arguments",
    "summary",
    "reason",
    "impact",
    "overall assessment",
    "consensus level",
    "consensus_level",
    "difference level",
    "difference_level",
    "agreement points",
    "similar viewpoints",
    "unexpected consensus",
    "different viewpoints",
    "unexpected differences",
    "partial agreements",
    "key takeaways",
    "resolutions and action items",
    "unresolved issues",
    "suggested compromises",
    "keypoints",
    "major discussion points",
    "overall purpose/goal",
    "tone",
];

/// Bit `n` set when some field label is `n` bytes long.
const FIELD_LENGTHS: u64 = {
    let mut mask = 0u64;
    let mut i = 0;
    while i < FIELD_KEYS.len() {
        mask |= 1 << FIELD_KEYS[i].len();
        i += 1;
    }
    mask
};

/// [`FIELD_KEYS`] by their length: a key is compared with the few labels
/// of its length only. (A length with more labels than a row holds stops
/// the build.)
const FIELDS_BY_LENGTH: [[&str; 4]; 64] = {
    let mut table = [[""; 4]; 64];
    let mut counts = [0usize; 64];
    let mut i = 0;
    while i < FIELD_KEYS.len() {
        let n = FIELD_KEYS[i].len();
        table[n][counts[n]] = FIELD_KEYS[i];
        counts[n] += 1;
        i += 1;
    }
    table
};

fn field_key(block: &Block<'_>) -> Option<&'static str> {
    field_of(key(block)?)
}

/// The field label `k` is, compared without regard to ASCII case.
fn field_of(k: &str) -> Option<&'static str> {
    // Every block is asked: most short ones (names, values, titles) are
    // turned away by their length before any comparison.
    if k.len() >= 64 || FIELD_LENGTHS >> k.len() & 1 == 0 {
        return None;
    }
    // Each label of that length (in lower case ASCII) whose first byte is
    // the key's, lowered, compared without regard to case: most keys that
    // pass the length meet no label with their first letter.
    let kb = k.as_bytes();
    let first = kb[0].to_ascii_lowercase();
    FIELDS_BY_LENGTH[k.len()]
        .iter()
        .copied()
        .find(|f| f.as_bytes().first() == Some(&first) && f.as_bytes().eq_ignore_ascii_case(kb))
}

/// [`grammar::count_with_unit`] for a speaker analysis's units (`words
/// per minute`, `words`, `seconds`: ASCII, and with no letter that a
/// non-ASCII character lowercases to, so an ASCII comparison without
/// regard to case is the parser's), read without parser combinators: it
/// runs three times per speaker.
fn count_with_unit(line: &str, unit: &str) -> Option<u32> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    // Digits only: an overflow is the one error.
    let n: u32 = line[..digits].parse().ok()?;
    let rest = &line[digits..];
    let unit_at = rest.trim_start_matches([' ', '\t']);
    if unit_at.len() == rest.len() {
        return None;
    }
    let tail = unit_at.as_bytes();
    if !tail
        .get(..unit.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(unit.as_bytes()))
    {
        return None;
    }
    // The matched bytes are ASCII: the cut is on a character boundary.
    unit_at[unit.len()..]
        .trim_start_matches([' ', '\t'])
        .is_empty()
        .then_some(n)
}

struct ReportParser<'s, 'b> {
    src: &'s str,
    blocks: &'b [Block<'s>],
    /// Each block's [`field_key`], found once: the section parsers ask
    /// for a block's and its successor's many times.
    fields: Vec<Option<&'static str>>,
    meta: Meta,
    headers: Vec<Header>,
    skipped: Vec<Skipped>,
    report: Report,
    statements: Vec<Statement>,
}

/// The field label of block `i` ([`ReportParser::fields`]); `None` past
/// the end too.
fn field_at(fields: &[Option<&'static str>], i: usize) -> Option<&'static str> {
    fields.get(i).copied().flatten()
}

impl<'s> ReportParser<'s, '_> {
    fn text(&self, i: usize) -> String {
        text::normalize(self.blocks[i].text)
    }

    /// Whether a field label at `i` has a value block after it before the
    /// section's `end`: a block that is no label. Asked before the value
    /// is made, so a block that turns out to be no label costs no copy.
    fn has_value(&self, i: usize, end: usize) -> bool {
        i + 1 < end && i + 1 < self.blocks.len() && field_at(&self.fields, i + 1).is_none()
    }

    /// The list items of the block after a field label at `i`.
    fn items(&self, i: usize) -> Vec<String> {
        match self.blocks.get(i + 1) {
            Some(b) if field_at(&self.fields, i + 1).is_none() => list_items(b),
            _ => Vec::new(),
        }
    }

    fn unrecognized(&mut self, i: usize) {
        skip(
            self.src,
            &mut self.skipped,
            self.blocks[i].span,
            SkipReason::UnrecognizedReportBlock,
        );
    }

    fn front_matter(&mut self, range: std::ops::Range<usize>) {
        for i in range {
            let b = self.blocks[i];
            let line = b.single_line();
            let kind = match line {
                Some(l) if self.meta.title.is_none() => {
                    self.set_title(l);
                    HeaderKind::Title
                }
                Some(l) if self.meta.title.as_deref() == Some(&text::normalize(l)) => {
                    HeaderKind::Title
                }
                Some(l) => match grammar::date_time_line(l) {
                    Ok((_, (date, slot))) if self.meta.date.is_none() => {
                        self.meta.date = Some(date);
                        if let Some((a, z)) = slot {
                            self.meta.time_start = Some(a);
                            self.meta.time_end = Some(z);
                        }
                        HeaderKind::DateTime
                    }
                    _ => {
                        self.unrecognized(i);
                        continue;
                    }
                },
                None => {
                    self.unrecognized(i);
                    continue;
                }
            };
            self.headers.push(Header {
                kind,
                text: self.text(i),
                span: b.span,
            });
        }
    }

    /// `Agenda item 6: other matters/OEWG 2025` names the agenda item and
    /// the process.
    fn set_title(&mut self, line: &str) {
        let title = text::normalize(line);
        if starts_with_ci(&title, "agenda item") {
            let (item, process) = match title.rsplit_once('/') {
                Some((item, process)) => (item, Some(process)),
                None => (title.as_str(), None),
            };
            self.meta.agenda_items.push(item.trim().to_string());
            if let Some(p) = process.filter(|p| p.chars().any(|c| c.is_ascii_digit())) {
                self.meta.process = Some(p.trim().to_string());
            }
        }
        self.meta.title = Some(title);
    }

    fn section(&mut self, kind: SectionKind, start: usize, end: usize) {
        // A disclaimer is one paragraph. What follows it, to the next
        // section or the end (a record pasted after the report), is no
        // part of it: reported as skipped, not read as the disclaimer.
        let (end, after) = match kind {
            SectionKind::Disclaimer => (start + 1, start + 1..end),
            _ => (end, end..end),
        };
        for i in after {
            self.unrecognized(i);
        }
        let span = self.blocks[start].span.to(self.blocks[end - 1].span);
        self.report.sections.push(Section { kind, span });
        // Headings are part of the section; the analyses have none.
        let body = match kind {
            SectionKind::SpeakerAnalyses | SectionKind::Disclaimer => start..end,
            _ => start + 1..end,
        };
        match kind {
            SectionKind::AtAGlance => self.at_a_glance(body),
            SectionKind::Speakers => self.report.speakers_list = self.listed_speakers(body),
            SectionKind::AdditionalSpeakers => {
                self.report.additional_speakers = self.listed_speakers(body)
            }
            SectionKind::FullReport => self.full_report(body),
            SectionKind::SpeakerAnalyses => self.speaker_analyses(body),
            SectionKind::Agreements => {
                let (v, a) = self.viewpoints(body, ViewpointCategory::AgreementPoint);
                self.report.agreements = Agreements {
                    viewpoints: v,
                    overall_assessment: a,
                };
            }
            SectionKind::Differences => {
                let (v, a) = self.viewpoints(body, ViewpointCategory::DifferentViewpoints);
                self.report.differences = Differences {
                    viewpoints: v,
                    overall_assessment: a,
                };
            }
            SectionKind::PartialAgreements => {
                let (v, a) = self.viewpoints(body.clone(), ViewpointCategory::PartialAgreement);
                self.report.partial_agreements = v;
                if a.is_some() {
                    // Partial agreements have no assessment in the layout.
                    self.unrecognized(body.start);
                }
            }
            SectionKind::Takeaways => self.takeaways(body),
            SectionKind::ThoughtProvokingComments => self.thought_provoking(body),
            SectionKind::FollowUpQuestions => self.follow_up(body),
            SectionKind::Other => {
                let text = body.map(|i| self.text(i)).collect();
                self.report.other_sections.push(TitledSection {
                    title: self.text(start),
                    text,
                    span,
                });
            }
            SectionKind::Disclaimer => {
                let text: Vec<String> = body.map(|i| self.text(i)).collect();
                let text = text.join("\n\n");
                let text = text
                    .get("Disclaimer:".len()..)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                self.report.disclaimer = Some(text);
            }
        }
    }

    fn transcript(&mut self, heading: usize, end: usize, depth: Depth, fed: Option<Fed>) {
        let h = self.blocks[heading];
        self.headers.push(Header {
            kind: HeaderKind::TranscriptHeading,
            text: self.text(heading),
            span: h.span,
        });
        if let Some(fed) = fed {
            // Replayed through `skip`, which merges as it did line by line.
            for k in fed.skipped {
                skip(self.src, &mut self.skipped, k.span, k.reason);
            }
            self.statements = fed.statements;
            return;
        }
        let stop = self
            .blocks
            .get(end)
            .map_or(self.src.len(), |b| b.span.start);
        let mut builder = TurnBuilder::new(self.src, depth);
        let mut lines = text::lines_between(self.src, h.span.end, stop, h.span.line_end).peekable();
        let mut block_start = true;
        while let Some(line) = lines.next() {
            let alone = block_start && lines.peek().is_none_or(text::Line::is_blank);
            block_start = line.is_blank();
            if alone && !line.is_blank() && is_transcript_heading(line.trimmed()) {
                // A second report's transcript heading: see transcript_once.
                builder.break_paragraph();
                skip(
                    self.src,
                    &mut self.skipped,
                    line.content_span(),
                    SkipReason::PageFurniture,
                );
                continue;
            }
            if !turns::feed(&mut builder, &line, Mode::Colon) {
                skip(
                    self.src,
                    &mut self.skipped,
                    line.content_span(),
                    SkipReason::UnrecognizedReportBlock,
                );
            }
        }
        self.statements = builder.finish();
    }

    fn at_a_glance(&mut self, body: std::ops::Range<usize>) {
        let mut field: Option<&'static str> = None;
        for i in body {
            if let Some(k) = field_at(&self.fields, i) {
                field = Some(k);
                continue;
            }
            let g = &mut self.report.at_a_glance;
            match field {
                Some("summary") => g.summary.push(text::normalize(self.blocks[i].text)),
                Some("major discussion points") => g
                    .major_discussion_points
                    .extend(list_items(&self.blocks[i])),
                Some("overall purpose/goal") => append(&mut g.overall_purpose, self.blocks[i].text),
                Some("tone") => append(&mut g.tone, self.blocks[i].text),
                _ => self.unrecognized(i),
            }
        }
    }

    fn listed_speakers(&mut self, body: std::ops::Range<usize>) -> Vec<ListedSpeaker> {
        let mut out = Vec::new();
        for i in body {
            let mut ok = true;
            for line in text::std_lines(self.blocks[i].text) {
                match grammar::list_item_text(text::trim(line)) {
                    Some(item) => {
                        let (name, description) = grammar::name_and_description(item);
                        out.push(ListedSpeaker {
                            name: text::normalize(name),
                            description: description.map(text::normalize),
                        });
                    }
                    None => ok = false,
                }
            }
            if !ok {
                self.unrecognized(i);
            }
        }
        out
    }

    fn full_report(&mut self, body: std::ops::Range<usize>) {
        for i in body {
            let b = self.blocks[i];
            for line in text::std_lines(b.text) {
                let line = text::trim(line);
                if line.is_empty() {
                    continue;
                }
                let (kind, t) = if let Some(item) = grammar::list_item_text(line) {
                    (BlockKind::ListItem, item)
                } else if line.ends_with(':') && line.chars().count() <= 100 {
                    (BlockKind::Heading, line)
                } else if is_numbered(line) {
                    (BlockKind::ListItem, line)
                } else {
                    (BlockKind::Paragraph, line)
                };
                self.report.full_report.push(ReportBlock {
                    kind,
                    text: text::normalize(t),
                });
            }
        }
    }

    fn speaker_analyses(&mut self, body: std::ops::Range<usize>) {
        let end = body.end;
        let mut i = body.start;
        let mut last_text_field: Option<&'static str> = None;
        while i < end {
            if is_analysis_start(self.blocks, i) {
                self.report.speakers.push(SpeakerAnalysis {
                    name: self.text(i + 1),
                    speech_speed_wpm: None,
                    speech_length_words: None,
                    speech_time_s: None,
                    arguments: Vec::new(),
                    span: self.blocks[i].span.to(self.blocks[i + 1].span),
                });
                last_text_field = None;
                i += 2;
                continue;
            }
            let span = self.blocks[i].span;
            let Some(speaker) = self.report.speakers.last_mut() else {
                self.unrecognized(i);
                i += 1;
                continue;
            };
            speaker.span = speaker.span.to(span);
            let field = field_at(&self.fields, i);
            let has_value =
                i + 1 < end && i + 1 < self.blocks.len() && field_at(&self.fields, i + 1).is_none();
            match field {
                Some(f @ ("speech speed" | "speech length" | "speech time")) if has_value => {
                    let unit = match f {
                        "speech speed" => "words per minute",
                        "speech length" => "words",
                        _ => "seconds",
                    };
                    let value_block = self.blocks[i + 1];
                    let speaker = self.report.speakers.last_mut().expect("checked above");
                    speaker.span = speaker.span.to(value_block.span);
                    match value_block
                        .single_line()
                        .and_then(|l| count_with_unit(l, unit))
                    {
                        Some(n) => {
                            let slot = match f {
                                "speech speed" => &mut speaker.speech_speed_wpm,
                                "speech length" => &mut speaker.speech_length_words,
                                _ => &mut speaker.speech_time_s,
                            };
                            *slot = Some(n);
                        }
                        _ => skip(
                            self.src,
                            &mut self.skipped,
                            value_block.span,
                            SkipReason::MalformedValue,
                        ),
                    }
                    i += 2;
                }
                Some(f) if has_value && speaker.arguments.last().is_some() => {
                    let value_block = self.blocks[i + 1];
                    speaker.span = speaker.span.to(value_block.span);
                    let arg = speaker.arguments.last_mut().expect("checked in guard");
                    let value = || Some(text::normalize(value_block.text));
                    match f {
                        "explanation" => arg.explanation = value(),
                        "evidence" => arg.evidence = value(),
                        "major discussion point" => arg.major_discussion_point = value(),
                        "agreed on" => arg.agreed_on = value(),
                        "differed on" => arg.differed_on = value(),
                        "topics" => arg.topics = list_items(&value_block),
                        "agreed with" => arg.agreed_with = list_items(&value_block),
                        "differed with" => arg.differed_with = list_items(&value_block),
                        _ => {
                            skip(
                                self.src,
                                &mut self.skipped,
                                span.to(value_block.span),
                                SkipReason::UnrecognizedReportBlock,
                            );
                        }
                    }
                    last_text_field = Some(f);
                    i += 2;
                }
                Some(_) => {
                    self.unrecognized(i);
                    i += 1;
                }
                None => {
                    // A title is followed by its first field; a block that
                    // is not continues the field before it.
                    let next_is_field = field_at(&self.fields, i + 1).is_some();
                    let text = text::normalize(self.blocks[i].text);
                    let continued = !next_is_field
                        && last_text_field.is_some_and(|f| {
                            speaker
                                .arguments
                                .last_mut()
                                .is_some_and(|arg| continues(arg, f, &text))
                        });
                    if !continued {
                        speaker.arguments.push(Argument {
                            title: text,
                            ..Argument::default()
                        });
                        last_text_field = None;
                    }
                    i += 1;
                }
            }
        }
    }

    fn viewpoints(
        &mut self,
        body: std::ops::Range<usize>,
        default: ViewpointCategory,
    ) -> (Vec<Viewpoint>, Option<Assessment>) {
        let mut out: Vec<Viewpoint> = Vec::new();
        let mut assessment: Option<Assessment> = None;
        let mut category = default;
        let mut in_arguments = false;
        let mut in_assessment = false;
        let blocks = self.blocks;
        let mut i = body.start;
        while i < body.end {
            let field = field_at(&self.fields, i);
            let has_value = self.has_value(i, body.end);
            let value = || Some(text::normalize(blocks[i + 1].text));
            let mut consumed = 1;
            match field {
                Some(
                    sub @ ("agreement points"
                    | "similar viewpoints"
                    | "unexpected consensus"
                    | "different viewpoints"
                    | "unexpected differences"
                    | "partial agreements"),
                ) => {
                    category = match sub {
                        "agreement points" => ViewpointCategory::AgreementPoint,
                        "similar viewpoints" => ViewpointCategory::SimilarViewpoints,
                        "unexpected consensus" => ViewpointCategory::UnexpectedConsensus,
                        "different viewpoints" => ViewpointCategory::DifferentViewpoints,
                        "unexpected differences" => ViewpointCategory::UnexpectedDifferences,
                        _ => ViewpointCategory::PartialAgreement,
                    };
                    in_arguments = false;
                    in_assessment = false;
                }
                Some("overall assessment") => {
                    in_assessment = true;
                    in_arguments = false;
                    assessment.get_or_insert_with(Assessment::default);
                }
                Some("summary") if in_assessment && has_value => {
                    assessment.get_or_insert_with(Assessment::default).summary = value();
                    consumed = 2;
                }
                Some(
                    "consensus level" | "consensus_level" | "difference level" | "difference_level",
                ) if in_assessment && has_value => {
                    assessment.get_or_insert_with(Assessment::default).level = value();
                    consumed = 2;
                }
                Some("speakers") if !out.is_empty() && !in_assessment && i + 1 < body.end => {
                    if let Some(v) = out.last_mut() {
                        v.speakers = self.items(i);
                    }
                    in_arguments = false;
                    consumed = 2;
                }
                Some("arguments") if !out.is_empty() && !in_assessment => in_arguments = true,
                Some(f @ ("summary" | "explanation")) if !out.is_empty() && has_value => {
                    if let Some(v) = out.last_mut() {
                        if f == "summary" {
                            v.summary = value();
                        } else {
                            v.explanation = value();
                        }
                    }
                    in_arguments = false;
                    consumed = 2;
                }
                None if !in_assessment && field_at(&self.fields, i + 1) == Some("speakers") => {
                    out.push(Viewpoint {
                        category,
                        point: self.text(i),
                        speakers: Vec::new(),
                        arguments: Vec::new(),
                        summary: None,
                        explanation: None,
                    });
                    in_arguments = false;
                }
                None if in_arguments => {
                    if let Some(v) = out.last_mut() {
                        v.arguments.extend(list_items(&self.blocks[i]));
                    }
                }
                _ => self.unrecognized(i),
            }
            i += consumed;
        }
        (out, assessment)
    }

    fn takeaways(&mut self, body: std::ops::Range<usize>) {
        let mut list: Option<&'static str> = None;
        for i in body {
            if let Some(
                k @ ("key takeaways"
                | "resolutions and action items"
                | "unresolved issues"
                | "suggested compromises"),
            ) = field_at(&self.fields, i)
            {
                list = Some(k);
                continue;
            }
            let t = &mut self.report.takeaways;
            let target = match list {
                Some("key takeaways") => &mut t.key_takeaways,
                Some("resolutions and action items") => &mut t.resolutions_and_action_items,
                Some("unresolved issues") => &mut t.unresolved_issues,
                Some("suggested compromises") => &mut t.suggested_compromises,
                _ => {
                    self.unrecognized(i);
                    continue;
                }
            };
            target.extend(list_items(&self.blocks[i]));
        }
    }

    fn thought_provoking(&mut self, body: std::ops::Range<usize>) {
        let mut i = body.start;
        let mut in_assessment = false;
        let blocks = self.blocks;
        while i < body.end {
            let field = field_at(&self.fields, i);
            let has_value = self.has_value(i, body.end);
            let value = || Some(text::normalize(blocks[i + 1].text));
            let comments = &mut self.report.thought_provoking_comments;
            match (field, comments.comments.last_mut()) {
                (Some("overall assessment"), _) if has_value => {
                    comments.overall_assessment = value();
                    in_assessment = true;
                    i += 2;
                    continue;
                }
                (Some(f @ ("speaker" | "reason" | "impact")), Some(c))
                    if has_value && !in_assessment =>
                {
                    match f {
                        "speaker" => c.speaker = value(),
                        "reason" => c.reason = value(),
                        _ => c.impact = value(),
                    }
                    i += 2;
                    continue;
                }
                (None, _) if field_at(&self.fields, i + 1) == Some("speaker") => {
                    comments.comments.push(ThoughtProvokingComment {
                        quote: text::normalize(self.blocks[i].text),
                        ..ThoughtProvokingComment::default()
                    });
                    in_assessment = false;
                }
                _ => self.unrecognized(i),
            }
            i += 1;
        }
    }

    fn follow_up(&mut self, body: std::ops::Range<usize>) {
        let mut i = body.start;
        let blocks = self.blocks;
        while i < body.end {
            let field = field_at(&self.fields, i);
            let has_value = self.has_value(i, body.end);
            let value = || Some(text::normalize(blocks[i + 1].text));
            let questions = &mut self.report.follow_up_questions;
            match (field, questions.last_mut()) {
                (Some(f @ ("speaker" | "speakers" | "explanation")), Some(q)) if has_value => {
                    if f == "explanation" {
                        q.explanation = value();
                    } else {
                        q.speakers = value();
                    }
                    i += 2;
                    continue;
                }
                (None, _) => questions.push(FollowUpQuestion {
                    question: text::normalize(self.blocks[i].text),
                    ..FollowUpQuestion::default()
                }),
                _ => self.unrecognized(i),
            }
            i += 1;
        }
    }
}

/// Appends a continuation paragraph to an argument's text field `f`; false
/// when the field holds a list, which a paragraph cannot continue.
fn continues(arg: &mut Argument, f: &str, text: &str) -> bool {
    let slot = match f {
        "explanation" => &mut arg.explanation,
        "evidence" => &mut arg.evidence,
        "major discussion point" => &mut arg.major_discussion_point,
        "agreed on" => &mut arg.agreed_on,
        "differed on" => &mut arg.differed_on,
        _ => return false,
    };
    let s = slot.get_or_insert_with(String::new);
    if !s.is_empty() {
        s.push_str("\n\n");
    }
    s.push_str(text);
    true
}

/// Appends a paragraph to an optional text.
fn append(slot: &mut Option<String>, raw: &str) {
    let s = slot.get_or_insert_with(String::new);
    if !s.is_empty() {
        s.push_str("\n\n");
    }
    text::push_normalized(s, raw);
}

/// Each line of a block as a list item, its marker removed.
fn list_items(block: &Block<'_>) -> Vec<String> {
    text::std_lines(block.text)
        .map(text::trim)
        .filter(|l| !l.is_empty())
        .map(|l| text::normalize(grammar::list_item_text(l).unwrap_or(l)))
        .collect()
}

/// `1. Balancing the need…`: a numbered list item.
fn is_numbered(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report of our own in layout B, shared with the fuzz corpus.
    pub(crate) const FIXTURE: &str = include_str!("../../tests/fixtures/report.txt");

    /// [`find_sections`] as it was before it searched the marks of the
    /// headings only: the oracle of the test below.
    fn old_find_sections(blocks: &[Block<'_>]) -> Layout {
        let number = |k: &str| {
            ORDER
                .iter()
                .position(|(h, _)| k.eq_ignore_ascii_case(h))
                .map_or(0, |n| n as u8 + 1)
        };
        let headings: Vec<u8> = blocks.iter().map(|b| key(b).map_or(0, number)).collect();
        let is = |i: usize, n: u8| headings[i] == n;
        let (additional, full, transcript_heading) = (
            number("additional speakers"),
            number("full session report"),
            number("session transcript"),
        );
        let mut sections = Vec::new();
        let mut transcript = None;
        let mut cursor = 0;
        for (n, &(_, kind)) in ORDER.iter().enumerate() {
            let heading = n as u8 + 1;
            let limit = if kind == Some(SectionKind::Speakers) {
                (cursor..blocks.len())
                    .find(|&i| is(i, additional) || is(i, full) || is(i, transcript_heading))
                    .unwrap_or(blocks.len())
            } else {
                blocks.len()
            };
            let Some(at) = (cursor..limit).find(|&i| is(i, heading)) else {
                continue;
            };
            match kind {
                Some(k) => sections.push((k, at)),
                None => transcript = Some(at),
            }
            cursor = at + 1;
            if kind.is_none() {
                let end = ORDER_AFTER_TRANSCRIPT
                    .iter()
                    .filter_map(|h| (cursor..blocks.len()).find(|&i| is(i, number(h))))
                    .min()
                    .unwrap_or(blocks.len());
                let letter = |i: usize| {
                    blocks[i].single_line().is_some_and(|l| {
                        let mut c = l.chars();
                        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
                    }) && blocks.get(i + 1).is_some_and(|b| b.lines == 1)
                        && blocks.get(i + 2).is_some_and(|b| is_key(b, "speech speed"))
                };
                if let Some(a) = (cursor..end).find(|&i| letter(i)) {
                    sections.push((SectionKind::SpeakerAnalyses, a));
                    cursor = a + 1;
                }
            }
        }
        Layout::ending(blocks, cursor, sections, transcript)
    }

    #[test]
    fn sections_are_found_as_before_on_pieced_reports() {
        let pieces = [
            "Session at a glance\n\n",
            "Speakers\n\n",
            "SPEAKERS:\n\n",
            " speakers \u{a0}\n\n",
            "Additional speakers\n\n",
            "Full session report\n\n",
            "Session transcript\n\n",
            "Agreements\n\n",
            "Differences\n\n",
            "Partial agreements:\n\n",
            "Takeaways\n\n",
            "Thought provoking comments\n\n",
            "Follow-up questions\n\n",
            "A\n\n",
            "\u{c9}\n\n",
            "\u{1d400}\n\n",
            "AB\n\n",
            "Ms. Name\n\n",
            "Speech speed\n\n",
            "Disclaimer: none.\n\n",
            "Some text.\n",
            "Chair: hi\n\n",
        ];
        for src in crate::text::pieced_texts(&pieces, 4000, 40, 5) {
            let list: Vec<Block<'_>> = blocks(&src).collect();
            let (new, old) = (find_sections(&list), old_find_sections(&list));
            assert_eq!(
                (new.front_end, new.sections, new.transcript),
                (old.front_end, old.sections, old.transcript),
                "{src:?}"
            );
            for b in &list {
                if let Some(k) = key(b) {
                    let want = ORDER
                        .iter()
                        .position(|(h, _)| k.eq_ignore_ascii_case(h))
                        .map_or(0, |n| n as u8 + 1);
                    assert_eq!(order_number(k), want, "{k:?}");
                }
            }
        }
    }

    #[test]
    fn headings_searched_for_are_headings_of_the_order() {
        let order: Vec<&str> = ORDER.iter().map(|(h, _)| *h).collect();
        for h in ORDER_AFTER_TRANSCRIPT.iter().chain(&[
            "additional speakers",
            "full session report",
            "session transcript",
        ]) {
            assert!(order.contains(h), "{h}");
        }
        for h in &order {
            assert_eq!(h.to_ascii_lowercase(), *h);
        }
    }

    #[test]
    fn field_lengths_admit_every_field() {
        for f in FIELD_KEYS {
            assert!(f.len() < 64 && FIELD_LENGTHS >> f.len() & 1 == 1, "{f}");
            assert_eq!(f.to_ascii_lowercase(), *f);
        }
        // The table finds what a search of the whole list finds.
        let linear = |k: &str| {
            FIELD_KEYS
                .iter()
                .copied()
                .find(|f| f.eq_ignore_ascii_case(k))
        };
        for f in FIELD_KEYS {
            for k in [
                f.to_string(),
                f.to_ascii_uppercase(),
                format!("{f}s"),
                f[1..].to_string(),
            ] {
                assert_eq!(field_of(&k), linear(&k), "{k}");
            }
            assert_eq!(field_of(f), Some(*f));
        }
        for k in [
            "",
            "a",
            "Speech Speed",
            "TONE",
            "tones",
            "speech\u{a0}speed",
        ] {
            assert_eq!(field_of(k), linear(k), "{k}");
        }
    }

    #[test]
    fn counts_read_as_the_grammar_reads_them() {
        let lines = [
            "155 words per minute",
            "155 Words Per Minute  ",
            "155\twords per minute\t",
            "155words per minute",
            "155  words  per minute",
            "155 words per minutes",
            "155 words per minut",
            "155 words",
            "0 seconds",
            "007 seconds",
            "4294967295 words",
            "4294967296 words",
            "99999999999 words",
            "+5 words",
            "-5 words",
            " 5 words",
            "5 words.",
            "5 wörds",
            "5 \u{a0}words",
            "5 words\u{a0}",
            "\u{664} words",
            "",
            "5",
            "5 ",
            "words",
            "1 WORDS PER MINUTE",
            "12 seconds \u{212a}",
        ];
        for unit in ["words per minute", "words", "seconds"] {
            for line in lines {
                assert_eq!(
                    count_with_unit(line, unit),
                    grammar::count_with_unit(line, unit).ok().map(|(_, n)| n),
                    "{line:?} {unit:?}"
                );
            }
        }
    }

    #[test]
    fn parses_every_section_of_the_fixture() {
        let s = parse(FIXTURE).unwrap();
        assert_eq!(s.meta.date.as_deref(), Some("2030-04-04"));
        assert_eq!(s.meta.time_start.as_deref(), Some("10:00"));
        assert_eq!(s.meta.time_end.as_deref(), Some("13:00"));
        assert_eq!(s.meta.agenda_items, ["Agenda item 2: capacity building"]);
        assert_eq!((s.meta.session, s.meta.meeting), (Some(2), Some(3)));
        assert!(
            s.skipped.is_empty(),
            "{:?}",
            s.skipped
                .iter()
                .map(|k| k.span.slice(FIXTURE))
                .collect::<Vec<_>>()
        );
        assert_eq!(s.statements.len(), 2);
        let r = s.report.unwrap();
        assert_eq!(
            r.at_a_glance.major_discussion_points,
            ["Capacity building", "Funding"]
        );
        assert_eq!(r.at_a_glance.tone.as_deref(), Some("Calm."));
        assert_eq!(
            r.speakers_list[1].description.as_deref(),
            Some("Speaking for itself")
        );
        assert_eq!(r.additional_speakers[0].name, "Atlantis");
        let kinds: Vec<BlockKind> = r.full_report.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
        assert_eq!(r.speakers.len(), 2);
        let u = &r.speakers[0];
        assert_eq!(
            (u.speech_speed_wpm, u.speech_length_words, u.speech_time_s),
            (Some(120), Some(6), Some(4))
        );
        assert_eq!(u.arguments[0].agreed_with, ["Atlantis", "Chair"]);
        assert_eq!(u.arguments[0].agreed_on.as_deref(), Some("Funding"));
        assert_eq!(u.arguments[0].evidence.as_deref(), Some("It said so."));
        assert_eq!(r.speakers[1].arguments[0].evidence, None);
        assert_eq!(r.agreements.viewpoints.len(), 2);
        assert_eq!(
            r.agreements.viewpoints[1].category,
            ViewpointCategory::SimilarViewpoints
        );
        assert_eq!(
            r.agreements
                .overall_assessment
                .as_ref()
                .unwrap()
                .level
                .as_deref(),
            Some("High.")
        );
        assert_eq!(
            r.differences
                .overall_assessment
                .as_ref()
                .unwrap()
                .summary
                .as_deref(),
            Some("None at all.")
        );
        assert_eq!(r.partial_agreements[0].point, "They partly agree.");
        assert_eq!(r.takeaways.unresolved_issues, ["Who pays"]);
        assert!(r.takeaways.resolutions_and_action_items.is_empty());
        assert_eq!(
            r.thought_provoking_comments.comments[0].impact.as_deref(),
            Some("Others agreed.")
        );
        assert_eq!(
            r.thought_provoking_comments.overall_assessment.as_deref(),
            Some("It went well.")
        );
        assert_eq!(
            r.follow_up_questions[0].speakers.as_deref(),
            Some("Utopia and others")
        );
        assert_eq!(r.disclaimer.as_deref(), Some("Not an official record."));
        assert_eq!(r.sections.len(), 12);
    }

    #[test]
    fn a_second_transcript_heading_is_no_speakers_words() {
        let at = FIXTURE.find("Chair: ").unwrap();
        let at = at + FIXTURE[at..].find("\n\n").unwrap();
        let src = format!(
            "{}\n\nSession transcript\n{}",
            &FIXTURE[..at],
            &FIXTURE[at..]
        );
        same_as_whole_file(&src);
        let s = parse(&src).unwrap();
        s.verify(&src).unwrap();
        assert!(!s.statements[0].text.contains("transcript"));
        assert_eq!(s.statements.len(), parse(FIXTURE).unwrap().statements.len());
        let k = &s.skipped[0];
        assert_eq!(
            (&src[k.span.start..k.span.end], k.reason),
            ("Session transcript", SkipReason::PageFurniture)
        );
        // Not alone in its block, the words are a speaker's.
        let src = format!(
            "{}\n\nSession transcript\nwas read.{}",
            &FIXTURE[..at],
            &FIXTURE[at..]
        );
        same_as_whole_file(&src);
        let s = parse(&src).unwrap();
        assert!(s.statements[0]
            .text
            .ends_with("Session transcript was read."));
    }

    #[test]
    fn what_follows_the_disclaimer_is_skipped_not_disclaimed() {
        let src = format!("{FIXTURE}\n\nChair: We resume.\n\nPeru: We agree.\n");
        let s = parse(&src).unwrap();
        s.verify(&src).unwrap();
        let r = s.report.as_ref().unwrap();
        assert_eq!(r.disclaimer.as_deref(), Some("Not an official record."));
        let d = r.sections.last().unwrap();
        assert_eq!(d.kind, SectionKind::Disclaimer);
        assert_eq!(
            &src[d.span.start..d.span.end],
            "Disclaimer: Not an official record."
        );
        let skipped: Vec<(&str, SkipReason)> = s
            .skipped
            .iter()
            .map(|k| (&src[k.span.start..k.span.end], k.reason))
            .collect();
        assert_eq!(
            skipped,
            [(
                "Chair: We resume.\n\nPeru: We agree.",
                SkipReason::UnrecognizedReportBlock
            )]
        );
    }

    #[test]
    fn speech_length_matches_transcript_words_in_fixture() {
        let s = parse(FIXTURE).unwrap();
        let r = s.report.as_ref().unwrap();
        for sp in &r.speakers {
            let words: usize = s
                .statements
                .iter()
                .filter(|st| st.speaker.label == sp.name)
                .map(|st| st.word_count)
                .sum();
            assert_eq!(Some(words as u32), sp.speech_length_words, "{}", sp.name);
        }
    }

    #[test]
    fn malformed_statistic_is_skipped_not_lost() {
        let src = FIXTURE.replace("120 words per minute", "fast");
        let s = parse(&src).unwrap();
        assert_eq!(s.skipped.len(), 1);
        assert_eq!(s.skipped[0].reason, SkipReason::MalformedValue);
        assert_eq!(s.skipped[0].span.slice(&src), "fast");
        assert_eq!(s.report.unwrap().speakers[0].speech_speed_wpm, None);
    }

    #[test]
    fn truncated_reports_keep_what_they_have() {
        let cut = &FIXTURE[..FIXTURE.find("Utopia: Thank you").unwrap() + 17];
        let s = parse(cut).unwrap();
        assert_eq!(s.statements.len(), 2);
        assert_eq!(s.statements[1].text, "Thank you");
        let cut = &FIXTURE[..FIXTURE.find("Full session report").unwrap()];
        let s = parse(cut).unwrap();
        assert!(s.statements.is_empty());
        assert_eq!(s.report.unwrap().additional_speakers.len(), 1);
    }

    #[test]
    fn no_heading_is_an_error() {
        let err = parse("A title\n\n4 Apr 2030\n\nSome prose.\n").unwrap_err();
        // Found the end of input: where it is, the start of the line after
        // the last break, not a column past the end of "Some prose.".
        assert_eq!((err.line(), err.column()), (6, 1));
        assert!(err.to_string().contains("report section heading"));
        assert!(err.to_string().ends_with("found end of input"));
    }

    /// Lines a report is made of, and lines that could confuse where its
    /// transcript ends: every heading, index letters, statistics, turns,
    /// a disclaimer, blanks of every kind.
    const PIECES: &[&str] = &[
        "",
        "",
        "",
        "   ",
        "\u{a0}",
        "Session at a glance",
        "Speakers",
        "speakers:",
        "Additional speakers:",
        "Full session report",
        "Session transcript",
        "  SESSION TRANSCRIPT  ",
        "Agreements",
        "Differences",
        "Partial agreements",
        "Takeaways",
        "Thought provoking comments",
        "Follow-up questions",
        "Disclaimer: not a record.",
        "disclaimer: lower",
        "A",
        " U ",
        "É",
        "Utopia",
        "Speech speed",
        "120 words per minute",
        "Speech length",
        "Chair: Good morning, colleagues, and welcome.",
        "Utopia: Thank you, Chair.",
        "Atlantis: We agree with what has been said so far today in this room.",
        "and it continues here",
        "Summary",
        "4 Apr 2030 10:00h - 13:00h",
        "Agenda item 2: capacity building/OEWG 2030",
    ];

    fn same_as_whole_file(src: &str) {
        for depth in [Depth::Full, Depth::Segment] {
            // Segmenting, the turns are left aside: each parse's are
            // compared too.
            drop(super::super::take_segmented());
            let once = parse_to(src, depth);
            let once_turns = super::super::take_segmented();
            let whole = parse_whole(src, depth, looks_like_report(src));
            let whole_turns = super::super::take_segmented();
            assert_eq!(once, whole, "{depth:?} {src:?}");
            assert_eq!(once_turns, whole_turns, "{depth:?} {src:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(600))]

        #[test]
        fn transcript_read_once_matches_whole_file_on_pieces(
            picks in proptest::collection::vec(0..PIECES.len(), 0..60),
            crlf in proptest::bool::ANY,
            whole_front in proptest::bool::ANY,
        ) {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut src = String::from(if whole_front {
                "Session at a glance\n\nSpeakers\n\nAdditional speakers\n\n\
                 Full session report\n\nSession transcript\n\n"
            } else {
                "Session at a glance\n\nSession transcript\n\n"
            });
            for &i in &picks {
                src.push_str(PIECES[i]);
                src.push_str(nl);
            }
            same_as_whole_file(&src);
        }

        #[test]
        fn transcript_read_once_matches_whole_file_on_edited_fixture(
            edits in proptest::collection::vec((0usize..400, 0..PIECES.len(), 0u8..3), 0..8),
            cut in 0usize..4000,
        ) {
            let mut lines: Vec<&str> = FIXTURE.lines().collect();
            for &(at, piece, op) in &edits {
                let at = at % (lines.len() + 1);
                match op {
                    0 => lines.insert(at, PIECES[piece]),
                    1 if at < lines.len() => { lines.remove(at); }
                    _ => lines.insert(at, ""),
                }
            }
            let src = lines.join("\n");
            let cut = src.len().saturating_sub(cut % (src.len() + 1));
            let cut = (0..=cut).rev().find(|&c| src.is_char_boundary(c)).unwrap_or(0);
            same_as_whole_file(&src);
            same_as_whole_file(&src[..cut]);
        }
    }

    #[test]
    fn transcript_read_once_matches_whole_file_on_fixture_and_seeds() {
        same_as_whole_file(FIXTURE);
        // The fixture and the report seed take the fast path.
        assert!(matches!(
            transcript_once(FIXTURE, Depth::Full),
            Once::Done(_)
        ));
        // The out-of-order case the fast path must hand back.
        let swapped = FIXTURE.replacen("Agreements", "Differences", 1);
        same_as_whole_file(&swapped);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        let (mut read, mut reports) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if let Ok(src) = std::fs::read_to_string(entry.path()) {
                same_as_whole_file(&src);
                if looks_like_report(&src) {
                    assert!(matches!(
                        transcript_once(&src, Depth::Segment),
                        Once::Done(_)
                    ));
                    reports += 1;
                }
                read += 1;
            }
        }
        assert!(
            read >= 2 && reports >= 1,
            "seeds read: {read}, reports {reports}"
        );
    }

    /// The line search as it was, by substring search alone: the oracle
    /// of the test below.
    fn old_has_line(src: &str, line: &str) -> bool {
        memchr::memmem::find_iter(src.as_bytes(), line.as_bytes()).any(|at| {
            let before = src[..at].trim_end_matches([' ', '\t', '\u{a0}']);
            let after = src[at + line.len()..].trim_start_matches([' ', '\t', '\u{a0}']);
            (before.is_empty() || before.ends_with(['\n', '\r']))
                && (after.is_empty() || after.starts_with(['\n', '\r']))
        })
    }

    #[test]
    fn lines_are_found_as_by_substring_search() {
        let pieces = [
            "Session transcript",
            "Session at a glance",
            "Speech length",
            "Session",
            "S",
            "SSSS SSSS ",
            &"S".repeat(300),
            " ",
            "\t",
            "\u{a0}",
            "\n",
            "\r\n",
            "\r",
            "words of a paragraph ",
            &"x".repeat(200),
            "\u{e9}",
        ];
        for s in crate::text::pieced_texts(&pieces, 20_000, 30, 11) {
            for line in ["Session transcript", "Session at a glance", "Speech length"] {
                assert_eq!(
                    has_line(&s, line),
                    old_has_line(&s, line),
                    "{line} in {s:?}"
                );
            }
        }
    }

    #[test]
    fn detection_needs_whole_lines() {
        assert!(looks_like_report(FIXTURE));
        assert!(!looks_like_report(
            "See the Session transcript below. Speech length\n"
        ));
    }
}

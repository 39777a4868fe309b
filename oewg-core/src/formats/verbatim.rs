//! Layout A, the verbatim transcript: header lines (`Session 1-9
//! Transcript`, `(OEWG 2021-25)`, a note), then turns of a speaker line, a
//! blank line and one or more paragraphs, then perhaps a web page's footer.

use super::{blocks, grammar, skip, skip_bom, Block, Depth, TurnBuilder};
use crate::error::ParseError;
use crate::model::{Format, Header, HeaderKind, Meta, Session, SkipReason, Span};
use crate::text::{self, Line};

/// Lines that open a blog's comment form or navigation: the footer starts
/// there and runs to the end.
const FOOTER_MARKERS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "cancel reply",
    "post navigation",
    "share this:",
    "like this:",
    "related posts",
];

/// Longest single-line block before the first speaker taken as a note.
const MAX_NOTE_CHARS: usize = 100;

/// Parses a verbatim transcript.
///
/// The session as read, without the analyses (its `analysis` is empty):
/// [`crate::parse`] and [`crate::parse_as`] run them.
///
/// ```
/// use oewg_core::{formats::verbatim, Role};
/// let src = "Session 2-3 Transcript\n(OEWG 2021-25)\n\nChair\n\nGood morning.\n\nChile\n\nThank you.\n";
/// let s = verbatim::parse(src).unwrap();
/// assert_eq!((s.meta.session, s.meta.meeting), (Some(2), Some(3)));
/// assert_eq!(s.statements.len(), 2);
/// assert_eq!(s.statements[0].speaker.role, Role::Chair);
/// assert_eq!(s.statements[1].text, "Thank you.");
/// ```
pub fn parse(src: &str) -> Result<Session, ParseError> {
    parse_to(src, Depth::Full)
}

pub(crate) fn parse_to(src: &str, depth: Depth) -> Result<Session, ParseError> {
    let mut meta = Meta::new(Format::Verbatim);
    let mut headers = Vec::new();
    let mut skipped = Vec::new();
    skip_bom(src, &mut skipped);
    let mut turns = TurnBuilder::new(src, depth);
    let mut footer: Option<Span> = None;
    let mut heads = super::RunningHeads::default();
    let mut blocks = blocks(src).peekable();

    while let Some(block) = blocks.next() {
        let first = block.first_line();
        if let Some(f) = &mut footer {
            // After the turns, the footer runs to the end, or to the
            // record's header again: a second page or copy pasted on,
            // whose turns go on. Before them (a
            // blog's share buttons over the transcript, or a page whose
            // transcript is not posted yet), it runs to a speaker line
            // with words under it: one-line blocks there ("Twitter",
            // "Name *") are the page's, not speakers.
            let speaks = !turns.turned()
                && grammar::is_speaker_label(first)
                && (block.lines > 1
                    || blocks.peek().is_some_and(|next| {
                        let said = next.first_line();
                        !grammar::is_speaker_label(said) && !is_footer_marker(said)
                    }));
            let again =
                !speaks && turns.turned() && !heads.is_empty() && heads.repeats_block(&block);
            if !speaks && !again {
                *f = f.to(block.span);
                continue;
            }
            skip(src, &mut skipped, *f, SkipReason::WebFooter);
            footer = None;
            if again {
                skip(src, &mut skipped, block.span, SkipReason::PageFurniture);
                continue;
            }
        }
        if is_footer_marker(first) {
            turns.close();
            footer = Some(block.span);
            continue;
        }
        if !heads.is_empty() && turns.turned() && heads.repeats_block(&block) {
            skip(src, &mut skipped, block.span, SkipReason::PageFurniture);
            turns.break_paragraph();
            continue;
        }
        let known = headers.len();
        if !turns.is_open() && header_block(&block, &mut meta, &mut headers) {
            if !turns.turned() {
                // A title or process line is sure; a note is read
                // loosely (any short line), line by line: a title and a
                // note may share a block.
                for h in &headers[known..] {
                    let line = text::trim(&src[h.span.start..h.span.end]);
                    heads.add(line, h.kind != HeaderKind::Note);
                }
            }
            continue;
        }
        let said = turns.is_open()
            && (is_interjection(first)
                || is_salutation(first)
                || turns.textless_label().is_some() && is_address(first));
        if grammar::is_speaker_label(first) && !said {
            start_turn(&mut turns, src, &block, first);
        } else if !turns.push(block.span) {
            skip(
                src,
                &mut skipped,
                block.span,
                SkipReason::BeforeFirstSpeaker,
            );
        }
        turns.break_paragraph();
    }
    let turned = turns.turned();
    let statements = turns.finish();
    if let Some(f) = footer {
        skip(src, &mut skipped, f, SkipReason::WebFooter);
    }
    // Notes are loosely recognised; alone they do not make a transcript.
    let titled = headers
        .iter()
        .any(|h| matches!(h.kind, HeaderKind::Title | HeaderKind::Process));
    super::finish_transcript(
        src,
        meta,
        (statements, turned),
        headers,
        skipped,
        titled,
        "a speaker line (a name alone on a line)",
    )
}

/// Starts a turn at a block whose first line is a speaker label. The rest
/// of the block, if the record left out the blank line, is the first
/// paragraph. A speaker line repeated before any text joins the open turn.
fn start_turn(turns: &mut TurnBuilder<'_>, src: &str, block: &Block<'_>, label: &str) {
    // The first line's length: the whole block when it is one line, else
    // up to its first line end.
    let first = match block.lines {
        1 => block.text.len(),
        _ => memchr::memchr2(b'\n', b'\r', block.text.as_bytes()).unwrap_or(block.text.len()),
    };
    // The label is the block's first line trimmed, a web page's `&nbsp;`
    // around it too.
    let label = text::trim_space_entities(label);
    let at = label.as_ptr() as usize - src.as_ptr() as usize;
    let line = block.span.line_start;
    let label_span = Span::new(at, at + label.len(), line, line);
    let line_span = Span::new(block.span.start, block.span.start + first, line, line);
    if turns.textless_label() != Some(label) {
        turns.start(label, label_span);
    }
    turns.extend_label(trim_span(src, line_span));
    if block.lines > 1 {
        let rest_start = block.span.start + first;
        let rest = Span::new(
            rest_start,
            block.span.end,
            block.span.line_start,
            block.span.line_end,
        );
        turns.push(trim_span(src, rest));
    }
}

/// Narrows a span to its content without surrounding whitespace.
fn trim_span(src: &str, span: Span) -> Span {
    let raw = span.slice(src);
    let trimmed = text::trim(raw);
    // All whitespace, the span shrinks to its end, as `trim_start` leaves.
    let lead = match trimmed.is_empty() {
        true => raw.len(),
        false => trimmed.as_ptr() as usize - raw.as_ptr() as usize,
    };
    let newlines = text::line_breaks;
    let lead_lines = newlines(&raw[..lead]);
    let start = span.start + lead;
    Span::new(
        start,
        start + trimmed.len(),
        span.line_start + lead_lines,
        (span.line_start + lead_lines + newlines(trimmed)).min(span.line_end),
    )
}

/// Reads a block before the first speaker whose every line is a header
/// into `meta` and `headers`; false, and nothing changed, otherwise.
fn header_block(block: &Block<'_>, meta: &mut Meta, headers: &mut Vec<Header>) -> bool {
    let mut found = Vec::new();
    let mut new_meta = meta.clone();
    for line in text::lines_between(block.text, 0, block.text.len(), 1) {
        let start = block.span.start + line.start;
        let number = block.span.line_start + line.number - 1;
        let content = Line {
            text: line.text,
            start,
            number,
        }
        .content_span();
        match header(line.trimmed(), &mut new_meta) {
            Some(kind) => found.push(Header {
                kind,
                text: text::normalize(line.text),
                span: content,
            }),
            None => return false,
        }
    }
    *meta = new_meta;
    headers.extend(found);
    true
}

/// What a header line is, with what it says recorded in `meta`.
fn header(line: &str, meta: &mut Meta) -> Option<HeaderKind> {
    if let Ok((_, parts)) = grammar::title_parts(line) {
        title(line, parts, meta);
        Some(HeaderKind::Title)
    } else if let Ok((_, process)) = grammar::process_line(line) {
        meta.process = Some(text::normalize(process));
        Some(HeaderKind::Process)
    } else if grammar::is_speaker_label(line) || line.chars().count() > MAX_NOTE_CHARS {
        None
    } else {
        Some(HeaderKind::Note)
    }
}

/// Records what a title line says. A title split over two lines (`Session
/// 4-2`, then `Transcript (OEWG 2021-25)`) becomes one title.
pub(crate) fn title(line: &str, parts: grammar::TitleParts<'_>, meta: &mut Meta) {
    if let Some((session, meeting)) = parts.session {
        meta.session = Some(session);
        meta.meeting = Some(meeting);
    }
    if let Some(p) = parts.process {
        meta.process = Some(text::normalize(p));
    }
    let line = text::normalize(line);
    meta.title = Some(match meta.title.take() {
        Some(first) if parts.session.is_none() => format!("{first} {line}"),
        _ => line,
    });
}

/// A word said alone as a paragraph of a turn ("Sorry", "Yes",
/// "Applause"): a capitalised word on its own line, which reads as a
/// speaker line, but no delegation or person is named so.
fn is_interjection(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "yes",
        "no",
        "okay",
        "ok",
        "sorry",
        "right",
        "indeed",
        "thanks",
        "applause",
        "laughter",
        "excellencies",
        "colleagues",
        "friends",
        "so",
        "well",
        "now",
    ];
    let line = text::trim(line);
    line.len() <= 12 && WORDS.iter().any(|w| line.eq_ignore_ascii_case(w))
}

/// A salutation said as a paragraph of its own ("Excellencies, Ladies
/// and Gentlemen", "Thank You"): capitalised, it reads as a speaker line,
/// but names no one who speaks.
fn is_salutation(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "excellencies",
        "ladies and gentlemen",
        "distinguished delegates",
        "distinguished colleagues",
        "dear colleagues",
        "dear friends",
        "thank you",
    ];
    let line = text::trim(line);
    line.len() <= 48
        && OPENINGS.iter().any(|o| {
            line.get(..o.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(o))
        })
}

/// Whom a speaker addresses first ("Mr Chair", "Mr. President", "Madam
/// Chair"): after a speaker line, before any of its words, these are the
/// speaker's, not a second speaker line. Elsewhere they may label the
/// presiding officer's turn.
fn is_address(line: &str) -> bool {
    const ADDRESSES: &[&str] = &[
        "mr chair",
        "mr. chair",
        "mr chairman",
        "mr. chairman",
        "madam chair",
        "madame chair",
        "mr president",
        "mr. president",
        "madam president",
        "madame president",
        "madam chairperson",
        "madam co-chair",
        "mr co-chair",
        "mr. co-chair",
    ];
    let line = text::trim(line);
    ADDRESSES.iter().any(|a| line.eq_ignore_ascii_case(a))
}

fn is_footer_marker(line: &str) -> bool {
    const EMAIL_NOTICE: &str = "your email address will not be published";
    // Checked on every paragraph's first line, so without allocating.
    let line = text::trim(line);
    FOOTER_MARKERS.iter().any(|m| line.eq_ignore_ascii_case(m))
        || line
            .get(..EMAIL_NOTICE.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(EMAIL_NOTICE))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::texts_and_skipped;
    use crate::model::{Role, StatementKind};

    const FIXTURE: &str = "Session 3-4 Transcript\n(OEWG 2021-25)\n\nThis is an unofficial transcript\n\nAmbassador Gafoor\u{a0}\n\nGood afternoon. I give the floor to Ruritania.\u{a0}\n\nRuritania\u{a0} \n\nThank you Chair.\u{a0}We support the\u{a0}proposal.\n\nSecond paragraph here.\n\nAmbassador Gafoor\n\nThank you. Vice-Chair?\n\nAmbassador Gafoor\n\nThank you, Utopia, for that statement.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n";

    #[test]
    fn the_header_again_between_turns_is_page_furniture() {
        // A second copy of the record pasted on: its header is no speaker.
        let head = "Session 3-4 Transcript\n(OEWG 2021-25)\n\nThis is an unofficial transcript";
        let src = format!("{head}\n\nChair\n\nGood morning.\n\n{head}\n\nChile\n\nThank you.\n");
        let (texts, skipped) = texts_and_skipped(&src);
        assert_eq!(texts, ["Good morning.", "Thank you."]);
        assert_eq!(
            skipped,
            [(
                "Session 3-4 Transcript\n(OEWG 2021-25)\n\nThis is an unofficial transcript",
                SkipReason::PageFurniture
            )]
        );
        // A page's running head in the middle of a speech: it goes on.
        let src =
            format!("{head}\n\nChair\n\nGood morning.\n\nSession 3-4 Transcript\n\nWe resume.\n");
        let (texts, skipped) = texts_and_skipped(&src);
        assert_eq!(texts, ["Good morning.\n\nWe resume."]);
        assert_eq!(
            skipped,
            [("Session 3-4 Transcript", SkipReason::PageFurniture)]
        );
        // A note read loosely before the first speaker, said again alone,
        // is the speaker's: a repeat starts at the title.
        let src = "Session 1-9 Transcript\n(OEWG 2021-25)\n\nThank you.\n\nChair\n\nGood morning.\n\nChile\n\nThank you.\n\nWe support it.\n";
        let (texts, skipped) = texts_and_skipped(src);
        assert_eq!(texts, ["Good morning.", "Thank you.\n\nWe support it."]);
        assert!(skipped.is_empty());
        // After a blog's footer, a second page or copy goes on from its
        // header.
        let footer = "Leave a Reply\n\nYour email address will not be published.";
        let src = format!(
            "{head}\n\nChair\n\nGood morning.\n\n{footer}\n\n{head}\n\nChile\n\nThank you.\n"
        );
        let (texts, skipped) = texts_and_skipped(&src);
        assert_eq!(texts, ["Good morning.", "Thank you."]);
        assert_eq!(
            skipped,
            [
                (footer, SkipReason::WebFooter),
                (head, SkipReason::PageFurniture)
            ]
        );
        // A title and a note in one block: the title is sure, line by line.
        let head = "Session 3-4 Transcript\nThis is an unofficial transcript";
        let src = format!("{head}\n\nChair\n\nGood morning.\n\n{head}\n\nChile\n\nThank you.\n");
        let (texts, skipped) = texts_and_skipped(&src);
        assert_eq!(texts, ["Good morning.", "Thank you."]);
        assert_eq!(skipped, [(head, SkipReason::PageFurniture)]);
        // A block that is only partly the header is the speaker's.
        let head = "Session 3-4 Transcript\n(OEWG 2021-25)\n\nThis is an unofficial transcript";
        let src = format!("{head}\n\nChair\n\nGood morning.\n\n(OEWG 2021-25)\nis our group.\n");
        let (texts, skipped) = texts_and_skipped(&src);
        assert_eq!(texts, ["Good morning.\n\n(OEWG 2021-25) is our group."]);
        assert!(skipped.is_empty());
    }

    #[test]
    fn salutations_and_an_address_are_the_speakers_words() {
        let src = "Session 1-2 Transcript\n\nAmbassador Gafoor\n\nI give the floor to Kenya.\n\nKenya\n\nMr Chair\n\nExcellencies, Ladies and Gentlemen\n\nKenya aligns itself with the African Group.\n\nThank You\n\nMr. President\n\nWe resume.\n";
        let s = crate::parse(src).unwrap();
        s.verify(src).unwrap();
        let got: Vec<(&str, &str)> = s
            .statements
            .iter()
            .map(|st| (st.speaker.label.as_str(), st.text.as_str()))
            .collect();
        // An address after words said is a speaker line: the presiding
        // officer's turn.
        assert_eq!(
            got,
            [
                ("Ambassador Gafoor", "I give the floor to Kenya."),
                (
                    "Kenya",
                    "Mr Chair\n\nExcellencies, Ladies and Gentlemen\n\nKenya aligns itself with the African Group.\n\nThank You"
                ),
                ("Mr. President", "We resume."),
            ]
        );
    }

    #[test]
    fn a_speaker_line_padded_with_nbsp_entities_is_the_label() {
        let src =
            "Session 1-9 Transcript\n\nChile&nbsp;\n\nThank you.\n\n&#160;Cuba &NBSP;\n\nMerci.\n";
        let s = crate::parse(src).unwrap();
        s.verify(src).unwrap();
        let got: Vec<(&str, &str, &str)> = s
            .statements
            .iter()
            .map(|st| {
                let iso3 = st.speaker.iso3.as_deref().unwrap_or("");
                (st.label_span.slice(src), iso3, st.text.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [("Chile", "CHL", "Thank you."), ("Cuba", "CUB", "Merci.")]
        );
    }

    #[test]
    fn a_line_of_characters_of_no_width_is_blank() {
        // Copied from a web page: the blank lines hold a zero width space.
        let src = "Session 1-9 Transcript\n(OEWG 2021-25)\n\u{200b}\nAmbassador Gafoor\n\u{200b}\nGood morning.\n\u{200b}\n\u{feff}Chile\u{2060}\n\u{200b}\nThank you.\n";
        let s = crate::parse(src).unwrap();
        assert_eq!(s.meta.session, Some(1));
        let got: Vec<_> = s
            .statements
            .iter()
            .map(|st| (st.speaker.label.as_str(), st.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Ambassador Gafoor", "Good morning."),
                ("Chile", "Thank you.")
            ]
        );
        s.verify(src).unwrap();
    }

    #[test]
    fn a_word_said_alone_in_a_turn_is_no_new_speaker() {
        let src = "Session 1-9 Transcript\n(OEWG 2021-25)\n\nChile\n\nFirst point.\n\nSorry\n\nSecond point, which is long.\n\nPeru\n\nThanks.\n";
        let s = parse(src).unwrap();
        let got: Vec<_> = s
            .statements
            .iter()
            .map(|st| (st.speaker.label.as_str(), st.paragraphs.len()))
            .collect();
        assert_eq!(got, [("Chile", 3), ("Peru", 1)]);
    }

    #[test]
    fn share_buttons_before_the_first_turn_end_at_a_speaker_with_words() {
        let src = "Session 1-9 Transcript\n(OEWG 2021-25)\n\nShare this:\n\nTwitter\n\nFacebook\n\nAmbassador Gafoor\n\nGood morning.\n\nChile\n\nThank you.\n\nShare this:\n\nTwitter\n";
        let s = parse(src).unwrap();
        let labels: Vec<_> = s
            .statements
            .iter()
            .map(|st| st.speaker.label.as_str())
            .collect();
        assert_eq!(labels, ["Ambassador Gafoor", "Chile"]);
        let reasons: Vec<_> = s
            .skipped
            .iter()
            .map(|k| (k.reason, k.span.line_start, k.span.line_end))
            .collect();
        assert_eq!(
            reasons,
            [
                (SkipReason::WebFooter, 4, 8),
                (SkipReason::WebFooter, 18, 20)
            ]
        );
        s.verify(src).unwrap();
    }

    #[test]
    fn a_page_whose_transcript_is_not_posted_has_no_speakers() {
        let src = "Session 1-9 Transcript\n(OEWG 2021-25)\n\nThe transcript of this meeting will be posted soon.\n\nLeave a Reply\n\nComment\n\nName *\n\nEmail *\n\nWebsite\n";
        let s = parse(src).unwrap();
        assert!(s.statements.is_empty());
        let reasons: Vec<_> = s
            .skipped
            .iter()
            .map(|k| (k.reason, k.span.line_start))
            .collect();
        assert_eq!(reasons, [(SkipReason::WebFooter, 6)]);
    }

    #[test]
    fn lines_end_at_a_lone_carriage_return_in_spans_too() {
        // A paragraph under the speaker line with no blank line between,
        // in a record saved with CR line ends: its lines counted as LF's.
        let lf = "Chile\nThank you.\nMore.\n\nPeru\n\nThanks.\n";
        let cr = lf.replace('\n', "\r");
        let lines = |src: &str| -> Vec<_> {
            parse(src)
                .unwrap()
                .statements
                .iter()
                .flat_map(|st| {
                    std::iter::once((st.span.line_start, st.span.line_end))
                        .chain(st.paragraphs.iter().map(|p| (p.line_start, p.line_end)))
                })
                .collect()
        };
        assert_eq!(lines(&cr), lines(lf));
        assert_eq!(lines(lf)[..2], [(1, 3), (2, 3)]);
    }

    #[test]
    fn parses_headers_turns_and_footer() {
        let s = parse(FIXTURE).unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("Session 3-4 Transcript"));
        assert_eq!(s.meta.process.as_deref(), Some("OEWG 2021-25"));
        assert_eq!(s.headers.len(), 3);
        assert_eq!(s.headers[2].kind, HeaderKind::Note);
        let labels: Vec<_> = s
            .statements
            .iter()
            .map(|s| s.speaker.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "Ambassador Gafoor",
                "Ruritania",
                "Ambassador Gafoor",
                "Ambassador Gafoor"
            ]
        );
        assert_eq!(
            s.statements[1].text,
            "Thank you Chair. We support the proposal.\n\nSecond paragraph here."
        );
        assert_eq!(s.statements[1].paragraphs.len(), 2);
        assert_eq!(s.statements[1].speaker.role, Role::Unknown);
        assert_eq!(s.statements[0].speaker.role, Role::Chair);
        assert_eq!(s.statements[0].kind, StatementKind::Procedural);
        assert_eq!(s.skipped.len(), 1);
        assert_eq!(s.skipped[0].reason, SkipReason::WebFooter);
        assert!(s.skipped[0]
            .span
            .slice(FIXTURE)
            .starts_with("Leave a Reply"));
        assert!(s.skipped[0].span.slice(FIXTURE).ends_with("marked *"));
    }

    #[test]
    fn spans_point_at_raw_text() {
        let s = parse(FIXTURE).unwrap();
        let st = &s.statements[1];
        assert_eq!(st.label_span.slice(FIXTURE), "Ruritania");
        assert!(st.span.slice(FIXTURE).starts_with("Ruritania"));
        assert!(st.span.slice(FIXTURE).ends_with("Second paragraph here."));
        assert_eq!((st.span.line_start, st.span.line_end), (10, 14));
    }

    #[test]
    fn title_split_or_with_the_process() {
        let split = "Session 4-2\nTranscript (OEWG 2021-25)\n\nChair\n\nHello.\n";
        let one = "Session 4-2 Transcript (OEWG 2021-25)\n\nChair\n\nHello.\n";
        let apart = "Session 4-2\n\nTranscript\n\n(OEWG 2021-25)\n\nChair\n\nHello.\n";
        for src in [split, one, apart] {
            let s = parse(src).unwrap();
            assert_eq!(
                (s.meta.session, s.meta.meeting),
                (Some(4), Some(2)),
                "{src}"
            );
            assert_eq!(s.meta.process.as_deref(), Some("OEWG 2021-25"), "{src}");
            assert!(s
                .meta
                .title
                .as_deref()
                .unwrap()
                .starts_with("Session 4-2 Transcript"));
            assert_eq!(s.statements.len(), 1, "{src}");
            assert!(s.skipped.is_empty(), "{src}");
            assert_eq!(crate::detect(src), Some(Format::Verbatim));
        }
    }

    #[test]
    fn repeated_speaker_line_joins_the_turn() {
        let src = "Chile\n\nChile\n\nThank you.\n\nPeru\n\nPeru speaks.\n";
        let s = parse(src).unwrap();
        assert_eq!(s.statements.len(), 2);
        assert_eq!(
            s.statements[0].span.slice(src),
            "Chile\n\nChile\n\nThank you."
        );
    }

    #[test]
    fn label_without_blank_line_and_text_before_first_speaker() {
        let src = "Some long introduction that is not a header because it runs on and on and on for more than a hundred characters in all.\n\nChile\nThank you.\n";
        let s = parse(src).unwrap();
        assert_eq!(s.skipped[0].reason, SkipReason::BeforeFirstSpeaker);
        assert_eq!(s.statements[0].text, "Thank you.");
        assert_eq!(s.statements[0].paragraphs[0].line_start, 4);
    }

    #[test]
    fn nothing_recognisable_is_an_error_with_position() {
        let err = parse("\n\nthis is only prose, with no speaker.\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (3, 1));
        assert!(err.to_string().contains("expected a speaker line"));
        assert!(matches!(parse(" \n"), Err(ParseError::Empty { .. })));
    }
}

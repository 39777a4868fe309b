//! Hostile and broken input: each case has a defined outcome — a Session
//! with the damage listed in `skipped`, or an error naming line and column —
//! and none panics or hangs.

use oewg_core::{parse, parse_as, parse_bytes, Format, HeaderKind, ParseError, SkipReason};

fn seed(name: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// The largest char boundary at or below `at`.
fn floor(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

const VERBATIM: &str = "000_7135191b872dcc1d.txt";
const REPORT: &str = "004_b03c78f8038a68f6.txt";

#[test]
fn empty_and_blank_input_is_an_error_at_1_1() {
    for src in ["", "   ", "\n\n\u{a0}\n", "\u{feff}"] {
        let err = parse(src).unwrap_err();
        assert!(matches!(err, ParseError::Empty { .. }), "{src:?}: {err}");
        assert_eq!((err.line(), err.column()), (1, 1));
    }
}

#[test]
fn only_a_header_is_a_session_without_statements() {
    let s = parse("Session 1-9 Transcript\n(OEWG 2021-25)\n").unwrap();
    assert!(s.statements.is_empty());
    assert_eq!((s.meta.session, s.meta.meeting), (Some(1), Some(9)));
    assert_eq!(s.headers.len(), 2);
    let s = parse_as(
        Format::Report,
        "A title\n\n21 Feb 2025\n\nSession transcript\n",
    )
    .unwrap();
    assert!(s.statements.is_empty());
    assert_eq!(
        s.headers.iter().map(|h| h.kind).collect::<Vec<_>>(),
        [
            HeaderKind::Title,
            HeaderKind::DateTime,
            HeaderKind::TranscriptHeading
        ]
    );
}

#[test]
fn records_cut_mid_word_mid_line_and_mid_section() {
    let src = seed(VERBATIM);
    // Mid-word inside the last Chair turn: the turn keeps what is there.
    let at = src.find("Leave a Reply").unwrap() - 500;
    let cut = &src[..floor(&src, at)];
    let s = parse(cut).unwrap();
    assert_eq!(s.statements.len(), 115);
    assert!(s.skipped.is_empty());
    assert_eq!(&cut[s.statements[114].span.end..], "");
    // Mid-line through a speaker line.
    let at = src.find("\nRussia\n").unwrap() + 4;
    let s = parse(&src[..at]).unwrap();
    assert_eq!(s.statements.last().unwrap().speaker.label, "Rus");
    // A report cut inside the speaker analyses.
    let rep = seed(REPORT);
    let at = rep.find("\nAgreements\n").unwrap() - 300;
    let s = parse(&rep[..floor(&rep, at)]).unwrap();
    let r = s.report.unwrap();
    assert_eq!(s.statements.len(), 64);
    assert_eq!(r.speakers.len(), 33);
    assert!(r.agreements.viewpoints.is_empty());
}

#[test]
fn crlf_and_lone_cr_line_ends_give_the_same_statements() {
    let src = seed(VERBATIM);
    let lf = parse(&src).unwrap();
    for end in ["\r\n", "\r"] {
        let other = src.replace('\n', end);
        let s = parse(&other).unwrap();
        assert_eq!(s.statements.len(), lf.statements.len(), "{end:?}");
        for (a, b) in s.statements.iter().zip(&lf.statements) {
            assert_eq!(
                (&a.speaker, &a.text, a.span.line_start),
                (&b.speaker, &b.text, b.span.line_start)
            );
        }
    }
    let rep = seed(REPORT);
    let s = parse(&rep.replace('\n', "\r\n")).unwrap();
    assert_eq!(
        (s.statements.len(), s.report.unwrap().speakers.len()),
        (64, 33)
    );
}

#[test]
fn entities_of_a_pages_markup_read_as_the_characters_they_stand_for() {
    // A web page scraped with its markup: `&nbsp;` for the no-break
    // spaces after the verbatim seed's speaker names.
    let src = seed(VERBATIM);
    let plain = parse(&src).unwrap();
    let with = src.replace('\u{a0}', "&nbsp;");
    let s = parse(&with).unwrap();
    s.verify(&with).unwrap();
    assert_eq!(s.statements.len(), plain.statements.len());
    for (a, b) in s.statements.iter().zip(&plain.statements) {
        assert_eq!(
            (&a.speaker, a.span.line_start, a.label_span.slice(&with)),
            (&b.speaker, b.span.line_start, b.label_span.slice(&src))
        );
    }
    // `&ndash;` for the report seed's en dashes (its speakers list's
    // bullets, "Pacific Islands Forum – Tonga"): the same report check.
    let rep = seed(REPORT);
    let plain = parse(&rep).unwrap();
    let with = rep.replace('\u{2013}', "&ndash;");
    let s = parse(&with).unwrap();
    s.verify(&with).unwrap();
    let labels = |s: &oewg_core::Session| -> Vec<String> {
        s.statements
            .iter()
            .map(|st| st.speaker.label.clone())
            .collect()
    };
    assert_eq!(labels(&s), labels(&plain));
    let (r, p) = (s.report.as_ref().unwrap(), plain.report.as_ref().unwrap());
    assert_eq!(r.speakers_list, p.speakers_list);
    // The same findings (their excerpts' byte offsets moved with the
    // longer dashes).
    let findings = |s: &oewg_core::Session| {
        let c = s.analysis.report_check.clone().unwrap();
        let stances: Vec<_> = c
            .stance_disagreements
            .iter()
            .map(|d| (d.speaker.clone(), d.other.clone(), d.finding))
            .collect();
        let counts = (
            c.blocks_checked,
            c.arguments_checked,
            c.stance_claims_checked,
        );
        (
            c.listed_not_heard,
            c.heard_not_listed,
            c.length_mismatches,
            counts,
            stances,
        )
    };
    assert_eq!(findings(&s), findings(&plain));
}

#[test]
fn a_byte_order_mark_is_reported_and_changes_nothing_else() {
    for name in [VERBATIM, REPORT] {
        let src = seed(name);
        let plain = parse(&src).unwrap();
        let with = format!("\u{feff}{src}");
        let s = parse(&with).unwrap();
        assert_eq!(s.skipped[0].reason, SkipReason::ByteOrderMark);
        assert_eq!(s.skipped[0].span.slice(&with), "\u{feff}");
        assert_eq!(s.statements.len(), plain.statements.len());
        assert_eq!(s.word_count(), plain.word_count());
    }
}

#[test]
fn invalid_utf8_through_the_bytes_api_names_the_byte() {
    let mut bytes = seed(VERBATIM).into_bytes();
    bytes[1000] = 0xff;
    let err = parse_bytes(&bytes).unwrap_err();
    assert!(matches!(err, ParseError::InvalidUtf8 { .. }));
    assert_eq!(err.offset(), 1000);
    assert_eq!(err.line(), 12);
    assert!(err.to_string().contains("invalid UTF-8 at byte 1000"));
}

#[test]
fn nul_bytes_are_text() {
    let s = parse("Chair: a\0b\nPeru: \0\n").unwrap();
    assert_eq!(s.statements.len(), 2);
    assert_eq!(s.statements[0].text, "a\0b");
    assert_eq!(s.statements[1].word_count, 1);
}

#[test]
fn a_100_mb_record_with_no_newline() {
    let big = "word ".repeat(20 * 1024 * 1024);
    let err = parse(&big).unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 1));
    // With a label in front, it is one statement of 20 Mi words.
    let labelled = format!("Chile: {big}");
    let s = parse(&labelled).unwrap();
    assert_eq!(s.statements.len(), 1);
    assert_eq!(s.statements[0].word_count, 20 * 1024 * 1024);
}

#[test]
fn a_million_one_word_turns() {
    let src = "Chile: yes\n".repeat(1_000_000);
    let s = parse(&src).unwrap();
    assert_eq!(s.statements.len(), 1_000_000);
    assert_eq!(s.word_count(), 1_000_000);
    assert_eq!(s.statements[999_999].span.line_start, 1_000_000);
}

#[test]
fn ten_thousand_deep_list_markers() {
    let deep = format!("{}item", "– ".repeat(10_000));
    let src = format!("Title\n\n1 Jan 2025\n\nSession at a glance\n\nSpeakers\n\n{deep}\n\nSession transcript\n\nChair: {deep}\n");
    let s = parse(&src).unwrap();
    let r = s.report.unwrap();
    assert_eq!(r.speakers_list.len(), 1);
    assert_eq!(s.statements[0].word_count, 10_001);
    let s = parse(&format!("Chile\n\n{deep}\n")).unwrap();
    assert_eq!(s.statements.len(), 1);
}

#[test]
fn labels_of_100_kb() {
    let label = "A".repeat(100 * 1024);
    // Too long to be a label: the line is text, not a turn.
    let err = parse(&format!("{label}: hello\n")).unwrap_err();
    assert_eq!(err.line(), 1);
    let s = parse(&format!("Chair: hi\n{label}: hello\n")).unwrap();
    assert_eq!(s.statements.len(), 1);
    assert!(s.statements[0].text.ends_with(": hello"));
    let s = parse(&format!("Chile\n\nHi.\n\n{label}\n\nThere.\n")).unwrap();
    assert_eq!(s.statements.len(), 1);
}

#[test]
fn html_and_script_in_labels_and_statements_stay_text() {
    let src = "<script>alert(1)</script>: hi\nChair: <b onclick=\"x()\">bold</b> &amp; more\n";
    let s = parse(src).unwrap();
    assert_eq!(s.statements.len(), 1);
    assert_eq!(
        s.skipped[0].span.slice(src),
        "<script>alert(1)</script>: hi"
    );
    assert_eq!(s.statements[0].text, "<b onclick=\"x()\">bold</b> & more");
    let s = parse("Chile\n\n<script>alert(1)</script>\n").unwrap();
    assert_eq!(s.statements[0].text, "<script>alert(1)</script>");
}

/// Regression from the `parse` fuzz target (the crash input was our report
/// fixture with "3rd" mutated into U+034D "d"): the meeting phrase in a
/// report summary, after a multi-byte character, sliced inside it.
#[test]
fn fuzz_crash_meeting_phrase_after_a_combining_mark() {
    let fixture = include_str!("fixtures/report.txt");
    let src = fixture.replace("the 3rd meeting", "the \u{34d}d meeting");
    assert_ne!(src, fixture);
    let s = parse(&src).unwrap();
    s.verify(&src).unwrap();
    assert_eq!(s.meta.meeting, None);
    let src = fixture.replace("the 3rd meeting", "the \u{34d}3rd meeting");
    assert_eq!(parse(&src).unwrap().meta.meeting, Some(3));
}

/// Regression from the `parse` fuzz target: "co-sponsor" with a letter
/// just before it ("tco-sponsored") is no word of its own, and reading
/// the co-sponsoring's subject sliced from a word's end back to before it.
#[test]
fn fuzz_crash_cosponsor_inside_a_word() {
    for src in [
        "Germany\n\nWe support the Chair's proposal on ping tests, tco-sponsored by twelve delegations.\n",
        "Germany\n\nWe support the Chair's proposal on ping tests and we tcosponsored it with Chile.\n",
    ] {
        let s = parse(src).unwrap();
        s.verify(src).unwrap();
        assert!(s.analysis.proposals.iter().all(|p| p.cosponsor_names.is_empty()), "{src}");
    }
    // The same sentences with the word whole do name the speaker.
    let src = "Germany\n\nWe support the Chair's proposal on ping tests, which we co-sponsored.\n";
    let s = parse(src).unwrap();
    let named = &s.analysis.proposals;
    assert!(
        named.iter().any(|p| p.cosponsor_names == ["Germany"]),
        "{named:?}"
    );
}

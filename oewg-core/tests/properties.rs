//! Property tests: for generated records of every layout and for arbitrary
//! strings, parsing never panics, spans lie inside the input in order
//! without overlapping, the regions account for every non-whitespace byte,
//! JSON round-trips, and parsing is deterministic.

use oewg_core::{parse, parse_as, parse_bytes, segment, Format, ParseError, Session};
use proptest::prelude::*;

const FORMATS: [Format; 6] = [
    Format::Verbatim,
    Format::Report,
    Format::Turns,
    Format::Asr,
    Format::Markdown,
    Format::Pv,
];

/// Checks every invariant of a parse result against its source.
fn check(src: &str, result: &Result<Session, ParseError>) {
    let s = match result {
        Ok(s) => s,
        Err(e) => {
            // Errors name a position inside the input.
            assert!(e.offset() <= src.len());
            assert!(e.line() >= 1 && e.column() >= 1);
            assert!(e.line() <= src.split('\n').count().max(1) + src.matches('\r').count());
            return;
        }
    };
    if let Err(v) = s.verify(src) {
        panic!("{v}: {src:?}");
    }
    let json = s.to_json();
    assert_eq!(&Session::from_json(&json).unwrap(), s, "JSON round trip");
}

/// Segmentation finds the same turns as the full parse, or the same error.
fn check_segment(src: &str, full: &Result<Session, ParseError>) {
    match (segment(src), full) {
        (Ok(turns), Ok(s)) => {
            assert_eq!(turns.len(), s.statements.len(), "turn count");
            for (t, st) in turns.iter().zip(&s.statements) {
                assert_eq!(
                    (&t.label, t.span, t.label_span, t.word_count),
                    (&st.speaker.label, st.span, st.label_span, st.word_count)
                );
            }
        }
        (Err(a), Err(b)) => assert_eq!(&a, b),
        (a, b) => panic!("segment gave {a:?}, parse gave {b:?}"),
    }
}

fn check_all(src: &str) {
    let first = parse(src);
    check(src, &first);
    check_segment(src, &first);
    assert_eq!(first, parse(src), "parsing twice differs");
    for f in FORMATS {
        check(src, &parse_as(f, src));
    }
}

/// Lines that records of every layout are made of, including their quirks.
fn record_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\u{a0}".to_string()),
        Just("Session 1-9 Transcript".to_string()),
        Just("(OEWG 2021-25)".to_string()),
        Just("21 Feb 2025 15:00h - 18:00h".to_string()),
        Just("Ambassador Gafoor\u{a0}".to_string()),
        Just("Chair".to_string()),
        "[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9})?".prop_map(|s| s),
        "[A-Z][a-z]{2,9}: [A-Za-z ,.]{0,40}".prop_map(|s| s),
        ">> [A-Z]{2,8}: [A-Za-z ,.]{0,30}".prop_map(|s| s),
        ">> [a-z ]{0,20}".prop_map(|s| s),
        "[A-Z][a-z ,.;:!?]{0,120}".prop_map(|s| s),
        "– [A-Z][a-z]{1,10}(: [a-z ]{1,20})?".prop_map(|s| s),
        "[A-Z]".prop_map(|s| s),
        Just("Session at a glance".to_string()),
        Just("Summary".to_string()),
        Just("Keypoints".to_string()),
        Just("Speakers".to_string()),
        Just("Additional speakers:".to_string()),
        Just("Full session report".to_string()),
        Just("Session transcript".to_string()),
        Just("Speech speed".to_string()),
        Just("Speech length".to_string()),
        Just("Speech time".to_string()),
        "[0-9]{1,4} (words per minute|words|seconds)".prop_map(|s| s),
        Just("Explanation".to_string()),
        Just("Evidence".to_string()),
        Just("Major discussion point".to_string()),
        Just("Agreed with".to_string()),
        Just("Differed on".to_string()),
        Just("Agreements".to_string()),
        Just("Differences".to_string()),
        Just("Partial agreements".to_string()),
        Just("Overall assessment".to_string()),
        Just("Arguments".to_string()),
        Just("Takeaways".to_string()),
        Just("Key takeaways".to_string()),
        Just("Thought provoking comments".to_string()),
        Just("Speaker".to_string()),
        Just("Reason".to_string()),
        Just("Follow-up questions".to_string()),
        Just("Disclaimer: generated.".to_string()),
        Just("Leave a Reply".to_string()),
        Just("&amp; &#8217; &bogus;".to_string()),
        Just("\u{feff}".to_string()),
        // Layout A's title variants.
        Just("Session 4-2".to_string()),
        Just("Transcript (OEWG 2021-25)".to_string()),
        // Layout E: header block, rule and stamped speaker lines.
        Just("Date: 12 March 2026".to_string()),
        Just("Language: English".to_string()),
        Just("Transcript: https://example.org/x".to_string()),
        Just("Transcripts available through this tool are created by using automatic speech recognition".to_string()),
        Just("---".to_string()),
        "[A-Z][a-z]{1,8}( \u{b7} [A-Z][a-z ]{1,20})? \\[[0-9]{1,2}:[0-5][0-9](:[0-5][0-9])?\\]:".prop_map(|s| s),
        "[A-Z][a-z]{1,8} \\[[0-9]:[0-9]{2}\\]: [a-z ]{0,20}".prop_map(|s| s),
        // Layout F: title heading, speaker lines, inline Markdown.
        Just("# Session 4 | Consultations (Mar 3, 2026)".to_string()),
        "\\*\\*[A-Z][a-z]{1,8}( \\| [A-Z][a-z-]{1,10}){0,2}( \\| \\([A-Z0-9 +]{2,12}\\))?\\*\\*".prop_map(|s| s),
        Just("**Ana Lopez**".to_string()),
        // Layout B's other editions.
        Just("Event report".to_string()),
        Just("Table of contents".to_string()),
        Just("Session at a Glance".to_string()),
        Just("Agenda item 5 : Day 2 Afternoon session".to_string()),
        Just("**Threats landscape:** rising.".to_string()),
        // Layout C's caption header, procedural captions and stamps.
        Just("IGF 2026 - Day 2 - Workshop Room 4 - WS #123 Cables".to_string()),
        Just("The following are the outputs of the real-time captioning taken during the forum.".to_string()),
        Just("***".to_string()),
        Just("June 5, 2026 - 09:00AM".to_string()),
        Just("5 June 2026, 14:00 UTC".to_string()),
        Just(">> (Speaking non-English language)".to_string()),
        Just(">> : [inaudible]".to_string()),
        ">> [A-Z]{2,8} \\[[0-9]{1,2}:[0-5][0-9]\\]: [A-Za-z ,.]{0,30}".prop_map(|s| s),
        Just("Some *emphasis* and a [link](https://example.org).".to_string()),
    ]
}

fn record() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(record_line(), 0..60),
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\n\n")],
    )
        .prop_map(|(lines, end)| lines.join(end))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_records_keep_every_invariant(src in record()) {
        check_all(&src);
    }

    #[test]
    fn arbitrary_strings_keep_every_invariant(src in "\\PC{0,400}") {
        check_all(&src);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match parse_bytes(&bytes) {
            Ok(s) => check(std::str::from_utf8(&bytes).unwrap(), &Ok(s)),
            Err(ParseError::InvalidUtf8 { at }) => {
                prop_assert!(std::str::from_utf8(&bytes).is_err());
                prop_assert_eq!(at.offset, std::str::from_utf8(&bytes).unwrap_err().valid_up_to());
            }
            Err(_) => prop_assert!(std::str::from_utf8(&bytes).is_ok()),
        }
    }
}

/// Every prefix of the real records parses with every invariant intact:
/// records come truncated mid-word, mid-line and mid-section.
#[test]
fn every_truncation_of_the_seeds_keeps_every_invariant() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    for name in ["000_7135191b872dcc1d.txt", "004_b03c78f8038a68f6.txt"] {
        let src = std::fs::read_to_string(dir.join(name)).unwrap();
        let mut cut = 0;
        while cut < src.len() {
            if src.is_char_boundary(cut) {
                let part = &src[..cut];
                let full = parse(part);
                check(part, &full);
                check_segment(part, &full);
            }
            // About 400 cuts per seed, at odd offsets to land mid-word.
            cut += src.len() / 397 + 1;
        }
        let full = parse(&src);
        check(&src, &full);
        check_segment(&src, &full);
    }
}

/// A turn of an official record as the generator writes it: the label,
/// whether it wraps before `(spoke in`, and its words.
#[derive(Debug, Clone)]
struct PvTurn {
    label: String,
    wraps: bool,
    words: Vec<String>,
    /// An `Agenda item N` heading on its own line before the turn.
    heading: Option<u32>,
}

/// Lines of page furniture: running headers, page and job numbers, bar
/// codes.
fn pv_furniture() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("S/PV.9412 Maintenance of international peace and security 03/03/2026".to_string()),
        Just("03/03/2026 Maintenance of international peace and security S/PV.9412".to_string()),
        "[1-9]/[1-3][0-9] 26-0[0-9]{4}".prop_map(|s| s),
        "26-0[0-9]{4} [1-9]/[1-3][0-9]".prop_map(|s| s),
        "\\*260[0-9]{4}\\*".prop_map(|s| s),
        Just("26-06543 (E)".to_string()),
    ]
}

fn pv_turn() -> impl Strategy<Value = PvTurn> {
    let label = prop_oneof![
        Just(("The President".to_string(), false)),
        Just(("The Acting President (spoke in French)".to_string(), true)),
        (
            "(Mr|Ms|Mrs)\\. [A-Z][a-z]{2,8}",
            prop_oneof![
                Just("Chile"),
                Just("Russian Federation"),
                Just("Republic of Korea")
            ],
            prop_oneof![Just(""), Just(" (spoke in Spanish)")],
            any::<bool>(),
        )
            .prop_map(|(name, state, spoke, wraps)| {
                (
                    format!("{name} ({state}){spoke}"),
                    wraps && !spoke.is_empty(),
                )
            }),
    ];
    (
        label,
        prop::collection::vec("[a-z]{2,9}", 1..40),
        prop::option::weighted(0.3, 1u32..5),
    )
        .prop_map(|((label, wraps), mut words, heading)| {
            // Every turn ends a sentence, so a heading may follow it.
            if let Some(last) = words.last_mut() {
                last.push('.');
            }
            PvTurn {
                label,
                wraps,
                words,
                heading,
            }
        })
}

/// One layout of a turn's words on lines: line widths, where a word is
/// split with a hyphen at a line end, and where furniture (perhaps with
/// blank lines around it) stands between two lines.
#[derive(Debug, Clone)]
struct PvLayout {
    widths: Vec<usize>,
    hyphens: Vec<bool>,
    furniture: Vec<Option<(String, bool)>>,
}

fn pv_layout() -> impl Strategy<Value = PvLayout> {
    (
        prop::collection::vec(1usize..8, 64),
        prop::collection::vec(prop::bool::weighted(0.3), 64),
        prop::collection::vec(
            prop::option::weighted(0.25, (pv_furniture(), any::<bool>())),
            64,
        ),
    )
        .prop_map(|(widths, hyphens, furniture)| PvLayout {
            widths,
            hyphens,
            furniture,
        })
}

/// Writes an official record of `turns` laid out by `layout`; returns the
/// source, each turn's expected label and text, and the agenda items its
/// headings name, once each.
fn pv_record(turns: &[PvTurn], layout: &PvLayout) -> (String, Vec<(String, String)>, Vec<String>) {
    let mut agenda: Vec<String> = Vec::new();
    let mut src = String::from(
        "United Nations S/PV.9412\nSecurity Council\n9412th meeting\n\n\
         The meeting was called to order at 10.05 a.m.\n\n",
    );
    let mut expected = Vec::new();
    let mut k = 0; // which layout entry is next
    let next = |k: &mut usize| {
        *k += 1;
        (*k - 1) % 64
    };
    let furniture = |src: &mut String, f: &Option<(String, bool)>| {
        if let Some((line, blank)) = f {
            let b = if *blank { "\n" } else { "" };
            src.push_str(&format!("{b}{line}\n{b}"));
        }
    };
    for turn in turns {
        if let Some(n) = turn.heading {
            let item = format!("Agenda item {n}");
            src.push_str(&item);
            src.push('\n');
            if !agenda.contains(&item) {
                agenda.push(item);
            }
        }
        let mut lines: Vec<String> = Vec::new();
        match turn.label.split_once(" (spoke in ") {
            Some((head, lang)) if turn.wraps => {
                lines.push(format!("{head} (spoke in"));
                lines.push(format!("{lang}:"));
            }
            _ => lines.push(format!("{}:", turn.label)),
        }
        let mut words = turn.words.iter().peekable();
        while words.peek().is_some() {
            let i = next(&mut k);
            let mut line: Vec<String> = words.by_ref().take(layout.widths[i]).cloned().collect();
            // Split the line's last word with a hyphen at the line end.
            let last = line.last().cloned().unwrap_or_default();
            if layout.hyphens[i] && last.len() >= 4 && words.peek().is_some() {
                let (a, b) = last.split_at(2);
                *line.last_mut().unwrap() = format!("{a}-");
                let rest = b.to_string();
                let tail = lines.last_mut().unwrap();
                tail.push(' ');
                tail.push_str(&line.join(" "));
                lines.push(rest);
                continue;
            }
            let tail = lines.last_mut().unwrap();
            tail.push(' ');
            tail.push_str(&line.join(" "));
        }
        // Furniture may follow any line, the turn's last one too.
        for line in &lines {
            src.push_str(line.trim_start());
            src.push('\n');
            furniture(&mut src, &layout.furniture[next(&mut k)]);
        }
        expected.push((turn.label.clone(), turn.words.join(" ")));
    }
    src.push_str("The meeting rose at 1.15 p.m.\n");
    (src, expected, agenda)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Official records with furniture between any two lines, labels that
    /// wrap and words split with a hyphen: every invariant holds, every
    /// turn is found with its label, the text is the words as spoken, and
    /// no furniture is in any text.
    #[test]
    fn generated_official_records_keep_every_invariant(
        turns in prop::collection::vec(pv_turn(), 1..12),
        layout in pv_layout(),
    ) {
        let (src, expected, agenda) = pv_record(&turns, &layout);
        check_all(&src);
        prop_assert_eq!(oewg_core::detect(&src), Some(Format::Pv));
        let s = parse(&src).unwrap();
        // An `Agenda item N` line between turns ends the turn before it
        // and is an agenda item, once.
        prop_assert_eq!(&s.meta.agenda_items, &agenda, "{}", src);
        let got: Vec<(String, String)> = s
            .statements
            .iter()
            .map(|st| (st.speaker.label.clone(), st.text.clone()))
            .collect();
        prop_assert_eq!(got, expected, "{}", src);
        for k in &s.skipped {
            prop_assert_eq!(k.reason, oewg_core::SkipReason::PageFurniture);
        }
    }
}

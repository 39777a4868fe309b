//! Records as they come (issue 12): fixtures of our own in the shapes of
//! the UN's speech-recognition transcripts (E), Markdown transcripts (F),
//! the verbatim transcript's title variants (A), caption headers (C) and the
//! report's other editions (B), each parsed exactly, each span slicing back
//! to its raw text, every byte accounted for, and every truncation still
//! giving its meta.

use oewg_core::{detect, parse, parse_as, segment, Format, HeaderKind, Role, Session};
use std::path::PathBuf;

fn read(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

/// Parses `src`, checks detection, `verify`, spans and `segment`, and
/// returns the session.
fn parse_checked(src: &str, format: Format) -> Session {
    assert_eq!(detect(src), Some(format), "detected layout");
    let s = parse(src).unwrap();
    assert_eq!(s.meta.format, format);
    s.verify(src).unwrap();
    for st in &s.statements {
        let raw = st.span.slice(src);
        assert!(raw.contains(st.label_span.slice(src)), "{raw:?}");
        // An unnamed caption's label span is its `>>`.
        if !st.speaker.label.is_empty() {
            assert_eq!(st.label_span.slice(src), st.speaker.label);
        }
    }
    let turns = segment(src).unwrap();
    assert_eq!(turns.len(), s.statements.len());
    for (t, st) in turns.iter().zip(&s.statements) {
        assert_eq!(
            (&t.label, t.span, t.word_count),
            (&st.speaker.label, st.span, st.word_count)
        );
    }
    s
}

type Who<'a> = (&'a str, Role, Option<&'a str>, Option<&'a str>, Option<u32>);

fn who(s: &Session) -> Vec<Who<'_>> {
    s.statements
        .iter()
        .map(|st| {
            (
                st.speaker.label.as_str(),
                st.speaker.role,
                st.speaker.iso3.as_deref(),
                st.speaker.on_behalf_of.as_deref(),
                st.time_offset_s,
            )
        })
        .collect()
}

/// Every prefix cut at a line end keeps every invariant, and once the
/// header is in, the meta the full record gives.
fn truncations_keep_meta(src: &str, format: Format, header_end: &str) {
    let full = parse(src).unwrap();
    let from = src.find(header_end).unwrap() + header_end.len();
    for (cut, _) in src.char_indices().filter(|&(i, c)| c == '\n' && i >= from) {
        let part = &src[..cut];
        assert_eq!(detect(part), Some(format), "cut at {cut}");
        let s = parse_as(format, part).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
        s.verify(part).unwrap();
        let m = (&s.meta.title, &s.meta.date, s.meta.session, s.meta.meeting);
        let f = (
            &full.meta.title,
            &full.meta.date,
            full.meta.session,
            full.meta.meeting,
        );
        assert_eq!(m, f, "cut at {cut}");
    }
    // Cut anywhere, even inside a character's line, nothing panics.
    for cut in (0..src.len()).filter(|&i| src.is_char_boundary(i)) {
        if let Ok(s) = parse_as(format, &src[..cut]) {
            s.verify(&src[..cut]).unwrap();
        }
    }
}

#[test]
fn asr_fixture() {
    let src = read("asr.txt");
    let s = parse_checked(&src, Format::Asr);
    let m = &s.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("12th Meeting - 58th Session of the Example Council")
    );
    assert_eq!((m.session, m.meeting), (Some(58), Some(12)));
    assert_eq!(m.date.as_deref(), Some("2026-04-14"));
    assert_eq!(m.body.as_deref(), Some("Example Council"));
    assert_eq!(m.language.as_deref(), Some("English"));
    // `XC · President` is the Chair, its function typed; a state speaks
    // with no function given.
    let functions: Vec<Option<&str>> = s
        .statements
        .iter()
        .map(|st| st.speaker.function.as_deref())
        .collect();
    assert_eq!(functions.first(), Some(&Some("President")));
    assert!(functions.contains(&Some("Vice-President")));
    assert!(functions.contains(&None));
    assert!(s.statements.iter().all(|st| st.speaker.person.is_none()));
    assert_eq!(
        m.source_url.as_deref(),
        Some("https://transcripts.example.org/en/xc/58/12")
    );
    let kinds: Vec<HeaderKind> = s.headers.iter().map(|h| h.kind).collect();
    use HeaderKind::*;
    assert_eq!(
        kinds,
        [Title, Event, DateTime, Field, Field, Disclaimer, Rule]
    );
    // The disclaimer wraps onto a second line and stays one header.
    assert!(s.headers[5].text.ends_with("and of attribution."));
    assert_eq!(
        who(&s),
        [
            ("XC · President", Role::Chair, None, None, Some(2)),
            ("Chile", Role::Delegation, Some("CHL"), None, Some(75)),
            (
                "Peru · Group of Latin American and Caribbean States",
                Role::Delegation,
                Some("PER"),
                Some("Latin American and Caribbean Group"),
                Some(220)
            ),
            (
                "Venezuela (Bolivarian Republic of)",
                Role::Delegation,
                Some("VEN"),
                None,
                Some(310)
            ),
            ("XC · Vice-President", Role::Chair, None, None, Some(3723)),
        ]
    );
    assert_eq!(s.statements[1].paragraphs.len(), 2);
    assert_eq!(
        s.statements[1].span.slice(&src),
        "Chile [1:15]:\n\nThank you, Mr. President. Chile thanks the panel for its work and supports a stronger focus on prevention.\n\nWe ask that the next report include data by region."
    );
    assert!(s.skipped.is_empty());
    truncations_keep_meta(&src, Format::Asr, "Date: 14 April 2026\n");
}

#[test]
fn asr_with_crlf_and_bom_reads_the_same() {
    let src = read("asr.txt");
    let variant = format!("\u{feff}{}", src.replace('\n', "\r\n"));
    let a = parse_checked(&src, Format::Asr);
    let b = parse_checked(&variant, Format::Asr);
    assert_eq!(who(&a), who(&b));
    assert_eq!(a.meta, b.meta);
}

#[test]
fn markdown_fixture() {
    let src = read("markdown.txt");
    let s = parse_checked(&src, Format::Markdown);
    assert_eq!(
        s.meta.title.as_deref(),
        Some("Session 4 | Consultations on the draft outcome")
    );
    assert_eq!(
        (s.meta.session, s.meta.date.as_deref()),
        (Some(4), Some("2026-03-03"))
    );
    assert_eq!(
        who(&s),
        [
            ("IAHWG | Co-Chair", Role::Chair, None, None, None),
            (
                "Iraq | Representative | (G77 + China)",
                Role::Delegation,
                Some("IRQ"),
                Some("Group of 77 and China"),
                None
            ),
            (
                "EU | Representative | (EU)",
                Role::Group,
                None,
                Some("European Union"),
                None
            ),
            (
                "Trinidad and Tobago | Ambassador | (CARICOM)",
                Role::Delegation,
                Some("TTO"),
                Some("Caribbean Community"),
                None
            ),
            (
                "Australia | Representative | (CANZ)",
                Role::Delegation,
                Some("AUS"),
                Some("CANZ"),
                None
            ),
            (
                "Fiji | Representative | (Pacific Islands Forum)",
                Role::Delegation,
                Some("FJI"),
                Some("Pacific Islands Forum"),
                None
            ),
            (
                "Saudi Arabia | Representative | (GCC)",
                Role::Delegation,
                Some("SAU"),
                Some("Gulf Cooperation Council"),
                None
            ),
            (
                "UN Office for Disarmament Affairs | Director",
                Role::Organization,
                None,
                None,
                None
            ),
            ("IAHWG | Co-Chair", Role::Chair, None, None, None),
        ]
    );
    // Inline Markdown stays as written.
    assert!(s.statements[1]
        .text
        .contains("We see [the draft](https://example.org/draft) as a basis"));
    assert!(s.statements[1].text.ends_with("**capacity building**."));
    assert_eq!(s.statements[1].paragraphs.len(), 2);
    // The person's line joins the EU's turn.
    assert!(s.statements[2]
        .span
        .slice(&src)
        .starts_with("**EU | Representative | (EU)**\n\n**Ana Lopez**\n\nThe European"));
    // The person and the function of each speaker line are typed.
    let typed: Vec<(Option<&str>, Option<&str>)> = s
        .statements
        .iter()
        .map(|st| (st.speaker.person.as_deref(), st.speaker.function.as_deref()))
        .collect();
    assert_eq!(
        typed,
        [
            (None, Some("Co-Chair")),
            (None, Some("Representative")),
            (Some("Ana Lopez"), Some("Representative")),
            (None, Some("Ambassador")),
            (None, Some("Representative")),
            (None, Some("Representative")),
            (None, Some("Representative")),
            (None, Some("Director")),
            (None, Some("Co-Chair")),
        ]
    );
    assert!(s.to_json().contains("\"person\": \"Ana Lopez\""));
    assert!(s.skipped.is_empty());
    truncations_keep_meta(&src, Format::Markdown, "(Mar 3, 2026)\n");
}

#[test]
fn detection_never_takes_new_layouts_for_colon_turns() {
    for (name, format) in [
        ("asr.txt", Format::Asr),
        ("markdown.txt", Format::Markdown),
        ("colon_turns.txt", Format::Turns),
        ("captions.txt", Format::Turns),
        ("captions_header.txt", Format::Turns),
        ("report.txt", Format::Report),
        ("report_edition.txt", Format::Report),
        ("report_glance.txt", Format::Report),
    ] {
        let src = read(name);
        // From the first few KB alone.
        let head = &src[..src.floor_char_boundary_compat(4096)];
        assert_eq!(detect(head), Some(format), "{name}");
        assert_eq!(detect(&src), Some(format), "{name}");
    }
}

trait Floor {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
}

impl Floor for str {
    fn floor_char_boundary_compat(&self, at: usize) -> usize {
        (0..=at.min(self.len()))
            .rev()
            .find(|&i| self.is_char_boundary(i))
            .unwrap_or(0)
    }
}

#[test]
fn parse_as_forces_the_new_layouts_with_located_errors() {
    let err = parse_as(Format::Asr, "Chair: Good morning.\n").unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 1));
    assert!(err.to_string().contains("[m:ss]"), "{err}");
    let err = parse_as(Format::Markdown, "\n\nChair: Good morning.\n").unwrap_err();
    assert_eq!((err.line(), err.column()), (3, 1));
    // Forced onto a record of another layout, they still account for
    // every byte.
    for name in ["colon_turns.txt", "captions.txt", "report.txt"] {
        let src = read(name);
        for f in [Format::Asr, Format::Markdown] {
            if let Ok(s) = parse_as(f, &src) {
                s.verify(&src).unwrap();
            }
        }
    }
}

#[test]
fn verbatim_title_variants() {
    for title in [
        "Session 4-2\nTranscript (OEWG 2021-25)",
        "Session 4-2 Transcript (OEWG 2021-25)",
        "Session 4-2 Transcript\n(OEWG 2021-25)",
    ] {
        let src = format!("{title}\n\nThis is an unofficial transcript\n\nAmbassador Gafoor\n\nGood morning. I give the floor to Chile.\n\nChile\n\nThank you, Chair.\n");
        let s = parse_checked(&src, Format::Verbatim);
        assert_eq!((s.meta.session, s.meta.meeting), (Some(4), Some(2)));
        assert_eq!(s.meta.process.as_deref(), Some("OEWG 2021-25"));
        assert_eq!(s.statements.len(), 2);
        assert!(s.skipped.is_empty());
    }
}

#[test]
fn caption_header_fixture() {
    let src = read("captions_header.txt");
    let s = parse_checked(&src, Format::Turns);
    let m = &s.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("IGF 2030 - Day 3 - Workshop Room 7 - WS #321 Keeping Undersea Cables Safe")
    );
    assert_eq!(m.body.as_deref(), Some("IGF 2030"));
    assert_eq!(
        (m.day, m.room.as_deref()),
        (Some(3), Some("Workshop Room 7"))
    );
    assert_eq!(m.session, Some(321));
    assert_eq!(
        (m.date.as_deref(), m.time_start.as_deref()),
        (Some("2030-06-05"), Some("09:00"))
    );
    use HeaderKind::*;
    let kinds: Vec<HeaderKind> = s.headers.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [Title, Disclaimer, Rule, Event, DateTime, ProceduralEvent]
    );
    // The disclaimer wraps onto a second line and stays one header.
    assert!(s.headers[1].text.ends_with("transcription errors."));
    assert_eq!(
        s.headers[5].span.slice(&src),
        ">> (Speaking non-English language)"
    );
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    assert_eq!(
        who(&s),
        [
            ("MODERATOR", Role::Chair, None, None, None),
            ("JANE ROE", Role::Unknown, None, None, None),
            ("", Role::Unknown, None, None, None),
            ("", Role::Unknown, None, None, None),
            ("CO-CHAIR", Role::Chair, None, None, Some(725)),
            ("Kenya", Role::Delegation, Some("KEN"), None, Some(3723)),
        ]
    );
    assert_eq!(
        s.statements[0].text,
        "Good morning and welcome to this workshop on cables. We have three speakers today."
    );
    assert_eq!(s.statements[2].text, "[inaudible]");
    truncations_keep_meta(&src, Format::Turns, "09:00AM\n");
}

#[test]
fn caption_dates_in_the_forms_records_use() {
    for (line, date, time) in [
        ("5 June 2026, 14:00 UTC", "2026-06-05", Some("14:00")),
        ("June 5, 2026 - 09:00AM", "2026-06-05", Some("09:00")),
        ("5 Jun 2026", "2026-06-05", None),
    ] {
        let src = format!("A Forum - Day 1\n\n{line}\n\n>> CHAIR: Welcome.\n");
        let s = parse_checked(&src, Format::Turns);
        assert_eq!(s.meta.date.as_deref(), Some(date), "{line}");
        assert_eq!(s.meta.time_start.as_deref(), time, "{line}");
        assert!(s.skipped.is_empty());
    }
}

#[test]
fn colon_turns_with_time_stamps() {
    let src = "Co-Chair [0:02]: Good morning.\nChile [1:15]: Thank you.\nMore from Chile.\n";
    let s = parse_checked(src, Format::Turns);
    assert_eq!(
        who(&s),
        [
            ("Co-Chair", Role::Chair, None, None, Some(2)),
            ("Chile", Role::Delegation, Some("CHL"), None, Some(75)),
        ]
    );
    assert_eq!(s.statements[1].text, "Thank you. More from Chile.");
}

#[test]
fn report_edition_with_event_report_and_contents() {
    let src = read("report_edition.txt");
    let s = parse_checked(&src, Format::Report);
    let m = &s.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Agenda item 3 : Day 1 Morning session")
    );
    assert_eq!(
        (
            m.date.as_deref(),
            m.time_start.as_deref(),
            m.time_end.as_deref()
        ),
        (Some("2030-09-09"), Some("10:00"), Some("13:00"))
    );
    let r = s.report.as_ref().unwrap();
    use oewg_core::SectionKind::*;
    let kinds: Vec<_> = r.sections.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [Other, Other, Disclaimer, FullReport]);
    let titled: Vec<(&str, usize)> = r
        .other_sections
        .iter()
        .map(|o| (o.title.as_str(), o.text.len()))
        .collect();
    assert_eq!(titled, [("Event report", 1), ("Table of contents", 0)]);
    assert_eq!(r.other_sections[0].text, ["Agenda item 3"]);
    assert!(r
        .disclaimer
        .as_deref()
        .unwrap()
        .starts_with("This is not an official record"));
    assert_eq!(r.full_report.len(), 4);
    assert!(r.full_report[2].text.starts_with("**Threats landscape:**"));
    assert_eq!(
        who(&s),
        [
            ("Chair", Role::Chair, None, None, None),
            ("Ghana", Role::Delegation, Some("GHA"), None, None),
            ("Chile", Role::Delegation, Some("CHL"), None, None),
        ]
    );
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    truncations_keep_meta(&src, Format::Report, "Event report\n");
    // Cut right after its date line, forced, it still gives its meta.
    let cut = &src[..src.find("Event report").unwrap()];
    let t = parse_as(Format::Report, cut).unwrap();
    t.verify(cut).unwrap();
    assert_eq!(
        (t.meta.title, t.meta.date),
        (m.title.clone(), m.date.clone())
    );
}

#[test]
fn report_edition_with_a_glance_on_single_lines() {
    let src = read("report_glance.txt");
    let s = parse_checked(&src, Format::Report);
    assert_eq!(s.meta.process.as_deref(), Some("OEWG 2030"));
    assert_eq!((s.meta.session, s.meta.meeting), (Some(7), Some(4)));
    assert_eq!(s.meta.time_end.as_deref(), Some("18:00"));
    let r = s.report.as_ref().unwrap();
    use oewg_core::SectionKind::*;
    let kinds: Vec<_> = r.sections.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [AtAGlance, Speakers, Disclaimer]);
    assert_eq!(r.at_a_glance.summary.len(), 1);
    assert_eq!(
        r.at_a_glance.major_discussion_points,
        ["A permanent mechanism", "Funding"]
    );
    assert_eq!(r.at_a_glance.tone.as_deref(), Some("Constructive."));
    assert_eq!(r.speakers_list.len(), 2);
    assert_eq!(
        r.speakers_list[1].description.as_deref(),
        Some("on behalf of the African Group")
    );
    assert_eq!(
        who(&s).iter().map(|w| w.0).collect::<Vec<_>>(),
        ["Chair", "Ghana", "Chair"]
    );
    assert_eq!(
        r.disclaimer.as_deref(),
        Some("This is not an official record of the session.")
    );
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    // Session and meeting come from the summary.
    truncations_keep_meta(&src, Format::Report, "7th substantive session.\n");
}

/// Hostile input for the new parsers: each has a defined outcome, every
/// byte accounted for, and none is quadratic (at these sizes a quadratic
/// loop would not finish).
#[test]
fn hostile_input_for_the_new_layouts() {
    let many_sections = format!(
        "T\n\n1 Jan 2030\n\n{}",
        "Event report\n\nAgreements\n\n".repeat(50_000)
    );
    let s = parse_as(Format::Report, &many_sections).unwrap();
    s.verify(&many_sections).unwrap();
    assert_eq!(s.report.unwrap().other_sections.len(), 50_000);

    let events = format!(">> CHAIR: Hi.\n{}", ">> (Silence)\n".repeat(100_000));
    let s = parse_checked(&events, Format::Turns);
    assert_eq!(s.statements.len(), 1);
    assert_eq!(s.headers.len(), 100_000);

    let bold = "**Chile | Representative**\n".repeat(100_000);
    let s = parse_checked(&bold, Format::Markdown);
    assert_eq!(s.statements.len(), 1);

    for (src, f) in [
        ("[".repeat(1 << 20), Format::Asr),
        (format!("Chile {}", "[1:0".repeat(100_000)), Format::Asr),
        (format!("**{}", "a".repeat(1 << 20)), Format::Markdown),
        (format!("# {}", "(".repeat(1 << 20)), Format::Markdown),
        ("\u{b7} [0:01]:\n".repeat(10_000), Format::Asr),
        ("é [0:01]:\né\n".repeat(10_000), Format::Asr),
        (format!(">> {}", "[9:99]: ".repeat(100_000)), Format::Turns),
        ("X [99999999999:00]: y\n".to_string(), Format::Turns),
        ("X [99999:59:59]:\n\ny\n".to_string(), Format::Asr),
    ] {
        match parse_as(f, &src) {
            Ok(s) => s.verify(&src).unwrap(),
            Err(e) => assert!(e.offset() <= src.len()),
        }
    }
}

/// A report whose date line is missing, or that was cut before it: still a
/// report, with the title and the sections it holds.
#[test]
fn report_without_its_date_line() {
    let src = read("report_undated.txt");
    let s = parse_checked(&src, Format::Report);
    assert_eq!(
        s.meta.title.as_deref(),
        Some("Agenda item 4 : Day 3 Afternoon session")
    );
    assert_eq!(s.meta.date, None);
    let r = s.report.as_ref().unwrap();
    use oewg_core::SectionKind::*;
    let kinds: Vec<_> = r.sections.iter().map(|x| x.kind).collect();
    assert_eq!(kinds, [Other, Other, Disclaimer, FullReport]);
    assert_eq!(r.other_sections[0].title, "Event report");
    assert_eq!(r.full_report.len(), 3);
    assert_eq!(
        who(&s).iter().map(|w| (w.0, w.2)).collect::<Vec<_>>(),
        [("Chair", None), ("Tonga", Some("TON")), ("Chair", None)]
    );
    assert!(s.skipped.is_empty(), "{:?}", s.skipped);
    // Cut anywhere after its title, it is a report with that title.
    truncations_keep_meta(&src, Format::Report, "Afternoon session\n");
    // Its title alone, as a record cut before its date line would be.
    let title = &src[..src.find("\n\n").unwrap() + 1];
    assert_eq!(detect(title), Some(Format::Report));
    let t = parse(title).unwrap();
    t.verify(title).unwrap();
    assert_eq!(t.meta.title, s.meta.title);
    assert_eq!(
        t.meta.agenda_items,
        ["Agenda item 4 : Day 3 Afternoon session"]
    );
    assert!(t.report.unwrap().sections.is_empty());
    // Cut at the front instead, it keeps the sections it holds.
    let tail = &src[src.find("Event report").unwrap()..];
    let t = parse_checked(tail, Format::Report);
    assert_eq!(t.meta.title, None);
    assert_eq!(t.report.unwrap().sections.len(), 4);
    assert_eq!(t.statements.len(), 3);
    // The dated editions' fixtures, their date lines taken out, read the same.
    for name in ["report_edition.txt", "report_glance.txt"] {
        let full = read(name);
        let undated: String = full
            .split_inclusive('\n')
            .filter(|l| oewg_core::formats::grammar::date_time_line(l.trim()).is_err())
            .collect();
        let a = parse_checked(&undated, Format::Report);
        let b = parse(&full).unwrap();
        assert_eq!(a.meta.title, b.meta.title, "{name}");
        let kinds = |s: &Session| -> Vec<_> {
            s.report
                .as_ref()
                .unwrap()
                .sections
                .iter()
                .map(|x| x.kind)
                .collect()
        };
        assert_eq!(kinds(&a), kinds(&b), "{name}");
        assert_eq!(a.statements.len(), b.statements.len(), "{name}");
    }
    // A line of prose is no report title.
    assert_eq!(detect("Agenda for today\n"), None);
    assert!(parse_as(Format::Report, "Some words here.\n").is_err());
}

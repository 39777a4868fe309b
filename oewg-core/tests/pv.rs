//! Layout D, official verbatim records as text from their PDFs, on our own
//! fixture: front matter, turns, page furniture, votes.

use oewg_core::{detect, parse, parse_as, segment, Format, HeaderKind, Role, Session, SkipReason};

fn fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pv.txt"
    ))
    .unwrap()
}

/// Parses as layout D and checks every guarantee: every byte accounted
/// for, labels inside their turns, `segment` agreeing with `parse`.
fn checked(src: &str) -> Session {
    let s = parse_as(Format::Pv, src).unwrap();
    s.verify(src).unwrap();
    for st in &s.statements {
        assert!(st.span.slice(src).starts_with(st.label_span.slice(src)));
    }
    if detect(src) == Some(Format::Pv) {
        let turns = segment(src).unwrap();
        assert_eq!(turns.len(), s.statements.len());
        for (t, st) in turns.iter().zip(&s.statements) {
            assert_eq!(
                (&t.label, t.span, t.label_span, t.word_count),
                (&st.speaker.label, st.span, st.label_span, st.word_count)
            );
        }
    }
    s
}

#[test]
fn the_fixture_is_detected_as_pv() {
    let src = fixture();
    assert_eq!(detect(&src), Some(Format::Pv));
    assert_eq!(parse(&src).unwrap().meta.format, Format::Pv);
}

#[test]
fn front_matter_is_meta() {
    let src = fixture();
    let m = checked(&src).meta;
    assert_eq!(m.symbol.as_deref(), Some("S/PV.9412"));
    assert_eq!(m.body.as_deref(), Some("Security Council"));
    assert_eq!((m.session, m.meeting), (Some(81), Some(9412)));
    assert_eq!(m.date.as_deref(), Some("2026-03-03"));
    assert_eq!(m.time_start.as_deref(), Some("10:00"));
    assert_eq!(m.place.as_deref(), Some("New York"));
    assert_eq!(m.president.as_deref(), Some("Mr. Adeyemi (Nigeria)"));
    let members: Vec<(Option<&str>, &str)> = m
        .members
        .iter()
        .map(|x| (x.state.iso3.as_deref(), x.representative.as_str()))
        .collect();
    assert_eq!(
        members,
        [
            (Some("DZA"), "Mr. Haddad"),
            (Some("CHN"), "Mr. Zhou"),
            (Some("DNK"), "Ms. Holm"),
            (Some("RUS"), "Mr. Volkov"),
        ]
    );
    assert_eq!(
        m.agenda_items,
        ["Maintenance of international peace and security regional cooperation in the Sahel"]
    );
}

#[test]
fn turns_labels_states_and_languages() {
    let src = fixture();
    let s = checked(&src);
    let got: Vec<(&str, Role, Option<&str>, Option<&str>)> = s
        .statements
        .iter()
        .map(|st| {
            (
                st.speaker.label.as_str(),
                st.speaker.role,
                st.speaker.iso3.as_deref(),
                st.language.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("The President", Role::Chair, None, None),
            ("The Secretary-General", Role::Organization, None, None),
            (
                "Mr. Volkov (Russian Federation) (spoke in Russian)",
                Role::Delegation,
                Some("RUS"),
                Some("Russian")
            ),
            ("Ms. Lindqvist", Role::Unknown, None, None),
            (
                "Mr. HALVORSEN (Norway)",
                Role::Delegation,
                Some("NOR"),
                None
            ),
            (
                "Ms. Garcia (Spain), Rapporteur of the Working Group",
                Role::Delegation,
                Some("ESP"),
                None
            ),
            (
                "The Acting President (spoke in French)",
                Role::Chair,
                None,
                Some("French")
            ),
            ("The President", Role::Chair, None, None),
        ]
    );
    // The label that wraps is one label, over two lines.
    let volkov = &s.statements[2];
    assert_eq!(
        volkov.label_span.slice(&src),
        "Mr. Volkov (Russian Federation) (spoke in\nRussian)"
    );
    assert_eq!(
        (volkov.label_span.line_start, volkov.label_span.line_end),
        (37, 38)
    );
}

#[test]
fn furniture_is_skipped_and_text_runs_on() {
    let src = fixture();
    let s = checked(&src);
    let skipped: Vec<(&str, SkipReason)> = s
        .skipped
        .iter()
        .map(|k| (k.span.slice(&src), k.reason))
        .collect();
    assert_eq!(skipped.len(), 3);
    assert!(skipped[0].0.starts_with("This record contains"));
    assert!(skipped[0].0.ends_with("*2606543*"));
    assert_eq!(
        skipped[1].0,
        "S/PV.9412 Maintenance of international peace and security 03/03/2026\n2/25 26-06543"
    );
    assert_eq!(
        skipped[2].0,
        "03/03/2026 Maintenance of international peace and security S/PV.9412\n26-06543 3/25"
    );
    assert!(skipped.iter().all(|k| k.1 == SkipReason::PageFurniture));
    for st in &s.statements {
        assert!(!st.text.contains("S/PV"), "{}", st.text);
        assert!(!st.text.contains("26-06543"), "{}", st.text);
    }
    let volkov = &s.statements[2];
    assert_eq!(
        volkov.text,
        "We thank the Secretary-General for his briefing. Our delegation remains convinced \
         that dialogue is the only path.\n\nWe will not support unilateral measures."
    );
    // The paragraph runs across the page break; its span covers the raw bytes.
    assert_eq!(volkov.paragraphs.len(), 2);
    assert!(volkov.paragraphs[0]
        .slice(&src)
        .contains("2/25 26-06543\nremains"));
    // Furniture inside a turn is not a top-level region: the turn covers it.
    assert!(s.regions().iter().all(|r| r.span != s.skipped[1].span));
}

#[test]
fn hyphens_and_justified_words_are_joined() {
    let src = fixture();
    let s = checked(&src);
    assert!(s.statements[0]
        .text
        .ends_with("I now give the floor to the Secretary-General."));
    assert_eq!(
        s.statements[1].text,
        "The situation in the region demands international attention and sustained \
         cooperation from all of us."
    );
    assert_eq!(s.statements[1].word_count, 15);
    // The span still covers the raw, hyphenated bytes.
    assert!(s.statements[1]
        .span
        .slice(&src)
        .contains("inter-\nnational"));
    assert!(s.statements[2]
        .text
        .ends_with("We will not support unilateral measures."));
}

#[test]
fn procedural_lines_and_agenda_are_headers() {
    let src = fixture();
    let s = checked(&src);
    let of = |kind| -> Vec<&str> {
        s.headers
            .iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.text.as_str())
            .collect()
    };
    assert_eq!(
        of(HeaderKind::ProceduralEvent),
        [
            "The meeting was called to order at 10.05 a.m.",
            "The agenda was adopted.",
            "A vote was taken by show of hands.",
            "The meeting rose at 1.15 p.m.",
        ]
    );
    assert!(of(HeaderKind::AgendaItem).contains(&"Adoption of the agenda"));
    assert!(s
        .statements
        .iter()
        .all(|st| !st.text.contains("The meeting rose")));
}

#[test]
fn the_recorded_vote_is_data() {
    let src = fixture();
    let s = checked(&src);
    assert_eq!(s.votes.len(), 1);
    let v = &s.votes[0];
    let iso = |l: &[oewg_core::Speaker]| -> Vec<String> {
        l.iter()
            .map(|x| x.iso3.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(
        iso(&v.in_favour),
        [
            "DZA", "CHN", "DNK", "GRC", "GUY", "PAK", "PAN", "KOR", "SLE", "SVN", "SOM", "GBR",
            "USA"
        ]
    );
    assert!(v.against.is_empty());
    assert_eq!(iso(&v.abstaining), ["RUS"]);
    assert_eq!(
        v.result.as_deref(),
        Some(
            "The draft resolution received 13 votes in favour, none against and 1 abstention. \
             The draft resolution has been adopted as resolution 2817 (2026)."
        )
    );
    assert!(v.span.slice(&src).starts_with("In favour:\nAlgeria"));
    assert!(v.span.slice(&src).ends_with("2817 (2026)."));
    // The acting president's turn ends before the vote; the vote's lines
    // are headers, not anyone's words.
    assert_eq!(
        s.statements[6].text,
        "I shall now put the draft resolution to the vote."
    );
    assert!(s
        .headers
        .iter()
        .any(|h| h.kind == HeaderKind::Vote && h.text == "None"));
    // Other layouts' JSON carries no `votes`; this one does.
    assert!(s.to_json().contains("\"votes\": ["));
    let other = parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
    assert!(!other.to_json().contains("\"votes\""));
    assert!(!other.to_json().contains("\"members\""));
}

#[test]
fn one_state_a_line_and_states_after_the_colon() {
    let src = "The President: We vote.\nIn favour: Chile,\nPeru\nAgainst:\nCuba\nBolivia (Plurinational State of)\nAbstaining: None\nThe result was 2 votes to 2.\n";
    let s = checked(src);
    let v = &s.votes[0];
    assert_eq!(v.in_favour.len(), 2);
    let against: Vec<Option<&str>> = v.against.iter().map(|x| x.iso3.as_deref()).collect();
    assert_eq!(against, [Some("CUB"), Some("BOL")]);
    assert!(v.abstaining.is_empty());
    assert_eq!(v.result.as_deref(), Some("The result was 2 votes to 2."));
}

#[test]
fn json_round_trips() {
    let src = fixture();
    let s = checked(&src);
    let back = Session::from_json(&s.to_json()).unwrap();
    assert_eq!(back.votes, s.votes);
    assert_eq!(back.meta, s.meta);
    assert_eq!(back.statements, s.statements);
}

#[test]
fn cut_anywhere_it_keeps_its_guarantees() {
    let src = fixture();
    for (i, _) in src.char_indices().step_by(7) {
        let part = &src[..i];
        if let Ok(s) = parse_as(Format::Pv, part) {
            s.verify(part).unwrap();
        }
        let part = &src[i..];
        if let Ok(s) = parse_as(Format::Pv, part) {
            s.verify(part).unwrap();
        }
    }
}

#[test]
fn errors_are_located() {
    let err = parse_as(Format::Pv, "\n\n  some words here\n").unwrap_err();
    assert_eq!((err.line(), err.column()), (3, 3));
    assert!(err.to_string().contains("The President:"));
}

#[test]
fn a_general_assembly_record() {
    let src =
        "United Nations A/80/PV.45\nGeneral Assembly\nEightieth session\n45th plenary meeting\n\
        Friday, 14 November 2025, 3 p.m.\nNew York\n\nPresident: Ms. Example ........ (Ghana)\n\n\
        The meeting was called to order at 3.10 p.m.\n\n\
        The President: I give the floor to the representative of Peru.\n\
        Mrs. Quispe (Peru) (spoke in Spanish): Gracias.\n";
    assert_eq!(detect(src), Some(Format::Pv));
    let s = checked(src);
    assert_eq!(s.meta.symbol.as_deref(), Some("A/80/PV.45"));
    assert_eq!(s.meta.body.as_deref(), Some("General Assembly"));
    assert_eq!((s.meta.session, s.meta.meeting), (Some(80), Some(45)));
    assert_eq!(s.meta.time_start.as_deref(), Some("15:00"));
    assert_eq!(s.meta.president.as_deref(), Some("Ms. Example (Ghana)"));
    assert_eq!(s.statements[1].speaker.iso3.as_deref(), Some("PER"));
    assert_eq!(s.statements[1].language.as_deref(), Some("Spanish"));
}

#[test]
fn prose_mentioning_a_speaker_is_not_a_turn() {
    let src = "The President: We heard that\nMr. Smith (Canada) said: nothing new.\nMr. Smith: is a name.\n";
    let s = checked(src);
    // `Mr. Smith (Canada) said:` is prose; `Mr. Smith:` is a briefer's turn.
    assert_eq!(s.statements.len(), 2);
    assert_eq!(
        s.statements[0].text,
        "We heard that Mr. Smith (Canada) said: nothing new."
    );
    assert_eq!(s.statements[1].speaker.label, "Mr. Smith");
}

#[test]
fn huge_and_hostile_inputs_stay_linear() {
    let n = 1 << 18;
    let inputs = [
        format!("Mr. {}", "Abc ".repeat(n)),
        format!(
            "The President: x\n{}",
            "Mr. Volkov (Russian Federation) (spoke in\n".repeat(n / 8)
        ),
        format!("In favour:\n{}", "Chile, Peru,\n".repeat(n / 4)),
        format!("The President: {}", "inter-\n".repeat(n / 2)),
        format!("S/PV.1\n{}", "2/25 26-01234\n".repeat(n / 4)),
        format!("Members: {}", "Chile .... Mr. X\n".repeat(n / 4)),
        format!("The President: a\n{}", "(".repeat(n)),
        "\u{feff}S/PV.9 \u{a0}é\u{2026}\u{2026}…\nThe President: é-\nÉ-\nin-\n".to_string(),
    ];
    let mut parsed = 0;
    for src in &inputs {
        let start = std::time::Instant::now();
        match parse_as(Format::Pv, src) {
            Ok(s) => {
                s.verify(src).unwrap();
                parsed += 1;
            }
            Err(e) => assert!(e.offset() <= src.len() && e.line() >= 1),
        }
        assert!(
            start.elapsed().as_secs() < 20,
            "too slow on {:?}",
            &src[..40.min(src.len())]
        );
    }
    // All but the label-less name run are records of this layout.
    assert_eq!(parsed, inputs.len() - 1);
}

#[test]
fn the_result_said_by_the_president_is_the_votes_result() {
    let src = "The President: I put it to the vote.\nIn favour:\nChile, Peru\nAgainst:\nNone\n\
        Abstaining:\nCuba\nThe President: The draft resolution received 2 votes in favour, none\n\
        against and 1 abstention. It has been adopted.\nThe President: Nothing else.\n";
    let s = checked(src);
    assert_eq!(
        s.votes[0].result.as_deref(),
        Some("The draft resolution received 2 votes in favour, none against and 1 abstention.")
    );
    // The words stay the President's too.
    assert!(s.statements[1]
        .text
        .starts_with("The draft resolution received"));
    // A turn after a vote that says nothing of it gives no result.
    let other = src.replace(
        "The draft resolution received 2 votes",
        "We thank 2 delegations",
    );
    assert_eq!(checked(&other).votes[0].result, None);
}

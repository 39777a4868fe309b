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
    // The President is the front matter's; the Acting President is not.
    let persons: Vec<Option<&str>> = s
        .statements
        .iter()
        .map(|st| st.speaker.person.as_deref())
        .collect();
    assert_eq!(
        persons,
        [
            Some("Mr. Adeyemi"),
            None,
            Some("Mr. Volkov"),
            Some("Ms. Lindqvist"),
            Some("Mr. HALVORSEN"),
            Some("Ms. Garcia"),
            None,
            Some("Mr. Adeyemi"),
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
            .map(|x| x.iso3.as_deref().unwrap_or_default().to_string())
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
    let c = v.counts.unwrap();
    assert_eq!(
        (c.in_favour, c.against, c.abstaining),
        (Some(13), Some(0), Some(1))
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
    for src in [fixture(), assembly()] {
        cut_anywhere(&src);
    }
}

fn cut_anywhere(src: &str) {
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
        // Many footnote markers, and many lines that open with their
        // numbers, with no page foot in reach.
        format!(
            "The President: {}\n{}",
            "word1 ".repeat(n / 2),
            "1 note\n".repeat(n / 4)
        ),
        // Footnotes confirmed again and again at page feet.
        format!(
            "The President: {}",
            "text1 x.\n1 A/1.\nS/PV.1 01/01/2026\n".repeat(n / 16)
        ),
        // Labels that wrap across the most furniture, many times.
        format!(
            "The President: x\n{}",
            "Mr. Abc (Chile) (spoke in\n2/25 26-01234\n\n*2601234*\n".repeat(n / 16)
        ),
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

fn assembly() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pv_assembly.txt"
    ))
    .unwrap()
}

#[test]
fn footnotes_are_furniture_and_their_markers_leave_the_text() {
    let src = assembly();
    assert_eq!(detect(&src), Some(Format::Pv));
    let s = checked(&src);
    let furniture: Vec<&str> = s
        .skipped
        .iter()
        .filter(|k| k.reason == SkipReason::PageFurniture)
        .map(|k| k.span.slice(&src))
        .collect();
    assert_eq!(furniture.len(), 2);
    assert!(furniture[1].starts_with("1 Official Records of the General Assembly"));
    assert!(furniture[1].contains("\n2 A/81/480.\n"));
    assert!(furniture[1].ends_with("4/18 26-41870"));
    for st in &s.statements {
        assert!(!st.text.contains("Official Records"), "{}", st.text);
        assert!(!st.text.contains("A/81/480"), "{}", st.text);
    }
    // Each marker whose footnote was found is taken out of the text, in
    // the statement that closed before the footnotes and in the one still
    // open; the span keeps the raw bytes.
    assert_eq!(
        s.statements[0].text,
        "The Assembly will now consider the report of the Third Committee on agenda item 71. \
         I give the floor to the Rapporteur."
    );
    assert!(s.statements[0].span.slice(&src).contains("Committee1 on"));
    assert!(s.statements[1]
        .text
        .starts_with("I have the honour to introduce the report of the Committee. The draft"));
    assert!(s.statements[1].text.ends_with("after long consultations."));
    // A marker with no footnote on its page stays as written.
    assert_eq!(
        s.statements[5].text,
        "The Holy See thanks the President for her leadership.3 We look to 2027 with hope."
    );
}

#[test]
fn a_number_line_is_a_footnote_only_when_a_marker_calls_it_at_a_page_foot() {
    // No marker calls `2`: the line is the statement's.
    let src = "The President: We count\n2 delegations on the list.\nS/PV.1 01/01/2026\n";
    let s = checked(src);
    assert_eq!(s.statements[0].text, "We count 2 delegations on the list.");
    // A marker, but no page furniture within reach: still text.
    let src = "The President: See the report2 here.\n2 delegations spoke.\nThey agreed.\n\
        Then\nmore\ntext\nlines\nfollow\nhere\nbefore\nthe\nfoot.\nS/PV.1 01/01/2026\n";
    let s = checked(src);
    assert!(s.statements[0]
        .text
        .contains("report2 here. 2 delegations spoke."));
    // The same at a page foot is a footnote.
    let src = "The President: See the report2 here.\n2 S/2026/10.\nS/PV.1 01/01/2026\nWe go on.\n";
    let s = checked(src);
    assert_eq!(s.statements[0].text, "See the report here. We go on.");
    assert_eq!(
        s.skipped[0].span.slice(src),
        "2 S/2026/10.\nS/PV.1 01/01/2026"
    );
    // At the end of the record too.
    let src = "The President: The text9 stands.\n9 A/81/1.\n";
    let s = checked(src);
    assert_eq!(s.statements[0].text, "The text stands.");
    assert_eq!(s.skipped.len(), 1);
}

#[test]
fn the_general_assembly_vote_its_counts_and_its_notes() {
    let src = assembly();
    let s = checked(&src);
    assert_eq!(s.votes.len(), 1);
    let v = &s.votes[0];
    assert_eq!(
        (v.in_favour.len(), v.against.len(), v.abstaining.len()),
        (10, 2, 3)
    );
    assert_eq!(
        v.result.as_deref(),
        Some("Draft resolution I was adopted by 10 votes to 2, with 3 abstentions (resolution 81/150).")
    );
    let c = v.counts.unwrap();
    assert_eq!(
        (c.in_favour, c.against, c.abstaining),
        (Some(10), Some(2), Some(3))
    );
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
            "The meeting was called to order at 3.05 p.m.",
            "A recorded vote was taken.",
            "[Subsequently, the delegation of Fiji informed the Secretariat that it had \
             intended to vote in favour.]",
            "Draft resolution II was adopted (resolution 81/151).",
            "The meeting was suspended at 4.40 p.m. and resumed at 5.10 p.m.",
            "The meeting rose at 6 p.m.",
        ]
    );
    assert_eq!(
        of(HeaderKind::AgendaItem),
        [
            "Agenda item 71 (continued)",
            "Promotion and protection of human rights",
            "Report of the Third Committee (A/81/480)",
            "Agenda item 12",
            "Prevention of armed conflict",
        ]
    );
    // Nothing between the turns became a note.
    assert!(of(HeaderKind::Note).is_empty());
    assert!(s
        .skipped
        .iter()
        .all(|k| k.reason == SkipReason::PageFurniture));
}

#[test]
fn persons_and_functions_are_typed() {
    let src = assembly();
    let s = checked(&src);
    type Typed<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let got: Vec<Typed<'_>> = s
        .statements
        .iter()
        .map(|st| {
            (
                st.speaker.person.as_deref(),
                st.speaker.function.as_deref(),
                st.speaker.iso3.as_deref(),
                st.language.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got[..2],
        [
            // The President is the person the front matter names.
            (Some("Ms. Varga"), Some("President"), None, None),
            (
                Some("Mr. Ndiaye"),
                Some("Rapporteur of the Third Committee"),
                Some("SEN"),
                Some("French")
            ),
        ]
    );
    assert_eq!(got[5], (Some("Archbishop Conti"), None, Some("VAT"), None));
    assert_eq!(s.statements[5].speaker.role, Role::Observer);
}

#[test]
fn lines_between_turns_are_typed_or_skipped_with_a_reason() {
    let src = "The President: We vote.\nA vote was taken by show of hands.\nIn favour:\nChile\n\
        Against:\nNone\nAbstaining:\nNone\nThe draft was adopted by one vote to none.\n\
        We shall now hear explanations of vote\nafter the voting.\n\
        Agenda item 5\nThe situation in the Middle East\nMr. Rojas (Chile): Thank you.\n";
    let s = checked(src);
    assert_eq!(s.statements.len(), 2);
    let c = s.votes[0].counts.unwrap();
    assert_eq!(
        (c.in_favour, c.against, c.abstaining),
        (Some(1), Some(0), None)
    );
    let unattributed: Vec<&str> = s
        .skipped
        .iter()
        .filter(|k| k.reason == SkipReason::UnattributedText)
        .map(|k| k.span.slice(src))
        .collect();
    assert_eq!(
        unattributed,
        ["We shall now hear explanations of vote\nafter the voting."]
    );
    assert_eq!(
        s.headers.last().map(|h| (h.kind, h.text.as_str())),
        Some((HeaderKind::AgendaItem, "The situation in the Middle East"))
    );
    assert!(s.headers.iter().all(|h| h.kind != HeaderKind::Note));
    assert_eq!(
        oewg_core::SkipReason::UnattributedText.as_str(),
        "unattributed_text"
    );
}

#[test]
fn vote_counts_in_the_forms_records_use() {
    use oewg_core::formats::pv::vote_counts;
    let c = |s: &str| vote_counts(s).map(|c| (c.in_favour, c.against, c.abstaining));
    assert_eq!(
        c("The draft resolution received 13 votes in favour, none against and 2 abstentions."),
        Some((Some(13), Some(0), Some(2)))
    );
    assert_eq!(
        c("There were fifteen votes in favour."),
        Some((Some(15), None, None))
    );
    assert_eq!(
        c("received twelve votes in favour to two against, with one abstention"),
        Some((Some(12), Some(2), Some(1)))
    );
    assert_eq!(
        c("adopted by 120 votes to none, with no abstentions"),
        Some((Some(120), Some(0), Some(0)))
    );
    assert_eq!(
        c("The result of the voting was 9 in favour, 3 against, 3 abstaining."),
        Some((Some(9), Some(3), Some(3)))
    );
    assert_eq!(
        c("received twenty-one votes in favour and no votes against"),
        Some((Some(21), Some(0), None))
    );
    // No count: nothing invented.
    assert_eq!(c("The draft resolution was adopted unanimously."), None);
    assert_eq!(c("There were no objections. One delegation spoke."), None);
    assert_eq!(c("adopted as resolution 2817 (2026)."), None);
}

#[test]
fn the_assembly_record_lists_the_agenda_headings_it_takes_up() {
    let src = assembly();
    let s = checked(&src);
    assert_eq!(
        s.meta.agenda_items,
        [
            "Agenda item 71",
            "Promotion and protection of human rights",
            "Report of the Third Committee (A/81/480)",
            "Agenda item 12",
            "Prevention of armed conflict",
        ]
    );
    // The headings stay headers, as written.
    assert!(s
        .headers
        .iter()
        .any(|h| h.kind == HeaderKind::AgendaItem && h.text == "Agenda item 71 (continued)"));
}

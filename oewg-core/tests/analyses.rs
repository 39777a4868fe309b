//! The analyses over the real records in `../shared/seeds`: speaker
//! resolution, the floor audit, alignments, agenda segments, topics and
//! the report check, against what a reader of each record finds in it.

use oewg_core::analysis::{Alignment, AlignmentKind, AnomalyKind, FloorEventKind, Topic};
use oewg_core::{parse, Role, Session};
use std::path::PathBuf;

fn seed(name: &str) -> (String, Session) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/seeds")
        .join(name);
    let src = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading seed {}: {e}", path.display()));
    let session = parse(&src).expect("seed parses");
    (src, session)
}

const VERBATIM: &str = "000_7135191b872dcc1d.txt";
const REPORT: &str = "004_b03c78f8038a68f6.txt";

#[test]
fn every_speaker_label_of_both_seeds_resolves() {
    for name in [VERBATIM, REPORT] {
        let (_, s) = seed(name);
        for st in &s.statements {
            let sp = &st.speaker;
            assert_ne!(sp.role, Role::Unknown, "{name}: {:?}", sp.label);
            assert!(sp.name.is_some(), "{name}: {:?}", sp.label);
            assert_eq!(sp.confidence, 1.0, "{name}: {:?}", sp.label);
            if sp.role == Role::Delegation {
                assert!(sp.iso3.is_some(), "{name}: {:?}", sp.label);
                assert!(sp.regional_group.is_some(), "{name}: {:?}", sp.label);
            }
        }
    }
    // The report's group statement is Tonga's delegation speaking for the
    // Pacific Islands Forum.
    let (_, s) = seed(REPORT);
    let tonga = &s.statements[1].speaker;
    assert_eq!(tonga.label, "Pacific Islands Forum – Tonga");
    assert_eq!(
        (
            tonga.role,
            tonga.name.as_deref(),
            tonga.on_behalf_of.as_deref()
        ),
        (
            Role::Delegation,
            Some("Tonga"),
            Some("Pacific Islands Forum")
        )
    );
}

/// (agenda item, sub-item, title, first statement) of a segment.
type Segment<'a> = (Option<u32>, Option<u32>, Option<&'a str>, usize);

/// (kind, speaker, statements) of every anomaly.
fn anomalies(s: &Session) -> Vec<(AnomalyKind, &str, Vec<usize>)> {
    s.analysis
        .floor_audit
        .anomalies
        .iter()
        .map(|a| (a.kind, a.speaker.as_str(), a.statements.clone()))
        .collect()
}

fn aligned<'a>(s: &'a Session, speaker: &str) -> Vec<&'a Alignment> {
    s.analysis
        .alignments
        .iter()
        .filter(|a| a.speaker == speaker)
        .collect()
}

/// Who agreed with whom (alignments of kind `agrees`), in order.
fn agreements(s: &Session) -> Vec<(&str, &str)> {
    s.analysis
        .alignments
        .iter()
        .filter(|a| a.kind == AlignmentKind::Agrees)
        .map(|a| (a.speaker.as_str(), a.aligned_with.as_str()))
        .collect()
}

/// Every excerpt's text is the statement's text at its offsets.
fn assert_excerpts_point_into_statements(s: &Session) {
    let a = &s.analysis;
    let excerpts = a
        .floor_audit
        .events
        .iter()
        .map(|e| &e.excerpt)
        .chain(
            a.floor_audit
                .anomalies
                .iter()
                .filter_map(|x| x.excerpt.as_ref()),
        )
        .chain(a.alignments.iter().map(|x| &x.excerpt))
        .chain(a.segments.iter().filter_map(|x| x.excerpt.as_ref()));
    for e in excerpts {
        let st = &s.statements[e.statement];
        assert_eq!(&st.text[e.start..e.end], e.text);
        let p = e
            .paragraph
            .expect("seed statements record their paragraphs");
        assert!(st.span.start <= p.start && p.end <= st.span.end);
    }
}

#[test]
fn verbatim_seed_floor_audit() {
    let (_, s) = seed(VERBATIM);
    assert_excerpts_point_into_statements(&s);
    // The Chair thanks Iraq and Cuba, whose statements the transcript
    // files under the Chair's own label after the Chair gives them the
    // floor: each thanks points back at that turn.
    assert_eq!(
        anomalies(&s),
        [
            (AnomalyKind::UnlabelledChunk, "Iraq", vec![46]),
            (AnomalyKind::ThankedNotHeard, "Iraq", vec![46, 47]),
            (AnomalyKind::UnlabelledChunk, "Cuba", vec![103]),
            (AnomalyKind::ThankedNotHeard, "Cuba", vec![103, 104]),
        ]
    );
    let audit = &s.analysis.floor_audit;
    let iraq = &audit.anomalies[1];
    assert!(iraq
        .excerpt
        .as_ref()
        .unwrap()
        .text
        .starts_with("Thank you very much, Iraq"));
    // Everyone who spoke, but for Iraq and Cuba, was announced.
    let heard: std::collections::BTreeSet<&str> = s
        .statements
        .iter()
        .filter(|st| st.speaker.role != Role::Chair)
        .filter_map(|st| st.speaker.name.as_deref())
        .collect();
    for name in &heard {
        assert!(
            audit.announced.iter().any(|a| a == name),
            "{name} unannounced"
        );
    }
    assert_eq!(audit.announced.len(), heard.len() + 2);
    // "Thank you very much. Japan for your statement." (28) and "Thank you
    // very much. Denmark." (61): the name in the sentence after the thanks.
    for (name, statement) in [("Japan", 28), ("Denmark", 61)] {
        assert!(
            audit
                .events
                .iter()
                .any(|e| e.kind == FloorEventKind::Thanked
                    && e.excerpt.statement == statement
                    && e.speakers[0].name == name),
            "{name}"
        );
    }
    assert!(audit
        .events
        .iter()
        .any(|e| e.kind == FloorEventKind::ListClosed
            && e.excerpt.text.contains("exhausted the list")));
}

#[test]
fn verbatim_seed_alignments_and_segments() {
    let (_, s) = seed(VERBATIM);
    let czechia = aligned(&s, "Czechia");
    assert_eq!(czechia.len(), 2);
    assert_eq!(czechia[0].aligned_with, "European Union");
    assert_eq!(czechia[0].statement, 3);
    // "… could be even more ambitious, as articulated by my Estonian
    // colleague": a point agreed, not a statement aligned with.
    assert_eq!(
        (czechia[1].aligned_with.as_str(), czechia[1].kind),
        ("Estonia", AlignmentKind::Agrees)
    );
    for (who, with) in [
        ("Germany", "European Union"),
        ("Estonia", "European Union"),
        ("Denmark", "European Union"),
        ("France", "European Union"),
        // "the statement made by the European Union to which we fully subscribe"
        ("Latvia", "European Union"),
        // "not just of the European Union, but from Mexico, …"
        ("Denmark", "Mexico"),
        ("Denmark", "Brazil"),
        // "joins in the statements made by Egypt and France"
        ("Ecuador", "Egypt"),
        ("Ecuador", "France"),
        // The EU's "The candidate countries … aligned themselves with this statements"
        ("North Macedonia", "European Union"),
        ("Georgia", "European Union"),
        ("Republic of Moldova", "European Union"),
    ] {
        assert!(
            aligned(&s, who).iter().any(|a| a.aligned_with == with),
            "{who}"
        );
    }
    // Agreements, of their own kind: every one the seed holds, exactly.
    let agreements = agreements(&s);
    assert_eq!(
        agreements,
        [
            // Words said over: "as was noted by Thailand", "as it was
            // already anticipated by the EU delegation", "As the European
            // Union and other delegations indicated", "as stated by the
            // distinguished delegation of Mexico", "As highlighted by the
            // EU", "as my colleague from the EU said", "as expressed by the
            // member states of the European Union".
            ("Australia", "Thailand"),
            ("Italy", "European Union"),
            ("Republic of Korea", "European Union"),
            ("Costa Rica", "Mexico"),
            ("Germany", "European Union"),
            ("United Kingdom", "European Union"),
            ("Poland", "European Union"),
            // "we share the view expressed by South Africa"
            ("Russian Federation", "South Africa"),
            // "As our colleagues from Costa Rica have eloquently noted"
            ("Estonia", "Costa Rica"),
            // "we also agree with the speaker from the United Kingdom, who noted …"
            ("Estonia", "United Kingdom"),
            // "We agree with the speaker from the Russian Federation on one thing"
            ("Estonia", "Russian Federation"),
            // "as articulated by my Estonian colleague"
            ("Czechia", "Estonia"),
            // "As France just illustrated"
            ("Switzerland", "France"),
            // "Following what has been stated by Egypt, France and others"
            ("Argentina", "Egypt"),
            ("Argentina", "France"),
        ]
    );
    // Capacity building, then organizational matters (stakeholders),
    // regular institutional dialogue, and other matters.
    let seg: Vec<Segment> = s
        .analysis
        .segments
        .iter()
        .map(|g| {
            (
                g.agenda_item,
                g.sub_item,
                g.title.as_deref(),
                g.first_statement,
            )
        })
        .collect();
    assert_eq!(
        seg,
        [
            (Some(5), None, Some("capacity building"), 0),
            (Some(3), None, Some("organizational matters"), 6),
            (Some(5), Some(6), Some("regular institutional dialogue"), 73),
            (Some(6), None, Some("other matters"), 112),
        ]
    );
    let turns: usize = s.analysis.segments.iter().map(|g| g.turns).sum();
    assert_eq!(turns, s.statements.len());
}

#[test]
fn report_seed_floor_audit() {
    let (_, s) = seed(REPORT);
    assert_excerpts_point_into_statements(&s);
    assert_eq!(
        anomalies(&s),
        [
            (AnomalyKind::ChairCorrection, "Belarus", vec![39]),
            (AnomalyKind::AnnouncedNotHeard, "Egypt", vec![50]),
            (AnomalyKind::ForeignChunk, "Chile", vec![58, 59, 60]),
            (AnomalyKind::HeardUnannounced, "Thailand", vec![62]),
        ]
    );
    let audit = &s.analysis.floor_audit;
    // "Check here" is the Chair's "Czechia", as heard by the recogniser.
    let check_here = audit
        .events
        .iter()
        .flat_map(|e| &e.speakers)
        .find(|n| n.as_written == "Check here")
        .expect("the Chair's misheard Czechia is an announced name");
    assert_eq!(check_here.name, "Czechia");
    assert!(check_here.confidence > 0.5 && check_here.confidence < 1.0);
    let egypt = &audit.anomalies[1];
    assert_eq!(
        egypt.excerpt.as_ref().unwrap().text,
        "Slovakia, to be followed by Egypt."
    );
    // The chunk labelled Cuba sits between two turns labelled Chile.
    assert_eq!(s.statements[59].speaker.label, "Cuba");
}

#[test]
fn report_seed_alignments() {
    let (_, s) = seed(REPORT);
    for who in ["Estonia", "Italy", "Czechia"] {
        let a = aligned(&s, who);
        assert_eq!(a.len(), 1, "{who}");
        assert_eq!(
            (a[0].aligned_with.as_str(), a[0].on_behalf_of.as_deref()),
            ("European Union", None),
            "{who}"
        );
    }
    let senegal = aligned(&s, "Senegal");
    assert_eq!(senegal.len(), 1);
    assert_eq!(
        (
            senegal[0].aligned_with.as_str(),
            senegal[0].on_behalf_of.as_deref()
        ),
        ("Nigeria", Some("African Group"))
    );
    let iran = aligned(&s, "Islamic Republic of Iran");
    assert_eq!(
        (
            iran[0].aligned_with.as_str(),
            iran[0].on_behalf_of.as_deref()
        ),
        ("Nicaragua", Some("Group of Like-Minded States"))
    );
    let el_salvador = aligned(&s, "El Salvador");
    assert_eq!(el_salvador[0].aligned_with, "Argentina");
    // "… particularly on smaller states, as Tonga noted on behalf of the
    // Pacific Islands Forum", an agreement, then "I would endorse Tonga's
    // remarks on behalf of the Pacific Islands Forum", an alignment, said
    // again in the same statement ("We also support Tonga's remarks that
    // …") and still one.
    let new_zealand: Vec<(&str, Option<&str>, AlignmentKind)> = aligned(&s, "New Zealand")
        .iter()
        .map(|a| (a.aligned_with.as_str(), a.on_behalf_of.as_deref(), a.kind))
        .collect();
    assert_eq!(
        new_zealand,
        [
            (
                "Tonga",
                Some("Pacific Islands Forum"),
                AlignmentKind::Agrees
            ),
            (
                "Tonga",
                Some("Pacific Islands Forum"),
                AlignmentKind::Aligns
            )
        ]
    );
    // "Slovakia identifies with the statement of the European Union and
    // specifically the esteemed delegate of France."
    let slovakia: Vec<&str> = aligned(&s, "Slovakia")
        .iter()
        .map(|a| a.aligned_with.as_str())
        .collect();
    assert_eq!(slovakia, ["European Union", "France"]);
    assert_eq!(s.analysis.alignments.len(), 22);
    // "as my distinguished colleague from South Africa also mentioned";
    // "we fully agree with the call by the Pacific Island Forum and
    // others"; "as Tonga noted on behalf of the Pacific Islands Forum";
    // "this is in a vein to what was said by Mexico and El Salvador"; "We
    // wish to join the U.S. as they have presented some grave concerns".
    let agreements = agreements(&s);
    assert_eq!(
        agreements,
        [
            ("Republic of Moldova", "South Africa"),
            ("United Kingdom", "Pacific Islands Forum"),
            ("New Zealand", "Tonga"),
            ("Chile", "Mexico"),
            ("Chile", "El Salvador"),
            ("Israel", "United States")
        ]
    );
    assert_eq!(s.analysis.segments.len(), 1);
    assert_eq!(
        s.analysis.segments[0].title.as_deref(),
        Some("regular institutional dialogue")
    );
}

#[test]
fn report_seed_checked_against_its_transcript() {
    let (_, s) = seed(REPORT);
    let check = s.analysis.report_check.as_ref().expect("a report");
    assert_eq!(check.blocks_checked, 33);
    assert!(check.length_mismatches.is_empty());
    assert!(check.listed_not_heard.is_empty());
    assert!(check.heard_not_listed.is_empty());
    // France is agreed and differed with, and never speaks.
    let names: Vec<&str> = check
        .names_not_heard
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(names, ["France"]);
    assert_eq!(
        check.names_not_heard[0].places,
        ["differed_with", "differences"]
    );
    assert_eq!(check.arguments_checked, 50);
    let stats = &s.analysis.statistics;
    assert_eq!(stats.report_speakers.len(), 33);
    assert_eq!(
        stats
            .report_speakers
            .iter()
            .map(|r| r.arguments)
            .sum::<usize>(),
        50
    );
}

#[test]
fn topics_of_both_seeds() {
    for name in [VERBATIM, REPORT] {
        let (_, s) = seed(name);
        let t = &s.analysis.topics;
        assert_eq!(t.counts.len(), Topic::ALL.len());
        for st in &t.statements {
            for tag in &st.tags {
                for hit in &tag.evidence {
                    let text = &s.statements[st.statement].text[hit.start..hit.end];
                    assert!(
                        text.eq_ignore_ascii_case(&hit.term),
                        "{text} vs {}",
                        hit.term
                    );
                }
            }
        }
    }
    let count = |s: &Session, topic: Topic| {
        s.analysis
            .topics
            .counts
            .iter()
            .find(|c| c.topic == topic)
            .unwrap()
            .statements
    };
    // The verbatim record's morning was capacity building, stakeholder
    // modalities and institutional dialogue; the report's afternoon was
    // institutional dialogue.
    let (_, v) = seed(VERBATIM);
    let (_, r) = seed(REPORT);
    assert!(count(&v, Topic::CapacityBuilding) > count(&v, Topic::InternationalLaw));
    assert!(count(&v, Topic::Stakeholders) > 0);
    assert!(count(&r, Topic::InstitutionalDialogue) > count(&r, Topic::Threats));
    // The figures README.md gives: (topic, statements, terms) of each
    // seed, and the statements tagged with any topic.
    let figures = |s: &Session| {
        let counts: Vec<(&str, usize, usize)> = s
            .analysis
            .topics
            .counts
            .iter()
            .map(|c| (c.topic.as_str(), c.statements, c.terms))
            .collect();
        let tagged = s
            .analysis
            .topics
            .statements
            .iter()
            .filter(|t| !t.tags.is_empty())
            .count();
        (tagged, counts)
    };
    assert_eq!(
        figures(&v),
        (
            61,
            vec![
                ("threats", 13, 33),
                ("norms", 17, 38),
                ("international_law", 7, 8),
                ("confidence_building", 10, 14),
                ("capacity_building", 17, 55),
                ("institutional_dialogue", 25, 92),
                ("stakeholders", 47, 167),
                ("decision_making", 13, 23),
            ]
        )
    );
    assert_eq!(
        figures(&r),
        (
            36,
            vec![
                ("threats", 21, 55),
                ("norms", 22, 40),
                ("international_law", 23, 42),
                ("confidence_building", 15, 24),
                ("capacity_building", 24, 66),
                ("institutional_dialogue", 36, 323),
                ("stakeholders", 30, 166),
                ("decision_making", 23, 40),
            ]
        )
    );
}

/// Every offset an analysis gives lies on the text it names, the
/// statements it names exist, and running the analyses again changes
/// nothing.
fn assert_analysis_consistent(s: &Session) {
    let a = &s.analysis;
    assert_eq!(*a, oewg_core::analysis::analyze(s));
    let text = |i: usize| s.statements[i].text.as_str();
    let excerpts = a
        .floor_audit
        .events
        .iter()
        .map(|e| &e.excerpt)
        .chain(
            a.floor_audit
                .anomalies
                .iter()
                .filter_map(|x| x.excerpt.as_ref()),
        )
        .chain(a.alignments.iter().map(|x| &x.excerpt))
        .chain(a.segments.iter().filter_map(|x| x.excerpt.as_ref()));
    for e in excerpts {
        assert_eq!(text(e.statement).get(e.start..e.end), Some(e.text.as_str()));
    }
    for x in &a.floor_audit.anomalies {
        assert!(x.statements.iter().all(|&i| i < s.statements.len()));
    }
    for t in &a.topics.statements {
        for tag in &t.tags {
            for h in &tag.evidence {
                let got = text(t.statement).get(h.start..h.end).unwrap();
                assert!(got.eq_ignore_ascii_case(&h.term));
            }
        }
    }
    let turns: usize = a.segments.iter().map(|g| g.turns).sum();
    assert_eq!(turns, s.statements.len());
    let back = Session::from_json(&s.to_json()).unwrap();
    assert_eq!(back.analysis, *a);
}

mod generated {
    use super::*;
    use proptest::prelude::*;

    const NAMES: &[&str] = &[
        "Peru",
        "Chile",
        "Czech Republic",
        "Check here",
        "the EU",
        "Iran",
        "Saudia Arabia",
        "US",
        "us",
        "Secretariat",
        "Pacific Islands Forum – Tonga",
        "é",
        "Niger",
        "Nigeria",
    ];
    const CHAIR: &[&str] = &[
        "Thank you, {}.",
        "Thank you very much {} for your statement.",
        "{}, to be followed by {}.",
        "I give the floor to {}.",
        "{}, you have the floor.",
        "{}, please.",
        "Sorry, I left out {}.",
        "To be followed by {}.",
        "The list of speakers is closed.",
        "We now proceed to agenda item six, on {}.",
        "We continue with sub-item {} relating to norms.",
    ];
    const SPEAKER: &[&str] = &[
        "We align ourselves with {}.",
        "{} aligns itself with the statement by {} on behalf of the African Group.",
        "We do not align with {}.",
        "Capacity-building, consensus and the programme of action.",
        "Ransomware threatens {}'s critical infrastructure.",
        "“Quoted.” Mr. {} said.\n\nAnother paragraph.",
    ];

    fn fill(template: &str, names: &[usize]) -> String {
        let mut out = String::new();
        let mut k = 0;
        for (i, piece) in template.split("{}").enumerate() {
            if i > 0 {
                out.push_str(NAMES[names[k % names.len()] % NAMES.len()]);
                k += 1;
            }
            out.push_str(piece);
        }
        out
    }

    prop_compose! {
        fn turn()(chair in any::<bool>(), t in 0usize..11, n in proptest::collection::vec(0usize..14, 1..4), who in 0usize..14) -> String {
            if chair {
                format!("Chair: {}\n", fill(CHAIR[t % CHAIR.len()], &n))
            } else {
                format!("{}: {}\n", NAMES[who].replace(':', ""), fill(SPEAKER[t % SPEAKER.len()], &n))
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn analyses_hold_on_generated_meetings(turns in proptest::collection::vec(turn(), 1..40)) {
            let src = turns.concat();
            if let Ok(s) = parse(&src) {
                assert_analysis_consistent(&s);
            }
        }

        #[test]
        fn analyses_hold_on_any_text(text in "\\PC{0,200}") {
            if let Ok(s) = parse(&format!("Chair: {text}\nPeru: {text}\n")) {
                assert_analysis_consistent(&s);
            }
        }
    }
}

#[test]
fn both_seeds_are_consistent() {
    for name in [VERBATIM, REPORT] {
        assert_analysis_consistent(&seed(name).1);
    }
}

/// Cue words by the hundred thousand in one statement: the analyses stay
/// linear (a quadratic loop here would not finish).
#[test]
fn a_huge_statement_of_cues_is_linear() {
    let chair = "Peru, please, to be followed by Chile. Thank you, Peru. ".repeat(50_000);
    let speaker = "We align ourselves with the EU and Peru and Chile. ".repeat(50_000);
    let src = format!(
        "Chair: {chair}\nPeru: {speaker}\nChair: We proceed to agenda item {}\n",
        "item ".repeat(50_000)
    );
    let s = parse(&src).unwrap();
    // One announcement a sentence; the thanks after the first announcement
    // of a turn answer a request and are no event.
    assert_eq!(s.analysis.floor_audit.events.len(), 50_000);
    // Each sentence aligns Peru with the EU and Chile: one alignment with
    // each for the statement.
    assert_eq!(s.analysis.alignments.len(), 2);
    assert_eq!(s.analysis.segments.len(), 2);
}

/// One agreement over a list of a hundred thousand names with no full
/// stop: each ", and " is weighed by the words right after it, so the
/// sentence is read a bounded number of times.
#[test]
fn a_huge_list_of_agreement_is_linear() {
    let src = format!(
        "Chair: Chile, please.\nChile: We agree with Egypt, Brazil{}\n",
        ", and Peru, and Chile, and the United Kingdom".repeat(30_000)
    );
    let s = parse(&src).unwrap();
    let with: Vec<&str> = s
        .analysis
        .alignments
        .iter()
        .map(|a| a.aligned_with.as_str())
        .collect();
    assert_eq!(with, ["Egypt", "Brazil", "Peru", "United Kingdom"]);
}

/// A session a caller changed: statements filtered out (their `index` no
/// longer their position), reordered, indices made up, a span inverted.
/// Every analysis, rendering and export still gives a value: no panic.
#[test]
fn a_session_edited_by_hand_is_analysed_rendered_and_exported_without_a_panic() {
    for name in [VERBATIM, REPORT] {
        let (_, session) = seed(name);
        let mut edits: Vec<Session> = Vec::new();
        let mut kept = session.clone();
        kept.statements.retain(|st| st.index % 3 != 1);
        edits.push(kept.clone());
        kept.statements.reverse();
        edits.push(kept.clone());
        for (k, st) in kept.statements.iter_mut().enumerate() {
            st.index = 1000 + 7 * k;
        }
        if let Some(sk) = kept.skipped.first_mut() {
            sk.span = oewg_core::Span::new(sk.span.end, sk.span.start, 1, 1);
        }
        edits.push(kept);
        for s in edits {
            let analysis = oewg_core::analysis::analyze(&s);
            assert_eq!(analysis, oewg_core::analysis::analyze(&s));
            let glance = oewg_core::render::glance(&s);
            assert!(!glance.to_markdown().is_empty() && !glance.to_html().is_empty());
            assert!(!oewg_core::render::summary(&s, name).is_empty());
            let xml = oewg_core::export::tei::to_string(&s, "d1");
            assert!(
                xml.starts_with("<?xml") || xml.starts_with("<TEI"),
                "{}",
                &xml[..40.min(xml.len())]
            );
        }
    }
}

#[test]
fn the_report_figures_of_each_speaker_of_the_report_seed() {
    let (_, r) = seed(REPORT);
    let figures = oewg_core::analysis::report_figures(&r);
    let floor = oewg_core::analysis::floor(&r);
    let names = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        names(figures.iter().map(|f| f.speaker.as_str()).collect()),
        names(floor.iter().map(|f| f.speaker.as_str()).collect())
    );
    let canada = figures.iter().find(|f| f.speaker == "Canada").unwrap();
    assert_eq!(
        (
            canada.blocks,
            canada.speech_speed_wpm,
            canada.speech_length_words,
            canada.speech_time_s
        ),
        (1, Some(155), Some(1470), Some(567))
    );
    // Every speaker of the transcript has a block, and the words it gives
    // are the transcript's.
    for (f, row) in figures.iter().zip(&floor) {
        assert!(f.blocks >= 1, "{}", f.speaker);
        assert_eq!(
            f.speech_length_words,
            Some(row.words as u32),
            "{}",
            f.speaker
        );
    }
    let (_, v) = seed(VERBATIM);
    assert!(oewg_core::analysis::report_figures(&v).is_empty());
}

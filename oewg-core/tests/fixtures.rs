//! Fixtures of our own in each layout, and the golden JSON of the sample
//! record that the `oewg` example embeds. Set `UPDATE_GOLDEN=1` to rewrite
//! the golden file after an intended change, then review the diff.

use oewg_core::{parse, Format, HeaderKind, Role, SkipReason};
use std::path::PathBuf;

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap()
}

#[test]
fn colon_turns_fixture() {
    let src = read("tests/fixtures/colon_turns.txt");
    let s = parse(&src).unwrap();
    assert_eq!(s.meta.format, Format::Turns);
    assert_eq!((s.meta.session, s.meta.meeting), (Some(7), Some(4)));
    assert_eq!(
        s.headers.iter().map(|h| h.kind).collect::<Vec<_>>(),
        [HeaderKind::Title, HeaderKind::Process]
    );
    let who: Vec<(&str, Role)> = s
        .statements
        .iter()
        .map(|st| (st.speaker.label.as_str(), st.speaker.role))
        .collect();
    assert_eq!(
        who,
        [
            ("Chair", Role::Chair),
            ("Mexico", Role::Delegation),
            ("Indonesia", Role::Delegation),
            ("Chair", Role::Chair),
            ("Holy See", Role::Observer),
        ]
    );
    // A paragraph without a label continues the open turn.
    assert_eq!(s.statements[1].paragraphs.len(), 2);
    assert!(s.statements[1]
        .text
        .ends_with("it should be demand-driven."));
    assert!(s.skipped.is_empty());
    for st in &s.statements {
        assert!(st.span.slice(&src).starts_with(&st.speaker.label));
    }
}

#[test]
fn captions_fixture_with_bom_and_crlf() {
    let src = read("tests/fixtures/captions.txt");
    let s = parse(&src).unwrap();
    assert_eq!(s.meta.format, Format::Turns);
    assert_eq!(s.skipped.len(), 1);
    assert_eq!(s.skipped[0].reason, SkipReason::ByteOrderMark);
    let labels: Vec<&str> = s
        .statements
        .iter()
        .map(|st| st.speaker.label.as_str())
        .collect();
    assert_eq!(labels, ["CHAIR", "MS. OKAFOR", "", "UNIDIR RESEARCHER"]);
    assert_eq!(
        s.statements[0].text,
        "Good morning, everyone, and welcome to the open consultation on cyber norms."
    );
    assert_eq!(
        s.statements[1].text,
        "Thank you. I speak for a civil society coalition of researchers.\n\nWe have three points."
    );
    assert_eq!(s.statements[0].speaker.role, Role::Chair);
    assert_eq!(s.statements[3].speaker.role, Role::Organization);
    assert_eq!(s.statements[2].speaker.role, Role::Unknown);
    // Spans cover raw text, CR line ends included.
    assert_eq!(
        s.statements[0].span.slice(&src),
        ">> CHAIR: Good morning, everyone, and welcome\r\nto the open consultation on cyber norms."
    );
    assert_eq!(
        (
            s.statements[1].span.line_start,
            s.statements[1].span.line_end
        ),
        (3, 6)
    );
}

#[test]
fn sample_json_is_stable() {
    let src = read("../examples/sample.txt");
    let json = parse(&src).unwrap().to_json() + "\n";
    let golden = path("tests/golden/sample.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &json).unwrap();
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("golden file; run with UPDATE_GOLDEN=1 to create it");
    assert_eq!(json, expected, "the JSON of examples/sample.txt changed");
}

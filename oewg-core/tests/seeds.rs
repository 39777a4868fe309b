//! Integration tests over the real records in `../shared/seeds`, checking
//! the figures SPEC.md states as true of them.

use oewg_core::{parse, Format, HeaderKind, Role, Session, SkipReason};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/seeds")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reading seed {}: {e}", path.display()))
}

const VERBATIM: &str = "000_7135191b872dcc1d.txt";
const REPORT: &str = "004_b03c78f8038a68f6.txt";

/// Slicing the source with each statement's span gives back its raw text:
/// the label, then the paragraphs, whose normalised words are the text.
fn assert_spans_give_back_raw_text(src: &str, session: &Session) {
    let mut last_end = 0;
    for st in &session.statements {
        let raw = st.span.slice(src);
        assert!(
            !raw.is_empty() || st.speaker.label.is_empty(),
            "statement {} has an empty span",
            st.index
        );
        assert!(
            st.span.start >= last_end,
            "statement {} overlaps the previous one",
            st.index
        );
        last_end = st.span.end;
        assert_eq!(
            st.label_span.slice(src).trim(),
            st.speaker.label,
            "label of {}",
            st.index
        );
        let paragraphs: Vec<String> = st
            .paragraphs
            .iter()
            .map(|p| oewg_core::text::normalize(p.slice(src)))
            .collect();
        assert_eq!(
            paragraphs.join("\n\n"),
            st.text,
            "text of statement {}",
            st.index
        );
        for p in &st.paragraphs {
            assert!(p.start >= st.span.start && p.end <= st.span.end);
        }
        // Line numbers agree with the byte offsets.
        assert_eq!(
            src[..st.span.start].matches('\n').count() + 1,
            st.span.line_start
        );
        assert_eq!(
            src[..st.span.end].matches('\n').count() + 1,
            st.span.line_end
        );
    }
}

#[test]
fn verbatim_seed_matches_its_figures() {
    let src = seed(VERBATIM);
    let s = parse(&src).expect("verbatim seed parses");
    assert_eq!(s.meta.format, Format::Verbatim);
    assert_eq!(s.statements.len(), 115);
    let chair = s
        .statements
        .iter()
        .filter(|st| st.speaker.role == Role::Chair)
        .count();
    assert_eq!(chair, 59);
    let labels: BTreeSet<&str> = s
        .statements
        .iter()
        .map(|st| st.speaker.label.as_str())
        .collect();
    assert_eq!(labels.len(), 38, "{labels:?}");
    assert_eq!(s.word_count(), 20_631);
    assert_eq!((s.meta.session, s.meta.meeting), (Some(1), Some(9)));
    assert_eq!(s.meta.process.as_deref(), Some("OEWG 2021-25"));
    let kinds: Vec<HeaderKind> = s.headers.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [HeaderKind::Title, HeaderKind::Process, HeaderKind::Note]
    );
    // The footer is skipped, not a statement.
    assert_eq!(s.skipped.len(), 1);
    assert_eq!(s.skipped[0].reason, SkipReason::WebFooter);
    assert!(s.skipped[0].span.slice(&src).starts_with("Leave a Reply"));
    assert!(!s
        .statements
        .iter()
        .any(|st| st.text.contains("Leave a Reply")));
    // Every non-Chair label in this record names a state or the EU.
    for st in &s.statements {
        assert!(
            matches!(
                st.speaker.role,
                Role::Chair | Role::Delegation | Role::Group
            ),
            "{:?}",
            st.speaker
        );
    }
    assert_spans_give_back_raw_text(&src, &s);
}

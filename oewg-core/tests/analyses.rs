//! The analyses over the real records in `../shared/seeds`: speaker
//! resolution, the floor audit, alignments, agenda segments, topics and
//! the report check, against what a reader of each record finds in it.

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

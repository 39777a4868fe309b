//! `analyze_batch` against `analyze`: the analyses of records run one
//! analysis at a time over a batch are those of each record alone, on the
//! seeds and every fixture, in batches of every size and order.

use oewg_core::analysis::analyze;
use oewg_core::{analyze_batch, parse_with, ParseOptions, Session};
use std::path::PathBuf;

/// The two seeds and every fixture, parsed without analyses.
fn records() -> Vec<(String, Session)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../../shared/seeds");
    let mut paths: Vec<PathBuf> = ["000_7135191b872dcc1d.txt", "004_b03c78f8038a68f6.txt"]
        .iter()
        .map(|n| seeds.join(n))
        .collect();
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("fixtures")
        .map(|e| e.expect("fixture").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    fixtures.sort();
    paths.extend(fixtures);
    paths
        .iter()
        .filter_map(|p| {
            let src = std::fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
            // A fixture that is not a record (an error case) has no analyses.
            let s = parse_with(&src, ParseOptions::new().analyses(false)).ok()?;
            Some((p.display().to_string(), s))
        })
        .collect()
}

#[test]
fn a_batch_analyses_each_record_as_analyze_does() {
    let records = records();
    assert!(records.len() > 10, "{} records", records.len());
    let want: Vec<_> = records.iter().map(|(_, s)| analyze(s)).collect();
    // Some record has something for every analysis to find.
    assert!(want.iter().any(|a| !a.floor_audit.events.is_empty()));
    assert!(want.iter().any(|a| !a.alignments.is_empty()));
    assert!(want.iter().any(|a| a.report_check.is_some()));
    assert!(want.iter().any(|a| !a.proposals.is_empty()));
    for size in [1, 2, 3, records.len()] {
        for reversed in [false, true] {
            let mut sessions: Vec<Session> = records.iter().map(|(_, s)| s.clone()).collect();
            let mut want = want.clone();
            if reversed {
                sessions.reverse();
                want.reverse();
            }
            for batch in sessions.chunks_mut(size) {
                analyze_batch(batch);
            }
            for (k, (s, w)) in sessions.iter().zip(&want).enumerate() {
                assert!(s.analysis == *w, "record {k} in batches of {size}");
            }
        }
    }
}

#[test]
fn a_batch_of_none_is_nothing() {
    analyze_batch(&mut []);
}

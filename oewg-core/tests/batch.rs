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

#[test]
fn read_batch_and_corpus_from_paths_give_what_each_file_alone_gives() {
    use oewg_core::corpus::{read_batch, ReadError};
    use oewg_core::Corpus;
    let records = records();
    // More than a batch of files, a missing one and a 5 MB record (a batch's
    // analyses run from 4 MB on) among them.
    let dir = std::env::temp_dir().join(format!("oewg-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let turn = "Chair: I give the floor to Chile.\nChile: We align with the EU and support the proposal by Canada.\n";
    let medium = dir.join("medium.txt");
    std::fs::write(&medium, turn.repeat(5_000_000 / turn.len())).unwrap();
    let mut paths: Vec<PathBuf> = records.iter().map(|(p, _)| PathBuf::from(p)).collect();
    paths.insert(3, medium.clone());
    paths.insert(5, dir.join("missing.txt"));
    paths.extend(records.iter().rev().map(|(p, _)| PathBuf::from(p)));
    assert!(paths.len() > oewg_core::corpus::BATCH_FILES);
    let alone: Vec<Option<Session>> = paths
        .iter()
        .map(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| oewg_core::parse_bytes(&b).unwrap())
        })
        .collect();

    let done = std::sync::atomic::AtomicUsize::new(0);
    let got = read_batch(
        &paths,
        ParseOptions::new(),
        || false,
        |_| {
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        },
    );
    assert_eq!(done.into_inner(), paths.len());
    assert_eq!(got.len(), paths.len());
    for ((p, want), got) in paths.iter().zip(&alone).zip(got) {
        match (want, got) {
            (Some(want), Some(Ok(got))) => assert_eq!(&got, want, "{}", p.display()),
            (None, Some(Err(ReadError::Io(_)))) => {}
            (want, got) => panic!(
                "{}: {:?} against {:?}",
                p.display(),
                want.is_some(),
                got.map(|r| r.err())
            ),
        }
    }

    // The records come twice in `paths`: the corpus reads each once.
    let corpus = Corpus::from_paths(&paths);
    let distinct = oewg_core::corpus::distinct_files(paths.clone());
    assert_eq!(distinct.len(), records.len() + 2);
    let by_texts = Corpus::from_sessions(distinct.iter().filter_map(|p| {
        let first = paths.iter().position(|q| q == p)?;
        Some((p.display().to_string(), alone[first].clone()?))
    }));
    assert_eq!(corpus.documents(), by_texts.documents());
    assert_eq!(corpus.errors().len(), 1);
    assert_eq!(
        corpus.errors()[0].name(),
        dir.join("missing.txt").display().to_string()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

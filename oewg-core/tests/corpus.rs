//! The benchmark corpus generator makes records that parse as the layout
//! they were written in, account for every byte, and — for reports — keep
//! the report's statistics consistent with its own transcript.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use corpus::{record, Profile, Rng, LAYOUTS};
use oewg_core::{detect, parse, Format, SkipReason};

#[test]
fn generated_records_parse_as_their_layout() {
    let profile = Profile::from_seeds();
    assert!(profile.labels.len() > 30 && profile.words.len() > 10_000);
    let mut rng = Rng::new(7);
    for (n, layout) in LAYOUTS.into_iter().cycle().take(9).enumerate() {
        let src = record(&profile, &mut rng, layout, n, 40_000);
        assert_eq!(detect(&src), Some(layout), "record {n}");
        let s = parse(&src).unwrap();
        s.verify(&src).unwrap();
        // An official record's page furniture is skipped, as in the real ones.
        let furniture =
            |k: &oewg_core::Skipped| layout == Format::Pv && k.reason == SkipReason::PageFurniture;
        assert!(s.skipped.iter().all(furniture), "{layout}: {:?}", s.skipped);
        assert!(s.statements.len() > 10);
        if let Some(r) = &s.report {
            for block in &r.speakers {
                let spoken: usize = s
                    .statements
                    .iter()
                    .filter(|st| st.speaker.label == block.name)
                    .map(|st| st.word_count)
                    .sum();
                assert_eq!(
                    block.speech_length_words,
                    Some(spoken as u32),
                    "{}",
                    block.name
                );
            }
        }
    }
}

#[test]
fn the_same_seed_makes_the_same_corpus() {
    let profile = Profile::from_seeds();
    let a = record(&profile, &mut Rng::new(3), LAYOUTS[1], 0, 20_000);
    let b = record(&profile, &mut Rng::new(3), LAYOUTS[1], 0, 20_000);
    let c = record(&profile, &mut Rng::new(4), LAYOUTS[1], 0, 20_000);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

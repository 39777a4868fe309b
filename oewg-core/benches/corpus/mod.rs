//! A synthetic corpus for benchmarks: records in every layout, with
//! speaker labels, words, paragraph lengths and turns per speaker drawn
//! from the real seed records at run time (their text is never copied into
//! the project), deterministic from a seed number.
//!
//! Shared by the criterion benches (`mod corpus;`) and the `gen_corpus`
//! example (`#[path]`), which writes files for `bench/compare.sh`.

#![allow(dead_code)] // each user takes the parts it needs

use oewg_core::{Format, Role};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: tiny, fast and stable across versions, so a seed number
/// means the same corpus forever.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the seeds look like, measured from them.
pub struct Profile {
    /// Speaker labels of states, groups and organisations, as written.
    pub labels: Vec<String>,
    /// Every word of every statement, so picking one at random follows the
    /// seeds' word lengths and punctuation.
    pub words: Vec<String>,
    /// Words per paragraph, one entry per seed paragraph.
    pub paragraph_words: Vec<usize>,
    /// Paragraphs per substantive statement.
    pub paragraphs: Vec<usize>,
    /// Words per procedural statement.
    pub procedural_words: Vec<usize>,
}

/// The seed records, `../shared/seeds` from the repository root.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

/// The seed records' text, in name order.
pub fn seeds() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("../shared/seeds")
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect()
}

impl Profile {
    pub fn from_seeds() -> Profile {
        let mut p = Profile {
            labels: Vec::new(),
            words: Vec::new(),
            paragraph_words: Vec::new(),
            paragraphs: Vec::new(),
            procedural_words: Vec::new(),
        };
        for (_, src) in seeds() {
            let session = oewg_core::parse(&src).expect("seeds parse");
            for st in &session.statements {
                let label = &st.speaker.label;
                if st.speaker.role != Role::Chair
                    && st.speaker.role != Role::Unknown
                    && !p.labels.contains(label)
                {
                    p.labels.push(label.clone());
                }
                if st.kind == oewg_core::StatementKind::Procedural {
                    p.procedural_words.push(st.word_count);
                    continue;
                }
                let paras: Vec<&str> = st.text.split("\n\n").collect();
                p.paragraphs.push(paras.len());
                for para in paras {
                    p.paragraph_words.push(oewg_core::text::word_count(para));
                    p.words.extend(para.split_whitespace().map(str::to_string));
                }
            }
        }
        p.labels.sort();
        p
    }

    /// One paragraph: seed words, capitalised, ending in a full stop so
    /// that no layout reads it as a speaker label.
    fn paragraph(&self, rng: &mut Rng, words: usize, out: &mut String) {
        for i in 0..words.max(2) {
            if i > 0 {
                out.push(' ');
            }
            let w = rng.pick(&self.words);
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
        }
        if !out.ends_with(['.', '?', '!']) {
            out.push('.');
        }
    }

    fn statement(&self, rng: &mut Rng) -> Vec<String> {
        (0..*rng.pick(&self.paragraphs))
            .map(|_| {
                let (mut s, n) = (String::new(), *rng.pick(&self.paragraph_words));
                self.paragraph(rng, n, &mut s);
                s
            })
            .collect()
    }

    fn procedural(&self, rng: &mut Rng, next: &str) -> String {
        let (mut s, n) = (String::new(), *rng.pick(&self.procedural_words));
        self.paragraph(rng, n.saturating_sub(5), &mut s);
        let _ = write!(s, " {next}, you have the floor.");
        s
    }
}

/// A record's turns: (label, paragraphs), the Chair giving the floor
/// between delegations as in the seeds.
fn turns(p: &Profile, rng: &mut Rng, bytes: usize) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut size = 0;
    while size < bytes {
        let who = rng.pick(&p.labels).clone();
        let chair = p.procedural(rng, &who);
        let said = p.statement(rng);
        size += chair.len() + who.len() + said.iter().map(|s| s.len() + 2).sum::<usize>() + 16;
        out.push(("Chair".to_string(), vec![chair]));
        out.push((who, said));
    }
    out
}

/// One record of about `bytes` bytes in `layout`; `n` varies its meta.
pub fn record(p: &Profile, rng: &mut Rng, layout: Format, n: usize, bytes: usize) -> String {
    let mut o = String::with_capacity(bytes + bytes / 4);
    let (session, meeting) = (n / 10 + 1, n % 10 + 1);
    match layout {
        Format::Verbatim => {
            let _ = write!(
                o,
                "Session {session}-{meeting} Transcript\n(OEWG 2021-25)\n\n"
            );
            for (label, paras) in turns(p, rng, bytes) {
                // The seeds end speaker lines with a space or a no-break space.
                let _ = write!(
                    o,
                    "{label}{}\n\n",
                    if n.is_multiple_of(2) { " " } else { "\u{a0}" }
                );
                for para in paras {
                    let _ = write!(o, "{para}\n\n");
                }
            }
        }
        Format::Turns => {
            let _ = write!(
                o,
                "Session {session}-{meeting} Transcript\n(OEWG 2021-25)\n\n"
            );
            for (label, paras) in turns(p, rng, bytes) {
                let _ = writeln!(o, "{label}: {}", paras.join("\n"));
            }
        }
        Format::Report => report(p, rng, &mut o, session, meeting, bytes),
        Format::Asr => {
            let _ = write!(
                o,
                "{meeting}th Meeting - {session}th Session of the Example Council\nExample Council\n\
                 Date: {} April 2030\nLanguage: English\nTranscript: https://transcripts.example.org/{n}\n\
                 Transcripts available through this tool are created by using automatic speech \
                 recognition and are not official records.\n\n---\n\n",
                meeting + 1
            );
            let mut at = 2;
            for (label, paras) in turns(p, rng, bytes) {
                // Some speakers speak for a group, as in the layout.
                let group = if rng.below(4) == 0 {
                    " \u{b7} African Group"
                } else {
                    ""
                };
                let _ = write!(o, "{label}{group} [{}:{:02}]:\n\n", at / 60, at % 60);
                for para in &paras {
                    let _ = write!(o, "{para}\n\n");
                }
                o.push('\n');
                at += 5 + paras.iter().map(|s| s.len()).sum::<usize>() / 15;
            }
        }
        Format::Pv => {
            let _ = write!(
                o,
                "United Nations S/PV.{n}\nSecurity Council\nEighty-fifth year\n{meeting}th meeting\n\
                 Tuesday, {} April 2030, 10 a.m.\nNew York\n\n\
                 The meeting was called to order at 10.05 a.m.\n\n",
                meeting + 1
            );
            for (i, (label, paras)) in turns(p, rng, bytes).into_iter().enumerate() {
                let who = if label == "Chair" {
                    "The President".to_string()
                } else {
                    format!("Mr. Example ({label})")
                };
                let _ = writeln!(o, "{who}: {}", paras.join("\n"));
                if i % 8 == 7 {
                    let _ = write!(
                        o,
                        "S/PV.{n} Example 04/04/2030\n{}/99 30-01234\n",
                        i / 8 + 2
                    );
                }
            }
        }
        Format::Markdown => {
            let _ = write!(
                o,
                "# Session {session} | Consultations on the draft (Apr {}, 2030)\n\n",
                meeting + 1
            );
            for (label, paras) in turns(p, rng, bytes) {
                let group = if rng.below(4) == 0 {
                    " | (G77 + China)"
                } else {
                    ""
                };
                let _ = write!(o, "**{label} | Representative{group}**\n\n");
                for para in paras {
                    let _ = write!(o, "{para}\n\n");
                }
            }
        }
        // A layout added to `Format` gets its generator here.
        other => unimplemented!("no generator for the {other} layout"),
    }
    o
}

fn report(
    p: &Profile,
    rng: &mut Rng,
    o: &mut String,
    session: usize,
    meeting: usize,
    bytes: usize,
) {
    let title = format!("Agenda item {meeting}: other matters/OEWG 2030");
    let _ = write!(
        o,
        "{title}\n\n{} Apr 2030 10:00h - 13:00h\n\n{title}\n\n",
        meeting + 1
    );
    // The transcript is about half of a report, as in the seed.
    let turns = turns(p, rng, bytes / 2);
    let mut speakers: Vec<(&str, usize)> = Vec::new();
    for (label, paras) in &turns {
        let w: usize = paras.iter().map(|s| oewg_core::text::word_count(s)).sum();
        match speakers.iter_mut().find(|(l, _)| l == label) {
            Some(e) => e.1 += w,
            None => speakers.push((label, w)),
        }
    }
    let para = |rng: &mut Rng, o: &mut String| {
        let n = *rng.pick(&p.paragraph_words);
        p.paragraph(rng, n, o);
        o.push_str("\n\n");
    };
    let _ = write!(
        o,
        "Session at a glance\n\nSummary\n\nThis covers meeting {meeting} of session {session}.\n\n"
    );
    para(rng, o);
    o.push_str("Keypoints\n\nMajor discussion points:\n\n– Capacity building\n\n– Funding\n\nOverall purpose/goal:\n\n");
    para(rng, o);
    o.push_str("Tone:\n\n");
    para(rng, o);
    o.push_str("Speakers\n\n");
    for (label, _) in &speakers {
        let _ = write!(o, "– {label}\n\n");
    }
    o.push_str("Full session report\n\nIntroduction:\n\n");
    for _ in 0..speakers.len() {
        para(rng, o);
    }
    o.push_str("Session transcript\n\n");
    for (label, paras) in &turns {
        let _ = writeln!(o, "{label}: {}\n", paras.join(" "));
    }
    for (label, words) in &speakers {
        let initial = label.chars().next().unwrap_or('X');
        let wpm = 100 + rng.below(80);
        let _ = write!(
            o,
            "{initial}\n\n{label}\n\nSpeech speed\n\n{wpm} words per minute\n\nSpeech length\n\n{words} words\n\nSpeech time\n\n{} seconds\n\n",
            words * 60 / wpm
        );
        for _ in 0..1 + rng.below(3) {
            let _ = write!(o, "Argument of {label}\n\nExplanation\n\n");
            para(rng, o);
            o.push_str("Evidence\n\n");
            para(rng, o);
            o.push_str("Major discussion point\n\nCapacity building\n\n");
        }
    }
    o.push_str("Agreements\n\nAgreement points\n\nFunding\n\nSpeakers\n\n");
    for (label, _) in speakers.iter().take(3) {
        let _ = writeln!(o, "– {label}");
    }
    o.push_str("\nArguments\n\nFunding\n\nSummary\n\n");
    para(rng, o);
    o.push_str("Overall assessment\n\nSummary\n\n");
    para(rng, o);
    o.push_str("Consensus level\n\nModerate.\n\nTakeaways\n\nKey takeaways\n\n– Funds matter\n\n");
    o.push_str("Disclaimer: A synthetic record for benchmarks.\n");
}

/// Every layout, in the order files cycle through them.
pub const LAYOUTS: [Format; 6] = [
    Format::Verbatim,
    Format::Report,
    Format::Turns,
    Format::Asr,
    Format::Markdown,
    Format::Pv,
];

/// Writes about `total` bytes of records, about 160 KB each (the seeds'
/// size), cycling through the layouts; returns the paths written.
pub fn write_corpus(dir: &Path, total: usize, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let profile = Profile::from_seeds();
    let mut rng = Rng::new(seed);
    let mut written = 0;
    let mut paths = Vec::new();
    let mut n = 0;
    while written < total {
        let layout = LAYOUTS[n % LAYOUTS.len()];
        let text = record(&profile, &mut rng, layout, n, 160_000);
        let path = dir.join(format!("{n:05}_{layout}.txt"));
        std::fs::write(&path, &text)?;
        written += text.len();
        paths.push(path);
        n += 1;
    }
    Ok(paths)
}

/// Writes one record of about `bytes` bytes per layout, for measuring
/// memory against the size of one input.
pub fn write_single(dir: &Path, bytes: usize, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let profile = Profile::from_seeds();
    let mut rng = Rng::new(seed);
    LAYOUTS
        .iter()
        .enumerate()
        .map(|(n, &layout)| {
            let path = dir.join(format!("single_{layout}.txt"));
            std::fs::write(&path, record(&profile, &mut rng, layout, n, bytes))?;
            Ok(path)
        })
        .collect()
}

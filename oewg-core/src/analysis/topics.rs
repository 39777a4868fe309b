//! Topics: every statement tagged with the OEWG pillars it addresses and
//! with stakeholder modalities and decision-making, each tag with the
//! terms that gave it. The vocabulary is data ([`VOCABULARY`]), so a
//! reader can see why a tag was given.

use crate::model::Session;
use crate::speakers::FastHash;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The OEWG pillars, and the two cross-cutting themes the issue tracks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Existing and potential threats.
    Threats,
    /// Rules, norms and principles of responsible state behaviour.
    Norms,
    /// How international law applies to the use of ICTs.
    InternationalLaw,
    /// Confidence-building measures.
    ConfidenceBuilding,
    /// Capacity building.
    CapacityBuilding,
    /// Regular institutional dialogue: the future mechanism, the
    /// Programme of Action.
    InstitutionalDialogue,
    /// Modalities of stakeholder participation.
    Stakeholders,
    /// Consensus, voting and the rules of procedure.
    DecisionMaking,
}

impl Topic {
    /// Every topic, in the order of [`VOCABULARY`].
    pub const ALL: [Topic; 8] = [
        Topic::Threats,
        Topic::Norms,
        Topic::InternationalLaw,
        Topic::ConfidenceBuilding,
        Topic::CapacityBuilding,
        Topic::InstitutionalDialogue,
        Topic::Stakeholders,
        Topic::DecisionMaking,
    ];

    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Threats => "threats",
            Topic::Norms => "norms",
            Topic::InternationalLaw => "international_law",
            Topic::ConfidenceBuilding => "confidence_building",
            Topic::CapacityBuilding => "capacity_building",
            Topic::InstitutionalDialogue => "institutional_dialogue",
            Topic::Stakeholders => "stakeholders",
            Topic::DecisionMaking => "decision_making",
        }
    }
}

/// The terms that tag a statement with each topic: matched as whole
/// words, ignoring ASCII case, the longest term where two start at the
/// same word ("existing and potential threats" over "existing"). Written from the OEWG's own vocabulary: the
/// pillars' names in its reports, and the words delegations use for each.
pub const VOCABULARY: &[(Topic, &[&str])] = &[
    (
        Topic::Threats,
        &[
            "threat",
            "threats",
            "existing and potential threats",
            "ransomware",
            "malware",
            "malicious",
            "cyberattack",
            "cyberattacks",
            "cyber attack",
            "cyber attacks",
            "cyber-attack",
            "cyber-attacks",
            "critical infrastructure",
            "vulnerability",
            "vulnerabilities",
            "cybercrime",
            "attacks",
            "incident",
            "incidents",
            "espionage",
        ],
    ),
    (
        Topic::Norms,
        &[
            "norm",
            "norms",
            "rules, norms and principles",
            "responsible state behaviour",
            "responsible state behavior",
            "responsible behaviour",
            "responsible behavior",
            "framework of responsible",
            "voluntary norms",
            "non-binding norms",
        ],
    ),
    (
        Topic::InternationalLaw,
        &[
            "international law",
            "international humanitarian law",
            "un charter",
            "charter of the united nations",
            "sovereignty",
            "due diligence",
            "state responsibility",
            "peaceful settlement",
            "international human rights law",
            "legally binding",
            "binding instrument",
            "use of force",
            "countermeasures",
        ],
    ),
    (
        Topic::ConfidenceBuilding,
        &[
            "confidence-building",
            "confidence building",
            "cbm",
            "cbms",
            "points of contact",
            "point of contact",
            "poc directory",
            "pocs",
            "transparency measures",
        ],
    ),
    (
        Topic::CapacityBuilding,
        &[
            "capacity building",
            "capacity-building",
            "technical assistance",
            "training",
            "capacities",
            "skills",
            "digital divide",
            "developing countries",
            "portal",
        ],
    ),
    (
        Topic::InstitutionalDialogue,
        &[
            "regular institutional dialogue",
            "institutional dialogue",
            "permanent mechanism",
            "future mechanism",
            "future permanent mechanism",
            "programme of action",
            "program of action",
            "poa",
            "thematic groups",
            "thematic group",
            "successor",
            "single-track",
            "single track",
            "mechanism",
        ],
    ),
    (
        Topic::Stakeholders,
        &[
            "stakeholder",
            "stakeholders",
            "multi-stakeholder",
            "multistakeholder",
            "civil society",
            "private sector",
            "ngo",
            "ngos",
            "non-governmental",
            "academia",
            "accreditation",
            "modalities for stakeholder",
        ],
    ),
    (
        Topic::DecisionMaking,
        &[
            "consensus",
            "decision-making",
            "decision making",
            "rules of procedure",
            "vote",
            "voting",
            "majority",
            "silence procedure",
            "procedural issues",
            "veto",
        ],
    ),
];

/// One occurrence of a vocabulary term in a statement's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TermHit {
    /// The vocabulary term, as in [`VOCABULARY`].
    // Borrowed from the vocabulary when found (no allocation per hit, and
    // a statement has many); owned when read back from JSON.
    pub term: Cow<'static, str>,
    /// Byte offset in the statement's text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// A topic a statement addresses, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TopicTag {
    /// The topic.
    pub topic: Topic,
    /// The terms that gave it, in order.
    pub evidence: Vec<TermHit>,
}

/// The topics of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StatementTopics {
    /// Index of the statement.
    pub statement: usize,
    /// Its topics, in the order of [`Topic::ALL`].
    pub tags: Vec<TopicTag>,
}

/// How many statements address a topic, and with how many terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TopicCount {
    /// The topic.
    pub topic: Topic,
    /// Statements tagged with it.
    pub statements: usize,
    /// Terms found for it across the session.
    pub terms: usize,
}

/// The topics of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Topics {
    /// Every statement with at least one topic, in order.
    pub statements: Vec<StatementTopics>,
    /// One row per topic, in the order of [`Topic::ALL`].
    pub counts: Vec<TopicCount>,
}

/// The vocabulary indexed by each term's first word: a bit per (first two
/// letters, length) says whether a word can start a term at all, so most
/// words cost a table lookup and nothing more.
struct Matcher {
    /// For the low five bits of a word's first two bytes (the same for
    /// either case of a letter), the lengths (at most 63) of the first
    /// words of terms that start so: a looser [`Matcher::filter`] that
    /// costs no case folding and no checks, so that the commonest words
    /// ("the", "and", "of") are turned away with a load and a bit test.
    pairs: Box<[u64; 1024]>,
    /// A bit per first three bytes of a word, each folded to its low five
    /// bits, for the first words of terms (any third byte for a first
    /// word of two): tested before the word's end is found, it turns away
    /// nine words in ten.
    trigrams: Box<[u64; 512]>,
    /// Bit `pair * 64 + len` for every first word of a term.
    filter: Vec<u64>,
    /// First word (lower case) -> (topic, term, the rest of the term after
    /// the first word), longest rest first.
    starts: HashMap<Vec<u8>, Vec<TermStart>, FastHash>,
}

/// A term by its first word: (topic, the whole term, what follows the
/// first word).
type TermStart = (Topic, &'static str, &'static str);

/// Bytes a word of a term is made of: ASCII letters, digits and hyphens;
/// any byte of a multi-byte character counts too, so "café" is one word.
fn word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`word_byte`] as a table: one load a byte in the scan of every text.
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80;
        i += 1;
    }
    t
};

/// A bit per byte of `chunk`, set for word bytes ([`word_byte`]). Each
/// byte is classified into a flag byte by plain comparisons, which the
/// compiler turns into vector instructions (16 bytes at a time), and the
/// flags' top bits are gathered eight at a time by one multiplication: a
/// third of the instructions of classifying in 64-bit lanes, which was
/// the biggest part of the topic scan.
fn word_mask(chunk: &[u8; 64]) -> u64 {
    use crate::text::swar::gather;
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(chunk) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let word = letter | (b.wrapping_sub(b'0') < 10) | (b == b'-') | (b >= 0x80);
        *f = u8::from(word) << 7;
    }
    let mut mask = 0u64;
    for (k, eight) in flags.as_chunks::<8>().0.iter().enumerate() {
        mask |= gather(u64::from_le_bytes(*eight)) << (8 * k);
    }
    mask
}

fn filter_bit(word: &[u8]) -> Option<usize> {
    let (a, b) = (
        word.first()?.to_ascii_lowercase(),
        word.get(1)?.to_ascii_lowercase(),
    );
    if !a.is_ascii_lowercase() || !b.is_ascii_lowercase() || word.len() > 63 {
        return None;
    }
    Some((usize::from(a - b'a') * 26 + usize::from(b - b'a')) * 64 + word.len())
}

/// The index of [`Matcher::pairs`] for a word of two bytes or more.
fn pair_of(word: &[u8]) -> Option<usize> {
    match word {
        [a, b, ..] => Some((usize::from(a & 0x1f) << 5) | usize::from(b & 0x1f)),
        _ => None,
    }
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut filter = vec![0u64; 26 * 26];
        let mut pairs = Box::new([0u64; 1024]);
        let mut trigrams = Box::new([0u64; 512]);
        let mut starts: HashMap<Vec<u8>, Vec<TermStart>, FastHash> = HashMap::default();
        for (topic, terms) in VOCABULARY {
            for term in *terms {
                let first_len = term.bytes().take_while(|&b| word_byte(b)).count();
                let (first, rest) = term.split_at(first_len);
                if let Some(bit) = filter_bit(first.as_bytes()) {
                    filter[bit / 64] |= 1 << (bit % 64);
                }
                if let Some(pair) = pair_of(first.as_bytes()) {
                    pairs[pair] |= 1 << first.len().min(63);
                    // After a first word of two bytes comes a byte of no
                    // word, which may be any.
                    let thirds = match first.as_bytes().get(2) {
                        Some(&c) => usize::from(c & 0x1f)..=usize::from(c & 0x1f),
                        None => 0..=31,
                    };
                    for c in thirds {
                        let t = (pair << 5) | c;
                        trigrams[t / 64] |= 1 << (t % 64);
                    }
                }
                starts
                    .entry(first.as_bytes().to_vec())
                    .or_default()
                    .push((*topic, term, rest));
            }
        }
        for v in starts.values_mut() {
            v.sort_by_key(|(_, _, rest)| std::cmp::Reverse(rest.len()));
        }
        Matcher {
            pairs,
            trigrams,
            filter,
            starts,
        }
    })
}

/// The terms in a text: each the longest term starting at a word, whole
/// words only, ASCII case ignored. The text is read 64 bytes at a time
/// into a bit mask of word bytes, and the words are visited by their
/// start bits: a byte-by-byte scan for the ends of words costs a
/// mispredicted branch per word, which made this the dearest analysis.
fn find_terms(text: &str, mut hit: impl FnMut(Topic, &'static str, usize, usize)) {
    let m = matcher();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut lower = [0u8; 64];
    // Words before this were read as part of a term.
    let mut at = 0;
    let mut prev_word = false;
    let mut block = 0;
    // The block's bytes and the two after it (zero, a byte of no word,
    // past the end): the first three bytes of any word that starts in the
    // block are read from here without a bounds check.
    let mut buf = [0u8; 67];
    while block < n {
        let len = (n - block).min(64);
        match bytes.get(block..block + 66) {
            Some(next) => buf[..66].copy_from_slice(next),
            None => {
                // The last block, padded with bytes that are not word
                // bytes.
                let rest = &bytes[block..];
                buf[..rest.len()].copy_from_slice(rest);
                buf[rest.len()..].fill(0);
            }
        }
        let chunk: &[u8; 64] = buf.first_chunk().unwrap_or(&[0; 64]);
        let word = word_mask(chunk);
        let mut starts = word & !((word << 1) | u64::from(prev_word));
        prev_word = (word >> (len - 1)) & 1 == 1;
        // Bits past the chunk count as word ends.
        let not_word = !word;
        while starts != 0 {
            let k = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            // Most words start no term: turned away by their first three
            // bytes alone (past a short word's end they are no word's, and
            // a one-byte word is turned away below), before finding where
            // they end.
            let t = (usize::from(buf[k] & 0x1f) << 10)
                | (usize::from(buf[k + 1] & 0x1f) << 5)
                | usize::from(buf[k + 2] & 0x1f);
            if m.trigrams[t / 64] >> (t % 64) & 1 == 0 {
                continue;
            }
            let start = block + k;
            if start < at {
                continue;
            }
            let rest = not_word >> k;
            let mut end = if rest == 0 {
                block + 64
            } else {
                start + rest.trailing_zeros() as usize
            };
            if end >= block + len {
                // The word runs into the next block (or to the end).
                end = end.min(n);
                while end < n && word_byte(bytes[end]) {
                    end += 1;
                }
            }
            let w = &bytes[start..end];
            let Some(pair) = pair_of(w) else {
                continue;
            };
            if m.pairs[pair] >> w.len().min(63) & 1 == 0 {
                continue;
            }
            let Some(bit) = filter_bit(w) else {
                continue;
            };
            if m.filter[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let lower = &mut lower[..w.len()];
            lower.copy_from_slice(w);
            lower.make_ascii_lowercase();
            let Some(cands) = m.starts.get(&lower[..]) else {
                continue;
            };
            for &(topic, term, rest) in cands {
                let term_end = end + rest.len();
                let fits = bytes
                    .get(end..term_end)
                    .is_some_and(|t| t.eq_ignore_ascii_case(rest.as_bytes()));
                if fits && !bytes.get(term_end).is_some_and(|&b| word_byte(b)) {
                    hit(topic, term, start, term_end);
                    at = term_end;
                    break;
                }
            }
        }
        block += 64;
    }
}

/// Tags every statement with its topics. One pass over each text.
///
/// ```
/// use oewg_core::analysis::{topics, Topic};
/// let s = oewg_core::parse("Chile: Capacity-building and the Programme of Action. Consensus!\n").unwrap();
/// let t = topics(&s);
/// let tags: Vec<Topic> = t.statements[0].tags.iter().map(|g| g.topic).collect();
/// assert_eq!(tags, [Topic::CapacityBuilding, Topic::InstitutionalDialogue, Topic::DecisionMaking]);
/// let hit = &t.statements[0].tags[0].evidence[0];
/// assert_eq!((&*hit.term, hit.start, hit.end), ("capacity-building", 0, 17));
/// ```
pub fn topics(session: &Session) -> Topics {
    let mut counts: Vec<TopicCount> = Topic::ALL
        .iter()
        .map(|&topic| TopicCount {
            topic,
            statements: 0,
            terms: 0,
        })
        .collect();
    let mut out = Vec::new();
    for st in &session.statements {
        let mut tags: Vec<TopicTag> = Vec::new();
        find_terms(&st.text, |topic, term, start, end| {
            let hit = TermHit {
                term: Cow::Borrowed(term),
                start,
                end,
            };
            match tags.iter_mut().find(|t| t.topic == topic) {
                Some(tag) => tag.evidence.push(hit),
                None => tags.push(TopicTag {
                    topic,
                    evidence: vec![hit],
                }),
            }
        });
        if tags.is_empty() {
            continue;
        }
        tags.sort_by_key(|t| t.topic);
        // Kept with the session: no spare room from growing (peak memory).
        tags.shrink_to_fit();
        for tag in &mut tags {
            tag.evidence.shrink_to_fit();
        }
        for tag in &tags {
            let c = &mut counts[Topic::ALL.iter().position(|t| *t == tag.topic).unwrap_or(0)];
            c.statements += 1;
            c.terms += tag.evidence.len();
        }
        out.push(StatementTopics {
            statement: st.index,
            tags,
        });
    }
    out.shrink_to_fit();
    Topics {
        statements: out,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_mask_agrees_with_the_table() {
        for start in (0..256).step_by(64) {
            let chunk: [u8; 64] = std::array::from_fn(|i| (start + i) as u8);
            let mask = word_mask(&chunk);
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(mask >> k & 1 == 1, word_byte(b), "byte {b:#x}");
            }
        }
    }

    fn tags(text: &str) -> Vec<(Topic, Vec<String>)> {
        let s = crate::parse(&format!("Chile: {text}\n")).unwrap();
        topics(&s)
            .statements
            .into_iter()
            .flat_map(|s| s.tags)
            .map(|t| {
                (
                    t.topic,
                    t.evidence
                        .into_iter()
                        .map(|h| h.term.into_owned())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn each_topic_from_its_terms() {
        assert_eq!(
            tags("Ransomware is a threat."),
            [(Topic::Threats, vec!["ransomware".into(), "threat".into()])]
        );
        assert_eq!(
            tags("The eleven NORMS."),
            [(Topic::Norms, vec!["norms".into()])]
        );
        assert_eq!(
            tags("How international law applies."),
            [(Topic::InternationalLaw, vec!["international law".into()])]
        );
        assert_eq!(
            tags("The POC directory."),
            [(Topic::ConfidenceBuilding, vec!["poc directory".into()])]
        );
        assert_eq!(
            tags("More training."),
            [(Topic::CapacityBuilding, vec!["training".into()])]
        );
        assert_eq!(
            tags("A permanent mechanism."),
            [(
                Topic::InstitutionalDialogue,
                vec!["permanent mechanism".into()]
            )]
        );
        assert_eq!(
            tags("Civil society."),
            [(Topic::Stakeholders, vec!["civil society".into()])]
        );
        assert_eq!(
            tags("By consensus."),
            [(Topic::DecisionMaking, vec!["consensus".into()])]
        );
    }

    #[test]
    fn whole_words_only() {
        for text in [
            "Abnormsx.",
            "Threatening.",
            "The normal way.",
            "Convoted.",
            "éconsensus",
            "consensusé",
            "A café.",
        ] {
            assert!(tags(text).is_empty(), "{text}: {:?}", tags(text));
        }
        assert!(tags("").is_empty());
    }

    #[test]
    fn counts_add_up() {
        let s =
            crate::parse("Chile: Norms and norms.\nPeru: Consensus on norms.\nCuba: Nothing.\n")
                .unwrap();
        let t = topics(&s);
        assert_eq!(t.statements.len(), 2);
        let norms = &t.counts[1];
        assert_eq!(
            (norms.topic, norms.statements, norms.terms),
            (Topic::Norms, 2, 3)
        );
        assert_eq!(t.counts.len(), Topic::ALL.len());
    }

    /// The scan as it was before the bit masks: a byte at a time.
    fn find_terms_bytewise(text: &str) -> Vec<(Topic, &'static str, usize, usize)> {
        let m = matcher();
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !word_byte(bytes[at]) {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && word_byte(bytes[at]) {
                at += 1;
            }
            let word = bytes[start..at].to_ascii_lowercase();
            let Some(cands) = m.starts.get(&word[..]) else {
                continue;
            };
            for &(topic, term, rest) in cands {
                let end = at + rest.len();
                let fits = bytes
                    .get(at..end)
                    .is_some_and(|t| t.eq_ignore_ascii_case(rest.as_bytes()));
                if fits && !bytes.get(end).is_some_and(|&b| word_byte(b)) {
                    out.push((topic, term, start, end));
                    at = end;
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn the_block_scan_finds_what_a_byte_scan_finds() {
        let pieces = [
            "norms",
            "NORMS",
            "threat",
            "threats",
            "existing and potential",
            "existing",
            "cyber",
            "attacks",
            "cyber attacks",
            "cyber-attack",
            "capacity",
            "building",
            "un",
            "charter",
            "poa",
            "x",
            "é",
            "-",
            " ",
            "  ",
            ", ",
            ".",
            "\n\n",
            "the",
            "consensus",
            "voting",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        ];
        for text in crate::text::pieced_texts(&pieces, 3000, 60, 0x9e37_79b9_7f4a_7c15) {
            let mut got = Vec::new();
            find_terms(&text, |t, w, a, b| got.push((t, w, a, b)));
            assert_eq!(got, find_terms_bytewise(&text), "{text:?}");
        }
    }

    #[test]
    fn the_vocabulary_covers_every_topic_once() {
        let listed: Vec<Topic> = VOCABULARY.iter().map(|(t, _)| *t).collect();
        assert_eq!(listed, Topic::ALL);
        let mut all: Vec<&str> = VOCABULARY
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a term is listed twice");
        assert!(all.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()));
    }
}

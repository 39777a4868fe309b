//! Topics: every statement tagged with the OEWG pillars it addresses and
//! with stakeholder modalities and decision-making, each tag with the
//! terms that gave it. The vocabulary is data ([`VOCABULARY`]), so a
//! reader can see why a tag was given.

use crate::model::Session;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
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

/// The vocabulary indexed by each term's first word. Every word of a text
/// is tested with one bit of [`Matcher::heads`], from its first four
/// bytes alone, which turns away most words before their end is even
/// found; the few left are looked up by their first four bytes and
/// length in [`Matcher::buckets`] and compared with the first words there.
struct Matcher {
    /// Bit [`head_bit`] of the first four bytes of every word that may
    /// be the first word of a term: of a shorter first word, with any
    /// byte after it.
    heads: Box<[u64; 1 << (HEAD_BITS - 6)]>,
    /// `firsts[buckets[b]..buckets[b + 1]]` are the first words of
    /// [`bucket`] `b`.
    buckets: Box<[u16; (1 << BUCKET_BITS) + 1]>,
    /// The first words of terms, by bucket.
    firsts: Vec<First>,
    /// The length of the longest first word: longer words start no term.
    longest: usize,
}

/// The terms that start with one word.
struct First {
    /// The word: lower-case ASCII letters, digits and hyphens.
    word: &'static [u8],
    /// (topic, term, the rest of the term after the first word), longest
    /// rest first.
    terms: Vec<TermStart>,
}

/// A term by its first word: (topic, the whole term, what follows the
/// first word).
type TermStart = (Topic, &'static str, &'static str);

/// Bits of [`head_bit`]: 32768 bits, of which the first words set about
/// 1,400 (most by the words shorter than four bytes, whatever follows).
const HEAD_BITS: u32 = 15;

/// Bits of [`bucket`].
const BUCKET_BITS: u32 = 10;

/// Four bytes, each folded to its low five bits (the same for either case
/// of a letter), hashed to [`HEAD_BITS`] bits.
fn head_bit(head: [u8; 4]) -> usize {
    let folded = u32::from_le_bytes(head) & 0x1f1f_1f1f;
    (folded.wrapping_mul(0x9e37_79b1) >> (32 - HEAD_BITS)) as usize
}

/// The bucket of a word of `len` bytes that starts with `head`: its
/// first four bytes (those past the word left out), each folded to its
/// low five bits, and its length, hashed to [`BUCKET_BITS`] bits. A word
/// equal to another but for ASCII case is in the same bucket.
fn bucket(head: [u8; 4], len: usize) -> usize {
    let keep = (1u64 << (8 * len.min(4))) - 1;
    let folded = u64::from(u32::from_le_bytes(head) & 0x1f1f_1f1f) & keep;
    let k = folded | ((len as u64) << 32);
    (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - BUCKET_BITS)) as usize
}

/// Whether a word of the text (its bytes all [`word_byte`]s) is `first`,
/// a first word of the vocabulary, ignoring ASCII case. Setting bit 5 of
/// a word byte makes an upper-case letter lower case and leaves a lower
/// case letter, a digit or a hyphen as it was; it makes no other word
/// byte (the rest are 0x80 or above) into any of those.
/// Eight bytes are compared at a time.
fn is_first(word: &[u8], first: &[u8]) -> bool {
    if word.len() != first.len() {
        return false;
    }
    let (words, word_tail) = word.as_chunks::<8>();
    let (firsts, first_tail) = first.as_chunks::<8>();
    let lanes = crate::text::swar::lanes(0x20);
    words
        .iter()
        .zip(firsts)
        .all(|(w, f)| u64::from_le_bytes(*w) | lanes == u64::from_le_bytes(*f))
        && word_tail
            .iter()
            .zip(first_tail)
            .all(|(&w, &f)| w | 0x20 == f)
}

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

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut firsts: Vec<First> = Vec::new();
        for (topic, terms) in VOCABULARY {
            for term in *terms {
                let first_len = term.bytes().take_while(|&b| word_byte(b)).count();
                let (first, rest) = term.split_at(first_len);
                let start = (*topic, *term, rest);
                match firsts.iter_mut().find(|f| f.word == first.as_bytes()) {
                    Some(f) => f.terms.push(start),
                    None => firsts.push(First {
                        word: first.as_bytes(),
                        terms: vec![start],
                    }),
                }
            }
        }
        let mut heads = Box::new([0u64; 1 << (HEAD_BITS - 6)]);
        for f in &mut firsts {
            // A stable sort: terms of one length stay in vocabulary order.
            f.terms
                .sort_by_key(|(_, _, rest)| std::cmp::Reverse(rest.len()));
            // After a first word shorter than four bytes come a byte of no
            // word and then any: each of their 32 folded values.
            let fixed = f.word.len().min(4);
            for any in 0..1usize << (5 * (4 - fixed)) {
                let mut head = [0u8; 4];
                head[..fixed].copy_from_slice(&f.word[..fixed]);
                for (i, h) in head[fixed..].iter_mut().enumerate() {
                    *h = (any >> (5 * i) & 31) as u8;
                }
                let b = head_bit(head);
                heads[b / 64] |= 1 << (b % 64);
            }
        }
        let bucket_of = |w: &[u8]| {
            let mut head = [0u8; 4];
            for (h, &b) in head.iter_mut().zip(w) {
                *h = b;
            }
            bucket(head, w.len())
        };
        firsts.sort_by_cached_key(|f| bucket_of(f.word));
        // Where each bucket starts: after the first words of the buckets
        // before it.
        let mut buckets = Box::new([0u16; (1 << BUCKET_BITS) + 1]);
        for f in &firsts {
            buckets[bucket_of(f.word) + 1] += 1;
        }
        let mut before = 0;
        for slot in buckets.iter_mut() {
            before += *slot;
            *slot = before;
        }
        let longest = firsts.iter().map(|f| f.word.len()).max().unwrap_or(0);
        Matcher {
            heads,
            buckets,
            firsts,
            longest,
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
    // Words before this were read as part of a term.
    let mut at = 0;
    let mut prev_word = false;
    let mut block = 0;
    // The block's bytes and the four after it (zero, a byte of no word,
    // past the end): the first four bytes of any word that starts in the
    // block are read from here without a bounds check.
    let mut buf = [0u8; 68];
    while block < n {
        let len = (n - block).min(64);
        match bytes.get(block..block + 68) {
            Some(next) => buf.copy_from_slice(next),
            None => {
                // The last blocks, padded with bytes that are not word
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
        let not_word = !word;
        while starts != 0 {
            let k = starts.trailing_zeros() as usize & 63;
            starts &= starts - 1;
            // Most words start no term: turned away by their first four
            // bytes alone, before finding where they end.
            let head = [buf[k], buf[k + 1], buf[k + 2], buf[k + 3]];
            let h = head_bit(head);
            if m.heads[h / 64] >> (h % 64) & 1 == 0 {
                continue;
            }
            let start = block + k;
            if start < at {
                continue;
            }
            // Bits past the chunk count as word ends.
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
            if w.len() > m.longest {
                continue;
            }
            let b = bucket(head, w.len());
            let (lo, hi) = (usize::from(m.buckets[b]), usize::from(m.buckets[b + 1]));
            let firsts = m.firsts.get(lo..hi).unwrap_or_default();
            let Some(first) = firsts.iter().find(|f| is_first(w, f.word)) else {
                continue;
            };
            for &(topic, term, rest) in &first.terms {
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
    // The terms of one statement, reused: each statement's tags and
    // evidence are then made at their final size, with no growing and no
    // shrinking (thousands of reallocations on the seeds).
    let mut found: Vec<(Topic, &'static str, usize, usize)> = Vec::new();
    for st in &session.statements {
        found.clear();
        find_terms(&st.text, |topic, term, start, end| {
            found.push((topic, term, start, end));
        });
        if found.is_empty() {
            continue;
        }
        let mut per = [0usize; Topic::ALL.len()];
        for &(topic, ..) in &found {
            per[topic as usize] += 1;
        }
        let mut tags = Vec::with_capacity(per.iter().filter(|&&c| c > 0).count());
        for ((&topic, &terms), count) in Topic::ALL.iter().zip(&per).zip(&mut counts) {
            if terms == 0 {
                continue;
            }
            let mut evidence = Vec::with_capacity(terms);
            evidence.extend(
                found
                    .iter()
                    .filter(|f| f.0 == topic)
                    .map(|&(_, term, start, end)| TermHit {
                        term: Cow::Borrowed(term),
                        start,
                        end,
                    }),
            );
            count.statements += 1;
            count.terms += terms;
            tags.push(TopicTag { topic, evidence });
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
    use std::collections::HashMap;

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
        // First word -> its terms, longest rest first.
        let mut starts: HashMap<Vec<u8>, Vec<TermStart>> = HashMap::new();
        for (topic, terms) in VOCABULARY {
            for term in *terms {
                let first_len = term.bytes().take_while(|&b| word_byte(b)).count();
                let (first, rest) = term.split_at(first_len);
                starts
                    .entry(first.as_bytes().to_vec())
                    .or_default()
                    .push((*topic, term, rest));
            }
        }
        for v in starts.values_mut() {
            v.sort_by_key(|(_, _, rest)| std::cmp::Reverse(rest.len()));
        }
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
            let Some(cands) = starts.get(&word[..]) else {
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
            // Words that share a first word's first bytes or length.
            "un",
            "UN",
            "une",
            "u",
            "poc",
            "POCs",
            "poa",
            "them",
            "thematic",
            "Thematics",
            "due",
            "diligence",
            "use",
            "of force",
            "non-binding",
            "non",
            "CBMs",
            "ngo",
            "international",
            "law",
            "humanitarian",
            "capacity-building",
            "multi-stakeholder",
            "norm\u{e9}",
            "9",
            "-norms",
            "n0rms",
            "responsibility",
        ];
        for text in crate::text::pieced_texts(&pieces, 3000, 60, 0x9e37_79b9_7f4a_7c15) {
            let mut got = Vec::new();
            find_terms(&text, |t, w, a, b| got.push((t, w, a, b)));
            assert_eq!(got, find_terms_bytewise(&text), "{text:?}");
        }
    }

    #[test]
    fn the_block_scan_finds_what_a_byte_scan_finds_in_the_seeds() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        let (mut read, mut found) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let Ok(src) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            read += 1;
            for st in crate::parse(&src).unwrap().statements {
                let mut got = Vec::new();
                find_terms(&st.text, |t, w, a, b| got.push((t, w, a, b)));
                assert_eq!(got, find_terms_bytewise(&st.text), "{}", st.index);
                found += got.len();
            }
        }
        assert!(
            read >= 2 && found > 100,
            "seeds read: {read}, terms {found}"
        );
    }

    #[test]
    fn a_first_word_is_told_as_by_ignoring_ascii_case() {
        for f in &matcher().firsts {
            let word = std::str::from_utf8(f.word).unwrap();
            let mut cases = vec![
                word.to_string(),
                word.to_uppercase(),
                format!("{word}s"),
                word[1..].to_string(),
            ];
            for i in 0..word.len() {
                // One byte changed: to a capital letter, a character of
                // two bytes, a digit or a hyphen; or made upper case.
                for with in ["X", "é", "0", "-"] {
                    cases.push(format!("{}{with}{}", &word[..i], &word[i + 1..]));
                }
                let mut up = word.to_string();
                up[i..=i].make_ascii_uppercase();
                cases.push(up);
            }
            for w in cases {
                assert!(w.bytes().all(word_byte));
                let want = w.as_bytes().eq_ignore_ascii_case(f.word);
                assert_eq!(is_first(w.as_bytes(), f.word), want, "{w:?} {word:?}");
            }
        }
    }

    #[test]
    fn the_vocabulary_covers_every_topic_once() {
        let listed: Vec<Topic> = VOCABULARY.iter().map(|(t, _)| *t).collect();
        assert_eq!(listed, Topic::ALL);
        // `topics` counts by `topic as usize`.
        assert!(Topic::ALL.iter().enumerate().all(|(i, &t)| t as usize == i));
        let mut all: Vec<&str> = VOCABULARY
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n, "a term is listed twice");
        assert!(all.iter().all(|w| w.is_ascii() && *w == w.to_lowercase()));
        // What `is_first` relies on.
        for f in &matcher().firsts {
            let ok = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-';
            assert!(f.word.iter().all(ok), "{:?}", f.word);
        }
    }
}

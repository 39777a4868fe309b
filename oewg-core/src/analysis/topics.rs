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
#[non_exhaustive]
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
/// "mechanism" counts only after "the", "this", "that" or "new": the
/// mechanism the OEWG speaks of, not "a coordination mechanism"; "portal"
/// only after "global", the capacity-building portal proposed;
/// "cybercrime" and "incident" not where they name a treaty or a trade
/// ("the Cybercrime Convention", "incident response").
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
            "capacity buildings",
            // Not "developing countries": the records name them as often
            // for who can attend a meeting as for their capacities.
            // Only after "global" (AFTER_ONLY): the capacity-building
            // portal proposed, not "the e-statements portal".
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
            // Only after one of AFTER_ONLY's words ("the mechanism"): "a
            // capacity building coordination mechanism" is none.
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
            // Plurals and compounds as the records write them: a hyphen
            // joins a word, so "multi-stakeholders" is not "multi-stakeholder".
            "multi-stakeholders",
            "multistakeholders",
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
            // Consensus as the rule decisions are taken by, not the
            // agreement a meeting seeks: "efforts to find a consensus",
            // said in most thanks, is no word on how decisions are made.
            "consensus-based",
            "consensus based",
            "consensus-driven",
            "by consensus",
            "based on consensus",
            "on the basis of consensus",
            "consensus rule",
            "consensus principle",
            "principle of consensus",
            "rule of consensus",
            "abuse of consensus",
            "consensus basis",
            // Not "consensus decision": "efforts to reach a consensus
            // decision on the modalities" is the agreement sought.
            "consensus decisions",
            "decision-making",
            "decision making",
            "rules of procedure",
            "vote",
            "voting",
            // The majority that decides, not "the majority of states".
            "majority vote",
            "majority voting",
            "simple majority",
            "qualified majority",
            "two-thirds majority",
            "silence procedure",
            "procedural issues",
            "veto",
            "veto-based",
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

/// The vocabulary indexed by each term's first bytes, and with it the
/// proposals' trigger phrases, so that one walk over the words of a text
/// finds both ([`walk`]). Every word of a text is tested with one bit of
/// [`Matcher::heads`], from its first four bytes alone, which turns away
/// most words before their end is even found; the few left with one bit
/// of [`Matcher::runs`], from those bytes and the length of their
/// letters; the fewer left are compared whole with the terms and the
/// triggers of that bit.
struct Matcher {
    /// Bit [`head_bit`] of the first four bytes of every term and every
    /// trigger: of a shorter one, with any byte after it.
    heads: Box<[u64; 1 << (HEAD_BITS - 6)]>,
    /// Bit [`run_bit`] of every term's and trigger's run of letters from
    /// its start: the words that pass [`Matcher::heads`] are tested with
    /// it once the length of their letters is known, which turns away
    /// most of those that only share a term's first bytes ("states",
    /// "nations") before a word is looked up.
    runs: [u64; 1 << (RUN_BITS - 6)],
    /// `terms[by_run[r]..by_run[r + 1]]` are the terms whose run of
    /// letters from their start has [`run_bit`] `r`.
    by_run: Box<[u16; (1 << RUN_BITS) + 1]>,
    /// The terms, by the [`run_bit`] of their first letters, and of one
    /// bit the longest first.
    terms: Vec<Term>,
    /// `triggers[triggers_by_run[r]..triggers_by_run[r + 1]]` are the
    /// trigger phrases whose run of letters from their start has
    /// [`run_bit`] `r`.
    triggers_by_run: Box<[u16; (1 << RUN_BITS) + 1]>,
    /// The proposals' trigger phrases (each once), by the [`run_bit`] of
    /// their first letters, and of one bit the longest first.
    triggers: Vec<Phrase>,
    /// `verbs[verbs_by_run[r]..verbs_by_run[r + 1]]` are the verb forms
    /// whose letters have [`run_bit`] `r`.
    verbs_by_run: Box<[u16; (1 << RUN_BITS) + 1]>,
    /// The forms of the alignments' verbs
    /// ([`verb_forms`](super::alignments::verb_forms)), by their
    /// [`run_bit`]: with the terms and the triggers only ([`Find::Both`]).
    verbs: Vec<Phrase>,
}

/// The most bytes of a term or trigger: each is compared with the text in
/// one go, as five words of eight bytes.
const TERM_MAX: usize = 40;

// Checked when built: a longer term or trigger would be cut short.
const _: () = assert!(longest_term() <= TERM_MAX);
const _: () = assert!(super::proposals::longest_trigger() <= TERM_MAX);

/// The length of the longest term of [`VOCABULARY`].
const fn longest_term() -> usize {
    let (mut longest, mut i) = (0, 0);
    while i < VOCABULARY.len() {
        let terms = VOCABULARY[i].1;
        let mut j = 0;
        while j < terms.len() {
            if terms[j].len() > longest {
                longest = terms[j].len();
            }
            j += 1;
        }
        i += 1;
    }
    longest
}

/// A phrase (a term or a trigger), and how to compare the text at a word
/// with it: all its bytes in one go, ASCII case aside.
struct Phrase {
    /// The whole phrase.
    text: &'static str,
    /// Its words of eight bytes, the last one padded: those compared.
    words: usize,
    /// Its bytes, then zeros, eight to a word.
    bytes: [u64; TERM_MAX / 8],
    /// 0x20 under each ASCII letter of the phrase, else 0: a text byte
    /// `t` is the phrase's byte `b`, ASCII case aside, when `t | fold ==
    /// b` (the phrase is lower case, and the fold makes no other byte
    /// into a letter or the other way round).
    fold: [u64; TERM_MAX / 8],
    /// 0xff under each byte of the phrase, then 0: the text past the
    /// phrase is left out of the comparison.
    keep: [u64; TERM_MAX / 8],
}

impl Phrase {
    fn new(text: &'static str) -> Phrase {
        let eights = |f: &dyn Fn(u8) -> u8| {
            let mut padded = [0u8; TERM_MAX];
            for (p, b) in padded.iter_mut().zip(text.bytes()) {
                *p = f(b);
            }
            let (words, _) = padded.as_chunks::<8>();
            std::array::from_fn(|i| u64::from_le_bytes(words[i]))
        };
        Phrase {
            text,
            words: text.len().div_ceil(8),
            bytes: eights(&|b| b),
            fold: eights(&|b| if b.is_ascii_lowercase() { 0x20 } else { 0 }),
            keep: eights(&|_| 0xff),
        }
    }

    /// Whether `window` (the text from a word's start on, padded with
    /// zeros past its end) starts with the phrase, ASCII case aside.
    fn starts(&self, window: &[u8; TERM_MAX + 1]) -> bool {
        let (words, _) = window.as_chunks::<8>();
        let mut differ = 0;
        let phrase = self.bytes.iter().zip(&self.fold).zip(&self.keep);
        for (w, ((&b, &fold), &keep)) in words.iter().zip(phrase).take(self.words) {
            differ |= (u64::from_le_bytes(*w) | fold) & keep ^ b;
        }
        differ == 0
    }
}

/// A term of the vocabulary, with its topic.
struct Term {
    topic: Topic,
    phrase: Phrase,
    /// The words one of which must come just before it, or none.
    after: &'static [&'static str],
    /// The words none of which may come just after it.
    not_before: &'static [&'static str],
    /// The phrases none of which may come just before it.
    not_after: &'static [&'static str],
}

/// Terms of [`VOCABULARY`] that count only after one of some words: "the
/// mechanism" the OEWG speaks of, where "a coordination mechanism" is
/// another. Looked at only once the term is found, so a common word such
/// as "the" costs the walk nothing (as the phrase "the mechanism" would).
const AFTER_ONLY: &[(&str, &[&str])] = &[
    ("mechanism", &["the", "this", "that", "new"]),
    ("portal", &["global"]),
];

/// Terms of [`VOCABULARY`] that do not count before one of some words:
/// there they name an instrument or a trade, not the thing. "The
/// Cybercrime Convention" is a treaty negotiated elsewhere, no threat;
/// "incident response" is a capacity, not an incident. Looked at only
/// once the term is found, as [`AFTER_ONLY`] is.
const NOT_BEFORE: &[(&str, &[&str])] = &[
    ("cybercrime", &["convention", "conventions", "treaty"]),
    ("incident", INCIDENT_TRADES),
    ("incidents", INCIDENT_TRADES),
];

/// What is done about incidents, not an incident: "incident response".
const INCIDENT_TRADES: &[&str] = &[
    "response",
    "responses",
    "responder",
    "responders",
    "management",
    "handling",
];

/// Terms of [`VOCABULARY`] that do not count after one of some phrases,
/// for the same reason as [`NOT_BEFORE`]: "the Convention against
/// Cybercrime".
const NOT_AFTER: &[(&str, &[&str])] = &[(
    "cybercrime",
    &["convention against", "convention on", "conventions on"],
)];

/// The words listed for `term` in `table`, or none.
fn listed(table: &[(&str, &'static [&'static str])], term: &str) -> &'static [&'static str] {
    table
        .iter()
        .find(|(t, _)| *t == term)
        .map_or(&[], |(_, words)| words)
}

impl Term {
    /// Whether `window` (the text from a word's start on, padded with
    /// zeros past its end) starts with the term, ASCII case aside,
    /// followed by a byte of no word. The term's first word is then the
    /// whole word there: what follows it in the term is a byte of no word
    /// or the byte after the term.
    fn fits(&self, window: &[u8; TERM_MAX + 1]) -> bool {
        self.phrase.starts(window) && !word_byte(window[self.phrase.text.len()])
    }
}

/// Bits of [`head_bit`]: 65536 bits, of which the terms and triggers set
/// 196 (the terms alone 159, the triggers alone 79), most of them by the
/// phrases shorter than four bytes, whatever follows.
const HEAD_BITS: u32 = 16;

/// Bits of [`run_bit`].
const RUN_BITS: u32 = 12;

/// A run of `run` letters that starts with `head` (the bytes past the run
/// left out), each folded to its low five bits, hashed to [`RUN_BITS`]
/// bits.
fn run_bit(head: [u8; 4], run: usize) -> usize {
    const KEEP: [u32; 5] = [0, 0xff, 0xffff, 0xff_ffff, u32::MAX];
    let folded = u32::from_le_bytes(head) & 0x1f1f_1f1f & KEEP[run.min(4)];
    let k = u64::from(folded) | ((run as u64) << 32);
    (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - RUN_BITS)) as usize
}

/// Four bytes, each folded to its low five bits (the same for either case
/// of a letter), hashed to [`HEAD_BITS`] bits.
fn head_bit(head: [u8; 4]) -> usize {
    let folded = u32::from_le_bytes(head) & 0x1f1f_1f1f;
    (folded.wrapping_mul(0x9e37_79b1) >> (32 - HEAD_BITS)) as usize
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

/// A bit per byte of `chunk`, set for ASCII letters. Each byte is
/// classified into a flag byte (0x80 or 0) by plain comparisons, which
/// the compiler turns into vector instructions (16 bytes at a time), and
/// the flags put together by
/// [`high_bits_mask`](crate::analysis::text::high_bits_mask): eight
/// independent multiplications, which overlap the words of the block
/// before better than a transposition of the flags' bits, one chain of
/// shifts (a copy of the scan over the seeds' paragraphs 0.489 -> 0.447
/// ns a byte, best of 40).
///
/// Letters, not word bytes: every term and trigger starts with a letter,
/// after a byte of no word (which is no letter) or a character that is no
/// letter or digit; the few more starts this gives (after a digit, a
/// hyphen or a multi-byte character) are turned away where a phrase is
/// looked up ([`Matcher::found_at`]).
fn letter_mask(chunk: &[u8; 64]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(chunk) {
        *f = if (b | 0x20).wrapping_sub(b'a') < 26 {
            0x80
        } else {
            0
        };
    }
    crate::analysis::text::high_bits_mask(&flags)
}

/// What a walk looks for: the matcher of the topics' terms and the
/// triggers serves [`analyze`](super::analyze), and one of either alone
/// serves [`topics`] or [`proposals`](super::proposals) run by itself,
/// with none of the other's words to turn away. With both, the walk also
/// finds the words that may be the alignments' verbs
/// ([`walk_with_verbs`]): `analyze` runs the alignments too.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Find {
    Terms,
    Triggers,
    Both,
}

fn matcher(find: Find) -> &'static Matcher {
    static TERMS: OnceLock<Matcher> = OnceLock::new();
    static TRIGGERS: OnceLock<Matcher> = OnceLock::new();
    static BOTH: OnceLock<Matcher> = OnceLock::new();
    let m = match find {
        Find::Terms => &TERMS,
        Find::Triggers => &TRIGGERS,
        Find::Both => &BOTH,
    };
    m.get_or_init(|| Matcher::new(find != Find::Triggers, find != Find::Terms))
}

impl Matcher {
    /// The matcher of the terms, of the triggers, or of both (and then of
    /// the alignments' verbs).
    fn new(with_terms: bool, with_triggers: bool) -> Matcher {
        let mut heads = Box::new([0u64; 1 << (HEAD_BITS - 6)]);
        let mut runs = [0u64; 1 << (RUN_BITS - 6)];
        let mut terms: Vec<Term> = VOCABULARY
            .iter()
            .flat_map(|(topic, terms)| {
                terms.iter().map(|t| Term {
                    topic: *topic,
                    phrase: Phrase::new(t),
                    after: listed(AFTER_ONLY, t),
                    not_before: listed(NOT_BEFORE, t),
                    not_after: listed(NOT_AFTER, t),
                })
            })
            .filter(|_| with_terms)
            .collect();
        let by_run = index_by_run(&mut terms, |t| t.phrase.text, &mut heads, &mut runs);
        let mut texts: Vec<&'static str> = super::proposals::trigger_phrases()
            .filter(|_| with_triggers)
            .collect();
        texts.sort_unstable();
        texts.dedup();
        let mut triggers: Vec<Phrase> = texts.into_iter().map(Phrase::new).collect();
        let triggers_by_run = index_by_run(&mut triggers, |p| p.text, &mut heads, &mut runs);
        let mut verbs: Vec<Phrase> = super::alignments::verb_forms()
            .filter(|_| with_terms && with_triggers)
            .map(Phrase::new)
            .collect();
        let verbs_by_run = index_by_run(&mut verbs, |p| p.text, &mut heads, &mut runs);
        Matcher {
            heads,
            runs,
            by_run,
            terms,
            triggers_by_run,
            triggers,
            verbs_by_run,
            verbs,
        }
    }
}

/// Sorts `phrases` by the [`run_bit`] of their first letters, of one bit
/// the longest first (of those that fit at a word, all of one first
/// word, the longest is taken), sets their bits in `heads` and `runs`,
/// and gives where the phrases of each bit start: after those of the
/// bits before it.
fn index_by_run<T>(
    phrases: &mut [T],
    text: impl Fn(&T) -> &'static str,
    heads: &mut [u64; 1 << (HEAD_BITS - 6)],
    runs: &mut [u64; 1 << (RUN_BITS - 6)],
) -> Box<[u16; (1 << RUN_BITS) + 1]> {
    let run_of = |p: &str| {
        let run = p.bytes().take_while(u8::is_ascii_alphabetic).count();
        let mut head = [0u8; 4];
        for (h, b) in head.iter_mut().zip(p.bytes()) {
            *h = b;
        }
        run_bit(head, run)
    };
    for p in phrases.iter() {
        // The first four bytes of a word where the phrase fits are the
        // phrase's; after a phrase shorter than that comes any byte (of
        // no word, or a character no letter or digit): each of their 32
        // folded values.
        let p = text(p).as_bytes();
        let fixed = p.len().min(4);
        for any in 0..1usize << (5 * (4 - fixed)) {
            let mut head = [0u8; 4];
            head[..fixed].copy_from_slice(&p[..fixed]);
            for (i, h) in head[fixed..].iter_mut().enumerate() {
                *h = (any >> (5 * i) & 31) as u8;
            }
            let b = head_bit(head);
            heads[b / 64] |= 1 << (b % 64);
        }
    }
    phrases.sort_by_key(|p| (run_of(text(p)), std::cmp::Reverse(text(p).len())));
    let mut by_run = Box::new([0u16; (1 << RUN_BITS) + 1]);
    for p in phrases.iter() {
        let r = run_of(text(p));
        by_run[r + 1] += 1;
        runs[r / 64] |= 1 << (r % 64);
    }
    let mut before = 0;
    for slot in by_run.iter_mut() {
        before += *slot;
        *slot = before;
    }
    by_run
}

/// The terms in a text: each the longest term starting at a word, whole
/// words only, ASCII case ignored ([`walk`], its triggers left out):
/// found alone, and found with the triggers the same.
#[cfg(test)]
fn find_terms(text: &str, mut hit: impl FnMut(Topic, &'static str, usize, usize)) {
    let (mut alone, mut with_triggers) = (Vec::new(), Vec::new());
    walk(
        Find::Terms,
        text,
        |t, w, a, b| alone.push((t, w, a, b)),
        |_, _| {},
    );
    walk(
        Find::Both,
        text,
        |t, w, a, b| with_triggers.push((t, w, a, b)),
        |_, _| {},
    );
    assert_eq!(alone, with_triggers, "{text:?}");
    for (t, w, a, b) in alone {
        hit(t, w, a, b);
    }
}

/// The topic terms and the proposals' trigger hits of a text, in one walk
/// over the starts of its words: those of `find` (the others' callback is
/// not called).
///
/// A term is the longest term of [`VOCABULARY`] that starts at a word (a
/// letter after no byte of a word, [`word_byte`]) and ends before one,
/// ASCII case ignored; `term(topic, term, start, end)` is called for each
/// in order, and the next is looked for from its end on.
///
/// A trigger is the longest of the proposals' trigger phrases that starts
/// after no letter or digit (any character, Unicode) and ends before
/// none, ASCII case ignored; `trigger(start, end)` is called for each in
/// order, and the next is looked for from its end on. Whole words are
/// asked of each candidate before the longest is taken, so a phrase
/// inside a word ("non paper" in "anon paper") hides no trigger after it,
/// as it did in the leftmost-longest search of every byte this replaces.
///
/// The text is read 64 bytes at a time into a bit mask of letters, and
/// the runs of letters are visited by their start bits: a byte-by-byte
/// scan for the ends of words costs a mispredicted branch per word, which
/// made this the dearest analysis. The triggers ride on the topics'
/// visit of every word start: a search of their own from word starts
/// (eight bytes at a time, a table of first-letter pairs) read a quarter
/// fewer instructions than the automaton over every byte but took longer
/// (its branches at every word start; proposals on 200 seed copies 0.133
/// s against 0.120 s, best of 8), while here the word starts are paid for
/// already, and a trigger adds only the rare words that pass the bit
/// tests.
pub(super) fn walk(
    find: Find,
    text: &str,
    term: impl FnMut(Topic, &'static str, usize, usize),
    trigger: impl FnMut(usize, usize),
) {
    walk_with_verbs(find, text, term, trigger, |_| {});
}

/// [`walk`], and `verb(start)` called, in order, at each word that may be
/// one of the alignments' verbs: a run of ASCII letters after none that
/// is one of [`verb_forms`](super::alignments::verb_forms), ASCII case
/// aside, with [`Find::Both`] (with the others, never). Every such verb
/// that [`words`](super::text::words) gives in a sentence's
/// [`lower`](super::text::lower) copy is one: its letters are a whole
/// run, since a letter before or after one would be in its word. The
/// verbs ride on the visit of every word start, where the alignments'
/// own search for their stems read every byte again, once a stem.
pub(super) fn walk_with_verbs(
    find: Find,
    text: &str,
    mut term: impl FnMut(Topic, &'static str, usize, usize),
    mut trigger: impl FnMut(usize, usize),
    mut verb: impl FnMut(usize),
) {
    let m = matcher(find);
    let heads = &*m.heads;
    let bytes = text.as_bytes();
    let n = bytes.len();
    // Words before these were read as part of a term, of a trigger; none
    // is looked for past the end when the matcher has none.
    let mut terms_from = if m.terms.is_empty() { usize::MAX } else { 0 };
    let mut triggers_from = if m.triggers.is_empty() { usize::MAX } else { 0 };
    let mut prev_letter = false;
    let mut block = 0;
    // The last blocks' bytes and the four after them, padded with zeros
    // (bytes of no word) past the end.
    let mut last = [0u8; 68];
    while block < n {
        // The block's bytes and the four after it: the first four bytes
        // of any word that starts in the block are read from here without
        // a bounds check, and from the text itself but in the last blocks.
        let window: &[u8; 68] = match bytes.get(block..block + 68).and_then(|w| w.try_into().ok()) {
            Some(w) => w,
            None => {
                let rest = bytes.get(block..).unwrap_or_default();
                last.fill(0);
                last[..rest.len()].copy_from_slice(rest);
                &last
            }
        };
        let letters = letter_mask(window.first_chunk().unwrap_or(&[0; 64]));
        let mut starts = letters & !((letters << 1) | u64::from(prev_letter));
        prev_letter = letters >> 63 == 1;
        while starts != 0 {
            let k = starts.trailing_zeros() as usize & 63;
            starts &= starts - 1;
            // Most words start no term and no trigger: turned away by
            // their first four bytes alone, before finding where they end.
            let head = [window[k], window[k + 1], window[k + 2], window[k + 3]];
            let h = head_bit(head);
            if heads[h / 64] >> (h % 64) & 1 == 0 {
                continue;
            }
            let start = block + k;
            // No verb stands inside a term or a trigger (a test checks).
            if start < terms_from.min(triggers_from) {
                continue;
            }
            // Where its letters end.
            let rest = !letters >> k;
            let run = if rest == 0 {
                // On into the next block.
                let mut end = block + 64;
                while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
                end - start
            } else {
                rest.trailing_zeros() as usize
            };
            let r = run_bit(head, run);
            if m.runs[r / 64] >> (r % 64) & 1 == 0 {
                continue;
            }
            let (found, trigger_end, is_verb) =
                m.found_at(text, start, (r, run), terms_from, triggers_from);
            if is_verb {
                verb(start);
            }
            if let Some(t) = found {
                let end = start + t.phrase.text.len();
                term(t.topic, t.phrase.text, start, end);
                terms_from = end;
            }
            if let Some(end) = trigger_end {
                trigger(start, end);
                triggers_from = end;
            }
        }
        block += 64;
    }
}

impl Matcher {
    /// The longest term that starts at `start`, if a word of a term
    /// starts there and `terms_from` is not past it; and the end of the
    /// longest trigger that starts there, if a trigger's word starts
    /// there and `triggers_from` is not past it; and whether the letters
    /// there are one of the verbs. `start` is a letter's, after no letter,
    /// and `r` the [`run_bit`] of the `run` letters from there on. Apart
    /// from the walk's loop, whose registers it would crowd: it runs for
    /// one word in twenty.
    #[inline(never)]
    fn found_at(
        &self,
        text: &str,
        start: usize,
        (r, run): (usize, usize),
        terms_from: usize,
        triggers_from: usize,
    ) -> (Option<&Term>, Option<usize>, bool) {
        let bytes = text.as_bytes();
        let mut padded = [0; TERM_MAX + 1];
        let window = term_window(bytes, start, &mut padded);
        let before = start.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        let mut found = None;
        // Not inside a word, after a digit, a hyphen or a multi-byte
        // character.
        if start >= terms_from && !before.is_some_and(word_byte) {
            let terms = in_range(&self.terms, &self.by_run, r);
            found = terms.iter().find(|t| {
                t.fits(window)
                    && (t.after.is_empty() || word_before_is(bytes, start, t.after))
                    && (t.not_before.is_empty()
                        || !word_after_is(bytes, start + t.phrase.text.len(), t.not_before))
                    && !t
                        .not_after
                        .iter()
                        .any(|phrase| phrase_before_is(bytes, start, phrase))
            });
        }
        let mut trigger_end = None;
        let triggers = in_range(&self.triggers, &self.triggers_by_run, r);
        if start >= triggers_from && !triggers.is_empty() && !alphanumeric_before(text, start) {
            trigger_end = triggers
                .iter()
                .map(|p| (p, start + p.text.len()))
                .find(|&(p, end)| p.starts(window) && !alphanumeric_after(text, end))
                .map(|(_, end)| end);
        }
        let is_verb = in_range(&self.verbs, &self.verbs_by_run, r)
            .iter()
            .any(|p| p.text.len() == run && p.starts(window));
        (found, trigger_end, is_verb)
    }
}

/// Whether the word before byte `at` of `bytes`, past ASCII whitespace
/// (line ends too), is one of
/// `words` (lower case), ASCII case aside.
fn word_before_is(bytes: &[u8], at: usize, words: &[&str]) -> bool {
    let before = bytes.get(..at).unwrap_or_default().trim_ascii_end();
    let letters = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = &before[before.len() - letters..];
    // The word is whole: no letter of another script or digit runs into it.
    let whole = !before[..before.len() - letters]
        .last()
        .is_some_and(|&b| word_byte(b));
    whole
        && words
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether the word after byte `at` of `bytes`, past ASCII whitespace
/// (line ends too), is one of `words` (lower case), ASCII case aside; a
/// possessive after it is no part of it ("the Cybercrime Convention’s
/// entry into force").
fn word_after_is(bytes: &[u8], at: usize, words: &[&str]) -> bool {
    let after = bytes.get(at..).unwrap_or_default().trim_ascii_start();
    let letters = after.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &after[..letters];
    let rest = &after[letters..];
    let rest = rest
        .strip_prefix(b"'")
        .or_else(|| rest.strip_prefix("\u{2019}".as_bytes()))
        .map_or(rest, |r| r.strip_prefix(b"s").unwrap_or(r));
    let whole = !rest.first().is_some_and(|&b| word_byte(b));
    whole
        && words
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// Whether the words before byte `at` of `bytes` are those of `phrase`
/// (lower case, words split by one space), ASCII case and whitespace
/// aside.
fn phrase_before_is(bytes: &[u8], at: usize, phrase: &str) -> bool {
    let mut at = at;
    for word in phrase.rsplit(' ') {
        if !word_before_is(bytes, at, &[word]) {
            return false;
        }
        at = bytes[..at].trim_ascii_end().len() - word.len();
    }
    true
}

/// `phrases[by_run[r]..by_run[r + 1]]`: those of run bit `r`.
fn in_range<'m, T>(phrases: &'m [T], by_run: &[u16; (1 << RUN_BITS) + 1], r: usize) -> &'m [T] {
    let lo = by_run.get(r).map_or(0, |&i| usize::from(i));
    let hi = by_run.get(r + 1).map_or(0, |&i| usize::from(i));
    phrases.get(lo..hi).unwrap_or_default()
}

/// Whether the character before byte `at` of `text` is a letter or a
/// digit (Unicode): a trigger starts after none. An ASCII byte there is
/// the whole character, and is told without decoding.
fn alphanumeric_before(text: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|b| text.as_bytes().get(b)) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => text
            .get(..at)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_alphanumeric),
    }
}

/// Whether the character at byte `at` of `text` is a letter or a digit
/// (Unicode): a trigger ends before none. An ASCII byte there is the
/// whole character, and is told without decoding.
fn alphanumeric_after(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_alphanumeric),
    }
}

/// The bytes of `bytes` from `start` on that a phrase and the byte after
/// it may take, padded with zeros (no word's bytes, and no phrase's) past
/// the end: read in place, and copied into `padded` near the end only.
fn term_window<'b>(
    bytes: &'b [u8],
    start: usize,
    padded: &'b mut [u8; TERM_MAX + 1],
) -> &'b [u8; TERM_MAX + 1] {
    match bytes
        .get(start..start + TERM_MAX + 1)
        .and_then(|w| w.try_into().ok())
    {
        Some(w) => w,
        None => {
            let rest = bytes.get(start..).unwrap_or_default();
            padded.fill(0);
            padded[..rest.len()].copy_from_slice(rest);
            padded
        }
    }
}

/// Tags every statement with its topics. One pass over each text.
///
/// ```
/// use oewg_core::analysis::{topics, Topic};
/// let s = oewg_core::parse("Chile: Capacity-building and the Programme of Action, by consensus.\n").unwrap();
/// let t = topics(&s);
/// let tags: Vec<Topic> = t.statements[0].tags.iter().map(|g| g.topic).collect();
/// assert_eq!(tags, [Topic::CapacityBuilding, Topic::InstitutionalDialogue, Topic::DecisionMaking]);
/// let hit = &t.statements[0].tags[0].evidence[0];
/// assert_eq!((&*hit.term, hit.start, hit.end), ("capacity-building", 0, 17));
/// ```
pub fn topics(session: &Session) -> Topics {
    topics_walk(session, None)
}

/// The trigger hits of every statement, `(i, (start, end))` for the
/// statement `session.statements[i]`, in order: those of [`walk`].
pub(crate) type TriggerHits = Vec<(usize, (usize, usize))>;

/// Where the words that may be the alignments' verbs start, `(i, start)`
/// for the statement `session.statements[i]`, in order: those of
/// [`walk_with_verbs`].
pub(crate) type VerbHits = Vec<(usize, usize)>;

/// What the walk of [`topics_and_hits`] finds besides the topics.
#[derive(Debug, Default)]
pub(crate) struct WalkHits {
    /// Every statement's trigger hits, for the proposals.
    pub(crate) triggers: TriggerHits,
    /// Every statement's words that may be verbs, for the alignments.
    pub(crate) verbs: VerbHits,
}

/// [`topics`], and every statement's trigger hits and possible verbs
/// found in the same walk over its words: what
/// [`analyze`](super::analyze) and [`analyze_batch`](crate::analyze_batch)
/// hand to the proposals and the alignments.
pub(crate) fn topics_and_hits(session: &Session) -> (Topics, WalkHits) {
    let mut hits = WalkHits::default();
    let topics = topics_walk(session, Some(&mut hits));
    (topics, hits)
}

/// [`topics_and_hits`] with the trigger hits alone: what the proposals'
/// tests compare with the triggers found by themselves.
#[cfg(test)]
pub(crate) fn topics_and_triggers(session: &Session) -> (Topics, TriggerHits) {
    let (topics, hits) = topics_and_hits(session);
    (topics, hits.triggers)
}

/// Every statement's trigger hits alone, for the proposals run by
/// themselves.
pub(super) fn triggers(session: &Session) -> TriggerHits {
    let mut hits = Vec::new();
    for (i, st) in session.statements.iter().enumerate() {
        walk(
            Find::Triggers,
            &st.text,
            |_, _, _, _| {},
            |s, e| {
                hits.push((i, (s, e)));
            },
        );
    }
    hits
}

/// [`topics`], with every statement's trigger hits and possible verbs
/// into `hits` when asked for.
fn topics_walk(session: &Session, hits: Option<&mut WalkHits>) -> Topics {
    let mut counts: Vec<TopicCount> = Topic::ALL
        .iter()
        .map(|&topic| TopicCount {
            topic,
            statements: 0,
            terms: 0,
        })
        .collect();
    let mut out = Vec::new();
    // The terms of one statement by topic, reused: each statement's tags
    // and evidence are then made at their final size, with no growing and
    // no shrinking (thousands of reallocations on the seeds).
    let mut found: [Vec<TermHit>; Topic::ALL.len()] = Default::default();
    let (find, mut triggers, mut verbs) = match hits {
        Some(h) => (Find::Both, Some(&mut h.triggers), Some(&mut h.verbs)),
        None => (Find::Terms, None, None),
    };
    for (i, st) in session.statements.iter().enumerate() {
        let mut any = false;
        walk_with_verbs(
            find,
            &st.text,
            |topic, term, start, end| {
                any = true;
                if let Some(f) = found.get_mut(topic as usize) {
                    f.push(TermHit {
                        term: Cow::Borrowed(term),
                        start,
                        end,
                    });
                }
            },
            |s, e| {
                if let Some(t) = triggers.as_deref_mut() {
                    t.push((i, (s, e)));
                }
            },
            |s| {
                if let Some(v) = verbs.as_deref_mut() {
                    v.push((i, s));
                }
            },
        );
        if !any {
            continue;
        }
        let mut tags = Vec::with_capacity(found.iter().filter(|f| !f.is_empty()).count());
        for ((&topic, f), count) in Topic::ALL.iter().zip(&mut found).zip(&mut counts) {
            if f.is_empty() {
                continue;
            }
            count.statements += 1;
            count.terms += f.len();
            // Drained, not taken: the scratch keeps its room for the next
            // statement, and the evidence is made at its exact size.
            #[allow(clippy::drain_collect)]
            let evidence: Vec<TermHit> = f.drain(..).collect();
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

display_as_str!(Topic);
from_serde_name!(Topic);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A term by its first word: (topic, the whole term, what follows the
    /// first word).
    type TermStart = (Topic, &'static str, &'static str);

    /// The walk skips the words inside a term or a trigger it found: none
    /// of them may be one of the alignments' verbs. A run of letters that
    /// starts inside a phrase and ends inside it or at its end is the
    /// text's too, since no letter follows a phrase where it is found.
    #[test]
    fn no_verb_inside_a_term_or_a_trigger() {
        let phrases = VOCABULARY
            .iter()
            .flat_map(|(_, terms)| terms.iter().copied())
            .chain(super::super::proposals::trigger_phrases());
        for phrase in phrases {
            let inner = phrase
                .split(|c: char| !c.is_ascii_alphabetic())
                .skip(1)
                .filter(|w| !w.is_empty());
            for w in inner {
                assert!(
                    !super::super::alignments::verb_forms().any(|v| v.eq_ignore_ascii_case(w)),
                    "{phrase:?}"
                );
            }
        }
    }

    #[test]
    fn letter_mask_agrees_with_a_byte_test() {
        for start in (0..256).step_by(64) {
            let chunk: [u8; 64] = std::array::from_fn(|i| (start + i) as u8);
            let mask = letter_mask(&chunk);
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(mask >> k & 1 == 1, b.is_ascii_alphabetic(), "byte {b:#x}");
            }
        }
    }

    #[test]
    fn letter_mask_agrees_with_a_byte_test_on_random_blocks() {
        // Word bytes and others at random, in runs and alone: every bit
        // position of the transposition, each way.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..4000 {
            let chunk: [u8; 64] = std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Bias towards the bytes at the edges of the classes.
                const EDGES: &[u8] = b" -./09:@AZ[`az{\x7f\x80\xff,\n";
                if x & 3 == 0 {
                    EDGES[(x >> 8) as usize % EDGES.len()]
                } else {
                    (x >> 24) as u8
                }
            });
            let want = chunk.iter().enumerate().fold(0u64, |m, (k, &b)| {
                m | u64::from(b.is_ascii_alphabetic()) << k
            });
            assert_eq!(letter_mask(&chunk), want, "{chunk:?}");
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
            [(Topic::DecisionMaking, vec!["by consensus".into()])]
        );
    }

    #[test]
    fn a_portal_is_the_global_one_proposed() {
        assert_eq!(
            tags("The proposal for a global portal."),
            [(Topic::CapacityBuilding, vec!["portal".into()])]
        );
        assert!(tags("Uploaded on the e-statements portal.").is_empty());
        assert_eq!(
            tags("CBMs and capacity buildings."),
            [
                (Topic::ConfidenceBuilding, vec!["cbms".into()]),
                (Topic::CapacityBuilding, vec!["capacity buildings".into()])
            ]
        );
    }

    #[test]
    fn an_instrument_or_a_trade_named_is_not_the_threat() {
        for text in [
            "The adoption of the Cybercrime Convention.",
            "Negotiations toward a cybercrime\nconvention.",
            "The UN Convention against Cybercrime.",
            "The Cybercrime Convention\u{2019}s entry into force.",
            "The cybercrime convention's parties.",
            "The Council of Europe Convention on Cybercrime.",
            "Cyber incident management.",
            "Improving cyber incident response.",
            "A repository for incident responses.",
            "Incident responders and academia.",
        ] {
            assert!(
                !tags(text).iter().any(|(t, _)| *t == Topic::Threats),
                "{text:?}: {:?}",
                tags(text)
            );
        }
        for (text, term) in [
            ("Cybercrime is rising.", "cybercrime"),
            ("The fight against cybercrime.", "cybercrime"),
            ("Cybercrime conventional wisdom.", "cybercrime"),
            ("Cybercrime conventions\u{2019}s-ish.", "cybercrime"),
            ("An incident, response teams.", "incident"),
            ("Incidents responded to.", "incidents"),
        ] {
            assert_eq!(
                tags(text),
                [(Topic::Threats, vec![term.into()])],
                "{text:?}"
            );
        }
    }

    #[test]
    fn consensus_as_a_rule_not_as_an_agreement_sought() {
        for (text, term) in [
            ("Decisions are taken by consensus.", "by consensus"),
            (
                "The principle of consensus must remain.",
                "principle of consensus",
            ),
            (
                "The abuse of consensus can paralyze us.",
                "abuse of consensus",
            ),
            ("Consensus decisions bind no one.", "consensus decisions"),
            ("Texts adopted on a consensus basis.", "consensus basis"),
            ("It should be consensus based.", "consensus based"),
            (
                "Groups established based on consensus.",
                "based on consensus",
            ),
            ("Adopted by a simple majority.", "simple majority"),
            ("A majority vote.", "majority vote"),
        ] {
            assert_eq!(
                tags(text),
                [(Topic::DecisionMaking, vec![term.into()])],
                "{text}"
            );
        }
        for text in [
            "We thank you for your efforts to find a consensus.",
            "We hope to reach consensus on the text.",
            "The majority of states agree.",
            "Developing countries need support to attend.",
            "Thank you for your efforts to reach a consensus decision on it.",
        ] {
            assert!(tags(text).is_empty(), "{text}: {:?}", tags(text));
        }
    }

    #[test]
    fn the_mechanism_not_any_mechanism() {
        for text in [
            "The mechanism should be action-oriented.",
            "Funding of this  mechanism.",
            "The new mechanism will serve all.",
            "THAT MECHANISM.",
        ] {
            assert_eq!(
                tags(text),
                [(Topic::InstitutionalDialogue, vec!["mechanism".into()])],
                "{text}"
            );
        }
        for text in [
            "We recommend a coordination mechanism to match needs and offers.",
            "Such a mechanism should be structured with a view to results.",
            "Funding mechanisms for travel.",
            "Mechanism for it.",
            "Bathe mechanism.",
            "Ｔhe mechanism.",
        ] {
            assert!(tags(text).is_empty(), "{text}: {:?}", tags(text));
        }
    }

    #[test]
    fn plurals_and_compounds_the_records_use() {
        for (text, topic, term) in [
            (
                "The multistakeholders.",
                Topic::Stakeholders,
                "multistakeholders",
            ),
            (
                "Multi-stakeholders.",
                Topic::Stakeholders,
                "multi-stakeholders",
            ),
            (
                "Be consensus-based.",
                Topic::DecisionMaking,
                "consensus-based",
            ),
            (
                "Consensus-driven.",
                Topic::DecisionMaking,
                "consensus-driven",
            ),
            ("A veto-based process.", Topic::DecisionMaking, "veto-based"),
        ] {
            assert_eq!(tags(text), [(topic, vec![term.into()])], "{text}");
        }
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
                // The word before, whole, past ASCII spaces.
                let before = bytes[..start].trim_ascii_end();
                let word_len = before.iter().rev().take_while(|&&b| word_byte(b)).count();
                let previous = before[before.len() - word_len..].to_ascii_lowercase();
                let after_ok = AFTER_ONLY
                    .iter()
                    .find(|(t, _)| *t == term)
                    .is_none_or(|(_, words)| words.iter().any(|w| w.as_bytes() == previous));
                // The word after, whole, past ASCII whitespace.
                let rest_after = bytes.get(end..).unwrap_or_default().trim_ascii_start();
                let next_len = rest_after.iter().take_while(|&&b| word_byte(b)).count();
                let mut next = rest_after[..next_len].to_ascii_lowercase();
                // A possessive is no part of the word.
                for tail in ["\u{2019}s", "\u{2019}", "'s", "'"] {
                    if let Some(w) = next.strip_suffix(tail.as_bytes()) {
                        if !w.is_empty() && w.iter().all(u8::is_ascii_alphabetic) {
                            next = w.to_vec();
                            break;
                        }
                    }
                }
                let before_ok = !listed(NOT_BEFORE, term)
                    .iter()
                    .any(|w| w.as_bytes() == next);
                // The two words before, whole.
                let earlier = before[..before.len() - word_len].trim_ascii_end();
                let earlier_len = earlier.iter().rev().take_while(|&&b| word_byte(b)).count();
                let two = [
                    earlier[earlier.len() - earlier_len..].to_ascii_lowercase(),
                    previous.clone(),
                ]
                .join(&b' ');
                let not_after_ok = !listed(NOT_AFTER, term).iter().any(|p| p.as_bytes() == two);
                if fits
                    && after_ok
                    && before_ok
                    && not_after_ok
                    && !bytes.get(end).is_some_and(|&b| word_byte(b))
                {
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
            "cybercrime",
            "Cybercrime",
            "convention",
            "Convention against",
            "against",
            "incident",
            "incidents",
            "response",
            "Responders",
            "convention\u{2019}s",
            "Convention's",
            "management",
            "convention on",
        ];
        for text in crate::text::pieced_texts(&pieces, 3000, 60, 0x9e37_79b9_7f4a_7c15) {
            let mut got = Vec::new();
            find_terms(&text, |t, w, a, b| got.push((t, w, a, b)));
            assert_eq!(got, find_terms_bytewise(&text), "{text:?}");
        }
    }

    /// Pieces for the property below: terms and their first words in
    /// each case, words that share their first bytes, and the bytes at
    /// the edges of words.
    const SCAN_PIECES: &[&str] = &[
        "un",
        "UN",
        "Un",
        " ",
        "charter",
        "Charter",
        "un charter",
        "UN Charter",
        "of the united nations",
        "existing and potential threats",
        "existing",
        "Existing and",
        "threat",
        "THREATS",
        "norms",
        "nor",
        "normal",
        "cyber",
        "cyber-attack",
        "Cyber Attacks",
        "attacks",
        "-",
        "'",
        ".",
        ",",
        "\n",
        "é",
        "\u{2019}",
        "0",
        "9",
        "x",
        "poc",
        "POCs",
        "poc directory",
        "capacity",
        "capacity-building",
        "building",
        "international",
        "International Human Rights Law",
        "humanitarian",
        "law",
        "state",
        "states",
        "responsibility",
        "rules, norms and principles",
        "decision",
        "making",
        "decision-making",
        "non",
        "non-binding",
        "binding",
        "use of force",
        "use",
        "of",
        "force",
        "thematic group",
        "Thematic Groups",
        "the",
        "mechanism",
        "This",
        "-",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The block scan and its whole-term comparison against a byte
        /// at a time, on texts of many blocks with terms across their
        /// boundaries and at the text's end.
        #[test]
        fn the_block_scan_agrees_with_a_byte_scan(
            picks in proptest::collection::vec(0..SCAN_PIECES.len(), 0..120),
        ) {
            let text: String = picks.iter().map(|&i| SCAN_PIECES[i]).collect();
            let mut got = Vec::new();
            find_terms(&text, |t, w, a, b| got.push((t, w, a, b)));
            proptest::prop_assert_eq!(got, find_terms_bytewise(&text));
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
    fn a_term_is_told_as_by_ignoring_ascii_case() {
        for t in &matcher(Find::Both).terms {
            let term = t.phrase.text;
            let mut cases = vec![
                term.to_string(),
                term.to_uppercase(),
                format!("{term}s"),
                format!("{term}-"),
                format!("{term}é"),
                format!("{term} "),
                format!("{term}."),
                term[1..].to_string(),
                term[..term.len() - 1].to_string(),
            ];
            for i in 0..term.len() {
                // One byte changed: to a capital letter, a character of
                // two bytes, a digit, a hyphen, a space, a control byte,
                // or the byte with bit 5 flipped; or made upper case.
                for with in ["X", "é", "0", "-", " ", "\r", "\u{0}"] {
                    cases.push(format!("{}{with}{}", &term[..i], &term[i + 1..]));
                }
                let flipped = (term.as_bytes()[i] ^ 0x20) as char;
                if flipped.is_ascii() {
                    cases.push(format!("{}{flipped}{}", &term[..i], &term[i + 1..]));
                }
                let mut up = term.to_string();
                up[i..=i].make_ascii_uppercase();
                cases.push(up);
            }
            for c in cases {
                let want = c.len() >= term.len()
                    && c.as_bytes()[..term.len()].eq_ignore_ascii_case(term.as_bytes())
                    && !c.as_bytes().get(term.len()).is_some_and(|&b| word_byte(b));
                let mut padded = [0; TERM_MAX + 1];
                let window = term_window(c.as_bytes(), 0, &mut padded);
                assert_eq!(t.fits(window), want, "{c:?} {term:?}");
            }
        }
    }

    #[test]
    fn the_edges_of_a_trigger_are_told_as_by_decoding() {
        let text = "a1 é-x\u{2019}Ω9 \u{1f600}z.ñ";
        for at in 0..=text.len() + 1 {
            let before = text
                .get(..at)
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_alphanumeric);
            let after = text
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphanumeric);
            assert_eq!(alphanumeric_before(text, at), before, "{at}");
            assert_eq!(alphanumeric_after(text, at), after, "{at}");
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
        for term in all {
            // The scan visits the starts of runs of letters only.
            assert!(term.as_bytes()[0].is_ascii_lowercase(), "{term:?}");
            // What `Term::fits` compares in one go.
            assert!(term.len() <= TERM_MAX, "{term:?}");
        }
    }
}

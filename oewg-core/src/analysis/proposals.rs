//! Proposals: what delegations put forward, who backs it and who resists
//! it. "The Canada-Chile proposal", "the proposal by Canada and Chile" and
//! "the non-paper of Canada and Chile" are one [`Proposal`] with Canada and
//! Chile as sponsors; every naming is a [`ProposalMention`] with the
//! [`Stance`] of the speaking delegation and the words that carry it.
//!
//! The trigger words (proposal nouns, "we propose") are found in the same
//! walk over each statement's word starts as the terms of the
//! [topics](mod@super::topics); the sentence work runs only around them,
//! so the cost is linear in the text.

use super::text::{sentences_at, words, words_into, Excerpt};
use crate::model::{Role, Session, Statement};
use crate::speakers::{could_end_name, could_start_name_at, names_in, NameAt};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// What kind of thing a proposal is.
///
/// ```
/// use oewg_core::analysis::ProposalKind;
/// assert_eq!(serde_json::to_string(&ProposalKind::NonPaper).unwrap(), "\"non_paper\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProposalKind {
    /// A proposal or paper of the Chair ("the Chair's revised proposal",
    /// "the discussion paper").
    ChairsProposal,
    /// A working paper tabled by delegations.
    WorkingPaper,
    /// A non-paper.
    NonPaper,
    /// A standing initiative such as the Programme of Action.
    Initiative,
    /// Draft text or a paragraph of one ("the language proposed by …").
    DraftText,
    /// A template ("the survey template").
    Template,
    /// A fund.
    Fund,
    /// A portal.
    Portal,
    /// A proposal of another kind, or of a kind the record does not say.
    Other,
}

impl ProposalKind {
    /// The name used in JSON.
    ///
    /// ```
    /// assert_eq!(oewg_core::analysis::ProposalKind::ChairsProposal.as_str(), "chairs_proposal");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalKind::ChairsProposal => "chairs_proposal",
            ProposalKind::WorkingPaper => "working_paper",
            ProposalKind::NonPaper => "non_paper",
            ProposalKind::Initiative => "initiative",
            ProposalKind::DraftText => "draft_text",
            ProposalKind::Template => "template",
            ProposalKind::Fund => "fund",
            ProposalKind::Portal => "portal",
            ProposalKind::Other => "other",
        }
    }
}

/// Where the speaking delegation stands on a proposal it mentions.
///
/// ```
/// use oewg_core::analysis::Stance;
/// assert_eq!(serde_json::to_string(&Stance::Oppose).unwrap(), "\"oppose\"");
/// ```
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
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Stance {
    /// Supports, welcomes, endorses, co-sponsors.
    Support,
    /// Opposes, rejects, cannot support.
    Oppose,
    /// Has concerns or reservations.
    Concern,
    /// Takes note, will study, is open: neither for nor against.
    Neutral,
    /// Names the proposal without a position (its own sponsor presenting
    /// it, a reference in passing).
    Reference,
}

impl Stance {
    /// The name used in JSON.
    ///
    /// ```
    /// assert_eq!(oewg_core::analysis::Stance::Concern.as_str(), "concern");
    /// assert_eq!(format!("{}", oewg_core::analysis::Stance::Concern), "concern");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Concern => "concern",
            Stance::Neutral => "neutral",
            Stance::Reference => "reference",
        }
    }

    /// The side one speaker takes on a proposal in one session, from the
    /// stances of its mentions in order: support when more of them support
    /// it than oppose it or have concerns; else, when more are against it,
    /// the more said of opposition and concern; a tie going to the side of
    /// the latest mention among those tied. `None` when none takes a side.
    /// Opposition and concern count together against support: a speaker
    /// who opposes a paper, has concerns about it and agrees with one of
    /// its points is against it. Every view of a session's proposals (the
    /// glance, [`crate::Corpus::proposals`], the stance matrix) puts a
    /// speaker on this one side, so they agree.
    pub(crate) fn side(stances: impl IntoIterator<Item = Stance>) -> Option<Stance> {
        // Per side: how many, and the place of its latest mention.
        let mut count = [(0usize, 0usize); 3];
        for (at, stance) in stances.into_iter().enumerate() {
            let k = match stance {
                Stance::Support => 0,
                Stance::Oppose => 1,
                Stance::Concern => 2,
                Stance::Neutral | Stance::Reference => continue,
            };
            count[k] = (count[k].0 + 1, at);
        }
        let [support, oppose, concern] = count;
        // The more said of the two, a tie to the latest.
        let against = if oppose > concern {
            (Stance::Oppose, oppose)
        } else {
            (Stance::Concern, concern)
        };
        let against_n = oppose.0 + concern.0;
        match support.0.cmp(&against_n) {
            _ if support.0 + against_n == 0 => None,
            std::cmp::Ordering::Greater => Some(Stance::Support),
            std::cmp::Ordering::Less => Some(against.0),
            std::cmp::Ordering::Equal if support.1 > oppose.1.max(concern.1) => {
                Some(Stance::Support)
            }
            std::cmp::Ordering::Equal => Some(against.0),
        }
    }
}

/// Words of a statement's text, by byte offsets in [`Statement::text`].
///
/// ```
/// let s = oewg_core::parse("Peru: We support the Canada-Chile proposal.\n").unwrap();
/// let m = &s.analysis.proposals[0].mentions[0];
/// let cue = &m.cues[0];
/// assert_eq!(&s.statements[0].text[cue.start..cue.end], cue.text);
/// assert_eq!(cue.text, "support");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cue {
    /// The words as written.
    pub text: String,
    /// Byte offset of the first byte in the statement's text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

/// A range of a statement's text: byte offsets in [`Statement::text`].
///
/// ```
/// let s = oewg_core::parse("Peru: Hello. We support the PoA.\n").unwrap();
/// let r = s.analysis.proposals[0].mentions[0].sentence;
/// assert_eq!(&s.statements[0].text[r.start..r.end], "We support the PoA.");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct TextRange {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl TextRange {
    /// The part of `text` (the statement's) the range covers, or `None`
    /// when it does not fit: past the end, inverted, or inside a character
    /// (the text is another than the range's).
    ///
    /// ```
    /// use oewg_core::analysis::TextRange;
    /// let r = TextRange { start: 5, end: 11 };
    /// assert_eq!(r.slice("Née déjà vu"), Some("déjà"));
    /// assert_eq!(r.slice("short"), None);
    /// ```
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

/// One naming of a proposal in a statement.
///
/// ```
/// let s = oewg_core::parse(
///     "Peru: We cannot support the proposal by Canada and Chile.\n").unwrap();
/// let m = &s.analysis.proposals[0].mentions[0];
/// assert_eq!((m.statement, m.speaker.as_str()), (0, "Peru"));
/// assert_eq!(m.words.text, "proposal by Canada and Chile");
/// assert_eq!(&s.statements[0].text[m.sentence.start..m.sentence.end],
///            "We cannot support the proposal by Canada and Chile.");
/// assert_eq!(m.stance, oewg_core::analysis::Stance::Oppose);
/// assert_eq!(m.cues[0].text, "cannot support");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposalMention {
    /// Index of the statement.
    pub statement: usize,
    /// The speaker, by canonical name (the label when not recognised):
    /// the statement's, except in a chunk the floor audit finds to be
    /// someone else's words ([`AnomalyKind::UnlabelledChunk`],
    /// [`AnomalyKind::ForeignChunk`]), where it is that someone.
    ///
    /// [`AnomalyKind::UnlabelledChunk`]: super::AnomalyKind::UnlabelledChunk
    /// [`AnomalyKind::ForeignChunk`]: super::AnomalyKind::ForeignChunk
    pub speaker: String,
    /// The words naming the proposal.
    pub words: Excerpt,
    /// The sentence holding them, by byte offsets in the statement's text
    /// (offsets only: the sentence is `&statement.text[start..end]`, and
    /// the many mentions of a long session keep no copies of it).
    pub sentence: TextRange,
    /// The speaker's stance on the proposal in this sentence.
    pub stance: Stance,
    /// The words that carry the stance, negation included ("cannot
    /// support"); empty for [`Stance::Reference`].
    pub cues: Vec<Cue>,
}

/// A proposal of a session, with every mention of it.
///
/// ```
/// let s = oewg_core::parse(
///     "Canada: We present our proposal, co-sponsored by 25 countries.\n\
///      Peru: We welcome the Canada proposal.\n").unwrap();
/// let p = &s.analysis.proposals[0];
/// assert_eq!(p.id, "canada-proposal");
/// assert_eq!(p.sponsors, ["Canada"]);
/// assert_eq!(p.cosponsors, Some(25));
/// assert_eq!(p.mentions.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Proposal {
    /// A stable key, the same for the same proposal in every session:
    /// `canada-chile-proposal`, `programme-of-action`, `chairs-proposal`.
    /// The Chair's proposal is the sitting Chair's text of this session;
    /// the corpus views ([`crate::Corpus::proposals`]) add the session to
    /// its id (`chairs-proposal@oewg-2021-25-session-1`).
    pub id: String,
    /// The canonical name ("Canada–Chile proposal", "Programme of Action").
    pub name: String,
    /// What kind of proposal it is.
    pub kind: ProposalKind,
    /// The sponsors, by canonical name, in alphabetical order.
    pub sponsors: Vec<String>,
    /// How many co-sponsors the record counts ("co-sponsored by 25
    /// countries"), when it does.
    pub cosponsors: Option<u32>,
    /// The co-sponsors the record names, by canonical name, in
    /// alphabetical order: a list after "namely" or "co-sponsored by"
    /// ("25 states that co-sponsor the proposal, namely Australia,
    /// Belgium, …"), and a speaker that says it co-sponsors the proposal
    /// ("the working paper that we co-sponsored", "Slovakia co-sponsored
    /// the non-paper", "has joined the group of co-sponsors"). A sponsor
    /// the list names is in it too. Read as empty from older JSON.
    #[serde(default)]
    pub cosponsor_names: Vec<String>,
    /// Every mention, in order of statements.
    pub mentions: Vec<ProposalMention>,
}

/// The trigger words, matched ASCII case ignored, whole words only: the
/// nouns that name a proposal, the names of standing initiatives, and the
/// verbs of a proposal ("we propose", "as proposed by China").
const TRIGGERS: &[&str] = &[
    "proposal",
    "proposals",
    "non-paper",
    "non paper",
    "nonpaper",
    "working paper",
    "discussion paper",
    "concept paper",
    "paper",
    "document",
    "working document",
    "text",
    "letter",
    "plan",
    "compromise",
    "idea",
    "model",
    "suggestions",
    "timeline",
    "timetable",
    "timing",
    "template",
    "fund",
    "portal",
    "initiative",
    "declaration",
    "rev one",
    "ref one",
    "rev 1",
    "rev. 1",
    "programme of action",
    "program of action",
    "programme of actions",
    "poa",
    "legally binding instrument",
    "legally-binding instrument",
    "legally binding obligations",
    "binding instrument",
    "non-legally binding",
    "non-legally-binding",
    "non legally binding",
    "propose",
    "proposes",
    "proposed",
    "presented",
    "changes",
    "changing",
    "those of",
    "modify",
    "modifying",
    "suggest",
    "suggests",
    "recommend",
];

/// Standing initiatives known by name: (lower-case names, id, canonical
/// name, kind).
const INITIATIVES: &[(&[&str], &str, &str, ProposalKind)] = &[
    (
        &[
            "programme of action",
            "program of action",
            "programme of actions",
            "poa",
        ],
        "programme-of-action",
        "Programme of Action",
        ProposalKind::Initiative,
    ),
    (
        &[
            "legally binding instrument",
            "legally-binding instrument",
            "legally binding obligations",
            "binding instrument",
        ],
        "legally-binding-instrument",
        "Legally binding instrument",
        ProposalKind::Other,
    ),
];

/// A proposal the record names by what it is, not by who made it: "a
/// point of contact network", "tabletop exercises", "the Ad Hoc
/// Committee model". One entry per proposal; the vocabulary is data so a
/// reader can see why a mention was counted.
struct ContentName {
    /// Lower-case phrases, matched as whole words, ASCII case ignored.
    phrases: &'static [&'static str],
    id: &'static str,
    name: &'static str,
    kind: ProposalKind,
    /// The sentence must also hold one of these (lower-case substrings),
    /// when the phrase alone names something else too ("the Ad Hoc
    /// Committee" is a body; its modalities are the proposal); empty when
    /// the phrase is enough.
    context: &'static [&'static str],
    /// A description of an instrument some delegations sponsor under
    /// another name: the survey of national implementation is the
    /// session's survey template. Joins the session's one sponsored
    /// proposal of the same kind, when there is exactly one.
    joins_sponsored: bool,
}

const CONTENT_NAMES: &[ContentName] = &[
    ContentName {
        phrases: &[
            "point of contact network",
            "points of contact network",
            "point of contact networks",
            "points of contact networks",
            "network of points of contact",
            "network of national points of contact",
            "poc network",
            "pocs network",
            "national contacts",
        ],
        id: "poc-network",
        name: "Network of points of contact",
        kind: ProposalKind::Initiative,
        context: &[],
        joins_sponsored: false,
    },
    ContentName {
        phrases: &[
            "tabletop exercises",
            "tabletop exercise",
            "table-top exercises",
            "table-top exercise",
            "table top exercises",
        ],
        id: "tabletop-exercises",
        name: "Tabletop exercises",
        kind: ProposalKind::Other,
        context: &[],
        joins_sponsored: false,
    },
    ContentName {
        phrases: &[
            "repository for incident response",
            "repository for incident responses",
            "repository on incident response",
            "incident response repository",
        ],
        id: "incident-response-repository",
        name: "Repository on incident response",
        kind: ProposalKind::Other,
        context: &[],
        joins_sponsored: false,
    },
    ContentName {
        phrases: &[
            "vulnerability disclosure mechanism",
            "vulnerability disclosure mechanisms",
        ],
        id: "vulnerability-disclosure-mechanisms",
        name: "Vulnerability disclosure mechanisms",
        kind: ProposalKind::Other,
        context: &[],
        joins_sponsored: false,
    },
    ContentName {
        phrases: &[
            "ad hoc committee",
            "ad-hoc committee",
            "ad hoc cybercrime",
            "ad-hoc cybercrime",
            "ad hoc cyber crime",
            "ad-hoc cyber crime",
            "gold standard",
            "golden standard",
        ],
        id: "ad-hoc-committee-modalities",
        name: "Ad Hoc Committee modalities",
        kind: ProposalKind::Other,
        context: &["modalit", "model", "standard", "example"],
        joins_sponsored: false,
    },
    ContentName {
        phrases: &[
            "survey of national implementation",
            "national survey",
            "national surveys",
            "national surveys of implementation",
            "national surveys of implementations",
        ],
        id: "national-survey",
        name: "National survey of implementation",
        kind: ProposalKind::Template,
        context: &[],
        joins_sponsored: true,
    },
];

fn content_name(phrase: &str) -> Option<&'static ContentName> {
    // Most triggers ("proposal", "poa") are shorter than any phrase: told
    // without hashing them.
    if phrase.len() < SHORTEST_CONTENT {
        return None;
    }
    // By hash: every trigger is asked, and the phrases are many.
    static BY_PHRASE: OnceLock<HashMap<&'static str, &'static ContentName, Fnv>> = OnceLock::new();
    BY_PHRASE
        .get_or_init(|| {
            let mut map = HashMap::default();
            for c in CONTENT_NAMES {
                for &p in c.phrases {
                    // The first entry that holds a phrase names it.
                    map.entry(p).or_insert(c);
                }
            }
            map
        })
        .get(phrase)
        .copied()
}

/// The length of the shortest phrase of [`CONTENT_NAMES`].
const SHORTEST_CONTENT: usize = {
    let mut shortest = usize::MAX;
    let mut c = 0;
    while c < CONTENT_NAMES.len() {
        let phrases = CONTENT_NAMES[c].phrases;
        let mut j = 0;
        while j < phrases.len() {
            if phrases[j].len() < shortest {
                shortest = phrases[j].len();
            }
            j += 1;
        }
        c += 1;
    }
    shortest
};

/// A fixed list of words, asked by the place of their first bytes: the
/// lists are asked about the words around every trigger, and a scan of
/// eighty entries costs more.
struct WordSet {
    words: &'static [&'static str],
    /// The [`word_key`] bits of the words, made at compile time: most
    /// words asked about are told to be none by these alone, without
    /// reaching for the table made at first use.
    starts: [u32; 1024],
    set: OnceLock<WordTable>,
}

/// A [`WordSet`]'s words in order of their keys' places, with the range
/// of each place: a word whose bit is set is compared with the few of its
/// place, not hashed.
struct WordTable {
    places: Box<[(u16, u16); 1024]>,
    by_place: Vec<&'static str>,
}

impl WordSet {
    const fn new(words: &'static [&'static str]) -> WordSet {
        let mut starts = [0u32; 1024];
        let mut i = 0;
        while i < words.len() {
            let (at, bit) = word_key(words[i].as_bytes());
            starts[at] |= bit;
            i += 1;
        }
        WordSet {
            words,
            starts,
            set: OnceLock::new(),
        }
    }

    /// Whether `w` is one of the words: `words.contains(&w)`. Most words
    /// asked about are none, told by their first two bytes and length
    /// before the few words of their place are compared (no hash: its
    /// byte-by-byte pass cost more, 1.74 -> 1.49 M instructions on 20 seed
    /// copies).
    fn has(&self, w: &str) -> bool {
        let (at, bit) = word_key(w.as_bytes());
        if self.starts[at] & bit == 0 {
            return false;
        }
        let table = self.set.get_or_init(|| {
            let mut by_place: Vec<&'static str> = self.words.to_vec();
            by_place.sort_by_key(|w| word_key(w.as_bytes()).0);
            let mut places = Box::new([(0u16, 0u16); 1024]);
            for (i, w) in by_place.iter().enumerate() {
                let (at, _) = word_key(w.as_bytes());
                let i = u16::try_from(i).expect("a short list");
                if places[at].1 == 0 {
                    places[at].0 = i;
                }
                places[at].1 = i + 1;
            }
            WordTable { places, by_place }
        });
        let (from, to) = table.places[at];
        table.by_place[usize::from(from)..usize::from(to)]
            .iter()
            .any(|c| c.len() == w.len() && c.as_bytes() == w.as_bytes())
    }
}

/// Where a word's bit is in a table of the words of a list by their first
/// two bytes (`(first & 31) << 5 | second & 31`, 0 for a missing byte),
/// and the bit of its length (all from 31 on together): a word whose bit
/// is not set is not in the list.
const fn word_key(w: &[u8]) -> (usize, u32) {
    let first = if w.is_empty() { 0 } else { w[0] };
    let second = if w.len() > 1 { w[1] } else { 0 };
    let len = if w.len() < 31 { w.len() } else { 31 };
    (
        ((first & 31) as usize) << 5 | (second & 31) as usize,
        1 << len,
    )
}

static FUNCTION_SET: WordSet = WordSet::new(FUNCTION_WORDS);
static MODIFIER_SET: WordSet = WordSet::new(MODIFIERS);
static TRIGGER_SET: WordSet = WordSet::new(TRIGGERS);
static AUTHORING_SET: WordSet = WordSet::new(AUTHORING);
static AGENT_FILLER_SET: WordSet = WordSet::new(AGENT_FILLERS);
static AUXILIARY_SET: WordSet = WordSet::new(AUXILIARIES);
static SUBJECT_STOP_SET: WordSet = WordSet::new(SUBJECT_STOP);
static CREATION_SET: WordSet = WordSet::new(CREATION);

fn is_content(p: &Proposal) -> bool {
    CONTENT_NAMES.iter().any(|c| c.id == p.id)
}

/// Names that turn a proposal down as they name it: what is to be
/// "non-legally binding" is not to be a legally binding instrument.
const REFUSED_NAMES: &[&str] = &[
    "non-legally binding",
    "non-legally-binding",
    "non legally binding",
];

/// Nouns that name a proposal only with an owner ("your letter", "the
/// text by Brazil") or an antecedent in the same statement: alone, "the
/// text" or "the plan" may be anything.
const WEAK_NOUNS: &[&str] = &[
    "idea",
    "model",
    "document",
    "working document",
    "text",
    "letter",
    "plan",
    "compromise",
    "initiative",
    "declaration",
    "paper",
];

/// Nouns of a timetable, which the Chair's proposal is not; "plan" only
/// in a sentence that says when ([`WHEN_WORDS`]).
const TIMELINE_NOUNS: &[&str] = &["timeline", "timetable", "timing", "plan"];

/// Words of a sentence that make a "plan" a plan of when.
const WHEN_WORDS: &[&str] = &["week", "month", "ahead", "deadline", "by the end of"];

/// Adjectives of a nation or group that name the sponsor ("the French
/// paper", "the African proposal").
const DEMONYMS: &[(&str, &str)] = &[
    ("french", "France"),
    ("chinese", "China"),
    ("russian", "Russian Federation"),
    ("african", "African Group"),
    ("american", "United States"),
    ("british", "United Kingdom"),
    ("swiss", "Switzerland"),
    ("canadian", "Canada"),
    ("chilean", "Chile"),
    ("mexican", "Mexico"),
    ("australian", "Australia"),
    ("brazilian", "Brazil"),
    ("indian", "India"),
    ("japanese", "Japan"),
    ("german", "Germany"),
    ("dutch", "Kingdom of the Netherlands"),
    ("egyptian", "Egypt"),
    ("iranian", "Islamic Republic of Iran"),
];

/// The sponsor a lower-case adjective of [`DEMONYMS`] names: most words
/// asked about are told to be none by their length and last letter.
fn demonym(word: &str) -> Option<&'static str> {
    if !(5..=10).contains(&word.len()) || !word.ends_with(['n', 'h', 'e', 's']) {
        debug_assert!(DEMONYMS.iter().all(|d| d.0 != word));
        return None;
    }
    DEMONYMS.iter().find(|d| d.0 == word).map(|d| d.1)
}

/// Words that may stand between an owner and the noun ("your revised
/// proposal", "the Australia–Mexico survey template", "our practical
/// modalities paper").
const MODIFIERS: &[&str] = &[
    "revised",
    "recent",
    "latest",
    "last",
    "current",
    "new",
    "joint",
    "detailed",
    "compromise",
    "survey",
    "seven",
    "point",
    "seven-point",
    "first",
    "second",
    "proposed",
    "practical",
    "modalities",
    "concrete",
    "initial",
    "draft",
    "modified",
    "updated",
    "original",
    "excellent",
    "very",
    "thoughtful",
    "comprehensive",
    "useful",
    "valuable",
    "well-balanced",
    "balanced",
    "cross-regional",
    "working",
    "discussion",
    "concept",
    "cyber",
    "stakeholder",
    "stakeholders",
    "whole",
];

/// Words that end the description before a noun: determiners, pronouns,
/// prepositions, auxiliaries.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "such", "said", "your", "our", "my",
    "their", "its", "his", "her", "of", "for", "on", "to", "in", "by", "with", "and", "or", "as",
    "at", "from", "we", "i", "you", "they", "it", "is", "are", "was", "were", "be", "been", "has",
    "have", "had", "any", "all", "no", "not", "every", "each", "other", "another", "which", "who",
    "what", "some", "both", "about", "into", "than", "but", "if", "so", "also", "very", "more",
    "most", "will", "would", "can", "could", "should", "must", "may", "do", "does", "did",
];

/// Descriptions that say nothing of which instrument it is.
const GENERIC: &[&str] = &[
    "proposed",
    "new",
    "current",
    "revised",
    "recent",
    "latest",
    "last",
    "possible",
    "future",
    "such",
    "first",
    "second",
    "whole",
    "very",
    "existing",
    "same",
    "similar",
    "dedicated",
];

/// Words before a noun that point back to a proposal already named.
const DEFINITE: &[&str] = &["the", "this", "that", "said", "such"];

/// Words before a noun that make it the Chair's when a delegation speaks.
const CHAIRS: &[&str] = &[
    "chair's",
    "chair’s",
    "chairman's",
    "chairman’s",
    "chairperson's",
    "chairperson’s",
    "president's",
    "president’s",
    "chaired",
    "chairs",
    "chair",
];

/// Verbs of making a proposal ("the paper that we recirculated").
const AUTHORING: &[&str] = &[
    "recirculated",
    "circulated",
    "presented",
    "submitted",
    "tabled",
    "put",
    "proposed",
    "drafted",
    "prepared",
    "shared",
    "introduced",
    "made",
    "wrote",
    "developed",
    "sent",
    "outlined",
    "launched",
    "advanced",
];

/// Words between "by" and the authors' names.
const AGENT_FILLERS: &[&str] = &[
    "the",
    "a",
    "delegation",
    "delegations",
    "of",
    "cross-regional",
    "group",
    "our",
    "colleagues",
    "from",
    "distinguished",
    "representative",
    "representatives",
    "friends",
    "and",
    "republic",
];

/// Words between a subject and the verb of its own proposal ("we would
/// therefore like to propose").
const AUXILIARIES: &[&str] = &[
    "would",
    "also",
    "like",
    "to",
    "therefore",
    "specifically",
    "further",
    "hereby",
    "strongly",
    "thus",
    "could",
    "may",
    "might",
    "wish",
    "wishes",
    "want",
    "wants",
    "respectfully",
    "again",
    "firmly",
    "once",
    "humbly",
    "do",
    "kindly",
    "now",
    "formally",
    "then",
    "i",
];

/// Stance cues: (lower-case words, stance), whole words of the sentence.
/// Evaluations count as stances: "a good basis" supports, "insufficient"
/// is a concern.
const CUES: &[(&str, Stance)] = &[
    ("support", Stance::Support),
    ("supports", Stance::Support),
    ("supported", Stance::Support),
    ("supporting", Stance::Support),
    ("supportive", Stance::Support),
    ("supporter", Stance::Support),
    ("welcome", Stance::Support),
    ("welcomes", Stance::Support),
    ("welcomed", Stance::Support),
    ("endorse", Stance::Support),
    ("endorses", Stance::Support),
    ("endorsed", Stance::Support),
    ("back", Stance::Support),
    ("backs", Stance::Support),
    ("backed", Stance::Support),
    ("favour", Stance::Support),
    ("favor", Stance::Support),
    ("favourably", Stance::Support),
    ("favorably", Stance::Support),
    ("value", Stance::Support),
    ("appreciate", Stance::Support),
    ("appreciates", Stance::Support),
    ("appreciation", Stance::Support),
    ("co-sponsor", Stance::Support),
    ("co-sponsors", Stance::Support),
    ("co-sponsored", Stance::Support),
    ("cosponsored", Stance::Support),
    ("joined", Stance::Support),
    ("thoughtful", Stance::Support),
    ("constructive", Stance::Support),
    ("interesting", Stance::Support),
    ("helpful", Stance::Support),
    ("align", Stance::Support),
    ("aligns", Stance::Support),
    ("priority", Stance::Support),
    ("join", Stance::Support),
    ("beneficial", Stance::Support),
    ("benefit", Stance::Support),
    ("champion", Stance::Support),
    ("accept", Stance::Support),
    ("acceptable", Stance::Support),
    ("agree", Stance::Support),
    ("good", Stance::Support),
    ("excellent", Stance::Support),
    ("useful", Stance::Support),
    ("valuable", Stance::Support),
    ("balanced", Stance::Support),
    ("balance", Stance::Support),
    ("reasonable", Stance::Support),
    ("promising", Stance::Support),
    ("solid", Stance::Support),
    ("effective", Stance::Support),
    ("inclusive", Stance::Support),
    ("worthy", Stance::Support),
    ("merit", Stance::Support),
    ("happy", Stance::Support),
    ("pleased", Stance::Support),
    ("grateful", Stance::Support),
    ("encouraged", Stance::Support),
    ("flexible", Stance::Support),
    ("flexibility", Stance::Support),
    ("basis", Stance::Support),
    ("foundation", Stance::Support),
    // Only as "thinking of" (see `stance`): "we are thinking of points of
    // contact networks" is what the speaker would do.
    ("thinking", Stance::Support),
    // Only as "go along with" (see `stance`).
    ("along", Stance::Support),
    // "We are convinced that the PoA …"; "not convinced" is a doubt,
    // not an objection (see `stance`).
    ("convinced", Stance::Support),
    // Only as "the right direction", "the right approach" (see `stance`).
    ("direction", Stance::Support),
    ("approach", Stance::Support),
    ("oppose", Stance::Oppose),
    ("opposes", Stance::Oppose),
    ("opposed", Stance::Oppose),
    ("reject", Stance::Oppose),
    ("rejects", Stance::Oppose),
    ("rejected", Stance::Oppose),
    ("object", Stance::Oppose),
    ("objection", Stance::Oppose),
    ("objections", Stance::Oppose),
    ("unacceptable", Stance::Oppose),
    ("counterproductive", Stance::Oppose),
    ("undermines", Stance::Oppose),
    ("undermine", Stance::Oppose),
    ("non-starter", Stance::Oppose),
    // Only after a verb of being ("we are against it", see `stance`):
    // "protection against attacks" is none.
    ("against", Stance::Oppose),
    ("concern", Stance::Concern),
    ("concerns", Stance::Concern),
    ("concerned", Stance::Concern),
    ("worried", Stance::Concern),
    ("worries", Stance::Concern),
    ("reservations", Stance::Concern),
    ("doubts", Stance::Concern),
    ("insufficient", Stance::Concern),
    ("deficiencies", Stance::Concern),
    ("weakness", Stance::Concern),
    ("premature", Stance::Concern),
    ("disappointed", Stance::Concern),
    ("difficulties", Stance::Concern),
    ("difficulty", Stance::Concern),
    // Only as "a problem with" (see `stance`): "the problem of
    // ransomware" is none.
    ("problem", Stance::Concern),
    ("problems", Stance::Concern),
    ("disappointing", Stance::Concern),
    ("sceptical", Stance::Concern),
    ("skeptical", Stance::Concern),
    // Only as "still at … stage" (see `stance`): "this initiative is
    // still at the conceptualization stage" is a reservation; "at this
    // stage we support it" is none.
    ("stage", Stance::Concern),
    ("overlap", Stance::Concern),
    ("unclear", Stance::Concern),
    ("problematic", Stance::Concern),
    ("note", Stance::Neutral),
    ("noted", Stance::Neutral),
    ("notes", Stance::Neutral),
    ("study", Stance::Neutral),
    ("considered", Stance::Neutral),
    ("consider", Stance::Neutral),
    ("reviewed", Stance::Neutral),
    ("studied", Stance::Neutral),
    ("review", Stance::Neutral),
    ("reflect", Stance::Neutral),
    // What the speaker is doing ("we are still studying it"); the bare
    // verbs ("the PoA could analyze needs") are what a proposal would do.
    ("studying", Stance::Neutral),
    ("examining", Stance::Neutral),
    ("analysing", Stance::Neutral),
    ("analyzing", Stance::Neutral),
    ("considering", Stance::Neutral),
];

/// The stance a cue word carries, if it is one: a lookup, as every word
/// of a sentence with a proposal is asked.
///
/// The few cues of the word's [`word_key`] place compared from a table
/// made at compile time, instead of the hash, saved little (statement_hits
/// 44.34 -> 44.18 M instructions on 20 seed copies, nothing to tell in
/// wall time): the words that pass [`CUE_STARTS`] cost their comparison
/// either way.
fn cue_of(word: &str) -> Option<&'static Stance> {
    let (at, bit) = word_key(word.as_bytes());
    if word.is_empty() || CUE_STARTS[at] & bit == 0 {
        return None;
    }
    static MAP: OnceLock<HashMap<&'static str, Stance, Fnv>> = OnceLock::new();
    MAP.get_or_init(|| CUES.iter().copied().collect()).get(word)
}

/// The cue words by [`word_key`]: most words of a sentence are told to be
/// no cue by these alone, without hashing.
const CUE_STARTS: [u32; 1024] = {
    let mut t = [0u32; 1024];
    let mut i = 0;
    while i < CUES.len() {
        let (at, bit) = word_key(CUES[i].0.as_bytes());
        t[at] |= bit;
        i += 1;
    }
    t
};

/// FNV-1a: words of a sentence are short, and SipHash, made to resist
/// chosen keys, cost more than the lookup of a fixed vocabulary needs.
type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// The state of an FNV-1a hash.
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Words that turn a cue around when one of the three words before it.
const NEGATIONS: &[&str] = &[
    "not", "cannot", "can't", "can’t", "don't", "don’t", "never", "unable", "no", "nor", "without",
];

/// The trigger phrases as the crate's own searcher, leftmost-longest,
/// the hits then kept when whole words: how triggers were found before
/// [`find_triggers`], which finds the same where no phrase inside a word
/// hides another (on the seeds, held by a test).
#[cfg(test)]
fn automaton() -> &'static aho_corasick::AhoCorasick {
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(trigger_phrases())
            .expect("a small fixed set of phrases")
    })
}

/// Every trigger phrase: [`TRIGGERS`], then the phrases of [`CONTENT_NAMES`].
/// Each is lower-case ASCII and starts with a letter (held by a test):
/// the walk that finds them visits the starts of runs of letters.
pub(super) fn trigger_phrases() -> impl Iterator<Item = &'static str> {
    TRIGGERS
        .iter()
        .chain(CONTENT_NAMES.iter().flat_map(|c| c.phrases.iter()))
        .copied()
}

/// The length of the longest trigger phrase: the walk compares each with
/// the text in one go, as a few words of eight bytes.
pub(super) const fn longest_trigger() -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < TRIGGERS.len() {
        if TRIGGERS[i].len() > longest {
            longest = TRIGGERS[i].len();
        }
        i += 1;
    }
    let mut c = 0;
    while c < CONTENT_NAMES.len() {
        let phrases = CONTENT_NAMES[c].phrases;
        let mut j = 0;
        while j < phrases.len() {
            if phrases[j].len() > longest {
                longest = phrases[j].len();
            }
            j += 1;
        }
        c += 1;
    }
    longest
}

/// The trigger hits of `text`, into `out` (cleared first): at each word
/// start (after no letter or digit, Unicode), the longest trigger phrase
/// that matches there, ASCII case ignored, and ends before no letter or
/// digit; the next looked for from its end on. Found by the topics' walk
/// over the starts of words ([`super::topics::walk`]), which
/// [`proposals`] gets every statement's hits from: found alone, and found
/// with the topics' terms the same.
#[cfg(test)]
fn find_triggers(text: &str, out: &mut Vec<(usize, usize)>) {
    use super::topics::{walk, Find};
    out.clear();
    walk(
        Find::Triggers,
        text,
        |_, _, _, _| {},
        |s, e| out.push((s, e)),
    );
    let mut with_terms = Vec::new();
    walk(
        Find::Both,
        text,
        |_, _, _, _| {},
        |s, e| with_terms.push((s, e)),
    );
    assert_eq!(*out, with_terms, "{text:?}");
}

/// Every proposal of the session, in order of first mention.
///
/// A naming resolves to a proposal by its authors ("the Canada-Chile
/// proposal", "the paper put forward by Canada and Chile", "France's
/// proposal", "the French paper"), by a possessive ("your proposal" from
/// a delegation is the Chair's; "our proposal" the speaker's own), by
/// name (the Programme of Action), or, for "the proposal" and "this
/// document", by the last proposal named before in the statement or, for
/// a proposal noun, in the session. "We propose" makes the speaker's own
/// proposal. A plural or indefinite noun with no author ("all proposals",
/// "a proposal") names none.
///
/// ```
/// let s = oewg_core::parse(
///     "Chair: The floor is open.\n\
///      Peru: We support the Programme of Action.\n\
///      Cuba: We have concerns about the PoA.\n").unwrap();
/// let p = oewg_core::analysis::proposals(&s);
/// assert_eq!(p[0].id, "programme-of-action");
/// let stances: Vec<_> = p[0].mentions.iter().map(|m| m.stance.as_str()).collect();
/// assert_eq!(stances, ["support", "concern"]);
/// ```
pub fn proposals(session: &Session) -> Vec<Proposal> {
    let chunks = super::audit::floor_audit(session).chunks(session);
    let mut out = proposals_with(session, &super::topics::triggers(session), &chunks);
    credit_chunks(&mut out, &chunks);
    out
}

/// Every mention inside a chunk the floor audit gives to someone else
/// (the next speaker's paragraphs left in the Chair's turn, a chunk under
/// another label inside one speaker's statement) is that someone's: the
/// Chair does not support what Cuba says after "Cuba, please."
pub(crate) fn credit_chunks(proposals: &mut [Proposal], chunks: &[super::audit::Chunk]) {
    if chunks.is_empty() {
        return;
    }
    for m in proposals.iter_mut().flat_map(|p| p.mentions.iter_mut()) {
        if let Some(who) = super::audit::chunk_speaker(chunks, m.statement, m.sentence.start) {
            who.clone_into(&mut m.speaker);
        }
    }
}

/// [`proposals`] with every statement's trigger hits already found, `(i,
/// hit)` for `session.statements[i]` in order: [`analyze`](super::analyze)
/// finds them in the topics' walk over the words. A sentence in one of
/// the floor audit's `chunks` is read as its speaker's: "your proposal",
/// in the next speaker's words left in the Chair's turn, is the Chair's.
pub(crate) fn proposals_with(
    session: &Session,
    all_hits: &[(usize, (usize, usize))],
    chunks: &[super::audit::Chunk],
) -> Vec<Proposal> {
    super::text::forget_paragraphs();
    let mut state = State::default();
    let mut previous: Option<&Statement> = None;
    let mut rest = all_hits;
    for (i, st) in session.statements.iter().enumerate() {
        let n = rest.iter().take_while(|h| h.0 == i).count();
        let (hits, after) = rest.split_at(n);
        rest = after;
        statement_proposals(st, previous, &mut state, hits, chunks);
        if st.speaker.role != Role::Chair {
            previous = Some(st);
        }
    }
    let cosponsored = std::mem::take(&mut state.cosponsored);
    let mut out = join_content(settle_ours(state));
    give_cosponsors(&mut out, cosponsored);
    out
}

/// Each sentence's named co-sponsors to the proposal that now holds the
/// mention they went with (or, where that mention went into another of
/// the same sentence, the one holding that), alphabetical, once each.
fn give_cosponsors(out: &mut [Proposal], cosponsored: Vec<(usize, usize, usize, Vec<String>)>) {
    for (statement, start, sentence, names) in cosponsored {
        let holds = |p: &Proposal, exact: bool| {
            p.mentions.iter().any(|m| {
                m.statement == statement
                    && if exact {
                        m.words.start == start
                    } else {
                        m.sentence.start == sentence
                    }
            })
        };
        let Some(p) = (match out.iter().position(|p| holds(p, true)) {
            Some(i) => Some(i),
            None => out.iter().position(|p| holds(p, false)),
        }) else {
            continue;
        };
        let list = &mut out[p].cosponsor_names;
        for n in names {
            if let Err(i) = list.binary_search(&n) {
                list.insert(i, n);
            }
        }
    }
}

/// A proposal named by a description of an instrument that the session
/// also names by its sponsors (the survey of national implementation and
/// the Australia–Mexico survey template) is that one, when the session
/// has exactly one sponsored proposal of its kind.
fn join_content(mut out: Vec<Proposal>) -> Vec<Proposal> {
    for c in CONTENT_NAMES.iter().filter(|c| c.joins_sponsored) {
        let Some(from) = out.iter().position(|p| p.id == c.id) else {
            continue;
        };
        let targets: Vec<usize> = (0..out.len())
            .filter(|&j| out[j].kind == c.kind && !out[j].sponsors.is_empty())
            .collect();
        let [to] = targets[..] else {
            continue;
        };
        let moved = std::mem::take(&mut out[from].mentions);
        out[to].mentions.extend(moved);
        out[to]
            .mentions
            .sort_by_key(|m| (m.statement, m.words.start));
        // The list stays in order of first mention: the joined proposal
        // takes the earlier of the two places.
        if from < to {
            out.swap(from, to);
            out.remove(to);
        } else {
            out.remove(from);
        }
    }
    out
}

/// "Our paper" of a delegation that sponsors one joint proposal in the
/// session is that proposal ("our paper" of Canada is the Canada-Chile
/// paper); of any other, its own. Proposals left without mentions go.
fn settle_ours(mut state: State) -> Vec<Proposal> {
    // Every step below is linear in the mentions: a long session has
    // thousands of "our" mentions, and the lists searched for each of them
    // made this quadratic (on a generated 100 MB record it was a third of
    // the proposals' time).
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for &(k, mi) in &state.ours {
        let who = &state.out[k].mentions[mi].speaker;
        let joint: Vec<usize> = (0..state.out.len())
            .filter(|&j| {
                let p = &state.out[j];
                j != k
                    && p.sponsors.len() >= 2
                    && p.sponsors.contains(who)
                    && !is_timeline(p)
                    && !matches!(
                        p.kind,
                        ProposalKind::Template | ProposalKind::Fund | ProposalKind::Portal
                    )
            })
            .collect();
        if let [j] = joint[..] {
            moves.push((k, mi, j));
        }
    }
    if moves.is_empty() {
        return state.out;
    }
    // Every mention of the speaker's own proposal in a statement whose
    // "our" went to the joint one goes with it ("the proposal" after "our
    // paper").
    // When every "our" of an own proposal went to one joint proposal, the
    // own proposal was that one all along (the Chair's "your proposal"
    // to its sponsor included).
    let mut ours_of: HashMap<usize, usize, Fnv> = HashMap::default();
    for o in &state.ours {
        *ours_of.entry(o.0).or_default() += 1;
    }
    let mut moved_of: HashMap<(usize, usize), usize, Fnv> = HashMap::default();
    for m in &moves {
        *moved_of.entry((m.0, m.2)).or_default() += 1;
    }
    let mut all: Vec<(usize, usize, usize)> = Vec::new();
    let mut in_all: std::collections::HashSet<(usize, usize, usize), Fnv> = Default::default();
    // A proposal whose every mention went to `j` already: the next "our"
    // of it adds none.
    let mut whole: std::collections::HashSet<(usize, usize), Fnv> = Default::default();
    for &(k, mi, j) in &moves {
        let ours = ours_of[&k];
        let moved = moved_of[&(k, j)];
        let every = ours == moved;
        if every && !whole.insert((k, j)) {
            continue;
        }
        let stmt = state.out[k].mentions[mi].statement;
        for (i, m) in state.out[k].mentions.iter().enumerate() {
            if (every || m.statement == stmt) && in_all.insert((k, i, j)) {
                all.push((k, i, j));
            }
        }
    }
    let mut gone: Vec<Vec<bool>> = vec![Vec::new(); state.out.len()];
    // The (statement, sentence) places of each target's mentions, made on
    // its first move.
    let mut places: HashMap<usize, std::collections::HashSet<(usize, usize, usize), Fnv>, Fnv> =
        HashMap::default();
    for &(k, mi, j) in &all {
        let m = state.out[k].mentions[mi].clone();
        let g = &mut gone[k];
        if g.is_empty() {
            g.resize(state.out[k].mentions.len(), false);
        }
        g[mi] = true;
        let target = &mut state.out[j].mentions;
        let at = places.entry(j).or_insert_with(|| {
            target
                .iter()
                .map(|t| (t.statement, t.sentence.start, t.sentence.end))
                .collect()
        });
        if at.insert((m.statement, m.sentence.start, m.sentence.end)) {
            target.push(m);
        }
    }
    for (k, gone) in gone.into_iter().enumerate() {
        if gone.is_empty() {
            continue;
        }
        let mut i = 0;
        state.out[k].mentions.retain(|_| {
            i += 1;
            // Past the end: mentions this one received above.
            !gone.get(i - 1).copied().unwrap_or(false)
        });
    }
    for p in &mut state.out {
        p.mentions.sort_by_key(|m| (m.statement, m.words.start));
    }
    state.out.retain(|p| !p.mentions.is_empty());
    state.out
}

/// What the walk over the statements keeps.
#[derive(Default)]
struct State {
    out: Vec<Proposal>,
    by_id: HashMap<String, usize, Fnv>,
    /// The last proposal named in an earlier statement, for "the proposal".
    salient: Option<usize>,
    /// The last timeline named in an earlier statement.
    salient_timeline: Option<usize>,
    /// The last statement with a proposal: index, speaker, its proposals.
    last: Option<(usize, String, Vec<usize>)>,
    /// What each proposal is about: the content words after its naming
    /// ("the proposal on stakeholder modalities"), for [`changes`].
    topics: BTreeMap<usize, Vec<String>>,
    /// Mentions by "our": (proposal, mention), settled at the end.
    ours: Vec<(usize, usize)>,
    /// The co-sponsors a sentence names ([`cosponsors_named`]), by the
    /// mention they go with: (statement, the mention's start in it, the
    /// sentence's start, the names). They are given to the proposals once
    /// "our" mentions and content names have moved to where they belong.
    cosponsored: Vec<(usize, usize, usize, Vec<String>)>,
    /// Scratch: the trigger hits of the statement being read.
    hits: Vec<(usize, usize)>,
    /// Scratch: the words of the sentence being read.
    words: Vec<(usize, usize)>,
    /// Scratch: the lists of the sentence's [`Scan`].
    scan: Scan,
    /// Scratch: the sentence being read in lower case.
    low: String,
    /// Scratch: the proposals named in the sentence being read.
    in_sentence: Vec<(usize, usize)>,
    /// Scratch: the room for the next statement's proposals, the list of
    /// the statement before [`State::last`]'s.
    seen: Vec<usize>,
}

/// A proposal as one naming identifies it.
struct Named {
    /// Borrowed when fixed (the Chair's proposal, the initiatives): most
    /// namings are of a proposal already known, and make no copy.
    id: Cow<'static, str>,
    name: Cow<'static, str>,
    kind: ProposalKind,
    sponsors: Vec<String>,
    /// The words naming it, by offsets in the sentence.
    start: usize,
    end: usize,
}

/// What a noun refers to.
enum Referent {
    Named(Named),
    /// "the proposal": the last one named; `weak` nouns only within the
    /// statement.
    Back {
        timeline: bool,
        weak: bool,
        /// A template, fund or portal points back only to one.
        kind: ProposalKind,
        start: usize,
        end: usize,
    },
    /// "those of France and China": the proposals of each.
    Many(Vec<Named>),
    /// "our paper": the speaker's own, or the joint proposal it sponsors
    /// (settled once the whole session is read).
    Ours(Named),
    /// "the proposal on the establishment of three thematic groups": the
    /// proposal named before whose subject it shares.
    Described {
        subject: Vec<String>,
        start: usize,
        end: usize,
    },
    /// A change opposed or asked for, with its subject words.
    Change {
        subject: Vec<String>,
        start: usize,
        end: usize,
    },
    /// "which we have co-sponsored": the session's joint proposal.
    Joint {
        start: usize,
        end: usize,
    },
    /// The Chair's "your proposal": the proposal of the delegation
    /// addressed, if it has one.
    Addressee {
        who: String,
        start: usize,
        end: usize,
    },
}

fn speaker_name(st: &Statement) -> String {
    speaker_str(st).to_string()
}

/// [`speaker_name`], borrowed.
fn speaker_str(st: &Statement) -> &str {
    st.speaker.canonical_name()
}

/// The sentence being read, with what every rule needs of it.
struct Reading<'a> {
    speaker: &'a str,
    chair: bool,
    /// Whether the sentence is in the Chair's turn, read as another's
    /// words left there: "my proposal" there is still the Chair's (the
    /// floor audit's reading of whose words they are is a guess).
    chairs_turn: bool,
    /// The last delegation that spoke before, whom the Chair's "your" addresses.
    previous: Option<&'a str>,
    text: &'a str,
    low: &'a str,
    words: Vec<(usize, usize)>,
    /// The names in the sentence, found when a rule first asks: most
    /// triggers are settled without them.
    named: std::cell::OnceCell<Vec<NameAt>>,
    /// Whether the speaker made a proposal of its own ("we propose") in an
    /// earlier sentence of the statement.
    own_earlier: bool,
    /// What [`stance`] reads of the sentence's words, found in one pass
    /// when a mention's stance is first asked: every mention in the
    /// sentence reads the same, and most words are none of them.
    scan: std::cell::OnceCell<Scan>,
    /// The room for [`Reading::scan`]'s lists, kept from sentence to
    /// sentence.
    spare: std::cell::Cell<Scan>,
    /// [`for_discussion`] of the sentence, the same for every mention.
    discussion: std::cell::OnceCell<Option<(usize, usize)>>,
    /// [`cosponsor_count`] of the sentence, the same for every mention.
    cosponsors: std::cell::OnceCell<Option<u32>>,
    /// [`says_cosponsor`] of the sentence.
    says_cosponsor: std::cell::OnceCell<bool>,
}

/// The words of a sentence that [`stance`] weighs, found in one pass over
/// its words: a pass for the cues, one for each clause word and three
/// searches for the heads of [`for_discussion`] cost more.
#[derive(Default)]
struct Scan {
    /// The cue words (index in the words, the cue's stance).
    cues: Vec<(usize, Stance)>,
    /// Whether a word is "basis", "tool" or "point", without which the
    /// sentence names no matter for discussion.
    heads: bool,
    /// The words that mark the sentence's clauses.
    clauses: Clauses,
}

impl Scan {
    /// The scan of a sentence's `words` in `low`, into `self` (its lists
    /// cleared first).
    fn read(&mut self, words: &[(usize, usize)], low: &str) {
        self.cues.clear();
        self.heads = false;
        let c = &mut self.clauses;
        c.though.clear();
        c.but = None;
        c.leading = matches!(
            words.first().map(|&(a, b)| &low[a..b]),
            Some("while" | "although" | "though" | "whilst")
        )
        .then(|| low.find(',').unwrap_or(0));
        let bytes = low.as_bytes();
        for (k, &(a, b)) in words.iter().enumerate() {
            let (at, bit) = word_key(&bytes[a..b]);
            // Most words are none of them, told by their first two bytes
            // and length alone, before their text is taken.
            if SCAN_STARTS[at] & bit == 0 {
                continue;
            }
            let w = &low[a..b];
            if let Some(&st) = cue_of(w) {
                self.cues.push((k, st));
            }
            match w {
                "though" | "although" => c.though.push(a),
                "but" | "however" | "yet" if a > 0 => c.but = Some(a),
                "basis" | "tool" | "point" => self.heads = true,
                _ => {}
            }
        }
    }
}

/// The words [`Scan::read`] looks for besides the cues.
const SCAN_WORDS: &[&str] = &[
    "though", "although", "but", "however", "yet", "basis", "tool", "point",
];

/// [`CUE_STARTS`] and the [`word_key`] bits of [`SCAN_WORDS`].
const SCAN_STARTS: [u32; 1024] = {
    let mut t = CUE_STARTS;
    let mut i = 0;
    while i < SCAN_WORDS.len() {
        let (at, bit) = word_key(SCAN_WORDS[i].as_bytes());
        t[at] |= bit;
        i += 1;
    }
    t
};

/// The words of a sentence that tell a concession from its main clause.
#[derive(Default)]
struct Clauses {
    /// The end of a leading "while …," clause (0 without a comma), when
    /// the sentence opens with "while", "although", "though" or "whilst".
    leading: Option<usize>,
    /// The starts of the words "though" and "although", in order.
    though: Vec<usize>,
    /// The start of the last "but", "however" or "yet" after the first
    /// byte.
    but: Option<usize>,
}

impl Clauses {
    /// The clauses as [`Scan::read`] finds them, read word by word: the
    /// tests hold one to the other.
    #[cfg(test)]
    fn of(words: &[(usize, usize)], low: &str) -> Clauses {
        let w = |&(a, b): &(usize, usize)| &low[a..b];
        let leading = matches!(
            words.first().map(w),
            Some("while" | "although" | "though" | "whilst")
        )
        .then(|| low.find(',').unwrap_or(0));
        let though = words
            .iter()
            .filter(|ab| matches!(w(ab), "though" | "although"))
            .map(|ab| ab.0)
            .collect();
        let but = words
            .iter()
            .rev()
            .find(|ab| matches!(w(ab), "but" | "however" | "yet") && ab.0 > 0)
            .map(|ab| ab.0);
        Clauses {
            leading,
            though,
            but,
        }
    }

    /// The concession of a sentence whose proposal is named up to byte
    /// `e`: the leading "while …," clause, or what follows a "though"
    /// after the naming; else what comes before the main clause's "but"
    /// or "however"; else nothing, `(0, 0)`.
    fn concession(&self, e: usize, len: usize) -> (usize, usize) {
        if let Some(comma) = self.leading {
            (0, comma)
        } else if let Some(&p) = self.though.iter().find(|&&p| p > e) {
            (p, len)
        } else if let Some(p) = self.but {
            (0, p)
        } else {
            (0, 0)
        }
    }
}

impl Reading<'_> {
    fn named(&self) -> &[NameAt] {
        self.named.get_or_init(|| names_in(self.text))
    }

    /// The name in the sentence ending at byte `end`, if any: most
    /// callers ask about a word no name ends with, which is settled
    /// without finding the sentence's names.
    fn name_ending_at(&self, end: usize) -> Option<&NameAt> {
        if !could_end_name(&self.text[..end]) {
            return None;
        }
        self.named().iter().find(|m| m.end == end)
    }

    /// See [`Reading::scan`].
    fn scan(&self) -> &Scan {
        self.scan.get_or_init(|| {
            let mut scan = self.spare.take();
            scan.read(&self.words, self.low);
            scan
        })
    }

    /// See [`Reading::discussion`].
    fn discussion(&self) -> Option<(usize, usize)> {
        *self.discussion.get_or_init(|| {
            if self.scan().heads {
                for_discussion(self)
            } else {
                None
            }
        })
    }

    /// See [`Reading::cosponsors`].
    fn cosponsors(&self) -> Option<u32> {
        *self.cosponsors.get_or_init(|| {
            self.says_cosponsor()
                .then(|| cosponsor_count(self.low))
                .flatten()
        })
    }

    /// Whether the sentence holds "co-sponsor" or "cosponsor", asked once.
    fn says_cosponsor(&self) -> bool {
        *self.says_cosponsor.get_or_init(|| says_cosponsor(self.low))
    }
}

/// The proposals of a statement with its trigger hits, `(statement,
/// hit)` in order.
fn statement_proposals(
    st: &Statement,
    previous: Option<&Statement>,
    state: &mut State,
    tagged: &[(usize, (usize, usize))],
    chunks: &[super::audit::Chunk],
) {
    if tagged.is_empty() {
        return;
    }
    // The scratch list of trigger hits, kept across statements: most
    // statements have a few, and allocating one for each costs more than
    // reading them.
    let mut hits = std::mem::take(&mut state.hits);
    hits.clear();
    hits.extend(tagged.iter().map(|h| h.1));
    statement_hits(st, previous, state, &hits, chunks);
    state.hits = hits;
}

/// [`statement_proposals`] for a statement with trigger hits.
fn statement_hits(
    st: &Statement,
    previous: Option<&Statement>,
    state: &mut State,
    hits: &[(usize, usize)],
    chunks: &[super::audit::Chunk],
) {
    let text = &st.text;
    let speaker = speaker_name(st);
    let previous = previous.map(speaker_str);
    // The buffers are the session's, kept from statement to statement:
    // most statements with hits have a few, and allocating for each costs
    // more than reading them.
    let mut in_sentence = std::mem::take(&mut state.in_sentence);
    // One lower-case buffer for every sentence.
    let mut low = std::mem::take(&mut state.low);
    let mut local: Option<usize> = None;
    let mut local_timeline: Option<usize> = None;
    let mut seen_in_statement = std::mem::take(&mut state.seen);
    seen_in_statement.clear();
    let mut next_hit = 0;
    let mut own_earlier = false;
    // One buffer of words for every sentence of the session.
    let mut word_buf = std::mem::take(&mut state.words);
    let mut scan_buf = std::mem::take(&mut state.scan);
    for (a, b) in sentences_at(text, hits.iter().map(|h| h.0)) {
        // What `text::lower` gives (ASCII lower case), into the buffer.
        low.clear();
        low.push_str(&text[a..b]);
        low.make_ascii_lowercase();
        words_into(&low, &mut word_buf);
        let chunk = super::audit::chunk_speaker(chunks, st.index, a);
        let sentence = Reading {
            speaker: chunk.unwrap_or(&speaker),
            chair: match chunk {
                Some(who) => who == "Chair",
                None => st.speaker.role == Role::Chair,
            },
            chairs_turn: st.speaker.role == Role::Chair,
            previous,
            text: &text[a..b],
            words: std::mem::take(&mut word_buf),
            low: &low,
            named: std::cell::OnceCell::new(),
            own_earlier,
            scan: std::cell::OnceCell::new(),
            spare: std::cell::Cell::new(std::mem::take(&mut scan_buf)),
            discussion: std::cell::OnceCell::new(),
            cosponsors: std::cell::OnceCell::new(),
            says_cosponsor: std::cell::OnceCell::new(),
        };
        let mut own_here = false;
        while next_hit < hits.len() && hits[next_hit].0 < a {
            next_hit += 1;
        }
        in_sentence.clear();
        while next_hit < hits.len() && hits[next_hit].0 < b {
            let (s, e) = hits[next_hit];
            next_hit += 1;
            if e > b {
                continue;
            }
            // "the Chair's proposals, those of France and China": one
            // referent each.
            let identified = identify(&sentence, s - a, e - a);
            if matches!(&identified, Some(Referent::Named(n)) if OWN_VERBS.contains(&&sentence.low[s - a..e - a]) && n.sponsors.len() == 1 && n.sponsors[0] == speaker)
            {
                own_here = true;
            }
            // Most namings have one referent: no list is made for it.
            let (one, many) = match identified {
                Some(Referent::Many(named)) => (None, named),
                Some(r) => (Some(r), Vec::new()),
                None => continue,
            };
            for referent in one.into_iter().chain(many.into_iter().map(Referent::Named)) {
                // An own proposal's "our" is recorded with the mention it
                // makes, only once that mention is kept.
                let mut ours_k = None;
                let (k, start, end) = match referent {
                    Referent::Named(n) => {
                        let k = intern(state, &n);
                        (k, n.start, n.end)
                    }
                    Referent::Back {
                        timeline,
                        weak,
                        kind,
                        start,
                        end,
                    } => {
                        let (l, g) = if timeline {
                            (local_timeline, state.salient_timeline)
                        } else {
                            (local, state.salient)
                        };
                        let specific = matches!(
                            kind,
                            ProposalKind::Template | ProposalKind::Fund | ProposalKind::Portal
                        );
                        match l
                            .or(if weak { None } else { g })
                            .filter(|&k| !specific || state.out[k].kind == kind)
                        {
                            Some(k) => (k, start, end),
                            None => continue,
                        }
                    }
                    Referent::Many(_) => continue,
                    Referent::Ours(n) => {
                        // "our document" after the joint one it sponsors was
                        // named in the statement is that one.
                        if let Some(k) = local.filter(|&k| {
                            let p = &state.out[k];
                            p.sponsors.len() >= 2 && p.sponsors.contains(&speaker)
                        }) {
                            (k, n.start, n.end)
                        } else {
                            let k = intern(state, &n);
                            ours_k = Some(k);
                            (k, n.start, n.end)
                        }
                    }
                    Referent::Change {
                        subject,
                        start,
                        end,
                    } => match by_subject(state, &subject, false, 2) {
                        Some(k) => (k, start, end),
                        None => continue,
                    },
                    Referent::Described {
                        subject,
                        start,
                        end,
                    } => match by_subject(state, &subject, true, 3) {
                        Some(k) => (k, start, end),
                        None => continue,
                    },
                    Referent::Joint { start, end } => {
                        // The joint proposal most named so far, if it leads.
                        let mut joint: Vec<(usize, usize)> = state
                            .out
                            .iter()
                            .enumerate()
                            .filter(|(_, p)| p.sponsors.len() >= 2 && !is_timeline(p))
                            .map(|(k, p)| (p.mentions.len(), k))
                            .collect();
                        joint.sort_unstable_by(|a, b| b.cmp(a));
                        match joint[..] {
                            [(_, k)] => (k, start, end),
                            [(n, k), (m, _), ..] if n >= 2 * m => (k, start, end),
                            _ => continue,
                        }
                    }
                    Referent::Addressee { who, start, end } => {
                        // Only in a reply: the addressee spoke just before,
                        // and named a proposal of its own.
                        let k = state
                            .last
                            .as_ref()
                            .filter(|l| l.0 + 1 == st.index && l.1 == who)
                            .and_then(|l| {
                                l.2.iter().copied().find(|&k| {
                                    state.out[k].sponsors.contains(&who)
                                        && !is_timeline(&state.out[k])
                                })
                            });
                        match k {
                            Some(k) => (k, start, end),
                            None => continue,
                        }
                    }
                };
                // A proposal named by its content is not what a later "the
                // proposal" points back to.
                if is_timeline(&state.out[k]) {
                    local_timeline = Some(k);
                } else if !is_content(&state.out[k]) {
                    local = Some(k);
                }
                let noun_end = e - a;
                let next = sentence
                    .words
                    .get(word_at(&sentence.words, noun_end))
                    .map_or("", |&(a, b)| &sentence.low[a..b]);
                if matches!(next, "on" | "for" | "about" | "regarding") {
                    let topic = state.topics.entry(k).or_default();
                    for w in subject_words(&sentence, noun_end, 7) {
                        if !topic.contains(&w) {
                            topic.push(w);
                        }
                    }
                }
                if in_sentence.iter().any(|p| p.0 == k) {
                    continue;
                }
                in_sentence.push((k, start));
                if !seen_in_statement.contains(&k) {
                    seen_in_statement.push(k);
                }
                // A sponsor, or a member of the African Group on its group's
                // proposal.
                let own = st.speaker.role != Role::Chair
                    && (state.out[k].sponsors.contains(&speaker)
                        || (st.speaker.regional_group
                            == Some(crate::model::RegionalGroup::African)
                            && state.out[k].sponsors.iter().any(|s| s == "African Group")));
                let (stance, cue) = stance(&sentence, (start, end), (s - a, e - a), own);
                if ours_k == Some(k) {
                    state.ours.push((k, state.out[k].mentions.len()));
                }
                let p = &mut state.out[k];
                if p.cosponsors.is_none() {
                    p.cosponsors = sentence.cosponsors();
                }
                p.mentions.push(ProposalMention {
                    statement: st.index,
                    speaker: speaker.clone(),
                    words: Excerpt::new(st, a + start, a + end),
                    sentence: TextRange { start: a, end: b },
                    stance,
                    cues: cue
                        .into_iter()
                        .map(|(cs, ce)| Cue {
                            text: sentence.text[cs..ce].to_string(),
                            start: a + cs,
                            end: a + ce,
                        })
                        .collect(),
                });
            }
        }
        if !in_sentence.is_empty() && sentence.says_cosponsor() {
            if let Some((start, names)) = cosponsors_named(&sentence, &in_sentence) {
                state.cosponsored.push((st.index, a + start, a, names));
            }
        }
        own_earlier |= own_here;
        word_buf = sentence.words;
        scan_buf = match sentence.scan.into_inner() {
            Some(scan) => scan,
            None => sentence.spare.take(),
        };
    }
    state.words = word_buf;
    state.scan = scan_buf;
    state.low = low;
    state.in_sentence = in_sentence;
    for &k in &seen_in_statement {
        if is_timeline(&state.out[k]) {
            state.salient_timeline = Some(k);
        } else if !is_content(&state.out[k]) {
            state.salient = Some(k);
        }
    }
    // The list of the statement before is the room for the next one's.
    if let Some(before) = state.last.replace((st.index, speaker, seen_in_statement)) {
        state.seen = before.2;
    }
}

/// The proposal whose recorded subject shares the most words (two at
/// `least`) with `subject`, if one leads; the Chair's only when `chair`.
fn by_subject(state: &State, subject: &[String], chair: bool, least: usize) -> Option<usize> {
    let mut scored: Vec<(usize, usize)> = state
        .topics
        .iter()
        .filter(|(k, _)| {
            chair
                || state.out[**k]
                    .sponsors
                    .first()
                    .is_some_and(|s| s != "Chair")
        })
        .map(|(k, t)| (subject.iter().filter(|w| t.contains(w)).count(), *k))
        .filter(|&(n, _)| n >= least)
        .collect();
    scored.sort_unstable_by(|a, b| b.cmp(a));
    match scored[..] {
        [(_, k)] => Some(k),
        [(n, k), (m, _), ..] if n > m => Some(k),
        _ => None,
    }
}

fn is_timeline(p: &Proposal) -> bool {
    p.id.ends_with("-timeline")
}

/// The index of the proposal in the session's list, added when new.
fn intern(state: &mut State, n: &Named) -> usize {
    // Most namings are of a proposal already known: its id is not copied
    // to be looked up.
    let k = match state.by_id.get(n.id.as_ref()) {
        Some(&k) => k,
        None => {
            state.out.push(Proposal {
                id: n.id.to_string(),
                name: n.name.to_string(),
                kind: n.kind,
                sponsors: n.sponsors.clone(),
                cosponsors: None,
                cosponsor_names: Vec::new(),
                mentions: Vec::new(),
            });
            state.by_id.insert(n.id.to_string(), state.out.len() - 1);
            state.out.len() - 1
        }
    };
    let p = &mut state.out[k];
    if p.kind == ProposalKind::Other && n.kind != ProposalKind::Other {
        p.kind = n.kind;
    }
    if p.sponsors.is_empty() && !n.sponsors.is_empty() {
        p.sponsors = n.sponsors.clone();
        p.sponsors.sort();
    }
    k
}

// How triggers were kept before the walk asked it of each candidate.
#[cfg(test)]
fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Index of the word of the sentence starting at `at`, or the first after.
fn word_at(ws: &[(usize, usize)], at: usize) -> usize {
    ws.partition_point(|&(s, _)| s < at)
}

/// What the trigger at `s..e` of the sentence names, if anything.
///
/// The trigger's lists (initiatives, refused names, weak and timeline
/// nouns, its kind) are asked one by one: one lookup of all of them in a
/// table by phrase read more instructions (statement_hits 44.58 M ->
/// 44.74 M on 20 seed copies), as most comparisons end at the length.
fn identify(x: &Reading, s: usize, e: usize) -> Option<Referent> {
    let trigger = &x.low[s..e];
    if let Some(c) = content_name(trigger) {
        if !c.context.is_empty() && !c.context.iter().any(|w| x.low.contains(w)) {
            return None;
        }
        return Some(Referent::Named(Named {
            id: c.id.into(),
            name: c.name.into(),
            kind: c.kind,
            sponsors: Vec::new(),
            start: s,
            end: e,
        }));
    }
    for (names, id, name, kind) in INITIATIVES {
        if names.contains(&trigger) {
            return Some(Referent::Named(Named {
                id: (*id).into(),
                name: (*name).into(),
                kind: *kind,
                sponsors: Vec::new(),
                start: s,
                end: e,
            }));
        }
    }
    // "a dialogue of a non-legally binding nature": the legally binding
    // instrument, turned down ([`stance`] reads the "non-" as opposition).
    if REFUSED_NAMES.contains(&trigger) {
        return Some(Referent::Named(Named {
            id: "legally-binding-instrument".into(),
            name: "Legally binding instrument".into(),
            kind: ProposalKind::Other,
            sponsors: Vec::new(),
            start: s,
            end: e,
        }));
    }
    match trigger {
        "propose" | "proposes" | "suggest" | "suggests" | "recommend" => return own_verb(x, s, e),
        "proposed" => return proposed_by(x, s, e),
        // "the thematic groups presented by the delegation of France":
        // only with its agent, as "France presented" may be anything.
        "presented" => {
            let k = word_at(&x.words, s);
            let by = x.words.get(k + 1).map(|&(a, b)| &x.low[a..b]);
            return if by == Some("by") {
                proposed_by(x, s, e)
            } else {
                None
            };
        }
        "changes" | "changing" | "modify" | "modifying" => return changes(x, s, e),
        "those of" => {
            // Only after a proposal named in the sentence: "the Chair's
            // proposals, those of France and China".
            if !x.low[..s].contains("proposal") {
                return None;
            }
            let (names, _) = names_from(x, e)?;
            let named = names
                .into_iter()
                .map(|n| {
                    let end = x
                        .named()
                        .iter()
                        .find(|m| m.start >= e && m.name == n)
                        .map_or(e, |m| m.end);
                    sponsored(vec![n], ProposalKind::Other, s, end)
                })
                .collect();
            return Some(Referent::Many(named));
        }
        _ => {}
    }
    // "the suggested plan or timeline by you": one thing by two names, the
    // second of which is read.
    if trigger == "plan" {
        let after = word_at(&x.words, e);
        let w = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
        if matches!(w(after), "or" | "and") && TIMELINE_NOUNS.contains(&w(after + 1)) {
            return None;
        }
    }
    let kind = noun_kind(trigger);
    let weak = WEAK_NOUNS.contains(&trigger);
    let plural = trigger.ends_with('s') && trigger != "rev 1";
    // The words before the noun, over modifiers.
    let k = word_at(&x.words, s);
    let mut j = k;
    while j > 0 && k - j < 3 {
        let (ws, we) = x.words[j - 1];
        let w = &x.low[ws..we];
        // "the fellowship proposal", "the Australia–Mexico survey
        // template": a word of description, written in lower case.
        let describes = x.text[ws..].starts_with(|c: char| c.is_ascii_lowercase())
            && !FUNCTION_SET.has(w)
            && !CHAIRS.contains(&w)
            && cue_of(w).is_none();
        if MODIFIER_SET.has(w) || describes {
            j -= 1;
        } else {
            break;
        }
    }
    // "The Chair's plan to resolve this in the weeks ahead" is a
    // timeline; "your revised plan" is the proposal.
    let timeline = TIMELINE_NOUNS.contains(&trigger)
        && (trigger != "plan"
            || (x.words[j..k]
                .iter()
                .all(|&(a, b)| !matches!(&x.low[a..b], "revised" | "point" | "seven-point"))
                && WHEN_WORDS.iter().any(|w| x.low.contains(w))));
    let owner_end = if j > 0 { x.words[j - 1].1 } else { 0 };
    let owner = if j > 0 {
        &x.low[x.words[j - 1].0..x.words[j - 1].1]
    } else {
        ""
    };
    // Authors named just before: "the Canada-Chile proposal", "France's
    // proposal", "the French paper".
    // No state or group name ends in a determiner, pronoun or preposition:
    // "the proposal" needs no look for names, which costs a pass of the
    // registry over the sentence.
    let (start, mut sponsors) = if owner.is_empty() || FUNCTION_SET.has(owner) {
        debug_assert!(names_before(x, owner_end).1.is_empty());
        (owner_end, Vec::new())
    } else {
        names_before(x, owner_end)
    };
    if sponsors.is_empty() {
        if let Some(name) = demonym(owner) {
            sponsors.push(name.to_string());
        }
    }
    // "we submitted a working paper", "our delegation put forward a
    // document": the speaker's own.
    // "the Mexican delegation made suggestions", "Canada and Chile
    // presented a proposal".
    let verb_at = if matches!(owner, "a" | "an") {
        j.checked_sub(1)
    } else {
        Some(j)
    };
    match verb_at.and_then(|v| authored_by(x, v)) {
        Some(Authors::Speaker) if x.chair => {
            return Some(Referent::Named(chairs(timeline, x.words[j - 1].0, e)));
        }
        Some(Authors::Speaker) => {
            return Some(Referent::Ours(sponsored(
                vec![x.speaker.to_string()],
                kind,
                x.words[j - 1].0,
                e,
            )));
        }
        Some(Authors::Names(names)) => {
            return Some(Referent::Named(sponsored(names, kind, x.words[j - 1].0, e)));
        }
        _ => {}
    }
    if sponsors.is_empty()
        && j > 0
        && matches!(owner, "their" | "its" | "the" | "a" | "an" | "this")
    {
        if let Some((names, at)) = thanked_for(x, j - 1) {
            // No names: the Chair, thanked by a delegation.
            if names.is_empty() {
                return Some(Referent::Named(chairs(timeline, at, e)));
            }
            return Some(Referent::Named(sponsored(names, kind, at, e)));
        }
    }
    if !sponsors.is_empty() {
        let start = if start < owner_end {
            start
        } else {
            x.words[j - 1].0
        };
        return Some(Referent::Named(sponsored(sponsors, kind, start, e)));
    }
    if CHAIRS.contains(&owner) || (trigger == "discussion paper" && !x.chair && owner != "our") {
        if x.chair && owner != "chair's" && owner != "chair’s" {
            return None;
        }
        let at = if CHAIRS.contains(&owner) {
            x.words[j - 1].0
        } else {
            s
        };
        return Some(Referent::Named(chairs(timeline, at, e)));
    }
    if owner == "your" {
        let at = x.words[j - 1].0;
        if !x.chair {
            return Some(Referent::Named(chairs(timeline, at, e)));
        }
        // The Chair's "your proposal" is the proposal of the delegation
        // that just spoke, if it has one.
        return Some(Referent::Addressee {
            who: x.previous?.to_string(),
            start: at,
            end: e,
        });
    }
    if matches!(owner, "our" | "my") || owner.ends_with("delegation's") {
        let at = x.words[j - 1].0;
        if x.chair || (x.chairs_turn && owner == "my") {
            return Some(Referent::Named(chairs(timeline, at, e)));
        }
        return Some(Referent::Ours(sponsored(
            vec![x.speaker.to_string()],
            kind,
            at,
            e,
        )));
    }
    // Authors named after: "the proposal by Canada and Chile", "the paper
    // on stakeholder modalities put forward by Canada and Chile", "the
    // proposal of the Chair", "the timeline you proposed".
    if let Some((authors, end)) = authors_after(x, e) {
        // "the initiative for a Programme of Action led by Egypt and
        // France": the initiative, named by its own trigger.
        // "the proposal of France and Egypt, on a Programme of Action":
        // the initiative, with its sponsors.
        let mut near_end = (end + 40).min(x.low.len());
        while !x.low.is_char_boundary(near_end) {
            near_end -= 1;
        }
        let near = &x.low[e..near_end];
        let initiative = may_name_initiative(near)
            .then(|| {
                INITIATIVES
                    .iter()
                    .find(|(names, ..)| names.iter().any(|n| near.contains(n)))
            })
            .flatten();
        if let Some((_, id, name, kind)) = initiative {
            return Some(Referent::Named(Named {
                id: (*id).into(),
                name: (*name).into(),
                kind: *kind,
                sponsors: match authors {
                    Authors::Names(mut names) => {
                        names.sort();
                        names.dedup();
                        names
                    }
                    _ => Vec::new(),
                },
                start: s,
                end,
            }));
        }
        return match authors {
            Authors::Unnamed => None,
            Authors::Joint => Some(Referent::Joint { start: s, end }),
            Authors::Chair => Some(Referent::Named(chairs(timeline, s, end))),
            Authors::Names(names) => Some(Referent::Named(sponsored(names, kind, s, end))),
            Authors::Speaker if x.chair => Some(Referent::Named(chairs(timeline, s, end))),
            Authors::Speaker => Some(Referent::Ours(sponsored(
                vec![x.speaker.to_string()],
                kind,
                s,
                end,
            ))),
        };
    }
    if plural {
        return None;
    }
    // "a trust fund", "the cyber policy portal": an instrument known by
    // the words that describe it.
    if matches!(
        kind,
        ProposalKind::Fund | ProposalKind::Portal | ProposalKind::Template
    ) {
        // "the statements uploaded on the e-statements portal": a site in
        // use, where things are put, not one proposed.
        if kind == ProposalKind::Portal && is_placed_on(x, j) {
            return None;
        }
        let described: Vec<&str> = x.words[j..k]
            .iter()
            .map(|&(a, b)| &x.low[a..b])
            .filter(|w| !GENERIC.contains(w))
            .collect();
        if !described.is_empty() {
            let name = format!("{} {trigger}", described.join(" "));
            return Some(Referent::Named(Named {
                id: slug(&name).into(),
                name: name.into(),
                kind,
                sponsors: Vec::new(),
                start: x.words[j].0,
                end: e,
            }));
        }
    }
    // "the proposal for a global portal", "the proposal to modify …": a
    // proposal described, not one named before.
    let after = word_at(&x.words, e);
    let next = x.words.get(after).map_or("", |&(a, b)| &x.low[a..b]);
    let on_the_table = {
        let mut to = (e + 40).min(x.low.len());
        while !x.low.is_char_boundary(to) {
            to -= 1;
        }
        // A searcher made once: a search made for each of the many nouns
        // that reach here costs more to set up than to run.
        static ON_THE_TABLE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
        ON_THE_TABLE
            .get_or_init(|| memchr::memmem::Finder::new("on the table"))
            .find(&x.low.as_bytes()[e..to])
            .is_some()
    };
    let weak = weak && !on_the_table;
    // "the timing for decision making": the timeline named before, which
    // is about nothing else.
    let timeline_back = timeline && DEFINITE.contains(&owner);
    if matches!(
        next,
        "for" | "on" | "to" | "about" | "regarding" | "concerning" | "of"
    ) && !on_the_table
        && !timeline_back
    {
        // Known by what it is about, if an earlier naming said so.
        if plural || weak || timeline {
            return None;
        }
        let subject = subject_words(x, e, 8);
        if subject.len() < 2 {
            return None;
        }
        return Some(Referent::Described {
            subject,
            start: if j > 0 { x.words[j - 1].0 } else { s },
            end: e,
        });
    }
    // "we are worried about the idea that five thematic groups could be a
    // burden": a thought the clause says out, not a proposal named before.
    if next == "that" && trigger == "idea" && says_out(x, after + 1) {
        return None;
    }
    // "the idea behind the African proposal": what it names next ("the
    // idea behind it" points back).
    if next == "behind"
        && !matches!(
            x.words.get(after + 1).map_or("", |&(a, b)| &x.low[a..b]),
            "it" | "this" | "that" | "them" | "these" | "those"
        )
    {
        return None;
    }
    if DEFINITE.contains(&owner) || matches!(trigger, "rev one" | "rev 1" | "rev. 1" | "ref one") {
        let start = if j > 0 { x.words[j - 1].0 } else { s };
        return Some(Referent::Back {
            timeline,
            weak,
            kind,
            start,
            end: e,
        });
    }
    None
}

/// Whether the clause from word `i` on, after "the idea that", says the
/// idea out with a subject of its own and a modal ("five thematic groups
/// could be", "states should report"), rather than
/// leaving the idea its object ("the idea that the Chair presented", "the
/// idea that was put forward", "the idea that we support").
fn says_out(x: &Reading, i: usize) -> bool {
    let w = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    let first = w(i);
    if first.is_empty()
        || matches!(
            first,
            "we" | "i"
                | "you"
                | "they"
                | "he"
                | "she"
                | "it"
                | "was"
                | "is"
                | "has"
                | "had"
                | "were"
        )
    {
        return false;
    }
    // The clause's words up to its modal: a verb of putting forward
    // before it makes the idea its object ("the idea that the Chair
    // presented yesterday could work").
    for k in i + 1..(i + 6).min(x.words.len()) {
        if x.low[x.words[i].0..x.words[k].0].contains([',', ';', '.']) {
            return false;
        }
        match w(k) {
            "could" | "would" | "should" | "will" | "can" | "must" | "might" | "may" => {
                return true
            }
            "presented" | "proposed" | "put" | "made" | "raised" | "suggested" | "mentioned"
            | "outlined" | "circulated" | "tabled" | "shared" | "described" | "floated" => {
                return false
            }
            _ => {}
        }
    }
    false
}

/// "We thank Canada and Chile for their working paper", "the work of
/// Canada and Chile on the non-paper": the names before "for" (or
/// "of … on") a few words before the determiner at word `det`.
fn thanked_for(x: &Reading, det: usize) -> Option<(Vec<String>, usize)> {
    let w = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    let lo = det.saturating_sub(7);
    for i in (lo.max(1)..det).rev() {
        match w(i) {
            "for" => {}
            "on" if i + 1 == det => {}
            "we" | "i" | "and" | "but" => return None,
            v if TRIGGER_SET.has(v) => return None,
            _ => continue,
        }
        let end = x.words[i - 1].1;
        // "We thank the Chair for the proposal", "we thank you for the
        // paper": the Chair's, when a delegation thanks (for the noun
        // itself, not "for the efforts … to reach a compromise"); no names.
        if !x.chair
            && i + 1 == det
            && matches!(
                w(i - 1),
                "chair" | "chairman" | "chairperson" | "president" | "you"
            )
        {
            return Some((Vec::new(), x.words[i - 1].0));
        }
        let (start, mut names) = names_before(x, end);
        if names.is_empty() {
            // "the French delegation for", "our French colleagues for".
            if matches!(w(i - 1), "delegation" | "colleagues" | "delegations") && i >= 2 {
                let d = w(i - 2);
                if let Some(name) = demonym(d) {
                    names.push(name.to_string());
                    return Some((names, x.words[i - 2].0));
                }
            }
            return None;
        }
        return Some((names, start));
    }
    None
}

/// "We oppose attempts to impose changes in current modalities for
/// participation": opposing a change of what a proposal is about is a
/// stance on that proposal. The subject words after the verb are matched
/// against the proposals' subjects when the statement is resolved.
fn changes(x: &Reading, s: usize, e: usize) -> Option<Referent> {
    let k = word_at(&x.words, s);
    let w = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    let opposed = (k.saturating_sub(10)..k).any(|i| {
        matches!(
            w(i),
            "oppose" | "opposes" | "reject" | "rejects" | "against" | "attempts" | "attempt"
        )
    });
    if !opposed {
        return None;
    }
    let subject = subject_words(x, e, 8);
    if subject.len() < 2 {
        return None;
    }
    Some(Referent::Change {
        subject,
        start: s,
        end: x.words[(k + 8).min(x.words.len() - 1)].1,
    })
}

/// Up to `n` content words after byte `e` of the sentence, in its clause.
fn subject_words(x: &Reading, e: usize, n: usize) -> Vec<String> {
    let k = word_at(&x.words, e);
    let mut out = Vec::new();
    for i in k..(k + n).min(x.words.len()) {
        let (a, b) = x.words[i];
        let gap = &x.low[x.words[i.max(1) - 1].1.min(a)..a];
        if i > k && gap.contains([',', ';', '.', '(']) {
            break;
        }
        let w = &x.low[a..b];
        let w = w.strip_suffix('s').unwrap_or(w);
        if w.len() > 3 && !SUBJECT_STOP_SET.has(w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Words that say nothing of what a proposal is about.
const SUBJECT_STOP: &[&str] = &[
    "current",
    "future",
    "existing",
    "with",
    "that",
    "which",
    "this",
    "these",
    "from",
    "into",
    "their",
    "within",
    "mechanism",
    "practical",
    "more",
    "such",
    "other",
    "would",
    "could",
    "should",
    "will",
    "also",
    "have",
    "been",
];

/// Who makes the proposal whose verb ends just before word `at`: "we
/// submitted (a paper)", "the Mexican delegation made (suggestions)",
/// "Canada and Chile presented (a proposal)".
fn authored_by(x: &Reading, at: usize) -> Option<Authors> {
    let w = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    let mut v = at.checked_sub(1)?;
    if w(v) == "forward" && v > 0 && w(v - 1) == "put" {
        v -= 1;
    } else if !AUTHORING_SET.has(w(v)) {
        return None;
    }
    let mut i = v;
    while i > 0
        && matches!(
            w(i - 1),
            "have" | "has" | "had" | "also" | "recently" | "already" | "to" | "jointly"
        )
    {
        i -= 1;
    }
    let sub = i.checked_sub(1)?;
    match w(sub) {
        "we" | "i" => return Some(Authors::Speaker),
        "delegation" => {
            let d = w(sub.wrapping_sub(1));
            if matches!(d, "our" | "my") {
                return Some(Authors::Speaker);
            }
            let name = demonym(d)?;
            return Some(Authors::Names(vec![name.to_string()]));
        }
        _ => {}
    }
    let (_, names) = names_before(x, x.words[sub].1);
    if names.is_empty() {
        None
    } else {
        Some(Authors::Names(names))
    }
}

/// Who a noun's authors are, named after it.
enum Authors {
    Chair,
    /// "by certain states": someone, not named.
    Unnamed,
    /// "which we have co-sponsored": a joint proposal of others.
    Joint,
    /// "the paper that we recirculated".
    Speaker,
    Names(Vec<String>),
}

/// The authors named in the words after a noun: "by Canada and Chile",
/// "of Switzerland", "put forward by you", "that you proposed", "that we
/// recirculated"; `Unnamed` for "by a number of delegations".
fn authors_after(x: &Reading, e: usize) -> Option<(Authors, usize)> {
    let k = word_at(&x.words, e);
    let ws = &x.words;
    let w = |i: usize| ws.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    // "that we recirculated", "which we have co-sponsored".
    if matches!(w(k), "that" | "which") && w(k + 1) == "we" {
        let mut v = k + 2;
        while matches!(
            w(v),
            "have" | "had" | "also" | "jointly" | "all" | "proudly"
        ) {
            v += 1;
        }
        let verb = w(v);
        let end = ws.get(v).map_or(e, |w| w.1);
        if verb.starts_with("co-sponsor")
            || verb.starts_with("cosponsor")
            || matches!(
                verb,
                "joined" | "support" | "supported" | "endorsed" | "signed"
            )
        {
            return Some((Authors::Joint, end));
        }
        if !AUTHORING_SET.has(verb) {
            return None;
        }
        if x.chair {
            return Some((Authors::Chair, end));
        }
        return Some((Authors::Speaker, end));
    }
    let named_at = |i: usize| -> Option<(Authors, usize)> {
        let mut i = i;
        if matches!(w(i), "you" | "yourself") && !x.chair {
            return Some((Authors::Chair, ws[i].1));
        }
        // Fillers up to a name: "the delegation of", "a cross-regional
        // group of"; a name may itself start with one ("Group of …").
        while i < ws.len()
            && AGENT_FILLER_SET.has(w(i))
            && !(could_start_name_at(x.text, ws[i].0)
                && x.named().iter().any(|m| m.start == ws[i].0))
        {
            i += 1;
        }
        if matches!(w(i), "chair" | "chairman" | "chairperson" | "president") && !x.chair {
            return Some((Authors::Chair, ws[i].1));
        }
        let (names, end) = names_from(x, ws.get(i)?.0)?;
        Some((Authors::Names(names), end))
    };
    // "of the Chair", "of Canada and Chile", "from France": just after.
    if matches!(w(k), "of" | "from") {
        if let Some(found) = named_at(k + 1) {
            return Some(found);
        }
    }
    // "by …", "you proposed": after a few words of description, in the
    // same clause.
    let mut i = k;
    while i < ws.len() && i < k + 10 {
        let gap = &x.low[ws[i.max(1) - 1].1..ws[i].0];
        if i > k && gap.contains([',', ';', '(', ':']) {
            return None;
        }
        match w(i) {
            "by" => return Some(named_at(i + 1).unwrap_or((Authors::Unnamed, ws[i].1))),
            "you" if !x.chair => {
                let next = w(i + 1);
                let next2 = w(i + 2);
                let verbs = [
                    "proposed",
                    "put",
                    "presented",
                    "circulated",
                    "set",
                    "shared",
                    "outlined",
                    "gave",
                    "provided",
                    "specified",
                    "suggested",
                    "made",
                    "sent",
                ];
                if verbs.contains(&next)
                    || (matches!(next, "have" | "had" | "just" | "formally")
                        && verbs.contains(&next2))
                {
                    return Some((Authors::Chair, ws[i].1));
                }
                return None;
            }
            // "the proposal outlined in your letter".
            "your" if !x.chair && w(i.wrapping_sub(1)) == "in" => {
                return Some((Authors::Chair, ws[i].1))
            }
            "we" | "i" | "they" => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The states and groups named from byte `from` on, joined by commas and
/// "and", with where the last ends; none when no name starts there.
fn names_from(x: &Reading, from: usize) -> Option<(Vec<String>, usize)> {
    // The first name must start after nothing but whitespace, commas and
    // "and", "also" or "the": where none can, the sentence's names are
    // not looked for.
    let mut p = from;
    loop {
        let rest = &x.low[p..];
        p += rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
                .len();
        if could_start_name_at(x.text, p) {
            break;
        }
        match ["and", "also", "the"]
            .iter()
            .find(|k| x.low[p..].starts_with(**k))
        {
            Some(k) => p += k.len(),
            None => return None,
        }
    }
    let mut names = Vec::new();
    let mut end = from;
    for m in x.named().iter().filter(|m| m.start >= from) {
        let gap = x.low[end..m.start].trim();
        let gap = gap.trim_start_matches(',').trim();
        let gap = gap.strip_prefix("and").unwrap_or(gap).trim();
        let gap = gap.strip_prefix("also").unwrap_or(gap).trim();
        let gap = gap.strip_prefix("the").unwrap_or(gap).trim();
        if !gap.is_empty() {
            break;
        }
        names.push(m.name.to_string());
        end = m.end;
    }
    if names.is_empty() {
        None
    } else {
        Some((names, end))
    }
}

/// "we propose", "my delegation suggests", "Brazil proposes": the
/// speaker's own proposal.
fn own_verb(x: &Reading, s: usize, e: usize) -> Option<Referent> {
    let k = word_at(&x.words, s);
    let mut j = k;
    while j > 0 && k - j < 6 {
        let w = &x.low[x.words[j - 1].0..x.words[j - 1].1];
        if AUXILIARY_SET.has(w) && w != "i" {
            j -= 1;
        } else {
            break;
        }
    }
    if j == 0 {
        return None;
    }
    let (ws, we) = x.words[j - 1];
    let subject = &x.low[ws..we];
    // "we would suggest they are compatible": an opinion, not a proposal.
    let next = x.words.get(k + 1).map_or("", |&(a, b)| &x.low[a..b]);
    if matches!(
        next,
        "they" | "it" | "he" | "she" | "this" | "these" | "those" | "there" | "you"
    ) {
        return None;
    }
    let verb = &x.low[s..e];
    let own = if verb == "recommend" {
        // "the Working Group could recommend …", "one contribution could
        // be to recommend …": what the speaker would have the group do.
        // Not the Chair's, who asks rather than proposes.
        let modal = x.low[x.words[j.saturating_sub(2)].0..x.words[k - 1].1]
            .split_whitespace()
            .any(|w| matches!(w, "could" | "should" | "might"));
        let subject_ok = matches!(subject, "we" | "i" | "delegation")
            || (modal && matches!(subject, "oewg" | "group" | "be"));
        subject_ok && !x.chair
    } else {
        matches!(
            subject,
            "we" | "i" | "delegation" | "country" | "government"
        ) || x.name_ending_at(we).is_some_and(|m| m.name == x.speaker)
    };
    if !own {
        return None;
    }
    // "We suggest that the Chair …" still proposes; "I would suggest
    // to you" from the Chair is the Chair's.
    if x.chair {
        return Some(Referent::Named(chairs(false, ws, e)));
    }
    let mut named = sponsored(vec![x.speaker.to_string()], ProposalKind::Other, ws, e);
    // "We propose X. … We also propose Y": a second proposal of the
    // speaker's, named by what it proposes.
    if x.own_earlier && adds_another(x, j - 1, k) {
        let what = subject_words(x, e, 8);
        if !what.is_empty() {
            let what: Vec<&str> = what.iter().take(3).map(String::as_str).collect();
            named.id = format!("{}-{}", named.id, slug(&what.join(" "))).into();
            named.name = format!("{} ({})", named.name, what.join(" ")).into();
        }
    }
    Some(Referent::Named(named))
}

/// The verbs of a speaker's own proposal.
const OWN_VERBS: &[&str] = &["propose", "proposes", "suggest", "suggests", "recommend"];

/// Words before the verb of an own proposal that make it one more, not
/// the one already made: "we would also suggest", "Third, …", "That
/// said, we propose", "Apart from …, we propose".
const ANOTHER: &[&str] = &[
    "also",
    "second",
    "secondly",
    "third",
    "thirdly",
    "fourth",
    "fourthly",
    "further",
    "furthermore",
    "additionally",
    "moreover",
    "another",
    "finally",
    "lastly",
    "besides",
    "said",
    "apart",
    "addition",
];

/// Whether a word of [`ANOTHER`] opens the sentence (its first three
/// words) or stands between the subject (word `sub`) and the verb (word
/// `k`); "that said", "apart from" and "in addition" by their telling
/// word. Elsewhere ("the third version") it says nothing of the proposal.
fn adds_another(x: &Reading, sub: usize, k: usize) -> bool {
    let opening = 0..k.min(3);
    let between = sub..k;
    opening.chain(between).any(|i| {
        let (a, b) = x.words[i];
        let w = &x.low[a..b];
        match w {
            "said" => x.low[..a].trim_end().ends_with("that"),
            "apart" => x.low[b..].trim_start().starts_with("from"),
            "addition" => x.low[..a].trim_end().ends_with("in"),
            _ => ANOTHER.contains(&w),
        }
    })
}

/// "as proposed by China", "France has proposed", "the modalities you
/// proposed": the proposal of whoever proposed.
fn proposed_by(x: &Reading, s: usize, e: usize) -> Option<Referent> {
    let k = word_at(&x.words, s);
    let w = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    // "the template proposed by Australia and Mexico": the noun's own
    // authors, found from the noun.
    if k > 0 && k - 1 < x.words.len() {
        let prev = w(k - 1);
        if TRIGGER_SET.has(prev) {
            return None;
        }
    }
    if w(k + 1) == "by" {
        if matches!(w(k + 2), "you") && !x.chair {
            return Some(Referent::Named(chairs(false, s, x.words[k + 2].1)));
        }
        let mut i = k + 2;
        while AGENT_FILLER_SET.has(w(i)) {
            i += 1;
        }
        if matches!(w(i), "chair" | "chairman") && !x.chair {
            return Some(Referent::Named(chairs(false, s, x.words[i].1)));
        }
        let from = x.words.get(i)?.0;
        let (names, end) = names_from(x, from)?;
        return Some(Referent::Named(sponsored(
            names,
            ProposalKind::Other,
            s,
            end,
        )));
    }
    // "<names> (has|have) proposed".
    let mut j = k;
    while j > 0
        && matches!(
            w(j - 1),
            "has" | "have" | "had" | "also" | "already" | "previously"
        )
    {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let end = x.words[j - 1].1;
    // "the timeline you have proposed": the noun's, found from the noun.
    if (j.saturating_sub(4)..j - 1).any(|i| TRIGGER_SET.has(w(i))) {
        return None;
    }
    if matches!(w(j - 1), "we" | "i") {
        if x.chair {
            return Some(Referent::Named(chairs(false, x.words[j - 1].0, e)));
        }
        return Some(Referent::Named(sponsored(
            vec![x.speaker.to_string()],
            ProposalKind::Other,
            x.words[j - 1].0,
            e,
        )));
    }
    if w(j - 1) == "you" && !x.chair {
        return Some(Referent::Named(chairs(false, x.words[j - 1].0, e)));
    }
    let m = x.name_ending_at(end)?;
    if m.role == Role::Organization {
        return None;
    }
    if m.name == x.speaker {
        return Some(Referent::Named(sponsored(
            vec![m.name.to_string()],
            ProposalKind::Other,
            m.start,
            e,
        )));
    }
    Some(Referent::Named(sponsored(
        vec![m.name.to_string()],
        ProposalKind::Other,
        m.start,
        e,
    )))
}

/// Whether `low` may hold a name of [`INITIATIVES`]: every one holds
/// "poa", "program" or "binding" (the tests hold them to it), and most
/// words after a proposal's authors hold none, told without a search for
/// each of the nine names.
fn may_name_initiative(low: &str) -> bool {
    let b = low.as_bytes();
    memchr::memchr2_iter(b'p', b'b', b).any(|i| {
        let r = &b[i..];
        r.starts_with(b"poa") || r.starts_with(b"program") || r.starts_with(b"binding")
    })
}

/// The Chair's proposal or timeline.
fn chairs(timeline: bool, start: usize, end: usize) -> Named {
    let (id, name) = if timeline {
        ("chairs-timeline", "Chair's timeline")
    } else {
        ("chairs-proposal", "Chair's proposal")
    };
    Named {
        id: id.into(),
        name: name.into(),
        kind: ProposalKind::ChairsProposal,
        sponsors: vec!["Chair".into()],
        start,
        end,
    }
}

/// Words saying that something was put on a site already running.
const PLACED: &[&str] = &[
    "uploaded",
    "posted",
    "published",
    "available",
    "accessible",
    "found",
    "shared",
    "placed",
    "stored",
];

/// Whether the noun phrase from word `j` of the sentence is where something
/// is said to have been put: "uploaded on the", "available through the",
/// one of [`PLACED`], a preposition, then at most one determiner.
fn is_placed_on(x: &Reading, j: usize) -> bool {
    let word = |i: usize| x.words.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    let mut i = j;
    if i > 0
        && matches!(
            word(i - 1),
            "the" | "our" | "its" | "their" | "this" | "that"
        )
    {
        i -= 1;
    }
    i >= 2
        && matches!(
            word(i - 1),
            "on" | "onto" | "to" | "in" | "via" | "through" | "at"
        )
        && PLACED.contains(&word(i - 2))
}

/// The states or groups named just before byte `s` of the sentence, with
/// where the naming starts: "Canada-Chile", "Canada and Chile", "Chile's".
fn names_before(x: &Reading, s: usize) -> (usize, Vec<String>) {
    let sentence = x.text;
    let mut names = Vec::new();
    let mut start = s;
    let head = &sentence[..s];
    let head = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))
        .or_else(|| head.strip_suffix('\''))
        .unwrap_or(head);
    let mut at = head.len();
    loop {
        // A registry name ending here.
        if let Some(m) = x
            .name_ending_at(at)
            .filter(|m| m.role != Role::Organization)
        {
            names.push(m.name.to_string());
            start = m.start;
            at = m.start;
        } else {
            // A hyphenated compound of names: "Canada-Chile", "Australia–Mexico".
            let word_start = sentence[..at]
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
                .map_or(0, |p| {
                    p + sentence[p..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &sentence[word_start..at];
            // Most words are no compound: no list of their one part.
            if !word.contains(['-', '–', '—', '/']) {
                break;
            }
            let parts: Vec<&str> = word.split(['-', '–', '—', '/']).collect();
            let found: Vec<String> = parts.iter().filter_map(|p| name_of(p)).collect();
            if found.len() != parts.len() {
                break;
            }
            names.extend(found);
            start = word_start;
            at = word_start;
        }
        // Another name before, joined by "and", a comma or a dash.
        let rest = sentence[..at].trim_end();
        let rest2 = rest
            .strip_suffix(" and")
            .or_else(|| rest.strip_suffix(','))
            .or_else(|| rest.strip_suffix('-'))
            .or_else(|| rest.strip_suffix('–'));
        match rest2 {
            Some(r) => at = r.trim_end().len(),
            None => break,
        }
        if x.name_ending_at(at).is_none() {
            break;
        }
    }
    (start, names)
}

/// The state or group a whole piece of text names, or whose adjective it
/// is ("Chilean").
fn name_of(piece: &str) -> Option<String> {
    let m = names_in(piece);
    if m.len() == 1 && m[0].start == 0 && m[0].end == piece.len() && m[0].role != Role::Organization
    {
        return Some(m[0].name.to_string());
    }
    let low = piece.to_ascii_lowercase();
    DEMONYMS
        .iter()
        .find(|d| d.0 == low)
        .map(|d| d.1.to_string())
}

fn noun_kind(trigger: &str) -> ProposalKind {
    match trigger {
        "non-paper" | "non paper" | "nonpaper" | "concept paper" => ProposalKind::NonPaper,
        "working paper" | "paper" | "document" | "working document" => ProposalKind::WorkingPaper,
        "template" => ProposalKind::Template,
        "fund" => ProposalKind::Fund,
        "portal" => ProposalKind::Portal,
        "text" => ProposalKind::DraftText,
        "discussion paper" => ProposalKind::ChairsProposal,
        _ => ProposalKind::Other,
    }
}

/// A proposal by its sponsors: the id and name are the same however the
/// record orders them. Templates, funds and portals keep their own ids;
/// papers, non-papers and proposals of the same sponsors are one.
fn sponsored(mut sponsors: Vec<String>, kind: ProposalKind, start: usize, end: usize) -> Named {
    sponsors.sort();
    sponsors.dedup();
    let suffix = match kind {
        ProposalKind::Template => "template",
        ProposalKind::Fund => "fund",
        ProposalKind::Portal => "portal",
        _ => "proposal",
    };
    // Written straight into their strings, at their size: a naming by
    // sponsors is made for every mention, and the joins and formats of
    // `sponsored_plain` cost a few allocations each.
    let len: usize = sponsors.iter().map(|s| s.len() + 3).sum::<usize>() + suffix.len() + 1;
    let mut id = String::with_capacity(len);
    let mut pending = false;
    for s in &sponsors {
        // The sponsors joined by a space, as slug reads them.
        pending |= !id.is_empty();
        slug_into(&mut id, s, &mut pending);
    }
    id.push('-');
    id.push_str(suffix);
    let mut name = String::with_capacity(len);
    for (i, s) in sponsors.iter().enumerate() {
        if i > 0 {
            name.push('–');
        }
        name.push_str(s);
    }
    name.push(' ');
    name.push_str(suffix);
    let kind = if kind == ProposalKind::ChairsProposal {
        ProposalKind::WorkingPaper
    } else {
        kind
    };
    Named {
        id: id.into(),
        name: name.into(),
        kind,
        sponsors,
        start,
        end,
    }
}

/// [`slug`] of `s`, appended to `out`, a slug so far: `pending` says that
/// a run of other characters was read since its last letter or digit
/// (written as a `-` before the next one, never at the start or end).
fn slug_into(out: &mut String, s: &str, pending: &mut bool) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if std::mem::take(pending) && !out.is_empty() {
                out.push('-');
            }
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            *pending = true;
        }
    }
}

/// Lower-case ASCII letters and digits, runs of anything else one `-`.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The stance the sentence takes on the proposal named at `s..e` (the
/// trigger word at `t`), with the words of its cue, if any: the nearest
/// cue before the naming words, else the nearest after; a polar cue
/// (support, oppose, concern) before a neutral one ("we take note of it
/// and support it"), and a cue of the main clause before one of a
/// concession ("while we
/// appreciate the paper, we remain concerned"; "…, but we have
/// concerns"). A cue whose subject is someone else ("some delegations
/// oppose") does not count, but for the question no one could answer:
/// "it is hard to see why anyone would oppose it" is the speaker's
/// support. A negation among the three words before a cue turns support into opposition, and opposition or concern into
/// support ("we do not oppose", "no objection"). A sponsor speaking of its
/// own proposal supports it, whatever else the sentence says; anyone else
/// with no cue refers to it.
fn stance(
    x: &Reading,
    (s, e): (usize, usize),
    t: (usize, usize),
    own: bool,
) -> (Stance, Option<(usize, usize)>) {
    let ws = &x.words;
    let low = &x.low;
    if !own && REFUSED_NAMES.contains(&&low[t.0..t.1]) {
        return (Stance::Oppose, Some((t.0, t.0 + 3)));
    }
    if !own {
        if let Some(cue) = x.discussion() {
            return (Stance::Neutral, Some(cue));
        }
    }
    // The concession: a leading "while …," clause, or what follows a
    // mid-sentence "though"; the main clause after "but" or "however".
    let scan = x.scan();
    let cues = &scan.cues[..];
    let concession: (usize, usize) = if cues.is_empty() {
        // Read only to weigh a cue.
        (0, 0)
    } else {
        scan.clauses.concession(e, low.len())
    };
    let mut best: Option<(usize, Stance, usize, usize)> = None;
    // How far the words `a..b` are from the naming: after it by one more
    // than before it (a cue before the naming wins a tie), 0 inside it.
    let distance_of = |a: usize, b: usize| {
        if b <= s {
            s - b
        } else if a >= e {
            a - e + 1
        } else {
            0
        }
    };
    for &(k, st) in cues {
        let (a, b) = ws[k];
        if a < t.1 && b > t.0 {
            continue;
        }
        // Cue words that count only in their phrase: "thinking of", "still
        // at the conceptualization stage" (read from "still" on), "we
        // could go along with it" (from "go" on), "a problem with", "the
        // right direction", "we are against it".
        let phrase = match &low[a..b] {
            "thinking" if next_word(ws, low, k) != "of" => continue,
            "stage" => match still_at_stage(ws, low, k) {
                Some(from) => Some(from),
                None => continue,
            },
            "along" => match going_along(ws, low, k) {
                Some(from) => Some(from),
                None => continue,
            },
            "problem" | "problems" if next_word(ws, low, k) != "with" => continue,
            "direction" | "approach" if k == 0 || &low[ws[k - 1].0..ws[k - 1].1] != "right" => {
                continue
            }
            // From "right" on.
            "direction" | "approach" => Some(ws[k - 1].0),
            "against" if !being_against(ws, low, k) => continue,
            "objection" | "objections" if !speakers_objection(ws, low, k) => continue,
            "appreciate" | "appreciates" | "appreciation" | "welcome" | "welcomes" | "welcomed"
                if thanks_for_efforts(ws, low, k) =>
            {
                continue
            }
            "support" if support_had(ws, low, k) => continue,
            _ => None,
        };
        // "a trust fund to support capacity building": a proposal's
        // purpose, not the speaker's stance.
        if k >= 2
            && &low[ws[k - 1].0..ws[k - 1].1] == "to"
            && TRIGGER_SET.has(&low[ws[k - 2].0..ws[k - 2].1])
        {
            continue;
        }
        // The subject just before the cue (over an auxiliary), in the
        // same clause.
        let mut sub = k;
        while sub > 0
            && matches!(
                &low[ws[sub - 1].0..ws[sub - 1].1],
                "would"
                    | "can"
                    | "could"
                    | "will"
                    | "may"
                    | "might"
                    | "should"
                    | "also"
                    | "to"
                    | "are"
                    | "is"
                    | "am"
                    | "were"
                    | "was"
                    | "remain"
                    | "remains"
                    | "do"
                    | "does"
                    | "did"
                    | "not"
                    | "firmly"
                    | "strongly"
                    | "fully"
            )
            && !low[ws[sub - 1].1..ws[sub].0].contains(',')
        {
            sub -= 1;
        }
        // "They have not rejected it", "many have supported it": a
        // perfect tense reaches a subject of others. Not "we and others
        // have concerns" (no participle), nor "Cuba, who has supported
        // it" (the speaker).
        if sub >= 2
            && low[a..b].ends_with("ed")
            && matches!(&low[ws[sub - 1].0..ws[sub - 1].1], "have" | "has" | "had")
            && matches!(
                &low[ws[sub - 2].0..ws[sub - 2].1],
                "they" | "others" | "many" | "some" | "delegations" | "states" | "countries"
            )
            && !low[ws[sub - 2].1..ws[sub].0].contains(',')
        {
            sub -= 1;
        }
        // "We would encourage all participants to study the proposal":
        // the speaker commends it to others (or asks them not to).
        if st == Stance::Neutral {
            if let Some((i, asked)) = commended(ws, low, k) {
                let distance = distance_of(ws[i].0, ws[i].1);
                if best.is_none_or(|(d, ..)| distance < d) {
                    best = Some((distance, asked, ws[i].0, b));
                }
                continue;
            }
        }
        // "Others support it" is not the speaker's stance; "the United
        // States supports it", said by the United States, is.
        if sub > 0
            && OTHERS.contains(&&low[ws[sub - 1].0..ws[sub - 1].1])
            && !low[ws[sub - 1].1..ws[sub].0].contains(',')
            && !names_self(low, ws[sub - 1].1, x.speaker)
            && !quantifies(ws, low, sub - 1, k)
        {
            // "It is difficult to see why anyone would oppose it", "why
            // would anybody object to it?": the speaker's own support,
            // asked as a question no one could answer.
            // Only as a question, or after "it is hard to see": "we
            // understand why anyone would oppose it" says the opposite.
            let why = (sub.saturating_sub(3)..sub - 1)
                .find(|&i| &low[ws[i].0..ws[i].1] == "why")
                .filter(|&i| {
                    low.trim_end().ends_with('?')
                        || ws[i.saturating_sub(5)..i].iter().any(|&(a, b)| {
                            matches!(&low[a..b], "hard" | "difficult" | "impossible")
                        })
                })
                .filter(|&i| !(i..k).any(|j| NEGATIONS.contains(&&low[ws[j].0..ws[j].1])));
            if let (Some(i), "anyone" | "anybody", Stance::Oppose) =
                (why, &low[ws[sub - 1].0..ws[sub - 1].1], st)
            {
                let distance = distance_of(a, b);
                if best.is_none_or(|(d, ..)| distance < d) {
                    best = Some((distance, Stance::Support, ws[i].0, b));
                }
            }
            continue;
        }
        // "the right to object": a power named, not a stance taken.
        if k >= 2
            && &low[ws[k - 1].0..ws[k - 1].1] == "to"
            && RIGHTS.contains(&&low[ws[k - 2].0..ws[k - 2].1])
        {
            continue;
        }
        let mut distance = distance_of(a, b);
        if st == Stance::Neutral {
            distance += 100_000;
        }
        if a >= concession.0 && b <= concession.1 {
            distance += 50_000;
        }
        let mut stance = st;
        let mut from = phrase.unwrap_or(a);
        if let Some(na) = negation_before(ws, low, k) {
            from = na;
            stance = match (st, &low[a..b]) {
                // "We are not convinced by it", "it does not reflect our
                // views": doubts, not a side against.
                (_, "convinced" | "reflect" | "reflects") => Stance::Concern,
                (Stance::Support, _) => Stance::Oppose,
                (Stance::Oppose | Stance::Concern, _) => Stance::Support,
                (other, _) => other,
            };
        }
        if best.is_none_or(|(d, ..)| distance < d) {
            best = Some((distance, stance, from, b));
        }
    }
    // "requires a legally binding instrument", "advancing discussions on
    // a legally binding instrument": bringing it about, just before the
    // naming.
    if best.is_none_or(|b| b.1 == Stance::Neutral) && !own {
        let first = word_at(ws, s);
        if let Some(i) = (first.saturating_sub(5)..first)
            .rev()
            .find(|&i| CREATION_SET.has(&low[ws[i].0..ws[i].1]))
        {
            let negated = ws[i.saturating_sub(3)..i]
                .iter()
                .any(|&(na, nb)| NEGATIONS.contains(&&low[na..nb]));
            let between = &low[ws[i].1..s];
            if !negated && !between.contains([',', ';']) || between.trim_start().starts_with(',') {
                best = Some((0, Stance::Support, ws[i].0, ws[i].1));
            }
        }
    }
    // "The survey could assist in this regard", "the PoA offers a clear
    // path forward": the proposal the subject of what it could do, in a
    // delegation's sentence with no other cue.
    if best.is_none() && !own && !x.chair {
        // The clause starts after a "that" ("we believe that the
        // proposal … can be linked"). The speaker in it makes the
        // proposal no subject ("we wonder whether, in practice, the
        // proposal would …"), but for a frame of its view ("in our view,
        // this proposal overcomes …").
        let first = word_at(ws, s);
        let clause = ws[..first]
            .iter()
            .rposition(|&(a, b)| &low[a..b] == "that")
            .map_or(0, |i| i + 1);
        let subject = (clause..first).all(|i| match &low[ws[i].0..ws[i].1] {
            "we" | "i" | "us" => false,
            "our" => i > 0 && matches!(&low[ws[i - 1].0..ws[i - 1].1], "in" | "from" | "for"),
            _ => true,
        });
        let after = word_at(ws, e);
        if subject && first - clause < 12 {
            let found = (after..(after + 8).min(ws.len())).find(|&i| {
                let w = &low[ws[i].0..ws[i].1];
                !low[e..ws[i].0].contains([',', ';'])
                    && (PROSPECT.contains(&w)
                        || DEEDS.contains(&w)
                        || matches!(w, "cannot" | "can't" | "can’t"))
            });
            // "… cannot be portrayed as a gold standard": what it cannot do.
            if let Some(i) = found {
                let to = (i + 2).min(ws.len());
                // "ensures no delegation is left behind": the "no" after a
                // verb of what it does is its object's.
                let negated = !DEEDS.contains(&&low[ws[i].0..ws[i].1])
                    && ws[i..to]
                        .iter()
                        .any(|&(na, nb)| NEGATIONS.contains(&&low[na..nb]));
                let (a, b) = (ws[i].0, ws[to - 1].1);
                best = Some(if negated {
                    (0, Stance::Oppose, a, b)
                } else {
                    (0, Stance::Support, a, ws[i].1)
                });
            }
        }
    }
    match best {
        // A sponsor speaks for its own proposal: its concerns are about
        // what the proposal answers, not about the proposal.
        Some((_, Stance::Support, a, b)) if own => (Stance::Support, Some((a, b))),
        _ if own => (Stance::Support, None),
        Some((_, stance, a, b)) => (stance, Some((a, b))),
        None => (Stance::Reference, None),
    }
}

/// The word "encourage" (or "urge", "invite") of "we encourage all
/// participants to study …" before the cue at word `k`, in its clause,
/// with the stance it takes: support, or opposition when the others are
/// asked not to ("we urge the Chair not to consider it"). Only "study"
/// and "consider" count: "we urge the sponsors to review it" asks for
/// changes; and only the speaker's own verb ("we would encourage", not
/// "Kenya invites"), with no other negation after it.
fn commended(ws: &[(usize, usize)], low: &str, k: usize) -> Option<(usize, Stance)> {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    if k < 3 || w(k - 1) != "to" || !matches!(w(k), "study" | "consider") {
        return None;
    }
    let i = (k.saturating_sub(6)..k - 2).rev().find(|&i| {
        matches!(
            w(i),
            "encourage" | "encourages" | "urge" | "urges" | "invite" | "invites"
        ) && !low[ws[i].1..ws[k].0].contains([',', ';'])
    })?;
    let stance = if w(k - 2) == "not" {
        Stance::Oppose
    } else {
        Stance::Support
    };
    let asked = if stance == Stance::Oppose { k - 2 } else { k };
    if (i + 1..asked).any(|j| NEGATIONS.contains(&w(j))) {
        return None;
    }
    let mut sub = i;
    while sub > 0
        && matches!(
            w(sub - 1),
            "would" | "also" | "strongly" | "therefore" | "again" | "further" | "all"
        )
    {
        sub -= 1;
    }
    (sub > 0 && matches!(w(sub - 1), "we" | "i" | "delegation" | "government"))
        .then_some((i, stance))
}

/// Whether word `q` ("some", "many") counts the cue noun at word `k`
/// after a verb of the speaker's: "we have some concerns", "we see some
/// merit" are the speaker's; "some support it", "some concerns were
/// raised" (no verb before) and "we heard some objections" (what others
/// said) are not.
fn quantifies(ws: &[(usize, usize)], low: &str, q: usize, k: usize) -> bool {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    q + 1 == k
        && matches!(w(q), "some" | "many")
        && QUANTIFIED_CUES.contains(&w(k))
        && q > 0
        && !matches!(w(q - 1), "heard" | "hear" | "noted" | "received" | "of")
        && !low[ws[q - 1].1..ws[q].0].contains([',', ';'])
}

/// The cue nouns a speaker may count ("some concerns", "many
/// reservations"): what the speaker holds, not what others do.
const QUANTIFIED_CUES: &[&str] = &[
    "concern",
    "concerns",
    "reservations",
    "doubts",
    "deficiencies",
    "weakness",
    "overlap",
    "merit",
    "value",
    "objections",
];

/// The word after word `k`, or "".
fn next_word<'a>(ws: &[(usize, usize)], low: &'a str, k: usize) -> &'a str {
    ws.get(k + 1).map_or("", |&(a, b)| &low[a..b])
}

/// Whether "objection(s)" at word `k` can be one the speaker makes or
/// denies ("we have objections", "no formal objection", "my
/// delegation's objections", "its objection"): not others' ("the
/// objections of others", "their objections", "Egypt's objections"), nor
/// a thing spoken about ("transparency about member state objections").
fn speakers_objection(ws: &[(usize, usize)], low: &str, k: usize) -> bool {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    if k > 0 {
        let before = w(k - 1);
        // "My delegation's objections", "its objection" (the
        // delegation's) are the speaker's; "Egypt's objections" are not.
        let owner = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("\u{2019}s"));
        if matches!(
            before,
            "the" | "their" | "his" | "her" | "these" | "those" | "state" | "states"
        ) || owner.is_some_and(|o| !matches!(o, "delegation" | "country" | "government"))
        {
            return false;
        }
    }
    !(k.saturating_sub(3)..k).any(|i| matches!(w(i), "about" | "regarding" | "over"))
}

/// Whether "support" at word `k` is support a text has or lacks, not
/// the speaker's: "enough to command consensus support", "it enjoys
/// broad support", "it has gained support" ("we express broad support"
/// is the speaker's).
fn support_had(ws: &[(usize, usize)], low: &str, k: usize) -> bool {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    let extent = k > 0
        && matches!(
            w(k - 1),
            "consensus" | "broad" | "wide" | "widespread" | "general" | "unanimous" | "majority"
        );
    let at = k - usize::from(extent);
    at > 0 && HOLDS_SUPPORT.contains(&w(at - 1)) && !low[ws[at - 1].1..ws[k].0].contains(',')
}

/// Verbs whose object is support a text has: "command", "enjoy",
/// "garner"…
const HOLDS_SUPPORT: &[&str] = &[
    "command",
    "commands",
    "commanded",
    "enjoy",
    "enjoys",
    "enjoyed",
    "garner",
    "garners",
    "garnered",
    "attract",
    "attracts",
    "attracted",
    "gain",
    "gains",
    "gained",
    "gather",
    "gathers",
    "gathered",
    "receive",
    "receives",
    "received",
    "win",
    "wins",
    "won",
    "lack",
    "lacks",
    "lacked",
];

/// Whether the appreciation or welcome at word `k` is of someone's
/// efforts ("we appreciate your efforts in circulating the discussion
/// paper", "we welcome the Chair's hard work on it"): thanks, not a side
/// taken on the paper. Its object comes first: "we appreciate the paper
/// and your efforts" takes one.
fn thanks_for_efforts(ws: &[(usize, usize)], low: &str, k: usize) -> bool {
    for &(a, b) in ws.iter().skip(k + 1).take(4) {
        let word = &low[a..b];
        // Not "work" alone: "the work plan in your proposal", "the work on
        // the PoA" are what the proposal does.
        if matches!(word, "efforts" | "effort" | "leadership" | "hard") {
            return true;
        }
        if TRIGGER_SET.has(word) {
            return false;
        }
    }
    false
}

/// Whether "against" at word `k` is a side taken: after a verb of being
/// or standing, over an adverb or a "not" ("we are firmly against it",
/// "we are not against it").
fn being_against(ws: &[(usize, usize)], low: &str, k: usize) -> bool {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    let mut i = k;
    while i > 0 && matches!(w(i - 1), "not" | "firmly" | "strongly" | "clearly" | "also") {
        i -= 1;
    }
    i > 0
        && matches!(
            w(i - 1),
            "are" | "am" | "is" | "remain" | "remains" | "be" | "stand" | "stands"
        )
}

/// Where "go" starts, when the word `k` ("along") is in "go along with"
/// (or "goes", "going", "went").
fn going_along(ws: &[(usize, usize)], low: &str, k: usize) -> Option<usize> {
    let w = |i: usize| ws.get(i).map_or("", |&(a, b)| &low[a..b]);
    (k > 0 && matches!(w(k - 1), "go" | "goes" | "going" | "went") && w(k + 1) == "with")
        .then(|| ws[k - 1].0)
}

/// Where "still" starts, when the word `k` ("stage") ends "still at the
/// … stage" or "still in the … stage", at most three words between the
/// preposition and "stage": what is not yet ready.
fn still_at_stage(ws: &[(usize, usize)], low: &str, k: usize) -> Option<usize> {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    let at = (k.saturating_sub(5)..k)
        .rev()
        .find(|&i| matches!(w(i), "at" | "in"))?;
    (at > 0 && w(at - 1) == "still" && k - at <= 4).then(|| ws[at - 1].0)
}

/// Whether the lower-case sentence, up to byte `end`, ends with the
/// speaker's own name: a delegation speaking of itself in the third
/// person.
fn names_self(low: &str, end: usize, speaker: &str) -> bool {
    let before = &low.as_bytes()[..end];
    let name = speaker.as_bytes();
    before.len() >= name.len()
        && before[before.len() - name.len()..].eq_ignore_ascii_case(name)
        && before[..before.len() - name.len()]
            .last()
            .is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// Where the negation of the cue at word `k` starts, if it has one: among
/// the three words before it, or before an "any" among them, whose
/// negation may stand further off ("we have not heard any formal
/// objection").
fn negation_before(ws: &[(usize, usize)], low: &str, k: usize) -> Option<usize> {
    // "We cannot but support it" is no negation: "but" after it.
    let negation = |from: usize, to: usize| {
        (from..to)
            .rev()
            .find(|&i| {
                NEGATIONS.contains(&&low[ws[i].0..ws[i].1])
                    && ws.get(i + 1).is_none_or(|&(a, b)| &low[a..b] != "but")
            })
            .map(|i| ws[i].0)
    };
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    // "we are not in a position to support it", "not yet ready to
    // support it": the position or the readiness negated.
    let readiness = if k >= 4
        && w(k - 1) == "to"
        && w(k - 2) == "position"
        && matches!(w(k - 3), "a" | "the")
        && w(k - 4) == "in"
    {
        Some(k - 4)
    } else if k >= 2
        && w(k - 1) == "to"
        && matches!(w(k - 2), "ready" | "prepared" | "willing" | "able")
    {
        Some(k - 2)
    } else {
        None
    };
    if let Some(r) = readiness {
        if let Some(na) = negation(r.saturating_sub(3), r) {
            return Some(na);
        }
    }
    // "we fail to see the added value of it".
    if let Some(j) = (k.saturating_sub(4)..k).find(|&j| w(j) == "see") {
        if j >= 2 && w(j - 1) == "to" && matches!(w(j - 2), "fail" | "fails" | "failed") {
            return Some(ws[j - 2].0);
        }
    }
    let from = k.saturating_sub(3);
    negation(from, k).or_else(|| {
        let any = (from..k).find(|&j| &low[ws[j].0..ws[j].1] == "any")?;
        negation(any.saturating_sub(3), any)
    })
}

/// "A good basis for our discussions", "a valuable tool to stimulate
/// further debate": a proposal welcomed as matter for discussion, which is
/// no side taken however warm the words around; the range of the phrase.
///
/// Its callers ask only about sentences with one of its head words
/// ([`Scan::heads`]): most hold none.
fn for_discussion(x: &Reading) -> Option<(usize, usize)> {
    let ws = &x.words;
    let w = |i: usize| ws.get(i).map_or("", |&(a, b)| &x.low[a..b]);
    for k in 0..ws.len() {
        let head = match w(k) {
            "basis" | "tool" => true,
            "point" => k > 0 && w(k - 1) == "starting",
            _ => false,
        };
        if !head {
            continue;
        }
        let mut i = k + 1;
        while i <= k + 4 && DISCUSSION_FILLERS.contains(&w(i)) {
            i += 1;
        }
        if DISCUSSION_WORDS.contains(&w(i)) {
            let from = if w(k) == "point" { k - 1 } else { k };
            return Some((ws[from].0, ws[i].1));
        }
    }
    None
}

/// Words between "basis", "tool" or "starting point" and the discussion it
/// is for.
const DISCUSSION_FILLERS: &[&str] = &[
    "for",
    "to",
    "our",
    "the",
    "further",
    "stimulate",
    "stimulating",
    "facilitate",
    "continued",
    "future",
];

/// What a proposal is a basis for when it is matter for discussion (not
/// "negotiations", where a basis is a text to agree on).
const DISCUSSION_WORDS: &[&str] = &[
    "discussion",
    "discussions",
    "debate",
    "debates",
    "deliberation",
    "deliberations",
    "reflection",
    "reflections",
];

/// Words of bringing a proposal about, which support it when they stand
/// at most five words before its naming in a sentence with no other cue
/// ("requires a legally binding instrument", "the goal … to establish, in
/// the future, a binding instrument").
const CREATION: &[&str] = &[
    "require",
    "requires",
    "establish",
    "establishing",
    "advance",
    "advancing",
    "develop",
    "developing",
    "development",
    "negotiate",
    "negotiating",
    "negotiation",
    "elaborate",
    "elaborating",
    "elaboration",
];

/// Verbs of what a proposal could do, which support it when it is their
/// subject in a delegation's sentence with no other cue ("the survey
/// could assist", "the Programme of Action offers", "would be a first
/// step").
const PROSPECT: &[&str] = &[
    "could", "would", "can", "offers", "offer", "provides", "provide", "allows", "allow", "helps",
];

/// What a proposal does, said well of it, read as [`PROSPECT`] is: "the
/// Chair's proposal ensures meaningful opportunities", "this proposal
/// overcomes the challenges". A "no" after one is its object's ("ensures
/// no delegation is left behind").
const DEEDS: &[&str] = &[
    "ensures",
    "enables",
    "overcomes",
    "facilitates",
    "strengthens",
    "guarantees",
];

/// Nouns before "to" that make the cue after a power, not a stance.
const RIGHTS: &[&str] = &[
    "right",
    "rights",
    "ability",
    "power",
    "powers",
    "possibility",
    "freedom",
    "prerogative",
    "option",
    "opportunity",
    "chance",
];

/// Subjects that make a cue someone else's ("some delegations reject",
/// "they oppose").
const OTHERS: &[&str] = &[
    "anyone",
    "anybody",
    "some",
    "others",
    "they",
    "those",
    "nobody",
    "delegations",
    "states",
    "countries",
    "who",
    "he",
    "she",
    "many",
];

/// "co-sponsored by 25 countries", "25 states that co-sponsor": the count.
/// Asked only of a sentence that [`says_cosponsor`].
fn cosponsor_count(low: &str) -> Option<u32> {
    let ws = words(low);
    ws.iter()
        .find_map(|&(a, b)| low[a..b].parse::<u32>().ok().filter(|&n| n > 1))
}

/// Where the proposal of a sentence that says "co-sponsor" is named in
/// it, and the co-sponsors the sentence names (`at`: the sentence's
/// proposals, with where each naming starts). The proposal is the one named next after the first
/// "co-sponsor" word ("co-sponsored the non-paper on …"), else the one
/// named last before it ("the paper that we co-sponsored"). The names:
/// the states and groups after "namely", or after "co-sponsored by"
/// ("25 states that co-sponsor the proposal, namely Australia, …"; not
/// those after "drafted by", who are the sponsors), and the speaker
/// when it is the subject of the co-sponsoring ([`cosponsor_is_speaker`]).
fn cosponsors_named(x: &Reading, at: &[(usize, usize)]) -> Option<(usize, Vec<String>)> {
    let b = x.low.as_bytes();
    // The first "co-sponsor" or "cosponsor" that starts a word: in
    // "tco-sponsored" the word before would end after `p`.
    let (p, w) = memchr::memmem::find_iter(b, b"sponsor").find_map(|p| {
        let p = if b[..p].ends_with(b"co-") {
            p - 3
        } else if b[..p].ends_with(b"co") {
            p - 2
        } else {
            return None;
        };
        let w = word_at(&x.words, p);
        x.words
            .get(w)
            .is_some_and(|&(s, _)| s == p)
            .then_some((p, w))
    })?;
    let q = x.words.get(w).map_or(b.len(), |&(_, e)| e);
    let start = at
        .iter()
        .filter(|&&(_, s)| s >= q)
        .min_by_key(|&&(_, s)| s)
        .or_else(|| at.iter().filter(|&&(_, s)| s < p).max_by_key(|&&(_, s)| s))?
        .1;
    let mut names: Vec<String> = Vec::new();
    let word = |i: usize| x.words.get(i).map_or("", |&(a, e)| &x.low[a..e]);
    let list_from = memchr::memmem::find(&b[q..], b"namely")
        .map(|i| q + i + "namely".len())
        .or_else(|| (word(w + 1) == "by").then(|| x.words[w + 1].1));
    if let Some(from) = list_from {
        for m in x.named().iter().filter(|m| m.start >= from) {
            if matches!(m.role, Role::Delegation | Role::Group) {
                names.push(m.name.to_string());
            }
        }
    }
    if cosponsor_is_speaker(x, w, p) {
        names.push(x.speaker.to_string());
    }
    (!names.is_empty()).then_some((start, names))
}

/// Whether the speaker (a delegation) is the subject of the co-sponsor
/// word `w` (at byte `p`): "we" or its own name among the six words
/// before it in its clause ("which we have co-sponsored", "Slovakia
/// co-sponsored", "the Netherlands has joined the group of co-sponsors"),
/// or "as a co-sponsor"; or, after "and", its own name or "we" leading
/// the sentence ("Italy welcomes … and co-sponsored the Working Paper").
/// Others before it ("other states will join the group of co-sponsors",
/// "states that co-sponsor") are not the speaker.
fn cosponsor_is_speaker(x: &Reading, w: usize, p: usize) -> bool {
    if x.chair || x.speaker.is_empty() {
        return false;
    }
    let word = |i: usize| &x.low[x.words[i].0..x.words[i].1];
    let own = |m: &&NameAt| m.name == x.speaker;
    let mut from = p;
    for i in (w.saturating_sub(6)..w).rev() {
        let (a, e) = x.words[i];
        // A comma or semicolon between ends the clause.
        if x.low[e..from].contains([',', ';']) {
            break;
        }
        from = a;
        match word(i) {
            "we" | "i" => return true,
            "as" if i + 1 == w || (i + 2 == w && word(i + 1) == "a") => return true,
            "other" | "others" | "states" | "countries" | "delegations" | "they" => return false,
            _ => {}
        }
    }
    if x.named()
        .iter()
        .filter(|m| m.end > from && m.end <= p)
        .any(|m| own(&m))
    {
        return true;
    }
    if w == 0 || word(w - 1) != "and" {
        return false;
    }
    // The sentence's first subject: "we", or the first name.
    let first_we = x.words[..w]
        .iter()
        .position(|&(a, e)| matches!(&x.low[a..e], "we"));
    let first_name = x.named().iter().find(|m| m.end <= p);
    match (first_we, first_name) {
        (Some(i), Some(m)) => x.words[i].0 < m.start || own(&m),
        (Some(_), None) => true,
        (None, Some(m)) => own(&m),
        (None, None) => false,
    }
}

/// Whether `low` holds "co-sponsor" or "cosponsor": one pass of a
/// searcher built once for "sponsor", its places' prefixes compared,
/// rather than two searchers built and run for each sentence.
fn says_cosponsor(low: &str) -> bool {
    static SPONSOR: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let b = low.as_bytes();
    SPONSOR
        .get_or_init(|| memchr::memmem::Finder::new("sponsor"))
        .find_iter(b)
        .any(|p| b[..p].ends_with(b"co-") || b[..p].ends_with(b"co"))
}

display_as_str!(ProposalKind, Stance);
from_serde_name!(ProposalKind, Stance);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosponsor_as_two_searches_find_it() {
        let pieces = ["co", "-", "sponsor", "spon", "sor", "c", "o", " ", "é", "s"];
        for t in crate::text::pieced_texts(&pieces, 3000, 12, 0x6a09_e667_f3bc_c909) {
            let want = t.contains("co-sponsor") || t.contains("cosponsor");
            assert_eq!(says_cosponsor(&t), want, "{t:?}");
        }
    }

    /// The trigger hits as the automaton alone finds them, kept when
    /// whole words: the search before the walk.
    fn triggers_by_automaton(text: &str) -> Vec<(usize, usize)> {
        automaton()
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    /// The trigger hits by the plain rule: at each character after no
    /// letter or digit, every phrase tried, the longest that matches
    /// (ASCII case ignored) and ends before no letter or digit taken, and
    /// the next looked for from its end on.
    fn triggers_plainly(text: &str) -> Vec<(usize, usize)> {
        let phrases: Vec<&str> = trigger_phrases().collect();
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut out = Vec::new();
        let mut from = 0;
        for (i, _) in text.char_indices() {
            if i < from || alnum(text[..i].chars().next_back()) {
                continue;
            }
            let longest = phrases
                .iter()
                .filter(|p| {
                    text.as_bytes()
                        .get(i..i + p.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(p.as_bytes()))
                        && !alnum(text[i + p.len()..].chars().next())
                })
                .map(|p| p.len())
                .max();
            if let Some(len) = longest {
                out.push((i, i + len));
                from = i + len;
            }
        }
        out
    }

    /// Pieces of texts for the trigger searches: phrases and their parts,
    /// in either case, words that hold them, and the characters around
    /// words (letters and digits of one byte and more, hyphens, marks).
    const TRIGGER_PIECES: &[&str] = &[
        "proposal",
        "Proposals",
        "PROPOS",
        "non-paper",
        "NON",
        "non",
        "anon",
        "-",
        "paper",
        "working",
        "reworking",
        "re",
        " ",
        "  ",
        "a",
        "x",
        "é",
        "É",
        "’",
        "1",
        "rev",
        "Rev",
        ".",
        "those of",
        "of",
        "poa",
        "PoA",
        "ad",
        "hoc",
        "committee",
        "national",
        "survey",
        "s",
        "\n",
        "ñ",
        "日",
        "😀",
        "\u{301}",
        "²",
        "Ⅻ",
        "legally",
        "binding",
        "instrument",
        "legally binding",
        "non-legally",
        "table",
        "top",
        "exercise",
        "text",
        "idea",
        "d",
        "\u{a0}",
        "2",
        "programme of action",
        "action",
        "ideas",
        "'",
        "(",
        "fund",
        "tex",
        "pro",
        "one",
        "point",
        "points",
        "contact",
        "network",
        "incident response",
        "repository",
        "golden",
        "standard",
        "propose",
        "suggest",
        "ed",
        "ing",
        "presented",
        "modify",
        "timeline",
        "tim",
        "ref",
        "rev. 1",
        "vulnerability disclosure",
        "mechanism",
        "cyber",
        "crime",
        "of national",
        "implementation",
        "network of national points of contact",
        "national surveys of implementations",
    ];

    #[test]
    fn triggers_as_the_plain_rule_finds_them() {
        let mut got = Vec::new();
        let (mut hits, mut unlike_before) = (0, 0);
        for t in crate::text::pieced_texts(TRIGGER_PIECES, 30_000, 30, 0x2545_f491_4f6c_dd1d) {
            let want = triggers_plainly(&t);
            find_triggers(&t, &mut got);
            assert_eq!(got, want, "{t:?}");
            hits += want.len();
            unlike_before += usize::from(want != triggers_by_automaton(&t));
        }
        // Texts enough where a phrase inside a word hid a trigger from
        // the search before.
        assert!(
            hits > 2_000 && unlike_before > 100,
            "{hits} {unlike_before}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The walk's triggers against the plain rule, on texts of many
        /// of the walk's 64-byte blocks.
        #[test]
        fn the_walk_finds_the_triggers_of_the_plain_rule(
            picks in proptest::collection::vec(0..TRIGGER_PIECES.len(), 0..150),
        ) {
            let text: String = picks.iter().map(|&i| TRIGGER_PIECES[i]).collect();
            let mut got = Vec::new();
            find_triggers(&text, &mut got);
            proptest::prop_assert_eq!(got, triggers_plainly(&text));
        }
    }

    #[test]
    fn a_phrase_inside_a_word_hides_no_trigger() {
        let mut got = Vec::new();
        // (text, the triggers, the search before's where they differ).
        for (t, want, before) in [
            ("anon paper", &[(5, 10)][..], Some(&[][..])),
            ("reworking paper", &[(10, 15)], Some(&[])),
            ("anon-paper", &[(5, 10)], Some(&[])),
            ("Aworking paper", &[(9, 14)], Some(&[])),
            // The longest phrase is not a whole word there; a shorter is.
            ("national surveys of implementationx", &[(0, 16)], Some(&[])),
            ("a non-paper", &[(2, 11)], None),
            ("non-paper-x", &[(0, 9)], None),
            ("working papers", &[], None),
            ("the PoA", &[(4, 7)], None),
            ("", &[], None),
            ("poa", &[(0, 3)], None),
            ("1paper paper1 paperé épaper", &[], None),
            ("’paper’s", &[(3, 8)], None),
            ("\u{301}paper", &[(2, 7)], None),
            ("²paper", &[], None),
            ("rev. 1 rev. 12 REV 1", &[(0, 6), (15, 20)], None),
        ] {
            find_triggers(t, &mut got);
            assert_eq!(got, want, "{t:?}");
            assert_eq!(triggers_plainly(t), want, "{t:?}");
            assert_eq!(triggers_by_automaton(t), before.unwrap_or(want), "{t:?}");
        }
    }

    #[test]
    fn content_names_as_the_plain_search_finds_them() {
        // The length gate drops no phrase: every trigger phrase names the
        // entry that the first list holding it is.
        for t in trigger_phrases().chain(["", "x", "poc", "national"]) {
            let plain = CONTENT_NAMES.iter().find(|c| c.phrases.contains(&t));
            assert_eq!(content_name(t).map(|c| c.id), plain.map(|c| c.id), "{t}");
        }
    }

    #[test]
    fn every_trigger_starts_with_a_letter() {
        for p in trigger_phrases() {
            // The walk visits the starts of runs of letters, and compares
            // lower case.
            assert!(p.as_bytes()[0].is_ascii_lowercase(), "{p:?}");
            assert!(p.is_ascii() && p == p.to_ascii_lowercase(), "{p:?}");
            assert!(p.len() <= longest_trigger(), "{p:?}");
        }
        assert_eq!(
            longest_trigger(),
            trigger_phrases().map(str::len).max().unwrap_or(0)
        );
    }

    #[test]
    fn triggers_of_the_seeds_as_the_automaton_finds_them() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
        let mut hits = 0;
        let mut got = Vec::new();
        for name in ["000_7135191b872dcc1d.txt", "004_b03c78f8038a68f6.txt"] {
            let src = std::fs::read_to_string(dir.join(name)).expect("the seeds");
            let s = crate::parse(&src).expect("a seed parses");
            let mut each = Vec::new();
            for (i, st) in s.statements.iter().enumerate() {
                // No phrase inside a word hides one in the seeds: the
                // search before finds the same.
                let want = triggers_by_automaton(&st.text);
                find_triggers(&st.text, &mut got);
                assert_eq!(got, want, "{}", st.index);
                hits += want.len();
                each.extend(want.into_iter().map(|h| (i, h)));
            }
            // And every statement's, alone and with the topics.
            assert_eq!(super::super::topics::triggers(&s), each);
            let (topics, with_topics) = super::super::topics::topics_and_triggers(&s);
            assert_eq!(with_topics, each);
            assert_eq!(topics, super::super::topics::topics(&s));
        }
        assert!(hits > 100, "{hits}");
    }

    fn found(text: &str) -> Vec<(String, String, Stance)> {
        let src = format!("Chair: Next speaker please.\nPeru: {text}\n");
        let s = crate::parse(&src).unwrap();
        proposals(&s)
            .into_iter()
            .flat_map(|p| {
                p.mentions
                    .into_iter()
                    .map(move |m| (p.id.clone(), m.speaker, m.stance))
            })
            .collect()
    }

    #[test]
    fn the_next_speakers_words_in_the_chairs_turn_are_read_as_theirs() {
        // Iraq's words left under the Chair's label: its "your proposal"
        // is the Chair's, and its stance Iraq's.
        let s = crate::parse(
            "Chair: I have sent you my proposal on modalities. Iraq, you have the floor.\n\n\
             Thank you, Chair. We have no objections when it comes to your proposal.\n\
             Chile: Thank you, Chair.\n",
        )
        .unwrap();
        let p = proposals(&s);
        let got: Vec<(&str, &str, Stance)> = p
            .iter()
            .flat_map(|p| {
                p.mentions
                    .iter()
                    .map(|m| (p.id.as_str(), m.speaker.as_str(), m.stance))
            })
            .collect();
        assert_eq!(
            got,
            [
                ("chairs-proposal", "Chair", Stance::Reference),
                ("chairs-proposal", "Iraq", Stance::Support)
            ]
        );
        assert_eq!(p, crate::analysis::analyze(&s).proposals);
        // "My proposal" there is still the Chair's (whose words they are
        // is the floor audit's guess).
        let s = crate::parse(
            "Chair: Thank you. Egypt, you have the floor.\n\n\
             Before that, let me recall my proposal on modalities.\n\
             Egypt: Thank you, Chair.\n",
        )
        .unwrap();
        let ids: Vec<String> = proposals(&s).into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["chairs-proposal"]);
    }

    #[test]
    fn wordings_of_one_proposal() {
        for t in [
            "We support the Canada-Chile proposal.",
            "We support the proposal by Canada and Chile.",
            "We support the non-paper of Canada and Chile.",
            "We support the proposal by Chile and Canada.",
        ] {
            assert_eq!(
                found(t),
                [(
                    "canada-chile-proposal".into(),
                    "Peru".into(),
                    Stance::Support
                )],
                "{t}"
            );
        }
    }

    #[test]
    fn a_speakers_side_is_the_most_said_a_tie_the_latest_against_counted_together() {
        use Stance::*;
        assert_eq!(Stance::side([Support, Oppose, Support]), Some(Support));
        assert_eq!(
            Stance::side([Oppose, Support, Support, Oppose, Oppose]),
            Some(Oppose)
        );
        assert_eq!(Stance::side([Support, Concern, Neutral]), Some(Concern));
        assert_eq!(Stance::side([Concern, Support, Reference]), Some(Support));
        assert_eq!(Stance::side([Reference, Neutral]), None);
        assert_eq!(Stance::side([]), None);
        // Opposition and concern are against together: Iran's neutral,
        // concern, oppose, reference, support on the Chair's paper.
        assert_eq!(
            Stance::side([Neutral, Concern, Oppose, Reference, Support]),
            Some(Oppose)
        );
        assert_eq!(
            Stance::side([Support, Support, Oppose, Concern]),
            Some(Concern)
        );
        assert_eq!(
            Stance::side([Concern, Oppose, Support, Support]),
            Some(Support)
        );
        assert_eq!(
            Stance::side([Concern, Concern, Support, Support, Support, Oppose]),
            Some(Concern)
        );
        assert_eq!(
            Stance::side([Support, Support, Support, Oppose, Concern]),
            Some(Support)
        );
    }

    #[test]
    fn negation() {
        use Stance::*;
        for (sentence, stance) in [
            ("We cannot support the Canada-Chile proposal.", Oppose),
            // Not opposition: no objection is acceptance.
            ("We do not oppose the Canada-Chile proposal.", Support),
            ("We oppose the Canada-Chile proposal.", Oppose),
            // A negation before "any" reaches past it: "not heard any
            // formal objection" is no objection.
            ("We have not heard any formal objection to the Canada-Chile proposal.", Support),
            (
                "Having not heard any substantial objection to the Canada-Chile proposal, we hope for support.",
                Support,
            ),
            // Without the negation, the objection stands.
            ("We have heard a formal objection to the Canada-Chile proposal.", Oppose),
            ("We raise serious objections to the Canada-Chile proposal.", Oppose),
        ] {
            assert_eq!(found(sentence)[0].2, stance, "{sentence}");
        }
    }

    #[test]
    fn generic_proposals_name_nothing() {
        assert!(found("There are many proposals on the table.").is_empty());
        assert!(found("We heard a proposal yesterday.").is_empty());
    }

    /// The (id, speaker, stance) of every mention in a whole record.
    fn all(src: &str) -> Vec<(String, String, Stance)> {
        let s = crate::parse(src).unwrap();
        let mut out: Vec<(usize, usize, String, String, Stance)> = proposals(&s)
            .into_iter()
            .flat_map(|p| {
                p.mentions.into_iter().map(move |m| {
                    (
                        m.statement,
                        m.words.start,
                        p.id.clone(),
                        m.speaker,
                        m.stance,
                    )
                })
            })
            .collect();
        out.sort();
        out.into_iter().map(|(_, _, i, s, t)| (i, s, t)).collect()
    }

    fn one(id: &str, speaker: &str, stance: Stance) -> (String, String, Stance) {
        (id.into(), speaker.into(), stance)
    }

    #[test]
    fn the_chair_thanked_for_a_proposal() {
        for t in [
            "Peru: We thank the Chair for the proposal and support it.\n",
            "Peru: We thank you for the paper, which we support.\n",
        ] {
            assert_eq!(
                all(t),
                [one("chairs-proposal", "Peru", Stance::Support)],
                "{t}"
            );
        }
        // The Chair thanking someone for "the proposal" names no one, nor
        // does a thanks for something else than the noun.
        assert!(all("Chair: I thank you for the proposal.\n").is_empty());
        assert!(all("Peru: We thank you for the efforts to reach a compromise.\n").is_empty());
    }

    #[test]
    fn authors_after_the_noun() {
        for t in [
            "We welcome the paper put forward by Canada and Chile.",
            "We welcome the paper on stakeholder modalities presented by Chile and Canada.",
            "We welcome the working document of Canada and Chile.",
            "We welcome the non-paper coordinated by a cross-regional group of Canada and Chile.",
            "We thank Canada and Chile for their working paper, which we welcome.",
            "We welcome the Canadian-Chilean working paper.",
        ] {
            assert_eq!(
                found(t),
                [one("canada-chile-proposal", "Peru", Stance::Support)],
                "{t}"
            );
        }
        // A demonym, a possessive, a verb with its author.
        assert_eq!(
            found("We support the French paper.")[0].0,
            "france-proposal"
        );
        assert_eq!(
            found("We support France's proposal.")[0].0,
            "france-proposal"
        );
        assert_eq!(
            found("The meetings, as proposed by China, are a good basis.")[0].0,
            "china-proposal"
        );
        // Unnamed authors name no proposal.
        assert!(found("We support the proposal by certain states.").is_empty());
        assert!(found("We support the proposal presented by a number of delegations.").is_empty());
    }

    #[test]
    fn the_programme_of_action_by_any_name() {
        for t in [
            "We support the PoA.",
            "We support the Programme of Action.",
            "We support the program of action.",
            "We support the POA proposal.",
            "We support the proposal for a cyber programme of action.",
        ] {
            assert_eq!(
                found(t),
                [one("programme-of-action", "Peru", Stance::Support)],
                "{t}"
            );
        }
        // Its sponsors, when a naming gives them.
        let s = crate::parse(
            "Peru: We welcome the proposal of France and Egypt on a Programme of Action.\n",
        )
        .unwrap();
        let p = proposals(&s);
        assert_eq!(
            (p.len(), p[0].sponsors.clone()),
            (1, vec!["Egypt".to_string(), "France".to_string()])
        );
    }

    #[test]
    fn the_chairs_proposal_and_timeline() {
        let got = all("Chair: I put forward my revised proposal of 15 December and my timeline for a decision.\n\
             Peru: We support your proposal and your timeline.\n\
             Cuba: The Chair's proposal is a good basis. We also support the timeline you proposed.\n\
             Chile: We support the modalities proposed by you.\n");
        assert_eq!(
            got,
            [
                one("chairs-proposal", "Chair", Stance::Reference),
                one("chairs-timeline", "Chair", Stance::Reference),
                one("chairs-proposal", "Peru", Stance::Support),
                one("chairs-timeline", "Peru", Stance::Support),
                one("chairs-proposal", "Cuba", Stance::Support),
                one("chairs-timeline", "Cuba", Stance::Support),
                one("chairs-proposal", "Chile", Stance::Support),
            ]
        );
    }

    #[test]
    fn the_proposal_points_back() {
        // "The proposal" is the one named before, in the statement or the
        // session; "the document" only in the statement.
        let got = all(
            "Peru: We welcome the Canada-Chile proposal. The proposal is balanced.\n\
             Cuba: We have concerns about the proposal.\n\
             Chile: The document is long.\n",
        );
        assert_eq!(
            got,
            [
                one("canada-chile-proposal", "Peru", Stance::Support),
                one("canada-chile-proposal", "Peru", Stance::Support),
                one("canada-chile-proposal", "Cuba", Stance::Concern),
            ]
        );
        // With nothing named before, nothing.
        assert!(found("We support the proposal.").is_empty());
        // A proposal described by its subject is not the one named before.
        assert_eq!(
            all("Peru: We welcome the Canada-Chile proposal. We oppose the proposal to merge the pillars.\n").len(),
            1
        );
        // "The idea behind" a proposal named next is that one's only.
        let got = all("Cuba: We welcome the Canada-Chile proposal. That is the idea behind the African proposal for three groups.\n");
        let ids: Vec<&str> = got.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(
            ids,
            ["canada-chile-proposal", "african-group-proposal"],
            "{got:?}"
        );
        // "The idea behind it" points back.
        assert_eq!(
            all("Cuba: We welcome the Canada-Chile proposal. We support the idea behind it.\n")
                .len(),
            2
        );
        // "The idea that" a clause says out is that thought; the idea
        // "that" someone put forward points back.
        for (t, n) in [
            (
                "We are worried about the idea that five thematic groups could be a burden.",
                1,
            ),
            ("We doubt the idea that states should report every year.", 1),
            ("We support the idea that the Chair presented.", 2),
            ("We support the idea that was put forward.", 2),
            (
                "We think the idea that the Chair presented yesterday could work.",
                2,
            ),
            // A pronoun's clause is left pointing back: "the idea that we
            // should consider" is the idea's object.
            ("We support the idea that we should consider.", 2),
        ] {
            let src = format!("Cuba: We welcome the Canada-Chile proposal. {t}\n");
            assert_eq!(all(&src).len(), n, "{t}");
        }
    }

    #[test]
    fn a_proposal_pointed_back_to_does_well() {
        assert_eq!(
            all("Peru: We have read the Canada-Chile proposal. In our view, this proposal overcomes the challenges.\n"),
            [
                one("canada-chile-proposal", "Peru", Stance::Reference),
                one("canada-chile-proposal", "Peru", Stance::Support)
            ]
        );
    }

    #[test]
    fn a_naming_inside_the_last_word_is_read() {
        // The naming starts inside a word the sentence's words end with:
        // what is read around it stays within the words.
        for t in ["We heard about the 'PoA'.", "This is the UN-PoA."] {
            let _ = found(t);
        }
    }

    #[test]
    fn a_plan_or_timeline_is_one() {
        assert_eq!(
            all("Egypt: We express our full support to the suggested plan or timeline by you, Chair, to reach a consensual proposal.\n"),
            [one("chairs-timeline", "Egypt", Stance::Support)]
        );
    }

    #[test]
    fn what_a_proposal_does_well_and_worries() {
        for (t, stance) in [
            (
                "We believe that the Canada-Chile proposal ensures meaningful opportunities.",
                Stance::Support,
            ),
            (
                "In our view, the Canada-Chile proposal overcomes the challenges.",
                Stance::Support,
            ),
            (
                "We are worried about the Canada-Chile proposal.",
                Stance::Concern,
            ),
            (
                "We would encourage all delegations to study the Canada-Chile proposal.",
                Stance::Support,
            ),
            ("We will study the Canada-Chile proposal.", Stance::Neutral),
            // Not others' encouragement, nor to review it
            // (changes asked for), nor over a nearer concern.
            ("Kenya invites all delegations to study the Canada-Chile proposal.", Stance::Reference),
            ("We urge the Chair not to consider the Canada-Chile proposal.", Stance::Oppose),
            ("We would urge delegations not to study the Canada-Chile proposal.", Stance::Oppose),
            // Another negation before it: no ask of the speaker's.
            ("We urge no delegation not to consider the Canada-Chile proposal.", Stance::Neutral),
            ("We urge the sponsors to review the Canada-Chile proposal.", Stance::Neutral),
            (
                "We have serious concerns about the Canada-Chile proposal and would encourage the sponsors to study it again.",
                Stance::Concern,
            ),
            // Who could be against it? The speaker's support.
            (
                "It is difficult to see why anyone would oppose the Canada-Chile proposal.",
                Stance::Support,
            ),
            ("Why would anybody oppose the Canada-Chile proposal?", Stance::Support),
            // Others against it, asked about: not the speaker's side.
            ("We know why some oppose the Canada-Chile proposal.", Stance::Reference),
            ("We understand why anyone would oppose the Canada-Chile proposal.", Stance::Reference),
            ("It is hard to see why anyone would not oppose the Canada-Chile proposal.", Stance::Reference),
            // A "no" after what it does is its object's.
            ("The Canada-Chile proposal ensures no delegation is left behind.", Stance::Support),
            // The speaker's question, over a comma, is no stance.
            (
                "We wonder whether, in practice, the Canada-Chile proposal would reduce duplication.",
                Stance::Reference,
            ),
        ] {
            assert_eq!(
                found(t),
                [("canada-chile-proposal".into(), "Peru".into(), stance)],
                "{t}"
            );
        }
    }

    #[test]
    fn own_proposals() {
        let got = all(
            "Brazil: We propose three thematic groups. My delegation suggests rotating agendas.\n\
             Peru: We would suggest they are compatible.\n\
             Cuba: Brazil proposes nothing for Cuba.\n",
        );
        // Both of Brazil's, one proposal sponsored by Brazil; Peru's
        // opinion and its naming of Brazil are none of Peru's.
        assert_eq!(
            got,
            [
                one("brazil-proposal", "Brazil", Stance::Support),
                one("brazil-proposal", "Brazil", Stance::Support),
            ]
        );
        // "Our paper" of a co-sponsor is the joint paper.
        let got = all("Peru: We support the Canada-Chile proposal.\n\
             Canada: Our paper is balanced.\n");
        assert_eq!(
            got[1],
            one("canada-chile-proposal", "Canada", Stance::Support)
        );
        // When every "our" of Canada's own proposal went to the joint
        // paper, its other mentions go too (Mexico's, in a statement with
        // no "our"); each "our" kept once.
        let s = crate::parse(
            "Peru: We support the Canada-Chile proposal.\n\
             Canada: Our paper is balanced. We ask all to support the proposal.\n\
             Mexico: We thank Canada for its proposal.\n\
             Canada: Our paper has broad support. The paper is short.\n",
        )
        .unwrap();
        let p = proposals(&s);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id, "canada-chile-proposal");
        let at: Vec<usize> = p[0].mentions.iter().map(|m| m.statement).collect();
        assert_eq!(at, [0, 1, 1, 2, 3, 3]);
        // A sentence that names the joint paper already keeps one mention.
        let s = crate::parse(
            "Peru: We support the Canada-Chile proposal.\n\
             Canada: Our paper, the Canada-Chile proposal, is balanced.\n",
        )
        .unwrap();
        let p = proposals(&s);
        let said: Vec<&str> = p[0]
            .mentions
            .iter()
            .map(|m| m.words.text.as_str())
            .collect();
        assert_eq!(said, ["Canada-Chile proposal", "Canada-Chile proposal"]);
        // The Chair's "your proposal" is the proposal of the delegation
        // that just spoke, if it has one; else none.
        let got = all("Brazil: We propose a fund.\n\
             Chair: Thank you for your proposal. Peru.\n\
             Peru: Good morning.\n\
             Chair: Thank you for your proposal.\n");
        assert_eq!(
            got,
            [
                one("brazil-proposal", "Brazil", Stance::Support),
                one("brazil-proposal", "Chair", Stance::Reference),
            ]
        );
    }

    #[test]
    fn stances_and_their_cues() {
        let s = crate::parse(
            "Peru: While we appreciate the Chair's proposal, we remain concerned about it.\n",
        )
        .unwrap();
        let m = &proposals(&s)[0].mentions[0];
        assert_eq!(m.stance, Stance::Concern);
        assert_eq!(m.cues[0].text, "concerned");
        assert_eq!(
            &s.statements[0].text[m.cues[0].start..m.cues[0].end],
            "concerned"
        );
        for (t, stance) in [
            ("We take note of the PoA and support it.", Stance::Support),
            ("We take note of the PoA.", Stance::Neutral),
            // Asked who could oppose it: the speaker supports it.
            (
                "It is hard to see why anyone would oppose the PoA.",
                Stance::Support,
            ),
            ("Some delegations oppose the PoA.", Stance::Reference),
            ("The PoA keeps the right to object.", Stance::Reference),
            ("We have no objection to the PoA.", Stance::Support),
            ("We have objections to the PoA.", Stance::Oppose),
            ("We have strong objections to the PoA.", Stance::Oppose),
            (
                "The PoA creates transparency about member state objections to it.",
                Stance::Reference,
            ),
            ("We note Egypt's objections to the PoA.", Stance::Neutral),
            (
                "My delegation wishes to record its objection to the PoA.",
                Stance::Oppose,
            ),
            (
                "My delegation's objections to the PoA are well known.",
                Stance::Oppose,
            ),
            ("We have a number of objections to the PoA.", Stance::Oppose),
            (
                "We wish to place on record our objection to the PoA.",
                Stance::Oppose,
            ),
            ("We reject the PoA.", Stance::Oppose),
            (
                "The PoA is a good basis, but we have concerns.",
                Stance::Concern,
            ),
        ] {
            assert_eq!(found(t)[0].2, stance, "{t}");
        }
    }

    #[test]
    fn diplomatic_wordings_of_a_side() {
        for (t, stance) in [
            (
                "We are not in a position to support the PoA.",
                Stance::Oppose,
            ),
            ("We are in a position to support the PoA.", Stance::Support),
            // Support a text has or lacks is not the speaker's.
            (
                "The PoA was not enough to command consensus support.",
                Stance::Reference,
            ),
            ("The PoA enjoys broad support.", Stance::Reference),
            ("We express our broad support for the PoA.", Stance::Support),
            ("We express broad support for the PoA.", Stance::Support),
            ("We are in general support of the PoA.", Stance::Support),
            ("We, like the majority, support the PoA.", Stance::Support),
            ("They have not rejected the PoA.", Stance::Reference),
            (
                "Many delegations have supported the PoA.",
                Stance::Reference,
            ),
            ("We have not rejected the PoA.", Stance::Support),
            (
                "We and others have concerns about the PoA.",
                Stance::Concern,
            ),
            (
                "Peru, who has supported the PoA from the outset, is ready.",
                Stance::Support,
            ),
            ("As for the PoA, they have merit.", Stance::Support),
            ("We could go along with the PoA.", Stance::Support),
            ("We cannot go along with the PoA.", Stance::Oppose),
            // Thanks for someone's efforts take no side on the paper.
            (
                "We appreciate your efforts in preparing the PoA.",
                Stance::Reference,
            ),
            (
                "We welcome the hard work that went into the PoA.",
                Stance::Reference,
            ),
            ("We appreciate the PoA and your efforts.", Stance::Support),
            (
                "We welcome the work plan set out in the PoA.",
                Stance::Support,
            ),
            ("We appreciate the work on the PoA.", Stance::Support),
            (
                "We take note with appreciation of the PoA.",
                Stance::Support,
            ),
            ("We are not convinced by the PoA.", Stance::Concern),
            ("We are convinced that the PoA will help.", Stance::Support),
            ("We are disappointed by the PoA.", Stance::Concern),
            ("We remain sceptical of the PoA.", Stance::Concern),
            ("The PoA does not reflect our views.", Stance::Concern),
            ("We will reflect on the PoA.", Stance::Neutral),
            // "along" alone is no cue.
            ("Along with the PoA, other ideas exist.", Stance::Reference),
            ("We are not yet ready to support the PoA.", Stance::Oppose),
            ("We are not prepared to accept the PoA.", Stance::Oppose),
            ("We are ready to support the PoA.", Stance::Support),
            ("The PoA is a non-starter for us.", Stance::Oppose),
            ("We are still studying the PoA.", Stance::Neutral),
            ("We are examining the PoA carefully.", Stance::Neutral),
            ("We cannot but support the PoA.", Stance::Support),
            ("We fail to see the added value of the PoA.", Stance::Oppose),
            ("We see the added value of the PoA.", Stance::Support),
            (
                "The PoA, in our view, is not the right approach.",
                Stance::Oppose,
            ),
            ("The PoA is the right approach.", Stance::Support),
            ("The PoA takes a new approach.", Stance::Reference),
            ("We have difficulties with the PoA.", Stance::Concern),
            ("We have no difficulty with the PoA.", Stance::Support),
            ("We have a problem with the PoA.", Stance::Concern),
            ("We have no problem with the PoA.", Stance::Support),
            (
                "The PoA addresses the problem of ransomware.",
                Stance::Reference,
            ),
            ("We are against the PoA.", Stance::Oppose),
            ("We are firmly against the PoA.", Stance::Oppose),
            ("We are not against the PoA.", Stance::Support),
            ("The PoA protects against attacks.", Stance::Reference),
            ("The PoA goes in the right direction.", Stance::Support),
            (
                "The PoA changes the direction of our work.",
                Stance::Reference,
            ),
            // Others' sides, over a verb of being.
            ("Some states are against the PoA.", Stance::Reference),
            (
                "Many delegations are concerned about the PoA.",
                Stance::Reference,
            ),
            ("They do not support the PoA.", Stance::Reference),
        ] {
            assert_eq!(found(t).last().map(|f| f.2), Some(stance), "{t}");
        }
    }

    #[test]
    fn some_concerns_are_the_speakers() {
        for (t, stance) in [
            ("We have some concerns about the PoA.", Stance::Concern),
            ("We have many reservations about the PoA.", Stance::Concern),
            ("We see some merit in the PoA.", Stance::Support),
            // Others' views, not the speaker's.
            ("Some support the PoA.", Stance::Reference),
            ("Many support the PoA.", Stance::Reference),
            (
                "Some concerns about the PoA were raised.",
                Stance::Reference,
            ),
            ("We heard some objections to the PoA.", Stance::Reference),
        ] {
            assert_eq!(found(t).last().map(|f| f.2), Some(stance), "{t}");
        }
    }

    #[test]
    fn still_at_a_stage_is_a_reservation() {
        for (t, stance) in [
            (
                "On the PoA: we believe that this initiative is still at the \
                 conceptualization stage.",
                Stance::Concern,
            ),
            ("The PoA is still in a very early stage.", Stance::Concern),
            // A stage of the process, not of the proposal's readiness.
            ("At this stage we support the PoA.", Stance::Support),
            ("The PoA is at the implementation stage.", Stance::Reference),
            ("The PoA is still useful at this stage.", Stance::Support),
        ] {
            assert_eq!(found(t).last().map(|f| f.2), Some(stance), "{t}");
        }
        let s = crate::parse("Peru: The PoA is still at an early stage.\n").unwrap();
        let m = &proposals(&s)[0].mentions[0];
        assert_eq!(
            m.cues.first().map(|c| c.text.as_str()),
            Some("still at an early stage"),
            "{m:?}"
        );
    }

    #[test]
    fn opposed_changes_of_a_proposals_subject() {
        let got = all(
            "Canada: We present our proposal on stakeholder modalities for participation.\n\
             Cuba: We oppose attempts to impose changes in current modalities for participation.\n\
             Peru: We oppose changes to the weather.\n",
        );
        assert_eq!(got[1], one("canada-proposal", "Cuba", Stance::Oppose));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn our_proposal_named_twice_in_a_sentence_does_not_panic() {
        // Found by the `analyses` fuzz target: the second noun of one
        // sentence was not kept, and the "our" it had recorded pointed
        // past the proposal's mentions.
        for src in [
            "B: our proposal proposal",
            "Chile: Our paper, our proposal.\nPeru: We support the Chile proposal.\n",
        ] {
            let s = crate::parse(src).unwrap();
            s.verify(src).unwrap();
        }
    }

    #[test]
    fn every_demonym_passes_the_filter() {
        for &(d, name) in DEMONYMS {
            assert_eq!(demonym(d), Some(name), "{d}");
        }
        for w in ["the", "swiss-", "frenchman", "", "american's"] {
            assert_eq!(demonym(w), None, "{w}");
        }
    }

    /// The co-sponsors each proposal names, by id.
    fn named_cosponsors(text: &str) -> Vec<(String, Vec<String>)> {
        proposals(&crate::parse(text).unwrap())
            .into_iter()
            .filter(|p| !p.cosponsor_names.is_empty())
            .map(|p| (p.id, p.cosponsor_names))
            .collect()
    }

    #[test]
    fn cosponsors_by_name() {
        let v = |id: &str, names: &[&str]| {
            vec![(
                id.to_string(),
                names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
            )]
        };
        // A list after "namely", back to the proposal named before.
        assert_eq!(
            named_cosponsors(
                "Canada: The proposal of Canada and Chile is ready. It is supported by 5 states that \
                 co-sponsor the proposal, namely Australia, Canada, the Czech Republic, Peru and the United Kingdom.\n"
            ),
            v("canada-chile-proposal", &["Australia", "Canada", "Czechia", "Peru", "United Kingdom"])
        );
        // After "co-sponsored by"; the drafters after "drafted by" are not.
        assert_eq!(
            named_cosponsors("Peru: The paper put forward by Canada and Chile and co-sponsored by 25 states, including Estonia, is good.\n"),
            v("canada-chile-proposal", &["Estonia"])
        );
        assert_eq!(
            named_cosponsors(
                "Italy: Recognizing the importance of gender, Italy welcomes the efforts and co-sponsored \
                 the working paper on gender drafted by Australia, Chile and Fiji.\n"
            ),
            v("australia-chile-fiji-proposal", &["Italy"])
        );
        // The speaker as the subject.
        for text in [
            "Slovakia: Slovakia co-sponsored the non-paper presented by Canada and Chile.\n",
            "Netherlands: The Kingdom of the Netherlands has joined the group of co-sponsors of the paper of Canada and Chile.\n",
            "Netherlands: We refer to the working paper of Canada and Chile that we co-sponsored.\n",
            "Netherlands: As a co-sponsor of the paper of Canada and Chile, we support it.\n",
        ] {
            let who = crate::speakers::resolve(&text[..text.find(':').unwrap()]).canonical_name().to_string();
            assert_eq!(named_cosponsors(text), v("canada-chile-proposal", &[who.as_str()]), "{text}");
        }
        // Others, not the speaker; and the Chair never.
        for text in [
            "Peru: We hope that other states will join the group of co-sponsors of the paper of Canada and Chile.\n",
            "Peru: The states that co-sponsor the paper of Canada and Chile care about inclusivity.\n",
            "Peru: The paper of Canada and Chile, this time with a list of co-sponsors.\n",
            "Chair: I co-sponsored nothing, but the paper of Canada and Chile is here.\n",
        ] {
            assert_eq!(named_cosponsors(text), [], "{text}");
        }
    }

    #[test]
    fn cosponsor_counts() {
        let s = crate::parse("Canada: Our paper is co-sponsored by 25 countries.\n").unwrap();
        assert_eq!(proposals(&s)[0].cosponsors, Some(25));
    }

    #[test]
    fn proposals_of_others_by_their_verbs() {
        assert_eq!(
            found("The Mexican delegation made suggestions that merit consideration.")[0].0,
            "mexico-proposal"
        );
        assert_eq!(
            found("Canada and Chile presented a proposal on modalities.")[0].0,
            "canada-chile-proposal"
        );
        let got = all("Peru: We value the Chair's proposals, those of France and China.\n");
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            ids,
            ["chairs-proposal", "china-proposal", "france-proposal"]
        );
        // "those of" with no proposal before names none.
        assert!(found("Our views are close to those of France.").is_empty());
        // An instrument known by its description.
        assert_eq!(
            found("We support a trust fund for capacity building.")[0].0,
            "trust-fund"
        );
        assert!(found("We support a fund.").is_empty());
        // A site in use, where statements are put, is no proposal; one
        // supported or proposed is.
        assert!(found("All statements uploaded on the e-statements portal count.").is_empty());
        assert!(found("They are available through the national policy portal.").is_empty());
        assert_eq!(
            found("We support a cyber policy portal.")[0].0,
            "cyber-policy-portal"
        );
        assert!(found("We propose to post them on a cyber policy portal.")
            .iter()
            .any(|f| f.0 == "cyber-policy-portal"));
    }

    fn ids_and_stances(text: &str) -> Vec<(String, Stance)> {
        found(text).into_iter().map(|(i, _, t)| (i, t)).collect()
    }

    #[test]
    fn proposals_named_by_their_content() {
        assert_eq!(
            ids_and_stances("We support a point of contact network."),
            [("poc-network".to_string(), Stance::Support)]
        );
        assert_eq!(
            ids_and_stances("Tabletop exercises are one idea."),
            [("tabletop-exercises".to_string(), Stance::Reference)]
        );
        // The Ad Hoc Committee is a body; its modalities are the proposal.
        assert!(found("The Ad Hoc Committee met in Vienna.").is_empty());
        assert_eq!(
            ids_and_stances("We welcome the modalities of the Ad Hoc Committee."),
            [("ad-hoc-committee-modalities".to_string(), Stance::Support)]
        );
        // A content name is not what "the proposal" points back to.
        let got = all(
            "Peru: We support the Canada proposal. We heard of tabletop exercises. \
             We welcome the proposal.\n",
        );
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            ids,
            ["canada-proposal", "tabletop-exercises", "canada-proposal"]
        );
    }

    #[test]
    fn a_described_instrument_joins_the_sponsored_one() {
        let got = all("Peru: The national survey could assist us.\n\
             Chile: We support the survey template proposed by Australia and Mexico.\n");
        assert_eq!(
            got,
            [
                (
                    "australia-mexico-template".into(),
                    "Peru".into(),
                    Stance::Support
                ),
                (
                    "australia-mexico-template".into(),
                    "Chile".into(),
                    Stance::Support
                ),
            ]
        );
        // With no sponsored template it stays itself.
        assert_eq!(
            found("We welcome national surveys.")[0].0,
            "national-survey"
        );
    }

    #[test]
    fn a_second_own_proposal_is_its_own() {
        let got = all("Peru: We propose a fund for training. \
             We would also propose a register of experts.\n");
        let ids: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["peru-proposal", "peru-proposal-register-expert"]);
        assert!(got.iter().all(|g| g.2 == Stance::Support));
        // Without a word that adds one, the same proposal said again.
        let got = all("Peru: We propose a fund for training. We propose it again.\n");
        assert!(got.iter().all(|g| g.0 == "peru-proposal"), "{got:?}");
        // "the third version" is no "Third, …".
        let got = all(
            "Peru: We propose a fund. As such, we support the third version, \
             but we suggest viewing consensus as a principle.\n",
        );
        assert!(got.iter().all(|g| g.0 == "peru-proposal"), "{got:?}");
        // The first own proposal of a statement is the plain one, whatever
        // its opening word.
        assert_eq!(
            found("Second, we propose a register.")[0].0,
            "peru-proposal"
        );
    }

    #[test]
    fn what_the_group_could_recommend() {
        assert_eq!(
            ids_and_stances("The Working Group could recommend a registry of experts."),
            [("peru-proposal".to_string(), Stance::Support)]
        );
        assert_eq!(
            found("One contribution could be to recommend a registry.")[0].0,
            "peru-proposal"
        );
        assert!(found("They recommend a registry.").is_empty());
        assert!(found("The Working Group will recommend a registry.").is_empty());
        let s = crate::parse("Chair: The Working Group could recommend a registry.\n").unwrap();
        assert!(proposals(&s).is_empty());
    }

    #[test]
    fn timelines_and_plans() {
        let src = "Chair: My timeline is to decide by January.\n\
                   Peru: We support the timing for decision making.\n";
        let got = all(src);
        assert_eq!(
            got[1],
            ("chairs-timeline".into(), "Peru".into(), Stance::Support)
        );
        // With no timeline named before, nothing to point back to.
        assert!(found("We support the timing for decision making.").is_empty());
        assert_eq!(
            found("We support the Chair's plan to finish in the weeks ahead.")[0].0,
            "chairs-timeline"
        );
        assert_eq!(
            found("We support the Chair's revised plan, shared this week.")[0].0,
            "chairs-proposal"
        );
        assert_eq!(
            found("We support the Chair's plan.")[0].0,
            "chairs-proposal"
        );
    }

    #[test]
    fn a_delegation_naming_itself_takes_a_stance_others_named_do_not() {
        let stances = |speaker: &str, text: &str| {
            let s = crate::parse(&format!("{speaker}: {text}\n")).unwrap();
            proposals(&s)
                .into_iter()
                .flat_map(|p| p.mentions.into_iter().map(|m| m.stance))
                .collect::<Vec<_>>()
        };
        let text = "The United States supports the Chair's current proposal.";
        assert_eq!(stances("United States", text), [Stance::Support]);
        assert_eq!(stances("USA", text), [Stance::Support]);
        assert_eq!(stances("Peru", text), [Stance::Reference]);
        assert_eq!(
            stances("United States", "Some states support the Chair's proposal."),
            [Stance::Reference]
        );
    }

    #[test]
    fn stances_read_from_the_sentence_around() {
        // A proposal's purpose is not a stance.
        assert_eq!(
            ids_and_stances("We heard of a trust fund to support training."),
            [("trust-fund".to_string(), Stance::Reference)]
        );
        // Bringing it about, just before it.
        assert_eq!(
            ids_and_stances("Peace requires a legally binding instrument."),
            [("legally-binding-instrument".to_string(), Stance::Support)]
        );
        assert_eq!(
            ids_and_stances("It is not required to have a legally binding instrument, they said."),
            [("legally-binding-instrument".to_string(), Stance::Reference)]
        );
        // What the proposal could do, or cannot be.
        assert_eq!(
            ids_and_stances("The Programme of Action could help us all."),
            [("programme-of-action".to_string(), Stance::Support)]
        );
        assert_eq!(
            ids_and_stances("The Programme of Action cannot be a model."),
            [("programme-of-action".to_string(), Stance::Oppose)]
        );
        assert_eq!(
            ids_and_stances("We could discuss the Programme of Action later."),
            [("programme-of-action".to_string(), Stance::Reference)]
        );
        let s = crate::parse("Chair: The Programme of Action could help.\n").unwrap();
        assert_eq!(proposals(&s)[0].mentions[0].stance, Stance::Reference);
        // A topic's legally binding aspects are no instrument.
        assert!(found(
            "We could add thematic groups on capacity building and legally binding aspects."
        )
        .is_empty());
        // What is to be non-legally binding is not to be an instrument.
        assert_eq!(
            ids_and_stances("The framework should be non-legally binding."),
            [("legally-binding-instrument".to_string(), Stance::Oppose)]
        );
        // "thinking of", not any "thinking".
        assert_eq!(
            ids_and_stances("We are thinking of tabletop exercises."),
            [("tabletop-exercises".to_string(), Stance::Support)]
        );
        assert_eq!(
            ids_and_stances("Tabletop exercises need more thinking."),
            [("tabletop-exercises".to_string(), Stance::Reference)]
        );
    }

    #[test]
    fn presented_by_names_its_authors() {
        assert_eq!(
            ids_and_stances("We welcome the groups presented by France."),
            [("france-proposal".to_string(), Stance::Support)]
        );
        assert!(found("France presented its views yesterday.").is_empty());
    }

    #[test]
    fn every_word_set_as_its_list() {
        // The filter by first bytes and length drops no word: every word
        // of pieced texts of a list's words and their pieces, as the
        // plain search of the list finds it.
        let sets = [
            &FUNCTION_SET,
            &MODIFIER_SET,
            &TRIGGER_SET,
            &AUTHORING_SET,
            &AGENT_FILLER_SET,
            &AUXILIARY_SET,
            &SUBJECT_STOP_SET,
            &CREATION_SET,
        ];
        let mut words = Vec::new();
        for set in sets {
            for w in set.words {
                assert!(set.has(w), "{w}");
            }
            let mut pieces: Vec<&str> = set.words.to_vec();
            pieces.extend(["s", "d", "-", "’", "é", "un", "x", "'", "ing", " ", "T"]);
            for t in crate::text::pieced_texts(&pieces, 2000, 4, 0x243f_6a88_85a3_08d3) {
                super::super::text::words_into(&t, &mut words);
                for &(a, b) in words.iter().chain([&(0, t.len()), &(0, 0)]) {
                    let w = &t[a..b];
                    assert_eq!(set.has(w), set.words.contains(&w), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn every_cue_is_found_by_its_hash() {
        for (w, st) in CUES {
            assert_eq!(cue_of(w), Some(st), "{w}");
        }
        assert_eq!(cue_of("supports-not"), None);
        // The filter by length and first byte drops no cue: every word of
        // pieced texts of cue words and their pieces, as the plain search
        // of the list finds it.
        let mut pieces: Vec<&str> = CUES.iter().map(|c| c.0).collect();
        pieces.extend(["s", "d", "-", "’", "é", "un", "x", "'", "ing"]);
        let mut words = Vec::new();
        for t in crate::text::pieced_texts(&pieces, 3000, 4, 0x9e37_79b9_7f4a_7c15) {
            super::super::text::words_into(&t, &mut words);
            for &(a, b) in words.iter().chain([&(0, t.len())]) {
                let w = &t[a..b];
                let plain = CUES.iter().find(|c| c.0 == w).map(|c| &c.1);
                assert_eq!(cue_of(w), plain, "{w:?}");
            }
        }
        assert_eq!(cue_of(""), None);
    }

    /// A [`Reading`] of `text` (lower-cased into `low`) by a delegation.
    fn reading<'a>(text: &'a str, low: &'a str) -> Reading<'a> {
        Reading {
            speaker: "Peru",
            chair: false,
            chairs_turn: false,
            previous: None,
            text,
            low,
            words: words(low),
            named: std::cell::OnceCell::new(),
            own_earlier: false,
            scan: std::cell::OnceCell::new(),
            spare: std::cell::Cell::new(Scan::default()),
            discussion: std::cell::OnceCell::new(),
            cosponsors: std::cell::OnceCell::new(),
            says_cosponsor: std::cell::OnceCell::new(),
        }
    }

    #[test]
    fn one_scan_reads_the_sentence_as_its_parts_did() {
        // The cues, the clause words and the matter for discussion of
        // pieced sentences, as a pass for each and the searches for the
        // heads found them; one scan's lists reused from sentence to
        // sentence.
        let mut pieces: Vec<&str> = CUES.iter().map(|c| c.0).collect();
        pieces.extend(SCAN_WORDS);
        pieces.extend(DISCUSSION_FILLERS);
        pieces.extend(DISCUSSION_WORDS);
        pieces.extend([
            "while", "whilst", "starting", "toolkit", "points", "butter", " ", " ", " ", ", ", "-",
            "s", "é", "’", "B", "Basis", "Tool", ". ",
        ]);
        // The phrases themselves, often enough to be met.
        for _ in 0..20 {
            pieces.extend([
                " basis for ",
                " tool to ",
                " starting point for the ",
                " discussion",
                " further debate",
            ]);
        }
        let mut spare = Scan::default();
        let mut heads = 0;
        for t in crate::text::pieced_texts(&pieces, 4000, 12, 0x5851_f42d_4c95_7f2d) {
            let low = t.to_ascii_lowercase();
            let x = reading(&t, &low);
            x.spare.set(std::mem::take(&mut spare));
            let scan = x.scan();
            let plain: Vec<(usize, Stance)> = x
                .words
                .iter()
                .enumerate()
                .filter_map(|(k, &(a, b))| cue_of(&low[a..b]).map(|&st| (k, st)))
                .collect();
            assert_eq!(scan.cues, plain, "{t:?}");
            let c = Clauses::of(&x.words, &low);
            let got = &scan.clauses;
            assert_eq!(
                (got.leading, &got.though, got.but),
                (c.leading, &c.though, c.but),
                "{t:?}"
            );
            let searched = ["basis", "tool", "point"]
                .iter()
                .any(|h| low.contains(h))
                .then(|| for_discussion(&x))
                .flatten();
            assert_eq!(x.discussion(), searched, "{t:?}");
            heads += usize::from(searched.is_some());
            spare = x.scan.into_inner().unwrap();
        }
        assert!(heads > 20, "{heads}");
    }

    #[test]
    fn sponsored_ids_and_names_as_joined_and_formatted() {
        // Sponsors of pieced names (hyphens, accents, spaces, dashes at
        // the ends), as the joins and formats made them.
        let pieces = [
            "Canada",
            "chile",
            " ",
            "-",
            "–",
            "é",
            "Côte d’Ivoire",
            "77",
            "(",
            ")",
            "St.",
            "",
        ];
        let names: Vec<String> =
            crate::text::pieced_texts(&pieces, 600, 5, 0x2545_f491_4f6c_dd1d).collect();
        for (n, kind) in names.chunks(3).zip(
            [
                ProposalKind::Other,
                ProposalKind::Template,
                ProposalKind::Fund,
                ProposalKind::Portal,
                ProposalKind::ChairsProposal,
            ]
            .into_iter()
            .cycle(),
        ) {
            for take in 0..=n.len() {
                let sponsors = n[..take].to_vec();
                let got = sponsored(sponsors.clone(), kind, 0, 0);
                let mut want = sponsors.clone();
                want.sort();
                want.dedup();
                let suffix = match kind {
                    ProposalKind::Template => "template",
                    ProposalKind::Fund => "fund",
                    ProposalKind::Portal => "portal",
                    _ => "proposal",
                };
                assert_eq!(
                    got.id,
                    format!("{}-{suffix}", slug(&want.join(" "))),
                    "{want:?}"
                );
                assert_eq!(got.name, format!("{} {suffix}", want.join("–")), "{want:?}");
                assert_eq!(got.sponsors, want);
            }
        }
    }

    #[test]
    fn every_initiative_may_be_named() {
        for (names, ..) in INITIATIVES {
            for n in *names {
                assert!(may_name_initiative(n), "{n}");
                assert!(may_name_initiative(&format!("of {n}, the")), "{n}");
            }
        }
        assert!(!may_name_initiative("by canada and chile, on a plan"));
    }

    #[test]
    fn matter_for_discussion_is_neutral() {
        assert_eq!(
            ids_and_stances(
                "We found the Canada proposal a valuable tool to stimulate further debate."
            ),
            [("canada-proposal".to_string(), Stance::Neutral)]
        );
        assert_eq!(
            ids_and_stances("The PoA provides a good basis for our discussions."),
            [("programme-of-action".to_string(), Stance::Neutral)]
        );
        // A basis for negotiations, or a basis alone, is a side taken.
        assert_eq!(
            ids_and_stances("The PoA provides a good basis for negotiations."),
            [("programme-of-action".to_string(), Stance::Support)]
        );
        assert_eq!(
            ids_and_stances("The PoA is a good basis."),
            [("programme-of-action".to_string(), Stance::Support)]
        );
        // A sponsor's own proposal stays supported.
        let s = crate::parse("Canada: Our proposal is a basis for discussion.\n").unwrap();
        assert_eq!(proposals(&s)[0].mentions[0].stance, Stance::Support);
    }
}

//! Alignments: "Senegal aligns itself with the statement by Nigeria on
//! behalf of the African group" becomes (Senegal → Nigeria, on behalf of
//! the African Group). Also read: subscribing to, joining in or endorsing
//! someone's statement, and the states a speaker names as aligning with
//! its own ("… align themselves with this statement"). Agreements are
//! kept beside them, of their own [`AlignmentKind`]: "we agree with the
//! speaker from the United Kingdom", "we share the view expressed by
//! South Africa".

use super::text::{lower, sentences_at, whole_word_at, words, Excerpt};
use crate::model::{Role, Session, Statement};
use crate::speakers::{could_end_name, names_in, NameAt};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;

/// How a delegation sides with another: by aligning itself with its
/// statement, or by agreeing with a view of it.
///
/// ```
/// use oewg_core::analysis::AlignmentKind;
/// assert_eq!(serde_json::to_string(&AlignmentKind::Agrees).unwrap(), "\"agrees\"");
/// assert_eq!(AlignmentKind::default(), AlignmentKind::Aligns);
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AlignmentKind {
    /// Aligns or associates itself with, subscribes to, joins in or
    /// endorses someone's statement: the whole of it, as said. JSON
    /// written before the kind existed reads as this.
    #[default]
    Aligns,
    /// Agrees or concurs with someone, shares the view they expressed
    /// ("we agree with the speaker from the Russian Federation on one
    /// thing"), or joins them ("we join the United States in …"): a point
    /// of agreement, not the whole statement.
    Agrees,
}

impl AlignmentKind {
    /// The name used in JSON.
    ///
    /// ```
    /// assert_eq!(oewg_core::analysis::AlignmentKind::Aligns.as_str(), "aligns");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AlignmentKind::Aligns => "aligns",
            AlignmentKind::Agrees => "agrees",
        }
    }
}

/// One delegation aligning itself with another's statement, or agreeing
/// with its view ([`kind`](Alignment::kind) tells which).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Alignment {
    /// Index of the statement that says it.
    pub statement: usize,
    /// Who aligns, by canonical name (the label when it was not
    /// recognised): the statement's speaker, or a state it names as
    /// aligning with its statement ("The candidate countries North
    /// Macedonia, … align themselves with this statement": North
    /// Macedonia aligns with the speaker). In a chunk the floor audit
    /// finds to be someone else's words, that someone.
    pub speaker: String,
    /// Whose statement or position they align with, by canonical name.
    pub aligned_with: String,
    /// The group the aligned-with speaker spoke for, when the sentence
    /// says so ("… by Nigeria on behalf of the African Group").
    pub on_behalf_of: Option<String>,
    /// The sentence.
    pub excerpt: Excerpt,
    /// What `aligned_with` is: the registry's role for a name it knows
    /// (`delegation`, `observer`, `group`, `organization`); for a target
    /// it does not know, `group` when the words name one ("the Friends
    /// of the Chair", "the Group of Friends on …"), `chair` for the Chair,
    /// `unknown` for a person ("Ambassador Lindqvist") or anything else.
    /// JSON written before the field existed reads as `unknown`.
    #[serde(default = "unknown_role")]
    pub aligned_with_role: Role,
    /// True when `aligned_with` is a registry name; false when it is the
    /// target's words as the sentence gives them, kept rather than dropped
    /// or matched to a state they merely contain ("the Friends of Chile"
    /// is not Chile). JSON written before the field existed reads as true.
    #[serde(default = "yes")]
    pub resolved: bool,
    /// An alignment with the statement, or an agreement with a view.
    #[serde(default)]
    pub kind: AlignmentKind,
}

fn unknown_role() -> Role {
    Role::Unknown
}

fn yes() -> bool {
    true
}

/// Forms of the verb that make an alignment.
const VERBS: &[&str] = &[
    "align",
    "aligns",
    "aligned",
    "aligning",
    "associate",
    "associates",
    "associating",
    "identify",
    "identifies",
];

/// The forms of "identify" in [`VERBS`]: [`is_word_verb`] keeps only
/// these whole words ("identified", "identification" are common), and
/// they take a statement ([`STATEMENT_NOUNS`]) after "with".
const IDENTIFY_VERBS: &[&str] = &["identify", "identifies"];

/// Verbs that make an alignment when what they take is someone's
/// statement: "we subscribe to the statement by the EU", "my delegation
/// joins in the statements made by Egypt", "I endorse Tonga's remarks",
/// "we support the statement made by Mexico". "We endorse the proposal by
/// Canada" is a stance on a proposal, not an alignment; "we join Egypt in
/// …", a delegation joined with no statement named, an agreement.
const STATEMENT_VERBS: &[&str] = &[
    "subscribe",
    "subscribes",
    "join",
    "joins",
    "endorse",
    "endorses",
    "support",
    "supports",
];

/// Verbs that make an agreement ([`AlignmentKind::Agrees`]) when what
/// they take names someone: "we agree with the speaker from the United
/// Kingdom", "we concur with Egypt", "we share the view expressed by South
/// Africa". What "share" takes must be one of [`SHARE_NOUNS`] ("we share
/// our views on …" is no agreement).
const AGREEMENT_VERBS: &[&str] = &["agree", "agrees", "concur", "concurs", "share", "shares"];

/// What "share" takes in an agreement: "the view expressed by …", "the
/// concerns of …", "Egypt's position". Not "points": "we will share the
/// points of contact list with Kenya" passes something on.
const SHARE_NOUNS: &[&str] = &[
    "view",
    "views",
    "concern",
    "concerns",
    "position",
    "positions",
    "assessment",
    "sentiment",
    "sentiments",
    "perspective",
    "perspectives",
    "opinion",
    "opinions",
    "understanding",
];

/// Words that make what an agreement verb takes a proposal's, on which
/// the speaker takes a [stance](super::proposals::Stance), not someone's
/// view: "we agree with the Chair's proposal".
const PROPOSAL_WORDS: &[&str] = &[
    "proposal",
    "proposals",
    "paper",
    "papers",
    "non-paper",
    "draft",
    "idea",
    "ideas",
    "initiative",
    "suggestion",
    "suggestions",
    "approach",
    "concept",
    "text",
    "language",
    "wording",
    "proposed",
    "amendment",
    "amendments",
    "recommendation",
    "recommendations",
    "roadmap",
    "modalities",
    "elements",
    "programme",
    "plan",
    "framework",
    "option",
    "options",
];

/// Where the target of an agreement stops, besides [`TARGET_ENDS`]: what
/// follows says what the speaker agrees on ("… from the Russian Federation
/// on one thing", "… United Kingdom, who noted that …"), and may name
/// others.
const AGREEMENT_TARGET_ENDS: &[&str] = &[
    " that ",
    " who ",
    " whose ",
    " when ",
    " where ",
    " on ",
    " about ",
    " because ",
    " to ",
    " for ",
    " over ",
    " against ",
    " and thank",
    " and we ",
    " and i ",
    " and also ",
    ", and ",
    ", we ",
    ", i ",
    ", in ",
    ", as ",
    ", chair",
    ", mr",
    ", madam",
];

/// Words that make a sentence's agreement verb no agreement said: a
/// condition or a question ("If we agree with Iran's premise, …", "Can we
/// agree with …?"), among the three words before the verb.
const NOT_SAID: &[&str] = &[
    "if", "whether", "unless", "can", "could", "should", "how", "why",
];

/// Verbs that make an agreement after "as" with who said it: "as
/// Egypt said", "as my colleague from South Africa also mentioned", "as
/// was noted by Thailand", "as stated by the delegation of Mexico"; or
/// after "what" when the speaker follows or echoes it ("following what
/// has been stated by Egypt", "in line with what was said by Mexico").
/// Saying another's words over is a point of agreement with them.
/// "pointed" only with "out".
const ECHO_VERBS: &[&str] = &[
    "said",
    "noted",
    "stated",
    "mentioned",
    "highlighted",
    "indicated",
    "expressed",
    "illustrated",
    "articulated",
    "underlined",
    "stressed",
    "emphasized",
    "emphasised",
    "explained",
    "anticipated",
    "outlined",
    "pointed",
];

/// How many bytes before an [`ECHO_VERBS`] verb its "as" or "what" may
/// start: "as our colleagues from the Islamic Republic of Iran have
/// eloquently noted" is 72. [`find_with`] reads no sentence whose echo
/// verbs have none so near.
const ECHO_REACH: usize = 100;

/// Words that may stand between who said it and an [`ECHO_VERBS`] verb,
/// or between "as" and the verb of the passive: "as Egypt has rightly
/// noted", "as it was already stated by".
const ECHO_BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "did",
    "just",
    "also",
    "already",
    "rightly",
    "correctly",
    "eloquently",
    "clearly",
    "aptly",
    "very",
    "well",
    "so",
    "earlier",
    "previously",
    "before",
    "yesterday",
    "today",
    "was",
    "were",
    "been",
    "is",
    "it",
];

/// Every form of [`VERBS`], [`STATEMENT_VERBS`], [`AGREEMENT_VERBS`] and
/// [`ECHO_VERBS`]: the words the topics' walk finds for [`find_with`].
pub(super) fn verb_forms() -> impl Iterator<Item = &'static str> {
    VERBS
        .iter()
        .chain(STATEMENT_VERBS)
        .chain(AGREEMENT_VERBS)
        .chain(ECHO_VERBS)
        .copied()
}

/// What one of [`STATEMENT_VERBS`] must take for an alignment: the nouns
/// that open [`STATEMENT_WORDS`] ("said", "made" and the rest after them
/// would let "we join the consensus made …" through).
const STATEMENT_NOUNS: &[&str] = STATEMENT_WORDS.split_at(8).0;

/// Words that may stand between the verb and "with".
const BETWEEN: &[&str] = &[
    "itself",
    "ourselves",
    "myself",
    "themselves",
    "herself",
    "himself",
    "fully",
    "also",
    "entirely",
    "completely",
    "closely",
    "firmly",
    "in",
    "particular",
    "further",
];

/// Words that may stand between the subject and the verb.
const AUXILIARIES: &[&str] = &[
    "fully",
    "also",
    "entirely",
    "completely",
    "further",
    "firmly",
    "hereby",
    "therefore",
    "would",
    "like",
    "to",
    "wish",
    "wishes",
    "wants",
    "want",
    "shall",
    "will",
    "equally",
    "strongly",
    "largely",
    "broadly",
    "generally",
    "is",
    "are",
    "itself",
    "ourselves",
    "we",
    "first",
    "thus",
    "do",
    "does",
    "very",
    "much",
    "indeed",
    "certainly",
    "wholeheartedly",
];

/// Words that make the sentence a refusal, not an alignment.
const NEGATIONS: &[&str] = &[
    "not",
    "cannot",
    "can't",
    "can’t",
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "never",
    "nor",
    "neither",
    "unable",
];

/// Subjects that speak for the delegation.
const SUBJECTS: &[&str] = &[
    "we",
    "i",
    "delegation",
    "country",
    "government",
    "union",
    "group",
    "all",
];

/// Where the target of an alignment stops: what follows is the speaker's
/// own business ("… and would like to add the following").
const TARGET_ENDS: &[&str] = &[
    " and would",
    " and wish",
    " and add",
    " and i would",
    " and we would",
    " and like",
    " and to ",
    " and let",
    " but ",
    ";",
    " in our national",
    " in its national",
    " in my national",
    " in a national",
    " which ",
    " regarding ",
    " as regards ",
    " on establishing",
];

/// [`TARGET_ENDS`] by their bytes: bit `i` of `[k][c]` is set when byte
/// `k` of phrase `i` is `c` (or, for `k` = 1, when phrase `i` has one
/// byte only).
const TARGET_END_BYTES: [[u32; 256]; 2] = {
    assert!(TARGET_ENDS.len() <= 32);
    let mut t = [[0u32; 256]; 2];
    let mut i = 0;
    while i < TARGET_ENDS.len() {
        let e = TARGET_ENDS[i].as_bytes();
        t[0][e[0] as usize] |= 1 << i;
        if e.len() > 1 {
            t[1][e[1] as usize] |= 1 << i;
        } else {
            let mut c = 0;
            while c < 256 {
                t[1][c] |= 1 << i;
                c += 1;
            }
        }
        i += 1;
    }
    t
};

/// Where the first of [`TARGET_ENDS`] starts in `low`: the least of the
/// phrases' `find`s, as the leftmost match of a searcher of all of them.
/// Only the phrases whose first two bytes are there are compared at each
/// byte (most bytes start none): a general searcher cost more to start on
/// each short target than this whole pass.
fn first_target_end(low: &str) -> Option<usize> {
    let b = low.as_bytes();
    (0..b.len()).find(|&p| {
        let mut may = TARGET_END_BYTES[0][usize::from(b[p])];
        if may == 0 {
            return false;
        }
        // Past the end: only the one-byte phrases can be whole here.
        may &= TARGET_END_BYTES[1][usize::from(b.get(p + 1).copied().unwrap_or(0))];
        while may != 0 {
            let i = may.trailing_zeros() as usize;
            if b[p..].starts_with(TARGET_ENDS[i].as_bytes()) {
                return true;
            }
            may &= may - 1;
        }
        false
    })
}

/// Every alignment in the session, in order of statements.
///
/// ```
/// let s = oewg_core::parse(
///     "Chair: Senegal, please.\n\
///      Senegal: Senegal aligns itself with the statement by Nigeria on behalf of the African group. We do not align with anyone else.\n").unwrap();
/// let a = oewg_core::analysis::alignments(&s);
/// assert_eq!(a.len(), 1);
/// assert_eq!((a[0].speaker.as_str(), a[0].aligned_with.as_str()), ("Senegal", "Nigeria"));
/// assert_eq!(a[0].on_behalf_of.as_deref(), Some("African Group"));
/// ```
pub fn alignments(session: &Session) -> Vec<Alignment> {
    let chunks = super::audit::floor_audit(session).chunks(session);
    let mut out = find(session, &chunks);
    credit_chunks(session, &mut out, &chunks);
    out
}

/// An alignment said inside a chunk the floor audit finds to be someone
/// else's words is that someone's (an alignment with them is dropped).
/// The states a speaker names as aligning with it are left as they are.
pub(crate) fn credit_chunks(
    session: &Session,
    out: &mut Vec<Alignment>,
    chunks: &[super::audit::Chunk],
) {
    if chunks.is_empty() {
        return;
    }
    out.retain_mut(|a| {
        let said_by_speaker = session
            .statements
            .get(a.statement)
            .is_some_and(|st| st.speaker.canonical_name() == a.speaker);
        match super::audit::chunk_speaker(chunks, a.statement, a.excerpt.start) {
            Some(who) if said_by_speaker => {
                who.clone_into(&mut a.speaker);
                a.aligned_with != a.speaker
            }
            _ => true,
        }
    });
}

/// Where the statement's alignments are read from: none of the Chair's
/// turn but the `chunks` in it (the Chair aligns with no one; the next
/// speaker's words left in its turn may), all of anyone else's.
fn read_from(st: &Statement, chunks: &[super::audit::Chunk]) -> Option<usize> {
    if st.speaker.role == Role::Chair {
        super::audit::chunks_of(chunks, st.index)
            .first()
            .map(|c| c.from)
    } else {
        Some(0)
    }
}

/// [`alignments`] as the statements' labels give them, before
/// [`credit_chunks`]; of the Chair's turns, only the `chunks` in them.
pub(crate) fn find(session: &Session, chunks: &[super::audit::Chunk]) -> Vec<Alignment> {
    super::text::forget_paragraphs();
    let mut out = Vec::new();
    // One list of hits for every statement: grown once, not per statement.
    let mut hits = Vec::new();
    for st in &session.statements {
        let Some(from) = read_from(st, chunks) else {
            continue;
        };
        hits.clear();
        hits.extend(stem_hits(st.text.as_bytes(), from, st.text.len()));
        hits.sort_unstable();
        let first = out.len();
        for (a, b) in sentences_at(&st.text, hits.iter().copied()) {
            statement_alignments(st, a, b, &mut out);
        }
        once_a_statement(&mut out, first);
    }
    out
}

/// Keeps the first of the alignments of kind `aligns` from
/// `out[first..]` (one statement's) that repeat a speaker and whom they
/// align with: "I would endorse Tonga's remarks on behalf of the Pacific
/// Islands Forum. … We also support Tonga's remarks that …" is one
/// alignment, the first, with the group a later one names if it names
/// none. Agreements are kept each: each says on what (the report check
/// reads their sentences).
fn once_a_statement(out: &mut Vec<Alignment>, first: usize) {
    if out.len() - first < 2 {
        return;
    }
    let mut seen: std::collections::HashMap<(String, String), usize, crate::speakers::FastHash> =
        std::collections::HashMap::default();
    let tail = out.split_off(first);
    for a in tail {
        if a.kind == AlignmentKind::Aligns {
            let key = (a.speaker.clone(), a.aligned_with.clone());
            if let Some(&i) = seen.get(&key) {
                let kept = &mut out[i];
                if kept.on_behalf_of.is_none() {
                    kept.on_behalf_of = a.on_behalf_of;
                }
                continue;
            }
            seen.insert(key, out.len());
        }
        out.push(a);
    }
}

/// [`find`], from the words that may be verbs (`(i, start)` for the
/// statement `session.statements[i]`, in order), as the topics' walk
/// found them ([`walk_with_verbs`](super::topics::walk_with_verbs)): only
/// their sentences are searched for the stems [`find`] looks for in the
/// whole text. A sentence gives an alignment only if one of its words is
/// a verb, so the sentences [`find`] reads that hold no such word give
/// none, and those that hold one are read here the same: the same list.
pub(crate) fn find_with(
    session: &Session,
    chunks: &[super::audit::Chunk],
    verbs: &[(usize, usize)],
) -> Vec<Alignment> {
    super::text::forget_paragraphs();
    let mut out = Vec::new();
    let mut rest = verbs;
    for (i, st) in session.statements.iter().enumerate() {
        let mine;
        (mine, rest) = rest.split_at(rest.iter().take_while(|v| v.0 == i).count());
        let from = match read_from(st, chunks) {
            Some(from) if !mine.is_empty() => from,
            _ => continue,
        };
        debug_assert!(
            mine.windows(2).all(|w| w[0].1 < w[1].1),
            "the walk gives a statement's verbs in the order of its text"
        );
        let first = out.len();
        // A "support" with no statement's noun soon after is no verb
        // [`stem_hits`] keeps: its sentence is not even found.
        let bytes = st.text.as_bytes();
        let verbs = mine.iter().map(|v| v.1).filter(|&v| {
            !matches!(bytes[v], b's' | b'S')
                || !bytes[v + 1..].starts_with(b"upport")
                || statement_noun_soon(bytes, v + "support".len())
        });
        for (a, b) in sentences_at(&st.text, verbs) {
            let lo = a.max(from);
            // The walk gives the verbs in the order of the text: those of
            // a sentence are found by halving, not by reading them all
            // (a statement of 50,000 sentences was quadratic).
            let within = |lo: usize| {
                let start = mine.partition_point(|v| v.1 < lo);
                let end = start + mine[start..].partition_point(|v| v.1 < b);
                mine[start..end].iter().map(|v| v.1)
            };
            // The walk finds every verb of the sentence: when all are
            // echo verbs and no "as" or "what" starts within
            // [`ECHO_REACH`] before any, the sentence gives nothing
            // ([`echoed`] asks for one), and is not even lowered. Most
            // sentences with "said" or "noted" are so.
            if within(a).all(|v| is_echo_verb(bytes, v, false))
                && !within(a).any(|v| opener_before(bytes, a.max(v.saturating_sub(ECHO_REACH)), v))
            {
                continue;
            }
            // An echo verb written as [`stem_hits`] finds it is a hit:
            // the stems need not be searched for.
            if within(lo).any(|v| is_echo_verb(bytes, v, true))
                || stem_hits(bytes, lo, b).next().is_some()
            {
                statement_alignments(st, a, b, &mut out);
            }
        }
        once_a_statement(&mut out, first);
    }
    out
}

/// Whether the word at byte `at` of `text` is one of [`ECHO_VERBS`]: in
/// any case, or (`exact`) in the lower case [`stem_hits`] searches for.
fn is_echo_verb(text: &[u8], at: usize, exact: bool) -> bool {
    let rest = &text[at..];
    ECHO_VERBS.iter().any(|e| {
        rest.len() >= e.len()
            && if exact {
                rest.starts_with(e.as_bytes())
            } else {
                rest[..e.len()].eq_ignore_ascii_case(e.as_bytes())
            }
    }) && is_word_verb(text, at)
}

/// Whether "as" or "what" stands as a word (ASCII case aside) in
/// `text[from..to]`: where an echo verb at `to` may have its opener. A
/// word edge is any byte but an ASCII letter or digit, so a word
/// [`words`] would read otherwise ("as-is") counts: never too few.
fn opener_before(text: &[u8], from: usize, to: usize) -> bool {
    let t = &text[from..to];
    let edge = |i: usize| t.get(i).is_none_or(|c| !c.is_ascii_alphanumeric());
    let word_at = |first: (u8, u8), word: &[u8]| {
        memchr::memchr2_iter(first.0, first.1, t).any(|i| {
            (i == 0 || edge(i - 1))
                && t.len() >= i + word.len()
                && t[i..i + word.len()].eq_ignore_ascii_case(word)
                && edge(i + word.len())
        })
    };
    word_at((b'a', b'A'), b"as") || word_at((b'w', b'W'), b"what")
}

/// Where "lign" (align), "ssociat" (associate), "ubscrib" (subscribe),
/// "join", "ndors" (endorse), "gree" (agree), "oncur" (concur), "hare"
/// (share), "dentif" (identify) and "upport" (support) start in
/// `text[from..to]` (each stem whole in `text`), by stem: the fast search
/// before the sentence-level work. One vectorised pass a stem: one
/// aho-corasick search for the first two (their matches cannot overlap,
/// so its leftmost-first matches are the same list) read far more
/// instructions (alignments 6.0 -> 28.0 M on 20 seed copies, callgrind).
/// The others are kept only where their word is one of
/// [`STATEMENT_VERBS`], [`AGREEMENT_VERBS`] or "identify(ies)": "joint",
/// "joined", "endorsement", "agreement", "shared", "identified" and
/// "supported" are common, and each sentence let through is lowered and
/// split (kept all, the first three doubled the alignments'
/// instructions on the seeds).
fn stem_hits(text: &[u8], from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    use memchr::memmem::Finder;
    use std::sync::OnceLock;
    // Built once: a searcher made for each of the many short statements
    // cost more than the search.
    static FINDERS: OnceLock<[Finder<'static>; 10]> = OnceLock::new();
    let finders = FINDERS.get_or_init(|| {
        [
            b"lign".as_slice(),
            b"ssociat",
            b"ubscrib",
            b"join",
            b"ndors",
            b"gree",
            b"oncur",
            b"hare",
            b"dentif",
            b"upport",
        ]
        .map(Finder::new)
    });
    // The echo verbs, whole: each kept where its word is one ("noted",
    // not "annotated").
    static ECHO: OnceLock<Vec<Finder<'static>>> = OnceLock::new();
    let echo = ECHO.get_or_init(|| {
        ECHO_VERBS
            .iter()
            .map(|v| Finder::new(v.as_bytes()))
            .collect()
    });
    // A stem that starts before `to` may end past it.
    let longest = finders.iter().map(|f| f.needle().len()).max().unwrap_or(1);
    let window = text
        .get(from..text.len().min(to + longest - 1))
        .unwrap_or_default();
    let found = move |f: &'static Finder<'static>| {
        f.find_iter(window)
            .map(move |p| from + p)
            .take_while(move |&p| p < to)
    };
    // The bytes of the verb before each stem ("s" of "subscribe").
    // "support" is common: only where a statement's noun follows soon
    // ("we support the statement made by", "support Tonga's remarks") is
    // its sentence read (all of them cost the analyses 17 % more
    // instructions on the seeds).
    let statement_verbs =
        finders[2..]
            .iter()
            .zip([1, 0, 1, 1, 1, 1, 1, 1])
            .flat_map(move |(f, before)| {
                let support = f.needle() == b"upport";
                found(f).filter(move |&p| {
                    p >= before
                        && is_word_verb(text, p - before)
                        && (!support || statement_noun_soon(text, p + "upport".len()))
                })
            });
    let echo_verbs = echo
        .iter()
        .flat_map(move |f| found(f).filter(move |&p| is_word_verb(text, p)));
    finders[..2]
        .iter()
        .flat_map(found)
        .chain(statement_verbs)
        .chain(echo_verbs)
}

/// Whether a word in the 48 bytes after `at` (whole in them) starts
/// with one of [`STATEMENT_NOUNS`], ASCII case aside: what "support"
/// (whose "support" ends at `at`) must take soon for an alignment. The
/// walk's verbs, [`stem_hits`] and [`statement_alignments`] all ask it
/// from there, so [`find`] and [`find_with`] read the same.
fn statement_noun_soon(text: &[u8], at: usize) -> bool {
    let window = text.get(at..text.len().min(at + 48)).unwrap_or_default();
    // By its words: a noun may start only where a run of letters does.
    window
        .split(|c| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 5)
        .any(|w| {
            STATEMENT_NOUNS
                .iter()
                .any(|n| w.len() >= n.len() && w[..n.len()].eq_ignore_ascii_case(n.as_bytes()))
        })
}

/// Whether the word that starts at byte `at` of `text` is one of
/// [`STATEMENT_VERBS`], [`AGREEMENT_VERBS`], [`IDENTIFY_VERBS`] or [`ECHO_VERBS`], ASCII
/// case aside, with the word edges [`may_hold_verb`] uses.
fn is_word_verb(text: &[u8], at: usize) -> bool {
    let inside = |c: u8| c.is_ascii_alphanumeric() || c == b'\'' || c == b'-';
    if at > 0 && inside(text[at - 1]) {
        return false;
    }
    let len = text[at..].iter().take_while(|&&c| inside(c)).count();
    let word = &text[at..at + len];
    STATEMENT_VERBS
        .iter()
        .chain(AGREEMENT_VERBS)
        .chain(IDENTIFY_VERBS)
        .chain(ECHO_VERBS)
        .any(|v| word.eq_ignore_ascii_case(v.as_bytes()))
}

/// False when no word of `low` (a sentence's [`lower`] copy) can be one
/// of [`verb_forms`] that makes an alignment: none of their stems starts
/// a word and ends it with one of the verbs' endings ([`ECHO_VERBS`]
/// make one only after "as" or "what", which stand for them). A byte of a multi-byte character next to
/// one counts as a word's edge, so no sentence with a verb is turned
/// away; most sentences the verb search finds ("alignment", "non-aligned")
/// are, before their words are listed.
fn may_hold_verb(low: &str) -> bool {
    let b = low.as_bytes();
    let inside = |c: u8| c.is_ascii_alphanumeric() || c == b'\'' || c == b'-';
    let forms: [(&[u8], &[&[u8]]); 12] = [
        (b"align", &[b"", b"s", b"ed", b"ing"]),
        (b"associat", &[b"e", b"es", b"ing"]),
        (b"identif", &[b"y", b"ies"]),
        (b"subscribe", &[b"", b"s"]),
        (b"join", &[b"", b"s"]),
        (b"endorse", &[b"", b"s"]),
        (b"support", &[b"", b"s"]),
        (b"agree", &[b"", b"s"]),
        (b"concur", &[b"", b"s"]),
        (b"share", &[b"", b"s"]),
        // The echo verbs are read whole: "as" before one is asked for.
        (b"as", &[b""]),
        (b"what", &[b""]),
    ];
    // The searchers are built once: building one for each sentence cost
    // more than its search.
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 12]> =
        std::sync::OnceLock::new();
    let finders = FINDERS.get_or_init(|| forms.map(|(stem, _)| memchr::memmem::Finder::new(stem)));
    forms.iter().zip(finders).any(|(&(stem, endings), finder)| {
        finder.find_iter(b).any(|p| {
            let rest = &b[p + stem.len()..];
            !(p > 0 && inside(b[p - 1]))
                && endings
                    .iter()
                    .any(|e| rest.starts_with(e) && !rest.get(e.len()).is_some_and(|&c| inside(c)))
        })
    })
}

fn statement_alignments(st: &Statement, a: usize, b: usize, out: &mut Vec<Alignment>) {
    let sentence = &st.text[a..b];
    let low = lower(sentence);
    if !may_hold_verb(&low) {
        return;
    }
    let ws = words(&low);
    // Copied only into what is found.
    let speaker: &str = st.speaker.canonical_name();
    // Each target: name, group spoken for, role, resolved, kind.
    let mut found: Vec<(String, Option<String>, Role, bool, AlignmentKind)> = Vec::new();
    // A name ending at `e`, the end of the word before a verb: only
    // where the quick test allows one ("We therefore align" has none), and
    // looked for in the words before `e` alone. A name found in the whole
    // sentence could differ only by running on into the verb ("Non
    // Aligned Movement"), and the word before the verb in those ends no
    // registry name (a test checks): so a name ends at `e` in the words
    // before it exactly when one does in the whole sentence.
    let name_ends_at = |e: usize| {
        could_end_name(&sentence[..e]) && names_in(&sentence[..e]).iter().any(|m| m.end == e)
    };
    // States a speaker names as aligning with its own statement ("The
    // candidate countries … align themselves with this statement").
    let mut joined: Vec<&'static str> = Vec::new();
    for (k, &(vs, ve)) in ws.iter().enumerate() {
        // Every verb starts with one of these bytes: most words are told
        // from them by their first.
        if !matches!(
            low.as_bytes()[vs],
            b'a' | b's' | b'j' | b'e' | b'c' | b'i' | b'n' | b'm' | b'h' | b'u' | b'o' | b'p'
        ) {
            continue;
        }
        let verb = &low[vs..ve];
        if ECHO_VERBS.contains(&verb) {
            let Some((ts, te)) = echoed(sentence, &low, &ws, k) else {
                continue;
            };
            // "as stated by Nigeria on behalf of the African Group", or
            // "as Tonga noted on behalf of the Pacific Islands Forum": the
            // group is the one spoken for, not one agreed with.
            let mut named = names_in(&sentence[ts..te]);
            let mut behalf = None;
            if te <= ws[k].0 {
                // After "out" of "as Tonga pointed out on behalf of …".
                let end = if verb == "pointed" {
                    ws.get(k + 1).map_or(ws[k].1, |w| w.1)
                } else {
                    ws[k].1
                };
                let rest = &low[end..];
                let lead = rest.len() - rest.trim_start().len();
                if rest.trim_start().starts_with("on behalf of ") {
                    let from = end + lead + "on behalf of ".len();
                    let to = floor_boundary(sentence, from + 80);
                    behalf = names_in(&sentence[from..to])
                        .into_iter()
                        .next()
                        .filter(|m| {
                            m.role == Role::Group
                                && matches!(low[from..from + m.start].trim(), "" | "the")
                        })
                        .map(|m| m.name.to_string());
                }
            }
            let pushed = found.len();
            for m in named.drain(..) {
                if behalf_before(&low[ts..te], &m) {
                    if let Some(last) = found[pushed..].last_mut() {
                        last.1.get_or_insert_with(|| m.name.to_string());
                    }
                    continue;
                }
                if matches!(m.role, Role::Delegation | Role::Group | Role::Observer)
                    && m.name != speaker
                    && !found.iter().any(|f| f.0 == m.name)
                {
                    found.push((
                        m.name.to_string(),
                        None,
                        m.role,
                        true,
                        AlignmentKind::Agrees,
                    ));
                }
            }
            if let (Some(group), [one]) = (behalf, &mut found[pushed..]) {
                one.1.get_or_insert(group);
            }
            continue;
        }
        let statement_verb = STATEMENT_VERBS.contains(&verb);
        let agreement = AGREEMENT_VERBS.contains(&verb);
        if !(statement_verb || agreement || VERBS.contains(&verb))
            || !whole_word_at(&low, vs, ve - vs)
        {
            continue;
        }
        // "support" and "identify" are common in other senses: "support"
        // only with a statement's noun soon after (the walk's and the
        // stems' rule, so both ways of finding sentences agree), and,
        // like an agreement, said by the speaker of its own accord.
        let support = verb.starts_with("support");
        let identify = IDENTIFY_VERBS.contains(&verb);
        if support && !statement_noun_soon(st.text.as_bytes(), a + vs + "support".len()) {
            continue;
        }
        let own_view = agreement || support;
        let kind = if agreement {
            AlignmentKind::Agrees
        } else {
            AlignmentKind::Aligns
        };
        let gerund = verb.ends_with("ing");
        // An agreement is the speaker's own: "We note that China agrees
        // with Russia" is China's, which the speaker only reports.
        let subject_ends_at = |e: usize| {
            if !own_view {
                return name_ends_at(e);
            }
            could_end_name(&sentence[..e])
                && names_in(&sentence[..e])
                    .iter()
                    .any(|m| m.end == e && m.name == speaker)
        };
        if !gerund && !has_subject(subject_ends_at, &low, &ws[..k]) {
            continue;
        }
        if negated(&low, &ws[..k]) {
            continue;
        }
        // A question, or a condition ("if we agree with …"), is no view
        // of the speaker's.
        let not_stated = || {
            low.trim_end().ends_with('?')
                || ws[..k]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|&(s, e)| NOT_SAID.contains(&&low[s..e]))
        };
        if own_view && not_stated() {
            continue;
        }
        let (target_start, target_end) = if let Some(range) = relative_target(&low, &ws[..k]) {
            // "the statement made by the EU, to which we fully subscribe".
            range
        } else if agreement {
            match agreement_target(sentence, &low, verb, &ws[k + 1..]) {
                Some(range) => range,
                None => continue,
            }
        } else {
            // "with" (or, in a slip of the tongue, "as") after reflexives
            // and adverbs only: "align our scheduling with" aligns no
            // delegation. "subscribe to", "join in", or what "join" and
            // "endorse" take directly.
            let mut j = k + 1;
            while j < ws.len() && j <= k + 4 && BETWEEN.contains(&&low[ws[j].0..ws[j].1]) {
                j += 1;
            }
            let start = match ws.get(j).map(|&(ts, te)| (&low[ts..te], ts, te)) {
                Some(("with", _, te)) if !statement_verb => te,
                Some(("as", _, te)) if !statement_verb && !identify => te,
                Some(("to", _, te)) if verb.starts_with("subscribe") => te,
                Some(("in", _, te)) if verb.starts_with("join") => te,
                Some((_, ts, _))
                    if verb.starts_with("join")
                        || verb.starts_with("endorse")
                        || verb.starts_with("support") =>
                {
                    ts
                }
                _ => continue,
            };
            (start, target_end(&low, start))
        };
        let mut target = &sentence[target_start..target_end];
        let mut target_low = &low[target_start..target_end];
        let (mut kind, mut own_view) = (kind, own_view);
        // "We identify with the statement of …"; not "we will identify
        // with Egypt the next steps".
        if (statement_verb || identify)
            && !words(target_low)
                .iter()
                .any(|&(a, b)| STATEMENT_NOUNS.contains(&&target_low[a..b]))
        {
            // "We wish to join the U.S. as they have presented grave
            // concerns", "we join Egypt in …": a delegation taken
            // directly, whose view the speaker shares in its own words.
            let Some(end) = joined_name(verb, sentence, &low, target_start) else {
                continue;
            };
            // "We join Kenya's proposal": the proposal is joined. "We join
            // Peru (and Chile) in supporting the Programme of Action": a
            // side taken on a proposal, as "we agree with Peru's proposal"
            // is ("… as they have presented concerns over the
            // suggestions" says why, not what is joined). "We join Egypt
            // in thanking the Chair": a courtesy.
            // (The stop of "the U.S." ends the name, not the sentence.)
            let rest = low[end..].trim_start_matches('.').trim_start();
            let why = ["as ", "because ", "since "]
                .iter()
                .any(|w| rest.starts_with(w));
            let tw = words(target_low);
            if low[end..].starts_with(['\'', '\u{2019}'])
                || !why
                    && tw
                        .iter()
                        .any(|&(a, b)| PROPOSAL_WORDS.contains(&&target_low[a..b]))
                || tw.iter().any(|&(a, b)| {
                    matches!(
                        &target_low[a..b],
                        "thanking" | "congratulating" | "commending"
                    )
                })
            {
                continue;
            }
            if not_stated()
                || !has_subject(
                    |e| {
                        could_end_name(&sentence[..e])
                            && names_in(&sentence[..e])
                                .iter()
                                .any(|m| m.end == e && m.name == speaker)
                    },
                    &low,
                    &ws[..k],
                )
            {
                continue;
            }
            target = &sentence[target_start..end];
            target_low = &low[target_start..end];
            (kind, own_view) = (AlignmentKind::Agrees, true);
        }
        if own_view {
            let tw = words(target_low);
            if tw.first().is_some_and(|&(a, b)| {
                matches!(&target_low[a..b], "neither" | "none" | "no" | "not")
            }) || tw
                .iter()
                .any(|&(a, b)| PROPOSAL_WORDS.contains(&&target_low[a..b]))
            {
                continue;
            }
        }
        // "… all aligned themselves with this statement": the names before
        // the verb align with the speaker. Agreeing with "this statement"
        // names no one.
        if agreement && own_statement(target_low) {
            continue;
        }
        if !statement_verb && own_statement(target_low) {
            for m in names_in(&sentence[..vs]) {
                let behalf = low[..m.start]
                    .trim_end()
                    .trim_end_matches("the")
                    .trim_end()
                    .ends_with("on behalf of");
                if matches!(m.role, Role::Delegation | Role::Observer)
                    && m.name != speaker
                    && !behalf
                    && !joined.contains(&m.name)
                {
                    joined.push(m.name);
                }
            }
            continue;
        }
        // A target the registry does not know is kept with its words; a
        // "Friends of …" group is one even when it names a state.
        // The words of a "Friends of …" target hold "friends" (any case):
        // without it the target's words are read only when it names no
        // one the registry knows.
        let unregistered = OnceCell::new();
        let unregistered = || unregistered.get_or_init(|| unregistered_target(target));
        let friends = memchr::memmem::find(target_low.as_bytes(), b"friends").is_some()
            && unregistered()
                .as_ref()
                .is_some_and(|(w, _)| is_friends(&lower(w)));
        // By the registry's own strings: only the names kept are copied.
        let named = if friends {
            Vec::new()
        } else {
            names_in(target)
        };
        if named.is_empty() {
            if let Some((words, role)) = unregistered().clone() {
                if words != speaker && !found.iter().any(|f| f.0 == words) {
                    found.push((words, None, role, false, kind));
                }
            }
        }
        // The group this target named last, with where its name ends.
        let mut group: Option<(usize, usize)> = None;
        for m in named {
            if m.role == Role::Organization && !matches!(m.name, "African Union") {
                // "what was shared by the USG of the UN": not a delegation.
                continue;
            }
            // "the concept paper of the Group of Like-Minded States … made
            // by Nicaragua": the state spoke for the group, as "the
            // statement by Nicaragua on behalf of the like-minded
            // countries" says; one alignment, not one with each.
            if let Some((k, end)) = group.take() {
                if m.role == Role::Delegation
                    && k + 1 == found.len()
                    && made_by_between(&target_low[end..m.start])
                {
                    if m.name == speaker {
                        continue;
                    }
                    let g = found.remove(k);
                    found.retain(|f| f.0 != m.name);
                    found.push((m.name.to_string(), Some(g.0), m.role, true, g.4));
                    continue;
                }
            }
            if behalf_before(target_low, &m) {
                if let Some(last) = found.last_mut() {
                    if last.1.is_none() {
                        last.1 = Some(m.name.to_string());
                    }
                }
                continue;
            }
            // An agreement found first ("As Nigeria noted, Senegal aligns
            // itself with the statement by Nigeria") hides no alignment.
            if m.name != speaker && !found.iter().any(|f| f.0 == m.name && f.4 == kind) {
                found.push((m.name.to_string(), None, m.role, true, kind));
                if m.role == Role::Group {
                    group = Some((found.len() - 1, m.end));
                }
            }
        }
    }
    for name in joined {
        out.push(Alignment {
            statement: st.index,
            speaker: name.to_string(),
            aligned_with: speaker.to_string(),
            on_behalf_of: None,
            excerpt: Excerpt::new(st, a, b),
            aligned_with_role: st.speaker.role,
            resolved: st.speaker.name.is_some(),
            kind: AlignmentKind::Aligns,
        });
    }
    for (aligned_with, on_behalf_of, aligned_with_role, resolved, kind) in found {
        out.push(Alignment {
            statement: st.index,
            speaker: speaker.to_string(),
            aligned_with,
            on_behalf_of,
            excerpt: Excerpt::new(st, a, b),
            aligned_with_role,
            resolved,
            kind,
        });
    }
}

/// The words that name who said what the speaker says over, for the
/// [`ECHO_VERBS`] verb at word `k` of `ws` (words of `low`, the lower
/// case of `sentence`): after "by" in the passive ("as was noted by
/// Thailand", "following what has been stated by Egypt, France and
/// others"), else between "as" (or "what") and the verb ("as my colleague
/// from the EU said"). Only where "as" opens a clause of comparison (not
/// "such as", "as well as", "the same as"), with no negation or mark in
/// it, in a sentence that is no question and disagrees with no one.
fn echoed(sentence: &str, low: &str, ws: &[(usize, usize)], k: usize) -> Option<(usize, usize)> {
    let w = |i: usize| &low[ws[i].0..ws[i].1];
    if low.trim_end().ends_with('?') || low.contains("disagree") || low.contains("contrary") {
        return None;
    }
    // "as X pointed out", "as pointed out by X".
    let mut next = k + 1;
    if w(k) == "pointed" {
        if ws.get(next).is_none_or(|_| w(next) != "out") {
            return None;
        }
        next += 1;
    }
    // The words between the opener and the verb.
    let mut i = k;
    while i > 0 && k - i < 4 && ECHO_BETWEEN.contains(&w(i - 1)) {
        i -= 1;
    }
    let opens = |j: usize| -> bool {
        let before = |d: usize| j.checked_sub(d).map(w);
        // A negation in the few words before the opener, in its clause:
        // "we cannot support what Egypt said", "we do not, as Egypt
        // said, …".
        let refused = (j.saturating_sub(4)..j)
            .any(|d| NEGATIONS.contains(&w(d)) && !low[ws[d].1..ws[j].0].contains([',', ';']));
        // Others' view, not the speaker's: "some delegations support
        // what Egypt said".
        let others = (j.saturating_sub(4)..j).any(|d| {
            matches!(
                w(d),
                "some" | "others" | "they" | "delegations" | "many" | "states" | "countries"
            )
        });
        if refused {
            return false;
        }
        match w(j) {
            // Not "such as", "as well as", "as soon as", "as if Egypt
            // said", "even as".
            "as" => {
                !matches!(
                    before(1),
                    Some(
                        "such"
                            | "well"
                            | "same"
                            | "as"
                            | "so"
                            | "much"
                            | "long"
                            | "far"
                            | "soon"
                            | "even"
                            | "insofar"
                            | "inasmuch"
                            | "not"
                    )
                ) && ws.get(j + 1).is_none_or(|_| {
                    !matches!(
                        w(j + 1),
                        "if" | "though"
                            | "soon"
                            | "long"
                            | "far"
                            | "well"
                            | "much"
                            | "regards"
                            | "to"
                            | "for"
                    )
                })
            }
            // "following what has been stated by", "in line with what
            // Mexico said"; not "we object to what was said by".
            "what" => {
                matches!(
                    before(1),
                    Some(
                        "following"
                            | "echo"
                            | "echoes"
                            | "echoing"
                            | "reiterate"
                            | "reiterates"
                            | "reiterating"
                            | "support"
                            | "supports"
                            | "endorse"
                    )
                ) && !others
                    || matches!(before(1), Some("with" | "to"))
                        && matches!(before(2), Some("line" | "vein" | "keeping"))
            }
            _ => false,
        }
    };
    let clean = |a: usize, b: usize| {
        !low[a..b].contains([',', ';', ':', '(', ')'])
            && !words(&low[a..b])
                .iter()
                .any(|&(x, y)| NEGATIONS.contains(&&low[a + x..a + y]))
    };
    // The passive: the opener right before the words between.
    if i > 0
        && ws.get(next).is_some_and(|_| w(next) == "by")
        && ws[i - 1].0 + ECHO_REACH >= ws[k].0
        && opens(i - 1)
    {
        let start = ws[next].1;
        let end = agreement_target_end(sentence, low, start);
        return clean(ws[i - 1].0, ws[k].1).then_some((start, end));
    }
    // The active: a name of a few words between the opener and them.
    if i == k && k > 0 && opens(k - 1) {
        return None;
    }
    // The nearest "as" or "what" only: "as far as Egypt noted" is no
    // comparison, whatever "as" opens the sentence.
    let j = (k.saturating_sub(14)..i)
        .rev()
        .take_while(|&j| ws[j].0 + ECHO_REACH >= ws[k].0)
        .find(|&j| matches!(w(j), "as" | "what"))?;
    // What the verb said is left unsaid: "as Egypt said, …", "as Egypt
    // noted this morning"; not "as Russia stated its position, we will
    // respond" ("as" for "because", the verb taking an object).
    let after = ws.get(next).map(|&(a, _)| {
        let gap = &low[ws[next - 1].1..a];
        (gap.contains([',', ';', ':', '.', '!', '?', ')']), w(next))
    });
    let unsaid = match after {
        None | Some((true, _)) => true,
        Some((false, word)) => matches!(
            word,
            "on" | "in"
                | "at"
                | "during"
                | "this"
                | "earlier"
                | "yesterday"
                | "today"
                | "before"
                | "previously"
                | "last"
                | "just"
                | "so"
                | "too"
                | "also"
                | "very"
                | "well"
                | "eloquently"
                | "rightly"
                | "clearly"
                | "and"
                | "that"
                | "when"
                | "here"
                | "there"
                | "now"
        ),
    };
    (opens(j) && unsaid && j + 1 < i && clean(ws[j].0, ws[k].1)).then_some((ws[j].1, ws[i].0))
}

/// Where, in `sentence` (`low` its lower case), the delegation, group or
/// observer ends that "join" (`verb`) takes directly from byte `start`
/// on ("the U.S." of "the U.S. as they have presented …", "Egypt" of
/// "Egypt in calling for …"): the name must come first, after a "the"
/// at most, and stand for one who speaks.
/// `None` for anything else ("the consensus", "the compromise").
fn joined_name(verb: &str, sentence: &str, low: &str, start: usize) -> Option<usize> {
    if !verb.starts_with("join") {
        return None;
    }
    // The name may hold the stops that end a target ("the U.S."): it is
    // looked for in the words after the verb, as far as a long name goes.
    let lead = start + (low.len() - start - low[start..].trim_start().len());
    let lead = lead + low[lead..].strip_prefix("the ").map_or(0, |_| 4);
    let to = floor_boundary(sentence, (lead + 160).min(sentence.len()));
    let names = names_in(&sentence[lead..to]);
    let speaks = |m: &NameAt| matches!(m.role, Role::Delegation | Role::Group | Role::Observer);
    let mut end = names.iter().find(|m| m.start == 0 && speaks(m))?.end;
    // A list joined as one: "Peru and Chile in calling for …", "Egypt,
    // Kenya, and the African Group": each name where the last one's
    // ", ", " and " or, after a ", " (a list of three), ", and " (a "the"
    // at most) leads; not "Egypt, and Brazil will speak next".
    let mut listed = false;
    for m in &names {
        if m.start <= end || !speaks(m) {
            continue;
        }
        let gap = &low[lead + end..lead + m.start];
        let gap = gap.strip_suffix("the ").unwrap_or(gap);
        match gap {
            ", " => listed = true,
            " and " => {}
            ", and " if listed => {}
            _ => break,
        }
        end = m.end;
    }
    Some(lead + end)
}

/// Where what an agreement verb takes starts and ends in `low` (the
/// lower-case `sentence`): after "with" for "agree" and "concur" ("we
/// agree with the speaker from …"); for "share", from the noun phrase that
/// holds one of [`SHARE_NOUNS`] ("the view expressed by …", "the same
/// concerns as …", "many of the concerns of …", "South Africa's view").
/// `after` are the words after the verb. A target that names no one goes
/// on over a clause that names who held the view: "the concerns that
/// Egypt raised". `None` when the verb takes nothing that can name
/// someone ("we share our views on …", "we agree to …").
fn agreement_target(
    sentence: &str,
    low: &str,
    verb: &str,
    after: &[(usize, usize)],
) -> Option<(usize, usize)> {
    let word = |i: usize| after.get(i).map(|&(a, b)| &low[a..b]);
    let mut j = 0;
    while j < 4 && word(j).is_some_and(|w| BETWEEN.contains(&w)) {
        j += 1;
    }
    let start = if verb.starts_with("share") {
        let (first, _) = *after.get(j)?;
        // The noun within a few words, after "the" (or "the same") or a
        // possessive name: "the view", "the same concerns", "Egypt's view";
        // "the" may follow a part of the whole: "many of the concerns".
        let noun = (j..after.len().min(j + 8))
            .find(|&i| word(i).is_some_and(|w| SHARE_NOUNS.contains(&w)))?;
        let mut d = j;
        if word(d).is_some_and(|w| SHARE_PARTS.contains(&w)) {
            d += 1;
            if word(d) == Some("of") {
                d += 1;
            }
        }
        let det = word(d) == Some("the")
            && (noun == d + 1 || noun == d + 2 && word(d + 1) == Some("same"));
        let possessive = noun > j
            && word(noun - 1).is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));
        if !(det || possessive) {
            return None;
        }
        first
    } else {
        match word(j)? {
            "with" => after[j].1,
            _ => return None,
        }
    };
    let end = agreement_target_end(sentence, low, start);
    Some((
        start,
        holder_clause_end(sentence, low, start, end).unwrap_or(end),
    ))
}

/// What may stand before "the" in what "share" takes: "many of the
/// concerns", "all the views".
const SHARE_PARTS: &[&str] = &["many", "some", "most", "all", "several", "much"];

/// Verbs that say who held the view a target names no one for: "the
/// concerns that Egypt raised".
const HOLDER_VERBS: &[&str] = &[
    "raised",
    "expressed",
    "voiced",
    "outlined",
    "articulated",
    "shared",
    "made",
    "mentioned",
    "highlighted",
    "presented",
];

/// What may follow a holder's verb: the clause ends there ("the concerns
/// that Egypt raised today"), where an object would make it the content
/// of the view ("the concern that Egypt raised tensions").
const AFTER_HOLDER: &[&str] = &[
    "today",
    "earlier",
    "yesterday",
    "this ",
    "in its",
    "in their",
    "in his",
    "in her",
    "so ",
    "just",
    "before",
    "previously",
    "here",
    "at the",
    "during",
    "on ",
    "about",
    "regarding",
];

/// The end of a clause after an agreement's target `start..end` that
/// names no one, when the clause names who held the view: " that Egypt
/// raised", " which the delegation of Egypt expressed". `None` when the
/// target names someone, or the clause is anything else ("… the concerns
/// that cyberspace is militarised").
fn holder_clause_end(sentence: &str, low: &str, start: usize, end: usize) -> Option<usize> {
    let rest = &low[end..];
    let clause = [" that ", " which "]
        .iter()
        .find(|p| rest.starts_with(*p))
        .map(|p| end + p.len())?;
    if !names_in(&sentence[start..end]).is_empty() {
        return None;
    }
    // The holder's name, then at most one more word ("has", "just")
    // before the verb; a name is looked for near the clause's start only
    // (a long sentence is not read again for each clause).
    let tail = &sentence[clause..floor_boundary(sentence, clause + 80)];
    let m = names_in(tail).into_iter().next()?;
    let lead = low[clause..clause + m.start].trim();
    if !matches!(
        lead,
        "" | "the" | "the delegation of" | "the representative of"
    ) {
        return None;
    }
    let after = &low[clause + m.end..];
    let ws = words(&after[..floor_boundary(after, 40)]);
    let (_, b) = *ws
        .iter()
        .take(2)
        .find(|&&(a, b)| HOLDER_VERBS.contains(&&after[a..b]))?;
    let rest = after[b..].trim_start();
    let ends = rest.is_empty()
        || rest.starts_with(['.', ',', ';', ':', '!', '?', ')'])
        || AFTER_HOLDER.iter().any(|p| rest.starts_with(p));
    ends.then_some(clause + m.end + b)
}

/// The largest char boundary of `s` at most `at` (`s.len()` past it).
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where an agreement's target after `start` ends: at the first of
/// [`AGREEMENT_TARGET_ENDS`] (" on " but for " on behalf of"), or where an
/// alignment's would ([`target_end`]). Each of the phrases starts with a
/// space or a comma: only there are they compared (a searcher made for
/// each phrase cost more than the sentence's other work). ", and " ends it
/// only where no name ends a list after it: "with Egypt, Brazil, and
/// Mexico" takes all three.
fn agreement_target_end(sentence: &str, low: &str, start: usize) -> usize {
    let end = target_end(low, start);
    let t = &low.as_bytes()[start..end];
    memchr::memchr2_iter(b' ', b',', t)
        .find(|&i| {
            let rest = &t[i..];
            AGREEMENT_TARGET_ENDS.iter().any(|p| {
                rest.starts_with(p.as_bytes())
                    && !(*p == " on " && rest.starts_with(b" on behalf"))
                    && !(*p == ", and "
                        && t[..i].windows(2).any(|w| w == b", ")
                        && last_of_list(sentence, low, start + i + p.len()))
            })
        })
        .map_or(end, |i| start + i)
}

/// Whether a name starts at `at` (after "the", if so) and what follows it
/// ends the list: the sentence's end, a mark, or where a target ends ("…,
/// and Mexico on this point"). Not "…, and Brazil supports …". Asked
/// only where a ", " before made a list of three or more ("Egypt, Brazil,
/// and Mexico"; not "Egypt, and Brazil, for its part, …").
fn last_of_list(sentence: &str, low: &str, at: usize) -> bool {
    // Only a name right at `at` counts: the names of a short window are
    // read (a sentence of many ", and " is not read again for each).
    let window = &sentence[at..floor_boundary(sentence, at + 80)];
    let Some(m) = names_in(window).into_iter().next() else {
        return false;
    };
    if !matches!(low[at..at + m.start].trim(), "" | "the") {
        return false;
    }
    let after = &low[at + m.end..];
    let next = after.trim_start();
    next.is_empty()
        || next.starts_with(['.', ',', ';', ':', '!', '?', ')'])
        || TARGET_ENDS.iter().any(|p| after.starts_with(p))
        || AGREEMENT_TARGET_ENDS
            .iter()
            .any(|p| after.starts_with(p) && *p != ", and ")
}

/// Where an alignment's target after `start` ends: at the first of
/// [`TARGET_ENDS`], except a "but" that answers a "not just" or "not
/// only" ("the statement, not just of the EU, but from Mexico, …").
fn target_end(low: &str, start: usize) -> usize {
    let mut from = start;
    loop {
        let Some(p) = first_target_end(&low[from..]) else {
            return low.len();
        };
        let at = from + p;
        let before = &low[start..at];
        if low[at..].starts_with(" but ")
            && (before.contains("not just") || before.contains("not only"))
        {
            from = at + " but ".len();
            continue;
        }
        return at;
    }
}

/// The target of a verb at the end of a relative clause: "the statement
/// made by the EU, to which we fully subscribe" is the words from
/// "statement" to "to which". `before` are the words before the verb.
fn relative_target(low: &str, before: &[(usize, usize)]) -> Option<(usize, usize)> {
    // Over the subject and its adverbs: "which we fully".
    let mut i = before.len();
    while i > 0 && (AUXILIARIES.contains(&&low[before[i - 1].0..before[i - 1].1])) {
        i -= 1;
    }
    if i < 2 || &low[before[i - 1].0..before[i - 1].1] != "which" {
        return None;
    }
    let preposition = &low[before[i - 2].0..before[i - 2].1];
    if !matches!(preposition, "to" | "with" | "in") {
        return None;
    }
    let end = before[i - 2].0;
    let noun = before[..i - 2]
        .iter()
        .rev()
        .take(12)
        .find(|&&(a, b)| STATEMENT_NOUNS.contains(&&low[a..b]))?;
    Some((noun.0, end))
}

/// True when the target is the speaker's own statement: "this
/// statement", "the present statement".
fn own_statement(target_low: &str) -> bool {
    let t = target_low.trim_start();
    [
        "this statement",
        "the present statement",
        "this declaration",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// Words that say a target is someone's words, before `by`, `of` or
/// `from`: "the statement delivered by", "the remarks of".
const STATEMENT_WORDS: &[&str] = &[
    "statement",
    "statements",
    "remarks",
    "intervention",
    "interventions",
    "views",
    "comments",
    "position",
    "words",
    "said",
    "expressed",
    "delivered",
    "made",
    "presented",
];

/// Lower-case words a name may hold between its capitalised ones.
const NAME_JOINERS: &[&str] = &["of", "the", "for", "on", "and", "de", "to"];

/// Titles that open a person's name.
const PERSON_TITLES: &[&str] = &[
    "ambassador",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
    "h.e.",
    "professor",
    "prof.",
    "minister",
    "sir",
    "dame",
];

/// "the Friends of …", "the Group of Friends …".
fn is_friends(low: &str) -> bool {
    low.starts_with("friends of") || low.starts_with("group of friends")
}

/// The target of an alignment as its words, when they name someone:
/// "the statement by the Friends of the Chair" is `Friends of the Chair`,
/// a group; "the remarks of Ambassador Lindqvist" is a person, role
/// `unknown`; "the Chair" is the Chair. `None` for words that name no one
/// ("almost everything that has been said").
fn unregistered_target(target: &str) -> Option<(String, Role)> {
    let words: Vec<&str> = target
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| {
                matches!(c, ',' | '.' | ':' | ';' | '"' | '\u{201c}' | '\u{201d}')
            })
        })
        .filter(|w| !w.is_empty())
        .take(24)
        .collect();
    // A word's `lower` copy is one of these ASCII words when the word is,
    // ASCII case aside: compared so, without a copy of each word.
    let is = |i: usize, set: &[&str]| {
        words
            .get(i)
            .is_some_and(|w| set.iter().any(|s| w.eq_ignore_ascii_case(s)))
    };
    // After "the statement delivered by", "the remarks of".
    let start = (0..words.len().min(10))
        .find(|&i| is(i, &["by", "of", "from"]) && (0..i).any(|x| is(x, STATEMENT_WORDS)))
        .map_or(0, |i| i + 1);
    let mut k = start;
    while is(
        k,
        &["the", "our", "my", "distinguished", "esteemed", "dear"],
    ) {
        k += 1;
    }
    let first = words.get(k)?;
    let friends = is(k, &["friends", "group"]) && is(k + 1, &["of"]);
    if !first.chars().next().is_some_and(char::is_uppercase) && !friends {
        return None;
    }
    // The name: capitalised words, and joiners between them.
    let mut end = k;
    for (i, w) in words.iter().enumerate().skip(k).take(10) {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if capital || i == k || is(i, NAME_JOINERS) {
            end = i + 1;
        } else {
            break;
        }
    }
    while end > k && is(end - 1, NAME_JOINERS) {
        end -= 1;
    }
    let name = words[k..end].join(" ");
    let name = name
        .trim_end_matches(['\'', '\u{2019}'])
        .trim_end_matches("\u{2019}s");
    let name = name.strip_suffix("'s").unwrap_or(name).to_string();
    let lname = lower(&name);
    let resolved = crate::speakers::chair_or_stakeholder(&name);
    let role = if resolved == Some(Role::Chair) {
        Role::Chair
    } else if is_friends(&lname)
        || lname.split(' ').any(|w| {
            matches!(
                w,
                "group" | "friends" | "coalition" | "countries" | "states" | "alliance"
            )
        })
    {
        Role::Group
    } else if resolved == Some(Role::Stakeholder) {
        Role::Stakeholder
    } else if is(k, PERSON_TITLES) || start > 0 && name.split(' ').count() >= 2 {
        // A person, or a name after "the statement by": someone's words.
        // Without that, "the Programme of Action" is no one's.
        Role::Unknown
    } else {
        // One capitalised word that is no name we know ("Everything").
        return None;
    };
    Some((name, role))
}

/// True when the words before the verb (after auxiliaries and adverbs)
/// end in a subject that speaks for the delegation: "we", "my
/// delegation", a state's name, "Germany's".
fn has_subject(name_ends_at: impl Fn(usize) -> bool, low: &str, before: &[(usize, usize)]) -> bool {
    for &(s, e) in before.iter().rev().take(6) {
        let w = &low[s..e];
        if AUXILIARIES.contains(&w) && w != "we" {
            continue;
        }
        if SUBJECTS.contains(&w) || w.ends_with("'s") || w.ends_with("’s") {
            return true;
        }
        // A name ending here: "Senegal aligns", "The Russian Federation also aligns".
        return name_ends_at(e);
    }
    false
}

fn negated(low: &str, before: &[(usize, usize)]) -> bool {
    before
        .iter()
        .rev()
        .take(3)
        .any(|&(s, e)| NEGATIONS.contains(&&low[s..e]))
}

/// Whether the words between a group's name and a state's say the state
/// made what the group's is ("… of the Group of … made by Nicaragua").
fn made_by_between(between: &str) -> bool {
    [
        "made by",
        "delivered by",
        "presented by",
        "introduced by",
        "submitted by",
    ]
    .iter()
    .any(|p| memchr::memmem::find(between.as_bytes(), p.as_bytes()).is_some())
}

/// True when the mention follows "on behalf of" (with "the", "a", "the
/// group of" between).
fn behalf_before(target_low: &str, m: &NameAt) -> bool {
    let head = target_low[..m.start].trim_end();
    let head = head.strip_suffix("the").unwrap_or(head).trim_end();
    head.ends_with("on behalf of") || head.ends_with("on behalf of the group of")
}

display_as_str!(AlignmentKind);
from_serde_name!(AlignmentKind);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::Phrases;

    /// What makes the names of the words before a verb those of the
    /// whole sentence that end there: a name that goes on with a verb's
    /// word ("non aligned movement") has before it a word that ends no
    /// name, so no name ends there in either reading.
    #[test]
    fn no_name_ends_where_a_name_goes_on_with_a_verb() {
        let keys = crate::speakers::registry_keys();
        assert!(keys.len() > 1000);
        let last_words: std::collections::HashSet<&str> =
            keys.iter().filter_map(|k| k.rsplit(' ').next()).collect();
        let mut with_verb = 0;
        for k in &keys {
            let words: Vec<&str> = k.split(' ').collect();
            for j in 1..words.len() {
                if VERBS.contains(&words[j]) {
                    with_verb += 1;
                    assert!(!last_words.contains(words[j - 1]), "{k:?}");
                }
            }
        }
        assert!(with_verb >= 1, "the test reads the keys");
    }

    /// The subject's names as they were found: in the whole sentence.
    #[test]
    fn names_before_a_verb_are_the_sentences() {
        for s in [
            "The Russian Federation also aligns with Chile.",
            "Egypt aligns itself with Nigeria on behalf of the African Group.",
            "The United States of America associates itself with the EU.",
            "Germany's delegation aligns with the Czech Republic",
            "We align with Côte d'Ivoire",
            "Bosnia and Herzegovina aligns",
            "The Non Aligned Movement aligns with Chile",
            "Chile Non aligned with Peru, and Peru non associates",
        ] {
            let whole = names_in(s);
            for (e, _) in s.char_indices().chain([(s.len(), ' ')]) {
                let before = names_in(&s[..e]).iter().any(|m| m.end == e);
                let in_whole = whole.iter().any(|m| m.end == e);
                // At a word's end followed by a verb the two agree.
                let next = s[e..].trim_start();
                if VERBS.iter().any(|v| {
                    next.starts_with(v)
                        && !next[v.len()..].starts_with(|c: char| c.is_alphanumeric())
                }) && s[..e].ends_with(|c: char| c.is_alphanumeric())
                {
                    assert_eq!(before, in_whole, "{s:?} at {e}");
                }
            }
        }
    }

    #[test]
    fn target_ends_as_the_phrase_searcher() {
        static ENDS: Phrases = Phrases::new(TARGET_ENDS);
        let mut pieces: Vec<&str> = TARGET_ENDS.to_vec();
        pieces.extend([
            " and", " an", "d ", " in ", " a ", "national", " but", " w", "hich ", " as", " on",
            " ", ";", "x", "é", "’", "\0", " regard", "ing ", "our ", "to ",
        ]);
        let mut found = 0;
        for t in crate::text::pieced_texts(&pieces, 4000, 12, 0x2545_f491_4f6c_dd1d) {
            let want = ENDS.first(&t);
            assert_eq!(first_target_end(&t), want, "{t:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 1000, "{found}");
        for e in TARGET_ENDS {
            assert_eq!(first_target_end(e), Some(0), "{e:?}");
            assert_eq!(first_target_end(&e[..e.len() - 1]), None, "{e:?}");
        }
    }

    /// [`unregistered_target`] as it was: a lower-case copy of each word,
    /// and the whole resolution of the name.
    fn unregistered_target_plain(target: &str) -> Option<(String, Role)> {
        let words: Vec<&str> = target
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| {
                    matches!(c, ',' | '.' | ':' | ';' | '"' | '\u{201c}' | '\u{201d}')
                })
            })
            .filter(|w| !w.is_empty())
            .take(24)
            .collect();
        let low: Vec<String> = words.iter().map(|w| lower(w)).collect();
        // After "the statement delivered by", "the remarks of".
        let start = low
            .iter()
            .enumerate()
            .take(10)
            .find(|(i, w)| {
                matches!(w.as_str(), "by" | "of" | "from")
                    && low[..*i]
                        .iter()
                        .any(|x| STATEMENT_WORDS.contains(&x.as_str()))
            })
            .map_or(0, |(i, _)| i + 1);
        let mut k = start;
        while low.get(k).is_some_and(|w| {
            matches!(
                w.as_str(),
                "the" | "our" | "my" | "distinguished" | "esteemed" | "dear"
            )
        }) {
            k += 1;
        }
        let first = words.get(k)?;
        let friends = low.get(k).is_some_and(|w| w == "friends" || w == "group")
            && low.get(k + 1).is_some_and(|w| w == "of");
        if !first.chars().next().is_some_and(char::is_uppercase) && !friends {
            return None;
        }
        // The name: capitalised words, and joiners between them.
        let mut end = k;
        for (i, w) in words.iter().enumerate().skip(k).take(10) {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if capital || i == k || NAME_JOINERS.contains(&low[i].as_str()) {
                end = i + 1;
            } else {
                break;
            }
        }
        while end > k && NAME_JOINERS.contains(&low[end - 1].as_str()) {
            end -= 1;
        }
        let name = words[k..end].join(" ");
        let name = name
            .trim_end_matches(['\'', '\u{2019}'])
            .trim_end_matches("\u{2019}s");
        let name = name.strip_suffix("'s").unwrap_or(name).to_string();
        let lname = lower(&name);
        let resolved = Some(crate::speakers::resolve(&name).role);
        let role = if resolved == Some(Role::Chair) {
            Role::Chair
        } else if is_friends(&lname)
            || lname.split(' ').any(|w| {
                matches!(
                    w,
                    "group" | "friends" | "coalition" | "countries" | "states" | "alliance"
                )
            })
        {
            Role::Group
        } else if resolved == Some(Role::Stakeholder) {
            Role::Stakeholder
        } else if PERSON_TITLES.contains(&low[k].as_str())
            || start > 0 && name.split(' ').count() >= 2
        {
            // A person, or a name after "the statement by": someone's words.
            // Without that, "the Programme of Action" is no one's.
            Role::Unknown
        } else {
            // One capitalised word that is no name we know ("Everything").
            return None;
        };
        Some((name, role))
    }

    #[test]
    fn unregistered_targets_as_the_plain_way() {
        let pieces = [
            "the statement ",
            "STATEMENT ",
            "delivered ",
            "By ",
            "by ",
            "of ",
            "from ",
            "the ",
            "The ",
            "Distinguished ",
            "our ",
            "Friends ",
            "friends ",
            "Group ",
            "of the Chair ",
            "Ambassador ",
            "Mr. ",
            "Lindqvist ",
            "Chile ",
            "Peru's ",
            "Microsoft ",
            "University ",
            "Chair ",
            "and ",
            "For ",
            "Programme of Action ",
            "Everything ",
            "É ",
            "“Tonga” ",
            ", ",
            ". ",
            "x ",
            "De ",
            "Coalition ",
        ];
        let mut named = 0;
        for t in crate::text::pieced_texts(&pieces, 4000, 9, 0x2545_f491_4f6c_dd1d) {
            let want = unregistered_target_plain(&t);
            assert_eq!(unregistered_target(&t), want, "{t:?}");
            named += usize::from(want.is_some());
        }
        assert!(named > 500, "{named}");
    }

    #[test]
    fn the_verb_test_turns_away_no_sentence_with_a_verb() {
        let pieces = [
            "align",
            "aligns",
            "aligned",
            "aligning",
            "alignment",
            "non-aligned",
            "associate",
            "associates",
            "associating",
            "association",
            "subscribe",
            "subscribes",
            "subscribed",
            "join",
            "joins",
            "joint",
            "endorse",
            "endorses",
            "endorsement",
            "agree",
            "agrees",
            "agreed",
            "agreement",
            "concur",
            "concurs",
            "concurred",
            "share",
            "shares",
            "shared",
            "sharing",
            "realign",
            "misaligned",
            "é",
            "’",
            "“",
            "'",
            "-",
            " ",
            ", ",
            "s",
            "ed",
            "ing",
            "x",
            "1",
        ];
        for low in crate::text::pieced_texts(&pieces, 4000, 8, 0x9e37_79b9_7f4a_7c15) {
            let has_verb = words(&low)
                .iter()
                .any(|&(a, b)| verb_forms().any(|v| v == &low[a..b]));
            assert!(!has_verb || may_hold_verb(&low), "{low:?}");
        }
        assert!(!may_hold_verb("the alignment of non-aligned states"));
        assert!(may_hold_verb("we align with"));
    }

    fn aligned(text: &str) -> Vec<(String, String, Option<String>)> {
        let src = format!("Chair: Next speaker please.\nChile: {text}\n");
        let s = crate::parse(&src).unwrap();
        alignments(&s)
            .into_iter()
            .map(|a| (a.speaker, a.aligned_with, a.on_behalf_of))
            .collect()
    }

    fn one(with: &str, behalf: Option<&str>) -> Vec<(String, String, Option<String>)> {
        vec![("Chile".into(), with.into(), behalf.map(String::from))]
    }

    #[test]
    fn a_groups_paper_made_by_a_state() {
        // One alignment, with the state on the group's behalf, as "the
        // statement by Nicaragua on behalf of the like-minded countries".
        for text in [
            "We align ourselves with the concept paper of the Group of Like-Minded States on the successor body made by the Distinguished Representative of the Republic of Nicaragua.",
            "We align ourselves with the statement of the African Group delivered by Nigeria.",
        ] {
            let got = aligned(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(
                matches!(&got[0], (_, state, Some(_)) if state == "Nicaragua" || state == "Nigeria"),
                "{text}: {got:?}"
            );
        }
        // Two aligned with, not one's paper made by the other.
        assert_eq!(
            aligned("We align ourselves with the African Group and with Nigeria.").len(),
            2
        );
    }

    #[test]
    fn phrasings_of_an_alignment() {
        assert_eq!(
            aligned("We align ourselves with the EU statement."),
            one("European Union", None)
        );
        assert_eq!(
            aligned("My delegation fully aligns itself with the statement made by Nicaragua on behalf of like-minded countries."),
            one("Nicaragua", Some("Group of Like-Minded States"))
        );
        assert_eq!(
            aligned("Chile aligns itself with the statement by Nigeria on behalf of the African group, and would like to add the following."),
            one("Nigeria", Some("African Group"))
        );
        assert_eq!(
            aligned("Chile’s fully aligned with the statement of the European Union."),
            one("European Union", None)
        );
        assert_eq!(
            aligned("We associate ourselves with the statement delivered by Brazil."),
            one("Brazil", None)
        );
        assert_eq!(aligned("My country aligns itself with the statement on capacity building made by Argentina on behalf of a group of states."), one("Argentina", None));
        assert_eq!(
            aligned("We align with the statements of France and Egypt, the European Union and many others."),
            vec![
                ("Chile".into(), "France".into(), None),
                ("Chile".into(), "Egypt".into(), None),
                ("Chile".into(), "European Union".into(), None)
            ]
        );
        assert_eq!(
            aligned("The Russian Federation also aligns itself with Cuba."),
            one("Cuba", None)
        );
        assert_eq!(
            aligned("Chile identifies with the statement of the European Union."),
            one("European Union", None)
        );
        assert_eq!(
            aligned("We support the statement made by Mexico."),
            one("Mexico", None)
        );
        // Said twice in a statement: once, the first (with the group
        // either names).
        assert_eq!(
            aligned("We endorse Tonga's remarks on behalf of the Pacific Islands Forum. We also support Tonga's remarks on cables."),
            one("Tonga", Some("Pacific Islands Forum"))
        );
        assert_eq!(
            aligned("I endorse Tonga's remarks on cables. We also align with the statement delivered by Tonga on behalf of the Pacific Islands Forum."),
            one("Tonga", Some("Pacific Islands Forum"))
        );
        // Agreements each say on what: all kept.
        assert_eq!(
            agreed("We align with Japan. We agree with Japan on norms. We align with Japan. We agree with Japan on cables."),
            [
                ("Japan".to_string(), AlignmentKind::Aligns),
                ("Japan".to_string(), AlignmentKind::Agrees),
                ("Japan".to_string(), AlignmentKind::Agrees)
            ]
        );
        assert_eq!(
            aligned(
                "We fully support the remarks delivered by Nigeria on behalf of the African Group."
            ),
            one("Nigeria", Some("African Group"))
        );
    }

    #[test]
    fn statements_subscribed_to_joined_and_endorsed() {
        // The nouns are the head of the statement words, up to "position".
        assert_eq!(STATEMENT_NOUNS.last(), Some(&"position"));
        assert_eq!(
            aligned("Besides the statement given by the European Union, to which we fully subscribe, we add this."),
            one("European Union", None)
        );
        assert_eq!(
            aligned("We subscribe to the statement delivered by Brazil."),
            one("Brazil", None)
        );
        assert_eq!(
            aligned("My delegation joins in the statements made by Egypt and France this morning."),
            vec![
                ("Chile".into(), "Egypt".into(), None),
                ("Chile".into(), "France".into(), None)
            ]
        );
        assert_eq!(
            aligned("I would endorse Tonga’s remarks on behalf of the Pacific Islands Forum regarding resources."),
            one("Tonga", Some("Pacific Islands Forum"))
        );
        // "not just …, but …": every name, not the first alone.
        assert_eq!(
            aligned("Chile aligns itself with the statement, not just of the European Union, but from Mexico, Japan and many others."),
            vec![
                ("Chile".into(), "European Union".into(), None),
                ("Chile".into(), "Mexico".into(), None),
                ("Chile".into(), "Japan".into(), None)
            ]
        );
    }

    #[test]
    fn states_named_as_aligning_with_the_speakers_statement() {
        let s = crate::parse(
            "European Union: I speak for the EU and its member states. The candidate countries \
             North Macedonia, Montenegro and Albania, as well as Ukraine and the Republic of Moldova, \
             all aligned themselves with this statement.\n",
        )
        .unwrap();
        let got: Vec<(String, String, Role)> = alignments(&s)
            .into_iter()
            .map(|a| (a.speaker, a.aligned_with, a.aligned_with_role))
            .collect();
        let with_eu = |who: &str| (who.to_string(), "European Union".to_string(), Role::Group);
        assert_eq!(
            got,
            [
                with_eu("North Macedonia"),
                with_eu("Montenegro"),
                with_eu("Albania"),
                with_eu("Ukraine"),
                with_eu("Republic of Moldova"),
            ]
        );
    }

    #[test]
    fn joining_a_delegation_is_agreeing_with_it() {
        let kinds = |text: &str| -> Vec<(String, AlignmentKind)> {
            let s =
                crate::parse(&format!("Chair: Next speaker please.\nIsrael: {text}\n")).unwrap();
            alignments(&s)
                .into_iter()
                .map(|a| (a.aligned_with, a.kind))
                .collect()
        };
        let agrees = |with: &str| vec![(with.to_string(), AlignmentKind::Agrees)];
        assert_eq!(
            kinds("We wish to join the United States as they have presented some grave concerns over the suggestions by Egypt."),
            agrees("United States")
        );
        assert_eq!(
            kinds("We join Egypt in calling for restraint."),
            agrees("Egypt")
        );
        // A list joined: each in it, and no one after it.
        assert_eq!(
            kinds("We join Peru and Chile in calling for restraint, as Kenya did."),
            [
                ("Peru".to_string(), AlignmentKind::Agrees),
                ("Chile".to_string(), AlignmentKind::Agrees)
            ]
        );
        assert_eq!(
            kinds("We join Egypt, Kenya, and the African Group in this call."),
            [
                ("Egypt".to_string(), AlignmentKind::Agrees),
                ("Kenya".to_string(), AlignmentKind::Agrees),
                ("African Group".to_string(), AlignmentKind::Agrees)
            ]
        );
        assert_eq!(
            kinds("We join Egypt in this call and thank Kenya."),
            agrees("Egypt")
        );
        assert_eq!(
            kinds("We join Egypt, and Brazil will speak next."),
            agrees("Egypt")
        );
        assert_eq!(
            kinds("We wish to join the U.S. as they have presented concerns over the suggestions by some."),
            agrees("United States")
        );
        // The statement joined is an alignment, as before.
        assert_eq!(
            kinds("We join the statement made by Egypt."),
            [("Egypt".to_string(), AlignmentKind::Aligns)]
        );
        for text in [
            // Not a delegation, not first, not the speaker's, not said; a
            // proposal's side, a courtesy.
            "We are ready to join the compromise that Egypt proposed.",
            "We join Peru and Chile in supporting the Programme of Action.",
            "We join Kenya's proposal.",
            "We join Egypt in thanking the Chair.",
            "We join the consensus with Egypt.",
            "We note that Kenya joins Egypt in this.",
            "Should we join Egypt in this?",
            "If we join Egypt, we lose.",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }

    /// The verbs the topics' walk finds give the list the stems do, where
    /// the stems' search and the words' walk see the text differently:
    /// letter case, hyphens and apostrophes at a verb, verbs only in
    /// longer words, a stem and a verb in one sentence, the Chair's turn.
    #[test]
    fn the_walks_verbs_give_what_the_stems_give() {
        let src = "Chair: Thank you. Peru, please. We ALIGN with Chile.\n\
                   Peru: We ALIGN with the EU. We ALIGN with Chile on its realignment. \
                   We co-join the statement by Egypt. I'd JOIN in the statement by Iran. \
                   We align-with Cuba; we'align with Peru. The Non-Aligned Movement. \
                   Egypt: We Endorse the statement made by Nigeria, and ENDORSE Tonga's remarks.\n\
                   Chile: 2align with Peru. We subscribe to the statement by Brazil. \
                   We associate ourselves with the statement by Mexico. We AGREE with Japan. \
                   We co-agree with Peru. We share-d the view of Iran. We Concur with Egypt; \
                   we share the view of Cuba. Agreement with Kenya. We shared the view of Ghana.\n\
                   Ghana: We SUPPORT the statement by Peru. We Identify with the statement of Chile. \
                   In alignment with our priorities, we support, as we did at the previous session of \
                   this working group, the statement delivered by Tonga. We identified with Cuba. \
                   We wish to JOIN the United States as they have presented concerns. We Join Egypt in this.\n\
                   Kenya: As Egypt SAID, yes. As Peru said, yes. As was Noted by Chile, yes. Following what was \
                   stated by Iran, yes. As Cuba co-noted, no. We noted-said it, as Brazil un-said. \
                   As in the long list of delegations that spoke this morning and yesterday in the \
                   plenary of this group, Egypt noted it. AS Peru Said, yes.\n";
        for src in [src.to_string(), src.replace(". ", ".\n\n")] {
            let s = crate::parse(&src).unwrap();
            let chunks = super::super::audit::floor_audit(&s).chunks(&s);
            let (_, hits) = super::super::topics::topics_and_hits(&s);
            let want = find(&s, &chunks);
            assert!(want.len() >= 5, "{want:?}");
            assert_eq!(find_with(&s, &chunks, &hits.verbs), want);
        }
    }

    #[test]
    fn targets_the_registry_does_not_know_keep_their_words_and_a_role() {
        let src = "Chair: Next.\nChile: We align ourselves with the statement delivered by the Friends of the Chair. \
                   Chile also aligns itself with the remarks of Ambassador Lindqvist. \
                   We associate ourselves with the statement by the Group of Friends of Peru. \
                   We align with the Chair. We align ourselves with the EU statement. \
                   We align with the statement made by Maria Santos Pereira.\n";
        let s = crate::parse(src).unwrap();
        let all = alignments(&s);
        let got: Vec<(&str, Role, bool)> = all
            .iter()
            .map(|a| (a.aligned_with.as_str(), a.aligned_with_role, a.resolved))
            .collect();
        assert_eq!(
            got,
            [
                ("Friends of the Chair", Role::Group, false),
                ("Ambassador Lindqvist", Role::Unknown, false),
                // Not Peru: the group of its friends.
                ("Group of Friends of Peru", Role::Group, false),
                ("Chair", Role::Chair, false),
                ("European Union", Role::Group, true),
                ("Maria Santos Pereira", Role::Unknown, false),
            ]
        );
        // A registry name keeps its role.
        assert_eq!(
            alignments(&crate::parse("Chile: We align with Peru.\n").unwrap())[0].aligned_with_role,
            Role::Delegation
        );
    }

    #[test]
    fn older_json_reads_as_resolved() {
        let json = r#"{"statement":1,"speaker":"Chile","aligned_with":"Peru","on_behalf_of":null,
            "excerpt":{"statement":1,"start":0,"end":3,"text":"abc","paragraph":null}}"#;
        let a: Alignment = serde_json::from_str(json).unwrap();
        assert!(a.resolved);
        assert_eq!(a.aligned_with_role, Role::Unknown);
    }

    #[test]
    fn what_is_not_an_alignment() {
        for text in [
            "We do not align with the EU statement.",
            "We cannot align ourselves with the statement by Cuba.",
            "We should align our scheduling with that of Brazil.",
            "This will help align efforts with the needs of Kenya.",
            "Aligned with your guiding question, Cuba believes this.",
            "Remaining aligned with the broader framework of the African Union.",
            "We align ourselves with what was said by the UN.",
            "We align with almost everything that has been said.",
            "The non-aligned movement supports Cuba.",
            "In alignment with Egypt, we propose this.",
            "We realign our work with Japan.",
            "We associate ourselves with the Programme of Action.",
            "We align with the views expressed by many delegations.",
            "We endorse the proposal by Canada.",
            "We join the consensus on the report of Kenya.",
            "We join Peru in supporting the Programme of Action.",
            "We subscribe to the principles of the Charter of Brazil.",
            "Peru, to which we do not subscribe, made a statement.",
            "We support the proposal by Canada.",
            "We support the statement's call for a fund from Japan.",
            "We cannot support the statement by Egypt.",
            "We support Egypt.",
            "We identify threats from Egypt.",
            "We need to identify with Egypt the next steps.",
            "Egypt supports the proposal by Canada.",
            "We support the inclusion of the views of stakeholders, as proposed by Canada.",
            "We support the proposal outlined in the statement by Canada.",
            "We support neither the statement by Egypt nor that by Iran.",
            "If we support the statement by Egypt, we must act.",
            "We welcome that China supports the statement by the Russian Federation.",
            "We identify as a member of the African Group.",
            "We will identify with Egypt the next steps.",
            "In alignment with our priorities, we support, as we did at the previous session of this working group, the statement delivered by Tonga.",
        ] {
            assert!(aligned(text).is_empty(), "{text}: {:?}", aligned(text));
        }
    }

    fn agreed(text: &str) -> Vec<(String, AlignmentKind)> {
        let src = format!("Chair: Next speaker please.\nChile: {text}\n");
        alignments(&crate::parse(&src).unwrap())
            .into_iter()
            .map(|a| (a.aligned_with, a.kind))
            .collect()
    }

    #[test]
    fn saying_anothers_words_over_is_agreeing() {
        let agrees = |names: &[&str]| -> Vec<(String, AlignmentKind)> {
            names
                .iter()
                .map(|n| (n.to_string(), AlignmentKind::Agrees))
                .collect()
        };
        for (text, names) in [
            (
                "As Egypt said, we need a permanent mechanism.",
                &["Egypt"][..],
            ),
            (
                "As my colleague from the EU said, it must be inclusive.",
                &["European Union"],
            ),
            (
                "As our colleagues from Costa Rica have eloquently noted, consensus matters.",
                &["Costa Rica"],
            ),
            (
                "As France just illustrated, the text is balanced.",
                &["France"],
            ),
            (
                "We think, as was noted by Thailand, that capacity matters.",
                &["Thailand"],
            ),
            (
                "As stated by the distinguished delegation of Mexico, one track is enough.",
                &["Mexico"],
            ),
            (
                "Following what has been stated by Egypt, France and others, we stress the PoA.",
                &["Egypt", "France"],
            ),
            (
                "As the European Union and other delegations indicated, we can support it.",
                &["European Union"],
            ),
            (
                "This is, as my distinguished colleague from South Africa also mentioned, urgent.",
                &["South Africa"],
            ),
            ("As Egypt pointed out, the timeline is short.", &["Egypt"]),
            (
                "As Egypt noted this morning, the timeline is short.",
                &["Egypt"],
            ),
            (
                "In line with what Kenya said, we favour one track.",
                &["Kenya"],
            ),
        ] {
            assert_eq!(agreed(text), agrees(names), "{text}");
        }
        // An agreement hides no alignment with the same delegation.
        assert_eq!(
            agreed("As Nigeria noted, Chile aligns itself with the statement by Nigeria on behalf of the African Group."),
            [
                ("Nigeria".to_string(), AlignmentKind::Agrees),
                ("Nigeria".to_string(), AlignmentKind::Aligns)
            ]
        );
        // The group spoken for is no one agreed with.
        let behalf = |text: &str| -> Vec<(String, Option<String>)> {
            let src = format!("Chair: Next speaker please.\nChile: {text}\n");
            alignments(&crate::parse(&src).unwrap())
                .into_iter()
                .map(|a| (a.aligned_with, a.on_behalf_of))
                .collect()
        };
        for text in [
            "It is a burden, as Tonga noted on behalf of the Pacific Islands Forum.",
            "It is a burden, as Tonga pointed out on behalf of the Pacific Islands Forum.",
            "It is a burden, as stated by Tonga on behalf of the Pacific Islands Forum.",
        ] {
            assert_eq!(
                behalf(text),
                [(
                    "Tonga".to_string(),
                    Some("Pacific Islands Forum".to_string())
                )],
                "{text}"
            );
        }
        for text in [
            // Not a clause of comparison, not said, not agreed, not a
            // delegation, not by anyone named.
            "Countries such as Egypt said no.",
            "Many, as well as Egypt, noted it.",
            "As Egypt said, we disagree.",
            "As Egypt said?",
            "As Egypt has not said, the text is long.",
            "We object to what was said by Egypt.",
            "As the Chair said, we will proceed.",
            "As I said, we are ready.",
            "Egypt said that we should wait.",
            "As Egypt pointed to the text, we read it.",
            "As far as Egypt noted, it works.",
            "We cannot support what Egypt said.",
            "We do not endorse what was stated by Egypt.",
            "As soon as Egypt said this, the meeting was suspended.",
            "As Russia stated its position yesterday, we will respond.",
            "Some delegations support what Egypt said.",
            "As if Egypt said so, we proceed.",
            // An "as" more than ECHO_REACH bytes before the verb.
            "As in the long list of delegations that spoke this morning and yesterday in the plenary of this group, Egypt noted it.",
        ] {
            assert_eq!(agreed(text), [], "{text}");
        }
    }

    #[test]
    fn agreements_are_kept_of_their_own_kind() {
        let agrees = |names: &[&str]| -> Vec<(String, AlignmentKind)> {
            names
                .iter()
                .map(|n| (n.to_string(), AlignmentKind::Agrees))
                .collect()
        };
        for (text, want) in [
            ("We share the view expressed by South Africa, for instance, and we believe this.", &["South Africa"][..]),
            ("But we also agree with the speaker from the United Kingdom, who noted that the proposal by Canada is good.", &["United Kingdom"]),
            ("We agree with the speaker from the Russian Federation on one thing, we need to act.", &["Russian Federation"]),
            ("My delegation concurs with Egypt and Brazil.", &["Egypt", "Brazil"]),
            ("We fully share Egypt’s concerns.", &["Egypt"]),
            ("Chile shares the same view as Peru.", &["Peru"]),
            ("We agree with the statement made by Nigeria on behalf of the African Group.", &["Nigeria"]),
            ("We also share the concerns expressed by the Friends of the Chair.", &["Friends of the Chair"]),
            ("We share the concerns raised by Kenya.", &["Kenya"]),
            ("We agree with Egypt and thank Brazil for its leadership.", &["Egypt"]),
            ("We agree with many delegations, particularly Egypt and Brazil.", &["Egypt", "Brazil"]),
            ("We do agree with Japan.", &["Japan"]),
            ("We very much agree with Japan.", &["Japan"]),
            ("Chile agrees with Peru.", &["Peru"]),
            ("We agree with Egypt, Brazil, and Mexico.", &["Egypt", "Brazil", "Mexico"]),
            ("We agree with Egypt, Brazil, and the United Kingdom on this.", &["Egypt", "Brazil", "United Kingdom"]),
            ("We agree with Egypt, and Brazil supports Kenya.", &["Egypt"]),
            ("We agree with Egypt, and Brazil, for its part, supports Kenya.", &["Egypt"]),
            ("We agree with Egypt, and we thank Brazil.", &["Egypt"]),
            ("We share many of the concerns of Egypt.", &["Egypt"]),
            ("We share some of the views expressed by Japan.", &["Japan"]),
            ("We share all the concerns raised by Kenya.", &["Kenya"]),
            ("We share the concerns that Egypt raised.", &["Egypt"]),
            ("We share the views which the delegation of Japan expressed today.", &["Japan"]),
            ("We agree with the points that Brazil has made about Kenya.", &["Brazil"]),
            // A target that names someone is not read on.
            ("We share the concerns of Egypt that France raised.", &["Egypt"]),
        ] {
            assert_eq!(agreed(text), agrees(want), "{text}");
        }
        // The group spoken for, as for an alignment.
        let src =
            "Chile: We agree with the statement made by Nigeria on behalf of the African Group.\n";
        let a = &alignments(&crate::parse(src).unwrap())[0];
        assert_eq!(a.on_behalf_of.as_deref(), Some("African Group"));
        // An alignment and an agreement in one statement keep their kinds.
        assert_eq!(
            agreed("We align with the EU. We agree with Japan."),
            [
                ("European Union".to_string(), AlignmentKind::Aligns),
                ("Japan".to_string(), AlignmentKind::Agrees)
            ]
        );
    }

    #[test]
    fn what_is_not_an_agreement() {
        for text in [
            "We agree with the Chair's proposal to hold meetings.",
            "We agree with the proposal by Canada.",
            "We agree with the non-paper of France.",
            "We cannot agree with the concept of provisional participation for Egypt.",
            "We do not share the view expressed by Egypt.",
            "We would like to share our views on the statement by Egypt.",
            "We share with you the statement by Egypt.",
            "I agree with the majority view that the Russian Federation erred.",
            "We agree with you that Egypt is right.",
            "We agree with the large number of states that have argued with France.",
            "We agree to the statement by Egypt.",
            "The agreement with Egypt stands. Shared views of Japan.",
            "Egypt and France agreed with each other.",
            "We agree with this statement by Egypt.",
            "We share information about Egypt.",
            "We agree with the need to protect the critical infrastructure of Ukraine.",
            "We share the concerns over ransomware attacks against Costa Rica.",
            "We agree with the amendments proposed by Egypt.",
            "We agree with the modalities proposed by Canada and Chile.",
            "Can we agree with the Russian Federation that this is so?",
            "If we agree with Iran's premise, then we must act.",
            "We note that China agrees with the Russian Federation on this.",
            "We agree with neither Egypt nor France.",
            "We will share the points of contact list with Kenya.",
            "We share the concerns that Egypt is under attack.",
            "We share the concern that the Russian Federation has put critical infrastructure at risk.",
            "We agree with the assessment that Iran raised tensions in the region.",
            "We share many ideas with Egypt.",
        ] {
            assert!(agreed(text).is_empty(), "{text}: {:?}", agreed(text));
        }
    }

    /// Where an agreement's target ends, as the first match of each
    /// phrase found by a plain search, the least of them.
    #[test]
    fn agreement_targets_end_as_a_plain_search() {
        let plain = |low: &str| {
            let end = target_end(low, 0);
            AGREEMENT_TARGET_ENDS
                .iter()
                .filter_map(|p| {
                    low[..end]
                        .match_indices(p)
                        .map(|(i, _)| i)
                        .find(|&i| !(*p == " on " && low[i..].starts_with(" on behalf")))
                })
                .min()
                .unwrap_or(end)
        };
        let pieces = [
            " on ",
            " on behalf of ",
            " that ",
            ", ",
            ", and ",
            "egypt",
            " who",
            " whose ",
            ", we",
            ", i ",
            ", in ",
            ", as ",
            ", chair",
            ", mr",
            ", madam",
            " about ",
            " because ",
            " when ",
            " where ",
            ", particularly",
            ", especially",
            ", namely",
            " and would",
            "; ",
            " but ",
            "x",
            "é",
            " ",
        ];
        for low in crate::text::pieced_texts(&pieces, 4000, 9, 0x51ed_270b_27a5_3c4d) {
            // No name of one word in lower case: no list is read on.
            assert_eq!(agreement_target_end(&low, &low, 0), plain(&low), "{low:?}");
        }
    }

    #[test]
    fn older_json_reads_as_an_alignment() {
        let json = r#"{"statement":1,"speaker":"Chile","aligned_with":"Peru","on_behalf_of":null,
            "excerpt":{"statement":1,"start":0,"end":3,"text":"abc","paragraph":null}}"#;
        let a: Alignment = serde_json::from_str(json).unwrap();
        assert_eq!(a.kind, AlignmentKind::Aligns);
    }

    #[test]
    fn the_chair_aligns_with_no_one() {
        let s = crate::parse("Chair: We align ourselves with the EU.\n").unwrap();
        assert!(alignments(&s).is_empty());
    }

    #[test]
    fn the_excerpt_is_the_sentence() {
        let s = crate::parse("Chile: Good morning. Chile aligns with Peru. Thanks.\n").unwrap();
        let a = &alignments(&s)[0];
        assert_eq!(a.excerpt.text, "Chile aligns with Peru.");
        assert_eq!(
            &s.statements[0].text[a.excerpt.start..a.excerpt.end],
            a.excerpt.text
        );
    }
}

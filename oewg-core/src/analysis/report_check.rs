//! The report check (layout B): an AI-generated report held against its
//! own transcript.

use super::alignments::Alignment;
use super::proposals::{Proposal, ProposalMention, Stance};
use super::report_header::HeaderDisagreement;
use crate::model::{Role, Session};
use crate::speakers::resolve;
use serde::{Deserialize, Serialize};
// Lookups only, never iterated: a fast hasher cannot change the output.
use crate::speakers::FastHash;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A speaker whose report block gives another length than the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LengthMismatch {
    /// The speaker, as the block names them.
    pub speaker: String,
    /// The block's "Speech length", in words.
    pub report_words: u32,
    /// Words of the speaker's transcript turns.
    pub transcript_words: usize,
}

/// A name in the report that is no speaker of the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnmatchedName {
    /// The name as the report writes it.
    pub name: String,
    /// Where the report uses it: `speakers_list`, `speaker_block`,
    /// `agreements`, `differences`, `partial_agreements`, `agreed_with`,
    /// `differed_with`; each place once.
    pub places: Vec<String>,
}

/// An argument the report gives a speaker whose words in the transcript
/// use fewer than half of its title's key terms.
///
/// The speakers of one meeting share its subject's words ("stakeholder",
/// "participation"): an argument's title is told from another's by the
/// rest, so one shared word is no support. Held against arguments moved
/// to other speakers of the report seed, the test flags a quarter of them,
/// where one word used in any form flagged one in sixteen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnsupportedArgument {
    /// The speaker, as the block names them.
    pub speaker: String,
    /// The argument's title.
    pub argument: String,
    /// The title's key terms.
    pub key_terms: Vec<String>,
    /// The key terms the speaker never used, more than half of them. Read
    /// as empty from older JSON, where none of the key terms was used.
    #[serde(default)]
    pub missing_terms: Vec<String>,
}

/// What a report says of two speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Claim {
    /// They agreed ("Agreed with", an agreement listing both).
    Agreed,
    /// They differed ("Differed with").
    Differed,
}

/// How the transcript's stances on proposals stand against a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Finding {
    /// The transcript shows the opposite: the two took opposite sides on
    /// a proposal and the same side on none (for "agreed"), or the same
    /// side on a proposal and opposite sides on none (for "differed").
    /// Concerns are a side against, but two speakers' concerns are not
    /// the same side: they may be for opposite reasons. A side counts
    /// only where the speaker took it in a sentence that speaks of the
    /// claim's subject (a word starting as one of the subject's key
    /// terms does): sides on the Chair's whole paper say nothing of
    /// agreeing on one of its questions.
    Contradicted,
    /// The two never took a side on the same proposal speaking of the
    /// claim's subject: the transcript's proposals neither bear the claim
    /// out nor contradict it; and, for "agreed", neither said of that
    /// subject that it agrees or aligns with the other, or with the group
    /// the other spoke for (which, with no side on a proposal either way,
    /// bears an "agreed" claim out).
    NoEvidence,
}

/// Where two speakers stand on one proposal in the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StanceEvidence {
    /// The proposal's id ([`crate::analysis::Proposal::id`]).
    pub proposal: String,
    /// The first speaker's stance on it: support or against by the most
    /// frequent side of its mentions, and against is `concern` when its
    /// concerns outnumber its oppositions, else `oppose`.
    pub speaker_stance: Stance,
    /// The statements where the first speaker takes it.
    pub speaker_statements: Vec<usize>,
    /// The other speaker's stance.
    pub other_stance: Stance,
    /// The statements where the other takes it.
    pub other_statements: Vec<usize>,
}

/// A claim of the report about two speakers that the stances extracted
/// from its transcript do not bear out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StanceDisagreement {
    /// One speaker, as the report names them.
    pub speaker: String,
    /// The other, as the report names them.
    pub other: String,
    /// What the report says of them.
    pub claim: Claim,
    /// On what, as the report says ("Stakeholder participation").
    pub on: Option<String>,
    /// Where the report says it: `agreed_with`, `differed_with` (a
    /// speaker block's argument) or `agreements`.
    pub place: String,
    /// The argument the claim belongs to, for `agreed_with` and
    /// `differed_with`.
    pub argument: Option<String>,
    /// What the transcript shows.
    pub finding: Finding,
    /// The proposals that show it: where the two take opposite sides
    /// (for a contradicted agreement) or the same side (for a
    /// contradicted difference); empty for [`Finding::NoEvidence`].
    pub evidence: Vec<StanceEvidence>,
    /// For a difference that no side on a proposal shows: where one of
    /// the two says, of the claim's subject, that it agrees or aligns
    /// with the other ("in a vein to what was said by Mexico and El
    /// Salvador"), which contradicts it.
    #[serde(default)]
    pub agreement: Option<Alignment>,
}

/// What the report says against what its transcript shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportCheck {
    /// In the "Speakers" list, never heard in the transcript.
    pub listed_not_heard: Vec<String>,
    /// Heard in the transcript, in neither the "Speakers" nor the
    /// "Additional speakers" list.
    pub heard_not_listed: Vec<String>,
    /// Speaker blocks whose "Speech length" is not the transcript's count.
    pub length_mismatches: Vec<LengthMismatch>,
    /// Speaker blocks checked for length.
    pub blocks_checked: usize,
    /// Names in the blocks, agreements, differences and "Agreed with /
    /// Differed with" lists that are no speaker of the transcript.
    pub names_not_heard: Vec<UnmatchedName>,
    /// Arguments whose key terms the speaker mostly never used: fewer
    /// than half of them ([`UnsupportedArgument`]).
    pub unsupported_arguments: Vec<UnsupportedArgument>,
    /// Arguments checked for key terms.
    pub arguments_checked: usize,
    /// Claims of agreement and difference between two speakers (the
    /// blocks' "Agreed with" and "Differed with", and the agreements)
    /// that the stances on proposals in the transcript contradict or do
    /// not show, each pair and claim once. An "agreed with" claim with no
    /// side on a proposal either way is also borne out where either of the
    /// two says, of the claim's subject, that it agrees or aligns with the
    /// other ("we agree with the speaker from …": an [`Alignment`]), in a
    /// sentence that uses a key term of the claim's subject or argument;
    /// a "differed with" claim is contradicted by it
    /// ([`StanceDisagreement::agreement`]).
    #[serde(default)]
    pub stance_disagreements: Vec<StanceDisagreement>,
    /// Claims about two speakers heard in the transcript, checked against
    /// their stances.
    #[serde(default)]
    pub stance_claims_checked: usize,
    /// Facts of the report's header (the session, the meeting, the time
    /// of day, the agenda item) that the Chair's opening words in the
    /// transcript contradict ([`crate::analysis::HeaderDisagreement`]).
    #[serde(default)]
    pub header_disagreements: Vec<HeaderDisagreement>,
    /// Facts of the header that the Chair's opening also states, checked.
    #[serde(default)]
    pub header_facts_checked: usize,
}

/// Words that say nothing of an argument's subject.
const STOP: &[&str] = &[
    "support",
    "supports",
    "need",
    "needs",
    "importance",
    "important",
    "proposal",
    "proposals",
    "opposition",
    "concern",
    "concerns",
    "should",
    "must",
    "with",
    "from",
    "into",
    "about",
    "their",
    "there",
    "which",
    "while",
    "within",
    "between",
    "through",
    "other",
    "more",
    "less",
    "than",
    "that",
    "this",
    "these",
    "those",
    "such",
    "without",
    "over",
    "under",
    "against",
    "call",
    "calls",
    "emphasis",
    "focus",
    "role",
    "approach",
    "ensure",
    "ensuring",
    "current",
    "future",
    "based",
    "process",
    "issues",
    "issue",
    "work",
    "also",
];

/// Key terms share this many leading letters with a transcript word to
/// count as used: "thematic" finds "thematic", "groups" finds "group".
const STEM: usize = 5;

/// Checks a report against its own transcript; `None` for a session that
/// is not a report.
///
/// Speakers are compared by canonical name, so "Pacific Islands Forum –
/// Tonga" in a list is Tonga's turn in the transcript.
///
/// ```
/// let s = oewg_core::parse(include_str!("../../tests/fixtures/report.txt")).unwrap();
/// let check = oewg_core::analysis::report_check(&s).unwrap();
/// assert_eq!(check.blocks_checked, s.report.as_ref().unwrap().speakers.len());
/// assert!(oewg_core::analysis::report_check(&oewg_core::parse("Chair: Hi.\n").unwrap()).is_none());
/// ```
pub fn report_check(session: &Session) -> Option<ReportCheck> {
    session.report.as_ref()?;
    report_check_with(
        session,
        &super::proposals::proposals(session),
        &super::alignments::alignments(session),
    )
}

/// [`report_check`] with the session's proposals and alignments already
/// extracted, as [`crate::analysis::analyze`] has them: the statements are
/// read once.
pub(crate) fn report_check_with<'a>(
    session: &'a Session,
    proposals: &'a [Proposal],
    alignments: &'a [Alignment],
) -> Option<ReportCheck> {
    let report = session.report.as_ref()?;
    // Room for the names of a session (a report's few dozen speakers),
    // so that the maps are not rebuilt as they grow.
    let mut keys = Keys {
        by_name: HashMap::with_capacity_and_hasher(64, FastHash::default()),
        by_key: HashMap::with_capacity_and_hasher(64, FastHash::default()),
        ..Keys::default()
    };
    // By key: the transcript words and the statements of each speaker
    // heard.
    let mut heard: Vec<Option<(usize, Vec<usize>)>> = Vec::new();
    let mut heard_order: Vec<usize> = Vec::new();
    // Positions, not `Statement::index`: a session a caller filtered has
    // indices that are no positions, and these index the statements.
    for (i, st) in session.statements.iter().enumerate() {
        let k = keys.of(&st.speaker.label);
        if heard.len() <= k {
            heard.resize(k + 1, None);
        }
        let entry = heard[k].get_or_insert_with(|| {
            heard_order.push(k);
            (0, Vec::new())
        });
        entry.0 += st.word_count;
        entry.1.push(i);
    }
    let is_heard = |k: usize| heard.get(k).is_some_and(Option::is_some);
    let mut check = ReportCheck::default();
    let mut listed: Vec<bool> = Vec::new();
    for l in report
        .speakers_list
        .iter()
        .chain(&report.additional_speakers)
    {
        let k = keys.of(&l.name);
        if listed.len() <= k {
            listed.resize(k + 1, false);
        }
        listed[k] = true;
    }
    for l in &report.speakers_list {
        if !is_heard(keys.of(&l.name)) {
            check.listed_not_heard.push(l.name.clone());
        }
    }
    for &k in &heard_order {
        if !listed.get(k).copied().unwrap_or(false) {
            check.heard_not_listed.push(keys.keys[k].clone());
        }
    }
    let mut unmatched: Vec<UnmatchedName> = Vec::new();
    let mut unmatched_at: HashMap<&str, usize, FastHash> = HashMap::default();
    let mut note = |k: usize, name: &'a str, place: &str| {
        if is_heard(k) {
            return;
        }
        match unmatched_at.get(name) {
            Some(&i) => {
                let u = &mut unmatched[i];
                if !u.places.iter().any(|p| p == place) {
                    u.places.push(place.to_string());
                }
            }
            None => {
                unmatched_at.insert(name, unmatched.len());
                unmatched.push(UnmatchedName {
                    name: name.to_string(),
                    places: vec![place.to_string()],
                });
            }
        }
    };
    // The claims about two speakers, with their keys, gathered as the
    // names are noted: each name is looked up once.
    struct Said<'a> {
        speaker: &'a str,
        other: &'a str,
        keys: (usize, usize),
        claim: Claim,
        on: Option<&'a str>,
        place: &'static str,
        argument: Option<&'a str>,
    }
    let mut said: Vec<Said> = Vec::new();
    for block in &report.speakers {
        let me = keys.of(&block.name);
        note(me, &block.name, "speaker_block");
        for arg in &block.arguments {
            for (names, claim, on, place) in [
                (
                    &arg.agreed_with,
                    Claim::Agreed,
                    &arg.agreed_on,
                    "agreed_with",
                ),
                (
                    &arg.differed_with,
                    Claim::Differed,
                    &arg.differed_on,
                    "differed_with",
                ),
            ] {
                for n in names {
                    let other = keys.of(n);
                    note(other, n, place);
                    said.push(Said {
                        speaker: &block.name,
                        other: n,
                        keys: (me, other),
                        claim,
                        on: on.as_deref(),
                        place,
                        argument: Some(&arg.title),
                    });
                }
            }
        }
    }
    let mut of_view: Vec<usize> = Vec::new();
    for (place, viewpoints) in [
        ("agreements", &report.agreements.viewpoints),
        ("differences", &report.differences.viewpoints),
        ("partial_agreements", &report.partial_agreements),
    ] {
        for v in viewpoints {
            of_view.clear();
            for n in &v.speakers {
                let k = keys.of(n);
                note(k, n, place);
                of_view.push(k);
            }
            if place != "agreements" {
                continue;
            }
            for (i, a) in v.speakers.iter().enumerate() {
                for (j, b) in v.speakers.iter().enumerate().skip(i + 1) {
                    said.push(Said {
                        speaker: a,
                        other: b,
                        keys: (of_view[i], of_view[j]),
                        claim: Claim::Agreed,
                        on: Some(&v.point),
                        place: "agreements",
                        argument: None,
                    });
                }
            }
        }
    }
    check.names_not_heard = unmatched;
    // The key terms of a block's arguments, lower case, one after another
    // in one string (no string for each term): `spans[i]` are the terms
    // of the block's argument `i`, `terms[j]` where term `j` lies.
    let mut text = String::new();
    let mut terms: Vec<std::ops::Range<usize>> = Vec::new();
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    // Whether each stem of a block is used, once searched for.
    let mut used: Vec<Option<bool>> = Vec::new();
    for block in &report.speakers {
        let k = keys.of(&block.name);
        let Some(Some((words, statements))) = heard.get(k) else {
            continue;
        };
        if let Some(len) = block.speech_length_words {
            check.blocks_checked += 1;
            if usize::try_from(len).ok() != Some(*words) {
                check.length_mismatches.push(LengthMismatch {
                    speaker: block.name.clone(),
                    report_words: len,
                    transcript_words: *words,
                });
            }
        }
        text.clear();
        terms.clear();
        spans.clear();
        for a in &block.arguments {
            let from = terms.len();
            key_terms_into(&a.title, &mut text, &mut terms);
            spans.push(from..terms.len());
        }
        // The stems the block's arguments need, each looked for once in the
        // speaker's words (a word that starts with a stem uses it). Stems
        // are lower case; a word may start with a capital.
        let mut stems: Vec<&str> = terms.iter().map(|t| stem(&text[t.clone()])).collect();
        stems.sort_unstable();
        stems.dedup();
        // Each stem searched for as written and capitalised, over each of
        // the speaker's statements: a few vectorised scans of text the size
        // of one speaker's words. Only when an argument asks, and once:
        // arguments of one speaker share many terms.
        used.clear();
        used.resize(stems.len(), None);
        let mut is_used = |t: &str| {
            let Ok(k) = stems.binary_search(&stem(t)) else {
                return false;
            };
            *used[k].get_or_insert_with(|| {
                let texts = statements
                    .iter()
                    .map(|&i| session.statements[i].text.as_str());
                stem_used(texts, stems[k])
            })
        };
        for (arg, span) in block.arguments.iter().zip(&spans) {
            let of_arg = || terms[span.clone()].iter().map(|t| &text[t.clone()]);
            if span.is_empty() {
                continue;
            }
            check.arguments_checked += 1;
            let missing: Vec<&str> = of_arg().filter(|t| !is_used(t)).collect();
            // Fewer than half used: more than half missing.
            if 2 * missing.len() > span.len() {
                check.unsupported_arguments.push(UnsupportedArgument {
                    speaker: block.name.clone(),
                    argument: arg.title.clone(),
                    key_terms: of_arg().map(str::to_string).collect(),
                    missing_terms: missing.into_iter().map(str::to_string).collect(),
                });
            }
        }
    }
    // Each speaker's side on each proposal: +1 for, -1 against (oppose
    // or concern), by the most frequent side of its mentions; of those
    // against, how many oppose.
    // By speaker, then proposal: a pair of speakers is compared by walking
    // one speaker's proposals, not by looking every proposal up twice.
    let mut sides: Vec<Sides> = Vec::new();
    // The mentions that take a side, by speaker and proposal: the claim's
    // subject is looked for in their sentences.
    let mut taken: HashMap<(usize, usize), Vec<&ProposalMention>, FastHash> = HashMap::default();
    for (k, p) in proposals.iter().enumerate() {
        for m in &p.mentions {
            let who = keys.of(&m.speaker);
            if sides.len() <= who {
                sides.resize_with(who + 1, Sides::new);
            }
            let e = sides[who].entry(k).or_default();
            match m.stance {
                Stance::Support => e.0 += 1,
                Stance::Oppose => (e.1, e.2) = (e.1 + 1, e.2 + 1),
                Stance::Concern => e.1 += 1,
                Stance::Neutral | Stance::Reference => continue,
            }
            taken.entry((who, k)).or_default().push(m);
            if e.3.last() != Some(&m.statement) {
                e.3.push(m.statement);
            }
        }
    }
    // Who said they align or agree with whom, either way round, with the
    // sentence that says it: an "agreed with" claim is borne out by it.
    // One with a group is one with whoever spoke for it here too: "we
    // agree with the Pacific Island Forum" is said of "Pacific Islands
    // Forum – Tonga", Tonga's turn.
    // By group, the speakers who spoke for it, each once (a set and a
    // map: a long session has many turns, and many alignments).
    let mut spoke_for: HashMap<&str, Vec<usize>, FastHash> = HashMap::default();
    let mut seen_for: HashSet<(usize, &str), FastHash> = HashSet::default();
    for st in &session.statements {
        if let Some(g) = st.speaker.on_behalf_of.as_deref() {
            let k = keys.of(&st.speaker.label);
            if seen_for.insert((k, g)) {
                spoke_for.entry(g).or_default().push(k);
            }
        }
    }
    // Each pair with the alignment that says it.
    let mut said_with: Vec<((usize, usize), &Alignment)> = Vec::with_capacity(alignments.len());
    for al in alignments {
        let (x, y) = (keys.of(&al.speaker), keys.of(&al.aligned_with));
        said_with.push(((x.min(y), x.max(y)), al));
        let for_group = spoke_for
            .get(al.aligned_with.as_str())
            .map_or(&[][..], Vec::as_slice);
        for &k in for_group.iter().filter(|&&k| k != x) {
            said_with.push(((x.min(k), x.max(k)), al));
        }
    }
    let mut done: HashSet<(usize, usize, bool), FastHash> = HashSet::default();
    let none = Sides::new();
    // The subject whose key terms `text` and `terms` hold.
    let mut read_for: Option<&str> = None;
    for c in said {
        let (a, b) = c.keys;
        if a == b || !is_heard(a) || !is_heard(b) {
            continue;
        }
        if !done.insert((a.min(b), a.max(b), c.claim == Claim::Agreed)) {
            continue;
        }
        check.stance_claims_checked += 1;
        // What the claim is about: its subject's words, else its
        // argument's; read only once the two share a proposal (most pairs
        // share none), and kept for the next claims on the same subject
        // (a block's claims come together).
        let subject = c.on.or(c.argument).unwrap_or("");
        let about = |text: &str, terms: &[std::ops::Range<usize>], m: &[&ProposalMention]| {
            terms.is_empty()
                || terms.iter().any(|t| {
                    stem_used(
                        m.iter().filter_map(|m| sentence_of(session, m)),
                        stem(&text[t.clone()]),
                    )
                })
        };
        let mut same = Vec::new();
        let mut opposite = Vec::new();
        let of_a = sides.get(a).unwrap_or(&none);
        let of_b = sides.get(b).unwrap_or(&none);
        // In the order of the proposals, as `of_a` is kept.
        for (&k, ea) in of_a {
            let Some(eb) = of_b.get(&k) else { continue };
            let (Some(x), Some(y)) = (side(ea), side(eb)) else {
                continue;
            };
            // A side on a proposal is evidence on the claim's subject only
            // where both speakers took it speaking of that subject: two
            // sides on the Chair's whole paper say nothing of agreeing on
            // one of its questions.
            if read_for != Some(subject) {
                text.clear();
                terms.clear();
                key_terms_into(subject, &mut text, &mut terms);
                read_for = Some(subject);
            }
            let on = |who| taken.get(&(who, k)).map_or(&[][..], Vec::as_slice);
            if !(about(&text, &terms, on(a)) && about(&text, &terms, on(b))) {
                continue;
            }
            let ev = StanceEvidence {
                proposal: proposals[k].id.clone(),
                speaker_stance: x.1,
                speaker_statements: x.2.clone(),
                other_stance: y.1,
                other_statements: y.2.clone(),
            };
            if x.0 != y.0 {
                opposite.push(ev);
            } else if x.0 > 0 || (x.1 == Stance::Oppose && y.1 == Stance::Oppose) {
                // Concerns are against for different reasons ("too
                // little for stakeholders", "too much"): two who both have
                // them need not have agreed.
                same.push(ev);
            }
        }
        // "We agree with the speaker from …", said of the claim's subject
        // by either of the two of the other: they agreed, where no side
        // on a proposal says otherwise (a contradiction stays listed);
        // so an agreement is borne out, and a difference contradicted.
        let aloud = (same.is_empty() && opposite.is_empty())
            .then(|| {
                said_with.iter().find(|&&(pair, al)| {
                    if pair != (a.min(b), a.max(b)) {
                        return false;
                    }
                    let sentence = al.excerpt.text.as_str();
                    if read_for != Some(subject) {
                        text.clear();
                        terms.clear();
                        key_terms_into(subject, &mut text, &mut terms);
                        read_for = Some(subject);
                    }
                    let uses = |text: &str, terms: &[std::ops::Range<usize>]| {
                        terms
                            .iter()
                            .any(|t| stem_used(std::iter::once(sentence), stem(&text[t.clone()])))
                    };
                    if uses(&text, &terms) {
                        return true;
                    }
                    // Or of the argument's ("Need for flexibility on
                    // consensus" where the subject is "Decision-making
                    // process"): a pair says it rarely, so read here.
                    let (mut arg_text, mut arg_terms) = (String::new(), Vec::new());
                    if let Some(argument) = c.argument.filter(|&arg| arg != subject) {
                        key_terms_into(argument, &mut arg_text, &mut arg_terms);
                        if uses(&arg_text, &arg_terms) {
                            return true;
                        }
                    }
                    // A subject of no key terms ("PoA", "ICT"): any
                    // agreement of the two bears out that they agreed, but
                    // a difference is contradicted only by one said of
                    // words of the claim.
                    c.claim == Claim::Agreed && terms.is_empty()
                })
            })
            .flatten()
            .map(|&(_, al)| al);
        let (finding, evidence, agreement) = match (c.claim, aloud) {
            (Claim::Agreed, Some(_)) => continue,
            (Claim::Differed, Some(al)) => (Finding::Contradicted, Vec::new(), Some(al.clone())),
            _ if same.is_empty() && opposite.is_empty() => (Finding::NoEvidence, Vec::new(), None),
            (Claim::Agreed, _) if same.is_empty() => (Finding::Contradicted, opposite, None),
            (Claim::Differed, _) if opposite.is_empty() => (Finding::Contradicted, same, None),
            _ => continue,
        };
        check.stance_disagreements.push(StanceDisagreement {
            speaker: c.speaker.to_string(),
            other: c.other.to_string(),
            claim: c.claim,
            on: c.on.map(str::to_string),
            place: c.place.to_string(),
            argument: c.argument.map(str::to_string),
            finding,
            evidence,
            agreement,
        });
    }
    (check.header_disagreements, check.header_facts_checked) =
        super::report_header::header_check(session);
    Some(check)
}

/// The sentence of a mention, from its statement (found by index: the
/// statements of a filtered session are in order, but not numbered from
/// their positions).
fn sentence_of<'s>(session: &'s Session, m: &ProposalMention) -> Option<&'s str> {
    let sts = &session.statements;
    let st = sts
        .binary_search_by_key(&m.statement, |s| s.index)
        .ok()
        .map(|i| &sts[i])?;
    st.text.get(m.sentence.start..m.sentence.end)
}

/// Names resolved to canonical keys, each key known by its number, so
/// that speakers are compared, counted and paired by number. Labels
/// repeat: each is resolved once. Speakers are compared by canonical
/// name, so "Pacific Islands Forum – Tonga" in a list is Tonga's turn in
/// the transcript.
#[derive(Default)]
struct Keys<'a> {
    /// A name as written -> the number of its key.
    by_name: HashMap<&'a str, usize, FastHash>,
    /// A key -> its number.
    by_key: HashMap<String, usize, FastHash>,
    /// The keys by number.
    keys: Vec<String>,
    /// The last two names asked for and their keys: names come in runs
    /// (a block's name with each name it agreed with, a speaker's
    /// mentions of a proposal), and comparing costs less than hashing.
    recent: [Option<(&'a str, usize)>; 2],
}

impl<'a> Keys<'a> {
    /// The number of `name`'s key: its canonical name, or for a speaker
    /// the registry does not know, the name itself in lower case.
    fn of(&mut self, name: &'a str) -> usize {
        for (n, k) in self.recent.iter().flatten() {
            if *n == name {
                return *k;
            }
        }
        let k = self.lookup(name);
        self.recent = [Some((name, k)), self.recent[0]];
        k
    }

    /// [`Keys::of`] without the two recent names.
    fn lookup(&mut self, name: &'a str) -> usize {
        if let Some(&k) = self.by_name.get(name) {
            return k;
        }
        let canonical = canonical_key(name);
        let k = match self.by_key.get(&canonical) {
            Some(&k) => k,
            None => {
                self.by_key.insert(canonical.clone(), self.keys.len());
                self.keys.push(canonical);
                self.keys.len() - 1
            }
        };
        self.by_name.insert(name, k);
        k
    }
}

/// The key a name is compared by: its canonical name, or for a speaker the
/// registry does not know, the name itself in lower case.
fn canonical_key_of(name: &str) -> String {
    let s = resolve(name);
    match (s.role, s.name) {
        (Role::Unknown | Role::Stakeholder, _) | (_, None) => name.trim().to_lowercase(),
        (_, Some(n)) => n.into_owned(),
    }
}

/// [`canonical_key_of`], kept from session to session (see
/// [`crate::speakers::kept_name_key`]): resolving a name the registry does
/// not know, by sound, costs far more than a look-up.
pub(crate) fn canonical_key(name: &str) -> String {
    thread_local! {
        static KEYS: crate::speakers::NameKeys = std::cell::RefCell::default();
    }
    crate::speakers::kept_name_key(&KEYS, name, canonical_key_of)
}

/// A speaker's mentions of each proposal, by the proposal's index: how
/// many for it, how many against (oppose or concern), how many of those
/// oppose, and the statements that take a side.
type Sides = BTreeMap<usize, (i32, i32, i32, Vec<usize>)>;

/// A speaker's side on a proposal from the count of mentions for and
/// against it: +1 and support; -1 and oppose, or concern when concerns
/// are more than oppositions; none for a tie.
fn side((f, a, o, st): &(i32, i32, i32, Vec<usize>)) -> Option<(i32, Stance, &Vec<usize>)> {
    match f.cmp(a) {
        std::cmp::Ordering::Greater => Some((1, Stance::Support, st)),
        std::cmp::Ordering::Less if 2 * o >= *a => Some((-1, Stance::Oppose, st)),
        std::cmp::Ordering::Less => Some((-1, Stance::Concern, st)),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether one of `texts` holds `st`, as written or with its first ASCII
/// letter capitalised, where no letter or digit comes just before it. A
/// stem that starts with a lower-case ASCII letter is searched for once,
/// without that letter, and the byte before each find told apart: one
/// searcher and one pass over the texts instead of two.
fn stem_used<'t>(texts: impl Iterator<Item = &'t str>, st: &str) -> bool {
    let starts_word = |text: &str, at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    let mut texts = texts;
    match st.as_bytes() {
        &[first, ref rest @ ..] if first.is_ascii_lowercase() => {
            let cap = first.to_ascii_uppercase();
            let finder = memchr::memmem::Finder::new(rest);
            texts.any(|text| {
                let bytes = text.as_bytes();
                finder.find_iter(bytes).any(|p| {
                    p >= 1
                        && (bytes[p - 1] == first || bytes[p - 1] == cap)
                        && starts_word(text, p - 1)
                })
            })
        }
        // Any other stem is its own capitalised form.
        _ => texts.any(|text| {
            memchr::memmem::find_iter(text.as_bytes(), st.as_bytes())
                .any(|at| starts_word(text, at))
        }),
    }
}

/// The first [`STEM`] characters of a word (all of a shorter one), as a
/// slice of it: no copy for each of the many terms.
fn stem(word: &str) -> &str {
    word.char_indices()
        .nth(STEM)
        .map_or(word, |(at, _)| &word[..at])
}

/// The words of a title that carry its subject ([`key_terms`]), appended
/// in lower case to `text`, with where each lies pushed to `terms`: no
/// string is made for each word.
fn key_terms_into(title: &str, text: &mut String, terms: &mut Vec<std::ops::Range<usize>>) {
    static STOPS: std::sync::OnceLock<HashSet<&'static str, FastHash>> = std::sync::OnceLock::new();
    let stops = STOPS.get_or_init(|| STOP.iter().copied().collect());
    let first = terms.len();
    for w in title.split(|c: char| !c.is_alphanumeric()) {
        // An ASCII word's lower case is as long: the short words (most,
        // and every empty piece between two marks) are passed over before
        // a lower-case copy is made.
        if w.is_ascii() && w.len() < 4 {
            continue;
        }
        let at = text.len();
        if w.is_ascii() {
            text.push_str(w);
            text[at..].make_ascii_lowercase();
        } else {
            text.push_str(&w.to_lowercase());
        }
        let lower = &text[at..];
        let seen = || terms[first..].iter().any(|t| text[t.clone()] == *lower);
        // An ASCII word here has four letters or more.
        let long = w.is_ascii() || lower.chars().count() >= 4;
        if long && !stops.contains(lower) && !seen() {
            terms.push(at..text.len());
        } else {
            text.truncate(at);
        }
    }
}

display_serde_name!(Claim, Finding);
from_serde_name!(Claim, Finding);

/// The words of a title that carry its subject: four letters or more, not
/// a word of stance or grammar.
#[cfg(test)]
fn key_terms(title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    static STOPS: std::sync::OnceLock<HashSet<&'static str, FastHash>> = std::sync::OnceLock::new();
    let stops = STOPS.get_or_init(|| STOP.iter().copied().collect());
    for w in title.split(|c: char| !c.is_alphanumeric()) {
        // An ASCII word's lower case is as long: the short words (most,
        // and every empty piece between two marks) are passed over before
        // a lower-case copy is made.
        if w.is_ascii() && w.len() < 4 {
            continue;
        }
        let w = w.to_lowercase();
        if w.chars().count() >= 4 && !stops.contains(w.as_str()) && !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_keys_are_the_keys() {
        let names: Vec<String> = (0..crate::speakers::KEPT_NAME_KEYS + 100)
            .map(|i| format!(" Delegate{} of Chile ", i % 977))
            .chain(
                [
                    "Czechia",
                    "Saudia Arabia",
                    "",
                    " Peru ",
                    "Pacific Islands Forum – Tonga",
                ]
                .map(String::from),
            )
            .collect();
        for _ in 0..2 {
            for n in &names {
                assert_eq!(canonical_key(n), canonical_key_of(n), "{n:?}");
            }
        }
    }

    #[test]
    fn one_search_finds_the_stem_in_either_case() {
        // The search of `report_check_with` against searching the stem as
        // written and capitalised.
        let old = |text: &str, st: &str| {
            let mut cap = st.to_string();
            if let Some(c) = cap.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            [st, cap.as_str()].iter().any(|needle| {
                memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).any(|at| {
                    text[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
            })
        };
        let texts = [
            "Thematic groups.",
            "the thematic",
            "xthematic",
            "éthematic",
            "-Thematic",
            "THEMATIC",
            "them",
            "",
            "9thema",
            "’thema",
        ];
        for text in texts {
            for st in ["thema", "Thema", "éthem", "9the", "hema", "t", "x"] {
                let got = stem_used([text].into_iter(), st);
                assert_eq!(got, old(text, st), "{text:?} {st:?}");
            }
        }
    }

    #[test]
    fn a_stem_is_the_first_characters() {
        for w in [
            "thematic",
            "group",
            "grou",
            "",
            "élémentaire",
            "naïve",
            "ab😀cdef",
        ] {
            assert_eq!(stem(w), w.chars().take(STEM).collect::<String>(), "{w}");
        }
    }

    #[test]
    fn key_terms_leave_out_stance() {
        assert_eq!(
            key_terms("Support for a limited number of thematic groups"),
            ["limited", "number", "thematic", "groups"]
        );
        assert!(key_terms("Need for it").is_empty());
    }

    #[test]
    fn key_terms_in_one_string_are_the_key_terms() {
        let pieces = [
            "Support",
            "for",
            "the",
            "thematic",
            "Thematic",
            "groups",
            "GROUPS",
            " ",
            ", ",
            "-",
            "of",
            "need",
            "Need",
            "UN",
            "Étude",
            "ÉTUDE",
            "naïve",
            "İstanbul",
            "ß",
            "Straße",
            "x",
            "1234",
            "cyber-security",
            "—",
            "’s",
            "future",
            "über",
            "Ab😀cdef",
        ];
        let mut text = String::new();
        let mut terms = Vec::new();
        for title in crate::text::pieced_texts(&pieces, 2000, 12, 0x5eed) {
            // Each title after others, as the terms of a block's
            // arguments are kept.
            let from = terms.len();
            key_terms_into(&title, &mut text, &mut terms);
            let got: Vec<&str> = terms[from..].iter().map(|t| &text[t.clone()]).collect();
            assert_eq!(got, key_terms(&title), "{title:?}");
            if text.len() > 4000 {
                text.clear();
                terms.clear();
            }
        }
    }

    /// The fixture with its two speakers' stances on the Programme of
    /// Action, each said of the claims' subject ("On funding, …").
    fn with_stances(chair: &str, utopia: &str) -> ReportCheck {
        with_sentences(&on_funding(chair), &on_funding(utopia))
    }

    /// `sentence` said of funding, the subject the fixture's report gives
    /// its claims.
    fn on_funding(sentence: &str) -> String {
        match sentence {
            "Good." => sentence.to_string(),
            _ => format!(
                "On funding, {}{}",
                &sentence[..1].to_lowercase(),
                &sentence[1..]
            ),
        }
    }

    /// The fixture with the two speakers' sentences added as written.
    fn with_sentences(chair: &str, utopia: &str) -> ReportCheck {
        let src = include_str!("../../tests/fixtures/report.txt")
            .replace(
                "Utopia, you have the floor.",
                &format!("{chair} Utopia, you have the floor."),
            )
            .replace("We need funds.", &format!("We need funds. {utopia}"));
        report_check(&crate::parse(&src).unwrap()).unwrap()
    }

    #[test]
    fn an_argument_needs_half_its_key_terms() {
        // Utopia says "Thank you, Chair. We need funds." An argument with
        // one of its words in four is unsupported; two in four are enough.
        let unsupported = |title: &str| {
            let mut s = crate::parse(include_str!("../../tests/fixtures/report.txt")).unwrap();
            let report = s.report.as_mut().unwrap();
            let block = report.speakers.iter_mut().find(|b| b.name == "Utopia");
            block.unwrap().arguments[0].title = title.into();
            let check = report_check(&s).unwrap();
            check
                .unsupported_arguments
                .into_iter()
                .find(|u| u.speaker == "Utopia")
                .map(|u| (u.key_terms, u.missing_terms))
        };
        assert_eq!(
            unsupported("Funds for zygomorphic xylophone quartets"),
            Some((
                vec![
                    "funds".into(),
                    "zygomorphic".into(),
                    "xylophone".into(),
                    "quartets".into()
                ],
                vec!["zygomorphic".into(), "xylophone".into(), "quartets".into()]
            ))
        );
        assert_eq!(unsupported("Funds for zygomorphic Chairs"), None);
        assert_eq!(
            unsupported("Funds for the Chair's xylophone quartets"),
            None
        );
    }

    #[test]
    fn sides_count_only_on_the_claims_subject() {
        // "Utopia agreed with the Chair on funding": opposite sides on a
        // proposal taken speaking of something else show nothing of it.
        let c = with_sentences(
            "We cannot support the Programme of Action.",
            "We support the Programme of Action.",
        );
        let d = &c.stance_disagreements[0];
        assert_eq!((d.claim, d.finding), (Claim::Agreed, Finding::NoEvidence));
        assert!(d.evidence.is_empty());
        // One of the two speaking of funding is not enough.
        let c = with_sentences(
            "We cannot support the Programme of Action.",
            "On funding, we support the Programme of Action.",
        );
        assert_eq!(c.stance_disagreements[0].finding, Finding::NoEvidence);
        // Both: contradicted. A word that starts as the subject's does
        // ("Funding" finds "funding", not "funds": five letters).
        let c = with_sentences(
            "We cannot support the Programme of Action and its funding.",
            "We support the Programme of Action and its Funding model.",
        );
        assert_eq!(c.stance_disagreements[0].finding, Finding::Contradicted);
    }

    #[test]
    fn stances_against_the_report_claims() {
        // "Utopia agreed with the Chair": contradicted when they take
        // opposite sides on a proposal, with the proposal as evidence.
        let c = with_stances(
            "We cannot support the Programme of Action.",
            "We support the Programme of Action.",
        );
        assert_eq!(c.stance_claims_checked, 1);
        let d = &c.stance_disagreements[0];
        assert_eq!((d.speaker.as_str(), d.other.as_str()), ("Utopia", "Chair"));
        assert_eq!((d.claim, d.finding), (Claim::Agreed, Finding::Contradicted));
        assert_eq!(d.on.as_deref(), Some("Funding"));
        assert_eq!(d.evidence[0].proposal, "programme-of-action");
        assert_eq!(
            (d.evidence[0].speaker_stance, d.evidence[0].other_stance),
            (Stance::Support, Stance::Oppose)
        );
        // The same side: the claim holds, nothing to list.
        let c = with_stances(
            "We welcome the Programme of Action.",
            "We support the Programme of Action.",
        );
        assert!(c.stance_disagreements.is_empty());
        // No proposal in common: listed, without evidence.
        let c = with_stances("Good.", "We support the Programme of Action.");
        assert_eq!(c.stance_disagreements[0].finding, Finding::NoEvidence);
        assert!(c.stance_disagreements[0].evidence.is_empty());
        // A concern is against: "agreed" is contradicted by support.
        let c = with_stances(
            "We have concerns about the Programme of Action.",
            "We support the Programme of Action.",
        );
        let d = &c.stance_disagreements[0];
        assert_eq!(d.finding, Finding::Contradicted);
        assert_eq!(
            (d.evidence[0].speaker_stance, d.evidence[0].other_stance),
            (Stance::Support, Stance::Concern)
        );
    }

    #[test]
    fn saying_so_bears_out_an_agreement() {
        // "Utopia agreed with the Chair on funding": Utopia says it agrees
        // with the Chair, of funding.
        let c = with_sentences("Good.", "On funding, we agree with the Chair.");
        assert_eq!(c.stance_claims_checked, 1);
        assert!(
            c.stance_disagreements.is_empty(),
            "{:?}",
            c.stance_disagreements
        );
        // Said of something else, it shows nothing of funding.
        let c = with_sentences("Good.", "On cables, we agree with the Chair.");
        assert_eq!(c.stance_disagreements[0].finding, Finding::NoEvidence);
        // Nor does agreeing with someone else.
        let c = with_sentences("Good.", "On funding, we agree with Peru.");
        assert_eq!(c.stance_disagreements[0].finding, Finding::NoEvidence);
        // Opposite sides on a proposal taken of funding still contradict
        // the claim: a sentence of agreement does not hide them.
        let c = with_stances(
            "We cannot support the Programme of Action.",
            "We support the Programme of Action. On funding, we agree with the Chair.",
        );
        assert_eq!(c.stance_disagreements[0].finding, Finding::Contradicted);
    }

    #[test]
    fn agreeing_with_a_group_is_agreeing_with_who_spoke_for_it() {
        // "Utopia agreed with the Chair on funding", where the Chair spoke
        // for the Pacific Islands Forum, as "Pacific Islands Forum – Tonga"
        // does for it.
        let check = |behalf: Option<&str>| {
            let src = include_str!("../../tests/fixtures/report.txt").replace(
                "We need funds.",
                "We need funds. On funding, we agree with the Pacific Islands Forum.",
            );
            let mut s = crate::parse(&src).unwrap();
            s.statements[0].speaker.on_behalf_of = behalf.map(str::to_string);
            report_check(&s).unwrap()
        };
        let c = check(Some("Pacific Islands Forum"));
        assert_eq!(c.stance_claims_checked, 1);
        assert!(
            c.stance_disagreements.is_empty(),
            "{:?}",
            c.stance_disagreements
        );
        // For no group, or another: no evidence.
        for behalf in [None, Some("African Group")] {
            let c = check(behalf);
            assert_eq!(c.stance_disagreements[0].finding, Finding::NoEvidence);
        }
    }

    #[test]
    fn an_agreement_said_contradicts_a_difference_only_of_the_claims_words() {
        // "Utopia differed with the Chair on <on>", and Utopia says it
        // agrees with the Chair in `said`.
        let differed = |on: &str, said: &str| {
            let src = include_str!("../../tests/fixtures/report.txt")
                .replace("Agreed with\n", "Differed with\n")
                .replace("Agreed on\n\nFunding\n", &format!("Differed on\n\n{on}\n"))
                .replace("We need funds.", &format!("We need funds. {said}"));
            let c = report_check(&crate::parse(&src).unwrap()).unwrap();
            c.stance_disagreements
                .into_iter()
                .find(|d| d.claim == Claim::Differed)
                .expect("the block's claim")
        };
        let d = differed("Funding", "On funding, we agree with the Chair.");
        assert_eq!(d.finding, Finding::Contradicted);
        let al = d.agreement.expect("the agreement said");
        assert_eq!(
            (al.speaker.as_str(), al.aligned_with.as_str()),
            ("Utopia", "Chair")
        );
        // Said of something else: no evidence either way.
        let d = differed("Funding", "On norms, we agree with the Chair.");
        assert_eq!((d.finding, d.agreement), (Finding::NoEvidence, None));
        // A subject of no key terms ("PoA"): an agreement on anything
        // contradicts no difference.
        let d = differed("PoA", "On norms, we agree with the Chair.");
        assert_eq!(d.on.as_deref(), Some("PoA"));
        assert_eq!((d.finding, d.agreement), (Finding::NoEvidence, None));
    }

    #[test]
    fn shared_concerns_are_no_shared_side() {
        // "Utopia differed with the Chair".
        let differed = |chair: &str, utopia: &str| {
            let src = include_str!("../../tests/fixtures/report.txt")
                .replace("Agreed with\n", "Differed with\n")
                .replace(
                    "Utopia, you have the floor.",
                    &format!("{} Utopia, you have the floor.", on_funding(chair)),
                )
                .replace(
                    "We need funds.",
                    &format!("We need funds. {}", on_funding(utopia)),
                );
            let c = report_check(&crate::parse(&src).unwrap()).unwrap();
            // The block's claim; the fixture's agreements say "agreed".
            c.stance_disagreements
                .into_iter()
                .find(|d| d.claim == Claim::Differed)
        };
        // Both oppose: the difference is contradicted.
        let d = differed(
            "We cannot support the Programme of Action.",
            "We oppose the Programme of Action.",
        );
        assert_eq!(d.unwrap().finding, Finding::Contradicted);
        // Both have concerns, or one concerns and one opposes: they may
        // be against for opposite reasons, so nothing shows either way.
        for (chair, utopia) in [
            (
                "We have concerns about the Programme of Action.",
                "The Programme of Action is insufficient.",
            ),
            (
                "We cannot support the Programme of Action.",
                "We have concerns about the Programme of Action.",
            ),
        ] {
            let d = differed(chair, utopia).unwrap();
            assert_eq!(d.finding, Finding::NoEvidence, "{chair} / {utopia}");
        }
        // Support against a concern bears the difference out.
        let d = differed(
            "We support the Programme of Action.",
            "We have concerns about the Programme of Action.",
        );
        assert_eq!(d, None);
    }

    #[test]
    fn the_fixture_report_against_its_transcript() {
        let src = include_str!("../../tests/fixtures/report.txt");
        let mut s = crate::parse(src).unwrap();
        let before = report_check(&s).unwrap();
        assert_eq!(before.length_mismatches, []);
        assert_eq!(before.blocks_checked, 2);
        assert_eq!(before.listed_not_heard, Vec::<String>::new());
        // "Atlantis" is agreed with but never speaks.
        assert_eq!(before.names_not_heard.len(), 1);
        assert_eq!(before.names_not_heard[0].name, "Atlantis");
        assert_eq!(before.names_not_heard[0].places, ["agreed_with"]);
        // Make one block lie about its length and one argument foreign.
        let report = s.report.as_mut().unwrap();
        let block = &mut report.speakers[0];
        let name = block.name.clone();
        let len = block.speech_length_words.unwrap_or(0);
        block.speech_length_words = Some(len + 7);
        block.arguments[0].title = "Zygomorphic xylophones".into();
        report.speakers_list.push(crate::ListedSpeaker {
            name: "Narnia".into(),
            description: None,
        });
        let check = report_check(&s).unwrap();
        assert_eq!(check.length_mismatches.len(), 1);
        assert_eq!(check.length_mismatches[0].speaker, name);
        assert_eq!(check.length_mismatches[0].report_words, len + 7);
        let foreign: Vec<_> = check
            .unsupported_arguments
            .iter()
            .filter(|u| u.speaker == name && u.argument == "Zygomorphic xylophones")
            .collect();
        assert_eq!(foreign.len(), 1);
        assert_eq!(foreign[0].key_terms, ["zygomorphic", "xylophones"]);
        assert_eq!(foreign[0].missing_terms, ["zygomorphic", "xylophones"]);
        assert_eq!(check.listed_not_heard, ["Narnia"]);
        // Utopia heard but no longer listed: named by its key (lower case,
        // as the registry does not know it).
        let report = s.report.as_mut().unwrap();
        report.speakers_list.retain(|l| l.name != "Utopia");
        assert_eq!(report_check(&s).unwrap().heard_not_listed, ["utopia"]);
    }
}

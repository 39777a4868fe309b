//! Proposals: what delegations put forward, who backs it and who resists
//! it. "The Canada-Chile proposal", "the proposal by Canada and Chile" and
//! "the non-paper of Canada and Chile" are one [`Proposal`] with Canada and
//! Chile as sponsors; every naming is a [`ProposalMention`] with the
//! [`Stance`] of the speaking delegation and the words that carry it.
//!
//! One pass of an Aho-Corasick automaton over each statement finds the
//! trigger words (proposal nouns, "we propose"); the sentence work runs
//! only around them, so the cost is linear in the text.

use super::text::{lower, sentences_at, words, Excerpt};
use crate::model::{Role, Session, Statement};
use crate::speakers::{mentions, Mention};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What kind of thing a proposal is.
///
/// ```
/// use oewg_core::analysis::ProposalKind;
/// assert_eq!(serde_json::to_string(&ProposalKind::NonPaper).unwrap(), "\"non_paper\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
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

/// One naming of a proposal in a statement.
///
/// ```
/// let s = oewg_core::parse(
///     "Peru: We cannot support the proposal by Canada and Chile.\n").unwrap();
/// let m = &s.analysis.proposals[0].mentions[0];
/// assert_eq!((m.statement, m.speaker.as_str()), (0, "Peru"));
/// assert_eq!(m.words.text, "proposal by Canada and Chile");
/// assert_eq!(m.sentence.text, "We cannot support the proposal by Canada and Chile.");
/// assert_eq!(m.stance, oewg_core::analysis::Stance::Oppose);
/// assert_eq!(m.cues[0].text, "cannot support");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposalMention {
    /// Index of the statement.
    pub statement: usize,
    /// The speaker, by canonical name (the label when not recognised).
    pub speaker: String,
    /// The words naming the proposal.
    pub words: Excerpt,
    /// The sentence holding them.
    pub sentence: Excerpt,
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
    /// Every mention, in order of statements.
    pub mentions: Vec<ProposalMention>,
}

/// The trigger words: proposal nouns and the verbs of a delegation's own
/// proposal. Matched ASCII case ignored, whole words only.
const TRIGGERS: &[&str] = &[
    "proposal",
    "proposals",
    "non-paper",
    "non paper",
    "nonpaper",
    "working paper",
    "discussion paper",
    "paper",
    "document",
    "programme of action",
    "program of action",
    "programme of actions",
    "poa",
    "template",
    "propose",
    "proposes",
];

/// Standing initiatives known by name: (lower-case names, id, canonical
/// name, kind).
const INITIATIVES: &[(&[&str], &str, &str, ProposalKind)] = &[(
    &[
        "programme of action",
        "program of action",
        "programme of actions",
        "poa",
    ],
    "programme-of-action",
    "Programme of Action",
    ProposalKind::Initiative,
)];

/// Stance cues: (lower-case word, stance). A cue counts when it is a
/// whole word of the sentence.
const CUES: &[(&str, Stance)] = &[
    ("support", Stance::Support),
    ("supports", Stance::Support),
    ("supported", Stance::Support),
    ("supporting", Stance::Support),
    ("supportive", Stance::Support),
    ("welcome", Stance::Support),
    ("welcomes", Stance::Support),
    ("welcomed", Stance::Support),
    ("endorse", Stance::Support),
    ("endorses", Stance::Support),
    ("back", Stance::Support),
    ("backs", Stance::Support),
    ("backed", Stance::Support),
    ("favour", Stance::Support),
    ("favor", Stance::Support),
    ("value", Stance::Support),
    ("appreciate", Stance::Support),
    ("co-sponsor", Stance::Support),
    ("co-sponsored", Stance::Support),
    ("oppose", Stance::Oppose),
    ("opposes", Stance::Oppose),
    ("opposed", Stance::Oppose),
    ("reject", Stance::Oppose),
    ("rejects", Stance::Oppose),
    ("unacceptable", Stance::Oppose),
    ("counterproductive", Stance::Oppose),
    ("concern", Stance::Concern),
    ("concerns", Stance::Concern),
    ("concerned", Stance::Concern),
    ("reservations", Stance::Concern),
    ("doubts", Stance::Concern),
    ("note", Stance::Neutral),
    ("noted", Stance::Neutral),
    ("notes", Stance::Neutral),
    ("study", Stance::Neutral),
    ("considered", Stance::Neutral),
    ("consider", Stance::Neutral),
    ("reviewed", Stance::Neutral),
    ("studied", Stance::Neutral),
];

/// Words that turn a cue around when one of the three words before it.
const NEGATIONS: &[&str] = &[
    "not", "cannot", "can't", "can’t", "don't", "don’t", "never", "unable", "no",
];

fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(TRIGGERS)
            .expect("a small fixed set of phrases")
    })
}

/// Every proposal of the session, in order of first mention.
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
    super::text::forget_paragraphs();
    let mut out: Vec<Proposal> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for st in &session.statements {
        statement_proposals(st, &mut out, &mut by_id);
    }
    out
}

/// A proposal as one naming identifies it.
struct Named {
    id: String,
    name: String,
    kind: ProposalKind,
    sponsors: Vec<String>,
    /// The words naming it, by offsets in the sentence.
    start: usize,
    end: usize,
}

fn speaker_name(st: &Statement) -> String {
    st.speaker
        .name
        .clone()
        .unwrap_or_else(|| st.speaker.label.clone())
}

fn statement_proposals(
    st: &Statement,
    out: &mut Vec<Proposal>,
    by_id: &mut HashMap<String, usize>,
) {
    let text = &st.text;
    let hits: Vec<(usize, usize)> = automaton()
        .find_iter(text)
        .filter(|m| whole_word(text, m.start(), m.end()))
        .map(|m| (m.start(), m.end()))
        .collect();
    if hits.is_empty() {
        return;
    }
    let speaker = speaker_name(st);
    for (a, b) in sentences_at(text, hits.iter().map(|h| h.0)) {
        let sentence = &text[a..b];
        let low = lower(sentence);
        let named = mentions(sentence);
        let local: Vec<(usize, usize)> = hits
            .iter()
            .filter(|h| h.0 >= a && h.1 <= b)
            .map(|&(s, e)| (s - a, e - a))
            .collect();
        let mut seen: Vec<String> = Vec::new();
        for (s, e) in local {
            let Some(n) = identify(st, &speaker, sentence, &low, &named, s, e) else {
                continue;
            };
            if seen.contains(&n.id) {
                continue;
            }
            seen.push(n.id.clone());
            let (stance, cues) = stance(&low, n.start, n.end);
            let cosponsors = cosponsor_count(&low);
            let mention = ProposalMention {
                statement: st.index,
                speaker: speaker.clone(),
                words: Excerpt::new(st, a + n.start, a + n.end),
                sentence: Excerpt::new(st, a, b),
                stance,
                cues: cues
                    .into_iter()
                    .map(|(cs, ce)| Cue {
                        text: sentence[cs..ce].to_string(),
                        start: a + cs,
                        end: a + ce,
                    })
                    .collect(),
            };
            let k = *by_id.entry(n.id.clone()).or_insert_with(|| {
                out.push(Proposal {
                    id: n.id.clone(),
                    name: n.name.clone(),
                    kind: n.kind,
                    sponsors: n.sponsors.clone(),
                    cosponsors: None,
                    mentions: Vec::new(),
                });
                out.len() - 1
            });
            let p = &mut out[k];
            if p.kind == ProposalKind::Other && n.kind != ProposalKind::Other {
                p.kind = n.kind;
            }
            if p.cosponsors.is_none() {
                p.cosponsors = cosponsors;
            }
            p.mentions.push(mention);
        }
    }
}

fn whole_word(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The proposal the trigger at `s..e` of the sentence names, if any.
fn identify(
    st: &Statement,
    speaker: &str,
    sentence: &str,
    low: &str,
    named: &[Mention],
    s: usize,
    e: usize,
) -> Option<Named> {
    let trigger = &low[s..e];
    for (names, id, name, kind) in INITIATIVES {
        if names.contains(&trigger) {
            return Some(Named {
                id: id.to_string(),
                name: name.to_string(),
                kind: *kind,
                sponsors: Vec::new(),
                start: s,
                end: e,
            });
        }
    }
    let _ = sentence;
    if trigger == "propose" || trigger == "proposes" {
        // "we propose", "my delegation proposes": the speaker's own.
        let before = low[..s].trim_end();
        let own = before.ends_with("we")
            || before.ends_with("we would")
            || before.ends_with("delegation")
            || before.ends_with("we would like to")
            || before.ends_with("i would like to");
        if !own || st.speaker.role == Role::Chair {
            return None;
        }
        return Some(sponsored(
            vec![speaker.to_string()],
            ProposalKind::Other,
            s,
            e,
        ));
    }
    let kind = noun_kind(trigger);
    // Sponsors named just before the noun: "the Canada-Chile proposal",
    // "the Canada and Chile proposal".
    let (start, mut sponsors) = names_before(sentence, named, s);
    let mut end = e;
    if sponsors.is_empty() {
        // "the proposal by Canada and Chile", "the non-paper of Canada and Chile".
        let after = &low[e..];
        let lead = [
            " by ",
            " of ",
            " from ",
            " put forward by ",
            " presented by ",
            " made by ",
        ]
        .iter()
        .find(|l| after.starts_with(*l));
        if let Some(lead) = lead {
            let mut at = e + lead.len();
            let first = at;
            for m in named.iter().filter(|m| m.start >= first) {
                let gap = low[at..m.start].trim();
                let gap = gap.strip_prefix("the").unwrap_or(gap).trim();
                if gap.is_empty()
                    || matches!(
                        gap,
                        "and" | "," | ", and" | "and the" | "delegation of" | "delegations of"
                    )
                {
                    sponsors.push(m.name.clone());
                    at = m.end;
                    end = m.end;
                } else {
                    break;
                }
            }
        }
    }
    let _ = words;
    if !sponsors.is_empty() {
        return Some(sponsored(sponsors, kind, start, end));
    }
    let before = low[..s].trim_end();
    // The speaker's own: "our proposal", "my delegation's proposal".
    if (before.ends_with("our") || before.ends_with("delegation's"))
        && !before.ends_with("your")
        && st.speaker.role != Role::Chair
    {
        return Some(sponsored(vec![speaker.to_string()], kind, s, e));
    }
    // The Chair's: "the Chair's proposal", "your proposal" from a delegation.
    let chairs = before.ends_with("chair's")
        || before.ends_with("chair’s")
        || (before.ends_with("your") && st.speaker.role != Role::Chair)
        || trigger == "discussion paper";
    if chairs {
        return Some(Named {
            id: "chairs-proposal".into(),
            name: "Chair's proposal".into(),
            kind: ProposalKind::ChairsProposal,
            sponsors: vec!["Chair".into()],
            start: s,
            end: e,
        });
    }
    None
}

/// The states or groups named just before byte `s` of the sentence, with
/// where the naming starts: "Canada-Chile", "Canada and Chile", "Chile's".
fn names_before(sentence: &str, named: &[Mention], s: usize) -> (usize, Vec<String>) {
    let mut names = Vec::new();
    let mut start = s;
    let head = sentence[..s].trim_end();
    let head = head
        .strip_suffix("'s")
        .or_else(|| head.strip_suffix("’s"))
        .unwrap_or(head);
    let mut at = head.len();
    loop {
        // A registry name ending here.
        if let Some(m) = named.iter().find(|m| m.end == at) {
            names.push(m.name.clone());
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
            let parts: Vec<&str> = word.split(['-', '–', '—', '/']).collect();
            if parts.len() < 2 {
                break;
            }
            let found: Vec<Mention> = parts.iter().filter_map(|p| name_of(p)).collect();
            if found.len() != parts.len() {
                break;
            }
            names.extend(found.into_iter().map(|m| m.name));
            start = word_start;
            at = word_start;
        }
        // Another name before, joined by "and", a comma or a dash.
        let rest = sentence[..at].trim_end();
        let rest2 = rest
            .strip_suffix("and")
            .or_else(|| rest.strip_suffix(','))
            .or_else(|| rest.strip_suffix('-'))
            .or_else(|| rest.strip_suffix('–'));
        match rest2 {
            Some(r) if r.len() < rest.len() => at = r.trim_end().len(),
            _ => break,
        }
        if !named.iter().any(|m| m.end == at)
            && !sentence[..at].ends_with(|c: char| c.is_alphabetic())
        {
            break;
        }
    }
    (start, names)
}

/// The state or group a whole piece of text names.
fn name_of(piece: &str) -> Option<Mention> {
    let mut m = mentions(piece);
    if m.len() == 1 && m[0].start == 0 && m[0].end == piece.len() && m[0].role != Role::Organization
    {
        m.pop()
    } else {
        None
    }
}

fn noun_kind(trigger: &str) -> ProposalKind {
    match trigger {
        "non-paper" | "non paper" | "nonpaper" => ProposalKind::NonPaper,
        "working paper" | "paper" | "document" => ProposalKind::WorkingPaper,
        "template" => ProposalKind::Template,
        "discussion paper" => ProposalKind::ChairsProposal,
        _ => ProposalKind::Other,
    }
}

/// A proposal by its sponsors: the id and name are the same however the
/// record orders them.
fn sponsored(mut sponsors: Vec<String>, kind: ProposalKind, start: usize, end: usize) -> Named {
    sponsors.sort();
    sponsors.dedup();
    let suffix = match kind {
        ProposalKind::Template => "template",
        ProposalKind::Fund => "fund",
        ProposalKind::Portal => "portal",
        _ => "proposal",
    };
    let id = format!("{}-{suffix}", slug(&sponsors.join(" ")));
    let name = format!("{} {suffix}", sponsors.join("–"));
    Named {
        id,
        name,
        kind,
        sponsors,
        start,
        end,
    }
}

/// Lower-case ASCII letters and digits, runs of anything else one `-`.
fn slug(s: &str) -> String {
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

/// The stance the sentence takes, with the cue words: the nearest cue
/// before the naming words, else the first after; a negation among the
/// three words before a cue turns support into opposition and opposition
/// or concern into neutrality.
fn stance(low: &str, s: usize, e: usize) -> (Stance, Vec<(usize, usize)>) {
    let ws = words(low);
    let mut best: Option<(usize, Stance, usize, usize)> = None;
    for (k, &(a, b)) in ws.iter().enumerate() {
        let Some(&(_, st)) = CUES.iter().find(|(w, _)| *w == &low[a..b]) else {
            continue;
        };
        if a >= s && b <= e {
            continue;
        }
        let distance = if b <= s {
            s - b
        } else {
            a.saturating_sub(e) + 1000
        };
        let mut stance = st;
        let mut from = a;
        if let Some(&(na, _)) = ws[k.saturating_sub(3)..k]
            .iter()
            .rev()
            .find(|&&(na, nb)| NEGATIONS.contains(&&low[na..nb]))
        {
            from = na;
            stance = match st {
                Stance::Support => Stance::Oppose,
                Stance::Oppose | Stance::Concern => Stance::Neutral,
                other => other,
            };
        }
        if best.is_none_or(|(d, ..)| distance < d) {
            best = Some((distance, stance, from, b));
        }
    }
    match best {
        Some((_, stance, a, b)) => (stance, vec![(a, b)]),
        None => (Stance::Reference, Vec::new()),
    }
}

/// "co-sponsored by 25 countries", "25 states that co-sponsor": the count.
fn cosponsor_count(low: &str) -> Option<u32> {
    if !low.contains("co-sponsor") && !low.contains("cosponsor") {
        return None;
    }
    let ws = words(low);
    ws.iter()
        .find_map(|&(a, b)| low[a..b].parse::<u32>().ok().filter(|&n| n > 1))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn negation() {
        assert_eq!(
            found("We cannot support the Canada-Chile proposal.")[0].2,
            Stance::Oppose
        );
        assert_eq!(
            found("We do not oppose the Canada-Chile proposal.")[0].2,
            Stance::Neutral
        );
        assert_eq!(
            found("We oppose the Canada-Chile proposal.")[0].2,
            Stance::Oppose
        );
    }

    #[test]
    fn generic_proposals_name_nothing() {
        assert!(found("There are many proposals on the table.").is_empty());
        assert!(found("We heard a proposal yesterday.").is_empty());
    }
}

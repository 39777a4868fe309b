//! Topics: every statement tagged with the OEWG pillars it addresses and
//! with stakeholder modalities and decision-making, each tag with the
//! terms that gave it. The vocabulary is data ([`VOCABULARY`]), so a
//! reader can see why a tag was given.

use crate::model::Session;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The OEWG pillars, and the two cross-cutting themes the issue tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
/// words, ignoring ASCII case, the longest term where two overlap
/// ("confidence-building measures" before "measures" would, but only the
/// terms here count). Written from the OEWG's own vocabulary: the
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermHit {
    /// The vocabulary term, as in [`VOCABULARY`].
    pub term: String,
    /// Byte offset in the statement's text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// A topic a statement addresses, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicTag {
    /// The topic.
    pub topic: Topic,
    /// The terms that gave it, in order.
    pub evidence: Vec<TermHit>,
}

/// The topics of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementTopics {
    /// Index of the statement.
    pub statement: usize,
    /// Its topics, in the order of [`Topic::ALL`].
    pub tags: Vec<TopicTag>,
}

/// How many statements address a topic, and with how many terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicCount {
    /// The topic.
    pub topic: Topic,
    /// Statements tagged with it.
    pub statements: usize,
    /// Terms found for it across the session.
    pub terms: usize,
}

/// The topics of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Topics {
    /// Every statement with at least one topic, in order.
    pub statements: Vec<StatementTopics>,
    /// One row per topic, in the order of [`Topic::ALL`].
    pub counts: Vec<TopicCount>,
}

fn matcher() -> &'static (AhoCorasick, Vec<(Topic, &'static str)>) {
    static M: OnceLock<(AhoCorasick, Vec<(Topic, &'static str)>)> = OnceLock::new();
    M.get_or_init(|| {
        let terms: Vec<(Topic, &'static str)> = VOCABULARY
            .iter()
            .flat_map(|(t, words)| words.iter().map(move |w| (*t, *w)))
            .collect();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(terms.iter().map(|(_, w)| w))
            .expect("the vocabulary is a small fixed set of patterns");
        (ac, terms)
    })
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
/// assert_eq!((hit.term.as_str(), hit.start, hit.end), ("capacity-building", 0, 17));
/// ```
pub fn topics(session: &Session) -> Topics {
    let (ac, terms) = matcher();
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
        let text = st.text.as_str();
        let mut tags: Vec<TopicTag> = Vec::new();
        for m in ac.find_iter(text) {
            let bytes = text.as_bytes();
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            // Whole words only; a byte of a multi-byte character counts as
            // a letter, so "café" does not end at "caf".
            let letter = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
            if letter(before) || letter(after) {
                continue;
            }
            let (topic, term) = terms[m.pattern().as_usize()];
            let hit = TermHit {
                term: term.to_string(),
                start: m.start(),
                end: m.end(),
            };
            match tags.iter_mut().find(|t| t.topic == topic) {
                Some(tag) => tag.evidence.push(hit),
                None => tags.push(TopicTag {
                    topic,
                    evidence: vec![hit],
                }),
            }
        }
        if tags.is_empty() {
            continue;
        }
        tags.sort_by_key(|t| t.topic);
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
    Topics {
        statements: out,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<(Topic, Vec<String>)> {
        let s = crate::parse(&format!("Chile: {text}\n")).unwrap();
        topics(&s)
            .statements
            .into_iter()
            .flat_map(|s| s.tags)
            .map(|t| (t.topic, t.evidence.into_iter().map(|h| h.term).collect()))
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

//! Alignments: "Senegal aligns itself with the statement by Nigeria on
//! behalf of the African group" becomes (Senegal → Nigeria, on behalf of
//! the African Group).

use super::text::{lower, sentences_at, whole_word_at, words, Excerpt, Phrases};
use crate::model::{Role, Session, Statement};
use crate::speakers::{mentions, Mention};
use serde::{Deserialize, Serialize};

/// One delegation aligning itself with another's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Alignment {
    /// Index of the statement that says it.
    pub statement: usize,
    /// Who aligns: the statement's speaker, by canonical name (the label
    /// when it was not recognised).
    pub speaker: String,
    /// Whose statement or position they align with, by canonical name.
    pub aligned_with: String,
    /// The group the aligned-with speaker spoke for, when the sentence
    /// says so ("… by Nigeria on behalf of the African Group").
    pub on_behalf_of: Option<String>,
    /// The sentence.
    pub excerpt: Excerpt,
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
];

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
    super::text::forget_paragraphs();
    let mut out = Vec::new();
    for st in &session.statements {
        if st.speaker.role == Role::Chair {
            continue;
        }
        for (a, b) in sentences_at(&st.text, verb_hits(&st.text)) {
            statement_alignments(st, a, b, &mut out);
        }
    }
    out
}

/// Where "lign" (align) and "ssociat" (associate) occur, in order: the
/// fast search before the sentence-level work.
fn verb_hits(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut hits: Vec<usize> = memchr::memmem::find_iter(bytes, b"lign")
        .chain(memchr::memmem::find_iter(bytes, b"ssociat"))
        .collect();
    hits.sort_unstable();
    hits
}

fn statement_alignments(st: &Statement, a: usize, b: usize, out: &mut Vec<Alignment>) {
    let sentence = &st.text[a..b];
    let low = lower(sentence);
    let ws = words(&low);
    let speaker = st
        .speaker
        .name
        .clone()
        .unwrap_or_else(|| st.speaker.label.clone());
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    // Names in the sentence, found once however many verbs it has.
    let named = mentions(sentence);
    for (k, &(vs, ve)) in ws.iter().enumerate() {
        if !VERBS.contains(&&low[vs..ve]) || !whole_word_at(&low, vs, ve - vs) {
            continue;
        }
        let gerund = low[vs..ve].ends_with("ing");
        if !gerund && !has_subject(&named, &low, &ws[..k]) {
            continue;
        }
        if negated(&low, &ws[..k]) {
            continue;
        }
        // "with" (or, in a slip of the tongue, "as") after reflexives and
        // adverbs only: "align our scheduling with" aligns no delegation.
        let mut j = k + 1;
        while j < ws.len() && j <= k + 4 && BETWEEN.contains(&&low[ws[j].0..ws[j].1]) {
            j += 1;
        }
        let Some(&(ts, te)) = ws.get(j) else { continue };
        if !matches!(&low[ts..te], "with" | "as") {
            continue;
        }
        let target_start = te;
        static ENDS: Phrases = Phrases::new(TARGET_ENDS);
        let target_end = ENDS
            .first(&low[target_start..])
            .map_or(low.len(), |p| target_start + p);
        let target = &sentence[target_start..target_end];
        let target_low = &low[target_start..target_end];
        for m in mentions(target) {
            if m.role == Role::Organization && !matches!(m.name.as_str(), "African Union") {
                // "what was shared by the USG of the UN": not a delegation.
                continue;
            }
            if behalf_before(target_low, &m) {
                if let Some(last) = found.last_mut() {
                    if last.1.is_none() {
                        last.1 = Some(m.name);
                    }
                }
                continue;
            }
            if m.name != speaker && !found.iter().any(|f| f.0 == m.name) {
                found.push((m.name, None));
            }
        }
    }
    for (aligned_with, on_behalf_of) in found {
        out.push(Alignment {
            statement: st.index,
            speaker: speaker.clone(),
            aligned_with,
            on_behalf_of,
            excerpt: Excerpt::new(st, a, b),
        });
    }
}

/// True when the words before the verb (after auxiliaries and adverbs)
/// end in a subject that speaks for the delegation: "we", "my
/// delegation", a state's name, "Germany's".
fn has_subject(named: &[Mention], low: &str, before: &[(usize, usize)]) -> bool {
    for &(s, e) in before.iter().rev().take(6) {
        let w = &low[s..e];
        if AUXILIARIES.contains(&w) && w != "we" {
            continue;
        }
        if SUBJECTS.contains(&w) || w.ends_with("'s") || w.ends_with("’s") {
            return true;
        }
        // A name ending here: "Senegal aligns", "The Russian Federation also aligns".
        return named.iter().any(|m| m.end == e);
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

/// True when the mention follows "on behalf of" (with "the", "a", "the
/// group of" between).
fn behalf_before(target_low: &str, m: &Mention) -> bool {
    let head = target_low[..m.start].trim_end();
    let head = head.strip_suffix("the").unwrap_or(head).trim_end();
    head.ends_with("on behalf of") || head.ends_with("on behalf of the group of")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(aligned(text).is_empty(), "{text}: {:?}", aligned(text));
        }
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

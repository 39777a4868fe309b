//! Share of the floor: who spoke, how often and how much.

use crate::model::{Role, Session, StatementKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One speaker's part of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FloorShare {
    /// The canonical name when the label was recognised, else the label.
    pub speaker: String,
    /// The kind of speaker.
    pub role: Role,
    /// ISO 3166-1 alpha-3 code, for a state.
    pub iso3: Option<String>,
    /// Turns taken.
    pub turns: usize,
    /// Of which substantive.
    pub substantive_turns: usize,
    /// Words spoken.
    pub words: usize,
    /// Fraction of all words in the session, from 0 to 1.
    pub share: f64,
    /// Index of the speaker's first statement.
    pub first_statement: usize,
}

/// Every speaker's share of the floor, most words first; ties keep the
/// order in which speakers first spoke, so the result is deterministic.
///
/// ```
/// let s = oewg_core::parse("Chair: Good morning all.\nCuba: Thanks.\nChair: Cuba again.\n").unwrap();
/// let f = oewg_core::analysis::floor(&s);
/// assert_eq!(f[0].speaker, "Chair");
/// assert_eq!((f[0].turns, f[0].words), (2, 5));
/// assert_eq!(f[1].speaker, "Cuba");
/// assert!((f[1].share - 1.0 / 6.0).abs() < 1e-9);
/// ```
pub fn floor(session: &Session) -> Vec<FloorShare> {
    floor_with(session, |_| {})
}

/// [`floor`], telling `each` which speaker (numbered from 0 in the order
/// they first spoke) gave each statement, in order: [`super::statistics`]
/// counts the speakers of its groups by these numbers rather than hashing
/// every statement's name again.
pub(crate) fn floor_with(session: &Session, mut each: impl FnMut(usize)) -> Vec<FloorShare> {
    let total = session.word_count();
    let mut rows: Vec<FloorShare> = Vec::new();
    let mut index: HashMap<&str, usize, crate::speakers::FastHash> = HashMap::default();
    for st in &session.statements {
        let speaker = st.speaker.canonical_name();
        let i = *index.entry(speaker).or_insert_with(|| {
            rows.push(FloorShare {
                speaker: speaker.to_string(),
                role: st.speaker.role,
                iso3: st.speaker.iso3.as_deref().map(str::to_string),
                turns: 0,
                substantive_turns: 0,
                words: 0,
                share: 0.0,
                first_statement: st.index,
            });
            rows.len() - 1
        });
        each(i);
        let row = &mut rows[i];
        row.turns += 1;
        row.words += st.word_count;
        if st.kind == StatementKind::Substantive {
            row.substantive_turns += 1;
        }
    }
    for row in &mut rows {
        row.share = if total == 0 {
            0.0
        } else {
            row.words as f64 / total as f64
        };
    }
    rows.sort_by(|a, b| {
        b.words
            .cmp(&a.words)
            .then(a.first_statement.cmp(&b.first_statement))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_count_as_one_speaker() {
        let s = crate::parse("Czech Republic: One two.\nCzechia: Three.\n").unwrap();
        let f = floor(&s);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].speaker, "Czechia");
        assert_eq!(f[0].iso3.as_deref(), Some("CZE"));
        assert_eq!((f[0].turns, f[0].words), (2, 3));
        assert_eq!(f[0].share, 1.0);
    }

    #[test]
    fn shares_sum_to_one() {
        let s = crate::parse("Chair: a b c.\nCuba: d e.\nChile: f.\n").unwrap();
        let sum: f64 = floor(&s).iter().map(|r| r.share).sum();
        assert!((sum - 1.0).abs() < 1e-12);
    }

    #[test]
    fn empty_statements_give_zero_shares() {
        let mut s = crate::parse("Chair: a.\n").unwrap();
        s.statements[0].word_count = 0;
        assert_eq!(floor(&s)[0].share, 0.0);
    }
}

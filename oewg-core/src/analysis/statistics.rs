//! Statistics per speaker, per kind of speaker, per UN regional group and
//! per group spoken for; for a report, each speaker's speed and time.

use super::floor::{floor_with, FloorShare};
use crate::model::Session;
use serde::{Deserialize, Serialize};

/// Turns and words of a set of speakers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GroupShare {
    /// The group's name: a role (`delegation`), a regional group
    /// (`african`) or a negotiating group ("African Group").
    pub group: String,
    /// Distinct speakers in it.
    pub speakers: usize,
    /// Turns taken.
    pub turns: usize,
    /// Words spoken.
    pub words: usize,
    /// Fraction of all words in the session, from 0 to 1.
    pub share: f64,
}

/// One speaker of a report, with the report's own figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportSpeaker {
    /// The speaker, as the block names them.
    pub speaker: String,
    /// Words per minute.
    pub speed_wpm: Option<u32>,
    /// Words.
    pub length_words: Option<u32>,
    /// Seconds.
    pub time_s: Option<u32>,
    /// Arguments the report gives them.
    pub arguments: usize,
}

/// The statistics of a session.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Statistics {
    /// Every speaker's share of the floor, most words first.
    pub speakers: Vec<FloorShare>,
    /// By kind of speaker (chair, delegation, group, …).
    pub roles: Vec<GroupShare>,
    /// By UN regional group, for states.
    pub regional_groups: Vec<GroupShare>,
    /// By the group a speaker spoke for, when the label says so.
    pub on_behalf_of: Vec<GroupShare>,
    /// For a report: each speaker block's speed, length and time.
    pub report_speakers: Vec<ReportSpeaker>,
}

/// The statistics of a session; each group list most words first, ties
/// in order of first appearance.
///
/// ```
/// let s = oewg_core::parse("Chair: One two.\nKenya: Three four five.\nChile: Six.\n").unwrap();
/// let st = oewg_core::analysis::statistics(&s);
/// assert_eq!(st.roles[0].group, "delegation");
/// assert_eq!((st.roles[0].speakers, st.roles[0].turns, st.roles[0].words), (2, 2, 4));
/// assert_eq!(st.regional_groups[0].group, "african");
/// ```
pub fn statistics(session: &Session) -> Statistics {
    let total = session.word_count();
    // Each statement's speaker by number, as the floor numbers them: the
    // speakers of a group are counted by marks in a list, not by hashing
    // every statement's name into a set for each of its groups.
    let mut who: Vec<usize> = Vec::with_capacity(session.statements.len());
    let speakers = floor_with(session, |i| who.push(i));
    let mut roles: Vec<Row> = Vec::new();
    let mut regions: Vec<Row> = Vec::new();
    let mut behalf: Vec<Row> = Vec::new();
    // The row of each role and regional group, by its number: found
    // without comparing names.
    let mut role_rows = [None; 8];
    let mut region_rows = [None; 8];
    for (st, &who) in session.statements.iter().zip(&who) {
        let role = st.speaker.role;
        add_at(
            &mut roles,
            &mut role_rows,
            role as usize,
            role.as_str(),
            who,
            st.word_count,
        );
        if let Some(r) = st.speaker.regional_group {
            add_at(
                &mut regions,
                &mut region_rows,
                r as usize,
                r.as_str(),
                who,
                st.word_count,
            );
        }
        if let Some(g) = &st.speaker.on_behalf_of {
            add(&mut behalf, g, who, st.word_count);
        }
    }
    let finish = |rows: Vec<Row>| -> Vec<GroupShare> {
        let mut rows: Vec<GroupShare> = rows
            .into_iter()
            .map(|(mut g, _)| {
                g.share = if total == 0 {
                    0.0
                } else {
                    g.words as f64 / total as f64
                };
                g
            })
            .collect();
        // A stable sort keeps first appearance among equals.
        rows.sort_by_key(|g| std::cmp::Reverse(g.words));
        rows
    };
    Statistics {
        speakers,
        roles: finish(roles),
        regional_groups: finish(regions),
        on_behalf_of: finish(behalf),
        report_speakers: session
            .report
            .iter()
            .flat_map(|r| &r.speakers)
            .map(|b| ReportSpeaker {
                speaker: b.name.clone(),
                speed_wpm: b.speech_speed_wpm,
                length_words: b.speech_length_words,
                time_s: b.speech_time_s,
                arguments: b.arguments.len(),
            })
            .collect(),
    }
}

/// A group's share so far, and which speakers (by number) it has heard.
type Row = (GroupShare, Vec<bool>);

/// [`add`] for a group known by a number under 8 (a role or a regional
/// group, each always by the same name), its row kept in `at`.
fn add_at(
    rows: &mut Vec<Row>,
    at: &mut [Option<usize>; 8],
    key: usize,
    group: &str,
    who: usize,
    words: usize,
) {
    match at.get(key).copied().flatten() {
        Some(i) => count(rows, i, who, words),
        None => {
            let i = add(rows, group, who, words);
            if let Some(slot) = at.get_mut(key) {
                *slot = Some(i);
            }
        }
    }
}

/// Counts a turn of `words` by speaker `who` in the row of `group`, made
/// if it is new; the row's index.
fn add(rows: &mut Vec<Row>, group: &str, who: usize, words: usize) -> usize {
    let i = match rows.iter().position(|(g, _)| g.group == group) {
        Some(i) => i,
        None => {
            rows.push((
                GroupShare {
                    group: group.to_string(),
                    speakers: 0,
                    turns: 0,
                    words: 0,
                    share: 0.0,
                },
                Vec::new(),
            ));
            rows.len() - 1
        }
    };
    count(rows, i, who, words);
    i
}

fn count(rows: &mut [Row], i: usize, who: usize, words: usize) {
    let Some((g, heard)) = rows.get_mut(i) else {
        return;
    };
    g.turns += 1;
    g.words += words;
    if heard.len() <= who {
        heard.resize(who + 1, false);
    }
    if !heard[who] {
        heard[who] = true;
        g.speakers += 1;
    }
}

/// A report's own figures for one speaker of the floor: the blocks of its
/// "Speakers" section filed under that speaker, matched as the report
/// check matches them, by canonical name (a delegation may speak as
/// "Pacific Islands Forum – Tonga" and as "Tonga", each with its block;
/// "UTOPIA" is Utopia's block).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportFigures {
    /// The speaker, as the floor names them ([`FloorShare::speaker`]).
    pub speaker: String,
    /// The report's blocks found for them.
    pub blocks: usize,
    /// Words per minute: the block's own where there is one block, none
    /// where there are several (speeds do not add up).
    pub speech_speed_wpm: Option<u32>,
    /// Words, over the blocks; none where a block does not give it.
    pub speech_length_words: Option<u32>,
    /// Seconds, over the blocks; none where a block does not give it.
    pub speech_time_s: Option<u32>,
}

/// For a report, each speaker of the floor (in the order of [`floor`](super::floor()))
/// with the report's figures for them; none for a session that is no
/// report.
///
/// ```
/// let s = oewg_core::parse(include_str!("../../tests/fixtures/report.txt")).unwrap();
/// let figures = oewg_core::analysis::report_figures(&s);
/// let floor = oewg_core::analysis::floor(&s);
/// assert_eq!(figures.len(), floor.len());
/// assert!(figures.iter().zip(&floor).all(|(f, row)| f.speaker == row.speaker));
/// ```
pub fn report_figures(session: &Session) -> Vec<ReportFigures> {
    use super::report_check::canonical_key;
    use std::collections::HashMap;
    let Some(report) = &session.report else {
        return Vec::new();
    };
    // The blocks by the key the report check compares names by, in the
    // report's order; a look-up each, not a search of every block.
    let mut by_key: HashMap<String, Vec<&crate::model::SpeakerAnalysis>> = HashMap::new();
    for b in &report.speakers {
        by_key.entry(canonical_key(&b.name)).or_default().push(b);
    }
    // The keys of the labels each speaker of the floor spoke under, once
    // each (a label is resolved once).
    let mut key_of: HashMap<&str, String> = HashMap::new();
    let mut keys: HashMap<&str, Vec<String>> = HashMap::new();
    for st in &session.statements {
        let label = st.speaker.label.as_str();
        let key = key_of
            .entry(label)
            .or_insert_with(|| canonical_key(label))
            .clone();
        let seen = keys.entry(st.speaker.canonical_name()).or_default();
        if !seen.contains(&key) {
            seen.push(key);
        }
    }
    super::floor(session)
        .into_iter()
        .map(|row| {
            let blocks: Vec<_> = keys
                .get(row.speaker.as_str())
                .into_iter()
                .flatten()
                .filter_map(|k| by_key.get(k))
                .flatten()
                .copied()
                .collect();
            let sum = |f: fn(&crate::model::SpeakerAnalysis) -> Option<u32>| {
                if blocks.is_empty() {
                    return None;
                }
                blocks
                    .iter()
                    .map(|b| f(b))
                    .try_fold(0u32, |n, v| v.map(|v| n.saturating_add(v)))
            };
            ReportFigures {
                speech_speed_wpm: match blocks[..] {
                    [one] => one.speech_speed_wpm,
                    _ => None,
                },
                speech_length_words: sum(|b| b.speech_length_words),
                speech_time_s: sum(|b| b.speech_time_s),
                blocks: blocks.len(),
                speaker: row.speaker,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_figures_add_a_speakers_blocks_but_not_their_speeds() {
        let mut s = crate::parse(include_str!("../../tests/fixtures/report.txt")).unwrap();
        let one = report_figures(&s);
        let utopia = one.iter().find(|f| f.speaker == "Utopia").unwrap();
        assert_eq!(
            (
                utopia.blocks,
                utopia.speech_speed_wpm,
                utopia.speech_length_words,
                utopia.speech_time_s
            ),
            (1, Some(120), Some(6), Some(4))
        );
        // Utopia speaks again under a second label, with a block of its own.
        let mut again = s.statements[1].clone();
        again.speaker.label = "Utopia (again)".into();
        again.speaker.name = Some("Utopia".into());
        again.index = s.statements.len();
        s.statements.push(again);
        let report = s.report.as_mut().unwrap();
        let mut block = report.speakers[0].clone();
        block.name = "Utopia (again)".into();
        block.speech_length_words = None;
        report.speakers.push(block);
        let two = report_figures(&s);
        let utopia = two.iter().find(|f| f.speaker == "Utopia").unwrap();
        assert_eq!(
            (
                utopia.blocks,
                utopia.speech_speed_wpm,
                utopia.speech_length_words,
                utopia.speech_time_s
            ),
            (2, None, None, Some(8))
        );
        // A block named otherwise than the label, as the report check
        // matches it: by canonical name.
        s.report.as_mut().unwrap().speakers[0].name = "UTOPIA".into();
        let utopia = report_figures(&s)
            .into_iter()
            .find(|f| f.speaker == "Utopia")
            .unwrap();
        assert_eq!(utopia.blocks, 2);
        // No report, no figures.
        s.report = None;
        assert!(report_figures(&s).is_empty());
    }

    #[test]
    fn groups_add_up_to_the_session() {
        let s = crate::parse("Chair: a b.\nPacific Islands Forum – Tonga: c d e.\nFiji: f.\nKenya: g h.\nTonga: i.\n").unwrap();
        let st = statistics(&s);
        let words: usize = st.roles.iter().map(|g| g.words).sum();
        assert_eq!(words, s.word_count());
        let turns: usize = st.roles.iter().map(|g| g.turns).sum();
        assert_eq!(turns, s.statements.len());
        let ap = st
            .regional_groups
            .iter()
            .find(|g| g.group == "asia_pacific")
            .unwrap();
        assert_eq!((ap.speakers, ap.turns, ap.words), (2, 3, 5));
        assert_eq!(st.on_behalf_of.len(), 1);
        assert_eq!(
            (st.on_behalf_of[0].group.as_str(), st.on_behalf_of[0].words),
            ("Pacific Islands Forum", 3)
        );
        let share: f64 = st.roles.iter().map(|g| g.share).sum();
        assert!((share - 1.0).abs() < 1e-12);
    }

    /// Each group's distinct speakers, turns and words, by sets of names.
    fn plain(session: &Session) -> Vec<(String, usize, usize, usize)> {
        use std::collections::{BTreeMap, HashSet};
        let mut by: BTreeMap<String, (HashSet<&str>, usize, usize)> = BTreeMap::new();
        for st in &session.statements {
            let who = st.speaker.canonical_name();
            let mut groups = vec![format!("role {}", st.speaker.role.as_str())];
            groups.extend(
                st.speaker
                    .regional_group
                    .map(|r| format!("region {}", r.as_str())),
            );
            groups.extend(
                st.speaker
                    .on_behalf_of
                    .iter()
                    .map(|g| format!("behalf {g}")),
            );
            for g in groups {
                let e = by.entry(g).or_default();
                e.0.insert(who);
                e.1 += 1;
                e.2 += st.word_count;
            }
        }
        by.into_iter()
            .map(|(g, (w, t, n))| (g, w.len(), t, n))
            .collect()
    }

    fn counted(session: &Session) -> Vec<(String, usize, usize, usize)> {
        let st = statistics(session);
        let mut rows: Vec<_> = [
            ("role", &st.roles),
            ("region", &st.regional_groups),
            ("behalf", &st.on_behalf_of),
        ]
        .into_iter()
        .flat_map(|(k, rows)| {
            rows.iter()
                .map(move |g| (format!("{k} {}", g.group), g.speakers, g.turns, g.words))
        })
        .collect();
        rows.sort();
        rows
    }

    #[test]
    fn speakers_counted_as_by_sets_of_names() {
        let s = crate::parse("Chair: a b.\nPacific Islands Forum – Tonga: c d e.\nFiji: f.\nKenya: g h.\nTonga: i.\nChair: j.\nFiji: k.\n").unwrap();
        assert_eq!(counted(&s), plain(&s));
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            if let Ok(src) = std::fs::read_to_string(entry.path()) {
                let s = crate::parse(&src).unwrap();
                assert_eq!(counted(&s), plain(&s));
                read += 1;
            }
        }
        assert!(read >= 2, "seeds read: {read}");
    }

    #[test]
    fn an_empty_session_has_zero_shares() {
        let mut s = crate::parse("Chair: a.\n").unwrap();
        s.statements[0].word_count = 0;
        assert_eq!(statistics(&s).roles[0].share, 0.0);
    }
}

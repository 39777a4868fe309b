//! A report's header held against its own transcript: the session, the
//! meeting, the time of day and the agenda item the header (and the
//! summary's "9th meeting of the 10th Substantive Session") gives, against
//! what the Chair says when opening the meeting. AI-written reports take
//! the header from a schedule, which is sometimes another meeting's.

use super::text::{lower, Excerpt};
use crate::model::{Role, Session};
use serde::{Deserialize, Serialize};

/// A fact of a report's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeaderFact {
    /// The session's number ([`crate::Meta::session`]).
    Session,
    /// The meeting's number ([`crate::Meta::meeting`]).
    Meeting,
    /// Morning, afternoon or evening, from the start time
    /// ([`crate::Meta::time_start`]).
    TimeOfDay,
    /// The agenda item of the title ([`crate::Meta::agenda_items`]).
    AgendaItem,
}

impl HeaderFact {
    /// The name used in JSON.
    ///
    /// ```
    /// use oewg_core::analysis::HeaderFact;
    /// assert_eq!(HeaderFact::TimeOfDay.as_str(), "time_of_day");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            HeaderFact::Session => "session",
            HeaderFact::Meeting => "meeting",
            HeaderFact::TimeOfDay => "time_of_day",
            HeaderFact::AgendaItem => "agenda_item",
        }
    }
}

/// A fact of a report's header that the Chair's opening words in its
/// transcript contradict.
///
/// ```
/// let src = "Agenda item 6: other matters/OEWG 2025\n\n21 Feb 2025 15:00h - 18:00h\n\n\
///            Session at a glance\n\nSession transcript\n\nChair: Good morning. We continue \
///            the agenda item on regular institutional dialogue.\n";
/// let s = oewg_core::parse(src).unwrap();
/// let check = s.analysis.report_check.as_ref().unwrap();
/// let d = &check.header_disagreements;
/// assert_eq!((d[0].fact.as_str(), d[0].header.as_str(), d[0].transcript.text.as_str()),
///            ("time_of_day", "15:00", "Good morning"));
/// assert_eq!(d[1].transcript.text, "agenda item on regular institutional dialogue");
/// assert_eq!(check.header_facts_checked, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HeaderDisagreement {
    /// Which fact.
    pub fact: HeaderFact,
    /// What the header says, as written: "15:00", "10", "Agenda item 6:
    /// other matters".
    pub header: String,
    /// What the Chair says instead, where: "Good morning", "ninth meeting
    /// of the 10th Substantive Session", "agenda item relating to regular
    /// institutional dialogue".
    pub transcript: Excerpt,
}

/// How far into the Chair's first statement the opening is looked for:
/// the greeting and the call to order come first.
const OPENING: usize = 2000;

/// Words of an agenda item's title that say nothing of its subject.
const GENERIC: &[&str] = &["agenda", "item", "items", "under", "with", "from", "other"];

/// The header's facts against the Chair's opening: the disagreements,
/// and how many facts both sides state.
pub(crate) fn header_check(session: &Session) -> (Vec<HeaderDisagreement>, usize) {
    let mut out = Vec::new();
    let mut checked = 0;
    let Some(st) = session
        .statements
        .iter()
        .find(|st| st.speaker.role == Role::Chair)
    else {
        return (out, checked);
    };
    let mut end = st.text.len().min(OPENING);
    while !st.text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &st.text[..end];
    let low = lower(text);
    let meta = &session.meta;
    let mut compare = |fact, header: String, at: (usize, usize), agrees: bool| {
        checked += 1;
        if !agrees {
            out.push(HeaderDisagreement {
                fact,
                header,
                transcript: Excerpt::new(st, at.0, at.1),
            });
        }
    };

    if let (Some((part, at)), Some(start)) = (greeting(&low), meta.time_start.as_deref()) {
        if let Some(hour) = start
            .split(':')
            .next()
            .and_then(|h| h.trim().parse::<u32>().ok())
        {
            let header_part = match hour {
                0..=11 => "morning",
                12..=17 => "afternoon",
                _ => "evening",
            };
            compare(
                HeaderFact::TimeOfDay,
                start.to_string(),
                at,
                part == header_part,
            );
        }
    }
    if let Some((session_no, meeting_no, at)) = meeting_of_session(&low) {
        if let Some(m) = meta.meeting {
            compare(HeaderFact::Meeting, m.to_string(), at, m == meeting_no);
        }
        if let (Some(s), Some(n)) = (meta.session, session_no) {
            compare(HeaderFact::Session, s.to_string(), at, s == n);
        }
    }
    if let (Some(item), Some(header)) = (agenda_item(&low), meta.agenda_items.first()) {
        let header_low = lower(header);
        let (number, title) = item_number_and_title(&header_low);
        let agrees = match (number, item.number) {
            (Some(a), Some(b)) => a == b,
            _ => {
                let said = &low[item.title.0..item.title.1];
                subject_words(title).any(|w| subject_words(said).any(|v| v == w))
            }
        };
        let comparable = (number.is_some() && item.number.is_some())
            || (item.title.1 > item.title.0 && subject_words(title).next().is_some());
        if comparable {
            compare(HeaderFact::AgendaItem, header.clone(), item.at, agrees);
        }
    }
    (out, checked)
}

/// "good morning", "good afternoon" or "good evening": the part of the
/// day, and where the greeting is.
fn greeting(low: &str) -> Option<(&'static str, (usize, usize))> {
    ["morning", "afternoon", "evening"]
        .into_iter()
        .filter_map(|part| {
            let phrase = format!("good {part}");
            low.find(&phrase).map(|at| (part, (at, at + phrase.len())))
        })
        .min_by_key(|&(_, (at, _))| at)
}

/// An ordinal as a word ("ninth") or in figures ("9th").
fn ordinal(word: &str) -> Option<u32> {
    if let Some(n) = crate::text::ordinal_word(word) {
        return Some(n);
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then(|| digits.parse().ok())
        .flatten()
}

/// "ninth meeting of the 10th substantive session": the session (when
/// said), the meeting, and where the words are.
fn meeting_of_session(low: &str) -> Option<(Option<u32>, u32, (usize, usize))> {
    let words = super::text::words(low);
    let word = |i: usize| words.get(i).map_or("", |&(a, e)| &low[a..e]);
    for (i, &(start, end)) in words.iter().enumerate() {
        if &low[start..end] != "meeting" || i == 0 {
            continue;
        }
        let Some(meeting) = ordinal(word(i - 1)) else {
            continue;
        };
        let from = words[i - 1].0;
        if word(i + 1) == "of" && word(i + 2) == "the" {
            if let Some(session) = ordinal(word(i + 3)) {
                let last = match (word(i + 4), word(i + 5)) {
                    ("substantive", "session") => i + 5,
                    ("session", _) => i + 4,
                    _ => return Some((None, meeting, (from, end))),
                };
                return Some((Some(session), meeting, (from, words[last].1)));
            }
        }
        return Some((None, meeting, (from, end)));
    }
    None
}

/// An agenda item the Chair names: its number ("agenda item 5") or its
/// title ("the agenda item relating to regular institutional dialogue").
struct SaidItem {
    number: Option<u32>,
    /// The title's bytes, empty when there is none.
    title: (usize, usize),
    /// The words from "agenda item" to the title's end.
    at: (usize, usize),
}

fn agenda_item(low: &str) -> Option<SaidItem> {
    let start = low.find("agenda item")?;
    let after = start + "agenda item".len();
    let rest = &low[after..];
    let trimmed = rest.trim_start();
    let digits: &str = &trimmed[..trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len())];
    if let Ok(n) = digits.parse() {
        let end = after + (rest.len() - trimmed.len()) + digits.len();
        return Some(SaidItem {
            number: Some(n),
            title: (end, end),
            at: (start, end),
        });
    }
    // "relating to", "on", "entitled": the title runs to the clause's end.
    let lead = ["relating to ", "related to ", "on ", "entitled ", "of "]
        .into_iter()
        .find(|l| trimmed.starts_with(l))?;
    let title_start = after + (rest.len() - trimmed.len()) + lead.len();
    let title_end = low[title_start..]
        .find(['.', ',', ';', ':', '?', '!'])
        .map_or(low.len(), |i| title_start + i);
    Some(SaidItem {
        number: None,
        title: (title_start, title_end),
        at: (start, title_end),
    })
}

/// "agenda item 6: other matters": the number and the title.
fn item_number_and_title(header_low: &str) -> (Option<u32>, &str) {
    let rest = header_low
        .find("agenda item")
        .map_or(header_low, |i| &header_low[i + "agenda item".len()..]);
    let trimmed = rest.trim_start();
    let digits = &trimmed[..trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len())];
    let title = trimmed[digits.len()..].trim_start_matches([':', '.', ' ']);
    (digits.parse().ok(), title)
}

/// The words of a title that say what it is about.
fn subject_words(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4 && !GENERIC.contains(w))
}

display_as_str!(HeaderFact);
from_serde_name!(HeaderFact);

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, time: &str, opening: &str) -> (Vec<HeaderDisagreement>, usize) {
        let src = format!(
            "{header}/OEWG 2025\n\n21 Feb 2025 {time}h - 18:00h\n\n{header}/OEWG 2025\n\n\
             Session at a glance\n\nSummary\n\nThis transcript covers the 9th meeting of the \
             10th Substantive Session of the OEWG.\n\nFull session report\n\nSession transcript\n\n\
             Chair: {opening}\n"
        );
        let s = crate::parse(&src).unwrap();
        header_check(&s)
    }

    #[test]
    fn every_fact_agreeing() {
        let (d, n) = check(
            "Agenda item 5: regular institutional dialogue",
            "10:00",
            "Good morning. The ninth meeting of the tenth substantive session is called to \
             order. We continue the agenda item relating to regular institutional dialogue.",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(n, 4);
    }

    #[test]
    fn every_fact_disagreeing() {
        let (d, n) = check(
            "Agenda item 6: other matters",
            "15:00",
            "Good morning. The 8th meeting of the 11th session is called to order. We \
             continue the agenda item relating to regular institutional dialogue.",
        );
        let facts: Vec<_> = d
            .iter()
            .map(|d| (d.fact, d.header.as_str(), d.transcript.text.as_str()))
            .collect();
        assert_eq!(
            facts,
            [
                (HeaderFact::TimeOfDay, "15:00", "Good morning"),
                (HeaderFact::Meeting, "9", "8th meeting of the 11th session"),
                (HeaderFact::Session, "10", "8th meeting of the 11th session"),
                (
                    HeaderFact::AgendaItem,
                    "Agenda item 6: other matters",
                    "agenda item relating to regular institutional dialogue"
                ),
            ]
        );
        assert_eq!(n, 4);
    }

    #[test]
    fn numbers_and_what_is_not_said() {
        // Item numbers compared as numbers; a meeting without its session.
        let (d, n) = check(
            "Agenda item 5: anything",
            "18:30",
            "Good evening. This third meeting takes up agenda item 5.",
        );
        assert_eq!(
            d.iter().map(|d| d.fact).collect::<Vec<_>>(),
            [HeaderFact::Meeting]
        );
        assert_eq!(d[0].transcript.text, "third meeting");
        assert_eq!(n, 3);
        // Nothing said: nothing checked.
        let (d, n) = check("Agenda item 6: other matters", "15:00", "Thank you, Cuba.");
        assert!(d.is_empty());
        assert_eq!(n, 0);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("ninth"), Some(9));
        assert_eq!(ordinal("10th"), Some(10));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("th"), None);
        assert_eq!(ordinal("tenths"), None);
        assert_eq!(ordinal("5"), None);
    }
}

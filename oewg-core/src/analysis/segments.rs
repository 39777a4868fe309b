//! Agenda segments: the Chair's "we will now continue our discussions on
//! sub-item … capacity building" and "I'd like to proceed to agenda item
//! three, organizational matters" split a session into parts, each holding
//! its statements.

use super::text::{sentences_at, Excerpt, Phrases};
use crate::model::{Role, Session};
use serde::{Deserialize, Serialize};

/// A part of a session under one agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AgendaSegment {
    /// The agenda item's number, when the Chair says it.
    pub agenda_item: Option<u32>,
    /// The sub-item's number, when the Chair says it.
    pub sub_item: Option<u32>,
    /// What the item is about, as the Chair words it ("capacity
    /// building"), when the sentence says.
    pub title: Option<String>,
    /// Index of the first statement.
    pub first_statement: usize,
    /// Index of the last statement.
    pub last_statement: usize,
    /// Statements in the segment.
    pub turns: usize,
    /// Words in them.
    pub words: usize,
    /// The Chair's sentence that opens the segment; none for the part of
    /// a session before any such sentence.
    pub excerpt: Option<Excerpt>,
}

/// Verbs that move the meeting to an item.
const MOVES: &[&str] = &[
    "continue",
    "proceed",
    "move to",
    "move on",
    "turn to",
    "return to",
    "go back",
    "take up",
    "resume",
    "now consider",
    "open the floor",
    "take the floor under",
    "begin",
    "start",
];

/// Where an item's title starts after its number.
const TITLE_MARKS: &[&str] = &[" relating to ", " related to ", " regarding ", " on "];

/// The agenda segments of a session: one more at each Chair's statement
/// whose first sentence of the kind moves the meeting to an agenda item or
/// sub-item; a session with no such sentence is one segment. Empty only
/// for a session with no statements.
///
/// ```
/// let s = oewg_core::parse(
///     "Chair: We continue our discussions on agenda item five, relating to capacity building. Peru, please.\n\
///      Peru: Hello.\n\
///      Chair: I would now like to proceed to agenda item six, other matters.\n\
///      Chile: Bye.\n").unwrap();
/// let seg = oewg_core::analysis::segments(&s);
/// assert_eq!(seg.len(), 2);
/// assert_eq!((seg[0].agenda_item, seg[0].title.as_deref()), (Some(5), Some("capacity building")));
/// assert_eq!((seg[1].agenda_item, seg[1].title.as_deref()), (Some(6), Some("other matters")));
/// assert_eq!((seg[1].first_statement, seg[1].last_statement), (2, 3));
/// ```
pub fn segments(session: &Session) -> Vec<AgendaSegment> {
    super::text::forget_paragraphs();
    let statements = &session.statements;
    let mut out: Vec<AgendaSegment> = Vec::new();
    // The searcher is built once, and the list of hits grown once, for all
    // the Chair's statements: building them for each cost more than the
    // search.
    static TEM: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let tem = TEM.get_or_init(|| memchr::memmem::Finder::new(b"tem"));
    let mut hits: Vec<usize> = Vec::new();
    let mut low = String::new();
    for st in statements {
        let opening = if st.speaker.role == Role::Chair {
            // Every sentence that moves the meeting names an "item" (ASCII
            // case aside: found in the lower-case copy), and holds a "tem"
            // as written: only the sentences holding both are read.
            item_hits(&st.text, &mut low, &mut hits);
            sentences_at(&st.text, hits.iter().copied())
                .into_iter()
                .filter(|&(a, b)| tem.find(&st.text.as_bytes()[a..b]).is_some())
                .find_map(|(a, b)| {
                    // The sentence's lower case: its piece of the copy
                    // made for the search (bytes for bytes).
                    let m = item_move_in(&st.text[a..b], low.get(a..b)?)?;
                    Some((m, Excerpt::new(st, a, b)))
                })
        } else {
            None
        };
        match opening {
            Some(((agenda_item, sub_item, title), excerpt)) => out.push(AgendaSegment {
                agenda_item,
                sub_item,
                title,
                first_statement: st.index,
                last_statement: st.index,
                turns: 0,
                words: 0,
                excerpt: Some(excerpt),
            }),
            None if out.is_empty() => out.push(AgendaSegment {
                agenda_item: None,
                sub_item: None,
                title: None,
                first_statement: st.index,
                last_statement: st.index,
                turns: 0,
                words: 0,
                excerpt: None,
            }),
            None => {}
        }
        if let Some(seg) = out.last_mut() {
            seg.last_statement = st.index;
            seg.turns += 1;
            seg.words += st.word_count;
        }
    }
    out
}

/// The phrases that name an item, ASCII case aside.
const ITEM_PHRASES: &[&str] = &["agenda item", "sub-item", "sub item", "subitem"];

/// Where "item" occurs in `text`, ASCII case aside (in `low`, its lower
/// case copy), into `hits`: every phrase [`item_move_in`] looks for holds
/// one, so only the sentences holding one can move the meeting. Most of
/// the Chair's statements name no item, and are passed over by this one
/// vectorised search instead of being split into sentences about the
/// "tem" of every "statement" and "system".
fn item_hits(text: &str, low: &mut String, hits: &mut Vec<usize>) {
    low.clear();
    low.push_str(text);
    low.make_ascii_lowercase();
    hits.clear();
    hits.extend(item_finder().find_iter(low.as_bytes()));
}

/// The searcher for "item", built once.
fn item_finder() -> &'static memchr::memmem::Finder<'static> {
    static ITEM: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    ITEM.get_or_init(|| memchr::memmem::Finder::new(b"item"))
}

type ItemMove = (Option<u32>, Option<u32>, Option<String>);

/// The item a sentence moves the meeting to, if it does.
#[cfg(test)]
fn item_move(sentence: &str) -> Option<ItemMove> {
    item_move_in(sentence, &sentence.to_ascii_lowercase())
}

/// The longest verb of [`MOVES`].
const LONGEST_MOVE: usize = {
    let (mut i, mut most) = (0, 0);
    while i < MOVES.len() {
        if MOVES[i].len() > most {
            most = MOVES[i].len();
        }
        i += 1;
    }
    most
};

/// [`item_move`] of a sentence and `low`, its ASCII lower case (the same
/// offsets).
fn item_move_in(sentence: &str, low: &str) -> Option<ItemMove> {
    static ITEMS: Phrases = Phrases::ignoring_case(ITEM_PHRASES);
    static VERBS: Phrases = Phrases::new(MOVES);
    // Every phrase ends with an "item", and starts at most 7 bytes before
    // it: the search for the first starts 7 bytes before the first "item"
    // (what comes before it is not read).
    let first = item_finder().find(low.as_bytes())?;
    let mut from = first.saturating_sub(7);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let item_at = from + ITEMS.first(sentence.get(from..)?)?;
    // Only a verb that starts at most 40 bytes past the item counts: the
    // search stops where such a verb would end (a long sentence's tail is
    // not read).
    let mut cut = (item_at + 40 + LONGEST_MOVE).min(low.len());
    while !low.is_char_boundary(cut) {
        cut += 1;
    }
    let verb_at = VERBS.first(low.get(..cut)?)?;
    if verb_at > item_at + 40 {
        return None;
    }
    let agenda_item = number_after(low, "agenda item").or_else(|| number_after(low, "agenda"));
    let sub_item = ["sub-item", "sub item", "subitem"]
        .iter()
        .find_map(|k| number_after(low, k));
    Some((agenda_item, sub_item, title(sentence, low, item_at)))
}

/// The number after the last `key` that has one: digits or a word.
fn number_after(low: &str, key: &str) -> Option<u32> {
    low.rmatch_indices(key).find_map(|(i, _)| {
        let rest = low[i + key.len()..].trim_start();
        let word: &str = rest
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or_default();
        number(word)
    })
}

fn number(word: &str) -> Option<u32> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen",
    ];
    if let Some(p) = WORDS.iter().position(|w| *w == word) {
        return u32::try_from(p + 1).ok();
    }
    (!word.is_empty() && word.len() <= 3)
        .then(|| word.parse().ok())
        .flatten()
}

/// The title: after "relating to", "regarding" or "on" past the item, or
/// what follows the item's number after a comma or colon.
fn title(sentence: &str, low: &str, item_at: usize) -> Option<String> {
    let tail = &low[item_at..];
    let start = TITLE_MARKS
        .iter()
        .filter_map(|m| tail.find(m).map(|p| item_at + p + m.len()))
        .min()
        .or_else(|| {
            // "agenda item three, organizational matters"; "six: other matters"
            let mut at = item_at;
            for key in ["agenda item", "sub-item", "sub item"] {
                if let Some(p) = low[item_at..].rfind(key) {
                    at = at.max(item_at + p + key.len());
                }
            }
            let rest = &low[at..];
            let cut = rest.find([',', ':'])?;
            let between = rest[..cut].trim();
            (number(between).is_some()).then_some(at + cut + 1)
        })?;
    let text = sentence.get(start..)?;
    let text = text.split([',', ';', '(']).next().unwrap_or_default();
    let text = text.trim().trim_end_matches(['.', '?', '!', ':']).trim();
    let text = text.strip_prefix("the ").unwrap_or(text);
    (!text.is_empty() && text.len() <= 80).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::analysis::text::lower;

    fn moves(s: &str) -> Option<ItemMove> {
        item_move(s)
    }

    /// `item_move` as it was: the phrases searched for over the whole
    /// sentence, and its lower case made again.
    fn item_move_by_phrases(sentence: &str) -> Option<ItemMove> {
        static ITEMS: Phrases = Phrases::ignoring_case(ITEM_PHRASES);
        static VERBS: Phrases = Phrases::new(MOVES);
        let item_at = ITEMS.first(sentence)?;
        let low = lower(sentence);
        let verb_at = VERBS.first(&low)?;
        if verb_at > item_at + 40 {
            return None;
        }
        let agenda_item =
            number_after(&low, "agenda item").or_else(|| number_after(&low, "agenda"));
        let sub_item = ["sub-item", "sub item", "subitem"]
            .iter()
            .find_map(|k| number_after(&low, k));
        Some((agenda_item, sub_item, title(sentence, &low, item_at)))
    }

    #[test]
    fn the_item_found_from_its_item_is_the_phrase_search() {
        let pieces = [
            "Agenda Item",
            "agenda",
            "agenda ",
            "AGENDA  ",
            "item",
            "ITEM",
            "items",
            "sub",
            "Sub-",
            "sub ",
            "subitem",
            "SUB-ITEM",
            "-",
            " ",
            "five",
            " 6",
            ", relating to ",
            "We continue",
            " now proceed to ",
            "move on",
            "take the floor under ",
            "resume",
            "é",
            "ü",
            "x".repeat(30).leak(),
            ". ",
            "?",
        ];
        let mut moved = 0;
        for t in crate::text::pieced_texts(&pieces, 4000, 16, 0x9e37_79b9) {
            let want = item_move_by_phrases(&t);
            assert_eq!(item_move(&t), want, "{t:?}");
            moved += usize::from(want.is_some());
        }
        assert!(moved > 50, "{moved}");
    }

    #[test]
    fn a_text_naming_no_item_moves_nothing() {
        assert!(ITEM_PHRASES
            .iter()
            .all(|p| p.to_ascii_lowercase().contains("item")));
        let pieces = [
            "Agenda Item",
            "AGENDA ITEM",
            "agenda ",
            "item",
            "ITEM",
            "Item",
            "sub-",
            "SUB",
            "sub",
            " five",
            " 3",
            ", relating to ",
            "capacity building",
            "We continue",
            " proceed to ",
            "move to ",
            "statement",
            "system",
            "tem",
            "I",
            "i",
            ". ",
            "\n\n",
            " ",
            "é",
        ];
        let (mut low, mut hits) = (String::new(), Vec::new());
        let mut moved = 0;
        for t in crate::text::pieced_texts(&pieces, 3000, 14, 0x2545_f491_4f6c_dd1d) {
            // The sentences read before: those holding a "tem".
            let tems: Vec<usize> = t.match_indices("tem").map(|(i, _)| i).collect();
            let plain = sentences_at(&t, tems)
                .into_iter()
                .find_map(|(a, b)| item_move(&t[a..b]).map(|m| (m, a, b)));
            item_hits(&t, &mut low, &mut hits);
            assert_eq!(low, lower(&t));
            let fast = sentences_at(&t, hits.iter().copied())
                .into_iter()
                .filter(|&(a, b)| t[a..b].contains("tem"))
                .find_map(|(a, b)| item_move(&t[a..b]).map(|m| (m, a, b)));
            assert_eq!(fast, plain, "{t:?}");
            moved += usize::from(plain.is_some());
        }
        assert!(moved > 10, "{moved}");
    }

    #[test]
    fn sentences_that_move_the_meeting() {
        assert_eq!(
            moves("We continue our discussions on sub-item under agenda five, agenda item five, relating to capacity building."),
            Some((Some(5), None, Some("capacity building".into())))
        );
        assert_eq!(
            moves("I would now like to proceed to agenda item three, organizational matters."),
            Some((Some(3), None, Some("organizational matters".into())))
        );
        assert_eq!(
            moves("We will return to agenda item five, sub-item six regarding regular institutional dialogue."),
            Some((Some(5), Some(6), Some("regular institutional dialogue".into())))
        );
        assert_eq!(
            moves("Does anyone wish to take the floor under agenda item 6: other matters?"),
            Some((Some(6), None, Some("other matters".into())))
        );
        assert_eq!(
            moves("We will now continue our discussions on the agenda item relating to regular institutional dialogue."),
            Some((None, None, Some("regular institutional dialogue".into())))
        );
    }

    #[test]
    fn sentences_that_do_not() {
        for s in [
            "That was the last speaker on sub-item under agenda item five.",
            "We have completed the consideration of agenda item five.",
            "We will continue tomorrow.",
            "Agenda item six is important.",
            "",
        ] {
            assert_eq!(moves(s), None, "{s}");
        }
    }

    #[test]
    fn one_segment_without_moves_and_none_without_statements() {
        let s = crate::parse("Chair: Good morning.\nPeru: Hello.\n").unwrap();
        let seg = segments(&s);
        assert_eq!(seg.len(), 1);
        assert_eq!(
            (seg[0].first_statement, seg[0].last_statement, seg[0].turns),
            (0, 1, 2)
        );
        assert_eq!(seg[0].excerpt, None);
        let mut s = s;
        s.statements.clear();
        assert!(segments(&s).is_empty());
    }

    #[test]
    fn only_the_chair_moves_the_meeting() {
        let s = crate::parse("Peru: We continue on agenda item five.\n").unwrap();
        assert_eq!(segments(&s)[0].agenda_item, None);
    }
}

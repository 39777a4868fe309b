//! A case-blind search for a fixed set of phrases, shared by the
//! proposals' triggers and the floor audit's cues.
//!
//! aho-corasick builds the automaton; its DFA is then copied into a table
//! of our own, read by a loop of a few instructions a byte, four bytes at
//! a time. The crate's `find_iter` gives the same matches but pays for
//! its generality at every byte (about three times the instructions), and
//! its vectorised prefilters do not apply to case-blind sets this large.

use aho_corasick::automaton::Automaton;
use aho_corasick::{Anchored, MatchKind};

/// One match: the byte range and the index of the phrase in the list the
/// searcher was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

/// The DFA of a set of phrases, ASCII case ignored, in a table of `u16`
/// states.
pub(crate) struct PhraseDfa {
    /// The class of each byte: a byte of no phrase (either case) is of
    /// class 0, each other byte of one of its own, shared by its cases.
    class: [u8; 256],
    /// Transitions, `next[state + class]`. States are numbered by
    /// multiples of the number of classes, the plain ones below
    /// [`SPECIAL`], the dead and the matching ones from it on. A state is
    /// a `u16` and a class a `u8`: no look-up is out of bounds.
    next: Box<[u16; (1 << 16) + 256]>,
    /// The dead state, if the automaton has one.
    dead: Option<u16>,
    /// The length and phrase of the match a matching state reports, by
    /// `(state - SPECIAL) / classes`.
    matches: Vec<(usize, usize)>,
    /// Classes in all.
    classes: usize,
    /// The start state.
    start: u16,
    /// Leftmost-longest semantics (a search goes on past a match, to the
    /// dead state, and reports the last match passed); otherwise standard
    /// (a search stops at the first matching state).
    longest: bool,
}

/// The first number of a dead or matching state: one bit, so that four
/// states are tested at once by or-ing them.
const SPECIAL: u16 = 1 << 15;

impl PhraseDfa {
    /// The searcher for `phrases` with aho-corasick's `kind` semantics,
    /// `MatchKind::Standard` or `MatchKind::LeftmostLongest`.
    ///
    /// # Panics
    /// When the automaton outgrows the table, or a phrase holds the byte
    /// 0xff: the phrase lists are fixed, and their tests build each one.
    pub(crate) fn new(phrases: &[&str], kind: MatchKind) -> PhraseDfa {
        assert!(
            matches!(kind, MatchKind::Standard | MatchKind::LeftmostLongest),
            "the searches of standard and leftmost-longest semantics only"
        );
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(kind)
            .prefilter(false)
            .build(phrases)
            .expect("a small fixed set of phrases");
        // Classes: every byte the phrases hold, both cases together; 0xff,
        // in no phrase, stands for class 0.
        let mut class = [0u8; 256];
        let mut members: Vec<u8> = vec![0xff];
        for b in phrases.iter().flat_map(|p| p.bytes()) {
            let b = b.to_ascii_lowercase();
            if class[usize::from(b)] == 0 {
                class[usize::from(b)] = u8::try_from(members.len()).expect("few bytes");
                class[usize::from(b.to_ascii_uppercase())] = class[usize::from(b)];
                members.push(b);
            }
        }
        assert!(class[0xff] == 0, "no phrase holds the byte 0xff");
        let classes = members.len();
        // Every state reachable from the start, the start first, with its
        // successors by class.
        let start = dfa.start_state(Anchored::No).expect("an unanchored start");
        let mut ids = vec![start];
        let mut index = std::collections::HashMap::new();
        index.insert(start.as_usize(), 0);
        let mut rows: Vec<Vec<usize>> = Vec::new();
        while rows.len() < ids.len() {
            let sid = ids[rows.len()];
            let row = members
                .iter()
                .map(|&b| {
                    let to = dfa.next_state(Anchored::No, sid, b);
                    let n = ids.len();
                    *index.entry(to.as_usize()).or_insert_with(|| {
                        ids.push(to);
                        n
                    })
                })
                .collect();
            rows.push(row);
        }
        let special = |i: usize| dfa.is_dead(ids[i]) || dfa.is_match(ids[i]);
        assert!(!special(0), "the start neither matches nor is dead");
        // Numbers: the plain states from 0, the special ones from SPECIAL.
        let (mut plain, mut other) = (0usize, usize::from(SPECIAL));
        let number: Vec<usize> = (0..ids.len())
            .map(|i| {
                let n = if special(i) { &mut other } else { &mut plain };
                *n += classes;
                *n - classes
            })
            .collect();
        assert!(
            plain <= usize::from(SPECIAL) && other < 1 << 16,
            "the phrase automaton has outgrown its table"
        );
        let mut next = Box::new([0u16; (1 << 16) + 256]);
        let mut matches = vec![(0, 0); (other - usize::from(SPECIAL)) / classes];
        let mut dead = None;
        for (i, row) in rows.iter().enumerate() {
            let n = number[i];
            for (c, &to) in row.iter().enumerate() {
                next[n + c] = u16::try_from(number[to]).expect("checked above");
            }
            if dfa.is_dead(ids[i]) {
                dead = Some(u16::try_from(n).expect("checked above"));
            } else if dfa.is_match(ids[i]) {
                let pid = dfa.match_pattern(ids[i], 0);
                matches[(n - usize::from(SPECIAL)) / classes] =
                    (dfa.pattern_len(pid), pid.as_usize());
            }
        }
        PhraseDfa {
            class,
            next,
            dead,
            matches,
            classes,
            start: u16::try_from(number[0]).expect("checked above"),
            longest: kind == MatchKind::LeftmostLongest,
        }
    }

    /// The matches in `bytes`, in order: what aho-corasick's `find_iter`
    /// with the same phrases and semantics gives.
    pub(crate) fn find_iter<'a>(&'a self, bytes: &'a [u8]) -> Matches<'a> {
        Matches {
            dfa: self,
            bytes,
            from: 0,
        }
    }

    /// The first match at or after `from`: a search from there in which
    /// the dead state, the end of the bytes or (standard semantics) the
    /// first matching state ends it.
    fn find_at(&self, bytes: &[u8], from: usize) -> Option<PhraseMatch> {
        let step =
            |s: u16, b: u8| self.next[usize::from(s) + usize::from(self.class[usize::from(b)])];
        let mut s = self.start;
        let mut found = None;
        let mut i = from;
        loop {
            // Four bytes at a time while no state is special.
            while let Some(&[a, b, c, e]) = bytes.get(i..i + 4) {
                let s1 = step(s, a);
                let s2 = step(s1, b);
                let s3 = step(s2, c);
                let s4 = step(s3, e);
                if (s1 | s2 | s3 | s4) & SPECIAL != 0 {
                    break;
                }
                s = s4;
                i += 4;
            }
            let Some(&b) = bytes.get(i) else {
                return found;
            };
            s = step(s, b);
            i += 1;
            if s & SPECIAL != 0 {
                if Some(s) == self.dead {
                    return found;
                }
                let (len, phrase) = self.matches[usize::from(s - SPECIAL) / self.classes];
                found = Some(PhraseMatch {
                    start: i - len,
                    end: i,
                    phrase,
                });
                if !self.longest {
                    return found;
                }
            }
        }
    }
}

/// The matches of a [`PhraseDfa`] in a text, in order.
pub(crate) struct Matches<'a> {
    dfa: &'a PhraseDfa,
    bytes: &'a [u8],
    from: usize,
}

impl Iterator for Matches<'_> {
    type Item = PhraseMatch;

    fn next(&mut self) -> Option<PhraseMatch> {
        let m = self.dfa.find_at(self.bytes, self.from)?;
        // The next search starts where this match ends (no overlaps).
        self.from = m.end;
        Some(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    const PHRASES: &[&str] = &[
        "thank",
        "thank you",
        "you",
        "paper",
        "non-paper",
        "working paper",
        "rev. 1",
        "a",
        "ab",
        "abc",
        "bcd",
        "the floor",
        "floor",
    ];

    #[test]
    fn the_same_matches_as_the_crate() {
        let searchers = [MatchKind::Standard, MatchKind::LeftmostLongest].map(|kind| {
            let crate_ac = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(kind)
                .build(PHRASES)
                .unwrap();
            (PhraseDfa::new(PHRASES, kind), crate_ac)
        });
        for text in crate::text::pieced_texts(
            &[
                "Thank you",
                "THANK",
                "you",
                " the Floor",
                "non-Paper",
                "working  paper",
                "Rev. 1",
                "abcd",
                "ab",
                "bc",
                "é",
                "\u{a0}",
                "\n",
                "x",
            ],
            4000,
            24,
            7,
        ) {
            for (ours, theirs) in &searchers {
                let ours: Vec<_> = ours
                    .find_iter(text.as_bytes())
                    .map(|m| (m.start, m.end, m.phrase))
                    .collect();
                let theirs: Vec<_> = theirs
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                assert_eq!(ours, theirs, "on {text:?}");
            }
        }
    }

    #[test]
    fn standard_stops_at_the_first_match_and_longest_goes_on() {
        // "a" ends before "Thank" does, and "abc" is the longest at its start.
        let text = "Thank you, abcd.";
        let find = |kind| {
            PhraseDfa::new(PHRASES, kind)
                .find_iter(text.as_bytes())
                .map(|m| &text[m.start..m.end])
                .collect::<Vec<_>>()
        };
        assert_eq!(find(MatchKind::Standard), ["a", "you", "a", "bcd"]);
        assert_eq!(find(MatchKind::LeftmostLongest), ["Thank you", "abc"]);
    }
}

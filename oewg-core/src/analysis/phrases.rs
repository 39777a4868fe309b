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

    /// The matches in `bytes`, in order, into `out` (cleared first): what
    /// aho-corasick's `find_iter` with the same phrases and semantics
    /// gives, found by two searches at once.
    ///
    /// Each byte's step waits for the step before it (a load from the
    /// table), so one search uses a fraction of what the processor could
    /// do; two independent chains of steps run in about the time of one.
    /// A text is cut after a byte of no phrase near its middle: every
    /// search is back at the start state after such a byte, with no match
    /// pending (a pending match ends in the dead state there, and its
    /// search starts again before it), so the halves' matches are the
    /// whole text's.
    ///
    /// Each match goes through `keep`, and what it gives is pushed to
    /// `out` (cleared first).
    pub(crate) fn find_into<T>(
        &self,
        bytes: &[u8],
        out: &mut Vec<T>,
        keep: impl FnMut(PhraseMatch) -> Option<T>,
    ) {
        self.find_split(bytes, out, keep, SPLIT_FROM);
    }

    /// [`PhraseDfa::find_into`], cutting texts of `split_from` bytes or
    /// more.
    fn find_split<T>(
        &self,
        bytes: &[u8],
        out: &mut Vec<T>,
        mut keep: impl FnMut(PhraseMatch) -> Option<T>,
        split_from: usize,
    ) {
        out.clear();
        let cut = if bytes.len() >= split_from {
            let mid = bytes.len() / 2;
            bytes[mid..]
                .iter()
                .position(|&b| self.class[usize::from(b)] == 0)
                .map(|p| mid + p + 1)
                .filter(|&k| k < bytes.len())
        } else {
            None
        };
        let Some(k) = cut else {
            let mut one = Chain::new(self, bytes, 0);
            one.run(self, &mut |m| out.extend(keep(m)));
            return;
        };
        let mut a = Chain::new(self, &bytes[..k], 0);
        let mut b = Chain::new(self, bytes, k);
        // The second half's matches, until the first half's are out.
        let mut later = Vec::new();
        let mut first = |m| out.extend(keep(m));
        let mut second = |m| later.push(m);
        let step =
            |s: u16, b: u8| self.next[usize::from(s) + usize::from(self.class[usize::from(b)])];
        while !a.done && !b.done {
            if let (Some(&[a0, a1, a2, a3]), Some(&[b0, b1, b2, b3])) =
                (a.bytes.get(a.i..a.i + 4), b.bytes.get(b.i..b.i + 4))
            {
                // The two chains' steps interleaved, so that each waits
                // while the other's load is under way.
                let sa1 = step(a.s, a0);
                let sb1 = step(b.s, b0);
                let sa2 = step(sa1, a1);
                let sb2 = step(sb1, b1);
                let sa3 = step(sa2, a2);
                let sb3 = step(sb2, b2);
                let sa4 = step(sa3, a3);
                let sb4 = step(sb3, b3);
                if (sa1 | sa2 | sa3 | sa4 | sb1 | sb2 | sb3 | sb4) & SPECIAL == 0 {
                    (a.s, b.s) = (sa4, sb4);
                    a.i += 4;
                    b.i += 4;
                    continue;
                }
            }
            for _ in 0..4 {
                a.step_one(self, &mut first);
                b.step_one(self, &mut second);
            }
        }
        a.run(self, &mut first);
        b.run(self, &mut second);
        out.extend(later.into_iter().filter_map(keep));
    }
}

/// One search through a text: the state, the next byte, the match it
/// would report.
struct Chain<'a> {
    bytes: &'a [u8],
    s: u16,
    i: usize,
    found: Option<PhraseMatch>,
    done: bool,
}

impl<'a> Chain<'a> {
    fn new(dfa: &PhraseDfa, bytes: &'a [u8], from: usize) -> Chain<'a> {
        Chain {
            bytes,
            s: dfa.start,
            i: from,
            found: None,
            done: false,
        }
    }

    /// Runs the chain to the end of its bytes.
    fn run(&mut self, dfa: &PhraseDfa, out: &mut impl FnMut(PhraseMatch)) {
        let step =
            |s: u16, b: u8| dfa.next[usize::from(s) + usize::from(dfa.class[usize::from(b)])];
        while !self.done {
            while let Some(&[a, b, c, e]) = self.bytes.get(self.i..self.i + 4) {
                let s1 = step(self.s, a);
                let s2 = step(s1, b);
                let s3 = step(s2, c);
                let s4 = step(s3, e);
                if (s1 | s2 | s3 | s4) & SPECIAL != 0 {
                    break;
                }
                self.s = s4;
                self.i += 4;
            }
            self.step_one(dfa, out);
        }
    }

    /// One byte of the search, or the end of the search where the bytes
    /// end; nothing once the chain is done.
    fn step_one(&mut self, dfa: &PhraseDfa, out: &mut impl FnMut(PhraseMatch)) {
        if self.done {
            return;
        }
        let Some(&b) = self.bytes.get(self.i) else {
            self.end_search(dfa, out);
            return;
        };
        self.s = dfa.next[usize::from(self.s) + usize::from(dfa.class[usize::from(b)])];
        self.i += 1;
        if self.s & SPECIAL != 0 {
            if Some(self.s) == dfa.dead {
                self.end_search(dfa, out);
                return;
            }
            let (len, phrase) = dfa.matches[usize::from(self.s - SPECIAL) / dfa.classes];
            self.found = Some(PhraseMatch {
                start: self.i - len,
                end: self.i,
                phrase,
            });
            if !dfa.longest {
                self.end_search(dfa, out);
            }
        }
    }

    /// The search ends: its match is reported and the next search starts
    /// where it ends, or, with none, the chain is done.
    fn end_search(&mut self, dfa: &PhraseDfa, out: &mut impl FnMut(PhraseMatch)) {
        match self.found.take() {
            Some(m) => {
                out(m);
                self.s = dfa.start;
                self.i = m.end;
            }
            None => self.done = true,
        }
    }
}

/// Texts shorter than this are searched in one chain: the cut would cost
/// more than it saves.
const SPLIT_FROM: usize = 128;

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

    /// The matches as (start, end, phrase), cutting texts from
    /// `split_from` bytes on.
    fn found(dfa: &PhraseDfa, text: &str, split_from: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        dfa.find_split(
            text.as_bytes(),
            &mut out,
            |m| Some((m.start, m.end, m.phrase)),
            split_from,
        );
        out
    }

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
            for (ours_dfa, theirs) in &searchers {
                let theirs: Vec<_> = theirs
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                // In one search, and cut in two wherever a text can be.
                assert_eq!(found(ours_dfa, &text, usize::MAX), theirs, "on {text:?}");
                assert_eq!(found(ours_dfa, &text, 0), theirs, "cut in two, on {text:?}");
            }
        }
    }

    #[test]
    fn standard_stops_at_the_first_match_and_longest_goes_on() {
        // "a" ends before "Thank" does, and "abc" is the longest at its start.
        let text = "Thank you, abcd.";
        let find = |kind| {
            found(&PhraseDfa::new(PHRASES, kind), text, usize::MAX)
                .into_iter()
                .map(|(s, e, _)| &text[s..e])
                .collect::<Vec<_>>()
        };
        assert_eq!(find(MatchKind::Standard), ["a", "you", "a", "bcd"]);
        assert_eq!(find(MatchKind::LeftmostLongest), ["Thank you", "abc"]);
    }
}

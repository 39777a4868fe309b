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

/// The whole-word leftmost-longest matches of a set of phrases, ASCII case
/// ignored, found from the starts of words: what [`PhraseDfa::find_into`]
/// gives with `MatchKind::LeftmostLongest` and a whole-word `keep`, at a
/// fraction of its cost where few words start a phrase.
///
/// The automaton reads every byte; a match it keeps starts a word, so
/// only word starts need looking at: eight bytes at a time tell them
/// (ASCII letters after no ASCII letter or digit), and a table of the
/// phrases by their first two letters turns nearly all away. What the
/// automaton does that this does not: a match starting inside a word
/// ("non paper" in "canon paper") is not kept, but hides the words it
/// runs over. Where such a match could hide a phrase found here, the
/// search gives up and the caller asks the automaton.
pub(crate) struct WordStartPhrases {
    /// For the first two bytes of a word (`a | b << 8`, either case), one
    /// more than the index in `by_pair` of the phrases starting with them;
    /// 0 for the many pairs that start none.
    pair_group: Box<[u8; 1 << 16]>,
    /// The phrases by their first two letters: a range of `entries`.
    by_pair: Vec<(u16, u16)>,
    /// For each of `by_pair`, the third and the fourth bytes its phrases
    /// may have, a bit each (`(byte | 0x20) & 31`, so both cases of a
    /// letter share one): most words with a phrase's first two letters
    /// are told from it by the next two ("the" from "those of").
    next_bytes: Vec<(u32, u32)>,
    /// (first four bytes lower-cased, the mask of those the phrase has,
    /// the phrase in lower case, whether a phrase of `across` starting
    /// inside a word could run over it).
    entries: Vec<(u32, u32, Vec<u8>, bool)>,
    /// The phrases that run over more than one word, by the last two
    /// letters of their first word: a range of `across`.
    across_by_pair: Vec<(u16, u16)>,
    /// (the phrase in lower case, the length of its first word).
    across: Vec<(Vec<u8>, usize)>,
    /// The longest phrase of `across`.
    longest_across: usize,
}

/// The index of a pair of lower-case ASCII letters.
fn pair(a: u8, b: u8) -> usize {
    usize::from(a - b'a') * 26 + usize::from(b - b'a')
}

/// The lower-cased first bytes of `bytes` from `at` as a key: four bytes,
/// zero past the end (no phrase holds a zero byte).
fn key_at(bytes: &[u8], at: usize) -> u32 {
    let mut k = [0u8; 4];
    for (i, slot) in k.iter_mut().enumerate() {
        if let Some(&b) = bytes.get(at + i) {
            *slot = b.to_ascii_lowercase();
        }
    }
    u32::from_le_bytes(k)
}

/// `b` in every byte.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

const HIGH: u64 = splat(0x80);

/// The high bit of each byte of `x` that is an ASCII letter.
fn letters(x: u64) -> u64 {
    // Letters of both cases are the lower-case ones once bit 0x20 is set;
    // for the low seven bits of each byte, at least `a` and not at least
    // `z + 1`: no borrow crosses bytes, as each minuend byte is 0x80 or
    // more. Bytes of 0x80 or more are none.
    let v = x | splat(0x20) | HIGH;
    (v - splat(b'a')) & !(v - splat(b'z' + 1)) & !x & HIGH
}

impl WordStartPhrases {
    /// The searcher of `phrases`.
    ///
    /// # Panics
    /// When a phrase does not start with two ASCII letters, or holds a
    /// zero byte: the phrase lists are fixed, and their tests build each.
    pub(crate) fn new(phrases: &[&str]) -> WordStartPhrases {
        let low: Vec<Vec<u8>> = phrases
            .iter()
            .map(|p| p.as_bytes().to_ascii_lowercase())
            .collect();
        for p in &low {
            assert!(
                p.len() >= 2 && p[0].is_ascii_lowercase() && p[1].is_ascii_lowercase(),
                "a phrase starts with two letters"
            );
            assert!(!p.contains(&0), "no phrase holds a zero byte");
        }
        let group = |items: Vec<(usize, Vec<u8>, usize)>| {
            let mut items = items;
            items.sort_by_key(|i| (i.0, std::cmp::Reverse(i.1.len())));
            let mut ranges = vec![(0u16, 0u16); 26 * 26];
            for (k, item) in items.iter().enumerate() {
                let r = &mut ranges[item.0];
                let k = u16::try_from(k).expect("few phrases");
                if r.0 == r.1 {
                    *r = (k, k);
                }
                r.1 = k + 1;
            }
            (ranges, items)
        };
        let (all_pairs, items) = group(
            low.iter()
                .map(|p| (pair(p[0], p[1]), p.clone(), 0))
                .collect(),
        );
        let mut pair_group = Box::new([0u8; 1 << 16]);
        let mut by_pair = Vec::new();
        let mut next_bytes = Vec::new();
        let bit = |b: u8| 1u32 << ((b | 0x20) & 31);
        for (k, &range) in all_pairs.iter().enumerate().filter(|(_, r)| r.0 < r.1) {
            by_pair.push(range);
            let (mut third, mut fourth) = (0, 0);
            for (_, p, _) in &items[usize::from(range.0)..usize::from(range.1)] {
                third |= p.get(2).map_or(u32::MAX, |&b| bit(b));
                fourth |= p.get(3).map_or(u32::MAX, |&b| bit(b));
            }
            next_bytes.push((third, fourth));
            let g = u8::try_from(by_pair.len()).expect("few pairs");
            let (a, b) = (b'a' + (k / 26) as u8, b'a' + (k % 26) as u8);
            for a in [a, a.to_ascii_uppercase()] {
                for b in [b, b.to_ascii_uppercase()] {
                    pair_group[usize::from(a) | usize::from(b) << 8] = g;
                }
            }
        }
        // The rest of each phrase of more than one word, from each of its
        // words but the first: what a phrase hidden by it would start as.
        let tails: Vec<&[u8]> = low
            .iter()
            .flat_map(|p| {
                (1..p.len())
                    .filter(|&j| !p[j - 1].is_ascii_alphanumeric() && p[j].is_ascii_alphanumeric())
                    .map(move |j| &p[j..])
            })
            .collect();
        let entries = items
            .into_iter()
            .map(|(_, p, _)| {
                let may_hide = tails.iter().any(|t| {
                    let m = t.len().min(p.len());
                    t[..m] == p[..m]
                });
                let n = p.len().min(4);
                let mut k = [0u8; 4];
                k[..n].copy_from_slice(&p[..n]);
                let mask = if n == 4 {
                    u32::MAX
                } else {
                    (1u32 << (8 * n)) - 1
                };
                (u32::from_le_bytes(k), mask, p, may_hide)
            })
            .collect();
        let across_items: Vec<(usize, Vec<u8>, usize)> = low
            .iter()
            .filter_map(|p| {
                let first = p.iter().position(|b| !b.is_ascii_alphanumeric())?;
                assert!(
                    first >= 2
                        && p[..first].iter().all(u8::is_ascii_lowercase)
                        && matches!(p[first], b' ' | b'-' | b'.'),
                    "a phrase's first word is letters, then a space, hyphen or full stop"
                );
                Some((pair(p[first - 2], p[first - 1]), p.clone(), first))
            })
            .collect();
        let longest_across = across_items.iter().map(|a| a.1.len()).max().unwrap_or(0);
        let (across_by_pair, across_items) = group(across_items);
        WordStartPhrases {
            pair_group,
            by_pair,
            next_bytes,
            entries,
            across_by_pair,
            across: across_items.into_iter().map(|(_, p, f)| (p, f)).collect(),
            longest_across,
        }
    }

    /// The whole-word matches of `text`, as (start, end), into `out`
    /// (cleared first); false when a match starting inside a word could
    /// hide one of them, and `out` is not to be used.
    pub(crate) fn find(&self, text: &str, out: &mut Vec<(usize, usize)>) -> bool {
        out.clear();
        let bytes = text.as_bytes();
        let mut last_end = 0;
        // The high bit of the last byte of the block before, if a letter,
        // moved to the first byte.
        let mut carry = 0u64;
        let n = bytes.len();
        let mut base = 0;
        while base < n {
            let x = match bytes.get(base..base + 8) {
                Some(block) => u64::from_le_bytes(block.try_into().expect("eight bytes")),
                None => {
                    let mut b = [0u8; 8];
                    b[..n - base].copy_from_slice(&bytes[base..]);
                    u64::from_le_bytes(b)
                }
            };
            let letter = letters(x);
            // Letters after none (after a digit or a byte of 0x80 or more
            // too, settled once a phrase is found).
            let mut starts = letter & !((letter << 8) | carry);
            carry = letter >> 56;
            while starts != 0 {
                let r = base + (starts.trailing_zeros() / 8) as usize;
                starts &= starts - 1;
                let Some(&[a, b]) = bytes.get(r..r + 2) else {
                    continue;
                };
                let g = self.pair_group[usize::from(a) | usize::from(b) << 8];
                if g == 0 || r < last_end {
                    continue;
                }
                let g = usize::from(g - 1);
                let (third, fourth) = self.next_bytes[g];
                let bit = |at: usize| {
                    bytes
                        .get(at)
                        .map_or(u32::MAX, |&c| 1u32 << ((c | 0x20) & 31))
                };
                if third & bit(r + 2) == 0 || fourth & bit(r + 3) == 0 {
                    continue;
                }
                match self.at_word_start(text, r, g) {
                    Some(Some((e, whole))) => {
                        if whole {
                            out.push((r, e));
                        }
                        last_end = e;
                    }
                    Some(None) => {}
                    None => return false,
                }
            }
            base += 8;
        }
        true
    }

    /// The longest phrase at byte `r` (a letter after no ASCII letter) of
    /// group `g`, if any, and if `r` starts a word: where it ends and
    /// whether it ends a word. None when a phrase starting inside a word
    /// could hide it.
    #[inline(never)]
    fn at_word_start(&self, text: &str, r: usize, g: usize) -> Option<Option<(usize, bool)>> {
        let bytes = text.as_bytes();
        let (from, to) = self.by_pair[g];
        let key = key_at(bytes, r);
        // The longest first.
        let Some((len, may_hide)) = self.entries[usize::from(from)..usize::from(to)]
            .iter()
            .find(|(k, mask, p, _)| {
                key & mask == *k
                    && bytes
                        .get(r..r + p.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(p))
            })
            .map(|(_, _, p, may_hide)| (p.len(), *may_hide))
        else {
            return Some(None);
        };
        // After a digit, or a character of two bytes or more that is a
        // letter or digit, no word starts.
        if r > 0
            && (bytes[r - 1].is_ascii_digit()
                || bytes[r - 1] >= 0x80
                    && text[..r]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric))
        {
            return Some(None);
        }
        // Only where the rest of a phrase of more than one word could read
        // as this one.
        if may_hide && self.hidden(text, r) {
            return None;
        }
        let e = r + len;
        let whole = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        Some(Some((e, whole)))
    }

    /// Whether a phrase starting inside a word runs over byte `r` (the
    /// start of a word): its first word ends a longer word just before a
    /// space, hyphen or full stop, and the rest follows.
    fn hidden(&self, text: &str, r: usize) -> bool {
        let bytes = text.as_bytes();
        for q in r.saturating_sub(self.longest_across).max(2)..r {
            if !matches!(bytes[q], b' ' | b'-' | b'.') {
                continue;
            }
            let (a, b) = (bytes[q - 2], bytes[q - 1]);
            if !a.is_ascii_alphabetic() || !b.is_ascii_alphabetic() {
                continue;
            }
            let (from, to) = self.across_by_pair[pair(a | 0x20, b | 0x20)];
            for (p, first) in &self.across[usize::from(from)..usize::from(to)] {
                let Some(start) = q.checked_sub(*first).filter(|&s| s > 0) else {
                    continue;
                };
                if start + p.len() > r
                    && bytes
                        .get(start..start + p.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(p))
                    && text[..start]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                {
                    return true;
                }
            }
        }
        false
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

//! A case-blind search for a fixed set of phrases: the floor audit's cues.
//! (The proposals' triggers were found by one too, leftmost-longest,
//! until they were found in the topics' walk over word starts; that
//! semantics stays here, held to the crate by the tests.)
//!
//! aho-corasick builds the automaton (its noncontiguous NFA, every state
//! and transition of which is then asked once); it is copied into a table
//! of our own, a DFA read by a loop of a few instructions a byte, four bytes at
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
    ///
    /// A dead or matching state leads only to itself here, so that the
    /// last of a few steps tells whether any met one; its own transitions
    /// are in [`PhraseDfa::after_special`].
    next: Box<[u16; (1 << 16) + 256]>,
    /// The transitions of the dead and matching states, by
    /// `state - SPECIAL + class`: a search goes on past a match (with
    /// leftmost-longest semantics) by these.
    after_special: Vec<u16>,
    /// The dead state, if the automaton has one.
    dead: Option<u16>,
    /// The length and phrase of the match a matching state reports, by
    /// `(state - SPECIAL) / classes`.
    matches: Vec<(usize, usize)>,
    /// Classes in all.
    classes: usize,
    /// Three common bytes of no phrase, searched for where to cut a text
    /// (a comma, a newline, the first byte of a curly quote or a dash),
    /// when the phrases hold none of them.
    cut_bytes: Option<[u8; 3]>,
    /// The start state.
    start: u16,
    /// Leftmost-longest semantics (a search goes on past a match, to the
    /// dead state, and reports the last match passed); otherwise standard
    /// (a search stops at the first matching state).
    longest: bool,
}

/// The first number of a dead or matching state: one bit, tested on the
/// last state of a few steps (a dead or matching state leads only to
/// itself in [`PhraseDfa::next`]).
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
        // The crate's noncontiguous NFA, not its DFA: its states and
        // their transitions (failures followed) are the DFA's, and the
        // table below asks each of them once, where the crate's DFA would
        // first work out every transition of its own (on 20 seed copies,
        // the two searchers' builds took 14.3 M instructions, most of
        // them that).
        let dfa = aho_corasick::nfa::noncontiguous::NFA::builder()
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
        let cut_bytes: Vec<u8> = [b',', b'\n', 0xe2, b'(', b';', b'"', b':']
            .into_iter()
            .filter(|&b| class[usize::from(b)] == 0)
            .take(3)
            .collect();
        let classes = members.len();
        // Every state reachable from the start, the start first, with its
        // successors by class.
        let start = dfa.start_state(Anchored::No).expect("an unanchored start");
        // The place in `ids` of each state met, by the NFA's number (its
        // states are numbered from 0 up).
        let mut index: Vec<Option<usize>> = Vec::new();
        let mut place = |sid: aho_corasick::automaton::StateID, ids: &mut Vec<_>| {
            let at = sid.as_usize();
            if index.len() <= at {
                index.resize(at + 1, None);
            }
            *index[at].get_or_insert_with(|| {
                ids.push(sid);
                ids.len() - 1
            })
        };
        let mut ids = Vec::new();
        place(start, &mut ids);
        let mut rows: Vec<Vec<usize>> = Vec::new();
        while rows.len() < ids.len() {
            let sid = ids[rows.len()];
            let row = members
                .iter()
                .map(|&b| place(dfa.next_state(Anchored::No, sid, b), &mut ids))
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
        let mut after_special = vec![0u16; other - usize::from(SPECIAL)];
        let mut matches = vec![(0, 0); (other - usize::from(SPECIAL)) / classes];
        let mut dead = None;
        for (i, row) in rows.iter().enumerate() {
            let n = number[i];
            for (c, &to) in row.iter().enumerate() {
                let to = u16::try_from(number[to]).expect("checked above");
                if special(i) {
                    next[n + c] = u16::try_from(n).expect("checked above");
                    after_special[n - usize::from(SPECIAL) + c] = to;
                } else {
                    next[n + c] = to;
                }
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
            after_special,
            dead,
            matches,
            classes,
            cut_bytes: cut_bytes.try_into().ok(),
            start: u16::try_from(number[0]).expect("checked above"),
            longest: kind == MatchKind::LeftmostLongest,
        }
    }

    /// The matches in `bytes`, in order, into `out` (cleared first): what
    /// aho-corasick's `find_iter` with the same phrases and semantics
    /// gives, found by up to four searches at once.
    ///
    /// Each byte's step waits for the step before it (a load from the
    /// table), so one search uses a fraction of what the processor could
    /// do; independent chains of steps run side by side in about the time
    /// of one. A text is cut after bytes of no phrase near its quarters
    /// (or its middle, when short): every search is back at the start
    /// state after such a byte, with no match pending (a pending match
    /// ends in the dead state there, and its search starts again before
    /// it), so the pieces' matches are the whole text's.
    ///
    /// Each match goes through `keep`, in order, and what it gives is
    /// pushed to `out` (cleared first).
    pub(crate) fn find_into<T>(
        &self,
        bytes: &[u8],
        out: &mut Vec<T>,
        keep: impl FnMut(PhraseMatch) -> Option<T>,
    ) {
        self.find_split(bytes, out, keep, SPLIT_FROM, SPLIT_IN_FOUR_FROM);
    }

    /// [`PhraseDfa::find_into`], cutting texts of `split_from` bytes or
    /// more in two, of `four_from` or more in four.
    fn find_split<T>(
        &self,
        bytes: &[u8],
        out: &mut Vec<T>,
        mut keep: impl FnMut(PhraseMatch) -> Option<T>,
        split_from: usize,
        four_from: usize,
    ) {
        out.clear();
        let n = bytes.len();
        let (starts, pieces) = self.pieces(bytes, split_from, four_from);
        // A chain for each piece, the next piece's start its end.
        let chain = |p: usize| {
            let end = if p + 1 < pieces { starts[p + 1] } else { n };
            Chain::new(self, p, &bytes[..end], starts[p])
        };
        // The later pieces' matches, by piece, until the first's are out.
        let mut later: Vec<(usize, PhraseMatch)> = Vec::new();
        let mut report = |p: usize, m: PhraseMatch| {
            if p == 0 {
                out.extend(keep(m));
            } else {
                later.push((p, m));
            }
        };
        let mut chains = [chain(0), chain(1), chain(2), chain(3)];
        self.run_all(&mut chains[..pieces], &mut report);
        for p in 1..pieces {
            out.extend(later.iter().filter(|l| l.0 == p).filter_map(|l| keep(l.1)));
        }
    }

    /// The starts of the pieces `bytes` is cut in (the first `.1` of
    /// `.0`): 0, then each cut just after a byte of no phrase at or after
    /// its share of the text; four pieces from `four_from` bytes on, two
    /// from `split_from`, as far as there are such bytes.
    fn pieces(&self, bytes: &[u8], split_from: usize, four_from: usize) -> ([usize; 4], usize) {
        let n = bytes.len();
        let mut starts = [0usize; 4];
        let mut pieces = 1;
        let shares: &[usize] = if n >= four_from {
            &[n / 4, n / 2, n / 4 * 3]
        } else if n >= split_from {
            &[n / 2]
        } else {
            &[]
        };
        for &share in shares {
            match self.cut_after(bytes, share.max(starts[pieces - 1])) {
                Some(k) => {
                    starts[pieces] = k;
                    pieces += 1;
                }
                None => break,
            }
        }
        (starts, pieces)
    }

    /// The matches in each of `texts`: what [`PhraseDfa::find_into`] gives
    /// for each, with the index of its text, in order of texts and of
    /// places; each match goes through `keep` with that index, and what
    /// it gives is pushed to `out` (cleared first).
    ///
    /// Four searches run side by side over different texts, and pieces of
    /// the longest: a search that ends takes the next text, so that the
    /// four go on together over texts of any length, with no text cut
    /// only to keep them busy.
    pub(crate) fn find_in_each<T>(
        &self,
        texts: &[&[u8]],
        out: &mut Vec<(usize, T)>,
        keep: impl FnMut(usize, PhraseMatch) -> Option<T>,
    ) {
        self.find_in_each_split(texts, out, keep, LONG_TEXT);
    }

    /// [`PhraseDfa::find_in_each`], cutting texts of `four_from` bytes or
    /// more in four.
    fn find_in_each_split<T>(
        &self,
        texts: &[&[u8]],
        out: &mut Vec<(usize, T)>,
        mut keep: impl FnMut(usize, PhraseMatch) -> Option<T>,
        four_from: usize,
    ) {
        out.clear();
        // The pieces to search, in order: (text, start, end).
        let mut items: Vec<(usize, usize, usize)> = Vec::with_capacity(texts.len());
        for (t, bytes) in texts.iter().enumerate() {
            let (starts, pieces) = self.pieces(bytes, usize::MAX, four_from);
            for p in 0..pieces {
                let end = if p + 1 < pieces {
                    starts[p + 1]
                } else {
                    bytes.len()
                };
                items.push((t, starts[p], end));
            }
        }
        // The matches by piece, as the searches find them.
        let mut found: Vec<(usize, PhraseMatch)> = Vec::new();
        let mut report = |item: usize, m: PhraseMatch| found.push((item, m));
        let chain = |i: usize| {
            let (t, start, end) = items[i];
            Chain::new(self, i, &texts[t][..end], start)
        };
        let mut lanes: [Chain<'_>; 4] = std::array::from_fn(|_| Chain::finished());
        let mut next = 0;
        loop {
            for lane in &mut lanes {
                if lane.done && next < items.len() {
                    *lane = chain(next);
                    next += 1;
                }
            }
            if lanes.iter().any(|c| c.done) {
                // No piece left to take: the lanes left run out.
                self.run_all(&mut lanes, &mut report);
                break;
            }
            self.four(lanes.each_mut(), &mut report);
        }
        // In order of pieces, and so of texts; each piece's in order.
        found.sort_by_key(|f| f.0);
        for (item, m) in found {
            let t = items[item].0;
            out.extend(keep(t, m).map(|v| (t, v)));
        }
    }

    /// Where a text may be cut at or after byte `from`: just after a byte
    /// of no phrase, and before the end.
    fn cut_after(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let rest = &bytes[from..];
        // Any byte of no phrase will do: the first of three common ones is
        // found by a vectorised search, while a look at every byte takes
        // as long as a step of the automaton.
        let common = self
            .cut_bytes
            .and_then(|[a, b, c]| memchr::memchr3(a, b, c, rest));
        common
            .or_else(|| rest.iter().position(|&b| self.class[usize::from(b)] == 0))
            .map(|p| from + p + 1)
            .filter(|&k| k < bytes.len())
    }

    /// The state after the four bytes `q` from state `s` in
    /// [`PhraseDfa::next`]: a dead or matching one when one was met.
    ///
    /// Each step waits on the one before it: the table is sliced at the
    /// byte's class first (which does not wait on the state) and then
    /// indexed by the state, so that the wait is one load; indexed by
    /// their sum, as `next[s + class]`, the address took an addition
    /// after the state's load, and the scan was about a fifth slower.
    #[inline(always)]
    fn quad(&self, s: u16, q: &[u8]) -> u16 {
        let step =
            |s: u16, b: u8| self.next[usize::from(self.class[usize::from(b)])..][usize::from(s)];
        step(step(step(step(s, q[0]), q[1]), q[2]), q[3])
    }

    /// Runs the chains to their ends, four or two of them side by side
    /// while as many are left.
    fn run_all(&self, chains: &mut [Chain<'_>], report: &mut impl FnMut(usize, PhraseMatch)) {
        loop {
            let mut live = chains.iter_mut().filter(|c| !c.done);
            match (live.next(), live.next(), live.next(), live.next()) {
                (Some(a), Some(b), Some(c), Some(d)) => self.four([a, b, c, d], report),
                (Some(a), Some(b), ..) => self.two([a, b], report),
                (Some(a), ..) => {
                    let piece = a.piece;
                    a.run(self, &mut |m| report(piece, m));
                }
                _ => return,
            }
        }
    }

    /// Steps four chains side by side, four bytes of each at a time, until
    /// one is done. The chains are independent: each step waits on its own
    /// chain's load only, while the others' are under way.
    fn four(&self, [a, b, c, d]: [&mut Chain<'_>; 4], report: &mut impl FnMut(usize, PhraseMatch)) {
        while !(a.done || b.done || c.done || d.done) {
            let (mut sa, mut sb, mut sc, mut sd) = (a.s, b.s, c.s, d.s);
            let mut taken = 0;
            // The states after the block that stopped the four, if one did.
            let mut stopped = None;
            let blocks = a.bytes[a.i..]
                .chunks_exact(4)
                .zip(b.bytes[b.i..].chunks_exact(4))
                .zip(c.bytes[c.i..].chunks_exact(4))
                .zip(d.bytes[d.i..].chunks_exact(4));
            for (((qa, qb), qc), qd) in blocks {
                let (ta, tb) = (self.quad(sa, qa), self.quad(sb, qb));
                let (tc, td) = (self.quad(sc, qc), self.quad(sd, qd));
                if (ta | tb | tc | td) & SPECIAL != 0 {
                    stopped = Some([ta, tb, tc, td]);
                    break;
                }
                (sa, sb, sc, sd) = (ta, tb, tc, td);
                taken += 4;
            }
            let chains = [(&mut *a, sa), (&mut *b, sb), (&mut *c, sc), (&mut *d, sd)];
            for (k, (chain, s)) in chains.into_iter().enumerate() {
                chain.s = s;
                chain.i += taken;
                match stopped {
                    // The block that stopped the four, as found for the
                    // chains that met no match or dead state in it.
                    Some(t) if t[k] & SPECIAL == 0 => {
                        chain.s = t[k];
                        chain.i += 4;
                    }
                    Some(_) => chain.steps(self, report),
                    // A chain with fewer than four bytes left.
                    None => chain.block(self, report),
                }
            }
        }
    }

    /// [`PhraseDfa::four`] with two chains.
    fn two(&self, [a, b]: [&mut Chain<'_>; 2], report: &mut impl FnMut(usize, PhraseMatch)) {
        while !(a.done || b.done) {
            let (mut sa, mut sb) = (a.s, b.s);
            let mut taken = 0;
            let blocks = a.bytes[a.i..]
                .chunks_exact(4)
                .zip(b.bytes[b.i..].chunks_exact(4));
            for (qa, qb) in blocks {
                let (ta, tb) = (self.quad(sa, qa), self.quad(sb, qb));
                if (ta | tb) & SPECIAL != 0 {
                    break;
                }
                (sa, sb) = (ta, tb);
                taken += 4;
            }
            for (chain, s) in [(&mut *a, sa), (&mut *b, sb)] {
                chain.s = s;
                chain.i += taken;
                chain.block(self, report);
            }
        }
    }
}

/// One search through a text: the state, the next byte, the match it
/// would report.
struct Chain<'a> {
    /// The piece of the text it searches, by its place among the pieces.
    piece: usize,
    bytes: &'a [u8],
    s: u16,
    i: usize,
    found: Option<PhraseMatch>,
    done: bool,
}

impl<'a> Chain<'a> {
    /// A chain with nothing to search.
    fn finished() -> Chain<'a> {
        Chain {
            piece: 0,
            bytes: &[],
            s: 0,
            i: 0,
            found: None,
            done: true,
        }
    }

    fn new(dfa: &PhraseDfa, piece: usize, bytes: &'a [u8], from: usize) -> Chain<'a> {
        Chain {
            piece,
            bytes,
            s: dfa.start,
            i: from,
            found: None,
            done: false,
        }
    }

    /// Runs the chain to the end of its bytes.
    fn run(&mut self, dfa: &PhraseDfa, out: &mut impl FnMut(PhraseMatch)) {
        while !self.done {
            let mut s = self.s;
            let mut taken = 0;
            for q in self.bytes[self.i..].chunks_exact(4) {
                let t = dfa.quad(s, q);
                if t & SPECIAL != 0 {
                    break;
                }
                s = t;
                taken += 4;
            }
            self.s = s;
            self.i += taken;
            self.step_one(dfa, out);
        }
    }

    /// The next four bytes at once when there are four and no match or
    /// dead state among them; else four single steps.
    fn block(&mut self, dfa: &PhraseDfa, report: &mut impl FnMut(usize, PhraseMatch)) {
        if let Some(q) = self.bytes.get(self.i..self.i + 4) {
            let s = dfa.quad(self.s, q);
            if s & SPECIAL == 0 {
                self.s = s;
                self.i += 4;
                return;
            }
        }
        self.steps(dfa, report);
    }

    /// Four single steps: past a match or dead state, or to the end.
    fn steps(&mut self, dfa: &PhraseDfa, report: &mut impl FnMut(usize, PhraseMatch)) {
        let piece = self.piece;
        for _ in 0..4 {
            self.step_one(dfa, &mut |m| report(piece, m));
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
        let class = usize::from(dfa.class[usize::from(b)]);
        self.s = match self.s.checked_sub(SPECIAL) {
            // On from a match, to a longer one.
            Some(special) => dfa.after_special[usize::from(special) + class],
            None => dfa.next[usize::from(self.s) + class],
        };
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

/// Texts of this length or more are searched in four chains.
const SPLIT_IN_FOUR_FROM: usize = 512;

/// Texts of this length or more, among many searched at once, are cut in
/// four: the searches that share out the other texts would wait for one
/// long text at the end.
const LONG_TEXT: usize = 4096;

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

    /// The matches as (start, end, phrase), cutting texts in two from
    /// `split_from` bytes on, in four from `four_from`.
    fn found(
        dfa: &PhraseDfa,
        text: &str,
        split_from: usize,
        four_from: usize,
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        dfa.find_split(
            text.as_bytes(),
            &mut out,
            |m| Some((m.start, m.end, m.phrase)),
            split_from,
            four_from,
        );
        out
    }

    /// The phrase searchers of both semantics, ours and the crate's.
    fn searchers() -> [(PhraseDfa, AhoCorasick); 2] {
        [MatchKind::Standard, MatchKind::LeftmostLongest].map(|kind| {
            let crate_ac = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(kind)
                .build(PHRASES)
                .unwrap();
            (PhraseDfa::new(PHRASES, kind), crate_ac)
        })
    }

    /// Whether our searcher finds in `text` what the crate's does, in one
    /// chain, in two and in four.
    fn agrees(ours: &PhraseDfa, theirs: &AhoCorasick, text: &str) -> Result<(), String> {
        let theirs: Vec<_> = theirs
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        for (split_from, four_from) in [(usize::MAX, usize::MAX), (0, usize::MAX), (0, 0)] {
            let got = found(ours, text, split_from, four_from);
            if got != theirs {
                return Err(format!(
                    "cut from {split_from}/{four_from}: {got:?} != {theirs:?} on {text:?}"
                ));
            }
        }
        Ok(())
    }

    /// Pieces the texts of the tests are made of: phrases in other cases,
    /// parts of them, bytes of no phrase.
    const PIECES: &[&str] = &[
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
        " ",
        ",",
        "’",
    ];

    /// Whether our searcher finds in each of `texts`, searched side by
    /// side, what the crate's does in it alone; long texts cut from
    /// `four_from` bytes on.
    fn agrees_in_each(
        ours: &PhraseDfa,
        theirs: &AhoCorasick,
        texts: &[String],
        four_from: usize,
    ) -> Result<(), String> {
        let want: Vec<_> = texts
            .iter()
            .enumerate()
            .flat_map(|(t, text)| {
                theirs
                    .find_iter(text)
                    .map(move |m| (t, (m.start(), m.end(), m.pattern().as_usize())))
            })
            .collect();
        let bytes: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
        let mut got = Vec::new();
        ours.find_in_each_split(
            &bytes,
            &mut got,
            |_, m| Some((m.start, m.end, m.phrase)),
            four_from,
        );
        if got == want {
            Ok(())
        } else {
            Err(format!(
                "cut from {four_from}: {got:?} != {want:?} on {texts:?}"
            ))
        }
    }

    #[test]
    fn the_same_matches_as_the_crate_in_each_text() {
        let searchers = searchers();
        let texts: Vec<String> = crate::text::pieced_texts(PIECES, 600, 40, 11).collect();
        for (ours, theirs) in &searchers {
            // Many texts and few, whole and cut.
            for n in [0, 1, 3, 4, 5, 9, 600] {
                for four_from in [usize::MAX, 64, 0] {
                    agrees_in_each(ours, theirs, &texts[..n], four_from).unwrap();
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn the_same_matches_as_the_crate_in_generated_texts(
            texts in proptest::collection::vec(
                proptest::collection::vec(0..PIECES.len(), 0..120), 0..12),
        ) {
            let texts: Vec<String> = texts
                .iter()
                .map(|picks| picks.iter().map(|&i| PIECES[i]).collect())
                .collect();
            for (ours, theirs) in &searchers() {
                for four_from in [usize::MAX, 64, 0] {
                    if let Err(e) = agrees_in_each(ours, theirs, &texts, four_from) {
                        proptest::prop_assert!(false, "{}", e);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_same_matches_as_the_crate_on_generated_texts(
            picks in proptest::collection::vec(0..PIECES.len(), 0..300),
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            for (ours, theirs) in &searchers() {
                if let Err(e) = agrees(ours, theirs, &text) {
                    proptest::prop_assert!(false, "{}", e);
                }
            }
        }
    }

    #[test]
    fn the_same_matches_as_the_crate() {
        let searchers = searchers();
        for text in crate::text::pieced_texts(PIECES, 4000, 24, 7) {
            for (ours, theirs) in &searchers {
                // In one search, and cut in two or four wherever a text can be.
                agrees(ours, theirs, &text).unwrap();
            }
        }
    }

    #[test]
    fn standard_stops_at_the_first_match_and_longest_goes_on() {
        // "a" ends before "Thank" does, and "abc" is the longest at its start.
        let text = "Thank you, abcd.";
        let find = |kind| {
            found(&PhraseDfa::new(PHRASES, kind), text, usize::MAX, usize::MAX)
                .into_iter()
                .map(|(s, e, _)| &text[s..e])
                .collect::<Vec<_>>()
        };
        assert_eq!(find(MatchKind::Standard), ["a", "you", "a", "bcd"]);
        assert_eq!(find(MatchKind::LeftmostLongest), ["Thank you", "abc"]);
    }
}

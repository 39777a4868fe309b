//! What the analyses share: sentences of a statement's text, and the
//! [`Excerpt`] that shows a reader the words an analysis rests on.

use crate::model::{Span, Statement};
use serde::{Deserialize, Serialize};

/// A piece of a statement's text that an analysis rests on: a sentence
/// giving the floor, an alignment, an agenda announcement.
///
/// `start..end` are byte offsets in [`Statement::text`] (the normalised
/// text, which analyses read), so `&statement.text[start..end] == text`.
/// `paragraph` is the raw span in the source of the paragraph holding it,
/// with its line numbers, to find it in the record.
///
/// ```
/// let s = oewg_core::parse("Chair: Thank you, Chile. Cuba, you have the floor.\nCuba: Hi.\n").unwrap();
/// let event = &s.analysis.floor_audit.events[1];
/// let st = &s.statements[event.excerpt.statement];
/// assert_eq!(&st.text[event.excerpt.start..event.excerpt.end], event.excerpt.text);
/// assert_eq!(event.excerpt.text, "Cuba, you have the floor.");
/// assert_eq!(event.excerpt.paragraph.unwrap().line_start, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Excerpt {
    /// Index of the statement.
    pub statement: usize,
    /// Byte offset of the first byte in the statement's text.
    pub start: usize,
    /// Byte offset just past the last byte in the statement's text.
    pub end: usize,
    /// The words themselves.
    pub text: String,
    /// The source span of the paragraph the words are in, when the
    /// statement records its paragraphs.
    pub paragraph: Option<Span>,
}

impl Excerpt {
    /// The excerpt of `st.text[start..end]`; the range must lie on
    /// character boundaries of the text (the sentence splitter's do).
    pub(crate) fn new(st: &Statement, start: usize, end: usize) -> Excerpt {
        let text = st.text.get(start..end).unwrap_or_default().to_string();
        Excerpt {
            statement: st.index,
            start,
            end,
            text,
            paragraph: paragraph_of(st, start).and_then(|p| st.paragraphs.get(p).copied()),
        }
    }
}

/// Index of the paragraph of `st.text` holding byte `at`: paragraphs are
/// separated by a blank line (`"\n\n"`). The breaks of the last text
/// asked about are kept, so the many excerpts of one long statement cost
/// a binary search each, not a scan of the text before them. Each public
/// analysis calls [`forget_paragraphs`] first: the text is then known by
/// its address for as long as the session it belongs to is borrowed.
pub(crate) fn paragraph_of(st: &Statement, at: usize) -> Option<usize> {
    st.text.get(..at)?;
    let key = (st.text.as_ptr() as usize, st.text.len());
    BREAKS.with(|b| {
        let mut b = b.borrow_mut();
        if (b.0, b.1) != key {
            *b = (key.0, key.1, all_breaks(st.text.as_bytes()));
        }
        Some(b.2.partition_point(|&p| p < at))
    })
}

thread_local! {
    static BREAKS: std::cell::RefCell<(usize, usize, Vec<usize>)> =
        const { std::cell::RefCell::new((0, 0, Vec::new())) };
}

/// Forgets the kept paragraph breaks (see [`paragraph_of`]).
pub(crate) fn forget_paragraphs() {
    BREAKS.with(|b| *b.borrow_mut() = (0, 0, Vec::new()));
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "para", "art", "e.g", "i.e", "vs", "etc", "h.e",
    "u.s", "u.k", "u.n", "prof", "amb", "op",
];

/// The sentences of a text as byte ranges, trimmed: a sentence ends at
/// `.`, `?` or `!` followed by white space or the end (closing quotes and
/// brackets stay with it), or at a paragraph break. A full stop after an
/// abbreviation ("Mr.") or a single capital ("J."), or before a word in
/// lower case (a stop that speech recognition put inside a sentence),
/// ends nothing. Linear in the text.
///
/// ```
/// use oewg_core::analysis::sentences;
/// let t = "Thank you, Mr. Chair. Cuba, please!\n\nWe propose it. as presented. Next";
/// let s: Vec<&str> = sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect();
/// assert_eq!(s, ["Thank you, Mr. Chair.", "Cuba, please!", "We propose it. as presented.", "Next"]);
/// ```
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for brk in
        memchr::memmem::find_iter(text.as_bytes(), b"\n\n").chain(std::iter::once(text.len()))
    {
        if brk < para_start {
            // The second of three newlines in a row: already split there.
            continue;
        }
        paragraph_sentences(text, para_start, brk, &mut out);
        para_start = brk + 2;
    }
    out
}

/// The sentences of `text[from..to]`, a paragraph.
fn paragraph_sentences(text: &str, from: usize, to: usize, out: &mut Vec<(usize, usize)>) {
    let mut split = ParagraphSplit::new(text, from, to);
    while split.next(out) {}
}

/// [`paragraph_sentences`] a sentence at a time: the reference that
/// [`raw_sentence_at`], which finds one sentence from inside it, is held to.
struct ParagraphSplit<'t> {
    text: &'t str,
    to: usize,
    /// Where the current sentence starts.
    start: usize,
    /// Sentence marks before this belong to the last sentence's end.
    skip_to: usize,
    /// Where the search for the next sentence mark goes on.
    pos: usize,
    done: bool,
}

impl<'t> ParagraphSplit<'t> {
    fn new(text: &'t str, from: usize, to: usize) -> Self {
        ParagraphSplit {
            text,
            to,
            start: from,
            skip_to: from,
            pos: from,
            done: false,
        }
    }

    /// Reads on to the end of the next sentence and pushes it (unless it
    /// is blank); false once the paragraph is done.
    fn next(&mut self, out: &mut Vec<(usize, usize)>) -> bool {
        if self.done {
            return false;
        }
        let (text, to) = (self.text, self.to);
        let bytes = &text.as_bytes()[..to];
        let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
            let (a, b) = trimmed(text, a, b);
            if a < b {
                out.push((a, b));
            }
        };
        while let Some(i) =
            memchr::memchr3(b'.', b'?', b'!', &bytes[self.pos..]).map(|i| self.pos + i)
        {
            self.pos = i + 1;
            if i < self.skip_to {
                continue;
            }
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'?' | b'!' | b'"' | b'\'' | b')')
            {
                end += 1;
            }
            // Closing typographic quotes (U+201D, U+2019) are 3 bytes.
            while closing_quote(&text.as_bytes()[end..to]) {
                end += 3;
            }
            self.skip_to = end;
            let at_break = end >= bytes.len() || bytes[end] == b' ' || bytes[end] == b'\n';
            if at_break
                && !(bytes[i] == b'.' && stop_ends_nothing(&text[self.start..i], &text[end..to]))
            {
                push(out, self.start, end);
                self.start = end;
                return true;
            }
        }
        push(out, self.start, to);
        self.done = true;
        true
    }
}

/// The range of `text[a..b].trim()`: ASCII white space (nearly all there
/// is at a sentence's ends) stripped a byte at a time, a character decoded
/// only where a byte of 0x80 or more is met at an end.
fn trimmed(text: &str, a: usize, b: usize) -> (usize, usize) {
    // What `char::is_whitespace` takes of ASCII: tab to carriage return,
    // and the space.
    let space = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    let bytes = text.as_bytes();
    let (mut s, mut e) = (a, b);
    while s < e && space(bytes[s]) {
        s += 1;
    }
    if s < e && bytes[s] >= 0x80 {
        s = e - text[s..e].trim_start().len();
    }
    while e > s && space(bytes[e - 1]) {
        e -= 1;
    }
    if e > s && bytes[e - 1] >= 0x80 {
        e = s + text[s..e].trim_end().len();
    }
    (s, e)
}

/// True when the full stop between `before` and `after` ends no sentence:
/// it closes an abbreviation ([`abbreviation_holds`]), or the next word is
/// in lower case, where speech recognition put a stop inside a sentence
/// ("as made by a few Member States. to adopt the modalities …").
fn stop_ends_nothing(before: &str, after: &str) -> bool {
    // Read by bytes: this is asked at every full stop of every sentence
    // searched, and `trim_start` decodes characters.
    after
        .bytes()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| b.is_ascii_lowercase())
        || abbreviation_holds(before, after)
}

/// True when the full stop between `before` and `after` closes an
/// abbreviation, and so ends no sentence. The abbreviations of a number
/// ("No. 5", "para. 3") hold only before one: "our answer is no. We
/// support …" ends at "no."; "etc." holds only before a word in lower case.
fn abbreviation_holds(before: &str, after: &str) -> bool {
    if !is_abbreviation(before) {
        return false;
    }
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    let next = after.trim_start().chars().next();
    if ["no", "nos", "para", "art", "op"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
    {
        return next.is_some_and(|c| c.is_ascii_digit() || c == '(');
    }
    if word.eq_ignore_ascii_case("etc") {
        return !next.is_some_and(char::is_uppercase);
    }
    true
}

fn is_abbreviation(before: &str) -> bool {
    // Most sentence marks follow a word of six bytes or more, which no
    // abbreviation is: told from the last six bytes alone when they are
    // ASCII with no break of a word among them. A shorter ASCII word,
    // after an ASCII break or at the start, is the word itself, compared
    // with the abbreviations as one number; only a word after a
    // character of 0x80 or more is read by characters.
    let bytes = before.as_bytes();
    let stop = bytes.len().saturating_sub(6);
    let mut start = bytes.len();
    while start > stop && IN_WORD[usize::from(bytes[start - 1])] {
        start -= 1;
    }
    if bytes.len() - start == 6 {
        return false;
    }
    if start == 0 || bytes[start - 1].is_ascii() {
        return match &bytes[start..] {
            [c] => c.is_ascii_uppercase(),
            word => ABBREVIATION_KEYS.contains(&short_key(word)),
        };
    }
    abbreviation_by_characters(before)
}

/// The ASCII bytes that go on a word back from a sentence mark: all but
/// white space and `(`.
const IN_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !matches!(b as u8, b'(' | b'\t'..=b'\r' | b' ');
        b += 1;
    }
    t
};

/// An ASCII word of at most seven bytes as one number: its bytes in
/// ASCII lower case, and its length in the top byte.
const fn short_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        key |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// [`ABBREVIATIONS`] by [`short_key`].
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = short_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

/// [`is_abbreviation`] a character at a time.
fn abbreviation_by_characters(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    word.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The sentences of `text` (as [`sentences`] splits it) that hold one of
/// the byte offsets `hits`, in order, each once. Each sentence is found
/// from its hit outwards, back to the sentence mark before it and on to
/// the one after: whether a mark ends a sentence depends only on the bytes
/// around it (see [`raw_sentence_at`]), so a hit deep in a long paragraph
/// costs the length of its sentence, not of the paragraph before it.
pub(crate) fn sentences_at(
    text: &str,
    hits: impl IntoIterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut done_until = 0;
    // The paragraph of the last hit, searched around each hit; or, where a
    // break the searches below do not see stands just before the hit, its
    // sentences split whole.
    let mut paragraph: Vec<(usize, usize)> = Vec::new();
    let mut local: Option<(usize, usize)> = None;
    // The untrimmed sentence of the last hit: the next hits are most often
    // in it.
    let mut raw = (0, 0);
    for at in hits {
        if at >= text.len() {
            continue;
        }
        if at >= done_until {
            // The last break before the hit is most often the one that
            // ended the paragraph before: looked for after it first.
            let after = match done_until {
                0 => None,
                from => last_break(&text.as_bytes()[from..at]).map(|p| from + p),
            };
            let start = after
                .or_else(|| last_break(&text.as_bytes()[..at]))
                .map_or(0, |p| p + 2);
            let end = first_break(&text.as_bytes()[at..]).map_or(text.len(), |p| at + p);
            let piece = &text[start..end];
            paragraph.clear();
            local = None;
            raw = (0, 0);
            if first_break(piece.as_bytes()).is_none() {
                local = Some((start, end));
            } else {
                // A break just before the hit, which the searches above do
                // not see: split the piece as `sentences` does.
                paragraph.extend(
                    sentences(piece)
                        .into_iter()
                        .map(|(a, b)| (start + a, start + b)),
                );
            }
            done_until = end;
        }
        let sentence = match local {
            Some((from, to)) => {
                if at < from || at >= to {
                    None
                } else {
                    if !(raw.0 <= at && at < raw.1) {
                        raw = raw_sentence_at(text, from, to, at);
                    }
                    let (a, b) = trimmed(text, raw.0, raw.1);
                    (a <= at && at < b).then_some((a, b))
                }
            }
            None => {
                // Sentences are in order: the first that ends past the hit
                // holds it if any does.
                let k = paragraph.partition_point(|&(_, b)| b <= at);
                paragraph.get(k).copied().filter(|&(a, _)| a <= at)
            }
        };
        if let Some(sentence) = sentence {
            if out.last() != Some(&sentence) {
                out.push(sentence);
            }
        }
    }
    out
}

/// The bytes that a sentence mark takes with it: more marks, closing
/// quotes and brackets ([`ParagraphSplit::next`]).
fn closes(b: u8) -> bool {
    matches!(b, b'.' | b'?' | b'!' | b'"' | b'\'' | b')')
}

/// Whether `bytes` start with a closing typographic quote (U+201D,
/// U+2019), which a sentence mark takes with it: told by bytes, with no
/// character decoded at every mark.
fn closing_quote(bytes: &[u8]) -> bool {
    matches!(bytes, [0xe2, 0x80, 0x9d | 0x99, ..])
}

/// The untrimmed sentence of the paragraph `text[from..to]` holding byte
/// `at` (`from <= at < to`), as [`ParagraphSplit`] cuts the paragraph,
/// found from `at` outwards.
///
/// The split reads each sentence mark that is not among the bytes a mark
/// before it took ([`closes`], then closing typographic quotes); those
/// are the first marks of each run of [`closes`] bytes. Such a mark ends a
/// sentence when the bytes it takes are followed by a space, a newline or
/// the paragraph's end and, for a full stop, it ends no abbreviation; the
/// abbreviation is told by the word before the mark alone, which starts
/// after white space at or after the sentence's start. So each mark is
/// settled by the bytes around it, whatever came before.
fn raw_sentence_at(text: &str, from: usize, to: usize, at: usize) -> (usize, usize) {
    let bytes = &text.as_bytes()[..to];
    let mark = |b: u8| matches!(b, b'.' | b'?' | b'!');
    // Where the bytes taken by the mark at `m` end, and whether a sentence
    // ends there.
    let ends_at = |m: usize| -> (usize, bool) {
        let mut end = m + 1;
        while end < to && closes(bytes[end]) {
            end += 1;
        }
        while closing_quote(&text.as_bytes()[end..to]) {
            end += 3;
        }
        let at_break = end >= to || bytes[end] == b' ' || bytes[end] == b'\n';
        let ends =
            at_break && !(bytes[m] == b'.' && stop_ends_nothing(&text[from..m], &text[end..to]));
        (end, ends)
    };
    let mut start = from;
    let mut end = None;
    // Back from the hit, a run of marks at a time.
    let mut hi = at;
    while let Some(i) = memchr::memrchr3(b'.', b'?', b'!', &bytes[from..hi]).map(|i| from + i) {
        let mut j = i;
        while j > from && closes(bytes[j - 1]) {
            j -= 1;
        }
        let first = j + bytes[j..=i].iter().position(|&b| mark(b)).unwrap_or(i - j);
        let (e, ends) = ends_at(first);
        if ends {
            if e <= at {
                start = e;
                break;
            }
            // The hit is among the bytes this mark takes.
            end = Some(e);
        }
        hi = j;
    }
    // On from the hit, to the first mark that ends a sentence.
    let end = end.unwrap_or_else(|| {
        let mut p = at;
        while let Some(i) = memchr::memchr3(b'.', b'?', b'!', &bytes[p..]).map(|i| p + i) {
            // A mark taken by one before it (only the run holding the hit
            // can start before it).
            let mut j = i;
            let mut taken = false;
            while j > from && closes(bytes[j - 1]) {
                j -= 1;
                if mark(bytes[j]) {
                    taken = true;
                    break;
                }
            }
            if taken {
                p = i + 1;
                continue;
            }
            let (e, ends) = ends_at(i);
            if ends {
                return e;
            }
            p = e;
        }
        to
    });
    (start, end)
}

/// Where the first `"\n\n"` of `bytes` starts: `memmem::find`, without
/// building a searcher for each of the many short searches of
/// [`sentences_at`].
fn first_break(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(q) = memchr::memchr(b'\n', &bytes[from..]).map(|q| from + q) {
        match bytes.get(q + 1) {
            Some(b'\n') => return Some(q),
            // The byte after q is no newline: no break starts before it.
            Some(_) => from = q + 2,
            None => return None,
        }
    }
    None
}

/// Where each `"\n\n"` of `bytes` starts, none overlapping:
/// `memmem::find_iter`, without building a searcher for each statement.
fn all_breaks(bytes: &[u8]) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut from = 0;
    while let Some(q) = first_break(&bytes[from..]) {
        breaks.push(from + q);
        from += q + 2;
    }
    breaks
}

/// Where the last `"\n\n"` of `bytes` starts: `memmem::rfind`, which
/// builds a searcher for each call and reads backwards a byte at a time.
fn last_break(bytes: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    // The last newline closes the last break if the byte before it is a
    // newline; if not, no break ends after it.
    while let Some(q) = memchr::memrchr(b'\n', &bytes[..end]) {
        if q > 0 && bytes[q - 1] == b'\n' {
            return Some(q - 1);
        }
        end = q.saturating_sub(1);
    }
    None
}

/// A fixed set of ASCII phrases, compiled once into one automaton on first
/// use: one pass finds the first of them, where a `find` per phrase would
/// build a searcher and read the text again for each.
pub(crate) struct Phrases {
    phrases: &'static [&'static str],
    ignore_case: bool,
    ac: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl Phrases {
    /// The phrases, matched byte for byte.
    pub(crate) const fn new(phrases: &'static [&'static str]) -> Phrases {
        Phrases {
            phrases,
            ignore_case: false,
            ac: std::sync::OnceLock::new(),
        }
    }

    /// The phrases, ASCII case ignored: the same offsets as searching the
    /// [`lower`] copy for lower-case phrases, without making the copy.
    pub(crate) const fn ignoring_case(phrases: &'static [&'static str]) -> Phrases {
        Phrases {
            phrases,
            ignore_case: true,
            ac: std::sync::OnceLock::new(),
        }
    }

    /// Where the first (leftmost) occurrence of any phrase starts: the
    /// least of the phrases' `find`s.
    pub(crate) fn first(&self, text: &str) -> Option<usize> {
        let ac = self.ac.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(self.ignore_case)
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(self.phrases)
                .expect("a small fixed set of phrases")
        });
        ac.find(text).map(|m| m.start())
    }
}

/// The ASCII lower case of a text, byte for byte (so offsets carry over):
/// the cue phrases the analyses look for are all ASCII.
pub(crate) fn lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// True when `word` occurs in `text` at `at` as a whole word: no letter or
/// digit just before or just after.
pub(crate) fn whole_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text.get(at + len..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The words of `text` in order, as byte ranges of letters, digits and
/// apostrophes.
pub(crate) fn words(text: &str) -> Vec<(usize, usize)> {
    // Room for a word in every six bytes, about what prose has: most
    // sentences fill it without growing it (four or five reallocations
    // each, from empty).
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    words_into(text, &mut out);
    out
}

/// [`words`] into a buffer the caller keeps (cleared first), so the many
/// sentences of a session reuse one allocation.
///
/// The text is read 64 bytes at a time into a bit mask of the bytes inside
/// words ([`inside_mask`]), and the words are read off the mask's edges:
/// a byte-by-byte loop costs a table load and a branch per byte, and most
/// words end unpredictably. A character of 0x80 or more is decoded only
/// where one is met ([`mark_characters`]).
pub(crate) fn words_into(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = text.as_bytes();
    // Where the word running into the current block starts, if one does.
    let mut open: Option<usize> = None;
    // Bytes of the current block that belong to a word-making character
    // begun in the block before.
    let mut carry = 0u64;
    let mut block = 0;
    while block < bytes.len() {
        let chunk = block_at(bytes, block);
        let mut inside = inside_mask(&chunk);
        (inside, carry) = match chunk.iter().fold(0, |m, &b| m | b) >= 0x80 {
            true => mark_characters(text, block, inside, carry),
            false => (inside, 0),
        };
        // A word starts at a byte inside after one outside (or before the
        // text), and ends at the first byte outside after it.
        let before = inside << 1 | u64::from(open.is_some());
        let mut starts = inside & !before;
        let mut ends = !inside & before;
        if let Some(start) = open {
            if ends == 0 {
                // On through the whole block.
                block += 64;
                continue;
            }
            out.push((start, block + ends.trailing_zeros() as usize));
            ends &= ends - 1;
            open = None;
        }
        // The starts and the ends alternate: each start's end is the next
        // end, or past the block.
        while starts != 0 {
            let start = block + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if ends == 0 {
                open = Some(start);
                break;
            }
            out.push((start, block + ends.trailing_zeros() as usize));
            ends &= ends - 1;
        }
        block += 64;
    }
    if let Some(start) = open {
        out.push((start, bytes.len()));
    }
}

/// The 64 bytes of `bytes` from `at` on, padded past the end with spaces
/// (no word's bytes): a short sentence is read through the same block.
fn block_at(bytes: &[u8], at: usize) -> [u8; 64] {
    match bytes.get(at..at + 64) {
        Some(b) => b.try_into().unwrap_or([b' '; 64]),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut pad = [b' '; 64];
            pad[..rest.len()].copy_from_slice(rest);
            pad
        }
    }
}

/// A bit per byte of `chunk`, set for the ASCII bytes inside a word
/// (letters, digits, `'` and `-`): each byte classified into a flag byte by plain
/// comparisons (vector instructions), the flags put together by
/// [`high_bits_mask`] (a copy of words_into over the seeds' ASCII
/// sentences 0.403 -> 0.365 ns a byte against `flags_mask` (kept for the tests), best of
/// 200).
fn inside_mask(chunk: &[u8; 64]) -> u64 {
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(chunk) {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        *f = if letter | digit | (b == b'\'') | (b == b'-') {
            0xff
        } else {
            0
        };
    }
    high_bits_mask(&flags)
}

/// Flag bytes (0xff or 0) as a bit per byte. Bit `i` of the flags of bytes
/// `8i..8i + 8` is kept, the eight put together into one byte each (in
/// vector lanes as well), and the 8x8 bits transposed into place: fewer
/// instructions than gathering each eight flags with a multiplication
/// ([`high_bits_mask`]), but slower in the scans, where its one chain of
/// shifts overlaps the work on the words less. Kept for the tests, which
/// hold [`high_bits_mask`] to it.
#[cfg(test)]
pub(crate) fn flags_mask(flags: &[u8; 64]) -> u64 {
    let (eights, _) = flags.as_chunks::<8>();
    let mut rows = 0u64;
    for (i, e) in eights.iter().enumerate() {
        // Bit i of byte j: the flag of byte 8i + j.
        rows |= u64::from_le_bytes(*e) & crate::text::swar::lanes(1 << i);
    }
    transpose8(rows)
}

/// The high bit of each of 64 bytes as a bit per byte (bit `i` the high
/// bit of byte `i`). Each eight bytes' high bits are gathered into the
/// top byte by one multiplication: the high bit of byte `j` (bit `8j + 7`)
/// is moved to bit `56 + j` by the term `1 << (49 - 7j)` of the factor,
/// and no two terms of the product meet (no carries), since `8i - 7j`
/// differs for every pair of bytes `i`, `j`. More instructions than
/// `flags_mask`, but eight independent ones where its transposition is
/// one chain, which a loop with other work to overlap prefers.
///
/// Flags of 0xff, as `flags_mask` takes, give the same bits.
#[inline(always)]
pub(crate) fn high_bits_mask(flags: &[u8; 64]) -> u64 {
    let (eights, _) = flags.as_chunks::<8>();
    let mut mask = 0u64;
    for (i, e) in eights.iter().enumerate() {
        let high = u64::from_le_bytes(*e) & 0x8080_8080_8080_8080;
        mask |= (high.wrapping_mul(0x0002_0408_1020_4081) >> 56) << (8 * i);
    }
    mask
}

/// An 8x8 bit matrix, byte r its row r, transposed: bit c of byte r
/// becomes bit r of byte c (Hacker's Delight, 7-3).
#[cfg(test)]
fn transpose8(mut x: u64) -> u64 {
    let t = (x ^ (x >> 7)) & 0x00aa_00aa_00aa_00aa;
    x ^= t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_cccc_0000_cccc;
    x ^= t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_f0f0_f0f0;
    x ^ t ^ (t << 28)
}

/// `inside` (the mask of the block at `block`) with the bytes of every
/// character of 0x80 or more that makes words (a letter, a digit, `’`)
/// set: the characters that start in the block are decoded, and `carry`
/// marks the bytes at its start of one begun in the block before. Gives
/// the mask and the carry for the next block.
fn mark_characters(text: &str, block: usize, inside: u64, carry: u64) -> (u64, u64) {
    let bytes = text.as_bytes();
    let end = (block + 64).min(bytes.len());
    let mut inside = inside | carry;
    let mut next = 0;
    let mut at = block;
    // The lead bytes of the characters (continuation bytes are 0x80 to
    // 0xbf); the last may run past the block, and `at` with it.
    while let Some(k) = bytes
        .get(at..end)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xc0))
    {
        at += k;
        let c = text[at..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_alphanumeric() || c == '\u{2019}' {
            // The character's bytes, which may run past the block.
            let bits = ((1u128 << len) - 1) << (at - block);
            inside |= bits as u64;
            next = (bits >> 64) as u64;
        }
        at += len;
    }
    (inside, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    #[test]
    fn sentence_ends() {
        assert_eq!(split("A b. C d? E f! G"), ["A b.", "C d?", "E f!", "G"]);
        assert_eq!(
            split("See No. 5 and U.S. policy. Done."),
            ["See No. 5 and U.S. policy.", "Done."]
        );
        assert_eq!(split("He said “go.” Then"), ["He said “go.”", "Then"]);
        assert_eq!(split("He said ‘go.’ Then"), ["He said ‘go.’", "Then"]);
        assert_eq!(split("It ends.’’ Then"), ["It ends.’’", "Then"]);
        assert_eq!(
            split("resolution 75.240 stays"),
            ["resolution 75.240 stays"]
        );
        assert_eq!(
            split("Item five.The floor is open."),
            ["Item five.The floor is open."]
        );
        assert_eq!(split("One..  Two"), ["One..", "Two"]);
        // "no." and "etc." end a sentence unless a number, or a word in
        // lower case, goes on from them.
        assert_eq!(
            split("Our answer is no. We support it."),
            ["Our answer is no.", "We support it."]
        );
        assert_eq!(
            split("See no. 5 and para. (b) here."),
            ["See no. 5 and para. (b) here."]
        );
        assert_eq!(
            split("Norms, CBMs etc. We agree."),
            ["Norms, CBMs etc.", "We agree."]
        );
        assert_eq!(
            split("Norms, CBMs etc. are agreed."),
            ["Norms, CBMs etc. are agreed."]
        );
        assert_eq!(split("Mr. Smith spoke."), ["Mr. Smith spoke."]);
        // A stop before a word in lower case is one that speech recognition
        // put inside a sentence; "?" and "!" still end one.
        assert_eq!(
            split("Open to suggestions by Member States. to adopt them. We agree."),
            [
                "Open to suggestions by Member States. to adopt them.",
                "We agree."
            ]
        );
        assert_eq!(
            split("It works.\nand so on. Is it? yes! no"),
            ["It works.\nand so on.", "Is it?", "yes!", "no"]
        );
        assert!(split("").is_empty());
        assert!(split("  \n\n ").is_empty());
        // Every multi-byte character at every place: no slicing inside one.
        for c in ['é', '’', '”', '\u{a0}', '😀'] {
            for t in [
                format!("{c}."),
                format!(".{c}"),
                format!("a.{c} b"),
                format!("{c}.\n\n{c}"),
            ] {
                for (a, b) in sentences(&t) {
                    assert!(t.is_char_boundary(a) && t.is_char_boundary(b));
                }
            }
        }
    }

    #[test]
    fn sentences_at_hits() {
        let t = "One a. Two b. Three.\n\nFour a. Five.";
        let got: Vec<&str> = sentences_at(t, [4, 5, 27, 100])
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect();
        assert_eq!(got, ["One a.", "Four a."]);
        // The same as splitting all, for every hit.
        let all = sentences(t);
        let every: Vec<usize> = (0..t.len()).collect();
        let at = sentences_at(t, every);
        assert_eq!(at, all);
    }

    /// `sentences_at` as it was: each paragraph with a hit split whole.
    fn sentences_at_eager(
        text: &str,
        hits: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut done_until = 0;
        let mut paragraph: Vec<(usize, usize)> = Vec::new();
        for at in hits {
            if at >= text.len() {
                continue;
            }
            if at >= done_until {
                let start =
                    memchr::memmem::rfind(&text.as_bytes()[..at], b"\n\n").map_or(0, |p| p + 2);
                let end = memchr::memmem::find(&text.as_bytes()[at..], b"\n\n")
                    .map_or(text.len(), |p| at + p);
                paragraph = sentences(&text[start..end])
                    .into_iter()
                    .map(|(a, b)| (start + a, start + b))
                    .collect();
                done_until = end;
            }
            let k = paragraph.partition_point(|&(_, b)| b <= at);
            if let Some(&sentence) = paragraph.get(k).filter(|&&(a, _)| a <= at) {
                if out.last() != Some(&sentence) {
                    out.push(sentence);
                }
            }
        }
        out
    }

    #[test]
    fn sentences_at_agrees_with_splitting_whole_paragraphs() {
        let pieces = [
            "Mr. Chair",
            ". ",
            "? ",
            "! ",
            "\n",
            "\n\n",
            "We align",
            " with Peru",
            "”",
            "J.",
            " a",
            "etc. ",
            ")",
            "\"",
            "é",
            "...",
        ];
        for t in crate::text::pieced_texts(&pieces, 400, 40, 0x9e37_79b9_7f4a_7c15) {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            // Every hit, every second, third and seventh.
            for step in [1, 2, 3, 7] {
                let hits: Vec<usize> = bounds.iter().copied().step_by(step).collect();
                let want = sentences_at_eager(&t, hits.iter().copied());
                assert_eq!(sentences_at(&t, hits), want, "{t:?} step {step}");
            }
        }
    }

    #[test]
    fn sentences_found_around_a_hit_are_the_split_ones() {
        // Marks in runs, closing quotes of both kinds, abbreviations and
        // single capitals, brackets, paragraph breaks: every hit's sentence
        // as splitting its paragraph whole finds it.
        let pieces = [
            "Mr.", " Chair", ". ", ".", "?", "!", "?!", " ", "\n", "\n\n", "\n\n\n", "word", "J.",
            "(", ")", "\"", "'", "”", "’", ".”", ".’", "etc.", "e.g.", "No.", "é", "...",
            "abcdef.", "x",
        ];
        for t in crate::text::pieced_texts(&pieces, 3000, 30, 0x2545_f491_4f6c_dd1d) {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for step in [1, 2, 5] {
                let hits: Vec<usize> = bounds.iter().copied().step_by(step).collect();
                let want = sentences_at_eager(&t, hits.iter().copied());
                assert_eq!(sentences_at(&t, hits), want, "{t:?} step {step}");
            }
        }
    }

    #[test]
    fn breaks_as_memmem_finds_them() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "\n\n\n",
            "a\nb\n\nc",
            "a\n\n",
            "\n\na",
            "a\nb\nc",
            "\na\n\n\nb\n",
            "x\n\ny\n\nz",
            "\n\n\n\n",
            "a\n\n\n\n\nb\n\n",
        ];
        for t in texts {
            let b = t.as_bytes();
            for cut in 0..=b.len() {
                assert_eq!(
                    last_break(&b[..cut]),
                    memchr::memmem::rfind(&b[..cut], b"\n\n"),
                    "{t:?} {cut}"
                );
                assert_eq!(
                    first_break(&b[cut..]),
                    memchr::memmem::find(&b[cut..], b"\n\n"),
                    "{t:?} {cut}"
                );
            }
            let every: Vec<usize> = memchr::memmem::find_iter(b, b"\n\n").collect();
            assert_eq!(all_breaks(b), every, "{t:?}");
        }
    }

    /// `words` as it was: a character at a time.
    fn words_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let inside = c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
            match (start, inside) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    out.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn high_bits_mask_agrees_with_flags_mask() {
        // Every byte value in every position, and random flag blocks.
        for start in (0..256).step_by(64) {
            let bytes: [u8; 64] = std::array::from_fn(|i| (start + i) as u8);
            let want = bytes
                .iter()
                .enumerate()
                .fold(0u64, |m, (k, &b)| m | u64::from(b >> 7) << k);
            assert_eq!(high_bits_mask(&bytes), want);
        }
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..4000 {
            let flags: [u8; 64] = std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                if x >> 40 & 1 == 1 {
                    0xff
                } else {
                    0
                }
            });
            assert_eq!(high_bits_mask(&flags), flags_mask(&flags), "{flags:?}");
        }
    }

    #[test]
    fn transpose8_moves_each_bit() {
        for r in 0..8 {
            for c in 0..8 {
                assert_eq!(transpose8(1 << (8 * r + c)), 1 << (8 * c + r));
            }
        }
    }

    #[test]
    fn words_as_by_character() {
        let mut buf = Vec::new();
        for t in crate::text::pieced_texts(WORD_PIECES, 2000, 20, 0x2545_f491_4f6c_dd1d) {
            words_into(&t, &mut buf);
            assert_eq!(buf, words_by_char(&t), "{t:?}");
            assert_eq!(words(&t), words_by_char(&t), "{t:?}");
        }
    }

    /// Pieces for the word tests: ASCII words and their edges, and
    /// characters of two, three and four bytes of each kind (letter,
    /// space, mark), so that one lands across every block boundary.
    const WORD_PIECES: &[&str] = &[
        "we",
        " ",
        "Chair\u{2019}s",
        "\u{2019}",
        "é",
        "-",
        "'",
        "\u{a0}",
        "😀",
        "x1",
        ".",
        "ß",
        "\n",
        "Ω",
        "\u{200b}",
        "abcdefghij",
        "0",
        "\u{201c}",
        "\u{4e2d}",
        "\u{10400}",
        "Z",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The block scan against a character at a time, on texts of many
        /// blocks.
        #[test]
        fn words_in_blocks_as_by_character(
            picks in proptest::collection::vec(0..WORD_PIECES.len(), 0..400),
        ) {
            let t: String = picks.iter().map(|&i| WORD_PIECES[i]).collect();
            let mut buf = vec![(1, 2)];
            words_into(&t, &mut buf);
            proptest::prop_assert_eq!(buf, words_by_char(&t));
        }
    }

    #[test]
    fn words_at_every_block_boundary() {
        // A word or a character of each kind and length ending at and
        // crossing each of the first blocks' boundaries.
        for piece in [
            "ab", "é", "\u{2019}", "😀", "\u{a0}", "\u{4e2d}", " ", "\u{200b}",
        ] {
            for pad in 0..140 {
                for tail in ["", "a", " ", "é", "\u{a0}"] {
                    let t = format!(
                        "{}{piece}{piece}{tail}",
                        "x ".repeat(pad / 2) + &"y".repeat(pad % 2)
                    );
                    let mut buf = Vec::new();
                    words_into(&t, &mut buf);
                    assert_eq!(buf, words_by_char(&t), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn trimmed_as_str_trims() {
        let pieces = [
            " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}", "\u{3000}", "\u{85}",
            "a", "é", "\u{200b}", ".", "😀",
        ];
        for t in crate::text::pieced_texts(&pieces, 3000, 12, 0x51_7cc1_b727_220a) {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for (i, &a) in bounds.iter().enumerate() {
                for &b in &bounds[i..] {
                    let piece = &t[a..b];
                    let lead = piece.len() - piece.trim_start().len();
                    let want = (a + lead, a + lead + piece.trim().len());
                    assert_eq!(trimmed(&t, a, b), want, "{t:?} {a}..{b}");
                }
            }
        }
    }

    #[test]
    fn abbreviations_by_their_tail() {
        let slow = abbreviation_by_characters;
        // What the keys of `is_abbreviation` rely on.
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= 5 && *a == a.to_ascii_lowercase()));
        for t in [
            "",
            "Mr",
            "see Mr",
            "(Mr",
            "x\u{b}Mr",
            "policy",
            "U.S",
            "x etc",
            "xetc",
            "é",
            "a É",
            "chairs",
            "abcdef",
            "\u{a0}Dr",
            "a\u{a0}Dr",
            "J",
            "j",
            "long word Prof",
            "ab(cdefg",
        ] {
            assert_eq!(is_abbreviation(t), slow(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The tail of bytes against the word read by characters.
        #[test]
        fn abbreviations_as_by_characters(
            picks in proptest::collection::vec(0..ABBREVIATION_PIECES.len(), 0..8),
        ) {
            let t: String = picks.iter().map(|&i| ABBREVIATION_PIECES[i]).collect();
            proptest::prop_assert_eq!(is_abbreviation(&t), abbreviation_by_characters(&t), "{:?}", t);
        }
    }

    /// Abbreviations in each case, single letters, the breaks of a word
    /// (ASCII and not), and characters of more than one byte.
    const ABBREVIATION_PIECES: &[&str] = &[
        "Mr", "mr", "MRS", "e.g", "u.s", "Prof", "op", "no", "x", "X", "J", "j", " ", "(", "\t",
        "\u{b}", "\u{a0}", "\u{2003}", "é", "É", "ß", "abc", "abcdef", ".", "9", "\u{1c}",
    ];

    #[test]
    fn whole_words() {
        assert!(whole_word_at("we align", 3, 5));
        assert!(!whole_word_at("realign", 2, 5));
        assert!(!whole_word_at("aligned", 0, 5));
        assert!(whole_word_at("é align é", 3, 5));
    }
}

//! Text primitives shared by every layout parser: lines with their byte
//! offsets and numbers, blank-line detection, whitespace normalisation and
//! word counting.
//!
//! Everything here borrows from the source; the only allocation is the
//! normalised text of a statement, which the model owns.

use crate::model::Span;

/// One line of the source, without its terminator (`\n`, `\r\n` or a lone
/// `\r`), with the byte offset of its first byte and its 1-based number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's text, terminator excluded.
    pub text: &'a str,
    /// Byte offset of the line's first byte in the source.
    pub start: usize,
    /// 1-based line number.
    pub number: usize,
}

impl<'a> Line<'a> {
    /// Byte offset just past the line's last byte (terminator excluded).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// True when the line holds nothing but [`is_space`] characters.
    pub fn is_blank(&self) -> bool {
        is_blank(self.text)
    }

    /// The line with surrounding [`is_space`] characters removed.
    pub fn trimmed(&self) -> &'a str {
        trim(self.text)
    }

    /// The span of the line's trimmed content; an empty span at the line's
    /// start when the line is blank.
    pub fn content_span(&self) -> Span {
        let trimmed = trim(self.text);
        let start = self.start + (trimmed.as_ptr() as usize - self.text.as_ptr() as usize);
        Span::new(start, start + trimmed.len(), self.number, self.number)
    }
}

/// Whether `c` is blank to the parsers: whitespace (U+00A0 included), or
/// one of the characters of no width that text copied from web pages
/// carries (U+200B zero width space, U+2060 word joiner, U+FEFF a
/// byte-order mark in the middle of a text, as pasting two files together
/// leaves): a line of them is a blank line, and they are trimmed from
/// labels and paragraphs as spaces are.
///
/// ```
/// use oewg_core::text::is_space;
/// assert!(is_space('\u{a0}') && is_space('\u{200b}') && is_space('\u{feff}'));
/// assert!(!is_space('a') && !is_space('\u{200d}'));
/// ```
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether the bytes at `i` are one of [`is_space`]'s characters of no
/// width (all three take three bytes in UTF-8).
fn zero_width_at(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..),
        Some([0xE2, 0x80, 0x8B, ..] | [0xE2, 0x81, 0xA0, ..] | [0xEF, 0xBB, 0xBF, ..])
    )
}

/// How a web page writes U+00A0 when its text is copied with its markup:
/// `&nbsp;`, `&#160;`, `&#xA0;` (any case).
const SPACE_ENTITIES: [&str; 3] = ["&nbsp;", "&#160;", "&#xa0;"];

/// [`trim`], and the no-break spaces written as entities (`&nbsp;`) at
/// either end with it, as they are when a line is written as its page's
/// markup: a speaker line `Chile&nbsp;` is the label `Chile`.
///
/// ```
/// use oewg_core::text::trim_space_entities;
/// assert_eq!(trim_space_entities(" Chile&nbsp; \u{a0}&#160;"), "Chile");
/// assert_eq!(trim_space_entities("&NBSP;Chile"), "Chile");
/// assert_eq!(trim_space_entities("Chile&amp;"), "Chile&amp;");
/// ```
pub fn trim_space_entities(s: &str) -> &str {
    let mut s = trim(s);
    loop {
        let len = s.len();
        s = trim(trim_space_entity_start(s));
        if let Some(e) = SPACE_ENTITIES.iter().find(|e| {
            s.len() >= e.len()
                && s.get(s.len() - e.len()..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(e))
        }) {
            s = trim(&s[..s.len() - e.len()]);
        }
        if s.len() == len {
            return s;
        }
    }
}

/// `s` without one no-break space written as an entity at its start.
pub(crate) fn trim_space_entity_start(s: &str) -> &str {
    if !s.starts_with('&') {
        return s;
    }
    SPACE_ENTITIES
        .iter()
        .find(|e| s.get(..e.len()).is_some_and(|p| p.eq_ignore_ascii_case(e)))
        .map_or(s, |e| &s[e.len()..])
}

/// `str::trim` of [`is_space`] (whitespace, and the characters of no
/// width), with a fast path for the usual line that starts and ends with
/// a visible ASCII character: every line of a record is trimmed, and the
/// general trim decodes a character at each end.
///
/// ```
/// assert_eq!(oewg_core::text::trim("\u{a0} Chair: hi\t"), "Chair: hi");
/// assert_eq!(oewg_core::text::trim("\u{feff}Chair\u{200b}"), "Chair");
/// assert_eq!(oewg_core::text::trim("Chair"), "Chair");
/// ```
#[inline]
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return s;
    };
    // An end is clean when its character is visible ASCII, or non-ASCII
    // and none of the few non-ASCII spaces (a line may open with a curly
    // quote and end with a no-break space): only a dirty end is trimmed.
    let visible = |c: u8| c > b' ' && c < 0x7f;
    let clean_start =
        visible(first) || first >= 0x80 && !unicode_space_at(b, 0, true) && !zero_width_at(b, 0);
    let clean_end = visible(last)
        || last >= 0x80
            && !(b.len() >= 2 && unicode_space_at(b, b.len() - 2, true)
                || b.len() >= 3
                    && (unicode_space_at(b, b.len() - 3, true) || zero_width_at(b, b.len() - 3)));
    let t = match (clean_start, clean_end) {
        (true, true) => return s,
        (true, false) => s.trim_end(),
        (false, true) => s.trim_start(),
        (false, false) => s.trim(),
    };
    // The standard trim first, quick on the usual no-break space; a
    // character of no width left at an end (rare) goes with the rest.
    let b = t.as_bytes();
    if zero_width_at(b, 0) || b.len() >= 3 && zero_width_at(b, b.len() - 3) {
        t.trim_matches(is_space)
    } else {
        t
    }
}

/// Iterator over the lines of a text; see [`lines`].
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    src: &'a str,
    pos: usize,
    number: usize,
}

/// Splits `src` into [`Line`]s, accepting `\n`, `\r\n` and lone `\r` line
/// ends, as records pasted from word processors and web pages mix them. A
/// leading byte-order mark belongs to no line (parsers report it as
/// skipped).
///
/// ```
/// use oewg_core::text::lines;
/// let v: Vec<_> = lines("a\r\nb\rc\n").map(|l| (l.text, l.start, l.number)).collect();
/// assert_eq!(v, [("a", 0, 1), ("b", 3, 2), ("c", 5, 3)]);
/// ```
pub fn lines(src: &str) -> Lines<'_> {
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    Lines {
        src,
        pos: bom,
        number: 0,
    }
}

/// The lines of `src[start..end]`, numbered from `first_number` (the
/// number of the line `start` falls on), with offsets into `src`. An
/// offset inside a character is taken back to that character's start, and
/// one past the end to the end.
///
/// ```
/// use oewg_core::text::lines_between;
/// let v: Vec<_> = lines_between("a\nb\nc\n", 2, 4, 2).map(|l| (l.text, l.start, l.number)).collect();
/// assert_eq!(v, [("b", 2, 2)]);
/// let v: Vec<_> = lines_between("aé\nb\n", 0, 2, 1).map(|l| l.text).collect();
/// assert_eq!(v, ["a"]); // 2 is inside "é"
/// ```
pub fn lines_between(src: &str, start: usize, end: usize, first_number: usize) -> Lines<'_> {
    let end = floor_char_boundary(src, end.min(src.len()));
    let src = &src[..end];
    Lines {
        src,
        pos: floor_char_boundary(src, start.min(end)),
        number: first_number.saturating_sub(1),
    }
}

/// `at`, or the start of the character it falls inside (`at <= s.len()`).
fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Lines<'_> {
    /// Whether the next line is empty: its first byte ends it. (At the
    /// end, when there is no next line, false.)
    #[inline]
    pub(crate) fn next_is_empty(&self) -> bool {
        matches!(self.src.as_bytes().get(self.pos), Some(b'\n' | b'\r'))
    }

    /// Passes over the empty lines ahead, as [`Iterator::next`] would
    /// one by one (their numbers counted, a `\r\n` one line end), without
    /// making each: the blocks of a record are mostly apart by one or two
    /// of them, and a report has more empty lines than others.
    #[inline]
    pub(crate) fn skip_empty(&mut self) {
        let b = self.src.as_bytes();
        loop {
            self.pos += match b.get(self.pos) {
                Some(b'\n') => 1,
                Some(b'\r') if b.get(self.pos + 1) == Some(&b'\n') => 2,
                Some(b'\r') => 1,
                _ => return,
            };
            self.number += 1;
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.pos >= self.src.len() {
            return None;
        }
        let rest = &self.src.as_bytes()[self.pos..];
        let start = self.pos;
        self.number += 1;
        // Half the lines of a transcript are blank: their end is the first
        // byte, found without the cost of a vector search.
        let end = match rest[0] {
            b'\n' | b'\r' => Some(0),
            _ => memchr::memchr2(b'\n', b'\r', rest),
        };
        match end {
            Some(i) => {
                let text = &self.src[start..start + i];
                let crlf = rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n');
                self.pos = start + i + if crlf { 2 } else { 1 };
                Some(Line {
                    text,
                    start,
                    number: self.number,
                })
            }
            None => {
                self.pos = self.src.len();
                Some(Line {
                    text: &self.src[start..],
                    start,
                    number: self.number,
                })
            }
        }
    }
}

/// What bytes that are not UTF-8 text are, where their first bytes say
/// it: why a file did not read, so that the error can say what to do
/// instead of suggesting another text encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotText {
    /// UTF-16 with its byte-order mark, little-endian (Windows Notepad's
    /// "Unicode").
    Utf16Le,
    /// UTF-16 with its byte-order mark, big-endian.
    Utf16Be,
    /// A PDF document (`%PDF-`): its text must be extracted first.
    Pdf,
    /// A zip archive (`PK`), as a Word, OpenDocument or other office file
    /// is: it must be saved as text first.
    Zip,
}

impl NotText {
    /// The name the bindings give it: `utf-16le`, `utf-16be`, `pdf`, `zip`.
    pub fn as_str(self) -> &'static str {
        match self {
            NotText::Utf16Le => "utf-16le",
            NotText::Utf16Be => "utf-16be",
            NotText::Pdf => "pdf",
            NotText::Zip => "zip",
        }
    }
}

/// What `bytes` are when their start shows they are no UTF-8 text, else
/// `None` (which says nothing of the rest: Windows-1252 shows nothing).
///
/// ```
/// use oewg_core::text::{not_text, NotText};
/// assert_eq!(not_text(b"%PDF-1.7\n"), Some(NotText::Pdf));
/// assert_eq!(not_text(&[0xFF, 0xFE, b'C', 0]), Some(NotText::Utf16Le));
/// assert_eq!(not_text(b"PK\x03\x04"), Some(NotText::Zip));
/// assert_eq!(not_text(b"Chair: Hello.\n"), None);
/// ```
pub fn not_text(bytes: &[u8]) -> Option<NotText> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(NotText::Utf16Le),
        [0xFE, 0xFF, ..] => Some(NotText::Utf16Be),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some(NotText::Pdf),
        [b'P', b'K', 3, 4, ..] | [b'P', b'K', 5, 6, ..] => Some(NotText::Zip),
        _ => None,
    }
}

/// The line breaks in `s` as [`lines`] counts them: `\n`, `\r\n` (one)
/// and a lone `\r` (a record saved on a classic Mac, or a PDF's text),
/// counted by vector search.
///
/// ```
/// assert_eq!(oewg_core::text::line_breaks("a\nb\r\nc\rd\r"), 4);
/// ```
pub fn line_breaks(s: &str) -> usize {
    let b = s.as_bytes();
    let lf = memchr::memchr_iter(b'\n', b).count();
    if memchr::memchr(b'\r', b).is_none() {
        return lf;
    }
    lf + memchr::memchr_iter(b'\r', b)
        .filter(|&i| b.get(i + 1) != Some(&b'\n'))
        .count()
}

/// The lines of `s` exactly as [`str::lines`] gives them (split at `\n`,
/// a `\r` before it dropped; a lone `\r` ends no line), each end found
/// by vector search: the report's sections split their blocks so, and
/// the standard library's search goes byte by byte.
pub(crate) fn std_lines(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                rest = &rest[i + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
}

/// True when `s` holds nothing but [`is_space`]: whitespace (U+00A0
/// included) and characters of no width.
pub fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_whitespace()) || s.chars().all(is_space)
}

/// Bytes eight at a time in a `u64` (SWAR), for the scans that build a
/// bit per byte of a 64-byte block: they classify bytes into flag bytes
/// the compiler vectorises, then gather the lanes' top bits into a mask
/// with one multiplication, in safe code the compiler keeps in registers.
pub(crate) mod swar {
    /// `b` in each of the eight lanes.
    pub const fn lanes(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }

    /// The top bit of every lane.
    pub const HIGH: u64 = lanes(0x80);

    /// The lanes' top bits as the eight low bits, lane 0 lowest.
    #[inline]
    pub fn gather(lanes: u64) -> u64 {
        ((lanes >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn gathering_matches_a_byte_loop() {
            let bytes: Vec<u8> = (0u8..=255).rev().chain(0..=255).step_by(3).collect();
            for eight in bytes.chunks_exact(8) {
                let x = u64::from_le_bytes(eight.try_into().unwrap());
                let want = eight
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b >= 0x80)
                    .fold(0u64, |m, (i, _)| m | 1 << i);
                assert_eq!(gather(x & HIGH), want, "{eight:?}");
            }
        }
    }
}

/// `count` texts of up to `most - 1` of `pieces` strung together at random,
/// the same on every run: for the tests that hold a fast path against a
/// plain one.
#[cfg(test)]
pub(crate) fn pieced_texts<'p>(
    pieces: &'p [&'p str],
    count: usize,
    most: u64,
    mut seed: u64,
) -> impl Iterator<Item = String> + 'p {
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        seed >> 33
    };
    (0..count).map(move |_| {
        let n = next() % most;
        (0..n)
            .map(|_| pieces[next() as usize % pieces.len()])
            .collect()
    })
}

/// Counts whitespace-separated words, as Rust's `str::split_whitespace`
/// splits them (Python's `str.split()` also splits at the separators
/// U+001C–U+001F, which records do not hold).
///
/// ```
/// assert_eq!(oewg_core::text::word_count("Thank you,\u{a0}Chair.  "), 3);
/// ```
pub fn word_count(s: &str) -> usize {
    // One pass counts the runs of bytes that are not ASCII spaces (` `,
    // `\t`..`\r`) in fixed-size blocks the compiler vectorises, noting in
    // the same pass whether a block holds a non-ASCII byte. Only those
    // blocks are looked at again, for the lead bytes of the few non-ASCII
    // spaces (U+00A0, U+2009…); a run holding one is recounted exactly.
    //
    // Long blocks first, where a space is only ` `: a block holding a
    // control character (a line end, a tab) is counted again exactly. The
    // long blocks pay for the sums that end a block over more bytes.
    const LONG: usize = 4 * WORD_BLOCK;
    let b = s.as_bytes();
    let Some(&first) = b.first() else {
        return 0;
    };
    let mut fix = SpaceFix {
        s,
        count: usize::from(!ascii_space(first)),
        done: 0,
    };
    if first >= 0x80 {
        fix.at(0);
    }
    let (prev, cur) = (
        b[..b.len() - 1].as_chunks::<LONG>(),
        b[1..].as_chunks::<LONG>(),
    );
    for (n, (p, c)) in prev.0.iter().zip(cur.0).enumerate() {
        let (k, high, low) = word_starts_between_spaces(p, c);
        fix.count += match low < b' ' {
            true => word_starts(p, c).0,
            false => usize::from(k),
        };
        if high >= 0x80 {
            fix.block(1 + n * LONG, c);
        }
    }
    let mut at = 1 + cur.0.len() * LONG;
    let (prev, cur) = (
        prev.1.as_chunks::<WORD_BLOCK>(),
        cur.1.as_chunks::<WORD_BLOCK>(),
    );
    for (p, c) in prev.0.iter().zip(cur.0) {
        let (k, high) = word_starts(p, c);
        fix.count += k;
        if high >= 0x80 {
            fix.block(at, c);
        }
        at += WORD_BLOCK;
    }
    // The last bytes (most of a short line) through the same block, padded
    // with spaces, which start no word: a byte loop costs several times
    // more per byte, and a record's lines are mostly short.
    let rest = &b[at - 1..];
    if rest.len() > 1 {
        let mut pad = [b' '; WORD_BLOCK + 1];
        pad[..rest.len()].copy_from_slice(rest);
        let (p, c) = (
            pad[..WORD_BLOCK].as_chunks::<WORD_BLOCK>().0,
            pad[1..].as_chunks::<WORD_BLOCK>().0,
        );
        let (k, high) = word_starts(&p[0], &c[0]);
        fix.count += k;
        if high >= 0x80 {
            fix.block(at, &rest[1..]);
        }
    }
    fix.count
}

/// The bytes of blocks of [`word_count`]: how many of `c` start a word
/// (are not spaces, and follow a space in `p`, the same bytes one back),
/// and their bits or-ed together (a non-ASCII byte sets the top one).
#[inline(always)]
fn word_starts<const N: usize>(p: &[u8; N], c: &[u8; N]) -> (usize, u8) {
    let (mut count, mut high) = (0, 0u8);
    // Summed by block, in a byte the vector lanes add into.
    let (p, c) = (p.as_chunks::<WORD_BLOCK>().0, c.as_chunks::<WORD_BLOCK>().0);
    for (p, c) in p.iter().zip(c) {
        let mut k = 0u8;
        for j in 0..WORD_BLOCK {
            k += u8::from(!ascii_space(c[j]) & ascii_space(p[j]));
            high |= c[j];
        }
        count += usize::from(k);
    }
    (count, high)
}

/// [`word_starts`] in a long block where ` ` is the only space: right
/// when the least byte of `p` and `c`, returned third, is not a control
/// character. About half the work per byte.
#[inline(always)]
fn word_starts_between_spaces(p: &[u8; 4 * WORD_BLOCK], c: &[u8; 4 * WORD_BLOCK]) -> (u8, u8, u8) {
    // `c` is `p` one byte on: all but `p`'s first byte are in it.
    let (mut k, mut high, mut low) = (0u8, 0u8, p[0]);
    for j in 0..4 * WORD_BLOCK {
        k += u8::from((c[j] != b' ') & (p[j] == b' '));
        high |= c[j];
        low = low.min(c[j]);
    }
    (k, high, low)
}

/// The block [`word_count`] works in: enough bytes for the compiler's
/// vector instructions, few enough for a byte counter (a word starts at
/// most every other byte: four blocks' count fits in one too).
const WORD_BLOCK: usize = 32;

/// `char::is_whitespace` for an ASCII byte, by arithmetic the compiler
/// vectorises (` `, and `\t`..`\r`, U+000B included): `\t`..`\r` moved
/// to the bottom of the signed range, so that one signed comparison (the
/// only kind the baseline x86-64 vector unit has) finds them.
#[inline]
pub(crate) fn ascii_space(c: u8) -> bool {
    (c == b' ') | ((c.wrapping_add(0x80 - b'\t') as i8) < i8::MIN + 5)
}

/// The correction [`word_count`] makes for non-ASCII spaces: the pass
/// over ASCII counted each run of other bytes as one word; a run holding
/// a non-ASCII space is split by it into as many words as it really has.
struct SpaceFix<'a> {
    s: &'a str,
    count: usize,
    /// Runs ending before this were recounted already.
    done: usize,
}

impl SpaceFix<'_> {
    /// Looks at the lead bytes of a block that holds non-ASCII bytes.
    #[cold]
    #[inline(never)]
    fn block(&mut self, at: usize, c: &[u8]) {
        // Eight bytes at a time, visiting only the lead bytes of non-ASCII
        // characters (their top two bits set), not their other bytes; the
        // run around one is recounted only where a space starts there (most
        // are curly quotes and accented letters).
        let b = self.s.as_bytes();
        let (words, rest) = c.as_chunks::<8>();
        for (w, eight) in words.iter().enumerate() {
            let mut lead = lead_bytes(u64::from_le_bytes(*eight));
            while lead != 0 {
                let j = w * 8 + (lead.trailing_zeros() / 8) as usize;
                lead &= lead - 1;
                if unicode_space_at(b, at + j, true) {
                    self.at(at + j);
                }
            }
        }
        let tail = words.len() * 8;
        for (j, &x) in rest.iter().enumerate() {
            if x >= 0xC0 && unicode_space_at(b, at + tail + j, true) {
                self.at(at + tail + j);
            }
        }
    }

    /// Recounts the run around byte `i` if a non-ASCII space starts there.
    fn at(&mut self, i: usize) {
        let b = self.s.as_bytes();
        if i < self.done || !unicode_space_at(b, i, true) {
            return;
        }
        let mut from = i;
        while from > 0 && !ascii_space(b[from - 1]) {
            from -= 1;
        }
        let mut to = i;
        while to < b.len() && !ascii_space(b[to]) {
            to += 1;
        }
        // The run's ends are ASCII bytes or the text's ends: char
        // boundaries. It counted as one word.
        let words = Words::new(&self.s[from..to]).count();
        self.count = (self.count + words).saturating_sub(1);
        self.done = to;
    }
}

/// Whether a non-ASCII space starts in `c`, the bytes of `b` from `at`:
/// eight bytes at a time, looking only at the lead bytes of non-ASCII
/// characters.
#[inline]
fn unicode_space_in(b: &[u8], at: usize, c: &[u8]) -> bool {
    let (words, rest) = c.as_chunks::<8>();
    for (w, eight) in words.iter().enumerate() {
        let mut lead = lead_bytes(u64::from_le_bytes(*eight));
        while lead != 0 {
            let j = w * 8 + (lead.trailing_zeros() / 8) as usize;
            lead &= lead - 1;
            if unicode_space_at(b, at + j, true) {
                return true;
            }
        }
    }
    let tail = words.len() * 8;
    rest.iter()
        .enumerate()
        .any(|(j, &x)| x >= 0xC0 && unicode_space_at(b, at + tail + j, true))
}

/// The top bit of each lane of `w` that holds the lead byte of a
/// non-ASCII character (`0xC0` and up): its bit 6, shifted into bit 7,
/// meets its own bit 7.
#[inline]
fn lead_bytes(w: u64) -> u64 {
    w & (w << 1) & swar::HIGH
}

/// Whether a non-ASCII Unicode space starts at byte `i` of `b` (U+0085,
/// U+00A0 when `nbsp`, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000).
#[inline]
fn unicode_space_at(b: &[u8], i: usize, nbsp: bool) -> bool {
    matches!(&b[i..], [0xC2, 0xA0, ..] if nbsp)
        || matches!(
            &b[i..],
            [0xC2, 0x85, ..]
                | [0xE1, 0x9A, 0x80, ..]
                | [0xE3, 0x80, 0x80, ..]
                | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
                | [0xE2, 0x81, 0x9F, ..]
        )
}

/// Appends `raw` to `out` with every run of whitespace (U+00A0 included)
/// collapsed to one space, leading and trailing whitespace removed, and the
/// common HTML entities that leak from web pages decoded. Returns the
/// number of words appended, so callers need not count them again.
///
/// ```
/// let mut s = String::new();
/// let words = oewg_core::text::push_normalized(&mut s, "  Thank\u{a0}you &amp; good\n morning ");
/// assert_eq!(s, "Thank you & good morning");
/// assert_eq!(words, 5);
/// ```
pub fn push_normalized(out: &mut String, raw: &str) -> usize {
    if let Some(count) = plain_words(raw) {
        out.push_str(raw);
        return count;
    }
    // Whitespace only: a character of no width is part of the text here,
    // as `split_whitespace` counts words (the spans have left out those at
    // a paragraph's ends).
    let t = raw.trim();
    if t.is_empty() {
        return 0;
    }
    // Entities are rare: a text with an `&` goes word by word.
    if memchr::memchr(b'&', t.as_bytes()).is_some() {
        return push_words(out, raw);
    }
    // The trimmed text with every run of whitespace other than one ` `
    // made one ` `: the runs are found by a block scan, and the text
    // between them copied whole, not word by word.
    let b = t.as_bytes();
    let mut copied = 0;
    let mut from = 1;
    while let Some(q) = odd_space(b, from) {
        // Only ` ` can precede the run's first odd space within the run.
        let mut start = q;
        while start > copied && b[start - 1] == b' ' {
            start -= 1;
        }
        let mut end = q;
        while end < b.len() {
            if ascii_space(b[end]) {
                end += 1;
            } else if unicode_space_at(b, end, true) {
                end += if b[end] == 0xC2 { 2 } else { 3 };
            } else {
                break;
            }
        }
        out.push_str(&t[copied..start]);
        out.push(' ');
        copied = end;
        // The byte at `end` is no space: the text is trimmed.
        from = end + 1;
    }
    out.push_str(&t[copied..]);
    word_count(t)
}

/// The first byte at or after `from` (at least 1) of a trimmed text that
/// starts a space other than a lone ` `: an ASCII space other than ` `, a
/// ` ` after a ` `, or a non-ASCII space. Blocks that hold none of them,
/// and no non-ASCII byte, are passed over whole.
fn odd_space(b: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = WORD_BLOCK;
    let odd_at = |i: usize| {
        let c = b[i];
        if c < 0x80 {
            ascii_space(c) && (c != b' ' || b[i - 1] == b' ')
        } else {
            unicode_space_at(b, i, true)
        }
    };
    let from = from.clamp(1, b.len().max(1));
    if from >= b.len() {
        return None;
    }
    let (prev, cur) = (
        b[from - 1..b.len() - 1].as_chunks::<BLOCK>(),
        b[from..].as_chunks::<BLOCK>(),
    );
    for (n, (p, c)) in prev.0.iter().zip(cur.0).enumerate() {
        let (mut odd, mut high) = (false, 0u8);
        for j in 0..BLOCK {
            odd |= ascii_space(c[j]) & ((c[j] != b' ') | (p[j] == b' '));
            high |= c[j];
        }
        let at = from + n * BLOCK;
        // The first ASCII odd space, then a non-ASCII one before it, found
        // by their lead bytes.
        let mut first = match odd {
            true => (at..at + BLOCK).find(|&i| odd_at(i)),
            false => None,
        };
        if high >= 0x80 {
            let (words, _) = c.as_chunks::<8>();
            'words: for (w, eight) in words.iter().enumerate() {
                if first.is_some_and(|f| f < at + w * 8) {
                    break;
                }
                let mut lead = lead_bytes(u64::from_le_bytes(*eight));
                while lead != 0 {
                    let i = at + w * 8 + (lead.trailing_zeros() / 8) as usize;
                    lead &= lead - 1;
                    if unicode_space_at(b, i, true) {
                        first = Some(first.map_or(i, |f| f.min(i)));
                        break 'words;
                    }
                }
            }
        }
        if first.is_some() {
            return first;
        }
    }
    (from + cur.0.len() * BLOCK..b.len()).find(|&i| odd_at(i))
}

/// [`push_normalized`] word by word, decoding entities.
fn push_words(out: &mut String, raw: &str) -> usize {
    let mut words = Words::new(raw);
    let mut count = 0;
    while let Some((word, ampersand)) = words.next_word() {
        if count > 0 {
            out.push(' ');
        }
        count += 1;
        if ampersand {
            push_decoded(out, word);
        } else {
            out.push_str(word);
        }
    }
    count
}

/// The word count of `s` when it is already normal — words separated by
/// single ASCII spaces, nothing around them, no control character, no
/// `&`, no non-ASCII space — else `None`. Most lines of a record are
/// normal, and this test is most of the parser's time: it runs over
/// fixed-size blocks of byte pairs with non-short-circuit `|` and `&`,
/// which the compiler turns into vector instructions, and looks at
/// non-ASCII characters only in the blocks that hold one.
fn plain_words(s: &str) -> Option<usize> {
    const BLOCK: usize = 32;
    // Long lines go by four blocks at a time first: a block's sums are
    // made once for all four (at most 128 spaces: a byte counts them).
    const LONG: usize = 4 * BLOCK;
    let b = s.as_bytes();
    let (&first, rest) = b.split_first()?;
    if first <= b' ' || first == b'&' || b.last() == Some(&b' ') {
        return None;
    }
    // Non-ASCII spaces are looked for only in the blocks that hold a
    // non-ASCII byte, at the lead bytes of its characters.
    let space_in = |at: usize, c: &[u8]| unicode_space_in(b, at, c);
    if first >= 0x80 && unicode_space_at(b, 0, true) {
        return None;
    }
    let mut spaces = 0;
    let (prev, cur) = (
        b[..rest.len()].as_chunks::<LONG>(),
        rest.as_chunks::<LONG>(),
    );
    for (n, (p, c)) in prev.0.iter().zip(cur.0).enumerate() {
        let (k, bad, high) = plain_scan(p, c);
        if bad || high >= 0x80 && space_in(1 + n * LONG, c) {
            return None;
        }
        spaces += usize::from(k);
    }
    let mut at = 1 + cur.0.len() * LONG;
    let (prev, cur) = (prev.1.as_chunks::<BLOCK>(), cur.1.as_chunks::<BLOCK>());
    for (p, c) in prev.0.iter().zip(cur.0) {
        let (k, bad, high) = plain_scan(p, c);
        if bad || high >= 0x80 && space_in(at, c) {
            return None;
        }
        spaces += usize::from(k);
        at += BLOCK;
    }
    // The last bytes through the same block, padded with a letter, which
    // is neither a space nor irregular (the text does not end in a space).
    let last = &b[at - 1..];
    if last.len() > 1 {
        let mut pad = [b'a'; BLOCK + 1];
        pad[..last.len()].copy_from_slice(last);
        let (p, c) = (pad[..BLOCK].as_chunks().0, pad[1..].as_chunks().0);
        let (k, bad, high) = plain_scan::<BLOCK>(&p[0], &c[0]);
        if bad || high >= 0x80 && space_in(at, &last[1..]) {
            return None;
        }
        spaces += usize::from(k);
    }
    Some(spaces + 1)
}

/// The blocks of [`plain_words`]: how many bytes of `c` are spaces,
/// whether one is irregular (a control character, an `&`, a space after a
/// space: `p` is the same bytes one back), and their bits or-ed together
/// (a non-ASCII byte sets the top one). `N` is at most 255.
#[inline(always)]
fn plain_scan<const N: usize>(p: &[u8; N], c: &[u8; N]) -> (u8, bool, u8) {
    let (mut k, mut bad, mut high) = (0u8, false, 0u8);
    for i in 0..N {
        let space = c[i] == b' ';
        k += u8::from(space);
        bad |= (c[i] < b' ') | (c[i] == b'&') | (space & (p[i] == b' '));
        high |= c[i];
    }
    (k, bad, high)
}

/// `char::is_whitespace` for the ASCII range (it includes U+000B, which
/// `u8::is_ascii_whitespace` does not).
const ASCII_SPACE: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8 as char).is_whitespace();
        i += 1;
    }
    t
};

/// The words of a text, split as `str::split_whitespace` does, by a byte
/// loop: ASCII bytes are classified by table, and only the lead bytes of
/// the few non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000–U+205F,
/// U+3000) cost a character decode. This loop is most of the parser's
/// time, so it is written for speed; the tests compare it with the
/// standard library on every kind of input.
struct Words<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Words<'a> {
    fn new(s: &'a str) -> Self {
        Words { s, i: 0 }
    }

    /// Whether the character at byte `i` is whitespace, and its length.
    #[inline]
    fn class(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes()[i];
        if b < 0x80 {
            return (ASCII_SPACE[b as usize], 1);
        }
        let len = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let space = matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
            && self.s[i..].chars().next().is_some_and(char::is_whitespace);
        (space, len)
    }

    /// The next word, and whether it holds an `&` (a possible entity).
    #[inline]
    fn next_word(&mut self) -> Option<(&'a str, bool)> {
        let n = self.s.len();
        let bytes = self.s.as_bytes();
        let mut i = self.i;
        while i < n {
            let (space, len) = self.class(i);
            if !space {
                break;
            }
            i += len;
        }
        if i >= n {
            self.i = n;
            return None;
        }
        let start = i;
        let mut ampersand = false;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_SPACE[b as usize] {
                    break;
                }
                ampersand |= b == b'&';
                i += 1;
            } else {
                let (space, len) = self.class(i);
                if space {
                    break;
                }
                i += len;
            }
        }
        self.i = i;
        Some((&self.s[start..i], ampersand))
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.next_word().map(|(w, _)| w)
    }
}

/// Returns `raw` normalised as [`push_normalized`] does.
///
/// ```
/// assert_eq!(oewg_core::text::normalize(" a \u{a0} b "), "a b");
/// ```
pub fn normalize(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    push_normalized(&mut s, raw);
    s
}

/// Decodes the HTML entities found in pasted records; unknown or malformed
/// entities are kept as written, so no text is lost.
fn push_decoded(out: &mut String, word: &str) {
    let mut rest = word;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        match after.find(';').filter(|&i| i <= 10) {
            Some(semi) => match decode_entity(&after[1..semi]) {
                Some(c) => {
                    out.push(c);
                    rest = &after[semi + 1..];
                }
                None => {
                    out.push('&');
                    rest = &after[1..];
                }
            },
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // A decoded space or control character would break the invariant
        // that normalised text has single spaces only.
        return char::from_u32(code).filter(|c| !c.is_whitespace() && !c.is_control());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201d}',
        "ldquo" => '\u{201c}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{b7}',
        "euro" => '\u{20ac}',
        "pound" => '\u{a3}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "deg" => '\u{b0}',
        "sect" => '\u{a7}',
        "laquo" => '\u{ab}',
        "raquo" => '\u{bb}',
        "times" => '\u{d7}',
        "szlig" => '\u{df}',
        "aelig" => '\u{e6}',
        "AElig" => '\u{c6}',
        // The accented letters of the names of states and persons.
        _ => return latin_letter(name),
    })
}

/// `&eacute;`, `&Ccedil;`, `&ouml;`…: the Latin-1 letters by their entity
/// names (a base letter and an accent's name).
fn latin_letter(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next()?;
    let c = match (base.to_ascii_lowercase(), chars.as_str()) {
        ('a', "grave") => '\u{e0}',
        ('a', "acute") => '\u{e1}',
        ('a', "circ") => '\u{e2}',
        ('a', "tilde") => '\u{e3}',
        ('a', "uml") => '\u{e4}',
        ('a', "ring") => '\u{e5}',
        ('c', "cedil") => '\u{e7}',
        ('e', "grave") => '\u{e8}',
        ('e', "acute") => '\u{e9}',
        ('e', "circ") => '\u{ea}',
        ('e', "uml") => '\u{eb}',
        ('i', "grave") => '\u{ec}',
        ('i', "acute") => '\u{ed}',
        ('i', "circ") => '\u{ee}',
        ('i', "uml") => '\u{ef}',
        ('n', "tilde") => '\u{f1}',
        ('o', "grave") => '\u{f2}',
        ('o', "acute") => '\u{f3}',
        ('o', "circ") => '\u{f4}',
        ('o', "tilde") => '\u{f5}',
        ('o', "uml") => '\u{f6}',
        ('o', "slash") => '\u{f8}',
        ('u', "grave") => '\u{f9}',
        ('u', "acute") => '\u{fa}',
        ('u', "circ") => '\u{fb}',
        ('u', "uml") => '\u{fc}',
        ('y', "acute") => '\u{fd}',
        _ => return None,
    };
    // Each capital is 0x20 below its small letter.
    match base.is_ascii_uppercase() {
        true => char::from_u32(c as u32 - 0x20),
        false => Some(c),
    }
}

/// Reads bytes as UTF-8, or says where they stop being UTF-8: the offset
/// of the first invalid byte, with its line and column.
///
/// ```
/// let err = oewg_core::text::from_utf8(b"ok\ncaf\xe9").unwrap_err();
/// assert_eq!((err.offset(), err.line(), err.column()), (6, 2, 4));
/// ```
///
/// # Errors
/// [`crate::ParseError::InvalidUtf8`].
pub fn from_utf8(bytes: &[u8]) -> Result<&str, crate::ParseError> {
    // The vector validator, several times faster than the standard
    // library's on records; the standard library names the offset of an
    // error, when there is one.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(s);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // The prefix is valid by construction.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
        let mut at = crate::Position::of(valid, offset);
        at.offset = offset;
        crate::ParseError::InvalidUtf8 { at }
    })
}

/// Turns a byte offset into a 1-based line and a 1-based column counted in
/// characters, the way a compiler reports positions. Computed once, at the
/// public edge, for errors; spans carry their line numbers already.
///
/// ```
/// assert_eq!(oewg_core::text::line_col("ab\ncd", 4), (2, 2));
/// ```
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let mut line = 1;
    let mut line_start = 0;
    for l in lines(src) {
        if l.start > offset {
            break;
        }
        line = l.number;
        line_start = l.start;
    }
    let col_end = floor_char_boundary(src, offset);
    let before = &src[line_start.min(col_end)..col_end];
    // Past the break that ends the last line (the end of a text that ends
    // with one, or a bad byte just after it): the start of the line after,
    // where an editor's cursor is, not a column past the line's end. A
    // CR whose LF follows is the first half of one break, not a break:
    // between the two is the end of the line.
    if before.ends_with('\n') || (before.ends_with('\r') && !src[col_end..].starts_with('\n')) {
        return (line + 1, 1);
    }
    (line, before.trim_end_matches('\r').chars().count() + 1)
}

/// An ordinal in words, first to ninety-ninth, in lower case: the PV's
/// "Eighty-first session", a Chair's "the ninth meeting".
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    const UNITS: &[&str] = &[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: &[(&str, &str)] = &[
        ("twenty", "twentieth"),
        ("thirty", "thirtieth"),
        ("forty", "fortieth"),
        ("fifty", "fiftieth"),
        ("sixty", "sixtieth"),
        ("seventy", "seventieth"),
        ("eighty", "eightieth"),
        ("ninety", "ninetieth"),
    ];
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|i| i as u32 + 1);
    if let Some(n) = unit(w) {
        return Some(n);
    }
    for (i, (card, ord)) in TENS.iter().enumerate() {
        let tens = 20 + 10 * i as u32;
        if w == *ord {
            return Some(tens);
        }
        if let Some(u) = w.strip_prefix(card).and_then(|r| r.strip_prefix('-')) {
            return unit(u).filter(|n| *n < 10).map(|n| tens + n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn words_split_as_the_standard_library_does(
            s in "(\\PC|[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}&])*"
        ) {
            let ours: Vec<&str> = Words::new(&s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(&ours, &std);
            prop_assert_eq!(word_count(&s), std.len());
            if let Some(n) = plain_words(&s) {
                prop_assert_eq!(n, std.len());
                prop_assert_eq!(normalize(&s), s.clone());
            }
            let mut out = String::new();
            prop_assert_eq!(push_normalized(&mut out, &s), std.len());
        }
    }

    /// The word count as it was before the one-pass count: the oracle of
    /// the property below, kept as it was written.
    fn old_word_count(s: &str) -> usize {
        fn has_unicode_space(b: &[u8], nbsp: bool) -> bool {
            let space_at = |i: usize| unicode_space_at(b, i, nbsp);
            memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b).any(space_at)
                || memchr::memchr_iter(0xE1, b).any(space_at)
        }
        fn ascii_space_words(b: &[u8]) -> usize {
            let Some(&first) = b.first() else {
                return 0;
            };
            let mut count = usize::from(!ascii_space(first));
            for w in b.windows(2) {
                count += usize::from(!ascii_space(w[1]) & ascii_space(w[0]));
            }
            count
        }
        let b = s.as_bytes();
        if b.len() < 4 || has_unicode_space(b, false) {
            return Words::new(s).count();
        }
        let mut count = ascii_space_words(b);
        let mut done = 0;
        for j in memchr::memchr_iter(0xC2, b) {
            if j < done || b.get(j + 1) != Some(&0xA0) {
                continue;
            }
            let mut from = j;
            while from > 0 && !ascii_space(b[from - 1]) {
                from -= 1;
            }
            let mut to = j;
            while to < b.len() && !ascii_space(b[to]) {
                to += 1;
            }
            let (mut words, mut in_word, mut k) = (0, false, from);
            while k < to {
                if b[k] == 0xC2 && b.get(k + 1) == Some(&0xA0) {
                    in_word = false;
                    k += 2;
                    continue;
                }
                words += usize::from(!in_word);
                in_word = true;
                k += 1;
            }
            count = (count + words).saturating_sub(1);
            done = to;
        }
        count
    }

    /// Texts long enough to cross the count's blocks, of words, ASCII
    /// and non-ASCII spaces and non-ASCII letters, in any order.
    fn spaced_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "word",
            "a",
            " ",
            "  ",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "\u{b}",
            "\u{c}",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2000}",
            "\u{2009}",
            "\u{200a}",
            "\u{200b}",
            "\u{2028}",
            "\u{2029}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "\u{feff}",
            "\u{2019}",
            "\u{e9}",
            "\u{2013}",
            "\u{1f600}",
            "\u{1c}",
            "&",
            ",",
        ]);
        prop::collection::vec(piece, 0..160).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn one_pass_count_agrees_with_the_old_count_and_the_standard_library(
            s in prop_oneof![any::<String>(), spaced_text()]
        ) {
            let std = s.split_whitespace().count();
            prop_assert_eq!(word_count(&s), old_word_count(&s));
            prop_assert_eq!(word_count(&s), std);
            if let Some(n) = plain_words(&s) {
                prop_assert_eq!(n, std);
                prop_assert_eq!(normalize(&s), s.clone());
            }
        }
    }

    proptest! {
        #[test]
        fn plain_text_is_counted_in_one_pass(
            s in "[a-zA-Z\u{2019}\u{201c}\u{2013},.&\u{a0}\u{2009}\u{85}\u{1680}\u{3000}]{1,40}( {1,2}[a-zA-Z\u{2019}\u{e9},.\u{2003}]{1,9}){0,80} ?"
        ) {
            let std = s.split_whitespace().count();
            prop_assert_eq!(word_count(&s), std);
            if let Some(n) = plain_words(&s) {
                prop_assert_eq!(n, std);
                prop_assert_eq!(normalize(&s), s.clone());
            }
        }
    }

    proptest! {
        #[test]
        fn runs_of_spaces_collapse_as_word_by_word(
            s in prop_oneof![any::<String>(), spaced_text()]
        ) {
            let (mut ours, mut words) = (String::new(), String::new());
            let n = push_normalized(&mut ours, &s);
            prop_assert_eq!(n, push_words(&mut words, &s));
            prop_assert_eq!(ours, words);
        }
    }

    #[test]
    fn every_space_collapses_at_every_place() {
        let text = "ab cd e fgh ".repeat(8);
        let spaces = [
            " ", "  ", "\t", "\n", "\r\n", "\u{a0}", " \u{a0} ", "\u{2009}", "\u{3000}", "\u{85}",
            "\u{1680}",
        ];
        for sp in spaces {
            for at in 0..=text.len() {
                let s = format!("{}{sp}{}", &text[..at], &text[at..]);
                let (mut ours, mut words) = (String::new(), String::new());
                assert_eq!(
                    push_normalized(&mut ours, &s),
                    push_words(&mut words, &s),
                    "{s:?}"
                );
                assert_eq!(ours, words, "{s:?}");
            }
        }
    }

    #[test]
    fn plain_words_is_the_definition_on_pieced_texts() {
        // Normal: words between single ASCII spaces, nothing around them,
        // no control character, no `&`, no non-ASCII space. Long texts
        // cross the long blocks, the short ones and the tail.
        let normal = |s: &str| {
            s.split_whitespace().collect::<Vec<_>>().join(" ") == s
                && !s.contains('&')
                && !s.bytes().any(|b| b < b' ')
        };
        let pieces = [
            "word", "words", " ", " ", " ", "  ", "&", "\t", "\n", "\u{a0}", "\u{2009}",
            "\u{1680}", "\u{3000}", "\u{85}", "\u{2019}", "\u{e9}", "\u{2014}", "x",
        ];
        let check = |text: &str| {
            let want = normal(text).then(|| text.split_whitespace().count());
            let want = want.filter(|_| !text.is_empty());
            assert_eq!(plain_words(text), want, "{text:?}");
        };
        for text in pieced_texts(&pieces, 4000, 160, 5) {
            check(&text);
        }
        // Normal texts of every length, and each with one odd piece put in
        // at places spread over it.
        let good = [
            "word",
            " word",
            " x,",
            "\u{2019}s",
            " \u{e9}t\u{e9}",
            " \u{2014}",
        ];
        for text in pieced_texts(&good, 600, 120, 9) {
            let text = text.trim_start();
            check(text);
            for odd in &pieces[3..14] {
                for k in 0..=8 {
                    let mut at = text.len() * k / 8;
                    while !text.is_char_boundary(at) {
                        at += 1;
                    }
                    check(&format!("{}{odd}{}", &text[..at], &text[at..]));
                }
            }
        }
    }

    #[test]
    fn plain_words_takes_normal_lines_and_refuses_the_rest() {
        assert_eq!(plain_words("Thank you, Chair\u{2019}s team."), Some(4));
        assert_eq!(plain_words("word ".repeat(100).trim_end()), Some(100));
        for odd in [
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a &amp; b",
            "a\u{a0}b",
            "a\u{2009}b",
            "",
            "&",
        ] {
            assert_eq!(plain_words(odd), None, "{odd:?}");
        }
    }

    #[test]
    fn no_break_spaces_anywhere_in_a_run() {
        let nb = "\u{a0}";
        let long = format!("x{nb}").repeat(5000);
        for s in [
            format!("a{nb}{nb}b c"),
            format!("{nb}abc{nb}"),
            format!("ab {nb} cd{nb}"),
            format!("{nb}{nb}{nb}{nb}"),
            format!("a{nb}b{nb}c d\te{nb}\nf"),
            format!("\u{e9}{nb}\u{e9}{nb}x  y"),
            long,
        ] {
            assert_eq!(word_count(&s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn every_ascii_space_and_control_at_every_place_of_the_long_blocks() {
        // Spaced words over two long blocks and a tail; one byte replaced,
        // by each control character or space, at each place.
        let text = "ab cd  e ".repeat(34);
        for c in (0u8..=b' ').chain([0x7f]) {
            for at in 0..text.len() {
                let mut b = text.clone().into_bytes();
                b[at] = c;
                let s = String::from_utf8(b).unwrap();
                assert_eq!(word_count(&s), s.split_whitespace().count(), "{c} at {at}");
            }
        }
    }

    #[test]
    fn spaces_among_quotes_and_letters_are_counted_in_every_block() {
        // Blocks holding lead bytes of spaces and of other characters
        // (curly quotes, dashes, accents, U+1680's 0xE1 beside others), long
        // enough to cross the long and short blocks and the tail.
        let pieces = [
            "word",
            " ",
            "\u{2019}",
            "d\u{2019}Ivoire",
            "\u{e9}t\u{e9}",
            "\u{a0}",
            "\u{2009}",
            "\u{1680}",
            "\u{1e9e}",
            "\u{3000}",
            "\u{2014}",
            "\u{85}",
            "\u{2028}",
            "\u{205f}",
            "\n",
            "  ",
            "x\u{a0}\u{a0}y",
            "\u{202f}\u{2026}",
        ];
        for text in pieced_texts(&pieces, 3000, 120, 11) {
            let std = text.split_whitespace().count();
            assert_eq!(word_count(&text), std, "{text:?}");
        }
    }

    #[test]
    fn every_unicode_space_splits_words() {
        // Short texts, and long ones with the character at every kind of
        // position of the block loop: the edges, a block boundary, the tail.
        let long = "one two three four five six seven eight nine ten eleven twelve";
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut texts = vec![format!("a{c}b")];
            if !c.is_ascii_alphanumeric() && (c as u32) < 0x3100 {
                for at in [
                    0,
                    1,
                    2,
                    31,
                    33,
                    34,
                    long.len() - 2,
                    long.len() - 1,
                    long.len(),
                ] {
                    texts.push(format!("{}{c}{}", &long[..at], &long[at..]));
                }
            }
            for s in texts {
                let std = s.split_whitespace().count();
                assert_eq!(word_count(&s), std, "U+{:04X} in {s:?}", c as u32);
            }
        }
    }

    #[test]
    fn std_lines_are_the_standard_lines_on_pieced_texts() {
        let pieces = [
            "a", "bc", " ", "\n", "\r", "\r\n", "\n\n", "\u{a0}", "\u{2028}",
        ];
        for src in pieced_texts(&pieces, 4000, 12, 7) {
            let got: Vec<_> = std_lines(&src).collect();
            let want: Vec<_> = src.lines().collect();
            assert_eq!(got, want, "{src:?}");
        }
    }

    proptest! {
        #[test]
        fn std_lines_are_the_standard_lines(s in prop_oneof![any::<String>(), spaced_text()]) {
            prop_assert_eq!(std_lines(&s).collect::<Vec<_>>(), s.lines().collect::<Vec<_>>());
        }

        #[test]
        fn trim_is_the_standard_trim_of_spaces(s in prop_oneof![any::<String>(), spaced_text()]) {
            prop_assert_eq!(trim(&s), s.trim_matches(is_space));
        }
    }

    #[test]
    fn trim_keeps_clean_non_ascii_ends_and_drops_spaces() {
        for s in [
            "\u{201c}Chair\u{201d}",
            "\u{a0}x\u{a0}",
            "\u{3000}x",
            "x\u{2009}",
            "\u{e9}",
            "\u{85}",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn ascii_space_is_the_standard_whitespace_of_every_byte() {
        for c in 0..=255u8 {
            assert_eq!(
                ascii_space(c),
                c.is_ascii() && char::from(c).is_whitespace(),
                "{c}"
            );
        }
    }

    #[test]
    fn lines_handle_every_line_end_and_no_final_newline() {
        let got: Vec<_> = lines("x\n\ny\r\n\rz").map(|l| l.text).collect();
        assert_eq!(got, ["x", "", "y", "", "z"]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("\n").map(|l| l.text).collect::<Vec<_>>(), [""]);
        let bom: Vec<_> = lines("\u{feff}a\nb").map(|l| (l.text, l.start)).collect();
        assert_eq!(bom, [("a", 3), ("b", 5)]);
        assert_eq!(lines("\u{feff}").count(), 0);
    }

    #[test]
    fn lead_bytes_are_the_bytes_from_0xc0() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        for eight in bytes.chunks_exact(8) {
            let x = u64::from_le_bytes(eight.try_into().unwrap());
            let want = eight
                .iter()
                .enumerate()
                .filter(|(_, b)| **b >= 0xC0)
                .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
            assert_eq!(lead_bytes(x), want, "{eight:?}");
        }
    }

    #[test]
    fn blank_includes_nbsp() {
        assert!(is_blank("\u{a0} \t"));
        assert!(!is_blank("\u{a0}x"));
    }

    #[test]
    fn content_span_trims_nbsp() {
        let l = lines("ab\n  Chile\u{a0} \n").nth(1).unwrap();
        let s = l.content_span();
        assert_eq!((s.start, s.end, s.line_start), (5, 10, 2));
    }

    #[test]
    fn entities_decode_and_unknown_ones_survive() {
        assert_eq!(
            normalize("a&amp;b &#8217; &#x41; &bogus; & x"),
            "a&b \u{2019} A &bogus; & x"
        );
        assert_eq!(normalize("&#32;"), "&#32;");
        assert_eq!(
            normalize("M&eacute;xico C&Ocirc;TE &AElig; &euro;5 &Yuml; &ecute;"),
            "M\u{e9}xico C\u{d4}TE \u{c6} \u{20ac}5 &Yuml; &ecute;"
        );
    }

    proptest! {
        /// An error's position is on a line of the text (or the one
        /// after its final break), at most one column past that line's end.
        #[test]
        fn line_col_never_points_past_a_line(s in "[ab\u{e9}\r\n]{0,12}", at in 0usize..16) {
            let (line, col) = line_col(&s, at);
            let ls: Vec<Line> = lines(&s).collect();
            prop_assert!(line >= 1 && line <= ls.len() + 1, "{s:?} {at}: line {line}");
            match ls.get(line - 1) {
                Some(l) => prop_assert!(col <= l.text.chars().count() + 1, "{s:?} {at}: {line}:{col}"),
                None => prop_assert_eq!(col, 1, "{:?} {}", s, at),
            }
        }
    }

    #[test]
    fn lines_between_takes_offsets_inside_a_character_back_to_its_start() {
        let texts = |s, a, b| {
            lines_between(s, a, b, 1)
                .map(|l| l.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(texts("\u{e9}a\nb", 1, 5), ["\u{e9}a", "b"]);
        assert_eq!(texts("a\u{e9}\nb\nc\n", 0, 2), ["a"]);
        assert_eq!(texts("ab", 5, 9), Vec::<&str>::new());
    }

    #[test]
    fn a_bad_byte_first_on_its_line_is_at_column_one() {
        let err = crate::parse_bytes(b"Chair: ok\n\xffCuba: hi\n").unwrap_err();
        assert_eq!((err.line(), err.column(), err.offset()), (2, 1, 10));
    }

    #[test]
    fn line_col_counts_chars_and_clamps() {
        assert_eq!(line_col("é\nxé", 6), (2, 3));
        assert_eq!(line_col("é\nxé", 5), (2, 2));
        assert_eq!(line_col("abc", 99), (1, 4));
        assert_eq!(line_col("a\r\nb", 3), (2, 1));
        // The end of a text that ends with a break is the line after it.
        assert_eq!(line_col("ab\ncd\n", 5), (2, 3));
        assert_eq!(line_col("ab\ncd\n", 6), (3, 1));
        assert_eq!(line_col("ab\ncd\n", 7), (3, 1));
        assert_eq!(line_col("ab\r\n", 4), (2, 1));
        assert_eq!(line_col("ab\r\n", 2), (1, 3));
        // Inside a CRLF is the end of its line too.
        assert_eq!(line_col("ab\r\n", 3), (1, 3));
        assert_eq!(line_col("ab\r", 3), (2, 1));
        assert_eq!(line_col("\n", 1), (2, 1));
    }
}

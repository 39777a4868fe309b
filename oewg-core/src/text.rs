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

    /// True when the line holds nothing but whitespace (U+00A0 included).
    pub fn is_blank(&self) -> bool {
        is_blank(self.text)
    }

    /// The line with surrounding whitespace (U+00A0 included) removed.
    pub fn trimmed(&self) -> &'a str {
        self.text.trim()
    }

    /// The span of the line's trimmed content; an empty span at the line's
    /// start when the line is blank.
    pub fn content_span(&self) -> Span {
        let trimmed_start = self.text.len() - self.text.trim_start().len();
        let trimmed = self.text.trim();
        let start = self.start + trimmed_start;
        Span::new(start, start + trimmed.len(), self.number, self.number)
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
/// number of the line `start` falls on), with offsets into `src`.
///
/// ```
/// use oewg_core::text::lines_between;
/// let v: Vec<_> = lines_between("a\nb\nc\n", 2, 4, 2).map(|l| (l.text, l.start, l.number)).collect();
/// assert_eq!(v, [("b", 2, 2)]);
/// ```
pub fn lines_between(src: &str, start: usize, end: usize, first_number: usize) -> Lines<'_> {
    let end = end.min(src.len());
    Lines {
        src: src.get(..end).unwrap_or(src),
        pos: start.min(end),
        number: first_number.saturating_sub(1),
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
        match memchr::memchr2(b'\n', b'\r', rest) {
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

/// True when `s` holds nothing but whitespace (U+00A0 included).
pub fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_whitespace()) || s.chars().all(char::is_whitespace)
}

/// Counts whitespace-separated words, as `str.split()` does in Python.
///
/// ```
/// assert_eq!(oewg_core::text::word_count("Thank you,\u{a0}Chair.  "), 3);
/// ```
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Appends `raw` to `out` with every run of whitespace (U+00A0 included)
/// collapsed to one space, leading and trailing whitespace removed, and the
/// common HTML entities that leak from web pages decoded.
///
/// ```
/// let mut s = String::new();
/// oewg_core::text::push_normalized(&mut s, "  Thank\u{a0}you &amp; good\n morning ");
/// assert_eq!(s, "Thank you & good morning");
/// ```
pub fn push_normalized(out: &mut String, raw: &str) {
    let mut first = true;
    for word in raw.split_whitespace() {
        if !first {
            out.push(' ');
        }
        first = false;
        if word.contains('&') {
            push_decoded(out, word);
        } else {
            out.push_str(word);
        }
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
        _ => return None,
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
    let mut col_end = offset;
    while !src.is_char_boundary(col_end) {
        col_end -= 1;
    }
    let col = src[line_start.min(col_end)..col_end].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn line_col_counts_chars_and_clamps() {
        assert_eq!(line_col("é\nxé", 6), (2, 3));
        assert_eq!(line_col("é\nxé", 5), (2, 2));
        assert_eq!(line_col("abc", 99), (1, 4));
        assert_eq!(line_col("a\r\nb", 3), (2, 1));
    }
}

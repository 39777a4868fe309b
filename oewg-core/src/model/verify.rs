//! Checking a [`Session`] against the text it was parsed from: the promise
//! that nothing is silently dropped, made checkable by anyone — our property
//! tests and fuzz targets, and a user who wants proof for one record.

use super::{Session, Span};
use crate::text;
use thiserror::Error;

/// A way in which a session does not account for its source.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Violation {
    /// A span reaches past the input or does not fall on character
    /// boundaries.
    #[error("{what} {start}..{end} is not a valid range of the {len}-byte input")]
    OutOfBounds {
        /// What the span belongs to.
        what: &'static str,
        /// First byte.
        start: usize,
        /// Byte past the end.
        end: usize,
        /// Length of the input.
        len: usize,
    },
    /// Two top-level regions share bytes.
    #[error("region {start}..{end} overlaps the region that ends at byte {previous_end}")]
    Overlap {
        /// First byte of the later region.
        start: usize,
        /// Byte past its end.
        end: usize,
        /// End of the region before it.
        previous_end: usize,
    },
    /// Non-whitespace bytes that no region accounts for.
    #[error("bytes {start}..{end} are in no statement, header, section or skipped part")]
    Uncovered {
        /// First byte.
        start: usize,
        /// Byte past the end.
        end: usize,
    },
    /// A statement that contradicts its own spans or counts.
    #[error("statement {index}: {what}")]
    Statement {
        /// The statement's index.
        index: usize,
        /// What is wrong.
        what: &'static str,
    },
}

impl Session {
    /// Checks that this session accounts for every byte of `src`, the text
    /// it was parsed from: every span is a valid range of `src`, top-level
    /// regions are in order and never overlap, every byte outside them is
    /// whitespace, and each statement's label and paragraphs lie inside it
    /// with its word count matching its text. The words of `src` are not
    /// compared: another text of the same shape passes.
    ///
    /// ```
    /// let src = "Chair: Good morning.\nCuba: Thank you.\n";
    /// let s = oewg_core::parse(src).unwrap();
    /// assert!(s.verify(src).is_ok());
    /// // Against other text the promise fails, and says where.
    /// assert!(s.verify("Chair: Good morning.\nCuba: Thank you.\nMore.").is_err());
    /// ```
    ///
    /// # Errors
    /// The first [`Violation`] found.
    pub fn verify(&self, src: &str) -> Result<(), Violation> {
        let valid = |what: &'static str, s: &Span| {
            if s.start <= s.end
                && s.end <= src.len()
                && src.is_char_boundary(s.start)
                && src.is_char_boundary(s.end)
                && s.line_start <= s.line_end
            {
                Ok(())
            } else {
                Err(Violation::OutOfBounds {
                    what,
                    start: s.start,
                    end: s.end,
                    len: src.len(),
                })
            }
        };
        let mut at = 0;
        for r in self.regions() {
            valid("region", &r.span)?;
            if r.span.start < at {
                return Err(Violation::Overlap {
                    start: r.span.start,
                    end: r.span.end,
                    previous_end: at,
                });
            }
            uncovered(src, at, r.span.start)?;
            at = r.span.end;
        }
        uncovered(src, at, src.len())?;
        for k in &self.skipped {
            valid("skipped part", &k.span)?;
        }
        for st in &self.statements {
            let bad = |what| Violation::Statement {
                index: st.index,
                what,
            };
            valid("label", &st.label_span)?;
            if st.label_span.start < st.span.start || st.label_span.end > st.span.end {
                return Err(bad("label outside the statement"));
            }
            for p in &st.paragraphs {
                valid("paragraph", p)?;
                if p.start < st.span.start || p.end > st.span.end {
                    return Err(bad("paragraph outside the statement"));
                }
            }
            if st.word_count != text::word_count(&st.text) {
                return Err(bad("word count differs from its text"));
            }
        }
        Ok(())
    }
}

fn uncovered(src: &str, start: usize, end: usize) -> Result<(), Violation> {
    // Blank between spans is whitespace and the characters of no width
    // the parsers read as blank (`text::is_space`).
    match src[start..end].find(|c: char| !text::is_space(c)) {
        None => Ok(()),
        Some(first) => {
            let rest = &src[start + first..end];
            let last = rest.trim_end_matches(text::is_space).len();
            Err(Violation::Uncovered {
                start: start + first,
                end: start + first + last,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_statement_is_found() {
        let src = "Chair: Good morning.\nCuba: Thank you.\n";
        let mut s = crate::parse(src).unwrap();
        s.statements.pop();
        assert_eq!(
            s.verify(src),
            Err(Violation::Uncovered { start: 21, end: 37 })
        );
    }

    #[test]
    fn overlap_and_bounds_are_found() {
        let src = "Chair: Good morning.\nCuba: Thank you.\n";
        let mut s = crate::parse(src).unwrap();
        s.statements[1].span.start = 3;
        assert!(matches!(s.verify(src), Err(Violation::Overlap { .. })));
        s.statements[1].span.start = 21;
        s.statements[1].span.end = 999;
        assert!(matches!(
            s.verify(src),
            Err(Violation::OutOfBounds { what: "region", .. })
        ));
    }

    #[test]
    fn a_wrong_word_count_is_found() {
        let src = "Chair: Good morning.\n";
        let mut s = crate::parse(src).unwrap();
        s.statements[0].word_count += 1;
        assert_eq!(
            s.verify(src),
            Err(Violation::Statement {
                index: 0,
                what: "word count differs from its text"
            })
        );
    }
}

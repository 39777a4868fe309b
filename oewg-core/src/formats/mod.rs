//! One module per input layout (SPEC.md "Input formats"), the grammar they
//! share, and format detection.
//!
//! - [`verbatim`]: layout A, a speaker line, a blank line, paragraphs.
//! - [`report`]: layout B, the AI session report.
//! - [`turns`]: layout C, `Speaker: text` turns and `>> SPEAKER:` captions.
//! - [`asr`]: layout E, the UN's speech-recognition transcripts.
//! - [`markdown`]: layout F, Markdown transcripts.
//! - [`pv`]: layout D, official verbatim records as text from their PDFs.
//!
//! Each layout's `parse` gives the session as read, without the analyses;
//! [`crate::parse`] and [`crate::parse_as`] run them.

pub mod asr;
pub mod grammar;
pub mod markdown;
pub mod pv;
pub mod report;
pub mod turns;
pub mod verbatim;

use crate::model::{
    Format, Role, SkipReason, Skipped, Span, Speaker, Statement, StatementKind, Turn,
};
use crate::speakers;
use crate::text::{self, Line, Lines};
use std::borrow::Cow;
use std::collections::HashMap;

/// How much a parser builds. [`crate::segment`] needs only where turns
/// are and how long they are; everything else is the full parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Turns with spans, labels and word counts: no text is copied, no
    /// speaker resolved, no report section read.
    Segment,
    /// The whole [`crate::Session`].
    Full,
}

/// Lines, and bytes, read when guessing the layout: records declare
/// themselves early, and detection should not cost a pass over the file.
const DETECT_LINES: usize = 400;
const DETECT_BYTES: usize = 32 * 1024;

/// Guesses the layout of a record, or `None` when it shows none of them.
///
/// ```
/// use oewg_core::{detect, Format};
/// assert_eq!(detect("Chile\n\nThank you, Chair.\n"), Some(Format::Verbatim));
/// assert_eq!(detect("Chair: Good morning.\nCuba: Thank you.\n"), Some(Format::Turns));
/// assert_eq!(detect(">> CHAIR: Good morning.\n"), Some(Format::Turns));
/// assert_eq!(detect("Chile [1:15]:\n\nThank you.\n"), Some(Format::Asr));
/// assert_eq!(detect("**Chile | Representative**\n\nThank you.\n"), Some(Format::Markdown));
/// assert_eq!(detect("S/PV.9999\nThe President: I open the meeting.\n"), Some(Format::Pv));
/// assert_eq!(detect("just some words.\n"), None);
/// ```
pub fn detect(src: &str) -> Option<Format> {
    detect_layout(src).map(|d| d.format)
}

/// What [`detect`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Detected {
    pub format: Format,
    /// For a report, whether it [`report::looks_like_report`]: known once
    /// asked here, and the report parser would search most of the record
    /// to ask again.
    pub strict_report: bool,
}

/// [`detect`], and what it learnt on the way.
pub(crate) fn detect_layout(src: &str) -> Option<Detected> {
    let strict = report::looks_like_report(src);
    if strict || report::looks_like_report_edition(src) {
        return Some(Detected {
            format: Format::Report,
            strict_report: strict,
        });
    }
    detect_transcript(src).map(|format| Detected {
        format,
        strict_report: false,
    })
}

/// [`detect`] for a record that is no report.
fn detect_transcript(src: &str) -> Option<Format> {
    let mut captions = 0;
    let mut colon = 0;
    let mut bold_colon = 0;
    let mut labels = 0;
    let mut headers = 0;
    // Speech-recognition speaker lines and header fields; Markdown speaker
    // lines and whether the record opens with a `# ` title.
    let mut asr_lines = 0;
    let mut asr_fields = 0;
    let mut md_lines = 0;
    let mut md_title = false;
    // Official records: symbol lines, page furniture, procedural lines,
    // and `The President:` / `Mr. Name (State):` turns.
    let mut pv_marks = 0;
    let mut pv_turns = 0;
    let mut first = true;
    let mut prev_blank = true;
    let mut pending_label = false;
    let window = text::lines(src)
        .take(DETECT_LINES)
        .take_while(|l| l.start < DETECT_BYTES);
    for line in window {
        if line.is_blank() {
            prev_blank = true;
            continue;
        }
        let t = line.trimmed();
        // A label counts once the block it stood in turns out to be one line.
        if pending_label && prev_blank {
            labels += 1;
        }
        pending_label = false;
        if first && markdown::is_title_heading(t) {
            md_title = true;
        }
        first = false;
        if pv::is_pv_mark(t) {
            pv_marks += 1;
        } else if pv::is_pv_turn(t) {
            pv_turns += 1;
        }
        if t.starts_with(">>") || turns::is_caption_disclaimer(t) {
            captions += 1;
        } else if grammar::asr_speaker_line(t).is_ok() {
            asr_lines += 1;
        } else if markdown::speaker_line(t).is_ok() {
            md_lines += 1;
        } else if asr::is_header_field(t) {
            // `Date: 12 March 2026` reads as a colon turn too.
            asr_fields += 1;
        } else if grammar::colon_turn(t).is_ok() || grammar::stamped_turn(t).is_ok() {
            colon += 1;
        } else if grammar::bold_colon_turn(t).is_some() {
            // `**Threats:** rising` in a Markdown transcript's speech is a
            // bold heading in prose: such a line counts as a turn only in
            // a record without Markdown's speaker lines (see below).
            bold_colon += 1;
        } else if grammar::title_parts(t).is_ok() || grammar::process_line(t).is_ok() {
            headers += 1;
        } else if prev_blank && grammar::is_speaker_label(t) {
            pending_label = true;
        }
        prev_blank = false;
    }
    if pending_label {
        labels += 1;
    }
    // Bold subheadings in a record of speaker lines are none either.
    if md_lines == 0 && labels == 0 {
        colon += bold_colon;
    }
    let others = captions + colon + labels;
    if pv_marks >= 2 || pv_marks >= 1 && pv_turns >= 1 {
        return Some(Format::Pv);
    }
    if asr_lines > 0 && asr_lines >= others.max(md_lines) {
        return Some(Format::Asr);
    }
    if md_lines > 0 && md_lines >= others || md_title && others == 0 {
        return Some(Format::Markdown);
    }
    // Cut before its first turn, a speech-recognition transcript still
    // shows its header fields (`Date:`, `Language:`, `Transcript:`).
    if asr_fields >= 2 && others == 0 {
        return Some(Format::Asr);
    }
    if (captions > 0 && captions >= colon) || colon > labels {
        Some(Format::Turns)
    } else if labels > 0 || headers > 0 {
        Some(Format::Verbatim)
    } else {
        None
    }
}

/// [`speakers::resolve`], but a co-chair (`Co-Chair`, `CO-CHAIR`, `Co
/// Chair`) is the Chair too: meetings with two chairs label them so. The
/// turns layout's (`Speaker: text`) speakers are made so; the bindings'
/// `resolve` gives it. Other layouts read more from a label first (a PV's
/// state in brackets, an ASR line's group after `·`).
///
/// ```
/// use oewg_core::{formats::resolve_co_chair, Role};
/// assert_eq!(resolve_co_chair("Co-Chair").role, Role::Chair);
/// assert_eq!(resolve_co_chair("Russia").canonical_name(), "Russian Federation");
/// ```
pub fn resolve_co_chair(label: &str) -> Speaker {
    let t = label.trim();
    let bare = t
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("co-") || p.eq_ignore_ascii_case("co "))
        .map(|_| &t[3..]);
    match bare {
        Some(rest) if speakers::resolve(rest).role == Role::Chair => {
            let mut s = speakers::resolve(rest);
            s.label = t.to_string();
            s
        }
        _ => speakers::resolve(t),
    }
}

/// A run of non-blank lines: its raw text (first line's content through the
/// last line's content), span and line count.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block<'a> {
    pub text: &'a str,
    pub span: Span,
    pub lines: usize,
    /// The first line, trimmed: known when the block is read, so asking
    /// for it never scans a long paragraph for its end.
    first: &'a str,
}

impl<'a> Block<'a> {
    /// The block's first line, trimmed.
    pub fn first_line(&self) -> &'a str {
        self.first
    }

    /// The block as one trimmed line, when it is one.
    pub fn single_line(&self) -> Option<&'a str> {
        (self.lines == 1).then(|| text::trim(self.text))
    }
}

/// Iterator over the [`Block`]s of a run of lines.
pub(crate) struct Blocks<'a> {
    src: &'a str,
    lines: Lines<'a>,
}

pub(crate) fn blocks(src: &str) -> Blocks<'_> {
    Blocks {
        src,
        lines: text::lines(src),
    }
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Block<'a>;

    fn next(&mut self) -> Option<Block<'a>> {
        // A line is blank when nothing is left of it trimmed: each line is
        // trimmed once, for both questions. Empty lines are passed over
        // first, without being made and trimmed each.
        let (first, trimmed) = loop {
            self.lines.skip_empty();
            let l = self.lines.next()?;
            let t = l.trimmed();
            if !t.is_empty() {
                break (l, t);
            }
        };
        let mut span = sub_span(&first, trimmed);
        let mut count = 1;
        // Peek by cloning: the line iterator is two words and cheap to copy.
        // Most blocks end at an empty line, told by its first byte alone.
        while !self.lines.next_is_empty() {
            let mut ahead = self.lines.clone();
            let Some(l) = ahead.next() else {
                break;
            };
            let t = l.trimmed();
            if t.is_empty() {
                break;
            }
            span = span.to(sub_span(&l, t));
            count += 1;
            self.lines = ahead;
        }
        Some(Block {
            text: &self.src[span.start..span.end],
            span,
            lines: count,
            first: trimmed,
        })
    }
}

/// Fewer bytes than a record's turns usually take (1.1 KB in the verbatim
/// seed, 1.7 KB in most verbatim transcripts, 2 KB and more in a session
/// report): a guess at the number of turns from the record's size that is
/// rarely short. A short guess costs a copy of the whole list at each
/// doubling (1536 was short for the verbatim seed: its list was grown and
/// copied once per record); spare room costs nothing but the shrink that
/// [`TurnBuilder::finish`] makes anyway.
const BYTES_PER_TURN: usize = 1024;

/// Builds statements turn by turn, keeping spans and normalised text in
/// step, so every layout assembles statements the same way.
pub(crate) struct TurnBuilder<'a> {
    src: &'a str,
    depth: Depth,
    statements: Vec<Statement>,
    /// Segmentation's turns, made instead of statements: a statement is
    /// several times a turn's size, and [`crate::segment`] would only
    /// copy each into a turn and drop it. [`TurnBuilder::finish`] leaves
    /// them for [`take_segmented`].
    turns: Vec<Turn>,
    open: Option<OpenTurn<'a>>,
    resolve: fn(&str) -> Speaker,
    /// The open turn's text and paragraphs, built here and copied out at
    /// their exact size when it closes: the buffers keep their room from
    /// turn to turn, so a statement costs one allocation each instead of
    /// one per doubling and a shrink.
    text: String,
    paragraphs: Vec<Span>,
    /// The open turn's text while one push made it all, in place of
    /// `text`: made with room for that push's raw bytes (its exact size
    /// when they are already normal), and moved into the statement whole,
    /// not copied out. Most turns are one push: a report's transcript
    /// line, a verbatim turn's one paragraph. A second push moves it into
    /// `text` and goes on there.
    single: Option<String>,
}

/// Speakers resolved on this thread, by resolver (its address) and label.
/// A session repeats a few dozen labels over hundreds of turns, and the
/// records of one body name the same delegations, so each distinct label
/// is resolved once per thread rather than once per turn or per record:
/// every resolver is a function of the label alone.
struct Resolved {
    // FNV, not SipHash: a lookup per turn hashed its label in ~200
    // instructions, more than the rest of the lookup. The cache is bounded
    // (`RESOLVED_MAX`), so keys made to collide cost at most a slow record.
    by_resolver: Vec<(usize, HashMap<String, Speaker, speakers::FastHash>)>,
    len: usize,
}

/// The most labels [`Resolved`] keeps: enough for every delegation and
/// speaker of a body; past it the cache starts again, so that hostile
/// input with millions of labels cannot make it grow without bound.
const RESOLVED_MAX: usize = 8192;

thread_local! {
    static RESOLVED: std::cell::RefCell<Resolved> = const {
        std::cell::RefCell::new(Resolved { by_resolver: Vec::new(), len: 0 })
    };
}

/// `resolve(label)`, from the thread's cache when it is there.
/// The speaker of a label as written.
fn resolve_label(resolve: fn(&str) -> Speaker, label: &str) -> Speaker {
    resolve_cached(resolve, &read_label(label))
}

/// A label as the speaker's: one holding an entity of its page's markup
/// (`M&eacute;xico`, `Pacific Islands Forum &ndash; Tonga`) as read, as
/// the text is (its span keeps the bytes); any other as written.
fn read_label(label: &str) -> Cow<'_, str> {
    match memchr::memchr(b'&', label.as_bytes()) {
        Some(_) => Cow::Owned(text::normalize(label)),
        None => Cow::Borrowed(label),
    }
}

fn resolve_cached(resolve: fn(&str) -> Speaker, label: &str) -> Speaker {
    // Distinct resolvers may share an address only when their code is
    // the same, and then so are their answers.
    let id = resolve as usize;
    RESOLVED.with_borrow_mut(|cache| {
        let slot = match cache.by_resolver.iter().position(|(r, _)| *r == id) {
            Some(at) => at,
            None => {
                cache.by_resolver.push((id, HashMap::default()));
                cache.by_resolver.len() - 1
            }
        };
        if let Some(speaker) = cache.by_resolver[slot].1.get(label) {
            return speaker.clone();
        }
        let speaker = resolve(label);
        if cache.len >= RESOLVED_MAX {
            for (_, map) in &mut cache.by_resolver {
                map.clear();
            }
            cache.len = 0;
        }
        cache.by_resolver[slot]
            .1
            .insert(label.to_string(), speaker.clone());
        cache.len += 1;
        speaker
    })
}

struct OpenTurn<'a> {
    /// Trimmed; borrowed when it is a part of the source (as every
    /// layout's labels are), so it is copied only into the statement.
    label: Cow<'a, str>,
    label_span: Span,
    span: Span,
    words: usize,
    in_paragraph: bool,
    time_offset_s: Option<u32>,
}

impl<'a> TurnBuilder<'a> {
    pub fn new(src: &'a str, depth: Depth) -> Self {
        let (text, paragraphs) = SCRATCH.with_borrow_mut(std::mem::take);
        TurnBuilder {
            src,
            depth,
            // Room for the turns a record of this size usually has, so the
            // list is not copied at each doubling; `finish` gives back what
            // is left over.
            statements: match depth {
                Depth::Full => Vec::with_capacity(src.len() / BYTES_PER_TURN + 1),
                Depth::Segment => Vec::new(),
            },
            turns: match depth {
                Depth::Full => Vec::new(),
                Depth::Segment => Vec::with_capacity(src.len() / BYTES_PER_TURN + 1),
            },
            open: None,
            resolve: speakers::resolve,
            text,
            paragraphs,
            single: None,
        }
    }

    /// Resolves labels with `resolve` instead of [`speakers::resolve`]:
    /// layouts whose labels carry fields (`Peru · GRULAC`, `Iraq |
    /// Representative | (G77 + China)`) read them first. Only the full
    /// parse resolves, so segmentation still agrees on the label.
    pub fn with_resolver(mut self, resolve: fn(&str) -> Speaker) -> Self {
        self.resolve = resolve;
        self
    }

    /// Records when the open turn began, in seconds.
    pub fn set_time_offset(&mut self, seconds: Option<u32>) {
        if let Some(t) = &mut self.open {
            t.time_offset_s = seconds;
        }
    }

    /// Opens a new turn for `label` (raw, untrimmed) at `label_span`,
    /// closing the previous one.
    pub fn start(&mut self, label: &str, label_span: Span) {
        self.close();
        let label = label.trim();
        // The same bytes, borrowed for the source's lifetime when they lie
        // in it.
        let offset = (label.as_ptr() as usize).wrapping_sub(self.src.as_ptr() as usize);
        let label = match self.src.get(offset..offset.wrapping_add(label.len())) {
            Some(s) if s.as_ptr() == label.as_ptr() => Cow::Borrowed(s),
            _ => Cow::Owned(label.to_string()),
        };
        self.open = Some(OpenTurn {
            label,
            label_span,
            span: label_span,
            words: 0,
            in_paragraph: false,
            time_offset_s: None,
        });
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Whether any turn was opened: the statements [`TurnBuilder::finish`]
    /// gives are not empty, or, segmenting, the turns it leaves.
    pub fn turned(&self) -> bool {
        self.open.is_some() || !self.statements.is_empty() || !self.turns.is_empty()
    }

    /// The open turn's label, while it has no text yet.
    pub fn textless_label(&self) -> Option<&str> {
        self.open
            .as_ref()
            .filter(|_| self.paragraphs.is_empty())
            .map(|t| &*t.label)
    }

    /// Extends the open turn over a repeated speaker line.
    pub fn extend_label(&mut self, span: Span) {
        if let Some(t) = &mut self.open {
            t.span = t.span.to(span);
        }
    }

    /// Adds raw content to the open turn: to the current paragraph, or as a
    /// new one after [`TurnBuilder::break_paragraph`]. Blank content is
    /// ignored. Returns false when no turn is open.
    pub fn push(&mut self, content: Span) -> bool {
        let Some(t) = &mut self.open else {
            return false;
        };
        let raw = content.slice(self.src);
        if text::is_blank(raw) {
            return true;
        }
        // Spans and paragraphs are kept at every depth; text only in full.
        let full = self.depth == Depth::Full;
        if full && self.paragraphs.is_empty() {
            // The turn's first content: its text alone, for now.
            let mut own = String::with_capacity(raw.len());
            t.words += text::push_normalized(&mut own, raw);
            self.single = Some(own);
            self.paragraphs.push(content);
            t.in_paragraph = true;
            t.span = t.span.to(content);
            return true;
        }
        if let Some(own) = self.single.take() {
            self.text.push_str(&own);
        }
        if t.in_paragraph {
            if full {
                self.text.push(' ');
            }
            if let Some(last) = self.paragraphs.last_mut() {
                *last = last.to(content);
            }
        } else {
            if full && !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.paragraphs.push(content);
            t.in_paragraph = true;
        }
        t.words += if full {
            text::push_normalized(&mut self.text, raw)
        } else {
            text::word_count(raw)
        };
        t.span = t.span.to(content);
        true
    }

    /// Ends the current paragraph; the next content starts a new one.
    pub fn break_paragraph(&mut self) {
        if let Some(t) = &mut self.open {
            t.in_paragraph = false;
        }
    }

    /// Closes the open turn, if any.
    pub fn close(&mut self) {
        let Some(t) = self.open.take() else {
            return;
        };
        if self.depth == Depth::Segment {
            self.paragraphs.clear();
            self.turns.push(Turn {
                label: match memchr::memchr(b'&', t.label.as_bytes()) {
                    Some(_) => text::normalize(&t.label),
                    None => t.label.into_owned(),
                },
                span: t.span,
                label_span: t.label_span,
                word_count: t.words,
            });
            return;
        }
        let speaker = resolve_label(self.resolve, &t.label);
        let word_count = t.words;
        // Copied out at their exact size, so memory stays proportional to
        // the input (SPEC: at most 3x); the buffers are reused. One push's
        // text was made at its size.
        let text = match self.single.take() {
            Some(own) => own,
            None => {
                let text = String::from(self.text.as_str());
                self.text.clear();
                text
            }
        };
        let kind = classify(speaker.role, word_count, &text);
        let paragraphs = self.paragraphs.clone();
        self.paragraphs.clear();
        self.statements.push(Statement {
            index: self.statements.len(),
            speaker,
            text,
            word_count,
            span: t.span,
            label_span: t.label_span,
            paragraphs,
            kind,
            time_offset_s: t.time_offset_s,
            language: None,
        });
    }

    /// The statements; segmenting, none, and the turns are left for
    /// [`take_segmented`] in place of any left before.
    pub fn finish(mut self) -> Vec<Statement> {
        self.close();
        if self.depth == Depth::Segment {
            let turns = std::mem::take(&mut self.turns);
            SEGMENTED.with_borrow_mut(|left| *left = turns);
            return Vec::new();
        }
        let mut statements = std::mem::take(&mut self.statements);
        // Room is spare after the guess or a doubling (up to half the list,
        // a third of the input's size on a long record), and would be held
        // through every analysis.
        statements.shrink_to_fit();
        statements
    }
}

thread_local! {
    /// The turns the last builder that segmented on this thread finished
    /// with: a layout's parser returns a [`crate::Session`], which has no
    /// place for them.
    static SEGMENTED: std::cell::RefCell<Vec<Turn>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The turns the last [`TurnBuilder`] at [`Depth::Segment`] finished with
/// on this thread, taken (none when none did since the last take).
pub(crate) fn take_segmented() -> Vec<Turn> {
    SEGMENTED.with_borrow_mut(std::mem::take)
}

/// The most room of each buffer kept (in bytes) for the thread's next builder:
/// a record's longest turn is rarely longer, and a record with a huge
/// one should not leave its room held after it is read.
const SCRATCH_MAX: usize = 1 << 20;

thread_local! {
    /// The last builder's text and paragraph buffers, emptied: the next
    /// record's builder starts with their room instead of growing its
    /// own from nothing, a copy at each doubling.
    static SCRATCH: std::cell::RefCell<(String, Vec<Span>)> =
        const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

impl Drop for TurnBuilder<'_> {
    fn drop(&mut self) {
        let spans = self.paragraphs.capacity() * std::mem::size_of::<Span>();
        if self.text.capacity() <= SCRATCH_MAX && spans <= SCRATCH_MAX {
            let mut text = std::mem::take(&mut self.text);
            let mut paragraphs = std::mem::take(&mut self.paragraphs);
            text.clear();
            paragraphs.clear();
            // A builder made while another was open took empty buffers:
            // the larger room is kept.
            SCRATCH.with_borrow_mut(|kept| {
                if text.capacity() > kept.0.capacity() {
                    *kept = (text, paragraphs);
                }
            });
        }
    }
}

/// Procedural or substantive, by length, role and wording: the Chair's
/// short turns give the floor and thank; anyone else's very short turn is
/// procedural too, unless it takes a position ("Israel … supports the
/// Chair's proposal": short, and what a reader of positions needs).
///
/// ```text
/// Chair, 60 words                          -> procedural
/// Peru, "Thank you, Chair."                -> procedural
/// Peru, "We support the Chair's proposal." -> substantive
/// ```
pub(crate) fn classify(role: crate::Role, words: usize, text: &str) -> StatementKind {
    const CHAIR_PROCEDURAL_WORDS: usize = 80;
    const PROCEDURAL_WORDS: usize = 40;
    let short = if role == crate::Role::Chair {
        words <= CHAIR_PROCEDURAL_WORDS
    } else {
        words <= PROCEDURAL_WORDS && !takes_position(text)
    };
    if short {
        StatementKind::Procedural
    } else {
        StatementKind::Substantive
    }
}

/// The beginnings of the words that state a position on something
/// ("support", "opposes", "proposal", "aligns", "co-sponsor"), matched at
/// the start of a word, ASCII case aside. Only short turns are read.
fn takes_position(text: &str) -> bool {
    const STEMS: [&str; 10] = [
        "support", "oppos", "propos", "agree", "disagree", "align", "endors", "reject", "object",
        "sponsor",
    ];
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b[i].is_ascii_alphabetic()
            && STEMS.iter().any(|stem| {
                b.get(i..i + stem.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(stem.as_bytes()))
            })
    })
}

/// The session a transcript layout (A, E, F) made, from its builder's
/// statements and whether it made any turn ([`TurnBuilder::turned`]:
/// segmentation's are not statements); or, when it found no turn and
/// nothing that marks the text as its layout (`recognised`: a title, a
/// header block), the error: `expected` at the first header or skipped
/// part, or "empty" when there is neither.
pub(crate) fn finish_transcript(
    src: &str,
    meta: crate::model::Meta,
    (statements, turned): (Vec<Statement>, bool),
    headers: Vec<crate::model::Header>,
    skipped: Vec<Skipped>,
    recognised: bool,
    expected: &str,
) -> Result<crate::model::Session, crate::ParseError> {
    // A header block and no turn is a record of nothing said yet; text
    // that no speaker line introduces, and no turn at all, is another
    // layout (the verbatim seed forced through the ASR reader).
    let unread = || {
        skipped
            .iter()
            .any(|s| s.reason == SkipReason::BeforeFirstSpeaker)
    };
    if !turned && (!recognised || unread()) {
        // Where reading failed: the first unread text after a header block
        // that was read, else the first thing that is no turn.
        let first = if recognised {
            skipped
                .iter()
                .find(|s| s.reason == SkipReason::BeforeFirstSpeaker)
                .map(|s| s.span.start)
        } else {
            headers
                .iter()
                .map(|h| h.span.start)
                .chain(
                    skipped
                        .iter()
                        .filter(|s| s.reason != SkipReason::ByteOrderMark)
                        .map(|s| s.span.start),
                )
                .min()
        };
        return Err(match first {
            Some(at) => crate::ParseError::expected(src, at, expected),
            None => crate::ParseError::Empty {
                at: crate::Position::START,
            },
        });
    }
    Ok(crate::model::Session {
        meta,
        statements,
        headers,
        report: None,
        skipped,
        analysis: Default::default(),
        votes: Vec::new(),
    })
}

/// The leading byte-order mark, reported as skipped so that no byte of the
/// input goes unaccounted for.
pub(crate) fn skip_bom(src: &str, skipped: &mut Vec<Skipped>) {
    if src.starts_with('\u{feff}') {
        skipped.push(Skipped {
            span: Span::new(0, 3, 1, 1),
            reason: SkipReason::ByteOrderMark,
        });
    }
}

/// Adds `span` to the skipped list, merging it into the previous entry when
/// both have the same reason and only whitespace lies between them, so a long
/// run of skipped blocks stays one entry.
pub(crate) fn skip(src: &str, skipped: &mut Vec<Skipped>, span: Span, reason: SkipReason) {
    if let Some(last) = skipped.last_mut() {
        let between = src.get(last.span.end..span.start);
        if last.reason == reason
            && reason != SkipReason::ByteOrderMark
            && between.is_some_and(text::is_blank)
        {
            last.span = last.span.to(span);
            return;
        }
    }
    skipped.push(Skipped { span, reason });
}

/// The lines of a record's header as read before its first turn (title,
/// process line, date, a captioner's notice, notes after them). The header
/// again once the turns began, a page's running head or a second copy of
/// the record pasted on, is page furniture, not a speaker's words nor a
/// speaker. It leaves the open turn open: across a page break, the speech
/// goes on.
///
/// A repeat starts at the first line kept, which is a line of a sure kind
/// (a title, a process line, a date, a notice, a rule), and runs over the
/// lines kept after it: a loosely read line ("Thank you." before the first
/// speaker, read as a note) said again alone is the speaker's.
#[derive(Debug, Default)]
pub(crate) struct RunningHeads<'s> {
    lines: Vec<&'s str>,
    /// Whether the last line or block looked at was skipped as a repeat.
    in_repeat: bool,
}

/// The most header lines [`RunningHeads`] keeps: a record's header has a
/// handful, and each line after the turns began is compared with them.
const MAX_RUNNING_HEADS: usize = 16;

impl<'s> RunningHeads<'s> {
    /// Keeps `line` (trimmed) as a header line, when there is room; a
    /// line of a kind loosely read (`sure` false) only after a sure one.
    pub(crate) fn add(&mut self, line: &'s str, sure: bool) {
        if self.lines.len() < MAX_RUNNING_HEADS
            && !line.is_empty()
            && (sure || !self.lines.is_empty())
            && !self.has(line)
        {
            self.lines.push(line);
        }
    }

    /// Whether no header line was kept.
    pub(crate) fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Whether `line` (trimmed) is one of the header lines.
    fn has(&self, line: &str) -> bool {
        self.lines
            .iter()
            .any(|l| l.len() == line.len() && *l == line)
    }

    /// Whether `line` (trimmed, not blank) repeats the header: the first
    /// header line, or a header line right after a repeat. Remembers the
    /// answer for the next line.
    pub(crate) fn repeats_line(&mut self, line: &str) -> bool {
        let first = self.lines.first().is_some_and(|f| *f == line);
        self.in_repeat = first || (self.in_repeat && self.has(line));
        self.in_repeat
    }

    /// For a layout read line by line: once the turns began, skips `line`
    /// as page furniture when it repeats the header, breaking the open
    /// turn's paragraph (the turn stays open). Returns whether it did.
    pub(crate) fn skip_repeat(
        &mut self,
        src: &str,
        line: &Line<'_>,
        turns: &mut TurnBuilder<'_>,
        skipped: &mut Vec<Skipped>,
    ) -> bool {
        if self.lines.is_empty()
            || !turns.turned()
            || line.is_blank()
            || !self.repeats_line(line.trimmed())
        {
            return false;
        }
        turns.break_paragraph();
        skip(src, skipped, line.content_span(), SkipReason::PageFurniture);
        true
    }

    /// [`RunningHeads::repeats_line`] for a block: every line of it a
    /// header line, the first one starting a repeat or going on with one.
    pub(crate) fn repeats_block(&mut self, block: &Block<'_>) -> bool {
        // Most blocks are speech: they are let go before any line of
        // theirs is split off and trimmed.
        let may_start = self.lines.first().is_some_and(|f| block.first_line() == *f);
        if !may_start && !self.in_repeat {
            return false;
        }
        let mut lines = text::std_lines(block.text).map(text::trim);
        let repeat =
            lines.next().is_some_and(|l| self.repeats_line(l)) && lines.all(|l| self.has(l));
        self.in_repeat = repeat;
        repeat
    }
}

/// A record's statements' texts and its skipped regions as written, each
/// with its reason; the session verified against `src` first.
#[cfg(test)]
pub(crate) fn texts_and_skipped(src: &str) -> (Vec<String>, Vec<(&str, SkipReason)>) {
    let s = crate::parse(src).unwrap();
    s.verify(src).unwrap();
    let texts = s.statements.iter().map(|st| st.text.clone()).collect();
    let skipped = s
        .skipped
        .iter()
        .map(|k| (k.span.slice(src), k.reason))
        .collect();
    (texts, skipped)
}

/// The content span of a part of `line` given as a sub-slice of it.
pub(crate) fn sub_span(line: &Line<'_>, part: &str) -> Span {
    let offset = part.as_ptr() as usize - line.text.as_ptr() as usize;
    let start = line.start + offset;
    Span::new(start, start + part.len(), line.number, line.number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_labels_make_colon_turns_but_not_in_markdown_speech() {
        let src = "**Chair:** Good morning.\n**Chile**: Thank you.\nWe agree.\n";
        assert_eq!(detect(src), Some(Format::Turns));
        let s = crate::parse(src).unwrap();
        s.verify(src).unwrap();
        let got: Vec<(&str, &str)> = s
            .statements
            .iter()
            .map(|st| (st.label_span.slice(src), st.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Chair", "Good morning."),
                ("Chile", "Thank you. We agree.")
            ]
        );
        let md = "# Plenary\n\n**Chile | Representative**\n\n**Threats:** rising.\n\n**Risks:** many.\n\n**Cuba | Representative**\n\nWe agree.\n";
        assert_eq!(detect(md), Some(Format::Markdown));
        let verbatim = "Chair\n\nGood morning.\n\nChile\n\nFour points.\n\n**One:** a.\n\n**Two:** b.\n\n**Three:** c.\n\nCuba\n\nWe agree.\n";
        assert_eq!(detect(verbatim), Some(Format::Verbatim));
    }

    #[test]
    fn short_turns_that_take_a_position_are_substantive() {
        use crate::Role::{Chair, Delegation};
        for (role, words, text, want) in [
            (
                Delegation,
                3,
                "Thank you, Chair.",
                StatementKind::Procedural,
            ),
            (
                Delegation,
                8,
                "We would like to take the floor later.",
                StatementKind::Procedural,
            ),
            (
                Delegation,
                5,
                "We support the Chair's proposal.",
                StatementKind::Substantive,
            ),
            (
                Delegation,
                4,
                "Peru opposes this text.",
                StatementKind::Substantive,
            ),
            (
                Delegation,
                5,
                "We ALIGN with the EU.",
                StatementKind::Substantive,
            ),
            (
                Delegation,
                3,
                "A co-sponsor here.",
                StatementKind::Substantive,
            ),
            // Inside a word is no position: "unsupported" is not "support".
            (
                Delegation,
                3,
                "Insupportable, transpose, misalign.",
                StatementKind::Procedural,
            ),
            (Delegation, 41, "Thank you.", StatementKind::Substantive),
            (
                Chair,
                5,
                "We support the proposal.",
                StatementKind::Procedural,
            ),
            (Chair, 81, "Thank you.", StatementKind::Substantive),
        ] {
            assert_eq!(classify(role, words, text), want, "{role:?} {words} {text}");
        }
    }

    #[test]
    fn blocks_group_lines_and_trim() {
        let src = "a\nb\n\n \u{a0}\n  c  \n";
        let got: Vec<_> = blocks(src)
            .map(|b| (b.text, b.lines, b.span.line_start))
            .collect();
        assert_eq!(got, [("a\nb", 2, 1), ("c", 1, 5)]);
    }

    #[test]
    fn blocks_are_the_runs_of_non_blank_lines_on_pieced_texts() {
        // Every line end, blank lines empty and of spaces, a last line
        // without its end: the blocks are the runs of lines that trim to
        // something, from the first's content to the last's.
        fn runs(src: &str) -> Vec<(Span, usize)> {
            let mut out: Vec<(Span, usize)> = Vec::new();
            let mut open = false;
            for l in text::lines(src) {
                let t = l.trimmed();
                if t.is_empty() {
                    open = false;
                    continue;
                }
                let span = sub_span(&l, t);
                match out.last_mut() {
                    Some((s, n)) if open => {
                        *s = s.to(span);
                        *n += 1;
                    }
                    _ => out.push((span, 1)),
                }
                open = true;
            }
            out
        }
        let pieces = [
            "a", "Chair", " ", "\u{a0}", "\n", "\r", "\r\n", "\n\n", "\t", "\u{feff}",
        ];
        for src in text::pieced_texts(&pieces, 3000, 30, 3) {
            let got: Vec<_> = blocks(&src).map(|b| (b.span, b.lines)).collect();
            assert_eq!(got, runs(&src), "{src:?}");
            for b in blocks(&src) {
                assert_eq!(b.text, &src[b.span.start..b.span.end]);
            }
        }
    }

    #[test]
    fn builder_joins_lines_and_paragraphs() {
        let src = "X\none\ntwo\n\nthree";
        let mut b = TurnBuilder::new(src, Depth::Full);
        b.start("X", Span::new(0, 1, 1, 1));
        b.push(Span::new(2, 5, 2, 2));
        b.push(Span::new(6, 9, 3, 3));
        b.break_paragraph();
        b.push(Span::new(11, 16, 5, 5));
        let s = b.finish();
        assert_eq!(s[0].text, "one two\n\nthree");
        assert_eq!(
            s[0].paragraphs,
            [Span::new(2, 9, 2, 3), Span::new(11, 16, 5, 5)]
        );
        assert_eq!(s[0].span, Span::new(0, 16, 1, 5));
        assert_eq!(s[0].word_count, 3);
    }

    #[test]
    fn builder_text_is_the_pushes_normalised_and_joined_on_pieced_texts() {
        // Lines of a pieced text, each a push, a blank line a paragraph
        // break and a line `#` a new turn: the statements' text and word
        // counts are those of the plain join (a space within a paragraph,
        // a blank line between), whether a turn is one push or many.
        let pieces = [
            "Thank", " you", ",", "  ", "\n", "\n\n", "\n#\n", "\u{a0}", "&amp;", "\t", " Chair.",
            "é",
        ];
        for src in text::pieced_texts(&pieces, 3000, 40, 11) {
            let mut b = TurnBuilder::new(&src, Depth::Full);
            let mut want: Vec<(String, usize)> = Vec::new();
            let mut in_paragraph = false;
            for l in text::lines(&src) {
                let raw = l.text;
                if raw == "#" || want.is_empty() {
                    b.start("X", Span::new(l.start, l.start, l.number, l.number));
                    want.push((String::new(), 0));
                    in_paragraph = false;
                    if raw == "#" {
                        continue;
                    }
                }
                if text::is_blank(raw) {
                    b.break_paragraph();
                    in_paragraph = false;
                    continue;
                }
                let content = Span::new(l.start, l.end(), l.number, l.number);
                assert!(b.push(content));
                let (text, words) = want.last_mut().unwrap();
                if in_paragraph {
                    text.push(' ');
                } else if !text.is_empty() {
                    text.push_str("\n\n");
                }
                in_paragraph = true;
                *words += text::push_normalized(text, raw);
            }
            let got: Vec<(String, usize)> = b
                .finish()
                .into_iter()
                .map(|s| (s.text, s.word_count))
                .collect();
            assert_eq!(got, want, "{src:?}");
        }
    }

    #[test]
    fn detect_prefers_the_majority_shape() {
        assert_eq!(
            detect("Session 1-9 Transcript\n(OEWG 2021-25)\n"),
            Some(Format::Verbatim)
        );
        assert_eq!(detect(""), None);
        assert_eq!(
            detect("Chile\n\nWe note: one thing.\n"),
            Some(Format::Verbatim)
        );
    }
}

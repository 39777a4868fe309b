//! Layout D, official verbatim records (`S/PV.9999`, `A/80/PV.45`) as text
//! extracted from their PDFs: a front matter (symbol, body, year or
//! session, meeting, date, place, president, members, agenda), then
//! procedural lines (`The meeting was called to order at …`) and turns of
//! `The President:` or `Mr. Name (State) (spoke in French):`, with the
//! furniture of each page (running headers, page and job numbers, bar
//! codes) between any two lines, and recorded votes.
//!
//! Page furniture is reported in [`Session::skipped`] and never enters a
//! statement's text; the statement, and its paragraph, run on across the
//! page break, so its span covers the furniture. A word hyphenated at a
//! line end is joined in the text (`inter-` `national` reads
//! `international`; before a capital the hyphen stays: `Secretary-General`).
//!
//! Footnotes are page furniture too: the lines at a page's foot, just
//! before its running header or page number (or the end of the record),
//! whose first line opens with a number that a marker on the same page
//! calls. A marker is one or two digits glued to the end of a lower-case
//! word, where the superscript was (`Secretary-General1`, `Committee.2`);
//! once its footnote is found, the marker is taken out of the text that
//! holds it (the span keeps the raw bytes). A marker whose footnote is
//! not found on its page stays in the text as written, and a line that
//! opens with a number no marker calls is text. A block that would run
//! over a speaker's label or a procedural line is no footnote, and a
//! number that only a unit's power calls (`170,000 km2`) is a footnote's
//! only before the page's furniture, not at the end of the record.
//!
//! A line outside any turn after the front matter is an agenda heading
//! (`Agenda item 68 (continued)`, `Letter dated … (S/2026/100)`, the
//! title after `Agenda item 12`), a procedural line (also `Draft
//! resolution II was adopted …`, `It was so decided.` and `[Subsequently,
//! …]`), the wrapped rest of the header just before it, or else text no
//! label introduces, skipped as [`SkipReason::UnattributedText`]: it
//! becomes neither a note nor anyone's words. Inside a turn, a line that
//! is an item's number alone (`Agenda item 12`) after a finished sentence
//! is a heading too, and ends the turn. A procedural line ends a turn
//! only when it is the record's own sentence (`A vote was taken by show
//! of hands.`): a speaker's sentence that opens with the same words (`A
//! vote was taken on that text, and …`) stays in the text. A bracketed
//! note after a finished sentence, in whole lines, ends the turn when a
//! label, a procedural line, a vote, an item's number or the end of the
//! record follows it; else it stays in the text (a header cannot lie
//! inside a statement). The agenda headings between turns join the front
//! matter's in [`Meta::agenda_items`], each once.

use super::{skip, skip_bom, sub_span, Depth};
use crate::error::ParseError;
use crate::model::{
    Format, Header, HeaderKind, Member, Meta, Role, Session, SkipReason, Span, Speaker, Statement,
    Vote, VoteCounts,
};
use crate::speakers;
use crate::text::{self, Line, Lines};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{opt, recognize, verify};
use nom::multi::many0_count;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use std::collections::HashMap;
use std::iter::Peekable;

/// What the parser expects when it finds no turn.
const EXPECTED: &str = "an official record: a `The President:` or `Mr. Name (State):` turn, \
     or a front matter with a symbol such as S/PV.9999";

/// Longest line tried as the start of a speaker label.
const MAX_LABEL_BYTES: usize = 240;
/// Blank and furniture lines a label may wrap across, at most.
const MAX_LABEL_GAP: usize = 6;
/// Words in a speaker's name, at most, when no `(State)` follows it.
const MAX_NAME_WORDS: usize = 6;
/// Words in a name a `(State)` follows, at most: the parenthesis makes a
/// label of a long name (`Mr. Fernando Pedro José da Costa e Silva
/// (Brazil)`) that would be too like a sentence alone.
const MAX_NAME_WORDS_WITH_STATE: usize = 10;

/// Parses an official verbatim record.
///
/// The session as read, without the analyses (its `analysis` is empty):
/// [`crate::parse`] and [`crate::parse_as`] run them.
///
/// ```
/// use oewg_core::{formats::pv, Role};
/// let src = "United Nations S/PV.9999\nSecurity Council\n9999th meeting\n\n\
///     The meeting was called to order at 10.05 a.m.\n\n\
///     The President: I give the floor to the representative of Chile.\n\
///     Mr. Rojas (Chile) (spoke in Spanish): Thank you.\n";
/// let s = pv::parse(src).unwrap();
/// assert_eq!(s.meta.symbol.as_deref(), Some("S/PV.9999"));
/// assert_eq!(s.statements[0].speaker.role, Role::Chair);
/// assert_eq!(s.statements[1].speaker.iso3.as_deref(), Some("CHL"));
/// assert_eq!(s.statements[1].language.as_deref(), Some("Spanish"));
/// assert_eq!(s.statements[1].text, "Thank you.");
/// ```
///
/// # Errors
/// [`ParseError::Expected`] when the text has neither a turn nor a front
/// matter; [`ParseError::Empty`] for blank input.
pub fn parse(src: &str) -> Result<Session, ParseError> {
    parse_to(src, Depth::Full)
}

/// Where the front matter reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Front {
    /// Reading fields.
    Fields,
    /// After `Members:`: `State ..... Representative` lines.
    Members,
    /// After `Agenda`: agenda items until a blank line.
    Agenda,
    /// Inside the translation notice, until a blank line.
    Notice,
}

/// A turn being read.
struct Open {
    label: String,
    label_span: Span,
    span: Span,
    paragraphs: Vec<Span>,
    /// The normalised text, from byte `base` of the whole: all of it in
    /// a full parse; in segmentation only its last characters and the
    /// line being added, all that joining a line (`inter-` `national`),
    /// ending a paragraph and finding footnote markers look at.
    text: String,
    base: usize,
    /// The words of the whole text, counted line by line.
    words: usize,
    in_paragraph: bool,
    language: Option<String>,
}

impl Open {
    /// Drops all but the last two characters of the text, the most the
    /// tests on its end look back (a marker's digits included).
    fn slide(&mut self) {
        let keep = self.text.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
        if keep > 0 {
            self.text.replace_range(..keep, "");
            self.base += keep;
        }
    }
}

/// Which list of a vote is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    InFavour,
    Against,
    Abstaining,
    Result,
    Done,
}

/// A vote being read: each list's lines as written.
struct OpenVote<'a> {
    span: Span,
    lists: [Vec<&'a str>; 3],
    result: String,
    at: List,
}

struct Parser_<'a> {
    src: &'a str,
    depth: Depth,
    meta: Meta,
    headers: Vec<Header>,
    skipped: Vec<crate::model::Skipped>,
    statements: Vec<Statement>,
    votes: Vec<Vote>,
    open: Option<Open>,
    vote: Option<OpenVote<'a>>,
    /// Still in the front matter: no turn or procedural line yet.
    front: bool,
    front_state: Front,
    /// A blank line since the last line of text.
    blank: bool,
    /// Page furniture since the last line of text.
    furniture: bool,
    /// The last vote ended without its result sentence: the next turn
    /// (`The President: The draft resolution received …`) may give it.
    awaiting_result: bool,
    /// The footnote markers seen on this page.
    markers: Vec<Marker>,
    /// Which numbers a marker on this page calls, and how
    /// ([`CALLED_BY_WORD`], [`CALLED_BY_UNIT`]): asked for every line that
    /// opens with a number, so it must not cost a pass over `markers`.
    called: [u8; 100],
    /// The line of the last header, which a wrapped line may continue.
    last_header_line: Option<usize>,
    /// The last line given to a turn or skipped as unattributed text.
    last_text_line: Option<usize>,
    /// The agenda headings met between turns (indices in `headers`).
    agenda_headings: Vec<usize>,
    /// An empty buffer for the next turn's text, kept by segmentation.
    spare: String,
    /// Each distinct label resolved once: a record repeats a few dozen.
    resolved: HashMap<String, Speaker>,
}

/// A footnote marker in a statement's text: a number glued to the end of
/// a word (`Secretary-General1`), where a superscript was.
struct Marker {
    n: u32,
    /// The statement that holds it; `None` for the open turn.
    statement: Option<usize>,
    /// The digits' bytes in the whole text (of which segmentation keeps
    /// only the end: see [`Open::text`]).
    start: usize,
    end: usize,
    /// Glued to a unit (`km2`, `m3`): as likely a power as a marker.
    unit: bool,
}

/// A marker glued to a word (`Secretary-General1`) calls its number.
const CALLED_BY_WORD: u8 = 1;
/// Only a marker glued to a unit (`km2`) calls its number.
const CALLED_BY_UNIT: u8 = 2;

/// How a marker calls its number, as a bit of [`Parser_::called`].
fn call_bit(unit: bool) -> u8 {
    if unit {
        CALLED_BY_UNIT
    } else {
        CALLED_BY_WORD
    }
}

/// Lines a page's footnotes may take, blank lines included.
const MAX_FOOTNOTE_LINES: usize = 8;

pub(crate) fn parse_to(src: &str, depth: Depth) -> Result<Session, ParseError> {
    let mut p = Parser_ {
        src,
        depth,
        meta: Meta::new(Format::Pv),
        headers: Vec::new(),
        skipped: Vec::new(),
        statements: Vec::new(),
        votes: Vec::new(),
        open: None,
        vote: None,
        front: true,
        front_state: Front::Fields,
        blank: false,
        furniture: false,
        awaiting_result: false,
        markers: Vec::new(),
        called: [0; 100],
        last_header_line: None,
        last_text_line: None,
        agenda_headings: Vec::new(),
        spare: String::new(),
        resolved: HashMap::new(),
    };
    skip_bom(src, &mut p.skipped);
    let mut lines = text::lines(src).peekable();
    while let Some(line) = lines.next() {
        if line.is_blank() {
            p.blank = true;
            if matches!(
                p.front_state,
                Front::Agenda | Front::Notice | Front::Members
            ) {
                p.front_state = Front::Fields;
            }
            continue;
        }
        let t = line.trimmed();
        // The notice runs to a blank line; in text extracted with no blank
        // lines, also to its last sentence, the page's furniture after it,
        // or a speaker's label, so that the speeches after it are read.
        if p.front_state == Front::Notice && (is_furniture(t) || speaker_label(t).is_some()) {
            p.front_state = Front::Fields;
        }
        if p.front_state == Front::Notice || is_furniture(t) || is_notice(t) {
            if is_notice(t) {
                p.front_state = Front::Notice;
            }
            if p.front_state == Front::Notice && ends_notice(t) {
                p.front_state = Front::Fields;
            }
            p.page_break();
            skip(
                src,
                &mut p.skipped,
                line.content_span(),
                SkipReason::PageFurniture,
            );
            continue;
        }
        if let Some(numbers) = p.footnotes(&line, &lines) {
            // The footnote block runs to the furniture the look-ahead found.
            let mut last = line;
            for _ in 1..numbers.1 {
                match lines.next() {
                    Some(l) => last = l,
                    None => break,
                }
            }
            for n in numbers.0 {
                p.drop_marker(n);
            }
            p.furniture = true;
            let span = line.content_span().to(last.content_span());
            skip(src, &mut p.skipped, span, SkipReason::PageFurniture);
            continue;
        }
        if let Some((label, rest)) = speaker_label(t) {
            p.start_turn(&line, None, label, rest);
            continue;
        }
        // A label that wraps: `Mr. Petrov (Russian Federation) (spoke in`
        // then `Russian): We thank …`, perhaps with a page break between.
        if t.len() <= MAX_LABEL_BYTES && opens_with_title(t) && label_start(t).is_ok() {
            let mut ahead = lines.clone();
            let mut between = 0;
            let next = loop {
                match ahead.next() {
                    Some(l)
                        if between < MAX_LABEL_GAP
                            && (l.is_blank() || is_furniture(l.trimmed())) =>
                    {
                        between += 1;
                    }
                    other => break other,
                }
            };
            // The label's colon is on the next line.
            if let Some(next) = next.filter(|n| !n.is_blank() && n.text.contains(':')) {
                let joined = format!("{t} {}", next.trimmed());
                if let Some((label, _)) = speaker_label(&joined) {
                    if label.len() > t.len() {
                        for _ in 0..between {
                            if let Some(gap) = lines.next() {
                                if !gap.is_blank() {
                                    p.page_break();
                                    skip(
                                        src,
                                        &mut p.skipped,
                                        gap.content_span(),
                                        SkipReason::PageFurniture,
                                    );
                                }
                            }
                        }
                        lines.next();
                        let cut = label.len() - t.len() - 1;
                        let nt = next.trimmed();
                        let (head, rest) = nt.split_at(cut);
                        let rest = rest.trim_start();
                        let rest = rest.strip_prefix(':').unwrap_or(rest);
                        p.start_turn(&line, Some((&next, head)), label, rest);
                        continue;
                    }
                }
            }
        }
        // Inside a vote, `Draft resolution I was adopted by 10 votes …` is
        // its result, not a procedural line.
        let in_vote = p.vote.as_ref().is_some_and(|v| v.at != List::Done);
        if in_vote && is_adoption(t) && p.vote_line(&line) {
            continue;
        }
        // In a turn, a speaker's sentence may open with the words of a
        // procedural line: only the record's own sentence ends the turn.
        if let Some(kind) = procedural(t).filter(|_| p.open.is_none() || ends_turn(t)) {
            p.close();
            // Only the turn right after a vote gives its result.
            p.awaiting_result = false;
            p.front = false;
            p.front_state = Front::Fields;
            p.header(&line, kind);
            continue;
        }
        if let Some((list, rest)) = vote_label(t) {
            p.close_turn();
            p.front = false;
            p.vote_list(&line, list, rest);
            continue;
        }
        if p.vote_line(&line) {
            continue;
        }
        // `Agenda item 12` on its own line after a finished sentence, and
        // not continued by the next, ends the turn: the meeting moves on
        // to another item.
        if is_agenda_number(t) && p.sentence_ended() && !continues_lowercase(&lines) {
            p.close();
            p.awaiting_result = false;
            p.between_turns(&line);
            continue;
        }
        if t.starts_with('[') && p.sentence_ended() {
            if let Some(n) = note_in_turn(&line, &lines) {
                p.close();
                p.awaiting_result = false;
                p.header(&line, HeaderKind::ProceduralEvent);
                for _ in 0..n {
                    if let (Some(next), Some(h)) = (lines.next(), p.headers.last_mut()) {
                        h.span = h.span.to(next.content_span());
                        h.text.push(' ');
                        text::push_normalized(&mut h.text, next.trimmed());
                        p.last_header_line = Some(next.number);
                    }
                }
                continue;
            }
        }
        if p.open.is_some() {
            p.push(line.content_span());
            continue;
        }
        if p.front {
            p.front_line(&line);
        } else {
            p.between_turns(&line);
        }
    }
    p.close();
    p.agenda_from_headings();
    // `The President` is the person the front matter names as President
    // (`President: Mr. Adeyemi …… (Nigeria)`); an acting president is not.
    if let Some(president) = &p.meta.president {
        let name = president.split(" (").next().unwrap_or(president).trim();
        for st in &mut p.statements {
            if !name.is_empty() && st.speaker.function.as_deref() == Some("President") {
                st.speaker.person = Some(name.to_string());
            }
        }
    }
    if p.statements.is_empty() && p.meta.symbol.is_none() && p.headers.is_empty() {
        let first = p
            .skipped
            .iter()
            .filter(|s| s.reason != SkipReason::ByteOrderMark)
            .map(|s| s.span.start)
            .min();
        return Err(match first {
            Some(at) => ParseError::expected(src, at, EXPECTED),
            None => ParseError::Empty {
                at: crate::Position::START,
            },
        });
    }
    Ok(Session {
        meta: p.meta,
        statements: {
            let mut v = p.statements;
            v.shrink_to_fit();
            v
        },
        headers: p.headers,
        report: None,
        skipped: p.skipped,
        analysis: Default::default(),
        votes: p.votes,
    })
}

impl<'a> Parser_<'a> {
    fn header(&mut self, line: &Line<'_>, kind: HeaderKind) {
        // Segmentation reads no vote, and a vote's lines are many.
        let text = if kind == HeaderKind::Vote && self.depth == Depth::Segment {
            String::new()
        } else {
            text::normalize(line.trimmed())
        };
        self.headers.push(Header {
            kind,
            text,
            span: line.content_span(),
        });
        self.last_header_line = Some(line.number);
    }

    /// A line outside any turn, after the front matter: an agenda heading
    /// (`Agenda item 68 (continued)`, `Letter dated … (S/2026/100)`), a
    /// bracketed note (`[Subsequently, the delegation of …]`), the wrapped
    /// rest of the header just before it, or text no label introduces,
    /// which is skipped as [`SkipReason::UnattributedText`] rather than
    /// given to a speaker or taken for a note.
    fn between_turns(&mut self, line: &Line<'a>) {
        let t = line.trimmed();
        let prev = self
            .headers
            .last()
            .filter(|_| !self.blank && !self.furniture)
            .filter(|_| self.last_header_line.is_some_and(|n| n + 1 == line.number))
            .map(|h| h.kind);
        let continues = t.chars().next().is_some_and(char::is_lowercase)
            && matches!(
                prev,
                Some(HeaderKind::AgendaItem | HeaderKind::ProceduralEvent)
            );
        self.blank = false;
        self.furniture = false;
        if continues {
            if let Some(h) = self.headers.last_mut() {
                h.span = h.span.to(line.content_span());
                h.text.push(' ');
                text::push_normalized(&mut h.text, t);
            }
            self.last_header_line = Some(line.number);
            return;
        }
        // The title of an item follows its `Agenda item 12` or `The agenda
        // was adopted.`: there a short capitalised line is a heading too.
        let after_agenda = self.headers.last().is_some_and(|h| {
            self.last_header_line > self.last_text_line
                && (h.kind == HeaderKind::AgendaItem
                    || h.text.starts_with("The agenda was adopted"))
        });
        if is_agenda_item(t, &self.meta)
            || is_agenda_heading(t)
            || after_agenda && is_heading_shape(t)
        {
            self.agenda_headings.push(self.headers.len());
            self.header(line, HeaderKind::AgendaItem);
        } else if t.starts_with('[') {
            self.header(line, HeaderKind::ProceduralEvent);
        } else {
            self.last_text_line = Some(line.number);
            skip(
                self.src,
                &mut self.skipped,
                line.content_span(),
                SkipReason::UnattributedText,
            );
        }
    }

    /// Whether the open turn has text and it ends a sentence.
    fn sentence_ended(&self) -> bool {
        self.open.as_ref().is_some_and(|t| {
            t.text
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '\u{201d}'])
        })
    }

    /// Adds the agenda headings met between turns to the meta's agenda
    /// items, once each and in order: `Agenda item 68 (continued)` is
    /// `Agenda item 68`; `Adoption of the agenda` is no item.
    fn agenda_from_headings(&mut self) {
        for &i in &self.agenda_headings {
            let Some(h) = self.headers.get(i) else {
                continue;
            };
            let item = h
                .text
                .strip_suffix(" (continued)")
                .unwrap_or(&h.text)
                .trim();
            if item.is_empty()
                || item == "Adoption of the agenda"
                || self.meta.agenda_items.iter().any(|a| a == item)
            {
                continue;
            }
            self.meta.agenda_items.push(item.to_string());
        }
    }

    /// Page furniture: a new page begins, its footnote markers with it.
    fn page_break(&mut self) {
        self.furniture = true;
        self.markers.clear();
        self.called = [0; 100];
    }

    /// When `line` opens the footnotes at the foot of a page, the numbers
    /// of the footnotes and how many lines they take: each footnote starts
    /// with a number that a marker on this page (`Secretary-General1`)
    /// calls, and the block ends at page furniture or at the end of the
    /// record, within [`MAX_FOOTNOTE_LINES`]. A number that only a unit
    /// calls (`170,000 km2`) needs the furniture: at the end of the record
    /// it is read as text.
    fn footnotes(&self, line: &Line<'_>, rest: &Peekable<Lines<'_>>) -> Option<(Vec<u32>, usize)> {
        let called = |t: &str| footnote_number(t).filter(|&n| self.called[n as usize] != 0);
        let first = called(line.trimmed())?;
        let mut numbers = vec![first];
        let mut taken = 1;
        for next in rest.clone() {
            if next.is_blank() {
                taken += 1;
                continue;
            }
            let t = next.trimmed();
            if is_furniture(t) {
                return Some((numbers, taken));
            }
            // A page's foot holds no turn and no line of the record's own:
            // a number before one opens a line of speech (`2 more schools`),
            // and the turns after it are not to be lost to furniture.
            if taken >= MAX_FOOTNOTE_LINES || speaker_label(t).is_some() || ends_turn(t) {
                return None;
            }
            if let Some(n) = called(t) {
                numbers.push(n);
            }
            taken += 1;
        }
        let by_word = |n: &u32| self.called[*n as usize] & CALLED_BY_WORD != 0;
        if !by_word(&first) {
            return None;
        }
        numbers.retain(by_word);
        Some((numbers, taken))
    }

    /// Takes footnote `n`'s marker out of the text that holds it.
    fn drop_marker(&mut self, n: u32) {
        let Some(i) = self.markers.iter().position(|m| m.n == n) else {
            return;
        };
        let m = self.markers.remove(i);
        self.called[n as usize] = self
            .markers
            .iter()
            .filter(|o| o.n == n)
            .fold(0, |bits, o| bits | call_bit(o.unit));
        let mut closed_base = 0;
        let (text, base) = match m.statement {
            None => match self.open.as_mut() {
                Some(t) => (&mut t.text, &mut t.base),
                None => return,
            },
            Some(k) => match self.statements.get_mut(k) {
                Some(s) => (&mut s.text, &mut closed_base),
                None => return,
            },
        };
        // Segmentation keeps only the end of the open turn's text: digits
        // before it are gone already, and what it keeps moves back by as
        // many bytes.
        let before = m.end.min(*base).saturating_sub(m.start);
        let (start, end) = (m.start.max(*base) - *base, m.end.max(*base) - *base);
        let present = text
            .get(start..end)
            .is_some_and(|d| all_digits(d) || d.is_empty() && before > 0);
        if present {
            text.replace_range(start..end, "");
            *base -= before;
            let cut = m.end - m.start;
            for other in &mut self.markers {
                if other.statement == m.statement && other.start > m.start {
                    other.start -= cut;
                    other.end -= cut;
                }
            }
        }
    }

    /// Opens a turn whose label starts `line`; `wrapped` is the second
    /// line of a label that wraps and the label's part on it. `rest` is
    /// the text after the colon.
    fn start_turn(
        &mut self,
        line: &Line<'a>,
        wrapped: Option<(&Line<'a>, &'a str)>,
        label: &str,
        rest: &'a str,
    ) {
        self.close();
        self.front = false;
        self.front_state = Front::Fields;
        let t = line.trimmed();
        let first = sub_span(line, t);
        let (label_span, rest_line) = match wrapped {
            Some((next, head)) => {
                let h = sub_span(next, head);
                (
                    first.to(Span::new(h.end, h.end, h.line_start, h.line_end)),
                    next,
                )
            }
            None => (sub_span(line, label), line),
        };
        // A wrapped label is read from its own two parts: page furniture
        // may stand between them.
        let label = match wrapped {
            Some(_) => text::normalize(label),
            None => text::normalize(label_span.slice(self.src)),
        };
        let language = spoken_language(&label);
        self.open = Some(Open {
            label,
            label_span,
            span: label_span.to(sub_span(rest_line, rest_line.trimmed())),
            paragraphs: Vec::new(),
            text: std::mem::take(&mut self.spare),
            base: 0,
            words: 0,
            in_paragraph: false,
            language,
        });
        let rest = rest.trim();
        if !rest.is_empty() {
            self.push(sub_span(rest_line, rest));
        }
    }

    /// Adds a line of text to the open turn, joining a word hyphenated at
    /// the end of the line before.
    fn push(&mut self, content: Span) {
        let (blank, furniture) = (self.blank, self.furniture);
        self.blank = false;
        self.furniture = false;
        let Some(t) = &mut self.open else {
            return;
        };
        if self.depth == Depth::Segment {
            t.slide();
        }
        let raw = content.slice(self.src);
        // A blank line around page furniture does not end a paragraph
        // that stops mid-sentence.
        let sentence_end = t
            .text
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
        let new_paragraph = blank && (!furniture || sentence_end);
        if t.in_paragraph && !new_paragraph {
            let first = raw.chars().next().unwrap_or(' ');
            let hyphenated = t.text.ends_with('-')
                && t.text[..t.text.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && first.is_alphabetic();
            if hyphenated {
                if first.is_lowercase() {
                    t.text.pop();
                }
                // The line's first word ends the text's last.
                t.words -= 1;
            } else {
                t.text.push(' ');
            }
            if let Some(last) = t.paragraphs.last_mut() {
                *last = last.to(content);
            }
        } else {
            if !t.text.is_empty() {
                t.text.push_str("\n\n");
            }
            t.paragraphs.push(content);
            t.in_paragraph = true;
        }
        self.last_text_line = Some(content.line_end);
        let from = t.text.len();
        t.words += text::push_normalized(&mut t.text, raw);
        t.span = t.span.to(content);
        for (n, start, end, unit) in markers(&t.text, from) {
            self.called[n as usize] |= call_bit(unit);
            self.markers.push(Marker {
                n,
                statement: None,
                start: t.base + start,
                end: t.base + end,
                unit,
            });
        }
    }

    fn close_turn(&mut self) {
        self.blank = false;
        self.furniture = false;
        let Some(mut t) = self.open.take() else {
            return;
        };
        let full = self.depth == Depth::Full;
        let speaker = match self.depth {
            Depth::Full => match self.resolved.get(&t.label) {
                Some(speaker) => speaker.clone(),
                None => {
                    let speaker = resolve(&t.label);
                    self.resolved
                        .insert(std::mem::take(&mut t.label), speaker.clone());
                    speaker
                }
            },
            Depth::Segment => unresolved(std::mem::take(&mut t.label)),
        };
        // Counted line by line, so segmentation needs no text: joined
        // words counted once, and a footnote marker taken out of a word
        // leaves it a word.
        let word_count = t.words;
        debug_assert!(!full || word_count == text::word_count(&t.text));
        if std::mem::take(&mut self.awaiting_result) && full {
            if let Some(v) = self.votes.last_mut() {
                v.result = result_sentence(&t.text);
                v.counts = v.result.as_deref().and_then(vote_counts);
            }
        }
        let kind = super::classify(speaker.role, word_count, &t.text);
        let index = self.statements.len();
        for m in self.markers.iter_mut().filter(|m| m.statement.is_none()) {
            m.statement = Some(index);
        }
        // What the text and paragraphs hold is all that is kept: the room
        // left by their growth would outlive the parse (SPEC: memory at
        // most 3x the input).
        if full {
            t.text.shrink_to_fit();
        }
        t.paragraphs.shrink_to_fit();
        self.statements.push(Statement {
            index,
            speaker,
            text: if full {
                t.text
            } else {
                // The next turn reuses the buffer.
                t.text.clear();
                self.spare = t.text;
                String::new()
            },
            word_count,
            span: t.span,
            label_span: t.label_span,
            paragraphs: t.paragraphs,
            kind,
            time_offset_s: None,
            language: t.language,
        });
    }

    /// Closes the open turn and the open vote.
    fn close(&mut self) {
        self.close_turn();
        self.close_vote();
    }

    fn close_vote(&mut self) {
        let Some(v) = self.vote.take() else {
            return;
        };
        let full = self.depth == Depth::Full;
        let states = |lines: &[&str]| -> Vec<Speaker> {
            if !full {
                return Vec::new();
            }
            vote_states(lines)
                .into_iter()
                .map(|s| speakers::resolve(&s))
                .collect()
        };
        let [yes, no, abstain] = &v.lists;
        self.awaiting_result = v.result.is_empty();
        self.votes.push(Vote {
            in_favour: states(yes),
            against: states(no),
            abstaining: states(abstain),
            // Segmentation gives turns only: no vote is read.
            counts: if full { vote_counts(&v.result) } else { None },
            result: (!v.result.is_empty()).then_some(v.result),
            span: v.span,
        });
    }

    /// `In favour:`, `Against:` or `Abstaining:`, with perhaps the first
    /// states after the colon.
    fn vote_list(&mut self, line: &Line<'a>, list: List, rest: &'a str) {
        // A new `In favour:` after a finished vote starts another vote.
        let fresh = match &self.vote {
            Some(v) => list == List::InFavour && v.at != List::InFavour,
            None => true,
        };
        if fresh {
            self.close_vote();
            self.vote = Some(OpenVote {
                span: line.content_span(),
                lists: [Vec::new(), Vec::new(), Vec::new()],
                result: String::new(),
                at: list,
            });
        }
        if let Some(v) = &mut self.vote {
            v.at = list;
            v.span = v.span.to(line.content_span());
            let rest = rest.trim();
            if !rest.is_empty() {
                v.lists[list_index(list)].push(rest);
            }
        }
        self.header(line, HeaderKind::Vote);
    }

    /// A line inside a vote: a state list or the result sentence. False
    /// when no vote is being read.
    fn vote_line(&mut self, line: &Line<'a>) -> bool {
        let t = line.trimmed();
        let Some(v) = &mut self.vote else {
            return false;
        };
        match v.at {
            List::Done => return false,
            List::Result => {}
            _ if is_result_start(t) => v.at = List::Result,
            at => v.lists[list_index(at)].push(t),
        }
        if v.at == List::Result {
            if !v.result.is_empty() {
                v.result.push(' ');
            }
            text::push_normalized(&mut v.result, t);
            if t.ends_with('.') {
                v.at = List::Done;
            }
        }
        v.span = v.span.to(line.content_span());
        self.header(line, HeaderKind::Vote);
        true
    }

    /// A line of the front matter.
    fn front_line(&mut self, line: &Line<'a>) {
        let t = line.trimmed();
        let kind = match self.front_state {
            Front::Members => match leader_split(t) {
                Some((state, rep)) => {
                    self.member(state, rep);
                    Some(HeaderKind::Field)
                }
                None => None,
            },
            Front::Agenda => {
                let item = text::normalize(t);
                let wraps = item.chars().next().is_some_and(char::is_lowercase);
                match self.meta.agenda_items.last_mut() {
                    Some(last) if wraps => {
                        last.push(' ');
                        last.push_str(&item);
                    }
                    _ => self.meta.agenda_items.push(item),
                }
                Some(HeaderKind::AgendaItem)
            }
            _ => self.front_field(t),
        };
        match kind {
            Some(kind) => self.header(line, kind),
            None => skip(
                self.src,
                &mut self.skipped,
                line.content_span(),
                SkipReason::BeforeFirstSpeaker,
            ),
        }
    }

    fn member(&mut self, state: &str, rep: &str) {
        let state = match self.depth {
            Depth::Full => speakers::resolve(state),
            Depth::Segment => unresolved(state.to_string()),
        };
        self.meta.members.push(Member {
            state,
            representative: text::normalize(rep),
        });
    }

    /// A field of the front matter, recorded in the meta.
    fn front_field(&mut self, t: &str) -> Option<HeaderKind> {
        let meta = &mut self.meta;
        if let Ok((_, symbol)) = symbol_line(t) {
            if meta.symbol.is_none() {
                meta.symbol = Some(symbol.to_string());
                meta.title = Some(symbol.to_string());
            }
            return Some(HeaderKind::Title);
        }
        if is_body(t) && meta.body.is_none() {
            meta.body = Some(text::normalize(t));
            return Some(HeaderKind::Event);
        }
        if let Some(n) = session_or_year(t) {
            meta.session = Some(n);
            return Some(HeaderKind::Field);
        }
        if let Ok((_, n)) = meeting_line(t) {
            meta.meeting = Some(n);
            return Some(HeaderKind::Field);
        }
        if let Some((date, time)) = date_line(t) {
            meta.date = Some(date);
            meta.time_start = time;
            return Some(HeaderKind::DateTime);
        }
        if let Some(rest) = t.strip_prefix("President:") {
            let who = match leader_split(rest.trim()) {
                Some((name, state)) => format!("{} {}", text::normalize(name), state.trim()),
                None => text::normalize(rest),
            };
            meta.president = Some(who);
            return Some(HeaderKind::Field);
        }
        if let Some(rest) = t.strip_prefix("Members:") {
            self.front_state = Front::Members;
            if let Some((state, rep)) = leader_split(rest.trim()) {
                self.member(state, rep);
            }
            return Some(HeaderKind::Field);
        }
        let meta = &mut self.meta;
        if t == "Agenda" {
            self.front_state = Front::Agenda;
            return Some(HeaderKind::AgendaItem);
        }
        // `Provisional` records say so above the symbol.
        if matches!(t, "Provisional" | "Official Records") {
            return Some(HeaderKind::Note);
        }
        if meta.date.is_some() && meta.place.is_none() && is_place(t) {
            meta.place = Some(text::normalize(t));
            return Some(HeaderKind::Field);
        }
        None
    }
}

fn list_index(list: List) -> usize {
    match list {
        List::InFavour => 0,
        List::Against => 1,
        _ => 2,
    }
}

/// A speaker as [`crate::segment`] leaves it: the label, nothing resolved.
fn unresolved(label: String) -> Speaker {
    Speaker {
        label,
        role: Role::Unknown,
        name: None,
        iso3: None,
        on_behalf_of: None,
        confidence: 0.0,
        regional_group: None,
        person: None,
        function: None,
    }
}

/// The states of a vote list: separated by commas when the record writes
/// them so (a name may then wrap over two lines), else one a line. `None`
/// is no state.
fn vote_states(lines: &[&str]) -> Vec<String> {
    let commas = lines.iter().any(|l| l.contains(','));
    let items: Vec<String> = if commas {
        let joined = lines.join(" ");
        joined.split(',').map(text::normalize).collect()
    } else {
        lines.iter().map(|l| text::normalize(l)).collect()
    };
    items
        .into_iter()
        .map(|s| s.trim_end_matches('.').trim().to_string())
        .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("none"))
        .collect()
}

/// The language of `(spoke in French)` in a label.
fn spoken_language(label: &str) -> Option<String> {
    // Searching by `(`, rare in a label, costs less than a substring
    // search set up for each label.
    let at = label
        .match_indices('(')
        .map(|(i, _)| i)
        .find(|&i| label[i..].starts_with("(spoke in "))?;
    let rest = &label[at + "(spoke in ".len()..];
    let end = rest.find(')')?;
    Some(rest[..end].trim().to_string()).filter(|l| !l.is_empty())
}

/// Resolves a label of this layout: `The President` and `The Acting
/// President` are the Chair; `The Secretary-General` is the United
/// Nations; `Mr. Name (State)` is the state's delegation,
/// through [`speakers::resolve`]; `(spoke in …)` and a title after a comma
/// are not part of who speaks; a name alone is resolved as it is.
///
/// ```
/// use oewg_core::{formats::pv::resolve, Role};
/// let s = resolve("Mr. Petrov (Russian Federation) (spoke in Russian)");
/// assert_eq!((s.role, s.iso3.as_deref()), (Role::Delegation, Some("RUS")));
/// assert_eq!(s.label, "Mr. Petrov (Russian Federation) (spoke in Russian)");
/// assert_eq!(resolve("The Acting President (spoke in French)").role, Role::Chair);
/// assert_eq!(resolve("The Secretary-General").role, Role::Organization);
/// let s = resolve("Mr. GARCIA (Spain), Rapporteur of the Third Committee");
/// assert_eq!(s.iso3.as_deref(), Some("ESP"));
/// assert_eq!(s.person.as_deref(), Some("Mr. GARCIA"));
/// assert_eq!(s.function.as_deref(), Some("Rapporteur of the Third Committee"));
/// assert_eq!(resolve("The Acting President").function.as_deref(), Some("Acting President"));
/// ```
pub fn resolve(label: &str) -> Speaker {
    let label = label.trim();
    let head = label.split(" (spoke in").next().unwrap_or(label);
    let state = label
        .split('(')
        .skip(1)
        .filter_map(|p| p.split_once(')').map(|(inside, _)| inside.trim()))
        .find(|p| !p.starts_with("spoke in"));
    let who = head.split('(').next().unwrap_or(head).trim();
    let tail = head
        .split_once("),")
        .map(|(_, f)| f)
        .or_else(|| who.split_once(',').map(|(_, f)| f))
        .map(|f| f.split('(').next().unwrap_or(f).trim())
        .filter(|f| !f.is_empty());
    let who = who.split(',').next().unwrap_or(who).trim();
    // `The President` names a function; `Mr. Volkov` a person.
    let (person, function) = match who.strip_prefix("The ") {
        Some(f) => (None, Some(f.to_string())),
        None => (Some(who.to_string()), tail.map(str::to_string)),
    };
    let mut speaker = match state {
        Some(state) => speakers::resolve(state),
        None if who.starts_with("The ") && who.contains("President") => speakers::resolve("Chair"),
        None if who.starts_with("The ") && who.contains("Secretary-General") => {
            speakers::resolve("United Nations")
        }
        None => speakers::resolve(who),
    };
    speaker.label = label.to_string();
    speaker.person = person
        .filter(|p| !p.is_empty())
        .map(|p| text::normalize(&p));
    speaker.function = function.map(|f| text::normalize(&f));
    speaker
}

/// Honorifics that open a speaker's label. Some records write them
/// without the full stop (`Mrs Brown`), and `H.E.` goes before another
/// (`H.E. Mr. Ali`, which then reads as a name word).
const TITLES: &[&str] = &[
    "Mr.",
    "Ms.",
    "Mrs.",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "H.E.",
    "Miss",
    "Dame",
    "Sir",
    "Prince",
    "Princess",
    "Sheikh",
    "Sheikha",
    "Lord",
    "Lady",
    "Baroness",
    "Dr.",
    "Archbishop",
    "Cardinal",
    "Monsignor",
    "King",
    "Queen",
];

/// Lower-case particles allowed inside a name (`Ms. de la Cruz`, `Mr.
/// Costa e Silva`, `Ms. ter Horst`, `Mr. Fernández y García`).
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "los", "las", "van",
    "von", "der", "den", "ter", "ten", "te", "e", "y", "i", "bin", "bint", "ben", "ibn", "al",
    "el", "of", "the", "and", "for",
];

/// A word of a name: letters, hyphens, apostrophes and full stops.
fn name_word(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
        .parse(input)
}

/// A capitalised name word or a particle.
fn name_part(input: &str) -> IResult<&str, &str> {
    verify(name_word, is_name_part).parse(input)
}

/// A capitalised word, a particle, or a particle joined to a capitalised
/// word (`al-Thani`, `d'Alembert`).
fn is_name_part(w: &str) -> bool {
    if w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w) {
        return true;
    }
    w.split_once(['-', '\'', '\u{2019}'])
        .is_some_and(|(particle, rest)| {
            (PARTICLES.contains(&particle) || particle == "d")
                && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A title (`Mr.`) or `The`.
fn title(input: &str) -> IResult<&str, &str> {
    verify(name_word, |w: &str| w == "The" || TITLES.contains(&w)).parse(input)
}

/// Whether `t` may open with a title or `The` (a cheap test before
/// [`title`]: the first byte, then the titles).
fn opens_with_title(t: &str) -> bool {
    matches!(
        t.as_bytes().first(),
        Some(b'T' | b'M' | b'D' | b'S' | b'P' | b'L' | b'B' | b'A' | b'C' | b'K' | b'Q' | b'H')
    ) && (t.starts_with("The") || TITLES.iter().any(|x| t.starts_with(x)))
}

/// The opening of a label: a title and a capitalised word, or after a
/// title of a person a particle (`Ms. ter Horst`).
fn label_start(input: &str) -> IResult<&str, &str> {
    let (rest, (t, _, w)) = (title, space1, name_word).parse(input)?;
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    if capital || t != "The" && is_name_part(w) {
        Ok((rest, &input[..input.len() - rest.len()]))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

/// `(Chile)`, `(spoke in French)`: a short parenthesis without a colon.
fn parens(input: &str) -> IResult<&str, &str> {
    preceded(space1, paren_body).parse(input)
}

/// What `(…)` holds: short, without a colon or another parenthesis.
fn paren_body(input: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        verify(
            take_while1(|c: char| !matches!(c, '(' | ')' | ':')),
            |s: &str| s.len() <= 80,
        ),
        char(')'),
    )
    .parse(input)
}

/// `, Rapporteur of the Third Committee` before the colon.
fn function_tail(input: &str) -> IResult<&str, &str> {
    preceded(
        char(','),
        verify(
            take_while1(|c: char| !matches!(c, ':' | '(' | ')' | '.' | ';')),
            |s: &str| s.len() <= 120 && s.starts_with(' '),
        ),
    )
    .parse(input)
}

/// A speaker label and its colon at the start of a line: returns the
/// label and the text after the colon.
///
/// ```
/// use oewg_core::formats::pv::speaker_label;
/// assert_eq!(speaker_label("The President: I call"), Some(("The President", " I call")));
/// assert_eq!(speaker_label("Mr. SMITH (Canada):"), Some(("Mr. SMITH (Canada)", "")));
/// assert_eq!(speaker_label("Ms. de la Cruz (spoke in Spanish): Gracias."), Some(("Ms. de la Cruz (spoke in Spanish)", " Gracias.")));
/// assert_eq!(speaker_label("Mr. Smith (Canada) said: no"), None);
/// assert_eq!(speaker_label("Chair: hello"), None);
/// ```
pub fn speaker_label(line: &str) -> Option<(&str, &str)> {
    // Asked of every line: a label opens with a title or `The` and has a
    // colon, which most lines do not.
    if !opens_with_title(line) || memchr::memchr(b':', line.as_bytes()).is_none() {
        return None;
    }
    // Counted, not collected: no allocation for a line that is tried.
    let words = verify(many0_count(preceded(space1, name_part)), |n: &usize| {
        *n < MAX_NAME_WORDS_WITH_STATE
    });
    let (after, (_, _, _, words, states, _, _)) = (
        title,
        space1,
        name_part,
        words,
        many0_count(parens),
        opt(function_tail),
        many0_count(preceded(space0, paren_body)),
    )
        .parse(line)
        .ok()?;
    let label = &line[..line.len() - after.len()];
    let (rest, _) = (space0::<&str, nom::error::Error<&str>>, tag(":"))
        .parse(after)
        .ok()?;
    // `Mr.` alone is no name; `The` must name a function.
    let ok = !label.ends_with('.')
        && (words < MAX_NAME_WORDS || states > 0)
        && (rest.is_empty() || rest.starts_with(char::is_whitespace));
    ok.then_some((label.trim_end(), rest))
}

/// `The meeting was called to order at …`, `The agenda was adopted.`,
/// `The meeting rose at …`, `A vote was taken …`.
fn procedural(t: &str) -> Option<HeaderKind> {
    // Asked of every line: each opening below starts with one of these.
    if !matches!(t.as_bytes().first(), Some(b'T' | b'A' | b'I' | b'D')) {
        return None;
    }
    const OPENINGS: &[&str] = &[
        "The meeting was called to order",
        "The meeting rose at",
        "The meeting was suspended",
        "The meeting resumed",
        "The meeting was resumed",
        "The agenda was adopted",
        "A vote was taken",
        "A recorded vote was taken",
        "The meeting was adjourned",
        "It was so decided",
    ];
    let adopted = is_adoption(t);
    (adopted || OPENINGS.iter().any(|o| t.starts_with(o))).then_some(HeaderKind::ProceduralEvent)
}

/// Whether a procedural line read in an open turn is the record's own
/// sentence (`A vote was taken by show of hands.`, `The meeting rose at
/// 1.15 p.m.`, `Draft resolution II was adopted (resolution 81/151).`,
/// or its first line when it wraps) and so ends the turn. A speaker may
/// open a sentence with the same words (`A vote was taken on that text,
/// and …`, `The draft resolution that was adopted last year …`): only
/// the words the record's sentences are made of may follow them.
fn ends_turn(t: &str) -> bool {
    // Each opening, and the words that may follow it.
    type Allowed = fn(&str) -> bool;
    const SHAPES: &[(&str, Allowed)] = &[
        ("The meeting was called to order", is_time_word),
        ("The meeting rose", is_time_word),
        ("The meeting was suspended", is_time_word),
        ("The meeting resumed", is_time_word),
        ("The meeting was resumed", is_time_word),
        ("The meeting was adjourned", is_time_word),
        ("The agenda was adopted", |_| false),
        ("It was so decided", |_| false),
        ("A vote was taken", |w| {
            matches!(
                w,
                "by" | "show"
                    | "of"
                    | "hands"
                    | "roll-call"
                    | "roll"
                    | "call"
                    | "secret"
                    | "ballot"
            )
        }),
        ("A recorded vote was taken", |w| {
            w == "on" || is_document_word(w)
        }),
    ];
    if !matches!(t.as_bytes().first(), Some(b'T' | b'A' | b'I' | b'D')) {
        return false;
    }
    if t.contains(';') {
        return false;
    }
    for (opening, allowed) in SHAPES {
        if let Some(rest) = t.strip_prefix(opening) {
            return rest.is_empty()
                || rest.starts_with([' ', '.'])
                    && (words_all(rest, *allowed) || record_sentence(t, opening));
        }
    }
    is_adoption(t) && record_sentence(t, "")
        || is_adoption(t) && {
            // `Draft resolution II` or `The draft decision` before the verb,
            // the votes or the resolution's number after it.
            let (subject, rest) = t
                .split_once(" was adopted")
                .or_else(|| t.split_once(" were adopted"))
                .unwrap_or((t, ""));
            words_all(subject, |w| {
                w == "Draft" || w == "The" || is_document_word(w)
            }) && words_all(rest, |w| is_document_word(w) || is_count_word(w))
        }
}

/// A line of the record's own, in words the lists above do not hold ("It
/// was so decided (decision 79/505).", "A recorded vote was taken on the
/// eighth preambular paragraph."), or its first line when it wraps: in
/// none of a speaker's ways (a first person, a second clause, a relative
/// one), and for the meeting's suspension or end, with its time.
fn record_sentence(t: &str, opening: &str) -> bool {
    let speaks = [", and ", " that ", " which ", " last ", " yesterday"]
        .iter()
        .any(|m| t.contains(m))
        || t.split(|c: char| !c.is_alphabetic()).any(|w| {
            // Not "I": draft resolution I.
            matches!(w, "we" | "We" | "our" | "us" | "my" | "me" | "you" | "your")
        });
    let timed = !opening.starts_with("The meeting")
        || t.contains("a.m.")
        || t.contains("p.m.")
        || t.contains("noon");
    !speaks && timed
}

/// Lines a bracketed note in a turn may wrap onto, at most.
const MAX_NOTE_LINES: usize = 3;

/// When `line`, in a turn, opens a bracketed note of the record
/// (`[Subsequently, the delegation of Fiji informed …]`) that ends the
/// turn, how many more lines the note takes. A header cannot lie inside
/// a statement, so a note after which the speaker goes on stays in the
/// text: only a note that is whole lines, opens a sentence, and is
/// followed by a label, the record's own line, a vote, an item's number
/// or the end of the record is taken out.
fn note_in_turn(line: &Line<'_>, rest: &Peekable<Lines<'_>>) -> Option<usize> {
    let t = line.trimmed();
    let body = t.strip_prefix('[')?;
    if !body.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let closes = |s: &str| s.ends_with(']') || s.ends_with("].");
    // No other bracket: `[…] as said [there]` is quoted speech.
    let plain = |s: &str| !s.contains(['[', ']']);
    let mut ahead = rest.clone();
    let mut taken = 0;
    let mut last = body;
    while !closes(last) {
        if !plain(last) || taken == MAX_NOTE_LINES {
            return None;
        }
        let next = ahead.next().filter(|l| !l.is_blank())?;
        last = next.trimmed();
        if is_furniture(last) || speaker_label(last).is_some() {
            return None;
        }
        taken += 1;
    }
    let inner = last.strip_suffix("].").or_else(|| last.strip_suffix(']'))?;
    if !plain(inner) {
        return None;
    }
    let after = ahead.find(|l| !l.is_blank() && !is_furniture(l.trimmed()));
    after
        .is_none_or(|l| {
            let t = l.trimmed();
            speaker_label(t).is_some()
                || procedural(t).is_some_and(|_| ends_turn(t))
                || vote_label(t).is_some()
                || is_agenda_number(t)
                || t.starts_with('[')
        })
        .then_some(taken)
}

/// Whether every word of `t`, its punctuation put aside, is `allowed`.
fn words_all(t: &str, allowed: impl Fn(&str) -> bool) -> bool {
    t.split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | ',' | '(' | ')' | ':')))
        .all(|w| w.is_empty() || allowed(w))
}

/// A word of a time of day (`at 4.40 p.m. and resumed at 5.10 p.m.`).
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "at" | "and"
            | "was"
            | "resumed"
            | "suspended"
            | "adjourned"
            | "a.m"
            | "p.m"
            | "noon"
            | "midnight"
    ) || w
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b':')
}

/// A word of the name of a text voted on: `draft resolution II`,
/// `A/81/L.5`, `operative paragraph 3`, `as a whole, as orally revised`.
fn is_document_word(w: &str) -> bool {
    matches!(
        w,
        "draft"
            | "resolution"
            | "resolutions"
            | "decision"
            | "decisions"
            | "amendment"
            | "amendments"
            | "the"
            | "as"
            | "a"
            | "whole"
            | "orally"
            | "revised"
            | "amended"
            | "corrected"
            | "contained"
            | "in"
            | "document"
            | "documents"
            | "to"
            | "and"
            | "of"
            | "operative"
            | "preambular"
            | "paragraph"
            | "paragraphs"
    ) || w.bytes().any(|b| b.is_ascii_digit() || b == b'/')
        // `II`, `A`: a roman numeral or a letter names one of several.
        || w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        || w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A word of how a text was adopted: `by 150 votes to 4, with 12
/// abstentions`, `without a vote`, `unanimously`, `by consensus`.
fn is_count_word(w: &str) -> bool {
    matches!(
        w,
        "by" | "votes"
            | "vote"
            | "with"
            | "abstention"
            | "abstentions"
            | "none"
            | "no"
            | "without"
            | "unanimously"
            | "consensus"
    ) || count_word(w).is_some()
}

/// `Draft resolution II was adopted (resolution 81/151).`, and its
/// opening when it wraps.
fn is_adoption(t: &str) -> bool {
    (t.starts_with("Draft ") || t.starts_with("The draft "))
        && (t.contains(" was adopted") || t.contains(" were adopted"))
}

/// `In favour:`, `Against:`, `Abstaining:` and what follows the colon.
fn vote_label(t: &str) -> Option<(List, &str)> {
    let (key, rest) = t.split_once(':')?;
    let list = match key.trim() {
        "In favour" | "In favor" => List::InFavour,
        "Against" => List::Against,
        "Abstaining" | "Abstentions" => List::Abstaining,
        _ => return None,
    };
    Some((list, rest))
}

/// The first sentence of a turn that follows a vote, when it gives the
/// result (`The draft resolution received 13 votes in favour, …`).
fn result_sentence(text: &str) -> Option<String> {
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    let first = &text[..end];
    (first.contains(" votes") || first.contains(" vote ") || first.contains("unanimously"))
        .then(|| first.to_string())
}

/// The words with each number written in several (`one hundred and
/// ninety-three`, `twenty one`) made one word of digits (`193`, `21`), so
/// that the last of them is not read as the whole count.
fn numbers_in_words_as_digits(words: Vec<String>) -> Vec<String> {
    // A number in words alone: not digits, not `no` or `none`.
    let spelled = |w: Option<&String>| {
        w.filter(|w| !all_digits(w) && !matches!(w.as_str(), "none" | "no" | "nil"))
            .and_then(|w| count_word(w))
    };
    // `ninety` then `three`: the unit goes on the tens.
    let with_unit = |n: u32, next: Option<&String>| match spelled(next) {
        Some(u) if n >= 20 && n.is_multiple_of(10) && (1..10).contains(&u) => (n + u, 1),
        _ => (n, 0),
    };
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let Some(first) = spelled(words.get(i)) else {
            out.push(words[i].clone());
            i += 1;
            continue;
        };
        let mut j = i + 1;
        let value = if (1..10).contains(&first) && words.get(j).is_some_and(|w| w == "hundred") {
            j += 1;
            let k = j + usize::from(words.get(j).is_some_and(|w| w == "and"));
            match spelled(words.get(k)).filter(|&r| r < 100) {
                Some(rest) => {
                    let (rest, more) = with_unit(rest, words.get(k + 1));
                    j = k + 1 + more;
                    first * 100 + rest
                }
                None => first * 100,
            }
        } else {
            let (n, more) = with_unit(first, words.get(j));
            j += more;
            n
        };
        out.push(if j == i + 1 {
            words[i].clone()
        } else {
            value.to_string()
        });
        i = j;
    }
    out
}

/// A count written in digits or in words, `none` and `no` as 0.
fn count_word(w: &str) -> Option<u32> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if all_digits(w) {
        return w.parse().ok();
    }
    if matches!(w, "none" | "no" | "nil") {
        return Some(0);
    }
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|i| i as u32);
    if let Some(n) = unit(w) {
        return Some(n);
    }
    let (tens, rest) = match w.split_once('-') {
        Some((t, u)) => (t, Some(u)),
        None => (w, None),
    };
    let t = TENS.iter().position(|x| *x == tens)? as u32 * 10 + 20;
    match rest {
        None => Some(t),
        Some(u) => unit(u).filter(|n| (1..10).contains(n)).map(|n| t + n),
    }
}

/// The counts a vote's result sentence gives: a number followed (perhaps
/// after `votes`) by `in favour`, `for`, `against`, `abstention(s)` or
/// `abstaining`; in the General Assembly's `by 150 votes to 4`, the number
/// after `to` is against. `None` when the sentence names no count.
///
/// ```
/// use oewg_core::formats::pv::vote_counts;
/// let c = vote_counts("received thirteen votes in favour, one against and no abstentions").unwrap();
/// assert_eq!((c.in_favour, c.against, c.abstaining), (Some(13), Some(1), Some(0)));
/// assert_eq!(vote_counts("The draft resolution was adopted unanimously."), None);
/// // A number written in several words is read whole.
/// let c = vote_counts("adopted by one hundred and ninety-three votes to none").unwrap();
/// assert_eq!((c.in_favour, c.against), (Some(193), Some(0)));
/// let c = vote_counts("received twenty one votes in favour and two hundred against").unwrap();
/// assert_eq!((c.in_favour, c.against), (Some(21), Some(200)));
/// ```
pub fn vote_counts(sentence: &str) -> Option<VoteCounts> {
    let words: Vec<String> = sentence
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '.' | ':' | '"'))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words = numbers_in_words_as_digits(words);
    let mut counts = VoteCounts::default();
    let mut found = false;
    // After `N votes to`, the next bare number is the votes against.
    let mut against_next = false;
    for (i, w) in words.iter().enumerate() {
        let Some(n) = count_word(w) else { continue };
        let mut j = i + 1;
        if words.get(j).is_some_and(|v| v == "votes" || v == "vote") {
            j += 1;
        }
        let next = words.get(j).map(String::as_str);
        let slot = match next {
            Some("in")
                if words
                    .get(j + 1)
                    .is_some_and(|f| f == "favour" || f == "favor") =>
            {
                &mut counts.in_favour
            }
            Some("for") => &mut counts.in_favour,
            Some("against") => &mut counts.against,
            Some("abstention" | "abstentions" | "abstaining" | "abstained") => {
                &mut counts.abstaining
            }
            Some("to") if j > i + 1 => {
                against_next = true;
                &mut counts.in_favour
            }
            _ if against_next => &mut counts.against,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(n);
            found = true;
        }
        if next != Some("to") {
            against_next = false;
        }
    }
    found.then_some(counts)
}

/// The sentence that gives a vote's result.
fn is_result_start(t: &str) -> bool {
    t.starts_with("The ")
        || t.starts_with("Draft ")
        || t.contains("votes")
        || t.contains("abstention")
        || t.contains(" adopted")
}

/// The footnote markers in `text` from byte `from` on: one or two digits
/// glued to the end of a lower-case word, or to a full stop, comma or
/// closing quote or parenthesis after one (`Secretary-General1`,
/// `security.2`), and not followed by another digit or letter. `G77`,
/// `PV.45` and `10.05` are not markers. Each says whether it is glued to
/// a unit of area or volume (`km2`, `m3`).
fn markers(text: &str, from: usize) -> Vec<(u32, usize, usize, bool)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < b.len() {
        // Digits are rare in speech: skip 16 bytes at a time while a
        // chunk holds none (a branch-free test the compiler vectorises).
        while let Some(chunk) = b.get(i..i + 16) {
            if chunk
                .iter()
                .fold(false, |any, c| any | (c.wrapping_sub(b'0') < 10))
            {
                break;
            }
            i += 16;
        }
        if i >= b.len() {
            break;
        }
        if !b[i].is_ascii_digit() || i == 0 || b[i - 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let end = i;
        let after_ok = b
            .get(end)
            .is_none_or(|c| c.is_ascii_whitespace() || b".,;:)".contains(c));
        let before = text[..start].chars().next_back();
        let glued = match before {
            Some(c) if c.is_lowercase() => true,
            Some('.' | ',' | ')' | '"' | '\u{201d}' | '\u{2019}') => text[..start]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(char::is_lowercase),
            _ => false,
        };
        if end - start <= 2 && after_ok && glued {
            if let Ok(n) = text[start..end].parse() {
                out.push((n, start, end, is_power_of_unit(&text[..end], start)));
            }
        }
    }
    out
}

/// Whether the digits at `text[start..]` square or cube a unit written
/// just before them (`170,000 km2`, `5 m3`), a word of its own.
fn is_power_of_unit(text: &str, start: usize) -> bool {
    const UNITS: &[&str] = &["m", "km", "cm", "mm", "dm", "ft", "yd", "mi"];
    if !matches!(&text[start..], "2" | "3") {
        return false;
    }
    let word = text[..start]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    UNITS.contains(&word)
}

/// The number that opens a footnote line: `1 See S/2026/100.`
fn footnote_number(t: &str) -> Option<u32> {
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (n, rest) = t.split_once(' ')?;
    (n.len() <= 2 && all_digits(n) && !rest.trim().is_empty())
        .then(|| n.parse().ok())
        .flatten()
}

/// A heading of the agenda between turns: `Agenda item 68`, an item
/// `(continued)`, a letter, report or draft named with its symbol
/// (`Letter dated 3 March 2026 … (S/2026/100)`).
fn is_agenda_heading(t: &str) -> bool {
    if t.starts_with("Agenda item") || t.ends_with("(continued)") {
        return true;
    }
    let symbol_at_end = t
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .is_some_and(|(_, inside)| {
            inside.starts_with("S/") || inside.starts_with("A/") || inside.starts_with("E/")
        });
    if symbol_at_end {
        return true;
    }
    const OPENINGS: &[&str] = &[
        "Letter dated",
        "Identical letters dated",
        "Report of the",
        "Reports of the",
        "Draft resolution",
        "Draft decision",
        "Note by the",
        "Election of",
        "Appointment of",
        "Expression of thanks",
        "Tribute to",
        "Briefing by",
    ];
    OPENINGS.iter().any(|o| t.starts_with(o)) && !t.ends_with(['.', '!', '?', ':', ';', ','])
}

/// `The situation in the Middle East`: a short line of words, the first
/// capitalised, no sentence end, no colon, no digits.
fn is_heading_shape(t: &str) -> bool {
    let ended = t.ends_with(['.', '!', '?', ':', ';', ',']);
    let words = t.split_whitespace().count();
    !ended
        && !t.contains(':')
        && words <= 15
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.split_whitespace().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || "-,'()\u{2019}".contains(c))
        })
}

/// `Agenda item 12`, `Agenda items 12 and 13`, `Agenda item 68 (a)
/// (continued)`: the number of an item and nothing else, as a heading
/// writes it (a sentence that names an item says more).
///
/// ```
/// use oewg_core::formats::pv::is_agenda_number;
/// assert!(is_agenda_number("Agenda item 68 (continued)"));
/// assert!(is_agenda_number("Agenda items 12, 13 and 14"));
/// assert!(!is_agenda_number("Agenda item 68 is before us."));
/// assert!(!is_agenda_number("Agenda item"));
/// ```
pub fn is_agenda_number(t: &str) -> bool {
    let Some(rest) = t
        .strip_prefix("Agenda items ")
        .or_else(|| t.strip_prefix("Agenda item "))
    else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let number = |w: &str| all_digits(w.strip_suffix(',').unwrap_or(w));
    words.next().is_some_and(number)
        && words.all(|w| {
            number(w)
                || w == "and"
                || w == "(continued)"
                || w.strip_prefix('(')
                    .and_then(|w| w.strip_suffix(')'))
                    .is_some_and(|x| {
                        (1..=4).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_lowercase())
                    })
        })
}

/// Whether the next line of text (past blank lines and page furniture)
/// opens in lower case, continuing a sentence.
fn continues_lowercase(lines: &Peekable<Lines<'_>>) -> bool {
    lines
        .clone()
        .take(MAX_LABEL_GAP + 1)
        .find(|l| !l.is_blank() && !is_furniture(l.trimmed()))
        .is_some_and(|l| l.trimmed().chars().next().is_some_and(char::is_lowercase))
}

/// `Adoption of the agenda`, or an item of the front matter's agenda.
fn is_agenda_item(t: &str, meta: &Meta) -> bool {
    t == "Adoption of the agenda" || meta.agenda_items.iter().any(|a| a == t)
}

/// A document symbol: `S/PV.9999`, `A/80/PV.45`, `S/PV.9999 (Resumption 1)`.
fn symbol(input: &str) -> IResult<&str, &str> {
    recognize((
        alt((tag("S/"), recognize((tag("A/"), digit1, tag("/"))))),
        tag("PV."),
        digit1,
    ))
    .parse(input)
}

/// `United Nations   S/PV.9999` or the symbol alone.
fn symbol_line(t: &str) -> IResult<&str, &str> {
    let t = t.strip_prefix("United Nations").unwrap_or(t).trim_start();
    let (rest, s) = symbol(t)?;
    if rest.trim().is_empty() || rest.trim_start().starts_with('(') {
        Ok(("", s))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            rest,
            nom::error::ErrorKind::Eof,
        )))
    }
}

/// `9999th meeting`, `45th plenary meeting`.
fn meeting_line(t: &str) -> IResult<&str, u32> {
    let (rest, n) = nom::character::complete::u32(t)?;
    let (rest, _) = alt((tag("st"), tag("nd"), tag("rd"), tag("th"))).parse(rest)?;
    let (rest, _) = (space1, opt((tag("plenary"), space1)), tag("meeting")).parse(rest)?;
    Ok((rest, n))
}

fn is_body(t: &str) -> bool {
    matches!(
        t,
        "Security Council"
            | "General Assembly"
            | "Economic and Social Council"
            | "Trusteeship Council"
            | "Human Rights Council"
    )
}

/// `Eighty-first year`, `Eightieth session`: the number.
fn session_or_year(t: &str) -> Option<u32> {
    let (num, what) = t.rsplit_once(' ')?;
    if !matches!(what, "year" | "session") {
        return None;
    }
    crate::text::ordinal_word(&num.to_lowercase())
}

/// `Tuesday, 3 March 2026, 10 a.m.`: the ISO date and the start time.
fn date_line(t: &str) -> Option<(String, Option<String>)> {
    const DAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let (day, rest) = t.split_once(", ")?;
    if !DAYS.contains(&day) {
        return None;
    }
    let (date, time) = match rest.split_once(", ") {
        Some((d, time)) => (d, Some(time)),
        None => (rest, None),
    };
    let (_, (iso, _)) = super::grammar::loose_date(date).ok()?;
    Some((iso, time.and_then(clock)))
}

/// `10 a.m.`, `3.15 p.m.`, `noon` as `HH:MM`.
fn clock(t: &str) -> Option<String> {
    let t = t.trim();
    if t == "noon" {
        return Some("12:00".into());
    }
    let (num, half) = t.split_once(' ')?;
    let pm = match half {
        "a.m." => false,
        "p.m." => true,
        _ => return None,
    };
    let (h, m) = match num.split_once(['.', ':']) {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (num.parse::<u32>().ok()?, 0),
    };
    if !(1..=12).contains(&h) || m > 59 {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(format!("{h:02}:{m:02}"))
}

/// A place name: short, capitalised words, no digits, no full stop.
fn is_place(t: &str) -> bool {
    t.len() <= 40
        && !t.ends_with('.')
        && !t.contains(':')
        && t.split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// `Algeria ........ Mr. Benali` (or a run of spaces for the dots): the
/// two sides.
fn leader_split(t: &str) -> Option<(&str, &str)> {
    let mut run: Option<(usize, usize, usize)> = None; // start, dots, spaces
    for (i, c) in t.char_indices() {
        let (dots, spaces) = match c {
            '.' => (1, 0),
            '\u{2026}' => (3, 0),
            ' ' | '\u{a0}' => (0, 1),
            _ => {
                if let Some((start, d, sp)) = run.take() {
                    if d >= 3 || sp >= 3 {
                        let (left, right) = (t[..start].trim(), t[i..].trim());
                        return (!left.is_empty() && !right.is_empty()).then_some((left, right));
                    }
                }
                continue;
            }
        };
        let r = run.get_or_insert((i, 0, 0));
        r.1 += dots;
        r.2 += spaces;
    }
    None
}

/// The opening of the translation notice of the front matter.
fn is_notice(t: &str) -> bool {
    t.starts_with("This record contains the text of speeches")
}

/// The close of the translation notice: its last sentence points to the
/// Official Document System (`… (http://documents.un.org).`).
fn ends_notice(t: &str) -> bool {
    t.ends_with("documents.un.org).") || t.ends_with("documents.un.org)")
}

/// Page furniture: a running header (symbol and date, either way round),
/// a line of page and job numbers (`2/25 26-01234`, `26-01234 (E)`), a
/// bar code (`*2601234*`).
///
/// ```
/// use oewg_core::formats::pv::is_furniture;
/// assert!(is_furniture("S/PV.9999 Maintenance of international peace and security 03/03/2026"));
/// assert!(is_furniture("03/03/2026 Maintenance of peace S/PV.9999"));
/// assert!(is_furniture("2/25 26-01234"));
/// assert!(is_furniture("26-01234 (E)"));
/// assert!(is_furniture("*2601234*"));
/// assert!(!is_furniture("In 2026-2027 we will act."));
/// ```
pub fn is_furniture(t: &str) -> bool {
    // Every line is asked: the first byte rules out most of them (each
    // kind of furniture opens with a digit, `*`, `(` or a symbol).
    match t.as_bytes() {
        [c, ..] if c.is_ascii_digit() || matches!(c, b'*' | b'(') => {}
        [b'S' | b'A', b'/', ..] => {}
        _ => return false,
    }
    // Format detection asks this of every line it reads: look at the
    // first and last words, and at no more than five from the front,
    // instead of splitting the whole line.
    let mut ends = t.split_whitespace();
    let Some(first) = ends.next() else {
        return false;
    };
    let is_symbol = |w: &str| symbol(w).is_ok_and(|(rest, _)| rest.is_empty());
    if let Some(last) = ends.next_back() {
        if is_symbol(first) && is_slash_date(last) || is_slash_date(first) && is_symbol(last) {
            return true;
        }
    }
    let mut any_not_mark = false;
    for (i, w) in t.split_whitespace().enumerate() {
        let mark = is_language_mark(w);
        if i >= 4 || !(mark || is_page_number(w) || is_job_number(w) || is_barcode(w)) {
            return false;
        }
        any_not_mark |= !mark;
    }
    any_not_mark
}

/// `03/03/2026`.
fn is_slash_date(w: &str) -> bool {
    let mut parts = w.split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(d), Some(m), Some(y), None) => {
            d.len() <= 2 && m.len() <= 2 && y.len() == 4 && [d, m, y].into_iter().all(all_digits)
        }
        _ => false,
    }
}

/// `2/25`.
fn is_page_number(w: &str) -> bool {
    w.split_once('/')
        .is_some_and(|(a, b)| a.len() <= 3 && b.len() <= 3 && all_digits(a) && all_digits(b))
}

/// `26-01234`.
fn is_job_number(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(a, b)| a.len() == 2 && b.len() == 5 && all_digits(a) && all_digits(b))
}

/// `*2601234*`.
fn is_barcode(w: &str) -> bool {
    w.len() >= 4 && w.starts_with('*') && w.ends_with('*') && all_digits(&w[1..w.len() - 1])
}

/// `(E)`: the language of the original.
fn is_language_mark(w: &str) -> bool {
    w.len() == 3 && w.starts_with('(') && w.ends_with(')') && w.as_bytes()[1].is_ascii_uppercase()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// True when the record shows this layout's marks: a document symbol
/// line, page furniture, or an official record's procedural line.
pub(crate) fn is_pv_mark(t: &str) -> bool {
    symbol_line(t).is_ok() || is_furniture(t) || procedural(t).is_some() || is_notice(t)
}

/// True when a line opens with a label of this layout.
pub(crate) fn is_pv_turn(t: &str) -> bool {
    speaker_label(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_ends_at_furniture_or_a_label_in_text_with_no_blank_lines() {
        // Text from a PDF extractor that writes no blank lines: the notice
        // sits at a page's foot, inside China's speech.
        let src = "S/PV.9412\nSecurity Council\n\nThe President: I give the floor to Mr. Zhou.\nMr. Zhou (China): China thanks the President for\nThis record contains the text of speeches delivered in English and of the\ntranslation of speeches delivered in the other languages.\n26-06543 (E)\nconvening this meeting.\nMr. Haddad (Algeria): Algeria joins the consensus.\n";
        let s = parse(src).unwrap();
        let got: Vec<_> = s
            .statements
            .iter()
            .map(|st| (st.speaker.canonical_name(), st.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Chair", "I give the floor to Mr. Zhou."),
                (
                    "China",
                    "China thanks the President for convening this meeting."
                ),
                ("Algeria", "Algeria joins the consensus."),
            ]
        );
        let lines: Vec<_> = s
            .skipped
            .iter()
            .map(|k| (k.reason, k.span.line_start, k.span.line_end))
            .collect();
        assert_eq!(lines, [(SkipReason::PageFurniture, 6, 8)]);
        // Its last sentence ends it too, before a line no label opens.
        let src = "S/PV.9412\nSecurity Council\n\nThe President: I give the floor to Mr. Zhou.\nMr. Zhou (China): China thanks the President\nThis record contains the text of speeches delivered in English and of the\nCorrected records will be reissued electronically on the Official Document System of the United Nations (http://documents.un.org).\nfor convening this meeting.\n";
        let s = parse(src).unwrap();
        assert_eq!(
            s.statements[1].text,
            "China thanks the President for convening this meeting."
        );
    }

    #[test]
    fn ordinals_and_clocks() {
        assert_eq!(crate::text::ordinal_word("eighty-first"), Some(81));
        assert_eq!(crate::text::ordinal_word("eightieth"), Some(80));
        assert_eq!(crate::text::ordinal_word("eighty-tenth"), None);
        assert_eq!(clock("10 a.m."), Some("10:00".into()));
        assert_eq!(clock("3.15 p.m."), Some("15:15".into()));
        assert_eq!(clock("13 p.m."), None);
    }

    #[test]
    fn leaders() {
        assert_eq!(
            leader_split("China ....... Mr. Li"),
            Some(("China", "Mr. Li"))
        );
        assert_eq!(leader_split("Mr. Okafor (Nigeria)"), None);
        assert_eq!(
            leader_split("Côte d'Ivoire …… Ms. Koné"),
            Some(("Côte d'Ivoire", "Ms. Koné"))
        );
    }

    /// The agenda items of `src` and its agenda headings.
    fn agenda(src: &str) -> (Vec<String>, Vec<String>) {
        let s = parse(src).unwrap();
        s.verify(src).unwrap();
        let headings = s
            .headers
            .iter()
            .filter(|h| h.kind == HeaderKind::AgendaItem)
            .map(|h| h.text.clone())
            .collect();
        (s.meta.agenda_items, headings)
    }

    #[test]
    fn agenda_headings_between_turns_are_agenda_items() {
        let src = "United Nations S/PV.9100\nSecurity Council\n\nAgenda\n\
            Threats to international peace and security\n\n\
            The meeting was called to order at 3 p.m.\n\n\
            Adoption of the agenda\n\nThe agenda was adopted.\n\n\
            Threats to international peace and security\n\n\
            Letter dated 2 May 2026 from the Permanent Representative of Peru \
            (S/2026/310)\n\n\
            The President: I welcome the briefers.\n\
            Ms. Tamm (Estonia): Thank you.\n\n\
            Agenda item 5 (continued)\n\n\
            The question of the Falkland Islands\n\
            The President: We resume.\n\
            Agenda item 5\n\
            The question of the Falkland Islands\n\
            Mr. Rojas (Chile): We agree.\n";
        let (items, headings) = agenda(src);
        assert_eq!(
            items,
            [
                "Threats to international peace and security",
                "Letter dated 2 May 2026 from the Permanent Representative of Peru (S/2026/310)",
                "Agenda item 5",
                "The question of the Falkland Islands",
            ]
        );
        // Each heading is a header, however often it comes.
        assert_eq!(
            headings[3..],
            [
                "Threats to international peace and security",
                "Letter dated 2 May 2026 from the Permanent Representative of Peru (S/2026/310)",
                "Agenda item 5 (continued)",
                "The question of the Falkland Islands",
                "Agenda item 5",
                "The question of the Falkland Islands",
            ]
        );
        let s = parse(src).unwrap();
        let labels: Vec<&str> = s
            .statements
            .iter()
            .map(|s| s.speaker.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "The President",
                "Ms. Tamm (Estonia)",
                "The President",
                "Mr. Rojas (Chile)"
            ]
        );
        // `Agenda item 5` ended the President's turn: it is not in the text.
        assert_eq!(s.statements[2].text, "We resume.");
        let item = s
            .headers
            .iter()
            .find(|h| h.text == "Agenda item 5")
            .unwrap();
        assert_eq!(item.span.slice(src), "Agenda item 5");
    }

    #[test]
    fn a_heading_that_wraps_is_one_item() {
        let src = "The President: We begin.\n\nAgenda item 73\n\
            Report of the Secretary-General on the work\nof the Organization\n\
            Mr. Rojas (Chile): Thank you.\n";
        let (items, _) = agenda(src);
        assert_eq!(
            items,
            [
                "Agenda item 73",
                "Report of the Secretary-General on the work of the Organization"
            ]
        );
    }

    #[test]
    fn a_speech_that_names_an_agenda_item_keeps_it() {
        // Mid-sentence, with more after it on the line, before a line in
        // lower case, or a sentence of its own: all words of the speech.
        let src = "The President: The Assembly will now take up\n\
            Agenda item 12\n\
            Agenda item 12 is before us. We shall act\n\
            on it today.\n\
            Agenda item 12\n\
            as amended, we adopt.\n\
            Agenda item 12.\n\
            Mr. Rojas (Chile): Thank you.\n";
        let (items, headings) = agenda(src);
        assert!(items.is_empty(), "{items:?}");
        assert!(headings.is_empty(), "{headings:?}");
        let s = parse(src).unwrap();
        assert_eq!(s.statements.len(), 2);
        assert_eq!(
            s.statements[0].text,
            "The Assembly will now take up Agenda item 12 Agenda item 12 is before us. \
             We shall act on it today. Agenda item 12 as amended, we adopt. Agenda item 12."
        );
        let turns = crate::segment(src).unwrap();
        assert_eq!(turns[0].word_count, s.statements[0].word_count);
    }

    #[test]
    fn segmentation_counts_words_as_the_parse_does() {
        // Hyphens joined across page breaks and blank lines, a marker at
        // the end of a line taken out once its footnote is found, U+00A0
        // and entities: the counts of both ways agree.
        let src = "United Nations S/PV.9101\nSecurity Council\n\n\
            The President: We thank the inter-\n\
            S/PV.9101 Maintenance of peace 03/03/2026\n\n\
            national co-\nordination team of the Secretary-General1 and its staff.2\n\
            1 A/81/1.\n2 S/2026/1.\n\
            2/25 26-06543\n\n\
            Our Secretary-\nGeneral &amp; the\u{a0}Council\u{a0}-\nmembers.\n\
            Mr. Rojas (Chile): Gracias-\n\n3 See.\n";
        let s = parse(src).unwrap();
        s.verify(src).unwrap();
        let turns = crate::segment(src).unwrap();
        assert_eq!(turns.len(), s.statements.len());
        for (t, st) in turns.iter().zip(&s.statements) {
            assert_eq!(t.word_count, text::word_count(&st.text), "{}", st.text);
            assert_eq!((t.span, t.word_count), (st.span, st.word_count));
        }
        assert_eq!(
            s.statements[0].text,
            "We thank the international coordination team of the Secretary-General and its \
             staff.\n\nOur Secretary-General & the Council - members."
        );
    }

    /// The statements of `src` as (label, text), after checking the parse
    /// accounts for every byte.
    fn turns(src: &str) -> Vec<(String, String)> {
        let s = parse(src).unwrap();
        s.verify(src).unwrap();
        s.statements
            .iter()
            .map(|st| (st.speaker.label.clone(), st.text.clone()))
            .collect()
    }

    #[test]
    fn a_number_opening_a_line_of_speech_is_no_footnote_before_a_label() {
        let src = "S/PV.9999\nSecurity Council\n\nThe President: I give the floor to Ukraine.\n\
            Mr. Melnyk (Ukraine): Mines cover 170,000 km2 of land, and\n\
            2 more schools were hit this week.\nMr. Zhou (China): China calls for restraint.\n\
            Mr. Haddad (Algeria): Algeria agrees.\n";
        let got = turns(src);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(
            got[1].1,
            "Mines cover 170,000 km2 of land, and 2 more schools were hit this week."
        );
        assert_eq!(got[3].1, "Algeria agrees.");
        // A marker on a word, not a unit, and a turn after the number:
        // the label still stops the block.
        let src = "The President: See the report2 here, and\n2 delegations spoke.\n\
            Mr. Zhou (China): Agreed.\n";
        let got = turns(src);
        assert_eq!(got[0].1, "See the report2 here, and 2 delegations spoke.");
        assert_eq!(got[1].1, "Agreed.");
    }

    #[test]
    fn a_unit_calls_a_footnote_only_before_the_page_furniture() {
        // At the end of the record a unit's power is no marker.
        let src = "The President: Mines cover 170,000 km2 of land, and\n\
            2 more schools were hit.\n";
        let got = turns(src);
        assert_eq!(
            got[0].1,
            "Mines cover 170,000 km2 of land, and 2 more schools were hit."
        );
        // A word's marker still finds its footnote there.
        let src = "The President: The text9 stands.\n9 A/81/1.\n";
        assert_eq!(turns(src)[0].1, "The text stands.");
        // Before the page's furniture the footnote is found, and taken out.
        let src = "The President: It covers 5 m2 of land.\n2 A/81/1.\n\
            S/PV.1 01/01/2026\nWe go on.\n";
        assert_eq!(turns(src)[0].1, "It covers 5 m of land. We go on.");
        assert!(is_power_of_unit("170,000 km2", 10));
        assert!(!is_power_of_unit("security.2", 9));
        assert!(!is_power_of_unit("report2", 6));
        assert!(!is_power_of_unit("km12", 2));
    }

    #[test]
    fn a_speech_that_opens_like_a_procedural_line_stays_the_speakers() {
        let src = "S/PV.9999\nSecurity Council\n\nThe President: I give the floor to Brazil.\n\
            Mr. Costa (Brazil): Brazil recalls what happened in 2019.\n\
            A vote was taken on that text, and many delegations abstained; we\n\
            regret that outcome.\n\
            The draft resolution that was adopted last year is not enough.\n\
            It was so decided, we were told.\n\
            The meeting was suspended for two days.\n\
            Mr. Zhou (China): China agrees.\n";
        let s = parse(src).unwrap();
        s.verify(src).unwrap();
        assert!(
            s.headers
                .iter()
                .all(|h| h.kind != HeaderKind::ProceduralEvent),
            "{:?}",
            s.headers
        );
        assert_eq!(
            s.statements[1].text,
            "Brazil recalls what happened in 2019. A vote was taken on that text, and many \
             delegations abstained; we regret that outcome. The draft resolution that was \
             adopted last year is not enough. It was so decided, we were told. The meeting \
             was suspended for two days."
        );
        assert_eq!(s.statements[2].text, "China agrees.");
    }

    #[test]
    fn the_records_own_lines_still_end_a_turn() {
        for line in [
            "A vote was taken by show of hands.",
            "A recorded vote was taken.",
            "A recorded vote was taken on draft resolution A/81/L.5.",
            "Draft resolution II was adopted (resolution 81/151).",
            "Draft resolution A/81/L.5, as orally revised, was adopted.",
            "Draft resolution I was adopted by",
            "Draft resolution I was adopted by 150 votes to 4, with 12 abstentions (resolution 81/3).",
            "The draft decision was adopted without a vote.",
            "Draft resolutions I to III were adopted.",
            "It was so decided.",
            "The agenda was adopted.",
            "The meeting rose at 1.15 p.m.",
            "The meeting was suspended at 4.40 p.m. and resumed at 5.10 p.m.",
            "The meeting was called to order at 10.05 a.m.",
            // Phrasings of the records beyond the lists' words.
            "It was so decided (decision 79/505).",
            "A recorded vote was taken on the eighth preambular paragraph.",
            "A recorded vote was taken on the oral amendment.",
            "The meeting was suspended at 4.40 p.m. and resumed in private at 5 p.m.",
            "Draft resolution I, entitled \"Cyber norms\", was adopted.",
            "Draft resolution A/79/L.5 was adopted by a recorded vote of 120 to 5.",
            // The first line of one that wraps.
            "The meeting was suspended at 4.40 p.m. and resumed in private",
        ] {
            assert!(ends_turn(line), "{line}");
            let src = format!("The President: We go on.\n{line}\n");
            let s = parse(&src).unwrap();
            s.verify(&src).unwrap();
            assert_eq!(s.statements[0].text, "We go on.", "{line}");
        }
        for line in [
            "A vote was taken on that text, and many delegations abstained; we",
            "The draft resolution that was adopted last year",
            "The draft resolution was adopted last year, and",
            "Draft resolution II was adopted by a large majority, as we hoped.",
            "The agenda was adopted without our support.",
            "The meeting was suspended for two days.",
            "The meeting rose at the end of a long day.",
            "A recorded vote was taken on that text in 2019.",
        ] {
            assert!(!ends_turn(line), "{line}");
        }
    }

    #[test]
    fn names_with_particles_and_titles_are_labels() {
        for (line, label) in [
            (
                "Mr. Costa e Silva (Brazil): Thank you.",
                "Mr. Costa e Silva (Brazil)",
            ),
            ("Mr. Ben Ali (Tunisia): Thank you.", "Mr. Ben Ali (Tunisia)"),
            ("Mr. ben Ali (Tunisia): Thank you.", "Mr. ben Ali (Tunisia)"),
            (
                "Ms. ter Horst (Netherlands): Thank you.",
                "Ms. ter Horst (Netherlands)",
            ),
            (
                "Mr. Fernández y García (Spain): Gracias.",
                "Mr. Fernández y García (Spain)",
            ),
            ("H.E. Mr. Ali (Egypt): Thank you.", "H.E. Mr. Ali (Egypt)"),
            (
                "Mrs Brown (United Kingdom): Thank you.",
                "Mrs Brown (United Kingdom)",
            ),
            (
                "Sheikha Alya Ahmed Saif al-Thani (Qatar): Thank you.",
                "Sheikha Alya Ahmed Saif al-Thani (Qatar)",
            ),
            (
                "Mr. Fernando Pedro José da Costa e Silva (Brazil): Obrigado.",
                "Mr. Fernando Pedro José da Costa e Silva (Brazil)",
            ),
        ] {
            assert_eq!(speaker_label(line).map(|l| l.0), Some(label), "{line}");
        }
        // Speech keeps its shape: no `(State)` and no colon after the name,
        // or a name too long without a state.
        for line in [
            "Mr Brown said: no",
            "Mrs Brown and I agree",
            "The Members of the United Nations and the Council Know: this",
            "Mr. Fernando Pedro José da Costa e Silva: Obrigado.",
            "H.E.: no",
        ] {
            assert_eq!(speaker_label(line), None, "{line}");
        }
        let src = "The President: I give the floor to the Netherlands.\n\
            Ms. ter Horst (Netherlands) (spoke in\nDutch): Thank you.\n\
            Mrs Brown (United Kingdom): We agree.\n";
        let got = turns(src);
        assert_eq!(
            got[1],
            (
                "Ms. ter Horst (Netherlands) (spoke in Dutch)".to_string(),
                "Thank you.".to_string()
            )
        );
        assert_eq!(got[2].1, "We agree.");
        let s = parse(src).unwrap();
        assert_eq!(s.statements[1].speaker.iso3.as_deref(), Some("NLD"));
        assert_eq!(s.statements[2].speaker.iso3.as_deref(), Some("GBR"));
    }

    #[test]
    fn a_bracketed_note_that_ends_a_turn_is_a_procedural_event() {
        let src = "The President: The vote is over.\n\
            [Subsequently, the delegation of Fiji informed the Secretariat that it had\n\
            intended to vote in favour.]\n\
            Mr. Zhou (China): China agrees.\n\
            [Subsequently, the delegation of Fiji spoke.]\n";
        let s = parse(src).unwrap();
        s.verify(src).unwrap();
        let notes: Vec<&str> = s
            .headers
            .iter()
            .filter(|h| h.kind == HeaderKind::ProceduralEvent)
            .map(|h| h.text.as_str())
            .collect();
        assert_eq!(
            notes,
            [
                "[Subsequently, the delegation of Fiji informed the Secretariat that it had \
                 intended to vote in favour.]",
                "[Subsequently, the delegation of Fiji spoke.]"
            ]
        );
        assert_eq!(s.statements[0].text, "The vote is over.");
        assert_eq!(s.statements[1].text, "China agrees.");
        // A note the speaker goes on after, or brackets in speech, stay
        // in the text: a header cannot lie inside a statement.
        let src = "The President: The vote is over.\n[Applause]\nWe go on.\n\
            [the Council] must act. We are\n[Told] so.\n\
            Mr. Zhou (China): China agrees.\n";
        let got = turns(src);
        assert_eq!(
            got[0].1,
            "The vote is over. [Applause] We go on. [the Council] must act. We are [Told] so."
        );
    }

    #[test]
    fn prose_alone_is_an_error() {
        let err = parse("\nSome prose.\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 1));
        assert!(matches!(parse(" \n"), Err(ParseError::Empty { .. })));
    }
}

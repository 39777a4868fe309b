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

use super::{skip, skip_bom, sub_span, Depth};
use crate::error::ParseError;
use crate::model::{
    Format, Header, HeaderKind, Member, Meta, Role, Session, SkipReason, Span, Speaker, Statement,
    Vote,
};
use crate::speakers;
use crate::text::{self, Line};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{opt, recognize, verify};
use nom::multi::many0;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// What the parser expects when it finds no turn.
const EXPECTED: &str = "an official record: a `The President:` or `Mr. Name (State):` turn, \
     or a front matter with a symbol such as S/PV.9999";

/// Longest line tried as the start of a speaker label.
const MAX_LABEL_BYTES: usize = 240;
/// Words in a speaker's name, at most.
const MAX_NAME_WORDS: usize = 6;

/// Parses an official verbatim record.
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
    text: String,
    in_paragraph: bool,
    language: Option<String>,
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
}

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
        if p.front_state == Front::Notice || is_furniture(t) || is_notice(t) {
            if is_notice(t) {
                p.front_state = Front::Notice;
            }
            p.furniture = true;
            skip(
                src,
                &mut p.skipped,
                line.content_span(),
                SkipReason::PageFurniture,
            );
            continue;
        }
        if let Some((label, rest)) = speaker_label(t) {
            p.start_turn(&line, None, label, rest);
            continue;
        }
        // A label that wraps: `Mr. Petrov (Russian Federation) (spoke in`
        // then `Russian): We thank …`.
        if t.len() <= MAX_LABEL_BYTES && label_start(t).is_ok() {
            if let Some(next) = lines.peek().copied() {
                let joined = format!("{t} {}", next.trimmed());
                if let Some((label, _)) = speaker_label(&joined) {
                    if label.len() > t.len() {
                        lines.next();
                        let cut = label.len() - t.len() - 1;
                        let nt = next.trimmed();
                        let (head, rest) = nt.split_at(cut);
                        let rest = rest.trim_start();
                        let rest = rest.strip_prefix(':').unwrap_or(rest);
                        p.start_turn(&line, Some((&next, head)), "", rest);
                        continue;
                    }
                }
            }
        }
        if let Some(kind) = procedural(t) {
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
        if p.open.is_some() {
            p.push(line.content_span());
            continue;
        }
        if p.front {
            p.front_line(&line);
        } else {
            let kind = if is_agenda_item(t, &p.meta) {
                HeaderKind::AgendaItem
            } else {
                HeaderKind::Note
            };
            p.header(&line, kind);
        }
    }
    p.close();
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
        statements: p.statements,
        headers: p.headers,
        report: None,
        skipped: p.skipped,
        analysis: Default::default(),
        votes: p.votes,
    })
}

impl<'a> Parser_<'a> {
    fn header(&mut self, line: &Line<'_>, kind: HeaderKind) {
        self.headers.push(Header {
            kind,
            text: text::normalize(line.trimmed()),
            span: line.content_span(),
        });
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
        let raw_label = label_span.slice(self.src);
        let label = text::normalize(raw_label);
        let language = spoken_language(&label);
        self.open = Some(Open {
            label,
            label_span,
            span: label_span.to(sub_span(rest_line, rest_line.trimmed())),
            paragraphs: Vec::new(),
            text: String::new(),
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
        text::push_normalized(&mut t.text, raw);
        t.span = t.span.to(content);
    }

    fn close_turn(&mut self) {
        self.blank = false;
        self.furniture = false;
        let Some(t) = self.open.take() else {
            return;
        };
        let speaker = match self.depth {
            Depth::Full => resolve(&t.label),
            Depth::Segment => unresolved(&t.label),
        };
        let word_count = text::word_count(&t.text);
        if std::mem::take(&mut self.awaiting_result) {
            if let Some(v) = self.votes.last_mut() {
                v.result = result_sentence(&t.text);
            }
        }
        let kind = super::classify(speaker.role, word_count);
        self.statements.push(Statement {
            index: self.statements.len(),
            speaker,
            text: t.text,
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
            Depth::Segment => unresolved(state),
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
fn unresolved(label: &str) -> Speaker {
    Speaker {
        label: label.to_string(),
        role: Role::Unknown,
        name: None,
        iso3: None,
        on_behalf_of: None,
        confidence: 0.0,
        regional_group: None,
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
    let at = label.find("(spoke in ")?;
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
/// assert_eq!(resolve("Mr. GARCIA (Spain), Rapporteur of the Third Committee").iso3.as_deref(), Some("ESP"));
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
    let who = who.split(',').next().unwrap_or(who).trim();
    let mut speaker = match state {
        Some(state) => speakers::resolve(state),
        None if who.starts_with("The ") && who.contains("President") => speakers::resolve("Chair"),
        None if who.starts_with("The ") && who.contains("Secretary-General") => {
            speakers::resolve("United Nations")
        }
        None => speakers::resolve(who),
    };
    speaker.label = label.to_string();
    speaker
}

/// Honorifics that open a speaker's label.
const TITLES: &[&str] = &[
    "Mr.",
    "Ms.",
    "Mrs.",
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

/// Lower-case particles allowed inside a name (`Ms. de la Cruz`).
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
    "den", "bin", "bint", "ibn", "al", "el", "of", "the", "and", "for",
];

/// A word of a name: letters, hyphens, apostrophes and full stops.
fn name_word(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
        .parse(input)
}

/// A capitalised name word or a particle.
fn name_part(input: &str) -> IResult<&str, &str> {
    verify(name_word, |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w)
    })
    .parse(input)
}

/// A title (`Mr.`) or `The`.
fn title(input: &str) -> IResult<&str, &str> {
    verify(name_word, |w: &str| w == "The" || TITLES.contains(&w)).parse(input)
}

/// The opening of a label: a title and a capitalised word.
fn label_start(input: &str) -> IResult<&str, &str> {
    recognize((
        title,
        space1,
        verify(name_word, |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase)
        }),
    ))
    .parse(input)
}

/// `(Chile)`, `(spoke in French)`: a short parenthesis without a colon.
fn parens(input: &str) -> IResult<&str, &str> {
    preceded(
        space1,
        delimited(
            char('('),
            verify(
                take_while1(|c: char| !matches!(c, '(' | ')' | ':')),
                |s: &str| s.len() <= 80,
            ),
            char(')'),
        ),
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
    let words = |input| {
        many0(preceded(space1, name_part))
            .parse(input)
            .and_then(|(rest, w): (&str, Vec<&str>)| {
                if w.len() < MAX_NAME_WORDS {
                    Ok((rest, w))
                } else {
                    Err(nom::Err::Error(nom::error::Error::new(
                        rest,
                        nom::error::ErrorKind::Many0,
                    )))
                }
            })
    };
    let label = recognize((
        title,
        space1,
        name_part,
        words,
        many0(parens),
        opt(function_tail),
    ));
    let (rest, label) = (label, space0, tag(":"))
        .parse(line)
        .ok()
        .map(|(rest, (label, _, _))| (rest, label))?;
    // `Mr.` alone is no name; `The` must name a function.
    let ok = !label.ends_with('.') && (rest.is_empty() || rest.starts_with(char::is_whitespace));
    ok.then_some((label.trim_end(), rest))
}

/// `The meeting was called to order at …`, `The agenda was adopted.`,
/// `The meeting rose at …`, `A vote was taken …`.
fn procedural(t: &str) -> Option<HeaderKind> {
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
    ];
    OPENINGS
        .iter()
        .any(|o| t.starts_with(o))
        .then_some(HeaderKind::ProceduralEvent)
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

/// The sentence that gives a vote's result.
fn is_result_start(t: &str) -> bool {
    t.starts_with("The ") || t.contains("votes") || t.contains("abstention")
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
    ordinal(&num.to_lowercase())
}

/// An ordinal in words, first to ninety-ninth.
fn ordinal(w: &str) -> Option<u32> {
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
    let parts: Vec<&str> = w.split('/').collect();
    parts.len() == 3
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts[2].len() == 4
        && parts.iter().all(|p| all_digits(p))
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
    fn ordinals_and_clocks() {
        assert_eq!(ordinal("eighty-first"), Some(81));
        assert_eq!(ordinal("eightieth"), Some(80));
        assert_eq!(ordinal("eighty-tenth"), None);
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

    #[test]
    fn prose_alone_is_an_error() {
        let err = parse("\nSome prose.\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 1));
        assert!(matches!(parse(" \n"), Err(ParseError::Empty { .. })));
    }
}

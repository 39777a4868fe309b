//! Layout F, Markdown transcripts: a `# Title (date)` heading, then turns
//! of a `**Affiliation | Name | Function | (Group)**` line alone, followed
//! by paragraphs. Inline Markdown inside paragraphs (emphasis, links) is
//! kept in the text as written.

use super::{grammar, skip, skip_bom, sub_span, Depth, TurnBuilder};
use crate::error::ParseError;
use crate::model::{Format, Header, HeaderKind, Meta, Role, Session, SkipReason, Speaker};
use crate::speakers;
use crate::text::{self, Line};
use nom::bytes::complete::{tag, take_until};
use nom::character::complete::space0;
use nom::combinator::{eof, verify};
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};

/// Longest speaker line content, in characters: several fields.
const MAX_SPEAKER_CHARS: usize = 200;

const EXPECTED: &str = "a speaker line (\"**Affiliation | Function**\" alone on a line)";

/// Parses a Markdown transcript.
///
/// The session as read, without the analyses (its `analysis` is empty):
/// [`crate::parse`] and [`crate::parse_as`] run them.
///
/// ```
/// use oewg_core::{formats::markdown, Role};
/// let src = "# Session 2 | Informal consultations (Apr 7, 2026)\n\n**WG | Chair**\n\nWelcome.\n\n\
///     **Chile | Representative**\n\nThank *you*, Chair.\n";
/// let s = markdown::parse(src).unwrap();
/// assert_eq!(s.meta.title.as_deref(), Some("Session 2 | Informal consultations"));
/// assert_eq!((s.meta.session, s.meta.date.as_deref()), (Some(2), Some("2026-04-07")));
/// assert_eq!(s.statements[0].speaker.role, Role::Chair);
/// assert_eq!(s.statements[1].speaker.iso3.as_deref(), Some("CHL"));
/// assert_eq!(s.statements[1].text, "Thank *you*, Chair.");
/// ```
///
/// # Errors
/// [`ParseError::Expected`] when the text has neither a speaker line nor
/// a `#` title; [`ParseError::Empty`] for blank input.
pub fn parse(src: &str) -> Result<Session, ParseError> {
    parse_to(src, Depth::Full)
}

pub(crate) fn parse_to(src: &str, depth: Depth) -> Result<Session, ParseError> {
    let mut meta = Meta::new(Format::Markdown);
    let mut headers = Vec::new();
    let mut skipped = Vec::new();
    skip_bom(src, &mut skipped);
    let mut turns = TurnBuilder::new(src, depth).with_resolver(resolve);
    // Turns opened so far, and the person lines (`**Ana Lopez**`) under
    // a turn's speaker line, by turn.
    let mut opened = 0;
    let mut persons: Vec<(usize, &str)> = Vec::new();
    let mut heads = super::RunningHeads::default();
    for line in text::lines(src) {
        if heads.skip_repeat(src, &line, &mut turns, &mut skipped) {
            continue;
        }
        if line.is_blank() {
            turns.break_paragraph();
            continue;
        }
        let t = line.trimmed();
        if let Ok((_, label)) = speaker_line(t) {
            // "**EU | Representative | (EU)**" then "**Ana Lopez**": the
            // second line names the person of the turn just opened.
            if turns.textless_label().is_some() {
                turns.extend_label(line.content_span());
                if opened > 0 && is_person(label) {
                    persons.push((opened - 1, label));
                }
            } else {
                turns.start(label, sub_span(&line, label));
                turns.extend_label(line.content_span());
                opened += 1;
            }
            continue;
        }
        if turns.push(line.content_span()) {
            continue;
        }
        match header(&line, &mut meta) {
            Some(h) => {
                // Only lines before the first turn reach here. A repeat
                // starts at the title: a rule or a heading may be a
                // speaker's too.
                heads.add(t, h.kind == HeaderKind::Title);
                headers.push(h);
            }
            None => skip(
                src,
                &mut skipped,
                line.content_span(),
                SkipReason::BeforeFirstSpeaker,
            ),
        }
    }
    let turned = turns.turned();
    let mut statements = turns.finish();
    if depth == Depth::Full {
        for (i, person) in persons {
            if let Some(st) = statements.get_mut(i) {
                // The first person line names the speaker; later ones are
                // kept in the label span only.
                st.speaker
                    .person
                    .get_or_insert_with(|| text::normalize(person));
            }
        }
    }
    let titled = headers.iter().any(|h| h.kind == HeaderKind::Title);
    super::finish_transcript(
        src,
        meta,
        (statements, turned),
        headers,
        skipped,
        titled,
        EXPECTED,
    )
}

/// `**Iraq | Representative | (G77 + China)**` alone on a line: returns
/// what is between the asterisks, trimmed. A bold run that ends in a colon
/// (`**Threats:**`) is a heading in prose, not a speaker.
///
/// ```
/// use oewg_core::formats::markdown::speaker_line;
/// assert_eq!(speaker_line("**IAHWG | Co-Chair**"), Ok(("", "IAHWG | Co-Chair")));
/// assert!(speaker_line("**Threats:** rising").is_err());
/// assert!(speaker_line("**Threats:**").is_err());
/// ```
pub fn speaker_line(line: &str) -> IResult<&str, &str> {
    terminated(
        delimited(
            tag("**"),
            verify(take_until("**"), |inner: &str| {
                let inner = inner.trim();
                inner.chars().next().is_some_and(char::is_alphanumeric)
                    && !inner.ends_with(':')
                    && inner.chars().count() <= MAX_SPEAKER_CHARS
            }),
            tag("**"),
        ),
        (space0, eof),
    )
    .parse(line)
    .map(|(rest, inner)| (rest, inner.trim()))
}

/// True when `line` is a level-one Markdown heading (`# Title`).
pub(crate) fn is_title_heading(line: &str) -> bool {
    line.strip_prefix("# ")
        .is_some_and(|t| !t.trim().is_empty())
}

/// A line before the first speaker.
fn header(line: &Line<'_>, meta: &mut Meta) -> Option<Header> {
    let t = line.trimmed();
    let kind = if grammar::horizontal_rule(t).is_ok() {
        HeaderKind::Rule
    } else if is_title_heading(t) && meta.title.is_none() {
        let heading = t[1..].trim();
        let (title, date) = split_date(heading);
        let title = text::normalize(title);
        let (session, meeting) = grammar::session_and_meeting(&title);
        meta.session = session;
        meta.meeting = meeting;
        if let Some((d, time)) = date {
            meta.date = Some(d);
            meta.time_start = time;
        }
        meta.title = Some(title);
        HeaderKind::Title
    } else if t.starts_with('#') {
        HeaderKind::Note
    } else {
        return None;
    };
    Some(Header {
        kind,
        text: text::normalize(t),
        span: line.content_span(),
    })
}

/// `Consultations (Mar 3, 2026)` as the title and the date, when the
/// parentheses at the end hold one.
#[allow(clippy::type_complexity)] // (title, optional (date, optional time)) reads plainly.
fn split_date(heading: &str) -> (&str, Option<(String, Option<String>)>) {
    let Some(inner) = heading.strip_suffix(')') else {
        return (heading, None);
    };
    let Some(open) = inner.rfind('(') else {
        return (heading, None);
    };
    match grammar::loose_date(inner[open + 1..].trim()) {
        Ok((_, date)) => (inner[..open].trim_end(), Some(date)),
        Err(_) => (heading, None),
    }
}

/// Resolves `Affiliation | Name | Function | (Group)`: a chair function
/// makes the Chair; otherwise the affiliation (or, when it is unknown, the
/// first field that is known) says who speaks, and the parenthesised field
/// for whom.
///
/// ```
/// use oewg_core::{formats::markdown::resolve, Role};
/// let s = resolve("Iraq | Representative | (G77 + China)");
/// assert_eq!((s.role, s.iso3.as_deref()), (Role::Delegation, Some("IRQ")));
/// assert_eq!(s.on_behalf_of.as_deref(), Some("Group of 77 and China"));
/// assert_eq!(s.function.as_deref(), Some("Representative"));
/// let s = resolve("IAHWG | Co-Chair");
/// assert_eq!((s.role, s.function.as_deref()), (Role::Chair, Some("Co-Chair")));
/// let s = resolve("Chile | Ana Lopez | Ambassador");
/// assert_eq!((s.person.as_deref(), s.function.as_deref()), (Some("Ana Lopez"), Some("Ambassador")));
/// ```
pub fn resolve(label: &str) -> Speaker {
    let label = label.trim();
    let fields: Vec<&str> = label.split('|').map(str::trim).collect();
    let group = fields
        .iter()
        .rev()
        .find_map(|f| f.strip_prefix('(').and_then(|g| g.strip_suffix(')')))
        .map(str::trim)
        .filter(|g| !g.is_empty());
    let named: Vec<&str> = fields
        .iter()
        .copied()
        .filter(|f| !f.is_empty() && !f.starts_with('('))
        .collect();
    let mut speaker = if named
        .iter()
        .skip(1)
        .any(|f| super::resolve_co_chair(f).role == Role::Chair)
    {
        speakers::resolve("Chair")
    } else {
        let first = named.first().copied().unwrap_or("");
        let s = super::resolve_co_chair(first);
        if s.role == Role::Unknown {
            named
                .iter()
                .skip(1)
                .map(|f| speakers::resolve(f))
                .find(|r| r.role != Role::Unknown && r.confidence >= 1.0)
                .unwrap_or(s)
        } else {
            s
        }
    };
    // The fields after the affiliation: a function (`Representative`,
    // `Co-Chair`) or a person (`Ana Lopez`); the first of each is kept.
    for f in named.iter().skip(1) {
        if is_function(f) {
            speaker.function.get_or_insert_with(|| text::normalize(f));
        } else if is_person(f) {
            speaker.person.get_or_insert_with(|| text::normalize(f));
        }
    }
    if let Some(g) = group {
        let r = speakers::resolve(g);
        speaker.on_behalf_of = Some(match (r.role, r.name) {
            (Role::Group, Some(name)) => name.into_owned(),
            _ => text::normalize(g),
        });
    }
    speaker.label = label.to_string();
    speaker
}

/// Words that name a function, not a person or a body.
const FUNCTION_WORDS: &[&str] = &[
    "representative",
    "ambassador",
    "chair",
    "co-chair",
    "vice-chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "president",
    "vice-president",
    "minister",
    "deputy",
    "delegate",
    "director",
    "head",
    "secretary",
    "secretary-general",
    "under-secretary-general",
    "officer",
    "counsellor",
    "counselor",
    "adviser",
    "advisor",
    "observer",
    "moderator",
    "rapporteur",
    "facilitator",
    "co-facilitator",
    "coordinator",
    "expert",
    "envoy",
    "attaché",
    "commissioner",
    "chief",
    "spokesperson",
    "panellist",
    "panelist",
    "speaker",
];

/// A field that names a function: `Representative`, `Co-Chair`,
/// `Permanent Representative`, `Director, Disarmament Affairs`.
fn is_function(f: &str) -> bool {
    f.split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| FUNCTION_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// A field, or a bold line of its own, that names a person: two to five
/// capitalised words (particles such as `de` allowed) that are neither a
/// function nor anything the registry knows, or a name after an
/// honorific (`Dr. Ana Lopez`, `H.E. Mr. Tan`).
fn is_person(f: &str) -> bool {
    const HONORIFICS: &[&str] = &["Mr.", "Ms.", "Mrs.", "Dr.", "H.E.", "Prof.", "Amb."];
    const PARTICLES: &[&str] = &[
        "de", "da", "del", "van", "von", "bin", "al", "la", "le", "di",
    ];
    let words: Vec<&str> = f.split_whitespace().collect();
    if f.contains('|') || words.is_empty() || words.len() > 6 || is_function(f) {
        return false;
    }
    if HONORIFICS.contains(&words[0]) {
        return words.len() >= 2;
    }
    let shaped = (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            PARTICLES.contains(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
                    && w.chars().any(char::is_lowercase)
        });
    let known = speakers::resolve(f);
    shaped && (known.role == Role::Unknown || known.confidence < 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_line_joins_the_turn_and_headers_are_kept() {
        let src = "# Plenary (5 Jun 2026)\n\n## Morning\n\n---\n\n**EU | Representative | (EU)**\n\n**Ana Lopez**\n\nThe EU [welcomes](https://example.org) this.\n";
        let s = parse(src).unwrap();
        assert_eq!(s.meta.date.as_deref(), Some("2026-06-05"));
        assert_eq!(s.meta.title.as_deref(), Some("Plenary"));
        let kinds: Vec<HeaderKind> = s.headers.iter().map(|h| h.kind).collect();
        assert_eq!(
            kinds,
            [HeaderKind::Title, HeaderKind::Note, HeaderKind::Rule]
        );
        assert_eq!(s.statements.len(), 1);
        let st = &s.statements[0];
        assert_eq!(st.speaker.label, "EU | Representative | (EU)");
        assert_eq!(st.speaker.on_behalf_of.as_deref(), Some("European Union"));
        assert_eq!(st.speaker.person.as_deref(), Some("Ana Lopez"));
        assert_eq!(st.speaker.function.as_deref(), Some("Representative"));
        assert_eq!(st.text, "The EU [welcomes](https://example.org) this.");
        assert!(st.span.slice(src).starts_with("**EU"));
        assert_eq!(st.label_span.slice(src), "EU | Representative | (EU)");
        assert!(s.skipped.is_empty());
    }

    #[test]
    fn the_title_again_between_turns_is_page_furniture() {
        use crate::formats::texts_and_skipped;
        let src = "# Plenary (5 Jun 2026)\n\n## Morning\n\n**WG | Chair**\n\nWelcome.\n\n\
                   # Plenary (5 Jun 2026)\n\n## Morning\n\n**Chile | Representative**\n\n\
                   Thank you.\n\n---\n\n## Morning\n";
        let (texts, skipped) = texts_and_skipped(src);
        // A rule or a heading alone is the speaker's: a repeat starts at
        // the title.
        assert_eq!(texts, ["Welcome.", "Thank you.\n\n---\n\n## Morning"]);
        assert_eq!(
            skipped,
            [(
                "# Plenary (5 Jun 2026)\n\n## Morning",
                SkipReason::PageFurniture
            )]
        );
    }

    #[test]
    fn fields_are_typed_as_person_and_function() {
        let who = |l: &str| {
            let s = resolve(l);
            (s.person, s.function, s.iso3.map(String::from))
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            who("Mexico | Dr. Luis Ortega | Permanent Representative"),
            (
                s("Dr. Luis Ortega"),
                s("Permanent Representative"),
                s("MEX")
            )
        );
        assert_eq!(
            who("UN Office for Disarmament Affairs | Director"),
            (None, s("Director"), None)
        );
        // A state or a group in a field is not a person.
        assert_eq!(who("Chile | Peru"), (None, None, s("CHL")));
        assert_eq!(who("Chile | European Union"), (None, None, s("CHL")));
        // Lower-case words and single words are not names.
        assert_eq!(who("Chile | some note"), (None, None, s("CHL")));
        assert_eq!(who("Chile | Lopez"), (None, None, s("CHL")));
        // A person line under a speaker line that names a person already
        // does not replace it; one that is a state is not a person.
        let src = "**Chile | Ana Lopez | Representative**\n\n**Marta Ruiz**\n\nText.\n\n\
                   **Peru | Representative**\n\n**Bolivia**\n\nMore.\n";
        let got = parse(src).unwrap();
        assert_eq!(
            got.statements[0].speaker.person.as_deref(),
            Some("Ana Lopez")
        );
        assert_eq!(got.statements[1].speaker.person, None);
    }

    #[test]
    fn a_title_without_a_date_or_session() {
        let s = parse("# Notes\n").unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("Notes"));
        assert_eq!((s.meta.date, s.meta.session), (None, None));
        assert!(s.statements.is_empty());
    }

    #[test]
    fn prose_alone_is_an_error() {
        let err = parse("\nSome prose.\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (2, 1));
        assert!(err.to_string().contains("**Affiliation | Function**"));
    }
}

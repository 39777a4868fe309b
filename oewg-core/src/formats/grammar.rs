//! The line grammar the layouts share, as small named nom parsers over one
//! trimmed line: speaker labels, `Speaker: text` turns, `>> SPEAKER:`
//! captions, headers, date lines, counts and list items.
//!
//! Each parser returns what it recognised and the rest of the line, so the
//! caller knows the byte offset of every piece (`line.len() - rest.len()`).

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_till1, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, space0, space1, u32 as dec_u32};
use nom::combinator::{eof, map, opt, recognize, rest, verify};
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

/// Longest speaker label we accept, in characters.
const MAX_LABEL_CHARS: usize = 80;
/// Most words a speaker label may have.
const MAX_LABEL_WORDS: usize = 10;

/// Small words that stay lower case inside a name ("Republic of Korea",
/// "Nigeria on behalf of the African Group", "Côte d'Ivoire", "Brazil,
/// also on behalf of Argentina", "Mr. Kim (spoke in Korean)"). A match,
/// which compiles to a switch on the length: every paragraph's first
/// line is asked.
fn is_particle(w: &[u8]) -> bool {
    matches!(
        w,
        b"of"
            | b"the"
            | b"and"
            | b"for"
            | b"on"
            | b"behalf"
            | b"de"
            | b"del"
            | b"la"
            | b"le"
            | b"les"
            | b"des"
            | b"du"
            | b"da"
            | b"van"
            | b"von"
            | b"der"
            | b"y"
            | b"et"
            | b"in"
            | b"at"
            | b"to"
            | b"&"
            | b"e"
            | b"ter"
            | b"ten"
            | b"bin"
            | b"al"
            | b"also"
            | b"speaking"
            | b"spoke"
    )
}

/// The nouns a label of two words may end with in lower case, after a
/// name or an adjective: "Chinese delegation", "Like-minded group",
/// "Nordic countries", "Unidentified speaker" (not "The group", "Next
/// speaker").
fn is_label_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"delegation"
            | b"delegations"
            | b"group"
            | b"countries"
            | b"states"
            | b"speaker"
            | b"member"
            | b"participant"
    )
}

/// Whether a closing noun names a party ("Chinese delegation", "Nordic
/// countries"): then the registry must know the label ("Working group",
/// "Many delegations", "Small states" are words of a speech).
fn names_a_party(w: &[u8]) -> bool {
    !matches!(w, b"speaker" | b"member" | b"participant")
}

/// Whether the registry knows `label`.
fn known(label: &str) -> bool {
    crate::speakers::resolve(label).role != crate::Role::Unknown
}

/// Whether `line` is an initialism written with full stops ("U.S.",
/// "U.K."): a label, though it ends as a sentence does.
fn is_initialism(line: &str) -> bool {
    let last = line.as_bytes();
    last.len() >= 4
        && last.len().is_multiple_of(2)
        && last
            .chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

/// True when `line` (already trimmed) reads as a speaker label standing on a
/// line of its own: short, no closing punctuation, every word capitalised
/// except name particles. "Costa Rica, you have the floor please" is a
/// sentence, "Republic of Korea" a label.
///
/// ```
/// use oewg_core::formats::grammar::is_speaker_label;
/// assert!(is_speaker_label("Pacific Islands Forum – Tonga"));
/// assert!(is_speaker_label("UNIDIR Giacomo Persi Pauli"));
/// assert!(!is_speaker_label("Costa Rica, you have the floor please"));
/// assert!(!is_speaker_label("Thank you, Israel. UK, please."));
/// assert!(!is_speaker_label("C:\\records\\session.txt"));
/// assert!(!is_speaker_label("Records/session.txt"));
/// assert!(is_speaker_label("Chair/Moderator"));
/// assert!(is_speaker_label("Co-Chair/Ms.Ng"));
/// ```
pub fn is_speaker_label(line: &str) -> bool {
    // A web page's `Chile&nbsp;`: the label is `Chile`.
    if line.ends_with(';') || line.starts_with('&') {
        let bare = crate::text::trim_space_entities(line);
        if bare.len() < line.len() {
            return is_speaker_label(bare);
        }
    }
    let Some(first) = line.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() && line.chars().any(char::is_alphabetic)) {
        return false;
    }
    if line.ends_with(['.', '?', '!', ',', ';', ':', '"', '\u{201d}'])
        && !line.ends_with("Mr.")
        && !is_initialism(line)
    {
        return false;
    }
    // Asked of every paragraph's first line: characters are counted only
    // when the bytes do not settle it (a character takes one to four).
    let too_long = line.len() > MAX_LABEL_CHARS * 4
        || line.len() > MAX_LABEL_CHARS && line.chars().count() > MAX_LABEL_CHARS;
    if too_long || is_file_path(line) {
        return false;
    }
    if line.is_ascii() {
        return ascii_label_words(line.as_bytes());
    }
    label_words(line)
}

/// A file's path, not a name: a backslash ("C:\records\x.txt"), or a
/// slash in a line of one word that ends in a file's extension, in lower
/// case ("Records/x.txt", "exports/corpus.jsonl"; not "Chair/Mr.Lee").
/// No speaker's label holds either; a path given where a record's text
/// goes would otherwise read as a record of one silent speaker.
fn is_file_path(line: &str) -> bool {
    let b = line.as_bytes();
    if memchr::memchr(b'\\', b).is_some() {
        return true;
    }
    let extension = |e: &[u8]| {
        (1..=8).contains(&e.len())
            && e.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    memchr::memchr(b'/', b).is_some()
        && memchr::memchr(b' ', b).is_none()
        && memchr::memrchr(b'.', b).is_some_and(|dot| extension(&b[dot + 1..]))
}

/// The words of a line short enough to be a label read as a label's: at
/// most [`MAX_LABEL_WORDS`], each capitalised, a particle or elided before
/// a capital; and no markup.
fn label_words(line: &str) -> bool {
    let mut words = 0;
    let end = line.trim_end().len();
    let mut first: &[u8] = b"";
    let mut party = false;
    for word in line.split_whitespace() {
        words += 1;
        if words > MAX_LABEL_WORDS {
            return false;
        }
        if words == 1 {
            first = word.as_bytes();
        }
        let Some(c) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        // Most words of a label are capitalised: only the others are
        // looked at further.
        if !c.is_lowercase() {
            continue;
        }
        let bare = word.trim_matches(['(', ')', ',']);
        // "d'Ivoire", "l'Homme": an elided particle before a capital.
        let elided = ELIDED.iter().any(|p| {
            bare.strip_prefix(p)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        });
        let last = word.as_ptr() as usize + word.len() == line.as_ptr() as usize + end;
        let bare = bare.as_bytes();
        let particle = is_particle(bare) && !(last && is_linking(bare));
        let noun = last && words == 2 && is_label_noun(bare) && names_with_noun(first);
        if !(elided || particle || noun || is_entity(bare)) {
            return false;
        }
        party |= noun && names_a_party(bare);
    }
    // Last, as most lines fail sooner.
    !line.contains(['<', '>', '{', '}', '|']) && (!party || known(line))
}

/// The elided particles of names ("d'Ivoire", "l'Homme"), their
/// apostrophe straight, curly, or an entity of a page's markup.
const ELIDED: [&str; 8] = [
    "d'",
    "d\u{2019}",
    "l'",
    "l\u{2019}",
    "d&#39;",
    "l&#39;",
    "d&rsquo;",
    "l&rsquo;",
];

/// Whether a label of two words, `first` then a closing noun, names a
/// speaker: the first word a name or an adjective, not a determiner.
fn names_with_noun(first: &[u8]) -> bool {
    first.first().is_some_and(u8::is_ascii_uppercase)
        && !matches!(
            first,
            b"The"
                | b"This"
                | b"That"
                | b"Our"
                | b"Your"
                | b"Their"
                | b"Each"
                | b"Every"
                | b"Any"
                | b"Other"
                | b"Another"
                | b"Next"
                | b"Previous"
                | b"Last"
                | b"First"
                | b"Finally"
                | b"Member"
                | b"Some"
                | b"All"
                | b"Both"
        )
}

/// Linking words a label holds only before more of it ("also on behalf
/// of", "spoke in Korean"): "Kenya also", "Egypt spoke" are sentences.
fn is_linking(w: &[u8]) -> bool {
    matches!(w, b"also" | b"speaking" | b"spoke")
}

/// A word that is one HTML entity (`&ndash;`, `&amp;`): a mark a web
/// page's markup wrote, no word of the label's.
fn is_entity(word: &[u8]) -> bool {
    matches!(word, [b'&', name @ .., b';'] if (2..=8).contains(&name.len())
        && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'#'))
}

/// [`label_words`] for an ASCII line, byte by byte instead of character
/// by character: most labels are ASCII, and every block's first line is
/// asked.
fn ascii_label_words(line: &[u8]) -> bool {
    let mut words = 0;
    // The end of the last word, where a closing noun may stand.
    let end = line
        .iter()
        .rposition(|&b| !crate::text::ascii_space(b))
        .map_or(0, |i| i + 1);
    let mut first: &[u8] = b"";
    let mut party = false;
    let split = line.split(|&b| crate::text::ascii_space(b));
    for word in split.filter(|w| !w.is_empty()) {
        words += 1;
        if words > MAX_LABEL_WORDS {
            return false;
        }
        if words == 1 {
            first = word;
        }
        match word.iter().find(|b| b.is_ascii_alphabetic()) {
            Some(c) if c.is_ascii_lowercase() => {}
            _ => continue,
        }
        let paren = |b: &u8| matches!(b, b'(' | b')' | b',');
        let from = word.iter().position(|b| !paren(b)).unwrap_or(word.len());
        let to = word.iter().rposition(|b| !paren(b)).map_or(from, |i| i + 1);
        let bare = &word[from..to];
        let elided = ELIDED.iter().any(|p| {
            bare.strip_prefix(p.as_bytes())
                .and_then(|r| r.first())
                .is_some_and(u8::is_ascii_uppercase)
        });
        let last = word.as_ptr() as usize + word.len() == line.as_ptr() as usize + end;
        let particle = is_particle(bare) && !(last && is_linking(bare));
        let noun = last && words == 2 && is_label_noun(bare) && names_with_noun(first);
        if !(elided || particle || noun || is_entity(bare)) {
            return false;
        }
        party |= noun && names_a_party(bare);
    }
    // Every byte is looked at, without stopping at the first mark: a loop
    // the compiler turns into vector instructions (labels have none).
    let marked = line.iter().fold(false, |marked, &b| {
        marked | (b == b'<') | (b == b'>') | (b == b'{') | (b == b'}') | (b == b'|')
    });
    // ASCII: a character boundary everywhere.
    !marked && (!party || std::str::from_utf8(line).is_ok_and(known))
}

/// What may stand between a turn's label and its colon: a no-break space
/// or a narrow one, as French typography sets them. Not a plain space:
/// "Source : UN" and "Note : …" inside a speech would open turns.
const AROUND_COLON: [char; 2] = ['\u{a0}', '\u{202f}'];
/// What may follow a turn's colon: those, and a tab.
const AFTER_COLON: [char; 4] = [' ', '\t', '\u{a0}', '\u{202f}'];

/// `Speaker: text` — the label before the first colon, which must read as a
/// speaker label. Returns the rest of the line (the turn's first words) and
/// the label.
///
/// ```
/// use oewg_core::formats::grammar::colon_turn;
/// assert_eq!(colon_turn("Chile: Thank you, Chair."), Ok(("Thank you, Chair.", "Chile")));
/// assert!(colon_turn("The following were discussed: a, b").is_err());
/// ```
pub fn colon_turn(line: &str) -> IResult<&str, &str> {
    // Every line of a record is tried as a turn. A label is short, so look
    // for its colon only where it can be, with memchr: a long paragraph
    // line then costs nothing.
    // The first colon found, the label is what precedes it, read once
    // (a colon is ASCII: the cut is a character boundary).
    let window = &line.as_bytes()[..line.len().min(MAX_LABEL_CHARS * 4 + 1)];
    let fail = || {
        Err(nom::Err::Error(nom::error::Error::new(
            line,
            nom::error::ErrorKind::TakeTill1,
        )))
    };
    let Some(colon) = memchr::memchr(b':', window) else {
        return fail();
    };
    // A no-break space before the colon is French typography
    // ("Cuba\u{a0}: Merci"), not the label's; so is one its page's markup
    // wrote ("Cuba&nbsp;: Merci").
    let mut label = line[..colon].trim_end_matches(AROUND_COLON);
    if label.ends_with(';') || label.starts_with('&') {
        label = crate::text::trim_space_entities(label);
    }
    if label.is_empty() || label != label.trim_end() || !is_speaker_label(label) {
        return fail();
    }
    // A space, a tab or a no-break space (a web page's `&nbsp;`) after
    // the colon, or nothing.
    let after = &line[colon + 1..];
    let mut rest = after.trim_start_matches(AFTER_COLON);
    while rest.starts_with('&') {
        let next = crate::text::trim_space_entity_start(rest);
        if next.len() == rest.len() {
            break;
        }
        rest = next.trim_start_matches(AFTER_COLON);
    }
    if rest.len() == after.len() && !after.is_empty() {
        return fail();
    }
    Ok((rest, label))
}

/// `**Chile:** text` or `**Chile**: text`: a turn whose label is bold, as
/// transcripts written in Markdown by chat tools set it. The rest of the
/// line and the label.
///
/// ```
/// use oewg_core::formats::grammar::bold_colon_turn;
/// assert_eq!(bold_colon_turn("**Chile:** Thank you."), Some(("Thank you.", "Chile")));
/// assert_eq!(bold_colon_turn("**Chile**: Thank you."), Some(("Thank you.", "Chile")));
/// assert_eq!(bold_colon_turn("**Chile** thanks you."), None);
/// ```
pub fn bold_colon_turn(line: &str) -> Option<(&str, &str)> {
    let inner = line.strip_prefix("**")?;
    let window = &inner.as_bytes()[..inner.len().min(MAX_LABEL_CHARS * 4 + 2)];
    let close = memchr::memmem::find(window, b"**")?;
    let (label, after) = match inner[..close].strip_suffix(':') {
        Some(label) => (label, &inner[close + 2..]),
        None => (&inner[..close], inner[close + 2..].strip_prefix(':')?),
    };
    let label = label.trim_end_matches(AROUND_COLON);
    if label.is_empty() || label != label.trim() || !is_speaker_label(label) {
        return None;
    }
    let rest = after.trim_start_matches(AFTER_COLON);
    (rest.len() < after.len() || after.is_empty()).then_some((rest, label))
}

/// `>> SPEAKER: text` or `>> text` — a live-caption turn. Returns the rest
/// of the line and the label, if the caption names one.
///
/// ```
/// use oewg_core::formats::grammar::caption_turn;
/// assert_eq!(caption_turn(">> CHAIR: Good morning."), Ok(("Good morning.", Some("CHAIR"))));
/// assert_eq!(caption_turn(">> Thank you."), Ok(("Thank you.", None)));
/// ```
pub fn caption_turn(line: &str) -> IResult<&str, Option<&str>> {
    preceded((tag(">>"), space0), opt(colon_turn)).parse(line)
}

/// `Session 1-9 Transcript` — substantive session and meeting.
///
/// ```
/// use oewg_core::formats::grammar::session_title;
/// assert_eq!(session_title("Session 1-9 Transcript"), Ok(("", (1, 9))));
/// ```
pub fn session_title(line: &str) -> IResult<&str, (u32, u32)> {
    map(
        (
            tag_no_case("Session"),
            space1,
            dec_u32,
            alt((tag("-"), tag("\u{2013}"), tag("."))),
            dec_u32,
            space1,
            tag_no_case("Transcript"),
            space0,
            eof,
        ),
        |(_, _, session, _, meeting, _, _, _, _)| (session, meeting),
    )
    .parse(line)
}

/// What a title line of a verbatim transcript says; see [`title_parts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleParts<'a> {
    /// Substantive session and meeting (`Session 4-2`).
    pub session: Option<(u32, u32)>,
    /// The process in parentheses (`(OEWG 2021-25)`).
    pub process: Option<&'a str>,
}

/// A verbatim transcript's title line in any of the ways it comes:
/// whole (`Session 1-9 Transcript`), with the process on it (`Session 1-9
/// Transcript (OEWG 2021-25)`), or split over two lines (`Session 4-2`,
/// then `Transcript (OEWG 2021-25)`). A line with neither session nor
/// `Transcript` is not a title; a process alone is [`process_line`].
///
/// ```
/// use oewg_core::formats::grammar::title_parts;
/// let (_, t) = title_parts("Session 4-2 Transcript (OEWG 2021-25)").unwrap();
/// assert_eq!((t.session, t.process), (Some((4, 2)), Some("OEWG 2021-25")));
/// let (_, t) = title_parts("Transcript (OEWG 2021-25)").unwrap();
/// assert_eq!((t.session, t.process), (None, Some("OEWG 2021-25")));
/// assert_eq!(title_parts("Session 4-2").unwrap().1.session, Some((4, 2)));
/// assert!(title_parts("Session 4-2 of the year").is_err());
/// ```
pub fn title_parts(line: &str) -> IResult<&str, TitleParts<'_>> {
    // A title opens with `Session` or `Transcript` (only ASCII letters
    // lower to theirs): every line of the detection window is asked, and
    // the others fail here without the parser's cost.
    let opens = |word: &str| {
        line.as_bytes()
            .get(..word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
    };
    if !opens("session") && !opens("transcript") {
        return Err(nom::Err::Error(nom::error::Error::new(
            line,
            nom::error::ErrorKind::Tag,
        )));
    }
    parse_title(line)
}

/// [`title_parts`] without the test of its first byte.
fn parse_title(line: &str) -> IResult<&str, TitleParts<'_>> {
    let session_number = map(
        (
            tag_no_case("Session"),
            space1,
            dec_u32,
            alt((tag("-"), tag("\u{2013}"), tag("."))),
            dec_u32,
        ),
        |(_, _, session, _, meeting)| (session, meeting),
    );
    verify(
        map(
            (
                opt(terminated(session_number, space0)),
                opt(terminated(tag_no_case("Transcript"), space0)),
                opt(process_in_parens),
                space0,
                eof,
            ),
            |(session, transcript, process, _, _)| {
                (
                    session.is_some() || transcript.is_some(),
                    TitleParts { session, process },
                )
            },
        ),
        |(titled, _)| *titled,
    )
    .parse(line)
    .map(|(rest, (_, parts))| (rest, parts))
}

fn process_in_parens(input: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        verify(take_till1(|c| c == ')'), |p: &str| {
            p.len() <= 60 && p.chars().next().is_some_and(char::is_uppercase)
        }),
        char(')'),
    )
    .parse(input)
}

/// `[1:15]` or `[1:02:03]`: a time offset in the recording, as seconds.
///
/// ```
/// use oewg_core::formats::grammar::time_stamp;
/// assert_eq!(time_stamp("[1:15]"), Ok(("", 75)));
/// assert_eq!(time_stamp("[1:02:03]"), Ok(("", 3723)));
/// assert!(time_stamp("[1:75]").is_err());
/// ```
pub fn time_stamp(input: &str) -> IResult<&str, u32> {
    fn sixty(i: &str) -> IResult<&str, u32> {
        verify(
            map(
                take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
                |d: &str| d.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')),
            ),
            |n| *n < 60,
        )
        .parse(i)
    }
    // Hours or minutes lead: bounded so that the sum cannot overflow.
    let lead = verify(dec_u32, |n| *n < 100_000);
    map(
        delimited(
            char('['),
            (
                lead,
                preceded(char(':'), sixty),
                opt(preceded(char(':'), sixty)),
            ),
            char(']'),
        ),
        |(a, b, c)| match c {
            Some(c) => a * 3600 + b * 60 + c,
            None => a * 60 + b,
        },
    )
    .parse(input)
}

/// `Peru · Group of Latin American and Caribbean States [3:40]:` — the
/// speaker line of a speech-recognition transcript, alone on its line.
/// Returns the label (speaker and group, as written) and the offset in
/// seconds.
///
/// ```
/// use oewg_core::formats::grammar::asr_speaker_line;
/// assert_eq!(asr_speaker_line("HRC · President [0:02]:"), Ok(("", ("HRC · President", 2))));
/// assert!(asr_speaker_line("Chile [1:15]: Thank you.").is_err());
/// ```
pub fn asr_speaker_line(line: &str) -> IResult<&str, (&str, u32)> {
    terminated(stamped_label, (char(':'), space0, eof)).parse(line)
}

/// A label followed by a time stamp, `Co-Chair [0:02]`.
fn stamped_label(input: &str) -> IResult<&str, (&str, u32)> {
    // A label is short: give up on a long line before scanning it.
    let window = &input.as_bytes()[..input.len().min(MAX_LABEL_CHARS * 8)];
    if memchr::memchr(b'[', window).is_none() {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeTill1,
        )));
    }
    let label = verify(take_till1(|c| c == '[' || c == ':'), |l: &str| {
        let l = l.trim_end();
        l.chars().next().is_some_and(|c| c.is_alphanumeric())
            && l.chars().count() <= MAX_LABEL_CHARS * 2
    });
    map(pair(label, time_stamp), |(l, t)| (l.trim_end(), t)).parse(input)
}

/// `Co-Chair [0:02]: text` — a colon turn whose label carries a time
/// stamp, as captions (`>> NAME [0:02]:`) and exports of them give it.
/// Returns the rest of the line, the label and the offset in seconds.
///
/// ```
/// use oewg_core::formats::grammar::stamped_turn;
/// assert_eq!(stamped_turn("Co-Chair [0:02]: Welcome."), Ok(("Welcome.", ("Co-Chair", 2))));
/// assert!(stamped_turn("Co-Chair: Welcome.").is_err());
/// // French typography: a no-break space before the colon.
/// assert_eq!(stamped_turn("Cuba [1:00]\u{a0}: Merci."), Ok(("Merci.", ("Cuba", 60))));
/// ```
pub fn stamped_turn(line: &str) -> IResult<&str, (&str, u32)> {
    // Around the colon, what `colon_turn` takes there.
    terminated(
        verify(stamped_label, |(l, _)| is_speaker_label(l)),
        (
            take_while(|c| AROUND_COLON.contains(&c)),
            char(':'),
            alt((take_while1(|c| AFTER_COLON.contains(&c)), eof)),
        ),
    )
    .parse(line)
}

/// A date in the forms records write it, and an optional start time:
/// `12 March 2026`, `5 June 2026, 14:00 UTC`, `June 5, 2026 - 09:00AM`,
/// `Mar 3, 2026`. Returns the ISO date and the time as `HH:MM`.
///
/// ```
/// use oewg_core::formats::grammar::loose_date;
/// assert_eq!(loose_date("June 5, 2026 - 09:00PM"), Ok(("", ("2026-06-05".into(), Some("21:00".into())))));
/// assert_eq!(loose_date("5 June 2026, 14:00 UTC").unwrap().1 .1.as_deref(), Some("14:00"));
/// assert_eq!(loose_date("Mar 3, 2026").unwrap().1, ("2026-03-03".into(), None));
/// assert!(loose_date("March 2026").is_err());
/// ```
pub fn loose_date(line: &str) -> IResult<&str, (String, Option<String>)> {
    let day = || verify(dec_u32, |d| (1..=31).contains(d));
    let year = || verify(dec_u32, |y| (1900..=2999).contains(y));
    let dmy = map(
        (day(), space1, month, opt(char(',')), space1, year()),
        |(d, _, m, _, _, y)| (d, m, y),
    );
    let mdy = map(
        (month, space1, day(), opt(char(',')), space1, year()),
        |(m, _, d, _, _, y)| (d, m, y),
    );
    let time = preceded(
        (
            opt(char(',')),
            space0,
            opt(alt((tag("-"), tag("\u{2013}"), tag("at")))),
            space0,
        ),
        clock12,
    );
    let zone = opt(preceded(
        space1,
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == ':'),
    ));
    map(
        (
            verify(alt((dmy, mdy)), |&(d, m, y)| is_real_date(d, m, y)),
            opt(terminated(time, zone)),
            space0,
            eof,
        ),
        |((d, m, y), time, _, _)| (format!("{y:04}-{m:02}-{d:02}"), time),
    )
    .parse(line)
}

/// True for a day the calendar has: `31 Feb` is no date, `29 Feb 2024` is.
///
/// ```
/// use oewg_core::formats::grammar::is_real_date;
/// assert!(is_real_date(29, 2, 2024) && !is_real_date(29, 2, 2025));
/// assert!(!is_real_date(31, 4, 2026) && is_real_date(31, 12, 2026));
/// ```
pub fn is_real_date(day: u32, month: u32, year: u32) -> bool {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// `09:00AM`, `9:00 pm`, `14:00`, `14:00h` as `HH:MM`, 24-hour.
fn clock12(input: &str) -> IResult<&str, String> {
    let (rest, hm) = clock(input)?;
    let (rest, half) = opt(preceded(
        space0,
        alt((
            map(tag_no_case("am"), |_| false),
            map(tag_no_case("pm"), |_| true),
        )),
    ))
    .parse(rest)?;
    let (h, m) = hm.split_at(2);
    let hour: u32 = h.parse().unwrap_or(0);
    if hour > 23 || half.is_some() && !(1..=12).contains(&hour) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let hour = match half {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    Ok((rest, format!("{hour:02}{m}")))
}

/// `---`, `***`, `___`: a horizontal rule of three or more marks.
///
/// ```
/// use oewg_core::formats::grammar::horizontal_rule;
/// assert!(horizontal_rule("***").is_ok());
/// assert!(horizontal_rule("- -").is_err());
/// ```
pub fn horizontal_rule(line: &str) -> IResult<&str, &str> {
    terminated(
        alt((
            take_while_m_n(3, usize::MAX, |c| c == '-'),
            take_while_m_n(3, usize::MAX, |c| c == '*'),
            take_while_m_n(3, usize::MAX, |c| c == '_'),
        )),
        (space0, eof),
    )
    .parse(line)
}

/// The session and meeting numbers a title names: `7th Meeting - 61st
/// Session of …`, `Session 4 | …`, `Meeting 12`. Either may be absent.
///
/// ```
/// use oewg_core::formats::grammar::session_and_meeting;
/// assert_eq!(session_and_meeting("7th Meeting - 61st Session of Human Rights Council"), (Some(61), Some(7)));
/// assert_eq!(session_and_meeting("Session 4 | Consultations"), (Some(4), None));
/// assert_eq!(session_and_meeting("Sessions of note"), (None, None));
/// ```
pub fn session_and_meeting(title: &str) -> (Option<u32>, Option<u32>) {
    fn number(word: &str) -> Option<u32> {
        let parsed: IResult<&str, u32> = terminated(
            dec_u32,
            opt(alt((
                tag_no_case("st"),
                tag_no_case("nd"),
                tag_no_case("rd"),
                tag_no_case("th"),
            ))),
        )
        .parse(word);
        match parsed {
            Ok(("", n)) => Some(n),
            _ => None,
        }
    }
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | '#'))
        .filter(|w| !w.is_empty())
        .take(64)
        .collect();
    let (mut session, mut meeting) = (None, None);
    for (i, w) in words.iter().enumerate() {
        let slot = if w.eq_ignore_ascii_case("session") {
            &mut session
        } else if w.eq_ignore_ascii_case("meeting") {
            &mut meeting
        } else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        // "61st Session" or "Session 4".
        *slot = i
            .checked_sub(1)
            .and_then(|p| number(words[p]))
            .or_else(|| words.get(i + 1).and_then(|n| number(n)));
    }
    (session, meeting)
}

/// `(OEWG 2021-25)` — the process, in parentheses on a line of its own.
///
/// ```
/// use oewg_core::formats::grammar::process_line;
/// assert_eq!(process_line("(OEWG 2021-25)"), Ok(("", "OEWG 2021-25")));
/// ```
pub fn process_line(line: &str) -> IResult<&str, &str> {
    terminated(
        delimited(
            char('('),
            verify(take_till1(|c| c == ')'), |p: &str| {
                p.len() <= 60 && p.chars().next().is_some_and(char::is_uppercase)
            }),
            char(')'),
        ),
        (space0, eof),
    )
    .parse(line)
}

/// A calendar date and an optional time slot:
/// `21 Feb 2025 15:00h - 18:00h`. Returns the ISO date and the slot.
///
/// ```
/// use oewg_core::formats::grammar::date_time_line;
/// let (_, (date, slot)) = date_time_line("21 Feb 2025 15:00h - 18:00h").unwrap();
/// assert_eq!(date, "2025-02-21");
/// assert_eq!(slot, Some(("15:00".to_string(), "18:00".to_string())));
/// ```
#[allow(clippy::type_complexity)] // (date, optional (start, end)) reads plainly.
pub fn date_time_line(line: &str) -> IResult<&str, (String, Option<(String, String)>)> {
    map(
        (
            verify(
                (
                    verify(dec_u32, |d| (1..=31).contains(d)),
                    space1,
                    month,
                    space1,
                    verify(dec_u32, |y| (1900..=2999).contains(y)),
                ),
                |&(d, _, m, _, y)| is_real_date(d, m, y),
            ),
            opt(preceded(
                space1,
                (
                    clock,
                    delimited(space0, alt((tag("-"), tag("\u{2013}"))), space0),
                    clock,
                ),
            )),
            space0,
            eof,
        ),
        |((day, _, month, _, year), slot, _, _)| {
            (
                format!("{year:04}-{month:02}-{day:02}"),
                slot.map(|(a, _, b)| (a, b)),
            )
        },
    )
    .parse(line)
}

fn month(input: &str) -> IResult<&str, u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (rest, word) = take_while_m_n(3, 9, |c: char| c.is_ascii_alphabetic()).parse(input)?;
    let lower = word.to_ascii_lowercase();
    match MONTHS.iter().position(|m| lower.starts_with(m)) {
        Some(i) => Ok((rest, i as u32 + 1)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// `15:00h` or `15:00` as `15:00`.
fn clock(input: &str) -> IResult<&str, String> {
    map(
        terminated(
            recognize(verify(
                (
                    take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                    char(':'),
                    take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
                ),
                // A time of day: `25:99` is none.
                |(h, _, m): &(&str, char, &str)| {
                    h.parse::<u32>().is_ok_and(|h| h <= 23)
                        && m.parse::<u32>().is_ok_and(|m| m <= 59)
                },
            )),
            opt(tag_no_case("h")),
        ),
        |t: &str| {
            if t.len() == 4 {
                format!("0{t}")
            } else {
                t.to_string()
            }
        },
    )
    .parse(input)
}

/// `155 words per minute`, `1470 words`, `567 seconds`: a number followed by
/// the given unit, and nothing else.
///
/// ```
/// use oewg_core::formats::grammar::count_with_unit;
/// assert_eq!(count_with_unit("1470 words", "words"), Ok(("", 1470)));
/// assert!(count_with_unit("many words", "words").is_err());
/// ```
pub fn count_with_unit<'a>(line: &'a str, unit: &str) -> IResult<&'a str, u32> {
    terminated(dec_u32, (space1, tag_no_case(unit), space0, eof)).parse(line)
}

/// `– item`: a list item with an en dash, hyphen, em dash or bullet marker.
/// Returns the item's text.
///
/// ```
/// use oewg_core::formats::grammar::list_item;
/// assert_eq!(list_item("– Canada"), Ok(("", "Canada")));
/// assert!(list_item("Canada").is_err());
/// ```
pub fn list_item(line: &str) -> IResult<&str, &str> {
    match list_item_text(line) {
        Some(item) => Ok(("", item)),
        // Only for its error.
        None => list_item_parser(line),
    }
}

/// [`list_item`]'s item, read by its bytes: the report's list blocks ask
/// every line, most of which are no item, and the parser made an error
/// value for each. The markers' first bytes differ, so the parser takes
/// the one that is there, and fails only when no space or tab follows.
pub(crate) fn list_item_text(line: &str) -> Option<&str> {
    let marker = match line.as_bytes() {
        [b'-' | b'*', ..] => 1,
        [0xE2, 0x80, 0x93 | 0x94 | 0xA2, ..] => 3,
        // The marks as a web page's markup writes them.
        [b'&', ..] => ENTITY_MARKERS
            .iter()
            .find(|m| {
                line.get(..m.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(m))
            })?
            .len(),
        _ => return None,
    };
    let after = &line[marker..];
    let item = after.trim_start_matches([' ', '\t']);
    (item.len() < after.len()).then(|| item.trim_end())
}

/// A list item's marks written as entities: an en dash, an em dash, a
/// bullet, by name or number.
const ENTITY_MARKERS: [&str; 6] = [
    "&ndash;", "&mdash;", "&bull;", "&#8211;", "&#8212;", "&#8226;",
];

/// [`list_item`] by parser combinators: its errors, and in the tests the
/// oracle of its reading by bytes.
fn list_item_parser(line: &str) -> IResult<&str, &str> {
    preceded(
        (
            alt((
                tag("\u{2013}"),
                tag("-"),
                tag("\u{2014}"),
                tag("\u{2022}"),
                tag("*"),
                tag_no_case("&ndash;"),
                tag_no_case("&mdash;"),
                tag_no_case("&bull;"),
                tag("&#8211;"),
                tag("&#8212;"),
                tag("&#8226;"),
            )),
            space1,
        ),
        rest,
    )
    .parse(line)
    .map(|(_, item)| ("", item.trim_end()))
}

/// Splits a listed speaker `Name: description` at the first `": "`.
///
/// ```
/// use oewg_core::formats::grammar::name_and_description;
/// assert_eq!(name_and_description("Pacific Islands Forum – Tonga: On behalf of members"),
///            ("Pacific Islands Forum – Tonga", Some("On behalf of members")));
/// assert_eq!(name_and_description("Chair"), ("Chair", None));
/// ```
pub fn name_and_description(item: &str) -> (&str, Option<&str>) {
    match item.split_once(": ") {
        Some((name, description)) => (name.trim(), Some(description.trim())),
        None => (item.trim(), None),
    }
}

/// Finds "the 9th meeting of the 10th substantive session" in prose and
/// returns (session, meeting).
///
/// ```
/// use oewg_core::formats::grammar::find_meeting_of_session;
/// let t = "This covers the 9th meeting of the 10th Substantive Session of the OEWG.";
/// assert_eq!(find_meeting_of_session(t), Some((10, 9)));
/// ```
pub fn find_meeting_of_session(text: &str) -> Option<(u32, u32)> {
    fn ordinal(i: &str) -> IResult<&str, u32> {
        terminated(
            dec_u32,
            alt((
                tag_no_case("st"),
                tag_no_case("nd"),
                tag_no_case("rd"),
                tag_no_case("th"),
            )),
        )
        .parse(i)
    }
    let phrase = map(
        (
            ordinal,
            space1,
            tag_no_case("meeting of the"),
            space1,
            ordinal,
            space1,
            tag_no_case("substantive session"),
        ),
        |(meeting, _, _, _, session, _, _)| (session, meeting),
    );
    let mut phrase = phrase;
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b" meeting of the ") {
        let at = from + i;
        // Back up over the ordinal ("9th", "10th") that precedes the phrase.
        let start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_ascii_alphanumeric())
            // Past the separator, however many bytes it takes.
            .map_or(0, |(p, c)| p + c.len_utf8());
        if let Ok((_, found)) = phrase.parse(&text[start..]) {
            return Some(found);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn labels_of_groups_persons_and_initialisms() {
        use super::{colon_turn, is_speaker_label};
        for label in [
            "Chinese delegation",
            "Like-minded group",
            "Nordic countries",
            "Unidentified speaker",
            "Audience member",
            "U.S.",
            "Brazil, also on behalf of Argentina",
            "Mr. Kim (Republic of Korea) (spoke in Korean)",
            "Mr. Costa e Silva",
        ] {
            assert!(is_speaker_label(label), "{label}");
        }
        for sentence in [
            "The group met.",
            "Delegations agree with the group",
            "Our group thanks you",
            "We agree.",
            "Thank you U.S.",
            "Thanks to the Chinese delegation",
            "Welcome to the group",
            "Statement on behalf of the group",
            "Speaking for the group",
            "Next speaker",
            "Member states",
            "Finally the speaker",
            "Kenya also",
            "Egypt spoke",
            "Welcome to the U.S.",
            "Position of the group",
            "In the U.S.",
            "Working group",
            "Contact group",
            "Several delegations",
            "Many delegations",
            "Small states",
            "Island states",
        ] {
            assert!(!is_speaker_label(sentence), "{sentence}");
        }
        assert_eq!(colon_turn("U.S.: We agree."), Ok(("We agree.", "U.S.")));
    }

    #[test]
    fn labels_and_turns_written_with_entities() {
        use super::{colon_turn, is_speaker_label, list_item_text};
        for label in [
            "Chile&nbsp;",
            "&#160;Chile",
            "M&eacute;xico",
            "Trinidad &amp; Tobago",
            "Pacific Islands Forum &ndash; Tonga",
            "C&ocirc;te d&#39;Ivoire",
        ] {
            assert!(is_speaker_label(label), "{label}");
        }
        // A lower-case word, not an entity, is still no label's.
        assert!(!is_speaker_label("Chile &amp said"));
        assert!(!is_speaker_label("&nbsp;"));
        assert_eq!(colon_turn("Cuba&nbsp;: Merci."), Ok(("Merci.", "Cuba")));
        assert_eq!(
            colon_turn("Chile:&nbsp;Thank you."),
            Ok(("Thank you.", "Chile"))
        );
        assert_eq!(
            colon_turn("Chile:&#160; &nbsp;Thanks"),
            Ok(("Thanks", "Chile"))
        );
        assert!(colon_turn("Chile:&amp;x").is_err());
        assert_eq!(list_item_text("&ndash; Canada"), Some("Canada"));
        assert_eq!(list_item_text("&BULL;\tCanada"), Some("Canada"));
        assert_eq!(list_item_text("&ndash;Canada"), None);
    }

    #[test]
    fn list_items_are_read_by_bytes_as_by_the_parser() {
        let pieces = [
            "-", "*", "+", "\u{2013}", "\u{2014}", "\u{2022}", "\u{2012}", " ", "\t", "\u{a0}",
            "x", "\u{e9}", "--", "\n", "&ndash;", "&BULL;", "&#8226;", "&nd",
        ];
        for s in crate::text::pieced_texts(&pieces, 20_000, 8, 13) {
            assert_eq!(super::list_item(&s), super::list_item_parser(&s), "{s:?}");
            assert_eq!(
                super::list_item_text(&s),
                super::list_item_parser(&s).ok().map(|(_, item)| item),
                "{s:?}"
            );
        }
    }

    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_labels_are_read_as_any_label_is(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Chair", "chair", "of", "de", "d'Ivoire", "l'Homme", "d'x", "(G77", "China)",
                "(on", "behalf)", ",", "(", "Mr.", "UK", "123", "<b>", "|", "van", "x",
            ]), 0..14),
            sep in proptest::sample::select(vec![" ", "  ", "\t", "\u{b}", "\u{c}", "\r", "\u{1c}"]),
        ) {
            let line = words.join(sep);
            proptest::prop_assert_eq!(ascii_label_words(line.as_bytes()), label_words(&line));
        }
    }

    proptest::proptest! {
        #[test]
        fn titles_are_refused_by_their_first_byte_only_when_the_parser_refuses_them(
            head in proptest::sample::select(vec![
                "", "Session", "session", "SESSION", "Transcript", "transcript", "(", " ",
                "\u{17f}ession", "\u{212a}", "x", "\u{130}",
            ]),
            rest in "[ 0-9.\u{2013}()A-Za-z-]{0,30}",
        ) {
            let line = format!("{head}{rest}");
            proptest::prop_assert_eq!(title_parts(&line).ok(), parse_title(&line).ok());
        }
    }

    #[test]
    fn labels_accept_names_and_reject_sentences() {
        for yes in [
            "Australia",
            "Republic of Korea",
            "Ambassador Gafoor",
            "The Netherlands",
            "Nigeria on behalf of the African Group",
            "Côte d'Ivoire",
            "CHAIR",
            "Mr. Chair",
        ] {
            assert!(is_speaker_label(yes), "{yes}");
        }
        for no in [
            "",
            "Leave a Reply",
            "Thank you, Chair.",
            "this is lower case",
            "Your email address will not be published. Required fields are marked *",
            "A B C D E F G H I J K",
            "<script>alert(1)</script>",
            "1",
        ] {
            assert!(!is_speaker_label(no), "{no}");
        }
    }

    /// The colon turn as the parser combinators read it: the oracle of
    /// the test below.
    fn old_colon_turn(line: &str) -> IResult<&str, &str> {
        let window = &line.as_bytes()[..line.len().min(MAX_LABEL_CHARS * 4 + 1)];
        if memchr::memchr(b':', window).is_none() {
            return Err(nom::Err::Error(nom::error::Error::new(
                line,
                nom::error::ErrorKind::TakeTill1,
            )));
        }
        fn label(l: &str) -> &str {
            l.trim_end_matches(['\u{a0}', '\u{202f}'])
        }
        terminated(
            verify(take_till1(|c| c == ':'), |l: &str| {
                let l = label(l);
                !l.is_empty() && l == l.trim_end() && is_speaker_label(l)
            }),
            (
                char(':'),
                alt((
                    take_while1(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}')),
                    eof,
                )),
            ),
        )
        .parse(line)
        .map(|(rest, l)| (rest, label(l)))
    }

    #[test]
    fn colon_turns_are_read_as_the_combinators_read_them() {
        let pieces = [
            "Chair",
            "Cuba",
            "Mr. Smith",
            "the",
            ":",
            ": ",
            ":\t",
            " ",
            "\t",
            "\u{a0}",
            "\u{202f}",
            " :",
            ":\u{a0}",
            "Thank you",
            "é",
            "Ö",
            "1",
            "<",
            "(Peru)",
            "word ",
        ];
        for s in crate::text::pieced_texts(&pieces, 30_000, 12, 5) {
            assert_eq!(colon_turn(&s).ok(), old_colon_turn(&s).ok(), "{s:?}");
            let t = format!(">> {s}");
            let old = preceded((tag(">>"), space0), opt(old_colon_turn))
                .parse(t.as_str())
                .ok();
            assert_eq!(caption_turn(&t).ok(), old, "{t:?}");
        }
    }

    #[test]
    fn colon_turn_needs_a_label_and_a_space() {
        assert_eq!(colon_turn("Chair:"), Ok(("", "Chair")));
        assert!(colon_turn("Note:the rest").is_err());
        assert_eq!(colon_turn("Chair:\u{a0}"), Ok(("", "Chair")));
        // French typography, and a web page's no-break spaces; not a
        // plain space before the colon ("Source : UN" in a speech).
        assert_eq!(colon_turn("Cuba\u{a0}: Merci."), Ok(("Merci.", "Cuba")));
        assert!(colon_turn("Source : UN").is_err());
        assert_eq!(
            colon_turn("Cuba\u{a0}:\u{a0}We agree."),
            Ok(("We agree.", "Cuba"))
        );
        assert_eq!(colon_turn("Cuba\u{202f}: Oui."), Ok(("Oui.", "Cuba")));
        assert!(colon_turn("Chair :text").is_err());
        assert!(colon_turn(" : text").is_err());
        assert!(colon_turn("Chair\t: text").is_err());
        assert!(colon_turn(": text").is_err());
        assert_eq!(
            colon_turn("Pacific Islands Forum – Tonga: Thank you"),
            Ok(("Thank you", "Pacific Islands Forum – Tonga"))
        );
    }

    #[test]
    fn captions() {
        assert_eq!(caption_turn(">>CHAIR:"), Ok(("", Some("CHAIR"))));
        assert_eq!(caption_turn(">> "), Ok(("", None)));
        assert!(caption_turn("> CHAIR: x").is_err());
    }

    #[test]
    fn headers() {
        assert_eq!(
            session_title("session 10-3 transcript  "),
            Ok(("", (10, 3)))
        );
        assert!(session_title("Session 1-9 Transcript of record").is_err());
        assert!(process_line("(applause)").is_err());
        assert!(process_line("(OEWG 2021-25) and more").is_err());
    }

    #[test]
    fn dates() {
        let (_, (d, slot)) = date_time_line("3 March 2024").unwrap();
        assert_eq!((d.as_str(), slot), ("2024-03-03", None));
        let (_, (_, slot)) = date_time_line("3 Mar 2024 9:30 – 12:00").unwrap();
        assert_eq!(slot, Some(("09:30".into(), "12:00".into())));
        assert!(date_time_line("32 Feb 2025").is_err());
        assert!(date_time_line("21 Foo 2025").is_err());
        // Days and times the calendar and the clock do not have.
        assert!(date_time_line("31 Feb 2025 15:00h - 18:00h").is_err());
        assert!(date_time_line("29 Feb 2025").is_err());
        assert!(date_time_line("29 Feb 2024").is_ok());
        assert!(date_time_line("21 Feb 2025 25:99h - 18:00h").is_err());
        assert!(date_time_line("21 Feb 2025 23:59h - 18:60h").is_err());
        assert!(loose_date("April 31, 2026").is_err());
        assert!(loose_date("5 June 2026, 24:00 UTC").is_err());
    }

    #[test]
    fn counts_and_items() {
        assert_eq!(
            count_with_unit("155 words per minute", "words per minute"),
            Ok(("", 155))
        );
        assert!(count_with_unit("155 words per minute", "words").is_err());
        assert!(count_with_unit("99999999999 words", "words").is_err());
        assert_eq!(list_item("• x "), Ok(("", "x")));
        assert!(list_item("–Canada").is_err());
    }

    #[test]
    fn meeting_phrase_absent_or_malformed() {
        assert_eq!(find_meeting_of_session("no such phrase"), None);
        assert_eq!(find_meeting_of_session(" meeting of the "), None);
        assert_eq!(
            find_meeting_of_session("the 2nd meeting of the 1st substantive session"),
            Some((1, 2))
        );
    }

    /// Found by the `parse` fuzz target: a multi-byte character right
    /// before the ordinal made the ordinal's start fall inside it.
    #[test]
    fn meeting_phrase_after_a_multibyte_character() {
        assert_eq!(
            find_meeting_of_session("the \u{34d}3rd meeting of the 2nd substantive session"),
            Some((2, 3))
        );
        assert_eq!(
            find_meeting_of_session("the \u{34d}d meeting of the 2nd substantive session"),
            None
        );
        assert_eq!(
            find_meeting_of_session("\u{1f600} meeting of the 2nd substantive session"),
            None
        );
    }
}

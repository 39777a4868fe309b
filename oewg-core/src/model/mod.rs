//! The data model: what a parsed record is. Every type owns its data and
//! derives serde, so a [`Session`] can be stored, sent to Python or
//! JavaScript, and read back unchanged.

mod report;
mod verify;

pub use report::*;
pub use verify::Violation;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// A byte range in the source together with the 1-based numbers of its first
/// and last lines. `source[span.start..span.end]` is the raw text the item
/// was read from.
///
/// ```
/// use oewg_core::Span;
/// let src = "Chile\n\nThank you.";
/// let s = Span::new(7, 17, 3, 3);
/// assert_eq!(s.slice(src), "Thank you.");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// 1-based number of the first line.
    pub line_start: usize,
    /// 1-based number of the last line.
    pub line_end: usize,
}

impl Span {
    /// A span from its parts.
    pub fn new(start: usize, end: usize, line_start: usize, line_end: usize) -> Self {
        Span {
            start,
            end,
            line_start,
            line_end,
        }
    }

    /// The smallest span covering `self` and `other`.
    ///
    /// ```
    /// use oewg_core::Span;
    /// let a = Span::new(0, 5, 1, 1);
    /// assert_eq!(a.to(Span::new(9, 12, 3, 3)), Span::new(0, 12, 1, 3));
    /// ```
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            line_start: self.line_start.min(other.line_start),
            line_end: self.line_end.max(other.line_end),
        }
    }

    /// The source text the span covers; empty if the span does not fit `src`.
    pub fn slice<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes (0 for an inverted span, which a parse never makes
    /// but a span built or read from JSON by hand can be).
    ///
    /// ```
    /// use oewg_core::Span;
    /// assert_eq!(Span::new(3, 10, 1, 1).len(), 7);
    /// assert_eq!(Span::new(10, 5, 1, 1).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for a span of no bytes ([`Span::len`] 0, an inverted one too).
    ///
    /// ```
    /// use oewg_core::Span;
    /// assert!(Span::new(4, 4, 1, 1).is_empty());
    /// assert!(Span::new(10, 5, 1, 1).is_empty());
    /// assert!(!Span::new(3, 10, 1, 1).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The layout a record was written in (SPEC.md, "Input formats").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Format {
    /// Layout A: a speaker line, a blank line, then paragraphs.
    Verbatim,
    /// Layout B: an AI-generated session report (DiploAI / dig.watch).
    Report,
    /// Layout C: `Speaker: text` turns or `>> SPEAKER: text` live captions.
    Turns,
    /// Layout E: a UN speech-recognition transcript, a header block, `---`,
    /// then `Speaker · Group [m:ss]:` lines, each followed by paragraphs.
    Asr,
    /// Layout F: a Markdown transcript, a `# Title (date)` heading, then
    /// `**Affiliation | Function | (Group)**` speaker lines.
    Markdown,
    /// Layout D: an official verbatim record (`S/PV.9999`, `A/80/PV.45`)
    /// as text from its PDF: front matter, `The President:` and
    /// `Mr. Name (State):` turns, page furniture, recorded votes.
    Pv,
}

impl Format {
    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Verbatim => "verbatim",
            Format::Report => "report",
            Format::Turns => "turns",
            Format::Asr => "asr",
            Format::Markdown => "markdown",
            Format::Pv => "pv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A layout's name, in any case: `"pv"`, `"PV"` and `" Verbatim "` all
/// name one.
///
/// ```
/// use oewg_core::Format;
/// assert_eq!("PV".parse::<Format>(), Ok(Format::Pv));
/// assert_eq!(" Verbatim ".parse::<Format>(), Ok(Format::Verbatim));
/// let err = "pdf".parse::<Format>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown format \"pdf\": expected verbatim, report, turns, asr, markdown or pv");
/// assert!("".parse::<Format>().unwrap_err().to_string().contains("to detect the layout, give no format"));
/// ```
impl std::str::FromStr for Format {
    type Err = crate::error::UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "verbatim, report, turns, asr, markdown or pv";
        let unknown = |expected: String| crate::error::UnknownName {
            kind: "format",
            given: s.to_string(),
            expected,
        };
        // "PV" and "Verbatim" as people write them; serde keeps the
        // lowercase names alone.
        match s.trim().to_ascii_lowercase().as_str() {
            "verbatim" => Ok(Format::Verbatim),
            "report" => Ok(Format::Report),
            "turns" => Ok(Format::Turns),
            "asr" => Ok(Format::Asr),
            "markdown" => Ok(Format::Markdown),
            "pv" => Ok(Format::Pv),
            // A form's "Detect" option is often the empty value.
            "" => Err(unknown(format!(
                "{EXPECTED}; to detect the layout, give no format (None, null)"
            ))),
            _ => Err(unknown(EXPECTED.to_string())),
        }
    }
}

/// What the record says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Meta {
    /// The layout the record was parsed as.
    pub format: Format,
    /// The record's title line, as written.
    pub title: Option<String>,
    /// The process, e.g. `OEWG 2021-25`.
    pub process: Option<String>,
    /// Number of the substantive session.
    pub session: Option<u32>,
    /// Number of the meeting within the session.
    pub meeting: Option<u32>,
    /// Date of the meeting, ISO 8601 (`2025-02-21`).
    pub date: Option<String>,
    /// Start of the time slot, `HH:MM`, as the header gives it.
    pub time_start: Option<String>,
    /// End of the time slot, `HH:MM`, as the header gives it.
    pub time_end: Option<String>,
    /// Agenda items named by the record, e.g. `Agenda item 6: other matters`.
    pub agenda_items: Vec<String>,
    /// The body or event that met (`Human Rights Council`, `IGF 2026`).
    /// This field and the two after it are left out of the JSON when the
    /// record does not give them, and read as absent from older JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The language of the record, as its header names it (`English`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Where the record was published, as its header gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The day of a multi-day event (`IGF 2026 - Day 2 - …`); left out of
    /// the JSON when the record does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    /// The room (`Workshop Room 4`); left out of the JSON when the record
    /// does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// The document symbol of an official record (`S/PV.9999`); left out
    /// of the JSON when the record gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Where the meeting was held (`New York`); left out of the JSON when
    /// the record does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who presided, as the front matter names them (`Mr. Okafor
    /// (Nigeria)`); left out of the JSON when the record does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub president: Option<String>,
    /// The members of the body and their representatives, as an official
    /// record lists them; left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
}

/// A member of the body at a meeting and who sat for it.
///
/// ```
/// let m = oewg_core::Member {
///     state: oewg_core::speakers::resolve("Algeria"),
///     representative: "Mr. Benali".into(),
/// };
/// assert_eq!(m.state.iso3.as_deref(), Some("DZA"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Member {
    /// The state, resolved through [`crate::speakers`].
    pub state: Speaker,
    /// Its representative, as written (`Mr. Benali`).
    pub representative: String,
}

/// A recorded vote: who voted how, and the sentence that gives the result.
///
/// ```
/// let s = oewg_core::parse_as(oewg_core::Format::Pv,
///     "The President: I put the draft to the vote.\nIn favour:\nChile, Peru\nAgainst:\nNone\n\
///      Abstaining:\nChina\nThe draft resolution received 2 votes in favour, none against and 1 abstention.\n").unwrap();
/// let v = &s.votes[0];
/// assert_eq!(v.in_favour.len(), 2);
/// assert!(v.against.is_empty());
/// assert_eq!(v.abstaining[0].iso3.as_deref(), Some("CHN"));
/// assert!(v.result.as_deref().unwrap().starts_with("The draft resolution received 2"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Vote {
    /// The states voting in favour, resolved.
    pub in_favour: Vec<Speaker>,
    /// The states voting against, resolved; empty for `None`.
    pub against: Vec<Speaker>,
    /// The states abstaining, resolved.
    pub abstaining: Vec<Speaker>,
    /// The sentence giving the result, whitespace-normalised.
    pub result: Option<String>,
    /// From `In favour:` through the result sentence.
    pub span: Span,
    /// The numbers the result sentence gives (`13 votes in favour, none
    /// against and 2 abstentions`), read from the sentence, not counted
    /// from the lists; left out of the JSON when the sentence gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<VoteCounts>,
}

/// The numbers of a vote as its result sentence states them. A count the
/// sentence does not give is `None`; `none` and `no` read as 0, and
/// numbers may be written in digits or in words (`thirteen`).
///
/// ```
/// use oewg_core::formats::pv::vote_counts;
/// let c = vote_counts("The draft resolution received 13 votes in favour, none against and 2 abstentions.").unwrap();
/// assert_eq!((c.in_favour, c.against, c.abstaining), (Some(13), Some(0), Some(2)));
/// let c = vote_counts("It was adopted by 150 votes to 4, with 12 abstentions.").unwrap();
/// assert_eq!((c.in_favour, c.against, c.abstaining), (Some(150), Some(4), Some(12)));
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct VoteCounts {
    /// Votes in favour.
    pub in_favour: Option<u32>,
    /// Votes against.
    pub against: Option<u32>,
    /// Abstentions.
    pub abstaining: Option<u32>,
}

impl Meta {
    /// The meta of a record in `format` that says nothing about itself:
    /// every field empty. With [`Session::new`], a session built from
    /// one's own data, for the analyses.
    ///
    /// ```
    /// let m = oewg_core::Meta::new(oewg_core::Format::Turns);
    /// assert_eq!((m.title, m.date), (None, None));
    /// ```
    pub fn new(format: Format) -> Self {
        Meta {
            format,
            title: None,
            process: None,
            session: None,
            meeting: None,
            date: None,
            time_start: None,
            time_end: None,
            agenda_items: Vec::new(),
            body: None,
            language: None,
            source_url: None,
            day: None,
            room: None,
            symbol: None,
            place: None,
            president: None,
            members: Vec::new(),
        }
    }
}

/// Who spoke, in the kinds SPEC.md distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// The Chair of the meeting.
    Chair,
    /// A member state's delegation.
    Delegation,
    /// A negotiating group or a regional organisation speaking for its
    /// members (African Group, EU, Pacific Islands Forum, …).
    Group,
    /// An observer state (Holy See, State of Palestine).
    Observer,
    /// The UN or another intergovernmental organisation (UNIDIR, ICRC, …).
    Organization,
    /// A non-governmental stakeholder: business, civil society, academia.
    Stakeholder,
    /// No rule recognised the label.
    Unknown,
}

impl Role {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chair",
            Role::Delegation => "delegation",
            Role::Group => "group",
            Role::Observer => "observer",
            Role::Organization => "organization",
            Role::Stakeholder => "stakeholder",
            Role::Unknown => "unknown",
        }
    }
}

/// A UN regional group, as used for elections and for the statistics of
/// [`crate::analysis::statistics()`]. A state belongs to at most one: Türkiye
/// and the United States are counted with the Western European and others
/// group, as they are for elections; Kiribati belongs to none.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RegionalGroup {
    /// African States.
    African,
    /// Asia-Pacific States.
    AsiaPacific,
    /// Eastern European States.
    EasternEuropean,
    /// Latin American and Caribbean States (GRULAC).
    LatinAmericanCaribbean,
    /// Western European and other States (WEOG).
    WesternEuropeanOthers,
}

impl RegionalGroup {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionalGroup::African => "african",
            RegionalGroup::AsiaPacific => "asia_pacific",
            RegionalGroup::EasternEuropean => "eastern_european",
            RegionalGroup::LatinAmericanCaribbean => "latin_american_caribbean",
            RegionalGroup::WesternEuropeanOthers => "western_european_others",
        }
    }
}

fn full_confidence() -> f64 {
    1.0
}

/// A speaker label and what it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Speaker {
    /// The label as written, with surrounding whitespace removed; the HTML
    /// entities of a page's markup (`M&eacute;xico`) decoded, as in the
    /// text (`label_span` keeps the bytes).
    pub label: String,
    /// The kind of speaker.
    pub role: Role,
    // `name` and `iso3` borrow the registry's strings when they come from
    // it: every statement of a delegation carries a copy of its speaker,
    // and copying these two cost 4 % of the parse. Read them as `&str`
    // with `as_deref()`; the JSON and the schema are strings as before.
    /// Canonical name, when the label is recognised (`Czechia` for
    /// `Czech Republic`).
    pub name: Option<Cow<'static, str>>,
    /// ISO 3166-1 alpha-3 code, for a state.
    pub iso3: Option<Cow<'static, str>>,
    /// The group the speaker speaks for, when the label says so
    /// (`Pacific Islands Forum – Tonga`).
    pub on_behalf_of: Option<String>,
    /// How sure the resolution is, from 0 to 1: 1 for a name or an alias
    /// in the registry, less for an approximate match (a transcription
    /// error such as "Saudia Arabia"), 0.5 for a stakeholder known by a
    /// word of its label ("University", "Foundation": the role likely,
    /// no name), 0 when nothing matched. JSON written
    /// before the field existed reads back as 1.
    #[serde(default = "full_confidence")]
    pub confidence: f64,
    /// The state's UN regional group.
    #[serde(default)]
    pub regional_group: Option<RegionalGroup>,
    /// The person speaking, where the layout names them apart from whom
    /// they speak for: `Mr. Volkov` in an official record's `Mr. Volkov
    /// (Russian Federation):`, `Ana Lopez` in a Markdown transcript's
    /// speaker lines, an official record's President as its front matter
    /// names them. Left out of the JSON when the label names nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The speaker's function, where the layout gives it: `President`,
    /// `Rapporteur of the Third Committee`, `Representative`, `Co-Chair`.
    /// Left out of the JSON when the label gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
}

impl Speaker {
    /// The name every analysis and table groups by: the registry's
    /// canonical name when the label was recognised, else the label.
    /// "Czech Republic" and "Czechia" are one delegation; an unrecognised
    /// label stands for itself.
    ///
    /// ```
    /// let s = oewg_core::parse("Czech Republic: Thank you.\nSomeone New: Hello.\n").unwrap();
    /// assert_eq!(s.statements[0].speaker.canonical_name(), "Czechia");
    /// assert_eq!(s.statements[1].speaker.canonical_name(), "Someone New");
    /// ```
    pub fn canonical_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.label)
    }
}

/// Whether a statement runs the meeting or says something of substance:
/// procedural are the Chair's turns of at most 80 words and anyone else's
/// of at most 40 that take no position (no "support", "oppose",
/// "propose", "agree", "align", "endorse", "reject", "object" or
/// "sponsor" starting a word); the rest are substantive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    /// Giving the floor, thanking, announcing: the business of the meeting.
    Procedural,
    /// A statement of positions.
    Substantive,
}

impl StatementKind {
    /// The name JSON writes.
    ///
    /// ```
    /// assert_eq!(oewg_core::StatementKind::Procedural.as_str(), "procedural");
    /// assert_eq!("substantive".parse(), Ok(oewg_core::StatementKind::Substantive));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Procedural => "procedural",
            StatementKind::Substantive => "substantive",
        }
    }
}

/// One turn at the floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Statement {
    /// 0-based position in the session.
    pub index: usize,
    /// Who spoke.
    pub speaker: Speaker,
    /// The words, whitespace-normalised (U+00A0 to space, runs collapsed),
    /// paragraphs separated by a blank line (`"\n\n"`).
    pub text: String,
    /// Whitespace-separated words in `text`.
    pub word_count: usize,
    /// The raw turn in the source: speaker label through the last paragraph.
    pub span: Span,
    /// The raw speaker label in the source.
    pub label_span: Span,
    /// The raw span of each paragraph, in order.
    pub paragraphs: Vec<Span>,
    /// Procedural or substantive, by a length-and-role heuristic
    /// (see [`StatementKind`]).
    pub kind: StatementKind,
    /// When the turn began, in seconds from the start of the recording,
    /// where the record stamps its turns (`Chile [1:15]:` is 75); left out
    /// of the JSON when the record gives none, and absent in older JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_offset_s: Option<u32>,
    /// The language the statement was delivered in, where the record says
    /// (`(spoke in French)`); left out of the JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Statement {
    /// The paragraphs of [`Statement::text`].
    ///
    /// ```
    /// let s = oewg_core::parse("Chile\n\nOne.\n\nTwo.\n").unwrap();
    /// let paras: Vec<&str> = s.statements[0].paragraph_texts().collect();
    /// assert_eq!(paras, ["One.", "Two."]);
    /// ```
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.text.split("\n\n").filter(|p| !p.is_empty())
    }
}

/// What a header line of a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeaderKind {
    /// The title line (`Session 1-9 Transcript`, a report's title).
    Title,
    /// The process line (`(OEWG 2021-25)`).
    Process,
    /// The date and time line of a report.
    DateTime,
    /// A note about the record (`This is an unofficial transcript`).
    Note,
    /// A heading that introduces the statements (`Session transcript`).
    TranscriptHeading,
    /// A statement about how the record was made and how far to trust it
    /// (automatic speech recognition, real-time captioning).
    Disclaimer,
    /// A `Name: value` line of a header block (`Language: English`).
    Field,
    /// The body or event that met (`Human Rights Council`,
    /// `MEETING OF THE DYNAMIC COALITION #12`).
    Event,
    /// A horizontal rule that ends a header block (`---`, `***`).
    Rule,
    /// A caption that notes only a language, a silence or a pause
    /// (`>> (Speaking non-English language)`): something that happened,
    /// not anyone's words; in an official record, `The meeting was called
    /// to order at …`, `The agenda was adopted.`, `The meeting rose at …`.
    ProceduralEvent,
    /// An agenda item named between the turns of an official record
    /// (`Adoption of the agenda`, `Agenda item 68 (continued)`, `Letter
    /// dated … (S/2026/100)`), and the front matter's `Agenda` heading and
    /// items.
    AgendaItem,
    /// A line of a recorded vote: `In favour:`, a list of states, the
    /// result sentence. The vote itself is in [`Session::votes`].
    Vote,
}

/// A header line: part of the record that is neither a statement nor a
/// report section, and was understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Header {
    /// What the line is.
    pub kind: HeaderKind,
    /// The line's text, whitespace-normalised.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Why a part of the input is not in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SkipReason {
    /// The web page's footer ("Leave a Reply", comment forms, …).
    WebFooter,
    /// Text before the first speaker that is not a recognised header.
    BeforeFirstSpeaker,
    /// A U+FEFF byte-order mark.
    ByteOrderMark,
    /// A block of a report section that fits none of the section's shapes.
    UnrecognizedReportBlock,
    /// A report statistic whose value could not be read.
    MalformedValue,
    /// Page furniture of a record extracted from a PDF: running headers,
    /// page and job numbers, bar codes, the translation notice, and a
    /// page's footnotes. In a verbatim transcript and in `Speaker: text`
    /// or caption turns: the record's header again after its turns began,
    /// from its first line (a page's running head, a second copy of the
    /// record pasted on); in a report: a second `Session transcript`
    /// heading inside the transcript.
    PageFurniture,
    /// Text of an official record outside any turn, after a procedural
    /// line or a vote, that no speaker label introduces and that is no
    /// heading: kept out of every statement rather than given to a
    /// speaker by guess.
    UnattributedText,
}

impl SkipReason {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::WebFooter => "web_footer",
            SkipReason::BeforeFirstSpeaker => "before_first_speaker",
            SkipReason::ByteOrderMark => "byte_order_mark",
            SkipReason::UnrecognizedReportBlock => "unrecognized_report_block",
            SkipReason::MalformedValue => "malformed_value",
            SkipReason::PageFurniture => "page_furniture",
            SkipReason::UnattributedText => "unattributed_text",
        }
    }
}

/// A part of the input that is not in the model, with the reason. Nothing is
/// dropped silently: whatever the parser could not place is listed here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Skipped {
    /// Where it is.
    pub span: Span,
    /// Why it was skipped.
    pub reason: SkipReason,
}

/// A parsed record: its meta, its statements, what else it holds, and what
/// was skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Session {
    /// What the record says about itself.
    pub meta: Meta,
    /// The turns at the floor, in order.
    pub statements: Vec<Statement>,
    /// Header lines understood outside statements and report sections.
    pub headers: Vec<Header>,
    /// The typed report, for layout B.
    pub report: Option<Report>,
    /// What could not be placed, with the reason.
    pub skipped: Vec<Skipped>,
    /// Every analysis of the session ([`crate::analysis::analyze`]),
    /// filled by [`crate::parse`]; empty in JSON written before it existed.
    #[serde(default)]
    pub analysis: crate::analysis::Analysis,
    /// The recorded votes of an official record, in order; left out of the
    /// JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
}

/// A turn as [`crate::segment`] finds it: where it is, who the label
/// says, how many words. Nothing is copied from the text or resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Turn {
    /// The speaker label as written, trimmed (its HTML entities decoded,
    /// as [`Speaker::label`]'s are).
    pub label: String,
    /// The whole turn, label included.
    pub span: Span,
    /// The label.
    pub label_span: Span,
    /// Words in the turn's text, counted as [`Statement::word_count`] is.
    pub word_count: usize,
}

/// What a top-level region of the source is; see [`Session::regions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RegionKind {
    /// A statement.
    Statement,
    /// A header line.
    Header,
    /// A report section.
    Section,
    /// A skipped part.
    Skipped,
}

/// A top-level region of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Region {
    /// What it is.
    pub kind: RegionKind,
    /// Where it is.
    pub span: Span,
}

impl Session {
    /// Every top-level region of the source — statements, headers, report
    /// sections and skipped parts — in source order. Regions never overlap,
    /// and every byte outside them is whitespace (blank lines, line ends,
    /// indentation): this is how "nothing is silently dropped" can be
    /// checked. Skipped parts inside a report section, or inside a statement
    /// (the page furniture of an official record), are listed in
    /// [`Session::skipped`] but are not top-level: what holds them covers
    /// them.
    ///
    /// ```
    /// let src = "Chile\n\nThank you.\n\nLeave a Reply\n";
    /// let s = oewg_core::parse(src).unwrap();
    /// let mut at = 0;
    /// for r in s.regions() {
    ///     assert!(src[at..r.span.start].trim().is_empty());
    ///     at = r.span.end;
    /// }
    /// assert!(src[at..].trim().is_empty());
    /// assert_eq!(s.regions().len(), 2); // the statement and the footer
    /// ```
    pub fn regions(&self) -> Vec<Region> {
        let sections: Vec<Span> = self
            .report
            .iter()
            .flat_map(|r| r.sections.iter().map(|s| s.span))
            .collect();
        // Statements are in source order: the one that could hold a span
        // is found by binary search, so this stays linear-logarithmic.
        let inside_statement = |span: &Span| {
            let i = self
                .statements
                .partition_point(|s| s.span.start <= span.start);
            i > 0 && span.end <= self.statements[i - 1].span.end
        };
        let inside_section = |span: &Span| {
            sections
                .iter()
                .any(|s| s.start <= span.start && span.end <= s.end)
                || inside_statement(span)
        };
        let mut regions: Vec<Region> = self
            .statements
            .iter()
            .map(|s| (RegionKind::Statement, s.span))
            .chain(self.headers.iter().map(|h| (RegionKind::Header, h.span)))
            .chain(sections.iter().map(|s| (RegionKind::Section, *s)))
            .chain(
                self.skipped
                    .iter()
                    .filter(|k| !inside_section(&k.span))
                    .map(|k| (RegionKind::Skipped, k.span)),
            )
            .map(|(kind, span)| Region { kind, span })
            .collect();
        regions.sort_by_key(|r| (r.span.start, r.span.end));
        regions
    }

    /// The session as pretty-printed JSON.
    ///
    /// ```
    /// let s = oewg_core::parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
    /// assert!(s.to_json().contains("\"format\": \"turns\""));
    /// ```
    pub fn to_json(&self) -> String {
        // Serialising owned strings, numbers and enums cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A session of `statements`, with `meta` and nothing else (no
    /// headers, report, skipped parts or analyses): one built from one's
    /// own data. [`crate::analysis::analyze`] reads it as it reads a
    /// parsed one; each statement's `index` should be its place.
    ///
    /// ```
    /// use oewg_core::{analysis, parse, Format, Meta, Session};
    /// let mut statements = parse("Chair: Chile, you have the floor.\nChile: We support the PoA.\n")
    ///     .unwrap()
    ///     .statements;
    /// statements[1].text = "We oppose the PoA.".into();
    /// let s = Session::new(Meta::new(Format::Turns), statements);
    /// let a = analysis::analyze(&s);
    /// assert_eq!(a.proposals[0].mentions[0].stance, analysis::Stance::Oppose);
    /// ```
    pub fn new(meta: Meta, statements: Vec<Statement>) -> Session {
        Session {
            meta,
            statements,
            headers: Vec::new(),
            report: None,
            skipped: Vec::new(),
            analysis: Default::default(),
            votes: Vec::new(),
        }
    }

    /// Reads back a session written by [`Session::to_json`].
    pub fn from_json(json: &str) -> Result<Session, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Words across all statements.
    pub fn word_count(&self) -> usize {
        self.statements.iter().map(|s| s.word_count).sum()
    }
}

display_as_str!(Role, RegionalGroup, SkipReason, StatementKind);
display_serde_name!(HeaderKind, RegionKind);
from_serde_name!(
    Role,
    RegionalGroup,
    SkipReason,
    StatementKind,
    HeaderKind,
    RegionKind
);

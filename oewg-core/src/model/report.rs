//! The typed AI session report of layout B (DiploAI / dig.watch): every
//! section SPEC.md lists, in the order the report gives them.

use super::Span;
use serde::{Deserialize, Serialize};

/// A whole session report. The transcript's turns are the session's
/// statements; everything else the report says is here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Report {
    /// "Session at a glance".
    pub at_a_glance: AtAGlance,
    /// "Speakers": the speakers the report lists.
    pub speakers_list: Vec<ListedSpeaker>,
    /// "Additional speakers": mentioned but not heard.
    pub additional_speakers: Vec<ListedSpeaker>,
    /// "Full session report": prose with headings and lists.
    pub full_report: Vec<ReportBlock>,
    /// One analysis block per speaker: statistics and arguments.
    pub speakers: Vec<SpeakerAnalysis>,
    /// "Agreements".
    pub agreements: Agreements,
    /// "Differences".
    pub differences: Differences,
    /// "Partial agreements".
    pub partial_agreements: Vec<Viewpoint>,
    /// "Takeaways".
    pub takeaways: Takeaways,
    /// "Thought provoking comments".
    pub thought_provoking_comments: ThoughtProvoking,
    /// "Follow-up questions".
    pub follow_up_questions: Vec<FollowUpQuestion>,
    /// The closing disclaimer, without its `Disclaimer:` prefix.
    pub disclaimer: Option<String>,
    /// Where each section is, in order, so every byte can be traced.
    pub sections: Vec<Section>,
    /// Sections this crate does not type (`Event report`, `Table of
    /// contents`, …), kept with their title and text; empty in JSON written
    /// before it existed.
    #[serde(default)]
    pub other_sections: Vec<TitledSection>,
}

/// A report section kept as written: its heading and its paragraphs.
///
/// ```
/// let src = "A title\n\n5 Mar 2026 15:00h - 18:00h\n\nEvent report\n\nAgenda item 5\n";
/// let s = oewg_core::parse(src).unwrap();
/// let other = &s.report.unwrap().other_sections[0];
/// assert_eq!((other.title.as_str(), other.text.as_slice()), ("Event report", &["Agenda item 5".to_string()][..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TitledSection {
    /// The heading, as written.
    pub title: String,
    /// The paragraphs under it, whitespace-normalised.
    pub text: Vec<String>,
    /// Heading through last line.
    pub span: Span,
}

/// The sections of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SectionKind {
    /// "Session at a glance".
    AtAGlance,
    /// "Speakers".
    Speakers,
    /// "Additional speakers".
    AdditionalSpeakers,
    /// "Full session report".
    FullReport,
    /// The per-speaker analysis blocks.
    SpeakerAnalyses,
    /// "Agreements".
    Agreements,
    /// "Differences".
    Differences,
    /// "Partial agreements".
    PartialAgreements,
    /// "Takeaways".
    Takeaways,
    /// "Thought provoking comments".
    ThoughtProvokingComments,
    /// "Follow-up questions".
    FollowUpQuestions,
    /// "Disclaimer".
    Disclaimer,
    /// A section kept with its title in [`Report::other_sections`].
    Other,
}

/// A section's kind and its span, heading included. The transcript is not a
/// section: its heading is a header and its turns are statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Section {
    /// Which section.
    pub kind: SectionKind,
    /// Heading through last line.
    pub span: Span,
}

/// "Session at a glance": summary and keypoints.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AtAGlance {
    /// The summary's paragraphs.
    pub summary: Vec<String>,
    /// "Major discussion points".
    pub major_discussion_points: Vec<String>,
    /// "Overall purpose/goal".
    pub overall_purpose: Option<String>,
    /// "Tone".
    pub tone: Option<String>,
}

/// An entry of the "Speakers" or "Additional speakers" list:
/// `– Name[: description]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ListedSpeaker {
    /// The name as written.
    pub name: String,
    /// What follows the colon, if anything.
    pub description: Option<String>,
}

/// What a block of the full report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A heading (`Introduction:`, `1. Cross-cutting Thematic Groups:`).
    Heading,
    /// A paragraph of prose.
    Paragraph,
    /// A list item, its marker removed.
    ListItem,
}

/// One block of the full session report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportBlock {
    /// Heading, paragraph or list item.
    pub kind: BlockKind,
    /// Whitespace-normalised text.
    pub text: String,
}

/// A speaker's analysis block: speech statistics and arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SpeakerAnalysis {
    /// The speaker's name as written.
    pub name: String,
    /// "Speech speed", in words per minute.
    pub speech_speed_wpm: Option<u32>,
    /// "Speech length", in words.
    pub speech_length_words: Option<u32>,
    /// "Speech time", in seconds.
    pub speech_time_s: Option<u32>,
    /// The speaker's arguments, in order.
    pub arguments: Vec<Argument>,
    /// Index letter line through last line.
    pub span: Span,
}

/// One argument of a speaker, as the report analyses it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Argument {
    /// The argument's title line.
    pub title: String,
    /// "Explanation".
    pub explanation: Option<String>,
    /// "Evidence".
    pub evidence: Option<String>,
    /// "Major discussion point".
    pub major_discussion_point: Option<String>,
    /// "Topics".
    pub topics: Vec<String>,
    /// "Agreed with".
    pub agreed_with: Vec<String>,
    /// "Agreed on".
    pub agreed_on: Option<String>,
    /// "Differed with".
    pub differed_with: Vec<String>,
    /// "Differed on".
    pub differed_on: Option<String>,
}

/// The subsection a [`Viewpoint`] appears under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ViewpointCategory {
    /// "Agreement points".
    AgreementPoint,
    /// "Similar viewpoints".
    SimilarViewpoints,
    /// "Unexpected consensus".
    UnexpectedConsensus,
    /// "Different viewpoints".
    DifferentViewpoints,
    /// "Unexpected differences".
    UnexpectedDifferences,
    /// "Partial agreements".
    PartialAgreement,
}

/// A point on which speakers agree or differ, with who and on what grounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Viewpoint {
    /// The subsection it appears under.
    pub category: ViewpointCategory,
    /// The point: a topic line or a descriptive paragraph.
    pub point: String,
    /// "Speakers".
    pub speakers: Vec<String>,
    /// "Arguments".
    pub arguments: Vec<String>,
    /// "Summary".
    pub summary: Option<String>,
    /// "Explanation".
    pub explanation: Option<String>,
}

/// An "Overall assessment" with its summary and level.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assessment {
    /// "Summary".
    pub summary: Option<String>,
    /// "Consensus level" or "difference_level".
    pub level: Option<String>,
}

/// "Agreements".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Agreements {
    /// Agreement points, similar viewpoints and unexpected consensus.
    pub viewpoints: Vec<Viewpoint>,
    /// "Overall assessment".
    pub overall_assessment: Option<Assessment>,
}

/// "Differences".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Differences {
    /// Different viewpoints and unexpected differences.
    pub viewpoints: Vec<Viewpoint>,
    /// "Overall assessment".
    pub overall_assessment: Option<Assessment>,
}

/// "Takeaways": each list may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Takeaways {
    /// "Key takeaways".
    pub key_takeaways: Vec<String>,
    /// "Resolutions and action items".
    pub resolutions_and_action_items: Vec<String>,
    /// "Unresolved issues".
    pub unresolved_issues: Vec<String>,
    /// "Suggested compromises".
    pub suggested_compromises: Vec<String>,
}

/// "Thought provoking comments".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ThoughtProvoking {
    /// The comments.
    pub comments: Vec<ThoughtProvokingComment>,
    /// "Overall assessment".
    pub overall_assessment: Option<String>,
}

/// A quoted comment with why it mattered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ThoughtProvokingComment {
    /// The quote.
    pub quote: String,
    /// "Speaker".
    pub speaker: Option<String>,
    /// "Reason".
    pub reason: Option<String>,
    /// "Impact".
    pub impact: Option<String>,
}

/// A follow-up question the report suggests.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FollowUpQuestion {
    /// The question.
    pub question: String,
    /// "Speaker": who raised it, as written.
    pub speakers: Option<String>,
    /// "Explanation".
    pub explanation: Option<String>,
}

display_serde_name!(SectionKind, BlockKind, ViewpointCategory);
from_serde_name!(SectionKind, BlockKind, ViewpointCategory);

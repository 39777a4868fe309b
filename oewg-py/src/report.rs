//! The typed AI session report (layout B) and its parts.

use crate::statement::PySpan;
use crate::wrap::{excerpt, quoted_or_none, wrapper};
use oewg_core as core;

wrapper! {
    /// A session report: everything it says besides its transcript, whose
    /// turns are the session's statements.
    PyReport(core::Report) as "Report";
    repr(|s| format!(
        "<Report: {} speaker blocks, {} arguments, {} sections>",
        s.speakers.len(),
        s.speakers.iter().map(|b| b.arguments.len()).sum::<usize>(),
        s.sections.len()
    ));
    fields {
        /// "Session at a glance": summary and keypoints.
        at_a_glance: PyAtAGlance,
        /// "Speakers": the speakers the report lists.
        speakers_list: Vec<PyListedSpeaker>,
        /// "Additional speakers".
        additional_speakers: Vec<PyListedSpeaker>,
        /// "Full session report": headings, paragraphs and list items.
        full_report: Vec<PyReportBlock>,
        /// One analysis block per speaker: statistics and arguments.
        speakers: Vec<PySpeakerAnalysis>,
        /// "Agreements".
        agreements: PyAgreements,
        /// "Differences".
        differences: PyDifferences,
        /// "Partial agreements".
        partial_agreements: Vec<PyViewpoint>,
        /// "Takeaways".
        takeaways: PyTakeaways,
        /// "Thought provoking comments".
        thought_provoking_comments: PyThoughtProvoking,
        /// "Follow-up questions".
        follow_up_questions: Vec<PyFollowUpQuestion>,
        /// The closing disclaimer, without its ``Disclaimer:`` prefix.
        disclaimer: Option<String>,
        /// Where each section is, in order.
        sections: Vec<PySection>,
        /// Sections of an edition this parser does not type, kept with their
        /// titles (``Event report``, ``Table of contents``).
        other_sections: Vec<PyTitledSection>,
    }
}

wrapper! {
    /// A report section kept as its title and paragraphs.
    PyTitledSection(core::TitledSection) as "TitledSection";
    repr(|s| format!("<TitledSection {:?}: {} paragraphs>", excerpt(&s.title, 40), s.text.len()));
    fields {
        /// The heading, as written.
        title: String,
        /// Its paragraphs, whitespace-normalised.
        text: Vec<String>,
        /// Heading through last line.
        span: PySpan,
    }
}

wrapper! {
    /// A report section's kind and span, heading included.
    PySection(core::Section) as "Section";
    repr(|s| format!("<Section {} lines {}-{}>", crate::wrap::serde_name(&s.kind), s.span.line_start, s.span.line_end));
    fields {
        /// ``at_a_glance``, ``speakers``, ``full_report``, ``agreements``, …
        kind: String,
        /// Heading through last line.
        span: PySpan,
    }
}

wrapper! {
    /// "Session at a glance".
    PyAtAGlance(core::AtAGlance) as "AtAGlance";
    repr(|s| format!("<AtAGlance: {} summary paragraphs, {} discussion points>", s.summary.len(), s.major_discussion_points.len()));
    fields {
        /// The summary's paragraphs.
        summary: Vec<String>,
        /// "Major discussion points".
        major_discussion_points: Vec<String>,
        /// "Overall purpose/goal".
        overall_purpose: Option<String>,
        /// "Tone".
        tone: Option<String>,
    }
}

wrapper! {
    /// An entry of the "Speakers" or "Additional speakers" list.
    PyListedSpeaker(core::ListedSpeaker) as "ListedSpeaker";
    repr(|s| format!("<ListedSpeaker {:?}>", s.name));
    fields {
        /// The name as written.
        name: String,
        /// What follows the colon, if anything.
        description: Option<String>,
    }
}

wrapper! {
    /// A block of the full session report.
    PyReportBlock(core::ReportBlock) as "ReportBlock";
    repr(|s| format!("<ReportBlock {}: {:?}>", crate::wrap::serde_name(&s.kind), excerpt(&s.text, 40)));
    fields {
        /// ``heading``, ``paragraph`` or ``list_item``.
        kind: String,
        /// Whitespace-normalised text.
        text: String,
    }
}

wrapper! {
    /// A speaker's analysis block: speech statistics and arguments.
    PySpeakerAnalysis(core::SpeakerAnalysis) as "SpeakerAnalysis";
    repr(|s| format!(
        "<SpeakerAnalysis {:?}: {} words, {} arguments>",
        s.name,
        s.speech_length_words.map_or("?".to_string(), |n| n.to_string()),
        s.arguments.len()
    ));
    fields {
        /// The speaker's name as written.
        name: String,
        /// "Speech speed", words per minute.
        speech_speed_wpm: Option<u32>,
        /// "Speech length", words.
        speech_length_words: Option<u32>,
        /// "Speech time", seconds.
        speech_time_s: Option<u32>,
        /// The speaker's arguments, in order.
        arguments: Vec<PyArgument>,
        /// Index letter line through last line.
        span: PySpan,
    }
}

wrapper! {
    /// One argument of a speaker, as the report analyses it.
    PyArgument(core::Argument) as "Argument";
    repr(|s| format!("<Argument {:?}>", excerpt(&s.title, 60)));
    fields {
        /// The argument's title line.
        title: String,
        /// "Explanation".
        explanation: Option<String>,
        /// "Evidence".
        evidence: Option<String>,
        /// "Major discussion point".
        major_discussion_point: Option<String>,
        /// "Topics".
        topics: Vec<String>,
        /// "Agreed with".
        agreed_with: Vec<String>,
        /// "Agreed on".
        agreed_on: Option<String>,
        /// "Differed with".
        differed_with: Vec<String>,
        /// "Differed on".
        differed_on: Option<String>,
    }
}

wrapper! {
    /// A point on which speakers agree or differ.
    PyViewpoint(core::Viewpoint) as "Viewpoint";
    repr(|s| format!("<Viewpoint {}: {:?}>", crate::wrap::serde_name(&s.category), excerpt(&s.point, 50)));
    fields {
        /// ``agreement_point``, ``similar_viewpoints``, ``unexpected_consensus``,
        /// ``different_viewpoints``, ``unexpected_differences`` or
        /// ``partial_agreement``.
        category: String,
        /// The point.
        point: String,
        /// "Speakers".
        speakers: Vec<String>,
        /// "Arguments".
        arguments: Vec<String>,
        /// "Summary".
        summary: Option<String>,
        /// "Explanation".
        explanation: Option<String>,
    }
}

wrapper! {
    /// An "Overall assessment": summary and level.
    PyAssessment(core::Assessment) as "Assessment";
    repr(|s| format!("<Assessment level={}>", quoted_or_none(s.level.as_deref(), 40)));
    fields {
        /// "Summary".
        summary: Option<String>,
        /// "Consensus level" or "difference level".
        level: Option<String>,
    }
}

wrapper! {
    /// "Agreements".
    PyAgreements(core::Agreements) as "Agreements";
    repr(|s| format!("<Agreements: {} viewpoints>", s.viewpoints.len()));
    fields {
        /// Agreement points, similar viewpoints and unexpected consensus.
        viewpoints: Vec<PyViewpoint>,
        /// "Overall assessment".
        overall_assessment: Option<PyAssessment>,
    }
}

wrapper! {
    /// "Differences".
    PyDifferences(core::Differences) as "Differences";
    repr(|s| format!("<Differences: {} viewpoints>", s.viewpoints.len()));
    fields {
        /// Different viewpoints and unexpected differences.
        viewpoints: Vec<PyViewpoint>,
        /// "Overall assessment".
        overall_assessment: Option<PyAssessment>,
    }
}

wrapper! {
    /// "Takeaways": each list may be empty.
    PyTakeaways(core::Takeaways) as "Takeaways";
    repr(|s| format!(
        "<Takeaways: {} key, {} resolutions, {} unresolved, {} compromises>",
        s.key_takeaways.len(),
        s.resolutions_and_action_items.len(),
        s.unresolved_issues.len(),
        s.suggested_compromises.len()
    ));
    fields {
        /// "Key takeaways".
        key_takeaways: Vec<String>,
        /// "Resolutions and action items".
        resolutions_and_action_items: Vec<String>,
        /// "Unresolved issues".
        unresolved_issues: Vec<String>,
        /// "Suggested compromises".
        suggested_compromises: Vec<String>,
    }
}

wrapper! {
    /// "Thought provoking comments".
    PyThoughtProvoking(core::ThoughtProvoking) as "ThoughtProvoking";
    repr(|s| format!("<ThoughtProvoking: {} comments>", s.comments.len()));
    fields {
        /// The comments.
        comments: Vec<PyThoughtProvokingComment>,
        /// "Overall assessment".
        overall_assessment: Option<String>,
    }
}

wrapper! {
    /// A quoted comment with why it mattered.
    PyThoughtProvokingComment(core::ThoughtProvokingComment) as "ThoughtProvokingComment";
    repr(|s| format!("<ThoughtProvokingComment {:?} by {}>", excerpt(&s.quote, 40), quoted_or_none(s.speaker.as_deref(), 40)));
    fields {
        /// The quote.
        quote: String,
        /// "Speaker".
        speaker: Option<String>,
        /// "Reason".
        reason: Option<String>,
        /// "Impact".
        impact: Option<String>,
    }
}

wrapper! {
    /// A follow-up question the report suggests.
    PyFollowUpQuestion(core::FollowUpQuestion) as "FollowUpQuestion";
    repr(|s| format!("<FollowUpQuestion {:?}>", excerpt(&s.question, 60)));
    fields {
        /// The question.
        question: String,
        /// "Speaker": who raised it, as written.
        speakers: Option<String>,
        /// "Explanation".
        explanation: Option<String>,
    }
}

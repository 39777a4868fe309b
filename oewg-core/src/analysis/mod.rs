//! Analyses over a parsed [`Session`], one module each.
//! They read the model and never the source text, so they work the same on
//! a session parsed now and on one read back from JSON.
//!
//! [`analyze`] runs them all into one [`Analysis`], which [`crate::parse`]
//! stores in [`Session::analysis`](crate::Session::analysis) and `oewg
//! json` prints under the `analysis` key; each also has its own function.

pub mod alignments;
pub mod audit;
pub mod floor;
mod phrases;
pub mod proposals;
pub mod report_check;
pub mod report_header;
pub mod segments;
pub mod statistics;
pub mod text;
pub mod topics;

pub use alignments::{alignments, Alignment, AlignmentKind};
pub use audit::{floor_audit, Anomaly, AnomalyKind, FloorAudit, FloorEvent, FloorEventKind, Named};
pub use floor::{floor, FloorShare};
pub use proposals::{proposals, Cue, Proposal, ProposalKind, ProposalMention, Stance, TextRange};
pub use report_check::{
    report_check, Claim, Finding, LengthMismatch, ReportCheck, StanceDisagreement, StanceEvidence,
    UnmatchedName, UnsupportedArgument,
};
pub use report_header::{HeaderDisagreement, HeaderFact};
pub use segments::{segments, AgendaSegment};
pub use statistics::{
    report_figures, statistics, GroupShare, ReportFigures, ReportSpeaker, Statistics,
};
pub use text::{sentences, Excerpt};
pub use topics::{
    topics, StatementTopics, TermHit, Topic, TopicCount, TopicTag, Topics, VOCABULARY,
};

use crate::model::Session;
use serde::{Deserialize, Serialize};

/// Every analysis of a session, in one serde value: what the bindings
/// expose and `oewg json` prints under `analysis`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct Analysis {
    /// The speakers' list as the Chair ran it, and its anomalies.
    pub floor_audit: FloorAudit,
    /// Who aligned with whom, and who said they agree with whom
    /// ([`Alignment::kind`]).
    pub alignments: Vec<Alignment>,
    /// The agenda segments.
    pub segments: Vec<AgendaSegment>,
    /// The topics of every statement.
    pub topics: Topics,
    /// For a report: the report against its own transcript.
    pub report_check: Option<ReportCheck>,
    /// Turns, words and shares per speaker and group.
    pub statistics: Statistics,
    /// The proposals named in the statements, with every mention and
    /// the speakers' stances.
    pub proposals: Vec<Proposal>,
}

/// Whether the session has its analyses, or was parsed without them
/// ([`crate::ParseOptions::analyses`]`(false)`). Every analysed session
/// with a statement has its speakers' shares of the floor, and every
/// analysed report its report check, even with no turn in its transcript;
/// one parsed without the analyses has nothing at all in them. A session
/// with neither statements nor a report has nothing to analyse: it counts
/// as analysed.
///
/// ```
/// use oewg_core::{parse, parse_with, ParseOptions};
/// let src = "Peru: We support the PoA.\n";
/// assert!(oewg_core::analysis::has_analyses(&parse(src).unwrap()));
/// let bare = parse_with(src, ParseOptions::new().analyses(false)).unwrap();
/// assert!(!oewg_core::analysis::has_analyses(&bare));
/// ```
pub fn has_analyses(session: &Session) -> bool {
    (session.statements.is_empty() && session.report.is_none())
        || session.analysis != Analysis::default()
}

/// Runs the analyses on a session parsed without them ([`has_analyses`]),
/// so that it does not look like a session where nothing was found; a
/// session that has them is left as it is. Returns whether it ran them.
///
/// ```
/// use oewg_core::{parse_with, ParseOptions};
/// let mut s = parse_with("Peru: We support the PoA.\n", ParseOptions::new().analyses(false)).unwrap();
/// assert!(s.analysis.proposals.is_empty());
/// assert!(oewg_core::analysis::ensure_analyses(&mut s));
/// assert_eq!(s.analysis.proposals[0].id, "programme-of-action");
/// assert!(!oewg_core::analysis::ensure_analyses(&mut s));
/// ```
pub fn ensure_analyses(session: &mut Session) -> bool {
    let bare = !has_analyses(session);
    if bare {
        session.analysis = analyze(session);
    }
    bare
}

/// Runs every analysis. It reads the statements and the report, never
/// [`Session::analysis`] itself, so running it again gives the same value.
///
/// ```
/// let mut s = oewg_core::parse(
///     "Chair: Peru, to be followed by Egypt.\nPeru: We align with the EU on norms.\n").unwrap();
/// assert_eq!(s.analysis, oewg_core::analysis::analyze(&s));
/// let a = &s.analysis;
/// assert_eq!(a.floor_audit.anomalies.len(), 1); // Egypt, never heard
/// assert_eq!(a.alignments[0].aligned_with, "European Union");
/// assert_eq!(a.segments.len(), 1);
/// assert_eq!(a.topics.statements[0].tags[0].topic, oewg_core::analysis::Topic::Norms);
/// assert!(a.report_check.is_none());
/// assert_eq!(a.statistics.speakers.len(), 2);
/// ```
pub fn analyze(session: &Session) -> Analysis {
    // One walk over every statement's words finds the topics' terms, the
    // proposals' triggers and the alignments' verbs. The report check
    // compares the report with the proposals' stances and the alignments:
    // extracted once, for both.
    let (topics, hits) = topics::topics_and_hits(session);
    // What the floor audit finds to be someone else's words is credited
    // to them in the proposals and the alignments.
    let floor_audit = floor_audit(session);
    let chunks = floor_audit.chunks(session);
    let mut proposals = proposals::proposals_with(session, &hits.triggers, &chunks);
    proposals::credit_chunks(&mut proposals, &chunks);
    let mut alignments = alignments::find_with(session, &chunks, &hits.verbs);
    alignments::credit_chunks(session, &mut alignments, &chunks);
    let report_check = report_check::report_check_with(session, &proposals, &alignments);
    Analysis {
        floor_audit,
        alignments,
        segments: segments(session),
        topics,
        report_check,
        statistics: statistics(session),
        proposals,
    }
}

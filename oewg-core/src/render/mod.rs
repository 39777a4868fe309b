//! Rendering: a deterministic "session at a glance" in Markdown, HTML and
//! JSON. [`glance`] gathers what to show into a [`Glance`]; each output
//! format is a small writer over it, so the three never disagree.
//!
//! Source text is hostile until proven otherwise: a speaker label or a
//! title may hold `<script>`. The HTML writer escapes every piece of it;
//! the Markdown writer backslash-escapes every ASCII punctuation character,
//! so source text can open neither raw HTML nor Markdown syntax.

mod html;
mod markdown;
mod positions;
mod summary;

pub use html::escape_html;
pub use markdown::escape_markdown;
pub use positions::positions;
pub use summary::summary;

use crate::analysis::{
    analyze, floor, AgendaSegment, Alignment, Analysis, Anomaly, AnomalyKind, Claim, Finding,
    FloorShare, Proposal, ProposalKind, ReportCheck, Stance, TopicCount,
};
use crate::model::{Session, StatementKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a session at a glance shows, gathered once for every output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glance {
    /// The record's title, or "Untitled session".
    pub title: String,
    /// Labelled facts from the meta, in a fixed order: format, process,
    /// session, meeting, date, time, agenda items.
    pub facts: Vec<(String, String)>,
    /// Statements in all.
    pub statements: usize,
    /// Of which substantive.
    pub substantive: usize,
    /// Words in all statements.
    pub words: usize,
    /// Every speaker's share of the floor, most words first.
    pub floor: Vec<FloorShare>,
    /// For a report: its own summary and counts.
    pub report: Option<ReportGlance>,
    /// The floor audit's anomalies, in order of statements.
    #[serde(default)]
    pub anomalies: Vec<Anomaly>,
    /// Who aligned with whom, and who said they agree with whom
    /// ([`Alignment::kind`]).
    #[serde(default)]
    pub alignments: Vec<Alignment>,
    /// The agenda segments.
    #[serde(default)]
    pub segments: Vec<AgendaSegment>,
    /// Statements and terms per topic.
    #[serde(default)]
    pub topics: Vec<TopicCount>,
    /// The proposals, in order of first mention, with who backed and who
    /// resisted them.
    #[serde(default)]
    pub proposals: Vec<ProposalGlance>,
    /// What the parser skipped, so the reader sees the damage.
    pub skipped: Vec<SkippedGlance>,
}

/// The report's part of a [`Glance`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGlance {
    /// The "Session at a glance" summary paragraphs.
    pub summary: Vec<String>,
    /// Speaker analysis blocks.
    pub speaker_blocks: usize,
    /// Arguments across all speaker blocks.
    pub arguments: usize,
    /// Agreement viewpoints.
    pub agreements: usize,
    /// Difference viewpoints.
    pub differences: usize,
    /// What the report says against what its transcript shows
    /// ([`crate::analysis::Analysis::report_check`]).
    #[serde(default)]
    pub check: Option<ReportCheck>,
}

/// A proposal as a [`Glance`] shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalGlance {
    /// Its stable id.
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its kind.
    pub kind: ProposalKind,
    /// Its sponsors.
    pub sponsors: Vec<String>,
    /// The co-sponsor count the record gives.
    pub cosponsors: Option<u32>,
    /// The co-sponsors the record names ([`Proposal::cosponsor_names`]).
    #[serde(default)]
    pub cosponsor_names: Vec<String>,
    /// Its mentions.
    pub mentions: usize,
    /// Speakers who support it, in order of first mention: each speaker
    /// on one side at most (see [`ProposalGlance::of`]).
    pub supporters: Vec<String>,
    /// Speakers who oppose it.
    pub opposers: Vec<String>,
    /// Speakers who raise concerns.
    pub concerned: Vec<String>,
}

impl ProposalGlance {
    /// The co-sponsors as the renderings write them after the sponsors:
    /// the count the record gives and the co-sponsors it names that are
    /// not sponsors, `None` when it gives neither.
    ///
    /// ```
    /// let s = oewg_core::parse(
    ///     "Peru: The proposal of Canada and Chile is co-sponsored by Canada, Chile and Fiji.\n").unwrap();
    /// let g = oewg_core::render::ProposalGlance::of(&s.analysis.proposals[0]);
    /// assert_eq!(g.cosponsor_names, ["Canada", "Chile", "Fiji"]);
    /// assert_eq!(g.cosponsors_note().as_deref(), Some("co-sponsors: Fiji"));
    /// ```
    pub fn cosponsors_note(&self) -> Option<String> {
        let others: Vec<&str> = self
            .cosponsor_names
            .iter()
            .filter(|n| !self.sponsors.contains(n))
            .map(String::as_str)
            .collect();
        match (self.cosponsors, others.is_empty()) {
            (None, true) => None,
            (Some(n), true) => Some(format!("{n} co-sponsors")),
            (None, false) => Some(format!("co-sponsors: {}", others.join(", "))),
            (Some(n), false) => Some(format!("{n} co-sponsors, among them {}", others.join(", "))),
        }
    }

    /// Gathers one proposal: each speaker counted once, on its side
    /// (the side most of its mentions take (opposition and concern counted together
    /// against support), a tie going to the latest
    /// said); only neutral mentions and references count on
    /// no side.
    ///
    /// ```
    /// let s = oewg_core::parse("Peru: We support the PoA.\nCuba: We oppose the PoA.\n").unwrap();
    /// let g = oewg_core::render::ProposalGlance::of(&s.analysis.proposals[0]);
    /// assert_eq!((g.supporters, g.opposers), (vec!["Peru".to_string()], vec!["Cuba".to_string()]));
    /// ```
    pub fn of(p: &Proposal) -> ProposalGlance {
        let mut speakers: Vec<&str> = Vec::new();
        for m in &p.mentions {
            if !speakers.contains(&m.speaker.as_str()) {
                speakers.push(&m.speaker);
            }
        }
        let (mut supporters, mut opposers, mut concerned) = (Vec::new(), Vec::new(), Vec::new());
        for who in speakers {
            let stances = p
                .mentions
                .iter()
                .filter(|m| m.speaker == who)
                .map(|m| m.stance);
            match Stance::side(stances) {
                Some(Stance::Support) => supporters.push(who.to_string()),
                Some(Stance::Oppose) => opposers.push(who.to_string()),
                Some(Stance::Concern) => concerned.push(who.to_string()),
                _ => {}
            }
        }
        ProposalGlance {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            sponsors: p.sponsors.clone(),
            cosponsors: p.cosponsors,
            cosponsor_names: p.cosponsor_names.clone(),
            mentions: p.mentions.len(),
            supporters,
            opposers,
            concerned,
        }
    }
}

/// A skipped part of the source, as a [`Glance`] shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedGlance {
    /// First line.
    pub line_start: usize,
    /// Last line.
    pub line_end: usize,
    /// Its size in bytes.
    pub bytes: usize,
    /// Why, as named in JSON (`web_footer`, …).
    pub reason: String,
}

/// Gathers a session at a glance.
///
/// ```
/// let s = oewg_core::parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
/// let g = oewg_core::render::glance(&s);
/// assert_eq!((g.statements, g.words), (2, 4));
/// assert_eq!(g.floor.len(), 2);
/// ```
pub fn glance(session: &Session) -> Glance {
    let m = &session.meta;
    let mut facts = vec![("Format".to_string(), m.format.to_string())];
    let mut fact = |label: &str, value: Option<String>| {
        if let Some(v) = value {
            facts.push((label.to_string(), v));
        }
    };
    fact("Process", m.process.clone());
    fact("Session", m.session.map(|n| n.to_string()));
    fact("Meeting", m.meeting.map(|n| n.to_string()));
    fact("Date", m.date.clone());
    fact(
        "Time",
        match (&m.time_start, &m.time_end) {
            (Some(a), Some(b)) => Some(format!("{a}–{b}")),
            (Some(a), None) => Some(a.clone()),
            _ => None,
        },
    );
    if !m.agenda_items.is_empty() {
        fact("Agenda items", Some(m.agenda_items.join("; ")));
    }
    // A session parsed now carries its analyses; one built or read back
    // without them gets them here.
    let analysis: Cow<'_, Analysis> = if session.analysis == Analysis::default() {
        Cow::Owned(analyze(session))
    } else {
        Cow::Borrowed(&session.analysis)
    };
    Glance {
        anomalies: analysis.floor_audit.anomalies.clone(),
        alignments: analysis.alignments.clone(),
        segments: analysis.segments.clone(),
        topics: analysis.topics.counts.clone(),
        proposals: analysis.proposals.iter().map(ProposalGlance::of).collect(),
        title: m
            .title
            .clone()
            .unwrap_or_else(|| "Untitled session".to_string()),
        facts,
        statements: session.statements.len(),
        substantive: session
            .statements
            .iter()
            .filter(|s| s.kind == StatementKind::Substantive)
            .count(),
        words: session.word_count(),
        floor: floor(session),
        report: session.report.as_ref().map(|r| ReportGlance {
            summary: r.at_a_glance.summary.clone(),
            speaker_blocks: r.speakers.len(),
            arguments: r.speakers.iter().map(|s| s.arguments.len()).sum(),
            agreements: r.agreements.viewpoints.len(),
            differences: r.differences.viewpoints.len(),
            check: analysis.report_check.clone(),
        }),
        skipped: session
            .skipped
            .iter()
            .map(|k| SkippedGlance {
                line_start: k.span.line_start,
                line_end: k.span.line_end,
                bytes: k.span.len(),
                reason: k.reason.as_str().to_string(),
            })
            .collect(),
    }
}

impl Glance {
    /// As Markdown; see [`markdown`].
    pub fn to_markdown(&self) -> String {
        markdown::write(self)
    }

    /// As a self-contained HTML fragment; see [`html`].
    pub fn to_html(&self) -> String {
        html::write(self)
    }

    /// As pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Owned strings, numbers and finite floats always serialise.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The session at a glance in Markdown. Source text is escaped, so it
/// cannot open raw HTML or change the document's structure.
///
/// ```
/// let mut s = oewg_core::parse("Chair: Good morning.\n").unwrap();
/// let md = oewg_core::render::markdown(&s);
/// assert!(md.starts_with("# Untitled session\n"));
/// s.meta.title = Some("<b>Bold</b>".into());
/// assert!(oewg_core::render::markdown(&s).starts_with(r"# \<b\>Bold\</b\>"));
/// ```
pub fn markdown(session: &Session) -> String {
    glance(session).to_markdown()
}

/// The session at a glance as an HTML fragment (an `<article>`). Every
/// piece of source text is escaped.
///
/// ```
/// let mut s = oewg_core::parse("Chair: Good morning.\n").unwrap();
/// // A session read back from JSON may hold anything.
/// s.meta.title = Some("<script>x</script>".into());
/// let html = oewg_core::render::html(&s);
/// assert!(html.starts_with("<article class=\"oewg-glance\">"));
/// assert!(!html.contains("<script>"));
/// assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
/// ```
pub fn html(session: &Session) -> String {
    glance(session).to_html()
}

/// The session at a glance as JSON: the [`Glance`] serialised.
///
/// ```
/// let s = oewg_core::parse("Chair: Good morning.\n").unwrap();
/// assert!(oewg_core::render::json(&s).contains("\"statements\": 1"));
/// ```
pub fn json(session: &Session) -> String {
    glance(session).to_json()
}

/// Where in a report a name is used, as the report heads it; a place the
/// core does not make (a session read back from JSON may hold anything)
/// as written, escaped.
fn place(name: &str, e: impl Fn(&str) -> String) -> String {
    match name {
        "speakers_list" => "the Speakers list".to_string(),
        "speaker_block" => "a speaker block".to_string(),
        "agreements" => "Agreements".to_string(),
        "differences" => "Differences".to_string(),
        "partial_agreements" => "Partial agreements".to_string(),
        "agreed_with" => "“Agreed with”".to_string(),
        "differed_with" => "“Differed with”".to_string(),
        other => e(other),
    }
}

/// The sentences both writers show, made of numbers only (nothing to
/// escape), so Markdown and HTML say exactly the same.
impl Glance {
    fn totals(&self) -> String {
        format!(
            "{} statements ({} substantive), {} words, {} speakers.",
            self.statements,
            self.substantive,
            self.words,
            self.floor.len()
        )
    }
}

impl ReportGlance {
    fn counts(&self) -> String {
        format!(
            "{} speaker blocks, {} arguments, {} agreement and {} difference viewpoints.",
            self.speaker_blocks, self.arguments, self.agreements, self.differences
        )
    }

    /// The report check, one sentence a line, as both writers show it;
    /// `e` escapes source text (names, arguments, the Chair's words).
    fn check_lines(&self, e: impl Fn(&str) -> String) -> Vec<String> {
        let Some(c) = &self.check else {
            return Vec::new();
        };
        let names = |v: &[String]| match v {
            [] => "none".to_string(),
            v => v.iter().map(|x| e(x)).collect::<Vec<_>>().join(", "),
        };
        // " (a; b)." after a count, or "." when there is nothing to list.
        let listed = |items: Vec<String>| match items.is_empty() {
            true => ".".to_string(),
            false => format!(" ({}).", items.join("; ")),
        };
        let mut lines = vec![
            format!(
                "Speech lengths: {} of {} speaker blocks match the transcript's word count{}",
                c.blocks_checked.saturating_sub(c.length_mismatches.len()),
                c.blocks_checked,
                listed(
                    c.length_mismatches
                        .iter()
                        .map(|m| format!(
                            "{}: {} in the report, {} in the transcript",
                            e(&m.speaker),
                            m.report_words,
                            m.transcript_words
                        ))
                        .collect()
                )
            ),
            format!("Listed but never heard: {}.", names(&c.listed_not_heard)),
            format!("Heard but not listed: {}.", names(&c.heard_not_listed)),
        ];
        if !c.names_not_heard.is_empty() {
            lines.push(format!(
                "Names not among the transcript's speakers: {}.",
                c.names_not_heard
                    .iter()
                    .map(|n| {
                        let places: Vec<String> = n.places.iter().map(|p| place(p, &e)).collect();
                        format!("{} (in {})", e(&n.name), places.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        lines.push(format!(
            "Arguments whose key terms the speaker mostly never used: {} of {}{}",
            c.unsupported_arguments.len(),
            c.arguments_checked,
            listed(
                c.unsupported_arguments
                    .iter()
                    .map(|u| format!(
                        "{}, “{}”: never {}",
                        e(&u.speaker),
                        e(&u.argument),
                        // Older JSON has no missing terms: none was used.
                        names(match u.missing_terms.is_empty() {
                            true => &u.key_terms,
                            false => &u.missing_terms,
                        })
                    ))
                    .collect()
            )
        ));
        let contradicted: Vec<_> = c
            .stance_disagreements
            .iter()
            .filter(|d| d.finding == Finding::Contradicted)
            .collect();
        lines.push(format!(
            "Claims that two speakers agreed or differed, against their stances on proposals \
             and what they said of each other: \
             {} checked, {} contradicted, {} without evidence either way, {} borne out{}",
            c.stance_claims_checked,
            contradicted.len(),
            c.stance_disagreements.len() - contradicted.len(),
            c.stance_claims_checked
                .saturating_sub(c.stance_disagreements.len()),
            listed(
                contradicted
                    .iter()
                    .map(|d| {
                        let on = d.on.as_deref().map(|o| format!(" on {}", e(o)));
                        let proposals: Vec<&str> =
                            d.evidence.iter().map(|x| x.proposal.as_str()).collect();
                        // What contradicts each claim: opposite sides for
                        // an agreement, the same side for a difference, or
                        // for a difference an agreement said.
                        let (claim, sides) = match d.claim {
                            Claim::Agreed => ("agreed", "opposite sides"),
                            Claim::Differed => ("differed", "the same side"),
                        };
                        let shown = match &d.agreement {
                            Some(al) => format!(
                                "yet {} said, of it, “{}”",
                                e(&al.speaker),
                                e(&al.excerpt.text)
                            ),
                            None => {
                                format!("yet they took {sides} on {}", e(&proposals.join(", ")))
                            }
                        };
                        format!(
                            "{} {claim} with {}{}, {shown}",
                            e(&d.speaker),
                            e(&d.other),
                            on.unwrap_or_default(),
                        )
                    })
                    .collect()
            )
        ));
        lines.push(format!(
            "Facts of the header that the Chair's opening contradicts: {} of {}{}",
            c.header_disagreements.len(),
            c.header_facts_checked,
            listed(
                c.header_disagreements
                    .iter()
                    .map(|d| format!(
                        "{}: the header says “{}”, the Chair “{}”",
                        d.fact.as_str().replace('_', " "),
                        e(&d.header),
                        e(&d.transcript.text)
                    ))
                    .collect()
            )
        ));
        lines
    }
}

impl SkippedGlance {
    /// Where and how big; the reason is added by each writer, escaped.
    fn place(&self) -> String {
        format!(
            "lines {}–{} ({} bytes)",
            self.line_start, self.line_end, self.bytes
        )
    }
}

impl Anomaly {
    /// What the anomaly is, in words; the speaker is added by each writer,
    /// escaped.
    fn kind_words(&self) -> &'static str {
        match self.kind {
            AnomalyKind::AnnouncedNotHeard => "announced, never heard",
            AnomalyKind::ThankedNotHeard => "thanked, missing from the transcript",
            AnomalyKind::HeardUnannounced => "heard, never announced",
            AnomalyKind::OutOfOrder => "out of the announced order",
            AnomalyKind::ForeignChunk => "a chunk under another label inside the statement of",
            AnomalyKind::UnlabelledChunk => "the Chair's turn goes on after giving the floor to",
            AnomalyKind::ChairCorrection => "the Chair corrects the list for",
        }
    }

    /// The statements involved, numbers only.
    fn place(&self) -> String {
        let list: Vec<String> = self.statements.iter().map(|i| format!("#{i}")).collect();
        format!("statements {}", list.join(", "))
    }
}

impl AgendaSegment {
    /// The item and sub-item numbers, numbers only ("5.6", "–").
    fn item(&self) -> String {
        match (self.agenda_item, self.sub_item) {
            (Some(a), Some(b)) => format!("{a}.{b}"),
            (Some(a), None) => a.to_string(),
            (None, Some(b)) => format!("?.{b}"),
            (None, None) => "–".to_string(),
        }
    }

    /// The statements, numbers only.
    fn range(&self) -> String {
        format!("#{}–#{}", self.first_statement, self.last_statement)
    }
}

/// A share as a percentage with one decimal, the same in every output.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

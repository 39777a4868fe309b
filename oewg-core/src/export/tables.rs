//! CSV tables of a corpus, one function each, for a spreadsheet or
//! `pandas.read_csv`: every row names its record in a `source` column
//! (`positions.csv`, whose cells gather mentions across records, lists
//! them in `sources`), and lists inside a cell are joined with `"; "`.
//!
//! ```
//! let corpus = oewg_core::Corpus::from_texts(vec![("a.txt".into(),
//!     "Chair: Peru, to be followed by Egypt.\nPeru: We align with the EU.\n".into())]);
//! let mut out = Vec::new();
//! oewg_core::export::tables::alignments(&corpus, &mut out).unwrap();
//! let mut rows = csv::Reader::from_reader(out.as_slice());
//! let row = rows.records().next().unwrap().unwrap();
//! assert_eq!(&row[0], "a.txt");
//! assert_eq!((&row[2], &row[3], &row[4]), ("Peru", "aligns", "European Union"));
//! ```

use super::ExportError;
use crate::corpus::{canonical, Corpus};
use serde::Serialize;
use std::io::Write;

fn joined<T: AsRef<str>>(items: &[T]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The name a unit enum variant has in JSON (`announced_not_heard`).
fn json_name(v: impl Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn write_rows<R: Serialize>(
    w: impl Write,
    rows: impl Iterator<Item = R>,
    empty_header: &[&str],
) -> Result<(), ExportError> {
    let mut out = ::csv::Writer::from_writer(w);
    let mut any = false;
    for row in rows {
        out.serialize(row)?;
        any = true;
    }
    // serde writes the header with the first row: a table with no rows
    // still gets its header.
    if !any {
        out.write_record(empty_header)?;
    }
    out.flush()?;
    Ok(())
}

/// A row of [`documents`], the index of an export: one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentRow<'a> {
    /// The record's name, as every other table gives it.
    pub source: &'a str,
    /// Its id in the export ([`document_ids`](super::document_ids)).
    pub document_id: String,
    /// Its TEI file, `tei/ID.xml`.
    pub tei: String,
    /// Its layout.
    pub format: &'a str,
    /// [`crate::Meta::title`].
    pub title: Option<&'a str>,
    /// [`crate::Meta::process`].
    pub process: Option<&'a str>,
    /// [`crate::Meta::session`].
    pub session: Option<u32>,
    /// [`crate::Meta::meeting`].
    pub meeting: Option<u32>,
    /// [`crate::Meta::date`].
    pub date: Option<&'a str>,
    /// Its statements.
    pub statements: usize,
    /// The words of its statements.
    pub words: usize,
    /// Its speakers ([`crate::analysis::Statistics::speakers`]).
    pub speakers: usize,
    /// Its entries of [`crate::Session::skipped`].
    pub skipped: usize,
}

/// The rows [`documents`] writes, in the corpus's order: what a binding
/// hands on as a table.
///
/// ```
/// let corpus = oewg_core::Corpus::from_texts(vec![("a/Record 1.txt".into(), "Chair: Hello.\n".into())]);
/// let rows = oewg_core::export::tables::document_rows(&corpus);
/// assert_eq!((rows[0].document_id.as_str(), rows[0].tei.as_str(), rows[0].statements), ("Record_1", "tei/Record_1.xml", 1));
/// ```
pub fn document_rows(corpus: &Corpus) -> Vec<DocumentRow<'_>> {
    let ids = super::document_ids(corpus);
    corpus
        .documents()
        .iter()
        .zip(ids)
        .map(|(d, id)| {
            let s = &d.session;
            let m = &s.meta;
            DocumentRow {
                source: &d.name,
                tei: format!("tei/{id}.xml"),
                document_id: id,
                format: m.format.as_str(),
                title: m.title.as_deref(),
                process: m.process.as_deref(),
                session: m.session,
                meeting: m.meeting,
                date: m.date.as_deref(),
                statements: s.statements.len(),
                words: s.word_count(),
                speakers: s.analysis.statistics.speakers.len(),
                skipped: s.skipped.len(),
            }
        })
        .collect()
}

/// One row a record: `source, document_id, tei, format, title, process,
/// session, meeting, date, statements, words, speakers, skipped`. The
/// index of an export: it joins the `source` of every other table to the
/// record's TEI file (`tei`, `tei/ID.xml`, ID as
/// [`document_ids`](super::document_ids) gives it), with what the record
/// holds (`skipped`: the entries of [`crate::Session::skipped`]).
///
/// ```
/// let corpus = oewg_core::Corpus::from_texts(vec![("a/Record 1.txt".into(), "Chair: Hello.\n".into())]);
/// let mut out = Vec::new();
/// oewg_core::export::tables::documents(&corpus, &mut out).unwrap();
/// let mut rows = csv::Reader::from_reader(out.as_slice());
/// let row = rows.records().next().unwrap().unwrap();
/// assert_eq!((&row[0], &row[1], &row[2]), ("a/Record 1.txt", "Record_1", "tei/Record_1.xml"));
/// ```
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn documents(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    write_rows(
        w,
        document_rows(corpus).into_iter(),
        &[
            "source",
            "document_id",
            "tei",
            "format",
            "title",
            "process",
            "session",
            "meeting",
            "date",
            "statements",
            "words",
            "speakers",
            "skipped",
        ],
    )
}

#[derive(Serialize)]
struct StatementRow<'a> {
    source: &'a str,
    process: Option<&'a str>,
    session: Option<u32>,
    meeting: Option<u32>,
    date: Option<&'a str>,
    index: usize,
    label: &'a str,
    speaker: &'a str,
    role: &'a str,
    iso3: Option<&'a str>,
    on_behalf_of: Option<&'a str>,
    kind: &'a str,
    word_count: usize,
    line_start: usize,
    line_end: usize,
    language: Option<&'a str>,
    text: &'a str,
}

/// One row a statement: `source, process, session, meeting, date, index,
/// label, speaker, role, iso3, on_behalf_of, kind, word_count, line_start,
/// line_end, language, text`.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn statements(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    let rows = corpus.documents().iter().flat_map(|d| {
        let m = &d.session.meta;
        d.session.statements.iter().map(move |s| StatementRow {
            source: &d.name,
            process: m.process.as_deref(),
            session: m.session,
            meeting: m.meeting,
            date: m.date.as_deref(),
            index: s.index,
            label: &s.speaker.label,
            speaker: canonical(&s.speaker),
            role: s.speaker.role.as_str(),
            iso3: s.speaker.iso3.as_deref(),
            on_behalf_of: s.speaker.on_behalf_of.as_deref(),
            kind: match s.kind {
                crate::StatementKind::Procedural => "procedural",
                crate::StatementKind::Substantive => "substantive",
            },
            word_count: s.word_count,
            line_start: s.span.line_start,
            line_end: s.span.line_end,
            language: s.language.as_deref(),
            text: &s.text,
        })
    });
    write_rows(
        w,
        rows,
        &[
            "source",
            "process",
            "session",
            "meeting",
            "date",
            "index",
            "label",
            "speaker",
            "role",
            "iso3",
            "on_behalf_of",
            "kind",
            "word_count",
            "line_start",
            "line_end",
            "language",
            "text",
        ],
    )
}

#[derive(Serialize)]
struct SpeakerRow<'a> {
    source: &'a str,
    speaker: &'a str,
    role: &'a str,
    iso3: Option<&'a str>,
    turns: usize,
    substantive_turns: usize,
    words: usize,
    share: f64,
    first_statement: usize,
}

/// One row per speaker of each session, from its statistics: `source,
/// speaker, role, iso3, turns, substantive_turns, words, share,
/// first_statement`.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn speakers(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    let rows = corpus.documents().iter().flat_map(|d| {
        d.session
            .analysis
            .statistics
            .speakers
            .iter()
            .map(move |f| SpeakerRow {
                source: &d.name,
                speaker: &f.speaker,
                role: f.role.as_str(),
                iso3: f.iso3.as_deref(),
                turns: f.turns,
                substantive_turns: f.substantive_turns,
                words: f.words,
                share: f.share,
                first_statement: f.first_statement,
            })
    });
    write_rows(
        w,
        rows,
        &[
            "source",
            "speaker",
            "role",
            "iso3",
            "turns",
            "substantive_turns",
            "words",
            "share",
            "first_statement",
        ],
    )
}

#[derive(Serialize)]
struct AlignmentRow<'a> {
    source: &'a str,
    statement: usize,
    speaker: &'a str,
    kind: &'a str,
    aligned_with: &'a str,
    aligned_with_role: &'a str,
    resolved: bool,
    on_behalf_of: Option<&'a str>,
    sentence: &'a str,
}

/// One row per alignment: `source, statement, speaker, kind` (`aligns`
/// or `agrees`), `aligned_with, aligned_with_role, resolved, on_behalf_of,
/// sentence`.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn alignments(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    let rows = corpus.documents().iter().flat_map(|d| {
        d.session
            .analysis
            .alignments
            .iter()
            .map(move |a| AlignmentRow {
                source: &d.name,
                statement: a.statement,
                speaker: &a.speaker,
                kind: a.kind.as_str(),
                aligned_with: &a.aligned_with,
                aligned_with_role: a.aligned_with_role.as_str(),
                resolved: a.resolved,
                on_behalf_of: a.on_behalf_of.as_deref(),
                sentence: &a.excerpt.text,
            })
    });
    write_rows(
        w,
        rows,
        &[
            "source",
            "statement",
            "speaker",
            "kind",
            "aligned_with",
            "aligned_with_role",
            "resolved",
            "on_behalf_of",
            "sentence",
        ],
    )
}

#[derive(Serialize)]
struct AnomalyRow<'a> {
    source: &'a str,
    kind: String,
    speaker: &'a str,
    statements: String,
    sentence: Option<&'a str>,
}

/// One row per anomaly of the floor audit: `source, kind, speaker,
/// statements, sentence`.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn anomalies(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    let rows = corpus.documents().iter().flat_map(|d| {
        d.session
            .analysis
            .floor_audit
            .anomalies
            .iter()
            .map(move |a| AnomalyRow {
                source: &d.name,
                // The kind's JSON name (`announced_not_heard`).
                kind: json_name(a.kind),
                speaker: &a.speaker,
                statements: joined(
                    &a.statements
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>(),
                ),
                sentence: a.excerpt.as_ref().map(|e| e.text.as_str()),
            })
    });
    write_rows(
        w,
        rows,
        &["source", "kind", "speaker", "statements", "sentence"],
    )
}

#[derive(Serialize)]
struct ProposalRow<'a> {
    source: &'a str,
    id: &'a str,
    name: &'a str,
    kind: String,
    sponsors: String,
    cosponsors: Option<u32>,
    cosponsor_names: String,
    mentions: usize,
    supporters: String,
    opposers: String,
    concerned: String,
}

/// One row per proposal of each session: `source, id, name, kind,
/// sponsors, cosponsors, cosponsor_names, mentions, supporters, opposers,
/// concerned`.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn proposals(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    let series = corpus.proposals();
    let mut rows = Vec::new();
    for p in &series {
        for s in &p.sessions {
            rows.push((
                s.document,
                ProposalRow {
                    source: &corpus.documents()[s.document].name,
                    id: &p.id,
                    name: &p.name,
                    kind: json_name(p.kind),
                    sponsors: joined(&s.sponsors),
                    cosponsors: s.cosponsors,
                    cosponsor_names: joined(&s.cosponsor_names),
                    mentions: s.mentions,
                    supporters: joined(&s.supporters),
                    opposers: joined(&s.opposers),
                    concerned: joined(&s.concerned),
                },
            ));
        }
    }
    // In corpus order, then order of first mention.
    rows.sort_by_key(|r| r.0);
    write_rows(
        w,
        rows.into_iter().map(|r| r.1),
        &[
            "source",
            "id",
            "name",
            "kind",
            "sponsors",
            "cosponsors",
            "cosponsor_names",
            "mentions",
            "supporters",
            "opposers",
            "concerned",
        ],
    )
}

#[derive(Serialize)]
struct PositionRow<'a> {
    delegation: &'a str,
    proposal: &'a str,
    stance: &'a str,
    sponsor: bool,
    support: usize,
    oppose: usize,
    concern: usize,
    neutral: usize,
    reference: usize,
    sources: String,
}

/// The stance matrix ([`Corpus::stance_matrix`]), one row a cell:
/// `delegation, proposal, stance, sponsor, support, oppose, concern,
/// neutral, reference, sources`.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn positions(corpus: &Corpus, w: impl Write) -> Result<(), ExportError> {
    let matrix = corpus.stance_matrix();
    let rows = matrix.cells.iter().map(|c| PositionRow {
        delegation: &c.delegation,
        proposal: &c.proposal,
        stance: c.stance.as_str(),
        sponsor: c.sponsor,
        support: c.support,
        oppose: c.oppose,
        concern: c.concern,
        neutral: c.neutral,
        reference: c.reference,
        sources: joined(
            &c.documents
                .iter()
                .map(|&d| corpus.documents()[d].name.as_str())
                .collect::<Vec<_>>(),
        ),
    });
    write_rows(
        w,
        rows,
        &[
            "delegation",
            "proposal",
            "stance",
            "sponsor",
            "support",
            "oppose",
            "concern",
            "neutral",
            "reference",
            "sources",
        ],
    )
}

//! `oewg_core::Corpus` for Python: per delegation and per proposal across
//! sessions, the stance matrix, and every export. Python's `oewg.Corpus`
//! keeps its sessions in the order given, so the core's session indices
//! (its own process-and-date order) are mapped back to that order here.

use crate::session::PySession;
use crate::wrap::{wrapper, Wrap};
use oewg_core as core;
use oewg_core::corpus as cc;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use std::path::PathBuf;

wrapper! {
    /// A delegation's stance on one proposal in one session.
    PyProposalStance(cc::ProposalStance) as "ProposalStance";
    repr(|s| format!("<ProposalStance {}: {}>", s.proposal, s.stance.as_str()));
    fields {
        /// The proposal's id in the corpus (``ProposalSeries.id``).
        proposal: String,
        /// ``support``, ``oppose``, ``concern``, ``neutral`` or ``reference``.
        stance: String,
    }
}

wrapper! {
    /// What a delegation did in one session of a corpus.
    PyDelegationSession(cc::DelegationSession) as "DelegationSession";
    repr(|s| format!("<DelegationSession {}: {} statements, {} words>", s.document, s.statements, s.words));
    fields {
        /// Index of the session in ``Corpus.sessions``.
        document: usize,
        /// Statements made.
        statements: usize,
        /// Words spoken.
        words: usize,
        /// Whom it aligned with, in order of first saying so.
        aligned_with: Vec<String>,
        /// Whom it agreed with (an alignment of kind ``agrees``), in order
        /// of first saying so.
        agreed_with: Vec<String>,
        /// Its stance on each proposal it mentioned.
        stances: Vec<PyProposalStance>,
    }
}

wrapper! {
    /// One delegation across a corpus, session by session.
    PyDelegationSeries(cc::DelegationSeries) as "DelegationSeries";
    repr(|s| format!("<DelegationSeries {:?}: {} sessions>", s.delegation, s.sessions.len()));
    fields {
        /// Its canonical name (the label when the registry does not know it).
        delegation: String,
        /// The kind of speaker, as first seen.
        role: String,
        /// ISO 3166-1 alpha-3 code, for a state.
        iso3: Option<String>,
        /// The sessions it spoke in, in the corpus's order.
        sessions: Vec<PyDelegationSession>,
    }
}

wrapper! {
    /// A proposal in one session of a corpus: who sponsors, supports and
    /// opposes it.
    PyProposalSession(cc::ProposalSession) as "ProposalSession";
    repr(|s| format!("<ProposalSession {}: {} supporters, {} opposers>", s.document, s.supporters.len(), s.opposers.len()));
    fields {
        /// Index of the session in ``Corpus.sessions``.
        document: usize,
        /// Its sponsors, as the session gives them.
        sponsors: Vec<String>,
        /// The co-sponsor count the session gives, if any.
        cosponsors: Option<u32>,
        /// The co-sponsors the session names (``Proposal.cosponsor_names``).
        cosponsor_names: Vec<String>,
        /// Delegations that spoke in support.
        supporters: Vec<String>,
        /// Delegations that spoke against it.
        opposers: Vec<String>,
        /// Delegations that voiced concerns or reservations.
        concerned: Vec<String>,
        /// Mentions in the session, by anyone.
        mentions: usize,
    }
}

wrapper! {
    /// One proposal across a corpus, session by session.
    PyProposalSeries(cc::ProposalSeries) as "ProposalSeries";
    repr(|s| format!("<ProposalSeries {:?}: {} sessions>", s.id, s.sessions.len()));
    fields {
        /// Its id, the same in every session; a Chair's proposal's with
        /// its session after ``@`` (``chairs-proposal@oewg-2021-25-session-1``),
        /// as the Chair's texts of two sessions are different texts.
        id: String,
        /// Its canonical name, as first found; a Chair's proposal's with
        /// its session in brackets.
        name: String,
        /// Its kind, as first found.
        kind: String,
        /// Each session that mentions it.
        sessions: Vec<PyProposalSession>,
    }
}

wrapper! {
    /// Where a delegation stands on a proposal across a corpus: a cell of
    /// the stance matrix.
    PyPosition(cc::Position) as "Position";
    repr(|s| format!("<Position {} on {}: {}{}>", s.delegation, s.proposal, s.stance.as_str(), if s.sponsor { " (sponsor)" } else { "" }));
    fields {
        /// The delegation, by canonical name.
        delegation: String,
        /// The proposal's id in the corpus (``ProposalSeries.id``).
        proposal: String,
        /// Where it stands, all its mentions combined (``Corpus.stance_matrix``
        /// says how); ``reference`` too for a sponsor that never mentioned
        /// the proposal (all five counts 0).
        stance: String,
        /// Whether it sponsors the proposal in some session, or is named as
        /// a co-sponsor (``Proposal.cosponsor_names``).
        sponsor: bool,
        /// Mentions in support.
        support: usize,
        /// Mentions against.
        oppose: usize,
        /// Mentions with concerns.
        concern: usize,
        /// Neutral mentions.
        neutral: usize,
        /// Mentions without a position.
        reference: usize,
        /// The sessions (indices in ``Corpus.sessions``) it sponsored or
        /// mentioned the proposal in.
        documents: Vec<usize>,
    }
    methods {
        /// Its mentions of the proposal, of every stance: 0 for a sponsor
        /// that never mentioned it (a cell kept for ``sponsor`` alone).
        #[getter]
        fn mentions(&self) -> usize {
            self.0.mentions()
        }
    }
}

wrapper! {
    /// The delegation × proposal stance matrix, kept sparse: one
    /// ``Position`` for each delegation and proposal that meet.
    PyStanceMatrix(cc::StanceMatrix) as "StanceMatrix";
    repr(|s| format!("<StanceMatrix: {} delegations × {} proposals, {} cells>", s.delegations.len(), s.proposals.len(), s.cells.len()));
    fields {
        /// The rows: delegations, in order of their first cell.
        delegations: Vec<String>,
        /// The columns: proposal ids, in order of first mention.
        proposals: Vec<String>,
        /// The cells that are not empty.
        cells: Vec<PyPosition>,
    }
    methods {
        /// The cell of a delegation (its canonical name, or any name the
        /// registry resolves to it: "Russia") and a proposal (id), or
        /// ``None``.
        fn get(&self, delegation: &str, proposal: &str) -> Option<PyPosition> {
            self.0.get(delegation, proposal).map(Wrap::wrap)
        }
    }
}

/// The name a session has in a corpus: its path, else its place.
fn name_of(i: usize, s: &PySession) -> String {
    s.path.clone().unwrap_or_else(|| core::corpus::unnamed(i))
}

/// The core corpus of `sessions`, and for each of its documents the index
/// of the same session in `sessions`.
fn build(sessions: &[PyRef<'_, PySession>]) -> (core::Corpus, Vec<usize>) {
    core::Corpus::from_sessions_placed(
        sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (name_of(i, s), s.inner.clone())),
    )
}

/// For each of `sessions`, in their order, the id and name of each of its
/// proposals in the corpus of them (`Corpus::proposal_key`).
pub fn proposal_keys(sessions: &[PyRef<'_, PySession>]) -> Vec<Vec<(String, String)>> {
    let (corpus, order) = build(sessions);
    let mut keys = vec![Vec::new(); sessions.len()];
    for (d, doc) in corpus.documents().iter().enumerate() {
        if let Some(slot) = order.get(d).and_then(|&place| keys.get_mut(place)) {
            *slot = doc
                .session
                .analysis
                .proposals
                .iter()
                .map(|p| {
                    let (id, name) = corpus.proposal_key(d, p);
                    (id.into_owned(), name.into_owned())
                })
                .collect();
        }
    }
    keys
}

/// A row of ``Corpus.documents_frame``: the export's index row of a session
/// (``export::tables::document_rows``) without its name, which the frame
/// gives as the session's ``path``.
type DocumentTuple = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<u32>,
    Option<u32>,
    Option<String>,
    usize,
    usize,
    usize,
    usize,
);

/// Each of ``sessions``' row of the export's ``documents.csv``, in their
/// order: document id, TEI file, layout, title, process, session, meeting,
/// date, statements, words, speakers, skipped.
#[pyfunction]
pub fn corpus_documents(sessions: Vec<PyRef<'_, PySession>>) -> Vec<DocumentTuple> {
    let (corpus, order) = build(&sessions);
    let mut out = vec![None; sessions.len()];
    for (d, r) in oewg_core::export::tables::document_rows(&corpus)
        .into_iter()
        .enumerate()
    {
        if let Some(slot) = order.get(d).and_then(|&place| out.get_mut(place)) {
            *slot = Some((
                r.document_id,
                r.tei,
                r.format.to_string(),
                r.title.map(str::to_string),
                r.process.map(str::to_string),
                r.session,
                r.meeting,
                r.date.map(str::to_string),
                r.statements,
                r.words,
                r.speakers,
                r.skipped,
            ));
        }
    }
    out.into_iter().flatten().collect()
}

fn remap(order: &[usize], document: &mut usize) {
    *document = order.get(*document).copied().unwrap_or(*document);
}

/// Every delegation of ``sessions`` across them (``Corpus.delegations``).
#[pyfunction]
pub fn corpus_delegations(sessions: Vec<PyRef<'_, PySession>>) -> Vec<PyDelegationSeries> {
    let (corpus, order) = build(&sessions);
    let mut out = corpus.delegations();
    for d in &mut out {
        for s in &mut d.sessions {
            remap(&order, &mut s.document);
        }
    }
    out.wrap()
}

/// Every proposal of ``sessions`` across them (``Corpus.proposals``).
#[pyfunction]
pub fn corpus_proposals(sessions: Vec<PyRef<'_, PySession>>) -> Vec<PyProposalSeries> {
    let (corpus, order) = build(&sessions);
    let mut out = corpus.proposals();
    for p in &mut out {
        for s in &mut p.sessions {
            remap(&order, &mut s.document);
        }
    }
    out.wrap()
}

/// The stance matrix of ``sessions`` (``Corpus.stance_matrix``).
#[pyfunction]
pub fn corpus_stance_matrix(sessions: Vec<PyRef<'_, PySession>>) -> PyStanceMatrix {
    let (corpus, order) = build(&sessions);
    let mut m = corpus.stance_matrix();
    for c in &mut m.cells {
        for d in &mut c.documents {
            remap(&order, d);
        }
    }
    m.wrap()
}

/// Writes every export of ``sessions`` into ``out`` (``Corpus.write``);
/// returns the files written.
#[pyfunction]
pub fn corpus_write(
    py: Python<'_>,
    sessions: Vec<PyRef<'_, PySession>>,
    out: PathBuf,
) -> PyResult<Vec<PathBuf>> {
    let (corpus, _) = build(&sessions);
    py.detach(|| oewg_core::export::write_dir(&corpus, &out, |_| {}))
        .map_err(|e| PyOSError::new_err(e.to_string()))
}

/// The JSON Schema of a session as ``to_json`` writes it (``oewg.json_schema``).
#[pyfunction]
pub fn json_schema() -> String {
    oewg_core::export::schema::session_schema_json()
}

/// The stance matrix of ``sessions`` as ``oewg positions`` prints it.
#[pyfunction]
pub fn render_positions(sessions: Vec<PyRef<'_, PySession>>) -> String {
    let (corpus, _) = build(&sessions);
    oewg_core::render::positions(&corpus.stance_matrix(), &corpus.proposals())
}

/// The records ``oewg corpus`` reads for ``path``: a folder's ``.txt`` and
/// ``.md`` files (any case), sorted, not hidden ones (``._a.txt``) and not
/// those of its subfolders; or the file itself.
#[pyfunction]
pub fn record_files(path: PathBuf) -> PyResult<Vec<PathBuf>> {
    oewg_core::corpus::record_files(&path)
        .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))
}

/// The places in ``paths`` of the files the core's ``distinct_files`` keeps:
/// a file given twice (the same device and inode on Unix) at its first
/// place only. Places, not paths: a path made a ``pathlib.Path`` and back
/// is not always the string given.
#[pyfunction]
pub fn distinct_files(paths: Vec<PathBuf>) -> Vec<usize> {
    let kept = oewg_core::corpus::distinct_files(paths.clone());
    // `kept` is `paths` less some, in order: walked side by side.
    let mut next = kept.iter().peekable();
    let mut places = Vec::with_capacity(kept.len());
    for (i, p) in paths.iter().enumerate() {
        if next.peek() == Some(&p) {
            places.push(i);
            next.next();
        }
    }
    places
}

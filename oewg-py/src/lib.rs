//! # oewg-py
//!
//! The Python binding of `oewg-core`, built by maturin as the private
//! native module `oewg._oewg` and re-exported by `oewg/__init__.py`. It
//! converts core types and errors and nothing more: each core type has one
//! frozen wrapper class holding the core value (`session.rs`,
//! `statement.rs`, `report.rs`, `analysis.rs`, mirroring
//! `oewg_core::model` and `oewg_core::analysis`), `parse.rs` has the entry
//! points, `frames.rs` builds DataFrame columns in one go, and `error.rs`
//! maps core errors to Python exceptions.
#![forbid(unsafe_code)]

mod analysis;
mod corpus;
mod error;
mod frames;
mod parse;
mod report;
mod session;
mod statement;
mod wrap;

use pyo3::prelude::*;

/// The native part of the ``oewg`` package; import ``oewg`` instead.
#[pymodule]
fn _oewg(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The short record of our own writing that `oewg` with no command
    // summarises, shared with the example program.
    m.add("SAMPLE", include_str!("../../examples/sample.txt"))?;
    // The example program's usage text, so `python -m oewg` says the same.
    m.add("USAGE", include_str!("../../examples/usage.txt"))?;
    m.add_function(wrap_pyfunction!(parse::parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(parse::with_analyses, m)?)?;
    m.add_function(wrap_pyfunction!(parse::has_analyses, m)?)?;
    m.add_function(wrap_pyfunction!(parse::format_name, m)?)?;
    m.add_function(wrap_pyfunction!(parse::detect_format, m)?)?;
    m.add_function(wrap_pyfunction!(parse::resolve, m)?)?;
    m.add_function(wrap_pyfunction!(parse::not_text, m)?)?;
    m.add_function(wrap_pyfunction!(parse::segment, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_many_raw, m)?)?;
    m.add_function(wrap_pyfunction!(frames::corpus_frame, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_delegations, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_proposals, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_stance_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_write, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::corpus_documents, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::render_positions, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::record_files, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::distinct_files, m)?)?;
    m.add_class::<corpus::PyProposalStance>()?;
    m.add_class::<corpus::PyDelegationSession>()?;
    m.add_class::<corpus::PyDelegationSeries>()?;
    m.add_class::<corpus::PyProposalSession>()?;
    m.add_class::<corpus::PyProposalSeries>()?;
    m.add_class::<corpus::PyPosition>()?;
    m.add_class::<corpus::PyStanceMatrix>()?;
    m.add_class::<session::PySession>()?;
    m.add_class::<session::PyMeta>()?;
    m.add_class::<session::PyHeader>()?;
    m.add_class::<session::PySkipped>()?;
    m.add_class::<session::PyMember>()?;
    m.add_class::<session::PyVote>()?;
    m.add_class::<session::PyVoteCounts>()?;
    m.add_class::<statement::PyStatement>()?;
    m.add_class::<statement::PySpeaker>()?;
    m.add_class::<statement::PySpan>()?;
    m.add_class::<statement::PyTurn>()?;
    m.add_class::<analysis::PyFloorShare>()?;
    m.add_class::<analysis::PyAnalysis>()?;
    m.add_class::<analysis::PyExcerpt>()?;
    m.add_class::<analysis::PyNamed>()?;
    m.add_class::<analysis::PyFloorEvent>()?;
    m.add_class::<analysis::PyAnomaly>()?;
    m.add_class::<analysis::PyFloorAudit>()?;
    m.add_class::<analysis::PyAlignment>()?;
    m.add_class::<analysis::PyCue>()?;
    m.add_class::<analysis::PyStanceEvidence>()?;
    m.add_class::<analysis::PyStanceDisagreement>()?;
    m.add_class::<analysis::PyHeaderDisagreement>()?;
    m.add_class::<analysis::PyTextRange>()?;
    m.add_class::<analysis::PyProposalMention>()?;
    m.add_class::<analysis::PyProposal>()?;
    m.add_class::<analysis::PyAgendaSegment>()?;
    m.add_class::<analysis::PyTermHit>()?;
    m.add_class::<analysis::PyTopicTag>()?;
    m.add_class::<analysis::PyStatementTopics>()?;
    m.add_class::<analysis::PyTopicCount>()?;
    m.add_class::<analysis::PyTopics>()?;
    m.add_class::<analysis::PyLengthMismatch>()?;
    m.add_class::<analysis::PyUnmatchedName>()?;
    m.add_class::<analysis::PyUnsupportedArgument>()?;
    m.add_class::<analysis::PyReportCheck>()?;
    m.add_class::<analysis::PyGroupShare>()?;
    m.add_class::<analysis::PyReportSpeaker>()?;
    m.add_class::<analysis::PyReportFigures>()?;
    m.add_class::<analysis::PyStatistics>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<report::PySection>()?;
    m.add_class::<report::PyTitledSection>()?;
    m.add_class::<report::PyAtAGlance>()?;
    m.add_class::<report::PyListedSpeaker>()?;
    m.add_class::<report::PyReportBlock>()?;
    m.add_class::<report::PySpeakerAnalysis>()?;
    m.add_class::<report::PyArgument>()?;
    m.add_class::<report::PyViewpoint>()?;
    m.add_class::<report::PyAssessment>()?;
    m.add_class::<report::PyAgreements>()?;
    m.add_class::<report::PyDifferences>()?;
    m.add_class::<report::PyTakeaways>()?;
    m.add_class::<report::PyThoughtProvoking>()?;
    m.add_class::<report::PyThoughtProvokingComment>()?;
    m.add_class::<report::PyFollowUpQuestion>()?;
    Ok(())
}

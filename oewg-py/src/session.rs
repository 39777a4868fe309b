//! `Session`, `Meta`, `Header` and `Skipped`: a parsed record.

use crate::analysis::{PyAnalysis, PyFloorShare, PyReportFigures};
use crate::frames::{self, Table};
use crate::report::PyReport;
use crate::statement::{PySpan, PySpeaker, PyStatement};
use crate::wrap::{excerpt, or_none, wrapper, Wrap};
use oewg_core as core;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyTuple};

wrapper! {
    /// What the record says about itself.
    PyMeta(core::Meta) as "Meta";
    repr(|s| {
        let mut parts = vec![s.format.as_str().to_string()];
        if let Some(t) = &s.title { parts.push(format!("{:?}", excerpt(t, 50))); }
        if let (Some(a), Some(b)) = (s.session, s.meeting) { parts.push(format!("session {a}, meeting {b}")); }
        if let Some(d) = &s.date { parts.push(d.clone()); }
        format!("<Meta {}>", parts.join(", "))
    });
    fields {
        /// ``verbatim``, ``report``, ``turns``, ``asr``, ``markdown`` or
        /// ``pv``: the layout it was parsed as.
        format: String,
        /// The title line, as written.
        title: Option<String>,
        /// The process, e.g. ``OEWG 2021-25``.
        process: Option<String>,
        /// Number of the substantive session.
        session: Option<u32>,
        /// Number of the meeting within the session.
        meeting: Option<u32>,
        /// Date of the meeting, ISO 8601 (``2025-02-21``).
        date: Option<String>,
        /// Start of the time slot, ``HH:MM``.
        time_start: Option<String>,
        /// End of the time slot, ``HH:MM``.
        time_end: Option<String>,
        /// Agenda items named by the record.
        agenda_items: Vec<String>,
        /// The body that met (``Human Rights Council``), when the record says.
        body: Option<String>,
        /// The language of the record, when it says.
        language: Option<String>,
        /// Where the record was published, when it says.
        source_url: Option<String>,
        /// The day of a multi-day meeting, when the title gives it.
        day: Option<u32>,
        /// The room, when the title gives it.
        room: Option<String>,
        /// An official record's document symbol (``S/PV.9999``).
        symbol: Option<String>,
        /// Where the meeting was held.
        place: Option<String>,
        /// The President, as the front matter names them.
        president: Option<String>,
        /// An official record's members list, state by state.
        members: Vec<PyMember>,
    }
}

wrapper! {
    /// A member of the body, from an official record's front matter.
    PyMember(core::Member) as "Member";
    repr(|s| format!("<Member {} ({})>", s.state.name.as_deref().unwrap_or(&s.state.label), s.representative));
    fields {
        /// The state, resolved.
        state: PySpeaker,
        /// Its representative, as written.
        representative: String,
    }
}

wrapper! {
    /// A recorded vote of an official record (layout D).
    PyVote(core::Vote) as "Vote";
    repr(|s| format!("<Vote: {} in favour, {} against, {} abstaining>", s.in_favour.len(), s.against.len(), s.abstaining.len()));
    fields {
        /// States voting in favour.
        in_favour: Vec<PySpeaker>,
        /// States voting against.
        against: Vec<PySpeaker>,
        /// States abstaining.
        abstaining: Vec<PySpeaker>,
        /// The sentence that gives the result.
        result: Option<String>,
        /// The vote lists in the source.
        span: PySpan,
        /// The numbers the result sentence gives, when it gives them.
        counts: Option<PyVoteCounts>,
    }
}

wrapper! {
    /// The numbers of a vote as its result sentence states them; a count
    /// the sentence does not give is ``None``.
    PyVoteCounts(core::VoteCounts) as "VoteCounts";
    repr(|s| format!("<VoteCounts {} in favour, {} against, {} abstaining>", or_none(s.in_favour), or_none(s.against), or_none(s.abstaining)));
    fields {
        /// Votes in favour.
        in_favour: Option<u32>,
        /// Votes against.
        against: Option<u32>,
        /// Abstentions.
        abstaining: Option<u32>,
    }
}

wrapper! {
    /// A header line understood outside statements and report sections.
    PyHeader(core::Header) as "Header";
    repr(|s| format!("<Header {} line {}: {:?}>", crate::wrap::serde_name(&s.kind), s.span.line_start, excerpt(&s.text, 50)));
    fields {
        /// ``title``, ``process``, ``date_time``, ``note``,
        /// ``transcript_heading``, ``disclaimer``, ``field``, ``event``,
        /// ``rule``, ``procedural_event``, ``agenda_item`` or ``vote``.
        kind: String,
        /// The line's text, whitespace-normalised.
        text: String,
        /// Where it is.
        span: PySpan,
    }
}

wrapper! {
    /// A part of the input that is not in the model, with the reason:
    /// nothing is dropped silently.
    PySkipped(core::Skipped) as "Skipped";
    repr(|s| format!("<Skipped {} lines {}-{} ({} bytes)>", s.reason.as_str(), s.span.line_start, s.span.line_end, s.span.len()));
    fields {
        /// Where it is.
        span: PySpan,
        /// ``web_footer``, ``before_first_speaker``, ``byte_order_mark``,
        /// ``unrecognized_report_block``, ``malformed_value``,
        /// ``page_furniture`` or ``unattributed_text``.
        reason: String,
    }
}

/// A parsed record: its meta, its statements, what else it holds, and what
/// was skipped.
///
/// Sessions are immutable, compare equal by content (the same record read
/// from a file, from a ``str`` or back from JSON is equal, whatever its
/// ``path``; a ``str`` read with ``open(path, encoding="utf-8",
/// newline="")``, as Python's default newline handling turns ``\r\n``
/// into ``\n`` and so moves every byte offset after it), and pickle (so
/// they travel to worker processes). ``len(session)``, ``session[i]`` and
/// ``for statement in session`` are over its statements.
#[pyclass(name = "Session", module = "oewg", frozen)]
pub struct PySession {
    pub inner: core::Session,
    /// The file it was read from, when it was.
    pub path: Option<String>,
    /// `statements` as Python objects, made on first access.
    statements: PyOnceLock<Py<PyTuple>>,
}

impl PySession {
    /// `statements` as Python objects, made on first use and kept.
    fn statement_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        let cached = self.statements.get_or_try_init(py, || {
            let items: Vec<PyStatement> = self.inner.statements.wrap();
            PyTuple::new(py, items).map(Bound::unbind)
        })?;
        Ok(cached.bind(py))
    }

    pub fn new(inner: core::Session, path: Option<String>) -> Self {
        PySession {
            inner,
            path,
            statements: PyOnceLock::new(),
        }
    }
}

/// What `Session.from_json` takes back when a session is unpickled.
type PickleArgs = (String, Option<String>);

#[pymethods]
impl PySession {
    /// What the record says about itself.
    #[getter]
    fn meta(&self) -> PyMeta {
        self.inner.meta.wrap()
    }

    /// The turns at the floor, in order.
    #[getter]
    fn statements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.statement_tuple(py)?.iter())
    }

    /// Header lines understood outside statements and report sections.
    #[getter]
    fn headers(&self) -> Vec<PyHeader> {
        self.inner.headers.wrap()
    }

    /// The typed report, for a session report (layout B); else ``None``.
    #[getter]
    fn report(&self) -> Option<PyReport> {
        self.inner.report.wrap()
    }

    /// An official record's recorded votes.
    #[getter]
    fn votes(&self) -> Vec<PyVote> {
        self.inner.votes.wrap()
    }

    /// What could not be placed, with the reason.
    #[getter]
    fn skipped(&self) -> Vec<PySkipped> {
        self.inner.skipped.wrap()
    }

    /// The file the session was read from, or ``None``.
    #[getter]
    fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// Words across all statements.
    #[getter]
    fn word_count(&self) -> usize {
        self.inner.word_count()
    }

    /// Every analysis of the session: floor audit, alignments, agenda
    /// segments, topics, report check, statistics.
    #[getter]
    fn analysis(&self) -> PyAnalysis {
        self.inner.analysis.wrap()
    }

    /// Every speaker's share of the floor, most words first.
    fn floor(&self) -> Vec<PyFloorShare> {
        oewg_core::analysis::floor(&self.inner).wrap()
    }

    /// For a report, each speaker of the floor (in the order of
    /// ``floor()``) with the report's own figures for them; ``[]`` for a
    /// session that is no report.
    fn report_figures(&self) -> Vec<PyReportFigures> {
        oewg_core::analysis::report_figures(&self.inner).wrap()
    }

    /// The session at a glance: ``kind`` is ``"md"`` (or ``"markdown"``),
    /// ``"html"`` (every piece of source text escaped) or ``"json"``, as
    /// ``oewg render``.
    #[pyo3(signature = (kind = "md"))]
    fn render(&self, kind: &str) -> PyResult<String> {
        let glance = oewg_core::render::glance(&self.inner);
        match kind {
            "md" | "markdown" => Ok(glance.to_markdown()),
            "html" => Ok(glance.to_html()),
            "json" => Ok(glance.to_json()),
            other => Err(PyValueError::new_err(format!(
                "unknown rendering {other:?}: expected \"md\", \"html\" or \"json\""
            ))),
        }
    }

    /// A readable plain-text summary, as ``oewg summary`` prints it;
    /// ``name`` stands in for the title when the record has none (by
    /// default the file's path).
    #[pyo3(signature = (name = None))]
    fn summary(&self, name: Option<&str>) -> String {
        let name = name.or(self.path.as_deref()).unwrap_or("session");
        oewg_core::render::summary(&self.inner, name)
    }

    /// The session as TEI following Parla-CLARIN (the ParlaMint schema):
    /// a ``teiHeader`` with the meeting, one ``u`` per statement whose
    /// ``who`` points to a ``person`` or ``org``, ``note``s for what is
    /// procedural. ``doc_id`` (by default the file's name without its
    /// extension) made an ``xml:id`` — letters and digits kept, anything
    /// else ``_``, a ``d`` in front when it would not start with a letter:
    /// ``"oewg-2024.s8"`` gives ``oewg_2024_s8`` — is the document's
    /// ``xml:id`` and the prefix of every other id (``oewg_2024_s8.u1``),
    /// so the ids are the same on every run.
    #[pyo3(signature = (doc_id = None))]
    fn to_tei(&self, doc_id: Option<&str>) -> String {
        let id = match doc_id {
            Some(id) => oewg_core::export::tei::xml_id(id, "d"),
            None => oewg_core::export::document_id(self.path.as_deref().unwrap_or("session")),
        };
        oewg_core::export::tei::to_string(&self.inner, &id)
    }

    /// Checks that the session accounts for every byte of ``source``, the
    /// text it was parsed from (``str``, or the file's ``bytes``, as
    /// ``parse_file`` read them): its spans against the text's length and
    /// whitespace (not its words: another text of the same shape passes);
    /// raises ``ValueError`` naming the first violation.
    fn verify(&self, source: &Bound<'_, PyAny>) -> PyResult<()> {
        let text: String = if let Ok(b) = source.cast::<pyo3::types::PyBytes>() {
            // Decoded as the parse decodes them: a byte-order mark kept.
            oewg_core::text::from_utf8(b.as_bytes())
                .map_err(|e| PyValueError::new_err(format!("the bytes are not UTF-8: {e}")))?
                .to_owned()
        } else {
            source.extract().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err("verify takes the source as str or bytes")
            })?
        };
        self.inner
            .verify(&text)
            .map_err(|v| PyValueError::new_err(v.to_string()))
    }

    /// The session as a dict of exactly the shape of ``oewg json``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        pythonize::pythonize(py, &self.inner).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The session as JSON, as ``oewg json`` prints it (``indent=False`` for
    /// one line).
    #[pyo3(signature = (indent = true))]
    fn to_json(&self, indent: bool) -> String {
        if indent {
            self.inner.to_json()
        } else {
            serde_json::to_string(&self.inner).unwrap_or_default()
        }
    }

    /// Reads back a session written by ``to_json``.
    #[staticmethod]
    #[pyo3(signature = (json, path = None))]
    fn from_json(json: &str, path: Option<String>) -> PyResult<PySession> {
        core::Session::from_json(json)
            .map(|s| PySession::new(s, path))
            .map_err(|e| PyValueError::new_err(format!("not a session: {e}")))
    }

    /// One row a statement: index, speaker label, role, canonical name, ISO
    /// code, on behalf of, words, kind, span start/end, lines, text.
    fn statements_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Statements, &[self], false, None, "pandas")
    }

    /// One row a speaker: turns, words, share of the floor, and for a report
    /// its speech speed, length and time.
    fn speakers_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Speakers, &[self], false, None, "pandas")
    }

    /// One row a paragraph, with its statement index and speaker.
    fn paragraphs_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Paragraphs, &[self], false, None, "pandas")
    }

    /// For a report, one row an argument of a speaker block; empty otherwise.
    fn arguments_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Arguments, &[self], false, None, "pandas")
    }

    /// One row an alignment: who aligned with whom, on behalf of which
    /// group, and the sentence that says so.
    fn alignments_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Alignments, &[self], false, None, "pandas")
    }

    /// One row a mention of a proposal: the proposal (id, name, kind,
    /// sponsors), the speaker, the stance, its cue words, the words naming
    /// the proposal (``named_as``) and the sentence.
    fn proposals_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Proposals, &[self], false, None, "pandas")
    }

    /// One row an anomaly of the floor audit: its kind, the speaker, the
    /// statements involved and the sentence that shows it.
    fn anomalies_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Anomalies, &[self], false, None, "pandas")
    }

    /// One row a statement and topic, with the vocabulary terms found.
    fn topics_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Topics, &[self], false, None, "pandas")
    }

    /// One row an agenda segment.
    fn segments_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, Table::Segments, &[self], false, None, "pandas")
    }

    /// One of the tables as a ``pyarrow.Table``: ``"statements"``,
    /// ``"speakers"``, ``"paragraphs"``, ``"arguments"``, ``"alignments"``,
    /// ``"anomalies"``, ``"topics"``, ``"segments"`` or ``"proposals"``.
    #[pyo3(signature = (table = "statements"))]
    fn to_arrow<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        frames::frame(py, table.parse()?, &[self], false, None, "arrow")
    }

    /// The number of statements, as ``len(session.statements)``.
    fn __len__(&self) -> usize {
        self.inner.statements.len()
    }

    /// The statements, in order: ``for statement in session``.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.statement_tuple(py)?
            .as_any()
            .try_iter()
            .map(Bound::into_any)
    }

    /// A statement, or a list of them for a slice: ``session[0]``,
    /// ``session[-3:]``, as ``session.statements[…]``.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let statements = self.statement_tuple(py)?;
        let got = statements.as_any().get_item(index).map_err(|e| {
            // The tuple's "tuple index out of range" names no tuple the
            // reader holds.
            if e.is_instance_of::<pyo3::exceptions::PyIndexError>(py) {
                pyo3::exceptions::PyIndexError::new_err(format!(
                    "statement {index} out of range: the session has {} statements",
                    statements.len()
                ))
            } else {
                e
            }
        })?;
        // A slice of the tuple is a tuple; `statements` is a list.
        match got.cast::<PyTuple>() {
            Ok(t) => Ok(PyList::new(py, t.iter())?.into_any()),
            Err(_) => Ok(got),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PySession>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> PyResult<u64> {
        crate::wrap::content_hash(&self.inner)
    }

    fn __repr__(&self) -> String {
        let m = &self.inner.meta;
        let title = m
            .title
            .as_deref()
            .or(self.path.as_deref())
            .map(|t| format!(" {:?}", excerpt(t, 50)))
            .unwrap_or_default();
        format!(
            "<Session {}{}: {} statements, {} words, {} skipped>",
            m.format,
            title,
            self.inner.statements.len(),
            self.inner.word_count(),
            self.inner.skipped.len()
        )
    }

    /// Pickles as its JSON, which `from_json` reads back.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, PickleArgs)> {
        let from_json = slf.get_type().getattr("from_json")?;
        let s = slf.get();
        Ok((
            from_json,
            (
                serde_json::to_string(&s.inner).unwrap_or_default(),
                s.path.clone(),
            ),
        ))
    }
}

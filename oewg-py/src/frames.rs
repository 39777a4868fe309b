//! The tables a notebook wants — statements, speakers, paragraphs,
//! arguments — built column by column in Rust and handed to Python in one
//! go (a dict of lists), never by reading attributes back object by object.
//! `oewg/_frames.py` turns the columns into a pandas DataFrame or a pyarrow
//! Table with fixed dtypes.

use crate::session::PySession;
use oewg_core::{analysis, text, Session};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::collections::HashMap;

/// Which table.
#[derive(Clone, Copy)]
pub enum Table {
    Statements,
    Speakers,
    Paragraphs,
    Arguments,
}

impl std::str::FromStr for Table {
    type Err = PyErr;

    fn from_str(s: &str) -> PyResult<Table> {
        match s {
            "statements" => Ok(Table::Statements),
            "speakers" => Ok(Table::Speakers),
            "paragraphs" => Ok(Table::Paragraphs),
            "arguments" => Ok(Table::Arguments),
            other => Err(PyValueError::new_err(format!(
                "unknown table {other:?}: expected \"statements\", \"speakers\", \"paragraphs\" or \"arguments\""
            ))),
        }
    }
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Statements => "statements",
            Table::Speakers => "speakers",
            Table::Paragraphs => "paragraphs",
            Table::Arguments => "arguments",
        }
    }
}

/// What a column holds; `oewg/_frames.py` gives each kind its dtype.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    OptInt,
    Float,
    Str,
    OptStr,
    StrList,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::OptInt => "opt_int",
            Kind::Float => "float",
            Kind::Str => "str",
            Kind::OptStr => "opt_str",
            Kind::StrList => "str_list",
        }
    }
}

use Kind::*;

/// The session's own columns, first on every row of a corpus table.
const SESSION: &[(&str, Kind)] = &[
    ("path", OptStr),
    ("format", Str),
    ("process", OptStr),
    ("session", OptInt),
    ("meeting", OptInt),
    ("date", OptStr),
    ("title", OptStr),
];

const STATEMENTS: &[(&str, Kind)] = &[
    ("index", Int),
    ("speaker", Str),
    ("role", Str),
    ("name", OptStr),
    ("iso3", OptStr),
    ("on_behalf_of", OptStr),
    ("words", Int),
    ("kind", Str),
    ("span_start", Int),
    ("span_end", Int),
    ("line_start", Int),
    ("line_end", Int),
    ("text", Str),
];

const SPEAKERS: &[(&str, Kind)] = &[
    ("speaker", Str),
    ("role", Str),
    ("iso3", OptStr),
    ("turns", Int),
    ("substantive_turns", Int),
    ("words", Int),
    ("share", Float),
    ("first_statement", Int),
    ("speech_speed_wpm", OptInt),
    ("speech_length_words", OptInt),
    ("speech_time_s", OptInt),
];

const PARAGRAPHS: &[(&str, Kind)] = &[
    ("statement", Int),
    ("paragraph", Int),
    ("speaker", Str),
    ("role", Str),
    ("name", OptStr),
    ("iso3", OptStr),
    ("words", Int),
    ("span_start", Int),
    ("span_end", Int),
    ("line_start", Int),
    ("line_end", Int),
    ("text", Str),
];

const ARGUMENTS: &[(&str, Kind)] = &[
    ("speaker", Str),
    ("argument", Int),
    ("title", Str),
    ("explanation", OptStr),
    ("evidence", OptStr),
    ("major_discussion_point", OptStr),
    ("topics", StrList),
    ("agreed_with", StrList),
    ("agreed_on", OptStr),
    ("differed_with", StrList),
    ("differed_on", OptStr),
];

/// One column's values.
enum Column {
    Int(Vec<i64>),
    OptInt(Vec<Option<i64>>),
    Float(Vec<f64>),
    Str(Vec<String>),
    OptStr(Vec<Option<String>>),
    StrList(Vec<Vec<String>>),
}

/// A table's columns, declared up front from its schema and filled a whole
/// row at a time, in schema order.
struct Columns {
    schema: Vec<(&'static str, Kind)>,
    values: Vec<Column>,
    /// The column the next `push_*` writes.
    at: usize,
}

macro_rules! push {
    ($fn:ident, $variant:ident, $t:ty) => {
        fn $fn(&mut self, name: &'static str, v: $t) {
            debug_assert_eq!(self.schema[self.at].0, name);
            if let Column::$variant(col) = &mut self.values[self.at] {
                col.push(v);
            }
            self.at += 1;
        }
    };
}

impl Columns {
    fn new(table: Table, with_session: bool) -> Columns {
        let own = match table {
            Table::Statements => STATEMENTS,
            Table::Speakers => SPEAKERS,
            Table::Paragraphs => PARAGRAPHS,
            Table::Arguments => ARGUMENTS,
        };
        let session: &[(&str, Kind)] = if with_session { SESSION } else { &[] };
        let schema: Vec<(&'static str, Kind)> = session.iter().chain(own).copied().collect();
        let values = schema
            .iter()
            .map(|(_, kind)| match kind {
                Int => Column::Int(Vec::new()),
                OptInt => Column::OptInt(Vec::new()),
                Float => Column::Float(Vec::new()),
                Str => Column::Str(Vec::new()),
                OptStr => Column::OptStr(Vec::new()),
                StrList => Column::StrList(Vec::new()),
            })
            .collect();
        Columns {
            schema,
            values,
            at: 0,
        }
    }

    push!(int, Int, i64);
    push!(opt_int, OptInt, Option<i64>);
    push!(float, Float, f64);
    push!(str, Str, String);
    push!(opt_str, OptStr, Option<String>);
    push!(str_list, StrList, Vec<String>);

    fn end_row(&mut self) {
        debug_assert_eq!(self.at, self.schema.len());
        self.at = 0;
    }

    /// The session's own columns, at the start of a corpus row.
    fn session(&mut self, s: &Session, path: Option<&str>) {
        let m = &s.meta;
        self.opt_str("path", path.map(str::to_string));
        self.str("format", m.format.as_str().to_string());
        self.opt_str("process", m.process.clone());
        self.opt_int("session", m.session.map(i64::from));
        self.opt_int("meeting", m.meeting.map(i64::from));
        self.opt_str("date", m.date.clone());
        self.opt_str("title", m.title.clone());
    }

    /// The columns as a dict of lists, and each column's kind.
    fn into_dicts<'py>(
        self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
        let (columns, kinds) = (PyDict::new(py), PyDict::new(py));
        for ((name, kind), col) in self.schema.into_iter().zip(self.values) {
            let list = match col {
                Column::Int(v) => PyList::new(py, v)?,
                Column::OptInt(v) => PyList::new(py, v)?,
                Column::Float(v) => PyList::new(py, v)?,
                Column::Str(v) => PyList::new(py, v)?,
                Column::OptStr(v) => PyList::new(py, v)?,
                Column::StrList(v) => PyList::new(py, v)?,
            };
            columns.set_item(name, list)?;
            kinds.set_item(name, kind.name())?;
        }
        Ok((columns, kinds))
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn statements(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for st in &s.statements {
        if with_session {
            c.session(s, path);
        }
        let sp = &st.speaker;
        c.int("index", count(st.index));
        c.str("speaker", sp.label.clone());
        c.str("role", sp.role.as_str().to_string());
        c.opt_str("name", sp.name.clone());
        c.opt_str("iso3", sp.iso3.clone());
        c.opt_str("on_behalf_of", sp.on_behalf_of.clone());
        c.int("words", count(st.word_count));
        c.str("kind", crate::wrap::serde_name(&st.kind));
        c.int("span_start", count(st.span.start));
        c.int("span_end", count(st.span.end));
        c.int("line_start", count(st.span.line_start));
        c.int("line_end", count(st.span.line_end));
        c.str("text", st.text.clone());
        c.end_row();
    }
}

fn paragraphs(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for st in &s.statements {
        // Each paragraph span has exactly one text, in order; the core
        // keeps the two in step.
        for (n, (span, para)) in st.paragraphs.iter().zip(st.paragraph_texts()).enumerate() {
            if with_session {
                c.session(s, path);
            }
            let sp = &st.speaker;
            c.int("statement", count(st.index));
            c.int("paragraph", count(n));
            c.str("speaker", sp.label.clone());
            c.str("role", sp.role.as_str().to_string());
            c.opt_str("name", sp.name.clone());
            c.opt_str("iso3", sp.iso3.clone());
            c.int("words", count(text::word_count(para)));
            c.int("span_start", count(span.start));
            c.int("span_end", count(span.end));
            c.int("line_start", count(span.line_start));
            c.int("line_end", count(span.line_end));
            c.str("text", para.to_string());
            c.end_row();
        }
    }
}

/// The share of the floor, with a report's statistics for the speaker:
/// its speaker blocks are named with the transcript's labels, so a row
/// takes the blocks of the labels its statements carry.
fn speakers(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    let mut labels: HashMap<&str, Vec<&str>> = HashMap::new();
    for st in &s.statements {
        let key = st.speaker.name.as_deref().unwrap_or(&st.speaker.label);
        let seen = labels.entry(key).or_default();
        if !seen.contains(&st.speaker.label.as_str()) {
            seen.push(&st.speaker.label);
        }
    }
    let blocks: HashMap<&str, &oewg_core::SpeakerAnalysis> = s
        .report
        .iter()
        .flat_map(|r| r.speakers.iter().map(|b| (b.name.as_str(), b)))
        .collect();
    for row in analysis::floor(s) {
        if with_session {
            c.session(s, path);
        }
        let mine: Vec<&oewg_core::SpeakerAnalysis> = labels
            .get(row.speaker.as_str())
            .into_iter()
            .flatten()
            .filter_map(|l| blocks.get(l).copied())
            .collect();
        let stat = |f: fn(&oewg_core::SpeakerAnalysis) -> Option<u32>| -> Option<i64> {
            mine.iter().map(|b| f(b).map(i64::from)).sum()
        };
        // Speeds do not add up: one block gives its own, several none.
        let speed = match mine.as_slice() {
            [one] => one.speech_speed_wpm.map(i64::from),
            _ => None,
        };
        c.str("speaker", row.speaker.clone());
        c.str("role", row.role.as_str().to_string());
        c.opt_str("iso3", row.iso3.clone());
        c.int("turns", count(row.turns));
        c.int("substantive_turns", count(row.substantive_turns));
        c.int("words", count(row.words));
        c.float("share", row.share);
        c.int("first_statement", count(row.first_statement));
        c.opt_int(
            "speech_speed_wpm",
            if mine.is_empty() { None } else { speed },
        );
        c.opt_int(
            "speech_length_words",
            if mine.is_empty() {
                None
            } else {
                stat(|b| b.speech_length_words)
            },
        );
        c.opt_int(
            "speech_time_s",
            if mine.is_empty() {
                None
            } else {
                stat(|b| b.speech_time_s)
            },
        );
        c.end_row();
    }
}

fn arguments(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for block in s.report.iter().flat_map(|r| &r.speakers) {
        for (n, a) in block.arguments.iter().enumerate() {
            if with_session {
                c.session(s, path);
            }
            c.str("speaker", block.name.clone());
            c.int("argument", count(n));
            c.str("title", a.title.clone());
            c.opt_str("explanation", a.explanation.clone());
            c.opt_str("evidence", a.evidence.clone());
            c.opt_str("major_discussion_point", a.major_discussion_point.clone());
            c.str_list("topics", a.topics.clone());
            c.str_list("agreed_with", a.agreed_with.clone());
            c.opt_str("agreed_on", a.agreed_on.clone());
            c.str_list("differed_with", a.differed_with.clone());
            c.opt_str("differed_on", a.differed_on.clone());
            c.end_row();
        }
    }
}

/// The columns of `table` over `sessions`, with the session's columns
/// first on every row when `with_session`, and each column's kind.
fn build<'py>(
    py: Python<'py>,
    table: Table,
    sessions: &[&PySession],
    with_session: bool,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
    let mut c = Columns::new(table, with_session);
    for s in sessions {
        let (session, path) = (&s.inner, s.path.as_deref());
        match table {
            Table::Statements => statements(&mut c, session, path, with_session),
            Table::Speakers => speakers(&mut c, session, path, with_session),
            Table::Paragraphs => paragraphs(&mut c, session, path, with_session),
            Table::Arguments => arguments(&mut c, session, path, with_session),
        }
    }
    c.into_dicts(py)
}

/// The columns of `table` as a dict of lists.
pub fn columns<'py>(
    py: Python<'py>,
    table: Table,
    sessions: &[&PySession],
    with_session: bool,
) -> PyResult<Bound<'py, PyDict>> {
    Ok(build(py, table, sessions, with_session)?.0)
}

/// The table as a pandas DataFrame (`kind` "pandas") or a pyarrow Table
/// ("arrow"), made by `oewg._frames` from the columns and their kinds.
pub fn frame<'py>(
    py: Python<'py>,
    table: Table,
    sessions: &[&PySession],
    with_session: bool,
    kind: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let (columns, kinds) = build(py, table, sessions, with_session)?;
    py.import("oewg._frames")?
        .getattr(if kind == "arrow" {
            "to_arrow"
        } else {
            "to_pandas"
        })?
        .call1((table.name(), columns, kinds))
}

/// `oewg.Corpus` tables: `table` over many sessions, each row carrying its
/// session's path and meta, as a pandas DataFrame (`kind` "pandas") or a
/// pyarrow Table ("arrow").
#[pyfunction]
#[pyo3(signature = (table, sessions, kind = "pandas"))]
pub fn corpus_frame<'py>(
    py: Python<'py>,
    table: &str,
    sessions: Vec<PyRef<'py, PySession>>,
    kind: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let refs: Vec<&PySession> = sessions.iter().map(|s| &**s).collect();
    frame(py, table.parse()?, &refs, true, kind)
}

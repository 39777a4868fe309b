//! The tables a notebook wants — statements, speakers, paragraphs,
//! arguments — built column by column in Rust and handed to Python in one
//! go (a dict of lists), never by reading attributes back object by object.
//! `oewg/_frames.py` turns the columns into a pandas DataFrame or a pyarrow
//! Table with fixed dtypes.

use crate::session::PySession;
use oewg_core::{analysis, text, Session};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

/// Which table.
#[derive(Clone, Copy, PartialEq)]
pub enum Table {
    Statements,
    Speakers,
    Paragraphs,
    Arguments,
    Alignments,
    Anomalies,
    Topics,
    Segments,
    Proposals,
}

/// Every table, by the name Python uses.
const TABLES: &[(&str, Table)] = &[
    ("statements", Table::Statements),
    ("speakers", Table::Speakers),
    ("paragraphs", Table::Paragraphs),
    ("arguments", Table::Arguments),
    ("alignments", Table::Alignments),
    ("anomalies", Table::Anomalies),
    ("topics", Table::Topics),
    ("segments", Table::Segments),
    ("proposals", Table::Proposals),
];

impl std::str::FromStr for Table {
    type Err = PyErr;

    fn from_str(s: &str) -> PyResult<Table> {
        TABLES
            .iter()
            .find(|(name, _)| *name == s)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let names: Vec<String> = TABLES.iter().map(|(n, _)| format!("{n:?}")).collect();
                PyValueError::new_err(format!(
                    "unknown table {s:?}: expected one of {}",
                    names.join(", ")
                ))
            })
    }
}

impl Table {
    fn name(self) -> &'static str {
        TABLES
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("", |(n, _)| n)
    }

    fn schema(self) -> &'static [(&'static str, Kind)] {
        match self {
            Table::Statements => STATEMENTS,
            Table::Speakers => SPEAKERS,
            Table::Paragraphs => PARAGRAPHS,
            Table::Arguments => ARGUMENTS,
            Table::Alignments => ALIGNMENTS,
            Table::Anomalies => ANOMALIES,
            Table::Topics => TOPICS,
            Table::Segments => SEGMENTS,
            Table::Proposals => PROPOSALS,
        }
    }
}

/// What a column holds; `oewg/_frames.py` gives each kind its dtype.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Bool,
    Int,
    OptInt,
    Float,
    Str,
    OptStr,
    StrList,
    IntList,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::OptInt => "opt_int",
            Kind::Float => "float",
            Kind::Str => "str",
            Kind::OptStr => "opt_str",
            Kind::StrList => "str_list",
            Kind::IntList => "int_list",
        }
    }
}

use Kind::*;

/// The session's own columns, first on every row of a corpus table.
const SESSION: &[(&str, Kind)] = &[
    // The session's place in `Corpus.sessions`, as `document` in the
    // corpus views: sessions read from text have no path to tell apart.
    ("document", Int),
    ("path", OptStr),
    ("format", Str),
    ("process", OptStr),
    ("session", OptInt),
    ("meeting", OptInt),
    ("date", OptStr),
    ("session_title", OptStr),
];

const STATEMENTS: &[(&str, Kind)] = &[
    ("index", Int),
    ("label", Str),
    ("speaker", Str),
    ("role", Str),
    ("name", OptStr),
    ("iso3", OptStr),
    ("on_behalf_of", OptStr),
    ("regional_group", OptStr),
    ("confidence", Float),
    ("words", Int),
    ("kind", Str),
    ("time_offset_s", OptInt),
    ("language", OptStr),
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
    ("label", Str),
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
    ("label", Str),
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

const ALIGNMENTS: &[(&str, Kind)] = &[
    ("statement", Int),
    ("speaker", Str),
    ("kind", Str),
    ("aligned_with", Str),
    ("aligned_with_role", Str),
    ("resolved", Bool),
    ("on_behalf_of", OptStr),
    ("sentence", Str),
    ("start", Int),
    ("end", Int),
];

const PROPOSALS: &[(&str, Kind)] = &[
    ("proposal", Str),
    ("name", Str),
    ("kind", Str),
    ("sponsors", StrList),
    ("cosponsors", OptInt),
    ("cosponsor_names", StrList),
    ("statement", Int),
    ("speaker", Str),
    ("stance", Str),
    ("cues", StrList),
    ("named_as", Str),
    ("sentence", Str),
    ("start", Int),
    ("end", Int),
];

const ANOMALIES: &[(&str, Kind)] = &[
    ("kind", Str),
    ("speaker", Str),
    ("statements", IntList),
    ("sentence", OptStr),
    ("sentence_statement", OptInt),
    ("start", OptInt),
    ("end", OptInt),
];

const TOPICS: &[(&str, Kind)] = &[
    ("statement", Int),
    ("label", Str),
    ("speaker", Str),
    ("topic", Str),
    ("terms", StrList),
    ("hits", Int),
];

const SEGMENTS: &[(&str, Kind)] = &[
    ("agenda_item", OptInt),
    ("sub_item", OptInt),
    ("title", OptStr),
    ("first_statement", Int),
    ("last_statement", Int),
    ("turns", Int),
    ("words", Int),
];

/// One column, kept as the buffers of its Arrow array: values (numbers, or
/// UTF-8 bytes with `i64` offsets), and which rows are null.
#[derive(Default)]
struct Column {
    /// Numbers (`Int`, `OptInt` as `i64`; `Float` as `f64` bits) or, for
    /// strings, the offsets into `data`; for a list of strings, the offsets
    /// into the child strings.
    numbers: Vec<i64>,
    floats: Vec<f64>,
    /// UTF-8 bytes of every string, one after another.
    data: Vec<u8>,
    /// For a list of strings: the child strings' offsets into `data`.
    child_offsets: Vec<i64>,
    /// For a list of numbers: the numbers, one list after another.
    child_ints: Vec<i64>,
    /// Whether each row holds a value.
    valid: Vec<bool>,
}

impl Column {
    fn new(kind: Kind) -> Column {
        let mut c = Column::default();
        match kind {
            Str | OptStr => c.numbers.push(0),
            StrList => {
                c.numbers.push(0);
                c.child_offsets.push(0);
            }
            IntList => c.numbers.push(0),
            Bool | Int | OptInt | Float => {}
        }
        c
    }

    fn push_str(&mut self, s: &str) {
        self.data.extend_from_slice(s.as_bytes());
        self.numbers.push(len_i64(self.data.len()));
    }

    /// Arrow's validity bitmap (bit i set: row i has a value), or `None`
    /// when every row has one.
    fn bitmap(&self) -> Option<Vec<u8>> {
        if self.valid.iter().all(|v| *v) {
            return None;
        }
        let mut bits = vec![0u8; self.valid.len().div_ceil(8)];
        for (i, _) in self.valid.iter().enumerate().filter(|(_, v)| **v) {
            bits[i / 8] |= 1 << (i % 8);
        }
        Some(bits)
    }
}

fn len_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn le_bytes(v: &[i64]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// A table's columns, declared up front from its schema and filled a whole
/// row at a time, in schema order.
struct Columns {
    schema: Vec<(&'static str, Kind)>,
    values: Vec<Column>,
    rows: usize,
    /// The column the next push writes.
    at: usize,
    /// The index of the session the rows are of, for `document`.
    document: usize,
}

impl Columns {
    fn new(table: Table, with_session: bool) -> Columns {
        let own = table.schema();
        let session: &[(&str, Kind)] = if with_session { SESSION } else { &[] };
        let schema: Vec<(&'static str, Kind)> = session.iter().chain(own).copied().collect();
        let values = schema.iter().map(|(_, kind)| Column::new(*kind)).collect();
        Columns {
            schema,
            values,
            rows: 0,
            at: 0,
            document: 0,
        }
    }

    /// The next column, checked against the schema.
    fn next(&mut self, name: &'static str, kind: Kind) -> &mut Column {
        debug_assert_eq!(self.schema[self.at], (name, kind));
        self.at += 1;
        &mut self.values[self.at - 1]
    }

    fn bool(&mut self, name: &'static str, v: bool) {
        let c = self.next(name, Bool);
        c.numbers.push(i64::from(v));
        c.valid.push(true);
    }

    fn int(&mut self, name: &'static str, v: i64) {
        let c = self.next(name, Int);
        c.numbers.push(v);
        c.valid.push(true);
    }

    fn opt_int(&mut self, name: &'static str, v: Option<i64>) {
        let c = self.next(name, OptInt);
        c.numbers.push(v.unwrap_or(0));
        c.valid.push(v.is_some());
    }

    fn float(&mut self, name: &'static str, v: f64) {
        let c = self.next(name, Float);
        c.floats.push(v);
        c.valid.push(true);
    }

    fn str(&mut self, name: &'static str, v: &str) {
        let c = self.next(name, Str);
        c.push_str(v);
        c.valid.push(true);
    }

    fn opt_str(&mut self, name: &'static str, v: Option<&str>) {
        let c = self.next(name, OptStr);
        c.push_str(v.unwrap_or(""));
        c.valid.push(v.is_some());
    }

    fn str_list(&mut self, name: &'static str, v: &[String]) {
        let c = self.next(name, StrList);
        for s in v {
            c.data.extend_from_slice(s.as_bytes());
            c.child_offsets.push(len_i64(c.data.len()));
        }
        c.numbers.push(len_i64(c.child_offsets.len() - 1));
        c.valid.push(true);
    }

    fn int_list(&mut self, name: &'static str, v: &[usize]) {
        let c = self.next(name, IntList);
        c.child_ints.extend(v.iter().map(|n| len_i64(*n)));
        c.numbers.push(len_i64(c.child_ints.len()));
        c.valid.push(true);
    }

    fn end_row(&mut self) {
        debug_assert_eq!(self.at, self.schema.len());
        self.at = 0;
        self.rows += 1;
    }

    /// The session's own columns, at the start of a corpus row.
    fn session(&mut self, s: &Session, path: Option<&str>) {
        let m = &s.meta;
        self.int("document", len_i64(self.document));
        self.opt_str("path", path);
        self.str("format", m.format.as_str());
        self.opt_str("process", m.process.as_deref());
        self.opt_int("session", m.session.map(i64::from));
        self.opt_int("meeting", m.meeting.map(i64::from));
        self.opt_str("date", m.date.as_deref());
        self.opt_str("session_title", m.title.as_deref());
    }

    /// Each column as `(name, kind, rows, validity, buffers)`: the bytes
    /// `oewg/_frames.py` hands to `pyarrow.Array.from_buffers`, one copy
    /// each and no Python object per row.
    fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for ((name, kind), col) in self.schema.into_iter().zip(self.values) {
            let bytes = |b: &[u8]| PyBytes::new(py, b);
            let validity = col.bitmap().map(|b| bytes(&b));
            let buffers: Vec<Bound<'py, PyBytes>> = match kind {
                // Arrow's booleans are bits, least significant first.
                Bool => {
                    let mut bits = vec![0u8; col.numbers.len().div_ceil(8)];
                    for (i, _) in col.numbers.iter().enumerate().filter(|(_, v)| **v != 0) {
                        bits[i / 8] |= 1 << (i % 8);
                    }
                    vec![bytes(&bits)]
                }
                Int | OptInt => vec![bytes(&le_bytes(&col.numbers))],
                Float => {
                    let raw: Vec<u8> = col.floats.iter().flat_map(|x| x.to_le_bytes()).collect();
                    vec![bytes(&raw)]
                }
                Str | OptStr => vec![bytes(&le_bytes(&col.numbers)), bytes(&col.data)],
                StrList => vec![
                    bytes(&le_bytes(&col.numbers)),
                    bytes(&le_bytes(&col.child_offsets)),
                    bytes(&col.data),
                ],
                IntList => vec![
                    bytes(&le_bytes(&col.numbers)),
                    bytes(&le_bytes(&col.child_ints)),
                ],
            };
            out.append((name, kind.name(), self.rows, validity, buffers))?;
        }
        Ok(out)
    }
}

fn statements(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for st in &s.statements {
        if with_session {
            c.session(s, path);
        }
        let sp = &st.speaker;
        c.int("index", len_i64(st.index));
        // `speaker` is the name every other table groups by; the label as
        // written is kept beside it.
        c.str("label", &sp.label);
        c.str("speaker", sp.canonical_name());
        c.str("role", sp.role.as_str());
        c.opt_str("name", sp.name.as_deref());
        c.opt_str("iso3", sp.iso3.as_deref());
        c.opt_str("on_behalf_of", sp.on_behalf_of.as_deref());
        c.opt_str("regional_group", sp.regional_group.map(|g| g.as_str()));
        c.float("confidence", sp.confidence);
        c.int("words", len_i64(st.word_count));
        c.str("kind", &crate::wrap::serde_name(&st.kind));
        c.opt_int("time_offset_s", st.time_offset_s.map(i64::from));
        c.opt_str("language", st.language.as_deref());
        c.int("span_start", len_i64(st.span.start));
        c.int("span_end", len_i64(st.span.end));
        c.int("line_start", len_i64(st.span.line_start));
        c.int("line_end", len_i64(st.span.line_end));
        c.str("text", &st.text);
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
            c.int("statement", len_i64(st.index));
            c.int("paragraph", len_i64(n));
            c.str("label", &sp.label);
            c.str("speaker", sp.canonical_name());
            c.str("role", sp.role.as_str());
            c.opt_str("name", sp.name.as_deref());
            c.opt_str("iso3", sp.iso3.as_deref());
            c.int("words", len_i64(text::word_count(para)));
            c.int("span_start", len_i64(span.start));
            c.int("span_end", len_i64(span.end));
            c.int("line_start", len_i64(span.line_start));
            c.int("line_end", len_i64(span.line_end));
            c.str("text", para);
            c.end_row();
        }
    }
}

/// The share of the floor, with a report's statistics for the speaker:
/// its speaker blocks are named with the transcript's labels, so a row
/// takes the blocks of the labels its statements carry.
fn speakers(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    // The report's figures, row by row of the floor (none for no report).
    let figures = analysis::report_figures(s);
    for (i, row) in analysis::floor(s).into_iter().enumerate() {
        if with_session {
            c.session(s, path);
        }
        let mine = figures.get(i).filter(|f| f.blocks > 0);
        c.str("speaker", &row.speaker);
        c.str("role", row.role.as_str());
        c.opt_str("iso3", row.iso3.as_deref());
        c.int("turns", len_i64(row.turns));
        c.int("substantive_turns", len_i64(row.substantive_turns));
        c.int("words", len_i64(row.words));
        c.float("share", row.share);
        c.int("first_statement", len_i64(row.first_statement));
        c.opt_int(
            "speech_speed_wpm",
            mine.and_then(|f| f.speech_speed_wpm).map(i64::from),
        );
        c.opt_int(
            "speech_length_words",
            mine.and_then(|f| f.speech_length_words).map(i64::from),
        );
        c.opt_int(
            "speech_time_s",
            mine.and_then(|f| f.speech_time_s).map(i64::from),
        );
        c.end_row();
    }
}

fn arguments(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for block in s.report.iter().flat_map(|r| &r.speakers) {
        // The block's name as a statement's label with it resolves, the
        // name the other tables group by; the name as written beside it.
        let speaker = oewg_core::speakers::resolve(&block.name);
        for (n, a) in block.arguments.iter().enumerate() {
            if with_session {
                c.session(s, path);
            }
            c.str("label", &block.name);
            c.str("speaker", speaker.canonical_name());
            c.int("argument", len_i64(n));
            c.str("title", &a.title);
            c.opt_str("explanation", a.explanation.as_deref());
            c.opt_str("evidence", a.evidence.as_deref());
            c.opt_str(
                "major_discussion_point",
                a.major_discussion_point.as_deref(),
            );
            c.str_list("topics", &a.topics);
            c.str_list("agreed_with", &a.agreed_with);
            c.opt_str("agreed_on", a.agreed_on.as_deref());
            c.str_list("differed_with", &a.differed_with);
            c.opt_str("differed_on", a.differed_on.as_deref());
            c.end_row();
        }
    }
}

fn alignments(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for a in &s.analysis.alignments {
        if with_session {
            c.session(s, path);
        }
        c.int("statement", len_i64(a.statement));
        c.str("speaker", &a.speaker);
        c.str("kind", a.kind.as_str());
        c.str("aligned_with", &a.aligned_with);
        c.str("aligned_with_role", a.aligned_with_role.as_str());
        c.bool("resolved", a.resolved);
        c.opt_str("on_behalf_of", a.on_behalf_of.as_deref());
        c.str("sentence", &a.excerpt.text);
        c.int("start", len_i64(a.excerpt.start));
        c.int("end", len_i64(a.excerpt.end));
        c.end_row();
    }
}

/// One row a mention, with its proposal's columns repeated; in a corpus,
/// the proposal's id and name in the corpus (`keys`, by proposal).
fn proposals(
    c: &mut Columns,
    s: &Session,
    path: Option<&str>,
    with_session: bool,
    keys: Option<&[(String, String)]>,
) {
    for (i, p) in s.analysis.proposals.iter().enumerate() {
        let kind = crate::wrap::serde_name(&p.kind);
        let (id, name) = keys
            .and_then(|k| k.get(i))
            .map_or((p.id.as_str(), p.name.as_str()), |(id, name)| {
                (id.as_str(), name.as_str())
            });
        for m in &p.mentions {
            if with_session {
                c.session(s, path);
            }
            let cues: Vec<String> = m.cues.iter().map(|q| q.text.clone()).collect();
            c.str("proposal", id);
            c.str("name", name);
            c.str("kind", &kind);
            c.str_list("sponsors", &p.sponsors);
            c.opt_int("cosponsors", p.cosponsors.map(i64::from));
            c.str_list("cosponsor_names", &p.cosponsor_names);
            c.int("statement", len_i64(m.statement));
            c.str("speaker", &m.speaker);
            c.str("stance", m.stance.as_str());
            c.str_list("cues", &cues);
            c.str("named_as", &m.words.text);
            let text = s
                .statements
                .get(m.statement)
                .map_or("", |st| st.text.as_str());
            c.str(
                "sentence",
                text.get(m.sentence.start..m.sentence.end).unwrap_or(""),
            );
            c.int("start", len_i64(m.sentence.start));
            c.int("end", len_i64(m.sentence.end));
            c.end_row();
        }
    }
}

fn anomalies(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for a in &s.analysis.floor_audit.anomalies {
        if with_session {
            c.session(s, path);
        }
        c.str("kind", &crate::wrap::serde_name(&a.kind));
        c.str("speaker", &a.speaker);
        c.int_list("statements", &a.statements);
        c.opt_str("sentence", a.excerpt.as_ref().map(|e| e.text.as_str()));
        // The excerpt's offsets are into this statement's text, which need
        // not be one of `statements` (an out-of-order turn's excerpt is the
        // Chair's earlier announcement of the order).
        c.opt_int(
            "sentence_statement",
            a.excerpt.as_ref().map(|e| len_i64(e.statement)),
        );
        c.opt_int("start", a.excerpt.as_ref().map(|e| len_i64(e.start)));
        c.opt_int("end", a.excerpt.as_ref().map(|e| len_i64(e.end)));
        c.end_row();
    }
}

/// One row a statement and topic, with the vocabulary terms found.
fn topics(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for st in &s.analysis.topics.statements {
        let (label, speaker) = s.statements.get(st.statement).map_or(("", ""), |x| {
            (x.speaker.label.as_str(), x.speaker.canonical_name())
        });
        for tag in &st.tags {
            if with_session {
                c.session(s, path);
            }
            // Each term once, in the order first found: "capacity
            // building" said three times is one term of the cell.
            let mut terms: Vec<String> = Vec::with_capacity(tag.evidence.len());
            for h in &tag.evidence {
                if !terms.iter().any(|t| *t == h.term) {
                    terms.push(h.term.to_string());
                }
            }
            c.int("statement", len_i64(st.statement));
            c.str("label", label);
            c.str("speaker", speaker);
            c.str("topic", &crate::wrap::serde_name(&tag.topic));
            c.str_list("terms", &terms);
            c.int("hits", len_i64(tag.evidence.len()));
            c.end_row();
        }
    }
}

fn segments(c: &mut Columns, s: &Session, path: Option<&str>, with_session: bool) {
    for g in &s.analysis.segments {
        if with_session {
            c.session(s, path);
        }
        c.opt_int("agenda_item", g.agenda_item.map(i64::from));
        c.opt_int("sub_item", g.sub_item.map(i64::from));
        c.opt_str("title", g.title.as_deref());
        c.int("first_statement", len_i64(g.first_statement));
        c.int("last_statement", len_i64(g.last_statement));
        c.int("turns", len_i64(g.turns));
        c.int("words", len_i64(g.words));
        c.end_row();
    }
}

impl Table {
    /// Whether the table reads `Session.analysis`: over a session parsed
    /// without the analyses, they are run for it, as `Corpus` runs them.
    fn reads_analyses(self) -> bool {
        // The speakers table makes its figures from the statements and
        // the report (`floor`, `report_figures`).
        !matches!(
            self,
            Table::Statements | Table::Paragraphs | Table::Arguments | Table::Speakers
        )
    }
}

/// The columns of `table` over `sessions`, with the session's columns
/// first on every row when `with_session`; `keys`, for a corpus, each
/// session's proposals' ids and names in the corpus.
fn build(
    table: Table,
    sessions: &[&PySession],
    with_session: bool,
    keys: Option<&[Vec<(String, String)>]>,
) -> Columns {
    let mut c = Columns::new(table, with_session);
    for (document, s) in sessions.iter().enumerate() {
        c.document = document;
        let path = s.path.as_deref();
        let session: std::borrow::Cow<'_, Session> =
            if table.reads_analyses() && !analysis::has_analyses(&s.inner) {
                let mut analysed = s.inner.clone();
                analysis::ensure_analyses(&mut analysed);
                std::borrow::Cow::Owned(analysed)
            } else {
                std::borrow::Cow::Borrowed(&s.inner)
            };
        let session = &*session;
        match table {
            Table::Statements => statements(&mut c, session, path, with_session),
            Table::Speakers => speakers(&mut c, session, path, with_session),
            Table::Paragraphs => paragraphs(&mut c, session, path, with_session),
            Table::Arguments => arguments(&mut c, session, path, with_session),
            Table::Alignments => alignments(&mut c, session, path, with_session),
            Table::Anomalies => anomalies(&mut c, session, path, with_session),
            Table::Topics => topics(&mut c, session, path, with_session),
            Table::Segments => segments(&mut c, session, path, with_session),
            Table::Proposals => proposals(
                &mut c,
                session,
                path,
                with_session,
                keys.and_then(|k| k.get(document)).map(Vec::as_slice),
            ),
        }
    }
    c
}

/// The table as a pandas DataFrame (`kind` "pandas") or a pyarrow Table
/// ("arrow"), made by `oewg._frames` from the columns' Arrow buffers.
pub fn frame<'py>(
    py: Python<'py>,
    table: Table,
    sessions: &[&PySession],
    with_session: bool,
    keys: Option<&[Vec<(String, String)>]>,
    kind: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let columns = build(table, sessions, with_session, keys).into_py(py)?;
    py.import("oewg._frames")?
        .getattr(if kind == "arrow" {
            "to_arrow"
        } else {
            "to_pandas"
        })?
        .call1((table.name(), columns))
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
    let table: Table = table.parse()?;
    // The proposals by their ids in the corpus, as the corpus views and
    // the exports give them: the Chair's carry their session.
    let keys = (table == Table::Proposals).then(|| crate::corpus::proposal_keys(&sessions));
    let refs: Vec<&PySession> = sessions.iter().map(|s| &**s).collect();
    frame(py, table, &refs, true, keys.as_deref(), kind)
}

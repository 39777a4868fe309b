//! `Statement`, `Speaker`, `Span` and `Turn`: one turn at the floor.

use crate::wrap::{excerpt, wrapper};
use oewg_core as core;

wrapper! {
    /// A byte range of the source with the numbers of its first and last
    /// lines: ``source[span.start:span.end]`` of the UTF-8 *bytes* is the raw
    /// text (``span.slice(text)`` does it for a ``str``).
    PySpan(core::Span) as "Span";
    repr(|s| format!("Span({}..{}, lines {}-{})", s.start, s.end, s.line_start, s.line_end));
    fields {
        /// Byte offset of the first byte.
        start: usize,
        /// Byte offset just past the last byte.
        end: usize,
        /// 1-based number of the first line.
        line_start: usize,
        /// 1-based number of the last line.
        line_end: usize,
    }
    methods {
        /// The text of ``source`` this span covers.
        ///
        /// ``source`` is the record as parsed: read with ``open(path,
        /// encoding="utf-8", newline="")`` (Python's default newline
        /// handling drops the ``\r`` of ``\r\n`` and moves the offsets).
        /// Raises ``ValueError`` when the span does not fit ``source``, as
        /// ``TextRange.slice`` does: it is then another text.
        fn slice<'a>(&self, source: &'a str) -> pyo3::PyResult<&'a str> {
            source.get(self.0.start..self.0.end).ok_or_else(|| {
                pyo3::exceptions::PyValueError::new_err(format!(
                    "the span {}..{} (UTF-8 bytes) does not fit a text of {} bytes \
                     or cuts a character: pass the record as parsed (read with \
                     newline=\"\" to keep its \\r\\n)",
                    self.0.start,
                    self.0.end,
                    source.len()
                ))
            })
        }

        fn __len__(&self) -> usize {
            self.0.len()
        }

        fn __hash__(&self) -> u64 {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            self.0.hash(&mut h);
            h.finish()
        }
    }
}

wrapper! {
    /// Who spoke: the label as written and what it resolves to.
    PySpeaker(core::Speaker) as "Speaker";
    repr(|s| match &s.name {
        Some(name) if *name != s.label => format!("<Speaker {:?} = {} ({})>", s.label, name, s.role.as_str()),
        _ => format!("<Speaker {:?} ({})>", s.label, s.role.as_str()),
    });
    fields {
        /// The label as written, trimmed (HTML entities of a page's markup decoded).
        label: String,
        /// ``chair``, ``delegation``, ``group``, ``observer``, ``organization``,
        /// ``stakeholder`` or ``unknown``.
        role: String,
        /// Canonical name when the label is recognised (``Czechia`` for
        /// ``Czech Republic``).
        name: Option<String>,
        /// ISO 3166-1 alpha-3 code, for a state.
        iso3: Option<String>,
        /// The group the speaker speaks for, when the label says so.
        on_behalf_of: Option<String>,
        /// How sure the resolution is, 0 to 1: 1 for an exact name or alias,
        /// less for an approximate match of a mis-heard name.
        confidence: f64,
        /// The state's UN regional group (``african``, ``asia_pacific``,
        /// ``eastern_european``, ``latin_american_caribbean``,
        /// ``western_european_others``), or ``None``.
        regional_group: Option<String>,
        /// The person speaking, where the layout names them apart from
        /// whom they speak for (``Mr. Volkov`` in an official record).
        person: Option<String>,
        /// The speaker's function, where the layout gives it
        /// (``President``, ``Co-Chair``).
        function: Option<String>,
    }
    methods {
        /// The name every analysis and table groups by (the ``speaker``
        /// column of every frame): ``name`` when the label was
        /// recognised, else the label.
        #[getter]
        fn canonical_name(&self) -> &str {
            self.0.canonical_name()
        }

        fn __hash__(&self) -> ::pyo3::PyResult<u64> {
            crate::wrap::content_hash(&self.0)
        }
    }
}

wrapper! {
    /// One turn at the floor.
    PyStatement(core::Statement) as "Statement";
    repr(|s| format!(
        "<Statement {} {:?} ({}), {} words, lines {}-{}: {:?}>",
        s.index,
        s.speaker.label,
        s.speaker.role.as_str(),
        s.word_count,
        s.span.line_start,
        s.span.line_end,
        excerpt(&s.text, 40)
    ));
    fields {
        /// 0-based position in the session.
        index: usize,
        /// Who spoke.
        speaker: crate::statement::PySpeaker,
        /// The words, whitespace-normalised, paragraphs separated by a blank
        /// line.
        text: String,
        /// Whitespace-separated words in ``text``.
        word_count: usize,
        /// The raw turn in the source, speaker label included.
        span: crate::statement::PySpan,
        /// The raw speaker label in the source.
        label_span: crate::statement::PySpan,
        /// The raw span of each paragraph.
        paragraphs: Vec<crate::statement::PySpan>,
        /// ``"procedural"`` or ``"substantive"``.
        kind: String,
        /// Seconds from the start of the meeting, where the record gives a
        /// time stamp (``[1:15]``).
        time_offset_s: Option<u32>,
        /// The language spoken, when an official record says
        /// (``spoke in French``).
        language: Option<String>,
    }
    methods {
        /// The paragraphs of ``text``.
        fn paragraph_texts(&self) -> Vec<&str> {
            self.0.paragraph_texts().collect()
        }

        fn __hash__(&self) -> ::pyo3::PyResult<u64> {
            crate::wrap::content_hash(&self.0)
        }
    }
}

wrapper! {
    /// A turn as ``oewg.segment`` finds it: where, who the label says, how
    /// many words; nothing resolved.
    PyTurn(core::Turn) as "Turn";
    repr(|s| format!("<Turn {:?}, {} words, lines {}-{}>", s.label, s.word_count, s.span.line_start, s.span.line_end));
    fields {
        /// The speaker label as written, trimmed (HTML entities decoded).
        label: String,
        /// The whole turn, label included.
        span: crate::statement::PySpan,
        /// The label.
        label_span: crate::statement::PySpan,
        /// Words in the turn's text, counted as ``Statement.word_count`` is.
        word_count: usize,
    }
}

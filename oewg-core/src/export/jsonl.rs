//! JSON Lines: one statement a line, with the name and meta of its
//! session, for `pandas.read_json(lines=True)`, `jq` or a database loader.
//!
//! Each line is an object with `source` (the record's name), `meta` (its
//! [`Meta`]) and every field of the [`Statement`] (`index`, `speaker`,
//! `text`, `word_count`, `span`, …) at the top level.
//!
//! ```
//! let corpus = oewg_core::Corpus::from_texts(vec![("a.txt".into(), "Chair: Hello.\nCuba: Thanks.\n".into())]);
//! let mut out = Vec::new();
//! oewg_core::export::jsonl::write(&corpus, &mut out).unwrap();
//! let text = String::from_utf8(out).unwrap();
//! let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
//! assert_eq!(lines.len(), 2);
//! assert_eq!(lines[1]["source"], "a.txt");
//! assert_eq!(lines[1]["meta"]["format"], "turns");
//! assert_eq!(lines[1]["speaker"]["label"], "Cuba");
//! assert_eq!(lines[1]["text"], "Thanks.");
//! ```

use super::ExportError;
use crate::corpus::Corpus;
use crate::model::{Meta, Statement};
use serde::Serialize;
use std::io::Write;

/// One line of the export.
#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    meta: &'a Meta,
    #[serde(flatten)]
    statement: &'a Statement,
}

/// Writes every statement of `corpus`, in corpus order, one JSON object a
/// line.
///
/// # Errors
/// [`ExportError`] when `w` fails.
pub fn write(corpus: &Corpus, mut w: impl Write) -> Result<(), ExportError> {
    for doc in corpus.documents() {
        for statement in &doc.session.statements {
            let line = Line {
                source: &doc.name,
                meta: &doc.session.meta,
                statement,
            };
            serde_json::to_writer(&mut w, &line)?;
            w.write_all(b"\n")?;
        }
    }
    Ok(())
}

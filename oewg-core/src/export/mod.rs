//! Exports that other tools read as they are, one module each, written by
//! their own crates (serde_json, csv, quick-xml, schemars), never by
//! string concatenation:
//!
//! - [`jsonl`]: JSON Lines, one statement a line with its session's meta;
//! - [`tables`]: CSV tables of statements, speakers, alignments,
//!   anomalies, proposals and positions;
//! - [`tei`]: a session as TEI following Parla-CLARIN;
//! - [`schema`]: the JSON Schema of the [`Session`](crate::Session).
//!
//! [`write_dir`] writes them all for a [`Corpus`].
//!
//! ```
//! let corpus = oewg_core::Corpus::from_texts(vec![("one.txt".into(), "Chair: Hello.\n".into())]);
//! let dir = std::env::temp_dir().join("oewg_export_doctest");
//! let files = oewg_core::export::write_dir(&corpus, &dir, |_| {}).unwrap();
//! assert!(files.contains(&dir.join("statements.csv")));
//! assert!(files.contains(&dir.join("tei").join("one.xml")));
//! ```

pub mod jsonl;
pub mod schema;
pub mod tables;
pub mod tei;

use crate::corpus::Corpus;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Writing failed: the writer's own error, whichever format was
    /// being written (a full disk, a closed pipe). The message holds it,
    /// so it is not also the error's `source()`: a chain printed whole
    /// says it once.
    #[error("{}{error}", if path.is_empty() { String::new() } else { format!("{path}: ") })]
    Io {
        /// The file being written (empty for a writer given by the caller).
        path: String,
        /// What the operating system said.
        error: std::io::Error,
    },
    /// A CSV row could not be written (other than by the writer failing).
    #[error(transparent)]
    Csv(::csv::Error),
    /// A JSON value could not be written (other than by the writer
    /// failing).
    #[error(transparent)]
    Json(serde_json::Error),
}

impl From<std::io::Error> for ExportError {
    fn from(source: std::io::Error) -> Self {
        ExportError::Io {
            path: String::new(),
            error: source,
        }
    }
}

/// A failing writer is [`ExportError::Io`] whatever wrote to it, so
/// [`write_dir`] names its file and a caller matches one variant.
impl From<::csv::Error> for ExportError {
    fn from(e: ::csv::Error) -> Self {
        if !e.is_io_error() {
            return ExportError::Csv(e);
        }
        match e.into_kind() {
            ::csv::ErrorKind::Io(source) => source.into(),
            // `is_io_error` said it is one.
            _ => std::io::Error::other("CSV writer failed").into(),
        }
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            ExportError::from(std::io::Error::from(e))
        } else {
            ExportError::Json(e)
        }
    }
}

/// The most bytes of a [`document_id`]: with `_NN.xml` after it, a file
/// name well under the 255 bytes file systems allow.
const DOCUMENT_ID_MAX: usize = 200;

/// The name of the file that holds a session's TEI: the stem of its
/// record's name, made safe for a file name and an `xml:id`
/// ([`tei::xml_id`]: letters and digits kept, any other run of characters
/// one `_`, none at either end, `d` before one that starts with no
/// letter), cut to 200 bytes (and of a `_` it then ends with); a name
/// Windows keeps for a device (`CON`, `NUL`, `COM1`…) gets a `_` after it.
///
/// ```
/// use oewg_core::export::document_id;
/// assert_eq!(document_id("/seeds/004_b03c.txt"), "d004_b03c");
/// assert_eq!(document_id("a--b.txt"), "a_b");
/// assert_eq!(document_id(&format!("{}.md", "a".repeat(252))).len(), 200);
/// assert_eq!(document_id(&format!("{}_b.md", "a".repeat(199))).len(), 199);
/// assert_eq!(document_id("con.txt"), "con_");
/// ```
pub fn document_id(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let mut id = tei::xml_id(&stem, "d");
    if id.len() > DOCUMENT_ID_MAX {
        let mut cut = DOCUMENT_ID_MAX;
        while !id.is_char_boundary(cut) {
            cut -= 1;
        }
        id.truncate(cut);
        id.truncate(id.trim_end_matches('_').len());
    }
    // Names Windows keeps for devices, whatever the extension: `CON.xml`
    // cannot be made there.
    let upper = id.to_ascii_uppercase();
    let device = matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (upper.len() == 4
            && (upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.as_bytes()[3].is_ascii_digit());
    if device {
        id.push('_');
    }
    id
}

/// Writes every export of `corpus` into `dir` (created if missing):
/// `statements.jsonl`, `statements.csv`, `speakers.csv`, `alignments.csv`,
/// `anomalies.csv`, `proposals.csv`, `positions.csv`,
/// `session.schema.json`, and `tei/<id>.xml` for each session, where `<id>`
/// is [`document_id`] of its name (made unique). The TEI files an earlier
/// export left in `tei/` are removed first (those whose header says
/// oewg-core wrote them). Calls `wrote` with each file once written; returns them in the
/// order written.
///
/// # Errors
/// [`ExportError`] naming the file that could not be written.
pub fn write_dir(
    corpus: &Corpus,
    dir: &Path,
    mut wrote: impl FnMut(&Path),
) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |error| ExportError::Io { path, error }
    };
    std::fs::create_dir_all(dir.join("tei")).map_err(io(dir))?;
    let mut files = Vec::new();
    let mut file = |name: &Path,
                    write: &dyn Fn(&mut BufWriter<File>) -> Result<(), ExportError>|
     -> Result<(), ExportError> {
        let path = dir.join(name);
        let mut w = BufWriter::new(File::create(&path).map_err(io(&path))?);
        write(&mut w).map_err(|e| match e {
            ExportError::Io { error, .. } => io(&path)(error),
            other => other,
        })?;
        w.flush().map_err(io(&path))?;
        wrote(&path);
        files.push(path);
        Ok(())
    };
    file("documents.csv".as_ref(), &|w| tables::documents(corpus, w))?;
    file("statements.jsonl".as_ref(), &|w| jsonl::write(corpus, w))?;
    file("statements.csv".as_ref(), &|w| {
        tables::statements(corpus, w)
    })?;
    file("speakers.csv".as_ref(), &|w| tables::speakers(corpus, w))?;
    file("alignments.csv".as_ref(), &|w| {
        tables::alignments(corpus, w)
    })?;
    file("anomalies.csv".as_ref(), &|w| tables::anomalies(corpus, w))?;
    file("proposals.csv".as_ref(), &|w| tables::proposals(corpus, w))?;
    file("positions.csv".as_ref(), &|w| tables::positions(corpus, w))?;
    file("session.schema.json".as_ref(), &|w| {
        Ok(w.write_all(schema::session_schema_json().as_bytes())?)
    })?;
    remove_earlier_tei(&dir.join("tei"));
    for (doc, id) in corpus.documents().iter().zip(document_ids(corpus)) {
        let name = Path::new("tei").join(format!("{id}.xml"));
        file(&name, &|w| {
            tei::write_from(&doc.session, &id, Some(&doc.name), w)
        })?;
    }
    Ok(files)
}

/// [`document_id`] of every document, with `_2`, `_3`… after a repeat so
/// that no two sessions share a file. Ids that differ only in case repeat
/// too: on macOS and Windows `Report.xml` and `report.xml` are one file.
///
/// ```
/// let c = oewg_core::Corpus::from_texts(vec![
///     ("a/x.txt".into(), "Chair: Hello.\n".into()),
///     ("b/x.txt".into(), "Chair: Hello.\n".into()),
///     ("b/X.txt".into(), "Chair: Hello.\n".into()),
/// ]);
/// assert_eq!(oewg_core::export::document_ids(&c), ["x", "X_2", "x_3"]);
/// ```
pub fn document_ids(corpus: &Corpus) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    corpus
        .documents()
        .iter()
        .map(|d| {
            let base = document_id(&d.name);
            let (mut id, mut n) = (base.clone(), 1);
            while !used.insert(id.to_lowercase()) {
                n += 1;
                id = format!("{base}_{n}");
            }
            id
        })
        .collect()
}

/// Removes the `.xml` files of `tei` that an earlier export wrote (the
/// header says it was converted by oewg-core), before this one writes:
/// they may be of records no longer in the corpus, which a reader of
/// `tei/` would take for part of it. Anything else is left alone, and a
/// file that cannot be read or removed is left as it is: the export goes
/// on.
fn remove_earlier_tei(tei: &Path) {
    use std::io::Read;
    let Ok(entries) = std::fs::read_dir(tei) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "xml") || !path.is_file() {
            continue;
        }
        let mut head = [0u8; 2048];
        let read = File::open(&path).and_then(|mut f| f.read(&mut head));
        let ours = read
            .is_ok_and(|n| memchr::memmem::find(&head[..n], tei::GENERATOR.as_bytes()).is_some());
        if ours {
            let _ = std::fs::remove_file(&path);
        }
    }
}

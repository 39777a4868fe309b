//! Core errors as Python exceptions: `oewg.ParseError` (a `ValueError`)
//! carrying `kind`, `line`, `column`, `offset`, `expected`, `found` and
//! `path` as attributes, with the same message as the command line; I/O
//! errors as the `OSError` subclass their errno names (`FileNotFoundError`…).
//!
//! `ParseError` itself is a plain Python class (`oewg/_errors.py`), so it
//! pickles with its attributes and travels between processes.

use oewg_core::text::{not_text, NotText};
use oewg_core::ParseError;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// `err` as an `oewg.ParseError`; `path` prefixes the message as the
/// command line does (`record.txt:3:1: expected …`).
pub fn parse_error(py: Python<'_>, err: &ParseError, path: Option<&str>) -> PyErr {
    exception(py, err, path, located(err, path))
}

fn located(err: &ParseError, path: Option<&str>) -> String {
    match path {
        Some(p) => format!("{p}:{err}"),
        None => err.to_string(),
    }
}

/// What to do about bytes that are not UTF-8: records exported on Windows
/// often come as Windows-1252, which the core does not guess at (the same
/// advice as the JavaScript package's `parseBytes`).
const NOT_UTF8_HINT: &str = "the bytes are not UTF-8: save the file as UTF-8, or decode \
     them first and pass the str, e.g. oewg.parse(data.decode(\"cp1252\")) for Windows-1252";

/// What to do about bytes that open with a UTF-16 byte-order mark: Windows
/// Notepad's "Unicode". The Windows-1252 advice would give text full of NULs.
const UTF16_HINT: &str = "the bytes are UTF-16 (they open with its byte-order mark, as a \
     file saved as \"Unicode\" on Windows does), not UTF-8: save the file as UTF-8, or \
     pass the str, e.g. oewg.parse(data.decode(\"utf-16\"))";

/// What to do about a PDF given as a record.
const PDF_HINT: &str = "the file is a PDF, not text: extract its text first (e.g. \
     pdftotext -layout record.pdf) and parse the .txt";

/// What to do about a zip archive given as a record: a .docx or .odt.
const ZIP_HINT: &str = "the file is a zip archive (a .docx, .odt or other office \
     document), not text: save it as plain text (UTF-8) first";

/// [`parse_error`] for a record given as bytes (a file, `bytes`,
/// `bytearray`): a UTF-8 error also says how to read such a record
/// (`looks`: what the core's `not_text` makes of its first bytes).
pub fn bytes_error(
    py: Python<'_>,
    err: &ParseError,
    path: Option<&str>,
    looks: Option<NotText>,
) -> PyErr {
    let mut message = located(err, path);
    if matches!(err, ParseError::InvalidUtf8 { .. }) {
        let hint = match looks {
            // A UTF-16 mark fails at the first byte; one found elsewhere
            // is no mark of these bytes.
            Some(NotText::Utf16Le | NotText::Utf16Be) if err.position().offset == 0 => UTF16_HINT,
            Some(NotText::Pdf) => PDF_HINT,
            Some(NotText::Zip) => ZIP_HINT,
            _ => NOT_UTF8_HINT,
        };
        message = format!("{message} ({hint})");
    }
    exception(py, err, path, message)
}

fn exception(py: Python<'_>, err: &ParseError, path: Option<&str>, message: String) -> PyErr {
    build(py, err, path, &message).unwrap_or_else(|e| {
        // Only if the package's Python part is missing: keep the message.
        PyValueError::new_err(format!("{message} ({e})"))
    })
}

fn build(py: Python<'_>, err: &ParseError, path: Option<&str>, message: &str) -> PyResult<PyErr> {
    let class = py.import("oewg._errors")?.getattr("ParseError")?;
    let kwargs = PyDict::new(py);
    let at = err.position();
    kwargs.set_item("kind", err.kind())?;
    kwargs.set_item("line", at.line)?;
    kwargs.set_item("column", at.column)?;
    kwargs.set_item("offset", at.offset)?;
    kwargs.set_item("expected", err.what_expected())?;
    kwargs.set_item("found", err.what_found())?;
    kwargs.set_item("path", path)?;
    let value = class.call((message,), Some(&kwargs))?;
    Ok(PyErr::from_value(value))
}

/// A failed read of `path` as the `OSError` subclass Python itself would
/// raise (errno 2 gives `FileNotFoundError`), with `filename` set.
pub fn io_error(err: &std::io::Error, path: &str) -> PyErr {
    match err.raw_os_error() {
        Some(errno) => {
            let text = err.to_string();
            let mut strerror = text
                .rsplit_once(" (os error")
                .map_or(text.as_str(), |(head, _)| head)
                .to_string();
            if err.kind() == std::io::ErrorKind::IsADirectory {
                strerror.push_str(": to read every record in a folder, use oewg.Corpus(folder)");
            }
            PyOSError::new_err((errno, strerror, path.to_string()))
        }
        None => PyOSError::new_err(format!("{path}: {err}")),
    }
}

/// Why one file of many could not be read: kept until the GIL is held again,
/// then turned into a Python exception.
pub enum FileError {
    Io(std::io::Error),
    Parse(ParseError),
}

impl FileError {
    pub fn into_py(self, py: Python<'_>, path: &str) -> PyErr {
        match self {
            FileError::Io(e) => io_error(&e, path),
            FileError::Parse(e) => {
                // The file's first bytes are read again to tell what it is.
                let looks = match e {
                    ParseError::InvalidUtf8 { .. } => first_bytes(path).and_then(|b| not_text(&b)),
                    _ => None,
                };
                bytes_error(py, &e, Some(path), looks)
            }
        }
    }
}

/// The first bytes of the file at `path` (up to 8), if it can be read.
fn first_bytes(path: &str) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(8);
    std::fs::File::open(path)
        .ok()?
        .take(8)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

//! The entry points: `parse`, `parse_file`, `detect_format`, `segment`, and
//! `parse_many`, which reads files on a rayon pool with the GIL released.

use crate::error::{bytes_error, parse_error, FileError};
use crate::session::PySession;
use crate::statement::PyTurn;
use crate::wrap::Wrap;
use oewg_core::corpus::ReadError;
use oewg_core::{Format, ParseError, ParseOptions, Session};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

/// `format` as given in Python: `None` to detect the layout.
fn format_arg(format: Option<&str>) -> PyResult<Option<Format>> {
    format
        .map(|f| {
            f.parse::<Format>()
                .map_err(|e| PyValueError::new_err(e.to_string()))
        })
        .transpose()
}

/// `format` and `analyses` as given in Python, as the core's options.
fn options(format: Option<&str>, analyses: bool) -> PyResult<ParseOptions> {
    let o = ParseOptions::new().analyses(analyses);
    Ok(match format_arg(format)? {
        Some(f) => o.format(f),
        None => o,
    })
}

/// Runs `f` on the text of `text`, a `str`, `bytes` or `bytearray`
/// (bytes must be UTF-8), with the GIL released while it works.
fn with_text<T: Send>(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    f: impl FnOnce(&str) -> Result<T, ParseError> + Send,
) -> PyResult<T> {
    // Bytes that show what they are (UTF-16, a PDF) get their own advice.
    let mut looks = None;
    let result = if let Ok(s) = text.cast::<PyString>() {
        match s.to_cow() {
            Ok(s) => py.detach(|| f(&s)),
            // A lone surrogate ("\ud800") is no Unicode text: its bytes, as
            // `surrogatepass` writes them, fail the core's UTF-8 check,
            // which names their line and column like any bad byte.
            Err(_) => {
                let raw = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
                let bytes = raw.cast::<PyBytes>()?.as_bytes();
                return py
                    .detach(|| oewg_core::text::from_utf8(bytes).and_then(f))
                    .map_err(|e| {
                        let err = parse_error(py, &e, None);
                        let Some(unit) = lone_surrogate(bytes, e.position().offset) else {
                            return err;
                        };
                        // surrogateescape makes U+DC80-U+DCFF of the bytes it
                        // could not decode; any other lone surrogate is half
                        // of a UTF-16 pair, or an escape such as "\ud800".
                        let source = if (0xDC80..=0xDCFF).contains(&unit) {
                            "such a str comes from bytes decoded with \
                             errors='surrogateescape': decode them with their real \
                             encoding, or pass the bytes"
                        } else {
                            "half of a UTF-16 surrogate pair, or an escape such as \
                             '\\ud800'"
                        };
                        with_note(
                            py,
                            err,
                            &format!(
                                "a lone surrogate, U+{unit:04X}, which is no character: {source}"
                            ),
                        )
                    });
            }
        }
    } else if let Ok(b) = text.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        looks = oewg_core::text::not_text(bytes);
        py.detach(|| oewg_core::text::from_utf8(bytes).and_then(f))
    } else if let Ok(b) = text.cast::<PyByteArray>() {
        let bytes = b.to_vec();
        looks = oewg_core::text::not_text(&bytes);
        py.detach(|| oewg_core::text::from_utf8(&bytes).and_then(f))
    } else if text.hasattr("__fspath__")? {
        return Err(PyTypeError::new_err(format!(
            "expected the record's text (str or bytes), got a path ({}): \
             for a file, use oewg.parse_file(path)",
            text.get_type().name()?
        )));
    } else {
        return Err(PyTypeError::new_err(format!(
            "expected str or bytes, got {}",
            text.get_type().name()?
        )));
    };
    // A str's parse can fail here only as a record, never as UTF-8.
    result.map_err(|e| bytes_error(py, &e, None, looks))
}

/// Parses a record given as ``str`` or UTF-8 ``bytes``.
///
/// ``format`` forces a layout (``"verbatim"``, ``"report"``, ``"turns"``,
/// ``"asr"``, ``"markdown"`` or ``"pv"``, in any case); by default it is
/// detected.
/// ``analyses=False`` skips the analyses (``Session.analysis`` stays empty)
/// for a parse that costs a fraction. Raises ``oewg.ParseError`` with the
/// line and column (for bad bytes, the byte offset) when the text is no
/// record.
///
/// >>> import oewg
/// >>> s = oewg.parse("Chair: Good morning.\nCuba: Thank you, Chair.\n")
/// >>> [st.speaker.label for st in s.statements]
/// ['Chair', 'Cuba']
#[pyfunction]
#[pyo3(signature = (text, format = None, *, analyses = true))]
pub fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    format: Option<&str>,
    analyses: bool,
) -> PyResult<PySession> {
    let options = options(format, analyses)?;
    let session = with_text(py, text, |src| oewg_core::parse_with(src, options))
        .map_err(|e| path_hint(py, text, e))?;
    Ok(PySession::new(session, None))
}

/// `err`, with a pointer to ``parse_file`` when the text that failed is
/// the name of a file: passing a path as a ``str`` is the likeliest first
/// mistake, and "expected a meeting record" alone does not say so.
fn path_hint(py: Python<'_>, text: &Bound<'_, PyAny>, err: PyErr) -> PyErr {
    let Ok(s) = text.cast::<PyString>() else {
        return err;
    };
    let Ok(s) = s.to_cow() else { return err };
    let name = s.trim();
    // A record is many lines; a file name is one short one.
    if name.is_empty() || name.len() > 4096 || name.contains('\n') {
        return err;
    }
    if !std::path::Path::new(name).is_file() {
        return err;
    }
    with_note(
        py,
        err,
        "this text is the name of a file: to read the file, use oewg.parse_file(path)",
    )
}

/// `err` with `note` after its message, in brackets.
fn with_note(py: Python<'_>, err: PyErr, note: &str) -> PyErr {
    let value = err.value(py);
    let message = format!("{value} ({note})");
    // Should the message not take, the error stands as it was.
    let _ = value.setattr("args", (message,));
    err
}

/// The UTF-16 unit whose `surrogatepass` bytes start at `offset`, if a
/// lone surrogate is what is there (0xED, then 0xA0–0xBF).
fn lone_surrogate(bytes: &[u8], offset: usize) -> Option<u32> {
    match bytes.get(offset..offset.checked_add(3)?)? {
        &[0xED, b1, b2] if (0xA0..=0xBF).contains(&b1) => {
            Some(0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F))
        }
        _ => None,
    }
}

/// Whether ``session`` has its analyses, or was parsed with
/// ``analyses=False``: the core's ``has_analyses``.
#[pyfunction]
pub fn has_analyses(session: PyRef<'_, PySession>) -> bool {
    oewg_core::analysis::has_analyses(&session.inner)
}

/// The layout ``format`` names, in any case (``"PV"``, ``" verbatim "``),
/// as ``parse`` reads it; ``ValueError`` for no layout. For the command
/// line, which checks ``--format`` before it reads the file.
#[pyfunction]
pub fn format_name(format: &str) -> PyResult<&'static str> {
    format
        .parse::<Format>()
        .map(Format::as_str)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// ``session`` itself when it has its analyses, else a copy with them (a
/// session parsed with ``analyses=False``): a ``Corpus`` is made of the
/// analyses, and would look as if nothing had been found.
#[pyfunction]
pub fn with_analyses<'py>(
    py: Python<'py>,
    session: Bound<'py, PySession>,
) -> PyResult<Bound<'py, PySession>> {
    let s = session.borrow();
    if oewg_core::analysis::has_analyses(&s.inner) {
        drop(s);
        return Ok(session);
    }
    let mut inner = s.inner.clone();
    let path = s.path.clone();
    drop(s);
    py.detach(|| oewg_core::analysis::ensure_analyses(&mut inner));
    Bound::new(py, PySession::new(inner, path))
}

/// Reads and parses the file at ``path`` (``str`` or ``os.PathLike``).
///
/// Raises ``FileNotFoundError`` (or another ``OSError``) when it cannot be
/// read, ``oewg.ParseError`` naming the file, line and column when it is no
/// record or not UTF-8 (the message says how to read a Windows-1252 file). ``format`` and ``analyses`` as for ``parse``.
#[pyfunction]
#[pyo3(signature = (path, format = None, *, analyses = true))]
pub fn parse_file(
    py: Python<'_>,
    path: &Bound<'_, PyAny>,
    format: Option<&str>,
    analyses: bool,
) -> PyResult<PySession> {
    let path = fs_path(path)?;
    let options = options(format, analyses)?;
    let shown = path.display().to_string();
    match py.detach(|| read_and_parse(&path, options)) {
        Ok(s) => Ok(PySession::new(s, Some(shown))),
        Err(e) => Err(e.into_py(py, &shown)),
    }
}

/// A path as Python's file functions take it: ``str``, ``bytes`` or
/// ``os.PathLike``, through ``os.fsdecode``.
pub fn fs_path(path: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    let decoded = path
        .py()
        .import("os")?
        .call_method1("fsdecode", (path,))
        .map_err(|e| {
            // Only the wrong type is said so; an `__fspath__` that fails
            // raises its own error.
            if !e.is_instance_of::<PyTypeError>(path.py()) {
                return e;
            }
            PyTypeError::new_err(format!(
                "path must be str, bytes or os.PathLike, not {}",
                path.get_type()
                    .name()
                    .map_or_else(|_| "?".to_string(), |n| n.to_string())
            ))
        })?;
    decoded.extract()
}

fn read_and_parse(path: &std::path::Path, options: ParseOptions) -> Result<Session, FileError> {
    let data = std::fs::read(path).map_err(FileError::Io)?;
    // The file's bytes are freed before the analyses run.
    oewg_core::parse_owned(data, options).map_err(FileError::Parse)
}

/// What bytes that are no UTF-8 text are, where their first bytes show it:
/// ``"utf-16le"``, ``"utf-16be"`` (a byte-order mark), ``"pdf"``, ``"zip"``
/// (a .docx or .odt), or ``None`` (Windows-1252 text shows nothing).
/// ``parse``'s error gives the advice that goes with each.
///
/// >>> import oewg
/// >>> oewg.not_text(b"%PDF-1.7")
/// 'pdf'
#[pyfunction]
pub fn not_text(data: &[u8]) -> Option<&'static str> {
    oewg_core::text::not_text(data).map(|k| k.as_str())
}

/// The speaker the registry makes of a label, as a ``Speaker: text`` turn
/// with that label gets it: its role, canonical name, ISO code and group
/// (a co-chair is the Chair). Other layouts read more from a label first:
/// a PV's state in brackets, an ASR line's group after ``·``.
///
/// >>> import oewg
/// >>> oewg.resolve("Russia").name
/// 'Russian Federation'
/// >>> oewg.resolve("Czech Republic").iso3
/// 'CZE'
/// >>> oewg.resolve("Madam Chair").role
/// 'chair'
#[pyfunction]
pub fn resolve(label: &str) -> crate::statement::PySpeaker {
    oewg_core::formats::resolve_co_chair(label).wrap()
}

/// The layout the text looks like — ``"verbatim"``, ``"report"``,
/// ``"turns"``, ``"asr"``, ``"markdown"`` or ``"pv"`` — or ``None``.
///
/// Takes ``str`` or ``bytes``, as ``parse`` does. It only looks, so it
/// guesses even where ``parse`` raises: a lone surrogate, or a byte that is
/// no UTF-8, is seen as U+FFFD, as JavaScript's ``detectFormat`` sees it.
///
/// >>> import oewg
/// >>> oewg.detect_format("Chair: Good morning.\n")
/// 'turns'
/// >>> oewg.detect_format(b"Chair: Good morning.\n")
/// 'turns'
#[pyfunction]
pub fn detect_format(text: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    // A lone surrogate, or a byte that is no UTF-8, is looked at as
    // U+FFFD, as JavaScript's detectFormat sees it: a guess at the layout,
    // where `parse` reports it instead.
    let text = if let Ok(s) = text.cast::<PyString>() {
        s.to_string_lossy().into_owned()
    } else if let Ok(b) = text.cast::<PyBytes>() {
        String::from_utf8_lossy(b.as_bytes()).into_owned()
    } else if let Ok(b) = text.cast::<PyByteArray>() {
        String::from_utf8_lossy(&b.to_vec()).into_owned()
    } else {
        return Err(PyTypeError::new_err(format!(
            "detect_format expected str or bytes, got {}",
            text.get_type().name()?
        )));
    };
    Ok(oewg_core::detect(&text).map(|f| f.as_str().to_string()))
}

/// The turns of a record and nothing else — spans, labels and word counts,
/// the same as ``parse`` gives its statements — at a fraction of the cost.
///
/// >>> import oewg
/// >>> [(t.label, t.word_count) for t in oewg.segment("Chair: Hello all.\nCuba: Thanks.\n")]
/// [('Chair', 2), ('Cuba', 1)]
#[pyfunction]
pub fn segment(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<PyTurn>> {
    let turns = with_text(py, text, oewg_core::segment)?;
    Ok(turns.wrap())
}

/// Parses many files on a pool of ``threads`` threads (``None``: every
/// core) with the GIL released, and returns, in input order, a ``Session``
/// or the exception for each file. ``progress(done)`` is called with the
/// number of files done, from the calling thread, about ten times a second;
/// Ctrl-C stops the work. With the analyses, a thread analyses up to 16
/// files together (``oewg_core::corpus::read_batch``). ``oewg.parse_many`` wraps this with error modes
/// and a progress bar.
#[pyfunction]
#[pyo3(signature = (paths, threads = None, progress = None, format = None, analyses = true))]
pub fn parse_many_raw(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    threads: Option<usize>,
    progress: Option<Py<PyAny>>,
    format: Option<&str>,
    analyses: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let options = options(format, analyses)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let done = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    let mut stop: Option<PyErr> = None;
    let results: Option<Vec<Option<Result<Session, FileError>>>> = py.detach(|| {
        std::thread::scope(|scope| {
            // The worker says when it is done, so the caller waits no
            // longer than the work takes.
            let (finished, wait) = std::sync::mpsc::channel::<()>();
            let work = scope.spawn(|| {
                use rayon::prelude::*;
                let results: Vec<_> = pool.install(|| {
                    paths
                        // A chunk of consecutive files a task, their
                        // analyses made together (`analyze_batch`).
                        .par_chunks(oewg_core::corpus::BATCH_FILES)
                        .flat_map_iter(|chunk| {
                            oewg_core::corpus::read_batch(
                                chunk,
                                options,
                                || cancel.load(Ordering::Relaxed),
                                |_| {
                                    done.fetch_add(1, Ordering::Relaxed);
                                },
                            )
                        })
                        .map(|r| {
                            r.map(|r| {
                                r.map_err(|e| match e {
                                    ReadError::Io(e) => FileError::Io(e),
                                    ReadError::Parse(e) => FileError::Parse(e),
                                })
                            })
                        })
                        .collect()
                });
                drop(finished);
                results
            });
            let mut reported = usize::MAX;
            while let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(Duration::from_millis(100))
            {
                let now = done.load(Ordering::Relaxed);
                Python::attach(|py| {
                    let mut outcome = py.check_signals();
                    if let (Ok(()), Some(cb), true) = (&outcome, &progress, now != reported) {
                        outcome = cb.call1(py, (now,)).map(drop);
                    }
                    if let Err(e) = outcome {
                        cancel.store(true, Ordering::Relaxed);
                        stop.get_or_insert(e);
                    }
                });
                reported = now;
            }
            work.join().ok()
        })
    });
    // The core never panics (it is fuzzed for it); were it to, say so
    // rather than return fewer results than paths.
    let results = results.ok_or_else(|| PyRuntimeError::new_err("oewg: a worker thread failed"))?;
    if let Some(e) = stop {
        return Err(e);
    }
    if let Some(cb) = &progress {
        cb.call1(py, (paths.len(),))?;
    }
    paths
        .iter()
        .zip(results)
        .map(|(path, r)| {
            let shown = path.display().to_string();
            match r {
                Some(Ok(s)) => Ok(Py::new(py, PySession::new(s, Some(shown)))?.into_any()),
                Some(Err(e)) => Ok(e.into_py(py, &shown).into_value(py).into_any()),
                None => Err(PyValueError::new_err("parse_many was interrupted")),
            }
        })
        .collect()
}

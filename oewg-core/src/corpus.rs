//! Many sessions at once: a [`Corpus`] of parsed records in process and
//! date order, with what a delegation said and did across them.
//!
//! Files are read and parsed in parallel (with the default feature
//! `parallel`, on rayon's thread pool; without it, one after the other, as
//! on `wasm32-unknown-unknown`). A file that cannot be read or parsed does
//! not stop the others: its error is kept in [`Corpus::errors`].
//!
//! ```
//! use oewg_core::Corpus;
//! let corpus = Corpus::from_texts(vec![
//!     ("b.txt".to_string(), "Session 2-1 Transcript\n(OEWG 2021-25)\n\nChile\n\nWe support it.\n".to_string()),
//!     ("a.txt".to_string(), "Session 1-3 Transcript\n(OEWG 2021-25)\n\nChile\n\nThank you.\n".to_string()),
//!     ("bad.txt".to_string(), "   ".to_string()),
//! ]);
//! let names: Vec<&str> = corpus.documents().iter().map(|d| d.name.as_str()).collect();
//! assert_eq!(names, ["a.txt", "b.txt"]); // session 1 before session 2
//! assert_eq!(corpus.errors()[0].to_string(), "bad.txt:1:1: empty input: expected a meeting record");
//! let chile = &corpus.delegations()[0];
//! assert_eq!((chile.delegation.as_str(), chile.sessions.len()), ("Chile", 2));
//! ```

use crate::analysis::{Alignment, AlignmentKind, Proposal, ProposalKind, Stance};
use crate::error::ParseError;
use crate::model::{Role, Session, Speaker};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One parsed record of a corpus and the name it was given (its path, or
/// the name passed with its text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    /// The path or name of the record.
    pub name: String,
    /// The parsed record, with its analyses.
    pub session: Session,
}

/// A record that could not go into a corpus, and why.
#[derive(
    Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CorpusError {
    /// The file could not be read.
    #[error("{name}: {message}")]
    Read {
        /// The path.
        name: String,
        /// What the operating system said.
        message: String,
    },
    /// The record could not be parsed.
    #[error("{name}:{error}")]
    Parse {
        /// The path or name.
        name: String,
        /// Where and why.
        error: ParseError,
    },
}

impl CorpusError {
    /// The path or name of the record.
    ///
    /// ```
    /// let c = oewg_core::Corpus::from_texts(vec![("x".into(), String::new())]);
    /// assert_eq!(c.errors()[0].name(), "x");
    /// ```
    pub fn name(&self) -> &str {
        match self {
            CorpusError::Read { name, .. } | CorpusError::Parse { name, .. } => name,
        }
    }
}

/// Many sessions in process and date order, and the records that failed.
///
/// Order: process, then session number, then date, then meeting number,
/// then name; a record that does not give one of these comes after those
/// that do, so the order is the same whatever order the files came in.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Corpus {
    documents: Vec<Document>,
    errors: Vec<CorpusError>,
}

/// Why [`read_batch`] gives no session for a file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The file is not UTF-8 or no record.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

/// At most this many files make one [`read_batch`] call's analyses in
/// [`Corpus::from_paths`], and in `parse_many` of the Python package.
pub const BATCH_FILES: usize = 16;
/// A batch's analyses run once its records reach this much text, so that
/// the text stays in the cache from one analysis to the next.
const BATCH_BYTES: usize = 4 << 20;
/// From this size on a record is parsed and analysed alone, its bytes freed
/// before its analyses, after the batch so far: the peak holds the large
/// record or the batch, not both.
const BIG_RECORD: usize = 16 << 20;

/// Reads and parses each file of `paths` in order on the calling thread, as
/// [`crate::parse_owned`] with `options` does, but the analyses (when
/// `options` asks for them) of consecutive records run together with
/// [`crate::analyze_batch`] (about 4 MB of text at a time): the same results,
/// faster over many records. Callers wanting threads give each a chunk of
/// [`BATCH_FILES`] paths. `stop` is asked before each file: once it says
/// yes, that file and the rest, and those parsed but not yet analysed, give
/// `None`. `done` is called with each path once its result is made.
///
/// ```
/// use oewg_core::{corpus::read_batch, ParseOptions};
/// let dir = std::env::temp_dir().join(format!("oewg-read-batch-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let a = dir.join("a.txt");
/// std::fs::write(&a, "Chair: I give the floor to Chile.\nChile: We align with the EU.\n").unwrap();
/// let paths = [a.clone(), dir.join("missing.txt"), a.clone()];
/// let results = read_batch(&paths, ParseOptions::new(), || false, |_| {});
/// let first = results[0].as_ref().unwrap().as_ref().unwrap();
/// assert_eq!(first.analysis, oewg_core::analysis::analyze(first));
/// assert!(matches!(results[1], Some(Err(oewg_core::corpus::ReadError::Io(_)))));
/// assert!(results[2].as_ref().unwrap().is_ok());
/// assert!(read_batch(&paths, ParseOptions::new(), || true, |_| {}).iter().all(Option::is_none));
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn read_batch<P: AsRef<Path>>(
    paths: &[P],
    options: crate::ParseOptions,
    stop: impl Fn() -> bool,
    done: impl Fn(&Path),
) -> Vec<Option<Result<Session, ReadError>>> {
    let mut out: Vec<Option<Result<Session, ReadError>>> = Vec::with_capacity(paths.len());
    // The sessions parsed but not analysed yet, and their places in `out`.
    let mut parsed: Vec<Session> = Vec::new();
    let mut places: Vec<usize> = Vec::new();
    let mut held = 0;
    let flush = |out: &mut Vec<Option<Result<Session, ReadError>>>,
                 parsed: &mut Vec<Session>,
                 places: &mut Vec<usize>| {
        if parsed.is_empty() || stop() {
            parsed.clear();
            places.clear();
            return;
        }
        crate::analyze_batch(parsed);
        for (s, i) in parsed.drain(..).zip(places.drain(..)) {
            out[i] = Some(Ok(s));
            done(paths[i].as_ref());
        }
    };
    for path in paths {
        let path = path.as_ref();
        if stop() {
            out.push(None);
            continue;
        }
        let data = match std::fs::read(path) {
            Ok(data) => data,
            Err(e) => {
                out.push(Some(Err(ReadError::Io(e))));
                done(path);
                continue;
            }
        };
        if !options.analyses || data.len() >= BIG_RECORD {
            if options.analyses {
                flush(&mut out, &mut parsed, &mut places);
                held = 0;
            }
            out.push(Some(
                crate::parse_owned(data, options).map_err(ReadError::Parse),
            ));
            done(path);
            continue;
        }
        let bytes = data.len();
        match crate::parse_owned(data, options.analyses(false)) {
            Ok(s) => {
                places.push(out.len());
                out.push(None);
                parsed.push(s);
                held += bytes;
                if held >= BATCH_BYTES {
                    flush(&mut out, &mut parsed, &mut places);
                    held = 0;
                }
            }
            Err(e) => {
                out.push(Some(Err(ReadError::Parse(e))));
                done(path);
            }
        }
    }
    flush(&mut out, &mut parsed, &mut places);
    out
}

/// Runs `f` over `items`, on rayon's pool when the `parallel` feature is on;
/// results keep the order of `items` either way.
fn map_all<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// Sorts `None` after every `Some`.
fn last_if_none<T: Ord + Clone>(v: &Option<T>) -> (bool, Option<T>) {
    (v.is_none(), v.clone())
}

/// A part of a name as [`natural`] orders it: text, or a run of digits by
/// its value (its length once leading zeros are gone, then its digits, so
/// no number is too long).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum NamePart {
    Number(usize, String),
    Text(String),
}

/// The key that orders names as a person would: `session-2` before
/// `session-10`, `2.txt` before `10.txt`.
fn natural(name: &str) -> Vec<NamePart> {
    let mut parts = Vec::new();
    let mut rest = name;
    while let Some(c) = rest.chars().next() {
        let digits = c.is_ascii_digit();
        let len = rest
            .find(|c: char| c.is_ascii_digit() != digits)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(len);
        parts.push(if digits {
            let value = run.trim_start_matches('0');
            NamePart::Number(value.len(), value.to_string())
        } else {
            NamePart::Text(run.to_string())
        });
        rest = tail;
    }
    parts
}

/// The name a corpus gives a session held in memory with no name of its
/// own: `session-1`, `session-2`, … by its place in the list given (from
/// 0). The Python and JavaScript corpora name such sessions so; a Chair's
/// proposal of a session whose header gives no session number carries it
/// (`chairs-proposal@session-1`).
///
/// ```
/// assert_eq!(oewg_core::corpus::unnamed(0), "session-1");
/// ```
pub fn unnamed(place: usize) -> String {
    format!("session-{}", place + 1)
}

impl Corpus {
    /// A corpus of sessions already parsed, with their names.
    ///
    /// The corpus's views are made of the sessions' analyses: a session
    /// parsed without them ([`crate::ParseOptions::analyses`]`(false)`) is
    /// analysed here, so that it does not look like a session where
    /// nothing was found.
    ///
    /// ```
    /// use oewg_core::{parse_with, ParseOptions};
    /// let src = "Chair: Good morning.\nCuba: We support the Programme of Action.\n";
    /// let bare = parse_with(src, ParseOptions::new().analyses(false)).unwrap();
    /// let c = oewg_core::Corpus::from_sessions(vec![("one".into(), bare)]);
    /// assert_eq!(c.len(), 1);
    /// assert_eq!(c.proposals()[0].id, "programme-of-action");
    /// ```
    pub fn from_sessions(sessions: impl IntoIterator<Item = (String, Session)>) -> Corpus {
        Corpus::from_sessions_placed(sessions).0
    }

    /// [`Corpus::from_sessions`], and for each of its documents, in the
    /// corpus's order, its place in the list given: what a binding needs
    /// to point back into the list its caller holds.
    ///
    /// ```
    /// use oewg_core::corpus::{unnamed, Corpus};
    /// let later = oewg_core::parse("Session 2-1 Transcript\n(OEWG 2021-25)\n\nChile\n\nWe support it.\n").unwrap();
    /// let earlier = oewg_core::parse("Session 1-3 Transcript\n(OEWG 2021-25)\n\nChile\n\nThank you.\n").unwrap();
    /// let (c, places) = Corpus::from_sessions_placed(vec![(unnamed(0), later), (unnamed(1), earlier)]);
    /// assert_eq!(places, [1, 0]); // session 1 first
    /// assert_eq!(c.documents()[0].name, "session-2");
    /// ```
    pub fn from_sessions_placed(
        sessions: impl IntoIterator<Item = (String, Session)>,
    ) -> (Corpus, Vec<usize>) {
        let mut placed: Vec<(usize, Document)> = sessions
            .into_iter()
            .enumerate()
            .map(|(place, (name, mut session))| {
                crate::analysis::ensure_analyses(&mut session);
                (place, Document { name, session })
            })
            .collect();
        placed.sort_by_cached_key(|(place, d)| (Corpus::order(d), *place));
        let places = placed.iter().map(|(place, _)| *place).collect();
        let corpus = Corpus {
            documents: placed.into_iter().map(|(_, d)| d).collect(),
            errors: Vec::new(),
        };
        (corpus, places)
    }

    /// Parses every `(name, text)` (in parallel with the `parallel`
    /// feature); a text that does not parse is kept in [`Corpus::errors`].
    ///
    /// ```
    /// let c = oewg_core::Corpus::from_texts(vec![("t".into(), "Chair: Hello.\n".into())]);
    /// assert_eq!(c.documents()[0].session.statements.len(), 1);
    /// ```
    pub fn from_texts(texts: Vec<(String, String)>) -> Corpus {
        Corpus::collect(map_all(&texts, |(name, text)| {
            crate::parse(text)
                .map(|session| Document {
                    name: name.clone(),
                    session,
                })
                .map_err(|error| CorpusError::Parse {
                    name: name.clone(),
                    error,
                })
        }))
    }

    /// Reads and parses every file (in parallel with the `parallel`
    /// feature); a directory stands for its records ([`record_files`]:
    /// its `.txt` and `.md` files, not hidden ones, not recursive); a file
    /// given twice (by two spellings of its path, or as itself and in its
    /// folder) is read once. A file
    /// that cannot be read, is not UTF-8 or does not parse, or a directory
    /// that cannot be listed or holds no record, is kept in
    /// [`Corpus::errors`] under its path.
    ///
    /// ```
    /// let c = oewg_core::Corpus::from_paths(&["/no/such/file.txt"]);
    /// assert!(c.is_empty());
    /// assert!(c.errors()[0].to_string().starts_with("/no/such/file.txt: "));
    ///
    /// let dir = std::env::temp_dir().join("oewg_from_paths_doctest");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("a.txt"), "Chair: Hello.\n").unwrap();
    /// let c = oewg_core::Corpus::from_paths(&[&dir]);
    /// assert_eq!(c.len(), 1);
    /// // The file again, as itself: still one record.
    /// assert_eq!(oewg_core::Corpus::from_paths(&[dir.clone(), dir.join("a.txt")]).len(), 1);
    ///
    /// // A directory of no records: said, not an empty corpus.
    /// let empty = dir.join("empty");
    /// std::fs::create_dir_all(&empty).unwrap();
    /// let c = oewg_core::Corpus::from_paths(&[&empty]);
    /// assert!(c.errors()[0].to_string().ends_with("no .txt or .md records in this directory (its subdirectories are not read)"));
    /// ```
    pub fn from_paths<P: AsRef<Path> + Sync>(paths: &[P]) -> Corpus {
        Corpus::from_paths_with_progress(paths, |_| {})
    }

    /// As [`Corpus::from_paths`], calling `done` with each path once it is
    /// read, parsed and analysed (from the worker threads, in no set order;
    /// a batch of up to [`BATCH_FILES`] at a time): for a progress bar.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// let n = AtomicUsize::new(0);
    /// oewg_core::Corpus::from_paths_with_progress(&["/no/a", "/no/b"], |_| {
    ///     n.fetch_add(1, Ordering::Relaxed);
    /// });
    /// assert_eq!(n.into_inner(), 2);
    /// ```
    pub fn from_paths_with_progress<P: AsRef<Path> + Sync>(
        paths: &[P],
        done: impl Fn(&Path) + Sync + Send,
    ) -> Corpus {
        // A directory stands for its records; one that cannot be listed
        // is an error of its own.
        let mut files: Vec<PathBuf> = Vec::with_capacity(paths.len());
        let mut unlisted = Vec::new();
        for path in paths {
            let path = path.as_ref();
            if path.is_dir() {
                match record_files(path) {
                    // A folder of no records is a wrong path more often
                    // than an empty series: said, not an empty corpus.
                    Ok(found) if found.is_empty() => unlisted.push(Err(CorpusError::Read {
                        name: path.display().to_string(),
                        message: "no .txt or .md records in this directory \
                                  (its subdirectories are not read)"
                            .to_string(),
                    })),
                    Ok(found) => files.extend(found),
                    Err(e) => unlisted.push(Err(CorpusError::Read {
                        name: path.display().to_string(),
                        message: e.to_string(),
                    })),
                }
            } else {
                files.push(path.to_path_buf());
            }
        }
        // A file given twice is one record: read once, at its first
        // place, or its positions would count twice.
        let files = distinct_files(files);
        // A batch of consecutive files a task: their analyses run together.
        let chunks: Vec<&[PathBuf]> = files.chunks(BATCH_FILES).collect();
        let results = map_all(&chunks, |chunk| {
            read_batch(chunk, crate::ParseOptions::new(), || false, &done)
        });
        Corpus::collect(
            files
                .iter()
                .zip(results.into_iter().flatten())
                .filter_map(|(path, r)| {
                    let name = path.display().to_string();
                    Some(match r? {
                        Ok(session) => Ok(Document { name, session }),
                        Err(ReadError::Io(e)) => Err(CorpusError::Read {
                            name,
                            message: e.to_string(),
                        }),
                        Err(ReadError::Parse(error)) => Err(CorpusError::Parse { name, error }),
                    })
                })
                .chain(unlisted)
                .collect(),
        )
    }

    fn collect(results: Vec<Result<Document, CorpusError>>) -> Corpus {
        let mut corpus = Corpus::default();
        for r in results {
            match r {
                Ok(d) => corpus.documents.push(d),
                Err(e) => corpus.errors.push(e),
            }
        }
        corpus.sort();
        corpus
    }

    fn sort(&mut self) {
        self.documents.sort_by_cached_key(Corpus::order);
        self.errors
            .sort_by_cached_key(|e| (natural(e.name()), e.name().to_string()));
    }

    /// The key of a document's place: process, session, date, meeting (a
    /// record that lacks one after those that have it), then its name,
    /// its numbers by value, and names equal by value ("a9", "a09") as
    /// written.
    #[allow(clippy::type_complexity)]
    fn order(
        d: &Document,
    ) -> (
        (bool, Option<String>),
        (bool, Option<u32>),
        (bool, Option<String>),
        (bool, Option<u32>),
        (Vec<NamePart>, String),
    ) {
        let m = &d.session.meta;
        (
            last_if_none(&m.process),
            last_if_none(&m.session),
            last_if_none(&m.date),
            last_if_none(&m.meeting),
            (natural(&d.name), d.name.clone()),
        )
    }

    /// The records, in process and date order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// The id and name of proposal `p` of document `d` in the corpus
    /// views ([`Corpus::proposals`], [`Corpus::stance_matrix`], the
    /// exports): the Chair's proposals carry their session
    /// (`chairs-proposal@oewg-2021-25-session-1`), every other proposal
    /// keeps its session's id. A `d` past the documents gives `p`'s own.
    ///
    /// ```
    /// use oewg_core::{parse, Corpus};
    /// let s = parse("Session 1-3 Transcript\n(OEWG 2021-25)\n\nChile\n\nWe support the Chair's proposal.\n").unwrap();
    /// let c = Corpus::from_sessions(vec![("a.txt".to_string(), s)]);
    /// let p = &c.documents()[0].session.analysis.proposals[0];
    /// assert_eq!(p.id, "chairs-proposal");
    /// let (id, name) = c.proposal_key(0, p);
    /// assert_eq!(id, "chairs-proposal@oewg-2021-25-session-1");
    /// assert_eq!(name, "Chair's proposal (OEWG 2021-25, session 1)");
    /// ```
    pub fn proposal_key<'a>(&self, d: usize, p: &'a Proposal) -> (Cow<'a, str>, Cow<'a, str>) {
        match self.documents.get(d) {
            Some(doc) => {
                let tag = SessionTag::of(d, doc);
                (tag.id(p), tag.name(p))
            }
            None => (Cow::Borrowed(&p.id), Cow::Borrowed(&p.name)),
        }
    }

    /// The records that could not be read or parsed, by name.
    pub fn errors(&self) -> &[CorpusError] {
        &self.errors
    }

    /// The sessions, in order.
    ///
    /// ```
    /// let c = oewg_core::Corpus::from_texts(vec![("t".into(), "Chair: Hello.\n".into())]);
    /// assert_eq!(c.sessions().count(), 1);
    /// ```
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.documents.iter().map(|d| &d.session)
    }

    /// The number of sessions.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// True when no record parsed.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Every delegation — member states, groups, observers and
    /// organisations; not the Chair, stakeholders or unrecognised labels —
    /// with what it did in each session it spoke in, in order of first
    /// appearance in the corpus.
    ///
    /// ```
    /// let c = oewg_core::Corpus::from_texts(vec![("t".into(),
    ///     "Chair: Peru.\nPeru: We align with the EU on norms.\nPeru: And thank you.\n".into())]);
    /// let peru = &c.delegations()[0];
    /// assert_eq!(peru.delegation, "Peru");
    /// assert_eq!(peru.iso3.as_deref(), Some("PER"));
    /// let s = &peru.sessions[0];
    /// assert_eq!((s.document, s.statements, s.words), (0, 2, 10));
    /// assert_eq!(s.aligned_with, ["European Union"]);
    /// ```
    pub fn delegations(&self) -> Vec<DelegationSeries> {
        let mut series: Vec<DelegationSeries> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (d, doc) in self.documents.iter().enumerate() {
            let s = &doc.session;
            for st in &s.statements {
                if !is_delegation(&st.speaker) {
                    continue;
                }
                let row = entry(&mut series, &mut index, &st.speaker, d);
                row.statements += 1;
                row.words += st.word_count;
            }
            for a in &s.analysis.alignments {
                let Some(&i) = index.get(&a.speaker) else {
                    continue;
                };
                if let Some(row) = series[i].sessions.last_mut().filter(|r| r.document == d) {
                    push_alignment(row, a);
                }
            }
            for (proposal, speaker, stance) in delegation_mentions(d, doc) {
                if let Some(&i) = index.get(speaker) {
                    if let Some(row) = series[i].sessions.last_mut().filter(|r| r.document == d) {
                        match row.stances.iter_mut().find(|p| p.proposal == proposal) {
                            Some(p) => p.stance = stronger(p.stance, stance),
                            None => row.stances.push(ProposalStance {
                                proposal: proposal.into_owned(),
                                stance,
                            }),
                        }
                    }
                }
            }
        }
        series
    }

    /// Every proposal of the corpus, by [`Proposal::id`](crate::analysis::Proposal::id), with its
    /// sponsors, supporters and opposers in each session that mentions
    /// it, in order of first mention in the corpus. The Chair's proposals
    /// are the sitting Chair's texts of one session, so here (and in
    /// [`Corpus::stance_matrix`] and [`Corpus::delegations`]) their id and
    /// name carry the session: `chairs-proposal@oewg-2021-25-session-1`,
    /// "Chair's proposal (OEWG 2021-25, session 1)"; a record whose header
    /// gives no session number goes by its file name
    /// (`chairs-proposal@day-2` for `day-2.txt`).
    ///
    /// ```
    /// let c = oewg_core::Corpus::from_texts(vec![
    ///     ("1".into(), "Session 1-1 Transcript\n(OEWG 2021-25)\n\nCanada\n\nWe present our proposal.\n\n\
    ///                   Peru\n\nWe support the Canada proposal.\n".into()),
    ///     ("2".into(), "Session 2-1 Transcript\n(OEWG 2021-25)\n\nCuba\n\nWe oppose the Canada proposal.\n".into()),
    /// ]);
    /// let p = &c.proposals()[0];
    /// assert_eq!(p.id, "canada-proposal");
    /// assert_eq!(p.sessions[0].sponsors, ["Canada"]);
    /// assert!(p.sessions[0].supporters.contains(&"Peru".to_string()));
    /// assert_eq!((p.sessions[1].document, p.sessions[1].opposers.as_slice()), (1, &["Cuba".to_string()][..]));
    /// ```
    pub fn proposals(&self) -> Vec<ProposalSeries> {
        let mut series: Vec<ProposalSeries> = Vec::new();
        let mut index: HashMap<Cow<str>, usize> = HashMap::new();
        for (d, doc) in self.documents.iter().enumerate() {
            let s = &doc.session;
            let tag = SessionTag::of(d, doc);
            for p in &s.analysis.proposals {
                let i = *index.entry(tag.id(p)).or_insert_with(|| {
                    series.push(ProposalSeries {
                        id: tag.id(p).into_owned(),
                        name: tag.name(p).into_owned(),
                        kind: p.kind,
                        sessions: Vec::new(),
                    });
                    series.len() - 1
                });
                let mut row = ProposalSession {
                    document: d,
                    sponsors: p.sponsors.clone(),
                    cosponsors: p.cosponsors,
                    cosponsor_names: p.cosponsor_names.clone(),
                    supporters: Vec::new(),
                    opposers: Vec::new(),
                    concerned: Vec::new(),
                    mentions: p.mentions.len(),
                };
                // Each delegation once, on its side (Stance::side), in
                // order of first mention.
                let mut said: Vec<(&str, Vec<Stance>)> = Vec::new();
                for m in &p.mentions {
                    let Some(name) = mention_delegation(s, m) else {
                        continue;
                    };
                    match said.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, stances)) => stances.push(m.stance),
                        None => said.push((name, vec![m.stance])),
                    }
                }
                for (name, stances) in said {
                    let list = match Stance::side(stances) {
                        Some(Stance::Support) => &mut row.supporters,
                        Some(Stance::Oppose) => &mut row.opposers,
                        Some(Stance::Concern) => &mut row.concerned,
                        _ => continue,
                    };
                    list.push(name.to_string());
                }
                series[i].sessions.push(row);
            }
        }
        series
    }

    /// The delegation × proposal stance matrix: for each speaker that
    /// mentioned a proposal, or sponsors it, one [`Position`]. The rows are
    /// delegations and groups, and the Chair where it names a proposal (its
    /// own, mostly), which [`Corpus::delegations`] leaves out. A cell's
    /// stance is the side the delegation took in the latest session where
    /// it took one (within a session, the side most of
    /// its mentions take (opposition and concern counted together
    /// against support), a tie going to the latest said), else neutral
    /// when it said something neutral, else a reference: a delegation that
    /// supported a proposal in one session and opposed it in the next
    /// stands opposed.
    ///
    /// ```
    /// use oewg_core::analysis::Stance;
    /// let c = oewg_core::Corpus::from_texts(vec![
    ///     ("1".into(), "Session 1-1 Transcript\n(OEWG 2021-25)\n\nPeru\n\nWe support the Canada proposal.\n".into()),
    ///     ("2".into(), "Session 2-1 Transcript\n(OEWG 2021-25)\n\nPeru\n\nWe oppose the Canada proposal.\n".into()),
    /// ]);
    /// let m = c.stance_matrix();
    /// let cell = m.get("Peru", "canada-proposal").unwrap();
    /// assert_eq!(cell.stance, Stance::Oppose);
    /// assert_eq!((cell.support, cell.oppose, cell.documents.len()), (1, 1, 2));
    /// ```
    pub fn stance_matrix(&self) -> StanceMatrix {
        let mut m = StanceMatrix::default();
        let mut proposals = std::collections::HashSet::new();
        let mut cells: HashMap<(String, String), usize> = HashMap::new();
        let mut cell = |m: &mut StanceMatrix, delegation: &str, p: &str| -> usize {
            let key = (delegation.to_string(), p.to_string());
            *cells.entry(key).or_insert_with(|| {
                m.cells.push(Position {
                    delegation: delegation.to_string(),
                    proposal: p.to_string(),
                    stance: Stance::Reference,
                    sponsor: false,
                    support: 0,
                    oppose: 0,
                    concern: 0,
                    neutral: 0,
                    reference: 0,
                    documents: Vec::new(),
                });
                m.cells.len() - 1
            })
        };
        for (d, doc) in self.documents.iter().enumerate() {
            let s = &doc.session;
            let tag = SessionTag::of(d, doc);
            for p in &s.analysis.proposals {
                let id = tag.id(p);
                if !proposals.contains(id.as_ref()) {
                    proposals.insert(id.to_string());
                    m.proposals.push(id.to_string());
                }
                // A co-sponsor the record names is marked as a sponsor is.
                for sponsor in p.sponsors.iter().chain(&p.cosponsor_names) {
                    let i = cell(&mut m, sponsor, &id);
                    m.cells[i].sponsor = true;
                    push_document(&mut m.cells[i].documents, d);
                }
            }
            // This session's stances of each cell, in order.
            let mut said: Vec<(usize, Vec<Stance>)> = Vec::new();
            for (p, speaker, stance) in delegation_mentions(d, doc) {
                let i = cell(&mut m, speaker, &p);
                let c = &mut m.cells[i];
                *match stance {
                    Stance::Support => &mut c.support,
                    Stance::Oppose => &mut c.oppose,
                    Stance::Concern => &mut c.concern,
                    Stance::Neutral => &mut c.neutral,
                    Stance::Reference => &mut c.reference,
                } += 1;
                push_document(&mut c.documents, d);
                match said.iter_mut().find(|(c, _)| *c == i) {
                    Some((_, stances)) => stances.push(stance),
                    None => said.push((i, vec![stance])),
                }
            }
            for (i, stances) in said {
                let c = &mut m.cells[i];
                c.stance = match Stance::side(stances.iter().copied()) {
                    Some(side) => side,
                    None if stances.contains(&Stance::Neutral) => {
                        stronger(c.stance, Stance::Neutral)
                    }
                    None => stronger(c.stance, Stance::Reference),
                };
            }
        }
        let mut seen = std::collections::HashSet::new();
        for c in &m.cells {
            if seen.insert(c.delegation.clone()) {
                m.delegations.push(c.delegation.clone());
            }
        }
        m
    }
}

fn push_document(documents: &mut Vec<usize>, d: usize) {
    if documents.last() != Some(&d) {
        documents.push(d);
    }
}

/// Every mention of a proposal by a delegation in `doc`, in order:
/// the proposal's id in the corpus ([`SessionTag::id`]), the speaker, the
/// stance.
fn delegation_mentions(
    d: usize,
    doc: &Document,
) -> impl Iterator<Item = (Cow<'_, str>, &str, Stance)> {
    let s = &doc.session;
    let tag = SessionTag::of(d, doc);
    s.analysis.proposals.iter().flat_map(move |p| {
        let id = tag.id(p);
        p.mentions
            .iter()
            .filter_map(move |m| Some((id.clone(), mention_delegation(s, m)?, m.stance)))
    })
}

/// How the Chair's proposals of one record are told from those of
/// another in the corpus views. A proposal keeps its id from session to
/// session ("canada-chile-proposal" is the same paper wherever it is
/// named), but a proposal of the Chair is the sitting Chair's text of that
/// session: the modalities letter of December 2021 and the discussion
/// paper of January 2025 are both `chairs-proposal` in their records, and
/// support for one is no stance on the other. So, in a corpus, the Chair's
/// proposals carry their session: `chairs-proposal@oewg-2021-25-session-1`,
/// "Chair's proposal (OEWG 2021-25, session 1)"; records of the same
/// session share them. A record whose header gives no session number is
/// its own session, named by its file name.
struct SessionTag {
    /// Appended to the id after `@`.
    slug: String,
    /// Appended to the name in brackets.
    label: String,
}

impl SessionTag {
    /// The tag of `doc`, document `d` of the corpus.
    fn of(d: usize, doc: &Document) -> SessionTag {
        let meta = &doc.session.meta;
        let label = match (meta.process.as_deref(), meta.session) {
            (Some(process), Some(n)) => format!("{process}, session {n}"),
            (None, Some(n)) => format!("session {n}"),
            (_, None) => Path::new(&doc.name)
                .file_stem()
                .map_or_else(|| doc.name.clone(), |s| s.to_string_lossy().into_owned()),
        };
        let mut slug = crate::analysis::proposals::slug(&label);
        if slug.is_empty() {
            // A file name of no ASCII letter or digit: its place in the
            // corpus keeps it apart from another such.
            slug = format!("record-{d}");
        }
        SessionTag { slug, label }
    }

    /// Whether `p` is a proposal of the Chair, qualified by session.
    fn qualifies(p: &Proposal) -> bool {
        p.sponsors.len() == 1 && p.sponsors[0] == "Chair"
    }

    /// The id of `p` in the corpus views.
    fn id<'a>(&self, p: &'a Proposal) -> Cow<'a, str> {
        if Self::qualifies(p) {
            Cow::Owned(format!("{}@{}", p.id, self.slug))
        } else {
            Cow::Borrowed(&p.id)
        }
    }

    /// The name of `p` in the corpus views.
    fn name<'a>(&self, p: &'a Proposal) -> Cow<'a, str> {
        if Self::qualifies(p) {
            Cow::Owned(format!("{} ({})", p.name, self.label))
        } else {
            Cow::Borrowed(&p.name)
        }
    }
}

/// The delegation that made a mention, by canonical name: the
/// statement's speaker, or whom the floor audit credits the words to (the
/// mention's `speaker`, Cuba's words in the Chair's turn); none for the
/// Chair and anyone else no delegation.
fn mention_delegation<'a>(s: &Session, m: &'a crate::analysis::ProposalMention) -> Option<&'a str> {
    let st = s.statements.get(m.statement)?;
    let delegation = if canonical(&st.speaker) == m.speaker {
        is_delegation(&st.speaker)
    } else {
        is_delegation(&crate::speakers::resolve(&m.speaker))
    };
    delegation.then_some(m.speaker.as_str())
}

/// The stance that stands after `old` once `new` is said: a side taken
/// (support, oppose, concern) replaces anything; neutral replaces only a
/// reference.
fn stronger(old: Stance, new: Stance) -> Stance {
    let rank = |s: Stance| match s {
        Stance::Support | Stance::Oppose | Stance::Concern => 2,
        Stance::Neutral => 1,
        Stance::Reference => 0,
    };
    if rank(new) >= rank(old) {
        new
    } else {
        old
    }
}

/// Whether a speaker speaks for a state, a group or an organisation.
pub(crate) fn is_delegation(s: &Speaker) -> bool {
    matches!(
        s.role,
        Role::Delegation | Role::Group | Role::Observer | Role::Organization
    )
}

/// [`Speaker::canonical_name`], as a function to pass to iterators.
pub(crate) fn canonical(s: &Speaker) -> &str {
    s.canonical_name()
}

fn entry<'a>(
    series: &'a mut Vec<DelegationSeries>,
    index: &mut HashMap<String, usize>,
    speaker: &Speaker,
    document: usize,
) -> &'a mut DelegationSession {
    let name = canonical(speaker);
    let i = match index.get(name) {
        Some(&i) => i,
        None => {
            index.insert(name.to_string(), series.len());
            series.push(DelegationSeries {
                delegation: name.to_string(),
                role: speaker.role,
                iso3: speaker.iso3.as_deref().map(str::to_string),
                sessions: Vec::new(),
            });
            series.len() - 1
        }
    };
    let sessions = &mut series[i].sessions;
    if sessions.last().is_none_or(|r| r.document != document) {
        sessions.push(DelegationSession {
            document,
            statements: 0,
            words: 0,
            aligned_with: Vec::new(),
            agreed_with: Vec::new(),
            stances: Vec::new(),
        });
    }
    // Just pushed or checked: the last is this document's.
    let last = sessions.len() - 1;
    &mut sessions[last]
}

fn push_alignment(row: &mut DelegationSession, a: &Alignment) {
    let to = match a.kind {
        AlignmentKind::Aligns => &mut row.aligned_with,
        AlignmentKind::Agrees => &mut row.agreed_with,
    };
    if !to.contains(&a.aligned_with) {
        to.push(a.aligned_with.clone());
    }
}

/// One delegation across a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DelegationSeries {
    /// Its canonical name (the label when the registry does not know it).
    pub delegation: String,
    /// The kind of speaker, as first seen.
    pub role: Role,
    /// ISO 3166-1 alpha-3 code, for a state.
    pub iso3: Option<String>,
    /// The sessions it spoke in, in corpus order.
    pub sessions: Vec<DelegationSession>,
}

/// What a delegation did in one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DelegationSession {
    /// Index of the session in [`Corpus::documents`].
    pub document: usize,
    /// Statements made.
    pub statements: usize,
    /// Words spoken.
    pub words: usize,
    /// Whom it aligned with, in order of first saying so.
    pub aligned_with: Vec<String>,
    /// Whom it agreed with ([`AlignmentKind::Agrees`]: "we agree with the
    /// speaker from …"), in order of first saying so. JSON written before
    /// the field existed reads as none.
    #[serde(default)]
    pub agreed_with: Vec<String>,
    /// Its stance on each proposal it mentioned, in order of first
    /// mention, resolved as [`Corpus::stance_matrix`] resolves a cell.
    pub stances: Vec<ProposalStance>,
}

/// A delegation's stance on one proposal in one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposalStance {
    /// The proposal's id in the corpus ([`ProposalSeries::id`]).
    pub proposal: String,
    /// The stance.
    pub stance: Stance,
}

/// One proposal across a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposalSeries {
    /// Its [`id`](crate::analysis::Proposal::id), the same in every
    /// session; a Chair's proposal's with its session after `@`
    /// (`chairs-proposal@oewg-2021-25-session-1`, see [`Corpus::proposals`]):
    /// the part before `@` is the id in the session's own analysis.
    pub id: String,
    /// Its canonical name, as first found; a Chair's proposal's with its
    /// session in brackets.
    pub name: String,
    /// Its kind, as first found.
    pub kind: ProposalKind,
    /// Each session that mentions it, in corpus order.
    pub sessions: Vec<ProposalSession>,
}

/// A proposal in one session: who sponsors, supports and opposes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposalSession {
    /// Index of the session in [`Corpus::documents`].
    pub document: usize,
    /// Its sponsors, as the session gives them.
    pub sponsors: Vec<String>,
    /// The co-sponsor count the session gives, if any.
    pub cosponsors: Option<u32>,
    /// The co-sponsors the session names
    /// ([`Proposal::cosponsor_names`](crate::analysis::Proposal::cosponsor_names)).
    #[serde(default)]
    pub cosponsor_names: Vec<String>,
    /// Delegations that support it, in order of first mention: each
    /// delegation is on one side at most, the side most of its mentions
    /// in the session take (opposition and concern counted together
    /// against support), a tie going to the latest said (as in the
    /// glance and the stance matrix).
    pub supporters: Vec<String>,
    /// Delegations that oppose it.
    pub opposers: Vec<String>,
    /// Delegations that voice concerns or reservations.
    pub concerned: Vec<String>,
    /// Mentions in the session, by anyone.
    pub mentions: usize,
}

/// The delegation × proposal stance matrix of a corpus, kept sparse: one
/// [`Position`] for each delegation and proposal that meet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StanceMatrix {
    /// The rows: delegations (and groups, and the Chair where it names a
    /// proposal), in order of their first cell.
    pub delegations: Vec<String>,
    /// The columns: proposal ids ([`ProposalSeries::id`]), in order of
    /// first mention.
    pub proposals: Vec<String>,
    /// The cells that are not empty, in order of creation.
    pub cells: Vec<Position>,
}

impl StanceMatrix {
    /// The cell of a delegation and a proposal (id). The delegation is
    /// its canonical name, or any name the registry resolves to it
    /// ("Russia", "the Czech Republic"). It searches the cells one by one:
    /// to read many, index [`StanceMatrix::cells`] once.
    ///
    /// ```
    /// use oewg_core::{parse_as, Corpus, Format};
    /// let s = parse_as(Format::Turns, "Russia: We oppose the programme of action.\n").unwrap();
    /// let m = Corpus::from_sessions(vec![("a.txt".to_string(), s)]).stance_matrix();
    /// let cell = m.get("Russia", "programme-of-action").unwrap();
    /// assert_eq!(cell.delegation, "Russian Federation");
    /// assert_eq!(m.get("Russian Federation", "programme-of-action"), Some(cell));
    /// assert_eq!(m.get("Utopia", "programme-of-action"), None);
    /// ```
    pub fn get(&self, delegation: &str, proposal: &str) -> Option<&Position> {
        let find = |delegation: &str| {
            self.cells
                .iter()
                .find(|c| c.delegation == delegation && c.proposal == proposal)
        };
        find(delegation).or_else(|| {
            let resolved = crate::speakers::resolve(delegation);
            let name = resolved.canonical_name();
            (name != delegation).then(|| find(name)).flatten()
        })
    }
}

/// Where a delegation stands on a proposal across a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Position {
    /// The delegation, by canonical name.
    pub delegation: String,
    /// The proposal's id in the corpus ([`ProposalSeries::id`]).
    pub proposal: String,
    /// Where it stands ([`Corpus::stance_matrix`] says how mentions
    /// combine); [`Stance::Reference`] for a sponsor that never stated one.
    pub stance: Stance,
    /// Whether it sponsors or co-sponsors the proposal in some session
    /// (a co-sponsor as the record names it,
    /// [`Proposal::cosponsor_names`](crate::analysis::Proposal::cosponsor_names)).
    pub sponsor: bool,
    /// Mentions in support.
    pub support: usize,
    /// Mentions against.
    pub oppose: usize,
    /// Mentions with concerns.
    pub concern: usize,
    /// Neutral mentions.
    pub neutral: usize,
    /// Mentions without a position.
    pub reference: usize,
    /// The sessions ([`Corpus::documents`] indices) it sponsored or
    /// mentioned the proposal in.
    pub documents: Vec<usize>,
}

impl Position {
    /// Its mentions of the proposal, of every stance: 0 for a sponsor that
    /// never mentioned it (a cell kept for [`Position::sponsor`] alone).
    ///
    /// ```
    /// use oewg_core::{Corpus, parse_as, Format};
    /// let s = parse_as(Format::Turns, "Chair: I give the floor to France.\nFrance: We support the Chair's proposal.\n").unwrap();
    /// let m = Corpus::from_sessions(vec![("a.txt".to_string(), s)]).stance_matrix();
    /// for cell in &m.cells {
    ///     println!("{} on {}: {} mentions", cell.delegation, cell.proposal, cell.mentions());
    /// }
    /// let france = m.cells.iter().find(|c| c.delegation == "France").unwrap();
    /// assert_eq!((france.support, france.mentions()), (1, 1));
    /// ```
    pub fn mentions(&self) -> usize {
        self.support + self.oppose + self.concern + self.neutral + self.reference
    }
}

/// `paths` with a file given twice (by two spellings of its path, a link,
/// or as itself and in its directory) kept at its first place only: on
/// Unix the same device and inode, elsewhere the same canonical path. A
/// path that cannot be read is kept, for its error to be reported.
///
/// ```
/// let dir = std::env::temp_dir().join("oewg_distinct_doctest");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "x").unwrap();
/// let again = dir.join(".").join("a.txt");
/// let kept = oewg_core::corpus::distinct_files(vec![dir.join("a.txt"), again, dir.join("no.txt")]);
/// assert_eq!(kept, [dir.join("a.txt"), dir.join("no.txt")]);
/// ```
pub fn distinct_files(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    #[derive(PartialEq, Eq, Hash)]
    enum Key {
        #[cfg(unix)]
        Inode(u64, u64),
        Path(PathBuf),
    }
    let key = |p: &Path| -> Key {
        #[cfg(unix)]
        if let Ok(m) = std::fs::metadata(p) {
            use std::os::unix::fs::MetadataExt;
            return Key::Inode(m.dev(), m.ino());
        }
        Key::Path(std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    let mut seen = std::collections::HashSet::new();
    paths.into_iter().filter(|p| seen.insert(key(p))).collect()
}

/// The `.txt` and `.md` files of a directory (any case: `.TXT` too),
/// sorted by name; a path that is a file is returned as it is. Only the
/// directory itself is read, not its subdirectories, and hidden files
/// (a name starting with `.`, such as macOS's `._a.txt` resource forks,
/// which are no text) are left out.
///
/// ```
/// let dir = std::env::temp_dir().join("oewg_record_files_doctest");
/// let _ = std::fs::remove_dir_all(&dir);
/// std::fs::create_dir_all(dir.join("sub")).unwrap();
/// std::fs::write(dir.join("b.TXT"), "x").unwrap();
/// std::fs::write(dir.join("a.txt"), "x").unwrap();
/// std::fs::write(dir.join("._a.txt"), "x").unwrap();
/// std::fs::write(dir.join("notes.pdf"), "x").unwrap();
/// std::fs::write(dir.join("sub").join("c.txt"), "x").unwrap();
/// let files = oewg_core::corpus::record_files(&dir).unwrap();
/// assert_eq!(files, [dir.join("a.txt"), dir.join("b.TXT")]);
/// ```
///
/// # Errors
/// When the directory cannot be listed.
pub fn record_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        let hidden = p
            .file_name()
            .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        let record = !hidden
            && p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"));
        if record && p.is_file() {
            files.push(p);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_parsed_without_the_analyses_are_analysed() {
        let src = include_str!("../tests/fixtures/report.txt");
        let mut full = crate::parse(src).unwrap();
        let bare = crate::parse_with(src, crate::ParseOptions::new().analyses(false)).unwrap();
        assert!(!crate::analysis::ensure_analyses(&mut full));
        let c = Corpus::from_sessions(vec![("bare".into(), bare)]);
        assert_eq!(c.documents()[0].session.analysis, full.analysis);
        // A record with no statement has nothing to analyse.
        let mut empty = Session {
            statements: Vec::new(),
            ..full.clone()
        };
        empty.analysis = Default::default();
        empty.report = None;
        assert!(!crate::analysis::ensure_analyses(&mut empty));
        // A report whose transcript has no turn still has its check to make.
        let mut cut = Session {
            statements: Vec::new(),
            ..full.clone()
        };
        cut.analysis = Default::default();
        assert!(!crate::analysis::has_analyses(&cut));
        let c = Corpus::from_sessions(vec![("cut".into(), cut)]);
        let check = c.documents()[0].session.analysis.report_check.as_ref();
        assert!(check.is_some(), "the corpus analysed the cut report");
        assert!(crate::analysis::has_analyses(&c.documents()[0].session));
    }

    #[test]
    fn names_sort_by_their_numbers_and_unnamed_sessions_keep_their_places() {
        let mut names = [
            "session-10",
            "session-2",
            "a10b",
            "a9b",
            "a09c",
            "x",
            "session-1",
            "",
        ];
        names.sort_by_cached_key(|n| natural(n));
        assert_eq!(
            names,
            [
                "",
                "a9b",
                "a09c",
                "a10b",
                "session-1",
                "session-2",
                "session-10",
                "x"
            ]
        );
        // A number longer than any integer is still ordered by value.
        let long = "9".repeat(60);
        assert!(natural(&long) < natural(&format!("1{}", "0".repeat(60))));
        // Twelve sessions that tie on everything but their names: in the
        // order given, and each knows its place.
        let one =
            crate::parse("Chair: I present my proposal.\nPeru: We support the Chair's proposal.\n")
                .unwrap();
        let (c, places) = Corpus::from_sessions_placed((0..12).map(|i| (unnamed(i), one.clone())));
        assert_eq!(places, (0..12).collect::<Vec<_>>());
        assert_eq!(c.documents()[11].name, "session-12");
        let ids: Vec<String> = c.proposals().into_iter().map(|p| p.id).collect();
        assert_eq!(ids[0], "chairs-proposal@session-1", "{ids:?}");
        // Errors too are in the order of their names' numbers, and names
        // equal by value as written, whatever order they came in.
        for texts in [["r10", "r9", "r09"], ["r09", "r10", "r9"]] {
            let c = Corpus::from_texts(texts.iter().map(|n| (n.to_string(), " ".into())).collect());
            let names: Vec<&str> = c.errors().iter().map(CorpusError::name).collect();
            assert_eq!(names, ["r09", "r9", "r10"]);
        }
    }

    #[test]
    fn a_delegations_agreements_are_kept_apart_from_its_alignments() {
        let c = Corpus::from_texts(vec![
            (
                "a".into(),
                "Chair: Peru.\nPeru: We align with the EU. We agree with Egypt. We share the view of Egypt.\n"
                    .into(),
            ),
            ("b".into(), "Chair: Peru.\nPeru: We concur with Japan.\n".into()),
        ]);
        let peru = &c.delegations()[0];
        let got: Vec<(&[String], &[String])> = peru
            .sessions
            .iter()
            .map(|s| (s.aligned_with.as_slice(), s.agreed_with.as_slice()))
            .collect();
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (eu, egypt, japan) = (
            names(&["European Union"]),
            names(&["Egypt"]),
            names(&["Japan"]),
        );
        assert_eq!(got, [(&eu[..], &egypt[..]), (&[][..], &japan[..])]);
        // JSON written before agreements were kept reads as none.
        let mut json = serde_json::to_value(&peru.sessions[1]).unwrap();
        json.as_object_mut().unwrap().remove("agreed_with");
        let old: DelegationSession = serde_json::from_value(json).unwrap();
        assert!(old.agreed_with.is_empty());
    }

    fn chair_ids(c: &Corpus) -> Vec<String> {
        c.proposals()
            .into_iter()
            .filter(|p| p.sessions.iter().any(|s| s.sponsors == ["Chair"]))
            .map(|p| format!("{} | {} | {}", p.id, p.name, p.sessions.len()))
            .collect()
    }

    #[test]
    fn the_chairs_proposals_carry_their_session() {
        let record = |session: &str, meeting: u32, who: &str| {
            format!(
                "Session {session}-{meeting} Transcript\n(OEWG 2021-25)\n\nChair\n\n\
                 I propose a timeline of three meetings. This is my proposal.\n\n\
                 {who}\n\nWe support the Chair's proposal.\n"
            )
        };
        let c = Corpus::from_texts(vec![
            ("a.txt".into(), record("1", 1, "Peru")),
            ("b.txt".into(), record("1", 2, "Chile")),
            ("c.txt".into(), record("2", 1, "Cuba")),
            // No header: the record is its own session, by file name.
            (
                "dir/day 2.txt".into(),
                "Chair: This is my proposal.\nFiji: We support the Chair's proposal.\n".into(),
            ),
            // A file name of no ASCII letter or digit.
            (
                "ééé.txt".into(),
                "Chair: This is my proposal.\nFiji: We oppose the Chair's proposal.\n".into(),
            ),
        ]);
        assert!(c.errors().is_empty(), "{:?}", c.errors());
        let ids = chair_ids(&c);
        // Two meetings of session 1 share one; session 2 has its own.
        assert!(ids.contains(
            &"chairs-proposal@oewg-2021-25-session-1 | Chair's proposal (OEWG 2021-25, session 1) | 2"
                .to_string()
        ), "{ids:?}");
        assert!(ids.contains(
            &"chairs-proposal@oewg-2021-25-session-2 | Chair's proposal (OEWG 2021-25, session 2) | 1"
                .to_string()
        ), "{ids:?}");
        assert!(
            ids.contains(&"chairs-proposal@day-2 | Chair's proposal (day 2) | 1".to_string()),
            "{ids:?}"
        );
        assert!(
            ids.contains(&"chairs-proposal@record-4 | Chair's proposal (ééé) | 1".to_string()),
            "{ids:?}"
        );
        // The matrix and the delegations use the same ids.
        let m = c.stance_matrix();
        assert_eq!(
            m.get("Cuba", "chairs-proposal@oewg-2021-25-session-2")
                .map(|p| p.stance),
            Some(Stance::Support)
        );
        assert!(m
            .get("Cuba", "chairs-proposal@oewg-2021-25-session-1")
            .is_none());
        assert_eq!(
            m.get("Fiji", "chairs-proposal@day-2").map(|p| p.stance),
            Some(Stance::Support)
        );
        let fiji = c
            .delegations()
            .into_iter()
            .find(|d| d.delegation == "Fiji")
            .unwrap();
        let said: Vec<_> = fiji
            .sessions
            .iter()
            .flat_map(|s| &s.stances)
            .map(|p| p.proposal.as_str())
            .collect();
        assert!(said.contains(&"chairs-proposal@day-2"), "{said:?}");
        // Every other proposal keeps its id.
        assert!(!m
            .proposals
            .iter()
            .any(|p| p.contains('@') && !p.starts_with("chairs-")));
    }
}

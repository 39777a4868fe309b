//! `oewg`: parse meeting records from the command line.
//!
//! ```text
//! cargo run --release --example oewg                 # summary of an embedded sample
//! cargo run --release --example oewg -- summary FILE # the same for FILE
//! cargo run --release --example oewg -- json FILE    # the Session as JSON ('-' for stdin)
//! cargo run --release --example oewg -- stats [--segment|--analyses|--timings] [--jobs N] FILE...
//!                                                    # files=N statements=N words=N bytes=N
//! cargo run --release --example oewg -- render md|html|json FILE # session at a glance
//! cargo run --release --example oewg -- report FILE [--html]      # the same, Markdown or HTML
//! cargo run --release --example oewg -- corpus DIR_OR_FILES... --out DIR # every export
//! cargo run --release --example oewg -- positions FILE...         # the stance matrix
//! ```
//!
//! `oewg COMMAND --help` describes each command.
//!
//! Exit status: 0 on success, 1 on a parse or read error (the message names
//! the file, line and column), 2 on a usage error.

// jemalloc: the parse and the analyses make many small strings, and
// glibc's malloc spent a tenth of `stats --analyses` on them; with jemalloc
// it runs 7-11 % faster on 210 MB of seed copies and peak memory stays
// under 3x the input (2.47-2.79x on the 50 MB records).
#[cfg(not(any(target_family = "wasm", target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use clap::{Parser, Subcommand, ValueEnum};
use oewg_core::{parse_owned, parse_with, Corpus, Format, ParseError, ParseOptions, Session};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A short verbatim transcript of our own writing, in layout A.
const SAMPLE: &str = include_str!("sample.txt");

/// The usage text, shared with the Python package's `oewg` command.
const USAGE: &str = include_str!("usage.txt");

enum Failure {
    Usage(String),
    Input(String),
}

/// Parse UN meeting records: summaries, JSON, statistics, renderings,
/// corpus exports and the stance matrix.
#[derive(Parser)]
#[command(name = "oewg", disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A readable summary of FILE: meta, statements, speakers, what was skipped.
    Summary {
        /// The record ('-' reads standard input).
        file: String,
    },
    /// The parsed Session as JSON, every analysis included.
    Json {
        /// Parse as this layout instead of detecting it.
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        /// The record ('-' reads standard input).
        file: String,
    },
    /// One line for all files: files=N statements=N words=N bytes=N.
    Stats {
        /// Find the turns only (no speaker resolution, no analyses).
        #[arg(long)]
        segment: bool,
        /// Run every analysis too, and count speakers.
        #[arg(long, conflicts_with = "segment")]
        analyses: bool,
        /// Instead of the line, print to stderr the time each layer took: the
        /// parse and every analysis on its own (one thread).
        #[arg(long, conflicts_with_all = ["segment", "analyses", "jobs"])]
        timings: bool,
        /// Parse on N threads (0: every core).
        #[arg(long, default_value_t = 1, value_name = "N")]
        jobs: usize,
        /// The records.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// The session at a glance in Markdown, HTML or JSON.
    Render {
        /// md (or markdown), html or json.
        kind: Rendering,
        /// The record.
        file: String,
    },
    /// The session at a glance with every analysis, in Markdown or HTML:
    /// the same as `render md` or `render html`.
    Report {
        /// HTML instead of Markdown.
        #[arg(long)]
        html: bool,
        /// The record.
        file: String,
    },
    /// Every export of many records into --out: statements.jsonl, the CSV
    /// tables (statements, speakers, alignments, anomalies, proposals,
    /// positions), session.schema.json and tei/<id>.xml for each (<id>: the
    /// record's file name made an xml:id).
    Corpus {
        /// Records, or directories whose .txt and .md files are records.
        #[arg(required = true, value_name = "DIR_OR_FILES")]
        inputs: Vec<PathBuf>,
        /// The directory to write into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// The delegation x proposal stance matrix of the records.
    Positions {
        /// Records, or directories whose .txt and .md files are records.
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Rendering {
    Md,
    Markdown,
    Html,
    Json,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse().map_err(|e: oewg_core::UnknownName| e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprint!("oewg: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(msg)) => {
            eprintln!("oewg: {msg}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    // No command and the top-level help keep the shared usage text, which
    // the Python command prints too; each command's --help is clap's.
    match args {
        [] => return summary("sample", SAMPLE.as_bytes().to_vec(), None),
        [one] if matches!(one.as_str(), "-h" | "--help" | "help") => {
            return print_out(USAGE);
        }
        _ => {}
    }
    // `help COMMAND` is `COMMAND --help`, as `help` alone is `--help`.
    let args: Vec<String> = match args {
        [help, command] if help == "help" => vec![command.clone(), "--help".to_string()],
        _ => args.to_vec(),
    };
    let cli = match Cli::try_parse_from(
        std::iter::once("oewg".to_string()).chain(args.iter().cloned()),
    ) {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => {
            return print_out(&e.to_string());
        }
        Err(e) => {
            // clap's first paragraph, "error: …" and the arguments it
            // names on the lines below, on one line; then the command's own
            // usage line, since the shared usage text that follows lists all.
            let text = e.to_string();
            let message: Vec<&str> = text
                .lines()
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect();
            let mut line = message.join(" ").trim_start_matches("error: ").to_string();
            let usage = text.lines().find_map(|l| l.strip_prefix("Usage: "));
            if let Some(usage) = usage.filter(|u| !u.ends_with("<COMMAND>")) {
                line.push_str(&format!(" (usage: {usage})"));
            }
            return Err(Failure::Usage(line));
        }
    };
    match cli.command {
        Command::Summary { file } => summary(&file, read(&file)?, None),
        Command::Json { format, file } => {
            let session = parse_file(&file, read(&file)?, format)?;
            // Written as it is made: a record of a million turns would
            // otherwise hold its JSON whole in memory, and a copy of it.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = serde_json::to_writer_pretty(&mut out, &session)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .and_then(|()| out.flush());
            match written {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(Failure::Input(e.to_string()))
                }
                _ => Ok(()),
            }
        }
        Command::Stats {
            timings: true,
            files,
            ..
        } => timings_of(&files),
        Command::Stats {
            segment,
            analyses,
            jobs,
            files,
            ..
        } => stats(segment, analyses, jobs, &files),
        Command::Report { html, file } => {
            let session = parse_file(&file, read(&file)?, None)?;
            let glance = oewg_core::render::glance(&session);
            print_out(&if html {
                glance.to_html()
            } else {
                glance.to_markdown()
            })
        }
        Command::Render { kind, file } => {
            let session = parse_file(&file, read(&file)?, None)?;
            let glance = oewg_core::render::glance(&session);
            print_out(&match kind {
                Rendering::Md | Rendering::Markdown => glance.to_markdown(),
                Rendering::Html => glance.to_html(),
                Rendering::Json => glance.to_json(),
            })
        }
        Command::Corpus { inputs, out } => corpus(&inputs, &out),
        Command::Positions { inputs } => positions(&inputs),
    }
}

/// A bar on standard error for `len` steps, hidden when standard error is
/// not a terminal (a pipe, a file, a test).
fn progress(len: usize, what: &'static str) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    bar
}

/// The records named by the arguments: files as given, directories as
/// their .txt and .md files.
fn record_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut paths = Vec::new();
    for input in inputs {
        let found = oewg_core::corpus::record_files(input)
            .map_err(|e| Failure::Input(format!("{}: {e}", input.display())))?;
        // As the core's corpus says it: a folder of no records is more
        // often a wrong path than an empty series.
        if found.is_empty() {
            return Err(Failure::Input(format!(
                "{}: no .txt or .md records in this directory (its subdirectories are not read)",
                input.display()
            )));
        }
        paths.extend(found);
    }
    // As the corpus reads them, so that the progress bar counts them.
    Ok(oewg_core::corpus::distinct_files(paths))
}

/// Reads and parses every record in parallel, with a progress bar; the
/// errors of the records that failed are returned as one message.
fn load(inputs: &[PathBuf]) -> Result<(Corpus, Option<Failure>), Failure> {
    let paths = record_paths(inputs)?;
    let bar = progress(paths.len(), "parsing");
    let corpus = Corpus::from_paths_with_progress(&paths, |_| bar.inc(1));
    bar.finish_and_clear();
    let failed = (!corpus.errors().is_empty()).then(|| {
        Failure::Input(
            corpus
                .errors()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\noewg: "),
        )
    });
    Ok((corpus, failed))
}

/// `corpus DIR_OR_FILES... --out DIR`: every export of every record that
/// parsed; exit status 1 if any did not (the others are still written).
fn corpus(inputs: &[PathBuf], out: &Path) -> Result<(), Failure> {
    let (corpus, failed) = load(inputs)?;
    let bar = progress(corpus.len() + 8, "writing");
    let files = oewg_core::export::write_dir(&corpus, out, |_| bar.inc(1))
        .map_err(|e| Failure::Input(e.to_string()))?;
    bar.finish_and_clear();
    let statements: usize = corpus.sessions().map(|s| s.statements.len()).sum();
    print_out(&format!(
        "sessions={} statements={} proposals={} positions={} files={} out={}\n",
        corpus.len(),
        statements,
        corpus.proposals().len(),
        corpus.stance_matrix().cells.len(),
        files.len(),
        out.display()
    ))?;
    failed.map_or(Ok(()), Err)
}

/// `positions FILE...`: the stance matrix, one row a delegation, one
/// column a proposal (numbered, with a legend).
fn positions(inputs: &[PathBuf]) -> Result<(), Failure> {
    let (corpus, failed) = load(inputs)?;
    let matrix = corpus.stance_matrix();
    let proposals = corpus.proposals();
    print_out(&oewg_core::render::positions(&matrix, &proposals))?;
    failed.map_or(Ok(()), Err)
}

fn print_out(text: &str) -> Result<(), Failure> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Input(e.to_string())),
        _ => Ok(()),
    }
}

fn read(path: &str) -> Result<Vec<u8>, Failure> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::Input(format!("reading standard input: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Failure::Input(format!("{path}: {e}")))
    }
}

/// Reads the file at `path` into the start of `buf`, replacing what it
/// held, and returns its length. The buffer keeps its length (all of it
/// initialised) from file to file, so a file is read straight into the room
/// the last one left: `read_to_end` would first ask each file's size and
/// position, two more system calls a file. The size is asked only when the
/// buffer is too small, and sizes it exactly (one byte more, where the end
/// of the file shows), as `read_to_end` would.
fn read_into(path: &str, buf: &mut Vec<u8>) -> Result<usize, Failure> {
    use std::fs::File;
    let failed = |e: std::io::Error| Failure::Input(format!("{path}: {e}"));
    let mut file = File::open(path).map_err(failed)?;
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            let size = file.metadata().map_or(0, |m| m.len() as usize);
            let want = (size + 1).max(filled + (8 << 10));
            if filled == 0 {
                // Zeroed fresh (by the allocator, for a large one), not
                // grown and copied.
                *buf = vec![0; want];
            } else {
                buf.resize(want, 0);
            }
        }
        match file.read(&mut buf[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(failed(e)),
        }
    }
}

/// Parses a file's bytes, freed before the analyses run (`parse_owned`).
fn parse_file(path: &str, bytes: Vec<u8>, format: Option<Format>) -> Result<Session, Failure> {
    let options = match format {
        Some(f) => ParseOptions::new().format(f),
        None => ParseOptions::new(),
    };
    let looks = oewg_core::text::not_text(&bytes);
    parse_owned(bytes, options).map_err(|e| file_error(path, &e, looks))
}

/// A file's parse error, saying what the file is when its first bytes
/// show it is no text (`text::not_text`): no other encoding would read it.
fn file_error(path: &str, e: &ParseError, looks: Option<oewg_core::text::NotText>) -> Failure {
    use oewg_core::text::NotText;
    let hint = match (e, looks) {
        (ParseError::InvalidUtf8 { at }, Some(NotText::Utf16Le | NotText::Utf16Be)) if at.offset == 0 => {
            " (the file is UTF-16, as Windows saves \"Unicode\" text, not UTF-8: save it as UTF-8)"
        }
        (ParseError::InvalidUtf8 { .. }, Some(NotText::Pdf)) => {
            " (the file is a PDF, not text: extract its text first, e.g. pdftotext -layout FILE.pdf)"
        }
        (ParseError::InvalidUtf8 { .. }, Some(NotText::Zip)) => {
            " (the file is a zip archive, a .docx or other office document, not text: save it as plain text, UTF-8)"
        }
        _ => "",
    };
    Failure::Input(format!("{path}:{e}{hint}"))
}

/// What `stats` counts of one file.
#[derive(Default)]
struct Counts {
    files: usize,
    statements: usize,
    words: usize,
    bytes: usize,
    speakers: usize,
}

impl Counts {
    fn add(self, o: Counts) -> Counts {
        Counts {
            files: self.files + o.files,
            statements: self.statements + o.statements,
            words: self.words + o.words,
            bytes: self.bytes + o.bytes,
            speakers: self.speakers + o.speakers,
        }
    }
}

/// `stats [--segment | --analyses] [--jobs N] FILE...`: the full parse (or
/// segmentation only, or the parse and every analysis) of every file, on N
/// threads (default 1; 0 for every core).
fn stats(segment_only: bool, analyses: bool, jobs: usize, paths: &[String]) -> Result<(), Failure> {
    thread_local! {
        // One buffer per thread, reused from file to file: as `cat` does,
        // so the files' pages are not mapped afresh for each.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // Without the analyses, each file is read into the thread's buffer and
    // parsed (or segmented) from there.
    let count = |path: &String, buffer: &mut Vec<u8>| -> Result<Counts, Failure> {
        let bytes = read_into(path, buffer)?;
        let failed = |e: ParseError| Failure::Input(format!("{path}:{e}"));
        let src = oewg_core::text::from_utf8(&buffer[..bytes])
            .map_err(|e| file_error(path, &e, oewg_core::text::not_text(&buffer[..bytes])))?;
        let (statements, words) = if segment_only {
            let turns = oewg_core::segment(src).map_err(failed)?;
            (turns.len(), turns.iter().map(|t| t.word_count).sum())
        } else {
            let s = parse_with(src, ParseOptions::new().analyses(false)).map_err(failed)?;
            (s.statements.len(), s.word_count())
        };
        Ok(Counts {
            files: 1,
            statements,
            words,
            bytes,
            speakers: 0,
        })
    };
    // With the analyses, records are read as `corpus::read_batch` reads
    // them: parsed a batch at a time, then analysed together.
    let batch = |paths: &[String], buffer: &mut Vec<u8>| -> Result<Counts, Failure> {
        if segment_only || !analyses {
            return paths
                .iter()
                .try_fold(Counts::default(), |a, p| Ok(a.add(count(p, buffer)?)));
        }
        let results = oewg_core::corpus::read_batch(paths, ParseOptions::new(), || false, |_| {});
        paths
            .iter()
            .zip(results)
            .try_fold(Counts::default(), |total, (path, result)| {
                use oewg_core::corpus::ReadError;
                let s = match result {
                    Some(Ok(s)) => s,
                    // A parse error starts with its line and column.
                    Some(Err(ReadError::Parse(e))) => {
                        return Err(Failure::Input(format!("{path}:{e}")))
                    }
                    Some(Err(e)) => return Err(Failure::Input(format!("{path}: {e}"))),
                    // Nothing stops the batch, so every file has its result.
                    None => return Err(Failure::Input(format!("{path}: not read"))),
                };
                let bytes = std::fs::metadata(path)
                    .map_err(|e| Failure::Input(format!("{path}: {e}")))?
                    .len() as usize;
                Ok(total.add(Counts {
                    files: 1,
                    statements: s.statements.len(),
                    words: s.word_count(),
                    bytes,
                    // The one analysis `analyze` leaves out, share of the
                    // floor, as the glance makes it (the glance's copies
                    // of the others' results were most of its cost and of
                    // no use for a count).
                    speakers: oewg_core::analysis::floor(&s).len(),
                }))
            })
    };
    let one = |paths: &[String]| -> Result<Counts, Failure> {
        BUFFER.with_borrow_mut(|data| batch(paths, data))
    };
    let total = if jobs == 1 {
        paths
            .chunks(oewg_core::corpus::BATCH_FILES)
            .map(one)
            .try_fold(Counts::default(), |a, c| Ok(a.add(c?)))?
    } else {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Failure::Input(e.to_string()))?;
        pool.install(|| {
            paths
                .par_chunks(oewg_core::corpus::BATCH_FILES)
                .map(one)
                .try_reduce(Counts::default, |a, b| Ok(a.add(b)))
        })?
    };
    let mut line = format!(
        "files={} statements={} words={} bytes={}",
        total.files, total.statements, total.words, total.bytes
    );
    if analyses {
        line.push_str(&format!(" speakers={}", total.speakers));
    }
    line.push('\n');
    // As every command writes: a closed pipe is no error, a full disk is.
    print_out(&line)
}

/// `stats --timings FILE...`: where the time of a full parse goes, layer
/// by layer, to find what to make faster (one thread; each analysis timed
/// alone over every session, so a shared step is counted in each:
/// `report_check+` runs the floor audit, the proposals and the alignments
/// again).
fn timings_of(paths: &[String]) -> Result<(), Failure> {
    use oewg_core::analysis as a;
    use std::time::{Duration, Instant};
    // Errors name the file, line and column, as every command's do.
    let texts = paths
        .iter()
        .map(|p| {
            let data = read(p)?;
            oewg_core::text::from_utf8(&data).map_err(|e| Failure::Input(format!("{p}:{e}")))?;
            String::from_utf8(data).map_err(|e| Failure::Input(format!("{p}: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let row = |name: &str, d: Duration| {
        let s = d.as_secs_f64();
        eprintln!("{name:<14} {s:8.3} s {:9.1} MB/s", bytes as f64 / s / 1e6);
    };
    let t = Instant::now();
    for (src, p) in texts.iter().zip(paths) {
        std::hint::black_box(
            oewg_core::segment(src).map_err(|e| Failure::Input(format!("{p}:{e}")))?,
        );
    }
    row("segment", t.elapsed());
    let t = Instant::now();
    let sessions = texts
        .iter()
        .map(|src| parse_with(src, ParseOptions::new().analyses(false)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Failure::Input(e.to_string()))?;
    row("parse", t.elapsed());
    let time = |name: &str, f: &dyn Fn(&Session)| {
        let t = Instant::now();
        sessions.iter().for_each(f);
        row(name, t.elapsed());
    };
    time("floor_audit", &|s| {
        drop(std::hint::black_box(a::floor_audit(s)))
    });
    time("alignments", &|s| {
        drop(std::hint::black_box(a::alignments(s)))
    });
    time("segments", &|s| drop(std::hint::black_box(a::segments(s))));
    time("topics", &|s| drop(std::hint::black_box(a::topics(s))));
    time("proposals", &|s| {
        drop(std::hint::black_box(a::proposals(s)))
    });
    time("report_check+", &|s| {
        drop(std::hint::black_box(a::report_check(s)))
    });
    time("statistics", &|s| {
        drop(std::hint::black_box(a::statistics(s)))
    });
    time("analyze (all)", &|s| {
        drop(std::hint::black_box(a::analyze(s)))
    });
    // The same in batches of 16 records, as `stats --analyses` runs them.
    let mut sessions = sessions;
    let t = Instant::now();
    for batch in sessions.chunks_mut(16) {
        oewg_core::analyze_batch(batch);
    }
    row("analyze batch", t.elapsed());
    Ok(())
}

fn summary(name: &str, bytes: Vec<u8>, format: Option<Format>) -> Result<(), Failure> {
    let s = parse_file(name, bytes, format)?;
    print_out(&oewg_core::render::summary(&s, name))
}

//! `oewg`: parse meeting records from the command line.
//!
//! ```text
//! cargo run --release --example oewg                 # summary of an embedded sample
//! cargo run --release --example oewg -- summary FILE # the same for FILE
//! cargo run --release --example oewg -- json FILE    # the Session as JSON ('-' for stdin)
//! cargo run --release --example oewg -- stats [--segment|--analyses] [--jobs N] FILE...
//!                                                    # files=N statements=N words=N bytes=N
//! cargo run --release --example oewg -- render md|html|json FILE # session at a glance
//! cargo run --release --example oewg -- report FILE [--html]      # the same, Markdown or HTML
//! ```
//!
//! Exit status: 0 on success, 1 on a parse or read error (the message names
//! the file, line and column), 2 on a usage error.

use oewg_core::{parse_as, parse_bytes, Format, ParseError, Session};
use std::io::{Read, Write};
use std::process::ExitCode;

/// A short verbatim transcript of our own writing, in layout A.
const SAMPLE: &str = include_str!("sample.txt");

/// The usage text, shared with the Python package's `oewg` command.
const USAGE: &str = include_str!("usage.txt");

enum Failure {
    Usage(String),
    Input(String),
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
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] => summary("sample", SAMPLE.as_bytes(), None),
        ["-h" | "--help" | "help"] => {
            print!("{USAGE}");
            Ok(())
        }
        ["summary", path] => summary(path, &read(path)?, None),
        ["json", rest @ ..] => {
            let (format, path) = match rest {
                [path] => (None, *path),
                ["--format", f, path] => {
                    (Some(f.parse::<Format>().map_err(Failure::Usage)?), *path)
                }
                _ => return Err(Failure::Usage("json takes one FILE".into())),
            };
            let session = parse_file(path, &read(path)?, format)?;
            print_out(&format!("{}\n", session.to_json()))
        }
        ["stats", rest @ ..] => stats(rest),
        ["report", path] | ["report", path, "--html"] | ["report", "--html", path] => {
            let session = parse_file(path, &read(path)?, None)?;
            let glance = oewg_core::render::glance(&session);
            let html = args.contains(&"--html");
            print_out(&if html {
                glance.to_html()
            } else {
                glance.to_markdown()
            })
        }
        ["render", kind, path] => {
            let session = parse_file(path, &read(path)?, None)?;
            let glance = oewg_core::render::glance(&session);
            let out = match *kind {
                "md" | "markdown" => glance.to_markdown(),
                "html" => glance.to_html(),
                "json" => glance.to_json(),
                other => return Err(Failure::Usage(format!("unknown rendering {other:?}"))),
            };
            print_out(&out)
        }
        [other, ..] => Err(Failure::Usage(format!("unknown command {other:?}"))),
    }
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

fn parse_file(path: &str, bytes: &[u8], format: Option<Format>) -> Result<Session, Failure> {
    let result = match format {
        Some(f) => oewg_core::text::from_utf8(bytes).and_then(|src| parse_as(f, src)),
        None => parse_bytes(bytes),
    };
    result.map_err(|e: ParseError| Failure::Input(format!("{path}:{e}")))
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
fn stats(args: &[&str]) -> Result<(), Failure> {
    let (mut segment_only, mut analyses, mut jobs, mut paths) = (false, false, 1, Vec::new());
    let mut it = args.iter();
    while let Some(&a) = it.next() {
        match a {
            "--segment" => segment_only = true,
            "--analyses" => analyses = true,
            "--jobs" => {
                jobs = it
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .ok_or_else(|| Failure::Usage("--jobs takes a number".into()))?
            }
            path => paths.push(path),
        }
    }
    if paths.is_empty() {
        return Err(Failure::Usage("stats takes at least one FILE".into()));
    }
    let one = |path: &&str| -> Result<Counts, Failure> {
        let data = read(path)?;
        let mut speakers = 0;
        let (statements, words) = if segment_only {
            let turns = oewg_core::text::from_utf8(&data)
                .and_then(oewg_core::segment)
                .map_err(|e| Failure::Input(format!("{path}:{e}")))?;
            (turns.len(), turns.iter().map(|t| t.word_count).sum())
        } else {
            let s = parse_file(path, &data, None)?;
            if analyses {
                // The glance runs every analysis there is (share of the floor).
                speakers = oewg_core::render::glance(&s).floor.len();
            }
            (s.statements.len(), s.word_count())
        };
        Ok(Counts {
            files: 1,
            statements,
            words,
            bytes: data.len(),
            speakers,
        })
    };
    let total = if jobs == 1 {
        paths
            .iter()
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
                .par_iter()
                .map(one)
                .try_reduce(Counts::default, |a, b| Ok(a.add(b)))
        })?
    };
    print!(
        "files={} statements={} words={} bytes={}",
        total.files, total.statements, total.words, total.bytes
    );
    if analyses {
        print!(" speakers={}", total.speakers);
    }
    println!();
    Ok(())
}

fn summary(name: &str, bytes: &[u8], format: Option<Format>) -> Result<(), Failure> {
    let s = parse_file(name, bytes, format)?;
    print_out(&oewg_core::render::summary(&s, name))
}

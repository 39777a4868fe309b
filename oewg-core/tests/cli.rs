//! The `oewg` example program, run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn oewg(args: &[&str]) -> Output {
    // cargo builds examples before it runs tests, next to the test binary.
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir
        .join("examples")
        .join(format!("oewg{}", std::env::consts::EXE_SUFFIX));
    Command::new(&bin).args(args).output().unwrap_or_else(|e| {
        panic!(
            "running {}: {e} (plain `cargo test` builds it; with --all-targets run \
                 `cargo build --example oewg` first)",
            bin.display()
        )
    })
}

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn no_arguments_summarises_the_embedded_sample() {
    let o = oewg(&[]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("Session 5-2 Transcript\n"), "{out}");
    assert!(out.contains("9 statements"), "{out}");
    assert!(
        out.contains("skipped: lines 44-46 (85 bytes): web_footer\n"),
        "{out}"
    );
}

#[test]
fn stats_prints_one_line_for_all_files() {
    let a = seeds().join("000_7135191b872dcc1d.txt");
    let b = seeds().join("004_b03c78f8038a68f6.txt");
    let o = oewg(&["stats", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "files=2 statements=179 words=41683 bytes=322382\n"
    );
    let o = oewg(&[
        "stats",
        "--analyses",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "files=2 statements=179 words=41683 bytes=322382 speakers=71\n"
    );
}

#[test]
fn json_round_trips_to_the_same_session() {
    let path = seeds().join("000_7135191b872dcc1d.txt");
    let o = oewg(&["json", path.to_str().unwrap()]);
    assert!(o.status.success());
    let from_cli = oewg_core::Session::from_json(&stdout(&o)).unwrap();
    let direct = oewg_core::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(from_cli, direct);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for pointer in [
        "/meta/format",
        "/meta/title",
        "/meta/process",
        "/meta/session",
        "/meta/meeting",
        "/meta/date",
        "/statements/0/index",
        "/statements/0/speaker/label",
        "/statements/0/speaker/role",
        "/statements/0/text",
        "/statements/0/word_count",
        "/statements/0/span/start",
        "/statements/0/span/end",
        "/statements/0/span/line_start",
        "/statements/0/span/line_end",
        "/skipped",
    ] {
        assert!(v.pointer(pointer).is_some(), "missing {pointer}");
    }
    assert_eq!(v.pointer("/meta/format").unwrap(), "verbatim");
    assert_eq!(v.pointer("/statements/0/speaker/role").unwrap(), "chair");
}

#[test]
fn report_json_names_speaker_statistics() {
    let path = seeds().join("004_b03c78f8038a68f6.txt");
    let o = oewg(&["json", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for field in [
        "name",
        "speech_speed_wpm",
        "speech_length_words",
        "speech_time_s",
    ] {
        assert!(
            v.pointer(&format!("/report/speakers/0/{field}")).is_some(),
            "{field}"
        );
    }
    for field in [
        "title",
        "explanation",
        "evidence",
        "major_discussion_point",
        "agreed_with",
        "differed_with",
    ] {
        assert!(
            v.pointer(&format!("/report/speakers/0/arguments/0/{field}"))
                .is_some(),
            "{field}"
        );
    }
}

#[test]
fn errors_exit_one_naming_line_and_column() {
    let dir = std::env::temp_dir().join(format!("oewg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"\n\nonly prose here, no speaker at all.\n").unwrap();
    let o = oewg(&["json", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.txt:3:1: expected"), "{err}");
    std::fs::write(&bad, b"Chair: caf\xe9\n").unwrap();
    let o = oewg(&["stats", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains(":1:11: invalid UTF-8 at byte 10"));
    let o = oewg(&["stats", "--analyses", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.txt:1:11: invalid UTF-8 at byte 10"));
    // A PDF or UTF-16 is said to be what it is; Windows-1252 shows nothing.
    assert!(!String::from_utf8_lossy(&o.stderr).contains("the file is"));
    let pdf = dir.join("record.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let utf16 = dir.join("notepad.txt");
    std::fs::write(&utf16, b"\xff\xfeC\0h\0a\0i\0r\0:\0").unwrap();
    for (file, said) in [
        (&pdf, "(the file is a PDF, not text: extract its text first"),
        (
            &utf16,
            "(the file is UTF-16, as Windows saves \"Unicode\" text",
        ),
    ] {
        for command in ["json", "stats"] {
            let o = oewg(&[command, file.to_str().unwrap()]);
            assert_eq!(o.status.code(), Some(1));
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(said), "{command}: {err}");
        }
    }
    let missing = dir.join("missing.txt");
    let o = oewg(&["stats", "--analyses", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("missing.txt: "), "{err}");
    let o = oewg(&["json", dir.join("missing.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = oewg(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_prints_the_glance_with_the_analyses() {
    let seed = seeds().join("004_b03c78f8038a68f6.txt");
    let seed = seed.to_str().unwrap();
    let o = oewg(&["report", seed]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = stdout(&o);
    for heading in [
        "## Floor audit",
        "## Alignments",
        "## Agenda segments",
        "## Topics",
    ] {
        assert!(md.contains(heading), "{heading} missing");
    }
    assert!(md.contains("announced, never heard Egypt"), "{md}");
    let html = stdout(&oewg(&["report", seed, "--html"]));
    assert!(html.starts_with("<article class=\"oewg-glance\">"));
    assert!(html.contains("<h2>Floor audit</h2>"));
    let missing = oewg(&["report", "/nonexistent/record.txt"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn every_command_has_help_and_the_top_level_prints_the_usage() {
    let usage = include_str!("../../examples/usage.txt");
    for top in ["--help", "-h", "help"] {
        let o = oewg(&[top]);
        assert!(o.status.success());
        assert_eq!(stdout(&o), usage);
    }
    for command in [
        "summary",
        "json",
        "stats",
        "render",
        "report",
        "corpus",
        "positions",
    ] {
        assert!(
            usage.contains(&format!("  {command} ")),
            "usage.txt lacks {command}"
        );
        let o = oewg(&[command, "--help"]);
        assert!(o.status.success(), "{command} --help");
        let out = stdout(&o);
        assert!(out.contains(&format!("Usage: oewg {command}")), "{out}");
    }
}

#[test]
fn usage_errors_exit_two_with_the_usage_text() {
    let seed = seeds().join("000_7135191b872dcc1d.txt");
    let seed = seed.to_str().unwrap();
    for args in [
        &["frobnicate"][..],
        &["stats"],
        &["stats", "--jobs", "x", seed],
        &["json"],
        &["json", "--format", "pdf", seed],
        &["render", "pdf", seed],
        &["corpus", seed],
        &["positions"],
    ] {
        let o = oewg(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with("oewg: ") && err.contains("usage: oewg"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn usage_errors_name_what_is_missing_and_the_command_s_usage() {
    for (args, names) in [
        (
            &["summary"][..],
            "not provided: <FILE> (usage: oewg summary <FILE>)",
        ),
        (
            &["render", "md"],
            "not provided: <FILE> (usage: oewg render <KIND> <FILE>)",
        ),
        (&["stats"], "not provided: <FILES>..."),
        (&["corpus", "x"], "not provided: --out <DIR>"),
        (
            &["summary", "a", "b"],
            "unexpected argument 'b' found (usage: oewg summary <FILE>)",
        ),
    ] {
        let o = oewg(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        let first = err.lines().next().unwrap_or_default();
        assert!(first.contains(names), "{args:?}: {first}");
    }
    // An unknown command has no usage of its own: the shared text follows.
    let o = oewg(&["frobnicate"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.lines().next(),
        Some("oewg: unrecognized subcommand 'frobnicate'")
    );
}

#[test]
fn corpus_writes_every_export() {
    let out = std::env::temp_dir().join(format!("oewg-cli-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let seeds_dir = seeds();
    let o = oewg(&[
        "corpus",
        seeds_dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // No terminal: no progress bar on standard error.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let line = stdout(&o);
    assert!(
        line.starts_with("sessions=2 statements=179 proposals="),
        "{line}"
    );
    assert!(line.contains(" files=11 out="), "{line}");
    for f in [
        "documents.csv",
        "statements.jsonl",
        "statements.csv",
        "speakers.csv",
        "alignments.csv",
        "anomalies.csv",
        "proposals.csv",
        "positions.csv",
        "session.schema.json",
        "tei/d000_7135191b872dcc1d.xml",
        "tei/d004_b03c78f8038a68f6.xml",
    ] {
        let meta = std::fs::metadata(out.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(meta.len() > 0, "{f} is empty");
    }
    let jsonl = std::fs::read_to_string(out.join("statements.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 179);
    // A record that fails is reported, exit 1, and the others still written.
    let bad = out.join("bad.txt");
    std::fs::write(&bad, "   \n").unwrap();
    let a = seeds_dir.join("004_b03c78f8038a68f6.txt");
    let out2 = out.join("two");
    let o = oewg(&[
        "corpus",
        a.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.txt:1:1: empty input"), "{err}");
    assert!(stdout(&o).starts_with("sessions=1 "));
    assert!(out2.join("tei/d004_b03c78f8038a68f6.xml").is_file());
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn positions_prints_the_stance_matrix() {
    let a = seeds().join("000_7135191b872dcc1d.txt");
    let b = seeds().join("004_b03c78f8038a68f6.txt");
    let o = oewg(&["positions", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let corpus = oewg_core::Corpus::from_paths(&[a, b]);
    let matrix = corpus.stance_matrix();
    // A legend line per proposal, a header, a row per delegation.
    let legend = out
        .lines()
        .take_while(|l| !l.starts_with("stances:"))
        .count();
    assert_eq!(legend, 1 + matrix.proposals.len(), "{out}");
    let rows: Vec<&str> = out.lines().skip(legend + 3).collect();
    assert_eq!(rows.len(), matrix.delegations.len(), "{out}");
    let canada_chile = 1 + matrix
        .proposals
        .iter()
        .position(|p| p == "canada-chile-proposal")
        .expect("the Canada-Chile proposal is found");
    assert!(
        out.contains(&format!(
            "{canada_chile:>4}  Canada–Chile proposal (canada-chile-proposal)"
        )),
        "{out}"
    );
    // Chile sponsors it: its cell ends in '*'.
    let chile = rows.iter().find(|r| r.starts_with("Chile ")).unwrap();
    // Columns are four characters wide, counted from the end of the row.
    let chars: Vec<char> = chile.chars().collect();
    let width = chars.len() - 4 * matrix.proposals.len();
    let cell: String = chars[width + 4 * (canada_chile - 1)..width + 4 * canada_chile]
        .iter()
        .collect();
    assert!(cell.trim_end().ends_with('*'), "{cell:?} in {chile:?}");
}

/// `bench/compare.sh` reads these rows, a name then `SECONDS s MB/s MB/s`:
/// one per step, every analysis of `analyze` among them.
#[test]
fn stats_timings_prints_a_row_for_each_step() {
    let seed = seeds().join("000_7135191b872dcc1d.txt");
    let o = oewg(&["stats", "--timings", seed.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    let names: Vec<String> = err
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let n = fields.len();
            assert!(n >= 5, "{line}");
            assert_eq!((fields[n - 3], fields[n - 1]), ("s", "MB/s"), "{line}");
            assert!(fields[n - 4].parse::<f64>().is_ok(), "{line}");
            assert!(fields[n - 2].parse::<f64>().is_ok(), "{line}");
            fields[..n - 4].join(" ")
        })
        .collect();
    assert_eq!(
        names,
        [
            "segment",
            "parse",
            "floor_audit",
            "alignments",
            "segments",
            "topics",
            "proposals",
            "report_check+",
            "statistics",
            "analyze (all)",
            "analyze batch"
        ]
    );
}

#[test]
fn stats_refuses_flags_that_do_not_go_together_and_help_command_is_command_help() {
    let v = seeds().join("000_7135191b872dcc1d.txt");
    let v = v.to_str().unwrap();
    for args in [
        &["stats", "--segment", "--analyses", v][..],
        &["stats", "--timings", "--analyses", v],
        &["stats", "--timings", "--jobs", "2", v],
    ] {
        let o = oewg(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("cannot be used with"),
            "{args:?}"
        );
    }
    let help = oewg(&["help", "json"]);
    assert_eq!(help.status.code(), Some(0));
    assert_eq!(stdout(&help), stdout(&oewg(&["json", "--help"])));
    let usage = stdout(&oewg(&["--help"]));
    assert!(
        usage.starts_with("usage: oewg [summary FILE | json "),
        "{usage}"
    );
}

#[test]
fn stats_timings_errors_name_the_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("oewg_cli_timings_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, " \n").unwrap();
    let latin = dir.join("latin.txt");
    std::fs::write(&latin, b"Chair: caf\xe9\n").unwrap();
    for (file, at) in [
        (&empty, ":1:1: "),
        (&latin, ":1:11: invalid UTF-8 at byte 10"),
    ] {
        let o = oewg(&["stats", "--timings", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(
            err.starts_with(&format!("oewg: {}{at}", file.display())),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A full disk is an error (exit 1), not a panic.
#[cfg(target_os = "linux")]
#[test]
fn stats_reports_a_failed_write_as_an_error_not_a_panic() {
    let v = seeds().join("000_7135191b872dcc1d.txt");
    let exe = std::env::current_exe().unwrap();
    let bin = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples")
        .join("oewg");
    let full = Command::new(&bin)
        .args(["stats", v.to_str().unwrap()])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(1));
    let err = String::from_utf8_lossy(&full.stderr);
    assert!(
        err.starts_with("oewg: ") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn a_folder_of_no_records_is_an_error() {
    let dir = std::env::temp_dir().join(format!("oewg_cli_empty_{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub").join("a.txt"), "Chair: Hi.\n").unwrap();
    for args in [
        vec!["positions", dir.to_str().unwrap()],
        vec![
            "corpus",
            dir.to_str().unwrap(),
            "--out",
            "/nonexistent/never",
        ],
    ] {
        let o = oewg(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(
            err.contains("no .txt or .md records in this directory"),
            "{err}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

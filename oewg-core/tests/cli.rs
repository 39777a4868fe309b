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
    assert!(out.contains("skipped: lines 44-46"), "{out}");
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

//! The exports of a corpus of both seeds: TEI that validates against the
//! Parla-CLARIN RELAX NG schema (with Debian's `jing`) and gives back every
//! statement's speaker and text; JSON Lines and CSV tables that read back
//! to the statements; ids and bytes stable across runs.

use oewg_core::export::{self, tei};
use oewg_core::Corpus;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

fn seeds() -> Vec<PathBuf> {
    let dir = shared().join("seeds");
    let paths = vec![
        dir.join("000_7135191b872dcc1d.txt"),
        dir.join("004_b03c78f8038a68f6.txt"),
    ];
    for p in &paths {
        assert!(p.is_file(), "seed {} is missing", p.display());
    }
    paths
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oewg-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs `jing` on a TEI file; fails naming the errors, or how to install
/// jing when it is missing.
fn jing(xml: &Path) {
    let rng = shared().join("schemas/parla-clarin.rng");
    assert!(rng.is_file(), "{} is missing", rng.display());
    let out = Command::new("jing")
        .arg(&rng)
        .arg(xml)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run jing ({e}): install it with `apt-get install -y jing` \
             (scripts/test-all.sh does)"
            )
        });
    assert!(
        out.status.success(),
        "{} does not validate against Parla-CLARIN:\n{}{}",
        xml.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The utterances of a TEI document, read back with quick-xml: each `u`'s
/// speaker (the name in the `person` or `org` its `who` points to) and its
/// text (the `seg`s, joined by a blank line).
fn utterances(xml: &str) -> Vec<(String, String)> {
    let mut r = Reader::from_str(xml);
    let mut names: HashMap<String, String> = HashMap::new();
    let mut utterances: Vec<(String, Vec<String>)> = Vec::new();
    let (mut entry, mut in_name, mut in_seg) = (None::<String>, false, false);
    // Text arrives in pieces: character data, and each entity reference
    // (`&amp;`) as its own event.
    let push = |names: &mut HashMap<String, String>,
                utterances: &mut Vec<(String, Vec<String>)>,
                entry: &Option<String>,
                in_name: bool,
                in_seg: bool,
                text: &str| {
        if in_name {
            names
                .entry(entry.clone().unwrap())
                .or_default()
                .push_str(text);
        } else if in_seg {
            utterances
                .last_mut()
                .unwrap()
                .1
                .last_mut()
                .unwrap()
                .push_str(text);
        }
    };
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => {
                let attr = |key: &str| {
                    e.attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| {
                            a.normalized_value(XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                };
                match e.name().as_ref() {
                    "person" | "org" => entry = attr("xml:id"),
                    "persName" | "orgName" => {
                        in_name = true;
                        names.insert(entry.clone().unwrap(), String::new());
                    }
                    "u" => {
                        let who = attr("who").unwrap();
                        utterances.push((who.trim_start_matches('#').to_string(), Vec::new()));
                    }
                    "seg" => {
                        in_seg = true;
                        utterances.last_mut().unwrap().1.push(String::new());
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                push(
                    &mut names,
                    &mut utterances,
                    &entry,
                    in_name,
                    in_seg,
                    &t.xml10_content(),
                );
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => match g.xml10_content().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unknown entity &{other};"),
                    }
                    .to_string(),
                };
                push(&mut names, &mut utterances, &entry, in_name, in_seg, &c);
            }
            Event::End(e) => match e.name().as_ref() {
                "persName" | "orgName" => in_name = false,
                "seg" => in_seg = false,
                _ => {}
            },
            _ => {}
        }
    }
    utterances
        .into_iter()
        .map(|(who, segs)| (names[&who].clone(), segs.join("\n\n")))
        .collect()
}

#[test]
fn tei_of_both_seeds_validates_and_round_trips_the_statements() {
    let corpus = Corpus::from_paths(&seeds());
    assert!(corpus.errors().is_empty(), "{:?}", corpus.errors());
    let dir = out_dir("tei");
    std::fs::create_dir_all(&dir).unwrap();
    for (doc, id) in corpus.documents().iter().zip(export::document_ids(&corpus)) {
        let xml = tei::to_string(&doc.session, &id);
        let path = dir.join(format!("{id}.xml"));
        std::fs::write(&path, &xml).unwrap();
        jing(&path);
        let back = utterances(&xml);
        assert_eq!(back.len(), doc.session.statements.len(), "{}", doc.name);
        for (st, (who, text)) in doc.session.statements.iter().zip(&back) {
            let speaker = st.speaker.name.as_deref().unwrap_or(&st.speaker.label);
            assert_eq!(
                (who.as_str(), text.as_str()),
                (speaker, st.text.as_str()),
                "{} statement {}",
                doc.name,
                st.index
            );
        }
        // The same session gives the same bytes, ids included.
        assert_eq!(tei::to_string(&doc.session, &id), xml);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn tei_of_every_fixture_validates() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = oewg_core::corpus::record_files(&dir).unwrap();
    assert!(files.len() >= 8);
    let corpus = Corpus::from_paths(&files);
    assert!(corpus.errors().is_empty(), "{:?}", corpus.errors());
    let out = out_dir("fixtures");
    std::fs::create_dir_all(&out).unwrap();
    for (doc, id) in corpus.documents().iter().zip(export::document_ids(&corpus)) {
        let path = out.join(format!("{id}.xml"));
        let xml = tei::to_string(&doc.session, &id);
        std::fs::write(&path, &xml).unwrap();
        jing(&path);
        assert_eq!(
            utterances(&xml).len(),
            doc.session.statements.len(),
            "{}",
            doc.name
        );
    }
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn hostile_text_still_gives_valid_tei() {
    let s = oewg_core::parse(
        "Chair: Bell \u{7} <b>&amp;</b> \"q\" ]]> \u{1b}[0m\nCôte d'Ivoire: Non-ASCII 東京 ok.\n",
    )
    .unwrap();
    let dir = out_dir("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("h.xml");
    let xml = tei::to_string(&s, "h");
    std::fs::write(&path, &xml).unwrap();
    jing(&path);
    let back = utterances(&xml);
    let bell = &s.statements[0].text;
    assert!(bell.contains('\u{7}'), "{bell:?}");
    assert_eq!(back[0].1, bell.replace(['\u{7}', '\u{1b}'], "\u{fffd}"));
    assert_eq!(
        back[1],
        (
            "Côte d'Ivoire".to_string(),
            "Non-ASCII 東京 ok.".to_string()
        )
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Names Unicode calls alphanumeric that are no XML name characters
/// (`²`, `ª`, `¼`), in the document id and the speakers' labels.
#[test]
fn ids_from_names_with_non_name_characters_are_valid() {
    // And letters of the fifth edition of XML only (full-width Latin,
    // Ethiopic), which XML Schema's validators reject, beside ones of
    // every edition (accents, Cyrillic, CJK).
    let s = oewg_core::parse(
        "Chair: Hello.\nSitzung²: Ja.\nªnote ¼: Yes.\nDr. Ｆｕｌｌ Ｗｉｄｔｈ: Hi.\nሰላም: Hi.\n\
         ሰላም ሰላም: Hi.\nCôte d'Ivoire: Oui.\nРоссия: Да.\n中国: 是.\n",
    )
    .unwrap();
    let dir = out_dir("names");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("n.xml");
    let id = oewg_core::export::document_id("/x/Sitzung².txt");
    assert_eq!(id, "Sitzung");
    let xml = tei::to_string(&s, &id);
    std::fs::write(&path, &xml).unwrap();
    jing(&path);
    assert!(xml.contains(r##"who="#Côte_d_Ivoire""##), "{xml}");
    for name in ["Ｒｅｃｏｒｄ.txt", "ሰላም.txt"] {
        let id = oewg_core::export::document_id(name);
        assert_eq!(id, "d", "{name}");
        std::fs::write(&path, tei::to_string(&s, &id)).unwrap();
        jing(&path);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_session_without_statements_gives_valid_tei() {
    let mut s = oewg_core::parse("Chair: Hello.\n").unwrap();
    s.statements.clear();
    let dir = out_dir("empty");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("e.xml");
    let xml = tei::to_string(&s, "e");
    assert!(!xml.contains("particDesc"));
    std::fs::write(&path, &xml).unwrap();
    jing(&path);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn every_export_is_written_and_reads_back() {
    let corpus = Corpus::from_paths(&seeds());
    let statements: usize = corpus.sessions().map(|s| s.statements.len()).sum();
    let dir = out_dir("all");
    let files = export::write_dir(&corpus, &dir, |_| {}).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(&dir).unwrap().display().to_string())
        .collect();
    assert_eq!(
        names,
        [
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
        ]
    );
    // JSON Lines: one statement a line, with its session's meta.
    let jsonl = std::fs::read_to_string(dir.join("statements.jsonl")).unwrap();
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), statements);
    let all: Vec<_> = corpus
        .documents()
        .iter()
        .flat_map(|d| d.session.statements.iter().map(move |s| (d, s)))
        .collect();
    for (line, (doc, st)) in lines.iter().zip(&all) {
        assert_eq!(line["source"], doc.name.as_str());
        assert_eq!(
            line["meta"],
            serde_json::to_value(&doc.session.meta).unwrap()
        );
        assert_eq!(line["text"], st.text.as_str());
        assert_eq!(line["speaker"]["label"], st.speaker.label.as_str());
    }
    // CSV: a statement a row, text intact through quoting.
    let mut rows = csv::Reader::from_path(dir.join("statements.csv")).unwrap();
    let headers = rows.headers().unwrap().clone();
    let text_col = headers.iter().position(|h| h == "text").unwrap();
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), statements);
    for (r, (_, st)) in records.iter().zip(&all) {
        assert_eq!(&r[text_col], st.text);
    }
    let count = |name: &str| {
        csv::Reader::from_path(dir.join(name))
            .unwrap()
            .records()
            .count()
    };
    // The index: a record a row, joining `source` to its TEI file, which
    // names the record in its header.
    let mut rows = csv::Reader::from_path(dir.join("documents.csv")).unwrap();
    let headers = rows.headers().unwrap().clone();
    assert_eq!(
        headers.iter().take(3).collect::<Vec<_>>(),
        ["source", "document_id", "tei"]
    );
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), corpus.len());
    for ((r, doc), id) in records
        .iter()
        .zip(corpus.documents())
        .zip(export::document_ids(&corpus))
    {
        assert_eq!((&r[0], &r[1]), (doc.name.as_str(), id.as_str()));
        let tei = std::fs::read_to_string(dir.join(&r[2])).unwrap();
        assert_eq!(&r[2], format!("tei/{id}.xml"));
        let name = quick_xml::escape::escape(doc.name.as_str()).into_owned();
        assert!(
            tei.contains(&format!(r#"<idno type="file">{name}</idno>"#)),
            "{}",
            &r[2]
        );
        let col = |h: &str| &r[headers.iter().position(|x| x == h).unwrap()];
        assert_eq!(col("statements"), doc.session.statements.len().to_string());
        assert_eq!(col("format"), doc.session.meta.format.as_str());
    }
    // The TEI written with its record's name validates too.
    for r in &records {
        jing(&dir.join(&r[2]));
    }
    let alignments: usize = corpus.sessions().map(|s| s.analysis.alignments.len()).sum();
    let anomalies: usize = corpus
        .sessions()
        .map(|s| s.analysis.floor_audit.anomalies.len())
        .sum();
    let speakers: usize = corpus
        .sessions()
        .map(|s| s.analysis.statistics.speakers.len())
        .sum();
    let proposals: usize = corpus.sessions().map(|s| s.analysis.proposals.len()).sum();
    assert_eq!(count("alignments.csv"), alignments);
    // Alignments keep what the target is and whether it resolved.
    let mut rows = csv::Reader::from_path(dir.join("alignments.csv")).unwrap();
    assert_eq!(
        rows.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "source",
            "statement",
            "speaker",
            "kind",
            "aligned_with",
            "aligned_with_role",
            "resolved",
            "on_behalf_of",
            "sentence"
        ]
    );
    let expected: Vec<(String, String, String)> = corpus
        .sessions()
        .flat_map(|s| &s.analysis.alignments)
        .map(|a| {
            (
                a.kind.as_str().to_string(),
                a.aligned_with_role.as_str().to_string(),
                a.resolved.to_string(),
            )
        })
        .collect();
    let got: Vec<(String, String, String)> = rows
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[3].to_string(), r[5].to_string(), r[6].to_string()))
        .collect();
    assert_eq!(got, expected);
    // The seeds hold agreements as well as alignments: the column tells them apart.
    assert!(got.iter().any(|r| r.0 == "agrees") && got.iter().any(|r| r.0 == "aligns"));
    assert_eq!(count("anomalies.csv"), anomalies);
    assert_eq!(count("speakers.csv"), speakers);
    assert_eq!(count("proposals.csv"), proposals);
    assert_eq!(count("positions.csv"), corpus.stance_matrix().cells.len());
    assert!(alignments > 0 && anomalies > 0 && proposals > 0);
    // The schema file is the shipped one.
    assert_eq!(
        std::fs::read_to_string(dir.join("session.schema.json")).unwrap(),
        oewg_core::export::schema::session_schema_json()
    );
    // A second run writes the same bytes.
    let first: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let again = export::write_dir(&Corpus::from_paths(&seeds()), &dir, |_| {}).unwrap();
    assert_eq!(again, files);
    for (f, before) in files.iter().zip(first) {
        assert_eq!(std::fs::read(f).unwrap(), before, "{} changed", f.display());
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A writer that always fails, as a full disk or a closed pipe does.
struct Failing;

impl std::io::Write for Failing {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::BrokenPipe,
            "pipe closed",
        ))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_writer_is_an_io_error_in_every_format() {
    use oewg_core::export::{jsonl, tables, tei, ExportError};
    let c = oewg_core::Corpus::from_texts(vec![(
        "a.txt".into(),
        "Chair: Hello.\nCuba: Thanks.\n".into(),
    )]);
    let s = &c.documents()[0].session;
    let errors = [
        jsonl::write(&c, Failing).unwrap_err(),
        tables::statements(&c, Failing).unwrap_err(),
        tables::speakers(&c, Failing).unwrap_err(),
        tei::write(s, "d1", Failing).unwrap_err(),
    ];
    for e in errors {
        match &e {
            ExportError::Io { path, error } => {
                assert_eq!(path, "");
                assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe);
            }
            other => panic!("not an I/O error: {other:?}"),
        }
        // No path to name: the writer's words alone, and said once in
        // the chain (the message holds the cause; it is no source).
        assert_eq!(e.to_string(), "pipe closed");
        assert!(std::error::Error::source(&e).is_none());
    }
}

/// A second export into the same folder leaves no TEI of the first run's
/// records (and keeps files that are not its own, a user's TEI too); a
/// record's name of 252 bytes still gives a file.
#[test]
fn a_second_export_removes_stale_tei_and_long_names_are_cut() {
    let dir = out_dir("stale");
    let two = Corpus::from_texts(vec![
        ("a.txt".into(), "Chair: Hello.\n".into()),
        ("b.txt".into(), "Chair: Hello.\n".into()),
    ]);
    export::write_dir(&two, &dir, |_| {}).unwrap();
    std::fs::write(dir.join("tei").join("notes.xml"), "<notes/>").unwrap();
    // A TEI file of the user's own, and a folder named like a file.
    let mine = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>"#;
    std::fs::write(dir.join("tei").join("mine.xml"), mine).unwrap();
    std::fs::create_dir_all(dir.join("tei").join("folder.xml")).unwrap();
    let long = format!("{}.md", "a".repeat(252));
    let one = Corpus::from_texts(vec![(long, "Chair: Hello.\n".into())]);
    let files = export::write_dir(&one, &dir, |_| {}).unwrap();
    let mut tei: Vec<String> = std::fs::read_dir(dir.join("tei"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    tei.sort();
    assert_eq!(
        tei,
        [
            format!("{}.xml", "a".repeat(200)),
            "folder.xml".to_string(),
            "mine.xml".to_string(),
            "notes.xml".to_string()
        ]
    );
    assert!(files
        .iter()
        .any(|f| f.ends_with(format!("{}.xml", "a".repeat(200)))));
    std::fs::remove_dir_all(&dir).ok();
}

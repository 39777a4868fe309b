//! Rendering: golden outputs for the sample record, and safety — HTML
//! escapes every piece of source text, Markdown cannot open raw HTML.
//! A session read back from JSON may hold any text at all, so the hostile
//! cases are put straight into the model's fields.

use oewg_core::render::{self, escape_markdown};
use oewg_core::{analysis, parse, Report, Session};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::PathBuf;

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn sample() -> Session {
    let src = std::fs::read_to_string(path("../examples/sample.txt")).unwrap();
    parse(&src).unwrap()
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it.
fn golden(rel: &str, actual: &str) {
    let file = path(rel);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&file, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&file).expect("golden file; run with UPDATE_GOLDEN=1 to create it");
    assert_eq!(
        actual, expected,
        "{rel} changed; UPDATE_GOLDEN=1 rewrites it"
    );
}

#[test]
fn the_sample_renders_as_its_golden_files() {
    let s = sample();
    golden("tests/golden/sample.md", &render::markdown(&s));
    golden("tests/golden/sample.html", &render::html(&s));
    golden("tests/golden/sample.glance.json", &render::json(&s));
}

#[test]
fn a_report_renders_with_its_check_against_the_transcript() {
    let src = std::fs::read_to_string(path("tests/fixtures/report.txt")).unwrap();
    let s = parse(&src).unwrap();
    let check = s
        .analysis
        .report_check
        .as_ref()
        .expect("a report is checked");
    let md = render::markdown(&s);
    golden("tests/golden/report.md", &md);
    golden("tests/golden/report.html", &render::html(&s));
    // The counts are the check's own, in both writers alike.
    let lengths = format!(
        "Speech lengths: {} of {} speaker blocks",
        check.blocks_checked - check.length_mismatches.len(),
        check.blocks_checked
    );
    assert!(md.contains("\n### Against its transcript\n\n- "), "{md}");
    assert!(md.contains(&lengths) && render::html(&s).contains(&lengths));
    let g = render::glance(&s);
    assert_eq!(g.report.and_then(|r| r.check).as_ref(), Some(check));
    // JSON from before `missing_terms` has none: the key terms, none of
    // them used, are named instead of "never none".
    let mut old = s.clone();
    if let Some(c) = old.analysis.report_check.as_mut() {
        c.unsupported_arguments[0].missing_terms.clear();
    }
    let md = render::markdown(&old);
    assert!(
        md.contains("“Funding for capacity building”: never funding, capacity, building;"),
        "{md}"
    );
    // A session that is no report has no such section.
    assert!(!render::markdown(&sample()).contains("Against its transcript"));
}

#[test]
fn rendering_is_deterministic_and_json_round_trips() {
    let s = sample();
    assert_eq!(render::html(&s), render::html(&s.clone()));
    let back = Session::from_json(&s.to_json()).unwrap();
    assert_eq!(render::markdown(&back), render::markdown(&s));
    let g: render::Glance = serde_json::from_str(&render::json(&s)).unwrap();
    assert_eq!(g, render::glance(&s));
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='x",
    "&lt;script&gt; &amp; &#60; &#x3C;",
    "<!-- comment --> <![CDATA[x]]> <?php ?>",
    "[link](javascript:alert(1)) ![i](x) <http://x.invalid>",
    "*em* _em_ `code` ~~s~~ # heading | cell |",
    "line one\n\n    indented code\n<div>\n# heading\n- item\n1. item\n> quote",
    "\\<script>\\",
    "nul\0byte",
];

/// A session whose every rendered text field holds `text`.
fn hostile_session(text: &str) -> Session {
    let mut s = parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
    s.meta.title = Some(text.into());
    s.meta.process = Some(text.into());
    s.meta.date = Some(text.into());
    s.meta.time_start = Some(text.into());
    s.meta.time_end = Some(text.into());
    s.meta.agenda_items = vec![text.into()];
    for st in &mut s.statements {
        st.speaker.label = text.into();
    }
    s.statements[1].speaker.name = Some(format!("{text}2").into());
    let mut report = Report::default();
    report.at_a_glance.summary = vec![text.into(), text.into()];
    s.report = Some(report);
    // The analyses' names and excerpts are source text too.
    let excerpt = analysis::Excerpt {
        text: text.into(),
        ..Default::default()
    };
    s.analysis.floor_audit.anomalies = vec![analysis::Anomaly {
        kind: analysis::AnomalyKind::AnnouncedNotHeard,
        speaker: text.into(),
        statements: vec![0],
        excerpt: Some(excerpt.clone()),
    }];
    s.analysis.alignments = vec![analysis::Alignment {
        statement: 1,
        speaker: text.into(),
        aligned_with: text.into(),
        on_behalf_of: Some(text.into()),
        excerpt,
        aligned_with_role: oewg_core::Role::Delegation,
        resolved: true,
        kind: analysis::AlignmentKind::Agrees,
    }];
    // And so is everything the report check quotes.
    let t = || text.to_string();
    s.analysis.report_check = Some(analysis::ReportCheck {
        listed_not_heard: vec![t()],
        heard_not_listed: vec![t()],
        length_mismatches: vec![analysis::LengthMismatch {
            speaker: t(),
            report_words: 1,
            transcript_words: 2,
        }],
        blocks_checked: 1,
        names_not_heard: vec![analysis::UnmatchedName {
            name: t(),
            places: vec![t()],
        }],
        unsupported_arguments: vec![analysis::UnsupportedArgument {
            speaker: t(),
            argument: t(),
            key_terms: vec![t()],
            missing_terms: vec![t()],
        }],
        arguments_checked: 1,
        stance_disagreements: vec![analysis::StanceDisagreement {
            speaker: t(),
            other: t(),
            claim: analysis::Claim::Agreed,
            on: Some(t()),
            place: "agreements".into(),
            argument: None,
            finding: analysis::Finding::Contradicted,
            evidence: vec![analysis::StanceEvidence {
                proposal: t(),
                speaker_stance: analysis::Stance::Support,
                speaker_statements: vec![0],
                other_stance: analysis::Stance::Oppose,
                other_statements: vec![1],
            }],
            agreement: None,
        }],
        stance_claims_checked: 1,
        header_disagreements: vec![analysis::HeaderDisagreement {
            fact: analysis::HeaderFact::AgendaItem,
            header: t(),
            transcript: analysis::Excerpt {
                text: t(),
                ..Default::default()
            },
        }],
        header_facts_checked: 1,
    });
    s.analysis.segments = vec![analysis::AgendaSegment {
        agenda_item: Some(1),
        sub_item: None,
        title: Some(text.into()),
        first_statement: 0,
        last_statement: 1,
        turns: 2,
        words: 4,
        excerpt: None,
    }];
    s
}

const TAGS: &[&str] = &[
    "article", "h1", "h2", "h3", "dl", "dt", "dd", "p", "table", "thead", "tbody", "tr", "th",
    "td", "ul", "li",
];

/// Every tag in `html` is one of ours, with no attribute but the
/// article's class, and every `&` starts one of the references we write.
fn assert_only_our_markup(html: &str) {
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i + 1..];
        let end = tag.find('>').expect("unclosed tag");
        let inner = tag[..end].strip_prefix('/').unwrap_or(&tag[..end]);
        let ok = TAGS.contains(&inner) || inner == "article class=\"oewg-glance\"";
        assert!(ok, "foreign markup <{}> in {html}", &tag[..end]);
        rest = &tag[end..];
    }
    for (i, _) in html.match_indices('&') {
        let after = &html[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|r| after.starts_with(r)),
            "raw & at {i}: {}",
            &after[..after.len().min(20)]
        );
    }
}

/// Decodes the five references `escape_html` writes.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// What the Markdown reads as: its text, and whether any raw HTML, link
/// or image appears.
fn markdown_reading(md: &str) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut foreign = Vec::new();
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_MATH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                text.push('\n')
            }
            Event::Html(h) | Event::InlineHtml(h) => foreign.push(format!("html {h}")),
            Event::InlineMath(m) | Event::DisplayMath(m) => foreign.push(format!("math {m}")),
            Event::Start(t @ (Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_))) => {
                foreign.push(format!("{t:?}"))
            }
            _ => {}
        }
    }
    (text, foreign)
}

#[test]
fn html_escapes_every_piece_of_source_text() {
    for text in HOSTILE {
        let html = render::html(&hostile_session(text));
        assert_only_our_markup(&html);
        let shown = unescape(&html);
        // The text itself is shown, not dropped (NUL shown as U+FFFD).
        assert!(shown.contains(&text.replace('\0', "\u{fffd}")), "{html}");
    }
}

#[test]
fn markdown_cannot_open_raw_html_or_links() {
    for text in HOSTILE {
        let md = render::markdown(&hostile_session(text));
        let (reading, foreign) = markdown_reading(&md);
        assert!(foreign.is_empty(), "{foreign:?} in {md}");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            reading.contains(&flat.replace('\0', "\u{fffd}")),
            "{flat:?} not read back from {md}: {reading:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_stays_text_in_html(text in "\\PC{0,60}|[<>&\"'a-z =/!\\[\\]-]{0,60}") {
        let html = render::html(&hostile_session(&text));
        assert_only_our_markup(&html);
    }

    #[test]
    fn any_text_reads_back_from_markdown(text in "\\PC{0,60}|[<>&\"'`*_#|\\\\a-z =/!\\[\\]()-]{0,60}") {
        let md = escape_markdown(&text);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // Where the renderings put source text: a heading, a paragraph's
        // start, a list item after a bold label, a table cell.
        // (Only the list item has the label "a:" before the text: a text
        // that is "a:" itself stays whole elsewhere.)
        for (doc, last, label) in [
            (format!("# {md}\n"), 0, false),
            (format!("{md}\n"), 0, false),
            (format!("- **a:** {md}\n"), 0, true),
            (format!("| a | b |\n|---|--:|\n| {md} | 1 |\n"), 2, false),
        ] {
            let (reading, foreign) = markdown_reading(&doc);
            prop_assert!(foreign.is_empty(), "{:?} in {:?}", foreign, doc);
            let lines: Vec<&str> = reading.lines().collect();
            let got = lines.get(last).copied().unwrap_or("");
            let got = if label {
                got.strip_prefix("a:").map_or(got, str::trim_start)
            } else {
                got
            };
            prop_assert_eq!(got, flat.replace('\0', "\u{fffd}"), "in {:?}", doc);
        }
    }
}

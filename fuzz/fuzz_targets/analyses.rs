//! The analyses and renderings over whatever `parse` makes of any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_core::{analysis, parse, render};

/// Every tag the HTML writer emits; source text must never add one.
const OUR_TAGS: &[&str] = &[
    "article class=\"oewg-glance\"",
    "article",
    "h1",
    "h2",
    "dl",
    "dt",
    "dd",
    "p",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
];

fuzz_target!(|data: &[u8]| {
    oewg_fuzz::on_str(data, |src| {
        let Ok(session) = parse(src) else { return };
        let floor = analysis::floor(&session);
        let turns: usize = floor.iter().map(|r| r.turns).sum();
        assert_eq!(turns, session.statements.len());
        let share: f64 = floor.iter().map(|r| r.share).sum();
        assert!(session.word_count() == 0 || (share - 1.0).abs() < 1e-9);
        let glance = render::glance(&session);
        for piece in glance.to_html().split('<').skip(1) {
            let tag = piece.split('>').next().unwrap_or_default();
            let name = tag.strip_prefix('/').unwrap_or(tag);
            assert!(OUR_TAGS.contains(&name), "foreign markup <{tag}>");
        }
        // In Markdown every `<` of the source is escaped as `\<`.
        let md = glance.to_markdown();
        assert_eq!(md.matches('<').count(), md.matches("\\<").count());
        let back: render::Glance = serde_json::from_str(&glance.to_json()).unwrap();
        assert_eq!(back, glance);
    });
});

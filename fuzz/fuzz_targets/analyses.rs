//! The analyses and renderings over whatever `parse` makes of any text:
//! share of the floor, the floor audit, alignments, agenda segments,
//! topics, the report check and statistics, and every rendering.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oewg_core::{analysis, parse, render};

/// Every tag the HTML writer emits; source text must never add one.
const OUR_TAGS: &[&str] = &[
    "article class=\"oewg-glance\"",
    "article",
    "h1",
    "h2",
    "h3",
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
        // Every analysis: the same from the parse and run again, and every
        // offset it gives lies on the text it names.
        let a = analysis::analyze(&session);
        assert_eq!(a, session.analysis);
        let text_of = |i: usize| session.statements[i].text.as_str();
        let excerpts = a
            .floor_audit
            .events
            .iter()
            .map(|e| &e.excerpt)
            .chain(
                a.floor_audit
                    .anomalies
                    .iter()
                    .filter_map(|x| x.excerpt.as_ref()),
            )
            .chain(a.alignments.iter().map(|x| &x.excerpt))
            .chain(a.segments.iter().filter_map(|x| x.excerpt.as_ref()));
        for e in excerpts {
            assert_eq!(
                text_of(e.statement).get(e.start..e.end),
                Some(e.text.as_str())
            );
        }
        for st in &a.topics.statements {
            for tag in &st.tags {
                for hit in &tag.evidence {
                    let t = text_of(st.statement).get(hit.start..hit.end).unwrap();
                    assert!(t.eq_ignore_ascii_case(&hit.term));
                }
            }
        }
        let seg_turns: usize = a.segments.iter().map(|s| s.turns).sum();
        assert_eq!(seg_turns, session.statements.len());
        let role_turns: usize = a.statistics.roles.iter().map(|g| g.turns).sum();
        assert_eq!(role_turns, session.statements.len());
        for x in &a.floor_audit.anomalies {
            assert!(x.statements.iter().all(|&i| i < session.statements.len()));
        }
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

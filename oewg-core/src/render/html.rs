//! The HTML writer.

use super::{percent, Glance};
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'` become character references.
///
/// ```
/// use oewg_core::render::escape_html;
/// assert_eq!(escape_html(r#"<a href="x">&amp;'</a>"#),
///            "&lt;a href=&quot;x&quot;&gt;&amp;amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A NUL is not allowed in HTML text; show it instead of dropping it.
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn write(g: &Glance) -> String {
    let e = escape_html;
    let mut o = String::new();
    // Writing to a String cannot fail.
    o.push_str("<article class=\"oewg-glance\">\n");
    let _ = writeln!(o, "<h1>{}</h1>", e(&g.title));
    o.push_str("<dl>\n");
    for (label, value) in &g.facts {
        let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", e(label), e(value));
    }
    o.push_str("</dl>\n");
    let _ = writeln!(o, "<p>{}</p>", g.totals());
    if !g.floor.is_empty() {
        o.push_str("<h2>Share of the floor</h2>\n<table>\n<thead><tr><th>Speaker</th><th>Role</th><th>Turns</th><th>Words</th><th>Share</th></tr></thead>\n<tbody>\n");
        for r in &g.floor {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(&r.speaker),
                r.role.as_str(),
                r.turns,
                r.words,
                percent(r.share)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("<h2>Floor audit</h2>\n");
    if g.anomalies.is_empty() {
        o.push_str("<p>No anomaly in the speakers&#39; list.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for a in &g.anomalies {
            let _ = write!(
                o,
                "<li>{} {} ({})",
                a.kind_words(),
                e(&a.speaker),
                a.place()
            );
            if let Some(x) = &a.excerpt {
                let _ = write!(o, ": “{}”", e(&x.text));
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }
    if !g.alignments.is_empty() {
        o.push_str("<h2>Alignments</h2>\n<table>\n<thead><tr><th>Speaker</th><th>How</th><th>With</th><th>On behalf of</th><th>Statement</th></tr></thead>\n<tbody>\n");
        for a in &g.alignments {
            let behalf = a.on_behalf_of.as_deref().map(e).unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(&a.speaker),
                a.kind.as_str(),
                e(&a.aligned_with),
                behalf,
                a.statement
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    if !g.segments.is_empty() {
        o.push_str("<h2>Agenda segments</h2>\n<table>\n<thead><tr><th>Item</th><th>Title</th><th>Statements</th><th>Turns</th><th>Words</th></tr></thead>\n<tbody>\n");
        for s in &g.segments {
            let title = s.title.as_deref().map(e).unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                s.item(),
                title,
                s.range(),
                s.turns,
                s.words
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    if g.topics.iter().any(|t| t.statements > 0) {
        o.push_str("<h2>Topics</h2>\n<table>\n<thead><tr><th>Topic</th><th>Statements</th><th>Terms</th></tr></thead>\n<tbody>\n");
        for t in g.topics.iter().filter(|t| t.statements > 0) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                t.topic.as_str(),
                t.statements,
                t.terms
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    if !g.proposals.is_empty() {
        o.push_str("<h2>Proposals</h2>\n<table>\n<thead><tr><th>Proposal</th><th>Kind</th><th>Sponsors</th><th>Mentions</th><th>Supporters</th><th>Opposers</th><th>Concerns</th></tr></thead>\n<tbody>\n");
        let list = |v: &[String]| v.iter().map(|x| e(x)).collect::<Vec<_>>().join(", ");
        for p in &g.proposals {
            let mut sponsors = list(&p.sponsors);
            if let Some(note) = p.cosponsors_note() {
                let _ = write!(sponsors, " ({})", e(&note));
            }
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(&p.name),
                p.kind.as_str(),
                sponsors,
                p.mentions,
                list(&p.supporters),
                list(&p.opposers),
                list(&p.concerned)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    if let Some(r) = &g.report {
        o.push_str("<h2>Report</h2>\n");
        for p in &r.summary {
            let _ = writeln!(o, "<p>{}</p>", e(p));
        }
        let _ = writeln!(o, "<p>{}</p>", r.counts());
        let check = r.check_lines(e);
        if !check.is_empty() {
            o.push_str("<h3>Against its transcript</h3>\n<ul>\n");
            for line in check {
                let _ = writeln!(o, "<li>{line}</li>");
            }
            o.push_str("</ul>\n");
        }
    }
    o.push_str("<h2>Skipped</h2>\n");
    if g.skipped.is_empty() {
        o.push_str("<p>Nothing was skipped.</p>\n");
    } else {
        o.push_str("<ul>\n");
        for k in &g.skipped {
            let _ = writeln!(o, "<li>{}: {}</li>", k.place(), e(&k.reason));
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</article>\n");
    o
}

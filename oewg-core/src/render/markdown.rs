//! The Markdown writer.

use super::{percent, Glance};
use std::fmt::Write;

/// Makes source text safe as inline Markdown: whitespace runs (line ends
/// included) become one space, and every character CommonMark (or GitHub's
/// tables, strikethrough and math) could read as markup is
/// backslash-escaped — an escaped one is a literal, so the text can open
/// no raw HTML, entity, code, link, emphasis, heading, list or table cell.
/// The text has no line break, so what is markup only at the start of a
/// line is escaped only there: a leading `-`, `+` or `=`, and the `.` or
/// `)` after leading digits. Prose keeps its "co-sponsors, namely" as
/// written. A NUL
/// becomes U+FFFD, as CommonMark asks.
///
/// ```
/// use oewg_core::render::escape_markdown;
/// assert_eq!(escape_markdown("<b>A|B</b>\n  1. x-y, z"), r"\<b\>A\|B\</b\> 1. x-y, z");
/// assert_eq!(escape_markdown("12) first - second"), r"12\) first - second");
/// assert_eq!(escape_markdown("- 5-2"), r"\- 5-2");
/// ```
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Digits leading the first word, after which "." or ")" would
        // make an ordered list.
        let mut digits = i == 0;
        for (k, c) in word.chars().enumerate() {
            let markup = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '$'
            ) || (i == 0 && k == 0 && matches!(c, '-' | '+' | '='))
                || (digits && k > 0 && matches!(c, '.' | ')'));
            digits &= c.is_ascii_digit();
            if markup {
                out.push('\\');
            }
            // CommonMark's own rule for NUL, applied here so every reader
            // sees the same text.
            out.push(if c == '\0' { '\u{fffd}' } else { c });
        }
    }
    out
}

pub(super) fn write(g: &Glance) -> String {
    let e = escape_markdown;
    let mut o = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(o, "# {}\n", e(&g.title));
    for (label, value) in &g.facts {
        let _ = writeln!(o, "- **{}:** {}", e(label), e(value));
    }
    let _ = writeln!(o, "\n{}", g.totals());
    if !g.floor.is_empty() {
        o.push_str("\n## Share of the floor\n\n");
        o.push_str("| Speaker | Role | Turns | Words | Share |\n|---|---|--:|--:|--:|\n");
        for r in &g.floor {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                e(&r.speaker),
                r.role.as_str(),
                r.turns,
                r.words,
                percent(r.share)
            );
        }
    }
    o.push_str("\n## Floor audit\n\n");
    if g.anomalies.is_empty() {
        o.push_str("No anomaly in the speakers' list.\n");
    }
    for a in &g.anomalies {
        let _ = write!(o, "- {} {} ({})", a.kind_words(), e(&a.speaker), a.place());
        if let Some(x) = &a.excerpt {
            let _ = write!(o, ": “{}”", e(&x.text));
        }
        o.push('\n');
    }
    if !g.alignments.is_empty() {
        o.push_str("\n## Alignments\n\n");
        o.push_str("| Speaker | How | With | On behalf of | Statement |\n|---|---|---|---|--:|\n");
        for a in &g.alignments {
            let behalf = a.on_behalf_of.as_deref().map(e).unwrap_or_default();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                e(&a.speaker),
                a.kind.as_str(),
                e(&a.aligned_with),
                behalf,
                a.statement
            );
        }
    }
    if !g.segments.is_empty() {
        o.push_str("\n## Agenda segments\n\n");
        o.push_str("| Item | Title | Statements | Turns | Words |\n|---|---|---|--:|--:|\n");
        for s in &g.segments {
            let title = s.title.as_deref().map(e).unwrap_or_default();
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                s.item(),
                title,
                s.range(),
                s.turns,
                s.words
            );
        }
    }
    if g.topics.iter().any(|t| t.statements > 0) {
        o.push_str("\n## Topics\n\n");
        o.push_str("| Topic | Statements | Terms |\n|---|--:|--:|\n");
        for t in g.topics.iter().filter(|t| t.statements > 0) {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                e(t.topic.as_str()),
                t.statements,
                t.terms
            );
        }
    }
    if !g.proposals.is_empty() {
        o.push_str("\n## Proposals\n\n");
        o.push_str("| Proposal | Kind | Sponsors | Mentions | Supporters | Opposers | Concerns |\n|---|---|---|--:|---|---|---|\n");
        let list = |v: &[String]| v.iter().map(|x| e(x)).collect::<Vec<_>>().join(", ");
        for p in &g.proposals {
            let mut sponsors = list(&p.sponsors);
            if let Some(note) = p.cosponsors_note() {
                let _ = write!(sponsors, " ({})", e(&note));
            }
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} | {} |",
                e(&p.name),
                e(p.kind.as_str()),
                sponsors,
                p.mentions,
                list(&p.supporters),
                list(&p.opposers),
                list(&p.concerned)
            );
        }
    }
    if let Some(r) = &g.report {
        o.push_str("\n## Report\n\n");
        for p in &r.summary {
            let _ = writeln!(o, "{}\n", e(p));
        }
        let _ = writeln!(o, "{}", r.counts());
        let check = r.check_lines(e);
        if !check.is_empty() {
            o.push_str("\n### Against its transcript\n\n");
            for line in check {
                let _ = writeln!(o, "- {line}");
            }
        }
    }
    o.push_str("\n## Skipped\n\n");
    if g.skipped.is_empty() {
        o.push_str("Nothing was skipped.\n");
    }
    for k in &g.skipped {
        let _ = writeln!(o, "- {}: {}", k.place(), e(&k.reason));
    }
    o
}

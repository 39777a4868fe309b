//! The plain-text summary the command line prints: title, facts, counts,
//! the share of the floor as a table, the report's counts, what was
//! skipped. One writer, so the example program and the Python package's
//! `oewg` command print the same.

use super::ProposalGlance;
use crate::analysis::{analyze, floor, Analysis};
use crate::model::{Role, Session};
use std::fmt::Write;

/// The session as a readable plain-text summary; `name` stands in for the
/// title when the record has none.
///
/// ```
/// let s = oewg_core::parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
/// let text = oewg_core::render::summary(&s, "record.txt");
/// assert!(text.starts_with("record.txt\nformat: turns\n2 statements, 4 words, 1 by the Chair\n"));
/// assert!(text.ends_with("skipped: nothing\n"));
/// // One of a thing is no plural.
/// let one = oewg_core::parse("Chair: Hello.\n").unwrap();
/// assert!(oewg_core::render::summary(&one, "r").contains("\n1 statement, 1 word, 1 by the Chair\n"));
/// ```
pub fn summary(session: &Session, name: &str) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_summary(&mut out, session, name);
    out
}

fn write_summary(out: &mut String, s: &Session, name: &str) -> std::fmt::Result {
    let m = &s.meta;
    writeln!(out, "{}", m.title.as_deref().unwrap_or(name))?;
    let mut facts = vec![format!("format: {}", m.format)];
    if let Some(p) = &m.process {
        facts.push(format!("process: {p}"));
    }
    if let (Some(session), Some(meeting)) = (m.session, m.meeting) {
        facts.push(format!("session {session}, meeting {meeting}"));
    }
    if let Some(d) = &m.date {
        facts.push(format!("date: {d}"));
    }
    writeln!(out, "{}", facts.join(" | "))?;
    let chair = s
        .statements
        .iter()
        .filter(|st| st.speaker.role == Role::Chair)
        .count();
    writeln!(
        out,
        "{}, {}, {chair} by the Chair",
        counted(s.statements.len(), "statement"),
        counted(s.word_count(), "word"),
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<32} {:>6} {:>7} {:>6}  role",
        "speaker", "turns", "words", "floor"
    )?;
    for r in floor(s) {
        writeln!(
            out,
            "{:<32} {:>6} {:>7} {:>5.1}%  {}",
            r.speaker,
            r.turns,
            r.words,
            100.0 * r.share,
            r.role.as_str()
        )?;
    }
    let proposals: Vec<ProposalGlance> = if s.analysis == Analysis::default() {
        analyze(s)
            .proposals
            .iter()
            .map(ProposalGlance::of)
            .collect()
    } else {
        s.analysis
            .proposals
            .iter()
            .map(ProposalGlance::of)
            .collect()
    };
    if !proposals.is_empty() {
        writeln!(out)?;
        for p in &proposals {
            let mut line = format!("proposal: {} ({})", p.name, p.kind.as_str());
            if !p.sponsors.is_empty() {
                line += &format!(" by {}", p.sponsors.join(", "));
            }
            if let Some(note) = p.cosponsors_note() {
                line += &format!(", {note}");
            }
            line += &format!("; {}", counted(p.mentions, "mention"));
            for (label, who) in [
                ("for", &p.supporters),
                ("against", &p.opposers),
                ("concerns", &p.concerned),
            ] {
                if !who.is_empty() {
                    line += &format!("; {label}: {}", who.join(", "));
                }
            }
            writeln!(out, "{line}")?;
        }
    }
    if let Some(r) = &s.report {
        writeln!(out)?;
        writeln!(
            out,
            "report: {}, {}, {} agreement and {} difference viewpoints",
            counted(r.speakers.len(), "speaker block"),
            counted(
                r.speakers
                    .iter()
                    .map(|sp| sp.arguments.len())
                    .sum::<usize>(),
                "argument"
            ),
            r.agreements.viewpoints.len(),
            r.differences.viewpoints.len()
        )?;
    }
    writeln!(out)?;
    if s.skipped.is_empty() {
        writeln!(out, "skipped: nothing")?;
    }
    for k in &s.skipped {
        writeln!(
            out,
            "skipped: lines {}-{} ({}): {}",
            k.span.line_start,
            k.span.line_end,
            counted(k.span.len(), "byte"),
            k.reason
        )?;
    }
    Ok(())
}

/// `n` and the noun, plural but for one: "1 statement", "2 statements".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

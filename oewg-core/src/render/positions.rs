//! The stance matrix of a corpus as plain text: one row a delegation, one
//! column a proposal (numbered, with a legend), one mark a cell. What
//! `oewg positions` and `python -m oewg positions` print.

use crate::analysis::Stance;
use crate::corpus::{Position, ProposalSeries, StanceMatrix};

/// The stance matrix as text, the proposals named from `proposals`
/// (`Corpus::proposals`): `+` support, `-` oppose, `?` concern, `~`
/// neutral, `.` mentioned, `*` sponsor.
///
/// ```
/// let c = oewg_core::Corpus::from_texts(vec![(
///     "a".into(),
///     "Peru: We support the proposal by Canada and Chile.\n".into(),
/// )]);
/// let text = oewg_core::render::positions(&c.stance_matrix(), &c.proposals());
/// assert!(text.contains("Canada–Chile proposal (canada-chile-proposal)"));
/// assert!(text.lines().any(|l| l.starts_with("Peru") && l.trim_end().ends_with('+')));
/// ```
pub fn positions(matrix: &StanceMatrix, proposals: &[ProposalSeries]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if matrix.cells.is_empty() {
        out.push_str("no proposals found\n");
        return out;
    }
    out.push_str("proposals:\n");
    for (i, id) in matrix.proposals.iter().enumerate() {
        let name = proposals
            .iter()
            .find(|p| &p.id == id)
            .map_or(id.as_str(), |p| p.name.as_str());
        let _ = writeln!(out, "  {:>2}  {name} ({id})", i + 1);
    }
    out.push_str("stances: + support, - oppose, ? concern, ~ neutral, . mentioned; * sponsor\n\n");
    let width = matrix
        .delegations
        .iter()
        .map(|d| d.chars().count())
        .max()
        .unwrap_or(0)
        .max("delegation".len());
    let _ = write!(out, "{:width$}", "delegation");
    for i in 1..=matrix.proposals.len() {
        let _ = write!(out, " {i:>3}");
    }
    out.push('\n');
    let cells: std::collections::HashMap<(&str, &str), &Position> = matrix
        .cells
        .iter()
        .map(|c| ((c.delegation.as_str(), c.proposal.as_str()), c))
        .collect();
    for d in &matrix.delegations {
        let pad = width - d.chars().count();
        let _ = write!(out, "{d}{}", " ".repeat(pad));
        for p in &matrix.proposals {
            let cell = cells
                .get(&(d.as_str(), p.as_str()))
                .map_or(String::new(), |c| {
                    let mark = match (c.stance, c.sponsor) {
                        (Stance::Reference, true) if c.reference == 0 => "",
                        (Stance::Support, _) => "+",
                        (Stance::Oppose, _) => "-",
                        (Stance::Concern, _) => "?",
                        (Stance::Neutral, _) => "~",
                        (Stance::Reference, _) => ".",
                    };
                    format!("{mark}{}", if c.sponsor { "*" } else { "" })
                });
            let _ = write!(out, " {cell:>3}");
        }
        out.push('\n');
    }
    out
}

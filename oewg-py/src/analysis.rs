//! The analyses of `oewg_core::analysis`, as Python classes.

use crate::wrap::wrapper;
use oewg_core as core;

wrapper! {
    /// One speaker's share of the floor (``Session.floor()``).
    PyFloorShare(core::analysis::FloorShare) as "FloorShare";
    repr(|s| format!(
        "<FloorShare {:?} ({}): {} turns, {} words, {:.1}%>",
        s.speaker,
        s.role.as_str(),
        s.turns,
        s.words,
        100.0 * s.share
    ));
    fields {
        /// Canonical name when the label was recognised, else the label.
        speaker: String,
        /// The kind of speaker.
        role: String,
        /// ISO 3166-1 alpha-3 code, for a state.
        iso3: Option<String>,
        /// Turns taken.
        turns: usize,
        /// Of which substantive.
        substantive_turns: usize,
        /// Words spoken.
        words: usize,
        /// Fraction of all words in the session, 0 to 1.
        share: f64,
        /// Index of the speaker's first statement.
        first_statement: usize,
    }
}

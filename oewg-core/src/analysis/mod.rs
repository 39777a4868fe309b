//! Analyses over a parsed [`Session`](crate::Session), one module each.
//! They read the model and never the source text, so they work the same on
//! a session parsed now and on one read back from JSON.

pub mod floor;

pub use floor::{floor, FloorShare};

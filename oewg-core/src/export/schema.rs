//! The JSON Schema of a [`Session`], generated from the Rust types with
//! schemars, so it cannot drift from what `oewg json` writes. The
//! repository ships it as `schema/session.schema.json`; a test checks the
//! shipped file against this one and real output against both.

use crate::model::Session;

/// The version of the schema: the crate's version. Its `$id` and title
/// carry it.
///
/// ```
/// assert_eq!(oewg_core::export::schema::SCHEMA_VERSION, env!("CARGO_PKG_VERSION"));
/// ```
pub const SCHEMA_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The JSON Schema (draft 2020-12) of [`Session`], as a JSON value.
///
/// ```
/// let schema = oewg_core::export::schema::session_schema();
/// assert_eq!(schema["title"], format!("oewg Session {}", oewg_core::export::schema::SCHEMA_VERSION));
/// assert_eq!(schema["$id"], format!("urn:oewg:schema:{}:session", oewg_core::export::schema::SCHEMA_VERSION));
/// assert!(schema["required"].as_array().unwrap().contains(&"statements".into()));
/// ```
pub fn session_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Session);
    // A URN, not a web address: the schema is shipped with the package
    // (`schema/session.schema.json`, `jsonSchema()`, `oewg.json_schema()`)
    // and served from nowhere, and an address that resolves to nothing
    // would invite a validator to fetch it.
    schema.insert(
        "$id".into(),
        format!("urn:oewg:schema:{SCHEMA_VERSION}:session").into(),
    );
    schema.insert(
        "title".into(),
        format!("oewg Session {SCHEMA_VERSION}").into(),
    );
    schema.to_value()
}

/// [`session_schema`] pretty-printed, with a final line end: the text of
/// the shipped file.
///
/// ```
/// let text = oewg_core::export::schema::session_schema_json();
/// assert!(text.starts_with("{\n") && text.ends_with("}\n"));
/// ```
pub fn session_schema_json() -> String {
    // A serde_json::Value always serialises.
    serde_json::to_string_pretty(&session_schema()).unwrap_or_default() + "\n"
}

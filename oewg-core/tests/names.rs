//! Every kind of the model and the analyses is read from, and written as,
//! the names JSON gives it: `Display`, `FromStr` and serde agree on every
//! variant (the variants are taken from each type's JSON Schema, so a new
//! one is checked too).

use oewg_core::analysis::{
    AlignmentKind, AnomalyKind, Claim, Finding, FloorEventKind, HeaderFact, ProposalKind, Stance,
    Topic,
};
use oewg_core::{
    BlockKind, Format, HeaderKind, RegionKind, RegionalGroup, Role, SectionKind, SkipReason,
    StatementKind, UnknownName, ViewpointCategory,
};
use std::fmt::Display;
use std::str::FromStr;

/// The names of `T`'s variants, as its schema lists them.
fn names<T: schemars::JsonSchema>() -> Vec<String> {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let mut out = Vec::new();
    collect(&schema, &mut out);
    assert!(!out.is_empty(), "{schema}");
    out
}

fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
    let serde_json::Value::Object(m) = v else {
        return;
    };
    for key in ["enum", "const"] {
        match m.get(key) {
            Some(serde_json::Value::Array(a)) => {
                out.extend(a.iter().filter_map(|x| x.as_str().map(String::from)))
            }
            Some(serde_json::Value::String(s)) => out.push(s.clone()),
            _ => {}
        }
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(serde_json::Value::Array(a)) = m.get(key) {
            a.iter().for_each(|x| collect(x, out));
        }
    }
}

fn check<T>()
where
    T: schemars::JsonSchema
        + FromStr<Err = UnknownName>
        + Display
        + serde::Serialize
        + PartialEq
        + std::fmt::Debug,
{
    for name in names::<T>() {
        let v: T = name.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(v.to_string(), name);
        assert_eq!(serde_json::to_string(&v).unwrap(), format!("{name:?}"));
        // In any case, with spaces around.
        assert_eq!(format!(" {} ", name.to_uppercase()).parse::<T>(), Ok(v));
    }
    let err = "no such name".parse::<T>().unwrap_err();
    assert_eq!(err.given, "no such name");
    assert!(err.to_string().starts_with("unknown "), "{err}");
}

#[test]
fn every_kind_reads_and_writes_its_json_names() {
    check::<Format>();
    check::<Role>();
    check::<RegionalGroup>();
    check::<SkipReason>();
    check::<StatementKind>();
    check::<HeaderKind>();
    check::<RegionKind>();
    check::<SectionKind>();
    check::<BlockKind>();
    check::<ViewpointCategory>();
    check::<AnomalyKind>();
    check::<FloorEventKind>();
    check::<Claim>();
    check::<Finding>();
    check::<ProposalKind>();
    check::<Stance>();
    check::<Topic>();
    check::<AlignmentKind>();
    check::<HeaderFact>();
}

#[test]
fn an_unknown_name_lists_the_known_ones() {
    let err = "chairman".parse::<Role>().unwrap_err();
    assert_eq!(err.kind, "Role");
    assert!(err.expected.contains("`chair`"), "{}", err.expected);
    // It is an Error, so `?` carries it into any error type.
    fn read(s: &str) -> Result<Format, Box<dyn std::error::Error>> {
        Ok(s.parse::<Format>()?)
    }
    assert_eq!(read("pv").unwrap(), Format::Pv);
    assert!(read("pdf").is_err());
}

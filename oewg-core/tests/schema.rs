//! The shipped JSON Schema of the Session (`schema/session.schema.json`):
//! it is the one the types generate, and the real output of both seeds,
//! of every fixture and of the embedded sample validates against it.
//! Set `UPDATE_SCHEMA=1` to rewrite the shipped file after an intended
//! change of the model, then review the diff.

use oewg_core::export::schema::{session_schema, session_schema_json, SCHEMA_VERSION};
use std::path::PathBuf;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
}

#[test]
fn shipped_schema_is_the_generated_one() {
    let path = repo("schema/session.schema.json");
    let generated = session_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "{} is not the schema the types generate: run \
         `UPDATE_SCHEMA=1 cargo test -p oewg-core --test schema` and review the diff",
        path.display()
    );
    let v: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    assert_eq!(v["title"], format!("oewg Session {SCHEMA_VERSION}"));
    assert!(v["$id"].as_str().unwrap().contains(SCHEMA_VERSION));
}

fn records() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let seeds = repo("../shared/seeds");
    for name in ["000_7135191b872dcc1d.txt", "004_b03c78f8038a68f6.txt"] {
        let p = seeds.join(name);
        let text = std::fs::read_to_string(&p)
            .unwrap_or_else(|e| panic!("reading seed {}: {e}", p.display()));
        out.push((name.to_string(), text));
    }
    let fixtures = repo("oewg-core/tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        out.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    out.push((
        "examples/sample.txt".into(),
        std::fs::read_to_string(repo("examples/sample.txt")).unwrap(),
    ));
    out
}

#[test]
fn real_output_validates_against_the_shipped_schema() {
    // While the other test rewrites the file, check against what it writes.
    let shipped: serde_json::Value = if std::env::var_os("UPDATE_SCHEMA").is_some() {
        session_schema()
    } else {
        serde_json::from_str(&std::fs::read_to_string(repo("schema/session.schema.json")).unwrap())
            .unwrap()
    };
    let validator = jsonschema::validator_for(&shipped).expect("the schema compiles");
    let mut checked = 0;
    for (name, text) in records() {
        let session = oewg_core::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json: serde_json::Value = serde_json::from_str(&session.to_json()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} records checked");
}

#[test]
fn the_schema_rejects_what_is_not_a_session() {
    let validator = jsonschema::validator_for(&session_schema()).unwrap();
    let s = oewg_core::parse("Chair: Good morning.\nCuba: Thank you.\n").unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    assert!(validator.is_valid(&json));
    json["statements"][1]["speaker"]["role"] = "king".into();
    assert!(!validator.is_valid(&json));
    json.as_object_mut().unwrap().remove("statements");
    assert!(!validator.is_valid(&json));
}

//! `docs/corridor.schema.json` is generated from the file types; this fails when the committed
//! copy is stale. Run with `UPDATE_SCHEMA=1` to rewrite it.

use crate::common::repo_dir;

#[test]
fn the_committed_schema_is_fresh() {
    let path = repo_dir("docs").join("corridor.schema.json");
    let fresh = corridor_core::file::schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).expect("write docs/corridor.schema.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/corridor.schema.json is stale: run \
         `UPDATE_SCHEMA=1 cargo test -p corridor-core --test it schema` and commit it"
    );
}

#[test]
fn the_schema_describes_the_file() {
    let schema: serde_json::Value = serde_json::from_str(&corridor_core::file::schema()).unwrap();
    assert_eq!(schema["title"], "Corridor journey map file");
    assert_eq!(schema["type"], "object");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["format_version", "map"]);
    // Unknown fields are refused by the reader, and the schema says so.
    assert_eq!(schema["additionalProperties"], false);
    // Every channel the model knows is listed.
    let text = corridor_core::file::schema();
    for channel in ["web", "mobile_app", "in_person", "partner", "custom"] {
        assert!(text.contains(&format!("\"{channel}\"")), "{channel}");
    }
}

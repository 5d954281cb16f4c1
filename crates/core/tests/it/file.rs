//! The native file: round trips, canonical form, the examples, and every way reading can fail.

use corridor_core::file::{from_str, to_string};
use corridor_core::*;
use proptest::prelude::*;

use crate::common::{example_files, sound_map};

/// Line and column (from 1) of byte offset `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = at - before.rfind('\n').map_or(0, |nl| nl + 1) + 1;
    (line, column)
}

#[test]
fn save_then_open_gives_the_same_map() {
    let map = sound_map();
    let text = to_string(&map);
    assert_eq!(from_str(&text), Ok(map.clone()));
    // And two saves are byte-identical, also after a round trip.
    assert_eq!(to_string(&map), text);
    assert_eq!(to_string(&from_str(&text).unwrap()), text);
}

#[test]
fn the_canonical_form_is_pretty_json_with_a_final_newline() {
    let text = to_string(&sound_map());
    assert!(text.starts_with("{\n  \"format_version\": 1,\n  \"map\": {\n    \"id\": "));
    assert!(text.ends_with("\n}\n"));
    assert!(!text.contains('\t'));
    // Keys in declaration order: title before stages before score_scale before story.
    let at = |key: &str| text.find(&format!("\n    \"{key}\": ")).unwrap();
    assert!(at("title") < at("stages"));
    assert!(at("stages") < at("touchpoints"));
    assert!(at("score_scale") < at("story"));
}

#[test]
fn compact_text_reads_like_the_canonical_form() {
    let map = sound_map();
    let value: serde_json::Value = serde_json::from_str(&to_string(&map)).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert!(!compact.contains('\n'));
    assert_eq!(from_str(&compact), Ok(map));
}

#[test]
fn defaults_fill_in_what_a_minimal_file_leaves_out() {
    let text = r#"{"format_version": 1, "map": {
        "id": "00000000-0000-0000-0000-000000000001",
        "title": "Minimal",
        "created": "2026-01-01T00:00:00Z",
        "modified": "2026-01-02T00:00:00Z",
        "stages": [{"id": "00000000-0000-0000-0000-000000000002", "name": "Only"}],
        "score_scale": {"label": "0-10", "min": 0, "max": 10,
                        "adds_at_or_above": 9, "takes_away_at_or_below": 6}
    }}"#;
    let map = from_str(text).unwrap();
    assert_eq!(map.title, "Minimal");
    assert_eq!(map.stages.len(), 1);
    assert!(map.personas.is_empty() && map.touchpoints.is_empty() && map.lanes.is_empty());
    assert_eq!(map.persona, None);
    assert_eq!(map.story, Story::default());
    assert_eq!(map.score_scale.max, 10.0);
    assert!(validate(&map).is_empty());
}

#[test]
fn every_example_is_valid_and_canonical() {
    for (name, text) in example_files() {
        let map = from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(validate(&map), Vec::<Problem>::new(), "{name}");
        assert!(
            to_string(&map) == text,
            "{name} is not in canonical form: run `corridor fmt examples/{name}`"
        );
    }
}

#[test]
fn the_compiled_in_examples_are_the_files_and_have_distinct_ids() {
    let on_disk = example_files();
    let mut ids = std::collections::HashSet::new();
    for (name, text) in examples::EXAMPLES {
        let disk = on_disk.iter().find(|(n, _)| n == name);
        assert_eq!(disk.map(|(_, t)| t.as_str()), Some(*text), "{name}");
        let map = from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(ids.insert(map.id), "{name} reuses the id {}", map.id);
    }
}

#[test]
fn a_syntax_error_names_its_line_and_column() {
    // Line 4: four spaces, `"title": "x",` (columns 5 to 17), then a second comma at column 18.
    let text = "{\n  \"format_version\": 1,\n  \"map\": {\n    \"title\": \"x\",,\n  }\n}\n";
    match from_str(text) {
        Err(FileError::Syntax { line, column, .. }) => assert_eq!((line, column), (4, 18)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    // Line 1: `{"format_version": 1 "map"`: the `"` of "map" at column 22 needs a comma first.
    let err = from_str("{\"format_version\": 1 \"map\": {}}").unwrap_err();
    assert!(
        matches!(
            err,
            FileError::Syntax {
                line: 1,
                column: 22,
                ..
            }
        ),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(
        shown.starts_with("line 1, column 22: not valid JSON: "),
        "{shown}"
    );
    // The position is said once, not again by serde_json at the end.
    assert!(!shown.contains(" at line "), "{shown}");
}

#[test]
fn an_unknown_channel_names_its_path_line_and_column() {
    let good = to_string(&sound_map());
    assert_eq!(good.matches("\"channel\": \"social\"").count(), 1);
    let text = good.replace("\"channel\": \"social\"", "\"channel\": \"telepathy\"");
    // serde_json reports the closing quote of the value it could not use.
    let value_at = text.find("\"telepathy\"").unwrap();
    let (line, column) = line_col(&text, value_at + "\"telepathy\"".len() - 1);
    match from_str(&text) {
        Err(FileError::Schema {
            path,
            line: l,
            column: c,
            message,
        }) => {
            assert_eq!(path, "map.touchpoints[0].channel");
            assert_eq!((l, c), (line, column));
            assert!(message.contains("telepathy"), "{message}");
            assert!(!message.contains(" at line "), "{message}");
        }
        other => panic!("expected a schema error, got {other:?}"),
    }
}

#[test]
fn a_missing_title_names_the_map_and_where_it_ends() {
    let good = to_string(&sound_map());
    let text = good.replace("    \"title\": \"Buying a bike\",\n", "");
    assert_ne!(text, good);
    // The map object closes on the second-to-last line, `  }`.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[lines.len() - 2], "  }");
    match from_str(&text) {
        Err(err @ FileError::Schema { .. }) => {
            let FileError::Schema {
                path,
                line,
                column,
                message,
            } = &err
            else {
                unreachable!()
            };
            assert_eq!(path, "map");
            assert!(message.contains("missing field `title`"), "{message}");
            assert_eq!((*line, *column), (lines.len() - 1, 3));
            assert_eq!(
                err.to_string(),
                format!("line {line}, column 3, at `map`: {message}")
            );
        }
        other => panic!("expected a schema error, got {other:?}"),
    }
}

#[test]
fn unknown_fields_are_refused() {
    let good = to_string(&sound_map());
    let text = good.replacen(
        "\"name\": \"Awareness\"",
        "\"name\": \"Awareness\",\n        \"colour\": \"red\"",
        1,
    );
    assert_ne!(text, good);
    let (colour_line, _) = line_col(&text, text.find("\"colour\"").unwrap());
    match from_str(&text) {
        Err(FileError::Schema {
            path,
            line,
            message,
            ..
        }) => {
            assert_eq!(path, "map.stages[0].colour");
            assert_eq!(line, colour_line);
            assert!(message.contains("unknown field `colour`"), "{message}");
        }
        other => panic!("expected a schema error, got {other:?}"),
    }
    // At the top level too.
    let text = good.replacen("{\n", "{\n  \"extra\": true,\n", 1);
    assert!(matches!(from_str(&text), Err(FileError::Schema { .. })));
}

#[test]
fn a_newer_format_version_is_refused_before_anything_else() {
    let text = to_string(&sound_map()).replace("\"format_version\": 1", "\"format_version\": 2");
    let err = from_str(&text).unwrap_err();
    assert_eq!(
        err,
        FileError::NewerVersion {
            found: 2,
            supported: 1
        }
    );
    let shown = err.to_string();
    assert!(shown.contains("version 2"), "{shown}");
    assert!(shown.contains("up to 1"), "{shown}");
    // A newer file may look like anything else: the version is the only thing read.
    let err = from_str(r#"{"format_version": 7, "map": {"shape": "unknown"}}"#).unwrap_err();
    assert_eq!(
        err,
        FileError::NewerVersion {
            found: 7,
            supported: FORMAT_VERSION
        }
    );
}

#[test]
fn a_missing_or_unusable_format_version_is_refused() {
    let text = to_string(&sound_map()).replace("  \"format_version\": 1,\n", "");
    assert_eq!(from_str(&text), Err(FileError::MissingVersion));
    assert_eq!(
        from_str(r#"{"format_version": "1", "map": {}}"#),
        Err(FileError::MissingVersion)
    );
    assert_eq!(from_str("[1, 2]"), Err(FileError::MissingVersion));
}

#[test]
fn version_zero_is_refused() {
    let text = to_string(&sound_map()).replace("\"format_version\": 1", "\"format_version\": 0");
    let err = from_str(&text).unwrap_err();
    assert_eq!(
        err,
        FileError::UnknownOldVersion {
            found: 0,
            oldest: 1
        }
    );
    assert!(err.to_string().contains("version 0"));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let map = sound_map();
    let text = format!("\u{feff}{}", to_string(&map));
    assert_eq!(from_str(&text), Ok(map));
    // Positions still count from the first character after the mark.
    match from_str("\u{feff}{\n  ,\n}") {
        Err(FileError::Syntax { line, column, .. }) => assert_eq!((line, column), (2, 3)),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

proptest! {
    /// Any finite score survives a save and an open bit for bit.
    #[test]
    fn scores_round_trip_exactly(
        target in 1.0f64..=5.0,
        emotion in -2.0f64..=2.0,
        baseline in proptest::num::f64::NORMAL,
    ) {
        let mut map = sound_map();
        map.touchpoints[0].target_score = Some(target);
        map.touchpoints[0].designed_emotion = Some(emotion);
        map.story.kpis[0].baseline = Some(baseline);
        let back = from_str(&to_string(&map)).unwrap();
        prop_assert_eq!(back.touchpoints[0].target_score.map(f64::to_bits), Some(target.to_bits()));
        prop_assert_eq!(
            back.touchpoints[0].designed_emotion.map(f64::to_bits),
            Some(emotion.to_bits())
        );
        prop_assert_eq!(back.story.kpis[0].baseline.map(f64::to_bits), Some(baseline.to_bits()));
    }
}

proptest! {
    /// Any sound map reads back as itself, and saving it again gives the same bytes.
    #[test]
    fn sound_maps_round_trip(map in crate::gen::arb_map()) {
        let text = to_string(&map);
        let back = from_str(&text).unwrap();
        prop_assert_eq!(&back, &map);
        prop_assert_eq!(to_string(&back), text);
    }
}

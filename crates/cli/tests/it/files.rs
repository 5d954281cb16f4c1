//! The commands that work on map files: validate, new, show, fmt; and usage errors.

use std::path::Path;

use corridor_core::{file, validate, JourneyMap};

use crate::common::{example_paths, run};

fn read_map(path: &Path) -> JourneyMap {
    file::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn validate_passes_the_examples() {
    let paths = example_paths();
    let (code, out, err) =
        run(std::iter::once("validate".as_ref()).chain(paths.iter().map(|p| p.as_os_str())));
    assert_eq!(code, 0, "{out}{err}");
    for path in &paths {
        assert!(out.contains(&format!("{}: ok\n", path.display())), "{out}");
    }
}

#[test]
fn validate_lists_every_problem_with_its_path_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let good = &example_paths()[0];
    let mut map = read_map(good);
    assert!(!map.touchpoints.is_empty(), "the example has touchpoints");
    let last = map.touchpoints.len() - 1;
    map.touchpoints[0].stage = uuid::Uuid::from_u128(0xdead);
    map.touchpoints[last].target_score = Some(map.score_scale.max + 1.0);
    let broken = dir.path().join("broken.corridor.json");
    std::fs::write(&broken, file::to_string(&map)).unwrap();

    let (code, out, _) = run(["validate".as_ref(), good.as_os_str(), broken.as_os_str()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{}: ok\n", good.display())), "{out}");
    assert!(
        out.contains(&format!("{}: 2 problem(s)\n", broken.display())),
        "{out}"
    );
    assert!(out.contains("\n  touchpoints[0].stage: "), "{out}");
    assert!(
        out.contains(&format!("\n  touchpoints[{last}].target_score: ")),
        "{out}"
    );
}

#[test]
fn validate_names_the_line_and_column_of_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.corridor.json");
    // Line 3 is `  "map": }`: a value is expected at column 10.
    std::fs::write(&path, "{\n  \"format_version\": 1,\n  \"map\": }\n").unwrap();
    let (code, out, _) = run(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("line 3, column 10"), "{out}");
    assert!(out.starts_with(&format!("{}: ", path.display())), "{out}");
}

const SAAS_STAGES: [&str; 6] = [
    "Discovery",
    "Evaluation",
    "Negotiation",
    "Onboarding",
    "Adoption",
    "Renewal",
];

#[test]
fn new_writes_a_valid_map_from_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trial.corridor.json");
    let (code, out, err) = run([
        "new".as_ref(),
        "--template".as_ref(),
        "saas".as_ref(),
        "--title".as_ref(),
        "Trial to paid".as_ref(),
        "-o".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let text = std::fs::read_to_string(&path).unwrap();
    let map = file::from_str(&text).unwrap();
    assert_eq!(validate(&map), []);
    assert_eq!(map.title, "Trial to paid");
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, SAAS_STAGES);
    assert_eq!(file::to_string(&map), text, "written in canonical form");
    // Whole-second times, and no temporary file left beside it.
    assert_eq!(map.created.timestamp_subsec_nanos(), 0);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn new_without_output_prints_the_map() {
    let (code, out, err) = run(["new", "--template", "lifecycle"]);
    assert_eq!(code, 0, "{err}");
    let map = file::from_str(&out).unwrap();
    assert_eq!(map.stages.len(), 5);
    assert_eq!(map.stages[0].name, "Awareness");
    // Two runs make two maps, with their own ids.
    let (_, again, _) = run(["new"]);
    assert_ne!(file::from_str(&again).unwrap().id, map.id);
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken.corridor.json");
    std::fs::write(&path, "keep me").unwrap();
    let (code, _, err) = run(["new".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    let (code, _, err) = run([
        "new".as_ref(),
        "--force".as_ref(),
        "-o".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(read_map(&path).stages.len(), 5);
}

#[test]
fn show_prints_the_stages_and_touchpoints() {
    for path in example_paths() {
        let map = read_map(&path);
        let (code, out, err) = run(["show".as_ref(), path.as_os_str()]);
        assert_eq!(code, 0, "{err}");
        assert!(out.starts_with(&format!("{}\n", map.title)), "{out}");
        for (i, stage) in map.stages.iter().enumerate() {
            assert!(
                out.contains(&format!("\n{}. {}\n", i + 1, stage.name)),
                "{out}"
            );
        }
        for t in &map.touchpoints {
            assert!(
                out.contains(&format!("   - {} (", t.title)),
                "{}: {out}",
                t.title
            );
        }
        assert!(out.contains(&format!("Corridor ({} steps):", map.corridor.steps.len())));
    }
}

#[test]
fn fmt_check_reports_and_fmt_fixes_a_file_out_of_canonical_form() {
    let dir = tempfile::tempdir().unwrap();
    let example = &example_paths()[0];
    let canonical = std::fs::read_to_string(example).unwrap();
    let value: serde_json::Value = serde_json::from_str(&canonical).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert_ne!(compact, canonical);
    let path = dir.path().join("compact.corridor.json");
    std::fs::write(&path, &compact).unwrap();

    let (code, out, _) = run(["fmt".as_ref(), "--check".as_ref(), path.as_os_str()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not in canonical form"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        compact,
        "--check changes nothing"
    );

    let (code, out, _) = run(["fmt".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("rewritten"), "{out}");
    assert!(std::fs::read_to_string(&path).unwrap() == canonical);

    let (code, out, _) = run(["fmt".as_ref(), "--check".as_ref(), path.as_os_str()]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn fmt_refuses_a_file_that_is_not_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-map.json");
    std::fs::write(&path, "{\"format_version\": 1}").unwrap();
    let (code, _, err) = run(["fmt".as_ref(), path.as_os_str()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("missing field `map`"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"format_version\": 1}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["validate"][..],
        &["new", "--template", "telepathy"][..],
        &["export-file", "00000000-0000-0000-0000-000000000001"][..],
        &["fmt", "--chek", "x.corridor.json"][..],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        // clap explains on stderr; nothing is printed as a result.
        assert_eq!(out, "", "{args:?}");
        assert!(
            err.contains("Usage: corridor") || err.contains("try '--help'"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn validate_of_a_missing_file_is_a_file_system_failure_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.corridor.json");
    let good = &example_paths()[0];
    let (code, out, _) = run(["validate".as_ref(), good.as_os_str(), missing.as_os_str()]);
    assert_eq!(code, 3, "{out}");
    assert!(out.contains(&format!("{}: ok\n", good.display())), "{out}");
    assert!(
        out.contains(&format!("cannot read {}", missing.display())),
        "{out}"
    );
}

#[test]
fn show_prints_the_story_with_its_figures() {
    let path = example_paths()
        .into_iter()
        .find(|p| !read_map(p).story.assets.is_empty())
        .expect("an example with assets");
    let map = read_map(&path);
    let (code, out, err) = run(["show".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{err}");
    let totals = corridor_core::strategy::asset_totals(&map.story);
    assert!(
        out.contains(&format!("Total: cost {}", totals.cost)),
        "{out}"
    );
    for kpi in &map.story.kpis {
        assert!(
            out.contains(&format!("    - {}:", kpi.name)),
            "{}",
            kpi.name
        );
    }
    for initiative in &map.story.initiatives {
        assert!(out.contains(&initiative.title), "{}", initiative.title);
    }
    assert!(out.contains("  Disciplines:\n"), "{out}");
    let disciplines = out
        .lines()
        .filter(|l| l.starts_with("    yes ") || l.starts_with("    no  "))
        .count();
    assert_eq!(disciplines, 6, "{out}");
}

//! The map as SVG: snapshots of the examples and of a gap overlay, escaping, wrapping, lanes.
//! PNG and PDF are tested in `raster.rs`.
//!
//! The expected SVGs live in `crates/core/tests/snapshots/`; after a deliberate change to the
//! layout, look at the new renders, then run
//! `UPDATE_SNAPSHOTS=1 cargo test -p corridor-core --test it render` and commit them.

use std::path::PathBuf;

use corridor_core::file;
use corridor_core::render::{map_svg, GapOverlay, RenderOptions, TouchpointGap};

use crate::common::{example_files, id, sound_map};

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// Compare `actual` with the committed snapshot `name`, or rewrite it under UPDATE_SNAPSHOTS.
fn check_snapshot(name: &str, actual: &str) {
    let path = snapshot_dir().join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(snapshot_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its snapshot from line {}: look at the render, then run \
             `UPDATE_SNAPSHOTS=1 cargo test -p corridor-core --test it render` and commit it",
            first + 1
        );
    }
}

/// The sound map with observed scores on two of its three touchpoints.
pub fn overlay() -> GapOverlay {
    let mut o = GapOverlay::default();
    o.touchpoints.insert(
        id(40),
        TouchpointGap {
            observed: 3.9,
            gap: Some(0.4),
        },
    );
    o.touchpoints.insert(
        id(41),
        TouchpointGap {
            observed: 3.2,
            gap: Some(-1.3),
        },
    );
    o
}

#[test]
fn the_examples_render_as_their_snapshots() {
    for (name, text) in example_files() {
        let map = file::from_str(&text).unwrap();
        let svg = map_svg(&map, &RenderOptions::default());
        check_snapshot(&name.replace(".corridor.json", ".svg"), &svg);
    }
}

#[test]
fn the_gap_overlay_renders_as_its_snapshot() {
    let options = RenderOptions {
        overlay: Some(overlay()),
        ..RenderOptions::default()
    };
    let svg = map_svg(&sound_map(), &options);
    assert!(svg.contains("Observed 3.2 · gap -1.3"), "{svg}");
    assert!(svg.contains("Not observed"));
    assert!(svg.contains("below target by 10% of the scale or more"));
    check_snapshot("sound-map-with-gaps.svg", &svg);
}

#[test]
fn every_touchpoint_and_stage_is_drawn_and_the_corridor_numbered() {
    for (name, text) in example_files() {
        let map = file::from_str(&text).unwrap();
        let svg = map_svg(&map, &RenderOptions::default());
        for stage in &map.stages {
            assert!(svg.contains(&escape(&stage.name)), "{name}: {}", stage.name);
        }
        // Titles wrap over lines: every word of every title is there.
        for t in &map.touchpoints {
            for word in t.title.split_whitespace() {
                assert!(svg.contains(&escape(word)), "{name}: {word}");
            }
        }
        for n in 1..=map.corridor.steps.len() {
            assert!(svg.contains(&format!(">{n}</text>")), "{name}: step {n}");
        }
    }
}

fn escape(text: &str) -> String {
    corridor_core::render::text::escape(text)
}

#[test]
fn user_text_is_escaped_and_long_titles_are_clamped() {
    let mut map = sound_map();
    map.title = "<script>alert('title')</script> & co".into();
    map.touchpoints[0].title = "<img src=x onerror=alert(1)> ".repeat(12);
    map.lane_cards[0].text = "]]></text><script>alert(2)</script>".into();
    map.stages[0].name = "\"><svg onload=alert(3)>".into();
    let svg = map_svg(&map, &RenderOptions::default());
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("<img"), "{svg}");
    assert!(!svg.contains("<svg onload"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; co"));
    assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"));
    // The twelve-fold title is cut after three lines with an ellipsis.
    assert!(svg.matches("onerror=alert(1)").count() < 12);
    assert!(svg.contains('\u{2026}'));
}

#[test]
fn hidden_lanes_are_left_out() {
    let mut map = sound_map();
    let svg = map_svg(&map, &RenderOptions::default());
    assert!(svg.contains(">Pain points</text>"));
    map.lanes[2].hidden = true;
    let svg = map_svg(&map, &RenderOptions::default());
    assert!(!svg.contains(">Pain points</text>"));
    assert!(!svg.contains("Payment fails twice"));
}

#[test]
fn a_map_with_nothing_on_it_still_renders() {
    let mut map = sound_map();
    map.touchpoints.clear();
    map.lane_cards.clear();
    map.corridor.steps.clear();
    map.lanes.clear();
    let svg = map_svg(&map, &RenderOptions::default());
    assert!(
        svg.contains(">Touchpoints</text>"),
        "the touchpoint row is always drawn"
    );
}

//! The map as a picture: SVG snapshots of the examples, PNG size and content, PDF text and
//! pagination, escaping, wrapping.
//!
//! The expected SVGs live in `crates/core/tests/snapshots/`; after a deliberate change to the
//! layout, look at the new renders, then run
//! `UPDATE_SNAPSHOTS=1 cargo test -p corridor-core --test it render` and commit them.

use std::path::{Path, PathBuf};
use std::process::Command;

use corridor_core::file;
use corridor_core::render::{
    map_pdf, map_png, map_svg, map_svg_pages, GapOverlay, Paper, RenderError, RenderOptions,
    TouchpointGap,
};
use resvg::tiny_skia::Pixmap;

use crate::big::big_map;
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
    // And the result is still a picture.
    #[cfg(feature = "png-pdf")]
    map_png(&map, &RenderOptions::default(), 1.0).unwrap();
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
    #[cfg(feature = "png-pdf")]
    {
        map_png(&map, &RenderOptions::default(), 1.0).unwrap();
        map_pdf(&map, &RenderOptions::default(), Paper::A4).unwrap();
    }
}

fn svg_size(svg: &str) -> (f32, f32) {
    let attr = |name: &str| -> f32 {
        let key = format!(" {name}=\"");
        let at = svg.find(&key).unwrap() + key.len();
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[cfg(feature = "png-pdf")]
#[test]
fn png_has_the_size_of_the_scale_and_is_not_blank() {
    let map = sound_map();
    let (w, h) = svg_size(&map_svg(&map, &RenderOptions::default()));
    for scale in [1.0_f32, 2.0, 0.5] {
        let png = map_png(&map, &RenderOptions::default(), scale).unwrap();
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!(pixmap.width(), (w * scale).ceil() as u32, "scale {scale}");
        assert_eq!(pixmap.height(), (h * scale).ceil() as u32, "scale {scale}");
        let pixels = pixmap.pixels();
        let white = pixels
            .iter()
            .filter(|p| p.red() == 255 && p.green() == 255 && p.blue() == 255)
            .count();
        let mut colours: Vec<u32> = pixels
            .iter()
            .map(|p| u32::from_be_bytes([p.red(), p.green(), p.blue(), p.alpha()]))
            .collect();
        colours.sort_unstable();
        colours.dedup();
        assert!(colours.len() > 50, "only {} colours", colours.len());
        let inked = pixels.len() - white;
        assert!(
            inked * 5 > pixels.len(),
            "only {inked} of {} pixels inked",
            pixels.len()
        );
    }
    assert_eq!(
        map_png(&map, &RenderOptions::default(), 0.0),
        Err(RenderError::BadScale { scale: 0.0 })
    );
    assert!(matches!(
        map_png(&big_map(200), &RenderOptions::default(), 8.0),
        Err(RenderError::TooLarge { .. })
    ));
}

/// The text of a PDF (or of one of its pages) as `pdftotext -raw` reads it, whitespace
/// collapsed. Needs poppler-utils (scripts/lib.sh installs it).
pub fn pdf_text(pdf: &[u8], page: Option<usize>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-raw").arg("-enc").arg("UTF-8");
    if let Some(n) = page {
        cmd.args(["-f", &n.to_string(), "-l", &n.to_string()]);
    }
    let out = cmd
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    collapse(&String::from_utf8(out.stdout).unwrap())
}

pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn page_count(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path: &Path = &dir.path().join("p.pdf");
    std::fs::write(path, pdf).unwrap();
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8(out.stdout).unwrap();
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

#[cfg(feature = "png-pdf")]
#[test]
fn pdf_text_holds_every_touchpoint_title() {
    for (name, text) in example_files() {
        let map = file::from_str(&text).unwrap();
        for paper in [Paper::A4, Paper::Letter] {
            let pdf = map_pdf(&map, &RenderOptions::default(), paper).unwrap();
            assert!(pdf.starts_with(b"%PDF-"));
            let words = pdf_text(&pdf, None);
            for t in &map.touchpoints {
                assert!(words.contains(&collapse(&t.title)), "{name}: {}", t.title);
            }
            for stage in &map.stages {
                assert!(words.contains(&stage.name), "{name}: {}", stage.name);
            }
        }
    }
}

#[cfg(feature = "png-pdf")]
#[test]
fn a_large_map_runs_over_pages_that_each_repeat_the_stage_headers() {
    let map = big_map(200);
    let options = RenderOptions::default();
    let pages = map_svg_pages(&map, &options, Paper::A4);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    for page in &pages {
        let (w, h) = svg_size(page);
        assert_eq!((w, h), (841.9, 595.3));
    }
    let pdf = map_pdf(&map, &options, Paper::A4).unwrap();
    assert_eq!(page_count(&pdf), pages.len());
    for n in 1..=pages.len() {
        let words = pdf_text(&pdf, Some(n));
        for stage in &map.stages {
            assert!(
                words.contains(&stage.name),
                "page {n} lacks {}: {words}",
                stage.name
            );
        }
        assert!(
            words.contains(&format!("map page {n} of {}", pages.len())),
            "{words}"
        );
        assert!(
            map.lanes.iter().any(|l| words.contains(&l.title)),
            "page {n} has no lane label: {words}"
        );
    }
    // Every title is on some page.
    let all = pdf_text(&pdf, None);
    for t in &map.touchpoints {
        assert!(all.contains(&t.title), "{}", t.title);
    }
    // Letter pages are letter-sized.
    for page in map_svg_pages(&map, &options, Paper::Letter) {
        assert_eq!(svg_size(&page), (792.0, 612.0));
    }
}

#[cfg(feature = "png-pdf")]
#[test]
fn an_svg_carrying_its_fonts_still_rasterises_the_same() {
    let map = sound_map();
    let plain = map_png(&map, &RenderOptions::default(), 1.0).unwrap();
    let options = RenderOptions {
        embed_fonts: true,
        ..RenderOptions::default()
    };
    let svg = map_svg(&map, &options);
    assert!(svg.contains("@font-face{font-family:'Noto Sans';font-style:normal;font-weight:700"));
    assert_eq!(map_png(&map, &options, 1.0).unwrap(), plain);
}

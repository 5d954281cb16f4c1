//! What needs the `png-pdf` feature: PNG size and ink, PDF text (through `pdftotext`, from
//! poppler-utils) and pagination, the PDF report, and the HTML report in Chromium.

use std::path::Path;
use std::process::Command;

use corridor_core::file;
use corridor_core::render::{
    map_pdf, map_png, map_svg, map_svg_pages, Paper, RenderError, RenderOptions,
};
use corridor_core::report::{self, html, ReportInputs};
use corridor_core::*;
use resvg::tiny_skia::Pixmap;

use crate::big::big_map;
use crate::common::{example_files, sound_map};
use crate::report::{gaps, poisoned};

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

#[test]
fn pdf_report_is_text_with_the_map_on_landscape_pages() {
    let map = sound_map();
    let gaps = gaps();
    for paper in [render::Paper::A4, render::Paper::Letter] {
        let pdf = report::pdf(
            &ReportInputs {
                map: &map,
                gaps: Some(&gaps),
            },
            paper,
        )
        .unwrap();
        let words = pdf_text(&pdf, None);
        for text in [
            "Buying a bike",
            "Observed experience and gaps",
            "Half of the carts are abandoned.",
            "One-page checkout",
            "Checks out online",
            "Disciplines",
            "Gap per touchpoint",
        ] {
            assert!(words.contains(text), "{text}: {words}");
        }
        let pages = page_count(&pdf);
        assert!(pages >= 3, "{pages}");
    }
    let poisoned = poisoned();
    let pdf = report::pdf(
        &ReportInputs {
            map: &poisoned,
            gaps: None,
        },
        render::Paper::A4,
    )
    .unwrap();
    assert!(pdf_text(&pdf, None).contains("opening <script>alert(1)</script>"));
}

/// Chromium, from CHROMIUM_PATH or the PATH; `None` (the test is skipped) only outside CI.
fn chromium() -> Option<std::path::PathBuf> {
    let found = std::env::var_os("CHROMIUM_PATH")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            ["chromium", "chromium-browser"].iter().find_map(|name| {
                std::env::split_paths(&std::env::var_os("PATH")?)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is needed in CI (scripts/lib.sh installs it)"
        );
        eprintln!("skipped: no Chromium on this machine");
    }
    found
}

/// Pixels within 3 of `rgb` on every channel.
fn count_colour(pixmap: &resvg::tiny_skia::Pixmap, rgb: [u8; 3]) -> usize {
    pixmap
        .pixels()
        .iter()
        .filter(|p| {
            p.red().abs_diff(rgb[0]) <= 3
                && p.green().abs_diff(rgb[1]) <= 3
                && p.blue().abs_diff(rgb[2]) <= 3
        })
        .count()
}

#[test]
fn html_report_opens_in_chromium_showing_the_map_and_the_timeline() {
    let Some(chromium) = chromium() else {
        return;
    };
    let map = sound_map();
    let gaps = gaps();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let shot = dir.path().join("shot.png");
    std::fs::write(
        &page,
        html(&ReportInputs {
            map: &map,
            gaps: Some(&gaps),
        }),
    )
    .unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,4000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(shot.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let pixmap = resvg::tiny_skia::Pixmap::load_png(&shot).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (1280, 4000));
    // The map's stage header row (navy), and the timeline's high-priority bar.
    let navy = count_colour(&pixmap, [0x1f, 0x2a, 0x44]);
    let bar = count_colour(&pixmap, [0x1f, 0x4e, 0x8c]);
    assert!(navy > 5_000, "the map's headers: {navy} pixels");
    assert!(bar > 200, "the timeline's bar: {bar} pixels");
    // The gap chart's red bar for the touchpoint below its target.
    assert!(
        count_colour(&pixmap, [0xd7, 0x30, 0x27]) > 100,
        "the gap chart"
    );
}

fn svg_size(svg: &str) -> (f32, f32) {
    let attr = |name: &str| -> f32 {
        let key = format!(" {name}=\"");
        let at = svg.find(&key).unwrap() + key.len();
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

#[test]
fn a_map_with_nothing_on_it_still_makes_png_and_pdf() {
    let mut map = sound_map();
    map.touchpoints.clear();
    map.lane_cards.clear();
    map.corridor.steps.clear();
    map.lanes.clear();
    map_png(&map, &RenderOptions::default(), 1.0).unwrap();
    map_pdf(&map, &RenderOptions::default(), Paper::A4).unwrap();
}

#[test]
fn escaped_user_text_still_makes_a_picture() {
    let mut map = sound_map();
    map.title = "<script>alert('title')</script> & co".into();
    map.touchpoints[0].title = "<img src=x onerror=alert(1)> ".repeat(12);
    map.lane_cards[0].text = "]]></text><script>alert(2)</script>\u{0}\u{7}".into();
    map_png(&map, &RenderOptions::default(), 1.0).unwrap();
}

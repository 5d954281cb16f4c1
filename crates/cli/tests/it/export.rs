//! `corridor export`: every format, written whole to the given path and nowhere else.

use std::path::Path;

use crate::common::{example_paths, run};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_format_is_written_to_the_given_path_only() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    for (format, name, magic) in [
        ("svg", "map.svg", &b"<svg xmlns"[..]),
        ("png", "map.png", &b"\x89PNG\r\n"[..]),
        ("pdf", "map.pdf", &b"%PDF-"[..]),
        ("md", "report.md", &b"# "[..]),
        ("html", "report.html", &b"<!DOCTYPE html>"[..]),
        ("report-pdf", "report.pdf", &b"%PDF-"[..]),
    ] {
        let out = dir.path().join(name);
        let (code, stdout, stderr) = run([
            "export".as_ref(),
            map.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 0, "{format}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("wrote {}", out.display())),
            "{stderr}"
        );
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
    }
    assert_eq!(
        names_in(dir.path()),
        [
            "map.pdf",
            "map.png",
            "map.svg",
            "report.html",
            "report.md",
            "report.pdf"
        ],
        "no temporary file is left behind"
    );
}

#[test]
fn svg_carries_the_fonts_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let with = dir.path().join("with.svg");
    let without = dir.path().join("without.svg");
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "-o".as_ref(),
        with.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "--no-embed-fonts".as_ref(),
        "-o".as_ref(),
        without.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let with = std::fs::read_to_string(with).unwrap();
    let without = std::fs::read_to_string(without).unwrap();
    assert!(with.contains("@font-face{font-family:'Noto Sans'"));
    assert!(!without.contains("@font-face"));
    assert!(with.len() > without.len() + 1_000_000);
}

#[test]
fn png_scale_sets_the_pixel_size() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let size = |scale: &str| {
        let out = dir.path().join(format!("x{scale}.png"));
        let (code, _, err) = run([
            "export".as_ref(),
            map.as_os_str(),
            "-f".as_ref(),
            "png".as_ref(),
            "--scale".as_ref(),
            scale.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 0, "{err}");
        let bytes = std::fs::read(out).unwrap();
        // IHDR: width and height, big-endian, at bytes 16..24.
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        (w, h)
    };
    let (w1, h1) = size("1");
    let (w2, h2) = size("2");
    assert!(
        w2.abs_diff(2 * w1) <= 1 && h2.abs_diff(2 * h1) <= 1,
        "{w1}x{h1} {w2}x{h2}"
    );
}

#[test]
fn bad_arguments_and_bad_places_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let out = dir.path().join("map.png");
    // A scale out of range is a usage error.
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "png".as_ref(),
        "--scale".as_ref(),
        "0".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a scale from 0.1 to 8"), "{err}");
    // A folder that does not exist: nothing is created anywhere.
    let nowhere = dir.path().join("missing").join("map.png");
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "png".as_ref(),
        "-o".as_ref(),
        nowhere.as_os_str(),
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert!(names_in(dir.path()).is_empty());
    // A file that is not a map.
    let bad = dir.path().join("bad.corridor.json");
    std::fs::write(&bad, "{}").unwrap();
    let (code, _, err) = run([
        "export".as_ref(),
        bad.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists());
}

#[test]
fn an_export_replaces_the_previous_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let out = dir.path().join("map.svg");
    std::fs::write(&out, "old").unwrap();
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "--no-embed-fonts".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<svg") && text.ends_with("</svg>\n"));
    assert_eq!(names_in(dir.path()), ["map.svg"]);
}

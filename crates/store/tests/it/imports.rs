//! The import wizard's store API against the real store: preview, import with progress,
//! cancel and bad files leave nothing, the unmatched names and the aliases edit, uploads.

use std::path::{Path, PathBuf};

use corridor_core::data::*;
use corridor_core::gap::{ConfirmedAlias, Filter};
use corridor_store::{
    import_preview, ImportPhase, ImportProgress, ImportRequest, StoreError, Workspace,
};
use uuid::Uuid;

use crate::common::{at, workspace};

fn retail(ws: &Workspace) -> corridor_core::JourneyMap {
    let m = corridor_core::file::from_str(corridor_core::examples::EXAMPLES[0].1).unwrap();
    ws.create(&m, at(0)).unwrap();
    m
}

fn example_csv() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail-omnichannel.events.csv")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(
    ws: &Workspace,
    map: Uuid,
    path: &Path,
    settings: &ImportSettings,
    progress: &mut dyn FnMut(ImportProgress) -> Flow,
) -> Result<corridor_store::Imported, StoreError> {
    ws.dataset_import(
        &ImportRequest {
            map,
            path,
            source: "data.csv",
            name: "",
            settings,
            id: Uuid::from_u128(0xDA7A),
            now: at(5),
        },
        progress,
    )
}

#[test]
fn preview_detects_the_layout_and_suggests_the_columns() {
    let p = import_preview(&example_csv(), "retail.csv", None).unwrap();
    assert_eq!(p.settings.format, DataFormat::Csv);
    assert_eq!(p.settings.kind, DatasetKind::EventLog);
    assert_eq!(p.settings.delimiter, Some(','));
    assert_eq!(p.settings.has_header, Some(true));
    assert_eq!(
        p.headers,
        [
            "case",
            "activity",
            "timestamp",
            "channel",
            "score",
            "segment"
        ]
    );
    let m = p.settings.columns.clone().unwrap();
    assert_eq!(
        (
            m.case,
            m.activity,
            m.timestamp,
            m.channel,
            m.score,
            m.segment
        ),
        (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5))
    );
    assert_eq!(p.rows.len(), corridor_store::PREVIEW_ROWS);
    let first_line = std::fs::read_to_string(example_csv()).unwrap();
    let second: Vec<&str> = first_line.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(p.rows[0], second);
    assert!(p.bytes > 100_000);
}

#[test]
fn preview_tells_a_score_table_and_an_ambiguous_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "survey.csv",
        "touchpoint;rating;date\nCheckout;4;01/02/2026\nDelivery;2;03/04/2026\n",
    );
    let p = import_preview(&path, "survey.csv", None).unwrap();
    assert_eq!(p.settings.kind, DatasetKind::ScoreTable);
    assert_eq!(p.settings.delimiter, Some(';'));
    let m = p.settings.columns.unwrap();
    assert_eq!(
        (m.activity, m.score, m.timestamp),
        (Some(0), Some(1), Some(2))
    );
    assert!(p.ambiguous_date.is_some(), "{:?}", p.ambiguous_date);
}

#[test]
fn import_stores_the_dataset_with_progress_and_the_report_sees_it() {
    let (_dir, ws) = workspace();
    let m = retail(&ws);
    let p = import_preview(&example_csv(), "retail.csv", None).unwrap();
    let mut seen: Vec<ImportProgress> = Vec::new();
    let imported = import(&ws, m.id, &example_csv(), &p.settings, &mut |pr| {
        seen.push(pr);
        Flow::Continue
    })
    .unwrap();
    let len = std::fs::metadata(example_csv()).unwrap().len();
    let lines = std::fs::read_to_string(example_csv())
        .unwrap()
        .lines()
        .count() as u64;
    assert_eq!(imported.dataset.bytes, len);
    assert_eq!(imported.dataset.rows, lines - 1);
    assert_eq!(imported.kept, lines - 1);
    assert_eq!(imported.dataset.name, "data.csv");
    assert_eq!(ws.datasets(m.id).unwrap(), vec![imported.dataset.clone()]);
    // Both phases were told, ending at the whole file.
    let last_read = seen
        .iter()
        .rfind(|s| s.phase == ImportPhase::Reading)
        .unwrap();
    assert_eq!((last_read.bytes, last_read.total), (len, len));
    assert_eq!(last_read.rows, lines - 1);
    let last = seen.last().unwrap();
    assert_eq!((last.phase, last.bytes), (ImportPhase::Storing, len));

    let report = ws.gap_report_filtered(m.id, &Filter::all(), false).unwrap();
    assert_eq!(report.unwrap().0.totals.events, (lines - 1) as u32);
    let blind = ws.unmatched_names(m.id).unwrap().unwrap();
    assert!(!blind.unmatched_activities.is_empty());
}

#[test]
fn a_cancelled_import_stores_nothing() {
    let (_dir, ws) = workspace();
    let m = retail(&ws);
    // Big enough for several progress reports (one per MiB or 64Ki rows).
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("case,activity,timestamp\n");
    for i in 0..150_000 {
        text.push_str(&format!(
            "C{},Product page viewed,2026-03-01T10:00:{:02}Z\n",
            i / 5,
            i % 60
        ));
    }
    let path = write(dir.path(), "big.csv", &text);
    let p = import_preview(&path, "big.csv", None).unwrap();
    for phase in [ImportPhase::Reading, ImportPhase::Storing] {
        let mut calls = 0;
        let err = import(&ws, m.id, &path, &p.settings, &mut |pr| {
            calls += 1;
            if pr.phase == phase {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        })
        .unwrap_err();
        assert!(matches!(err, StoreError::Cancelled), "{err}");
        assert!(calls >= 1);
        assert!(ws.datasets(m.id).unwrap().is_empty());
        assert!(matches!(
            ws.dataset(Uuid::from_u128(0xDA7A)),
            Err(StoreError::DatasetNotFound { .. })
        ));
    }
    assert!(ws
        .gap_report_filtered(m.id, &Filter::all(), false)
        .unwrap()
        .is_none());
}

#[test]
fn a_malformed_file_names_its_line_and_stores_nothing() {
    let (_dir, ws) = workspace();
    let m = retail(&ws);
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.csv",
        "case,activity,timestamp\nC1,Product page viewed,2026-03-01\nC1,add_to_cart,31/02/2026\n",
    );
    let mut settings = import_preview(&path, "bad.csv", None).unwrap().settings;
    settings.strict = true;
    let err = import(&ws, m.id, &path, &settings, &mut |_| Flow::Continue).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("line 3") && text.contains("timestamp"),
        "{text}"
    );
    assert!(text.contains("nothing was stored"), "{text}");
    assert!(ws.datasets(m.id).unwrap().is_empty());

    // Without strict, the bad row is skipped and reported with its line and column.
    settings.strict = false;
    let imported = import(&ws, m.id, &path, &settings, &mut |_| Flow::Continue).unwrap();
    assert_eq!((imported.dataset.rows, imported.dataset.bad_rows), (2, 1));
    let bad = &imported.first_bad[0];
    assert_eq!((bad.line, bad.column.as_deref()), (3, Some("timestamp")));

    // A file no row of which reads: refused, nothing stored.
    let (_dir2, ws2) = workspace();
    let m2 = retail(&ws2);
    let none = write(
        dir.path(),
        "none.csv",
        "case,activity,timestamp\nC1,A,yesterday\n",
    );
    let err = import(&ws2, m2.id, &none, &settings, &mut |_| Flow::Continue).unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
    assert!(ws2.datasets(m2.id).unwrap().is_empty());
}

#[test]
fn confirmed_aliases_become_one_undoable_edit() {
    let (_dir, ws) = workspace();
    let m = retail(&ws);
    let p = import_preview(&example_csv(), "retail.csv", None).unwrap();
    import(&ws, m.id, &example_csv(), &p.settings, &mut |_| {
        Flow::Continue
    })
    .unwrap();
    let blind = ws.unmatched_names(m.id).unwrap().unwrap();
    let with: Vec<ConfirmedAlias> = blind
        .unmatched_activities
        .iter()
        .filter_map(|n| {
            n.suggestion.as_ref().map(|s| ConfirmedAlias {
                activity: n.name.clone(),
                touchpoint: s.touchpoint,
            })
        })
        .collect();
    assert!(!with.is_empty());
    let edit = ws.aliases_edit(m.id, &with).unwrap().unwrap();
    let state = ws.state(m.id).unwrap();
    ws.apply(m.id, state.revision, &edit, at(6)).unwrap();
    let after = ws.unmatched_names(m.id).unwrap().unwrap();
    assert_eq!(
        after.unmatched_activities.len(),
        blind.unmatched_activities.len() - with.len()
    );
    let undone = ws
        .undo(m.id, Some(ws.state(m.id).unwrap().revision), at(7))
        .unwrap();
    assert!(undone.revision > state.revision);
    assert_eq!(ws.unmatched_names(m.id).unwrap().unwrap(), blind);
    // A touchpoint not on the map: refused, nothing changes.
    let err = ws
        .aliases_edit(
            m.id,
            &[ConfirmedAlias {
                activity: "x".into(),
                touchpoint: Uuid::from_u128(99),
            }],
        )
        .unwrap_err();
    assert!(err.to_string().contains("no touchpoint"), "{err}");
}

#[test]
fn uploads_arrive_in_order_within_their_size() {
    let (_dir, ws) = workspace();
    let id = Uuid::from_u128(0x0F11E);
    let path = ws.upload_begin(id, "drop.csv", 10).unwrap();
    assert_eq!(ws.upload_append(id, 0, 10, b"case,").unwrap(), 5);
    let err = ws.upload_append(id, 0, 10, b"again").unwrap_err();
    assert!(err.to_string().contains("5 bytes were received"), "{err}");
    let err = ws.upload_append(id, 5, 10, b"too long!").unwrap_err();
    assert!(err.to_string().contains("size"), "{err}");
    assert_eq!(ws.upload_append(id, 5, 10, b"x,y\n\n").unwrap(), 10);
    assert_eq!(std::fs::read(&path).unwrap(), b"case,x,y\n\n");
    let err = ws
        .upload_begin(Uuid::from_u128(2), "huge.csv", 3 << 30)
        .unwrap_err();
    assert!(err.to_string().contains("at most"), "{err}");
    ws.upload_remove(id);
    assert!(!path.exists());
}

#[test]
fn preview_of_an_xes_log_shows_its_first_events() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/data/running-example.xes");
    let p = import_preview(&path, "running-example.xes", None).unwrap();
    assert_eq!(p.settings.format, DataFormat::Xes);
    assert_eq!(p.settings.kind, DatasetKind::EventLog);
    assert_eq!(p.headers[..3], ["case", "activity", "timestamp"]);
    assert!(!p.rows.is_empty() && p.rows.len() <= corridor_store::PREVIEW_ROWS);
    let text = std::fs::read_to_string(&path).unwrap();
    // The first event's activity is the first event's concept:name in the file.
    let first_event = &text[text.find("<event").unwrap()..];
    let key = "key=\"concept:name\" value=\"";
    let at = first_event.find(key).unwrap() + key.len();
    let name = &first_event[at..at + first_event[at..].find('"').unwrap()];
    assert_eq!(p.rows[0][1], name);
    assert!(p.rows[0][2].ends_with('Z'), "{:?}", p.rows[0]);
    // A file that is not XES at all says so, and names the file.
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "broken.xes", "<log><trace><event>");
    let err = import_preview(&bad, "broken.xes", None).unwrap_err();
    assert!(err.to_string().contains("broken.xes"), "{err}");
}

#[test]
fn a_chosen_kind_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "survey.csv", "touchpoint,rating\nCheckout,4\n");
    let guessed = import_preview(&path, "survey.csv", None).unwrap();
    assert_eq!(guessed.settings.kind, DatasetKind::ScoreTable);
    let mut chosen = guessed.settings.clone();
    chosen.kind = DatasetKind::EventLog;
    chosen.columns = None;
    let p = import_preview(&path, "survey.csv", Some(&chosen)).unwrap();
    assert_eq!(p.settings.kind, DatasetKind::EventLog);
}

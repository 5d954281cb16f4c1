//! Datasets beside a map: stored in chunks, all or nothing, read back, deleted with their map.

use std::io::Read;

use corridor_core::data::*;
use corridor_store::{StoreError, Workspace, DATASET_CHUNK};
use uuid::Uuid;

use crate::common::{at, dump, map, poke, workspace_with_map};

fn info(n: u128, map: Uuid, name: &str) -> DatasetInfo {
    DatasetInfo {
        id: Uuid::from_u128(0xD000 + n),
        map,
        name: name.into(),
        source: format!("{name}.csv"),
        settings: ImportSettings {
            delimiter: Some(','),
            has_header: Some(true),
            ..ImportSettings::detect(DatasetKind::EventLog, DataFormat::Csv)
        },
        imported: at(n as i64),
        bytes: 0,
        rows: 10,
        bad_rows: 1,
    }
}

/// Bytes that differ from chunk to chunk, so a mix-up would show.
fn source_bytes(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 4093) as u8).collect()
}

fn read_all(ws: &Workspace, id: Uuid) -> Vec<u8> {
    let mut out = Vec::new();
    let mut reader = ws.dataset_reader(id).unwrap();
    reader.read_to_end(&mut out).unwrap();
    out
}

/// Counts chunk reports, and cancels after `cancel_after` of them.
struct Counter {
    reports: Vec<u64>,
    cancel_after: Option<usize>,
}

impl Progress for Counter {
    fn advance(&mut self, done: u64, _: Option<u64>, _: u64) -> Flow {
        self.reports.push(done);
        match self.cancel_after {
            Some(n) if self.reports.len() >= n => Flow::Cancel,
            _ => Flow::Continue,
        }
    }
}

#[test]
fn a_dataset_is_stored_in_chunks_and_read_back_whole() {
    let (dir, ws, m) = workspace_with_map();
    let bytes = source_bytes(2 * DATASET_CHUNK + 12_345);
    let mut progress = Counter {
        reports: Vec::new(),
        cancel_after: None,
    };
    let stored = ws
        .dataset_put(
            &info(1, m.id, "web analytics"),
            &mut bytes.as_slice(),
            &mut progress,
        )
        .unwrap();
    assert_eq!(stored.bytes, bytes.len() as u64);
    assert_eq!(
        progress.reports,
        [
            DATASET_CHUNK as u64,
            2 * DATASET_CHUNK as u64,
            bytes.len() as u64
        ]
    );
    let small = ws
        .dataset_put(
            &info(2, m.id, "survey"),
            &mut &b"a,b\n1,2\n"[..],
            &mut Quiet,
        )
        .unwrap();
    let empty = ws
        .dataset_put(&info(3, m.id, "empty"), &mut &b""[..], &mut Quiet)
        .unwrap();
    assert_eq!((small.bytes, empty.bytes), (8, 0));

    let listed: Vec<String> = ws
        .datasets(m.id)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(listed, ["web analytics", "survey", "empty"]);
    assert_eq!(ws.dataset(stored.id).unwrap(), stored);
    assert!(read_all(&ws, stored.id) == bytes);
    assert_eq!(read_all(&ws, small.id), b"a,b\n1,2\n");
    assert!(read_all(&ws, empty.id).is_empty());
    assert_eq!(
        ws.dataset_reader(stored.id).unwrap().len(),
        bytes.len() as u64
    );
    drop(ws);

    // Keys: (dataset id, chunk number), 20 bytes, three chunks.
    let chunks = &dump(dir.path())[b"chunks".as_slice()];
    let mine: Vec<&Vec<u8>> = chunks
        .keys()
        .filter(|k| k[..16] == *stored.id.as_bytes())
        .collect();
    assert_eq!(mine.len(), 3);
    assert_eq!(mine[2][16..], 2u32.to_be_bytes());

    let ws = Workspace::open(dir.path()).unwrap();
    assert!(read_all(&ws, stored.id) == bytes);
    assert_eq!(ws.datasets(m.id).unwrap().len(), 3);
}

#[test]
fn a_failed_or_cancelled_put_leaves_nothing() {
    let (dir, ws, m) = workspace_with_map();
    struct Failing(usize);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("the USB stick was pulled out"));
            }
            let n = buf.len().min(self.0);
            self.0 -= n;
            Ok(n)
        }
    }
    match ws.dataset_put(
        &info(1, m.id, "crm"),
        &mut Failing(DATASET_CHUNK + 10),
        &mut Quiet,
    ) {
        Err(err @ StoreError::DatasetSource { .. }) => {
            let text = err.to_string();
            assert!(
                text.contains("crm.csv") && text.contains("pulled out"),
                "{text}"
            );
            assert!(text.contains("nothing was stored"), "{text}");
        }
        other => panic!("expected DatasetSource, got {other:?}"),
    }
    let mut cancel = Counter {
        reports: Vec::new(),
        cancel_after: Some(2),
    };
    let bytes = source_bytes(3 * DATASET_CHUNK);
    assert!(matches!(
        ws.dataset_put(&info(2, m.id, "big"), &mut bytes.as_slice(), &mut cancel),
        Err(StoreError::Cancelled)
    ));
    assert!(ws.datasets(m.id).unwrap().is_empty());
    assert!(matches!(
        ws.dataset(info(1, m.id, "crm").id),
        Err(StoreError::DatasetNotFound { .. })
    ));
    drop(ws);
    let after = dump(dir.path());
    for tree in ["chunks", "datasets", "map_datasets"] {
        assert!(after[tree.as_bytes()].is_empty(), "{tree} holds leftovers");
    }
    assert!(!after[b"meta".as_slice()]
        .keys()
        .any(|k| k.starts_with(b"pending_dataset/")));
}

#[test]
fn a_put_is_refused_for_an_unknown_map_or_a_taken_id() {
    let (_dir, ws, m) = workspace_with_map();
    let nowhere = Uuid::from_u128(99);
    assert!(matches!(
        ws.dataset_put(&info(1, nowhere, "x"), &mut &b"x"[..], &mut Quiet),
        Err(StoreError::NotFound { id }) if id == nowhere
    ));
    ws.dataset_put(&info(1, m.id, "first"), &mut &b"1"[..], &mut Quiet)
        .unwrap();
    match ws.dataset_put(&info(1, m.id, "second"), &mut &b"2"[..], &mut Quiet) {
        Err(StoreError::DatasetExists { name, .. }) => assert_eq!(name, "first"),
        other => panic!("expected DatasetExists, got {other:?}"),
    }
    assert_eq!(read_all(&ws, info(1, m.id, "").id), b"1");
}

#[test]
fn deleting_a_dataset_or_its_map_removes_its_bytes() {
    let (dir, ws, m) = workspace_with_map();
    let other = map(2, "Other map");
    ws.create(&other, at(0)).unwrap();
    let a = ws
        .dataset_put(
            &info(1, m.id, "a"),
            &mut source_bytes(DATASET_CHUNK + 1).as_slice(),
            &mut Quiet,
        )
        .unwrap();
    let b = ws
        .dataset_put(&info(2, m.id, "b"), &mut &b"bb"[..], &mut Quiet)
        .unwrap();
    let c = ws
        .dataset_put(&info(3, other.id, "c"), &mut &b"cc"[..], &mut Quiet)
        .unwrap();
    ws.dataset_delete(a.id).unwrap();
    assert_eq!(ws.datasets(m.id).unwrap(), std::slice::from_ref(&b));
    assert!(matches!(
        ws.dataset_reader(a.id),
        Err(StoreError::DatasetNotFound { .. })
    ));
    assert!(matches!(
        ws.dataset_delete(a.id),
        Err(StoreError::DatasetNotFound { .. })
    ));

    ws.delete(m.id).unwrap();
    assert!(matches!(
        ws.dataset(b.id),
        Err(StoreError::DatasetNotFound { .. })
    ));
    assert!(matches!(
        ws.datasets(m.id),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(read_all(&ws, c.id), b"cc");
    drop(ws);
    let chunks = &dump(dir.path())[b"chunks".as_slice()];
    let owners: Vec<&[u8]> = chunks.keys().map(|k| &k[..16]).collect();
    assert_eq!(owners, [c.id.as_bytes().as_slice()]);
}

#[test]
fn chunks_left_by_a_crash_during_a_put_are_removed_at_the_next_open() {
    let (dir, ws, m) = workspace_with_map();
    let kept = ws
        .dataset_put(&info(1, m.id, "kept"), &mut &b"kept"[..], &mut Quiet)
        .unwrap();
    drop(ws);
    // What a put killed half-way leaves: its marker and some chunks, no record.
    let lost = Uuid::from_u128(0xDEAD);
    let mut marker = b"pending_dataset/".to_vec();
    marker.extend_from_slice(lost.as_bytes());
    poke(dir.path(), "meta", &marker, b"");
    let mut key = lost.as_bytes().to_vec();
    key.extend_from_slice(&0u32.to_be_bytes());
    poke(dir.path(), "chunks", &key, b"half a file");

    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.datasets(m.id).unwrap(), std::slice::from_ref(&kept));
    drop(ws);
    let after = dump(dir.path());
    let owners: Vec<&[u8]> = after[b"chunks".as_slice()]
        .keys()
        .map(|k| &k[..16])
        .collect();
    assert_eq!(owners, [kept.id.as_bytes().as_slice()]);
    assert!(!after[b"meta".as_slice()].contains_key(&marker));
}

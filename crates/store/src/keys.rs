//! Keys: fixed width and big-endian, so a range scan of one map's revisions (or one dataset's
//! chunks) comes back in order.

use corridor_core::Id;

/// A map id: its 16 UUID bytes.
pub fn map(id: Id) -> [u8; 16] {
    *id.as_bytes()
}

/// (map id, revision): 16 + 8 bytes. Keys of `journal` and `snapshots`.
pub fn revision(id: Id, revision: u64) -> [u8; 24] {
    let mut key = [0; 24];
    key[..16].copy_from_slice(id.as_bytes());
    key[16..].copy_from_slice(&revision.to_be_bytes());
    key
}

/// The revision in a (map id, revision) key.
pub fn revision_of(key: &[u8]) -> Option<u64> {
    let bytes: [u8; 8] = key.get(16..24)?.try_into().ok()?;
    Some(u64::from_be_bytes(bytes))
}

/// (map id, dataset id): 32 bytes. Keys of `map_datasets`, the index of a map's datasets.
pub fn map_dataset(map: Id, dataset: Id) -> [u8; 32] {
    let mut key = [0; 32];
    key[..16].copy_from_slice(map.as_bytes());
    key[16..].copy_from_slice(dataset.as_bytes());
    key
}

/// The dataset id in a (map id, dataset id) key.
pub fn dataset_of(key: &[u8]) -> Option<Id> {
    Id::from_slice(key.get(16..32)?).ok()
}

/// (dataset id, chunk number): 16 + 4 bytes. Keys of `chunks`.
pub fn chunk(dataset: Id, n: u32) -> [u8; 20] {
    let mut key = [0; 20];
    key[..16].copy_from_slice(dataset.as_bytes());
    key[16..].copy_from_slice(&n.to_be_bytes());
    key
}

/// `meta` keys that mark unfinished work, finished at the next open: a map whose history and
/// datasets are still to be removed, a dataset whose chunks are still being written.
pub const PURGE_PREFIX: &[u8] = b"purge/";
pub const PENDING_DATASET_PREFIX: &[u8] = b"pending_dataset/";

pub fn marker(prefix: &[u8], id: Id) -> Vec<u8> {
    let mut key = prefix.to_vec();
    key.extend_from_slice(id.as_bytes());
    key
}

/// A key as people read it in an error: a map id, (map id, revision), or hex.
pub fn describe(key: &[u8]) -> String {
    match key.len() {
        16 => Id::from_slice(key).map_or_else(|_| hex(key), |id| id.to_string()),
        24 => match (Id::from_slice(&key[..16]), revision_of(key)) {
            (Ok(id), Some(rev)) => format!("{id} revision {rev}"),
            _ => hex(key),
        },
        _ => hex(key),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revision_keys_sort_by_map_then_revision() {
        let (a, b) = (Id::from_u128(1), Id::from_u128(2));
        let mut keys = [
            revision(b, 0),
            revision(a, 256),
            revision(a, 1),
            revision(a, u64::MAX),
            revision(a, 255),
        ];
        keys.sort();
        let read: Vec<(String, u64)> = keys
            .iter()
            .map(|k| (describe(&k[..16]), revision_of(k).unwrap()))
            .collect();
        let (a, b) = (a.to_string(), b.to_string());
        assert_eq!(
            read,
            [
                (a.clone(), 1),
                (a.clone(), 255),
                (a.clone(), 256),
                (a, u64::MAX),
                (b, 0)
            ]
        );
    }

    #[test]
    fn chunk_keys_sort_by_number() {
        let d = Id::from_u128(9);
        assert!(chunk(d, 255) < chunk(d, 256));
        assert!(chunk(d, u32::MAX) < chunk(Id::from_u128(10), 0));
        assert_eq!(dataset_of(&map_dataset(Id::from_u128(1), d)), Some(d));
    }

    #[test]
    fn keys_are_described_for_people() {
        let id = Id::from_u128(0xabc);
        assert_eq!(describe(&map(id)), id.to_string());
        assert_eq!(describe(&revision(id, 7)), format!("{id} revision 7"));
        assert_eq!(describe(b"\x01\xff"), "01ff");
    }
}

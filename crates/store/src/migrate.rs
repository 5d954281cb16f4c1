//! The store's layout version, checked at open, and the forward-only migrations that bring an
//! older layout up to date. A layout newer than this build knows is refused, untouched.
//!
//! Each migration rewrites version N into N + 1 in one sled transaction (including the new
//! `schema_version`), so a crash during one leaves the store at N, to be migrated again.

use std::path::Path;

use sled::transaction::TransactionError;
use sled::Transactional;

use crate::records::{MapRecord, SummaryRecord, SCHEMA_VERSION};
use crate::StoreError;

pub const KEY_SCHEMA_VERSION: &str = "schema_version";

type Migration = fn(&Path, &sled::Db, &sled::Tree) -> Result<(), StoreError>;

/// The migrations, by the version they start from.
const MIGRATIONS: &[(u32, Migration)] = &[(1, v1_to_v2)];

/// Check the layout version and migrate an older store. Only `meta` may be opened before this:
/// opening a tree creates it, and a newer layout must be left as it is.
pub fn check_and_migrate(path: &Path, db: &sled::Db, meta: &sled::Tree) -> Result<(), StoreError> {
    let db_err = |e| StoreError::db(path, e);
    let found = match meta.get(KEY_SCHEMA_VERSION).map_err(db_err)? {
        None => {
            meta.insert(KEY_SCHEMA_VERSION, &SCHEMA_VERSION.to_be_bytes())
                .map_err(db_err)?;
            return db.flush().map(drop).map_err(db_err);
        }
        Some(bytes) => <[u8; 4]>::try_from(bytes.as_ref())
            .map(u32::from_be_bytes)
            .map_err(|_| StoreError::CorruptMeta {
                path: path.to_path_buf(),
            })?,
    };
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == 0 {
        return Err(StoreError::CorruptMeta {
            path: path.to_path_buf(),
        });
    }
    for (from, step) in MIGRATIONS {
        if *from >= found {
            step(path, db, meta)?;
            db.flush().map_err(db_err)?;
        }
    }
    Ok(())
}

fn transaction_err(path: &Path, e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(e) => e,
        TransactionError::Storage(e) => StoreError::db(path, e),
    }
}

/// Layout 1 → 2: map records gain their revision (0) and undo state (none), and every map gets
/// the summary record the library lists. The journal, snapshot and dataset trees start empty.
fn v1_to_v2(path: &Path, db: &sled::Db, meta: &sled::Tree) -> Result<(), StoreError> {
    let db_err = |e| StoreError::db(path, e);
    let maps = db.open_tree("maps").map_err(db_err)?;
    let summaries = db.open_tree("summaries").map_err(db_err)?;
    let mut rewritten = Vec::new();
    for item in maps.iter() {
        let (key, value) = item.map_err(db_err)?;
        let record = MapRecord::decode(&key, &value)?;
        let summary = SummaryRecord::of(&record.map, record.revision, record.saved_at);
        rewritten.push((key, record.encode(), summary.encode()));
    }
    (&maps, &summaries, meta)
        .transaction(|(maps, summaries, meta)| {
            for (key, record, summary) in &rewritten {
                maps.insert(key, record.as_slice())?;
                summaries.insert(key, summary.as_slice())?;
            }
            meta.insert(KEY_SCHEMA_VERSION, &2u32.to_be_bytes())?;
            Ok(())
        })
        .map_err(|e| transaction_err(path, e))?;
    Ok(())
}

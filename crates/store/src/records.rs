//! What the store keeps, as versioned records.
//!
//! Keys of the `maps` tree are the 16 bytes of the map's UUID (fixed width, big-endian, so
//! range scans are ordered). Values are a one-byte record version followed by JSON.

use chrono::{DateTime, Utc};
use corridor_core::JourneyMap;
use serde::{Deserialize, Serialize};

use crate::StoreError;

/// The layout of the whole store. Bumped by a migration; checked at open.
pub const SCHEMA_VERSION: u32 = 1;

/// The version byte of a map record.
const MAP_RECORD_V1: u8 = 1;

/// A stored map and when it was saved.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MapRecord {
    pub saved_at: DateTime<Utc>,
    pub map: JourneyMap,
}

impl MapRecord {
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = vec![MAP_RECORD_V1];
        serde_json::to_writer(&mut bytes, self).expect("a map record serialises");
        bytes
    }

    pub fn decode(key: &[u8], bytes: &[u8]) -> Result<MapRecord, StoreError> {
        let corrupt = |message: String| StoreError::CorruptRecord {
            key: hex(key),
            message,
        };
        match bytes.split_first() {
            Some((&MAP_RECORD_V1, json)) => {
                serde_json::from_slice(json).map_err(|e| corrupt(e.to_string()))
            }
            Some((version, _)) => Err(corrupt(format!("unknown record version {version}"))),
            None => Err(corrupt("empty record".into())),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    match uuid::Uuid::from_slice(bytes) {
        Ok(id) => id.to_string(),
        Err(_) => bytes.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

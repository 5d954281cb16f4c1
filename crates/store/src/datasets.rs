//! Datasets beside a map: a [`DatasetInfo`] and the source bytes it was read from, kept in
//! chunks of [`DATASET_CHUNK`] bytes under (dataset id, chunk number) keys, so a report can
//! always be computed again from the original.
//!
//! Storing is all or nothing: the chunks are written first, under a `pending_dataset/` marker,
//! and the dataset's record (which makes it visible) lands with the marker's removal in one
//! transaction. A failed or cancelled put removes its chunks; a crash leaves the marker, and
//! the next open removes them.

use std::io::{ErrorKind, Read};

use corridor_core::data::{DatasetInfo, Flow, Progress};
use corridor_core::Id;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use sled::Transactional;

use crate::keys;
use crate::records::DatasetRecord;
use crate::{StoreError, Workspace};

/// The size of one stored chunk of a dataset's source: 1 MiB.
pub const DATASET_CHUNK: usize = 1 << 20;

impl Workspace {
    /// Store `info` and the bytes of `source` beside the map `info.map`. Returns the info as
    /// stored (`bytes` counts what was read). `progress` hears the bytes stored so far and may
    /// cancel; a cancelled or failed put leaves nothing behind.
    pub fn dataset_put(
        &self,
        info: &DatasetInfo,
        source: &mut dyn Read,
        progress: &mut dyn Progress,
    ) -> Result<DatasetInfo, StoreError> {
        let t = self.trees();
        if !t
            .maps
            .contains_key(keys::map(info.map))
            .map_err(|e| self.db_err(e))?
        {
            return Err(StoreError::NotFound { id: info.map });
        }
        self.refuse_existing(info)?;
        let marker = keys::marker(keys::PENDING_DATASET_PREFIX, info.id);
        t.meta
            .insert(marker.as_slice(), &[])
            .map_err(|e| self.db_err(e))?;
        self.flush()?;
        match self.write_chunks(info, source, progress) {
            Ok((bytes, chunks)) => {
                let mut stored = info.clone();
                stored.bytes = bytes;
                match self.commit_dataset(&stored, chunks, &marker) {
                    Ok(()) => Ok(stored),
                    Err(err) => {
                        let _ = self.abandon_dataset(info.id);
                        Err(err)
                    }
                }
            }
            Err(err) => {
                let _ = self.abandon_dataset(info.id);
                Err(err)
            }
        }
    }

    fn refuse_existing(&self, info: &DatasetInfo) -> Result<(), StoreError> {
        let existing = self
            .trees()
            .datasets
            .get(keys::map(info.id))
            .map_err(|e| self.db_err(e))?;
        match existing {
            Some(v) => Err(StoreError::DatasetExists {
                id: info.id,
                name: DatasetRecord::decode(&keys::map(info.id), &v)?.info.name,
            }),
            None => Ok(()),
        }
    }

    /// Write the source in chunks; returns (bytes, chunks).
    fn write_chunks(
        &self,
        info: &DatasetInfo,
        source: &mut dyn Read,
        progress: &mut dyn Progress,
    ) -> Result<(u64, u32), StoreError> {
        let mut buf = vec![0u8; DATASET_CHUNK];
        let mut total = 0u64;
        let mut chunks = 0u32;
        loop {
            let n = fill(source, &mut buf).map_err(|e| StoreError::DatasetSource {
                name: info.source.clone(),
                message: e.to_string(),
            })?;
            if n == 0 {
                break;
            }
            self.trees()
                .chunks
                .insert(keys::chunk(info.id, chunks), &buf[..n])
                .map_err(|e| self.db_err(e))?;
            chunks += 1;
            total += n as u64;
            if progress.advance(total, None, 0) == Flow::Cancel {
                return Err(StoreError::Cancelled);
            }
            if n < buf.len() {
                break;
            }
        }
        Ok((total, chunks))
    }

    /// Make a fully written dataset visible, if its map is still there.
    fn commit_dataset(
        &self,
        info: &DatasetInfo,
        chunks: u32,
        marker: &[u8],
    ) -> Result<(), StoreError> {
        let record = DatasetRecord {
            info: info.clone(),
            chunks,
        }
        .encode();
        let t = self.trees();
        (&t.maps, &t.datasets, &t.map_datasets, &t.meta)
            .transaction(|(maps, datasets, index, meta)| {
                if maps.get(keys::map(info.map))?.is_none() {
                    return Err(ConflictableTransactionError::Abort(StoreError::NotFound {
                        id: info.map,
                    }));
                }
                datasets.insert(&keys::map(info.id), record.as_slice())?;
                index.insert(&keys::map_dataset(info.map, info.id), &[])?;
                meta.remove(marker)?;
                Ok(())
            })
            .map_err(|e| match e {
                TransactionError::Abort(e) => e,
                TransactionError::Storage(e) => self.db_err(e),
            })?;
        self.flush()
    }

    /// Remove the chunks of a dataset that never became visible, and its marker.
    pub(crate) fn abandon_dataset(&self, id: Id) -> Result<(), StoreError> {
        let t = self.trees();
        if t.datasets
            .contains_key(keys::map(id))
            .map_err(|e| self.db_err(e))?
        {
            // It made it: only the marker is left over.
        } else {
            self.remove_chunks(id)?;
        }
        t.meta
            .remove(keys::marker(keys::PENDING_DATASET_PREFIX, id))
            .map_err(|e| self.db_err(e))?;
        self.flush()
    }

    fn remove_chunks(&self, id: Id) -> Result<(), StoreError> {
        let chunks = &self.trees().chunks;
        let mut batch = sled::Batch::default();
        for key in chunks.scan_prefix(keys::map(id)).keys() {
            batch.remove(key.map_err(|e| self.db_err(e))?);
        }
        chunks.apply_batch(batch).map_err(|e| self.db_err(e))
    }

    /// The datasets of one map, oldest import first.
    pub fn datasets(&self, map: Id) -> Result<Vec<DatasetInfo>, StoreError> {
        let t = self.trees();
        if !t
            .maps
            .contains_key(keys::map(map))
            .map_err(|e| self.db_err(e))?
        {
            return Err(StoreError::NotFound { id: map });
        }
        let mut out = Vec::new();
        for key in t.map_datasets.scan_prefix(keys::map(map)).keys() {
            let key = key.map_err(|e| self.db_err(e))?;
            if let Some(id) = keys::dataset_of(&key) {
                out.push(self.dataset_record(id)?.info);
            }
        }
        out.sort_by(|a, b| a.imported.cmp(&b.imported).then(a.name.cmp(&b.name)));
        Ok(out)
    }

    fn dataset_record(&self, id: Id) -> Result<DatasetRecord, StoreError> {
        let key = keys::map(id);
        let value = self
            .trees()
            .datasets
            .get(key)
            .map_err(|e| self.db_err(e))?
            .ok_or(StoreError::DatasetNotFound { id })?;
        DatasetRecord::decode(&key, &value)
    }

    /// One dataset's description.
    pub fn dataset(&self, id: Id) -> Result<DatasetInfo, StoreError> {
        Ok(self.dataset_record(id)?.info)
    }

    /// The stored source bytes of a dataset, as a reader.
    pub fn dataset_reader(&self, id: Id) -> Result<DatasetReader, StoreError> {
        let record = self.dataset_record(id)?;
        Ok(DatasetReader {
            chunks: self.trees().chunks.clone(),
            id,
            count: record.chunks,
            next: 0,
            current: sled::IVec::default(),
            offset: 0,
            len: record.info.bytes,
        })
    }

    /// Remove a dataset and its bytes.
    pub fn dataset_delete(&self, id: Id) -> Result<(), StoreError> {
        let info = self.dataset_record(id)?.info;
        self.remove_dataset(info.map, id)
    }

    /// Remove a dataset's record, index entry and chunks.
    pub(crate) fn remove_dataset(&self, map: Id, id: Id) -> Result<(), StoreError> {
        let t = self.trees();
        (&t.datasets, &t.map_datasets)
            .transaction(|(datasets, index)| {
                datasets.remove(&keys::map(id))?;
                index.remove(&keys::map_dataset(map, id))?;
                Ok(())
            })
            .map_err(|e: TransactionError<()>| self.transaction_err(e))?;
        // Chunks without a record are invisible; removing them may follow.
        self.remove_chunks(id)?;
        self.flush()
    }
}

/// Read until `buf` is full or the source ends.
fn fill(source: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match source.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// A stored dataset's bytes, read chunk by chunk.
pub struct DatasetReader {
    chunks: sled::Tree,
    id: Id,
    count: u32,
    next: u32,
    current: sled::IVec,
    offset: usize,
    len: u64,
}

impl DatasetReader {
    /// The number of bytes the dataset holds.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Read for DatasetReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.offset == self.current.len() {
            if self.next == self.count {
                return Ok(0);
            }
            let chunk = self
                .chunks
                .get(keys::chunk(self.id, self.next))
                .map_err(std::io::Error::other)?
                .ok_or_else(|| {
                    std::io::Error::new(
                        ErrorKind::InvalidData,
                        format!(
                            "chunk {} of the dataset {} is missing from the workspace",
                            self.next, self.id
                        ),
                    )
                })?;
            self.current = chunk;
            self.offset = 0;
            self.next += 1;
        }
        let n = buf.len().min(self.current.len() - self.offset);
        buf[..n].copy_from_slice(&self.current[self.offset..self.offset + n]);
        self.offset += n;
        Ok(n)
    }
}

//! Dense ids for strings and activity sequences, and a fast deterministic hasher.
//!
//! Layer 1 sees every event, so what it keeps per event must be a few fixed-width numbers.
//! Strings (case ids, activity names, channels, segments) and whole activity sequences
//! (variants) are stored once each in a flat arena and named by a `u32` from then on.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// The hasher rustc uses (FxHash): fast on short keys, deterministic across runs. It is not
/// hardened against crafted collisions, which is fine for a user's own files.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`]. Never iterate one into a report: sort first.
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A growable flat store of keys laid end to end.
pub trait Arena: Default {
    type Key: ?Sized + Eq + Hash;
    fn push(&mut self, key: &Self::Key);
    fn size(&self) -> usize;
    fn slice(&self, start: usize, end: usize) -> &Self::Key;
}

impl Arena for String {
    type Key = str;
    fn push(&mut self, key: &str) {
        self.push_str(key);
    }
    fn size(&self) -> usize {
        self.len()
    }
    fn slice(&self, start: usize, end: usize) -> &str {
        &self[start..end]
    }
}

impl Arena for Vec<u32> {
    type Key = [u32];
    fn push(&mut self, key: &[u32]) {
        self.extend_from_slice(key);
    }
    fn size(&self) -> usize {
        self.len()
    }
    fn slice(&self, start: usize, end: usize) -> &[u32] {
        &self[start..end]
    }
}

/// Keys to dense ids `0, 1, 2, …` in order of first appearance. Open addressing over one
/// arena: about 20 bytes per distinct key besides the key itself, no allocation per key.
#[derive(Debug, Default, Clone)]
pub struct Interner<A: Arena> {
    arena: A,
    ends: Vec<usize>,
    hashes: Vec<u32>,
    /// 0 = empty, else id + 1. Length is a power of two, at most half full.
    slots: Vec<u32>,
}

/// A string interner.
pub type Strings = Interner<String>;

fn hash_of<K: ?Sized + Hash>(key: &K) -> u32 {
    let mut h = FxHasher::default();
    key.hash(&mut h);
    let h = h.finish();
    (h ^ (h >> 32)) as u32
}

impl<A: Arena> Interner<A> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The key with this id.
    pub fn get(&self, id: u32) -> &A::Key {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        self.arena.slice(start, self.ends[id])
    }

    fn find(&self, key: &A::Key, hash: u32) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return Err(i);
            }
            let id = slot - 1;
            if self.hashes[id as usize] == hash && self.get(id) == key {
                return Ok(id);
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `key`, if it was interned.
    pub fn lookup(&self, key: &A::Key) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.find(key, hash_of(key)).ok()
    }

    /// The id of `key`, and whether it is new. Ids stop at `u32::MAX - 1`; the caller checks
    /// [`Interner::len`] against its own limit first.
    pub fn intern(&mut self, key: &A::Key) -> (u32, bool) {
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = hash_of(key);
        match self.find(key, hash) {
            Ok(id) => (id, false),
            Err(slot) => {
                let id = self.ends.len() as u32;
                self.arena.push(key);
                self.ends.push(self.arena.size());
                self.hashes.push(hash);
                self.slots[slot] = id + 1;
                (id, true)
            }
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![0; size];
        let mask = size - 1;
        for (id, &hash) in self.hashes.iter().enumerate() {
            let mut i = hash as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = id as u32 + 1;
        }
    }

    /// Bytes held, for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.ends.capacity() * 8 + self.hashes.capacity() * 4 + self.slots.capacity() * 4
    }
}

/// A column that grows in fixed chunks, so a long log never pays for a doubling copy.
#[derive(Debug, Clone)]
pub struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

const CHUNK_BITS: u32 = 16;
const CHUNK: usize = 1 << CHUNK_BITS;

impl<T: Copy> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Copy> Chunked<T> {
    #[inline]
    pub fn push(&mut self, value: T) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Vec::with_capacity(CHUNK));
        }
        if let Some(last) = self.chunks.last_mut() {
            last.push(value);
        }
        self.len += 1;
    }

    #[inline]
    pub fn get(&self, i: usize) -> T {
        self.chunks[i >> CHUNK_BITS][i & (CHUNK - 1)]
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The values in the order `order` names them, as one exact-size vector.
    pub fn gather(&self, order: &[u32]) -> Vec<T> {
        order.iter().map(|&i| self.get(i as usize)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_strings_and_sequences() {
        let mut s = Strings::default();
        let names = ["b", "a", "", "b", "longer than eight bytes", "a"];
        let ids: Vec<u32> = names.iter().map(|n| s.intern(n).0).collect();
        assert_eq!(ids, [0, 1, 2, 0, 3, 1]);
        assert_eq!(s.get(3), "longer than eight bytes");
        assert_eq!(s.get(2), "");
        assert_eq!(s.lookup("a"), Some(1));
        assert_eq!(s.lookup("c"), None);

        let mut v = Interner::<Vec<u32>>::default();
        for i in 0..1000u32 {
            assert_eq!(v.intern(&[i, i + 1]), (i, true));
        }
        assert_eq!(v.intern(&[7, 8]), (7, false));
        assert_eq!(v.get(999), &[999, 1000]);
    }

    #[test]
    fn chunked_columns_cross_chunk_edges() {
        let mut c = Chunked::default();
        for i in 0..(CHUNK as u32 * 2 + 3) {
            c.push(i);
        }
        assert_eq!(c.len(), CHUNK * 2 + 3);
        assert_eq!(c.get(CHUNK), CHUNK as u32);
        assert_eq!(
            c.gather(&[5, CHUNK as u32 * 2 + 2]),
            [5, CHUNK as u32 * 2 + 2]
        );
    }
}

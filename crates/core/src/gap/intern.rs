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
            // Fixed-size reads only (a variable-length copy would be a call to memcpy): the
            // last 8 bytes of a longer key, or the few bytes of a short one.
            let word = if bytes.len() >= 8 {
                let mut word = [0u8; 8];
                word.copy_from_slice(&bytes[bytes.len() - 8..]);
                u64::from_le_bytes(word)
            } else {
                rest.iter()
                    .enumerate()
                    .fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i))
            };
            self.add(word ^ ((rest.len() as u64) << 56));
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
/// arena: about 24 bytes per distinct key besides the key itself, no allocation per key.
#[derive(Debug, Default, Clone)]
pub struct Interner<A: Arena> {
    arena: A,
    ends: Vec<usize>,
    /// 0 = empty, else `hash << 32 | (id + 1)`. Length is a power of two, at most half full.
    slots: Vec<u64>,
}

/// A string interner.
pub type Strings = Interner<String>;

/// Up to this many keys, [`Interner::lookup`] scans instead of hashing.
const SMALL: usize = 8;

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
    #[inline]
    pub fn get(&self, id: u32) -> &A::Key {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        self.arena.slice(start, self.ends[id])
    }

    #[inline]
    fn find(&self, key: &A::Key, hash: u32) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return Err(i);
            }
            if (slot >> 32) as u32 == hash {
                let id = slot as u32 - 1;
                if self.get(id) == key {
                    return Ok(id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `key`, if it was interned. Tables of a few keys (channels, segments) are
    /// scanned instead of hashed.
    #[inline]
    pub fn lookup(&self, key: &A::Key) -> Option<u32> {
        if self.ends.len() <= SMALL {
            return (0..self.ends.len() as u32).find(|&id| self.get(id) == key);
        }
        self.find(key, hash_of(key)).ok()
    }

    /// The id of `key` given its [`Interner::hash`], interning it if new.
    #[inline]
    pub fn intern_hashed(&mut self, key: &A::Key, hash: u32) -> (u32, bool) {
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match self.find(key, hash) {
            Ok(id) => (id, false),
            Err(slot) => {
                let id = self.ends.len() as u32;
                self.arena.push(key);
                self.ends.push(self.arena.size());
                self.slots[slot] = u64::from(hash) << 32 | u64::from(id + 1);
                (id, true)
            }
        }
    }

    /// The hash the table files `key` under.
    #[inline]
    pub fn hash(key: &A::Key) -> u32 {
        hash_of(key)
    }

    /// The id of `key`, and whether it is new. Ids stop at `u32::MAX - 1`; the caller checks
    /// [`Interner::len`] against its own limit first.
    #[inline]
    pub fn intern(&mut self, key: &A::Key) -> (u32, bool) {
        self.intern_hashed(key, hash_of(key))
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        let mask = size - 1;
        for slot in old.into_iter().filter(|&s| s != 0) {
            let mut i = (slot >> 32) as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }

    /// Bytes held, for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.ends.capacity() * 8 + self.slots.capacity() * 8
    }

    /// The keys laid end to end, and where each ends; the lookup table is dropped.
    pub fn into_parts(self) -> (A, Vec<usize>) {
        (self.arena, self.ends)
    }
}

/// A cheap fingerprint of a string: its length and its first and last 8 bytes (fixed-size
/// reads, overlapping for short strings). Strings of at most 16 bytes have equal fingerprints
/// only if they are equal; longer ones must be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fingerprint {
    head: u64,
    tail: u64,
    len: usize,
}

#[inline]
fn read8(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_le_bytes(w)
}

impl Fingerprint {
    #[inline]
    pub fn of(s: &str) -> Fingerprint {
        let b = s.as_bytes();
        let len = b.len();
        if len >= 8 {
            Fingerprint {
                head: read8(b),
                tail: read8(&b[len - 8..]),
                len,
            }
        } else {
            let head = b
                .iter()
                .enumerate()
                .fold(0u64, |w, (i, &x)| w | u64::from(x) << (8 * i));
            Fingerprint { head, tail: 0, len }
        }
    }

    /// Whether equal fingerprints mean equal strings.
    #[inline]
    pub fn exact(&self) -> bool {
        self.len <= 16
    }

    #[inline]
    fn slot(&self, slots: usize) -> usize {
        let h = (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(SEED);
        (h >> 32) as usize % slots
    }
}

/// Recently seen strings of one table, direct-mapped by fingerprint: a hit costs two 8-byte
/// reads and a comparison, no hashing of the whole string.
#[derive(Debug, Clone)]
pub struct Recent {
    slots: Vec<(Fingerprint, u32)>,
}

impl Recent {
    pub fn new(slots: usize) -> Recent {
        Recent {
            slots: vec![(Fingerprint::default(), u32::MAX); slots],
        }
    }

    /// The id of `s` in `table` if it was seen recently.
    #[inline]
    pub fn get(&self, table: &Strings, s: &str, fp: &Fingerprint) -> Option<u32> {
        let (f, id) = self.slots[fp.slot(self.slots.len())];
        (id != u32::MAX && f == *fp && (fp.exact() || table.get(id) == s)).then_some(id)
    }

    #[inline]
    pub fn put(&mut self, fp: Fingerprint, id: u32) {
        let n = self.slots.len();
        self.slots[fp.slot(n)] = (fp, id);
    }
}

/// A few labels (channels, segments) as `u16` ids: 0 for none (absent or empty), else the
/// label's id + 1. A label of up to 16 bytes is found by its fingerprint alone, with no hashing
/// and no string comparison: these lookups happen twice per event.
#[derive(Debug, Default, Clone)]
pub struct Labels {
    pub names: Strings,
    short: Vec<(Fingerprint, u16)>,
}

impl Labels {
    /// The id of `label`, interning it if new; `None` once `u16::MAX - 1` labels are taken.
    #[inline]
    pub fn id(&mut self, label: Option<&str>) -> Option<u16> {
        let Some(label) = label.filter(|l| !l.is_empty()) else {
            return Some(0);
        };
        let fp = Fingerprint::of(label);
        if fp.exact() {
            if let Some(&(_, id)) = self.short.iter().find(|e| e.0 == fp) {
                return Some(id);
            }
        } else if let Some(id) = self.names.lookup(label) {
            return Some(id as u16 + 1);
        }
        if self.names.len() + 1 >= u16::MAX as usize {
            return None;
        }
        let id = self.names.intern(label).0 as u16 + 1;
        if fp.exact() {
            self.short.push((fp, id));
        }
        Some(id)
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
    fn labels_short_and_long() {
        let mut l = Labels::default();
        let got: Vec<Option<u16>> = [
            Some("web"),
            Some("a longer label"),
            None,
            Some(""),
            Some("web"),
            Some("a longer label"),
            Some("web\0"),
            Some("exactly sixteen!"),
            Some("exactly sixteen?"),
            Some("a label longer than sixteen bytes"),
            Some("a label longer than sixteen bytez"),
            Some("a label lXnger than sixteen bytes"),
            Some("a label longer than sixteen bytes"),
        ]
        .into_iter()
        .map(|x| l.id(x))
        .collect();
        assert_eq!(
            got,
            [
                Some(1),
                Some(2),
                Some(0),
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                Some(6)
            ]
        );
        assert_eq!(l.names.get(2), "web\0");
    }
}

//! Deterministic hashing: the same features hash the same way in every run and on every
//! machine, so an index rebuilt by replay, or saved and loaded, behaves identically.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits, over bytes.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A feature's key: its namespace (`t` term, `n` name, `f` figure) and text.
pub fn key(namespace: u8, text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(namespace);
    h = h.wrapping_mul(0x0100_0000_01b3);
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (splitmix64): spreads FNV's low-entropy high bits.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A hasher for keys that are already well-mixed 64-bit hashes or small integers.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = mix(self.0);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = mix(self.0 ^ n);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` with deterministic iteration order for the same insertions.
pub type Map<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;
/// A `HashSet` with deterministic iteration order for the same insertions.
pub type Set<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;

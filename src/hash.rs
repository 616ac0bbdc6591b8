//! The one string hash of the crate: FxHash (a multiply-rotate step per 8-byte word), far
//! cheaper than SipHash on short words. The keys are ours or the reader's words, and a
//! collision costs only time, so no DoS-resistant hash is needed. The entity features hash
//! with it too, so its values are part of the model format: changing `step` or `write_words`
//! means training again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The starting value of the hashes that do not start at 0.
pub(crate) const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// One step: cheap, and the multiply spreads low bits upwards.
#[inline(always)]
pub(crate) fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// `h` after `bytes`, read as little-endian 8-byte words (the last one zero-padded).
#[inline]
pub(crate) fn write_words(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = step(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(word));
    }
    h
}

/// FxHash as a `Hasher`, for the crate's hash maps and the speaker ranker's features (the
/// entity word table has its own hash: entities/word_table.rs).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    /// A hasher that starts at `seed` (the speaker ranker's features start at `SEED`).
    pub const fn with_seed(seed: u64) -> FxHasher {
        FxHasher(seed)
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = write_words(self.0, bytes);
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = step(self.0, u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = step(self.0, i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;

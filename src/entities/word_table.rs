//! The word table: every one-word key the tagger asks about (lexicon names, gazetteer towns,
//! the word forms of the cluster table) with its facts, laid out once from the embedded
//! lexicon text (`lexicon_source`) and probed where it lies.
//!
//! A slot is one little-endian u64 holding the facts beside a 34-bit fingerprint of the
//! word's hash; the slot position comes from the hash's top bits. A probe reads slots of one
//! cache line (slots are 64-byte aligned, the table at most half full) and compares no
//! string. The writer refuses two keys whose fingerprints meet on one probe path, so every
//! key gets its own facts; a word not in the table can only be mistaken for one whose home
//! slot run it shares and whose 33 free fingerprint bits it matches (about one probe in
//! 10^10).
//!
//! File layout, every section starting at a multiple of 64 bytes:
//! - `TMWORDS1`, a u32 length and that many bytes of provenance text;
//! - u32s: slot bits, cluster count, key count, longest probe;
//! - the cluster bit paths, u16 each (index 0 is "none");
//! - `2^slot bits` slots.

/// What the word table knows about one token (all zero: nothing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub flags: u16,
    /// Some phrase starts with this token (so `Lexicon::phrase_at` is worth asking).
    pub phrase_head: bool,
    /// The Brown cluster's bit path, first bit lowest (0: not in the cluster table).
    pub cluster: u16,
    /// ⌊−ln p⌋ of the word's unigram probability (0: not in the cluster table).
    pub rarity: u8,
}

const MAGIC: &[u8; 8] = b"TMWORDS1";
const FLAG_MASK: u64 = (1 << 14) - 1;
const HEAD_BIT: u32 = 14;
const RARITY_SHIFT: u32 = 15;
const RARITY_MASK: u64 = 31;
const CLUSTER_SHIFT: u32 = 20;
const CLUSTER_MASK: u64 = (1 << 10) - 1;
const FINGERPRINT_SHIFT: u32 = 30;
const ALIGN: usize = 64;

/// A hash of a word's bytes: 8 bytes at a time, each step a bijection of the state, then
/// a full avalanche (every output bit depends on every input bit).
#[inline]
pub fn word_hash(word: &[u8]) -> u64 {
    #[inline(always)]
    fn mix(x: u64) -> u64 {
        let x = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x ^ (x >> 32)
    }
    let mut h = (word.len() as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x243f_6a88_85a3_08d3;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        h = mix(h ^ u64::from_le_bytes(bytes));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut bytes = [0u8; 8];
        bytes[..rest.len()].copy_from_slice(rest);
        h = mix(h ^ u64::from_le_bytes(bytes));
    }
    // MurmurHash3's finaliser.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The slot's fingerprint field: the hash's low 34 bits, never 0 (0 marks an empty slot).
#[inline(always)]
fn fingerprint(hash: u64) -> u64 {
    (hash & ((1 << (64 - FINGERPRINT_SHIFT)) - 1)) | 1
}

/// The word table read in place from bytes laid out by [`encode`].
#[derive(Clone, Copy)]
pub struct WordTable {
    slots: &'static [u8],
    clusters: &'static [u8],
    shift: u32,
    mask: usize,
    keys: usize,
    longest_probe: usize,
}

const fn read_u32(bytes: &[u8], at: usize) -> usize {
    if bytes.len() < at + 4 {
        return 0;
    }
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as usize
}

const fn aligned(at: usize) -> usize {
    at.div_ceil(ALIGN) * ALIGN
}

impl WordTable {
    pub const EMPTY: WordTable = WordTable {
        slots: &[],
        clusters: &[],
        shift: 64,
        mask: 0,
        keys: 0,
        longest_probe: 0,
    };

    /// The table in `bytes` (no copy); an empty table when they are not one (a test checks the
    /// embedded one).
    pub const fn in_place(bytes: &'static [u8]) -> WordTable {
        if bytes.len() < 12 {
            return WordTable::EMPTY;
        }
        let mut k = 0;
        while k < MAGIC.len() {
            if bytes[k] != MAGIC[k] {
                return WordTable::EMPTY;
            }
            k += 1;
        }
        let header = aligned(12 + read_u32(bytes, 8));
        let bits = read_u32(bytes, header);
        let n_clusters = read_u32(bytes, header + 4);
        let keys = read_u32(bytes, header + 8);
        let longest_probe = read_u32(bytes, header + 12);
        let clusters_at = header + ALIGN;
        let slots_at = aligned(clusters_at + 2 * n_clusters);
        if bits == 0 || bits > 30 || bytes.len() != slots_at + 8 * (1 << bits) {
            return WordTable::EMPTY;
        }
        let (_, rest) = bytes.split_at(clusters_at);
        let (clusters, _) = rest.split_at(2 * n_clusters);
        let (_, slots) = bytes.split_at(slots_at);
        WordTable {
            slots,
            clusters,
            shift: 64 - bits as u32,
            mask: (1 << bits) - 1,
            keys,
            longest_probe,
        }
    }

    /// How many keys the table holds.
    pub fn len(&self) -> usize {
        self.keys
    }

    #[inline(always)]
    fn slot(&self, index: usize) -> u64 {
        match self.slots.get(index * 8..index * 8 + 8) {
            Some(bytes) => u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8])),
            None => 0,
        }
    }

    /// The facts of `word`; all zero when the table does not hold it.
    #[inline]
    pub fn get(&self, word: &str) -> Entry {
        if self.slots.is_empty() {
            return Entry::default();
        }
        let hash = word_hash(word.as_bytes());
        let print = fingerprint(hash);
        let mut index = (hash >> self.shift) as usize;
        for _ in 0..=self.longest_probe {
            let slot = self.slot(index);
            if slot == 0 {
                break;
            }
            if slot >> FINGERPRINT_SHIFT == print {
                return self.unpack(slot);
            }
            index = (index + 1) & self.mask;
        }
        Entry::default()
    }

    #[inline(always)]
    fn unpack(&self, slot: u64) -> Entry {
        let cluster_index = ((slot >> CLUSTER_SHIFT) & CLUSTER_MASK) as usize;
        let cluster = match self.clusters.get(2 * cluster_index..2 * cluster_index + 2) {
            Some(&[low, high]) => u16::from_le_bytes([low, high]),
            _ => 0,
        };
        Entry {
            flags: (slot & FLAG_MASK) as u16,
            phrase_head: slot >> HEAD_BIT & 1 != 0,
            cluster,
            rarity: ((slot >> RARITY_SHIFT) & RARITY_MASK) as u8,
        }
    }
}

/// Lays out the table for `items` (key and facts in source order; a key given twice gets
/// the union of its flags and the first cluster), with `provenance` as its header text.
/// Fails when a value does not fit its field or two keys' fingerprints meet on one path.
pub fn encode(items: &[(&str, Entry)], provenance: &str) -> Result<Vec<u8>, String> {
    let merged = merge(items);
    let mut paths: Vec<u16> = merged.iter().map(|(_, e)| e.cluster).collect();
    paths.push(0);
    paths.sort_unstable();
    paths.dedup();
    if paths.len() > CLUSTER_MASK as usize + 1 {
        return Err(format!(
            "{} clusters: the slot holds at most 1024",
            paths.len()
        ));
    }
    let bits = (merged.len() * 2)
        .next_power_of_two()
        .max(16)
        .trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u64; 1 << bits];
    let mut longest_probe = 0;
    for (key, entry) in &merged {
        if entry.flags as u64 > FLAG_MASK || entry.rarity as u64 > RARITY_MASK {
            return Err(format!("{key:?}: flags or rarity out of range"));
        }
        let hash = word_hash(key.as_bytes());
        let print = fingerprint(hash);
        let mut index = (hash >> (64 - bits)) as usize;
        let mut probe = 0;
        while slots[index] != 0 {
            if slots[index] >> FINGERPRINT_SHIFT == print {
                return Err(format!("{key:?}: fingerprint collision; change word_hash"));
            }
            index = (index + 1) & mask;
            probe += 1;
        }
        longest_probe = longest_probe.max(probe);
        let cluster_index = paths.binary_search(&entry.cluster).unwrap_or(0) as u64;
        slots[index] = print << FINGERPRINT_SHIFT
            | cluster_index << CLUSTER_SHIFT
            | (entry.rarity as u64) << RARITY_SHIFT
            | (entry.phrase_head as u64) << HEAD_BIT
            | entry.flags as u64;
    }
    let mut out = Vec::with_capacity(8 * slots.len() + 4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(provenance.len() as u32).to_le_bytes());
    out.extend_from_slice(provenance.as_bytes());
    out.resize(aligned(out.len()), 0);
    for value in [bits as usize, paths.len(), merged.len(), longest_probe] {
        out.extend_from_slice(&(value as u32).to_le_bytes());
    }
    out.resize(aligned(out.len()), 0);
    for path in &paths {
        out.extend_from_slice(&path.to_le_bytes());
    }
    out.resize(aligned(out.len()), 0);
    for slot in slots {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    Ok(out)
}

/// One entry per key, in order of first appearance: flags and phrase heads united, the first
/// cluster (with its rarity) kept.
pub fn merge<'k>(items: &[(&'k str, Entry)]) -> Vec<(&'k str, Entry)> {
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    let mut merged: Vec<(&str, Entry)> = Vec::with_capacity(items.len());
    for &(key, entry) in items {
        match index.get(key) {
            Some(&at) => {
                let known = &mut merged[at].1;
                known.flags |= entry.flags;
                known.phrase_head |= entry.phrase_head;
                if known.cluster == 0 {
                    (known.cluster, known.rarity) = (entry.cluster, entry.rarity);
                }
            }
            None => {
                index.insert(key, merged.len());
                merged.push((key, entry));
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(items: &[(&str, Entry)]) -> WordTable {
        let bytes = encode(items, "test").expect("encodes");
        WordTable::in_place(Vec::leak(bytes))
    }

    #[test]
    fn keys_get_their_merged_facts_and_others_nothing() {
        let entry = |flags, cluster, rarity| Entry {
            flags,
            phrase_head: false,
            cluster,
            rarity,
        };
        let table = table(&[
            ("Essen", entry(1, 0, 0)),
            ("Essen", entry(4, 40, 9)),
            ("Essen", entry(8, 41, 3)),
            ("Tokio", entry(0, 208, 12)),
        ]);
        assert_eq!(table.len(), 2);
        assert_eq!(table.get("Essen"), entry(13, 40, 9));
        assert_eq!(table.get("Tokio"), entry(0, 208, 12));
        for miss in ["", "essen", "Esse", "Essen ", "Tokyo"] {
            assert_eq!(table.get(miss), Entry::default(), "{miss:?}");
        }
        assert_eq!(WordTable::EMPTY.get("Essen"), Entry::default());
    }

    #[test]
    fn malformed_bytes_read_as_an_empty_table() {
        let bytes = encode(&[("a", Entry::default())], "x").expect("encodes");
        for cut in [0, 11, 70, bytes.len() - 1] {
            let table = WordTable::in_place(Vec::leak(bytes[..cut].to_vec()));
            assert_eq!(table.len(), 0, "cut at {cut}");
        }
    }

    #[test]
    fn hash_spreads_near_misses() {
        // The reverted table's hash kept the low 32 bits of FxHash, which ignore most of an
        // 8-byte chunk's high bytes: "riskieren" and "riskierte" shared a fingerprint.
        let print = |w: &str| fingerprint(word_hash(w.as_bytes()));
        assert_ne!(print("riskieren"), print("riskierte"));
        assert_ne!(print("password"), print("passwort"));
        assert_ne!(print("a"), print("a\0"));
    }
}

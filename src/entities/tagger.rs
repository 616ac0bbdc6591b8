//! The sequence tagger: a linear model over hashed features with BIO tags, decoded with
//! Viterbi. Weights come from `cargo xtask train ner` (averaged structured perceptron) and
//! are stored quantised to i8 in `model/ner.bin`.

use std::ops::{Add, Range, Sub};

use crate::annotations::EntityLabel;

/// Tag 0 is O; label `l` (index into [`EntityLabel::ALL`]) has B = 1 + 2l and I = 2 + 2l.
pub const N_TAGS: usize = 1 + 2 * EntityLabel::ALL.len();

pub fn begin_tag(label: EntityLabel) -> u8 {
    1 + 2 * label as u8
}

pub fn inside_tag(label: EntityLabel) -> u8 {
    2 + 2 * label as u8
}

pub fn label_of(tag: u8) -> Option<EntityLabel> {
    (tag > 0)
        .then(|| EntityLabel::ALL.get((tag as usize - 1) / 2).copied())
        .flatten()
}

fn is_inside(tag: usize) -> bool {
    tag > 0 && tag % 2 == 0
}

/// BIO: I-X only continues B-X or I-X. `prev = None` is the sentence start.
pub fn transition_allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    prev.is_some_and(|p| p != 0 && p.div_ceil(2) == next / 2)
}

/// Token spans (end exclusive) with labels from a tag sequence; a stray I starts a span.
pub fn spans(tags: &[u8]) -> Vec<(Range<usize>, EntityLabel)> {
    let mut out: Vec<(Range<usize>, EntityLabel)> = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let label = label_of(tag);
        let continues = is_inside(tag as usize) && open.is_some_and(|(_, l)| Some(l) == label);
        if continues {
            continue;
        }
        if let Some((start, l)) = open.take() {
            out.push((start..i, l));
        }
        open = label.map(|l| (i, l));
    }
    if let Some((start, l)) = open {
        out.push((start..tags.len(), l));
    }
    out
}

/// Sets the transitions BIO forbids to `neg`, so that Viterbi never takes them.
pub fn constrain_transitions<S: Copy>(transitions: &mut [S], neg: S) {
    for prev in 0..=N_TAGS {
        for next in 0..N_TAGS {
            let p = prev.checked_sub(1);
            if !transition_allowed(p, next) {
                transitions[prev * N_TAGS + next] = neg;
            }
        }
    }
}

/// Best tag sequence. `emissions` is `n × N_TAGS`, `transitions` is `(N_TAGS + 1) × N_TAGS`
/// with row 0 for the sentence start and row `p + 1` for previous tag `p`, forbidden moves
/// already set to `neg` (see [`constrain_transitions`]). `allowed`, when given, is a bit set
/// of permitted tags per token (for training with partial labels). `neg` must be so low that
/// no real path reaches it, yet twice it must not overflow.
///
/// The forward pass keeps only the best scores (a max that compilers vectorise); the
/// backtrace recomputes the one argmax it needs per token.
pub fn viterbi<S>(
    emissions: &[S],
    transitions: &[S],
    allowed: Option<&[u32]>,
    neg: S,
    out: &mut Vec<u8>,
) where
    S: Copy + PartialOrd + Add<Output = S> + Sub<Output = S>,
{
    out.clear();
    let n = emissions.len() / N_TAGS;
    if n == 0 {
        return;
    }
    // by_next[t][p]: the transition p → t, contiguous over p.
    let mut by_next = [[neg; N_TAGS]; N_TAGS];
    for (t, row) in by_next.iter_mut().enumerate() {
        for (p, slot) in row.iter_mut().enumerate() {
            *slot = transitions[(p + 1) * N_TAGS + t];
        }
    }
    let mut scores: Vec<[S; N_TAGS]> = Vec::with_capacity(n);
    let mut first = [neg; N_TAGS];
    for t in 0..N_TAGS {
        let permitted = allowed.map_or(true, |a| a[0] & (1 << t) != 0);
        if permitted {
            first[t] = transitions[t] + emissions[t];
        }
    }
    scores.push(first);
    for i in 1..n {
        let previous = scores[i - 1];
        let mask = allowed.map_or(u32::MAX, |a| a[i]);
        // best[t] = max over p of previous[p] + transition p → t; the loop over t is
        // contiguous and branch-free, so it runs on vector registers.
        let mut row = [neg; N_TAGS];
        for (p, &s) in previous.iter().enumerate() {
            let from_p = &transitions[(p + 1) * N_TAGS..(p + 2) * N_TAGS];
            for (best, &tr) in row.iter_mut().zip(from_p) {
                let candidate = s + tr;
                *best = if candidate > *best { candidate } else { *best };
            }
        }
        let mut top = neg;
        for t in 0..N_TAGS {
            if mask & (1 << t) == 0 {
                row[t] = neg;
                continue;
            }
            row[t] = row[t] + emissions[i * N_TAGS + t];
            top = if row[t] > top { row[t] } else { top };
        }
        // Only differences matter: keep the best at zero so long sentences cannot overflow.
        for (t, slot) in row.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                *slot = *slot - top;
            }
        }
        scores.push(row);
    }
    let last_row = &scores[n - 1];
    let mut last = 0;
    for t in 1..N_TAGS {
        if last_row[t] > last_row[last] {
            last = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        let previous = &scores[i - 1];
        let mut best_p = 0;
        let mut best = previous[0] + by_next[last][0];
        for p in 1..N_TAGS {
            let candidate = previous[p] + by_next[last][p];
            if candidate > best {
                best = candidate;
                best_p = p;
            }
        }
        last = best_p;
        out[i - 1] = last as u8;
    }
}

const MAGIC: &[u8; 6] = b"TMNER2";

/// "Impossible" for the integer decoder: far below any real path, and twice it fits an i32.
const NEG: i32 = -(1 << 29);

fn constrained(mut transitions: Vec<i32>) -> Vec<i32> {
    constrain_transitions(&mut transitions, NEG);
    transitions
}

/// The trained weights: `2^bits` buckets of `N_TAGS` one-byte codes, each code standing for
/// an integer weight through a 256-entry table (a non-linear scale keeps small weights
/// distinct without clipping large ones), plus integer transitions.
#[derive(Clone)]
pub struct Model {
    bits: u32,
    codes: Vec<u8>,
    values: Vec<i32>,
    transitions: Vec<i32>,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Model(2^{} buckets)", self.bits)
    }
}

impl Model {
    /// A model that tags everything O (used before training, or when the file is empty).
    pub fn empty() -> Model {
        Model {
            bits: 0,
            codes: vec![0; N_TAGS],
            values: vec![0; 256],
            transitions: constrained(vec![0; (N_TAGS + 1) * N_TAGS]),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.codes.iter().all(|&c| self.values[c as usize] == 0)
    }

    /// Serialises a model: `values` (256 integer weights, by code), `transitions`
    /// (`(N_TAGS + 1) × N_TAGS`, same units) and `codes` (`2^bits × N_TAGS`).
    pub fn encode(bits: u32, values: &[i32; 256], transitions: &[i32], codes: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + 4 * (256 + transitions.len()) + codes.len());
        out.extend_from_slice(MAGIC);
        out.push(bits as u8);
        out.push(N_TAGS as u8);
        for v in values.iter().chain(transitions) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(codes);
        out
    }

    pub fn decode(bytes: &[u8]) -> Option<Model> {
        if bytes.is_empty() {
            return Some(Model::empty());
        }
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&bits, rest) = rest.split_first()?;
        let (&n_tags, rest) = rest.split_first()?;
        if n_tags as usize != N_TAGS || bits > 24 {
            return None;
        }
        let n_ints = 256 + (N_TAGS + 1) * N_TAGS;
        let n_codes = (1usize << bits) * N_TAGS;
        if rest.len() != n_ints * 4 + n_codes {
            return None;
        }
        let (ints, codes) = rest.split_at(n_ints * 4);
        let mut ints: Vec<i32> = ints
            .chunks_exact(4)
            .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        // Bound every value so that sums over a token's features cannot overflow.
        for v in &mut ints {
            *v = (*v).clamp(-(1 << 20), 1 << 20);
        }
        let transitions = ints.split_off(256);
        Some(Model {
            bits: bits as u32,
            codes: codes.to_vec(),
            values: ints,
            transitions: constrained(transitions),
        })
    }

    pub fn bucket(bits: u32, hash: u32) -> usize {
        if bits == 0 {
            0
        } else {
            (hash >> (32 - bits)) as usize
        }
    }

    /// Tags one sentence given its features.
    pub fn tag(
        &self,
        features: &super::features::Features,
        scratch: &mut Vec<i32>,
        out: &mut Vec<u8>,
    ) {
        let n = features.len();
        scratch.clear();
        scratch.resize(n * N_TAGS, 0);
        let Ok(values) = <&[i32; 256]>::try_from(&self.values[..]) else {
            return;
        };
        // The weight rows are scattered over megabytes: ask for rows a few features ahead
        // so that their cache misses overlap instead of queueing.
        const AHEAD: usize = 12;
        let hashes = &features.hashes;
        let row_of = |k: usize| Model::bucket(self.bits, hashes[k]) * N_TAGS;
        for k in 0..AHEAD.min(hashes.len()) {
            prefetch(&self.codes, row_of(k));
        }
        for i in 0..n {
            let mut row = [0i32; N_TAGS];
            let start = features.starts[i] as usize;
            let end = features.starts[i + 1] as usize;
            for k in start..end {
                if k + AHEAD < hashes.len() {
                    prefetch(&self.codes, row_of(k + AHEAD));
                }
                let b = row_of(k);
                let Some(codes) = self.codes.get(b..b + N_TAGS) else {
                    continue;
                };
                for (s, &c) in row.iter_mut().zip(codes) {
                    *s += values[c as usize];
                }
            }
            scratch[i * N_TAGS..(i + 1) * N_TAGS].copy_from_slice(&row);
        }
        viterbi(scratch, &self.transitions, None, NEG, out);
    }
}

/// A hint to load `data[at..]` into the cache; nothing where the CPU offers no such hint.
#[inline(always)]
fn prefetch(data: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(byte) = data.get(at) {
        // SAFETY: a prefetch never faults and reads nothing; the pointer is in bounds anyway.
        unsafe {
            std::arch::x86_64::_mm_prefetch(
                byte as *const u8 as *const i8,
                std::arch::x86_64::_MM_HINT_T0,
            )
        };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (data, at);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_spans() {
        for label in EntityLabel::ALL {
            assert_eq!(label_of(begin_tag(label)), Some(label));
            assert_eq!(label_of(inside_tag(label)), Some(label));
        }
        assert_eq!(label_of(0), None);
        let per = begin_tag(EntityLabel::Person);
        let per_i = inside_tag(EntityLabel::Person);
        let loc = begin_tag(EntityLabel::Location);
        let loc_i = inside_tag(EntityLabel::Location);
        type Case<'a> = (&'a [u8], &'a [(Range<usize>, EntityLabel)]);
        let cases: &[Case] = &[
            (
                &[0, per, per_i, 0, loc],
                &[(1..3, EntityLabel::Person), (4..5, EntityLabel::Location)],
            ),
            (
                &[per, per],
                &[(0..1, EntityLabel::Person), (1..2, EntityLabel::Person)],
            ),
            (
                &[loc_i, per_i],
                &[(0..1, EntityLabel::Location), (1..2, EntityLabel::Person)],
            ),
            (&[], &[]),
        ];
        for (tags, expected) in cases {
            assert_eq!(&spans(tags), expected, "{tags:?}");
        }
    }

    #[test]
    fn viterbi_respects_bio_and_masks() {
        // Emissions favour a lone I-PER at token 1; BIO forbids it after O.
        let mut emissions = vec![0i32; 2 * N_TAGS];
        emissions[0] = 5;
        emissions[N_TAGS + inside_tag(EntityLabel::Person) as usize] = 10;
        emissions[N_TAGS + begin_tag(EntityLabel::Location) as usize] = 3;
        let mut transitions = vec![0i32; (N_TAGS + 1) * N_TAGS];
        constrain_transitions(&mut transitions, NEG);
        let mut out = Vec::new();
        viterbi(&emissions, &transitions, None, NEG, &mut out);
        assert_eq!(
            out,
            [
                begin_tag(EntityLabel::Person),
                inside_tag(EntityLabel::Person)
            ]
        );
        let allowed = [1u32, 1];
        viterbi(&emissions, &transitions, Some(&allowed), NEG, &mut out);
        assert_eq!(out, [0, 0]);
        viterbi::<i32>(&[], &transitions, None, NEG, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn model_encoding_round_trips() {
        let mut values = [0i32; 256];
        for (i, v) in values.iter_mut().enumerate() {
            *v = i as i32 - 128;
        }
        let codes: Vec<u8> = (0..(2 * N_TAGS)).map(|i| (i * 7) as u8).collect();
        let transitions: Vec<i32> = (0..((N_TAGS + 1) * N_TAGS)).map(|i| i as i32).collect();
        let bytes = Model::encode(1, &values, &transitions, &codes);
        let model = Model::decode(&bytes).expect("decodes");
        assert_eq!(model.codes, codes);
        assert_eq!(model.values[..], values[..]);
        assert_eq!(model.transitions[5], 5);
        assert!(Model::decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::decode(b"").is_some_and(|m| m.is_empty()));
    }
}

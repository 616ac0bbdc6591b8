//! The sequence tagger: a linear model over hashed features with BIO tags, decoded with
//! Viterbi. Weights come from `cargo xtask train ner` (averaged structured perceptron) and
//! are stored quantised to i8 in `model/ner.bin`.

use std::borrow::Cow;
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
        let permitted = allowed.is_none_or(|a| a[0] & (1 << t) != 0);
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

const MAGIC: &[u8; 6] = b"TMNER4";

/// Tag scores are computed in this many lanes (`N_TAGS` rounded up), so that a bucket's
/// weights, a token's scores and a transition row are each one fixed-size array that
/// compilers turn into a few vector instructions.
pub const LANES: usize = 32;

/// Where the weight rows start in a model file (after the header and transitions).
const ROWS_AT: usize = 8 + 2 * (N_TAGS + 1) * N_TAGS;

/// Zero bytes after the last row, so that every row can be read as `LANES` bytes.
const TAIL: usize = LANES - N_TAGS;

/// "Impossible" in the i16 decoder: saturating sums keep it at the floor.
const NEG16: i16 = i16::MIN;

/// The trained weights: `2^bits` buckets of `N_TAGS` signed one-byte weights (linear scale),
/// read in place from the model file, and transitions in the same units as i16. A bucket is
/// read as `LANES` bytes: the lanes past `N_TAGS` hold the next bucket's first weights, which
/// only ever reach padding lanes the decoder never reads. Emission sums stay in i16 (a token
/// has at most a few hundred features of at most 127 each; the adds saturate anyway).
#[derive(Clone)]
pub struct Model {
    bits: u32,
    /// The rows, `N_TAGS` bytes each and `TAIL` zero bytes: borrowed from the embedded file,
    /// owned when decoded from other bytes (training).
    rows: Cow<'static, [u8]>,
    /// Row 0: from the sentence start; row `p + 1`: from tag `p`. Padding lanes are NEG16.
    transitions: [[i16; LANES]; N_TAGS + 1],
    /// by_next[t][p]: the transition p → t, for the backtrace.
    by_next: [[i16; LANES]; N_TAGS],
    empty: bool,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Model(2^{} buckets)", self.bits)
    }
}

/// The decoder's transition rows from `(N_TAGS + 1) × N_TAGS` little-endian i16 (BIO's
/// forbidden moves set to NEG16); a `const fn`, so the embedded model is laid out when the
/// program is compiled.
const fn transition_rows(bytes: &[u8]) -> ([[i16; LANES]; N_TAGS + 1], [[i16; LANES]; N_TAGS]) {
    let mut by_prev = [[NEG16; LANES]; N_TAGS + 1];
    let mut by_next = [[NEG16; LANES]; N_TAGS];
    let mut p = 0;
    while p <= N_TAGS {
        let mut t = 0;
        while t < N_TAGS {
            let at = 2 * (p * N_TAGS + t);
            let mut value = i16::from_le_bytes([bytes[at], bytes[at + 1]]);
            if value < NEG16 + 1 {
                value = NEG16 + 1;
            }
            let allowed = t == 0 || t % 2 == 1 || (p > 1 && (p - 1).div_ceil(2) == t / 2);
            by_prev[p][t] = if allowed { value } else { NEG16 };
            if p > 0 {
                by_next[t][p - 1] = by_prev[p][t];
            }
            t += 1;
        }
        p += 1;
    }
    (by_prev, by_next)
}

/// A model file's parts: bits, transition bytes and rows; `None` when malformed.
const fn model_parts(bytes: &[u8]) -> Option<(u32, &[u8], &[u8])> {
    if bytes.len() < ROWS_AT {
        return None;
    }
    let mut k = 0;
    while k < MAGIC.len() {
        if bytes[k] != MAGIC[k] {
            return None;
        }
        k += 1;
    }
    let (bits, n_tags) = (bytes[6] as u32, bytes[7] as usize);
    if n_tags != N_TAGS || bits > 24 || bytes.len() - ROWS_AT != (1usize << bits) * N_TAGS + TAIL {
        return None;
    }
    let (head, rows) = bytes.split_at(ROWS_AT);
    let (_, transitions) = head.split_at(8);
    Some((bits, transitions, rows))
}

/// One bucket of zero weights (the empty model's).
static ZERO_ROW: [u8; LANES] = [0; LANES];

impl Model {
    /// A model that tags everything O (used before training, or when the file is empty).
    pub fn empty() -> Model {
        Model::EMPTY
    }

    const EMPTY: Model = {
        let (transitions, by_next) = transition_rows(&[0; 2 * (N_TAGS + 1) * N_TAGS]);
        Model {
            bits: 0,
            rows: Cow::Borrowed(&ZERO_ROW),
            transitions,
            by_next,
            empty: true,
        }
    };

    /// A model read in place from bytes that live as long as the program (the embedded
    /// file): a `const fn`, so nothing is parsed or allocated at start-up. Malformed bytes
    /// give the empty model (a test checks the embedded one).
    pub const fn in_place(bytes: &'static [u8]) -> Model {
        match model_parts(bytes) {
            Some((bits, transitions, rows)) => {
                let (transitions, by_next) = transition_rows(transitions);
                Model {
                    bits,
                    rows: Cow::Borrowed(rows),
                    transitions,
                    by_next,
                    empty: false,
                }
            }
            None => Model::EMPTY,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// Serialises a model: `transitions` (`(N_TAGS + 1) × N_TAGS` i16, in weight units) and
    /// `weights` (`2^bits × N_TAGS` i8), then `TAIL` zero bytes.
    pub fn encode(bits: u32, transitions: &[i16], weights: &[i8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(ROWS_AT + weights.len() + TAIL);
        out.extend_from_slice(MAGIC);
        out.push(bits as u8);
        out.push(N_TAGS as u8);
        for v in transitions {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend(weights.iter().map(|&w| w as u8));
        out.resize(out.len() + TAIL, 0);
        out
    }

    /// A model from bytes of any lifetime (its rows copied); an empty file is the empty model.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        if bytes.is_empty() {
            return Some(Model::empty());
        }
        let (bits, transitions, rows) = model_parts(bytes)?;
        let (transitions, by_next) = transition_rows(transitions);
        Some(Model {
            bits,
            rows: Cow::Owned(rows.to_vec()),
            transitions,
            by_next,
            empty: false,
        })
    }

    pub fn bucket(bits: u32, hash: u32) -> usize {
        if bits == 0 {
            0
        } else {
            (hash >> (32 - bits)) as usize
        }
    }

    /// Bucket `bucket`'s weights in the first `N_TAGS` of `LANES` signed bytes.
    #[inline(always)]
    fn row(&self, bucket: usize) -> Option<&[u8; LANES]> {
        let start = bucket * N_TAGS;
        self.rows.get(start..start + LANES)?.try_into().ok()
    }

    /// Tags one sentence given its features.
    pub fn tag(
        &self,
        features: &super::features::Features,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let n = features.len();
        let emissions = &mut scratch.emissions;
        emissions.clear();
        // The weight rows are scattered over megabytes: ask for rows a few features ahead
        // so that their cache misses overlap instead of queueing.
        const AHEAD: usize = 48;
        let hashes = &features.hashes;
        let row_start = |k: usize| Model::bucket(self.bits, hashes[k]) * N_TAGS;
        // A row is not aligned to cache lines: more than a third of them end in the next line.
        let prefetch_row = |k: usize| {
            let start = row_start(k);
            prefetch(&self.rows[..], start);
            prefetch(&self.rows[..], start + N_TAGS - 1);
        };
        for k in 0..AHEAD.min(hashes.len()) {
            prefetch_row(k);
        }
        for i in 0..n {
            let mut sum = [0i16; LANES];
            let start = features.starts[i] as usize;
            let end = features.starts[i + 1] as usize;
            for k in start..end {
                if k + AHEAD < hashes.len() {
                    prefetch_row(k + AHEAD);
                }
                let Some(row) = self.row(Model::bucket(self.bits, hashes[k])) else {
                    continue;
                };
                for (s, &w) in sum.iter_mut().zip(row) {
                    *s = s.saturating_add(w as i8 as i16);
                }
            }
            emissions.push(sum);
        }
        self.decode_tags(emissions, &mut scratch.scores, out);
    }

    /// Viterbi over i16 scores with saturating adds: the forward pass is a max over
    /// fixed-size rows (vector instructions); the backtrace recomputes one argmax per token.
    fn decode_tags(
        &self,
        emissions: &[[i16; LANES]],
        scores: &mut Vec<[i16; LANES]>,
        out: &mut Vec<u8>,
    ) {
        out.clear();
        scores.clear();
        let n = emissions.len();
        if n == 0 {
            return;
        }
        let transitions = &self.transitions[..];
        let mut current = [NEG16; LANES];
        for (t, slot) in current.iter_mut().enumerate() {
            *slot = transitions[0][t].saturating_add(emissions[0][t]);
        }
        normalise(&mut current);
        scores.push(current);
        for emission in &emissions[1..] {
            let mut row = forward_step(&current, transitions, emission);
            normalise(&mut row);
            current = row;
            scores.push(row);
        }
        let mut last = 0;
        for t in 1..N_TAGS {
            if current[t] > current[last] {
                last = t;
            }
        }
        out.resize(n, 0);
        out[n - 1] = last as u8;
        for i in (1..n).rev() {
            let previous = &scores[i - 1];
            let into = &self.by_next[last];
            // In i32 nothing saturates; the forward pass's best move never saturated either,
            // so both pick the same predecessor.
            let mut best_p = 0;
            let mut best = previous[0] as i32 + into[0] as i32;
            for p in 1..N_TAGS {
                let candidate = previous[p] as i32 + into[p] as i32;
                if candidate > best {
                    best = candidate;
                    best_p = p;
                }
            }
            last = best_p;
            out[i - 1] = last as u8;
        }
    }
}

/// One Viterbi step: `best[t] = max over p of previous[p] + transition p → t`, plus the
/// token's emission. The portable loop; x86_64 spells out the vector instructions because
/// compilers tend to interchange these loops badly.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn forward_step(
    previous: &[i16; LANES],
    transitions: &[[i16; LANES]],
    emission: &[i16; LANES],
) -> [i16; LANES] {
    let mut row = [NEG16; LANES];
    for (&s, from_p) in previous[..N_TAGS].iter().zip(&transitions[1..]) {
        for (best, &tr) in row.iter_mut().zip(from_p) {
            *best = (*best).max(s.saturating_add(tr));
        }
    }
    for (slot, &e) in row.iter_mut().zip(emission) {
        *slot = slot.saturating_add(e);
    }
    row
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn forward_step(
    previous: &[i16; LANES],
    transitions: &[[i16; LANES]],
    emission: &[i16; LANES],
) -> [i16; LANES] {
    use std::arch::x86_64::{
        __m128i, _mm_adds_epi16, _mm_loadu_si128, _mm_max_epi16, _mm_set1_epi16, _mm_storeu_si128,
    };
    const V: usize = LANES / 8;
    let mut row = [NEG16; LANES];
    // SAFETY: SSE2 is part of x86_64; every load and store covers 8 i16 lanes inside an
    // array of LANES = 4 × 8 lanes.
    unsafe {
        let mut best = [_mm_set1_epi16(NEG16); V];
        for (&s, from_p) in previous[..N_TAGS].iter().zip(&transitions[1..]) {
            let s = _mm_set1_epi16(s);
            let from = from_p.as_ptr() as *const __m128i;
            for (k, b) in best.iter_mut().enumerate() {
                *b = _mm_max_epi16(*b, _mm_adds_epi16(s, _mm_loadu_si128(from.add(k))));
            }
        }
        let e = emission.as_ptr() as *const __m128i;
        let out = row.as_mut_ptr() as *mut __m128i;
        for (k, b) in best.iter().enumerate() {
            _mm_storeu_si128(out.add(k), _mm_adds_epi16(*b, _mm_loadu_si128(e.add(k))));
        }
    }
    row
}

/// Only differences matter: keep the best real tag at zero so sums cannot drift.
#[inline(always)]
fn normalise(row: &mut [i16; LANES]) {
    let top = row[..N_TAGS].iter().copied().max().unwrap_or(0);
    for slot in row.iter_mut() {
        *slot = slot.saturating_sub(top);
    }
}

/// Reusable buffers for [`Model::tag`].
#[derive(Default)]
pub struct Scratch {
    emissions: Vec<[i16; LANES]>,
    scores: Vec<[i16; LANES]>,
}

/// A hint to load `data[at]` into the cache; nothing where the CPU offers no such hint.
#[inline(always)]
fn prefetch<T>(data: &[T], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(item) = data.get(at) {
        // SAFETY: a prefetch never faults and reads nothing; the pointer is in bounds anyway.
        unsafe {
            std::arch::x86_64::_mm_prefetch(
                item as *const T as *const i8,
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

    /// "Impossible" for the generic decoder over i32: twice it still fits.
    const NEG: i32 = -(1 << 29);

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
        let weights: Vec<i8> = (0..(2 * N_TAGS)).map(|i| (i * 7) as u8 as i8).collect();
        let transitions: Vec<i16> = (0..((N_TAGS + 1) * N_TAGS)).map(|i| i as i16).collect();
        let bytes = Model::encode(1, &transitions, &weights);
        let model = Model::decode(&bytes).expect("decodes");
        assert_eq!(model.rows.len(), 2 * N_TAGS + TAIL);
        let row = |b: usize| -> Vec<i8> {
            model.row(b).unwrap()[..N_TAGS]
                .iter()
                .map(|&w| w as i8)
                .collect()
        };
        assert_eq!(row(0), weights[..N_TAGS]);
        assert_eq!(row(1), weights[N_TAGS..]);
        assert!(model.row(2).is_none());
        assert_eq!(model.transitions[0][5], 5);
        assert!(Model::decode(&bytes[..]).is_some_and(|m| !m.is_empty()));
        assert_eq!(model.transitions[0][N_TAGS], NEG16);
        assert!(Model::decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::decode(b"").is_some_and(|m| m.is_empty()));
    }

    #[test]
    fn integer_decoder_agrees_with_the_generic_one() {
        // Pseudo-random emissions and transitions: both decoders find the same best path.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |range: i64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % (2 * range as u64 + 1)) as i64 - range
        };
        for n in [1, 2, 7, 40] {
            let transitions: Vec<i16> = (0..(N_TAGS + 1) * N_TAGS)
                .map(|_| next(300) as i16)
                .collect();
            let model = Model::decode(&Model::encode(0, &transitions, &[0; N_TAGS])).unwrap();
            let mut emissions = vec![[0i16; LANES]; n];
            for row in &mut emissions {
                for slot in &mut row[..N_TAGS] {
                    *slot = next(2000) as i16;
                }
            }
            let mut fast = Vec::new();
            model.decode_tags(&emissions, &mut Vec::new(), &mut fast);
            let flat: Vec<i32> = emissions
                .iter()
                .flat_map(|r| r[..N_TAGS].iter().map(|&e| e as i32))
                .collect();
            let mut wide: Vec<i32> = transitions.iter().map(|&t| t as i32).collect();
            constrain_transitions(&mut wide, NEG);
            let mut reference = Vec::new();
            viterbi(&flat, &wide, None, NEG, &mut reference);
            let score = |tags: &[u8]| -> i32 {
                tags.iter()
                    .enumerate()
                    .map(|(i, &t)| {
                        let p = if i == 0 { 0 } else { tags[i - 1] as usize + 1 };
                        wide[p * N_TAGS + t as usize] + flat[i * N_TAGS + t as usize]
                    })
                    .sum()
            };
            assert_eq!(score(&fast), score(&reference), "n = {n}");
        }
    }
}

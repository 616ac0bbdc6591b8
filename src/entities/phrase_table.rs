//! The types of the phrase tables that `lexicon_source` builds from the embedded lexicon text
//! (in a file of their own, so that the builder and the lexicon do not import each other).

/// What the lexicons say about a name of several tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PhraseFacts {
    pub flags: u16,
    /// The main spelling of a place or organisation.
    pub canonical: Option<&'static str>,
}

/// A name of several tokens ("Weißes Haus", "Vereinigte Staaten").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub tokens: &'static [&'static str],
    pub entry: PhraseFacts,
}

/// The phrase and canonical-form tables, sorted for binary search.
#[derive(Clone, Copy, Debug)]
pub struct PhraseTables {
    /// Grouped by first token; in a group, longest first, then by tokens.
    pub phrases: &'static [Phrase],
    /// First token → `phrases[start..end]`.
    pub heads: &'static [(&'static str, u32, u32)],
    /// Indices into `phrases`, grouped by the stem of the first token, in the same order.
    pub stem_members: &'static [u32],
    /// Stem of a first token → `stem_members[start..end]`.
    pub stems: &'static [(&'static str, u32, u32)],
    /// One-word name → its main spelling (a demonym → its place).
    pub canonical: &'static [(&'static str, &'static str)],
}

impl PhraseTables {
    pub const EMPTY: PhraseTables = PhraseTables {
        phrases: &[],
        heads: &[],
        stem_members: &[],
        stems: &[],
        canonical: &[],
    };
}

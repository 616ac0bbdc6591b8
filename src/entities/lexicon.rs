//! The name lexicons (places, organisations, demonyms, given names, surnames, titles) and
//! the word clusters: one fingerprint table of word facts and the phrase tables. The embedded
//! lexicon is built once per process from `src/generated/lexicon.txt` and `clusters.txt`
//! (`lexicon_source`): the text compresses to 1.26 MB in the module, the laid-out table to
//! 1.86 MB, which the module's size budget has no room for.

pub use super::phrase_table::{Phrase, PhraseFacts, PhraseTables};
pub use super::word_table::Entry;
use super::word_table::WordTable;

/// What the lexicons know about a word or phrase: a set of these bits.
pub mod flag {
    pub const PLACE: u16 = 1 << 0;
    pub const COUNTRY: u16 = 1 << 1;
    pub const CITY: u16 = 1 << 2;
    pub const ORG: u16 = 1 << 3;
    pub const DEMONYM_ADJ: u16 = 1 << 4;
    pub const DEMONYM_NOUN: u16 = 1 << 5;
    pub const DEMONYM_PREFIX: u16 = 1 << 6;
    pub const GIVEN: u16 = 1 << 7;
    pub const SURNAME: u16 = 1 << 8;
    pub const TITLE: u16 = 1 << 9;
    pub const HONORIFIC: u16 = 1 << 10;
    pub const AMBIGUOUS: u16 = 1 << 11;
    pub const GERMAN_NAME: u16 = 1 << 12;
    /// A populated place in the GeoNames gazetteer (many are also common words).
    pub const TOWN: u16 = 1 << 13;
    /// How many bits there are, for feature extraction.
    pub const COUNT: u32 = 14;
}

/// The one string hash (src/hash.rs), for the entity layer's maps.
pub use crate::hash::FxBuild;

/// The name lexicons and the cluster table: one table of word facts and the phrase tables.
#[derive(Clone, Copy)]
pub struct Lexicon {
    words: WordTable,
    phrases: PhraseTables,
}

/// Strips up to two inflection endings, keeping at least three characters: "Hauses" and
/// "Haus" → "Hau", "Weißen"/"Weiße"/"Weißes" → "Weiß". No allocation; case kept.
pub fn inflection_stem(word: &str) -> &str {
    let mut s = word;
    for _ in 0..2 {
        let Some(rest) = ["es", "en", "er", "em", "e", "s", "n"]
            .iter()
            .find_map(|e| s.strip_suffix(e).filter(|r| r.chars().count() >= 3))
        else {
            break;
        };
        s = rest;
    }
    s
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Lexicon({} words, {} phrase heads)",
            self.words.len(),
            self.phrases.heads.len()
        )
    }
}

/// The group of `key` in a table sorted by key.
fn group_of(table: &[(&'static str, u32, u32)], key: &str) -> std::ops::Range<usize> {
    match table.binary_search_by(|(k, _, _)| (*k).cmp(key)) {
        Ok(at) => table[at].1 as usize..table[at].2 as usize,
        Err(_) => 0..0,
    }
}

impl Lexicon {
    /// A lexicon over tables built elsewhere (tests and tools; see `lexicon_source`).
    pub const fn from_tables(words: WordTable, phrases: PhraseTables) -> Lexicon {
        Lexicon { words, phrases }
    }

    /// How many one-word keys the word table holds.
    pub fn words_len(&self) -> usize {
        self.words.len()
    }

    /// The phrase and canonical-form tables.
    pub fn phrase_tables(&self) -> &PhraseTables {
        &self.phrases
    }

    /// What the lexicons and the cluster table know about one token: one probe.
    #[inline]
    pub fn word(&self, word: &str) -> Entry {
        self.words.get(word)
    }

    pub fn flags(&self, word: &str) -> u16 {
        self.word(word).flags
    }

    /// The main spelling of a one-word place or organisation, or a demonym's place.
    pub fn canonical(&self, word: &str) -> Option<&'static str> {
        let table = self.phrases.canonical;
        let at = table.binary_search_by(|(k, _)| (*k).cmp(word)).ok()?;
        Some(table[at].1)
    }

    /// The longest phrase that starts at `words[0]`.
    pub fn phrase_at(&self, words: &[&str]) -> Option<&'static Phrase> {
        let candidates = &self.phrases.phrases[group_of(self.phrases.heads, words.first()?)];
        candidates
            .iter()
            .find(|p| p.tokens.len() <= words.len() && p.tokens[..] == words[..p.tokens.len()])
    }

    /// Like [`phrase_at`](Self::phrase_at), but every token may carry another inflection
    /// ending ("Weißen Hauses" for "Weißes Haus").
    pub fn inflected_phrase_at(&self, words: &[&str]) -> Option<&'static Phrase> {
        let first = words.first()?;
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let members =
            &self.phrases.stem_members[group_of(self.phrases.stems, inflection_stem(first))];
        members
            .iter()
            .filter_map(|&k| self.phrases.phrases.get(k as usize))
            .find(|p| {
                p.tokens.len() <= words.len()
                    && p.tokens
                        .iter()
                        .zip(words)
                        .all(|(a, b)| a == b || inflection_stem(a) == inflection_stem(b))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_knows_common_names() {
        let lexicon = Lexicon::embedded();
        let cases: &[(&str, u16)] = &[
            ("Japan", flag::PLACE | flag::COUNTRY),
            ("Tokio", flag::PLACE | flag::CITY),
            ("Peking", flag::PLACE | flag::CITY),
            ("Reuters", flag::ORG),
            ("Toyota", flag::ORG),
            ("japanische", flag::DEMONYM_ADJ),
            ("Donald", flag::GIVEN),
            ("Schmidt", flag::SURNAME),
            ("Präsident", flag::TITLE),
            ("EU", flag::DEMONYM_PREFIX),
            ("Inzigkofen", flag::TOWN),
            ("Fürstenstein", flag::TOWN),
            ("Cavaillon", flag::TOWN),
        ];
        for &(word, expected) in cases {
            let flags = lexicon.flags(word);
            assert_eq!(flags & expected, expected, "{word}: {flags:#b}");
        }
        assert_eq!(lexicon.flags("und"), 0);
        assert_eq!(lexicon.flags("Inzigkofener"), 0);
        assert_eq!(lexicon.canonical("japanische"), Some("Japan"));
    }

    #[test]
    fn phrases_match_longest_first() {
        let lexicon = Lexicon::embedded();
        let cases: &[(&[&str], Option<usize>)] = &[
            (&["Weißes", "Haus", "erklärte"], Some(2)),
            (&["Vereinigte", "Staaten", "von", "Amerika"], Some(4)),
            (&["Vereinigte", "Staaten"], Some(2)),
            (&["Weißes", "Pferd"], None),
            (&["Bad", "Tölz", "liegt"], Some(2)),
            (&["Weißen", "Hauses"], None),
            (&[], None),
        ];
        for (words, expected) in cases {
            let found = lexicon.phrase_at(words).map(|p| p.tokens.len());
            assert_eq!(found, *expected, "{words:?}");
        }
    }

    #[test]
    fn inflected_phrases_match() {
        let lexicon = Lexicon::embedded();
        let cases: &[(&[&str], Option<&[&str]>)] = &[
            (&["Weißen", "Hauses"], Some(&["Weißes", "Haus"])),
            (&["Weiße", "Haus", "erklärte"], Some(&["Weißes", "Haus"])),
            (&["Weißen", "Pferdes"], None),
            (&["weißen", "Hauses"], None),
        ];
        for (words, expected) in cases {
            let found = lexicon.inflected_phrase_at(words).map(|p| p.tokens);
            assert_eq!(found, *expected, "{words:?}");
        }
        assert_eq!(inflection_stem("Hauses"), inflection_stem("Haus"));
    }
}

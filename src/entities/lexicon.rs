//! The name lexicons (places, organisations, demonyms, given names, surnames, titles),
//! unpacked from the generated blob into lookup tables keyed by token text.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::OnceLock;

use crate::hash::{FxHasher, SEED};
use crate::text::tokenize;

/// The blob written by `cargo xtask gen`; its format is described in xtask/src/lexicon.rs.
const BLOB: &str = include_str!("../generated/lexicon.txt");

/// Word clusters and probabilities (`cargo xtask gen`; format in xtask/src/clusters.rs).
const CLUSTERS: &str = include_str!("../generated/clusters.txt");

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

#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    pub flags: u16,
    /// The main spelling of a place or organisation, or a demonym's place.
    pub canonical: Option<&'static str>,
    /// Some phrase starts with this token (so [`Lexicon::phrase_at`] is worth asking).
    pub phrase_head: bool,
    /// The Brown cluster's bit path, first bit lowest (0: not in the cluster table).
    pub cluster: u16,
    /// ⌊−ln p⌋ of the word's unigram probability (0: not in the cluster table).
    pub rarity: u8,
}

/// A name of several tokens ("Weißes Haus", "Vereinigte Staaten").
#[derive(Clone, Debug)]
pub struct Phrase {
    pub tokens: Vec<&'static str>,
    pub entry: Entry,
}

pub use crate::hash::FxBuild;

/// A cheap hash of a token, for the word table.
#[inline]
fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::with_seed(SEED);
    h.write(word.as_bytes());
    h.finish()
}

/// Every one-word key the tagger asks about — lexicon names, gazetteer towns and the word
/// forms of the cluster table — in one open-addressing table, so that a token costs one
/// probe whatever it turns out to be. Slots hold (hash fingerprint, entry index + 1).
#[derive(Default)]
struct WordTable {
    keys: Vec<&'static str>,
    entries: Vec<Entry>,
    slots: Vec<(u32, u32)>,
}

impl WordTable {
    /// Builds the table from (key, entry) pairs; a key given twice gets the union of its
    /// flags, the first canonical form and the first cluster.
    fn build(items: Vec<(&'static str, Entry)>) -> WordTable {
        // At most half full, so probe runs stay short.
        let size = (items.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            keys: Vec::with_capacity(items.len()),
            entries: Vec::with_capacity(items.len()),
            slots: vec![(0, 0); size],
        };
        for (key, entry) in items {
            let hash = word_hash(key);
            let slot = table.find_slot(key, hash);
            match table.slots[slot].1 {
                0 => {
                    table.keys.push(key);
                    table.entries.push(entry);
                    table.slots[slot] = (hash as u32, table.entries.len() as u32);
                }
                index => table.entries[index as usize - 1].merge(entry),
            }
        }
        table
    }

    /// The slot holding `word`, or the empty slot where it would go.
    #[inline]
    fn find_slot(&self, word: &str, hash: u64) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        let fingerprint = hash as u32;
        let mut slot = (hash >> 40) as usize & mask;
        loop {
            let (print, index) = self.slots[slot];
            if index == 0 || (print == fingerprint && self.keys[index as usize - 1] == word) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, word: &str) -> Option<&Entry> {
        if self.slots.is_empty() {
            return None;
        }
        let index = self.slots[self.find_slot(word, word_hash(word))].1;
        self.entries.get((index as usize).checked_sub(1)?)
    }
}

impl Entry {
    fn merge(&mut self, other: Entry) {
        self.flags |= other.flags;
        self.phrase_head |= other.phrase_head;
        self.canonical = self.canonical.or(other.canonical);
        if self.cluster == 0 {
            (self.cluster, self.rarity) = (other.cluster, other.rarity);
        }
    }
}

#[derive(Default)]
pub struct Lexicon {
    words: WordTable,
    /// Phrases by their first token, longest first.
    phrases: HashMap<&'static str, Vec<Phrase>, FxBuild>,
    /// Phrases by the stem of their first token, for inflected forms ("Weißen Hauses").
    phrase_stems: HashMap<&'static str, Vec<Phrase>, FxBuild>,
}

/// A name the tokenizer keeps whole: letters and digits with inner hyphens.
fn is_one_word(name: &str) -> bool {
    // One pass over ASCII bytes; the char-wise test only for names with other letters.
    let mut after_hyphen = true;
    for &b in name.as_bytes() {
        if b == b'-' {
            if after_hyphen {
                return false;
            }
            after_hyphen = true;
        } else if b.is_ascii_alphanumeric() {
            after_hyphen = false;
        } else if b.is_ascii() {
            return false;
        } else {
            return name
                .split('-')
                .all(|part| !part.is_empty() && part.chars().all(char::is_alphanumeric));
        }
    }
    !after_hyphen
}

/// `text` split at an ASCII byte (which is always a char boundary in UTF-8).
fn ascii_split(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(at) => {
                rest = Some(&current[at + 1..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// The cluster blob's word forms with their cluster and rarity (lines `@cluster rarity`
/// open a group; the forms follow, one a line).
fn read_clusters(blob: &'static str, words: &mut Vec<(&'static str, Entry)>) {
    let mut group = Entry::default();
    for line in ascii_split(blob, b'\n') {
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if let Some(numbers) = line.strip_prefix('@') {
            let mut numbers = ascii_split(numbers, b' ').map(|n| n.parse::<u32>().unwrap_or(0));
            group.cluster = numbers.next().unwrap_or(0).min(u16::MAX as u32) as u16;
            group.rarity = numbers.next().unwrap_or(0).min(u8::MAX as u32) as u8;
            continue;
        }
        words.push((line, group));
    }
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
            self.words.entries.len(),
            self.phrases.len()
        )
    }
}

impl Lexicon {
    /// The embedded lexicon, unpacked once per process.
    pub fn embedded() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(BLOB, CLUSTERS))
    }

    pub fn parse(blob: &'static str, clusters: &'static str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let mut words: Vec<(&'static str, Entry)> = Vec::new();
        let mut section = "";
        // Split on bytes: `str::lines`/`split` search char by char, which is most of the
        // start-up time in WebAssembly's baseline tier.
        for line in ascii_split(blob, b'\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.starts_with("//") || line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('@') {
                section = name;
                continue;
            }
            let mut cells = ascii_split(line, b'\t');
            let name = cells.next().unwrap_or("");
            let attrs = cells.next().unwrap_or("");
            let canonical = cells.next().filter(|c| !c.is_empty());
            let mut flags = match section {
                "place" => flag::PLACE,
                "org" => flag::ORG,
                "demonym" => 0,
                "given" => flag::GIVEN,
                "surname" => flag::SURNAME,
                "title" => flag::TITLE,
                "town" => flag::TOWN,
                _ => continue,
            };
            for c in attrs.chars() {
                flags |= match (section, c) {
                    (_, 'a') => flag::AMBIGUOUS,
                    (_, 'd') => flag::GERMAN_NAME,
                    ("place", 'C') => flag::COUNTRY,
                    ("place", 'S' | 'T') => flag::CITY,
                    ("demonym", 'j') => flag::DEMONYM_ADJ,
                    ("demonym", 'n') => flag::DEMONYM_NOUN,
                    ("demonym", 'p') => flag::DEMONYM_PREFIX,
                    ("title", 'h') => flag::HONORIFIC,
                    _ => 0,
                };
            }
            // "EU-" as a prefix is looked up by the hyphen part "EU".
            let name = name.strip_suffix('-').unwrap_or(name);
            let entry = Entry {
                flags,
                canonical,
                ..Entry::default()
            };
            if is_one_word(name) {
                words.push((name, entry));
            } else {
                lexicon.insert_phrase(name, entry, &mut words);
            }
        }
        read_clusters(clusters, &mut words);
        lexicon.words = WordTable::build(words);
        for phrases in lexicon.phrases.values() {
            for phrase in phrases {
                lexicon
                    .phrase_stems
                    .entry(inflection_stem(phrase.tokens[0]))
                    .or_default()
                    .push(phrase.clone());
            }
        }
        for phrases in lexicon
            .phrases
            .values_mut()
            .chain(lexicon.phrase_stems.values_mut())
        {
            phrases.sort_by(|a, b| {
                b.tokens
                    .len()
                    .cmp(&a.tokens.len())
                    .then(a.tokens.cmp(&b.tokens))
            });
        }
        lexicon
    }

    /// A name of several tokens goes to the phrase table; its first token is marked as a
    /// phrase head (a name the tokenizer splits into one token is a plain word).
    fn insert_phrase(
        &mut self,
        name: &'static str,
        entry: Entry,
        words: &mut Vec<(&'static str, Entry)>,
    ) {
        let tokens: Vec<&'static str> = tokenize(name)
            .iter()
            .map(|t| &name[t.start..t.end])
            .collect();
        match tokens.len() {
            0 => {}
            1 => words.push((tokens[0], entry)),
            _ => {
                let head = Entry {
                    phrase_head: true,
                    ..Entry::default()
                };
                words.push((tokens[0], head));
                let phrases = self.phrases.entry(tokens[0]).or_default();
                if let Some(known) = phrases.iter_mut().find(|p| p.tokens == tokens) {
                    known.entry.flags |= entry.flags;
                } else {
                    phrases.push(Phrase { tokens, entry });
                }
            }
        }
    }

    /// What the lexicons and the cluster table know about one token: one probe.
    #[inline]
    pub fn word(&self, word: &str) -> Entry {
        self.words.get(word).copied().unwrap_or_default()
    }

    pub fn flags(&self, word: &str) -> u16 {
        self.word(word).flags
    }

    /// The longest phrase that starts at `words[0]`.
    pub fn phrase_at(&self, words: &[&str]) -> Option<&Phrase> {
        let candidates = self.phrases.get(*words.first()?)?;
        candidates
            .iter()
            .find(|p| p.tokens.len() <= words.len() && p.tokens[..] == words[..p.tokens.len()])
    }

    /// Like [`phrase_at`](Self::phrase_at), but every token may carry another inflection
    /// ending ("Weißen Hauses" for "Weißes Haus").
    pub fn inflected_phrase_at(&self, words: &[&str]) -> Option<&Phrase> {
        let first = words.first()?;
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let candidates = self.phrase_stems.get(inflection_stem(first))?;
        candidates.iter().find(|p| {
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
        assert_eq!(lexicon.word("japanische").canonical, Some("Japan"));
    }

    #[test]
    fn one_words_and_byte_splits() {
        let cases: &[(&str, bool)] = &[
            ("Berlin", true),
            ("Baden-Baden", true),
            ("G7", true),
            ("Zürich", true),
            ("Sankt Gallen", false),
            ("-EU", false),
            ("EU-", false),
            ("a--b", false),
            ("Ré-union", true),
            ("St.", false),
            ("", false),
        ];
        for &(name, expected) in cases {
            assert_eq!(is_one_word(name), expected, "{name:?}");
        }
        let split = |text, at| ascii_split(text, at).collect::<Vec<_>>();
        assert_eq!(split("a\tb\t", b'\t'), ["a", "b", ""]);
        assert_eq!(split("Zürich\nGenf", b'\n'), ["Zürich", "Genf"]);
        assert_eq!(split("", b'\n'), [""]);
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
            let found = lexicon.inflected_phrase_at(words).map(|p| p.tokens.clone());
            assert_eq!(found.as_deref(), *expected, "{words:?}");
        }
        assert_eq!(inflection_stem("Hauses"), inflection_stem("Haus"));
    }

    #[test]
    fn parses_sections_and_attributes() {
        let lexicon = Lexicon::parse(
            "// comment\n@place\nEssen\tTa\n@org\nEU\t\tEuropäische Union\n@demonym\nEU-\tp\tEuropäische Union\n",
            "// comment\n@40 9\nEssen\nTrump\n@208 12\nTokio\n",
        );
        assert_eq!(
            lexicon.flags("Essen"),
            flag::PLACE | flag::CITY | flag::AMBIGUOUS
        );
        assert_eq!(lexicon.flags("EU"), flag::ORG | flag::DEMONYM_PREFIX);
        assert_eq!(lexicon.word("EU").canonical, Some("Europäische Union"));
        let clustered = |w: &str| (lexicon.word(w).cluster, lexicon.word(w).rarity);
        assert_eq!(clustered("Essen"), (40, 9));
        assert_eq!(clustered("Tokio"), (208, 12));
        assert_eq!(clustered("Berlin"), (0, 0));
        assert_eq!(lexicon.flags("Trump"), 0);
    }
}

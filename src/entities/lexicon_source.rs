//! The lexicon's sources (`src/generated/lexicon.txt`, `clusters.txt`, embedded in the module)
//! read into the word table and the phrase tables, once per process.

use std::collections::BTreeMap;

use super::lexicon::{flag, inflection_stem, Entry, Lexicon, Phrase, PhraseFacts, PhraseTables};
use super::word_table::{self, WordTable};
use crate::text::tokenize;

/// Everything the lexicon sources say, in source order.
pub struct Source {
    /// One-word keys with their facts (a key may come more than once: the table unites them).
    pub words: Vec<(&'static str, Entry)>,
    /// One-word keys with a main spelling, in source order (the first one counts).
    pub canonical: Vec<(&'static str, &'static str)>,
    /// Names of several tokens by first token; a name given twice unites its flags.
    phrases: BTreeMap<&'static str, Vec<(Vec<&'static str>, PhraseFacts)>>,
}

/// Reads the lexicon blob (format in xtask/src/lexicon.rs) and the cluster blob (format in
/// xtask/src/clusters.rs).
pub fn read(blob: &'static str, clusters: &'static str) -> Source {
    let mut source = Source {
        words: Vec::new(),
        canonical: Vec::new(),
        phrases: BTreeMap::new(),
    };
    let mut section = "";
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
        let facts = PhraseFacts { flags, canonical };
        if is_one_word(name) {
            source.add_word(name, facts);
        } else {
            source.add_phrase(name, facts);
        }
    }
    read_clusters(clusters, &mut source.words);
    source
}

impl Source {
    fn add_word(&mut self, key: &'static str, facts: PhraseFacts) {
        let entry = Entry {
            flags: facts.flags,
            ..Entry::default()
        };
        self.words.push((key, entry));
        if let Some(canonical) = facts.canonical {
            self.canonical.push((key, canonical));
        }
    }

    /// A name the tokenizer splits into several tokens goes to the phrase table and marks
    /// its first token as a phrase head; one token is a plain word.
    fn add_phrase(&mut self, name: &'static str, facts: PhraseFacts) {
        let tokens: Vec<&'static str> = tokenize(name)
            .iter()
            .map(|t| &name[t.start..t.end])
            .collect();
        match tokens.len() {
            0 => {}
            1 => self.add_word(tokens[0], facts),
            _ => {
                let head = Entry {
                    phrase_head: true,
                    ..Entry::default()
                };
                self.words.push((tokens[0], head));
                let phrases = self.phrases.entry(tokens[0]).or_default();
                if let Some(known) = phrases.iter_mut().find(|p| p.0 == tokens) {
                    known.1.flags |= facts.flags;
                } else {
                    phrases.push((tokens, facts));
                }
            }
        }
    }

    /// The phrase and canonical tables, sorted as [`PhraseTables`] wants them.
    pub fn phrase_tables(&self) -> OwnedPhraseTables {
        let longest_first = |a: &Phrase, b: &Phrase| {
            b.tokens
                .len()
                .cmp(&a.tokens.len())
                .then(a.tokens.cmp(b.tokens))
        };
        let mut tables = OwnedPhraseTables::default();
        for (&head, group) in &self.phrases {
            let start = tables.phrases.len() as u32;
            let mut group: Vec<Phrase> = group
                .iter()
                .map(|(tokens, facts)| Phrase {
                    tokens: Vec::leak(tokens.clone()),
                    entry: *facts,
                })
                .collect();
            group.sort_by(longest_first);
            tables.phrases.extend(group);
            tables
                .heads
                .push((head, start, tables.phrases.len() as u32));
        }
        let mut by_stem: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for (k, phrase) in tables.phrases.iter().enumerate() {
            let stem = inflection_stem(phrase.tokens[0]);
            by_stem.entry(stem).or_default().push(k as u32);
        }
        for (stem, mut members) in by_stem {
            members.sort_by(|&a, &b| {
                longest_first(&tables.phrases[a as usize], &tables.phrases[b as usize])
            });
            let start = tables.stem_members.len() as u32;
            tables.stem_members.extend(members);
            tables
                .stems
                .push((stem, start, tables.stem_members.len() as u32));
        }
        let mut canonical: BTreeMap<&'static str, &'static str> = BTreeMap::new();
        for &(key, main) in &self.canonical {
            canonical.entry(key).or_insert(main);
        }
        tables.canonical = canonical.into_iter().collect();
        tables
    }
}

/// [`PhraseTables`] while they are built.
#[derive(Default)]
pub struct OwnedPhraseTables {
    pub phrases: Vec<Phrase>,
    pub heads: Vec<(&'static str, u32, u32)>,
    pub stem_members: Vec<u32>,
    pub stems: Vec<(&'static str, u32, u32)>,
    pub canonical: Vec<(&'static str, &'static str)>,
}

impl OwnedPhraseTables {
    /// The tables for the program's lifetime (tests and tools build a lexicon once).
    pub fn leak(self) -> PhraseTables {
        PhraseTables {
            phrases: Vec::leak(self.phrases),
            heads: Vec::leak(self.heads),
            stem_members: Vec::leak(self.stem_members),
            stems: Vec::leak(self.stems),
            canonical: Vec::leak(self.canonical),
        }
    }
}

/// The lexicon `cargo xtask gen` wrote into `src/generated/`.
const LEXICON_TXT: &str = include_str!("../generated/lexicon.txt");
const CLUSTERS_TXT: &str = include_str!("../generated/clusters.txt");

impl Lexicon {
    /// The embedded lexicon, built on first use and kept for the process.
    pub fn embedded() -> &'static Lexicon {
        static EMBEDDED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        EMBEDDED.get_or_init(|| lexicon_of(LEXICON_TXT, CLUSTERS_TXT))
    }
}

/// A lexicon built from source texts (its tables live as long as the program).
pub fn lexicon_of(blob: &'static str, clusters: &'static str) -> Lexicon {
    let source = read(blob, clusters);
    let words = word_table::encode(&source.words, "built from source").unwrap_or_default();
    Lexicon::from_tables(
        WordTable::in_place(Vec::leak(words)),
        source.phrase_tables().leak(),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn parses_sections_and_attributes() {
        let lexicon = lexicon_of(
            "// comment\n@place\nEssen\tTa\n@org\nEU\t\tEuropäische Union\n@demonym\nEU-\tp\tEuropäische Union\n",
            "// comment\n@40 9\nEssen\nTrump\n@208 12\nTokio\n",
        );
        assert_eq!(
            lexicon.flags("Essen"),
            flag::PLACE | flag::CITY | flag::AMBIGUOUS
        );
        assert_eq!(lexicon.flags("EU"), flag::ORG | flag::DEMONYM_PREFIX);
        assert_eq!(lexicon.canonical("EU"), Some("Europäische Union"));
        let clustered = |w: &str| (lexicon.word(w).cluster, lexicon.word(w).rarity);
        assert_eq!(clustered("Essen"), (40, 9));
        assert_eq!(clustered("Tokio"), (208, 12));
        assert_eq!(clustered("Berlin"), (0, 0));
        assert_eq!(lexicon.flags("Trump"), 0);
    }
}

/// The embedded tables against plain maps built from the same sources: every key, and a
/// million strings that are not keys or are near them.
#[cfg(test)]
mod reference {
    use std::collections::HashMap;

    use super::*;

    /// What the table must answer: the facts of each key, united as the source order says.
    fn reference_map(source: &Source) -> HashMap<String, Entry> {
        let mut map: HashMap<String, Entry> = HashMap::new();
        for &(key, entry) in &source.words {
            map.entry(key.to_string())
                .and_modify(|known| {
                    known.flags |= entry.flags;
                    known.phrase_head |= entry.phrase_head;
                    if known.cluster == 0 {
                        (known.cluster, known.rarity) = (entry.cluster, entry.rarity);
                    }
                })
                .or_insert(entry);
        }
        map
    }

    /// xorshift64*: deterministic, so a failure can be replayed.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
        }
    }

    const LETTERS: &[char] = &[
        'a', 'b', 'e', 'h', 'i', 'n', 'r', 's', 't', 'u', 'z', 'ä', 'ö', 'ü', 'ß', 'A', 'Ä', 'S',
        'Ü', '-', '.', '0', 'é',
    ];

    /// A string near `key`: a prefix, an extension, a one-letter edit, another case, an
    /// umlaut spelled out or the all-caps form the tagger backs off from.
    fn near_miss(key: &str, rng: &mut Rng) -> String {
        let chars: Vec<char> = key.chars().collect();
        let n = chars.len();
        let at = rng.below(n);
        let letter = LETTERS[rng.below(LETTERS.len())];
        match rng.below(10) {
            0 => chars[..at].iter().collect(),
            1 => format!("{key}{letter}"),
            2 => {
                let mut edited = chars.clone();
                edited[at] = letter;
                edited.into_iter().collect()
            }
            3 => {
                let mut edited = chars.clone();
                edited.insert(at, letter);
                edited.into_iter().collect()
            }
            4 => {
                let mut edited = chars.clone();
                edited.remove(at);
                edited.into_iter().collect()
            }
            5 => key.to_uppercase(),
            6 => key.to_lowercase(),
            7 => {
                let lower = key.to_lowercase();
                let mut rest = lower.chars();
                let first = rest.next().map(|c| c.to_uppercase().to_string());
                first.unwrap_or_default() + rest.as_str()
            }
            8 => key
                .replace('ä', "ae")
                .replace('ö', "oe")
                .replace('ü', "ue")
                .replace("ss", "ß"),
            _ => format!("{key}{}", ["s", "es", "en", "n", "-", "er"][rng.below(6)]),
        }
    }

    #[test]
    fn word_table_answers_as_a_hash_map_does() {
        let source = read(LEXICON_TXT, CLUSTERS_TXT);
        let reference = reference_map(&source);
        let lexicon = Lexicon::embedded();
        assert!(reference.len() > 200_000, "{} keys", reference.len());
        assert_eq!(
            lexicon.words_len(),
            reference.len(),
            "the built table drops or adds keys"
        );
        for (key, expected) in &reference {
            assert_eq!(lexicon.word(key), *expected, "key {key:?}");
        }
        let keys: Vec<&String> = {
            let mut keys: Vec<&String> = reference.keys().collect();
            keys.sort_unstable();
            keys
        };
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut probes, mut misses) = (0, 0);
        while probes < 1_000_000 {
            let probe = if probes % 5 == 0 {
                let len = 1 + rng.below(12);
                (0..len)
                    .map(|_| LETTERS[rng.below(LETTERS.len())])
                    .collect()
            } else {
                near_miss(keys[rng.below(keys.len())], &mut rng)
            };
            let expected = reference.get(&probe).copied().unwrap_or_default();
            misses += usize::from(!reference.contains_key(&probe));
            assert_eq!(lexicon.word(&probe), expected, "probe {probe:?}");
            probes += 1;
        }
        assert!(misses > 500_000, "only {misses} probes were not keys");
    }

    #[test]
    fn phrase_tables_are_the_sources() {
        let source = read(LEXICON_TXT, CLUSTERS_TXT);
        let built = source.phrase_tables();
        let embedded = Lexicon::embedded().phrase_tables();
        assert_eq!(
            embedded.phrases,
            &built.phrases[..],
            "the built phrase tables differ from the sources"
        );
        assert_eq!(embedded.heads, &built.heads[..]);
        assert_eq!(embedded.stem_members, &built.stem_members[..]);
        assert_eq!(embedded.stems, &built.stems[..]);
        assert_eq!(embedded.canonical, &built.canonical[..]);
        assert!(built.phrases.len() > 5_000 && built.canonical.len() > 1_000);
    }
}

//! Mention grouping: mentions of one entity share an id ("Donald Trump", "Trump", "Trumps";
//! "Weißes Haus", "Weißen Hauses"), and each group gets its fullest name.

use std::collections::HashMap;

use super::features::hyphen_parts;
use super::lexicon::{flag, Lexicon};
use crate::annotations::{Entity, EntityGroup, EntityLabel};

/// Lower-cases and strips up to two inflection endings: "Hauses" → "hau", "Haus" → "hau",
/// "Weißen" → "weiß", "Trumps" → "trump". Crude, but the same for every form of a name.
pub fn stem(word: &str) -> String {
    let mut s = word.to_lowercase();
    for apostrophe in ["'s", "’s", "'", "’"] {
        if let Some(rest) = s.strip_suffix(apostrophe) {
            s = rest.to_string();
            break;
        }
    }
    for _ in 0..2 {
        let Some(ending) = ["es", "en", "er", "em", "e", "s", "n"]
            .into_iter()
            .find(|e| s.ends_with(e) && s[..s.len() - e.len()].chars().count() >= 3)
        else {
            break;
        };
        s.truncate(s.len() - ending.len());
    }
    s
}

fn stem_key(name: &str) -> String {
    name.split_whitespace()
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The nominative of a name whose last word is a genitive ("Deutschlands" → "Deutschland",
/// "Bundeskriminalamtes" → "Bundeskriminalamt", "Weißen Hauses" → "Weiße Haus"), or `None`
/// when it does not look like one. A word is a genitive when dropping its "-es" or "-s"
/// leaves a form the word table knows as more common than the word itself ("Reuters",
/// "Paris" and "Texas" stay); an adjective before it ("Weißen") drops its "-n" where the
/// word table knows the "-e" form (the nominative after "der", "die", "das").
pub fn nominative(name: &str, lexicon: &Lexicon) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let (last, before) = words.split_last()?;
    let commoner = |word: &str, stem: &str| {
        let (word, stem) = (lexicon.word(word), lexicon.word(stem));
        stem.rarity != 0 && (word.rarity == 0 || stem.rarity < word.rarity)
    };
    let uppercase = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !uppercase(last) {
        return None;
    }
    let head = ["es", "s"].into_iter().find_map(|ending| {
        let stem = last.strip_suffix(ending)?;
        (stem.chars().count() >= 3 && commoner(last, stem)).then_some(stem)
    })?;
    let mut out: Vec<&str> = before
        .iter()
        .map(|&w| match w.strip_suffix('n') {
            Some(stem) if uppercase(w) && stem.ends_with('e') && lexicon.word(stem).rarity != 0 => {
                stem
            }
            _ => w,
        })
        .collect();
    out.push(head);
    Some(out.join(" "))
}

/// The byte range of the part of a hyphenated compound that names something ("EU" of
/// "EU-Kommissar", "Nato" of "Nato-Gipfel"): the part the lexicons know, else the first.
/// `None` without an inner hyphen.
pub fn named_part(text: &str, lexicon: &Lexicon) -> Option<std::ops::Range<usize>> {
    let (first, last) = hyphen_parts(text)?;
    let known = |s: &str| lexicon.flags(s) & !(flag::TITLE | flag::AMBIGUOUS) != 0;
    Some(if !known(first) && known(last) {
        text.len() - last.len()..text.len()
    } else {
        0..first.len()
    })
}

/// The key a mention is grouped by, and a name to use when no full mention exists.
fn key_of(text: &str, label: EntityLabel, lexicon: &Lexicon) -> (String, Option<String>) {
    let canonical = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        lexicon
            .canonical(s)
            .or_else(|| {
                lexicon
                    .phrase_at(&words)
                    .or_else(|| lexicon.inflected_phrase_at(&words))
                    .filter(|p| p.tokens.len() == words.len())
                    .and_then(|p| p.entry.canonical)
            })
            .map(str::to_string)
    };
    let is_part = label.base() != label && label.as_str().ends_with("part");
    let is_deriv = label.base() != label && !is_part;
    if is_deriv {
        let entry = lexicon.word(text);
        if entry.flags & (flag::DEMONYM_ADJ | flag::DEMONYM_NOUN) != 0 {
            if let Some(place) = lexicon.canonical(text) {
                return (
                    stem_key(&canonical(place).unwrap_or(place.to_string())),
                    Some(place.to_string()),
                );
            }
        }
        return (stem_key(text), None);
    }
    if is_part {
        if let Some(range) = named_part(text, lexicon) {
            let part = &text[range];
            let name = canonical(part).unwrap_or(part.to_string());
            return (stem_key(&name), Some(name));
        }
        return (stem_key(text), None);
    }
    match canonical(text) {
        Some(c) => (stem_key(&c), None),
        None => (stem_key(text), None),
    }
}

/// Assigns `entity_id` to every mention (in order) and returns the groups, ordered by first
/// mention.
pub fn group(entities: &mut [Entity], lexicon: &Lexicon) -> Vec<EntityGroup> {
    let keys: Vec<(EntityLabel, String, Option<String>)> = entities
        .iter()
        .map(|e| {
            let (key, name) = key_of(&e.text, e.label, lexicon);
            (e.label.base(), key, name)
        })
        .collect();
    // A surname alone joins the full name that ends with it ("Trump" → "Donald Trump").
    // When several full names end with it, those starting with a known given name count;
    // if that still leaves more than one, the surname stays alone.
    let mut candidates: HashMap<&str, Vec<(&str, bool)>> = HashMap::new();
    for (i, (label, key, _)) in keys.iter().enumerate() {
        if *label == EntityLabel::Person {
            if let Some((_, last)) = key.rsplit_once(' ') {
                let list = candidates.entry(last).or_default();
                if !list.iter().any(|(k, _)| *k == key) {
                    let first_word = entities[i].text.split_whitespace().next().unwrap_or("");
                    let given = lexicon.flags(first_word) & flag::GIVEN != 0;
                    list.push((key.as_str(), given));
                }
            }
        }
    }
    let full_names: HashMap<&str, Option<&str>> = candidates
        .into_iter()
        .map(|(last, list)| {
            let given: Vec<&str> = list.iter().filter(|c| c.1).map(|c| c.0).collect();
            let choice = match (list.len(), given.len()) {
                (1, _) => Some(list[0].0),
                (_, 1) => Some(given[0]),
                _ => None,
            };
            (last, choice)
        })
        .collect();
    let resolved: Vec<(EntityLabel, String)> = keys
        .iter()
        .map(|(label, key, _)| {
            let key = match full_names.get(key.as_str()) {
                Some(Some(full)) if *label == EntityLabel::Person && !key.contains(' ') => {
                    full.to_string()
                }
                _ => key.clone(),
            };
            (*label, key)
        })
        .collect();

    let mut ids: HashMap<(EntityLabel, String), usize> = HashMap::new();
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut fallback: Vec<String> = Vec::new();
    let mut counts: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, entity) in entities.iter_mut().enumerate() {
        let (label, key) = &resolved[i];
        let id = *ids.entry((*label, key.clone())).or_insert_with(|| {
            groups.push(EntityGroup {
                id: groups.len(),
                name: String::new(),
                label: *label,
                mentions: 0,
            });
            fallback.push(keys[i].2.clone().unwrap_or_else(|| entity.text.clone()));
            groups.len() - 1
        });
        entity.entity_id = id;
        groups[id].mentions += 1;
    }
    for (i, entity) in entities.iter().enumerate() {
        if entity.label == resolved[i].0 {
            *counts
                .entry((entity.entity_id, entity.text.as_str()))
                .or_default() += 1;
        }
    }
    // Per group: the mention with the most words, a nominative before a genitive, then the
    // most frequent.
    let mut best: Vec<Option<(usize, bool, usize, usize)>> = vec![None; groups.len()];
    for (i, entity) in entities.iter().enumerate() {
        let id = entity.entity_id;
        if entity.label != resolved[i].0 {
            continue;
        }
        let words = entity.text.split_whitespace().count();
        let nominative = nominative(&entity.text, lexicon).is_none();
        let freq = counts
            .get(&(id, entity.text.as_str()))
            .copied()
            .unwrap_or(0);
        let rank = (words, nominative, freq);
        if best[id].is_none_or(|(w, n, f, _)| rank > (w, n, f)) {
            best[id] = Some((words, nominative, freq, i));
        }
    }
    for (id, group) in groups.iter_mut().enumerate() {
        let name = match best[id] {
            Some((_, _, _, i)) => entities[i].text.clone(),
            None => fallback[id].clone(),
        };
        group.name = nominative(&name, lexicon).unwrap_or(name);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, label: &str) -> Entity {
        Entity {
            start: 0,
            end: text.len(),
            label: EntityLabel::parse(label).expect("label"),
            text: text.to_string(),
            entity_id: usize::MAX,
            figure_unit: false,
            flat: None,
        }
    }

    #[test]
    fn stems_inflected_forms_alike() {
        let same: &[&[&str]] = &[
            &["Haus", "Hauses"],
            &["Weiße", "Weißen", "Weißes"],
            &["Trump", "Trumps", "Trump's"],
            &["Japan", "Japans"],
            &["Müller", "Müllers"],
        ];
        for forms in same {
            let stems: Vec<String> = forms.iter().map(|f| stem(f)).collect();
            assert!(
                stems.windows(2).all(|w| w[0] == w[1]),
                "{forms:?} → {stems:?}"
            );
        }
        assert_ne!(stem("Japan"), stem("China"));
        assert_eq!(stem("Ems"), "ems");
    }

    #[test]
    fn groups_mentions_of_one_entity() {
        // (mentions, expected group index per mention, expected group names)
        // (mentions, group index per mention, group names)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [usize], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                &[("Donald Trump", "PER"), ("Trump", "PER"), ("Trumps", "PER")],
                &[0, 0, 0],
                &["Donald Trump"],
            ),
            (
                &[("Trump", "PER"), ("Donald Trump", "PER")],
                &[0, 0],
                &["Donald Trump"],
            ),
            (
                &[
                    ("Weißen Hauses", "ORG"),
                    ("Weiße Haus", "ORG"),
                    ("Weiße Haus", "ORG"),
                ],
                &[0, 0, 0],
                &["Weiße Haus"],
            ),
            (
                &[
                    ("Japan", "LOC"),
                    ("japanische", "LOCderiv"),
                    ("Japans", "LOC"),
                    ("China", "LOC"),
                ],
                &[0, 0, 0, 1],
                &["Japan", "China"],
            ),
            (&[("japanische", "LOCderiv")], &[0], &["Japan"]),
            // A merged pair ("bot Takaichi Trump an") does not hide the full name.
            (
                &[
                    ("Donald Trump", "PER"),
                    ("Takaichi Trump", "PER"),
                    ("Trump", "PER"),
                ],
                &[0, 1, 0],
                &["Donald Trump", "Takaichi Trump"],
            ),
            // Two people share a surname: the surname alone stays apart.
            (
                &[
                    ("Anna Schmidt", "PER"),
                    ("Paul Schmidt", "PER"),
                    ("Schmidt", "PER"),
                ],
                &[0, 1, 2],
                &["Anna Schmidt", "Paul Schmidt", "Schmidt"],
            ),
            // Same text, different classes: different entities.
            (
                &[("Paris", "LOC"), ("Paris", "PER")],
                &[0, 1],
                &["Paris", "Paris"],
            ),
            // Groups are named in the nominative, also when every mention is a genitive.
            (&[("Deutschlands", "LOC")], &[0], &["Deutschland"]),
            (
                &[
                    ("Bundeskriminalamts", "ORG"),
                    ("Bundeskriminalamtes", "ORG"),
                ],
                &[0, 0],
                &["Bundeskriminalamt"],
            ),
            (
                &[("Donald Trumps", "PER"), ("Trumps", "PER")],
                &[0, 0],
                &["Donald Trump"],
            ),
            (&[("Weißen Hauses", "ORG")], &[0], &["Weiße Haus"]),
            (
                &[("Deutschlands", "LOC"), ("Deutschland", "LOC")],
                &[0, 0],
                &["Deutschland"],
            ),
            // A name that merely ends in "s" keeps it.
            (
                &[("Reuters", "ORG"), ("Paris", "LOC"), ("Texas", "LOC")],
                &[0, 1, 2],
                &["Reuters", "Paris", "Texas"],
            ),
            (&[], &[], &[]),
        ];
        let lexicon = Lexicon::embedded();
        for (mentions, ids, names) in cases {
            let mut entities: Vec<Entity> = mentions.iter().map(|(t, l)| entity(t, l)).collect();
            let groups = group(&mut entities, lexicon);
            let got: Vec<usize> = entities.iter().map(|e| e.entity_id).collect();
            assert_eq!(&got, ids, "{mentions:?}");
            let got_names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
            assert_eq!(&got_names, names, "{mentions:?}");
            let total: usize = groups.iter().map(|g| g.mentions).sum();
            assert_eq!(total, mentions.len());
            assert!(groups
                .iter()
                .enumerate()
                .all(|(i, g)| g.id == i && g.label == g.label.base()));
        }
    }
}

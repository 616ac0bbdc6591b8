//! Whole names, found by the words around the tagger's mentions: an institution with its
//! place or group, a product with its model number, a title in quotation marks, a name in
//! each of its case endings, and an institution that acts.

use super::grouping;
use super::lexicon::{self, flag, Lexicon};
use crate::annotations::EntityLabel;
use crate::text::Document;

/// A mention as a range of token indices.
type TokenSpan = (std::ops::Range<usize>, EntityLabel);

/// Institutions named by their kind and place or group: the head noun's ending, and
/// whether a group in the genitive may follow ("Zentralrat der Muster").
const INSTITUTION_HEADS: &[(&str, bool)] = &[
    ("gericht", false),
    ("universität", false),
    ("hochschule", false),
    ("sparkasse", false),
    ("landratsamt", false),
    ("polizeipräsidium", false),
    ("staatsanwaltschaft", false),
    ("zentralrat", true),
    ("bundesverband", true),
    ("landesverband", true),
];

/// The first three characters of a word.
fn head(word: &str) -> &str {
    let end = word.char_indices().nth(3).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// Whether `word` ends with the lower-case `suffix`, its first letter in either case
/// ("Amtsgericht", "Gericht" for "gericht"), without allocating.
fn ends_with_ignoring_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// An institution with its place or group is one organisation: "Amtsgericht Kelbrück"
/// (the tagger often marks only the place), "Zentralrat der Muster".
pub(super) fn join_institutions(doc: &Document, lexicon: &Lexicon, found: &mut Vec<TokenSpan>) {
    let head_at = |i: usize| -> Option<bool> {
        let word = doc.token_text(i);
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        INSTITUTION_HEADS
            .iter()
            .find(|(head, _)| ends_with_ignoring_case(word, head))
            .map(|&(_, group)| group)
    };
    let capitalised = |i: usize| {
        i < doc.tokens.len()
            && doc
                .token_text(i)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let mut covered = vec![false; doc.tokens.len()];
    for (range, _) in found.iter() {
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
    }
    let mut joined: Vec<TokenSpan> = Vec::with_capacity(found.len());
    let mut spans = std::mem::take(found).into_iter().peekable();
    let mut i = 0;
    while i < doc.tokens.len() {
        // A head that no mention covers, followed by a place mention or "der/des" and a name.
        let head = (!covered[i]).then(|| head_at(i)).flatten();
        while let Some(span) = spans.next_if(|(r, _)| r.start <= i) {
            joined.push(span);
        }
        let Some(group) = head else {
            i += 1;
            continue;
        };
        let next = spans.peek().filter(|(r, _)| r.start == i + 1).cloned();
        let genitive = group
            && matches!(
                doc.token_text((i + 1).min(doc.tokens.len() - 1)),
                "der" | "des"
            )
            && capitalised(i + 2);
        // The place: a mention of one name (a place, or a place the tagger took for a
        // person), or a capitalised word the word table does not know.
        let place = next
            .filter(|(r, l)| l.base() == EntityLabel::Location || r.len() == 1)
            .map(|(r, _)| r.end)
            .or_else(|| {
                (capitalised(i + 1)
                    && !covered[i + 1]
                    && lexicon.word(doc.token_text(i + 1)).rarity == 0)
                    .then_some(i + 2)
            });
        if let Some(end) = place {
            spans.next_if(|(r, _)| r.start == i + 1);
            joined.push((i..end, EntityLabel::Organisation));
            i = end;
        } else if genitive {
            let mut end = i + 2;
            while capitalised(end) {
                end += 1;
            }
            // Mentions inside the group's name join it.
            while let Some((range, _)) = spans.next_if(|(r, _)| r.start < end) {
                end = end.max(range.end);
            }
            joined.push((i..end, EntityLabel::Organisation));
            i = end;
        } else {
            i += 1;
        }
    }
    joined.extend(spans);
    *found = joined;
}

/// Words after a model number that still belong to the product ("12 Pro", "Q7 Sport").
const MODEL_SUFFIXES: &[&str] = &[
    "Pro", "Plus", "Max", "Mini", "Ultra", "Air", "Lite", "Sport", "Edge", "Neo",
];

/// A product with a model number is OTH and takes its number in: "Airbus A380",
/// "Travexa X200", "Flinkly 12 Pro" (a bare number only with a model word after it, so
/// that "Schalke 04" stays a club).
pub(super) fn products_with_model_numbers(doc: &Document, found: &mut [TokenSpan]) {
    let n = doc.tokens.len();
    let text = |i: usize| if i < n { doc.token_text(i) } else { "" };
    let code = |w: &str| {
        w.len() <= 8
            && w.bytes().all(|b| b.is_ascii_alphanumeric())
            && w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes().any(|b| b.is_ascii_alphabetic())
    };
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let suffix = |i: usize| MODEL_SUFFIXES.contains(&text(i));
    for k in 0..found.len() {
        let (range, label) = found[k].clone();
        if label != label.base() || label == EntityLabel::Location {
            continue;
        }
        let inner_code = (range.start + 1..range.end).any(|i| code(text(i)));
        let mut end = range.end;
        let free = |i: usize| found.get(k + 1).is_none_or(|(r, _)| r.start > i);
        if free(end) && (code(text(end)) || number(text(end)) && suffix(end + 1)) {
            end += 1;
            while free(end) && suffix(end) {
                end += 1;
            }
        }
        if inner_code || end > range.end {
            found[k] = (range.start..end, EntityLabel::Other);
        }
    }
}

/// Nouns for works whose title follows in quotation marks ("der Film „Die stille Brücke“").
const WORK_NOUNS: &[&str] = &[
    "film",
    "buch",
    "lied",
    "serie",
    "album",
    "roman",
    "song",
    "titel",
    "stück",
    "sendung",
    "show",
    "spiel",
    "oper",
    "gedicht",
    "musical",
    "dokumentation",
    "single",
    "bestseller",
    "ausstellung",
    "podcast",
];

/// A title in quotation marks after a noun for a work is one OTH mention, whatever the
/// tagger made of its words.
pub(super) fn quoted_titles(doc: &Document) -> Vec<TokenSpan> {
    const MAX_TITLE_TOKENS: usize = 12;
    let mut titles: Vec<TokenSpan> = Vec::new();
    for q in 1..doc.tokens.len() {
        if !matches!(doc.token_text(q), "„" | "»" | "\"" | "“") {
            continue;
        }
        let before = doc.token_text(q - 1);
        let work = before.chars().next().is_some_and(char::is_uppercase) && {
            let lower = before.to_lowercase();
            WORK_NOUNS.iter().any(|noun| lower.ends_with(noun))
        };
        if !work {
            continue;
        }
        let close = (q + 2..doc.tokens.len().min(q + 2 + MAX_TITLE_TOKENS))
            .find(|&i| matches!(doc.token_text(i), "“" | "«" | "\"" | "”"));
        if let Some(close) = close {
            titles.push((q + 1..close, EntityLabel::Other));
        }
    }
    titles
}

/// One name, found everywhere in its text: a name of several words that the tagger found
/// once is also a mention where the same words stand in another case ("des Weißen Hauses"
/// after "das Weiße Haus"), if no mention covers them.
pub(super) fn propagate_inflected_names(doc: &Document, found: &mut Vec<TokenSpan>) {
    use std::collections::HashMap;
    let key = |range: std::ops::Range<usize>| -> Vec<String> {
        range.map(|i| grouping::stem(doc.token_text(i))).collect()
    };
    let mut names: HashMap<Vec<String>, EntityLabel, lexicon::FxBuild> = HashMap::default();
    for (range, label) in found.iter() {
        if range.len() >= 2 && *label == label.base() {
            names.entry(key(range.clone())).or_insert(*label);
        }
    }
    if names.is_empty() {
        return;
    }
    let lengths: std::collections::BTreeSet<usize> = names.keys().map(Vec::len).collect();
    // The first three characters of a name's first word (every case ending shares them),
    // so that most tokens are passed over without computing a stem.
    let firsts: std::collections::HashSet<&str, lexicon::FxBuild> = found
        .iter()
        .filter(|(range, label)| range.len() >= 2 && *label == label.base())
        .map(|(range, _)| head(doc.token_text(range.start)))
        .collect();
    let mut covered = vec![false; doc.tokens.len()];
    for (range, _) in found.iter() {
        covered[range.clone()].iter_mut().for_each(|c| *c = true);
    }
    let capitalised = |i: usize| {
        doc.token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut added = false;
    let mut i = 0;
    while i < doc.tokens.len() {
        let hit = (!covered[i] && capitalised(i) && firsts.contains(head(doc.token_text(i))))
            .then(|| {
                lengths.iter().rev().find_map(|&n| {
                    let end = i + n;
                    (end <= doc.tokens.len() && !covered[i..end].iter().any(|&c| c))
                        .then(|| names.get(&key(i..end)).map(|&label| (end, label)))
                        .flatten()
                })
            })
            .flatten();
        match hit {
            Some((end, label)) => {
                found.push((i..end, label));
                added = true;
                i = end;
            }
            None => i += 1,
        }
    }
    if added {
        found.sort_by_key(|(range, _)| range.start);
    }
}

/// Verbs of stating, as the start of the lower-cased word ("erklärte", "teilte … mit").
const STATING_VERBS: &[&str] = &[
    "erklär",
    "teilt",
    "sagt",
    "betont",
    "warnt",
    "bestätig",
    "kündigt",
    "forder",
    "kritisier",
    "dementier",
    "verkündet",
    "mitteilt",
    "bekräftig",
    "kommentier",
];

/// A place that the organisation lexicon also knows as an institution ("Weißes Haus") is an
/// organisation where it acts: it states something ("Das Weiße Haus erklärte", "erklärte das
/// Weiße Haus") or is a source ("nach Angaben des Weißen Hauses", "laut Weißem Haus").
pub(super) fn institutions_that_act(doc: &Document, lexicon: &Lexicon, found: &mut [TokenSpan]) {
    let stating = |i: usize| {
        let word = doc.token_text(i).to_lowercase();
        STATING_VERBS.iter().any(|verb| word.starts_with(verb))
    };
    let word = |i: Option<usize>| i.map_or("", |i| doc.token_text(i));
    for (range, label) in found.iter_mut() {
        if *label != EntityLabel::Location {
            continue;
        }
        let words: Vec<&str> = range.clone().map(|i| doc.token_text(i)).collect();
        let flags = match words.len() {
            1 => lexicon.flags(words[0]),
            n => lexicon
                .phrase_at(&words)
                .or_else(|| lexicon.inflected_phrase_at(&words))
                .filter(|p| p.tokens.len() == n)
                .map_or(0, |p| p.entry.flags),
        };
        if flags & flag::ORG == 0 || flags & flag::PLACE != 0 {
            continue;
        }
        let before = |k: usize| range.start.checked_sub(k);
        let after = (range.end < doc.tokens.len()).then_some(range.end);
        let acts = after.is_some_and(stating)
            || before(2).is_some_and(stating)
            || word(before(2)) == "Angaben"
            || matches!(word(before(1)), "laut" | "Laut");
        if acts {
            *label = EntityLabel::Organisation;
        }
    }
}

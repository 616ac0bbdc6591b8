//! Named entities: a sequence tagger over hashed features (with lexicon memberships) finds
//! GermEval 2014 mentions; a user's custom names override it; mentions are then grouped.

pub(crate) mod features;
pub(crate) mod grouping;
pub(crate) mod lexicon;
pub mod lexicon_source;
pub(crate) mod names;
pub(crate) mod phrase_table;
pub(crate) mod tagger;
mod whole_names;
pub(crate) mod word_table;

use std::sync::OnceLock;

use crate::annotations::{Entity, EntityGroup, EntityLabel, FlatSpan};
use crate::dateline::dateline_at;
use crate::error::Error;
use crate::text::Document;
use features::{Extractor, Features};
use lexicon::{flag, Lexicon};
use names::CustomNames;
use tagger::{Model, Scratch};

/// The trained weights (`cargo xtask train ner`), read in place; an empty file means "no
/// model yet".
const MODEL: &[u8] = include_bytes!("../../model/ner.bin");

/// Sentences longer than this are tagged in pieces, so memory stays bounded.
const MAX_SENTENCE_TOKENS: usize = 400;

/// A mention as a range of token indices.
type TokenSpan = (std::ops::Range<usize>, EntityLabel);

/// The embedded model, laid out when the program is compiled (its weights read in place).
pub fn embedded_model() -> &'static Model {
    static EMBEDDED: Model = Model::in_place(MODEL);
    &EMBEDDED
}

/// The entity layer alone on `text`, for timing it (`cargo xtask eval ner --speed`).
pub fn recognize_text(text: &str) -> Vec<Entity> {
    static RECOGNIZER: OnceLock<Recognizer> = OnceLock::new();
    let recognizer = RECOGNIZER.get_or_init(Recognizer::new);
    recognizer.recognize(&Document::new(text)).0
}

#[derive(Debug)]
pub(crate) struct Recognizer {
    lexicon: &'static Lexicon,
    model: &'static Model,
    names: CustomNames,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {
            lexicon: Lexicon::embedded(),
            model: embedded_model(),
            names: CustomNames::default(),
        }
    }

    /// Adds custom names (`name<TAB>label` lines); they replace any earlier list.
    pub fn with_names(mut self, tsv: &str) -> Result<Recognizer, Error> {
        self.names = CustomNames::parse(tsv)?;
        Ok(self)
    }

    /// The mentions, grouped: [`mentions`](Self::mentions) then [`group`](Self::group).
    pub fn recognize(&self, doc: &Document) -> (Vec<Entity>, Vec<EntityGroup>) {
        let mut entities = self.mentions(doc);
        let groups = self.group(&mut entities);
        (entities, groups)
    }

    /// The mentions in text order, not yet grouped (`entity_id` 0): the pipeline settles
    /// overlaps with figures and quotes first, so that groups count only what stays.
    pub fn mentions(&self, doc: &Document) -> Vec<Entity> {
        let mut spans = self.tag(doc);
        override_spans(&mut spans, dateline_spans(doc));
        override_spans(&mut spans, self.names.find(doc));
        spans
            .into_iter()
            .map(|(range, label)| {
                let start = doc.tokens[range.start].start;
                let end = doc.tokens[range.end - 1].end;
                let text = &doc.text[start..end];
                Entity {
                    start,
                    end,
                    label,
                    text: text.to_string(),
                    entity_id: 0,
                    figure_unit: false,
                    flat: Some(flat_view(text, start, label, self.lexicon)),
                }
            })
            .collect()
    }

    /// Gives every mention its `entity_id` and returns the groups, ordered by first mention.
    pub fn group(&self, entities: &mut [Entity]) -> Vec<EntityGroup> {
        grouping::group(entities, self.lexicon)
    }

    /// The model's mentions as token ranges.
    fn tag(&self, doc: &Document) -> Vec<TokenSpan> {
        let mut found = Vec::new();
        if self.model.is_empty() {
            return found;
        }
        let mut extractor = Extractor::new();
        let mut features = Features::default();
        let mut scratch = Scratch::default();
        let mut tags = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for sentence in &doc.sentences {
            let mut start = sentence.start;
            while start < sentence.end {
                let end = (start + MAX_SENTENCE_TOKENS).min(sentence.end);
                words.clear();
                words.extend((start..end).map(|i| doc.token_text(i)));
                extractor.extract(&words, self.lexicon, &mut features);
                self.model.tag(&features, &mut scratch, &mut tags);
                for (range, label) in tagger::spans(&tags) {
                    found.push((start + range.start..start + range.end, label));
                }
                start = end;
            }
        }
        // One name, one label, per text (the tagger sees one sentence at a time).
        split_adjacent_people(doc, &mut found);
        join_spaced_compounds(doc, &mut found);
        trim_punctuation(doc, &mut found);
        whole_names::join_institutions(doc, self.lexicon, &mut found);
        whole_names::products_with_model_numbers(doc, &mut found);
        override_spans(&mut found, whole_names::quoted_titles(doc));
        propagate_surnames(doc, &mut found);
        whole_names::propagate_inflected_names(doc, &mut found);
        whole_names::institutions_that_act(doc, self.lexicon, &mut found);
        harmonise_labels(doc, &mut found);
        drop_unsupported_people(doc, self.lexicon, &mut found);
        found
    }
}

/// A mention in four classes: a derivation keeps its span ("deutsche" is LOC), a part of
/// a hyphenated compound becomes the part that names something ("EU" of "EU-Kommissar").
fn flat_view(text: &str, start: usize, label: EntityLabel, lexicon: &Lexicon) -> FlatSpan {
    let base = label.base();
    let is_part = base != label && label.as_str().ends_with("part");
    let part = is_part
        .then(|| grouping::named_part(text, lexicon))
        .flatten()
        .unwrap_or(0..text.len());
    FlatSpan {
        start: start + part.start,
        end: start + part.end,
        label: base,
    }
}

/// Replaces the spans that overlap any of `winners` (disjoint among themselves) by the
/// winners. Sorted winners have sorted ends, so the last one starting before a span ends is
/// the only one that can reach into it: a binary search per span.
fn override_spans(spans: &mut Vec<TokenSpan>, mut winners: Vec<TokenSpan>) {
    if winners.is_empty() {
        return;
    }
    winners.sort_by_key(|(range, _)| range.start);
    spans.retain(|(range, _)| {
        let before_end = winners.partition_point(|(w, _)| w.start < range.end);
        before_end
            .checked_sub(1)
            .is_none_or(|last| winners[last].0.end <= range.start)
    });
    spans.extend(winners);
    spans.sort_by_key(|(range, _)| range.start);
}

/// Places (LOC) and agencies (ORG) of the datelines that open paragraphs, as token ranges.
fn dateline_spans(doc: &Document) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    for paragraph in &doc.paragraphs {
        let Some(first) = doc.tokens.get(paragraph.start) else {
            continue;
        };
        let Some(dateline) = dateline_at(doc.text, first.start) else {
            continue;
        };
        let tokens = &doc.tokens[paragraph.clone()];
        let labelled = (dateline.places.iter().map(|s| (s, EntityLabel::Location))).chain(
            dateline
                .agencies
                .iter()
                .map(|s| (s, EntityLabel::Organisation)),
        );
        for (span, label) in labelled {
            let from = tokens.partition_point(|t| t.start < span.start);
            let to = tokens.partition_point(|t| t.end <= span.end);
            if from < to {
                out.push((paragraph.start + from..paragraph.start + to, label));
            }
        }
    }
    out
}

/// A compound written with a spaced hyphen-minus is one name ("Baden - Württemberg", as
/// text converted from other formats often has it): two mentions of one label joined by
/// " - " become one. A dash ("–", "—") separates, so it joins nothing.
fn join_spaced_compounds(doc: &Document, found: &mut Vec<TokenSpan>) {
    let mut joined: Vec<TokenSpan> = Vec::with_capacity(found.len());
    for (range, label) in found.drain(..) {
        if let Some((previous, previous_label)) = joined.last_mut() {
            let hyphen = previous.end;
            if *previous_label == label
                && range.start == hyphen + 1
                && doc.token_text(hyphen) == "-"
                && doc.space_before(hyphen)
                && doc.space_before(hyphen + 1)
            {
                previous.end = range.end;
                continue;
            }
        }
        joined.push((range, label));
    }
    *found = joined;
}

/// A name neither starts nor ends with a dash, a quotation mark or a comma ("US -" in
/// "US - Präsident" is "US"); other marks stay ("St.", "Yahoo!"), and so does a closing
/// parenthesis whose partner is inside. A mention of punctuation only goes.
fn trim_punctuation(doc: &Document, found: &mut Vec<TokenSpan>) {
    let strippable = |i: usize, range: &std::ops::Range<usize>, at_end: bool| {
        if doc.tokens[i].kind != crate::text::TokenKind::Punct {
            return false;
        }
        match doc.token_text(i) {
            "-" | "–" | "—" | "„" | "“" | "”" | "\"" | "«" | "»" | "‚" | "‘" | "," | ";" | ":" => {
                true
            }
            ")" if at_end => !(range.start..i).any(|j| doc.token_text(j) == "("),
            _ => false,
        }
    };
    for (range, _) in found.iter_mut() {
        while range.start < range.end && strippable(range.end - 1, range, true) {
            range.end -= 1;
        }
        while range.start < range.end && strippable(range.start, range, false) {
            range.start += 1;
        }
    }
    found.retain(|(range, _)| range.start < range.end);
}

/// Surnames of the text: the last word of each person mentioned with two or more words.
fn known_surnames<'t>(
    doc: &Document<'t>,
    found: &[TokenSpan],
) -> std::collections::HashSet<&'t str, lexicon::FxBuild> {
    found
        .iter()
        .filter(|(range, label)| *label == EntityLabel::Person && range.len() >= 2)
        .map(|(range, _)| doc.token_text(range.end - 1))
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

/// Two people named side by side are two mentions: "bot Takaichi Trump auch" is cut after
/// "Takaichi" when the text names "Sanae Takaichi" and "Donald Trump" elsewhere (the tagger,
/// one sentence at a time, reads the pair as one name). A known person's genitive ends a
/// name: "Trumps Asien-Reise" keeps "Trumps" and drops the rest, whose label is unknown.
fn split_adjacent_people(doc: &Document, found: &mut Vec<TokenSpan>) {
    use std::collections::HashMap;
    // How many full names end in each surname, so that a mention can leave itself out.
    let mut surnames: HashMap<&str, u32, lexicon::FxBuild> = HashMap::default();
    for (range, label) in found.iter() {
        if *label == EntityLabel::Person && range.len() >= 2 {
            *surnames.entry(doc.token_text(range.end - 1)).or_default() += 1;
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut cuts = Vec::new();
    for (index, (range, label)) in found.iter().enumerate() {
        if *label != EntityLabel::Person || range.len() < 2 {
            continue;
        }
        let last = doc.token_text(range.end - 1);
        let known_elsewhere = |i: usize| {
            let word = doc.token_text(i);
            let own = u32::from(word == last);
            surnames.get(word).is_some_and(|&n| n > own)
        };
        let genitive_of_known = |i: usize| {
            features::genitive_stem(doc.token_text(i))
                .is_some_and(|stem| surnames.contains_key(stem))
        };
        for k in range.start + 1..range.end {
            if known_elsewhere(k - 1) && known_elsewhere(range.end - 1) {
                cuts.push((index, k, true));
                break;
            }
            if genitive_of_known(k - 1) {
                cuts.push((index, k, false));
                break;
            }
        }
    }
    for &(index, cut, keep_rest) in cuts.iter().rev() {
        let (range, label) = found[index].clone();
        found[index] = (range.start..cut, label);
        if keep_rest {
            found.insert(index + 1, (cut..range.end, label));
        }
    }
}

/// One name, one label, per text: a mention labelled otherwise than most mentions of the
/// same words (or, for one word, of its genitive) takes their label; the last word of a
/// person's full name counts as that person ("Takaichis" after "Sanae Takaichi").
fn harmonise_labels(doc: &Document, found: &mut [TokenSpan]) {
    use std::collections::HashMap;
    const LABELS: [EntityLabel; 4] = [
        EntityLabel::Person,
        EntityLabel::Location,
        EntityLabel::Organisation,
        EntityLabel::Other,
    ];
    let slot = |label: EntityLabel| LABELS.iter().position(|&l| l == label);
    let mention_text = |range: &std::ops::Range<usize>| {
        let (start, end) = (doc.tokens[range.start].start, doc.tokens[range.end - 1].end);
        &doc.text[start..end]
    };
    let mut votes: HashMap<&str, [u32; 4], lexicon::FxBuild> = HashMap::default();
    for (range, label) in found.iter() {
        let Some(slot) = slot(*label) else {
            continue;
        };
        let text = mention_text(range);
        votes.entry(text).or_default()[slot] += 1;
        if names_a_company(doc, range) {
            votes.entry(text).or_default()[2] += 2;
        }
        if names_a_vehicle(doc, range) {
            votes.entry(text).or_default()[3] += 2;
        }
        if *label == EntityLabel::Person && range.len() >= 2 {
            // A full name outweighs a stray label of its surname.
            votes.entry(doc.token_text(range.end - 1)).or_default()[0] += 2;
        }
    }
    for (range, label) in found.iter_mut() {
        if slot(*label).is_none() {
            continue;
        }
        let text = mention_text(range);
        let mut tally = votes.get(text).copied().unwrap_or_default();
        if range.len() == 1 {
            if let Some(more) = features::genitive_stem(text)
                .filter(|stem| stem.len() + 1 == text.len())
                .and_then(|stem| votes.get(stem))
            {
                tally.iter_mut().zip(more).for_each(|(t, m)| *t += m);
            }
        }
        let total: u32 = tally.iter().sum();
        if let Some((best, &count)) = tally.iter().enumerate().max_by_key(|(_, &c)| c) {
            if 2 * count > total {
                *label = LABELS[best];
            }
        }
    }
}

/// Legal forms that follow a company's name ("Zorbex GmbH").
const LEGAL_FORMS: &[&str] = &[
    "GmbH", "AG", "SE", "KG", "KGaA", "OHG", "Inc", "Ltd", "Corp", "Co", "plc", "LLC", "Holding",
    "Group",
];

/// Nouns for kinds of company that stand before a company's name ("der Schokoladenhersteller
/// Zorbex"), as the end of the word before it.
const COMPANY_NOUNS: &[&str] = &[
    "konzern",
    "hersteller",
    "unternehmen",
    "händler",
    "handelskette",
    "anbieter",
    "versicherer",
    "zulieferer",
    "discounter",
    "dienstleister",
    "firma",
    "tochter",
    "produzent",
    "betreiber",
    "fluggesellschaft",
    "airline",
    "autobauer",
    "versandhändler",
    "start-up",
    "startup",
];

/// Whether the words around a mention say it names a company: a legal form after it, or a
/// kind of company right before it.
fn names_a_company(doc: &Document, range: &std::ops::Range<usize>) -> bool {
    let after = (range.end < doc.tokens.len()).then(|| doc.token_text(range.end));
    if after.is_some_and(|w| LEGAL_FORMS.contains(&w)) {
        return true;
    }
    let Some(before) = range.start.checked_sub(1).map(|i| doc.token_text(i)) else {
        return false;
    };
    if !before.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower = before.to_lowercase();
    COMPANY_NOUNS.iter().any(|noun| lower.ends_with(noun))
}

/// Nouns for kinds of vehicle that stand before a vehicle's own name ("der Flugzeugträger
/// X"): such names are OTH, whatever person or place they are named after.
const VEHICLE_NOUNS: &[&str] = &[
    "flugzeugträger",
    "schiff",
    "zerstörer",
    "fregatte",
    "u-boot",
    "tanker",
    "frachter",
    "raumsonde",
    "raumschiff",
    "rakete",
    "satellit",
    "lokomotive",
];

/// Whether a kind of vehicle stands right before a mention.
fn names_a_vehicle(doc: &Document, range: &std::ops::Range<usize>) -> bool {
    let Some(before) = range.start.checked_sub(1).map(|i| doc.token_text(i)) else {
        return false;
    };
    let lower = before.to_lowercase();
    before.chars().next().is_some_and(char::is_uppercase)
        && VEHICLE_NOUNS.iter().any(|noun| lower.ends_with(noun))
}

/// Sentences a text needs before it counts as an article, where people are introduced by
/// their full name before a surname stands alone.
const ARTICLE_SENTENCES: usize = 3;

/// No guessing: in an article, a one-word person needs evidence. A full name elsewhere in
/// the text ending in it, a title or form of address before it ("Kanzlerin", "Herr"), or a
/// lexicon's given name or surname is evidence; without any, the word is a company where
/// the words around it say so ("der Autobauer X") and no name otherwise. A single sentence
/// (a headline, a caption) has no such context, so the tagger's word stands there.
fn drop_unsupported_people(doc: &Document, lexicon: &Lexicon, found: &mut Vec<TokenSpan>) {
    let lone_person =
        |(range, label): &TokenSpan| *label == EntityLabel::Person && range.len() == 1;
    if doc.sentences.len() < ARTICLE_SENTENCES || !found.iter().any(lone_person) {
        return;
    }
    let surnames = known_surnames(doc, found);
    let supported = |i: usize| {
        let word = doc.token_text(i);
        let stem = features::genitive_stem(word).unwrap_or(word);
        let name_flags = flag::GIVEN | flag::SURNAME;
        let before = i
            .checked_sub(1)
            .map_or(0, |j| lexicon.flags(doc.token_text(j)));
        surnames.contains(word)
            || surnames.contains(stem)
            || before & (flag::TITLE | flag::HONORIFIC) != 0
            || (lexicon.flags(word) | lexicon.flags(stem)) & name_flags != 0
    };
    found.retain_mut(|(range, label)| {
        if *label != EntityLabel::Person || range.len() != 1 || supported(range.start) {
            return true;
        }
        if names_a_company(doc, range) {
            *label = EntityLabel::Organisation;
            return true;
        }
        false
    });
}

/// Document-level consistency: once "Donald Trump" is a person, a lone "Trump" or
/// "Trumps" elsewhere in the text that the tagger left untagged is the same person (the
/// tagger sees one sentence at a time and misses many such short mentions).
fn propagate_surnames(doc: &Document, found: &mut Vec<TokenSpan>) {
    let surnames = known_surnames(doc, found);
    if surnames.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for (range, _) in found.iter() {
        for slot in &mut covered[range.clone()] {
            *slot = true;
        }
    }
    let mut added = false;
    for (i, is_covered) in covered.iter().enumerate() {
        let word = doc.token_text(i);
        if *is_covered || !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let base = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .or_else(|| word.strip_suffix('s'))
            .filter(|b| surnames.contains(b));
        if surnames.contains(word) || base.is_some() {
            found.push((i..i + 1, EntityLabel::Person));
            added = true;
        }
    }
    if added {
        found.sort_by_key(|(range, _)| range.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_decodes() {
        assert!(
            !embedded_model().is_empty(),
            "model/ner.bin does not decode"
        );
    }

    #[test]
    fn custom_names_win_over_the_model_and_are_grouped() {
        let recognizer = Recognizer::new()
            .with_names("Zorbel Quax\tPER\nQuax\tPER\nHimmelsbank\tORG\n")
            .expect("valid list");
        let text = "Zorbel Quax sprach mit der Himmelsbank. Quax lachte.";
        let doc = Document::new(text);
        let (entities, groups) = recognizer.recognize(&doc);
        let found: Vec<(&str, &str, usize)> = entities
            .iter()
            .map(|e| (e.text.as_str(), e.label.as_str(), e.entity_id))
            .collect();
        for expected in [
            ("Zorbel Quax", "PER"),
            ("Himmelsbank", "ORG"),
            ("Quax", "PER"),
        ] {
            assert!(
                found.iter().any(|(t, l, _)| (*t, *l) == expected),
                "{expected:?} in {found:?}"
            );
        }
        let id_of = |name: &str| found.iter().find(|(t, _, _)| *t == name).map(|f| f.2);
        assert_eq!(id_of("Zorbel Quax"), id_of("Quax"));
        assert!(groups
            .iter()
            .any(|g| g.name == "Zorbel Quax" && g.mentions == 2));
    }

    #[test]
    fn surnames_of_found_people_are_propagated() {
        // (tagger output as (first token, token count), expected extra single-token persons)
        type Case<'a> = (&'a str, &'a [(usize, usize)], &'a [usize]);
        let cases: &[Case] = &[
            (
                "Anna Quell kam . Quell lachte , Quells Hund auch .",
                &[(0, 2)],
                &[4, 7],
            ),
            ("Quell kam . Quell lachte .", &[(0, 1)], &[]),
            ("Anna Quell kam . quell lachte .", &[(0, 2)], &[]),
        ];
        for (text, tagged, extra) in cases {
            let doc = Document::new(text);
            let mut found: Vec<_> = tagged
                .iter()
                .map(|&(s, n)| (s..s + n, EntityLabel::Person))
                .collect();
            propagate_surnames(&doc, &mut found);
            let added: Vec<usize> = found
                .iter()
                .filter(|(r, _)| !tagged.iter().any(|&(s, _)| s == r.start))
                .map(|(r, _)| r.start)
                .collect();
            assert_eq!(added, *extra, "{text}");
        }
    }

    /// Tagger output as (first token, token count, label); what the document-level steps
    /// make of it, as (mention text, label).
    #[test]
    fn document_level_steps_split_people_and_harmonise_labels() {
        use EntityLabel::{Location as L, Organisation as O, Person as P};
        type Case<'a> = (
            &'a str,
            &'a [(usize, usize, EntityLabel)],
            &'a [(&'a str, EntityLabel)],
        );
        let cases: &[Case] = &[
            // Two known surnames side by side are two people.
            (
                "Anna Quell traf Bo Lind . Dann bot Quell Lind Tee .",
                &[(0, 2, P), (3, 2, P), (8, 2, P)],
                &[("Anna Quell", P), ("Bo Lind", P), ("Quell", P), ("Lind", P)],
            ),
            // A known person's genitive ends a name.
            (
                "Anna Quell kam . Quells Hausboot sank .",
                &[(0, 2, P), (4, 2, P)],
                &[("Anna Quell", P), ("Quells", P)],
            ),
            // A given name before a surname stays one name.
            (
                "Anna Quell kam . Anna Quell ging .",
                &[(0, 2, P), (4, 2, P)],
                &[("Anna Quell", P), ("Anna Quell", P)],
            ),
            // A genitive takes the label of the person's surname.
            (
                "Anna Quell kam . Quells Hund bellte .",
                &[(0, 2, P), (4, 1, L)],
                &[("Anna Quell", P), ("Quells", P)],
            ),
            // The majority label of the same words wins.
            (
                "Zorbex wächst . Zorbex baut . Zorbex zahlt .",
                &[(0, 1, O), (3, 1, O), (6, 1, P)],
                &[("Zorbex", O), ("Zorbex", O), ("Zorbex", O)],
            ),
            // A kind of company before a name, or a legal form after it, makes it a company.
            (
                "Der Autobauer Zorbex wächst . Zorbex GmbH zahlt .",
                &[(2, 1, P), (5, 1, P)],
                &[("Zorbex", O), ("Zorbex", O)],
            ),
            // A spaced hyphen-minus joins a compound; a dash does not.
            (
                "In Baden - Württemberg und Berlin – Hamburg .",
                &[(1, 1, L), (3, 1, L), (5, 1, L), (7, 1, L)],
                &[("Baden - Württemberg", L), ("Berlin", L), ("Hamburg", L)],
            ),
            // Dashes and quotation marks at a mention's edge are not part of the name.
            (
                "Der US - Präsident und „ Nordbrise “ .",
                &[(1, 2, L), (5, 3, O)],
                &[("US", L), ("Nordbrise", O)],
            ),
            // A tie changes nothing.
            (
                "Zorbex wächst . Zorbex baut .",
                &[(0, 1, O), (3, 1, P)],
                &[("Zorbex", O), ("Zorbex", P)],
            ),
        ];
        for (text, tagged, expected) in cases {
            let doc = Document::new(text);
            let mut found: Vec<TokenSpan> = tagged.iter().map(|&(s, n, l)| (s..s + n, l)).collect();
            split_adjacent_people(&doc, &mut found);
            join_spaced_compounds(&doc, &mut found);
            trim_punctuation(&doc, &mut found);
            harmonise_labels(&doc, &mut found);
            let got: Vec<(&str, EntityLabel)> = found
                .iter()
                .map(|(r, l)| {
                    let (a, b) = (doc.tokens[r.start].start, doc.tokens[r.end - 1].end);
                    (&text[a..b], *l)
                })
                .collect();
            assert_eq!(got, *expected, "{text}");
        }
    }

    #[test]
    fn the_flat_view_names_the_base_thing() {
        use EntityLabel::*;
        let lexicon = Lexicon::embedded();
        // (mention, label, flat text, flat label)
        let cases = [
            ("deutsche", LocationDeriv, "deutsche", Location),
            ("EU-Kommissar", OrganisationPart, "EU", Organisation),
            ("Nato-Gipfel", OrganisationPart, "Nato", Organisation),
            ("Europapolitik", LocationPart, "Europapolitik", Location),
            ("Donald Trump", Person, "Donald Trump", Person),
            ("Friedensnobelpreis", Other, "Friedensnobelpreis", Other),
        ];
        for (text, label, flat_text, flat_label) in cases {
            let prefix = "Vor ";
            let start = prefix.len();
            let full = format!("{prefix}{text}");
            let flat = flat_view(text, start, label, lexicon);
            assert_eq!(&full[flat.start..flat.end], flat_text, "{text}");
            assert_eq!(flat.label, flat_label, "{text}");
        }
        // It crosses into JSON as `flat: {start, end, label}`.
        let text = "Die EU-Kommissarin kam.";
        let (entities, _) = Recognizer::new().recognize(&Document::new(text));
        let json = serde_json::to_value(&entities).expect("serialises");
        for entity in json.as_array().expect("entities") {
            let flat = &entity["flat"];
            let label = flat["label"].as_str().expect("a label");
            assert!(["PER", "LOC", "ORG", "OTH"].contains(&label), "{entity}");
            assert!(
                flat["start"].as_u64() >= entity["start"].as_u64(),
                "{entity}"
            );
            assert!(flat["end"].as_u64() <= entity["end"].as_u64(), "{entity}");
        }
    }

    #[test]
    fn odd_text_never_panics_and_offsets_are_on_char_boundaries() {
        let recognizer = Recognizer::new();
        let long = "Berlin ".repeat(2000);
        let texts = [
            "",
            " ",
            "„“",
            "ÄÖÜ ß e\u{301} 😀",
            "- - -",
            long.as_str(),
            "US-",
        ];
        for text in texts {
            let doc = Document::new(text);
            let (entities, groups) = recognizer.recognize(&doc);
            for e in &entities {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                assert!(e.entity_id < groups.len());
            }
        }
    }
}

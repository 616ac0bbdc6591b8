//! Named entities: a sequence tagger over hashed features (with lexicon memberships) finds
//! GermEval 2014 mentions; a user's custom names override it; mentions are then grouped.

pub(crate) mod features;
pub(crate) mod grouping;
pub(crate) mod lexicon;
pub(crate) mod names;
pub(crate) mod tagger;

use std::sync::OnceLock;

use crate::annotations::{Entity, EntityGroup, EntityLabel};
use crate::dateline::dateline_at;
use crate::error::Error;
use crate::text::Document;
use features::{Extractor, Features};
use lexicon::Lexicon;
use names::CustomNames;
use tagger::{Model, Scratch};

/// The trained weights (`cargo xtask train ner`), read in place; an empty file means "no
/// model yet".
static MODEL: &[u8] = include_bytes!("../../model/ner.bin");

/// Sentences longer than this are tagged in pieces, so memory stays bounded.
const MAX_SENTENCE_TOKENS: usize = 400;

/// A mention as a range of token indices.
type TokenSpan = (std::ops::Range<usize>, EntityLabel);

/// The embedded model, set up once per process (its weights are read in place).
pub fn embedded_model() -> &'static Model {
    static MODEL_CELL: OnceLock<Model> = OnceLock::new();
    MODEL_CELL.get_or_init(|| Model::from_static(MODEL).unwrap_or_else(Model::empty))
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

    pub fn recognize(&self, doc: &Document) -> (Vec<Entity>, Vec<EntityGroup>) {
        let mut spans = self.tag(doc);
        override_spans(&mut spans, dateline_spans(doc));
        override_spans(&mut spans, self.names.find(doc));
        let mut entities: Vec<Entity> = spans
            .into_iter()
            .map(|(range, label)| {
                let start = doc.tokens[range.start].start;
                let end = doc.tokens[range.end - 1].end;
                Entity {
                    start,
                    end,
                    label,
                    text: doc.text[start..end].to_string(),
                    entity_id: 0,
                }
            })
            .collect();
        let groups = grouping::group(&mut entities, self.lexicon);
        (entities, groups)
    }

    /// The model's mentions as token ranges.
    fn tag(&self, doc: &Document) -> Vec<(std::ops::Range<usize>, EntityLabel)> {
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
        propagate_surnames(doc, &mut found);
        found
    }
}

/// Replaces the spans that overlap any of `winners` by the winners.
fn override_spans(spans: &mut Vec<TokenSpan>, winners: Vec<TokenSpan>) {
    if winners.is_empty() {
        return;
    }
    spans.retain(|(range, _)| {
        !winners
            .iter()
            .any(|(w, _)| w.start < range.end && range.start < w.end)
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

/// Document-level consistency: once "Donald Trump" is a person, a lone "Trump" or
/// "Trumps" elsewhere in the text that the tagger left untagged is the same person (the
/// tagger sees one sentence at a time and misses many such short mentions).
fn propagate_surnames(doc: &Document, found: &mut Vec<(std::ops::Range<usize>, EntityLabel)>) {
    let surnames: std::collections::HashSet<&str, lexicon::FxBuild> = found
        .iter()
        .filter(|(range, label)| *label == EntityLabel::Person && range.len() >= 2)
        .map(|(range, _)| doc.token_text(range.end - 1))
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
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

//! The founding article (../shared/seed): every quotation-mark pair in it is a direct quote,
//! and each quote outside the headline sentence names its speaker. The article is read at run
//! time (third-party text, never copied into the repository); without it the test skips.

mod common;

use textmarker::{Annotator, Options, QuoteKind};

/// Byte spans of `"…"` and `„…“` pairs, found independently of the library.
fn quotation_pairs(text: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('„', _) => open = Some(i),
            ('"', None) => open = Some(i),
            ('"' | '“', Some(start)) => {
                pairs.push((start, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    pairs
}

#[test]
fn every_seed_quote_is_found_with_its_speaker() {
    let Some(text) = common::seed_article() else {
        return;
    };
    let found = Annotator::new().annotate(&text, &Options::with_ref_date("2025-10-28").unwrap());
    let direct: Vec<_> = found
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    let pairs = quotation_pairs(&text);
    assert_eq!(pairs.len(), 6, "the article has six quotation-mark pairs");
    let first_sentence_end = text.find(". ").unwrap_or(0);
    for (start, end) in pairs {
        let quote = direct
            .iter()
            .find(|q| q.start == start && q.end == end)
            .unwrap_or_else(|| panic!("not found as a direct quote: {}", &text[start..end]));
        if start > first_sentence_end {
            let speaker = quote
                .speaker
                .as_ref()
                .unwrap_or_else(|| panic!("no speaker for {}", quote.text));
            assert!(
                speaker.text.chars().next().is_some_and(char::is_alphabetic),
                "speaker {:?} of {}",
                speaker.text,
                quote.text
            );
        }
    }
    assert!(found.quotes.iter().any(|q| q.kind == QuoteKind::Indirect));
}

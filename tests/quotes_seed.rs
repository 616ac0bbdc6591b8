//! The founding article (../shared/seed): every quotation-mark pair in it is a direct quote
//! whose speaker is the right one and links to that speaker's entity group (so the page groups
//! quotes by entity, not by surface form). The article is read at run time (third-party text,
//! never copied into the repository); without it the test skips.

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
    // Who speaks, in order: the lead echoes Takaichi's words given later; the White House
    // statement goes on in two partial quotes of the next paragraph; then Takaichi and Trump.
    let speakers = ["Takaichi", "Weiß", "Weiß", "Weiß", "Takaichi", "Trump"];
    for ((start, end), expected) in pairs.into_iter().zip(speakers) {
        let quote = direct
            .iter()
            .find(|q| q.start == start && q.end == end)
            .unwrap_or_else(|| panic!("not found as a direct quote: {}", &text[start..end]));
        let speaker = quote
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("no speaker for {}", quote.text));
        let group = speaker
            .entity
            .and_then(|id| found.entity_groups.iter().find(|g| g.id == id))
            .unwrap_or_else(|| panic!("speaker {:?} of {} is no entity", speaker.text, quote.text));
        assert!(
            group.name.contains(expected) && speaker.text.contains(expected),
            "speaker {:?} (entity {:?}) of {}, expected {expected}",
            speaker.text,
            group.name,
            quote.text
        );
    }
    assert!(found.quotes.iter().any(|q| q.kind == QuoteKind::Indirect));
}

//! Quotes that belong together: the parts of a quote interrupted by its frame, and a quoted
//! phrase that echoes a quote kept elsewhere in the text.

use aho_corasick::AhoCorasick;

use super::frame::Frame;
use super::marks::Pair;
use super::words::Words;
use super::Found;
use crate::annotations::QuoteKind;
use crate::text::Document;

/// „…“, sagte X, „…“: the token where the second part opens.
pub(super) fn interrupted_by_frame(words: &Words, pair: Pair, frame: &Frame) -> Option<usize> {
    let cue = frame.cue.as_ref()?;
    if cue.start <= pair.close {
        return None;
    }
    let end = frame
        .speaker
        .as_ref()
        .map_or(cue.end, |s| s.end.max(cue.end));
    let mut j = end;
    // "sagte Trump am Dienstag, „…“": a short adverbial may follow the speaker.
    while j < words.len() && j < end + 4 && words.is_word(j) {
        j += 1;
    }
    (j + 1 < words.len()
        && (words.is_punct(j, ",") || words.is_punct(j, ":"))
        && words.in_quote[j + 1]
        && !words.in_quote[j])
        .then_some(j + 1)
}

/// A quoted phrase repeated inside a kept quote is the same speech (a lead echoing the quote
/// given later): keep it, with that quote's frame.
pub(super) fn echoes(doc: &Document, found: &mut Vec<Found>, unattributed: &[Pair]) {
    let patterns: Vec<(&str, usize)> = unattributed
        .iter()
        .filter(|p| p.close > p.open + 3)
        .map(|p| {
            let content = &doc.text[doc.tokens[p.open].end..doc.tokens[p.close].start];
            (content.trim(), p.open)
        })
        .filter(|(content, _)| content.len() >= 12)
        .collect();
    if patterns.is_empty() {
        return;
    }
    let Ok(matcher) = AhoCorasick::new(patterns.iter().map(|p| p.0)) else {
        return;
    };
    let mut echoed = vec![None; patterns.len()];
    for f in found.iter().filter(|f| f.kind == QuoteKind::Direct) {
        let text = &doc.text[doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end];
        for m in matcher.find_overlapping_iter(text) {
            let index = m.pattern().as_usize();
            echoed[index].get_or_insert_with(|| f.frame.clone());
        }
    }
    for (pair, frame) in unattributed
        .iter()
        .filter(|p| {
            p.close > p.open + 3 && {
                let content = &doc.text[doc.tokens[p.open].end..doc.tokens[p.close].start];
                content.trim().len() >= 12
            }
        })
        .zip(echoed)
    {
        if let Some(frame) = frame {
            found.push(Found {
                tokens: pair.open..pair.close + 1,
                kind: QuoteKind::Direct,
                frame,
                group: None,
            });
        }
    }
}

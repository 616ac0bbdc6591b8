//! Grouping: quotes that belong together, as parts of one quote or as echoes of another.
//!
//! The parts of a quote interrupted by its frame share a group; a quoted phrase that repeats
//! a quote kept elsewhere in the text takes that quote's frame.

use aho_corasick::AhoCorasick;

use super::found::Found;
use super::frame::Frame;
use super::marks::Pair;
use super::words::Words;
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

/// The content of the quotation-mark pair `open..=close`, when long enough to recognise
/// elsewhere.
fn echo_text<'t>(doc: &Document<'t>, open: usize, close: usize) -> Option<&'t str> {
    if close <= open + 3 {
        return None;
    }
    let content = doc.text[doc.tokens[open].end..doc.tokens[close].start].trim();
    (content.len() >= 12).then_some(content)
}

/// A quoted phrase that may echo a quote kept elsewhere.
enum Echo {
    /// A pair with no sign of speech of its own.
    Unattributed(Pair),
    /// A kept quote whose frame came from afar in its sentence (index into `found`).
    Weak(usize),
}

/// A quoted phrase repeated inside a kept quote is the same speech (a lead echoing the quote
/// given later): an unattributed one is kept with that quote's frame, and one framed only from
/// afar ("Ein „…“: X und Y haben … hervorgehoben") takes the frame of a quote whose speaker
/// stands beside it.
pub(super) fn echoes(doc: &Document, found: &mut Vec<Found>, unattributed: &[Pair]) {
    let mut echoes = Vec::new();
    let mut patterns = Vec::new();
    for &pair in unattributed {
        if let Some(text) = echo_text(doc, pair.open, pair.close) {
            echoes.push(Echo::Unattributed(pair));
            patterns.push(text);
        }
    }
    for (i, f) in found.iter().enumerate() {
        if f.weak && f.kind == QuoteKind::Direct {
            if let Some(text) = echo_text(doc, f.tokens.start, f.tokens.end - 1) {
                echoes.push(Echo::Weak(i));
                patterns.push(text);
            }
        }
    }
    if patterns.is_empty() {
        return;
    }
    let Ok(matcher) = AhoCorasick::new(&patterns) else {
        return;
    };
    let mut echoed: Vec<Option<Frame>> = vec![None; patterns.len()];
    for (i, f) in found.iter().enumerate() {
        if f.kind != QuoteKind::Direct {
            continue;
        }
        let text = &doc.text[doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end];
        for m in matcher.find_overlapping_iter(text) {
            let k = m.pattern().as_usize();
            let fits = match echoes[k] {
                Echo::Unattributed(_) => true,
                Echo::Weak(w) => w != i && !f.weak && f.frame.speaker.is_some(),
            };
            if fits {
                echoed[k].get_or_insert_with(|| f.frame.clone());
            }
        }
    }
    for (echo, frame) in echoes.into_iter().zip(echoed) {
        let Some(frame) = frame else {
            continue;
        };
        match echo {
            Echo::Unattributed(pair) => found.push(Found {
                tokens: pair.open..pair.close + 1,
                kind: QuoteKind::Direct,
                frame,
                group: None,
                weak: true,
            }),
            Echo::Weak(w) => found[w].frame = frame,
        }
    }
}

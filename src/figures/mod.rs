//! Figures: numbers, ordinals, money, percentages, dates, times, durations and quantities,
//! each with its normalised value.
//!
//! One left-to-right pass over the tokens. Every token is looked up once (a hash probe on its
//! lowercase spelling, or the number-word parser); the grammars in `amounts` and `dates` only
//! look closer at tokens that can start a figure. At each token the longest candidate wins,
//! so "28. Oktober 2025" is one date, not an ordinal, a month and a year.

mod amounts;
mod dates;
mod lexicon;
mod numbers;

use crate::annotations::{Approx, Figure, FigureKind, FigureValue, PeriodPart, RangeBound};
use crate::annotator::Options;
use crate::calendar::{ClockTime, Date};
use crate::text::{Document, TokenKind};

use lexicon::{lowercase, Lex, Lexicon, MAX_WORD};

#[derive(Default)]
pub(crate) struct Recognizer {
    lexicon: Lexicon,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("figures::Recognizer")
    }
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {
            lexicon: Lexicon::new(),
        }
    }

    pub fn recognize(&self, doc: &Document, options: &Options) -> Vec<Figure> {
        let scan = Scan::new(doc, &self.lexicon, options);
        scan.run()
    }
}

/// What the lexicon and the number parsers say about one token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Info {
    pub lex: Option<Lex>,
    /// A spelled-out cardinal ("dreiundzwanzig").
    pub cardinal: Option<f64>,
    /// A spelled-out ordinal ("dritten", "13ter").
    pub ordinal: Option<f64>,
}

/// A figure found by a grammar, before approximators and overlap are settled.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Token index of the first token, and one past the last.
    pub first: usize,
    pub next: usize,
    /// Byte span (may end inside a token: "2.500" in "2.500-seitigen").
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub value: FigureValue,
    pub modifier: Option<PeriodPart>,
    /// An approximator the grammar found itself (inside a range, after "um").
    pub approx: Option<Approx>,
    /// The day a date names, for times later in the sentence.
    pub day: Option<Date>,
    /// The currency of money, for bare amounts later in the sentence.
    pub currency: Option<&'static str>,
    /// A number that is only a fraction ("Hälfte"), which may take "knapp die" before it.
    pub fraction: bool,
}

impl Candidate {
    pub fn new(
        first: usize,
        next: usize,
        start: usize,
        end: usize,
        kind: FigureKind,
        value: FigureValue,
    ) -> Candidate {
        Candidate {
            first,
            next,
            start,
            end,
            kind,
            value,
            modifier: None,
            approx: None,
            day: None,
            currency: None,
            fraction: false,
        }
    }
}

/// What earlier figures of the sentence tell later ones.
#[derive(Default)]
pub(crate) struct Context {
    pub sentence: usize,
    pub day: Option<Date>,
    pub currency: Option<&'static str>,
}

pub(crate) struct Scan<'a, 't> {
    pub doc: &'a Document<'t>,
    pub text: &'t str,
    pub info: Vec<Info>,
    pub ref_date: Option<Date>,
    pub ref_time: Option<ClockTime>,
    pub lexicon: &'a Lexicon,
    /// Byte ranges of URLs and e-mail addresses: no figures inside.
    urls: Vec<(usize, usize)>,
}

/// First letters of number words (lowercase ASCII), to skip the parser for most words.
fn may_be_number_word(first: u8) -> bool {
    matches!(
        first,
        b'a' | b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b's' | b't' | b'v' | b'z'
    )
}

impl<'a, 't> Scan<'a, 't> {
    fn new(doc: &'a Document<'t>, lexicon: &'a Lexicon, options: &Options) -> Scan<'a, 't> {
        let text = doc.text;
        let mut buffer = [0u8; MAX_WORD];
        let info = doc
            .tokens
            .iter()
            .map(|token| {
                let word = &text[token.start..token.end];
                if token.kind == TokenKind::Number {
                    return Info::default();
                }
                let Some(lower) = lowercase(word, &mut buffer) else {
                    return Info::default();
                };
                let lex = lexicon.get(lower);
                let mut info = Info {
                    lex,
                    ..Info::default()
                };
                if token.kind == TokenKind::Word && lex.is_none() {
                    let first = lower.as_bytes()[0];
                    if first.is_ascii_digit() {
                        info.ordinal = numbers::parse_digit_ordinal(lower);
                    } else if may_be_number_word(first) {
                        info.cardinal = numbers::parse_cardinal_word(lower);
                        if info.cardinal.is_none() {
                            info.ordinal = numbers::parse_ordinal_word(lower);
                        }
                    }
                }
                info
            })
            .collect();
        Scan {
            doc,
            text,
            info,
            ref_date: options.ref_date,
            ref_time: options.ref_time,
            lexicon,
            urls: find_urls(text),
        }
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// The text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'t str {
        match self.doc.tokens.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    pub fn start(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.text.len(), |t| t.start)
    }

    pub fn end(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.text.len(), |t| t.end)
    }

    pub fn lex(&self, i: usize) -> Option<Lex> {
        self.info.get(i).and_then(|info| info.lex)
    }

    /// Whether token `i` is `word`, ignoring case (`word` lowercase).
    pub fn is(&self, i: usize, word: &str) -> bool {
        let text = self.word(i);
        if text.len() != word.len() {
            return false;
        }
        if text.is_ascii() {
            return text.eq_ignore_ascii_case(word);
        }
        let mut buffer = [0u8; MAX_WORD];
        lowercase(text, &mut buffer) == Some(word)
    }

    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    /// Whether token `i` follows token `i - 1` without space.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.len() && !self.doc.space_before(i)
    }

    /// Whether tokens `i - 1` and `i` are on one line.
    pub fn same_line(&self, i: usize) -> bool {
        if i == 0 || i >= self.len() {
            return false;
        }
        let gap = &self.text[self.end(i - 1)..self.start(i)];
        !gap.contains(['\n', '\r'])
    }

    /// The value of a digits token ("60.000" → 60000).
    pub fn digits(&self, i: usize) -> Option<f64> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        numbers::parse_digits(self.word(i))
    }

    /// A plain unsigned integer token without separators, and its value.
    pub fn integer(&self, i: usize) -> Option<u32> {
        let word = self.word(i);
        if self.kind(i) != Some(TokenKind::Number) || word.len() > 9 {
            return None;
        }
        if !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        word.parse().ok()
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.word(i) == c
    }

    pub fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && matches!(self.word(i), "-" | "–" | "—" | "‑" | "‐")
    }

    pub fn sentence_of(&self, i: usize) -> usize {
        self.doc.sentence_of(i.min(self.len().saturating_sub(1)))
    }

    fn in_url(&self, start: usize) -> bool {
        let at = self.urls.partition_point(|r| r.1 <= start);
        self.urls.get(at).is_some_and(|r| r.0 <= start)
    }

    fn run(&self) -> Vec<Figure> {
        let mut figures = Vec::new();
        let mut context = Context::default();
        let mut floor = 0;
        let mut i = 0;
        while i < self.len() {
            if (context.day.is_some() || context.currency.is_some())
                && self.sentence_of(i) != context.sentence
            {
                context.day = None;
                context.currency = None;
            }
            let Some(mut candidate) = self.best_at(i, &context) else {
                i += 1;
                continue;
            };
            if candidate.first < floor || candidate.next <= i || self.in_url(candidate.start) {
                i += 1;
                continue;
            }
            context.sentence = self.sentence_of(candidate.first);
            if candidate.day.is_some() {
                context.day = candidate.day;
            }
            if candidate.currency.is_some() {
                context.currency = candidate.currency;
            }
            if candidate.approx.is_none() && candidate.kind != FigureKind::Date {
                candidate.approx = self.approx_before(&candidate, floor);
            }
            floor = candidate.next;
            i = candidate.next;
            figures.push(Figure {
                start: candidate.start,
                end: candidate.end,
                kind: candidate.kind,
                text: self.text[candidate.start..candidate.end].to_string(),
                value: candidate.value,
                approx: candidate.approx,
                modifier: candidate.modifier,
            });
        }
        figures
    }

    /// The longest candidate starting at token `i` (earlier grammars win ties).
    fn best_at(&self, i: usize, context: &Context) -> Option<Candidate> {
        let info = self.info[i];
        let kind = self.kind(i)?;
        // Most tokens can start nothing: skip them at the cost of a match.
        let interesting = kind == TokenKind::Number
            || info.cardinal.is_some()
            || info.ordinal.is_some()
            || info.lex.is_some()
            || (kind == TokenKind::Word && self.word(i).as_bytes()[0].is_ascii_digit())
            || self.is_any(
                i,
                &[
                    "um", "vor", "in", "von", "vom", "zwischen", "morgen", "jahr", "laufe", "im",
                    "minus", "negativ", "halb", "-", "−",
                ],
            )
            || (kind == TokenKind::Word && self.weekday_compound(i).is_some())
            || (kind == TokenKind::Word && self.word(i).contains('-'));
        if !interesting {
            return None;
        }
        let mut best: Option<Candidate> = None;
        let mut consider = |candidate: Option<Candidate>| {
            if let Some(c) = candidate {
                if c.start < c.end && best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        consider(self.time_at(i, context));
        consider(self.date_at(i));
        consider(self.amount_at(i, context));
        consider(self.ordinal_at(i));
        best
    }

    /// An approximator right before the candidate ("rund", "mehr als", "ca.", "bis zu").
    fn approx_before(&self, candidate: &Candidate, floor: usize) -> Option<Approx> {
        let mut i = candidate.first;
        // "knapp die Hälfte": an article may stand between.
        if candidate.fraction && i > floor && self.is_any(i - 1, &["die", "der", "das", "den"]) {
            i -= 1;
        }
        if i == floor || i == 0 {
            return None;
        }
        let previous = i - 1;
        if self.is_punct(previous, ".") && previous > floor && self.is(previous - 1, "ca") {
            return Some(Approx::About);
        }
        if self.is(previous, "als") && previous > floor {
            let head = previous - 1;
            let negated = head > floor && self.is(head - 1, "nicht");
            return match (self.is(head, "mehr"), self.is(head, "weniger")) {
                (true, _) if negated => Some(Approx::AtMost),
                (true, _) => Some(Approx::MoreThan),
                (_, true) if negated => Some(Approx::AtLeast),
                (_, true) => Some(Approx::LessThan),
                _ => None,
            };
        }
        if self.is(previous, "zu") && previous > floor && self.is(previous - 1, "bis") {
            return Some(Approx::AtMost);
        }
        match self.lex(previous) {
            Some(Lex::Approx(approx)) => Some(approx),
            _ => None,
        }
    }
}

/// Byte ranges of whitespace-delimited chunks that are URLs or e-mail addresses.
fn find_urls(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for marker in ["://", "www.", "@"] {
        let mut from = 0;
        while let Some(found) = text[from..].find(marker) {
            let at = from + found;
            let start = text[..at].rfind(char::is_whitespace).map_or(0, |p| {
                p + text[p..].chars().next().map_or(1, char::len_utf8)
            });
            let end = text[at..]
                .find(char::is_whitespace)
                .map_or(text.len(), |p| at + p);
            ranges.push((start, end));
            from = end.max(at + marker.len());
        }
    }
    ranges.sort_unstable();
    // Merge overlaps so the lookup can binary-search.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 <= last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    merged
}

pub(crate) fn number_value(value: f64) -> FigureValue {
    FigureValue::Number(value)
}

pub(crate) fn amount_value(amount: f64, unit: &str) -> FigureValue {
    FigureValue::Amount {
        amount,
        unit: unit.to_string(),
        seconds: None,
    }
}

pub(crate) fn range_value(min: f64, max: f64, unit: Option<&str>) -> FigureValue {
    FigureValue::Range {
        min: Some(RangeBound::Number(min)),
        max: Some(RangeBound::Number(max)),
        unit: unit.map(str::to_string),
    }
}

pub(crate) fn iso_range(min: String, max: String) -> FigureValue {
    FigureValue::Range {
        min: Some(RangeBound::Iso(min)),
        max: Some(RangeBound::Iso(max)),
        unit: None,
    }
}

#[cfg(test)]
mod tests;

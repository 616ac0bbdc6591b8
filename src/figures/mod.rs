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

use aho_corasick::AhoCorasick;

use crate::annotations::{Approx, Figure, FigureKind, FigureValue, PeriodPart, RangeBound};
use crate::calendar::{ClockTime, Date};
use crate::options::Options;
use crate::text::{Document, TokenKind};

use lexicon::{lowercase, lowercase_bytes, Grain, Lex, Lexicon, MAX_WORD};

pub(crate) struct Recognizer {
    lexicon: Lexicon,
    url_markers: AhoCorasick,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
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
            url_markers: AhoCorasick::new(["://", "www.", "@"])
                .expect("three literal patterns build an automaton"),
        }
    }

    pub fn recognize(&self, doc: &Document, options: &Options) -> Vec<Figure> {
        let scan = Scan::new(doc, &self.lexicon, &self.url_markers, options);
        scan.run()
    }
}

/// What the lexicon and the number parsers say about one token. Kept small: one is written
/// for every token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Info {
    pub lex: Option<Lex>,
    /// The value of a number word, a cardinal or an ordinal as `number_kind` says.
    number: f64,
    number_kind: NumberKind,
    /// A word with a number inside ("zweimal", "Dreitägiger", "achtfachen").
    pub compound: bool,
    /// A decade word ("1990er-Jahren", "Achtzigern").
    pub decade: bool,
    /// Which grammars may start at this token (`TIME`, `DATE`, `AMOUNT`, `ORDINAL`).
    pub starts: u8,
    /// A plain unsigned integer of up to nine digits without separators ("2025", "007"),
    /// or `NO_INTEGER`.
    integer: u32,
}

const NO_INTEGER: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum NumberKind {
    #[default]
    None,
    Cardinal,
    Ordinal,
}

impl Default for Info {
    fn default() -> Info {
        Info {
            lex: None,
            number: 0.0,
            number_kind: NumberKind::None,
            compound: false,
            decade: false,
            starts: 0,
            integer: NO_INTEGER,
        }
    }
}

impl Info {
    /// A spelled-out cardinal ("dreiundzwanzig").
    pub fn cardinal(&self) -> Option<f64> {
        (self.number_kind == NumberKind::Cardinal).then_some(self.number)
    }

    /// A spelled-out ordinal ("dritten", "13ter").
    pub fn ordinal(&self) -> Option<f64> {
        (self.number_kind == NumberKind::Ordinal).then_some(self.number)
    }

    pub fn integer(&self) -> Option<u32> {
        (self.integer != NO_INTEGER).then_some(self.integer)
    }

    fn with_number(mut self, kind: NumberKind, value: Option<f64>) -> Info {
        if let Some(v) = value {
            self.number = v;
            self.number_kind = kind;
        }
        self
    }
}

/// Grammar bits of [`Info::starts`].
const TIME: u8 = 1;
const DATE: u8 = 2;
const AMOUNT: u8 = 4;
const ORDINAL: u8 = 8;
const ANY: u8 = TIME | DATE | AMOUNT | ORDINAL;

/// The grammars a lexicon word may start (its lowercase spelling decides among triggers).
fn lex_starts(lex: Lex, lower: &[u8]) -> u8 {
    match lex {
        Lex::Article => AMOUNT | TIME,
        Lex::Currency(_) => AMOUNT,
        // "KW 12", a calendar week (in capitals; "kW" is kilowatts).
        Lex::Unit(_) if lower == b"kw" => DATE,
        // "schweizer Buß- und Bettag".
        Lex::CurrencyAdjective(_) if lower == b"schweizer" => DATE,
        Lex::Fraction(_) => AMOUNT | TIME,
        Lex::Month(_)
        | Lex::MonthAbbrev(_)
        | Lex::Weekday(_)
        | Lex::DayOffset(_)
        | Lex::YearOffset(_)
        | Lex::PeriodWord(_)
        | Lex::Shift(_)
        | Lex::Season(_)
        | Lex::Holiday(_)
        | Lex::PeriodPart(_) => DATE,
        Lex::DayPart(_) => DATE | TIME,
        // "Jahr 2004", "Tag der Arbeit".
        Lex::Period(Grain::Year | Grain::Day) => DATE,
        Lex::Trigger => match lower {
            b"um" => TIME,
            b"von" | b"vom" | b"zwischen" => TIME | DATE | AMOUNT,
            b"minus" | b"negativ" | b"-" | b"\xe2\x88\x92" => AMOUNT,
            b"im" => 0,
            _ => DATE,
        },
        _ => 0,
    }
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
    /// One past the last token of that sentence.
    pub sentence_end: usize,
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

/// Endings of words with a number inside ("zweimal", "Dreitägiger", "achtfachen").
const COMPOUND_SUFFIXES: [&str; 10] = [
    "mal",
    "fach",
    "stöckig",
    "jährig",
    "tägig",
    "wöchig",
    "monatig",
    "stündig",
    "minütig",
    "sekündig",
];

/// Whether a lowercase word ends in one of [`COMPOUND_SUFFIXES`], perhaps inflected.
fn has_compound_suffix(lower: &str) -> bool {
    ["", "e", "en", "er", "es", "em"].iter().any(|ending| {
        lower.strip_suffix(ending).is_some_and(|stem| {
            COMPOUND_SUFFIXES
                .iter()
                .any(|suffix| stem.ends_with(suffix))
        })
    })
}

/// How number words (and ordinals, and words with a number inside) begin: a cheap filter
/// that spares the number-word parsers most words.
const NUMBER_WORD_STARTS: [&str; 23] = [
    "ein", "zwe", "zwo", "zwö", "zwa", "dre", "dri", "vie", "fün", "fue", "sec", "sie", "ach",
    "neu", "zeh", "elf", "hun", "tau", "mil", "bil", "ers", "and", "hal",
];

/// A cheaper first test on the raw word: its first three letters (lowercased) begin a
/// number word, or, in a long word, a weekday ("Samstagnachmittag").
fn may_start_number_word(bytes: &[u8]) -> bool {
    if bytes.len() < 3 {
        return false;
    }
    // `| 0x20` folds A–Z and the second bytes of Ä Ö Ü onto their lowercase forms.
    const fn key(s: &[u8]) -> u32 {
        u32::from_be_bytes([0, s[0] | 0x20, s[1] | 0x20, s[2] | 0x20])
    }
    let found = key(bytes);
    const EIN: u32 = key(b"ein");
    const ZWE: u32 = key(b"zwe");
    const ZWO: u32 = key(b"zwo");
    const ZWOE: u32 = key(&[b'z', b'w', 0xC3]);
    const ZWA: u32 = key(b"zwa");
    const DRE: u32 = key(b"dre");
    const DRI: u32 = key(b"dri");
    const VIE: u32 = key(b"vie");
    const FUE: u32 = key("fü".as_bytes());
    const FUE_ASCII: u32 = key(b"fue");
    const SEC: u32 = key(b"sec");
    const SIE: u32 = key(b"sie");
    const ACH: u32 = key(b"ach");
    const NEU: u32 = key(b"neu");
    const ZEH: u32 = key(b"zeh");
    const ELF: u32 = key(b"elf");
    const HUN: u32 = key(b"hun");
    const TAU: u32 = key(b"tau");
    const MIL: u32 = key(b"mil");
    const BIL: u32 = key(b"bil");
    const ERS: u32 = key(b"ers");
    const AND: u32 = key(b"and");
    // "halbstündig".
    const HAL: u32 = key(b"hal");
    const MON: u32 = key(b"mon");
    const DIE: u32 = key(b"die");
    const MIT: u32 = key(b"mit");
    const DON: u32 = key(b"don");
    const FRE: u32 = key(b"fre");
    const SAM: u32 = key(b"sam");
    const SON: u32 = key(b"son");
    match found {
        EIN | ZWE | ZWO | ZWOE | ZWA | DRE | DRI | VIE | FUE | FUE_ASCII | SEC | SIE | ACH
        | NEU | ZEH | ELF | HUN | TAU | MIL | BIL | ERS | AND | HAL => true,
        MON | DIE | MIT | DON | FRE | SAM | SON => bytes.len() >= 10,
        _ => false,
    }
}

fn may_be_number_word(lower: &str) -> bool {
    let b = lower.as_bytes();
    // Compare the first byte before any string: most words fail there.
    if b.len() < 3
        || !matches!(
            b[0],
            b'a' | b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b's' | b't' | b'v' | b'z'
        )
    {
        return false;
    }
    NUMBER_WORD_STARTS
        .iter()
        .any(|start| start.as_bytes()[0] == b[0] && lower.starts_with(start))
}

/// The value of a digits-only token of at most nine digits.
fn plain_integer(word: &str) -> Option<u32> {
    if word.len() > 9 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// A decade word, perhaps cut short before a conjunction ("1970er-", "Achtziger-").
fn is_decade(lower: &str) -> bool {
    numbers::parse_decade(lower.strip_suffix('-').unwrap_or(lower)).is_some()
}

/// Looks a word up once: its lexicon entry, its value as a number word, and which grammars
/// may start at it. Plain words cost a lowercase copy and a bit test.
fn classify_word(word: &str, lexicon: &Lexicon, buffer: &mut [u8; MAX_WORD]) -> Info {
    let first = word.as_bytes()[0];
    if first.is_ascii_digit() {
        let lower = lowercase(word, buffer);
        let ordinal = lower.and_then(numbers::parse_digit_ordinal);
        let ordinal_bit = if ordinal.is_some() { ORDINAL } else { 0 };
        return Info {
            starts: TIME | DATE | AMOUNT | ordinal_bit,
            decade: lower.is_some_and(is_decade),
            ..Info::default()
        }
        .with_number(NumberKind::Ordinal, ordinal);
    }
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD || !(lexicon.may_hold(bytes) || may_start_number_word(bytes)) {
        return Info::default();
    }
    let Some(lower) = lowercase_bytes(word, buffer) else {
        return Info::default();
    };
    if let Some(lex) = lexicon.get_unfiltered(lower) {
        return Info {
            lex: Some(lex),
            starts: lex_starts(lex, lower),
            ..Info::default()
        };
    }
    // Number words and weekday compounds begin with one of a few letters.
    if lower.len() < 3
        || !matches!(
            lower[0],
            b'a' | b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b's' | b't' | b'v' | b'z'
        )
    {
        return Info::default();
    }
    let Ok(lower) = std::str::from_utf8(lower) else {
        return Info::default();
    };
    let mut info = Info::default();
    if matches!(lower.as_bytes()[0], b'm' | b'd' | b'f' | b's')
        && lexicon::WEEKDAYS.iter().any(|day| lower.starts_with(day))
    {
        info.compound = lexicon::weekday_compound(lower).is_some();
    }
    if may_be_number_word(lower) {
        let cardinal = numbers::parse_cardinal_word(lower);
        info = info.with_number(NumberKind::Cardinal, cardinal);
        if cardinal.is_none() {
            info = info.with_number(NumberKind::Ordinal, numbers::parse_ordinal_word(lower));
        }
        if info.number_kind == NumberKind::None {
            info.compound |= has_compound_suffix(lower);
            // "Achtzigerjahre", "Neunzigern": a decade.
            if is_decade(lower) {
                info.decade = true;
                info.starts |= DATE;
            }
            // "Zehn-Prozent-Hürde": a number heads the compound.
            if let Some(hyphen) = lower.bytes().position(|b| b == b'-') {
                info.compound |= numbers::parse_cardinal_word(&lower[..hyphen]).is_some();
            }
        }
    }
    match info.number_kind {
        NumberKind::Cardinal => info.starts |= TIME | DATE | AMOUNT,
        NumberKind::Ordinal => info.starts |= DATE | ORDINAL | AMOUNT,
        NumberKind::None => {}
    }
    if info.compound {
        info.starts |= DATE | AMOUNT;
    }
    info
}

impl<'a, 't> Scan<'a, 't> {
    fn new(
        doc: &'a Document<'t>,
        lexicon: &'a Lexicon,
        url_markers: &AhoCorasick,
        options: &Options,
    ) -> Scan<'a, 't> {
        let text = doc.text;
        let mut buffer = [0u8; MAX_WORD];
        let info = doc
            .tokens
            .iter()
            .map(|token| {
                let word = &text[token.start..token.end];
                match token.kind {
                    TokenKind::Number => Info {
                        starts: ANY,
                        integer: plain_integer(word).unwrap_or(NO_INTEGER),
                        ..Info::default()
                    },
                    TokenKind::Punct => {
                        let lex = lexicon.get(word);
                        Info {
                            lex,
                            starts: lex.map_or(0, |l| lex_starts(l, word.as_bytes())),
                            ..Info::default()
                        }
                    }
                    TokenKind::Word => classify_word(word, lexicon, &mut buffer),
                }
            })
            .collect();
        Scan {
            doc,
            text,
            info,
            ref_date: options.ref_date,
            ref_time: options.ref_time,
            lexicon,
            urls: find_urls(text, url_markers),
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
        let Some(token) = self.doc.tokens.get(i) else {
            return false;
        };
        let expected = word.as_bytes();
        if token.end - token.start != expected.len() {
            return false;
        }
        let Some(bytes) = self.text.as_bytes().get(token.start..token.end) else {
            return false;
        };
        (0..expected.len()).all(|k| lexicon::lower_byte(bytes, k) == expected[k])
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
        self.info.get(i).and_then(Info::integer)
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
            if (context.day.is_some() || context.currency.is_some()) && i >= context.sentence_end {
                context.day = None;
                context.currency = None;
            }
            if self.info[i].starts == 0 {
                i += 1;
                continue;
            }
            let Some(mut candidate) = self.best_at(i, &context) else {
                i += 1;
                continue;
            };
            if candidate.first < floor || candidate.next <= i || self.in_url(candidate.start) {
                i += 1;
                continue;
            }
            if let Some(day) = self.bracketed_weekday(&candidate, &context) {
                candidate.value = FigureValue::Iso(day.to_string());
                candidate.day = Some(day);
            }
            let sentence = self.sentence_of(candidate.first);
            context.sentence = sentence;
            context.sentence_end = self.doc.sentences.get(sentence).map_or(0, |r| r.end);
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

    /// "24. März (Samstag)": a weekday in brackets after a date is that date's day.
    fn bracketed_weekday(&self, candidate: &Candidate, context: &Context) -> Option<Date> {
        let first = candidate.first;
        let Some(Lex::Weekday(weekday)) = self.lex(first) else {
            return None;
        };
        let day = context.day?;
        let bracketed = first > 0 && self.is_punct(first - 1, "(") && candidate.next == first + 1;
        (bracketed && day.weekday().index() == weekday).then_some(day)
    }

    /// The longest candidate starting at token `i` (earlier grammars win ties).
    fn best_at(&self, i: usize, context: &Context) -> Option<Candidate> {
        let info = self.info.get(i)?;
        let starts = info.starts;
        if starts == 0 {
            return None;
        }
        // "ein"/"eine" is a number only before a unit, scale, fraction or "oder".
        if info.lex == Some(Lex::Article)
            && self.lex(i + 1).is_none()
            && !self.is_any(i + 1, &["oder", "viertelstunde"])
        {
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
        if starts & TIME != 0 {
            consider(self.time_at(i, context));
        }
        if starts & DATE != 0 {
            consider(self.date_at(i));
        }
        if starts & AMOUNT != 0 {
            consider(self.amount_at(i, context));
        }
        if starts & ORDINAL != 0 {
            consider(self.ordinal_at(i));
        }
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

/// Byte ranges of whitespace-delimited chunks that are URLs or e-mail addresses. `markers`
/// finds "://", "www." and "@" in one pass.
fn find_urls(text: &str, markers: &AhoCorasick) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(found) = markers.find(&text[from..]) {
        let at = from + found.start();
        let start = text[..at].rfind(char::is_whitespace).map_or(0, |p| {
            p + text[p..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |p| at + p);
        ranges.push((start, end));
        // The rest of the chunk is covered; `end` lies on a char boundary.
        from = end.max(from + found.end());
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
mod guideline_tests;
#[cfg(test)]
mod tests;

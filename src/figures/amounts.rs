//! Amounts: numbers, ordinals, money, percentages, quantities and durations, alone or as
//! ranges ("zwischen fünf und sieben Prozent").

use crate::annotations::{FigureKind, FigureValue};
use crate::text::TokenKind;

use super::lexicon::{lowercase, ratio_unit, Grain, Lex, MAX_WORD};
use super::numbers::{parse_cardinal_word, parse_digits, round};
use super::{amount_value, number_value, range_value, Candidate, Context, Scan};

/// A number phrase: "60.000", "drei Millionen", "ein Drittel", "472,51 Mrd.".
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    pub first: usize,
    pub next: usize,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// Just "ein"/"eine": a number only before a unit, scale or fraction.
    pub article: bool,
    /// Written in words.
    pub spelled: bool,
    pub fraction: bool,
    pub scaled: bool,
    /// A single token of plain digits: its value, for years, days and clock hours.
    pub plain: Option<u32>,
}

/// What follows a number and makes it an amount.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Unit {
    Money(&'static str),
    Percent,
    PercentPoints,
    Quantity(&'static str),
    Duration(Grain),
    Times,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Measure {
    pub unit: Unit,
    pub next: usize,
    pub end: usize,
    /// Multiplies the number ("Viertelstunde" = 15 minutes).
    pub factor: f64,
}

const DURATION_ADJECTIVES: &[(&str, Grain)] = &[
    ("jährig", Grain::Year),
    ("tägig", Grain::Day),
    ("wöchig", Grain::Week),
    ("monatig", Grain::Month),
    ("stündig", Grain::Hour),
    ("minütig", Grain::Minute),
];

const ADJECTIVE_ENDINGS: [&str; 6] = ["", "e", "en", "er", "es", "em"];

/// "24-jährigen", "Dreitägiger", "einmonatiges": the number and grain of an age or duration
/// adjective (lowercase).
pub(crate) fn duration_adjective(lower: &str) -> Option<(f64, Grain)> {
    for ending in ADJECTIVE_ENDINGS {
        let Some(stem) = lower.strip_suffix(ending) else {
            continue;
        };
        for (root, grain) in DURATION_ADJECTIVES {
            let Some(prefix) = stem.strip_suffix(root) else {
                continue;
            };
            let number = prefix.strip_suffix('-').unwrap_or(prefix);
            let value = if number.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                parse_digits(number)
            } else if number == "ein" {
                Some(1.0)
            } else {
                parse_cardinal_word(number)
            };
            if value.is_some() {
                return value.map(|v| (v, *grain));
            }
        }
    }
    None
}

impl Scan<'_, '_> {
    /// A number phrase starting at token `i`.
    pub fn number(&self, i: usize) -> Option<Num> {
        let mut j = i;
        let mut sign = 1.0;
        let minus_word = self.is_any(i, &["minus", "negativ"])
            && (self.kind(i + 1) == Some(TokenKind::Number)
                || self.info(i + 1).cardinal().is_some());
        let minus_sign = (self.is_dash(i) || self.word(i) == "−")
            && self.kind(i + 1) == Some(TokenKind::Number)
            && self.glued(i + 1)
            && (i == 0 || !self.glued(i))
            && (i == 0
                || !matches!(self.kind(i - 1), Some(TokenKind::Number))
                    && !self.is_punct(i - 1, "."));
        if minus_word || minus_sign {
            sign = -1.0;
            j = i + 1;
        }
        let info = self.info(j);
        let mut num = Num {
            first: i,
            next: j + 1,
            start: self.start(i),
            end: self.end(j),
            value: 0.0,
            article: false,
            spelled: false,
            fraction: false,
            scaled: false,
            plain: None,
        };
        match self.kind(j)? {
            TokenKind::Number => {
                num.value = self.digits(j)?;
                num.plain = self.integer(j);
                // "1/2": a fraction.
                if self.is_punct(j + 1, "/") && self.glued(j + 1) && self.glued(j + 2) {
                    if let (Some(a), Some(b)) = (num.plain, self.integer(j + 2)) {
                        if a < b && b <= 10 && self.word(j).len() <= 2 {
                            num.value = round(f64::from(a) / f64::from(b), 4);
                            num.next = j + 3;
                            num.end = self.end(j + 2);
                            num.fraction = true;
                            num.plain = None;
                            return Some(num);
                        }
                    }
                }
                // "1 414 021 100", "40 000": groups of three after a space.
                if num.plain.is_some() && self.word(j).len() <= 3 {
                    let mut k = j + 1;
                    while self.word(k).len() == 3
                        && self.integer(k).is_some()
                        && matches!(
                            &self.text[self.end(k - 1)..self.start(k)],
                            " " | "\u{a0}" | "\u{202f}"
                        )
                        // "… 100. Geburtstag" is an ordinal, "… 021 100." at the end a number.
                        && !(self.is_punct(k + 1, ".")
                            && self.glued(k + 1)
                            && k + 2 < self.len()
                            && self.same_line(k + 2))
                    {
                        num.value = num.value * 1000.0 + f64::from(self.integer(k)?);
                        num.next = k + 1;
                        num.end = self.end(k);
                        num.plain = None;
                        k += 1;
                    }
                }
            }
            TokenKind::Word => {
                if let Some(v) = info.cardinal() {
                    num.value = v;
                    num.spelled = true;
                } else {
                    match info.lex {
                        Some(Lex::Article) => {
                            num.value = 1.0;
                            num.article = true;
                            num.spelled = true;
                        }
                        Some(Lex::Fraction(f))
                            if self.is_any(j, &["hälfte", "dreiviertel", "drittel"])
                                && (self.is(j, "hälfte") || self.is(j, "dreiviertel")) =>
                        {
                            num.value = round(f, 4);
                            num.fraction = true;
                            return Some(num);
                        }
                        // "halber Liter", "halbe Stunde": half of a unit.
                        Some(Lex::Fraction(f))
                            if self.is_any(j, &["halbe", "halber", "halben", "halbes"])
                                && matches!(
                                    self.measure(j + 1).map(|m| m.unit),
                                    Some(Unit::Quantity(_) | Unit::Duration(_))
                                ) =>
                        {
                            num.value = f;
                            num.spelled = true;
                        }
                        _ => return None,
                    }
                }
            }
            TokenKind::Punct => return None,
        }
        let mut k = num.next;
        // "1 komma 1", "… Komma fünfzehn".
        if self.lex(k) == Some(Lex::Comma) {
            let decimals = if self.kind(k + 1) == Some(TokenKind::Number) {
                let word = self.word(k + 1);
                parse_digits(&format!("0.{word}")).filter(|_| word.len() <= 9)
            } else {
                self.info(k + 1).cardinal().map(|v| {
                    let digits = format!("{v}").len() as i32;
                    v / 10f64.powi(digits)
                })
            };
            if let Some(d) = decimals {
                num.value += d;
                k += 2;
                num.next = k;
                num.end = self.end(k - 1);
                num.article = false;
                num.plain = None;
            }
        }
        // "ein Drittel", "fünf halbe", "ein halbes Dutzend".
        if let Some(Lex::Fraction(f)) = self.lex(k) {
            if num.value <= 20.0 && num.value.fract() == 0.0 && !self.is(k, "hälfte") {
                num.value = round(num.value * f, 4);
                num.fraction = true;
                num.article = false;
                num.plain = None;
                k += 1;
                num.next = k;
                num.end = self.end(k - 1);
            }
        }
        if let Some(Lex::Scale(scale)) = self.lex(k) {
            // "tausend" after digits is fine ("60 Tausend"); a spelled number takes it too.
            num.value *= scale;
            num.scaled = true;
            num.fraction = false;
            num.article = false;
            num.plain = None;
            k += 1;
            num.next = k;
            num.end = self.end(k - 1);
            let abbreviation = self.word(k - 1).len() <= 4 && self.word(k - 1) != "Dutzend";
            if abbreviation && self.is_punct(k, ".") && self.glued(k) {
                k += 1;
                num.next = k;
                num.end = self.end(k - 1);
            }
            // "einunddreißig Millionen zweihundertsechsundfünfzigtausend…".
            if num.spelled {
                if let Some(rest) = self.info(k).cardinal() {
                    if rest < scale {
                        num.value += rest;
                        k += 1;
                        num.next = k;
                        num.end = self.end(k - 1);
                    }
                }
            }
        }
        num.value = if num.fraction {
            round(num.value * sign, 4)
        } else {
            round(num.value * sign, 6)
        };
        Some(num)
    }

    pub fn info(&self, i: usize) -> super::Info {
        self.info.get(i).copied().unwrap_or_default()
    }

    /// A unit of measure, currency, percent sign or period at token `k`.
    pub fn measure(&self, k: usize) -> Option<Measure> {
        let kind = self.kind(k)?;
        let one = |unit: Unit| Measure {
            unit,
            next: k + 1,
            end: self.end(k),
            factor: 1.0,
        };
        if self.is(k, "viertelstunde") {
            return Some(Measure {
                factor: 15.0,
                ..one(Unit::Duration(Grain::Minute))
            });
        }
        if kind == TokenKind::Punct
            && !self.glued(k)
            && !matches!(self.word(k), "%" | "€" | "$" | "£" | "¥")
        {
            return None;
        }
        if let Some(next) = self.inch_mark(k) {
            return Some(Measure {
                next,
                end: self.end(next - 1),
                ..one(Unit::Quantity("in"))
            });
        }
        match self.lex(k)? {
            Lex::CurrencyAdjective(code) => match self.lex(k + 1) {
                Some(Lex::Currency(_)) => Some(Measure {
                    unit: Unit::Money(code),
                    next: k + 2,
                    end: self.end(k + 1),
                    factor: 1.0,
                }),
                _ => None,
            },
            Lex::Currency(code) => Some(one(Unit::Money(code))),
            Lex::Percent => Some(one(Unit::Percent)),
            Lex::PercentPoints => Some(one(Unit::PercentPoints)),
            Lex::Unit(symbol) => {
                let mut m = one(Unit::Quantity(symbol));
                if symbol == "in" && kind == TokenKind::Punct {
                    return None;
                }
                // "° C", "Grad Celsius", "km/h", "m^2", "Metern pro Sekunde".
                if self.word(k) == "°" || self.is(k, "grad") {
                    let glue = self.word(k) != "°" || self.glued(k + 1);
                    if glue && self.is_any(k + 1, &["c", "celsius"]) {
                        m.next = k + 2;
                    } else if glue && self.is_any(k + 1, &["f", "fahrenheit"]) {
                        m.next = k + 2;
                        m.unit = Unit::Quantity("°F");
                    }
                } else if self.is_punct(k + 1, "/") && self.glued(k + 1) && self.glued(k + 2) {
                    if symbol == "km" && self.is(k + 2, "h") {
                        m.unit = Unit::Quantity("km/h");
                        m.next = k + 3;
                    } else if let Some(ratio) = self.ratio_after(symbol, k + 2) {
                        m.unit = Unit::Quantity(ratio);
                        m.next = k + 3;
                    }
                } else if self.is_punct(k + 1, "^") && self.glued(k + 1) {
                    if symbol == "m" && self.word(k + 2) == "2" {
                        m.unit = Unit::Quantity("m2");
                        m.next = k + 3;
                    }
                } else if self.is(k + 1, "pro") {
                    match (symbol, self.lex(k + 2)) {
                        ("km", Some(Lex::Period(Grain::Hour))) => {
                            m.unit = Unit::Quantity("km/h");
                            m.next = k + 3;
                        }
                        ("m", Some(Lex::Period(Grain::Second))) => {
                            m.unit = Unit::Quantity("m/s");
                            m.next = k + 3;
                        }
                        _ => {
                            if let Some(ratio) = self.ratio_after(symbol, k + 2) {
                                m.unit = Unit::Quantity(ratio);
                                m.next = k + 3;
                            }
                        }
                    }
                }
                m.end = self.end(m.next - 1);
                Some(m)
            }
            Lex::Period(grain) => Some(one(Unit::Duration(grain))),
            Lex::Quarter => Some(one(Unit::Duration(Grain::Quarter))),
            Lex::Times => Some(one(Unit::Times)),
            _ => None,
        }
    }

    /// The unit of `numerator` per the unit at token `k` ("MW" and "km²" → "MW/km2").
    fn ratio_after(&self, numerator: &str, k: usize) -> Option<&'static str> {
        match self.lex(k)? {
            Lex::Unit(denominator) => ratio_unit(numerator, denominator),
            _ => None,
        }
    }

    /// Inches right after a number: `5''`, or `5"` when that `"` closes no quotation.
    /// Returns the token after the mark.
    fn inch_mark(&self, k: usize) -> Option<usize> {
        if k == 0 || self.kind(k - 1) != Some(TokenKind::Number) || !self.glued(k) {
            return None;
        }
        let glued_word_after = |j: usize| self.glued(j) && self.kind(j) == Some(TokenKind::Word);
        if self.is_punct(k, "'") && self.is_punct(k + 1, "'") && self.glued(k + 1) {
            return (!glued_word_after(k + 2)).then_some(k + 2);
        }
        if !self.is_punct(k, "\"") || glued_word_after(k + 1) {
            return None;
        }
        // An open quotation earlier on the line (looking back a bounded stretch) makes this
        // `"` its end.
        let start = self.start(k);
        let mut from = start.saturating_sub(300);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let before = &self.text[from..start];
        let line = before.rsplit(['\n', '\r']).next().unwrap_or(before);
        let count = |c: char| line.matches(c).count();
        // German „…“, English “…”, straight "…".
        let open = count('"') % 2 == 1
            || count('„') > count('“')
            || (count('„') == 0 && count('“') > count('”'));
        (!open).then_some(k + 1)
    }

    /// Money, percent, quantity, duration or plain number starting at token `i`.
    pub fn amount_at(&self, i: usize, context: &Context) -> Option<Candidate> {
        if let Some(c) = self.leading_currency(i) {
            return Some(c);
        }
        if self.is_any(i, &["zwischen", "von", "vom"]) {
            return self.prefixed_range(i);
        }
        // Only digits with letters and words with a number inside hold an amount.
        let inside = self.info(i).compound || self.word(i).as_bytes()[0].is_ascii_digit();
        if self.kind(i) == Some(TokenKind::Word) && inside {
            if let Some(c) = self.word_amount(i) {
                return Some(c);
            }
        }
        let num = self.number(i)?;
        if self.vague_or_idiomatic(&num) {
            return None;
        }
        // "einhundert Millionste".
        if let Some(ordinal) = self.info(num.next).ordinal() {
            if ordinal >= 100.0 && !num.fraction {
                let mut c = self.candidate(
                    i,
                    num.next + 1,
                    FigureKind::Ordinal,
                    number_value(num.value * ordinal),
                );
                c.start = num.start;
                return Some(c);
            }
        }
        if let Some(c) = self.range_after(&num, None, num.first, num.start) {
            return Some(c);
        }
        if let Some(m) = self.measure(num.next) {
            return self.measured(&num, m, num.first, num.start);
        }
        self.plain_number(&num, context)
    }

    /// "einige hundert Meter" is a vague amount, and "eines Tages" an adverb, not one day.
    fn vague_or_idiomatic(&self, num: &Num) -> bool {
        let before = num.first.checked_sub(1);
        let bare_scale = num.spelled
            && num.next == num.first + 1
            && self.is_any(num.first, &["hundert", "tausend", "hunderte", "tausende"]);
        let vague_before = before.is_some_and(|b| {
            self.is_any(
                b,
                &[
                    "einige", "einigen", "wenige", "wenigen", "mehrere", "paar", "etliche",
                    "viele", "vielen",
                ],
            )
        });
        let genitive_adverb = num.article
            && self.is(num.first, "eines")
            && !before.is_some_and(|b| {
                self.is_any(
                    b,
                    &[
                        "innerhalb",
                        "binnen",
                        "während",
                        "außerhalb",
                        "wegen",
                        "trotz",
                    ],
                )
            });
        bare_scale && vague_before || genitive_adverb
    }

    fn candidate(
        &self,
        first: usize,
        next: usize,
        kind: FigureKind,
        value: FigureValue,
    ) -> Candidate {
        Candidate::new(
            first,
            next,
            self.start(first),
            self.end(next - 1),
            kind,
            value,
        )
    }

    /// "$ 3", "€ 5", "EUR 500", "mxn$ 15".
    fn leading_currency(&self, i: usize) -> Option<Candidate> {
        let Some(Lex::Currency(code)) = self.lex(i) else {
            return None;
        };
        let word = self.word(i);
        let symbol_or_code = self.kind(i) == Some(TokenKind::Punct)
            || (word.len() <= 4 && word.bytes().all(|b| b.is_ascii_uppercase()))
            || (self.is_punct(i + 1, "$") && self.glued(i + 1));
        if !symbol_or_code {
            return None;
        }
        let mut k = i + 1;
        if self.is_punct(k, "$") && self.glued(k) {
            k += 1;
        }
        let num = self.number(k)?;
        if num.article || self.measure(num.next).is_some() {
            return None;
        }
        let mut c = self.candidate(
            i,
            num.next,
            FigureKind::Money,
            amount_value(num.value, code),
        );
        c.currency = Some(code);
        Some(c)
    }

    /// Words with a number inside: "24-jährigen", "Dreitägiger", "5-7", "3km", "2.500-seitigen",
    /// "zweimal", "14-mal", "achtfachen".
    fn word_amount(&self, i: usize) -> Option<Candidate> {
        let word = self.word(i);
        let mut buffer = [0u8; MAX_WORD];
        let lower = lowercase(word, &mut buffer)?;
        if let Some((value, grain)) = duration_adjective(lower) {
            return Some(self.duration_candidate(i, i + 1, value, grain));
        }
        let first = lower.as_bytes()[0];
        if first.is_ascii_digit() {
            let digits_end = lower
                .bytes()
                .position(|b| !(b.is_ascii_digit() || b == b'.' || b == b','))
                .unwrap_or(lower.len());
            let prefix = &lower[..digits_end];
            let rest = &lower[digits_end..];
            let value = parse_digits(prefix)?;
            // "5-7 Prozent", "3-5 kilometer": a range in one token.
            if let Some(tail) = rest.strip_prefix('-') {
                if let Some(max) = parse_digits(tail).filter(|_| !tail.contains('-')) {
                    if max > value && !tail.contains('.') && tail.len() <= 4 {
                        let unit = self.measure(i + 1);
                        return Some(self.range_candidate(i, i, value, max, unit, self.start(i)));
                    }
                    return None;
                }
                if tail == "mal" || tail == "fach" {
                    return Some(self.candidate(i, i + 1, FigureKind::Number, number_value(value)));
                }
                // "2.500-seitigen": a count inside an adjective; "500-Euro-Schein" is a name.
                if tail.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                    && word[digits_end + 1..].starts_with(|c: char| c.is_lowercase())
                {
                    let mut c = self.candidate(i, i + 1, FigureKind::Number, number_value(value));
                    c.end = c.start + digits_end;
                    return Some(c);
                }
                return None;
            }
            // "3km", "2cm", "7l", "100K": digits with a glued unit.
            if rest == "mal" {
                return Some(self.candidate(i, i + 1, FigureKind::Number, number_value(value)));
            }
            let lexicon_unit = self.unit_word(rest)?;
            return Some(match lexicon_unit {
                Unit::Quantity(symbol) => {
                    // "4,18m^2".
                    let mut next = i + 1;
                    let mut symbol = symbol;
                    if symbol == "m" && self.is_punct(next, "^") && self.word(next + 1) == "2" {
                        symbol = "m2";
                        next += 2;
                    }
                    self.candidate(i, next, FigureKind::Quantity, amount_value(value, symbol))
                }
                Unit::Money(code) => {
                    self.candidate(i, i + 1, FigureKind::Money, amount_value(value, code))
                }
                Unit::Percent => self.candidate(i, i + 1, FigureKind::Percent, number_value(value)),
                Unit::Duration(grain) => self.duration_candidate(i, i + 1, value, grain),
                _ => return None,
            });
        }
        if self.info(i).cardinal().is_some() || self.lex(i).is_some() {
            return None;
        }
        // "zweimal", "achtfachen", "zweistöckiges".
        for (suffix, needs_ending) in [("mal", false), ("fach", true), ("stöckig", true)] {
            let Some(at) = lower.find(suffix) else {
                continue;
            };
            let ending = &lower[at + suffix.len()..];
            if needs_ending && !ADJECTIVE_ENDINGS.contains(&ending)
                || !needs_ending && !ending.is_empty()
            {
                continue;
            }
            let stem = &lower[..at];
            let value = if stem == "ein" {
                1.0
            } else {
                parse_cardinal_word(stem)?
            };
            if stem == "ein" && !self.frequency_follows(i) {
                return None;
            }
            return Some(self.candidate(i, i + 1, FigureKind::Number, number_value(value)));
        }
        None
    }

    /// "einmal" counts only next to another frequency ("einmal in Salem und zweimal …").
    fn frequency_follows(&self, i: usize) -> bool {
        (i + 1..(i + 8).min(self.len())).any(|k| {
            let w = self.word(k);
            w.len() > 3
                && w.to_lowercase().ends_with("mal")
                && self.info(k).cardinal().is_none()
                && parse_cardinal_word(&w.to_lowercase()[..w.len() - 3]).is_some()
        })
    }

    fn unit_word(&self, lower: &str) -> Option<Unit> {
        match self.lexicon.get(lower)? {
            Lex::Unit(symbol) => Some(Unit::Quantity(symbol)),
            Lex::Currency(code) => Some(Unit::Money(code)),
            Lex::Percent => Some(Unit::Percent),
            Lex::Period(grain) if lower != "h" => Some(Unit::Duration(grain)),
            _ => None,
        }
    }

    fn duration_candidate(&self, first: usize, next: usize, value: f64, grain: Grain) -> Candidate {
        self.candidate(
            first,
            next,
            FigureKind::Duration,
            duration_value(value, grain, 1.0),
        )
    }

    /// A number with a measure after it.
    fn measured(&self, num: &Num, m: Measure, first: usize, start: usize) -> Option<Candidate> {
        let mut next = m.next;
        let value = num.value * m.factor;
        let (kind, value) = match m.unit {
            Unit::Money(code) => {
                let mut amount = value;
                // "15 Dollar 50", "15 Dollar und 15": cents.
                let cents_at = if self.is(next, "und") { next + 1 } else { next };
                if let Some(cents) = self
                    .integer(cents_at)
                    .filter(|_| self.word(cents_at).len() <= 2)
                {
                    let ends = !matches!(
                        self.kind(cents_at + 1),
                        Some(TokenKind::Word | TokenKind::Number)
                    );
                    if ends && num.plain.is_some() {
                        amount += f64::from(cents) / 100.0;
                        next = cents_at + 1;
                    }
                }
                let mut c = self.candidate(
                    first,
                    next,
                    FigureKind::Money,
                    amount_value(round(amount, 6), code),
                );
                c.start = start;
                c.currency = Some(code);
                return Some(c);
            }
            Unit::Percent => (FigureKind::Percent, number_value(value)),
            Unit::PercentPoints => (FigureKind::Percent, amount_value(value, "pp")),
            Unit::Quantity(symbol) => (FigureKind::Quantity, amount_value(value, symbol)),
            Unit::Times => (FigureKind::Number, number_value(value)),
            Unit::Duration(grain) => {
                // "sechs Stunden sechs Minuten und achtunddreißig Sekunden": one span.
                let (_, unit_seconds) = grain.duration_unit();
                let mut seconds = value * grain.unit_factor() * unit_seconds;
                let mut last = grain;
                let mut parts = 1;
                let mut k = next;
                loop {
                    let at = if self.is(k, "und") { k + 1 } else { k };
                    let Some(n) = self.number(at) else { break };
                    let Some(m2) = self.measure(n.next) else {
                        break;
                    };
                    let Unit::Duration(g2) = m2.unit else { break };
                    if g2 >= last || n.article {
                        break;
                    }
                    let (_, s2) = g2.duration_unit();
                    seconds += n.value * m2.factor * g2.unit_factor() * s2;
                    last = g2;
                    parts += 1;
                    k = m2.next;
                }
                let value = if parts > 1 {
                    next = k;
                    FigureValue::Amount {
                        amount: round(seconds, 3),
                        unit: "second".to_string(),
                        seconds: Some(round(seconds, 3)),
                    }
                } else {
                    duration_value(num.value, grain, m.factor)
                };
                // "37 Jahre alt", "zwischen 16 und 28 Jahre alt": ages keep "alt".
                if self.lex(next) == Some(Lex::Old) {
                    next += 1;
                }
                (FigureKind::Duration, value)
            }
        };
        if num.article && m.unit == Unit::Times {
            return None;
        }
        let mut c = self.candidate(first, next, kind, value);
        c.start = start;
        Some(c)
    }

    /// "5 bis 7", "zwei bis drei Prozent", "eine oder zwei", "10.000 bis 15.000 Euro".
    fn range_after(
        &self,
        num: &Num,
        m1: Option<Measure>,
        first: usize,
        start: usize,
    ) -> Option<Candidate> {
        let after = m1.map_or(num.next, |m| m.next);
        let connector = after;
        let mut k = connector + 1;
        let by_dash = self.is_dash(connector);
        // "16- bis 24-jährigen".
        if by_dash && self.glued(connector) && self.is(k, "bis") {
            let mut buffer = [0u8; MAX_WORD];
            let lower = lowercase(self.word(k + 1), &mut buffer)?;
            let (max, grain) = duration_adjective(lower)?;
            let (unit, s) = grain.duration_unit();
            let _ = s;
            let mut c = self.candidate(
                first,
                k + 2,
                FigureKind::Duration,
                range_value(num.value, max * grain.unit_factor(), Some(unit)),
            );
            c.start = start;
            return Some(c);
        }
        let spelled_or = self.is(connector, "oder") && num.spelled;
        let comma = self.is_punct(connector, ",") && num.plain.is_some();
        if !(self.is(connector, "bis") || by_dash || spelled_or || comma) {
            return None;
        }
        if self.is(k, "zu") {
            return None;
        }
        if matches!(self.lex(k), Some(Lex::Approx(_))) || self.word(k) == "~" {
            k += 1;
        }
        let num2 = self.number(k)?;
        if num2.value <= num.value || num2.article && !spelled_or {
            return None;
        }
        // A date ("3. bis 12. September") or a clock time is another grammar's.
        if self.is_punct(num2.next, ".") && self.glued(num2.next) {
            return None;
        }
        let m2 = self.measure(num2.next);
        if self.lex(num2.next) == Some(super::lexicon::Lex::Uhr) {
            return None;
        }
        if comma && (m2.is_none() || num2.plain.map(f64::from) != Some(num.value + 1.0)) {
            return None;
        }
        let unit = range_unit(num, &num2, m1, m2)?;
        let min = self.scaled_like(num, &num2);
        let mut c = self.range_candidate(first, num2.first, min, num2.value, unit, start);
        if unit.is_none() {
            c.next = num2.next;
            c.end = num2.end;
        }
        Some(c)
    }

    /// The first end of "zwischen 3 und 4 Millionen" takes the scale word of the second.
    fn scaled_like(&self, min: &Num, max: &Num) -> f64 {
        if min.scaled || !max.scaled {
            return min.value;
        }
        let scale = (max.first..max.next).rev().find_map(|k| match self.lex(k) {
            Some(Lex::Scale(factor)) => Some(factor),
            _ => None,
        });
        match scale {
            Some(factor) if min.value * factor <= max.value => min.value * factor,
            _ => min.value,
        }
    }

    /// A range from `first` whose maximum ends at token `last_number` (before the unit).
    fn range_candidate(
        &self,
        first: usize,
        last_number: usize,
        min: f64,
        max: f64,
        unit: Option<Measure>,
        start: usize,
    ) -> Candidate {
        let number_end = self.number(last_number).map_or(last_number + 1, |n| n.next);
        let (kind, value, next) = match unit.map(|m| (m.unit, m)) {
            None => (FigureKind::Number, range_value(min, max, None), number_end),
            Some((Unit::Money(code), m)) => {
                (FigureKind::Money, range_value(min, max, Some(code)), m.next)
            }
            Some((Unit::Percent, m)) => (FigureKind::Percent, range_value(min, max, None), m.next),
            Some((Unit::PercentPoints, m)) => (
                FigureKind::Percent,
                range_value(min, max, Some("pp")),
                m.next,
            ),
            Some((Unit::Quantity(symbol), m)) => (
                FigureKind::Quantity,
                range_value(min, max, Some(symbol)),
                m.next,
            ),
            Some((Unit::Duration(grain), m)) => {
                let (name, _) = grain.duration_unit();
                let f = grain.unit_factor() * m.factor;
                let mut next = m.next;
                if self.lex(next) == Some(Lex::Old) {
                    next += 1;
                }
                (
                    FigureKind::Duration,
                    range_value(min * f, max * f, Some(name)),
                    next,
                )
            }
            Some((Unit::Times, m)) => (FigureKind::Number, range_value(min, max, None), m.next),
        };
        let next = if first == last_number {
            unit.map_or(first + 1, |m| m.next.max(first + 1))
        } else {
            next
        };
        let mut c = self.candidate(first, next, kind, value);
        c.start = start;
        if let Some(Unit::Money(code)) = unit.map(|m| m.unit) {
            c.currency = Some(code);
        }
        c
    }

    /// "zwischen 5 und 7 Prozent", "von 3km bis 5km", "zwischen 16 und 28 Jahre alt".
    fn prefixed_range(&self, i: usize) -> Option<Candidate> {
        let between = self.is(i, "zwischen");
        if let Some(c) = self.glued_unit_range(i, between) {
            return Some(c);
        }
        let num = self.number(i + 1)?;
        let m1 = self.measure(num.next);
        let connector = m1.map_or(num.next, |m| m.next);
        let expected = if between { "und" } else { "bis" };
        if !self.is(connector, expected) {
            return None;
        }
        let mut k = connector + 1;
        if matches!(self.lex(k), Some(Lex::Approx(_))) {
            k += 1;
        }
        let num2 = self.number(k)?;
        if num2.value <= num.value || num2.article {
            return None;
        }
        if self.is_punct(num2.next, ".") && self.glued(num2.next)
            || self.lex(num2.next) == Some(Lex::Uhr)
        {
            return None;
        }
        let m2 = self.measure(num2.next);
        let unit = range_unit(&num, &num2, m1, m2)?;
        let min = self.scaled_like(&num, &num2);
        let mut c = self.range_candidate(i, num2.first, min, num2.value, unit, self.start(i));
        if unit.is_none() {
            c.next = num2.next;
            c.end = num2.end;
        }
        Some(c)
    }

    /// "von 3km bis 5km", "zwischen 2l und etwa 7l": units glued to both numbers.
    fn glued_unit_range(&self, i: usize, between: bool) -> Option<Candidate> {
        let split = |k: usize| -> Option<(f64, &str)> {
            let word = self.word(k);
            if self.kind(k) != Some(TokenKind::Word) {
                return None;
            }
            let at = word
                .bytes()
                .position(|b| !(b.is_ascii_digit() || b == b','))?;
            Some((parse_digits(&word[..at])?, &word[at..]))
        };
        let (min, unit) = split(i + 1)?;
        if !self.is(i + 2, if between { "und" } else { "bis" }) {
            return None;
        }
        let mut k = i + 3;
        if matches!(self.lex(k), Some(Lex::Approx(_))) {
            k += 1;
        }
        let (max, unit2) = split(k)?;
        let mut buffer = [0u8; MAX_WORD];
        let lower = lowercase(unit, &mut buffer)?;
        let Some(Unit::Quantity(symbol)) = self.unit_word(lower) else {
            return None;
        };
        if !unit.eq_ignore_ascii_case(unit2) || max <= min {
            return None;
        }
        Some(self.candidate(
            i,
            k + 1,
            FigureKind::Quantity,
            range_value(min, max, Some(symbol)),
        ))
    }

    /// A number with nothing after it that makes it an amount.
    fn plain_number(&self, num: &Num, context: &Context) -> Option<Candidate> {
        if num.article {
            return None;
        }
        let i = num.first;
        if self.lex(num.next) == Some(Lex::Uhr) {
            return None;
        }
        if let Some(v) = num.plain {
            if (1000..=2100).contains(&v) && self.word(i).len() == 4 {
                return None; // a year: the date grammar's
            }
        }
        if i > 0 && self.is_identifier(i - 1) {
            return None;
        }
        let rank = i > 0 && self.lex(i - 1) == Some(Lex::Rank);
        // "endete 31:31. Die …": the second number of a score ends the sentence.
        let score = i >= 2
            && self.is_punct(i - 1, ":")
            && self.glued(i - 1)
            && self.glued(i)
            && self.kind(i - 2) == Some(TokenKind::Number);
        // "3. Strafsenat", "64. Minute": an ordinal with its period.
        if let Some(v) = num.plain {
            let dot = num.next;
            let word_after = dot + 1;
            if !rank
                && !score
                && v < 1000
                && self.is_punct(dot, ".")
                && self.glued(dot)
                && self.kind(word_after) == Some(TokenKind::Word)
                && self.same_line(word_after)
                && !matches!(
                    self.lex(word_after),
                    Some(Lex::Month(_) | Lex::MonthAbbrev(_))
                )
            {
                return Some(self.candidate(
                    i,
                    dot + 1,
                    FigureKind::Ordinal,
                    number_value(f64::from(v)),
                ));
            }
        }
        // "9,3 bzw. 8,0 Prozent", "von 114 auf 99 Euro": the unit of the next number.
        let mut k = num.next;
        if self.is_any(
            k,
            &["bzw", "beziehungsweise", "oder", "und", "auf", "sowie"],
        ) {
            k += 1;
            if self.is_punct(k, ".") {
                k += 1;
            }
            if let Some(n2) = self.number(k) {
                if !n2.article {
                    if let Some(m) = self.measure(n2.next) {
                        let kind_value = match m.unit {
                            Unit::Money(code) => {
                                Some((FigureKind::Money, amount_value(num.value, code)))
                            }
                            Unit::Percent => Some((FigureKind::Percent, number_value(num.value))),
                            Unit::PercentPoints => {
                                Some((FigureKind::Percent, amount_value(num.value, "pp")))
                            }
                            Unit::Quantity(symbol) => {
                                Some((FigureKind::Quantity, amount_value(num.value, symbol)))
                            }
                            _ => None,
                        };
                        if let Some((kind, value)) = kind_value {
                            let mut c = self.candidate(i, num.next, kind, value);
                            c.start = num.start;
                            c.end = num.end;
                            return Some(c);
                        }
                    }
                }
            }
        }
        // "67 Millionen Euro gegenüber 44 Millionen": the sentence's currency.
        if num.scaled && !num.spelled {
            if let Some(code) = context.currency {
                let mut c = self.candidate(
                    i,
                    num.next,
                    FigureKind::Money,
                    amount_value(num.value, code),
                );
                c.start = num.start;
                c.end = num.end;
                return Some(c);
            }
        }
        let mut c = self.candidate(i, num.next, FigureKind::Number, number_value(num.value));
        c.start = num.start;
        c.end = num.end;
        c.fraction = num.fraction;
        Some(c)
    }

    /// Whether a number after token `i` is an identifier ("Artikel 5", "Flug 93", "A 340").
    pub fn is_identifier(&self, i: usize) -> bool {
        if self.lex(i) == Some(Lex::Identifier) {
            return true;
        }
        // "Abs. 2", "Nr. 5".
        if self.is_punct(i, ".") && i > 0 && self.lex(i - 1) == Some(Lex::Identifier) {
            return true;
        }
        let word = self.word(i);
        self.kind(i) == Some(TokenKind::Word)
            && word.len() <= 2
            && word.bytes().all(|b| b.is_ascii_uppercase())
            && self.lex(i).is_none()
    }

    /// Ordinal words: "dritte", "Zweiten", "fünftgrößten", "13ter".
    pub fn ordinal_at(&self, i: usize) -> Option<Candidate> {
        let value = self.info(i).ordinal()?;
        // "achten" is also a verb: an ordinal only after a determiner or before a noun.
        let word = self.word(i);
        if word.len() >= 5 && word[..4].eq_ignore_ascii_case("acht") {
            let determiner = i > 0
                && self.is_any(
                    i - 1,
                    &[
                        "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "beim",
                        "vom", "als", "jeder", "jede", "seinen", "seinem", "ihren", "ihrem",
                    ],
                );
            let noun = self.word(i + 1).starts_with(|c: char| c.is_uppercase());
            if !(determiner || noun) {
                return None;
            }
        }
        Some(self.candidate(i, i + 1, FigureKind::Ordinal, number_value(value)))
    }
}

/// A duration's value: `{"amount", "unit", "seconds"}`.
pub(crate) fn duration_value(value: f64, grain: Grain, factor: f64) -> FigureValue {
    let (unit, unit_seconds) = grain.duration_unit();
    let amount = round(value * factor * grain.unit_factor(), 6);
    FigureValue::Amount {
        amount,
        unit: unit.to_string(),
        seconds: Some(round(amount * unit_seconds, 3)),
    }
}

/// The unit both ends of a range share (the second end's, else the first's), or `None` inside
/// when neither has one; `None` outside when the ends disagree, or when a unitless end looks
/// like a year ("1990 bis 2000" is a date range, another grammar's).
fn range_unit(
    first: &Num,
    second: &Num,
    m1: Option<Measure>,
    m2: Option<Measure>,
) -> Option<Option<Measure>> {
    if let (Some(a), Some(b)) = (m1, m2) {
        if a.unit != b.unit {
            return None;
        }
    }
    let unit = m2.or(m1);
    let year = |n: &Num| n.plain.is_some_and(|v| (1000..=2100).contains(&v));
    if unit.is_none() && (year(first) || year(second)) {
        return None;
    }
    Some(unit)
}

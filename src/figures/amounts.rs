//! Amounts: numbers, ordinals, money, percentages, quantities and durations, alone or as
//! ranges ("zwischen fünf und sieben Prozent").

mod identifiers;
mod ordinals;
mod phrases;
mod ranges;
mod units;

use crate::annotations::{FigureKind, FigureValue};
use crate::text::TokenKind;

use super::lexicon::{lowercase, Lex, MAX_WORD};
use super::numbers::{parse_cardinal_word, parse_digits, round};
use super::{amount_value, number_value, Candidate, Context, Scan};

pub(crate) use phrases::Num;
use units::{duration_adjective, ADJECTIVE_ENDINGS};
pub(crate) use units::{duration_value, Measure, Unit};

impl Scan<'_, '_> {
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
}

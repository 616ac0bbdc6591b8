//! Units: what follows a number and makes it an amount (currencies, percent, units of
//! measure, periods), and the age or duration adjectives ("24-jährigen").

use crate::annotations::{FigureKind, FigureValue};
use crate::text::TokenKind;

use super::super::lexicon::{ratio_unit, Grain, Lex};
use super::super::numbers::{parse_cardinal_word, parse_digits, round};
use super::super::{Candidate, Scan};

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

pub(super) const ADJECTIVE_ENDINGS: [&str; 6] = ["", "e", "en", "er", "es", "em"];

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
    pub(super) fn ratio_after(&self, numerator: &str, k: usize) -> Option<&'static str> {
        match self.lex(k)? {
            Lex::Unit(denominator) => ratio_unit(numerator, denominator),
            _ => None,
        }
    }

    /// Inches right after a number: `5''`, or `5"` when that `"` closes no quotation.
    /// Returns the token after the mark.
    pub(super) fn inch_mark(&self, k: usize) -> Option<usize> {
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

    pub(super) fn unit_word(&self, lower: &str) -> Option<Unit> {
        match self.lexicon.get(lower)? {
            Lex::Unit(symbol) => Some(Unit::Quantity(symbol)),
            Lex::Currency(code) => Some(Unit::Money(code)),
            Lex::Percent => Some(Unit::Percent),
            Lex::Period(grain) if lower != "h" => Some(Unit::Duration(grain)),
            _ => None,
        }
    }

    pub(super) fn duration_candidate(
        &self,
        first: usize,
        next: usize,
        value: f64,
        grain: Grain,
    ) -> Candidate {
        self.candidate(
            first,
            next,
            FigureKind::Duration,
            duration_value(value, grain, 1.0),
        )
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

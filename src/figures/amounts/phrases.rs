//! Number phrases: digits, number words, fractions and scale words ("60.000",
//! "drei Millionen", "ein Drittel", "472,51 Mrd.").

use crate::text::TokenKind;

use super::super::lexicon::Lex;
use super::super::numbers::{parse_digits, round};
use super::super::Scan;
use super::units::Unit;

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

    pub fn info(&self, i: usize) -> super::super::Info {
        self.info.get(i).copied().unwrap_or_default()
    }
}

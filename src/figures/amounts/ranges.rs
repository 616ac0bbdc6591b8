//! Ranges of amounts: "5 bis 7", "zwischen fünf und sieben Prozent", "von 3km bis 5km".

use crate::annotations::FigureKind;
use crate::text::TokenKind;

use super::super::lexicon::{lowercase, Lex, MAX_WORD};
use super::super::numbers::parse_digits;
use super::super::{range_value, Candidate, Scan};
use super::phrases::Num;
use super::units::{duration_adjective, Measure, Unit};

impl Scan<'_, '_> {
    /// "5 bis 7", "zwei bis drei Prozent", "eine oder zwei", "10.000 bis 15.000 Euro".
    pub(super) fn range_after(
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
        if self.lex(num2.next) == Some(Lex::Uhr) {
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
    pub(super) fn scaled_like(&self, min: &Num, max: &Num) -> f64 {
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
    pub(super) fn range_candidate(
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
    pub(super) fn prefixed_range(&self, i: usize) -> Option<Candidate> {
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
    pub(super) fn glued_unit_range(&self, i: usize, between: bool) -> Option<Candidate> {
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

//! Decades: "in den 1990er-Jahren", "der Achtzigerjahre", "in den 80ern" → `199`, `198`
//! (ISO 8601 and TIMEX3 write a decade with its first three digits); "der 1960er- bis
//! 1980er-Jahre" → a range of decades.

use super::*;
use crate::figures::numbers::parse_decade;

/// A decade's ISO 8601 value: its first three digits.
fn decade_iso(first_year: i32) -> String {
    format!("{:03}", first_year / 10)
}

impl Scan<'_, '_> {
    /// The decade word at `i`: its first year, whether it holds its head "Jahre", and
    /// whether it is cut short before a conjunction ("1970er- und 1980er-Jahren").
    fn decade_word(&self, i: usize) -> Option<(i32, bool, bool)> {
        // The token scan marked decade words.
        if !self.info(i).decade {
            return None;
        }
        let mut buffer = [0u8; MAX_WORD];
        let lower = lowercase(self.word(i), &mut buffer)?;
        let (word, truncated) = match lower.strip_suffix('-') {
            Some(word) => (word, true),
            None => (lower, false),
        };
        let (first_year, head) = parse_decade(word)?;
        Some((first_year, head, truncated))
    }

    /// A decade at `i`, with "Jahre" after it when the word lacks its head. Without a head it
    /// needs an article before it ("in den 80ern", "der Achtziger"), as "ein 80er" is
    /// something else.
    pub(super) fn decade_at(&self, i: usize) -> Option<Candidate> {
        let (first_year, head, truncated) = self.decade_word(i)?;
        if truncated {
            return self.truncated_decade(i, first_year);
        }
        let mut next = i + 1;
        let head_after =
            !head && self.is_any(next, &["jahre", "jahren", "jahrzehnt", "jahrzehnts"]);
        if head_after {
            next += 1;
        }
        // "in den 80ern", "in den späten 1960ern".
        let article = |k: usize| self.is_any(k, &["den", "der", "die"]);
        let article_before = i > 0 && article(i - 1)
            || i > 1
                && article(i - 2)
                && self.is_any(i - 1, &["frühen", "späten", "mittleren", "ausgehenden"]);
        if !(head || head_after || article_before) {
            return None;
        }
        let value = FigureValue::Iso(decade_iso(first_year));
        Some(self.date_candidate(i, next, value, None))
    }

    /// "1960er- bis 1980er-Jahre" is one range; "1970er- und 1980er-Jahren" two decades, the
    /// first cut short. The second must hold its head.
    fn truncated_decade(&self, i: usize, first_year: i32) -> Option<Candidate> {
        let k = i + 1;
        if !self.is_any(k, &["und", "oder", "sowie", "bis"]) {
            return None;
        }
        let (last_year, head, truncated) = self.decade_word(k + 1)?;
        if !head || truncated {
            return None;
        }
        if self.is(k, "bis") && last_year > first_year {
            let value = iso_range(decade_iso(first_year), decade_iso(last_year));
            return Some(self.date_candidate(i, k + 2, value, None));
        }
        let value = FigureValue::Iso(decade_iso(first_year));
        Some(self.date_candidate(i, k, value, None))
    }
}

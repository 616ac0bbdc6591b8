//! Date ranges and periods: "vom 13. bis 15. Juli", "Von Januar bis Juli", "zweiten Quartal".

use super::*;

impl Scan<'_, '_> {
    /// A range whose first end (`first_end`: what and where it ends) starts at token `first`
    /// or right after its "von"/"zwischen".
    pub(super) fn date_range(
        &self,
        first: usize,
        first_end: (When, usize),
        prefix: bool,
        between: bool,
    ) -> Option<Candidate> {
        let (a, connector) = first_end;
        let mut j = connector;
        let joined = if between {
            self.is(j, "und")
        } else {
            self.is(j, "bis") || self.is_dash(j) || (self.is_punct(j, "/") && !prefix)
        };
        if !joined {
            return None;
        }
        let slash = self.is_punct(j, "/");
        j += 1;
        if self.is_any(j, &["zum", "dem"]) {
            j += 1;
        }
        // "2015/16": a season's second year in two digits.
        let short_year = match a {
            When::Year(x) if slash && self.word(j).len() == 2 => self
                .integer(j)
                .filter(|&y| i64::from(y) == i64::from(x + 1).rem_euclid(100))
                .map(|_| (When::Year(x + 1), j + 1)),
            _ => None,
        };
        let (b, next) = match short_year {
            Some(end) => end,
            None => self.range_end(j)?,
        };
        // Borrow the missing month/year of the first end from the second.
        let (a, b) = match (a, b) {
            (
                When::Day {
                    year: ya,
                    month: ma,
                    day: da,
                },
                When::Day {
                    year: yb,
                    month: Some(mb),
                    ..
                },
            ) => (
                When::Day {
                    year: ya.or(yb),
                    month: ma.or(Some(mb)),
                    day: da,
                },
                b,
            ),
            (When::Month { year: None, month }, When::Month { year: Some(y), .. }) => (
                When::Month {
                    year: Some(y),
                    month,
                },
                b,
            ),
            (When::Year(x), When::Year(y)) if x < y => (a, b),
            (When::Year(_), When::Year(_)) => return None,
            (When::Month { .. }, When::Month { .. }) => (a, b),
            _ => return None,
        };
        if slash && !matches!((a, b), (When::Year(x), When::Year(y)) if y == x + 1) {
            return None;
        }
        if let When::Day { month: None, .. } = a {
            return None;
        }
        let (a, b) = (self.settle(a, first), self.settle(b, first));
        let ref_year = self.ref_year();
        // "von Montag bis Mittwoch": the second weekday is the one after the first.
        let b = match (when_day(a, ref_year), when_day(b, ref_year)) {
            (Some(from), Some(to)) if to < from && matches!(self.lex(j), Some(Lex::Weekday(_))) => {
                let to = to.add_days(7);
                When::of_date(to)
            }
            _ => b,
        };
        let value = iso_range(when_iso(a, ref_year), when_iso(b, ref_year));
        Some(self.date_candidate(first, next, value, None))
    }

    /// One end of a date range: an absolute date, a day "14.", a month, a weekday.
    pub(super) fn range_end(&self, k: usize) -> Option<(When, usize)> {
        if let Some(piece) = self.absolute(k) {
            return Some((piece.when, piece.next));
        }
        match self.lex(k) {
            Some(Lex::Weekday(w)) => self.weekday_end(w, k),
            // "von heute bis morgen".
            Some(Lex::DayOffset(offset)) if !self.is_any(k, &["vortag", "vortages"]) => {
                self.relative_day_end(i64::from(offset), k)
            }
            Some(Lex::DayPart(DayPart::Morning)) if self.is(k, "morgen") => {
                self.relative_day_end(1, k)
            }
            // "von Mitte Mai bis Ende Juni": the period's part is lost in the range.
            Some(Lex::PeriodPart(_)) => self.absolute(k + 1).map(|p| (p.when, p.next)),
            _ => None,
        }
    }

    /// The day `offset` days from the reference as a range end at token `k`.
    fn relative_day_end(&self, offset: i64, k: usize) -> Option<(When, usize)> {
        let date = self.ref_date?.add_days(offset);
        Some((When::of_date(date), k + 1))
    }

    /// A bare weekday at `k` as a range end.
    pub(super) fn weekday_end(&self, weekday: u8, k: usize) -> Option<(When, usize)> {
        let date = self.resolve_weekday(weekday, Direction::OnOrBefore)?;
        Some((When::of_date(date), k + 1))
    }

    /// "zweiten Quartal", "3. Quartal 2005", "drittes quartal", "ersten Halbjahr 2015".
    pub(super) fn quarter_at(&self, i: usize) -> Option<Candidate> {
        let (q, k) = if let Some(o) = self.info(i).ordinal() {
            (o, i + 1)
        } else {
            let v = self.integer(i)?;
            if !(self.is_punct(i + 1, ".") && self.glued(i + 1)) {
                return None;
            }
            (f64::from(v), i + 2)
        };
        // Quarters, and half-years as TIMEX3 writes them ("2015-H1").
        let (parts, letter) = if self.is_any(k, &["quartal", "quartals"]) {
            (4.0, 'Q')
        } else if self.is_any(k, &["halbjahr", "halbjahres", "halbjahrs", "jahreshälfte"]) {
            (2.0, 'H')
        } else {
            return None;
        };
        if !(1.0..=parts).contains(&q) {
            return None;
        }
        let mut next = k + 1;
        let year = if let Some(y) = self.year_at(next) {
            next += 1;
            Some(y)
        } else if let Some((y, n)) = self.of_year(next) {
            next = n;
            y.or(self.ref_year())
        } else {
            self.ref_year()
        };
        let value = FigureValue::Iso(match year {
            Some(y) => format!("{y:04}-{letter}{}", q as u8),
            None => format!("XXXX-{letter}{}", q as u8),
        });
        Some(self.date_candidate(i, next, value, None))
    }
}

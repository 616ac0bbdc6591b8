//! Dates: the entry point of the date grammar, the year a yearless date falls in, ISO values.
//!
//! The grammar's parts live in `dates/`: absolute dates ("28. Oktober 2025", "28.10.2025",
//! "1969"), dates relative to the reference date ("Dienstag", "gestern", "vor drei Tagen"),
//! ranges and periods, holidays, and clock times ("14 Uhr", "um halb drei").

mod absolute;
mod clock;
mod decades;
mod holidays;
mod ranges;
mod relative;

use crate::annotations::{FigureKind, FigureValue, PeriodPart};
use crate::calendar::{days_in_month, ClockTime, Date};
use crate::text::TokenKind;

use super::amounts::Unit;
use super::lexicon::{
    lowercase, weekday_compound, DayPart, Grain, HebrewFeast, HolidayRule, Lex, PeriodWord,
    HOLIDAYS, MAX_WORD,
};
use super::{iso_range, Candidate, Context, Scan};

/// A date before its year is settled from the reference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum When {
    /// A day; without a month only as the first end of a range ("14. - 15.10.").
    Day {
        year: Option<i32>,
        month: Option<u8>,
        day: u8,
    },
    Month {
        year: Option<i32>,
        month: u8,
    },
    Year(i32),
}

/// A clock reading: hour and minute.
type HourMinute = (u32, u32);

impl When {
    /// A day and month (and year, when known), if that day exists.
    fn day(year: Option<i32>, month: u8, day: u8) -> Option<When> {
        // A day without a year may be 29 February (2000 was a leap year).
        let valid = (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year.unwrap_or(2000), month);
        valid.then_some(When::Day {
            year,
            month: Some(month),
            day,
        })
    }

    /// The day a calendar date names.
    fn of_date(date: Date) -> When {
        When::Day {
            year: Some(date.year()),
            month: Some(date.month()),
            day: date.day(),
        }
    }
}

/// A piece of date grammar: what it names and where it ends.
#[derive(Clone, Copy, Debug)]
struct Piece {
    when: When,
    next: usize,
}

/// How a bare weekday is resolved.
#[derive(Clone, Copy, PartialEq)]
enum Direction {
    /// On or before the reference (news report the past).
    OnOrBefore,
    OnOrAfter,
    Before,
    After,
    AfterNext,
}

fn month_iso(year: i32, month: u8) -> String {
    format!("{year:04}-{month:02}")
}

fn year_iso(year: i32) -> String {
    format!("{year:04}")
}

/// An ISO value, or `null` when it needed a reference date the text did not have.
fn resolved_or_null(iso: Option<String>) -> FigureValue {
    iso.map_or(FigureValue::Unresolved, FigureValue::Iso)
}

/// The ISO 8601 spelling of a date, its year taken from the reference when missing.
fn when_iso(when: When, ref_year: Option<i32>) -> String {
    let year = |y: Option<i32>| match y.or(ref_year) {
        Some(y) => year_iso(y),
        None => "XXXX".to_string(),
    };
    match when {
        When::Day {
            year: y,
            month: Some(m),
            day,
        } => format!("{}-{m:02}-{day:02}", year(y)),
        When::Day {
            year: y,
            month: None,
            day,
        } => format!("{}-XX-{day:02}", year(y)),
        When::Month { year: y, month } => format!("{}-{month:02}", year(y)),
        When::Year(y) => year_iso(y),
    }
}

fn when_day(when: When, ref_year: Option<i32>) -> Option<Date> {
    match when {
        When::Day {
            year,
            month: Some(m),
            day,
        } => Date::new(year.or(ref_year)?, m, day),
        _ => None,
    }
}

impl Scan<'_, '_> {
    fn ref_year(&self) -> Option<i32> {
        self.ref_date.map(Date::year)
    }

    /// Whether a yearless day and month (tokens `first..next`) names a day that recurs every
    /// year: a birthday, anniversary or memorial day said so near it in the sentence.
    fn recurring_day(&self, when: When, first: usize, next: usize) -> bool {
        const CUES: [&str; 7] = [
            "geburtstag",
            "jahrestag",
            "gedenktag",
            "todestag",
            "namenstag",
            "feiertag",
            "jährlich",
        ];
        if !matches!(
            when,
            When::Day {
                year: None,
                month: Some(_),
                ..
            }
        ) {
            return false;
        }
        let sentence = self.doc.sentences.get(self.sentence_of(first));
        let (from, to) = sentence.map_or((first, next), |r| (r.start, r.end));
        let mut buffer = [0u8; MAX_WORD];
        (first.saturating_sub(8).max(from)..(next + 8).min(to))
            .filter(|&k| k < first || k >= next)
            .any(|k| {
                lowercase(self.word(k), &mut buffer)
                    .is_some_and(|w| CUES.iter().any(|cue| w.contains(cue)))
                    || self.is(k, "jedes") && self.is_any(k + 1, &["jahr", "jahres"])
            })
    }

    /// The year a yearless month or day falls in: the reference year, or the year before
    /// after "seit" when the month lies ahead of the reference, or when it lies more than
    /// six months ahead.
    fn settle(&self, when: When, first: usize) -> When {
        let Some(reference) = self.ref_date else {
            return when;
        };
        let since = first > 0 && self.is_any(first - 1, &["seit", "vergangenen", "letzten"]);
        let year_for = |month: u8| {
            let ahead = i32::from(month) - i32::from(reference.month());
            // News looks back: a month more than half a year ahead is last year's
            // ("im November", written in January).
            if since && ahead > 0 || ahead > 6 {
                reference.year() - 1
            } else {
                reference.year()
            }
        };
        match when {
            When::Day {
                year: None,
                month: Some(m),
                day,
            } => When::Day {
                year: Some(year_for(m)),
                month: Some(m),
                day,
            },
            When::Month { year: None, month } => When::Month {
                year: Some(year_for(month)),
                month,
            },
            other => other,
        }
    }

    /// "Samstag, 14. März" without a year: the year, next to the settled one, in which that
    /// day is that weekday (`written` is the date as the text gave it).
    fn settled_to_weekday(&self, settled: When, written: When, first: usize) -> When {
        let (Some(Lex::Weekday(weekday)), When::Day { year: None, .. }) =
            (self.lex(first), written)
        else {
            return settled;
        };
        let When::Day {
            year: Some(year),
            month: Some(month),
            day,
        } = settled
        else {
            return settled;
        };
        let on_weekday =
            |y: i32| Date::new(y, month, day).filter(|d| d.weekday().index() == weekday);
        [year, year + 1, year - 1]
            .into_iter()
            .find_map(on_weekday)
            .map_or(settled, When::of_date)
    }

    fn date_candidate(
        &self,
        first: usize,
        next: usize,
        value: FigureValue,
        day: Option<Date>,
    ) -> Candidate {
        let mut c = Candidate::new(
            first,
            next,
            self.start(first),
            self.end(next - 1),
            FigureKind::Date,
            value,
        );
        c.day = day;
        c
    }

    /// Swallows a part of the day after a date ("gestern Abend", "Freitag Nachmittag").
    fn day_part_after(&self, k: usize) -> usize {
        if matches!(self.lex(k), Some(Lex::DayPart(_))) && self.same_line(k) {
            k + 1
        } else {
            k
        }
    }

    /// A date starting at token `i`.
    pub fn date_at(&self, i: usize) -> Option<Candidate> {
        let lex = self.lex(i);
        if let Some(c) = self.nth_in_period(i) {
            return Some(c);
        }
        // The most frequent triggers start only one thing.
        if lex == Some(Lex::Trigger) && self.is_any(i, &["in", "vor"]) {
            return self.ago_or_ahead(i);
        }
        // Period parts: "Anfang Oktober", "Ende 1989", "Mitte des Jahres".
        if matches!(lex, Some(Lex::Trigger | Lex::Unit(_))) {
            if let Some(c) = self.calendar_week(i) {
                return Some(c);
            }
        }
        if self.info(i).decade {
            if let Some(c) = self.decade_at(i) {
                return Some(c);
            }
        }
        if let Some(Lex::PeriodPart(part)) = lex {
            let mut k = i + 1;
            if self.is_any(k, &["des", "der"]) && !self.is_any(k + 1, &["jahres", "jahrs"]) {
                k += 1;
            }
            let mut c = if let Some((year, next)) = self.of_year(i + 1) {
                let y = year.or(self.ref_year())?;
                self.date_candidate(i, next, FigureValue::Iso(year_iso(y)), None)
            } else if let Some(value) = self.current_week_or_month(k) {
                // "Anfang der Woche", "Mitte des Monats".
                self.date_candidate(i, k + 1, value, None)
            } else {
                let inner = self.date_at(k)?;
                // "Ende Vorjahr" without a reference date is still a date, valued null.
                if !matches!(inner.value, FigureValue::Iso(_) | FigureValue::Unresolved) {
                    return None;
                }
                let mut c = inner;
                c.first = i;
                c.start = self.start(i);
                c
            };
            c.modifier = Some(part);
            return Some(c);
        }
        // Ranges: "vom 14.10. - 15.10.2018", "zwischen dem 15. und dem 19. November",
        // "Von Januar bis Juli 2017", "von Montag bis Freitag".
        let prefix = self.is_any(i, &["vom", "von", "zwischen"]);
        let between = self.is(i, "zwischen");
        let start_at = if prefix {
            if self.is(i + 1, "dem") {
                i + 2
            } else {
                i + 1
            }
        } else {
            i
        };
        if prefix {
            let first_end = self.range_end(start_at)?;
            return self.date_range(i, first_end, prefix, between);
        }
        let piece = self.absolute(i);
        let first_end = match (piece, lex) {
            (Some(p), _) => Some((p.when, p.next)),
            (None, Some(Lex::Weekday(w))) => self.weekday_end(w, i),
            _ => None,
        };
        if let Some(c) = first_end.and_then(|end| self.date_range(i, end, prefix, between)) {
            return Some(c);
        }
        // A day without a month ("2." in "2. Advent") is only a range end.
        if let Some(piece) = piece.filter(|p| !matches!(p.when, When::Day { month: None, .. })) {
            // A birthday or memorial day recurs: it keeps no year ("XXXX-05-12").
            let ref_year = if self.recurring_day(piece.when, i, piece.next) {
                None
            } else {
                self.ref_year()
            };
            let when = match ref_year {
                Some(_) => self.settled_to_weekday(self.settle(piece.when, i), piece.when, i),
                None => piece.when,
            };
            let next = self.day_part_after(piece.next);
            let day = when_day(when, ref_year);
            return Some(self.date_candidate(
                i,
                next,
                FigureValue::Iso(when_iso(when, ref_year)),
                day,
            ));
        }
        self.relative(i)
    }
}

//! Dates and times: absolute ("28. Oktober 2025", "28.10.2025", "2025-10-28", "1969"),
//! relative to the reference date ("Dienstag", "gestern", "vergangene Woche", "vor drei
//! Tagen"), holidays, ranges, and clock times ("14 Uhr", "um halb drei").

use crate::annotations::{FigureKind, FigureValue, PeriodPart};
use crate::calendar::{days_in_month, ClockTime, Date};
use crate::text::TokenKind;

use super::amounts::Unit;
use super::lexicon::{
    lowercase, weekday_compound, DayPart, Grain, HebrewFeast, HolidayRule, Lex, HOLIDAYS, MAX_WORD,
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

/// Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u8, day as u8)
}

/// Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar (the 13-day
/// difference holds 1900–2099; other years get no date).
pub(crate) fn orthodox_easter(year: i32) -> Option<Date> {
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    Date::new(year, month as u8, day as u8).map(|julian| julian.add_days(13))
}

/// Days from the Hebrew epoch to 1 Tishrei of Hebrew `year`, before the new-year delay
/// (Calendrical Calculations: molad of Tishrei, postponed when it falls late in the day).
fn hebrew_elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let day = 29 * months + parts.div_euclid(25_920);
    if (3 * (day + 1)).rem_euclid(7) < 3 {
        day + 1
    } else {
        day
    }
}

/// 1 Tishrei of Hebrew `year`, in days from the Hebrew epoch (with the year-length delays).
fn hebrew_new_year(year: i64) -> i64 {
    let (before, this, after) = (
        hebrew_elapsed_days(year - 1),
        hebrew_elapsed_days(year),
        hebrew_elapsed_days(year + 1),
    );
    let delay = if after - this == 356 {
        2
    } else if this - before == 382 {
        1
    } else {
        0
    };
    this + delay
}

fn hebrew_leap_year(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// Rosh Hashanah (1 Tishrei) in the autumn of Gregorian `year`.
pub(crate) fn rosh_hashanah(year: i32) -> Option<Date> {
    if !(1000..=3000).contains(&year) {
        return None;
    }
    // Anchored on 1 Tishrei 5779 = 2018-09-10.
    let anchor = Date::new(2018, 9, 10)?;
    let days = hebrew_new_year(i64::from(year) + 3761) - hebrew_new_year(5779);
    Some(anchor.add_days(days))
}

/// A Hebrew feast in Gregorian `year`: the evening it begins, and its last day when it
/// lasts several days.
fn hebrew_feast(feast: HebrewFeast, year: i32) -> Option<(Date, Option<Date>)> {
    let tishrei = rosh_hashanah(year)?;
    // 15 Nisan always falls 163 days before the next 1 Tishrei.
    let pesach = tishrei.add_days(-163);
    let eve = |d: Date| d.add_days(-1);
    Some(match feast {
        HebrewFeast::RoshHashanah => (eve(tishrei), Some(tishrei.add_days(1))),
        HebrewFeast::YomKippur => (eve(tishrei.add_days(9)), None),
        HebrewFeast::Sukkot => (eve(tishrei.add_days(14)), Some(tishrei.add_days(21))),
        HebrewFeast::SheminiAtzeret => (eve(tishrei.add_days(21)), None),
        HebrewFeast::Pesach => (eve(pesach), Some(pesach.add_days(7))),
        HebrewFeast::Shavuot => (eve(pesach.add_days(50)), None),
        HebrewFeast::Purim => (eve(pesach.add_days(-30)), None),
        HebrewFeast::TuBishvat => {
            // Shevat and the Adar months lie between: 59 days, 89 in a leap year.
            let adar = if hebrew_leap_year(i64::from(year) + 3760) {
                89
            } else {
                59
            };
            (eve(pesach.add_days(-adar)), None)
        }
        HebrewFeast::YomHaatzmaut => {
            // 5 Iyar, moved off Friday/Saturday to Thursday and off Monday to Tuesday.
            let day = pesach.add_days(20);
            let shift = match day.weekday().index() {
                4 => -1,
                5 => -2,
                0 if year >= 2004 => 1,
                _ => 0,
            };
            (eve(day.add_days(shift)), None)
        }
    })
}

/// A holiday in `year`: its (first) day and, for a feast of several days, its last day.
pub(crate) fn holiday_span(rule: HolidayRule, year: i32) -> Option<(Date, Option<Date>)> {
    match rule {
        HolidayRule::Hebrew(feast) => hebrew_feast(feast, year),
        _ => holiday(rule, year).map(|d| (d, None)),
    }
}

/// The day of an equinox or solstice (season 0 = March … 3 = December) in German civil
/// time, from Meeus' mean-equinox polynomials for 1000–3000 (off by well under an hour).
pub(crate) fn season_start(season: u8, year: i32) -> Option<Date> {
    if !(1000..=3000).contains(&year) {
        return None;
    }
    let y = (f64::from(year) - 2000.0) / 1000.0;
    let [a, b, c, d, e] = match season {
        0 => [2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057],
        1 => [2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030],
        2 => [2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078],
        3 => [2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032],
        _ => return None,
    };
    let jde = a + y * (b + y * (c + y * (d + y * e)));
    // Summer time for the June and September dates, else CET.
    let zone_hours = if matches!(season, 1 | 2) { 2.0 } else { 1.0 };
    // Julian day 2440587.5 is 1970-01-01 00:00 UTC.
    let days = (jde - 2440587.5 + zone_hours / 24.0).floor() as i64;
    Some(Date::from_days_since_epoch(days))
}

/// Parsi (Shahenshahi) New Year: 365-day years, so it moves a day earlier every leap year.
fn parsi_new_year(year: i32) -> Option<Date> {
    if !(1900..=2200).contains(&year) {
        return None;
    }
    // Anchored on Navroz 2018 = 2018-08-17.
    let anchor = Date::new(2018, 8, 17)?;
    Some(anchor.add_days(365 * i64::from(year - 2018)))
}

/// A holiday named without a year: the occurrence nearest the reference date, before or
/// after it (news looks back at last Christmas as often as ahead to the next).
fn nearest_holiday(rule: HolidayRule, reference: Date) -> Option<(Date, Option<Date>)> {
    let distance = |(day, _): &(Date, Option<Date>)| {
        (day.days_since_epoch() - reference.days_since_epoch()).abs()
    };
    (reference.year() - 1..=reference.year() + 1)
        .filter_map(|year| holiday_span(rule, year))
        .min_by_key(distance)
}

pub(crate) fn holiday(rule: HolidayRule, year: i32) -> Option<Date> {
    match rule {
        HolidayRule::SeasonStart(season) => season_start(season, year),
        HolidayRule::ParsiNewYear => parsi_new_year(year),
        HolidayRule::Hebrew(feast) => hebrew_feast(feast, year).map(|(d, _)| d),
        HolidayRule::KingsDay => {
            let day = Date::new(year, 4, 27)?;
            Some(if day.weekday().index() == 6 {
                day.add_days(-1)
            } else {
                day
            })
        }
        HolidayRule::Fixed(month, day) => Date::new(year, month, day),
        HolidayRule::Easter(offset) => easter(year).map(|d| d.add_days(i64::from(offset))),
        HolidayRule::OrthodoxEaster(offset) => {
            orthodox_easter(year).map(|d| d.add_days(i64::from(offset)))
        }
        HolidayRule::NthWeekday(n, weekday, month) => {
            let first = Date::new(year, month, 1)?;
            let shift = (i64::from(weekday) - i64::from(first.weekday().index())).rem_euclid(7);
            Some(first.add_days(shift + 7 * (i64::from(n) - 1)))
        }
        HolidayRule::Advent(n) => {
            // The fourth Sunday of Advent is the last Sunday before Christmas Day.
            let christmas_eve = Date::new(year, 12, 24)?;
            let back = (i64::from(christmas_eve.weekday().index()) + 1) % 7;
            Some(christmas_eve.add_days(-back - 7 * (4 - i64::from(n))))
        }
    }
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

fn two_digit_year(y: u32) -> i32 {
    let y = y as i32;
    if y < 100 {
        2000 + y
    } else {
        y
    }
}

/// The minutes of "30h" (in "18:30h").
fn minutes_h(word: &str) -> Option<u32> {
    let digits = word.strip_suffix(['h', 'H'])?;
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&m| m < 60)
}

fn valid_day(year: Option<i32>, month: u8, day: u8) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year.unwrap_or(2000), month)
}

impl Scan<'_, '_> {
    pub fn weekday_compound(&self, i: usize) -> Option<(u8, DayPart)> {
        let mut buffer = [0u8; MAX_WORD];
        let lower = lowercase(self.word(i), &mut buffer)?;
        if !lower.contains("tag") && !lower.contains("woch") && !lower.contains("sonnabend") {
            return None;
        }
        weekday_compound(lower)
    }

    fn ref_year(&self) -> Option<i32> {
        self.ref_date.map(Date::year)
    }

    /// A 4-digit year token (1000–2100) that is no amount and no identifier.
    fn year_at(&self, i: usize) -> Option<i32> {
        let v = self.integer(i)?;
        if self.word(i).len() != 4 || !(1000..=2100).contains(&v) {
            return None;
        }
        if self
            .measure(i + 1)
            .is_some_and(|m| !matches!(m.unit, Unit::Duration(_)))
            || self.lex(i + 1) == Some(Lex::Uhr)
        {
            return None;
        }
        if i > 0 && (self.is_identifier(i - 1) || matches!(self.lex(i - 1), Some(Lex::Currency(_))))
        {
            return None;
        }
        Some(v as i32)
    }

    /// "des Jahres", "des Jahres 2008", "nächsten Jahres" after a month or mod word.
    fn of_year(&self, k: usize) -> Option<(Option<i32>, usize)> {
        // "des vergangenen Jahres": the shifted year.
        if self.is(k, "des") && matches!(self.lex(k + 1), Some(Lex::Shift(_))) {
            return self.of_year(k + 1);
        }
        if self.is(k, "des") && self.is_any(k + 1, &["jahres", "jahrs"]) {
            if let Some(y) = self.year_at(k + 2) {
                return Some((Some(y), k + 3));
            }
            return Some((None, k + 2));
        }
        if let (Some(Lex::Shift(shift)), true) =
            (self.lex(k), self.is_any(k + 1, &["jahres", "jahrs"]))
        {
            return Some((self.ref_year().map(|y| y + i32::from(shift)), k + 2));
        }
        None
    }

    /// A day of the month: "28." (with its period), "1" before a month, "ersten", "15te".
    fn day_number(&self, i: usize) -> Option<(u8, usize, bool)> {
        if let Some(v) = self.integer(i) {
            if self.word(i).len() <= 2 && (1..=31).contains(&v) {
                let dotted = self.is_punct(i + 1, ".") && self.glued(i + 1);
                return Some((v as u8, if dotted { i + 2 } else { i + 1 }, dotted));
            }
            return None;
        }
        let ordinal = self.info(i).ordinal()?;
        (1.0..=31.0)
            .contains(&ordinal)
            .then_some((ordinal as u8, i + 1, true))
    }

    /// Month word at `k` (an abbreviation may take a period): month and next token.
    fn month_word(&self, k: usize, abbreviations: bool) -> Option<(u8, usize)> {
        match self.lex(k)? {
            Lex::Month(m) => Some((m, k + 1)),
            Lex::MonthAbbrev(m) if abbreviations => {
                let next = if self.is_punct(k + 1, ".") && self.glued(k + 1) {
                    k + 2
                } else {
                    k + 1
                };
                Some((m, next))
            }
            _ => None,
        }
    }

    /// An absolute date at `i`, at day or month grain, or a year.
    fn absolute(&self, i: usize) -> Option<Piece> {
        // Weekday + date: "Freitag, den 28. Juni", "Montag den 15. Januar 2017".
        if let Some(Lex::Weekday(_)) = self.lex(i) {
            let mut k = i + 1;
            if self.is_punct(k, ",") {
                k += 1;
            }
            if self.is_any(k, &["den", "dem", "der"]) {
                k += 1;
            }
            let piece = self.absolute(k)?;
            return matches!(piece.when, When::Day { month: Some(_), .. }).then_some(piece);
        }
        // Numeric forms in one token: "28.10.2025", "15.1.", "05.2016", "2015.5.13".
        if self.kind(i) == Some(TokenKind::Number) && self.word(i).contains('.') {
            return self.dotted_date(i);
        }
        // "2025-10-28", "2016-05", "3-7-2017", "05-2016".
        if self.kind(i) == Some(TokenKind::Word) && self.word(i).as_bytes()[0].is_ascii_digit() {
            if let Some(piece) = self.hyphen_date(i) {
                return Some(piece);
            }
        }
        // "05/2016", "2016/05".
        if let (Some(a), true, Some(b)) = (
            self.integer(i),
            self.is_punct(i + 1, "/"),
            self.integer(i + 2),
        ) {
            let (la, lb) = (self.word(i).len(), self.word(i + 2).len());
            if la <= 2 && lb == 4 && (1..=12).contains(&a) {
                return Some(Piece {
                    when: When::Month {
                        year: Some(b as i32),
                        month: a as u8,
                    },
                    next: i + 3,
                });
            }
            if la == 4 && lb <= 2 && (1..=12).contains(&b) && self.word(i + 2).len() == 2 {
                return Some(Piece {
                    when: When::Month {
                        year: Some(a as i32),
                        month: b as u8,
                    },
                    next: i + 3,
                });
            }
        }
        // Day + month: "28. Oktober 2025", "1 märz", "ersten Januar 2018", "14. - …".
        if let Some((day, k, dotted)) = self.day_number(i) {
            if let Some((month, mut next)) = self.month_word(k, true) {
                let mut year = None;
                if let Some(y) = self.year_at(next) {
                    year = Some(y);
                    next += 1;
                } else if let Some((y, n)) = self.of_year(next) {
                    year = y.or(year);
                    next = n;
                }
                if valid_day(year, month, day) {
                    return Some(Piece {
                        when: When::Day {
                            year,
                            month: Some(month),
                            day,
                        },
                        next,
                    });
                }
                return None;
            }
            // "14. - 15.10.", "13ter bis 15ter Juli": a first range end.
            let connector = self.is(k, "bis") || self.is_dash(k);
            if dotted && (self.kind(i) == Some(TokenKind::Number) || connector) {
                return Some(Piece {
                    when: When::Day {
                        year: None,
                        month: None,
                        day,
                    },
                    next: k,
                });
            }
            return None;
        }
        // Month (+ day/year): "Oktober 2025", "April 14, 2015", "Aug 8", "Februar des Jahres".
        if let Some((month, mut next)) = self.month_word(i, true) {
            let abbreviated = matches!(self.lex(i), Some(Lex::MonthAbbrev(_)));
            if let Some(day) = self
                .integer(next)
                .filter(|d| (1..=31).contains(d) && self.word(next).len() <= 2)
            {
                let comma_year = self
                    .is_punct(next + 1, ",")
                    .then(|| self.year_at(next + 2))
                    .flatten();
                if let Some(y) = comma_year {
                    return Some(Piece {
                        when: When::Day {
                            year: Some(y),
                            month: Some(month),
                            day: day as u8,
                        },
                        next: next + 3,
                    });
                }
                if abbreviated && !matches!(self.kind(next + 1), Some(TokenKind::Word)) {
                    return Some(Piece {
                        when: When::Day {
                            year: None,
                            month: Some(month),
                            day: day as u8,
                        },
                        next: next + 1,
                    });
                }
            }
            let mut year = None;
            if let Some(y) = self.year_at(next) {
                year = Some(y);
                next += 1;
            } else if let Some((y, n)) = self.of_year(next) {
                year = y;
                next = n;
            } else if abbreviated {
                return None;
            }
            return Some(Piece {
                when: When::Month { year, month },
                next,
            });
        }
        // "Jahr 2004", "Jahre 1885", "im Jahr 413", "Laufe des Jahres 2008".
        let mut k = i;
        if self.is_any(k, &["laufe", "laufes"]) && self.is(k + 1, "des") {
            k += 2;
        }
        if self.is_any(k, &["jahr", "jahre", "jahres", "jahrs"]) {
            let v = self.integer(k + 1)?;
            if (1..=2999).contains(&v) && self.measure(k + 2).is_none() {
                return Some(Piece {
                    when: When::Year(v as i32),
                    next: k + 2,
                });
            }
            return None;
        }
        if k != i {
            return None;
        }
        let year = self.year_at(i)?;
        // A bare round number like "1000" is a count unless a preposition makes it a year.
        if year < 1500
            && !(i > 0
                && self.is_any(
                    i - 1,
                    &["im", "seit", "bis", "von", "ab", "nach", "vor", "anno"],
                ))
        {
            return None;
        }
        // "2025." ending a sentence is a year; "2025. Geburtstag" would be an ordinal.
        Some(Piece {
            when: When::Year(year),
            next: i + 1,
        })
    }

    fn dotted_date(&self, i: usize) -> Option<Piece> {
        let word = self.word(i);
        let mut parts = word.split('.');
        let (a, b, c) = (parts.next()?, parts.next()?, parts.next());
        if parts.next().is_some() || a.is_empty() || b.is_empty() {
            return None;
        }
        let num = |s: &str| s.parse::<u32>().ok();
        let dot_after = self.is_punct(i + 1, ".") && self.glued(i + 1);
        match c {
            Some(c) if a.len() == 4 => {
                // "2015.5.13"
                let (y, m, d) = (num(a)? as i32, num(b)? as u8, num(c)? as u8);
                valid_day(Some(y), m, d).then_some(Piece {
                    when: When::Day {
                        year: Some(y),
                        month: Some(m),
                        day: d,
                    },
                    next: i + 1,
                })
            }
            Some(c) if a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || c.len() == 2) => {
                let (d, m, y) = (num(a)? as u8, num(b)? as u8, two_digit_year(num(c)?));
                valid_day(Some(y), m, d).then_some(Piece {
                    when: When::Day {
                        year: Some(y),
                        month: Some(m),
                        day: d,
                    },
                    next: i + 1,
                })
            }
            Some(_) => None,
            None if a.len() <= 2 && b.len() <= 2 && dot_after => {
                let (d, m) = (num(a)? as u8, num(b)? as u8);
                valid_day(None, m, d).then_some(Piece {
                    when: When::Day {
                        year: None,
                        month: Some(m),
                        day: d,
                    },
                    next: i + 2,
                })
            }
            None if a.len() <= 2 && b.len() == 4 => {
                let (m, y) = (num(a)? as u8, num(b)? as i32);
                ((1..=12).contains(&m) && (1000..=2100).contains(&y)).then_some(Piece {
                    when: When::Month {
                        year: Some(y),
                        month: m,
                    },
                    next: i + 1,
                })
            }
            None => None,
        }
    }

    fn hyphen_date(&self, i: usize) -> Option<Piece> {
        let word = self.word(i);
        if !word.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return None;
        }
        let parts: Vec<&str> = word.split('-').collect();
        let num = |s: &str| s.parse::<u32>().ok();
        let day = |y: i32, m: u32, d: u32| {
            let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
            valid_day(Some(y), m, d).then_some(When::Day {
                year: Some(y),
                month: Some(m),
                day: d,
            })
        };
        let month = |y: u32, m: u32| {
            ((1..=12).contains(&m) && (1000..=2100).contains(&y)).then_some(When::Month {
                year: Some(y as i32),
                month: m as u8,
            })
        };
        let when = match parts.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                day(num(y)? as i32, num(m)?, num(d)?)?
            }
            [d, m, y] if d.len() <= 2 && m.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
                day(two_digit_year(num(y)?), num(m)?, num(d)?)?
            }
            [y, m] if y.len() == 4 && m.len() == 2 => month(num(y)?, num(m)?)?,
            [m, y] if m.len() == 2 && y.len() == 4 => month(num(y)?, num(m)?)?,
            _ => return None,
        };
        Some(Piece { when, next: i + 1 })
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
        if let Some(Lex::PeriodPart(part)) = lex {
            let mut k = i + 1;
            if self.is_any(k, &["des", "der"]) && !self.is_any(k + 1, &["jahres", "jahrs"]) {
                k += 1;
            }
            let mut c = if let Some((year, next)) = self.of_year(i + 1) {
                let y = year.or(self.ref_year())?;
                self.date_candidate(i, next, FigureValue::Iso(year_iso(y)), None)
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
                Some(_) => self.settle(piece.when, i),
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

    /// "zweiter Mittwoch im Oktober 2014", "letzter Tag im Oktober 2015", "erste Woche im
    /// Oktober 2014", "dritter Dienstag nach Weihnachten 2014": a day or week counted inside
    /// a month or after a holiday.
    fn nth_in_period(&self, i: usize) -> Option<Candidate> {
        let n: i64 = match self.lex(i) {
            Some(Lex::Shift(-1)) if self.is_any(i, &["letzte", "letzter", "letzten"]) => -1,
            _ => {
                let o = self.info(i).ordinal()?;
                if !(1.0..=5.0).contains(&o) || self.kind(i) != Some(TokenKind::Word) {
                    return None;
                }
                o as i64
            }
        };
        let k = i + 1;
        enum Unit {
            Weekday(u8),
            Day,
            Week,
        }
        let unit = match self.lex(k) {
            Some(Lex::Weekday(w)) => Unit::Weekday(w),
            _ if self.is(k, "tag") => Unit::Day,
            _ if self.is(k, "woche") => Unit::Week,
            _ => return None,
        };
        // "… nach Weihnachten 2014": the nth such weekday after the holiday.
        if let (Unit::Weekday(w), true) = (&unit, self.is(k + 1, "nach")) {
            if n < 1 {
                return None;
            }
            let holiday = self.holiday_at(k + 2)?;
            let after = holiday.day?;
            let ahead = (i64::from(*w) - i64::from(after.weekday().index())).rem_euclid(7);
            let first = after.add_days(if ahead == 0 { 7 } else { ahead });
            let date = first.add_days(7 * (n - 1));
            return Some(self.date_candidate(
                i,
                holiday.next,
                FigureValue::Iso(date.to_string()),
                Some(date),
            ));
        }
        if !self.is_any(k + 1, &["im", "in", "des"]) {
            return None;
        }
        let piece = self.absolute(k + 2)?;
        let When::Month { year, month } = self.settle(piece.when, k + 2) else {
            return None;
        };
        let first_day = Date::new(year?, month, 1)?;
        let last_day = Date::new(year?, month, days_in_month(year?, month))?;
        let (value, day) = match unit {
            Unit::Weekday(w) => {
                let date = if n > 0 {
                    let ahead =
                        (i64::from(w) - i64::from(first_day.weekday().index())).rem_euclid(7);
                    first_day.add_days(ahead + 7 * (n - 1))
                } else {
                    let back = (i64::from(last_day.weekday().index()) - i64::from(w)).rem_euclid(7);
                    last_day.add_days(-back)
                };
                (date.to_string(), Some(date))
            }
            Unit::Day => {
                let date = if n > 0 {
                    first_day.add_days(n - 1)
                } else {
                    last_day
                };
                (date.to_string(), Some(date))
            }
            // Weeks that lie wholly inside the month.
            Unit::Week => {
                let monday = if n > 0 {
                    let ahead = (7 - i64::from(first_day.weekday().index())) % 7;
                    first_day.add_days(ahead + 7 * (n - 1))
                } else {
                    let sunday =
                        last_day.add_days(-((i64::from(last_day.weekday().index()) + 1) % 7));
                    sunday.add_days(-6)
                };
                let (y, w) = monday.iso_week();
                (format!("{y:04}-W{w:02}"), None)
            }
        };
        if day.is_some_and(|d| d.month() != month) {
            return None;
        }
        Some(self.date_candidate(i, piece.next, FigureValue::Iso(value), day))
    }

    /// A range whose first end (`first_end`: what and where it ends) starts at token `first`
    /// or right after its "von"/"zwischen".
    fn date_range(
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
        let (b, next) = self.range_end(j)?;
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
                When::Day {
                    year: Some(to.year()),
                    month: Some(to.month()),
                    day: to.day(),
                }
            }
            _ => b,
        };
        let value = iso_range(when_iso(a, ref_year), when_iso(b, ref_year));
        Some(self.date_candidate(first, next, value, None))
    }

    /// One end of a date range: an absolute date, a day "14.", a month, a weekday.
    fn range_end(&self, k: usize) -> Option<(When, usize)> {
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
            _ => None,
        }
    }

    /// The day `offset` days from the reference as a range end at token `k`.
    fn relative_day_end(&self, offset: i64, k: usize) -> Option<(When, usize)> {
        let date = self.ref_date?.add_days(offset);
        Some((
            When::Day {
                year: Some(date.year()),
                month: Some(date.month()),
                day: date.day(),
            },
            k + 1,
        ))
    }

    /// A bare weekday at `k` as a range end.
    fn weekday_end(&self, weekday: u8, k: usize) -> Option<(When, usize)> {
        let date = self.resolve_weekday(weekday, Direction::OnOrBefore)?;
        Some((
            When::Day {
                year: Some(date.year()),
                month: Some(date.month()),
                day: date.day(),
            },
            k + 1,
        ))
    }

    /// The given weekday of the ISO week `shift` weeks from the reference's.
    fn weekday_of_week(&self, weekday: u8, shift: i8) -> Option<Date> {
        let reference = self.ref_date?;
        let monday = reference.add_days(-i64::from(reference.weekday().index()));
        Some(monday.add_days(7 * i64::from(shift) + i64::from(weekday)))
    }

    fn resolve_weekday(&self, weekday: u8, direction: Direction) -> Option<Date> {
        let reference = self.ref_date?;
        let today = i64::from(reference.weekday().index());
        let target = i64::from(weekday);
        let back = (today - target).rem_euclid(7);
        let ahead = (target - today).rem_euclid(7);
        Some(match direction {
            Direction::OnOrBefore => reference.add_days(-back),
            Direction::Before => reference.add_days(-if back == 0 { 7 } else { back }),
            Direction::OnOrAfter => reference.add_days(ahead),
            Direction::After => reference.add_days(if ahead == 0 { 7 } else { ahead }),
            Direction::AfterNext => reference.add_days(if ahead == 0 { 14 } else { ahead + 7 }),
        })
    }

    /// Dates relative to the reference: weekdays, "gestern", "vergangene Woche", "Vorjahr",
    /// "vor drei Tagen", holidays, seasons and quarters.
    fn relative(&self, i: usize) -> Option<Candidate> {
        let reference = self.ref_date;
        let day_value = |d: Option<Date>| resolved_or_null(d.map(|d| d.to_string()));
        match self.lex(i) {
            Some(Lex::Weekday(w)) => {
                // "montag dieser woche", "mittwoch nächste woche".
                if let (Some(Lex::Shift(shift)), true) = (self.lex(i + 1), self.is(i + 2, "woche"))
                {
                    let date = self.weekday_of_week(w, shift);
                    return Some(self.date_candidate(i, i + 3, day_value(date), date));
                }
                // "Mittwoch in 2 Wochen": that weekday of the week two weeks ahead.
                if self.is(i + 1, "in") && self.is_any(i + 3, &["wochen", "woche"]) {
                    let weeks = self
                        .number(i + 2)
                        .filter(|n| n.next == i + 3 && n.value.fract() == 0.0)
                        .map(|n| n.value)
                        .filter(|v| (1.0..=52.0).contains(v));
                    if let Some(weeks) = weeks {
                        let date = self.weekday_of_week(w, weeks as i8);
                        return Some(self.date_candidate(i, i + 4, day_value(date), date));
                    }
                }
                let direction =
                    if i > 0 && self.is_any(i - 1, &["bis", "ab", "nächsten", "kommenden"]) {
                        Direction::OnOrAfter
                    } else {
                        Direction::OnOrBefore
                    };
                let date = self.resolve_weekday(w, direction);
                let next = self.day_part_after(i + 1);
                return Some(self.date_candidate(i, next, day_value(date), date));
            }
            Some(Lex::DayOffset(offset)) => {
                // "von heute auf morgen" means suddenly, not two days.
                if self.is(i, "heute") && i > 0 && self.is(i - 1, "von") && self.is(i + 1, "auf") {
                    return None;
                }
                let mut date = reference.map(|r| r.add_days(i64::from(offset)));
                // "Vortag" on a Monday: the previous trading day, Friday.
                if self.is_any(i, &["vortag", "vortages"]) {
                    date = reference.map(|r| match r.weekday().index() {
                        0 => r.add_days(-3),
                        6 => r.add_days(-2),
                        _ => r.add_days(-1),
                    });
                }
                // "am gestrigen Freitag": the weekday only names the same day again.
                let mut next = i + 1;
                if matches!(self.lex(next), Some(Lex::Weekday(_))) {
                    next += 1;
                }
                let next = self.day_part_after(next);
                return Some(self.date_candidate(i, next, day_value(date), date));
            }
            Some(Lex::DayPart(DayPart::Morning)) if self.word(i) == "morgen" => {
                let after_day = i > 0
                    && (matches!(self.lex(i - 1), Some(Lex::DayOffset(_) | Lex::Weekday(_)))
                        || self
                            .is_any(i - 1, &["am", "jeden", "den", "dem", "zu", "diesen", "vom"])
                        || i > 1 && self.is(i - 1, "auf") && self.is(i - 2, "heute"));
                if after_day {
                    return None;
                }
                let date = reference.map(|r| r.add_days(1));
                let next = self.day_part_after(i + 1);
                return Some(self.date_candidate(i, next, day_value(date), date));
            }
            Some(Lex::YearOffset(offset)) => {
                let year = reference.map(|r| r.year() + i32::from(offset));
                let value = resolved_or_null(year.map(year_iso));
                return Some(self.date_candidate(i, i + 1, value, None));
            }
            Some(Lex::Shift(shift)) => return self.shifted(i, shift),
            // "im Laufe des Jahres", "im Laufe des kommenden Jahres".
            Some(Lex::Trigger) if self.is_any(i, &["laufe", "laufes"]) => {
                let (year, next) = self.of_year(i + 1)?;
                let value = resolved_or_null(year.or(self.ref_year()).map(year_iso));
                return Some(self.date_candidate(i, next, value, None));
            }
            // "Herbst 2026", "Herbst kommenden Jahres", "Sommer des Jahres".
            Some(Lex::Season(code)) => {
                let (year, next) = match self.year_at(i + 1) {
                    Some(year) => (Some(year), i + 2),
                    None => {
                        let (year, next) = self.of_year(i + 1)?;
                        (year.or(self.ref_year()), next)
                    }
                };
                let value = resolved_or_null(year.map(|y| format!("{y:04}-{code}")));
                return Some(self.date_candidate(i, next, value, None));
            }
            _ => {}
        }
        if self.info(i).compound {
            if let Some((w, _)) = self.weekday_compound(i) {
                let date = self.resolve_weekday(w, Direction::OnOrBefore);
                return Some(self.date_candidate(i, i + 1, day_value(date), date));
            }
        }
        if let Some(c) = self.holiday_at(i) {
            return Some(c);
        }
        if let Some(c) = self.quarter_at(i) {
            return Some(c);
        }
        if self.is_any(i, &["vor", "in"]) {
            return self.ago_or_ahead(i);
        }
        None
    }

    /// "vergangenen Woche", "diesem Jahr", "nächsten Monat", "letzten Dienstag".
    fn shifted(&self, i: usize, shift: i8) -> Option<Candidate> {
        let k = i + 1;
        let reference = self.ref_date;
        let shift64 = i64::from(shift);
        let lex = self.lex(k)?;
        let value = match lex {
            Lex::Period(Grain::Year) => {
                // Plural "Jahre" is vague ("die vergangenen Jahre") unless a singular article
                // precedes ("des vergangenen Jahre").
                if self.is(k, "jahren")
                    || (self.is(k, "jahre")
                        && !(i > 0 && self.is_any(i - 1, &["des", "dem", "im"])))
                {
                    return None;
                }
                reference.map(|r| year_iso(r.year() + i32::from(shift)))
            }
            Lex::Period(Grain::Month) => {
                if self.is_any(k, &["monate", "monaten"]) {
                    return None;
                }
                reference.map(|r| {
                    let d = r.add_months(shift64);
                    month_iso(d.year(), d.month())
                })
            }
            Lex::Period(Grain::Week) => {
                if self.is(k, "wochen") {
                    return None;
                }
                // "nächste Woche Montag", "übernächste Woche am Freitag".
                let weekday_at = if self.is(k + 1, "am") { k + 2 } else { k + 1 };
                if let Some(Lex::Weekday(w)) = self.lex(weekday_at) {
                    let date = self.weekday_of_week(w, shift);
                    let value = resolved_or_null(date.map(|d| d.to_string()));
                    return Some(self.date_candidate(i, weekday_at + 1, value, date));
                }
                reference.map(|r| {
                    let (y, w) = r.add_days(7 * shift64).iso_week();
                    format!("{y:04}-W{w:02}")
                })
            }
            Lex::Quarter => {
                if !self.is_any(k, &["quartal", "quartals"]) {
                    return None;
                }
                reference.map(|r| {
                    let index = i64::from(r.year()) * 4 + i64::from((r.month() - 1) / 3) + shift64;
                    format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
                })
            }
            Lex::Weekday(w) => {
                // "kommenden Montag, den 9. Januar": the date says which day.
                if let Some(piece) = self.absolute(k) {
                    let when = self.settle(piece.when, i);
                    let day = when_day(when, self.ref_year());
                    let value = FigureValue::Iso(when_iso(when, self.ref_year()));
                    return Some(self.date_candidate(i, piece.next, value, day));
                }
                let direction = match shift {
                    s if s < 0 => Direction::Before,
                    0 => Direction::OnOrAfter,
                    1 => Direction::After,
                    _ => Direction::AfterNext,
                };
                let date = self.resolve_weekday(w, direction);
                let next = self.day_part_after(k + 1);
                let value = resolved_or_null(date.map(|d| d.to_string()));
                return Some(self.date_candidate(i, next, value, date));
            }
            Lex::Month(m) => reference.map(|r| {
                let year = match shift {
                    s if s < 0 => {
                        if m >= r.month() {
                            r.year() - 1
                        } else {
                            r.year()
                        }
                    }
                    0 => r.year(),
                    s => r.year() + i32::from(s) - i32::from(m > r.month()),
                };
                month_iso(year, m)
            }),
            Lex::Season(code) => {
                reference.map(|r| format!("{:04}-{code}", r.year() + i32::from(shift)))
            }
            _ => return None,
        };
        let value = resolved_or_null(value);
        Some(self.date_candidate(i, k + 1, value, None))
    }

    /// "vor drei Tagen", "in zwei Jahren", "vor knapp zwei Jahren"; "in 5 Minuten" is a time.
    fn ago_or_ahead(&self, i: usize) -> Option<Candidate> {
        let sign: i64 = if self.is(i, "vor") { -1 } else { 1 };
        let mut k = i + 1;
        if matches!(self.lex(k), Some(Lex::Approx(_))) && sign < 0 {
            k += 1;
        }
        let num = self.number(k)?;
        let m = self.measure(num.next)?;
        let Unit::Duration(grain) = m.unit else {
            return None;
        };
        // "in 29 Dienstjahren" counts years of service; "in sechs Stunden sechs Minuten" is
        // one compound duration, not a point in time.
        let counted =
            grain == Grain::Year && !self.is_any(m.next - 1, &["jahr", "jahre", "jahren"]);
        let compound = self.number(m.next).is_some_and(|n| {
            self.measure(n.next)
                .is_some_and(|m2| matches!(m2.unit, Unit::Duration(_)))
        });
        if counted || compound {
            return None;
        }
        // "in neun Jahren zum Abitur": within, not in.
        if sign > 0 && self.is_any(m.next, &["zum", "zur", "bis"]) {
            return None;
        }
        let amount = num.value * m.factor;
        if amount.fract() != 0.0 || amount > 10_000.0 {
            return None;
        }
        let n = amount as i64 * sign;
        let reference = self.ref_date;
        let iso = match grain {
            Grain::Second | Grain::Minute | Grain::Hour => {
                let unit = match grain {
                    Grain::Second => 1,
                    Grain::Minute => 60,
                    _ => 3600,
                };
                let clock = self.ref_time.map_or(0, |t| {
                    i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second)
                });
                let total = clock + n * unit;
                let date = reference.map(|r| r.add_days(total.div_euclid(86_400)));
                let s = total.rem_euclid(86_400);
                let clock = format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60);
                let value = FigureValue::Iso(match date {
                    Some(d) => format!("{d}T{clock}"),
                    None => format!("T{clock}"),
                });
                let mut c = Candidate::new(
                    i,
                    m.next,
                    self.start(i),
                    self.end(m.next - 1),
                    FigureKind::Time,
                    value,
                );
                c.day = date;
                return Some(c);
            }
            Grain::Day => reference.map(|r| r.add_days(n).to_string()),
            Grain::Week => reference.map(|r| r.add_days(7 * n).to_string()),
            Grain::Month | Grain::Quarter => reference.map(|r| {
                let d = r.add_months(n * if grain == Grain::Quarter { 3 } else { 1 });
                month_iso(d.year(), d.month())
            }),
            Grain::Year if amount < 200.0 => reference.map(|r| year_iso(r.year() + n as i32)),
            _ => return None,
        };
        let value = resolved_or_null(iso);
        Some(self.date_candidate(i, m.next, value, None))
    }

    /// "Ostern", "Weihnachten 2004", "Tag der Deutschen Einheit", "3. Advent 2018".
    pub fn holiday_at(&self, i: usize) -> Option<Candidate> {
        let single = matches!(self.lex(i), Some(Lex::Holiday(_)));
        let digit_advent = self.integer(i).filter(|v| {
            (1..=4).contains(v) && self.is_punct(i + 1, ".") && self.is(i + 2, "advent")
        });
        let (rule, mut next) = if let Some(n) = digit_advent {
            (HolidayRule::Advent(n as u8), i + 3)
        } else if single
            || self.kind(i) == Some(TokenKind::Word)
                && self.is_any(
                    i,
                    &[
                        "heilige", "heiligen", "tag", "ersten", "zweiten", "christi", "erster",
                        "zweiter", "dritter", "dritten", "vierter", "vierten",
                    ],
                )
            || self.lex(i) == Some(Lex::Trigger)
            || self.is(i, "schweizer")
        {
            HOLIDAYS.iter().find_map(|(words, rule)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(o, w)| self.is(i + o, w))
                    .then_some((*rule, i + words.len()))
            })?
        } else {
            return None;
        };
        let year = if let Some(y) = self.year_at(next) {
            next += 1;
            Some(y)
        } else if self.is(next, "im")
            && self.is_any(next + 1, &["jahr", "jahre"])
            && self.year_at(next + 2).is_some()
        {
            next += 3;
            self.year_at(next - 1)
        } else if self.is(next, "im")
            && matches!(self.lex(next + 1), Some(Lex::Shift(_)))
            && self.is(next + 2, "jahr")
        {
            let Some(Lex::Shift(s)) = self.lex(next + 1) else {
                return None;
            };
            next += 3;
            self.ref_year().map(|y| y + i32::from(s))
        } else {
            None
        };
        // "meteorologischer Herbstanfang": the first of the season's first month.
        let rule = match rule {
            HolidayRule::SeasonStart(season)
                if i > 0
                    && self
                        .word(i - 1)
                        .to_lowercase()
                        .starts_with("meteorologisch") =>
            {
                HolidayRule::Fixed(3 + 3 * season, 1)
            }
            other => other,
        };
        let span = match year {
            Some(y) => holiday_span(rule, y),
            None => self.ref_date.and_then(|r| nearest_holiday(rule, r)),
        };
        let date = span.map(|(d, _)| d);
        let value = match (span, rule) {
            (Some((first, Some(last))), _) => iso_range(first.to_string(), last.to_string()),
            // A fixed day keeps its month and day without a year, like "14. Oktober".
            (None, HolidayRule::Fixed(month, day)) => {
                FigureValue::Iso(format!("XXXX-{month:02}-{day:02}"))
            }
            _ => resolved_or_null(date.map(|d| d.to_string())),
        };
        Some(self.date_candidate(i, next, value, date))
    }

    /// "zweiten Quartal", "3. Quartal 2005", "drittes quartal", "ersten Halbjahr 2015".
    fn quarter_at(&self, i: usize) -> Option<Candidate> {
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

    /// A clock time at `i`: hour, minute, second and the token after it.
    fn clock(&self, i: usize, after_um: bool) -> Option<(u32, u32, u32, usize, bool)> {
        let hour_ok = |h: u32| h <= 24;
        // "11Uhr", "15h".
        if self.kind(i) == Some(TokenKind::Word) {
            let word = self.word(i);
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && digits <= 2 {
                let rest = &word[digits..];
                if rest.eq_ignore_ascii_case("uhr") || rest.eq_ignore_ascii_case("h") {
                    let h: u32 = word[..digits].parse().ok()?;
                    return hour_ok(h).then_some((h, 0, 0, i + 1, false));
                }
            }
        }
        // "halb drei", "viertel nach 3", "dreiviertel 6", "zwanzig nach 3".
        let hour_word = |k: usize| -> Option<u32> {
            self.integer(k)
                .filter(|v| (1..=24).contains(v))
                .or_else(|| self.hour_word(k))
        };
        // "drei Uhr", "ein Uhr nachmittags".
        if self.kind(i) == Some(TokenKind::Word) && self.lex(i + 1) == Some(Lex::Uhr) {
            let h = if self.is(i, "ein") {
                1
            } else {
                self.hour_word(i)?
            };
            return Some((h, 0, 0, i + 2, true));
        }
        if self.is(i, "halb") {
            let h = hour_word(i + 1)?;
            let next = if self.lex(i + 2) == Some(Lex::Uhr) {
                i + 3
            } else {
                i + 2
            };
            return Some(((h + 23) % 24, 30, 0, next, true));
        }
        if self.is_any(i, &["viertel", "dreiviertel"])
            || (self.info(i).cardinal().is_some() && self.is_any(i + 1, &["nach", "vor"]))
            || ((self.integer(i).is_some() || self.info(i).cardinal().is_some())
                && self.is_any(i + 1, &["minuten", "min"])
                && self.is_any(i + 2, &["nach", "vor"])
                && hour_word(i + 3).is_some())
        {
            let minutes_word = usize::from(self.is_any(i + 1, &["minuten", "min"]));
            let (minutes, mut k) = if self.is(i, "viertel") {
                (15, i + 1)
            } else if self.is(i, "dreiviertel") {
                (45, i + 1)
            } else if let Some(v) = self.integer(i) {
                (v, i + 1 + minutes_word)
            } else {
                (self.info(i).cardinal()? as u32, i + 1 + minutes_word)
            };
            if minutes >= 60 {
                return None;
            }
            let (h, m);
            if self.is(k, "nach") {
                h = hour_word(k + 1)?;
                m = minutes;
                k += 2;
            } else if self.is(k, "vor") {
                h = (hour_word(k + 1)? + 23) % 24;
                m = 60 - minutes;
                k += 2;
            } else if minutes == 15 || minutes == 45 {
                // "viertel 6" = 5:15, "dreiviertel 6" = 5:45.
                h = (hour_word(k)? + 23) % 24;
                m = minutes;
                k += 1;
            } else {
                return None;
            }
            if self.lex(k) == Some(Lex::Uhr) {
                k += 1;
            }
            return Some((h, m, 0, k, true));
        }
        // "14.30 Uhr", "um 10.10".
        if self.kind(i) == Some(TokenKind::Number) && self.word(i).contains('.') {
            let (a, b) = self.word(i).split_once('.')?;
            if a.len() <= 2 && b.len() == 2 && !b.contains('.') {
                let (h, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
                let uhr = self.lex(i + 1) == Some(Lex::Uhr);
                if hour_ok(h) && m < 60 && (uhr || after_um) {
                    return Some((h, m, 0, if uhr { i + 2 } else { i + 1 }, false));
                }
            }
            return None;
        }
        let h = self
            .integer(i)
            .filter(|&h| hour_ok(h) && self.word(i).len() <= 2)?;
        // "18:30h": the minutes glued to an "h".
        if self.is_punct(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2) {
            if let Some(m) = minutes_h(self.word(i + 2)) {
                return Some((h, m, 0, i + 3, false));
            }
        }
        // "14:30", "8:00:31".
        if self.is_punct(i + 1, ":")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.word(i + 2).len() == 2
        {
            let m = self.integer(i + 2).filter(|&m| m < 60)?;
            let mut k = i + 3;
            let mut s = 0;
            if self.is_punct(k, ":") && self.glued(k) && self.word(k + 1).len() == 2 {
                s = self.integer(k + 1).filter(|&s| s < 60)?;
                k += 2;
            }
            if self.lex(k) == Some(Lex::Uhr) || (self.is(k, "h") && self.glued(k)) {
                k += 1;
            }
            return Some((h, m, s, k, false));
        }
        // "14 Uhr", "3 uhr 15".
        if self.lex(i + 1) == Some(Lex::Uhr) {
            if let Some(m) = self
                .integer(i + 2)
                .filter(|&m| m < 60 && self.word(i + 2).len() <= 2)
            {
                if self.measure(i + 3).is_none() {
                    return Some((h, m, 0, i + 3, false));
                }
            }
            return Some((h, 0, 0, i + 2, true));
        }
        // "um 2", "Ich bin von 5 bis 6".
        if after_um && self.measure(i + 1).is_none() && !self.is_punct(i + 1, ".") {
            return Some((h, 0, 0, i + 1, true));
        }
        None
    }

    /// An hour written as a word ("drei", "eins", "zwölf").
    fn hour_word(&self, k: usize) -> Option<u32> {
        let v = self
            .info(k)
            .cardinal()
            .filter(|v| v.fract() == 0.0 && *v >= 0.0)
            .map(|v| v as u32)
            .or_else(|| self.is(k, "eins").then_some(1))?;
        (1..=24).contains(&v).then_some(v)
    }

    /// "11:30-13:30", which the tokenizer cuts as "11" ":" "30-13" ":" "30": both clock
    /// times and the token after the range.
    fn glued_clock_range(&self, i: usize) -> Option<(HourMinute, HourMinute, usize)> {
        let h = self
            .integer(i)
            .filter(|&h| h <= 24 && self.word(i).len() <= 2)?;
        if !(self.is_punct(i + 1, ":") && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let (m, h2) = self.word(i + 2).split_once('-')?;
        if m.len() != 2 || h2.is_empty() || h2.len() > 2 {
            return None;
        }
        let (m, h2): (u32, u32) = (m.parse().ok()?, h2.parse().ok()?);
        if !(self.is_punct(i + 3, ":") && self.glued(i + 3) && self.glued(i + 4)) {
            return None;
        }
        let m2 = self
            .integer(i + 4)
            .filter(|_| self.word(i + 4).len() == 2)?;
        if m >= 60 || m2 >= 60 || h2 > 24 {
            return None;
        }
        let next = if self.lex(i + 5) == Some(Lex::Uhr) {
            i + 6
        } else {
            i + 5
        };
        Some(((h, m), (h2, m2), next))
    }

    /// A part of the day right after a clock time ("am Nachmittag", "abends", "in der Früh").
    fn day_part_of_clock(&self, k: usize) -> Option<(DayPart, usize)> {
        if let Some(Lex::DayPart(p)) = self.lex(k) {
            if self.word(k) != "morgen" {
                return Some((p, k + 1));
            }
        }
        if self.is(k, "am") {
            if let Some(Lex::DayPart(p)) = self.lex(k + 1) {
                return Some((p, k + 2));
            }
        }
        if self.is(k, "in") && self.is(k + 1, "der") {
            if let Some(Lex::DayPart(p)) = self.lex(k + 2) {
                return Some((p, k + 3));
            }
        }
        None
    }

    /// A clock time starting at `i`, possibly a range ("von 17 bis 18 Uhr").
    pub fn time_at(&self, i: usize, context: &Context) -> Option<Candidate> {
        self.time_at_with(i, context, self.ref_date, self.ref_time)
    }

    fn time_at_with(
        &self,
        i: usize,
        context: &Context,
        ref_date: Option<Date>,
        ref_time: Option<ClockTime>,
    ) -> Option<Candidate> {
        let mut k = i;
        let mut part = None;
        // "abends um 8 Uhr", "nachmittags um 1 uhr 30".
        if let Some(Lex::DayPart(p)) = self.lex(k) {
            // "morgens von 5 bis sieben": a part of the day before a clock range.
            let before_range = self.is_any(k + 1, &["von", "zwischen"]);
            if (self.is(k + 1, "um") || before_range) && self.word(k) != "morgen" {
                part = Some(p);
                k += 1;
            } else {
                return None;
            }
        }
        let range_prefix = self.is_any(k, &["von", "zwischen"]);
        let um = self.is(k, "um") || range_prefix;
        if um {
            k += 1;
        }
        let mut approx = None;
        if let Some(Lex::Approx(a)) = self.lex(k) {
            if um {
                approx = Some(a);
                k += 1;
                if self.is_punct(k, ".") {
                    k += 1;
                }
            }
        }
        let clock_start = k;
        let glued_range = self.glued_clock_range(k);
        let (h, m, s, mut next, ambiguous) = match glued_range {
            Some(((h, m), _, n)) => (h, m, 0, n, false),
            None => self.clock(k, um)?,
        };
        // A range: "von 17 bis 18 Uhr", "9:30 - 11:00", "zwischen 16 und 17 Uhr".
        let connector_ok = |j: usize| {
            if self.is(i, "zwischen") || k.checked_sub(1).is_some_and(|p| self.is(p, "zwischen")) {
                self.is(j, "und")
            } else {
                self.is(j, "bis") || self.is_dash(j)
            }
        };
        let mut end_clock = None;
        // "von 5 Uhr nachmittags bis 6 Uhr nachmittags": the first end's part of the day.
        if glued_range.is_none() {
            if let Some((p, n)) = self.day_part_of_clock(next) {
                if connector_ok(n) {
                    part = part.or(Some(p));
                    next = n;
                }
            }
        }
        // "morgens von 5 bis sieben": after a part of the day, a number word ends the range.
        let word_end = |j: usize| {
            let h = self.hour_word(j)?;
            let noun_after = self.word(j + 1).starts_with(|c: char| c.is_uppercase());
            (part.is_some() && self.measure(j + 1).is_none() && !noun_after).then_some((
                h,
                0,
                0,
                j + 1,
                true,
            ))
        };
        if let Some((_, (h2, m2), _)) = glued_range {
            end_clock = Some((h2, m2, 0));
        } else if connector_ok(next) {
            if let Some((h2, m2, s2, n2, _)) =
                self.clock(next + 1, true).or_else(|| word_end(next + 1))
            {
                let bare_end = self.kind(n2 - 1) == Some(TokenKind::Number)
                    && self.lex(n2 - 1) != Some(Lex::Uhr);
                let first_bare = self.integer(k).is_some() && next == k + 1;
                // "von 5 bis 6" needs "von"; "17 bis 18 Uhr" needs the end's "Uhr".
                let noun_after = self.word(n2).starts_with(|c: char| c.is_uppercase());
                let allowed = if first_bare && bare_end {
                    self.is(i, "von") && !noun_after
                } else {
                    true
                };
                if allowed {
                    end_clock = Some((h2, m2, s2));
                    next = n2;
                }
            }
        }
        if range_prefix && end_clock.is_none() {
            return None;
        }
        if let Some((p, n)) = self.day_part_of_clock(next) {
            part = part.or(Some(p));
            next = n;
        }
        let adjust = |h: u32| -> u32 {
            match part {
                Some(p) if p.is_pm() && h < 12 => h + 12,
                Some(DayPart::Night) if (6..12).contains(&h) => h + 12,
                _ => h,
            }
        };
        let (mut h, mut h2) = (adjust(h), end_clock.map(|(h2, _, _)| adjust(h2)));
        // Without a day or part of the day, a reference time picks the next such clock time.
        let mut day = context.day.or(ref_date);
        if let (Some(reference), Some(now), None, None) = (ref_date, ref_time, context.day, part) {
            let now_minutes = u32::from(now.hour) * 60 + u32::from(now.minute);
            if ambiguous && h < 12 && h * 60 + m < now_minutes {
                h += 12;
                h2 = h2.map(|x| if x < 12 { x + 12 } else { x });
            }
            if h * 60 + m < now_minutes {
                day = Some(reference.add_days(1));
            }
        }
        let format = |h: u32, m: u32, s: u32| {
            let clock = if s > 0 {
                format!("{h:02}:{m:02}:{s:02}")
            } else {
                format!("{h:02}:{m:02}")
            };
            match day {
                Some(d) => format!("{d}T{clock}"),
                None => format!("T{clock}"),
            }
        };
        let value = match (end_clock, h2) {
            (Some((_, m2, s2)), Some(h2)) => iso_range(format(h, m, s), format(h2, m2, s2)),
            _ => FigureValue::Iso(format(h, m, s)),
        };
        // "um" and an approximator stay outside ("heute um 03:13 Uhr" → time "03:13 Uhr");
        // a part of the day before "um" and a range's "von"/"zwischen" belong to the span.
        let part_first = matches!(self.lex(i), Some(Lex::DayPart(_)));
        let start_token = if um && !range_prefix && !part_first {
            clock_start
        } else {
            i
        };
        let mut c = Candidate::new(
            start_token,
            next,
            self.start(start_token),
            self.end(next - 1),
            FigureKind::Time,
            value,
        );
        c.approx = approx;
        let _ = PeriodPart::Early;
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_easter_and_holidays() {
        let cases = [
            (HolidayRule::Easter(0), 2018, "2018-04-01"),
            (HolidayRule::Easter(0), 2020, "2020-04-12"),
            (HolidayRule::Easter(-2), 2018, "2018-03-30"),
            (HolidayRule::Easter(39), 2018, "2018-05-10"),
            (HolidayRule::Easter(60), 2018, "2018-05-31"),
            (HolidayRule::NthWeekday(2, 6, 5), 2019, "2019-05-12"),
            (HolidayRule::Advent(3), 2018, "2018-12-16"),
            (HolidayRule::Advent(1), 2018, "2018-12-02"),
            (HolidayRule::Advent(2), 2016, "2016-12-04"),
            (HolidayRule::OrthodoxEaster(0), 2018, "2018-04-08"),
            (HolidayRule::OrthodoxEaster(-2), 2018, "2018-04-06"),
            (HolidayRule::OrthodoxEaster(1), 2018, "2018-04-09"),
            (HolidayRule::OrthodoxEaster(-48), 2018, "2018-02-19"),
            (HolidayRule::OrthodoxEaster(0), 2021, "2021-05-02"),
            (HolidayRule::OrthodoxEaster(0), 2013, "2013-05-05"),
            (HolidayRule::Easter(-3), 2018, "2018-03-29"),
            (HolidayRule::KingsDay, 2018, "2018-04-27"),
            (HolidayRule::SeasonStart(0), 2024, "2024-03-20"),
            (HolidayRule::SeasonStart(1), 2024, "2024-06-20"),
            (HolidayRule::SeasonStart(2), 2021, "2021-09-22"),
            (HolidayRule::SeasonStart(2), 2023, "2023-09-23"),
            (HolidayRule::SeasonStart(3), 2024, "2024-12-21"),
            (HolidayRule::SeasonStart(3), 2023, "2023-12-22"),
            (HolidayRule::ParsiNewYear, 2018, "2018-08-17"),
            (HolidayRule::ParsiNewYear, 2020, "2020-08-16"),
            (HolidayRule::ParsiNewYear, 2024, "2024-08-15"),
            (HolidayRule::KingsDay, 2014, "2014-04-26"),
            (HolidayRule::NthWeekday(3, 6, 9), 2017, "2017-09-17"),
            // Hebrew feasts, from the evening they begin.
            (
                HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
                2018,
                "2018-09-09",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
                2019,
                "2019-09-29",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
                2023,
                "2023-09-15",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
                1990,
                "1990-09-19",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::YomKippur),
                2018,
                "2018-09-18",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::YomKippur),
                2024,
                "2024-10-11",
            ),
            (HolidayRule::Hebrew(HebrewFeast::Sukkot), 2018, "2018-09-23"),
            (
                HolidayRule::Hebrew(HebrewFeast::SheminiAtzeret),
                2018,
                "2018-09-30",
            ),
            (HolidayRule::Hebrew(HebrewFeast::Pesach), 2018, "2018-03-30"),
            (HolidayRule::Hebrew(HebrewFeast::Pesach), 2024, "2024-04-22"),
            (
                HolidayRule::Hebrew(HebrewFeast::Shavuot),
                2018,
                "2018-05-19",
            ),
            (HolidayRule::Hebrew(HebrewFeast::Purim), 2018, "2018-02-28"),
            (HolidayRule::Hebrew(HebrewFeast::Purim), 2024, "2024-03-23"),
            (
                HolidayRule::Hebrew(HebrewFeast::TuBishvat),
                2018,
                "2018-01-30",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::TuBishvat),
                2024,
                "2024-01-24",
            ),
            (
                HolidayRule::Hebrew(HebrewFeast::YomHaatzmaut),
                2018,
                "2018-04-18",
            ),
        ];
        for (rule, year, expected) in cases {
            assert_eq!(
                holiday(rule, year).unwrap().to_string(),
                expected,
                "{rule:?}"
            );
        }
    }
}

//! Holidays and named days: Easter, the Hebrew calendar, equinoxes, "Weihnachten 2004".

use super::*;

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

impl Scan<'_, '_> {
    /// "Ostern", "Weihnachten 2004", "Tag der Deutschen Einheit", "3. Advent 2018".
    pub(crate) fn holiday_at(&self, i: usize) -> Option<Candidate> {
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

//! Civil dates on the proleptic Gregorian calendar: just what resolving "Dienstag" or
//! "vor drei Tagen" against an article's date needs, without a date-time dependency.

use std::fmt;

use crate::error::Error;

/// A calendar day, such as an article's publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A time of day, as it may accompany a reference date ("2013-02-12T04:30:00").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// Weekdays, Monday first as in ISO 8601.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(index: u8) -> Weekday {
        Weekday::ALL[usize::from(index % 7)]
    }
}

impl Date {
    /// A date, or `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time part (`T…` or a space), which is
    /// ignored here; see [`parse_date_time`] for both.
    pub fn parse(iso: &str) -> Result<Date, Error> {
        parse_date_time(iso).map(|(date, _)| date)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            month,
            day,
        }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// The same day `months` later (or earlier), clamped to the month's last day.
    pub fn add_months(self, months: i64) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index
            .div_euclid(12)
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index((self.days_since_epoch() + 3).rem_euclid(7) as u8)
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(3 - i64::from(self.weekday().index()));
        let first = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days_since_epoch() - first.days_since_epoch()) / 7 + 1;
        (thursday.year, week as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses an ISO 8601 date or date-time: `2025-10-28`, `2025-10-28T14:30`,
/// `2013-02-12T04:30:00-02:00`. A zone offset is accepted and ignored: values are local.
pub fn parse_date_time(iso: &str) -> Result<(Date, Option<ClockTime>), Error> {
    let invalid = || Error::invalid_date(iso);
    let iso = iso.trim();
    let (date_part, time_part) = match iso.find(['T', 't', ' ']) {
        Some(at) => (&iso[..at], Some(&iso[at + 1..])),
        None => (iso, None),
    };
    let mut fields = date_part.splitn(3, '-');
    let year: i32 = number_field(fields.next(), 4).ok_or_else(invalid)?;
    let month: u8 = number_field(fields.next(), 2).ok_or_else(invalid)?;
    let day: u8 = number_field(fields.next(), 2).ok_or_else(invalid)?;
    let date = Date::new(year, month, day).ok_or_else(invalid)?;
    let time = match time_part {
        None => None,
        Some(time) => {
            let clock = time.split(['Z', 'z', '+', '-']).next().unwrap_or("");
            let clock = clock.split('.').next().unwrap_or("");
            let mut fields = clock.split(':');
            let hour: u8 = number_field(fields.next(), 2).ok_or_else(invalid)?;
            let minute: u8 = number_field(fields.next(), 2).ok_or_else(invalid)?;
            let second: u8 = match fields.next() {
                Some(s) => number_field(Some(s), 2).ok_or_else(invalid)?,
                None => 0,
            };
            if hour > 24 || minute > 59 || second > 60 || fields.next().is_some() {
                return Err(invalid());
            }
            Some(ClockTime {
                hour,
                minute,
                second,
            })
        }
    };
    Ok((date, time))
}

fn number_field<T: std::str::FromStr>(field: Option<&str>, digits: usize) -> Option<T> {
    let field = field?;
    (field.len() == digits && field.bytes().all(|b| b.is_ascii_digit()))
        .then(|| field.parse().ok())
        .flatten()
}

/// German month names, January first: the one list the tokenizer, the figure lexicon and the
/// dateline grammar read (the page writes dates with the browser's own locale data).
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Other full spellings: Austrian ("Jänner", "Feber") and without umlaut ("Maerz").
pub(crate) const MONTH_VARIANTS: [(&str, u8); 3] = [("Jänner", 1), ("Feber", 2), ("Maerz", 3)];

/// Abbreviations, written with or without a full stop ("Okt.", "Sept").
pub(crate) const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mär", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Okt", 10),
    ("Nov", 11),
    ("Dez", 12),
];

/// The number of a German month name as written ("Oktober" → 10; Austrian "Jänner" → 1).
pub fn month_of_name(name: &str) -> Option<u8> {
    full_month_names()
        .find(|(m, _)| *m == name)
        .map(|(_, number)| number)
}

/// The number of a month name or abbreviation in any case ("okt" → 10, "MÄRZ" → 3).
pub fn month_of_word(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    full_month_names()
        .chain(MONTH_ABBREVIATIONS)
        .find(|(m, _)| m.to_lowercase() == lower)
        .map(|(_, number)| number)
}

/// Every full spelling with its number: the names, then the variants.
pub(crate) fn full_month_names() -> impl Iterator<Item = (&'static str, u8)> {
    (1..)
        .zip(MONTH_NAMES)
        .map(|(number, name)| (name, number))
        .chain(MONTH_VARIANTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        let cases = [
            ("2025-10-28", Weekday::Tuesday),
            ("2013-02-12", Weekday::Tuesday),
            ("1970-01-01", Weekday::Thursday),
            ("2000-02-29", Weekday::Tuesday),
            ("1969-07-20", Weekday::Sunday),
        ];
        for (iso, weekday) in cases {
            assert_eq!(Date::parse(iso).unwrap().weekday(), weekday, "{iso}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let start = Date::new(1899, 12, 31).unwrap();
        for offset in (-100_000..100_000).step_by(997) {
            let date = start.add_days(offset);
            assert_eq!(date.days_since_epoch() - start.days_since_epoch(), offset);
            assert!(Date::new(date.year(), date.month(), date.day()).is_some());
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let date = Date::new(2024, 1, 31).unwrap();
        assert_eq!(date.add_months(1).to_string(), "2024-02-29");
        assert_eq!(date.add_months(-2).to_string(), "2023-11-30");
        assert_eq!(date.add_months(12).to_string(), "2025-01-31");
    }

    #[test]
    fn iso_weeks() {
        let cases = [
            ("2025-10-28", (2025, 44)),
            ("2021-01-03", (2020, 53)),
            ("2013-02-18", (2013, 8)),
        ];
        for (iso, week) in cases {
            assert_eq!(Date::parse(iso).unwrap().iso_week(), week, "{iso}");
        }
    }

    #[test]
    fn parses_dates_and_date_times() {
        let (date, time) = parse_date_time("2013-02-12T04:30:00-02:00").unwrap();
        assert_eq!(date.to_string(), "2013-02-12");
        assert_eq!(
            time,
            Some(ClockTime {
                hour: 4,
                minute: 30,
                second: 0
            })
        );
        assert_eq!(parse_date_time("2025-10-28").unwrap().1, None);
        for bad in [
            "",
            "2025-13-01",
            "2025-02-30",
            "28.10.2025",
            "2025-10-28T25:00",
            "２０２５-10-28",
            "2025-1-1",
        ] {
            assert!(parse_date_time(bad).is_err(), "{bad}");
        }
    }
}

//! Absolute dates: "28. Oktober 2025", "28.10.2025", "2025-10-28", "Oktober 2025", years.

use super::*;
use crate::figures::lexicon::EARLY_YEAR_PREPOSITIONS;
use crate::figures::numbers::month_or_year_digits;
use crate::text::opens_sentence;

/// A code of capital letters and digits: "XK12", "F3" in a designation, "S10", "X5" in a model
/// name.
fn designation_code(word: &str) -> bool {
    let letters = word.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = word.len() - letters;
    (1..=3).contains(&letters)
        && (1..=4).contains(&digits)
        && word.bytes().skip(letters).all(|b| b.is_ascii_digit())
}

/// Relative year words that a year after them names ("im Folgejahr 2013").
const RELATIVE_YEAR_HEADS: [&str; 6] = [
    "folgejahr",
    "folgejahres",
    "folgejahrs",
    "vorjahr",
    "vorjahres",
    "vorjahrs",
];

fn two_digit_year(y: u32) -> i32 {
    let y = y as i32;
    if y < 100 {
        2000 + y
    } else {
        y
    }
}

impl Scan<'_, '_> {
    /// A 4-digit year token (1000–2100) that is no amount and no identifier.
    pub(super) fn year_at(&self, i: usize) -> Option<i32> {
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
        if self.inside_name(i) {
            return None;
        }
        // "19.814/2013": the year of a file number.
        let file_number = i >= 2
            && self.is_punct(i - 1, "/")
            && self.glued(i - 1)
            && self.glued(i)
            && self.kind(i - 2) == Some(TokenKind::Number)
            && !month_or_year_digits(self.word(i - 2));
        if file_number {
            return None;
        }
        if let Some(before) = i.checked_sub(1) {
            // "Nr. 2015" is an identifier; "WM 2018", after an abbreviation, an event's year.
            let event_abbreviation = self.lex(before).is_none() && (1900..=2100).contains(&v);
            if self.is_identifier(before) && !event_abbreviation
                || matches!(self.lex(before), Some(Lex::Currency(_)))
            {
                return None;
            }
        }
        Some(v as i32)
    }

    /// "Kalenderwoche 12", "KW 12 2016", "KW 12/2016": an ISO week, in the reference's year
    /// unless a year follows.
    pub(super) fn calendar_week(&self, i: usize) -> Option<Candidate> {
        if !(self.is(i, "kalenderwoche") || self.word(i) == "KW") {
            return None;
        }
        let week = self.integer(i + 1).filter(|w| (1..=53).contains(w))?;
        let mut next = i + 2;
        let slash = self.is_punct(next, "/") && self.glued(next) && self.glued(next + 1);
        let year_at = if slash { next + 1 } else { next };
        let year = match self.year_at(year_at) {
            Some(year) => {
                next = year_at + 1;
                Some(year)
            }
            None => self.ref_year(),
        };
        let value = resolved_or_null(year.map(|y| format!("{y:04}-W{week:02}")));
        Some(self.date_candidate(i, next, value, None))
    }

    /// A year inside a name: an asteroid's or comet's designation ("2019 XK12", "C/2020 F3")
    /// or a model name after a brand ("Galaxy S10 2019").
    fn inside_name(&self, i: usize) -> bool {
        let code =
            |k: usize| self.kind(k) == Some(TokenKind::Word) && designation_code(self.word(k));
        if code(i + 1) && self.same_line(i + 1) && !self.glued(i + 1) {
            return true;
        }
        i >= 2
            && code(i - 1)
            && self.same_line(i)
            && self.kind(i - 2) == Some(TokenKind::Word)
            && self.word(i - 2).starts_with(char::is_uppercase)
            && !opens_sentence(self.word(i - 2))
    }

    /// "des Jahres", "des Jahres 2008", "nächsten Jahres" after a month or mod word.
    pub(super) fn of_year(&self, k: usize) -> Option<(Option<i32>, usize)> {
        // "des vergangenen Jahres": the shifted year.
        if self.is(k, "des") && matches!(self.lex(k + 1), Some(Lex::Shift(_) | Lex::YearOffset(0)))
        {
            return self.of_year(k + 1);
        }
        if self.is(k, "des") && self.is_any(k + 1, &["jahres", "jahrs"]) {
            if let Some(y) = self.year_at(k + 2) {
                return Some((Some(y), k + 3));
            }
            return Some((None, k + 2));
        }
        // "kommenden Jahres", "heurigen Jahres".
        if let (Some(Lex::Shift(shift) | Lex::YearOffset(shift)), true) =
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

    /// "4. 3. 2016", as agency bylines write a date: the month and year after a dotted day
    /// whose month starts at `k`.
    fn spaced_numeric_date(&self, day: u8, k: usize) -> Option<Piece> {
        let month = self.integer(k).filter(|m| (1..=12).contains(m))?;
        let dotted = self.word(k).len() <= 2 && self.is_punct(k + 1, ".") && self.glued(k + 1);
        if !dotted || !self.same_line(k) || !self.same_line(k + 2) {
            return None;
        }
        let year = self.year_at(k + 2)?;
        let when = When::day(Some(year), month as u8, day)?;
        Some(Piece { when, next: k + 3 })
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
    pub(super) fn absolute(&self, i: usize) -> Option<Piece> {
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
            // "Montag, dem 3. bis Freitag, dem 7. November": a range's first end may lack its
            // month.
            let range_start = self.is(piece.next, "bis") || self.is_dash(piece.next);
            let dated = matches!(piece.when, When::Day { month: Some(_), .. })
                || range_start && matches!(piece.when, When::Day { month: None, .. });
            return dated.then_some(piece);
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
            if dotted && self.kind(i) == Some(TokenKind::Number) {
                if let Some(piece) = self.spaced_numeric_date(day, k) {
                    return Some(piece);
                }
            }
            if let Some((month, mut next)) = self.month_word(k, true) {
                let mut year = None;
                if let Some(y) = self.year_at(next) {
                    year = Some(y);
                    next += 1;
                } else if let Some((y, n)) = self.of_year(next) {
                    year = y.or(year);
                    next = n;
                }
                return When::day(year, month, day).map(|when| Piece { when, next });
            }
            // "am 24. und 25. Dezember", "am 3., 4. und 5. Mai": days sharing a later month.
            if dotted {
                if let Some((month, year)) = self.month_of_coordinated_days(k) {
                    return When::day(year, month, day).map(|when| Piece { when, next: k });
                }
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
        // "im Folgejahr 2013", "im Vorjahr 2014": the year names the relative one.
        let relative_year = matches!(self.lex(k), Some(Lex::Trigger | Lex::YearOffset(_)));
        if relative_year && self.is_any(k, &RELATIVE_YEAR_HEADS) {
            let year = self.year_at(k + 1)?;
            return Some(Piece {
                when: When::Year(year),
                next: k + 2,
            });
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
        if year < 1500 && !(i > 0 && self.is_any(i - 1, &EARLY_YEAR_PREPOSITIONS)) {
            return None;
        }
        // "2025." ending a sentence is a year; "2025. Geburtstag" would be an ordinal.
        Some(Piece {
            when: When::Year(year),
            next: i + 1,
        })
    }

    /// After a day "24." at `k`: the month and year of the last of the days coordinated with
    /// it ("und 25. Dezember", ", 4. und 5. Mai 2016").
    fn month_of_coordinated_days(&self, mut k: usize) -> Option<(u8, Option<i32>)> {
        for _ in 0..6 {
            if !(self.is_any(k, &["und", "oder"]) || self.is_punct(k, ",")) {
                return None;
            }
            let (_, after, dotted) = self.day_number(k + 1)?;
            if let Some((month, next)) = self.month_word(after, true) {
                return Some((month, self.year_at(next)));
            }
            if !dotted {
                return None;
            }
            k = after;
        }
        None
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
                When::day(Some(y), m, d).map(|when| Piece { when, next: i + 1 })
            }
            Some(c) if a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || c.len() == 2) => {
                let (d, m, y) = (num(a)? as u8, num(b)? as u8, two_digit_year(num(c)?));
                When::day(Some(y), m, d).map(|when| Piece { when, next: i + 1 })
            }
            Some(_) => None,
            None if a.len() <= 2 && b.len() <= 2 && dot_after => {
                let (d, m) = (num(a)? as u8, num(b)? as u8);
                When::day(None, m, d).map(|when| Piece { when, next: i + 2 })
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
            When::day(Some(y), u8::try_from(m).ok()?, u8::try_from(d).ok()?)
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
}

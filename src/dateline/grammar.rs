//! The dateline grammar matched by hand, with exactly the meaning of the regular expressions
//! it replaced (kept in the tests, which compare both), so that no regex is compiled at run
//! time: a backtracking matcher that tries alternatives in order and repetitions longest
//! first (the regex crate's leftmost-first semantics), with `\w`, `\d` and `\s` from the same
//! Unicode tables (`src/generated/unicode_classes.rs`).
//!
//! ```text
//! dateline: ^(?P<places>PLACE(?:\s?/\s?PLACE){0,4})(?:,\s?(?:DATE))?\s?(?:\((?P<agency>AGENCY)\))?\s?[-–—:.]
//! PLACE:    [A-ZÄÖÜ][\w.'’-]*(?:\s(?:am|an\sder|im|in|ob\sder|bei)?\s?[A-ZÄÖÜ][\w.'’-]*){0,2}
//! AGENCY:   \w[\w.]*(?:\s?-\s?\w[\w.]*){0,2}(?:\s?/\s?\w[\w.]*(?:\s?-\s?\w[\w.]*){0,2}){0,3}
//! DATE:     ISO | NUMERIC | LONG
//! ISO:      \d{4}-\d{2}-\d{2}
//! NUMERIC:  \d{1,2}\.\s?\d{1,2}\.\s?\d{4}
//! LONG:     \d{1,2}\.\s*MONTH\.?\s+\d{4}   (MONTH: every name and abbreviation of the calendar's
//!           list as written, in capitals and in lower case, longest first)
//! date:     (?:^|[^\d.-])ISO(?:$|\D)|(?:^|[^\d.])(?:NUMERIC|LONG)(?:$|\D)   (searched)
//! ```

use std::ops::Range;

use crate::calendar::{full_month_names, MONTH_ABBREVIATIONS};

// Generated: `cargo fmt` leaves it as `cargo xtask gen` wrote it.
#[rustfmt::skip]
#[path = "../generated/unicode_classes.rs"]
mod classes;

/// Every month name and abbreviation as written, capitalised, in capitals or in lower case,
/// longest first ("Sept" before "Sep"): the alternatives of MONTH in their order.
pub(super) fn month_words() -> Vec<String> {
    let mut words: Vec<String> = full_month_names()
        .chain(MONTH_ABBREVIATIONS)
        .flat_map(|(word, _)| [word.to_string(), word.to_uppercase(), word.to_lowercase()])
        .collect();
    words.sort_by_key(|word| std::cmp::Reverse(word.len()));
    words.dedup();
    words
}

/// Steps after which a match is given up (never reached by real text; it bounds the time
/// a hostile input can take).
const STEP_LIMIT: usize = 200_000;

fn in_class(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(low, high)| {
            if high < c {
                std::cmp::Ordering::Less
            } else if low > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_class(classes::WORD, c)
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_class(classes::DIGIT, c))
}

fn is_space(c: char) -> bool {
    in_class(classes::SPACE, c)
}

fn is_upper(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, 'Ä' | 'Ö' | 'Ü')
}

fn is_place_char(c: char) -> bool {
    is_word(c) || matches!(c, '.' | '\'' | '’' | '-')
}

fn is_agency_char(c: char) -> bool {
    is_word(c) || c == '.'
}

/// Which form of date matched, and where its year, month and day are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateSpans {
    pub year: Range<usize>,
    pub month: Range<usize>,
    pub day: Range<usize>,
    /// The month is a name ("Oktober"), not a number.
    pub month_named: bool,
}

/// A dateline's groups: the places, the agency and the date, as byte ranges of the head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DatelineMatch {
    pub places: Range<usize>,
    pub agency: Option<Range<usize>>,
    pub date: Option<DateSpans>,
}

struct Matcher<'t> {
    text: &'t str,
    steps: usize,
}

type Next<'a, 't> = &'a mut dyn FnMut(&mut Matcher<'t>, usize) -> bool;
/// One piece of the grammar, as a `Matcher` method.
type Item<'t> = fn(&mut Matcher<'t>, usize, Next<'_, 't>) -> bool;
type NextDate<'a, 't> = &'a mut dyn FnMut(&mut Matcher<'t>, usize, DateSpans) -> bool;

impl<'t> Matcher<'t> {
    fn char_at(&self, at: usize) -> Option<(char, usize)> {
        let c = self.text.get(at..)?.chars().next()?;
        Some((c, at + c.len_utf8()))
    }

    fn one(&self, at: usize, test: fn(char) -> bool) -> Option<usize> {
        self.char_at(at)
            .filter(|&(c, _)| test(c))
            .map(|(_, end)| end)
    }

    fn literal(&self, at: usize, literal: &str) -> Option<usize> {
        self.text
            .get(at..)?
            .starts_with(literal)
            .then_some(at + literal.len())
    }

    fn spent(&mut self) -> bool {
        self.steps += 1;
        self.steps > STEP_LIMIT
    }

    /// `\s?`: with the space first.
    fn optional_space(&mut self, at: usize, next: Next<'_, 't>) -> bool {
        if let Some(end) = self.one(at, is_space) {
            if next(self, end) {
                return true;
            }
        }
        next(self, at)
    }

    /// `[class]*`: the longest run first, then each shorter one.
    fn star(&mut self, at: usize, test: fn(char) -> bool, next: Next<'_, 't>) -> bool {
        let mut end = at;
        while let Some(after) = self.one(end, test) {
            end = after;
        }
        loop {
            if self.spent() {
                return false;
            }
            if next(self, end) {
                return true;
            }
            if end == at {
                return false;
            }
            end -= 1;
            while !self.text.is_char_boundary(end) {
                end -= 1;
            }
        }
    }

    /// `[A-ZÄÖÜ][\w.'’-]*`
    fn place_word(&mut self, at: usize, next: Next<'_, 't>) -> bool {
        match self.one(at, is_upper) {
            Some(after) => self.star(after, is_place_char, next),
            None => false,
        }
    }

    /// PLACE: a word, then up to two more, each after a space and an optional joining word.
    fn place(&mut self, at: usize, next: Next<'_, 't>) -> bool {
        self.place_word(at, &mut |m, end| m.place_more(end, 0, next))
    }

    fn place_more(&mut self, at: usize, done: usize, next: Next<'_, 't>) -> bool {
        if done < 2 {
            if let Some(spaced) = self.one(at, is_space) {
                let mut joined: Vec<usize> = Vec::with_capacity(2);
                for word in ["am", "an", "im", "in", "ob", "bei"] {
                    let Some(end) = self.literal(spaced, word) else {
                        continue;
                    };
                    let end = match word {
                        "an" | "ob" => self
                            .one(end, is_space)
                            .and_then(|after| self.literal(after, "der")),
                        _ => Some(end),
                    };
                    joined.extend(end);
                }
                joined.push(spaced);
                for start in joined {
                    let more = &mut |m: &mut Matcher<'t>, word: usize| {
                        m.place_word(word, &mut |m, end| m.place_more(end, done + 1, next))
                    };
                    if self.optional_space(start, more) {
                        return true;
                    }
                }
            }
        }
        next(self, at)
    }

    /// `(?:\s?SEPARATOR\s?ITEM){0,max}`, `done` repetitions matched already.
    fn repeated(
        &mut self,
        at: usize,
        separator: &'static str,
        item: Item<'t>,
        (done, max): (usize, usize),
        next: Next<'_, 't>,
    ) -> bool {
        if done < max {
            let another = &mut |m: &mut Matcher<'t>, at: usize| match m.literal(at, separator) {
                Some(after) => m.optional_space(after, &mut |m, start| {
                    item(m, start, &mut |m, end| {
                        m.repeated(end, separator, item, (done + 1, max), next)
                    })
                }),
                None => false,
            };
            if self.optional_space(at, another) {
                return true;
            }
        }
        next(self, at)
    }

    /// `\w[\w.]*`
    fn agency_word(&mut self, at: usize, next: Next<'_, 't>) -> bool {
        match self.one(at, is_word) {
            Some(after) => self.star(after, is_agency_char, next),
            None => false,
        }
    }

    /// `\w[\w.]*(?:\s?-\s?\w[\w.]*){0,2}`
    fn agency_part(&mut self, at: usize, next: Next<'_, 't>) -> bool {
        self.agency_word(at, &mut |m, end| {
            m.repeated(end, "-", Matcher::agency_word, (0, 2), next)
        })
    }

    /// `AGENCY-PART(?:\s?/\s?AGENCY-PART){0,3}`
    fn agency(&mut self, at: usize, next: Next<'_, 't>) -> bool {
        self.agency_part(at, &mut |m, end| {
            m.repeated(end, "/", Matcher::agency_part, (0, 3), next)
        })
    }

    /// Exactly `n` digits.
    fn digits(&self, at: usize, n: usize) -> Option<usize> {
        (0..n).try_fold(at, |end, _| self.one(end, is_digit))
    }

    /// `\d{1,2}`: two digits first.
    fn day_or_month(&self, at: usize) -> [Option<usize>; 2] {
        [self.digits(at, 2), self.digits(at, 1)]
    }

    /// `\s*` or (with `at_least_one`) `\s+`: the longest run first.
    fn spaces(&mut self, at: usize, at_least_one: bool, next: Next<'_, 't>) -> bool {
        let start = if at_least_one {
            match self.one(at, is_space) {
                Some(end) => end,
                None => return false,
            }
        } else {
            at
        };
        self.star(start, is_space, next)
    }

    /// DATE's forms in order: ISO (when `iso`), then NUMERIC and LONG (when `others`).
    fn date(&mut self, at: usize, iso: bool, others: bool, next: NextDate<'_, 't>) -> bool {
        if iso {
            if let Some(year) = self.digits(at, 4) {
                let month = self
                    .literal(year, "-")
                    .and_then(|a| Some((a, self.digits(a, 2)?)));
                if let Some((month_at, month)) = month {
                    let day = self
                        .literal(month, "-")
                        .and_then(|a| Some((a, self.digits(a, 2)?)));
                    if let Some((day_at, day)) = day {
                        let spans = DateSpans {
                            year: at..year,
                            month: month_at..month,
                            day: day_at..day,
                            month_named: false,
                        };
                        if next(self, day, spans) {
                            return true;
                        }
                    }
                }
            }
        }
        if !others {
            return false;
        }
        // NUMERIC: \d{1,2}\.\s?\d{1,2}\.\s?\d{4}
        for day in self.day_or_month(at).into_iter().flatten() {
            let Some(dot) = self.literal(day, ".") else {
                continue;
            };
            let mut after_day = |m: &mut Matcher<'t>, month_at: usize| -> bool {
                for month in m.day_or_month(month_at).into_iter().flatten() {
                    let Some(dot) = m.literal(month, ".") else {
                        continue;
                    };
                    let mut year = |m: &mut Matcher<'t>, year_at: usize| match m.digits(year_at, 4)
                    {
                        Some(end) => {
                            let spans = DateSpans {
                                year: year_at..end,
                                month: month_at..month,
                                day: at..day,
                                month_named: false,
                            };
                            next(m, end, spans)
                        }
                        None => false,
                    };
                    if m.optional_space(dot, &mut year) {
                        return true;
                    }
                }
                false
            };
            if self.optional_space(dot, &mut after_day) {
                return true;
            }
        }
        // LONG: \d{1,2}\.\s*MONTH\.?\s+\d{4}
        let mut months: Option<Vec<String>> = None;
        for day in self.day_or_month(at).into_iter().flatten() {
            let Some(dot) = self.literal(day, ".") else {
                continue;
            };
            let months = months.get_or_insert_with(month_words);
            let mut after_day = |m: &mut Matcher<'t>, month_at: usize| -> bool {
                for name in months.iter() {
                    let Some(month) = m.literal(month_at, name) else {
                        continue;
                    };
                    let mut year = |m: &mut Matcher<'t>, year_at: usize| match m.digits(year_at, 4)
                    {
                        Some(end) => {
                            let spans = DateSpans {
                                year: year_at..end,
                                month: month_at..month,
                                day: at..day,
                                month_named: true,
                            };
                            next(m, end, spans)
                        }
                        None => false,
                    };
                    let mut after_name =
                        |m: &mut Matcher<'t>, after: usize| m.spaces(after, true, &mut year);
                    if let Some(after_dot) = m.literal(month, ".") {
                        if after_name(m, after_dot) {
                            return true;
                        }
                    }
                    if after_name(m, month) {
                        return true;
                    }
                }
                false
            };
            if self.spaces(dot, false, &mut after_day) {
                return true;
            }
        }
        false
    }

    /// `\s?(?:\((?P<agency>AGENCY)\))?\s?[-–—:.]` after the places (and date).
    fn ending(&mut self, at: usize, agency: &mut Option<Range<usize>>) -> bool {
        let mut after_space = |m: &mut Matcher<'t>, open: usize| -> bool {
            if let Some(start) = m.literal(open, "(") {
                let mut close = |m: &mut Matcher<'t>, end: usize| match m.literal(end, ")") {
                    Some(after) => {
                        let found = m.optional_space(after, &mut |m, dash| m.dash(dash));
                        if found {
                            *agency = Some(start..end);
                        }
                        found
                    }
                    None => false,
                };
                if m.agency(start, &mut close) {
                    return true;
                }
            }
            m.optional_space(open, &mut |m, dash| m.dash(dash))
        };
        self.optional_space(at, &mut after_space)
    }

    fn dash(&self, at: usize) -> bool {
        self.char_at(at)
            .is_some_and(|(c, _)| matches!(c, '-' | '–' | '—' | ':' | '.'))
    }
}

/// The dateline grammar at the start of `head`.
pub(crate) fn match_dateline<'t>(head: &'t str) -> Option<DatelineMatch> {
    let mut matcher = Matcher {
        text: head,
        steps: 0,
    };
    let mut found = None;
    matcher.place(0, &mut |m, first| {
        m.repeated(first, "/", Matcher::place, (0, 4), &mut |m, places_end| {
            let mut agency = None;
            if let Some(comma) = m.literal(places_end, ",") {
                let mut dated = None;
                let mut after_date = |m: &mut Matcher<'t>, end: usize, spans: DateSpans| {
                    let ok = m.ending(end, &mut agency);
                    if ok {
                        dated = Some(spans);
                    }
                    ok
                };
                if m.optional_space(comma, &mut |m, at| m.date(at, true, true, &mut after_date)) {
                    found = Some(DatelineMatch {
                        places: 0..places_end,
                        agency: agency.clone(),
                        date: dated,
                    });
                    return true;
                }
                agency = None;
            }
            if m.ending(places_end, &mut agency) {
                found = Some(DatelineMatch {
                    places: 0..places_end,
                    agency,
                    date: None,
                });
                return true;
            }
            false
        })
    });
    found
}

/// Every date of `head` in the grammar's date form, left to right, as the regex
/// `(?:^|[^\d.-])ISO(?:$|\D)|(?:^|[^\d.])(?:NUMERIC|LONG)(?:$|\D)` finds them one after another.
pub(crate) fn find_dates(head: &str) -> Vec<DateSpans> {
    let mut matcher = Matcher {
        text: head,
        steps: 0,
    };
    let mut out = Vec::new();
    let mut from = 0;
    'search: while from <= head.len() {
        let mut start = from;
        while start <= head.len() {
            // The two alternatives in order, each with its lead: `^` (at 0) or one character.
            for (iso, others, lead_test) in [
                (
                    true,
                    false,
                    (|c| !is_digit(c) && c != '.' && c != '-') as fn(char) -> bool,
                ),
                (false, true, |c| !is_digit(c) && c != '.'),
            ] {
                let mut leads: Vec<usize> = Vec::with_capacity(2);
                if start == 0 {
                    leads.push(0);
                }
                leads.extend(matcher.one(start, lead_test));
                for lead in leads {
                    let mut end_at = None;
                    let mut found = None;
                    let mut after = |m: &mut Matcher<'_>, end: usize, spans: DateSpans| {
                        let close = if end == m.text.len() {
                            Some(end)
                        } else {
                            m.one(end, |c| !is_digit(c))
                        };
                        match close {
                            Some(close) => {
                                end_at = Some(close);
                                found = Some(spans);
                                true
                            }
                            None => false,
                        }
                    };
                    if matcher.date(lead, iso, others, &mut after) {
                        if let (Some(end), Some(spans)) = (end_at, found) {
                            out.push(spans);
                            from = end;
                            continue 'search;
                        }
                    }
                }
            }
            match matcher.char_at(start) {
                Some((_, next)) => start = next,
                None => break 'search,
            }
        }
        break;
    }
    out
}

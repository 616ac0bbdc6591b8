//! Dates relative to the reference date: weekdays, "gestern", "Vorjahr", "vor drei Tagen".

use super::*;

impl Scan<'_, '_> {
    pub(crate) fn weekday_compound(&self, i: usize) -> Option<(u8, DayPart)> {
        let mut buffer = [0u8; MAX_WORD];
        let lower = lowercase(self.word(i), &mut buffer)?;
        if !lower.contains("tag") && !lower.contains("woch") && !lower.contains("sonnabend") {
            return None;
        }
        weekday_compound(lower)
    }

    /// "Er wird am Montag entscheiden", "soll am Freitag beginnen": a future auxiliary a few
    /// words before a weekday, in its sentence, points it ahead.
    fn future_tense_before(&self, i: usize) -> bool {
        let sentence_start = self
            .doc
            .sentences
            .get(self.sentence_of(i))
            .map_or(i, |r| r.start);
        (i.saturating_sub(4).max(sentence_start)..i)
            .any(|k| self.is_any(k, &["wird", "werden", "soll", "sollen", "will", "wollen"]))
    }

    /// "Woche" or "Monats" after "Anfang der", "Mitte des": the reference's week or month.
    pub(super) fn current_week_or_month(&self, k: usize) -> Option<FigureValue> {
        let iso = if self.is(k, "woche") {
            self.ref_date.map(|r| {
                let (y, w) = r.iso_week();
                format!("{y:04}-W{w:02}")
            })
        } else if self.is(k, "monats") {
            self.ref_date.map(|r| month_iso(r.year(), r.month()))
        } else {
            return None;
        };
        Some(resolved_or_null(iso))
    }

    /// "heute, Dienstag", "heute, Dienstag, 28. Oktober": a weekday after a comma that names
    /// the same day joins the span, with its date (the token after them, or `k` when there is
    /// none).
    fn weekday_apposition(&self, k: usize, date: Option<Date>) -> usize {
        match (self.lex(k + 1), date) {
            (Some(Lex::Weekday(w)), Some(date))
                if self.is_punct(k, ",") && date.weekday().index() == w =>
            {
                match self.absolute(k + 1) {
                    Some(piece) if matches!(piece.when, When::Day { month: Some(_), .. }) => {
                        piece.next
                    }
                    _ => k + 2,
                }
            }
            _ => k,
        }
    }

    /// The given weekday of the ISO week `shift` weeks from the reference's.
    fn weekday_of_week(&self, weekday: u8, shift: i8) -> Option<Date> {
        let reference = self.ref_date?;
        let monday = reference.add_days(-i64::from(reference.weekday().index()));
        Some(monday.add_days(7 * i64::from(shift) + i64::from(weekday)))
    }

    pub(super) fn resolve_weekday(&self, weekday: u8, direction: Direction) -> Option<Date> {
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
    pub(super) fn relative(&self, i: usize) -> Option<Candidate> {
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
                let ahead = i > 0 && self.is_any(i - 1, &["bis", "ab", "nächsten", "kommenden"]);
                let direction = if ahead || self.future_tense_before(i) {
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
                let next = self.day_part_after(self.weekday_apposition(next, date));
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
                let next = self.day_part_after(self.weekday_apposition(i + 1, date));
                return Some(self.date_candidate(i, next, day_value(date), date));
            }
            Some(Lex::PeriodWord(word)) => return Some(self.period_word(i, word)),
            Some(Lex::YearOffset(offset)) => {
                // "beim Heurigen": the wine tavern, not this year's.
                if self.word(i).starts_with('H') && self.word(i).len() > "heuer".len() {
                    return None;
                }
                let year = reference.map(|r| r.year() + i32::from(offset));
                // "im heurigen Jahr", "im heurigen Sommer": the adjective with its head.
                if let Some(Lex::Season(code)) = self.lex(i + 1) {
                    let value = resolved_or_null(year.map(|y| format!("{y:04}-{code}")));
                    return Some(self.date_candidate(i, i + 2, value, None));
                }
                let head = self.is_any(i + 1, &["jahr", "jahres", "jahrs"]);
                let next = if head { i + 2 } else { i + 1 };
                let value = resolved_or_null(year.map(year_iso));
                return Some(self.date_candidate(i, next, value, None));
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

    /// "Vorwoche", "Vorjahresquartal", "Monatsbeginn", "Jahresende 2024": the reference's
    /// period shifted, or its start, middle or end.
    fn period_word(&self, i: usize, word: PeriodWord) -> Candidate {
        let shift = i64::from(word.shift);
        let year_after = (word.grain == Grain::Year && word.shift == 0)
            .then(|| self.year_at(i + 1))
            .flatten();
        let iso = match (year_after, word.grain) {
            (Some(year), _) => Some(year_iso(year)),
            (None, Grain::Week) => self.ref_date.map(|r| {
                let (y, w) = r.add_days(7 * shift).iso_week();
                format!("{y:04}-W{w:02}")
            }),
            (None, Grain::Month) => self.ref_date.map(|r| {
                let d = r.add_months(shift);
                month_iso(d.year(), d.month())
            }),
            (None, Grain::Quarter) => self.ref_date.map(|r| {
                let index = i64::from(r.year()) * 4 + i64::from(r.month() - 1) / 3 + shift;
                format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
            }),
            (None, _) => self.ref_year().map(|y| year_iso(y + i32::from(word.shift))),
        };
        let next = if year_after.is_some() { i + 2 } else { i + 1 };
        let mut c = self.date_candidate(i, next, resolved_or_null(iso), None);
        c.modifier = word.part;
        c
    }

    /// "vergangenen Woche", "diesem Jahr", "nächsten Monat", "letzten Dienstag".
    pub(super) fn shifted(&self, i: usize, shift: i8) -> Option<Candidate> {
        let k = i + 1;
        let reference = self.ref_date;
        let shift64 = i64::from(shift);
        // "vergangenen Wochenende", as TIMEX3 writes a week's weekend. On a weekday the
        // coming weekend ends the reference's own week.
        if self.is_any(k, &["wochenende", "wochenendes"]) {
            let value = reference.map(|r| {
                let weekday = r.weekday().index() < 5;
                let weeks = if shift > 0 && weekday {
                    shift64 - 1
                } else {
                    shift64
                };
                let (y, w) = r.add_days(7 * weeks).iso_week();
                format!("{y:04}-W{w:02}-WE")
            });
            return Some(self.date_candidate(i, k + 1, resolved_or_null(value), None));
        }
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
    pub(super) fn ago_or_ahead(&self, i: usize) -> Option<Candidate> {
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
        let mut amount = num.value * m.factor;
        let mut grain = grain;
        // "vor einem halben Jahr", "vor anderthalb Jahren": counted in months.
        if grain == Grain::Year && amount.fract() != 0.0 && (amount * 12.0).fract() == 0.0 {
            amount *= 12.0;
            grain = Grain::Month;
        }
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

    /// "zweiter Mittwoch im Oktober 2014", "letzter Tag im Oktober 2015", "erste Woche im
    /// Oktober 2014", "dritter Dienstag nach Weihnachten 2014": a day or week counted inside
    /// a month or after a holiday.
    pub(super) fn nth_in_period(&self, i: usize) -> Option<Candidate> {
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
}

//! Clock times: "14 Uhr", "14.30 Uhr", "um halb drei", "von 17 bis 18 Uhr".

use super::*;

/// The minutes of "30h" (in "18:30h").
fn minutes_h(word: &str) -> Option<u32> {
    let digits = word.strip_suffix(['h', 'H'])?;
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&m| m < 60)
}

impl Scan<'_, '_> {
    /// A clock time at `i`: hour, minute, second and the token after it.
    pub(super) fn clock(&self, i: usize, after_um: bool) -> Option<(u32, u32, u32, usize, bool)> {
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
    pub(crate) fn time_at(&self, i: usize, context: &Context) -> Option<Candidate> {
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
        let format = |day: Option<Date>, h: u32, m: u32, s: u32| {
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
            (Some((_, m2, s2)), Some(h2)) => {
                // "zwischen 22 Uhr und 6 Uhr" ends the next morning.
                let overnight = (h2, m2) < (h, m);
                let end_day = day.map(|d| if overnight { d.add_days(1) } else { d });
                iso_range(format(day, h, m, s), format(end_day, h2, m2, s2))
            }
            _ => FigureValue::Iso(format(day, h, m, s)),
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

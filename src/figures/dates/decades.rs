//! Decades: "in den 1990er-Jahren", "der Achtzigerjahre", "in den 80ern" → `199`, `198`
//! (ISO 8601 and TIMEX3 write a decade with its first three digits).

use super::*;
use crate::figures::numbers::parse_decade;

impl Scan<'_, '_> {
    /// A decade word at `i`, with "Jahre" after it when the word lacks its head. Without a
    /// head it needs an article before it ("in den 80ern", "der Achtziger"), as "ein 80er"
    /// is something else.
    pub(super) fn decade_at(&self, i: usize) -> Option<Candidate> {
        // Decade words are no lexicon words, numbers or ordinals; most tokens stop here.
        let info = self.info(i);
        let plain_word =
            info.lex.is_none() && info.cardinal().is_none() && info.ordinal().is_none();
        if self.kind(i) != Some(TokenKind::Word) || !plain_word {
            return None;
        }
        let mut buffer = [0u8; MAX_WORD];
        let lower = lowercase(self.word(i), &mut buffer)?;
        let (first_year, head) = parse_decade(lower)?;
        let mut next = i + 1;
        let head_after =
            !head && self.is_any(next, &["jahre", "jahren", "jahrzehnt", "jahrzehnts"]);
        if head_after {
            next += 1;
        }
        let article_before = i > 0 && self.is_any(i - 1, &["den", "der", "die"]);
        if !(head || head_after || article_before) {
            return None;
        }
        let value = FigureValue::Iso(format!("{:03}", first_year / 10));
        Some(self.date_candidate(i, next, value, None))
    }
}

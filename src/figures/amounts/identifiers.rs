//! Identifiers: a number after "Artikel", "Flug" or "A" names a thing, it counts nothing.

use crate::text::TokenKind;

use super::super::lexicon::Lex;
use super::super::Scan;

impl Scan<'_, '_> {
    /// Whether a number after token `i` is an identifier ("Artikel 5", "Flug 93", "A 340").
    pub fn is_identifier(&self, i: usize) -> bool {
        if self.lex(i) == Some(Lex::Identifier) {
            return true;
        }
        // "Abs. 2", "Nr. 5".
        if self.is_punct(i, ".") && i > 0 && self.lex(i - 1) == Some(Lex::Identifier) {
            return true;
        }
        let word = self.word(i);
        self.kind(i) == Some(TokenKind::Word)
            && word.len() <= 2
            && word.bytes().all(|b| b.is_ascii_uppercase())
            && self.lex(i).is_none()
    }
}

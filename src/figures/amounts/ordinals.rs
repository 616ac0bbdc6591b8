//! Ordinals: a spelled ordinal as a figure, unless the word is a verb ("achten").

use crate::annotations::FigureKind;

use super::super::{number_value, Candidate, Scan};

impl Scan<'_, '_> {
    /// Ordinal words: "dritte", "Zweiten", "fünftgrößten", "13ter".
    pub fn ordinal_at(&self, i: usize) -> Option<Candidate> {
        let value = self.info(i).ordinal()?;
        // "achten" is also a verb: an ordinal only after a determiner or before a noun.
        let word = self.word(i);
        if word.len() >= 5 && word[..4].eq_ignore_ascii_case("acht") {
            let determiner = i > 0
                && self.is_any(
                    i - 1,
                    &[
                        "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "beim",
                        "vom", "als", "jeder", "jede", "seinen", "seinem", "ihren", "ihrem",
                    ],
                );
            let noun = self.word(i + 1).starts_with(|c: char| c.is_uppercase());
            if !(determiner || noun) {
                return None;
            }
        }
        Some(self.candidate(i, i + 1, FigureKind::Ordinal, number_value(value)))
    }
}

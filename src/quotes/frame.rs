//! The frame around a quote: the cue that attributes it ("sagte", "so", "laut", "zufolge",
//! "hieß es") and the speaker it names. Every search looks at a bounded window of tokens.

use std::ops::Range;

use super::lexicon::{
    Lexicon, VerbClass, ADVERBS, DETERMINERS, OBLIQUE_DETERMINERS, PERSON_PRONOUNS, PREPOSITIONS,
    SUBORDINATORS,
};
use crate::text::{Document, TokenKind};

/// Tokens a frame search looks at on either side.
pub(crate) const WINDOW: usize = 30;

/// What is known about each token, computed once.
pub(crate) struct Words<'d, 't> {
    pub doc: &'d Document<'t>,
    pub lex: &'d Lexicon,
    /// Token is inside a kept direct quote (marks included).
    pub in_quote: Vec<bool>,
}

/// A found attribution: cue tokens and speaker tokens (ranges of token indices).
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    pub cue: Option<Range<usize>>,
    pub speaker: Option<Range<usize>>,
    pub class: Option<VerbClass>,
}

impl<'d, 't> Words<'d, 't> {
    pub fn text(&self, i: usize) -> &'t str {
        self.doc.token_text(i)
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_lowercase(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_lowercase)
    }

    fn lower_in(&self, i: usize, list: &[&str]) -> bool {
        let word = self.text(i);
        if word.len() > 16 || !self.is_word(i) {
            return false;
        }
        if list.contains(&word) {
            return true;
        }
        // Sentence-initial capitals: "Der", "Laut", "Dazu".
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if !first.is_uppercase() {
            return false;
        }
        let lower: String = first.to_lowercase().chain(chars).collect();
        list.contains(&lower.as_str())
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.len() && self.text(i).eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && self.text(i) == p
    }

    /// Commas, colons, semicolons, dashes, brackets and quotation marks end a clause.
    pub fn is_clause_boundary(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct
            && matches!(self.text(i), "," | ":" | ";" | "–" | "—" | "(" | ")")
    }

    /// The reporting-verb class of token `i`, when it is one (with its particle in place).
    pub fn verb_class(&self, i: usize, clause_end: usize) -> Option<VerbClass> {
        if !self.is_lowercase(i) {
            return None;
        }
        let forms = self.lex.verb(self.text(i))?;
        for form in forms {
            if form.particle.is_empty() {
                return Some(form.class);
            }
            let end = clause_end.min(i + WINDOW).min(self.len());
            if (i + 1..end).any(|j| self.text(j) == form.particle) {
                return Some(form.class);
            }
        }
        None
    }

    /// The end (exclusive) of the clause that token `i` is in, looking right.
    pub fn clause_end(&self, i: usize, limit: usize) -> usize {
        let limit = limit.min(i + WINDOW).min(self.len());
        (i + 1..limit)
            .find(|&j| self.is_clause_boundary(j) || self.ends_sentence(j))
            .unwrap_or(limit)
    }

    /// The start of the clause that token `i` is in, looking left.
    pub fn clause_start(&self, i: usize, floor: usize) -> usize {
        let floor = floor.max(i.saturating_sub(WINDOW));
        let mut j = i;
        while j > floor && !self.is_clause_boundary(j - 1) && !self.ends_sentence(j - 1) {
            j -= 1;
        }
        j
    }

    pub fn ends_sentence(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && matches!(self.text(i), "." | "!" | "?" | "…")
    }

    /// A noun phrase starting at `i`: a pronoun, or determiner, adjectives and capitalised
    /// words, with one genitive attribute ("der Sprecher des Weißen Hauses").
    pub fn noun_phrase(&self, i: usize, limit: usize) -> Option<Range<usize>> {
        let limit = limit.min(self.len()).min(i + 12);
        if i >= limit || !self.is_word(i) {
            return None;
        }
        if self.lower_in(i, PERSON_PRONOUNS) {
            return Some(i..i + 1);
        }
        let mut j = i;
        if self.lower_in(j, DETERMINERS) {
            j += 1;
        } else if self.lower_in(j, PREPOSITIONS)
            || self.lower_in(j, ADVERBS)
            || self.lower_in(j, SUBORDINATORS)
            || !self.is_capitalised(j)
        {
            return None;
        }
        let head = self.nominal(j, limit)?;
        let mut end = head.end;
        // Genitive attribute.
        if end + 1 < limit && (self.is(end, "des") || self.is(end, "der")) {
            if let Some(genitive) = self.nominal(end + 1, limit) {
                end = genitive.end;
            }
        }
        Some(i..end)
    }

    /// Adjectives and numbers, then one or more capitalised words.
    fn nominal(&self, mut j: usize, limit: usize) -> Option<Range<usize>> {
        let start = j;
        let mut steps = 0;
        while j < limit
            && steps < 3
            && (self.doc.tokens[j].kind == TokenKind::Number
                || (self.is_lowercase(j)
                    && !self.lower_in(j, PREPOSITIONS)
                    && !self.lower_in(j, ADVERBS)
                    && self.text(j).len() > 3
                    && self.lex.verb(self.text(j)).is_none()
                    && self.lex.subjunctive(self.text(j)).is_none()
                    && ["e", "en", "er", "es", "em"]
                        .iter()
                        .any(|s| self.text(j).ends_with(s))))
        {
            j += 1;
            steps += 1;
        }
        let head = j;
        while j < limit && j < head + 4 && self.is_capitalised(j) && !self.lower_in(j, ADVERBS) {
            j += 1;
        }
        (j > head).then_some(start..j)
    }

    /// The subject of the clause opening at `start` when no verb is known: its first noun
    /// phrase, or the one after the verb when an adverbial comes first ("Dabei griff sie …").
    pub fn clause_subject(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if let Some(np) = self.noun_phrase(start, limit) {
            if !self.lower_in(start, OBLIQUE_DETERMINERS) {
                return Some(np);
            }
        }
        let limit = limit.min(start + WINDOW).min(self.len());
        let verb = (start + 1..limit).find(|&j| {
            self.is_lowercase(j)
                && !self.lower_in(j, PREPOSITIONS)
                && !self.lower_in(j, DETERMINERS)
                && !self.lower_in(j, ADVERBS)
        })?;
        self.subject_after(verb + 1, limit)
    }

    /// The first noun phrase in `from..limit` that can be a subject, skipping adverbs,
    /// prepositional phrases and dative/accusative objects.
    pub fn subject_after(&self, from: usize, limit: usize) -> Option<Range<usize>> {
        let limit = limit.min(from + 14).min(self.len());
        let mut j = from;
        while j < limit {
            if self.is_clause_boundary(j) || self.ends_sentence(j) {
                return None;
            }
            // A quoted name: schrieb „Die Zeit“.
            if self.in_quote[j] && self.doc.tokens[j].kind == TokenKind::Punct {
                let close = (j + 1..limit)
                    .find(|&k| !self.in_quote[k])
                    .map_or(limit, |k| k);
                return (close > j + 1).then_some(j..close);
            }
            if self.lower_in(j, PREPOSITIONS) {
                // Skip the prepositional phrase.
                j += 1;
                if j < limit && self.lower_in(j, DETERMINERS) {
                    j += 1;
                }
                match self.nominal(j, limit) {
                    Some(np) => j = np.end,
                    None => j += 1,
                }
                continue;
            }
            if let Some(np) = self.noun_phrase(j, limit) {
                if self.lower_in(j, OBLIQUE_DETERMINERS) {
                    j = np.end;
                    continue;
                }
                return Some(np);
            }
            if self.is_lowercase(j) || self.doc.tokens[j].kind == TokenKind::Number {
                j += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The subject of reporting verb `v`, from German word order: verb-first after a quote
    /// („…“, sagte X), subject-first (X sagte), verb-final after a conjunction (wie X
    /// sagte), or inverted after an adverbial (Am Dienstag sagte X).
    pub fn subject_of(&self, v: usize, floor: usize, ceiling: usize) -> Option<Range<usize>> {
        let start = self.clause_start(v, floor);
        // A pronoun right after the verb is its subject: "bezeichnete er als …".
        let coordinated = v > 0 && (self.is(v - 1, "und") || self.is(v - 1, "oder"));
        if v + 1 < self.len().min(ceiling.max(v + 2))
            && self.lower_in(v + 1, PERSON_PRONOUNS)
            && !(coordinated && self.is(v + 1, "sie"))
        {
            return Some(v + 1..v + 2);
        }
        if start == v {
            return self.subject_after(v + 1, ceiling).or_else(|| {
                // "X, die …, sagte, …": the subject opens the sentence.
                let first = floor.max(v.saturating_sub(WINDOW));
                if start > first && self.is_punct(start - 1, ",") {
                    self.noun_phrase(first, v)
                } else {
                    None
                }
            });
        }
        // Verb-final after a conjunction ("wie X sagte"); "Als Antwort sagte X" is a main clause.
        let verb_final =
            v + 1 >= self.len() || self.is_clause_boundary(v + 1) || self.ends_sentence(v + 1);
        if self.lower_in(start, SUBORDINATORS) && verb_final {
            return self.subject_after(start + 1, v);
        }
        if self.lower_in(start, SUBORDINATORS) {
            return self.subject_after(v + 1, ceiling);
        }
        if let Some(np) = self.noun_phrase(start, v) {
            if !self.lower_in(start, OBLIQUE_DETERMINERS) {
                return Some(np);
            }
        }
        self.subject_after(v + 1, ceiling)
            .or_else(|| self.subject_after(start, v))
    }

    /// Whether the tokens `range` hold a finite Konjunktiv I (or, when `substitutes`, also a
    /// Konjunktiv II stand-in) outside quotation marks, not after "ich".
    pub fn subjunctive_in(&self, range: Range<usize>, substitutes: bool) -> Option<usize> {
        let end = range.end.min(self.len());
        (range.start..end).find(|&i| {
            !self.in_quote[i]
                && self.is_lowercase(i)
                && self
                    .lex
                    .subjunctive(self.text(i))
                    .is_some_and(|first| first || substitutes)
                && !(i > 0 && (self.is(i - 1, "ich") || self.is(i - 1, "Ich")))
        })
    }

    /// An attribution marker at `i`: "so X" (after a quote or clause), "laut X",
    /// "X zufolge", "nach Angaben X", "hieß/heißt es (in X)". Returns the frame.
    pub fn marker_at(&self, i: usize, floor: usize, ceiling: usize) -> Option<Frame> {
        if !self.is_word(i) {
            return None;
        }
        let word = self.text(i);
        let frame = |cue: Range<usize>, speaker: Option<Range<usize>>| Frame {
            cue: Some(cue),
            speaker,
            class: Some(VerbClass::Report),
        };
        match word {
            "so" | "So" => {
                // Only right after a comma or quote: „…“, so der Minister.
                let after_comma =
                    i > 0 && (self.is_punct(i - 1, ",") || self.is_clause_boundary(i - 1));
                if !after_comma {
                    return None;
                }
                let speaker = self.noun_phrase(i + 1, ceiling)?;
                Some(frame(i..i + 1, Some(speaker)))
            }
            "laut" | "Laut" => {
                let speaker = self.noun_phrase(i + 1, ceiling)?;
                Some(frame(i..i + 1, Some(speaker)))
            }
            "zufolge" => {
                let start = self.clause_start(i, floor);
                let first = (start..i).find(|&j| self.noun_phrase(j, i).is_some())?;
                Some(frame(i..i + 1, Some(first..i)))
            }
            "Angaben" | "Aussage" | "Auffassung" | "Ansicht" | "Informationen" | "Einschätzung"
            | "Aussagen" | "Berichten" => {
                let nach = i
                    .checked_sub(1)
                    .filter(|&n| self.is(n, "nach"))
                    .or_else(|| {
                        i.checked_sub(2)
                            .filter(|&n| self.is(n, "nach") && self.is_lowercase(n + 1))
                    })?;
                let mut j = i + 1;
                if self.is(j, "von") {
                    j += 1;
                }
                let speaker = self.noun_phrase(j, ceiling);
                Some(frame(nach..i + 1, speaker))
            }
            "hieß" | "heißt" => {
                if !self.is(i + 1, "es") {
                    return None;
                }
                let mut speaker = None;
                let mut j = i + 2;
                while j < ceiling.min(i + 6).min(self.len()) {
                    if self.is(j, "in")
                        || self.is(j, "aus")
                        || self.is(j, "von")
                        || self.is(j, "im")
                        || self.is(j, "vom")
                    {
                        speaker = self
                            .noun_phrase(j + 1, ceiling)
                            .or_else(|| self.is_capitalised(j + 1).then(|| j + 1..j + 2));
                        break;
                    }
                    j += 1;
                }
                Some(frame(i..i + 2, speaker))
            }
            _ => None,
        }
    }
}

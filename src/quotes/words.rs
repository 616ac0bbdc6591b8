//! Per-token facts (word class, case, names) and the noun phrases and clauses read from them.

use std::ops::Range;

use super::lexicon::{
    Lexicon, VerbClass, CLOSED_CLASSES, IS_ADVERB, IS_CONJUNCTION, IS_DETERMINER, IS_OBLIQUE,
    IS_PREPOSITION, IS_PRONOUN, IS_SUBJUNCTIVE, IS_SUBORDINATOR, IS_SUBSTITUTE, IS_VERB,
};
use crate::annotations::{Entity, EntityLabel};
use crate::text::{Document, TokenKind};

fn marker_bit(word: &str) -> u32 {
    match word {
        "so" | "So" | "laut" | "Laut" | "zufolge" | "hieß" | "heißt" | "Angaben" | "Aussage"
        | "Auffassung" | "Ansicht" | "Informationen" | "Einschätzung" | "Aussagen"
        | "Berichten" | "Darstellung" | "Darstellungen" | "Meinung" | "Worten" => MARKER,
        _ => 0,
    }
}

/// `word` with its first letter small, in `buffer` ("Der" → "der").
fn small_first<'b>(word: &str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        buffer.extend(first.to_lowercase());
        buffer.push_str(chars.as_str());
    }
    buffer
}

/// Noun suffixes that are feminine ("Zeitung", "Behörde" excepted: too short a rule).
const FEMININE_SUFFIXES: &[&str] = &[
    "ung", "heit", "keit", "schaft", "ion", "tät", "enz", "anz", "ei", "ie", "ik",
];

/// A bare participle ("gestiegen"), not an inflected one ("getragenen", "gesagten").
fn is_bare_participle(word: &str) -> bool {
    word.starts_with("ge")
        && word.ends_with("en")
        && !word.ends_with("enen")
        && !word.ends_with("ten")
}

/// Tokens a frame search looks at on either side.
pub(crate) const WINDOW: usize = 30;

/// Per-token facts, bits of [`Words::facts`].
const WORD: u32 = 1;
const LOWER: u32 = 2;
const CAPITAL: u32 = 4;
const CLAUSE_BOUNDARY: u32 = 8;
const SENTENCE_END: u32 = 16;
/// Inside a person or organisation name (not a derivation like "deutsche").
const NAMED_AGENT: u32 = 32;
const PERSON: u32 = 64;
/// May open an attribution marker ([`Words::marker_at`]).
pub(super) const MARKER: u32 = 128;
/// The lexicon's word facts ([`Lexicon::word_facts`]) sit above the bits of this file.
const WORD_FACTS_SHIFT: u32 = 8;
const fn lexical(fact: u16) -> u32 {
    (fact as u32) << WORD_FACTS_SHIFT
}
/// A form of a reporting verb (lower case).
const VERB: u32 = lexical(IS_VERB);
/// Konjunktiv I, or a Konjunktiv II stand-in.
const SUBJUNCTIVE: u32 = lexical(IS_SUBJUNCTIVE);
const SUBSTITUTE: u32 = lexical(IS_SUBSTITUTE);
pub(crate) const DETERMINER: u32 = lexical(IS_DETERMINER);
pub(crate) const PREPOSITION: u32 = lexical(IS_PREPOSITION);
pub(crate) const ADVERB: u32 = lexical(IS_ADVERB);
pub(crate) const SUBORDINATOR: u32 = lexical(IS_SUBORDINATOR);
pub(crate) const PRONOUN: u32 = lexical(IS_PRONOUN);
pub(crate) const OBLIQUE: u32 = lexical(IS_OBLIQUE);
pub(crate) const CONJUNCTION: u32 = lexical(IS_CONJUNCTION);
/// Classes that never open a noun phrase.
const NO_PHRASE: u32 = PREPOSITION | ADVERB | SUBORDINATOR | CONJUNCTION;

/// What is known about each token, computed once: the bounded searches then only test bits.
pub(crate) struct Words<'d, 't> {
    pub doc: &'d Document<'t>,
    pub lex: &'d Lexicon,
    /// Token is inside a kept direct quote (marks included).
    pub in_quote: Vec<bool>,
    facts: Vec<u32>,
}

impl<'d, 't> Words<'d, 't> {
    pub fn new(doc: &'d Document<'t>, lex: &'d Lexicon, entities: &[Entity]) -> Words<'d, 't> {
        let mut buffer = String::new();
        let mut facts: Vec<u32> = doc
            .tokens
            .iter()
            .map(|t| {
                let text = &doc.text[t.start..t.end];
                match t.kind {
                    TokenKind::Word => {
                        let first = text.chars().next();
                        WORD | if first.is_some_and(char::is_lowercase) {
                            LOWER | lexical(lex.word_facts(text)) | marker_bit(text)
                        } else if first.is_some_and(char::is_uppercase) {
                            CAPITAL
                                | lexical(
                                    lex.word_facts(small_first(text, &mut buffer)) & CLOSED_CLASSES,
                                )
                                | marker_bit(text)
                        } else {
                            0
                        }
                    }
                    TokenKind::Punct => match text {
                        "," | ":" | ";" | "–" | "—" | "(" | ")" => CLAUSE_BOUNDARY,
                        "." | "!" | "?" | "…" => SENTENCE_END,
                        _ => 0,
                    },
                    TokenKind::Number => 0,
                }
            })
            .collect();
        // Entities are sorted by start: one merge pass over tokens and entities.
        let mut e = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            while e < entities.len() && entities[e].end <= t.start {
                e += 1;
            }
            if let Some(entity) = entities.get(e).filter(|x| x.start < t.end) {
                match entity.label {
                    EntityLabel::Person => facts[i] |= NAMED_AGENT | PERSON,
                    EntityLabel::Organisation => facts[i] |= NAMED_AGENT,
                    _ => {}
                }
            }
        }
        Words {
            doc,
            lex,
            in_quote: vec![false; doc.tokens.len()],
            facts,
        }
    }

    pub(super) fn has(&self, i: usize, fact: u32) -> bool {
        self.facts.get(i).is_some_and(|f| f & fact != 0)
    }

    /// A determiner of dative, accusative or genitive: its phrase is no subject.
    pub fn is_oblique(&self, i: usize) -> bool {
        self.has(i, OBLIQUE)
    }

    /// Inside a person or organisation name the entity layer found.
    pub fn is_named_agent(&self, i: usize) -> bool {
        self.has(i, NAMED_AGENT)
    }

    pub fn is_person(&self, i: usize) -> bool {
        self.has(i, PERSON)
    }

    /// A lower-case form of a reporting verb (whatever its particle).
    pub fn may_be_verb(&self, i: usize) -> bool {
        self.has(i, VERB)
    }

    /// Whether token `i` may stand inside a noun phrase with its attributes: an article, a
    /// preposition, a capitalised word, a number or an inflected adjective — no verb.
    pub fn may_extend_phrase(&self, i: usize) -> bool {
        if self.in_quote[i] || self.is_clause_boundary(i) || self.ends_sentence(i) {
            return false;
        }
        if self.doc.tokens[i].kind == TokenKind::Number
            || self.has(i, DETERMINER | PREPOSITION)
            || (self.is_capitalised(i) && !self.has(i, ADVERB | CONJUNCTION))
        {
            return true;
        }
        let word = self.text(i);
        self.is_lowercase(i)
            && word.len() > 3
            && !self.has(i, VERB | SUBJUNCTIVE | SUBSTITUTE | ADVERB | SUBORDINATOR)
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|s| word.ends_with(s))
            && !word.ends_with("ieren")
            && !is_bare_participle(word)
    }

    /// "der Zeitung", "der Regierung": "der" before a noun of a feminine suffix is dative or
    /// genitive, never a subject.
    pub fn is_oblique_feminine(&self, phrase: &Range<usize>) -> bool {
        let last = phrase.end.saturating_sub(1);
        phrase.len() >= 2
            && self.lower_in(phrase.start, &["der", "einer"])
            && self.is_capitalised(last)
            && !self.is_person(last)
            && FEMININE_SUFFIXES
                .iter()
                .any(|s| self.text(last).len() > s.len() + 2 && self.text(last).ends_with(s))
    }

    pub fn text(&self, i: usize) -> &'t str {
        self.doc.token_text(i)
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.has(i, WORD)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.has(i, CAPITAL)
    }

    pub fn is_lowercase(&self, i: usize) -> bool {
        self.has(i, LOWER)
    }

    pub(super) fn lower_in(&self, i: usize, list: &[&str]) -> bool {
        let word = self.text(i);
        if word.len() > 16 || !self.is_word(i) {
            return false;
        }
        if list.contains(&word) {
            return true;
        }
        // Sentence-initial capitals: "Der", "Laut", "Dazu" (compared without allocating;
        // German capitals and their small letters have the same UTF-8 length).
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if !first.is_uppercase() {
            return false;
        }
        let rest = chars.as_str();
        let mut small = first.to_lowercase();
        let (Some(lower), None) = (small.next(), small.next()) else {
            return false;
        };
        list.iter().any(|w| {
            let mut wc = w.chars();
            wc.next() == Some(lower) && wc.as_str() == rest
        })
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.len() && self.text(i).eq_ignore_ascii_case(word)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens[i].kind == TokenKind::Punct && self.text(i) == p
    }

    /// Commas, colons, semicolons, dashes, brackets and quotation marks end a clause.
    pub fn is_clause_boundary(&self, i: usize) -> bool {
        self.has(i, CLAUSE_BOUNDARY)
    }

    /// The reporting-verb class of token `i`, when it is one (with its particle in place).
    pub fn verb_class(&self, i: usize, clause_end: usize) -> Option<VerbClass> {
        if !self.has(i, VERB) {
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

    /// The separable particle of the one-token cue `cue` later in its clause ("kündigte … an"):
    /// the last token of the clause that is a particle of one of the verb's forms.
    pub fn particle_of(&self, cue: &Range<usize>) -> Option<usize> {
        let v = cue.start;
        if cue.len() != 1 || !self.has(v, VERB) {
            return None;
        }
        let forms = self.lex.verb(self.text(v))?;
        let end = self.clause_end(v, self.len());
        (v + 1..end).rev().find(|&j| {
            !self.in_quote[j]
                && forms.iter().any(|f| {
                    // A reflexive "sich" is no separable particle.
                    !f.particle.is_empty() && f.particle != "sich" && self.text(j) == f.particle
                })
        })
    }

    /// The finite verb of the main clause `start..end` when the lexicon does not know it
    /// ("zeigte sich zufrieden:", "Das Fazit lautete:", "warb X mit den Worten:"): the first
    /// lower-case word outside quotes that belongs to no closed class and does not stand
    /// after a determiner or preposition (an attribute: "nach fünf Jahren", "der neue").
    pub fn finite_verb(&self, start: usize, end: usize) -> Option<usize> {
        let closed = DETERMINER | PREPOSITION | NO_PHRASE | PRONOUN | OBLIQUE;
        (start..end.min(start + WINDOW))
            .filter(|&k| self.is_lowercase(k) && !self.in_quote[k] && !self.has(k, closed))
            .find(|&k| k == start || !self.has(k - 1, DETERMINER | PREPOSITION))
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
        self.has(i, SENTENCE_END)
    }

    /// A noun phrase starting at `i`: a pronoun, or determiner, adjectives and capitalised
    /// words, with one genitive attribute ("der Sprecher des Weißen Hauses").
    pub fn noun_phrase(&self, i: usize, limit: usize) -> Option<Range<usize>> {
        let limit = limit.min(self.len()).min(i + 12);
        if i >= limit || !self.is_word(i) {
            return None;
        }
        if self.has(i, PRONOUN) {
            return Some(i..i + 1);
        }
        let mut j = i;
        if self.has(j, DETERMINER) {
            j += 1;
        } else if self.has(j, NO_PHRASE) || !self.is_capitalised(j) {
            return None;
        }
        let Some(head) = self.nominal(j, limit) else {
            // "Diese bestätigte, …": a demonstrative standing alone before the verb.
            let alone = j == i + 1
                && self.lower_in(i, &["dieser", "diese", "jener", "jene"])
                && (j >= limit || self.is_lowercase(j) || self.is_clause_boundary(j));
            return alone.then_some(i..j);
        };
        if j == i && head.len() == 1 && !self.may_name_a_speaker(i) {
            return None;
        }
        let mut end = head.end;
        // Genitive attribute.
        if end + 1 < limit && (self.is(end, "des") || self.is(end, "der")) {
            if let Some(genitive) = self.nominal(end + 1, limit) {
                end = genitive.end;
            }
        }
        Some(i..end)
    }

    /// A lone capitalised word without article opening a sentence is no speaker when German
    /// word order shows it is an adverb or verb: an article or pronoun follows it ("Selbst
    /// die …", "Hatte sie …") or the subject pronoun stands after the verb ("Aktuell lässt
    /// sie …"). Names and roles the other layers know always qualify.
    fn may_name_a_speaker(&self, i: usize) -> bool {
        let sentence_initial =
            i == 0 || self.doc.sentences[self.doc.sentence_of(i)].start == i || {
                let p = i - 1;
                self.ends_sentence(p)
                    || (self.doc.tokens[p].kind == TokenKind::Punct && self.in_quote[p])
            };
        if !sentence_initial || self.is_named_agent(i) || self.lex.is_role(self.text(i)) {
            return true;
        }
        // Adverb endings: "Normalerweise", "Allerdings", "Ebenfalls", "Damals", "Indessen".
        let word = self.text(i);
        if ["weise", "ings", "falls", "mals", "dessen", "maßen"]
            .iter()
            .any(|suffix| word.len() > suffix.len() + 1 && word.ends_with(suffix))
        {
            return false;
        }
        let pronoun = |k: usize| k < self.len() && self.lower_in(k, &["er", "sie", "es", "wir"]);
        let article = |k: usize| k < self.len() && self.has(k, DETERMINER);
        !(pronoun(i + 1) || article(i + 1) || (self.is_lowercase(i + 1) && pronoun(i + 2)))
    }

    /// "nicht genannter", "staatlich kontrollierten": a negation or adverbial adjective
    /// before an inflected adjective.
    fn is_adjective_modifier(&self, j: usize, limit: usize) -> bool {
        let next = j + 1;
        next < limit
            && self.is_lowercase(j)
            && self.is_lowercase(next)
            && (self.is(j, "nicht")
                || ["lich", "ig", "isch", "weit"]
                    .iter()
                    .any(|s| self.text(j).ends_with(s)))
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|s| self.text(next).ends_with(s))
            && !self.has(next, VERB | SUBJUNCTIVE | SUBSTITUTE)
    }

    /// Adjectives and numbers, then one or more capitalised words.
    pub(super) fn nominal(&self, mut j: usize, limit: usize) -> Option<Range<usize>> {
        let start = j;
        let mut steps = 0;
        while j < limit
            && steps < 4
            && (self.doc.tokens[j].kind == TokenKind::Number
                || self.is_adjective_modifier(j, limit)
                || (self.is_lowercase(j)
                    && !self.has(j, PREPOSITION)
                    && !self.has(j, ADVERB)
                    && self.text(j).len() > 3
                    && !self.has(j, VERB | SUBJUNCTIVE | SUBSTITUTE)
                    && ["e", "en", "er", "es", "em"]
                        .iter()
                        .any(|s| self.text(j).ends_with(s))))
        {
            j += 1;
            steps += 1;
        }
        let head = j;
        while j < limit
            && j < head + 4
            && self.is_capitalised(j)
            && !self.has(j, ADVERB | CONJUNCTION)
        {
            j += 1;
        }
        (j > head).then_some(start..j)
    }

    /// Whether the tokens `range` hold a finite Konjunktiv I (or, when `substitutes`, also a
    /// Konjunktiv II stand-in) outside quotation marks, not after "ich".
    pub fn subjunctive_in(&self, range: Range<usize>, substitutes: bool) -> Option<usize> {
        let end = range.end.min(self.len());
        let wanted = if substitutes {
            SUBJUNCTIVE | SUBSTITUTE
        } else {
            SUBJUNCTIVE
        };
        (range.start..end).find(|&i| {
            self.has(i, wanted)
                && !self.in_quote[i]
                && !(i > 0 && (self.is(i - 1, "ich") || self.is(i - 1, "Ich")))
        })
    }
}

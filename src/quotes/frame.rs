//! The frame around a quote: the cue that attributes it ("sagte", "so", "laut", "zufolge",
//! "hieß es") and the speaker it names. Every search looks at a bounded window of tokens.

use std::ops::Range;

use super::lexicon::{
    Lexicon, VerbClass, CLOSED_CLASSES, IS_ADVERB, IS_DETERMINER, IS_OBLIQUE, IS_PREPOSITION,
    IS_PRONOUN, IS_SUBJUNCTIVE, IS_SUBORDINATOR, IS_SUBSTITUTE, IS_VERB,
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

/// Finite auxiliaries that may follow a clause-final participle ("bekanntgegeben hat").
const AUXILIARIES: &[&str] = &[
    "hat", "habe", "hatte", "haben", "hatten", "ist", "sei", "war", "wurde", "worden", "wird",
];

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
const MARKER: u32 = 128;
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

/// What is known about each token, computed once: the bounded searches then only test bits.
pub(crate) struct Words<'d, 't> {
    pub doc: &'d Document<'t>,
    pub lex: &'d Lexicon,
    /// Token is inside a kept direct quote (marks included).
    pub in_quote: Vec<bool>,
    facts: Vec<u32>,
}

/// A found attribution: cue tokens and speaker tokens (ranges of token indices).
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    pub cue: Option<Range<usize>>,
    pub speaker: Option<Range<usize>>,
    pub class: Option<VerbClass>,
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

    fn has(&self, i: usize, fact: u32) -> bool {
        self.facts.get(i).is_some_and(|f| f & fact != 0)
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

    fn lower_in(&self, i: usize, list: &[&str]) -> bool {
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
        } else if self.has(j, PREPOSITION)
            || self.has(j, ADVERB)
            || self.has(j, SUBORDINATOR)
            || !self.is_capitalised(j)
        {
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
    fn nominal(&self, mut j: usize, limit: usize) -> Option<Range<usize>> {
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
        while j < limit && j < head + 4 && self.is_capitalised(j) && !self.has(j, ADVERB) {
            j += 1;
        }
        (j > head).then_some(start..j)
    }

    /// The subject of the clause opening at `start` when no verb is known: its first noun
    /// phrase, or the one after the verb when an adverbial comes first ("Dabei griff sie …").
    pub fn clause_subject(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        if let Some(np) = self.noun_phrase(start, limit) {
            if !self.has(start, OBLIQUE) {
                return Some(np);
            }
        }
        let limit = limit.min(start + WINDOW).min(self.len());
        let verb = (start + 1..limit).find(|&j| {
            self.is_lowercase(j)
                && !self.has(j, PREPOSITION)
                && !self.has(j, DETERMINER)
                && !self.has(j, ADVERB)
        })?;
        if let Some(np) = self.focused_subject(start, verb) {
            return Some(np);
        }
        self.subject_after(verb + 1, limit)
    }

    /// The first person name the entity layer found in `range`, as a token range.
    pub fn person_in(&self, range: Range<usize>) -> Option<Range<usize>> {
        let end = range.end.min(self.len());
        let first = (range.start..end).find(|&k| self.is_person(k))?;
        let last = (first..end).take_while(|&k| self.is_person(k)).last()?;
        Some(first..last + 1)
    }

    /// Whether the phrase names someone who can speak: a name, a role, a pronoun.
    pub fn is_agentive(&self, phrase: &Range<usize>) -> bool {
        phrase.clone().any(|k| {
            self.is_named_agent(k) || self.has(k, PRONOUN) || self.lex.is_role(self.text(k))
        })
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
            if self.has(j, PREPOSITION) {
                // Skip the prepositional phrase.
                j += 1;
                if j < limit && self.has(j, DETERMINER) {
                    j += 1;
                }
                match self.nominal(j, limit) {
                    Some(np) => j = np.end,
                    None => j += 1,
                }
                continue;
            }
            if let Some(np) = self.noun_phrase(j, limit) {
                if self.has(j, OBLIQUE) {
                    j = np.end;
                    continue;
                }
                return Some(np);
            }
            // "So hatte X zugesichert": a clause-initial adverb is no subject.
            if self.is_lowercase(j)
                || self.has(j, ADVERB)
                || self.doc.tokens[j].kind == TokenKind::Number
            {
                j += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The speaker of reporting verb `v`: its subject, except for an active "zitieren",
    /// whose object is the one quoted ("zitiert die Zeitung den Minister").
    pub fn speaker_of(&self, v: usize, floor: usize, ceiling: usize) -> Option<Range<usize>> {
        if self.is_active_citing(v) {
            if let Some(object) = self.cited(v, ceiling) {
                return Some(object);
            }
        }
        self.subject_of(v, floor, ceiling)
    }

    /// A form of "zitieren" not in the passive ("wird X zitiert", "wie X zitiert wird").
    pub fn is_active_citing(&self, v: usize) -> bool {
        if !self.text(v).starts_with("zitier") {
            return false;
        }
        let auxiliary = |k: usize| {
            ["wird", "wurde", "werden", "wurden", "worden"]
                .iter()
                .any(|a| self.is(k, a))
        };
        let start = self.clause_start(v, v.saturating_sub(WINDOW));
        !((start..v).any(auxiliary) || (v + 1 < self.len() && auxiliary(v + 1)))
    }

    /// The last noun phrase after citing verb `v` in its clause, outside prepositional
    /// phrases: the object when the citing source is the subject ("zitiert ndr.de
    /// Polizeisprecher Meyer", "zitiert einen Augenzeugen mit den Worten").
    fn cited(&self, v: usize, ceiling: usize) -> Option<Range<usize>> {
        let limit = ceiling.min(v + WINDOW).min(self.len());
        let mut found = None;
        let mut j = v + 1;
        while j < limit {
            // "ndr.de": a dot inside a word is no sentence end.
            let inner_dot = self.is_punct(j, ".")
                && j + 1 < limit
                && self.is_word(j + 1)
                && !self.doc.space_before(j + 1)
                && !self.doc.space_before(j);
            if (self.is_clause_boundary(j) || self.ends_sentence(j)) && !inner_dot {
                break;
            }
            if self.in_quote[j] && self.doc.tokens[j].kind == TokenKind::Punct {
                let close = (j + 1..limit).find(|&k| !self.in_quote[k]).unwrap_or(limit);
                j = close.max(j + 1);
                continue;
            }
            if self.has(j, PREPOSITION) {
                j += 1;
                if j < limit && self.has(j, DETERMINER) {
                    j += 1;
                }
                j = self.nominal(j, limit).map_or(j + 1, |np| np.end);
                continue;
            }
            if let Some(np) = self.noun_phrase(j, limit) {
                j = np.end;
                found = Some(np);
                continue;
            }
            j += 1;
        }
        found
    }

    /// "X, Chef von Y, sagte" / "…, Sprecherin der Fraktion, Sandra Boser (Grüne), erklärte":
    /// walking back over the comma-separated stretches before verb `v`, the nearest one
    /// that is a whole noun phrase (an apposition or name), skipping relative clauses.
    fn apposed_subject(&self, v: usize, floor: usize) -> Option<Range<usize>> {
        if v == 0 || v <= floor || !self.is_punct(v - 1, ",") {
            return None;
        }
        let mut comma = v - 1;
        // The head of a chain of appositions: "Kay Weidner, ein Sprecher des Amts, sagte".
        let mut found: Option<Range<usize>> = None;
        for _ in 0..4 {
            // Brackets do not end the stretch: "Sandra Boser (Grüne),".
            let mut start = comma;
            while start > floor
                && start + 14 > comma
                && !self.ends_sentence(start - 1)
                && !(self.is_clause_boundary(start - 1)
                    && !self.is_punct(start - 1, "(")
                    && !self.is_punct(start - 1, ")"))
            {
                start -= 1;
            }
            if start >= comma {
                break;
            }
            let np = self
                .noun_phrase(start, comma)
                .filter(|np| !self.has(start, OBLIQUE) && self.phrase_fills(np.end, comma));
            match np {
                Some(np) => found = Some(np),
                None if found.is_some() => break,
                None => {}
            }
            if start <= floor || !self.is_punct(start - 1, ",") {
                break;
            }
            comma = start - 1;
        }
        found
    }

    /// Whether the tokens from `end` to the comma at `comma` only extend a noun phrase: a
    /// prepositional or genitive attribute, a name, a bracketed party ("(CDU)").
    fn phrase_fills(&self, end: usize, comma: usize) -> bool {
        let mut depth = 0usize;
        comma <= end + 8
            && (end..comma).all(|j| {
                if self.is_punct(j, "(") {
                    depth += 1;
                    true
                } else if self.is_punct(j, ")") {
                    depth = depth.saturating_sub(1);
                    true
                } else {
                    depth > 0
                        || self.is_capitalised(j)
                        || self.has(j, PREPOSITION)
                        || self.has(j, DETERMINER)
                        || self.doc.tokens[j].kind == TokenKind::Number
                }
            })
    }

    /// The subject of reporting verb `v`, from German word order: verb-first after a quote
    /// („…“, sagte X), subject-first (X sagte), verb-final after a conjunction (wie X
    /// sagte), or inverted after an adverbial (Am Dienstag sagte X).
    pub fn subject_of(&self, v: usize, floor: usize, ceiling: usize) -> Option<Range<usize>> {
        let start = self.clause_start(v, floor);
        // A pronoun right after the verb is its subject: "bezeichnete er als …".
        let coordinated = v > 0 && (self.is(v - 1, "und") || self.is(v - 1, "oder"));
        if v + 1 < self.len().min(ceiling.max(v + 2))
            && self.has(v + 1, PRONOUN)
            && !(coordinated && self.is(v + 1, "sie"))
        {
            return Some(v + 1..v + 2);
        }
        // "X erklärte …, und verglich …": the second verb shares the first one's subject.
        if coordinated {
            if let Some(subject) = self
                .clause_subject(floor, v)
                .filter(|s| s.end < v && self.is_agentive(s))
            {
                return Some(subject);
            }
        }
        // "schrieb diese:", "sagte dieser,": a demonstrative standing alone.
        if v + 2 < self.len()
            && self.lower_in(v + 1, &["dieser", "diese"])
            && (self.is_clause_boundary(v + 2) || self.ends_sentence(v + 2))
        {
            return Some(v + 1..v + 2);
        }
        if start == v {
            // "X, Chef von Y, sagte …" / "X, die …, sagte": the subject opens the sentence.
            let first = floor.max(v.saturating_sub(WINDOW));
            if let Some(np) = self.apposed_subject(v, first) {
                return Some(np);
            }
            let opening = (start > first && self.is_punct(start - 1, ","))
                .then(|| self.noun_phrase(first, v))
                .flatten()
                .filter(|np| !self.has(np.start, OBLIQUE));
            return self.subject_after(v + 1, ceiling).or(opening);
        }
        // "…, der den Plan als „Farce“ bezeichnete": the relative pronoun stands for the
        // speaker. Verb-final also with an auxiliary after it ("wie X mitgeteilt hat,").
        let clause_ends =
            |k: usize| k >= self.len() || self.is_clause_boundary(k) || self.ends_sentence(k);
        let verb_final = clause_ends(v + 1)
            || (AUXILIARIES.iter().any(|a| self.is(v + 1, a)) && clause_ends(v + 2));
        if verb_final
            && start > floor
            && self.is_punct(start - 1, ",")
            && self.is_lowercase(start)
            && ["der", "die", "welcher", "welche"].contains(&self.text(start))
            && !self.noun_phrase(start, v).is_some_and(|np| np.end == v)
        {
            return Some(start..start + 1);
        }
        // Verb-final after a conjunction ("wie X sagte"); "Als Antwort sagte X" is a main clause.
        if self.has(start, SUBORDINATOR) && verb_final {
            return self.subject_after(start + 1, v);
        }
        if self.has(start, SUBORDINATOR) {
            return self.subject_after(v + 1, ceiling);
        }
        if let Some(np) = self.noun_phrase(start, v) {
            if !self.has(start, OBLIQUE) {
                return Some(np);
            }
        }
        if let Some(np) = self.focused_subject(start, v) {
            return Some(np);
        }
        self.subject_after(v + 1, ceiling)
            .or_else(|| self.subject_after(start, v))
    }

    /// "Auch der Minister sagte", "Selbst die Zeitung hatte …": a focus adverb and a
    /// noun phrase fill the first position together, so the phrase reaching up to the
    /// verb at `v` is the subject.
    fn focused_subject(&self, start: usize, v: usize) -> Option<Range<usize>> {
        if !self.has(start, ADVERB) || self.has(start + 1, OBLIQUE) {
            return None;
        }
        let np = self.noun_phrase(start + 1, v)?;
        (np.end == v).then_some(np)
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

    /// An attribution marker at `i`: "so X" (after a quote or clause), "laut X",
    /// "X zufolge", "nach Angaben X", "hieß/heißt es (in X)". Returns the frame.
    pub fn marker_at(&self, i: usize, floor: usize, ceiling: usize) -> Option<Frame> {
        if !self.has(i, MARKER) {
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
                if let Some(speaker) = self.noun_phrase(i + 1, ceiling) {
                    return Some(frame(i..i + 1, Some(speaker)));
                }
                // „…“, so urteilte X / so charakterisierte ihn X.
                if self.may_be_verb(i + 1) {
                    let speaker = self.subject_after(i + 2, ceiling)?;
                    return Some(frame(i + 1..i + 2, Some(speaker)));
                }
                None
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
            | "Aussagen" | "Berichten" | "Darstellung" | "Darstellungen" | "Meinung" | "Worten" => {
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
                    // Verb-final: "wie es aus Kreisen der Regierung hieß".
                    let start = self.clause_start(i, floor);
                    let es = (start..i).find(|&k| self.is(k, "es"))?;
                    let source = (es + 1..i).find_map(|k| {
                        ["aus", "in", "im", "von", "vom", "bei", "auf"]
                            .iter()
                            .any(|p| self.is(k, p))
                            .then(|| self.noun_phrase(k + 1, i))
                            .flatten()
                    });
                    return Some(frame(i..i + 1, source));
                }
                let mut speaker = None;
                let mut j = i + 2;
                while j < ceiling.min(i + 6).min(self.len()) {
                    if self.is(j, "in")
                        || self.is(j, "aus")
                        || self.is(j, "von")
                        || self.is(j, "im")
                        || self.is(j, "vom")
                        || self.is(j, "auf")
                        || self.is(j, "bei")
                    {
                        speaker = self
                            .noun_phrase(j + 1, ceiling)
                            .or_else(|| self.is_capitalised(j + 1).then(|| j + 1..j + 2));
                        break;
                    }
                    j += 1;
                }
                // "In dem Antrag heißt es": the document stands before.
                if speaker.is_none() {
                    let start = self.clause_start(i, floor);
                    if i > start + 1
                        && (self.is(start, "in") || self.is(start, "im") || self.is(start, "auf"))
                    {
                        let from = if self.is(start, "im") {
                            start + 1
                        } else {
                            start
                        };
                        speaker = self
                            .noun_phrase(from + usize::from(from == start), i)
                            .or_else(|| self.nominal(start + 1, i));
                    }
                }
                Some(frame(i..i + 2, speaker))
            }
            _ => None,
        }
    }
}

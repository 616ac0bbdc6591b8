//! The speaker of a cue: the nominative subject of its clause, and the entity it refers to.

use std::collections::HashMap;
use std::ops::Range;

use super::lexicon::Gender;

use super::words::{
    Words, ADVERB, CONJUNCTION, DETERMINER, OBLIQUE, PREPOSITION, PRONOUN, SUBORDINATOR, WINDOW,
};
use crate::annotations::{Entity, EntityLabel};
use crate::text::{Document, TokenKind};

/// Finite auxiliaries that may follow a clause-final participle ("bekanntgegeben hat").
const AUXILIARIES: &[&str] = &[
    "hat", "habe", "hatte", "haben", "hatten", "ist", "sei", "war", "wurde", "worden", "wird",
];

impl Words<'_, '_> {
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
                || self.has(j, ADVERB | CONJUNCTION)
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
        // "Jana Beispiel (Grüne) sagte": the bracketed party belongs to the name before it.
        if start == v && v > floor + 2 && self.is_punct(v - 1, ")") {
            let open = (v.saturating_sub(8).max(floor)..v - 1)
                .rev()
                .find(|&k| self.is_punct(k, "("));
            if let Some(open) = open {
                let name_start = self.clause_start(open, floor);
                if let Some(np) = self
                    .noun_phrase(name_start, open)
                    .filter(|np| np.end == open && !self.has(name_start, OBLIQUE))
                {
                    return Some(np);
                }
            }
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
        // "Der Führer, der den Plan als „Farce“ bezeichnete": the relative pronoun stands for
        // the noun phrase before its comma; the speaker is both ("Der Führer, der"), as a bare
        // "der" tells a reader nothing. Verb-final also with an auxiliary after it ("wie X mitgeteilt hat,").
        let clause_ends =
            |k: usize| k >= self.len() || self.is_clause_boundary(k) || self.ends_sentence(k);
        let verb_final = clause_ends(v + 1)
            || (AUXILIARIES.iter().any(|a| self.is(v + 1, a)) && clause_ends(v + 2));
        if verb_final
            && start > floor
            && self.is_punct(start - 1, ",")
            && self.is_lowercase(start)
            && ["der", "die", "welcher", "welche"].contains(&self.text(start))
            && self.noun_phrase(start, v).is_none_or(|np| np.end != v)
        {
            // "X, der Stellvertreter von Y sagte": an article, so X and its apposition.
            let apposition = self.is_capitalised(start + 1);
            return self.antecedent(start - 1, floor).map(|np| {
                if apposition {
                    np.start..start - 1
                } else {
                    np
                }
            });
        }
        // Verb-final after a conjunction ("wie X sagte"); "Als Antwort sagte X" is a main clause.
        if self.has(start, SUBORDINATOR) && verb_final {
            return self.subject_after(start + 1, v);
        }
        if self.has(start, SUBORDINATOR) {
            return self.subject_after(v + 1, ceiling);
        }
        if let Some(np) = self.noun_phrase(start, v) {
            // "Der Zeitung sagte Karl Muster": a dative before the verb, the subject after it.
            if self.is_oblique_feminine(&np) && np.end == v {
                if let Some(after) = self.subject_after(v + 1, ceiling) {
                    return Some(after);
                }
            }
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

    /// The speaker with the person's name in apposition after it: "der Vorsitzende des
    /// Verbands, Michael Knipper," — so the mention names the person it is about and links to
    /// that person's entity.
    pub fn with_apposed_name(&self, speaker: Range<usize>) -> Range<usize> {
        let person_run = |from: usize| {
            let end = (from..self.len().min(from + 6))
                .find(|&k| !self.is_person(k))
                .unwrap_or(self.len().min(from + 6));
            (end > from).then_some(end)
        };
        let closes =
            |k: usize| k >= self.len() || self.is_clause_boundary(k) || self.ends_sentence(k);
        if speaker.len() == 1 && self.has(speaker.start, PRONOUN) {
            return speaker;
        }
        if !(speaker.start..speaker.end).any(|k| self.is_person(k)) {
            // A role, then its holder's name: "…, Michael Knipper,".
            let limit = self.len().min(speaker.end + 8);
            let comma = (speaker.end..limit).find(|&k| self.is_punct(k, ","));
            if let Some(comma) = comma.filter(|&c| self.phrase_fills(speaker.end, c)) {
                if let Some(end) = person_run(comma + 1).filter(|&end| closes(end)) {
                    if !self.in_quote[comma + 1] {
                        return speaker.start..end;
                    }
                }
            }
        }
        speaker
    }

    /// The noun phrase that ends at the comma before a relative clause (its antecedent),
    /// through the relative pronoun after the comma.
    fn antecedent(&self, comma: usize, floor: usize) -> Option<Range<usize>> {
        let first = floor.max(comma.saturating_sub(10));
        (first..comma)
            .find_map(|k| self.noun_phrase(k, comma).filter(|np| np.end == comma))
            .map(|np| np.start..comma + 2)
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
}

/// Determiners that may open a speaker mention before its head.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "Der", "Die", "Das",
    "Ein", "Eine",
];

/// Words that attach a modifier to a noun ("der Sprecher der Stadt", "Chef von Siemens").
const MODIFIER_LINKS: &[&str] = &["der", "des", "von", "vom", "aus"];

/// The entity a speaker mention refers to: the person named in an apposition, the entity
/// that is the mention's head, or for "er"/"sie" the nearest person of that gender in the same
/// or the previous paragraph.
pub(super) fn resolve_entity(
    words: &Words,
    entities: &[Entity],
    genders: &Genders,
    speaker: &Range<usize>,
) -> Option<usize> {
    let doc = words.doc;
    // "Der Führer, der": the antecedent is the mention.
    let relative = speaker.len() >= 3
        && words.is_punct(speaker.end - 2, ",")
        && ["der", "die", "welcher", "welche"].contains(&words.text(speaker.end - 1));
    let speaker = &if relative {
        speaker.start..speaker.end - 2
    } else {
        speaker.clone()
    };
    let start = doc.tokens[speaker.start].start;
    let end = doc.tokens[speaker.end - 1].end;
    let first = entities.partition_point(|e| e.end <= start);
    let inside = entities[first..].iter().take_while(|e| e.start < end);
    // A role and a name in apposition ("der Vorsitzende, Michael Knipper"): the person.
    if (speaker.start..speaker.end).any(|k| words.is_punct(k, ",")) {
        if let Some(e) = inside.clone().find(|e| e.label == EntityLabel::Person) {
            return Some(e.entity_id);
        }
    }
    if let Some(e) = inside.filter(|e| is_head(doc, speaker, e)).last() {
        return Some(e.entity_id);
    }
    let pronoun = &doc.text[start..end];
    let gender = match pronoun {
        "er" | "Er" => Gender::Masculine,
        "sie" | "Sie" => Gender::Feminine,
        _ => return None,
    };
    if speaker.len() != 1 || doc.tokens[speaker.start].kind != TokenKind::Word {
        return None;
    }
    // The same or the previous paragraph: further back is another speaker's turn.
    let paragraph = doc
        .paragraphs
        .partition_point(|p| p.end <= speaker.start)
        .min(doc.paragraphs.len().saturating_sub(1));
    let window_start = doc
        .paragraphs
        .get(paragraph.saturating_sub(1))
        .and_then(|p| doc.tokens.get(p.start))
        .map_or(0, |t| t.start);
    // The nearest person of the pronoun's gender; one of unknown gender only when no other
    // person in the window could be meant: null beats wrong.
    let mut unknown: Option<usize> = None;
    let mut ambiguous = false;
    for e in entities[..first]
        .iter()
        .rev()
        .take_while(|e| e.start >= window_start)
        .take(200)
        .filter(|e| e.label == EntityLabel::Person)
    {
        match genders.get(&e.entity_id) {
            Some(&g) if g == gender => return Some(e.entity_id),
            Some(_) => {}
            None => match unknown {
                None => unknown = Some(e.entity_id),
                Some(id) => ambiguous |= id != e.entity_id,
            },
        }
    }
    unknown.filter(|_| !ambiguous)
}

/// The gender of person entity groups, by group id.
pub(super) type Genders = HashMap<usize, Gender>;

/// The gender of each person entity group the text shows: a role noun or title right before
/// one of its mentions ("Regierungschefin Sanae Takaichi", "Herr Meyer"). Groups shown with
/// both are left out.
pub(super) fn person_genders(words: &Words, entities: &[Entity]) -> Genders {
    let doc = words.doc;
    let mut genders: HashMap<usize, Option<Gender>> = HashMap::new();
    for e in entities.iter().filter(|e| e.label == EntityLabel::Person) {
        let token = doc.tokens.partition_point(|t| t.start < e.start);
        let Some(before) = token.checked_sub(1) else {
            continue;
        };
        let Some(gender) = words.lex.role_gender(doc.token_text(before)) else {
            continue;
        };
        genders
            .entry(e.entity_id)
            .and_modify(|g| {
                if *g != Some(gender) {
                    *g = None;
                }
            })
            .or_insert(Some(gender));
    }
    genders
        .into_iter()
        .filter_map(|(id, g)| Some((id, g?)))
        .collect()
}

/// Whether `entity` is the head of the speaker mention rather than a modifier in it: it
/// spans the mention (after a determiner), or ends it as a name in apposition ("der
/// Gewerkschafter Bernd Auer", "Konzern Siemens") — but a place or an attached
/// organisation there is a modifier ("die Handelskammer Bremen", "der Chef der Deutschen Bank").
fn is_head(doc: &Document, speaker: &Range<usize>, entity: &Entity) -> bool {
    let label = entity.label;
    if label != label.base() || doc.tokens[speaker.end - 1].end != entity.end {
        return false;
    }
    let Some(first) = (speaker.start..speaker.end).find(|&i| doc.tokens[i].start >= entity.start)
    else {
        return false;
    };
    let mut opening = speaker.start;
    if opening < first && DETERMINERS.contains(&doc.token_text(opening)) {
        opening += 1;
    }
    if first == opening {
        return true;
    }
    let attached = MODIFIER_LINKS.contains(&doc.token_text(first - 1));
    match label {
        EntityLabel::Person => true,
        EntityLabel::Organisation | EntityLabel::Other => !attached,
        _ => false,
    }
}

//! The ranker's per-token lexicon facts (cached per document) and the grammar that keeps a
//! span from being a candidate speaker at all.

use std::ops::Range;

use crate::entities::lexicon::Lexicon as EntityLexicon;
use crate::quotes::lexicon::{
    IS_ADVERB, IS_CONJUNCTION, IS_DETERMINER, IS_PREPOSITION, IS_SUBORDINATOR,
};
use crate::quotes::words::{
    Words, ADVERB, CONJUNCTION, DETERMINER, PREPOSITION, PRONOUN, SUBORDINATOR,
};

/// Documents that speak for their authors ("Im Bericht heißt es").
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "Bericht",
    "Erklärung",
    "Mitteilung",
    "Pressemitteilung",
    "Stellungnahme",
    "Studie",
    "Schreiben",
    "Brief",
    "Urteil",
    "Begründung",
    "Antrag",
    "Papier",
    "Gutachten",
    "Meldung",
    "Kommuniqué",
    "Resolution",
    "Beschluss",
    "Dokument",
    "Text",
    "Artikel",
];

/// Lower-case particles inside surnames ("Anna von der Heide", "Lukas van den Berg").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "zu", "zur", "vom", "del", "da", "di", "dos", "ten", "ter",
    "le", "la",
];

/// A speaker never cuts a name: the span grows to the whole person name the entity layer
/// found, and over lower-case particles to the capitalised surname after them.
pub(super) fn whole_name(words: &Words, span: Range<usize>) -> Range<usize> {
    let n = words.len();
    let (mut start, mut end) = (span.start, span.end);
    if start >= end || end > n {
        return span;
    }
    while start > 0 && words.is_person(start) && words.is_person(start - 1) {
        start -= 1;
    }
    while end < n && words.is_person(end - 1) && words.is_person(end) {
        end += 1;
    }
    if words.is_capitalised(end - 1) {
        let mut k = end;
        while k < n
            && k < end + 3
            && words.is_lowercase(k)
            && NAME_PARTICLES.contains(&words.text(k))
        {
            k += 1;
        }
        let named = words.is_person(end - 1) || (k < n && words.is_person(k));
        if k > end && k < n && words.is_capitalised(k) && !words.in_quote[k] && named {
            end = k + 1;
            while end < n && words.is_person(end - 1) && words.is_person(end) {
                end += 1;
            }
        }
    }
    start..end
}

/// Lexicon facts of tokens, looked up once per document and only for the tokens a candidate
/// touches: role noun, genre noun, document noun and word cluster.
pub(crate) struct TokenFacts {
    cells: Vec<std::cell::Cell<u32>>,
    /// The subject of each reporting verb, found once per document: [`UNKNOWN`] until asked,
    /// [`NO_SUBJECT`] when there is none.
    subjects: Vec<std::cell::Cell<(u32, u32)>>,
}

pub(super) const UNKNOWN: u32 = u32::MAX;
pub(super) const NO_SUBJECT: u32 = u32::MAX - 1;

pub(super) const KNOWN: u32 = 1 << 31;
pub(super) const ROLE: u32 = 1 << 30;
pub(super) const GENRE: u32 = 1 << 29;
pub(super) const DOCUMENT: u32 = 1 << 28;
pub(super) const CLUSTER_KNOWN: u32 = 1 << 27;
pub(super) const GENRE_KNOWN: u32 = 1 << 26;

impl TokenFacts {
    pub fn new(len: usize) -> TokenFacts {
        TokenFacts {
            cells: vec![std::cell::Cell::new(0); len],
            subjects: vec![std::cell::Cell::new((UNKNOWN, 0)); len],
        }
    }

    /// The subject of token `v` when it is a reporting verb.
    pub(super) fn subject_of_verb(&self, words: &Words, v: usize) -> Option<Range<usize>> {
        match self.subjects[v].get() {
            (UNKNOWN, _) => {}
            (NO_SUBJECT, _) => return None,
            (start, end) => return Some(start as usize..end as usize),
        }
        let doc = words.doc;
        let sentence = &doc.sentences[doc.sentence_of(v)];
        let subject = words
            .verb_class(v, words.clause_end(v, sentence.end))
            .and_then(|_| words.speaker_of(v, sentence.start, sentence.end))
            .map(|s| whole_name(words, s));
        let packed = subject.as_ref().map_or((NO_SUBJECT, 0), |s| {
            (
                u32::try_from(s.start).unwrap_or(NO_SUBJECT),
                u32::try_from(s.end).unwrap_or(0),
            )
        });
        self.subjects[v].set(packed);
        subject
    }

    pub(super) fn get(&self, words: &Words, k: usize) -> u32 {
        let cell = &self.cells[k];
        if cell.get() & KNOWN == 0 {
            let mut facts = KNOWN;
            if words.is_capitalised(k) {
                let text = words.text(k);
                if words.lex.is_role(text) {
                    facts |= ROLE;
                }
                if DOCUMENT_NOUNS.contains(&text) {
                    facts |= DOCUMENT;
                }
            }
            cell.set(facts);
        }
        cell.get()
    }

    /// Whether token `k` names a genre or medium ("Zeitung"): asked of heads only.
    pub(super) fn is_genre(&self, words: &Words, k: usize) -> bool {
        let facts = self.get(words, k);
        if facts & GENRE_KNOWN == 0 {
            let genre = if words.is_capitalised(k) && words.lex.is_genre_noun(words.text(k)) {
                GENRE
            } else {
                0
            };
            self.cells[k].set(facts | GENRE_KNOWN | genre);
            return genre != 0;
        }
        facts & GENRE != 0
    }

    pub(super) fn any(&self, words: &Words, span: &Range<usize>, fact: u32) -> bool {
        span.clone().any(|k| self.get(words, k) & fact != 0)
    }

    /// The word cluster of token `k` (a probe of the large cluster table: heads only).
    pub(super) fn cluster(&self, words: &Words, k: usize) -> u32 {
        let facts = self.get(words, k);
        if facts & CLUSTER_KNOWN != 0 {
            return facts & 0xffff;
        }
        let cluster = if words.is_word(k) {
            u32::from(EntityLexicon::embedded().word(words.text(k)).cluster)
        } else {
            0
        };
        self.cells[k].set(facts | CLUSTER_KNOWN | cluster);
        cluster
    }
}

/// A single word of a closed class, whatever its capitals ("ALS", "Doch"): no speaker.
pub(super) fn is_closed_class_word(words: &Words, span: &Range<usize>) -> bool {
    let k = span.start;
    let text = words.text(k);
    let closed = DETERMINER | PREPOSITION | CONJUNCTION | SUBORDINATOR | ADVERB;
    // Capitalised words carry their closed class already; an all-capitals one is looked up.
    let all_capitals = text.chars().nth(1).is_some_and(char::is_uppercase);
    span.len() == 1
        && !words.has(k, PRONOUN)
        && !words.lower_in(k, &["dieser", "diese", "dieses", "jener", "jene"])
        && (words.has(k, closed)
            || (all_capitals
                && words.lex.word_facts(&text.to_lowercase())
                    & (IS_DETERMINER
                        | IS_PREPOSITION
                        | IS_CONJUNCTION
                        | IS_SUBORDINATOR
                        | IS_ADVERB)
                    != 0))
}

/// "Die Brücke wurde gesperrt": the subject of a passive clause is what was done to, not
/// someone who speaks.
pub(super) fn is_passive_subject(words: &Words, span: &Range<usize>) -> bool {
    let auxiliary = span.end;
    if auxiliary >= words.len()
        || !words.lower_in(auxiliary, &["wurde", "wurden", "wird", "werden"])
    {
        return false;
    }
    let end = words.clause_end(auxiliary, words.len());
    let last = end - 1;
    last > auxiliary && words.is_lowercase(last) && words.text(last).starts_with("ge")
}

/// Whether `span` holds a word that can only be a verb or adverb of its clause: a speaker
/// never does ("Deutlich gestiegen ist dem Bericht").
pub(super) fn holds_a_verb(words: &Words, span: &Range<usize>) -> bool {
    span.clone().any(|k| {
        words.is_lowercase(k)
            && !words.has(k, DETERMINER | PREPOSITION | PRONOUN | CONJUNCTION)
            && !words.may_extend_phrase(k)
    })
}

/// The case an article shows: "obl" for dative/genitive/accusative forms, "der-f" for "der"
/// before a feminine noun (dative or genitive), else the article itself.
pub(super) fn case_of<'t>(words: &Words<'_, 't>, span: &Range<usize>) -> &'t str {
    let first = words.text(span.start);
    if words.lower_in(
        span.start,
        &[
            "dem", "einem", "des", "eines", "den", "einen", "im", "vom", "zum", "beim",
        ],
    ) {
        return "obl";
    }
    if words.is_oblique_feminine(span) {
        return "der-f";
    }
    if words.has(span.start, DETERMINER) {
        return first;
    }
    "-"
}

//! The learned speaker ranker: every quote's candidate speakers (noun phrases, names,
//! pronouns, documents in its frame clause and the sentences before it) are scored by a linear
//! model over hashed grammar features, and the best one is taken, with its probability as the
//! confidence. A "none" option competes with them, so a quote whose frame names no one is not
//! forced onto someone. The weights are trained by `cargo xtask train quotes`.
//!
//! Features describe grammar, not words: position relative to cue and quote, the case the
//! article shows, the preposition in front ("laut", "gegenüber"), number agreement with the
//! cue, clause and sentence boundaries in between, the entity label, the role lexicon and the
//! word cluster of the head. The rule frame's speaker (the verb-second subject slot, the
//! source phrases) is one feature among them.

use std::ops::Range;

use super::words::{
    Words, ADVERB, CONJUNCTION, DETERMINER, MARKER, PREPOSITION, PRONOUN, SUBORDINATOR,
};
use crate::annotations::QuoteKind;
use crate::hash::{FxHasher, SEED};

mod facts;
#[path = "../generated/quote_weights.rs"]
mod weights;

pub(crate) use facts::TokenFacts;
use facts::*;

pub(crate) use weights::TABLE_BITS;

/// Sentences before the quote that are searched for candidates.
const SENTENCES_BEFORE: usize = 2;
/// At most this many tokens before the quote and after it are searched.
const REACH_BEFORE: usize = 80;
const REACH_AFTER: usize = 40;

/// What the ranker is told about one quote.
pub(crate) struct QuoteContext {
    pub quote: Range<usize>,
    pub kind: QuoteKind,
    pub cue: Option<Range<usize>>,
    /// The speaker the rule frame found, if any.
    pub rule_speaker: Option<Range<usize>>,
    /// The rule speaker of the quote before, for continuations.
    pub previous_speaker: Option<Range<usize>>,
    /// Framed from afar or by continuation.
    pub weak: bool,
}

/// One candidate speaker and the indices of its features in the weight table.
pub(crate) struct Candidate {
    pub tokens: Range<usize>,
    pub features: Vec<u32>,
}

/// A quote's candidates and the features of the "none" option.
pub(crate) struct Choice {
    pub candidates: Vec<Candidate>,
    pub none: Vec<u32>,
}

/// The model's pick: a candidate (or none) and its probability.
pub(crate) struct Pick {
    pub speaker: Option<Range<usize>>,
    pub confidence: f32,
}

/// Below this probability no speaker is named at all (null beats wrong).
const ABSTAIN_BELOW: f32 = weights::ABSTAIN_BELOW;

/// Scores `choice` with the shipped weights.
pub(crate) fn pick(choice: &Choice) -> Pick {
    let score = |features: &[u32]| -> f32 {
        features
            .iter()
            .map(|&f| f32::from(weights::WEIGHTS[f as usize]))
            .sum::<f32>()
            * weights::SCALE
    };
    let none = score(&choice.none);
    let scores: Vec<f32> = choice
        .candidates
        .iter()
        .map(|c| score(&c.features))
        .collect();
    let top = scores.iter().copied().fold(none, f32::max);
    let total: f32 =
        exp_below_zero(none - top) + scores.iter().map(|s| exp_below_zero(s - top)).sum::<f32>();
    let best = (0..scores.len()).max_by(|&a, &b| {
        scores[a]
            .partial_cmp(&scores[b])
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(b.cmp(&a))
    });
    match best {
        Some(b) => {
            let confidence = exp_below_zero(scores[b] - top) / total;
            let confidence = if confidence.is_finite() {
                confidence
            } else {
                0.0
            };
            Pick {
                speaker: (confidence >= ABSTAIN_BELOW).then(|| choice.candidates[b].tokens.clone()),
                confidence,
            }
        }
        None => Pick {
            speaker: None,
            confidence: 0.0,
        },
    }
}

/// e^x for x ≤ 0 as (1 + x/1024)^1024: within 1 % where a probability matters, the same bits
/// on every platform (native and WebAssembly agree), and no libm in the module.
fn exp_below_zero(x: f32) -> f32 {
    let mut y = (1.0 + x.max(-60.0) / 1024.0).max(0.0);
    for _ in 0..10 {
        y *= y;
    }
    y
}

/// Builds the candidates of one quote and their features.
pub(crate) fn choice(words: &Words, facts: &TokenFacts, ctx: &QuoteContext) -> Choice {
    let doc = words.doc;
    let n = words.len();
    if n == 0 || ctx.quote.is_empty() {
        return Choice {
            candidates: Vec::new(),
            none: Vec::new(),
        };
    }
    let first_sentence = doc.sentence_of(ctx.quote.start);
    let last_sentence = doc.sentence_of(ctx.quote.end - 1);
    let mut from = doc.sentences[first_sentence.saturating_sub(SENTENCES_BEFORE)].start;
    let mut to = doc.sentences[last_sentence].end;
    if let Some(cue) = &ctx.cue {
        from = from.min(doc.sentences[doc.sentence_of(cue.start)].start);
        to = to.max(doc.sentences[doc.sentence_of(cue.start)].end);
    }
    let mut from = from.max(ctx.quote.start.saturating_sub(REACH_BEFORE));
    let to = to.min(ctx.quote.end + REACH_AFTER).min(n);

    // A frameless quote whose paragraph opens with the reporter's own sentence belongs to
    // that paragraph: the one who spoke in the paragraph before is not a candidate.
    if ctx.cue.is_none() && ctx.kind == QuoteKind::Direct {
        let paragraph = doc
            .paragraphs
            .iter()
            .find(|p| p.start <= ctx.quote.start && ctx.quote.start < p.end);
        if let Some(p) = paragraph {
            let reporter_before = (p.start..ctx.quote.start).any(|k| !words.in_quote[k]);
            if reporter_before && p.start > from {
                from = p.start;
            }
        }
    }
    let mut spans: Vec<Range<usize>> = Vec::new();
    let outside = |k: usize| !words.in_quote[k] && !ctx.quote.contains(&k);
    let mut j = from;
    while j < to {
        // Only words open a phrase or a name; punctuation and numbers are skipped cheaply.
        let may_open = words.has(j, DETERMINER | PRONOUN) || words.is_capitalised(j);
        if !outside(j) || !may_open {
            j += 1;
            continue;
        }
        let clause_end = words.clause_end(j, to);
        let limit = (j..clause_end).find(|&k| !outside(k)).unwrap_or(clause_end);
        match words.noun_phrase(j, limit) {
            Some(np) => {
                // "Angaben von Anwohnern": the source noun with its "von" phrase, as the
                // corpus marks it.
                let mut np = np;
                if words.has(np.end - 1, MARKER) && words.lower_in(np.end, &["von", "vom"]) {
                    if let Some(source) = words.noun_phrase(np.end + 1, limit) {
                        np = np.start..source.end;
                    }
                }
                j = np.end.max(j + 1);
                spans.push(np);
            }
            None => {
                if words.is_named_agent(j) {
                    let end = (j..limit)
                        .find(|&k| !words.is_named_agent(k))
                        .unwrap_or(limit);
                    spans.push(j..end.max(j + 1));
                    j = end.max(j + 1);
                } else {
                    j += 1;
                }
            }
        }
    }
    if let Some(rule) = ctx.rule_speaker.clone().filter(|r| r.end <= n) {
        // A speaker found far away (the echo of a quote given later) is the only candidate,
        // and so is the source of "heißt es in X" (grammar, not a guess).
        let source_phrase = ctx
            .cue
            .as_ref()
            .is_some_and(|c| words.lower_in(c.start, &["heißt", "hieß"]));
        if rule.end <= from || rule.start >= to || source_phrase {
            let mut sink = Sink {
                out: Vec::new(),
                kind: kind_salt(ctx.kind),
            };
            sink.add(&[if source_phrase { "source" } else { "echo" }]);
            return Choice {
                candidates: vec![Candidate {
                    tokens: rule,
                    features: sink.out,
                }],
                none: none_features(ctx, 1),
            };
        }
        if !holds_a_verb(words, &rule) {
            spans.push(rule);
        }
    }
    for span in &mut spans {
        // "Laut Parlamentspräsident X": a sentence-initial preposition is no part of a name.
        while span.len() > 1
            && words.lower_in(
                span.start,
                &["laut", "gegenüber", "nach", "für", "bei", "von"],
            )
        {
            span.start += 1;
        }
        *span = whole_name(words, span.clone());
    }
    spans.sort_by_key(|s| (s.start, s.end));
    spans.dedup();
    // The cue's own words ("nach Angaben", "mit den Worten") never speak, nor does the one
    // who cites another ("zitiert die Zeitung den Minister").
    let citer = ctx
        .cue
        .as_ref()
        .filter(|c| words.is_active_citing(c.start) && ctx.rule_speaker.is_some())
        .and_then(|c| {
            let sentence = &doc.sentences[doc.sentence_of(c.start)];
            words.subject_of(c.start, sentence.start, sentence.end)
        })
        .filter(|s| ctx.rule_speaker.as_ref() != Some(s));
    // "mit den Worten:" names the speech, not the speaker.
    let words_of_cue = ctx
        .cue
        .as_ref()
        .filter(|c| c.len() > 1 && words.is(c.start, "mit"));
    spans.retain(|s| {
        !s.is_empty()
            && !is_closed_class_word(words, s)
            && (ctx.cue.is_some() || !is_passive_subject(words, s))
            && citer.as_ref() != Some(s)
            && !words_of_cue.is_some_and(|c| c.start <= s.start && s.end <= c.end)
    });
    spans.dedup();

    // The subjects of the reporting verbs around: the verb-second subject slot and its kin.
    let mut subjects: Vec<Range<usize>> = Vec::new();
    for v in from..to {
        if !outside(v) || !words.may_be_verb(v) {
            continue;
        }
        if let Some(subject) = facts.subject_of_verb(words, v) {
            subjects.push(subject);
        }
    }
    let verb_plural = ctx
        .cue
        .as_ref()
        .map(|c| is_plural_verb(words.text(c.start)));
    let citing = ctx
        .cue
        .as_ref()
        .is_some_and(|c| words.is_active_citing(c.start));
    let candidates = spans
        .into_iter()
        .map(|tokens| {
            let mut features = candidate_features(words, facts, ctx, &tokens, verb_plural);
            let mut sink = Sink {
                out: Vec::new(),
                kind: kind_salt(ctx.kind),
            };
            let reporting = subjects
                .iter()
                .filter(|s| s.start < tokens.end && tokens.start < s.end)
                .map(|s| {
                    let exact = *s == tokens;
                    let back = doc
                        .sentence_of(ctx.quote.start)
                        .saturating_sub(doc.sentence_of(s.start));
                    (exact, back)
                })
                .min_by_key(|&(exact, back)| (back, !exact));
            match reporting {
                Some((exact, back)) => sink.add(&["reports", yes(exact), bucket(back)]),
                None => sink.add(&["reports", "no"]),
            }
            let agentive = facts.any(words, &tokens, ROLE)
                || tokens
                    .clone()
                    .any(|k| words.is_named_agent(k) || words.has(k, PRONOUN));
            sink.add(&["agentive", yes(agentive)]);
            if citing {
                let first = shape(words, tokens.start);
                let side = match &ctx.cue {
                    Some(c) if tokens.start >= c.end => "after",
                    _ => "before",
                };
                sink.add(&["citing", side, first]);
            }
            features.append(&mut sink.out);
            Candidate { tokens, features }
        })
        .collect::<Vec<_>>();
    let none = none_features(ctx, candidates.len());
    Choice { candidates, none }
}

/// Feature hashes land in a table of 2^TABLE_BITS weights.
struct Sink {
    out: Vec<u32>,
    kind: u64,
}

impl Sink {
    fn add(&mut self, parts: &[&str]) {
        let h = Self::hash(parts);
        self.push(std::hash::Hasher::finish(&h));
    }

    /// A feature whose last part is a number.
    fn add_number(&mut self, parts: &[&str], number: u32) {
        let mut h = Self::hash(parts);
        std::hash::Hasher::write(&mut h, &number.to_le_bytes());
        self.push(std::hash::Hasher::finish(&h));
    }

    fn hash(parts: &[&str]) -> FxHasher {
        let mut h = FxHasher::with_seed(SEED);
        for p in parts {
            std::hash::Hasher::write(&mut h, p.as_bytes());
            std::hash::Hasher::write(&mut h, &[0xff]);
        }
        h
    }

    fn push(&mut self, base: u64) {
        // FxHash's high bits depend on every input byte; its low bits do not.
        self.out.push((base >> (64 - TABLE_BITS)) as u32);
        // The same feature once more, conjoined with the quote's kind.
        let conjoined = (base ^ self.kind).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.out.push((conjoined >> (64 - TABLE_BITS)) as u32);
    }
}

fn kind_salt(kind: QuoteKind) -> u64 {
    match kind {
        QuoteKind::Direct => 0x5bd1_e995,
        QuoteKind::Indirect => 0x1b87_3593,
    }
}

fn none_features(ctx: &QuoteContext, count: usize) -> Vec<u32> {
    let mut sink = Sink {
        out: Vec::new(),
        kind: kind_salt(ctx.kind),
    };
    sink.add(&["none"]);
    sink.add(&["none-cue", yes(ctx.cue.is_some())]);
    sink.add(&["none-rule", yes(ctx.rule_speaker.is_some())]);
    sink.add(&["none-weak", yes(ctx.weak)]);
    sink.add(&["none-count", bucket(count)]);
    sink.out
}

fn yes(b: bool) -> &'static str {
    if b {
        "y"
    } else {
        "n"
    }
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=8 => "5-8",
        9..=16 => "9-16",
        17..=32 => "17-32",
        _ => "33+",
    }
}

/// Tokens between two ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    if a.end <= b.start {
        a.end..b.start
    } else if b.end <= a.start {
        b.end..a.start
    } else {
        0..0
    }
}

/// "sagten", "erklärten", "sind": a plural finite verb.
fn is_plural_verb(verb: &str) -> bool {
    verb.ends_with("en") || verb == "sind"
}

/// A word's shape for features: closed-class words as themselves, others by class.
fn shape<'t>(words: &Words<'_, 't>, k: usize) -> &'t str {
    if k >= words.len() {
        return "END";
    }
    let text = words.text(k);
    if words.is_word(k) {
        if words.has(
            k,
            DETERMINER | PREPOSITION | PRONOUN | SUBORDINATOR | CONJUNCTION,
        ) || [
            "laut",
            "zufolge",
            "gegenüber",
            "so",
            "wie",
            "nach",
            "Angaben",
        ]
        .contains(&text)
        {
            return text;
        }
        if words.verb_class(k, words.len().min(k + 30)).is_some() {
            return "VERB";
        }
        if words.has(k, ADVERB) {
            return "ADV";
        }
        if words.is_capitalised(k) {
            return "Cap";
        }
        return "low";
    }
    if words.in_quote[k] {
        return "Q";
    }
    text
}

fn candidate_features(
    words: &Words,
    facts: &TokenFacts,
    ctx: &QuoteContext,
    c: &Range<usize>,
    verb_plural: Option<bool>,
) -> Vec<u32> {
    let doc = words.doc;
    let mut sink = Sink {
        out: Vec::with_capacity(96),
        kind: kind_salt(ctx.kind),
    };
    let boundaries = |r: Range<usize>| {
        let (mut clauses, mut sentences) = (0, 0);
        for k in r {
            if words.ends_sentence(k) {
                sentences += 1;
            } else if words.is_clause_boundary(k)
                && !words.is_punct(k, "(")
                && !words.is_punct(k, ")")
            {
                // A bracket ("Jana Beispiel (Grüne) sagte") is no clause of its own.
                clauses += 1;
            }
        }
        (clauses, sentences)
    };
    sink.add(&["bias"]);
    let relation = |other: &Option<Range<usize>>| match other {
        None => "none",
        Some(o) if o == c => "same",
        Some(o) if o.start < c.end && c.start < o.end => "overlap",
        Some(_) => "other",
    };

    // Position against the quote.
    let before_quote = c.end <= ctx.quote.start;
    let side = if before_quote { "L" } else { "R" };
    let to_quote = gap(c, &ctx.quote);
    let (q_clauses, q_sentences) = boundaries(to_quote.clone());
    sink.add(&["q-dist", side, bucket(to_quote.len())]);
    sink.add(&["q-sent", side, bucket(q_sentences)]);
    sink.add(&["q-clause", side, bucket(q_clauses.min(3))]);
    let s_quote = doc.sentence_of(ctx.quote.start);
    let s_cand = doc.sentence_of(c.start);
    sink.add(&["sent-back", bucket(s_quote.saturating_sub(s_cand))]);

    // Position against the cue.
    let cue_side = match &ctx.cue {
        None => "nocue",
        Some(cue) if c.end <= cue.start => "before",
        Some(cue) if c.start >= cue.end => "after",
        Some(_) => "on",
    };
    if let Some(cue) = &ctx.cue {
        let between = gap(c, cue);
        let (clauses, sentences) = boundaries(between.clone());
        sink.add(&["cue-dist", cue_side, bucket(between.len())]);
        sink.add(&[
            "cue-bound",
            cue_side,
            bucket(clauses.min(3)),
            bucket(sentences.min(3)),
        ]);
        sink.add(&["cue-adjacent", cue_side, yes(between.is_empty())]);
        sink.add(&["cue-word", cue_side, shape(words, cue.start)]);
        sink.add(&[
            "rule-cue-word",
            relation(&ctx.rule_speaker),
            shape(words, cue.start),
        ]);
    }
    sink.add(&["sides", side, cue_side]);

    // The rule frame's speaker and the one before.
    sink.add(&["rule", relation(&ctx.rule_speaker), yes(ctx.weak)]);
    sink.add(&["rule-cue", relation(&ctx.rule_speaker), cue_side]);
    sink.add(&["prev", relation(&ctx.previous_speaker)]);

    // The words around: the preposition or verb in front, what follows.
    let before = c.start.checked_sub(1).map_or("START", |k| shape(words, k));
    let before2 = c.start.checked_sub(2).map_or("START", |k| shape(words, k));
    let after = shape(words, c.end);
    sink.add(&["before", before, cue_side]);
    sink.add(&["before2", before2, before]);
    sink.add(&["after", after, cue_side]);
    sink.add(&["around", before, after]);

    // Case and number from the article and the adjective endings.
    let first = shape(words, c.start);
    let last = c.end - 1;
    sink.add(&["first", first, cue_side]);
    sink.add(&["first-side", first, side]);
    let ending = (c.start..c.end)
        .find(|&k| words.is_lowercase(k) && !words.has(k, DETERMINER | PRONOUN))
        .map(|k| suffix(words.text(k), 2))
        .unwrap_or("-");
    sink.add(&["adj-ending", first, ending]);
    let head_end = suffix(words.text(last), 1);
    if let Some(plural) = verb_plural {
        sink.add(&["number", yes(plural), first, head_end]);
    }
    let case = case_of(words, c);
    sink.add(&["case", case, cue_side, side]);
    let opens_sentence = doc.sentences[s_cand].start == c.start;
    let opens_clause = c.start == 0 || words.is_clause_boundary(c.start - 1);
    sink.add(&["slot", yes(opens_sentence), yes(opens_clause), cue_side]);

    // What the phrase is: a name, a role, a pronoun, a document.
    let person = (c.start..c.end).any(|k| words.is_person(k));
    let agent = (c.start..c.end).any(|k| words.is_named_agent(k));
    let label = if person {
        "PER"
    } else if agent {
        "ORG"
    } else {
        "-"
    };
    let role = facts.any(words, c, ROLE);
    let document = facts.any(words, c, DOCUMENT);
    let genre = facts.is_genre(words, last);
    let pronoun = c.len() == 1 && words.has(c.start, PRONOUN);
    let what = if pronoun {
        "pron"
    } else if document {
        "doc"
    } else if genre {
        "genre"
    } else {
        "np"
    };
    sink.add(&["label", label, yes(role), what]);
    sink.add(&["label-side", label, cue_side, side]);
    sink.add(&["what-side", what, cue_side, side]);
    if pronoun {
        sink.add(&["pronoun", &words.text(c.start).to_lowercase(), cue_side]);
    }
    sink.add(&["len", bucket(c.len())]);

    // The head's word cluster, coarse and fine.
    let cluster = facts.cluster(words, last);
    sink.add_number(&["cluster6", cue_side], cluster & 0x3f);
    sink.add_number(&["cluster12"], cluster & 0xfff);
    sink.out
}

/// The last `n` characters of `word`.
fn suffix(word: &str, n: usize) -> &str {
    let start = word
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &word[start..]
}

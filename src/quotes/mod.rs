//! Quotations: direct speech in quotation marks and reported (indirect) speech, each with
//! the speaker and cue the text gives.
//!
//! Quotation marks are paired in one pass (`marks`). A pair is kept when it reads like
//! speech (`candidates`): sentence-like content, a frame around it („…“, sagte X / X sagte:
//! „…“ / so X), a reporting verb or Konjunktiv I in its sentence. Titles, names and scare
//! quotes lack these, or follow a noun that names them ("die Zeitung „…“"). Reported speech
//! comes from `indirect`. Sentences are visited in order, so a Konjunktiv-I sentence or a bare
//! quote can continue the last speaker, unless its own sentence names someone who speaks. The
//! cue comes from `frame`, the speaker from German word order (`speaker`): the head of
//! appositions before the verb ("X, Chef von Y, sagte"), the object of an active "zitieren",
//! a relative pronoun, the source of "heißt es in …". `grouping` joins the parts of an
//! interrupted quote and echoes; `words` holds the per-token facts all of them read. Every
//! search looks at a bounded window: linear in the text.

mod candidates;
mod found;
mod frame;
mod grouping;
mod indirect;
mod lexicon;
mod marks;
mod speaker;
mod words;

use std::ops::Range;

use crate::annotations::{Cue, Entity, Particle, Quote, QuoteKind, Speaker};
use crate::text::Document;
use candidates::Verdict;
use found::{Found, LastReport};
use frame::Frame;
use lexicon::Lexicon;
use marks::Pair;
use words::Words;

#[derive(Debug)]
pub(crate) struct Recognizer {
    lexicon: Lexicon,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
}

/// Sentences a report carries over to the next Konjunktiv-I sentence or bare quote.
const CONTINUATION_SENTENCES: usize = 3;

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {
            lexicon: Lexicon::new(),
        }
    }

    pub fn recognize(&self, doc: &Document, entities: &[Entity]) -> Vec<Quote> {
        let pairs = marks::pair_marks(doc);
        let mut words = Words::new(doc, &self.lexicon, entities);
        for pair in &pairs {
            for flag in &mut words.in_quote[pair.open..=pair.close] {
                *flag = true;
            }
        }

        let mut found: Vec<Found> = Vec::new();
        let mut unattributed: Vec<Pair> = Vec::new();
        let mut last: Option<LastReport> = None;
        let mut next_pair = 0;
        let mut next_group = 0;
        // The frame of an interrupted quote („…“, sagte X, „…“) and where its second part opens.
        let mut interrupted: Option<(usize, Frame, usize)> = None;

        for (s, sentence) in doc.sentences.iter().enumerate() {
            let recent = last
                .as_ref()
                .filter(|l| s.saturating_sub(l.sentence) <= CONTINUATION_SENTENCES)
                .cloned();
            let mut has_direct = false;
            let mut partial_in_sentence = false;
            let mut soft_rejects: Vec<Pair> = Vec::new();
            while next_pair < pairs.len() && pairs[next_pair].open < sentence.end {
                let pair = pairs[next_pair];
                next_pair += 1;
                if let Some((open, frame, group)) = interrupted.take() {
                    if open == pair.open {
                        if let Some(first) = found.last_mut() {
                            first.group.get_or_insert(group);
                        }
                        found.push(Found {
                            tokens: pair.open..pair.close + 1,
                            kind: QuoteKind::Direct,
                            frame,
                            group: Some(group),
                            weak: false,
                        });
                        has_direct = true;
                        continue;
                    }
                }
                let (verdict, frame, partial) = candidates::judge(&words, pair, s, recent.as_ref());
                match verdict {
                    Verdict::Quote => {
                        has_direct = true;
                        partial_in_sentence |= partial;
                        if frame.speaker.is_some() {
                            last = Some(LastReport {
                                frame: frame.clone(),
                                sentence: doc.sentence_of(pair.close),
                            });
                        }
                        if let Some(next_open) =
                            grouping::interrupted_by_frame(&words, pair, &frame)
                        {
                            interrupted = Some((next_open, frame.clone(), next_group));
                            next_group += 1;
                        }
                        found.push(Found {
                            tokens: pair.open..pair.close + 1,
                            kind: QuoteKind::Direct,
                            frame,
                            group: None,
                            weak: partial,
                        });
                    }
                    Verdict::Unattributed => soft_rejects.push(pair),
                    Verdict::Name => {}
                }
            }
            // Short quotes beside a partial quote of the same sentence share its frame:
            // „aggressiv“ und „herausfordernd“.
            for pair in soft_rejects {
                let content_words = pair.close - pair.open - 1;
                if partial_in_sentence && content_words <= 4 {
                    let frame = found.last().map(|f| f.frame.clone()).unwrap_or_default();
                    found.push(Found {
                        tokens: pair.open..pair.close + 1,
                        kind: QuoteKind::Direct,
                        frame,
                        group: None,
                        weak: true,
                    });
                } else {
                    unattributed.push(pair);
                }
            }

            let reported_before = recent.is_some();
            if let Some(report) =
                indirect::find(&words, sentence.clone(), has_direct, reported_before)
            {
                let mut frame = report.frame;
                if report.continued {
                    match &recent {
                        Some(l) => frame.speaker = l.frame.speaker.clone(),
                        // "Der Gerichtshof wertete das als Verstoß. Dieses stelle …": the
                        // one the sentence before was about, when it can speak.
                        None => {
                            frame.speaker = s
                                .checked_sub(1)
                                .and_then(|p| doc.sentences.get(p))
                                .filter(|p| !words.in_quote[p.start])
                                .and_then(|p| words.clause_subject(p.start, p.end))
                                .filter(|subject| words.is_agentive(subject));
                        }
                    }
                }
                if frame.speaker.is_some() {
                    last = Some(LastReport {
                        frame: frame.clone(),
                        sentence: s,
                    });
                } else if let Some(l) = &mut last {
                    if report.continued && s - l.sentence <= CONTINUATION_SENTENCES {
                        l.sentence = s;
                    }
                }
                // A report interrupted by its frame ("X wurden laut Y bei dem Vorfall
                // verletzt") is two parts of one quote.
                let parts: Vec<Range<usize>> = [Some(report.content), report.second_part]
                    .into_iter()
                    .flatten()
                    .map(|part| indirect::clip_to_quotes(&words, part))
                    .filter(|part| !part.is_empty())
                    .collect();
                let group = (parts.len() > 1).then(|| {
                    next_group += 1;
                    next_group - 1
                });
                for part in parts {
                    found.push(Found {
                        tokens: part,
                        kind: QuoteKind::Indirect,
                        frame: frame.clone(),
                        group,
                        weak: false,
                    });
                }
            }
        }

        grouping::echoes(doc, &mut found, &unattributed);
        let mut quotes: Vec<Quote> = found
            .into_iter()
            .filter(|f| !f.tokens.is_empty())
            .map(|f| to_quote(&words, f))
            .collect();
        quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        quotes
    }

    /// Links each speaker to the entity group it names or, for a pronoun, refers to
    /// (`speaker.entity`). `entities` are the mentions that stayed after the overlap policy,
    /// grouped: the links need no renumbering afterwards.
    pub fn link_speakers(&self, doc: &Document, quotes: &mut [Quote], entities: &[Entity]) {
        if quotes.iter().all(|q| q.speaker.is_none()) {
            return;
        }
        let words = Words::new(doc, &self.lexicon, entities);
        let genders = speaker::person_genders(&words, entities);
        for speaker in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
            let first = doc.tokens.partition_point(|t| t.start < speaker.start);
            let next = doc.tokens.partition_point(|t| t.end <= speaker.end);
            speaker.entity = (first < next)
                .then(|| speaker::resolve_entity(&words, entities, &genders, &(first..next)))
                .flatten();
        }
    }
}

fn span_text(doc: &Document, tokens: &Range<usize>) -> (usize, usize, String) {
    let start = doc.tokens[tokens.start].start;
    let end = doc.tokens[tokens.end - 1].end;
    (start, end, doc.text[start..end].to_string())
}

/// The quote `f` as the result type; its speaker is linked to an entity later
/// ([`Recognizer::link_speakers`]).
fn to_quote(words: &Words, f: Found) -> Quote {
    let doc = words.doc;
    let (start, end, text) = span_text(doc, &f.tokens);
    let speaker = f.frame.speaker.filter(|s| !s.is_empty()).map(|s| {
        let s = words.with_apposed_name(s);
        let (start, end, text) = span_text(doc, &s);
        Speaker {
            start,
            end,
            text,
            entity: None,
        }
    });
    let cue = f.frame.cue.filter(|c| !c.is_empty()).map(|c| {
        let particle = words.particle_of(&c).map(|p| {
            let (start, end, text) = span_text(doc, &(p..p + 1));
            Particle { start, end, text }
        });
        let (start, end, text) = span_text(doc, &c);
        Cue {
            start,
            end,
            text,
            particle,
        }
    });
    Quote {
        start,
        end,
        kind: f.kind,
        text,
        speaker,
        cue,
        group: f.group,
    }
}

#[cfg(test)]
mod tests;

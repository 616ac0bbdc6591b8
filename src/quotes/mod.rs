//! Quotations: direct speech in quotation marks and reported (indirect) speech, each with
//! the speaker and cue the text gives.
//!
//! Quotation marks are paired in one pass (`marks`). A pair is kept when it reads like
//! speech: sentence-like content, a frame around it („…“, sagte X / X sagte: „…“ / so X),
//! a reporting verb or Konjunktiv I in its sentence. Titles, names and scare quotes lack
//! these, or follow a noun that names them ("die Zeitung „…“"). Reported speech comes from
//! `indirect`. Sentences are visited in order, so a Konjunktiv-I sentence or a bare quote
//! can continue the last speaker, unless its own sentence names someone who speaks. The
//! speaker comes from German word order (`frame`): the head of appositions before the verb
//! ("X, Chef von Y, sagte"), the object of an active "zitieren", a relative pronoun, the
//! source of "heißt es in …". Every search looks at a bounded window: linear in the text.

mod frame;
mod indirect;
mod lexicon;
mod marks;

use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::annotations::{Cue, Entity, EntityLabel, Quote, QuoteKind, Speaker};
use crate::text::{Document, TokenKind};
use frame::{Frame, Words, WINDOW};
use lexicon::{Lexicon, VerbClass, FUNCTION_WORDS};
use marks::Pair;

#[derive(Debug)]
pub(crate) struct Recognizer {
    lexicon: Lexicon,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
}

/// Why a quotation-mark pair was not taken as a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Quote,
    /// A title or name: named by the noun before it, or itself the speaker.
    Name,
    /// No sign of speech; may still be an echo of a quote elsewhere.
    Unattributed,
}

/// A found quote in token indices, before it becomes a [`Quote`].
struct Found {
    tokens: Range<usize>,
    kind: QuoteKind,
    frame: Frame,
    group: Option<usize>,
}

/// The last speaker named, to continue reports without a frame of their own.
#[derive(Clone)]
struct LastReport {
    frame: Frame,
    sentence: usize,
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
                        });
                        has_direct = true;
                        continue;
                    }
                }
                let (verdict, frame, partial) = self.judge(&words, pair, s, recent.as_ref());
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
                        if let Some(next_open) = interrupted_by_frame(&words, pair, &frame) {
                            interrupted = Some((next_open, frame.clone(), next_group));
                            next_group += 1;
                        }
                        found.push(Found {
                            tokens: pair.open..pair.close + 1,
                            kind: QuoteKind::Direct,
                            frame,
                            group: None,
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
                let content = clip_to_quotes(&words, report.content);
                if !content.is_empty() {
                    found.push(Found {
                        tokens: content,
                        kind: QuoteKind::Indirect,
                        frame,
                        group: None,
                    });
                }
            }
        }

        echoes(doc, &mut found, &unattributed);
        let mut quotes: Vec<Quote> = found
            .into_iter()
            .filter(|f| !f.tokens.is_empty())
            .map(|f| to_quote(doc, entities, f))
            .collect();
        quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        quotes
    }

    /// Decides whether `pair` is a quote, and finds its frame. The flag says whether it is
    /// a partial quote inside a sentence (its neighbours may share its frame).
    fn judge(
        &self,
        words: &Words,
        pair: Pair,
        sentence: usize,
        recent: Option<&LastReport>,
    ) -> (Verdict, Frame, bool) {
        let doc = words.doc;
        let (o, c) = (pair.open, pair.close);
        let floor = doc.sentences[sentence].start;
        let ceiling = doc.sentences[doc.sentence_of(c)].end;
        let content = o + 1..c;
        let word_count = content.clone().filter(|&i| words.is_word(i)).count();
        let lowercase_words = content
            .clone()
            .filter(|&i| words.is_lowercase(i) && !FUNCTION_WORDS.contains(&words.text(i)))
            .count();
        let name_like = lowercase_words == 0;
        let terminal = c > o + 1 && words.ends_sentence(c - 1)
            || (c > o + 2 && words.ends_sentence(c - 2) && words.is_punct(c - 1, ")"));
        let sentence_like = !name_like && (word_count >= 6 || (terminal && word_count >= 2));

        // Named by what stands before: "die Zeitung „…“", "so genannte „…“", "namens „…“".
        let before = (o > floor).then(|| o - 1);
        let named = before.is_some_and(|b| {
            (words.is_capitalised(b) && words.lex.is_genre_noun(words.text(b)))
                || words.lex.is_naming_word(words.text(b))
        }) || (o >= floor + 2 && words.is(o - 1, "genannten") && words.is(o - 2, "so"));
        let apposition = before.is_some_and(|b| words.is_capitalised(b)) && name_like;
        let abbreviation_follows = c + 1 < doc.tokens.len() && words.is_punct(c + 1, "(");

        // Frames, strongest first.
        let right = right_frame(words, c, ceiling);
        let left = left_frame(words, o, floor, ceiling);
        let inside = || sentence_frame(words, o, c, floor, ceiling);

        if let Some(frame) = right.clone().or(left.clone()) {
            if speaker_is_quote(&frame, o, c) || (named && !sentence_like) {
                return (Verdict::Name, Frame::default(), false);
            }
            return (Verdict::Quote, frame, false);
        }
        // Proper names in quotation marks: several capitalised words ("„Financial Times“"),
        // inner capitals or digits ("„YouTube“"), or after a preposition ("laut „Tagesspiegel“").
        let proper_name = name_like
            && !terminal
            && (word_count >= 2
                || content.clone().any(|i| {
                    let w = words.text(i);
                    w.chars()
                        .skip(1)
                        .any(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                })
                || before.is_some_and(|b| {
                    words.is_lowercase(b)
                        && [
                            "laut",
                            "gegenüber",
                            "von",
                            "zu",
                            "bei",
                            "beim",
                            "im",
                            "vom",
                            "zum",
                            "zur",
                            "der",
                            "des",
                        ]
                        .contains(&words.text(b))
                }));
        if named || proper_name || (abbreviation_follows && name_like) {
            return (Verdict::Name, Frame::default(), false);
        }
        // A whole sentence in quotation marks continues the last speaker.
        if sentence_like {
            // Inside a sentence with its own speaking subject ("Ein Sprecher gab an, dass
            // „…“"), that subject; a quote opening its sentence continues the last speaker.
            let own_subject = (o > floor + 1)
                .then(|| words.clause_subject(floor, o))
                .flatten()
                .filter(|s| s.end <= o && words.is_agentive(s))
                .map(|speaker| Frame {
                    speaker: Some(speaker),
                    ..Frame::default()
                });
            let frame = inside()
                .filter(|f| !speaker_is_quote(f, o, c))
                .or(own_subject)
                .or_else(|| recent.map(|r| r.frame.clone()))
                .unwrap_or_else(|| Frame {
                    speaker: nearby_subject(words, o, sentence),
                    ..Frame::default()
                });
            return (Verdict::Quote, frame, false);
        }
        if let Some(frame) = inside() {
            if speaker_is_quote(&frame, o, c) {
                return (Verdict::Name, Frame::default(), false);
            }
            let evaluative = frame.class == Some(VerbClass::Evaluate);
            if apposition && !evaluative {
                return (Verdict::Name, Frame::default(), false);
            }
            return (Verdict::Quote, frame, true);
        }
        // Inside reported speech: Konjunktiv I in the sentence, or a report just before.
        let sentence_range = floor.max(o.saturating_sub(WINDOW))..ceiling.min(c + WINDOW);
        let subjunctive = words
            .subjunctive_in(sentence_range, recent.is_some())
            .is_some();
        if subjunctive && !apposition {
            let frame = recent.map(|r| r.frame.clone()).unwrap_or_default();
            return (Verdict::Quote, frame, true);
        }
        if let Some(r) = recent {
            if !name_like && word_count >= 2 && sentence - r.sentence <= 1 {
                // An indicative sentence about someone speaks for them ("Der Rat befürwortet
                // …, damit „…“"); otherwise the quote continues the last speaker.
                let own = words
                    .clause_subject(floor, o)
                    .filter(|s| s.end <= o && words.is_agentive(s));
                let frame = match own {
                    Some(speaker) => Frame {
                        speaker: Some(speaker),
                        ..Frame::default()
                    },
                    None => r.frame.clone(),
                };
                return (Verdict::Quote, frame, true);
            }
        }
        (Verdict::Unattributed, Frame::default(), false)
    }
}

/// „…“, sagte X / „…“, so X / „…“, hieß es in X / „…?“ fragte X.
fn right_frame(words: &Words, c: usize, ceiling: usize) -> Option<Frame> {
    let n = words.len();
    let mut j = c + 1;
    if let Some(source) = bracketed_source(words, c) {
        return Some(Frame {
            speaker: Some(source),
            ..Frame::default()
        });
    }
    if j < n && words.is_punct(j, ",") {
        j += 1;
    } else if !(c > 0 && words.ends_sentence(c - 1) && j < n && words.is_lowercase(j)) {
        return None;
    }
    if j >= n || words.in_quote[j] {
        return None;
    }
    let limit = ceiling.max(j + 1).min(n);
    if let Some(frame) = words.marker_at(j, j, limit) {
        return Some(frame);
    }
    let clause_end = words.clause_end(j, limit);
    if let Some(class) = words.verb_class(j, clause_end) {
        let cited = words
            .is_active_citing(j)
            .then(|| words.speaker_of(j, j, limit))
            .flatten();
        let mut speaker = cited.or_else(|| words.subject_after(j + 1, limit));
        // "zitierte man X": the one quoted follows.
        if speaker.as_ref().is_some_and(|s| words.is(s.start, "man")) {
            speaker = speaker.and_then(|s| words.subject_after(s.end, limit));
        }
        return Some(Frame {
            cue: Some(j..j + 1),
            speaker,
            class: Some(class),
        });
    }
    // „…“, zitierte ihn die Zeitung / „…“, wollen die Demonstranten wissen / „…“, wird X,
    // Chef von Y, zitiert.
    if words.is_lowercase(j) {
        let auxiliary = ["wird", "wurde", "werden", "wurden"]
            .iter()
            .any(|a| words.is(j, a));
        let clause_end = if auxiliary {
            limit.min(j + WINDOW)
        } else {
            clause_end
        };
        let verb = (j + 1..clause_end).find(|&v| words.verb_class(v, clause_end).is_some());
        let mut speaker = words.subject_after(j + 1, verb.unwrap_or(limit));
        // "zitierte man X": the one quoted follows.
        if speaker.as_ref().is_some_and(|s| words.is(s.start, "man")) {
            speaker = speaker.and_then(|s| words.subject_after(s.end, limit));
        }
        // „…“, strich Romney heraus / zeigte sich X zufrieden: a verb the lexicon lacks,
        // then at once a name, role or pronoun.
        let inverted_speaker = speaker.as_ref().is_some_and(|s| {
            (s.start == j + 1 || (s.start == j + 2 && words.is(j + 1, "sich")))
                && s.clone().any(|k| {
                    words.is_named_agent(k)
                        || words.lex.is_role(words.text(k))
                        || words.is(k, "er")
                        || words.is(k, "sie")
                })
        });
        if verb.is_none()
            && !inverted_speaker
            && (speaker.is_none() || !(c > 0 && words.ends_sentence(c - 1)))
        {
            return None;
        }
        return Some(Frame {
            cue: verb.or(inverted_speaker.then_some(j)).map(|v| v..v + 1),
            speaker,
            class: verb.and_then(|v| words.verb_class(v, clause_end)),
        });
    }
    None
}

/// „Ganzer Satz.“ (Konrad-Adenauer-Stiftung): a short name in brackets after a quoted
/// sentence is its source.
fn bracketed_source(words: &Words, c: usize) -> Option<Range<usize>> {
    let open = c + 1;
    if !(c > 0 && words.ends_sentence(c - 1)) || open >= words.len() || !words.is_punct(open, "(") {
        return None;
    }
    let close = (open + 1..words.len().min(open + 7)).find(|&k| words.is_punct(k, ")"))?;
    let name = open + 1..close;
    let only_name = !name.is_empty()
        && words.is_capitalised(name.start)
        && name
            .clone()
            .all(|k| words.is_capitalised(k) || words.is_punct(k, "-") || words.is(k, "der"));
    only_name.then_some(name)
}

/// X sagte: „…“ / sagte X: „…“ / Zitat von X: „…“.
fn left_frame(words: &Words, o: usize, floor: usize, ceiling: usize) -> Option<Frame> {
    if o == 0 || o <= floor && !words.is_punct(o - 1, ":") {
        return None;
    }
    let colon = o - 1;
    if !(words.is_punct(colon, ":") || words.is_punct(colon, ",")) {
        return None;
    }
    let floor = floor.min(colon);
    let start = words.clause_start(colon, floor);
    for v in (start..colon).rev() {
        if words.in_quote[v] {
            continue;
        }
        if let Some(class) = words.verb_class(v, colon + 1) {
            return Some(Frame {
                cue: Some(v..v + 1),
                speaker: words.speaker_of(v, floor, colon),
                class: Some(class),
            });
        }
        if let Some(frame) = words.marker_at(v, start, colon) {
            return Some(frame);
        }
    }
    // A colon introduces speech even without a verb ("Zitat von X:", "mit den Worten:").
    if words.is_punct(colon, ":") && colon > start {
        let _ = ceiling;
        // "Das Fazit von X …:", "Zitat von X:": a named person beats a non-agentive subject.
        let speaker = words
            .clause_subject(floor, colon)
            .filter(|s| words.is_agentive(s))
            .or_else(|| words.person_in(start..colon))
            .or_else(|| {
                let von = (start..colon).find(|&k| words.is(k, "von"))?;
                words.noun_phrase(von + 1, colon)
            })
            .or_else(|| words.clause_subject(floor, colon));
        return Some(Frame {
            cue: None,
            speaker,
            class: None,
        });
    }
    None
}

/// A reporting verb or attribution marker elsewhere in the quote's sentence, nearest first.
fn sentence_frame(
    words: &Words,
    o: usize,
    c: usize,
    floor: usize,
    ceiling: usize,
) -> Option<Frame> {
    let left = floor.max(o.saturating_sub(WINDOW));
    let right = ceiling.min(c + 1 + WINDOW).min(words.len());
    let mut candidates = (left..o)
        .rev()
        .map(|i| (o - i, i))
        .chain((c + 1..right).map(|i| (i - c, i)))
        .collect::<Vec<_>>();
    candidates.sort_unstable();
    for (_, i) in candidates {
        if words.in_quote[i] {
            continue;
        }
        let clause_end = words.clause_end(i, right);
        if let Some(class) = words.verb_class(i, clause_end) {
            return Some(Frame {
                cue: Some(i..i + 1),
                speaker: words.speaker_of(i, left, right),
                class: Some(class),
            });
        }
        if let Some(frame) = words.marker_at(i, left, right) {
            return Some(frame);
        }
    }
    None
}

/// Without any frame, the best guess for a quote's speaker: the subject of its sentence
/// before it, or of the sentence before.
fn nearby_subject(words: &Words, o: usize, sentence: usize) -> Option<Range<usize>> {
    let doc = words.doc;
    let floor = doc.sentences[sentence].start;
    if o > floor + 1 {
        if let Some(s) = words.clause_subject(floor, o) {
            return Some(s);
        }
    }
    let previous = doc.sentences.get(sentence.checked_sub(1)?)?;
    if words.in_quote[previous.start] {
        return None;
    }
    words.clause_subject(previous.start, previous.end)
}

fn speaker_is_quote(frame: &Frame, o: usize, c: usize) -> bool {
    frame
        .speaker
        .as_ref()
        .is_some_and(|s| s.start <= c && s.end > o)
}

/// „…“, sagte X, „…“: the token where the second part opens.
fn interrupted_by_frame(words: &Words, pair: Pair, frame: &Frame) -> Option<usize> {
    let cue = frame.cue.as_ref()?;
    if cue.start <= pair.close {
        return None;
    }
    let end = frame
        .speaker
        .as_ref()
        .map_or(cue.end, |s| s.end.max(cue.end));
    let mut j = end;
    // "sagte Trump am Dienstag, „…“": a short adverbial may follow the speaker.
    while j < words.len() && j < end + 4 && words.is_word(j) {
        j += 1;
    }
    (j + 1 < words.len()
        && (words.is_punct(j, ",") || words.is_punct(j, ":"))
        && words.in_quote[j + 1]
        && !words.in_quote[j])
        .then_some(j + 1)
}

/// Keeps a reported-speech span from crossing a direct quote.
fn clip_to_quotes(words: &Words, mut content: Range<usize>) -> Range<usize> {
    while content.start < content.end
        && words.in_quote[content.start]
        && content.start > 0
        && words.in_quote[content.start - 1]
    {
        content.start += 1;
    }
    if content.end > content.start
        && content.end < words.len()
        && words.in_quote[content.end - 1]
        && words.in_quote[content.end]
    {
        // A quote running past the end: stop before it opens.
        let mut end = content.end - 1;
        while end > content.start && words.in_quote[end - 1] {
            end -= 1;
        }
        content.end = end;
    }
    content
}

/// A quoted phrase repeated inside a kept quote is the same speech (a lead echoing the quote
/// given later): keep it, with that quote's frame.
fn echoes(doc: &Document, found: &mut Vec<Found>, unattributed: &[Pair]) {
    let patterns: Vec<(&str, usize)> = unattributed
        .iter()
        .filter(|p| p.close > p.open + 3)
        .map(|p| {
            let content = &doc.text[doc.tokens[p.open].end..doc.tokens[p.close].start];
            (content.trim(), p.open)
        })
        .filter(|(content, _)| content.len() >= 12)
        .collect();
    if patterns.is_empty() {
        return;
    }
    let Ok(matcher) = AhoCorasick::new(patterns.iter().map(|p| p.0)) else {
        return;
    };
    let mut echoed = vec![None; patterns.len()];
    for f in found.iter().filter(|f| f.kind == QuoteKind::Direct) {
        let text = &doc.text[doc.tokens[f.tokens.start].start..doc.tokens[f.tokens.end - 1].end];
        for m in matcher.find_overlapping_iter(text) {
            let index = m.pattern().as_usize();
            echoed[index].get_or_insert_with(|| f.frame.clone());
        }
    }
    for (pair, frame) in unattributed
        .iter()
        .filter(|p| {
            p.close > p.open + 3 && {
                let content = &doc.text[doc.tokens[p.open].end..doc.tokens[p.close].start];
                content.trim().len() >= 12
            }
        })
        .zip(echoed)
    {
        if let Some(frame) = frame {
            found.push(Found {
                tokens: pair.open..pair.close + 1,
                kind: QuoteKind::Direct,
                frame,
                group: None,
            });
        }
    }
}

fn span_text(doc: &Document, tokens: &Range<usize>) -> (usize, usize, String) {
    let start = doc.tokens[tokens.start].start;
    let end = doc.tokens[tokens.end - 1].end;
    (start, end, doc.text[start..end].to_string())
}

const PERSON_PRONOUN_FORMS: &[&str] = &["er", "sie", "Er", "Sie"];

/// Determiners that may open a speaker mention before its head.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "Der", "Die", "Das",
    "Ein", "Eine",
];

/// Words that attach a modifier to a noun ("der Sprecher der Stadt", "Chef von Siemens").
const MODIFIER_LINKS: &[&str] = &["der", "des", "von", "vom", "aus"];

/// The entity a speaker mention refers to: the entity that is the mention's head, or for a
/// pronoun the most recent person mentioned before it.
fn resolve_entity(doc: &Document, entities: &[Entity], speaker: &Range<usize>) -> Option<usize> {
    let start = doc.tokens[speaker.start].start;
    let end = doc.tokens[speaker.end - 1].end;
    let first = entities.partition_point(|e| e.end <= start);
    let inside = entities[first..].iter().take_while(|e| e.start < end);
    if let Some(e) = inside.filter(|e| is_head(doc, speaker, e)).last() {
        return Some(e.entity_id);
    }
    let is_pronoun = speaker.len() == 1
        && doc.tokens[speaker.start].kind == TokenKind::Word
        && PERSON_PRONOUN_FORMS.contains(&&doc.text[start..end]);
    if is_pronoun {
        return entities[..first]
            .iter()
            .rev()
            .take(200)
            .find(|e| e.label == EntityLabel::Person)
            .map(|e| e.entity_id);
    }
    None
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

fn to_quote(doc: &Document, entities: &[Entity], f: Found) -> Quote {
    let (start, end, text) = span_text(doc, &f.tokens);
    let speaker = f.frame.speaker.filter(|s| !s.is_empty()).map(|s| {
        let (start, end, text) = span_text(doc, &s);
        Speaker {
            start,
            end,
            text,
            entity: resolve_entity(doc, entities, &s),
        }
    });
    let cue = f.frame.cue.filter(|c| !c.is_empty()).map(|c| {
        let (start, end, text) = span_text(doc, &c);
        Cue { start, end, text }
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
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Quote> {
        let doc = Document::new(text);
        Recognizer::new().recognize(&doc, &[])
    }

    /// (text, quoted span, kind, speaker, cue)
    type Case = (
        &'static str,
        &'static str,
        QuoteKind,
        Option<&'static str>,
        Option<&'static str>,
    );

    #[test]
    fn finds_quotes_with_speaker_and_cue() {
        use QuoteKind::{Direct, Indirect};
        let cases: &[Case] = &[
            (
                "„Wir sind Verbündete“, sagte Trump am Dienstag.",
                "„Wir sind Verbündete“",
                Direct,
                Some("Trump"),
                Some("sagte"),
            ),
            (
                "Trump sagte: „Wir sind Verbündete.“",
                "„Wir sind Verbündete.“",
                Direct,
                Some("Trump"),
                Some("sagte"),
            ),
            (
                "Am Dienstag sagte der Minister: »Das reicht nicht.«",
                "»Das reicht nicht.«",
                Direct,
                Some("der Minister"),
                Some("sagte"),
            ),
            (
                "«Wir bleiben», erklärte die Sprecherin.",
                "«Wir bleiben»",
                Direct,
                Some("die Sprecherin"),
                Some("erklärte"),
            ),
            (
                "\"Das ist falsch\", so Müller.",
                "\"Das ist falsch\"",
                Direct,
                Some("Müller"),
                Some("so"),
            ),
            (
                "„Ich gehe“, teilte sie mit.",
                "„Ich gehe“",
                Direct,
                Some("sie"),
                Some("teilte"),
            ),
            (
                "„Er rief ‚Halt‘ und lief weg“, berichtete der Zeuge.",
                "„Er rief ‚Halt‘ und lief weg“",
                Direct,
                Some("der Zeuge"),
                Some("berichtete"),
            ),
            (
                "Die Opposition nannte den Plan „völlig absurd“.",
                "„völlig absurd“",
                Direct,
                Some("Die Opposition"),
                Some("nannte"),
            ),
            (
                "Der Minister sagte, dass die Steuern steigen würden.",
                "dass die Steuern steigen würden",
                Indirect,
                Some("Der Minister"),
                Some("sagte"),
            ),
            (
                "Die Sprecherin sagte, das Paket sei fertig.",
                "das Paket sei fertig",
                Indirect,
                Some("Die Sprecherin"),
                Some("sagte"),
            ),
            (
                "Die Feuerwehr gab an, es gebe keine Verletzten.",
                "es gebe keine Verletzten",
                Indirect,
                Some("Die Feuerwehr"),
                Some("gab"),
            ),
            // Konjunktiv II stands in where Konjunktiv I looks like the indicative.
            (
                "Die Gewerkschaft mahnte an, die Löhne müssten steigen.",
                "die Löhne müssten steigen",
                Indirect,
                Some("Die Gewerkschaft"),
                Some("mahnte"),
            ),
            (
                "Laut Polizei wurden drei Menschen verletzt.",
                "wurden drei Menschen verletzt",
                Indirect,
                Some("Polizei"),
                Some("Laut"),
            ),
            (
                "Die Grenzen werden bald geschlossen, kündigte die Regierung an.",
                "Die Grenzen werden bald geschlossen",
                Indirect,
                Some("die Regierung"),
                Some("kündigte"),
            ),
        ];
        for &(text, span, kind, speaker, cue) in cases {
            let found = quotes(text);
            let q = found
                .iter()
                .find(|q| q.text == span && q.kind == kind)
                .unwrap_or_else(|| panic!("{span:?} not found in {text:?}: {found:?}"));
            assert_eq!(
                q.speaker.as_ref().map(|s| s.text.as_str()),
                speaker,
                "{text:?}"
            );
            assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), cue, "{text:?}");
            assert_eq!(&text[q.start..q.end], q.text);
        }
    }

    /// Person entities at every occurrence of `names`, as the entity layer would give them.
    fn quotes_with_people(text: &str, names: &[&str]) -> Vec<Quote> {
        let mut entities: Vec<Entity> = names
            .iter()
            .flat_map(|name| {
                text.match_indices(name).map(|(start, _)| Entity {
                    start,
                    end: start + name.len(),
                    label: EntityLabel::Person,
                    text: name.to_string(),
                    entity_id: 0,
                })
            })
            .collect();
        entities.sort_by_key(|e| e.start);
        let doc = Document::new(text);
        Recognizer::new().recognize(&doc, &entities)
    }

    /// The speaker's entity is the mention's head, never a modifier inside it.
    #[test]
    fn links_the_speaker_to_the_entity_at_its_head() {
        use EntityLabel::{Location, LocationDeriv, Organisation, Person};
        // (text, entities the entity layer found, the speaker's entity if any)
        let cases: &[(&str, &[(&str, EntityLabel)], Option<&str>)] = &[
            (
                "„Wir wachsen“, sagte der Sprecher der Handelskammer Bremen.",
                &[("Handelskammer Bremen", Organisation)],
                None,
            ),
            (
                "„Wir wachsen“, sagte der Sprecher der Handelskammer Bremen.",
                &[("Bremen", Location)],
                None,
            ),
            (
                "„Wir wachsen“, sagte der Gewerkschafter Bernd Auer.",
                &[("Bernd Auer", Person)],
                Some("Bernd Auer"),
            ),
            (
                "„Wir sind bereit“, sagte Japans Premierministerin Sanae Takaichi.",
                &[("Japans", Location), ("Sanae Takaichi", Person)],
                Some("Sanae Takaichi"),
            ),
            (
                "„Wir sind bereit“, sagte die japanische Premierministerin.",
                &[("japanische", LocationDeriv)],
                None,
            ),
            (
                "„Das ist falsch“, erklärte das Weiße Haus.",
                &[("Weiße Haus", Location)],
                Some("Weiße Haus"),
            ),
            (
                "„Das ist falsch“, erklärte der Konzern Siemens.",
                &[("Siemens", Organisation)],
                Some("Siemens"),
            ),
            (
                "„Das ist falsch“, sagte Trump.",
                &[("Trump", Person)],
                Some("Trump"),
            ),
        ];
        for &(text, found, expected) in cases {
            let mut entities: Vec<Entity> = found
                .iter()
                .enumerate()
                .map(|(id, &(name, label))| {
                    let start = text.find(name).unwrap();
                    Entity {
                        start,
                        end: start + name.len(),
                        label,
                        text: name.to_string(),
                        entity_id: id,
                    }
                })
                .collect();
            entities.sort_by_key(|e| e.start);
            let doc = Document::new(text);
            let quotes = Recognizer::new().recognize(&doc, &entities);
            let speaker = quotes[0].speaker.as_ref().expect(text);
            let linked = speaker
                .entity
                .and_then(|id| entities.iter().find(|e| e.entity_id == id))
                .map(|e| e.text.as_str());
            assert_eq!(linked, expected, "{text:?} (speaker {:?})", speaker.text);
        }
    }

    #[test]
    fn finds_the_speaker_behind_harder_frames() {
        // (text, person names the entity layer knows, start of the quote, speaker)
        let cases: &[(&str, &[&str], &str, &str)] = &[
            // Apposition between commas, then the verb.
            (
                "Kay Weidner, ein Sprecher des Kartellamts in Bonn, sagte der Zeitung: „Wir schauen uns das genau an.“",
                &[],
                "„Wir",
                "Kay Weidner",
            ),
            // The head of the appositions before the verb, past a bracketed party.
            (
                "Die Ministerin wies das zurück, die Sprecherin der Fraktion, Sandra Boser (Grüne), erklärte: „Das ist völlig falsch.“",
                &[],
                "„Das",
                "die Sprecherin der Fraktion",
            ),
            // A relative clause frames the quote: the relative pronoun is the mention.
            (
                "Der Führer, der den Sieg zunächst als „Fest“ bezeichnete, ordnete eine Prüfung an.",
                &[],
                "„Fest",
                "der",
            ),
            // "so" with a verb the lexicon may lack.
            (
                "„Er ist die eiserne Hand im Handschuh“, so charakterisierte ihn der Gewerkschafter Bernd Auer.",
                &[],
                "„Er",
                "der Gewerkschafter Bernd Auer",
            ),
            // Active "zitieren": the one quoted is the object.
            (
                "„Das ist eine Größenordnung, die neu ist“, zitiert die Zeitung den Polizeisprecher Ralf Meyer.",
                &[],
                "„Das",
                "den Polizeisprecher Ralf Meyer",
            ),
            (
                "Die Rundschau zitiert einen Augenzeugen mit den Worten: „Er ist einfach weggelaufen.“",
                &[],
                "„Er",
                "einen Augenzeugen",
            ),
            // Passive "zitiert werden": the subject is the one quoted.
            (
                "„Das ist eine echte Chance“, wird Mike Downey, Manager bei Adobe, zitiert.",
                &[],
                "„Das",
                "Mike Downey",
            ),
            // A document as source: "In dem Antrag heißt es".
            (
                "In dem Antrag heißt es wörtlich: „Die Einstufung wird aufgehoben.“",
                &[],
                "„Die",
                "dem Antrag",
            ),
            // A focus adverb and the subject share the first position.
            (
                "Auch der Außenminister Donald Rumsfeld attackierte den Iran als den „führenden Förderer von Terrorismus“.",
                &[],
                "„führenden",
                "der Außenminister Donald Rumsfeld",
            ),
            // A sentence-initial adverb is no speaker.
            (
                "Aktuell lässt sie dort Folgendes erklären: „Sie hat sich das ausgedacht.“",
                &[],
                "„Sie",
                "sie",
            ),
            // Colon without verb: a named person beats a non-agentive subject.
            (
                "Das Fazit von Sandra Boser überrascht nicht: „Darauf können wir stolz sein.“",
                &["Sandra Boser"],
                "„Darauf",
                "Sandra Boser",
            ),
            // An unknown verb right after the quote, then a named speaker.
            (
                "„Wir haben jetzt vier Punkte“, zeigte sich Milovan Rajevac nach dem Spiel zufrieden.",
                &["Milovan Rajevac"],
                "„Wir",
                "Milovan Rajevac",
            ),
            // A demonstrative alone after the verb.
            (
                "Im Blog der Studentin schreibt diese: „Das ist die berechtigte Frage.“",
                &[],
                "„Das",
                "diese",
            ),
            // Negated participle inside the noun phrase.
            (
                "Ein nicht genannter Vertreter der Firma bezeichnet die Investition als „strategisch“.",
                &[],
                "„strategisch",
                "Ein nicht genannter Vertreter der Firma",
            ),
            // Particle verb missing from the shared lexicon, verb-final after "wie".
            (
                "Die Speicherung oder, wie sich Tauss ausdrückte, „das prophylaktische Scannen“ stehe damit nicht in Einklang.",
                &[],
                "„das",
                "Tauss",
            ),
            // A short name in brackets after a quoted sentence.
            (
                "„Die Wahlen sind frei und fair abgelaufen.“ (Konrad-Adenauer-Stiftung).",
                &[],
                "„Die",
                "Konrad-Adenauer-Stiftung",
            ),
            // "heißt es auf …" names the source after it.
            (
                "Geehrt werden Menschen, „die sich um die Aufklärung verdient gemacht haben“, heißt es auf der Webseite des Preises.",
                &[],
                "„die",
                "der Webseite des Preises",
            ),
            // "nach Darstellung von …".
            (
                "Nach Darstellung des Verlages bietet das Buch eine „differenzierte Betrachtung“.",
                &[],
                "„differenzierte",
                "des Verlages",
            ),
            // A second verb after "und" shares the subject of the first.
            (
                "In seiner Stellungnahme befand der Premierminister Benjamin Netanyahu den Angriff als gerechtfertigt und nannte den Auftrag „schnell und entschieden“.",
                &[],
                "„schnell",
                "der Premierminister Benjamin Netanyahu",
            ),
            // Verb-final "hieß": the source stands between "es" and the verb.
            (
                "Aber wie es aus Kreisen der Regierung dazu ergänzend hieß, gebe es da noch „Möglichkeiten für eine Feinabstimmung“.",
                &[],
                "„Möglichkeiten",
                "Kreisen der Regierung",
            ),
            // A colon after a speech noun with "von X".
            (
                "Zitat von Schröder: „Wir haben etwas erreicht, was viele für unmöglich hielten.“",
                &[],
                "„Wir",
                "Schröder",
            ),
            // A quote inside a sentence with its own speaking subject does not continue the
            // speaker of the sentence before.
            (
                "„Das ist ein Skandal“, so die Anwältin. Ein Polizeisprecher gab an, dass „bis zur Tat keine Kenntnis von dem Haftbefehl“ vorhanden gewesen sei.",
                &[],
                "„bis",
                "Ein Polizeisprecher",
            ),
        ];
        for &(text, people, quote_start, speaker) in cases {
            let found = quotes_with_people(text, people);
            let q = found
                .iter()
                .find(|q| q.kind == QuoteKind::Direct && q.text.starts_with(quote_start))
                .unwrap_or_else(|| panic!("{quote_start:?} not found in {text:?}: {found:?}"));
            assert_eq!(
                q.speaker.as_ref().map(|s| s.text.as_str()),
                Some(speaker),
                "{text:?}"
            );
        }
    }

    #[test]
    fn konjunktiv_continues_the_last_report() {
        let text = "Die Ministerin sagte, der Plan sei fertig. Das Paket umfasse Investitionen in Schulen.";
        let found = quotes(text);
        let continued = found
            .iter()
            .find(|q| q.text.starts_with("Das Paket"))
            .expect("Konjunktiv-I sentence");
        assert_eq!(continued.kind, QuoteKind::Indirect);
        assert_eq!(
            continued.speaker.as_ref().map(|s| s.text.as_str()),
            Some("Die Ministerin")
        );
    }

    #[test]
    fn konjunktiv_without_a_report_takes_the_speaking_subject_before() {
        // (text, start of the Konjunktiv-I sentence, speaker)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Die Sprecherin bedauerte die Entscheidung. Es seien offenbar Fehler gemacht worden.",
                "Es seien",
                Some("Die Sprecherin"),
            ),
            // The sentence before is about no one who speaks.
            (
                "Die Brücke wurde gesperrt. Es seien offenbar Fehler gemacht worden.",
                "Es seien",
                None,
            ),
        ];
        for &(text, start, speaker) in cases {
            let found = quotes(text);
            let q = found
                .iter()
                .find(|q| q.kind == QuoteKind::Indirect && q.text.starts_with(start))
                .unwrap_or_else(|| panic!("{start:?} not found in {text:?}: {found:?}"));
            assert_eq!(
                q.speaker.as_ref().map(|s| s.text.as_str()),
                speaker,
                "{text:?}"
            );
        }
    }

    #[test]
    fn interrupted_quote_shares_a_group() {
        let text = "„Wir kommen“, sagte Trump, „und wir bleiben.“";
        let found = quotes(text);
        let direct: Vec<_> = found
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .collect();
        assert_eq!(direct.len(), 2, "{found:?}");
        assert!(direct[0].group.is_some() && direct[0].group == direct[1].group);
        assert_eq!(
            direct[1].speaker.as_ref().map(|s| s.text.as_str()),
            Some("Trump")
        );
    }

    #[test]
    fn quote_runs_over_paragraphs() {
        let text =
            "Er sagte: „Der erste Absatz endet hier.\n„Der zweite Absatz schließt das Zitat.“";
        let found = quotes(text);
        assert!(
            found.iter().any(|q| q.kind == QuoteKind::Direct
                && q.text.starts_with("„Der erste")
                && q.text.ends_with("Zitat.“")),
            "{found:?}"
        );
    }

    #[test]
    fn titles_names_and_scare_quotes_are_not_quotes() {
        let cases = [
            "Das sagte er dem Nachrichtenmagazin „Der Spiegel“.",
            "Die Erbauer streben einen Eintrag im „Guinessbuch der Rekorde“ an.",
            "Der Autor hat ein Buch mit dem Titel „Die Revolution frisst ihre Kinder“ geschrieben.",
            "Das Schiff „Arctowski“ lag im Hafen.",
            "Er feierte den so genannten „Ur-Fisch“ als Fund.",
            "Wie „heise online“ berichtet, wurde gesperrt.",
            "Die Gewerkschaft „IG Bau“ (kurz) warnte.",
        ];
        for text in cases {
            let found = quotes(text);
            assert!(
                found.iter().all(|q| q.kind != QuoteKind::Direct),
                "{text:?}: {found:?}"
            );
        }
    }

    /// A second main clause that shares the subject is no frame for the first.
    #[test]
    fn coordinated_clauses_are_not_reports() {
        let cases = [
            "Die Gewerkschaft begrüßte die Pläne, mahnte aber faire Löhne an.",
            "Der Verband lobte das Gesetz, kritisierte jedoch die Kosten.",
        ];
        for text in cases {
            let found = quotes(text);
            assert!(found.is_empty(), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn unbalanced_and_degenerate_marks_never_panic() {
        let cases = [
            "„",
            "“",
            "„„„",
            "“““ „",
            "\"",
            "\"\"\"",
            "»«»«",
            "‚‘’",
            "„Offen ohne Ende",
            "Ende“ nur",
            "„a“„b“„c“",
            "\" sagte er",
            "„🙂“, sagte 🙂.",
            "„\u{301}“",
            ", sagte",
            ": „",
            "so",
            "laut",
            "„Ja.“ (",
            "„Ja.“ ()",
            "„Ja.“ (A",
            "„Ja“, so",
            "„Ja“, so sagte",
            "wie es hieß",
            "wie es aus hieß",
            "Zitat von:",
            "Zitat von: „",
            ", , , sagte: „Ja“",
            "und sagte „Ja“",
            "„Ja“, zitiert",
            "„Ja“, wird",
            "Der, der sagte, „x“",
            "Diese",
            "„Ja“, zeigte sich",
        ];
        for text in cases {
            for q in quotes(text) {
                assert!(q.start <= q.end && q.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            }
        }
    }

    #[test]
    fn a_million_quotation_marks_stay_linear() {
        let started = std::time::Instant::now();
        for unit in ["„", "\"", "„a“, sagte er. ", "»", "‚"] {
            let text = unit.repeat(1_000_000 / unit.chars().count().max(1));
            let _ = quotes(&text);
        }
        let long_line = "Er sagte, es sei gut und ".repeat(200_000);
        let _ = quotes(&long_line);
        assert!(
            started.elapsed().as_secs() < 30,
            "took {:?}",
            started.elapsed()
        );
    }
}

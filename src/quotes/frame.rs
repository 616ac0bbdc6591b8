//! Frames: the cue that attributes a quote and where its speaker stands.
//!
//! The cue ("sagte", "so", "laut", "zufolge", "hieß es") stands on either side of the quote
//! or elsewhere in its sentence. Every search looks at a bounded window of tokens.

use std::ops::Range;

use super::lexicon::VerbClass;
use super::words::{Words, MARKER, WINDOW};

/// A found attribution: cue tokens and speaker tokens (ranges of token indices).
#[derive(Clone, Debug, Default)]
pub(crate) struct Frame {
    pub cue: Option<Range<usize>>,
    pub speaker: Option<Range<usize>>,
    pub class: Option<VerbClass>,
}

impl Words<'_, '_> {
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
                // The phrase right before: walk back over articles, prepositions, names,
                // numbers and inflected adjectives ("dem Bericht vom Donnerstag zufolge"),
                // never over a verb ("Deutlich gestiegen ist dem Bericht … zufolge").
                let start = self.clause_start(i, floor);
                let mut first = i;
                while first > start && self.may_extend_phrase(first - 1) {
                    first -= 1;
                }
                let first = (first..i).find(|&j| self.noun_phrase(j, i).is_some())?;
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

/// „…“, sagte X / „…“, so X / „…“, hieß es in X / „…?“ fragte X.
pub(super) fn right_frame(words: &Words, c: usize, ceiling: usize) -> Option<Frame> {
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
pub(super) fn left_frame(words: &Words, o: usize, floor: usize, ceiling: usize) -> Option<Frame> {
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
        // "mit den Worten:" names the speech; otherwise the clause's own verb is the cue.
        let words_of = colon >= start + 3
            && words.is(colon - 3, "mit")
            && ["Worten", "Sätzen"].iter().any(|w| words.is(colon - 1, w));
        let cue = if words_of {
            Some(colon - 3..colon)
        } else {
            words.finite_verb(start, colon).map(|v| v..v + 1)
        };
        return Some(Frame {
            cue,
            speaker,
            class: None,
        });
    }
    None
}

/// A reporting verb or attribution marker elsewhere in the quote's sentence, nearest first.
pub(super) fn sentence_frame(
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
pub(super) fn nearby_subject(words: &Words, o: usize, sentence: usize) -> Option<Range<usize>> {
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

//! Reported speech: a frame verb with a dass/ob or verb-second clause ("sagte, er werde …"),
//! a clause before its frame ("…, kündigte die Regierung an"), attribution phrases
//! ("laut X", "X zufolge") and Konjunktiv-I sentences that continue a report.

use std::ops::Range;

use super::frame::Frame;
use super::lexicon::{VerbClass, COMPLEMENTISERS};
use super::words::{Words, WINDOW};

/// Adverbs right after a verb that mark a coordinated main clause rather than a frame.
const COORDINATING_ADVERBS: &[&str] = &[
    "aber",
    "jedoch",
    "allerdings",
    "zudem",
    "außerdem",
    "auch",
    "dann",
    "danach",
    "zugleich",
    "gleichzeitig",
];

/// A reported-speech span (token range) with its frame.
pub(crate) struct Report {
    pub content: Range<usize>,
    pub frame: Frame,
    /// Continues an earlier report (Konjunktiv I without a frame of its own).
    pub continued: bool,
    /// The other side of an attribution phrase inside the report ("… laut X …").
    pub second_part: Option<Range<usize>>,
}

/// The sentence `sentence` without its final punctuation, or `None` when it is empty.
fn body(words: &Words, sentence: Range<usize>) -> Range<usize> {
    let mut end = sentence.end;
    while end > sentence.start && words.ends_sentence(end - 1) {
        end -= 1;
    }
    sentence.start..end
}

fn word_count(words: &Words, range: &Range<usize>) -> usize {
    range.clone().filter(|&i| words.is_word(i)).count()
}

/// Finds reported speech in one sentence. `reported_before` says whether the sentences just
/// before carried a report (then a Konjunktiv-I sentence continues it).
pub(crate) fn find(
    words: &Words,
    sentence: Range<usize>,
    has_direct: bool,
    reported_before: bool,
) -> Option<Report> {
    let body = body(words, sentence.clone());
    if body.is_empty() || words.in_quote[body.start] && words.in_quote[body.end - 1] {
        return None;
    }
    let end = body.end;

    // Frame verb, then a comma and the reported clause.
    let mut v = body.start;
    while v < end {
        if words.in_quote[v] {
            v += 1;
            continue;
        }
        // The cheap lexicon test first: most tokens are no reporting verb.
        if !words.may_be_verb(v) {
            v += 1;
            continue;
        }
        let clause_end = words.clause_end(v, end);
        let Some(class) = words.verb_class(v, clause_end) else {
            v += 1;
            continue;
        };
        if class == VerbClass::Evaluate {
            v += 1;
            continue;
        }
        let comma = clause_end;
        if comma + 1 < end && words.is_punct(comma, ",") && !words.in_quote[comma + 1] {
            let k = comma + 1;
            let clause_opener = words.clause_start(v, body.start);
            let verb_final_frame = words.is(clause_opener, "wie");
            let complement = words.is_lowercase(k) && COMPLEMENTISERS.contains(&words.text(k));
            // After a frame verb, Konjunktiv II stands in too ("mahnte an, die Löhne müssten …").
            let verb_second = words.subjunctive_in(k..(k + 8).min(end), true).is_some();
            let infinitive =
                class == VerbClass::Demand && (k..end.min(k + WINDOW)).any(|i| words.is(i, "zu"));
            // "Stoiber sagte, die Union benötige …": a subject, then at once its finite verb,
            // whatever the mood the lexicon knows.
            let main_clause = class == VerbClass::Report
                && words
                    .noun_phrase(k, end)
                    .filter(|np| !words.is_oblique(np.start))
                    .is_some_and(|np| words.finite_verb(np.end, np.end + 1).is_some());
            if (complement || verb_second || infinitive || verb_final_frame || main_clause)
                && word_count(words, &(k..end)) >= 3
            {
                return Some(Report {
                    content: k..end,
                    frame: Frame {
                        cue: Some(v..v + 1),
                        speaker: words.speaker_of(v, body.start, comma),
                        class: Some(class),
                    },
                    continued: false,
                    second_part: None,
                });
            }
        }
        v += 1;
    }

    // A clause, then its frame: "…, kündigte die Regierung an", "…, so der Minister".
    if !has_direct {
        for m in body.start + 1..end.saturating_sub(1) {
            if !words.is_punct(m, ",") || words.in_quote[m - 1] {
                continue;
            }
            let k = m + 1;
            let frame = if let Some(frame) = words.marker_at(k, body.start, end) {
                frame
            } else if let Some(class) = words.verb_class(k, words.clause_end(k, end)) {
                // "…, mahnte aber faire Löhne an": a second main clause sharing the subject,
                // not an inverted frame ("…, kündigte die Regierung an").
                let coordinated = k + 1 < end
                    && COORDINATING_ADVERBS
                        .iter()
                        .any(|&adverb| words.is(k + 1, adverb));
                if class == VerbClass::Evaluate || coordinated {
                    continue;
                }
                let speaker = words.subject_after(k + 1, end);
                if speaker.is_none() {
                    continue;
                }
                Frame {
                    cue: Some(k..k + 1),
                    speaker,
                    class: Some(class),
                }
            } else {
                continue;
            };
            let content = body.start..m;
            if word_count(words, &content) >= 3 {
                return Some(Report {
                    content,
                    frame,
                    continued: false,
                    second_part: None,
                });
            }
        }
    }

    // Attribution phrases: "laut X", "X zufolge", "nach Angaben von X", "hieß es".
    if !has_direct {
        for i in body.start..end {
            if words.in_quote[i] {
                continue;
            }
            let Some(frame) = words.marker_at(i, body.start, end) else {
                continue;
            };
            if words.is(i, "so") {
                continue;
            }
            let cue = frame.cue.clone().unwrap_or(i..i + 1);
            let taken_start = frame
                .speaker
                .as_ref()
                .map_or(cue.start, |s| s.start.min(cue.start));
            let mut taken_end = frame
                .speaker
                .as_ref()
                .map_or(cue.end, |s| s.end.max(cue.end));
            if taken_end < end && words.is_punct(taken_end, ",") {
                taken_end += 1;
            }
            let before = body.start..taken_start;
            let after = taken_end..end;
            let (content, other) = if word_count(words, &after) >= word_count(words, &before) {
                (after, before)
            } else {
                (before, after)
            };
            if word_count(words, &content) >= 3 {
                // Both sides are the report when the phrase stands inside its clause.
                let inside_clause = !other.is_empty()
                    && !words.is_clause_boundary(other.end - 1)
                    && !words.is_clause_boundary(other.start)
                    && word_count(words, &other) >= 2;
                return Some(Report {
                    content,
                    frame,
                    continued: false,
                    second_part: inside_clause.then_some(other),
                });
            }
        }
    }

    // Konjunktiv I: reported speech without its own frame.
    if words
        .subjunctive_in(body.clone(), reported_before)
        .is_some()
        && word_count(words, &body) >= 3
        && !has_direct
    {
        return Some(Report {
            content: body,
            frame: Frame::default(),
            continued: true,
            second_part: None,
        });
    }
    None
}

/// Keeps a reported-speech span from crossing a direct quote.
pub(super) fn clip_to_quotes(words: &Words, mut content: Range<usize>) -> Range<usize> {
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

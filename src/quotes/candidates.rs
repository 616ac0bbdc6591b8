//! Quote candidates: which quotation-mark pairs are speech, and which are titles or names.
//!
//! A pair is speech when its content is speech-like and a frame or report stands around it;
//! a title, a name or a scare quote lacks these.

use super::found::LastReport;
use super::frame::{left_frame, nearby_subject, right_frame, sentence_frame, Frame};
use super::lexicon::{VerbClass, FUNCTION_WORDS};
use super::marks::Pair;
use super::words::{Words, WINDOW};

/// Why a quotation-mark pair was not taken as a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verdict {
    Quote,
    /// A title or name: named by the noun before it, or itself the speaker.
    Name,
    /// No sign of speech; may still be an echo of a quote elsewhere.
    Unattributed,
}

/// Decides whether `pair` is a quote, and finds its frame. The flag says whether it is
/// a partial quote inside a sentence (its neighbours may share its frame).
pub(super) fn judge(
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
        // After a paragraph break, a sentence of the reporter's own between the last report
        // and this quote ("Ein Händler ärgert sich. „…“") hands the word to its subject: the
        // last speaker is not inherited.
        let paragraph_of = |t: usize| doc.paragraphs.partition_point(|p| p.end <= t);
        let handed_over = recent.is_some_and(|r| {
            let report_start = doc.sentences[r.sentence].start;
            let previous = sentence.checked_sub(1).map(|p| &doc.sentences[p]);
            paragraph_of(report_start) != paragraph_of(o)
                && previous.is_some_and(|p| {
                    paragraph_of(p.start) == paragraph_of(o) && !words.in_quote[p.start]
                })
        });
        let continued = recent.filter(|_| !handed_over).map(|r| r.frame.clone());
        let handed = handed_over
            .then(|| nearby_subject(words, o, sentence))
            .flatten()
            .filter(|s| words.is_agentive(s))
            .map(|speaker| Frame {
                speaker: Some(speaker),
                ..Frame::default()
            });
        let frame = inside()
            .filter(|f| !speaker_is_quote(f, o, c))
            .or(own_subject)
            .or(handed)
            .or(continued)
            .unwrap_or_else(|| Frame {
                speaker: (!handed_over)
                    .then(|| nearby_subject(words, o, sentence))
                    .flatten(),
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

fn speaker_is_quote(frame: &Frame, o: usize, c: usize) -> bool {
    frame
        .speaker
        .as_ref()
        .is_some_and(|s| s.start <= c && s.end > o)
}

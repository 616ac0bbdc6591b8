//! The ground floor: tokens with byte spans, sentences and paragraphs.
//!
//! Tokens follow the conventions of German news corpora such as GermEval 2014: a hyphenated
//! compound is one token ("US-Präsident", "Pick-up-Trucks"), so is a number in German notation
//! ("60.000", "472,51", "28.10.2025"); punctuation stands alone, and a period after a word is
//! its own token (the sentence splitter decides whether it ends a sentence).

use std::ops::Range;

use crate::calendar::month_of_name;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum TokenKind {
    /// Letters, possibly with digits, hyphens and apostrophes inside ("G7", "US-Präsident").
    Word,
    /// Digits, possibly with `.`/`,` group or decimal separators inside ("60.000", "472,51").
    Number,
    /// A single character that is neither letter nor digit nor space.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A text cut into tokens, sentences and paragraphs. Every range is over bytes of `text`
/// (tokens) or over indices of `tokens` (sentences, paragraphs).
#[derive(Debug)]
pub(crate) struct Document<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// Token index ranges, in order, covering every token once.
    pub sentences: Vec<Range<usize>>,
    /// Token index ranges of paragraphs (split at line breaks), in order.
    pub paragraphs: Vec<Range<usize>>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Document<'t> {
        let tokens = tokenize(text);
        let paragraphs = split_paragraphs(text, &tokens);
        let sentences = split_sentences(text, &tokens, &paragraphs);
        Document {
            text,
            tokens,
            sentences,
            paragraphs,
        }
    }

    /// The text of token `index`.
    pub fn token_text(&self, index: usize) -> &'t str {
        let token = self.tokens[index];
        &self.text[token.start..token.end]
    }

    /// Whether there is white space between token `index - 1` and token `index`.
    pub fn space_before(&self, index: usize) -> bool {
        index > 0 && self.tokens[index - 1].end < self.tokens[index].start
    }

    /// The index of the sentence that contains token `index`.
    pub fn sentence_of(&self, index: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= index)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining marks continue the letter before them ("e\u{301}").
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{200d}' | '\u{fe0f}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits `text` into tokens. Linear, allocation only for the result.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start,
                end: start + c.len_utf8(),
                kind: TokenKind::Punct,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut all_digits = c.is_ascii_digit();
        while let Some(&(at, next)) = chars.peek() {
            if is_word_char(next) {
                all_digits &= next.is_ascii_digit();
                end = at + next.len_utf8();
                chars.next();
                continue;
            }
            // A joiner continues the token only when a word character follows it.
            let after = text[at + next.len_utf8()..].chars().next();
            let after_is_word = after.is_some_and(is_word_char);
            let joins = if all_digits && matches!(next, '.' | ',') {
                after.is_some_and(|a| a.is_ascii_digit())
            } else {
                (is_hyphen(next) || is_apostrophe(next)) && after_is_word
            };
            // "Ein- und Ausfuhr": a hyphen that truncates a compound stays with it.
            let truncation =
                is_hyphen(next) && !all_digits && after.is_some_and(char::is_whitespace) && {
                    let rest = text[at + next.len_utf8()..].trim_start();
                    rest.starts_with("und ")
                        || rest.starts_with("oder ")
                        || rest.starts_with("bis ")
                        || rest.starts_with("sowie ")
                };
            if !(joins || truncation) {
                break;
            }
            if is_hyphen(next) {
                all_digits = false;
            }
            end = at + next.len_utf8();
            chars.next();
            if truncation {
                break;
            }
        }
        let kind = if all_digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(Token { start, end, kind });
    }
    tokens
}

fn split_paragraphs(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut first = 0;
    for i in 1..tokens.len() {
        let gap = &text[tokens[i - 1].end..tokens[i].start];
        if gap.contains('\n') || gap.contains('\r') || gap.contains('\u{2029}') {
            paragraphs.push(first..i);
            first = i;
        }
    }
    if first < tokens.len() {
        paragraphs.push(first..tokens.len());
    }
    paragraphs
}

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Abb", "Abs", "Abt", "allg", "Art", "Aufl", "Bd", "bspw", "bzgl", "bzw", "ca", "Chr", "Co",
    "d", "Dr", "Dipl", "dt", "ehem", "etc", "evtl", "f", "ff", "Fr", "geb", "gegr", "ggf", "Hr",
    "Hrsg", "Ing", "inkl", "Jh", "Jhd", "jr", "Jr", "Kap", "Mag", "max", "Mio", "Mrd", "Mrz", "Nr",
    "o", "Prof", "Red", "S", "s", "sog", "St", "Std", "Str", "Tel", "Tsd", "u", "usw", "v", "vgl",
    "z", "zB", "zit", "zzgl", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt",
    "Nov", "Dez", "Jän", "Mo", "Di", "Mi", "Do", "Sa", "So", "bzw", "Mill", "Milliard", "Md",
    "Bio", "Gebr", "Inc", "Ltd", "Corp", "Mr", "Mrs", "Ms", "No", "vs", "Verf", "Hl", "hl", "Sr",
];

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

/// Words that open a sentence when capitalised: articles, pronouns, prepositions, conjunctions
/// and adverbs, sorted (a binary search finds them). After "N." one of them means the full stop
/// ends the sentence ("… auf 30. Die Polizei …"), where a noun would make "N." an ordinal
/// ("30. Jubiläum").
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "Ab", "Aber", "Alle", "Allerdings", "Als", "Am", "An", "Auch", "Auf", "Aus", "Außerdem", "Bei",
    "Beim", "Bereits", "Bis", "Da", "Dabei", "Daher", "Damit", "Danach", "Dann", "Das", "Dazu",
    "Dem", "Den", "Denn", "Der", "Des", "Deshalb", "Die", "Dies", "Diese", "Dieser", "Dieses",
    "Doch", "Dort", "Ein", "Eine", "Einem", "Einen", "Einer", "Er", "Erst", "Es", "Für", "Gegen",
    "Gestern", "Heute", "Hier", "Ich", "Ihr", "Ihre", "Ihren", "Im", "In", "Insgesamt",
    "Inzwischen", "Jetzt", "Kein", "Keine", "Laut", "Man", "Mit", "Mittlerweile", "Nach",
    "Noch", "Nun", "Nur", "Ob", "Oder", "Seine", "Seinen", "Seit", "Sie", "So", "Somit", "Trotzdem",
    "Und", "Unter", "Viele", "Vom", "Vor", "Wann", "Was", "Weil", "Wenn", "Wer", "Wie", "Wir", "Wo",
    "Zudem", "Zuletzt", "Zum", "Zur", "Zuvor", "Zwar", "Über",
];

/// Whether `word` opens a sentence after a full stop that might end an ordinal.
pub(crate) fn opens_sentence(word: &str) -> bool {
    SENTENCE_OPENERS.binary_search(&word).is_ok()
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '«' | '»' | '‘' | '’' | '\'' | ')' | ']' | '}'
    )
}

fn split_sentences(text: &str, tokens: &[Token], paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    for paragraph in paragraphs {
        let mut first = paragraph.start;
        let mut i = paragraph.start;
        while i < paragraph.end {
            let token = tokens[i];
            let c = text[token.start..token.end].chars().next().unwrap_or(' ');
            let ends = token.kind == TokenKind::Punct && matches!(c, '.' | '!' | '?' | '…');
            if !ends {
                i += 1;
                continue;
            }
            // Absorb repeated terminators and closing marks: `?!`, `.“`, `.)`.
            let mut last = i;
            while last + 1 < paragraph.end {
                let next = tokens[last + 1];
                let nc = text[next.start..next.end].chars().next().unwrap_or(' ');
                let attached = next.start == tokens[last].end;
                if next.kind == TokenKind::Punct
                    && (matches!(nc, '.' | '!' | '?' | '…') || (attached && is_closing(nc)))
                {
                    last += 1;
                } else {
                    break;
                }
            }
            if last + 1 >= paragraph.end {
                break;
            }
            let next = tokens[last + 1];
            let next_text = &text[next.start..next.end];
            let next_first = next_text.chars().next().unwrap_or(' ');
            let starts_sentence = next_first.is_uppercase()
                || next_first.is_ascii_digit()
                || matches!(next_first, '„' | '"' | '»' | '«' | '‚' | '(' | '-' | '–');
            let mut is_boundary = starts_sentence && next.start > tokens[last].end;
            if c == '.' && i == last && i > paragraph.start {
                let previous = tokens[i - 1];
                let glued = previous.end == token.start;
                let word = &text[previous.start..previous.end];
                if glued && previous.kind == TokenKind::Word && is_abbreviation(word) {
                    is_boundary = false;
                }
                // "am 28. Oktober", "der 3. Strafsenat": an ordinal, not an end; but "… auf
                // 30. Die Polizei …" ends, unless the number opens its line (a list).
                let short_number = previous.kind == TokenKind::Number && word.len() <= 2;
                if glued
                    && short_number
                    && (next.kind == TokenKind::Word || month_of_name(next_text).is_some())
                    && !(i - 1 > paragraph.start && opens_sentence(next_text))
                {
                    is_boundary = false;
                }
            }
            if is_boundary {
                sentences.push(first..last + 1);
                first = last + 1;
            }
            i = last + 1;
        }
        if first < paragraph.end {
            sentences.push(first..paragraph.end);
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token_texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span()]).collect()
    }

    #[test]
    fn tokenizes_german_news_conventions() {
        let cases: &[(&str, &[&str])] = &[
            ("US-Präsident Trump", &["US-Präsident", "Trump"]),
            ("rund 60.000 Soldaten", &["rund", "60.000", "Soldaten"]),
            (
                "(472,51 Mrd. Euro)",
                &["(", "472,51", "Mrd", ".", "Euro", ")"],
            ),
            ("am 28.10.2025.", &["am", "28.10.2025", "."]),
            (
                "„Zitat“, sagte er.",
                &["„", "Zitat", "“", ",", "sagte", "er", "."],
            ),
            ("Ein- und Ausfuhr", &["Ein-", "und", "Ausfuhr"]),
            ("Pick-up-Trucks", &["Pick-up-Trucks"]),
            ("G7-Gipfel in 2025", &["G7-Gipfel", "in", "2025"]),
            ("Café\u{301} 😀 ok", &["Café\u{301}", "😀", "ok"]),
            ("5-7 Prozent", &["5-7", "Prozent"]),
            ("Trump's -", &["Trump's", "-"]),
            ("", &[]),
            (" \n\t ", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&token_texts(text), expected, "{text:?}");
        }
    }

    #[test]
    fn sentence_openers_are_sorted_for_the_binary_search() {
        assert!(SENTENCE_OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(opens_sentence("Die") && opens_sentence("Zwar") && !opens_sentence("Jubiläum"));
    }

    #[test]
    fn number_tokens_are_marked() {
        let text = "2025 60.000 G7 3,5";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Number,
                TokenKind::Number,
                TokenKind::Word,
                TokenKind::Number
            ]
        );
    }

    fn sentence_texts(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        doc.sentences
            .iter()
            .map(|s| text[doc.tokens[s.start].start..doc.tokens[s.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("Er kam. Sie ging.", &["Er kam.", "Sie ging."]),
            (
                "Am 28. Oktober kam Dr. Müller an. Danach nicht.",
                &["Am 28. Oktober kam Dr. Müller an.", "Danach nicht."],
            ),
            (
                "Er sagte: „Wir gehen.“ Dann ging er.",
                &["Er sagte: „Wir gehen.“", "Dann ging er."],
            ),
            (
                "472,51 Mrd. Euro sind viel. Wirklich?! Ja.",
                &["472,51 Mrd. Euro sind viel.", "Wirklich?!", "Ja."],
            ),
            (
                "Erste Zeile\nZweite Zeile",
                &["Erste Zeile", "Zweite Zeile"],
            ),
            (
                "Das Jahr 2025. 2026 wird besser.",
                &["Das Jahr 2025.", "2026 wird besser."],
            ),
            (
                "Sie stieg von 12 auf 30. Die Polizei kam.",
                &["Sie stieg von 12 auf 30.", "Die Polizei kam."],
            ),
            (
                "Es waren 17. Danach nichts.",
                &["Es waren 17.", "Danach nichts."],
            ),
            (
                "Der 3. Strafsenat tagte. Er entschied.",
                &["Der 3. Strafsenat tagte.", "Er entschied."],
            ),
            (
                "1. Die Anklage wird verlesen.",
                &["1. Die Anklage wird verlesen."],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&sentence_texts(text), expected, "{text:?}");
        }
    }

    #[test]
    fn sentences_and_paragraphs_cover_all_tokens_in_order() {
        let text = "A b. C d!\n\nE „f.“ G\nH";
        let doc = Document::new(text);
        for ranges in [&doc.sentences, &doc.paragraphs] {
            assert_eq!(ranges.first().map(|r| r.start), Some(0));
            assert_eq!(ranges.last().map(|r| r.end), Some(doc.tokens.len()));
            assert!(ranges
                .windows(2)
                .all(|w| w[0].end == w[1].start && w[0].start < w[0].end));
        }
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.sentence_of(0), 0);
        assert_eq!(
            doc.sentence_of(doc.tokens.len() - 1),
            doc.sentences.len() - 1
        );
    }
}

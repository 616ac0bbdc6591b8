//! Pairs quotation marks into spans. German news uses „…“ (also closed by " or ”), »…« and
//! the Swiss «…», ASCII "…", and single marks ‚…‘ or ›…‹ inside them. One pass over the
//! punctuation tokens with at most one open outer and one open inner mark: linear whatever
//! the text, and an unbalanced mark costs only its own quote.

use crate::text::{Document, TokenKind};

/// How a quote is opened; the closing mark must fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// „ … “ (or ” or ")
    Low,
    /// » … «
    Chevrons,
    /// « … »
    SwissChevrons,
    /// " … "
    Ascii,
    /// “ … ” (English style)
    High,
    /// ‚ … ‘ (or ’)
    SingleLow,
    /// › … ‹
    SingleChevrons,
    /// ‹ … ›
    SingleSwiss,
}

impl Style {
    fn is_single(self) -> bool {
        matches!(
            self,
            Style::SingleLow | Style::SingleChevrons | Style::SingleSwiss
        )
    }

    fn closed_by(self, c: char) -> bool {
        match self {
            Style::Low => matches!(c, '“' | '”' | '"'),
            Style::Chevrons => c == '«',
            Style::SwissChevrons => c == '»',
            Style::Ascii => c == '"',
            Style::High => c == '”',
            Style::SingleLow => matches!(c, '‘' | '’'),
            Style::SingleChevrons => c == '‹',
            Style::SingleSwiss => c == '›',
        }
    }
}

/// A paired quotation: token indices of its opening and closing marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    pub open: usize,
    pub close: usize,
    /// Single marks (‚…‘) inside no double-marked quote.
    pub single: bool,
}

#[derive(Clone, Copy)]
struct Open {
    token: usize,
    style: Style,
    paragraph: usize,
}

/// Paragraphs a quote may run over before an unclosed mark is given up.
const MAX_PARAGRAPHS: usize = 4;

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '„' | '“' | '”' | '"' | '»' | '«' | '‚' | '‘' | '’' | '›' | '‹'
    )
}

/// Finds the outermost quotation pairs (and top-level single-mark pairs), sorted by start.
pub(crate) fn pair_marks(doc: &Document) -> Vec<Pair> {
    let text = doc.text;
    let mut pairs = Vec::new();
    let mut outer: Option<Open> = None;
    let mut inner: Option<Open> = None;
    let mut paragraph = 0;
    let mut paragraph_start = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        while paragraph + 1 < doc.paragraphs.len() && doc.paragraphs[paragraph].end <= i {
            paragraph += 1;
            paragraph_start = doc.paragraphs[paragraph].start;
        }
        if token.kind != TokenKind::Punct {
            continue;
        }
        let Some(c) = text[token.start..token.end].chars().next() else {
            continue;
        };
        if !is_mark(c) {
            continue;
        }
        let space_before = i == 0 || doc.space_before(i) || {
            let prev = &text[doc.tokens[i - 1].start..doc.tokens[i - 1].end];
            prev.chars()
                .all(|p| matches!(p, '(' | '[' | '–' | '-' | '/'))
        };
        let space_after = i + 1 >= doc.tokens.len() || doc.tokens[i + 1].start > token.end;
        let at_paragraph_start = i == paragraph_start;

        // An outer quote left open across too many paragraphs was never closed.
        if let Some(o) = outer {
            if paragraph > o.paragraph + MAX_PARAGRAPHS {
                outer = None;
                inner = None;
            }
        }

        // Inner (single) marks while an outer quote is open.
        if let Some(o) = outer {
            if let Some(n) = inner {
                if n.style.closed_by(c)
                    && !(c == '’' && !space_after && !is_last_before_punct(doc, i))
                {
                    inner = None;
                    continue;
                }
            }
            if inner.is_none() && !o.style.is_single() {
                let single = match c {
                    '‚' => Some(Style::SingleLow),
                    '›' if !space_after => Some(Style::SingleChevrons),
                    '‹' if !space_after && o.style == Style::SwissChevrons => {
                        Some(Style::SingleSwiss)
                    }
                    _ => None,
                };
                if let Some(style) = single {
                    inner = Some(Open {
                        token: i,
                        style,
                        paragraph,
                    });
                    continue;
                }
            }
            if o.style.closed_by(c) && !(o.style == Style::Ascii && space_before && !space_after) {
                pairs.push(Pair {
                    open: o.token,
                    close: i,
                    single: o.style.is_single(),
                });
                outer = None;
                inner = None;
                continue;
            }
        }

        let opening = match c {
            '„' => Some(Style::Low),
            '»' if !space_after => Some(Style::Chevrons),
            '«' if !space_after => Some(Style::SwissChevrons),
            '"' if !space_after && space_before => Some(Style::Ascii),
            '“' if !space_after && space_before => Some(Style::High),
            '‚' if !space_after => Some(Style::SingleLow),
            '›' if !space_after && space_before => Some(Style::SingleChevrons),
            '‹' if !space_after && space_before => Some(Style::SingleSwiss),
            _ => None,
        };
        let Some(style) = opening else {
            continue;
        };
        if let Some(o) = outer {
            // A quote running over paragraphs reopens each one: „… ¶ „… “.
            if at_paragraph_start && paragraph > o.paragraph && o.style == style {
                outer = Some(Open { paragraph, ..o });
                inner = None;
                continue;
            }
            // A single mark cannot hold a double one: the single was an apostrophe.
        }
        // Otherwise the open quote was never closed: start afresh here.
        outer = Some(Open {
            token: i,
            style,
            paragraph,
        });
        inner = None;
    }
    pairs
}

/// A ’ right before punctuation closes a quote rather than eliding a letter.
fn is_last_before_punct(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Punct && t.start == doc.tokens[i].end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        pair_marks(&doc)
            .iter()
            .map(|p| &text[doc.tokens[p.open].start..doc.tokens[p.close].end])
            .collect()
    }

    #[test]
    fn pairs_every_german_style() {
        let cases: &[(&str, &[&str])] = &[
            ("Er sagte: „Wir gehen.“ Dann.", &["„Wir gehen.“"]),
            ("Er sagte: »Wir gehen.« Dann.", &["»Wir gehen.«"]),
            ("Er sagte: «Wir gehen.» Dann.", &["«Wir gehen.»"]),
            ("Er sagte: \"Wir gehen.\" Dann.", &["\"Wir gehen.\""]),
            ("Er sagte: „Wir gehen.\" Dann.", &["„Wir gehen.\""]),
            ("Er sagte: “Wir gehen.” Dann.", &["“Wir gehen.”"]),
            (
                "„Er rief ‚Halt‘ und ging“, sagte sie.",
                &["„Er rief ‚Halt‘ und ging“"],
            ),
            ("Sie nannte es ‚absurd‘.", &["‚absurd‘"]),
            ("„A“ und „B“", &["„A“", "„B“"]),
            ("„offen ohne Ende. Und „B“ hier", &["„B“"]),
            (
                "„Absatz eins.\n„Absatz zwei.“",
                &["„Absatz eins.\n„Absatz zwei.“"],
            ),
            (
                "»Absatz eins.\nAbsatz zwei.«",
                &["»Absatz eins.\nAbsatz zwei.«"],
            ),
            ("Schluss“ ohne Anfang „", &[]),
            ("", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(&spans(text), expected, "{text:?}");
        }
    }

    #[test]
    fn a_million_marks_stay_linear() {
        let text = "„".repeat(500_000) + &"“".repeat(500_000);
        let start = std::time::Instant::now();
        let found = spans(&text);
        assert_eq!(found.len(), 1);
        let text = "\"".repeat(1_000_000);
        assert!(spans(&text).len() <= 500_000);
        assert!(start.elapsed().as_secs() < 10);
    }
}

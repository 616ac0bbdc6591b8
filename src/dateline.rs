//! Datelines: the place, date and news agency that open an article or a paragraph
//! ("HANNOVER/FRANKFURT (dpa-AFX) -", "Tokio (Reuters) –", "Berlin, 28.10.2025 –"). One
//! grammar serves both the reference date of a text ([`find_dateline`]) and the entity layer
//! (its places are LOC, its agencies ORG, whatever the tagger makes of upper-case words).

mod grammar;

use std::ops::Range;

use crate::calendar::{month_of_word, Date};
use grammar::{find_dates, match_dateline};

/// Capitalised function words that open sentences, never datelines.
const SENTENCE_OPENERS: &[&str] = &[
    "Der", "Die", "Das", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "Einem", "Nach", "Vor",
    "In", "Im", "Am", "An", "Auf", "Aus", "Bei", "Mit", "Für", "Von", "Zu", "Zur", "Zum", "Auch",
    "Wie", "Was", "Wer", "Als", "Und", "Aber", "Doch", "Dieser", "Diese", "Dieses",
];

/// How far into a paragraph a dateline may reach (bytes).
const WINDOW: usize = 160;

/// How far into a text its publication date may stand (characters, across lines).
const HEAD_CHARS: usize = 300;

/// A dateline found at the start of a paragraph; spans are byte ranges of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Dateline {
    pub places: Vec<Range<usize>>,
    pub agencies: Vec<Range<usize>>,
}

/// The longest prefix of `text` from `start` that is at most `WINDOW` bytes, cut on a char
/// boundary.
fn window(text: &str, start: usize) -> &str {
    let mut end = (start + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end]
}

/// The dateline at byte `start` of `text`, if the paragraph opens with one. A place alone
/// before a dash is not enough: a date or an agency must follow it.
pub(crate) fn dateline_at(text: &str, start: usize) -> Option<Dateline> {
    let head = window(text, start);
    // Cheap test first: most paragraphs have no dash or colon near their start.
    if !head.contains(['-', '–', '—', ':', '.']) {
        return None;
    }
    let found = match_dateline(head)?;
    if found.date.is_none() && found.agency.is_none() {
        return None;
    }
    let places = &head[found.places.clone()];
    // A sentence that opens with an article or a preposition is no dateline ("Die
    // Regierung (CDU) - so heißt es").
    let first_word = places.split([' ', '/']).next().unwrap_or("");
    if SENTENCE_OPENERS.contains(&first_word) {
        return None;
    }
    let mut dateline = Dateline::default();
    let at = start + found.places.start;
    for part in split_spans(places, '/') {
        dateline.places.push(at + part.start..at + part.end);
    }
    if let Some(agency) = found.agency {
        let at = start + agency.start;
        for part in split_spans(&head[agency], '/') {
            dateline.agencies.push(at + part.start..at + part.end);
        }
    }
    Some(dateline)
}

/// The non-empty, trimmed pieces of `text` between `separator`s, as byte ranges.
fn split_spans(text: &str, separator: char) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for piece in text.split(separator) {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
        from += piece.len() + separator.len_utf8();
    }
    out
}

/// A publication date written near the start of a text: the first valid date in the dateline
/// grammar ("2025-10-28", "28.10.2025", "28. Oktober 2025", "3. Okt. 2015") among its first
/// 300 characters.
pub fn find_dateline(text: &str) -> Option<Date> {
    let end = text
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    find_dates(head).into_iter().find_map(|date| {
        let number = |span: Range<usize>| head[span].parse::<u32>().ok();
        let month = if date.month_named {
            u32::from(month_of_word(&head[date.month.clone()])?)
        } else {
            number(date.month.clone())?
        };
        Date::new(
            number(date.year)? as i32,
            u8::try_from(month).ok()?,
            u8::try_from(number(date.day)?).ok()?,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_publication_dates_at_the_start_only() {
        let cases = [
            (" date 2025-10-28 Ein Text", Some("2025-10-28")),
            ("Berlin, 28.10.2025 – Die Regierung", Some("2025-10-28")),
            (
                "Berlin, 3. März 2024 (dpa) – Die Regierung",
                Some("2024-03-03"),
            ),
            (
                "Kein Datum hier. Und 2025-10-28 steht zu weit hinten? Nein, das ist nah.",
                Some("2025-10-28"),
            ),
            ("Erste Zeile ohne Datum\n2025-10-28", Some("2025-10-28")),
            ("Wien – Am 3. Okt. 2015 begann es", Some("2015-10-03")),
            ("Graz, 13. Jänner 2016: Schnee", Some("2016-01-13")),
            ("am 1. sept 2020 und 1. SEPTEMBER 2021", Some("2020-09-01")),
            ("Stand: 5. Feb. 2019", Some("2019-02-05")),
            ("v2025-10-28 und -28.10.2025", Some("2025-10-28")),
            ("Nummer 12025-10-28", None),
            ("2025-02-30 ist kein Tag", None),
            ("„😀“ 01.02.2003", Some("2003-02-01")),
            ("", None),
        ];
        let far = format!("{} 28.10.2025", "x".repeat(290));
        let near = format!("{} 28.10.2025", "ä".repeat(280));
        assert_eq!(find_dateline(&far), None, "after 300 characters");
        assert_eq!(
            find_dateline(&near).map(|d| d.to_string()).as_deref(),
            Some("2025-10-28")
        );
        for (text, expected) in cases {
            assert_eq!(
                find_dateline(text).map(|d| d.to_string()).as_deref(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn datelines_name_places_and_agencies() {
        // (paragraph, places, agencies)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "HANNOVER/FRANKFURT (dpa-AFX) - Die Aktie stieg.",
                &["HANNOVER", "FRANKFURT"],
                &["dpa-AFX"],
            ),
            ("Tokio (Reuters) – Japan wählt.", &["Tokio"], &["Reuters"]),
            ("BERLIN (AFP). Der Bundestag tagt.", &["BERLIN"], &["AFP"]),
            (
                "Washington/Peking (dpa) - Die Zölle steigen.",
                &["Washington", "Peking"],
                &["dpa"],
            ),
            (
                "Frankfurt am Main (dpa/lhe) - Ein Test.",
                &["Frankfurt am Main"],
                &["dpa", "lhe"],
            ),
            ("Berlin, 28.10.2025 – Die Regierung", &["Berlin"], &[]),
            ("Den Haag (AP) – Das Gericht.", &["Den Haag"], &[]),
            (
                "EISENBERG / ERFURT (dpa - AFX) - Der Chef",
                &["EISENBERG", "ERFURT"],
                &["dpa - AFX"],
            ),
        ];
        for (text, places, agencies) in cases {
            let found = dateline_at(text, 0).unwrap_or_else(|| panic!("no dateline: {text}"));
            let texts = |spans: &[Range<usize>]| -> Vec<String> {
                spans.iter().map(|s| text[s.clone()].to_string()).collect()
            };
            assert_eq!(texts(&found.places), *places, "{text}");
            if !agencies.is_empty() {
                assert_eq!(texts(&found.agencies), *agencies, "{text}");
            }
        }
    }

    #[test]
    fn ordinary_openings_are_no_datelines() {
        for text in [
            "Berlin - die Stadt der Freiheit.",
            "Die Regierung (CDU) - so heißt es - plant.",
            "Merkel: Wir schaffen das.",
            "Nach dem Spiel (2:1) - Jubel.",
            "",
            "Ü",
            "Zürich 😀 (dpa",
        ] {
            assert_eq!(dateline_at(text, 0), None, "{text}");
        }
    }

    #[test]
    fn windows_end_on_char_boundaries() {
        let text = "ä".repeat(200);
        assert!(window(&text, 0).len() <= WINDOW);
        assert_eq!(dateline_at(&text, 2), None);
    }
}

/// The hand matcher against the regular expressions it replaced, on the articles' paragraph
/// openings and on random strings of the grammar's pieces: the same groups everywhere.
#[cfg(test)]
mod same_as_regex {
    use regex::Regex;

    use super::grammar::{find_dates, match_dateline, month_words};
    use super::*;

    /// The parts of a date as datelines write it: "2025-10-28", "28.10.2025", "28. Oktober 2025",
    /// "3. Okt. 2015". Month names come from the calendar's one list.
    const ISO_DATE: &str = r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})";
    const NUMERIC_DATE: &str = r"(?P<num_d>\d{1,2})\.\s?(?P<num_m>\d{1,2})\.\s?(?P<num_y>\d{4})";

    fn long_date() -> String {
        format!(
            r"(?P<long_d>\d{{1,2}})\.\s*(?P<long_m>{})\.?\s+(?P<long_y>\d{{4}})",
            month_alternation()
        )
    }

    /// The MONTH alternatives, in the matcher's order (the list is data; the test is of the
    /// matching).
    fn month_alternation() -> String {
        month_words().join("|")
    }

    /// One place name: up to three capitalised words ("Frankfurt am Main", "Den Haag").
    const PLACE: &str =
        r"[A-ZÄÖÜ][\w.'’-]*(?:\s(?:am|an\sder|im|in|ob\sder|bei)?\s?[A-ZÄÖÜ][\w.'’-]*){0,2}";

    /// An agency in parentheses: a word ("dpa-AFX", "AFP", also spaced "dpa - AFX"), or several
    /// joined by slashes ("dpa/tmn").
    const AGENCY: &str =
        r"\w[\w.]*(?:\s?-\s?\w[\w.]*){0,2}(?:\s?/\s?\w[\w.]*(?:\s?-\s?\w[\w.]*){0,2}){0,3}";

    fn dateline_regex() -> Regex {
        {
            let pattern = format!(
                r"^(?P<places>{PLACE}(?:\s?/\s?{PLACE}){{0,4}})(?:,\s?(?:{ISO_DATE}|{NUMERIC_DATE}|{}))?\s?(?:\((?P<agency>{AGENCY})\))?\s?[-–—:.]",
                long_date()
            );
            Regex::new(&pattern).expect("the dateline grammar compiles")
        }
    }

    fn date_regex() -> Regex {
        {
            // Not inside a longer number: no digit, dot (nor, before an ISO date, a dash) before;
            // no digit after.
            let pattern = format!(
                r"(?:^|[^\d.-]){ISO_DATE}(?:$|\D)|(?:^|[^\d.])(?:{NUMERIC_DATE}|{})(?:$|\D)",
                long_date()
            );
            Regex::new(&pattern).expect("the date grammar compiles")
        }
    }

    type Groups = Option<(Range<usize>, Option<Range<usize>>, bool)>;

    fn by_regex(re: &Regex, head: &str) -> Groups {
        let found = re.captures(head)?;
        let has_date = ["iso_y", "num_y", "long_y"]
            .iter()
            .any(|n| found.name(n).is_some());
        Some((
            found.name("places")?.range(),
            found.name("agency").map(|a| a.range()),
            has_date,
        ))
    }

    fn by_hand(head: &str) -> Groups {
        let found = match_dateline(head)?;
        Some((found.places, found.agency, found.date.is_some()))
    }

    type Dates = Vec<(Range<usize>, Range<usize>, Range<usize>)>;

    fn dates_by_regex(re: &Regex, head: &str) -> Dates {
        re.captures_iter(head)
            .map(|found| {
                let [y, m, d] = [
                    ["iso_y", "num_y", "long_y"],
                    ["iso_m", "num_m", "long_m"],
                    ["iso_d", "num_d", "long_d"],
                ]
                .map(|names| {
                    names
                        .iter()
                        .find_map(|n| found.name(n))
                        .map(|g| g.range())
                        .unwrap_or(0..0)
                });
                (y, m, d)
            })
            .collect()
    }

    fn dates_by_hand(head: &str) -> Dates {
        find_dates(head)
            .into_iter()
            .map(|d| (d.year, d.month, d.day))
            .collect()
    }

    /// Whether a dateline and a date were found (the same by both, or the test fails).
    fn compare(dateline: &Regex, date: &Regex, head: &str) -> (bool, bool) {
        let groups = by_regex(dateline, head);
        assert_eq!(by_hand(head), groups, "dateline of {head:?}");
        let dates = dates_by_regex(date, head);
        assert_eq!(dates_by_hand(head), dates, "dates of {head:?}");
        (groups.is_some(), !dates.is_empty())
    }

    #[test]
    fn on_random_strings_of_the_grammars_pieces() {
        const PIECES: &[&str] = &[
            "28.10.2025",
            "Okt.",
            "sept",
            "SEPTEMBER",
            "Jän.",
            "3. Okt. 2015",
            "1.  sept  2020",
            "2025-10-28",
            "3. Oktober 2025",
            "1.2. 2003",
            "٢٠٢٥-١٠-٢٨",
            "12.3.",
            "Berlin",
            "HANNOVER",
            "Den",
            "Haag",
            " ",
            " ",
            "/",
            "(",
            ")",
            "dpa",
            "AFX",
            "-",
            "–",
            "—",
            ":",
            ".",
            ",",
            "28",
            "3",
            "10",
            "2025",
            "Oktober",
            "Juli",
            "März",
            "am",
            "an der",
            "in",
            "ob der",
            "bei",
            "Ü",
            "ä",
            "x",
            "'",
            "’",
            "_",
            "\u{308}",
            "٢٠٢٥",
            "\u{a0}",
            "\n",
            "²",
            "Frankfurt",
            "St.",
            "e.V.",
        ];
        let (dateline, date) = (dateline_regex(), date_regex());
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let (mut datelines, mut dates) = (0, 0);
        for _ in 0..60_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = 1 + (state % 12) as usize;
            let mut s = state;
            let head: String = (0..len)
                .map(|_| {
                    s = s.rotate_left(7).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                    PIECES[(s >> 40) as usize % PIECES.len()]
                })
                .collect();
            let (found_dateline, found_date) = compare(&dateline, &date, &head);
            datelines += usize::from(found_dateline);
            dates += usize::from(found_date);
        }
        assert!(
            datelines > 1_000 && dates > 500,
            "{datelines} datelines, {dates} dates"
        );
    }

    #[test]
    fn on_the_articles_paragraph_openings() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/articles/10kgnad-test.jsonl"
        );
        let Ok(corpus) = std::fs::read_to_string(path) else {
            println!("SKIP: {path} is missing");
            return;
        };
        let (dateline, date) = (dateline_regex(), date_regex());
        let mut heads = 0;
        for line in corpus.lines() {
            let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = record["text"].as_str() else {
                continue;
            };
            let end = text
                .char_indices()
                .nth(HEAD_CHARS)
                .map_or(text.len(), |(i, _)| i);
            compare(&dateline, &date, &text[..end]);
            let starts = std::iter::once(0).chain(
                text.match_indices(['\n', '.', '–'])
                    .map(|(i, m)| i + m.len()),
            );
            for start in starts {
                let start = start + text[start..].len() - text[start..].trim_start().len();
                compare(&dateline, &date, window(text, start));
                heads += 1;
            }
        }
        assert!(heads > 10_000, "{heads} openings");
    }
}

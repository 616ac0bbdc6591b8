//! Properties that hold for every input: no panic, spans inside the text on character
//! boundaries, each span's `text` is what its offsets slice in every unit, lists sorted,
//! entities and figures never cross, quotes contain or avoid every other span, and the
//! same input always gives the same output.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use textmarker::{Annotations, Annotator, OffsetUnit, Options};

fn annotator() -> &'static Annotator {
    static ANNOTATOR: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
    ANNOTATOR.get_or_init(Annotator::new)
}

fn options() -> Options {
    Options::with_ref_date("2025-10-28").unwrap()
}

fn spans(a: &Annotations) -> Vec<(&'static str, usize, usize, &str)> {
    let mut spans = Vec::new();
    spans.extend(
        a.entities
            .iter()
            .map(|e| ("entity", e.start, e.end, e.text.as_str())),
    );
    spans.extend(
        a.figures
            .iter()
            .map(|f| ("figure", f.start, f.end, f.text.as_str())),
    );
    for q in &a.quotes {
        spans.push(("quote", q.start, q.end, q.text.as_str()));
        if let Some(s) = &q.speaker {
            spans.push(("speaker", s.start, s.end, s.text.as_str()));
        }
        if let Some(c) = &q.cue {
            spans.push(("cue", c.start, c.end, c.text.as_str()));
        }
    }
    spans
}

fn crosses(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1 && !((a.0 <= b.0 && b.1 <= a.1) || (b.0 <= a.0 && a.1 <= b.1))
}

/// Checks every invariant on `text`; returns a description of the first violation.
pub fn check(text: &str) -> Result<(), String> {
    let found = annotator().annotate(text, &options());
    for (kind, start, end, span_text) in spans(&found) {
        if !(start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end))
        {
            return Err(format!("{kind} {start}..{end} is not a span of the text"));
        }
        if &text[start..end] != span_text {
            return Err(format!(
                "{kind} {start}..{end}: text {span_text:?} differs from the slice"
            ));
        }
    }
    let sorted = |starts: Vec<usize>| starts.windows(2).all(|w| w[0] <= w[1]);
    if !sorted(found.entities.iter().map(|e| e.start).collect())
        || !sorted(found.figures.iter().map(|f| f.start).collect())
        || !sorted(found.quotes.iter().map(|q| q.start).collect())
    {
        return Err("a list is not sorted by start".into());
    }
    // Groups are indices, ordered by first mention, each counting the mentions that stayed.
    let mut mentions = vec![0; found.entity_groups.len()];
    let mut first_seen = Vec::new();
    for e in &found.entities {
        if e.entity_id >= found.entity_groups.len() {
            return Err(format!("entity_id {} has no group", e.entity_id));
        }
        mentions[e.entity_id] += 1;
        if !first_seen.contains(&e.entity_id) {
            first_seen.push(e.entity_id);
        }
    }
    for (i, group) in found.entity_groups.iter().enumerate() {
        if group.id != i || group.mentions != mentions[i] || group.mentions == 0 {
            return Err(format!(
                "group {i} ({:?}): id {}, {} mentions counted, {} found",
                group.name, group.id, group.mentions, mentions[i]
            ));
        }
    }
    if first_seen.windows(2).any(|w| w[0] > w[1]) {
        return Err(format!(
            "groups are not in order of first mention: {first_seen:?}"
        ));
    }
    for speaker in found.quotes.iter().filter_map(|q| q.speaker.as_ref()) {
        if speaker
            .entity
            .is_some_and(|id| id >= found.entity_groups.len())
        {
            return Err(format!("speaker {:?} links to no group", speaker.text));
        }
    }
    for e in &found.entities {
        if let Some(f) = found
            .figures
            .iter()
            .find(|f| crosses((e.start, e.end), (f.start, f.end)))
        {
            return Err(format!("entity {:?} crosses figure {:?}", e.text, f.text));
        }
    }
    for q in &found.quotes {
        let others = found
            .entities
            .iter()
            .map(|e| (e.start, e.end))
            .chain(found.figures.iter().map(|f| (f.start, f.end)));
        if let Some(o) = others
            .chain(found.quotes.iter().map(|o| (o.start, o.end)))
            .find(|&o| crosses((q.start, q.end), o))
        {
            return Err(format!("quote {:?} crosses span {o:?}", q.text));
        }
    }
    for unit in [OffsetUnit::CodePoints, OffsetUnit::Utf16] {
        let converted = found.clone().into_offsets(text, unit);
        let chars: Vec<char> = text.chars().collect();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for (kind, start, end, span_text) in spans(&converted) {
            let sliced = match unit {
                OffsetUnit::CodePoints => {
                    chars.get(start..end).map(|c| c.iter().collect::<String>())
                }
                _ => utf16
                    .get(start..end)
                    .and_then(|u| String::from_utf16(u).ok()),
            };
            if sliced.as_deref() != Some(span_text) {
                return Err(format!(
                    "{kind} {start}..{end} in {unit:?} slices {sliced:?}, not {span_text:?}"
                ));
            }
        }
    }
    if annotator().annotate(text, &options()) != found {
        return Err("a second run gave another result".into());
    }
    Ok(())
}

/// Pieces of German news text and of everything else people paste.
fn pasted_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Donald Trump",
        "Trumps",
        " sagte ",
        "„",
        "“",
        "\"",
        "»",
        "«",
        "‚",
        "‘",
        "'",
        "Die Straße",
        " in Köln",
        "Takaichi",
        "am Dienstag",
        "Anfang Oktober",
        "472,51 Mrd. Euro",
        "60.000",
        "550 Milliarden Dollar",
        "15 Prozent",
        "3.",
        "zwei Jahre",
        "14.30 Uhr",
        "28.10.2025",
        "2025-10-28",
        "US-Präsident",
        "japanische",
        "😀",
        "👩‍👩‍👧",
        "🇩🇪",
        "e\u{301}",
        "\u{0}",
        "\u{7}",
        "\r\n",
        "\n\n",
        "\t",
        " ",
        ".",
        ",",
        ":",
        "?",
        "!",
        "(",
        ")",
        "-",
        "–",
        "<script>alert(1)</script>",
        "שלום עולם",
        "\u{202e}",
        "\u{feff}",
        "\u{fffd}",
        "Weißen Hauses",
        "laut Reuters",
        "so der Minister",
        "habe",
        "sei",
        "dass",
        "1969",
        "Hälfte",
        "dreieinhalb",
        "km/h",
        "°C",
        "%",
        "$",
        "€",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_pasted_text(text in pasted_text()) {
        prop_assert_eq!(check(&text), Ok(()));
    }

    #[test]
    fn invariants_hold_on_any_unicode(text in "\\PC{0,200}") {
        prop_assert_eq!(check(&text), Ok(()));
    }
}

#[test]
fn inputs_people_paste() {
    let html = "<!DOCTYPE html><html><body><p class=\"x\">„Zitat“, sagte <b>Merkel</b>.</p><img src=x onerror=alert(1)></body></html>";
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("whitespace only", " \n\t \r\n ".to_string()),
        (
            "NUL and control characters",
            "A\u{0}B\u{1}C\u{1b}[31m „x\u{0}“ \u{7f}".to_string(),
        ),
        (
            "CRLF",
            "Erste Zeile.\r\n„Zitat“, sagte er.\r\n\r\nZweiter Absatz 5 %.\r\n".to_string(),
        ),
        (
            "right-to-left",
            "قال الرئيس „שלום“ 5 Prozent \u{202b}Trump\u{202c} in Köln".to_string(),
        ),
        (
            "emoji and combining marks",
            "👩‍👩‍👧 Tro\u{308}mp 🇩🇪 sagte „a\u{301}b“ 3\u{20e3} Euro".to_string(),
        ),
        ("HTML source", html.to_string()),
        (
            "unbalanced quotes",
            "„a „b „c “ » « ‚ ‘ \" \" \" „ Ende".to_string(),
        ),
        (
            "deeply nested quotes",
            "„‚".repeat(5_000) + &"‘“".repeat(5_000),
        ),
        ("only quotation marks", "„“\"»«‚‘".repeat(2_000)),
        ("digits only", "1234567890.,".repeat(2_000)),
        (
            "a very long word",
            "Donaudampfschifffahrtsgesellschaft".repeat(3_000),
        ),
        // Found by the properties above: an index stepped before the first token (figures)
        // and a quote whose report ran past the current sentence (quotes).
        ("time at the very start", "14.30 Uhr sagte ".to_string()),
        (
            "quote over paragraphs after laut",
            "laut Reuters„\r\n»\r\nzwei Jahre“".to_string(),
        ),
        // An entity dropped for crossing a figure took its group's only mention.
        (
            "entity crossing a figure",
            "472,51 Mrd. Euro€Donald Trump'550 Milliarden Dollar".to_string(),
        ),
    ];
    for (name, text) in cases {
        assert_eq!(check(&text), Ok(()), "{name}");
    }
}

#[test]
fn a_million_quotation_marks() {
    let text = "„".repeat(500_000) + &"“".repeat(500_000);
    let found = annotator().annotate(&text, &options());
    assert!(found.quotes.len() <= text.chars().count() / 2);
}

#[test]
fn one_ten_megabyte_line() {
    let sentence = "Donald Trump sagte am Dienstag in Tokio, 550 Milliarden Dollar seien „viel“. ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    assert!(text.len() > 9 * 1024 * 1024 && !text.contains('\n'));
    let found = annotator().annotate(&text, &options());
    let last = found.figures.last().map_or(0, |f| f.end);
    assert!(last <= text.len());
}

#[test]
fn oversized_input_is_refused_with_a_message() {
    let text = "a".repeat(textmarker::MAX_INPUT_BYTES + 1);
    let error = annotator().try_annotate(&text, &options()).unwrap_err();
    assert!(error.to_string().contains("too large"), "{error}");
}

//! One standalone HTML document for a marked text: what the CLI's `--html` writes and what the
//! page's "HTML page" export downloads (the page hands its text and annotations to the module,
//! which calls this). One template, one stylesheet (`www/css/marks.css`, the page's own), so
//! the two cannot drift apart.
//!
//! Every piece of text is escaped; the document's own CSP forbids scripts and loads nothing.
//! The article's `textContent` is the text (NUL, which HTML cannot carry, is written as U+FFFD);
//! each span is a `<mark>` with `data-*` attributes whose offsets are UTF-16 code units
//! (www/schema/README.md documents them).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::annotations::{
    Annotations, Approx, EntityLabel, Figure, FigureKind, FigureValue, PeriodPart, Quote,
    QuoteKind, RangeBound, Warning,
};
use crate::calendar::Date;
use crate::kinds::{name_of, MarkKind, MARK_KINDS};
use crate::offsets::OffsetUnit;

/// The page's mark styles: the export looks like the page.
const MARKS_CSS: &str = include_str!("../www/css/marks.css");
/// The document around the marks.
const DOCUMENT_CSS: &str = "body{font:17px/1.8 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem}
.tm-legend{font:14px/2.2 system-ui,sans-serif;margin-bottom:1.5rem;white-space:normal}
.tm-legend mark{margin-right:.8em}
.tm-warning{font:15px/1.5 system-ui,sans-serif;border-left:4px solid #d55e00;padding:.4rem .8rem;margin-bottom:1.5rem}
@media (prefers-color-scheme: dark){body{background:#17171a;color:#ececf1}}";

/// What the document says when the text does not look German (the page says the same).
pub(crate) const NOT_GERMAN_NOTICE: &str =
    "This text does not look German: the marks will be unreliable.";

/// One `<mark>`: byte span, and the attributes after `data-start`/`data-end`.
struct Mark {
    start: usize,
    end: usize,
    layer: u8,
    attributes: Vec<(&'static str, String)>,
}

/// The standalone document for `text` and its `annotations` (offsets in any unit).
/// `ref_date` is the article date the relative dates were resolved against, if any.
pub fn html_document(text: &str, annotations: &Annotations, ref_date: Option<Date>) -> String {
    let annotations = annotations.clone().into_offsets(text, OffsetUnit::Bytes);
    let marks = marks(&annotations);
    let mut out = String::with_capacity(text.len() * 2 + MARKS_CSS.len() + 2048);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"generator\" content=\"Textmarker\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>Textmarker</title>\n<style>\n",
    );
    out.push_str(MARKS_CSS);
    out.push_str(DOCUMENT_CSS);
    out.push_str("\n</style>\n</head>\n<body>\n");
    legend(&marks, &mut out);
    if annotations.warnings.contains(&Warning::NotGerman) {
        out.push_str("<div class=\"tm-warning\" role=\"note\" data-warning=\"not_german\">");
        out.push_str(NOT_GERMAN_NOTICE);
        out.push_str("</div>\n");
    }
    out.push_str("<article class=\"tm-view\" data-format=\"textmarker-annotations\" data-version=\"1\" data-offset-unit=\"utf-16\"");
    if let Some(date) = ref_date {
        let _ = write!(out, " data-ref-date=\"{date}\"");
    }
    out.push('>');
    marked_text(text, &marks, &mut out);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// A legend entry for each type that occurs, in the page's order.
fn legend(marks: &[Mark], out: &mut String) {
    let present = |key: &str| {
        marks.iter().any(|m| {
            m.attributes
                .iter()
                .any(|(k, v)| *k == "data-key" && v == key)
        })
    };
    out.push_str("<div class=\"tm-legend tm-view\">");
    for kind in MARK_KINDS.iter().filter(|kind| present(kind.key)) {
        let MarkKind {
            layer, key, name, ..
        } = kind;
        let label = if *key == "quote" { "direct" } else { key };
        let _ = write!(
            out,
            "<mark data-type=\"{layer}\" data-key=\"{key}\" data-label=\"{label}\">{name}</mark>"
        );
    }
    out.push_str("</div>\n");
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // HTML parsing drops NUL and turns CR into LF: keep every offset with U+FFFD (one
            // code unit, like NUL) and a character reference.
            '\0' => out.push('\u{fffd}'),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// How far the text has been written, in bytes and in UTF-16 code units.
struct Cursor<'t> {
    text: &'t str,
    at: usize,
    at_utf16: usize,
}

impl Cursor<'_> {
    /// Writes the text up to byte `to` (escaped) and moves on.
    fn write_to(&mut self, to: usize, out: &mut String) {
        if let Some(piece) = self.text.get(self.at..to) {
            escape(piece, out);
            self.at_utf16 += utf16_len(piece);
            self.at = to;
        }
    }
}

/// The text with nested marks. Offsets in the attributes are counted in UTF-16 code units
/// while the text is written, so no second pass is needed.
fn marked_text(text: &str, marks: &[Mark], out: &mut String) {
    let mut open: Vec<usize> = Vec::new();
    let mut cursor = Cursor {
        text,
        at: 0,
        at_utf16: 0,
    };
    for mark in marks {
        while let Some(&end) = open.last() {
            if end > mark.start {
                break;
            }
            cursor.write_to(end, out);
            out.push_str("</mark>");
            open.pop();
        }
        // Skip anything the overlap policy should have removed: a mark crossing an open one.
        if open.last().is_some_and(|&end| mark.end > end)
            || mark.start < cursor.at
            || mark.end <= mark.start
            || text.get(mark.start..mark.end).is_none()
        {
            continue;
        }
        cursor.write_to(mark.start, out);
        let start16 = cursor.at_utf16;
        let end16 = start16 + utf16_len(&text[mark.start..mark.end]);
        let _ = write!(out, "<mark data-start=\"{start16}\" data-end=\"{end16}\"");
        for (name, value) in &mark.attributes {
            let _ = write!(out, " {name}=\"");
            escape(value, out);
            out.push('"');
        }
        out.push('>');
        open.push(mark.end);
    }
    while let Some(end) = open.pop() {
        cursor.write_to(end, out);
        out.push_str("</mark>");
    }
    cursor.write_to(text.len(), out);
}

fn entity_title(label: EntityLabel) -> String {
    let base = name_of(label.base().as_str());
    let label = label.as_str();
    if label.ends_with("deriv") {
        format!("{base} (derived word)")
    } else if label.ends_with("part") {
        format!("{base} (part of a compound)")
    } else {
        base.to_string()
    }
}

/// A JSON number as JavaScript's `JSON.stringify` writes integers and simple decimals.
fn json_number(n: f64, out: &mut String) {
    if n.is_finite() {
        let _ = write!(out, "{n}");
    } else {
        out.push_str("null");
    }
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A figure's value as the JSON the contract documents (`data-value`).
fn value_json(value: &FigureValue) -> String {
    let mut out = String::new();
    let bound = |b: &RangeBound, out: &mut String| match b {
        RangeBound::Number(n) => json_number(*n, out),
        RangeBound::Iso(s) => json_string(s, out),
    };
    match value {
        FigureValue::Number(n) => json_number(*n, &mut out),
        FigureValue::Iso(s) => json_string(s, &mut out),
        FigureValue::Amount {
            amount,
            unit,
            seconds,
        } => {
            out.push_str("{\"amount\":");
            json_number(*amount, &mut out);
            out.push_str(",\"unit\":");
            json_string(unit, &mut out);
            if let Some(seconds) = seconds {
                out.push_str(",\"seconds\":");
                json_number(*seconds, &mut out);
            }
            out.push('}');
        }
        FigureValue::Range { min, max, unit } => {
            let mut fields = Vec::new();
            for (name, b) in [("min", min), ("max", max)] {
                if let Some(b) = b {
                    let mut field = format!("\"{name}\":");
                    bound(b, &mut field);
                    fields.push(field);
                }
            }
            if let Some(unit) = unit {
                let mut field = "\"unit\":".to_string();
                json_string(unit, &mut field);
                fields.push(field);
            }
            out.push('{');
            out.push_str(&fields.join(","));
            out.push('}');
        }
        FigureValue::Unresolved => out.push_str("null"),
    }
    out
}

fn figure_mark(f: &Figure) -> Mark {
    let kind = f.kind.as_str();
    let value = value_json(&f.value);
    let mut attributes = vec![
        ("data-type", "figure".to_string()),
        ("data-label", kind.to_string()),
        ("data-key", kind.to_string()),
        ("data-value", value.clone()),
    ];
    let mut title = format!("{}: {}", name_of(kind), f.text);
    if f.value != FigureValue::Unresolved && f.kind != FigureKind::Number {
        title.push_str(&format!(" ({value})"));
    }
    if let Some(approx) = f.approx {
        let approx = approx_str(approx);
        attributes.push(("data-approx", approx.to_string()));
        title.push_str(&format!(", {}", approx.replace('_', " ")));
    }
    if let Some(part) = f.modifier {
        let part = match part {
            PeriodPart::Early => "early",
            PeriodPart::Mid => "mid",
            PeriodPart::Late => "late",
        };
        attributes.push(("data-mod", part.to_string()));
    }
    attributes.push(("title", title));
    Mark {
        start: f.start,
        end: f.end,
        layer: 2,
        attributes,
    }
}

fn approx_str(approx: Approx) -> &'static str {
    match approx {
        Approx::About => "about",
        Approx::MoreThan => "more_than",
        Approx::LessThan => "less_than",
        Approx::AtLeast => "at_least",
        Approx::AtMost => "at_most",
    }
}

fn quote_mark(q: &Quote) -> Mark {
    let kind = match q.kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
    };
    let mut attributes = vec![
        ("data-type", "quote".to_string()),
        ("data-label", kind.to_string()),
        ("data-key", "quote".to_string()),
        ("data-kind", kind.to_string()),
    ];
    let mut title = format!(
        "{} quotation",
        if kind == "direct" {
            "Direct"
        } else {
            "Indirect"
        }
    );
    if let Some(speaker) = &q.speaker {
        attributes.push(("data-speaker", speaker.text.clone()));
        title.push_str(&format!(", speaker {}", speaker.text));
    }
    if let Some(cue) = &q.cue {
        attributes.push(("data-cue", cue.text.clone()));
        title.push_str(&format!(" ({})", cue.text));
    }
    if let Some(group) = q.group {
        attributes.push(("data-group", group.to_string()));
    }
    attributes.push(("title", title));
    Mark {
        start: q.start,
        end: q.end,
        layer: 0,
        attributes,
    }
}

/// Every span as a mark, outer spans first (quotes, then entities, then figures at one start).
fn marks(annotations: &Annotations) -> Vec<Mark> {
    let groups: HashMap<usize, &str> = annotations
        .entity_groups
        .iter()
        .map(|g| (g.id, g.name.as_str()))
        .collect();
    let mut marks: Vec<Mark> = annotations.quotes.iter().map(quote_mark).collect();
    // A currency inside a money figure is part of the figure, not a name of its own.
    let names = annotations.entities.iter().filter(|e| !e.figure_unit);
    marks.extend(names.map(|e| {
        let mut attributes = vec![
            ("data-type", "entity".to_string()),
            ("data-label", e.label.as_str().to_string()),
            ("data-key", e.label.base().as_str().to_string()),
            ("data-entity", e.entity_id.to_string()),
        ];
        let mut title = format!("{}: {}", entity_title(e.label), e.text);
        if let Some(&name) = groups.get(&e.entity_id) {
            attributes.push(("data-entity-name", name.to_string()));
            if name != e.text {
                title.push_str(&format!(" ({name})"));
            }
        }
        attributes.push(("title", title));
        Mark {
            start: e.start,
            end: e.end,
            layer: 1,
            attributes,
        }
    }));
    marks.extend(annotations.figures.iter().map(figure_mark));
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.layer));
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Entity, EntityGroup};

    fn trump_in(text: &str) -> Annotations {
        let start = text.find("Trump").unwrap();
        let mut annotations = Annotations::default();
        annotations.entities.push(Entity {
            start,
            end: start + 5,
            label: EntityLabel::Person,
            text: "Trump".into(),
            entity_id: 0,
            figure_unit: false,
        });
        annotations.entity_groups.push(EntityGroup {
            id: 0,
            name: "Donald Trump".into(),
            label: EntityLabel::Person,
            mentions: 1,
        });
        annotations
    }

    fn article(document: &str) -> &str {
        let body = document.split_once("<article").unwrap().1;
        let body = body.split_once('>').unwrap().1;
        body.split_once("</article>").unwrap().0
    }

    #[test]
    fn escapes_text_and_counts_offsets_in_utf16() {
        let cases: &[(&str, &str)] = &[
            (
                "<b>Trump</b> & „x“",
                "&lt;b&gt;<mark data-start=\"3\" data-end=\"8\" data-type=\"entity\" data-label=\"PER\" data-key=\"PER\" data-entity=\"0\" data-entity-name=\"Donald Trump\" title=\"Person: Trump (Donald Trump)\">Trump</mark>&lt;/b&gt; &amp; „x“",
            ),
            // One character outside the BMP: two UTF-16 units before the mark.
            (
                "😀\r\0Trump",
                "😀&#13;\u{fffd}<mark data-start=\"4\" data-end=\"9\" data-type=\"entity\" data-label=\"PER\" data-key=\"PER\" data-entity=\"0\" data-entity-name=\"Donald Trump\" title=\"Person: Trump (Donald Trump)\">Trump</mark>",
            ),
        ];
        for (text, expected) in cases {
            let document = html_document(text, &trump_in(text), None);
            assert_eq!(article(&document), *expected);
        }
    }

    #[test]
    fn the_document_is_the_same_for_any_offset_unit() {
        let text = "Grüße 😀 an Trump.";
        let bytes = trump_in(text);
        let utf16 = bytes.clone().into_offsets(text, OffsetUnit::Utf16);
        assert_eq!(
            html_document(text, &bytes, Date::new(2025, 10, 28)),
            html_document(text, &utf16, Date::new(2025, 10, 28))
        );
    }

    #[test]
    fn values_are_json_and_warnings_are_shown() {
        let cases: &[(FigureValue, &str)] = &[
            (FigureValue::Number(15.0), "15"),
            (FigureValue::Number(0.5), "0.5"),
            (FigureValue::Iso("2025-10".into()), "\"2025-10\""),
            (
                FigureValue::Amount {
                    amount: 2.4e9,
                    unit: "EUR".into(),
                    seconds: None,
                },
                "{\"amount\":2400000000,\"unit\":\"EUR\"}",
            ),
            (
                FigureValue::Range {
                    min: Some(RangeBound::Number(5.0)),
                    max: Some(RangeBound::Iso("x\"".into())),
                    unit: None,
                },
                "{\"min\":5,\"max\":\"x\\\"\"}",
            ),
            (FigureValue::Unresolved, "null"),
        ];
        for (value, expected) in cases {
            assert_eq!(value_json(value), *expected);
        }
        let mut annotations = Annotations::default();
        assert!(!html_document("x", &annotations, None).contains(NOT_GERMAN_NOTICE));
        annotations.warnings.push(Warning::NotGerman);
        assert!(html_document("x", &annotations, None).contains(NOT_GERMAN_NOTICE));
    }
}

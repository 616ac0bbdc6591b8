//! `--html`: one self-contained page with a `<mark>` per span. Every piece of the text is
//! escaped; the page loads nothing.

use textmarker::{Annotations, Figure, Quote};

struct Mark {
    start: usize,
    end: usize,
    kind: &'static str,
    label: String,
    title: String,
}

const STYLE: &str = "body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
p{margin:0 0 1em;white-space:pre-wrap}
mark{background:none;color:inherit;border-radius:2px;padding:0 1px}
mark[data-type=entity]{border-bottom:3px solid}
mark[data-label^=PER]{background:#fde7c8;border-color:#e69f00}
mark[data-label^=LOC]{background:#d3ebf8;border-color:#0072b2}
mark[data-label^=ORG]{background:#d5f0e6;border-color:#009e73}
mark[data-label^=OTH]{background:#f3dcec;border-color:#cc79a7}
mark[data-label$=deriv],mark[data-label$=part]{opacity:.7;border-bottom-style:dashed}
mark[data-type=figure]{background:#fff3a3;border-bottom:2px dotted #7a6500}
mark[data-type=quote]{background:#eeeeee;border-left:3px solid #555;font-style:italic}
mark[data-type=quote][data-label=indirect]{border-left-style:dotted}
.legend{font:14px sans-serif;margin-bottom:1.5rem}.legend mark{margin-right:.6em}";

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than line breaks and tabs have no place in HTML.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

fn figure_title(figure: &Figure) -> String {
    let value = serde_json::to_string(&figure.value).unwrap_or_default();
    let mut title = format!("{}: {value}", figure.kind.as_str());
    if let Some(approx) = figure.approx {
        title.push_str(&format!(
            " ({})",
            serde_json::to_string(&approx)
                .unwrap_or_default()
                .trim_matches('"')
        ));
    }
    title
}

fn quote_title(quote: &Quote) -> String {
    let kind = match quote.kind {
        textmarker::QuoteKind::Direct => "direct quote",
        textmarker::QuoteKind::Indirect => "indirect quote",
    };
    let speaker = quote
        .speaker
        .as_ref()
        .map_or("unknown speaker", |s| s.text.as_str());
    match &quote.cue {
        Some(cue) => match &cue.particle {
            Some(particle) => format!("{kind} — {speaker} ({} … {})", cue.text, particle.text),
            None => format!("{kind} — {speaker} ({})", cue.text),
        },
        None => format!("{kind} — {speaker}"),
    }
}

fn marks(annotations: &Annotations) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    marks.extend(annotations.quotes.iter().map(|q| {
        Mark {
            start: q.start,
            end: q.end,
            kind: "quote",
            label: serde_json::to_string(&q.kind)
                .unwrap_or_default()
                .trim_matches('"')
                .to_string(),
            title: quote_title(q),
        }
    }));
    marks.extend(annotations.entities.iter().map(|e| Mark {
        start: e.start,
        end: e.end,
        kind: "entity",
        label: e.label.as_str().to_string(),
        title: annotations.entity_groups.get(e.entity_id).map_or_else(
            || e.label.as_str().to_string(),
            |g| format!("{} — {}", e.label.as_str(), g.name),
        ),
    }));
    marks.extend(annotations.figures.iter().map(|f| Mark {
        start: f.start,
        end: f.end,
        kind: "figure",
        label: f.kind.as_str().to_string(),
        title: figure_title(f),
    }));
    // Outer spans open first; the overlap policy guarantees they nest.
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.kind != "quote"));
    marks
}

/// The text with nested `<mark>` elements, in one paragraph per blank-line block.
pub fn render_marked(text: &str, annotations: &Annotations) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    let emit = |out: &mut String, from: usize, to: usize| {
        if let Some(piece) = text.get(from..to) {
            escape(piece, out);
        }
    };
    for mark in marks(annotations) {
        // Skip anything the policy should have removed: a mark crossing an open one.
        while let Some(&end) = open.last() {
            if end > mark.start {
                break;
            }
            emit(&mut out, at, end);
            at = end;
            out.push_str("</mark>");
            open.pop();
        }
        if open.last().is_some_and(|&end| mark.end > end)
            || mark.start < at
            || text.get(mark.start..mark.end).is_none()
        {
            continue;
        }
        emit(&mut out, at, mark.start);
        at = mark.start;
        out.push_str("<mark data-type=\"");
        out.push_str(mark.kind);
        out.push_str("\" data-label=\"");
        escape(&mark.label, &mut out);
        out.push_str("\" title=\"");
        escape(&mark.title, &mut out);
        out.push_str("\">");
        open.push(mark.end);
    }
    while let Some(end) = open.pop() {
        emit(&mut out, at, end);
        at = end;
        out.push_str("</mark>");
    }
    emit(&mut out, at, text.len());
    out
}

pub fn render_page(text: &str, annotations: &Annotations) -> String {
    let body = render_marked(text, annotations);
    format!(
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>Textmarker</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
<div class=\"legend\"><mark data-type=\"entity\" data-label=\"PER\">Person</mark><mark data-type=\"entity\" data-label=\"LOC\">Ort</mark>\
<mark data-type=\"entity\" data-label=\"ORG\">Organisation</mark><mark data-type=\"entity\" data-label=\"OTH\">Sonstiges</mark>\
<mark data-type=\"figure\" data-label=\"number\">Zahl</mark><mark data-type=\"quote\" data-label=\"direct\">Zitat</mark></div>\n\
<p>{body}</p>\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use textmarker::{Entity, EntityLabel};

    #[test]
    fn escapes_text_and_nests_marks() {
        let text = "<b>Trump</b> & „x“";
        let start = text.find("Trump").unwrap();
        let mut annotations = Annotations::default();
        annotations.entities.push(Entity {
            start,
            end: start + 5,
            label: EntityLabel::Person,
            text: "Trump".into(),
            entity_id: 0,
        });
        let html = render_marked(text, &annotations);
        assert_eq!(html, "&lt;b&gt;<mark data-type=\"entity\" data-label=\"PER\" title=\"PER\">Trump</mark>&lt;/b&gt; &amp; „x“");
    }
}

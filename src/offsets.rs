//! The one place where offsets change unit. The core works in UTF-8 byte offsets; the CLI
//! speaks Unicode code points and JavaScript speaks UTF-16 code units.

use serde::Serialize;

use crate::annotations::Annotations;

/// The unit of the offsets in [`Annotations`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes, as Rust's `str` indexes.
    #[default]
    Bytes,
    /// Unicode scalar values, as Python's `str` indexes.
    CodePoints,
    /// UTF-16 code units, as JavaScript's `String` indexes.
    Utf16,
}

impl OffsetUnit {
    /// Parses the CLI's spellings: `bytes`, `codepoints` (or `chars`), `utf16`.
    pub fn parse(name: &str) -> Option<OffsetUnit> {
        match name.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "bytes" | "byte" | "utf8" => Some(OffsetUnit::Bytes),
            "codepoints" | "codepoint" | "chars" | "char" => Some(OffsetUnit::CodePoints),
            "utf16" => Some(OffsetUnit::Utf16),
            _ => None,
        }
    }
}

/// Position of one character boundary in all three units.
#[derive(Clone, Copy, Default)]
struct Position {
    bytes: usize,
    code_points: usize,
    utf16: usize,
}

impl Position {
    fn get(self, unit: OffsetUnit) -> usize {
        match unit {
            OffsetUnit::Bytes => self.bytes,
            OffsetUnit::CodePoints => self.code_points,
            OffsetUnit::Utf16 => self.utf16,
        }
    }

    fn advance(&mut self, c: char) {
        self.bytes += c.len_utf8();
        self.code_points += 1;
        self.utf16 += c.len_utf16();
    }
}

/// Rewrites every offset of `annotations` into `to`, in one pass over `text`.
///
/// An offset that is not on a character boundary, or lies past the end, is moved to the next
/// boundary (the end of the text at most): spans stay valid whatever the input.
pub(crate) fn convert(annotations: &mut Annotations, text: &str, to: OffsetUnit) {
    let from = annotations.unit;
    if from == to {
        return;
    }
    let mut wanted = Vec::new();
    annotations.for_each_offset(|offset| wanted.push(*offset));
    wanted.sort_unstable();
    wanted.dedup();

    let mut mapped = Vec::with_capacity(wanted.len());
    let mut position = Position::default();
    let mut chars = text.chars();
    for &offset in &wanted {
        while position.get(from) < offset {
            match chars.next() {
                Some(c) => position.advance(c),
                None => break,
            }
        }
        mapped.push(position.get(to));
    }
    annotations.for_each_offset(|offset| {
        if let Ok(at) = wanted.binary_search(offset) {
            *offset = mapped[at];
        }
    });
    annotations.unit = to;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::{Entity, EntityLabel};
    use proptest::prelude::*;

    fn annotations_over(text: &str, spans: &[(usize, usize)]) -> Annotations {
        let entities = spans
            .iter()
            .map(|&(start, end)| Entity {
                start,
                end,
                label: EntityLabel::Person,
                text: text[start..end].to_string(),
                entity_id: 0,
            })
            .collect();
        Annotations {
            entities,
            ..Annotations::default()
        }
    }

    fn char_boundaries(text: &str) -> Vec<usize> {
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect()
    }

    #[test]
    fn converts_known_offsets() {
        // „ is 3 bytes / 1 code point / 1 UTF-16 unit; 😀 is 4 / 1 / 2; ß is 2 / 1 / 1.
        let text = "„Straße“ 😀 Köln";
        let köln = text.find("Köln").unwrap();
        let ann = annotations_over(text, &[(köln, text.len())]);
        let cp = ann.clone().into_offsets(text, OffsetUnit::CodePoints);
        assert_eq!((cp.entities[0].start, cp.entities[0].end), (11, 15));
        let utf16 = ann.into_offsets(text, OffsetUnit::Utf16);
        assert_eq!((utf16.entities[0].start, utf16.entities[0].end), (12, 16));
    }

    #[test]
    fn parses_unit_names() {
        assert_eq!(OffsetUnit::parse("utf16"), Some(OffsetUnit::Utf16));
        assert_eq!(
            OffsetUnit::parse("code-points"),
            Some(OffsetUnit::CodePoints)
        );
        assert_eq!(OffsetUnit::parse("Bytes"), Some(OffsetUnit::Bytes));
        assert_eq!(OffsetUnit::parse("words"), None);
    }

    fn german_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Straße",
            "„",
            "“",
            "‚",
            "‘",
            "»",
            "«",
            "😀",
            "👩‍👩‍👧",
            "e\u{301}",
            "Ä",
            "ö",
            " ",
            "\n",
            "a",
            "€",
            "\u{0}",
            "\r\n",
            "שלום",
            "🇩🇪",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn every_unit_slices_the_same_text(text in german_text(), picks in prop::collection::vec((0usize..1000, 0usize..1000), 0..8)) {
            let bounds = char_boundaries(&text);
            let spans: Vec<(usize, usize)> = picks
                .iter()
                .map(|&(a, b)| {
                    let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                    (a.min(b), a.max(b))
                })
                .collect();
            let ann = annotations_over(&text, &spans);

            let cp = ann.clone().into_offsets(&text, OffsetUnit::CodePoints);
            let chars: Vec<char> = text.chars().collect();
            for e in &cp.entities {
                let sliced: String = chars[e.start..e.end].iter().collect();
                prop_assert_eq!(&sliced, &e.text);
            }

            let utf16 = ann.clone().into_offsets(&text, OffsetUnit::Utf16);
            let units: Vec<u16> = text.encode_utf16().collect();
            for e in &utf16.entities {
                prop_assert_eq!(String::from_utf16(&units[e.start..e.end]).unwrap(), e.text.clone());
            }

            // Converting onwards from code points lands where converting from bytes does.
            let via_cp = cp.into_offsets(&text, OffsetUnit::Utf16);
            prop_assert_eq!(&via_cp.entities, &utf16.entities);
            let back = via_cp.into_offsets(&text, OffsetUnit::Bytes);
            prop_assert_eq!(&back.entities, &ann.entities);
        }
    }
}

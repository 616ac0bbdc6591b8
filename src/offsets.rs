//! The one place where offsets change unit. The core works in UTF-8 byte offsets; the CLI
//! speaks Unicode code points and JavaScript speaks UTF-16 code units.

use serde::Serialize;

/// The unit of the offsets in [`Annotations`](crate::Annotations).
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

/// Something that holds offsets into one text, all in one unit (the annotations, for one).
/// Conversion only needs to visit them, so this module knows no result type.
pub(crate) trait Offsets {
    /// Calls `visit` on every offset, in any order.
    fn for_each_offset(&mut self, visit: impl FnMut(&mut usize));
}

/// Rewrites every offset of `spans` from `from` into `to`, in one pass over `text`.
///
/// An offset that is not on a character boundary, or lies past the end, is moved to the next
/// boundary (the end of the text at most): spans stay valid whatever the input.
pub(crate) fn convert(spans: &mut impl Offsets, text: &str, from: OffsetUnit, to: OffsetUnit) {
    if from == to {
        return;
    }
    let mut wanted = Vec::new();
    spans.for_each_offset(|offset| wanted.push(*offset));
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
    spans.for_each_offset(|offset| {
        if let Ok(at) = wanted.binary_search(offset) {
            *offset = mapped[at];
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte spans, standing in for the annotations.
    #[derive(Clone, Debug, PartialEq)]
    struct Spans(Vec<(usize, usize)>);

    impl Offsets for Spans {
        fn for_each_offset(&mut self, mut visit: impl FnMut(&mut usize)) {
            for (start, end) in &mut self.0 {
                visit(start);
                visit(end);
            }
        }
    }

    fn converted(spans: &Spans, text: &str, from: OffsetUnit, to: OffsetUnit) -> Spans {
        let mut spans = spans.clone();
        convert(&mut spans, text, from, to);
        spans
    }

    #[test]
    fn converts_known_offsets() {
        // „ is 3 bytes / 1 code point / 1 UTF-16 unit; 😀 is 4 / 1 / 2; ß is 2 / 1 / 1.
        let text = "„Straße“ 😀 Köln";
        let köln = Spans(vec![(text.find("Köln").unwrap(), text.len())]);
        let cases = [
            (OffsetUnit::CodePoints, (11, 15)),
            (OffsetUnit::Utf16, (12, 16)),
            (OffsetUnit::Bytes, köln.0[0]),
        ];
        for (unit, expected) in cases {
            let found = converted(&köln, text, OffsetUnit::Bytes, unit);
            assert_eq!(found.0, [expected], "{unit:?}");
        }
    }

    #[test]
    fn moves_offsets_off_a_boundary_to_the_next_one() {
        let text = "ö😀";
        // Byte 1 is inside "ö", 3 inside "😀", 99 past the end.
        let spans = Spans(vec![(1, 3), (6, 99)]);
        let found = converted(&spans, text, OffsetUnit::Bytes, OffsetUnit::CodePoints);
        assert_eq!(found.0, [(1, 2), (2, 2)]);
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

    /// Random texts and spans (proptest is a native-only dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn char_boundaries(text: &str) -> Vec<usize> {
            text.char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect()
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
                let bytes = Spans(picks
                    .iter()
                    .map(|&(a, b)| {
                        let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
                        (a.min(b), a.max(b))
                    })
                    .collect());
                let sliced: Vec<&str> = bytes.0.iter().map(|&(start, end)| &text[start..end]).collect();

                let cp = converted(&bytes, &text, OffsetUnit::Bytes, OffsetUnit::CodePoints);
                let chars: Vec<char> = text.chars().collect();
                for (&(start, end), expected) in cp.0.iter().zip(&sliced) {
                    prop_assert_eq!(&chars[start..end].iter().collect::<String>(), expected);
                }

                let utf16 = converted(&bytes, &text, OffsetUnit::Bytes, OffsetUnit::Utf16);
                let units: Vec<u16> = text.encode_utf16().collect();
                for (&(start, end), expected) in utf16.0.iter().zip(&sliced) {
                    prop_assert_eq!(&String::from_utf16(&units[start..end]).unwrap(), expected);
                }

                // Converting onwards from code points lands where converting from bytes does.
                let via_cp = converted(&cp, &text, OffsetUnit::CodePoints, OffsetUnit::Utf16);
                prop_assert_eq!(&via_cp, &utf16);
                let back = converted(&via_cp, &text, OffsetUnit::Utf16, OffsetUnit::Bytes);
                prop_assert_eq!(&back, &bytes);
            }
        }
    }
}

//! Fuzzes `annotate` with arbitrary text: it must never panic, and every span must slice
//! the text exactly in bytes, code points and UTF-16.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textmarker::{Annotator, OffsetUnit, Options};

fuzz_target!(|data: &[u8]| {
    static ANNOTATOR: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
    let annotator = ANNOTATOR.get_or_init(Annotator::new);
    let text = String::from_utf8_lossy(data);
    let options = Options::with_ref_date("2025-10-28").unwrap();
    let found = annotator.annotate(&text, &options);
    for e in &found.entities {
        assert_eq!(&text[e.start..e.end], e.text);
    }
    for f in &found.figures {
        assert_eq!(&text[f.start..f.end], f.text);
    }
    for q in &found.quotes {
        assert_eq!(&text[q.start..q.end], q.text);
    }
    let chars: Vec<char> = text.chars().collect();
    let converted = found.clone().into_offsets(&text, OffsetUnit::CodePoints);
    for e in &converted.entities {
        assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.text);
    }
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let converted = found.into_offsets(&text, OffsetUnit::Utf16);
    for q in &converted.quotes {
        assert_eq!(String::from_utf16(&utf16[q.start..q.end]).unwrap(), q.text);
    }
});

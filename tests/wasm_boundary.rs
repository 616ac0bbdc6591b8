//! The JavaScript boundary, in headless Chromium: offsets are UTF-16 code units, so
//! `text.slice(start, end)` gives back each span's text after umlauts, „…“ and emoji;
//! bad options arrive as JS errors, not traps.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use textmarker::JsAnnotator;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str =
    "„Die Straße 😀 kostet 472,51 Mrd. Euro“, sagte Außenminister Müller am Dienstag in Köln. \
👩‍👩‍👧 Über 60.000 Menschen e\u{301}rfuhren am 28. Oktober davon.";

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).expect("property")
}

fn options(ref_date: &str) -> JsValue {
    let options = Object::new();
    Reflect::set(&options, &"refDate".into(), &ref_date.into()).unwrap();
    options.into()
}

/// Checks that every span of `list` (and its speaker and cue) slices back to its text.
fn check_spans(text: &JsString, list: &JsValue) -> usize {
    let list: Array = list.clone().dyn_into().expect("array");
    let mut checked = 0;
    for item in list.iter() {
        for span in [item.clone(), get(&item, "speaker"), get(&item, "cue")] {
            if span.is_null() || span.is_undefined() {
                continue;
            }
            let start = get(&span, "start").as_f64().unwrap() as u32;
            let end = get(&span, "end").as_f64().unwrap() as u32;
            let expected = get(&span, "text").as_string().unwrap();
            assert_eq!(String::from(text.slice(start, end)), expected);
            checked += 1;
        }
    }
    checked
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_exactly() {
    let annotator = JsAnnotator::new();
    let result = annotator
        .annotate(TEXT, options("2025-10-28"))
        .map_err(|_| "threw")
        .expect("annotations");
    let text = JsString::from(TEXT);
    let mut total = 0;
    for list in ["entities", "figures", "quotes"] {
        let found = check_spans(&text, &get(&result, list));
        assert!(found > 0, "no {list} found");
        total += found;
    }
    assert!(total >= 5);
}

#[wasm_bindgen_test]
fn missing_options_are_fine_and_bad_dates_throw() {
    let annotator = JsAnnotator::new();
    assert!(annotator.annotate("Köln", JsValue::UNDEFINED).is_ok());
    assert!(annotator.annotate("", JsValue::NULL).is_ok());
    assert!(annotator.annotate("Köln", options("28.10.2025")).is_err());
}

/// Texts with every kind of span and value: ranges, amounts with units, durations, periods,
/// approximators, quotes with speaker and cue, astral characters.
const VARIED: &[&str] = &[
    TEXT,
    "",
    "Zwischen 5 und 7 Millionen Euro, rund 15 Prozent mehr, kostete das Projekt Anfang Oktober.",
    "Die Sitzung dauerte drei Stunden; mehr als 200 Menschen kamen am 3. Mai 2024 nach Hamburg.",
    "„Das ist ein Fehler“, sagte Angela Merkel. Der Minister erklärte, man werde prüfen. \
     Laut Siemens stieg der Umsatz um 2,5 Prozentpunkte auf 12 Mrd. Dollar.",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 „Zitat“ 😀, so Müller am 1.1.2020 um 14:30 Uhr in São Paulo.",
];

/// The result crosses the boundary as one tape (src/wasm/tape.rs); it must give exactly the
/// objects serde_wasm_bindgen's JSON-compatible serializer builds field by field.
#[wasm_bindgen_test]
fn tape_gives_the_same_objects_as_serde_wasm_bindgen() {
    use serde::Serialize;
    use textmarker::{Annotator, OffsetUnit, Options};

    let facade = JsAnnotator::new();
    let core = Annotator::new();
    for ref_date in [None, Some("2025-10-28")] {
        let core_options = ref_date
            .map(|d| Options::with_ref_date(d).unwrap())
            .unwrap_or_default();
        let js_options = ref_date.map(options).unwrap_or(JsValue::UNDEFINED);
        for text in VARIED {
            let found = facade
                .annotate(text, js_options.clone())
                .map_err(|_| "threw")
                .expect("annotations");
            let expected = core
                .annotate(text, &core_options)
                .into_offsets(text, OffsetUnit::Utf16)
                .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                .expect("serialises");
            let json = |value: &JsValue| String::from(js_sys::JSON::stringify(value).unwrap());
            assert_eq!(json(&found), json(&expected), "{text}");
        }
    }
}

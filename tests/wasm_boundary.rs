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
    // Every entity carries its flat view, inside its own span, in four classes.
    let entities: Array = get(&result, "entities").dyn_into().expect("array");
    for entity in entities.iter() {
        let flat = get(&entity, "flat");
        let at = |object: &JsValue, key: &str| get(object, key).as_f64().expect(key);
        assert!(at(&entity, "start") <= at(&flat, "start"));
        assert!(at(&flat, "end") <= at(&entity, "end"));
        let label = get(&flat, "label").as_string().expect("label");
        assert!(
            ["PER", "LOC", "ORG", "OTH"].contains(&label.as_str()),
            "{label}"
        );
    }
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

fn name_entry(name: &str, label: &str) -> JsValue {
    let entry = Object::new();
    Reflect::set(&entry, &"name".into(), &name.into()).unwrap();
    Reflect::set(&entry, &"label".into(), &label.into()).unwrap();
    entry.into()
}

fn entities_of(annotator: &JsAnnotator, text: &str) -> Vec<String> {
    let found = annotator
        .annotate(text, JsValue::UNDEFINED)
        .map_err(|_| "threw")
        .unwrap();
    let list: Array = get(&found, "entities").dyn_into().unwrap();
    list.iter()
        .map(|e| {
            format!(
                "{}/{}",
                get(&e, "text").as_string().unwrap(),
                get(&e, "label").as_string().unwrap()
            )
        })
        .collect()
}

fn error_message(error: wasm_bindgen::JsError) -> String {
    let value: JsValue = error.into();
    get(&value, "message").as_string().unwrap_or_default()
}

/// `Annotator.withNames` takes TSV or `[{name, label}]`; a bad entry throws an Error naming it.
#[wasm_bindgen_test]
fn with_names_takes_tsv_or_a_list_and_names_bad_lines() {
    const NEWS: &str = "Der Zarnowitzer Kreisbote berichtete über den Gemeinderat.";
    let tsv = JsAnnotator::with_names("Zarnowitzer Kreisbote\tORG\nGemeinderat\tORG".into())
        .map_err(|_| "threw")
        .unwrap();
    let found = entities_of(&tsv, NEWS);
    assert!(
        found.contains(&"Zarnowitzer Kreisbote/ORG".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"Gemeinderat/ORG".to_string()), "{found:?}");
    let list: JsValue = Array::of1(&name_entry("Kreisbote", "PER")).into();
    let found = entities_of(
        &JsAnnotator::with_names(list).map_err(|_| "threw").unwrap(),
        NEWS,
    );
    assert!(found.contains(&"Kreisbote/PER".to_string()), "{found:?}");

    let bad_lists: Vec<(JsValue, &str)> = vec![
        ("Kreisbote\tORG\nohne Tabulator".into(), "line 2"),
        ("Kreisbote\tFOO".into(), "line 1: unknown label"),
        (
            Array::of2(&name_entry("A", "PER"), &name_entry("B", "FOO")).into(),
            "names[1]: unknown label \"FOO\"",
        ),
        (
            Array::of1(&name_entry(" ", "PER")).into(),
            "names[0]: the name is empty",
        ),
        (Array::of1(&JsValue::from(5)).into(), "names[0]:"),
        (JsValue::from(5), "expected a TSV string or a list"),
    ];
    for (names, expected) in bad_lists {
        let message = error_message(JsAnnotator::with_names(names).err().expect("an error"));
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
}

/// Options are read with serde-wasm-bindgen: unknown fields are ignored, a wrong type throws.
#[wasm_bindgen_test]
fn options_of_the_wrong_type_throw() {
    let annotator = JsAnnotator::new();
    let other = Object::new();
    Reflect::set(&other, &"future".into(), &true.into()).unwrap();
    assert!(annotator.annotate("Köln", other.into()).is_ok());
    let number = Object::new();
    Reflect::set(&number, &"refDate".into(), &5.into()).unwrap();
    let message = error_message(annotator.annotate("Köln", number.into()).err().unwrap());
    assert!(message.starts_with("invalid options"), "{message}");
    assert!(annotator
        .annotate("Köln", JsValue::from("2025-10-28"))
        .is_err());
}

/// `warnings` crosses the boundary; `htmlDocument` renders what `annotate` returned.
#[wasm_bindgen_test]
fn warnings_and_the_html_document() {
    let annotator = JsAnnotator::new();
    let english = "On Tuesday, the President of the United States met Canada's Prime Minister in \
Washington to discuss trade. Officials said that the talks were productive.";
    for (text, warned) in [(english, true), (TEXT, false)] {
        let found = annotator
            .annotate(text, options("2025-10-28"))
            .map_err(|_| "threw")
            .unwrap();
        let warnings: Array = get(&found, "warnings").dyn_into().unwrap();
        assert_eq!(warnings.includes(&"not_german".into(), 0), warned, "{text}");
        let html = textmarker::wasm_html_document(text, found, "2025-10-28".into())
            .map_err(|_| "threw")
            .unwrap();
        assert_eq!(html.contains("data-warning=\"not_german\""), warned);
        // The same document as the core makes from its own result (the CLI's --html).
        let core = textmarker::Annotator::new().annotate(
            text,
            &textmarker::Options::with_ref_date("2025-10-28").unwrap(),
        );
        assert_eq!(
            html,
            textmarker::html_document(text, &core, textmarker::Date::new(2025, 10, 28))
        );
    }
}

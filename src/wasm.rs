//! The JavaScript facade (wasm32 only): plain objects in, plain objects out, offsets in
//! UTF-16 code units, errors as `Error` objects rather than traps.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::{Annotations, Date, EntityLabel, OffsetUnit, Options};

mod tape;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
declare global {
  /**
   * wasm-bindgen gives each class a `[Symbol.dispose]()` (for `using`). The default `lib` of
   * targets before ESNext does not declare `Symbol.dispose`: declared here, as ESNext does.
   */
  interface SymbolConstructor { readonly dispose: unique symbol; }
}

/** Options for `Annotator.annotate`. */
export interface AnnotateOptions {
  /**
   * The article's publication date, ISO 8601 ("2025-10-28" or "2025-10-28T14:00"). Without it,
   * the date of a dateline near the start of the text (`referenceDate`), as the CLI does.
   */
  refDate?: string;
}

export interface EntityMention {
  start: number; end: number; label: string; text: string; entity_id: number;
  /** `true` for the currency of a money figure ("Euro" in "5 Euro"): part of the figure, not a name. */
  figure_unit?: boolean;
  /** The mention in four classes on the span that names the thing ("deutsche" LOCderiv: LOC;
   *  "EU-Kommissar" ORGpart: the "EU" span as ORG), for linking names to an archive. */
  flat: FlatMention;
}
export interface FlatMention { start: number; end: number; label: "PER" | "LOC" | "ORG" | "OTH"; }
export interface EntityGroup { id: number; name: string; label: string; mentions: number; }
export type FigureValue =
  | number
  | string
  | { amount: number; unit: string; seconds?: number }
  | { min?: number | string; max?: number | string; unit?: string };
export interface Figure {
  start: number; end: number; kind: FigureKind;
  /** `null`: a relative date in a text without a reference date. */
  value: FigureValue | null; text: string;
  approx?: "about" | "more_than" | "less_than" | "at_least" | "at_most";
  mod?: "early" | "mid" | "late";
}
export interface Span { start: number; end: number; text: string; }
/** The cue is the finite verb; a separable verb's particle later in the clause ("kündigte … an") is `particle`. */
export interface Cue extends Span { particle?: Span; }
export interface Quote {
  start: number; end: number; kind: "direct" | "indirect"; text: string;
  /** `entity`: the id of the entity group the speaker is (or, for a pronoun, refers to);
   *  `confidence`: how likely the speaker model thinks it is right, 0–1. */
  speaker: (Span & { entity?: number; confidence: number }) | null; cue: Cue | null; group?: number;
}
/**
 * Cautions about the whole text: `"not_german"` when it does not look German (the marks will
 * be unreliable). Empty for most texts.
 */
export type Warning = "not_german";
/** Offsets are UTF-16 code units: `text.slice(start, end) === span.text`. */
export interface Annotations { entities: EntityMention[]; entity_groups: EntityGroup[]; figures: Figure[]; quotes: Quote[]; warnings: Warning[]; }
/** One of a newsroom's own names: `label` is PER, LOC, ORG, OTH or a deriv/part form such as LOCderiv. */
export interface NameEntry { name: string; label: string; }
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// For `cargo xtask bench --browser` only: milliseconds per pipeline stage over `texts`
/// (order in `stage_times::STAGES`). Not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = benchStages, skip_typescript)]
pub fn bench_stages(annotator: &JsAnnotator, texts: Vec<String>) -> Vec<f64> {
    crate::annotator::stage_times::measure(&annotator.inner, &texts, &performance_now)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_MARK_KINDS: &'static str = crate::kinds::MARK_KINDS_TS;

/// Finds entities, figures and quotations in German text. Build one and reuse it.
#[wasm_bindgen(js_name = Annotator)]
pub struct JsAnnotator {
    inner: crate::Annotator,
}

#[wasm_bindgen(js_class = Annotator)]
impl JsAnnotator {
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsAnnotator {
        JsAnnotator {
            inner: crate::Annotator::new(),
        }
    }

    /// An annotator that also knows a newsroom's own names, which take priority over the
    /// model: a TSV string (`name<TAB>label` per line; blank lines, `#` comments and a
    /// `name<TAB>label` header are skipped) or a list `[{name, label}]`. Throws an `Error` that
    /// names the line (or list entry) and what is wrong.
    #[wasm_bindgen(js_name = withNames)]
    pub fn with_names(
        #[wasm_bindgen(unchecked_param_type = "string | NameEntry[]")] names: JsValue,
    ) -> Result<JsAnnotator, JsError> {
        let tsv = names_tsv(names)?;
        let inner = crate::Annotator::new()
            .with_names(&tsv)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(JsAnnotator { inner })
    }

    /// Annotates `text`; offsets in the result are UTF-16 code units. Without a `refDate`, a
    /// dateline near the start of the text gives it (see `referenceDate`).
    #[wasm_bindgen(unchecked_return_type = "Annotations")]
    pub fn annotate(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "AnnotateOptions")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = parse_options(text, options)?;
        let annotations = self
            .inner
            .try_annotate(text, &options)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&annotations.into_offsets(text, OffsetUnit::Utf16))
    }
}

impl Default for JsAnnotator {
    fn default() -> Self {
        JsAnnotator::new()
    }
}

/// The largest text `annotate` accepts, in UTF-8 bytes.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    crate::MAX_INPUT_BYTES
}

/// The date a text's relative dates are resolved against when no `refDate` is given: the date
/// of its dateline ("2025-10-28", "28.10.2025", "3. Okt. 2015" among its first 300
/// characters), or `null`.
#[wasm_bindgen(js_name = referenceDate)]
pub fn reference_date(text: &str) -> Option<String> {
    crate::find_dateline(text).map(|date| date.to_string())
}

/// The kinds of marks, in the legend's order: `{layer, key, name, badge, colour}`.
#[wasm_bindgen(js_name = markKinds, unchecked_return_type = "MarkKind[]")]
pub fn mark_kinds() -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(crate::kinds::MARK_KINDS).map_err(|e| JsError::new(&e.to_string()))
}

/// The standalone HTML document for `text` and its annotations (UTF-16 offsets, as
/// `annotate` returns them or a JSON export holds them): the same document as the CLI's
/// `--html`. Spans whose offsets do not fit the text are left out, never mis-nested.
#[wasm_bindgen(js_name = htmlDocument)]
pub fn html_document(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Annotations")] annotations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] ref_date: JsValue,
) -> Result<String, JsError> {
    let mut annotations: Annotations = serde_wasm_bindgen::from_value(annotations)
        .map_err(|e| JsError::new(&format!("invalid annotations: {e}")))?;
    annotations.unit = OffsetUnit::Utf16;
    let ref_date = match ref_date.as_string() {
        Some(iso) if !iso.trim().is_empty() => {
            Some(Date::parse(iso.trim()).map_err(|e| JsError::new(&e.to_string()))?)
        }
        _ => None,
    };
    Ok(crate::html_document(text, &annotations, ref_date))
}

/// `{refDate}`; other fields are ignored, so that options can grow.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct JsOptions {
    #[serde(default)]
    ref_date: Option<String>,
}

fn parse_options(text: &str, options: JsValue) -> Result<Options, JsError> {
    let ref_date = if options.is_undefined() || options.is_null() {
        None
    } else {
        let options: JsOptions = serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
        options.ref_date
    };
    Options::for_text(text, ref_date.as_deref()).map_err(|e| JsError::new(&e.to_string()))
}

#[derive(Deserialize)]
struct NameEntry {
    name: String,
    label: String,
}

/// The names as the TSV the core reads: a string as given, a list checked entry by entry so
/// that an error names the entry.
fn names_tsv(names: JsValue) -> Result<String, JsError> {
    if let Some(tsv) = names.as_string() {
        return Ok(tsv);
    }
    if !js_sys::Array::is_array(&names) {
        return Err(JsError::new(
            "names: expected a TSV string or a list of {name, label}",
        ));
    }
    let mut tsv = String::new();
    for (index, entry) in js_sys::Array::from(&names).iter().enumerate() {
        let what = |message: String| JsError::new(&format!("names[{index}]: {message}"));
        let entry: NameEntry =
            serde_wasm_bindgen::from_value(entry).map_err(|e| what(e.to_string()))?;
        let name = entry.name.trim();
        if name.is_empty() {
            return Err(what("the name is empty".into()));
        }
        if name.contains(['\t', '\n', '\r']) {
            return Err(what(format!("the name {name:?} has a tab or line break")));
        }
        if EntityLabel::parse(entry.label.trim()).is_none() {
            return Err(what(format!(
                "unknown label {:?}: expected PER, LOC, ORG, OTH or a deriv/part form such as LOCderiv",
                entry.label
            )));
        }
        tsv.push_str(name);
        tsv.push('\t');
        tsv.push_str(entry.label.trim());
        tsv.push('\n');
    }
    Ok(tsv)
}

fn to_js(annotations: &Annotations) -> Result<JsValue, JsError> {
    tape::to_js(annotations).map_err(|e| JsError::new(&e.to_string()))
}

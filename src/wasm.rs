//! The JavaScript facade (wasm32 only): plain objects in, plain objects out, offsets in
//! UTF-16 code units, errors as `Error` objects rather than traps.

use wasm_bindgen::prelude::*;

use crate::{Annotations, OffsetUnit, Options};

mod tape;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options for `Annotator.annotate`. */
export interface AnnotateOptions {
  /** The article's publication date, ISO 8601 ("2025-10-28" or "2025-10-28T14:00"). */
  refDate?: string;
}

export interface EntityMention { start: number; end: number; label: string; text: string; entity_id: number; }
export interface EntityGroup { id: number; name: string; label: string; mentions: number; }
export type FigureValue =
  | number
  | string
  | { amount: number; unit: string; seconds?: number }
  | { min?: number | string; max?: number | string; unit?: string };
export interface Figure {
  start: number; end: number; kind: "number" | "ordinal" | "money" | "percent" | "date" | "time" | "duration" | "quantity";
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
  /** `entity`: the id of the entity group the speaker is (or, for a pronoun, refers to). */
  speaker: (Span & { entity?: number }) | null; cue: Cue | null; group?: number;
}
/** Offsets are UTF-16 code units: `text.slice(start, end) === span.text`. */
export interface Annotations { entities: EntityMention[]; entity_groups: EntityGroup[]; figures: Figure[]; quotes: Quote[]; }
"#;

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

    /// Annotates `text`; offsets in the result are UTF-16 code units.
    #[wasm_bindgen(unchecked_return_type = "Annotations")]
    pub fn annotate(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "AnnotateOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, JsError> {
        let options = parse_options(options)?;
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

/// Reads `{refDate}` by hand: serde's deserializer made several JS calls per option and added
/// 13 KB of code that the browser compiles on the first call.
fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new("invalid options: expected an object"));
    }
    let ref_date = js_sys::Reflect::get(&options, &JsValue::from_str("refDate"))
        .map_err(|_| JsError::new("invalid options: refDate cannot be read"))?;
    if ref_date.is_undefined() || ref_date.is_null() {
        return Ok(Options::default());
    }
    match ref_date.as_string() {
        Some(iso) if iso.trim().is_empty() => Ok(Options::default()),
        Some(iso) => Options::with_ref_date(&iso).map_err(|e| JsError::new(&e.to_string())),
        None => Err(JsError::new("invalid options: refDate must be a string")),
    }
}

fn to_js(annotations: &Annotations) -> Result<JsValue, JsError> {
    tape::to_js(annotations).map_err(|e| JsError::new(&e.to_string()))
}

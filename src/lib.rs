//! Textmarker marks up German news text: named entities (GermEval 2014 labels), figures
//! with their normalised values, and quotations with speaker and cue.
//!
//! ```
//! use textmarker::{Annotator, Options};
//!
//! let annotator = Annotator::new();
//! let options = Options::with_ref_date("2025-10-28").unwrap();
//! let text = "„Wir sind Verbündete“, sagte Trump am Dienstag in Tokio.";
//! let found = annotator.annotate(text, &options);
//! for figure in &found.figures {
//!     println!("{} {:?} {:?}", figure.kind.as_str(), &text[figure.start..figure.end], figure.value);
//! }
//! ```
//!
//! Offsets are UTF-8 byte offsets into the text; [`Annotations::into_offsets`] converts them
//! to code points or UTF-16 code units.

mod annotations;
mod annotator;
mod calendar;
mod dateline;
mod entities;
mod error;
mod figures;
mod hash;
mod html;
mod kinds;
mod language;
mod offsets;
mod options;
mod overlap;
mod quotes;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use crate::annotations::{
    Annotations, Approx, Cue, Entity, EntityGroup, EntityLabel, Figure, FigureKind, FigureValue,
    FlatSpan, Particle, PeriodPart, Quote, QuoteKind, RangeBound, Speaker, Warning,
};
pub use crate::annotator::{stage_times, stages, Annotator, MAX_INPUT_BYTES};
pub use crate::calendar::{ClockTime, Date, Weekday};
pub use crate::dateline::find_dateline;
pub use crate::error::Error;
pub use crate::html::html_document;
pub use crate::offsets::OffsetUnit;
pub use crate::options::Options;

/// For the tools only: the entity tagger's feature extraction and decoding (`cargo xtask train
/// ner`: training and tagging cannot drift apart), the speaker ranker's candidates and features
/// (`cargo xtask train quotes`) and the stylesheet rules made from the marks table (`cargo xtask
/// gen`). Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::entities::features::{token_spans, Extractor, Features};
    pub use crate::entities::lexicon::Lexicon;
    pub use crate::entities::lexicon_source;
    pub use crate::entities::tagger::{
        begin_tag, constrain_transitions, inside_tag, spans, viterbi, Model, Scratch, N_TAGS,
    };
    pub use crate::entities::{embedded_model, recognize_text};
    pub use crate::kinds::with_marks_css;
    /// For `cargo xtask train quotes`: the speaker ranker's candidates and features.
    #[cfg(not(target_arch = "wasm32"))]
    pub use crate::quotes::training_choices;
    pub use crate::quotes::{TrainingChoice, QUOTE_TABLE_BITS};
}

/// The JavaScript class `Annotator` and `htmlDocument`, exposed on wasm32 for the boundary tests.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub use crate::wasm::{html_document as wasm_html_document, JsAnnotator};

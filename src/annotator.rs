//! The pipeline: one pass over the text, each layer reading only what lies below it.

use crate::annotations::{Annotations, Warning};
use crate::error::Error;
use crate::options::Options;
use crate::text::Document;
use crate::{entities, figures, language, overlap, quotes};

/// The largest text the facades (CLI, JavaScript) accept: 16 MiB of UTF-8. `annotate` itself
/// takes any length in linear time; the limit keeps a browser tab responsive and its memory
/// bounded.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Finds entities, figures and quotations. Build it once (it unpacks the model and lexicons)
/// and reuse it for every text.
#[derive(Debug)]
pub struct Annotator {
    entities: entities::Recognizer,
    figures: figures::Recognizer,
    quotes: quotes::Recognizer,
}

impl Default for Annotator {
    fn default() -> Self {
        Annotator::new()
    }
}

impl Annotator {
    pub fn new() -> Annotator {
        Annotator {
            entities: entities::Recognizer::new(),
            figures: figures::Recognizer::new(),
            quotes: quotes::Recognizer::new(),
        }
    }

    /// The same annotator with a list of custom names: `name<TAB>label` lines (label PER,
    /// LOC, ORG, OTH or a deriv/part form; blank lines, `#` comments and a `name<TAB>label`
    /// header are skipped). They take priority over the model, longest match first, whole
    /// tokens only.
    pub fn with_names(self, tsv: &str) -> Result<Annotator, Error> {
        Ok(Annotator {
            entities: self.entities.with_names(tsv)?,
            ..self
        })
    }

    /// Annotates `text`. Offsets in the result are UTF-8 byte offsets. Never panics; text
    /// of any length and content gives a (possibly empty) result.
    pub fn annotate(&self, text: &str, options: &Options) -> Annotations {
        let doc = Document::new(text);
        let mut entities = self.entities.mentions(&doc);
        let mut figures = self.figures.recognize(&doc, options);
        let mut quotes = self.quotes.recognize(&doc, &entities);
        // Spans first, then what refers to them: groups count only the mentions that stay,
        // and speakers link to those groups.
        overlap::resolve(&mut quotes, &mut figures, &mut entities);
        let entity_groups = self.entities.group(&mut entities);
        self.quotes.link_speakers(&doc, &mut quotes, &entities);
        Annotations {
            entities,
            entity_groups,
            figures,
            quotes,
            warnings: language_warnings(&doc),
            ..Annotations::default()
        }
    }

    /// Like [`annotate`](Self::annotate), but refuses text over [`MAX_INPUT_BYTES`] with an
    /// error that says so: what the facades call.
    pub fn try_annotate(&self, text: &str, options: &Options) -> Result<Annotations, Error> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::input_too_large(text.len(), MAX_INPUT_BYTES));
        }
        Ok(self.annotate(text, options))
    }
}

fn language_warnings(doc: &Document) -> Vec<Warning> {
    if language::looks_german(doc) {
        Vec::new()
    } else {
        vec![Warning::NotGerman]
    }
}

/// Stage-by-stage entry points for the benchmarks (`benches/annotate.rs`): not part of the API.
#[doc(hidden)]
pub mod stages {
    use super::Annotator;
    use crate::annotations::Entity;
    use crate::options::Options;
    use crate::text::Document;

    /// A tokenised text, with the entities the quotes stage reads.
    pub struct Prepared<'t> {
        doc: Document<'t>,
        entities: Vec<Entity>,
    }

    pub fn tokenize(text: &str) -> usize {
        Document::new(text).tokens.len()
    }

    pub fn prepare<'t>(annotator: &Annotator, text: &'t str) -> Prepared<'t> {
        let doc = Document::new(text);
        let entities = annotator.entities.mentions(&doc);
        Prepared { doc, entities }
    }

    pub fn entities(annotator: &Annotator, prepared: &Prepared) -> usize {
        annotator.entities.mentions(&prepared.doc).len()
    }

    pub fn figures(annotator: &Annotator, prepared: &Prepared, options: &Options) -> usize {
        annotator.figures.recognize(&prepared.doc, options).len()
    }

    pub fn quotes(annotator: &Annotator, prepared: &Prepared) -> usize {
        annotator
            .quotes
            .recognize(&prepared.doc, &prepared.entities)
            .len()
    }
}

/// Stage-by-stage times of the real pipeline, for `cargo xtask bench --browser` (through the
/// module's hidden `benchStages`) and the native bench: not part of the API.
#[doc(hidden)]
pub mod stage_times {
    use super::{language_warnings, Annotator};
    use crate::entities::features::{Extractor, Features};
    use crate::entities::lexicon::Lexicon;
    use crate::options::Options;
    use crate::overlap;
    use crate::text::Document;

    /// What [`measure`] returns, in this order.
    pub const STAGES: [&str; 8] = [
        "tokenizer",
        "entity features",
        "tagger and grouping",
        "figures",
        "quotes",
        "overlap",
        "stages together",
        "annotate",
    ];

    /// Milliseconds per stage over `texts` (see [`STAGES`]), with `now` a clock in ms. The
    /// tagger's share is the entity layer less its feature extraction, measured on its own;
    /// "annotate" is one plain `annotate` of each text, for the boundary's share.
    pub fn measure(annotator: &Annotator, texts: &[String], now: &dyn Fn() -> f64) -> Vec<f64> {
        let options = Options::with_ref_date("2025-10-28").unwrap_or_default();
        let lexicon = Lexicon::embedded();
        let mut extractor = Extractor::new();
        let mut features = Features::default();
        let mut words: Vec<&str> = Vec::new();
        let mut ms = [0.0f64; STAGES.len()];
        for text in texts {
            let t0 = now();
            let doc = Document::new(text);
            let t1 = now();
            for sentence in &doc.sentences {
                words.clear();
                words.extend((sentence.start..sentence.end).map(|i| doc.token_text(i)));
                extractor.extract(&words, lexicon, &mut features);
                std::hint::black_box(features.len());
            }
            let t2 = now();
            let mut entities = annotator.entities.mentions(&doc);
            let t3 = now();
            let mut figures = annotator.figures.recognize(&doc, &options);
            let t4 = now();
            let mut quotes = annotator.quotes.recognize(&doc, &entities);
            let t5 = now();
            overlap::resolve(&mut quotes, &mut figures, &mut entities);
            let t6 = now();
            let entity_groups = annotator.entities.group(&mut entities);
            annotator.quotes.link_speakers(&doc, &mut quotes, &entities);
            let t7 = now();
            std::hint::black_box((entity_groups, figures, quotes, language_warnings(&doc)));
            let t8 = now();
            std::hint::black_box(annotator.annotate(text, &options));
            let t9 = now();
            let features_ms = t2 - t1;
            for (slot, add) in ms.iter_mut().zip([
                t1 - t0,
                features_ms,
                (t3 - t2 - features_ms).max(0.0) + (t7 - t6),
                t4 - t3,
                t5 - t4,
                t6 - t5,
                (t7 - t0) - features_ms,
                t9 - t8,
            ]) {
                *slot += add;
            }
        }
        ms.to_vec()
    }
}

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

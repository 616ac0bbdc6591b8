//! Figures. (Placeholder until the recogniser lands.)

use crate::annotations::Figure;
use crate::annotator::Options;
use crate::text::Document;

#[derive(Debug, Default)]
pub(crate) struct Recognizer {}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {}
    }

    pub fn recognize(&self, _doc: &Document, _options: &Options) -> Vec<Figure> {
        Vec::new()
    }
}

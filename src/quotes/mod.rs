//! Quotations. (Placeholder until the recogniser lands.)

use crate::annotations::{Entity, Quote};
use crate::text::Document;

#[derive(Debug, Default)]
pub(crate) struct Recognizer {}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {}
    }

    pub fn recognize(&self, _doc: &Document, _entities: &[Entity]) -> Vec<Quote> {
        Vec::new()
    }
}

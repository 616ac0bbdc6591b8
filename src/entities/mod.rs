//! Named entities. (Placeholder until the lexicon and model land.)

use crate::annotations::{Entity, EntityGroup};
use crate::text::Document;

#[derive(Debug, Default)]
pub(crate) struct Recognizer {}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {}
    }

    pub fn recognize(&self, _doc: &Document) -> (Vec<Entity>, Vec<EntityGroup>) {
        (Vec::new(), Vec::new())
    }
}

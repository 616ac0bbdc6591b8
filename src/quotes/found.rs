//! The recogniser's working records: quotes found so far and the last report named.

use std::ops::Range;

use super::frame::Frame;
use crate::annotations::QuoteKind;

/// A found quote in token indices, before it becomes a [`Quote`](crate::annotations::Quote).
pub(super) struct Found {
    pub tokens: Range<usize>,
    pub kind: QuoteKind,
    pub frame: Frame,
    pub group: Option<usize>,
    /// Framed from afar in its sentence or by continuation, not by a cue beside it.
    pub weak: bool,
}

/// The last speaker named, to continue reports without a frame of their own.
#[derive(Clone)]
pub(super) struct LastReport {
    pub frame: Frame,
    pub sentence: usize,
}

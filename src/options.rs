//! The settings of one annotation call. They live below the layers that read them
//! (`figures` resolves relative dates against `ref_date`), not in the pipeline above.

use crate::calendar::{parse_date_time, ClockTime, Date};
use crate::dateline::find_dateline;
use crate::error::Error;

/// Settings for one call of [`Annotator::annotate`](crate::Annotator::annotate).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The article's publication date: relative dates ("Dienstag", "vergangene Woche") are
    /// resolved against it. Without it they are found but get no value.
    pub ref_date: Option<Date>,
    /// The time of day of the reference, when known ("in zwei Stunden").
    pub ref_time: Option<ClockTime>,
}

impl Options {
    /// Options with the reference date read from an ISO 8601 date or date-time.
    pub fn with_ref_date(iso: &str) -> Result<Options, Error> {
        let (date, time) = parse_date_time(iso)?;
        Ok(Options {
            ref_date: Some(date),
            ref_time: time,
        })
    }

    /// The options every facade uses for `text`: the given reference date (ISO 8601; blank
    /// counts as none), else the date of the text's own dateline ([`find_dateline`]), else
    /// none. One rule, so that the CLI and the page resolve the same dates.
    pub fn for_text(text: &str, ref_date: Option<&str>) -> Result<Options, Error> {
        match ref_date.map(str::trim).filter(|iso| !iso.is_empty()) {
            Some(iso) => Options::with_ref_date(iso),
            None => Ok(Options {
                ref_date: find_dateline(text),
                ref_time: None,
            }),
        }
    }
}

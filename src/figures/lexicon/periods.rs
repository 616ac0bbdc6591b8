//! Words for periods relative to the reference date ("Vorwoche", "Vorjahresquartal",
//! "Monatsbeginn"), generated from their parts, and the prepositions that make an
//! early round number a year.

use super::grain::Grain;
use crate::annotations::PeriodPart;

/// Prepositions that make a round number below 1500 a year ("seit 1000"); without one it is a
/// count.
pub(crate) const EARLY_YEAR_PREPOSITIONS: [&str; 8] =
    ["im", "seit", "bis", "von", "ab", "nach", "vor", "anno"];

/// A word for the reference's period, shifted by `shift` periods of its grain, or its start,
/// middle or end ("Vorjahresmonat": the month 12 months back; "Jahresende": this year, late).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PeriodWord {
    pub grain: Grain,
    pub shift: i8,
    pub part: Option<PeriodPart>,
}

/// Periods a word can name relative to the reference: "Vor" + these is the one before
/// ("Vorjahr" is a year offset).
const RELATIVE_PERIODS: [(&str, Grain); 3] = [
    ("woche", Grain::Week),
    ("monat", Grain::Month),
    ("quartal", Grain::Quarter),
];

/// The first words of "Jahresende", "Monatsbeginn", "Vorjahresende": grain and shift.
const PERIOD_PART_STEMS: [(&str, Grain, i8); 5] = [
    ("wochen", Grain::Week, 0),
    ("monats", Grain::Month, 0),
    ("quartals", Grain::Quarter, 0),
    ("jahres", Grain::Year, 0),
    ("vorjahres", Grain::Year, -1),
];

const PERIOD_PARTS: [(&str, PeriodPart); 4] = [
    ("anfang", PeriodPart::Early),
    ("beginn", PeriodPart::Early),
    ("mitte", PeriodPart::Mid),
    ("ende", PeriodPart::Late),
];

/// Every spelling of a relative period word, with what it means.
pub(super) fn period_words() -> Vec<(String, PeriodWord)> {
    let mut words = Vec::new();
    for (stem, grain) in RELATIVE_PERIODS {
        for ending in ["", "s", "es"] {
            let word = PeriodWord {
                grain,
                shift: -1,
                part: None,
            };
            words.push((format!("vor{stem}{ending}"), word));
            // "Vorjahresmonat": the same month a year back.
            let periods_per_year = match grain {
                Grain::Month => 12,
                Grain::Quarter => 4,
                _ => continue,
            };
            let word = PeriodWord {
                grain,
                shift: -periods_per_year,
                part: None,
            };
            words.push((format!("vorjahres{stem}{ending}"), word));
        }
    }
    for (stem, grain, shift) in PERIOD_PART_STEMS {
        for (part_word, part) in PERIOD_PARTS {
            // "Wochenende" is the weekend.
            if grain == Grain::Week && part == PeriodPart::Late {
                continue;
            }
            let word = PeriodWord {
                grain,
                shift,
                part: Some(part),
            };
            for ending in ["", "s"] {
                words.push((format!("{stem}{part_word}{ending}"), word));
            }
        }
    }
    words
}

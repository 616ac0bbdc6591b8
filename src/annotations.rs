//! The result types: what `annotate` returns, and what every facade serialises.
//!
//! Spans are `start..end` offsets into the annotated text, end exclusive. The core produces
//! byte offsets; [`Annotations::into_offsets`] converts them once, at the edge.

use serde::{Deserialize, Serialize};

use crate::offsets::{self, OffsetUnit, Offsets};

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Annotations {
    /// Entity mentions, sorted by start.
    pub entities: Vec<Entity>,
    /// One row per entity: its mentions share [`Entity::entity_id`].
    pub entity_groups: Vec<EntityGroup>,
    /// Numbers, amounts, dates and other figures, sorted by start.
    pub figures: Vec<Figure>,
    /// Direct and indirect quotations, sorted by start.
    pub quotes: Vec<Quote>,
    /// What the reader should know about the text as a whole (empty for most texts).
    pub warnings: Vec<Warning>,
    #[serde(skip)]
    pub(crate) unit: OffsetUnit,
}

/// A caution about the whole text, serialised as `"not_german"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Warning {
    /// The text does not look German: the marks will be unreliable.
    NotGerman,
}

impl Warning {
    /// The serialised spelling: `not_german`.
    pub fn as_str(self) -> &'static str {
        match self {
            Warning::NotGerman => "not_german",
        }
    }
}

/// A mention of a named entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
    pub text: String,
    /// Shared by all mentions of one entity; indexes [`Annotations::entity_groups`].
    pub entity_id: usize,
    /// The mention is the currency of a money figure ("Euro" in "472,51 Mrd. Euro"). GermEval
    /// labels currency names OTH, so the mention stays, but a reading view should present it
    /// as part of the figure, not as a name. Serialised only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub figure_unit: bool,
    /// The mention in four classes, on the span that names the thing: what a tool that links
    /// names to an archive reads. Always set by `annotate`; absent only in results read from
    /// exports that predate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat: Option<FlatSpan>,
}

/// An entity's flat view: the label is PER, LOC, ORG or OTH ("deutsche" LOCderiv is LOC on
/// the same span; "EU-Kommissar" ORGpart is the "EU" span as ORG).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlatSpan {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

/// An entity with all its mentions counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityGroup {
    pub id: usize,
    /// The fullest form among the mentions ("Donald Trump" for "Trump", "Trumps").
    pub name: String,
    pub label: EntityLabel,
    pub mentions: usize,
}

/// GermEval 2014's outer labels: four classes, each also as a derivation ("japanische")
/// or as part of a compound ("US-Präsident").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityLabel {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "ORG")]
    Organisation,
    #[serde(rename = "OTH")]
    Other,
    #[serde(rename = "PERderiv")]
    PersonDeriv,
    #[serde(rename = "LOCderiv")]
    LocationDeriv,
    #[serde(rename = "ORGderiv")]
    OrganisationDeriv,
    #[serde(rename = "OTHderiv")]
    OtherDeriv,
    #[serde(rename = "PERpart")]
    PersonPart,
    #[serde(rename = "LOCpart")]
    LocationPart,
    #[serde(rename = "ORGpart")]
    OrganisationPart,
    #[serde(rename = "OTHpart")]
    OtherPart,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 12] = [
        EntityLabel::Person,
        EntityLabel::Location,
        EntityLabel::Organisation,
        EntityLabel::Other,
        EntityLabel::PersonDeriv,
        EntityLabel::LocationDeriv,
        EntityLabel::OrganisationDeriv,
        EntityLabel::OtherDeriv,
        EntityLabel::PersonPart,
        EntityLabel::LocationPart,
        EntityLabel::OrganisationPart,
        EntityLabel::OtherPart,
    ];

    /// The GermEval spelling: "PER", "LOCderiv", "ORGpart".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Location => "LOC",
            EntityLabel::Organisation => "ORG",
            EntityLabel::Other => "OTH",
            EntityLabel::PersonDeriv => "PERderiv",
            EntityLabel::LocationDeriv => "LOCderiv",
            EntityLabel::OrganisationDeriv => "ORGderiv",
            EntityLabel::OtherDeriv => "OTHderiv",
            EntityLabel::PersonPart => "PERpart",
            EntityLabel::LocationPart => "LOCpart",
            EntityLabel::OrganisationPart => "ORGpart",
            EntityLabel::OtherPart => "OTHpart",
        }
    }

    /// Parses the GermEval spelling, case-insensitively.
    pub fn parse(label: &str) -> Option<EntityLabel> {
        EntityLabel::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(label))
    }

    /// The class without its deriv/part form: `LOCderiv` → `LOC`.
    pub fn base(self) -> EntityLabel {
        EntityLabel::ALL[self as usize % 4]
    }
}

/// What kind of figure a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Number,
    Ordinal,
    Money,
    Percent,
    Date,
    Time,
    Duration,
    Quantity,
}

impl FigureKind {
    pub const ALL: [FigureKind; 8] = [
        FigureKind::Number,
        FigureKind::Ordinal,
        FigureKind::Money,
        FigureKind::Percent,
        FigureKind::Date,
        FigureKind::Time,
        FigureKind::Duration,
        FigureKind::Quantity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Number => "number",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Date => "date",
            FigureKind::Time => "time",
            FigureKind::Duration => "duration",
            FigureKind::Quantity => "quantity",
        }
    }
}

/// A figure with its normalised value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub value: FigureValue,
    pub text: String,
    /// An approximator before the span ("rund", "mehr als"), which stays outside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// "Anfang/Mitte/Ende Oktober": which part of the period.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<PeriodPart>,
}

/// A figure's normalised value, serialised as the JSON the contract documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FigureValue {
    /// number, ordinal, percent: `15`.
    Number(f64),
    /// date and time: ISO 8601 at the expression's grain (`2025-10`, `2025-10-28T14:30`),
    /// intervals as `start/end`.
    Iso(String),
    /// money, quantity, duration, percentage points: `{"amount": 550e9, "unit": "USD"}`;
    /// durations of fixed length also carry `seconds`.
    Amount {
        amount: f64,
        unit: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        seconds: Option<f64>,
    },
    /// Ranges: `{"min": 5, "max": 7}`, with `unit` for money, quantities and durations.
    Range {
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<RangeBound>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<RangeBound>,
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// `null`: a relative date ("gestern", "Dienstag") in a text without a reference date.
    Unresolved,
}

/// One end of a range: a number, or an ISO 8601 string for dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RangeBound {
    Number(f64),
    Iso(String),
}

/// How an approximator qualifies a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    About,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
}

/// "Anfang", "Mitte", "Ende" of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodPart {
    Early,
    Mid,
    Late,
}

/// A quotation: direct speech with its marks, or reported (indirect) speech.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub text: String,
    pub speaker: Option<Speaker>,
    pub cue: Option<Cue>,
    /// Shared by the parts of one quote interrupted by its frame („…“, sagte X, „…“).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// Who is quoted, as written ("der Minister", "sie", "Trump").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The [`EntityGroup::id`] the mention refers to, when one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// How likely the speaker model thinks this speaker is right, 0–1 (three decimals).
    #[serde(default)]
    pub confidence: f64,
}

/// The word or phrase that attributes a quote ("sagte", "laut", "zufolge"). For a separable
/// verb the span is the finite verb and `particle` the particle later in the clause
/// ("kündigte" … "an").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub particle: Option<Particle>,
}

/// The separable particle of a cue's verb ("an" of "kündigte … an").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Particle {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Annotations {
    /// The unit the offsets are in: bytes as returned by `annotate`.
    pub fn offset_unit(&self) -> OffsetUnit {
        self.unit
    }

    /// The same annotations with every offset in `unit`. `text` must be the annotated text.
    pub fn into_offsets(mut self, text: &str, unit: OffsetUnit) -> Annotations {
        let from = self.unit;
        offsets::convert(&mut self, text, from, unit);
        self.unit = unit;
        self
    }
}

impl Offsets for Annotations {
    /// Visits every offset: spans of entities, figures, quotes, speakers and cues.
    fn for_each_offset(&mut self, mut visit: impl FnMut(&mut usize)) {
        for e in &mut self.entities {
            visit(&mut e.start);
            visit(&mut e.end);
            if let Some(flat) = &mut e.flat {
                visit(&mut flat.start);
                visit(&mut flat.end);
            }
        }
        for f in &mut self.figures {
            visit(&mut f.start);
            visit(&mut f.end);
        }
        for q in &mut self.quotes {
            visit(&mut q.start);
            visit(&mut q.end);
            if let Some(s) = &mut q.speaker {
                visit(&mut s.start);
                visit(&mut s.end);
            }
            if let Some(c) = &mut q.cue {
                visit(&mut c.start);
                visit(&mut c.end);
                if let Some(p) = &mut c.particle {
                    visit(&mut p.start);
                    visit(&mut p.end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_reduce_to_base() {
        for label in EntityLabel::ALL {
            assert_eq!(EntityLabel::parse(label.as_str()), Some(label));
        }
        assert_eq!(EntityLabel::LocationDeriv.base(), EntityLabel::Location);
        assert_eq!(EntityLabel::OtherPart.base(), EntityLabel::Other);
        assert_eq!(EntityLabel::parse("MISC"), None);
    }

    #[test]
    fn into_offsets_converts_every_span_and_records_the_unit() {
        // „ and ß are one code point of three and two bytes.
        let text = "„Straße“, sagte Köln.";
        let span = |word: &str| {
            let start = text.find(word).unwrap();
            (start, start + word.len())
        };
        let (start, end) = span("Köln");
        let entity = Entity {
            start,
            end,
            label: EntityLabel::Location,
            text: "Köln".into(),
            entity_id: 0,
            figure_unit: false,
            flat: None,
        };
        let (start, end) = span("Straße");
        let figure = Figure {
            start,
            end,
            kind: FigureKind::Number,
            value: FigureValue::Number(1.0),
            text: "Straße".into(),
            approx: None,
            modifier: None,
        };
        let (start, end) = span("„Straße“");
        let (speaker_start, speaker_end) = span("Köln");
        let (cue_start, cue_end) = span("sagte");
        let quote = Quote {
            start,
            end,
            kind: QuoteKind::Direct,
            text: "„Straße“".into(),
            speaker: Some(Speaker {
                start: speaker_start,
                end: speaker_end,
                text: "Köln".into(),
                entity: None,
                confidence: 1.0,
            }),
            cue: Some(Cue {
                start: cue_start,
                end: cue_end,
                text: "sagte".into(),
                particle: None,
            }),
            group: None,
        };
        let bytes = Annotations {
            entities: vec![entity],
            figures: vec![figure],
            quotes: vec![quote],
            ..Annotations::default()
        };
        assert_eq!(bytes.offset_unit(), OffsetUnit::Bytes);

        let found = bytes.clone().into_offsets(text, OffsetUnit::CodePoints);
        assert_eq!(found.offset_unit(), OffsetUnit::CodePoints);
        let chars: Vec<char> = text.chars().collect();
        let slice = |start: usize, end: usize| chars[start..end].iter().collect::<String>();
        let quote = &found.quotes[0];
        let (speaker, cue) = (quote.speaker.as_ref().unwrap(), quote.cue.as_ref().unwrap());
        let spans = [
            (
                &found.entities[0].text,
                found.entities[0].start,
                found.entities[0].end,
            ),
            (
                &found.figures[0].text,
                found.figures[0].start,
                found.figures[0].end,
            ),
            (&quote.text, quote.start, quote.end),
            (&speaker.text, speaker.start, speaker.end),
            (&cue.text, cue.start, cue.end),
        ];
        for (expected, start, end) in spans {
            assert_eq!(&slice(start, end), expected);
        }
        // Converting back from the recorded unit restores the byte offsets.
        assert_eq!(found.into_offsets(text, OffsetUnit::Bytes), bytes);
    }
}

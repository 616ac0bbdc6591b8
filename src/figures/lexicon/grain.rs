//! The grain of a period word, as a date grain and as a duration unit.

/// The grain of a period word ("Woche", "Jahren").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Grain {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Grain {
    /// The unit name of a duration, and its length in seconds (a month is 30 days, a year 365).
    pub fn duration_unit(self) -> (&'static str, f64) {
        const DAY: f64 = 86_400.0;
        match self {
            Grain::Second => ("second", 1.0),
            Grain::Minute => ("minute", 60.0),
            Grain::Hour => ("hour", 3_600.0),
            Grain::Day => ("day", DAY),
            Grain::Week => ("week", 7.0 * DAY),
            Grain::Month => ("month", 30.0 * DAY),
            Grain::Quarter => ("month", 90.0 * DAY),
            Grain::Year => ("year", 365.0 * DAY),
            Grain::Decade => ("year", 3_650.0 * DAY),
            Grain::Century => ("year", 36_500.0 * DAY),
            Grain::Millennium => ("year", 365_000.0 * DAY),
        }
    }

    /// How many of the duration unit one period holds ("Jahrzehnt" = 10 years).
    pub fn unit_factor(self) -> f64 {
        match self {
            Grain::Quarter => 3.0,
            Grain::Decade => 10.0,
            Grain::Century => 100.0,
            Grain::Millennium => 1000.0,
            _ => 1.0,
        }
    }
}

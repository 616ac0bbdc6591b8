//! The words figures are made of, looked up by their lowercase spelling in one hash probe.

use crate::annotations::{Approx, PeriodPart};
use crate::calendar::{full_month_names, MONTH_ABBREVIATIONS};
use crate::hash::FxMap;

mod holidays;
mod units;

pub(crate) use holidays::{HebrewFeast, HolidayRule, HOLIDAYS};
use units::{CURRENCIES, CURRENCY_ADJECTIVES, RATIO_UNITS, UNITS};

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

/// Parts of the day ("Morgen", "abends").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Early,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// Whether a clock hour 1…11 in this part means the afternoon/evening reading.
    pub fn is_pm(self) -> bool {
        matches!(self, DayPart::Afternoon | DayPart::Evening)
    }
}

/// What a word can contribute to a figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Lex {
    /// "ein", "eine", "einem": one, but usually just the article.
    Article,
    /// "Million", "Mrd", "Dutzend": multiplies the number before it.
    Scale(f64),
    /// "Drittel", "Hälfte", "halbe": a fraction.
    Fraction(f64),
    Month(u8),
    /// "Jan", "Okt": a month only next to a day or year.
    MonthAbbrev(u8),
    /// A weekday, possibly with a part of the day ("Samstagnachmittag").
    Weekday(u8),
    /// "heute" 0, "gestern" -1, "übermorgen" 2.
    DayOffset(i8),
    DayPart(DayPart),
    /// "Vorjahr", "diesjährigen": a year relative to the reference.
    YearOffset(i8),
    /// "vergangenen", "kommenden", "diesem": shifts the period that follows.
    Shift(i8),
    /// "Jahr", "Wochen", "Sekunden": a period, as a duration unit or a date grain.
    Period(Grain),
    /// "Quartal".
    Quarter,
    Currency(&'static str),
    /// "kanadischen": picks the currency of the word after it.
    CurrencyAdjective(&'static str),
    /// A unit of measure, as its symbol.
    Unit(&'static str),
    Percent,
    PercentPoints,
    Approx(Approx),
    /// "mehr", "weniger", "bis", "nicht": an approximator with "als"/"zu" after it.
    ApproxHead,
    Uhr,
    PeriodPart(PeriodPart),
    /// "Frühling" … "Winter", as TIMEX3 season codes.
    Season(&'static str),
    /// The first word of a holiday name: index into the holiday table.
    Holiday(u8),
    /// "Artikel", "Nr", "Flug": a number after it is an identifier.
    Identifier,
    /// "Platz", "Position": a rank written as a cardinal.
    Rank,
    /// "mal", "Mal": a frequency after a number.
    Times,
    /// "komma": a decimal comma spelled out.
    Comma,
    /// "alt", "alte": an age after a duration.
    Old,
    /// A word that may start a figure and means nothing alone ("um", "vor", "zwischen").
    Trigger,
}

/// The longest word worth looking up; longer words are compounds no table holds.
pub(crate) const MAX_WORD: usize = 64;

/// Lowercases `word` into `buffer` (ASCII and German umlauts; other letters are kept), or
/// returns `None` when it does not fit.
pub(crate) fn lowercase<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let bytes = lowercase_bytes(word, buffer)?;
    std::str::from_utf8(bytes).ok()
}

/// Like [`lowercase`], as bytes: the UTF-8 of the lowercase word without checking it again.
pub(crate) fn lowercase_bytes<'b>(word: &str, buffer: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    let out = &mut buffer[..bytes.len()];
    let mut previous = 0u8;
    for (o, &b) in out.iter_mut().zip(bytes) {
        // Ä Ö Ü (C3 84/96/9C) → ä ö ü (C3 A4/B6/BC).
        let umlaut = previous == 0xC3 && matches!(b, 0x84 | 0x96 | 0x9C);
        *o = if umlaut {
            b + 0x20
        } else {
            b.to_ascii_lowercase()
        };
        previous = b;
    }
    Some(out)
}

pub(crate) struct Lexicon {
    words: FxMap<Box<[u8]>, Lex>,
    /// A Bloom-style bit set over (length, first two bytes, last byte) of every word: most
    /// words of running text miss it and are never copied or hashed.
    shapes: Box<[u64; SHAPE_WORDS]>,
}

const SHAPE_LOG2: u32 = 15;
const SHAPE_BITS: usize = 1 << SHAPE_LOG2;
const SHAPE_WORDS: usize = SHAPE_BITS / 64;

/// The lowercase byte at `at` of a word (ASCII, and the second byte of Ä Ö Ü).
pub(crate) fn lower_byte(bytes: &[u8], at: usize) -> u8 {
    let b = bytes.get(at).copied().unwrap_or(0);
    if at > 0 && bytes[at - 1] == 0xC3 && matches!(b, 0x84 | 0x96 | 0x9C) {
        b + 0x20
    } else {
        b.to_ascii_lowercase()
    }
}

/// The shape bit of a word, the same for every spelling [`lowercase`] maps to one word:
/// `| 0x20` folds A–Z and the second bytes of Ä Ö Ü onto their lowercase forms.
pub(crate) fn shape(bytes: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return 0;
    };
    let second = bytes.get(1).copied().unwrap_or(0);
    let key = u32::from_le_bytes([first | 0x20, second | 0x20, last | 0x20, bytes.len() as u8]);
    (key.wrapping_mul(0x9E37_79B1) >> (32 - SHAPE_LOG2)) as usize
}

const COUNTED_YEAR_STEMS: [&str; 6] = ["lebens", "dienst", "amts", "berufs", "ehe", "arbeits"];

pub(crate) const WEEKDAYS: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// Part-of-day words, also as the tail of a weekday compound ("Freitagmorgen").
pub(crate) const DAY_PARTS: [(&str, DayPart); 14] = [
    ("früh", DayPart::Early),
    ("frühmorgens", DayPart::Early),
    ("morgen", DayPart::Morning),
    ("morgens", DayPart::Morning),
    ("vormittag", DayPart::Morning),
    ("vormittags", DayPart::Morning),
    ("mittag", DayPart::Noon),
    ("mittags", DayPart::Noon),
    ("nachmittag", DayPart::Afternoon),
    ("nachmittags", DayPart::Afternoon),
    ("abend", DayPart::Evening),
    ("abends", DayPart::Evening),
    ("nacht", DayPart::Night),
    ("nachts", DayPart::Night),
];

const PERIODS: &[(&str, Grain)] = &[
    ("sekunde", Grain::Second),
    ("sekunden", Grain::Second),
    ("sek", Grain::Second),
    ("minute", Grain::Minute),
    ("minuten", Grain::Minute),
    ("min", Grain::Minute),
    ("stunde", Grain::Hour),
    ("stunden", Grain::Hour),
    ("std", Grain::Hour),
    ("st", Grain::Hour),
    ("tag", Grain::Day),
    ("tage", Grain::Day),
    ("tagen", Grain::Day),
    ("tages", Grain::Day),
    ("woche", Grain::Week),
    ("wochen", Grain::Week),
    ("monat", Grain::Month),
    ("monate", Grain::Month),
    ("monaten", Grain::Month),
    ("monats", Grain::Month),
    ("jahr", Grain::Year),
    ("jahre", Grain::Year),
    ("jahren", Grain::Year),
    ("jahres", Grain::Year),
    ("jahrs", Grain::Year),
    ("jahrzehnt", Grain::Decade),
    ("jahrzehnte", Grain::Decade),
    ("jahrzehnten", Grain::Decade),
    ("jahrhundert", Grain::Century),
    ("jahrhunderte", Grain::Century),
    ("jahrhunderten", Grain::Century),
    ("jahrtausend", Grain::Millennium),
    ("jahrtausende", Grain::Millennium),
    ("jahrtausenden", Grain::Millennium),
];

const SHIFTS: &[(&str, i8)] = &[
    ("vergangen", -1),
    ("letzt", -1),
    ("vorig", -1),
    ("vorletzt", -2),
    ("dies", 0),
    ("laufend", 0),
    ("ablaufend", 0),
    ("aktuell", 0),
    ("nächst", 1),
    ("kommend", 1),
    ("folgend", 1),
    ("übernächst", 2),
];

/// The symbol of a quantity of `numerator` per `denominator`, where we know that unit.
pub(crate) fn ratio_unit(numerator: &str, denominator: &str) -> Option<&'static str> {
    RATIO_UNITS
        .iter()
        .find(|(n, d, _)| *n == numerator && *d == denominator)
        .map(|(_, _, symbol)| *symbol)
}

const APPROXIMATORS: &[(&str, Approx)] = &[
    ("rund", Approx::About),
    ("etwa", Approx::About),
    ("ca", Approx::About),
    ("zirka", Approx::About),
    ("circa", Approx::About),
    ("ungefähr", Approx::About),
    ("gegen", Approx::About),
    ("gerundet", Approx::About),
    ("schätzungsweise", Approx::About),
    ("annähernd", Approx::About),
    ("über", Approx::MoreThan),
    ("gut", Approx::MoreThan),
    ("knapp", Approx::LessThan),
    ("fast", Approx::LessThan),
    ("beinahe", Approx::LessThan),
    ("nahezu", Approx::LessThan),
    ("unter", Approx::LessThan),
    ("mindestens", Approx::AtLeast),
    ("wenigstens", Approx::AtLeast),
    ("frühestens", Approx::AtLeast),
    ("maximal", Approx::AtMost),
    ("höchstens", Approx::AtMost),
    ("spätestens", Approx::AtMost),
];

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut words: FxMap<Box<[u8]>, Lex> = FxMap::default();
        let mut add = |word: &str, lex: Lex| {
            words.entry(word.as_bytes().into()).or_insert(lex);
        };
        // Holidays first: their first word may also be a plain word ("tag", "ersten").
        for (index, (name, _)) in HOLIDAYS.iter().enumerate() {
            if name.len() == 1 {
                add(name[0], Lex::Holiday(index as u8));
            }
        }
        for word in ["ein", "eine", "einen", "einem", "einer", "eines"] {
            add(word, Lex::Article);
        }
        for (word, scale) in [
            ("tausend", 1e3),
            ("tsd", 1e3),
            ("million", 1e6),
            ("millionen", 1e6),
            ("mio", 1e6),
            ("mill", 1e6),
            ("milliarde", 1e9),
            ("milliarden", 1e9),
            ("mrd", 1e9),
            ("md", 1e9),
            ("billion", 1e12),
            ("billionen", 1e12),
            ("bio", 1e12),
            ("dutzend", 12.0),
        ] {
            add(word, Lex::Scale(scale));
        }
        for (word, fraction) in [
            ("hälfte", 0.5),
            ("halb", 0.5),
            ("halbe", 0.5),
            ("halben", 0.5),
            ("halber", 0.5),
            ("halbes", 0.5),
            ("halbem", 0.5),
            ("drittel", 1.0 / 3.0),
            ("viertel", 0.25),
            ("fünftel", 0.2),
            ("sechstel", 1.0 / 6.0),
            ("siebtel", 1.0 / 7.0),
            ("achtel", 0.125),
            ("zehntel", 0.1),
            ("hundertstel", 0.01),
            ("tausendstel", 0.001),
            ("dreiviertel", 0.75),
        ] {
            add(word, Lex::Fraction(fraction));
        }
        for (name, month) in full_month_names() {
            add(&name.to_lowercase(), Lex::Month(month));
        }
        for (word, month) in MONTH_ABBREVIATIONS {
            add(&word.to_lowercase(), Lex::MonthAbbrev(month));
        }
        for (index, day) in WEEKDAYS.iter().enumerate() {
            add(day, Lex::Weekday(index as u8));
        }
        add("sonnabend", Lex::Weekday(5));
        for (word, offset) in [
            ("heute", 0),
            ("gestern", -1),
            ("vorgestern", -2),
            ("übermorgen", 2),
            ("vortag", -1),
            ("vortages", -1),
        ] {
            add(word, Lex::DayOffset(offset));
        }
        // "am gestrigen Freitag", "die morgige Sitzung" ("heutig-" also means nowadays).
        for (stem, offset) in [("gestrig", -1), ("vorgestrig", -2), ("morgig", 1)] {
            for ending in ["e", "en", "er", "es", "em"] {
                add(&format!("{stem}{ending}"), Lex::DayOffset(offset));
            }
        }
        for (word, part) in DAY_PARTS {
            // "morgen" is tomorrow unless a day word precedes it; the grammar decides.
            add(word, Lex::DayPart(part));
        }
        for (word, offset) in [
            ("vorjahr", -1),
            ("vorjahres", -1),
            ("vorjahrs", -1),
            // Austrian and Bavarian "this year".
            ("heuer", 0),
            ("diesjährig", 0),
            ("diesjährige", 0),
            ("diesjährigen", 0),
            ("diesjähriger", 0),
            ("diesjähriges", 0),
            ("diesjährigem", 0),
        ] {
            add(word, Lex::YearOffset(offset));
        }
        for (stem, shift) in SHIFTS {
            for ending in ["e", "en", "er", "es", "em"] {
                add(&format!("{stem}{ending}"), Lex::Shift(*shift));
            }
        }
        add("dieser", Lex::Shift(0));
        for (word, grain) in PERIODS {
            add(word, Lex::Period(*grain));
        }
        for stem in COUNTED_YEAR_STEMS {
            for ending in ["jahre", "jahren"] {
                add(&format!("{stem}{ending}"), Lex::Period(Grain::Year));
            }
        }
        for word in ["quartal", "quartals", "quartale", "quartalen"] {
            add(word, Lex::Quarter);
        }
        for (word, code) in CURRENCIES {
            add(word, Lex::Currency(code));
        }
        for (stem, code) in CURRENCY_ADJECTIVES {
            for ending in ["e", "en", "er", "es", "em", ""] {
                add(&format!("{stem}{ending}"), Lex::CurrencyAdjective(code));
            }
        }
        for (word, unit) in UNITS {
            add(word, Lex::Unit(unit));
        }
        for word in ["prozent", "%", "vh", "pct"] {
            add(word, Lex::Percent);
        }
        for word in [
            "prozentpunkt",
            "prozentpunkte",
            "prozentpunkten",
            "prozentpunkts",
        ] {
            add(word, Lex::PercentPoints);
        }
        for (word, approx) in APPROXIMATORS {
            add(word, Lex::Approx(*approx));
        }
        for word in ["mehr", "weniger", "bis", "nicht"] {
            add(word, Lex::ApproxHead);
        }
        add("uhr", Lex::Uhr);
        for (word, part) in [
            ("anfang", PeriodPart::Early),
            ("beginn", PeriodPart::Early),
            ("mitte", PeriodPart::Mid),
            ("ende", PeriodPart::Late),
        ] {
            add(word, Lex::PeriodPart(part));
        }
        for (word, code) in [
            ("frühling", "SP"),
            ("frühjahr", "SP"),
            ("sommer", "SU"),
            ("herbst", "FA"),
            ("winter", "WI"),
        ] {
            add(word, Lex::Season(code));
        }
        for word in [
            "artikel",
            "art",
            "paragraph",
            "paragraf",
            "paragraphen",
            "paragrafen",
            "§",
            "§§",
            "abs",
            "absatz",
            "nr",
            "nummer",
            "flug",
            "flugnummer",
            "kanal",
            "halle",
            "gleis",
            "linie",
            "buslinie",
            "hausnummer",
            "zimmer",
            "raum",
            "route",
            "bundesstraße",
            "autobahn",
            "band",
            "bd",
            "kapitel",
            "seite",
            "s",
            "version",
            "modell",
            "typ",
            "tel",
            "telefon",
            "pkt",
            "postfach",
            "apollo",
            "sojus",
            "gemini",
            "boeing",
            "airbus",
        ] {
            add(word, Lex::Identifier);
        }
        for word in [
            "platz",
            "plätze",
            "platzes",
            "position",
            "rang",
            "startnummer",
        ] {
            add(word, Lex::Rank);
        }
        for word in ["mal", "male"] {
            add(word, Lex::Times);
        }
        add("komma", Lex::Comma);
        for word in [
            "um",
            "vor",
            "in",
            "von",
            "vom",
            "zwischen",
            "laufe",
            "laufes",
            "im",
            "minus",
            "negativ",
            "heilige",
            "heiligen",
            "christi",
            "-",
            "−",
            "orthodoxe",
            "orthodoxen",
            "orthodoxer",
            "sauberer",
            "sauberen",
            "weißer",
            "weißen",
            // First words of Hebrew feasts and of the Swiss day of prayer.
            "rosch",
            "rosh",
            "jom",
            "yom",
            "tu",
            "schmini",
            "shemini",
            "eidgenössischer",
            "parsi",
        ] {
            add(word, Lex::Trigger);
        }
        for word in ["alt", "alte", "alten", "alter", "altes", "altem"] {
            add(word, Lex::Old);
        }
        let mut shapes = Box::new([0u64; SHAPE_WORDS]);
        for word in words.keys() {
            let bit = shape(word);
            shapes[bit / 64] |= 1 << (bit % 64);
        }
        Lexicon { words, shapes }
    }

    /// The entry of an already lowercased word.
    pub fn get(&self, lowercase: &str) -> Option<Lex> {
        self.get_bytes(lowercase.as_bytes())
    }

    /// The entry of an already lowercased word, as bytes.
    pub fn get_bytes(&self, lowercase: &[u8]) -> Option<Lex> {
        if lowercase.is_empty() || !self.may_hold(lowercase) {
            return None;
        }
        self.words.get(lowercase).copied()
    }

    /// The entry of an already lowercased word, without the shape test.
    pub fn get_unfiltered(&self, lowercase: &[u8]) -> Option<Lex> {
        self.words.get(lowercase).copied()
    }

    /// Whether the word (in any case) may be in the lexicon: false for most words.
    pub fn may_hold(&self, word: &[u8]) -> bool {
        let bit = shape(word);
        self.shapes[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Whether a lowercased word is a weekday with a part of the day glued on ("freitagmorgen").
pub(crate) fn weekday_compound(lowercase: &str) -> Option<(u8, DayPart)> {
    let (index, day) = WEEKDAYS
        .iter()
        .enumerate()
        .chain(std::iter::once((5, &"sonnabend")))
        .find(|(_, day)| lowercase.starts_with(**day))?;
    let rest = &lowercase[day.len()..];
    let part = DAY_PARTS.iter().find(|(word, _)| *word == rest)?.1;
    Some((index as u8, part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_lowercased_words() {
        let lexicon = Lexicon::new();
        let mut buffer = [0u8; MAX_WORD];
        let cases = [
            ("Oktober", Some(Lex::Month(10))),
            ("ÜBERMORGEN", Some(Lex::DayOffset(2))),
            ("Milliarden", Some(Lex::Scale(1e9))),
            ("US-Dollar", Some(Lex::Currency("USD"))),
            ("vergangenen", Some(Lex::Shift(-1))),
            ("Abkommen", None),
            ("die", None),
            ("so", None),
            ("mit", None),
        ];
        for (word, expected) in cases {
            let lower = lowercase(word, &mut buffer).unwrap();
            assert_eq!(lexicon.get(lower), expected, "{word}");
        }
        // The shape filter lets every spelling of a lexicon word through.
        for word in [
            "Oktober",
            "OKTOBER",
            "Übermorgen",
            "ÜBERMORGEN",
            "März",
            "MÄRZ",
            "€",
            "%",
        ] {
            assert!(lexicon.may_hold(word.as_bytes()), "{word}");
        }
        for (word, _) in lexicon.words.iter() {
            assert!(
                lexicon.may_hold(word),
                "{:?}",
                String::from_utf8_lossy(word)
            );
        }
        assert_eq!(
            weekday_compound("samstagnachmittag"),
            Some((5, DayPart::Afternoon))
        );
        assert_eq!(weekday_compound("montagsausgabe"), None);
    }
}

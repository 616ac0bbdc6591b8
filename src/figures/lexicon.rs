//! The words figures are made of, looked up by their lowercase spelling in one hash probe.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::annotations::{Approx, PeriodPart};

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

/// FxHash: a multiply-rotate hash, far cheaper than SipHash on short words.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

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

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mär", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("nov", 11),
    ("dez", 12),
];

/// Austrian month names, full months like "Januar".
const AUSTRIAN_MONTHS: [(&str, u8); 2] = [("jänner", 1), ("feber", 2)];

/// Counted years of a life or a career ("29 Dienstjahren", "zwei Lebensjahre"): plurals only,
/// so that "80. Lebensjahr" stays an ordinal.
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

const CURRENCIES: &[(&str, &str)] = &[
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("€", "EUR"),
    ("dollar", "USD"),
    ("us-dollar", "USD"),
    ("usd", "USD"),
    ("$", "USD"),
    ("us$", "USD"),
    ("franken", "CHF"),
    ("chf", "CHF"),
    ("pfund", "GBP"),
    ("gbp", "GBP"),
    ("£", "GBP"),
    ("yen", "JPY"),
    ("jpy", "JPY"),
    ("¥", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("cny", "CNY"),
    ("rubel", "RUB"),
    ("rub", "RUB"),
    ("rupien", "INR"),
    ("rupie", "INR"),
    ("inr", "INR"),
    ("rp", "IDR"),
    ("rupiah", "IDR"),
    ("mark", "DEM"),
    ("d-mark", "DEM"),
    ("dm", "DEM"),
    ("schilling", "ATS"),
    ("lira", "TRY"),
    ("kronen", "SEK"),
    ("zloty", "PLN"),
    ("złoty", "PLN"),
    ("pln", "PLN"),
    ("forint", "HUF"),
    ("won", "KRW"),
    ("real", "BRL"),
    ("peso", "MXN"),
    ("pesos", "MXN"),
    ("mxn$", "MXN"),
    ("mxn", "MXN"),
    ("rand", "ZAR"),
    ("dinar", "RSD"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("bitcoin", "XBT"),
];

/// Adjectives that name a currency's country: (stem, currency code for "Dollar", for others).
const CURRENCY_ADJECTIVES: &[(&str, &str)] = &[
    ("kanadisch", "CAD"),
    ("australisch", "AUD"),
    ("neuseeländisch", "NZD"),
    ("singapurisch", "SGD"),
    ("hongkong", "HKD"),
    ("amerikanisch", "USD"),
    ("finnisch", "FIM"),
    ("indisch", "INR"),
    ("indonesisch", "IDR"),
    ("schweizer", "CHF"),
    ("britisch", "GBP"),
    ("ägyptisch", "EGP"),
    ("türkisch", "TRY"),
    ("russisch", "RUB"),
    ("dänisch", "DKK"),
    ("schwedisch", "SEK"),
    ("norwegisch", "NOK"),
    ("mexikanisch", "MXN"),
    ("argentinisch", "ARS"),
    ("chilenisch", "CLP"),
    ("japanisch", "JPY"),
    ("chinesisch", "CNY"),
    ("südafrikanisch", "ZAR"),
    ("brasilianisch", "BRL"),
    ("polnisch", "PLN"),
    ("tschechisch", "CZK"),
];

const UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kilometer", "km"),
    ("kilometern", "km"),
    ("kilometers", "km"),
    ("m", "m"),
    ("meter", "m"),
    ("metern", "m"),
    ("meters", "m"),
    ("cm", "cm"),
    ("zentimeter", "cm"),
    ("zentimetern", "cm"),
    ("mm", "mm"),
    ("millimeter", "mm"),
    ("millimetern", "mm"),
    ("mi", "mi"),
    ("meile", "mi"),
    ("meilen", "mi"),
    ("zoll", "in"),
    ("fuß", "ft"),
    ("seemeile", "nmi"),
    ("seemeilen", "nmi"),
    ("quadratmeile", "mi2"),
    ("quadratmeilen", "mi2"),
    ("''", "in"),
    ("\"", "in"),
    ("kg", "kg"),
    ("kilogramm", "kg"),
    ("kilo", "kg"),
    ("g", "g"),
    ("gramm", "g"),
    ("mg", "mg"),
    ("milligramm", "mg"),
    ("mikrogramm", "µg"),
    ("kilotonne", "kt"),
    ("kilotonnen", "kt"),
    ("megatonne", "Mt"),
    ("megatonnen", "Mt"),
    ("t", "t"),
    ("tonne", "t"),
    ("tonnen", "t"),
    ("l", "l"),
    ("liter", "l"),
    ("litern", "l"),
    ("ml", "ml"),
    ("milliliter", "ml"),
    ("millilitern", "ml"),
    ("hl", "hl"),
    ("hektoliter", "hl"),
    ("hektolitern", "hl"),
    ("ha", "ha"),
    ("hektar", "ha"),
    ("m2", "m2"),
    ("m²", "m2"),
    ("qm", "m2"),
    ("quadratmeter", "m2"),
    ("quadratmetern", "m2"),
    ("km2", "km2"),
    ("km²", "km2"),
    ("quadratkilometer", "km2"),
    ("quadratkilometern", "km2"),
    ("m3", "m3"),
    ("m³", "m3"),
    ("kubikmeter", "m3"),
    ("kubikmetern", "m3"),
    ("km/h", "km/h"),
    ("stundenkilometer", "km/h"),
    ("stundenkilometern", "km/h"),
    ("°c", "°C"),
    ("°", "°C"),
    ("grad", "°C"),
    ("°f", "°F"),
    ("kelvin", "K"),
    ("kw", "kW"),
    ("kilowatt", "kW"),
    ("mw", "MW"),
    ("megawatt", "MW"),
    ("gw", "GW"),
    ("gigawatt", "GW"),
    ("kwh", "kWh"),
    ("kilowattstunden", "kWh"),
    ("mwh", "MWh"),
    ("megawattstunden", "MWh"),
    ("gwh", "GWh"),
    ("gigawattstunden", "GWh"),
    ("kilowattstunde", "kWh"),
    ("festmeter", "fm"),
    ("twh", "TWh"),
    ("terawattstunden", "TWh"),
    ("ps", "PS"),
    ("volt", "V"),
    ("kv", "kV"),
    ("barrel", "bbl"),
    ("terabyte", "TB"),
    ("gigabyte", "GB"),
    ("megabyte", "MB"),
    ("petabyte", "PB"),
    ("fass", "bbl"),
    ("lichtjahre", "ly"),
    ("lichtjahren", "ly"),
    ("lichtjahr", "ly"),
    ("bit", "bit"),
    ("byte", "B"),
    ("gb", "GB"),
    ("mb", "MB"),
    ("tb", "TB"),
    ("promille", "‰"),
    ("knoten", "kn"),
    ("dezibel", "dB"),
    ("db", "dB"),
];

/// Units of one quantity per another ("0,355 MW/km²", "20 Liter pro Quadratmeter"), by the
/// symbols of their two parts.
const RATIO_UNITS: &[(&str, &str, &str)] = &[
    ("MW", "km2", "MW/km2"),
    ("kW", "m2", "kW/m2"),
    ("kWh", "m2", "kWh/m2"),
    ("kg", "m2", "kg/m2"),
    ("kg", "m3", "kg/m3"),
    ("g", "km", "g/km"),
    ("g", "l", "g/l"),
    ("mg", "l", "mg/l"),
    ("t", "ha", "t/ha"),
    ("l", "m2", "l/m2"),
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

/// Holidays: the lowercase words of the name, and how the day follows from a year.
#[derive(Clone, Copy, Debug)]
pub(crate) enum HolidayRule {
    Fixed(u8, u8),
    /// Days after Easter Sunday.
    Easter(i16),
    /// The nth (1-based) weekday (0 = Monday) of a month.
    NthWeekday(u8, u8, u8),
    /// The nth Sunday of Advent.
    Advent(u8),
    /// Days after Orthodox Easter Sunday.
    OrthodoxEaster(i16),
    /// Dutch King's Day: 27 April, or the 26th when the 27th is a Sunday.
    KingsDay,
    /// The astronomical start of a season (0 spring … 3 winter): equinox or solstice.
    SeasonStart(u8),
    /// Parsi (Shahenshahi) New Year: a 365-day year without leap days.
    ParsiNewYear,
    Hebrew(HebrewFeast),
}

/// Feasts of the Hebrew calendar. They begin at sunset; like Duckling we date them by the
/// evening they begin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HebrewFeast {
    RoshHashanah,
    YomKippur,
    Sukkot,
    SheminiAtzeret,
    Pesach,
    Shavuot,
    Purim,
    TuBishvat,
    YomHaatzmaut,
}

pub(crate) const HOLIDAYS: &[(&[&str], HolidayRule)] = &[
    (&["neujahr"], HolidayRule::Fixed(1, 1)),
    (&["neujahrstag"], HolidayRule::Fixed(1, 1)),
    (&["heilige", "drei", "könige"], HolidayRule::Fixed(1, 6)),
    (&["heiligen", "drei", "könige"], HolidayRule::Fixed(1, 6)),
    (&["dreikönigstag"], HolidayRule::Fixed(1, 6)),
    (&["valentinstag"], HolidayRule::Fixed(2, 14)),
    (&["tag", "der", "arbeit"], HolidayRule::Fixed(5, 1)),
    (&["weltkindertag"], HolidayRule::Fixed(6, 1)),
    (
        &["tag", "der", "deutschen", "einheit"],
        HolidayRule::Fixed(10, 3),
    ),
    (&["halloween"], HolidayRule::Fixed(10, 31)),
    (&["reformationstag"], HolidayRule::Fixed(10, 31)),
    (&["allerheiligen"], HolidayRule::Fixed(11, 1)),
    (&["allerseelen"], HolidayRule::Fixed(11, 2)),
    (&["nikolaustag"], HolidayRule::Fixed(12, 6)),
    (&["heiligabend"], HolidayRule::Fixed(12, 24)),
    (&["heiligen", "abend"], HolidayRule::Fixed(12, 24)),
    (&["weihnachten"], HolidayRule::Fixed(12, 25)),
    (
        &["ersten", "weihnachtsfeiertag"],
        HolidayRule::Fixed(12, 25),
    ),
    (&["ersten", "weihnachtstag"], HolidayRule::Fixed(12, 25)),
    (
        &["zweiten", "weihnachtsfeiertag"],
        HolidayRule::Fixed(12, 26),
    ),
    (&["zweiten", "weihnachtstag"], HolidayRule::Fixed(12, 26)),
    (&["silvester"], HolidayRule::Fixed(12, 31)),
    (&["silvesternacht"], HolidayRule::Fixed(12, 31)),
    (&["ostern"], HolidayRule::Easter(0)),
    (&["ostersonntag"], HolidayRule::Easter(0)),
    (&["ostermontag"], HolidayRule::Easter(1)),
    (&["karfreitag"], HolidayRule::Easter(-2)),
    (&["karsamstag"], HolidayRule::Easter(-1)),
    (&["gründonnerstag"], HolidayRule::Easter(-3)),
    (&["palmsonntag"], HolidayRule::Easter(-7)),
    (&["aschermittwoch"], HolidayRule::Easter(-46)),
    (&["fastnacht"], HolidayRule::Easter(-47)),
    (&["fastnachtsdienstag"], HolidayRule::Easter(-47)),
    (&["faschingsdienstag"], HolidayRule::Easter(-47)),
    (&["rosenmontag"], HolidayRule::Easter(-48)),
    (&["fastnachtssonntag"], HolidayRule::Easter(-49)),
    (&["weiberfastnacht"], HolidayRule::Easter(-52)),
    (&["christi", "himmelfahrt"], HolidayRule::Easter(39)),
    (&["himmelfahrt"], HolidayRule::Easter(39)),
    (&["vatertag"], HolidayRule::Easter(39)),
    (&["pfingsten"], HolidayRule::Easter(49)),
    (&["pfingstsonntag"], HolidayRule::Easter(49)),
    (&["pfingstmontag"], HolidayRule::Easter(50)),
    (&["dreifaltigkeitssonntag"], HolidayRule::Easter(56)),
    (&["dreifaltigkeitsfest"], HolidayRule::Easter(56)),
    (&["fronleichnam"], HolidayRule::Easter(60)),
    (&["muttertag"], HolidayRule::NthWeekday(2, 6, 5)),
    (&["orthodoxe", "ostern"], HolidayRule::OrthodoxEaster(0)),
    (&["orthodoxen", "ostern"], HolidayRule::OrthodoxEaster(0)),
    (
        &["orthodoxer", "ostersonntag"],
        HolidayRule::OrthodoxEaster(0),
    ),
    (
        &["orthodoxen", "ostersonntag"],
        HolidayRule::OrthodoxEaster(0),
    ),
    (
        &["orthodoxer", "ostermontag"],
        HolidayRule::OrthodoxEaster(1),
    ),
    (
        &["orthodoxen", "ostermontag"],
        HolidayRule::OrthodoxEaster(1),
    ),
    (
        &["orthodoxer", "karfreitag"],
        HolidayRule::OrthodoxEaster(-2),
    ),
    (
        &["orthodoxen", "karfreitag"],
        HolidayRule::OrthodoxEaster(-2),
    ),
    (
        &["orthodoxer", "karsamstag"],
        HolidayRule::OrthodoxEaster(-1),
    ),
    (
        &["orthodoxen", "karsamstag"],
        HolidayRule::OrthodoxEaster(-1),
    ),
    (&["lazarus-samstag"], HolidayRule::OrthodoxEaster(-8)),
    (&["lazarussamstag"], HolidayRule::OrthodoxEaster(-8)),
    (&["sauberer", "montag"], HolidayRule::OrthodoxEaster(-48)),
    (&["sauberen", "montag"], HolidayRule::OrthodoxEaster(-48)),
    (&["palmdonnerstag"], HolidayRule::Easter(-3)),
    (&["frühlingsanfang"], HolidayRule::SeasonStart(0)),
    (&["frühlingsbeginn"], HolidayRule::SeasonStart(0)),
    (&["sommeranfang"], HolidayRule::SeasonStart(1)),
    (&["sommerbeginn"], HolidayRule::SeasonStart(1)),
    (&["sommersonnenwende"], HolidayRule::SeasonStart(1)),
    (&["herbstanfang"], HolidayRule::SeasonStart(2)),
    (&["herbstbeginn"], HolidayRule::SeasonStart(2)),
    (&["winteranfang"], HolidayRule::SeasonStart(3)),
    (&["winterbeginn"], HolidayRule::SeasonStart(3)),
    (&["wintersonnenwende"], HolidayRule::SeasonStart(3)),
    (&["parsi", "neujahr"], HolidayRule::ParsiNewYear),
    (&["königstag"], HolidayRule::KingsDay),
    (&["koningsdag"], HolidayRule::KingsDay),
    (
        &["schweizer", "buß-", "und", "bettag"],
        HolidayRule::NthWeekday(3, 6, 9),
    ),
    (
        &["eidgenössischer", "buß-", "und", "bettag"],
        HolidayRule::NthWeekday(3, 6, 9),
    ),
    (
        &["rosch", "ha-schana"],
        HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
    ),
    (
        &["rosch", "ha-schanah"],
        HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
    ),
    (
        &["rosch", "haschana"],
        HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
    ),
    (
        &["rosch", "haschanah"],
        HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
    ),
    (
        &["rosh", "hashanah"],
        HolidayRule::Hebrew(HebrewFeast::RoshHashanah),
    ),
    (
        &["jom", "kippur"],
        HolidayRule::Hebrew(HebrewFeast::YomKippur),
    ),
    (
        &["yom", "kippur"],
        HolidayRule::Hebrew(HebrewFeast::YomKippur),
    ),
    (&["sukkot"], HolidayRule::Hebrew(HebrewFeast::Sukkot)),
    (
        &["laubhüttenfest"],
        HolidayRule::Hebrew(HebrewFeast::Sukkot),
    ),
    (
        &["schmini", "azeret"],
        HolidayRule::Hebrew(HebrewFeast::SheminiAtzeret),
    ),
    (
        &["shemini", "atzeret"],
        HolidayRule::Hebrew(HebrewFeast::SheminiAtzeret),
    ),
    (&["pessach"], HolidayRule::Hebrew(HebrewFeast::Pesach)),
    (&["passah"], HolidayRule::Hebrew(HebrewFeast::Pesach)),
    (&["pesach"], HolidayRule::Hebrew(HebrewFeast::Pesach)),
    (&["schawuot"], HolidayRule::Hebrew(HebrewFeast::Shavuot)),
    (&["shavuot"], HolidayRule::Hebrew(HebrewFeast::Shavuot)),
    (&["purim"], HolidayRule::Hebrew(HebrewFeast::Purim)),
    (
        &["tu", "bischevat"],
        HolidayRule::Hebrew(HebrewFeast::TuBishvat),
    ),
    (
        &["tu", "bishvat"],
        HolidayRule::Hebrew(HebrewFeast::TuBishvat),
    ),
    (
        &["jom", "haazmaut"],
        HolidayRule::Hebrew(HebrewFeast::YomHaatzmaut),
    ),
    (
        &["jom", "haatzmaut"],
        HolidayRule::Hebrew(HebrewFeast::YomHaatzmaut),
    ),
    (
        &["yom", "haatzmaut"],
        HolidayRule::Hebrew(HebrewFeast::YomHaatzmaut),
    ),
    (&["weißer", "donnerstag"], HolidayRule::Easter(-3)),
    (&["weißen", "donnerstag"], HolidayRule::Easter(-3)),
    (&["erster", "advent"], HolidayRule::Advent(1)),
    (&["ersten", "advent"], HolidayRule::Advent(1)),
    (&["zweiter", "advent"], HolidayRule::Advent(2)),
    (&["zweiten", "advent"], HolidayRule::Advent(2)),
    (&["dritter", "advent"], HolidayRule::Advent(3)),
    (&["dritten", "advent"], HolidayRule::Advent(3)),
    (&["vierter", "advent"], HolidayRule::Advent(4)),
    (&["vierten", "advent"], HolidayRule::Advent(4)),
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
        for (index, month) in MONTHS.iter().enumerate() {
            add(month, Lex::Month(index as u8 + 1));
        }
        add("maerz", Lex::Month(3));
        for (word, month) in AUSTRIAN_MONTHS {
            add(word, Lex::Month(month));
        }
        for (word, month) in MONTH_ABBREVIATIONS {
            add(word, Lex::MonthAbbrev(month));
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

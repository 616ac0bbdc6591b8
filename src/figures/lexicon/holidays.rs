//! Data only: holiday names and the rule that dates each.

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

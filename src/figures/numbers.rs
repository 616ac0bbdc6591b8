//! Numbers as German writes them: digits with `.` thousands and `,` decimals, and number
//! words, compounds included ("siebenhunderteinundzwanzigtausendundzwölf", "dreieinhalb").

/// Parses digits in German notation: "60.000" → 60000, "472,51" → 472.51,
/// "1.234.567,89", "4.800" → 4800, "228.5" → 228.5 (a lone point before 1–2 digits is
/// decimal), "0033" → 33. `None` for anything else ("28.10.2025").
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || !bytes[bytes.len() - 1].is_ascii_digit() {
        return None;
    }
    if !bytes
        .iter()
        .all(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
    {
        return None;
    }
    let commas = bytes.iter().filter(|&&b| b == b',').count();
    let points = bytes.iter().filter(|&&b| b == b'.').count();
    let (integer, fraction) = match (points, commas) {
        (0, 0) => (s, ""),
        (_, 1) => {
            let at = s.find(',')?;
            (&s[..at], &s[at + 1..])
        }
        (1, 0) => {
            let at = s.find('.')?;
            match s.len() - at - 1 {
                3 => (s, ""),
                1 | 2 => (&s[..at], &s[at + 1..]),
                _ => return None,
            }
        }
        (0, _) => (s, ""),
        _ => (s, ""),
    };
    let separator = if points > 0 && commas <= 1 { '.' } else { ',' };
    let mut groups = integer.split(separator);
    let first = groups.next()?;
    if first.is_empty() || (integer.contains(separator) && first.len() > 3) {
        return None;
    }
    let mut value = 0f64;
    let mut digits = 0;
    for (index, group) in integer.split(separator).enumerate() {
        if index > 0 && group.len() != 3 {
            return None;
        }
        if group.bytes().any(|b| !b.is_ascii_digit()) {
            return None;
        }
        for b in group.bytes() {
            value = value * 10.0 + f64::from(b - b'0');
            digits += 1;
        }
    }
    if digits > 18 {
        return None;
    }
    if fraction.bytes().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    let mut scale = 0.1;
    for b in fraction.bytes().take(12) {
        value += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    Some(round(value, fraction.len().min(12) as i32))
}

/// Rounds to `places` decimals, to undo binary noise (0.1 + 0.2).
pub(crate) fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    let rounded = (value * factor).round() / factor;
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

/// Number-word morphemes, longest first where one is a prefix of another.
const MORPHEMES: &[(&str, Morpheme)] = &[
    ("dreizehn", Morpheme::Teen(13)),
    ("vierzehn", Morpheme::Teen(14)),
    ("fünfzehn", Morpheme::Teen(15)),
    ("fuenfzehn", Morpheme::Teen(15)),
    ("sechzehn", Morpheme::Teen(16)),
    ("siebzehn", Morpheme::Teen(17)),
    ("achtzehn", Morpheme::Teen(18)),
    ("neunzehn", Morpheme::Teen(19)),
    ("zwanzig", Morpheme::Ten(20)),
    ("dreißig", Morpheme::Ten(30)),
    ("dreissig", Morpheme::Ten(30)),
    ("vierzig", Morpheme::Ten(40)),
    ("fünfzig", Morpheme::Ten(50)),
    ("fuenfzig", Morpheme::Ten(50)),
    ("sechzig", Morpheme::Ten(60)),
    ("siebzig", Morpheme::Ten(70)),
    ("achtzig", Morpheme::Ten(80)),
    ("neunzig", Morpheme::Ten(90)),
    ("zehn", Morpheme::Teen(10)),
    ("elf", Morpheme::Teen(11)),
    ("zwölf", Morpheme::Teen(12)),
    ("zwoelf", Morpheme::Teen(12)),
    ("eins", Morpheme::Unit(1)),
    ("ein", Morpheme::Unit(1)),
    ("zwei", Morpheme::Unit(2)),
    ("zwo", Morpheme::Unit(2)),
    ("drei", Morpheme::Unit(3)),
    ("vier", Morpheme::Unit(4)),
    ("fünf", Morpheme::Unit(5)),
    ("fuenf", Morpheme::Unit(5)),
    ("sechs", Morpheme::Unit(6)),
    ("sieben", Morpheme::Unit(7)),
    ("acht", Morpheme::Unit(8)),
    ("neun", Morpheme::Unit(9)),
    ("hundert", Morpheme::Hundred),
    ("tausend", Morpheme::Thousand),
    ("millionen", Morpheme::Million(1e6)),
    ("million", Morpheme::Million(1e6)),
    ("milliarden", Morpheme::Million(1e9)),
    ("milliarde", Morpheme::Million(1e9)),
    ("und", Morpheme::And),
    ("null", Morpheme::Unit(0)),
];

#[derive(Clone, Copy, Debug)]
enum Morpheme {
    Unit(u8),
    Teen(u8),
    Ten(u8),
    Hundred,
    Thousand,
    Million(f64),
    And,
}

/// Parses a lowercase cardinal number word: "dreiunddreißig" → 33, "eintausendachthundert
/// zweiundfünfzig" → 1852, "zweieinhalb" → 2.5, "anderthalb" → 1.5. Bare "ein" is no number.
pub(crate) fn parse_cardinal_word(word: &str) -> Option<f64> {
    if word.len() < 3 {
        return None;
    }
    if word == "anderthalb" {
        return Some(1.5);
    }
    if let Some(stem) = word.strip_suffix("einhalb") {
        if stem == "ein" {
            return Some(1.5);
        }
        return parse_cardinal_word(stem).map(|v| v + 0.5);
    }
    if word == "ein" {
        return None;
    }
    let mut rest = word;
    let mut total = 0f64; // millions and above
    let mut thousands = 0f64;
    let mut group = 0f64; // below a thousand
    let mut current = 0f64; // below a hundred
    let mut pending_unit = false; // a unit waiting for "und" + tens
    let mut last_and = false;
    let mut parts = 0;
    while !rest.is_empty() {
        let (text, morpheme) = MORPHEMES.iter().find(|(m, _)| rest.starts_with(m))?;
        rest = &rest[text.len()..];
        parts += 1;
        match *morpheme {
            Morpheme::Unit(u) => {
                if current != 0.0 {
                    return None;
                }
                // "eins" only at the end; "ein" not at the end except before a multiplier.
                if *text == "eins" && !rest.is_empty() {
                    return None;
                }
                current = f64::from(u);
                pending_unit = true;
            }
            Morpheme::Teen(v) => {
                if current != 0.0 {
                    return None;
                }
                current = f64::from(v);
                pending_unit = false;
            }
            Morpheme::Ten(v) => {
                if pending_unit && last_and {
                    current += f64::from(v);
                } else if current == 0.0 {
                    current = f64::from(v);
                } else {
                    return None;
                }
                pending_unit = false;
            }
            Morpheme::And => {
                if rest.is_empty() || last_and {
                    return None;
                }
                last_and = true;
                continue;
            }
            Morpheme::Hundred => {
                if group >= 100.0 {
                    return None;
                }
                group += if current == 0.0 { 1.0 } else { current } * 100.0;
                current = 0.0;
                pending_unit = false;
            }
            Morpheme::Thousand => {
                if thousands != 0.0 {
                    return None;
                }
                let n = group + current;
                thousands = if n == 0.0 { 1.0 } else { n } * 1000.0;
                group = 0.0;
                current = 0.0;
                pending_unit = false;
            }
            Morpheme::Million(scale) => {
                let n = thousands + group + current;
                total += if n == 0.0 { 1.0 } else { n } * scale;
                thousands = 0.0;
                group = 0.0;
                current = 0.0;
                pending_unit = false;
            }
        }
        // "und" joins a unit to tens, or follows hundred/thousand ("tausendundzwölf").
        last_and = false;
    }
    if parts == 0 || word.ends_with("und") {
        return None;
    }
    // "einund…" must have been followed by tens: a unit still pending after "und" is wrong,
    // which the Ten arm already enforces; a lone "zwei" is fine.
    Some(total + thousands + group + current)
}

/// Inflection endings of ordinals and adjectives.
const ENDINGS: [&str; 5] = ["en", "er", "es", "em", "e"];

/// Ordinal stems that do not follow the cardinal + "t" rule.
const IRREGULAR_ORDINALS: &[(&str, u32)] = &[
    ("erst", 1),
    ("zweit", 2),
    ("dritt", 3),
    ("viert", 4),
    ("fünft", 5),
    ("fuenft", 5),
    ("sechst", 6),
    ("siebt", 7),
    ("siebent", 7),
    ("acht", 8),
    ("neunt", 9),
    ("zehnt", 10),
    ("elft", 11),
    ("zwölft", 12),
    ("zwoelft", 12),
];

/// Parses an ordinal stem (without ending): "dritt" → 3, "zwanzigst" → 20, "millionst" → 1e6.
pub(crate) fn parse_ordinal_stem(stem: &str) -> Option<f64> {
    if let Some((_, v)) = IRREGULAR_ORDINALS.iter().find(|(s, _)| *s == stem) {
        return Some(f64::from(*v));
    }
    if let Some(base) = stem.strip_suffix("st") {
        if let Some(v) = cardinal_or_scale(base) {
            if v >= 20.0 {
                return Some(v);
            }
        }
    }
    if let Some(base) = stem.strip_suffix('t') {
        if let Some(v) = parse_cardinal_word(base) {
            if (2.0..20.0).contains(&v) && v.fract() == 0.0 {
                return Some(v);
            }
        }
    }
    None
}

fn cardinal_or_scale(base: &str) -> Option<f64> {
    match base {
        "million" => Some(1e6),
        "milliard" => Some(1e9),
        "billion" => Some(1e12),
        "hundert" => Some(100.0),
        "tausend" => Some(1000.0),
        _ => parse_cardinal_word(base).filter(|v| v.fract() == 0.0),
    }
}

/// Parses a lowercase ordinal word: "dritte" → 3, "Zweiten" → 2, "einundzwanzigsten" → 21,
/// "fünftgrößten" → 5 (a rank compound). Also "zweitens".
pub(crate) fn parse_ordinal_word(word: &str) -> Option<f64> {
    if let Some(stem) = word.strip_suffix("ens") {
        if let Some(v) = parse_ordinal_stem(stem) {
            return (v <= 20.0).then_some(v);
        }
    }
    let ending = ENDINGS.iter().find(|e| word.ends_with(**e))?;
    let stem = &word[..word.len() - ending.len()];
    if let Some(v) = parse_ordinal_stem(stem) {
        return Some(v);
    }
    rank_compound(stem)
}

/// "drittgrößt", "zweitwichtigst": an ordinal stem before a superlative.
fn rank_compound(stem: &str) -> Option<f64> {
    if !(stem.ends_with("st") || stem.ends_with("ßt")) {
        return None;
    }
    for (prefix, v) in IRREGULAR_ORDINALS.iter().skip(1) {
        if let Some(rest) = stem.strip_prefix(prefix) {
            // A superlative stem of at least four letters ("größt", "höchst", "stärkst").
            if rest.chars().count() >= 4 && !rest.starts_with("st") {
                return Some(f64::from(*v));
            }
        }
    }
    None
}

/// Digits with an ordinal suffix: "13ter", "15te", "2ten".
pub(crate) fn parse_digit_ordinal(word: &str) -> Option<f64> {
    let digits_end = word.bytes().position(|b| !b.is_ascii_digit())?;
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let suffix = &word[digits_end..];
    if !matches!(
        suffix.to_ascii_lowercase().as_str(),
        "te" | "ter" | "ten" | "tes" | "tem" | "ste" | "ster" | "sten"
    ) {
        return None;
    }
    word[..digits_end].parse::<f64>().ok()
}

/// Whether digits are a month or a year, as they are before a slash in "05/2016" and
/// "2015/2016" (and not in a file number, "19.814/2013").
pub(crate) fn month_or_year_digits(word: &str) -> bool {
    let value: Option<u32> = word.parse().ok();
    value.is_some_and(|v| word.len() <= 2 && (1..=12).contains(&v) || word.len() == 4)
}

/// The decades spelled out, by their tens ("achtziger" → 80).
const DECADE_WORDS: [(&str, u32); 8] = [
    ("zwanziger", 20),
    ("dreißiger", 30),
    ("vierziger", 40),
    ("fünfziger", 50),
    ("sechziger", 60),
    ("siebziger", 70),
    ("achtziger", 80),
    ("neunziger", 90),
];

/// A decade word, lowercase: "1990er", "80er-jahren", "achtzigerjahre", "neunzigern". Gives
/// the decade's first year and whether the word holds its head "Jahre". Two-digit and spelled
/// decades are of the 1900s, except "00er" and "10er".
pub(crate) fn parse_decade(word: &str) -> Option<(i32, bool)> {
    // Every decade word ends in "er", "ern", "jahre" or "jahren".
    if word.len() < 4 || !matches!(word.as_bytes()[word.len() - 1], b'r' | b'n' | b'e') {
        return None;
    }
    let (stem, head) = match ["-jahren", "-jahre", "jahren", "jahre"]
        .iter()
        .find_map(|tail| word.strip_suffix(tail))
    {
        Some(stem) => (stem, true),
        None => (word.strip_suffix('n').unwrap_or(word), false),
    };
    let first_year = if stem.as_bytes().first()?.is_ascii_digit() {
        let digits = stem.strip_suffix("er")?;
        let value: u32 = digits.parse().ok()?;
        match digits.len() {
            4 if (1000..=2090).contains(&value) => value,
            2 if value < 20 => 2000 + value,
            2 => 1900 + value,
            _ => return None,
        }
    } else if stem.ends_with("iger") {
        1900 + DECADE_WORDS.iter().find(|(w, _)| *w == stem)?.1
    } else {
        return None;
    };
    (first_year % 10 == 0).then_some((first_year as i32, head))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_decades() {
        assert_eq!(parse_decade("1990er-jahren"), Some((1990, true)));
        assert_eq!(parse_decade("80er"), Some((1980, false)));
        assert_eq!(parse_decade("80ern"), Some((1980, false)));
        assert_eq!(parse_decade("achtzigerjahre"), Some((1980, true)));
        assert_eq!(parse_decade("neunzigern"), Some((1990, false)));
        assert_eq!(parse_decade("2000er"), Some((2000, false)));
        assert_eq!(parse_decade("10er"), Some((2010, false)));
        assert_eq!(parse_decade("68er"), None);
        assert_eq!(parse_decade("80er-trikot"), None);
        assert_eq!(parse_decade("achtzig"), None);
    }

    #[test]
    fn parses_german_digit_notation() {
        let cases = [
            ("60.000", Some(60000.0)),
            ("472,51", Some(472.51)),
            ("1.234.567,89", Some(1234567.89)),
            ("4.800", Some(4800.0)),
            ("4,800", Some(4.8)),
            ("228.5", Some(228.5)),
            ("0033", Some(33.0)),
            ("1,10", Some(1.1)),
            ("28.10.2025", None),
            ("15.2", Some(15.2)),
            ("1.2345", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_digits(text), expected, "{text}");
        }
    }

    #[test]
    fn parses_number_words() {
        let cases = [
            ("siebenhunderteinundzwanzigtausendundzwölf", Some(721012.0)),
            ("siebenhunderteinundzwanzigtausendzwölf", Some(721012.0)),
            ("dreiunddreißig", Some(33.0)),
            ("dreiunddreissig", Some(33.0)),
            ("eintausendachthundertzweiundfünfzig", Some(1852.0)),
            (
                "zweihundertsechsundfünfzigtausendsiebenhunderteinundzwanzig",
                Some(256721.0),
            ),
            ("zweihundert", Some(200.0)),
            ("vierzehn", Some(14.0)),
            ("sechsundfünfzig", Some(56.0)),
            ("achtunddreißig", Some(38.0)),
            ("dreieinhalb", Some(3.5)),
            ("anderthalb", Some(1.5)),
            ("eineinhalb", Some(1.5)),
            ("eins", Some(1.0)),
            ("tausend", Some(1000.0)),
            ("einhundert", Some(100.0)),
            ("ein", None),
            ("einführung", None),
            ("zehntausende", None),
            ("hunderte", None),
            ("achtung", None),
            ("elfmeter", None),
            ("und", None),
            ("einsatz", None),
            ("dreiund", None),
        ];
        for (word, expected) in cases {
            assert_eq!(parse_cardinal_word(word), expected, "{word}");
        }
    }

    #[test]
    fn parses_ordinal_words() {
        let cases = [
            ("dritte", Some(3.0)),
            ("zweiten", Some(2.0)),
            ("erste", Some(1.0)),
            ("achten", Some(8.0)),
            ("siebten", Some(7.0)),
            ("sechsten", Some(6.0)),
            ("neunte", Some(9.0)),
            ("zwanzigste", Some(20.0)),
            ("einundzwanzigsten", Some(21.0)),
            ("siebenundzwanzigsten", Some(27.0)),
            ("millionste", Some(1e6)),
            ("fünftgrößten", Some(5.0)),
            ("drittgrößte", Some(3.0)),
            ("zweitens", Some(2.0)),
            ("vierter", Some(4.0)),
            ("liste", None),
            ("beste", None),
            ("letzte", None),
            ("gäste", None),
            ("zweitstimme", None),
            ("drittstaaten", None),
            ("achtet", None),
        ];
        for (word, expected) in cases {
            assert_eq!(parse_ordinal_word(word), expected, "{word}");
        }
        assert_eq!(parse_digit_ordinal("13ter"), Some(13.0));
        assert_eq!(parse_digit_ordinal("15te"), Some(15.0));
        assert_eq!(parse_digit_ordinal("G7"), None);
    }
}

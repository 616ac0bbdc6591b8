//! Table-driven tests per kind: each case is a text, the reference date, and the figures
//! expected as (text, kind, value as JSON).

use super::*;

fn run(text: &str, reference: &str) -> Vec<(String, &'static str, String, Option<Approx>)> {
    run_with(text, &Options::with_ref_date(reference).unwrap())
}

fn run_with(text: &str, options: &Options) -> Vec<(String, &'static str, String, Option<Approx>)> {
    let doc = Document::new(text);
    Recognizer::new()
        .recognize(&doc, options)
        .into_iter()
        .map(|f| {
            (
                f.text.clone(),
                f.kind.as_str(),
                serde_json::to_string(&f.value).unwrap(),
                f.approx,
            )
        })
        .collect()
}

/// A text and the figures expected in it, each as (text, kind, value as JSON).
type Case<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

fn check(cases: &[Case], reference: &str) {
    check_with(cases, &Options::with_ref_date(reference).unwrap());
}

fn check_with(cases: &[Case], options: &Options) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let found = run_with(text, options);
        let found: Vec<(String, &str, String)> =
            found.into_iter().map(|(t, k, v, _)| (t, k, v)).collect();
        let expected: Vec<(String, &str, String)> = expected
            .iter()
            .map(|(t, k, v)| (t.to_string(), *k, v.to_string()))
            .collect();
        if found != expected {
            failures.push(format!(
                "{text:?}\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn numbers() {
    check(
        &[
            (
                "Es kamen 60.000 Menschen.",
                &[("60.000", "number", "60000.0")],
            ),
            (
                "1.234.567,89 sind viel",
                &[("1.234.567,89", "number", "1234567.89")],
            ),
            ("mit 472,51 Punkten", &[("472,51", "number", "472.51")]),
            (
                "drei Millionen Menschen",
                &[("drei Millionen", "number", "3000000.0")],
            ),
            ("1 Mio. Menschen", &[("1 Mio.", "number", "1000000.0")]),
            (
                "siebenhunderteinundzwanzigtausendundzwölf",
                &[(
                    "siebenhunderteinundzwanzigtausendundzwölf",
                    "number",
                    "721012.0",
                )],
            ),
            ("dreieinhalb Stücke", &[("dreieinhalb", "number", "3.5")]),
            ("anderthalb Stücke", &[("anderthalb", "number", "1.5")]),
            ("ein Dutzend Eier", &[("ein Dutzend", "number", "12.0")]),
            (
                "ein Drittel der Menschen",
                &[("ein Drittel", "number", "0.3333")],
            ),
            ("die Hälfte der Menschen", &[("Hälfte", "number", "0.5")]),
            ("-1200000", &[("-1200000", "number", "-1200000.0")]),
            (
                "zwischen 5 und 7 Menschen",
                &[("zwischen 5 und 7", "number", r#"{"min":5.0,"max":7.0}"#)],
            ),
            (
                "in den Klassen 5 bis 10",
                &[("5 bis 10", "number", r#"{"min":5.0,"max":10.0}"#)],
            ),
            (
                "eine oder zwei Wochen",
                &[(
                    "eine oder zwei Wochen",
                    "duration",
                    r#"{"min":1.0,"max":2.0,"unit":"week"}"#,
                )],
            ),
            ("zweimal in Karlsruhe", &[("zweimal", "number", "2.0")]),
            (
                "Die Partie endete 13:5.",
                &[("13", "number", "13.0"), ("5", "number", "5.0")],
            ),
        ],
        "2025-10-28",
    );
}

#[test]
fn not_figures() {
    check(
        &[
            ("Sie schlossen ein Abkommen.", &[]),
            ("Der A 340 landete.", &[]),
            ("Flug 93 stürzte ab.", &[]),
            ("nach Artikel 5 des Vertrags", &[]),
            ("Elisabeth II. regierte lange.", &[]),
            ("Tausende demonstrierten, Hunderte blieben.", &[]),
            ("Die Kinder und die Eltern, mit denen so viel geschah.", &[]),
            ("Sie will das beachten und achten.", &[]),
            ("Das war gerade einmal so.", &[]),
            ("siehe http://example.com/a%2D9114%29 für mehr", &[]),
        ],
        "2025-10-28",
    );
}

#[test]
fn ordinals() {
    check(
        &[
            ("der 3. Strafsenat", &[("3.", "ordinal", "3.0")]),
            ("die dritte Runde", &[("dritte", "ordinal", "3.0")]),
            ("im Zweiten Weltkrieg", &[("Zweiten", "ordinal", "2.0")]),
            (
                "die fünftgrößten Städte",
                &[("fünftgrößten", "ordinal", "5.0")],
            ),
            ("den achten Platz", &[("achten", "ordinal", "8.0")]),
            ("kam auf Platz 24. Danach", &[("24", "number", "24.0")]),
        ],
        "2025-10-28",
    );
}

#[test]
fn money_and_percent() {
    check(
        &[
            (
                "550 Milliarden Dollar",
                &[(
                    "550 Milliarden Dollar",
                    "money",
                    r#"{"amount":550000000000.0,"unit":"USD"}"#,
                )],
            ),
            (
                "(472,51 Mrd. Euro)",
                &[(
                    "472,51 Mrd. Euro",
                    "money",
                    r#"{"amount":472510000000.0,"unit":"EUR"}"#,
                )],
            ),
            (
                "59 US-Dollar",
                &[("59 US-Dollar", "money", r#"{"amount":59.0,"unit":"USD"}"#)],
            ),
            (
                "94.000 $",
                &[("94.000 $", "money", r#"{"amount":94000.0,"unit":"USD"}"#)],
            ),
            (
                "16,4 Millionen kanadischen Dollar",
                &[(
                    "16,4 Millionen kanadischen Dollar",
                    "money",
                    r#"{"amount":16400000.0,"unit":"CAD"}"#,
                )],
            ),
            (
                "67 Millionen Euro gegenüber 44 Millionen",
                &[
                    (
                        "67 Millionen Euro",
                        "money",
                        r#"{"amount":67000000.0,"unit":"EUR"}"#,
                    ),
                    (
                        "44 Millionen",
                        "money",
                        r#"{"amount":44000000.0,"unit":"EUR"}"#,
                    ),
                ],
            ),
            ("15 Prozent", &[("15 Prozent", "percent", "15.0")]),
            ("100%", &[("100%", "percent", "100.0")]),
            (
                "um 2,5 Prozentpunkte",
                &[(
                    "2,5 Prozentpunkte",
                    "percent",
                    r#"{"amount":2.5,"unit":"pp"}"#,
                )],
            ),
            (
                "9,3 bzw. 8,0 Prozent",
                &[("9,3", "percent", "9.3"), ("8,0 Prozent", "percent", "8.0")],
            ),
            (
                "zwischen fünf und sieben Prozent",
                &[(
                    "zwischen fünf und sieben Prozent",
                    "percent",
                    r#"{"min":5.0,"max":7.0}"#,
                )],
            ),
            (
                "zwei bis drei Prozent",
                &[(
                    "zwei bis drei Prozent",
                    "percent",
                    r#"{"min":2.0,"max":3.0}"#,
                )],
            ),
        ],
        "2025-10-28",
    );
}

#[test]
fn approximators_stay_outside() {
    let found = run(
        "rund 60.000 Soldaten, mehr als 59 Jahre, knapp die Hälfte, bis zu 5 Prozent, ca. 3 km",
        "2025-10-28",
    );
    let got: Vec<(&str, Option<Approx>)> = found.iter().map(|f| (f.0.as_str(), f.3)).collect();
    assert_eq!(
        got,
        [
            ("60.000", Some(Approx::About)),
            ("59 Jahre", Some(Approx::MoreThan)),
            ("Hälfte", Some(Approx::LessThan)),
            ("5 Prozent", Some(Approx::AtMost)),
            ("3 km", Some(Approx::About)),
        ]
    );
}

#[test]
fn dates() {
    check(
        &[
            (
                "am 28. Oktober 2025",
                &[("28. Oktober 2025", "date", r#""2025-10-28""#)],
            ),
            (
                "am 28.10.2025",
                &[("28.10.2025", "date", r#""2025-10-28""#)],
            ),
            ("2025-10-28", &[("2025-10-28", "date", r#""2025-10-28""#)]),
            ("im Juli", &[("Juli", "date", r#""2025-07""#)]),
            ("seit November", &[("November", "date", r#""2024-11""#)]),
            ("im Jahr 1969", &[("Jahr 1969", "date", r#""1969""#)]),
            ("1969 landeten sie", &[("1969", "date", r#""1969""#)]),
            ("am Dienstag", &[("Dienstag", "date", r#""2025-10-28""#)]),
            ("am Montag", &[("Montag", "date", r#""2025-10-27""#)]),
            (
                "gestern Abend",
                &[("gestern Abend", "date", r#""2025-10-27""#)],
            ),
            (
                "in der vergangenen Woche",
                &[("vergangenen Woche", "date", r#""2025-W43""#)],
            ),
            (
                "vor drei Tagen",
                &[("vor drei Tagen", "date", r#""2025-10-25""#)],
            ),
            (
                "Anfang Oktober",
                &[("Anfang Oktober", "date", r#""2025-10""#)],
            ),
            ("im Vorjahr", &[("Vorjahr", "date", r#""2024""#)]),
            (
                "im zweiten Quartal",
                &[("zweiten Quartal", "date", r#""2025-Q2""#)],
            ),
            (
                "Von Januar bis Juli 2017",
                &[(
                    "Von Januar bis Juli 2017",
                    "date",
                    r#"{"min":"2017-01","max":"2017-07"}"#,
                )],
            ),
            (
                "Saison 2006/2007",
                &[("2006/2007", "date", r#"{"min":"2006","max":"2007"}"#)],
            ),
            // 28 June 2025 is a Saturday: the weekday picks 2024.
            (
                "Freitag, den 28. Juni",
                &[("Freitag, den 28. Juni", "date", r#""2024-06-28""#)],
            ),
            ("Ostern 2020", &[("Ostern 2020", "date", r#""2020-04-12""#)]),
            ("in den vergangenen Jahren", &[]),
        ],
        "2025-10-28",
    );
}

#[test]
fn times_durations_quantities() {
    check(
        &[
            ("um 14 Uhr", &[("14 Uhr", "time", r#""2025-10-28T14:00""#)]),
            (
                "gegen 14.30 Uhr",
                &[("14.30 Uhr", "time", r#""2025-10-28T14:30""#)],
            ),
            (
                "um halb drei",
                &[("halb drei", "time", r#""2025-10-28T02:30""#)],
            ),
            (
                "zwei Jahre früher",
                &[(
                    "zwei Jahre",
                    "duration",
                    r#"{"amount":2.0,"unit":"year","seconds":63072000.0}"#,
                )],
            ),
            (
                "ein 20-jähriger Mann",
                &[(
                    "20-jähriger",
                    "duration",
                    r#"{"amount":20.0,"unit":"year","seconds":630720000.0}"#,
                )],
            ),
            (
                "sechs Stunden sechs Minuten und achtunddreißig Sekunden",
                &[(
                    "sechs Stunden sechs Minuten und achtunddreißig Sekunden",
                    "duration",
                    r#"{"amount":21998.0,"unit":"second","seconds":21998.0}"#,
                )],
            ),
            (
                "in 204 Metern Tiefe",
                &[("204 Metern", "quantity", r#"{"amount":204.0,"unit":"m"}"#)],
            ),
            (
                "mit 100 km/h",
                &[("100 km/h", "quantity", r#"{"amount":100.0,"unit":"km/h"}"#)],
            ),
            (
                "bei 8 Grad Celsius",
                &[(
                    "8 Grad Celsius",
                    "quantity",
                    r#"{"amount":8.0,"unit":"°C"}"#,
                )],
            ),
        ],
        "2025-10-28",
    );
}

#[test]
fn dates_with_clock_times() {
    check(
        &[
            // A date and its clock time are two figures; the time carries the date's day.
            (
                "Ich komme am 14. Oktober um 8:00 Uhr zurück.",
                &[
                    ("14. Oktober", "date", r#""2025-10-14""#),
                    ("8:00 Uhr", "time", r#""2025-10-14T08:00""#),
                ],
            ),
            (
                "Am 21.04.2016, 16:00 kam er.",
                &[
                    ("21.04.2016", "date", r#""2016-04-21""#),
                    ("16:00", "time", r#""2016-04-21T16:00""#),
                ],
            ),
            (
                "am Montag von 9:30 - 11:00",
                &[
                    ("Montag", "date", r#""2025-10-27""#),
                    (
                        "von 9:30 - 11:00",
                        "time",
                        r#"{"min":"2025-10-27T09:30","max":"2025-10-27T11:00"}"#,
                    ),
                ],
            ),
            // A relative day word stays a date of its own; "um" stays outside.
            (
                "heute um 03:13 Uhr",
                &[
                    ("heute", "date", r#""2025-10-28""#),
                    ("03:13 Uhr", "time", r#""2025-10-28T03:13""#),
                ],
            ),
            (
                "am 14. Oktober",
                &[("14. Oktober", "date", r#""2025-10-14""#)],
            ),
        ],
        "2025-10-28",
    );
}

#[test]
fn holidays_and_day_ranges() {
    check(
        &[
            ("am 2. Advent", &[("2. Advent", "date", r#""2025-12-07""#)]),
            (
                "Orthodoxer Karfreitag 2018",
                &[("Orthodoxer Karfreitag 2018", "date", r#""2018-04-06""#)],
            ),
            (
                "Sauberer Montag 2018",
                &[("Sauberer Montag 2018", "date", r#""2018-02-19""#)],
            ),
            (
                "vom 13ter bis 15ter Juli",
                &[(
                    "vom 13ter bis 15ter Juli",
                    "date",
                    r#"{"min":"2025-07-13","max":"2025-07-15"}"#,
                )],
            ),
            ("der 13ter", &[("13ter", "ordinal", "13.0")]),
        ],
        "2025-10-28",
    );
}

#[test]
fn counted_days_and_weeks() {
    check(
        &[
            (
                "am zweiten Mittwoch im Oktober 2014",
                &[(
                    "zweiten Mittwoch im Oktober 2014",
                    "date",
                    r#""2014-10-08""#,
                )],
            ),
            (
                "erster Mittwoch im Oktober 2014",
                &[("erster Mittwoch im Oktober 2014", "date", r#""2014-10-01""#)],
            ),
            (
                "der letzte Freitag im Mai 2024",
                &[("letzte Freitag im Mai 2024", "date", r#""2024-05-31""#)],
            ),
            (
                "letzter Tag im Oktober 2015",
                &[("letzter Tag im Oktober 2015", "date", r#""2015-10-31""#)],
            ),
            // Weeks wholly inside the month.
            (
                "die erste Woche im Oktober 2014",
                &[("erste Woche im Oktober 2014", "date", r#""2014-W41""#)],
            ),
            (
                "die letzte Woche im September 2014",
                &[("letzte Woche im September 2014", "date", r#""2014-W39""#)],
            ),
            (
                "dritter Dienstag nach Weihnachten 2014",
                &[(
                    "dritter Dienstag nach Weihnachten 2014",
                    "date",
                    r#""2015-01-13""#,
                )],
            ),
            (
                "übernächste Woche am Donnerstag",
                &[("übernächste Woche am Donnerstag", "date", r#""2025-11-13""#)],
            ),
            (
                "Er kommt übernächste Woche am Donnerstag zwischen 2 und 3 Uhr zurück.",
                &[
                    ("übernächste Woche am Donnerstag", "date", r#""2025-11-13""#),
                    (
                        "zwischen 2 und 3 Uhr",
                        "time",
                        r#"{"min":"2025-11-13T02:00","max":"2025-11-13T03:00"}"#,
                    ),
                ],
            ),
            (
                "Mittwoch in 2 Wochen",
                &[("Mittwoch in 2 Wochen", "date", r#""2025-11-12""#)],
            ),
            // Not a counted day: no month follows.
            ("Am zweiten Tag im Amt", &[("zweiten", "ordinal", "2.0")]),
            (
                "der fünfte Montag im Februar 2025",
                &[
                    ("fünfte", "ordinal", "5.0"),
                    ("Montag", "date", r#""2025-10-27""#),
                    ("Februar 2025", "date", r#""2025-02""#),
                ],
            ),
        ],
        "2025-10-28",
    );
}

#[test]
fn computed_holidays() {
    check(
        &[
            (
                "Palmdonnerstag 2018",
                &[("Palmdonnerstag 2018", "date", r#""2018-03-29""#)],
            ),
            (
                "Koningsdag 2014",
                &[("Koningsdag 2014", "date", r#""2014-04-26""#)],
            ),
            (
                "am schweizer Buß- und Bettag 2017",
                &[("schweizer Buß- und Bettag 2017", "date", r#""2017-09-17""#)],
            ),
            (
                "Jom Kippur 2018",
                &[("Jom Kippur 2018", "date", r#""2018-09-18""#)],
            ),
            (
                "Rosch ha-Schanah 2018",
                &[(
                    "Rosch ha-Schanah 2018",
                    "date",
                    r#"{"min":"2018-09-09","max":"2018-09-11"}"#,
                )],
            ),
            (
                "Pessach 2018",
                &[(
                    "Pessach 2018",
                    "date",
                    r#"{"min":"2018-03-30","max":"2018-04-07"}"#,
                )],
            ),
            (
                "Yom Haatzmaut 2018",
                &[("Yom Haatzmaut 2018", "date", r#""2018-04-18""#)],
            ),
            ("Schweizer Franken", &[]),
            (
                "der kalendarische Herbstanfang 2023",
                &[("Herbstanfang 2023", "date", r#""2023-09-23""#)],
            ),
            (
                "der meteorologische Herbstanfang 2023",
                &[("Herbstanfang 2023", "date", r#""2023-09-01""#)],
            ),
            (
                "Parsi Neujahr 2024",
                &[("Parsi Neujahr 2024", "date", r#""2024-08-15""#)],
            ),
        ],
        "2025-10-28",
    );
}

#[test]
fn glued_clock_ranges() {
    check(
        &[
            (
                "11:30-13:30",
                &[(
                    "11:30-13:30",
                    "time",
                    r#"{"min":"2025-10-28T11:30","max":"2025-10-28T13:30"}"#,
                )],
            ),
            (
                "18:30h - 19:00h",
                &[(
                    "18:30h - 19:00h",
                    "time",
                    r#"{"min":"2025-10-28T18:30","max":"2025-10-28T19:00"}"#,
                )],
            ),
            ("um 18:30h", &[("18:30h", "time", r#""2025-10-28T18:30""#)]),
        ],
        "2025-10-28",
    );
}

#[test]
fn clock_words_and_parts_of_day() {
    check(
        &[
            (
                "drei Minuten vor 8",
                &[("drei Minuten vor 8", "time", r#""2025-10-28T07:57""#)],
            ),
            (
                "um drei Uhr in der Nacht",
                &[("drei Uhr in der Nacht", "time", r#""2025-10-28T03:00""#)],
            ),
            (
                "ein Uhr nachmittags",
                &[("ein Uhr nachmittags", "time", r#""2025-10-28T13:00""#)],
            ),
            (
                "von 5 Uhr nachmittags bis 6 Uhr nachmittags",
                &[(
                    "von 5 Uhr nachmittags bis 6 Uhr nachmittags",
                    "time",
                    r#"{"min":"2025-10-28T17:00","max":"2025-10-28T18:00"}"#,
                )],
            ),
            (
                "morgens von 5 bis sieben",
                &[(
                    "morgens von 5 bis sieben",
                    "time",
                    r#"{"min":"2025-10-28T05:00","max":"2025-10-28T07:00"}"#,
                )],
            ),
            // A holiday stays a date of its own, like "heute".
            (
                "Weihnachten frühmorgens um 8:00",
                &[
                    ("Weihnachten", "date", r#""2025-12-25""#),
                    ("frühmorgens um 8:00", "time", r#""2025-12-25T08:00""#),
                ],
            ),
            (
                "zwei Minuten vor Schluss",
                &[(
                    "zwei Minuten",
                    "duration",
                    r#"{"amount":2.0,"unit":"minute","seconds":120.0}"#,
                )],
            ),
            ("Sie schlossen ein Abkommen.", &[]),
        ],
        "2025-10-28",
    );
}

#[test]
fn inches_halves_and_relative_day_ranges() {
    check(
        &[
            (
                "ein Rohr von 5'' Durchmesser",
                &[("5''", "quantity", r#"{"amount":5.0,"unit":"in"}"#)],
            ),
            (
                "mit 27\" Diagonale",
                &[("27\"", "quantity", r#"{"amount":27.0,"unit":"in"}"#)],
            ),
            // A `"` that closes a quotation is no inch mark.
            ("Der Film „Top 5\" lief.", &[("5", "number", "5.0")]),
            ("Er sagte \"Runde 5\" und ging.", &[("5", "number", "5.0")]),
            (
                "ein halber Liter",
                &[(
                    "ein halber Liter",
                    "quantity",
                    r#"{"amount":0.5,"unit":"l"}"#,
                )],
            ),
            ("die halbe Welt", &[]),
            (
                "Chinas Bevölkerung 1 414 021 100.",
                &[("1 414 021 100", "number", "1414021100.0")],
            ),
            (
                "von heute bis morgen",
                &[(
                    "von heute bis morgen",
                    "date",
                    r#"{"min":"2025-10-28","max":"2025-10-29"}"#,
                )],
            ),
        ],
        "2025-10-28",
    );
}

/// Without a reference date, relative dates are still found but their value is `null`;
/// a day and month without a year keep them ("XXXX-10-14", as for recurring dates).
#[test]
fn relative_dates_without_a_reference_date_are_null() {
    let cases: &[Case] = &[
        ("Am Dienstag kam er.", &[("Dienstag", "date", "null")]),
        ("Das war gestern.", &[("gestern", "date", "null")]),
        ("Im Vorjahr stieg er.", &[("Vorjahr", "date", "null")]),
        ("vor drei Jahren", &[("vor drei Jahren", "date", "null")]),
        (
            "am 14. Oktober",
            &[("14. Oktober", "date", "\"XXXX-10-14\"")],
        ),
        ("im Juli 2024", &[("Juli 2024", "date", "\"2024-07\"")]),
        (
            "am Montag um 9:30 Uhr",
            &[
                ("Montag", "date", "null"),
                ("9:30 Uhr", "time", "\"T09:30\""),
            ],
        ),
    ];
    check_with(cases, &Options::default());
}

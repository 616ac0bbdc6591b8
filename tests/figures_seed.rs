//! The founding example: every figure of the seed article, with its value. The article is
//! read from ../shared/seed at run time (it may not be copied into the repository); without
//! it the test is skipped with a note.

mod common;

use textmarker::{Annotator, Approx, FigureKind, Options, PeriodPart};

/// (text of the figure, kind, value as JSON, approx, mod).
type Row<T> = (T, FigureKind, T, Option<Approx>, Option<PeriodPart>);

/// Every figure, in order of appearance.
const EXPECTED: &[Row<&str>] = &[
    (
        "2025-10-28",
        FigureKind::Date,
        r#""2025-10-28""#,
        None,
        None,
    ),
    ("Dienstag", FigureKind::Date, r#""2025-10-28""#, None, None),
    (
        "550 Milliarden Dollar",
        FigureKind::Money,
        r#"{"amount":550000000000.0,"unit":"USD"}"#,
        None,
        None,
    ),
    (
        "472,51 Mrd. Euro",
        FigureKind::Money,
        r#"{"amount":472510000000.0,"unit":"EUR"}"#,
        None,
        None,
    ),
    (
        "Anfang Oktober",
        FigureKind::Date,
        r#""2025-10""#,
        None,
        Some(PeriodPart::Early),
    ),
    (
        "vergangenen Woche",
        FigureKind::Date,
        r#""2025-W43""#,
        None,
        None,
    ),
    ("Dienstag", FigureKind::Date, r#""2025-10-28""#, None, None),
    ("zweite", FigureKind::Ordinal, "2.0", None, None),
    ("Montag", FigureKind::Date, r#""2025-10-27""#, None, None),
    (
        "60.000",
        FigureKind::Number,
        "60000.0",
        Some(Approx::About),
        None,
    ),
    ("zwei Prozent", FigureKind::Percent, "2.0", None, None),
    (
        "zwei Jahre",
        FigureKind::Duration,
        r#"{"amount":2.0,"unit":"year","seconds":63072000.0}"#,
        None,
        None,
    ),
    ("Zweiten", FigureKind::Ordinal, "2.0", None, None),
    ("Dienstag", FigureKind::Date, r#""2025-10-28""#, None, None),
    ("acht Prozent", FigureKind::Percent, "8.0", None, None),
    ("Juli", FigureKind::Date, r#""2025-07""#, None, None),
    ("15 Prozent", FigureKind::Percent, "15.0", None, None),
];

#[test]
fn every_figure_of_the_seed_article() {
    let Some(text) = common::seed_article() else {
        return;
    };
    let options = Options::with_ref_date("2025-10-28").unwrap();
    let found = Annotator::new().annotate(&text, &options);
    let got: Vec<Row<String>> = found
        .figures
        .iter()
        .map(|f| {
            assert_eq!(&text[f.start..f.end], f.text, "span and text agree");
            (
                f.text.clone(),
                f.kind,
                serde_json::to_string(&f.value).unwrap(),
                f.approx,
                f.modifier,
            )
        })
        .collect();
    let expected: Vec<Row<String>> = EXPECTED
        .iter()
        .map(|(t, k, v, a, m)| (t.to_string(), *k, v.to_string(), *a, *m))
        .collect();
    let missing: Vec<_> = expected.iter().filter(|e| !got.contains(e)).collect();
    let extra: Vec<_> = got.iter().filter(|g| !expected.contains(g)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nunexpected: {extra:#?}"
    );
    assert_eq!(got, expected, "in order of appearance");
}

//! A number before a full stop that closes its sentence ("… von 12 auf 30. Die Polizei …")
//! ends the sentence for every layer: the figure is a cardinal, and no quotation of the next
//! sentence reaches back over the full stop (issue 27).

use textmarker::{Annotator, Options};

#[test]
fn a_quote_in_the_next_sentence_stops_at_the_full_stop() {
    let annotator = Annotator::new();
    let options = Options::with_ref_date("2025-10-28").unwrap();
    let cases = [
        "Die Zahl der Fälle stieg von 12 auf 30. Die Polizei sagte, man ermittle in alle Richtungen.",
        "Am Ende waren es 17. Der Sprecher erklärte, es gebe keine weiteren Opfer.",
        "Verletzt wurden 8. Sie teilte mit, die Lage sei unter Kontrolle.",
        "Die Quote fiel auf 45. Er betonte, dies sei ein Erfolg.",
        "Gezählt wurden 21. Laut Polizei waren alle unbewaffnet.",
    ];
    for text in cases {
        let full_stop = text.find(". ").unwrap();
        let found = annotator.annotate(text, &options);
        assert!(!found.quotes.is_empty(), "{text:?}: the report is a quote");
        for quote in &found.quotes {
            assert!(
                quote.start > full_stop,
                "{text:?}: quote {:?} reaches over the full stop",
                quote.text
            );
        }
        let before_stop: Vec<&str> = found
            .figures
            .iter()
            .filter(|f| f.end == full_stop)
            .map(|f| f.kind.as_str())
            .collect();
        assert_eq!(
            before_stop,
            ["number"],
            "{text:?}: the number before the full stop is a cardinal"
        );
    }
}

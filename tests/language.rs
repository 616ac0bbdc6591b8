//! The language check on whole articles: German news (the seed article, 100 10kGNAD articles,
//! German text full of English names and quotes) gets no warning; English text does.

mod common;

use textmarker::{Annotator, Options, Warning};

/// The English paragraph of issue 15, which the model marked up as if it were German.
const ENGLISH: &str =
    "On Tuesday, the President of the United States met Canada's Prime Minister in \
Washington to discuss trade. Officials said that the talks were productive and that both sides \
would continue negotiations next week in Ottawa, where the United States and Canada hope to settle \
their dispute over tariffs.";

/// German, with English names, titles and whole English quotations.
const GERMAN_WITH_ENGLISH: &str = "Der Apple-Chef Tim Cook hat auf der Worldwide Developers \
Conference in Cupertino das neue iPhone vorgestellt. „We think you're going to love it“, sagte \
Cook vor Vertretern von Google, Microsoft, der New York Times und des Wall Street Journal. \
„This is the best iPhone we have ever made, and we are very proud of it“, fügte er hinzu. Die \
Aktie von Apple stieg daraufhin um drei Prozent, wie die Financial Times berichtete.";

fn warnings(annotator: &Annotator, text: &str) -> Vec<Warning> {
    annotator.annotate(text, &Options::default()).warnings
}

#[test]
fn english_gets_the_warning_and_german_with_english_names_does_not() {
    let annotator = Annotator::new();
    let cases: &[(&str, &[Warning])] = &[
        (ENGLISH, &[Warning::NotGerman]),
        (GERMAN_WITH_ENGLISH, &[]),
        ("Trump in Tokio.", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(warnings(&annotator, text), *expected, "{text}");
    }
}

#[test]
fn the_seed_article_is_german() {
    let Some(seed) = common::seed_article() else {
        return;
    };
    assert_eq!(warnings(&Annotator::new(), &seed), []);
}

#[test]
fn hundred_10kgnad_articles_are_german() {
    let Some(jsonl) = common::read_shared("data/articles/10kgnad-test.jsonl") else {
        return;
    };
    let annotator = Annotator::new();
    let mut checked = 0;
    for line in jsonl.lines().take(100) {
        let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let text = record["text"].as_str().expect("a text");
        assert_eq!(warnings(&annotator, text), [], "{}", record["id"]);
        checked += 1;
    }
    assert_eq!(checked, 100);
}

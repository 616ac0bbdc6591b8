//! Over every dev document of ../shared/data/quotes (read at run time, never copied; the test
//! skips where it is absent): no speaker is a single word of a closed class. An adverb, a
//! conjunction, a preposition, an article or a sentence opener never speaks.

mod common;

use serde_json::Value;
use textmarker::{Annotator, Options};

/// German closed-class words, written here independently of the library's own lists.
const CLOSED_CLASS: &[&str] = &[
    // articles
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "einem",
    "einer",
    "eines",
    // conjunctions and subordinators
    "und",
    "oder",
    "aber",
    "denn",
    "sondern",
    "doch",
    "dass",
    "daß",
    "ob",
    "weil",
    "wenn",
    "als",
    "wie",
    "obwohl",
    "während",
    "nachdem",
    "bevor",
    "damit",
    "sodass",
    "falls",
    "sowie",
    "sowohl",
    "weder",
    "noch",
    "entweder",
    // prepositions
    "in",
    "im",
    "an",
    "am",
    "auf",
    "aus",
    "bei",
    "beim",
    "mit",
    "nach",
    "von",
    "vom",
    "zu",
    "zum",
    "zur",
    "für",
    "über",
    "unter",
    "vor",
    "gegen",
    "ohne",
    "um",
    "durch",
    "seit",
    "laut",
    "zufolge",
    "trotz",
    "wegen",
    "gegenüber",
    "zwischen",
    "neben",
    "hinter",
    "bis",
    "ab",
    // adverbs and sentence openers
    "insbesondere",
    "demnach",
    "zudem",
    "außerdem",
    "allerdings",
    "jedoch",
    "daher",
    "deshalb",
    "dabei",
    "dennoch",
    "trotzdem",
    "inzwischen",
    "mittlerweile",
    "bereits",
    "schon",
    "auch",
    "so",
    "dann",
    "danach",
    "darin",
    "darauf",
    "dazu",
    "hier",
    "dort",
    "heute",
    "gestern",
    "morgen",
    "jetzt",
    "nun",
    "zuletzt",
    "zunächst",
    "schließlich",
    "ebenfalls",
    "ebenso",
    "besonders",
    "vor allem",
    "gleichzeitig",
    "zugleich",
    "hingegen",
    "dagegen",
    "vielmehr",
    "immerhin",
    "jedenfalls",
    "offenbar",
    "offensichtlich",
    "angeblich",
    "vermutlich",
    "wahrscheinlich",
    "möglicherweise",
    "tatsächlich",
    "eigentlich",
    "natürlich",
    "leider",
    "zwar",
    "nur",
    "erst",
    "noch",
    "sogar",
    "selbst",
    "aktuell",
    "derzeit",
    "bisher",
    "bislang",
    "damals",
    "später",
    "früher",
    "anschließend",
    "daraufhin",
    "ferner",
    "weiterhin",
    "nämlich",
    "folglich",
    "somit",
    "letztlich",
    "unterdessen",
    "indes",
    "indessen",
    "stattdessen",
    "überdies",
    "wiederum",
    "nicht",
    "sehr",
    "ganz",
    "kaum",
    "fast",
    "etwa",
    "rund",
    "bereits",
];

#[test]
fn no_speaker_is_a_closed_class_word() {
    let Some(gold) = common::read_shared("data/quotes/dev.jsonl") else {
        return;
    };
    let annotator = Annotator::new();
    let options = Options::default();
    let mut bad = Vec::new();
    let mut speakers = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).expect("dev.jsonl holds JSON lines");
        let text = doc["text"].as_str().unwrap_or_default();
        for quote in annotator.annotate(text, &options).quotes {
            let Some(speaker) = quote.speaker else {
                continue;
            };
            speakers += 1;
            let word = speaker.text.trim().to_lowercase();
            if CLOSED_CLASS.contains(&word.as_str()) {
                bad.push(format!(
                    "{}: {:?} for {:?}",
                    doc["id"], speaker.text, quote.text
                ));
            }
        }
    }
    assert!(speakers > 1000, "only {speakers} speakers found");
    assert!(
        bad.is_empty(),
        "{} closed-class speakers:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

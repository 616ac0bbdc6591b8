//! Does a text look German? A cheap check so that the facades can warn before a reader trusts
//! marks that a German model made on, say, an English press release.
//!
//! German prose is about a third function words ("der", "und", "nicht", "wird"): articles,
//! pronouns, conjunctions and auxiliaries that no English, French or Spanish text uses at that
//! rate. Names, quotes and figures in another language lower the ratio only a little, so a
//! German article full of English names stays well above the threshold; an English paragraph,
//! whose only German-looking words are a few "in"s, falls far below it.

use crate::text::{Document, TokenKind};

/// Fewer words than this are not enough evidence either way: no warning.
const MIN_WORDS: usize = 20;

/// German news text measures 0.25–0.40; English or French text under 0.05 (words such as
/// "in", "so", "war" that both languages share are left out of the list).
const MIN_GERMAN_RATIO: f64 = 0.12;

/// At most this many words are read: the ratio settles long before, and a 16 MB text costs
/// no more than an article.
const MAX_WORDS: usize = 5_000;

/// Frequent German words that are not also frequent English, French or Spanish words.
fn is_german_function_word(word: &str) -> bool {
    matches!(
        word,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
            | "eines"
            | "und"
            | "oder"
            | "aber"
            | "nicht"
            | "auch"
            | "ist"
            | "sind"
            | "wird"
            | "werden"
            | "wurde"
            | "wurden"
            | "hat"
            | "haben"
            | "hatte"
            | "sei"
            | "mit"
            | "von"
            | "vom"
            | "zu"
            | "zum"
            | "zur"
            | "auf"
            | "für"
            | "im"
            | "ins"
            | "aus"
            | "bei"
            | "nach"
            | "über"
            | "unter"
            | "vor"
            | "sich"
            | "sie"
            | "er"
            | "wir"
            | "ich"
            | "ihr"
            | "ihre"
            | "sein"
            | "seine"
            | "dass"
            | "daß"
            | "wie"
            | "als"
            | "noch"
            | "nur"
            | "schon"
            | "mehr"
            | "sagte"
            | "bis"
            | "um"
            | "kann"
            | "soll"
            | "muss"
            | "dieser"
            | "diese"
            | "dieses"
            | "wenn"
            | "weil"
            | "doch"
            | "nun"
            | "jetzt"
            | "gegen"
            | "seit"
            | "durch"
    )
}

/// Whether `doc` looks like German text; `true` when there are too few words to tell.
pub(crate) fn looks_german(doc: &Document) -> bool {
    let mut words = 0usize;
    let mut german = 0usize;
    let mut lower = String::new();
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let word = &doc.text[token.span()];
        words += 1;
        // Function words are short; longer words cannot match and need no lowercasing.
        if word.len() <= 6 {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            german += usize::from(is_german_function_word(&lower));
        }
        if words == MAX_WORDS {
            break;
        }
    }
    words < MIN_WORDS || german as f64 >= MIN_GERMAN_RATIO * words as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn german(text: &str) -> bool {
        looks_german(&Document::new(text))
    }

    #[test]
    fn tells_german_from_other_languages() {
        let cases: &[(&str, bool)] = &[
            // German news prose.
            ("Die Bundesregierung hat am Dienstag in Berlin beschlossen, dass die Steuern im kommenden Jahr nicht steigen sollen. Der Finanzminister sagte, man werde die Lage weiter beobachten und gegebenenfalls nachsteuern.", true),
            // German with English names, titles and a quote in English.
            ("Der Apple-Chef Tim Cook hat auf der Worldwide Developers Conference in Cupertino das neue iPhone vorgestellt. „We think you're going to love it“, sagte Cook vor Vertretern von Google, Microsoft und der New York Times. Die Aktie von Apple stieg daraufhin um drei Prozent.", true),
            // English news prose, with a few words German also has ("in", "war").
            ("On Tuesday, the President of the United States met Canada's Prime Minister in Washington to discuss trade. Officials said that the talks were productive and that both sides would continue negotiations next week in Ottawa.", false),
            // French.
            ("Le président de la République a annoncé mardi que le gouvernement allait présenter une nouvelle loi sur les retraites. Les syndicats ont appelé à une grève nationale pour protester contre cette réforme.", false),
            // Spanish.
            ("El presidente del Gobierno anunció el martes que el Ejecutivo presentará una nueva ley sobre las pensiones. Los sindicatos han convocado una huelga general para protestar contra la reforma del sistema.", false),
            // Too short to tell, whatever the language.
            ("Breaking news from Washington.", true),
            ("", true),
            // Figures and names only: not enough words.
            ("1,2 Mrd. Euro – 3,4 % – 28.10.2025 – Tokio, Berlin, Washington", true),
        ];
        for (text, expected) in cases {
            assert_eq!(german(text), *expected, "{text}");
        }
    }

    #[test]
    fn reads_a_bounded_prefix_of_long_texts() {
        let english =
            "The talks were productive and both sides would continue negotiations next week. ";
        let german_text = "Die Gespräche waren produktiv und beide Seiten wollen sie in der nächsten Woche fortsetzen. ";
        // The first MAX_WORDS words decide: an English text with a German appendix warns.
        let text = english.repeat(MAX_WORDS / 5) + &german_text.repeat(MAX_WORDS);
        assert!(!german(&text));
        assert!(german(&german_text.repeat(MAX_WORDS)));
    }
}

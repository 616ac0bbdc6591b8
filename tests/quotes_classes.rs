//! Classes of quotation frames that must work, one table each. Every sentence is invented for
//! this test (no corpus text). A case names a fragment of the quote it is about and what its
//! speaker must be.

use textmarker::{Annotations, Annotator, Options, Quote};

#[derive(Clone, Copy, Debug)]
enum Expect {
    /// The quote has a speaker, and its text contains this.
    Speaker(&'static str),
    /// The quote's speaker, if any, does not contain this.
    NotSpeaker(&'static str),
    /// The quote's speaker, if any, holds none of these words (finite verbs, words of
    /// another clause).
    SpeakerWithout(&'static [&'static str]),
    /// No quote of the text contains this (the reporter's own sentence).
    NoQuoteHolds(&'static str),
}

type Case = (&'static str, &'static str, Expect);

fn annotate(text: &str) -> Annotations {
    Annotator::new().annotate(text, &Options::default())
}

fn quote_with<'a>(found: &'a Annotations, fragment: &str) -> Option<&'a Quote> {
    found.quotes.iter().find(|q| q.text.contains(fragment))
}

/// Checks every case and reports all failures at once.
fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(text, fragment, expect) in cases {
        let found = annotate(text);
        let quote = quote_with(&found, fragment);
        let speaker = quote
            .and_then(|q| q.speaker.as_ref())
            .map(|s| s.text.as_str());
        let ok = match expect {
            Expect::Speaker(wanted) => speaker.is_some_and(|s| s.contains(wanted)),
            Expect::NotSpeaker(unwanted) => !speaker.is_some_and(|s| s.contains(unwanted)),
            Expect::SpeakerWithout(unwanted) => !speaker.is_some_and(|s| {
                s.split(|c: char| !c.is_alphanumeric())
                    .any(|w| unwanted.contains(&w))
            }),
            Expect::NoQuoteHolds(reporter) => {
                !found.quotes.iter().any(|q| q.text.contains(reporter))
            }
        };
        if !ok {
            failures.push(format!(
                "{text:?}\n  expected {expect:?}; quote {:?}, speaker {speaker:?}",
                quote.map(|q| q.text.as_str())
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn an_affiliation_in_brackets_after_the_name() {
    use Expect::Speaker;
    check(&[
        (
            "Die Abgeordnete Jana Beispiel (Grüne) sagte: „Wir brauchen mehr Busse auf dem Land.“",
            "Busse",
            Speaker("Jana Beispiel"),
        ),
        (
            "Der Stadtrat Tobias Lindner (SPD) erklärte: „Die Brücke wird im Herbst fertig.“",
            "Brücke",
            Speaker("Tobias Lindner"),
        ),
        (
            "„Das Geld reicht nicht“, sagte Petra Kolbe (FDP) am Mittwoch.",
            "Geld",
            Speaker("Petra Kolbe"),
        ),
        (
            "Martin Sommerfeld (CDU) betonte, der Haushalt sei solide.",
            "Haushalt",
            Speaker("Martin Sommerfeld"),
        ),
        (
            "Fraktionschefin Ilse Brandt (Linke) kritisierte: „Das ist ein schlechter Tag für die Mieter.“",
            "Mieter",
            Speaker("Ilse Brandt"),
        ),
        (
            "„Wir lehnen den Antrag ab“, erklärte Hanno Weiß (AfD).",
            "Antrag",
            Speaker("Hanno Weiß"),
        ),
        (
            "Landrätin Sabine Ortmann (parteilos) sagte, die Schule bleibe geöffnet.",
            "Schule",
            Speaker("Sabine Ortmann"),
        ),
        (
            "Der Bürgermeister Klaus Reinhard (Freie Wähler) sagte: „Wir haben gut gewirtschaftet.“",
            "gewirtschaftet",
            Speaker("Klaus Reinhard"),
        ),
    ]);
}

#[test]
fn surnames_with_lower_case_particles() {
    use Expect::Speaker;
    check(&[
        (
            "Anna von der Heide sagte: „Der Plan ist gut durchdacht.“",
            "Plan",
            Speaker("von der Heide"),
        ),
        (
            "Die Ärztin Anna von der Heide betonte, man müsse schneller handeln.",
            "schneller",
            Speaker("Heide"),
        ),
        (
            "„Wir sind bereit“, sagte Lukas van den Berg.",
            "bereit",
            Speaker("van den Berg"),
        ),
        (
            "Karl zu Stolberg erklärte: „Das Schloss bleibt offen.“",
            "Schloss",
            Speaker("Stolberg"),
        ),
        (
            "Die Ministerin Eva de Vries sagte, die Reform komme im Mai.",
            "Reform",
            Speaker("Vries"),
        ),
        (
            "„Es gab keine Absprachen“, erklärte Jonas von Brandenstein.",
            "Absprachen",
            Speaker("Brandenstein"),
        ),
        (
            "Laut Maria van der Laan sei das Projekt gescheitert.",
            "Projekt",
            Speaker("Laan"),
        ),
        (
            "Friedrich von Weizen sagte: „Ich trete zurück.“",
            "zurück",
            Speaker("Weizen"),
        ),
    ]);
}

#[test]
fn dative_and_accusative_phrases_around_the_verb() {
    use Expect::{NotSpeaker, Speaker};
    check(&[
        (
            "Der Zeitung sagte Karl Muster: „Wir haben nichts zu verbergen.“",
            "verbergen",
            Speaker("Karl Muster"),
        ),
        (
            "Dem Sender erklärte die Trainerin: „Die Mannschaft ist müde.“",
            "Mannschaft",
            Speaker("Trainerin"),
        ),
        (
            "Sie nannte den Plan „einen Rückschritt für alle Familien“.",
            "Rückschritt",
            Speaker("Sie"),
        ),
        (
            "Der Minister lobte den Entwurf des Kollegen als „mutigen Schritt“.",
            "Schritt",
            Speaker("Minister"),
        ),
        (
            "Den Reportern sagte der Sprecher, die Gespräche gingen weiter.",
            "Gespräche",
            Speaker("Sprecher"),
        ),
        (
            "Gegenüber dem Radiosender betonte die Ärztin: „Die Lage ist ernst.“",
            "Lage",
            NotSpeaker("Radiosender"),
        ),
        (
            "Dem Gericht teilte der Anwalt mit, sein Mandant sei unschuldig.",
            "Mandant",
            Speaker("Anwalt"),
        ),
        (
            "Der Trainer bezeichnete die Niederlage als „bitter und unnötig“.",
            "bitter",
            Speaker("Trainer"),
        ),
        (
            "Einem Reporter sagte die Schauspielerin: „Ich liebe diese Stadt.“",
            "liebe",
            Speaker("Schauspielerin"),
        ),
    ]);
}

#[test]
fn source_phrases() {
    use Expect::Speaker;
    check(&[
        (
            "Laut der Polizei sei der Fahrer viel zu schnell gewesen.",
            "Fahrer",
            Speaker("Polizei"),
        ),
        (
            "Der Feuerwehr zufolge habe das Feuer im Keller begonnen.",
            "Feuer",
            Speaker("Feuerwehr"),
        ),
        (
            "Nach Angaben von Anwohnern sei die Straße seit Tagen gesperrt.",
            "Straße",
            Speaker("Anwohnern"),
        ),
        (
            "Wie die Stadtverwaltung mitteilte, werde die Halle im Juni eröffnet.",
            "Halle",
            Speaker("Stadtverwaltung"),
        ),
        (
            "„Das war ein Fehler“, so der Vorsitzende.",
            "Fehler",
            Speaker("Vorsitzende"),
        ),
        (
            "Die Kosten seien deutlich gestiegen, so die Sprecherin des Verbands.",
            "Kosten",
            Speaker("Sprecherin"),
        ),
        (
            "Laut Innenministerin Berta Holm sei die Lage unter Kontrolle.",
            "Lage",
            Speaker("Holm"),
        ),
        (
            "Der Bahn zufolge seien am Morgen viele Züge ausgefallen.",
            "Züge",
            Speaker("Bahn"),
        ),
        (
            "Nach Angaben des Veranstalters seien mehr als tausend Besucher gekommen.",
            "Besucher",
            Speaker("Veranstalters"),
        ),
        (
            "Wie ein Sprecher der Stadtwerke sagte, sei die Leitung inzwischen repariert.",
            "Leitung",
            Speaker("Sprecher"),
        ),
        (
            "„Wir bleiben dran“, so Trainer Ole Brink.",
            "dran",
            Speaker("Brink"),
        ),
    ]);
}

#[test]
fn documents_as_sources() {
    use Expect::Speaker;
    check(&[
        (
            "Im Bericht der Behörde heißt es: „Die Messwerte liegen unter dem Grenzwert.“",
            "Messwerte",
            Speaker("Bericht"),
        ),
        (
            "In der Erklärung der Regierung heißt es, man wolle die Gespräche fortsetzen.",
            "Gespräche",
            Speaker("Erklärung"),
        ),
        (
            "In einer Mitteilung des Vereins hieß es: „Wir danken allen Helfern.“",
            "Helfern",
            Speaker("Mitteilung"),
        ),
        (
            "„Die Preise steigen weiter“, heißt es in dem Bericht der Bank.",
            "Preise",
            Speaker("Bericht"),
        ),
        (
            "In dem Schreiben an die Mitglieder heißt es, die Beiträge würden nicht erhöht.",
            "Beiträge",
            Speaker("Schreiben"),
        ),
        (
            "Die Studie stellt fest: „Der Wald erholt sich nur langsam.“",
            "Wald",
            Speaker("Studie"),
        ),
        (
            "Im Urteil des Gerichts heißt es, der Vertrag sei nichtig.",
            "Vertrag",
            Speaker("Urteil"),
        ),
        (
            "Die Erklärung des Verbands schließt mit den Worten: „Wir stehen zu unseren Zusagen.“",
            "Zusagen",
            Speaker("Erklärung"),
        ),
    ]);
}

#[test]
fn no_speaker_holds_a_finite_verb_or_crosses_a_clause() {
    use Expect::SpeakerWithout;
    check(&[
        // The fragment the page once listed as a speaker.
        (
            "Deutlich gestiegen ist dem Bericht vom Donnerstag zufolge die Zahl der Anträge.",
            "Anträge",
            SpeakerWithout(&["gestiegen", "ist", "Deutlich"]),
        ),
        (
            "Stark gesunken ist laut der Statistik die Zahl der Unfälle.",
            "Unfälle",
            SpeakerWithout(&["gesunken", "ist", "Stark"]),
        ),
        (
            "Gewachsen sei nach Angaben des Amtes vor allem der Export.",
            "Export",
            SpeakerWithout(&["Gewachsen", "sei"]),
        ),
        (
            "Die Zahl der Gäste, die im Sommer kamen, sei gestiegen, sagte der Wirt.",
            "Gäste",
            SpeakerWithout(&["kamen", "sei", "gestiegen"]),
        ),
        (
            "Wer das Gebäude betritt, müsse sich anmelden, erklärte die Leiterin.",
            "anmelden",
            SpeakerWithout(&["betritt", "müsse", "Wer"]),
        ),
        (
            "Nachdem die Sitzung beendet war, sagte der Vorsitzende: „Wir sind zufrieden.“",
            "zufrieden",
            SpeakerWithout(&["war", "beendet", "Sitzung"]),
        ),
        (
            "Als die Ergebnisse vorlagen, erklärte die Wahlleiterin, die Beteiligung sei hoch.",
            "Beteiligung",
            SpeakerWithout(&["vorlagen", "Ergebnisse"]),
        ),
        (
            "Weil der Zug ausfiel, sagte der Schaffner: „Bitte steigen Sie um.“",
            "steigen",
            SpeakerWithout(&["ausfiel", "Zug"]),
        ),
    ]);
}

#[test]
fn a_frameless_quote_does_not_inherit_another_persons_speaker() {
    use Expect::NotSpeaker;
    check(&[
        (
            "Die Ministerin sagte: „Wir handeln jetzt.“\n\nDer Oppositionsführer widersprach. „Das ist reine Show.“",
            "Show",
            NotSpeaker("Ministerin"),
        ),
        (
            "„Wir sind gut vorbereitet“, sagte der Landrat.\n\nAnwohner Peter Kranz sieht das anders. „Niemand hat uns gefragt.“",
            "Niemand",
            NotSpeaker("Landrat"),
        ),
        (
            "Der Trainer erklärte: „Wir haben verdient gewonnen.“\n\nDer Kapitän der Gäste war enttäuscht. „Wir waren zu langsam.“",
            "langsam",
            NotSpeaker("Trainer"),
        ),
        (
            "Die Sprecherin der Stadt sagte: „Die Straße bleibt gesperrt.“\n\nEin Händler ärgert sich. „Ich verliere jeden Tag Kunden.“",
            "Kunden",
            NotSpeaker("Sprecherin"),
        ),
        (
            "„Die Zahlen sind gut“, sagte der Vorstandschef.\n\nDie Gewerkschaft sieht das kritisch. „Die Beschäftigten haben nichts davon.“",
            "Beschäftigten",
            NotSpeaker("Vorstandschef"),
        ),
        (
            "Der Bürgermeister sagte: „Wir bauen die neue Schule.“\n\nEine Mutter ist skeptisch. „Das höre ich seit Jahren.“",
            "seit Jahren",
            NotSpeaker("Bürgermeister"),
        ),
    ]);
}

#[test]
fn a_quote_never_starts_with_the_reporters_sentence() {
    use Expect::NoQuoteHolds;
    check(&[
        // The page once began a person's quote with the reporter's sentence before it.
        (
            "Der Umsatz stieg im dritten Quartal deutlich. „Wir sind sehr zufrieden“, sagte die Chefin.",
            "zufrieden",
            NoQuoteHolds("Der Umsatz stieg"),
        ),
        (
            "Die Stadt hat den Haushalt beschlossen. Der Kämmerer sagte, die Schulden würden sinken.",
            "Schulden",
            NoQuoteHolds("Haushalt beschlossen"),
        ),
        (
            "Am Montag begann der Prozess. Der Angeklagte sagte: „Ich bereue alles.“",
            "bereue",
            NoQuoteHolds("Am Montag begann"),
        ),
        (
            "Das Unternehmen hat 200 Stellen gestrichen. Ein Sprecher erklärte, man habe keine Wahl gehabt.",
            "Wahl",
            NoQuoteHolds("200 Stellen"),
        ),
        (
            "Die Polizei sperrte am Abend die Straße. Sie sei für mehrere Stunden gesperrt worden, sagte ein Sprecher.",
            "Stunden",
            NoQuoteHolds("Die Polizei sperrte"),
        ),
        (
            "Der Vertrag läuft bis 2030. Der Verein teilte mit, der Spieler bleibe bis dahin.",
            "Spieler",
            NoQuoteHolds("Der Vertrag läuft"),
        ),
    ]);
}

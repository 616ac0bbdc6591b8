//! Table-driven tests of the quotation layer: quotes, speakers, cues, entity links, groups.

use super::*;
use crate::annotations::EntityLabel;

fn quotes(text: &str) -> Vec<Quote> {
    let doc = Document::new(text);
    Recognizer::new().recognize(&doc, &[])
}

/// (text, quoted span, kind, speaker, cue)
type Case = (
    &'static str,
    &'static str,
    QuoteKind,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn finds_quotes_with_speaker_and_cue() {
    use QuoteKind::{Direct, Indirect};
    let cases: &[Case] = &[
        (
            "„Wir sind Verbündete“, sagte Trump am Dienstag.",
            "„Wir sind Verbündete“",
            Direct,
            Some("Trump"),
            Some("sagte"),
        ),
        (
            "Trump sagte: „Wir sind Verbündete.“",
            "„Wir sind Verbündete.“",
            Direct,
            Some("Trump"),
            Some("sagte"),
        ),
        (
            "Am Dienstag sagte der Minister: »Das reicht nicht.«",
            "»Das reicht nicht.«",
            Direct,
            Some("der Minister"),
            Some("sagte"),
        ),
        (
            "«Wir bleiben», erklärte die Sprecherin.",
            "«Wir bleiben»",
            Direct,
            Some("die Sprecherin"),
            Some("erklärte"),
        ),
        (
            "\"Das ist falsch\", so Müller.",
            "\"Das ist falsch\"",
            Direct,
            Some("Müller"),
            Some("so"),
        ),
        (
            "„Ich gehe“, teilte sie mit.",
            "„Ich gehe“",
            Direct,
            Some("sie"),
            Some("teilte"),
        ),
        (
            "„Er rief ‚Halt‘ und lief weg“, berichtete der Zeuge.",
            "„Er rief ‚Halt‘ und lief weg“",
            Direct,
            Some("der Zeuge"),
            Some("berichtete"),
        ),
        (
            "Die Opposition nannte den Plan „völlig absurd“.",
            "„völlig absurd“",
            Direct,
            Some("Die Opposition"),
            Some("nannte"),
        ),
        (
            "Der Minister sagte, dass die Steuern steigen würden.",
            "dass die Steuern steigen würden",
            Indirect,
            Some("Der Minister"),
            Some("sagte"),
        ),
        (
            "Die Sprecherin sagte, das Paket sei fertig.",
            "das Paket sei fertig",
            Indirect,
            Some("Die Sprecherin"),
            Some("sagte"),
        ),
        (
            "Die Feuerwehr gab an, es gebe keine Verletzten.",
            "es gebe keine Verletzten",
            Indirect,
            Some("Die Feuerwehr"),
            Some("gab"),
        ),
        // A verb-second clause whose verb the lexicon does not list.
        (
            "Der Minister sagte, die Union benötige eine starke Mehrheit.",
            "die Union benötige eine starke Mehrheit",
            Indirect,
            Some("Der Minister"),
            Some("sagte"),
        ),
        // Konjunktiv II stands in where Konjunktiv I looks like the indicative.
        (
            "Die Gewerkschaft mahnte an, die Löhne müssten steigen.",
            "die Löhne müssten steigen",
            Indirect,
            Some("Die Gewerkschaft"),
            Some("mahnte"),
        ),
        (
            "Laut Polizei wurden drei Menschen verletzt.",
            "wurden drei Menschen verletzt",
            Indirect,
            Some("Polizei"),
            Some("Laut"),
        ),
        (
            "Die Grenzen werden bald geschlossen, kündigte die Regierung an.",
            "Die Grenzen werden bald geschlossen",
            Indirect,
            Some("die Regierung"),
            Some("kündigte"),
        ),
    ];
    for &(text, span, kind, speaker, cue) in cases {
        let found = quotes(text);
        let q = found
            .iter()
            .find(|q| q.text == span && q.kind == kind)
            .unwrap_or_else(|| panic!("{span:?} not found in {text:?}: {found:?}"));
        assert_eq!(
            q.speaker.as_ref().map(|s| s.text.as_str()),
            speaker,
            "{text:?}"
        );
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), cue, "{text:?}");
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

/// Person entities at every occurrence of `names`, as the entity layer would give them.
fn quotes_with_people(text: &str, names: &[&str]) -> Vec<Quote> {
    let mut entities: Vec<Entity> = names
        .iter()
        .flat_map(|name| {
            text.match_indices(name).map(|(start, _)| Entity {
                start,
                end: start + name.len(),
                label: EntityLabel::Person,
                text: name.to_string(),
                entity_id: 0,
                figure_unit: false,
            })
        })
        .collect();
    entities.sort_by_key(|e| e.start);
    let doc = Document::new(text);
    Recognizer::new().recognize(&doc, &entities)
}

/// (text, entities the entity layer found, the speaker's entity if any)
type LinkCase = (
    &'static str,
    &'static [(&'static str, EntityLabel)],
    Option<&'static str>,
);

/// The speaker's entity is the mention's head, never a modifier inside it.
#[test]
fn links_the_speaker_to_the_entity_at_its_head() {
    use EntityLabel::{Location, LocationDeriv, Organisation, Person};
    let cases: &[LinkCase] = &[
        (
            "„Wir wachsen“, sagte der Sprecher der Handelskammer Bremen.",
            &[("Handelskammer Bremen", Organisation)],
            None,
        ),
        (
            "„Wir wachsen“, sagte der Sprecher der Handelskammer Bremen.",
            &[("Bremen", Location)],
            None,
        ),
        (
            "„Wir wachsen“, sagte der Gewerkschafter Bernd Auer.",
            &[("Bernd Auer", Person)],
            Some("Bernd Auer"),
        ),
        (
            "„Wir sind bereit“, sagte Japans Premierministerin Sanae Takaichi.",
            &[("Japans", Location), ("Sanae Takaichi", Person)],
            Some("Sanae Takaichi"),
        ),
        (
            "„Wir sind bereit“, sagte die japanische Premierministerin.",
            &[("japanische", LocationDeriv)],
            None,
        ),
        (
            "„Das ist falsch“, erklärte das Weiße Haus.",
            &[("Weiße Haus", Location)],
            Some("Weiße Haus"),
        ),
        (
            "„Das ist falsch“, erklärte der Konzern Siemens.",
            &[("Siemens", Organisation)],
            Some("Siemens"),
        ),
        (
            "„Das ist falsch“, sagte Trump.",
            &[("Trump", Person)],
            Some("Trump"),
        ),
    ];
    for &(text, found, expected) in cases {
        let mut entities: Vec<Entity> = found
            .iter()
            .enumerate()
            .map(|(id, &(name, label))| {
                let start = text.find(name).unwrap();
                Entity {
                    start,
                    end: start + name.len(),
                    label,
                    text: name.to_string(),
                    entity_id: id,
                    figure_unit: false,
                }
            })
            .collect();
        entities.sort_by_key(|e| e.start);
        let doc = Document::new(text);
        let recognizer = Recognizer::new();
        let mut quotes = recognizer.recognize(&doc, &entities);
        recognizer.link_speakers(&doc, &mut quotes, &entities);
        let speaker = quotes[0].speaker.as_ref().expect(text);
        let linked = speaker
            .entity
            .and_then(|id| entities.iter().find(|e| e.entity_id == id))
            .map(|e| e.text.as_str());
        assert_eq!(linked, expected, "{text:?} (speaker {:?})", speaker.text);
    }
}

#[test]
fn finds_the_speaker_behind_harder_frames() {
    // (text, person names the entity layer knows, start of the quote, speaker)
    let cases: &[(&str, &[&str], &str, &str)] = &[
        // Apposition between commas, then the verb.
        (
            "Kay Weidner, ein Sprecher des Kartellamts in Bonn, sagte der Zeitung: „Wir schauen uns das genau an.“",
            &[],
            "„Wir",
            "Kay Weidner",
        ),
        // The head of the appositions before the verb, past a bracketed party.
        (
            "Die Ministerin wies das zurück, die Sprecherin der Fraktion, Sandra Boser (Grüne), erklärte: „Das ist völlig falsch.“",
            &[],
            "„Das",
            "die Sprecherin der Fraktion",
        ),
        // A relative clause frames the quote: the relative pronoun stands for the noun before it.
        (
            "Der Führer, der den Sieg zunächst als „Fest“ bezeichnete, ordnete eine Prüfung an.",
            &[],
            "„Fest",
            "Der Führer, der",
        ),
        // "so" with a verb the lexicon may lack.
        (
            "„Er ist die eiserne Hand im Handschuh“, so charakterisierte ihn der Gewerkschafter Bernd Auer.",
            &[],
            "„Er",
            "der Gewerkschafter Bernd Auer",
        ),
        // Active "zitieren": the one quoted is the object.
        (
            "„Das ist eine Größenordnung, die neu ist“, zitiert die Zeitung den Polizeisprecher Ralf Meyer.",
            &[],
            "„Das",
            "den Polizeisprecher Ralf Meyer",
        ),
        (
            "Die Rundschau zitiert einen Augenzeugen mit den Worten: „Er ist einfach weggelaufen.“",
            &[],
            "„Er",
            "einen Augenzeugen",
        ),
        // Passive "zitiert werden": the subject is the one quoted.
        (
            "„Das ist eine echte Chance“, wird Mike Downey, Manager bei Adobe, zitiert.",
            &[],
            "„Das",
            "Mike Downey",
        ),
        // A document as source: "In dem Antrag heißt es".
        (
            "In dem Antrag heißt es wörtlich: „Die Einstufung wird aufgehoben.“",
            &[],
            "„Die",
            "dem Antrag",
        ),
        // A focus adverb and the subject share the first position.
        (
            "Auch der Außenminister Donald Rumsfeld attackierte den Iran als den „führenden Förderer von Terrorismus“.",
            &[],
            "„führenden",
            "der Außenminister Donald Rumsfeld",
        ),
        // A sentence-initial adverb is no speaker.
        (
            "Aktuell lässt sie dort Folgendes erklären: „Sie hat sich das ausgedacht.“",
            &[],
            "„Sie",
            "sie",
        ),
        // Colon without verb: a named person beats a non-agentive subject.
        (
            "Das Fazit von Sandra Boser überrascht nicht: „Darauf können wir stolz sein.“",
            &["Sandra Boser"],
            "„Darauf",
            "Sandra Boser",
        ),
        // An unknown verb right after the quote, then a named speaker.
        (
            "„Wir haben jetzt vier Punkte“, zeigte sich Milovan Rajevac nach dem Spiel zufrieden.",
            &["Milovan Rajevac"],
            "„Wir",
            "Milovan Rajevac",
        ),
        // A demonstrative alone after the verb.
        (
            "Im Blog der Studentin schreibt diese: „Das ist die berechtigte Frage.“",
            &[],
            "„Das",
            "diese",
        ),
        // Negated participle inside the noun phrase.
        (
            "Ein nicht genannter Vertreter der Firma bezeichnet die Investition als „strategisch“.",
            &[],
            "„strategisch",
            "Ein nicht genannter Vertreter der Firma",
        ),
        // Particle verb missing from the shared lexicon, verb-final after "wie".
        (
            "Die Speicherung oder, wie sich Tauss ausdrückte, „das prophylaktische Scannen“ stehe damit nicht in Einklang.",
            &[],
            "„das",
            "Tauss",
        ),
        // A short name in brackets after a quoted sentence.
        (
            "„Die Wahlen sind frei und fair abgelaufen.“ (Konrad-Adenauer-Stiftung).",
            &[],
            "„Die",
            "Konrad-Adenauer-Stiftung",
        ),
        // "heißt es auf …" names the source after it.
        (
            "Geehrt werden Menschen, „die sich um die Aufklärung verdient gemacht haben“, heißt es auf der Webseite des Preises.",
            &[],
            "„die",
            "der Webseite des Preises",
        ),
        // "nach Darstellung von …".
        (
            "Nach Darstellung des Verlages bietet das Buch eine „differenzierte Betrachtung“.",
            &[],
            "„differenzierte",
            "des Verlages",
        ),
        // A second verb after "und" shares the subject of the first.
        (
            "In seiner Stellungnahme befand der Premierminister Benjamin Netanyahu den Angriff als gerechtfertigt und nannte den Auftrag „schnell und entschieden“.",
            &[],
            "„schnell",
            "der Premierminister Benjamin Netanyahu",
        ),
        // Verb-final "hieß": the source stands between "es" and the verb.
        (
            "Aber wie es aus Kreisen der Regierung dazu ergänzend hieß, gebe es da noch „Möglichkeiten für eine Feinabstimmung“.",
            &[],
            "„Möglichkeiten",
            "Kreisen der Regierung",
        ),
        // A colon after a speech noun with "von X".
        (
            "Zitat von Schröder: „Wir haben etwas erreicht, was viele für unmöglich hielten.“",
            &[],
            "„Wir",
            "Schröder",
        ),
        // A role and its holder's name in apposition: the mention covers both.
        (
            "Der Vorsitzende des Verbands in Bayern, Michael Knipper, kritisierte die Entscheidung: „Das ist falsch.“",
            &["Michael Knipper"],
            "„Das",
            "Der Vorsitzende des Verbands in Bayern, Michael Knipper",
        ),
        (
            "Olaf Berger, der Stellvertreter von Timoschenko sagte: „Das ist falsch.“",
            &["Olaf Berger", "Timoschenko"],
            "„Das",
            "Olaf Berger",
        ),
        // A quote inside a sentence with its own speaking subject does not continue the
        // speaker of the sentence before.
        (
            "„Das ist ein Skandal“, so die Anwältin. Ein Polizeisprecher gab an, dass „bis zur Tat keine Kenntnis von dem Haftbefehl“ vorhanden gewesen sei.",
            &[],
            "„bis",
            "Ein Polizeisprecher",
        ),
    ];
    for &(text, people, quote_start, speaker) in cases {
        let found = quotes_with_people(text, people);
        let q = found
            .iter()
            .find(|q| q.kind == QuoteKind::Direct && q.text.starts_with(quote_start))
            .unwrap_or_else(|| panic!("{quote_start:?} not found in {text:?}: {found:?}"));
        assert_eq!(
            q.speaker.as_ref().map(|s| s.text.as_str()),
            Some(speaker),
            "{text:?}"
        );
    }
}

#[test]
fn konjunktiv_continues_the_last_report() {
    let text =
        "Die Ministerin sagte, der Plan sei fertig. Das Paket umfasse Investitionen in Schulen.";
    let found = quotes(text);
    let continued = found
        .iter()
        .find(|q| q.text.starts_with("Das Paket"))
        .expect("Konjunktiv-I sentence");
    assert_eq!(continued.kind, QuoteKind::Indirect);
    assert_eq!(
        continued.speaker.as_ref().map(|s| s.text.as_str()),
        Some("Die Ministerin")
    );
}

#[test]
fn konjunktiv_without_a_report_takes_the_speaking_subject_before() {
    // (text, start of the Konjunktiv-I sentence, speaker)
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Die Sprecherin bedauerte die Entscheidung. Es seien offenbar Fehler gemacht worden.",
            "Es seien",
            Some("Die Sprecherin"),
        ),
        // The sentence before is about no one who speaks.
        (
            "Die Brücke wurde gesperrt. Es seien offenbar Fehler gemacht worden.",
            "Es seien",
            None,
        ),
    ];
    for &(text, start, speaker) in cases {
        let found = quotes(text);
        let q = found
            .iter()
            .find(|q| q.kind == QuoteKind::Indirect && q.text.starts_with(start))
            .unwrap_or_else(|| panic!("{start:?} not found in {text:?}: {found:?}"));
        assert_eq!(
            q.speaker.as_ref().map(|s| s.text.as_str()),
            speaker,
            "{text:?}"
        );
    }
}

#[test]
fn interrupted_quote_shares_a_group() {
    let text = "„Wir kommen“, sagte Trump, „und wir bleiben.“";
    let found = quotes(text);
    let direct: Vec<_> = found
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 2, "{found:?}");
    assert!(direct[0].group.is_some() && direct[0].group == direct[1].group);
    assert_eq!(
        direct[1].speaker.as_ref().map(|s| s.text.as_str()),
        Some("Trump")
    );
}

#[test]
fn quote_runs_over_paragraphs() {
    let text = "Er sagte: „Der erste Absatz endet hier.\n„Der zweite Absatz schließt das Zitat.“";
    let found = quotes(text);
    assert!(
        found.iter().any(|q| q.kind == QuoteKind::Direct
            && q.text.starts_with("„Der erste")
            && q.text.ends_with("Zitat.“")),
        "{found:?}"
    );
}

#[test]
fn titles_names_and_scare_quotes_are_not_quotes() {
    let cases = [
        "Das sagte er dem Nachrichtenmagazin „Der Spiegel“.",
        "Die Erbauer streben einen Eintrag im „Guinessbuch der Rekorde“ an.",
        "Der Autor hat ein Buch mit dem Titel „Die Revolution frisst ihre Kinder“ geschrieben.",
        "Das Schiff „Arctowski“ lag im Hafen.",
        "Er feierte den so genannten „Ur-Fisch“ als Fund.",
        "Wie „heise online“ berichtet, wurde gesperrt.",
        "Die Gewerkschaft „IG Bau“ (kurz) warnte.",
    ];
    for text in cases {
        let found = quotes(text);
        assert!(
            found.iter().all(|q| q.kind != QuoteKind::Direct),
            "{text:?}: {found:?}"
        );
    }
}

/// A second main clause that shares the subject is no frame for the first.
#[test]
fn coordinated_clauses_are_not_reports() {
    let cases = [
        "Die Gewerkschaft begrüßte die Pläne, mahnte aber faire Löhne an.",
        "Der Verband lobte das Gesetz, kritisierte jedoch die Kosten.",
    ];
    for text in cases {
        let found = quotes(text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }
}

#[test]
fn unbalanced_and_degenerate_marks_never_panic() {
    let cases = [
        "„",
        "“",
        "„„„",
        "“““ „",
        "\"",
        "\"\"\"",
        "»«»«",
        "‚‘’",
        "„Offen ohne Ende",
        "Ende“ nur",
        "„a“„b“„c“",
        "\" sagte er",
        "„🙂“, sagte 🙂.",
        "„\u{301}“",
        ", sagte",
        ": „",
        "so",
        "laut",
        "„Ja.“ (",
        "„Ja.“ ()",
        "„Ja.“ (A",
        "„Ja“, so",
        "„Ja“, so sagte",
        "wie es hieß",
        "wie es aus hieß",
        "Zitat von:",
        "Zitat von: „",
        ", , , sagte: „Ja“",
        "und sagte „Ja“",
        "„Ja“, zitiert",
        "„Ja“, wird",
        "Der, der sagte, „x“",
        "Diese",
        "„Ja“, zeigte sich",
    ];
    for text in cases {
        for q in quotes(text) {
            assert!(q.start <= q.end && q.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        }
    }
}

#[test]
fn a_million_quotation_marks_stay_linear() {
    let started = std::time::Instant::now();
    for unit in ["„", "\"", "„a“, sagte er. ", "»", "‚"] {
        let text = unit.repeat(1_000_000 / unit.chars().count().max(1));
        let _ = quotes(&text);
    }
    let long_line = "Er sagte, es sei gut und ".repeat(200_000);
    let _ = quotes(&long_line);
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

/// A separable verb's cue holds the finite verb and, as `particle`, its particle; a colon
/// frame's cue is its clause's verb.
#[test]
fn cues_of_separable_verbs_carry_their_particle() {
    // (text, start of the quote, cue, particle)
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        ("„Ich gehe“, teilte sie mit.", "„Ich", "teilte", Some("mit")),
        (
            "Die Grenzen werden bald geschlossen, kündigte die Regierung an.",
            "Die Grenzen",
            "kündigte",
            Some("an"),
        ),
        (
            "Die Feuerwehr gab am Abend an, es gebe keine Verletzten.",
            "es gebe",
            "gab",
            Some("an"),
        ),
        (
            "„Das ist falsch“, sagte der Minister am Abend.",
            "„Das",
            "sagte",
            None,
        ),
        // A colon after a clause whose verb the lexicon lacks: that verb is the cue.
        (
            "In der ARD zeigte sich der Trainer zufrieden: „Wir haben gut gespielt.“",
            "„Wir",
            "zeigte",
            None,
        ),
        (
            "Im Kongress warb Obama für das Gesetz mit den Worten: „Das ist nötig.“",
            "„Das",
            "mit den Worten",
            None,
        ),
    ];
    for &(text, quote_start, cue, particle) in cases {
        let found = quotes(text);
        let q = found
            .iter()
            .find(|q| q.text.starts_with(quote_start))
            .unwrap_or_else(|| panic!("{quote_start:?} not found in {text:?}: {found:?}"));
        let c = q.cue.as_ref().expect(text);
        assert_eq!(c.text, cue, "{text:?}");
        let p = c.particle.as_ref();
        assert_eq!(p.map(|p| p.text.as_str()), particle, "{text:?}");
        if let Some(p) = p {
            assert_eq!(&text[p.start..p.end], p.text);
        }
    }
}

/// A pronoun speaker links to the nearest person of its gender in the same or the previous
/// paragraph, or to none when the text leaves it open.
#[test]
fn pronoun_speakers_resolve_to_a_compatible_person_or_none() {
    // (text, person names, the person the pronoun speaker links to)
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        (
            "Olaf Scholz kam spät. „Wir sind einig“, sagte er.",
            &["Olaf Scholz"],
            Some("Olaf Scholz"),
        ),
        // The gender a role noun shows beats a nearer person of unknown gender.
        (
            "Die Kanzlerin Angela Merkel traf Olaf Scholz. „Wir sind einig“, sagte sie.",
            &["Angela Merkel", "Olaf Scholz"],
            Some("Angela Merkel"),
        ),
        (
            "Ministerin Anna Berg traf Minister Paul Roth. „Wir sind einig“, sagte er.",
            &["Anna Berg", "Paul Roth"],
            Some("Paul Roth"),
        ),
        // Two people of unknown gender: either could be meant.
        (
            "Kim Berg traf Alex Roth. „Wir sind einig“, sagte sie.",
            &["Kim Berg", "Alex Roth"],
            None,
        ),
        // Two paragraphs back is another speaker's turn.
        (
            "Olaf Scholz kam spät.\n\nDas Wetter war schlecht.\n\n„Wir sind einig“, sagte er.",
            &["Olaf Scholz"],
            None,
        ),
    ];
    for &(text, people, expected) in cases {
        let mut entities: Vec<Entity> = people
            .iter()
            .enumerate()
            .flat_map(|(id, name)| {
                text.match_indices(name).map(move |(start, _)| Entity {
                    start,
                    end: start + name.len(),
                    label: EntityLabel::Person,
                    text: name.to_string(),
                    entity_id: id,
                    figure_unit: false,
                })
            })
            .collect();
        entities.sort_by_key(|e| e.start);
        let doc = Document::new(text);
        let recognizer = Recognizer::new();
        let mut found = recognizer.recognize(&doc, &entities);
        recognizer.link_speakers(&doc, &mut found, &entities);
        let q = found
            .iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .unwrap_or_else(|| panic!("no quote in {text:?}: {found:?}"));
        let linked = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity)
            .map(|id| people[id]);
        assert_eq!(linked, expected, "{text:?}: {:?}", q.speaker);
    }
}

/// An attribution phrase inside a reported clause splits it into two parts of one quote.
#[test]
fn a_report_interrupted_by_its_source_is_one_quote_in_two_parts() {
    let text = "Drei Polizisten wurden laut Innenministerium bei dem Einsatz leicht verletzt.";
    let found = quotes(text);
    let parts: Vec<_> = found
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect();
    let texts: Vec<&str> = parts.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Drei Polizisten wurden", "bei dem Einsatz leicht verletzt"],
        "{found:?}"
    );
    assert!(parts[0].group.is_some() && parts[0].group == parts[1].group);
    for q in parts {
        assert_eq!(
            q.speaker.as_ref().map(|s| s.text.as_str()),
            Some("Innenministerium")
        );
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("laut"));
    }
}

//! The words the quotation layer looks for: reporting verbs (generated from the shared
//! lexicon), role nouns, and the closed classes of German grammar that frame a quote.

use crate::hash::FxMap;

#[path = "../generated/speech.rs"]
mod generated;
mod naming;

use naming::{GENRE_NOUNS, NAMING_WORDS};

type FastMap<K, V> = FxMap<K, V>;

/// What a reporting verb does with its complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbClass {
    /// say, state, announce …: takes a quote, a dass clause or a verb-second clause.
    Report,
    /// demand, ask, warn …: also takes an infinitive clause ("forderte X auf, … zu …").
    Demand,
    /// think, hope …: reported thought.
    Think,
    /// nennen, bezeichnen: evaluate with a quoted phrase ("nannte es „…“").
    Evaluate,
}

/// One form of a reporting verb.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VerbForm {
    /// The separable particle the finite form needs later in its clause, or "".
    pub particle: &'static str,
    pub class: VerbClass,
}

/// Verbs that evaluate with a quoted phrase; general German, not in the shared lexicon.
const EVALUATIVE_FORMS: &[&str] = &[
    "nennt",
    "nennen",
    "nannte",
    "nannten",
    "genannt",
    "bezeichnet",
    "bezeichnen",
    "bezeichnete",
    "bezeichneten",
    "betitelte",
    "kritisierte",
    "sprach",
    "sprachen",
    "spricht",
    "warnte",
    "warnten",
];

/// Reporting verbs the shared lexicon lacks, with the particle a finite form needs later in
/// its clause ("drückte … aus", "brachte … zum Ausdruck", "strich … heraus", "gab … an").
const EXTRA_REPORT_FORMS: &[(&str, &str)] = &[
    ("charakterisiert", ""),
    ("charakterisierte", ""),
    ("charakterisierten", ""),
    ("charakterisieren", ""),
    ("ausdrückte", ""),
    ("ausdrückten", ""),
    ("ausdrückt", ""),
    ("ausgedrückt", ""),
    ("drückte", "aus"),
    ("drückten", "aus"),
    ("drückt", "aus"),
    ("brachte", "Ausdruck"),
    ("brachten", "Ausdruck"),
    ("bringt", "Ausdruck"),
    ("gebracht", "Ausdruck"),
    ("strich", "heraus"),
    ("strichen", "heraus"),
    ("streicht", "heraus"),
    ("herausstrich", ""),
    ("herausgestrichen", ""),
    ("skandierte", ""),
    ("skandierten", ""),
    ("skandieren", ""),
    ("skandiert", ""),
    // "zeigte sich zufrieden", "zeigte sich überzeugt, dass …": a stance made public.
    ("zeigte", "sich"),
    ("zeigten", "sich"),
    ("zeigt", "sich"),
    ("zeigen", "sich"),
    ("gab", "an"),
    ("gaben", "an"),
    ("gibt", "an"),
    ("geben", "an"),
    ("angegeben", ""),
    ("erhofft", ""),
    ("erhoffte", ""),
    ("erhofften", ""),
];

/// Evaluating verbs the shared lexicon lacks ("attackierte X als „…“").
const EXTRA_EVALUATIVE_FORMS: &[&str] = &[
    "attackiert",
    "attackierte",
    "attackierten",
    "beschrieb",
    "beschrieben",
    "beschreibt",
    "lobte",
    "lobten",
    "lobt",
    "gesprochen",
];

/// Forms that are far more often something else ("meine" the possessive, "befindet sich").
const AMBIGUOUS_FORMS: &[&str] = &[
    "meine",
    "meinen",
    "finden",
    "findet",
    "fand",
    "fanden",
    "gefunden",
    "befinden",
    "befindet",
    "befand",
    "befanden",
    "befunden",
    "denken",
    "rufen",
    "geschätzt",
    "schätzen",
    "gestehen",
    "raten",
    "danken",
    "klagen",
    "annehmen",
    "angenommen",
    "nimmt",
    "nahm",
    "nahmen",
    "nehmen",
    "gebe",
    "geben",
    "gibt",
    "gab",
    "gaben",
    "stellt",
    "stellte",
    "stellten",
    "stellen",
];

/// Finite verbs in Konjunktiv I (and the Konjunktiv II that replaces it where the forms
/// coincide): the mark of reported speech.
const SUBJUNCTIVE_FORMS: &[&str] = &[
    "sei",
    "seien",
    "habe",
    "werde",
    "könne",
    "müsse",
    "solle",
    "wolle",
    "dürfe",
    "möge",
    "wisse",
    "gebe",
    "gehe",
    "komme",
    "stehe",
    "liege",
    "bleibe",
    "lasse",
    "brauche",
    "fehle",
    "handle",
    "handele",
    "bestehe",
    "bedeute",
    "erfolge",
    "entstehe",
    "erwarte",
    "plane",
    "gelte",
    "halte",
    "sehe",
    "trage",
    "zeige",
    "mache",
    "arbeite",
    "diene",
    "betrage",
    "umfasse",
    "befinde",
    "verfüge",
    "beabsichtige",
    "erscheine",
    "führe",
    "biete",
    "finde",
    "lebe",
    "setze",
    "verstoße",
    "reiche",
    "laufe",
    "falle",
    "stamme",
    "richte",
    "wirke",
    "hänge",
    "spiele",
    "gehöre",
    "erhalte",
    "verliere",
    "sehe",
    "beginne",
    "ende",
    "koste",
    "drohe",
    "fordere",
    "unterstütze",
    "lehne",
    "prüfe",
    "suche",
    "kenne",
    "glaube",
    "hoffe",
    "wünsche",
    "nutze",
    "sorge",
    "stelle",
    "treffe",
    "trete",
    "ziele",
    "zähle",
    "passe",
    "sitze",
    "befürchte",
    "stimme",
    "lohne",
    "lege",
    "bringe",
    "nehme",
    "schaffe",
    "tue",
];

/// Konjunktiv II forms that stand in for Konjunktiv I: only continue a report.
const SUBSTITUTE_SUBJUNCTIVE: &[&str] = &[
    "hätten", "würden", "wären", "hätte", "würde", "wäre", "könnten", "müssten", "sollten",
    "dürften",
];

/// Articles and pronoun determiners that open a noun phrase.
pub(crate) const DETERMINERS: &[&str] = &[
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "dieser",
    "diese",
    "dieses",
    "diesem",
    "diesen",
    "jener",
    "jene",
    "sein",
    "seine",
    "seiner",
    "seinem",
    "seinen",
    "ihr",
    "ihre",
    "ihrer",
    "ihrem",
    "ihren",
    "unser",
    "unsere",
    "kein",
    "keine",
    "mehrere",
    "einige",
    "viele",
    "beide",
    "alle",
    "zahlreiche",
    "andere",
    "weitere",
];

/// Determiners that mark dative, accusative or genitive ("Eines Tages"): not a subject.
pub(crate) const OBLIQUE_DETERMINERS: &[&str] = &[
    "des", "eines", "dem", "den", "einem", "einen", "diesem", "diesen", "jenem", "jenen", "seinem",
    "seinen", "ihrem", "ihren", "unserem", "unseren", "keinem", "keinen", "meinem", "meinen",
];

/// Personal pronouns that can be speakers.
pub(crate) const PERSON_PRONOUNS: &[&str] = &["er", "sie", "ich", "wir", "man"];

pub(crate) const PREPOSITIONS: &[&str] = &[
    "am",
    "im",
    "in",
    "an",
    "auf",
    "aus",
    "bei",
    "beim",
    "mit",
    "nach",
    "vor",
    "seit",
    "von",
    "vom",
    "zu",
    "zum",
    "zur",
    "für",
    "über",
    "unter",
    "gegen",
    "während",
    "trotz",
    "wegen",
    "durch",
    "ohne",
    "um",
    "gegenüber",
    "hinter",
    "neben",
    "zwischen",
    "bis",
    "ab",
    "ins",
    "ans",
    "aufs",
    "angesichts",
    "innerhalb",
    "außerhalb",
    "anlässlich",
];

/// Conjunctions that open a verb-final clause: its subject follows them.
pub(crate) const SUBORDINATORS: &[&str] = &[
    "wie", "als", "nachdem", "weil", "während", "dass", "daß", "ob", "wenn", "obwohl", "da",
    "wonach", "womit", "worauf", "sodass",
];

/// Complementisers of reported speech.
pub(crate) const COMPLEMENTISERS: &[&str] = &[
    "dass",
    "daß",
    "ob",
    "wie",
    "wonach",
    "warum",
    "wann",
    "wer",
    "was",
    "wo",
    "weshalb",
    "inwieweit",
    "welche",
    "welcher",
    "welches",
];

/// Adverbs that can stand first in a main clause (then the subject follows the verb).
pub(crate) const ADVERBS: &[&str] = &[
    "dazu",
    "später",
    "zudem",
    "dann",
    "gestern",
    "heute",
    "morgen",
    "außerdem",
    "auch",
    "daraufhin",
    "damals",
    "inzwischen",
    "bereits",
    "zuvor",
    "danach",
    "anschließend",
    "jetzt",
    "nun",
    "zuletzt",
    "bisher",
    "weiter",
    "ebenfalls",
    "so",
    "doch",
    "aber",
    "hier",
    "dort",
    "deshalb",
    "daher",
    "dabei",
    "darin",
    "darauf",
    "darüber",
    "dagegen",
    "trotzdem",
    "allerdings",
    "jedoch",
    "vielmehr",
    "erst",
    "schon",
    "noch",
    "immer",
    "oft",
    "mehrfach",
    "kürzlich",
    "gleichzeitig",
    "zunächst",
    "schließlich",
    "ferner",
    "wörtlich",
    "lediglich",
    "nur",
    "bislang",
    "letztlich",
    "zugleich",
    "hingegen",
    "wiederum",
    "ebenso",
    "indes",
    "unterdessen",
    "mittlerweile",
    "demnach",
    "offenbar",
    "allein",
    "sich",
    "es",
    "nicht",
    "selbst",
    "derzeit",
    "aktuell",
    "gerade",
    "sogar",
    // Sentence adverbs that open a clause and never speak ("Insbesondere …").
    "insbesondere",
    "besonders",
    "sehr",
    "fast",
    "etwa",
    "kaum",
    "immerhin",
    "jedenfalls",
    "nämlich",
    "dennoch",
    "zwar",
    "ohnehin",
    "somit",
    "folglich",
    "stattdessen",
    "überdies",
    "weiterhin",
    "indessen",
    "vorerst",
    "vermutlich",
    "offensichtlich",
    "angeblich",
    "tatsächlich",
    "natürlich",
    "leider",
    "eigentlich",
    "wahrscheinlich",
    "möglicherweise",
    "insgesamt",
    "zumindest",
    "wenigstens",
    "ausgerechnet",
    "genau",
    "ganz",
    "gar",
    "endlich",
    "plötzlich",
    "sofort",
    "wieder",
    "einmal",
    "bald",
    "gleich",
    "darum",
    "deswegen",
    "freilich",
    "vielleicht",
];

/// Coordinating conjunctions: they join clauses and never open a noun phrase.
pub(crate) const CONJUNCTIONS: &[&str] = &["und", "oder", "denn", "sondern", "bzw", "sowie"];

/// Words that are capitalised yet no name: they do not make a quoted phrase a title.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "der", "die", "das", "und", "oder", "von", "für", "mit", "im", "in", "am", "zu", "zur", "zum",
    "des", "den", "dem", "of", "the", "and", "for", "a", "de", "la", "le", "du", "et", "an", "auf",
    "aus", "ohne", "vor", "über", "unter", "nach", "bei",
];

/// Bits of [`Lexicon::word_facts`]: one lookup tells all a token needs.
pub(crate) const IS_VERB: u16 = 1;
pub(crate) const IS_SUBJUNCTIVE: u16 = 2;
pub(crate) const IS_SUBSTITUTE: u16 = 4;
/// Closed classes, looked up in lower case (also for sentence-initial capitals).
pub(crate) const IS_DETERMINER: u16 = 8;
pub(crate) const IS_PREPOSITION: u16 = 16;
pub(crate) const IS_ADVERB: u16 = 32;
pub(crate) const IS_SUBORDINATOR: u16 = 64;
pub(crate) const IS_PRONOUN: u16 = 128;
pub(crate) const IS_OBLIQUE: u16 = 256;
pub(crate) const IS_CONJUNCTION: u16 = 512;
/// The bits that hold for a word whatever its case.
pub(crate) const CLOSED_CLASSES: u16 = IS_DETERMINER
    | IS_PREPOSITION
    | IS_ADVERB
    | IS_SUBORDINATOR
    | IS_PRONOUN
    | IS_OBLIQUE
    | IS_CONJUNCTION;

/// The grammatical gender of a person, as a role noun or title shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Feminine,
    Masculine,
}

pub(crate) struct Lexicon {
    verbs: FastMap<&'static str, Vec<VerbForm>>,
    /// Singular role nouns in lower case with their gender ("ministerin" → feminine).
    role_genders: FastMap<String, Option<Gender>>,
    word_facts: FastMap<&'static str, u16>,
    /// Role nouns in lower case: "minister", "sprecherin".
    roles: FastMap<String, ()>,
    genre: FastMap<&'static str, ()>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("verbs", &self.verbs.len())
            .field("roles", &self.roles.len())
            .finish()
    }
}

fn class_of(name: &str) -> VerbClass {
    match name {
        "demand" | "ask" | "warn" => VerbClass::Demand,
        "think" => VerbClass::Think,
        _ => VerbClass::Report,
    }
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut verbs: FastMap<&'static str, Vec<VerbForm>> = FastMap::default();
        for &(form, particle, class) in generated::VERB_FORMS {
            if AMBIGUOUS_FORMS.contains(&form) && particle.is_empty() {
                continue;
            }
            verbs.entry(form).or_default().push(VerbForm {
                particle,
                class: class_of(class),
            });
        }
        for &(form, particle) in EXTRA_REPORT_FORMS {
            verbs.entry(form).or_default().push(VerbForm {
                particle,
                class: VerbClass::Report,
            });
        }
        for &form in EVALUATIVE_FORMS.iter().chain(EXTRA_EVALUATIVE_FORMS) {
            verbs.entry(form).or_default().push(VerbForm {
                particle: "",
                class: VerbClass::Evaluate,
            });
        }
        let mut subjunctive: FastMap<&'static str, bool> = FastMap::default();
        for &form in SUBJUNCTIVE_FORMS {
            subjunctive.insert(form, true);
        }
        for &form in SUBSTITUTE_SUBJUNCTIVE {
            subjunctive.insert(form, false);
        }
        let mut roles = FastMap::default();
        let mut role_genders: FastMap<String, Option<Gender>> = FastMap::default();
        for &(form, gender, number, kind) in generated::ROLE_NOUNS {
            if kind == "modifier" || form.len() < 3 {
                continue;
            }
            roles.insert(form.to_lowercase(), ());
            let gender = match gender {
                "f" => Some(Gender::Feminine),
                "m" => Some(Gender::Masculine),
                _ => None,
            };
            if number == "sg" {
                // A form of both genders ("Abgeordnete") tells none.
                role_genders
                    .entry(form.to_lowercase())
                    .and_modify(|g| {
                        if *g != gender {
                            *g = None;
                        }
                    })
                    .or_insert(gender);
            }
        }
        for (title, gender) in [("frau", Gender::Feminine), ("herr", Gender::Masculine)] {
            role_genders.insert(title.to_string(), Some(gender));
        }
        role_genders.insert("herrn".to_string(), Some(Gender::Masculine));
        let genre = GENRE_NOUNS.iter().map(|&g| (g, ())).collect();
        let mut word_facts: FastMap<&'static str, u16> = FastMap::default();
        for (list, bit) in [
            (DETERMINERS, IS_DETERMINER),
            (PREPOSITIONS, IS_PREPOSITION),
            (ADVERBS, IS_ADVERB),
            (SUBORDINATORS, IS_SUBORDINATOR),
            (PERSON_PRONOUNS, IS_PRONOUN),
            (OBLIQUE_DETERMINERS, IS_OBLIQUE),
            (CONJUNCTIONS, IS_CONJUNCTION),
        ] {
            for &word in list {
                *word_facts.entry(word).or_default() |= bit;
            }
        }
        for &form in verbs.keys() {
            *word_facts.entry(form).or_default() |= IS_VERB;
        }
        for (&form, &first) in &subjunctive {
            *word_facts.entry(form).or_default() |=
                if first { IS_SUBJUNCTIVE } else { IS_SUBSTITUTE };
        }
        Lexicon {
            word_facts,
            verbs,
            role_genders,
            roles,
            genre,
        }
    }

    /// The reporting-verb readings of `word`, as written (verbs are lower case).
    pub fn verb(&self, word: &str) -> Option<&[VerbForm]> {
        if word.len() > 24 {
            return None;
        }
        self.verbs.get(word).map(Vec::as_slice)
    }

    /// Whether `word` is a reporting verb form, Konjunktiv I or a stand-in, as bits.
    pub fn word_facts(&self, word: &str) -> u16 {
        if word.len() > 24 {
            return 0;
        }
        self.word_facts.get(word).copied().unwrap_or(0)
    }

    /// A role noun, also as the head of a compound ("Regierungssprecherin" → Sprecherin).
    pub fn is_role(&self, word: &str) -> bool {
        if word.len() > 48 || !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        let lower = word.to_lowercase();
        // The word itself, or a compound head of at least five letters.
        self.roles.contains_key(&lower)
            || lower
                .char_indices()
                .skip(1)
                .map(|(at, _)| &lower[at..])
                .take_while(|tail| tail.len() >= 5)
                .any(|tail| self.roles.contains_key(tail))
    }

    /// The gender a singular role noun or title gives the name after it ("Ministerin",
    /// "Regierungschefin", "Herr"), also as the head of a compound.
    pub fn role_gender(&self, word: &str) -> Option<Gender> {
        if word.len() > 48 || !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let lower = word.to_lowercase();
        let tails = lower.char_indices().map(|(at, _)| &lower[at..]);
        tails
            .take_while(|tail| tail.len() >= 4)
            .find_map(|tail| self.role_genders.get(tail))
            .copied()
            .flatten()
    }

    /// Whether `word` names a kind of work, medium or organisation ("Zeitung", "Motto").
    pub fn is_genre_noun(&self, word: &str) -> bool {
        if word.len() > 48 {
            return false;
        }
        let lower = word.to_lowercase();
        if self.genre.contains_key(lower.as_str()) {
            return true;
        }
        // Compounds: "Nachrichtenmagazin", "Wochenzeitschrift", "Kinderbuch".
        GENRE_NOUNS
            .iter()
            .any(|g| g.len() >= 4 && lower.len() > g.len() + 2 && lower.ends_with(g))
    }

    pub fn is_naming_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        NAMING_WORDS.contains(&lower.as_str())
    }
}

//! The founding article (../shared/seed): its people, places and organisations are found and
//! grouped. Skips with a note when the shared folder is absent.

mod common;

use textmarker::{Annotations, Annotator, EntityLabel, FigureKind, Options};

/// The seed article, what the annotator finds in it, and its mentions listed for messages.
fn annotated_seed() -> Option<(String, Annotations, Vec<String>)> {
    let text = common::seed_article()?;
    let found = Annotator::new().annotate(&text, &Options::default());
    let listing = found
        .entities
        .iter()
        .map(|e| format!("{} {} #{}", e.text, e.label.as_str(), e.entity_id))
        .collect();
    Some((text, found, listing))
}

#[test]
fn seed_article_entities_are_found_and_grouped() {
    let Some((_, found, listing)) = annotated_seed() else {
        return;
    };
    let has = |name: &str, label: EntityLabel| {
        found.entities.iter().any(|e| {
            let base = e.label.base();
            let white_house_either = name.starts_with("Weiß")
                && matches!(base, EntityLabel::Location | EntityLabel::Organisation);
            e.text == name && (base == label || white_house_either)
        })
    };
    let expected: &[(&[&str], EntityLabel)] = &[
        (&["Donald Trump"], EntityLabel::Person),
        (&["Sanae Takaichi"], EntityLabel::Person),
        (&["Naruhito", "Kaiser Naruhito"], EntityLabel::Person),
        (&["Japan"], EntityLabel::Location),
        (&["USA"], EntityLabel::Location),
        (&["Tokio"], EntityLabel::Location),
        (&["China"], EntityLabel::Location),
        (&["Peking"], EntityLabel::Location),
        (&["Malaysia"], EntityLabel::Location),
        (&["Russland"], EntityLabel::Location),
        (&["Ukraine"], EntityLabel::Location),
        (&["Yokosuka"], EntityLabel::Location),
        (&["Washington"], EntityLabel::Location),
        (&["Reuters"], EntityLabel::Organisation),
        // GermEval annotates the White House mostly as LOC (train: 7 LOC, 2 ORG); either will do.
        (&["Weißen Hauses", "Weiße Haus"], EntityLabel::Location),
        (&["Toyota"], EntityLabel::Organisation),
        (&["Honda"], EntityLabel::Organisation),
    ];
    let missing: Vec<String> = expected
        .iter()
        .filter(|(names, label)| !names.iter().any(|n| has(n, *label)))
        .map(|(names, label)| format!("{} ({})", names.join(" / "), label.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "missing {missing:?}\nfound: {listing:#?}"
    );

    // Every "Trump"/"Trumps" mention belongs to Donald Trump's group.
    let trump_ids: Vec<usize> = found
        .entities
        .iter()
        .filter(|e| {
            e.label == EntityLabel::Person
                && matches!(e.text.as_str(), "Trump" | "Trumps" | "Donald Trump")
        })
        .map(|e| e.entity_id)
        .collect();
    assert!(trump_ids.len() >= 5, "{listing:#?}");
    assert!(
        trump_ids.iter().all(|&id| id == trump_ids[0]),
        "{listing:#?}"
    );
    let trump = &found.entity_groups[trump_ids[0]];
    assert_eq!(trump.name, "Donald Trump");
    assert!(trump.mentions >= trump_ids.len());

    // The White House forms one group whatever its case ending.
    let white_house: Vec<usize> = found
        .entities
        .iter()
        .filter(|e| e.text.starts_with("Weiß"))
        .map(|e| e.entity_id)
        .collect();
    assert!(
        white_house.len() >= 2 && white_house.iter().all(|&id| id == white_house[0]),
        "{listing:#?}"
    );

    // Groups are consistent with their mentions.
    for group in &found.entity_groups {
        let count = found
            .entities
            .iter()
            .filter(|e| e.entity_id == group.id)
            .count();
        assert_eq!(count, group.mentions, "{group:?}");
    }
}

/// One name, one label: every mention of the two leaders is a person in their own group,
/// two names side by side are two mentions, and a hyphenated vehicle is no name.
#[test]
fn seed_article_people_keep_one_label_and_one_group() {
    let Some((text, found, listing)) = annotated_seed() else {
        return;
    };
    for surname in ["Takaichi", "Trump"] {
        let mentions: Vec<_> = found
            .entities
            .iter()
            .filter(|e| e.text.contains(surname))
            .collect();
        assert!(mentions.len() >= 3, "{surname}: {listing:#?}");
        for mention in &mentions {
            assert_eq!(mention.label, EntityLabel::Person, "{mention:?}");
            assert_eq!(mention.entity_id, mentions[0].entity_id, "{mention:?}");
            assert!(
                !(mention.text.contains("Takaichi") && mention.text.contains("Trump")),
                "two people in one mention: {mention:?}"
            );
        }
    }
    let genitive = found.entities.iter().find(|e| e.text == "Takaichis");
    assert!(
        genitive.is_some_and(|e| e.label == EntityLabel::Person),
        "{listing:#?}"
    );
    // The currency of each money figure is marked as its unit, and only there.
    for entity in &found.entities {
        let in_money = found
            .figures
            .iter()
            .any(|f| f.kind == FigureKind::Money && f.start <= entity.start && entity.end <= f.end);
        assert_eq!(entity.figure_unit, in_money, "{entity:?}");
    }
    let units = found.entities.iter().filter(|e| e.figure_unit).count();
    assert!(
        units >= 2,
        "the seed's two amounts name their currency: {listing:#?}"
    );
    if let Some(at) = text.find("Pick-up-Trucks") {
        let end = at + "Pick-up-Trucks".len();
        assert!(
            !found.entities.iter().any(|e| e.start < end && at < e.end),
            "{listing:#?}"
        );
    }
}

/// Where the White House acts ("nach Angaben des Weißen Hauses", "erklärte das Weiße Haus")
/// it is an organisation.
#[test]
fn seed_article_white_house_acts_as_an_organisation() {
    let Some((text, found, listing)) = annotated_seed() else {
        return;
    };
    let label_at = |needle: &str, name: &str| -> Option<EntityLabel> {
        let at = text.find(needle)? + needle.find(name)?;
        found
            .entities
            .iter()
            .find(|e| e.start == at && e.end == at + name.len())
            .map(|e| e.label)
    };
    let cases = [
        (
            "des Weißen Hauses",
            "Weißen Hauses",
            EntityLabel::Organisation,
        ),
        ("das Weiße Haus", "Weiße Haus", EntityLabel::Organisation),
        (
            "Das Weiße Haus erklärte",
            "Weiße Haus",
            EntityLabel::Organisation,
        ),
    ];
    for (needle, name, label) in cases {
        assert!(text.contains(needle), "the seed has changed: {needle:?}");
        assert_eq!(
            label_at(needle, name),
            Some(label),
            "{needle}: {listing:#?}"
        );
    }
}

/// The aircraft carrier's name is OTH ("auf dem Flugzeugträger USS George Washington"), and
/// no part of it is a person or a place.
#[test]
fn seed_article_carrier_is_a_thing() {
    let Some((text, found, listing)) = annotated_seed() else {
        return;
    };
    let at = text
        .find("USS George Washington")
        .expect("the seed names the carrier");
    let end = at + "USS George Washington".len();
    let inside: Vec<_> = found
        .entities
        .iter()
        .filter(|e| e.start < end && at < e.end)
        .collect();
    assert!(
        !inside.is_empty()
            && inside
                .iter()
                .all(|e| e.label == EntityLabel::Other && e.text.ends_with("George Washington")),
        "{inside:?}\n{listing:#?}"
    );
}

#[test]
fn custom_names_through_the_public_api() {
    let annotator = Annotator::new()
        .with_names("# my names\nname\tlabel\nQuorbel Zanthe\tPER\nZanthe-Werke\tORG\n")
        .expect("a valid list");
    let text = "Quorbel Zanthe leitet die Zanthe-Werke.";
    let found = annotator.annotate(text, &Options::default());
    let got: Vec<(&str, &str)> = found
        .entities
        .iter()
        .map(|e| (&text[e.start..e.end], e.label.as_str()))
        .collect();
    assert_eq!(got, [("Quorbel Zanthe", "PER"), ("Zanthe-Werke", "ORG")]);

    let cases = [("Acme\n", "line 1"), ("ok\tORG\nAcme\tFIRMA\n", "line 2")];
    for (tsv, expected) in cases {
        let error = Annotator::new().with_names(tsv).expect_err(tsv);
        assert!(error.to_string().contains(expected), "{tsv:?}: {error}");
    }
}

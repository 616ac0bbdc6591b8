//! What the documents promise each other: one attribution list (ATTRIBUTION.md) repeated word
//! for word in the README, the npm README and the page's About; one licence table in both
//! READMEs; the licence texts; the language check's word minimum as the code has it.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The items of a Markdown bullet list, continuation lines joined.
fn markdown_items(list: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in list.lines() {
        if let Some(item) = line.strip_prefix("- ") {
            items.push(item.to_string());
        } else if let (Some(last), false) = (items.last_mut(), line.trim().is_empty()) {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    items.iter().map(|item| collapse_whitespace(item)).collect()
}

/// The text between the attribution markers of a README or the page.
fn marked_attribution<'a>(document: &'a str, name: &str) -> &'a str {
    let start = document
        .find("<!-- attribution:")
        .unwrap_or_else(|| panic!("{name} has no `<!-- attribution: … -->` marker"));
    let body = &document[start..];
    let body = &body[body.find("-->").expect("the marker ends") + 3..];
    let end = body
        .find("<!-- end attribution -->")
        .unwrap_or_else(|| panic!("{name} has no `<!-- end attribution -->` marker"));
    &body[..end]
}

/// The text of each `<li>` of an HTML list, tags dropped and entities decoded.
fn html_items(list: &str) -> Vec<String> {
    list.split("<li>")
        .skip(1)
        .map(|item| {
            let item = item.split("</li>").next().unwrap_or("");
            let mut text = String::new();
            let mut in_tag = false;
            for c in item.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            collapse_whitespace(&text)
        })
        .collect()
}

fn attribution() -> Vec<String> {
    let source = read("ATTRIBUTION.md");
    let items = markdown_items(&source);
    assert!(
        items.len() >= 5,
        "ATTRIBUTION.md lists its sources: {items:?}"
    );
    items
}

#[test]
fn readmes_and_the_page_repeat_the_one_attribution_list() {
    let expected = attribution();
    for path in ["README.md", "npm/README.md"] {
        let document = read(path);
        let items = markdown_items(marked_attribution(&document, path));
        assert_eq!(
            items, expected,
            "{path}'s attribution list differs from ATTRIBUTION.md: copy it over"
        );
    }
    let page = read("www/index.html");
    let about = &page[page.find("id=\"about\"").expect("the page has an About")..];
    let items = html_items(marked_attribution(about, "www/index.html"));
    assert_eq!(
        items, expected,
        "the page's About list differs from ATTRIBUTION.md: copy it over"
    );
}

#[test]
fn the_model_readme_names_no_training_set_the_attribution_leaves_out() {
    let expected = attribution().join("\n");
    let model = read("model/README.md");
    let data = model
        .split("\n## ")
        .find(|section| section.starts_with("Data"))
        .expect("model/README.md has a Data section");
    for (mentioned, credited) in [
        ("germeval", "GermEval 2014"),
        ("smartdata", "SmartData"),
        ("spacy-lookups-data", "spacy-lookups-data"),
        ("geonames", "GeoNames"),
        ("cldr", "Unicode CLDR"),
        ("german-nouns", "german-nouns"),
    ] {
        if data.to_lowercase().contains(mentioned) {
            assert!(
                expected.contains(credited),
                "ATTRIBUTION.md credits {credited}"
            );
        }
    }
}

/// The rows of the "Data and model licences" table.
fn licence_table(document: &str, path: &str) -> Vec<String> {
    let start = document
        .find("| source | in the shipped module as |")
        .unwrap_or_else(|| panic!("{path} has no data and model licence table"));
    document[start..]
        .lines()
        .take_while(|line| line.starts_with('|'))
        .map(str::to_string)
        .collect()
}

#[test]
fn both_readmes_carry_one_licence_table_with_a_row_per_source() {
    let readme = read("README.md");
    let npm = read("npm/README.md");
    let rows = licence_table(&readme, "README.md");
    assert_eq!(
        rows,
        licence_table(&npm, "npm/README.md"),
        "the npm README's licence table differs from the README's"
    );
    for path in ["README.md", "npm/README.md"] {
        assert!(read(path).contains("Data and model licences"), "{path}");
    }
    let table = rows.join("\n");
    // Every training and lexicon source of ../shared/data's READMEs has its row.
    for source in [
        "GermEval 2014",
        "SmartData",
        "Wikinews quotation attribution",
        "Redewiedergabe",
        "GeoNames",
        "spacy-lookups-data",
        "Unicode CLDR",
        "i18n-iso-countries",
        "Faker 40",
        "mimesis",
        "@faker-js/faker",
        "@zxcvbn-ts/language-de",
        "german-nouns",
        "Destatis",
        "Hand-made lists",
        "10kGNAD",
    ] {
        assert!(table.contains(source), "a licence row for {source}");
    }
    for row in &rows[2..] {
        let cells = row.trim_matches('|').split(" | ").count();
        assert_eq!(cells, 4, "four cells: {row}");
    }
}

#[test]
fn the_licence_texts_are_in_the_repository() {
    let mit = read("LICENSE-MIT");
    assert!(mit.starts_with("MIT License") && mit.contains("the Textmarker authors"));
    assert!(mit.contains("THE SOFTWARE IS PROVIDED \"AS IS\""));
    let apache = read("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
    let manifest = read("Cargo.toml");
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
}

#[test]
fn the_readmes_name_the_language_checks_word_minimum() {
    let code = read("src/language.rs");
    let minimum = code
        .lines()
        .find_map(|line| line.strip_prefix("const MIN_WORDS: usize = "))
        .and_then(|rest| rest.strip_suffix(';'))
        .expect("src/language.rs has MIN_WORDS");
    for path in ["README.md", "npm/README.md"] {
        let text = collapse_whitespace(&read(path));
        assert!(
            text.contains(&format!("under {minimum} words is never checked")),
            "{path} names the {minimum}-word minimum"
        );
    }
}

/// The fields of each event as `www/embed.html` documents them: `(event, [field, …])`.
fn documented_events() -> Vec<(String, Vec<String>)> {
    let page = read("www/embed.html");
    page.split("<dl class=\"event-fields\" data-event=\"")
        .skip(1)
        .map(|list| {
            let (event, rest) = list.split_once('"').expect("the attribute ends");
            let body = rest.split("</dl>").next().unwrap_or("");
            let fields = body
                .split("<dt><code>")
                .skip(1)
                .filter_map(|dt| dt.split_once("</code>").map(|(name, _)| name.to_string()))
                .collect();
            (event.to_string(), fields)
        })
        .collect()
}

#[test]
fn the_readmes_list_the_fields_the_embed_page_documents_for_each_event() {
    let events = documented_events();
    let names: Vec<&str> = events.iter().map(|(event, _)| event.as_str()).collect();
    assert_eq!(names, ["annotated", "annotationerror"]);
    for path in ["README.md", "npm/README.md"] {
        let text = collapse_whitespace(&read(path));
        for (event, fields) in &events {
            let listed = format!("{{{}}}", fields.join(", "));
            assert!(
                text.contains(&format!("`{event}`")) && text.contains(&listed),
                "{path} lists {listed} for `{event}`"
            );
        }
    }
}

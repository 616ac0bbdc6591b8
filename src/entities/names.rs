//! Custom names: a user's list of `name<TAB>label` lines that take priority over the model.
//! Matching is on whole tokens, longest first.

use std::collections::HashMap;

use crate::annotations::EntityLabel;
use crate::error::Error;
use crate::text::{tokenize, Document};

#[derive(Clone, Debug, Default)]
pub struct CustomNames {
    /// By first token: (all tokens, label), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, EntityLabel)>>,
}

impl CustomNames {
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Reads `name<TAB>label` lines; blank lines and `#` comments are skipped, and so is a
    /// first line `name<TAB>label` (a header). Later lines win over earlier duplicates.
    pub fn parse(tsv: &str) -> Result<CustomNames, Error> {
        let mut names = CustomNames::default();
        let mut seen_content = false;
        for (index, raw) in tsv.lines().enumerate() {
            let line_number = index + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((name, label)) = line.split_once('\t') else {
                return Err(Error::invalid_names(
                    line_number,
                    "expected `name<TAB>label`, found no tab",
                ));
            };
            let (name, label) = (name.trim(), label.trim());
            if !seen_content
                && name.eq_ignore_ascii_case("name")
                && label.eq_ignore_ascii_case("label")
            {
                seen_content = true;
                continue;
            }
            seen_content = true;
            let Some(label) = EntityLabel::parse(label) else {
                return Err(Error::invalid_names(
                    line_number,
                    format!("unknown label {label:?}: use PER, LOC, ORG or OTH (or their deriv/part forms)"),
                ));
            };
            let tokens: Vec<String> = tokenize(name)
                .iter()
                .map(|t| name[t.span()].to_string())
                .collect();
            if tokens.is_empty() {
                return Err(Error::invalid_names(line_number, "the name is empty"));
            }
            let entries = names.by_first.entry(tokens[0].clone()).or_default();
            entries.retain(|(t, _)| *t != tokens);
            entries.push((tokens, label));
            entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        Ok(names)
    }

    /// Token ranges and labels of every match in `doc`, left to right, longest first,
    /// never overlapping.
    pub fn find(&self, doc: &Document) -> Vec<(std::ops::Range<usize>, EntityLabel)> {
        let mut found = Vec::new();
        if self.is_empty() {
            return found;
        }
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            let matched = self.by_first.get(doc.token_text(i)).and_then(|candidates| {
                candidates.iter().find(|(tokens, _)| {
                    i + tokens.len() <= n
                        && tokens
                            .iter()
                            .enumerate()
                            .all(|(k, t)| doc.token_text(i + k) == t)
                })
            });
            match matched {
                Some((tokens, label)) => {
                    found.push((i..i + tokens.len(), *label));
                    i += tokens.len();
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_lists() {
        let cases: &[(&str, Result<usize, usize>)] = &[
            ("name\tlabel\nAcme AG\tORG\n", Ok(1)),
            ("# comment\n\nAcme AG\torg\r\nMax Muster\tPER\n", Ok(2)),
            ("Acme AG\tORG\nAcme AG\tOTH\n", Ok(1)),
            ("Acme AG ORG\n", Err(1)),
            ("Acme\tORG\nFoo\tMISC\n", Err(2)),
            ("\tORG\n", Err(1)),
            ("", Ok(0)),
        ];
        for (tsv, expected) in cases {
            let got =
                CustomNames::parse(tsv).map(|n| n.by_first.values().map(Vec::len).sum::<usize>());
            match (got, expected) {
                (Ok(n), Ok(e)) => assert_eq!(n, *e, "{tsv:?}"),
                (Err(err), Err(line)) => {
                    assert!(
                        err.to_string().contains(&format!("line {line}")),
                        "{tsv:?}: {err}"
                    )
                }
                (got, _) => panic!("{tsv:?}: {got:?}"),
            }
        }
    }

    #[test]
    fn finds_longest_whole_token_matches() {
        let names =
            CustomNames::parse("Acme\tORG\nAcme Bank\tORG\nMax Muster\tPER\n").expect("valid");
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Die Acme Bank und Max Muster.",
                &[("Acme Bank", "ORG"), ("Max Muster", "PER")],
            ),
            ("Acme, Acmes, Max Mustermann", &[("Acme", "ORG")]),
            ("nichts", &[]),
        ];
        for (text, expected) in cases {
            let doc = Document::new(text);
            let found: Vec<(&str, &str)> = names
                .find(&doc)
                .into_iter()
                .map(|(r, l)| {
                    (
                        &text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end],
                        l.as_str(),
                    )
                })
                .collect();
            assert_eq!(&found, expected, "{text}");
        }
    }
}

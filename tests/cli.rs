//! The CLI's contract, as other tools rely on it: JSONL in, one line out per input line, in
//! order; bad lines get error records; offsets in code points unless asked otherwise.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "common/cli.rs"]
mod common_cli;
use common_cli::run;

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"))
        })
        .collect()
}

const SAMPLE: &str =
    "„Wir sind Verbündete“, sagte Trump am Dienstag in Tokio. 😀 Über 60.000 Soldaten bleiben.";

#[test]
fn jsonl_answers_every_line_in_order_and_flags_failures() {
    let input = [
        serde_json::json!({"id": "a", "text": SAMPLE, "ref_date": "2025-10-28"}).to_string(),
        "{not json".to_string(),
        String::new(),
        serde_json::json!({"id": 7, "text": 12}).to_string(),
        serde_json::json!({"id": "c", "text": "Köln", "ref_date": "gestern"}).to_string(),
        serde_json::json!({"id": "d", "text": "", "ref_date": "2025-10-28T14:00:00+01:00"})
            .to_string(),
        serde_json::json!({"text": "ohne id"}).to_string(),
    ]
    .join("\n");
    let output = run(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failed line makes the exit code 1"
    );
    let lines = lines(&output);
    let ids: Vec<Value> = lines.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from("a"),
            Value::Null,
            Value::from(7),
            Value::from("c"),
            Value::from("d"),
            Value::Null
        ]
    );
    let errors: Vec<bool> = lines.iter().map(|l| l.get("error").is_some()).collect();
    assert_eq!(errors, [false, true, true, true, false, false]);
    for line in lines.iter().filter(|l| l.get("error").is_none()) {
        for key in ["entities", "figures", "quotes"] {
            assert!(line[key].is_array(), "{key} in {line}");
        }
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("line 2") && stderr.contains("line 4") && stderr.contains("line 5"),
        "{stderr}"
    );
}

#[test]
fn jsonl_without_failures_exits_zero() {
    let input = serde_json::json!({"id": 1, "text": SAMPLE}).to_string();
    let output = run(&["annotate", "--jsonl"], input.as_bytes());
    assert!(output.status.success());
    assert_eq!(lines(&output).len(), 1);
}

/// Every span of every kind, in the given unit, slices back to its `text`.
fn check_offsets(result: &Value, text: &str, unit: &str) -> usize {
    let units: Vec<String> = match unit {
        "codepoints" => text.chars().map(String::from).collect(),
        "utf16" => text
            .encode_utf16()
            .map(|u| String::from_utf16_lossy(&[u]))
            .collect(),
        _ => text.bytes().map(|b| (b as char).to_string()).collect(),
    };
    let slice = |start: usize, end: usize| -> String {
        match unit {
            "utf16" => {
                String::from_utf16_lossy(&text.encode_utf16().collect::<Vec<_>>()[start..end])
            }
            "bytes" => text[start..end].to_string(),
            _ => units[start..end].concat(),
        }
    };
    let mut checked = 0;
    for key in ["entities", "figures", "quotes"] {
        for span in result[key].as_array().expect("list") {
            for s in [span, &span["speaker"], &span["cue"]] {
                if s.is_null() {
                    continue;
                }
                let (start, end) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    slice(start, end),
                    s["text"].as_str().unwrap(),
                    "{unit} {key}"
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn offsets_follow_the_requested_unit() {
    for unit in ["codepoints", "utf16", "bytes"] {
        let args = ["annotate", "--offsets", unit, "--ref-date", "2025-10-28"];
        let output = run(&args, SAMPLE.as_bytes());
        assert!(
            output.status.success(),
            "{unit}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let result = &lines(&output)[0];
        assert!(
            check_offsets(result, SAMPLE, unit) >= 3,
            "{unit}: too few spans in {result}"
        );
    }
}

#[test]
fn html_output_is_one_escaped_page() {
    let text = "<script>alert(1)</script> „Zitat“, sagte Müller in Köln.";
    let output = run(&["annotate", "--html"], text.as_bytes());
    assert!(output.status.success());
    let page = String::from_utf8_lossy(&output.stdout);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "user text must be escaped");
    assert!(page.contains("&lt;script&gt;alert(") && page.contains("&lt;/script&gt;"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "the page loads nothing"
    );
}

#[test]
fn invalid_input_gives_clear_errors() {
    let output = run(&["annotate"], b"Stra\xdfe");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not UTF-8"));

    let output = run(&["annotate", "--ref-date", "28.10.2025"], b"Text");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid reference date"));

    let output = run(&["annotate", "/nonexistent/file.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn each_json_error_names_its_cause_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"id": 1, "text": "abc"#,
            "unterminated string (no closing quote), at column 22",
        ),
        (
            r#"{"id": 1, "text": "abc""#,
            "unterminated object (no closing brace), at column 23",
        ),
        (
            r#"{"id": [1, 2"#,
            "unterminated array (no closing bracket), at column 12",
        ),
        (
            r#"{"id": 1, "text":"#,
            "the line ends where a value should be, at column 17",
        ),
        ("{id: 1}", "a key that is not a quoted string, at column 2"),
        (
            r#"{"text": "a"} x"#,
            "more after the JSON value, at column 15",
        ),
        ("?", "not a JSON value, at column 1"),
        (
            "{\"text\": \"a\tb\"}",
            "a control character inside a string",
        ),
    ];
    for (line, cause) in cases {
        let output = run(&["annotate", "--jsonl"], format!("{line}\n").as_bytes());
        assert_eq!(output.status.code(), Some(1), "{line}");
        let records = lines(&output);
        assert_eq!(records.len(), 1, "{line}");
        let error = records[0]["error"].as_str().unwrap_or_default();
        assert!(
            error.starts_with("not a JSON object: ") && error.contains(cause),
            "{line}: {error:?} does not say {cause:?}"
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("line 1: {error}")), "{stderr}");
    }
}

#[test]
fn a_line_that_is_not_utf8_keeps_its_place_and_names_the_bad_byte() {
    let bad_line = b"{\"id\": \"latin-1\", \"text\": \"Gr\xfc\xdfe aus K\xf6ln\"}".to_vec();
    let offset = bad_line.iter().position(|&b| b == 0xfc).unwrap();
    let mut input = serde_json::json!({"id": "before", "text": "Köln"})
        .to_string()
        .into_bytes();
    input.push(b'\n');
    input.extend_from_slice(&bad_line);
    input.push(b'\n');
    input.extend_from_slice(b"{\"id\": \xff1}\n");
    input.extend_from_slice(
        serde_json::json!({"id": "after", "text": "Bonn"})
            .to_string()
            .as_bytes(),
    );
    let output = run(&["annotate", "--jsonl"], &input);
    assert_eq!(output.status.code(), Some(1));
    let records = lines(&output);
    let ids: Vec<Value> = records.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from("before"),
            Value::from("latin-1"),
            Value::Null,
            Value::from("after")
        ],
        "every line keeps its place; the id is read where it can be"
    );
    let expected = format!("not UTF-8: invalid byte 0xFC at byte offset {offset} of the line");
    assert_eq!(records[1]["error"], Value::from(expected.clone()));
    assert!(records[2]["error"]
        .as_str()
        .unwrap()
        .contains("byte offset 7"));
    assert!(records[3].get("error").is_none());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("line 2: {expected}")), "{stderr}");
}

#[test]
fn closed_stdout_ends_quietly() {
    // `textmarker … | head -1`: the reader goes away; the CLI must not complain or panic.
    let line = serde_json::json!({"id": 1, "text": SAMPLE}).to_string();
    let input = vec![line; 20_000].join("\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_textmarker"))
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    drop(child.stdout.take()); // close the read end at once
    let output = child.wait_with_output().unwrap();
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{:?} {stderr}", output.status);
}

#[test]
fn custom_names_take_priority() {
    let dir = std::env::temp_dir().join(format!("textmarker-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names = dir.join("names.tsv");
    std::fs::write(
        &names,
        "# newsroom list\nZarnowitzer Kreisbote\tORG\nQuellbach\tLOC\n",
    )
    .unwrap();
    let text = "Der Zarnowitzer Kreisbote berichtete aus Quellbach.";
    let output = run(
        &["annotate", "--names", names.to_str().unwrap()],
        text.as_bytes(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result = &lines(&output)[0];
    let found: Vec<(String, String)> = result["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap().to_string(),
                e["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        found.contains(&("Zarnowitzer Kreisbote".into(), "ORG".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("Quellbach".into(), "LOC".into())),
        "{found:?}"
    );

    std::fs::write(&names, "Quellbach\tCITY\n").unwrap();
    let output = run(
        &["annotate", "--names", names.to_str().unwrap()],
        text.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 1"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn warnings_say_when_a_text_does_not_look_german() {
    let english = "On Tuesday, the President of the United States met Canada's Prime Minister in \
Washington to discuss trade. Officials said that the talks were productive.";
    let cases: &[(&str, &[&str])] = &[(english, &["not_german"]), (SAMPLE, &[])];
    for (text, expected) in cases {
        let output = run(&["annotate"], text.as_bytes());
        assert!(output.status.success());
        assert_eq!(
            lines(&output)[0]["warnings"],
            serde_json::json!(expected),
            "{text}"
        );
        // The same field on every JSONL result line, and in the HTML document as a note.
        let line = serde_json::json!({"id": 1, "text": text}).to_string();
        let output = run(&["annotate", "--jsonl"], line.as_bytes());
        assert_eq!(lines(&output)[0]["warnings"], serde_json::json!(expected));
        let output = run(&["annotate", "--html"], text.as_bytes());
        let page = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            page.contains("data-warning=\"not_german\""),
            !expected.is_empty()
        );
    }
}

//! The CLI on archives: several inputs and `-`, gzip in and out, a truncated `.gz`, parallel
//! output equal to sequential on real articles, and the progress line (a terminal only).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};

mod common;
#[path = "common/cli.rs"]
mod common_cli;
use common_cli::run;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_textmarker"))
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("textmarker-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut text = Vec::new();
    MultiGzDecoder::new(bytes).read_to_end(&mut text).unwrap();
    text
}

fn record(id: &str, text: &str) -> String {
    json!({"id": id, "text": text, "ref_date": "2025-10-28"}).to_string() + "\n"
}

fn ids(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("JSON")["id"].clone())
        .collect()
}

const TEXTS: &[&str] = &[
    "„Wir sind Verbündete“, sagte Trump am Dienstag in Tokio.",
    "Über 60.000 Soldaten bleiben, teilte das Ministerium in Berlin mit.",
    "Die Preise stiegen um 15 Prozent auf 472,51 Mrd. Euro.",
];

/// `n` short records, ids `{prefix}0`, `{prefix}1`, …
fn records(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| record(&format!("{prefix}{i}"), TEXTS[i % TEXTS.len()]))
        .collect()
}

#[test]
fn files_gzip_and_stdin_are_read_in_turn() {
    let dir = scratch("inputs");
    let plain = dir.join("a.jsonl");
    fs::write(&plain, records("a", 2)).unwrap();
    // A gzip file named as such, and one that is not: content decides, not the name.
    let zipped = dir.join("b.jsonl.gz");
    fs::write(&zipped, gzip((records("b", 1) + "{broken\n").as_bytes())).unwrap();
    let misnamed = dir.join("c.jsonl");
    fs::write(&misnamed, gzip(records("c", 1).as_bytes())).unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let output = run(
        &[
            "annotate",
            "--jsonl",
            &path(&plain),
            "-",
            &path(&zipped),
            &path(&misnamed),
        ],
        records("s", 1).as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1), "the broken line fails");
    assert_eq!(
        ids(&output.stdout),
        [
            json!("a0"),
            json!("a1"),
            json!("s0"),
            json!("b0"),
            Value::Null,
            json!("c0")
        ]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}: line 2: not a JSON object", zipped.display())),
        "{stderr}"
    );

    let output = run(&["annotate", "--jsonl", "/nonexistent/x.jsonl"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/x.jsonl"));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn output_files_hold_what_stdout_would() {
    let dir = scratch("output");
    let input = records("r", 12);
    let on_stdout = run(&["annotate", "--jsonl"], input.as_bytes());
    assert!(on_stdout.status.success());
    for name in ["out.jsonl", "out.jsonl.gz"] {
        let target = dir.join(name);
        let output = run(
            &["annotate", "--jsonl", "--output", target.to_str().unwrap()],
            input.as_bytes(),
        );
        assert!(output.status.success(), "{name}");
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        let written = fs::read(&target).unwrap();
        let written = if name.ends_with(".gz") {
            assert_eq!(written[..2], [0x1f, 0x8b], "{name} is gzip");
            gunzip(&written)
        } else {
            written
        };
        assert_eq!(written, on_stdout.stdout, "{name}");
    }
    // One text goes to a file the same way.
    let single = run(&["annotate"], TEXTS[0].as_bytes());
    let target = dir.join("one.json.gz");
    let output = run(
        &["annotate", "-o", target.to_str().unwrap()],
        TEXTS[0].as_bytes(),
    );
    assert!(output.status.success() && output.stdout.is_empty());
    assert_eq!(gunzip(&fs::read(&target).unwrap()), single.stdout);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_truncated_gzip_names_the_file_and_line_and_keeps_every_line_before() {
    let dir = scratch("truncated");
    let input = records("t", 400);
    let complete = run(&["annotate", "--jsonl", "--jobs", "1"], input.as_bytes());
    let complete: Vec<&str> = std::str::from_utf8(&complete.stdout)
        .unwrap()
        .lines()
        .collect();
    let zipped = gzip(input.as_bytes());
    let cut = dir.join("cut.jsonl.gz");
    fs::write(&cut, &zipped[..zipped.len() * 3 / 5]).unwrap();
    for jobs in ["1", "2", "3"] {
        let written = dir.join("written.jsonl.gz");
        for to_file in [false, true] {
            let mut args = vec!["annotate", "--jsonl", "--jobs", jobs, cut.to_str().unwrap()];
            if to_file {
                args.extend(["--output", written.to_str().unwrap()]);
            }
            let output = run(&args, b"");
            assert_eq!(output.status.code(), Some(1), "jobs {jobs}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            let prefix = format!("textmarker: {}: line ", cut.display());
            let reached: usize = stderr
                .lines()
                .find_map(|line| line.strip_prefix(&prefix))
                .and_then(|rest| rest.split(':').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no line named in {stderr:?}"));
            assert!(reached > 1 && reached < 400, "line {reached}");
            // The gzip stream of the output is ended properly: it decodes whole.
            let stdout = if to_file {
                gunzip(&fs::read(&written).unwrap())
            } else {
                output.stdout
            };
            let lines: Vec<&str> = std::str::from_utf8(&stdout).unwrap().lines().collect();
            assert_eq!(
                lines,
                complete[..reached - 1],
                "jobs {jobs}, to file {to_file}"
            );
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

/// The 10kGNAD articles from ../shared, with bad lines mixed in; `None` where it is absent.
fn articles_with_bad_lines() -> Option<String> {
    let articles = common::read_shared("data/articles/10kgnad-test.jsonl")?;
    let bad = [
        "{not json",
        r#"{"id": 1, "text": 1}"#,
        "",
        r#"{"text": "x", "ref_date": "x"}"#,
    ];
    let mut input = String::new();
    for (i, line) in articles.lines().enumerate() {
        input.push_str(line);
        input.push('\n');
        if i % 97 == 13 {
            input.push_str(bad[i % bad.len()]);
            input.push('\n');
        }
    }
    Some(input)
}

#[test]
fn parallel_output_equals_sequential_on_the_articles() {
    let Some(input) = articles_with_bad_lines() else {
        return;
    };
    let sequential = run(&["annotate", "--jsonl", "--jobs", "1"], input.as_bytes());
    assert_eq!(sequential.status.code(), Some(1), "the bad lines fail");
    assert!(ids(&sequential.stdout).len() > 1000);
    let parallel = run(&["annotate", "--jsonl", "--jobs", "3"], input.as_bytes());
    assert_eq!(parallel.status.code(), sequential.status.code());
    assert!(parallel.stdout == sequential.stdout, "results differ");
    assert_eq!(
        String::from_utf8_lossy(&parallel.stderr),
        String::from_utf8_lossy(&sequential.stderr)
    );
}

/// What the CLI writes on a terminal: stderr on a pseudo-terminal, stdout on a pipe.
#[cfg(unix)]
fn run_on_terminal(args: &[&str]) -> (Output, String) {
    use std::os::fd::{FromRawFd, OwnedFd};

    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the given integers; the name and
    // termios arguments may be null.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by nothing else.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let child = cli()
        .args(args)
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("the CLI starts");
    // The parent's copy of the slave went with the Command; once the child ends, reading the
    // master ends too (EIO on Linux).
    let reader = std::thread::spawn(move || {
        let mut terminal = fs::File::from(master);
        let mut seen = Vec::new();
        let mut buffer = [0u8; 4096];
        while let Ok(n) = terminal.read(&mut buffer) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buffer[..n]);
        }
        String::from_utf8_lossy(&seen).into_owned()
    });
    let output = child.wait_with_output().expect("the CLI ends");
    (output, reader.join().unwrap())
}

#[cfg(unix)]
#[test]
fn progress_shows_on_a_terminal_only() {
    let dir = scratch("progress");
    let input = dir.join("in.jsonl");
    fs::write(&input, records("p", 30) + "{broken\n").unwrap();
    let input = input.to_str().unwrap();

    let (output, terminal) = run_on_terminal(&["annotate", "--jsonl", input]);
    assert_eq!(output.status.code(), Some(1));
    for part in ["31 lines", "1 error", "B/s", "ETA"] {
        assert!(terminal.contains(part), "{part:?} not in {terminal:?}");
    }
    assert_eq!(ids(&output.stdout).len(), 31, "stdout holds results only");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("B/s"));

    let (output, terminal) = run_on_terminal(&["annotate", "--jsonl", "--quiet", input]);
    assert_eq!(ids(&output.stdout).len(), 31);
    assert!(
        terminal.contains("line 31: not a JSON object"),
        "{terminal:?}"
    );
    assert!(!terminal.contains("B/s"), "--quiet: {terminal:?}");

    let on_pipe = run(&["annotate", "--jsonl", input], b"");
    let stderr = String::from_utf8_lossy(&on_pipe.stderr);
    assert!(stderr.contains("line 31: not a JSON object"), "{stderr}");
    assert!(
        !stderr.contains("B/s") && !stderr.contains('\x1b'),
        "{stderr:?}"
    );
    let _ = fs::remove_dir_all(&dir);
}

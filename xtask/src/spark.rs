//! `cargo xtask test spark`: the Spark example (`examples/spark/annotate.py`) against the CLI.
//! Installs what it needs the way CI can (Debian's Java 17, PyPI's pyspark in a virtualenv
//! under `target/`), runs Spark `local[2]` over the news articles with bad lines mixed in, and
//! checks that Spark's output equals the CLI's, line for line.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::paths;
use crate::run::{self, Cmd};

/// The pyspark the example is tested with (Spark 4 runs on Java 17 and 21).
const PYSPARK: &str = "pyspark==4.3.0";
const ARTICLES: &str = "data/articles/10kgnad-test.jsonl";

/// Lines of the kinds the JSONL contract answers with an error record, or skips (blank).
const BAD_LINES: &[&str] = &[
    "{not json",
    r#"{"id": "no-text"}"#,
    r#"{"id": 17, "text": 17}"#,
    r#"{"id": "bad-date", "text": "Am Dienstag in Wien.", "ref_date": "gestern"}"#,
    "",
    "[1, 2, 3]",
];

pub fn test() -> Result<(), String> {
    let Ok(articles) = paths::shared_file(ARTICLES) else {
        eprintln!("skipped: ../shared/{ARTICLES} is missing; the Spark test reads it");
        return Ok(());
    };
    let root = paths::root();
    let target = crate::web::target_dir();
    let work = target.join("spark-test");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    ensure_java()?;
    let venv = ensure_pyspark(&target)?;
    run::status(
        Cmd::new("cargo")
            .current_dir(&root)
            .args(["build", "--bin", "textmarker"]),
    )?;
    let cli = target.join("debug").join("textmarker");

    let input = work.join("input.jsonl");
    let records = mix_in_bad_lines(&articles, &input)?;

    let expected = work.join("cli.jsonl");
    // The bad lines' messages go to a file: they are expected, and the output says the rest.
    let messages = fs::File::create(work.join("cli.stderr")).map_err(|e| e.to_string())?;
    let status = Cmd::new(&cli)
        .args(["annotate", "--jsonl", "--quiet", "--output"])
        .args([&expected, &input])
        .stderr(messages)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", cli.display()))?;
    if status.code() != Some(1) {
        return Err(format!(
            "the CLI ended with {status}, not 1 for the bad lines"
        ));
    }
    let expected = read_lines(&expected)?;
    if expected.len() != records {
        return Err(format!(
            "the CLI wrote {} lines for {records} records",
            expected.len()
        ));
    }

    let output = work.join("spark-out");
    let started = Instant::now();
    run::status(
        Cmd::new(venv.join("bin").join("spark-submit"))
            .current_dir(&root)
            .args([
                "--master",
                "local[2]",
                "examples/spark/annotate.py",
                "--binary",
            ])
            .args([&cli, &input, &output])
            .env("PYSPARK_PYTHON", venv.join("bin").join("python")),
    )?;
    eprintln!("spark-submit took {:.1} s", started.elapsed().as_secs_f64());
    let actual = spark_output(&output)?;
    compare(&expected, &actual)?;
    eprintln!(
        "Spark's {} result lines equal the CLI's ({} error records among them)",
        actual.len(),
        actual.iter().filter(|l| l.contains("\"error\":")).count()
    );
    Ok(())
}

/// Java 17 from Debian when no `java` runs.
fn ensure_java() -> Result<(), String> {
    if run::output(Cmd::new("java").arg("-version")).is_some() {
        return Ok(());
    }
    run::apt_install(&["openjdk-17-jre-headless"])
}

/// A virtualenv in the target directory with the pinned pyspark; returns its directory.
fn ensure_pyspark(target: &Path) -> Result<PathBuf, String> {
    let venv = target.join("spark-venv");
    let python = venv.join("bin").join("python");
    let installed = run::output(Cmd::new(&python).args(["-m", "pip", "show", "pyspark"]))
        .is_some_and(|info| info.contains(&format!("Version: {}", &PYSPARK["pyspark==".len()..])));
    if installed {
        return Ok(venv);
    }
    if !python.exists() {
        let created = run::status(Cmd::new("python3").arg("-m").arg("venv").arg(&venv));
        if created.is_err() {
            // Debian's own python3 has venv in a package of its own.
            run::apt_install(&["python3-venv"])?;
            run::status(Cmd::new("python3").arg("-m").arg("venv").arg(&venv))?;
        }
    }
    run::status(Cmd::new(&python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        PYSPARK,
    ]))?;
    Ok(venv)
}

/// Writes the articles to `to` with a bad line after every 100th, and returns how many result
/// lines the CLI owes (every line but the blank ones).
fn mix_in_bad_lines(articles: &Path, to: &Path) -> Result<usize, String> {
    let text = fs::read_to_string(articles).map_err(|e| format!("{}: {e}", articles.display()))?;
    let mut mixed = String::with_capacity(text.len() + 4096);
    let mut records = 0;
    for (i, line) in text.lines().enumerate() {
        mixed.push_str(line);
        mixed.push('\n');
        records += 1;
        if i % 100 == 50 {
            let bad = BAD_LINES[(i / 100) % BAD_LINES.len()];
            mixed.push_str(bad);
            mixed.push('\n');
            records += usize::from(!bad.trim().is_empty());
        }
    }
    fs::write(to, mixed).map_err(|e| format!("{}: {e}", to.display()))?;
    Ok(records)
}

fn read_lines(path: &Path) -> Result<Vec<String>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text.lines().map(str::to_string).collect())
}

/// The part files of Spark's text output, concatenated in name order (= partition order).
fn spark_output(dir: &Path) -> Result<Vec<String>, String> {
    let mut parts: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("part-"))
        })
        .collect();
    parts.sort();
    let mut lines = Vec::new();
    for part in parts {
        lines.extend(read_lines(&part)?);
    }
    Ok(lines)
}

fn compare(expected: &[String], actual: &[String]) -> Result<(), String> {
    if let Some(i) = (0..expected.len().min(actual.len())).find(|&i| expected[i] != actual[i]) {
        let shorten = |line: &str| line.chars().take(200).collect::<String>();
        return Err(format!(
            "result line {} differs:\n  CLI:   {}\n  Spark: {}",
            i + 1,
            shorten(&expected[i]),
            shorten(&actual[i])
        ));
    }
    if expected.len() != actual.len() {
        return Err(format!(
            "Spark wrote {} lines, the CLI {}",
            actual.len(),
            expected.len()
        ));
    }
    Ok(())
}

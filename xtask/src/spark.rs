//! `cargo xtask test spark`: the Spark example (`examples/spark/annotate.py`) against the CLI.
//! Installs what it needs the way CI can (Debian's Java 17, PyPI's pyspark in a virtualenv
//! under `target/`), then runs on Spark:
//! 1. the README's `spark-submit` command as written (the debug CLI in place of the release
//!    one), over the example's own sample, checking its output and that the work tree is
//!    left as it was;
//! 2. Spark `local[2]` over the news articles of `../shared` (the sample where it is absent)
//!    with bad lines mixed in, a line that is not UTF-8 among them, checking that Spark's output
//!    equals the CLI's, line for line.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::paths;
use crate::run::{self, Cmd};

/// The pyspark the example is tested with (Spark 4 runs on Java 17 and 21).
const PYSPARK: &str = "pyspark==4.3.0";
const ARTICLES: &str = "data/articles/10kgnad-test.jsonl";
/// The example's own input: invented news-like text, in the repository.
const SAMPLE: &str = "examples/spark/sample.jsonl";
/// The release binary the README's command names; the test runs the debug build instead.
const README_BINARY: &str = "target/release/textmarker";

/// Lines of the kinds the JSONL contract answers with an error record, or skips (blank).
const BAD_LINES: &[&[u8]] = &[
    b"{not json",
    br#"{"id": "no-text"}"#,
    br#"{"id": 17, "text": 17}"#,
    br#"{"id": "bad-date", "text": "Am Dienstag in Wien.", "ref_date": "gestern"}"#,
    b"",
    b"[1, 2, 3]",
    // Latin-1, not UTF-8: the CLI's error record names the byte; Spark must pass it unchanged.
    b"{\"id\": \"latin-1\", \"text\": \"Gr\xfc\xdfe aus K\xf6ln\"}",
    br#"{"id": "cut", "text": "ohne Ende"#,
];

pub fn test() -> Result<(), String> {
    let root = paths::root();
    let target = crate::web::target_dir();
    let work = target.join("spark-test");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;

    ensure_java()?;
    let venv = ensure_pyspark()?;
    // The CLI as the native tests build it (with their features and lints): no second build.
    run::status(
        crate::testing::linted(&mut Cmd::new("cargo"))
            .current_dir(&root)
            .args(["test", "--workspace", "--no-run", "--test", "cli"]),
    )?;
    let cli = target.join("debug").join("textmarker");

    readme_command(&root, &venv, &cli)?;

    let (source, every) = match paths::shared_file(ARTICLES) {
        Ok(articles) => (articles, 100),
        Err(why) => {
            eprintln!("the comparison reads the example's sample: {why}");
            // A bad line after each of the twelve: every kind of BAD_LINES.
            (root.join(SAMPLE), 1)
        }
    };
    let input = work.join("input.jsonl");
    let records = mix_in_bad_lines(&source, &input, every)?;

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
        "Spark's {} result lines equal the CLI's ({} error records among them, one for a line that is not UTF-8)",
        actual.len(),
        actual.iter().filter(|l| l.contains("\"error\":")).count()
    );
    if !actual
        .iter()
        .any(|l| l.contains("\"latin-1\"") && l.contains("byte offset"))
    {
        return Err("no error record names the bad byte of the Latin-1 line".into());
    }
    Ok(())
}

/// Runs the README's `spark-submit` command from the repository root, as a reader would after
/// `cargo build --release` (with the debug CLI in place of the release one), and checks what it
/// wrote and that the work tree is as it was.
fn readme_command(root: &Path, venv: &Path, cli: &Path) -> Result<(), String> {
    let readme =
        fs::read_to_string(root.join("README.md")).map_err(|e| format!("README.md: {e}"))?;
    let words = spark_submit_command(&readme).ok_or(
        "README.md shows no `spark-submit --master 'local[*]' examples/spark/annotate.py` command",
    )?;
    let output = words
        .last()
        .filter(|out| out.starts_with("target/"))
        .ok_or("the README's spark-submit command writes outside target/")?
        .clone();
    let before = work_tree_status(root);
    let args: Vec<String> = words[1..]
        .iter()
        .map(|word| {
            if word == README_BINARY {
                cli.display().to_string()
            } else {
                word.clone()
            }
        })
        .collect();
    let started = Instant::now();
    run::status(
        Cmd::new(venv.join("bin").join("spark-submit"))
            .current_dir(root)
            .args(&args)
            .env("PYSPARK_PYTHON", venv.join("bin").join("python")),
    )?;
    eprintln!(
        "the README's spark-submit command took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let sample = read_lines(&root.join(SAMPLE))?;
    let written = spark_output(&root.join(&output))?;
    let id = |line: &str| {
        serde_json::from_str::<serde_json::Value>(line)
            .map(|value| value["id"].clone())
            .map_err(|e| format!("not JSON: {line}: {e}"))
    };
    let expected_ids = sample
        .iter()
        .map(|l| id(l))
        .collect::<Result<Vec<_>, _>>()?;
    let ids = written
        .iter()
        .map(|l| id(l))
        .collect::<Result<Vec<_>, _>>()?;
    if ids != expected_ids {
        return Err(format!(
            "{output}: the ids {ids:?}, not the sample's {expected_ids:?}"
        ));
    }
    if let Some(failed) = written.iter().find(|l| l.contains("\"error\":")) {
        return Err(format!("a sample line failed: {failed}"));
    }
    let after = work_tree_status(root);
    if after != before {
        return Err(format!(
            "the README's command changed the work tree:\nbefore:\n{}\nafter:\n{}",
            before.unwrap_or_default(),
            after.unwrap_or_default()
        ));
    }
    eprintln!(
        "{output}: {} results, one per sample line, in order; the work tree is as it was",
        written.len()
    );
    Ok(())
}

/// The words of the README's `spark-submit … examples/spark/annotate.py …` command: its lines
/// joined where they end in `\`, split as a shell would split words in single quotes.
fn spark_submit_command(readme: &str) -> Option<Vec<String>> {
    let mut lines = readme.lines().skip_while(|line| {
        !line.starts_with("spark-submit --master 'local[*]' examples/spark/annotate.py")
    });
    let mut command = String::new();
    for line in lines.by_ref() {
        match line.strip_suffix('\\') {
            Some(continued) => command.push_str(continued),
            None => {
                command.push_str(line);
                break;
            }
        }
    }
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '\'' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    (!words.is_empty()).then_some(words)
}

/// `git status` of the work tree, untracked files included; `None` outside a git checkout.
fn work_tree_status(root: &Path) -> Option<String> {
    run::output(Cmd::new("git").current_dir(root).args([
        "status",
        "--porcelain",
        "--untracked-files=all",
    ]))
}

/// Java 17 from Debian when no `java` runs.
fn ensure_java() -> Result<(), String> {
    if run::output(Cmd::new("java").arg("-version")).is_some() {
        return Ok(());
    }
    run::apt_install(&["openjdk-17-jre-headless"])
}

/// A virtualenv with the pinned pyspark, per machine like Java (in the user's cache folder, so
/// that a fresh clone does not unpack its 500 MB again); returns its directory.
fn ensure_pyspark() -> Result<PathBuf, String> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))
        .unwrap_or_else(crate::web::target_dir);
    let venv = cache
        .join("textmarker")
        .join(format!("spark-venv-{}", &PYSPARK["pyspark==".len()..]));
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

/// Writes the lines of `from` to `to` with a bad line after every `every`th, and returns how
/// many result lines the CLI owes (every line but the blank ones).
fn mix_in_bad_lines(from: &Path, to: &Path, every: usize) -> Result<usize, String> {
    let text = fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    let mut mixed = Vec::with_capacity(text.len() + 4096);
    let mut records = 0;
    for (i, line) in text
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        mixed.extend_from_slice(line);
        mixed.push(b'\n');
        records += 1;
        if i % every == every / 2 {
            let bad = BAD_LINES[(i / every) % BAD_LINES.len()];
            mixed.extend_from_slice(bad);
            mixed.push(b'\n');
            records += usize::from(!bad.trim_ascii().is_empty());
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

//! `cargo xtask test`: installs what the tests need on a fresh Debian machine with rustup and
//! node, then runs every suite, fast failures first: formatting, clippy (native and wasm32),
//! the import check, native unit/integration/property and doc tests, the generated-table
//! check, wasm-bindgen tests in headless Chromium, the Playwright end-to-end tests, the page
//! against the CLI (the differential test), the npm package and a fuzz smoke.
//!
//! Each suite runs as a child `xtask __test-step <id>` whose output goes to
//! `target/test-logs/<id>.log`; the console gets one line per suite (name, counts, time), the
//! failing suite's log in full, and a closing `N passed, N failed, N skipped` line.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use crate::paths;
use crate::run::{self, Cmd};
use crate::web;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const FUZZ_SECONDS: u32 = 60;

/// A line a test or step prints when it does not run for lack of something (`../shared`):
/// counted as skipped in the summary.
const SKIP_MARKER: &str = "skipped:";

/// What a suite does; it runs in the child, its output going to the suite's log.
type Run = fn(&Path) -> Result<(), String>;

/// One suite of `cargo xtask test`.
struct Suite {
    id: &'static str,
    name: &'static str,
    /// Installs tools rather than testing: timed, but not counted.
    setup: bool,
    run: Run,
}

const fn suite(id: &'static str, name: &'static str, run: Run) -> Suite {
    Suite {
        id,
        name,
        setup: false,
        run,
    }
}

const fn setup(id: &'static str, name: &'static str, run: Run) -> Suite {
    Suite {
        setup: true,
        ..suite(id, name, run)
    }
}

/// Every suite in the order it runs: the quick checks that fail most often come first.
const SUITES: &[Suite] = &[
    suite("fmt", "format (cargo fmt --check)", format),
    suite("clippy", "clippy, native", clippy_native),
    setup("wasm-target", "install the wasm32 target", wasm_target),
    suite("clippy-wasm32", "clippy, wasm32", clippy_wasm),
    suite("imports", "no import loops in src/", import_loops),
    suite("native", "native tests", native_tests),
    suite("doc", "doc tests", doc_tests),
    suite("generated", "generated tables up to date", check_generated),
    suite("spark", "Spark example against the CLI", spark),
    setup("browser-tools", "install browser test tools", browser_tools),
    suite("wasm", "wasm tests in headless Chromium", wasm_tests),
    suite("e2e", "end-to-end tests (Playwright)", end_to_end),
    suite(
        "differential",
        "page and CLI agree (Playwright)",
        differential,
    ),
    suite("package", "npm package (dist, pack, import)", npm_package),
    setup("fuzz-tools", "install nightly and cargo-fuzz", fuzz_tools),
    suite("fuzz", "fuzz smoke (60 s)", fuzz),
];

const BROWSER_SUITES: &[&str] = &["browser-tools", "wasm", "e2e", "differential", "package"];
const FUZZ_SUITES: &[&str] = &["fuzz-tools", "fuzz"];

/// What a suite's log says about it.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
    ignored: usize,
    /// Whether the log held test counts at all (lint steps have none).
    any: bool,
    /// libFuzzer's "Done N runs".
    fuzz_runs: Option<u64>,
}

impl Counts {
    /// Reads libtest's `test result:` lines, node's `# pass`/`ℹ pass` totals, libFuzzer's
    /// `Done N runs` and the skip markers. A skipped Rust test passes (it returns early) and
    /// is moved from passed to skipped.
    fn read(log: &str) -> Counts {
        let mut counts = Counts::default();
        let mut marked_skips = 0;
        for line in log.lines() {
            let line = line.trim();
            if line.starts_with(SKIP_MARKER) {
                marked_skips += 1;
            }
            if let Some(result) = line.strip_prefix("test result: ") {
                counts.any = true;
                for part in result.split([';', '.']) {
                    let mut words = part.split_whitespace();
                    let (Some(n), Some(what)) = (words.next(), words.next()) else {
                        continue;
                    };
                    let Ok(n) = n.parse::<usize>() else { continue };
                    match what {
                        "passed" => counts.passed += n,
                        "failed" => counts.failed += n,
                        "ignored" => counts.ignored += n,
                        _ => {}
                    }
                }
                continue;
            }
            let node = line
                .strip_prefix("# ")
                .or_else(|| line.strip_prefix("ℹ "))
                .and_then(|rest| rest.split_once(' '))
                .and_then(|(what, n)| Some((what, n.trim().parse::<usize>().ok()?)));
            if let Some((what, n)) = node {
                let total = match what {
                    "pass" => &mut counts.passed,
                    "fail" => &mut counts.failed,
                    "skipped" | "todo" => &mut counts.skipped,
                    _ => continue,
                };
                *total += n;
                counts.any = true;
            }
            if let Some(rest) = line.strip_prefix("Done ") {
                counts.fuzz_runs = rest.split_whitespace().next().and_then(|n| n.parse().ok());
            }
        }
        // Node counts its skips itself; a Rust test that skipped printed the marker.
        counts.passed -= marked_skips.min(counts.passed);
        counts.skipped += marked_skips;
        counts
    }

    /// The counts part of the summary line.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.any {
            parts.push(format!("{} passed", self.passed));
            if self.failed > 0 {
                parts.push(format!("{} failed", self.failed));
            }
        }
        if self.skipped > 0 {
            parts.push(format!("{} skipped", self.skipped));
        }
        if self.ignored > 0 {
            parts.push(format!("{} ignored", self.ignored));
        }
        if let Some(runs) = self.fuzz_runs {
            parts.push(format!("{runs} runs, no crash"));
        }
        parts.join(", ")
    }
}

/// The running totals behind the closing line.
#[derive(Default)]
struct Totals {
    passed: usize,
    failed: usize,
    skipped: usize,
}

impl Totals {
    /// A suite without test counts (a lint, the table check) counts as one check.
    fn add(&mut self, counts: &Counts, ok: bool) {
        if counts.any {
            self.passed += counts.passed;
            self.failed += counts.failed.max(usize::from(!ok));
            self.skipped += counts.skipped;
        } else if !ok {
            self.failed += 1;
        } else if counts.skipped > 0 {
            self.skipped += 1;
        } else {
            self.passed += 1;
        }
    }
}

/// The suites `args` ask for: all of them, less the browser (`--no-browser`) and fuzz
/// (`--no-fuzz`) parts, or just those `--only fmt,clippy,imports` names (the log names).
fn selected(args: &[String]) -> Result<Vec<&'static Suite>, String> {
    let skip_browser = args.iter().any(|a| a == "--no-browser");
    let skip_fuzz = args.iter().any(|a| a == "--no-fuzz");
    let skip_spark = args.iter().any(|a| a == "--no-spark");
    // `cargo xtask test spark` is `--only spark`.
    let spark_alone = args.first().is_some_and(|a| a == "spark");
    let only: Option<Vec<&str>> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|at| args.get(at + 1))
        .map(|ids| ids.split(',').collect())
        .or(spark_alone.then(|| vec!["spark"]));
    if let Some(unknown) = only
        .iter()
        .flatten()
        .find(|id| !SUITES.iter().any(|s| s.id == **id))
    {
        let known: Vec<&str> = SUITES.iter().map(|s| s.id).collect();
        return Err(format!(
            "no suite {unknown:?}; the suites: {}",
            known.join(", ")
        ));
    }
    Ok(SUITES
        .iter()
        .filter(|suite| only.as_ref().is_none_or(|ids| ids.contains(&suite.id)))
        .filter(|suite| !(skip_browser && BROWSER_SUITES.contains(&suite.id)))
        .filter(|suite| !(skip_fuzz && FUZZ_SUITES.contains(&suite.id)))
        .filter(|suite| !(skip_spark && suite.id == "spark"))
        .collect())
}

pub fn test(args: &[String]) -> Result<(), String> {
    let suites = selected(args)?;
    let logs = web::target_dir().join("test-logs");
    if logs.is_dir() {
        fs::remove_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    }
    fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let full_log = logs.join("all.log");
    let this = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    if paths::shared().is_none() {
        eprintln!("note: ../shared is missing: tests that read shared data will say skipped");
    }
    eprintln!("logs: {}", logs.display());

    let started = Instant::now();
    let mut totals = Totals::default();
    let mut failure = None;
    for suite in suites {
        eprint!("  {:<38}", suite.name);
        let log_path = logs.join(format!("{}.log", suite.id));
        let suite_started = Instant::now();
        let ok = run_logged(&this, suite.id, &log_path)?;
        let seconds = suite_started.elapsed().as_secs_f64();
        let log = fs::read_to_string(&log_path).unwrap_or_default();
        append(&full_log, suite.name, &log)?;
        let counts = Counts::read(&log);
        let status = match (ok, counts.skipped > 0 && !counts.any) {
            (false, _) => "FAILED",
            (true, true) => "skipped",
            (true, false) => "ok",
        };
        eprintln!("{status:<8}{:<34}{seconds:7.1} s", counts.describe());
        if !suite.setup {
            totals.add(&counts, ok);
        }
        if !ok {
            failure = Some((suite.name, log_path, log));
            break;
        }
    }
    if let Some((name, path, log)) = &failure {
        eprintln!("\n== {name} failed: its output ({})\n", path.display());
        eprintln!("{}", log.trim_end());
        eprintln!();
    }
    eprintln!(
        "{} passed, {} failed, {} skipped in {:.0} s (logs in {})",
        totals.passed,
        totals.failed,
        totals.skipped,
        started.elapsed().as_secs_f64(),
        logs.display()
    );
    if failure.is_some() {
        // The closing line stays the last one, for CI to read.
        std::process::exit(1);
    }
    Ok(())
}

/// Runs one suite as a child of this program with its output in `log`; whether it passed.
fn run_logged(this: &Path, id: &str, log: &Path) -> Result<bool, String> {
    let file = File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let err = file.try_clone().map_err(|e| e.to_string())?;
    let status = Cmd::new(this)
        .args(["__test-step", id])
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(err)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", this.display()))?;
    Ok(status.success())
}

fn append(full_log: &Path, name: &str, log: &str) -> Result<(), String> {
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(full_log)
        .map_err(|e| format!("{}: {e}", full_log.display()))?;
    writeln!(file, "\n== {name}\n{log}").map_err(|e| e.to_string())
}

/// `xtask __test-step <id>`: one suite, its output going wherever the parent sent it.
pub fn step(args: &[String]) -> Result<(), String> {
    let id = args.first().map(String::as_str).unwrap_or("");
    let suite = SUITES
        .iter()
        .find(|suite| suite.id == id)
        .ok_or_else(|| format!("no test suite {id:?}"))?;
    (suite.run)(&paths::root())
}

fn cargo(root: &Path, args: &[&str]) -> Result<(), String> {
    run::status(Cmd::new("cargo").current_dir(root).args(args))
}

fn format(root: &Path) -> Result<(), String> {
    cargo(root, &["fmt", "--all", "--check"])
}

fn clippy_native(root: &Path) -> Result<(), String> {
    cargo(
        root,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )
}

fn wasm_target(_root: &Path) -> Result<(), String> {
    let installed =
        run::output(Cmd::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    run::status(Cmd::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The library with its tests and benchmarks as the browser build sees them (`xtask` and
/// the CLI are native tools).
fn clippy_wasm(root: &Path) -> Result<(), String> {
    cargo(
        root,
        &[
            "clippy",
            "--package",
            "textmarker",
            "--all-targets",
            "--target",
            WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ],
    )
}

fn import_loops(root: &Path) -> Result<(), String> {
    crate::imports::check(&root.join("src"))?;
    println!("no file in src/ imports a file that imports it back");
    Ok(())
}

/// `--show-output` keeps the skip notes of tests that passed early in the log, to be counted.
fn native_tests(root: &Path) -> Result<(), String> {
    cargo(
        root,
        &[
            "test",
            "--workspace",
            "--all-targets",
            "--",
            "--show-output",
        ],
    )
}

fn doc_tests(root: &Path) -> Result<(), String> {
    cargo(root, &["test", "--workspace", "--doc"])
}

/// Regenerates `src/generated/` and fails when the committed tables differ: they must be
/// what `cargo xtask gen` makes from the data in ../shared.
fn check_generated(root: &Path) -> Result<(), String> {
    if paths::shared().is_none() {
        println!("{SKIP_MARKER} ../shared is missing, nothing to regenerate from");
        return Ok(());
    }
    crate::gen(&[])?;
    if !run::exists("git") || !root.join(".git").exists() {
        println!("{SKIP_MARKER} the diff: not a git checkout");
        return Ok(());
    }
    run::status(Cmd::new("git").current_dir(root).args([
        "diff",
        "--exit-code",
        "--stat",
        "--",
        "src/generated",
    ]))
    .map_err(|_| {
        "src/generated differs from what `cargo xtask gen` makes: run it and commit the result"
            .to_string()
    })
}

fn browser_tools(root: &Path) -> Result<(), String> {
    web::ensure_toolchain()?;
    ensure_chromium()?;
    ensure_npm_packages(root)
}

fn wasm_tests(root: &Path) -> Result<(), String> {
    run::status(
        Cmd::new("cargo")
            .current_dir(root)
            .args(["test", "--target", WASM_TARGET, "--test", "wasm_boundary"])
            .env("CHROMEDRIVER", CHROMEDRIVER),
    )
}

fn end_to_end(root: &Path) -> Result<(), String> {
    web::build_into(&root.join("www").join("pkg"))?;
    if !root.join("tests/e2e").is_dir() {
        return Ok(());
    }
    run::status(Cmd::new("node").current_dir(root).args([
        "--test",
        "--test-concurrency=1",
        "tests/e2e/",
    ]))
}

/// The page's path (module, worker, client.js) against the CLI on every article in ../shared:
/// tests/differential/.
fn differential(root: &Path) -> Result<(), String> {
    web::build_into(&root.join("www").join("pkg"))?;
    run::status(Cmd::new("node").current_dir(root).args([
        "--test",
        "--test-concurrency=1",
        "tests/differential/",
    ]))
}

fn npm_package(root: &Path) -> Result<(), String> {
    crate::dist::dist(&[])?;
    run::status(
        Cmd::new("node")
            .current_dir(root)
            .args(["--test", "tests/package/"]),
    )
}

/// The Spark example over the news articles, against the CLI line for line.
fn spark(_root: &Path) -> Result<(), String> {
    crate::spark::test()
}

fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    run::apt_install(&["chromium", "chromium-driver"])
}

fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    if !root.join("package.json").exists() {
        return Ok(());
    }
    if !run::exists("npm") {
        return Err("npm is missing: install Node.js 20 or newer".into());
    }
    let command = if root.join("package-lock.json").exists() {
        "ci"
    } else {
        "install"
    };
    run::status(Cmd::new("npm").current_dir(root).args([
        command,
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]))
}

/// The nightly toolchain and cargo-fuzz, installed when missing.
fn fuzz_tools(_root: &Path) -> Result<(), String> {
    let toolchains =
        run::output(Cmd::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        run::status(Cmd::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    if run::output(Cmd::new("cargo").args(["fuzz", "--version"])).is_none() {
        run::status(Cmd::new("cargo").args(["install", "cargo-fuzz"]))?;
    }
    Ok(())
}

/// Runs the cargo-fuzz target for a minute from a few news-like seeds.
fn fuzz(root: &Path) -> Result<(), String> {
    let corpus = root.join("fuzz").join("corpus").join("annotate");
    fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    for (name, seed) in FUZZ_SEEDS.iter().enumerate() {
        let _ = fs::write(corpus.join(format!("seed-{name}")), seed);
    }
    run::status(Cmd::new("cargo").current_dir(root.join("fuzz")).args([
        "+nightly".to_string(),
        "fuzz".into(),
        "run".into(),
        "annotate".into(),
        "--".into(),
        format!("-max_total_time={FUZZ_SECONDS}"),
        "-max_len=4096".into(),
        "-print_final_stats=1".into(),
    ]))
}

/// Starting points for the fuzzer: news-like text with every kind of span.
const FUZZ_SEEDS: &[&str] = &[
    "„Wir sind ein Verbündeter“, sagte Trump am Dienstag in Tokio.",
    "Das Paket im Volumen von 550 Milliarden Dollar (472,51 Mrd. Euro) umfasse Investitionen.",
    "Anfang Oktober stiegen die Preise um 15 Prozent auf 60.000 Euro; vor drei Tagen 14.30 Uhr.",
    "Laut Reuters hat die US-Präsidentin »nie ‚so‘ etwas« gesagt, so der japanische Minister.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_counts_from_each_runner() {
        let cases: &[(&str, &str, Counts)] = &[
            (
                "libtest, two binaries, a skipped test",
                "running 3 tests\n---- seed stdout ----\nskipped: ../shared/seed is absent\n\
                 test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                 test result: FAILED. 4 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out\n",
                Counts { passed: 6, failed: 2, skipped: 1, ignored: 1, any: true, fuzz_runs: None },
            ),
            (
                "node's TAP totals, with its skip note",
                "skipping: absent\n# tests 5\n# suites 0\n# pass 4\n# fail 0\n# cancelled 0\n# skipped 1\n# todo 0\n",
                Counts { passed: 4, failed: 0, skipped: 1, ignored: 0, any: true, fuzz_runs: None },
            ),
            (
                "node's spec totals",
                "ℹ tests 3\nℹ pass 2\nℹ fail 1\nℹ skipped 0\n",
                Counts { passed: 2, failed: 1, skipped: 0, ignored: 0, any: true, fuzz_runs: None },
            ),
            (
                "a step that skipped",
                "skipped: ../shared is missing, nothing to regenerate from\n",
                Counts { skipped: 1, ..Counts::default() },
            ),
            (
                "libFuzzer",
                "#1024\tpulse  cov: 812\nDone 123456 runs in 61 second(s)\nstat::number_of_executed_units: 123456\n",
                Counts { fuzz_runs: Some(123456), ..Counts::default() },
            ),
            ("a lint", "Finished `dev` profile\n", Counts::default()),
        ];
        for (name, log, expected) in cases {
            assert_eq!(&Counts::read(log), expected, "{name}");
        }
    }

    #[test]
    fn totals_count_a_suite_without_tests_as_one_check() {
        let mut totals = Totals::default();
        totals.add(&Counts::default(), true);
        totals.add(
            &Counts {
                skipped: 1,
                ..Counts::default()
            },
            true,
        );
        totals.add(
            &Counts {
                passed: 5,
                skipped: 2,
                any: true,
                ..Counts::default()
            },
            true,
        );
        totals.add(&Counts::default(), false);
        assert_eq!((totals.passed, totals.failed, totals.skipped), (6, 1, 3));
    }

    #[test]
    fn selects_suites_from_the_flags() {
        let ids = |args: &[&str]| -> Result<Vec<&str>, String> {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            Ok(selected(&args)?.iter().map(|suite| suite.id).collect())
        };
        assert_eq!(ids(&[]).unwrap().len(), SUITES.len());
        assert_eq!(
            ids(&["--only", "imports,fmt"]).unwrap(),
            ["fmt", "imports"],
            "in the suites' order"
        );
        let quick = ids(&["--no-browser", "--no-fuzz"]).unwrap();
        assert!(quick.contains(&"native") && !quick.contains(&"e2e") && !quick.contains(&"fuzz"));
        assert!(ids(&["--only", "lint"]).is_err());
    }

    #[test]
    fn every_suite_has_its_own_id() {
        let mut ids: Vec<&str> = SUITES.iter().map(|suite| suite.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SUITES.len());
        for id in BROWSER_SUITES.iter().chain(FUZZ_SUITES) {
            assert!(ids.contains(id), "{id}");
        }
    }
}

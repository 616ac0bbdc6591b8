//! `cargo xtask test`: installs what the tests need on a fresh Debian machine with rustup and
//! node, then runs every suite: native unit/integration/property tests, the generated-table
//! check, wasm-bindgen tests in headless Chromium, and the Playwright end-to-end tests.

use std::path::Path;
use std::time::Instant;

use crate::paths;
use crate::run::{self, Cmd};
use crate::web;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let is_root = run::output(Cmd::new("id").arg("-u")).is_some_and(|id| id.trim() == "0");
    let sudo: &[&str] = if is_root { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut argv: Vec<&str> = sudo.to_vec();
        argv.push("apt-get");
        argv.extend_from_slice(args);
        run::status(
            Cmd::new(argv[0])
                .args(&argv[1..])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    };
    apt(&["update", "-q"])?;
    apt(&["install", "-y", "-q", "chromium", "chromium-driver"])
}

fn ensure_npm_packages() -> Result<(), String> {
    let root = paths::root();
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
    run::status(Cmd::new("npm").current_dir(&root).args([
        command,
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]))
}

/// A step of the suite, timed and named in the summary.
struct Steps {
    started: Instant,
    done: Vec<(String, f64)>,
}

impl Steps {
    fn run(&mut self, name: &str, step: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
        eprintln!("\n== {name}");
        let started = Instant::now();
        step().map_err(|e| format!("{name}: {e}"))?;
        self.done
            .push((name.to_string(), started.elapsed().as_secs_f64()));
        Ok(())
    }
}

pub fn test(args: &[String]) -> Result<(), String> {
    if args.first().is_some_and(|a| a == "spark") {
        return crate::spark::test();
    }
    let skip_browser = args.iter().any(|a| a == "--no-browser");
    let skip_fuzz = args.iter().any(|a| a == "--no-fuzz");
    let root = paths::root();
    if paths::shared().is_none() {
        eprintln!("note: ../shared is missing: tests that read shared data will skip");
    }
    let mut steps = Steps {
        started: Instant::now(),
        done: Vec::new(),
    };

    steps.run("native tests", || {
        run::status(Cmd::new("cargo").current_dir(&root).args([
            "test",
            "--workspace",
            "--all-targets",
        ]))?;
        run::status(
            Cmd::new("cargo")
                .current_dir(&root)
                .args(["test", "--workspace", "--doc"]),
        )
    })?;
    steps.run("generated tables are up to date", || check_generated(&root))?;
    if !args.iter().any(|a| a == "--no-spark") {
        steps.run("Spark example against the CLI", crate::spark::test)?;
    }
    if !skip_browser {
        steps.run("install browser test tools", || {
            web::ensure_toolchain()?;
            ensure_chromium()?;
            ensure_npm_packages()
        })?;
        steps.run("wasm tests in headless Chromium", || {
            run::status(
                Cmd::new("cargo")
                    .current_dir(&root)
                    .args([
                        "test",
                        "--target",
                        "wasm32-unknown-unknown",
                        "--test",
                        "wasm_boundary",
                    ])
                    .env("CHROMEDRIVER", CHROMEDRIVER),
            )
        })?;
        steps.run("end-to-end tests (Playwright)", || {
            web::build_into(&root.join("www").join("pkg"))?;
            if !root.join("tests/e2e").is_dir() {
                return Ok(());
            }
            run::status(Cmd::new("node").current_dir(&root).args([
                "--test",
                "--test-concurrency=1",
                "tests/e2e/",
            ]))
        })?;
        steps.run(
            "npm package (dist, pack, import from Node and from a page)",
            || {
                crate::dist::dist(&[])?;
                run::status(
                    Cmd::new("node")
                        .current_dir(&root)
                        .args(["--test", "tests/package/"]),
                )
            },
        )?;
    }
    if !skip_fuzz {
        steps.run("fuzz smoke (60 s)", || fuzz_smoke(&root, 60))?;
    }
    eprintln!("\n== summary");
    for (name, seconds) in &steps.done {
        eprintln!("  {seconds:7.1} s  {name}");
    }
    eprintln!("  {:7.1} s  total", steps.started.elapsed().as_secs_f64());
    Ok(())
}

/// Regenerates `src/generated/` and fails when the committed tables differ: they must be
/// what `cargo xtask gen` makes from the data in ../shared.
fn check_generated(root: &Path) -> Result<(), String> {
    if paths::shared().is_none() {
        eprintln!("skipped: ../shared is missing, nothing to regenerate from");
        return Ok(());
    }
    crate::gen(&[])?;
    if !run::exists("git") || !root.join(".git").exists() {
        eprintln!("skipped the diff: not a git checkout");
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

/// Runs the cargo-fuzz target for `seconds` (nightly and cargo-fuzz are installed if missing).
pub fn fuzz_smoke(root: &Path, seconds: u32) -> Result<(), String> {
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
    let corpus = root.join("fuzz").join("corpus").join("annotate");
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    for (name, seed) in FUZZ_SEEDS.iter().enumerate() {
        let _ = std::fs::write(corpus.join(format!("seed-{name}")), seed);
    }
    run::status(Cmd::new("cargo").current_dir(root.join("fuzz")).args([
        "+nightly".to_string(),
        "fuzz".into(),
        "run".into(),
        "annotate".into(),
        "--".into(),
        format!("-max_total_time={seconds}"),
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
